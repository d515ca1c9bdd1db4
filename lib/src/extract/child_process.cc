#include "extract/child_process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <string_view>

namespace clausescan::internal {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// The first byte the child writes says what follows.
constexpr char kValue = 'V';        // the value
constexpr char kError = 'E';        // one byte of ErrorCode, then the detail
constexpr char kOutOfMemory = 'M';  // nothing
constexpr char kException = 'X';    // the exception's what()

constexpr int kChildOutput = 3;  // the descriptor the child writes its result to

// The message (tag and what follows) travels after its length, as 8 little-endian bytes, so
// the parent can tell a whole message from one cut short when the child died while writing.
constexpr std::size_t kLengthBytes = 8;

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Writes the length of tag + body, the tag and the body to the parent.
bool WriteMessage(char tag, std::string_view body) {
  std::uint64_t length = body.size() + 1;
  char header[kLengthBytes + 1];
  for (std::size_t i = 0; i < kLengthBytes; ++i) header[i] = static_cast<char>(length >> (8 * i));
  header[kLengthBytes] = tag;
  return WriteAll(kChildOutput, std::string_view(header, sizeof header)) &&
         WriteAll(kChildOutput, body);
}

// The message in what the parent read (tag first), or nullopt when it is not exactly one whole
// message.
std::optional<std::string_view> WholeMessage(std::string_view received) {
  if (received.size() <= kLengthBytes) return std::nullopt;
  std::uint64_t length = 0;
  for (std::size_t i = 0; i < kLengthBytes; ++i) {
    length |= std::uint64_t{static_cast<unsigned char>(received[i])} << (8 * i);
  }
  received.remove_prefix(kLengthBytes);
  if (length != received.size()) return std::nullopt;
  return received;
}

// Gives the child the signal dispositions and mask a freshly executed program would have:
// every handled signal back to its default action (a handler of the parent, such as the CLI's
// clean-up on SIGTERM, must never run in the child), ignored ones left ignored, none blocked.
void ResetSignals() {
  for (int signal = 1; signal < NSIG; ++signal) {
    if (signal == SIGKILL || signal == SIGSTOP) continue;
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) != 0) continue;  // reserved by the C library
    if (current.sa_handler == SIG_IGN && !(current.sa_flags & SA_SIGINFO)) continue;
    struct sigaction reset {};
    reset.sa_handler = SIG_DFL;
    sigemptyset(&reset.sa_mask);
    ::sigaction(signal, &reset, nullptr);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// Memory reserved by the children of this process that are running; see ChildLimits.
class MemoryPool {
 public:
  // Waits until `bytes` more fit within `capacity`, then reserves them. Expects bytes <=
  // capacity.
  void Reserve(std::size_t bytes, std::size_t capacity) {
    std::unique_lock<std::mutex> lock(mutex_);
    freed_.wait(lock, [&] { return reserved_ <= capacity - bytes; });
    reserved_ += bytes;
  }
  void Release(std::size_t bytes) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      reserved_ -= bytes;
    }
    freed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t reserved_ = 0;
};

MemoryPool& Pool() {
  static MemoryPool* pool = new MemoryPool();  // never destroyed: used until the last child
  return *pool;
}

// A reservation in Pool(), given back when it goes out of scope.
class Reservation {
 public:
  Reservation() = default;
  void Take(std::size_t bytes, std::size_t capacity) {
    Pool().Reserve(bytes, capacity);
    bytes_ = bytes;
  }
  ~Reservation() {
    if (bytes_ > 0) Pool().Release(bytes_);
  }
  Reservation(const Reservation&) = delete;
  Reservation& operator=(const Reservation&) = delete;

 private:
  std::size_t bytes_ = 0;
};

// Blocks every signal in the calling thread until it goes out of scope, so that none is
// handled in the child between the fork and ResetSignals().
class BlockedSignals {
 public:
  BlockedSignals() {
    sigset_t all;
    sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &old_);
  }
  ~BlockedSignals() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;

 private:
  sigset_t old_;
};

std::size_t AddressSpaceBytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

// Gives the child only its output descriptor (as kChildOutput), /dev/null as stdin and stdout,
// and `errors` as stderr (or the inherited stderr when errors is -1).
void IsolateDescriptors(int output, int errors) {
  // Moved above the standard descriptors first: a parent with stdin closed gets pipes at 0-2.
  int moved_output = ::fcntl(output, F_DUPFD, 10);
  int moved_errors = errors >= 0 ? ::fcntl(errors, F_DUPFD, 10) : -1;
  if (moved_output < 0 || (errors >= 0 && moved_errors < 0)) ::_exit(120);
  int devnull = ::open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    ::dup2(devnull, STDIN_FILENO);
    ::dup2(devnull, STDOUT_FILENO);
  }
  if (moved_errors >= 0) ::dup2(moved_errors, STDERR_FILENO);
  if (::dup2(moved_output, kChildOutput) < 0) ::_exit(120);
  ::close_range(kChildOutput + 1, ~0U, 0);
}

void SetLimits(const ChildLimits& limits) {
  // A backstop should the parent stop watching: the CPU time the wall-clock limit allows.
  rlim_t cpu_seconds = static_cast<rlim_t>(limits.time.count() / 1000 + 2);
  rlimit cpu{cpu_seconds, cpu_seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  if (limits.memory_bytes > 0 && !kAddressSanitizer) {
    rlim_t bytes = static_cast<rlim_t>(AddressSpaceBytes() + limits.memory_bytes);
    rlimit memory{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &memory);
  }
}

// Set in the child once an allocation failed, whether or not work() let std::bad_alloc out: a
// library that catches it goes on with less (poppler's text extraction then returns no text,
// which read as "this PDF needs OCR"), so what work() returns after it is no result.
bool g_allocation_failed = false;

[[noreturn]] void NoteFailedAllocation() {
  g_allocation_failed = true;
  throw std::bad_alloc();
}

[[noreturn]] void RunChild(int output, int errors, pid_t parent,
                           const std::function<Result<std::string>()>& work,
                           const ChildLimits& limits) {
  ResetSignals();
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(121);
  IsolateDescriptors(output, errors);
  SetLimits(limits);
  std::set_new_handler(NoteFailedAllocation);
  bool written = false;
  try {
    Result<std::string> result = work();
    if (g_allocation_failed) {
      written = WriteMessage(kOutOfMemory, {});
    } else if (result) {
      written = WriteMessage(kValue, *result);
    } else {
      std::string message(1, static_cast<char>(result.error().code()));
      message += result.error().detail();
      written = WriteMessage(kError, message);
    }
  } catch (const std::bad_alloc&) {
    written = WriteMessage(kOutOfMemory, {});
  } catch (const std::exception& e) {
    written = WriteMessage(kException, e.what());
  } catch (...) {
    written = WriteMessage(kException, {});
  }
  ::_exit(written ? 0 : 122);
}

// Waits for the child to end; returns its wait status, or -1 when it is unknown (the child was
// reaped elsewhere: a process that ignores SIGCHLD has its children reaped by the kernel).
int Reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return status;
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() { Close(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// A pipe whose ends close with it.
struct Pipe {
  Descriptor read{-1};
  Descriptor write{-1};
};

bool OpenPipe(Pipe& pipe) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  pipe.read.Reset(fds[0]);
  pipe.write.Reset(fds[1]);
  return true;
}

std::string Seconds(std::chrono::milliseconds time) {
  if (time.count() % 1000 == 0) return fmt::format("{} s", time.count() / 1000);
  return fmt::format("{:.1f} s", static_cast<double>(time.count()) / 1000.0);
}

constexpr std::size_t kStderrKept = 4096;  // the end of the child's stderr, for diagnosis

// What the parent read from the child before it ended or the deadline passed.
struct ChildOutput {
  std::string result;
  std::string errors;  // the last kStderrKept bytes of its stderr
  bool timed_out = false;
};

// Reads the child's result (and stderr, when errors >= 0) until both end or the deadline.
ChildOutput ReadChild(int result, int errors, std::chrono::steady_clock::time_point deadline) {
  ChildOutput out;
  pollfd fds[2] = {{result, POLLIN, 0}, {errors, POLLIN, 0}};
  int open = errors >= 0 ? 2 : 1;
  char buffer[1 << 16];
  while (open > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      out.timed_out = true;
      break;
    }
    int polled = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1 << 30)));
    if (polled < 0 && errno != EINTR) break;
    if (polled <= 0) continue;  // the deadline is checked at the top
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {  // end of output (or a read error: judged by the exit status)
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::string& into = i == 0 ? out.result : out.errors;
      into.append(buffer, static_cast<std::size_t>(n));
      if (i == 1 && into.size() > kStderrKept) into.erase(0, into.size() - kStderrKept);
    }
  }
  return out;
}

}  // namespace

Result<std::string> RunInChildProcess(const std::function<Result<std::string>()>& work,
                                      const ChildLimits& limits, const std::string& what,
                                      const std::string& name) {
  auto start_error = [&] {
    return Error(ErrorCode::kIo, fmt::format("cannot start {}: {}", what, std::strerror(errno)),
                 name);
  };
  Reservation reservation;
  if (limits.shared_memory_bytes > 0 && limits.memory_bytes > 0) {
    if (limits.memory_bytes > limits.shared_memory_bytes) {
      return Error(ErrorCode::kTooLarge,
                   fmt::format("cannot start {}: its memory limit ({} MiB) is above the {} MiB "
                               "that all readers share",
                               what, limits.memory_bytes >> 20, limits.shared_memory_bytes >> 20),
                   name);
    }
    reservation.Take(limits.memory_bytes, limits.shared_memory_bytes);
  }
  Pipe result;
  Pipe errors;  // not under AddressSanitizer, whose reports must reach the terminal
  if (!OpenPipe(result) || (!kAddressSanitizer && !OpenPipe(errors))) return start_error();
  const pid_t parent = ::getpid();
  const auto deadline = std::chrono::steady_clock::now() + limits.time;
  pid_t pid;
  {
    BlockedSignals blocked;
    pid = ::fork();
    if (pid == 0) RunChild(result.write.get(), errors.write.get(), parent, work, limits);
  }
  if (pid < 0) return start_error();
  // Closed here so the end of the child's output is seen as end of file.
  result.write.Close();
  errors.write.Close();

  ChildOutput out = ReadChild(result.read.get(), errors.read.get(), deadline);
  auto raise_with = [](const std::string& option) {
    return option.empty() ? std::string() : " (raise the limit with " + option + ")";
  };
  auto time_limit_error = [&] {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("{} took longer than {}, the time limit{}", what, Seconds(limits.time),
                             raise_with(limits.time_option)),
                 name);
  };
  auto memory_error = [&] {
    if (limits.memory_bytes == 0) {
      return Error(ErrorCode::kTooLarge, fmt::format("{} ran out of memory", what), name);
    }
    if (limits.shared_memory_bytes > 0) {
      return Error(ErrorCode::kTooLarge,
                   fmt::format("{} needed more than {} MiB of memory, its share of the {} MiB "
                               "limit{}",
                               what, limits.memory_bytes >> 20, limits.shared_memory_bytes >> 20,
                               raise_with(limits.memory_option)),
                   name);
    }
    return Error(ErrorCode::kTooLarge,
                 fmt::format("{} needed more than {} MiB of memory, the limit{}", what,
                             limits.memory_bytes >> 20, raise_with(limits.memory_option)),
                 name);
  };
  if (out.timed_out) {
    ::kill(pid, SIGKILL);
    Reap(pid);
    return time_limit_error();
  }
  const int status = Reap(pid);
  const bool status_known = status != -1;
  // With the status unknown, only a whole message shows that the child finished its work.
  const std::optional<std::string_view> message = WholeMessage(out.result);
  const bool exited_cleanly = !status_known || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (!exited_cleanly || !message) {
    if (status_known && WIFSIGNALED(status)) {
      const int signal = WTERMSIG(status);
      if (signal == SIGXCPU) return time_limit_error();
      // poppler's allocator prints this and aborts when malloc fails.
      if (signal == SIGABRT && out.errors.find("Out of memory") != std::string::npos) {
        return memory_error();
      }
      return Error(ErrorCode::kCorrupt,
                   fmt::format("{} failed: the reader was killed by signal {} ({})", what, signal,
                               ::strsignal(signal)),
                   name);
    }
    if (!status_known && out.errors.find("Out of memory") != std::string::npos) {
      return memory_error();
    }
    return Error(ErrorCode::kCorrupt,
                 fmt::format("{} failed: the reader stopped without a {}result", what,
                             out.result.empty() ? "" : "whole "),
                 name);
  }
  std::string_view payload = *message;
  const char tag = payload.front();
  payload.remove_prefix(1);
  switch (tag) {
    case kValue:
      out.result.erase(0, kLengthBytes + 1);
      return std::move(out.result);
    case kError: {
      if (payload.empty()) break;
      // The code byte comes from another process: anything outside ErrorCode is a bug there.
      const auto code = static_cast<unsigned char>(payload.front());
      const bool known = code >= static_cast<unsigned char>(ErrorCode::kIo) &&
                         code <= static_cast<unsigned char>(ErrorCode::kCorrupt);
      return Error(known ? static_cast<ErrorCode>(code) : ErrorCode::kInternal,
                   std::string(payload.substr(1)), name);
    }
    case kOutOfMemory:
      return memory_error();
    case kException:
      return Error(ErrorCode::kCorrupt, fmt::format("{} failed: {}", what, payload), name);
    default:
      break;
  }
  return Error(ErrorCode::kInternal, fmt::format("{}: the reader's result is garbled", what), name);
}

}  // namespace clausescan::internal

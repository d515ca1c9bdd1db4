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
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
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

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

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

[[noreturn]] void RunChild(int output, int errors, pid_t parent,
                           const std::function<Result<std::string>()>& work,
                           const ChildLimits& limits) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(121);
  IsolateDescriptors(output, errors);
  SetLimits(limits);
  bool written = false;
  try {
    Result<std::string> result = work();
    if (result) {
      written =
          WriteAll(kChildOutput, std::string_view(&kValue, 1)) && WriteAll(kChildOutput, *result);
    } else {
      std::string message(1, kError);
      message += static_cast<char>(result.error().code());
      message += result.error().detail();
      written = WriteAll(kChildOutput, message);
    }
  } catch (const std::bad_alloc&) {
    written = WriteAll(kChildOutput, std::string_view(&kOutOfMemory, 1));
  } catch (const std::exception& e) {
    written = WriteAll(kChildOutput, std::string_view(&kException, 1)) &&
              WriteAll(kChildOutput, e.what());
  } catch (...) {
    written = WriteAll(kChildOutput, std::string_view(&kException, 1));
  }
  ::_exit(written ? 0 : 122);
}

// Waits for the child to end; returns its wait status, or -1 when it was reaped elsewhere.
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
  Pipe result;
  Pipe errors;  // not under AddressSanitizer, whose reports must reach the terminal
  if (!OpenPipe(result) || (!kAddressSanitizer && !OpenPipe(errors))) return start_error();
  const pid_t parent = ::getpid();
  const auto deadline = std::chrono::steady_clock::now() + limits.time;
  const pid_t pid = ::fork();
  if (pid < 0) return start_error();
  if (pid == 0) RunChild(result.write.get(), errors.write.get(), parent, work, limits);
  // Closed here so the end of the child's output is seen as end of file.
  result.write.Close();
  errors.write.Close();

  ChildOutput out = ReadChild(result.read.get(), errors.read.get(), deadline);
  auto time_limit_error = [&] {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("{} took longer than {}, the time limit", what, Seconds(limits.time)),
                 name);
  };
  auto memory_error = [&] {
    return Error(ErrorCode::kTooLarge,
                 limits.memory_bytes > 0
                     ? fmt::format("{} needed more than {} MiB of memory, the limit", what,
                                   limits.memory_bytes >> 20)
                     : fmt::format("{} ran out of memory", what),
                 name);
  };
  if (out.timed_out) {
    ::kill(pid, SIGKILL);
    Reap(pid);
    return time_limit_error();
  }
  const int status = Reap(pid);
  const bool exited_cleanly = status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (!exited_cleanly || out.result.empty()) {
    if (status != -1 && WIFSIGNALED(status)) {
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
    return Error(ErrorCode::kCorrupt,
                 fmt::format("{} failed: the reader stopped without a result", what), name);
  }
  std::string_view payload(out.result);
  const char tag = payload.front();
  payload.remove_prefix(1);
  switch (tag) {
    case kValue:
      out.result.erase(0, 1);
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

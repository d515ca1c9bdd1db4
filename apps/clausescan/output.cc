#include "output.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <streambuf>
#include <vector>

#include "commands.h"

namespace clausescan::cli {

// A stream buffer over a file descriptor that keeps the first write error (an errno value)
// and fails every write after it. `closed`: the descriptor stands for a closed stream, so any
// write fails with EBADF.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd, bool closed = false) : fd_(fd), closed_(closed), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    if (size < epptr() - pptr()) {
      std::memcpy(pptr(), data, static_cast<std::size_t>(size));
      pbump(static_cast<int>(size));
      return size;
    }
    return Drain() && WriteAll(data, static_cast<std::size_t>(size)) ? size : 0;
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return WriteAll(buffer_.data(), size);
  }
  bool WriteAll(const char* data, std::size_t size) {
    if (error_ != 0) return false;
    if (closed_ && size > 0) error_ = EBADF;
    while (error_ == 0 && size > 0) {
      ssize_t written = ::write(fd_, data, size);
      if (written < 0 && errno != EINTR) error_ = errno;
      if (written <= 0) continue;
      data += written;
      size -= static_cast<std::size_t>(written);
    }
    return error_ == 0;
  }

  int fd_;
  bool closed_;
  int error_ = 0;
  std::vector<char> buffer_;
};

namespace {

// What the signal handler reads, prepared beforehand in plain buffers: a handler may only call
// async-signal-safe functions (no allocation, no locks, no formatting).
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};
// The temporary file of the open Output, NUL-terminated, and the end of the handler's message
// for it ("; FILE not written\n"); valid while g_temp_path_set.
char g_temp_path[PATH_MAX];
char g_not_written[PATH_MAX + 32];
std::size_t g_not_written_size = 0;
volatile std::sig_atomic_t g_temp_path_set = 0;
// Whether stderr's current line holds a progress bar (see SetProgressLineShown).
volatile std::sig_atomic_t g_progress_line = 0;

FdBuffer* g_stdout = nullptr;  // std::cout's buffer, for the life of the process

// Holds back SIGINT, SIGTERM and SIGHUP (the signals the cleanup handler takes) for its
// lifetime; one that arrives meanwhile is delivered when it ends. Thread: the calling one.
class SignalsHeldBack {
 public:
  SignalsHeldBack() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, signal);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsHeldBack() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsHeldBack(const SignalsHeldBack&) = delete;
  SignalsHeldBack& operator=(const SignalsHeldBack&) = delete;

 private:
  sigset_t previous_;
};

void RememberTempPath(const std::string& path, const std::string& shown_as) {
  g_temp_path_set = 0;
  const std::string tail = "; " + shown_as + " not written\n";
  if (path.size() >= sizeof g_temp_path || tail.size() > sizeof g_not_written) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  std::memcpy(g_not_written, tail.data(), tail.size());
  g_not_written_size = tail.size();
  g_temp_path_set = 1;
}

void ForgetTempPath() { g_temp_path_set = 0; }

const char* SignalName(int signal) {
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
  }
  return "a signal";
}

// Removes the temporary file, clears a progress bar, says on stderr that the run was stopped
// (and that its report was not written), then dies of the signal as it would have without the
// handler. Async-signal-safe: signal, unlink, write and raise only.
extern "C" void StopOnSignal(int signal) {
  // The other handled signals are ignored from here on (and pending ones discarded), so a
  // second signal cannot run this handler again or overtake the death by this one.
  for (int other : kCleanupSignals) {
    if (other != signal) std::signal(other, SIG_IGN);
  }
  const bool temp_file = g_temp_path_set != 0;
  if (temp_file) ::unlink(g_temp_path);
  char message[sizeof g_not_written + 64];
  std::size_t size = 0;
  auto append = [&](const char* text, std::size_t length) {
    for (std::size_t i = 0; i < length && size < sizeof message; ++i) message[size++] = text[i];
  };
  if (g_progress_line) append("\r\x1b[K", 4);
  append("clausescan: interrupted by ", 27);
  const char* name = SignalName(signal);
  append(name, std::strlen(name));
  if (temp_file) {
    append(g_not_written, g_not_written_size);
  } else {
    append("\n", 1);
  }
  for (std::size_t done = 0; done < size;) {
    const ssize_t written = ::write(STDERR_FILENO, message + done, size - done);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;  // stderr gone: the signal still ends the run
    done += static_cast<std::size_t>(written);
  }
  // Blocked while this handler runs: delivered, with the default action, as it returns.
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

std::string Describe(int error_number) { return std::strerror(error_number); }

// Follows path while it is a symlink (at most 40 links) to the file it leads to, which may not
// exist. Only the last component is followed: folders on the way are used as named. False (errno
// ELOOP) when the links go round.
bool FollowLinks(const std::string& path, std::string* target) {
  std::string current = path;
  for (int links = 0; links <= 40; ++links) {
    struct stat st;
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      *target = current;
      return true;
    }
    char link[PATH_MAX];
    ssize_t size = ::readlink(current.c_str(), link, sizeof link);
    if (size < 0 || static_cast<std::size_t>(size) >= sizeof link) {
      *target = current;  // unreadable: creating the file will say what is wrong
      return true;
    }
    std::filesystem::path next(std::string(link, static_cast<std::size_t>(size)));
    current = next.is_absolute() ? next.string()
                                 : (std::filesystem::path(current).parent_path() / next).string();
  }
  errno = ELOOP;
  return false;
}

// Fills out with random bytes: getrandom(2), else the C++ library's random device.
void RandomBytes(unsigned char* out, std::size_t size) {
  if (::getrandom(out, size, 0) == static_cast<ssize_t>(size)) return;
  std::random_device device;
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<unsigned char>(device());
}

// A short random name for a temporary file, hidden (folder walks skip it unless --hidden, and
// then BatchOptions::skip_files does).
std::string RandomTemporaryName() {
  static constexpr char kLetters[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[12];
  RandomBytes(bytes, sizeof bytes);
  std::string name = ".clausescan-";
  for (unsigned char byte : bytes) name += kLetters[byte % (sizeof kLetters - 1)];
  return name + ".tmp";
}

void SyncFolder(const std::string& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);  // the rename survives a crash where the file system allows it
  ::close(fd);
}

std::string FolderOf(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

}  // namespace

void InstallOutputCleanup() {
  struct sigaction action {};
  action.sa_handler = StopOnSignal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (int signal : kCleanupSignals) sigaddset(&action.sa_mask, signal);
  for (int signal : kCleanupSignals) {
    struct sigaction previous {};
    // A signal ignored at start (nohup, a background job of a script) stays ignored.
    if (::sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

void SetProgressLineShown(bool shown) { g_progress_line = shown ? 1 : 0; }

void SetUpStandardStreams() {
  bool stdout_closed = false;
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == STDOUT_FILENO) stdout_closed = true;
    // open returns the lowest free descriptor: this one, as the lower ones are open.
    int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
    if (opened != fd) {
      if (opened >= 0) ::close(opened);
      ::_exit(kExitError);  // cannot keep the run's own files off 0, 1 and 2
    }
  }
  std::ios::sync_with_stdio(false);
  g_stdout = new FdBuffer(STDOUT_FILENO, stdout_closed);  // never freed: static destructors
  std::cout.rdbuf(g_stdout);                              // flush std::cout until the end
}

int FinishStandardOutput(int status) {
  std::cout.flush();
  const int error = g_stdout != nullptr ? g_stdout->error() : 0;
  if (error == 0) return status;
  if (error == EPIPE) return kExitOk;
  PrintError("cannot write to standard output: " + Describe(error));
  return kExitError;
}

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (!committed_) Discard();
}

void Output::Discard() {
  file_.reset();
  buffer_.reset();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    ForgetTempPath();
    temp_path_.clear();
  }
}

bool Output::Open(std::string* error) {
  if (path_.empty()) return true;
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A device, a FIFO, /dev/stdout: there is nothing to replace, so write to it directly.
    fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) {
      *error = path_ + ": cannot write: " + Describe(errno);
      return false;
    }
  } else if (!OpenTemporaryFile(error)) {
    return false;
  }
  buffer_ = std::make_unique<FdBuffer>(fd_);
  file_ = std::make_unique<std::ostream>(buffer_.get());
  return true;
}

bool Output::OpenTemporaryFile(std::string* error) {
  if (!FollowLinks(path_, &target_)) {
    *error = path_ + ": " + Describe(errno);
    return false;
  }
  struct stat st;
  if (::stat(target_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      *error = path_ + ": is a directory";
      return false;
    }
    destination_exists_ = true;
    destination_ = st;
  } else if (errno != ENOENT) {
    *error = path_ + ": " + Describe(errno);
    return false;
  }
  const mode_t umask = ::umask(0);
  ::umask(umask);
  new_file_mode_ = 0666 & ~umask;
  const std::string folder = FolderOf(target_);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string path = (std::filesystem::path(folder) / RandomTemporaryName()).string();
    // The file is created and made known to the cleanup handler with the signals it handles
    // held back: one arriving in between would otherwise leave the file behind.
    SignalsHeldBack held_back;
    fd_ =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0600);
    if (fd_ >= 0) {
      temp_path_ = std::move(path);
      RememberTempPath(temp_path_, path_);
      return true;
    }
    if (errno != EEXIST) break;
  }
  *error = path_ + ": cannot create a file in " + folder + ": " + Describe(errno);
  return false;
}

bool Output::IsDestination(const struct stat& input) const {
  return destination_exists_ && input.st_dev == destination_.st_dev &&
         input.st_ino == destination_.st_ino;
}

std::vector<std::string> Output::OwnFiles() const {
  if (temp_path_.empty()) return {};
  return {target_, temp_path_};
}

std::ostream& Output::stream() { return file_ ? *file_ : std::cout; }

// Gives the temporary file the owner, group and permissions of the file it replaces (owner and
// group where permitted), or those of a new file. Returns 0 or an errno value.
int Output::GiveOwnerAndMode() {
  mode_t mode = new_file_mode_;
  struct stat st;
  if (::stat(target_.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    if (::fchown(fd_, st.st_uid, st.st_gid) != 0) {
      (void)::fchown(fd_, static_cast<uid_t>(-1), st.st_gid);  // the group, if we are in it
    }
    mode = st.st_mode & 0777;
  }
  return ::fchmod(fd_, mode) == 0 ? 0 : errno;
}

bool Output::Commit(std::string* error) {
  if (!file_) {
    std::cout.flush();
    return true;
  }
  file_->flush();
  int failure = buffer_->error();
  if (failure == 0 && !temp_path_.empty()) {
    failure = GiveOwnerAndMode();
    if (failure == 0 && ::fsync(fd_) != 0) failure = errno;
  }
  if (::close(fd_) != 0 && failure == 0 && errno != EINTR) failure = errno;
  fd_ = -1;
  if (failure == 0 && !temp_path_.empty() && ::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    failure = errno;
  }
  if (failure != 0) {
    Discard();
    *error = path_ + ": cannot write: " + Describe(failure);
    return false;
  }
  if (!temp_path_.empty()) {
    ForgetTempPath();
    temp_path_.clear();
    SyncFolder(FolderOf(target_));
  }
  committed_ = true;
  return true;
}

bool Output::IsTerminal() const { return !file_ && ::isatty(STDOUT_FILENO); }

}  // namespace clausescan::cli

#include "output.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <streambuf>
#include <string_view>
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
// Handled too while a named temporary file exists (see InstallNamedFileCleanup): with an unnamed
// one, their default action leaves nothing behind.
constexpr int kNamedFileSignals[] = {SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF};
// The named temporary file of the open Output, NUL-terminated; valid while g_temp_path_set.
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_temp_path_set = 0;
// The end of the handler's message while an Output is replacing a file ("; FILE not written\n");
// valid while g_not_written_set.
char g_not_written[PATH_MAX + 32];
std::size_t g_not_written_size = 0;
volatile std::sig_atomic_t g_not_written_set = 0;
// Whether stderr's current line holds a progress bar (see SetProgressLineShown).
volatile std::sig_atomic_t g_progress_line = 0;
// Whether a line is being written (see WriteWholeLine), and a signal whose handler has to wait for
// its end: kLineWriting while one is, kStopping once a handler goes on to end the run.
constexpr int kNoLine = 0;
constexpr int kLineWriting = 1;
constexpr int kStopping = 2;
std::atomic<int> g_line_state{kNoLine};
std::atomic<int> g_signal_after_line{0};
static_assert(std::atomic<int>::is_always_lock_free, "used by a signal handler");
// An Output written directly (a descriptor, FIFO or device) found its reader gone (EPIPE).
bool g_output_reader_gone = false;

FdBuffer* g_stdout = nullptr;    // std::cout's buffer, for the life of the process
bool g_closed_at_start[3] = {};  // descriptors 0, 1 and 2 that were closed (now on /dev/null)

// Holds back the signals the cleanup handlers take for its lifetime; one that arrives meanwhile is
// delivered when it ends. Thread: the calling one.
class SignalsHeldBack {
 public:
  SignalsHeldBack() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal :
         {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF})
      sigaddset(&set, signal);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsHeldBack() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsHeldBack(const SignalsHeldBack&) = delete;
  SignalsHeldBack& operator=(const SignalsHeldBack&) = delete;

 private:
  sigset_t previous_;
};

void RememberOutput(const std::string& shown_as) {
  g_not_written_set = 0;
  const std::string tail = "; " + shown_as + " not written\n";
  if (tail.size() > sizeof g_not_written) return;
  std::memcpy(g_not_written, tail.data(), tail.size());
  g_not_written_size = tail.size();
  g_not_written_set = 1;
}

void ForgetOutput() { g_not_written_set = 0; }

void RememberTempPath(const std::string& path) {
  g_temp_path_set = 0;
  if (path.size() >= sizeof g_temp_path) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
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
    case SIGUSR1:
      return "SIGUSR1";
    case SIGUSR2:
      return "SIGUSR2";
    case SIGALRM:
      return "SIGALRM";
    case SIGXCPU:
      return "SIGXCPU";
    case SIGVTALRM:
      return "SIGVTALRM";
    case SIGPROF:
      return "SIGPROF";
  }
  return "a signal";
}

// Removes the named temporary file, clears a progress bar, says on stderr that the run was
// stopped (and that its report was not written), then dies of the signal as it would have
// without the handler. Async-signal-safe: signal, unlink, write and raise only.
extern "C" void StopOnSignal(int signal) {
  // While a line is written (on any thread), the run ends only when it is whole: the writer
  // raises the signal again then. A line that ended meanwhile is seen on the next turn.
  for (int state = kNoLine; !g_line_state.compare_exchange_strong(state, kStopping);
       state = kNoLine) {
    if (state == kStopping) return;  // another handler is ending the run
    g_signal_after_line.store(signal);
    if (g_line_state.load() == kLineWriting) return;
  }
  // The other handled signals are ignored from here on (and pending ones discarded), so a
  // second signal cannot run this handler again or overtake the death by this one.
  for (int other : kCleanupSignals) {
    if (other != signal) std::signal(other, SIG_IGN);
  }
  for (int other : kNamedFileSignals) {
    if (other != signal) std::signal(other, SIG_IGN);
  }
  if (g_temp_path_set) ::unlink(g_temp_path);
  char message[sizeof g_not_written + 64];
  std::size_t size = 0;
  auto append = [&](const char* text, std::size_t length) {
    for (std::size_t i = 0; i < length && size < sizeof message; ++i) message[size++] = text[i];
  };
  if (g_progress_line) append("\r\x1b[K", 4);
  append("clausescan: interrupted by ", 27);
  const char* name = SignalName(signal);
  append(name, std::strlen(name));
  if (g_not_written_set) {
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

// Installs StopOnSignal for each of signals; with only_default, only for those still at their
// default action (a profiler's SIGPROF handler stays). A signal ignored at start stays ignored.
template <std::size_t N>
void InstallStopOnSignal(const int (&signals)[N], bool only_default) {
  struct sigaction action {};
  action.sa_handler = StopOnSignal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (int signal : kCleanupSignals) sigaddset(&action.sa_mask, signal);
  for (int signal : kNamedFileSignals) sigaddset(&action.sa_mask, signal);
  for (int signal : signals) {
    struct sigaction previous {};
    if (::sigaction(signal, nullptr, &previous) != 0) continue;
    if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler == SIG_IGN) continue;
    if (only_default && ((previous.sa_flags & SA_SIGINFO) != 0 || previous.sa_handler != SIG_DFL)) {
      continue;
    }
    ::sigaction(signal, &action, nullptr);
  }
}

// With a named temporary file, signals whose default action kills the process would leave it.
void InstallNamedFileCleanup() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  InstallStopOnSignal(kNamedFileSignals, true);
}

std::string Describe(int error_number) { return std::strerror(error_number); }

std::string FolderOf(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// The descriptor that path names in this process's descriptor folder (/proc/PID/fd/N, also
// reached as /proc/self/fd/N, /dev/fd/N or /proc/thread-self/fd/N), or -1.
int DescriptorNamed(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (name.empty() || name.size() > 9 ||
      name.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  char real[PATH_MAX];
  if (::realpath(FolderOf(path).c_str(), real) == nullptr) return -1;
  const std::string folder = real;
  const std::string own = "/proc/" + std::to_string(::getpid());
  const bool process = folder == own + "/fd";
  const bool thread = folder.rfind(own + "/task/", 0) == 0 && folder.size() > 3 &&
                      folder.compare(folder.size() - 3, 3, "/fd") == 0;
  return process || thread ? std::stoi(name) : -1;
}

// A folder with the sticky bit: a shared folder such as /tmp, where anyone may create a name.
bool IsShared(const struct stat& folder) { return (folder.st_mode & S_ISVTX) != 0; }

std::string SharedFolderNote(const std::string& folder) {
  return "in " + folder + ", a shared folder (sticky bit)";
}

// True when path is a mount point (a bind-mounted file), which no rename can replace, as far as
// the kernel says (statx's STATX_ATTR_MOUNT_ROOT, Linux 5.8). Device numbers are not compared:
// on overlayfs a file's may differ from its folder's.
bool IsMountPoint(const std::string& path) {
#ifdef STATX_ATTR_MOUNT_ROOT
  struct statx extended {};
  return ::statx(AT_FDCWD, path.c_str(), AT_SYMLINK_NOFOLLOW, 0, &extended) == 0 &&
         (extended.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) != 0 &&
         (extended.stx_attributes & STATX_ATTR_MOUNT_ROOT) != 0;
#else
  (void)path;
  return false;
#endif
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

std::string ProcPathOf(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

}  // namespace

void InstallOutputCleanup() { InstallStopOnSignal(kCleanupSignals, false); }

bool WriteWholeLine(std::ostream& out, const std::function<void(std::ostream&)>& write) {
  int state = kNoLine;
  if (!g_line_state.compare_exchange_strong(state, kLineWriting)) {
    for (;;) ::pause();  // a signal handler is ending the run: no line is begun
  }
  write(out);
  out.flush();
  g_line_state.store(kNoLine);
  if (const int signal = g_signal_after_line.exchange(0); signal != 0) std::raise(signal);
  return static_cast<bool>(out);
}

void SetProgressLineShown(bool shown) { g_progress_line = shown ? 1 : 0; }

bool ProgressLineShown() { return g_progress_line != 0; }

void SetUpStandardStreams() {
  bool stdout_closed = false;
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == STDOUT_FILENO) stdout_closed = true;
    g_closed_at_start[fd] = true;
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

int StandardOutputError() { return g_stdout != nullptr ? g_stdout->error() : 0; }

bool StandardInputClosedAtStart() { return g_closed_at_start[STDIN_FILENO]; }

int FinishStandardOutput(int status) {
  std::cout.flush();
  const int error = g_stdout != nullptr ? g_stdout->error() : 0;
  // A reader gone ends the run quietly, but a --fail-on gate the run reached (status 1, its list
  // already on stderr) stays reached: a CI job's `| head` must not turn it into a pass.
  if (error == EPIPE || (error == 0 && g_output_reader_gone)) {
    return status == kExitFindings ? kExitFindings : kExitOk;
  }
  if (error == 0) return status;
  PrintError("cannot write to standard output: " + Describe(error));
  return kExitError;
}

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (!committed_) Discard();
  if (folder_fd_ >= 0) ::close(folder_fd_);
}

void Output::Discard() {
  file_.reset();
  buffer_.reset();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_name_.empty()) {
    ::unlinkat(folder_fd_, temp_name_.c_str(), 0);
    temp_name_.clear();
  }
  ForgetTempPath();
  if (replace_) ForgetOutput();
}

bool Output::Open(std::string* error) {
  if (path_.empty()) return true;
  struct stat st {};
  bool exists = false;
  int descriptor = -1;
  if (!FollowLinks(&st, &exists, &descriptor, error)) return false;
  bool opened = false;
  if (descriptor >= 0) {
    opened = OpenDescriptor(descriptor, error);
  } else if (exists && S_ISDIR(st.st_mode)) {
    *error = path_ + ": is a directory";
  } else if (exists && !S_ISREG(st.st_mode)) {
    opened = OpenSpecialFile(st, error);
  } else {
    opened = OpenReplacement(exists ? &st : nullptr, error);
  }
  if (!opened) return false;
  buffer_ = std::make_unique<FdBuffer>(fd_);
  file_ = std::make_unique<std::ostream>(buffer_.get());
  return true;
}

// Follows path_ while it is a symlink (at most 40 links) to what it leads to: one of this
// process's descriptors (*descriptor), or target_, which may not exist (*exists, *st: its
// lstat). Only the last component is followed: folders on the way are used as named. A symlink
// in a shared folder whose owner is neither the caller nor the folder's owner is not followed.
bool Output::FollowLinks(struct stat* st, bool* exists, int* descriptor, std::string* error) {
  std::string current = path_;
  for (int links = 0; links <= 40; ++links) {
    *descriptor = DescriptorNamed(current);
    if (*descriptor >= 0) return true;
    if (::lstat(current.c_str(), st) != 0) {
      if (errno != ENOENT) {
        *error = path_ + ": " + Describe(errno);
        return false;
      }
      *exists = false;
      target_ = current;
      return true;
    }
    if (!S_ISLNK(st->st_mode)) {
      *exists = true;
      target_ = current;
      return true;
    }
    const std::string folder = FolderOf(current);
    struct stat folder_st;
    if (::stat(folder.c_str(), &folder_st) == 0 && IsShared(folder_st) &&
        st->st_uid != ::geteuid() && st->st_uid != folder_st.st_uid) {
      *error = path_ + ": " + (current == path_ ? "is" : "leads to " + current + ",") +
               " a symlink of another user (uid " + std::to_string(st->st_uid) + ") " +
               SharedFolderNote(folder) + "; not following it";
      return false;
    }
    char link[PATH_MAX];
    const ssize_t size = ::readlink(current.c_str(), link, sizeof link);
    if (size < 0 || static_cast<std::size_t>(size) >= sizeof link) {
      *error = path_ + ": " + Describe(size < 0 ? errno : ENAMETOOLONG);
      return false;
    }
    std::filesystem::path next(std::string(link, static_cast<std::size_t>(size)));
    current = next.is_absolute() ? next.string() : (std::filesystem::path(folder) / next).string();
  }
  *error = path_ + ": " + Describe(ELOOP);
  return false;
}

// Writes through a duplicate of the descriptor path_ names (/dev/stdout): nothing is replaced.
bool Output::OpenDescriptor(int descriptor, std::string* error) {
  if (descriptor <= 2 && g_closed_at_start[descriptor]) {
    *error = path_ + ": cannot write: " + Describe(EBADF);  // it was closed, as with >&-
    return false;
  }
  fd_ = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 3);
  if (fd_ < 0) {
    *error = path_ + ": cannot write: " + Describe(errno);
    return false;
  }
  const int flags = ::fcntl(fd_, F_GETFL);
  struct stat st;
  if (flags >= 0 && (flags & O_ACCMODE) == O_RDONLY) {
    *error = path_ + ": cannot write: the descriptor is open for reading only";
  } else if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    *error = path_ + ": is a directory";
  } else {
    if (S_ISREG(st.st_mode)) {
      destination_exists_ = true;
      destination_ = st;
    }
    return true;
  }
  ::close(fd_);
  fd_ = -1;
  return false;
}

// Opens a FIFO or device to write to it directly, without waiting for a FIFO's reader.
bool Output::OpenSpecialFile(const struct stat& st, std::string* error) {
  const std::string folder = FolderOf(target_);
  struct stat folder_st;
  if (S_ISSOCK(st.st_mode)) {
    *error = path_ + ": is a socket";
    return false;
  }
  if (S_ISFIFO(st.st_mode) && st.st_uid != ::geteuid() && ::stat(folder.c_str(), &folder_st) == 0 &&
      IsShared(folder_st)) {
    *error = path_ + ": is a FIFO of another user (uid " + std::to_string(st.st_uid) + ") " +
             SharedFolderNote(folder) + "; not writing to it";
    return false;
  }
  fd_ = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
  if (fd_ < 0) {
    *error = errno == ENXIO && S_ISFIFO(st.st_mode)
                 ? "no process is reading " + path_ + " (a FIFO); not waiting for one"
                 : path_ + ": cannot write: " + Describe(errno);
    return false;
  }
  struct stat opened;
  if (::fstat(fd_, &opened) != 0 || opened.st_dev != st.st_dev || opened.st_ino != st.st_ino) {
    *error = path_ + ": was replaced while it was being opened";
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags >= 0) (void)::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);  // writes wait for the reader
  return true;
}

// Prepares to replace target_ (existing: its lstat, or nullptr for a new file).
bool Output::OpenReplacement(const struct stat* existing, std::string* error) {
  replace_ = true;
  folder_ = FolderOf(target_);
  name_ = std::filesystem::path(target_).filename().string();
  if (name_.empty() || name_ == "." || name_ == "..") {
    *error = path_ + ": is a directory";
    return false;
  }
  folder_fd_ = ::open(folder_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  struct stat folder_st;
  if (folder_fd_ < 0 || ::fstat(folder_fd_, &folder_st) != 0) {
    *error = path_ + ": cannot create a file in " + folder_ + ": " + Describe(errno);
    return false;
  }
  const mode_t umask = ::umask(0);
  ::umask(umask);
  mode_ = 0666 & ~umask;
  if (existing != nullptr) {
    if (!CheckReplaceable(*existing, folder_st, error)) return false;
    destination_exists_ = true;
    destination_ = *existing;
  }
  return CreateTemporaryFile(error);
}

// Refuses an existing regular file that must not or cannot be replaced, and chooses the new
// file's mode and group.
bool Output::CheckReplaceable(const struct stat& st, const struct stat& folder,
                              std::string* error) {
  const bool own = st.st_uid == ::geteuid();
  if (!own && IsShared(folder)) {
    *error = path_ + ": belongs to another user (uid " + std::to_string(st.st_uid) + ") " +
             SharedFolderNote(folder_) + "; not replacing it";
    return false;
  }
  if (::faccessat(AT_FDCWD, target_.c_str(), W_OK, AT_EACCESS) != 0 && errno == EACCES) {
    *error = path_ + ": is read-only; not replacing it";
    return false;
  }
  if (IsMountPoint(target_)) {
    *error = path_ + ": is a mount point; it cannot be replaced";
    return false;
  }
  if (own) {
    mode_ = st.st_mode & 0777;
    group_ = st.st_gid;
  } else {
    mode_ = 0600;  // the report is the caller's; the other user's settings do not carry over
  }
  return true;
}

// Creates the temporary file in folder_: an unnamed one where the file system allows it (and
// /proc lets it be linked in later), else a named one.
bool Output::CreateTemporaryFile(std::string* error) {
  fd_ = ::openat(folder_fd_, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd_ >= 0 && ::access(ProcPathOf(fd_).c_str(), F_OK) == 0) {
    unnamed_ = true;
    RememberOutput(path_);
    return true;
  }
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  } else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
    *error = path_ + ": cannot create a file in " + folder_ + ": " + Describe(errno);
    return false;
  }
  InstallNamedFileCleanup();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = RandomTemporaryName();
    // The file is created and made known to the cleanup handler with the signals it handles
    // held back: one arriving in between would otherwise leave the file behind.
    SignalsHeldBack held_back;
    fd_ = ::openat(folder_fd_, name.c_str(),
                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0600);
    if (fd_ >= 0) {
      temp_name_ = std::move(name);
      RememberTempPath((std::filesystem::path(folder_) / temp_name_).string());
      RememberOutput(path_);
      return true;
    }
    if (errno != EEXIST) break;
  }
  *error = path_ + ": cannot create a file in " + folder_ + ": " + Describe(errno);
  return false;
}

bool Output::IsDestination(const struct stat& input) const {
  return destination_exists_ && input.st_dev == destination_.st_dev &&
         input.st_ino == destination_.st_ino;
}

std::vector<std::string> Output::OwnFiles() const {
  std::vector<std::string> files;
  if (replace_) files.push_back(target_);
  if (!TemporaryFile().empty()) files.push_back(TemporaryFile());
  if (!replace_ && destination_exists_ && fd_ >= 0) files.push_back(ProcPathOf(fd_));
  return files;
}

std::string Output::TemporaryFile() const {
  if (temp_name_.empty()) return "";
  return (std::filesystem::path(folder_) / temp_name_).string();
}

std::ostream& Output::stream() { return file_ ? *file_ : std::cout; }

// Gives the temporary file its group (that of the caller's file it replaces) and mode. Returns 0
// or an errno value.
int Output::SetGroupAndMode() {
  struct stat st;
  if (group_ != static_cast<gid_t>(-1) && ::fstat(fd_, &st) == 0 && st.st_gid != group_) {
    (void)::fchown(fd_, static_cast<uid_t>(-1), group_);  // where permitted: a group we are in
  }
  return ::fchmod(fd_, mode_) == 0 ? 0 : errno;
}

// Gives an unnamed temporary file a random name in folder_, then renames the temporary file
// over name_. Returns 0 or an errno value; on failure no temporary name is left. Call with
// signals blocked.
int Output::Publish() {
  if (unnamed_) {
    for (int attempt = 0;; ++attempt) {
      std::string name = RandomTemporaryName();
      // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc/self/fd/N works for anyone.
      int linked = ::linkat(fd_, "", folder_fd_, name.c_str(), AT_EMPTY_PATH);
      if (linked != 0 && errno != EEXIST) {
        linked = ::linkat(AT_FDCWD, ProcPathOf(fd_).c_str(), folder_fd_, name.c_str(),
                          AT_SYMLINK_FOLLOW);
      }
      if (linked == 0) {
        temp_name_ = std::move(name);
        break;
      }
      if (errno != EEXIST || attempt >= 100) return errno;
    }
  }
  if (::renameat(folder_fd_, temp_name_.c_str(), folder_fd_, name_.c_str()) != 0) {
    const int failure = errno;
    ::unlinkat(folder_fd_, temp_name_.c_str(), 0);
    temp_name_.clear();
    ForgetTempPath();
    return failure;
  }
  temp_name_.clear();
  ForgetTempPath();
  return 0;
}

bool Output::Commit(std::string* error) {
  if (!file_) {
    std::cout.flush();
    return true;
  }
  file_->flush();
  int failure = buffer_->error();
  if (!replace_) {
    if (::close(fd_) != 0 && failure == 0 && errno != EINTR) failure = errno;
    fd_ = -1;
    if (failure == EPIPE) {  // its reader has gone: a quiet stop, as on standard output
      g_output_reader_gone = true;
      failure = 0;
    }
    if (failure != 0) {
      *error = path_ + ": cannot write: " + Describe(failure);
      return false;
    }
    committed_ = true;
    return true;
  }
  if (failure == 0) failure = SetGroupAndMode();
  if (failure == 0 && ::fsync(fd_) != 0) failure = errno;
  if (!unnamed_) {  // an unnamed file is linked in through its descriptor, then closed
    if (::close(fd_) != 0 && failure == 0 && errno != EINTR) failure = errno;
    fd_ = -1;
  }
  if (failure != 0) {
    Discard();
    *error = path_ + ": cannot write: " + Describe(failure);
    return false;
  }
  // Signals wait until the file is in place (or not): a handler never sees it half done, nor
  // says the file was not written after it was.
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  ::pthread_sigmask(SIG_BLOCK, &all, &previous);
  failure = Publish();
  if (failure == 0) {
    ForgetOutput();
    committed_ = true;
  }
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (failure != 0) {
    Discard();
    *error = failure == EBUSY ? path_ + ": cannot be replaced: it is a mount point or in use (" +
                                    Describe(failure) + ")"
                              : path_ + ": cannot write: " + Describe(failure);
    return false;
  }
  if (fd_ >= 0) ::close(fd_);  // the file is in place and on disk: a late error changes nothing
  fd_ = -1;
  const int folder = ::openat(folder_fd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    (void)::fsync(folder);  // the rename survives a crash where the file system allows it
    ::close(folder);
  }
  return true;
}

bool Output::IsTerminal() const {
  if (!file_) return ::isatty(STDOUT_FILENO);
  return !replace_ && fd_ >= 0 && ::isatty(fd_);
}

bool TerminalTakesEscapes() {
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

bool Output::WantsAutoColor() const {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return TerminalTakesEscapes() && IsTerminal();
}

bool CheckInitTarget(const std::string& file, bool force) {
  if (file.empty()) return true;
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    PrintError(file + ": is a folder: name the file to write");
    return false;
  }
  // symlink_status: a dangling symlink counts as a file that exists.
  if (!force && std::filesystem::exists(std::filesystem::symlink_status(file, ec))) {
    PrintError(file + ": already exists; use --force to overwrite it");
    return false;
  }
  const std::filesystem::path folder = std::filesystem::path(file).parent_path();
  if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
    PrintError(file + ": the folder " + folder.string() + " does not exist: create it first");
    return false;
  }
  return true;
}

}  // namespace clausescan::cli

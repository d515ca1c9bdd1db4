// Runs the clausescan binary in a shell and captures what it prints.
#ifndef CLAUSESCAN_TESTS_CLI_RUNNER_H_
#define CLAUSESCAN_TESTS_CLI_RUNNER_H_

#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/build_paths.h"

namespace clausescan::testing {

// path in single quotes for a shell command line (paths of the tests hold no quote).
inline std::string Quote(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// The names in dir, sorted.
inline std::vector<std::string> Listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// lstat(2) of path; a zeroed struct when it fails.
inline struct stat Lstat(const std::filesystem::path& path) {
  struct stat st {};
  ::lstat(path.c_str(), &st);
  return st;
}

// Waits (up to 30 s) until until() holds; false when it never did.
inline bool WaitFor(const std::function<bool()>& until) {
  for (int i = 0; i < 600; ++i) {
    if (until()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void WriteWholeFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// A fresh temporary directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clausescan-test-XXXXXX");
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// How a run's standard streams are connected: empty for the default (stdin from the `input`
// text, stdout and stderr captured into RunResult), else the shell redirection to use instead,
// such as "< contract.md", "> /dev/full", ">&-" or "2>&-".
struct Streams {
  std::string in;
  std::string out;
  std::string err;
};

inline int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The shell command that runs `clausescan <args>` in dir with the given streams.
inline std::string ClausescanCommand(const std::string& args, const std::filesystem::path& dir,
                                     const Streams& streams) {
  auto quoted = [&](const char* name) { return "'" + (dir / name).string() + "'"; };
  return std::string("'") + CLAUSESCAN_BINARY + "' " + args + " " +
         (streams.in.empty() ? "< " + quoted("in") : streams.in) + " " +
         (streams.out.empty() ? "> " + quoted("out") : streams.out) + " " +
         (streams.err.empty() ? "2> " + quoted("err") : streams.err);
}

// Runs `clausescan <args>` (args is shell text) with `input` on stdin.
inline RunResult RunClausescan(const std::string& args, const std::string& input = "",
                               const Streams& streams = {}) {
  TempDir dir;
  WriteWholeFile(dir.path() / "in", input);
  int status = std::system(ClausescanCommand(args, dir.path(), streams).c_str());
  RunResult result;
  result.exit_code = ExitCode(status);
  result.out = ReadWholeFile(dir.path() / "out");
  result.err = ReadWholeFile(dir.path() / "err");
  return result;
}

// Like RunClausescan, but calls prepare(pid) with the process id the binary will have before it
// starts (a forked child waits, then execs it), and kills it with SIGALRM after limit_seconds.
inline RunResult RunClausescanAs(const std::string& args, const std::function<void(pid_t)>& prepare,
                                 unsigned limit_seconds = 60) {
  TempDir dir;
  WriteWholeFile(dir.path() / "in", "");
  const std::string command = "exec " + ClausescanCommand(args, dir.path(), {});
  int go[2];
  RunResult result;
  if (::pipe(go) != 0) return result;
  pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    ::close(go[1]);
    char byte;
    if (::read(go[0], &byte, 1) != 1) ::_exit(127);
    ::alarm(limit_seconds);  // survives exec
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(go[0]);
  prepare(pid);
  if (::write(go[1], "x", 1) != 1) ::kill(pid, SIGKILL);
  ::close(go[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = ExitCode(status);
  result.out = ReadWholeFile(dir.path() / "out");
  result.err = ReadWholeFile(dir.path() / "err");
  return result;
}

// Runs a shell script (with sh) and returns its exit status.
inline int RunScript(const std::filesystem::path& dir, const std::string& script) {
  WriteWholeFile(dir / "script.sh", script);
  int status = std::system(("sh '" + (dir / "script.sh").string() + "'").c_str());
  std::filesystem::remove(dir / "script.sh");
  return ExitCode(status);
}

// True when process pid holds a file open inside dir (a descriptor whose target is below it):
// `scan -o dir/FILE` has then created the report's (possibly unnamed) temporary file.
inline bool HasFileOpenIn(pid_t pid, const std::filesystem::path& dir) {
  std::error_code error;
  const std::string prefix = dir.string() + "/";
  for (const auto& fd :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
    std::error_code link_error;
    const std::string target = std::filesystem::read_symlink(fd.path(), link_error).string();
    if (!link_error && target.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(CLAUSESCAN_SOURCE_DIR) + "/" + relative;
}

// How RunOnTerminal connects the program: `environment` is prefixed to the command line
// ("NO_COLOR=1 TERM=dumb"); standard output is discarded unless `stdout_on_terminal`.
struct TerminalRun {
  std::string environment;
  bool stdout_on_terminal = false;
};

// Runs `clausescan <args>` with its standard error (and input) on a pseudo-terminal and its
// standard output discarded (or on the terminal too, see TerminalRun); returns what the terminal
// showed, in `err`.
inline RunResult RunOnTerminal(const std::string& args, const TerminalRun& how = {}) {
  RunResult result;
  int terminal = -1;
  const std::string command = how.environment + " '" + CLAUSESCAN_BINARY + "' " + args +
                              (how.stdout_on_terminal ? "" : " > /dev/null");
  pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid < 0) return result;
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  char buffer[4096];
  while (true) {
    ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n > 0) {
      result.err.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the program has closed the terminal
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(terminal);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_CLI_RUNNER_H_

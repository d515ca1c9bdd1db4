// Runs the clausescan binary in a shell and captures what it prints.
#ifndef CLAUSESCAN_TESTS_CLI_RUNNER_H_
#define CLAUSESCAN_TESTS_CLI_RUNNER_H_

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace clausescan::testing {

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

// Runs `clausescan <args>` (args is shell text) with `input` on stdin.
inline RunResult RunClausescan(const std::string& args, const std::string& input = "") {
  TempDir dir;
  WriteWholeFile(dir.path() / "in", input);
  std::string command = std::string("'") + CLAUSESCAN_BINARY + "' " + args + " < '" +
                        (dir.path() / "in").string() + "' > '" + (dir.path() / "out").string() +
                        "' 2> '" + (dir.path() / "err").string() + "'";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadWholeFile(dir.path() / "out");
  result.err = ReadWholeFile(dir.path() / "err");
  return result;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(CLAUSESCAN_SOURCE_DIR) + "/" + relative;
}

// Runs `clausescan <args>` with its standard error (and input) on a pseudo-terminal and its
// standard output discarded; returns what the terminal showed, in `err`.
inline RunResult RunOnTerminal(const std::string& args) {
  RunResult result;
  int terminal = -1;
  const std::string command = std::string("'") + CLAUSESCAN_BINARY + "' " + args + " > /dev/null";
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

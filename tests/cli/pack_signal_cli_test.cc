// A signal that arrives once the pack is in place (issue 13 s7 #4): the run is complete, the pack
// is kept, the run says it was written and exits with its own status (docs/cli.md), not 130/143.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;

// issue 13 s7 #4: standard output is a full pipe, so the run blocks on its summary after the
// pack is renamed into place; SIGTERM then arrives, and the pipe is drained.
TEST(PackSignalCli, SigtermAfterThePackIsInPlaceKeepsItAndExitsZero) {
  TempDir dir;
  fs::copy(kSource + "/corpus/profile", dir.path() / "profile", fs::copy_options::recursive);
  const fs::path out = dir.path() / "pack";
  const fs::path err = dir.path() / "err";
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  // Fill the pipe: the child's first write of its summary blocks until the test reads.
  ::fcntl(pipe_fds[1], F_SETFL, O_NONBLOCK);
  const std::string chunk(4096, 'x');
  std::size_t filled = 0;
  for (ssize_t n; (n = ::write(pipe_fds[1], chunk.data(), chunk.size())) > 0;) filled += n;
  ::fcntl(pipe_fds[1], F_SETFL, 0);
  const std::string command = "exec '" + std::string(CLAUSESCAN_BINARY) + "' pack " +
                              Quote(kSource + "/corpus/security-addendum.md") + " --profile " +
                              Quote(dir.path() / "profile" / "acme-profile.yaml") +
                              " --as-of 2026-12-06 -o " + Quote(out) + " < /dev/null 2> " +
                              Quote(err);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(pipe_fds[1], 1);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    ::signal(SIGTERM, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  // The pack is in place once index.md is in the output folder.
  bool in_place = false;
  for (int i = 0; i < 1200 && !in_place; ++i) {  // up to 60 s
    in_place = fs::exists(out / "index.md");
    if (!in_place) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // blocked on the full pipe
  ::kill(pid, SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string stdout_text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    stdout_text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(in_place);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_THAT(stdout_text.substr(std::min(filled, stdout_text.size())),
              HasSubstr("wrote pack " + out.string()));
  EXPECT_THAT(ReadWholeFile(err), HasSubstr("SIGTERM arrived after the pack was in place: " +
                                            out.string() + " is complete and kept"));
  EXPECT_TRUE(fs::exists(out / "index.md"));
  EXPECT_TRUE(fs::exists(out / "index.html"));
}

// Fills the pipe's buffer without blocking; returns how many bytes it took.
std::size_t FillPipe(int write_fd) {
  ::fcntl(write_fd, F_SETFL, O_NONBLOCK);
  const std::string chunk(4096, 'x');
  std::size_t filled = 0;
  for (ssize_t n; (n = ::write(write_fd, chunk.data(), chunk.size())) > 0;) filled += n;
  ::fcntl(write_fd, F_SETFL, 0);
  return filled;
}

std::string Drain(int read_fd) {
  ::fcntl(read_fd, F_SETFL, O_NONBLOCK);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(read_fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::fcntl(read_fd, F_SETFL, 0);
  return text;
}

// issue 13 attack D20: a second signal while the run, its pack in place, still writes its last
// lines (standard error a full pipe) is only recorded too: the run exits 0, not 143.
TEST(PackSignalCli, ASecondSignalAfterThePackIsInPlaceStillExitsZero) {
  TempDir dir;
  fs::copy(kSource + "/corpus/profile", dir.path() / "profile", fs::copy_options::recursive);
  const fs::path out = dir.path() / "pack";
  int out_fds[2];
  int err_fds[2];
  ASSERT_EQ(::pipe(out_fds), 0);
  ASSERT_EQ(::pipe(err_fds), 0);
  FillPipe(out_fds[1]);
  FillPipe(err_fds[1]);
  const std::string command = "exec '" + std::string(CLAUSESCAN_BINARY) + "' pack " +
                              Quote(kSource + "/corpus/security-addendum.md") + " --profile " +
                              Quote(dir.path() / "profile" / "acme-profile.yaml") +
                              " --as-of 2026-12-06 -o " + Quote(out) + " < /dev/null";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(out_fds[1], 1);
    ::dup2(err_fds[1], 2);
    ::close(out_fds[0]);
    ::close(out_fds[1]);
    ::close(err_fds[0]);
    ::close(err_fds[1]);
    ::signal(SIGTERM, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out_fds[1]);
  ::close(err_fds[1]);
  bool in_place = false;
  for (int i = 0; i < 1200 && !in_place; ++i) {  // up to 60 s
    in_place = fs::exists(out / "index.md");
    if (!in_place) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // blocked on standard output
  ::kill(pid, SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Drain(out_fds[0]);  // the summary goes on; the run then blocks on its line on standard error
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ::kill(pid, SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string err_text;
  for (int i = 0; i < 40; ++i) {
    err_text += Drain(err_fds[0]);
    Drain(out_fds[0]);
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      ::close(out_fds[0]);
      ::close(err_fds[0]);
      ASSERT_TRUE(in_place);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
      EXPECT_TRUE(fs::exists(out / "index.html"));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  FAIL() << "the run did not end";
}

}  // namespace
}  // namespace clausescan::testing

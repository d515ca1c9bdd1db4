// Ctrl-C, kill and hangups during `scan -o FILE`, as a user sees them: one line saying FILE was
// not written, the old FILE untouched, no temporary file, the progress bar cleared, and the
// process dying of the signal (so shells and `set -e` scripts see the interrupt). The comments
// name the item of the issue 16 new-user review each test covers.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";
constexpr const char* kOldReport = "{\"the\": \"report of yesterday\"}\n";

// A folder of two files: a clause, then a PDF that keeps its reader busy until the time limit
// (60 s), so a scan of it is still running when the test stops it.
struct SlowScan {
  TempDir dir;
  fs::path folder = dir.path() / "contracts";
  fs::path reports = dir.path() / "reports";
  fs::path report = reports / "report.json";
  SlowScan() {
    fs::create_directory(folder);
    fs::create_directory(reports);
    WriteWholeFile(folder / "a.txt", kNotice);
    WriteWholeFile(folder / "bomb.pdf", FormBombPdf(30, 4));
    WriteWholeFile(report, kOldReport);
  }
  std::string Args(int pdf_time_limit = 60) const {
    return "scan --format json --jobs 1 --pdf-time-limit " + std::to_string(pdf_time_limit) +
           " -o " + Quote(report) + " " + Quote(folder);
  }
};

struct Stopped {
  int status = 0;   // the wait status of clausescan itself
  std::string err;  // what it wrote on stderr
};

// Runs `sh -c "<prefix> exec clausescan <args> 2> err"`, waits until it has created the
// report's (unnamed) temporary file in `reports` (its signal handlers are installed by then),
// sends it
// `signal` and returns how it ended. A run still going 60 s after the signal is killed.
Stopped RunAndSignal(const std::string& args, const fs::path& reports, int signal,
                     const std::string& prefix = "") {
  TempDir scratch;
  const fs::path err = scratch.path() / "err";
  const std::string command = prefix + " exec '" + std::string(CLAUSESCAN_BINARY) + "' " + args +
                              " < /dev/null > /dev/null 2> " + Quote(err);
  Stopped stopped;
  const pid_t pid = ::fork();
  if (pid < 0) return stopped;
  if (pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const bool started = WaitFor([&] { return HasFileOpenIn(pid, reports); });
  if (started) ::kill(pid, signal);
  bool done = false;
  for (int i = 0; i < 1200 && !done; ++i) {  // up to 60 s
    done = ::waitpid(pid, &stopped.status, WNOHANG) == pid;
    if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!done) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &stopped.status, 0);
  }
  stopped.err = ReadWholeFile(err);
  if (!started) stopped.err = "(no temporary file appeared) " + stopped.err;
  return stopped;
}

// issue 16 review #1: Ctrl-C (SIGINT) or kill (SIGTERM) in the middle of `scan -o FILE DIR`
// says FILE was not written, leaves the old FILE as it was and no temporary file, and the
// process dies of the signal (status 130 or 143 in a shell), as shells and `set -e` expect.
TEST(Interrupt, TheRunSaysTheReportWasNotWrittenAndDiesOfTheSignal) {
  for (int signal : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(signal == SIGINT ? "SIGINT" : "SIGTERM");
    SlowScan scan;
    Stopped stopped = RunAndSignal(scan.Args(), scan.reports, signal);
    ASSERT_TRUE(WIFSIGNALED(stopped.status))
        << "exit status " << WEXITSTATUS(stopped.status) << ": " << stopped.err;
    EXPECT_EQ(WTERMSIG(stopped.status), signal) << stopped.err;
    EXPECT_EQ(stopped.err, std::string("clausescan: interrupted by ") +
                               (signal == SIGINT ? "SIGINT" : "SIGTERM") + "; " +
                               scan.report.string() + " not written\n");
    EXPECT_EQ(ReadWholeFile(scan.report), kOldReport);
    EXPECT_EQ(Listing(scan.reports), std::vector<std::string>{"report.json"});
  }
}

// A folder of three contracts whose JSON Lines reports are over 1 MB each, more than a pipe or
// a terminal holds.
fs::path LongReportsFolder(const TempDir& dir) {
  std::string contract;
  for (int i = 0; i < 400; ++i) contract += std::string(kNotice) + "\n";
  const fs::path folder = dir.path() / "contracts";
  fs::create_directory(folder);
  for (const char* name : {"a.md", "b.md", "c.md"}) WriteWholeFile(folder / name, contract);
  return folder;
}

// Reads what the run pid writes on fd until it ends, stopping to read in the middle of the
// second line: once the second line has begun, waits 300 ms (the writer is then held in its
// middle) and sends `signal`. Then reaps pid (killed if still there a minute after) and
// expects it died of the signal with what it wrote whole JSON lines, two at least: the line
// being written when the signal came was finished.
void ExpectWholeLinesAfterSignal(pid_t pid, int fd, int signal) {
  std::string out;
  bool signalled = false;
  char buffer[4096];
  for (;;) {
    struct pollfd ready {fd, POLLIN, 0};
    if (::poll(&ready, 1, 60000) <= 0) break;  // a run stuck for a minute: killed below
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // end of a pipe; EIO once a terminal's program has gone
    out.append(buffer, static_cast<std::size_t>(got));
    const std::size_t first_end = out.find('\n');
    if (!signalled && first_end != std::string::npos && out.size() > first_end + 1) {
      // The second line has begun: its writer now waits, held in its middle (a slow scan of
      // the second document under load no longer makes the signal come between two lines).
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      signalled = ::kill(pid, signal) == 0;
    }
  }
  ::close(fd);
  ::kill(pid, SIGKILL);  // no-op when it has ended
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(signalled);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), signal);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n') << "cut line of " << out.size() - out.rfind('\n') - 1 << " bytes";
  std::size_t lines = 0;
  for (std::size_t start = 0; start < out.size(); ++lines) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    EXPECT_TRUE(nlohmann::json::accept(out.substr(start, end - start))) << "line " << lines + 1;
    start = end + 1;
  }
  EXPECT_GE(lines, 2u);
}

// Review of perf/match10 #1: `scan --format jsonl DIR > FILE` (or `| cat`) stopped by SIGTERM or
// SIGINT while a report line is being written leaves no cut line: the line being written is
// finished, then the run dies of the signal.
TEST(Interrupt, StreamedJsonLinesAreWholeOrNotThere) {
  for (int signal : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(signal == SIGINT ? "SIGINT" : "SIGTERM");
    TempDir dir;
    const fs::path folder = LongReportsFolder(dir);
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::signal(SIGINT, SIG_DFL);
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      ::execl(CLAUSESCAN_BINARY, CLAUSESCAN_BINARY, "scan", "--format", "jsonl", "--jobs", "1",
              folder.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    ExpectWholeLinesAfterSignal(pid, pipe_fds[0], signal);
  }
}

// rel14 #3: on a terminal the JSON Lines report is written once every document is scanned
// (not streamed), and an interrupt while it is written leaves whole lines too.
TEST(Interrupt, JsonLinesOnATerminalAreWholeOrNotThere) {
  for (int signal : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(signal == SIGINT ? "SIGINT" : "SIGTERM");
    TempDir dir;
    const fs::path folder = LongReportsFolder(dir);
    int terminal = -1;
    const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::signal(SIGINT, SIG_DFL);
      struct termios raw;  // the report's bytes as written: no "\r\n" for "\n"
      ::tcgetattr(STDOUT_FILENO, &raw);
      ::cfmakeraw(&raw);
      ::tcsetattr(STDOUT_FILENO, TCSANOW, &raw);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDERR_FILENO);
      ::execl(CLAUSESCAN_BINARY, CLAUSESCAN_BINARY, "scan", "--format", "jsonl", "--jobs", "1",
              folder.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ExpectWholeLinesAfterSignal(pid, terminal, signal);
  }
}

// issue 16 review #1: a signal ignored when clausescan starts (`nohup`, a background job of a
// script) stays ignored: under nohup a hangup does not stop the scan.
TEST(Interrupt, AHangupIgnoredAtStartStaysIgnored) {
  SlowScan scan;
  Stopped stopped = RunAndSignal(scan.Args(2), scan.reports, SIGHUP, "trap '' HUP;");
  ASSERT_TRUE(WIFEXITED(stopped.status)) << "killed by signal " << WTERMSIG(stopped.status);
  EXPECT_EQ(WEXITSTATUS(stopped.status), 2) << stopped.err;  // the PDF took too long
  EXPECT_NE(stopped.err.find("bomb.pdf: reading the PDF took longer than 2 s"), std::string::npos)
      << stopped.err;
  EXPECT_NE(ReadWholeFile(scan.report).find("a.txt"), std::string::npos);  // the new report
}

// issue 16 review #1: on a terminal, Ctrl-C clears the progress bar's line before the message,
// instead of leaving the bar drawn with the prompt after it.
TEST(Interrupt, OnATerminalTheProgressBarIsClearedFirst) {
  SlowScan scan;
  int terminal = -1;
  const std::string command =
      "exec '" + std::string(CLAUSESCAN_BINARY) + "' " + scan.Args() + " < /dev/null";
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string shown;
  bool signalled = false;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EIO once clausescan has gone
    shown.append(buffer, static_cast<std::size_t>(n));
    if (!signalled && shown.find("files 1/2") != std::string::npos) {
      ::kill(pid, SIGINT);  // the bar is drawn, the PDF is being read
      signalled = true;
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(terminal);
  ASSERT_TRUE(signalled) << "no progress bar was drawn: " << shown;
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << shown;
  const std::string expected_end =
      "\r\x1b[Kclausescan: interrupted by SIGINT; " + scan.report.string() + " not written\r\n";
  ASSERT_GE(shown.size(), expected_end.size()) << shown;
  EXPECT_EQ(shown.substr(shown.size() - expected_end.size()), expected_end) << shown;
  EXPECT_EQ(ReadWholeFile(scan.report), kOldReport);
}

}  // namespace
}  // namespace clausescan::testing

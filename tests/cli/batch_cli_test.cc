// Batch scans of folders, stable order, globs, symlink loops, streaming JSON lines and the
// machine formats, as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";
constexpr const char* kQuiet = "This agreement is governed by good faith.\n";

// A folder of contracts: a/one.txt (notice), a/two.md (quiet), b/three.txt (notice), skip.log.
class BatchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "a");
    std::filesystem::create_directories(dir_.path() / "b");
    WriteWholeFile(dir_.path() / "a" / "one.txt", kNotice);
    WriteWholeFile(dir_.path() / "a" / "two.md", kQuiet);
    WriteWholeFile(dir_.path() / "b" / "three.txt", kNotice);
    WriteWholeFile(dir_.path() / "skip.log", kNotice);
  }
  std::string Dir() const { return "'" + dir_.path().string() + "'"; }
  std::vector<std::string> Paths(const std::string& jsonl) const {
    std::vector<std::string> paths;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
      const nlohmann::json record = nlohmann::json::parse(line);
      if (record.contains("error")) continue;  // an input not scanned, not a report
      std::string path = record["document"]["path"];
      paths.push_back(std::filesystem::path(path).lexically_relative(dir_.path()).string());
    }
    return paths;
  }
  TempDir dir_;
};

TEST_F(BatchCli, WalksFoldersInStableOrderWhateverTheThreads) {
  for (const char* jobs : {"1", "2", "4"}) {
    RunResult r = RunClausescan(std::string("scan --format jsonl --jobs ") + jobs + " " + Dir());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Paths(r.out),
              (std::vector<std::string>{"a/one.txt", "a/two.md", "b/three.txt", "skip.log"}))
        << "jobs " << jobs;
  }
}

TEST_F(BatchCli, IncludeAndExcludeGlobs) {
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' --exclude b " + Dir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt"}));
}

TEST_F(BatchCli, SymlinkLoopIsReportedNotFatal) {
  std::filesystem::create_directory_symlink(dir_.path(), dir_.path() / "a" / "loop");
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' " + Dir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("loop"));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

// attack review r8: a planted symlink to a file outside the walked folder is skipped with a note
// (its text never reaches the report) and the batch goes on with exit status 0.
TEST_F(BatchCli, LinkToAFileOutsideTheFolderIsSkipped) {
  TempDir outside;
  WriteWholeFile(outside.path() / "secret.txt", kNotice);
  std::filesystem::create_symlink(outside.path() / "secret.txt", dir_.path() / "a" / "notes.txt");
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' --no-progress " + Dir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr((dir_.path() / "a" / "notes.txt").string() +
                               ": skipped: symbolic link to a file outside the folder; --follow "
                               "to read it"));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

// attack review r8: a symlink to a folder outside (contracts/proc -> /proc) is not walked.
TEST_F(BatchCli, LinkToAFolderOutsideTheFolderIsNotWalked) {
  TempDir outside;
  WriteWholeFile(outside.path() / "secret.txt", kNotice);
  std::filesystem::create_directory_symlink(outside.path(), dir_.path() / "b" / "elsewhere");
  std::filesystem::create_directory_symlink("/proc", dir_.path() / "b" / "proc");
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' --no-progress " + Dir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr((dir_.path() / "b" / "elsewhere").string() +
                               ": skipped: symbolic link to a folder outside the folder; "
                               "--follow to walk it"));
  EXPECT_THAT(r.err, HasSubstr((dir_.path() / "b" / "proc").string() + ": skipped"));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

// attack review r8: links that stay inside the folder are still followed (each real file once).
TEST_F(BatchCli, LinkInsideTheFolderIsStillRead) {
  std::filesystem::remove(dir_.path() / "b" / "three.txt");
  std::filesystem::create_symlink("../a/one.txt", dir_.path() / "b" / "link.txt");
  std::filesystem::create_directory_symlink("a", dir_.path() / "c");
  RunResult r =
      RunClausescan("scan --format jsonl --include '*.txt' --exclude a --no-progress " + Dir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("skipped")));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"b/link.txt"}));
}

// attack review r8: --follow (-L) reads links out of the folder, but never into /proc, /sys, /dev.
TEST_F(BatchCli, FollowReadsTheOutsideFileButNeverProc) {
  TempDir outside;
  WriteWholeFile(outside.path() / "secret.txt", kNotice);
  std::filesystem::create_symlink(outside.path() / "secret.txt", dir_.path() / "a" / "notes.txt");
  std::filesystem::create_directory_symlink("/proc", dir_.path() / "b" / "proc");
  for (const char* flag : {"--follow", "-L"}) {
    RunResult r = RunClausescan(
        std::string("scan --format jsonl --include '*.txt' --no-progress ") + flag + " " + Dir());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr((dir_.path() / "b" / "proc").string() +
                                 ": skipped: symbolic link into /proc"));
    EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/notes.txt", "a/one.txt", "b/three.txt"}))
        << flag;
  }
}

// attack review r8: a loop of file links (a -> b -> a) is named a loop, not a broken link.
TEST_F(BatchCli, FileLinkLoopIsNamedALoop) {
  std::filesystem::create_symlink("b.txt", dir_.path() / "a" / "a.txt");
  std::filesystem::create_symlink("a.txt", dir_.path() / "a" / "b.txt");
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' --no-progress " + Dir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr((dir_.path() / "a" / "a.txt").string() + ": symbolic link loop"));
  EXPECT_THAT(r.err, Not(HasSubstr("broken")));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

TEST_F(BatchCli, UnreadableFileIsReportedAndTheRestScanned) {
  WriteWholeFile(dir_.path() / "a" / "bad.txt", std::string("bad \xff byte\n"));
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' " + Dir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.txt"));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

// issue 16 review D: folder walks refuse what is not a regular file when it is read, but a pipe
// named on the command line is a feature: process substitution `<(cmd)` and a named FIFO, next
// to a folder, are scanned.
TEST_F(BatchCli, NamedPipesAndProcessSubstitutionAreScanned) {
  // $1: the folder, $2: the text. The FIFO's writer gives up after 60 s should no one read.
  WriteWholeFile(
      dir_.path() / "script.sh",
      std::string(R"(mkfifo "$1/named" || exit 3
timeout 60 bash -c 'printf "%s" "$1" > "$0"' "$1/named" "$2" &
exec ')") +
          CLAUSESCAN_BINARY +
          R"(' scan --format jsonl --include '*.txt' <(printf '%s' "$2") "$1/named" "$1/b")");
  const std::string command = "timeout -s KILL 60 bash '" + (dir_.path() / "script.sh").string() +
                              "' " + Dir() + " '" + kNotice + "' > '" +
                              (dir_.path() / "out").string() + "' 2> '" +
                              (dir_.path() / "err").string() + "'";
  const int status = std::system(command.c_str());
  const std::string out = ReadWholeFile(dir_.path() / "out");
  ASSERT_EQ(ExitCode(status), 0) << ReadWholeFile(dir_.path() / "err");
  std::vector<std::string> paths;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json report = nlohmann::json::parse(line);
    EXPECT_EQ(report["findings"].size(), 1u) << line;
    paths.push_back(
        std::filesystem::path(report["document"]["path"].get<std::string>()).filename().string());
  }
  ASSERT_EQ(paths.size(), 3u) << out;
  EXPECT_THAT(paths[0], ::testing::MatchesRegex("[0-9]+"));  // /dev/fd/63
  EXPECT_EQ(paths[1], "named");
  EXPECT_EQ(paths[2], "three.txt");
}

// A FIFO or a socket in a folder walked is not read (a FIFO would block) and not passed over in
// silence: one note each, and the run goes on.
TEST_F(BatchCli, AFifoOrSocketInAFolderIsSkippedWithANote) {
  const std::filesystem::path fifo = dir_.path() / "b" / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::filesystem::path socket_path = dir_.path() / "b" / "sock.txt";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof(address.sun_path));
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
  RunResult r = RunClausescan("scan --format jsonl --include '*.txt' " + Dir());
  ::close(sock);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const std::filesystem::path& path : {fifo, socket_path}) {
    const std::string note = path.string() + ": not a regular file: skipped";
    const std::size_t at = r.err.find(note);
    EXPECT_NE(at, std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(note, at + 1), std::string::npos) << "said twice: " << r.err;
  }
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt"}));
}

TEST_F(BatchCli, APdfThatNeverFinishesIsStoppedAndTheRestScanned) {
  WriteWholeFile(dir_.path() / "a" / "bomb.pdf", FormBombPdf(30, 4));
  RunResult r = RunClausescan("scan --format jsonl --pdf-time-limit 1 --exclude '*.md' " + Dir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bomb.pdf: reading the PDF took longer than 1 s, the time limit"));
  EXPECT_EQ(Paths(r.out), (std::vector<std::string>{"a/one.txt", "b/three.txt", "skip.log"}));
}

// A contract repository: its .git folder, editor and Word lock files are not contracts.
TEST_F(BatchCli, HiddenFilesAndFoldersAreSkippedUnlessAskedFor) {
  std::filesystem::create_directories(dir_.path() / ".git" / "objects");
  WriteWholeFile(dir_.path() / ".git" / "objects" / "ab12", std::string("x\0\x9c binary", 10));
  WriteWholeFile(dir_.path() / "a" / ".DS_Store", std::string("\0\0\0\1Bud1", 8));
  WriteWholeFile(dir_.path() / "a" / "~$ntract.docx", std::string("\x0bJ. Smith\0", 11));
  RunResult r = RunClausescan("scan --format jsonl " + Dir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Paths(r.out),
            (std::vector<std::string>{"a/one.txt", "a/two.md", "b/three.txt", "skip.log"}));
  RunResult hidden = RunClausescan("scan --format jsonl --hidden " + Dir());
  EXPECT_EQ(hidden.exit_code, 2);
  EXPECT_THAT(hidden.err, HasSubstr(".git/objects/ab12: a binary file"));
  EXPECT_THAT(hidden.err, HasSubstr("~$ntract.docx"));
}

TEST_F(BatchCli, AFolderWithNothingToScanIsAnError) {
  RunResult typo = RunClausescan("scan --format jsonl --include '*.pfd' " + Dir());
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("no file in the folder matches the include and exclude globs"));
  EXPECT_EQ(typo.out, "");
  std::filesystem::create_directories(dir_.path() / "empty");
  RunResult empty =
      RunClausescan("scan --format jsonl " + Dir() + " '" + (dir_.path() / "empty").string() + "'");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.err, HasSubstr("empty: the folder has no files to scan"));
  EXPECT_EQ(Paths(empty.out).size(), 4u);  // the other folder is still scanned
}

// The progress bar is drawn on a terminal only, ends at the last file and is wiped at the end;
// --no-progress turns it off, and a redirected stderr never gets it.
TEST_F(BatchCli, ProgressBarOnlyOnATerminal) {
  RunResult terminal = RunOnTerminal("scan --format jsonl " + Dir());
  EXPECT_EQ(terminal.exit_code, 0) << terminal.err;
  EXPECT_THAT(terminal.err, HasSubstr("files 4/4"));
  EXPECT_THAT(terminal.err, HasSubstr(" MB/s "));
  EXPECT_THAT(terminal.err, HasSubstr(" left"));
  EXPECT_THAT(terminal.err.substr(terminal.err.rfind("files 4/4")), HasSubstr("\r\x1b[K"));

  RunResult quiet = RunOnTerminal("scan --no-progress --format jsonl " + Dir());
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_THAT(quiet.err, Not(HasSubstr("files ")));

  RunResult redirected = RunClausescan("scan --format jsonl " + Dir());
  EXPECT_EQ(redirected.exit_code, 0) << redirected.err;
  EXPECT_THAT(redirected.err, Not(HasSubstr("files ")));
}

// NO_COLOR (no-color.org) and TERM=dumb turn --color auto off, as ripgrep does; TERM=dumb also
// turns off the progress bar, which is redrawn with escape sequences. --color always still
// colours.
TEST_F(BatchCli, NoColorAndDumbTerminalGetNoEscapes) {
  const TerminalRun colour{"TERM=xterm", true};
  const RunResult coloured = RunOnTerminal("scan " + Dir(), colour);
  ASSERT_EQ(coloured.exit_code, 0) << coloured.err;
  ASSERT_THAT(coloured.err, HasSubstr("\x1b[1;31m"));  // the terminal showed a coloured report

  // NO_COLOR leaves the progress bar ("\r\x1b[K", no colour); TERM=dumb gets no escape at all.
  for (const char* environment : {"TERM=xterm NO_COLOR=1", "TERM=dumb"}) {
    const RunResult plain = RunOnTerminal("scan " + Dir(), {environment, true});
    EXPECT_EQ(plain.exit_code, 0) << environment << plain.err;
    EXPECT_THAT(plain.err, HasSubstr("HIGH")) << environment;
    std::string shown = plain.err;
    if (std::string(environment).find("NO_COLOR") != std::string::npos) {
      for (std::size_t at; (at = shown.find("\x1b[K")) != std::string::npos;) shown.erase(at, 3);
    }
    EXPECT_THAT(shown, Not(HasSubstr("\x1b["))) << environment << plain.err;
  }
  const RunResult forced = RunOnTerminal("scan --color always " + Dir(), {"TERM=dumb NO_COLOR=1", true});
  EXPECT_THAT(forced.err, HasSubstr("\x1b[1;31m"));

  const RunResult empty_no_color = RunOnTerminal("scan " + Dir(), {"TERM=xterm NO_COLOR=", true});
  EXPECT_THAT(empty_no_color.err, HasSubstr("\x1b[1;31m"));  // an empty NO_COLOR is unset

  const RunResult dumb = RunOnTerminal("scan --format jsonl " + Dir(), {"TERM=dumb"});
  EXPECT_EQ(dumb.exit_code, 0) << dumb.err;
  EXPECT_THAT(dumb.err, Not(HasSubstr("files ")));
  EXPECT_THAT(dumb.err, Not(HasSubstr("\x1b[")));
}

TEST_F(BatchCli, TextReportStartsWithTheMatrix) {
  RunResult r = RunClausescan("scan --include '*.txt' " + Dir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t matrix = r.out.find("three.txt");
  std::size_t details = r.out.find("incident-notification.window");
  ASSERT_NE(matrix, std::string::npos) << r.out;
  ASSERT_NE(details, std::string::npos) << r.out;
  EXPECT_LT(matrix, details);
}

TEST_F(BatchCli, FailOnHighGatesTheBatch) {
  EXPECT_EQ(RunClausescan("scan --fail-on high --include '*.md' " + Dir()).exit_code, 0);
  EXPECT_EQ(RunClausescan("scan --fail-on high --include '*.txt' " + Dir()).exit_code, 1);
}

TEST(JsonLinesFilter, EachLineGetsAReportWithItsId) {
  RunResult r = RunClausescan(
      "scan --format jsonl -",
      "{\"id\": \"c-1\", \"text\": \"Supplier shall notify Customer of any Security Incident "
      "within 24 hours.\"}\n"
      "not json\n"
      "{\"id\": 7, \"text\": \"Nothing here.\"}\n"
      "{\"id\": [\"batch\", 3], \"text\": \"Nothing.\", \"name\": 5}\n"
      "{\"id\": \"last\", \"text\": \"Nothing either.\", \"name\": \"x.md\"}\n");
  EXPECT_EQ(r.exit_code, 2);  // the bad lines
  EXPECT_THAT(r.err, HasSubstr("<stdin>:2"));
  EXPECT_THAT(r.err, HasSubstr("<stdin>:4: expected a JSON object with a string \"text\""));
  std::istringstream lines(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  nlohmann::json first = nlohmann::json::parse(line);
  EXPECT_EQ(first["id"], "c-1");
  EXPECT_EQ(first["findings"][0]["parameters"]["window_hours"], 24);
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(nlohmann::json::parse(line)["id"], "line 2");
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(nlohmann::json::parse(line)["id"], 7);  // ids keep their JSON type
  ASSERT_TRUE(std::getline(lines, line));
  nlohmann::json bad_name = nlohmann::json::parse(line);
  EXPECT_EQ(bad_name["id"], nlohmann::json::parse("[\"batch\", 3]"));
  EXPECT_EQ(bad_name["error"]["code"], "invalid_argument");
  ASSERT_TRUE(std::getline(lines, line));
  nlohmann::json last = nlohmann::json::parse(line);
  EXPECT_EQ(last["id"], "last");
  EXPECT_EQ(last["document"]["path"], "x.md");
}

TEST(JsonLinesFilter, WorksUnderGnuParallel) {
  if (std::system("command -v parallel > /dev/null 2>&1") != 0) GTEST_SKIP() << "no parallel";
  TempDir dir;
  std::string input;
  for (int i = 0; i < 20; ++i) {
    input += "{\"id\": \"doc-" + std::to_string(i) +
             "\", \"text\": \"Supplier shall notify Customer of any Security Incident within "
             "24 hours.\"}\n";
  }
  WriteWholeFile(dir.path() / "in.jsonl", input);
  std::string command = "parallel --will-cite --pipe -N5 --keep-order '" +
                        std::string(CLAUSESCAN_BINARY) + "' scan --format jsonl - < '" +
                        (dir.path() / "in.jsonl").string() + "' > '" +
                        (dir.path() / "out.jsonl").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::istringstream out(ReadWholeFile(dir.path() / "out.jsonl"));
  int count = 0;
  for (std::string line; std::getline(out, line); ++count) {
    EXPECT_EQ(nlohmann::json::parse(line)["id"], "doc-" + std::to_string(count));
  }
  EXPECT_EQ(count, 20);
}

TEST(MachineFormats, SarifCsvMarkdownAndHtmlFromTheCli) {
  std::string addendum = "'" + SourcePath("corpus/security-addendum.md") + "'";
  RunResult sarif = RunClausescan("scan --format sarif " + addendum);
  ASSERT_EQ(sarif.exit_code, 0) << sarif.err;
  nlohmann::json log = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_FALSE(log["runs"][0]["results"].empty());
  RunResult csv = RunClausescan("scan --format csv " + addendum);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("path,line,", 0), 0u) << csv.out.substr(0, 200);
  RunResult md = RunClausescan("scan --format md " + addendum);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("# "));
  RunResult html = RunClausescan("scan --format html " + addendum);
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_THAT(html.out, HasSubstr("<html"));
}

TEST(EvidenceCli, ListsTheDocumentsToPrepare) {
  RunResult r = RunClausescan("evidence '" + SourcePath("corpus/security-addendum.md") + "' '" +
                              SourcePath("corpus/dpa.md") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Incident response procedure"));
}

// Attack review of the merged main #9: on a 30-column terminal the 62-character bar wrapped, and
// each redraw ("\r\x1b[K" clears one row) left a stale row behind. Each drawn line fits.
TEST_F(BatchCli, TheProgressLineFitsANarrowTerminal) {
  for (int i = 0; i < 30; ++i) {
    WriteWholeFile(dir_.path() / "b" / ("c" + std::to_string(100 + i) + ".txt"), kNotice);
  }
  struct winsize size {};
  size.ws_col = 30;
  size.ws_row = 24;
  int terminal = -1;
  const std::string command = "exec '" + std::string(CLAUSESCAN_BINARY) +
                              "' scan -j1 --format jsonl " + Dir() + " > /dev/null";
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, &size);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string shown;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    shown.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(terminal);
  ASSERT_NE(shown.find("files "), std::string::npos) << "no progress line drawn: " << shown;
  for (std::size_t at = shown.find("\x1b[K"); at != std::string::npos;
       at = shown.find("\x1b[K", at + 1)) {
    const std::size_t begin = at + 3;
    const std::size_t end = shown.find_first_of("\r\n", begin);
    const std::string line = shown.substr(begin, end == std::string::npos ? end : end - begin);
    EXPECT_LE(line.size(), 29u) << line;
  }
}

// Attack review of main 969285f #7: a folder named twice was scanned once, but its problems (a
// broken link) were reported twice, on stderr and as error records.
TEST_F(BatchCli, AFolderNamedTwiceReportsItsProblemsOnce) {
  std::filesystem::create_symlink(dir_.path() / "nowhere.txt", dir_.path() / "b" / "gone.txt");
  const RunResult r = RunClausescan("scan --format jsonl " + Dir() + " " + Dir() + "/.");
  EXPECT_EQ(r.exit_code, 2) << r.err;  // the broken link is an error
  std::size_t count = 0;
  for (std::size_t at = r.err.find("gone.txt"); at != std::string::npos;
       at = r.err.find("gone.txt", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("named more than once; scanned once")) << r.err;
  EXPECT_EQ(Paths(r.out),
            (std::vector<std::string>{"a/one.txt", "a/two.md", "b/three.txt", "skip.log"}));
  std::size_t records = 0;  // lines of the output (error records) naming the link
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("gone.txt") != std::string::npos) ++records;
  }
  EXPECT_EQ(records, 1u) << r.out;
}

// Attack review of main 969285f #5: a message during a folder scan on a terminal was written at
// the end of the progress bar's line ("... 1:04 leftclausescan: ..."); the bar's line is cleared
// first, as the interrupt message does.
TEST_F(BatchCli, AMessageOnATerminalStartsItsOwnLine) {
  for (int i = 0; i < 30; ++i) {
    WriteWholeFile(dir_.path() / "b" / ("c" + std::to_string(100 + i) + ".txt"), kNotice);
  }
  WriteWholeFile(dir_.path() / "b" / "zz.pdf", "this is not a PDF at all\n");
  const RunResult r = RunOnTerminal("scan -j1 --format jsonl " + Dir());
  const std::size_t message = r.err.find("clausescan: " + dir_.path().string() + "/b/zz.pdf");
  ASSERT_NE(message, std::string::npos) << r.err;
  ASSERT_NE(r.err.find("files "), std::string::npos) << "no progress bar drawn: " << r.err;
  const bool line_start = message == 0 || r.err[message - 1] == '\n' ||
                          (message >= 3 && r.err.compare(message - 3, 3, "\x1b[K") == 0);
  EXPECT_TRUE(line_start) << r.err;
}

}  // namespace
}  // namespace clausescan::testing

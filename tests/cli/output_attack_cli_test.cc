// The --output edges an attack review of the issue 16 fixes reached: a report written over a
// contract of the folder being scanned, objects another user plants at the report's name in a
// shared (sticky) folder, descriptor paths (/dev/stdout) replaced instead of written, files the
// run reads (playbook, rules, baseline) overwritten, temporary files left by other signals, and
// the usage slips around them. The comments name the item of the review each test covers
// ("issue 16 attack #N"). Tests that need a second user run it as `nobody` through setpriv and
// skip when they cannot (not root, no setpriv).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";
constexpr uid_t kNobody = 65534;

// The findings of a single-document JSON report (-1 when it is not one).
int FindingsIn(const std::string& text) {
  Json json = Json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("findings")) return -1;
  return static_cast<int>(json["findings"].size());
}

// Runs the shell commands `commands` with sh in the folder cwd, standard input from /dev/null
// and standard output and error captured (unless the commands redirect them). In them, $CS is
// the clausescan binary and $NOBODY a prefix that runs a command as the user nobody. The exit
// status is that of the last command.
RunResult Shell(const fs::path& cwd, const std::string& commands) {
  TempDir scratch;
  const fs::path out = scratch.path() / "out";
  const fs::path err = scratch.path() / "err";
  const fs::path status = scratch.path() / "status";
  RunScript(scratch.path(), "cd " + Quote(cwd) + " || exit 99\nCS='" +
                                std::string(CLAUSESCAN_BINARY) +
                                "'\nexport CS\nNOBODY='setpriv --reuid=65534 --regid=65534 "
                                "--clear-groups --'\n{\n" +
                                commands + "\n} < /dev/null > " + Quote(out) + " 2> " + Quote(err) +
                                "\necho $? > " + Quote(status) + "\n");
  RunResult result;
  const std::string code = ReadWholeFile(status);
  result.exit_code = code.empty() ? -1 : std::stoi(code);
  result.out = ReadWholeFile(out);
  result.err = ReadWholeFile(err);
  return result;
}

// True when the tests can act as a second user: they run as root and setpriv is installed.
bool CanRunAsNobody() {
  return ::geteuid() == 0 && std::system("command -v setpriv > /dev/null 2>&1") == 0;
}

// A folder where both root and nobody can work: dir (made searchable) with `shared`, a
// world-writable folder with the sticky bit, as /tmp is, and a contract.
struct SharedFolder {
  TempDir dir;
  fs::path shared = dir.path() / "shared";
  fs::path contract = dir.path() / "contract.txt";
  SharedFolder() {
    ::chmod(dir.path().c_str(), 0755);
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 01777);
    WriteWholeFile(contract, kNotice);
    ::chmod(contract.c_str(), 0644);
  }
};

struct Signalled {
  int status = -1;                    // clausescan's wait status
  bool started = false;               // it had opened a file in the report's folder when signalled
  bool named_temporary_file = false;  // a .clausescan-* file was then in that folder
  std::string err;
};

// Runs `clausescan args` (shell text; `prefix` shell commands run first, then clausescan is
// exec'd in their place) with standard input a pipe that stays open, so a scan of "-" is under
// way and waits for the rest of its input; once it holds a file open in `folder` (its temporary
// file), sends it `signal`, closes the pipe and returns how it ended. `preload`: a library to
// LD_PRELOAD. No core file is written.
Signalled SignalMidScan(const std::string& args, const fs::path& folder, int signal,
                        const std::string& prefix = "", const std::string& preload = "") {
  TempDir scratch;
  const fs::path err = scratch.path() / "err";
  const std::string command = prefix + " exec '" + std::string(CLAUSESCAN_BINARY) + "' " + args +
                              " > /dev/null 2> " + Quote(err);
  Signalled result;
  int input[2];
  if (::pipe(input) != 0) return result;
  const pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    ::dup2(input[0], STDIN_FILENO);
    ::close(input[0]);
    ::close(input[1]);
    const struct rlimit no_core = {0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    for (int s : {SIGINT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF}) {
      ::signal(s, SIG_DFL);
    }
    if (!preload.empty()) {
      ::setenv("LD_PRELOAD", preload.c_str(), 1);
      ::setenv("ASAN_OPTIONS", "verify_asan_link_order=0", 1);
    }
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(input[0]);
  const std::string text = kNotice;
  (void)!::write(input[1], text.data(), text.size());
  result.started = WaitFor([&] { return HasFileOpenIn(pid, folder); });
  for (const std::string& name : Listing(folder)) {
    if (name.rfind(".clausescan-", 0) == 0) result.named_temporary_file = true;
  }
  if (result.started) ::kill(pid, signal);
  // A signal that does not stop it: the end of its input lets it finish.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::close(input[1]);
  bool done = false;
  for (int i = 0; i < 600 && !done; ++i) {  // up to 30 s
    done = ::waitpid(pid, &result.status, WNOHANG) == pid;
    if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!done) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &result.status, 0);
  }
  result.err = ReadWholeFile(err);
  return result;
}

// issue 16 attack #1: an -o file that a folder scan would read (a contract of the folder, by
// name or through a symlink) is refused before scanning, as a named input is, instead of being
// skipped by the walk and then replaced by the report.
TEST(OutputAttack, AFileTheFolderScanWouldReadIsNotReplaced) {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  fs::create_directory(docs);
  const std::string dpa = ReadWholeFile(SourcePath("corpus/dpa.md"));
  const std::string msa = ReadWholeFile(SourcePath("corpus/msa.txt"));
  WriteWholeFile(docs / "dpa.md", dpa);
  WriteWholeFile(docs / "msa.txt", msa);
  fs::create_symlink("msa.txt", docs / "report.md");
  for (const auto& [command, output] :
       std::vector<std::pair<std::string, std::string>>{{"scan", "docs/dpa.md"},
                                                        {"scan --format json", "docs/report.md"},
                                                        {"evidence", "docs/msa.txt"},
                                                        {"scan --hidden", "docs/./dpa.md"}}) {
    RunResult r = Shell(dir.path(), "$CS " + command + " docs -o " + output);
    EXPECT_EQ(r.exit_code, 2) << command << " -o " << output << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr(output + ": is ")) << command << " -o " << output;
    EXPECT_THAT(r.err, HasSubstr("not writing the report over it")) << command << " -o " << output;
    EXPECT_EQ(ReadWholeFile(docs / "dpa.md"), dpa) << command << " -o " << output;
    EXPECT_EQ(ReadWholeFile(docs / "msa.txt"), msa) << command << " -o " << output;
  }
  EXPECT_TRUE(fs::is_symlink(docs / "report.md"));
  EXPECT_EQ(Listing(docs), (std::vector<std::string>{"dpa.md", "msa.txt", "report.md"}));
}

// issue 16 attack #1: what the walk would not read anyway is still written: a new report in the
// folder, or an existing one that is hidden, excluded or not included.
TEST(OutputAttack, AReportTheWalkDoesNotReadIsStillWritten) {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  fs::create_directory(docs);
  WriteWholeFile(docs / "contract.txt", kNotice);
  WriteWholeFile(docs / ".hidden.json", "old\n");
  for (const auto& [args, report] : std::vector<std::pair<std::string, std::string>>{
           {"-o docs/.hidden.json", ".hidden.json"},
           {"-o docs/new.json", "new.json"},  // new
           {"--exclude new.json -o docs/new.json", "new.json"},
           {"--include '*.txt' -o docs/new.json", "new.json"}}) {
    RunResult r = Shell(dir.path(), "$CS scan --format json " + args + " docs");
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    EXPECT_EQ(FindingsIn(ReadWholeFile(docs / report)), 1) << args;  // one document
  }
  EXPECT_EQ(FindingsIn(ReadWholeFile(docs / "new.json")), 1);
  EXPECT_EQ(FindingsIn(ReadWholeFile(docs / ".hidden.json")), 1);
  EXPECT_EQ(Listing(docs), (std::vector<std::string>{".hidden.json", "contract.txt", "new.json"}));
}

// issue 16 attack #2a: a symlink another user plants at the report's name in a shared folder
// (sticky bit, as /tmp) is not followed (the kernel's protected_symlinks rule, which resolving the
// link by hand bypassed); the caller's own symlink there still is.
TEST(OutputAttack, ASymlinkAnotherUserPlantsInASharedFolderIsNotFollowed) {
  if (!CanRunAsNobody()) GTEST_SKIP() << "needs root and setpriv";
  SharedFolder folder;
  const fs::path victim = folder.dir.path() / "victim.txt";
  WriteWholeFile(victim, "precious\n");
  ASSERT_EQ(Shell(folder.dir.path(), "$NOBODY ln -s ../victim.txt shared/report.json").exit_code,
            0);
  ASSERT_EQ(Lstat(folder.shared / "report.json").st_uid, kNobody);
  RunResult r =
      Shell(folder.dir.path(), "$CS scan --format json -o shared/report.json contract.txt");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("shared/report.json: is a symlink of another user"));
  EXPECT_EQ(ReadWholeFile(victim), "precious\n");
  EXPECT_TRUE(fs::is_symlink(folder.shared / "report.json"));

  fs::create_symlink("../mine.json", folder.shared / "mine.json");
  RunResult own =
      Shell(folder.dir.path(), "$CS scan --format json -o shared/mine.json contract.txt");
  EXPECT_EQ(own.exit_code, 0) << own.err;
  EXPECT_EQ(FindingsIn(ReadWholeFile(folder.dir.path() / "mine.json")), 1);
}

// issue 16 attack #2b and #6: a file of another user at the report's name in a shared folder is
// refused before the scan (it was taken over: the report got the planted file's owner and mode
// 0666, so its owner could edit it; a non-root caller failed only after the whole scan).
TEST(OutputAttack, AFileOfAnotherUserInASharedFolderIsRefusedBeforeTheScan) {
  if (!CanRunAsNobody()) GTEST_SKIP() << "needs root and setpriv";
  SharedFolder folder;
  ASSERT_EQ(Shell(folder.dir.path(),
                  "$NOBODY sh -c 'echo planted > shared/report.json; chmod 666 shared/report.json'")
                .exit_code,
            0);
  RunResult root =
      Shell(folder.dir.path(), "$CS scan --format json -o shared/report.json contract.txt");
  EXPECT_EQ(root.exit_code, 2) << root.err;
  EXPECT_THAT(root.err, HasSubstr("shared/report.json: belongs to another user"));
  EXPECT_EQ(ReadWholeFile(folder.shared / "report.json"), "planted\n");
  EXPECT_EQ(Lstat(folder.shared / "report.json").st_uid, kNobody);

  // nobody, over root's writable file: refused at once, not after scanning (here: /nonexistent).
  WriteWholeFile(folder.shared / "root.json", "old\n");
  ::chmod((folder.shared / "root.json").c_str(), 0666);
  RunResult user = Shell(folder.dir.path(),
                         "$NOBODY \"$CS\" scan -o shared/root.json /nonexistent/contract.txt");
  EXPECT_EQ(user.exit_code, 2);
  EXPECT_THAT(user.err, HasSubstr("shared/root.json: belongs to another user"));
  EXPECT_THAT(user.err, Not(HasSubstr("/nonexistent")));
  EXPECT_EQ(ReadWholeFile(folder.shared / "root.json"), "old\n");
}

// issue 16 attack #2b: the report never gets another user's ownership: replacing another user's
// file elsewhere gives a file of the caller, readable by the caller only (the planted file's
// owner could edit the report, and its mode 0666 let anyone).
TEST(OutputAttack, TheReportNeverTakesAnotherUsersOwnership) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file to another user";
  TempDir dir;
  const fs::path report = dir.path() / "report.json";
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  WriteWholeFile(report, "old\n");
  ASSERT_EQ(::chown(report.c_str(), kNobody, kNobody), 0);
  ASSERT_EQ(::chmod(report.c_str(), 0666), 0);
  RunResult r = Shell(dir.path(), "$CS scan --format json -o report.json contract.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FindingsIn(ReadWholeFile(report)), 1);
  const struct stat st = Lstat(report);
  EXPECT_EQ(st.st_uid, ::geteuid());
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

// issue 16 attack #2c: a FIFO no process reads is refused at once (the run hung for ever).
TEST(OutputAttack, AFifoNoProcessReadsIsRefused) {
  TempDir dir;
  const fs::path fifo = dir.path() / "report.fifo";
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  RunResult r = RunClausescanAs(
      "scan -o " + Quote(fifo) + " " + Quote(dir.path() / "contract.txt"), [](pid_t) {}, 20);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no process is reading " + fifo.string()));
}

// issue 16 attack #2c: a FIFO another user plants at the report's name in a shared folder is
// refused (the kernel's protected_fifos rule), so the report never streams to its reader.
TEST(OutputAttack, AFifoAnotherUserPlantsInASharedFolderIsRefused) {
  if (!CanRunAsNobody()) GTEST_SKIP() << "needs root and setpriv";
  SharedFolder folder;
  RunResult r = Shell(folder.dir.path(),
                      "$NOBODY mkfifo shared/report.json\n"
                      "$NOBODY sh -c 'exec cat shared/report.json > shared/stolen' &\n"
                      "reader=$!\n"
                      "sleep 1\n"
                      "timeout 20 \"$CS\" scan -o shared/report.json contract.txt\n"
                      "status=$?\n"
                      "kill $reader 2> /dev/null; wait\n"
                      "(exit $status)");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("shared/report.json: is a FIFO of another user"));
  EXPECT_EQ(ReadWholeFile(folder.shared / "stolen"), "");
}

// issue 16 attack #3: -o naming an open descriptor (/dev/stdout, /dev/fd/N, /proc/self/fd/N,
// /dev/stderr, or a symlink to one) writes through it: an append-redirected log keeps its lines
// (the magic link was followed to the log file, which was then replaced).
TEST(OutputAttack, ADescriptorOutputIsWrittenThroughNotReplaced) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  fs::create_symlink("/dev/stdout", dir.path() / "out.link");
  for (const auto& [output, redirection] :
       std::vector<std::pair<std::string, std::string>>{{"/dev/stdout", ">>"},
                                                        {"/dev/fd/1", ">>"},
                                                        {"/proc/self/fd/1", ">>"},
                                                        {"/dev/stderr", "2>>"},
                                                        {"out.link", ">>"}}) {
    WriteWholeFile(dir.path() / "log.txt", "log\n");
    RunResult r = Shell(dir.path(), "$CS scan --format json -o " + output + " contract.txt " +
                                        redirection + " log.txt");
    EXPECT_EQ(r.exit_code, 0) << output << ": " << r.err;
    const std::string log = ReadWholeFile(dir.path() / "log.txt");
    ASSERT_EQ(log.rfind("log\n", 0), 0u)
        << output << ": the log lost its lines: " << log.substr(0, 80);
    EXPECT_EQ(FindingsIn(log.substr(4)), 1) << output;
  }
  EXPECT_TRUE(fs::is_symlink(dir.path() / "out.link"));
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"contract.txt", "log.txt", "out.link"}));
}

// issue 16 attack #3: a pipe at a descriptor output closed by its reader is a quiet stop (exit
// 0), as it is on standard output, not "cannot write: Broken pipe".
TEST(OutputAttack, AClosedPipeAtADescriptorOutputIsAQuietStop) {
  TempDir dir;
  std::string big;
  for (int i = 0; i < 3000; ++i) big += kNotice;  // thousands of findings: megabytes of JSON
  WriteWholeFile(dir.path() / "big.txt", big);
  RunResult r = Shell(dir.path(),
                      "{ \"$CS\" scan --format json -o /dev/stdout big.txt 2> err.txt; "
                      "echo $? > status; } | head -c 10 > /dev/null");
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "0\n");
  EXPECT_EQ(ReadWholeFile(dir.path() / "err.txt"), "");
}

// issue 16 attack #4: the files the run reads besides its inputs (--playbook, a file of the
// --rules folder, --baseline) are inputs too: -o over one is refused before scanning.
TEST(OutputAttack, ThePlaybookRulesAndBaselineAreNotOverwritten) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  ASSERT_EQ(Shell(dir.path(), "$CS playbook init pb.yaml").exit_code, 0);
  ASSERT_EQ(Shell(dir.path(), "$CS scan --format json -o base.json contract.txt").exit_code, 0);
  fs::copy(SourcePath("rules"), dir.path() / "rules", fs::copy_options::recursive);
  const std::string playbook = ReadWholeFile(dir.path() / "pb.yaml");
  const std::string baseline = ReadWholeFile(dir.path() / "base.json");
  const std::string doctypes = ReadWholeFile(dir.path() / "rules" / "doctypes.yaml");
  for (const auto& [args, expected] : std::vector<std::pair<std::string, std::string>>{
           {"scan --playbook pb.yaml contract.txt -o pb.yaml", "pb.yaml: is the --playbook file"},
           {"evidence --playbook pb.yaml contract.txt -o ./pb.yaml",
            "./pb.yaml: is the --playbook file"},
           {"scan --baseline base.json contract.txt -o base.json",
            "base.json: is the --baseline file"},
           {"scan --rules rules contract.txt -o rules/doctypes.yaml",
            "rules/doctypes.yaml: is a file of the --rules folder"},
           {"evidence --rules rules contract.txt -o rules/doctypes.yaml",
            "rules/doctypes.yaml: is a file of the --rules folder"}}) {
    RunResult r = Shell(dir.path(), "$CS " + args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr(expected)) << args;
  }
  EXPECT_EQ(ReadWholeFile(dir.path() / "pb.yaml"), playbook);
  EXPECT_EQ(ReadWholeFile(dir.path() / "base.json"), baseline);
  EXPECT_EQ(ReadWholeFile(dir.path() / "rules" / "doctypes.yaml"), doctypes);
}

// Attack review of main c7bb297 #1: `playbook init --force` replaced the playbook.yaml of the
// --rules folder it copied, and every later run with that folder failed to load it.
TEST(OutputAttack, AnInitCopyIsNotWrittenOverTheRulesItReads) {
  TempDir dir;
  fs::copy(SourcePath("rules"), dir.path() / "rules", fs::copy_options::recursive);
  const std::string playbook = ReadWholeFile(dir.path() / "rules" / "playbook.yaml");
  const std::string doctypes = ReadWholeFile(dir.path() / "rules" / "doctypes.yaml");
  for (const auto& [args, expected] : std::vector<std::pair<std::string, std::string>>{
           {"playbook --rules rules init rules/playbook.yaml --force",
            "rules/playbook.yaml: is a file of the --rules folder"},
           {"playbook init ./rules/playbook.yaml --rules rules --force",
            "./rules/playbook.yaml: is a file of the --rules folder"},
           {"profile init rules/doctypes.yaml --rules rules --force",
            "rules/doctypes.yaml: is a file of the --rules folder"}}) {
    RunResult r = Shell(dir.path(), "$CS " + args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr(expected)) << args;
  }
  EXPECT_EQ(ReadWholeFile(dir.path() / "rules" / "playbook.yaml"), playbook);
  EXPECT_EQ(ReadWholeFile(dir.path() / "rules" / "doctypes.yaml"), doctypes);
  EXPECT_EQ(Shell(dir.path(), "$CS rules validate rules").exit_code, 0);
  // Outside the folder the copy is written as before.
  EXPECT_EQ(Shell(dir.path(), "$CS playbook --rules rules init pb.yaml").exit_code, 0);
  EXPECT_TRUE(fs::exists(dir.path() / "pb.yaml"));
}

// Attack review of main b9810e3 #1, #2, #4: a report appended to a contract of the folder being
// scanned (the contract changed and was skipped), standard output appended to a file of the
// --rules folder, and a new file written into that folder each left the user's files broken.
TEST(OutputAttack, NothingIsAppendedToAContractOrWrittenIntoTheRulesFolder) {
  TempDir dir;
  fs::create_directory(dir.path() / "contracts");
  WriteWholeFile(dir.path() / "contracts" / "a.txt", kNotice);
  fs::copy(SourcePath("rules"), dir.path() / "rules", fs::copy_options::recursive);
  const std::string concepts = ReadWholeFile(dir.path() / "rules" / "concepts.yaml");
  for (const auto& [command, expected] : std::vector<std::pair<std::string, std::string>>{
           {"$CS scan contracts >> contracts/a.txt", "a file of the folder contracts being scanned"},
           {"$CS scan --rules rules contracts/a.txt >> rules/concepts.yaml",
            "a file of the --rules folder rules"},
           {"$CS playbook --rules rules init - >> rules/concepts.yaml",
            "a file of the --rules folder rules"},
           {"$CS playbook --rules rules init rules/mine.yaml", "is in the --rules folder rules"},
           {"$CS scan --rules rules contracts/a.txt -o rules/report.yaml",
            "is in the --rules folder rules"}}) {
    RunResult r =
        Shell(dir.path(), "rm -f err.txt; " + command + " 2>> err.txt; s=$?; cat err.txt; (exit $s)");
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr(expected)) << command;
  }
  EXPECT_EQ(ReadWholeFile(dir.path() / "contracts" / "a.txt"), kNotice);
  EXPECT_EQ(ReadWholeFile(dir.path() / "rules" / "concepts.yaml"), concepts);
  EXPECT_FALSE(fs::exists(dir.path() / "rules" / "mine.yaml"));
  EXPECT_FALSE(fs::exists(dir.path() / "rules" / "report.yaml"));
  // A new report written into the scanned folder is still skipped, not refused.
  RunResult fresh = Shell(dir.path(), "$CS scan contracts > contracts/report.txt");
  EXPECT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_THAT(fresh.err, HasSubstr("skipped: it is the file standard output goes to"));
}

// Attack review of main b9810e3 #6: `pack --force` gave the new pack default permissions, so a
// private (0600) pack of documents shared under NDA became readable by everyone.
TEST(OutputAttack, PackForceKeepsThePermissionsOfThePackItReplaces) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  const std::string pack = "$CS pack contract.txt --profile " +
                           Quote(SourcePath("corpus/profile/acme-profile.yaml"));
  for (const std::string output : {"pack.zip", "pack"}) {
    ASSERT_EQ(Shell(dir.path(), pack + " -o " + output).exit_code, 0) << output;
    ASSERT_EQ(::chmod((dir.path() / output).c_str(), output == "pack" ? 0700 : 0600), 0);
    RunResult again = Shell(dir.path(), pack + " -o " + output + " --force");
    EXPECT_EQ(again.exit_code, 0) << output << ": " << again.err;
    struct stat st {};
    ASSERT_EQ(::stat((dir.path() / output).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, output == "pack" ? 0700u : 0600u) << output;
  }
}

// Attack review of main 969285f #2 and of the merged main #1: --force replaces only an earlier
// pack. A pack folder over a regular file (which took the file's 0644 as a folder) and a zip pack
// over a zip of the user's (whose files were lost) are refused, the file kept.
TEST(OutputAttack, PackForceReplacesNoFileButAnEarlierPack) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  const std::string pack = "$CS pack contract.txt --profile " +
                           Quote(SourcePath("corpus/profile/acme-profile.yaml")) + " --force -o ";
  WriteWholeFile(dir.path() / "out", "notes\n");
  // A zip archive of the user's (a Word document is one) that is no pack.
  DocxParts thesis;
  thesis.body = "<w:p><w:r><w:t>thesis</w:t></w:r></w:p>";
  WriteWholeFile(dir.path() / "backup.zip", MakeDocx(thesis));
  const std::string zip_before = ReadWholeFile(dir.path() / "backup.zip");
  for (const std::string output : {"out", "backup.zip"}) {
    const RunResult r = Shell(dir.path(), pack + output);
    EXPECT_EQ(r.exit_code, 2) << output << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("is a file that holds no pack")) << r.err;
  }
  EXPECT_EQ(ReadWholeFile(dir.path() / "out"), "notes\n");
  EXPECT_EQ(ReadWholeFile(dir.path() / "backup.zip"), zip_before);
  // An earlier zip pack is still replaced.
  ASSERT_EQ(Shell(dir.path(), pack + "pack.zip").exit_code, 0);
  EXPECT_EQ(Shell(dir.path(), pack + "pack.zip").exit_code, 0);
}

// Attack review of main 969285f #1: `pack contracts -o contracts/msa.docx --force` replaced a
// contract of the folder it packed with the pack (and left it out of the pack without a word).
TEST(OutputAttack, PackForceNeverReplacesAContractOfTheFolderItPacks) {
  TempDir dir;
  fs::create_directory(dir.path() / "contracts");
  WriteWholeFile(dir.path() / "contracts" / "a.txt", kNotice);
  WriteWholeFile(dir.path() / "contracts" / "b.md", kNotice);
  const std::string pack = "$CS pack contracts --profile " +
                           Quote(SourcePath("corpus/profile/acme-profile.yaml")) + " --force -o ";
  for (const std::string output : {"contracts/b.md", "contracts/./b.md"}) {
    const RunResult r = Shell(dir.path(), pack + output);
    EXPECT_EQ(r.exit_code, 2) << output;
    EXPECT_THAT(r.err, HasSubstr("a file of the folder contracts being scanned; not writing the "
                                 "pack over it"))
        << r.err;
    EXPECT_EQ(ReadWholeFile(dir.path() / "contracts" / "b.md"), kNotice);
  }
}

// Attack review of main c7bb297 (minor): `pack --force` replaced a read-only .zip (and the new
// one was writable) where `scan -o` refuses a read-only report.
TEST(OutputAttack, PackForceKeepsAReadOnlyZip) {
  if (!CanRunAsNobody()) GTEST_SKIP() << "needs root and setpriv";
  SharedFolder folder;
  const fs::path zip = folder.shared / "pack.zip";
  WriteWholeFile(zip, "an earlier pack\n");
  ASSERT_EQ(::chown(zip.c_str(), kNobody, kNobody), 0);
  ASSERT_EQ(::chmod(zip.c_str(), 0444), 0);
  RunResult r = Shell(folder.dir.path(), "$NOBODY $CS pack contract.txt --profile " +
                                             Quote(SourcePath("corpus/profile/acme-profile.yaml")) +
                                             " -o shared/pack.zip --force");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is read-only; not replacing it"));
  EXPECT_EQ(ReadWholeFile(zip), "an earlier pack\n");
  struct stat st {};
  ASSERT_EQ(::stat(zip.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0444u);
}

// issue 16 attack #5: whatever kills the run before the report is in place (SIGKILL, the OOM
// killer, SIGUSR1, SIGALRM from `timeout -s ALRM`, SIGXCPU at `ulimit -t`), no temporary file
// is left: the report is written into an unnamed file (O_TMPFILE) that gets a name only when
// complete.
TEST(OutputAttack, NoTemporaryFileOutlivesAKill) {
  for (int signal : {SIGKILL, SIGUSR1, SIGALRM, SIGXCPU}) {
    SCOPED_TRACE(strsignal(signal));
    TempDir dir;
    const fs::path report = dir.path() / "report.json";
    WriteWholeFile(report, "old\n");
    Signalled run =
        SignalMidScan("scan --format json -o " + Quote(report) + " -", dir.path(), signal);
    ASSERT_TRUE(run.started) << run.err;
    EXPECT_TRUE(WIFSIGNALED(run.status) && WTERMSIG(run.status) == signal) << run.err;
    EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"report.json"});
    EXPECT_EQ(ReadWholeFile(report), "old\n");
  }
}

// issue 16 attack #5: where unnamed files are not supported (here simulated by a preloaded
// library), the named temporary file is also removed on SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU,
// SIGVTALRM and SIGPROF, with the interrupt message; SIGTERM keeps its behaviour, and a signal
// ignored at start stays ignored.
TEST(OutputAttack, WithoutUnnamedFilesOtherSignalsRemoveTheTemporaryFile) {
  for (int signal : {SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF, SIGTERM}) {
    const std::string name = sigabbrev_np(signal);
    SCOPED_TRACE(name);
    TempDir dir;
    const fs::path report = dir.path() / "report.json";
    WriteWholeFile(report, "old\n");
    Signalled run = SignalMidScan("scan --format json -o " + Quote(report) + " -", dir.path(),
                                  signal, "", CLAUSESCAN_NO_TMPFILE_PRELOAD);
    ASSERT_TRUE(run.started) << run.err;
    EXPECT_TRUE(run.named_temporary_file) << "the preloaded library did not take effect";
    EXPECT_TRUE(WIFSIGNALED(run.status) && WTERMSIG(run.status) == signal) << run.err;
    EXPECT_EQ(run.err,
              "clausescan: interrupted by SIG" + name + "; " + report.string() + " not written\n");
    EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"report.json"});
    EXPECT_EQ(ReadWholeFile(report), "old\n");
  }
  TempDir dir;
  const fs::path report = dir.path() / "report.json";
  Signalled ignored = SignalMidScan("scan --format json -o " + Quote(report) + " -", dir.path(),
                                    SIGUSR1, "trap '' USR1;", CLAUSESCAN_NO_TMPFILE_PRELOAD);
  ASSERT_TRUE(ignored.started) << ignored.err;
  EXPECT_TRUE(WIFEXITED(ignored.status) && WEXITSTATUS(ignored.status) == 0) << ignored.err;
  EXPECT_EQ(FindingsIn(ReadWholeFile(report)), 1);
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"report.json"});
}

// issue 16 attack #6: a report name that is a mount point (a bind-mounted file) cannot be
// replaced: refused before the scan, not with "Device or resource busy" after it.
TEST(OutputAttack, AMountPointIsRefusedBeforeTheScan) {
  if (::geteuid() != 0 || std::system("unshare -m true > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "needs root and unshare -m";
  }
  TempDir dir;
  WriteWholeFile(dir.path() / "report.json", "old\n");
  WriteWholeFile(dir.path() / "other.json", "other\n");
  RunResult r = Shell(dir.path(),
                      "unshare -m sh -c 'mount --bind other.json report.json && exec \"$CS\" scan "
                      "-o report.json /nonexistent/contract.txt'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("report.json: is a mount point"));
  EXPECT_THAT(r.err, Not(HasSubstr("/nonexistent")));
  EXPECT_EQ(ReadWholeFile(dir.path() / "report.json"), "old\n");
}

// issue 16 attack #7: an evidence run in which every input failed keeps the previous pack (it
// was replaced by an empty one), as scan keeps its report.
TEST(OutputAttack, AnEvidenceRunThatScannedNothingKeepsThePack) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  ASSERT_EQ(Shell(dir.path(), "$CS evidence contract.txt -o pack.txt").exit_code, 0);
  const std::string pack = ReadWholeFile(dir.path() / "pack.txt");
  ASSERT_THAT(pack, Not(HasSubstr("no finding calls for evidence")));
  RunResult r = Shell(dir.path(), "$CS evidence missing.md -o pack.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing.md"));
  EXPECT_EQ(ReadWholeFile(dir.path() / "pack.txt"), pack);
  RunResult to_stdout = Shell(dir.path(), "$CS evidence missing.md");
  EXPECT_EQ(to_stdout.exit_code, 2);
  EXPECT_EQ(to_stdout.out, "");
}

// issue 16 attack #8: the file receiving standard output (or standard error) is not scanned as
// a contract of the folder; named as an input, it is refused (the shell has already emptied it).
TEST(OutputAttack, TheFileReceivingStandardOutputIsNotScanned) {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  fs::create_directory(docs);
  WriteWholeFile(docs / "contract.txt", kNotice);
  RunResult r = Shell(dir.path(), "$CS scan --format json docs > docs/out.json 2> docs/err.log");
  EXPECT_EQ(r.exit_code, 0) << ReadWholeFile(docs / "err.log");
  Json json = Json::parse(ReadWholeFile(docs / "out.json"), nullptr, false);
  ASSERT_TRUE(json.is_object()) << "several documents: " << json.dump().substr(0, 300);
  EXPECT_EQ(json["document"]["path"], "docs/contract.txt");

  WriteWholeFile(docs / "notes.txt", kNotice);
  RunResult named =
      Shell(dir.path(), "$CS scan docs/contract.txt docs/notes.txt >> docs/notes.txt");
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_THAT(named.err, HasSubstr("docs/notes.txt: is the standard output"));
  EXPECT_EQ(ReadWholeFile(docs / "notes.txt"), kNotice);
}

// issue 16 attack #9: an empty output name (an unset "$OUT") is a usage error, not standard
// output.
TEST(OutputAttack, AnEmptyOutputNameIsAUsageError) {
  TempDir dir;
  WriteWholeFile(dir.path() / "contract.txt", kNotice);
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"scan contract.txt -o ''", "--output: the file name is empty"},
           {"scan contract.txt --output=", "--output: 1 required"},
           {"evidence contract.txt -o \"$UNSET\"", "--output: the file name is empty"},
           {"playbook init ''", "file: the file name is empty"}}) {
    RunResult r = Shell(dir.path(), "$CS " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_THAT(r.err, HasSubstr(message)) << args;
  }
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"contract.txt"});
}

// issue 16 attack #10: a write-protected report (mode 0444, the caller's own) is not replaced,
// as `echo > FILE` is refused.
TEST(OutputAttack, AReadOnlyReportIsNotReplaced) {
  if (!CanRunAsNobody()) GTEST_SKIP() << "needs root and setpriv (root may write anything)";
  SharedFolder folder;
  const fs::path mine = folder.dir.path() / "mine";
  fs::create_directory(mine);
  WriteWholeFile(mine / "report.json", "old\n");
  ASSERT_EQ(::chown(mine.c_str(), kNobody, kNobody), 0);
  ASSERT_EQ(::chown((mine / "report.json").c_str(), kNobody, kNobody), 0);
  ASSERT_EQ(::chmod((mine / "report.json").c_str(), 0444), 0);
  RunResult r = Shell(folder.dir.path(),
                      "$NOBODY \"$CS\" scan --format json -o mine/report.json contract.txt");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("mine/report.json: is read-only"));
  EXPECT_EQ(ReadWholeFile(mine / "report.json"), "old\n");
  EXPECT_EQ(Listing(mine), std::vector<std::string>{"report.json"});
}

// issue 16 attack #11: --rules DIR works after the subcommand too, as docs/cli.md shows it
// (`rules list --rules DIR` was "argument was not expected").
TEST(RulesOption, IsAcceptedBeforeAndAfterTheSubcommand) {
  TempDir dir;
  const std::string rules = Quote(SourcePath("rules"));
  ASSERT_EQ(RunClausescan("playbook init " + Quote(dir.path() / "pb.yaml")).exit_code, 0);
  for (const std::string& args :
       {"rules --rules " + rules + " list", "rules list --rules " + rules,
        "rules show incident-notification.window --rules " + rules,
        "rules patterns --rules " + rules, "playbook init --rules " + rules,
        "playbook --rules " + rules + " init",
        "playbook check " + Quote(dir.path() / "pb.yaml") + " --rules " + rules}) {
    RunResult r = RunClausescan(args);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    EXPECT_NE(r.out, "") << args;
  }
  RunResult missing = RunClausescan("rules list --rules /nonexistent/rules");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("/nonexistent/rules"));
}

}  // namespace
}  // namespace clausescan::testing

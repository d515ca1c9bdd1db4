// Where reports go, as a user (or an attacker sharing the folder) sees it: the --output file
// (written whole, never through a planted file, never over an input, never scanned itself),
// standard output (write errors, closed pipes) and the JSON Lines filter's limits. The comments
// name the item of issue 16 each test covers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";

mode_t Umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// The findings of a single-document JSON report file (-1 when it is not one).
int FindingsIn(const fs::path& report) {
  nlohmann::json json = nlohmann::json::parse(ReadWholeFile(report), nullptr, false);
  if (!json.is_object() || !json.contains("findings")) return -1;
  return static_cast<int>(json["findings"].size());
}

// issue 16 #1: a symlink, another user's world-writable file or a FIFO planted where the
// temporary file used to go (NAME.tmp.PID) is never followed, written into or waited on.
TEST(OutputFile, FilesPlantedAtTheTemporaryNameAreLeftAlone) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  const fs::path victim = dir.path() / "victim.txt";
  const fs::path report = dir.path() / "report.json";
  WriteWholeFile(contract, kNotice);
  WriteWholeFile(victim, "precious\n");
  for (const std::string kind : {"symlink", "foreign file", "fifo"}) {
    fs::remove(report);
    fs::path planted;
    RunResult r = RunClausescanAs(
        "scan --format json -o " + Quote(report) + " " + Quote(contract),
        [&](pid_t pid) {
          planted = report.string() + ".tmp." + std::to_string(pid);
          if (kind == "symlink") {
            fs::create_symlink(victim, planted);
          } else if (kind == "foreign file") {
            WriteWholeFile(planted, "");
            ::chmod(planted.c_str(), 0666);
            if (::geteuid() == 0) (void)!::chown(planted.c_str(), 65534, 65534);
          } else {
            ::mkfifo(planted.c_str(), 0666);
          }
        },
        20);
    EXPECT_EQ(r.exit_code, 0) << kind << ": " << r.err;
    EXPECT_EQ(ReadWholeFile(victim), "precious\n") << kind;
    struct stat st = Lstat(report);
    EXPECT_TRUE(S_ISREG(st.st_mode)) << kind;
    EXPECT_EQ(st.st_uid, ::geteuid()) << kind;
    EXPECT_EQ(st.st_mode & 07777, 0666 & ~Umask()) << kind;
    EXPECT_EQ(FindingsIn(report), 1) << kind;
    fs::remove(planted);
  }
}

// issue 16 #1: a write that fails (here at the file size limit) leaves neither the report nor a
// temporary file, and says which file could not be written.
TEST(OutputFile, AFailedWriteLeavesNothingAndNamesTheFile) {
  TempDir dir;
  const fs::path report = dir.path() / "report.json";
  int status = RunScript(dir.path(), "ulimit -f 2\n'" + std::string(CLAUSESCAN_BINARY) +
                                         "' scan --format json -o " + Quote(report) + " '" +
                                         SourcePath("corpus/security-addendum.md") + "' 2> " +
                                         Quote(dir.path() / "err") + "\necho $? > " +
                                         Quote(dir.path() / "status") + "\n");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "2\n");
  EXPECT_THAT(ReadWholeFile(dir.path() / "err"), HasSubstr(report.string()));
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"err", "status"}));
}

// issue 16 #5: replacing a report keeps its mode and, where permitted, its group (the owner
// stays the caller: see OutputAttack.TheReportNeverTakesAnotherUsersOwnership).
TEST(OutputFile, ReplacingAReportKeepsItsModeAndGroup) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  const fs::path report = dir.path() / "report.json";
  WriteWholeFile(contract, kNotice);
  WriteWholeFile(report, "old\n");
  ASSERT_EQ(::chmod(report.c_str(), 0640), 0);
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(report.c_str(), ::geteuid(), 65534), 0);
  }
  RunResult r = RunClausescan("scan --format json -o " + Quote(report) + " " + Quote(contract));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FindingsIn(report), 1);
  struct stat st = Lstat(report);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(st.st_uid, ::geteuid());
  if (root) {
    EXPECT_EQ(st.st_gid, 65534u);
  }
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"contract.txt", "report.json"}));
}

// issue 16 #5 (documented in docs/cli.md): the report's name gets the new file; another hard link
// to the old report keeps the old content.
TEST(OutputFile, AHardLinkedReportIsReplacedByName) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  const fs::path report = dir.path() / "report.json";
  WriteWholeFile(contract, kNotice);
  WriteWholeFile(report, "old\n");
  fs::create_hard_link(report, dir.path() / "other.json");
  RunResult r = RunClausescan("scan --format json -o " + Quote(report) + " " + Quote(contract));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FindingsIn(report), 1);
  EXPECT_EQ(ReadWholeFile(dir.path() / "other.json"), "old\n");
}

// issue 16 #15: -o naming a symlink writes the link's target (existing or not); the link stays.
TEST(OutputFile, ASymlinkOutputWritesThroughToItsTarget) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kNotice);
  fs::create_directory(dir.path() / "real");
  WriteWholeFile(dir.path() / "real" / "report.json", "old\n");
  fs::create_symlink("real/report.json", dir.path() / "report.json");
  fs::create_symlink("real/new.json", dir.path() / "new.json");  // dangling until the scan
  for (const char* name : {"report.json", "new.json"}) {
    const fs::path link = dir.path() / name;
    RunResult r = RunClausescan("scan --format json -o " + Quote(link) + " " + Quote(contract));
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_TRUE(fs::is_symlink(link)) << name;
    EXPECT_EQ(fs::read_symlink(link), fs::path("real") / name);
    EXPECT_EQ(FindingsIn(dir.path() / "real" / name), 1) << name;
  }
  EXPECT_EQ(Listing(dir.path() / "real"), (std::vector<std::string>{"new.json", "report.json"}));
  EXPECT_EQ(Listing(dir.path()),
            (std::vector<std::string>{"contract.txt", "new.json", "real", "report.json"}));
}

// issue 16 #15: a 250-character report name works (the temporary name is not NAME + a suffix).
TEST(OutputFile, ALongReportNameWorks) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kNotice);
  const fs::path report = dir.path() / (std::string(245, 'r') + ".json");
  RunResult r = RunClausescan("scan --format json -o " + Quote(report) + " " + Quote(contract));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FindingsIn(report), 1);
}

// issue 16 #15: -o DIR and -o missing-folder/x.json fail before anything is scanned.
TEST(OutputFile, AnUnwritableDestinationFailsBeforeTheScan) {
  TempDir dir;
  fs::create_directory(dir.path() / "sub");
  for (const std::string command : {"scan", "evidence"}) {
    RunResult folder =
        RunClausescan(command + " -o " + Quote(dir.path() / "sub") + " /nonexistent/c.txt");
    EXPECT_EQ(folder.exit_code, 2) << command;
    EXPECT_THAT(folder.err, HasSubstr((dir.path() / "sub").string() + ": is a directory"))
        << command;
    EXPECT_THAT(folder.err, Not(HasSubstr("/nonexistent/c.txt"))) << command;
    const fs::path missing = dir.path() / "missing" / "x.json";
    RunResult nowhere = RunClausescan(command + " -o " + Quote(missing) + " /nonexistent/c.txt");
    EXPECT_EQ(nowhere.exit_code, 2) << command;
    EXPECT_THAT(nowhere.err, HasSubstr(missing.string())) << command;
    EXPECT_THAT(nowhere.err, Not(HasSubstr("/nonexistent/c.txt"))) << command;
  }
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"sub"}));
  EXPECT_TRUE(fs::is_empty(dir.path() / "sub"));
}

// issue 16 #2: an output that is one of the inputs, however it is named (./, a symlink, a hard
// link, standard input), is refused before scanning and the input is left as it was.
TEST(OutputFile, AnOutputThatIsAnInputIsRefused) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.md";
  WriteWholeFile(contract, kNotice);
  fs::create_symlink("contract.md", dir.path() / "alias.md");
  fs::create_hard_link(contract, dir.path() / "hard.md");
  for (const std::string command : {"scan", "evidence"}) {
    for (const fs::path& output : {contract, dir.path() / "." / "contract.md",
                                   dir.path() / "alias.md", dir.path() / "hard.md"}) {
      RunResult r = RunClausescan(command + " -o " + Quote(output) + " " + Quote(contract));
      EXPECT_EQ(r.exit_code, 2) << command << " -o " << output;
      EXPECT_THAT(r.err, HasSubstr(output.string() + ": is the input " + contract.string()))
          << command << " -o " << output;
      EXPECT_EQ(ReadWholeFile(contract), kNotice) << command << " -o " << output;
    }
  }
  Streams from_contract;
  from_contract.in = "< " + Quote(contract);
  RunResult piped = RunClausescan("scan -o " + Quote(contract) + " -", "", from_contract);
  EXPECT_EQ(piped.exit_code, 2);
  EXPECT_THAT(piped.err, HasSubstr(contract.string() + ": is the input <stdin>"));
  EXPECT_EQ(ReadWholeFile(contract), kNotice);
  EXPECT_TRUE(fs::is_symlink(dir.path() / "alias.md"));
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"alias.md", "contract.md", "hard.md"}));
}

// issue 16 #12: scanning a folder with a new report inside it never scans the report being
// written, hidden files walked or not. (An existing report the walk would scan is refused:
// OutputAttack.AFileTheFolderScanWouldReadIsNotReplaced.)
TEST(OutputFile, AFolderScanSkipsItsOwnReport) {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  fs::create_directory(docs);
  WriteWholeFile(docs / "contract.txt", kNotice);
  const fs::path report = docs / "report.json";
  for (const std::string hidden : {"", "--hidden "}) {
    fs::remove(report);
    RunResult r =
        RunClausescan("scan --format json " + hidden + "-o " + Quote(report) + " " + Quote(docs));
    ASSERT_EQ(r.exit_code, 0) << hidden << ": " << r.err;
    nlohmann::json json = nlohmann::json::parse(ReadWholeFile(report), nullptr, false);
    ASSERT_TRUE(json.is_object()) << "several documents: " << json.dump().substr(0, 300);
    EXPECT_EQ(json["document"]["path"], (docs / "contract.txt").string());
  }
  EXPECT_EQ(Listing(docs), (std::vector<std::string>{"contract.txt", "report.json"}));
}

// issue 16 #13: with stderr closed, diagnostics never end up in the report, and a run that
// scanned nothing commits nothing.
TEST(OutputFile, WithStderrClosedDiagnosticsStayOutOfTheReport) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  const fs::path report = dir.path() / "report.json";
  WriteWholeFile(contract, kNotice);
  Streams no_stderr;
  no_stderr.err = "2>&-";
  RunResult r = RunClausescan(
      "scan --format json -o " + Quote(report) + " " + Quote(contract) + " /nonexistent/other.txt",
      "", no_stderr);
  EXPECT_EQ(r.exit_code, 2);
  // The report is JSON and nothing else; the input not scanned is in its "errors" (D4).
  const nlohmann::json json = nlohmann::json::parse(ReadWholeFile(report), nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << ReadWholeFile(report);
  ASSERT_EQ(json["reports"].size(), 1u);
  EXPECT_EQ(json["reports"][0]["findings"].size(), 1u);
  ASSERT_EQ(json["errors"].size(), 1u);
  EXPECT_EQ(json["errors"][0]["path"], "/nonexistent/other.txt");
  RunResult none = RunClausescan(
      "scan --format json -o " + Quote(dir.path() / "none.json") + " /nonexistent/other.txt", "",
      no_stderr);
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"contract.txt", "report.json"}));
}

// issue 16 #3: a write to standard output that fails is an error (exit 2, a message), for every
// command that prints.
TEST(StandardOutput, AFullDeviceIsAnError) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kNotice);
  Streams full;
  full.out = "> /dev/full";
  for (const std::string& args :
       {"scan --format json " + Quote(contract), "scan " + Quote(contract),
        "text " + Quote(contract), std::string("rules list"),
        std::string("rules show incident-notification.window"), std::string("rules patterns"),
        std::string("rules validate"), std::string("controls"), "evidence " + Quote(contract),
        std::string("playbook init"), std::string("playbook init -")}) {
    RunResult r = RunClausescan(args, "", full);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, "clausescan: cannot write to standard output: No space left on device\n")
        << args;
  }
  RunResult filter = RunClausescan("scan --format jsonl -", "{\"id\": 1, \"text\": \"x\"}\n", full);
  EXPECT_EQ(filter.exit_code, 2);
  EXPECT_THAT(filter.err, HasSubstr("cannot write to standard output"));
}

// A destination that exists and is not a regular file (a device, a FIFO, /dev/stdout) is written
// directly: there is nothing to replace.
TEST(OutputFile, ADeviceIsWrittenDirectly) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kNotice);
  RunResult r = RunClausescan("scan --format json -o /dev/stdout " + Quote(contract));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["findings"].size(), 1u);
  RunResult full = RunClausescan("scan --format json -o /dev/full " + Quote(contract));
  EXPECT_EQ(full.exit_code, 2);
  EXPECT_THAT(full.err, HasSubstr("/dev/full: cannot write: No space left on device"));
}

// issue 16 #3 and #13: a closed standard output is an error too, not a silent success.
TEST(StandardOutput, AClosedStandardOutputIsAnError) {
  TempDir dir;
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kNotice);
  Streams closed;
  closed.out = ">&-";
  for (const std::string& args :
       {"scan --format json " + Quote(contract), std::string("controls")}) {
    RunResult r = RunClausescan(args, "", closed);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_THAT(r.err,
                HasSubstr("clausescan: cannot write to standard output: Bad file descriptor"))
        << args;
  }
}

// issue 16 #3: a pipe closed by its reader (clausescan ... | head) ends the run quietly with exit
// status 0, as ripgrep does.
TEST(StandardOutput, AClosedPipeIsAQuietStop) {
  TempDir dir;
  std::string big;
  while (big.size() < (1u << 20)) big += kNotice;
  WriteWholeFile(dir.path() / "big.txt", big);
  int status =
      RunScript(dir.path(), "{ '" + std::string(CLAUSESCAN_BINARY) + "' text " +
                                Quote(dir.path() / "big.txt") + " 2> " + Quote(dir.path() / "err") +
                                "; echo $? > " + Quote(dir.path() / "status") +
                                "; } | head -c 1 > /dev/null\n");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "0\n");
  EXPECT_EQ(ReadWholeFile(dir.path() / "err"), "");
}

// Attack review of main e77cfe5 #5: with the reader gone, a run whose --fail-on gate was reached
// exited 0 while stderr listed the findings at the gate: the gate's status 1 stays.
TEST(StandardOutput, AClosedPipeKeepsAReachedFailOnGate) {
  TempDir dir;
  fs::create_directory(dir.path() / "many");
  const std::string dpa = ReadWholeFile(fs::path(CLAUSESCAN_SOURCE_DIR) / "corpus" / "dpa.md");
  for (int i = 0; i < 20; ++i)
    WriteWholeFile(dir.path() / "many" / (std::to_string(i) + ".md"), dpa);
  for (const std::string gate : {"medium", "high"}) {
    RunScript(dir.path(), "{ '" + std::string(CLAUSESCAN_BINARY) + "' scan " +
                              Quote(dir.path() / "many") + " --fail-on " + gate + " 2> " +
                              Quote(dir.path() / "err") + "; echo $? > " +
                              Quote(dir.path() / "status") + "; } | head -c 10 > /dev/null\n");
    EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "1\n") << gate;
    EXPECT_THAT(ReadWholeFile(dir.path() / "err"), ::testing::HasSubstr("--fail-on " + gate))
        << gate;
  }
}

// issue 16 #11: the JSON Lines filter stops when its reader goes away (yes | clausescan | head
// ran for ever). timeout(1) stops a filter that would not.
TEST(JsonLinesFilterLimits, StopsWhenTheOutputIsClosed) {
  TempDir dir;
  WriteWholeFile(dir.path() / "pipeline.sh",
                 "yes '{\"id\":1,\"text\":\"x\"}' | { '" + std::string(CLAUSESCAN_BINARY) +
                     "' scan --format jsonl 2> " + Quote(dir.path() / "err") + "; echo $? > " +
                     Quote(dir.path() / "status") + "; } | head -n 1 > " +
                     Quote(dir.path() / "first") + "\n");
  int status = RunScript(dir.path(), "timeout 30 sh " + Quote(dir.path() / "pipeline.sh") + "\n");
  EXPECT_EQ(status, 0) << "the filter did not stop (timeout's status)";
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "0\n");
  EXPECT_EQ(ReadWholeFile(dir.path() / "err"), "");
  nlohmann::json first = nlohmann::json::parse(ReadWholeFile(dir.path() / "first"), nullptr, false);
  EXPECT_EQ(first["id"], 1);
}

// issue 16 #11: a line longer than --max-input-size gets an error line naming it and the filter
// goes on with the next line, without ever holding the long line (1.5 MiB of zeros, 1 MiB
// limit); a line past twice the limit stops the filter (JsonLinesFilter.ASourceWithNoLineEnd...).
TEST(JsonLinesFilterLimits, ALongLineIsSkippedWithoutHoldingIt) {
  TempDir dir;
#if defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
  const std::string limit;
#else
  const std::string limit = "ulimit -v 655360\n";
#endif
  int status =
      RunScript(dir.path(), limit +
                                "{ head -c 1536K /dev/zero; printf '\\n{\"id\": \"after\", "
                                "\"text\": \"Nothing here.\"}\\n'; } | '" +
                                std::string(CLAUSESCAN_BINARY) +
                                "' scan --format jsonl --max-input-size 1M > " +
                                Quote(dir.path() / "out") + " 2> " + Quote(dir.path() / "err") +
                                "\necho $? > " + Quote(dir.path() / "status") + "\n");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "2\n");  // the long line is an error
  const std::string err = ReadWholeFile(dir.path() / "err");
  EXPECT_THAT(err, HasSubstr("<stdin>:1: line 1 is longer than 1048576 bytes"));
  std::istringstream lines(ReadWholeFile(dir.path() / "out"));
  std::string line;
  ASSERT_TRUE(std::getline(lines, line)) << err;
  nlohmann::json first = nlohmann::json::parse(line, nullptr, false);
  EXPECT_EQ(first["id"], "line 1");
  EXPECT_EQ(first["error"]["code"], "too_large");
  ASSERT_TRUE(std::getline(lines, line));
  nlohmann::json second = nlohmann::json::parse(line, nullptr, false);
  EXPECT_EQ(second["id"], "after");
  EXPECT_FALSE(second.contains("error"));
  EXPECT_FALSE(std::getline(lines, line));
}

// The lines a JSON Lines filter run writes for the given input lines, with its exit status. The
// run is bounded (`ulimit -t 20`, `ulimit -v` of memory_kib unless AddressSanitizer, `timeout`
// 60 s).
struct FilterRun {
  int status = -1;
  std::vector<std::string> lines;
  std::string err;
};

FilterRun RunFilter(const std::string& input, long memory_kib = 1048576) {
  TempDir dir;
  WriteWholeFile(dir.path() / "in", input);
#if defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
  (void)memory_kib;
  const std::string limits = "ulimit -t 20\n";
#else
  const std::string limits = "ulimit -t 20; ulimit -v " + std::to_string(memory_kib) + "\n";
#endif
  RunScript(dir.path(), limits + "timeout -s KILL 60 '" + std::string(CLAUSESCAN_BINARY) +
                            "' scan --format jsonl < " + Quote(dir.path() / "in") + " > " +
                            Quote(dir.path() / "out") + " 2> " + Quote(dir.path() / "err") +
                            "\necho $? > " + Quote(dir.path() / "status") + "\n");
  FilterRun run;
  run.status = std::atoi(ReadWholeFile(dir.path() / "status").c_str());
  run.err = ReadWholeFile(dir.path() / "err");
  std::istringstream lines(ReadWholeFile(dir.path() / "out"));
  for (std::string line; std::getline(lines, line);) run.lines.push_back(line);
  return run;
}

// issue 16 review E: an id nested 100,000 levels deep made the id's re-dump recurse until the
// stack overflowed (SIGSEGV): that line and every later one were lost. Now the line is refused
// before it is parsed and the filter goes on.
TEST(JsonLinesFilterLimits, ADeeplyNestedLineIsAnErrorAndTheFilterGoesOn) {
  const std::string deep =
      "{\"id\":" + std::string(100000, '[') + std::string(100000, ']') + ",\"text\":\"x\"}\n";
  FilterRun run = RunFilter(deep + "{\"id\":\"after\",\"text\":\"Nothing here.\"}\n");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(run.err, "clausescan: <stdin>:1: JSON nested deeper than 64 levels (at byte 69)\n");
  ASSERT_EQ(run.lines.size(), 2u) << run.err;
  EXPECT_EQ(run.lines[0],
            R"x({"id":"line 1","error":{"code":"too_large","message":"<stdin>:1: JSON nested )x"
            R"x(deeper than 64 levels (at byte 69)"}})x");
  EXPECT_EQ(nlohmann::json::parse(run.lines[1])["id"], "after");
}

// issue 16 review E: an id is echoed as written: a big integer came back as
// 1.2345678901234568e+22. A number beyond a double (1e999) and a line of invalid UTF-8 got the
// id "line N" and "expected a JSON object"; they keep their id and say what is wrong.
TEST(JsonLinesFilterLimits, IdsAreEchoedAsWrittenAndBadLinesSayWhy) {
  FilterRun run = RunFilter(
      "{\"id\":12345678901234567890123,\"text\":\"Nothing here.\"}\n"
      "{\"id\": [1, 2.50, \"a b\"], \"text\": \"Nothing here.\"}\n"
      "{\"id\":1e999,\"text\":\"x\"}\n"
      "{\"id\":\"u8\",\"text\":\"bad \xff byte\"}\n"
      "{\"id\":7,\"text\":\"unterminated}\n");
  EXPECT_EQ(run.status, 2) << run.err;
  ASSERT_EQ(run.lines.size(), 5u) << run.err;
  EXPECT_EQ(run.lines[0].rfind(R"({"id":12345678901234567890123,"document":)", 0), 0u)
      << run.lines[0];
  EXPECT_EQ(run.lines[1].rfind(R"({"id":[1,2.50,"a b"],"document":)", 0), 0u) << run.lines[1];
  EXPECT_EQ(run.lines[2],
            R"({"id":"1e999","error":{"code":"invalid_argument","message":"<stdin>:3: invalid )"
            R"(JSON at byte 10: number overflow parsing '1e999'"}})");
  EXPECT_EQ(run.lines[3],
            R"x({"id":"u8","error":{"code":"invalid_utf8","message":"<stdin>:4: invalid UTF-8 )x"
            R"x(at byte 23 of the line (JSON text must be UTF-8)"}})x");
  const nlohmann::json last = nlohmann::json::parse(run.lines[4]);
  EXPECT_EQ(last["id"], 7);
  EXPECT_EQ(last["error"]["code"], "invalid_argument");
  EXPECT_THAT(last["error"]["message"].get<std::string>(),
              HasSubstr("<stdin>:5: invalid JSON at byte 29: syntax error"));
}

// issue 16 review E: members other than id, text and name are skipped as the line is parsed,
// not built into a tree: 40 MB of empty arrays (a tree of about 1.4 GB) read within 640 MiB.
TEST(JsonLinesFilterLimits, AWideLineIsReadWithoutBuildingATree) {
  std::string wide = "{\"id\":\"wide\",\"extra\":[";
  for (int i = 0; i < 13'000'000; ++i) wide += "[],";
  wide += "[]],\"text\":\"Nothing here.\"}\n";
  FilterRun run = RunFilter(wide, 655360);
  EXPECT_EQ(run.status, 0) << run.err;
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  const nlohmann::json line = nlohmann::json::parse(run.lines[0]);
  EXPECT_EQ(line["id"], "wide");
  EXPECT_FALSE(line.contains("error")) << run.lines[0];
}

}  // namespace
}  // namespace clausescan::testing

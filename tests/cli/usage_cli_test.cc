// What a new user runs into first: a mistyped command, the report format told by the -o file's
// extension, an empty document, a Word lock file named by mistake. The comments name the item
// of the issue 16 new-user review each test covers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours.\n";

// issue 16 review #5: a mistyped command is named, with the command it resembles, instead of
// "A subcommand is required".
TEST(Usage, AMistypedCommandIsNamedWithASuggestion) {
  RunResult typo = RunClausescan("scna x.md");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.out, "");
  EXPECT_EQ(typo.err,
            "clausescan: unknown command 'scna' (did you mean 'scan'?); run clausescan --help "
            "for the commands\n");

  RunResult other = RunClausescan("frobnicate");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_EQ(other.err,
            "clausescan: unknown command 'frobnicate'; run clausescan --help for the commands\n");

  RunResult playbok = RunClausescan("playbok init");
  EXPECT_EQ(playbok.exit_code, 2);
  EXPECT_NE(playbok.err.find("did you mean 'playbook'?"), std::string::npos) << playbok.err;
}

// Still as before: no command at all, and the options of the program itself.
TEST(Usage, NoCommandAndProgramOptionsAreUnchanged) {
  RunResult none = RunClausescan("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("A subcommand is required"), std::string::npos) << none.err;
  RunResult version = RunClausescan("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("clausescan"), std::string::npos);
  EXPECT_EQ(RunClausescan("--help").exit_code, 0);
  EXPECT_EQ(RunClausescan("scan --format json -", kNotice).exit_code, 0);
}

// issue 16 review #4: without --format, the -o file's extension picks the format (before,
// `-o report.html` held a text report); an explicit --format wins.
TEST(Usage, TheOutputExtensionPicksTheFormat) {
  TempDir dir;
  const fs::path contract = dir.path() / "notice.txt";
  WriteWholeFile(contract, kNotice);
  struct Case {
    std::string file;
    std::string starts_with;
  };
  const std::vector<Case> cases = {
      {"report.html", "<!DOCTYPE html>"},
      {"REPORT.HTML", "<!DOCTYPE html>"},
      {"report.json", "{\"document\":"},
      {"report.jsonl", "{\"document\":"},
      {"report.sarif", "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\""},
      {"report.csv", "path,line,column,"},
      {"report.md", "# Contract security review"},
      {"report.txt", contract.string() + " (other, txt,"},
      {"report.out", contract.string() + " (other, txt,"},  // unknown: text, the default
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const fs::path report = dir.path() / c.file;
    RunResult run = RunClausescan("scan -o " + Quote(report) + " " + Quote(contract));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(ReadWholeFile(report).rfind(c.starts_with, 0), 0u) << ReadWholeFile(report);
    fs::remove(report);
  }
  const fs::path html = dir.path() / "report.html";
  ASSERT_EQ(RunClausescan("scan --format json -o " + Quote(html) + " " + Quote(contract)).exit_code,
            0);
  EXPECT_EQ(ReadWholeFile(html).rfind("{\"document\":", 0), 0u) << ReadWholeFile(html);
  // A .jsonl report of standard input is the JSON Lines filter, as with --format jsonl.
  const fs::path lines = dir.path() / "lines.jsonl";
  RunResult filter = RunClausescan("scan -o " + Quote(lines) + " -",
                                   "{\"id\": \"a\", \"text\": \"Supplier shall notify.\"}\n");
  ASSERT_EQ(filter.exit_code, 0) << filter.err;
  EXPECT_EQ(ReadWholeFile(lines).rfind("{\"id\":\"a\",", 0), 0u) << ReadWholeFile(lines);
}

// issue 16 review #6: an empty document (0 bytes, or blank space only) says so in every format:
// SARIF as a tool notification, CSV (rows are findings only) on stderr.
TEST(Usage, AnEmptyDocumentSaysSoInEveryFormat) {
  TempDir dir;
  const fs::path empty = dir.path() / "empty.md";
  const fs::path blank = dir.path() / "blank.txt";
  WriteWholeFile(empty, "");
  WriteWholeFile(blank, " \n\n\t \n");
  const std::string note = "the document is empty: nothing was scanned";
  for (const fs::path& file : {empty, blank}) {
    SCOPED_TRACE(file.string());
    RunResult json = RunClausescan("scan --format json " + Quote(file));
    ASSERT_EQ(json.exit_code, 0) << json.err;
    EXPECT_EQ(Json::parse(json.out)["notes"], Json::array({note}));
    for (const char* format : {"text", "md", "html", "jsonl"}) {
      RunResult run = RunClausescan(std::string("scan --format ") + format + " " + Quote(file));
      EXPECT_NE(run.out.find(note), std::string::npos) << format << ": " << run.out;
    }
    RunResult sarif = RunClausescan("scan --format sarif " + Quote(file));
    ASSERT_EQ(sarif.exit_code, 0) << sarif.err;
    const Json notice = Json::parse(sarif.out)["runs"][0]["invocations"][0];
    EXPECT_EQ(notice["executionSuccessful"], true);
    EXPECT_EQ(notice["toolExecutionNotifications"][0]["message"]["text"], note);
    RunResult csv = RunClausescan("scan --format csv " + Quote(file));
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.err, "clausescan: " + file.string() + ": note: " + note + "\n");
  }
}

// A Word lock ("owner") file: 162 bytes, the user's name as a length byte and ANSI, then as a
// length and UTF-16; Word keeps it beside a document while the document is open.
std::string WordLockFile(const std::string& user) {
  std::string lock;
  lock += static_cast<char>(user.size());
  lock += user;
  lock.resize(54, ' ');
  lock += static_cast<char>(user.size());
  lock += '\0';
  for (char c : user) {
    lock += c;
    lock += '\0';
  }
  while (lock.size() < 162) lock += std::string(" \0", 2);
  return lock;
}

// issue 16 review #7: a Word lock file named explicitly is called what it is, not "the name
// says DOCX but the content is not one".
TEST(Usage, AWordLockFileIsCalledOne) {
  TempDir dir;
  const fs::path lock = dir.path() / "~$dpa.docx";
  WriteWholeFile(lock, WordLockFile("Jane Doe"));
  ASSERT_EQ(fs::file_size(lock), 162u);
  RunResult run = RunClausescan("scan " + Quote(lock));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "clausescan: " + lock.string() +
                         ": a Word lock (owner) file, which Word keeps beside a document while "
                         "it is open (here by Jane Doe), not the document: scan the document "
                         "itself\n");
  // A text whose name merely starts with ~$ is still read, even one that opens like a lock
  // file (a length byte, "1" = 49, then 49 printable bytes).
  const fs::path named = dir.path() / "~$notes.txt";
  WriteWholeFile(named, std::string("1. ") + kNotice);
  EXPECT_EQ(RunClausescan("scan " + Quote(named)).exit_code, 0);
}

// rel14 #5: a glob fnmatch cannot read is refused naming the glob and why (as ripgrep does),
// instead of matching no file (--include) or none to skip (--exclude); a good one still works.
TEST(Usage, ABadGlobIsNamedWithWhy) {
  TempDir dir;
  WriteWholeFile(dir.path() / "c.md", kNotice);
  for (const std::string& option : std::vector<std::string>{"--include", "--exclude"}) {
    RunResult r = RunClausescan("scan " + option + " '[' " + Quote(dir.path()));
    EXPECT_EQ(r.exit_code, 2) << option;
    EXPECT_EQ(r.out, "") << option;
    EXPECT_THAT(r.err, ::testing::HasSubstr(option + ": invalid glob '[': unclosed character "
                                                     "class; missing ']'"));
  }
  RunResult escaped = RunClausescan("evidence --exclude 'c.m\\' " + Quote(dir.path()));
  EXPECT_EQ(escaped.exit_code, 2);
  EXPECT_THAT(escaped.err,
              ::testing::HasSubstr("--exclude: invalid glob 'c.m\\': dangling '\\' at the end"));
  RunResult good = RunClausescan("scan --include '[a-c].md' -f json " + Quote(dir.path()));
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_EQ(Json::parse(good.out)["findings"].size(), 1u);
}

}  // namespace
}  // namespace clausescan::testing

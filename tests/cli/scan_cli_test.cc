// The clausescan binary as a user runs it: stdin, files, errors, formats, exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kOccurrenceClause =
    "Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of "
    "its occurrence.\n";

TEST(ScanCli, StdinJsonGivesLocatedQuantifiedAssessedFinding) {
  RunResult r = RunClausescan("scan --format json -", kOccurrenceClause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["document"]["path"], "<stdin>");
  ASSERT_EQ(report["findings"].size(), 1u) << r.out;
  const nlohmann::json& f = report["findings"][0];
  EXPECT_EQ(f["category"], "incident_notification");
  EXPECT_EQ(f["parameters"]["window_hours"], 24);
  EXPECT_EQ(f["parameters"]["trigger"], "occurrence");
  EXPECT_EQ(f["risk"], "high");
  EXPECT_FALSE(f["reasons"].empty());
  EXPECT_FALSE(f["controls"].empty());
  EXPECT_EQ(f["line"], 1);
  EXPECT_EQ(f["start"], 0);
  EXPECT_EQ(f["end"], std::string(kOccurrenceClause).size() - 1);
}

TEST(ScanCli, NoPathReadsStdin) {
  RunResult r = RunClausescan("scan --format json", kOccurrenceClause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["findings"].size(), 1u);
}

// issue 14 fourth review #8: "--format markdown" is the Markdown report, as "md" is.
TEST(ScanCli, FormatMarkdownIsTheMarkdownReport) {
  RunResult spelled = RunClausescan("scan --format markdown -", kOccurrenceClause);
  RunResult short_name = RunClausescan("scan --format md -", kOccurrenceClause);
  ASSERT_EQ(spelled.exit_code, 0) << spelled.err;
  EXPECT_EQ(spelled.out, short_name.out);
  EXPECT_NE(spelled.out.find("# "), std::string::npos) << spelled.out;
  EXPECT_EQ(RunClausescan("scan --format mark -", kOccurrenceClause).exit_code, 2);
}

// Attack review of main fbb6765, D7: an empty file name (an unset "$DOC") gave "cannot open: No
// such file or directory", naming no file.
TEST(ScanCli, EmptyFileNameIsQuotedInTheError) {
  for (const std::string command : {"scan ''", "evidence ''"}) {
    RunResult r = RunClausescan(command);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("cannot open '': No such file or directory"), std::string::npos)
        << command << ": " << r.err;
  }
}

// Attack review of main fbb6765, D8: "-j -1" printed a 400-byte range (the largest double
// written out); a negative count says what is allowed.
TEST(ScanCli, NegativeCountSaysZeroOrMore) {
  for (const std::string option : {"-j -1", "--max-findings -1"}) {
    RunResult r = RunClausescan("scan " + option + " -", kOccurrenceClause);
    EXPECT_EQ(r.exit_code, 2) << option;
    EXPECT_NE(r.err.find("must be 0 or more, not -1"), std::string::npos) << option << ": " << r.err;
    EXPECT_LT(r.err.size(), 200u) << r.err;
  }
}

TEST(ScanCli, TextReportShowsClauseRiskAndControls) {
  RunResult r = RunClausescan("scan -", kOccurrenceClause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("incident_notification"));
  EXPECT_THAT(r.out, HasSubstr("window_hours=24"));
  EXPECT_THAT(r.out, HasSubstr("A.5.2"));
  EXPECT_THAT(r.out, Not(HasSubstr("\x1b[")));  // no colour when stdout is not a terminal
}

TEST(ScanCli, CustomerDutyIsNotASupplierNotice) {
  RunResult r = RunClausescan(
      "scan --format json -",
      "Customer shall notify Supplier in writing of any change to its billing address.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out)["findings"].empty()) << r.out;
}

TEST(ScanCli, MissingFileIsExit2NamingTheFile) {
  RunResult r = RunClausescan("scan /nonexistent/contract.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/contract.md"));
  EXPECT_TRUE(r.out.empty());
}

TEST(ScanCli, BadFileInBatchIsReportedAndOthersStillScan) {
  TempDir dir;
  WriteWholeFile(dir.path() / "good.txt", kOccurrenceClause);
  RunResult r = RunClausescan("scan --format json '" + (dir.path() / "good.txt").string() +
                              "' /nonexistent/other.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/other.txt"));
  EXPECT_THAT(r.out, HasSubstr("incident_notification"));
}

TEST(ScanCli, InvalidUtf8NamesFileAndByteOffset) {
  TempDir dir;
  WriteWholeFile(dir.path() / "bad.txt", std::string("Supplier shall\xff notify.\n"));
  RunResult r = RunClausescan("scan '" + (dir.path() / "bad.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.txt"));
  EXPECT_THAT(r.err, HasSubstr("14"));
}

TEST(ScanCli, LossyUtf8ScansAnyway) {
  std::string clause = kOccurrenceClause;
  clause.insert(8, "\xff");
  RunResult r = RunClausescan("scan --lossy-utf8 --format json -", clause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["findings"].size(), 1u);
}

TEST(ScanCli, FailOnHighExitsOne) {
  EXPECT_EQ(RunClausescan("scan --fail-on high -", kOccurrenceClause).exit_code, 1);
  EXPECT_EQ(RunClausescan("scan --fail-on high -", "Nothing to see here.\n").exit_code, 0);
}

TEST(ScanCli, UnknownOptionIsUsageError) {
  RunResult r = RunClausescan("scan --no-such-option -", kOccurrenceClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no-such-option"));
}

// review fix C #5: CLI11's usage errors carry the program's prefix and the command's help.
TEST(ScanCli, UnknownOptionNamesTheProgramAndTheCommandsHelp) {
  RunResult scan = RunClausescan("scan --no-such-option -", kOccurrenceClause);
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_THAT(scan.err, ::testing::StartsWith("clausescan: "));
  EXPECT_THAT(scan.err, HasSubstr("--no-such-option"));
  EXPECT_THAT(scan.err, HasSubstr("clausescan scan --help"));
  RunResult rules = RunClausescan("rules show --no-such-option x");
  EXPECT_EQ(rules.exit_code, 2);
  EXPECT_THAT(rules.err, ::testing::StartsWith("clausescan: "));
  EXPECT_THAT(rules.err, HasSubstr("clausescan rules show --help"));
}

TEST(ScanCli, OutputFileIsWrittenWhole) {
  TempDir dir;
  std::string out = (dir.path() / "report.json").string();
  RunResult r = RunClausescan("scan --format json --output '" + out + "' -", kOccurrenceClause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(nlohmann::json::parse(ReadWholeFile(out))["findings"].size(), 1u);
}

TEST(ScanCli, FailedScanLeavesNoOutputFile) {
  TempDir dir;
  std::string out = (dir.path() / "report.json").string();
  RunResult r = RunClausescan("scan --format json --output '" + out + "' /nonexistent.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            0);
}

// Ctrl-C (or a CI job's timeout) in the middle of a batch: no report file, no temporary file,
// no PDF reader left running.
TEST(ScanCli, AnInterruptedScanLeavesNoOutputFile) {
  TempDir dir;
  WriteWholeFile(dir.path() / "slow.pdf", FormBombPdf(30, 4));
  WriteWholeFile(dir.path() / "notice.txt", kOccurrenceClause);
  const std::string out = (dir.path() / "report.json").string();
  const std::string command =
      std::string("'") + CLAUSESCAN_BINARY + "' scan --format json --jobs 1 --pdf-time-limit 60 " +
      "--output '" + out + "' '" + (dir.path() / "notice.txt").string() + "' '" +
      (dir.path() / "slow.pdf").string() + "' & pid=$!; sleep 1; kill -TERM $pid; wait $pid; " +
      "echo $? > '" + (dir.path() / "status").string() + "'";
  WriteWholeFile(dir.path() / "interrupt.sh", command + "\n");
  ASSERT_EQ(std::system(("sh '" + (dir.path() / "interrupt.sh").string() + "'").c_str()), 0);
  std::filesystem::remove(dir.path() / "interrupt.sh");
  EXPECT_EQ(ReadWholeFile(dir.path() / "status"), "143\n");  // died of SIGTERM
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    left.push_back(entry.path().filename().string());
  }
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"notice.txt", "slow.pdf", "status"}));
}

// The CI gate of a contract repository: accept today's clauses once, fail on new ones.
TEST(ScanCli, BaselineLetsTheGateReactToNewClausesOnly) {
  TempDir dir;
  const std::string contract = (dir.path() / "msa.txt").string();
  const std::string base = (dir.path() / "base.json").string();
  WriteWholeFile(contract, std::string(kOccurrenceClause));
  ASSERT_EQ(RunClausescan("scan --format json -o '" + base + "' '" + contract + "'").exit_code, 0);
  RunResult same = RunClausescan("scan --fail-on low --baseline '" + base + "' '" + contract + "'");
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_THAT(same.out, HasSubstr("1 finding is accepted in the baseline"));
  WriteWholeFile(contract, std::string(kOccurrenceClause) +
                               "Supplier's liability for data protection breaches is unlimited.\n");
  RunResult changed = RunClausescan("scan --format json --fail-on high --baseline '" + base +
                                    "' '" + contract + "'");
  EXPECT_EQ(changed.exit_code, 1);
  nlohmann::json report = nlohmann::json::parse(changed.out);
  ASSERT_EQ(report["findings"].size(), 1u) << changed.out;
  EXPECT_THAT(report["findings"][0]["rule"].get<std::string>(), HasSubstr("liability"));
  RunResult bad = RunClausescan("scan --baseline '" + contract + "' '" + contract + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("msa.txt:1: not a clausescan JSON report"));
}

// Review of perf/match10 #3: the JSON report of a scan in which an input failed
// ({"reports": [...], "errors": [...]}) is a baseline like any other; its errors add nothing.
TEST(ScanCli, TheReportOfAScanWithAFailedInputIsABaseline) {
  TempDir dir;
  const std::string contract = (dir.path() / "msa.txt").string();
  const std::string missing = (dir.path() / "gone.txt").string();
  const std::string base = (dir.path() / "base.json").string();
  WriteWholeFile(contract, std::string(kOccurrenceClause));
  RunResult first = RunClausescan("scan --format json -o '" + base + "' '" + contract + "' '" +
                                  missing + "'");
  ASSERT_EQ(first.exit_code, 2) << first.err;
  ASSERT_TRUE(nlohmann::json::parse(ReadWholeFile(base)).contains("errors"));
  RunResult gated =
      RunClausescan("scan --fail-on low --baseline '" + base + "' '" + contract + "'");
  EXPECT_EQ(gated.exit_code, 0) << gated.out << gated.err;
  EXPECT_THAT(gated.out, HasSubstr("1 finding is accepted in the baseline"));
  WriteWholeFile(base, "{\"reports\": 3, \"errors\": []}");
  RunResult bad = RunClausescan("scan --baseline '" + base + "' '" + contract + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("base.json: not a clausescan JSON report"));
}

// Review of perf/match10 #4: a file named twice (`scan c.md ./c.md`, or named and in a folder
// named too) is one document, so --fail-on counts its findings once; `scan - -` reads standard
// input once.
TEST(ScanCli, AFileNamedTwiceIsScannedOnce) {
  TempDir dir;
  const std::string contract = (dir.path() / "msa.txt").string();
  WriteWholeFile(contract, std::string(kOccurrenceClause));
  RunResult named = RunClausescan("scan --format json '" + contract + "' '" +
                                  (dir.path() / "." / "msa.txt").string() + "' '" +
                                  dir.path().string() + "'");
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_THAT(named.err, HasSubstr("msa.txt: named more than once; scanned once"));
  nlohmann::json report = nlohmann::json::parse(named.out);
  ASSERT_TRUE(report.is_object()) << named.out;  // one report, not an array
  EXPECT_EQ(report["document"]["path"], contract);
  RunResult piped = RunClausescan("scan --format json - -", kOccurrenceClause);
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_TRUE(nlohmann::json::parse(piped.out).is_object()) << piped.out;
}

TEST(ScanCli, SampleAddendumScansFromAnyFolder) {
  RunResult r =
      RunClausescan("scan --format json '" + SourcePath("corpus/security-addendum.md") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  std::set<std::string> categories;
  for (const auto& f : report["findings"]) categories.insert(f["category"]);
  EXPECT_TRUE(categories.count("incident_notification"));
  EXPECT_TRUE(categories.count("data_deletion"));
}

TEST(TextCli, PrintsTheFileBytesOffsetsReferTo) {
  TempDir dir;
  std::string content = "# Title\n\nSupplier shall <span>notify</span> **Customer**.\n";
  WriteWholeFile(dir.path() / "a.md", content);
  RunResult r = RunClausescan("text '" + (dir.path() / "a.md").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, content);
}

TEST(TextCli, NormalizedShowsTheMatchingView) {
  TempDir dir;
  WriteWholeFile(dir.path() / "a.md", "Supplier shall <span>Notify</span> **Customer**.\n");
  RunResult r = RunClausescan("text --normalized '" + (dir.path() / "a.md").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("supplier shall notify customer."));
}

TEST(RulesCli, ListShowsTheFirstFamilies) {
  RunResult r = RunClausescan("rules list");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("incident-notification.window"));
  EXPECT_THAT(r.out, HasSubstr("data_deletion"));
}

TEST(RulesCli, ShowUnknownRuleIsAnError) {
  RunResult r = RunClausescan("rules show no.such.rule");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no.such.rule"));
}

// review fix C #3: top issues print category ids; `rules show` of one lists its rules.
TEST(RulesCli, ShowOfACategoryListsItsRules) {
  RunResult r = RunClausescan("rules show incident_notification");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("incident_notification"));
  EXPECT_THAT(r.out, HasSubstr("incident-notification.window"));
  EXPECT_THAT(r.out, HasSubstr("incident-notification.costs"));
  EXPECT_THAT(r.out, HasSubstr("Why the buyer asks"));
}

// review fix C #3: an unknown id names the closest rule or category.
TEST(RulesCli, ShowOfAnUnknownIdSuggestsTheClosest) {
  RunResult rule = RunClausescan("rules show incident-notification.windw");
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_THAT(rule.err, HasSubstr("did you mean 'incident-notification.window'"));
  RunResult category = RunClausescan("rules show incident-notification");
  EXPECT_EQ(category.exit_code, 2);
  EXPECT_THAT(category.err, HasSubstr("did you mean 'incident_notification'"));
}

TEST(RulesCli, BuiltinRuleTestsPass) {
  RunResult r = RunClausescan("rules test");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(RulesCli, BadRuleFileNamesFileLineAndColumn) {
  TempDir dir;
  std::filesystem::copy(SourcePath("rules"), dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  WriteWholeFile(dir.path() / "rules" / "incident_notification" / "broken.yaml",
                 "id: broken.rule\ncategory: incident_notification\ntitle: Broken\n"
                 "scop: sentence\nmatch:\n  all:\n    - any: ['notify']\n");
  RunResult r =
      RunClausescan("scan --rules '" + (dir.path() / "rules").string() + "' -", kOccurrenceClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("broken.yaml:4:1"));
  EXPECT_THAT(r.err, HasSubstr("scop"));
  EXPECT_TRUE(r.out.empty());
}

TEST(RulesCli, BadRegexIsReportedNotCrashed) {
  TempDir dir;
  std::filesystem::copy(SourcePath("rules"), dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  WriteWholeFile(dir.path() / "rules" / "incident_notification" / "broken.yaml",
                 "id: broken.rule\ncategory: incident_notification\ntitle: Broken\n"
                 "match:\n  all:\n    - any: ['notif(y']\n");
  RunResult r = RunClausescan("rules validate '" + (dir.path() / "rules").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("broken.yaml:6"));
}

// A copy of the project's rules with a concepts.yaml and a rule that refers to it.
class ConceptRules {
 public:
  ConceptRules() {
    std::filesystem::copy(SourcePath("rules"), dir_.path() / "rules",
                          std::filesystem::copy_options::recursive);
    const std::filesystem::path rules = dir_.path() / "rules";
    // One concepts.yaml per rule directory: ours is appended to the project's.
    std::string concepts = ReadWholeFile(rules / "concepts.yaml");
    if (!concepts.empty() && concepts.back() != '\n') concepts += '\n';
    notice_line_ = static_cast<int>(std::count(concepts.begin(), concepts.end(), '\n')) + 2;
    WriteWholeFile(rules / "concepts.yaml", concepts +
                                                "zz_duty: '(shall|will|must)'\n"
                                                "zz_notice: '{{zz_duty}} (notify|tell)'\n");
    WriteWholeFile(rules / "incident_notification" / "zz.yaml",
                   "id: zz.concept-rule\ncategory: incident_notification\ntitle: Concepts\n"
                   "match:\n  all:\n    - any: ['\\bzz {{zz_notice}} zz\\b']\n");
    WriteWholeFile(rules / "incident_notification" / "zz.test.txt",
                   "# ruleid: zz.concept-rule\nThe vendor says zz will tell zz.\n"
                   "# ok: zz.concept-rule\nThe vendor says zz may tell zz.\n");
  }
  std::string path() const { return "'" + (dir_.path() / "rules").string() + "'"; }
  // The line of concepts.yaml that defines zz_notice.
  int notice_line() const { return notice_line_; }

 private:
  TempDir dir_;
  int notice_line_ = 0;
};

TEST(RulesCli, ConceptsExpandInRulesAndOnRequest) {
  ConceptRules rules;
  RunResult test = RunClausescan("rules test " + rules.path());
  EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  EXPECT_THAT(test.out, HasSubstr(" 0 failed"));

  RunResult validate = RunClausescan("rules validate " + rules.path());
  ASSERT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_THAT(validate.out, Not(HasSubstr("zz_notice")));  // only on request
  validate = RunClausescan("rules validate " + rules.path() + " --expand");
  ASSERT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_THAT(validate.out,
              HasSubstr("zz_notice (concepts.yaml:" + std::to_string(rules.notice_line()) +
                        "): "
                        "{{zz_duty}} (notify|tell)\n"
                        "      = (?:(shall|will|must)) (notify|tell)\n"));
  EXPECT_THAT(validate.out,
              HasSubstr("incident_notification/zz.yaml:6:13: zz.concept-rule all[0]: "
                        "\\bzz {{zz_notice}} zz\\b\n"
                        "      = \\bzz (?:(?:(shall|will|must)) (notify|tell)) zz\\b\n"));

  RunResult show =
      RunClausescan("rules --rules " + rules.path() + " show zz.concept-rule --expand");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("Patterns, concepts expanded:\n  all[0] (line 6): "
                                  "\\bzz {{zz_notice}} zz\\b\n"
                                  "      = \\bzz (?:(?:(shall|will|must)) (notify|tell)) zz\\b\n"));
  RunResult patterns = RunClausescan("rules --rules " + rules.path() + " patterns");
  ASSERT_EQ(patterns.exit_code, 0) << patterns.err;
  EXPECT_THAT(patterns.out, HasSubstr("\\bzz (?:(?:(shall|will|must)) (notify|tell)) zz\\b\n"));
}

TEST(RulesCli, UnknownConceptNamesTheRuleFileLineAndColumn) {
  ConceptRules rules;
  RunResult r = RunClausescan("rules validate " + rules.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Misspell the reference.
  const std::string path = rules.path().substr(1, rules.path().size() - 2);
  WriteWholeFile(std::filesystem::path(path) / "incident_notification" / "zz.yaml",
                 "id: zz.concept-rule\ncategory: incident_notification\ntitle: Concepts\n"
                 "match:\n  all:\n    - any: ['\\bzz {{zz_notic}} zz\\b']\n");
  r = RunClausescan("rules validate " + rules.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("incident_notification/zz.yaml:6:19: unknown concept 'zz_notic' "
                               "(did you mean 'zz_notice'?)"));
}

TEST(ControlsCli, ListsControlsWithTheirRules) {
  RunResult r = RunClausescan("controls");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("A.5.24"));
  EXPECT_THAT(r.out, HasSubstr("incident-notification.window"));
}

}  // namespace
}  // namespace clausescan::testing

namespace clausescan::testing {
namespace {

TEST(RulesCli, ShowPrintsPatternsTestsAndControls) {
  RunResult r = RunClausescan("rules show incident-notification.window");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr("A.5.24"));
  EXPECT_THAT(r.out, ::testing::HasSubstr("Test examples:"));
  EXPECT_THAT(r.out, ::testing::HasSubstr("# ruleid: incident-notification.window"));
}

TEST(RulesCli, PatternsPrintsOnePatternPerLine) {
  RunResult r = RunClausescan("rules patterns");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), 20);
}

// Reliability review of main 9ef7676 #6: the JSON `text` of a Markdown clause kept an HTML
// entity and a link's destination, which a Markdown viewer shows as plain words; struck words
// keep their markers, so a deleted term never reads as a current one (attack review of main
// 8a5a3af #5).
TEST(ScanCli, TheQuoteOfAMarkdownClauseShowsEntitiesAndLinksAsAViewerDoesAndKeepsStrikethrough) {
  TempDir dir;
  WriteWholeFile(dir.path() / "notice.md",
                 "Supplier shall notify Customer of any Security Incident within 24&nbsp;hours "
                 "under the [Data Processing Addendum](https://example.com/dpa) &amp; its "
                 "~~amended~~ terms.\n");
  const RunResult r = RunClausescan("scan -f json " + Quote(dir.path() / "notice.md"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  ASSERT_FALSE(report["findings"].empty()) << r.out;
  EXPECT_EQ(report["findings"][0]["text"],
            "Supplier shall notify Customer of any Security Incident within 24 hours under the "
            "Data Processing Addendum & its ~~amended~~ terms.");
}

}  // namespace
}  // namespace clausescan::testing

// clausescan scan --playbook FILE, and clausescan playbook init | check.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kNoticeClause =
    "Supplier shall notify Customer of any Security Incident within seventy-two (72) hours "
    "after becoming aware of it.\n";

nlohmann::json ScanJson(const std::string& options, const std::string& input) {
  RunResult r = RunClausescan("scan --format json " + options + " -", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(PlaybookCli, OverrideChangesTheRiskOfAFinding) {
  nlohmann::json before = ScanJson("", kNoticeClause);
  ASSERT_EQ(before["findings"].size(), 1u) << before;
  EXPECT_EQ(before["findings"][0]["risk"], "low");

  TempDir dir;
  // A customer who wants to push back on anything under five days.
  WriteWholeFile(dir.path() / "mine.yaml", R"(incident_notification:
  positions:
    - id: notify-window-tight
      when: {window_hours: {ge: 24, lt: 120}}
      risk: medium
      reason: "{window_hours} hours is under the five days we ask for"
)");
  nlohmann::json after = ScanJson("--playbook " + Quote(dir.path() / "mine.yaml"), kNoticeClause);
  ASSERT_EQ(after["findings"].size(), 1u) << after;
  const nlohmann::json& finding = after["findings"][0];
  EXPECT_EQ(finding["risk"], "medium");
  EXPECT_EQ(finding["positions"], nlohmann::json::array({"notify-window-tight"}));
  EXPECT_EQ(finding["reasons"][0],
            "72 hours is under the five days we ask for (position notify-window-tight)");
}

TEST(PlaybookCli, DisabledPositionNoLongerApplies) {
  const std::string occurrence =
      "Supplier shall notify Customer of any Security Incident within 72 hours of its "
      "occurrence.\n";
  EXPECT_EQ(ScanJson("", occurrence)["findings"][0]["risk"], "high");
  TempDir dir;
  WriteWholeFile(dir.path() / "mine.yaml",
                 "incident_notification:\n  positions:\n"
                 "    - {id: notify-from-occurrence, enabled: false}\n");
  nlohmann::json after = ScanJson("--playbook " + Quote(dir.path() / "mine.yaml"), occurrence);
  EXPECT_EQ(after["findings"][0]["risk"], "low");
  EXPECT_TRUE(after["findings"][0]["positions"].empty());
}

TEST(PlaybookCli, MalformedPlaybookIsExit2NamingFileLineAndColumn) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "mine.yaml";
  WriteWholeFile(file,
                 "incident_notification:\n  positions:\n    - id: notify-window-short\n"
                 "      when: {windw_hours: {lt: 12}}\n      risk: high\n      reason: r\n");
  RunResult r = RunClausescan("scan --playbook " + Quote(file) + " -", kNoticeClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(file.string() + ":4:14: no rule of category "
                                               "'incident_notification' declares parameter "
                                               "'windw_hours' (did you mean 'window_hours'?)"));
  EXPECT_TRUE(r.out.empty());
}

// issue 14 #1: an unclosed quote no longer takes in the keys after it: before, the reason read
// "we need hours propose: Within 24 hours." and the proposal was lost, with exit status 0.
TEST(PlaybookCli, UnclosedQuoteIsExit2AtTheOpeningQuote) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "mine.yaml";
  WriteWholeFile(file,
                 "incident_notification:\n  positions:\n    - id: notify-window-short\n"
                 "      when: {window_hours: {lt: 96}}\n      risk: high\n"
                 "      reason: \"we need hours\n      propose: Within 24 hours.\n");
  RunResult r = RunClausescan("scan --playbook " + Quote(file) + " -", kNoticeClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(file.string() + ":6:15: the quoted string opened here is not "
                                               "closed before line 7"));
  EXPECT_TRUE(r.out.empty());
}

TEST(PlaybookCli, UnknownDisabledPositionIsAnError) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "mine.yaml";
  WriteWholeFile(file,
                 "incident_notification:\n  positions:\n    - {id: no-such, enabled: false}\n");
  RunResult r = RunClausescan("playbook check " + Quote(file));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(file.string() + ":3:12: unknown position id 'no-such'"));
}

TEST(PlaybookCli, MissingPlaybookFileIsExit2) {
  RunResult r = RunClausescan("scan --playbook /nonexistent/playbook.yaml -", kNoticeClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/playbook.yaml: cannot read playbook"));
}

TEST(PlaybookCli, InitWritesEveryPlaybookFileUnderACommentNamingIt) {
  RunResult r = RunClausescan("playbook init");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# clausescan playbook", 0), 0u);
  EXPECT_THAT(r.out, HasSubstr("enabled: false"));
  EXPECT_THAT(r.out, HasSubstr("# From playbook.yaml\n"));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("rules"))) {
    if (entry.path().filename() != "playbook.yaml") continue;
    const std::string name = entry.path().lexically_relative(SourcePath("rules")).generic_string();
    EXPECT_THAT(r.out, HasSubstr("# From " + name + "\n"));
    EXPECT_THAT(r.out, HasSubstr(ReadWholeFile(entry.path())));
  }
}

TEST(PlaybookCli, InitRoundTripLeavesEveryReportUnchanged) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "playbook.yaml";
  RunResult init = RunClausescan("playbook init " + Quote(file));
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(init.out.empty());
  const std::string written = ReadWholeFile(file);
  EXPECT_EQ(written.rfind("# clausescan playbook", 0), 0u);
  EXPECT_NE(written.find("clausescan scan --playbook " + file.string()), std::string::npos);
  EXPECT_EQ(RunClausescan("playbook check " + Quote(file)).exit_code, 0);
  for (const char* name : {"corpus/dpa.md", "corpus/msa.txt", "corpus/security-addendum.md"}) {
    SCOPED_TRACE(name);
    RunResult plain = RunClausescan("scan --format json '" + SourcePath(name) + "'");
    RunResult custom = RunClausescan("scan --format json --playbook " + Quote(file) + " '" +
                                     SourcePath(name) + "'");
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(custom.exit_code, 0) << custom.err;
    EXPECT_EQ(custom.out, plain.out);
  }
}

TEST(PlaybookCli, InitRefusesToOverwriteWithoutForce) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "playbook.yaml";
  WriteWholeFile(file, "mine\n");
  RunResult r = RunClausescan("playbook init " + Quote(file));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(file.string() + ": already exists; use --force"));
  EXPECT_EQ(ReadWholeFile(file), "mine\n");
  RunResult forced = RunClausescan("playbook init --force " + Quote(file));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(ReadWholeFile(file).rfind("# clausescan playbook", 0), 0u);
}

// Attack review of main c7bb297 (minor): a file name holding a line break broke the copy's
// comment into a YAML line and init failed with "internal error". The name is written escaped.
TEST(PlaybookCli, InitWritesAFileWhoseNameHoldsALineBreak) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "pb.yaml\nx: 1";
  RunResult r = RunClausescan("playbook init " + Quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("internal error")));
  RunResult check = RunClausescan("playbook check " + Quote(file));
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

}  // namespace
}  // namespace clausescan::testing

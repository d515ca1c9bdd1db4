// clausescan scan --profile FILE: findings judged against the company profile (issue 13 #2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kClause =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";

constexpr const char* kSummary =
    "you notify within 48 h of confirmation; the clause asks 24 h of occurrence: not met";

// A profile in dir: 48 h from confirmation, an ISO certificate expired on 2026-03-01, A.5.24
// planned.
std::filesystem::path WriteProfile(const TempDir& dir) {
  WriteWholeFile(dir.path() / "iso.txt", "ISO/IEC 27001 certificate\n");
  WriteWholeFile(dir.path() / "acme.yaml", R"(soa:
  - control: A.5.24
    applicable: true
    status: planned
evidence:
  - id: iso-certificate
    file: iso.txt
    issued: 2024-03-01
    valid_until: 2026-03-01
    sharing: public
capabilities:
  notification: {hours: 48, from: confirmation}
)");
  return dir.path() / "acme.yaml";
}

std::string Scan(const std::string& format, const std::filesystem::path& profile) {
  // JSON Lines from stdin is a filter of {"id", "text"} lines.
  const std::string input =
      format == "jsonl" ? nlohmann::json{{"id", 1}, {"text", kClause}}.dump() + "\n" : kClause;
  RunResult r = RunClausescan(
      "scan --format " + format + " --profile " + Quote(profile) + " --as-of 2026-12-06 -", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(ProfileJudgementCli, JsonHasTheVerdictDocumentsAndOriginalRisk) {
  TempDir dir;
  nlohmann::json report = nlohmann::json::parse(Scan("json", WriteProfile(dir)));
  EXPECT_EQ(report["document"]["profile"]["date"], "2026-12-06");
  ASSERT_EQ(report["findings"].size(), 1u) << report;
  const nlohmann::json& f = report["findings"][0];
  EXPECT_EQ(f["risk"], "high");
  EXPECT_EQ(f["original_risk"], "high");
  EXPECT_EQ(f["profile"]["verdict"], "not_met");
  EXPECT_EQ(f["profile"]["summary"], kSummary);
  EXPECT_EQ(f["profile"]["documents"][2]["status"], "expired");
  EXPECT_THAT(f["profile"]["notes"].dump(), HasSubstr("expired 2026-03-01"));
  EXPECT_THAT(f["profile"]["notes"].dump(), HasSubstr("A.5.24"));
}

// Every format shows the profile's verdict.
TEST(ProfileJudgementCli, EveryFormatShowsTheVerdict) {
  TempDir dir;
  const std::filesystem::path profile = WriteProfile(dir);
  for (const char* format : {"text", "md", "html", "jsonl", "sarif", "csv"}) {
    const std::string out = Scan(format, profile);
    EXPECT_THAT(out, HasSubstr("not met")) << format;
    EXPECT_THAT(out, HasSubstr("expired 2026-03-01")) << format;
  }
  const std::string csv = Scan("csv", profile);
  EXPECT_THAT(csv.substr(0, csv.find('\n')), HasSubstr("profile_verdict"));
  EXPECT_THAT(Scan("sarif", profile), HasSubstr("\"original_risk\""));
}

// The top issues say the verdict too.
TEST(ProfileJudgementCli, TopIssuesSayTheVerdict) {
  TempDir dir;
  const std::string text = Scan("text", WriteProfile(dir));
  const std::string top = text.substr(text.find("top issues:"));
  EXPECT_THAT(top.substr(0, top.find("\n\n")), HasSubstr("your profile does not meet it"));
}

// Without --profile nothing of it shows (the goldens check the rest byte for byte).
TEST(ProfileJudgementCli, NoProfileNoProfileFields) {
  RunResult json = RunClausescan("scan --format json -", kClause);
  EXPECT_THAT(json.out, Not(HasSubstr("profile")));
  EXPECT_THAT(json.out, Not(HasSubstr("original_risk")));
  RunResult csv = RunClausescan("scan --format csv -", kClause);
  EXPECT_THAT(csv.out, Not(HasSubstr("profile_verdict")));
}

TEST(ProfileJudgementCli, BadProfileExits2WithItsErrorsAndNoOutputFile) {
  TempDir dir;
  WriteWholeFile(dir.path() / "bad.yaml", "capabilities:\n  notification: {hours: -4}\n");
  const std::filesystem::path report = dir.path() / "report.json";
  RunResult r = RunClausescan(
      "scan --profile " + Quote(dir.path() / "bad.yaml") + " -o " + Quote(report) + " -", kClause);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:2:"));
  EXPECT_THAT(r.err, HasSubstr("capabilities.notification"));
  EXPECT_FALSE(std::filesystem::exists(report));
  EXPECT_EQ(r.out, "");
}

TEST(ProfileJudgementCli, MissingProfileAndBadDateExit2) {
  TempDir dir;
  RunResult missing =
      RunClausescan("scan --profile " + Quote(dir.path() / "none.yaml") + " -", kClause);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("none.yaml"));
  RunResult date = RunClausescan(
      "scan --profile " + Quote(WriteProfile(dir)) + " --as-of 2026-13-01 -", kClause);
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_THAT(date.err, HasSubstr("--as-of"));
}

// issue 13 s10 #4: the sample profile says how many audits a year it accepts (per_year: 1), so
// an audit clause that lifts its yearly limit after an incident (as Bonterms DPA 9.3(c)) is not
// met by it.
TEST(ProfileJudgementCli, SampleProfileDoesNotMeetALiftedYearlyAuditLimit) {
  const std::string clause =
      "Customer may audit Supplier's facilities on 30 days' notice, no more than once annually "
      "(unless required under Data Protection Laws or in connection with a Security "
      "Incident).\n";
  RunResult r = RunClausescan(
      "scan --format json --profile " +
          Quote(std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/profile/acme-profile.yaml") +
          " --as-of 2026-12-06 -",
      clause);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  bool judged = false;
  for (const nlohmann::json& f : report["findings"]) {
    if (f["rule"] != "audit-rights.audit") continue;
    judged = true;
    EXPECT_EQ(f["profile"]["verdict"], "not_met") << f["profile"].dump();
    EXPECT_THAT(f["profile"]["summary"].get<std::string>(), HasSubstr("at most 1 a year"));
  }
  EXPECT_TRUE(judged) << r.out;
}

}  // namespace
}  // namespace clausescan::testing

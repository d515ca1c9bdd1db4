// A document of the company profile that expires before the contract's term ends is a finding of
// its own (issue 13 #1): one per document, with its evidence id, valid-until date, the term as
// read and the findings it answers, in every format; only for a scan with --profile and a term.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "two_document_profile.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n\n";
constexpr const char* kPlan = "Supplier shall maintain an incident response plan and test it annually.\n\n";
constexpr const char* kTerm =
    "This Agreement has an initial term of three (3) years from the Effective Date.\n";
constexpr const char* kRule = "evidence.expires-before-term";

// With WriteTwoDocumentProfile, the procedure (valid until 2027-06-30) answers the notice clause;
// the certificate (valid until 2029-01-31) answers both clauses. A three-year term from
// 2026-12-06 ends 2029-12-06.
RunResult Scan(const std::string& format, const std::string& text, const std::string& extra) {
  const std::string input =
      format == "jsonl" ? nlohmann::json{{"id", 1}, {"text", text}}.dump() + "\n" : text;
  return RunClausescan("scan --format " + format + " --as-of 2026-12-06 " + extra + " -", input);
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ExpiringEvidenceCli, JsonHasOneEntryPerDocumentWithTheFindingsItAnswers) {
  TempDir dir;
  const std::string profile = "--profile " + Quote(WriteTwoDocumentProfile(dir));
  RunResult r = Scan("json", std::string(kNotice) + kPlan + kTerm, profile);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  const nlohmann::json& items = report["expiring_evidence"];
  ASSERT_EQ(items.size(), 2u) << report.dump(1);
  EXPECT_EQ(items[0]["rule"], kRule);
  EXPECT_EQ(items[0]["evidence"], "incident-response-procedure");
  EXPECT_EQ(items[0]["file"], "irp.txt");
  EXPECT_EQ(items[0]["valid_until"], "2027-06-30");
  EXPECT_EQ(items[0]["term_ends"], "2029-12-06");
  EXPECT_THAT(items[0]["term_source"].get<std::string>(), HasSubstr("read at line 5"));
  // Reading review of the merged main: the risk is how soon it lapses (206 days after the
  // judging date: a renewal to plan), not the risk of the findings it answers (HIGH here).
  EXPECT_EQ(items[0]["risk"], "low");
  ASSERT_EQ(items[0]["findings"].size(), 1u);
  EXPECT_EQ(items[0]["findings"][0]["rule"], "incident-notification.window");
  EXPECT_EQ(items[0]["findings"][0]["line"], 1);
  EXPECT_EQ(items[1]["evidence"], "iso-certificate");
  EXPECT_EQ(items[1]["valid_until"], "2029-01-31");
  ASSERT_EQ(items[1]["findings"].size(), 2u);
  EXPECT_EQ(items[1]["findings"][1]["line"], 3);
}

TEST(ExpiringEvidenceCli, EveryFormatShowsEachDocumentOnce) {
  TempDir dir;
  const std::string profile = "--profile " + Quote(WriteTwoDocumentProfile(dir));
  const std::string contract = std::string(kNotice) + kPlan + kTerm;
  for (const char* format : {"text", "md", "html"}) {
    RunResult r = Scan(format, contract, profile);
    ASSERT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_EQ(Count(r.out, "ISO certificate (iso.txt) is valid until"), 1u) << format << r.out;
    EXPECT_EQ(Count(r.out, "Incident response procedure (irp.txt) is valid until"), 1u) << format;
    EXPECT_THAT(r.out, HasSubstr("security-measures.specific-controls (line 3)")) << format;
  }
  RunResult jsonl = Scan("jsonl", contract, profile);
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(nlohmann::json::parse(jsonl.out)["expiring_evidence"].size(), 2u);
  RunResult sarif = Scan("sarif", contract, profile);
  ASSERT_EQ(sarif.exit_code, 0) << sarif.err;
  std::size_t results = 0;
  const nlohmann::json log = nlohmann::json::parse(sarif.out);
  for (const nlohmann::json& result : log["runs"][0]["results"]) {
    if (result["ruleId"].get<std::string>() != kRule) continue;
    ++results;
    EXPECT_EQ(result["properties"]["term_ends"], "2029-12-06");
  }
  EXPECT_EQ(results, 2u) << sarif.out;
  RunResult csv = Scan("csv", contract, profile);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(Count(csv.out, std::string(",") + kRule + ","), 2u) << csv.out;
  EXPECT_THAT(csv.out, HasSubstr("valid_until=2029-01-31;term_ends=2029-12-06"));
}

// A contract that states no term, and no --term-ends: nothing is compared (not even with
// --as-of); JSON says so with an empty list. Without --profile the key is absent.
TEST(ExpiringEvidenceCli, NoTermNoEntryAndNoProfileNoKey) {
  TempDir dir;
  const std::string profile = "--profile " + Quote(WriteTwoDocumentProfile(dir));
  const std::string contract = std::string(kNotice) + kPlan;
  RunResult json = Scan("json", contract, profile);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["expiring_evidence"], nlohmann::json::array());
  RunResult text = Scan("text", contract, profile);
  EXPECT_THAT(text.out, Not(HasSubstr("before the contract's term")));
  RunResult csv = Scan("csv", contract, profile);
  EXPECT_THAT(csv.out, Not(HasSubstr(kRule)));
  RunResult plain = Scan("json", contract + kTerm, "");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("expiring_evidence"));
  RunResult given = Scan("json", contract, profile + " --term-ends 2027-12-31");
  ASSERT_EQ(given.exit_code, 0) << given.err;
  const nlohmann::json items = nlohmann::json::parse(given.out)["expiring_evidence"];
  ASSERT_EQ(items.size(), 1u) << items;
  EXPECT_EQ(items[0]["evidence"], "incident-response-procedure");
  EXPECT_FALSE(items[0].contains("term_source"));
}

}  // namespace
}  // namespace clausescan::testing

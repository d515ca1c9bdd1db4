// Category fallback rules (`fallback: true`): a finding from the category's concepts and a duty
// of a party, only where no specific rule of the category holds; marked in every output format
// (issue 11 #3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "clausescan/printers.h"
#include "clausescan/rules.h"
#include "clausescan/scanner.h"
#include "support/temp_directory.h"

namespace clausescan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char kCategories[] = "- {id: audit_rights, title: Audit rights}\n";
const char kParties[] = "supplier: [supplier]\ncustomer: [customer]\nmutual: [each party]\n";
const char kPlaybook[] = R"(audit_rights:
  default: medium
  default_reason: the audit terms follow the playbook
  positions:
    - id: audit-any
      when: {}
      risk: high
      reason: every audit clause is high here
)";
// The specific rule: audits of records.
const char kSpecific[] = R"(id: audit-rights.records
category: audit_rights
title: Audit of records
party: supplier
match:
  all:
    - any: ['\baudit\b']
    - any: ['\brecords\b']
)";
// The fallback: any audit or inspection the supplier owes.
const char kFallback[] = R"(id: audit-rights.fallback
category: audit_rights
title: Audit rights (fallback)
party: supplier
fallback: true
match:
  all:
    - any: ['\b(audit|inspect)\w*']
considerations:
  - text: Read the clause, as no specific rule judged it.
    establishes: nothing
)";

class FallbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = clausescan::testing::MakeTempDirectory("clausescan_fallback_test_");
    Write("categories.yaml", kCategories);
    Write("parties.yaml", kParties);
    Write("playbook.yaml", kPlaybook);
    Write("records.yaml", kSpecific);
    Write("fallback.yaml", kFallback);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  Report Scan(const std::string& text) {
    Result<RuleSet> rules = RuleSet::Load(dir_.string());
    EXPECT_TRUE(rules.ok()) << rules.error().message();
    Result<Report> report = Scanner(*rules).ScanBytes(text, "contract.txt");
    EXPECT_TRUE(report.ok()) << report.error().message();
    return *report;
  }
  std::filesystem::path dir_;
};

TEST_F(FallbackTest, FindsWhatNoSpecificRuleJudges) {
  Report report = Scan(
      "Supplier shall permit Customer to audit its records once a year.\n\n"
      "Supplier shall allow Customer to inspect its data centres on request.\n");
  ASSERT_EQ(report.findings.size(), 2u);
  // The specific rule judges the first clause: the fallback stays silent there.
  EXPECT_EQ(report.findings[0].rule, "audit-rights.records");
  EXPECT_FALSE(report.findings[0].fallback);
  EXPECT_EQ(report.findings[0].risk, Risk::kHigh);
  // Only the fallback sees the second: marked, with the category's default risk and a reason
  // that says no specific rule judged it (the positions are not applied).
  EXPECT_EQ(report.findings[1].rule, "audit-rights.fallback");
  EXPECT_TRUE(report.findings[1].fallback);
  EXPECT_EQ(report.findings[1].risk, Risk::kMedium);
  EXPECT_TRUE(report.findings[1].positions.empty());
  ASSERT_FALSE(report.findings[1].reasons.empty());
  EXPECT_THAT(report.findings[1].reasons[0], HasSubstr("no specific rule judged"));
}

TEST_F(FallbackTest, NeedsADutyAndSkipsDefinitionsAndTheOtherParty) {
  Report report = Scan(
      "Inspections of the data centres take place each year.\n\n"
      "Inspections of the data centres will be announced a week ahead.\n\n"
      "\"Inspection\" means an inspection of the data centres.\n\n"
      "Customer shall inspect the goods on delivery.\n\n"
      "Each party shall allow the other to inspect its premises.\n");
  // A statement of fact is no duty; a duty whose holder the sentence does not name is one (and,
  // as every clause the rules read with no side named, is reported as the supplier's).
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_EQ(report.findings[0].party, "supplier");
  EXPECT_EQ(report.findings[1].party, "mutual");
  EXPECT_TRUE(report.findings[0].fallback);
  EXPECT_TRUE(report.findings[1].fallback);
}

TEST_F(FallbackTest, EveryFormatMarksTheFinding) {
  Report report = Scan(
      "Supplier shall permit Customer to audit its records once a year.\n\n"
      "Supplier shall allow Customer to inspect its data centres on request.\n");
  std::ostringstream json, text, markdown, html, sarif, csv;
  WriteJson(report, json);
  WriteText(report, text);
  WriteMarkdown({report}, markdown);
  WriteHtml({report}, html);
  WriteSarif({report}, sarif);
  WriteCsv({report}, csv);
  // JSON: "fallback": true on the fallback finding only.
  EXPECT_THAT(json.str(), HasSubstr("\"fallback\":true"));
  EXPECT_EQ(json.str().find("\"fallback\""), json.str().rfind("\"fallback\""));
  EXPECT_THAT(text.str(), HasSubstr("audit-rights.fallback  (fallback: no specific rule)"));
  EXPECT_THAT(text.str(), Not(HasSubstr("audit-rights.records  (fallback")));
  EXPECT_THAT(markdown.str(), HasSubstr("fallback: no specific rule judged this clause"));
  EXPECT_THAT(html.str(), HasSubstr("fallback: no specific rule judged this clause"));
  EXPECT_THAT(sarif.str(), HasSubstr("\"fallback\": true"));
  // CSV keeps its columns: the reason says it.
  EXPECT_THAT(csv.str(), HasSubstr("no specific rule judged"));
}

TEST_F(FallbackTest, AFlagThatIsNotABooleanIsAnErrorAtItsLine) {
  std::string rule = kFallback;
  rule.replace(rule.find("fallback: true"), 14, "fallback: maybe");
  Write("fallback.yaml", rule);
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(rules.error().message(), HasSubstr("fallback.yaml:5"));
  EXPECT_THAT(rules.error().message(), HasSubstr("fallback"));
}

}  // namespace
}  // namespace clausescan

// issue 15 #7: `clausescan evidence` lists each item with the Annex A controls of the rules that
// call for it only. One clause two audit rules find is one finding carrying both rules' controls
// and evidence; an item only one of them asks for must not show the other rule's controls.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::Not;

// Keeping records of the processing and letting the customer's auditor check them: the records
// rule (audit-rights.records) and the reports rule (audit-rights.reports, "an independent
// auditor") both find it.
constexpr const char* kClause =
    "# Data Processing Addendum\n\n## 11. Audits\n\n"
    "Supplier shall keep complete and accurate records of its processing of Customer Personal "
    "Data and shall allow Customer, or an independent auditor Customer appoints, to audit those "
    "records and Supplier's processing facilities on thirty (30) days' prior written notice, no "
    "more than once in any twelve (12) month period.\n";

// Replaces the one line of `file` that starts with `key` ("controls: [...]", a flow list, as the
// built-in rules write it) with `key` followed by `value`; false when there is not exactly one
// such line or the list goes on to the next line.
bool SetListLine(const fs::path& file, const std::string& key, const std::string& value) {
  std::istringstream in(ReadWholeFile(file));
  std::string out, line;
  int replaced = 0;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      if (line.find('[') == std::string::npos || line.back() != ']') return false;
      line = key + value;
      ++replaced;
    }
    out += line + "\n";
  }
  WriteWholeFile(file, out);
  return replaced == 1;
}

// The built-in rules, with the two audit rules' controls and evidence set here so that the test
// does not depend on how the rule pack maps them: the records rule A.5.33 (records-of-processing
// and the audit response procedure), the reports rule A.5.22 (SOC 2 report, the audit response
// procedure and the SoA excerpt).
class EvidenceControlsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(SourcePath("rules"), rules_, fs::copy_options::recursive);
    ASSERT_TRUE(SetListLine(rules_ / "audit_rights" / "records.yaml", "controls: ", "[A.5.33]"));
    ASSERT_TRUE(SetListLine(rules_ / "audit_rights" / "records.yaml", "evidence: ",
                            "[records-of-processing, audit-response-procedure]"));
    ASSERT_TRUE(SetListLine(rules_ / "audit_rights" / "reports.yaml", "controls: ", "[A.5.22]"));
    ASSERT_TRUE(SetListLine(rules_ / "audit_rights" / "reports.yaml", "evidence: ",
                            "[soc2-report, audit-response-procedure, soa-excerpt]"));
    WriteWholeFile(dpa_, kClause);
  }

  // `clausescan <command> --rules RULES DPA` (the modified rules, the clause above).
  RunResult Run(const std::string& command) const {
    return RunClausescan(command + " --rules " + Quote(rules_) + " " + Quote(dpa_));
  }

  TempDir dir_;
  const fs::path rules_ = dir_.path() / "rules";
  const fs::path dpa_ = dir_.path() / "dpa.md";
};

// The control ids of the evidence JSON's item `id`; fails the test when the item is absent.
std::vector<std::string> ItemControls(const nlohmann::json& items, const std::string& id) {
  for (const nlohmann::json& item : items) {
    if (item["id"] != id) continue;
    std::vector<std::string> ids;
    for (const nlohmann::json& control : item["controls"]) ids.push_back(control["id"]);
    return ids;
  }
  ADD_FAILURE() << "no item " << id << " in " << items;
  return {};
}

TEST_F(EvidenceControlsCli, OneClauseOfTwoRulesIsOneFindingWithBothRulesControls) {
  // What the other tests rest on: the two rules merged into one finding.
  RunResult r = Run("scan --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json findings = nlohmann::json::parse(r.out)["findings"];
  const nlohmann::json* audit = nullptr;
  for (const nlohmann::json& f : findings) {
    if (f["category"] == "audit_rights") audit = &f;
  }
  ASSERT_NE(audit, nullptr) << findings;
  EXPECT_THAT((*audit)["rules"], Contains("audit-rights.records"));
  EXPECT_THAT((*audit)["rules"], Contains("audit-rights.reports"));
  EXPECT_EQ((*audit)["controls"].size(), 2u);
}

TEST_F(EvidenceControlsCli, JsonItemListsOnlyTheControlsOfTheRulesThatCallForIt) {
  RunResult r = Run("evidence --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json items = nlohmann::json::parse(r.out)["items"];
  // Asked for by the reports rule alone.
  EXPECT_EQ(ItemControls(items, "soc2-report"), std::vector<std::string>{"A.5.22"});
  EXPECT_EQ(ItemControls(items, "soa-excerpt"), std::vector<std::string>{"A.5.22"});
  // By both rules.
  EXPECT_EQ(ItemControls(items, "audit-response-procedure"),
            (std::vector<std::string>{"A.5.22", "A.5.33"}));
  // By the records rule (and, in a finding of its own, by data-processing.records, whose
  // controls it takes too): never the reports rule's A.5.22.
  const std::vector<std::string> records = ItemControls(items, "records-of-processing");
  EXPECT_THAT(records, Contains("A.5.33"));
  EXPECT_THAT(records, Not(Contains("A.5.22")));
}

TEST_F(EvidenceControlsCli, CsvRowsCarryTheItemsOwnControls) {
  RunResult r = Run("evidence --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream rows(r.out);
  std::string row;
  std::getline(rows, row);
  ASSERT_EQ(row.rfind("item,title,item_risk,controls,path,line,category,rule,risk", 0), 0u) << row;
  int soc2_rows = 0;
  while (std::getline(rows, row)) {
    if (row.rfind("soc2-report,", 0) != 0) continue;
    ++soc2_rows;
    // item,title,item_risk,controls,...: the controls column holds A.5.22 alone.
    EXPECT_NE(row.find(",A.5.22,"), std::string::npos) << row;
    EXPECT_EQ(row.find("A.5.33"), std::string::npos) << row;
  }
  EXPECT_EQ(soc2_rows, 1) << r.out;
}

// Attack review of the merged main #4: `evidence --max-findings 2` listed what 2 findings call
// for (12 items of 28) with no word that the contract had more.
TEST(EvidenceLimits, AListOfACutReportSaysSo) {
  const std::string addendum = "'" + SourcePath("corpus/security-addendum.md") + "'";
  const RunResult cut = RunClausescan("evidence --max-findings 2 " + addendum);
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_NE(cut.err.find("2 findings shown; the document has more (raise --max-findings)"),
            std::string::npos)
      << cut.err;
  EXPECT_NE(cut.err.find("the list holds only what the findings shown call for"),
            std::string::npos)
      << cut.err;
  const RunResult whole = RunClausescan("evidence " + addendum);
  EXPECT_EQ(whole.err.find("the document has more"), std::string::npos) << whole.err;
}

}  // namespace
}  // namespace clausescan::testing

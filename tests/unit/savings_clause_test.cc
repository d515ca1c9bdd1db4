// A clause that only keeps duties set elsewhere states no duty of its own (issue 15 #1, GSA
// addendum 1064): it is no finding to negotiate.
#include "assess/savings_clause.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

struct Case {
  const char* text;
  bool saves;
};

TEST(SavingsClause, KeepsOtherDutiesWithoutAddingOne) {
  const Case cases[] = {
      // UK, Australian, EU and US federal wordings of a savings clause.
      {"7.4 Nothing in this Schedule shall relieve the Supplier of its obligations under the Data "
       "Protection Legislation.",
       true},
      {"12.3 Nothing in this clause 12 limits the obligations of the Contractor under the "
       "Protective Security Policy Framework.",
       true},
      {"This Addendum is without prejudice to the Processor's obligations under Regulation (EU) "
       "2016/679.",
       true},
      {"(2) Other rules. This clause does not relieve the Contractor of any other safeguarding "
       "requirement that a Federal agency sets.",
       true},
      {"Nothing herein shall be construed to limit the requirements of applicable law.", true},
      // A carve-out from a cap names a liability: it changes what either side may recover.
      {"Nothing in this Agreement limits either party's liability for fraud.", false},
      // A duty of its own beside the saving words.
      {"The Supplier shall encrypt all backups. This does not relieve the Supplier of its other "
       "obligations.",
       false},
      {"The Supplier shall ensure that no subcontractor is relieved of the obligations in this "
       "clause.",
       false},
      // A right kept, not a duty.
      {"Termination under this clause does not limit the Customer's right to claim damages.",
       false},
      {"The Supplier shall notify the Customer within 24 hours.", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(internal::PreservesOtherDutiesOnly(c.text), c.saves) << c.text;
  }
}

// Scanned: the savings clause a security rule finds is info with one reason and no advice; the
// duty before it keeps its verdict.
TEST(SavingsClause, ASecuritySavingsClauseIsInfo) {
  const Report report = test_scan::ScanText(
      "7.3 The Supplier shall encrypt all Customer Data at rest and in transit.\n\n"
      "7.4 Nothing in this Schedule shall relieve the Supplier of its obligations under the Data "
      "Protection Legislation or limit the Security Requirements for OFFICIAL-SENSITIVE "
      "information.\n",
      "schedule.txt");
  const std::vector<Finding> saving =
      test_scan::On(report, "security_measures", "Nothing in this Schedule");
  ASSERT_EQ(saving.size(), 1u) << test_scan::Describe(report);
  EXPECT_EQ(saving[0].risk, Risk::kInfo) << test_scan::Describe(report);
  ASSERT_EQ(saving[0].reasons.size(), 1u);
  EXPECT_NE(saving[0].reasons[0].find("adds none of its own"), std::string::npos);
  EXPECT_TRUE(saving[0].considerations.empty());
  EXPECT_TRUE(saving[0].positions.empty());
  const std::vector<Finding> duty = test_scan::On(report, "security_measures", "shall encrypt");
  ASSERT_FALSE(duty.empty()) << test_scan::Describe(report);
  EXPECT_NE(duty[0].risk, Risk::kInfo);
}

}  // namespace
}  // namespace clausescan

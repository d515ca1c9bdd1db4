// Liability limited by the degree of fault, as German standard terms limit it: a limit of
// liability by kind of fault rather than amount (liability-cap.fault-based), never "no limit".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::Describe;
using test_scan::On;
using test_scan::ScanText;

// Hosting terms whose only limit of liability is by degree of fault (fortrabbit terms of
// service 7.1 in other words).
const char kTermsLimitedByFault[] =
    "# Terms of Service\n\n"
    "## 1. Services\n\n"
    "1. The provider provides hosting services to the client for the fees in the order form. The "
    "client pays the fees monthly.\n\n"
    "## 7. Liability\n\n"
    "1. In the event of a breach of this agreement caused by slight negligence, the provider "
    "excludes all liability unless the liability involves injury of life, body or health or the "
    "breach of essential contractual obligations on which the client may regularly rely.\n\n"
    "## 8. Term and termination\n\n"
    "1. The subscription term is one month and renews automatically. Either party may terminate "
    "with one month's notice.\n";

// Reading review (fortrabbit terms 7.1): the terms were reported as missing any limit of
// liability (HIGH "liability is unlimited").
TEST(LiabilityByFault, AFaultBasedExclusionIsALimitNotAMissingCap) {
  const Report report = ScanText(kTermsLimitedByFault, "terms.md");
  for (const MissingClause& missing : report.missing) {
    EXPECT_NE(missing.category, "liability_cap") << missing.reason;
  }
  const std::vector<Finding> limit = On(report, "liability_cap", "slight negligence");
  ASSERT_EQ(limit.size(), 1u) << Describe(report);
  EXPECT_EQ(limit[0].rule, "liability-cap.fault-based");
  ASSERT_FALSE(limit[0].reasons.empty());
  EXPECT_NE(limit[0].reasons[0].find("kind of fault, not by an amount"), std::string::npos)
      << limit[0].reasons[0];
}

// The provider excludes its own liability; the client's reliance in the relative clause ("on
// which the client may regularly rely") is no right of the client's.
TEST(LiabilityByFault, TheLimitIsTheExcludingSidesNotTheRelyingSides) {
  const Report report = ScanText(kTermsLimitedByFault, "terms.md");
  const std::vector<Finding> limit = On(report, "liability_cap", "slight negligence");
  ASSERT_EQ(limit.size(), 1u) << Describe(report);
  EXPECT_EQ(limit[0].party, "supplier");

  ScanOptions as_customer;
  as_customer.party = "customer";
  const Report customer = ScanText(kTermsLimitedByFault, "terms.md", as_customer);
  const std::vector<Finding> theirs = On(customer, "liability_cap", "slight negligence");
  ASSERT_EQ(theirs.size(), 1u) << Describe(customer);
  EXPECT_EQ(theirs[0].side, "them");
  EXPECT_NE(theirs[0].risk, Risk::kInfo) << Describe(customer);
}

// fortrabbit DPA 12.2: "A liability of the contractor ... is excluded" is the contractor's, not
// both sides' (it was read as mutual).
TEST(LiabilityByFault, ALiabilityOfASideIsThatSides) {
  const Report report = ScanText(
      "# Data processing agreement\n\n"
      "This contract is concluded between the client and the contractor.\n\n"
      "## 12. Liability\n\n"
      "2. A liability of the contractor for slightly negligent breaches of duty is excluded, as "
      "far as damages from the injury of the life, the body or the health are not affected.\n",
      "dpa.md");
  const std::vector<Finding> limit = On(report, "liability_cap", "slightly negligent");
  ASSERT_EQ(limit.size(), 1u) << Describe(report);
  EXPECT_EQ(limit[0].party, "supplier");
}

}  // namespace
}  // namespace clausescan

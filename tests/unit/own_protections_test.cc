// A clause's risk reads the protections the clause itself, its section or its document grants
// (issue 15, review s10 #1): the limit a position asks for, once granted, leaves nothing to fear.
// Contracts are written here in our own words, in several drafting traditions; the built-in
// rules judge them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.rule + " " + std::string(RiskName(f.risk)) + " sec=" + f.section + ": " +
           f.text.substr(0, 90) + "\n";
  }
  return out;
}

// The one finding of category quoting words; a test failure (and an empty finding of risk kInfo)
// when there is not exactly one.
Finding OneOf(const Report& report, const std::string& category, const std::string& words) {
  const std::vector<Finding> found = On(report, category, words);
  EXPECT_EQ(found.size(), 1u) << category << " quoting \"" << words << "\"\n" << Describe(report);
  return found.empty() ? Finding{} : found[0];
}

Risk RiskOf(const Report& report, const std::string& category, const std::string& words) {
  return OneOf(report, category, words).risk;
}

const char kPreamble[] =
    "Data Processing Agreement between Tallow Systems Ltd (\"Processor\") and Marlin Foods plc "
    "(\"Controller\").\n\n";

// Ending the affected service with a refund, as the customer's only remedy, is read on the clause
// (sole_remedy) and rated low (GUIDELINES.md since 2026-12-07, two independent readers: the
// supplier keeps its sub-processor and at worst loses that service's fees); without that limit a
// termination right stays medium.
TEST(OwnProtections, ObjectionWithTerminationAsSoleRemedyIsReadAndIsLow) {
  const Report limited = test_scan::ScanText(
      std::string(kPreamble) +
          "6. Sub-processors.\n\n6.3 Should the parties fail to resolve an objection to a new "
          "Sub-processor within thirty days, the Controller may, as its sole and exclusive "
          "remedy, terminate the affected Services and the Processor shall refund any prepaid "
          "fees for the remainder of the term.\n",
      "dpa.txt");
  const std::vector<Finding> found = On(limited, "subprocessors", "sole and exclusive");
  ASSERT_EQ(found.size(), 1u) << Describe(limited);
  EXPECT_EQ(found[0].parameters.count("sole_remedy"), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  const Report open = test_scan::ScanText(
      std::string(kPreamble) +
          "6. Sub-processors.\n\n6.3 Should the parties fail to resolve an objection to a new "
          "Sub-processor within thirty days, the Controller may terminate the Agreement.\n",
      "dpa.txt");
  const std::vector<Finding> unlimited = On(open, "subprocessors", "may terminate");
  ASSERT_EQ(unlimited.size(), 1u) << Describe(open);
  EXPECT_EQ(unlimited[0].risk, Risk::kMedium);
}

// Reports first, in the sentence before, in the same section: the on-site audit once a year is
// the last resort the playbook proposes (low); in another section the reports do not limit it.
TEST(OwnProtections, ReportsFirstInTheSameSectionLimitTheAudit) {
  const std::string audit =
      "The Controller may carry out an on-site inspection of the Processor's premises no more "
      "than once in any twelve month period.";
  const Report same = test_scan::ScanText(
      std::string(kPreamble) +
          "11. Audits.\n\n11.1 An inspection under this clause may take place only where the "
          "Processor's most recent independent audit reports are insufficient to answer the "
          "Controller's reasonable questions. " +
          audit + "\n",
      "dpa.txt");
  EXPECT_EQ(RiskOf(same, "audit_rights", "once in any twelve"), Risk::kLow);

  const Report apart = test_scan::ScanText(
      std::string(kPreamble) + "11. Audits.\n\n11.1 " + audit +
          "\n\n12. Sub-processors.\n\n12.1 The Processor shall engage sub-processors only with a "
          "general written authorisation of the Controller.\n",
      "dpa.txt");
  EXPECT_EQ(RiskOf(apart, "audit_rights", "once in any twelve"), Risk::kMedium);
}

// Credits as the sole remedy, stated in another section, are read on the uptime promise
// (exclusive_remedy) and make 99.9 % low: a miss costs a bounded credit (GUIDELINES.md since
// 2026-12-07, two independent readers); without them 99.9 % is medium (no margin).
TEST(OwnProtections, UptimeWithCreditsAsSoleRemedyIsReadAndIsLow) {
  const std::string sla =
      "Service Level Agreement between Quillon Cloud Inc. (\"Provider\") and Brackwater LLC "
      "(\"Customer\").\n\n"
      "2. Availability. Provider will make the Service available 99.9% of the time in each "
      "calendar month.\n\n";
  const Report limited = test_scan::ScanText(
      sla +
          "4. Credits. Service credits are Customer's sole and exclusive remedy for any failure "
          "to meet the availability commitment.\n",
      "sla.txt");
  const std::vector<Finding> found = On(limited, "sla_uptime", "99.9%");
  ASSERT_EQ(found.size(), 1u) << Describe(limited);
  EXPECT_EQ(found[0].parameters.count("exclusive_remedy"), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  const Report bare = test_scan::ScanText(sla, "sla.txt");
  const std::vector<Finding> firm = On(bare, "sla_uptime", "99.9%");
  ASSERT_EQ(firm.size(), 1u) << Describe(bare);
  EXPECT_EQ(firm[0].risk, Risk::kMedium);
}

// True when one of f's considerations contains words.
bool Proposes(const Finding& f, const std::string& words) {
  for (const std::string& c : f.considerations) {
    if (c.find(words) != std::string::npos) return true;
  }
  return false;
}

// A cap on the credits and a time limit on claiming them, stated in later sections of the SLA,
// hold for its credit tiers too (issue 15, reading review): the flags capped and claim_window
// are read from the whole document (scope: text), so the tiers' finding proposes neither again.
TEST(OwnProtections, CreditCapAndClaimWindowElsewhereHoldForTheCreditTiers) {
  const std::string tiers =
      "Service Schedule between Karrawong Digital Pty Ltd (\"Supplier\") and the Department of "
      "Regional Services (\"Customer\").\n\n"
      "5. Service Credits. Where the Availability in a month falls below 99.5%, the Supplier "
      "shall give the Customer a service credit of 5% of that month's Charges, and of 10% where "
      "it falls below 99%.\n\n";
  const Report limited = test_scan::ScanText(
      tiers +
          "6. Limit. The service credits for any month shall not exceed 15% of that month's "
          "Charges.\n\n"
          "7. Claims. The Customer must submit any claim for a service credit in writing within "
          "twenty (20) Business Days of the end of the month concerned.\n",
      "schedule.txt");
  const Finding read = OneOf(limited, "sla_uptime", "falls below 99.5%");
  EXPECT_FALSE(Proposes(read, "Cap credits")) << Describe(limited);
  EXPECT_FALSE(Proposes(read, "claim credits in writing"));
  const Report bare = test_scan::ScanText(tiers, "schedule.txt");
  const Finding open = OneOf(bare, "sla_uptime", "falls below 99.5%");
  EXPECT_TRUE(Proposes(open, "Cap credits")) << open.considerations.size();
  EXPECT_TRUE(Proposes(open, "claim credits in writing"));
}

// The customer's agreement to take reports instead of an audit limits its audits of us; it is
// not a right of ours to audit the customer.
TEST(OwnProtections, CustomerAcceptingReportsIsOurProtectionNotOurAudit) {
  const Report report = test_scan::ScanText(
      "Security Schedule between Fenwick Analytics Inc. (\"Supplier\") and Orla Retail Ltd "
      "(\"Customer\").\n\n"
      "7. Assurance.\n\n7.2 Customer agrees that its audit rights under applicable data "
      "protection law are satisfied by Supplier's current SOC 2 Type II report.\n",
      "schedule.txt");
  const std::vector<Finding> found = On(report, "audit_rights", "SOC 2 Type II");
  ASSERT_EQ(found.size(), 1u) << Describe(report);
  EXPECT_EQ(found[0].risk, Risk::kInfo) << Describe(report);
  ASSERT_FALSE(found[0].reasons.empty());
  EXPECT_EQ(found[0].reasons[0].find("right to audit"), std::string::npos) << found[0].reasons[0];
  EXPECT_NE(found[0].reasons[0].find("instead of"), std::string::npos) << found[0].reasons[0];
}

// With --party customer, our own rights (to audit the supplier, to object to its
// sub-processors) protect us: not the supplier's medium worries.
TEST(OwnProtections, OurRightsAsTheCustomerAreNoRisk) {
  ScanOptions as_customer;
  as_customer.party = "customer";
  const Report report = test_scan::ScanText(
      "Master Services Agreement between Korvane Software LLC (\"Vendor\") and Dunmore Health "
      "(\"Client\").\n\n"
      "12. Subcontractors. If Client objects to a new subprocessor, Client may terminate this "
      "Agreement.\n\n"
      "13. Inspection. Client may inspect Vendor's facilities once per calendar year.\n",
      "msa.txt", as_customer);
  for (const std::string& words : {"Client may terminate", "may inspect"}) {
    const std::vector<Finding> found =
        On(report, words == "may inspect" ? "audit_rights" : "subprocessors", words);
    ASSERT_EQ(found.size(), 1u) << words << "\n" << Describe(report);
    EXPECT_EQ(found[0].side, "us") << Describe(report);
    EXPECT_LT(found[0].risk, Risk::kMedium) << words << "\n" << Describe(report);
  }
}

// The number of found's reasons naming a position whose id starts with prefix.
std::size_t ReasonsOf(const Finding& found, const std::string& prefix) {
  std::size_t n = 0;
  for (const std::string& reason : found.reasons) {
    if (reason.find("(position " + prefix) != std::string::npos) ++n;
  }
  return n;
}

// A position and its refinement make one point: one reason, whether one rule's policy or two
// rules on the same clause give them.
TEST(OwnProtections, OneReasonPerIdea) {
  const Report tests = test_scan::ScanText(
      std::string(kPreamble) +
          "8. Testing.\n\n8.1 The Controller may carry out penetration tests and vulnerability "
          "scans of the Processor's systems.\n",
      "dpa.txt");
  const std::vector<Finding> testing = On(tests, "audit_rights", "penetration tests");
  ASSERT_EQ(testing.size(), 1u) << Describe(tests);
  EXPECT_EQ(ReasonsOf(testing[0], "audit-security-testing"), 1u) << Describe(tests);
  EXPECT_EQ(testing[0].risk, Risk::kHigh);

  const Report sla = test_scan::ScanText(
      "Service Level Terms between Quillon Cloud Inc. (\"Provider\") and Brackwater LLC "
      "(\"Customer\").\n\n"
      "3. Exclusions. Provider is not responsible for outages caused by events beyond its "
      "reasonable control. The following events are excluded from this SLA:\n\n"
      "- scheduled maintenance announced in advance;\n"
      "- failures of the internet outside Provider's network.\n",
      "sla.txt");
  const std::vector<Finding> excluded = On(sla, "sla_uptime", "excluded from this SLA");
  ASSERT_EQ(excluded.size(), 1u) << Describe(sla);
  EXPECT_EQ(ReasonsOf(excluded[0], "sla-"), 1u) << Describe(sla);
}

// The conditions of audits that come after the supplier's reports, listed in a sentence of their
// own, limit an audit granted in another sentence: a protection, whatever sites or frequency
// they name (Bonterms DPA 9.3(c): "(iv) occur no more than once annually ... (v) cover only
// facilities controlled by Provider" was low as if it granted the visit). The grant stays low.
TEST(OwnProtections, ConditionsOfAuditsAfterReportsAreAProtection) {
  struct Case {
    std::string text;
    const char* grant;
    const char* conditions;
  };
  const Case cases[] = {
      {std::string(kPreamble) +
           "12. Audits.\n\n(a) The Controller may audit the Processor's compliance with this "
           "Agreement only where the Processor's most recent independent audit report is "
           "insufficient to answer the Controller's reasonable questions.\n\n(b) Each audit must "
           "conform to these conditions: it is carried out by an independent auditor bound by "
           "confidentiality, at most once in any twelve months, during business hours, and covers "
           "only facilities controlled by the Processor.\n",
       "may audit", "only facilities controlled"},
      {"Cloud Terms between Quillon Cloud Inc. (\"Provider\") and Brackwater LLC "
       "(\"Customer\").\n\n9. Customer Audits.\n\n9.1 Customer may conduct an audit of Provider "
       "only if Provider's SOC 2 Type II report does not provide sufficient information to verify "
       "Provider's compliance with these Terms.\n\n9.2 Every audit shall be subject to the "
       "following limits: no more than one audit in any calendar year, conducted by a mutually "
       "agreed independent firm, limited to facilities operated by Provider, and at Customer's "
       "expense.\n",
       "may conduct an audit", "limited to facilities"},
  };
  for (const Case& c : cases) {
    const Report report = test_scan::ScanText(c.text, "contract.txt");
    EXPECT_EQ(RiskOf(report, "audit_rights", c.grant), Risk::kLow) << c.grant;
    EXPECT_EQ(RiskOf(report, "audit_rights", c.conditions), Risk::kInfo) << c.conditions;
  }
  // A sentence that sends the audits to the supplier's facilities is no mere condition.
  const Report visit = test_scan::ScanText(
      std::string(kPreamble) +
          "12. Audits.\n\n(a) The Controller may audit the Processor's compliance with this "
          "Agreement only where the Processor's most recent independent audit report is "
          "insufficient to answer the Controller's reasonable questions.\n\n(b) All audits shall "
          "take place at the Processor's facilities once a year.\n",
      "dpa.txt");
  EXPECT_EQ(OneOf(visit, "audit_rights", "take place at").parameters.count("conditions_only"), 0u)
      << Describe(visit);
}

}  // namespace
}  // namespace clausescan

// One provision, one finding (issue 15 #3, review s11 #2), and what --party customer changes
// (review s11 #1). Contracts are written here in our own words, in several drafting traditions;
// the built-in rules judge them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::Describe;
using test_scan::On;

struct SameProvision {
  const char* text;
  const char* category;
  const char* first_words;  // the provision's first sentence
  const char* last_words;   // its last sentence, which the one finding must quote too
};

// A duty said again later in its paragraph, after a sentence that adds only an example or an
// aside, is one provision: one finding quoting both sentences (Common Paper DPA 6.1 said it over
// four sentences and was reported twice). So is a sentence that names no side of its own after
// its rule's side has stated the duty (Supabase SLA 2: "Each product is individually covered by a
// 99.9% uptime commitment").
TEST(OneProvision, TheSameProvisionSaidAgainInItsParagraphIsOneFinding) {
  const SameProvision cases[] = {
      {"Data Processing Agreement between Tallow Systems Ltd (\"Processor\") and Marlin Foods plc "
       "(\"Controller\").\n\n8. Data subject rights.\n\n8.2 Where the Processor receives a "
       "request from a data subject to exercise his or her rights under Data Protection Law, the "
       "Processor shall promptly notify the Controller of the request. Such requests may ask for "
       "access, correction or erasure. The Processor shall assist the Controller, by appropriate "
       "technical and organisational measures, in responding to any such request from a data "
       "subject.\n",
       "data_processing", "promptly notify the Controller", "in responding to any such request"},
      {"Master Services Agreement between Korvane Software LLC (\"Vendor\") and Dunmore Health "
       "(\"Client\").\n\n9. Security Breaches. Vendor shall notify Client of any Security Breach "
       "within forty-eight (48) hours after Vendor confirms it. Security Breaches commonly come "
       "to light through monitoring alerts, staff reports or third-party disclosures. Vendor shall "
       "notify Client in writing within forty-eight (48) hours of confirming any Security Breach "
       "affecting Client Data held by Vendor's subcontractors.\n",
       "incident_notification", "Vendor shall notify Client of any", "held by Vendor's"},
      {"Service Level Agreement between Quillon Cloud Inc. (\"Provider\") and Brackwater LLC "
       "(\"Customer\").\n\n2. Availability. Provider will make the Hosted Service available at "
       "least 99.9% of the time in each calendar month. Each module of the Hosted Service is "
       "separately covered by this 99.9% availability commitment.\n",
       "sla_uptime", "Provider will make the Hosted", "Each module"},
  };
  for (const SameProvision& c : cases) {
    const Report report = test_scan::ScanText(c.text, "contract.txt");
    std::vector<Finding> found;
    for (const Finding& f : report.findings) {
      if (f.category == c.category) found.push_back(f);
    }
    ASSERT_EQ(found.size(), 1u) << c.first_words << "\n" << Describe(report);
    EXPECT_NE(found[0].text.find(c.first_words), std::string::npos) << Describe(report);
    EXPECT_NE(found[0].text.find(c.last_words), std::string::npos) << Describe(report);
  }
}

struct ItemsOfTwoConcepts {
  const char* text;
  const char* first_category;
  const char* first_words;  // words of the first item only
  const char* second_category;
  const char* second_words;  // words of the second item only
};

// A sentence whose lettered items state duties of two concepts is two provisions (issue 15 #3,
// reading review: Supabase DPA 63 reported both categories on the whole sentence): each
// category's finding quotes its own item, so no byte is reported in two categories.
TEST(OneProvision, ItemsOfOneSentenceStatingTwoConceptsAreTwoProvisions) {
  const ItemsOfTwoConcepts cases[] = {
      {"Data Processing Addendum between Hollin Analytics Inc. (\"Processor\") and Redfern Retail "
       "Ltd (\"Controller\").\n\n4. Personnel.\n\n4.1 The Processor shall (a) restrict access to "
       "Personal Data to named staff on a need-to-know basis; and (b) ensure that "
       "every person authorised to process Personal Data has committed to confidentiality.\n",
       "security_measures", "need-to-know basis", "data_processing",
       "committed to confidentiality"},
      {"Contract between the Department of Coastal Affairs (\"Department\") and Tindall Systems "
       "Pty Ltd (\"Contractor\").\n\n9. Records.\n\n9.2 The Contractor must (i) notify the "
       "Department of any Security Incident within 24 hours of becoming aware of it, and (ii) "
       "securely destroy all "
       "Departmental Data within thirty (30) days after this Contract ends.\n",
       "incident_notification", "within 24 hours of becoming aware", "data_deletion",
       "within thirty (30) days after"},
  };
  for (const ItemsOfTwoConcepts& c : cases) {
    const Report report = test_scan::ScanText(c.text, "contract.txt");
    const std::vector<Finding> first = On(report, c.first_category, c.first_words);
    const std::vector<Finding> second = On(report, c.second_category, c.second_words);
    ASSERT_EQ(first.size(), 1u) << c.text << Describe(report);
    ASSERT_EQ(second.size(), 1u) << c.text << Describe(report);
    EXPECT_EQ(first[0].text.find(c.second_words), std::string::npos) << first[0].text;
    EXPECT_EQ(second[0].text.find(c.first_words), std::string::npos) << second[0].text;
    EXPECT_LE(first[0].end, second[0].start) << c.text;
  }
}

// Two parties whose sides the contract does not say each give an indemnity in one paragraph: two
// provisions, not one of the rule's default side.
TEST(OneProvision, IndemnitiesOfPartiesOnNoSideStayTwoFindings) {
  const Report report = test_scan::ScanText(
      "Co-Marketing Agreement between Halden Media Corp. (\"Halden\") and Brisk Ledger LLC "
      "(\"Brisk\").\n\n9. Indemnities. Halden shall indemnify Brisk against any and all claims "
      "arising from Halden's content. In addition, Brisk shall indemnify Halden against any and "
      "all claims arising from Brisk's services.\n",
      "agreement.txt");
  EXPECT_EQ(On(report, "indemnification", "Halden shall indemnify").size(), 1u) << Describe(report);
  const std::vector<Finding> second = On(report, "indemnification", "Brisk shall indemnify");
  ASSERT_EQ(second.size(), 1u) << Describe(report);
  EXPECT_EQ(second[0].text.find("Halden shall indemnify"), std::string::npos) << Describe(report);
}

// Sentences of different sides in one paragraph are separate provisions, each judged for what it
// asks: our notice duty, and the customer's own duty to warn us.
TEST(OneProvision, SentencesOfDifferentSidesStaySeparateProvisions) {
  const Report report = test_scan::ScanText(
      "Cloud Terms between Quillon Cloud Inc. (\"Provider\") and Brackwater LLC "
      "(\"Customer\").\n\n4. Incidents. Provider will notify Customer of a Security Incident "
      "without undue delay and in any event within 72 hours of confirming it. Customer will "
      "notify Provider within 24 hours of discovering any Security Incident affecting its own "
      "accounts.\n",
      "terms.txt");
  const std::vector<Finding> ours = On(report, "incident_notification", "Provider will notify");
  const std::vector<Finding> theirs = On(report, "incident_notification", "Customer will notify");
  ASSERT_EQ(ours.size(), 1u) << Describe(report);
  ASSERT_EQ(theirs.size(), 1u) << Describe(report);
  EXPECT_EQ(ours[0].text.find("Customer will notify"), std::string::npos) << Describe(report);
  EXPECT_EQ(ours[0].party, "supplier");
  EXPECT_EQ(theirs[0].party, "customer");
}

// With --party customer every finding is judged from the customer's side: its own rights and the
// supplier's duties protect it (info), its own duty to take reports instead of an audit limits
// its audits (low); none keeps the supplier playbook's reasons or its advice to a supplier.
TEST(PartyCustomer, ReasonsAndProposalsAreTheCustomersNotASuppliers) {
  ScanOptions as_customer;
  as_customer.party = "customer";
  const std::string msa =
      "Master Services Agreement between Korvane Software LLC (\"Vendor\") and Dunmore Health "
      "(\"Client\").\n\n"
      "12. Subcontractors. Vendor shall give Client thirty (30) days' notice of any new "
      "subprocessor. If Client objects to a new subprocessor, Client may terminate this "
      "Agreement.\n\n"
      "13. Inspection. Client may inspect Vendor's facilities once per calendar year.\n\n"
      "14. Reports. Client agrees that its audit rights are satisfied by Vendor's current SOC 2 "
      "Type II report.\n\n"
      "15. Security Incidents. Vendor shall notify Client of any Security Incident within 24 "
      "hours of discovery.\n";
  const std::string dpa =
      "Data Processing Agreement between Tallow Systems Ltd (\"Processor\") and Marlin Foods plc "
      "(\"Controller\").\n\n"
      "9. Audits. The Controller may audit the Processor's compliance with this Agreement on "
      "thirty days' notice.\n\n"
      "10. Breaches. The Processor shall notify the Controller of a Personal Data Breach within "
      "twenty-four hours of becoming aware of it.\n";
  for (const std::string& text : {msa, dpa}) {
    const Report report = test_scan::ScanText(text, "contract.txt", as_customer);
    ASSERT_GE(report.findings.size(), 2u) << Describe(report);
    for (const Finding& f : report.findings) {
      EXPECT_LT(f.risk, Risk::kMedium) << Describe(report);
      EXPECT_TRUE(f.considerations.empty()) << Describe(report);
      EXPECT_TRUE(f.positions.empty()) << Describe(report);
      for (const std::string& reason : f.reasons) {
        EXPECT_EQ(reason.find("for the supplier"), std::string::npos) << Describe(report);
        EXPECT_EQ(reason.find("(position "), std::string::npos) << Describe(report);
      }
      if (f.side == "them" && f.holds == "duty") EXPECT_EQ(f.risk, Risk::kInfo) << f.text;
      if (f.side == "us" && f.holds == "right") EXPECT_EQ(f.risk, Risk::kInfo) << f.text;
    }
  }
  const Report report = test_scan::ScanText(msa, "msa.txt", as_customer);
  const std::vector<Finding> reports = On(report, "audit_rights", "SOC 2 Type II");
  ASSERT_EQ(reports.size(), 1u) << Describe(report);
  EXPECT_EQ(reports[0].side, "us");
  EXPECT_EQ(reports[0].risk, Risk::kLow);
  ASSERT_FALSE(reports[0].reasons.empty());
  EXPECT_EQ(reports[0].reasons[0].find("our duty as the customer"), 0u) << Describe(report);
}

// The party tag and the reason say the same: the other side's agreement to take reports
// instead of an audit is tagged its duty ("[their duty (Customer)]"), and the reason calls it
// that duty, which protects us (Common Paper DPA 5.1 was tagged their duty and explained as "a
// protection for us" alone).
TEST(PartyTag, TheirDutyToTakeReportsIsCalledTheirDutyInItsReason) {
  const char* const texts[] = {
      "Security Schedule between Fenwick Analytics Inc. (\"Supplier\") and Orla Retail Ltd "
      "(\"Customer\").\n\n7. Assurance.\n\n7.2 Customer agrees that its audit rights under "
      "applicable data protection law are satisfied by Supplier's current SOC 2 Type II report.\n",
      "Data Processing Agreement between Tallow Systems Ltd (\"Processor\") and Marlin Foods plc "
      "(\"Controller\").\n\n11. Audits.\n\n11.4 The Controller acknowledges and agrees that "
      "its audit rights under this Agreement are satisfied by the Processor's most recent ISO "
      "27001 certificate and SOC 2 Type II report.\n",
  };
  for (const char* text : texts) {
    const Report report = test_scan::ScanText(text, "contract.txt");
    const std::vector<Finding> found = On(report, "audit_rights", "SOC 2 Type II");
    ASSERT_EQ(found.size(), 1u) << Describe(report);
    EXPECT_EQ(found[0].side, "them") << Describe(report);
    EXPECT_EQ(found[0].holds, "duty") << Describe(report);
    EXPECT_EQ(found[0].risk, Risk::kInfo) << Describe(report);
    ASSERT_FALSE(found[0].reasons.empty());
    EXPECT_EQ(found[0].reasons[0].find(found[0].party_name + "'s duty"), 0u) << Describe(report);
  }
}

// A government's own auditor examining the contractor's records audits the supplier: an audit of
// us for the supplier (the playbook's risk stands), of them for the customer (info), not "our
// records" (GSA addendum 52.212-5(d) with --party customer said "examines our records").
TEST(PartyCustomer, APublicAuditorExaminesTheSuppliersRecords) {
  const std::string text =
      "Purchase Order Terms between Harlow Instruments Inc. (\"Contractor\") and the State "
      "Transit Agency (\"Agency\").\n\n14. Records. The Auditor General of the State, or an "
      "authorized representative, shall have the right to examine any of the Contractor's "
      "records relating to this Order until three years after final payment.\n";
  ScanOptions as_customer;
  as_customer.party = "customer";
  const Report supplier = test_scan::ScanText(text, "order.txt");
  const Report customer = test_scan::ScanText(text, "order.txt", as_customer);
  const std::vector<Finding> ours = On(supplier, "audit_rights", "Auditor General");
  const std::vector<Finding> theirs = On(customer, "audit_rights", "Auditor General");
  ASSERT_EQ(ours.size(), 1u) << Describe(supplier);
  ASSERT_EQ(theirs.size(), 1u) << Describe(customer);
  EXPECT_GE(ours[0].risk, Risk::kLow) << Describe(supplier);
  EXPECT_NE(ours[0].reasons.at(0).find("an audit of us"), std::string::npos) << Describe(supplier);
  EXPECT_EQ(theirs[0].risk, Risk::kInfo) << Describe(customer);
  for (const std::string& reason : theirs[0].reasons) {
    EXPECT_EQ(reason.find("our records"), std::string::npos) << Describe(customer);
  }
  EXPECT_NE(theirs[0].reasons.at(0).find("an audit of them"), std::string::npos)
      << Describe(customer);
}

}  // namespace
}  // namespace clausescan

// The risk a careful reader gives a clause (issue 15 #8): which sentences make one provision,
// and how a clause's own words move its risk. Contracts are written here in our own words; the
// built-in rules judge them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;

Report Scan(const std::string& text) { return test_scan::ScanText(text, "terms.txt"); }

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.rule + " " + std::string(RiskName(f.risk)) + " party=" + f.party +
           " holds=" + f.holds + ": " + f.text.substr(0, 90) + "\n";
  }
  return out;
}

const char kParties[] =
    "Security Addendum between Nimbus Ltd (\"Supplier\") and Harbour Bank (\"Customer\").\n\n";

// issue 15 #8: a sentence that asks nothing of us (our protection, a limit on their remedy) is
// its own provision, not merged into the duty before it and judged with that duty's risk.
TEST(CarefulReader, SentenceThatAsksNothingIsNotMergedIntoADuty) {
  const Report report = Scan(
      std::string(kParties) +
      "4. Incidents. Supplier will tell Customer about a Security Incident within 72 hours "
      "after confirming it. Supplier's notice of a Security Incident is not an admission of "
      "fault or liability by Supplier.\n\n"
      "5. Service levels. Customer is entitled to a service credit of 10% of the monthly fee for "
      "each month below the uptime target. Service credits may only be set off against future "
      "invoices of Supplier.\n");
  const std::vector<Finding> notice = On(report, "incident_notification", "within 72 hours");
  const std::vector<Finding> no_fault = On(report, "incident_notification", "not an admission");
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  ASSERT_EQ(no_fault.size(), 1u) << Describe(report);
  EXPECT_EQ(notice[0].text.find("not an admission"), std::string::npos) << Describe(report);
  EXPECT_EQ(notice[0].risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(no_fault[0].risk, Risk::kInfo) << Describe(report);

  const std::vector<Finding> credit = On(report, "sla_uptime", "entitled to a service credit");
  const std::vector<Finding> offset = On(report, "sla_uptime", "future invoices");
  ASSERT_EQ(credit.size(), 1u) << Describe(report);
  ASSERT_EQ(offset.size(), 1u) << Describe(report);
  EXPECT_EQ(credit[0].text.find("future invoices"), std::string::npos) << Describe(report);
  EXPECT_EQ(credit[0].risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(offset[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: notice "immediately" with no number of hours is tight, as "without delay" is
// (medium), not the under-a-day window that cannot be met at night (high); a stated short window
// stays high.
TEST(CarefulReader, NoticeImmediatelyIsMediumNotHigh) {
  const Report report =
      Scan(std::string(kParties) +
           "6. Breaches. Supplier shall inform Customer immediately of any unauthorised access to "
           "Customer Data.\n\n"
           "7. Supplier shall inform Customer of any unauthorised access to Customer Data within "
           "12 hours.\n");
  const std::vector<Finding> immediately = On(report, "incident_notification", "immediately");
  const std::vector<Finding> hours = On(report, "incident_notification", "12 hours");
  ASSERT_EQ(immediately.size(), 1u) << Describe(report);
  ASSERT_EQ(hours.size(), 1u) << Describe(report);
  EXPECT_EQ(immediately[0].risk, Risk::kMedium) << Describe(report);
  EXPECT_EQ(hours[0].risk, Risk::kHigh) << Describe(report);
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// issue 15 #8: an audit "at any time, with or without notice" is the at-will audit the playbook
// warns about (high), not the usual audit right (low); a yearly audit on notice stays low.
TEST(CarefulReader, AuditAtWillIsHigh) {
  const Report report =
      Scan(std::string(kParties) +
           "8. Audit. Customer may audit Supplier's compliance with this Addendum whenever it "
           "wishes and at any time, with or without notice to Supplier.\n\n"
           "9. Customer may audit Supplier's compliance with this Addendum once a year on thirty "
           "(30) days' written notice.\n");
  const std::vector<Finding> at_will = On(report, "audit_rights", "whenever it wishes");
  const std::vector<Finding> yearly = On(report, "audit_rights", "once a year");
  ASSERT_EQ(at_will.size(), 1u) << Describe(report);
  ASSERT_EQ(yearly.size(), 1u) << Describe(report);
  EXPECT_EQ(at_will[0].risk, Risk::kHigh) << Describe(report);
  EXPECT_TRUE(Has(at_will[0].positions, "audit-at-will")) << Describe(report);
  EXPECT_EQ(yearly[0].risk, Risk::kLow) << Describe(report);
}

// issue 15 #8: the customer's duty to warn us before it audits, and our right to be warned,
// protect us: info, with a reason that says so, not "our right to audit them".
TEST(CarefulReader, NoticeBeforeAnAuditProtectsTheAuditedSide) {
  const Report report =
      Scan(std::string(kParties) +
           "10. Audit. Customer may audit Supplier's compliance with this Addendum once a year.\n\n"
           "11. Customer must give Supplier no less than twenty (20) days' written notice of each "
           "audit.\n\n"
           "12. Supplier shall receive at least twenty days' notice in writing of any audit.\n");
  const std::vector<Finding> duty = On(report, "audit_rights", "Customer must give Supplier");
  const std::vector<Finding> right = On(report, "audit_rights", "Supplier shall receive");
  ASSERT_EQ(duty.size(), 1u) << Describe(report);
  ASSERT_EQ(right.size(), 1u) << Describe(report);
  EXPECT_EQ(duty[0].party, "customer") << Describe(report);
  EXPECT_EQ(duty[0].risk, Risk::kInfo) << Describe(report);
  ASSERT_FALSE(duty[0].reasons.empty());
  EXPECT_NE(duty[0].reasons[0].find("duty to give notice"), std::string::npos)
      << duty[0].reasons[0];
  EXPECT_EQ(right[0].party, "supplier") << Describe(report);
  EXPECT_EQ(right[0].risk, Risk::kInfo) << Describe(report);
  EXPECT_TRUE(right[0].considerations.empty()) << Describe(report);
}

bool Offers(const Finding& f, const std::string& prefix) {
  return std::any_of(f.considerations.begin(), f.considerations.end(),
                     [&](const std::string& c) { return c.rfind(prefix, 0) == 0; });
}

// issue 15 #8: advice to offer reports before audits is pointless when another section of the
// same document already accepts reports in lieu of an audit; without that section it stays.
TEST(CarefulReader, ReportsInLieuInAnotherSectionDropThatAdviceDocumentWide) {
  const std::string audit =
      "3. Inspections\n\n"
      "Customer may audit Supplier's compliance with this Addendum once a year on thirty (30) "
      "days' written notice.\n\n";
  const std::string reports =
      "14. Assurance\n\n"
      "Supplier will give Customer its latest ISO 27001 certificate on request, and Customer "
      "will accept it in lieu of an audit.\n";
  const std::string advice = "Offer current third-party reports";
  const Report with = Scan(std::string(kParties) + audit + reports);
  const Report without = Scan(std::string(kParties) + audit);
  const std::vector<Finding> in_with = On(with, "audit_rights", "once a year");
  const std::vector<Finding> in_without = On(without, "audit_rights", "once a year");
  ASSERT_EQ(in_with.size(), 1u) << Describe(with);
  ASSERT_EQ(in_without.size(), 1u) << Describe(without);
  EXPECT_FALSE(Offers(in_with[0], advice)) << Describe(with);
  EXPECT_TRUE(Offers(in_without[0], advice)) << Describe(without);
  // Only the advice goes: the clause's risk and its own parameters stay.
  EXPECT_EQ(in_with[0].risk, in_without[0].risk);
  EXPECT_EQ(in_with[0].parameters.count("reports_in_lieu"), 0u);
}

// issue 15 #8: when the agreement limits only the other side's liability, our own is open-ended:
// their one-sided limit is at least medium and our indemnity is judged as uncapped. A limit of
// ours anywhere in the document leaves both as they were.
TEST(CarefulReader, LimitsProtectingOnlyTheOtherSideLeaveOursOpen) {
  const std::string clauses =
      "8. Limitation. In no event will Customer be liable to Supplier for any indirect or "
      "consequential damages, and Customer's total liability under this Addendum will not exceed "
      "USD 1,000.\n\n"
      "9. Indemnity. Supplier shall indemnify and hold harmless Customer against any third-party "
      "claims arising from Supplier's breach of this Addendum.\n\n";
  const Report one_sided = Scan(std::string(kParties) + clauses);
  const Report mutual_cap =
      Scan(std::string(kParties) + clauses +
           "11. Supplier's total liability under this Addendum will not exceed the fees paid in "
           "the 12 months before the claim.\n");
  for (const Report* report : {&one_sided, &mutual_cap}) {
    const bool open = report == &one_sided;
    const std::vector<Finding> limit = On(*report, "liability_cap", "In no event will Customer");
    const std::vector<Finding> indemnity = On(*report, "indemnification", "indemnify");
    ASSERT_EQ(limit.size(), 1u) << Describe(*report);
    ASSERT_EQ(indemnity.size(), 1u) << Describe(*report);
    EXPECT_EQ(limit[0].side, "them") << Describe(*report);
    EXPECT_EQ(limit[0].risk, open ? Risk::kMedium : Risk::kLow) << Describe(*report);
    EXPECT_EQ(indemnity[0].risk, open ? Risk::kHigh : Risk::kLow) << Describe(*report);
    EXPECT_EQ(Has(indemnity[0].positions, "indemnity-uncapped"), open) << Describe(*report);
  }
}

// issue 15 #8: a day from discovering an incident leaves no time to confirm it (high); a day from
// confirming it is tight (medium), and three days from discovery are usual (low).
TEST(CarefulReader, ADayFromDiscoveryIsHigh) {
  const Report report = Scan(
      std::string(kParties) +
      "4. Supplier shall notify Customer of any Security Incident within 24 hours of discovering "
      "it.\n\n"
      "5. Supplier shall notify Customer of any Security Incident within 24 hours of confirming "
      "it.\n\n"
      "6. Supplier shall notify Customer of any Security Incident within 72 hours of discovering "
      "it.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "Security Incident");
  ASSERT_EQ(found.size(), 3u) << Describe(report);
  EXPECT_EQ(found[0].risk, Risk::kHigh) << Describe(report);
  EXPECT_TRUE(Has(found[0].positions, "notify-day-from-discovery")) << Describe(report);
  EXPECT_EQ(found[1].risk, Risk::kMedium) << Describe(report);
  EXPECT_EQ(found[2].risk, Risk::kLow) << Describe(report);
}

// issue 15 #8: "The parties agree ..." and "Each party agrees ..." bind both sides, and so do
// transfer terms that name no side ("The Standard Contractual Clauses will apply ..."); a
// transfer duty of one side stays that side's.
TEST(CarefulReader, TermsBothSidesSignAreMutual) {
  const Report report = Scan(
      std::string(kParties) +
      "12. Transfers. The parties agree that accepting this Addendum has the same effect as "
      "signing the Standard Contractual Clauses.\n\n"
      "13. Each party agrees that the Standard Contractual Clauses shall govern transfers of "
      "Customer Personal Data to a third country.\n\n"
      "14. The Standard Contractual Clauses will apply to any transfer of Customer Personal Data "
      "out of the European Economic Area.\n\n"
      "15. Supplier will transfer Customer Personal Data out of the European Economic Area only "
      "under the Standard Contractual Clauses.\n");
  const std::vector<Finding> agree = On(report, "international_transfers", "parties agree");
  const std::vector<Finding> each = On(report, "international_transfers", "Each party");
  const std::vector<Finding> apply = On(report, "international_transfers", "will apply");
  const std::vector<Finding> ours = On(report, "international_transfers", "Supplier will");
  ASSERT_EQ(agree.size(), 1u) << Describe(report);
  ASSERT_EQ(each.size(), 1u) << Describe(report);
  ASSERT_EQ(apply.size(), 1u) << Describe(report);
  ASSERT_EQ(ours.size(), 1u) << Describe(report);
  EXPECT_EQ(agree[0].party, "mutual") << Describe(report);
  EXPECT_EQ(each[0].party, "mutual") << Describe(report);
  EXPECT_EQ(apply[0].party, "mutual") << Describe(report);
  EXPECT_EQ(ours[0].party, "supplier") << Describe(report);
}

// issue 15 #8: an exclusion from the service level ("not counted as downtime", "not covered by
// the SLA") protects the supplier (info); how uptime is measured stays low.
TEST(CarefulReader, ExclusionsFromTheServiceLevelAreInfo) {
  const Report report =
      Scan(std::string(kParties) +
           "6. Service levels. Uptime is calculated each calendar month from the minutes the "
           "Service is available, as recorded by Supplier's monitoring.\n\n"
           "7. Announced maintenance windows are not counted as downtime for the uptime "
           "calculation.\n\n"
           "8. Preview features are not covered by the uptime calculation.\n");
  const std::vector<Finding> measured = On(report, "sla_uptime", "calculated each calendar");
  const std::vector<Finding> windows = On(report, "sla_uptime", "maintenance windows");
  const std::vector<Finding> preview = On(report, "sla_uptime", "Preview features");
  ASSERT_EQ(measured.size(), 1u) << Describe(report);
  ASSERT_EQ(windows.size(), 1u) << Describe(report);
  ASSERT_EQ(preview.size(), 1u) << Describe(report);
  EXPECT_EQ(measured[0].risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(windows[0].risk, Risk::kInfo) << Describe(report);
  EXPECT_EQ(preview[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: a notice window to meet "where feasible" is a target, not a deadline (low); the same
// window as a deadline stays tight (medium).
TEST(CarefulReader, AWindowMetWhereFeasibleIsATarget) {
  const Report report =
      Scan(std::string(kParties) +
           "4. Supplier shall notify Customer of any Security Incident without undue delay and, "
           "where feasible, within thirty-six (36) hours after becoming aware of it.\n\n"
           "5. Supplier shall notify Customer of any Security Incident without undue delay and in "
           "any event within thirty-six (36) hours after becoming aware of it.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "thirty-six");
  ASSERT_EQ(found.size(), 2u) << Describe(report);
  EXPECT_EQ(found[0].risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(found[1].risk, Risk::kMedium) << Describe(report);
}

// issue 15 #8: in a US federal contract "the Government" buys from "the Contractor": its audit
// right is the customer's, an audit of us.
TEST(CarefulReader, TheGovernmentIsTheCustomer) {
  const Report report = Scan(
      "Cloud Services Addendum\n\n"
      "1. The Government has the right to inspect the Contractor's information systems used for "
      "this contract.\n\n"
      "2. The Contractor shall notify the Government of any security incident within 72 hours "
      "after confirming it.\n");
  const std::vector<Finding> audit = On(report, "audit_rights", "right to inspect");
  const std::vector<Finding> notice = On(report, "incident_notification", "shall notify");
  ASSERT_EQ(audit.size(), 1u) << Describe(report);
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer") << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier") << Describe(report);
}

}  // namespace
}  // namespace clausescan

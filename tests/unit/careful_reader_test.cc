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

// The one finding of `category` whose clause contains `words`, in `*out`; a failure (how many
// there were, and the report) when there is not exactly one. Use as
// ASSERT_TRUE(OneOn(report, category, words, &finding)).
::testing::AssertionResult OneOn(const Report& report, const std::string& category,
                                 const std::string& words, Finding* out) {
  const std::vector<Finding> found = On(report, category, words);
  if (found.size() != 1u) {
    return ::testing::AssertionFailure() << found.size() << " findings of " << category
                                         << " quoting \"" << words << "\", want 1\n"
                                         << Describe(report);
  }
  *out = found[0];
  return ::testing::AssertionSuccess();
}

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
  Finding notice, no_fault;
  ASSERT_TRUE(OneOn(report, "incident_notification", "within 72 hours", &notice));
  ASSERT_TRUE(OneOn(report, "incident_notification", "not an admission", &no_fault));
  EXPECT_EQ(notice.text.find("not an admission"), std::string::npos) << Describe(report);
  EXPECT_EQ(notice.risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(no_fault.risk, Risk::kInfo) << Describe(report);

  Finding credit, offset;
  ASSERT_TRUE(OneOn(report, "sla_uptime", "entitled to a service credit", &credit));
  ASSERT_TRUE(OneOn(report, "sla_uptime", "future invoices", &offset));
  EXPECT_EQ(credit.text.find("future invoices"), std::string::npos) << Describe(report);
  EXPECT_EQ(credit.risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(offset.risk, Risk::kInfo) << Describe(report);
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
  Finding immediately, hours;
  ASSERT_TRUE(OneOn(report, "incident_notification", "immediately", &immediately));
  ASSERT_TRUE(OneOn(report, "incident_notification", "12 hours", &hours));
  EXPECT_EQ(immediately.risk, Risk::kMedium) << Describe(report);
  EXPECT_EQ(hours.risk, Risk::kHigh) << Describe(report);
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
  Finding at_will, yearly;
  ASSERT_TRUE(OneOn(report, "audit_rights", "whenever it wishes", &at_will));
  ASSERT_TRUE(OneOn(report, "audit_rights", "once a year", &yearly));
  EXPECT_EQ(at_will.risk, Risk::kHigh) << Describe(report);
  EXPECT_TRUE(Has(at_will.positions, "audit-at-will")) << Describe(report);
  EXPECT_EQ(yearly.risk, Risk::kLow) << Describe(report);
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
  Finding duty, right;
  ASSERT_TRUE(OneOn(report, "audit_rights", "Customer must give Supplier", &duty));
  ASSERT_TRUE(OneOn(report, "audit_rights", "Supplier shall receive", &right));
  EXPECT_EQ(duty.party, "customer") << Describe(report);
  EXPECT_EQ(duty.risk, Risk::kInfo) << Describe(report);
  ASSERT_FALSE(duty.reasons.empty());
  EXPECT_NE(duty.reasons[0].find("duty to give notice"), std::string::npos) << duty.reasons[0];
  EXPECT_EQ(right.party, "supplier") << Describe(report);
  EXPECT_EQ(right.risk, Risk::kInfo) << Describe(report);
  EXPECT_TRUE(right.considerations.empty()) << Describe(report);
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
  Finding in_with, in_without;
  ASSERT_TRUE(OneOn(with, "audit_rights", "once a year", &in_with));
  ASSERT_TRUE(OneOn(without, "audit_rights", "once a year", &in_without));
  EXPECT_FALSE(Offers(in_with, advice)) << Describe(with);
  EXPECT_TRUE(Offers(in_without, advice)) << Describe(without);
  // Only the advice goes: the clause's risk and its own parameters stay.
  EXPECT_EQ(in_with.risk, in_without.risk);
  EXPECT_EQ(in_with.parameters.count("reports_in_lieu"), 0u);
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
    Finding limit, indemnity;
    ASSERT_TRUE(OneOn(*report, "liability_cap", "In no event will Customer", &limit));
    ASSERT_TRUE(OneOn(*report, "indemnification", "indemnify", &indemnity));
    EXPECT_EQ(limit.side, "them") << Describe(*report);
    EXPECT_EQ(limit.risk, open ? Risk::kMedium : Risk::kLow) << Describe(*report);
    EXPECT_EQ(indemnity.risk, open ? Risk::kHigh : Risk::kLow) << Describe(*report);
    EXPECT_EQ(Has(indemnity.positions, "indemnity-uncapped"), open) << Describe(*report);
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
  Finding agree, each, apply, ours;
  ASSERT_TRUE(OneOn(report, "international_transfers", "parties agree", &agree));
  ASSERT_TRUE(OneOn(report, "international_transfers", "Each party", &each));
  ASSERT_TRUE(OneOn(report, "international_transfers", "will apply", &apply));
  ASSERT_TRUE(OneOn(report, "international_transfers", "Supplier will", &ours));
  EXPECT_EQ(agree.party, "mutual") << Describe(report);
  EXPECT_EQ(each.party, "mutual") << Describe(report);
  EXPECT_EQ(apply.party, "mutual") << Describe(report);
  EXPECT_EQ(ours.party, "supplier") << Describe(report);
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
  Finding measured, windows, preview;
  ASSERT_TRUE(OneOn(report, "sla_uptime", "calculated each calendar", &measured));
  ASSERT_TRUE(OneOn(report, "sla_uptime", "maintenance windows", &windows));
  ASSERT_TRUE(OneOn(report, "sla_uptime", "Preview features", &preview));
  EXPECT_EQ(measured.risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(windows.risk, Risk::kInfo) << Describe(report);
  EXPECT_EQ(preview.risk, Risk::kInfo) << Describe(report);
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
  Finding audit, notice;
  ASSERT_TRUE(OneOn(report, "audit_rights", "right to inspect", &audit));
  ASSERT_TRUE(OneOn(report, "incident_notification", "shall notify", &notice));
  EXPECT_EQ(audit.party, "customer") << Describe(report);
  EXPECT_EQ(notice.party, "supplier") << Describe(report);
}

// issue 15 #4: a hand-over of the data within a day of a request is a short export deadline, not
// a deletion period; a reader rates it medium.
TEST(CarefulReader, ADataHandOverWithinADayIsShort) {
  const Report report = Scan(std::string(kParties) +
                             "9. Customer data. On termination Supplier shall return the "
                             "Customer Data. The data must be available to Customer upon request "
                             "within one business day.\n");
  Finding handover;
  ASSERT_TRUE(OneOn(report, "data_deletion", "within one business day", &handover));
  EXPECT_EQ(handover.risk, Risk::kMedium) << Describe(report);
  EXPECT_EQ(handover.parameters.count("delete_days"), 0u);
  // in business days, the refinement of delete-handover-short that says so (reading review)
  EXPECT_NE(std::find(handover.positions.begin(), handover.positions.end(),
                      "delete-handover-short-business"),
            handover.positions.end());
  EXPECT_EQ(handover.parameters.at("business"), ParamValue(true));
}

// issue 15 #4: "reasonable assurance that ... deleted" is some evidence, not a certificate of
// deletion; the clause is not judged as an automatic certificate.
TEST(CarefulReader, ReasonableAssuranceOfDeletionIsNoCertificate) {
  const Report report = Scan(std::string(kParties) +
                             "9. Exit. Within 60 days after termination Supplier will erase the "
                             "Customer Data it holds and give Customer reasonable assurance that "
                             "the data was deleted.\n");
  Finding exit;
  ASSERT_TRUE(OneOn(report, "data_deletion", "reasonable assurance", &exit));
  EXPECT_EQ(exit.parameters.count("certification"), 0u) << Describe(report);
  EXPECT_EQ(exit.risk, Risk::kLow) << Describe(report);
}

// issue 15 #4: an inspection of the supplier's IT environment by the customer reaches its
// systems as a site visit does: on-site, and high when reports do not come first.
TEST(CarefulReader, InspectingTheSuppliersItEnvironmentIsOnSite) {
  const Report report =
      Scan(std::string(kParties) +
           "11. Oversight. Customer has the right to perform audits, scans or other inspections "
           "of Supplier's IT environment used to provide the services.\n");
  Finding audit;
  ASSERT_TRUE(OneOn(report, "audit_rights", "IT environment", &audit));
  ASSERT_EQ(audit.parameters.count("onsite"), 1u) << Describe(report);
  EXPECT_EQ(audit.risk, Risk::kHigh) << Describe(report);
}

}  // namespace
}  // namespace clausescan

// Advice declares what it establishes (issue 15 #1): a consideration whose `establishes` holds on
// the clause, read with its section and, for what a document says once for a whole scheme, with
// the document, is not offered; the same clause without the grant still gets it. Each case is
// written here in its own drafting (US SaaS, UK public sector, EU processor terms, Australian
// agency terms), paired with a control that lacks only the grant.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::Describe;
using test_scan::On;
using test_scan::ScanText;

// Whether any finding of `category` whose clause contains `words` offers a consideration that
// starts with `start`.
bool Offers(const Report& report, const std::string& category, const std::string& words,
            const std::string& start) {
  for (const Finding& f : On(report, category, words)) {
    for (const std::string& c : f.considerations) {
      if (c.rfind(start, 0) == 0) return true;
    }
  }
  return false;
}

// Expects the finding of `category` whose clause contains open_words in `open` to offer advice
// (starting with `advice`), and the one whose clause contains granted_words in `granted`, which
// must exist, not to.
void ExpectGrantedOnlyIn(const Report& granted, const Report& open, const std::string& category,
                         const std::string& granted_words, const std::string& open_words,
                         const std::string& advice) {
  ASSERT_FALSE(On(granted, category, granted_words).empty()) << Describe(granted);
  EXPECT_TRUE(Offers(open, category, open_words, advice)) << advice << Describe(open);
  EXPECT_FALSE(Offers(granted, category, granted_words, advice)) << advice << Describe(granted);
}

// UK public-sector drafting: the audit right is met only by reviewing the supplier's assurance
// reports (another paragraph), so the terms of an audit of one's own are moot.
TEST(AdviceEstablishes, AuditTermsAreMootWhereReportsReplaceTheAudit) {
  const std::string audit =
      "12. Audit\n\n12.1 The Supplier shall permit the Authority to audit the Supplier's "
      "compliance with this Schedule.\n\n";
  const std::string replaced =
      "12.2 The Authority agrees that it shall exercise any audit right under this Schedule "
      "solely through the review of the Supplier's independent assurance reports.\n";
  const Report granted = ScanText(audit + replaced, "schedule.txt");
  const Report open = ScanText(audit, "schedule.txt");
  ASSERT_FALSE(On(open, "audit_rights", "permit the Authority").empty()) << Describe(open);
  ASSERT_FALSE(On(granted, "audit_rights", "permit the Authority").empty()) << Describe(granted);
  for (const char* advice : {"The customer pays for its audit",
                             "Results stay confidential and are shared with the supplier"}) {
    EXPECT_TRUE(Offers(open, "audit_rights", "permit the Authority", advice)) << Describe(open);
    EXPECT_FALSE(Offers(granted, "audit_rights", "permit the Authority", advice))
        << Describe(granted);
  }
}

// Australian agency drafting: the audit's conditions are listed in the next paragraph of the
// same clause (independent auditor, confidentiality, business hours, agreed date, scope, once a
// year) and the agency bears its own costs.
TEST(AdviceEstablishes, AuditConditionsGrantedInTheSameClauseAreNotAskedFor) {
  const std::string right =
      "14. Access and audit\n\n(a) The Customer may, at the Customer's own cost, audit the "
      "Contractor's compliance with this Deed.\n\n";
  const std::string conditions =
      "(b) Each audit must be carried out by an independent auditor bound by a confidentiality "
      "undertaking, during normal business hours, on a date agreed in advance, limited in scope "
      "to the Customer's data, and no more than once per year.\n";
  const Report granted = ScanText(right + conditions, "deed.txt");
  const Report open = ScanText(right, "deed.txt");
  ASSERT_FALSE(On(granted, "audit_rights", "Each audit").empty()) << Describe(granted);
  EXPECT_TRUE(Offers(open, "audit_rights", "audit the Contractor", "At most one audit a year"))
      << Describe(open);
  EXPECT_FALSE(Offers(granted, "audit_rights", "Each audit", "At most one audit a year"))
      << Describe(granted);
  EXPECT_FALSE(Offers(granted, "audit_rights", "Each audit", "The customer pays for its audit"))
      << Describe(granted);
}

// EU processor terms: the processor hands over an executive summary of its certification audit,
// in confidence; the advice to share summaries is what the clause already does.
TEST(AdviceEstablishes, ReportSummaryGivenInConfidenceIsNotAskedFor) {
  const Report granted = ScanText(
      "9. Certifications\n\nOn written request, the Processor shall make available to the "
      "Controller an executive summary of its most recent ISO 27001 surveillance audit report, "
      "which the Controller shall treat as confidential.\n",
      "processor-terms.txt");
  const Report open = ScanText(
      "9. Certifications\n\nOn written request, the Processor shall make available to the "
      "Controller its most recent ISO 27001 surveillance audit report.\n",
      "processor-terms.txt");
  const std::string advice = "Share summaries rather than full reports";
  EXPECT_TRUE(Offers(open, "audit_rights", "surveillance audit", advice)) << Describe(open);
  ASSERT_FALSE(On(granted, "audit_rights", "surveillance audit").empty()) << Describe(granted);
  EXPECT_FALSE(Offers(granted, "audit_rights", "surveillance audit", advice)) << Describe(granted);
}

// US SaaS SLA: the credits are made the sole remedy, capped and claimed within a window in the
// next section; the credit clause itself is not asked for any of them.
TEST(AdviceEstablishes, CreditTermsOfAnotherSectionOfTheSlaAreNotAskedFor) {
  const std::string credits =
      "3. Service Credits\n\nIf Monthly Uptime falls below 99.5%, Customer will receive a "
      "service credit equal to 5% of the monthly fees for the affected Service.\n\n";
  const std::string terms =
      "4. Credit Terms\n\nCustomer must submit any credit claim to Vendor within fifteen (15) "
      "days after the end of the affected month. Service credits are Customer's sole and "
      "exclusive remedy for any failure to meet the uptime commitment. Credits in any month "
      "shall not exceed 25% of the fees for that month.\n";
  const Report granted = ScanText(credits + terms, "sla.md");
  const Report open = ScanText(credits, "sla.md");
  ASSERT_FALSE(On(granted, "sla_uptime", "falls below").empty()) << Describe(granted);
  for (const char* advice : {"Make credits the sole and exclusive remedy",
                             "Cap credits at a small share", "Require the customer to claim"}) {
    EXPECT_TRUE(Offers(open, "sla_uptime", "falls below", advice)) << advice << Describe(open);
    EXPECT_FALSE(Offers(granted, "sla_uptime", "falls below", advice))
        << advice << Describe(granted);
  }
}

// A deletion clause that lets the customer choose between return and destruction and sets apart
// what the law requires to be kept: neither is asked for again.
TEST(AdviceEstablishes, DeletionChoiceAndLegalCarveOutInTheClauseAreNotAskedFor) {
  const Report granted = ScanText(
      "16. End of Contract\n\nOn expiry, the Supplier shall, at the Customer's election, return "
      "or destroy all Customer Data, save to the extent that retention is required by law.\n",
      "contract.txt");
  const Report open =
      ScanText("16. End of Contract\n\nOn expiry, the Supplier shall destroy all Customer Data.\n",
               "contract.txt");
  for (const char* advice : {"Keep a carve-out for data the law requires",
                             "Say who chooses between return and deletion"}) {
    EXPECT_TRUE(Offers(open, "data_deletion", "On expiry", advice)) << advice << Describe(open);
    ASSERT_FALSE(On(granted, "data_deletion", "On expiry").empty()) << Describe(granted);
    EXPECT_FALSE(Offers(granted, "data_deletion", "On expiry", advice))
        << advice << Describe(granted);
  }
}

// Silence counts as acceptance in a later sentence of the objection clause; the sentence that
// sets the objection window shares only the topic ("objection") with it and is read with it.
TEST(AdviceEstablishes, DeemedAcceptanceInAnotherSentenceOfTheSchemeIsNotAskedFor) {
  const std::string objection =
      "6. New Sub-processors\n\nThe Client may object to a new Sub-processor within 14 days of "
      "the notice. Where the Client objects, the parties shall discuss the objection in good "
      "faith.";
  const Report granted =
      ScanText(objection +
                   " The Client is deemed to accept the new Sub-processor if it does not object "
                   "within that period.\n",
               "dpa.txt");
  const Report open = ScanText(objection + "\n", "dpa.txt");
  const std::string advice = "Treat silence within the window as acceptance";
  EXPECT_TRUE(Offers(open, "subprocessors", "may object to a new", advice)) << Describe(open);
  ASSERT_FALSE(On(granted, "subprocessors", "may object to a new").empty()) << Describe(granted);
  EXPECT_FALSE(Offers(granted, "subprocessors", "may object to a new", advice))
      << Describe(granted);
}

// UK processor terms: the processor warns about an unlawful instruction and a later paragraph says
// it need not monitor the controller's compliance: both halves of the advice are granted.
TEST(AdviceEstablishes, NoDutyToMonitorStatedInTheDpaIsNotAskedFor) {
  const std::string warn =
      "# Data Processing Addendum\n\n3. Instructions\n\n3.1 The Processor shall process Personal "
      "Data only on the documented instructions of the Controller and shall immediately inform "
      "the Controller if, in its opinion, an instruction infringes Data Protection "
      "Legislation.\n\n";
  const Report granted = ScanText(
      warn + "3.2 The Processor is not under any obligation to monitor the Controller's "
             "compliance with Data Protection Legislation.\n",
      "dpa.md");
  const Report open = ScanText(warn, "dpa.md");
  const std::string advice = "Keep the duty to warn about an instruction";
  EXPECT_TRUE(Offers(open, "data_processing", "documented instructions", advice))
      << Describe(open);
  ASSERT_FALSE(On(granted, "data_processing", "documented instructions").empty())
      << Describe(granted);
  EXPECT_FALSE(Offers(granted, "data_processing", "documented instructions", advice))
      << Describe(granted);
}

// Australian agency drafting: the contractor's personnel with access to agency data are bound by
// an undertaking or by a statutory duty, which is what the advice asks the supplier to accept.
TEST(AdviceEstablishes, StatutoryConfidentialityOfThoseWithAccessIsNotAskedFor) {
  const Report granted = ScanText(
      "8. Personnel\n\n8.1 The Contractor must ensure that each of its personnel who has access "
      "to Agency Data is bound by a written confidentiality undertaking or is subject to a "
      "statutory obligation of confidentiality.\n",
      "deed.txt");
  const Report open = ScanText(
      "8. Personnel\n\n8.1 The Contractor must ensure that all of its employees and "
      "subcontractors are bound by written confidentiality undertakings covering Agency "
      "Data.\n",
      "deed.txt");
  ASSERT_FALSE(On(granted, "data_processing", "statutory obligation").empty())
      << Describe(granted);
  for (const char* advice : {"Accept a written confidentiality agreement",
                             "Limit the duty to personnel who actually process"}) {
    EXPECT_TRUE(Offers(open, "data_processing", "employees", advice)) << advice << Describe(open);
    EXPECT_FALSE(Offers(granted, "data_processing", "statutory obligation", advice))
        << advice << Describe(granted);
  }
}

// US SaaS drafting: the vendor publishes its sub-processor list and customers subscribe on that
// page to e-mail notice of changes, which is what the advice proposes.
TEST(AdviceEstablishes, ASubscriptionToTheListIsNotAskedFor) {
  const std::string notice =
      "Sub-processors. Vendor will give Customer at least thirty (30) days' notice before a new "
      "Sub-processor processes Customer Personal Data.";
  const Report granted = ScanText(
      notice + " Customer may subscribe at https://vendor.example/subprocessors to receive "
               "e-mail updates of changes to the list.\n",
      "dpa.txt");
  const Report open = ScanText(notice + "\n", "dpa.txt");
  const std::string advice = "Publish the sub-processor list on a web page";
  EXPECT_TRUE(Offers(open, "subprocessors", "thirty (30) days", advice)) << Describe(open);
  ASSERT_FALSE(On(granted, "subprocessors", "thirty (30) days").empty()) << Describe(granted);
  EXPECT_FALSE(Offers(granted, "subprocessors", "thirty (30) days", advice)) << Describe(granted);
}

// Advice written for audits of fees and royalties (one inspection a year of the records needed
// to check the amounts; how far back an audit may look) is not offered on a DPA's records of
// processing (issue 15 #4, "books-and-records audit advice on a DPA's compliance-records
// clause"); a reseller's records of fees still get it.
TEST(AdviceEstablishes, FeeAuditAdviceIsNotOfferedOnTheRecordsOfADpa) {
  const Report dpa = ScanText(
      "# Data Processing Agreement\n\nThis Data Processing Agreement forms part of the "
      "Agreement between the Controller and the Processor.\n\n9. Records\n\nThe Processor shall "
      "keep records of its processing of Personal Data and shall make those records available "
      "to the Controller for inspection on request.\n",
      "dpa.md");
  const Report licence = ScanText(
      "# Reseller Agreement\n\n9. Records\n\nThe Supplier shall keep accurate books and records "
      "of all fees charged under this Agreement and shall make them available to the Customer for "
      "inspection.\n",
      "reseller.md");
  ASSERT_FALSE(On(dpa, "audit_rights", "keep records").empty()) << Describe(dpa);
  EXPECT_TRUE(
      Offers(licence, "audit_rights", "fees charged", "Limit how far back an audit may look"))
      << Describe(licence);
  // The records rule's "One inspection a year, on at least 30 days' written notice, during
  // business hours" and the audit rule's "At most one audit a year, on 30 days' written notice,
  // during business hours" are one proposal: the merged finding gives it once (read23 #4).
  EXPECT_NE(Offers(licence, "audit_rights", "fees charged", "One inspection a year"),
            Offers(licence, "audit_rights", "fees charged", "At most one audit a year"))
      << Describe(licence);
  for (const char* advice : {"One inspection a year", "Limit how far back an audit may look"}) {
    EXPECT_FALSE(Offers(dpa, "audit_rights", "keep records", advice)) << advice << Describe(dpa);
  }
}

// The rule's advice to split the notice and the rationale's answer "Split the duty" are one idea
// (they declare the same `establishes`): a finding prints it once (issue 15 #4, Bonterms 118).
TEST(AdviceEstablishes, OneIdeaInTwoWordingsIsPrintedOnce) {
  const Report report = ScanText(
      "# Data Processing Addendum\n\n7. Breaches\n\nThe Processor shall notify the Controller "
      "of any Personal Data Breach without undue delay and in any event within 48 hours after "
      "becoming aware of it.\n",
      "dpa.md");
  const std::vector<Finding> found = On(report, "incident_notification", "48 hours");
  ASSERT_EQ(found.size(), 1u) << Describe(report);
  int splits = 0;
  for (const std::string& c : found[0].considerations) {
    if (c.find("split it into a first alert") != std::string::npos ||
        c.find("Split the duty") != std::string::npos) {
      ++splits;
    }
  }
  EXPECT_EQ(splits, 1) << Describe(report);
}

// read22 #1 (Supabase SLA 1, 3): the SLA's definitions keep scheduled maintenance out of the
// downtime sums and its exclusions section lists force majeure and the customer's own faults; the
// product-specific exclusions under that section are not asked for them again. The control lacks
// the definitions and the general list.
TEST(AdviceInContext, ExclusionsTheSlaAlreadyListsAreNotAskedForAgain) {
  const std::string definitions =
      "## 1. Definitions\n\n- Scheduled Downtime/Maintenance Windows: Periods of time that Vendor "
      "has communicated in advance, during which the service may be temporarily unavailable due "
      "to planned maintenance. These windows are not counted as Unscheduled Downtime for SLA purposes.\n\n"
      "## 2. Uptime\n\nVendor will make the service available 99.9% of each "
      "calendar month.\n\n";
  const std::string general =
      "## 3. Exclusions\n\nThe following events are excluded from this SLA: force majeure, "
      "outages of upstream cloud providers and anything the customer causes.\n\n";
  const std::string product =
      "### Database\n\n**Exclusions:** Downtime caused by unsupported extensions installed by the "
      "customer is excluded from the SLA.\n";
  const Report granted = ScanText(definitions + general + product, "sla.md");
  const Report open = ScanText("## 3. Exclusions\n\n" + product, "sla.md");
  const std::string advice = "Exclude scheduled maintenance announced in advance";
  ExpectGrantedOnlyIn(granted, open, "sla_uptime", "unsupported extensions",
                      "unsupported extensions", advice);
  EXPECT_FALSE(Offers(granted, "sla_uptime", "force majeure", advice)) << Describe(granted);
}

// read22 #1 (Common Paper DPA 3.1, 3.2): "appropriate safeguards" in 3.1 is read with 3.2 of the
// same section, which enters into the SCCs; the SCCs are not proposed for it.
TEST(AdviceInContext, SccsEnteredInASiblingSubsectionAreNotProposed) {
  const std::string safeguards =
      "# Data Processing Agreement\n\n## 3. Restricted Transfers\n\n### 3.1 Authorization\n\n"
      "If the GDPR protects a transfer of Customer Personal Data from the EEA to a country "
      "without an adequacy decision, Provider will implement appropriate safeguards for the transfer consistent with "
      "Applicable Data Protection Laws.\n\n";
  const std::string sccs =
      "### 3.2 EEA Transfers\n\nFor such transfers the parties enter into Module Two of the "
      "Standard Contractual Clauses, which are incorporated into this DPA.\n\n";
  const std::string other = "## 4. Audits\n\nCustomer may audit Provider once a year.\n";
  const Report granted = ScanText(safeguards + sccs + other, "dpa.md");
  const Report open = ScanText(safeguards + other, "dpa.md");
  ExpectGrantedOnlyIn(granted, open, "international_transfers", "appropriate safeguards",
                      "appropriate safeguards", "Rely on the EU SCCs");
}

// read22 #1 (Bonterms DPA 10.1(b)): the transfer terms are a schedule the DPA incorporates; the
// SCCs are not proposed for the clause that points to it.
TEST(AdviceInContext, TransferTermsOfAnIncorporatedScheduleAreNotProposed) {
  const std::string lead =
      "10. Cross-Border Transfers\n\n10.1 Cross-Border Data Transfers.\n\n(a) Provider may "
      "transfer Customer Personal Data globally as necessary to provide the Cloud Service.\n\n";
  const Report granted = ScanText(
      lead + "(b) If Provider engages in a Restricted Transfer from the EEA, it will comply with "
             "Schedule 3 (Cross-Border Transfer Mechanisms) as required by the GDPR.\n",
      "dpa.md");
  const Report open = ScanText(
      lead + "(b) If Provider engages in a Restricted Transfer from the EEA, it will put in place "
             "appropriate safeguards for the transfer as required by the GDPR.\n",
      "dpa.md");
  ExpectGrantedOnlyIn(granted, open, "international_transfers", "Schedule 3",
                      "appropriate safeguards", "Rely on the EU SCCs");
}

// read22 #1 (Supabase DPA 9.2-9.4): the audit's frequency, notice, hours, cost and confidential
// results are spread over the sentences and subsections of "9. Audits", one of them a physical
// audit that reports replace; the sentence that makes audits wait for an agreed scope is not asked
// for any of them.
TEST(AdviceInContext, AuditLimitsOfTheSectionAreNotAskedForAgain) {
  const std::string reports =
      "## 9. Information and Audits\n\n### 9.2 Audit Reports\n\nIf the Audit Reports address "
      "an audit requested by Customer, Customer agrees to accept them in lieu of conducting a "
      "physical audit of the controls.\n\n";
  const std::string audit =
      "### 9.3 Customer Audit Rights\n\nCustomer may audit Vendor's compliance with this DPA no "
      "more than once per calendar year. The Parties agree that all such audits will be "
      "conducted: (a) upon at least thirty (30) days' written notice to Vendor; (b) only during "
      "Vendor's normal business hours; and (c) at Customer's sole expense. Customer may engage a "
      "third-party auditor to conduct the audit on its behalf. Vendor shall not be required to "
      "facilitate any such audit unless and until the Parties have agreed in writing the scope "
      "and timing of such audit.\n\n";
  const std::string results =
      "### 9.4 Results\n\nThe results of the audit shall be Vendor's Confidential "
      "Information.\n";
  const Report granted = ScanText(reports + audit + results, "dpa.md");
  ASSERT_FALSE(On(granted, "audit_rights", "not be required to facilitate").empty())
      << Describe(granted);
  for (const char* advice : {"At most one audit a year", "The customer pays for its audit",
                             "Results stay confidential"}) {
    EXPECT_FALSE(Offers(granted, "audit_rights", "not be required to facilitate", advice))
        << advice << Describe(granted);
  }
}

// read22 #1 (Bonterms DPA 4.2, 4.3): the list clause is read with the next subsection of the same
// section, which gives 30 days' notice of a new sub-processor.
TEST(AdviceInContext, NoticeGivenInTheNextSubsectionIsNotAskedFor) {
  const std::string list =
      "4. Subprocessors\n\n4.1 Use of Subprocessors. Customer generally authorizes Provider to "
      "engage Subprocessors.\n\n4.2 Subprocessor List. Provider will maintain an up-to-date list "
      "of its Subprocessors.\n\n";
  const std::string notice =
      "4.3 Notice of New Subprocessors. At least 30 days before any new Subprocessor Processes "
      "any Customer Personal Data, Provider will add it to the list and notify Customer.\n\n";
  const std::string other = "5. Security\n\nProvider will implement appropriate measures.\n";
  const Report granted = ScanText(list + notice + other, "dpa.md");
  const Report open = ScanText(list + other, "dpa.md");
  ExpectGrantedOnlyIn(granted, open, "subprocessors", "up-to-date list", "up-to-date list",
                      "Offer 30 days' notice before a new sub-processor");
}

// read22 #1: a section is read with its own subsections and its definitions, not with unrelated
// sections: 30 days' notice of a new sub-processor in another agreement of the same file does not
// grant it to the first.
TEST(AdviceInContext, ASiblingAgreementIsNotRead) {
  const std::string first =
      "# Agreement A\n\n## 4. Subprocessors\n\nProvider will maintain an up-to-date list of "
      "its Subprocessors.\n\n";
  const std::string second =
      "# Agreement B\n\n## 4. Subprocessors\n\nAt least 30 days before any new Subprocessor "
      "Processes any Customer Personal Data, Provider will notify Customer.\n";
  const Report report = ScanText(first + second, "two.md");
  ASSERT_FALSE(On(report, "subprocessors", "up-to-date list").empty()) << Describe(report);
  EXPECT_TRUE(Offers(report, "subprocessors", "up-to-date list",
                     "Offer 30 days' notice before a new sub-processor"))
      << Describe(report);
}

// read22 #1: what a definition means is read for every clause, but a term of its own written in
// a definition's paragraph is not (GitHub partner agreement 1, 7.1: the provider's right to keep
// its samples in backups is no backup carve-out of the partner's deletion duty).
TEST(AdviceInContext, ATermInsideADefinitionsParagraphIsNoDefinition) {
  const Report report = ScanText(
      "# Partner Agreement\n\n## 1. Definitions\n\n**\"Detection Samples\"** means samples of "
      "credentials that Vendor provides to Partner for testing. Vendor may retain Detection "
      "Samples for a period of 12 months following termination for archival and "
      "regression-testing purposes in its backups.\n\n## 7. Data Retention and Deletion\n\n7.1 "
      "Partner shall delete Vendor Metadata within 30 days after completing the validity "
      "check.\n",
      "partner.md");
  ASSERT_FALSE(On(report, "data_deletion", "Partner shall delete").empty()) << Describe(report);
  EXPECT_TRUE(Offers(report, "data_deletion", "Partner shall delete", "Let backups age out"))
      << Describe(report);
}

// read22 #2 (GSA addendum, FedRAMP playbook): a demand for a FedRAMP authorisation gets no SOC 2
// reason, and a rule's advice about certifications or vulnerability deadlines is offered only on
// a clause that speaks of them, also where that rule is merged into another's finding.
TEST(AdviceInContext, ReasonsAndAdviceFitTheClausesOwnTopic) {
  const Report report = ScanText(
      "7. Security\n\n7.1 The Contractor shall maintain its agency ATO while pursuing a FedRAMP "
      "Moderate authorization for its SaaS offering.\n\n7.2 All Contractor personnel with "
      "access to Government data must pass a background check before access is granted.\n\n"
      "7.3 The Contractor shall scan its systems for vulnerabilities monthly and remediate "
      "critical vulnerabilities.\n",
      "addendum.txt");
  const std::vector<Finding> fedramp = On(report, "security_measures", "FedRAMP");
  ASSERT_EQ(fedramp.size(), 1u) << Describe(report);
  EXPECT_EQ(fedramp[0].risk, Risk::kHigh) << Describe(report);
  for (const std::string& reason : fedramp[0].reasons) {
    EXPECT_EQ(reason.find("SOC 2 or ISO/IEC 27001 certification"), std::string::npos) << reason;
  }
  const std::string vulnerabilities = "Fix deadlines for vulnerabilities by severity";
  const std::string certifications = "For certifications, promise to maintain";
  EXPECT_FALSE(Offers(report, "security_measures", "FedRAMP", vulnerabilities)) << Describe(report);
  EXPECT_FALSE(Offers(report, "security_measures", "background check", vulnerabilities))
      << Describe(report);
  EXPECT_FALSE(Offers(report, "security_measures", "background check", certifications))
      << Describe(report);
  EXPECT_TRUE(Offers(report, "security_measures", "scan its systems", vulnerabilities))
      << Describe(report);
}

}  // namespace
}  // namespace clausescan

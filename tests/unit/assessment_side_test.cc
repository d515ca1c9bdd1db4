// Whose provision a finding is when the sentence states no "shall" of a named side: present-tense
// verbs of a party named first, roles either party may fill, both sides named together, and
// service credits (the customer's remedy), and the risk of the other side's provisions (issue 15
// #1, #8).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

Report Scan(const std::string& text) { return test_scan::ScanText(text, "terms.txt"); }

using test_scan::On;

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.rule + " " + std::string(RiskName(f.risk)) + " party=" + f.party + ": " +
           f.text.substr(0, 80) + "\n";
  }
  return out;
}

// issue 15 #8: "Customer instructs Provider ..." is the customer's act (present tense, no
// "shall"), not a supplier duty, and asks nothing of the supplier.
TEST(AssessmentSide, PresentTenseVerbOfTheCustomerIsTheCustomers) {
  const Report report = Scan(
      "1. Processing. Customer instructs Provider to process Customer Personal Data only to run "
      "the Service and as Customer documents in writing from time to time.\n");
  const std::vector<Finding> found = On(report, "data_processing", "Customer instructs");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "customer") << Describe(report);
  EXPECT_EQ(found[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: a role either side may hold in a claim ("the Indemnifying Party", "a Protected
// Party") makes the procedure mutual, not the supplier's.
TEST(AssessmentSide, IndemnityProcedureRolesAreEitherParty) {
  const Report report = Scan(
      "9. Indemnity procedure. The Indemnifying Party may not settle any Covered Claim in a way "
      "that admits fault of the Protected Party without the Protected Party's prior written "
      "consent.\n\n"
      "10. A Protected Party may participate in the defence of a Covered Claim with its own "
      "counsel at its own expense.\n");
  const std::vector<Finding> settle = On(report, "indemnification", "may not settle");
  const std::vector<Finding> part = On(report, "indemnification", "may participate");
  ASSERT_FALSE(settle.empty()) << Describe(report);
  ASSERT_FALSE(part.empty()) << Describe(report);
  EXPECT_EQ(settle[0].party, "mutual") << Describe(report);
  EXPECT_EQ(part[0].party, "mutual") << Describe(report);
}

// issue 15 #8: "The Department and the Providers are responsible for ..." binds both sides,
// though the lexicon knows only one of them.
TEST(AssessmentSide, BothSidesNamedAsTheSubjectIsMutual) {
  const Report report = Scan(
      "4. Breaches. The Department and the Providers are responsible for notifying each other in "
      "writing in the event of loss or unauthorised disclosure of personal data within 48 hours "
      "of the event being discovered.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "are responsible");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "mutual") << Describe(report);
}

// issue 15 #8: service credits are the customer's remedy; a sentence that limits them is the
// customer's (a right of theirs) and costs the supplier nothing.
TEST(AssessmentSide, LimitsOnServiceCreditsAreTheCustomersAndNoRisk) {
  const Report report = Scan(
      "3. Service Levels. Provider will make the Service available 99.9% of each month. If "
      "availability falls below 99.9% in a month, Customer is eligible to receive a Service "
      "Credit of 5% of that month's fees.\n\n"
      "4. Service Credits cannot be redeemed for cash and lapse when the Order Form ends.\n");
  const std::vector<Finding> eligible = On(report, "sla_uptime", "is eligible");
  const std::vector<Finding> cash = On(report, "sla_uptime", "redeemed for cash");
  ASSERT_FALSE(eligible.empty()) << Describe(report);
  ASSERT_FALSE(cash.empty()) << Describe(report);
  EXPECT_EQ(eligible[0].party, "customer") << Describe(report);
  EXPECT_EQ(cash[0].party, "customer") << Describe(report);
  EXPECT_EQ(cash[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: a leading "If A and B ..." clause is no subject; the duty after it keeps its
// holder.
TEST(AssessmentSide, LeadingIfClauseWithBothSidesKeepsTheDutyHolder) {
  const Report report = Scan(
      "7. Return of data. If Customer and Provider have not agreed otherwise, Provider will delete "
      "Customer Personal Data within 30 days after the agreement ends.\n");
  const std::vector<Finding> found = On(report, "data_deletion", "Provider will delete");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "supplier") << Describe(report);
}

// issue 15 #8: a right of ours ("Provider may retain ...") or of either side in a role ("each
// Recipient may keep ...") asks nothing of the supplier: info, not a commitment judged low.
TEST(AssessmentSide, OurOwnRightsAndEitherSidesRightsAreInfo) {
  const Report report = Scan(
      "8. Retention. Provider may retain copies of Customer Personal Data in its backups for as "
      "long as its standard backup retention policy provides.\n\n"
      "9. Each Recipient may retain Confidential Information of the Discloser as required by law "
      "or in its routine backup archives.\n");
  const std::vector<Finding> ours = On(report, "data_deletion", "Provider may retain");
  const std::vector<Finding> either = On(report, "data_deletion", "Each Recipient may retain");
  ASSERT_FALSE(ours.empty()) << Describe(report);
  ASSERT_FALSE(either.empty()) << Describe(report);
  EXPECT_EQ(ours[0].risk, Risk::kInfo) << Describe(report);
  EXPECT_EQ(either[0].party, "mutual") << Describe(report);
  EXPECT_EQ(either[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: the supplier's permission to use subcontractors stays judged by the playbook.
TEST(AssessmentSide, PermissionToUseSubprocessorsIsStillJudged) {
  const Report report = Scan(
      "6. Subprocessors. Provider may engage Subprocessors to process Customer Personal Data, "
      "provided that Provider notifies Customer of any new Subprocessor 30 days in advance.\n");
  const std::vector<Finding> found = On(report, "subprocessors", "Provider may engage");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: the procedure around an indemnity (notice of the claim, control of the defence)
// protects whoever indemnifies; the playbook rates it info, not low.
TEST(AssessmentSide, IndemnityProcedureIsInfo) {
  const Report report = Scan(
      "12. Claims. The obligations of the indemnifying party are conditioned upon prompt written "
      "notice of the claim and sole control of the defence and settlement.\n");
  const std::vector<Finding> found = On(report, "indemnification", "conditioned upon");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].rule, "indemnification.procedure") << Describe(report);
  EXPECT_EQ(found[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: an indemnity whose own sentence names no cap is uncapped when the liability clause
// elsewhere leaves indemnities outside the cap; the reader of the indemnity is told so.
TEST(AssessmentSide, IndemnityUncappedByTheLiabilityClauseIsRatedAsUncapped) {
  const std::string indemnity =
      "5. Indemnity. The Supplier indemnifies the Buyer against all losses and costs arising from "
      "any breach of Data Protection Legislation by the Supplier.\n\n";
  const std::string cap =
      "11. Liability. The Supplier's total liability is no more than 100% of the Charges paid in "
      "the 12 months before the claim.\n\n"
      "11.5 In spite of Clause 11.1, the Supplier does not limit or exclude its liability for any "
      "indemnity given under Clause 5.\n";
  const Report alone = Scan(indemnity);
  const Report with_cap = Scan(indemnity + cap);
  const std::vector<Finding> before = On(alone, "indemnification", "indemnifies the Buyer");
  const std::vector<Finding> after = On(with_cap, "indemnification", "indemnifies the Buyer");
  ASSERT_FALSE(before.empty()) << Describe(alone);
  ASSERT_FALSE(after.empty()) << Describe(with_cap);
  EXPECT_NE(before[0].risk, Risk::kHigh) << Describe(alone);
  EXPECT_EQ(after[0].risk, Risk::kHigh) << Describe(with_cap);
  ASSERT_FALSE(after[0].reasons.empty());
  EXPECT_NE(after[0].reasons[0].find("outside the cap"), std::string::npos) << after[0].reasons[0];
}

// issue 15 #8: a carve-out that names its clauses leaves the other indemnities under the cap.
TEST(AssessmentSide, CarveOutNamingClausesLeavesOtherIndemnitiesCapped) {
  const Report report = Scan(
      "5. Indemnity. The Supplier indemnifies the Buyer against all losses and costs arising from "
      "any breach of Data Protection Legislation by the Supplier.\n\n"
      "6. Tax. The Supplier indemnifies the Buyer against any income tax or national insurance "
      "claimed from the Buyer for the Supplier's staff.\n\n"
      "11. Liability. The Supplier's total liability is no more than 100% of the Charges paid in "
      "the 12 months before the claim.\n\n"
      "11.5 In spite of Clause 11.1, the Supplier does not limit or exclude its liability for any "
      "indemnity given under Clause 5.\n");
  const std::vector<Finding> tax = On(report, "indemnification", "income tax");
  ASSERT_FALSE(tax.empty()) << Describe(report);
  EXPECT_NE(tax[0].risk, Risk::kHigh) << Describe(report);
}

// issue 15 #8: the customer's consent as the sentence's subject still binds us: a demand for
// specific consent to each sub-processor keeps its risk.
TEST(AssessmentSide, CustomersSpecificConsentToSubprocessorsKeepsItsRisk) {
  const Report report = Scan(
      "6. Subprocessors. Customer authorizes Provider to engage a Subprocessor only with "
      "Customer's specific prior written consent for each Subprocessor.\n");
  const std::vector<Finding> found = On(report, "subprocessors", "Customer authorizes");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kInfo) << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kLow) << Describe(report);
}

// API terms of a public body that address the developer as "you" and never write as "we": the
// body is named ("the Office") and acts on the developer, who takes its data.
const char kApiTerms[] =
    "# Transit Feed API Terms of Use\n\n"
    "These terms apply when you connect your application to the Transit Feed API that the "
    "Regional Transit Office publishes. By requesting an API key you accept them.\n\n"
    "1. Data protection. You must protect the rider data you receive through the API with "
    "encryption at rest and in transit, and you must limit access to it to your own staff.\n\n"
    "2. Incidents. You will notify the Office within 24 hours of discovering any unauthorised "
    "access to rider data held by your application.\n\n"
    "3. Reviews. The Office may audit your application and your handling of rider data at any "
    "time, with or without notice.\n\n"
    "4. Suspension. The Office may suspend your API key if you breach these terms, and the "
    "Office may revoke it when the feed is withdrawn.\n\n"
    "5. Liability. The Office is not liable for any loss arising from an interruption of the "
    "API or from errors in the feed.\n";

// issue 15 #1: the developer's duties ("you must protect", "you will notify") are ours as the
// supplier, and keep the risk the playbook gives them.
TEST(AssessmentSide, YouInApiTermsOfANamedBodyIsTheSupplier) {
  const Report report = Scan(kApiTerms);
  const std::vector<Finding> notice = On(report, "incident_notification", "You will notify");
  ASSERT_FALSE(notice.empty()) << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier") << Describe(report);
  EXPECT_EQ(notice[0].side, "us") << Describe(report);
  EXPECT_GE(notice[0].risk, Risk::kMedium) << Describe(report);
  const std::vector<Finding> audit = On(report, "audit_rights", "may audit");
  ASSERT_FALSE(audit.empty()) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer") << Describe(report);
  EXPECT_EQ(audit[0].party_name, "Office") << Describe(report);
  EXPECT_NE(audit[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #2: "The Office is not liable for ..." is the named body's own protection, not a
// term binding both sides.
TEST(AssessmentSide, ExclusionOfANamedBodyIsThatBodysNotMutual) {
  const Report report = Scan(kApiTerms);
  const std::vector<Finding> found = On(report, "liability_cap", "is not liable");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "customer") << Describe(report);
  EXPECT_EQ(found[0].side, "them") << Describe(report);
}

// issue 15 #2: a public body known by its initials states its own exclusions: "The DRA is not
// liable ..." is the body's protection, not a mutual term.
TEST(AssessmentSide, PublicBodyByItsInitialsHoldsItsOwnExclusions) {
  const Report report = Scan(
      "Data sharing agreement\n\n"
      "This agreement covers records shared between the Department for Rural Affairs (DRA) and "
      "the survey contractor.\n\n"
      "1. The contractor must encrypt the records at rest and in transit.\n\n"
      "2. The DRA will keep the records it receives for no longer than 6 years and will then "
      "delete them.\n\n"
      "3. The DRA is not liable for any loss the contractor suffers from errors in the records.\n");
  const std::vector<Finding> liable = On(report, "liability_cap", "not liable");
  ASSERT_FALSE(liable.empty()) << Describe(report);
  EXPECT_EQ(liable[0].party, "customer") << Describe(report);
  EXPECT_EQ(liable[0].side, "them") << Describe(report);
  // issue 15 #2: their protection limits what we can recover: judged, not dismissed as a duty
  // of theirs that asks nothing of us.
  EXPECT_NE(liable[0].risk, Risk::kInfo) << Describe(report);
  ASSERT_FALSE(liable[0].reasons.empty());
  EXPECT_NE(liable[0].reasons[0].find("DRA's liability"), std::string::npos)
      << liable[0].reasons[0];
}

// issue 15 #3: "<side> may process the data only for ..." restricts that side; it is no right
// that asks nothing of it.
TEST(AssessmentSide, MayUseOnlyForIsARestrictionNotARight) {
  const Report report = Scan(
      "4. Processing. Provider may process Customer Personal Data only for the purposes set "
      "out in the Order Form and on Customer's documented instructions.\n");
  const std::vector<Finding> found = On(report, "data_processing", "may process");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "supplier") << Describe(report);
  EXPECT_EQ(found[0].holds, "duty") << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #1, #2: HIPAA's names for the two sides: the business associate serves the covered
// entity. The covered entity's own duties and rights, and the associate's own exclusion, are
// read as theirs.
TEST(AssessmentSide, HipaaBusinessAssociateIsTheSupplier) {
  const Report report = Scan(
      "1. Reporting. Business Associate shall report to Covered Entity any Security Incident of "
      "which it becomes aware within 5 business days of discovery.\n\n"
      "2. Covered Entity shall keep its own systems secure with encryption and access "
      "controls.\n\n"
      "3. Audit. Covered Entity may audit Business Associate once a year on 30 days notice.\n\n"
      "4. Business Associate shall not be liable for any indirect damages.\n");
  // The covered entity's own security is no commitment of ours: not reported as ours.
  for (const Finding& f : On(report, "security_measures", "Covered Entity shall keep")) {
    EXPECT_EQ(f.party, "customer") << Describe(report);
    EXPECT_EQ(f.risk, Risk::kInfo) << Describe(report);
  }
  const std::vector<Finding> audit = On(report, "audit_rights", "may audit");
  ASSERT_FALSE(audit.empty()) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer") << Describe(report);
  const std::vector<Finding> liable = On(report, "liability_cap", "not be liable");
  ASSERT_FALSE(liable.empty()) << Describe(report);
  EXPECT_EQ(liable[0].party, "supplier") << Describe(report);
}

// issue 15 #1 (review): a sentence saying that "processor" and "controller" take a law's
// meaning does not make "processor" a party: the named host's 48-hour notice is still ours and
// is judged.
TEST(AssessmentSide, WordsTakingALawsMeaningDoNotFlipTheNamedSupplier) {
  const Report report = Scan(
      "This Hosting Addendum forms part of the agreement between the Client and Larkspur Hosting "
      "Ltd (\"Larkspur\") for the hosting service.\n\n"
      "1. Interpretation. The words \"importer\", \"processor\" and \"controller\", in any "
      "case, carry the meanings given to them in the Data Protection Act.\n\n"
      "2. Breaches. Larkspur shall notify the Client in writing within forty-eight (48) hours "
      "after becoming aware of any Personal Data Breach.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "Larkspur shall notify");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "supplier") << Describe(report);
  EXPECT_EQ(found[0].party_name, "Larkspur") << Describe(report);
  EXPECT_EQ(found[0].side, "us") << Describe(report);
  EXPECT_GE(found[0].risk, Risk::kLow) << Describe(report);
  EXPECT_EQ(report.document.user_side, "supplier");
}

// issue 15 #1 (review): the label of a side is a word the contract uses for it: a role word it
// only defines from the law ("Processor" means a natural or legal person ...) gives way to the
// word its clauses use ("Provider"), and a word met only for a third party ("an internet service
// provider") is no label: our own word "supplier" is.
TEST(AssessmentSide, SideLabelsAreTheContractsOwnWords) {
  const Report defined = Scan(
      "1. Definitions.\n\"Processor\" means a natural or legal person which processes personal "
      "data on behalf of the Controller.\n\"Controller\" means the natural or legal person which "
      "determines the purposes and means of the processing.\n\n"
      "2. Breaches. Provider shall notify Customer within forty-eight (48) hours after becoming "
      "aware of a Security Incident. Provider shall give Customer the details Customer needs. "
      "Customer may ask Provider for a report, and Provider shall answer Customer promptly.\n");
  const std::vector<Finding> notice = On(defined, "incident_notification", "Provider shall notify");
  ASSERT_FALSE(notice.empty()) << Describe(defined);
  EXPECT_EQ(notice[0].party, "supplier") << Describe(defined);
  EXPECT_EQ(notice[0].party_name, "Provider") << Describe(defined);

  const Report unnamed = Scan(
      "1. Availability. Downtime caused by an internet service provider is excluded.\n\n"
      "2. Incidents. Notice of any Security Incident will be given within 24 hours of its "
      "discovery.\n");
  const std::vector<Finding> incident = On(unnamed, "incident_notification", "Notice of any");
  ASSERT_FALSE(incident.empty()) << Describe(unnamed);
  EXPECT_EQ(incident[0].party, "supplier") << Describe(unnamed);
  EXPECT_EQ(incident[0].party_name, "supplier") << Describe(unnamed);
}

// issue 15 #1 (new-user review, GSA addendum): in a US federal contract the customer is "the
// Government"; a defined term for a document that starts with a department's name ('"Wage
// Guidance" means the Department of Labor (DOL) Guidance ...') is no party and must not become
// the customer's name: the finding shows "Government", the word the contract uses.
TEST(AssessmentSide, TheGovernmentKeepsItsNameOverADefinedDocument) {
  const Report report = Scan(
      "1. Definitions.\n\"Wage Guidance\" means the Department of Labor (DOL) Guidance on fair "
      "wages, dated June 2016.\n\n"
      "2. Inspection. The Government may inspect and audit the Contractor's facilities and "
      "records at any time during the performance of this contract.\n\n"
      "3. Incidents. The Contractor shall report any cyber incident to the Government within 72 "
      "hours of discovery.\n");
  const std::vector<Finding> audit = On(report, "audit_rights", "may inspect");
  ASSERT_FALSE(audit.empty()) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer") << Describe(report);
  EXPECT_EQ(audit[0].party_name, "Government") << Describe(report);
}

// issue 15 #1: "Government" written without "the" ("If you are a Government entity") does not
// name the customer: the word the contract uses for it does.
TEST(AssessmentSide, GovernmentWithoutTheArticleIsNoSideLabel) {
  const Report report = Scan(
      "1. Audits. The Customer may audit the Provider's security records once a year.\n\n"
      "2. Reports. The Provider shall give the Customer a summary of each audit.\n\n"
      "3. Government Users. If you are a Government entity, the Government Terms apply to "
      "Government use of the Service.\n");
  const std::vector<Finding> audit = On(report, "audit_rights", "may audit");
  ASSERT_FALSE(audit.empty()) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer") << Describe(report);
  EXPECT_EQ(audit[0].party_name, "Customer") << Describe(report);
}

// issue 15 s9 #2: a sentence in which the customer acknowledges that the supplier "is audited"
// is about audits of the supplier: the customer's acknowledgement does not make it the audited
// side, so the playbook's risk stands (not "an audit of them"); and it is the supplier's, whose
// audits it states (read22 #4).
TEST(AssessmentSide, AcknowledgedPassiveAuditNamesTheAuditedSide) {
  const Report report = Scan(
      "7. Audits. Customer acknowledges that Vendor is regularly audited by an independent "
      "firm against the ISO 27001 standard.\n");
  const std::vector<Finding> found = On(report, "audit_rights", "regularly audited");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "supplier") << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kInfo) << Describe(report);
}

}  // namespace
}  // namespace clausescan

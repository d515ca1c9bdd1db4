// What a reader acts on: whose duty or right a finding states, one finding per clause, and risks
// that follow the clause's own words (issue 15 #1, #3, #4, #8).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

Report Scan(const std::string& text) { return test_scan::ScanText(text, "terms.md"); }

using test_scan::On;

bool Says(const Finding& f, const std::string& words) {
  for (const std::string& r : f.reasons) {
    if (r.find(words) != std::string::npos) return true;
  }
  return false;
}

bool Advises(const Finding& f, const std::string& words) {
  for (const std::string& c : f.considerations) {
    if (c.find(words) != std::string::npos) return true;
  }
  return false;
}

// issue 15 #1: a one-sided exclusion protects the side it names; it is not mutual.
TEST(ReaderParty, OneSidedExclusionIsTheProtectedSidesAndAsksNothingOfUs) {
  const Report report = Scan(
      "# Hosting Terms\n\n4. Regardless of anything else in these Terms, the Provider is not "
      "liable for any downtime caused by Customer's own network, and its liability for beta "
      "features will not exceed USD 2,000.\n");
  const std::vector<Finding> found = On(report, "liability_cap", "is not liable");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].party, "supplier");
  EXPECT_EQ(found[0].risk, Risk::kInfo);
  EXPECT_NE(found[0].reasons.at(0).find("protection for us"), std::string::npos);
}

// issue 15 #1: "the Supplier does not limit its liability" is the supplier's exposure, not a
// mutual term.
TEST(ReaderParty, LiabilityLeftUnlimitedForOneSideIsThatSides) {
  const Report report = Scan(
      "# Services Agreement\n\n12.4 Despite Clause 12.1, the Supplier does not limit or exclude "
      "its liability under the indemnities in Clause 9.\n");
  const std::vector<Finding> found = On(report, "liability_cap", "does not limit");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].party, "supplier");
  EXPECT_NE(found[0].risk, Risk::kInfo);
}

// issue 15 #1: SLA remedies are the customer's; the exclusive-remedy sentence protects us.
TEST(ReaderParty, SlaRemediesAreTheCustomersAndTheExclusiveRemedyProtectsUs) {
  const Report report = Scan(
      "# Service Level Agreement\n\n"
      "2. If availability falls below 99.0% in three consecutive months, then Customer may, by "
      "written notice to Provider within 20 days, terminate the affected subscription, and "
      "Provider will refund any prepaid fees for the remaining term.\n\n"
      "3. The service credits and the termination right in Section 2 are Customer's sole and "
      "exclusive remedies for any failure to meet the availability commitment.\n\n"
      "Credit Tier 1 | 98.0% - 98.99% | 10% of monthly fees\n"
      "Credit Tier 2 | below 98.0% | 25% of monthly fees\n");
  const std::vector<Finding> leave = On(report, "sla_uptime", "then Customer may");
  ASSERT_EQ(leave.size(), 1u);
  EXPECT_EQ(leave[0].party, "customer");
  const std::vector<Finding> exclusive = On(report, "sla_uptime", "exclusive remedies");
  ASSERT_EQ(exclusive.size(), 1u);
  EXPECT_EQ(exclusive[0].party, "supplier");
  EXPECT_EQ(exclusive[0].risk, Risk::kInfo);
  const std::vector<Finding> tiers = On(report, "sla_uptime", "Credit Tier 2");
  ASSERT_EQ(tiers.size(), 1u);
  EXPECT_EQ(tiers[0].party, "customer");
}

// issue 15 #1: a right stated before any duty is its holder's ("Customer may download ... (or
// Provider will ...)"); a request made to Provider is the customer's act; a role either side
// may hold is mutual.
TEST(ReaderParty, RightsBeforeDutiesRequestsToUsAndEitherSideRoles) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n"
      "5. During the subscription, Customer may download its Hosted Data through the admin "
      "console (or Provider will otherwise deliver a copy on request).\n\n"
      "6. Requests for copies of audit reports must be sent in writing and made to the "
      "Provider's compliance team.\n\n"
      "7. This Section 7 sets out the indemnified party's exclusive remedy and the indemnifying "
      "party's entire liability for third-party claims of infringement.\n");
  const std::vector<Finding> download = On(report, "data_deletion", "may download");
  ASSERT_EQ(download.size(), 1u);
  EXPECT_EQ(download[0].party, "customer");
  const std::vector<Finding> requests = On(report, "audit_rights", "made to the");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].party, "customer");
  EXPECT_EQ(requests[0].risk, Risk::kInfo);
  EXPECT_FALSE(Says(requests[0], "right to audit"));
  const std::vector<Finding> roles = On(report, "indemnification", "exclusive remedy");
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].party, "mutual");
}

// issue 15 #3: sentences of one side that continue one paragraph are one clause, reported once;
// a sentence of the other side in the same paragraph stays a finding of its own.
TEST(ReaderDuplicates, ConsecutiveSentencesOfOneSideInOneParagraphAreOneFinding) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n"
      "6.1 Security. Provider will implement appropriate technical and organizational measures "
      "to protect Customer Personal Data. Provider will regularly monitor its compliance with "
      "those security measures.\n");
  const std::vector<Finding> security = On(report, "security_measures", "Provider will");
  ASSERT_EQ(security.size(), 1u);
  EXPECT_NE(security[0].text.find("regularly monitor"), std::string::npos);
  EXPECT_NE(security[0].text.find("organizational measures"), std::string::npos);
}

// issue 15 #4: an efforts pledge is a target, not a firm service-level commitment.
TEST(ReaderRisk, EffortsUptimeTargetIsLowAndSaysItIsATarget) {
  const Report report = Scan(
      "# Service Level Agreement\n\nProvider will use commercially reasonable efforts to make "
      "the Platform available 99.9% of the time in each calendar month.\n");
  const std::vector<Finding> found = On(report, "sla_uptime", "99.9%");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_NE(found[0].reasons.at(0).find("efforts"), std::string::npos);
}

// issue 15 #4: a certificate of deletion only on the customer's request is not the automatic
// one, and the advice does not propose what it grants; two independent readers rate it low (one
// signed letter for a deletion due anyway; GUIDELINES.md since 2026-12-07).
TEST(ReaderRisk, CertificateOfDeletionOnDemandIsLowWithItsOwnAdvice) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n9.2 After the subscription ends, Provider will delete "
      "Customer Personal Data within 45 days. Provider will issue a certificate of deletion upon "
      "Customer's request.\n");
  const std::vector<Finding> found = On(report, "data_deletion", "certificate of deletion");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  for (const std::string& text : found[0].considerations) {
    EXPECT_EQ(text.find("within 30 days after Customer's written request"), std::string::npos);
  }
}

// issue 15 #1: "its liability" belongs to the side named before it; "will receive no refund"
// limits the customer's remedy.
TEST(ReaderParty, ItsLiabilityAndARemedyRefused) {
  const Report report = Scan(
      "# Hosting Terms\n\n"
      "Despite anything else in these Terms, Provider gives no warranty, support or service "
      "level for preview features and its liability for preview features will not exceed USD "
      "500.\n\n"
      "Customer will receive no refund or other credit for Service Credits left unused.\n");
  const std::vector<Finding> preview = On(report, "liability_cap", "preview features");
  ASSERT_EQ(preview.size(), 1u);
  EXPECT_EQ(preview[0].party, "supplier");
  EXPECT_EQ(preview[0].risk, Risk::kInfo);
  const std::vector<Finding> unused = On(report, "sla_uptime", "left unused");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].party, "customer");
  EXPECT_EQ(unused[0].risk, Risk::kInfo);
}

// issue 15 #1: after a leading condition about one side, a main clause that binds both is mutual.
TEST(ReaderParty, AMainClauseOfBothSidesAfterAConditionIsMutual) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n"
      "4.4 If, within 15 days after it is told of a new Subprocessor, Customer notifies Provider "
      "in writing that Customer objects on reasonable grounds, the parties will work together in "
      "good faith to find another Subprocessor.\n");
  const std::vector<Finding> found = On(report, "subprocessors", "good faith");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].party, "mutual");
}

// issue 15 #4: each reason is true of the clause's own words.
TEST(ReaderReasons, TieredFixDeadlinesAreNotOneWindow) {
  const Report report = Scan(
      "# Security Addendum\n\nVendor will patch vulnerabilities by severity: critical "
      "vulnerabilities within 10 days, high within 45 days and medium within 120 days of "
      "discovery.\n");
  const std::vector<Finding> found = On(report, "security_measures", "critical");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(Says(found[0], "whatever their severity"));
  EXPECT_TRUE(Says(found[0], "by severity"));
  EXPECT_EQ(found[0].risk, Risk::kLow);
}

TEST(ReaderReasons, AProgrammeModelledOnAStandardDemandsNoCertificate) {
  const Report report = Scan(
      "# Security Addendum\n\nVendor will maintain an information security programme "
      "consistent with ISO/IEC 27001 and SOC 2 criteria.\n");
  for (const Finding& f : report.findings) {
    EXPECT_FALSE(Says(f, "must keep a SOC 2")) << f.text;
  }
}

TEST(ReaderReasons, ADeliveryDeadlineIsNoDeletionPeriod) {
  const Report report = Scan(
      "# Exit Schedule\n\nThe Supplier must provide the Buyer with all Buyer Data in an agreed "
      "open "
      "format within 5 Working Days of a written request.\n");
  const std::vector<Finding> found = On(report, "data_deletion", "open format");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(Says(found[0], "requires deletion within"));
  EXPECT_FALSE(Says(found[0], "gives no period"));
  EXPECT_NE(found[0].risk, Risk::kMedium);
}

TEST(ReaderReasons, ALiftedDamagesWaiverIsNotAnUncappedLiability) {
  const Report report = Scan(
      "# Master Services Agreement\n\nSection 14.2 (Consequential Damages Waiver) does not "
      "apply to any breach of Section 11 (Confidentiality).\n");
  const std::vector<Finding> found = On(report, "liability_cap", "14.2");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(Says(found[0], "unlimited"));
  EXPECT_TRUE(Says(found[0], "the cap itself still limits them"));
  EXPECT_FALSE(Advises(found[0], "instead of leaving them unlimited"));
}

TEST(ReaderReasons, LiabilityToDataSubjectsGetsNoSuperCapAdvice) {
  const Report report = Scan(
      "# Data Processing Addendum\n\nThis Addendum does not limit any liability to data "
      "subjects for their rights under data protection law.\n");
  const std::vector<Finding> found = On(report, "liability_cap", "data subjects");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_FALSE(Advises(found[0], "super-cap"));
  EXPECT_FALSE(Says(found[0], "super-cap"));
}

TEST(ReaderReasons, AnEffortsResponseTargetIsNoGuarantee) {
  const Report report = Scan(
      "# Support Policy\n\nVendor will make every attempt to respond to urgent tickets within "
      "30 minutes.\n");
  const std::vector<Finding> found = On(report, "sla_uptime", "every attempt");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_FALSE(Says(found[0], "around the clock"));
}

// issue 15 #4: parameters that drive the risk readers give: the buyer's own security policy, the
// steps of an indemnity claim, limits stated in the main agreement.
TEST(ReaderRisk, TheBuyersSecurityPolicyIsHigh) {
  const Report report = Scan(
      "# Call-Off Terms\n\n14.2 The Contractor must make sure that each system holding "
      "Authority Data is a secure system that complies with the Security Policy.\n");
  const std::vector<Finding> found = On(report, "security_measures", "Security Policy");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kHigh);
  EXPECT_TRUE(Says(found[0], "customer's own security policies"));
}

TEST(ReaderRisk, TheStepsOfAnIndemnityClaimAreLowDuties) {
  const Report report = Scan(
      "# Master Services Agreement\n\n10.4 The indemnifying party must defend the claim "
      "diligently with competent counsel and may not settle it without the indemnified party's "
      "consent.\n");
  const std::vector<Finding> found = On(report, "indemnification", "defend the claim");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].party, "mutual");
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_TRUE(Says(found[0], "steps of a claim"));
}

TEST(ReaderRisk, LimitsOfTheMainAgreementAreLowAndSaidToBeElsewhere) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n12. Each party's liability arising out of this Addendum "
      "is subject to the exclusions and limitations of liability in the Agreement.\n");
  const std::vector<Finding> found = On(report, "liability_cap", "in the Agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_TRUE(Says(found[0], "main agreement"));
}

TEST(ReaderRisk, DeletionOfEveryCopyOrPromptlyWithNoPeriodIsMedium) {
  const Report report = Scan(
      "# Exit Terms\n\n7.1 On request, the Vendor shall erase all Client Data and any copies of "
      "it that it holds.\n\n7.2 The Vendor must promptly destroy all Client Data once the "
      "services end.\n\n7.3 After the services end, the Vendor will delete the Client Data.\n");
  const std::vector<Finding> copies = On(report, "data_deletion", "any copies");
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].risk, Risk::kMedium);
  EXPECT_TRUE(Says(copies[0], "every copy"));
  const std::vector<Finding> prompt = On(report, "data_deletion", "promptly");
  ASSERT_EQ(prompt.size(), 1u);
  EXPECT_EQ(prompt[0].risk, Risk::kMedium);
  const std::vector<Finding> plain = On(report, "data_deletion", "7.3");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].risk, Risk::kLow);
  EXPECT_FALSE(Says(plain[0], "leave time to clear live systems"));
}

TEST(ReaderRisk, OpenAuditCooperationAndSelfCertificatesAreMedium) {
  const Report report = Scan(
      "# Framework Terms\n\n6.2 The Vendor must give the Auditor information and reasonable "
      "assistance upon their request.\n\n6.3 The Contractor shall deliver a self-audit "
      "certificate with a supporting audit report to the Buyer each year.\n");
  const std::vector<Finding> help = On(report, "audit_rights", "reasonable assistance");
  ASSERT_EQ(help.size(), 1u);
  EXPECT_EQ(help[0].risk, Risk::kMedium);
  EXPECT_TRUE(Says(help[0], "neither how often nor who pays"));
  const std::vector<Finding> self = On(report, "audit_rights", "self-audit");
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].risk, Risk::kMedium);
}

TEST(ReaderRisk, TerminationOverASubprocessorAndInsuranceSetElsewhereAreMedium) {
  const Report report = Scan(
      "# Data Processing Addendum\n\n5.3 If the parties cannot resolve Customer's reasonable "
      "objection to a new Subprocessor within 30 days, Customer may terminate the affected "
      "Service and receive a refund of prepaid fees.\n\n9.1 The Contractor shall, at its own "
      "cost, take out and keep the insurances specified in Schedule 5 for the whole Term.\n");
  const std::vector<Finding> leave = On(report, "subprocessors", "may terminate");
  ASSERT_EQ(leave.size(), 1u);
  EXPECT_EQ(leave[0].risk, Risk::kMedium);
  const std::vector<Finding> cover = On(report, "insurance", "Schedule 5");
  ASSERT_EQ(cover.size(), 1u);
  EXPECT_EQ(cover[0].risk, Risk::kMedium);
  EXPECT_TRUE(Says(cover[0], "not stated here"));
}

TEST(ReaderReasons, ACapThatOnlyPointsToItsExceptionsIsJudgedThere) {
  const Report report = Scan(
      "# Master Services Agreement\n\n11.1 Except as provided in Section 11.4, each party's "
      "total liability under this Agreement will not exceed the fees paid in the 12 months "
      "before the claim.\n");
  const std::vector<Finding> found = On(report, "liability_cap", "11.1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
  EXPECT_FALSE(Says(found[0], "leaves some liabilities outside the cap"));
  EXPECT_TRUE(Says(found[0], "the section it points to"));
}

TEST(ReaderRisk, ABackupDutyAndGovernmentMarkedDataAreMedium) {
  const Report report = Scan(
      "# Call-Off Terms\n\n8.2 The Contractor shall keep regular back-ups of all Authority "
      "Data in a separate location and deliver copies to the Authority every three months.\n\n"
      "8.3 The Contractor will handle the shared records as OFFICIAL-SENSITIVE and apply "
      "appropriate security measures to them.\n");
  const std::vector<Finding> backups = On(report, "data_deletion", "back-ups");
  ASSERT_EQ(backups.size(), 1u);
  EXPECT_EQ(backups[0].risk, Risk::kMedium);
  EXPECT_FALSE(Says(backups[0], "lets you keep"));
  const std::vector<Finding> marked = On(report, "security_measures", "OFFICIAL-SENSITIVE");
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0].risk, Risk::kMedium);
}

// issue 15 (open item): initials joined to a word by a hyphen ("the EU-U.S. framework") end no
// sentence, so the clause is quoted and judged whole, from its subject.
TEST(ReaderText, HyphenatedInitialsEndNoSentence) {
  const Report report = Scan(
      "7. Transfers. Provider may transfer Customer Personal Data to the U.S. only under the "
      "EU-U.S. Data Privacy Framework and will tell Customer before it does.\n");
  const std::vector<Finding> found = On(report, "international_transfers", "Data Privacy");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].text.rfind("Provider may transfer", 0), 0u) << found[0].text;
}

// issue 15 #4 (review item 1): an uptime figure the supplier only strives for is a target, not a
// firm promise, like an efforts pledge.
TEST(ReaderUptime, AFigureTheSupplierStrivesForIsATarget) {
  const Report report = Scan(
      "# Service Levels\n\n3. The Vendor strives for 99.99% monthly availability of the "
      "Platform.\n");
  const std::vector<Finding> found = On(report, "sla_uptime", "99.99%");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(Says(found[0], "firm promise"));
  EXPECT_LT(found[0].risk, Risk::kHigh);
}

// issue 15 #4 (review item 1): how available the backup store is, inside a security schedule,
// is not the service's uptime commitment.
TEST(ReaderUptime, TheAvailabilityOfBackupStorageIsNoServiceUptimeCommitment) {
  const Report report = Scan(
      "# Security Schedule\n\n5. Archive copies are kept on separate object storage, which is "
      "designed for 99.95% availability.\n");
  const std::vector<Finding> found = On(report, "sla_uptime", "99.95%");
  ASSERT_LE(found.size(), 1u);
  if (found.empty()) return;
  EXPECT_LE(found[0].risk, Risk::kLow);
  EXPECT_TRUE(Says(found[0], "not the service's uptime"));
  EXPECT_FALSE(Says(found[0], "firm promise"));
  EXPECT_FALSE(Advises(found[0], "Commit to 99.5%"));
}

// issue 15 #4 (review item 2): a report due some days after a fix does not set the fix window.
TEST(ReaderSecurity, AReportDueAfterTheFixIsNotTheFixWindow) {
  const Report report = Scan(
      "# Security Requirements\n\n6. The Vendor shall inform the Agency within 3 days after "
      "remediation of each vulnerability found in the hosted platform.\n");
  const std::vector<Finding> found = On(report, "security_measures", "after");
  ASSERT_FALSE(found.empty());
  for (const Finding& f : found) {
    auto it = f.parameters.find("fix_days");
    if (it != f.parameters.end()) {
      EXPECT_NE(std::get<double>(it->second), 3.0) << f.text;
    }
    EXPECT_FALSE(Says(f, "within 3 days")) << f.text;
  }
}

// issue 15 #4 (review item 3): "an incident that occurs" says which incidents; the clock then
// runs from nothing the clause names, not from occurrence.
TEST(ReaderNotice, AnIncidentThatOccursDoesNotStartTheClockAtOccurrence) {
  const Report report = Scan(
      "# Data Terms\n\n4. The Processor shall promptly tell the Controller of any personal data "
      "breach that occurs on its systems.\n\n5. The Host shall report any outage within 12 hours "
      "after it occurs.\n");
  const std::vector<Finding> told = On(report, "incident_notification", "promptly tell");
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(told[0].parameters.count("trigger"), 0u);
  EXPECT_FALSE(Says(told[0], "starts at occurrence"));
}

// issue 15 #4 (review item 4): a certificate of erasure given only when the customer asks is
// read as such, and rated low (GUIDELINES.md since 2026-12-07: two independent readers).
TEST(ReaderDeletion, ACertificateOnlyOnRequestIsReadAsOnRequest) {
  const Report report = Scan(
      "# Processing Terms\n\n11. The Vendor will hand the Client a signed certificate that its "
      "data was erased if the Client asks for one.\n");
  const std::vector<Finding> found = On(report, "data_deletion", "certificate");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].parameters.count("certification_on_request"), 1u);
  EXPECT_EQ(found[0].risk, Risk::kLow);
}

// issue 15 #4 (review item 5): advice the clause already grants in a neighbouring sentence of the
// same section is not offered again.
TEST(ReaderAdvice, ALimitGrantedByTheNextSentenceOfTheSectionIsNotAskedFor) {
  const Report report = Scan(
      "# Data Processing Terms\n\n## 7. Audits\n\n7.1 The Client may audit the Vendor's "
      "compliance with these terms once in any twelve-month period.\n\n7.2 The Client will "
      "give the Vendor at least forty-five days' prior written notice of each audit.\n");
  const std::vector<Finding> found = On(report, "audit_rights", "twelve-month");
  ASSERT_EQ(found.size(), 1u);
  for (const Finding& f : found) {
    EXPECT_FALSE(Advises(f, "At most one audit a year, on 30 days")) << f.text;
  }
}

// issue 15 #4 (review item 6): a figure of one takes the singular unit in reasons.
TEST(ReaderText, AFigureOfOneTakesTheSingularUnit) {
  const Report report = Scan(
      "# Hosting Terms\n\n6. The Host will tell the Customer of any security breach within 1 "
      "hour after becoming aware of it.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "1 hour");
  ASSERT_FALSE(found.empty());
  EXPECT_FALSE(Says(found[0], " 1 hours"));
  EXPECT_TRUE(Says(found[0], " 1 hour"));
}

// issue 15 #4 (review item 6): a liquidated-damages clause that mentions notification costs is
// judged on its costs; the notice rule, which found no deadline in it, adds no reason about
// notice terms.
TEST(ReaderReasons, ACostClauseGetsNoReasonAboutNoticeTerms) {
  const Report report = Scan(
      "# Data Security Clauses\n\n12. If the Vendor or its staff fail to protect the personal "
      "records or otherwise act in a way that results in a data breach, the Vendor shall, in "
      "place of actual damages, pay the Agency liquidated damages of USD 40 per affected "
      "individual in order to cover costs related to the notification, breach analysis and "
      "credit monitoring.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "liquidated damages");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(Says(found[0], "notice terms")) << found[0].reasons.back();
  EXPECT_TRUE(Says(found[0], "credit"));
}

// issue 15 #4 (review item 6): the items of a list belong to the finding of its lead-in; an item
// ("(2) Credit monitoring reports.") is not a finding of its own, and what it adds is judged
// with the lead-in.
TEST(ReaderList, AnItemOfTheLeadInsListIsJudgedWithTheLeadIn) {
  const Report report = Scan(
      "# Breach Costs\n\n7. Where a data breach is caused by the Vendor, the Vendor shall pay "
      "the Agency liquidated damages per affected individual to cover the cost of the "
      "following:\n\n(1) Notification letters.\n\n(2) Credit monitoring reports.\n\n(3) Call "
      "centre support.\n");
  const std::vector<Finding> found = On(report, "incident_notification", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].text.find("liquidated damages"), std::string::npos);
  EXPECT_NE(found[0].text.find("Credit monitoring reports"), std::string::npos);
  EXPECT_EQ(found[0].parameters.count("credit_monitoring"), 1u);
  EXPECT_TRUE(Says(found[0], "credit"));
}

}  // namespace
}  // namespace clausescan

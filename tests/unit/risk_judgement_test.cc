// The risk a careful reader gives a clause, and advice the document already grants (issue 15 #3,
// #4, #8). Documents are written here; the built-in rules judge them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "clausescan/clausescan.h"

namespace clausescan {
namespace {

Report Scan(const std::string& doc) {
  Result<RuleSet> rules = RuleSet::Builtin();
  EXPECT_TRUE(rules.ok()) << rules.error().message();
  Result<Report> report = Scanner(*rules).ScanBytes(doc, "contract.md");
  EXPECT_TRUE(report.ok()) << report.error().message();
  return report.ok() ? *report : Report{};
}

// The first finding of category whose text contains needle, or nullptr.
const Finding* Quoting(const Report& report, const std::string& category,
                       const std::string& needle) {
  for (const Finding& f : report.findings) {
    if (f.category == category && f.text.find(needle) != std::string::npos) return &f;
  }
  return nullptr;
}

// Fails unless a finding of `category` quotes `needle`, and then unless that finding's risk is
// `risk`. Call as ASSERT_NO_FATAL_FAILURE(ExpectRisk(...)) so a missing finding ends the test.
void ExpectRisk(const Report& report, const std::string& category, const std::string& needle,
                Risk risk) {
  const Finding* found = Quoting(report, category, needle);
  ASSERT_NE(found, nullptr) << category << " quoting \"" << needle << "\"";
  EXPECT_EQ(found->risk, risk) << found->rule;
}

bool Offers(const Finding& f, const std::string& words) {
  return std::any_of(f.considerations.begin(), f.considerations.end(),
                     [&](const std::string& c) { return c.find(words) != std::string::npos; });
}

// issue 15 #3: a government cloud authorisation (FedRAMP, an agency ATO) takes a year or more
// and a sponsor; it is not the SOC 2 report a small supplier keeps, so it is rated HIGH.
TEST(RiskJudgement, GovernmentCloudAuthorisationIsHigh) {
  const Report report = Scan(
      "# Security Terms\n\n"
      "## Authorisation\n\n"
      "The Vendor shall obtain a FedRAMP Moderate authorization for the hosted platform within "
      "eighteen months of award.\n\n"
      "## Certification\n\n"
      "The Vendor shall maintain an ISO/IEC 27001 certification for the hosted platform.\n");
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "security_measures", "FedRAMP", Risk::kHigh));
  // An ordinary certification stays as it was.
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "security_measures", "27001", Risk::kMedium));
}

// issue 15 #3: the items of a list headed "Exclusions:" are exclusions from the service level,
// a protection of the supplier (INFO), though no item says "excluded" itself.
TEST(RiskJudgement, ItemsUnderAnExclusionsLeadInAreExclusions) {
  const Report report = Scan(
      "# Service Level Agreement\n\n"
      "## Uptime\n\n"
      "Provider will make the Service available 99.5% of each calendar month, measured by "
      "Provider's monitoring.\n\n"
      "## Database\n\n"
      "**Downtime:**\n\n"
      "Any period in which the database of a project cannot be read or written.\n\n"
      "**Exclusions:**\n\n"
      "- Outages caused by extensions the customer installs.\n"
      "- Slow queries on tables without indexes.\n");
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "sla_uptime", "extensions the customer installs", Risk::kInfo));
}

// issue 15 #3: a sentence that only sets conditions on the customer's audits (notice, hours, who
// pays) or relieves the supplier of one protects the supplier: INFO; the audit right stays LOW.
TEST(RiskJudgement, ConditionsOnTheOtherSidesAuditsAreAProtection) {
  const Report report = Scan(
      "# Data Processing Agreement\n\n"
      "## Audits\n\n"
      "Customer may audit Vendor's compliance with this DPA once per year.\n\n"
      "All audits will be conducted on twenty (20) business days' written notice, during normal "
      "business hours and at Customer's expense.\n\n"
      "Vendor is not required to facilitate any audit until the parties have agreed its scope in "
      "writing.\n");
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "audit_rights", "All audits will be conducted", Risk::kInfo));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "audit_rights", "not required to facilitate", Risk::kInfo));
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "audit_rights", "may audit", Risk::kLow));
}

// issue 15 #3: a downtime that counts against the service level only above a share of the
// customers' projects affected keeps smaller outages out of it: a protection (INFO).
TEST(RiskJudgement, BreachOnlyAboveAThresholdIsAProtection) {
  const Report report = Scan(
      "# Service Level Agreement\n\n"
      "## Uptime\n\n"
      "Provider will make the Service available 99.5% of each calendar month.\n\n"
      "## Scope\n\n"
      "- Shared: the SLA is breached only if more than 2% of the tenants in a cluster are "
      "affected by a downtime event.\n");
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "sla_uptime", "more than 2%", Risk::kInfo));
}

// issue 15 #4: a cap on each party's liability is already mutual; only a one-sided cap is told
// to become mutual.
TEST(GrantedAdvice, MutualCapIsNotToldToBecomeMutual) {
  const Report mutual = Scan(
      "# Terms of Service\n\n"
      "## Limitation of liability\n\n"
      "Each party's total liability under this Agreement will not exceed the fees paid in the "
      "twelve months before the claim.\n");
  const Finding* cap = Quoting(mutual, "liability_cap", "Each party");
  ASSERT_NE(cap, nullptr);
  EXPECT_FALSE(Offers(*cap, "Make the cap mutual")) << cap->rule;

  const Report one_sided = Scan(
      "# Terms of Service\n\n"
      "## Limitation of liability\n\n"
      "Supplier's total liability under this Agreement will not exceed the fees paid in the "
      "twelve months before the claim.\n");
  const Finding* ours = Quoting(one_sided, "liability_cap", "Supplier's total liability");
  ASSERT_NE(ours, nullptr);
  EXPECT_TRUE(Offers(*ours, "Make the cap mutual"));
}

// issue 15 #4: the definition of a security incident, elsewhere in the document, already leaves
// out unsuccessful attempts, so the notice clause is not told to leave them out.
TEST(GrantedAdvice, UnsuccessfulAttemptsLeftOutByTheDefinition) {
  const std::string notice =
      "## Breach notice\n\n"
      "Processor will notify Controller of a Security Incident without undue delay and within "
      "72 hours after confirming it.\n";
  const Report defined = Scan(
      "# Data Processing Agreement\n\n"
      "## Definitions\n\n"
      "\"Security Incident\" means a confirmed breach of security leading to unauthorised access "
      "to Personal Data. Security Incidents do not include unsuccessful attempts or activities "
      "that do not compromise Personal Data, such as failed log-in attempts and port scans.\n\n" +
      notice);
  const Finding* granted = Quoting(defined, "incident_notification", "72 hours");
  ASSERT_NE(granted, nullptr);
  EXPECT_FALSE(Offers(*granted, "leave out unsuccessful attempts"));

  const Report plain = Scan("# Data Processing Agreement\n\n" + notice);
  const Finding* open = Quoting(plain, "incident_notification", "72 hours");
  ASSERT_NE(open, nullptr);
  EXPECT_TRUE(Offers(*open, "leave out unsuccessful attempts"));
}

// issue 15 #4: where audits apply only when the reports do not answer, the yearly on-site audit
// is not told to add that reports come first.
TEST(GrantedAdvice, ReportsFirstGrantedByAnotherClause) {
  const std::string audit =
      "## Audit conditions\n\n"
      "Customer may conduct an on-site audit of Vendor's facilities no more than once per year, "
      "on 30 days' written notice, at Customer's expense.\n";
  const Report granted = Scan(
      "# Data Processing Agreement\n\n"
      "## Reports\n\n"
      "Vendor will make its SOC 2 Type II report available to Customer on request. Customer may "
      "audit Vendor only to the extent the report does not provide sufficient information to "
      "verify Vendor's compliance.\n\n" +
      audit);
  const Finding* yearly = Quoting(granted, "audit_rights", "once per year");
  ASSERT_NE(yearly, nullptr);
  EXPECT_FALSE(Offers(*yearly, "first relies on")) << yearly->rule;

  const Report alone = Scan("# Data Processing Agreement\n\n" + audit);
  const Finding* open = Quoting(alone, "audit_rights", "once per year");
  ASSERT_NE(open, nullptr);
  EXPECT_TRUE(Offers(*open, "first relies on")) << open->rule;
}

// issue 15 s9 #1: being held to the customer's own security rules is the same demand whatever
// words the contract uses for them: the buyer named by its role with words in between, its
// policies "relating to information security", requirements "issued by" it. The supplier's own
// policy stays an ordinary commitment.
TEST(RiskJudgement, CustomersOwnSecurityRulesInOtherWordsAreHigh) {
  const Report report = Scan(
      "# Security\n\n"
      "1. Vendor shall adhere to all of Client's IT security standards when it works on Client "
      "systems.\n\n"
      "2. The Contractor shall follow the Buyer's physical and network security procedures, as "
      "the Buyer may revise them during the term.\n\n"
      "3. Supplier will keep to the security requirements issued by the Customer whenever its "
      "staff connect to the Customer network.\n\n"
      "4. Provider will maintain and follow its written information security policy, reviewed "
      "once a year.\n");
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "security_measures", "IT security standards", Risk::kHigh));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "security_measures", "network security procedures", Risk::kHigh));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "security_measures", "requirements issued by", Risk::kHigh));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "security_measures", "its written information", Risk::kLow));
}

// issue 15 s9 #3: the customer testing or scanning the supplier's systems itself is an
// inspection of the supplier by other means, judged as one: with a yearly limit and notice,
// medium, with the advice of an audit (rely on the supplier's own test first, once a year, notice,
// an agreed scope), in the audit finding and in the security finding of the same sentence; with
// neither, high, as an on-site audit at will. The supplier's own yearly test stays low.
TEST(RiskJudgement, SecurityTestsOfOurSystemsByTheCustomerAreLikeAnInspection) {
  const Report report = Scan(
      "# Security testing\n\n"
      "1. Customer may run vulnerability scans against the systems Supplier uses for the "
      "Services once a year, on 30 days' notice.\n\n"
      "2. Supplier will have an independent firm carry out a penetration test of the Service "
      "once a year.\n\n"
      "3. The Buyer may carry out penetration tests of the Supplier's hosted environment with "
      "testers of its choosing.\n");
  for (const std::string category : {"audit_rights", "security_measures"}) {
    const Finding* scans = Quoting(report, category, "vulnerability scans");
    ASSERT_NE(scans, nullptr) << category;
    EXPECT_EQ(scans->risk, Risk::kMedium) << category << " " << scans->rule;
    EXPECT_EQ(scans->party, "customer") << category;
    EXPECT_TRUE(Offers(*scans, "penetration test summary")) << category;
  }
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "security_measures", "independent firm", Risk::kLow));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "audit_rights", "testers of its choosing", Risk::kHigh));
}

// issue 15 s9 #4: information or records the other side may ask for whenever it chooses ("from
// time to time", "at all reasonable times") are an open-ended demand: medium; on request alone,
// or once a year, they stay the usual low.
TEST(RiskJudgement, RecordsAndAssurancesWheneverAskedAreMedium) {
  const Report report = Scan(
      "# Assurance\n\n"
      "1. From time to time the Client may ask the Vendor for evidence of compliance with this "
      "Agreement, which the Vendor must give promptly.\n\n"
      "2. The Vendor shall keep its records of the Services and make them available for "
      "examination at its offices at all reasonable times during the term.\n\n"
      "3. Upon request, the Vendor will give the Client a copy of its current SOC 2 Type II "
      "report.\n");
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "audit_rights", "From time to time", Risk::kMedium));
  ASSERT_NO_FATAL_FAILURE(
      ExpectRisk(report, "audit_rights", "all reasonable times", Risk::kMedium));
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "audit_rights", "Upon request", Risk::kLow));
}

// issue 15 s9 #4: deleting every copy, the sub-processors' included, within 30 days with no word
// on backups takes in backups, which usually age out over 30 to 90 days: medium (the guideline's
// "deletion including backups within 30 days"). Backups left to their rotation stay low.
TEST(RiskJudgement, EveryCopyWithinAMonthTakesInBackups) {
  const Report report = Scan(
      "# Deletion\n\n"
      "1. Within thirty (30) days after the Agreement ends, the Vendor shall delete all copies of "
      "Customer Data held by the Vendor or any of its sub-processors.\n\n"
      "2. Within thirty (30) days after the Agreement ends, the Vendor shall delete Customer Data "
      "from its production systems; backups are overwritten in the normal rotation within 90 "
      "days.\n");
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "data_deletion", "all copies", Risk::kMedium));
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "data_deletion", "production systems", Risk::kLow));
}

// issue 15 s9 #4: copies of the insurance policies themselves whenever the customer asks are more
// than the usual certificate: medium. A certificate on request stays low.
TEST(RiskJudgement, InsurancePoliciesOnDemandAreMedium) {
  const Report report = Scan(
      "# Insurance\n\n"
      "1. The Supplier must deliver to the Customer certified copies of its insurance policies at "
      "any time the Customer asks.\n\n"
      "2. The Supplier will provide a certificate of insurance to the Customer on request.\n");
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "insurance", "certified copies", Risk::kMedium));
  ASSERT_NO_FATAL_FAILURE(ExpectRisk(report, "insurance", "certificate of insurance", Risk::kLow));
}

}  // namespace
}  // namespace clausescan

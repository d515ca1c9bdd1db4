// Whose duty or right each finding is, and how it is judged from the user's side, on small
// contracts that name their parties by company name (issue 15 #1).
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

// A reseller agreement between a supplier and its reseller named by company name only; which
// is which shows in the supplier's product ("the Brightwave Platform").
std::string ResellerAgreement(const std::string& clauses) {
  return "This Reseller Agreement is made between Brightwave Inc., a company incorporated in "
         "Ontario (\"Brightwave\"), and Corvid Corp., a company incorporated in Quebec "
         "(\"Corvid\").\n\n"
         "1. Brightwave grants Corvid the right to resell the Brightwave Platform. Corvid may "
         "resell the Brightwave Platform to End Users.\n\n" +
         clauses;
}

Report Scan(const std::string& text, ScanOptions options = {}) {
  return test_scan::ScanText(text, "contract.txt", options);
}

// The findings whose clause contains `words`.
std::vector<Finding> On(const Report& report, const std::string& words) {
  std::vector<Finding> out;
  for (const Finding& f : report.findings) {
    if (f.text.find(words) != std::string::npos) out.push_back(f);
  }
  return out;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += f.rule + " " + std::string(RiskName(f.risk)) + " party=" + f.party + " side=" + f.side +
           " holds=" + f.holds + "\n";
  }
  return out;
}

// issue 15 #1: the supplier's right to audit its reseller is no audit of us.
TEST(PartyPerspective, SupplierAuditOfItsResellerIsNotRatedAsAnAuditOfUs) {
  const Report report = Scan(ResellerAgreement(
      "2. Right to Audit. Corvid will provide Brightwave and its representatives, auditors and "
      "inspectors, upon ten (10) Business Days prior written notice, with reasonable access, "
      "during business hours, to all facilities and systems used to resell the Brightwave "
      "Platform, so that Brightwave may audit and inspect compliance with this Agreement.\n"));
  const std::vector<Finding> audit = On(report, "Corvid will provide Brightwave");
  ASSERT_FALSE(audit.empty());
  for (const Finding& f : audit) {
    EXPECT_EQ(f.risk, Risk::kInfo) << Describe(audit);
    EXPECT_EQ(f.party, "customer") << Describe(audit);
    EXPECT_EQ(f.party_name, "Corvid");
    EXPECT_EQ(f.side, "them");
    EXPECT_EQ(f.holds, "duty");
  }
}

// issue 15 #1: a right the supplier holds, written as a right.
TEST(PartyPerspective, OurRightToAuditIsOurRightAndNoRisk) {
  const Report report = Scan(ResellerAgreement(
      "2. Brightwave shall have the right to audit the premises of Corvid once a year.\n"));
  const std::vector<Finding> audit = On(report, "shall have the right to audit");
  ASSERT_FALSE(audit.empty());
  for (const Finding& f : audit) {
    EXPECT_EQ(f.risk, Risk::kInfo) << Describe(audit);
    EXPECT_EQ(f.side, "us");
    EXPECT_EQ(f.holds, "right");
    EXPECT_EQ(f.party_name, "Brightwave");
  }
}

// issue 15 #1: the same clause with the reseller as the user is their audit of us.
TEST(PartyPerspective, TheSupplierAuditIsARiskWhenTheUserIsTheReseller) {
  ScanOptions options;
  options.party = "corvid";
  const Report report = Scan(ResellerAgreement("2. Brightwave shall have the right to audit the "
                                               "premises of Corvid at any time.\n"),
                             options);
  const std::vector<Finding> audit = On(report, "shall have the right to audit");
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].side, "them");
  EXPECT_EQ(audit[0].risk, Risk::kHigh) << Describe(audit);
  EXPECT_EQ(report.document.user_side, "customer");
}

// issue 15 #1: the reseller's duty to secure its own login credentials is not our security
// commitment.
TEST(PartyPerspective, CustomerDutyToSecureItsLoginsIsNotOurSecurityCommitment) {
  const Report report = Scan(ResellerAgreement(
      "2. Corvid shall control and maintain the security of all authentication credentials "
      "issued to its End Users.\n"));
  for (const Finding& f : On(report, "authentication credentials")) {
    EXPECT_NE(f.side, "us") << Describe(On(report, "authentication credentials"));
    EXPECT_NE(f.party, "") << Describe(On(report, "authentication credentials"));
    EXPECT_EQ(f.risk, Risk::kInfo);
  }
}

// issue 15 #1 (user review, Supabase DPA): the customer's duty stated after "is not permitted
// to ... and shall not ..." keeps its subject: it is the customer's, not our duty.
TEST(PartyPerspective, CustomerDutyAfterAndKeepsTheCustomerAsItsHolder) {
  const Report report = Scan(
      "This Data Processing Addendum is made between Lindqvist Cloud AB (\"Provider\") and the "
      "organisation that signs it (\"Customer\").\n\n"
      "1. Provider shall encrypt Customer Personal Data at rest and in transit.\n\n"
      "2. Despite the above, Customer is not allowed to upload and shall not upload payment card "
      "data to the Services unless it first encrypts that data with its own keys, and Customer "
      "shall remain responsible for the security of those keys.\n");
  const std::vector<Finding> findings = On(report, "payment card");
  ASSERT_FALSE(findings.empty());
  for (const Finding& f : findings) {
    EXPECT_EQ(f.party, "customer") << Describe(findings);
    EXPECT_EQ(f.side, "them") << Describe(findings);
  }
}

// issue 15 #1: the reseller's indemnity is not filed as the supplier's.
TEST(PartyPerspective, CustomerIndemnityIsNotTheSuppliersIndemnity) {
  const Report report = Scan(ResellerAgreement(
      "2. Corvid shall defend at its own expense any Claim brought against Brightwave to the "
      "extent the Claim arises from End User Data.\n"));
  for (const Finding& f : On(report, "defend at its own expense")) {
    EXPECT_NE(f.rule, "indemnification.supplier") << Describe(On(report, "defend"));
    EXPECT_EQ(f.side, "them");
  }
}

// issue 15 #1: a regulator's inspection is not an on-site audit by the other side.
TEST(PartyPerspective, RegulatorInspectionIsNotAnAuditOfUsByTheCustomer) {
  const Report report = Scan(ResellerAgreement(
      "2. Brightwave shall permit Regulatory Authorities to conduct inspections of any facility "
      "at which the Brightwave Platform is hosted.\n"));
  const std::vector<Finding> audit = On(report, "Regulatory Authorities");
  ASSERT_FALSE(audit.empty());
  for (const Finding& f : audit) {
    EXPECT_EQ(f.risk, Risk::kInfo) << Describe(audit);
    ASSERT_FALSE(f.reasons.empty());
    EXPECT_NE(f.reasons[0].find("third party (regulatory authorities)"), std::string::npos)
        << f.reasons[0];
  }
}

// issue 15 #1: an independent accountant settling a fee dispute is neither side's audit.
TEST(PartyPerspective, IndependentAccountantSettlingFeesIsAThirdParty) {
  const Report report = Scan(ResellerAgreement(
      "2. If Brightwave and Corvid fail to agree on the disputed fees, the amounts in dispute "
      "shall be submitted for resolution to a firm of independent certified public accountants, "
      "whose audit of the fee statements shall be final.\n"));
  const std::vector<Finding> audit = On(report, "independent certified public accountants");
  ASSERT_FALSE(audit.empty());
  for (const Finding& f : audit) {
    EXPECT_LT(f.risk, Risk::kMedium) << Describe(audit);
    EXPECT_EQ(f.party, "third") << Describe(audit);
    EXPECT_EQ(f.side, "neither");
    EXPECT_EQ(f.party_name, "independent certified public accountants");
  }
}

// issue 15 #1: with --party customer the supplier's duties are protections, not risks.
TEST(PartyPerspective, SupplierDutyIsNoRiskToTheCustomer) {
  const std::string clause =
      "Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of "
      "its occurrence.\n";
  const Report supplier = Scan(clause);
  ASSERT_EQ(supplier.findings.size(), 1u);
  EXPECT_EQ(supplier.findings[0].risk, Risk::kHigh);
  EXPECT_EQ(supplier.findings[0].side, "us");
  ScanOptions options;
  options.party = "Customer";
  const Report customer = Scan(clause, options);
  ASSERT_EQ(customer.findings.size(), 1u);
  const Finding& f = customer.findings[0];
  EXPECT_EQ(f.risk, Risk::kInfo);
  EXPECT_EQ(f.party, "supplier");
  EXPECT_EQ(f.side, "them");
  EXPECT_TRUE(f.positions.empty());
}

// A carve-out from the cap for both sides, judged with --party customer: it binds the customer
// as much as the supplier, and the playbook's medium (a supplier's exposure) is no customer's
// verdict; its reasons, positions and advice are a supplier's and go (engine limits of session
// 11; issue 15 #1, Common Paper DPA 101).
TEST(PartyPerspective, AMutualDutyIsTheCustomersToCheckNotASuppliersRisk) {
  const std::string contract =
      "This agreement is between Delta Buyer plc (the \"Customer\") and Epsilon Hosting Ltd (the "
      "\"Supplier\").\n\n9.1 Each party's total liability under this Agreement shall not exceed "
      "the fees paid in the twelve months before the claim.\n\n9.2 The limits in clause 9.1 do "
      "not apply to either party's liability for breach of its data protection obligations.\n";
  const std::vector<Finding> supplier = On(Scan(contract), "The limits in clause 9.1");
  ASSERT_EQ(supplier.size(), 1u);
  EXPECT_EQ(supplier[0].party, "mutual");
  EXPECT_EQ(supplier[0].risk, Risk::kMedium);
  ScanOptions options;
  options.party = "customer";
  const std::vector<Finding> customer = On(Scan(contract, options), "The limits in clause 9.1");
  ASSERT_EQ(customer.size(), 1u);
  const Finding& f = customer[0];
  EXPECT_EQ(f.party, "mutual");
  EXPECT_EQ(f.risk, Risk::kLow);
  ASSERT_EQ(f.reasons.size(), 1u) << f.reasons.back();
  EXPECT_NE(f.reasons[0].find("us as the customer too"), std::string::npos) << f.reasons[0];
  EXPECT_TRUE(f.positions.empty());
  EXPECT_TRUE(f.considerations.empty());
}

// The finding of the clause that contains words, scanned from the customer's side.
Finding AsCustomer(const std::string& contract, const std::string& words) {
  ScanOptions options;
  options.party = "customer";
  const std::vector<Finding> found = On(Scan(contract, options), words);
  EXPECT_EQ(found.size(), 1u) << Describe(found);
  return found.empty() ? Finding{} : found[0];
}

bool Mentions(const std::vector<std::string>& texts, const std::string& words) {
  for (const std::string& text : texts) {
    if (text.find(words) != std::string::npos) return true;
  }
  return false;
}

struct BuyerCase {
  const char* text;
  const char* words;  // in the clause's text
  Risk risk;
  const char* position;  // the buyer's position that applies; "" for none
  const char* advice;    // words of the buyer's proposal
};

// issue 15 #1: the supplier's duties are judged by what the customer needs from them. A
// processor's 72 hours leaves a controller, which must notify its own authority within 72 hours,
// nothing; two business days leave it little; a day is enough. A duty to delete with no deadline
// gives the buyer no date; a month is enough. Where the duty is enough, it asks nothing of the
// buyer; where not, the reason and the proposal are the buyer's, never the supplier's advice.
TEST(PartyPerspective, TheSuppliersDutyIsJudgedByWhatTheBuyerNeeds) {
  const BuyerCase cases[] = {
      {"The Processor shall inform the Controller of a Personal Data Breach without undue delay "
       "and at the latest within seventy-two hours of becoming aware of it.\n",
       // read23 #6: the Art. 33(2) duty with a 72-hour outer limit is MEDIUM; a bare 72 hours
       // stays HIGH (UndueDelayWithAnOuterLimitIsNotABare72Hours)
       "shall inform the Controller", Risk::kMedium,
       "customer-notify-window-long-past-own-deadline-undue-delay", "within 24 hours"},
      {"Vendor will notify Company in writing of any Security Breach no later than two (2) "
       "business days after Vendor discovers it.\n",
       "Vendor will notify Company", Risk::kMedium, "customer-notify-business-days-long",
       "within 24 hours"},
      {"The Contractor must notify the Customer of an Information Security Incident within 24 "
       "hours after becoming aware of it.\n",
       "The Contractor must notify", Risk::kInfo, "", ""},
      {"Upon expiry of this Agreement the Service Provider shall return or destroy all Client "
       "Data, at the Client's election.\n",
       "shall return or destroy", Risk::kMedium, "customer-delete-no-period", "within 30 days"},
      {"Supplier will delete the Customer Data within thirty (30) days after termination.\n",
       "Supplier will delete", Risk::kInfo, "", ""},
      // A certificate given when asked for is no deletion without a deadline.
      {"The Processor will give the Controller a certificate of deletion if the Controller asks "
       "for one.\n",
       "certificate of deletion", Risk::kInfo, "", ""},
  };
  for (const BuyerCase& c : cases) {
    const Finding f = AsCustomer(c.text, c.words);
    EXPECT_EQ(f.party, "supplier") << c.words;
    EXPECT_EQ(f.side, "them") << c.words;
    EXPECT_EQ(f.risk, c.risk) << c.words << "\n" << Describe({f});
    if (std::string(c.position).empty()) {
      EXPECT_TRUE(f.positions.empty()) << c.words;
      EXPECT_TRUE(f.considerations.empty()) << c.words;
      continue;
    }
    EXPECT_EQ(f.positions, std::vector<std::string>{c.position}) << c.words;
    EXPECT_TRUE(Mentions(f.considerations, c.advice)) << c.words;
    EXPECT_FALSE(Mentions(f.considerations, "after confirming")) << c.words;  // a supplier's
  }
}

// issue 15 #2: a name the contract does not give is an error that lists the names it gives.
TEST(PartyPerspective, UnknownPartyNameIsAnErrorListingTheParties) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok());
  ScanOptions options;
  options.party = "Acme";
  Result<Report> report = Scanner(*rules, options).ScanBytes(ResellerAgreement(""), "contract.txt");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(report.error().message().find("Brightwave"), std::string::npos)
      << report.error().message();
  EXPECT_NE(report.error().message().find("Corvid"), std::string::npos);
  EXPECT_NE(report.error().message().find("contract.txt"), std::string::npos);
}

// issue 15 #3: the report lists the parties and which is the user's.
TEST(PartyPerspective, ReportListsThePartiesAndTheirSides) {
  const Report report = Scan(ResellerAgreement(""));
  ASSERT_EQ(report.document.parties.size(), 2u);
  EXPECT_EQ(report.document.parties[0].name, "Brightwave Inc.");
  EXPECT_EQ(report.document.parties[0].role, "supplier");
  EXPECT_EQ(report.document.parties[0].side, "us");
  EXPECT_EQ(report.document.parties[1].terms, std::vector<std::string>{"Corvid"});
  EXPECT_EQ(report.document.parties[1].side, "them");
}

}  // namespace
}  // namespace clausescan

namespace clausescan {
namespace {

bool FlagSet(const Finding& f, const std::string& name) {
  auto it = f.parameters.find(name);
  return it != f.parameters.end() && std::get_if<bool>(&it->second) != nullptr &&
         std::get<bool>(it->second);
}

// issue 15 s9 #3: the customer running its own penetration test is the customer's testing; its
// asking for a summary of the supplier's test is not. The words that tell them apart are rule
// data (the `runs_test` flag), which the report does not show.
TEST(PartyPerspective, CustomersOwnSecurityTestIsTheCustomersTestingAndItsFlagIsNotShown) {
  const Report report = test_scan::ScanText(
      "# Security\n\n1. Customer may perform penetration tests of the Service, and Supplier will "
      "remediate any vulnerabilities found within 30 days.\n\n2. Customer may request a summary "
      "of the penetration tests the Supplier has performed, and Supplier will remediate "
      "vulnerabilities within 30 days.\n",
      "addendum.md");
  const std::vector<Finding> own = test_scan::On(report, "security_measures", "may perform");
  ASSERT_FALSE(own.empty());
  EXPECT_TRUE(FlagSet(own[0], "customer_testing"));
  EXPECT_EQ(own[0].parameters.count("runs_test"), 0u);
  const std::vector<Finding> summary = test_scan::On(report, "security_measures", "summary");
  ASSERT_FALSE(summary.empty());
  EXPECT_FALSE(FlagSet(summary[0], "customer_testing"));
  EXPECT_EQ(summary[0].parameters.count("runs_test"), 0u);
}

// read22 #4 (Common Paper DPA 5.2): an acknowledgement is judged by whose the acknowledged thing
// is: the provider's regular audits are the provider's, not a duty of the customer.
TEST(PartyPerspective, AnAcknowledgementIsWhoseTheAcknowledgedThingIs) {
  const Report report = Scan(
      "5. Audits\n\nCustomer acknowledges that Provider is regularly audited against the "
      "standards defined in the Security Policy by independent third-party auditors.\n");
  std::vector<const Finding*> audits;
  for (const Finding& f : report.findings) {
    if (f.category == "audit_rights") audits.push_back(&f);
  }
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0]->party, "supplier");
}

// Reading review of the merged main (fortrabbit DPA 57): "can" gives leave as "may" does; the
// client's power to reject subcontractors was read as the client's duty, asking nothing of us.
TEST(PartyPerspective, CanGivesARightAsMayDoes) {
  const Report report = Scan(
      "5. Subcontractors\n\n5.2 The contractor may engage further subcontractors after notifying "
      "the client in writing. The client can reject a new subcontractor.\n");
  const Finding* objection = nullptr;
  for (const Finding& f : report.findings) {
    if (f.category == "subprocessors" && f.text.find("can reject") != std::string::npos) {
      objection = &f;
    }
  }
  ASSERT_NE(objection, nullptr);
  EXPECT_EQ(objection->party, "customer");
  EXPECT_EQ(objection->holds, "right");
}

// read22 #4 (Bonterms DPA 4.3): a clause of one side that states its right and then its duty to
// notify is its duty, not its right.
TEST(PartyPerspective, ANoticeDutyAfterARightOfTheSameSideIsADuty) {
  const Report report = Scan(
      "4. Subprocessors\n\n4.3 Notice of New Subprocessors. Provider may update the "
      "Subprocessor List from time to time. At least 30 days before any new Subprocessor "
      "Processes any Customer Personal Data, Provider will add such Subprocessor to the "
      "Subprocessor List and notify Customer by email.\n");
  const Finding* notice = nullptr;
  for (const Finding& f : report.findings) {
    if (f.category == "subprocessors" && f.text.find("notify Customer") != std::string::npos) {
      notice = &f;
    }
  }
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(notice->party, "supplier");
  EXPECT_EQ(notice->holds, "duty");
}

// read23 (fortrabbit terms 2.18): a sentence that names one side only as the one indemnified
// ("the obligation to completely indemnify the provider") is the other side's indemnity; it was
// filed as the provider's own.
TEST(PartyPerspective, TheSideIndemnifiedIsNotTheIndemnitor) {
  const Report report = Scan(
      "2. Duties of the client\n\n2.18 The client is obligated to exempt the provider from all "
      "claims of third parties which arise from the illegality of contents that the client has "
      "stored. This obligation of indemnity shall also include the obligation to completely "
      "indemnify the provider from any legal defense costs.\n");
  const std::vector<Finding> indemnity = On(report, "completely indemnify the provider");
  ASSERT_FALSE(indemnity.empty()) << Describe(report.findings);
  for (const Finding& f : indemnity) {
    EXPECT_EQ(f.party, "customer") << Describe(indemnity);
    EXPECT_EQ(f.side, "them") << Describe(indemnity);
  }
}

// read23 (fortrabbit DPA 7.4): "the client must be entitled to carry out inspections" is the
// client's right, which the contractor must secure; it was read as the client's duty (INFO for
// the supplier, HIGH for the customer).
TEST(PartyPerspective, MustBeEntitledIsARight) {
  const std::string text =
      "7. Subcontracting\n\n7.4 The rights of the client must also be exercised effectively "
      "against the subcontractor. In particular, the client must be entitled to carry out "
      "inspections at subcontractors at any time, or have them carried out by third parties.\n";
  const std::vector<Finding> supplier = On(Scan(text), "must be entitled");
  ASSERT_FALSE(supplier.empty());
  for (const Finding& f : supplier) {
    EXPECT_EQ(f.party, "customer") << Describe(supplier);
    EXPECT_EQ(f.holds, "right") << Describe(supplier);
    EXPECT_NE(f.risk, Risk::kInfo) << Describe(supplier);
  }
  ScanOptions as_customer;
  as_customer.party = "customer";
  for (const Finding& f : On(Scan(text, as_customer), "must be entitled")) {
    EXPECT_EQ(f.side, "us") << f.text;
    EXPECT_EQ(f.risk, Risk::kInfo) << f.text;
  }
}

// read23 #6 (Common Paper DPA 4.1, --party customer): notice "without undue delay ..., but no
// later than 72 hours" is the processor's duty under GDPR Art. 33(2) with an outer limit; it was
// rated HIGH as if the supplier simply had 72 hours. A bare 72 hours stays HIGH.
TEST(PartyPerspective, UndueDelayWithAnOuterLimitIsNotABare72Hours) {
  ScanOptions as_customer;
  as_customer.party = "customer";
  const std::string lead =
      "4. Security Incidents\n\n4.1 Upon becoming aware of any Security Incident, ";
  const Report undue = Scan(lead +
                                "Provider will notify Customer without undue delay when feasible, "
                                "but no later than 72 hours after becoming aware of the Security "
                                "Incident.\n",
                            as_customer);
  const std::vector<Finding> capped = On(undue, "no later than 72 hours");
  ASSERT_FALSE(capped.empty());
  for (const Finding& f : capped) {
    if (f.rule != "incident-notification.window") continue;
    EXPECT_EQ(f.risk, Risk::kMedium) << Describe(capped);
  }
  const Report bare = Scan(lead + "Provider will notify Customer within 72 hours.\n", as_customer);
  const std::vector<Finding> plain = On(bare, "within 72 hours");
  ASSERT_FALSE(plain.empty());
  for (const Finding& f : plain) {
    if (f.rule != "incident-notification.window") continue;
    EXPECT_EQ(f.risk, Risk::kHigh) << Describe(plain);
  }
}

}  // namespace
}  // namespace clausescan

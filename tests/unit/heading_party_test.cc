// A heading that names whose responsibilities follow gives the side of the duties under it that
// name no holder (params/heading_party.h): "Your responsibilities" in a service's terms to its
// users, "Customer responsibilities" in a services agreement, "Responsibilities of the Buyer" in
// UK public-sector drafting, and "Your responsibilities" in a buyer's code for its vendors, where
// "you" is the supplier.
#include "params/heading_party.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using internal::Party;
using internal::PartyLexicon;
using internal::PartyOfHeading;

PartyLexicon ServiceTermsLexicon() {
  PartyLexicon lexicon;
  lexicon.supplier = {"provider", "supplier", "we"};
  lexicon.customer = {"customer", "buyer", "you"};
  lexicon.mutual = {"each party", "the parties"};
  return lexicon;
}

TEST(HeadingParty, HeadingsOfOneSidesResponsibilitiesNameThatSide) {
  const PartyLexicon lexicon = ServiceTermsLexicon();
  const struct {
    const char* title;
    Party party;
  } kRows[] = {
      {"Your responsibilities", Party::kCustomer},
      {"You have security responsibilities", Party::kCustomer},
      {"5. Customer Responsibilities", Party::kCustomer},
      {"Responsibilities of the Buyer", Party::kCustomer},
      {"Our obligations", Party::kSupplier},
      {"**Supplier Obligations**", Party::kSupplier},
      {"Keep your form team up to date", Party::kCustomer},
      {"Understand the classification of your data", Party::kCustomer},
      // No side, both sides, or no duties and no instruction.
      {"Roles and Responsibilities", Party::kUnknown},
      {"Responsibilities of the Parties", Party::kUnknown},
      {"Customer and Provider responsibilities", Party::kUnknown},
      {"Use of your data", Party::kUnknown},
      {"How we protect your data", Party::kUnknown},
      {"Your data", Party::kUnknown},
      {"Security", Party::kUnknown},
  };
  for (const auto& row : kRows) {
    EXPECT_EQ(PartyOfHeading(row.title, lexicon), row.party) << row.title;
  }
}

// A document that writes as "we" and does not say who "you" is gives neither pronoun a side:
// "you" is then the customer, the side opposite to the one unnamed duties are read as.
TEST(HeadingParty, YourIsTheCustomersWhenTheDocumentGivesThePronounsNoSide) {
  PartyLexicon lexicon = ServiceTermsLexicon();
  lexicon.supplier.pop_back();  // "we"
  lexicon.customer.pop_back();  // "you"
  EXPECT_EQ(PartyOfHeading("Your responsibilities", lexicon), Party::kCustomer);
  EXPECT_EQ(PartyOfHeading("Manage and protect the PII of your users", lexicon), Party::kCustomer);
  EXPECT_EQ(PartyOfHeading("Our responsibilities", lexicon), Party::kSupplier);
  lexicon.customer.push_back("we");  // a buyer writing as "we": "you" is the supplier
  EXPECT_EQ(PartyOfHeading("Your responsibilities", lexicon), Party::kSupplier);
}

TEST(HeadingParty, SectionsTakeTheSideOfTheNearestHeadingThatGivesOne) {
  const PartyLexicon lexicon = ServiceTermsLexicon();
  std::vector<internal::Section> sections(4);
  sections[0].title = "Customer responsibilities";
  sections[0].level = 1;
  sections[1].title = "Access control";
  sections[1].level = 2;
  sections[2].title = "Security";
  sections[2].level = 1;
  sections[3].title = "Passwords";
  sections[3].level = 2;
  const std::vector<Party> parties = internal::PartiesOfSections(sections, lexicon);
  EXPECT_EQ(parties, (std::vector<Party>{Party::kCustomer, Party::kCustomer, Party::kUnknown,
                                         Party::kUnknown}));
}

TEST(HeadingParty, InstructionsOpenWithNoSubject) {
  for (const char* instruction :
       {"* use two factor authentication", "* remove people no longer requiring access",
        "always follow these steps: * use a modern browser", "(a) implement controls based on law",
        "* communicate with the form submitters about incidents."}) {
    EXPECT_FALSE(internal::OpensWithSubject(instruction)) << instruction;
  }
  for (const char* statement :
       {"* chefs securely stores the form submission information",
        "* chefs and its underlying subsystems and infrastructure are approved for protected b",
        "the provider encrypts all data at rest", "1. it is your responsibility to comply"}) {
    EXPECT_TRUE(internal::OpensWithSubject(statement)) << statement;
  }
}

TEST(HeadingParty, ARowOfATableOfRolesNamesWhoseDutiesItsCellsState) {
  const PartyLexicon lexicon = ServiceTermsLexicon();
  const std::string table =
      "Roles:\n\n| Actor | Duties |\n| --- | --- |\n| National CERT | Coordinates the response |\n"
      "| CSP | Reports incidents |\n| Customer | Reviews reports |\n\n| Tier | Credit |\n| --- | "
      "--- |\n| Gold | 10% of fees |\n";
  const auto row = [&](const char* words) {
    return internal::HolderOfTableRow(table, table.find(words), lexicon);
  };
  EXPECT_EQ(row("National CERT").third, "National CERT");
  EXPECT_EQ(row("National CERT").side, Party::kUnknown);
  EXPECT_EQ(row("Reports incidents").side, Party::kSupplier);
  EXPECT_TRUE(row("Reports incidents").third.empty());
  EXPECT_EQ(row("Reviews reports").side, Party::kCustomer);
  // The header itself, a table of something else, and text outside any table name no one.
  EXPECT_TRUE(row("Actor").third.empty());
  EXPECT_TRUE(row("Gold").third.empty());
  EXPECT_EQ(row("Gold").side, Party::kUnknown);
  EXPECT_TRUE(row("Roles").third.empty());
}

// A table of the roles in an incident process: the duties of each other stakeholder are
// theirs, not the provider's.
TEST(HeadingParty, DutiesInATableOfRolesAreTheRowsRoles) {
  const std::string document =
      "# Incident Communication\n\nThe Provider must notify the Customer of any security incident "
      "within 24 hours.\n\n## Roles\n\n| Stakeholder | Responsibility |\n| --- | --- |\n"
      "| National CERT | Notifies affected agencies of security incidents and coordinates the "
      "response |\n| CSP | Notifies the Customer of security incidents within one hour |\n";
  const Report report = test_scan::ScanText(document, "playbook.md");
  const std::vector<Finding> cert =
      test_scan::On(report, "incident_notification", "National CERT");
  ASSERT_FALSE(cert.empty()) << test_scan::Describe(report);
  EXPECT_EQ(cert.front().party, "third") << test_scan::Describe(report);
  EXPECT_EQ(cert.front().party_name, "National CERT");
  EXPECT_EQ(cert.front().risk, Risk::kInfo);
  const std::vector<Finding> csp = test_scan::On(report, "incident_notification", "| CSP");
  ASSERT_FALSE(csp.empty()) << test_scan::Describe(report);
  EXPECT_EQ(csp.front().party, "supplier") << test_scan::Describe(report);
}

struct Expected {
  const char* document;
  const char* category;
  const char* words;  // in the finding's clause
  const char* party;
};

// A service's terms to the organisations that use it ("we" the service, "you" the user).
const char kServiceTerms[] =
    "# Hosted Survey Service Terms\n\nWe run the hosted survey service for your organisation. We "
    "will notify you of any security incident affecting your data within 48 hours. We encrypt all "
    "stored responses.\n\n## Your responsibilities\n\n* Use multi-factor authentication for every "
    "account\n* Notify the service desk of any security incident involving respondents' data\n\n"
    "## Keep your team list up to date\n\n* Remove access for people who leave your team\n";
// A services agreement with a section of the customer's duties.
const char kServicesAgreement[] =
    "# Master Services Agreement\n\nThis agreement is between Nimbus Ltd (the \"Provider\") and "
    "Orion plc (the \"Customer\").\n\n## 4. Provider obligations\n\n4.1 The Provider shall notify "
    "the Customer of a Security Incident within 24 hours.\n\n## 5. Customer responsibilities\n\n"
    "* Use multi-factor authentication for all administrator accounts.\n* Encrypt all laptops "
    "used to access the Services.\n* Report any security incident affecting the accounts without "
    "undue delay.\n";
// UK public-sector drafting: the Buyer's duties under their own heading.
const char kCallOff[] =
    "# Call-Off Contract\n\nThis Contract is made between the Secretary of State (the \"Buyer\") "
    "and Widget Services Ltd (the \"Supplier\").\n\n## 9. Responsibilities of the Buyer\n\n* Use "
    "multi-factor authentication for all user accounts.\n* Encrypt all laptops used to access the "
    "Services.\n\n## 10. Security\n\n10.1 The Supplier shall notify the Buyer of any Security "
    "Incident within 24 hours.\n";
// A buyer's code for its vendors: "you" is the supplier, so are "your responsibilities".
const char kVendorCode[] =
    "# Supplier Code for Vendors\n\nThese requirements apply to every vendor. \"You\" means the "
    "vendor. We may audit your compliance once a year. We will pay your invoices within 30 days."
    "\n\n## Your responsibilities\n\n* Use multi-factor authentication for every account\n* "
    "Encrypt all laptops used to access our systems.\n";

// A shared service's agreement that writes as "we" and never says who "you" is.
const char kSharedService[] =
    "# Shared Forms Service Agreement\n\n## Our responsibilities\n\nWe host the forms service "
    "and we patch it. We monitor it and we answer questions. We keep our platform running and "
    "we back up our databases. We will tell you about changes we make.\n\n* We encrypt stored "
    "submissions\n\n# Terms of Use\n\n## Your responsibilities\n\n* Accept the privacy notice\n"
    "\n## Keep your team access up to date\n\n* Remove people no longer requiring access\n\n"
    "## You have security responsibilities\n\n* Use two factor authentication\n* Keep API keys "
    "in an encrypted file\n";

const Expected kExpected[] = {
    {kSharedService, "security_measures", "Remove people", "customer"},
    {kSharedService, "security_measures", "two factor", "customer"},
    {kServiceTerms, "incident_notification", "We will notify you", "supplier"},
    {kServiceTerms, "security_measures", "Use multi-factor", "customer"},
    {kServiceTerms, "incident_notification", "Notify the service desk", "customer"},
    {kServiceTerms, "security_measures", "Remove access", "customer"},
    {kServicesAgreement, "incident_notification", "The Provider shall notify", "supplier"},
    {kServicesAgreement, "security_measures", "Use multi-factor", "customer"},
    {kServicesAgreement, "security_measures", "Encrypt all laptops", "customer"},
    {kServicesAgreement, "incident_notification", "Report any security incident", "customer"},
    {kCallOff, "security_measures", "Use multi-factor", "customer"},
    {kCallOff, "security_measures", "Encrypt all laptops", "customer"},
    {kCallOff, "incident_notification", "The Supplier shall notify", "supplier"},
    {kVendorCode, "security_measures", "Use multi-factor", "supplier"},
    {kVendorCode, "security_measures", "Encrypt all laptops", "supplier"},
};

TEST(HeadingParty, DutiesUnderAHeadingOfOneSidesResponsibilitiesAreThatSides) {
  for (const Expected& row : kExpected) {
    const Report report = test_scan::ScanText(row.document, "terms.md");
    const std::vector<Finding> found = test_scan::On(report, row.category, row.words);
    ASSERT_FALSE(found.empty()) << row.words << "\n" << test_scan::Describe(report);
    for (const Finding& f : found) {
      EXPECT_EQ(f.party, row.party) << row.words << "\n" << test_scan::Describe(report);
    }
  }
}

}  // namespace
}  // namespace clausescan

// Whose duty or right a finding states, read the same way across drafting traditions: UK public
// sector ("the Authority" / "the Contractor"), US federal ("the Government" / "the Contractor"),
// GDPR ("the controller" / "the processor"), licences ("Licensor" / "Licensee"), services
// ("Provider" / "Client"), terms written as "we" and "you" (issue 15 #1), and the public-sector
// drafting of Australian Commonwealth contracts, Canadian service terms, US agency API terms,
// HIPAA business associate agreements and UK data sharing agreements. Each row is a
// sentence of a small contract written for this test, and the party a careful reader gives it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

struct Tradition {
  const char* name;
  const char* document;
};

struct Expected {
  const char* tradition;
  const char* category;
  const char* words;  // in the finding's clause
  const char* party;
};

const Tradition kTraditions[] = {
    {"uk-public",
     "# Call-Off Contract\n\nThis Contract is made between the Secretary of State for Health (the "
     "\"Authority\") and Widget Services Ltd (the \"Contractor\").\n\n## 10. Security\n\n10.1 The "
     "Contractor shall notify the Authority of any Security Incident within 24 hours of becoming "
     "aware of it.\n\n10.2 The Authority may audit the Contractor's premises and systems on 5 "
     "Working Days' notice.\n\n10.3 On expiry the Contractor shall securely delete all Authority "
     "Data within 30 days, including backups.\n"},
    {"us-federal",
     "# Task Order Terms\n\n## 5. Incident Reporting\n\n5.1 The Contractor shall report all "
     "computer security incidents to the Government within one hour of discovery.\n\n5.2 The "
     "Government reserves the right to inspect the Contractor's facilities at any time.\n\n5.3 "
     "Upon completion, the Contractor shall return or destroy all Government data within 10 "
     "days.\n"},
    {"gdpr",
     "# Data Processing Agreement\n\nThis agreement is concluded between Harbour Bank plc (the "
     "\"Data Controller\") and Lumen Hosting Ltd (the \"Data Processor\").\n\n## 3. "
     "Processing\n\n3.1 The Data Processor shall notify the Data Controller of a Personal Data "
     "Breach within 48 hours.\n\n3.2 The Data Controller shall be entitled to audit the Data "
     "Processor on 14 days' notice.\n\n3.3 The processor shall not engage another processor "
     "without prior specific written authorisation of the controller.\n"},
    {"licence",
     "# Software Licence Agreement\n\nBetween Acme Software Inc (\"Licensor\") and Beta Corp "
     "(\"Licensee\").\n\n## 8. Security\n\n8.1 Licensor shall notify Licensee of any security "
     "breach affecting Licensee Data within 72 hours.\n\n8.2 Licensee may audit Licensor's "
     "compliance with this Section once per year on 30 days' notice.\n\n8.3 Licensor's total "
     "liability shall not exceed the fees paid in the twelve months preceding the claim.\n"},
    {"provider-client",
     "# Master Services Agreement\n\nThis agreement is between Nimbus Ltd (the \"Provider\") and "
     "Orion plc (the \"Client\").\n\n## 7. Data\n\n7.1 The Provider shall notify the Client of a "
     "Personal Data Breach within 48 hours of confirming it.\n\n7.2 The Client may, on 30 days' "
     "written notice, audit the Provider's compliance once in any 12-month period.\n\n7.3 Within "
     "30 days after termination the Provider shall delete all Client Data.\n"},
    {"we-you",
     "# Terms of Service\n\nThese terms are between you and us, Cobalt Cloud Inc. We provide our "
     "hosting services to you when you subscribe and pay our fees. You may cancel your "
     "subscription at any time. We may update our services. Your use of our services is subject "
     "to our acceptable use policy. We will invoice you monthly and you will pay us within 30 "
     "days.\n\n## 9. Security\n\n9.1 We will notify you of any Security Incident affecting your "
     "data within 72 hours of confirming it.\n\n9.2 You may audit our compliance once per year on "
     "30 days' notice.\n\n9.3 Our total liability will not exceed the fees you paid in the twelve "
     "months before the claim.\n\n9.4 You agree to indemnify us against any claim arising from "
     "your content.\n"},
    // Australian Commonwealth plain language: unquoted party names, "the Seller" and "the
    // Commonwealth" as the sides.
    {"au-commonwealth",
     "# Panel Contract for Cloud Services\n\nThis contract is between the Commonwealth of "
     "Australia, represented by the Department of Regional Services (the Buyer), and Coral Cloud "
     "Pty Ltd (the Seller).\n\n## 7. Security\n\n7.1 The Seller must notify the Buyer of any "
     "Security Incident affecting Buyer Data within 48 hours after becoming aware of it.\n\n7.2 "
     "The Seller's total liability under this contract is limited to the fees paid in the 12 "
     "months before the claim.\n\n7.3 The Commonwealth may inspect the Seller's premises and "
     "records to check compliance with this contract.\n\n7.4 The Buyer must keep its user "
     "passwords secure and must not share them with anyone.\n\n7.5 Buyer Data must not be "
     "transferred outside Australia without the Buyer's written approval.\n"},
    // A UK data sharing agreement: the Data Recipient receives and processes the Department's
    // data, the supplier's place.
    {"uk-data-sharing",
     "# Data Sharing Agreement\n\nThis agreement is between the Department for Housing and "
     "Local Communities (the Department) and Northgate Research Ltd (the Data Recipient). The "
     "Department is the Data Controller of the Shared Data.\n\n## 5. Obligations\n\n5.1 The "
     "Data Recipient shall notify the Department of any Data Security Breach within 24 hours of "
     "becoming aware of it.\n\n5.2 The Department may audit the Data Recipient's compliance "
     "with this agreement on 5 working days' notice.\n\n5.3 The Data Recipient shall maintain "
     "cyber insurance of at least GBP 2,000,000.\n"},
    // A data sharing agreement naming both sides after the data: the data provider shares,
    // the data recipient processes.
    {"uk-data-provider",
     "# Data Sharing Agreement\n\nThis agreement is made between the Office for Skills "
     "Statistics (the \"Data Provider\") and Brightwell Evaluation Ltd (the \"Data "
     "Recipient\").\n\n## 4. Data handling\n\n4.1 The Data Recipient shall notify the Data "
     "Provider of any security incident involving the Shared Data within 24 hours.\n\n4.2 The "
     "Data Provider may audit the Data Recipient's handling of the Shared Data on 10 working "
     "days' notice.\n\n4.3 The Data Provider shall transfer the Shared Data to the Data "
     "Recipient using an encrypted file transfer service.\n"},
    // A Canadian federal contract: the Crown, "Canada", is the buyer.
    {"ca-crown",
     "# Cloud Services Contract\n\nThis contract is between His Majesty the King in right of "
     "Canada, represented by the Minister of Public Services (\"Canada\"), and Northern Lights "
     "Cloud Inc. (the \"Contractor\").\n\n## 9. Security\n\n9.1 The Contractor must notify "
     "Canada of any security incident affecting Canada's data within 72 hours.\n\n9.2 Canada "
     "may inspect the Contractor's data centres on 10 days' notice.\n"},
    // A duty of both sides first, then one side's own duty in the same sentence.
    {"mutual-then-one-side",
     "# Services Agreement\n\nThis agreement is between Delta Buyer plc (the \"Customer\") and "
     "Epsilon Hosting Ltd (the \"Supplier\").\n\n## 4. Security\n\n4.1 Each party shall "
     "comply with the Data Protection Legislation; the Supplier shall in addition notify the "
     "Customer of any Personal Data Breach within 48 hours of becoming aware of it.\n\n4.2 Each "
     "party shall keep the other's Confidential Information secret; the Customer shall in "
     "addition permit the Supplier to audit the Customer's use of the licensed software once a "
     "year.\n"},
    // A public service's terms to the departments that use it: "we" the service, "you" the
    // department.
    {"ca-service-terms",
     "# Maple Forms: Terms of use\n\nMaple Forms is a service of the Canadian Digital Service "
     "(CDS). In these terms, \"we\", \"us\" and \"our\" mean CDS, and \"you\" and \"your\" "
     "mean the federal department that uses Maple Forms to publish forms. By creating an "
     "account, you accept these terms for your department. Our service lets your team build "
     "forms and download the responses your forms receive. We run the service; you decide what "
     "your forms collect. Our support team answers your questions.\n\n## Commitments\n\n1. We "
     "will notify you within 24 hours of confirming a security incident that affects your form "
     "responses.\n\n2. You must keep the API keys we give you confidential and rotate them at "
     "least once a year.\n\n3. We use subprocessors hosted in Canada, and we will tell you at "
     "least 30 days before we add a new one.\n"},
    // An agency's API terms: "you" the developer who receives the data, the agency its owner.
    {"us-agency-api",
     "# Health Data API Terms of Service\n\nThe Centers for Medicare & Medicaid Services (CMS) "
     "offers the Health Data API so that applications can retrieve claims data. These terms "
     "apply to you, the developer of an application that connects to the API, and to your "
     "application. By registering your application, you agree to these terms. CMS may change "
     "the API at any time. CMS may review your application before giving you production access. "
     "Your application must show a privacy policy. Data you receive through the API is "
     "protected health information in your hands.\n\n## Your obligations\n\n1. You must "
     "notify CMS within one hour of discovering any unauthorized access to data you receive "
     "through the API.\n\n2. CMS may audit your application and its use of the API at any "
     "time.\n\n3. You will indemnify the agency against any claim arising from your "
     "application's use of the data.\n"},
    // A HIPAA business associate agreement: the business associate serves the covered entity.
    {"baa",
     "# Business Associate Agreement\n\nThis Business Associate Agreement is entered into by "
     "Northwind Health Clinic (\"Covered Entity\") and Kestrel Analytics, Inc. (\"Business "
     "Associate\").\n\n1. Business Associate shall report to Covered Entity any Security "
     "Incident of which it becomes aware within five (5) business days.\n\n2. Covered Entity "
     "may audit Business Associate's security practices upon ten days' written notice.\n\n3. "
     "Upon termination, Business Associate shall return or destroy all PHI and retain no "
     "copies.\n"},
};

const Expected kExpected[] = {
    {"uk-public", "incident_notification", "shall notify the Authority", "supplier"},
    {"uk-public", "audit_rights", "The Authority may audit", "customer"},
    {"uk-public", "data_deletion", "shall securely delete", "supplier"},
    {"us-federal", "incident_notification", "shall report all", "supplier"},
    {"us-federal", "audit_rights", "reserves the right to inspect", "customer"},
    {"us-federal", "data_deletion", "return or destroy", "supplier"},
    {"gdpr", "incident_notification", "shall notify the Data Controller", "supplier"},
    {"gdpr", "audit_rights", "entitled to audit", "customer"},
    {"gdpr", "subprocessors", "shall not engage another processor", "supplier"},
    {"licence", "incident_notification", "Licensor shall notify", "supplier"},
    {"licence", "audit_rights", "Licensee may audit", "customer"},
    {"licence", "liability_cap", "Licensor's total liability", "supplier"},
    {"provider-client", "incident_notification", "shall notify the Client", "supplier"},
    {"provider-client", "audit_rights", "The Client may", "customer"},
    {"provider-client", "data_deletion", "shall delete all Client Data", "supplier"},
    {"we-you", "incident_notification", "We will notify you", "supplier"},
    {"we-you", "audit_rights", "You may audit our compliance", "customer"},
    // "Our liability" is the liability of "we": the supplier writing its own terms.
    {"we-you", "liability_cap", "Our total liability", "supplier"},
    {"we-you", "indemnification", "You agree to indemnify us", "customer"},
    {"au-commonwealth", "incident_notification", "The Seller must notify", "supplier"},
    {"au-commonwealth", "liability_cap", "The Seller's total liability", "supplier"},
    {"au-commonwealth", "audit_rights", "The Commonwealth may inspect", "customer"},
    {"au-commonwealth", "security_measures", "The Buyer must keep", "customer"},
    // A passive duty on the data binds the side that holds it.
    {"au-commonwealth", "international_transfers", "Buyer Data must not be", "supplier"},
    {"uk-data-sharing", "incident_notification", "The Data Recipient shall notify", "supplier"},
    {"uk-data-sharing", "audit_rights", "The Department may audit", "customer"},
    {"uk-data-sharing", "insurance", "cyber insurance", "supplier"},
    {"uk-data-provider", "incident_notification", "The Data Recipient shall notify", "supplier"},
    {"uk-data-provider", "audit_rights", "The Data Provider may audit", "customer"},
    {"uk-data-provider", "security_measures", "The Data Provider shall transfer", "customer"},
    {"ca-crown", "incident_notification", "The Contractor must notify", "supplier"},
    {"ca-crown", "audit_rights", "Canada may inspect", "customer"},
    {"mutual-then-one-side", "incident_notification", "the Supplier shall in addition notify",
     "supplier"},
    {"mutual-then-one-side", "audit_rights", "the Customer shall in addition permit", "customer"},
    {"ca-service-terms", "incident_notification", "We will notify you", "supplier"},
    {"ca-service-terms", "security_measures", "You must keep the API keys", "customer"},
    {"ca-service-terms", "subprocessors", "We use subprocessors", "supplier"},
    {"us-agency-api", "incident_notification", "You must notify CMS", "supplier"},
    {"us-agency-api", "audit_rights", "CMS may audit", "customer"},
    {"us-agency-api", "indemnification", "You will indemnify the agency", "supplier"},
    {"baa", "incident_notification", "Business Associate shall report", "supplier"},
    {"baa", "audit_rights", "Covered Entity may audit", "customer"},
    {"baa", "data_deletion", "return or destroy all PHI", "supplier"},
};

const char* DocumentOf(const std::string& tradition) {
  for (const Tradition& t : kTraditions) {
    if (tradition == t.name) return t.document;
  }
  return "";
}

TEST(PartyTraditions, EachTraditionsDutiesAndRightsNameTheirParty) {
  for (const Expected& row : kExpected) {
    const Report report = test_scan::ScanText(DocumentOf(row.tradition), "contract.md");
    const std::vector<Finding> found = test_scan::On(report, row.category, row.words);
    ASSERT_FALSE(found.empty()) << row.tradition << ": no " << row.category << " finding on \""
                                << row.words << "\"";
    EXPECT_EQ(found[0].party, row.party) << row.tradition << ": \"" << row.words << "\"";
  }
}

}  // namespace
}  // namespace clausescan

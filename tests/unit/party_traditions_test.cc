// Whose duty or right a finding states, read the same way across drafting traditions: UK public
// sector ("the Authority" / "the Contractor"), US federal ("the Government" / "the Contractor"),
// GDPR ("the controller" / "the processor"), licences ("Licensor" / "Licensee"), services
// ("Provider" / "Client") and terms written as "we" and "you" (issue 15 #1). Each row is a
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

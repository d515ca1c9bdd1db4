// The duty of a sentence that states a clause when its first duty is another party's: "The
// Customer will pay the fees but the Supplier will encrypt ..." (issue 11, engine limits 3 #4).
// The wordings are our own, in several drafting traditions, with near misses.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::ScanText;

struct DutyCase {
  const char* text;
  const char* category;
  const char* party;  // of the finding of category; "" when there is none
};

TEST(LaterDuties, TheDutyThatStatesTheClauseGivesItsParty) {
  const DutyCase cases[] = {
      // US, UK, EU (GDPR roles), AU wordings: the second duty of the sentence states the clause.
      {"The Customer will pay the fees but the Supplier will encrypt all Customer Data at rest "
       "and in transit.",
       "security_measures", "supplier"},
      {"Client shall pay each invoice and Vendor shall encrypt all Client Data at rest using "
       "AES-256.",
       "security_measures", "supplier"},
      {"The Controller is responsible for the lawfulness of the processing, while the Processor "
       "must delete the Personal Data within 30 days of termination.",
       "data_deletion", "supplier"},
      {"The Department must give the Contractor access to its premises, and the Contractor must "
       "report each Security Incident to the Department within 2 hours.",
       "incident_notification", "supplier"},
      // Near misses: the first duty states the clause itself (the customer's notice stays the
      // customer's; the supplier's later duty does not take it).
      {"The Customer shall notify the Supplier of any Security Incident affecting its accounts "
       "within 24 hours, and the Supplier shall provide the Services.",
       "incident_notification", "customer"},
      {"The Client must encrypt all data it uploads, and the Vendor will provide support.",
       "security_measures", "customer"},
  };
  for (const DutyCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Report report = ScanText(std::string("7. Obligations\n\n") + c.text + "\n", "d.txt");
    std::vector<std::string> parties;
    for (const Finding& f : report.findings) {
      if (f.category == c.category) parties.push_back(f.party);
    }
    ASSERT_EQ(parties.size(), 1u);
    EXPECT_EQ(parties.front(), c.party);
  }
}

}  // namespace
}  // namespace clausescan

// The items of a list whose lead-in states the duty stay in its clause after an item that only
// mentions a party inside it ("details of how the Vendor will ..."): such an item names no duty
// holder of its own (issue 11, engine limits #3), scanned with the built-in rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

// issue 11 engine limits #3: the plan's content list reaches its last items.
TEST(ListRuns, AnItemThatMentionsAPartyInsideDoesNotEndTheLeadInsClause) {
  const std::string text =
      "5. RECOVERY\n\n"
      "     The Vendor's business continuity plan shall cover:\n"
      "          loss of the primary hosting site;\n"
      "          loss of key staff;\n"
      "          details of how the Vendor shall keep its certifications valid while the plan "
      "is in force;\n"
      "          access controls to the standby site used by the Vendor; and\n"
      "          yearly rehearsals.\n";
  const Report report = ScanText(text, "recovery.txt");
  EXPECT_FALSE(On(report, "security_measures", "access controls to the standby site").empty());
}

// issue 11 engine limits #3: under "the Vendor shall: ... take every step needed to:", an item
// whose proviso names a party ("... the Vendor shall be given relief") is still the lead-in's
// duty, and the clause reaches the items after it.
TEST(ListRuns, AProvisoInsideAnItemDoesNotEndTheLeadInsClause) {
  const std::string text =
      "8. BREACHES\n\n"
      "     In line with the agreed security incident management process, upon becoming aware "
      "of a\n"
      "     Breach of Security, the Vendor shall:\n"
      "          take every reasonable step needed to:\n"
      "                 limit the harm the breach causes;\n"
      "                 apply a tested fix against the breach and, where the fix slows the "
      "service, the Vendor shall be given relief from the service levels for that time;\n"
      "                 prevent a repeat of the breach from the same root cause; and\n"
      "                 report to the Client on the steps taken.\n";
  const Report report = ScanText(text, "breaches.txt");
  EXPECT_FALSE(On(report, "security_measures", "prevent a repeat").empty());
}

// issue 11 engine limits #3 (guard): an item whose subject is a party still states a duty of its
// own, and ends the lead-in's clause.
TEST(ListRuns, AnItemWhoseSubjectIsAPartyStillEndsTheClause) {
  const std::string text =
      "5. RECOVERY\n\n"
      "     The Vendor shall keep a disaster recovery plan that covers:\n"
      "          (a) loss of the primary hosting site;\n"
      "          (b) the Client shall name a contact for recovery tests; and\n"
      "          (c) yearly rehearsals.\n";
  const Report report = ScanText(text, "recovery.txt");
  const std::vector<Finding> found = On(report, "security_measures", "disaster recovery plan");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].text.find("name a contact"), std::string::npos);
}

}  // namespace
}  // namespace clausescan

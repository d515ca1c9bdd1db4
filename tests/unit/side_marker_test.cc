// The "whose duty" marker the text, Markdown and HTML reports show (report/values.h).
// Issue 15 #1.
#include <gtest/gtest.h>

#include <string>

#include "report/values.h"

namespace clausescan::internal {
namespace {

struct MarkerCase {
  const char* party;
  const char* party_name;
  const char* side;
  const char* holds;
  const char* expected;
};

const MarkerCase kMarkers[] = {
    {"supplier", "Ehave", "us", "duty", "our duty (Ehave)"},
    {"customer", "CHT", "them", "right", "their right (CHT)"},
    {"mutual", "Ehave and CHT", "both", "duty", "both parties' duty (Ehave and CHT)"},
    {"third", "regulatory authorities", "neither", "duty",
     "third party (regulatory authorities)"},
    {"supplier", "", "", "duty", "supplier's duty"},
    {"", "", "", "", ""},
};

TEST(SideMarker, SaysWhoseDutyOrRight) {
  for (const MarkerCase& c : kMarkers) {
    Finding f;
    f.party = c.party;
    f.party_name = c.party_name;
    f.side = c.side;
    f.holds = c.holds;
    EXPECT_EQ(SideMarker(f), c.expected) << c.party << " " << c.side;
  }
}

}  // namespace
}  // namespace clausescan::internal

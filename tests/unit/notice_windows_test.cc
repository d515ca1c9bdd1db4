// Windows a notice clause states where the sentence splitting or the drafting puts them out of
// its first sentence (issue 11, engine limits 3 #1, #2). The wordings are our own, in several
// drafting traditions, with near misses.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

// The number a finding's parameter holds, or -1 when it has none.
double Number(const Finding& f, const std::string& name) {
  const auto it = f.parameters.find(name);
  if (it == f.parameters.end() || !std::holds_alternative<double>(it->second)) return -1;
  return std::get<double>(it->second);
}

struct WindowCase {
  const char* text;
  const char* words;  // in the finding's clause
  const char* name;   // the window parameter
  double value;       // -1: the clause states no window
};

void ExpectWindows(const std::vector<WindowCase>& cases) {
  for (const WindowCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Report report = ScanText(std::string("9. Security Incidents\n\n") + c.text, "w.txt");
    const std::vector<Finding> found = On(report, "incident_notification", c.words);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(Number(found.front(), c.name), c.value);
  }
}

TEST(NoticeWindows, AWrappedNumberInsideASentenceKeepsItsWindow) {
  ExpectWindows({
      // UK, EU (GDPR roles), US wordings: the number the wrapping put at a line start with a stop.
      {"9.1 The Supplier shall notify the Customer of any Security Incident within\n"
       "3. business days of becoming aware of it.\n",
       "Supplier shall notify", "window_days", 3},
      {"9.2 The Processor will inform the Controller of a Personal Data Breach no later than\n"
       "72. hours after discovery.\n",
       "Processor will inform", "window_hours", 72},
      {"9.3 Vendor must report any Security Breach to Client within\n"
       "2. days after Vendor confirms the Security Breach.\n",
       "Vendor must report", "window_hours", 48},
      // Near misses: the line before ends its sentence, so the number is a clause of its own;
      // a number that refers on ("clause" / "3.") is no window either.
      {"9.4 The Supplier shall notify the Customer of any Security Incident.\n"
       "3. Days on which the Customer's offices are closed do not count.\n",
       "Supplier shall notify", "window_days", -1},
      {"9.5 The Supplier shall notify the Customer of any Security Incident in accordance with "
       "clause\n3. days of notice are required for changes to the contacts.\n",
       "Supplier shall notify", "window_hours", -1},
  });
}

}  // namespace
}  // namespace clausescan

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

TEST(NoticeWindows, AWindowTheNextSentenceGivesTheNoticeIsTheClauses) {
  ExpectWindows({
      // UK, EU (GDPR roles), US, AU wordings: "the notice", "such notification", "this notice",
      // and the notice as the object of the next sentence.
      {"9.1 The Supplier shall notify the Customer of any Security Incident. The notice shall be "
       "given within 24 hours.\n",
       "Supplier shall notify", "window_hours", 24},
      {"9.2 The Processor shall inform the Controller of each Personal Data Breach. Such "
       "notification shall reach the Controller no later than 36 hours after the Processor "
       "becomes aware of the breach.\n",
       "Processor shall inform", "window_hours", 36},
      {"9.3 Vendor will report to Client any actual or suspected Security Breach affecting Client "
       "Data. This notice must be provided within two (2) business days of discovery.\n",
       "Vendor will report", "window_days", 2},
      {"9.4 The Contractor must notify the Commonwealth of any data breach involving Commonwealth "
       "Data. The Contractor will send the notification within seventy-two (72) hours.\n",
       "Contractor must notify", "window_hours", 72},
      // Near misses: the next sentence gives a window to something else (an invoice, a notice of
      // termination, a report the first sentence does not ask for).
      {"9.5 The Supplier shall notify the Customer of any Security Incident. The Customer shall "
       "pay each invoice within 30 days.\n",
       "Supplier shall notify", "window_hours", -1},
      {"9.6 The Processor shall inform the Controller of each Personal Data Breach. The notice of "
       "termination shall be given within 90 days.\n",
       "Processor shall inform", "window_hours", -1},
      {"9.7 The Supplier shall notify the Customer of any Security Incident. The Supplier shall "
       "deliver the service report within 10 business days of the month end.\n",
       "Supplier shall notify", "window_days", -1},
  });
}

}  // namespace
}  // namespace clausescan

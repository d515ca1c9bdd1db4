// A sentence that opens with "it" or "they" owes the duty of the party the sentence before named
// as its subject (issue 11 #1), scanned with the built-in rules as a reader sees it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

// issue 11 #1: the client's own duty to report is not the vendor's incident notice.
TEST(PronounSubjects, ItAfterTheCustomerIsTheCustomersDuty) {
  const std::string text =
      "# 6. Accounts\n\n"
      "The Client shall keep the log-in details of its staff safe. It must "
      "report any security incident involving those log-ins within 24 hours of finding it.\n";
  const Report report = ScanText(text, "accounts.md");
  for (const Finding& f : On(report, "incident_notification", "It must report")) {
    EXPECT_NE(f.party, "supplier") << f.rule;
  }
}

// issue 11 #1: the same sentence after the vendor's is the vendor's notice, and stays found.
TEST(PronounSubjects, ItAfterTheProviderIsTheProvidersDuty) {
  const std::string text =
      "# 6. Incidents\n\n"
      "The Vendor hosts the platform in its own data centre. It must report any security "
      "incident involving client data to the Client within 24 hours of finding it.\n";
  const Report report = ScanText(text, "incidents.md");
  const std::vector<Finding> found = On(report, "incident_notification", "It must report");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].party, "supplier");
}

// issue 11 #1: the pronoun looks back only within the section: a heading stops it.
TEST(PronounSubjects, APronounDoesNotReachIntoTheSectionBefore) {
  const std::string text =
      "# 5. Client duties\n\n"
      "The Client shall keep its log-in details safe.\n\n"
      "# 6. Incidents\n\n"
      "It must report any security incident involving client data within 24 hours of finding "
      "it.\n";
  const Report report = ScanText(text, "sections.md");
  EXPECT_FALSE(On(report, "incident_notification", "It must report").empty());
}

// issue 11 engine limits #2: the pronoun stands for the subject of the sentence before, not for
// the party its last clause names.
TEST(PronounSubjects, ItIsTheSubjectOfTheSentenceBeforeNotItsLastParty) {
  const std::string text =
      "# 6. Accounts\n\n"
      "The Client shall keep the log-in details of its staff safe, and the Vendor shall reset "
      "them on request. It must report any security incident involving those log-ins within 24 "
      "hours of finding it.\n";
  const Report report = ScanText(text, "accounts.md");
  for (const Finding& f : On(report, "incident_notification", "It must report")) {
    EXPECT_NE(f.party, "supplier") << f.rule;
  }
}

}  // namespace
}  // namespace clausescan

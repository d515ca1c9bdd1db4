// A list whose lead-in states the duty is one clause, reported from the lead-in (issue 11 #2,
// #3), scanned with the built-in rules as a reader sees it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

// issue 11 #3: a commitment in the lead-in ("will implement sound practices, including:") and
// the controls in the items make one security finding, from the lead-in, naming every control.
TEST(ListClauses, ACommitmentLeadInAndItsControlsAreOneFinding) {
  const std::string text =
      "# 7. Security practices\n\n"
      "The Vendor will implement sound practices while it hosts the service, including:\n\n"
      "- quarterly vulnerability scans of the hosting platform;\n"
      "- an annual penetration test by an independent firm.\n";
  const Report report = ScanText(text, "practices.md");
  const std::vector<Finding> found = On(report, "security_measures", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].start, text.find("The Vendor will implement"));
  EXPECT_EQ(found[0].end, text.find(" firm.") + 6);
  const auto& measures = std::get<std::vector<std::string>>(found[0].parameters.at("measures"));
  EXPECT_NE(std::find(measures.begin(), measures.end(), "vulnerability_management"),
            measures.end());
  EXPECT_NE(std::find(measures.begin(), measures.end(), "pen_testing"), measures.end());
}

// issue 11 #2: the duty sits in the lead-in; the finding covers it, so a reader (and a scorer
// that asks whether a finding overlaps the provision) sees the clause.
TEST(ListClauses, TheDutyInTheLeadInIsPartOfTheFinding) {
  const std::string text =
      "# 9. Incidents\n\n"
      "The Vendor must tell the Client within 48 hours after it:\n\n"
      "(a) becomes aware of a personal data breach; or\n\n"
      "(b) learns that a regulator is looking into how it handles the data.\n";
  const Report report = ScanText(text, "incidents.md");
  const std::vector<Finding> found = On(report, "incident_notification", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, text.find("The Vendor must tell"));
  EXPECT_EQ(found[0].line, 3);
  EXPECT_NE(found[0].text.find("personal data breach"), std::string::npos);
}

// issue 11 #2: the lead-in's duty covers every item of its list, also the items no rule
// recognises alone, so the finding ends with the list, not at the last item a rule knows.
TEST(ListClauses, TheClauseOfALeadInEndsWithItsList) {
  const std::string text =
      "# 4. Looking after the records\n\n"
      "The Vendor must:\n\n"
      "(a) encrypt client records at rest and in transit;\n\n"
      "(b) keep a written note of each person who opens the records; and\n\n"
      "(c) go through that note every quarter with the Client.\n\n"
      "# 5. Fees\n\n"
      "The Client pays each invoice within 30 days.\n";
  const Report report = ScanText(text, "records.md");
  const std::vector<Finding> found = On(report, "security_measures", "The Vendor must");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, text.find("The Vendor must"));
  EXPECT_EQ(found[0].end, text.find(" with the Client.") + 17);
}

// issue 11 #4: text converted from a PDF whose page breaks were lost (no form feeds) repeats its
// page footer between the items of a list; the footer is no paragraph that ends the list, so
// the lead-in's clause takes in the item after the page break.
TEST(ListClauses, APageFooterWithoutAFormFeedDoesNotEndTheList) {
  const std::string footer =
      "\n\n Acme Hosting Agreement                     Version 2.1\n"
      "                  Master Terms\n\n";
  const std::string text = "1. Services\n\nThe Vendor hosts the service.\n\n          7" + footer +
                           "2. Records\n\nThe Vendor must:\n\n"
                           "(a) encrypt client records at rest and in transit;\n\n          8" +
                           footer +
                           "(b) keep a written note of each person who opens the records.\n\n"
                           "3. Fees\n\nThe Client pays each invoice within 30 days.\n\n"
                           "          9" +
                           footer;
  const Report report = ScanText(text, "hosting.txt");
  const std::vector<Finding> found = On(report, "security_measures", "The Vendor must");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].end, text.find("opens the records.") + 18);
  EXPECT_EQ(found[0].section, "2. Records");
}

// issue 11 #2, #5: a lead-in that is a clause by itself and ends in ':' is the clause of its
// list: the events it leads into are what it excludes.
TEST(ListClauses, ALeadInThatHoldsAloneTakesInItsList) {
  const std::string text =
      "# 3. Service levels\n\n"
      "The events below are excluded from the monthly uptime calculation:\n\n"
      "- work announced to the Client a week ahead;\n"
      "- storms, floods and strikes.\n\n"
      "# 4. Fees\n\nThe Client pays each invoice within 30 days.\n";
  const Report report = ScanText(text, "levels.md");
  const std::vector<Finding> found = On(report, "sla_uptime", "are excluded");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, text.find("The events below"));
  EXPECT_EQ(found[0].end, text.find(" strikes.") + 9);
}

// issue 11 #2: a sentence that ends "as listed below." leads into the list after it: the items
// are read with its duty, and the clause runs from it to the last item.
TEST(ListClauses, ASentenceEndingListedBelowLeadsIntoItsList) {
  const std::string text =
      "# 2. Controls\n\n"
      "The Vendor shall keep in place the safeguards listed below.\n\n"
      "- a separate account for each person who signs in;\n\n"
      "- encryption of client records at rest.\n\n"
      "# 3. Fees\n\nThe Client pays each invoice within 30 days.\n";
  const Report report = ScanText(text, "controls.md");
  const std::vector<Finding> found = On(report, "security_measures", "encryption");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start, text.find("The Vendor shall keep"));
  EXPECT_EQ(found[0].end, text.find(" at rest.") + 9);
}

}  // namespace
}  // namespace clausescan

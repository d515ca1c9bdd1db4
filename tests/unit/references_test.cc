// A notice that names nothing is about the incident the sentence before it or its section's
// title names (issue 11, engine limits #2).
#include "match/references.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scan_text.h"

namespace clausescan::internal {
namespace {

TEST(Antecedents, ANoticeThatNamesNothingIsAboutTheIncidentOfTheSentenceBefore) {
  Antecedents seen;
  seen.See("if the supplier becomes aware of a security incident, it shall contain it.", 3);
  const std::optional<std::string> read =
      seen.Resolve("the supplier shall notify the customer in writing within 24 hours.", 3);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read,
            "the supplier shall notify the customer in writing within 24 hours. (the security "
            "incident)");
  // The clock of the incident is no object of its own.
  EXPECT_TRUE(seen.Resolve("the supplier shall notify the customer within 48 hours of becoming "
                           "aware.",
                           3)
                  .has_value());
  EXPECT_TRUE(
      seen.Resolve("the contractor must report to the department upon discovery.", 3).has_value());
}

TEST(Antecedents, OnlyTheSentenceRightBeforeLendsItsIncident) {
  Antecedents seen;
  seen.See("the processor shall document each personal data breach.", 1);
  seen.See("the processor shall keep its records for six years.", 1);
  EXPECT_FALSE(seen.Resolve("the processor shall inform the controller without undue delay.", 1)
                   .has_value());
  // Nor one of another section.
  Antecedents other;
  other.See("the processor shall document each personal data breach.", 1);
  EXPECT_FALSE(other.Resolve("the processor shall inform the controller without undue delay.", 2)
                   .has_value());
}

TEST(Antecedents, ASectionTitleLendsItsIncidentToTheWholeSection) {
  Antecedents seen;
  seen.See("7. personal data breaches", 4, /*heading=*/true);
  seen.See("the processor shall keep a response plan.", 4);
  const std::optional<std::string> read =
      seen.Resolve("the processor shall inform the controller without undue delay.", 4);
  ASSERT_TRUE(read.has_value());
  EXPECT_NE(read->find("(the personal data breach)"), std::string::npos);
  // A heading line inside the section titles only what follows it.
  Antecedents inside;
  inside.See("9. security", 5, /*heading=*/true);
  inside.See("(g) report of a security incident.", 5, /*heading=*/true);
  EXPECT_TRUE(inside.Resolve("the contractor shall notify va immediately.", 5).has_value());
  inside.See("the contractor shall notify va immediately.", 5);
  inside.See("(h) vulnerabilities.", 5, /*heading=*/true);
  EXPECT_FALSE(
      inside.Resolve("the contractor shall notify the officer in writing.", 5).has_value());
}

TEST(Antecedents, ASectionNestedUnderTheTitleIsAboutItsIncidentToo) {
  Antecedents seen;
  seen.See("7. security incidents", 1, /*heading=*/true, /*level=*/1);
  seen.See("7.1 notice", 2, /*heading=*/true, /*level=*/2);
  const std::optional<std::string> read =
      seen.Resolve("the supplier shall notify the customer within 24 hours.", 2);
  ASSERT_TRUE(read.has_value());
  EXPECT_NE(read->find("(the security incident)"), std::string::npos);
  // "the incident" in the nested section is the security incident as well.
  EXPECT_TRUE(seen.Resolve("the supplier shall report the incident to the police.", 2));
  // A section at the title's level ends it.
  seen.See("8. audits", 3, /*heading=*/true, /*level=*/1);
  EXPECT_FALSE(seen.Resolve("the supplier shall notify the customer within 30 days.", 3));
}

TEST(Antecedents, ANoticeWithItsOwnObjectOrConditionIsLeftAlone) {
  Antecedents seen;
  seen.See("the supplier shall keep a record of every security incident.", 2);
  const char* own[] = {
      "the supplier shall notify the customer of any change to its subcontractors.",
      "the supplier shall notify the customer within 30 days if it changes its hosting provider.",
      "the vendor will inform the customer about the new data centre within 10 days.",
      "notification of any material change will be given 30 days in advance.",
      "the supplier shall notify the customer within 10 days after remediation of the identified "
      "vulnerability.",
      "the supplier shall keep the customer's data in the united kingdom.",  // no notice at all
  };
  for (const char* sentence : own) {
    EXPECT_FALSE(seen.Resolve(sentence, 2).has_value()) << sentence;
  }
}

// issue 11 (gen15): a notice is one whatever its drafting shape: in the present tense of a side
// or of "we", in the passive, or as a list item that opens with the act or its noun.
TEST(Antecedents, ANoticeInAnyDraftingShapeIsAboutTheTitlesIncident) {
  const char* shapes[] = {
      "the supplier notifies the customer within 24 hours.",
      "we notify affected customers within 72 hours.",
      "the customer is notified within 24 hours.",
      "the customer must be informed within 24 hours.",
      "- notify the customer within 24 hours.",
      "(a) notification to the customer within 24 hours",
  };
  for (const char* sentence : shapes) {
    Antecedents seen;
    seen.See("7. security incidents", 1, /*heading=*/true, /*level=*/1);
    const std::optional<std::string> read = seen.Resolve(sentence, 1);
    ASSERT_TRUE(read.has_value()) << sentence;
    EXPECT_NE(read->find("(the security incident)"), std::string::npos) << sentence;
  }
  // A notice that happened, or one about something else, is none.
  Antecedents seen;
  seen.See("7. security incidents", 1, /*heading=*/true, /*level=*/1);
  EXPECT_FALSE(seen.Resolve("the customer was informed of the outcome.", 1));
  EXPECT_FALSE(seen.Resolve("the supplier notifies the customer of any change of address.", 1));
  EXPECT_FALSE(seen.Resolve("- notification of any new sub-processor", 1));
}

// As a reader scans it: the notice of section 7.1 is about the incidents section 7 is titled
// by; the one of section 8 is not.
TEST(Antecedents, ANoticeUnderAnIncidentsTitleIsFoundWithItsWindow) {
  const std::string text =
      "# Agreement\n\n## 7. Security Incidents\n\n### 7.1 Notice\n\n"
      "The Supplier shall notify the Customer in writing within 24 hours.\n\n"
      "## 8. Audits\n\nThe Supplier shall notify the Customer within 30 days.\n";
  const Report report = test_scan::ScanText(text, "agreement.md");
  const std::vector<Finding> found = test_scan::On(report, "incident_notification", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 7);
  EXPECT_EQ(std::get<double>(found[0].parameters.at("window_hours")), 24.0);
}

}  // namespace
}  // namespace clausescan::internal

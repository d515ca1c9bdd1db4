// Items of an annex of security measures that name no one and have no verb of duty are the
// security measures of the annex's owner (issue 11, engine limits #1).
#include "match/measure_headings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

TEST(MeasureHeadings, HeadingsThatNameSecurityMeasures) {
  const internal::PartyLexicon lexicon{{"supplier", "processor"}, {"customer", "controller"}, {}};
  struct Row {
    const char* heading;
    bool names;
  };
  const Row rows[] = {
      {"annex ii - technical and organisational measures", true},
      {"schedule 3: security measures", true},
      {"exhibit b - information security requirements", true},
      {"minimum security standards", true},
      {"processor's security controls", true},
      {"appendix 2 (toms)", true},
      {"security", false},  // collateral in a loan, or anything
      {"security interest", false},
      {"security incidents", false},
      {"customer security responsibilities", false},  // the customer's side alone
      {"supplier and customer security requirements", true},
      {"list of sub-processors", false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(internal::HeadingNamesMeasures(row.heading, lexicon), row.names) << row.heading;
  }
}

// EU tradition: an Annex II of numbered items with no verb, right after the DPA's clauses.
TEST(MeasureHeadings, NumberedItemsOfAnAnnexAreTheProcessorsMeasures) {
  const std::string text =
      "# Data Processing Addendum\n\n"
      "## 1. Processing\n\n"
      "1.1 Processor shall process Customer Personal Data only on Customer's documented "
      "instructions.\n\n"
      "## Annex II - Technical and Organisational Measures\n\n"
      "1. Pseudonymisation of personal data held in analytics systems\n"
      "2. Multi-factor authentication for all administrative access to production systems\n\n"
      "## Annex III - List of Sub-processors\n\n"
      "1. Encryption Services Ltd, key management, Ireland\n";
  const Report report = ScanText(text, "dpa.md");
  const std::vector<Finding> pseudonymised = On(report, "security_measures", "Pseudonymisation");
  ASSERT_EQ(pseudonymised.size(), 1u);
  EXPECT_EQ(pseudonymised[0].party, "supplier");
  EXPECT_EQ(On(report, "security_measures", "Multi-factor").size(), 1u);
  EXPECT_TRUE(On(report, "security_measures", "Encryption Services").empty());
}

// UK tradition: a schedule title in capitals, items "(a) Topic: what is done", one of them the
// customer's own duty, which stays the customer's.
TEST(MeasureHeadings, TopicItemsOfAScheduleAreTheSuppliersMeasures) {
  const std::string text =
      "SCHEDULE 4\n"
      "MINIMUM SECURITY REQUIREMENTS\n\n"
      "(a) Personnel: background checks for all staff with access to Customer Data.\n"
      "(b) Resilience: disaster recovery arrangements tested at least once a year.\n"
      "(c) Passwords: the Customer shall keep its own administrator passwords confidential.\n\n"
      "SCHEDULE 5\n"
      "CHARGES\n\n"
      "(a) Encryption module: a monthly fee of 100 pounds.\n";
  const Report report = ScanText(text, "schedule.txt");
  const std::vector<Finding> vetting = On(report, "security_measures", "background checks");
  ASSERT_EQ(vetting.size(), 1u);
  EXPECT_EQ(vetting[0].party, "supplier");
  EXPECT_EQ(On(report, "security_measures", "disaster recovery").size(), 1u);
  for (const Finding& f : On(report, "security_measures", "administrator passwords")) {
    EXPECT_NE(f.party, "supplier");
  }
  EXPECT_TRUE(On(report, "security_measures", "Encryption module").empty());
}

// US tradition: an exhibit whose bullets are noun phrases; a heading that is no security annex
// ("Security" alone, as for collateral) lends its items nothing.
TEST(MeasureHeadings, BulletsOfAnExhibitCountButNotUnderOtherHeadings) {
  const std::string text =
      "# Exhibit B - Information Security Requirements\n\n"
      "- Annual third-party penetration testing of the hosted application\n"
      "- Endpoint detection and response on all company laptops\n\n"
      "# Exhibit C - Security\n\n"
      "- Annual penetration testing fees payable by the Borrower\n";
  const Report report = ScanText(text, "exhibit.md");
  EXPECT_EQ(On(report, "security_measures", "hosted application").size(), 1u);
  EXPECT_EQ(On(report, "security_measures", "Endpoint detection").size(), 1u);
  EXPECT_TRUE(On(report, "security_measures", "Borrower").empty());
}

}  // namespace
}  // namespace clausescan

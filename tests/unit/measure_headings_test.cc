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

// One document of a drafting tradition: the words of each clause found as a security measure of
// the supplier, and the words of each clause that must not be.
struct AnnexCase {
  const char* tradition;
  const char* name;
  std::string text;
  std::vector<std::string> measures;
  std::vector<std::string> not_measures;
};

std::vector<Finding> SupplierMeasures(const Report& report, const std::string& words) {
  std::vector<Finding> out;
  for (const Finding& f : On(report, "security_measures", words)) {
    if (f.party == "supplier") out.push_back(f);
  }
  return out;
}

TEST(MeasureHeadings, ItemsUnderTheHeadingAreTheSuppliersMeasures) {
  const AnnexCase cases[] = {
      // EU: an Annex II of numbered items with no verb; the next annex lists sub-processors.
      {"EU annex",
       "dpa.md",
       "# Data Processing Addendum\n\n## 1. Processing\n\n"
       "1.1 Processor shall process Customer Personal Data only on Customer's documented "
       "instructions.\n\n"
       "## Annex II - Technical and Organisational Measures\n\n"
       "1. Pseudonymisation of personal data held in analytics systems\n"
       "2. Multi-factor authentication for all administrative access to production systems\n\n"
       "## Annex III - List of Sub-processors\n\n"
       "1. Encryption Services Ltd, key management, Ireland\n",
       {"Pseudonymisation", "Multi-factor"},
       {"Encryption Services"}},
      // UK: a schedule title in capitals, items "(a) Topic: what is done"; the customer's own
      // duty stays the customer's, and the next schedule is about charges.
      {"UK schedule",
       "schedule.txt",
       "SCHEDULE 4\nMINIMUM SECURITY REQUIREMENTS\n\n"
       "(a) Personnel: background checks for all staff with access to Customer Data.\n"
       "(b) Resilience: disaster recovery arrangements tested at least once a year.\n"
       "(c) Passwords: the Customer shall keep its own administrator passwords confidential.\n\n"
       "SCHEDULE 5\nCHARGES\n\n(a) Encryption module: a monthly fee of 100 pounds.\n",
       {"background checks", "disaster recovery"},
       {"administrator passwords", "Encryption module"}},
      // US: an exhibit whose bullets are noun phrases; "Security" alone (collateral) lends its
      // items nothing.
      {"US exhibit",
       "exhibit.md",
       "# Exhibit B - Information Security Requirements\n\n"
       "- Annual third-party penetration testing of the hosted application\n"
       "- Endpoint detection and response on all company laptops\n\n"
       "# Exhibit C - Security\n\n- Annual penetration testing fees payable by the Borrower\n",
       {"hosted application", "Endpoint detection"},
       {"Borrower"}},
      // A lead-in that states no duty lends none: the heading's duty holds for its items.
      {"lead-in without a duty",
       "annex.md",
       "# DPA\n\n## Annex 2 - Technical and Organisational Measures\n\n"
       "The measures referred to in Clause 8 are:\n\n"
       "- Encryption of personal data in transit and at rest.\n"
       "- Multi-factor authentication for administrative access.\n",
       {"Encryption of personal data", "Multi-factor"},
       {}},
      // A table of measures: each row is one; the header row and a table under another heading
      // are not.
      {"table",
       "table.md",
       "# DPA\n\n## Annex II - Technical and Organisational Measures\n\n"
       "| Measure | Description |\n|---|---|\n"
       "| Encryption | Personal data encrypted at rest with AES-256 |\n"
       "| Access control | Role-based access and quarterly access reviews |\n\n"
       "## Annex III - Sub-processors\n\n| Name | Purpose |\n|---|---|\n"
       "| Acme Encryption Ltd | Key management |\n",
       {"AES-256", "Role-based"},
       {"Measure | Description", "Acme Encryption"}},
  };
  for (const AnnexCase& c : cases) {
    const Report report = ScanText(c.text, c.name);
    for (const std::string& words : c.measures) {
      EXPECT_EQ(SupplierMeasures(report, words).size(), 1u) << c.tradition << ": " << words;
    }
    for (const std::string& words : c.not_measures) {
      EXPECT_TRUE(SupplierMeasures(report, words).empty()) << c.tradition << ": " << words;
    }
  }
}

// The duty the heading implies names no measure: an item about change management is a control,
// not a change to the security measures.
TEST(MeasureHeadings, TheImpliedDutyAddsNoMeasureOfItsOwn) {
  const std::string text =
      "# DPA\n\n## Annex II - Technical and Organisational Measures\n\n"
      "- Change management: every change to production is reviewed for material impact.\n";
  const Report report = ScanText(text, "dpa.md");
  const std::vector<Finding> found = On(report, "security_measures", "Change management");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, std::vector<std::string>{"security-measures.specific-controls"});
}

}  // namespace
}  // namespace clausescan

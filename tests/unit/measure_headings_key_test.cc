// issue 11 engine limits #5: which categories read the items under a heading that names
// security measures as the supplier's duty is data (`headings: measures` in categories.yaml),
// not a category id written in the matcher.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "match/matcher.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "test_rationale_files.h"

namespace clausescan::internal {
namespace {

std::vector<SourceFile> Files(const std::string& categories) {
  std::vector<SourceFile> files = {
      {"categories.yaml", categories},
      {"controls.yaml", "- {id: A.8.24, title: Use of cryptography}\n"},
      {"evidence.yaml", "- {id: policy, title: Cryptography policy}\n"},
      {"parties.yaml", "supplier: [supplier]\ncustomer: [customer]\nmutual: [each party]\n"},
  };
  for (const char* category : {"controls", "practices"}) {
    files.push_back({std::string(category) + "/encryption.yaml",
                     "id: " + std::string(category) +
                         ".encryption\ncategory: " + category +
                         "\ntitle: Encryption\nparty: supplier\nmatch:\n  all:\n"
                         "    - any: ['\\bshall\\b']\n    - any: ['\\bencryption\\b']\n"});
  }
  test_rules::AddPlaceholderRationales(&files);
  return files;
}

// The rules that fire on an item with no duty under "Technical and organisational measures".
std::vector<std::string> FiredUnderMeasuresHeading(const RuleSetData& rules) {
  const std::string heading = "Technical and organisational measures";
  const std::string item = "Encryption of personal data at rest.";
  NormalizedText text;
  text.text = heading + "\n\n" + item;
  for (char c : text.text) {
    text.folded += c == '\n' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t i = 0; i <= text.text.size(); ++i) {
    text.source.push_back(static_cast<std::uint32_t>(i));
  }
  Outline outline;
  outline.sections.push_back(Section{"", heading, heading, 1, 0});
  const auto item_begin = static_cast<std::uint32_t>(heading.size() + 2);
  outline.units.push_back(Unit{0, static_cast<std::uint32_t>(heading.size()), UnitKind::kHeading,
                               0, -1});
  outline.units.push_back(Unit{item_begin, static_cast<std::uint32_t>(text.text.size()),
                               UnitKind::kSentence, 0, 0});
  outline.paragraphs.push_back(
      Paragraph{item_begin, static_cast<std::uint32_t>(text.text.size()), 0});
  std::vector<std::string> ids;
  for (const RuleHit& hit : rules.matcher->Match(text, outline)) {
    ids.push_back(rules.rules[hit.rule].id);
  }
  return ids;
}

TEST(MeasureHeadingsKey, OnlyCategoriesWithTheKeyReadMeasureHeadings) {
  Result<std::shared_ptr<RuleSetData>> rules =
      LoadRuleSet(Files("- {id: controls, title: Controls, headings: measures}\n"
                        "- {id: practices, title: Practices}\n"),
                  "test");
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  EXPECT_EQ(FiredUnderMeasuresHeading(**rules), std::vector<std::string>{"controls.encryption"});
}

TEST(MeasureHeadingsKey, AnUnknownHeadingsValueIsAnErrorWithItsLine) {
  Result<std::shared_ptr<RuleSetData>> rules =
      LoadRuleSet(Files("- {id: controls, title: Controls}\n"
                        "- {id: practices, title: Practices, headings: titles}\n"),
                  "test");
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.error().message().find("categories.yaml:2"), std::string::npos)
      << rules.error().message();
  EXPECT_NE(rules.error().message().find("headings"), std::string::npos)
      << rules.error().message();
}

}  // namespace
}  // namespace clausescan::internal

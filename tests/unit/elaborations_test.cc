// A sentence that only spells out what the sentence before it requires ("This includes ...",
// "Such measures include ...") is read with that sentence: its duty and its duty holder
// (issue 11, engine limits #2), scanned with the built-in rules as a reader sees it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan_text.h"
#include "structure/outline.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;

// issue 11 engine limits #2: the controls a "This includes" sentence lists are the vendor's.
TEST(Elaborations, ThisIncludesListsTheDutyBeforeIt) {
  const std::string text =
      "# 4. Safeguards\n\n"
      "The Vendor shall run a documented information security programme. This includes "
      "encrypting client records in transit, two-factor sign-in for administrators and a yearly "
      "penetration test.\n";
  const Report report = ScanText(text, "safeguards.md");
  const std::vector<Finding> found = On(report, "security_measures", "two-factor sign-in");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].party, "supplier");
}

// issue 11 engine limits #2: "Such measures include" after the client's duty is the client's.
TEST(Elaborations, SuchMeasuresIncludeTakesTheHolderOfTheSentenceBefore) {
  const std::string text =
      "# 4. Client systems\n\n"
      "The Client shall protect the workstations its staff use to reach the service. Such "
      "measures shall include disk encryption and two-factor sign-in.\n";
  const Report report = ScanText(text, "client.md");
  for (const Finding& f : On(report, "security_measures", "two-factor sign-in")) {
    EXPECT_NE(f.party, "supplier") << f.rule;
  }
}

// issue 11 engine limits #2: the link is made only for a sentence that opens so, in the same
// paragraph, after a sentence of text.
TEST(Elaborations, OnlyAnOpeningElaborationIsLinked) {
  using internal::Normalize;
  using internal::NormalizeOptions;
  using internal::Segment;
  const auto links = [](std::string_view doc) {
    const internal::NormalizedText text = Normalize(doc, NormalizeOptions{false});
    const internal::Outline outline = Segment(text);
    std::vector<std::string> out;
    for (const internal::ListLead& link : outline.leads) {
      const internal::Unit& item = outline.units[link.item];
      const internal::Unit& lead = outline.units[link.lead];
      out.push_back(text.text.substr(item.begin, item.end - item.begin) + " <- " +
                    text.text.substr(lead.begin, lead.end - lead.begin));
    }
    return out;
  };
  EXPECT_EQ(links("The vendor keeps logs. This includes access logs.\n"),
            std::vector<std::string>{"This includes access logs. <- The vendor keeps logs."});
  EXPECT_EQ(
      links("The vendor keeps logs. These measures will include alerts.\n"),
      std::vector<std::string>{"These measures will include alerts. <- The vendor keeps logs."});
  // Not at the start of a sentence, nor across a paragraph break.
  EXPECT_TRUE(links("The vendor keeps logs, and this includes access logs.\n").empty());
  EXPECT_TRUE(links("The vendor keeps logs.\n\nThis includes access logs.\n").empty());
  // "This" as a determiner of another noun states something else.
  EXPECT_TRUE(links("The vendor keeps logs. This agreement includes the schedules.\n").empty());
}

}  // namespace
}  // namespace clausescan

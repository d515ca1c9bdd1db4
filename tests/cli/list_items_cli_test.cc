// List items read as their list says (issue 11): items whose bullets a PDF converter set apart
// from their text, and items of a list with no lead-in whose topic is the heading above it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

struct Found {
  std::string category;
  std::string text;
};

std::vector<Found> Findings(const std::string& name, const std::string& text) {
  TempDir dir;
  WriteWholeFile(dir.path() / name, text);
  RunResult r = RunClausescan("scan --format json " + Quote(dir.path() / name));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<Found> out;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  for (const nlohmann::json& f : report["findings"]) {
    out.push_back({f["category"].get<std::string>(), f["text"].get<std::string>()});
  }
  return out;
}

// True when a finding of category quotes words.
bool Quotes(const std::vector<Found>& findings, const std::string& category,
            const std::string& words) {
  for (const Found& f : findings) {
    if (f.category == category && f.text.find(words) != std::string::npos) return true;
  }
  return false;
}

// The findings as a failure message shows them, one a line.
std::string Shown(const std::vector<Found>& findings) {
  std::string out;
  for (const Found& f : findings) out += f.category + ": " + f.text + "\n";
  return out;
}

// A word processor's bullets set apart from their text: "•" alone, a blank line, the item. Each
// item is a security measure under the lead-in, as with "• Use two factor authentication" on one
// line; an item as short as a title was read as a heading, never matched ("ISO 27001", in
// capitals, even opened a section).
TEST(ConvertedText, BulletsSetApartFromTheirTextKeepTheirItems) {
  const std::string doc =
      "Security measures\n"
      "The Supplier keeps the security of the service under review. The Supplier shall always "
      "follow these steps:\n"
      "\xE2\x80\xA2\n\nUse two factor authentication for all administrative access\n\n"
      "\xE2\x80\xA2\n\nKeep audit logs of administrative access for one year\n\n"
      "Hosting\n"
      "The data centres are certified under the following standards:\n"
      "\xE2\x80\xA2\n\nISO 27001\n\n\xE2\x80\xA2\n\nSOC 2\n\n"
      "Dashboard\n"
      "All communication with the dashboard is encrypted via TLS.\n";
  const std::vector<Found> found = Findings("schedule.txt", doc);
  const std::string shown = Shown(found);
  EXPECT_TRUE(Quotes(found, "security_measures", "Use two factor authentication")) << shown;
  EXPECT_TRUE(Quotes(found, "security_measures", "Keep audit logs")) << shown;
  EXPECT_TRUE(Quotes(found, "security_measures", "encrypted via TLS")) << shown;
}

// A list with no lead-in right under a heading that names its topic: each item is a provision
// about that topic, as it would be after "The Supplier shall, as to sub-processors:". The items
// name neither the sub-processors nor who owes them, and were found by no rule.
TEST(TopicHeading, ItemsOfAListWithNoLeadInTakeTheTopicOfTheHeadingAbove) {
  const std::string doc =
      "# Schedule 2: Supplier commitments\n\nThe Supplier shall comply with the commitments "
      "below.\n\n## Sub-processors\n\n- Maintain a current list of them on its website.\n"
      "- Remain liable for their acts and omissions.\n\n## Security\n\n- Patch critical "
      "vulnerabilities within 14 days.\n";
  const std::vector<Found> found = Findings("commitments.md", doc);
  const std::string shown = Shown(found);
  EXPECT_TRUE(Quotes(found, "subprocessors", "Maintain a current list of them")) << shown;
  EXPECT_TRUE(Quotes(found, "subprocessors", "Remain liable for their acts")) << shown;
  EXPECT_TRUE(Quotes(found, "security_measures", "Patch critical vulnerabilities")) << shown;
}

// The heading lends its topic only to a list right under it, with no lead-in of its own and no
// text between: a paragraph after the heading, or a list led in by a sentence, says what its
// items are about itself.
TEST(TopicHeading, TextBetweenTheHeadingAndTheListKeepsTheTopicAway) {
  const std::string doc =
      "## Sub-processors\n\nThe Customer keeps its own records.\n\n- Maintain a current list "
      "of them on its website.\n- Remain liable for their acts and omissions.\n";
  const std::vector<Found> found = Findings("records.md", doc);
  EXPECT_FALSE(Quotes(found, "subprocessors", "Maintain a current list of them"));
  EXPECT_FALSE(Quotes(found, "subprocessors", "Remain liable for their acts"));
}

}  // namespace
}  // namespace clausescan::testing

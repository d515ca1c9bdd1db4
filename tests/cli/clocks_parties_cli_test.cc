// Numbers and parties a reader must not have to correct (issue 15, clock16): the clock a notice
// clause states, and whose duty or right a sentence states.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;

// The findings of one category in the JSON report of text.
std::vector<nlohmann::json> FindingsOf(const std::string& text, const std::string& category) {
  RunResult r = RunClausescan("scan --format json -", text);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& f : report["findings"]) {
    if (f["category"] == category) out.push_back(f);
  }
  return out;
}

// A notice's deadline stated two sentences on, with a sentence that widens what is notified in
// between, counting from "the processor's knowledge" of the event: 24 hours from awareness, not
// an "immediately" with no number (which a reader would rate workable).
TEST(ClocksCli, DeadlineAfterAnAsideCountsFromTheProcessorsKnowledge) {
  const std::string text =
      "# 9. Notification duties\n\n"
      "1. The processor informs the controller without undue delay of personal data breaches. "
      "Well-founded suspicions thereof are also to be communicated. The notification must be "
      "made "
      "at the latest within 24 hours after the processor's knowledge of the relevant event to an "
      "address named by the controller.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "incident_notification");
  ASSERT_FALSE(found.empty());
  const nlohmann::json& f = found.front();
  EXPECT_EQ(f["parameters"].value("window_hours", 0.0), 24.0) << f.dump();
  EXPECT_EQ(f["parameters"].value("trigger", ""), "awareness") << f.dump();
  EXPECT_EQ(f["risk"], "high") << f.dump();
  EXPECT_THAT(f["text"].get<std::string>(), HasSubstr("within 24 hours"));
}

// The sentence between names an act of its own that the pointing noun may name ("The report
// ..." after a sentence that reports to the authority): the deadline is that act's, not the
// clause's.
TEST(ClocksCli, DeadlineOfTheActBetweenIsNotTheClauses) {
  const std::string text =
      "# 9. Notification duties\n\n"
      "The processor shall notify the controller without undue delay of any personal data "
      "breach. The controller shall report it to the supervisory authority. The report must be "
      "made within 72 hours.\n";
  for (const nlohmann::json& f : FindingsOf(text, "incident_notification")) {
    if (f["party"] != "supplier") continue;
    EXPECT_FALSE(f["parameters"].contains("window_hours")) << f.dump();
  }
}

}  // namespace
}  // namespace clausescan::testing

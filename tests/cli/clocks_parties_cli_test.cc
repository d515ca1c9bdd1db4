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

// A clock read through a definition says so: "after becoming aware of any Security Incident",
// where a Security Incident is a confirmed breach, runs from confirmation, but the clause's own
// word is awareness, and a reader must see where "confirmation" came from.
TEST(ClocksCli, TriggerReadThroughADefinitionSaysWhichDefinition) {
  const std::string text =
      "# 1. Definitions\n\n"
      "\"Security Incident\" means a confirmed breach of security leading to the unauthorized "
      "disclosure of, or access to, Customer Data.\n\n"
      "# 7. Security Incidents\n\n"
      "Provider shall notify Customer in writing within forty-eight (48) hours after becoming "
      "aware of any Security Incident.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "incident_notification");
  ASSERT_FALSE(found.empty());
  const nlohmann::json& f = found.front();
  EXPECT_EQ(f["parameters"].value("trigger", ""), "confirmation") << f.dump();
  EXPECT_EQ(f["parameters"].value("trigger_defined_by", ""), "security incident") << f.dump();
  ASSERT_FALSE(f["reasons"].empty());
  EXPECT_THAT(f["reasons"][0].get<std::string>(), HasSubstr("defines as a confirmed event"));
}

// Review of the merged main (session 16): two values read through one definition gave two
// reasons that differed only in the parameter's name; they are said in one.
TEST(ClocksCli, ValuesReadThroughOneDefinitionAreSaidInOneReason) {
  const std::string text =
      "# 1. Definitions\n\n"
      "\"Retention Period\" means thirty (30) days after termination of the Agreement.\n\n"
      "# 9. Deletion\n\n"
      "Upon expiry of the Retention Period, Provider shall delete all Customer Data, including "
      "copies.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "data_deletion");
  ASSERT_EQ(found.size(), 1u);
  const nlohmann::json& f = found.front();
  ASSERT_EQ(f["parameters"].value("delete_days_defined_by", ""), "retention period") << f.dump();
  int from_definition = 0;
  for (const nlohmann::json& reason : f["reasons"]) {
    if (reason.get<std::string>().find("read from the definition of") != std::string::npos) {
      ++from_definition;
      EXPECT_THAT(reason.get<std::string>(),
                  HasSubstr("delete_days 30 and period_days 30 are read from the definition of "
                            "\"retention period\""));
    }
  }
  EXPECT_EQ(from_definition, 1) << f.dump();
}

// A plural noun after a party's name is no verb of that party: "Customer projects ... are
// deployed" is a passive measure of the provider's (it runs the networks), not the customer's
// duty, and the sentence after it, which names no side, must not inherit the customer either.
TEST(PartiesCli, PartyNameBeforeAPluralNounIsNoSubject) {
  const std::string text =
      "# Network security\n\n"
      "Customer projects and internal control plane services are deployed in separate networks "
      "with firewalls that allow only the expected traffic between them.\n\n"
      "All backups are encrypted at rest using AES-256.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "security_measures");
  ASSERT_EQ(found.size(), 2u);
  for (const nlohmann::json& f : found) {
    EXPECT_EQ(f["party"], "supplier") << f.dump();
    EXPECT_EQ(f["side"], "us") << f.dump();
  }
}

// A right that names no holder belongs to the side the leading condition names: "If the client
// does not agree with a new subcontractor, the right to immediate termination exists" is the
// client's right to end the contract, not a duty of ours.
TEST(PartiesCli, BareRightAfterAConditionIsTheConditionsSubjects) {
  const std::string text =
      "This agreement is made between Acme GmbH (the \"contractor\") and the client.\n\n"
      "## 7. Subcontractors\n\n"
      "15. If the client does not agree with a new subcontractor, the right to immediate "
      "termination exists.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "subprocessors");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["party"], "customer") << found[0].dump();
  EXPECT_EQ(found[0]["holds"], "right") << found[0].dump();
}

// Self-service deletion is no export: a clause that lets the customer delete its own data gets
// advice about deletion, not about keeping an export working or charging for exports.
TEST(ClocksCli, SelfServiceDeletionGetsNoExportAdvice) {
  const std::string text =
      "# 7. Deletion of Customer Data\n\n"
      "Provider will allow Customer to erase Customer Data through the features of the Service.\n";
  const std::vector<nlohmann::json> found = FindingsOf(text, "data_deletion");
  ASSERT_EQ(found.size(), 1u);
  const nlohmann::json& f = found[0];
  EXPECT_EQ(f["parameters"].value("deletion_only", false), true) << f.dump();
  for (const nlohmann::json& advice : f["considerations"]) {
    EXPECT_THAT(advice.get<std::string>(), ::testing::Not(HasSubstr("export"))) << f.dump();
  }
  ASSERT_FALSE(f["reasons"].empty());
  EXPECT_THAT(f["reasons"][0].get<std::string>(), HasSubstr("deletes its data itself"));
  for (const nlohmann::json& reason : f["reasons"]) {
    EXPECT_THAT(reason.get<std::string>(), ::testing::Not(HasSubstr("keep the export working")))
        << f.dump();
  }
}

}  // namespace
}  // namespace clausescan::testing

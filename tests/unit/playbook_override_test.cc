// Playbook overrides (--playbook FILE): MergePlaybook's semantics and golden diagnostics, and
// RuleSet::WithPlaybook sharing the compiled rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "assess/assess.h"
#include "clausescan/rules.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "test_rule_files.h"
#include "support/temp_directory.h"

namespace clausescan::internal {
namespace {

using test_rules::LoadTestRules;

const RuleSetData& Base() {
  static const std::shared_ptr<RuleSetData> data = [] {
    Result<std::shared_ptr<RuleSetData>> loaded = LoadTestRules();
    EXPECT_TRUE(loaded.ok()) << loaded.error().message();
    return loaded.ok() ? *loaded : std::make_shared<RuleSetData>();
  }();
  return *data;
}

Result<Playbook> Merge(const std::string& yaml) {
  return MergePlaybook(Base(), SourceFile{"my-playbook.yaml", yaml});
}

std::vector<std::string> Ids(const CategoryPolicy& policy) {
  std::vector<std::string> ids;
  for (const Position& position : policy.positions) ids.push_back(position.id);
  return ids;
}

TEST(PlaybookOverride, ReplacesAPositionInPlace) {
  Result<Playbook> merged = Merge(R"(incident_notification:
  positions:
    - id: notify-short
      when: {window_hours: {lt: 48}}
      risk: medium
      reason: under two days
)");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  const CategoryPolicy& policy = merged->categories.at("incident_notification");
  EXPECT_EQ(Ids(policy), (std::vector<std::string>{"notify-short", "notify-occurrence"}));
  const Position& position = policy.positions[0];
  EXPECT_EQ(position.risk, Risk::kMedium);
  EXPECT_EQ(position.reason, "under two days");
  EXPECT_EQ(position.propose, "");  // replaced whole, not field by field
  EXPECT_EQ(position.when[0].value, ParamValue(48.0));
  EXPECT_EQ(position.file, "my-playbook.yaml");
  EXPECT_EQ(position.line, 3);
  EXPECT_EQ(policy.default_risk, Risk::kLow);  // untouched
  EXPECT_EQ(policy.default_reason, "fine");
  // The base playbook is not changed.
  EXPECT_EQ(Base().playbook.categories.at("incident_notification").positions[0].risk, Risk::kHigh);
}

TEST(PlaybookOverride, AddsDisablesAndSetsDefaults) {
  Result<Playbook> merged = Merge(R"(incident_notification:
  default: medium
  default_reason: check it
  positions:
    - {id: notify-occurrence, enabled: false}
    - id: notify-long
      when: {window_hours: {gt: 168}}
      risk: info
      reason: a week is generous
data_deletion:
  positions:
    - {id: delete-short, enabled: false}
)");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  const CategoryPolicy& notice = merged->categories.at("incident_notification");
  EXPECT_EQ(Ids(notice), (std::vector<std::string>{"notify-short", "notify-long"}));
  EXPECT_EQ(notice.default_risk, Risk::kMedium);
  EXPECT_EQ(notice.default_reason, "check it");
  EXPECT_TRUE(merged->categories.at("data_deletion").positions.empty());
  EXPECT_EQ(merged->position_ids, (std::set<std::string>{"notify-long", "notify-short"}));
}

// issue 15 #1: a policy's `customer:` side holds the buyer's positions; an override's replaces it
// whole, and its ids share the playbook's one name space.
TEST(PlaybookOverride, ACustomerSideIsReadAndReplacedWhole) {
  Result<Playbook> merged = Merge(R"(incident_notification:
  customer:
    default: info
    positions:
      - id: buyer-notice-slow
        when: {window_hours: {gt: 36}}
        risk: high
        reason: slower than the buyer's own deadline allows
        propose: Notice within a day.
)");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  const CategoryPolicy& policy = merged->categories.at("incident_notification");
  ASSERT_NE(policy.customer, nullptr);
  EXPECT_EQ(Ids(*policy.customer), std::vector<std::string>{"buyer-notice-slow"});
  EXPECT_EQ(policy.customer->positions[0].risk, Risk::kHigh);
  EXPECT_EQ(policy.customer->positions[0].propose, "Notice within a day.");
  EXPECT_EQ(policy.customer->customer, nullptr);
  EXPECT_EQ(Ids(policy), (std::vector<std::string>{"notify-short", "notify-occurrence"}));
  EXPECT_EQ(merged->position_ids.count("buyer-notice-slow"), 1u);

  Result<Playbook> twice =
      MergePlaybook(Base(), SourceFile{"my-playbook.yaml", R"(incident_notification:
  customer:
    positions:
      - id: buyer-notice-slow
        when: {window_hours: {gt: 36}}
        risk: high
        reason: slower than the buyer's own deadline allows
  positions:
    - id: buyer-notice-slow
      when: {window_hours: {lt: 2}}
      risk: low
      reason: the same id on the supplier's side
)"});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message().find("duplicate position id 'buyer-notice-slow'"),
            std::string::npos)
      << twice.error().message();

  Result<Playbook> nested = Merge(R"(incident_notification:
  customer:
    customer: {default: low}
)");
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().message().find("my-playbook.yaml:3:"), std::string::npos)
      << nested.error().message();
  EXPECT_NE(nested.error().message().find("no customer side of its own"), std::string::npos)
      << nested.error().message();
}

TEST(PlaybookOverride, RuleKeyStartsAPolicyOfItsOwn) {
  Result<Playbook> merged = Merge(R"(incident-notification.window:
  default: high
  positions:
    - {id: window-any, when: {}, risk: high, reason: always}
)");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  const CategoryPolicy& policy = merged->categories.at("incident-notification.window");
  EXPECT_EQ(policy.default_risk, Risk::kHigh);
  EXPECT_EQ(Ids(policy), std::vector<std::string>{"window-any"});
  EXPECT_EQ(merged->categories.size(), 3u);
}

TEST(PlaybookOverride, ChangesTheRiskOfAFinding) {
  Result<Playbook> merged = Merge(R"(incident_notification:
  positions:
    - {id: notify-short, when: {window_hours: {lt: 72}}, risk: high, reason: "{window_hours} h"}
)");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  const Rule& rule = Base().rules[1];  // incident-notification.window
  ASSERT_EQ(rule.id, "incident-notification.window");
  Finding before;
  before.category = "incident_notification";
  before.parameters = {{"window_hours", 48.0}};
  Finding after = before;
  Assess(Base().playbook, {}, {}, rule, before);
  Assess(*merged, {}, {}, rule, after);
  EXPECT_EQ(before.risk, Risk::kLow);
  EXPECT_EQ(after.risk, Risk::kHigh);
  EXPECT_EQ(after.reasons, std::vector<std::string>{"48 h (position notify-short)"});
}

struct GoldenCase {
  const char* name;
  std::string content;
  std::string expected;  // Error::message()
};

std::vector<GoldenCase> GoldenCases() {
  const std::string f = "my-playbook.yaml:";
  return {
      {"empty", "# only a comment\n", "my-playbook.yaml: the file is empty"},
      {"syntax", "incident_notification: [a\n",
       f + "2:1: YAML syntax error: end of sequence flow not found"},
      {"not a map", "- incident_notification\n",
       f + "1:1: expected a map for playbook, found a list"},
      {"unknown category", "incident_notifcation:\n  default: low\n",
       f + "1:1: unknown category or rule 'incident_notifcation' in playbook (did you mean "
           "'incident_notification'?)"},
      {"unknown policy key", "incident_notification:\n  defualt: low\n",
       f + "2:3: unknown key 'defualt' in playbook of 'incident_notification' (did you mean "
           "'default'?)"},
      {"bad default", "incident_notification:\n  default: critical\n",
       f + "2:12: invalid risk 'critical': expected info, low, medium or high"},
      {"unknown position key",
       "incident_notification:\n  positions:\n    - {id: notify-short, risks: high}\n",
       f + "3:26: unknown key 'risks' in position (did you mean 'risk'?)"},
      {"disable unknown id",
       "incident_notification:\n  positions:\n    - {id: notify-shrt, enabled: false}\n",
       f + "3:12: unknown position id 'notify-shrt' in the playbook of 'incident_notification' "
           "(did you mean 'notify-short'?)"},
      {"disable with more",
       "incident_notification:\n  positions:\n    - {id: notify-short, enabled: false, risk: "
       "low}\n",
       f + "3:42: 'risk' has no use in a disabled position: a position with 'enabled: false' "
           "takes only 'id' and 'enabled'"},
      {"bad enabled",
       "incident_notification:\n  positions:\n    - {id: notify-short, enabled: maybe}\n",
       f + "3:35: expected true or false for 'enabled'"},
      {"position of another key",
       "incident_notification:\n  positions:\n    - {id: delete-short, enabled: false}\n",
       f + "3:12: position 'delete-short' belongs to the playbook of 'data_deletion', not "
           "'incident_notification': override it there"},
      {"new position without when",
       "incident_notification:\n  positions:\n    - {id: notify-new, risk: low, reason: r}\n",
       f + "3:7: missing required key 'when' in position"},
      {"replacement without reason",
       "incident_notification:\n  positions:\n    - {id: notify-short, when: {}, risk: low}\n",
       f + "3:7: missing required key 'reason' in position"},
      {"id named twice",
       "incident_notification:\n  positions:\n    - {id: notify-short, enabled: false}\n"
       "    - {id: notify-short, when: {}, risk: low, reason: r}\n",
       f + "4:12: duplicate position id 'notify-short'"},
      {"undeclared parameter",
       "incident_notification:\n  positions:\n    - {id: p, when: {period_days: {lt: 3}}, "
       "risk: low, reason: r}\n",
       f + "3:22: no rule of category 'incident_notification' declares parameter "
           "'period_days'"},
      {"undeclared placeholder",
       "incident_notification:\n  positions:\n    - {id: p, when: {}, risk: low, reason: "
       "'{windw_hours} h'}\n",
       f + "3:44: no rule of category 'incident_notification' declares parameter 'windw_hours' "
           "(did you mean 'window_hours'?)"},
      {"comparison needs a number",
       "data_deletion:\n  positions:\n    - {id: p, when: {period_days: {lt: soon}}, risk: "
       "low, reason: r}\n",
       f + "3:40: expected a number for 'lt', found 'soon'"},
      {"positions not a list", "data_deletion:\n  positions: {id: p}\n",
       f + "2:14: expected a list for 'positions', found a map"},
      {"proposal on an undeclared parameter",
       "incident_notification:\n  positions:\n    - {id: p, when: {}, risk: low, reason: r, "
       "propose: {text: t, when: {period_days: {lt: 3}}}}\n",
       f + "3:73: no rule of category 'incident_notification' declares parameter "
           "'period_days'"},
      {"proposal with an empty when",
       "incident_notification:\n  positions:\n    - {id: p, when: {}, risk: low, reason: r, "
       "propose: {text: t, when: {}}}\n",
       f + "3:72: 'when' states no condition: leave 'when' out for advice always offered"},
      {"proposal without when",
       "incident_notification:\n  positions:\n    - {id: p, when: {}, risk: low, reason: r, "
       "propose: {text: t}}\n",
       f + "3:56: a 'propose' map needs 'when' or 'establishes' (else write it as text)"},
  };
}

TEST(PlaybookOverride, GoldenDiagnostics) {
  for (const GoldenCase& c : GoldenCases()) {
    SCOPED_TRACE(c.name);
    Result<Playbook> merged = Merge(c.content);
    ASSERT_FALSE(merged.ok());
    EXPECT_EQ(merged.error().code(), ErrorCode::kRuleError);
    EXPECT_EQ(merged.error().message(), c.expected);
  }
}

// RuleSet::WithPlaybook over a rule directory on disk.
class WithPlaybookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = clausescan::testing::MakeTempDirectory("clausescan_with_playbook_");
    for (const auto& [name, content] : test_rules::TestRuleFiles()) Write(name, content);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::filesystem::path dir_;
};

TEST_F(WithPlaybookTest, SharesTheCompiledRules) {
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Write("override.yaml", "incident_notification:\n  default: high\n");
  Result<RuleSet> custom = rules->WithPlaybook((dir_ / "override.yaml").string());
  ASSERT_TRUE(custom.ok()) << custom.error().message();
  EXPECT_EQ(custom->data().matcher.get(), rules->data().matcher.get());
  EXPECT_EQ(custom->data().doctype_guesser.get(), rules->data().doctype_guesser.get());
  EXPECT_EQ(custom->data().playbook.categories.at("incident_notification").default_risk,
            Risk::kHigh);
  EXPECT_EQ(rules->data().playbook.categories.at("incident_notification").default_risk, Risk::kLow);
  EXPECT_EQ(custom->origin(), rules->origin());
  EXPECT_EQ(custom->Rules().size(), rules->Rules().size());
}

TEST_F(WithPlaybookTest, ChainsOverrides) {
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Result<RuleSet> first = rules->WithPlaybookText(
      "data_deletion:\n  positions:\n    - {id: extra, when: {}, risk: low, reason: r}\n", "a");
  ASSERT_TRUE(first.ok()) << first.error().message();
  Result<RuleSet> second = first->WithPlaybookText(
      "data_deletion:\n  positions:\n    - {id: extra, enabled: false}\n", "b");
  ASSERT_TRUE(second.ok()) << second.error().message();
  EXPECT_EQ(Ids(first->data().playbook.categories.at("data_deletion")),
            (std::vector<std::string>{"delete-short", "extra"}));
  EXPECT_EQ(Ids(second->data().playbook.categories.at("data_deletion")),
            std::vector<std::string>{"delete-short"});
}

TEST_F(WithPlaybookTest, ErrorsNameThePath) {
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const std::string missing = (dir_ / "nope.yaml").string();
  Result<RuleSet> custom = rules->WithPlaybook(missing);
  ASSERT_FALSE(custom.ok());
  EXPECT_EQ(custom.error().code(), ErrorCode::kIo);
  EXPECT_EQ(custom.error().message(),
            missing + ": cannot read playbook: No such file or directory");
  custom = rules->WithPlaybook(dir_.string());
  ASSERT_FALSE(custom.ok());
  EXPECT_EQ(custom.error().message(), dir_.string() + ": cannot read playbook: it is a directory");
  Write("bad.yaml", "incident_notification:\n  default: severe\n");
  custom = rules->WithPlaybook((dir_ / "bad.yaml").string());
  ASSERT_FALSE(custom.ok());
  EXPECT_EQ(custom.error().code(), ErrorCode::kRuleError);
  EXPECT_EQ(custom.error().message(),
            (dir_ / "bad.yaml").string() +
                ":2:12: invalid risk 'severe': expected info, low, medium or high");
}

TEST_F(WithPlaybookTest, PlaybookFilesTopLevelFirst) {
  Write("zz/playbook.yaml", "audit_rights:\n  default: low\n");
  Write("aa/playbook.yaml", "# nothing but a comment\n{}\n");
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  std::vector<std::string> names;
  for (const RuleFile& file : rules->PlaybookFiles()) names.push_back(file.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"playbook.yaml", "aa/playbook.yaml", "zz/playbook.yaml"}));
  EXPECT_EQ(rules->PlaybookFiles()[0].content, test_rules::kTestPlaybook);
}

}  // namespace
}  // namespace clausescan::internal

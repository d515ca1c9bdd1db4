#include "assess/assess.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/loader.h"

#include "support/build_paths.h"

namespace clausescan::internal {
namespace {

using Params = std::map<std::string, ParamValue>;
using Op = Condition::Op;

Condition Cond(std::string param, Op op, ParamValue value = {}) {
  Condition c;
  c.param = std::move(param);
  c.op = op;
  c.value = std::move(value);
  return c;
}

Condition In(std::string param, std::vector<std::string> values) {
  Condition c = Cond(std::move(param), Op::kIn);
  c.values = std::move(values);
  return c;
}

struct HoldsCase {
  const char* name;
  Condition condition;
  Params params;
  bool expected;
};

TEST(Holds, Table) {
  const std::vector<HoldsCase> cases = {
      {"lt holds", Cond("h", Op::kLess, 24.0), {{"h", 12.0}}, true},
      {"lt at limit", Cond("h", Op::kLess, 24.0), {{"h", 24.0}}, false},
      {"le at limit", Cond("h", Op::kLessEqual, 24.0), {{"h", 24.0}}, true},
      {"gt", Cond("h", Op::kGreater, 24.0), {{"h", 24.5}}, true},
      {"ge at limit", Cond("h", Op::kGreaterEqual, 72.0), {{"h", 72.0}}, true},
      {"ge below", Cond("h", Op::kGreaterEqual, 72.0), {{"h", 71.0}}, false},
      {"lt on a word", Cond("h", Op::kLess, 24.0), {{"h", std::string("24")}}, false},
      {"lt absent", Cond("h", Op::kLess, 24.0), {}, false},
      {"equals word",
       Cond("t", Op::kEquals, std::string("occurrence")),
       {{"t", std::string("occurrence")}},
       true},
      {"equals word, case",
       Cond("m", Op::kEquals, std::string("scc")),
       {{"m", std::string("SCC")}},
       true},
      {"equals other word",
       Cond("t", Op::kEquals, std::string("occurrence")),
       {{"t", std::string("awareness")}},
       false},
      {"equals number", Cond("h", Op::kEquals, 24.0), {{"h", 24.0}}, true},
      {"equals true", Cond("b", Op::kEquals, true), {{"b", true}}, true},
      {"equals true, got false", Cond("b", Op::kEquals, true), {{"b", false}}, false},
      {"equals true, got word", Cond("b", Op::kEquals, true), {{"b", std::string("true")}}, false},
      {"equals in a list",
       Cond("l", Op::kEquals, std::string("mfa")),
       {{"l", std::vector<std::string>{"encryption", "mfa"}}},
       true},
      {"equals not in a list",
       Cond("l", Op::kEquals, std::string("logging")),
       {{"l", std::vector<std::string>{"encryption", "mfa"}}},
       false},
      {"in", In("v", {"immediately", "forthwith"}), {{"v", std::string("forthwith")}}, true},
      {"not in", In("v", {"immediately", "forthwith"}), {{"v", std::string("promptly")}}, false},
      {"in, number", In("n", {"1", "2"}), {{"n", 2.0}}, true},
      {"in, list", In("l", {"cyber"}), {{"l", std::vector<std::string>{"general", "cyber"}}}, true},
      {"in absent", In("v", {"immediately"}), {}, false},
      {"present", Cond("b", Op::kPresent), {{"b", false}}, true},
      {"present, absent", Cond("b", Op::kPresent), {}, false},
      {"absent", Cond("b", Op::kAbsent), {}, true},
      {"absent, present", Cond("b", Op::kAbsent), {{"b", false}}, false},
  };
  for (const HoldsCase& c : cases) {
    EXPECT_EQ(Holds(c.condition, c.params), c.expected) << c.name;
  }
}

TEST(FillPlaceholders, FormatsValues) {
  Params params = {{"hours", 24.0},
                   {"days", 1.5},
                   {"trigger", std::string("occurrence")},
                   {"backups", true},
                   {"types", std::vector<std::string>{"cyber", "general"}}};
  EXPECT_EQ(FillPlaceholders("{hours} hours", params), "24 hours");
  EXPECT_EQ(FillPlaceholders("{days} days", params), "1.5 days");
  // issue 15 #4: a figure of one takes the singular unit.
  const std::map<std::string, ParamValue> one{{"n", 1.0}};
  EXPECT_EQ(FillPlaceholders("within {n} hours, {n} business days, {n} daysx", one),
            "within 1 hour, 1 business day, 1 daysx");
  EXPECT_EQ(FillPlaceholders("from {trigger}", params), "from occurrence");
  EXPECT_EQ(FillPlaceholders("backups={backups}", params), "backups=true");
  EXPECT_EQ(FillPlaceholders("{types}", params), "cyber, general");
  EXPECT_EQ(FillPlaceholders("{hours}{days}", params), "241.5");
}

TEST(FillPlaceholders, LeavesOtherBracesAlone) {
  Params params = {{"hours", 72.0}};
  EXPECT_EQ(FillPlaceholders("{missing} and {hours}", params), "{missing} and 72");
  EXPECT_EQ(FillPlaceholders("a {b c} {", params), "a {b c} {");
  EXPECT_EQ(FillPlaceholders("{}", params), "{}");
  EXPECT_EQ(FillPlaceholders("", params), "");
}

// A small playbook for incident notification, in the spirit of rules/playbook.yaml.
class AssessTest : public ::testing::Test {
 protected:
  AssessTest() {
    CategoryPolicy& policy = playbook_.categories["incident_notification"];
    policy.default_risk = Risk::kLow;
    policy.default_reason = "The notice terms are fine.";
    policy.positions.push_back(Pos("short", {Cond("window_hours", Op::kLess, 24.0)}, Risk::kHigh,
                                   "the window is {window_hours} hours", "Within 72 hours."));
    policy.positions.push_back(
        Pos("tight",
            {Cond("window_hours", Op::kGreaterEqual, 24.0), Cond("window_hours", Op::kLess, 72.0)},
            Risk::kMedium, "the window is {window_hours} hours", "Within 72 hours."));
    policy.positions.push_back(
        Pos("occurrence", {Cond("trigger", Op::kEquals, std::string("occurrence"))}, Risk::kHigh,
            "the clock starts at {trigger}", "Start the clock at awareness."));
    policy.positions.push_back(
        Pos("staged", {Cond("staged", Op::kEquals, true)}, Risk::kLow, "two stages", ""));
    controls_ = {{"A.5.24", "organizational", "Incident planning"},
                 {"A.5.26", "organizational", "Incident response"}};
    evidence_ = {{"incident-response-procedure", "Incident response procedure", "How."}};
    rule_.id = "incident-notification.window";
    rule_.category = "incident_notification";
    rule_.controls = {"A.5.26", "A.5.24"};
    rule_.evidence = {"incident-response-procedure"};
    rule_.considerations = {"Within 72 hours.", "Exclude unsuccessful attempts."};
  }

  static Position Pos(std::string id, std::vector<Condition> when, Risk risk, std::string reason,
                      std::string propose) {
    Position p;
    p.id = std::move(id);
    p.when = std::move(when);
    p.risk = risk;
    p.reason = std::move(reason);
    p.propose = std::move(propose);
    return p;
  }

  Finding Run(Params params, std::string category = "incident_notification") {
    Finding f;
    f.rule = rule_.id;
    f.category = std::move(category);
    f.parameters = std::move(params);
    Assess(playbook_, controls_, evidence_, rule_, f);
    return f;
  }

  Playbook playbook_;
  std::vector<ControlEntry> controls_;
  std::vector<EvidenceEntry> evidence_;
  Rule rule_;
};

TEST_F(AssessTest, PositionApplies) {
  Finding f = Run({{"window_hours", 12.0}});
  EXPECT_EQ(f.risk, Risk::kHigh);
  EXPECT_EQ(f.positions, std::vector<std::string>{"short"});
  EXPECT_EQ(f.reasons, std::vector<std::string>{"the window is 12 hours (position short)"});
}

TEST_F(AssessTest, RangeNeedsEveryCondition) {
  EXPECT_EQ(Run({{"window_hours", 24.0}}).positions, std::vector<std::string>{"tight"});
  EXPECT_EQ(Run({{"window_hours", 24.0}}).risk, Risk::kMedium);
  EXPECT_EQ(Run({{"window_hours", 72.0}}).risk, Risk::kLow);
}

TEST_F(AssessTest, PlaceholderNumbersHaveNoTrailingZero) {
  Finding f = Run({{"window_hours", 48.0}});
  ASSERT_EQ(f.reasons.size(), 1u);
  EXPECT_EQ(f.reasons[0], "the window is 48 hours (position tight)");
  EXPECT_EQ(Run({{"window_hours", 0.5}}).reasons[0], "the window is 0.5 hours (position short)");
}

TEST_F(AssessTest, HighestRiskWins) {
  Finding f = Run({{"window_hours", 48.0}, {"trigger", std::string("occurrence")}});
  EXPECT_EQ(f.risk, Risk::kHigh);
  EXPECT_EQ(f.positions, (std::vector<std::string>{"tight", "occurrence"}));
  EXPECT_EQ(f.reasons, (std::vector<std::string>{"the window is 48 hours (position tight)",
                                                 "the clock starts at occurrence (position "
                                                 "occurrence)"}));
}

TEST_F(AssessTest, LowPositionDoesNotLowerRisk) {
  Finding f = Run({{"window_hours", 48.0}, {"staged", true}});
  EXPECT_EQ(f.risk, Risk::kMedium);
  EXPECT_EQ(f.positions, (std::vector<std::string>{"tight", "staged"}));
}

TEST_F(AssessTest, DefaultWhenNoPositionApplies) {
  Finding f = Run({{"window_hours", 72.0}, {"trigger", std::string("awareness")}});
  EXPECT_EQ(f.risk, Risk::kLow);
  EXPECT_TRUE(f.positions.empty());
  EXPECT_EQ(f.reasons, std::vector<std::string>{"The notice terms are fine."});
  EXPECT_EQ(f.considerations,
            (std::vector<std::string>{"Within 72 hours.", "Exclude unsuccessful attempts."}));
}

TEST_F(AssessTest, DefaultWithoutParameters) {
  Finding f = Run({});
  EXPECT_EQ(f.risk, Risk::kLow);
  EXPECT_EQ(f.reasons.size(), 1u);
}

TEST_F(AssessTest, ConsiderationsProposalsFirstWithoutRepeats) {
  Finding f = Run({{"window_hours", 12.0}, {"trigger", std::string("occurrence")}});
  EXPECT_EQ(f.considerations,
            (std::vector<std::string>{"Within 72 hours.", "Start the clock at awareness.",
                                      "Exclude unsuccessful attempts."}));
}

TEST_F(AssessTest, AConsiderationThatRestatesAProposalIsLeftOut) {
  playbook_.categories["incident_notification"].positions[2].propose =
      "Start the notice period when Supplier becomes aware of the Security Incident.";
  rule_.considerations = {
      "Start the notice period when the supplier becomes aware of an incident.",   // the same
      "Start the clock at awareness, since an intrusion can go unseen for days.",  // more
      "Exclude unsuccessful attempts."};
  Finding f = Run({{"window_hours", 72.0}, {"trigger", std::string("occurrence")}});
  EXPECT_EQ(f.considerations,
            (std::vector<std::string>{
                "Start the notice period when Supplier becomes aware of the Security Incident.",
                "Start the clock at awareness, since an intrusion can go unseen for days.",
                "Exclude unsuccessful attempts."}));
  // Without the position, the rule's own advice is all there is, and all of it shows.
  EXPECT_EQ(Run({{"window_hours", 72.0}}).considerations,
            (std::vector<std::string>{
                "Start the notice period when the supplier becomes aware of an incident.",
                "Start the clock at awareness, since an intrusion can go unseen for days.",
                "Exclude unsuccessful attempts."}));
}

// A proposal's sample wording names the parties and uses other forms of the words ("Provider
// will answer", "further assistance") where the rule's advice says "your" and "assist": still
// one idea, said once. Advice on another point of the same subject still shows.
TEST_F(AssessTest, AConsiderationThatRestatesSampleWordingIsLeftOut) {
  playbook_.categories["incident_notification"].positions[2].propose =
      "Provider will answer questionnaires from its published security documentation; further "
      "assistance is at Customer's reasonable cost.";
  rule_.considerations = {
      "Answer questionnaires from your published documentation first, and assist beyond it at "
      "the customer's reasonable cost.",                                    // the same
      "Name a security contact who receives the questionnaires and keep it current."};  // more
  Finding f = Run({{"window_hours", 72.0}, {"trigger", std::string("occurrence")}});
  EXPECT_EQ(f.considerations,
            (std::vector<std::string>{
                "Provider will answer questionnaires from its published security documentation; "
                "further assistance is at Customer's reasonable cost.",
                "Name a security contact who receives the questionnaires and keep it current."}));
}

// Advice too short to have topic words ("Get a DPA.") is still said once, and an empty line in
// the rule file adds nothing.
TEST_F(AssessTest, AShortConsiderationIsSaidOnce) {
  rule_.considerations = {"Get a DPA.", "", "Get a DPA."};
  EXPECT_EQ(Run({}).considerations, (std::vector<std::string>{"Get a DPA."}));
}

TEST_F(AssessTest, EmptyProposalAddsNothing) {
  Finding f = Run({{"staged", true}});
  EXPECT_EQ(f.risk, Risk::kLow);
  EXPECT_EQ(f.considerations,
            (std::vector<std::string>{"Within 72 hours.", "Exclude unsuccessful attempts."}));
}

TEST_F(AssessTest, ControlsAndEvidenceResolvedInRuleOrder) {
  Finding f = Run({});
  ASSERT_EQ(f.controls.size(), 2u);
  EXPECT_EQ(f.controls[0].id, "A.5.26");
  EXPECT_EQ(f.controls[0].title, "Incident response");
  EXPECT_EQ(f.controls[1].id, "A.5.24");
  EXPECT_EQ(f.controls[1].title, "Incident planning");
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].id, "incident-response-procedure");
  EXPECT_EQ(f.evidence[0].title, "Incident response procedure");
}

TEST_F(AssessTest, UnknownCatalogueIdKeepsId) {
  rule_.controls = {"A.9.99"};
  Finding f = Run({});
  ASSERT_EQ(f.controls.size(), 1u);
  EXPECT_EQ(f.controls[0].id, "A.9.99");
  EXPECT_EQ(f.controls[0].title, "");
}

TEST_F(AssessTest, CategoryWithoutPolicyIsInfo) {
  Finding f = Run({{"window_hours", 1.0}}, "insurance");
  EXPECT_EQ(f.risk, Risk::kInfo);
  EXPECT_EQ(f.reasons, std::vector<std::string>{"no playbook position for this category"});
  EXPECT_TRUE(f.positions.empty());
  EXPECT_EQ(f.controls.size(), 2u);
  EXPECT_EQ(f.considerations.size(), 2u);
}

TEST_F(AssessTest, CustomerDutyIsNotJudgedByTheSupplierPlaybook) {
  rule_.party = Party::kCustomer;
  Finding f = Run({{"window_hours", 1.0}});
  EXPECT_EQ(f.risk, Risk::kInfo);
  EXPECT_EQ(f.reasons, std::vector<std::string>{
                           "the customer owes this duty, so the supplier's playbook positions "
                           "do not apply"});
  EXPECT_TRUE(f.positions.empty());
  EXPECT_EQ(f.controls.size(), 2u);
}

TEST_F(AssessTest, ReplacesPreviousAssessment) {
  Finding f;
  f.category = "incident_notification";
  f.parameters = {{"window_hours", 12.0}};
  f.reasons = {"stale"};
  f.positions = {"stale"};
  f.considerations = {"stale"};
  Assess(playbook_, controls_, evidence_, rule_, f);
  Assess(playbook_, controls_, evidence_, rule_, f);
  EXPECT_EQ(f.reasons.size(), 1u);
  EXPECT_EQ(f.positions, std::vector<std::string>{"short"});
  EXPECT_EQ(f.considerations.size(), 2u);
}

TEST(AssessRuleSet, ReadsPlaybookAndCatalogues) {
  RuleSetData data;
  CategoryPolicy& policy = data.playbook.categories["data_deletion"];
  policy.default_risk = Risk::kLow;
  Position position;
  position.id = "short";
  position.when = {Cond("period_days", Op::kLess, 30.0)};
  position.risk = Risk::kMedium;
  position.reason = "{period_days} days";
  policy.positions = {position};
  data.controls = {{"A.8.10", "technological", "Information deletion"}};
  data.evidence = {{"deletion-procedure", "Data deletion procedure", "How."}};
  Rule rule;
  rule.category = "data_deletion";
  rule.controls = {"A.8.10"};
  rule.evidence = {"deletion-procedure"};
  Finding f;
  f.category = "data_deletion";
  f.parameters = {{"period_days", 14.0}};
  Assess(data, rule, f);
  EXPECT_EQ(f.risk, Risk::kMedium);
  EXPECT_EQ(f.reasons, std::vector<std::string>{"14 days (position short)"});
  ASSERT_EQ(f.controls.size(), 1u);
  EXPECT_EQ(f.controls[0].title, "Information deletion");
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].title, "Data deletion procedure");
}

// The shipped rules/playbook.yaml: the positions a small supplier takes, end to end through the
// loader.
class DefaultPlaybook : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::vector<SourceFile>> files =
        ReadRuleDirectory(std::string(CLAUSESCAN_SOURCE_DIR) + "/rules");
    ASSERT_TRUE(files.ok()) << files.error().message();
    Result<std::shared_ptr<RuleSetData>> data = LoadRuleSet(*std::move(files), "rules");
    ASSERT_TRUE(data.ok()) << data.error().message();
    data_ = new std::shared_ptr<RuleSetData>(*std::move(data));
  }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }

  // Assesses params as found by the first supplier-side rule of the category.
  static Finding Judge(const std::string& category, Params params) {
    const RuleSetData& data = **data_;
    for (const Rule& rule : data.rules) {
      // A supplier rule judged by its category's policy (not a policy of its own).
      if (rule.category != category || rule.party != Party::kSupplier ||
          data.playbook.categories.count(rule.id) != 0) {
        continue;
      }
      Finding f;
      f.rule = rule.id;
      f.category = category;
      f.parameters = std::move(params);
      Assess(data, rule, f);
      return f;
    }
    ADD_FAILURE() << "no supplier rule in " << category;
    return {};
  }

  static std::shared_ptr<RuleSetData>* data_;
};

std::shared_ptr<RuleSetData>* DefaultPlaybook::data_ = nullptr;

struct PlaybookCase {
  const char* category;
  Params params;
  Risk risk;
  std::vector<std::string> positions;
};

TEST_F(DefaultPlaybook, Positions) {
  const std::vector<PlaybookCase> cases = {
      {"incident_notification", {{"window_hours", 12.0}}, Risk::kHigh, {"notify-window-short"}},
      {"incident_notification", {{"window_hours", 24.0}}, Risk::kMedium, {"notify-window-tight"}},
      {"incident_notification",
       {{"window_hours", 48.0}, {"trigger", std::string("awareness")}},
       Risk::kMedium,
       {"notify-window-tight"}},
      {"incident_notification",
       {{"window_hours", 72.0}, {"trigger", std::string("confirmation")}},
       Risk::kLow,
       {}},
      {"incident_notification",
       {{"window_hours", 72.0}, {"trigger", std::string("occurrence")}},
       Risk::kHigh,
       {"notify-from-occurrence"}},
      {"incident_notification",
       {{"window_days", 1.0}, {"business", true}},
       Risk::kHigh,
       {"notify-business-day-short"}},
      {"incident_notification",
       {{"window_days", 2.0}, {"business", true}},
       Risk::kMedium,
       {"notify-business-days-tight"}},
      {"incident_notification", {{"window_days", 5.0}, {"business", true}}, Risk::kLow, {}},
      {"incident_notification",
       {{"vague", std::string("immediately")}},
       Risk::kMedium,  // issue 15 #8: as "without delay", not as a window under 24 hours
       {"notify-immediately"}},
      {"incident_notification",
       {{"vague", std::string("immediately")}, {"window_hours", 72.0}},
       Risk::kLow,
       {}},
      {"incident_notification", {{"vague", std::string("without undue delay")}}, Risk::kLow, {}},
      // issue 15 #4: the positions judge the deletion's own period (delete_days)
      {"data_deletion",
       {{"delete_days", 30.0}, {"backups", true}},
       Risk::kHigh,
       {"delete-backups-short"}},
      {"data_deletion",
       {{"delete_days", 30.0}, {"backups", true}, {"backups_retained", true}},
       Risk::kLow,
       {}},
      {"data_deletion", {{"backups", true}}, Risk::kMedium, {"delete-backups-no-period"}},
      {"data_deletion", {{"delete_days", 14.0}}, Risk::kMedium, {"delete-period-short"}},
      {"data_deletion", {{"delete_days", 30.0}}, Risk::kLow, {}},
      {"data_deletion", {{"certification", true}}, Risk::kMedium, {"delete-certification"}},
  };
  for (const PlaybookCase& c : cases) {
    Finding f = Judge(c.category, c.params);
    std::string label = c.category;
    for (const auto& [name, value] : c.params) label += " " + name;
    EXPECT_EQ(f.risk, c.risk) << label;
    EXPECT_EQ(f.positions, c.positions) << label;
    EXPECT_FALSE(f.reasons.empty()) << label;
    for (const std::string& reason : f.reasons) {
      EXPECT_EQ(reason.find('{'), std::string::npos) << reason;
    }
  }
}

TEST_F(DefaultPlaybook, ReasonQuotesTheNumber) {
  Finding f = Judge("incident_notification", {{"window_hours", 24.0}});
  ASSERT_EQ(f.reasons.size(), 1u);
  EXPECT_EQ(f.reasons[0].rfind("the window is 24 hours; ", 0), 0u) << f.reasons[0];
  EXPECT_NE(f.reasons[0].find("72 hours"), std::string::npos);
  ASSERT_FALSE(f.considerations.empty());
  EXPECT_NE(f.considerations[0].find("72 hours"), std::string::npos);
}

// issue 15 #4 (review item 4): a position that proposes keeping the clause's wording judges it
// acceptable, so its risk is low or info; "Keep this wording" under a medium risk contradicts
// itself.
TEST_F(DefaultPlaybook, APositionThatKeepsTheWordingIsAtMostLow) {
  for (const auto& [category, policy] : (*data_)->playbook.categories) {
    for (const Position& position : policy.positions) {
      // Only a proposal to keep the wording as it is: "Keep this wording.", "Keep the efforts
      // wording."; "Keep the yearly limit, and add ..." asks for a change.
      const std::string& p = position.propose;
      const bool keep_as_is = p.rfind("Keep ", 0) == 0 &&
                              p.find_first_of(",;") == std::string::npos && p.size() >= 8 &&
                              p.compare(p.size() - 8, 8, "wording.") == 0;
      if (!keep_as_is) continue;
      EXPECT_LE(position.risk, Risk::kLow) << category << " " << position.id;
    }
  }
}

// read23 #4 (GSA addendum 107:206): the audit position's proposal and the assessment rule's
// consideration say "reports first" in other words; the merged finding printed both.
TEST(SaidIn, OneProposalInOtherWordsIsSaid) {
  const std::vector<std::string> list = {
      "Customer will first rely on Supplier's current third-party reports (SOC 2 Type II or ISO "
      "27001 certificate) and written answers; an on-site audit is allowed only if these leave a "
      "specific question open, a regulator requires it, or after a Security Incident affecting "
      "Customer Data, on 30 days' notice, once a year, at Customer's cost."};
  EXPECT_TRUE(SaidIn(list,
                     "Offer current third-party reports (a SOC 2 Type II report, an ISO 27001 "
                     "certificate, a FedRAMP or equivalent authorisation package) as the first "
                     "answer to an assessment, and an on-site visit only when they leave a "
                     "question open."));
}

// Distinct advice on one subject stays apart.
TEST(SaidIn, DistinctAdviceOnOneSubjectIsNotSaid) {
  const std::vector<std::string> list = {
      "Ask for reasonable advance notice of an assessment, except after a security incident."};
  EXPECT_FALSE(SaidIn(list,
                      "Meets the buyer's need: Offer assessments on reasonable notice, at agreed "
                      "intervals or after an incident, scoped to the systems that hold the buyer's "
                      "data and under confidentiality.",
                      "Meets the buyer's need: "));
  EXPECT_FALSE(SaidIn({"The customer pays for its audit; the supplier pays only if the audit finds "
                       "a material breach."},
                      "Results stay confidential and are shared with the supplier, with time to "
                      "fix findings before they count as a breach."));
}

}  // namespace
}  // namespace clausescan::internal

// One clause, one finding: findings of one category on the same clause are merged (issue 15 #3).
#include "assess/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "assess/assess.h"
#include "clausescan/clausescan.h"

namespace clausescan::internal {
namespace {

bool AllDifferent(const std::vector<std::string>& list) {
  return std::set<std::string>(list.begin(), list.end()).size() == list.size();
}

bool HasPrefix(const std::vector<std::string>& list, const std::string& prefix) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
}

// issue 15 #3: the Common Paper DPA's sub-processor notice sentence was reported twice (as the
// authorisation and as the notice rule), each with the same reason.
TEST(OneClauseOneFinding, TwoRulesOnOneSentenceGiveOneFindingWithBothRulesAdvice) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const std::string doc =
      "# Data Processing Agreement\n\nProvider will inform Customer at least 10 business days in "
      "advance and in writing of any intended changes to the Approved Subprocessors whether by "
      "addition or replacement of a Subprocessor, which allows Customer to have enough time to "
      "object to the changes before the Provider begins using the new Subprocessor(s).\n";
  Result<Report> report = Scanner(*rules).ScanBytes(doc, "dpa.md");
  ASSERT_TRUE(report.ok()) << report.error().message();
  ASSERT_EQ(report->findings.size(), 1u);
  const Finding& f = report->findings[0];
  EXPECT_EQ(f.rule, "subprocessors.authorisation");
  EXPECT_EQ(f.rules,
            (std::vector<std::string>{"subprocessors.authorisation", "subprocessors.notice"}));
  EXPECT_EQ(f.reasons.size(), 1u);  // the category's default reason, once
  EXPECT_TRUE(AllDifferent(f.considerations));
  // Advice of both rules: the authorisation rule's and the notice rule's.
  EXPECT_TRUE(HasPrefix(f.considerations, "Ask for a general written authorisation"));
  EXPECT_TRUE(HasPrefix(f.considerations, "Publish the sub-processor list"));
  EXPECT_EQ(std::get<double>(f.parameters.at("notice_days")), 10.0);
}

// A rule set in memory: two rules of one category, one of another, a playbook for the category
// and one for the second rule.
class MergeTest : public ::testing::Test {
 protected:
  MergeTest() {
    data_.rules = {MakeRule("a.first", "cat", {"A.1"}, {"e1"}),
                   MakeRule("a.second", "cat", {"A.1", "A.2"}, {"e2"}),
                   MakeRule("b.other", "other_cat", {}, {})};
    data_.controls = {{"A.1", "organizational", "One"}, {"A.2", "organizational", "Two"}};
    data_.evidence = {{"e1", "Evidence one", ""}, {"e2", "Evidence two", ""}};
    CategoryPolicy& cat = data_.playbook.categories["cat"];
    cat.default_risk = Risk::kLow;
    cat.default_reason = "fine";
    Position high;
    high.id = "long-notice";
    Condition over;
    over.param = "days";
    over.op = Condition::Op::kGreater;
    over.value = 30.0;
    high.when = {over};
    high.risk = Risk::kHigh;
    high.reason = "{days} days";
    high.propose = "Thirty days.";
    cat.positions.push_back(high);
    CategoryPolicy& second = data_.playbook.categories["a.second"];
    second.default_risk = Risk::kMedium;
    second.default_reason = "second's own view";
  }

  static Rule MakeRule(std::string id, std::string category, std::vector<std::string> controls,
                       std::vector<std::string> evidence) {
    Rule rule;
    rule.id = std::move(id);
    rule.category = std::move(category);
    rule.title = rule.id + " title";
    rule.controls = std::move(controls);
    rule.evidence = std::move(evidence);
    rule.considerations = {rule.id == "a.first" ? "Keep records." : "Train staff yearly."};
    return rule;
  }

  Finding Make(const std::string& rule, std::size_t start, std::size_t end,
               std::map<std::string, ParamValue> params) {
    Finding f;
    f.rule = rule;
    f.category = rule == "b.other" ? "other_cat" : "cat";
    f.title = rule + " title";
    f.start = start;
    f.end = end;
    f.text = std::string(end - start, 'x');
    f.parameters = std::move(params);
    for (const Rule& r : data_.rules) {
      if (r.id == rule) Assess(data_, r, f, "dpa");
    }
    return f;
  }

  RuleSetData data_;
};

TEST_F(MergeTest, OverlappingFindingsOfOneCategoryBecomeOne) {
  std::vector<Finding> merged = MergeSameClause(
      data_,
      {Make("a.first", 0, 100, {{"days", 20.0}}), Make("a.second", 0, 100, {{"business", true}}),
       Make("b.other", 0, 100, {}), Make("a.first", 100, 150, {})},
      "dpa");
  ASSERT_EQ(merged.size(), 3u);
  const Finding& f = merged[0];
  // a.second's own policy gives medium, above a.first's low: it is the primary.
  EXPECT_EQ(f.rule, "a.second");
  EXPECT_EQ(f.title, "a.second title");
  EXPECT_EQ(f.rules, (std::vector<std::string>{"a.second", "a.first"}));
  EXPECT_EQ(f.risk, Risk::kMedium);
  EXPECT_EQ(f.reasons, (std::vector<std::string>{"second's own view", "fine"}));
  EXPECT_EQ(f.parameters.size(), 2u);
  ASSERT_EQ(f.controls.size(), 2u);
  EXPECT_EQ(f.controls[0].id, "A.1");
  EXPECT_EQ(f.controls[1].id, "A.2");
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.considerations, (std::vector<std::string>{"Train staff yearly.", "Keep records."}));
  // Another category on the same clause, and the next sentence, stay findings of their own.
  EXPECT_EQ(merged[1].rule, "b.other");
  EXPECT_EQ(merged[1].rules, std::vector<std::string>{"b.other"});
  EXPECT_EQ(merged[2].start, 100u);
  EXPECT_EQ(merged[2].rules, std::vector<std::string>{"a.first"});
}

// Parameters are judged together: a.first's playbook sees the days a.second read, and a
// conflict is settled by the narrower finding (a sentence inside a paragraph).
TEST_F(MergeTest, ParametersMergeAndTheNarrowerFindingWinsAConflict) {
  std::vector<Finding> merged = MergeSameClause(
      data_,
      {Make("a.first", 0, 300, {{"days", 10.0}}), Make("a.second", 50, 120, {{"days", 45.0}})},
      "dpa");
  ASSERT_EQ(merged.size(), 1u);
  const Finding& f = merged[0];
  EXPECT_EQ(std::get<double>(f.parameters.at("days")), 45.0);
  EXPECT_EQ(f.rule, "a.first");  // its position on 45 days makes it the riskier view
  EXPECT_EQ(f.risk, Risk::kHigh);
  EXPECT_EQ(f.start, 0u);  // the widest span: the paragraph
  EXPECT_EQ(f.end, 300u);
  EXPECT_EQ(std::count(f.reasons.begin(), f.reasons.end(), "45 days (position long-notice)"), 1);
  EXPECT_EQ(f.considerations.front(), "Thirty days.");
}

}  // namespace
}  // namespace clausescan::internal

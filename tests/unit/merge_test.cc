// One clause, one finding: findings of one category on the same clause are merged (issue 15 #3).
#include "assess/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "assess/assess.h"
#include "assess/list_items.h"
#include "assess/section_advice.h"
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
    Position high =
        DaysPosition("long-notice", Condition::Op::kGreater, Risk::kHigh, "{days} days");
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

  // A position on the parameter `days` compared with 30 by op.
  static Position DaysPosition(std::string id, Condition::Op op, Risk risk, std::string reason) {
    Position position;
    position.id = std::move(id);
    Condition days;
    days.param = "days";
    days.op = op;
    days.value = 30.0;
    position.when = {days};
    position.risk = risk;
    position.reason = std::move(reason);
    return position;
  }

  // A position of the category that rates 30 days or fewer low.
  void AddShortNotice() {
    data_.playbook.categories["cat"].positions.push_back(
        DaysPosition("short-notice", Condition::Op::kLessEqual, Risk::kLow, "{days} days is fine"));
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

// issue 15 #7: the merged finding keeps, per evidence item, the controls of the rules that call
// for it: e1 (a.first's alone) does not take a.second's A.2; e2, which both call for, takes both
// rules' controls; the evidence pack lists them so.
TEST_F(MergeTest, EachEvidenceItemKeepsTheControlsOfTheRulesThatCallForIt) {
  data_.rules[0].evidence = {"e1", "e2"};  // a.first: A.1
  data_.rules[1].controls = {"A.2"};       // a.second: e2
  std::vector<Finding> merged = MergeSameClause(
      data_, {Make("a.first", 0, 100, {}), Make("a.second", 0, 100, {})}, "dpa");
  ASSERT_EQ(merged.size(), 1u);
  const Finding& f = merged[0];
  ASSERT_EQ(f.rules.size(), 2u);
  ASSERT_EQ(f.controls.size(), 2u);
  auto ids = [](const std::vector<Control>& controls) {
    std::vector<std::string> out;
    for (const Control& c : controls) out.push_back(c.id);
    return out;
  };
  EXPECT_EQ(ids(ControlsOfEvidence(f, "e1")), std::vector<std::string>{"A.1"});
  // In the finding's order: the primary's (a.second, medium by its own policy) first.
  EXPECT_EQ(ids(ControlsOfEvidence(f, "e2")), (std::vector<std::string>{"A.2", "A.1"}));
  Report report;
  report.findings = merged;
  const std::vector<EvidenceNeed> pack = BuildEvidencePack({report});
  ASSERT_EQ(pack.size(), 2u);
  EXPECT_EQ(pack[0].item.id, "e1");
  EXPECT_EQ(ids(pack[0].controls), std::vector<std::string>{"A.1"});
  EXPECT_EQ(ids(pack[1].controls), (std::vector<std::string>{"A.1", "A.2"}));
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

// issue 15 #3: an item inside a list clause that a position judges riskier (or milder) on its
// own than the list as a whole is reported as its own finding at its own span; the lead-in's
// words before and after it keep the list's judgement. No byte is reported twice.
TEST_F(MergeTest, AnItemJudgedDifferentlyOnItsOwnBecomesItsOwnFinding) {
  AddShortNotice();  // the list judged on its own words by a position too
  std::vector<Finding> merged = MergeSameClause(
      data_,
      {Make("a.first", 0, 300, {{"days", 10.0}}), Make("a.first", 120, 200, {{"days", 45.0}})},
      "dpa");
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].risk, Risk::kLow);
  EXPECT_EQ(merged[0].start, 0u);
  EXPECT_EQ(merged[0].end, 120u);
  EXPECT_EQ(merged[1].risk, Risk::kHigh);
  EXPECT_EQ(merged[1].start, 120u);
  EXPECT_EQ(merged[1].end, 200u);
  EXPECT_EQ(std::get<double>(merged[1].parameters.at("days")), 45.0);
  EXPECT_EQ(merged[1].positions, std::vector<std::string>{"long-notice"});
  EXPECT_EQ(merged[2].risk, Risk::kLow);
  EXPECT_EQ(merged[2].start, 200u);
  EXPECT_EQ(merged[2].end, 300u);
  EXPECT_EQ(merged[2].text.size(), 100u);
}

// issue 15 #1 (GSA addendum 121): a piece of a list cut off after an item that stands apart
// reads its parameters from the members that reach into it, not from another item of the list:
// the 72 hours of an earlier item is no term of the last one.
TEST_F(MergeTest, ALaterPieceOfAListDoesNotTakeAnotherItemsNumbers) {
  AddShortNotice();
  std::vector<Finding> merged =
      MergeSameClause(data_,
                      {Make("a.first", 0, 400, {}),  // the lead-in with its whole list
                       Make("a.first", 20, 100, {{"days", 45.0}}),  // an item a position rates high
                       Make("a.first", 110, 180, {{"hours", 72.0}}),  // an item no position judges
                       Make("a.first", 200, 260, {{"days", 10.0}}),  // an item a position rates low
                       Make("a.second", 300, 350, {})},              // a sentence of the last piece
                      "dpa");
  ASSERT_FALSE(merged.empty());
  const Finding& last = merged.back();
  EXPECT_EQ(last.end, 400u);
  EXPECT_GE(last.start, 260u);
  EXPECT_EQ(last.parameters.count("hours"), 0u) << last.start;
  const auto middle = std::find_if(merged.begin(), merged.end(),
                                   [](const Finding& f) { return f.start <= 110 && f.end >= 180; });
  ASSERT_NE(middle, merged.end());
  EXPECT_EQ(middle->parameters.count("hours"), 1u);
}

// issue 15 #3: an item that no position judges on its own (only its category's default) takes
// the lead-in's reading: the list stays one finding.
TEST_F(MergeTest, AnItemOnlyTheDefaultJudgesStaysInItsList) {
  std::vector<Finding> merged = MergeSameClause(
      data_, {Make("a.first", 0, 300, {{"days", 45.0}}), Make("a.first", 120, 200, {})}, "dpa");
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].risk, Risk::kHigh);
  EXPECT_EQ(merged[0].start, 0u);
  EXPECT_EQ(merged[0].end, 300u);
}

// Two sentences of one paragraph, binding the same side, the second continuing the first.
std::vector<Finding> ContinuingSentences(Finding first, Finding second) {
  for (Finding* f : {&first, &second}) {
    f->party = "supplier";
    f->holds = "duty";
    f->section = "11.2 Deletion and Return";
  }
  second.context_before = " ";  // the rest of the line between them
  return {first, second};
}

// issue 15 #3: a paragraph whose sentences are found by different rules of one category (a copy
// on request, then deletion of every copy) states two provisions; when they weigh differently
// each is its own finding at its own sentence, even though no position judges the milder one.
TEST_F(MergeTest, ContinuingSentencesOfDifferentRulesAndWeightAreTwoFindings) {
  std::vector<Finding> merged =
      MergeSameClause(data_,
                      ContinuingSentences(Make("a.second", 0, 100, {}),
                                          Make("a.first", 101, 200, {{"days", 45.0}})),
                      "dpa");
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].rules, std::vector<std::string>{"a.second"});
  EXPECT_EQ(merged[0].risk, Risk::kMedium);  // a.second's own default
  EXPECT_EQ(merged[0].end, 100u);
  EXPECT_EQ(merged[1].rules, std::vector<std::string>{"a.first"});
  EXPECT_EQ(merged[1].risk, Risk::kHigh);
  EXPECT_EQ(merged[1].start, 101u);
}

// The same rule on both sentences, the second judged only by its category's default, reads them
// as one clause: one finding.
TEST_F(MergeTest, ContinuingSentencesOfOneRuleStayOneFinding) {
  std::vector<Finding> merged = MergeSameClause(
      data_,
      ContinuingSentences(Make("a.first", 0, 100, {{"days", 45.0}}), Make("a.first", 101, 200, {})),
      "dpa");
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].risk, Risk::kHigh);
  EXPECT_EQ(merged[0].start, 0u);
  EXPECT_EQ(merged[0].end, 200u);
}

// issue 15 #3: a merged finding names the party of the member that gives it its risk (the
// supplier's 45-day duty inside the clause), not the milder lead-in's party before it.
TEST_F(MergeTest, TheMergedPartyIsThePartyOfTheMemberThatAsksMost) {
  Finding lead_in = Make("a.first", 0, 100, {});
  lead_in.party = "customer";
  lead_in.party_name = "Customer";
  lead_in.side = "them";
  Finding duty = Make("a.first", 50, 80, {{"days", 45.0}});
  duty.party = "supplier";
  duty.party_name = "Provider";
  duty.side = "us";
  std::vector<Finding> merged = MergeSameClause(data_, {lead_in, duty}, "dpa");
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].risk, Risk::kHigh);
  EXPECT_EQ(merged[0].party, "supplier");
  EXPECT_EQ(merged[0].party_name, "Provider");
  EXPECT_EQ(merged[0].side, "us");
}

// issue 15 #3: a sentence of the other side inside an item of a list ("If the vendor runs its own
// scans, the agency may accept their results") is not the item's duty: it is its own finding,
// judged on its own words, and the item is reported around it.
TEST_F(MergeTest, AnotherSidesSentenceInsideAnItemIsItsOwnFinding) {
  Finding lead_in = Make("a.first", 0, 400, {});
  Finding item = Make("a.first", 100, 300, {{"days", 45.0}});
  Finding other_side = Make("a.first", 150, 200, {});
  lead_in.party = item.party = "supplier";
  other_side.party = "customer";
  std::vector<Finding> merged = MergeSameClause(data_, {lead_in, item, other_side}, "dpa");
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const Finding& f : merged) spans.emplace_back(f.start, f.end);
  const auto at =
      std::find(spans.begin(), spans.end(), std::make_pair<std::size_t, std::size_t>(150, 200));
  ASSERT_NE(at, spans.end());
  const Finding& cut = merged[at - spans.begin()];
  EXPECT_EQ(cut.risk, Risk::kLow);  // its category's default, not the item's 45 days
  EXPECT_EQ(cut.party, "customer");
  for (std::size_t i = 1; i < merged.size(); ++i) {
    EXPECT_LE(merged[i - 1].end, merged[i].start);  // no byte reported twice
  }
}

// issue 15 #3 (GSA security addendum, section 3): an on-site inspection item of an oversight list
// was reported LOW because a later item accepts the vendor's own audits in lieu of the agency's;
// the item is HIGH on its own words and is reported at its own line.
TEST(OneClauseOneFinding, AnOnSiteItemOfAListKeepsItsOwnRisk) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const std::string doc =
      "# Security Addendum\n\n## 4. Inspections\n\nThe Vendor shall meet the following oversight "
      "terms:\n\n1. To the extent needed for an inspection programme, the Vendor shall give the "
      "Agency access to the Vendor's premises, facilities and databases within 48 hours of the "
      "request.\n2. The Agency may review the Vendor's records each year.\n3. If the Vendor "
      "chooses "
      "to run its own audits, the Agency will accept their results in lieu of Agency-run "
      "audits.\n";  // issue 13 s8 #1: a binding acceptance (not "at the Agency's discretion")
  Result<Report> report = Scanner(*rules).ScanBytes(doc, "addendum.md");
  ASSERT_TRUE(report.ok()) << report.error().message();
  std::vector<const Finding*> audits;
  for (const Finding& f : report->findings) {
    if (f.category == "audit_rights") audits.push_back(&f);
  }
  ASSERT_EQ(audits.size(), 2u);
  // The item, with the lead-in that introduces it; the further items are the list's reading.
  EXPECT_EQ(audits[0]->risk, Risk::kHigh);
  EXPECT_EQ(audits[0]->line, 5);
  EXPECT_EQ(audits[0]->party, "supplier");
  EXPECT_NE(audits[0]->text.find("1. To the extent needed"), std::string::npos);
  EXPECT_EQ(audits[0]->text.find("2. The Agency"), std::string::npos);
  EXPECT_EQ(audits[1]->risk, Risk::kLow);
  EXPECT_EQ(audits[1]->line, 8);
  EXPECT_EQ(audits[1]->column, 1);
  EXPECT_EQ(audits[1]->text.rfind("2. The Agency may review", 0), 0u);
  EXPECT_EQ(audits[1]->party, "supplier");  // the list's side, read for the list's rule
  for (std::size_t i = 1; i < audits.size(); ++i) {
    EXPECT_LE(audits[i - 1]->end, audits[i]->start);  // no clause reported twice
  }
}

// issue 15 #3: advice that the next sentence of the section already grants is left out for every
// rule merged into a finding, not only for its primary rule: "audits once a year" merged from two
// rules, followed by "on 45 days' notice", is not told to ask for notice.
TEST(OneClauseOneFinding, AdviceGrantedNearbyIsLeftOutForEveryMergedRule) {
  RuleSetData data;
  Condition no_notice;
  no_notice.param = "notice_days";
  no_notice.op = Condition::Op::kAbsent;
  Rule first;
  first.id = "a.first";
  first.category = "cat";
  first.considerations = {"Keep records."};
  Rule second;
  second.id = "a.second";
  second.category = "cat";
  Consideration ask("Ask for 30 days' notice of each audit.");
  ask.when = {{no_notice}};
  second.considerations = {ask};
  data.rules = {first, second};  // sorted by id
  Finding clause;
  clause.rule = "a.first";
  clause.rules = {"a.first", "a.second"};
  clause.category = "cat";
  clause.section = "7. Audits";
  clause.parameters = {{"per_year", 1.0}};
  clause.considerations = {"Keep records.", "Ask for 30 days' notice of each audit."};
  Finding next = clause;
  next.rule = "a.first";
  next.rules = {"a.first"};
  next.start = 100;
  next.parameters = {{"notice_days", 45.0}};
  next.considerations = {"Keep records."};
  std::vector<Finding> findings = {clause, next};
  DropAdviceGrantedNearby(data, findings, {0, 0});
  EXPECT_EQ(findings[0].considerations, std::vector<std::string>{"Keep records."});
}

// A section is told by its place in the outline, not by its heading: two agreements in one file,
// each with its own "5. Audit", do not read each other's limits (second reading of s12). The
// second agreement's audit clause, which states no frequency nor notice, keeps the advice it gets
// on its own.
TEST(OneClauseOneFinding, TwoSectionsWithOneHeadingAreReadApart) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const std::string first =
      "# Master Services Agreement (Northwind)\n\n## 5. Audit\n\nThe Customer may audit the "
      "Supplier's compliance with this Agreement once in any twelve month period. The Customer "
      "shall give the Supplier at least 30 days' written notice of any audit.\n";
  const std::string second =
      "# Data Processing Agreement (Contoso)\n\n## 5. Audit\n\nThe Processor shall allow for "
      "and contribute to audits, including inspections, conducted by the Controller.\n";
  const Scanner scanner(*rules);
  Result<Report> alone = scanner.ScanBytes(second, "contoso.md");
  Result<Report> both = scanner.ScanBytes(first + "\n" + second, "both.md");
  ASSERT_TRUE(alone.ok() && both.ok());
  auto audit_of_contoso = [](const Report& report) -> const Finding* {
    for (const Finding& f : report.findings) {
      if (f.category == "audit_rights" && f.text.find("Processor") != std::string::npos) return &f;
    }
    return nullptr;
  };
  const Finding* own = audit_of_contoso(*alone);
  const Finding* read = audit_of_contoso(*both);
  ASSERT_NE(own, nullptr);
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->section, own->section);  // the same heading text
  EXPECT_TRUE(read->parameters.empty());
  EXPECT_EQ(read->considerations, own->considerations);
  EXPECT_TRUE(std::any_of(
      read->considerations.begin(), read->considerations.end(),
      [](const std::string& c) { return c.rfind("At most one audit a year", 0) == 0; }));
}

// issue 15 #3: a list item folded into its lead-in's finding is a merged member like any other:
// its rule judges the list too (a.second's own policy: medium) and its advice is kept, where
// Reassess used to re-judge the lead-in with the lead-in's rule alone.
TEST_F(MergeTest, AFoldedItemsRuleJudgesItsListToo) {
  const std::string text = "Vendor shall:\n(a) train its staff.\n";
  Finding lead = Make("a.first", 0, 13, {});
  lead.text = text.substr(0, 13);
  lead.rules = {"a.first"};
  Finding item = Make("a.second", 14, 33, {{"training", true}});
  item.text = text.substr(14, 19);
  item.rules = {"a.second"};
  std::vector<Finding> findings = {lead, item};
  FoldListItems(data_, text, findings, "dpa");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rules, (std::vector<std::string>{"a.second", "a.first"}));
  EXPECT_EQ(findings[0].risk, Risk::kMedium);
  EXPECT_NE(std::find(findings[0].considerations.begin(), findings[0].considerations.end(),
                      "Train staff yearly."),
            findings[0].considerations.end());
  EXPECT_EQ(findings[0].end, 33u);
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan {
namespace {

// read22 #5 (Supabase SLA 319): the cap on service credits and the forfeiture of credits above
// it are one provision of the customer's remedy: one finding, not two.
TEST(OneClauseOneFinding, ACreditCapAndTheForfeitureAboveItAreOneFinding) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const Scanner scanner(*rules);
  Result<Report> report = scanner.ScanBytes(
      "## 5. Credit Requests\n\nThe total amount of Service Credits issued to Customer under this "
      "SLA shall not exceed twenty percent (20%) of the fees paid by Customer for the affected "
      "services in the preceding twelve (12) month period. Any Service Credits calculated in "
      "excess of this cap will be forfeited and shall have no cash or credit value.\n",
      "sla.md");
  ASSERT_TRUE(report.ok());
  std::vector<const Finding*> credits;
  for (const Finding& f : report->findings) {
    if (f.category == "sla_uptime") credits.push_back(&f);
  }
  ASSERT_EQ(credits.size(), 1u);
  EXPECT_NE(credits[0]->text.find("forfeited"), std::string::npos);
  EXPECT_EQ(credits[0]->risk, Risk::kInfo);
}

// A paragraph hard-wrapped at a width (a PDF conversion, Markdown filled by a formatter) is read
// as the same paragraph on one line: the sentences of one side continue one clause across its
// line breaks, while list items on their own lines stay apart (seen failing: the wrapped
// paragraph gave two findings, the one-line paragraph one).
TEST(OneClauseOneFinding, AHardWrappedParagraphIsOneClauseAsOnOneLine) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const Scanner scanner(*rules);
  const std::string head = "# Security Schedule\n\n## Portal\n\n";
  auto security_findings = [&](const std::string& body) {
    Result<Report> report = scanner.ScanBytes(head + body, "portal.md");
    EXPECT_TRUE(report.ok());
    std::size_t count = 0;
    for (const Finding& f : report->findings) count += f.category == "security_measures";
    return count;
  };
  EXPECT_EQ(security_findings("All traffic to the portal is encrypted via TLS. For \"risky "
                              "changes\" a second confirmation is required. Multi-factor "
                              "authentication is available.\n"),
            1u);
  EXPECT_EQ(security_findings("All traffic to the portal is encrypted via TLS. For \"risky "
                              "changes\" a\nsecond confirmation is required. Multi-factor "
                              "authentication is available.\n"),
            1u);
  EXPECT_EQ(security_findings("All traffic to the portal is encrypted via TLS.\nFor \"risky "
                              "changes\" a second confirmation is required.\nMulti-factor "
                              "authentication is available.\n"),
            1u);
  EXPECT_EQ(security_findings("All traffic to the portal is encrypted via TLS.\n\n- For \"risky "
                              "changes\" a second confirmation is required.\n- Multi-factor "
                              "authentication is available.\n"),
            2u);
  EXPECT_EQ(
      security_findings("All traffic to the portal is encrypted via TLS.\n    a. Multi-factor "
                        "authentication is available.\n"),
      2u);
  EXPECT_EQ(security_findings("Area | Measure\n--- | ---\nTransport | All traffic to the portal is "
                              "encrypted via TLS.\nLogin | Multi-factor authentication is "
                              "available.\n"),
            2u);
  EXPECT_EQ(security_findings("<ol>\n  <li>All traffic to the portal is encrypted via TLS.</li>\n"
                              "  <li>Multi-factor authentication is available.</li>\n</ol>\n"),
            2u);
}

}  // namespace
}  // namespace clausescan


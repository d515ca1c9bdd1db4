// The flags of `scope: text`: what a document states anywhere reaches the advice of every
// finding whose rule declares the flag (issue 15 #4), read in one pass over the document
// (issue 12).
#include "params/text_flags.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "assess/section_advice.h"
#include "rules/model.h"

namespace clausescan::internal {
namespace {

ParamSpec TextFlag(const std::string& name, std::vector<std::string> any,
                   std::vector<std::string> none = {}) {
  ParamSpec spec;
  spec.name = name;
  spec.type = ParamSpec::Type::kFlag;
  spec.any = std::move(any);
  spec.none = std::move(none);
  spec.document_scope = true;
  spec.text_scope = true;
  return spec;
}

// Advice that asks for what the flag `name` says: moot where the flag holds.
Consideration AskFor(const std::string& text, const std::string& name) {
  Consideration advice(text);
  Condition stated;
  stated.param = name;
  stated.op = Condition::Op::kEquals;
  stated.value = true;
  advice.establishes = {{stated}};
  return advice;
}

Rule MakeRule(const std::string& id, const std::string& category, std::vector<ParamSpec> params,
              std::vector<Consideration> advice) {
  Rule rule;
  rule.id = id;
  rule.category = category;
  rule.parameters = std::move(params);
  rule.considerations = std::move(advice);
  return rule;
}

Finding FindingOf(const Rule& rule, std::size_t start) {
  Finding finding;
  finding.rule = rule.id;
  finding.rules = {rule.id};
  finding.category = rule.category;
  finding.start = start;
  for (const Consideration& advice : rule.considerations) {
    finding.considerations.push_back(advice.text);
  }
  return finding;
}

// Rules of four categories: two declare one flag with the same pattern, one declares a flag the
// document never states, one declares a flag the document states but cancels (its `none`), and
// one asks for the first flag without declaring it.
class TextFlagsAdvice : public ::testing::Test {
 protected:
  TextFlagsAdvice() {
    const std::string attempts = "\\bunsuccessful (log-?in )?attempts\\b";
    data_.rules = {
        MakeRule(
            "a.notice", "notice", {TextFlag("excludes_attempts", {attempts})},
            {AskFor("Leave unsuccessful attempts out of the notice duty.", "excludes_attempts")}),
        MakeRule(
            "b.logging", "logging", {TextFlag("excludes_attempts", {attempts})},
            {AskFor("Leave unsuccessful attempts out of the log review.", "excludes_attempts")}),
        MakeRule("c.cap", "cap", {TextFlag("super_cap", {"\\bsuper[- ]?cap\\b"})},
                 {AskFor("Ask for a super-cap for data breaches.", "super_cap")}),
        MakeRule("d.audit", "audit",
                 {TextFlag("reports_first", {"\\breports? (come )?first\\b"},
                           {"\\bnot (the )?reports? (come )?first\\b"})},
                 {AskFor("Ask that reports come first.", "reports_first")}),
        MakeRule("e.other", "other", {},
                 {AskFor("Leave unsuccessful attempts out of the scope.", "excludes_attempts")}),
    };
  }

  // The considerations of each finding after DropAdviceGrantedNearby on folded, one finding per
  // rule, each in a section of its own.
  std::vector<std::vector<std::string>> AdviceLeft(const std::string& folded) {
    std::vector<Finding> findings;
    std::vector<int> sections;
    for (const Rule& rule : data_.rules) {
      findings.push_back(FindingOf(rule, 100 * findings.size()));
      sections.push_back(static_cast<int>(sections.size()));
    }
    DropAdviceGrantedNearby(data_, findings, sections, folded);
    std::vector<std::vector<std::string>> left;
    for (const Finding& finding : findings) left.push_back(finding.considerations);
    return left;
  }

  RuleSetData data_;
};

TEST_F(TextFlagsAdvice, AFlagStatedOnceReachesEveryCategoryWhoseRuleDeclaresIt) {
  const auto left = AdviceLeft(
      "1. definitions. security incidents do not include unsuccessful attempts. reports come "
      "first, though not the reports first for the regulator.");
  EXPECT_TRUE(left[0].empty());   // a.notice: granted by the definition
  EXPECT_TRUE(left[1].empty());   // b.logging: the same pattern, granted too
  EXPECT_EQ(left[2].size(), 1u);  // c.cap: the text never states a super-cap
  EXPECT_EQ(left[3].size(), 1u);  // d.audit: stated, and cancelled by its `none`
  EXPECT_EQ(left[4].size(), 1u);  // e.other: does not declare the flag
}

TEST_F(TextFlagsAdvice, AFlagNotStatedReachesNone) {
  const auto left = AdviceLeft("security incidents include attempts, successful or not.");
  for (std::size_t i = 0; i < left.size(); ++i) EXPECT_EQ(left[i].size(), 1u) << i;
}

TEST_F(TextFlagsAdvice, WithoutTheFoldedTextNoFlagIsRead) {
  const auto left = AdviceLeft("");
  for (std::size_t i = 0; i < left.size(); ++i) EXPECT_EQ(left[i].size(), 1u) << i;
}

// The same with the flags compiled once for the rule set, as the loader does.
TEST_F(TextFlagsAdvice, TheRuleSetsCompiledFlagsGiveTheSameAdvice) {
  data_.text_flags = std::make_shared<const TextFlags>(data_.rules);
  const auto left = AdviceLeft(
      "security incidents do not include unsuccessful log-in attempts. not reports first.");
  EXPECT_TRUE(left[0].empty());
  EXPECT_TRUE(left[1].empty());
  EXPECT_EQ(left[2].size(), 1u);
  EXPECT_EQ(left[3].size(), 1u);  // only its `none` occurs
  EXPECT_EQ(left[4].size(), 1u);
}

// The reader of one document: which flags each rule gets, read from literals and patterns of
// every kind (a literal that occurs without its pattern, a pattern without literals).
TEST(TextFlagsReader, ReadsEachRulesFlagsFromTheWholeText) {
  std::vector<Rule> rules = {
      MakeRule("a", "x",
               {TextFlag("cap", {"\\bsuper[- ]?cap\\b"}), TextFlag("year", {"\\b[0-9]{4}\\b"})},
               {}),
      MakeRule("b", "y", {TextFlag("cap", {"\\bsuper[- ]?cap\\b"}, {"\\bno super[- ]?cap\\b"})},
               {}),
      MakeRule("c", "z", {}, {}),
  };
  const TextFlags flags(rules);
  EXPECT_TRUE(flags.Declares(0));
  EXPECT_TRUE(flags.Declares(1));
  EXPECT_FALSE(flags.Declares(2));
  EXPECT_FALSE(flags.Declares(3));
  {
    TextFlags::Reader reader(flags, "Dated 2026. A Super-Cap of $5m applies.");
    std::map<std::string, ParamValue> a;
    reader.AddStated(0, &a);
    EXPECT_EQ(a, (std::map<std::string, ParamValue>{{"cap", true}, {"year", true}}));
    std::map<std::string, ParamValue> b = {{"other", 1.0}};
    reader.AddStated(1, &b);
    EXPECT_EQ(b, (std::map<std::string, ParamValue>{{"cap", true}, {"other", 1.0}}));
    std::map<std::string, ParamValue> kept = {{"cap", false}};
    reader.AddStated(0, &kept);  // a name already there keeps its value
    EXPECT_EQ(kept.at("cap"), ParamValue(false));
    std::map<std::string, ParamValue> none;
    reader.AddStated(2, &none);
    reader.AddStated(7, &none);
    EXPECT_TRUE(none.empty());
  }
  {
    // "supercapacitor" holds the literal "supercap" but not the pattern; "no super cap" cancels
    // rule b's flag only.
    TextFlags::Reader reader(flags, "the supercapacitor has no super cap.");
    std::map<std::string, ParamValue> a;
    reader.AddStated(0, &a);
    EXPECT_EQ(a, (std::map<std::string, ParamValue>{{"cap", true}}));
    std::map<std::string, ParamValue> b;
    reader.AddStated(1, &b);
    EXPECT_TRUE(b.empty());
  }
  {
    TextFlags::Reader reader(flags, "the supercapacitor is small.");
    std::map<std::string, ParamValue> a;
    reader.AddStated(0, &a);
    EXPECT_TRUE(a.empty());
  }
}

}  // namespace
}  // namespace clausescan::internal

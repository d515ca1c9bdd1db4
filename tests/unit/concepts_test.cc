// Concept vocabularies (concepts.yaml, {{name}} in patterns): expansion, nesting, where they may
// be used, and the errors — cycles, unknown names and malformed references at file:line:column,
// and the bounds a hostile file meets.
#include "rules/concepts.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/loader.h"
#include "rules/model.h"
#include "test_rule_files.h"

namespace clausescan::internal {
namespace {

using test_rules::LoadTestRules;

const char kRuleFile[] = "incident_notification/window.yaml";

const char kConcepts[] = R"(# shared vocabularies
obligation: '(shall|will|must|agrees? to)'
notice_verb: [notify, inform, 'tell\b']
security_incident:
  - '(security|data|privacy) (incident|breach)'
  - 'unauthori[sz]ed (access|disclosure)'
notice_duty: '{{obligation}} (promptly )?{{notice_verb}}'
)";

// The window rule of the test rule set with its match replaced by `match` (lines 6 on).
std::string WindowRuleWith(const std::string& match) {
  return "id: incident-notification.window\n"
         "category: incident_notification\n"
         "title: Notification window\n"
         "party: supplier\n"
         "match:\n" +
         match +
         "parameters:\n"
         "  window_hours: {type: duration, unit: hours}\n"
         "  trigger: {type: trigger}\n";
}

const Rule& WindowRule(const RuleSetData& data) {
  for (const Rule& rule : data.rules) {
    if (rule.id == "incident-notification.window") return rule;
  }
  ADD_FAILURE() << "no window rule";
  return data.rules.front();
}

TEST(Concepts, ReferencesExpandAsNonCapturingGroups) {
  const std::string rule = WindowRuleWith(
      "  all:\n"
      "    - any: ['\\b{{obligation}} notify\\b']\n"
      "    - any: ['\\b{{security_incident}}\\b', 'plain']\n"
      "  none: ['\\bnot {{notice_verb}}']\n");
  auto data = LoadTestRules({{"concepts.yaml", kConcepts}, {kRuleFile, rule}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const Rule& window = WindowRule(**data);
  ASSERT_EQ(window.all.size(), 2u);
  EXPECT_EQ(window.all[0][0], "\\b(?:(shall|will|must|agrees? to)) notify\\b");
  // A list is a list of alternatives.
  EXPECT_EQ(window.all[1][0],
            "\\b(?:(security|data|privacy) (incident|breach)|unauthori[sz]ed "
            "(access|disclosure))\\b");
  EXPECT_EQ(window.all[1][1], "plain");
  EXPECT_EQ(window.none[0], "\\bnot (?:notify|inform|tell\\b)");

  // Each pattern as written and as matched, with where it is.
  ASSERT_EQ(window.pattern_details.size(), 4u);
  EXPECT_EQ(window.pattern_details[0].where, "all[0]");
  EXPECT_EQ(window.pattern_details[0].written, "\\b{{obligation}} notify\\b");
  EXPECT_EQ(window.pattern_details[0].expanded, window.all[0][0]);
  EXPECT_EQ(window.pattern_details[0].line, 7);
  EXPECT_EQ(window.pattern_details[0].column, 13);  // the quote
  EXPECT_EQ(window.pattern_details[2].where, "all[1]");
  EXPECT_EQ(window.pattern_details[2].written, "plain");
  EXPECT_EQ(window.pattern_details[2].expanded, "plain");
  EXPECT_EQ(window.pattern_details[3].where, "none");

  // The rule set lists the concepts by name, with what they stand for.
  const std::vector<ConceptInfo>& concepts = (*data)->concepts;
  ASSERT_EQ(concepts.size(), 4u);
  EXPECT_EQ(concepts[0].name, "notice_duty");
  EXPECT_EQ(concepts[1].name, "notice_verb");
  EXPECT_EQ(concepts[1].written, "notify|inform|tell\\b");
  EXPECT_EQ(concepts[2].name, "obligation");
  EXPECT_EQ(concepts[2].file, "concepts.yaml");
  EXPECT_EQ(concepts[2].line, 2);
  // RuleInfo carries the details too.
  for (const RuleInfo& info : (*data)->infos) {
    if (info.id == window.id) {
      EXPECT_EQ(info.patterns[0], window.all[0][0]);
      EXPECT_EQ(info.pattern_details.size(), 4u);
    }
  }
}

TEST(Concepts, ConceptsReferToConcepts) {
  const std::string rule = WindowRuleWith("  all:\n    - any: ['{{notice_duty}}']\n");
  auto data = LoadTestRules({{"concepts.yaml", kConcepts}, {kRuleFile, rule}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_EQ(WindowRule(**data).all[0][0],
            "(?:(?:(shall|will|must|agrees? to)) (promptly )?(?:notify|inform|tell\\b))");
  const ConceptInfo& duty = (*data)->concepts[0];
  EXPECT_EQ(duty.written, "{{obligation}} (promptly )?{{notice_verb}}");
  EXPECT_EQ(duty.expanded,
            "(?:(shall|will|must|agrees? to)) (promptly )?(?:notify|inform|tell\\b)");
}

TEST(Concepts, ConceptsServeParametersAndDocumentTypes) {
  const std::string rule =
      WindowRuleWith("  all:\n    - any: ['notify']\n") +
      "  kind: {type: enum, values: {breach: ['{{security_incident}}']}}\n"
      "  duty: {type: flag, any: ['{{obligation}}'], none: ['{{notice_verb}}']}\n";
  std::string doctypes = test_rules::kTestDocTypes;
  doctypes.replace(doctypes.find("'\\bprocessor\\b'"), 15, "'{{obligation}}'");
  auto data =
      LoadTestRules({{"concepts.yaml", kConcepts}, {kRuleFile, rule}, {"doctypes.yaml", doctypes}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const Rule& window = WindowRule(**data);
  ASSERT_EQ(window.parameters.size(), 4u);
  EXPECT_EQ(window.parameters[2].values[0].second[0],
            "(?:(security|data|privacy) (incident|breach)|unauthori[sz]ed (access|disclosure))");
  EXPECT_EQ(window.parameters[3].any[0], "(?:(shall|will|must|agrees? to))");
  EXPECT_EQ(window.parameters[3].none[0], "(?:notify|inform|tell\\b)");
  ASSERT_EQ(window.pattern_details.size(), 4u);
  EXPECT_EQ(window.pattern_details[1].where, "parameter kind: breach");
  EXPECT_EQ(window.pattern_details[2].where, "parameter duty any");
  EXPECT_EQ(window.pattern_details[3].where, "parameter duty none");
  EXPECT_EQ((*data)->doctypes[0].signals[0].pattern, "(?:(shall|will|must|agrees? to))");
}

TEST(Concepts, EscapedBracesAreNoReference) {
  const std::string rule = WindowRuleWith("  all:\n    - any: ['a\\{\\{b\\}\\}']\n");
  auto data = LoadTestRules({{kRuleFile, rule}});  // no concepts.yaml needed
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_EQ(WindowRule(**data).all[0][0], "a\\{\\{b\\}\\}");
  EXPECT_TRUE((*data)->concepts.empty());
}

struct ErrorCase {
  const char* name;
  std::map<std::string, std::string> files;
  const char* expected;  // Error::message()
};

TEST(Concepts, ErrorsNameFileLineAndColumn) {
  const std::vector<ErrorCase> cases = {
      {"unknown name in a rule, at the reference",
       {{"concepts.yaml", kConcepts},
        {kRuleFile,
         WindowRuleWith("  all:\n    - any: ['\\bnotify\\b', '(any )?{{securty_incident}}']\n")}},
       "incident_notification/window.yaml:7:35: unknown concept 'securty_incident' (did you "
       "mean 'security_incident'?)"},
      {"unknown name in a block list and a double-quoted string",
       {{"concepts.yaml", kConcepts},
        {kRuleFile, WindowRuleWith("  all:\n    - any:\n        - \"\\\\b{{obligation}} x "
                                   "{{notce_verb}}\"\n")}},
       "incident_notification/window.yaml:8:32: unknown concept 'notce_verb' (did you mean "
       "'notice_verb'?)"},
      {"unknown name in a folded scalar, on its second line",
       {{"concepts.yaml", kConcepts},
        {kRuleFile, WindowRuleWith("  all:\n    - any:\n        - >-\n          notify\n"
                                   "          {{nope}}\n")}},
       "incident_notification/window.yaml:10:11: unknown concept 'nope'"},
      {"unknown name in a parameter",
       {{"concepts.yaml", kConcepts},
        {kRuleFile, WindowRuleWith("  all:\n    - any: [notify]\n") +
                        "  duty: {type: flag, any: ['{{obligations}}']}\n"}},
       "incident_notification/window.yaml:11:29: unknown concept 'obligations' (did you mean "
       "'obligation'?)"},
      {"no concepts.yaml",
       {{kRuleFile, WindowRuleWith("  all:\n    - any: ['{{obligation}}']\n")}},
       "incident_notification/window.yaml:7:14: unknown concept 'obligation': the rule "
       "directory has no concepts.yaml"},
      {"unknown name inside concepts.yaml",
       {{"concepts.yaml", "a: 'x'\nb: [y, 'z {{c}}']\n"}},
       "concepts.yaml:2:11: unknown concept 'c' (did you mean 'a'?)"},
      {"malformed reference: spaces",
       {{"concepts.yaml", kConcepts},
        {kRuleFile, WindowRuleWith("  all:\n    - any: ['x {{ obligation }}']\n")}},
       "incident_notification/window.yaml:7:16: '{{' starts a concept reference: write "
       "{{name}} with the name of a concept of concepts.yaml, or '\\{' for a literal brace"},
      {"malformed reference: unclosed",
       {{"concepts.yaml", "a: '{{b'\nb: x\n"}},
       "concepts.yaml:1:5: '{{' starts a concept reference: write {{name}} with the name of a "
       "concept of concepts.yaml, or '\\{' for a literal brace"},
      {"cycle of two",
       {{"concepts.yaml", "a: 'x{{b}}'\nb: [y, 'w{{a}}']\n"}},
       "concepts.yaml:2:10: concept 'a' refers to itself: a -> b -> a"},
      {"a concept naming itself",
       {{"concepts.yaml", "a: 'x|{{a}}'\n"}},
       "concepts.yaml:1:7: concept 'a' refers to itself: a -> a"},
      {"cycle reached from a concept outside it",
       {{"concepts.yaml", "top: '{{b}}'\nb: '{{c}}'\nc: '({{b}})'\n"}},
       "concepts.yaml:3:6: concept 'b' refers to itself: b -> c -> b"},
      {"bad name",
       {{"concepts.yaml", "Obligation: shall\n"}},
       "concepts.yaml:1:1: invalid concept name 'Obligation': use lower-case letters, digits "
       "and '_', starting with a letter"},
      {"not a pattern",
       {{"concepts.yaml", "a: {b: c}\n"}},
       "concepts.yaml:1:4: expected a pattern or a list of patterns for concept 'a', found a map"},
      {"empty list", {{"concepts.yaml", "a: []\n"}}, "concepts.yaml:1:4: 'a' must not be empty"},
      {"not a map",
       {{"concepts.yaml", "- a\n"}},
       "concepts.yaml:1:1: expected a map for concepts, found a list"},
      {"a fragment must stand alone: no group it did not open",
       {{"concepts.yaml", "a: 'x)|(y'\n"}},
       "concepts.yaml:1:4: invalid pattern in concept 'a': unexpected ): x)|(y"},
      {"an invalid pattern once expanded says so",
       {{"concepts.yaml", "a: '(x|y)'\n"},
        {kRuleFile, WindowRuleWith("  all:\n    - any: ['{{a}}{2,1}']\n")}},
       "incident_notification/window.yaml:7:13: invalid pattern '{{a}}{2,1}': invalid "
       "repetition size: {2,1} (concepts expanded)"},
      {"concepts.yaml twice",
       {{"concepts.yaml", kConcepts}, {"more/concepts.yaml", kConcepts}},
       "more/concepts.yaml: concepts.yaml is also at concepts.yaml; keep one"},
  };
  for (const ErrorCase& c : cases) {
    auto data = LoadTestRules(c.files);
    ASSERT_FALSE(data.ok()) << c.name;
    EXPECT_EQ(data.error().code(), ErrorCode::kRuleError) << c.name;
    EXPECT_EQ(data.error().message(), c.expected) << c.name;
  }
}

TEST(Concepts, UnknownNameErrorCarriesLineAndColumn) {
  auto data = LoadTestRules(
      {{"concepts.yaml", kConcepts},
       {kRuleFile,
        WindowRuleWith("  all:\n    - any: [notify]\n    - any: ['x {{incident}}']\n")}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().file(), kRuleFile);
  EXPECT_EQ(data.error().line(), 8);
  EXPECT_EQ(data.error().column(), 16);
}

TEST(Concepts, NestingIsBounded) {
  std::string chain;  // c0 -> c1 -> ... -> c20 = 'x'
  for (int i = 0; i < 20; ++i)
    chain += "c" + std::to_string(i) + ": '{{c" + std::to_string(i + 1) + "}}'\n";
  chain += "c20: x\n";
  auto data = LoadTestRules({{"concepts.yaml", chain}});
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message().find("concepts nest more than 16 levels deep: c0 -> c1"),
            std::string::npos)
      << data.error().message();

  std::string shallow;  // 15 levels are fine
  for (int i = 0; i < 15; ++i) {
    shallow += "c" + std::to_string(i) + ": '{{c" + std::to_string(i + 1) + "}}'\n";
  }
  shallow += "c15: x\n";
  data = LoadTestRules({{"concepts.yaml", shallow}});
  ASSERT_TRUE(data.ok()) << data.error().message();
}

TEST(Concepts, DoublingConceptsAreRefused) {
  // Each concept names the one before twice: 2^n copies of 'x' by the n-th.
  std::string doubling = "d0: xxxxxxxx\n";
  for (int i = 1; i < 16; ++i) {
    doubling += "d" + std::to_string(i) + ": '{{d" + std::to_string(i - 1) + "}}{{d" +
                std::to_string(i - 1) + "}}'\n";
  }
  auto data = LoadTestRules({{"concepts.yaml", doubling}});
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message().find("longer than 65536 bytes"), std::string::npos)
      << data.error().message();
}

TEST(Concepts, ARuleFileNamingALargeConceptOftenIsRefused) {
  // A concept of 40,000 bytes named in 120 patterns of one rule file: 4.8 MB of text.
  const std::string concepts = "big: '" + std::string(40000, 'a') + "'\n";
  std::string any;
  for (int i = 0; i < 120; ++i)
    any += std::string(i == 0 ? "" : ", ") + "'{{big}}" + std::to_string(i) + "'";
  auto data = LoadTestRules({{"concepts.yaml", concepts},
                             {kRuleFile, WindowRuleWith("  all:\n    - any: [" + any + "]\n")}});
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message().find("the file's patterns expand to more than 4 MiB"),
            std::string::npos)
      << data.error().message();
  EXPECT_EQ(data.error().file(), kRuleFile);
}

}  // namespace
}  // namespace clausescan::internal

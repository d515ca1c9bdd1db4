// doctypes.yaml through the loader: what it loads into, and its golden diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/loader.h"
#include "rules/model.h"
#include "structure/doctype.h"
#include "test_rule_files.h"

namespace clausescan::internal {
namespace {

using test_rules::LoadTestRules;

TEST(DocTypesLoader, LoadsTypesSignalsAndExpectations) {
  Result<std::shared_ptr<RuleSetData>> data = LoadTestRules();
  ASSERT_TRUE(data.ok()) << data.error().message();
  const std::vector<DocType>& types = (*data)->doctypes;
  ASSERT_EQ(types.size(), 2u);
  const DocType& dpa = types[0];
  EXPECT_EQ(dpa.id, "dpa");
  EXPECT_EQ(dpa.name, "Data processing agreement");
  EXPECT_EQ(dpa.line, 1);
  EXPECT_EQ(dpa.titles, std::vector<std::string>{"\\bdata processing agreement\\b"});
  ASSERT_EQ(dpa.signals.size(), 2u);
  EXPECT_EQ(dpa.signals[0].weight, 2);
  EXPECT_EQ(dpa.signals[1].weight, 1);  // the default
  EXPECT_EQ(dpa.threshold, 3);
  ASSERT_EQ(dpa.expects.size(), 3u);
  EXPECT_EQ(dpa.expects[0].category, "data_deletion");
  EXPECT_EQ(dpa.expects[0].risk, Risk::kMedium);
  EXPECT_EQ(dpa.expects[0].reason, "no deletion");
  EXPECT_TRUE(dpa.expects[0].detectable);
  ASSERT_EQ(dpa.expects[1].where.size(), 1u);
  EXPECT_EQ(dpa.expects[1].where[0].param, "window_hours");
  EXPECT_EQ(dpa.expects[1].where[0].op, Condition::Op::kPresent);
  EXPECT_EQ(dpa.expects[1].applies_if, std::vector<std::string>{"\\bgdpr\\b"});
  EXPECT_FALSE(dpa.expects[2].detectable);  // no audit_rights rule in the test rules
  EXPECT_EQ(types[1].id, "msa");
  EXPECT_TRUE(types[1].signals.empty());
  ASSERT_NE((*data)->doctype_guesser, nullptr);
  EXPECT_EQ((*data)->doctype_guesser->Guess("", "services agreement\n", "services agreement\n"), 1);
}

TEST(DocTypesLoader, FileIsOptional) {
  Result<std::shared_ptr<RuleSetData>> data = LoadTestRules({{"doctypes.yaml", ""}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_TRUE((*data)->doctypes.empty());
  ASSERT_NE((*data)->doctype_guesser, nullptr);
  EXPECT_EQ((*data)->doctype_guesser->Guess("", "anything", "anything"), -1);
}

TEST(DocTypesLoader, ParametersOfACategoryWithoutRulesAreNotChecked) {
  // audit_rights has no rule yet: its expectation is kept (and never reported) whatever it names.
  Result<std::shared_ptr<RuleSetData>> data = LoadTestRules({{"doctypes.yaml", R"(- id: dpa
  name: D
  titles: ['x']
  expects:
    - {category: audit_rights, where: {onsite: true}, risk: low, reason: r}
)"}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_FALSE((*data)->doctypes[0].expects[0].detectable);
}

struct GoldenCase {
  const char* name;
  std::string content;
  std::string expected;  // Error::message()
};

// A valid type with `lines` appended to its map.
std::string TypeWith(const std::string& lines) {
  return "- id: dpa\n  name: D\n  titles: ['\\bdpa\\b']\n" + lines;
}

std::vector<GoldenCase> GoldenCases() {
  const std::string f = "doctypes.yaml:";
  return {
      {"not a list", "dpa: {name: D}\n",
       f + "1:1: expected a list of document type entries, found a map"},
      {"unknown key", TypeWith("  titels: ['x']\n"),
       f + "4:3: unknown key 'titels' in document type entry (did you mean 'titles'?)"},
      {"missing name", "- id: dpa\n  titles: ['x']\n",
       f + "1:3: missing required key 'name' in document type entry"},
      {"reserved id", "- id: other\n  name: D\n  titles: ['x']\n",
       f + "1:7: 'other' is the type of documents no type fits; choose another id"},
      {"bad id", "- id: DPA\n  name: D\n  titles: ['x']\n",
       f + "1:7: invalid document type id 'DPA': use lower-case letters, digits and '_', "
           "starting with a letter"},
      {"duplicate id", TypeWith("- id: dpa\n  name: E\n  titles: ['y']\n"),
       f + "4:7: duplicate document type id 'dpa'"},
      {"never guessed", "- id: dpa\n  name: D\n",
       f + "1:3: document type 'dpa' has neither 'titles' nor 'signals', so it is never guessed"},
      {"bad title pattern", "- id: dpa\n  name: D\n  titles: ['(dpa']\n",
       f + "3:12: invalid pattern '(dpa': missing ): (dpa"},
      {"empty titles", "- id: dpa\n  name: D\n  titles: []\n",
       f + "3:11: 'titles' must not be empty"},
      {"signals without threshold", TypeWith("  signals: [{pattern: 'x'}]\n"),
       f + "1:3: missing required key 'threshold' in document type 'dpa' (it has signals)"},
      {"threshold without signals", TypeWith("  threshold: 3\n"),
       f + "4:3: 'threshold' has no use without 'signals'"},
      {"threshold not positive", TypeWith("  signals: [{pattern: 'x'}]\n  threshold: 0\n"),
       f + "5:14: 'threshold' must be greater than 0"},
      {"threshold not a number", TypeWith("  signals: [{pattern: 'x'}]\n  threshold: high\n"),
       f + "5:14: expected a number for 'threshold', found 'high'"},
      {"bad signal pattern", TypeWith("  signals: [{pattern: 'a{2,1}'}]\n  threshold: 1\n"),
       f + "4:23: invalid pattern 'a{2,1}': invalid repetition size: {2,1}"},
      // rel14 #5
      {"empty signal pattern", TypeWith("  signals: [{pattern: ''}]\n  threshold: 1\n"),
       f + "4:23: empty pattern: it would match everywhere; write what it must match, or remove "
           "it"},
      {"signal weight", TypeWith("  signals: [{pattern: 'x', weight: -1}]\n  threshold: 1\n"),
       f + "4:36: 'weight' must be greater than 0"},
      {"signal key", TypeWith("  signals: [{patern: 'x'}]\n  threshold: 1\n"),
       f + "4:14: unknown key 'patern' in signal (did you mean 'pattern'?)"},
      {"expects not a list", TypeWith("  expects: {category: data_deletion}\n"),
       f + "4:12: expected a list for 'expects', found a map"},
      {"unknown category",
       TypeWith("  expects:\n    - {category: data_deletio, risk: low, "
                "reason: r}\n"),
       f + "5:18: unknown category 'data_deletio' (did you mean 'data_deletion'?)"},
      {"missing risk", TypeWith("  expects:\n    - {category: data_deletion, reason: r}\n"),
       f + "5:7: missing required key 'risk' in expectation"},
      {"bad risk",
       TypeWith("  expects:\n    - {category: data_deletion, risk: severe, "
                "reason: r}\n"),
       f + "5:39: invalid risk 'severe': expected info, low, medium or high"},
      {"unknown expectation key",
       TypeWith("  expects:\n    - {category: data_deletion, when: {}, risk: low, reason: r}\n"),
       f + "5:33: unknown key 'when' in expectation"},
      {"undeclared parameter",
       TypeWith("  expects:\n    - {category: data_deletion, where: {period: 30}, risk: low, "
                "reason: r}\n"),
       f + "5:41: no rule of category 'data_deletion' declares parameter 'period'"},
      {"bad condition",
       TypeWith("  expects:\n    - {category: data_deletion, where: {period_days: {lte: 30}}, "
                "risk: low, reason: r}\n"),
       f + "5:55: unknown key 'lte' in condition on 'period_days' (did you mean 'lt'?)"},
      {"bad applies_if pattern",
       TypeWith("  expects:\n    - {category: data_deletion, applies_if: ['(gdpr'], risk: low, "
                "reason: r}\n"),
       f + "5:46: invalid pattern '(gdpr': missing ): (gdpr"},
      {"empty reason",
       TypeWith("  expects:\n    - {category: data_deletion, risk: low, "
                "reason: ''}\n"),
       f + "5:52: 'reason' must not be empty"},
  };
}

TEST(DocTypesLoader, GoldenDiagnostics) {
  for (const GoldenCase& c : GoldenCases()) {
    SCOPED_TRACE(c.name);
    Result<std::shared_ptr<RuleSetData>> data = LoadTestRules({{"doctypes.yaml", c.content}});
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().code(), ErrorCode::kRuleError);
    EXPECT_EQ(data.error().message(), c.expected);
  }
}

TEST(DocTypesLoader, SecondFileIsAnError) {
  Result<std::shared_ptr<RuleSetData>> data =
      LoadTestRules({{"audit/doctypes.yaml", test_rules::kTestDocTypes}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message(),
            "doctypes.yaml: doctypes.yaml is also at audit/doctypes.yaml; keep one");
}

}  // namespace
}  // namespace clausescan::internal

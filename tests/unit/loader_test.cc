// Golden diagnostics of the rule loader, and what a valid rule set loads into. The rule sets are
// built in memory so the tests do not depend on the project's rules/ folder.
#include "rules/loader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "clausescan/rule_folder.h"
#include "clausescan/rules.h"
#include "params/extract.h"
#include "params/text_flags.h"
#include "rules/model.h"
#include "support/temp_directory.h"
#include "test_rationale_files.h"

namespace clausescan::internal {
namespace {

const char kCategories[] = R"(- {id: incident_notification, title: Security incident notification}
- {id: audit, title: Audit rights}
)";

const char kControls[] =
    R"(- {id: A.5.24, theme: organizational, title: Incident management planning}
- {id: A.5.10, theme: organizational, title: Acceptable use of information}
- {id: A.5.2, theme: organizational, title: Information security roles}
)";

const char kEvidence[] = R"(- id: incident-response-procedure
  title: Incident response procedure
  description: How incidents are detected, triaged and notified.
- id: audit-report
  title: Third-party audit report
)";

const char kParties[] = R"(supplier: [Supplier, provider]
customer: [customer, client]
mutual: [each party]
)";

const char kPlaybook[] = R"(incident_notification:
  default: low
  default_reason: The notice terms match this playbook.
  positions:
    - id: notify-window-short
      when: {window_hours: {lt: 24}, trigger: occurrence}
      risk: high
      reason: "{window_hours} hours is short"
      propose: Within 72 hours after confirming the breach.
)";

const char kWindowRule[] = R"(id: incident-notification.window
category: incident_notification
title: Security incident notification window
scope: sentence
party: supplier
match:
  all:
    - any: ['\bnotif(y|ied|ication)\b', '\binform\b']
    - any: ['(security|data) (incident|breach)']
  none: ['\bchange of address\b']
parameters:
  window_hours: {type: duration, unit: hours, business: window_days}
  trigger: {type: trigger}
controls: [A.5.24, A.5.2]
evidence: [incident-response-procedure]
considerations:
  - {text: Notice within 72 hours., establishes: nothing}
)";

const char kAuditRule[] = R"(id: audit.rights
category: audit
title: Audit rights
scope: paragraph
match:
  all:
    - any: ['\baudit\b']
  definitions: true
)";

const char kWindowFile[] = "incident_notification/window.yaml";

std::map<std::string, std::string> BaseFiles() {
  return {{"categories.yaml", kCategories},
          {"controls.yaml", kControls},
          {"evidence.yaml", kEvidence},
          {"parties.yaml", kParties},
          {"playbook.yaml", kPlaybook},
          {kWindowFile, kWindowRule},
          {"audit/rights.yaml", kAuditRule},
          {"audit/rights.test.txt", "# ok: audit.rights\nNothing.\n"},
          {"audit/rationale.yaml", test_rules::PlaceholderRationale("audit")}};  // issue 14
}

// Loads the base files with `changes` applied (an empty content removes the file).
Result<std::shared_ptr<RuleSetData>> LoadWith(const std::map<std::string, std::string>& changes) {
  std::map<std::string, std::string> contents = BaseFiles();
  for (const auto& [name, content] : changes) {
    if (content.empty()) {
      contents.erase(name);
    } else {
      contents[name] = content;
    }
  }
  std::vector<SourceFile> files;
  for (const auto& [name, content] : contents) files.push_back(SourceFile{name, content});
  return LoadRuleSet(std::move(files), "test-rules");
}

// The window rule with one line replaced (1-based line number).
std::string WindowRuleWithLine(int line, const std::string& text) {
  std::vector<std::string> lines;
  std::string current;
  for (char c : std::string(kWindowRule)) {
    if (c == '\n') {
      lines.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  lines[line - 1] = text;
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(Loader, LoadsValidRuleSet) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWith({});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const RuleSetData& set = **data;
  EXPECT_EQ(set.origin, "test-rules");
  ASSERT_EQ(set.rules.size(), 2u);
  EXPECT_EQ(set.rules[0].id, "audit.rights");  // sorted by id
  EXPECT_EQ(set.rules[0].scope, Scope::kParagraph);
  EXPECT_EQ(set.rules[0].party, Party::kUnknown);
  EXPECT_TRUE(set.rules[0].definitions);

  const Rule& window = set.rules[1];
  EXPECT_EQ(window.id, "incident-notification.window");
  EXPECT_EQ(window.file, kWindowFile);
  EXPECT_EQ(window.line, 1);
  EXPECT_EQ(window.party, Party::kSupplier);
  ASSERT_EQ(window.all.size(), 2u);
  EXPECT_EQ(window.all[0].size(), 2u);
  EXPECT_EQ(window.all[0][0], "\\bnotif(y|ied|ication)\\b");
  EXPECT_EQ(window.none, std::vector<std::string>{"\\bchange of address\\b"});
  ASSERT_EQ(window.parameters.size(), 2u);
  EXPECT_EQ(window.parameters[0].name, "window_hours");
  EXPECT_EQ(window.parameters[0].type, ParamSpec::Type::kDuration);
  EXPECT_EQ(window.parameters[0].unit, "hours");
  EXPECT_EQ(window.parameters[0].business_name, "window_days");
  EXPECT_EQ(window.parameters[0].line, 12);
  EXPECT_EQ(window.parameters[1].type, ParamSpec::Type::kTrigger);
  ASSERT_EQ(window.considerations.size(), 1u);
  EXPECT_EQ(window.considerations[0].text, "Notice within 72 hours.");

  ASSERT_EQ(set.infos.size(), 2u);
  const RuleInfo& info = set.infos[1];
  EXPECT_EQ(info.id, window.id);
  EXPECT_EQ(info.scope, "sentence");
  EXPECT_EQ(info.party, "supplier");
  EXPECT_EQ(info.file, kWindowFile);
  EXPECT_EQ(info.source, kWindowRule);
  ASSERT_EQ(info.controls.size(), 2u);
  EXPECT_EQ(info.controls[0].id, "A.5.24");
  EXPECT_EQ(info.controls[0].title, "Incident management planning");
  ASSERT_EQ(info.evidence.size(), 1u);
  EXPECT_EQ(info.evidence[0].title, "Incident response procedure");
  EXPECT_EQ(set.infos[0].scope, "paragraph");
  EXPECT_EQ(set.infos[0].party, "any");

  // Controls in control order, not file order.
  ASSERT_EQ(set.controls.size(), 3u);
  EXPECT_EQ(set.controls[0].id, "A.5.2");
  EXPECT_EQ(set.controls[1].id, "A.5.10");
  EXPECT_EQ(set.controls[2].id, "A.5.24");
  EXPECT_EQ(set.parties.supplier, (std::vector<std::string>{"supplier", "provider"}));
  EXPECT_EQ(set.parties.mutual, std::vector<std::string>{"each party"});
  EXPECT_EQ(set.files.size(), 9u);  // tests and the rationale included
  EXPECT_NE(set.matcher, nullptr);
}

TEST(Loader, DurationBusinessFlagAndPreference) {
  const std::string rule = WindowRuleWithLine(
      12, "  window_hours: {type: duration, unit: days, business: true, prefer: notice}");
  Result<std::shared_ptr<RuleSetData>> data = LoadWith({{kWindowFile, rule}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const ParamSpec& spec = (*data)->rules[1].parameters[0];
  EXPECT_TRUE(spec.business_flag);
  EXPECT_EQ(spec.business_name, "");  // not a parameter named "true"
  EXPECT_EQ(spec.prefer, ParamSpec::Prefer::kNotice);

  data = LoadWith({{kWindowFile, WindowRuleWithLine(12,
                                                    "  window_hours: {type: duration, unit: "
                                                    "days, business: false}")}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_FALSE((*data)->rules[1].parameters[0].business_flag);
  EXPECT_EQ((*data)->rules[1].parameters[0].prefer, ParamSpec::Prefer::kWithin);
}

// issue 15 #8: a flag may hold for the whole document (`scope: document`); other values and other
// types are errors naming the file.
TEST(Loader, FlagOfDocumentScope) {
  const std::string kHours = "  window_hours: {type: duration, unit: hours, business: window_days}";
  Result<std::shared_ptr<RuleSetData>> data = LoadWith(
      {{kWindowFile,
        WindowRuleWithLine(
            12, kHours + "\n  confirmed: {type: flag, any: ['\\bconfirm'], scope: document}")}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_TRUE((*data)->rules[1].parameters[1].document_scope);
  data = LoadWith(
      {{kWindowFile,
        WindowRuleWithLine(12, kHours + "\n  confirmed: {type: flag, any: ['\\bconfirm']}")}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_FALSE((*data)->rules[1].parameters[1].document_scope);
  data = LoadWith(
      {{kWindowFile,
        WindowRuleWithLine(
            12, kHours + "\n  confirmed: {type: flag, any: ['\\bconfirm'], scope: all}")}});
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message().find("invalid scope 'all': expected clause, document or text"),
            std::string::npos)
      << data.error().message();
  // issue 15 #4: a flag the document's text states anywhere is of document scope too
  data = LoadWith(
      {{kWindowFile,
        WindowRuleWithLine(
            12, kHours + "\n  confirmed: {type: flag, any: ['\\bconfirm'], scope: text}")}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_TRUE((*data)->rules[1].parameters[1].document_scope);
  EXPECT_TRUE((*data)->rules[1].parameters[1].text_scope);
  data = LoadWith(
      {{kWindowFile, WindowRuleWithLine(13, "  trigger: {type: trigger, scope: document}")}});
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message().find("'scope' does not apply to a parameter of type 'trigger'"),
            std::string::npos)
      << data.error().message();
}

TEST(Loader, BusinessFlagIsDeclaredForPlaybooks) {
  const char playbook[] = R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {lt: 5}, business: true}
      risk: medium
      reason: r
)";
  const std::string rule =
      WindowRuleWithLine(12, "  window_hours: {type: duration, unit: days, business: true}");
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{kWindowFile, rule}, {"playbook.yaml", playbook}});
  ASSERT_TRUE(data.ok()) << data.error().message();
}

TEST(Loader, ReadsPlaybook) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWith({});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const CategoryPolicy& policy = (*data)->playbook.categories.at("incident_notification");
  EXPECT_EQ(policy.default_risk, Risk::kLow);
  EXPECT_EQ(policy.default_reason, "The notice terms match this playbook.");
  ASSERT_EQ(policy.positions.size(), 1u);
  const Position& position = policy.positions[0];
  EXPECT_EQ(position.id, "notify-window-short");
  EXPECT_EQ(position.risk, Risk::kHigh);
  EXPECT_EQ(position.file, "playbook.yaml");
  EXPECT_EQ(position.line, 5);
  ASSERT_EQ(position.when.size(), 2u);
  EXPECT_EQ(position.when[0].param, "window_hours");
  EXPECT_EQ(position.when[0].op, Condition::Op::kLess);
  EXPECT_EQ(position.when[0].value, ParamValue(24.0));
  EXPECT_EQ(position.when[1].param, "trigger");
  EXPECT_EQ(position.when[1].op, Condition::Op::kEquals);
  EXPECT_EQ(position.when[1].value, ParamValue(std::string("occurrence")));
}

TEST(Loader, ReadsConditionForms) {
  const char playbook[] = R"(incident_notification:
  positions:
    - id: p
      when:
        window_hours: {ge: 24, le: 72}
        trigger: {in: [occurrence, awareness]}
        window_days: {present: false}
        business: true
        vague: "24"
      risk: medium
      reason: r
)";
  const std::string rule =
      WindowRuleWithLine(13, "  trigger: {type: trigger}\n  vague: {type: vague}");
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{"playbook.yaml", playbook}, {kWindowFile, rule}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  const std::vector<Condition>& when =
      (*data)->playbook.categories.at("incident_notification").positions.at(0).when;
  ASSERT_EQ(when.size(), 6u);
  EXPECT_EQ(when[0].op, Condition::Op::kGreaterEqual);
  EXPECT_EQ(when[1].op, Condition::Op::kLessEqual);
  EXPECT_EQ(when[1].value, ParamValue(72.0));
  EXPECT_EQ(when[2].op, Condition::Op::kIn);
  EXPECT_EQ(when[2].values, (std::vector<std::string>{"occurrence", "awareness"}));
  EXPECT_EQ(when[3].op, Condition::Op::kAbsent);
  EXPECT_EQ(when[4].value, ParamValue(true));
  EXPECT_EQ(when[5].value, ParamValue(std::string("24")));  // quoted: a word
}

struct GoldenCase {
  const char* name;
  std::string file;
  std::string content;
  std::string expected;  // Error::message()
};

std::vector<GoldenCase> GoldenCases() {
  const std::string w = kWindowFile;
  return {
      {"unknown key", w, WindowRuleWithLine(4, "scop: sentence"),
       w + ":4:1: unknown key 'scop' in rule (did you mean 'scope'?)"},
      {"unknown key without suggestion", w, WindowRuleWithLine(4, "severity: high"),
       w + ":4:1: unknown key 'severity' in rule"},
      {"missing required key", w, WindowRuleWithLine(3, "description: no title"),
       w + ":1:1: missing required key 'title' in rule"},
      {"wrong type", w, WindowRuleWithLine(3, "title: [a, b]"),
       w + ":3:8: expected a string for 'title', found a list"},
      {"empty value", w, WindowRuleWithLine(3, "title:"),
       w + ":3:1: missing value for 'title' in rule"},
      {"bad scope", w, WindowRuleWithLine(4, "scope: sentense"),
       w + ":4:8: invalid scope 'sentense': expected sentence or paragraph (did you mean "
           "'sentence'?)"},
      {"bad party", w, WindowRuleWithLine(5, "party: vendor"),
       w + ":5:8: invalid party 'vendor': expected supplier, customer or any"},
      {"bad parameter type", w, WindowRuleWithLine(13, "  trigger: {type: triger}"),
       w + ":13:19: invalid parameter type 'triger': expected duration, vague, trigger, flag, "
           "enum, percent, money, fee_months, fee_multiple, frequency or set (did you mean "
           "'trigger'?)"},
      {"option of another type", w, WindowRuleWithLine(13, "  trigger: {type: flag, unit: days}"),
       w + ":13:25: 'unit' does not apply to a parameter of type 'flag'"},
      {"missing option of type", w, WindowRuleWithLine(13, "  backups: {type: flag}"),
       w + ":13:12: missing required key 'any' in parameter 'backups' (type 'flag')"},
      {"bad duration unit", w,
       WindowRuleWithLine(12, "  window_hours: {type: duration, unit: minutes}"),
       w + ":12:40: invalid unit 'minutes': expected hours, days or months"},
      {"bad parameter name", w, WindowRuleWithLine(13, "  Trigger: {type: trigger}"),
       w + ":13:3: invalid parameter name 'Trigger': use lower-case letters, digits and '_', "
           "starting with a letter"},
      {"parameter name used twice", w, WindowRuleWithLine(13, "  window_days: {type: percent}"),
       w + ":13:3: parameter name 'window_days' is used twice in rule"},
      {"business set by a duration and named by another parameter", w,
       WindowRuleWithLine(13, "  business: {type: flag, any: ['x']}"),
       w + ":13:3: parameter name 'business' is used twice in rule (a duration with 'business' "
           "sets it for business days)"},
      {"business days named after the parameter they set", w,
       WindowRuleWithLine(12, "  window_hours: {type: duration, unit: hours, business: business}"),
       w + ":12:3: parameter name 'business' is used twice in rule (a duration with 'business' "
           "sets it for business days)"},
      {"a duration named business that sets business", w,
       WindowRuleWithLine(12, "  business: {type: duration, unit: days, business: true}"),
       w + ":12:3: parameter name 'business' is used twice in rule (a duration with 'business' "
           "sets it for business days)"},
      {"bad duration preference", w,
       WindowRuleWithLine(12, "  window_hours: {type: duration, unit: hours, prefer: soon}"),
       w + ":12:55: invalid prefer 'soon': expected within, notice or period"},
      {"preference of another type", w,
       WindowRuleWithLine(13, "  trigger: {type: trigger, prefer: notice}"),
       w + ":13:28: 'prefer' does not apply to a parameter of type 'trigger'"},
      {"unknown category", w, WindowRuleWithLine(2, "category: incident_notifcation"),
       w + ":2:11: unknown category 'incident_notifcation' (did you mean "
           "'incident_notification'?)"},
      {"unknown control", w, WindowRuleWithLine(14, "controls: [A.5.24, A.5.240]"),
       w + ":14:20: unknown control 'A.5.240' (did you mean 'A.5.24'?)"},
      // issue 13 s10 #1: what a clause asks for is checked as the rule's own lists are.
      {"unknown control in asks", w,
       WindowRuleWithLine(17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {controls: [A.5.240]}"),
       w + ":19:17: unknown control 'A.5.240' (did you mean 'A.5.24'?)"},
      {"asked control not the rule's", w,
       WindowRuleWithLine(17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {controls: [A.5.10]}"),
       w + ":19:17: control 'A.5.10' in 'asks' is not in the rule's 'controls': add it there "
           "first"},
      {"asked evidence not the rule's", w,
       WindowRuleWithLine(17,
                          "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {evidence: [audit-report]}"),
       w + ":19:17: evidence 'audit-report' in 'asks' is not in the rule's 'evidence': add it "
           "there first"},
      {"asks condition on an undeclared parameter", w,
       WindowRuleWithLine(
           17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {when: {windw_hours: {lt: 24}}, controls: "
               "[A.5.24]}"),
       w + ":19:13: rule 'incident-notification.window' declares no parameter 'windw_hours' (did "
           "you mean 'window_hours'?)"},
      // rel14 #4: only a number is compared; the trigger is a word
      {"asks compares a word", w,
       WindowRuleWithLine(
           17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {when: {trigger: {lt: 24}}, controls: "
               "[A.5.24]}"),
       w + ":19:23: 'lt' compares numbers, but parameter 'trigger' holds a word: test it with a "
           "value, 'in' or 'present'"},
      {"consideration compares a word", w,
       WindowRuleWithLine(17, "  - {text: Count from awareness., when: {trigger: {ge: 1}}}"),
       w + ":17:52: 'ge' compares numbers, but parameter 'trigger' holds a word: test it with a "
           "value, 'in' or 'present'"},
      {"asks entry asking nothing", w,
       WindowRuleWithLine(17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {text: ['x']}"),
       w + ":19:5: an entry of 'asks' names no 'controls' and no 'evidence'"},
      // attack review of main 26f857a #6: empty lists ask for nothing either
      {"asks entry with empty lists", w,
       WindowRuleWithLine(17, "  - {text: Notice within 72 hours., establishes: nothing}\nasks:\n  - {controls: [], evidence: []}"),
       w + ":19:5: an entry of 'asks' names no 'controls' and no 'evidence'"},
      {"unknown evidence", w, WindowRuleWithLine(15, "evidence: [incident-respons-procedure]"),
       w + ":15:12: unknown evidence 'incident-respons-procedure' (did you mean "
           "'incident-response-procedure'?)"},
      {"bad pattern", w, WindowRuleWithLine(9, "    - any: ['(security|data']"),
       w + ":9:13: invalid pattern '(security|data': missing ): (security|data"},
      // rel14 #5: an empty pattern is named as such, not as an empty list
      {"empty pattern", w, WindowRuleWithLine(9, "    - any: ['x', '']"),
       w + ":9:18: empty pattern in 'any': it would match everywhere; write what it must match, "
           "or remove it"},
      {"bad none pattern", w, WindowRuleWithLine(10, "  none: ['a{2,1}']"),
       w + ":10:10: invalid pattern 'a{2,1}': invalid repetition size: {2,1}"},
      {"unknown key in group", w, WindowRuleWithLine(9, "    - anyy: ['x']"),
       w + ":9:7: unknown key 'anyy' in group of 'all' (did you mean 'any'?)"},
      {"group not a map", w, WindowRuleWithLine(9, "    - 'x'"),
       w + ":9:7: expected a map for group of 'all', found a string"},
      {"empty any", w, WindowRuleWithLine(9, "    - any: []"),
       w + ":9:12: 'any' must not be empty"},
      {"bad bool", w, WindowRuleWithLine(10, "  definitions: maybe"),
       w + ":10:16: expected true or false for 'definitions'"},
      {"bad rule id", w, WindowRuleWithLine(1, "id: Incident_Window"),
       w + ":1:5: invalid rule id 'Incident_Window': use lower-case letters, digits, '.' and "
           "'-'"},
      {"duplicate key", w, WindowRuleWithLine(4, "title: again"),
       w + ":4:1: duplicate key 'title' in rule"},
      {"yaml syntax error", w, WindowRuleWithLine(14, "controls: [A.5.24"),
       w + ":15:9: YAML syntax error: end of sequence flow not found"},
      {"rule is not a map", w, "- id: x\n", w + ":1:1: expected a map for rule, found a list"},
      {"empty rule file", w, "# nothing here\n", w + ": the file is empty"},
      {"duplicate rule id", "incident_notification/zz.yaml", kWindowRule,
       "incident_notification/zz.yaml:1: duplicate rule id 'incident-notification.window' "
       "(first defined in incident_notification/window.yaml:1)"},
      {"playbook unknown parameter", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {windw_hours: {lt: 24}}
      risk: high
      reason: r
)",
       "playbook.yaml:4:14: no rule of category 'incident_notification' declares parameter "
       "'windw_hours' (did you mean 'window_hours'?)"},
      {"playbook unknown placeholder", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {lt: 24}}
      risk: high
      reason: "{window} hours"
)",
       "playbook.yaml:6:15: no rule of category 'incident_notification' declares parameter "
       "'window'"},
      {"playbook bad risk", "playbook.yaml", "incident_notification:\n  default: severe\n",
       "playbook.yaml:2:12: invalid risk 'severe': expected info, low, medium or high"},
      {"playbook unknown category", "playbook.yaml", "incident_notifcation:\n  default: low\n",
       "playbook.yaml:1:1: unknown category or rule 'incident_notifcation' in playbook (did you "
       "mean "
       "'incident_notification'?)"},
      {"playbook bad operator", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {lte: 24}}
      risk: high
      reason: r
)",
       "playbook.yaml:4:29: unknown key 'lte' in condition on 'window_hours' (did you mean "
       "'lt'?)"},
      {"playbook comparison needs a number", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {lt: soon}}
      risk: high
      reason: r
)",
       "playbook.yaml:4:33: expected a number for 'lt', found 'soon'"},
      {"answer compares a word", "incident_notification/rationale.yaml",
       test_rules::PlaceholderRationale("incident_notification") +
           "answers:\n  - {text: Offer 72 hours., when: {trigger: {lt: 24}}}\n",
       "incident_notification/rationale.yaml:6:46: 'lt' compares numbers, but parameter "
       "'trigger' holds a word: test it with a value, 'in' or 'present'"},
      {"playbook compares a word", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {trigger: {gt: 0}}
      risk: high
      reason: r
)",
       "playbook.yaml:4:24: 'gt' compares numbers, but parameter 'trigger' holds a word: test it "
       "with a value, 'in' or 'present'"},
      {"proposal compares a word", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {lt: 24}}
      risk: high
      reason: r
      propose: {text: Ask for 72 hours., when: {trigger: {le: 2}}}
)",
       "playbook.yaml:7:59: 'le' compares numbers, but parameter 'trigger' holds a word: test it "
       "with a value, 'in' or 'present'"},
      // attack review of main e77cfe5 #6: a value a number can never equal
      {"playbook equals a word on a number", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: twenty}
      risk: high
      reason: r
)",
       "playbook.yaml:4:28: parameter 'window_hours' holds a number, so it never equals 'twenty': "
       "write a number, or compare with lt, le, gt or ge"},
      {"playbook in words on a number", "playbook.yaml",
       R"(incident_notification:
  positions:
    - id: p
      when: {window_hours: {in: [24, b]}}
      risk: high
      reason: r
)",
       "playbook.yaml:4:38: parameter 'window_hours' holds a number, so it never equals 'b': "
       "write a number, or compare with lt, le, gt or ge"},
      {"category without title", "categories.yaml", "- {id: incident_notification}\n",
       "categories.yaml:1:3: missing required key 'title' in category entry"},
      {"duplicate category", "categories.yaml",
       "- {id: audit, title: A}\n- {id: audit, title: B}\n",
       "categories.yaml:2:8: duplicate category id 'audit'"},
      {"parties unknown key", "parties.yaml", "supplier: [a]\ncustomer: [b]\nbuyer: [c]\n",
       "parties.yaml:3:1: unknown key 'buyer' in parties"},
      {"special file twice", "audit/categories.yaml", kCategories,
       "categories.yaml: categories.yaml is also at audit/categories.yaml; keep one"},
  };
}

TEST(Loader, GoldenDiagnostics) {
  for (const GoldenCase& c : GoldenCases()) {
    SCOPED_TRACE(c.name);
    Result<std::shared_ptr<RuleSetData>> data = LoadWith({{c.file, c.content}});
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().code(), ErrorCode::kRuleError);
    EXPECT_EQ(data.error().message(), c.expected);
  }
}

TEST(Loader, MissingCategoriesFile) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWith({{"categories.yaml", ""}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message(), "test-rules: the rule directory has no categories.yaml");
}

TEST(Loader, PlaybookAndCatalogsAreOptional) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWith(
      {{"playbook.yaml", ""}, {"evidence.yaml", ""}, {kWindowFile, ""}, {"controls.yaml", ""}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_EQ((*data)->rules.size(), 1u);
  EXPECT_TRUE((*data)->playbook.categories.empty());
}

class RuleDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = clausescan::testing::MakeTempDirectory("clausescan_loader_test_");
    std::filesystem::create_directories(dir_ / "b" / "deep");
    std::filesystem::create_directories(dir_ / "a");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::filesystem::path dir_;
};

TEST_F(RuleDirectoryTest, ReadsRecursivelySorted) {
  Write("b/deep/rule.yaml", "id: x\n");
  Write("b/deep/rule.test.txt", "# ok: x\n");
  Write("a/z.yaml", "z");
  Write("categories.yaml", "c");
  Write("README.md", "ignored");
  Write("a/notes.txt", "ignored");
  Result<std::vector<SourceFile>> files = ReadRuleDirectory(dir_.string());
  ASSERT_TRUE(files.ok()) << files.error().message();
  std::vector<std::string> names;
  for (const SourceFile& f : *files) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a/z.yaml", "b/deep/rule.test.txt", "b/deep/rule.yaml",
                                             "categories.yaml"}));
  EXPECT_EQ((*files)[2].content, "id: x\n");
}

// rel14 #6: the library says which rule files a load skips unopened, and why (the CLI prints
// it); a file it reads and a file of another kind are not named.
TEST_F(RuleDirectoryTest, SkippedFilesAreNamedWithWhy) {
  Write("a/ok.yaml", "id: x\n");
  Write("a/notes.txt", "ignored");
  ASSERT_EQ(::mkfifo((dir_ / "a" / "fifo.yaml").c_str(), 0600), 0);
  std::filesystem::create_symlink(dir_ / "nowhere", dir_ / "b" / "gone.test.txt");
  std::filesystem::create_symlink(dir_ / "nowhere", dir_ / "b" / "gone.md");
  const std::vector<SkippedRuleFile> skipped = SkippedRuleFiles(dir_.string());
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].path, (dir_ / "a" / "fifo.yaml").string());
  EXPECT_EQ(skipped[0].reason, "it is a FIFO, not a regular file");
  EXPECT_EQ(skipped[1].path, (dir_ / "b" / "gone.test.txt").string());
  EXPECT_EQ(skipped[1].reason, "a symbolic link to nothing");
  EXPECT_TRUE(SkippedRuleFiles((dir_ / "nope").string()).empty());
}

TEST_F(RuleDirectoryTest, MissingDirectoryIsIoError) {
  const std::string missing = (dir_ / "nope").string();
  Result<std::vector<SourceFile>> files = ReadRuleDirectory(missing);
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().code(), ErrorCode::kIo);
  EXPECT_EQ(files.error().file(), missing);
  EXPECT_EQ(files.error().detail(), "cannot read rule directory: no such directory");
}

TEST_F(RuleDirectoryTest, FileIsNotADirectory) {
  Write("categories.yaml", "c");
  Result<std::vector<SourceFile>> files = ReadRuleDirectory((dir_ / "categories.yaml").string());
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().code(), ErrorCode::kIo);
  EXPECT_EQ(files.error().detail(), "cannot read rule directory: not a directory");
}

// Writes the base rule set into the fixture's directory.
void WriteBaseFiles(const std::filesystem::path& dir) {
  for (const auto& [name, content] : BaseFiles()) {
    std::filesystem::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << content;
  }
}

TEST_F(RuleDirectoryTest, RuleSetLoadReadsTheDirectory) {
  WriteBaseFiles(dir_);
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  EXPECT_EQ(rules->origin(), dir_.string());
  ASSERT_EQ(rules->Rules().size(), 2u);
  EXPECT_EQ(rules->Rules()[0].id, "audit.rights");
  const RuleInfo* window = rules->FindRule("incident-notification.window");
  ASSERT_NE(window, nullptr);
  EXPECT_EQ(window->title, "Security incident notification window");
  EXPECT_EQ(rules->FindRule("incident-notification"), nullptr);
  ASSERT_EQ(rules->Controls().size(), 3u);
  EXPECT_EQ(rules->Controls()[0].id, "A.5.2");
}

TEST_F(RuleDirectoryTest, RuleSetLoadReportsRuleErrors) {
  WriteBaseFiles(dir_);
  Write(kWindowFile, WindowRuleWithLine(4, "scop: sentence"));
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_FALSE(rules.ok());
  // The file is named as the user can open it: inside the folder given (D9 d).
  EXPECT_EQ(
      rules.error().message(),
      (dir_ / kWindowFile).string() + ":4:1: unknown key 'scop' in rule (did you mean 'scope'?)");
}

TEST_F(RuleDirectoryTest, RunsAnnotatedSamples) {
  WriteBaseFiles(dir_);
  Write("incident_notification/window.test.txt", R"(# Samples for the window rule.
# ruleid: incident-notification.window window_hours=24 trigger=occurrence
Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of its occurrence.
# ruleid: incident-notification.window window_hours=48
Supplier shall notify Customer of any Security Incident within 24 hours.
# ok: incident-notification.window
Customer shall notify Supplier of a change of address.
# ok: incident-notification.window
Supplier shall notify Customer of any Security Incident.
# ruleid: incident-notification.window
The weather was fine.
# todoruleid: incident-notification.window
A known miss that never fails.
# todoruleid: incident-notification.window window_hours=24
Supplier shall notify Customer of any Security Incident within 24 hours.
# todook: incident-notification.window
Supplier shall notify Customer of any Security Incident within 24 hours.
# ruleid: incident-notification.window window_hours=- trigger="-"
# ok: audit.rights
Supplier shall notify Customer of any Security Incident.
)");
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Result<RuleTestSummary> summary = RunRuleTests(*rules, dir_.string());
  ASSERT_TRUE(summary.ok()) << summary.error().message();
  EXPECT_EQ(summary->files, 2);
  EXPECT_EQ(summary->samples, 8);  // 7 in window.test.txt, 1 in audit/rights.test.txt
  EXPECT_EQ(summary->todo, 3);
  EXPECT_EQ(summary->passed, 5);
  // A todo whose gap is closed is listed for promotion, never as a failure.
  ASSERT_EQ(summary->fixed_todos.size(), 1u);
  EXPECT_EQ(summary->fixed_todos[0].line, 15);
  EXPECT_EQ(summary->fixed_todos[0].message,
            "todoruleid: incident-notification.window now holds; make it ruleid");
  const std::string file = (dir_ / "incident_notification/window.test.txt").string();
  ASSERT_EQ(summary->failures.size(), 3u);
  EXPECT_EQ(summary->failures[0].file, file);
  EXPECT_EQ(summary->failures[0].line, 5);
  EXPECT_EQ(summary->failures[0].message, "window_hours is 24, expected 48");
  EXPECT_EQ(summary->failures[1].line, 9);
  EXPECT_EQ(summary->failures[1].message, "incident-notification.window fired but should not");
  EXPECT_EQ(summary->failures[2].line, 11);
  EXPECT_EQ(summary->failures[2].message, "expected incident-notification.window to fire");
  EXPECT_FALSE(summary->ok());
}

TEST_F(RuleDirectoryTest, MalformedAnnotationsAreRuleErrors) {
  WriteBaseFiles(dir_);
  Result<RuleSet> rules = RuleSet::Load(dir_.string());
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const std::string file = (dir_ / "audit/rights.test.txt").string();
  const std::pair<std::string, std::string> cases[] = {
      {"# ruleid: audit.right\nx\n", ":1: unknown rule 'audit.right'"},
      {"# ruleid audit.rights\nx\n", ":1: malformed annotation: expected 'ruleid: RULE-ID'"},
      {"\n# ruleid:\nx\n", ":2: malformed annotation: 'ruleid:' needs a rule id"},
      {"# ruleid: audit.rights window\nx\n",
       ":1: malformed parameter check 'window': expected name=value"},
      // issue 16 attack r7: an unclosed double quote is refused, as single quotes are.
      {"\n# ruleid: audit.rights vague=\"without undue delay\nx\n",
       ":2: malformed parameter check 'vague=\"without undue delay': the '\"' is never closed"},
      {"# ruleid: audit.rights a=\"1\" b=\"2\nx\n",
       ":1: malformed parameter check 'b=\"2': the '\"' is never closed"},
      {"# ok: audit.rights a=1\nx\n", ":1: 'ok:' takes no parameter checks"},
      // rel15 #5: a check of a parameter the rule does not declare (a typo: it passed as
      // absent with '-'), and one parameter checked twice.
      {"\n# ruleid: incident-notification.window widow_hours=-\nx\n",
       ":2: unknown parameter 'widow_hours': rule 'incident-notification.window' declares "
       "window_hours, window_days, business, trigger"},
      {"# ruleid: audit.rights nope=5\nx\n",
       ":1: unknown parameter 'nope': rule 'audit.rights' declares none"},
      {"# ruleid: incident-notification.window window_hours=24 window_hours=48\nx\n",
       ":1: parameter 'window_hours' is checked twice"},
      {"# ruleid: audit.rights\n\nx\n",
       ":1: annotation is not followed by a sample on the next line"},
      {"x\n# todook: audit.rights\n", ":2: annotation at the end of the file has no sample"},
  };
  for (const auto& [content, expected] : cases) {
    SCOPED_TRACE(content);
    Write("audit/rights.test.txt", content);
    Result<RuleTestSummary> summary = RunRuleTests(*rules, dir_.string());
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code(), ErrorCode::kRuleError);
    EXPECT_EQ(summary.error().message(), file + expected);
  }
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

TEST(Loader, PlaybookMayBeSplitAndKeyedByRule) {
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{"audit/playbook.yaml",
                 "audit.rights:\n  default: info\n  default_reason: Audits are fine.\n"}});
  ASSERT_TRUE(data.ok()) << data.error().message();
  EXPECT_EQ((*data)->playbook.categories.at("audit.rights").default_risk, Risk::kInfo);
  EXPECT_TRUE((*data)->playbook.categories.count("incident_notification"));
}

TEST(Loader, PolicyGivenTwiceIsAnError) {
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{"more/playbook.yaml", "incident_notification:\n  default: high\n"}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message(),
            "playbook.yaml:1:1: 'incident_notification' already has a policy in another "
            "playbook file");
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

// The window rule with extra considerations, and a doctypes.yaml with a "dpa" type.
Result<std::shared_ptr<RuleSetData>> LoadWithConsiderations(const std::string& extra) {
  std::string rule = kWindowRule;
  rule += extra;
  return LoadWith({{kWindowFile, rule},
                   {"doctypes.yaml", "- id: dpa\n  name: DPA\n  titles: ['\\bdpa\\b']\n"}});
}

// issue 15 #4: a consideration may say when it applies (a map of conditions, or a list of maps
// of which one must hold) and in which document types.
TEST(Loader, ConsiderationsTakeConditionsAndDocumentTypes) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWithConsiderations(
      "  - text: Count from awareness.\n"
      "    when: [{trigger: occurrence}, {window_hours: {lt: 24}}]\n"
      "  - text: Only in a DPA.\n"
      "    when: {trigger: {present: true}}\n"
      "    doctypes: [dpa, other]\n");
  ASSERT_TRUE(data.ok()) << data.error().message();
  const Rule& window = (*data)->rules[1];
  ASSERT_EQ(window.id, "incident-notification.window");
  ASSERT_EQ(window.considerations.size(), 3u);
  EXPECT_TRUE(window.considerations[0].when.empty());
  EXPECT_EQ(window.considerations[1].text, "Count from awareness.");
  ASSERT_EQ(window.considerations[1].when.size(), 2u);
  EXPECT_EQ(window.considerations[1].when[1][0].param, "window_hours");
  ASSERT_EQ(window.considerations[2].when.size(), 1u);
  EXPECT_EQ(window.considerations[2].doctypes, (std::vector<std::string>{"dpa", "other"}));
}

TEST(Loader, ConsiderationConditionsAndDocumentTypesAreChecked) {
  Result<std::shared_ptr<RuleSetData>> unknown_param = LoadWithConsiderations(
      "  - text: Count from awareness.\n    when: {windw_hours: {lt: 24}}\n");
  ASSERT_FALSE(unknown_param.ok());
  EXPECT_EQ(unknown_param.error().message(),
            "incident_notification/window.yaml:19:12: rule 'incident-notification.window' "
            "declares no parameter 'windw_hours' (did you mean 'window_hours'?)");
  Result<std::shared_ptr<RuleSetData>> unknown_type =
      LoadWithConsiderations(
          "  - text: Only in a DPA.\n    doctypes: [dpa, dap]\n    establishes: nothing\n");
  ASSERT_FALSE(unknown_type.ok());
  EXPECT_EQ(unknown_type.error().message(),
            "incident_notification/window.yaml:19:15: unknown document type 'dap' in 'doctypes' "
            "(one of: other, dpa) (did you mean 'dpa'?)");
  Result<std::shared_ptr<RuleSetData>> no_text = LoadWithConsiderations("  - when: {}\n");
  ASSERT_FALSE(no_text.ok());
}

// issue 15 #1: a consideration declares what it establishes (conditions on the rule's own
// parameters, as `when`), read with its line; a misspelt parameter is an error at its place.
TEST(Loader, ConsiderationsDeclareWhatTheyEstablish) {
  Result<std::shared_ptr<RuleSetData>> data = LoadWithConsiderations(
      "  - text: Count from confirmation.\n"
      "    establishes: [{trigger: confirmation}, {window_hours: {ge: 72}}]\n");
  ASSERT_TRUE(data.ok()) << data.error().message();
  const Rule& window = (*data)->rules[1];
  ASSERT_EQ(window.considerations.size(), 2u);
  EXPECT_EQ(window.considerations[0].line, 17);
  EXPECT_TRUE(window.considerations[0].establishes.empty());
  EXPECT_EQ(window.considerations[1].line, 18);
  ASSERT_EQ(window.considerations[1].establishes.size(), 2u);
  EXPECT_EQ(window.considerations[1].establishes[1][0].param, "window_hours");
  Result<std::shared_ptr<RuleSetData>> unknown = LoadWithConsiderations(
      "  - text: Count from confirmation.\n    establishes: {triger: confirmation}\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message(),
            "incident_notification/window.yaml:19:19: rule 'incident-notification.window' "
            "declares no parameter 'triger' (did you mean 'trigger'?)");
}

// issue 15 #4: a consideration must say what it establishes or when it is offered, so that a
// clause granting it can leave it out; plain text, or a map with only `doctypes`, is an error at
// its line. `establishes: nothing` declares advice no clause can grant (a check of one's own
// insurance).
TEST(Loader, AConsiderationThatDeclaresNeitherIsAnErrorAtItsLine) {
  for (const char* undeclared :
       {"  - Offer notice by e-mail.\n", "  - text: Offer notice by e-mail.\n    doctypes: [dpa]\n"}) {
    Result<std::shared_ptr<RuleSetData>> data = LoadWithConsiderations(undeclared);
    ASSERT_FALSE(data.ok()) << undeclared;
    EXPECT_EQ(data.error().message().rfind(
                  "incident_notification/window.yaml:18:5: consideration of "
                  "incident-notification.window declares neither 'establishes' nor 'when'",
                  0),
              0u)
        << data.error().message();
  }
  Result<std::shared_ptr<RuleSetData>> nothing = LoadWithConsiderations(
      "  - text: Check that your insurer covers notification costs.\n    establishes: nothing\n");
  ASSERT_TRUE(nothing.ok()) << nothing.error().message();
  const Rule& window = (*nothing)->rules[1];
  ASSERT_EQ(window.considerations.size(), 2u);
  EXPECT_TRUE(window.considerations[1].establishes_nothing);
  EXPECT_TRUE(window.considerations[1].establishes.empty());
  Result<std::shared_ptr<RuleSetData>> misspelt = LoadWithConsiderations(
      "  - text: Check that your insurer covers notification costs.\n    establishes: nothin\n");
  ASSERT_FALSE(misspelt.ok());
}

// issue 15 #5: an empty `when` says nothing: `when: []`, `when: {}` and an empty map in a list
// are all errors at the `when`'s file:line:column (leave `when` out for advice always offered).
// issue 14 (attack review): a rule file with invalid UTF-8 or a second YAML document is an error
// at its place; before, the bytes became U+FFFD and the second document was dropped silently.
TEST(Loader, InvalidUtf8AndASecondDocumentAreErrorsAtTheirPlace) {
  Result<std::shared_ptr<RuleSetData>> bad_bytes =
      LoadWith({{kWindowFile, WindowRuleWithLine(3, "title: \"Notice \xC3\x28 window\"")}});
  ASSERT_FALSE(bad_bytes.ok());
  EXPECT_EQ(bad_bytes.error().message().rfind("incident_notification/window.yaml:3:16: ", 0), 0u)
      << bad_bytes.error().message();
  EXPECT_NE(bad_bytes.error().message().find("invalid UTF-8"), std::string::npos);
  Result<std::shared_ptr<RuleSetData>> two =
      LoadWith({{kWindowFile, "---\n" + std::string(kWindowRule) + "---\nid: other\n"}});
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.error().message().find("a second YAML document"), std::string::npos)
      << two.error().message();
  EXPECT_NE(two.error().message().find("window.yaml:"), std::string::npos);
  // A leading "---" and comments before it are one document.
  Result<std::shared_ptr<RuleSetData>> one =
      LoadWith({{kWindowFile, "# window\n---\n" + std::string(kWindowRule)}});
  EXPECT_TRUE(one.ok()) << one.error().message();
}

// issue 14 #1: yaml-cpp reads a quoted string that is never closed on to the end of the file
// (or to a later quote), so the keys after it became part of the string. Such a string is an
// error at its opening quote, in every YAML file the loader reads.
TEST(Loader, UnclosedQuotedStringIsAnErrorAtItsOpeningQuote) {
  const std::string w = kWindowFile;
  const struct {
    std::string file, content, where;
  } cases[] = {
      {w, WindowRuleWithLine(3, "title: \"Security incident notification window"), w + ":3:8: "},
      {w, WindowRuleWithLine(3, "title: 'Security incident notification window"), w + ":3:8: "},
      // A later quote would close it, but a key at the string's own indentation came first.
      {w, WindowRuleWithLine(9, "    - any: ['(security|data) (incident|breach)]"), w + ":9:13: "},
      {"audit/rationale.yaml",
       "category: audit\nrationale: \"GDPR Art. 28(3)(h)\nsources:\n"
       "  - {title: Test source, url: \"https://example.com/test\", says: Test., read: \"https://example.com/test\"}\n",
       "audit/rationale.yaml:2:12: "},
      // Closed by the next key's quote, which yaml-cpp reports as a syntax error after it.
      {"audit/rationale.yaml",
       "category: audit\nrationale: Test.\nsources:\n  - title: \"Test source\n"
       "    url: \"https://example.com/test\"\n    says: Test.\n    read: \"https://example.com/test\"\n",
       "audit/rationale.yaml:4:12: "},
      {"playbook.yaml",
       "incident_notification:\n  default: low\n  default_reason: \"The notice terms match\n"
       "  positions: []\n",
       "playbook.yaml:3:19: "},
      {"controls.yaml", "- {id: A.5.24, theme: organizational, title: 'Incident management}\n",
       "controls.yaml:1:46: "},
      // A file large enough (or with an anchor) to have its expansion counted first.
      {w, "# " + std::string(30000, 'x') + "\n" + WindowRuleWithLine(3, "title: &t \"Notice"),
       w + ":4:11: "},
      {w, "\xEF\xBB\xBF" + WindowRuleWithLine(1, "id: 'incident-notification.window"),
       w + ":1:5: "},
      {w,
       std::regex_replace(WindowRuleWithLine(2, "category: \"incident_notification"),
                          std::regex("\n"), "\r\n"),
       w + ":2:11: "},
  };
  for (const auto& c : cases) {
    Result<std::shared_ptr<RuleSetData>> data = LoadWith({{c.file, c.content}});
    ASSERT_FALSE(data.ok()) << c.content;
    EXPECT_EQ(data.error().message().rfind(c.where, 0), 0u) << data.error().message();
    EXPECT_NE(data.error().message().find("quoted string"), std::string::npos)
        << data.error().message();
  }
  // A user's playbook, merged onto a loaded pack, is checked alike.
  Result<std::shared_ptr<RuleSetData>> base = LoadWith({});
  ASSERT_TRUE(base.ok()) << base.error().message();
  Result<Playbook> merged = MergePlaybook(
      **base, SourceFile{"my-playbook.yaml",
                         "incident_notification:\n  default: medium\n  default_reason: 'Ours\n"});
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message().rfind("my-playbook.yaml:3:19: ", 0), 0u)
      << merged.error().message();
}

// issue 14 #1: quoted strings that YAML allows stay allowed: continued on lines indented more
// than their key, with escaped quotes, after an anchor or tag, or holding '#'.
TEST(Loader, QuotedStringsThatAreClosedStillLoad) {
  const std::string w = kWindowFile;
  const std::string lines[] = {
      "title: \"Security incident\n  notification \\\"window\\\"\"",
      "title: 'Security incident ''notification''\n    window'",
      "title: &t !!str \"Security # incident\n notification window\"",
      "title:\n  \"Security incident\n   notification window\"",
  };
  for (const std::string& line : lines) {
    Result<std::shared_ptr<RuleSetData>> data = LoadWith({{w, WindowRuleWithLine(3, line)}});
    EXPECT_TRUE(data.ok()) << line << "\n" << data.error().message();
  }
  Result<std::shared_ptr<RuleSetData>> bom = LoadWith(
      {{w, "\xEF\xBB\xBF" + WindowRuleWithLine(1, "id: \"incident-notification.window\"")}});
  EXPECT_TRUE(bom.ok()) << bom.error().message();
}

TEST(Loader, EmptyConsiderationConditionsAreErrorsAlike) {
  const std::pair<const char*, const char*> cases[] = {
      {"  - text: Always.\n    when: []\n", "incident_notification/window.yaml:19:11: "},
      {"  - text: Always.\n    when: {}\n", "incident_notification/window.yaml:19:11: "},
      {"  - text: Always.\n    when: [{trigger: occurrence}, {}]\n",
       "incident_notification/window.yaml:19:35: "},
  };
  for (const auto& [yaml, where] : cases) {
    Result<std::shared_ptr<RuleSetData>> data = LoadWithConsiderations(yaml);
    ASSERT_FALSE(data.ok()) << yaml;
    EXPECT_EQ(data.error().message().rfind(where, 0), 0u) << data.error().message();
    EXPECT_NE(data.error().message().find("leave 'when' out"), std::string::npos)
        << data.error().message();
  }
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

// A rule of the audit category whose one pattern is `pattern`, at line 8 of audit/big.yaml.
std::string BigRule(const std::string& id, const std::string& pattern) {
  return "id: " + id +
         "\ncategory: audit\ntitle: Big\nscope: sentence\nmatch:\n  all:\n    - any:\n        - '" +
         pattern + "'\n";
}

// About 24 x 900 Unicode letter classes: far beyond RE2's memory budget of a scope's set.
std::string HugePattern() {
  std::string alternatives;
  for (char c : std::string("abcdefghijklmnopqrstuvwx")) {
    alternatives += std::string(alternatives.empty() ? "" : "|") + "(?:\\pL{30}" + c + "){30}";
  }
  return alternatives;
}

// issue 15 #4: a pattern RE2 cannot compile within its memory budget is an error naming the
// rule file and the pattern's line, at load, not after minutes in the matcher.
TEST(Loader, PatternBeyondRe2MemoryBudgetNamesItsFileAndLine) {
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{"audit/big.yaml", BigRule("audit.big", HugePattern())}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message().rfind("audit/big.yaml:8:", 0), 0u) << data.error().message();
  EXPECT_NE(data.error().message().find("memory budget"), std::string::npos)
      << data.error().message();
}

// Attack review of main fbb6765, D2: one pattern of 20,000 alternatives passed the loader and
// then held the first scan for 28 s in the prefilter; it is refused at load with its line.
TEST(Loader, PatternOfTooManyAlternativesNamesItsFileAndLine) {
  std::string words = "\\b(";
  for (int i = 0; i < 5000; ++i) words += (i == 0 ? "w" : "|w") + std::to_string(i);
  words += ")\\b";
  Result<std::shared_ptr<RuleSetData>> data =
      LoadWith({{"audit/big.yaml", BigRule("audit.big", words)}});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message().rfind("audit/big.yaml:8:", 0), 0u) << data.error().message();
  EXPECT_NE(data.error().message().find("5000 alternatives"), std::string::npos)
      << data.error().message();
}

// issue 12 (start-up #2): the built-in pack's patterns are checked here, by the loader's full
// check, since RuleSet::Builtin() does not check them again at run time.
TEST(Loader, BuiltinPackPassesFullPatternCheck) {
  std::vector<SourceFile> files = EmbeddedRuleFiles();
  for (const SourceFile& file : files) ASSERT_FALSE(file.checked_at_build) << file.name;
  Result<std::shared_ptr<RuleSetData>> data = LoadRuleSet(std::move(files), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  EXPECT_FALSE((*data)->rules.empty());
}

// issue 12 (start-up #2): files marked checked_at_build (the built-in pack) skip CheckPattern;
// the same invalid pattern in a file read from a directory is still a file:line error.
TEST(Loader, PatternsCheckedFilesSkipPatternCheck) {
  const std::string w = "incident_notification/window.yaml";
  const std::string bad = WindowRuleWithLine(9, "    - any: ['(security|data']");
  Result<std::shared_ptr<RuleSetData>> checked = LoadWith({{w, bad}});
  ASSERT_FALSE(checked);
  EXPECT_NE(checked.error().message().find(w + ":9:13: invalid pattern '(security|data'"),
            std::string::npos)
      << checked.error().message();

  std::map<std::string, std::string> contents = BaseFiles();
  contents[w] = bad;
  std::vector<SourceFile> files;
  for (const auto& [name, content] : contents) {
    SourceFile file{name, content};
    file.checked_at_build = true;
    files.push_back(std::move(file));
  }
  Result<std::shared_ptr<RuleSetData>> trusted = LoadRuleSet(std::move(files), "test-rules");
  ASSERT_TRUE(trusted) << trusted.error().message();
}

// perf/match7 #3: the `scope: text` flags (read over a whole document) are compiled once with the
// rule set, not once per document; perf/flags22: for the whole rule set at once (TextFlags).
TEST(Loader, TextScopeFlagsAreCompiledOnceWithTheRuleSet) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleSetData& set = **data;
  ASSERT_NE(set.text_flags, nullptr);
  std::size_t window = set.rules.size();
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    bool text_scope = false;
    for (const ParamSpec& spec : set.rules[i].parameters) text_scope |= spec.text_scope;
    EXPECT_EQ(set.text_flags->Declares(i), text_scope) << set.rules[i].id;
    if (set.rules[i].id == "incident-notification.window") window = i;
  }
  ASSERT_LT(window, set.rules.size());
  std::map<std::string, ParamValue> stated;
  TextFlags::Reader reader(*set.text_flags,
                           "security incidents do not include unsuccessful log-in attempts.");
  reader.AddStated(window, &stated);
  EXPECT_EQ(stated.count("excludes_unsuccessful"), 1u);
  EXPECT_EQ(stated.size(), 1u);  // only the parameters of text scope
}

}  // namespace
}  // namespace clausescan::internal

// A small rule directory in memory, for loader tests that must not depend on rules/: two
// categories with a rule each, catalogues, a playbook and document types.
#ifndef CLAUSESCAN_TESTS_UNIT_TEST_RULE_FILES_H_
#define CLAUSESCAN_TESTS_UNIT_TEST_RULE_FILES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/loader.h"
#include "rules/model.h"

namespace clausescan::internal::test_rules {

inline const char kTestCategories[] =
    R"(- {id: incident_notification, title: Security incident notification}
- {id: data_deletion, title: Return and deletion of data}
- {id: audit_rights, title: Audit rights}
)";

inline const char kTestParties[] = "supplier: [supplier]\ncustomer: [customer]\n";

inline const char kTestWindowRule[] = R"(id: incident-notification.window
category: incident_notification
title: Notification window
party: supplier
match:
  all:
    - any: ['\bnotify\b']
    - any: ['\bsecurity incident\b']
parameters:
  window_hours: {type: duration, unit: hours}
  trigger: {type: trigger}
)";

inline const char kTestDeletionRule[] = R"(id: data-deletion.deletion
category: data_deletion
title: Deletion
party: supplier
match:
  all:
    - any: ['\bdelete\b']
parameters:
  period_days: {type: duration, unit: days}
)";

inline const char kTestPlaybook[] = R"(incident_notification:
  default: low
  default_reason: fine
  positions:
    - id: notify-short
      when: {window_hours: {lt: 24}}
      risk: high
      reason: "{window_hours} hours is short"
      propose: 72 hours.
    - id: notify-occurrence
      when: {trigger: occurrence}
      risk: high
      reason: from occurrence
data_deletion:
  default: low
  positions:
    - id: delete-short
      when: {period_days: {lt: 30}}
      risk: medium
      reason: "{period_days} days"
)";

inline const char kTestDocTypes[] = R"(- id: dpa
  name: Data processing agreement
  titles: ['\bdata processing agreement\b']
  signals:
    - {pattern: '\bprocessor\b', weight: 2}
    - {pattern: '\bcontroller\b'}
  threshold: 3
  expects:
    - category: data_deletion
      risk: medium
      reason: no deletion
    - category: incident_notification
      where: {window_hours: {present: true}}
      applies_if: ['\bgdpr\b']
      risk: low
      reason: no notice window
    - category: audit_rights
      risk: medium
      reason: no audit terms
- id: msa
  name: Master services agreement
  titles: ['\bservices agreement\b']
)";

// The files of the test rule directory, by name.
inline std::map<std::string, std::string> TestRuleFiles() {
  return {{"categories.yaml", kTestCategories},
          {"parties.yaml", kTestParties},
          {"playbook.yaml", kTestPlaybook},
          {"doctypes.yaml", kTestDocTypes},
          {"incident_notification/window.yaml", kTestWindowRule},
          {"data_deletion/deletion.yaml", kTestDeletionRule}};
}

// Loads the test files with `changes` applied (an empty content removes the file).
inline Result<std::shared_ptr<RuleSetData>> LoadTestRules(
    const std::map<std::string, std::string>& changes = {}) {
  std::map<std::string, std::string> contents = TestRuleFiles();
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

}  // namespace clausescan::internal::test_rules

#endif  // CLAUSESCAN_TESTS_UNIT_TEST_RULE_FILES_H_

// YAML the tests make at run time to push the rule and playbook loader: small files that expand
// through aliases (a list or text repeated by alias, the "billion laughs", an alias inside the
// node it names), large files without aliases, deep nesting, very long ids, keys and scalars.
// Shared by the loader's unit and CLI tests and by fuzz/make_seeds.cc (seeds of rules_fuzzer),
// so no hostile file is committed. Playbooks override the category incident_notification, which
// both the built-in rules and tests/unit/test_rule_files.h have, with its parameter `trigger`.
#ifndef CLAUSESCAN_TESTS_SUPPORT_HOSTILE_YAML_H_
#define CLAUSESCAN_TESTS_SUPPORT_HOSTILE_YAML_H_

#include <cstddef>
#include <string>

namespace clausescan::testing {

// A playbook override whose first position anchors a list of `items` trigger words (&big, on
// line 4) and whose `positions` more positions each use it again (*big, from line 8).
inline std::string AliasedListPlaybook(int items, int positions) {
  std::string yaml = "incident_notification:\n  positions:\n";
  yaml += "    - id: p0\n      when: {trigger: {in: &big [";
  for (int i = 0; i < items; ++i) yaml += (i > 0 ? ", t" : "t") + std::to_string(i);
  yaml += "]}}\n      risk: low\n      reason: r\n";
  for (int i = 1; i <= positions; ++i) {
    yaml += "    - {id: p" + std::to_string(i) +
            ", when: {trigger: {in: *big}}, risk: low, reason: r}\n";
  }
  return yaml;
}

// A playbook override whose first position's reason anchors `text_bytes` of text (&long, on
// line 3) and whose `positions` more positions each use it again (*long, from line 4).
inline std::string AliasedTextPlaybook(std::size_t text_bytes, int positions) {
  std::string yaml = "incident_notification:\n  positions:\n";
  yaml += "    - {id: p0, when: {trigger: occurrence}, risk: low, reason: &long " +
          std::string(text_bytes, 'x') + "}\n";
  for (int i = 1; i <= positions; ++i) {
    yaml += "    - {id: p" + std::to_string(i) +
            ", when: {trigger: occurrence}, risk: low, reason: *long}\n";
  }
  return yaml;
}

// The "billion laughs": a list of nine scalars, then `levels` levels that each list the one
// before ten times (10^levels * 9 scalars once expanded).
inline std::string NestedAliasesPlaybook(int levels) {
  std::string yaml = "incident_notification:\n  default_reason: &l0 [a, a, a, a, a, a, a, a, a]\n";
  for (int level = 1; level <= levels; ++level) {
    yaml += "  x" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) yaml += (i > 0 ? ", *l" : "*l") + std::to_string(level - 1);
    yaml += "]\n";
  }
  return yaml;
}

// A list that names itself: an alias inside the node it names (line 2, column 18).
inline std::string AliasInsideItselfPlaybook() {
  return "incident_notification:\n  positions: &p [*p]\n";
}

// A playbook override with one position whose trigger list has `items` words, no alias (the
// list on line 3).
inline std::string LongListPlaybook(int items) {
  std::string yaml = "incident_notification:\n  positions:\n";
  yaml += "    - {id: p0, when: {trigger: {in: [";
  for (int i = 0; i < items; ++i) yaml += (i > 0 ? ", t" : "t") + std::to_string(i);
  yaml += "]}}, risk: low, reason: r}\n";
  return yaml;
}

// `depth` nested flow lists as the value of a key, on line 1.
inline std::string DeeplyNestedPlaybook(int depth) {
  return "incident_notification: " + std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

// A playbook override that adds a position with an id of `length` 'a's, then disables an
// unknown id of `length` 'b's (line 4, column 12): "did you mean" compares the two.
inline std::string LongIdsPlaybook(std::size_t length) {
  const std::string added(length, 'a');
  const std::string unknown(length, 'b');
  return "incident_notification:\n  positions:\n    - {id: " + added +
         ", when: {trigger: occurrence}, risk: low, reason: r}\n    - {id: " + unknown +
         ", enabled: false}\n";
}

// A playbook override with an unknown key of `length` characters (line 2).
inline std::string LongKeyPlaybook(std::size_t length) {
  return "incident_notification:\n  " + std::string(length, 'k') + ": low\n";
}

// A playbook override whose default reason is one scalar of `bytes` characters (line 3).
inline std::string HugeScalarPlaybook(std::size_t bytes) {
  return "incident_notification:\n  default: low\n  default_reason: " + std::string(bytes, 'x') +
         "\n";
}

// The rule incident-notification.window whose `all` starts with a list of `patterns` words of
// 200 more characters each (&p, line 7) that `uses` more groups use again (*p).
inline std::string AliasedPatternsRule(int patterns, int uses) {
  std::string rule =
      "id: incident-notification.window\ncategory: incident_notification\ntitle: Notification "
      "window\nparty: supplier\nmatch:\n  all:\n    - any: &p [";
  const std::string padding(200, 'x');
  for (int i = 0; i < patterns; ++i) rule += (i > 0 ? ", w" : "w") + std::to_string(i) + padding;
  rule += "]\n";
  for (int i = 0; i < uses; ++i) rule += "    - any: *p\n";
  rule +=
      "    - any: ['\\bnotify\\b']\n    - any: ['\\bsecurity incident\\b']\nparameters:\n  "
      "window_hours: {type: duration, unit: hours}\n  trigger: {type: trigger}\n";
  return rule;
}

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_SUPPORT_HOSTILE_YAML_H_

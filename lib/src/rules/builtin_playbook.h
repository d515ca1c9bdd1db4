// Reading one text of the built-in playbook (the embedded rules/playbook.yaml) outside a rule set.
#ifndef CLAUSESCAN_RULES_BUILTIN_PLAYBOOK_H_
#define CLAUSESCAN_RULES_BUILTIN_PLAYBOOK_H_

#include <string>
#include <string_view>

namespace clausescan::internal {

// The `default_reason` of `category` in the built-in playbook, as a finding states it (a folded
// YAML scalar joined into one line). Each category's is read once on first use (thread-safe).
// "" when the category has none or the embedded file cannot be read (the built-in rule set's
// own load then reports why).
const std::string& BuiltinDefaultReason(std::string_view category);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_BUILTIN_PLAYBOOK_H_

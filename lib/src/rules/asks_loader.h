// Reading a rule's `asks` (docs/rules.md, "asks"): what a clause the rule finds asks of the
// supplier's ISMS, per concept of the clause.
#ifndef CLAUSESCAN_RULES_ASKS_LOADER_H_
#define CLAUSESCAN_RULES_ASKS_LOADER_H_

#include "rules/catalogues.h"
#include "rules/concepts.h"
#include "rules/model.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// Reads node (the list under `asks`) into rule->asks. Preconditions: the rule's parameters,
// `controls` and `evidence` are read. Errors, at the offending node: not a list, an entry
// with an unknown key or without `controls` and `evidence`, a condition on a parameter the rule
// does not declare, an invalid pattern, a control or evidence id unknown to the catalogues or
// not in the rule's own `controls` / `evidence`.
Status ReadAsks(PatternExpander& patterns, const YAML::Node& node, const Catalogs& catalogs,
                Rule* rule);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_ASKS_LOADER_H_

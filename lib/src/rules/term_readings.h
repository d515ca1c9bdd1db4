// What a defined term may stand for, as data: the concepts of concepts.yaml named
// defined_as_<concept>_opening, _subject and _named say when a definition's body makes its term
// stand for <concept> where it is used (match/concept_terms.h; docs/rules.md, "Defined terms
// that stand for a concept").
#ifndef CLAUSESCAN_RULES_TERM_READINGS_H_
#define CLAUSESCAN_RULES_TERM_READINGS_H_

#include <string>
#include <vector>

#include "match/concept_terms.h"
#include "rules/concepts.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// The readings the concepts define, in the file order of their first concept. Errors (kRuleError
// at concepts.yaml:line:1): a defined_as_ concept whose name ends in no part (_opening, _subject,
// _named) or names no concept before it, a reading that lacks one of the three parts (naming
// it), an opening that does not start with '^'.
Status ReadTermReadings(const Concepts& concepts, std::vector<TermReadingSpec>* out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_TERM_READINGS_H_

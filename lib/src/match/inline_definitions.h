// Terms defined on the way: a sentence that names a term in parentheses ("a service credit
// ("Service Credit") upon request", "its subcontractors (each, a "Subprocessor")", "the measures
// in Annex 2 (the "Security Measures")") states its clause as if the parentheses were not there.
#ifndef CLAUSESCAN_MATCH_INLINE_DEFINITIONS_H_
#define CLAUSESCAN_MATCH_INLINE_DEFINITIONS_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausescan::internal {

// The folded unit with every parenthesised naming of a term removed, with the blank space before
// it: "(" then at most five words (commas allowed: "each, a", "collectively, the", "hereinafter
// referred to as") then one or more double-quoted terms joined by "," "and" "or", then ")". Other
// parentheses ("(a)", "(as defined below)", "(72 hours)") stay. nullopt when the unit names no
// term so (most units: those with no '"' cost one scan for it). Thread safety: none needed.
std::optional<std::string> ElideInlineDefinitions(std::string_view folded);

// True when the unit's main purpose is to define a term ('"X" means ...', 'X shall mean ...', a
// glossary line 'X: means ...', a sentence that only names terms): IsDefinition (params/party.h)
// of the unit as it reads once its parenthesised namings are elided (elided, from
// ElideInlineDefinitions, or nullopt when there were none). A sentence that states a clause and
// names a term on the way is no definition; one that names the document itself or its subject
// matter and states no duty ('This Addendum (the "Addendum") forms part of the Agreement',
// 'Acme provides hosting and support (the "Services")') introduces the contract and counts as
// one. A definition that states a duty as what the term means ('"Service Level" means that each
// system shall be available 99%') is a clause, not a definition.
bool DefinesATerm(std::string_view folded, const std::optional<std::string>& elided);

// True when a list's lead-in introduces definitions, so that its items define terms rather than
// state clauses: the lead-in is itself a definition (DefinesATerm: '"Breach" means any of the
// following:') or says that terms follow ("the following words shall have the following
// meanings:", "the following definitions apply:", "In this Schedule:"... with "defined" or
// "meanings"). folded is the lead-in's folded text.
bool IntroducesDefinitions(std::string_view folded);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_INLINE_DEFINITIONS_H_

// The literals a rule pattern cannot match without, as clauses: each clause lists atoms of which
// at least one occurs in any text the pattern matches.
#ifndef CLAUSESCAN_MATCH_REQUIRED_ATOMS_H_
#define CLAUSESCAN_MATCH_REQUIRED_ATOMS_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace clausescan::internal {

// Clauses over lower-case atoms (as RE2's FilteredRE2 extracts them, at least min_atom_length
// bytes): a text in which the pattern matches contains, for every clause, one of its atoms at
// least (once lower-cased as LowerForAtoms does). The clauses are disjoint; for a pattern whose
// prefilter is an AND of ORs ("\b(a|b)\b[^.]{0,60}\b(c|d)\b": {a, b} and {c, d}) they say
// exactly what the prefilter says, for other shapes something weaker, never stronger.
struct RequiredAtoms {
  bool ok = true;  // false: RE2 rejected the pattern (error says why); nothing else is set
  std::string error;
  std::vector<std::vector<std::string>> clauses;  // empty: no literal is required (always run)
  // The clauses say exactly what the prefilter says: any text with an atom of each clause
  // passes it. False when they are weaker (or too many combinations to check): then filter is the
  // pattern's own prefilter, over filter_atoms (its atom ids index them), to ask when the clauses
  // hold (FilteredRE2::AllPotentials is const and thread-safe).
  bool exact = true;
  // When the clauses are not exact: the least sets of atoms that let the prefilter through (a
  // text passes it when it holds every atom of one set at least), when FindRequiredAtoms found
  // them all within the limits it was given; filter is then null and filter_atoms empty.
  std::vector<std::vector<std::string>> passing_sets;
  std::unique_ptr<re2::FilteredRE2> filter;
  std::vector<std::string> filter_atoms;
};

// Learns the clauses of one pattern from FilteredRE2's prefilter of it alone, by asking which
// sets of its atoms let it through: for a monotone condition over n atoms, each clause costs n
// questions; and, for a pattern whose clauses are not exact, with passing_set_steps above 0,
// the passing sets in the same way (each costs n questions more; given up past
// passing_set_steps questions and steps of the search), so that the prefilter itself need not
// be kept. Thread-compatible.
RequiredAtoms FindRequiredAtoms(const std::string& pattern, const RE2::Options& options,
                                int min_atom_length, std::size_t passing_set_steps = 0);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_REQUIRED_ATOMS_H_

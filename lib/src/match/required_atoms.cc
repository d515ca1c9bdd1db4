#include "match/required_atoms.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <cstddef>
#include <map>

namespace clausescan::internal {
namespace {

// Choices of one atom per clause checked to call the clauses exact.
constexpr std::size_t kMaxExactnessChecks = 4096;

}  // namespace

RequiredAtoms FindRequiredAtoms(const std::string& pattern, const RE2::Options& options,
                                int min_atom_length) {
  RequiredAtoms out;
  auto owned = std::make_unique<re2::FilteredRE2>(min_atom_length);
  re2::FilteredRE2& filter = *owned;
  int id = -1;
  if (filter.Add(pattern, options, &id) != RE2::NoError) {
    out.ok = false;
    out.error = RE2(pattern, options).error();
    return out;
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  const std::size_t n = atoms.size();
  // present[a]: atom a is in the text asked about.
  std::vector<int> ids;
  std::vector<int> passed;
  auto lets_through = [&](const std::vector<char>& present) {
    ids.clear();
    for (std::size_t a = 0; a < n; ++a) {
      if (present[a]) ids.push_back(static_cast<int>(a));
    }
    filter.AllPotentials(ids, &passed);
    return !passed.empty();
  };
  // Disjoint clauses, each a minimal set C of atoms not yet in a clause such that the pattern
  // cannot pass without one of C: while the atoms of the clauses so far do not let it through,
  // another clause exists among the rest.
  std::vector<char> used(n, 0);
  while (!lets_through(used)) {
    std::vector<char> clause(n, 0);  // starts as every atom not yet used
    for (std::size_t a = 0; a < n; ++a) clause[a] = !used[a];
    std::vector<char> present(n, 0);
    for (std::size_t a = 0; a < n; ++a) {
      if (!clause[a]) continue;
      clause[a] = 0;
      for (std::size_t b = 0; b < n; ++b) present[b] = !clause[b];
      if (lets_through(present)) clause[a] = 1;  // a is needed in the clause
    }
    std::vector<std::string> strings;
    for (std::size_t a = 0; a < n; ++a) {
      if (clause[a]) {
        strings.push_back(atoms[a]);
        used[a] = 1;
      }
    }
    if (strings.empty()) break;  // cannot happen for a monotone condition; never loop forever
    out.clauses.push_back(std::move(strings));
  }
  // Exact when every choice of one atom per clause lets the pattern through (the condition is
  // monotone, so those choices are the least sets the clauses accept).
  std::size_t choices = 1;
  for (const auto& clause : out.clauses) {
    choices *= clause.size();
    if (choices > kMaxExactnessChecks) break;
  }
  out.exact = choices <= kMaxExactnessChecks;
  if (out.exact && !out.clauses.empty()) {
    std::map<std::string, std::size_t> index_of;
    for (std::size_t a = 0; a < n; ++a) index_of.emplace(atoms[a], a);
    std::vector<std::size_t> pick(out.clauses.size(), 0);
    std::vector<char> present(n, 0);
    for (;;) {
      std::fill(present.begin(), present.end(), 0);
      for (std::size_t c = 0; c < pick.size(); ++c) present[index_of[out.clauses[c][pick[c]]]] = 1;
      if (!lets_through(present)) {
        out.exact = false;
        break;
      }
      std::size_t c = 0;
      while (c < pick.size() && ++pick[c] == out.clauses[c].size()) pick[c++] = 0;
      if (c == pick.size()) break;
    }
  }
  if (!out.exact) {
    out.filter = std::move(owned);
    out.filter_atoms = std::move(atoms);
  }
  return out;
}

}  // namespace clausescan::internal

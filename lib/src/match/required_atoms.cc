#include "match/required_atoms.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>

namespace clausescan::internal {
namespace {

// Choices of one atom per clause checked to call the clauses exact.
constexpr std::size_t kMaxExactnessChecks = 4096;
// The most passing sets an inexact pattern may have; past it its own prefilter is kept instead.
constexpr std::size_t kMaxPassingSets = 256;

// Sets of atoms as bits, 64 to a word.
using AtomBits = std::vector<std::uint64_t>;

bool HasAtom(const AtomBits& bits, std::size_t a) { return (bits[a >> 6] >> (a & 63)) & 1; }

void AddAtom(AtomBits* bits, std::size_t a) { (*bits)[a >> 6] |= std::uint64_t{1} << (a & 63); }

// The least sets of atoms (of n) that let_through accepts, a monotone condition false for no
// atom at all; false when more than max_steps questions and sets of atoms left out, or more
// than kMaxPassingSets sets, would be needed. Every least set T avoiding the atoms
// left out so far is found: a least set M among the rest is found (the rest passes, since T
// is in it), and either M is T or T lacks an atom of M, so T avoids the atoms left out by one
// of M's branches.
template <typename LetsThrough>
bool FindPassingSets(std::size_t n, const LetsThrough& lets_through, std::size_t max_steps,
                     std::vector<std::vector<char>>* out) {
  const std::size_t words = (n + 63) / 64;
  std::vector<AtomBits> sets;
  std::set<AtomBits> seen;  // sets of atoms left out, explored
  std::vector<AtomBits> pending = {AtomBits(words, 0)};
  std::size_t steps = 0;
  std::vector<char> present(n, 0);
  while (!pending.empty()) {
    AtomBits left_out = std::move(pending.back());
    pending.pop_back();
    if (!seen.insert(left_out).second) continue;
    if (++steps > max_steps) return false;
    // A set found already among the rest is a least one there too.
    const AtomBits* least = nullptr;
    for (const AtomBits& set : sets) {
      bool inside = true;
      for (std::size_t w = 0; w < words && inside; ++w) inside = (set[w] & left_out[w]) == 0;
      if (inside) {
        least = &set;
        break;
      }
    }
    if (least == nullptr) {
      for (std::size_t a = 0; a < n; ++a) present[a] = !HasAtom(left_out, a);
      ++steps;
      if (!lets_through(present)) continue;
      for (std::size_t a = 0; a < n; ++a) {
        if (!present[a]) continue;
        present[a] = 0;
        ++steps;
        if (!lets_through(present)) present[a] = 1;  // a is needed
      }
      if (sets.size() == kMaxPassingSets) return false;
      AtomBits found(words, 0);
      for (std::size_t a = 0; a < n; ++a) {
        if (present[a]) AddAtom(&found, a);
      }
      sets.push_back(std::move(found));
      least = &sets.back();
    }
    if (steps > max_steps) return false;
    const AtomBits set = *least;  // sets may grow below
    for (std::size_t a = 0; a < n; ++a) {
      if (!HasAtom(set, a)) continue;
      AtomBits next = left_out;
      AddAtom(&next, a);
      if (seen.count(next) == 0) pending.push_back(std::move(next));
    }
  }
  for (const AtomBits& set : sets) {
    std::vector<char>& flags = out->emplace_back(n, 0);
    for (std::size_t a = 0; a < n; ++a) flags[a] = HasAtom(set, a);
  }
  return true;
}

}  // namespace

RequiredAtoms FindRequiredAtoms(const std::string& pattern, const RE2::Options& options,
                                int min_atom_length, std::size_t passing_set_steps) {
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
    std::vector<std::vector<char>> sets;
    if (passing_set_steps > 0 && FindPassingSets(n, lets_through, passing_set_steps, &sets) &&
        !sets.empty()) {
      for (const std::vector<char>& set : sets) {
        std::vector<std::string>& strings = out.passing_sets.emplace_back();
        for (std::size_t a = 0; a < n; ++a) {
          if (set[a]) strings.push_back(atoms[a]);
        }
      }
    } else {
      out.filter = std::move(owned);
      out.filter_atoms = std::move(atoms);
    }
  }
  return out;
}

}  // namespace clausescan::internal

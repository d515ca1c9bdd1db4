// The rule patterns of one scope, found in a unit through their required literals.
#ifndef CLAUSESCAN_MATCH_PATTERN_INDEX_H_
#define CLAUSESCAN_MATCH_PATTERN_INDEX_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/atom_finder.h"
#include "match/required_atoms.h"

namespace clausescan::internal {

// Distinct patterns, and which of them occur in a unit (RE2::PartialMatch with PatternOptions).
//
// Each pattern has clauses of literals it cannot match without (lower-cased "atoms", from RE2's
// FilteredRE2, see FindRequiredAtoms); one Aho-Corasick pass over the lower-cased unit finds the
// atoms that occur, and only the patterns whose every clause has an atom there are run, so the
// cost per byte depends little on the number of patterns. A pattern with no atom ("^[^.;]{0,20}$",
// "[0-9]+") is always run. A pattern runs as its relaxed form first (RelaxPattern, a small DFA),
// then exactly.
//
// Thread safety: immutable after Build except for the patterns' compiled forms and a pool of
// engines. The forms (a pattern's relaxed form, and the exact form of one without) are compiled
// the first time a thread needs them and shared by every thread; an engine, which Match takes
// through a Scratch (each Scratch owns its engine while it lives), holds what each thread
// compiles for itself: the exact forms of relaxed patterns (windows, see Engine); and except for
// the prefilter (built once, on first use) and, for a pattern whose clauses are weaker than its
// prefilter, that pattern's own prefilter (built once, when first asked; shared by threads, as
// FilteredRE2::AllPotentials is const and thread-safe).
class PatternIndex {
 public:
  // Atoms shorter than 3 bytes are dropped (a pattern left without atoms always runs). With the
  // rules' own logic deciding which candidates run (Matcher), 1-byte atoms ran 25 % fewer
  // patterns but cost more in finding and propagating atoms that occur in every unit: 8 % more
  // CPU on the CUAD contracts than 3 bytes, 4 % more with 4 (issue 12).
  static constexpr int kMinAtomLength = 3;
  // A pattern whose clauses are weaker than its prefilter and whose passing sets are not known
  // runs without asking the prefilter for its first kAsksBeforeFilter units, since building the
  // prefilter compiles the pattern once more (and holds that program): on short runs most such
  // patterns are asked a few times only (issue 12). 512 spared the builds of the first 15 CUAD files (-7.1 % instructions) but cost 2.6 %
  // more on the first 60: the filters of patterns asked often pay for themselves.
  static constexpr int kAsksBeforeFilter = 16;

  class Engine;
  // What one thread needs to match: its engine and buffers. Returns the engine to the pool
  // when destroyed; must not outlive the index.
  class Scratch {
   public:
    explicit Scratch(const PatternIndex& index);
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class PatternIndex;
    const PatternIndex& index_;
    std::unique_ptr<Engine> engine_;
    AtomFinder::Scratch atoms_scratch_;
    std::vector<int> atoms_;
    std::vector<int> candidates_;
    std::string lowered_;
    // Clauses met and per pattern how many, for the current unit (stamped with epoch_).
    std::vector<std::uint32_t> clause_stamp_;
    std::vector<std::uint32_t> pattern_stamp_;
    std::vector<int> met_;
    std::uint32_t epoch_ = 0;
    std::vector<int> check_ids_;
    std::vector<int> check_passed_;
  };

  PatternIndex();
  ~PatternIndex();

  // The clauses of atoms the prefilter keeps for pattern (FindRequiredAtoms of its relaxed form,
  // alternatives unfactored, atoms of at least kMinAtomLength bytes), and, with
  // passing_set_steps above 0, the passing sets of a pattern whose clauses are not exact. A pure
  // function of the pattern's text: the build computes it for the built-in pack with
  // kPackedPassingSetSteps (match/packed_atoms.h); a pattern the build did not see keeps its
  // prefilter, which is built to compute its clauses anyway.
  static RequiredAtoms AtomsOf(const std::string& pattern, std::size_t passing_set_steps = 0);
  // The search for an inexact pattern's passing sets at build time: 1 << 16 steps find them for
  // 218 of the built-in pack's 324 inexact patterns (the others are long alternations whose
  // passing sets are cross products of many words).
  static constexpr std::size_t kPackedPassingSetSteps = std::size_t{1} << 16;

  // Takes the patterns (distinct); call once. each_pattern: the reference engine, no prefilter:
  // every pattern runs exactly on every unit (slow; for tests). With checked false, compiles the
  // prefilter now and, on a pattern RE2 rejects, returns its index and RE2's error (the index is
  // then unusable). With checked true (every pattern already passed CheckPattern), nothing is
  // compiled until the first Match or Candidates, so loading a rule set costs no regex
  // compilation; should a pattern fail then after all, it never matches.
  std::optional<std::pair<int, std::string>> Build(std::vector<std::string> patterns,
                                                   bool each_pattern = false, bool checked = false);

  bool empty() const { return patterns_.empty(); }
  std::size_t size() const { return patterns_.size(); }
  const std::string& pattern(int i) const { return patterns_[i]; }

  // Fills *hits with the indices of the patterns that occur in unit, ascending; false when none.
  bool Match(std::string_view unit, Scratch* scratch, std::vector<int>* hits) const;

  // The two halves of Match, for a caller that runs only some candidates: the patterns whose
  // clauses of atoms hold in unit (and those with no atom), ascending, valid until the next call
  // with scratch; whether candidate i occurs in unit (the unit of the last CandidatesIn with
  // scratch: a pattern whose clauses are weaker than its prefilter is first asked that). A
  // pattern that is not a candidate never occurs.
  // Not for an each_pattern index.
  const std::vector<int>& CandidatesIn(std::string_view unit, Scratch* scratch) const;
  bool Occurs(int i, std::string_view unit, Scratch* scratch) const;
  bool each_pattern() const { return each_pattern_; }

  // The patterns Match would run on unit (those its atoms allow, and those with no atoms),
  // ascending. For tests and measurements.
  std::vector<int> Candidates(std::string_view unit, Scratch* scratch) const;
  // The patterns that run on every unit (no atom), ascending.
  const std::vector<int>& always_run() const { return Prepared().always_run; }
  // Whether pattern i holds its own compiled prefilter (see kAsksBeforeFilter). For tests and
  // measurements.
  bool HoldsPrefilter(int i) const;
  // The atoms, lower-case. For tests and measurements.
  const std::vector<std::string>& atoms() const { return Prepared().atoms; }

 private:
  // The prefilter, compiled on first use: each pattern's required atoms (FindRequiredAtoms) as
  // clauses, and for each atom the clauses it satisfies. A pattern is a candidate in a unit when
  // every one of its clauses has an atom there.
  struct Prefilter {
    std::vector<std::string> atoms;  // distinct
    std::unique_ptr<AtomFinder> finder;
    std::vector<int>
        atom_clause_begin;  // clauses of atom a: atom_clauses[begin[a] .. begin[a + 1])
    std::vector<int> atom_clauses;
    // Distinct clauses; the patterns of clause c: clause_patterns[begin[c] .. begin[c + 1]).
    std::vector<int> clause_pattern_begin;
    std::vector<int> clause_patterns;
    std::vector<int> clause_count;  // by pattern: 0 for always-run and rejected patterns
    std::vector<int> always_run;
    // Patterns whose clauses are weaker than their prefilter (RequiredAtoms::exact false): the
    // prefilter, asked once the clauses hold. Its passing sets (ids into atoms) when they are
    // known; otherwise the prefilter itself over the pattern's atoms (ids into atoms), built
    // once the pattern has been asked kAsksBeforeFilter times; should it then not have the
    // atoms its clauses came with, it lets every unit through.
    struct Check {
      std::vector<std::vector<int>> passing;
      std::string pattern;
      std::vector<std::string> atom_texts;  // the filter's atoms, in its order
      std::vector<int> atoms;
      mutable std::once_flag built;
      mutable std::unique_ptr<re2::FilteredRE2> filter;
      mutable std::atomic<int> asks{0};  // PassesCheck calls so far (up to about the limit)
    };
    std::unordered_map<int, Check> checks;
    std::vector<char> rejected;  // by pattern: RE2 rejected it (never matches)
    std::optional<std::pair<int, std::string>> error;  // the first pattern RE2 rejected
  };
  const Prefilter& Prepared() const;
  void Prepare() const;
  void FindCandidates(std::string_view unit, Scratch* scratch) const;
  // Whether pattern, whose clauses hold in the unit FindCandidates last read with scratch,
  // passes its own prefilter (always, when its clauses are exact, and for the first
  // kAsksBeforeFilter asks of a pattern whose filter is not built yet). Asked just before
  // a pattern runs: most candidates never run (their rules need other groups too).
  bool PassesCheck(const Prefilter& prefilter, int pattern, Scratch* scratch) const;
  struct SharedForms;
  std::unique_ptr<Engine> TakeEngine() const;
  void ReturnEngine(std::unique_ptr<Engine> engine) const;

  bool each_pattern_ = false;
  std::vector<std::string> patterns_;
  std::unique_ptr<SharedForms[]> forms_;  // by pattern
  mutable std::once_flag prepare_once_;
  mutable std::unique_ptr<Prefilter> prefilter_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Engine>> pool_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_PATTERN_INDEX_H_

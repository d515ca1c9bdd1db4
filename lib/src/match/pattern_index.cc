#include "match/pattern_index.h"

#include <algorithm>
#include <map>
#include <utility>

#include "match/packed_atoms.h"
#include "match/pattern_shape.h"
#include "match/required_atoms.h"

namespace clausescan::internal {

// DFA budgets (RE2 max_mem; past it RE2 answers with its NFA: the same result, slower). The
// exact form of a relaxed pattern (a wide window, "[^.;]{0,60}") makes new DFA states on nearly
// every byte and would fill any budget: it gets a small one. Measured on CUAD, one job: peak RSS
// 200 MB with 64 MiB budgets, 148 MB with these, and no slower. Windows at 128 KiB rather than
// 256: the duplicated pack's peak 3.5 MB lower, +0.1 % instructions on 60 CUAD files; at 64 KiB
// more of their programs outgrow the budget and fall back to kPatternMaxMem (a higher peak);
// probes at 512 KiB cost 3 % more instructions.
constexpr std::int64_t kProbeMaxMem = std::int64_t{1} << 20;
constexpr std::int64_t kWindowMaxMem = std::int64_t{128} << 10;

// pattern compiled into *slot unless it is there already.
const RE2& CompileInto(std::unique_ptr<RE2>* slot, const std::string& pattern,
                       std::int64_t max_mem) {
  if (*slot == nullptr) {
    *slot = std::make_unique<RE2>(pattern, PatternOptions(max_mem));
    // A program too large for the budget: the budget every pattern was checked with.
    if (!(*slot)->ok()) *slot = std::make_unique<RE2>(pattern, PatternOptions());
  }
  return **slot;
}

// The forms of one pattern every thread shares, each compiled on its first use (RE2 objects are
// thread-safe for matching): whether it has a relaxed form (RelaxPattern), the relaxed form, and
// the exact form of a pattern without one. Sharing them, threads compile each once and warm one
// DFA between them; their DFAs settle after the first units, so the threads rarely wait on each
// other's new states (issue 12: 2 jobs).
struct PatternIndex::SharedForms {
  std::once_flag shape_once;
  std::string relaxed_form;  // "" when the pattern has none
  std::once_flag relaxed_once;
  std::unique_ptr<RE2> relaxed;
  std::once_flag exact_once;
  std::unique_ptr<RE2> exact;  // only of a pattern without a relaxed form
};

// What one thread compiles for itself: the exact form of a relaxed pattern (a window), whose
// small DFA budget fills and is flushed again and again; shared, a flush would wait for every
// other thread inside that DFA.
class PatternIndex::Engine {
 public:
  explicit Engine(const PatternIndex& index) : index_(index), window_exact_(index.size()) {}

  // True when pattern i occurs in text. With relaxed_first, its relaxed form (when it has one)
  // is tried first: a cheap way to rule it out.
  bool Occurs(int i, std::string_view text, bool relaxed_first) {
    const std::string& pattern = index_.patterns_[i];
    SharedForms& forms = index_.forms_[i];
    std::call_once(forms.shape_once,
                   [&forms, &pattern] { forms.relaxed_form = RelaxPattern(pattern); });
    if (forms.relaxed_form.empty()) {
      std::call_once(forms.exact_once,
                     [&forms, &pattern] { CompileInto(&forms.exact, pattern, kProbeMaxMem); });
      return RE2::PartialMatch(text, *forms.exact);
    }
    if (relaxed_first) {
      std::call_once(forms.relaxed_once,
                     [&forms] { CompileInto(&forms.relaxed, forms.relaxed_form, kProbeMaxMem); });
      if (!RE2::PartialMatch(text, *forms.relaxed)) return false;
    }
    return RE2::PartialMatch(text, CompileInto(&window_exact_[i], pattern, kWindowMaxMem));
  }

 private:
  const PatternIndex& index_;
  std::vector<std::unique_ptr<RE2>> window_exact_;  // by pattern
};

PatternIndex::Scratch::Scratch(const PatternIndex& index)
    : index_(index), engine_(index.TakeEngine()) {}

PatternIndex::Scratch::~Scratch() { index_.ReturnEngine(std::move(engine_)); }

PatternIndex::PatternIndex() = default;
PatternIndex::~PatternIndex() = default;

std::unique_ptr<PatternIndex::Engine> PatternIndex::TakeEngine() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      std::unique_ptr<Engine> engine = std::move(pool_.back());
      pool_.pop_back();
      return engine;
    }
  }
  return std::make_unique<Engine>(*this);
}

void PatternIndex::ReturnEngine(std::unique_ptr<Engine> engine) const {
  if (engine == nullptr) return;
  std::lock_guard<std::mutex> lock(pool_mutex_);
  pool_.push_back(std::move(engine));
}

std::optional<std::pair<int, std::string>> PatternIndex::Build(std::vector<std::string> patterns,
                                                               bool each_pattern, bool checked) {
  each_pattern_ = each_pattern;
  patterns_ = std::move(patterns);
  forms_ = std::make_unique<SharedForms[]>(patterns_.size());
  if (checked) return std::nullopt;
  return Prepared().error;
}

const PatternIndex::Prefilter& PatternIndex::Prepared() const {
  std::call_once(prepare_once_, [this] { Prepare(); });
  return *prefilter_;
}

RequiredAtoms PatternIndex::AtomsOf(const std::string& pattern, std::size_t passing_set_steps) {
  // The relaxed form matches wherever the pattern does, so its atoms are the pattern's too,
  // and its program is smaller to compile.
  const std::string relaxed = RelaxPattern(pattern);
  const std::string& form = relaxed.empty() ? pattern : relaxed;
  return FindRequiredAtoms(UnfactorAlternatives(form), PatternOptions(), kMinAtomLength,
                           passing_set_steps);
}

void PatternIndex::Prepare() const {
  auto out = std::make_unique<Prefilter>();
  out->rejected.assign(patterns_.size(), 0);
  out->clause_count.assign(patterns_.size(), 0);
  std::map<std::string, int> atom_ids;
  std::vector<std::vector<int>> clauses_of_atom;
  std::map<std::vector<int>, int> clause_ids;  // by atom ids, ascending
  std::vector<std::vector<int>> patterns_of_clause;
  const PatternAtomTable& built = BuiltinPatternAtoms();
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    std::optional<RequiredAtoms> packed = built.Find(patterns_[i]);
    RequiredAtoms required = packed ? std::move(*packed) : AtomsOf(patterns_[i]);
    if (!required.ok) {
      out->rejected[i] = 1;
      if (!out->error) {
        const std::string relaxed = RelaxPattern(patterns_[i]);
        const std::string& form = relaxed.empty() ? patterns_[i] : relaxed;
        RE2 exact(patterns_[i], PatternOptions());
        out->error = std::make_pair(
            static_cast<int>(i), exact.ok() ? RE2(form, PatternOptions()).error() : exact.error());
      }
      continue;
    }
    if (required.clauses.empty()) out->always_run.push_back(static_cast<int>(i));
    auto atom_id = [&](const std::string& atom) {
      auto [it, inserted] = atom_ids.emplace(atom, static_cast<int>(out->atoms.size()));
      if (inserted) {
        out->atoms.push_back(atom);
        clauses_of_atom.emplace_back();
      }
      return it->second;
    };
    if (!required.exact) {
      Prefilter::Check& check = out->checks[static_cast<int>(i)];
      for (const std::vector<std::string>& set : required.passing_sets) {
        std::vector<int>& ids = check.passing.emplace_back();
        for (const std::string& atom : set) ids.push_back(atom_id(atom));
      }
      for (const std::string& atom : required.filter_atoms) check.atoms.push_back(atom_id(atom));
      check.pattern = patterns_[i];
      check.atom_texts = std::move(required.filter_atoms);
      // required.filter (a pattern the build did not see) is not kept: PassesCheck builds the
      // filter of a pattern once it is asked often, whatever its atoms came from, so that no
      // inexact pattern holds a compiled program it is never asked with.
    }
    for (const std::vector<std::string>& clause : required.clauses) {
      // Patterns that need the same words share the clause ("shall|will|must" in many).
      std::vector<int> ids;
      for (const std::string& atom : clause) ids.push_back(atom_id(atom));
      std::sort(ids.begin(), ids.end());
      auto [it, inserted] = clause_ids.emplace(ids, static_cast<int>(patterns_of_clause.size()));
      if (inserted) {
        patterns_of_clause.emplace_back();
        for (int atom : ids) clauses_of_atom[atom].push_back(it->second);
      }
      patterns_of_clause[it->second].push_back(static_cast<int>(i));
      ++out->clause_count[i];
    }
  }
  out->atom_clause_begin.push_back(0);
  for (const std::vector<int>& clauses : clauses_of_atom) {
    out->atom_clauses.insert(out->atom_clauses.end(), clauses.begin(), clauses.end());
    out->atom_clause_begin.push_back(static_cast<int>(out->atom_clauses.size()));
  }
  out->clause_pattern_begin.push_back(0);
  for (const std::vector<int>& patterns : patterns_of_clause) {
    out->clause_patterns.insert(out->clause_patterns.end(), patterns.begin(), patterns.end());
    out->clause_pattern_begin.push_back(static_cast<int>(out->clause_patterns.size()));
  }
  out->finder = std::make_unique<AtomFinder>(out->atoms);
  prefilter_ = std::move(out);
}

bool PatternIndex::HoldsPrefilter(int i) const {
  const Prefilter& prefilter = Prepared();
  auto it = prefilter.checks.find(i);
  return it != prefilter.checks.end() && it->second.filter != nullptr;
}

bool PatternIndex::PassesCheck(const Prefilter& prefilter, int pattern, Scratch* scratch) const {
  auto it = prefilter.checks.find(pattern);
  if (it == prefilter.checks.end()) return true;
  const Prefilter::Check& check = it->second;
  const AtomFinder::Scratch& found = scratch->atoms_scratch_;
  if (!check.passing.empty()) {
    return std::any_of(check.passing.begin(), check.passing.end(), [&found](const auto& set) {
      return std::all_of(set.begin(), set.end(),
                         [&found](int atom) { return found.stamp[atom] == found.epoch; });
    });
  }
  // Building the filter compiles the pattern once more (FilteredRE2::Add), so a check asked
  // only a few times lets the unit through and the pattern's own run decides (issue 12).
  if (check.asks.load(std::memory_order_relaxed) < kAsksBeforeFilter &&
      check.asks.fetch_add(1, std::memory_order_relaxed) < kAsksBeforeFilter) {
    return true;
  }
  std::call_once(check.built, [&check] {
    auto filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
    const std::string relaxed = RelaxPattern(check.pattern);
    int id = -1;
    std::vector<std::string> atoms;
    if (filter->Add(UnfactorAlternatives(relaxed.empty() ? check.pattern : relaxed),
                    PatternOptions(), &id) != RE2::NoError) {
      return;
    }
    filter->Compile(&atoms);
    if (atoms == check.atom_texts) check.filter = std::move(filter);
  });
  if (check.filter == nullptr) return true;  // not the filter the build saw: the RE2 run decides
  scratch->check_ids_.clear();
  for (std::size_t local = 0; local < check.atoms.size(); ++local) {
    if (found.stamp[check.atoms[local]] == found.epoch) {
      scratch->check_ids_.push_back(static_cast<int>(local));
    }
  }
  check.filter->AllPotentials(scratch->check_ids_, &scratch->check_passed_);
  return !scratch->check_passed_.empty();
}

void PatternIndex::FindCandidates(std::string_view unit, Scratch* scratch) const {
  const Prefilter& prefilter = Prepared();
  const std::string_view lowered = LowerForAtoms(unit, &scratch->lowered_);
  prefilter.finder->Find(lowered, &scratch->atoms_scratch_, &scratch->atoms_);
  const std::size_t clauses = prefilter.clause_pattern_begin.size() - 1;
  if (scratch->clause_stamp_.size() != clauses ||
      scratch->pattern_stamp_.size() != patterns_.size() || ++scratch->epoch_ == 0) {
    scratch->clause_stamp_.assign(clauses, 0);
    scratch->pattern_stamp_.assign(patterns_.size(), 0);
    scratch->met_.assign(patterns_.size(), 0);
    scratch->epoch_ = 1;
  }
  const std::uint32_t epoch = scratch->epoch_;
  std::vector<int>& candidates = scratch->candidates_;
  candidates = prefilter.always_run;
  for (int atom : scratch->atoms_) {
    for (int k = prefilter.atom_clause_begin[atom]; k < prefilter.atom_clause_begin[atom + 1];
         ++k) {
      const int clause = prefilter.atom_clauses[k];
      if (scratch->clause_stamp_[clause] == epoch) continue;
      scratch->clause_stamp_[clause] = epoch;
      for (int p = prefilter.clause_pattern_begin[clause];
           p < prefilter.clause_pattern_begin[clause + 1]; ++p) {
        const int pattern = prefilter.clause_patterns[p];
        if (scratch->pattern_stamp_[pattern] != epoch) {
          scratch->pattern_stamp_[pattern] = epoch;
          scratch->met_[pattern] = 0;
        }
        if (++scratch->met_[pattern] == prefilter.clause_count[pattern]) {
          candidates.push_back(pattern);
        }
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
}

const std::vector<int>& PatternIndex::CandidatesIn(std::string_view unit, Scratch* scratch) const {
  scratch->candidates_.clear();
  if (!patterns_.empty()) FindCandidates(unit, scratch);
  return scratch->candidates_;
}

bool PatternIndex::Occurs(int i, std::string_view unit, Scratch* scratch) const {
  return PassesCheck(Prepared(), i, scratch) && scratch->engine_->Occurs(i, unit, true);
}

std::vector<int> PatternIndex::Candidates(std::string_view unit, Scratch* scratch) const {
  if (patterns_.empty()) return {};
  FindCandidates(unit, scratch);
  return scratch->candidates_;
}

bool PatternIndex::Match(std::string_view unit, Scratch* scratch, std::vector<int>* hits) const {
  hits->clear();
  if (patterns_.empty()) return false;
  Engine& engine = *scratch->engine_;
  if (each_pattern_) {
    const std::vector<char>& rejected = Prepared().rejected;
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
      if (!rejected[i] && engine.Occurs(static_cast<int>(i), unit, false)) {
        hits->push_back(static_cast<int>(i));
      }
    }
    return !hits->empty();
  }
  FindCandidates(unit, scratch);
  for (int i : scratch->candidates_) {
    if (PassesCheck(Prepared(), i, scratch) && engine.Occurs(i, unit, true)) hits->push_back(i);
  }
  return !hits->empty();
}

}  // namespace clausescan::internal

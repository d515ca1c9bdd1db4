#include "match/pattern_index.h"

#include <algorithm>
#include <utility>

#include "match/pattern_shape.h"

namespace clausescan::internal {

// The RE2s of one thread, compiled on first use.
class PatternIndex::Engine {
 public:
  explicit Engine(const PatternIndex& index)
      : index_(index), exact_(index.size()), relaxed_(index.size()) {}

  // True when pattern i occurs in text. With relaxed_first, its relaxed form (when it has one)
  // is tried first: a cheap way to rule it out.
  bool Occurs(int i, std::string_view text, bool relaxed_first) {
    const bool relaxed = !index_.relaxed_[i].empty();
    if (relaxed_first && relaxed &&
        !RE2::PartialMatch(text, Get(&relaxed_[i], index_.relaxed_[i], kProbeMaxMem))) {
      return false;
    }
    return RE2::PartialMatch(
        text, Get(&exact_[i], index_.patterns_[i], relaxed ? kWindowMaxMem : kProbeMaxMem));
  }

 private:
  // DFA budgets (RE2 max_mem; past it RE2 answers with its NFA: the same result, slower). The
  // exact form of a relaxed pattern (a wide window, "[^.;]{0,60}") makes new DFA states on
  // nearly every byte and would fill any budget: it gets a small one. Measured on CUAD, one
  // job: peak RSS 200 MB with 64 MiB budgets, 148 MB with these, and no slower.
  static constexpr std::int64_t kProbeMaxMem = std::int64_t{1} << 20;
  static constexpr std::int64_t kWindowMaxMem = std::int64_t{256} << 10;

  static const RE2& Get(std::unique_ptr<RE2>* slot, const std::string& pattern,
                        std::int64_t max_mem) {
    if (*slot == nullptr) {
      *slot = std::make_unique<RE2>(pattern, PatternOptions(max_mem));
      // A program too large for the budget: the budget every pattern was checked with.
      if (!(*slot)->ok()) *slot = std::make_unique<RE2>(pattern, PatternOptions());
    }
    return **slot;
  }

  const PatternIndex& index_;
  std::vector<std::unique_ptr<RE2>> exact_;
  std::vector<std::unique_ptr<RE2>> relaxed_;
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
  relaxed_.reserve(patterns_.size());
  for (const std::string& pattern : patterns_) relaxed_.push_back(RelaxPattern(pattern));
  if (checked) return std::nullopt;
  return Prepared().error;
}

const PatternIndex::Prefilter& PatternIndex::Prepared() const {
  std::call_once(prepare_once_, [this] { Prepare(); });
  return *prefilter_;
}

void PatternIndex::Prepare() const {
  auto out = std::make_unique<Prefilter>();
  out->rejected.assign(patterns_.size(), 0);
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    // The relaxed form matches wherever the pattern does, so its atoms are the pattern's too,
    // and its program is smaller to compile.
    const std::string& form = relaxed_[i].empty() ? patterns_[i] : relaxed_[i];
    int id = -1;
    if (out->filter.Add(UnfactorAlternatives(form), PatternOptions(), &id) != RE2::NoError) {
      // FilteredRE2 numbers only the patterns it accepts: a rejected pattern stops the
      // numbering from meaning pattern indices, so nothing is filtered any more.
      out->rejected[i] = 1;
      if (!out->error) {
        RE2 exact(patterns_[i], PatternOptions());
        out->error = std::make_pair(
            static_cast<int>(i), exact.ok() ? RE2(form, PatternOptions()).error() : exact.error());
      }
    }
  }
  if (!out->error && !patterns_.empty()) {
    out->filter.Compile(&out->atoms);
    out->filter.AllPotentials({}, &out->always_run);
  } else {
    // Without a usable filter every pattern RE2 accepts runs on every unit.
    out->atoms.clear();
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
      if (!out->rejected[i]) out->always_run.push_back(static_cast<int>(i));
    }
  }
  out->finder = std::make_unique<AtomFinder>(out->atoms);
  prefilter_ = std::move(out);
}

void PatternIndex::FindCandidates(std::string_view unit, Scratch* scratch) const {
  const Prefilter& prefilter = Prepared();
  if (prefilter.error) {
    scratch->candidates_ = prefilter.always_run;
    return;
  }
  const std::string_view lowered = LowerForAtoms(unit, &scratch->lowered_);
  prefilter.finder->Find(lowered, &scratch->atoms_scratch_, &scratch->atoms_);
  prefilter.filter.AllPotentials(scratch->atoms_, &scratch->candidates_);
}

const std::vector<int>& PatternIndex::CandidatesIn(std::string_view unit, Scratch* scratch) const {
  scratch->candidates_.clear();
  if (!patterns_.empty()) FindCandidates(unit, scratch);
  return scratch->candidates_;
}

bool PatternIndex::Occurs(int i, std::string_view unit, Scratch* scratch) const {
  return scratch->engine_->Occurs(i, unit, true);
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
    if (engine.Occurs(i, unit, true)) hits->push_back(i);
  }
  return !hits->empty();
}

}  // namespace clausescan::internal

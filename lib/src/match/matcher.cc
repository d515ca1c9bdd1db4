// Matching works per scope unit. Per scope, every distinct `all` and `none` pattern of the rules
// of that scope is probed by RE2::Sets: wide counted repetitions are relaxed (RelaxPattern),
// patterns with clause-long loops are split into loop-free parts that must all occur
// (SplitPattern), patterns that still span words get a set of their own (mixed, the DFA states
// of the two kinds multiply and the cache thrashes), and a relaxed or split pattern is confirmed
// by its exact RE2 on the units where its probes hit. A table maps each pattern to the (rule,
// group) pairs that use it, so the per-rule logic (every group hit, no `none` hit) only runs for
// rules with a pattern in the unit, and definitions, duty holders and parameters only for units
// where a rule holds.
#include "match/matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "match/list_leads.h"
#include "params/extract.h"
#include "params/party.h"
#include "structure/inline_list.h"

namespace clausescan::internal {
namespace {

// Options of every rule pattern: case-insensitive, UTF-8, no capture groups (only whether a
// pattern occurs matters), errors reported as values rather than logged.
RE2::Options PatternOptions(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// ---------------------------------------------------------------------------------------------
// Pattern shapes: a small lexer over RE2 syntax (escapes, classes, repetitions).

constexpr int kMaxExactSpan = 8;  // wider counted repetitions are relaxed

// One past the character class that starts at p[begin] == '[' (p.size() when not closed).
std::size_t ClassEnd(std::string_view p, std::size_t begin) {
  std::size_t i = begin + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is literal
  while (i < p.size()) {
    if (p[i] == '\\') {
      i += 2;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      const std::size_t end = p.find(":]", i + 2);
      i = end == std::string_view::npos ? p.size() : end + 2;
    } else if (p[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return p.size();
}

// One past the escape that starts at p[begin] == '\\': \d, \x{263a}, \p{Greek}, \Q...\E.
std::size_t EscapeEnd(std::string_view p, std::size_t begin) {
  if (begin + 1 >= p.size()) return p.size();
  const char kind = p[begin + 1];
  std::size_t end = std::string_view::npos;
  if (kind == 'Q') {
    end = p.find("\\E", begin + 2);
    return end == std::string_view::npos ? p.size() : end + 2;
  }
  if ((kind == 'p' || kind == 'P' || kind == 'x') && begin + 2 < p.size() && p[begin + 2] == '{') {
    end = p.find('}', begin + 3);
    return end == std::string_view::npos ? p.size() : end + 1;
  }
  return std::min(begin + 2, p.size());
}

// One past the token at p[begin]: an escape, a character class or one character.
std::size_t TokenEnd(std::string_view p, std::size_t begin) {
  if (p[begin] == '\\') return EscapeEnd(p, begin);
  if (p[begin] == '[') return ClassEnd(p, begin);
  return begin + 1;
}

// Reads a counted repetition at p[begin] == '{': "{n}", "{n,}" (*max = -1) or "{n,m}", and sets
// *end one past its '}'. False for a literal brace.
bool ReadRepeat(std::string_view p, std::size_t begin, int* min, int* max, std::size_t* end) {
  const char* last = p.data() + p.size();
  auto [after_min, ec] = std::from_chars(p.data() + begin + 1, last, *min);
  if (ec != std::errc() || after_min == last) return false;
  const char* close = after_min;
  *max = *min;
  if (*close == ',') {
    *max = -1;
    ++close;
    if (close != last && *close != '}') {
      auto [after_max, ec_max] = std::from_chars(close, last, *max);
      if (ec_max != std::errc()) return false;
      close = after_max;
    }
  }
  if (close == last || *close != '}') return false;
  *end = static_cast<std::size_t>(close - p.data()) + 1;
  return true;
}

// A repetition found while walking a pattern: the atom it repeats and how often.
struct Repeat {
  std::size_t atom_begin = 0;  // the atom: a character, escape, class or group
  std::size_t atom_end = 0;
  std::size_t end = 0;  // one past the quantifier (and its lazy '?')
  int depth = 0;        // groups around the atom
  bool unbounded = false;
};

// What a walk over a pattern found.
struct PatternWalk {
  std::vector<Repeat> repeats;
  bool top_level_alternation = false;
  bool flag_group = false;  // "(?i)" and the like: flags for the rest of the pattern
};

// One past the quantifier at p[i] ('*', '+', '?' or a counted repetition, then an optional lazy
// '?'), or i when p[i] starts none. *unbounded tells whether it has no upper bound.
std::size_t QuantifierEnd(std::string_view p, std::size_t i, bool* unbounded) {
  std::size_t end = i;
  int min = 0;
  int max = 0;
  if (p[i] == '*' || p[i] == '+' || p[i] == '?') {
    *unbounded = p[i] != '?';
    end = i + 1;
  } else if (p[i] == '{' && ReadRepeat(p, i, &min, &max, &end)) {
    *unbounded = max < 0;
  } else {
    return i;
  }
  return end < p.size() && p[end] == '?' ? end + 1 : end;
}

// One past the opening of the group at p[i] == '(': "(", "(?:", "(?P<name>", "(?i:". For a
// flag group "(?i)" returns one past its ')' and sets *flags_only.
std::size_t GroupOpenEnd(std::string_view p, std::size_t i, bool* flags_only) {
  *flags_only = false;
  if (i + 1 >= p.size() || p[i + 1] != '?') return i + 1;
  if (p.substr(i, 4) == "(?P<") {
    const std::size_t close = p.find('>', i);
    return close == std::string_view::npos ? p.size() : close + 1;
  }
  const std::size_t stop = p.find_first_of(":)", i + 2);
  if (stop == std::string_view::npos) return p.size();
  *flags_only = p[stop] == ')';
  return stop + 1;
}

// Finds every repetition of a pattern with its atom, and the features that forbid splitting.
PatternWalk Walk(std::string_view p) {
  PatternWalk walk;
  std::vector<std::size_t> open;  // starts of the enclosing groups
  std::size_t atom_begin = std::string_view::npos;
  std::size_t atom_end = 0;
  for (std::size_t i = 0; i < p.size();) {
    bool unbounded = false;
    const std::size_t quantifier_end = QuantifierEnd(p, i, &unbounded);
    if (quantifier_end != i && atom_begin != std::string_view::npos) {
      walk.repeats.push_back(
          Repeat{atom_begin, atom_end, quantifier_end, static_cast<int>(open.size()), unbounded});
      atom_begin = std::string_view::npos;
      i = quantifier_end;
    } else if (p[i] == '(') {
      bool flags_only = false;
      const std::size_t next = GroupOpenEnd(p, i, &flags_only);
      if (flags_only) {
        walk.flag_group = walk.flag_group || open.empty();
      } else {
        open.push_back(i);
      }
      atom_begin = std::string_view::npos;
      i = next;
    } else if (p[i] == ')' && !open.empty()) {
      atom_begin = open.back();
      open.pop_back();
      atom_end = ++i;
    } else {
      if (p[i] == '|' && open.empty()) walk.top_level_alternation = true;
      const bool atom = p[i] != '|' && p[i] != '^' && p[i] != '$';
      atom_begin = atom ? i : std::string_view::npos;
      i = atom_end = TokenEnd(p, i);
    }
  }
  return walk;
}

// True when a repetition of the atom p[begin, end) can run across words: the atom matches a
// space, or its repetition matches words with spaces ("[^.;]", "[a-z ]", "([a-z]+ )").
bool AtomSpansWords(std::string_view p, std::size_t begin, std::size_t end) {
  const std::string atom(p.substr(begin, end - begin));
  const RE2 repeated("(?:" + atom + ")+", PatternOptions(std::int64_t{1} << 20));
  return repeated.ok() && (RE2::FullMatch(" ", repeated) || RE2::FullMatch("ab cd", repeated) ||
                           RE2::FullMatch("ab cd ", repeated));
}

// True when part matches (nearly) every text: then it says nothing about a unit.
bool MatchesAnything(const std::string& part) {
  const RE2 re(part, PatternOptions(std::int64_t{1} << 20));
  return !re.ok() || RE2::PartialMatch("", re) || RE2::PartialMatch(" a ", re);
}

// ---------------------------------------------------------------------------------------------
// Compiled patterns.

constexpr int kNoneGroup = -1;

// One use of a pattern: rule `rule` has it in group `group` of `all`, or in `none`.
struct PatternUse {
  int rule = 0;
  int group = kNoneGroup;
};

// One RE2::Set over some of a scope's probes.
struct SetPart {
  std::unique_ptr<RE2::Set> set;
  std::vector<int> probe;  // set index -> probe index
};

// Scratch space of one thread matching one scope (ScopePatterns::Match).
struct ProbeScratch {
  std::vector<int> part_hits;
  std::vector<int> candidates;
  std::vector<std::uint32_t> stamp;  // by pattern: count is valid for this epoch
  std::vector<int> count;            // by pattern: probes hit
  std::uint32_t epoch = 0;
};

// The compiled patterns of one scope. A pattern is found through its probes, the regexps the
// sets hold: the pattern itself, its relaxed form, or the parts of its split form, all of which
// must hit.
struct ScopePatterns {
  std::vector<SetPart> parts;
  std::vector<std::string> patterns;  // distinct, as written in the rules
  std::vector<int> probe_count;       // by pattern: probes that must all hit
  // By pattern: the exact RE2 that confirms a relaxed or split pattern, else null.
  std::vector<std::unique_ptr<RE2>> exact;
  // The patterns that need probe i are probe_patterns[probe_begin[i] .. probe_begin[i + 1]).
  std::vector<int> probe_begin;
  std::vector<int> probe_patterns;
  // The uses of pattern i are uses[use_begin[i] .. use_begin[i + 1]).
  std::vector<int> use_begin;
  std::vector<PatternUse> uses;
  // One RE2 per pattern, compiled on the first unit a set's DFA cannot handle.
  mutable std::once_flag fallback_once;
  mutable std::vector<std::unique_ptr<RE2>> fallback;
  bool each_pattern = false;  // MatcherOptions::each_pattern

  bool empty() const { return patterns.empty(); }

  ProbeScratch NewScratch() const {
    ProbeScratch scratch;
    scratch.stamp.assign(patterns.size(), 0);
    scratch.count.assign(patterns.size(), 0);
    return scratch;
  }

  // Fills *hits with the indices of the patterns that occur in unit (unsorted); false when none.
  bool Match(std::string_view unit, ProbeScratch* scratch, std::vector<int>* hits) const;

 private:
  void NextEpoch(ProbeScratch* scratch) const;
  // Counts the probe hits of one set; patterns whose probes all hit become candidates.
  void CountProbes(const SetPart& part, ProbeScratch* scratch) const;
  bool MatchEachPattern(std::string_view unit, std::vector<int>* hits) const;
};

void ScopePatterns::NextEpoch(ProbeScratch* scratch) const {
  if (++scratch->epoch != 0) return;
  std::fill(scratch->stamp.begin(), scratch->stamp.end(), 0);
  scratch->epoch = 1;
}

void ScopePatterns::CountProbes(const SetPart& part, ProbeScratch* scratch) const {
  for (int hit : scratch->part_hits) {
    const int probe = part.probe[hit];
    for (int i = probe_begin[probe]; i < probe_begin[probe + 1]; ++i) {
      const int pattern = probe_patterns[i];
      if (scratch->stamp[pattern] != scratch->epoch) {
        scratch->stamp[pattern] = scratch->epoch;
        scratch->count[pattern] = 0;
      }
      if (++scratch->count[pattern] == probe_count[pattern]) {
        scratch->candidates.push_back(pattern);
      }
    }
  }
}

bool ScopePatterns::Match(std::string_view unit, ProbeScratch* scratch,
                          std::vector<int>* hits) const {
  if (each_pattern) return MatchEachPattern(unit, hits);
  NextEpoch(scratch);
  scratch->candidates.clear();
  for (const SetPart& part : parts) {
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (part.set->Match(unit, &scratch->part_hits, &info)) {
      CountProbes(part, scratch);
    } else if (info.kind != RE2::Set::kNoError) {
      // The DFA ran out of memory (or, in theory, reported an inconsistent result): never drop
      // the unit; decide pattern by pattern instead.
      return MatchEachPattern(unit, hits);
    }
  }
  hits->clear();
  for (int pattern : scratch->candidates) {
    if (exact[pattern] == nullptr || RE2::PartialMatch(unit, *exact[pattern])) {
      hits->push_back(pattern);
    }
  }
  return !hits->empty();
}

bool ScopePatterns::MatchEachPattern(std::string_view unit, std::vector<int>* hits) const {
  std::call_once(fallback_once, [this] {
    for (const std::string& pattern : patterns) {
      fallback.push_back(std::make_unique<RE2>(pattern, PatternOptions(kDefaultSetMaxMem)));
    }
  });
  hits->clear();
  for (std::size_t i = 0; i < fallback.size(); ++i) {
    if (RE2::PartialMatch(unit, *fallback[i])) hits->push_back(static_cast<int>(i));
  }
  return !hits->empty();
}

// A rule as the matcher runs it.
struct CompiledRule {
  Party party = Party::kUnknown;
  bool definitions = false;
  int groups = 0;       // rule.all.size()
  int first_group = 0;  // index of group 0 in the flat numbering of all rules' groups
  ParamExtractor params;
};

// The probes of a pattern and whether its set hits need the exact pattern's confirmation.
struct PatternPlan {
  std::vector<std::string> probes;
  bool confirm = false;
};

PatternPlan PlanPattern(const std::string& pattern) {
  std::string relaxed = RelaxPattern(pattern);
  const std::string& form = relaxed.empty() ? pattern : relaxed;
  std::vector<std::string> parts = SplitPattern(form);
  if (!parts.empty()) return PatternPlan{std::move(parts), true};
  return PatternPlan{{form}, !relaxed.empty()};
}

// Builds one scope: distinct patterns, the uses of each, their probes and the sets.
class ScopeBuilder {
 public:
  explicit ScopeBuilder(const MatcherOptions& options) : options_(options) {}

  void Add(const Rule& rule, int rule_index) {
    for (std::size_t g = 0; g < rule.all.size(); ++g) {
      for (const std::string& pattern : rule.all[g]) {
        AddUse(rule, pattern, PatternUse{rule_index, static_cast<int>(g)});
      }
    }
    for (const std::string& pattern : rule.none) {
      AddUse(rule, pattern, PatternUse{rule_index, kNoneGroup});
    }
  }

  // Compiles the sets into *out (left empty when no pattern was added).
  std::optional<Error> Finish(std::string_view scope_name, ScopePatterns* out);

 private:
  struct Origin {
    const std::string* file;
    int line;
  };

  void AddUse(const Rule& rule, const std::string& pattern, PatternUse use) {
    auto [it, inserted] = index_.emplace(pattern, static_cast<int>(patterns_.size()));
    if (inserted) {
      patterns_.push_back(pattern);
      origins_.push_back(Origin{&rule.file, rule.line});
      uses_.emplace_back();
    }
    uses_[it->second].push_back(use);
  }

  Error Invalid(int pattern, const std::string& error) const {
    return Error(ErrorCode::kRuleError,
                 fmt::format("invalid pattern '{}': {}", patterns_[pattern], error),
                 *origins_[pattern].file, origins_[pattern].line);
  }

  std::optional<Error> AddPattern(int pattern, std::vector<SetPart>* parts, ScopePatterns* out);
  std::optional<Error> AddProbe(const std::string& probe, int pattern, std::vector<SetPart>* parts);
  void Flatten(ScopePatterns* out);

  const MatcherOptions& options_;
  std::map<std::string, int> index_;
  std::vector<std::string> patterns_;
  std::vector<Origin> origins_;  // the first rule that uses each pattern
  std::vector<std::vector<PatternUse>> uses_;
  std::map<std::string, int> probe_index_;
  int open_[2] = {-1, -1};  // the part being filled with loop-free / word-spanning probes
  std::vector<std::vector<int>> probe_patterns_;  // by probe
};

// Probes per RE2::Set (see AddProbe).
constexpr std::size_t kProbesPerSet = 64;

// Adds probe (once) to an open set for its kind (word-spanning or not).
std::optional<Error> ScopeBuilder::AddProbe(const std::string& probe, int pattern,
                                            std::vector<SetPart>* parts) {
  auto [it, inserted] = probe_index_.emplace(probe, static_cast<int>(probe_patterns_.size()));
  if (inserted) {
    // Probes of one kind fill sets of at most kProbesPerSet: one DFA over hundreds of probes
    // has too many states for its cache, which then thrashes (measured: 0.3 MB/s for 1100
    // patterns in two sets); several small sets each stay warm.
    const int kind = SpansWords(probe) ? 1 : 0;
    if (open_[kind] < 0 || (*parts)[open_[kind]].probe.size() >= kProbesPerSet) {
      parts->emplace_back();
      parts->back().set =
          std::make_unique<RE2::Set>(PatternOptions(options_.set_max_mem), RE2::UNANCHORED);
      open_[kind] = static_cast<int>(parts->size()) - 1;
    }
    SetPart& part = (*parts)[open_[kind]];
    std::string error;
    if (part.set->Add(probe, &error) < 0) return Invalid(pattern, error);
    part.probe.push_back(it->second);
    probe_patterns_.emplace_back();
  }
  std::vector<int>& users = probe_patterns_[it->second];
  if (users.empty() || users.back() != pattern) users.push_back(pattern);
  return std::nullopt;
}

std::optional<Error> ScopeBuilder::AddPattern(int pattern, std::vector<SetPart>* parts,
                                              ScopePatterns* out) {
  PatternPlan plan = PlanPattern(patterns_[pattern]);
  std::sort(plan.probes.begin(), plan.probes.end());
  plan.probes.erase(std::unique(plan.probes.begin(), plan.probes.end()), plan.probes.end());
  for (const std::string& probe : plan.probes) {
    if (auto error = AddProbe(probe, pattern, parts)) return error;
  }
  out->probe_count.push_back(static_cast<int>(plan.probes.size()));
  out->exact.emplace_back();
  if (plan.confirm) {
    out->exact.back() =
        std::make_unique<RE2>(patterns_[pattern], PatternOptions(kDefaultSetMaxMem));
    if (!out->exact.back()->ok()) return Invalid(pattern, out->exact.back()->error());
  }
  return std::nullopt;
}

// Lays the per-pattern and per-probe lists out flat.
void ScopeBuilder::Flatten(ScopePatterns* out) {
  out->probe_begin.push_back(0);
  for (const std::vector<int>& users : probe_patterns_) {
    out->probe_patterns.insert(out->probe_patterns.end(), users.begin(), users.end());
    out->probe_begin.push_back(static_cast<int>(out->probe_patterns.size()));
  }
  out->use_begin.push_back(0);
  for (const std::vector<PatternUse>& uses : uses_) {
    out->uses.insert(out->uses.end(), uses.begin(), uses.end());
    out->use_begin.push_back(static_cast<int>(out->uses.size()));
  }
  out->patterns = std::move(patterns_);
}

std::optional<Error> ScopeBuilder::Finish(std::string_view scope_name, ScopePatterns* out) {
  if (patterns_.empty()) return std::nullopt;
  std::vector<SetPart> parts;
  open_[0] = open_[1] = -1;
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    if (auto error = AddPattern(static_cast<int>(i), &parts, out)) return error;
  }
  for (SetPart& part : parts) {
    if (part.probe.empty() || options_.each_pattern) continue;
    if (!part.set->Compile()) {
      return Error(
          ErrorCode::kRuleError,
          fmt::format("the patterns of the {}-scope rules exceed RE2's memory budget", scope_name));
    }
    out->parts.push_back(std::move(part));
  }
  out->each_pattern = options_.each_pattern;
  Flatten(out);
  return std::nullopt;
}

// What a unit says about itself, computed once per unit that some rule holds in.
struct UnitFacts {
  bool definition = false;
  Party duty_holder = Party::kUnknown;
};

// True when a rule about `rule_party`'s duty must not count a unit whose duty holder is holder.
bool OtherParty(Party rule_party, Party holder) {
  return (rule_party == Party::kSupplier && holder == Party::kCustomer) ||
         (rule_party == Party::kCustomer && holder == Party::kSupplier);
}

// Everything Match needs; Matcher::Impl is this.
struct CompiledRules {
  PartyLexicon parties;
  std::vector<CompiledRule> rules;
  int total_groups = 0;
  ScopePatterns sentence;
  ScopePatterns paragraph;
};

// Per-Match scratch space: which rules hold in a unit, with no allocation per unit or pattern.
// Stamps are compared with the unit's epoch, so nothing is cleared between units.
class UnitEvaluator {
 public:
  explicit UnitEvaluator(const CompiledRules& rules)
      : rules_(rules),
        group_stamp_(rules.total_groups, 0),
        rule_stamp_(rules.rules.size(), 0),
        none_stamp_(rules.rules.size(), 0),
        group_count_(rules.rules.size(), 0) {}

  // The rules of patterns' scope whose every group and no `none` pattern occurs in unit, by
  // index. scratch belongs to patterns. Valid until the next call.
  const std::vector<int>& Evaluate(const ScopePatterns& patterns, ProbeScratch* scratch,
                                   std::string_view unit);

 private:
  void NextEpoch();
  void Record(const PatternUse& use);

  const CompiledRules& rules_;
  std::vector<int> hits_;
  std::vector<std::uint32_t> group_stamp_;  // by flat group
  std::vector<std::uint32_t> rule_stamp_;   // by rule: group_count_ is valid for this epoch
  std::vector<std::uint32_t> none_stamp_;   // by rule: a `none` pattern occurs
  std::vector<int> group_count_;            // by rule: groups that occur
  std::vector<int> touched_;
  std::vector<int> passed_;
  std::uint32_t epoch_ = 0;
};

void UnitEvaluator::NextEpoch() {
  if (++epoch_ != 0) return;
  std::fill(group_stamp_.begin(), group_stamp_.end(), 0);
  std::fill(rule_stamp_.begin(), rule_stamp_.end(), 0);
  std::fill(none_stamp_.begin(), none_stamp_.end(), 0);
  epoch_ = 1;
}

void UnitEvaluator::Record(const PatternUse& use) {
  if (use.group == kNoneGroup) {
    none_stamp_[use.rule] = epoch_;
    return;
  }
  const int flat = rules_.rules[use.rule].first_group + use.group;
  if (group_stamp_[flat] == epoch_) return;
  group_stamp_[flat] = epoch_;
  if (rule_stamp_[use.rule] != epoch_) {
    rule_stamp_[use.rule] = epoch_;
    group_count_[use.rule] = 0;
    touched_.push_back(use.rule);
  }
  ++group_count_[use.rule];
}

const std::vector<int>& UnitEvaluator::Evaluate(const ScopePatterns& patterns,
                                                ProbeScratch* scratch, std::string_view unit) {
  passed_.clear();
  if (!patterns.Match(unit, scratch, &hits_)) return passed_;
  NextEpoch();
  touched_.clear();
  for (int pattern : hits_) {
    for (int u = patterns.use_begin[pattern]; u < patterns.use_begin[pattern + 1]; ++u) {
      Record(patterns.uses[u]);
    }
  }
  for (int rule : touched_) {
    if (group_count_[rule] == rules_.rules[rule].groups && none_stamp_[rule] != epoch_) {
      passed_.push_back(rule);
    }
  }
  std::sort(passed_.begin(), passed_.end());
  return passed_;
}

// The defined terms of a document (params/definitions.h) and the scope each section belongs
// to. A definition is visible in its own top-level section ("16.5 Liability Definitions" serves
// "16.1 General Cap") and, when it sits in a definitions section ("1. Definitions",
// "Interpretation"), everywhere. Sections without a number are a scope of their own.
struct DefinedTerms {
  Glossary glossary;
  std::vector<int> scope;         // by section index
  std::vector<char> definitions;  // by scope: a definitions section
  int ScopeOf(int section) const {
    return section >= 0 && static_cast<std::size_t>(section) < scope.size() ? scope[section] : -1;
  }
};

// The leading part of a section number: "16" for "16.5", "7" for "7(b)", "IV" for "IV".
std::string_view TopNumber(std::string_view number) {
  const std::size_t end = number.find_first_of(".( ");
  return end == std::string_view::npos ? number : number.substr(0, end);
}

bool IsDefinitionsTitle(std::string_view title) {
  std::string lower(title);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("definition") != std::string::npos ||
         lower.find("interpretation") != std::string::npos;
}

DefinedTerms CollectDefinedTerms(const NormalizedText& text, const Outline& outline) {
  DefinedTerms out;
  std::map<std::string, int, std::less<>> scope_of_number;
  out.scope.resize(outline.sections.size(), -1);
  for (std::size_t i = 0; i < outline.sections.size(); ++i) {
    const Section& section = outline.sections[i];
    const std::string_view top = TopNumber(section.number);
    int id = static_cast<int>(out.definitions.size());
    if (!top.empty()) {
      auto [it, inserted] = scope_of_number.emplace(std::string(top), id);
      id = it->second;
      if (inserted) out.definitions.push_back(0);
    } else {
      out.definitions.push_back(0);
    }
    out.scope[i] = id;
    // Only a top-level definitions section serves the whole document ("1. Definitions", not
    // "16.5 Liability Definitions", which serves section 16 as its scope anyway).
    const bool top_level =
        top.empty() || TopNumber(section.number).size() + 1 >= section.number.size();
    if (IsDefinitionsTitle(section.title) && top_level) {
      out.definitions[id] = 1;
    }
  }
  for (const Unit& unit : outline.units) {
    if (unit.kind == UnitKind::kHeading || unit.end > text.folded.size()) continue;
    const int scope = out.ScopeOf(unit.section);
    const bool global = scope >= 0 && out.definitions[scope] != 0;
    out.glossary.Add(std::string_view(text.folded).substr(unit.begin, unit.end - unit.begin), scope,
                     global);
  }
  return out;
}

// Runs one scope over a document, appending hits.
class ScopeRunner {
 public:
  ScopeRunner(const CompiledRules& rules, const PartyLexicon& parties,
              const ScopePatterns& patterns, std::string_view folded, const DefinedTerms& defined,
              UnitEvaluator* evaluator, std::vector<RuleHit>* hits)
      : rules_(rules),
        parties_(parties),
        patterns_(patterns),
        scratch_(patterns.NewScratch()),
        folded_(folded),
        defined_(defined),
        evaluator_(evaluator),
        hits_(hits) {}

  // Matches the unit [begin, end) of the folded view, in section `section`. Parameters come
  // from the whole unit; when the rule holds in just one item of a list inside the unit (see
  // FindInlineList), the numbers, words and flags that item and the list's lead-in state win
  // (sets stay the whole unit's), so "(a) notify within 24 hours; and (b) delete within 30
  // days" gives the deletion rule 30 days. With leads, the unit is units[unit] of the outline
  // leads reads: a list item also counts for the rules that hold in its lead-ins and it together
  // but in neither alone (their parameters come from both), and a list item that names no duty
  // holder takes its lead-in's (see ListLeads).
  void Run(std::size_t begin, std::size_t end, int section, ListLeads* leads = nullptr,
           std::size_t unit_index = 0);

 private:
  // Each item of a unit's inline list, after the lead-in, and the rules that hold in it.
  struct ItemTexts {
    std::vector<std::string> texts;
    std::vector<std::vector<int>> passed;
    // The text `rule` reads its parameters from: the one item it holds in, else the unit.
    std::string_view For(int rule, std::string_view unit) const;
  };
  ItemTexts RuleItems(std::string_view unit);
  // The later duties of a sentence (DutyClauses) and the rules that hold in each, computed once
  // per unit when a rule is about the party its first duty is not.
  struct LaterDuties {
    bool done = false;
    std::vector<DutyClause> clauses;
    std::vector<std::vector<int>> passed;
  };
  // The later duty of unit, held by `party` or by both, in which rule holds by itself
  // ("customer shall provide the logs and provider shall notify ..."), or nullptr.
  const DutyClause* LaterDuty(int rule, Party party, std::string_view unit, LaterDuties* later);

  const CompiledRules& rules_;
  const PartyLexicon& parties_;
  const ScopePatterns& patterns_;
  ProbeScratch scratch_;
  std::string_view folded_;
  const DefinedTerms& defined_;
  UnitEvaluator* evaluator_;
  std::vector<RuleHit>* hits_;
};

void ScopeRunner::Run(std::size_t begin, std::size_t end, int section, ListLeads* leads,
                      std::size_t unit_index) {
  if (begin >= end || end > folded_.size()) return;  // outside the contract of Outline
  const std::string_view unit = folded_.substr(begin, end - begin);
  std::vector<int> passed = evaluator_->Evaluate(patterns_, &scratch_, unit);
  // Rules that hold only with the lead-in before the item ("provider shall: (a) encrypt ...").
  std::vector<int> with_lead;
  std::string joined;
  const LeadContext lead = leads != nullptr ? leads->For(unit_index) : LeadContext();
  if (!lead.text.empty()) {
    const std::vector<int> lead_alone = evaluator_->Evaluate(patterns_, &scratch_, lead.text);
    joined.reserve(lead.text.size() + 1 + unit.size());
    joined.append(lead.text).append(" ").append(unit);
    for (int index : evaluator_->Evaluate(patterns_, &scratch_, joined)) {
      if (!std::binary_search(passed.begin(), passed.end(), index) &&
          !std::binary_search(lead_alone.begin(), lead_alone.end(), index)) {
        with_lead.push_back(index);
      }
    }
    passed.insert(passed.end(), with_lead.begin(), with_lead.end());
    std::sort(passed.begin(), passed.end());
  }
  if (passed.empty()) return;
  const UnitFacts facts{IsDefinition(unit), leads != nullptr ? leads->HolderOf(unit_index)
                                                             : DutyHolder(unit, parties_)};
  const ItemTexts items = RuleItems(unit);
  LaterDuties later;
  for (int index : passed) {
    const CompiledRule& rule = rules_.rules[index];
    if (facts.definition && !rule.definitions) continue;
    const bool needs_lead = std::binary_search(with_lead.begin(), with_lead.end(), index);
    std::string_view said = needs_lead ? std::string_view(joined) : unit;
    RuleHit hit;
    hit.party = facts.duty_holder;
    if (OtherParty(rule.party, facts.duty_holder)) {
      const DutyClause* duty = needs_lead ? nullptr : LaterDuty(index, rule.party, unit, &later);
      if (duty == nullptr) continue;
      hit.party = duty->party;
      said = unit.substr(duty->begin, duty->end - duty->begin);
    }
    hit.rule = index;
    hit.begin = begin;
    hit.end = end;
    hit.section = section;
    rule.params.Extract(said, &hit.parameters);
    rule.params.ExtractDefined(said, defined_.glossary, defined_.ScopeOf(section), &hit.parameters);
    const std::string_view item = said.data() != unit.data() ? said : items.For(index, unit);
    if (item.data() != said.data()) {
      std::map<std::string, ParamValue> precise;
      rule.params.Extract(item, &precise);
      rule.params.ExtractDefined(item, defined_.glossary, defined_.ScopeOf(section), &precise);
      for (auto& [name, value] : precise) {
        // A set ("measures", "scope") gathers what the whole clause lists; a number or a word
        // is one statement, which the item makes precise.
        if (!std::holds_alternative<std::vector<std::string>>(value)) {
          hit.parameters[name] = std::move(value);
        }
      }
    }
    hits_->push_back(std::move(hit));
  }
}

const DutyClause* ScopeRunner::LaterDuty(int rule, Party party, std::string_view unit,
                                         LaterDuties* later) {
  if (!later->done) {
    later->done = true;
    later->clauses = DutyClauses(unit, parties_);
    // The clauses do not overlap: matching them all reads the unit once more.
    for (std::size_t k = 1; k < later->clauses.size(); ++k) {
      const DutyClause& c = later->clauses[k];
      later->passed.push_back(
          evaluator_->Evaluate(patterns_, &scratch_, unit.substr(c.begin, c.end - c.begin)));
    }
  }
  for (std::size_t k = 1; k < later->clauses.size(); ++k) {
    const DutyClause& c = later->clauses[k];
    const std::vector<int>& holds = later->passed[k - 1];
    if ((c.party == party || c.party == Party::kMutual) &&
        std::binary_search(holds.begin(), holds.end(), rule)) {
      return &c;
    }
  }
  return nullptr;
}

// The lead-in repeated before each item may add this much text to a unit's items in all (a few
// KiB for real lists); past it the items are not told apart: an inline list of thousands of
// "(1)" "(2)" ... after a long lead-in made gigabytes of item texts.
constexpr std::size_t kMaxRepeatedLeadBytes = std::size_t{64} << 10;

ScopeRunner::ItemTexts ScopeRunner::RuleItems(std::string_view unit) {
  ItemTexts out;
  const InlineList list = FindInlineList(unit);
  if (list.items.empty() || list.lead_end * list.items.size() > kMaxRepeatedLeadBytes) return out;
  const std::string_view lead = unit.substr(0, list.lead_end);
  for (const auto& [item_begin, item_end] : list.items) {
    std::string text(lead);
    text.append(unit.substr(item_begin, item_end - item_begin));
    out.passed.push_back(evaluator_->Evaluate(patterns_, &scratch_, text));
    out.texts.push_back(std::move(text));
  }
  return out;
}

std::string_view ScopeRunner::ItemTexts::For(int rule, std::string_view unit) const {
  const std::string* only = nullptr;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    if (std::find(passed[k].begin(), passed[k].end(), rule) == passed[k].end()) continue;
    if (only != nullptr) return unit;  // the rule holds in several items: the sentence says it
    only = &texts[k];
  }
  return only != nullptr ? std::string_view(*only) : unit;
}

// Paragraphs that hold some text besides headings (paragraph rules skip the others).
std::vector<char> ParagraphsWithText(const Outline& outline) {
  std::vector<char> has_text(outline.paragraphs.size(), 0);
  for (const Unit& unit : outline.units) {
    if (unit.kind == UnitKind::kHeading) continue;
    if (unit.paragraph >= 0 && static_cast<std::size_t>(unit.paragraph) < has_text.size()) {
      has_text[unit.paragraph] = 1;
    }
  }
  return has_text;
}

}  // namespace

struct Matcher::Impl : CompiledRules {};

std::string RelaxPattern(std::string_view pattern) {
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t next = TokenEnd(pattern, i);
    int min = 0;
    int max = 0;
    if (pattern[i] == '{' && ReadRepeat(pattern, i, &min, &max, &next) && max >= 0 &&
        max - min > kMaxExactSpan) {
      out += min == 0 ? "*" : min == 1 ? "+" : fmt::format("{{{},}}", min);
      changed = true;
    } else {
      out.append(pattern.substr(i, next - i));
    }
    i = next;
  }
  return changed ? out : std::string();
}

bool SpansWords(std::string_view pattern) {
  const PatternWalk walk = Walk(pattern);
  return std::any_of(walk.repeats.begin(), walk.repeats.end(), [&](const Repeat& r) {
    return r.unbounded && AtomSpansWords(pattern, r.atom_begin, r.atom_end);
  });
}

std::vector<std::string> SplitPattern(std::string_view pattern) {
  const PatternWalk walk = Walk(pattern);
  if (walk.top_level_alternation || walk.flag_group) return {};
  std::vector<std::string> parts;
  auto keep = [&parts](std::string_view part) {
    std::string text(part);
    if (text.empty() || MatchesAnything(text)) return;
    if (std::find(parts.begin(), parts.end(), text) == parts.end()) parts.push_back(text);
  };
  std::size_t start = 0;
  bool split = false;
  for (const Repeat& r : walk.repeats) {
    if (r.depth != 0 || !r.unbounded || !AtomSpansWords(pattern, r.atom_begin, r.atom_end)) {
      continue;
    }
    keep(pattern.substr(start, r.atom_begin - start));
    start = r.end;
    split = true;
  }
  if (!split) return {};
  keep(pattern.substr(start));
  return parts;
}

std::string CheckPattern(const std::string& pattern) {
  RE2::Set set(PatternOptions(kDefaultSetMaxMem), RE2::UNANCHORED);
  std::string error;
  if (set.Add(pattern, &error) >= 0) return "";
  return error.empty() ? "RE2 rejects the pattern" : error;
}

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties) {
  return Compile(rules, parties, MatcherOptions());
}

Result<std::unique_ptr<Matcher>> Matcher::Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties,
                                                  const MatcherOptions& options) {
  std::unique_ptr<Matcher> matcher(new Matcher());
  Impl& impl = *matcher->impl_;
  impl.parties = parties;
  ScopeBuilder sentence(options);
  ScopeBuilder paragraph(options);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    Result<ParamExtractor> params = ParamExtractor::Compile(rule.parameters, rule.file);
    if (!params) return params.error();
    CompiledRule compiled{rule.party, rule.definitions, static_cast<int>(rule.all.size()),
                          impl.total_groups, std::move(*params)};
    impl.total_groups += compiled.groups;
    impl.rules.push_back(std::move(compiled));
    (rule.scope == Scope::kParagraph ? paragraph : sentence).Add(rule, static_cast<int>(i));
  }
  if (auto error = sentence.Finish("sentence", &impl.sentence)) return *error;
  if (auto error = paragraph.Finish("paragraph", &impl.paragraph)) return *error;
  return matcher;
}

std::vector<RuleHit> Matcher::Match(const NormalizedText& text, const Outline& outline,
                                    std::size_t max_hits, const PartyLexicon* parties) const {
  const PartyLexicon& lexicon = parties != nullptr ? *parties : impl_->parties;
  // Each scope's hits come in document order, so the first `keep` of the merged list are among
  // the first `keep` of each scope: a scope stops once it has that many.
  const std::size_t keep = max_hits == 0 ? static_cast<std::size_t>(-1) : max_hits + 1;
  std::vector<RuleHit> hits;
  UnitEvaluator evaluator(*impl_);
  const DefinedTerms defined = CollectDefinedTerms(text, outline);
  if (!impl_->sentence.empty()) {
    ScopeRunner runner(*impl_, lexicon, impl_->sentence, text.folded, defined, &evaluator, &hits);
    ListLeads leads(outline, text.folded, lexicon);
    for (std::size_t u = 0; u < outline.units.size(); ++u) {
      if (hits.size() >= keep) break;
      const Unit& unit = outline.units[u];
      if (unit.kind == UnitKind::kHeading) continue;
      runner.Run(unit.begin, unit.end, unit.section, &leads, u);
    }
  }
  const std::size_t sentence_hits = hits.size();
  if (!impl_->paragraph.empty()) {
    const std::vector<char> has_text = ParagraphsWithText(outline);
    ScopeRunner runner(*impl_, lexicon, impl_->paragraph, text.folded, defined, &evaluator, &hits);
    for (std::size_t p = 0; p < outline.paragraphs.size(); ++p) {
      if (hits.size() - sentence_hits >= keep) break;
      const Paragraph& paragraph = outline.paragraphs[p];
      if (has_text[p]) runner.Run(paragraph.begin, paragraph.end, paragraph.section);
    }
  }
  if (sentence_hits > 0 && hits.size() > sentence_hits) {
    std::sort(hits.begin(), hits.end(), [](const RuleHit& a, const RuleHit& b) {
      return std::tie(a.begin, a.rule, a.end) < std::tie(b.begin, b.rule, b.end);
    });
  }
  if (hits.size() > keep) hits.resize(keep);
  return hits;
}

}  // namespace clausescan::internal

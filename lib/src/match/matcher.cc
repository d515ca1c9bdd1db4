// Matching works per scope unit. Per scope, every distinct `all` and `none` pattern of the rules
// of that scope lives in a PatternIndex, which finds the patterns that occur in a unit through
// their required literals. A table maps each pattern to the (rule, group) pairs that use it, so
// the per-rule logic (every group hit, no `none` hit) only runs for rules with a pattern in the
// unit, and definitions, duty holders and parameters only for units where a rule holds.
#include "match/matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "match/capitalised_incidents.h"
#include "match/defined_terms.h"
#include "match/fallback.h"
#include "match/following_deadlines.h"
#include "match/glossary_entries.h"
#include "match/inline_definitions.h"
#include "match/lead_clauses.h"
#include "match/list_extent.h"
#include "match/list_leads.h"
#include "match/measure_headings.h"
#include "match/pattern_index.h"
#include "match/references.h"
#include "params/extract.h"
#include "params/party.h"
#include "structure/inline_list.h"

namespace clausescan::internal {
namespace {

constexpr int kNoneGroup = -1;

// One use of a pattern: rule `rule` has it in group `group` of `all`, or in `none`.
struct PatternUse {
  int rule = 0;
  int group = kNoneGroup;
};

// The compiled patterns of one scope and the uses of each.
struct ScopePatterns {
  PatternIndex index;
  // The uses of pattern i are uses[use_begin[i] .. use_begin[i + 1]).
  std::vector<int> use_begin;
  std::vector<PatternUse> uses;

  bool empty() const { return index.empty(); }
};

// A rule as the matcher runs it.
struct CompiledRule {
  Party party = Party::kUnknown;
  bool definitions = false;
  // Of a category with `headings: measures` (Rule::measure_headings): holds in an item under a
  // heading that names security measures when it holds with the duty that heading implies
  // (match/measure_headings.h).
  bool measures = false;
  int groups = 0;       // rule.all.size()
  int first_group = 0;  // index of group 0 in the flat numbering of all rules' groups
  ParamExtractor params;
  std::string category;
};

// Builds one scope: distinct patterns and the uses of each.
class ScopeBuilder {
 public:
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

  // Builds *out (left empty when no pattern was added); an error names the first rule that uses
  // a pattern RE2 rejects.
  std::optional<Error> Finish(const MatcherOptions& options, ScopePatterns* out) {
    out->use_begin.push_back(0);
    for (const std::vector<PatternUse>& uses : uses_) {
      out->uses.insert(out->uses.end(), uses.begin(), uses.end());
      out->use_begin.push_back(static_cast<int>(out->uses.size()));
    }
    if (auto invalid = out->index.Build(std::move(patterns_), options.each_pattern,
                                        options.patterns_checked)) {
      const auto& [pattern, error] = *invalid;
      return Error(ErrorCode::kRuleError,
                   fmt::format("invalid pattern '{}': {}", out->index.pattern(pattern), error),
                   *origins_[pattern].file, origins_[pattern].line);
    }
    return std::nullopt;
  }

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

  std::map<std::string, int> index_;
  std::vector<std::string> patterns_;
  std::vector<Origin> origins_;  // the first rule that uses each pattern
  std::vector<std::vector<PatternUse>> uses_;
};

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
        group_count_(rules.rules.size(), 0),
        possible_stamp_(rules.total_groups, 0),
        possible_rule_stamp_(rules.rules.size(), 0),
        possible_count_(rules.rules.size(), 0),
        remaining_(rules.total_groups, 0),
        met_stamp_(rules.total_groups, 0),
        dead_stamp_(rules.rules.size(), 0) {}

  // The rules of patterns' scope whose every group and no `none` pattern occurs in unit, by
  // index. scratch belongs to patterns. Valid until the next call.
  const std::vector<int>& Evaluate(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                                   std::string_view unit);

 private:
  void NextEpoch();
  void Record(const PatternUse& use);
  // Fills hits_ with the patterns that occur in unit among those a rule could need, and starts
  // a new epoch.
  void RunFeasible(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                   std::string_view unit);

  const CompiledRules& rules_;
  std::vector<int> hits_;
  std::vector<std::uint32_t> group_stamp_;  // by flat group
  std::vector<std::uint32_t> rule_stamp_;   // by rule: group_count_ is valid for this epoch
  std::vector<std::uint32_t> none_stamp_;   // by rule: a `none` pattern occurs
  std::vector<int> group_count_;            // by rule: groups that occur
  // Before matching: groups with a candidate pattern, and per rule how many (see RunFeasible).
  std::vector<std::uint32_t> possible_stamp_;       // by flat group
  std::vector<std::uint32_t> possible_rule_stamp_;  // by rule: possible_count_ valid
  std::vector<int> possible_count_;
  std::vector<int> remaining_;             // by flat group: candidates not yet decided
  std::vector<std::uint32_t> met_stamp_;   // by flat group: a pattern of it occurs
  std::vector<std::uint32_t> dead_stamp_;  // by rule: a group has no candidate left
  std::vector<int> touched_;
  std::vector<int> passed_;
  std::uint32_t epoch_ = 0;
};

void UnitEvaluator::NextEpoch() {
  if (++epoch_ != 0) return;
  std::fill(group_stamp_.begin(), group_stamp_.end(), 0);
  std::fill(rule_stamp_.begin(), rule_stamp_.end(), 0);
  std::fill(none_stamp_.begin(), none_stamp_.end(), 0);
  std::fill(possible_stamp_.begin(), possible_stamp_.end(), 0);
  std::fill(possible_rule_stamp_.begin(), possible_rule_stamp_.end(), 0);
  std::fill(met_stamp_.begin(), met_stamp_.end(), 0);
  std::fill(dead_stamp_.begin(), dead_stamp_.end(), 0);
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

// A rule can only hold when each of its groups has a candidate pattern (one whose atoms occur),
// so only the candidates of such rules are run ("is|are|be" occurs nearly everywhere, the other
// group of its rules rarely); a group already met needs no more of its patterns, and a rule dies
// once a group has run out of candidates unmet.
void UnitEvaluator::RunFeasible(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                                std::string_view unit) {
  const std::vector<int>& candidates = patterns.index.CandidatesIn(unit, scratch);
  NextEpoch();
  for (int pattern : candidates) {
    for (int u = patterns.use_begin[pattern]; u < patterns.use_begin[pattern + 1]; ++u) {
      const PatternUse& use = patterns.uses[u];
      if (use.group == kNoneGroup) continue;
      const int flat = rules_.rules[use.rule].first_group + use.group;
      if (possible_stamp_[flat] != epoch_) {
        possible_stamp_[flat] = epoch_;
        remaining_[flat] = 0;
        if (possible_rule_stamp_[use.rule] != epoch_) {
          possible_rule_stamp_[use.rule] = epoch_;
          possible_count_[use.rule] = 0;
        }
        ++possible_count_[use.rule];
      }
      ++remaining_[flat];
    }
  }
  auto alive = [&](int rule) {
    return possible_rule_stamp_[rule] == epoch_ &&
           possible_count_[rule] == rules_.rules[rule].groups && dead_stamp_[rule] != epoch_;
  };
  hits_.clear();
  for (int pattern : candidates) {
    const int first = patterns.use_begin[pattern];
    const int last = patterns.use_begin[pattern + 1];
    bool wanted = false;
    for (int u = first; u < last && !wanted; ++u) {
      const PatternUse& use = patterns.uses[u];
      wanted =
          alive(use.rule) && (use.group == kNoneGroup ||
                              met_stamp_[rules_.rules[use.rule].first_group + use.group] != epoch_);
    }
    const bool hit = wanted && patterns.index.Occurs(pattern, unit, scratch);
    if (hit) hits_.push_back(pattern);
    for (int u = first; u < last; ++u) {
      const PatternUse& use = patterns.uses[u];
      if (use.group == kNoneGroup) continue;
      const int flat = rules_.rules[use.rule].first_group + use.group;
      if (hit) met_stamp_[flat] = epoch_;
      if (--remaining_[flat] == 0 && met_stamp_[flat] != epoch_) dead_stamp_[use.rule] = epoch_;
    }
  }
}

const std::vector<int>& UnitEvaluator::Evaluate(const ScopePatterns& patterns,
                                                PatternIndex::Scratch* scratch,
                                                std::string_view unit) {
  passed_.clear();
  if (patterns.index.each_pattern()) {
    if (!patterns.index.Match(unit, scratch, &hits_)) return passed_;
    NextEpoch();
  } else {
    RunFeasible(patterns, scratch, unit);  // starts the epoch
    if (hits_.empty()) return passed_;
  }
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

// True when the clause starting at `begin` of unit follows a coordinator or a stop that opens a
// main clause ("..., and the supplier shall", "... but the supplier will", "; the supplier"),
// not a word that makes its subject an object ("upon notice from licensor pay licensor").
bool OpensMainClause(std::string_view unit, std::size_t begin) {
  std::string_view before = unit.substr(0, std::min(begin, unit.size()));
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return false;
  if (before.back() == ',' || before.back() == ';' || before.back() == ':') return true;
  const std::size_t space = before.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? before : before.substr(space + 1);
  for (std::string_view word : {"and", "but", "while", "whereas", "or", "then", "yet"}) {
    if (last == word) return true;
  }
  return false;
}

// Runs one scope over a document, appending hits.
class ScopeRunner {
 public:
  ScopeRunner(const CompiledRules& rules, const PartyLexicon& parties,
              const ScopePatterns& patterns, const NormalizedText& text,
              const DefinedTerms& defined, UnitEvaluator* evaluator, std::vector<RuleHit>* hits,
              const Antecedents* antecedents = nullptr)
      : rules_(rules),
        parties_(parties),
        patterns_(patterns),
        scratch_(patterns.index),
        folded_(text.folded),
        cased_(text.text),
        defined_(defined),
        defines_incident_(defined.glossary.Defines("incident", TermKind::kEvent)),
        evaluator_(evaluator),
        hits_(hits),
        antecedents_(antecedents) {}

  // Matches the unit [begin, end) of the folded view, in section `section`. Parameters come
  // from the whole unit; when the rule holds in just one item of a list inside the unit (see
  // FindInlineList), the numbers, words and flags that item and the list's lead-in state win
  // (sets stay the whole unit's), so "(a) notify within 24 hours; and (b) delete within 30
  // days" gives the deletion rule 30 days. With leads, the unit is units[unit] of the outline
  // leads reads: a list item also counts for the rules that hold in its lead-ins and it together
  // but in neither alone (their parameters come from both), and a list item that names no duty
  // holder takes its lead-in's (see ListLeads).
  // With under_measures (a unit under a heading that names security measures, see
  // MeasureHeadings and ReadsAsMeasure), a unit that states no duty and names no holder, with no
  // lead-in or one that states no duty either, is also read after the duty the heading implies
  // (kMeasuresHeadingLead): the rules of a category with `headings: measures` that hold only so
  // hold in it, as the supplier's duty.
  void Run(std::size_t begin, std::size_t end, int section, ListLeads* leads = nullptr,
           std::size_t unit_index = 0, bool under_measures = false);

 private:
  // Each item of a unit's inline list, after the lead-in, and the rules that hold in it.
  struct ItemTexts {
    std::vector<std::string> texts;
    std::vector<std::vector<int>> passed;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // each item's bytes in the unit
    // The text `rule` reads its parameters from: the one item it holds in, else the unit.
    std::string_view For(int rule, std::string_view unit) const;
    // The index of the one item `rule` holds in; -1 when it holds in none or in several.
    int OnlyItem(int rule) const;
  };

  // The item of the unit's inline list a hit of `rule` is narrowed to: the one item it holds in,
  // when another rule of `passed`, of another category, holds in exactly one other item ("Supabase
  // shall: (a) limit access to personnel who need it; and (b) ensure those personnel are bound
  // to confidentiality": a security measure and a processor's duty, two provisions of one
  // sentence). -1 when the hit keeps the unit.
  int ProvisionItem(int rule, const std::vector<int>& passed, const ItemTexts& items) const;
  ItemTexts RuleItems(std::string_view unit);
  // The later duties of a sentence (DutyClauses) and the rules that hold in each, computed once
  // per unit when a rule is about the party its first duty is not.
  struct LaterDuties {
    bool done = false;
    std::vector<DutyClause> clauses;
    std::vector<std::vector<int>> passed;
    bool first_done = false;
    std::vector<int> first_passed;  // the rules that hold up to the end of the first duty
  };
  // The later duty of unit, held by `party` or by both, in which rule holds by itself
  // ("customer shall provide the logs and provider shall notify ..."), or nullptr.
  const DutyClause* LaterDuty(int rule, Party party, std::string_view unit, LaterDuties* later);
  // The duty of a sentence whose first duty is held by first_party that states rule when that
  // first duty does not: the first later duty held by another party in which rule holds by
  // itself, when the text up to the end of the first duty does not hold it ("customer will pay
  // the fees but supplier will encrypt ..." is the supplier's encryption), or nullptr. Run asks
  // it for rules of any party, and for a rule of one party when the first duty binds both (a rule
  // of one party otherwise keeps its own later duty, LaterDuty).
  const DutyClause* DutyThatStates(int rule, Party first_party, std::string_view unit,
                                   LaterDuties* later);
  // The rules of a category with `headings: measures` that hold in unit only after
  // kMeasuresHeadingLead, sorted; empty unless unit states no duty and names no holder.
  std::vector<int> UnderMeasuresHeading(std::string_view unit);
  // The rules that hold in lead-in text read alone; valid until the next call. The items of a
  // list share their lead-ins, which are read once for all of them in a row.
  const std::vector<int>& RulesOfLead(std::string_view lead);

  const CompiledRules& rules_;
  const PartyLexicon& parties_;
  const ScopePatterns& patterns_;
  PatternIndex::Scratch scratch_;
  std::string_view folded_;
  std::string_view cased_;  // the text folded_ folds, the same length
  const DefinedTerms& defined_;
  bool defines_incident_;  // the document defines "Incident" (read by its definition)
  UnitEvaluator* evaluator_;
  std::vector<RuleHit>* hits_;
  const Antecedents* antecedents_;  // for sentences: what their references name, or nullptr
  bool InDefinitionsSection(int section) const {
    const int scope = defined_.ScopeOf(section);
    return scope >= 0 && static_cast<std::size_t>(scope) < defined_.definitions.size() &&
           defined_.definitions[static_cast<std::size_t>(scope)] != 0;
  }
  std::optional<std::vector<int>> measures_lead_alone_;  // rules holding in the lead alone
  std::string last_lead_;           // the lead-in text RulesOfLead read last
  bool last_lead_read_ = false;
  std::vector<int> lead_rules_;  // the rules that hold in last_lead_
};

// How far before an item that states a clause alone its lead-in may start for the finding to
// quote it (issue 11 #2).
constexpr std::size_t kNearLeadBytes = 1024;

void ScopeRunner::Run(std::size_t begin, std::size_t end, int section, ListLeads* leads,
                      std::size_t unit_index, bool under_measures) {
  if (begin >= end || end > folded_.size()) return;  // outside the contract of Outline
  const std::string_view unit = folded_.substr(begin, end - begin);
  std::vector<int> passed = evaluator_->Evaluate(patterns_, &scratch_, unit);
  // A clause that names a term on the way ("its subcontractors (each, a "Subprocessor") shall")
  // is also read without the naming (issue 11 #1); the rules that hold in either reading hold.
  const std::optional<std::string> elided = ElideInlineDefinitions(unit);
  // A sentence that refers to an incident an earlier one named ("report the incident") is also
  // read with the reference resolved ("report the security incident", issue 11 #4).
  const std::optional<std::string> resolved =
      antecedents_ != nullptr ? antecedents_->Resolve(elided ? *elided : unit, section)
                              : std::nullopt;
  // "notify the Customer of any Incident" in a document that defines no "Incident" is also read
  // as "... any security incident" (issue 11, engine limits #6).
  const std::optional<std::string> capitalised =
      cased_.size() == folded_.size()
          ? ReadCapitalisedIncidents(cased_.substr(begin, end - begin), unit, defines_incident_)
          : std::nullopt;
  // "notify the Customer of any Incident" where '"Incident" means any unauthorised access to
  // ...' is also read as "... any security incident" (engine limits 2 #1).
  const std::optional<std::string> conceptual =
      cased_.size() == folded_.size()
          ? defined_.concepts.Read(cased_.substr(begin, end - begin), unit)
          : std::nullopt;
  for (const std::optional<std::string>* reading :
       {&elided, &resolved, &capitalised, &conceptual}) {
    if (!*reading) continue;
    const std::vector<int>& also = evaluator_->Evaluate(patterns_, &scratch_, **reading);
    std::vector<int> both;
    std::set_union(passed.begin(), passed.end(), also.begin(), also.end(),
                   std::back_inserter(both));
    passed = std::move(both);
  }
  // Rules that hold only with the lead-in before the item ("provider shall: (a) encrypt ...").
  std::vector<int> with_lead;
  std::string joined;
  std::string flowing;            // the lead-in and the item as one sentence (FlowingLeadIn)
  std::vector<int> only_flowing;  // the rules that hold only in flowing
  const LeadContext lead = leads != nullptr ? leads->For(unit_index) : LeadContext();
  if (!lead.text.empty()) {
    const std::vector<int>& lead_alone = RulesOfLead(lead.text);
    joined.reserve(lead.text.size() + 1 + unit.size());
    joined.append(lead.text).append(" ").append(unit);
    std::vector<int> together = evaluator_->Evaluate(patterns_, &scratch_, joined);
    // Also as the one sentence they make ("customer data must be:" / "(b) deleted within 30
    // days": "... must be deleted within 30 days", engine limits 3 #4); a rule that holds only
    // so reads its parameters there.
    if (std::optional<std::string> reading = FlowingLeadIn(lead.text, unit)) {
      flowing = std::move(*reading);
      const std::vector<int>& also = evaluator_->Evaluate(patterns_, &scratch_, flowing);
      std::set_difference(also.begin(), also.end(), together.begin(), together.end(),
                          std::back_inserter(only_flowing));
      std::vector<int> both;
      std::set_union(together.begin(), together.end(), also.begin(), also.end(),
                     std::back_inserter(both));
      together = std::move(both);
    }
    for (int index : together) {
      if (!std::binary_search(passed.begin(), passed.end(), index) &&
          !std::binary_search(lead_alone.begin(), lead_alone.end(), index)) {
        with_lead.push_back(index);
      }
    }
    passed.insert(passed.end(), with_lead.begin(), with_lead.end());
    std::sort(passed.begin(), passed.end());
  }
  // A rule that needs the lead-in reports the clause from the lead-in that states the duty
  // (issue 11 #2): the item's own lead-in when it is enough, else the outermost one read.
  std::vector<int> inner_enough;
  if (!with_lead.empty() && lead.inner_begin != lead.begin) {
    std::string inner(lead.text.substr(lead.inner_text_offset));
    inner.append(" ").append(unit);
    inner_enough = evaluator_->Evaluate(patterns_, &scratch_, inner);
  }
  std::vector<int> from_heading;
  // A lead-in that states no duty and names no holder ("The measures are:") lends none.
  if (under_measures &&
      (lead.text.empty() || (lead.holder == Party::kUnknown && !StatesDuty(lead.text)))) {
    for (int index : UnderMeasuresHeading(unit)) {
      if (!std::binary_search(passed.begin(), passed.end(), index)) from_heading.push_back(index);
    }
    passed.insert(passed.end(), from_heading.begin(), from_heading.end());
    std::sort(passed.begin(), passed.end());
  }
  if (passed.empty()) return;
  // An item of a list of definitions defines a term, as its lead-in says (issue 11 #2).
  // So does an entry of a definitions section set apart by a dash, a colon or a line break
  // ("Audit - any audit of the Supplier ..."), unless it states a duty (engine limits #4).
  const bool defines =
      DefinesATerm(unit, elided) ||
      (!lead.text.empty() && IntroducesDefinitions(lead.text.substr(lead.inner_text_offset))) ||
      (InDefinitionsSection(section) && cased_.size() == folded_.size() &&
       IsGlossaryEntry(cased_.substr(begin, end - begin)) && !StatesDuty(unit));
  const UnitFacts facts{
      defines, leads != nullptr ? leads->HolderOf(unit_index) : DutyHolder(unit, parties_)};
  const ItemTexts items = RuleItems(unit);
  LaterDuties later;
  ParamMemo memo;  // the texts it reads (unit, joined, flowing, items) outlive it
  for (int index : passed) {
    const CompiledRule& rule = rules_.rules[index];
    if (facts.definition && !rule.definitions) continue;
    const bool needs_lead = std::binary_search(with_lead.begin(), with_lead.end(), index);
    std::string_view said = !needs_lead ? unit
                            : std::binary_search(only_flowing.begin(), only_flowing.end(), index)
                                ? std::string_view(flowing)
                                : std::string_view(joined);
    RuleHit hit;
    hit.party = std::binary_search(from_heading.begin(), from_heading.end(), index)
                    ? Party::kSupplier
                    : facts.duty_holder;
    // A first duty of both sides lends a rule of one side the later duty of that side that
    // states the rule alone ("Each party shall comply ...; the Supplier shall in addition
    // notify ...").
    if ((rule.party == Party::kUnknown || hit.party == Party::kMutual) && !needs_lead &&
        lead.text.empty() && hit.party != Party::kUnknown) {
      if (const DutyClause* own = DutyThatStates(index, hit.party, unit, &later);
          own != nullptr && !OtherParty(rule.party, own->party)) {
        hit.party = own->party;
        said = unit.substr(own->begin, own->end - own->begin);
      }
    }
    if (OtherParty(rule.party, hit.party)) {
      const DutyClause* duty = needs_lead ? nullptr : LaterDuty(index, rule.party, unit, &later);
      if (duty == nullptr) continue;
      hit.party = duty->party;
      said = unit.substr(duty->begin, duty->end - duty->begin);
    }
    hit.rule = index;
    hit.begin = begin;
    if (needs_lead) {
      hit.begin = lead.inner_begin == lead.begin ||
                          std::binary_search(inner_enough.begin(), inner_enough.end(), index)
                      ? lead.inner_begin
                      : lead.begin;
    }
    hit.end = end;
    if (!needs_lead && said.data() == unit.data() && lead.text.empty()) {
      if (const int item = ProvisionItem(index, passed, items); item >= 0) {
        hit.begin = begin + items.ranges[item].first;
        hit.end = begin + items.ranges[item].second;
      }
    }
    hit.section = section;
    rule.params.Extract(said, &hit.parameters, &memo);
    rule.params.ExtractDefined(said, defined_.glossary, defined_.ScopeOf(section), &hit.parameters);
    const std::string_view item = said.data() != unit.data() ? said : items.For(index, unit);
    if (item.data() != said.data()) {
      std::map<std::string, ParamValue> precise;
      rule.params.Extract(item, &precise, &memo);
      rule.params.ExtractDefined(item, defined_.glossary, defined_.ScopeOf(section), &precise);
      for (auto& [name, value] : precise) {
        // A set ("measures", "scope") gathers what the whole clause lists; a number or a word
        // is one statement, which the item makes precise.
        if (!std::holds_alternative<std::vector<std::string>>(value)) {
          hit.parameters[name] = std::move(value);
        }
      }
    }
    // The items of a list that need its lead-in are one clause with it (issue 11 #2); so is an
    // item that holds alone but names no duty holder of its own, unless it states a duty of its
    // own under a lead-in that states none ("Upon termination:" then "(c) Each recipient will
    // destroy ..."), when the lead-in is near: a few lines, not a page of other items, to quote
    // before it.
    RuleHit* clause = nullptr;
    if (needs_lead) {
      clause = LeadClauseOf(hits_, index, hit.begin);
    } else if (!lead.text.empty() && DutyHolder(unit, parties_) == Party::kUnknown &&
               (lead.holder != Party::kUnknown || !StatesDuty(unit) ||
                StatesDuty(lead.text.substr(lead.inner_text_offset)))) {
      clause = LeadClauseOf(hits_, index, lead.inner_begin);
      if (clause == nullptr && lead.begin != lead.inner_begin) {
        clause = LeadClauseOf(hits_, index, lead.begin);
      }
      if (clause == nullptr && begin - lead.inner_begin <= kNearLeadBytes) {
        hit.begin = lead.inner_begin;
        AddLeadInFlags(rule.params, lead.text.substr(lead.inner_text_offset), &hit);
      }
    }
    if (clause != nullptr) {
      ExtendLeadClause(hit, clause);
    } else {
      hits_->push_back(std::move(hit));
    }
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

const DutyClause* ScopeRunner::DutyThatStates(int rule, Party first_party, std::string_view unit,
                                              LaterDuties* later) {
  if (!later->done) LaterDuty(rule, first_party, unit, later);  // computes the clauses
  if (later->clauses.size() < 2 || later->clauses[0].party != first_party) return nullptr;
  const DutyClause* own = nullptr;
  for (std::size_t k = 1; k < later->clauses.size() && own == nullptr; ++k) {
    const DutyClause& c = later->clauses[k];
    const std::vector<int>& holds = later->passed[k - 1];
    if (c.party != first_party && c.party != Party::kUnknown && OpensMainClause(unit, c.begin) &&
        std::binary_search(holds.begin(), holds.end(), rule)) {
      own = &c;
    }
  }
  if (own == nullptr) return nullptr;
  if (!later->first_done) {
    later->first_done = true;
    later->first_passed =
        evaluator_->Evaluate(patterns_, &scratch_, unit.substr(0, later->clauses[0].end));
  }
  return std::binary_search(later->first_passed.begin(), later->first_passed.end(), rule) ? nullptr
                                                                                          : own;
}

std::vector<int> ScopeRunner::UnderMeasuresHeading(std::string_view unit) {
  std::vector<int> out;
  if (StatesDuty(unit) || DutyHolder(unit, parties_) != Party::kUnknown) return out;
  if (!measures_lead_alone_) {
    measures_lead_alone_ = evaluator_->Evaluate(patterns_, &scratch_, kMeasuresHeadingLead);
  }
  std::string read(kMeasuresHeadingLead);
  read.append(" ").append(unit);
  for (int index : evaluator_->Evaluate(patterns_, &scratch_, read)) {
    if (rules_.rules[index].measures &&
        !std::binary_search(measures_lead_alone_->begin(), measures_lead_alone_->end(), index)) {
      out.push_back(index);
    }
  }
  return out;
}

const std::vector<int>& ScopeRunner::RulesOfLead(std::string_view lead) {
  if (!last_lead_read_ || lead != last_lead_) {
    lead_rules_ = evaluator_->Evaluate(patterns_, &scratch_, lead);
    last_lead_.assign(lead);
    last_lead_read_ = true;
  }
  return lead_rules_;
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
    out.ranges.emplace_back(item_begin, item_end);
  }
  return out;
}

int ScopeRunner::ItemTexts::OnlyItem(int rule) const {
  int only = -1;
  for (std::size_t k = 0; k < passed.size(); ++k) {
    if (std::find(passed[k].begin(), passed[k].end(), rule) == passed[k].end()) continue;
    if (only != -1) return -1;
    only = static_cast<int>(k);
  }
  return only;
}

int ScopeRunner::ProvisionItem(int rule, const std::vector<int>& passed,
                               const ItemTexts& items) const {
  const int own = items.OnlyItem(rule);
  if (own < 0) return -1;
  const std::string& category = rules_.rules[rule].category;
  bool of_own_category_elsewhere = false;
  bool other_category_apart = false;
  for (int other : passed) {
    if (other == rule) continue;
    const int item = items.OnlyItem(other);
    if (rules_.rules[other].category == category) {
      // a rule of the same category elsewhere in the sentence: the category is not one item's
      if (item != own) of_own_category_elsewhere = true;
    } else if (item >= 0 && item != own) {
      other_category_apart = true;
    }
  }
  return other_category_apart && !of_own_category_elsewhere ? own : -1;
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

struct Matcher::Impl : CompiledRules {
  std::vector<RuleDurations> durations;  // by rule, for TakeDeadlinesFromNextSentence
  std::shared_ptr<const ConceptReadings> term_readings;  // may be null
};

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties) {
  return Compile(rules, parties, MatcherOptions());
}

Result<std::unique_ptr<Matcher>> Matcher::Compile(
    const std::vector<Rule>& rules, const PartyLexicon& parties, const MatcherOptions& options,
    std::shared_ptr<const ConceptReadings> term_readings) {
  std::unique_ptr<Matcher> matcher(new Matcher());
  Impl& impl = *matcher->impl_;
  impl.term_readings = std::move(term_readings);
  impl.parties = parties;
  ScopeBuilder sentence;
  ScopeBuilder paragraph;
  ParamExtractor::Pool shared_params;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    Result<ParamExtractor> params =
        ParamExtractor::Compile(rule.parameters, rule.file, &shared_params);
    if (!params) return params.error();
    CompiledRule compiled{rule.party,
                          rule.definitions,
                          rule.measure_headings,
                          static_cast<int>(rule.all.size()),
                          impl.total_groups,
                          std::move(*params),
                          rule.category};
    impl.total_groups += compiled.groups;
    impl.rules.push_back(std::move(compiled));
    (rule.scope == Scope::kParagraph ? paragraph : sentence).Add(rule, static_cast<int>(i));
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    impl.durations.push_back({&impl.rules[i].params, DurationNames(rules[i].parameters)});
  }
  if (auto error = sentence.Finish(options, &impl.sentence)) return *error;
  if (auto error = paragraph.Finish(options, &impl.paragraph)) return *error;
  return matcher;
}

std::vector<RuleHit> Matcher::Match(const NormalizedText& text, const Outline& outline,
                                    std::size_t max_hits, const PartyLexicon* parties) const {
  const PartyLexicon& lexicon = parties != nullptr ? *parties : impl_->parties;
  // Each scope's hits come in document order, so the first `keep` of the merged list are among
  // the first `keep` of each scope: a scope stops once it has that many.
  // max_hits 0 and the largest size (whose + 1 would wrap to 0) both keep every hit.
  const std::size_t keep =
      max_hits == 0 || max_hits == SIZE_MAX ? SIZE_MAX : max_hits + 1;
  std::vector<RuleHit> hits;
  UnitEvaluator evaluator(*impl_);
  const DefinedTerms defined = CollectDefinedTerms(text, outline, impl_->term_readings.get());
  if (!impl_->sentence.empty()) {
    Antecedents antecedents;
    ScopeRunner runner(*impl_, lexicon, impl_->sentence, text, defined, &evaluator, &hits,
                       &antecedents);
    ListLeads leads(outline, text.folded, lexicon);
    MeasureHeadings measures(outline, text.folded, lexicon);
    for (std::size_t u = 0; u < outline.units.size(); ++u) {
      if (hits.size() >= keep) break;
      const Unit& unit = outline.units[u];
      if (unit.begin >= unit.end || unit.end > text.folded.size()) continue;  // never, by Segment
      const std::string_view said =
          std::string_view(text.folded).substr(unit.begin, unit.end - unit.begin);
      if (unit.kind == UnitKind::kHeading) {
        antecedents.See(
            said, unit.section, /*heading=*/true,
            unit.section >= 0 && static_cast<std::size_t>(unit.section) < outline.sections.size()
                ? outline.sections[unit.section].level
                : 0);
        continue;
      }
      const bool under_measures = measures.Under(u) && ReadsAsMeasure(said);
      runner.Run(unit.begin, unit.end, unit.section, &leads, u, under_measures);
      antecedents.See(said, unit.section);
    }
  }
  // "... of any Security Incident. The notice shall be given within 24 hours." (limits 3 #2)
  TakeDeadlinesFromNextSentence(outline, text.folded, impl_->durations, 0, &hits);
  ExtendListClauses(outline, text.folded, lexicon, &hits);
  const std::size_t sentence_hits = hits.size();
  if (!impl_->paragraph.empty()) {
    const std::vector<char> has_text = ParagraphsWithText(outline);
    ScopeRunner runner(*impl_, lexicon, impl_->paragraph, text, defined, &evaluator, &hits);
    for (std::size_t p = 0; p < outline.paragraphs.size(); ++p) {
      if (hits.size() - sentence_hits >= keep) break;
      const Paragraph& paragraph = outline.paragraphs[p];
      if (has_text[p]) runner.Run(paragraph.begin, paragraph.end, paragraph.section);
    }
  }
  // Paragraph hits, and list items reported from their lead-in, start before hits already made.
  const auto by_place = [](const RuleHit& a, const RuleHit& b) {
    return std::tie(a.begin, a.rule, a.end) < std::tie(b.begin, b.rule, b.end);
  };
  if (!std::is_sorted(hits.begin(), hits.end(), by_place)) {
    std::sort(hits.begin(), hits.end(), by_place);
  }
  if (hits.size() > keep) hits.resize(keep);
  return hits;
}

}  // namespace clausescan::internal

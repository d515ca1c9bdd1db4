// Runs the rules of one scope over the units of a document: the readings of each unit (inline
// definitions elided, references resolved, defined incidents read as concepts), list items with
// their lead-ins, duties of the other party, and the parameters each hit reads.
#ifndef CLAUSESCAN_MATCH_SCOPE_RUNNER_H_
#define CLAUSESCAN_MATCH_SCOPE_RUNNER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "match/compiled_rules.h"
#include "match/defined_terms.h"
#include "match/list_leads.h"
#include "match/matcher.h"
#include "match/pattern_index.h"
#include "match/references.h"
#include "match/unit_evaluator.h"
#include "params/party.h"
#include "text/normalize.h"

namespace clausescan::internal {

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
  // With a topic (an item of a list with no lead-in right under a heading that names its topic,
  // see TopicHeadings), a bulleted or lettered item that states no duty, names no holder and
  // reads as a provision (ReadsAsMeasure: no "may", "means", "includes" ...) is also read after
  // the topic as its lead-in ("sub-processors: maintain a current list on the website"): the rules that hold only
  // so hold in it, their parameters read there, the finding the item's.
  void Run(std::size_t begin, std::size_t end, int section, ListLeads* leads = nullptr,
           std::size_t unit_index = 0, bool under_measures = false,
           std::string_view topic = {});

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
  // The rules that hold in topic read after it (see Run) and not in unit or topic alone, sorted;
  // topical is set to that reading.
  std::vector<int> UnderTopicHeading(std::string_view topic, std::string_view unit,
                                     const std::vector<int>& passed, std::string* topical);
  std::optional<std::vector<int>> measures_lead_alone_;  // rules holding in the lead alone
  std::string last_topic_;                               // the topic topic_rules_ hold in
  std::vector<int> topic_rules_;
  std::string last_lead_;                                // the lead-in text RulesOfLead read last
  bool last_lead_read_ = false;
  std::vector<int> lead_rules_;  // the rules that hold in last_lead_
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_SCOPE_RUNNER_H_

#include "match/scope_runner.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "match/active_reading.h"
#include "match/capitalised_incidents.h"
#include "match/fallback.h"
#include "match/glossary_entries.h"
#include "match/inline_definitions.h"
#include "match/lead_clauses.h"
#include "match/measure_headings.h"
#include "match/pronoun_data.h"
#include "structure/inline_list.h"

namespace clausescan::internal {
namespace {

// What a unit says about itself, computed once per unit that some rule holds in.
struct UnitFacts {
  bool definition = false;
  Party duty_holder = Party::kUnknown;
};

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

// How far before an item that states a clause alone its lead-in may start for the finding to
// quote it (issue 11 #2).
constexpr std::size_t kNearLeadBytes = 1024;

}  // namespace

void ScopeRunner::Run(std::size_t begin, std::size_t end, int section, ListLeads* leads,
                      std::size_t unit_index, bool under_measures, std::string_view topic) {
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
  // "Customer Data shall not be used for ...", "you will be notified of ...", "personal data is
  // encrypted at rest" are also read in the active voice ("shall not use customer data for ...",
  // issue 11: passive and agentless drafting). The reading keeps the unit as written before the
  // active form, so that what a rule excludes in the passive as written ("will not be used to")
  // stays excluded.
  std::optional<std::string> active = ActiveReading(elided ? *elided : unit);
  if (active) active = std::string(elided ? *elided : unit).append("; ").append(*active);
  // "We will not use your data for advertising", where "you" is the customer, is also read as
  // "... customer data ..." (issue 11: we/you drafting).
  const std::optional<std::string> pronoun_data = PronounDataReading(unit, parties_);
  for (const std::optional<std::string>* reading :
       {&elided, &resolved, &capitalised, &conceptual,
        static_cast<const std::optional<std::string>*>(&active), &pronoun_data}) {
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
  std::string topical;  // the topic and the item, read as with a lead-in
  std::vector<int> from_topic;
  // Under a heading that names security measures, that heading's reading decides (above).
  if (!topic.empty() && lead.text.empty() && !under_measures) {
    from_topic = UnderTopicHeading(topic, unit, passed, &topical);
    passed.insert(passed.end(), from_topic.begin(), from_topic.end());
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
    const bool needs_topic = std::binary_search(from_topic.begin(), from_topic.end(), index);
    std::string_view said = needs_topic  ? std::string_view(topical)
                            : !needs_lead ? unit
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
        !needs_topic && lead.text.empty() && hit.party != Party::kUnknown) {
      if (const DutyClause* own = DutyThatStates(index, hit.party, unit, &later);
          own != nullptr && !OtherParty(rule.party, own->party)) {
        hit.party = own->party;
        said = unit.substr(own->begin, own->end - own->begin);
      }
    }
    if (OtherParty(rule.party, hit.party)) {
      const DutyClause* duty = needs_lead || needs_topic ? nullptr : LaterDuty(index, rule.party, unit, &later);
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

std::vector<int> ScopeRunner::UnderTopicHeading(std::string_view topic, std::string_view unit,
                                                const std::vector<int>& passed,
                                                std::string* topical) {
  std::vector<int> out;
  // An item that states a duty or names a holder says itself what it is about; a description
  // ("these values are ...", "the purpose ... is"), permission or definition is no provision of
  // the topic (ReadsAsMeasure).
  static const RE2 kDescribes("\\b(is|are)\\b", RE2::Quiet);
  if (StatesDuty(unit) || !ReadsAsMeasure(unit) || RE2::PartialMatch(unit, kDescribes) ||
      DutyHolder(unit, parties_) != Party::kUnknown) {
    return out;
  }
  if (topic != last_topic_ || last_topic_.empty()) {
    last_topic_.assign(topic);
    topic_rules_ = evaluator_->Evaluate(patterns_, &scratch_, topic);
  }
  topical->assign(topic).append(": ").append(unit);
  for (int index : evaluator_->Evaluate(patterns_, &scratch_, *topical)) {
    if (!std::binary_search(passed.begin(), passed.end(), index) &&
        !std::binary_search(topic_rules_.begin(), topic_rules_.end(), index)) {
      out.push_back(index);
    }
  }
  return out;
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

}  // namespace clausescan::internal

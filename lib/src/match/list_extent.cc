#include "match/list_extent.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace clausescan::internal {
namespace {

constexpr int kMaxDepth = 8;  // as Outline::leads nest

// True when the lead-in chain above units[unit] (lead_of: the lead-in of each unit, or -1)
// reaches units[lead].
bool Under(const std::vector<int>& lead_of, std::size_t unit, std::size_t lead) {
  int k = lead_of[unit];
  for (int n = 0; n < kMaxDepth && k >= 0; ++n, k = lead_of[static_cast<std::size_t>(k)]) {
    if (static_cast<std::size_t>(k) == lead) return true;
  }
  return false;
}

std::string_view UnitText(std::string_view folded, const Unit& unit) {
  if (unit.end > folded.size() || unit.begin >= unit.end) return {};
  return folded.substr(unit.begin, unit.end - unit.begin);
}

// True when the unit's text ends in ':' (before closing quotes or brackets).
bool EndsInColon(std::string_view folded, const Unit& unit) {
  if (unit.end > folded.size() || unit.begin >= unit.end) return false;
  std::string_view text = folded.substr(unit.begin, unit.end - unit.begin);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == ')' ||
                           text.back() == '"' || text.back() == '*')) {
    text.remove_suffix(1);
  }
  return !text.empty() && text.back() == ':';
}

// The last word of text before its end, past spaces and the given trailing characters.
std::string_view LastWord(std::string_view text, std::string_view trailing) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' ||
                           trailing.find(text.back()) != std::string_view::npos)) {
    text.remove_suffix(1);
  }
  const std::size_t space = text.find_last_of(" \n");
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// True when the lead-in ends in a verb its items go on with ("the Supplier shall:", "take all
// steps necessary to:"): each item is then a verb phrase of the lead-in's duty.
bool LeadsIntoVerbs(std::string_view lead) {
  const std::string_view word = LastWord(lead, ":*)\"");
  for (std::string_view verb : {"shall", "will", "must", "should", "to", "agrees", "undertakes"}) {
    if (word == verb) return true;
  }
  return false;
}

// True when the item states a duty of its own: a main clause whose subject is a party, not one
// inside a noun clause that the item lists ("details of how the Supplier shall ensure ...", what
// a plan sets out), nor, under a lead-in that leads into verbs, a clause after the item's own
// verb ("apply a fix and, if ..., the Supplier shall be granted relief": a proviso of the lead-
// in's duty; issue 11 engine limits #3). lead is the text of the item's lead-in.
bool NamesItsOwnHolder(std::string_view item, std::string_view lead, const PartyLexicon& lexicon) {
  for (const DutyClause& duty : DutyClauses(item, lexicon)) {
    if (duty.party == Party::kUnknown) continue;
    const std::string_view before = item.substr(0, duty.begin);
    const std::string_view word = LastWord(before, "");
    for (std::string_view wh : {"how", "what", "whether", "why", "which", "that", "whom"}) {
      if (word == wh) return false;
    }
    if (LeadsIntoVerbs(lead)) {
      // At most a marker and a conjunction before the subject: "(b) the Client shall ...".
      int words = 0;
      for (std::size_t i = 0; i < before.size(); ++i) {
        const bool starts = before[i] != ' ' && before[i] != '\n' &&
                            (i == 0 || before[i - 1] == ' ' || before[i - 1] == '\n');
        words += starts ? 1 : 0;
      }
      if (words > 2) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

void ExtendListClauses(const Outline& outline, std::string_view folded, const PartyLexicon& lexicon,
                       std::vector<RuleHit>* hits) {
  if (outline.leads.empty() || hits->empty()) return;
  const std::vector<Unit>& units = outline.units;
  std::vector<int> lead_of(units.size(), -1);
  std::vector<std::size_t> last_item(units.size(), 0);  // by lead-in: its last direct item
  for (const ListLead& link : outline.leads) {
    if (link.item >= units.size() || link.lead >= link.item) continue;
    lead_of[link.item] = static_cast<int>(link.lead);
    last_item[link.lead] = std::max<std::size_t>(last_item[link.lead], link.item);
  }
  std::unordered_map<std::size_t, std::size_t> lead_at;  // lead-ins by where they start
  for (const ListLead& link : outline.leads) {
    if (link.lead < units.size()) lead_at.emplace(units[link.lead].begin, link.lead);
  }
  // By unit of a list read: where the lead-in's duty that reaches the unit ends.
  std::vector<std::size_t> duty_end(units.size(), 0);
  std::vector<char> read(units.size(), 0);        // lead-ins whose list was read
  std::vector<char> own_holder(units.size(), 0);  // items that name their own duty holder
  std::unordered_map<std::size_t, std::size_t> unit_ending;  // list units by their end
  for (RuleHit& hit : *hits) {
    const auto found = lead_at.find(hit.begin);
    if (found == lead_at.end()) continue;
    const std::size_t lead = found->second;
    // A lead-in that holds alone is the clause of its list when it ends in ':' ("The events
    // below are excluded from this SLA:"); else the list's items were not read with it.
    const bool alone = hit.end <= units[lead].end;
    if (alone && !EndsInColon(folded, units[lead])) continue;
    if (read[lead] == 0) {
      read[lead] = 1;
      // The list's units, cut into runs before each item that names its own duty holder.
      std::size_t last = last_item[lead];
      for (std::size_t v = last + 1; v < units.size(); ++v) {
        if (units[v].kind == UnitKind::kHeading) break;
        const bool nested = lead_of[v] >= 0 && Under(lead_of, v, lead);
        const bool goes_on = lead_of[v] < 0 && units[v].kind == UnitKind::kSentence &&
                             units[v].paragraph == units[last].paragraph;
        if (!nested && !goes_on) break;
        last = v;
      }
      std::size_t run = lead + 1;
      for (std::size_t v = lead + 1; v <= last + 1; ++v) {
        const bool ends =
            v == last + 1 ||
            (lead_of[v] >= 0 && units[v].end <= folded.size() &&
             NamesItsOwnHolder(folded.substr(units[v].begin, units[v].end - units[v].begin),
                               UnitText(folded, units[static_cast<std::size_t>(lead_of[v])]),
                               lexicon));
        if (!ends) continue;
        if (v <= last) own_holder[v] = 1;
        for (std::size_t u = run; u < v; ++u) {
          duty_end[u] = units[v - 1].end;
          unit_ending.emplace(units[u].end, u);
        }
        run = v;
      }
    }
    std::size_t reached = lead + 1;
    if (!alone) {
      const auto unit = unit_ending.find(hit.end);
      if (unit == unit_ending.end()) continue;
      reached = unit->second;
    }
    if (reached >= units.size() || duty_end[reached] == 0 || (alone && own_holder[reached])) {
      continue;
    }
    hit.end = std::max<std::size_t>(hit.end, duty_end[reached]);
  }
}

}  // namespace clausescan::internal

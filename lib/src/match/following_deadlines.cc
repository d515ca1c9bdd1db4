#include "match/following_deadlines.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "params/quantities.h"

namespace clausescan::internal {
namespace {

// How far into the next sentence its pointing noun may start ("Provider will send the
// notification within ...").
constexpr std::size_t kPointerWithinBytes = 60;

// How many sentences that state no duration may stand between a clause and the sentence that
// gives its deadline.
constexpr std::size_t kSentencesBetween = 1;

struct ActNoun {
  const char* noun;   // the noun that points back, after a determiner
  const char* leads;  // what the sentence before says that the noun names
};

const ActNoun kActNouns[] = {
    {"notices?|notifications?", "notif|\\bnotice|\\binform|\\breport|\\balert|\\btell"},
    {"reports?", "\\breport"},
    {"deletion|destruction|erasure|return", "\\bdelet|\\bdestr|\\beras|\\breturn"},
};

const RE2& PointerOf(std::size_t i) {
  static const std::vector<std::unique_ptr<RE2>>* const kPointers = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>;
    for (const ActNoun& a : kActNouns) {
      out->push_back(std::make_unique<RE2>(
          std::string("\\b(?:the|such|this|that|said|any such|each such|these|those) (?:") +
          a.noun +
          ")\\b( (?:of|about|for|to|period|periods|address|addresses|details|"
          "provisions?|requirements?|clause|section)\\b)?"));
    }
    return out;
  }();
  return *(*kPointers)[i];
}

const RE2& LeadOf(std::size_t i) {
  static const std::vector<std::unique_ptr<RE2>>* const kLeads = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>;
    for (const ActNoun& a : kActNouns) out->push_back(std::make_unique<RE2>(a.leads));
    return out;
  }();
  return *(*kLeads)[i];
}

// The index of the unit that ends at `end`, or units.size().
std::size_t UnitEndingAt(const std::vector<Unit>& units, std::size_t end) {
  const auto it = std::lower_bound(units.begin(), units.end(), end,
                                   [](const Unit& u, std::size_t e) { return u.end < e; });
  return it != units.end() && it->end == end ? static_cast<std::size_t>(it - units.begin())
                                             : units.size();
}

bool StatesAny(const std::map<std::string, ParamValue>& parameters,
               const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return parameters.count(n) != 0; });
}

}  // namespace

std::vector<std::string> DurationNames(const std::vector<ParamSpec>& specs) {
  std::vector<std::string> out;
  for (const ParamSpec& spec : specs) {
    if (spec.type != ParamSpec::Type::kDuration) continue;
    out.push_back(spec.name);
    if (!spec.business_name.empty()) out.push_back(spec.business_name);
  }
  return out;
}

bool RefersToTheActBefore(std::string_view before, std::string_view next,
                          std::string_view between) {
  const std::string_view head = next.substr(0, kPointerWithinBytes);
  const re2::StringPiece piece(head.data(), head.size());
  const re2::StringPiece said(before.data(), before.size());
  const re2::StringPiece skipped(between.data(), between.size());
  for (std::size_t i = 0; i < std::size(kActNouns); ++i) {
    re2::StringPiece names_what;  // " of", " period"...: the noun is of something else
    if (!RE2::PartialMatch(piece, PointerOf(i), &names_what)) continue;
    if (names_what.data() != nullptr || !RE2::PartialMatch(said, LeadOf(i))) continue;
    // The noun names the nearest act it may name: one the sentence between leads to is that one.
    if (between.empty() || !RE2::PartialMatch(skipped, LeadOf(i))) return true;
  }
  return false;
}

void TakeDeadlinesFromNextSentence(const Outline& outline, std::string_view folded,
                                   const std::vector<RuleDurations>& rules, std::size_t first_hit,
                                   std::vector<RuleHit>* hits) {
  const std::vector<Unit>& units = outline.units;
  std::map<std::pair<int, std::size_t>, std::size_t> by_end;  // (rule, end) -> a sentence hit
  for (std::size_t h = first_hit; h < hits->size(); ++h) {
    by_end.emplace(std::make_pair((*hits)[h].rule, (*hits)[h].end), h);
  }
  std::vector<char> merged(hits->size(), 0);  // taken into the hit of the sentence before
  for (std::size_t h = first_hit; h < hits->size(); ++h) {
    RuleHit& hit = (*hits)[h];
    if (merged[h] || hit.rule < 0 || static_cast<std::size_t>(hit.rule) >= rules.size()) continue;
    const RuleDurations& rule = rules[static_cast<std::size_t>(hit.rule)];
    if (rule.names.empty() || rule.params == nullptr || StatesAny(hit.parameters, rule.names)) {
      continue;
    }
    const std::size_t u = UnitEndingAt(units, hit.end);
    if (u + 1 >= units.size() || units[u].kind == UnitKind::kHeading) continue;
    const std::string_view before = folded.substr(units[u].begin, units[u].end - units[u].begin);
    // The sentence that states the deadline: the next one, or the one after a sentence that
    // states no duration ("... informs the client of breaches. Also suspicions are to be
    // communicated. The notification must be made within 24 hours ...").
    std::size_t n = u + 1;
    std::string_view between;
    bool found = false;
    for (; n < units.size() && n <= u + 1 + kSentencesBetween; ++n) {
      const Unit& next = units[n];
      if (next.kind != UnitKind::kSentence || next.paragraph < 0 ||
          next.paragraph != units[u].paragraph || next.end > folded.size()) {
        break;
      }
      const std::string_view text = folded.substr(next.begin, next.end - next.begin);
      if (RefersToTheActBefore(before, text, between)) {
        found = true;
        break;
      }
      if (!FindDurations(text).empty()) break;
      between = text;
    }
    if (!found) continue;
    const Unit& next = units[n];
    const std::string_view text = folded.substr(next.begin, next.end - next.begin);
    // The next sentence's own finding of the rule, if any, is this clause's continuation.
    const auto own = by_end.find({hit.rule, next.end});
    std::map<std::string, ParamValue> stated;
    if (own != by_end.end() && own->second != h && (*hits)[own->second].begin == next.begin) {
      stated = (*hits)[own->second].parameters;
    } else if (own == by_end.end()) {
      rule.params->Extract(text, &stated);
    }
    if (!StatesAny(stated, rule.names)) continue;
    for (auto& [name, value] : stated) hit.parameters.emplace(name, std::move(value));
    hit.end = next.end;
    if (own != by_end.end()) merged[own->second] = 1;
  }
  std::size_t kept = first_hit;
  for (std::size_t h = first_hit; h < hits->size(); ++h) {
    if (merged[h]) continue;
    if (kept != h) (*hits)[kept] = std::move((*hits)[h]);
    ++kept;
  }
  hits->resize(kept);
}

}  // namespace clausescan::internal

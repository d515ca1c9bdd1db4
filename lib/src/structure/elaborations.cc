#include "structure/elaborations.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <vector>

namespace clausescan::internal {
namespace {

// The next word of text at *at (letters only), skipping spaces; empty at anything else.
std::string_view NextWord(std::string_view text, std::size_t* at) {
  std::size_t i = *at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
  std::size_t j = i;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])) != 0) ++j;
  *at = j;
  return text.substr(i, j - i);
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Nouns that name a duty or the measures a duty asks for.
bool IsDutyNoun(std::string_view word) {
  return IsOneOf(word, {"measure",     "measures",     "control",        "controls",
                        "safeguard",   "safeguards",   "step",           "steps",
                        "obligation",  "obligations",  "duty",           "duties",
                        "requirement", "requirements", "procedure",      "procedures",
                        "programme",   "program",      "programmes",     "programs",
                        "commitment",  "commitments",  "responsibility", "responsibilities",
                        "practices",   "processes",    "process",        "plan",
                        "plans",       "policy",       "policies",       "activities",
                        "efforts"});
}

}  // namespace

bool OpensAsElaboration(std::string_view folded) {
  std::size_t at = 0;
  const std::string_view first = NextWord(folded, &at);
  if (!IsOneOf(first, {"this", "these", "such"})) return false;
  std::string_view word = NextWord(folded, &at);
  if (IsDutyNoun(word)) {
    word = NextWord(folded, &at);
  } else if (first == "such") {
    return false;  // "such" needs its noun
  }
  if (IsOneOf(word, {"shall", "will", "must", "should", "may"})) word = NextWord(folded, &at);
  if (word == "also") word = NextWord(folded, &at);
  return IsOneOf(word, {"include", "includes"});
}

void LinkElaborations(std::string_view folded, Outline* outline) {
  const std::vector<Unit>& units = outline->units;
  std::vector<ListLead> added;
  std::size_t next_link = 0;  // the first link of outline->leads whose item is not before u
  for (std::size_t u = 1; u < units.size(); ++u) {
    while (next_link < outline->leads.size() && outline->leads[next_link].item < u) ++next_link;
    const bool linked = next_link < outline->leads.size() && outline->leads[next_link].item == u;
    const Unit& unit = units[u];
    const Unit& before = units[u - 1];
    if (linked || unit.kind != UnitKind::kSentence || before.kind == UnitKind::kHeading ||
        unit.paragraph < 0 || unit.paragraph != before.paragraph || unit.end > folded.size() ||
        unit.begin >= unit.end) {
      continue;
    }
    if (OpensAsElaboration(folded.substr(unit.begin, unit.end - unit.begin))) {
      added.push_back({static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(u - 1)});
    }
  }
  if (added.empty()) return;
  std::vector<ListLead> merged;
  merged.reserve(outline->leads.size() + added.size());
  std::merge(outline->leads.begin(), outline->leads.end(), added.begin(), added.end(),
             std::back_inserter(merged),
             [](const ListLead& a, const ListLead& b) { return a.item < b.item; });
  outline->leads = std::move(merged);
}

}  // namespace clausescan::internal

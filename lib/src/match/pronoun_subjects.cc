#include "match/pronoun_subjects.h"

#include <array>
#include <cctype>
#include <string_view>
#include <vector>

namespace clausescan::internal {
namespace {

constexpr int kMaxLookBack = 4;

// The next word of text at *at (letters, digits, hyphens), skipping spaces; empty at a
// punctuation mark or the end.
std::string_view NextWord(std::string_view text, std::size_t* at) {
  std::size_t i = *at;
  while (i < text.size() && text[i] == ' ') ++i;
  std::size_t j = i;
  while (j < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '-')) {
    ++j;
  }
  *at = j;
  return text.substr(i, j - i);
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

std::string_view UnitText(const Outline& outline, std::string_view folded, std::size_t unit) {
  const Unit& u = outline.units[unit];
  if (u.begin >= u.end || u.end > folded.size()) return {};
  return folded.substr(u.begin, u.end - u.begin);
}

}  // namespace

bool OpensWithPronounDuty(std::string_view folded) {
  std::size_t at = 0;
  const std::string_view pronoun = NextWord(folded, &at);
  if (!IsOneOf(pronoun, {"it", "they"})) return false;
  std::string_view word = NextWord(folded, &at);
  // An adverb may come between: "it will promptly notify", "they also agree".
  for (int n = 0; n < 2 && IsOneOf(word, {"also", "further", "then", "promptly", "each"}); ++n) {
    word = NextWord(folded, &at);
  }
  if (IsOneOf(word, {"agrees", "agree", "undertakes", "undertake", "warrants", "warrant"})) {
    return true;
  }
  if (!IsOneOf(word, {"shall", "will", "must", "should"})) return false;
  std::string_view verb = NextWord(folded, &at);
  for (int n = 0; n < 3 && IsOneOf(verb, {"not", "also", "promptly", "immediately", "only",
                                          "further", "then", "at", "all", "times"});
       ++n) {
    verb = NextWord(folded, &at);
  }
  if (verb.empty()) return false;
  // "it shall be deleted" is said of a thing; "it will be responsible for" of a party.
  if (verb == "be") {
    const std::string_view next = NextWord(folded, &at);
    return IsOneOf(next, {"responsible", "liable", "required", "obliged", "obligated"});
  }
  return true;
}

Party PronounAntecedent(const Outline& outline, std::string_view folded, std::size_t unit,
                        const PartyLexicon& lexicon) {
  if (unit >= outline.units.size()) return Party::kUnknown;
  const int section = outline.units[unit].section;
  std::size_t k = unit;
  for (int n = 0; n < kMaxLookBack && k > 0; ++n) {
    --k;
    const Unit& before = outline.units[k];
    if (before.kind == UnitKind::kHeading || before.section != section) return Party::kUnknown;
    const std::string_view text = UnitText(outline, folded, k);
    // The sentence's subject (its first main clause's), not the party its last clause names
    // (issue 11 engine limits #2).
    const Party subject = DutyHolder(text, lexicon);
    if (subject != Party::kUnknown) return subject;
    if (!OpensWithPronounDuty(text)) return Party::kUnknown;
  }
  return Party::kUnknown;
}

}  // namespace clausescan::internal

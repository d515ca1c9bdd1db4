#include "match/capitalised_incidents.h"

#include <cstddef>

namespace clausescan::internal {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool OpensCapitalised(std::string_view word) {
  return !word.empty() &&
         ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= '0' && word[0] <= '9'));
}

// The word of `cased` that ends right before offset `end` (spaces and one '(' or '"' skipped),
// or "" when none does.
std::string_view WordBefore(std::string_view cased, std::size_t end) {
  while (end > 0 && (cased[end - 1] == ' ' || cased[end - 1] == '"' || cased[end - 1] == '(')) {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && IsWordByte(cased[begin - 1])) --begin;
  return cased.substr(begin, end - begin);
}

// True when the word cased[begin, end) names no kind of its own: the word before it is in lower
// case and, when a small word ("of", "and"), follows no capitalised word ("System Command of
// Incidents"); the word after it is neither capitalised ("Incident Report") nor "of".
bool StandsAlone(std::string_view cased, std::size_t begin, std::size_t end) {
  const std::string_view before = WordBefore(cased, begin);
  if (before.empty() || OpensCapitalised(before)) return false;
  if (before == "of" || before == "and" || before == "or" || before == "for") {
    const std::size_t at = static_cast<std::size_t>(before.data() - cased.data());
    if (OpensCapitalised(WordBefore(cased, at))) return false;
  }
  std::size_t next = end;
  while (next < cased.size() && cased[next] == ' ') ++next;
  std::size_t next_end = next;
  while (next_end < cased.size() && IsWordByte(cased[next_end])) ++next_end;
  const std::string_view after = cased.substr(next, next_end - next);
  return !OpensCapitalised(after) && after != "of";
}

}  // namespace

std::optional<std::string> ReadCapitalisedIncidents(std::string_view cased,
                                                    std::string_view folded,
                                                    bool defines_incident) {
  if (cased.size() != folded.size() || defines_incident) return std::nullopt;
  std::string out;
  std::size_t copied = 0;  // folded before this is in out
  for (std::size_t i = cased.find("Incident"); i != std::string_view::npos;
       i = cased.find("Incident", i + 1)) {
    if (i > 0 && IsWordByte(cased[i - 1])) continue;
    std::size_t end = i + 8;
    if (end < cased.size() && cased[end] == 's') ++end;
    if ((end < cased.size() && IsWordByte(cased[end])) || !StandsAlone(cased, i, end)) continue;
    out.append(folded.substr(copied, i - copied)).append("security ");
    copied = i;
  }
  if (out.empty()) return std::nullopt;
  out.append(folded.substr(copied));
  return out;
}

}  // namespace clausescan::internal

#include "match/glossary_entries.h"

#include <cstddef>

namespace clausescan::internal {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsTermByte(char c) {
  return IsLower(c) || IsUpper(c) || IsDigit(c) || c == '-' || c == '/' || c == '\'' ||
         c == '&' || c == '.';
}

bool IsSmallWord(std::string_view w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "or" || w == "to" ||
         w == "in" || w == "on" || w == "by";
}

// Offset past a clause number or list marker and the spaces after it ("1.4 ", "(b) ", "- "),
// or 0.
std::size_t MarkerEnd(std::string_view s) {
  std::size_t i = 0;
  if (i + 1 < s.size() && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
    i = 1;
  } else if (!s.empty() && s[0] == '(') {
    const std::size_t close = s.find(')');
    if (close == std::string_view::npos || close > 6) return 0;
    i = close + 1;
  } else {
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '.')) ++i;
    if (i == 0 || i >= s.size() || s[i] != ' ') return 0;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Length of the separator at s[i] (" - ", " \u2013 ", " \u2014 ", ": ", "\n", spaces before
// any of them allowed), or 0.
std::size_t SeparatorAt(std::string_view s, std::size_t i) {
  const std::size_t start = i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return 0;
  std::size_t mark = 0;
  if (s[i] == '\n') {
    mark = 1;
  } else if (s[i] == ':' || (s[i] == '-' && i > start)) {
    mark = 1;
  } else if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") {
    mark = 3;
  }
  if (mark == 0) return 0;
  i += mark;
  const std::size_t after_mark = i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  // A dash or colon needs a space after it ("Sub-processor" is a word, "12:30" a time).
  if (s[after_mark - 1] != '\n' && i == after_mark) return 0;
  return i - start;
}

}  // namespace

bool IsGlossaryEntry(std::string_view s) {
  std::size_t i = MarkerEnd(s);
  int words = 0;
  bool last_small = false;
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size() && IsTermByte(s[end])) ++end;
    const std::string_view word = s.substr(i, end - i);
    if (word.empty()) return false;
    const bool small = IsSmallWord(word);
    if (!(IsUpper(word[0]) || IsDigit(word[0]) || (small && words > 0))) return false;
    if (++words > 6) return false;
    last_small = small;
    if (const std::size_t separator = SeparatorAt(s, end); separator > 0) {
      const std::size_t body = end + separator;
      return !last_small && body < s.size() && IsLower(s[body]);
    }
    if (end >= s.size() || s[end] != ' ') return false;
    i = end + 1;
  }
  return false;
}

}  // namespace clausescan::internal

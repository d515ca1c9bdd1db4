#include "report/context.h"

#include <algorithm>

namespace clausescan::internal {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The byte offset `chars` characters before `at` (0 when the text is shorter).
std::size_t CharsBack(std::string_view text, std::size_t at, std::size_t chars) {
  std::size_t i = at;
  while (i > 0 && chars > 0) {
    --i;
    if (!IsContinuationByte(text[i])) --chars;
  }
  while (i > 0 && IsContinuationByte(text[i])) --i;
  return i;
}

// The byte offset `chars` characters after `at` (text.size() when the text is shorter).
std::size_t CharsForward(std::string_view text, std::size_t at, std::size_t chars) {
  std::size_t i = at;
  while (i < text.size() && chars > 0) {
    ++i;
    while (i < text.size() && IsContinuationByte(text[i])) ++i;
    --chars;
  }
  return i;
}

// Whether a blank line (a newline, only whitespace, a newline) ends at the newline at `i`,
// looking backwards from it.
bool BlankLineBefore(std::string_view text, std::size_t i) {
  while (i > 0) {
    char c = text[--i];
    if (c == '\n') return true;
    if (!IsSpace(c)) return false;
  }
  return false;
}

// Whether a blank line starts at the newline at `i`, looking forwards.
bool BlankLineAfter(std::string_view text, std::size_t i) {
  while (++i < text.size()) {
    char c = text[i];
    if (c == '\n') return true;
    if (!IsSpace(c)) return false;
  }
  return false;
}

}  // namespace

std::string ContextBefore(std::string_view text, std::size_t at, std::size_t max_chars) {
  at = std::min(at, text.size());
  std::size_t begin = CharsBack(text, at, max_chars);
  bool cut_by_limit = begin > 0;
  for (std::size_t i = at; i > begin; --i) {
    if (text[i - 1] == '\n' && BlankLineBefore(text, i - 1)) {
      begin = i;
      cut_by_limit = false;
      break;
    }
  }
  if (cut_by_limit && !IsSpace(text[begin - 1])) {
    while (begin < at && !IsSpace(text[begin])) ++begin;  // skip the cut word
  }
  while (begin < at && IsSpace(text[begin])) ++begin;
  return std::string(text.substr(begin, at - begin));
}

std::string ContextAfter(std::string_view text, std::size_t at, std::size_t max_chars) {
  at = std::min(at, text.size());
  std::size_t end = CharsForward(text, at, max_chars);
  bool cut_by_limit = end < text.size();
  for (std::size_t i = at; i < end; ++i) {
    if (text[i] == '\n' && BlankLineAfter(text, i)) {
      end = i;
      cut_by_limit = false;
      break;
    }
  }
  if (cut_by_limit && !IsSpace(text[end])) {
    while (end > at && !IsSpace(text[end - 1])) --end;  // drop the cut word
  }
  while (end > at && IsSpace(text[end - 1])) --end;
  return std::string(text.substr(at, end - at));
}

}  // namespace clausescan::internal

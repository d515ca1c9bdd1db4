#include "common/json_text.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t SkipSpace(std::string_view text, std::size_t i) {
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  return i;
}

// One past the string that opens at text[i] == '"', or npos when it does not end.
std::size_t StringEnd(std::string_view text, std::size_t i) {
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return kNone;
}

// One past the value that starts at text[i], or npos when it does not end.
std::size_t ValueEnd(std::string_view text, std::size_t i) {
  if (i >= text.size()) return kNone;
  if (text[i] == '"') return StringEnd(text, i);
  if (text[i] == '[' || text[i] == '{') {
    std::size_t depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') {
        i = StringEnd(text, i);
        if (i == kNone) return kNone;
        --i;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return kNone;
  }
  // A number or literal runs to the next separator.
  const std::size_t begin = i;
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
         !IsJsonSpace(text[i])) {
    ++i;
  }
  return i > begin ? i : kNone;
}

}  // namespace

std::size_t FindJsonTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = StringEnd(text, i);
      if (i == kNone) return kNone;
      --i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return kNone;
}

std::optional<std::string_view> RawJsonMember(std::string_view text, std::string_view key) {
  std::optional<std::string_view> found;
  std::size_t i = SkipSpace(text, 0);
  if (i >= text.size() || text[i] != '{') return std::nullopt;
  i = SkipSpace(text, i + 1);
  while (i < text.size() && text[i] == '"') {
    const std::size_t key_end = StringEnd(text, i);
    if (key_end == kNone) break;
    const std::string_view name = text.substr(i + 1, key_end - i - 2);
    i = SkipSpace(text, key_end);
    if (i >= text.size() || text[i] != ':') break;
    const std::size_t value = SkipSpace(text, i + 1);
    const std::size_t value_end = ValueEnd(text, value);
    if (value_end == kNone) break;
    if (name == key) found = text.substr(value, value_end - value);
    i = SkipSpace(text, value_end);
    if (i >= text.size() || text[i] != ',') break;
    i = SkipSpace(text, i + 1);
  }
  return found;
}

}  // namespace clausescan::internal

#include "common/json_text.h"

#include <nlohmann/json.hpp>
#include <string>

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

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Whether the key written `quoted` (its quotes included; `name` is what lies between them) is
// `key` once its escapes are decoded by the JSON parser: "i\u0064" is "id".
bool SameKey(std::string_view quoted, std::string_view name, std::string_view key) {
  if (name.find('\\') == std::string_view::npos) return name == key;
  const nlohmann::json decoded = nlohmann::json::parse(quoted, nullptr, /*allow_exceptions=*/false);
  return decoded.is_string() && decoded.get_ref<const std::string&>() == key;
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
  // A UTF-8 byte order mark may open the text, as the JSON parser allows.
  std::size_t i = SkipSpace(text, text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0);
  if (i >= text.size() || text[i] != '{') return std::nullopt;
  i = SkipSpace(text, i + 1);
  while (i < text.size() && text[i] == '"') {
    const std::size_t i0 = i;
    const std::size_t key_end = StringEnd(text, i);
    if (key_end == kNone) break;
    const std::string_view name = text.substr(i + 1, key_end - i - 2);
    i = SkipSpace(text, key_end);
    if (i >= text.size() || text[i] != ':') break;
    const std::size_t value = SkipSpace(text, i + 1);
    const std::size_t value_end = ValueEnd(text, value);
    if (value_end == kNone) break;
    if (SameKey(text.substr(i0, key_end - i0), name, key)) {
      found = text.substr(value, value_end - value);
    }
    i = SkipSpace(text, value_end);
    if (i >= text.size() || text[i] != ',') break;
    i = SkipSpace(text, i + 1);
  }
  return found;
}

}  // namespace clausescan::internal

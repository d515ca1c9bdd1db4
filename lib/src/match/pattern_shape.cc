#include "match/pattern_shape.h"

#include <fmt/format.h>
#include <re2/set.h>

#include <algorithm>
#include <charconv>

namespace clausescan::internal {
namespace {

// Pattern shapes: a small lexer over RE2 syntax (escapes, classes, repetitions).

constexpr int kMaxExactSpan = 8;  // wider counted repetitions are relaxed

// One past the character class that starts at p[begin] == '[' (p.size() when not closed).
std::size_t ClassEnd(std::string_view p, std::size_t begin) {
  std::size_t i = begin + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is literal
  while (i < p.size()) {
    if (p[i] == '\\') {
      i += 2;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      const std::size_t end = p.find(":]", i + 2);
      i = end == std::string_view::npos ? p.size() : end + 2;
    } else if (p[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return p.size();
}

// One past the escape that starts at p[begin] == '\\': \d, \x{263a}, \p{Greek}, \Q...\E.
std::size_t EscapeEnd(std::string_view p, std::size_t begin) {
  if (begin + 1 >= p.size()) return p.size();
  const char kind = p[begin + 1];
  std::size_t end = std::string_view::npos;
  if (kind == 'Q') {
    end = p.find("\\E", begin + 2);
    return end == std::string_view::npos ? p.size() : end + 2;
  }
  if ((kind == 'p' || kind == 'P' || kind == 'x') && begin + 2 < p.size() && p[begin + 2] == '{') {
    end = p.find('}', begin + 3);
    return end == std::string_view::npos ? p.size() : end + 1;
  }
  return std::min(begin + 2, p.size());
}

// One past the token at p[begin]: an escape, a character class or one character.
std::size_t TokenEnd(std::string_view p, std::size_t begin) {
  if (p[begin] == '\\') return EscapeEnd(p, begin);
  if (p[begin] == '[') return ClassEnd(p, begin);
  return begin + 1;
}

// Reads a counted repetition at p[begin] == '{': "{n}", "{n,}" (*max = -1) or "{n,m}", and sets
// *end one past its '}'. False for a literal brace.
bool ReadRepeat(std::string_view p, std::size_t begin, int* min, int* max, std::size_t* end) {
  const char* last = p.data() + p.size();
  auto [after_min, ec] = std::from_chars(p.data() + begin + 1, last, *min);
  if (ec != std::errc() || after_min == last) return false;
  const char* close = after_min;
  *max = *min;
  if (*close == ',') {
    *max = -1;
    ++close;
    if (close != last && *close != '}') {
      auto [after_max, ec_max] = std::from_chars(close, last, *max);
      if (ec_max != std::errc()) return false;
      close = after_max;
    }
  }
  if (close == last || *close != '}') return false;
  *end = static_cast<std::size_t>(close - p.data()) + 1;
  return true;
}

}  // namespace

RE2::Options PatternOptions(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

std::string CheckPattern(const std::string& pattern) {
  // RE2::Set::Add parses without compiling a program: the cheapest full syntax check.
  RE2::Set set(PatternOptions(), RE2::UNANCHORED);
  std::string error;
  if (set.Add(pattern, &error) >= 0) return "";
  return error.empty() ? "RE2 rejects the pattern" : error;
}

std::string RelaxPattern(std::string_view pattern) {
  // Only a counted repeat can change: most patterns have none (issue 12: start-up).
  if (pattern.find('{') == std::string_view::npos) return std::string();
  std::string out;
  out.reserve(pattern.size());
  bool changed = false;
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t next = TokenEnd(pattern, i);
    int min = 0;
    int max = 0;
    if (pattern[i] == '{' && ReadRepeat(pattern, i, &min, &max, &next) && max >= 0 &&
        max - min > kMaxExactSpan) {
      out += min == 0 ? "*" : min == 1 ? "+" : fmt::format("{{{},}}", min);
      changed = true;
    } else {
      out.append(pattern.substr(i, next - i));
    }
    i = next;
  }
  return changed ? out : std::string();
}

std::string UnfactorAlternatives(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t next = TokenEnd(pattern, i);
    out.append(pattern.substr(i, next - i));
    if (pattern[i] == '|') out += "(?:)";
    i = next;
  }
  return out;
}

}  // namespace clausescan::internal

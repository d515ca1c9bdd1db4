#include "rules/pattern_repetition.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

namespace clausescan::internal {
namespace {

constexpr std::size_t kSaturated = std::numeric_limits<std::size_t>::max();

std::size_t Times(std::size_t a, std::size_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

// A counted repetition at text[at] ('{'): sets *count to its upper bound (its lower one for
// `{n,}`), *unbounded for `{n,}`, *end past the '}'. False when '{' starts no repetition (RE2
// reads it as a literal brace then).
bool ReadCount(const std::string& text, std::size_t at, std::size_t* count, bool* unbounded,
               std::size_t* end) {
  std::size_t i = at + 1;
  auto number = [&](std::size_t* value) {
    const std::size_t start = i;
    *value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      *value = std::min<std::size_t>(*value * 10 + static_cast<std::size_t>(text[i] - '0'),
                                     kSaturated / 10);
      ++i;
    }
    return i > start;
  };
  std::size_t low = 0;
  std::size_t high = 0;
  if (!number(&low)) return false;
  *unbounded = false;
  *count = low;
  if (i < text.size() && text[i] == ',') {
    ++i;
    if (number(&high)) {
      *count = high;
    } else {
      *unbounded = true;
    }
  }
  if (i >= text.size() || text[i] != '}') return false;
  *end = i + 1;
  return true;
}

// The index past the character class opening at text[at] ('[').
std::size_t PastClass(const std::string& text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '^') ++i;
  if (i < text.size() && text[i] == ']') ++i;  // a leading ']' is literal
  for (; i < text.size() && text[i] != ']'; ++i) {
    if (text[i] == '\\') ++i;
  }
  return i + 1;
}

}  // namespace

std::size_t UnboundedCopies(const std::string& pattern) {
  // Copies add up along a sequence ("(.*){40}(.*){40}" is 80 side by side) and the most of the
  // alternatives counts for a group ("(a.*|b.*)" is 1).
  struct Group {
    std::size_t sequence = 0;  // the alternative being read
    std::size_t most = 0;      // the most of the alternatives read before it
  };
  auto plus = [](std::size_t a, std::size_t b) { return a > kSaturated - b ? kSaturated : a + b; };
  std::vector<Group> groups(1);
  std::size_t last = 0;  // copies of the atom just read (a closed group's, or 0)
  bool last_is_atom = false;
  std::size_t i = 0;
  auto add = [&](std::size_t copies) { groups.back().sequence = plus(groups.back().sequence, copies); };
  auto value = [](const Group& group) { return std::max(group.sequence, group.most); };
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '*' || c == '+' || c == '{') {
      std::size_t count = 0;
      bool unbounded = c != '{';
      std::size_t end = i + 1;
      if (c == '{' && !ReadCount(pattern, i, &count, &unbounded, &end)) {
        if (last_is_atom) add(last);
        last = 0;  // a literal brace
        last_is_atom = true;
        ++i;
        continue;
      }
      if (last_is_atom) {
        std::size_t copies = c == '{' ? Times(last, count) : last;
        if (unbounded) copies = std::max<std::size_t>(copies, 1);
        add(copies);
      }
      last_is_atom = false;
      i = end;
      if (i < pattern.size() && (pattern[i] == '?' || pattern[i] == '+')) ++i;  // lazy, possessive
      continue;
    }
    // The atom before this point was not repeated: what it holds counts as it is.
    if (last_is_atom) add(last);
    last = 0;
    last_is_atom = true;
    if (c == '\\') {
      i += 2;
    } else if (c == '[') {
      i = PastClass(pattern, i);
    } else if (c == '(') {
      groups.emplace_back();
      last_is_atom = false;
      ++i;
    } else if (c == ')') {
      if (groups.size() > 1) {
        last = value(groups.back());
        groups.pop_back();
      }
      ++i;
    } else if (c == '|') {
      groups.back().most = value(groups.back());
      groups.back().sequence = 0;
      last_is_atom = false;
      ++i;
    } else if (c == '^' || c == '$' || c == '?') {
      last_is_atom = false;
      ++i;
    } else {
      ++i;
    }
  }
  if (last_is_atom) add(last);
  while (groups.size() > 1) {  // an unclosed group: RE2 refuses the pattern anyway
    const std::size_t inner = value(groups.back());
    groups.pop_back();
    add(inner);
  }
  return value(groups.back());
}

}  // namespace clausescan::internal

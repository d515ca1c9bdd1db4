// The shapes of rule patterns: the RE2 options rules are matched with, and the rewriting that
// keeps a pattern's DFA small.
#ifndef CLAUSESCAN_MATCH_PATTERN_SHAPE_H_
#define CLAUSESCAN_MATCH_PATTERN_SHAPE_H_

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace clausescan::internal {

// Memory budget of each compiled rule pattern (program and DFA cache; the DFA grows only as far
// as the texts it reads need).
inline constexpr std::int64_t kPatternMaxMem = std::int64_t{64} << 20;

// Options of every rule pattern: case-insensitive, UTF-8, no capture groups (only whether a
// pattern occurs matters), errors reported as values rather than logged.
RE2::Options PatternOptions(std::int64_t max_mem = kPatternMaxMem);

// Checks a rule pattern with the RE2 options rules are matched with (case-insensitive, UTF-8).
// Returns RE2's parse error ("missing ): (foo"), or "" when RE2 accepts the pattern.
std::string CheckPattern(const std::string& pattern);

// Rewrites each wide counted repetition x{n,m} (m - n > 8) as x{n,} (x* for n = 0, x+ for
// n = 1), outside character classes and escapes. The result matches wherever pattern matches
// (RE2's operators are monotone) and keeps a lazy DFA small: for x{0,60} an unanchored DFA must
// track every count at once. Returns "" when nothing was rewritten. Exposed for tests.
std::string RelaxPattern(std::string_view pattern);

// Writes "(?:)" after each '|' outside character classes and escapes: "sla|service" ->
// "sla|(?:)service". The same language, but RE2's parser no longer factors common prefixes out of
// the alternatives ("s(?:la|ervice)"), which leaves RE2's prefilter with atoms too short to keep
// ("s", "la") and the pattern unfiltered. For the prefilter only. Exposed for tests.
std::string UnfactorAlternatives(std::string_view pattern);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_PATTERN_SHAPE_H_

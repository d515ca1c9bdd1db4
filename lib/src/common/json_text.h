// Looking at JSON text before it is parsed: how deep it nests, and the raw text of a member.
// A JSON tree costs memory per level, and code that walks it (dump, comparisons) recurses per
// level, so text that nests deeper than a small bound is refused before a tree is built.
#ifndef CLAUSESCAN_COMMON_JSON_TEXT_H_
#define CLAUSESCAN_COMMON_JSON_TEXT_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace clausescan::internal {

// How deep the JSON that clausescan reads (baseline reports, JSON Lines filter lines) may nest:
// reports nest 6 levels (an array of reports, a finding's parameter sets).
inline constexpr int kMaxJsonDepth = 64;

// The byte offset of the '[' or '{' that opens nesting level max_depth + 1 in text, or npos
// when text nests no deeper than max_depth. Brackets inside strings do not count (escapes are
// followed). Linear, allocates nothing; does not validate the JSON (a closing bracket without an
// opening one is ignored).
std::size_t FindJsonTooDeep(std::string_view text, int max_depth = kMaxJsonDepth);

// The raw text of the value of member `key` of the object that text holds (the last one when
// the key repeats), as written: `12345678901234567890123`, `"a\"b"`, `[1, 2]`. Keys are compared
// once decoded (`"i\u0064"` is `"id"`); a UTF-8 byte order mark before the object is skipped,
// as the JSON parser skips it. Tolerant, for messages about invalid
// text: members are skipped, not checked, and where the text breaks off the last member read
// before counts (a line whose "text" holds invalid UTF-8 or a number out of range still gives
// its "id"). nullopt when text is no object or has no such member before it breaks off.
// Linear.
std::optional<std::string_view> RawJsonMember(std::string_view text, std::string_view key);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_JSON_TEXT_H_

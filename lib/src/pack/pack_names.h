// File names inside a pack (issue 13 #3): made from evidence ids and the profile's file names,
// which must not steer a copy out of its folder nor carry characters a reader's system would
// trip on.
#ifndef CLAUSESCAN_PACK_PACK_NAMES_H_
#define CLAUSESCAN_PACK_PACK_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clausescan::internal {

// name as one safe path component: ASCII letters, digits, '.', '-' and '_' are kept, every other
// byte (separators, control characters, spaces, non-ASCII) becomes '_', runs of '_' from
// replacements are folded to one, leading dots become '_' (no hidden files, never "." or ".."),
// and the result is cut to kMaxPackNameBytes by dropping bytes before its extension (the last
// '.' and up to 15 bytes after it are kept: "long-name...x.pdf" stays a ".pdf"); "document" when
// nothing is left. Thread-safe.
inline constexpr std::size_t kMaxPackNameBytes = 100;
std::string PackFileName(std::string_view name);

// The last component of a '/'-separated path ("evidence/a.pdf" -> "a.pdf").
std::string BaseName(std::string_view path);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PACK_PACK_NAMES_H_

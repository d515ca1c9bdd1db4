// Markup that libxml2's HTML parser (2.9) handles in more than linear time, found before it sees
// the bytes. libxml2 compares each attribute's name with every earlier one of its element (a
// `<p a0 a1 ...>` of 400,000 names in 2 MB took 83 s), and keeps every element, attribute,
// entity and processing-instruction name in a dictionary whose table stops growing, so that past
// some thousands of distinct names each new one costs more (1.3 million in 16 MB: 19 s).
#ifndef CLAUSESCAN_EXTRACT_HTML_LIMITS_H_
#define CLAUSESCAN_EXTRACT_HTML_LIMITS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clausescan/result.h"

namespace clausescan::internal {

// Attributes of one element (real elements have a few, rarely 30).
inline constexpr std::size_t kMaxHtmlAttributes = 256;
// Distinct names in one document (a page uses some hundreds; inline scripts add some).
inline constexpr std::size_t kMaxHtmlNames = 50'000;

// Reads bytes as libxml2 2.9's HTML parser tokenises them (HTML_PARSE_RECOVER): tags and their
// quoted or bare attribute values, entity references, comments, processing instructions,
// DOCTYPE, and the raw text of script and style up to their end tag. Expects the bytes libxml2
// reads, in an encoding that keeps ASCII where it is (UTF-8, ISO-8859-1, Windows-1252,
// Shift_JIS ...), without NUL bytes (libxml2 reads NUL differently in different places).
// Returns kTooLarge naming `name` and the byte offset for an element with more than
// kMaxHtmlAttributes attributes, or a document with more than kMaxHtmlNames distinct names;
// nullopt otherwise. Where it cannot tell, it counts more than libxml2 does, never less. Linear;
// memory: the distinct names.
std::optional<Error> CheckHtmlMarkup(std::string_view bytes, const std::string& name);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_HTML_LIMITS_H_

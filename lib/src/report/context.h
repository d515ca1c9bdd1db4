// The text around a clause, for reports that show a clause in its context.
#ifndef CLAUSESCAN_REPORT_CONTEXT_H_
#define CLAUSESCAN_REPORT_CONTEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clausescan::internal {

// Up to max_chars characters (code points) of `text` that end at byte offset `at`, within the
// paragraph of `at`: a blank line stops it. When the limit cuts a word, the text starts after
// the next whitespace instead, so no word is shown in part. Leading whitespace is dropped; the
// whitespace just before `at` is kept. Precondition: `at` is on a character boundary (offsets
// past the end are read as text.size()).
std::string ContextBefore(std::string_view text, std::size_t at, std::size_t max_chars);

// The same after byte offset `at`: up to max_chars characters from `at`, stopped by a blank
// line, cut at whitespace when the limit falls inside a word; trailing whitespace is dropped.
std::string ContextAfter(std::string_view text, std::size_t at, std::size_t max_chars);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_CONTEXT_H_

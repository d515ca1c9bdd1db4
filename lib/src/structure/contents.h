// Lines that state no term: a contents list and the header of a table of definitions.
#ifndef CLAUSESCAN_STRUCTURE_CONTENTS_H_
#define CLAUSESCAN_STRUCTURE_CONTENTS_H_

#include <string_view>

namespace clausescan::internal {

// "Contents", "Table of Contents", "## CONTENTS:" (any case, '#' markers and a final ':'
// aside): the title of a contents list.
bool IsContentsTitle(std::string_view line);

// A contents line anywhere: a title, a dot leader ("....", "…", "___") and a page number at
// the end: "2. Sub-processors ........ 12".
bool HasLeaderAndPage(std::string_view line);

// A line ending in a page number after a word: "Breach notification 14".
bool EndsWithPageNumber(std::string_view line);

// A line that may be an entry of a contents list after its title: a leader and page, or a short
// line (at most 120 bytes and 16 words) that ends in no sentence or clause punctuation.
bool LooksLikeContentsEntry(std::string_view line);

// The header row of a two-column table of definitions: "| Term | Meaning |", "| Defined term |
// Definition |", "| Expression | Meaning |" (any case).
bool IsDefinitionTableHeader(std::string_view row);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_CONTENTS_H_

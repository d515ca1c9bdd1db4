// Entries of a list of definitions written without "means" (issue 11, engine limits #4): the UK
// "Joint Schedule 1: Definitions" and the glossaries of public-sector contracts set a term
// apart by a dash, a colon or a line break ("Audit - any audit of the Supplier by the Buyer
// ...", "Audit Agent" / "any auditor appointed by the Buyer ..."). Such an entry defines its
// term; it states no duty, though its meaning names the things clauses are about.
#ifndef CLAUSESCAN_MATCH_GLOSSARY_ENTRIES_H_
#define CLAUSESCAN_MATCH_GLOSSARY_ENTRIES_H_

#include <string_view>

namespace clausescan::internal {

// True when the unit (cased text, not folded) is shaped as a glossary entry: after an optional
// clause number or list marker, a term of one to six words each capitalised (small words such
// as "of" and "and" between them), then " - ", an en or em dash, ": " or a line break, then a
// meaning that opens in lower case. Says nothing of where the unit stands: callers take it for
// a definition only inside a definitions section. Linear in the unit.
bool IsGlossaryEntry(std::string_view cased);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_GLOSSARY_ENTRIES_H_

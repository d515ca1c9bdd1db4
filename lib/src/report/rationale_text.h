// The buyer's rationale of a finding in the words of the human formats (issue 14).
#ifndef CLAUSESCAN_REPORT_RATIONALE_TEXT_H_
#define CLAUSESCAN_REPORT_RATIONALE_TEXT_H_

#include <cstddef>
#include <string>

#include "clausescan/report.h"

namespace clausescan::internal {

// The most source titles a compact rationale line names.
inline constexpr std::size_t kMaxRationaleTitles = 2;
// The most characters of the rationale's first sentence a compact line keeps (two lines of a
// text report with the sources); JSON and HTML carry the whole text.
inline constexpr std::size_t kMaxRationaleChars = 150;

// The first sentence of rationale.text on one line (control characters dropped, whitespace runs
// one space; the sentence ends at the first ". " that does not close an abbreviation such as
// "Art." and is not followed by a digit or a lower-case word), cut after at most
// kMaxRationaleChars characters at a word boundary with " …", then " (" + up to
// kMaxRationaleTitles source titles joined with "; " and "; +N more" + ")", leaving out titles
// the sentence already contains (no parentheses when none is left); "" when the text is
// empty. Plain text: the caller escapes it for its format.
std::string RationaleLine(const Rationale& rationale);

// RationaleLine fitted into `width` characters for a one-line brief finding: the first source
// title is kept whole (" (" + title + ")"; the others are in --verbose and JSON) and the sentence
// is cut at a word boundary with " …" to leave room for it, unless that would leave fewer than
// 48 characters of the sentence: then the line is the sentence alone, cut at `width` (the sources
// are in --verbose and JSON). "" when the text is empty.
std::string RationaleLineWithin(const Rationale& rationale, std::size_t width);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_RATIONALE_TEXT_H_

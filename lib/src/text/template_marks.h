// What makes a document a template still to be completed: option lines with a checkbox (ticked
// or not) and unfilled placeholders. Works on the cased view of NormalizedText (see
// text/normalize.h), where the DOCX reader has written Word's checkboxes as U+2610 (not
// ticked) and U+2612 (ticked).
#ifndef CLAUSESCAN_TEXT_TEMPLATE_MARKS_H_
#define CLAUSESCAN_TEXT_TEMPLATE_MARKS_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "text/normalize.h"

namespace clausescan::internal {

// A checkbox at the start of a string: "[ ]", "[x]", "[X]", "☐" (U+2610), "□" (U+25A1) are one;
// "☑" (U+2611), "☒" (U+2612), "[✓]" ticked. size is its length in bytes (0: no checkbox there).
// A checkbox other than "[ ]" must be followed by a space or the end of the string.
struct Checkbox {
  std::size_t size = 0;
  bool ticked = false;
};
Checkbox CheckboxAt(std::string_view s);

// The offset in line of the checkbox that opens an option line, or npos: the line (already
// trimmed) starts with a checkbox, after at most a heading marker ("## "), a bullet ("- ", "* ",
// "+ ", "• ") or both.
std::size_t OptionCheckbox(std::string_view line);

struct TemplateMarks {
  // Byte ranges [begin, end) of the cased view holding an option that is not ticked: its line
  // from the start and the lines that continue it. An option ends at a blank line or at a line
  // that opens something else (another checkbox, a list item, a heading, a table row); an
  // option on a heading line ("## [ ] HIPAA") runs to the next heading of its level or above,
  // or the next checkbox line. In text order, not overlapping; options on consecutive lines
  // share one range.
  std::vector<std::pair<std::size_t, std::size_t>> unselected;
  std::size_t options_not_selected = 0;  // the options in those ranges
  // Unfilled placeholders outside the unselected options: "{Customer Name}", "{{term}}", "[●]",
  // "[___]", "[...]", "[insert ...]" (also "[enter ...]", "[specify ...]", "[describe ...]",
  // "[name of ...]", "[date]", "[amount]", "[number]"), "<<...>>", "«...»". Each on one line and
  // at most 120 bytes. "[ ]" is a checkbox, never a placeholder; "[*****]", "{*****}",
  // "[ * * * ]" and "[...***...]" are redactions.
  std::size_t placeholders = 0;
  // Byte ranges [begin, end) of the cased view of the lines that hold nothing but placeholders
  // (and spaces or a final ',', ';', '.' or ':'), outside the unselected options: "[insert the
  // vendor's contact]" on a line of its own is a blank to fill, no words of the clause before
  // or after it (issue 11 engine limits #5). In text order; the placeholders stay counted.
  std::vector<std::pair<std::size_t, std::size_t>> placeholder_lines;
};

// Finds the option lines and placeholders of the cased view `text`. Linear in its size; never
// fails.
TemplateMarks FindTemplateMarks(std::string_view text);

// Turns every byte of the unselected options into a space in both views of *text (line breaks
// of the cased view stay), so no rule matches their words and the segmenter sees blank lines.
// Offsets and `source` are unchanged.
void BlankUnselectedOptions(const TemplateMarks& marks, NormalizedText* text);

// As BlankUnselectedOptions, for the lines of marks.placeholder_lines.
void BlankPlaceholderLines(const TemplateMarks& marks, NormalizedText* text);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_TEXT_TEMPLATE_MARKS_H_

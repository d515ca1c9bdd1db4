// Word's checkboxes as the extracted text shows them: "☐ " (U+2610) when not ticked, "☒ "
// (U+2612) when ticked, so that text/template_marks.h can tell an option not selected from an
// agreed one (issue 15 #5).
#ifndef CLAUSESCAN_EXTRACT_DOCX_CHECKBOX_H_
#define CLAUSESCAN_EXTRACT_DOCX_CHECKBOX_H_

#include <pugixml.hpp>
#include <string_view>

#include "extract/ooxml.h"

namespace clausescan::internal {

inline constexpr std::string_view kUntickedBox = "\xE2\x98\x90 ";  // U+2610 and a space
inline constexpr std::string_view kTickedBox = "\xE2\x98\x92 ";    // U+2612 and a space

// For a content control (w:sdt) whose properties hold a checkbox (w14:checkbox, any prefix):
// the box its w14:checked state shows. "" for any other content control.
std::string_view CheckboxControlText(const pugi::xml_node& sdt, const WordNamespace& w);

// For a field character (w:fldChar) that begins a legacy checkbox form field (w:ffData with
// w:checkBox): the box its w:checked (else w:default) state shows. "" for any other.
std::string_view CheckboxFieldText(const pugi::xml_node& fld_char, const WordNamespace& w);

// For a symbol (w:sym) that is a box: U+2610..U+2612 in any font, and in a Wingdings font the
// empty box (F0A8, F06F) or a ticked one (F0FE, F0FD, F078). "" for any other symbol.
std::string_view SymbolBoxText(const pugi::xml_node& sym, const WordNamespace& w);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_DOCX_CHECKBOX_H_

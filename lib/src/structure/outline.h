// Document structure: sections, paragraphs and the units rules match in.
#ifndef CLAUSESCAN_STRUCTURE_OUTLINE_H_
#define CLAUSESCAN_STRUCTURE_OUTLINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/normalize.h"

namespace clausescan::internal {

// A heading and the section it opens. Offsets are in NormalizedText::text.
struct Section {
  std::string number;     // "9.2", "7(b)", "28", "IV" or "" when the heading has no number
  std::string title;      // "Security Incidents" (may be empty: "Section 7.")
  std::string label;      // what a finding shows: "9.2 Security Incidents", "Article 28"
  int level = 1;          // 1 for top level; deeper numbers ("9.2.1") and '##' go deeper
  std::size_t begin = 0;  // start of the heading line
};

// Offsets in NormalizedText::text are 32 bits wide, as NormalizedText::source is: units and
// paragraphs are the largest part of an outline (a unit can be 4 bytes of text).

// A block of text separated by blank lines (or a heading, list item start or table row).
struct Paragraph {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int section = -1;  // index into Outline::sections, -1 before the first heading
};

enum class UnitKind : std::uint8_t {
  kSentence,  // a sentence of running text
  kListItem,  // a sentence that is (or starts) a list item "(a)", "(iv)", "1.", "-"
  kHeading,   // a heading line, or text that states no term (a table of contents, a drafting
              // note); rules do not match it
};

// A scope unit: the text a sentence-scoped rule matches in.
struct Unit {
  std::uint32_t begin = 0;  // offsets in NormalizedText::text, trimmed of surrounding spaces
  std::uint32_t end = 0;
  UnitKind kind = UnitKind::kSentence;
  int section = -1;    // index into Outline::sections, -1 before the first heading
  int paragraph = -1;  // index into Outline::paragraphs; -1 for headings (not in a paragraph)
};

// A list item and the lead-in of its list: "Provider shall:" before "(a) encrypt data at rest;",
// "The data importer agrees:" before "(d) that it will ...". The lead-in is the last unit of the
// paragraph before the list when that unit ends in ':' or in a word that needs the items to go on
// ("shall", "to", "that", "including"...), or a heading that ends in ':' ("Exclusions:"); a list
// item that ends so is the lead-in of the items nested under it (another marker shape or
// indentation), until an item like it comes, and of a paragraph indented under it (Markdown).
// A sentence that opens "This includes", "Such measures include" ... is linked to the sentence
// before it the same way (LinkElaborations, structure/elaborations.h).
struct ListLead {
  std::uint32_t item = 0;  // index into Outline::units: the item's first unit
  std::uint32_t lead = 0;  // index into Outline::units: the lead-in, before the item
};

struct Outline {
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
  std::vector<Unit> units;      // in document order, non-overlapping, never empty ranges
  std::vector<ListLead> leads;  // by item, in increasing order; items without a lead-in have none
};

// Segments the cased view. Recognises: Markdown '#' headings; a line of its own underlined with
// "===" (level 1) or "---" (level 2), Setext style, in any format; numbered headings on their own
// line ("9.2 Security Incidents", "Section 7(b) Audit", "Article 28", "ARTICLE IV - TERM",
// "12. LIMITATION OF LIABILITY.", "14. Data protection" right above "14.1 ..."); short ALL-CAPS
// lines (a bracketed note at the end may be in any case: "PART A: ... (applicable to Lot 1)");
// numbered clauses whose first sentence
// is a title ("7.1 Security Incidents. Supplier shall ...", "11. Access control. You must ..."
// open sections 7.1 and 11). Headings that open no section: title lines standing alone or right
// above their paragraph ("Content of the Plan", "Security requirements:", a bold line), US federal
// clause titles ending in a version date ("... Records (MAY 2019)"), titles run into their text
// ("4.2 Return of Records. On request ..."), and list items without a lead-in that only name
// their subject ("(c) Incident reporting." before its text, or items nested under it, or plain
// text); a short numbered line that is the first item under a lead-in, or a sibling of the item
// before in such a list ("shall include:" / "1. Yearly penetration tests"), is an item, not a
// heading. A numbered clause that only names who owes the list after it ("14.9 The Supplier:")
// leads into that list and opens no section; nor does a clause reference that the line wrapping
// put at a line start ("... as required in" / "Clause 15."). List items start at "-", "*", "+",
// "(a)", "1.", "a.", word-processor bullets ("•", "●", U+F0B7, "o" where an item may start), but
// not where the line before runs on into the marker ("paragraph" / "(b) above"); in a list that
// lost its markers (PDF text), a line ending in ':' leads in and each line after it ending in ';'
// ends an item, until an item ends its sentence. Sentences end at
// '.', '?', '!' followed by space and an upper-case letter, digit, quote or '(' -- but not after
// legal abbreviations (Sec., e.g., i.e., U.S., Inc., Ltd., No., Art., cf., etc., vs., Co., Corp.,
// para., approx., incl., single capital initials). Each list item starts a new unit, and the
// items of a list after a lead-in are told by Outline::leads (a list ends at a paragraph that is
// not a list item, a heading or a section; lead-ins nest at most 8 deep).
// Bounds, so that matching takes memory in proportion to the text whatever its shape: a unit
// holds at most 64 KiB (a longer "sentence" is cut at spaces into several) and a paragraph at
// most 256 KiB (cut at line breaks); the first 100,000 headings open sections, later ones are
// headings of the last section. Never fails; linear in the input.
Outline Segment(const NormalizedText& text);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_OUTLINE_H_

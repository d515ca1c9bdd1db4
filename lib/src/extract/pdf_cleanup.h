// Cleaning the text of PDF pages: running headers, footers and page numbers out, words that
// were hyphenated at line ends joined. Pure functions over lines, so they are testable without
// a PDF.
#ifndef CLAUSESCAN_EXTRACT_PDF_CLEANUP_H_
#define CLAUSESCAN_EXTRACT_PDF_CLEANUP_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

using PageLines = std::vector<std::string>;

// Walking in from an edge of a page, the walk stops after this many lines of content.
inline constexpr int kRunningZoneLines = 3;

// A header or footer is at most this many lines; more repeated lines at an edge are body.
inline constexpr int kMaxRunningBandLines = 3;

// True for a line that is only a page number: "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12",
// "[vii]", "(7)"; not "(c)" or "(iv)", list markers on a line of their own.
bool IsPageNumberLine(std::string_view line);

// Removes running headers, footers and page numbers. Running lines are lines that repeat at the
// same edge (top or bottom) of at least half of the pages and of at least two, within the first
// or last six non-blank lines of a page. Two lines repeat when their letters agree, case-folded,
// with digits, spaces and punctuation ignored ("Page 3 of 9 - ACME Confidential" and "Page 4 of
// 9 - ACME Confidential" do; so do "-4Source: X, 10-K" and "Source: X, 10-K"); lines with fewer
// than three letters never repeat.
//
// A header or footer is a thin band at a page's edge next to a body that differs from page to
// page, so walking in from each edge of a page (see kRunningZoneLines), it drops page-number
// lines, and the running lines before the first other line only when that line is met and they
// are at most kMaxRunningBandLines. A running line of twelve letters or more that went in a band
// somewhere is dropped wherever it stands on a page (EDGAR exhibits put two printed pages,
// footer and all, on one PDF page). When the running lines to drop would be half of the
// document's lines or more, the pages repeat their body (pages that are all the same, a two-page
// PDF whose pages carry the same clause) and only page numbers go: text is never lost to this
// function for being repeated.
void RemoveRunningLines(std::vector<PageLines>& pages);

// The same for plain text converted from a PDF, whose pages end at form feeds (pdftotext): the
// lines RemoveRunningLines would take out become spaces, so every offset into the text stays
// that of the file, and a sentence or list that runs over a page break ("Subscriber Policy
// (External)" / "v1.1 June 2024" between two items) reads on. Text without a form feed, whose
// page breaks were lost, gets BlankRepeatedBands instead. Linear in the text, apart from the map
// of line keys.
void BlankRunningLines(std::string* text);

// Page furniture in text without page breaks (issue 11 #4): a band of 2 to 4 lines that are not
// blank (blank lines may stand between them), each a page number (IsPageNumberLine) or a line
// whose letters (compared as running lines are) come 3 times or more in the text, with 12
// letters or more in its repeated lines ("Ref: RM3830" / "Call-Off Schedule 9 (Security) v3.0"
// / "Crown Copyright 2020"), becomes spaces, so that the sentence or list it cut reads on and
// every offset stays that of the file. A repeated line alone, or next to text, stays. Linear in
// the text, apart from the map of line keys.
void BlankRepeatedBands(std::string* text);

// Removes line numbers printed in the margin (pleading paper, numbered transcripts): on a page
// where at least kMarginNumberShare of the non-blank lines, and at least 6, begin with a number
// of up to four digits and a space, each one more than the last such line ("12 Supplier shall",
// "13 notify ..."), that number is taken off each line that has it, so it is read neither as a
// section number nor as part of the clause. Numbered clauses ("1 Definitions" ... "2 Services",
// between lines without numbers) are no such run and are left alone.
inline constexpr double kMarginNumberShare = 0.8;
void RemoveMarginLineNumbers(std::vector<PageLines>& pages);
// The same for plain text (often converted from a PDF): pages end at form feeds, and the
// numbers become spaces, so every offset into the text stays that of the file. Linear.
void BlankMarginLineNumbers(std::string* text);

// Joins a word hyphenated across a line end: a line that ends in a lower-case letter and '-',
// followed directly by a line (on the same page, or first on the next page) that starts with a
// lower-case letter, becomes one line without the hyphen ("notifi-" + "cation of" ->
// "notification of"), as the normaliser does. The hyphen stays when it belongs to a compound:
// after a tens number word ("seventy-" + "two" -> "seventy-two", see IsTensNumberWord), or when
// the pages write the compound with its hyphen within a line more often than as one word
// ("sub-" + "processor" -> "sub-processor" in a document that writes "sub-processor"; with no
// such evidence "subprocessor", as "pro-" + "cessor" -> "processor").
void JoinHyphenatedLines(std::vector<PageLines>& pages);

// Joins lines that a PDF wrapped at the right margin: a line at least kFullLineShare of the
// page's width (in characters; the width being the line length 90% of the page's lines stay
// within) that does not end a sentence (.:?! or a closing quote after one) is continued by the
// next line on the page, with a space between. So a paragraph reads as one line, as its author
// wrote it, and a list marker that the wrapping happened to put at a line start ("...; or" /
// "(ii) was lawfully disclosed") is not taken for a new list item. Short lines (headings, real
// list items, table cells) and blank lines are left alone.
void JoinWrappedLines(std::vector<PageLines>& pages);

// A line at least this share of the page width counts as full.
inline constexpr double kFullLineShare = 0.8;

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_PDF_CLEANUP_H_

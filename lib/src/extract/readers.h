// The readers of formats that need extraction. Each turns the bytes of one input into a
// Document whose text is the extracted text; every error names `name`. Each stops building its
// text once it passes options.max_text_bytes and fails with kTooLarge (TextLimitError).
#ifndef CLAUSESCAN_EXTRACT_READERS_H_
#define CLAUSESCAN_EXTRACT_READERS_H_

#include <string>
#include <string_view>

#include "clausescan/result.h"
#include "extract/document.h"

namespace clausescan::internal {

// Word (OOXML) documents: body paragraphs in order with list and heading numbers computed from
// numbering.xml (labels cut at kMaxLabelBytes), tables cell by cell, footnotes and endnotes last
// (each once, however often it is referred to); headers, footers, comments and drawings are left
// out. Parts are parsed one at a time, each freed before the next. Tracked changes are accepted (or
// rejected, with options.original_revisions) and noted. Errors: kCorrupt (not a ZIP, truncated, no
// word/document.xml, malformed XML, a DTD in a part), kTooLarge (a part above
// options.max_part_bytes, XML deeper than options.max_xml_depth), kEncrypted (encrypted entries).
Result<Document> ReadDocx(std::string_view bytes, const std::string& name,
                          const ReadOptions& options);

// PDF via poppler: text per page in reading order, running headers, footers and page numbers
// removed, line-end hyphenation joined; one span per page. Errors: kEncrypted (needs a password,
// or the one given is wrong), kCorrupt (unreadable, or poppler crashed on it), kUnsupportedFormat
// ("no extractable text: this PDF needs OCR first"), kTooLarge (more bytes than poppler can
// address; poppler's child process ran past options.pdf_limits). With pdf_limits.time above 0
// poppler runs in a child process (extract/child_process.h), otherwise in this one.
Result<Document> ReadPdf(std::string_view bytes, const std::string& name,
                         const ReadOptions& options);

// HTML via libxml2's HTML parser (SAX, no tree): text with headings as '#' lines, list items
// with their markers (nested items indented for 6 levels at most), tables cell by cell; script,
// style, head and other non-content elements dropped. Errors: kTooLarge (elements nested deeper
// than options.max_xml_depth).
Result<Document> ReadHtml(std::string_view bytes, const std::string& name,
                          const ReadOptions& options);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_READERS_H_

// Reading input bytes into a Document (the text that finding offsets refer to).
#ifndef CLAUSESCAN_EXTRACT_DOCUMENT_H_
#define CLAUSESCAN_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "extract/child_process.h"

namespace clausescan::internal {

enum class Format { kText, kMarkdown, kHtml, kDocx, kPdf };

// "txt", "md", "html", "docx" or "pdf".
std::string_view FormatName(Format format);

// Where a stretch of Document::text came from: the span starting at `begin` runs to the next
// span's begin (or the end of the text).
struct SourceSpan {
  std::size_t begin = 0;
  int page = 0;       // 1-based PDF page; 0 when not applicable
  int paragraph = 0;  // 1-based DOCX paragraph (as numbered in the extracted text); 0 when n/a
};

struct Document {
  std::string name;  // path or display name ("<stdin>")
  Format format = Format::kText;
  // Valid UTF-8. For text and Markdown this is the input bytes verbatim (in lossy mode each
  // invalid byte is replaced by '?', so offsets still match the file). For HTML, DOCX and PDF it
  // is the extracted text (what `clausescan text` prints): paragraphs separated by blank lines,
  // headings as '#' lines, list and section numbers written out.
  std::string text;
  std::size_t input_bytes = 0;     // size of the input the text came from
  std::vector<SourceSpan> spans;   // sorted by begin; empty when pages/paragraphs do not apply
  std::vector<std::string> notes;  // remarks for the report ("the document has tracked changes")

  // The span that holds text offset `offset`, or a zero span when none does.
  SourceSpan Locate(std::size_t offset) const;
};

// Reader options; the defaults are documented in clausescan/scanner.h (ScanOptions).
struct ReadOptions {
  bool lossy_utf8 = false;
  std::size_t max_input_bytes = std::size_t{64} << 20;
  std::size_t max_part_bytes = std::size_t{32} << 20;  // one decompressed part of a DOCX
  std::size_t max_text_bytes = std::size_t{64} << 20;  // the text of a document, extracted
  int max_xml_depth = 256;                             // element nesting in DOCX XML and HTML
  bool original_revisions = false;  // DOCX: text before tracked changes instead of after
  std::string password;             // PDF: user or owner password
  ChildLimits pdf_limits;           // PDF: poppler's process; time 0: read in this process
};

// Appends data to out for a reader that never lets out pass `most` bytes (out.size() +
// data.size() <= most): capacity doubles while the copy a doubling makes stays under half of
// most, then goes straight to most, so reading up to most bytes peaks near most in memory, not
// twice it (pages not yet written cost nothing).
void AppendWithin(std::string& out, std::string_view data, std::size_t most);

// Which files ReadFileBytes reads.
enum class FileTypes {
  kAny,          // whatever the path names: a regular file, a FIFO or process substitution
                 // (opened as usual, so it waits for a writer), a device
  kRegularOnly,  // only a regular file: anything else fails without being waited on or read
};

// Reads the whole file. Errors: kIo naming the path and the OS reason ("cannot open: ...",
// "cannot read: ..."); with FileTypes::kRegularOnly, kIo "not a regular file (a FIFO)" (or a
// device, socket, folder) when path is no regular file when opened: it is opened with
// O_NONBLOCK, so a FIFO never blocks, and checked with fstat before anything is read; kTooLarge
// when the file exceeds max_bytes.
Result<std::string> ReadFileBytes(const std::string& path, std::size_t max_bytes,
                                  FileTypes types = FileTypes::kAny);

// Builds a Document from bytes. The format is chosen from the content (DetectFormat in
// extract/detect.h): PDF, DOCX and HTML are extracted by their readers; anything else is text,
// Markdown when the name's extension says so (.md, .markdown) or, for names without one (stdin),
// when the content looks like it. A UTF-8 BOM is kept in text (offsets stay file offsets) but
// ignored by later stages. Errors: kInvalidUtf8 naming the name and the byte offset of the first
// invalid byte (unless lossy_utf8); kTooLarge (the input above max_input_bytes, or its text
// above max_text_bytes: each reader stops as its text passes the limit, so a small input that
// expands costs no more); kUnsupportedFormat (content that contradicts a
// document extension, legacy Office files); the readers' errors (kCorrupt, kEncrypted, ...).
// Every error names `name`.
Result<Document> ReadDocument(std::string bytes, const std::string& name,
                              const ReadOptions& options);

// Returns the byte offset of the first invalid UTF-8 sequence in text, or npos when valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t FindInvalidUtf8(std::string_view text);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_DOCUMENT_H_

// Telling document formats apart by their content.
#ifndef CLAUSESCAN_EXTRACT_DETECT_H_
#define CLAUSESCAN_EXTRACT_DETECT_H_

#include <optional>
#include <string>
#include <string_view>

#include "clausescan/result.h"
#include "extract/document.h"

namespace clausescan::internal {

// What the first bytes of an input say it is.
enum class Magic {
  kNone,   // nothing recognised: text, Markdown, or junk
  kPdf,    // "%PDF-" at the start, after a BOM and blank space at most
  kZip,    // a ZIP archive ("PK\3\4", or "PK\5\6" for an empty one): DOCX is one
  kOle,    // an OLE compound file: legacy .doc/.xls/.ppt, or a password-protected Office file
  kHtml,   // "<!doctype html" or "<html" after a BOM, blank space and comments
  kImage,  // PNG, JPEG, GIF or TIFF: a scan or a photo of a document
};

// Classifies the start of bytes. Never fails; looks at no more than the first 64 KiB.
Magic DetectMagic(std::string_view bytes);

// Chooses the reader for an input: the content decides (DetectMagic). "%PDF-" further into the
// first KiB (where PDF readers still find it, after junk) makes a PDF only when the name says
// .pdf or the content is not text (a NUL byte or invalid UTF-8): a text file that mentions the
// header stays text. A name whose extension promises a document format the content does not
// have (.pdf, .docx, .doc) is an error, and so is a legacy Office file; an .html/.htm name makes
// content that starts with '<' HTML; the rest is text or Markdown (by extension, or by content
// for names without one). Errors: kUnsupportedFormat naming `name`.
Result<Format> DetectFormat(std::string_view bytes, std::string_view name);

// A note for a document whose name promises PDF or Word while its content, read as `format`, is
// another document format ("the name says .pdf but the content is a Word document (DOCX): read
// as that"), or whose name promises text (.txt, .text, .md, .markdown) while it is a PDF or Word
// document ("the name says .txt but the content is a PDF: read as that"); nullopt otherwise.
std::optional<std::string> NameAndContentNote(Format format, std::string_view name);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_DETECT_H_

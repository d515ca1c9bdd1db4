#include "extract/detect.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "extract/document.h"

namespace clausescan::internal {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithIgnoreCase(a, b);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// s without a leading BOM, blank space, XML declaration and comments.
std::string_view SkipProlog(std::string_view s) {
  if (StartsWith(s, kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  while (true) {
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    std::string_view close;
    if (StartsWith(s, "<!--")) {
      close = "-->";
    } else if (StartsWith(s, "<?")) {
      close = "?>";
    } else {
      return s;
    }
    std::size_t end = s.find(close, 2);
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end + close.size());
  }
}

bool LooksLikeHtml(std::string_view head) {
  std::string_view s = SkipProlog(head);
  if (StartsWithIgnoreCase(s, "<!doctype")) {
    s.remove_prefix(9);
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    return StartsWithIgnoreCase(s, "html");
  }
  return StartsWithIgnoreCase(s, "<html") && (s.size() == 5 || IsBlank(s[5]) || s[5] == '>');
}

// The last path component of name.
std::string_view BaseName(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// The extension of the last path component without the dot, or "" when it has none.
std::string_view Extension(std::string_view name) {
  std::string_view base = BaseName(name);
  std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return base.substr(dot + 1);
}

constexpr std::string_view kPdfHeader = "%PDF-";
// How far into a file PDF readers look for the header (poppler: the first KiB).
constexpr std::size_t kPdfHeaderWindow = 1024;

// True when bytes start with the PDF header, after a BOM and blank space at most.
bool StartsWithPdfHeader(std::string_view bytes) {
  if (StartsWith(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  while (!bytes.empty() && IsBlank(bytes.front())) bytes.remove_prefix(1);
  return StartsWith(bytes, kPdfHeader);
}

// True when bytes are not a text file: a NUL byte, or invalid UTF-8.
bool IsBinary(std::string_view bytes) {
  return bytes.find('\0') != std::string_view::npos ||
         FindInvalidUtf8(bytes) != std::string_view::npos;
}

// Office's lock ("owner") files: Word, Excel and PowerPoint create "~$NAME" beside a document
// they open and delete it on closing; it is left behind after a crash or on a shared drive. It
// holds the name of the user who has the document open: a length byte and that many bytes
// (Windows code page, at most 53), padded to 54 bytes, then the name again in UTF-16 (Word:
// 162 bytes in all).
constexpr std::size_t kLockNameField = 54;
constexpr std::size_t kMaxLockFile = 4096;

// When `bytes` named `name` is an Office lock file: the user's name in it, printable ASCII
// only (other bytes as '?'). Else nullopt: a text file whose name starts with "~$" stays text
// (it has no NUL byte, which the UTF-16 name always brings).
std::optional<std::string> OfficeLockOwner(std::string_view bytes, std::string_view name) {
  if (!StartsWith(BaseName(name), "~$")) return std::nullopt;
  if (bytes.size() < kLockNameField || bytes.size() > kMaxLockFile) return std::nullopt;
  if (bytes.find('\0') == std::string_view::npos) return std::nullopt;
  const std::size_t length = static_cast<unsigned char>(bytes[0]);
  if (length == 0 || length >= kLockNameField) return std::nullopt;
  std::string owner;
  for (char c : bytes.substr(1, length)) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;
    owner += static_cast<unsigned char>(c) < 0x80 ? c : '?';
  }
  return owner;
}

bool IsWordExtension(std::string_view ext) {
  for (std::string_view word : {"docx", "docm", "dotx", "dotm", "doc", "dot", "rtf", "odt"}) {
    if (EqualsIgnoreCase(ext, word)) return true;
  }
  return false;
}

bool IsTextExtension(std::string_view ext) {
  for (std::string_view text : {"txt", "text", "md", "markdown"}) {
    if (EqualsIgnoreCase(ext, text)) return true;
  }
  return false;
}

Error Unsupported(std::string_view name, std::string detail) {
  return Error(ErrorCode::kUnsupportedFormat, std::move(detail), std::string(name));
}

// The error for content that does not match the document format its extension promises, or
// nullopt when the extension promises none.
std::optional<Error> ExtensionMismatch(std::string_view ext, std::string_view name) {
  if (EqualsIgnoreCase(ext, "pdf")) {
    return Unsupported(name, "the name says PDF but the content is not one (no %PDF- header)");
  }
  if (EqualsIgnoreCase(ext, "docx") || EqualsIgnoreCase(ext, "docm") ||
      EqualsIgnoreCase(ext, "dotx")) {
    return Unsupported(name, "the name says DOCX but the content is not one (not a ZIP archive)");
  }
  if (EqualsIgnoreCase(ext, "doc") || EqualsIgnoreCase(ext, "rtf") ||
      EqualsIgnoreCase(ext, "odt")) {
    return Unsupported(name, fmt::format(".{} files are not supported: save the document as "
                                         "DOCX or PDF",
                                         ext));
  }
  return std::nullopt;
}

}  // namespace

Magic DetectMagic(std::string_view bytes) {
  if (StartsWithPdfHeader(bytes)) return Magic::kPdf;
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) return Magic::kZip;
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Magic::kOle;
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n") || StartsWith(bytes, "\xFF\xD8\xFF") ||
      StartsWith(bytes, "GIF87a") || StartsWith(bytes, "GIF89a") ||
      StartsWith(bytes, std::string_view("II*\0", 4)) ||
      StartsWith(bytes, std::string_view("MM\0*", 4))) {
    return Magic::kImage;
  }
  if (LooksLikeHtml(bytes.substr(0, std::size_t{64} << 10))) return Magic::kHtml;
  return Magic::kNone;
}

std::optional<std::string> NameAndContentNote(Format format, std::string_view name) {
  const std::string_view ext = Extension(name);
  const bool says_pdf = EqualsIgnoreCase(ext, "pdf");
  const bool says_word = IsWordExtension(ext);
  // A PDF or Word document named as text (issue 13 reliability: "contract.txt" a Word file).
  const bool says_text =
      IsTextExtension(ext) && (format == Format::kPdf || format == Format::kDocx);
  if ((!says_pdf || format == Format::kPdf) && (!says_word || format == Format::kDocx) &&
      !says_text) {
    return std::nullopt;
  }
  std::string_view content = "HTML";
  if (format == Format::kPdf) content = "a PDF";
  if (format == Format::kDocx) content = "a Word document (DOCX)";
  if (format == Format::kText || format == Format::kMarkdown) return std::nullopt;
  return fmt::format("the name says .{} but the content is {}: read as that", ext, content);
}

Result<Format> DetectFormat(std::string_view bytes, std::string_view name) {
  switch (DetectMagic(bytes)) {
    case Magic::kPdf:
      return Format::kPdf;
    case Magic::kZip:
      return Format::kDocx;
    case Magic::kHtml:
      return Format::kHtml;
    case Magic::kOle:
      return Unsupported(name,
                         "a legacy Office file (.doc) or a password-protected Word document: "
                         "not supported; save it as DOCX without a password, or as PDF");
    case Magic::kImage:
      return Unsupported(name,
                         "an image, not a document with text: run OCR on it first (for example "
                         "into a searchable PDF)");
    case Magic::kNone:
      break;
  }
  std::string_view ext = Extension(name);
  if (std::optional<std::string> owner = OfficeLockOwner(bytes, name)) {
    const bool word = IsWordExtension(ext);
    return Unsupported(
        name, fmt::format("{} lock (owner) file, which {} keeps beside a document "
                          "while it is open (here by {}), not the document: scan "
                          "the document itself",
                          word ? "a Word" : "an Office", word ? "Word" : "Office", *owner));
  }
  // A PDF after a little junk (a mail or HTTP header) still opens in PDF readers; a text file
  // that merely mentions the header near its start is text.
  if (bytes.substr(0, kPdfHeaderWindow).find(kPdfHeader) != std::string_view::npos &&
      (EqualsIgnoreCase(ext, "pdf") || IsBinary(bytes))) {
    return Format::kPdf;
  }
  if (std::optional<Error> error = ExtensionMismatch(ext, name)) return *error;
  if (EqualsIgnoreCase(ext, "html") || EqualsIgnoreCase(ext, "htm") ||
      EqualsIgnoreCase(ext, "xhtml")) {
    std::string_view s = SkipProlog(bytes.substr(0, 4096));
    if (!s.empty() && s.front() == '<') return Format::kHtml;
  }
  if (EqualsIgnoreCase(ext, "md") || EqualsIgnoreCase(ext, "markdown")) return Format::kMarkdown;
  return Format::kText;  // the caller sniffs Markdown for names without an extension
}

}  // namespace clausescan::internal

#include "extract/document.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "extract/detect.h"
#include "extract/pdf_cleanup.h"
#include "extract/readers.h"
#include "extract/text_builder.h"

namespace clausescan::internal {
namespace {

// Length of the valid UTF-8 sequence starting at text[i] (a non-ASCII lead byte), or 0 when
// the bytes there are not one (overlong, surrogate, above U+10FFFF, truncated, stray byte).
std::size_t ValidSequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  auto cont = [](unsigned b, unsigned lo = 0x80, unsigned hi = 0xBF) { return b >= lo && b <= hi; };
  const unsigned lead = byte(i);
  if (lead >= 0xC2 && lead <= 0xDF) return cont(byte(i + 1)) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F is overlong
    unsigned hi = lead == 0xED ? 0x9F : 0xBF;  // ED A0..BF encodes surrogates
    return cont(byte(i + 1), lo, hi) && cont(byte(i + 2)) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned lo = lead == 0xF0 ? 0x90 : 0x80;  // F0 80..8F is overlong
    unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;  // F4 90.. is above U+10FFFF
    return cont(byte(i + 1), lo, hi) && cont(byte(i + 2)) && cont(byte(i + 3)) ? 4 : 0;
  }
  return 0;
}

// True when the eight bytes at p are all ASCII.
bool AsciiWord(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}

// Offset of the first non-ASCII byte at or after i, or text.size().
std::size_t SkipAscii(std::string_view text, std::size_t i) {
  while (i + 8 <= text.size() && AsciiWord(text.data() + i)) i += 8;
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

// The extension of the last path component without the dot, or "" when it has none.
std::string_view Extension(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return base.substr(dot + 1);
}

// True when a line of text looks like Markdown: an ATX heading, a link or strong emphasis.
bool LooksLikeMarkdownLine(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') return true;
  std::size_t link = line.find("](");
  if (link != std::string_view::npos && line.rfind('[', link) != std::string_view::npos &&
      line.find(')', link) != std::string_view::npos) {
    return true;
  }
  std::size_t strong = line.find("**");
  return strong != std::string_view::npos && line.find("**", strong + 3) != std::string_view::npos;
}

// Guesses the format of a nameless input from its first 64 KiB.
Format SniffFormat(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::size_t{64} << 10);
  std::size_t begin = 0;
  while (begin < head.size()) {
    std::size_t end = std::min(head.find('\n', begin), head.size());
    if (LooksLikeMarkdownLine(head.substr(begin, end - begin))) return Format::kMarkdown;
    begin = end + 1;
  }
  return Format::kText;
}

// Text or Markdown: by the extension, or by the content when the name has none.
Format TextFormat(std::string_view bytes, const std::string& name) {
  std::string_view ext = Extension(name);
  if (EqualsIgnoreCase(ext, "md") || EqualsIgnoreCase(ext, "markdown")) return Format::kMarkdown;
  if (!ext.empty()) return Format::kText;
  return SniffFormat(bytes);
}

// Replaces each byte that is not part of a valid UTF-8 sequence by '?', from offset first on.
void ReplaceInvalidBytes(std::string& text, std::size_t first) {
  std::size_t i = first;
  while ((i = SkipAscii(text, i)) < text.size()) {
    std::size_t length = ValidSequenceLength(text, i);
    if (length == 0) {
      text[i] = '?';
      length = 1;
    }
    i += length;
  }
}

// Every line end of text (valid UTF-8) as '\n', so that every stage reads the lines the author
// wrote: a lone "\r" (old Mac files) becomes "\n"; U+0085, U+2028 (line separator) and U+2029
// (paragraph separator, a blank line) become spaces and "\n" ("\n\n") in their bytes. The
// text keeps its length, so offsets stay those of the file; "\r\n" is left as it is.
void LineEndsAsNewlines(std::string& text) {
  auto put = [&](std::size_t at, std::string_view with) {
    std::copy(with.begin(), with.end(), text.begin() + static_cast<std::ptrdiff_t>(at));
  };
  const std::string_view view(text);
  for (std::size_t i = view.find_first_of("\r\xC2\xE2"); i != std::string_view::npos;
       i = view.find_first_of("\r\xC2\xE2", i + 1)) {
    const std::string_view rest = view.substr(i);
    if (text[i] == '\r') {
      if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
    } else if (rest.starts_with("\xC2\x85")) {
      put(i, " \n");
    } else if (rest.starts_with("\xE2\x80\xA8")) {
      put(i, "  \n");
    } else if (rest.starts_with("\xE2\x80\xA9")) {
      put(i, " \n\n");
    }
  }
}

Error InvalidUtf8Error(std::string_view bytes, std::size_t offset, const std::string& name) {
  std::string_view before = bytes.substr(0, offset);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  std::size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  int column = 1 + static_cast<int>(std::count_if(before.begin() + line_start, before.end(),
                                                  [](char c) { return (c & 0xC0) != 0x80; }));
  return Error(
      ErrorCode::kInvalidUtf8,
      fmt::format("invalid UTF-8 at byte {} (use ScanOptions::lossy_utf8 to replace invalid bytes)",
                  offset),
      name, line, column, static_cast<std::ptrdiff_t>(offset));
}

Error TooLargeError(std::size_t size, std::size_t limit, const std::string& name) {
  return Error(ErrorCode::kTooLarge,
               fmt::format("input is {} bytes, above the limit of {} bytes (raise the limit with "
                           "ScanOptions::max_input_bytes)",
                           size, limit),
               name);
}

// The error for a source read until it passed the limit: its size is not known, only that it
// holds more than limit bytes.
Error AboveLimitError(std::size_t limit, const std::string& name) {
  return Error(ErrorCode::kTooLarge,
               fmt::format("input is more than {} bytes, the limit (raise the limit with "
                           "ScanOptions::max_input_bytes)",
                           limit),
               name);
}

// Reads fd to its end into out, failing once out holds more than max_bytes. Never reads more
// than max_bytes + 1 bytes, grown by AppendWithin.
Result<bool> ReadAll(int fd, std::size_t max_bytes, const std::string& path, std::string& out) {
  const std::size_t most = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
  char buffer[1 << 16];
  while (true) {
    const std::size_t room = std::min(sizeof buffer, most - out.size());
    ssize_t n = ::read(fd, buffer, room);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error(ErrorCode::kIo, fmt::format("cannot read: {}", std::strerror(errno)), path);
    }
    AppendWithin(out, std::string_view(buffer, static_cast<std::size_t>(n)), most);
    if (out.size() > max_bytes) return AboveLimitError(max_bytes, path);
  }
}

}  // namespace

void AppendWithin(std::string& out, std::string_view data, std::size_t most) {
  const std::size_t needed = out.size() + data.size();
  if (needed > out.capacity()) {
    const std::size_t doubled = std::max(needed, 2 * out.capacity());
    out.reserve(doubled > most / 2 ? std::max(needed, most) : doubled);
  }
  out.append(data);
}

namespace {

// What a file that is not a regular one is, for messages.
const char* FileTypeName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "an unknown type of file";
}

// Runs the reader of an extracted format (HTML, DOCX, PDF).
Result<Document> ReadExtracted(Format format, std::string_view bytes, const std::string& name,
                               const ReadOptions& options) {
  Result<Document> doc = format == Format::kPdf    ? ReadPdf(bytes, name, options)
                         : format == Format::kDocx ? ReadDocx(bytes, name, options)
                                                   : ReadHtml(bytes, name, options);
  // Each reader stops at the limit as it builds the text; this holds whatever it missed.
  if (doc && doc->text.size() > options.max_text_bytes) {
    return TextLimitError(options.max_text_bytes, name);
  }
  if (doc) {
    doc->name = name;
    doc->format = format;
    doc->input_bytes = bytes.size();
    // Readers pass through what the file holds; later stages need valid UTF-8.
    std::size_t invalid = FindInvalidUtf8(doc->text);
    if (invalid != std::string_view::npos) ReplaceInvalidBytes(doc->text, invalid);
  }
  return doc;
}

// How much of a text file is looked at for NUL bytes, the mark of a binary file (as git does).
constexpr std::size_t kBinarySniffBytes = 8192;

// The code units of UTF-16 bytes (after the byte order mark) that do not decode: unpaired
// surrogates and an odd final byte, with where the first is.
struct Utf16Faults {
  int count = 0;
  std::size_t first_byte = 0;  // offset in bytes (the mark's 2 bytes included)
  int line = 0;                // of the first, 1-based
  int column = 0;              // of the first, in code points, 1-based
  bool odd_end = false;        // the first is an odd final byte
};

Utf16Faults FindUtf16Faults(std::string_view bytes, bool big_endian) {
  auto unit = [&](std::size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
  };
  Utf16Faults faults;
  int lines = 1;
  int column = 1;
  auto fault = [&](std::size_t i) {
    if (faults.count++ > 0) return;
    faults.first_byte = i + 2;
    faults.line = lines;
    faults.column = column;
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2, ++column) {
    const char16_t c = unit(i);
    if (c == u'\n') {
      ++lines;
      column = 0;
    }
    if (!U16_IS_SURROGATE(c)) continue;
    if (U16_IS_LEAD(c) && i + 3 < bytes.size() && U16_IS_TRAIL(unit(i + 2))) {
      i += 2;
      continue;
    }
    fault(i);
  }
  if (i < bytes.size()) {
    faults.odd_end = faults.count == 0;
    fault(i);
  }
  return faults;
}

// issue 13 s10 #3: the note on the faults of UTF-16 text read with --lossy-utf8, which the
// converter replaces by U+FFFD; "" when there are none.
std::string Utf16FaultNote(const Utf16Faults& faults) {
  if (faults.count == 0) return "";
  return fmt::format(
      "{} invalid UTF-16 code unit{} (unpaired surrogates or an odd final byte) replaced by "
      "U+FFFD (first on line {}): a word holding one is not matched by the rules; fix the file's "
      "encoding",
      faults.count, faults.count == 1 ? "" : "s", faults.line);
}

// The error for UTF-16 text with faults, read without --lossy-utf8: as for invalid UTF-8, the
// byte offset of the first.
Error InvalidUtf16Error(const Utf16Faults& faults, const std::string& name) {
  return Error(
      ErrorCode::kInvalidUtf8,
      fmt::format("invalid UTF-16 at byte {}: {} (use ScanOptions::lossy_utf8 to replace invalid "
                  "code units)",
                  faults.first_byte,
                  faults.odd_end ? "an odd final byte, half a code unit" : "an unpaired surrogate"),
      name, faults.line, faults.column, static_cast<std::ptrdiff_t>(faults.first_byte));
}

// The UTF-8 text of UTF-16 bytes that start with a byte order mark, or nullopt when bytes do
// not start with one. Faults (unpaired surrogates, an odd final byte) are an error
// (kInvalidUtf8) unless lossy, which replaces them by U+FFFD and says how many in *note (else
// "").
std::optional<Result<std::string>> Utf16ToUtf8(std::string_view bytes, bool lossy,
                                               const std::string& name, std::string* note) {
  const char* codepage = nullptr;
  if (bytes.substr(0, 2) == "\xFF\xFE") codepage = "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") codepage = "UTF-16BE";
  if (codepage == nullptr || bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    return std::nullopt;
  }
  bytes.remove_prefix(2);
  const Utf16Faults faults = FindUtf16Faults(bytes, codepage == std::string_view("UTF-16BE"));
  if (faults.count > 0 && !lossy) return Result<std::string>(InvalidUtf16Error(faults, name));
  *note = Utf16FaultNote(faults);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
  std::string utf8;
  text.toUTF8String(utf8);
  return Result<std::string>(std::move(utf8));
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "txt";
    case Format::kMarkdown:
      return "md";
    case Format::kHtml:
      return "html";
    case Format::kDocx:
      return "docx";
    case Format::kPdf:
      return "pdf";
  }
  return "txt";
}

SourceSpan Document::Locate(std::size_t offset) const {
  auto after = std::upper_bound(spans.begin(), spans.end(), offset,
                                [](std::size_t o, const SourceSpan& s) { return o < s.begin; });
  if (after == spans.begin()) return {};
  return *(after - 1);
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while ((i = SkipAscii(text, i)) < text.size()) {
    std::size_t length = ValidSequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

Result<std::string> ReadFileBytes(const std::string& path, std::size_t max_bytes, FileTypes types) {
  // O_NOCTTY: a terminal never becomes ours. For regular files only, O_NONBLOCK: a FIFO that
  // took the place of a file opens without waiting for a writer (fstat then refuses it).
  const int flags =
      O_RDONLY | O_NOCTTY | O_CLOEXEC | (types == FileTypes::kRegularOnly ? O_NONBLOCK : 0);
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    // An empty name (an unset shell variable) is quoted, as there is no path to name the file by.
    return Error(ErrorCode::kIo,
                 fmt::format("cannot open{}: {}", path.empty() ? " ''" : "", std::strerror(errno)),
                 path);
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    int error = errno;
    ::close(fd);
    return Error(ErrorCode::kIo, fmt::format("cannot stat: {}", std::strerror(error)), path);
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Error(ErrorCode::kIo, fmt::format("cannot read: {}", std::strerror(EISDIR)), path);
  }
  if (types == FileTypes::kRegularOnly && !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Error(ErrorCode::kIo, fmt::format("not a regular file ({})", FileTypeName(info.st_mode)),
                 path);
  }
  // The descriptor is a regular file's: reads block as usual from here on.
  if ((flags & O_NONBLOCK) != 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::size_t size = S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0;
  if (size > max_bytes) {
    ::close(fd);
    return TooLargeError(size, max_bytes, path);
  }
  std::string bytes;
  bytes.reserve(size);
  Result<bool> read = ReadAll(fd, max_bytes, path, bytes);
  ::close(fd);
  if (!read) return read.error();
  return bytes;
}

Result<Document> ReadDocument(std::string bytes, const std::string& name,
                              const ReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return TooLargeError(bytes.size(), options.max_input_bytes, name);
  }
  Result<Format> format = DetectFormat(bytes, name);
  if (!format) return format.error();
  if (*format != Format::kText && *format != Format::kMarkdown) {
    Result<Document> doc = ReadExtracted(*format, bytes, name, options);
    if (doc) {
      if (std::optional<std::string> note = NameAndContentNote(*format, name)) {
        doc->notes.push_back(*std::move(note));
      }
    }
    return doc;
  }
  Document doc;
  doc.input_bytes = bytes.size();
  std::string surrogates;
  if (std::optional<Result<std::string>> utf8 =
          Utf16ToUtf8(bytes, options.lossy_utf8, name, &surrogates)) {
    if (!*utf8) return utf8->error();
    bytes = std::move(**utf8);
    doc.notes.push_back(
        "the file is UTF-16 text, read as UTF-8: offsets refer to the converted text (clausescan "
        "text prints it)");
    if (!surrogates.empty()) doc.notes.push_back(std::move(surrogates));
  }
  // UTF-16 text grows by up to half in UTF-8; a file of UTF-8 is its own text.
  if (bytes.size() > options.max_text_bytes) return TextLimitError(options.max_text_bytes, name);
  std::size_t nul = std::string_view(bytes).substr(0, kBinarySniffBytes).find('\0');
  if (nul != std::string_view::npos) {
    return Error(ErrorCode::kUnsupportedFormat,
                 fmt::format("a binary file (a NUL byte at byte {}), not a document clausescan "
                             "reads: text, Markdown, HTML, DOCX or PDF",
                             nul),
                 name, 0, 0, static_cast<std::ptrdiff_t>(nul));
  }
  std::size_t invalid = FindInvalidUtf8(bytes);
  if (invalid != std::string_view::npos) {
    if (!options.lossy_utf8) return InvalidUtf8Error(bytes, invalid, name);
    ReplaceInvalidBytes(bytes, invalid);
  }
  LineEndsAsNewlines(bytes);
  doc.name = name;
  doc.format = TextFormat(bytes, name);
  // Text converted from a PDF may keep the margin's line numbers (no section numbers) and the
  // pages' running headers, footers and numbers (issue 11 engine A #3).
  if (doc.format == Format::kText) {
    BlankMarginLineNumbers(&bytes);
    BlankRunningLines(&bytes);
  }
  doc.text = std::move(bytes);
  return doc;
}

}  // namespace clausescan::internal

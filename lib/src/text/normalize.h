// The matching view of a document and the offset map back to it.
#ifndef CLAUSESCAN_TEXT_NORMALIZE_H_
#define CLAUSESCAN_TEXT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// Two byte-aligned views of a document plus a map from each of their bytes to the document.
//
// `text` (the cased view) is the document after: NFKC; curly quotes -> ' and "; dashes
// (U+2010..U+2015, U+2212) -> '-'; ligatures (via NFKC); soft hyphens and zero-width characters
// removed; words broken by line-end hyphenation joined ("Indemni-\nfication" -> "Indemnification",
// only when both sides are lower-case letters; after a tens number word the hyphen stays:
// "seventy-\ntwo" -> "seventy-two", see IsTensNumberWord); with
// join_sentences_across_blank_lines, a page break inside a sentence dropped: blank lines, and a
// page number standing between them, after a line that ends in a lower-case letter, a comma or
// (an item of a list that lost its markers) a ';' and before a lower-case word that is no list
// marker ("In no\n\n- 8 -\n\nevent" -> "In no\nevent") or (not after a ';'), after a
// page number, before a name or a number that is no list marker or numbered heading
// ("within\n\n8\n\n24 hours"), or between a line of capitals that ran to the margin and
// capitals; runs of
// spaces/tabs (and NBSP etc.) -> one space; "\r\n" (or a lone "\r") -> "\n"; spaces at line
// starts and ends removed. Line breaks are kept as '\n' so the segmenter can see lines and blank
// lines (paragraph breaks). For
// Markdown: inline HTML tags (<span ...>, </span>, <br>...) removed (block tags such as <br> and
// <p> leave a space; <li> starts a line with a "- " list marker), emphasis markers (*, **, _, __
// around words, `code` ticks) removed, links [text](url) -> text, backslash escapes unescaped,
// HTML entities (&amp; &nbsp; ...) decoded, YAML front matter removed; heading markers ('#') and
// list markers are kept (the segmenter reads them).
//
// `folded` has exactly the same length as `text`: each code point is simple-case-folded (ICU
// u_foldCase) when that keeps its UTF-8 length, and every '\n' becomes ' '. Rules match on it.
//
// `source[i]` is the byte offset in the document of the input character that produced byte i
// of `text`; source.size() == text.size() + 1 and source.back() == document size.
struct NormalizedText {
  std::string text;
  std::string folded;
  std::vector<std::uint32_t> source;

  // Maps the half-open range [begin, end) of `text` to a half-open byte range of `document`
  // (the string Normalize was given): from the start of the character that produced `begin` to
  // the end of the character that produced `end - 1`. Precondition: begin < end <= text.size().
  std::pair<std::size_t, std::size_t> SourceRange(std::size_t begin, std::size_t end,
                                                  std::string_view document) const;
};

struct NormalizeOptions {
  bool markdown = false;
  // Drop blank lines inside a sentence (see Normalize): for text whose blank lines may be page
  // breaks rather than paragraph breaks.
  bool join_sentences_across_blank_lines = false;
};

// Normalises valid UTF-8. Never fails; linear in the input. ASCII runs take a fast path that
// does not call ICU. NFKC can make text longer, up to 18 code points for one (U+FDFA): the
// result has no size bound but that.
NormalizedText Normalize(std::string_view document, const NormalizeOptions& options);

// As Normalize, but stops as soon as the cased view passes max_bytes and returns nullopt then.
// The views are built as the document is read, NFKC a few KiB at a time, so memory stays within
// about 6 times max_bytes (the two views and the offset map) plus a few KiB, however much the
// text expands.
std::optional<NormalizedText> NormalizeWithin(std::string_view document,
                                              const NormalizeOptions& options,
                                              std::size_t max_bytes);

// Line and column lookup in a document, which must outlive the index. Lines are split at '\n'.
// Building it reads the document once; memory: 4 bytes per line, 8 per 4 KiB (documents are
// less than 4 GiB, as NormalizedText::source requires). Thread-safe for concurrent lookups.
class LineIndex {
 public:
  explicit LineIndex(std::string_view document);
  // 1-based line of the byte at offset (offsets past the end: the end). O(log lines).
  int Line(std::size_t offset) const;
  // 1-based column of the byte at offset, counting characters (UTF-8 code points: the bytes
  // from the line's start to offset that are not continuation bytes). Reads at most 8 KiB of
  // the document, however long the line.
  int Column(std::size_t offset) const;

 private:
  static constexpr std::size_t kStep = 4096;  // bytes between two checkpoints
  // Code points in the document's first offset bytes.
  std::size_t CodePointsBefore(std::size_t offset) const;

  std::string_view document_;
  std::vector<std::uint32_t> line_starts_;
  std::vector<std::size_t> checkpoints_;  // [i]: code points in the first i * kStep bytes
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_TEXT_NORMALIZE_H_

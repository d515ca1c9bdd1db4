// Text helpers shared by the printers: UTF-8 counting and repair, and escaping for terminals,
// HTML, Markdown and CSV. Contract text is untrusted input: every printer passes it through one
// of these before it reaches its output.
#ifndef CLAUSESCAN_REPORT_STRINGS_H_
#define CLAUSESCAN_REPORT_STRINGS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clausescan::internal {

inline bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Number of characters (code points) in UTF-8 text.
std::size_t CharCount(std::string_view text);

// Byte offset of the character with index `chars` (text.size() when past the end).
std::size_t ByteOffsetOfChar(std::string_view text, std::size_t chars);

// The text with every byte that is not part of a well-formed UTF-8 sequence (overlong forms,
// surrogates and values above U+10FFFF included) replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// A clause as people should read it: for Markdown documents (format "md"), the inline HTML
// tags of common text elements (<span class="...">, </a>, <br/>, <strong>...) are removed,
// as a Markdown viewer would not show them, and so are the pieces of such tags that a quote or
// its context was cut inside of (`class="x">` at the start, `<span cla` at the end) and the
// emphasis markers (`**`, `__`, a `*` or `_` that opens or closes a word), which a viewer does
// not show either and which a cut quote leaves unmatched; character references are decoded
// ("&amp;" as "&", "&nbsp;" as a space, "&#8212;"), a link or image shows its text only ("[the
// DPA](https://...)" as "the DPA"), as a viewer shows them; strikethrough keeps its markers
// ("~~24 hours~~ 30 days"), so deleted words never read as current ones. Other formats are returned as they are. Only known element names count,
// so template placeholders such as "<Customer Name>" stay.
std::string ReadableQuote(std::string_view text, std::string_view format);

// What the text helpers do with Unicode format characters (category Cf), which a reader does
// not see but which change what the reader sees: bidi embeddings, overrides and isolates
// (U+202A..U+202E, U+2066..U+2069) reorder the text after them (Trojan Source), zero-width
// characters (U+200B..U+200D, U+2060, U+FEFF) hide a difference between two words.
enum class FormatChars {
  kShow,  // bidi controls written as "[U+202E]"; every other format character dropped
  kKeep,  // kept as they are (keys that compare texts, not shown to anyone)
};

// Document text made safe and compact for one line: whitespace runs become one space, control
// characters (C0, DEL, and C1 such as CSI) are dropped, format characters treated as `format`
// says, and the ends are trimmed. Bytes that are not well-formed UTF-8 become U+FFFD with
// kShow (text shown to people: a file name's invalid bytes too) and are kept with kKeep.
std::string CleanText(std::string_view text, FormatChars format = FormatChars::kShow);

// A file's path for the text reports: CleanText, with each control character written escaped
// first (newline "\\n", carriage return "\\r", tab "\\t", others "\\x01"), so that "a\nb.md"
// is not shown as "a b.md", the name of another file.
std::string PathText(std::string_view path);

// Text safe to print on a terminal as it is laid out: invalid UTF-8 replaced by U+FFFD, control
// characters other than newline and tab (C0 such as ESC, BEL and CR; DEL; C1 such as CSI)
// dropped, so no escape sequence reaches the terminal; format characters as FormatChars::kShow.
std::string TerminalText(std::string_view text);

// TerminalText for a value shown inside one line of a human report (a name, a path): control
// characters written escaped as PathText writes them ("\\n", "\\r", "\\t", "\\x1b"; NEL, the
// other C1 controls, U+2028 and U+2029 as "[U+2028]"), so the value cannot start a line of its
// own and a name is shown as the name of no other file.
std::string TerminalLine(std::string_view text);

// A message (error, note, progress) as one line: as TerminalLine, but every format character
// is written as "[U+200B]" too, so two values that differ only by an invisible character are
// told apart.
std::string MessageLine(std::string_view text);

// Text for HTML element content and quoted attribute values: valid UTF-8, `&<>"'` as
// entities, control characters other than tab and newline dropped (they are parse errors in
// HTML), CR LF and a lone CR as LF, format characters as FormatChars::kShow. Other whitespace
// is kept as it is.
std::string HtmlEscape(std::string_view text);

// CleanText, then a backslash before every character Markdown (CommonMark and GitHub tables)
// could read as inline markup: \ ` * _ [ ] < > | ~ &. The result is one line of literal text,
// safe inside a paragraph, a heading or a table cell.
std::string MarkdownEscape(std::string_view text);

// MarkdownEscape for text that starts a line (after "> " or "- " included): a leading
// - + = # or ordered-list marker ("1." "2)") is escaped too, so it cannot start a block.
std::string MarkdownEscapeLine(std::string_view text);

// A CSV field as RFC 4180 writes it: valid UTF-8 without control characters (C0 but tab, CR
// and LF; DEL; C1), format characters as FormatChars::kShow (people open CSV in spreadsheets),
// quoted when it holds a comma, quote, CR or LF, with quotes doubled. A field a spreadsheet
// would evaluate (starting with = + - @ tab or CR) is prefixed with an apostrophe first:
// contract text must never run as a formula.
std::string CsvField(std::string_view raw);

// JSON text (as a JSON library writes it, with non-ASCII characters as they are) with every
// format character (see FormatChars) written as its \u escape ("\u202e"; a surrogate pair above
// U+FFFF), so a reader of the file sees it while a parser reads back the original text. Only
// for JSON: outside its strings, JSON text is ASCII.
std::string JsonEscapeFormatChars(std::string_view json);

// ASCII letters upper-cased; other bytes unchanged.
std::string AsciiUpper(std::string_view text);

// "1 finding", "2 findings".
std::string Plural(std::size_t n, std::string_view one, std::string_view many);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_STRINGS_H_

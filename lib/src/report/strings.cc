#include "report/strings.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdint>

namespace clausescan::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i], or 0 when there is none (RFC 3629).
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  unsigned char second = byte(i + 1);
  // The second byte's range rules out overlong forms, surrogates and values past U+10FFFF.
  unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!IsContinuationByte(text[i + k])) return 0;
  }
  return length;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Stands for a byte that starts no well-formed sequence.
constexpr char32_t kNotACodePoint = 0xFFFFFFFF;

// The code point of the well-formed sequence of `length` bytes at text[i].
char32_t Decode(std::string_view text, std::size_t i, std::size_t length) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  if (length == 1) return byte(0);
  static constexpr unsigned char kLeadMask[] = {0, 0, 0x1F, 0x0F, 0x07};
  char32_t c = byte(0) & kLeadMask[length];
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(k) & 0x3F);
  return c;
}

// Bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they reorder the
// text after them until their end, as a reader would not see.
bool IsBidiControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool IsFormatChar(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR; }

// Which layout characters FilterText keeps.
enum class Layout {
  kOneLine,     // none: ASCII whitespace runs become one space, the ends are trimmed
  kLines,       // newline and tab
  kLinesAndCr,  // newline, tab and CR
  kEscaped,     // none: control characters written escaped as in a file's path ("\\n", "\\r",
                // "\\t", "\\x1b"; NEL, C1, U+2028 and U+2029 as "[U+2028]"), so input cannot
                // start a line of its own
};

// What FilterText does with format characters.
enum class Format {
  kKeep,      // copied
  kShowBidi,  // bidi controls as "[U+202E]", every other one dropped
  kShowAll,   // every one as "[U+200B]"
};

bool IsControlByte(unsigned char c) { return c < 0x20 || c == 0x7f; }

// How a control byte (C0 or DEL) of a name or message is written: "\\n", "\\r", "\\t",
// "\\x1b".
std::string ControlEscape(unsigned char c) {
  switch (c) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return fmt::format("\\x{:02x}", c);
  }
}

// The one filter of characters that are not text, for every printer: drops control characters
// (C0 but the layout kept, DEL, C1; kEscaped writes them escaped); with show_format, writes bidi controls as "[U+202E]" and
// drops every other format character (Unicode category Cf: zero-width characters, U+FEFF,
// soft hyphens, tags...), which could reorder or hide what a reader sees. Bytes that are not
// well-formed UTF-8 are copied (callers repair with ValidUtf8 first where they must).
std::string FilterText(std::string_view text, Layout layout, Format format) {
  const bool show_format = format != Format::kKeep;
  std::string out;
  out.reserve(text.size());
  bool space = false;  // kOneLine: whitespace seen since the last character written
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t sequence = SequenceLength(text, i);
    const std::size_t length = std::max<std::size_t>(sequence, 1);
    const char32_t code = sequence > 0 ? Decode(text, i, length) : kNotACodePoint;
    std::string_view piece = text.substr(i, length);
    i += length;
    std::string shown;
    if (layout == Layout::kOneLine && IsAsciiSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (layout == Layout::kEscaped && IsControlByte(c)) {
      shown = ControlEscape(c);
      piece = shown;
    } else if (layout == Layout::kEscaped &&
               (code == 0x2028 || code == 0x2029 || (code >= 0x80 && code <= 0x9F))) {
      shown = fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(code));  // NEL, C1
      piece = shown;
    } else if (layout == Layout::kOneLine && (code == 0x2028 || code == 0x2029)) {
      space = !out.empty();
      continue;
    } else if (c == '\n' || c == '\t') {
      // kept as they are (kOneLine handled them above)
    } else if (c == '\r') {
      if (layout != Layout::kLinesAndCr) continue;
    } else if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) {
      continue;  // C0, DEL, C1
    } else if (show_format && code >= 0x80 && code != kNotACodePoint && IsFormatChar(code)) {
      if (format == Format::kShowBidi && !IsBidiControl(code)) continue;
      shown = fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(code));
      piece = shown;
    }
    if (space) out += ' ';
    space = false;
    out.append(piece);
  }
  return out;
}

// Whether the text starts with an ordered-list marker such as "1." or "12)".
bool StartsWithListNumber(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  return digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
}

}  // namespace

std::size_t CharCount(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

std::size_t ByteOffsetOfChar(std::string_view text, std::size_t chars) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    if (chars-- == 0) return i;
  }
  return text.size();
}

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = SequenceLength(text, i);
    if (length == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

namespace {

bool IsInlineElement(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "a",      "abbr",   "b",   "bdi", "bdo",  "big",  "br", "cite", "code", "del",   "dfn",
      "em",     "font",   "i",   "ins", "kbd",  "mark", "q",  "s",    "samp", "small", "span",
      "strike", "strong", "sub", "sup", "time", "tt",   "u",  "var",  "wbr"};
  for (std::string_view known : kNames) {
    if (name.size() == known.size() &&
        std::equal(name.begin(), name.end(), known.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
  }
  return false;
}

// The length of the inline-element tag at text[i] ('<'), or 0 when there is none.
std::size_t InlineTagLength(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '/') ++j;
  std::size_t name_begin = j;
  while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
  if (!IsInlineElement(text.substr(name_begin, j - name_begin))) return 0;
  if (j < text.size() && text[j] != '>' && text[j] != '/' &&
      !std::isspace(static_cast<unsigned char>(text[j]))) {
    return 0;
  }
  // Attributes: up to the closing '>', never across another '<' or far away.
  for (std::size_t k = j; k < text.size() && k < i + 512; ++k) {
    if (text[k] == '<') return 0;
    if (text[k] == '>') return k + 1 - i;
  }
  return 0;
}

// The length of the end of a tag that a quote or its context starts inside of: the text up to
// the first '>' when it holds no '<' and reads as the rest of a tag: attributes (`class="x">`,
// `="x">`, `x">`) or an inline element's name (`span>`, `/span>`). 0 otherwise.
std::size_t CutTagHeadLength(std::string_view text) {
  std::size_t close = text.find('>');
  if (close == std::string_view::npos || close > 512) return 0;
  std::string_view head = text.substr(0, close);
  if (head.find('<') != std::string_view::npos) return 0;
  std::size_t quotes = std::count(head.begin(), head.end(), '"');
  bool attributes = quotes > 0 && head.back() == '"' &&
                    (head.find('=') != std::string_view::npos || quotes % 2 == 1);
  std::string_view name = head;
  while (!name.empty() && (name.back() == '/' || name.back() == ' ')) name.remove_suffix(1);
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return attributes || IsInlineElement(name) ? close + 1 : 0;
}

// The length of the start of a tag that a quote or its context ends inside of: from the last
// '<' with no '>' after it, when an inline element's name (or its start, or nothing yet)
// follows it. 0 otherwise.
std::size_t CutTagTailLength(std::string_view text) {
  std::size_t open = text.rfind('<');
  if (open == std::string_view::npos || text.size() - open > 512 ||
      text.find('>', open) != std::string_view::npos) {
    return 0;
  }
  std::size_t j = open + 1;
  if (j < text.size() && text[j] == '/') ++j;
  std::size_t name_begin = j;
  while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
  std::string_view name = text.substr(name_begin, j - name_begin);
  if (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) return 0;
  if (j == text.size() && !name.empty()) {  // "<spa": any inline element that starts so
    for (std::string_view known : {"a", "abbr", "span", "strong", "sub", "sup", "small", "em",
                                   "code", "mark", "font", "br", "b", "i", "u"}) {
      if (known.substr(0, std::min(known.size(), name.size())) == name &&
          name.size() <= known.size()) {
        return text.size() - open;
      }
    }
    return 0;
  }
  return name.empty() || IsInlineElement(name) ? text.size() - open : 0;
}

// The length of the Markdown emphasis marker at text[i], or 0: a run of two or more '*' or '_'
// (`**bold**`, and the unmatched half a cut quote leaves), or a single one that opens a word
// (after a space, '(' or the start, before a letter or digit) with a closing one later in the
// text (after a letter or digit, before a space, punctuation or the end), or that closes one
// opened before (*open counts the single openers of each marker seen: [0] '*', [1] '_').
std::size_t EmphasisMarkerLength(std::string_view text, std::size_t i, int open[2]) {
  char marker = text[i];
  if (marker != '*' && marker != '_') return 0;
  std::size_t end = i;
  while (end < text.size() && text[end] == marker) ++end;
  if (end - i >= 2) return end - i;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c < 0; };
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  auto closes_at = [&](std::size_t k) {
    return k > 0 && word(text[k - 1]) &&
           (k + 1 == text.size() || space(text[k + 1]) ||
            std::ispunct(static_cast<unsigned char>(text[k + 1])));
  };
  int& opened = open[marker == '*' ? 0 : 1];
  if (opened > 0 && closes_at(i)) {
    --opened;
    return 1;
  }
  bool opens =
      (i == 0 || space(text[i - 1]) || text[i - 1] == '(') && end < text.size() && word(text[end]);
  if (!opens) return 0;
  for (std::size_t k = text.find(marker, end); k != std::string_view::npos && k < i + 512;
       k = text.find(marker, k + 1)) {
    if (closes_at(k)) {
      ++opened;
      return 1;
    }
  }
  return 0;
}

// Decodes the HTML character reference at text[i] ('&'): a named one a Markdown viewer shows
// ("&amp;", "&nbsp;" as a space) or a numeric one ("&#8212;", "&#x2014;") of a printable
// character; returns its length and sets *decoded, or 0 for anything else ("AT&T", "&unknown;").
std::size_t EntityLength(std::string_view text, std::size_t i, std::string* decoded) {
  const std::size_t semicolon = text.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 10) return 0;
  const std::string_view name = text.substr(i + 1, semicolon - i - 1);
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},           {"lt", "<"},            {"gt", ">"},
      {"quot", "\""},         {"apos", "'"},          {"nbsp", " "},
      {"ndash", "\u2013"},    {"mdash", "\u2014"},    {"lsquo", "\u2018"},
      {"rsquo", "\u2019"},    {"ldquo", "\u201C"},    {"rdquo", "\u201D"},
      {"hellip", "\u2026"},   {"sect", "\u00A7"},     {"para", "\u00B6"},
      {"copy", "\u00A9"},     {"reg", "\u00AE"},      {"trade", "\u2122"},
      {"euro", "\u20AC"},     {"pound", "\u00A3"},    {"yen", "\u00A5"},
      {"cent", "\u00A2"},     {"deg", "\u00B0"},      {"times", "\u00D7"},
  };
  for (const auto& [entity, shown] : kNamed) {
    if (name == entity) {
      *decoded = shown;
      return semicolon - i + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  std::uint32_t code = 0;
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return 0;
  const bool printable = code >= 0x20 && !(code >= 0x7F && code <= 0x9F) && code <= 0x10FFFF &&
                         !(code >= 0xD800 && code <= 0xDFFF);
  if (!printable) return 0;
  decoded->clear();
  if (code < 0x80) {
    *decoded += static_cast<char>(code);
  } else if (code < 0x800) {
    *decoded += static_cast<char>(0xC0 | (code >> 6));
    *decoded += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    *decoded += static_cast<char>(0xE0 | (code >> 12));
    *decoded += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *decoded += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    *decoded += static_cast<char>(0xF0 | (code >> 18));
    *decoded += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    *decoded += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *decoded += static_cast<char>(0x80 | (code & 0x3F));
  }
  return semicolon - i + 1;
}

// A Markdown link whose text opens at text[open] ('['): its text ends at close (the ']'), and
// the link at end, past "(destination)" or "[reference]". close is 0 when there is none.
struct MarkdownLink {
  std::size_t close = 0;
  std::size_t end = 0;
};

// The inline ("[text](url)") or reference ("[text][ref]") link, or image ("![alt](src)", open
// then at the '['), whose text opens at text[open], on one line; {} when there is none ("[insert
// date]", a checkbox "[ ] (a)").
MarkdownLink LinkAt(std::string_view text, std::size_t open) {
  if (open >= text.size() || text[open] != '[') return {};
  const std::size_t close = text.find_first_of("[]\n", open + 1);
  if (close == std::string_view::npos || text[close] != ']' || close == open + 1 ||
      close - open > 512 || close + 1 >= text.size()) {
    return {};
  }
  const char opener = text[close + 1];
  if (opener != '(' && opener != '[') return {};
  const char closer = opener == '(' ? ')' : ']';
  const std::size_t end = text.find_first_of(std::string{closer, '\n', ' '}, close + 2);
  if (end == std::string_view::npos || text[end] != closer || end - close > 2048 ||
      end == close + 2) {
    return {};
  }
  return {close, end + 1};
}

}  // namespace

std::string ReadableQuote(std::string_view text, std::string_view format) {
  if (format != "md") return std::string(text);
  text.remove_prefix(CutTagHeadLength(text));
  text.remove_suffix(CutTagTailLength(text));
  std::string out;
  out.reserve(text.size());
  int open_markers[2] = {0, 0};
  MarkdownLink link;  // the link whose text is being copied; link.close == 0 when none
  for (std::size_t i = 0; i < text.size();) {
    if (link.close > 0 && i >= link.close) {
      i = std::max(i, link.end);
      link = {};
      continue;
    }
    std::size_t tag = text[i] == '<' ? InlineTagLength(text, i) : 0;
    if (tag > 0) {
      i += tag;
      continue;
    }
    std::size_t marker = EmphasisMarkerLength(text, i, open_markers);
    if (marker > 0) {
      i += marker;
      continue;
    }
    if (text[i] == '&') {
      std::string decoded;
      if (const std::size_t length = EntityLength(text, i, &decoded); length > 0) {
        out += decoded;
        i += length;
        continue;
      }
    }
    if (link.close == 0 && (text[i] == '[' || (text[i] == '!' && i + 1 < text.size()))) {
      const std::size_t open = text[i] == '!' ? i + 1 : i;
      if (MarkdownLink found = LinkAt(text, open); found.close > 0) {
        link = found;
        i = open + 1;
        continue;
      }
      // A link's text the quote ends inside ("[personnel screening" of "[personnel
      // screening](url)"): its '[' closes nowhere in the quote.
      if (text[i] == '[' && text.find(']', i) == std::string_view::npos) {
        ++i;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::string PathText(std::string_view path) {
  std::string escaped;
  escaped.reserve(path.size());
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsControlByte(byte)) {
      escaped += ControlEscape(byte);
    } else {
      escaped += c;
    }
  }
  return CleanText(escaped);
}

std::string CleanText(std::string_view text, FormatChars format) {
  if (format == FormatChars::kKeep) return FilterText(text, Layout::kOneLine, Format::kKeep);
  return FilterText(ValidUtf8(text), Layout::kOneLine, Format::kShowBidi);
}

std::string TerminalText(std::string_view text) {
  return FilterText(ValidUtf8(text), Layout::kLines, Format::kShowBidi);
}

std::string TerminalLine(std::string_view text) {
  return FilterText(ValidUtf8(text), Layout::kEscaped, Format::kShowBidi);
}

std::string MessageLine(std::string_view text) {
  return FilterText(ValidUtf8(text), Layout::kEscaped, Format::kShowAll);
}

std::string HtmlEscape(std::string_view text) {
  const std::string valid = FilterText(ValidUtf8(text), Layout::kLinesAndCr, Format::kShowBidi);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':  // CR LF and a lone CR read as LF, as an HTML parser reads them
        if (i + 1 == valid.size() || valid[i + 1] != '\n') out += '\n';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string clean = CleanText(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string MarkdownEscapeLine(std::string_view text) {
  std::string out = MarkdownEscape(text);
  if (!out.empty() && std::string_view("-+=#").find(out[0]) != std::string_view::npos) {
    return '\\' + out;
  }
  if (StartsWithListNumber(out)) {
    std::size_t digits = out.find_first_not_of("0123456789");
    out.insert(digits, 1, '\\');
  }
  return out;
}

std::string JsonEscapeFormatChars(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    const std::size_t length = std::max<std::size_t>(SequenceLength(json, i), 1);
    const char32_t code = length > 1 ? Decode(json, i, length) : kNotACodePoint;
    if (code != kNotACodePoint && IsFormatChar(code)) {
      if (code > 0xFFFF) {
        const char32_t v = code - 0x10000;
        out += fmt::format("\\u{:04x}\\u{:04x}", static_cast<std::uint32_t>(0xD800 + (v >> 10)),
                           static_cast<std::uint32_t>(0xDC00 + (v & 0x3FF)));
      } else {
        out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code));
      }
    } else {
      out.append(json.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string CsvField(std::string_view raw) {
  // Control characters (C0 but tab, CR and LF; DEL; C1) never reach a cell: a terminal showing
  // the file, or a spreadsheet, would act on an escape sequence from the contract. People read
  // the cells, so format characters show as in the text report (D5).
  std::string value = FilterText(ValidUtf8(raw), Layout::kLinesAndCr, Format::kShowBidi);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace clausescan::internal

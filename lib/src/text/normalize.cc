#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

#include "text/hyphenation.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// How the ASCII fast path treats a byte.
enum ByteClass : std::uint8_t { kPlain, kSpace, kNewline, kReturn, kNonAscii };

constexpr std::array<std::uint8_t, 256> MakeClassTable() {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      table[c] = kNonAscii;
    } else if (c == '\n') {
      table[c] = kNewline;
    } else if (c == '\r') {
      table[c] = kReturn;
    } else if (c < 0x20 || c == ' ' || c == 0x7F) {
      table[c] = kSpace;  // tabs, form feeds and other controls separate words
    } else {
      table[c] = kPlain;
    }
  }
  return table;
}

constexpr std::array<std::uint8_t, 256> kClass = MakeClassTable();

// What the fast path writes for a plain or space byte in the cased and the folded view.
constexpr std::array<char, 128> MakeCasedTable() {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = static_cast<char>(kClass[c] == kSpace ? ' ' : c);
  return table;
}

constexpr std::array<char, 128> MakeFoldedTable() {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = kClass[c] == kSpace ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return table;
}

constexpr std::array<char, 128> kCased = MakeCasedTable();
constexpr std::array<char, 128> kFolded = MakeFoldedTable();

std::uint8_t ClassOf(char c) { return kClass[static_cast<unsigned char>(c)]; }

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t CountCodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !IsContinuation(c); }));
}

bool IsWordByte(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9') ||
         ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// ---------------------------------------------------------------------------------------------
// Markdown inline markup: spans of the document that the matching view drops or replaces.

struct Markup {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view with;  // replacement text ("" drops the span)
  bool new_line = false;  // start a new line before `with` (an HTML list item)
};

// The first occurrence at or after a position of any byte of a set (or of a whole string),
// remembering the last answer so that increasing queries cost linear time in total.
class NextOf {
 public:
  enum Mode { kAnyByte, kString };
  NextOf(std::string_view text, std::string_view needle, Mode mode)
      : text_(text), needle_(needle), mode_(mode) {}
  std::size_t Find(std::size_t from) {
    if (searched_ && from >= from_ && (found_ == kNone || from <= found_)) return found_;
    searched_ = true;
    from_ = from;
    found_ = mode_ == kAnyByte ? text_.find_first_of(needle_, from) : text_.find(needle_, from);
    return found_;
  }

 private:
  std::string_view text_;
  std::string_view needle_;
  Mode mode_;
  bool searched_ = false;
  std::size_t from_ = 0;
  std::size_t found_ = kNone;
};

bool TagIs(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view candidate : names) {
    if (name.size() == candidate.size() &&
        std::equal(name.begin(), name.end(), candidate.begin(),
                   [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

// What an HTML tag becomes: list items start a line with a "- " marker, block tags separate
// words, inline tags vanish.
void SetTagReplacement(std::string_view name, bool closing, Markup& markup) {
  if (TagIs(name, {"li"}) && !closing) {
    markup.with = "- ";
    markup.new_line = true;
  } else if (TagIs(name,
                   {"br",    "p",     "div", "li", "ul", "ol", "tr", "td", "th", "table",
                    "thead", "tbody", "h1",  "h2", "h3", "h4", "h5", "h6", "hr", "blockquote"})) {
    markup.with = " ";
  }
}

class MarkupFinder {
 public:
  explicit MarkupFinder(std::string_view doc)
      : doc_(doc),
        link_end_(doc, ")\n", NextOf::kAnyByte),
        ref_end_(doc, "]\n", NextOf::kAnyByte),
        comment_end_(doc, "-->", NextOf::kString) {}

  // Every markup span, sorted and non-overlapping.
  std::vector<Markup> Find();

 private:
  std::size_t FrontMatter();
  std::size_t Escape(std::size_t i);
  std::size_t Emphasis(std::size_t i);
  std::size_t Tag(std::size_t i);
  std::size_t Comment(std::size_t i);
  std::size_t Entity(std::size_t i);
  std::size_t CloseBracket(std::size_t i);
  void Drop(std::size_t begin, std::size_t end) { out_.push_back({begin, end, {}, false}); }

  std::string_view doc_;
  NextOf link_end_;
  NextOf ref_end_;
  NextOf comment_end_;
  std::vector<std::size_t> open_brackets_;
  std::vector<Markup> out_;
};

std::vector<Markup> MarkupFinder::Find() {
  std::size_t i = FrontMatter();
  while (i < doc_.size()) {
    switch (doc_[i]) {
      case '\\':
        i = Escape(i);
        break;
      case '*':
      case '_':
      case '`':
        i = Emphasis(i);
        break;
      case '<':
        i = Tag(i);
        break;
      case '&':
        i = Entity(i);
        break;
      case ']':
        i = CloseBracket(i);
        break;
      case '[':
        if (open_brackets_.size() < 16) open_brackets_.push_back(i);
        ++i;
        break;
      case '\n':
        if (i + 1 < doc_.size() && doc_[i + 1] == '\n') open_brackets_.clear();
        ++i;
        break;
      default:
        ++i;
    }
  }
  std::sort(out_.begin(), out_.end(),
            [](const Markup& a, const Markup& b) { return a.begin < b.begin; });
  std::size_t kept = 0;
  for (const Markup& m : out_) {
    if (kept == 0 || m.begin >= out_[kept - 1].end) out_[kept++] = m;
  }
  out_.resize(kept);
  return std::move(out_);
}

// A YAML front matter block ("---" lines around "key: value" metadata) at the start is not
// contract text. Returns where the text after it starts (0 when there is none).
std::size_t MarkupFinder::FrontMatter() {
  if (doc_.compare(0, 4, "---\n") != 0 && doc_.compare(0, 5, "---\r\n") != 0) return 0;
  std::size_t first_line = doc_.find('\n') + 1;
  std::size_t colon = doc_.find(':', first_line);
  if (colon == kNone || colon > doc_.find('\n', first_line)) return 0;
  for (std::size_t close = doc_.find("\n---", 3); close != kNone;
       close = doc_.find("\n---", close + 1)) {
    std::size_t end = close + 4;
    if (end == doc_.size() || doc_[end] == '\n' || doc_[end] == '\r') {
      Drop(0, end);
      return end;
    }
  }
  return 0;
}

std::size_t MarkupFinder::Escape(std::size_t i) {
  if (i + 1 < doc_.size() && std::ispunct(static_cast<unsigned char>(doc_[i + 1]))) {
    Drop(i, i + 1);
    return i + 2;
  }
  return i + 1;
}

// A run of '*' and '_' (or of '`') is dropped when it opens or closes emphasis (touches text on
// one side); '_' inside a word (snake_case), runs between spaces (list markers, rules) and runs
// between punctuation ("[*****]") stay.
std::size_t MarkupFinder::Emphasis(std::size_t i) {
  bool ticks = doc_[i] == '`';
  bool underscores_only = true;
  std::size_t end = i;
  for (; end < doc_.size(); ++end) {
    char c = doc_[end];
    if (ticks ? c != '`' : c != '*' && c != '_') break;
    underscores_only = underscores_only && c == '_';
  }
  char before = i > 0 ? doc_[i - 1] : '\n';
  char after = end < doc_.size() ? doc_[end] : '\n';
  bool opens = !IsAsciiSpace(after);
  bool closes = !IsAsciiSpace(before);
  bool intraword = underscores_only && IsWordByte(before) && IsWordByte(after);
  bool in_punctuation = opens && closes && !IsWordByte(before) && !IsWordByte(after);
  if (ticks || ((opens || closes) && !intraword && !in_punctuation)) Drop(i, end);
  return end;
}

// An HTML tag `<name attr="...">` or `</name>`; a '<' that starts none stays text.
std::size_t MarkupFinder::Tag(std::size_t i) {
  if (doc_.compare(i, 4, "<!--") == 0) return Comment(i);
  if (i > 0 && doc_[i - 1] == '<') return i + 1;  // "<<Customer Name>>": a template's blank
  std::size_t j = i + 1;
  bool closing = j < doc_.size() && doc_[j] == '/';
  if (closing) ++j;
  std::size_t name_begin = j;
  while (j < doc_.size() && (std::isalnum(static_cast<unsigned char>(doc_[j])) || doc_[j] == '-')) {
    ++j;
  }
  if (j == name_begin || !std::isalpha(static_cast<unsigned char>(doc_[name_begin]))) return i + 1;
  std::string_view name = doc_.substr(name_begin, j - name_begin);
  if (j < doc_.size() && !IsAsciiSpace(doc_[j]) && doc_[j] != '/' && doc_[j] != '>') return i + 1;
  char quote = 0;
  for (; j < doc_.size(); ++j) {
    char c = doc_[j];
    if (c == '<') return i + 1;  // keeps scans from different '<' disjoint
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      Markup markup{i, j + 1, {}, false};
      SetTagReplacement(name, closing, markup);
      out_.push_back(markup);
      return j + 1;
    }
  }
  return i + 1;
}

std::size_t MarkupFinder::Comment(std::size_t i) {
  std::size_t close = comment_end_.Find(i + 4);
  if (close == kNone) return i + 1;
  Drop(i, close + 3);
  return close + 3;
}

std::size_t MarkupFinder::Entity(std::size_t i) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&nbsp;", " "},  {"&amp;", "&"},  {"&lt;", "<"},  {"&gt;", ">"},
      {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"},
  };
  for (const auto& [entity, with] : kEntities) {
    if (doc_.compare(i, entity.size(), entity) == 0) {
      out_.push_back({i, i + entity.size(), with, false});
      return i + entity.size();
    }
  }
  return i + 1;
}

// `[text](url)` and `[text][ref]` keep only text; `![alt](url)` keeps alt.
std::size_t MarkupFinder::CloseBracket(std::size_t i) {
  if (open_brackets_.empty()) return i + 1;
  std::size_t open = open_brackets_.back();
  open_brackets_.pop_back();
  char next = i + 1 < doc_.size() ? doc_[i + 1] : '\n';
  if (next != '(' && next != '[') return i + 1;
  std::size_t close = (next == '(' ? link_end_ : ref_end_).Find(i + 2);
  if (close == kNone || doc_[close] == '\n') return i + 1;
  std::size_t open_begin = open > 0 && doc_[open - 1] == '!' ? open - 1 : open;
  Drop(open_begin, open + 1);
  Drop(i, close + 1);
  return close + 1;
}

// ---------------------------------------------------------------------------------------------
// Code points the normaliser maps by hand.

enum class Special { kOrdinary, kDrop, kSpace, kNewline, kApostrophe, kQuote, kDash };

Special Classify(UChar32 c) {
  switch (c) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Special::kSpace;
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return Special::kNewline;
    case 0x00AD:
    case 0x034F:
    case 0x061C:
    case 0x180E:
    case 0xFEFF:
      return Special::kDrop;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
      return Special::kApostrophe;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
      return Special::kQuote;
    case 0x2212:
      return Special::kDash;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Special::kSpace;
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2064)) {
    return Special::kDrop;
  }
  if (c >= 0x2010 && c <= 0x2015) return Special::kDash;
  return Special::kOrdinary;
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  return nfkc;
}

bool IsLowerLetterAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  char c = s[i];
  if (static_cast<unsigned char>(c) < 0x80) return c >= 'a' && c <= 'z';
  UChar32 cp;
  U8_NEXT(s.data(), i, s.size(), cp);
  return cp >= 0 && u_islower(cp);
}

// Blank lines inside a sentence: a page break in text converted from a PDF ("In no\n\n\n\nevent
// will ...", "LIABLE TO THE\n\n 8\n\nOTHER PARTY"). `line_end` is the position after a line
// break that ended a line mid-sentence: in a lower-case letter or a comma (or in ';' when the
// next line starts in lower case: Newline), or (`capitals`) a line
// of capitals that ran to the margin. Returns the start of the next line when only blank lines
// (at most kMaxBlankLinesInSentence, with spaces, tabs, form feeds and carriage returns), and at
// most one page number standing between them ("8", "- 8 -", "Page 8"), lead to it, and it starts
// with a lower-case word that is not a list marker ("a.", "iv)") or, after capitals, with a word
// in capitals, or after a page number with a name or a number (ResumesWithNameOrNumber); npos
// otherwise.
constexpr int kMaxBlankLinesInSentence = 12;

// Skips blank lines from j, counting the line breaks into *breaks; false past the limit.
bool SkipBlankLines(std::string_view doc, std::size_t& j, int* breaks) {
  while (j < doc.size() &&
         (doc[j] == ' ' || doc[j] == '\t' || doc[j] == '\f' || doc[j] == '\r' || doc[j] == '\n')) {
    if (doc[j] == '\n' || (doc[j] == '\r' && (j + 1 >= doc.size() || doc[j + 1] != '\n'))) {
      if (++*breaks > kMaxBlankLinesInSentence) return false;
    }
    ++j;
  }
  return true;
}

// The end of the page-number line starting at j ("8", "- 8 -", "Page 8", "8."), or j when it is
// none.
std::size_t PageNumberLineEnd(std::string_view doc, std::size_t j) {
  std::size_t k = j;
  auto skip = [&](std::string_view chars) {
    while (k < doc.size() && chars.find(doc[k]) != std::string_view::npos) ++k;
  };
  skip("- \t");
  if (doc.compare(k, 5, "Page ") == 0 || doc.compare(k, 5, "page ") == 0) k += 5;
  const std::size_t digits = k;
  while (k < doc.size() && k - digits < 4 && doc[k] >= '0' && doc[k] <= '9') ++k;
  if (k == digits) return j;
  // "23.": between the halves of a sentence a number with a period is a page number too, not
  // the heading of section 23 (a heading would not cut the sentence).
  if (k < doc.size() && doc[k] == '.') ++k;
  skip("- \t\r");
  return k < doc.size() && doc[k] == '\n' ? k : j;
}

bool IsCapitalWordAt(std::string_view doc, std::size_t j) {
  std::size_t k = j;
  while (k < doc.size() && doc[k] >= 'A' && doc[k] <= 'Z') ++k;
  return k - j >= 2 || (k - j == 1 && k < doc.size() && doc[k] == ' ');
}

// After a page number, the rest of a sentence may start with a name or a number ("notify
// the\n\n8\n\nCustomer within", "within\n\n8\n\n24 hours"): a capital or a digit, on a line
// with a lower-case letter (not a heading in capitals), that is no list marker or numbered
// heading ("B.", "12.", "3)", "Section 4", "Schedule 2").
bool ResumesWithNameOrNumber(std::string_view doc, std::size_t j) {
  if (j >= doc.size() || !((doc[j] >= 'A' && doc[j] <= 'Z') || (doc[j] >= '0' && doc[j] <= '9'))) {
    return false;
  }
  const std::size_t end = std::min(doc.find('\n', j), doc.size());
  const std::string_view line = doc.substr(j, end - j);
  if (std::none_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  std::size_t k = 0;
  while (k < line.size() && k < 4 && line[k] >= '0' && line[k] <= '9') ++k;
  if (k == 0) k = 1;  // one capital letter
  if (k < line.size() && (line[k] == '.' || line[k] == ')')) return false;
  for (std::string_view heading : {"Section ", "Article ", "Schedule ", "Annex ", "Appendix ",
                                   "Exhibit ", "Clause ", "Part ", "Attachment "}) {
    if (line.substr(0, heading.size()) == heading) return false;
  }
  return true;
}

std::size_t SentenceResumesAfterBlankLines(std::string_view doc, std::size_t line_end,
                                           bool capitals) {
  std::size_t j = line_end;
  int breaks = 0;
  bool page_number = false;
  if (!SkipBlankLines(doc, j, &breaks)) return std::string_view::npos;
  if (breaks > 0) {
    const std::size_t page_end = PageNumberLineEnd(doc, j);
    if (page_end != j) {
      j = page_end;
      page_number = true;
      int after = 0;
      if (!SkipBlankLines(doc, j, &after) || after < 2) return std::string_view::npos;
      breaks += after;
    }
  }
  if (breaks == 0) return std::string_view::npos;
  if (capitals) return IsCapitalWordAt(doc, j) ? j : std::string_view::npos;
  if (page_number && ResumesWithNameOrNumber(doc, j)) return j;
  if (!IsLowerLetterAt(doc, j)) return std::string_view::npos;
  std::size_t k = j;
  while (k < doc.size() && k - j <= 4 && doc[k] >= 'a' && doc[k] <= 'z') ++k;
  if (k < doc.size() && k - j <= 4 && (doc[k] == '.' || doc[k] == ')')) {
    return std::string_view::npos;  // a list item: "a. As of the Closing", "ii) the fees"
  }
  return j;
}

// True when the last line of text is a line of capitals (no lower-case letter) of at least
// kMinWrappedCapitalsLine bytes ending in a letter: a wrapped line of an all-capitals clause,
// longer than any heading.
constexpr std::size_t kMinWrappedCapitalsLine = 60;

bool EndsInWrappedCapitals(std::string_view text) {
  const std::size_t start = text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1;
  const std::string_view line = text.substr(start);
  if (line.size() < kMinWrappedCapitalsLine || line.back() < 'A' || line.back() > 'Z') return false;
  return std::none_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Index of the first byte of the code point that ends at s[end - 1].
std::size_t CodePointStart(std::string_view s, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && end - i < 4 && IsContinuation(s[i])) --i;
  return i;
}

// ---------------------------------------------------------------------------------------------

// NFKC reads a run of non-ASCII text this many bytes at a time (or a little more, up to a
// normalisation boundary), so its scratch space stays small however long the run.
constexpr std::size_t kNfkcPiece = 4096;

class Normalizer {
 public:
  Normalizer(std::string_view doc, std::vector<Markup> markup, bool join_sentences,
             std::size_t max_bytes)
      : doc_(doc),
        markup_(std::move(markup)),
        join_sentences_(join_sentences),
        max_bytes_(max_bytes) {}
  // nullopt when the text passed max_bytes.
  std::optional<NormalizedText> Run();

 private:
  std::size_t AsciiRun(std::size_t pos, std::size_t limit);
  void Ascii(char c, std::uint32_t src);
  void Space(std::uint32_t src);
  std::size_t Newline(std::uint32_t src, std::size_t next);
  void Replace(const Markup& markup);
  void NonAsciiRun(std::size_t begin, std::size_t end);
  void FlushSegment(std::size_t begin, std::size_t end, bool needs_nfkc);
  void NormalizeSegment(std::size_t begin, std::size_t end);
  std::size_t PieceEnd(std::size_t begin, std::size_t end) const;
  void NormalizePiece(std::size_t begin, std::size_t end);
  bool Over() const { return size_ > max_bytes_; }
  void MapEdits(const icu::Edits& edits, std::size_t begin);
  void CodePoint(UChar32 c, std::uint32_t src);
  void Ordinary(UChar32 c, std::uint32_t src);
  void Reserve(std::size_t extra);
  void Put(char c, char folded, std::uint32_t src);
  void PopLast();
  void PopSpace();
  std::string_view Text() const { return std::string_view(out_.text.data(), size_); }
  // The last byte written, '\n' at the start.
  char Last() const { return size_ == 0 ? '\n' : out_.text[size_ - 1]; }
  bool AtLineStart() const { return Last() == '\n'; }

  std::string_view doc_;
  std::vector<Markup> markup_;
  bool join_sentences_;    // drop blank lines inside a sentence
  std::size_t max_bytes_;  // the most the cased view may hold
  NormalizedText out_;     // its arrays are sized ahead; size_ bytes are filled
  std::size_t size_ = 0;
  std::string nfkc_;                     // one segment's NFKC output, reused
  std::vector<std::uint32_t> nfkc_src_;  // its source offsets
};

std::optional<NormalizedText> Normalizer::Run() {
  Reserve(std::min(doc_.size(), max_bytes_) + 16);
  std::size_t pos = 0;
  std::size_t next_markup = 0;
  while (pos < doc_.size()) {
    if (Over()) return std::nullopt;
    if (next_markup < markup_.size() && pos >= markup_[next_markup].begin) {
      Replace(markup_[next_markup]);
      pos = std::max(pos, markup_[next_markup++].end);
      continue;
    }
    std::size_t limit = next_markup < markup_.size() ? markup_[next_markup].begin : doc_.size();
    std::size_t end = pos + 1;
    switch (ClassOf(doc_[pos])) {
      case kPlain:
      case kSpace:
        end = AsciiRun(pos, limit);
        break;
      case kReturn:
        if (end < doc_.size() && doc_[end] == '\n') break;  // "\r\n": the '\n' makes the break
        end = Newline(static_cast<std::uint32_t>(pos), end);
        break;
      case kNewline:
        end = Newline(static_cast<std::uint32_t>(pos), end);
        break;
      default:
        while (end < limit && ClassOf(doc_[end]) == kNonAscii) ++end;
        NonAsciiRun(pos, end);
    }
    pos = end;
  }
  PopSpace();
  if (Over()) return std::nullopt;
  out_.text.resize(size_);
  out_.folded.resize(size_);
  out_.source.resize(size_);
  out_.source.push_back(static_cast<std::uint32_t>(doc_.size()));
  return std::move(out_);
}

// The fast path: copies ASCII words and folds runs of spaces into one until a line break, a
// non-ASCII byte or limit; returns where it stopped. Branch-free: every byte is written, and
// the output advances unless the byte is a space after a space or at a line start.
std::size_t Normalizer::AsciiRun(std::size_t pos, std::size_t limit) {
  Reserve(limit - pos);
  char* text = out_.text.data();
  char* folded = out_.folded.data();
  std::uint32_t* source = out_.source.data();
  std::size_t n = size_;
  char last = Last();
  for (; pos < limit; ++pos) {
    auto c = static_cast<unsigned char>(doc_[pos]);
    std::uint8_t cls = kClass[c];
    if (cls > kSpace) break;
    text[n] = kCased[c];
    folded[n] = kFolded[c];
    source[n] = static_cast<std::uint32_t>(pos);
    bool keep = cls == kPlain || (last != ' ' && last != '\n');
    last = keep ? kCased[c] : last;
    n += keep;
  }
  size_ = n;
  return pos;
}

void Normalizer::Ascii(char c, std::uint32_t src) {
  switch (ClassOf(c)) {
    case kPlain:
      Put(c, kFolded[static_cast<unsigned char>(c)], src);
      break;
    case kSpace:
      Space(src);
      break;
    case kNewline:
    case kReturn:
      Newline(src, kNone);
      break;
    default:
      break;
  }
}

void Normalizer::Space(std::uint32_t src) {
  char last = Last();
  if (last != ' ' && last != '\n') Put(' ', ' ', src);
}

// Ends the line, or joins a word hyphenated across it ("Indemni-\nfication") when next is the
// document position after the break; after a tens number word the hyphen stays ("seventy-\ntwo"
// -> "seventy-two"). With join_sentences_, blank lines inside a sentence are dropped (see
// SentenceResumesAfterBlankLines). Returns where to continue in the document.
std::size_t Normalizer::Newline(std::uint32_t src, std::size_t next) {
  PopSpace();  // lines do not end in spaces
  std::string_view text = Text();
  if (next != kNone && text.size() >= 2 && text.back() == '-' &&
      IsLowerLetterAt(text, CodePointStart(text, text.size() - 1))) {
    std::size_t j = next;
    while (j < doc_.size() && (doc_[j] == ' ' || doc_[j] == '\t')) ++j;
    if (IsLowerLetterAt(doc_, j)) {
      std::size_t word = text.size() - 1;
      while (word > 0 && std::isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
      if (!IsTensNumberWord(text.substr(word, text.size() - 1 - word))) PopLast();
      return j;
    }
  }
  const bool may_join = join_sentences_ && next != kNone && !text.empty();
  const bool mid_sentence =
      may_join && (text.back() == ',' || IsLowerLetterAt(text, CodePointStart(text, text.size())));
  const bool mid_capitals = may_join && !mid_sentence && EndsInWrappedCapitals(text);
  // An item of a list that lost its markers (PDF text) ends in ';' and the next item goes on in
  // lower case, over a page break too.
  const bool mid_list = may_join && !mid_sentence && !mid_capitals && text.back() == ';';
  Put('\n', ' ', src);
  if (mid_sentence || mid_capitals || mid_list) {
    std::size_t resume = SentenceResumesAfterBlankLines(doc_, next, mid_capitals);
    if (resume != kNone && (!mid_list || IsLowerLetterAt(doc_, resume))) return resume;
  }
  return next;
}

void Normalizer::Replace(const Markup& markup) {
  auto src = static_cast<std::uint32_t>(markup.begin);
  if (markup.new_line && !AtLineStart()) Newline(src, kNone);
  for (char c : markup.with) Ascii(c, src);
}

// Splits a run of non-ASCII bytes at the code points mapped by hand; the segments between go
// through NFKC unless all their code points are normalisation-inert.
void Normalizer::NonAsciiRun(std::size_t begin, std::size_t end) {
  std::size_t segment = begin;
  bool needs_nfkc = false;
  const icu::Normalizer2* nfkc = Nfkc();
  std::size_t i = begin;
  while (i < end) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(doc_.data(), i, end, c);
    if (c >= 0 && Classify(c) == Special::kOrdinary) {
      needs_nfkc = needs_nfkc || (nfkc != nullptr && !nfkc->isInert(c));
      continue;
    }
    FlushSegment(segment, start, needs_nfkc);
    if (c < 0) {
      Ascii('?', static_cast<std::uint32_t>(start));
    } else {
      CodePoint(c, static_cast<std::uint32_t>(start));
    }
    segment = i;
    needs_nfkc = false;
  }
  FlushSegment(segment, end, needs_nfkc);
}

void Normalizer::FlushSegment(std::size_t begin, std::size_t end, bool needs_nfkc) {
  if (begin == end) return;
  if (needs_nfkc) {
    NormalizeSegment(begin, end);
    return;
  }
  for (std::size_t i = begin; i < end;) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(doc_.data(), i, end, c);
    Ordinary(c, static_cast<std::uint32_t>(start));
  }
}

// Normalises [begin, end) a piece at a time, stopping once the text is over its limit.
void Normalizer::NormalizeSegment(std::size_t begin, std::size_t end) {
  while (begin < end && !Over()) {
    const std::size_t cut = PieceEnd(begin, end);
    NormalizePiece(begin, cut);
    begin = cut;
  }
}

// Where the piece of [begin, end) that starts at begin ends: at the first code point past
// kNfkcPiece bytes before which NFKC has a boundary (what precedes it normalises on its own);
// when kNfkcPiece more bytes hold none (a long run of combining marks), at a code point.
std::size_t Normalizer::PieceEnd(std::size_t begin, std::size_t end) const {
  if (end - begin <= kNfkcPiece) return end;
  const icu::Normalizer2* nfkc = Nfkc();
  std::size_t i = begin + kNfkcPiece;
  while (i < end && IsContinuation(doc_[i])) ++i;
  const std::size_t forced = i;
  while (i < end && i - forced < kNfkcPiece) {
    std::size_t next = i;
    UChar32 c;
    U8_NEXT(doc_.data(), next, end, c);
    if (c < 0 || nfkc->hasBoundaryBefore(c)) return i;
    i = next;
  }
  return i < end ? forced : end;
}

void Normalizer::NormalizePiece(std::size_t begin, std::size_t end) {
  const icu::Normalizer2* nfkc = Nfkc();
  UChar32 first;
  std::size_t i = begin;
  U8_NEXT(doc_.data(), i, end, first);
  // A combining mark composes with the ASCII letter before it ("e" U+0301 -> "é").
  if (!nfkc->hasBoundaryBefore(first) && begin > 0 && IsWordByte(doc_[begin - 1]) && size_ > 0 &&
      out_.source[size_ - 1] == begin - 1) {
    PopLast();
    --begin;
  }
  nfkc_.clear();
  icu::StringByteSink<std::string> sink(&nfkc_);
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  nfkc->normalizeUTF8(0, icu::StringPiece(doc_.data() + begin, static_cast<int32_t>(end - begin)),
                      sink, &edits, status);
  if (U_FAILURE(status)) {
    nfkc_.assign(doc_.data() + begin, end - begin);
    edits.reset();
  }
  MapEdits(edits, begin);
  for (std::size_t k = 0; k < nfkc_.size();) {
    std::uint32_t src = nfkc_src_[k];
    UChar32 c;
    U8_NEXT(nfkc_.data(), k, nfkc_.size(), c);
    CodePoint(c < 0 ? '?' : c, src);
  }
}

// Fills nfkc_src_ with the document offset of the code point that produced each output byte:
// unchanged spans map byte for byte, a change maps code point for code point when the counts
// agree and otherwise to its first input byte.
void Normalizer::MapEdits(const icu::Edits& edits, std::size_t begin) {
  nfkc_src_.assign(nfkc_.size(), static_cast<std::uint32_t>(begin));
  if (!edits.hasChanges()) {
    for (std::size_t k = 0; k < nfkc_.size(); ++k) nfkc_src_[k] += static_cast<std::uint32_t>(k);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status) && U_SUCCESS(status)) {
    std::size_t src = begin + it.sourceIndex();
    std::size_t dst = it.destinationIndex();
    std::size_t old_len = it.oldLength();
    std::size_t new_len = it.newLength();
    if (!it.hasChange()) {
      for (std::size_t k = 0; k < new_len; ++k) {
        nfkc_src_[dst + k] = static_cast<std::uint32_t>(src + k);
      }
      continue;
    }
    std::string_view before = doc_.substr(src, old_len);
    std::string_view after = std::string_view(nfkc_).substr(dst, new_len);
    bool per_code_point = CountCodePoints(before) == CountCodePoints(after);
    std::size_t a = 0;
    for (std::size_t b = 0; b < new_len; ++b) {
      if (per_code_point && b > 0 && !IsContinuation(after[b])) {
        U8_FWD_1(before.data(), a, before.size());
      }
      nfkc_src_[dst + b] = static_cast<std::uint32_t>(src + (per_code_point ? a : 0));
    }
  }
}

void Normalizer::CodePoint(UChar32 c, std::uint32_t src) {
  if (c < 0x80) {
    Ascii(static_cast<char>(c), src);
    return;
  }
  switch (Classify(c)) {
    case Special::kDrop:
      break;
    case Special::kSpace:
      Space(src);
      break;
    case Special::kNewline:
      Newline(src, kNone);
      break;
    case Special::kApostrophe:
      Ascii('\'', src);
      break;
    case Special::kQuote:
      Ascii('"', src);
      break;
    case Special::kDash:
      Ascii('-', src);
      break;
    case Special::kOrdinary:
      Ordinary(c, src);
      break;
  }
}

// Appends a code point that needs no mapping, case-folded in `folded` when folding keeps its
// UTF-8 length.
void Normalizer::Ordinary(UChar32 c, std::uint32_t src) {
  if (c < 0) c = 0xFFFD;
  Reserve(U8_MAX_LENGTH);
  std::size_t length = 0;
  U8_APPEND_UNSAFE(out_.text.data() + size_, length, c);
  UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (U8_LENGTH(folded) == static_cast<int>(length)) {
    std::size_t i = 0;
    U8_APPEND_UNSAFE(out_.folded.data() + size_, i, folded);
  } else {
    std::copy_n(out_.text.data() + size_, length, out_.folded.data() + size_);
  }
  std::fill_n(out_.source.data() + size_, length, src);
  size_ += length;
}

void Normalizer::Reserve(std::size_t extra) {
  if (size_ + extra <= out_.text.size()) return;
  // Doubling, but not far past the limit: the text stops soon after it passes that.
  const std::size_t cap = max_bytes_ > SIZE_MAX / 2 ? SIZE_MAX / 2 : max_bytes_ + 64;
  std::size_t capacity = std::max(std::min(2 * out_.text.size(), cap), size_ + extra);
  out_.text.resize(capacity);
  out_.folded.resize(capacity);
  out_.source.resize(capacity);
}

void Normalizer::Put(char c, char folded, std::uint32_t src) {
  Reserve(1);
  out_.text[size_] = c;
  out_.folded[size_] = folded;
  out_.source[size_++] = src;
}

void Normalizer::PopLast() { size_ = CodePointStart(Text(), size_); }

void Normalizer::PopSpace() {
  if (Last() == ' ') --size_;
}

}  // namespace

std::optional<NormalizedText> NormalizeWithin(std::string_view document,
                                              const NormalizeOptions& options,
                                              std::size_t max_bytes) {
  std::vector<Markup> markup;
  if (options.markdown) markup = MarkupFinder(document).Find();
  return Normalizer(document, std::move(markup), options.join_sentences_across_blank_lines,
                    max_bytes)
      .Run();
}

NormalizedText Normalize(std::string_view document, const NormalizeOptions& options) {
  return *NormalizeWithin(document, options, SIZE_MAX);
}

std::pair<std::size_t, std::size_t> NormalizedText::SourceRange(std::size_t begin, std::size_t end,
                                                                std::string_view document) const {
  if (text.empty()) return {document.size(), document.size()};
  end = std::clamp<std::size_t>(end, 1, text.size());
  begin = std::min(begin, end - 1);
  std::size_t start = std::min<std::size_t>(source[begin], document.size());
  std::size_t stop = std::min<std::size_t>(source[end - 1], document.size());
  if (stop < document.size()) {
    U8_FWD_1(document.data(), stop, document.size());
  }
  // Combining marks after the last character belong to it.
  while (stop < document.size() && static_cast<unsigned char>(document[stop]) >= 0x80) {
    std::size_t next = stop;
    UChar32 c;
    U8_NEXT(document.data(), next, document.size(), c);
    if (c < 0 || u_getCombiningClass(c) == 0) break;
    stop = next;
  }
  return {start, std::max(start, stop)};
}

LineIndex::LineIndex(std::string_view document) : document_(document) {
  line_starts_.reserve(
      1 + static_cast<std::size_t>(std::count(document.begin(), document.end(), '\n')));
  line_starts_.push_back(0);
  // Lines end at "\n", "\r\n" or a lone "\r" (old Mac files), as the normaliser reads them.
  for (std::size_t i = document.find_first_of("\r\n"); i != std::string_view::npos;
       i = document.find_first_of("\r\n", i + 1)) {
    if (document[i] == '\r' && i + 1 < document.size() && document[i + 1] == '\n') continue;
    line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
  checkpoints_.reserve(document.size() / kStep + 1);
  checkpoints_.push_back(0);
  for (std::size_t at = kStep; at <= document.size(); at += kStep) {
    checkpoints_.push_back(checkpoints_.back() +
                           CountCodePoints(document.substr(at - kStep, kStep)));
  }
}

std::size_t LineIndex::CodePointsBefore(std::size_t offset) const {
  const std::size_t step = offset / kStep;
  return checkpoints_[step] +
         CountCodePoints(document_.substr(step * kStep, offset - step * kStep));
}

int LineIndex::Line(std::size_t offset) const {
  offset = std::min(offset, document_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

int LineIndex::Column(std::size_t offset) const {
  offset = std::min(offset, document_.size());
  const std::size_t start = line_starts_[static_cast<std::size_t>(Line(offset)) - 1];
  if (offset - start <= kStep) {
    return 1 + static_cast<int>(CountCodePoints(document_.substr(start, offset - start)));
  }
  return 1 + static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(start));
}

}  // namespace clausescan::internal

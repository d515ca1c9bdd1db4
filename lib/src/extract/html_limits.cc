#include "extract/html_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace clausescan::internal {
namespace {

constexpr std::size_t kEnd = std::string_view::npos;

// libxml2 cuts tag and attribute names at this length (HTML_PARSER_BUFFER_SIZE); the rest of a
// longer name starts the next attribute.
constexpr std::size_t kHtmlNameLength = 100;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// A tag or attribute name (htmlParseHTMLName): lower-cased by libxml2.
bool StartsHtmlName(char c) { return IsLetter(c) || c == '_' || c == ':' || c == '.'; }
bool InHtmlName(char c) {
  return IsLetter(c) || IsDigit(c) || c == ':' || c == '-' || c == '_' || c == '.';
}

// An entity, processing-instruction or DOCTYPE name (htmlParseName), kept as written. Every
// non-ASCII byte is taken as a name character: libxml2 takes only letters, so a name here may
// run on further, which never makes two of libxml2's names one.
bool StartsName(char c) { return IsLetter(c) || c == '_' || c == ':' || IsNonAscii(c); }
bool InName(char c) {
  return IsLetter(c) || IsDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || IsNonAscii(c);
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool StartsWithIgnoringCase(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

class MarkupScan {
 public:
  MarkupScan(std::string_view s, const std::string& name) : s_(s), name_(name) {}

  std::optional<Error> Run() {
    std::size_t i = 0;
    while (!error_) {
      i = s_.find_first_of("<&", i);
      if (i == kEnd) break;
      i = s_[i] == '&' ? Reference(i) : Markup(i);
    }
    return error_;
  }

 private:
  char At(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  std::size_t SkipBlanks(std::size_t i) const {
    while (i < s_.size() && IsBlank(s_[i])) ++i;
    return i;
  }
  // One past the first c at or after i, or the end.
  std::size_t PastNext(char c, std::size_t i) const {
    const std::size_t at = s_.find(c, i);
    return at == kEnd ? s_.size() : at + 1;
  }

  void Count(std::size_t at) {
    if (html_names_.size() + names_.size() > kMaxHtmlNames && !error_) {
      error_ = Error(ErrorCode::kTooLarge,
                     fmt::format("more than {} distinct HTML element, attribute and entity names "
                                 "(at byte {}), the limit of the HTML reader",
                                 kMaxHtmlNames, at),
                     name_, 0, 0, static_cast<std::ptrdiff_t>(at));
    }
  }
  // Reads the tag or attribute name at i (StartsHtmlName(s_[i])); returns its end.
  std::size_t HtmlName(std::size_t i) {
    std::string name;
    std::size_t j = i;
    while (j < s_.size() && j - i < kHtmlNameLength && InHtmlName(s_[j])) name += Lower(s_[j++]);
    html_names_.insert(std::move(name));
    Count(i);
    return j;
  }
  // Reads the name at i, if one starts there; returns its end (i when none).
  std::size_t Name(std::size_t i) {
    if (i >= s_.size() || !StartsName(s_[i])) return i;
    std::size_t j = i + 1;
    while (j < s_.size() && InName(s_[j])) ++j;
    names_.insert(s_.substr(i, j - i));
    Count(i);
    return j;
  }

  // "&name" or "&#..." at i.
  std::size_t Reference(std::size_t i) {
    if (At(i + 1) == '#') return i + 2;
    return std::max(Name(i + 1), i + 1);
  }

  // What starts with '<' at i, as libxml2's content state reads it.
  std::size_t Markup(std::size_t i) {
    const char next = At(i + 1);
    if (next == '!' && StartsWithIgnoringCase(s_, i + 2, "doctype")) return Doctype(i);
    if (next == '!' && At(i + 2) == '-' && At(i + 3) == '-') return Comment(i);
    if (next == '?') return ProcessingInstruction(i);
    if (next == '/') return EndTag(i);
    if (IsLetter(next)) return StartTag(i);
    return i + 1;  // text
  }

  // Ends at the first "-->" or "--!>" whose dashes follow "<!--".
  std::size_t Comment(std::size_t i) {
    const std::size_t close = s_.find("-->", i + 4);
    const std::size_t bang = s_.find("--!>", i + 4);
    if (close == kEnd && bang == kEnd) return s_.size();
    return close <= bang ? close + 3 : bang + 4;
  }

  std::size_t ProcessingInstruction(std::size_t i) {
    const std::size_t end = Name(i + 2);
    if (end == i + 2) return i + 2;  // no target: "<?" alone
    return PastNext('>', end);
  }

  // A quoted literal at i (none: i).
  std::size_t Literal(std::size_t i) const {
    const char quote = At(i);
    if (quote != '"' && quote != '\'') return i;
    return PastNext(quote, i + 1);
  }

  std::size_t Doctype(std::size_t i) {
    std::size_t j = SkipBlanks(Name(SkipBlanks(i + 9)));
    if (StartsWithIgnoringCase(s_, j, "system") || StartsWithIgnoringCase(s_, j, "public")) {
      j = Literal(SkipBlanks(j + 6));
    }
    return PastNext('>', j);
  }

  std::size_t EndTag(std::size_t i) {
    if (!StartsHtmlName(At(i + 2))) return i + 2;
    return PastNext('>', HtmlName(i + 2));
  }

  // The value of an attribute at i, quoted or bare, with its entity references.
  std::size_t Value(std::size_t i) {
    const char quote = At(i);
    const bool quoted = quote == '"' || quote == '\'';
    std::size_t j = quoted ? i + 1 : i;
    while (j < s_.size() && (quoted ? s_[j] != quote : s_[j] != '>' && !IsBlank(s_[j]))) {
      j = s_[j] == '&' ? Reference(j) : j + 1;
    }
    return quoted && j < s_.size() ? j + 1 : j;
  }

  bool TagEnds(std::size_t j) const {
    return j >= s_.size() || s_[j] == '>' || (s_[j] == '/' && At(j + 1) == '>');
  }

  std::size_t StartTag(std::size_t i) {
    std::size_t j = HtmlName(i + 1);
    const std::string_view tag = s_.substr(i + 1, j - i - 1);
    std::size_t attributes = 0;
    j = SkipBlanks(j);
    while (!TagEnds(j) && !error_) {
      if (StartsHtmlName(s_[j])) {
        if (++attributes > kMaxHtmlAttributes) {
          error_ = Error(ErrorCode::kTooLarge,
                         fmt::format("an HTML element with more than {} attributes (at byte {}), "
                                     "the limit of the HTML reader",
                                     kMaxHtmlAttributes, i),
                         name_, 0, 0, static_cast<std::ptrdiff_t>(i));
        }
        j = SkipBlanks(HtmlName(j));
        if (At(j) == '=') j = Value(SkipBlanks(j + 1));
      } else {
        while (!TagEnds(j) && !IsBlank(s_[j])) ++j;  // a bogus attribute
      }
      j = SkipBlanks(j);
    }
    if (j >= s_.size()) return s_.size();
    if (s_[j] == '/') return j + 2;  // "/>": empty, even a script
    ++j;
    // Script and style hold raw text up to the first "</script" ("</style"), any case.
    for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (tag.size() != raw.size() || !StartsWithIgnoringCase(tag, 0, raw)) continue;
      for (std::size_t end = s_.find("</", j); end != kEnd; end = s_.find("</", end + 2)) {
        if (StartsWithIgnoringCase(s_, end + 2, raw)) return end;
      }
      return s_.size();
    }
    return j;
  }

  std::string_view s_;
  const std::string& name_;
  std::unordered_set<std::string> html_names_;  // lower-cased
  std::unordered_set<std::string_view> names_;
  std::optional<Error> error_;
};

}  // namespace

std::optional<Error> CheckHtmlMarkup(std::string_view bytes, const std::string& name) {
  return MarkupScan(bytes, name).Run();
}

}  // namespace clausescan::internal

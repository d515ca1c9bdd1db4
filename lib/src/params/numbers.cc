// Tokenizer and number readers shared by the extractors (params/scan.h), and ParseNumber.
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "params/quantities.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace scan {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence at text[i], or 1 when it is not valid UTF-8.
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  std::size_t len = 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
  } else {
    return 1;
  }
  if (i + len > text.size()) return 1;
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return len;
}

constexpr std::array<std::string_view, 6> kSymbols = {"\xC2\xA3",     "\xE2\x82\xAC", "\xC2\xA5",
                                                      "\xE2\x82\xB9", "\xC3\x97",     "\xC2\xA7"};

bool IsSymbol(std::string_view code_point) {
  for (std::string_view s : kSymbols) {
    if (code_point == s) return true;
  }
  return false;
}

// Latin letters outside ASCII (U+00C0..U+024F except × and ÷) continue a word.
bool IsNonAsciiLetter(std::string_view code_point) {
  if (code_point.size() != 2) return false;
  const unsigned char lead = static_cast<unsigned char>(code_point[0]);
  const unsigned char trail = static_cast<unsigned char>(code_point[1]);
  if (lead == 0xC3) return trail != 0x97 && trail != 0xB7;
  return lead >= 0xC4 && lead <= 0xC9;
}

// End of a digit literal starting at i (text[i] is a digit or a '.' before a digit).
std::size_t NumberEnd(std::string_view text, std::size_t i) {
  std::size_t j = i + (text[i] == '.' ? 1 : 0);
  while (j < text.size()) {
    if (IsDigit(text[j])) {
      ++j;
    } else if ((text[j] == ',' || text[j] == '.' || text[j] == '\'') && j + 1 < text.size() &&
               IsDigit(text[j + 1]) && j > i && IsDigit(text[j - 1])) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

Tokens::Tokens(std::string_view text) : text_(text) {
  bool space = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    Token token;
    token.begin = i;
    token.space_before = space;
    space = false;
    const bool leading_dot = c == '.' && i + 1 < text.size() && IsDigit(text[i + 1]) &&
                             (i == 0 || !IsDigit(text[i - 1]));
    if (IsDigit(c) || leading_dot) {
      token.kind = Token::kNumber;
      i = NumberEnd(text, i);
    } else if (IsAsciiLetter(c) || IsNonAsciiLetter(text.substr(i, Utf8Length(text, i)))) {
      token.kind = Token::kWord;
      while (i < text.size()) {
        const std::size_t len = Utf8Length(text, i);
        if (IsAsciiLetter(text[i]) || IsNonAsciiLetter(text.substr(i, len))) {
          i += len;
        } else {
          break;
        }
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t len = Utf8Length(text, i);
      token.kind = IsSymbol(text.substr(i, len)) ? Token::kSymbol : Token::kPunct;
      i += len;
    } else {
      token.kind = Token::kPunct;
      ++i;
    }
    token.end = i;
    tokens_.push_back(token);
  }
}

std::string_view Tokens::Text(std::size_t i) const {
  if (i >= tokens_.size()) return {};
  return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

bool Tokens::Is(std::size_t i, std::string_view s) const { return i < size() && Text(i) == s; }

bool Tokens::IsAny(std::size_t i, std::initializer_list<std::string_view> words) const {
  if (i >= size()) return false;
  const std::string_view t = Text(i);
  for (std::string_view w : words) {
    if (t == w) return true;
  }
  return false;
}

bool Tokens::Phrase(std::size_t i, std::initializer_list<std::string_view> words) const {
  for (std::string_view w : words) {
    if (!IsWord(i) || Text(i) != w) return false;
    ++i;
  }
  return true;
}

bool Tokens::PhraseBefore(std::size_t last, std::initializer_list<std::string_view> words) const {
  if (words.size() > last + 1) return false;
  return Phrase(last + 1 - words.size(), words);
}

std::optional<double> ParseDigitLiteral(std::string_view s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  std::size_t commas = 0, dots = 0, quotes = 0;
  std::size_t last_comma = 0, last_dot = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++commas, last_comma = i;
    if (s[i] == '.') ++dots, last_dot = i;
    if (s[i] == '\'') ++quotes;
    if (!IsDigit(s[i]) && s[i] != ',' && s[i] != '.' && s[i] != '\'') return std::nullopt;
  }
  // Choose the decimal mark (or none) and the thousands separator.
  char thousands = 0;
  char decimal = 0;
  if (quotes > 0) {
    if (commas > 0 || dots > 1) return std::nullopt;
    thousands = '\'';
    decimal = dots == 1 ? '.' : 0;
  } else if (commas > 0 && dots > 0) {
    const bool comma_last = last_comma > last_dot;
    decimal = comma_last ? ',' : '.';
    thousands = comma_last ? '.' : ',';
    if ((comma_last ? commas : dots) != 1) return std::nullopt;
  } else if (commas > 0) {
    const std::size_t after = s.size() - last_comma - 1;
    if (commas == 1 && (after == 1 || after == 2)) {
      decimal = ',';
    } else {
      thousands = ',';
    }
  } else if (dots > 1) {
    thousands = '.';
  } else if (dots == 1) {
    decimal = '.';
  }
  // Validate groups (first 1-3 digits, then exactly 3) and build a plain literal.
  std::string plain;
  std::size_t group = 0;
  bool first_group = true;
  bool in_fraction = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsDigit(c)) {
      plain += c;
      ++group;
      continue;
    }
    if (c == decimal && !in_fraction) {
      if (thousands != 0 && !first_group && group != 3) return std::nullopt;
      plain += '.';
      in_fraction = true;
      group = 0;
      continue;
    }
    if (c != thousands || in_fraction) return std::nullopt;
    if (first_group ? (group < 1 || group > 3) : group != 3) return std::nullopt;
    first_group = false;
    group = 0;
  }
  if (thousands != 0 && !first_group && !in_fraction && group != 3) return std::nullopt;
  if (plain.empty() || plain == ".") return std::nullopt;
  if (plain.front() == '.') plain.insert(plain.begin(), '0');
  double value = 0;
  const auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || ptr != plain.data() + plain.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

namespace {

struct WordValue {
  std::string_view word;
  int value;
};
constexpr std::array<WordValue, 10> kUnitWords = {{{"zero", 0},
                                                   {"one", 1},
                                                   {"two", 2},
                                                   {"three", 3},
                                                   {"four", 4},
                                                   {"five", 5},
                                                   {"six", 6},
                                                   {"seven", 7},
                                                   {"eight", 8},
                                                   {"nine", 9}}};
constexpr std::array<WordValue, 10> kTeenWords = {{{"ten", 10},
                                                   {"eleven", 11},
                                                   {"twelve", 12},
                                                   {"thirteen", 13},
                                                   {"fourteen", 14},
                                                   {"fifteen", 15},
                                                   {"sixteen", 16},
                                                   {"seventeen", 17},
                                                   {"eighteen", 18},
                                                   {"nineteen", 19}}};
constexpr std::array<WordValue, 8> kTensWords = {{{"twenty", 20},
                                                  {"thirty", 30},
                                                  {"forty", 40},
                                                  {"fifty", 50},
                                                  {"sixty", 60},
                                                  {"seventy", 70},
                                                  {"eighty", 80},
                                                  {"ninety", 90}}};

template <std::size_t N>
std::optional<int> Lookup(const std::array<WordValue, N>& table, std::string_view word) {
  for (const WordValue& entry : table) {
    if (entry.word == word) return entry.value;
  }
  return std::nullopt;
}

std::optional<double> ScaleValue(std::string_view word) {
  if (word == "thousand") return 1e3;
  if (word == "million") return 1e6;
  if (word == "billion") return 1e9;
  if (word == "trillion") return 1e12;
  return std::nullopt;
}

bool IsNumberWord(std::string_view w) {
  return Lookup(kUnitWords, w) || Lookup(kTeenWords, w) || Lookup(kTensWords, w) || ScaleValue(w) ||
         w == "hundred" || w == "dozen";
}

// Index of the next number word after the one at j: j + 1, or j + 2 across an attached hyphen
// ("seventy-two"). Returns j + 1 when no hyphen joins them.
std::size_t NextWord(const Tokens& t, std::size_t j) {
  if (t.Is(j + 1, "-") && t.Attached(j + 1) && t.Attached(j + 2) && t.IsWord(j + 2) &&
      IsNumberWord(t.Text(j + 2))) {
    return j + 2;
  }
  return j + 1;
}

// Reads the decimal digits after "point" at token p: "nine nine", "nine-nine" -> "99",
// "ninety-nine" -> "99", "five" -> "5". Sets *last to the last token consumed.
std::string ReadPointDigits(const Tokens& t, std::size_t p, std::size_t* last) {
  std::string digits;
  std::size_t k = p + 1;
  while (t.IsWord(k) && digits.size() < 9) {
    const std::string_view w = t.Text(k);
    if (auto u = Lookup(kUnitWords, w)) {
      digits += static_cast<char>('0' + *u);
      *last = k;
    } else if (auto teen = Lookup(kTeenWords, w); teen && digits.empty()) {
      digits += std::to_string(*teen);
      *last = k;
      break;
    } else if (auto tens = Lookup(kTensWords, w); tens && digits.empty()) {
      digits += static_cast<char>('0' + *tens / 10);
      const std::size_t next = NextWord(t, k);
      if (auto u2 = Lookup(kUnitWords, t.Text(next)); u2 && *u2 != 0 && t.IsWord(next)) {
        digits += static_cast<char>('0' + *u2);
        k = next;
      }
      *last = k;
      break;
    } else {
      break;
    }
    k = NextWord(t, k);
  }
  return digits;
}

}  // namespace

std::optional<NumberRead> ReadWordNumber(const Tokens& t, std::size_t i) {
  if (!t.IsWord(i)) return std::nullopt;
  enum Last { kNone, kUnit, kTeen, kTens, kHundred, kScale, kDozen };
  Last last_kind = kNone;
  double total = 0;
  double group = 0;
  double fraction = 0;
  double last_scale = 1e18;
  std::size_t j = i;
  std::size_t last = i;
  if (t.IsAny(i, {"a", "an"}) && t.IsWord(i + 1) &&
      (t.Is(i + 1, "hundred") || t.Is(i + 1, "dozen") || ScaleValue(t.Text(i + 1)))) {
    group = 1;
    last_kind = kUnit;
    j = i + 1;
  } else if (t.Is(i, "half")) {
    return NumberRead{0.5, i, i, false, true};
  }
  for (int steps = 0; t.IsWord(j) && steps < 32; ++steps) {
    const std::string_view w = t.Text(j);
    std::size_t next = NextWord(t, j);
    if (auto u = Lookup(kUnitWords, w)) {
      if (last_kind == kUnit || last_kind == kTeen || last_kind == kDozen) break;
      group += *u;
      last_kind = kUnit;
    } else if (auto teen = Lookup(kTeenWords, w)) {
      if (last_kind == kUnit || last_kind == kTeen || last_kind == kTens || last_kind == kDozen) {
        break;
      }
      group += *teen;
      last_kind = kTeen;
    } else if (auto tens = Lookup(kTensWords, w)) {
      if (last_kind == kUnit || last_kind == kTeen || last_kind == kTens || last_kind == kDozen) {
        break;
      }
      group += *tens;
      last_kind = kTens;
    } else if (w == "hundred") {
      if (last_kind != kUnit && last_kind != kTeen && last_kind != kTens) break;
      if (group >= 100) break;
      group *= 100;
      last_kind = kHundred;
    } else if (w == "dozen") {
      if (last_kind != kUnit && last_kind != kTeen && last_kind != kTens) break;
      group *= 12;
      last_kind = kDozen;
    } else if (auto scale = ScaleValue(w)) {
      if (last_kind == kNone || last_kind == kScale || *scale >= last_scale) break;
      total += group * *scale;
      group = 0;
      last_scale = *scale;
      last_kind = kScale;
    } else if (w == "and" && last_kind != kNone) {
      if (t.Phrase(j + 1, {"a", "half"})) {
        fraction = 0.5;
        last = j + 2;
        break;
      }
      const std::string_view after = t.Text(j + 1);
      if ((last_kind == kHundred || last_kind == kScale) && t.IsWord(j + 1) &&
          (Lookup(kUnitWords, after) || Lookup(kTeenWords, after) || Lookup(kTensWords, after))) {
        j = j + 1;
        continue;
      }
      break;
    } else if (w == "point" && last_kind != kNone) {
      std::size_t point_last = j;
      const std::string digits = ReadPointDigits(t, j, &point_last);
      if (!digits.empty()) {
        double value = 0;
        const std::string literal = "0." + digits;
        std::from_chars(literal.data(), literal.data() + literal.size(), value);
        fraction = value;
        last = point_last;
      }
      break;
    } else {
      break;
    }
    last = j;
    j = next;
  }
  if (last_kind == kNone) return std::nullopt;
  return NumberRead{total + group + fraction, i, last, false, true};
}

std::optional<NumberRead> ReadNumber(const Tokens& t, std::size_t i) {
  if (t.IsNumber(i)) {
    const std::optional<double> value = ParseDigitLiteral(t.Text(i));
    if (!value) return std::nullopt;
    NumberRead read{*value, i, i, true, false};
    if (t.Is(i + 1, "(")) {
      if (auto words = ReadWordNumber(t, i + 2); words && t.Is(words->last + 1, ")")) {
        read.last = words->last + 1;
        read.has_words = true;
      }
    }
    return read;
  }
  std::optional<NumberRead> read = ReadWordNumber(t, i);
  if (!read) return std::nullopt;
  const std::size_t open = read->last + 1;
  if (t.Is(open, "(") && t.IsNumber(open + 1) && t.Is(open + 2, ")")) {
    if (auto digits = ParseDigitLiteral(t.Text(open + 1))) {
      read->value = *digits;  // the digits win when words and digits disagree
      read->last = open + 2;
      read->has_digits = true;
    }
  }
  return read;
}

bool IsReference(const Tokens& t, std::size_t first) {
  if (first > 0) {
    const std::size_t prev = first - 1;
    if (t[prev].kind == Token::kSymbol && t.Is(prev, "\xC2\xA7")) return true;
    if (t.IsWord(prev) && t.Attached(first)) return true;  // "v1.2", "sha256"
    if (t.IsAny(prev, {"/", ":"}) && t.Attached(first) && prev > 0 && t.IsNumber(prev - 1)) {
      return true;
    }
    if (t.IsAny(prev,
                {"section",    "sections",   "clause",     "clauses",  "article", "articles",
                 "paragraph",  "paragraphs", "rule",       "rules",    "version", "revision",
                 "tls",        "ssl",        "iso",        "iec",      "nist",    "publication",
                 "annex",      "schedule",   "exhibit",    "appendix", "chapter", "part",
                 "regulation", "decision",   "directive",  "item",     "page",    "pages",
                 "step",       "level",      "subsection", "recital",  "cfr",     "usc",
                 "sp",         "no",         "number",     "form",     "tier"})) {
      return true;
    }
    if (t.Is(prev, ".") && t.IsAny(prev - 1, {"no", "art", "sec", "para", "s", "v", "ver"})) {
      return true;
    }
  }
  // A number glued to '/' or ':' and another number: "2021/914", "27001:2022", "24/7".
  if (t.IsAny(first + 1, {"/", ":"}) && t.Attached(first + 1) && t.IsNumber(first + 2) &&
      t.Attached(first + 2)) {
    return true;
  }
  return false;
}

}  // namespace scan

std::optional<double> ParseNumber(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const scan::Tokens tokens(lower);
  if (tokens.size() == 0) return std::nullopt;
  std::optional<scan::NumberRead> read = scan::ReadNumber(tokens, 0);
  if (!read || read->last + 1 != tokens.size()) return std::nullopt;
  return read->value;
}

}  // namespace clausescan::internal

// Building blocks shared by the extractors in params/: a tokenizer over the folded view and
// readers for numbers and durations at a token. Internal to params/*.cc.
#ifndef CLAUSESCAN_PARAMS_SCAN_H_
#define CLAUSESCAN_PARAMS_SCAN_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "params/quantities.h"

namespace clausescan::internal::scan {

// kWord: a run of ASCII letters and non-ASCII letters ("café"). kNumber: a digit run with
// inner separators followed by a digit ("1,000,000", "1.000.000,00", "1'000'000", "7.2",
// ".05"). kSymbol: one of £ € ¥ ₹ × §. kPunct: any other single byte except a space.
struct Token {
  enum Kind { kWord, kNumber, kPunct, kSymbol };
  Kind kind = kPunct;
  std::size_t begin = 0;  // byte offsets into the tokenized text
  std::size_t end = 0;
  bool space_before = false;  // a space (or the start of text) precedes the token
};

// The tokens of one folded string. Linear in its length. The text must outlive the object.
class Tokens {
 public:
  explicit Tokens(std::string_view text);

  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view text() const { return text_; }
  // The token's text; "" when i is out of range.
  std::string_view Text(std::size_t i) const;
  // True when token i exists and its text equals s.
  bool Is(std::size_t i, std::string_view s) const;
  // True when token i exists and its text is one of words.
  bool IsAny(std::size_t i, std::initializer_list<std::string_view> words) const;
  bool IsWord(std::size_t i) const { return i < size() && tokens_[i].kind == Token::kWord; }
  bool IsNumber(std::size_t i) const { return i < size() && tokens_[i].kind == Token::kNumber; }
  // True when token i exists and touches the token before it (no space between).
  bool Attached(std::size_t i) const { return i < size() && i > 0 && !tokens_[i].space_before; }
  // True when the words starting at token i are exactly `words` (each a single word token).
  bool Phrase(std::size_t i, std::initializer_list<std::string_view> words) const;
  // True when the words ending at token `last` (inclusive) are exactly `words`.
  bool PhraseBefore(std::size_t last, std::initializer_list<std::string_view> words) const;

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
};

// Parses a digit literal: "72", "1,000,000" (groups of 3), "1.000.000" (two or more dot groups
// of 3), "1'000'000", "2.5", "1,5" (comma decimal with 1-2 digits), "1.000.000,00" and
// "1,000,000.00" (the last separator is the decimal mark), ".05". nullopt for other shapes
// ("7.2.1", "1,2,3"), for values that are not finite, and for literals over 40 bytes.
std::optional<double> ParseDigitLiteral(std::string_view literal);

// A number read at a token: words ("seventy-two", "one hundred and twenty", "a dozen",
// "one and a half", "ninety-nine point nine"), digits ("72", "1,000"), or both
// ("seventy-two (72)", "72 (seventy-two)"): the digits win when they disagree.
struct NumberRead {
  double value = 0;
  std::size_t first = 0;  // first token
  std::size_t last = 0;   // last token, inclusive
  bool has_digits = false;
  bool has_words = false;
};
// Reads a number spelled in words starting at token i (no digits, no parentheses).
std::optional<NumberRead> ReadWordNumber(const Tokens& tokens, std::size_t i);
// Reads a number in any of the forms above starting at token i.
std::optional<NumberRead> ReadNumber(const Tokens& tokens, std::size_t i);

// True when the number at token `first` is a reference, not a quantity: it follows "section",
// "clause", "article", "version", "tls", "iso", "no." and similar, or touches '/', ':' or '§'
// ("2021/914", "27001:2022").
bool IsReference(const Tokens& tokens, std::size_t first);

// A duration read at a token, without the qualifier before it.
struct DurationRead {
  Duration duration;      // begin/end: the number through the unit word
  std::size_t first = 0;  // first token of the number
  std::size_t last = 0;   // the unit token
};
// Reads "<number> [-] [or more] [business|working|calendar|consecutive|full] <unit>" at token
// i, or nullopt. Skips references and "24 hours a day"-style coverage phrases.
std::optional<DurationRead> ReadDuration(const Tokens& tokens, std::size_t i);

// Hours and days per unit (as used by Duration::Hours / Days).
double HoursPerUnit(TimeUnit unit);
double DaysPerUnit(TimeUnit unit);

}  // namespace clausescan::internal::scan

#endif  // CLAUSESCAN_PARAMS_SCAN_H_

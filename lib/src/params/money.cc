// Amounts of money and percentages.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/quantities.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace {

using scan::NumberRead;
using scan::Tokens;

constexpr std::string_view kPound = "\xC2\xA3";
constexpr std::string_view kEuro = "\xE2\x82\xAC";
constexpr std::string_view kYen = "\xC2\xA5";
constexpr std::string_view kRupee = "\xE2\x82\xB9";

// ISO 4217 codes recognised as words ("usd 5 million", "1.000.000 eur").
std::string CodeWord(std::string_view w) {
  static constexpr std::string_view kCodes[] = {"usd", "eur", "gbp", "chf", "cad", "aud", "jpy",
                                                "inr", "sek", "nok", "dkk", "nzd", "sgd", "hkd",
                                                "cny", "zar", "pln", "czk", "brl", "mxn"};
  for (std::string_view code : kCodes) {
    if (w == code) {
      std::string upper(code);
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      return upper;
    }
  }
  return "";
}

std::string SymbolCode(std::string_view s) {
  if (s == "$") return "USD";
  if (s == kPound) return "GBP";
  if (s == kEuro) return "EUR";
  if (s == kYen) return "JPY";
  if (s == kRupee) return "INR";
  return "";
}

struct CurrencyRead {
  std::string code;
  std::size_t last = 0;      // last token of the currency
  bool bare_dollar = false;  // a "$" or "dollars" that names no country
};

// A currency written before the amount: "$", "£", "€", "us$", "u.s. $", "c$", "usd",
// "usd $" (the code wins).
std::optional<CurrencyRead> ReadPrefixCurrency(const Tokens& t, std::size_t i) {
  if (!SymbolCode(t.Text(i)).empty()) {
    return CurrencyRead{SymbolCode(t.Text(i)), i, t.Is(i, "$")};
  }
  if (t.IsWord(i) && t.Is(i + 1, "$") && t.Attached(i + 1)) {
    const std::string_view w = t.Text(i);
    if (w == "us") return CurrencyRead{"USD", i + 1};
    if (w == "c" || w == "ca" || w == "cdn") return CurrencyRead{"CAD", i + 1};
    if (w == "a" || w == "au") return CurrencyRead{"AUD", i + 1};
    if (w == "s" || w == "sg") return CurrencyRead{"SGD", i + 1};
    if (w == "nz") return CurrencyRead{"NZD", i + 1};
    if (w == "hk") return CurrencyRead{"HKD", i + 1};
  }
  if (t.Is(i, "u") && t.Is(i + 1, ".") && t.Is(i + 2, "s") && t.Is(i + 3, ".") &&
      t.Is(i + 4, "$")) {
    return CurrencyRead{"USD", i + 4};
  }
  if (t.IsWord(i)) {
    std::string code = CodeWord(t.Text(i));
    if (code.empty()) return std::nullopt;
    std::size_t last = i;
    if (!SymbolCode(t.Text(i + 1)).empty()) last = i + 1;  // "usd $5,000,000"
    return CurrencyRead{std::move(code), last};
  }
  return std::nullopt;
}

// A currency written after the amount: a code, "€", "dollars", "us dollars", "u.s. dollars",
// "euros", "pounds (sterling)", "sterling", "swiss francs", "yen".
std::optional<CurrencyRead> ReadSuffixCurrency(const Tokens& t, std::size_t j) {
  if (t.Is(j, kEuro)) return CurrencyRead{"EUR", j};
  if (!t.IsWord(j)) return std::nullopt;
  if (std::string code = CodeWord(t.Text(j)); !code.empty()) {
    if (t.Is(j + 1, "/") && t.Attached(j + 1)) return std::nullopt;  // "usd/zar"
    return CurrencyRead{code, j};
  }
  std::string code;
  std::size_t k = j;
  if (t.IsAny(j, {"us", "american"})) {
    code = "USD", k = j + 1;
  } else if (t.Phrase(j, {"united", "states"})) {
    code = "USD", k = j + 2;
  } else if (t.Is(j, "u") && t.Is(j + 1, ".") && t.Is(j + 2, "s") && t.Is(j + 3, ".")) {
    code = "USD", k = j + 4;
  } else if (t.IsAny(j, {"canadian"})) {
    code = "CAD", k = j + 1;
  } else if (t.IsAny(j, {"australian"})) {
    code = "AUD", k = j + 1;
  } else if (t.IsAny(j, {"swiss"})) {
    code = "CHF", k = j + 1;
  }
  if (t.IsAny(k, {"dollar", "dollars"})) {
    return CurrencyRead{code.empty() ? "USD" : code, k, code.empty()};
  }
  if (!code.empty() && code != "CHF") return std::nullopt;
  if (t.IsAny(k, {"franc", "francs"})) return CurrencyRead{"CHF", k};
  if (!code.empty()) return std::nullopt;
  if (t.IsAny(j, {"euro", "euros"})) return CurrencyRead{"EUR", j};
  if (t.IsAny(j, {"pound", "pounds"})) {
    return CurrencyRead{"GBP", t.Is(j + 1, "sterling") ? j + 1 : j};
  }
  if (t.Is(j, "sterling")) return CurrencyRead{"GBP", j};
  if (t.Is(j, "yen")) return CurrencyRead{"JPY", j};
  if (t.IsAny(j, {"rupee", "rupees"})) return CurrencyRead{"INR", j};
  return std::nullopt;
}

// A magnitude after the amount: "k", "m", "mm", "mn", "bn", "million", "billion", "thousand",
// "mio." and "mrd." (German), "lakh", "crore". Sets *last to its last token.
std::optional<double> ReadMagnitude(const Tokens& t, std::size_t j, std::size_t* last) {
  if (!t.IsWord(j)) return std::nullopt;
  const std::string_view w = t.Text(j);
  double factor = 0;
  if (w == "k" || w == "thousand") factor = 1e3;
  if (w == "m" || w == "mm" || w == "mn" || w == "mio" || w == "million" || w == "millions") {
    factor = 1e6;
  }
  if (w == "bn" || w == "mrd" || w == "billion" || w == "billions") factor = 1e9;
  if (w == "lakh") factor = 1e5;
  if (w == "crore") factor = 1e7;
  if (factor == 0) return std::nullopt;
  *last = j;
  if ((w == "mio" || w == "mrd") && t.Is(j + 1, ".") && t.Attached(j + 1)) *last = j + 1;
  return factor;
}

// Currencies whose amounts use '.' for thousands: "eur 1.000" is one thousand.
bool UsesDotThousands(std::string_view code) {
  return code == "EUR" || code == "CHF" || code == "SEK" || code == "NOK" || code == "DKK" ||
         code == "PLN" || code == "CZK" || code == "BRL";
}

// The digit literal at token k joined with following space-separated groups of three
// ("1 000 000"); *last gets the last token used.
std::string DigitLiteral(const Tokens& t, std::size_t k, std::size_t* last) {
  std::string literal(t.Text(k));
  *last = k;
  const bool plain = literal.find_first_not_of("0123456789") == std::string::npos;
  if (!plain || literal.size() > 3) return literal;
  while (t.IsNumber(*last + 1) && t.Text(*last + 1).size() == 3 &&
         t.Text(*last + 1).find_first_not_of("0123456789") == std::string::npos &&
         literal.size() < 40) {
    literal += '\'';
    literal += t.Text(*last + 1);
    ++*last;
  }
  return literal;
}

std::optional<double> AmountOf(std::string_view literal, std::string_view code) {
  // "1.000" is a thousand in euro and franc amounts.
  if (UsesDotThousands(code) && literal.size() >= 5 && literal.size() <= 7 &&
      literal[literal.size() - 4] == '.' && literal.find_first_of(",'") == std::string_view::npos &&
      literal.find('.') == literal.size() - 4) {
    std::string joined(literal);
    joined[joined.size() - 4] = '\'';
    return scan::ParseDigitLiteral(joined);
  }
  return scan::ParseDigitLiteral(literal);
}

struct MoneyRead {
  Money money;
  std::size_t last = 0;
};

// `nested` is true inside the parentheses after an amount: no further parentheses are read.
std::optional<MoneyRead> ReadSuffixForm(const Tokens& t, std::size_t i, bool nested);

// "$5,000,000", "usd 5 million", "£2m", "chf 1'000'000.-", "$5,000.00 usd".
std::optional<MoneyRead> ReadPrefixForm(const Tokens& t, std::size_t i, bool nested) {
  const std::optional<CurrencyRead> currency = ReadPrefixCurrency(t, i);
  if (!currency) return std::nullopt;
  const std::size_t k = currency->last + 1;
  if (!t.IsNumber(k)) return std::nullopt;  // "$[amount]" is a placeholder
  std::size_t last = k;
  const std::string literal = DigitLiteral(t, k, &last);
  std::optional<double> amount = AmountOf(literal, currency->code);
  if (!amount) return std::nullopt;
  if (t.Is(last + 1, ".") && t.Is(last + 2, "-") && t.Attached(last + 1)) last += 2;
  if (std::optional<double> factor = ReadMagnitude(t, last + 1, &last)) *amount *= *factor;
  bool bare = currency->bare_dollar;
  if (std::optional<CurrencyRead> suffix = ReadSuffixCurrency(t, last + 1)) {
    last = suffix->last;
    bare = bare && suffix->bare_dollar;  // "$5,000 cad"
  }
  MoneyRead read;
  read.money.amount = *amount;
  read.money.currency = currency->code;
  read.money.bare_dollar = bare;
  read.money.begin = t[i].begin;
  read.last = last;
  // "$5,000,000 (five million dollars)": one amount.
  if (!nested && t.Is(last + 1, "(")) {
    if (std::optional<MoneyRead> inner = ReadSuffixForm(t, last + 2, true);
        inner && t.Is(inner->last + 1, ")")) {
      read.last = inner->last + 1;
    }
  }
  read.money.end = t[read.last].end;
  return read;
}

// "five million dollars ($5,000,000)", "1.000.000,00 eur", "2 mio. eur", "2m gbp",
// "one hundred thousand pounds".
std::optional<MoneyRead> ReadSuffixForm(const Tokens& t, std::size_t i, bool nested) {
  if (!t.IsNumber(i) && !t.IsWord(i)) return std::nullopt;
  std::size_t last = i;
  std::string literal;
  std::optional<double> words;
  if (t.IsNumber(i)) {
    if (scan::IsReference(t, i)) return std::nullopt;
    literal = DigitLiteral(t, i, &last);
  } else {
    std::optional<NumberRead> number = scan::ReadNumber(t, i);
    if (!number) return std::nullopt;
    words = number->value;
    last = number->last;
  }
  double factor = 1;
  if (std::optional<double> f = ReadMagnitude(t, last + 1, &last)) factor = *f;
  const std::optional<CurrencyRead> currency = ReadSuffixCurrency(t, last + 1);
  if (!currency) return std::nullopt;
  std::optional<double> amount = words ? words : AmountOf(literal, currency->code);
  if (!amount) return std::nullopt;
  MoneyRead read;
  read.money.amount = *amount * factor;
  read.money.currency = currency->code;
  read.money.bare_dollar = currency->bare_dollar;
  read.money.begin = t[i].begin;
  read.last = currency->last;
  // The amount in figures after the words wins: "one million us dollars (us$1,000,000)".
  if (!nested && t.Is(read.last + 1, "(")) {
    if (std::optional<MoneyRead> inner = ReadPrefixForm(t, read.last + 2, true);
        inner && t.Is(inner->last + 1, ")")) {
      read.money.amount = inner->money.amount;
      if (!inner->money.currency.empty() && !inner->money.bare_dollar) {
        read.money.currency = inner->money.currency;  // "one million dollars (us$1,000,000)"
        read.money.bare_dollar = false;
      }
      read.last = inner->last + 1;
    }
  }
  read.money.end = t[read.last].end;
  return read;
}

}  // namespace

std::vector<Money> FindMoney(std::string_view folded) {
  const Tokens t(folded);
  std::vector<Money> out;
  std::size_t i = 0;
  while (i < t.size()) {
    std::optional<MoneyRead> read = ReadPrefixForm(t, i, false);
    if (!read) read = ReadSuffixForm(t, i, false);
    if (!read) {
      ++i;
      continue;
    }
    out.push_back(read->money);
    i = read->last + 1;
  }
  return out;
}

namespace {

bool IsPercentWord(const Tokens& t, std::size_t j, std::size_t* last) {
  if (t.IsAny(j, {"percent", "pct", "prozent"})) {
    *last = j;
    return true;
  }
  if (t.Phrase(j, {"per", "cent"})) {
    *last = j + 1;
    return true;
  }
  return false;
}

// "(99.9%)" at token j: its value, and *last gets the ")".
std::optional<double> ReadParenPercent(const Tokens& t, std::size_t j, std::size_t* last) {
  if (!t.Is(j, "(") || !t.IsNumber(j + 1) || !t.Is(j + 2, "%") || !t.Is(j + 3, ")")) {
    return std::nullopt;
  }
  std::optional<double> value = scan::ParseDigitLiteral(t.Text(j + 1));
  if (value) *last = j + 3;
  return value;
}

struct PercentRead {
  double value = 0;
  std::size_t last = 0;
};

// The fraction a spelled-out number states after "and" ("and nine tenths": 0.9; "and
// ninety-five hundredths": 0.95) from token j, and the index of its last token; nullopt when
// none does.
std::optional<double> ReadAndFraction(const Tokens& t, std::size_t j, std::size_t* last) {
  if (!t.Is(j, "and")) return std::nullopt;
  const std::optional<NumberRead> part = scan::ReadWordNumber(t, j + 1);
  if (!part) return std::nullopt;
  const std::size_t unit = part->last + 1;
  double denominator = 0;
  if (t.Is(unit, "tenth") || t.Is(unit, "tenths")) denominator = 10;
  if (t.Is(unit, "hundredth") || t.Is(unit, "hundredths")) denominator = 100;
  if (t.Is(unit, "thousandth") || t.Is(unit, "thousandths")) denominator = 1000;
  if (denominator == 0 || part->value >= denominator) return std::nullopt;
  *last = unit;
  return part->value / denominator;
}

std::optional<PercentRead> ReadPercent(const Tokens& t, std::size_t i) {
  std::optional<NumberRead> number = scan::ReadNumber(t, i);
  if (!number || scan::IsReference(t, i)) return std::nullopt;
  if (!number->has_digits) {
    // "ninety-nine and nine tenths percent" is 99.9 (issue 15 #4).
    std::size_t fraction_last = 0;
    if (std::optional<double> fraction = ReadAndFraction(t, number->last + 1, &fraction_last)) {
      number->value += *fraction;
      number->last = fraction_last;
    }
  }
  const std::size_t j = number->last + 1;
  PercentRead read{number->value, j};
  if (t.Is(j, "%")) {
    // "50% (fifty percent)": one percentage.
    if (t.Is(j + 1, "(")) {
      if (std::optional<NumberRead> words = scan::ReadWordNumber(t, j + 2)) {
        std::size_t word_last = 0;
        if (IsPercentWord(t, words->last + 1, &word_last) && t.Is(word_last + 1, ")")) {
          read.last = word_last + 1;
        }
      }
    }
    return read;
  }
  if (IsPercentWord(t, j, &read.last)) {
    // "ninety-nine point nine percent (99.9%)": the figures win.
    if (std::optional<double> digits = ReadParenPercent(t, read.last + 1, &read.last)) {
      read.value = *digits;
    }
    return read;
  }
  if (!number->has_digits) {
    // "five (5%) percent".
    if (std::optional<double> digits = ReadParenPercent(t, j, &read.last)) {
      read.value = *digits;
      IsPercentWord(t, read.last + 1, &read.last);
      return read;
    }
    // "three nines" is 99.9.
    if (t.Is(j, "nines") && number->value >= 1 && number->value <= 15 &&
        number->value == std::floor(number->value)) {
      read.value = 100 - std::pow(10.0, 2 - number->value);
      read.last = j;
      return read;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<Percent> FindPercents(std::string_view folded) {
  const Tokens t(folded);
  std::vector<Percent> out;
  std::size_t i = 0;
  while (i < t.size()) {
    std::optional<PercentRead> read = ReadPercent(t, i);
    if (!read) {
      ++i;
      continue;
    }
    out.push_back(Percent{read->value, t[i].begin, t[read->last].end});
    i = read->last + 1;
  }
  return out;
}

}  // namespace clausescan::internal

// The `currency` entry of a playbook file (docs/rules.md, "Currency").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "rules/playbook_loader.h"

namespace clausescan::internal {
namespace {

// Reads an ISO 4217 code (three letters, any case) into *out, upper case.
Status ReadCode(const YamlFile& file, const YAML::Node& node, std::string_view key,
                std::string* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, key, out));
  bool letters = out->size() == 3;
  for (char& c : *out) {
    letters = letters && std::isalpha(static_cast<unsigned char>(c)) != 0;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!letters) {
    return file.At(node, fmt::format("'{}' must be a three-letter currency code such as USD, "
                                     "found '{}'",
                                     key, *out));
  }
  return std::nullopt;
}

// True for a real date written YYYY-MM-DD (2026-02-31 is not one).
bool IsCalendarDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Status ReadRate(const YamlFile& file, const YAML::Node& node, CurrencyRate* rate) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "currency rate", {"currency", "rate", "date"},
                                          {"currency", "rate", "date"}, &fields));
  CLAUSESCAN_RETURN_IF_ERROR(ReadCode(file, *fields.Find("currency"), "currency", &rate->code));
  const YAML::Node& value = *fields.Find("rate");
  CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, value, "rate", &rate->rate));
  // Real exchange rates lie far inside these bounds; outside them a converted amount overflows
  // to infinity or vanishes to 0 and would be judged as such.
  if (!(rate->rate >= 1e-9 && rate->rate <= 1e9)) {
    return file.At(value,
                   "'rate' must be a positive number from 0.000000001 to 1000000000: units of "
                   "the base currency per one unit of 'currency'");
  }
  const YAML::Node& date = *fields.Find("date");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, date, "date", &rate->date));
  if (!IsCalendarDate(rate->date)) {
    return file.At(date, fmt::format("'date' must be a date written YYYY-MM-DD, found '{}'",
                                     rate->date.substr(0, 40)));
  }
  rate->line = node.Mark().line + 1;
  return std::nullopt;
}

}  // namespace

Status ReadPlaybookCurrency(const YamlFile& file, const YAML::Node& node,
                            PlaybookCurrency* currency) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "'currency'", {"base", "rates"}, {}, &fields));
  if (const YAML::Node* base = fields.Find("base")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadCode(file, *base, "base", &currency->base));
    // A rate an earlier playbook gave for what is now the base would mean nothing.
    if (currency->RateOf(currency->base) != nullptr) {
      return file.At(*base, fmt::format("'{}' as the base currency, which an earlier playbook "
                                        "gives a rate for; remove that rate",
                                        currency->base));
    }
  }
  const YAML::Node* rates = fields.Find("rates");
  if (rates == nullptr) return std::nullopt;
  if (!rates->IsSequence()) {
    return file.At(*rates, fmt::format("expected a list for 'rates', found {}", KindName(*rates)));
  }
  std::set<std::string> seen;
  for (const YAML::Node& item : *rates) {
    CurrencyRate rate;
    CLAUSESCAN_RETURN_IF_ERROR(ReadRate(file, item, &rate));
    if (rate.code == currency->base) {
      return file.At(item, fmt::format("a rate for '{}', the base currency: amounts in the base "
                                       "currency are compared as they are",
                                       rate.code));
    }
    if (!seen.insert(rate.code).second) {
      return file.At(item, fmt::format("a second rate for '{}'", rate.code));
    }
    auto old = std::find_if(currency->rates.begin(), currency->rates.end(),
                            [&](const CurrencyRate& r) { return r.code == rate.code; });
    if (old != currency->rates.end()) {
      *old = std::move(rate);
    } else {
      currency->rates.push_back(std::move(rate));
    }
  }
  return std::nullopt;
}

}  // namespace clausescan::internal

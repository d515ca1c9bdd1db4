// The `currency` entry of a playbook file (docs/rules.md, "Currency").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "clausescan/date.h"
#include "rules/playbook_loader.h"

namespace clausescan::internal {
namespace {

Status ReadRate(const YamlFile& file, const YAML::Node& node, CurrencyRate* rate) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "currency rate", {"currency", "rate", "date"},
                                          {"currency", "rate", "date"}, &fields));
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadCurrencyCode(file, *fields.Find("currency"), "currency", &rate->code));
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
  if (!CalendarDate::Parse(rate->date)) {
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
    CLAUSESCAN_RETURN_IF_ERROR(ReadCurrencyCode(file, *base, "base", &currency->base));
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

#include "assess/currency.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "params/extract.h"

namespace clausescan::internal {
namespace {

// 10000000 -> "10,000,000"; 1.08 -> "1.08".
std::string Grouped(double value) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  if (value != std::floor(value) || std::fabs(value) >= 1e15) return fmt::format("{}", value);
  std::string digits = fmt::format("{}", static_cast<long long>(std::fabs(value)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

// An ISO 4217 code as the money reader writes one ("CAD"); the contract's words for a currency
// we do not know ("zimbabwe dollars") are none.
bool IsCurrencyCode(const std::string& name) {
  return name.size() == 3 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::map<std::string, ParamValue> AmountsInBaseCurrency(
    const PlaybookCurrency& currency, const Rule& rule,
    const std::map<std::string, ParamValue>& parameters, std::vector<std::string>* reasons) {
  std::map<std::string, ParamValue> out = parameters;
  for (const ParamSpec& spec : rule.parameters) {
    if (spec.type != ParamSpec::Type::kMoney || spec.currency_name.empty()) continue;
    auto amount = out.find(spec.name);
    auto code = parameters.find(spec.currency_name);
    if (amount == out.end() || code == parameters.end()) continue;
    const auto* value = std::get_if<double>(&amount->second);
    const auto* name = std::get_if<std::string>(&code->second);
    if (value == nullptr || name == nullptr || name->empty() || *name == currency.base) continue;
    if (const CurrencyRate* rate = currency.RateOf(*name)) {
      const double converted = *value * rate->rate;
      reasons->push_back(
          fmt::format("compared as {} {}: {} {} at the playbook's rate of {} {} per {} ({})",
                      Grouped(std::round(converted)), currency.base, Grouped(*value), *name,
                      Grouped(rate->rate), currency.base, *name, rate->date));
      amount->second = converted;
      continue;
    }
    if (*name == ParamExtractor::kDollarNotStated) {
      reasons->push_back(fmt::format(
          "not compared (currency not stated): the amount is ${} and the contract says neither "
          "which dollar nor which law governs it; the playbook's limits are in {}",
          Grouped(*value), currency.base));
      out.erase(amount);
      continue;
    }
    if (!IsCurrencyCode(*name)) {
      reasons->push_back(fmt::format(
          "not compared (currency): the amount is {} in the contract's currency, \"{}\", which "
          "clausescan does not know; the playbook's limits are in {}",
          Grouped(*value), *name, currency.base));
      out.erase(amount);
      continue;
    }
    reasons->push_back(fmt::format(
        "not compared (currency): the amount is {} {} and the playbook's limits are in {}; give "
        "a rate for {} under 'currency' in a playbook (--playbook) to compare it",
        Grouped(*value), *name, currency.base, *name));
    out.erase(amount);
  }
  return out;
}

}  // namespace clausescan::internal

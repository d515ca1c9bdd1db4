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

Status ReadRate(const YamlFile& file, const YAML::Node& node, CurrencyRate* rate) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "currency rate", {"currency", "rate", "date"},
                                          {"currency", "rate", "date"}, &fields));
  CLAUSESCAN_RETURN_IF_ERROR(ReadCode(file, *fields.Find("currency"), "currency", &rate->code));
  const YAML::Node& value = *fields.Find("rate");
  CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, value, "rate", &rate->rate));
  if (!(rate->rate > 0)) {
    return file.At(value,
                   "'rate' must be a positive number: units of the base currency per one "
                   "unit of 'currency'");
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("date"), "date", &rate->date));
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

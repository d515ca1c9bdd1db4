// The currency a contract says its "$" and its amounts are in.
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "params/quantities.h"

namespace clausescan::internal {
namespace {

// The ISO code of a dollar currency named in folded words ("canadian dollars", "lawful
// currency of canada", "cad"), or "".
std::string DollarCode(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"canad", "CAD"},       {"cad", "CAD"},           {"australia", "AUD"}, {"aud", "AUD"},
      {"new zealand", "NZD"}, {"nzd", "NZD"},           {"hong kong", "HKD"}, {"hkd", "HKD"},
      {"singapore", "SGD"},   {"sgd", "SGD"},           {"usd", "USD"},       {"u.s", "USD"},
      {"us ", "USD"},         {"united states", "USD"}, {"american", "USD"},  {"the us", "USD"},
  };
  for (const auto& [prefix, code] : kNames) {
    if (name.substr(0, prefix.size()) == prefix) return std::string(code);
  }
  return "";
}

// A definition of "$" or "dollars" itself ('"$" means zimbabwe dollars', '"dollars" means
// bitcoin'): the ISO code when the currency is one DollarCode knows, else the contract's words
// for it ("zimbabwe dollars"), which no playbook rate or limit can match. nullopt when the unit
// defines neither.
std::optional<std::string> ReadDefinedDollar(std::string_view folded) {
  if (folded.find("\"$\"") == std::string_view::npos &&
      folded.find("\"dollar") == std::string_view::npos) {
    return std::nullopt;
  }
  static const RE2 kDefinition(
      R"((?:"\$"|"dollars?")(?:\s*(?:and|or|,)\s*(?:"\$"|"dollars?"))*\s*)"
      R"((?:means?|shall mean|refers? to|are references? to|is a reference to)\s+(?:the\s+)?)"
      R"(((?:lawful (?:currency|money) of (?:the )?)?([a-z][a-z '-]{0,40}[a-z])))");
  re2::StringPiece words;  // as the contract writes them: "lawful currency of zimbabwe"
  re2::StringPiece name;   // the currency's name in them: "zimbabwe"
  if (!RE2::PartialMatch(folded, kDefinition, &words, &name)) return std::nullopt;
  std::string code = DollarCode(std::string_view(name.data(), name.size()));
  if (!code.empty()) return code;
  return std::string(words.data(), words.size());
}

// 'all amounts are in zimbabwe dollars': the contract's amounts in a dollar currency DollarCode
// does not know, in the contract's words; nullopt otherwise.
std::optional<std::string> ReadOtherDollars(std::string_view folded) {
  if (folded.find("dollars") == std::string_view::npos) return std::nullopt;
  static const RE2 kAmountsIn(
      R"(\b(?:dollar amounts|(?:monetary )?amounts|sums|prices|fees|payments)\b[^.;:]{0,80}?)"
      R"(\b(?:are in|are expressed in|are stated in|are denominated in|denominated in|)"
      R"(expressed in|stated in|(?:are|is|shall be|will be) (?:payable|paid|made|quoted) in)\s+)"
      R"((?:the\s+)?(([a-z]+) (?:[a-z]+ )?dollars)\b)");
  re2::StringPiece words;
  re2::StringPiece first;
  if (!RE2::PartialMatch(folded, kAmountsIn, &words, &first)) return std::nullopt;
  static constexpr std::string_view kNoName[] = {"such", "said", "those", "these", "any",
                                                 "all",  "us",   "u",     "in",    "the"};
  const std::string_view word(first.data(), first.size());
  if (std::find(std::begin(kNoName), std::end(kNoName), word) != std::end(kNoName)) {
    return std::nullopt;
  }
  return std::string(words.data(), words.size());
}

// The code of a dollar currency DollarCode knows that the unit says "$", "dollars" or the
// contract's amounts are in ('all fees are payable in cad'); nullopt otherwise.
std::optional<std::string> ReadKnownDollars(std::string_view folded) {
  // Most units name no dollar currency at all: skip them before the pattern runs.
  static constexpr std::string_view kNames[] = {
      "canad", "australia", "zealand", "hong kong", "singapore", "united states", "u.s", "american",
      "cad",   "aud",       "nzd",     "hkd",       "sgd",       "usd",           "us "};
  if (std::none_of(std::begin(kNames), std::end(kNames), [&](std::string_view name) {
        return folded.find(name) != std::string_view::npos;
      })) {
    return std::nullopt;
  }
  // What is defined: "$", "dollars", or the contract's amounts; then how; then the currency.
  static const RE2 kDefinition(
      R"((?:"\$"|'\$'|\$|"dollars?"|\bdollars?\b|\bdollar amounts\b|\b(?:monetary )?amounts\b|)"
      R"(\bsums\b|\bprices\b|\bfees\b|\bpayments\b)[^.;:]{0,80}?)"
      R"(\b(?:means?|mean|shall mean|refers? to|are to|is to|are in|is in|are expressed in|)"
      R"(are stated in|are denominated in|denominated in|expressed in|stated in|)"
      R"((?:are|is|shall be|will be) (?:payable|paid|made|quoted) in|shall be in|will be in|)"
      R"(are references to|is a reference to|are in the currency of)\b\s*(?:the\s+)?)"
      R"((?:lawful (?:currency|money) of (?:the )?)?)"
      R"(((?:canad|australia|new zealand|hong kong|singapore|united states|u\.s|american|the us)[a-z]*|)"
      R"(cad\b|aud\b|nzd\b|hkd\b|sgd\b|usd\b|us (?:dollars?|\$)))");
  re2::StringPiece name;
  if (!RE2::PartialMatch(folded, kDefinition, &name)) return std::nullopt;
  std::string code = DollarCode(std::string_view(name.data(), name.size()));
  if (code.empty()) return std::nullopt;
  return code;
}

// The code of the dollar of the country whose law governs the contract ('governed by the laws of
// new zealand' gives NZD, 'the laws of the state of new york' USD, 'the laws of the province of
// ontario' or 'the laws applicable in british columbia' CAD, 'the laws in force in new south
// wales' AUD): a contract of a country with its own dollar means that dollar by "$" (issue 14
// third review #5); nullopt otherwise.
std::optional<std::string> ReadGoverningLawDollar(std::string_view folded) {
  if (folded.find("law") == std::string_view::npos) return std::nullopt;
  static const RE2 kGoverningLaw(
      R"(\b(?:governed by|construed in accordance with|subject to|interpreted under)\b[^.;]{0,40}?)"
      R"(\blaws? (?:of|applicable in|in force in) (?:the )?((?:new zealand|australia|canada|)"
      R"(singapore|hong kong|united states|state of [a-z]+(?: [a-z]+)?|commonwealth of [a-z]+|)"
      R"(province of [a-z]+|british columbia|alberta|ontario|quebec|manitoba|saskatchewan|)"
      R"(nova scotia|new brunswick|newfoundland|prince edward island|new south wales|queensland|)"
      R"(victoria|western australia|south australia|tasmania|australian capital territory|)"
      R"(northern territory)[a-z]*))");
  re2::StringPiece name;
  if (!RE2::PartialMatch(folded, kGoverningLaw, &name)) return std::nullopt;
  std::string_view country(name.data(), name.size());
  static constexpr std::string_view kStateOf = "state of ";
  if (country.rfind(kStateOf, 0) == 0) country.remove_prefix(kStateOf.size());
  static constexpr std::pair<std::string_view, std::string_view> kRegions[] = {
      {"british columbia", "CAD"},
      {"alberta", "CAD"},
      {"ontario", "CAD"},
      {"quebec", "CAD"},
      {"manitoba", "CAD"},
      {"saskatchewan", "CAD"},
      {"nova scotia", "CAD"},
      {"new brunswick", "CAD"},
      {"newfoundland", "CAD"},
      {"prince edward island", "CAD"},
      {"province of", "CAD"},
      {"new south wales", "AUD"},
      {"queensland", "AUD"},
      {"victoria", "AUD"},
      {"western australia", "AUD"},
      {"south australia", "AUD"},
      {"tasmania", "AUD"},
      {"australian capital territory", "AUD"},
      {"northern territory", "AUD"},
  };
  for (const auto& [region, code] : kRegions) {
    if (country.rfind(region, 0) == 0) return std::string(code);
  }
  if (name.size() != country.size() ||  // "state of ..." that is no Australian state
      country.rfind("commonwealth of", 0) == 0) {
    return std::string("USD");
  }
  std::string code = DollarCode(country);
  if (code.empty()) return std::nullopt;
  return code;
}

// The code of a dollar the contract states an amount in ('the payment is a fixed amount,
// exclusive of taxes, in canadian dollars'): a contract whose amounts are one country's dollars
// means them by "$" too (an option to pay in them is no such statement); nullopt otherwise.
std::optional<std::string> ReadNamedDollars(std::string_view folded) {
  if (folded.find("dollar") == std::string_view::npos) return std::nullopt;
  static const RE2 kNamed(
      R"(\b(?:amounts?|price|sums?|fees?|payments?|value)\b[^.;:]{0,60}?\bin )"
      R"((canadian|australian|new zealand|singapore|hong kong) dollars?\b)");
  re2::StringPiece name;
  if (!RE2::PartialMatch(folded, kNamed, &name)) return std::nullopt;
  std::string code = DollarCode(std::string_view(name.data(), name.size()));
  if (code.empty()) return std::nullopt;
  return code;
}

// USD for a contract of a US federal agency or under the US federal acquisition regulations
// ("the United States Government", "FAR 52.204-21", "DFARS"): plainly a US document, whose "$"
// is the US dollar (issue 14 fourth review #6); nullopt otherwise.
std::optional<std::string> ReadUsAgencyDollar(std::string_view folded) {
  // Most units name no government or regulation: skip them before the pattern runs (issue 12).
  static constexpr std::string_view kWords[] = {"government", "acquisition", "dfars", "far ",
                                                "department of"};
  if (std::none_of(std::begin(kWords), std::end(kWords), [&](std::string_view word) {
        return folded.find(word) != std::string_view::npos;
      })) {
    return std::nullopt;
  }
  static const RE2 kUsAgency(
      R"(\b(?:federal acquisition regulation|dfars|(?:far|dfars) 2?52\.2\d\d-\d+|)"
      R"(u\.?s\.? government|united states government|government of the united states|)"
      R"(department of (?:defense|veterans affairs|homeland security|health and human services))\b)");
  if (!RE2::PartialMatch(folded, kUsAgency)) return std::nullopt;
  return std::string("USD");
}

}  // namespace

std::optional<std::string> ReadDollarCurrency(std::string_view folded) {
  // Each reading but the governing law's needs "$" or the word its statement is about
  // ("dollars", "amounts", "fees"..., see the patterns above): most units have none, and the
  // glossary asks every unit until the contract's currency is known (issue 12: 7 searches of the
  // unit instead of about 18). The governing law's and the US agency's readings have their own
  // tests ("law"; "government", "dfars"...).
  static constexpr std::string_view kSubjects[] = {"$",      "dollar", "amounts", "sums",
                                                   "prices", "fees",   "payments"};
  if (std::none_of(std::begin(kSubjects), std::end(kSubjects), [&](std::string_view subject) {
        return folded.find(subject) != std::string_view::npos;
      })) {
    if (std::optional<std::string> governing = ReadGoverningLawDollar(folded)) return governing;
    return ReadUsAgencyDollar(folded);
  }
  if (std::optional<std::string> defined = ReadDefinedDollar(folded)) return defined;
  if (std::optional<std::string> known = ReadKnownDollars(folded)) return known;
  if (std::optional<std::string> governing = ReadGoverningLawDollar(folded)) return governing;
  if (std::optional<std::string> federal = ReadUsAgencyDollar(folded)) return federal;
  if (std::optional<std::string> named = ReadNamedDollars(folded)) return named;
  return ReadOtherDollars(folded);
}

}  // namespace clausescan::internal

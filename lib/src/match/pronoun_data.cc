#include "match/pronoun_data.h"

#include <re2/re2.h>

#include <algorithm>

namespace clausescan::internal {
namespace {

bool OnCustomerSide(const PartyLexicon& lexicon, std::string_view word) {
  return std::find(lexicon.customer.begin(), lexicon.customer.end(), word) !=
         lexicon.customer.end();
}

}  // namespace

std::optional<std::string> PronounDataReading(std::string_view folded,
                                              const PartyLexicon& lexicon) {
  const bool your = OnCustomerSide(lexicon, "you");
  const bool our = OnCustomerSide(lexicon, "we");
  if (!your && !our) return std::nullopt;
  static const RE2 kYour(
      "\\byour ((?:personal |customer |account |user )?(?:data|information|content|files|"
      "records)\\b)");
  static const RE2 kOur(
      "\\bour ((?:personal |customer |account |user )?(?:data|information|content|files|"
      "records)\\b)");
  std::string out(folded);
  int replaced = 0;
  if (your) replaced += RE2::GlobalReplace(&out, kYour, "customer \\1");
  if (our) replaced += RE2::GlobalReplace(&out, kOur, "customer \\1");
  if (replaced == 0) return std::nullopt;
  return out;
}

}  // namespace clausescan::internal

// Amounts compared in the playbook's currency (issue 15 #6).
#ifndef CLAUSESCAN_ASSESS_CURRENCY_H_
#define CLAUSESCAN_ASSESS_CURRENCY_H_

#include <map>
#include <string>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// The parameters the playbook's conditions compare for a finding of `rule`: `parameters` with
// each amount of a money parameter (ParamSpec::kMoney with a currency parameter) in the
// playbook's base currency. An amount whose currency is the base, or is not stated, stays as
// it is; one in another currency is multiplied by the playbook's rate for that currency, or
// left out when the playbook has none, so no condition on it holds. Appends to *reasons one
// sentence per amount converted ("compared as ...") or left out ("not compared (currency):
// ..."). Never fails.
std::map<std::string, ParamValue> AmountsInBaseCurrency(
    const PlaybookCurrency& currency, const Rule& rule,
    const std::map<std::string, ParamValue>& parameters, std::vector<std::string>* reasons);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_CURRENCY_H_

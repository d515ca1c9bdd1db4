// Parameter values as JSON, shared by the JSON and SARIF printers so both write numbers alike.
#ifndef CLAUSESCAN_REPORT_JSON_VALUES_H_
#define CLAUSESCAN_REPORT_JSON_VALUES_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "clausescan/report.h"

namespace clausescan::internal {

// A value as JSON: whole numbers as integers (24, not 24.0), other numbers as the shortest
// exact decimal, flags as booleans, words as strings, lists as arrays of strings.
nlohmann::ordered_json ParamJson(const ParamValue& value);

// The parameters as one JSON object, keys in name order.
nlohmann::ordered_json ParametersJson(const std::map<std::string, ParamValue>& parameters);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_JSON_VALUES_H_

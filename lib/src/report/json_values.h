// Values as JSON shared by the printers: parameters (JSON and SARIF, so both write numbers
// alike) and the rationale (the scan JSON and the evidence pack's JSON).
#ifndef CLAUSESCAN_REPORT_JSON_VALUES_H_
#define CLAUSESCAN_REPORT_JSON_VALUES_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clausescan/not_scanned.h"
#include "clausescan/report.h"

namespace clausescan::internal {

// A value as JSON: whole numbers as integers (24, not 24.0), other numbers as the shortest
// exact decimal, flags as booleans, words as strings, lists as arrays of strings.
nlohmann::ordered_json ParamJson(const ParamValue& value);

// The parameters as one JSON object, keys in name order.
nlohmann::ordered_json ParametersJson(const std::map<std::string, ParamValue>& parameters);

// A rationale as the JSON object {"text", "sectors", "sources": [{"title", "url"}]}
// (docs/report-format.md); callers leave the field out when rationale.text is empty.
nlohmann::ordered_json RationaleJson(const Rationale& rationale);

// A finding's judgement against the company profile as the JSON object {"capability",
// "verdict", "summary", "original_risk", "documents": [{"evidence", "title", "file",
// "valid_until", "status"}], "gaps": [{"control", "title", "state"}], "notes"}
// (docs/report-format.md, issue 13 #2).
nlohmann::ordered_json ProfileJudgementJson(const ProfileJudgement& judgement);

// The inputs not scanned as the JSON array [{"path", "code" (ErrorCodeName), "message"}], in
// their order ("errors" of the scan JSON and of the evidence pack's JSON).
nlohmann::ordered_json NotScannedJson(const std::vector<NotScanned>& not_scanned);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_JSON_VALUES_H_

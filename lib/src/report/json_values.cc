#include "report/json_values.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "report/values.h"

namespace clausescan::internal {

nlohmann::ordered_json ParamJson(const ParamValue& value) {
  using Json = nlohmann::ordered_json;
  return std::visit(
      [](const auto& v) -> Json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          if (std::optional<long long> whole = AsInteger(v)) return Json(*whole);
          return Json(v);
        } else {
          return Json(v);
        }
      },
      value);
}

nlohmann::ordered_json ParametersJson(const std::map<std::string, ParamValue>& parameters) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [name, value] : parameters) out[name] = ParamJson(value);
  return out;
}

nlohmann::ordered_json RationaleJson(const Rationale& rationale) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["text"] = rationale.text;
  out["sectors"] = rationale.sectors;
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  for (const RationaleSource& source : rationale.sources) {
    sources.push_back({{"title", source.title}, {"url", source.url}});
  }
  out["sources"] = std::move(sources);
  return out;
}

nlohmann::ordered_json ProfileJudgementJson(const ProfileJudgement& judgement) {
  using Json = nlohmann::ordered_json;
  Json documents = Json::array();
  for (const ProfileDocument& d : judgement.documents) {
    documents.push_back(Json{{"evidence", d.evidence},
                             {"title", d.title},
                             {"file", d.file},
                             {"valid_until", d.valid_until},
                             {"status", d.status},
                             {"expires_in_days", d.expires_in_days}});
    if (!judgement.term_ends.empty()) {  // issue 13 #1
      documents.back()["expires_before_term"] = d.expires_before_term;
    }
  }
  Json gaps = Json::array();
  for (const ControlGap& g : judgement.gaps) {
    gaps.push_back(Json{{"control", g.control}, {"title", g.title}, {"state", g.state}});
  }
  Json out = Json::object();
  out["capability"] = judgement.capability;
  out["verdict"] = judgement.verdict;
  out["summary"] = judgement.summary;
  out["original_risk"] = RiskName(judgement.original_risk);
  if (!judgement.term_ends.empty()) out["term_ends"] = judgement.term_ends;
  if (!judgement.term_source.empty()) out["term_source"] = judgement.term_source;  // s7 #2
  out["documents"] = std::move(documents);
  out["gaps"] = std::move(gaps);
  out["notes"] = judgement.notes;
  return out;
}

nlohmann::ordered_json NotScannedJson(const std::vector<NotScanned>& not_scanned) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const NotScanned& input : not_scanned) {
    errors.push_back({{"path", input.path},
                      {"code", ErrorCodeName(input.error.code())},
                      {"message", input.error.message()}});
  }
  return errors;
}

}  // namespace clausescan::internal

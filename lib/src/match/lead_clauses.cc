#include "match/lead_clauses.h"

#include <algorithm>
#include <map>
#include <string>
#include <variant>

namespace clausescan::internal {

RuleHit* LeadClauseOf(std::vector<RuleHit>* hits, int rule, std::size_t lead_begin) {
  constexpr int kWindow = 64;
  int seen = 0;
  for (auto it = hits->rbegin(); it != hits->rend() && seen < kWindow; ++it, ++seen) {
    if (it->rule == rule && it->begin == lead_begin) return &*it;
  }
  return nullptr;
}

void ExtendLeadClause(const RuleHit& item, RuleHit* clause) {
  clause->end = std::max(clause->end, item.end);
  for (const auto& [name, value] : item.parameters) {
    auto [it, added] = clause->parameters.emplace(name, value);
    if (added) continue;
    auto* into = std::get_if<std::vector<std::string>>(&it->second);
    const auto* from = std::get_if<std::vector<std::string>>(&value);
    if (into == nullptr || from == nullptr) continue;
    for (const std::string& v : *from) {
      if (std::find(into->begin(), into->end(), v) == into->end()) into->push_back(v);
    }
  }
}

void AddLeadInFlags(const ParamExtractor& params, std::string_view lead, RuleHit* hit) {
  if (params.empty() || lead.empty()) return;
  std::map<std::string, ParamValue> stated;
  params.Extract(lead, &stated);
  for (auto& [name, value] : stated) {
    if (std::holds_alternative<bool>(value)) hit->parameters.emplace(name, std::move(value));
  }
}

}  // namespace clausescan::internal

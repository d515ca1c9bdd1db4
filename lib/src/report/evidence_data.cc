// The evidence pack for scripts: JSON and CSV (clausescan evidence --format json|csv).
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report/json_values.h"
#include "report/rationale_text.h"
#include "report/strings.h"

namespace clausescan {

void WriteEvidenceJson(const std::vector<EvidenceNeed>& pack, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json items = Json::array();
  for (const EvidenceNeed& need : pack) {
    Json controls = Json::array();
    for (const Control& c : need.controls) controls.push_back({{"id", c.id}, {"title", c.title}});
    Json findings = Json::array();
    for (const FindingRef& ref : need.findings) {
      Json finding = {{"path", ref.path},
                      {"line", ref.line},
                      {"category", ref.category},
                      {"rule", ref.rule},
                      {"risk", RiskName(ref.risk)}};
      if (!ref.rationale.text.empty()) {  // issue 14 #1
        finding["rationale"] = internal::RationaleJson(ref.rationale);
      }
      findings.push_back(std::move(finding));
    }
    items.push_back({{"id", need.item.id},
                     {"title", need.item.title},
                     {"description", need.item.description},
                     {"risk", RiskName(need.risk)},
                     {"controls", std::move(controls)},
                     {"findings", std::move(findings)}});
  }
  Json root = {{"items", std::move(items)}};
  out << internal::JsonEscapeFormatChars(
             root.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace))
      << '\n';
}

void WriteEvidenceCsv(const std::vector<EvidenceNeed>& pack, std::ostream& out) {
  out << "item,title,item_risk,controls,path,line,category,rule,risk,rationale\r\n";
  for (const EvidenceNeed& need : pack) {
    std::string controls;
    for (const Control& c : need.controls) controls += (controls.empty() ? "" : " ") + c.id;
    for (const FindingRef& ref : need.findings) {
      out << internal::CsvField(need.item.id) << ',' << internal::CsvField(need.item.title) << ','
          << RiskName(need.risk) << ',' << internal::CsvField(controls) << ','
          << internal::CsvField(ref.path) << ',' << ref.line << ','
          << internal::CsvField(ref.category) << ',' << internal::CsvField(ref.rule) << ','
          << RiskName(ref.risk) << ',' << internal::CsvField(internal::RationaleLine(ref.rationale))
          << "\r\n";
    }
  }
}

}  // namespace clausescan

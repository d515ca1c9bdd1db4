// SelectFindings: what the printers show of a report (a minimum risk, an order).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/printers.h"
#include "report/strings.h"

namespace clausescan {

std::string_view FindingOrderName(FindingOrder order) {
  return order == FindingOrder::kRisk ? "risk" : "position";
}

std::optional<FindingOrder> ParseFindingOrder(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "risk") return FindingOrder::kRisk;
  if (lower == "position") return FindingOrder::kPosition;
  return std::nullopt;
}

Report SelectFindings(const Report& report, const PrintOptions& options) {
  Report out;
  out.document = report.document;
  out.notes = report.notes;
  out.left_out = report.left_out;
  out.left_out.min_risk = std::max(report.left_out.min_risk, options.min_risk);
  for (const Finding& f : report.findings) {
    if (f.risk >= options.min_risk) {
      out.findings.push_back(f);
    } else {
      ++out.left_out.findings_by_risk[static_cast<int>(f.risk)];
      out.left_out.categories.push_back(f.category);
    }
  }
  for (const MissingClause& m : report.missing) {
    if (m.risk >= options.min_risk) {
      out.missing.push_back(m);
    } else {
      ++out.left_out.missing_by_risk[static_cast<int>(m.risk)];
      out.left_out.categories.push_back(m.category);
    }
  }
  std::sort(out.left_out.categories.begin(), out.left_out.categories.end());
  out.left_out.categories.erase(
      std::unique(out.left_out.categories.begin(), out.left_out.categories.end()),
      out.left_out.categories.end());
  std::size_t findings_left_out = report.findings.size() - out.findings.size();
  std::size_t missing_left_out = report.missing.size() - out.missing.size();
  if (findings_left_out + missing_left_out > 0) {
    std::string what;
    if (findings_left_out > 0) what = internal::Plural(findings_left_out, "finding", "findings");
    if (missing_left_out > 0) {
      what += (what.empty() ? "" : " and ") +
              internal::Plural(missing_left_out, "missing clause", "missing clauses");
    }
    out.notes.push_back(what + " below " + std::string(RiskName(options.min_risk)) +
                        " risk left out (minimum risk " + std::string(RiskName(options.min_risk)) +
                        ")");
  }
  if (options.order == FindingOrder::kRisk) {
    std::stable_sort(out.findings.begin(), out.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.risk > b.risk; });
    std::stable_sort(
        out.missing.begin(), out.missing.end(),
        [](const MissingClause& a, const MissingClause& b) { return a.risk > b.risk; });
  }
  return out;
}

std::vector<Report> SelectFindings(const std::vector<Report>& reports,
                                   const PrintOptions& options) {
  std::vector<Report> out;
  out.reserve(reports.size());
  for (const Report& report : reports) out.push_back(SelectFindings(report, options));
  return out;
}

}  // namespace clausescan

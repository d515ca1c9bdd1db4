// BuildEvidencePack: the evidence of all findings, deduplicated and ordered by urgency.
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "clausescan/evidence.h"
#include "common/control_ids.h"

namespace clausescan {
namespace {

void AddControls(const std::vector<Control>& controls, EvidenceNeed& need) {
  for (const Control& control : controls) {
    auto same = [&](const Control& c) { return c.id == control.id; };
    if (std::none_of(need.controls.begin(), need.controls.end(), same)) {
      need.controls.push_back(control);
    }
  }
}

void AddFinding(const Report& report, std::size_t report_index, std::size_t finding_index,
                const EvidenceItem& item, EvidenceNeed& need) {
  const Finding& f = report.findings[finding_index];
  if (need.item.title.empty()) need.item.title = item.title;
  if (need.item.description.empty()) need.item.description = item.description;
  need.risk = std::max(need.risk, f.risk);
  need.findings.push_back({report.document.path, f.line, f.category, f.rule, f.risk, report_index,
                           finding_index, f.rationale});
  AddControls(ControlsOfEvidence(f, item.id), need);
  // issue 13 s7 #1: the document the profile's judgement chose for the item.
  if (!f.profile) return;
  for (const ProfileDocument& doc : f.profile->documents) {
    if (doc.evidence != item.id) continue;
    if (!need.document) {
      need.document = doc;
      need.judged_on = report.document.profile_date;
    }
    // The soonest expiry any judgement of the item saw (issue 13 s10 #6).
    if (doc.expires_in_days >= 0 && (need.document->expires_in_days < 0 ||
                                     doc.expires_in_days < need.document->expires_in_days)) {
      need.document->expires_in_days = doc.expires_in_days;
    }
    if (doc.expires_before_term) {
      need.document->expires_before_term = true;
      const std::string& term = f.profile->term_ends;
      if (need.term_ends.empty() || term < need.term_ends) {
        need.term_ends = term;
        need.term_contract = report.document.path;
        need.term_source = f.profile->term_source;
      }
    }
    break;
  }
}

}  // namespace

std::vector<EvidenceNeed> BuildEvidencePack(const std::vector<Report>& reports) {
  std::map<std::string, EvidenceNeed> needs;  // by item id
  for (std::size_t r = 0; r < reports.size(); ++r) {
    const Report& report = reports[r];
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      const Finding& f = report.findings[i];
      for (std::size_t e = 0; e < f.evidence.size(); ++e) {
        const EvidenceItem& item = f.evidence[e];
        auto earlier = f.evidence.begin() + static_cast<std::ptrdiff_t>(e);
        auto same = [&](const EvidenceItem& other) { return other.id == item.id; };
        if (std::any_of(f.evidence.begin(), earlier, same)) continue;  // named twice
        EvidenceNeed& need = needs[item.id];
        need.item.id = item.id;
        AddFinding(report, r, i, item, need);
      }
    }
  }
  std::vector<EvidenceNeed> out;
  out.reserve(needs.size());
  for (auto& [id, need] : needs) {
    std::sort(need.controls.begin(), need.controls.end(),
              [](const Control& a, const Control& b) { return ControlIdLess(a.id, b.id); });
    out.push_back(std::move(need));
  }
  // The map gave id order; a stable sort by risk keeps it within each risk.
  std::stable_sort(out.begin(), out.end(),
                   [](const EvidenceNeed& a, const EvidenceNeed& b) { return a.risk > b.risk; });
  return out;
}

}  // namespace clausescan

// The limits a clause's neighbours grant; see nearby_protections.h.
#include "assess/nearby_protections.h"

#include <set>
#include <string>
#include <variant>

#include "assess/assess.h"
#include "assess/merge.h"

namespace clausescan::internal {
namespace {

enum class Reach { kSection, kDocument };

// A flag read in findings of `category` that limits the findings of `limits` (a rule id, or a
// category for all its rules) within `reach`, where it counts as `gives`.
struct NearbyProtection {
  const char* category;
  const char* flag;
  const char* limits;
  const char* gives;
  Reach reach;
};

// The flags are those the playbook positions of `limits` ask about (rules/*/playbook.yaml).
constexpr NearbyProtection kNearbyProtections[] = {
    // the audit right applies only where the reports do not answer: reports come first (an
    // acceptance of reports in lieu, often an option of ours, limits only its own clause)
    {"audit_rights", "reports_first", "audit_rights", "reports_in_lieu", Reach::kSection},
    // ending the affected service is the customer's only remedy for an objection
    {"subprocessors", "sole_remedy", "subprocessors.objection", "sole_remedy", Reach::kSection},
    // service credits are the only remedy for a missed uptime commitment
    {"sla_uptime", "exclusive_remedy", "sla-uptime.availability", "exclusive_remedy",
     Reach::kDocument},
};

bool Limits(const NearbyProtection& protection, const Finding& finding) {
  return finding.rule == protection.limits || finding.category == protection.limits;
}

}  // namespace

void ReadNearbyProtections(const RuleSetData& data, const std::vector<int>& sections,
                           std::vector<Finding>& findings, std::string_view doctype) {
  if (sections.size() != findings.size()) return;
  std::vector<bool> gained(findings.size(), false);
  for (const NearbyProtection& protection : kNearbyProtections) {
    // Where the flag is granted, read before any finding takes it from a neighbour.
    std::set<int> granting_sections;
    bool granted_in_document = false;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (findings[i].category != protection.category || !FlagSet(findings[i], protection.flag)) {
        continue;
      }
      granted_in_document = true;
      if (sections[i] >= 0) granting_sections.insert(sections[i]);
    }
    if (!granted_in_document) continue;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      Finding& finding = findings[i];
      // A sentence that asks nothing of the user has nothing for a limit to lessen.
      if (!Limits(protection, finding) || FlagSet(finding, protection.gives) ||
          finding.holds == "nothing") {
        continue;
      }
      const bool granted =
          protection.reach == Reach::kDocument || granting_sections.count(sections[i]) != 0;
      if (!granted) continue;
      finding.parameters[protection.gives] = true;
      gained[i] = true;
    }
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (gained[i]) Reassess(data, findings[i], doctype);
  }
}

}  // namespace clausescan::internal

// Limits of liability that protect only the other side; see one_sided_limits.h.
#include "assess/one_sided_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "assess/assess.h"
#include "assess/merge.h"

namespace clausescan::internal {
namespace {

bool HasRule(const Finding& f, std::string_view id) {
  return f.rule == id || std::find(f.rules.begin(), f.rules.end(), id) != f.rules.end();
}

// A limit of liability: a cap or an exclusion of indirect and consequential damages.
bool IsLimit(const Finding& f) {
  return f.category == "liability_cap" &&
         (HasRule(f, "liability-cap.cap") || HasRule(f, "liability-cap.consequential"));
}

const std::string& Them(const std::vector<Finding>& findings) {
  static const std::string kOtherSide = "the other side";
  for (const Finding& f : findings) {
    if (IsLimit(f) && f.side == "them" && !f.party_name.empty()) return f.party_name;
  }
  return kOtherSide;
}

void PrependReason(Finding& f, std::string reason) {
  f.reasons.insert(f.reasons.begin(), std::move(reason));
}

}  // namespace

void ReadOneSidedLimits(const RuleSetData& data, std::vector<Finding>& findings,
                        std::string_view doctype) {
  const bool theirs = std::any_of(findings.begin(), findings.end(),
                                  [](const Finding& f) { return IsLimit(f) && f.side == "them"; });
  const bool ours = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return IsLimit(f) && (f.side == "us" || f.side == "both");
  });
  if (!theirs || ours) return;
  const std::string& them = Them(findings);
  for (Finding& f : findings) {
    if (IsLimit(f) && f.side == "them") {
      f.risk = std::max(f.risk, Risk::kMedium);
      PrependReason(f, fmt::format("only {}'s liability is limited: no clause of the agreement "
                                   "limits yours, so your own liability is open-ended",
                                   them));
      AddUnique(f.considerations,
                "Make the limits mutual: each party's total liability capped at the fees paid in "
                "the 12 months before the claim, and neither party liable for indirect or "
                "consequential damages.");
    } else if (f.side == "us" && HasRule(f, "indemnification.supplier") &&
               f.parameters.count("uncapped") == 0) {
      f.parameters["uncapped"] = true;
      Reassess(data, f, doctype);
      PrependReason(f, fmt::format("the agreement limits only {}'s liability, so nothing caps "
                                   "this indemnity",
                                   them));
    } else if (f.side == "us" && f.category == "liability_cap" &&
               HasRule(f, "liability-cap.applies")) {
      f.risk = Risk::kHigh;
      f.positions.clear();
      PrependReason(f, fmt::format("the limitation this clause points to limits only {}'s "
                                   "liability; yours stays open-ended",
                                   them));
    }
  }
}

void ReadOneSidedCarveouts(std::vector<Finding>& findings) {
  for (Finding& f : findings) {
    if (f.category != "liability_cap" || f.side != "us" || f.risk >= Risk::kHigh) continue;
    if (std::find(f.positions.begin(), f.positions.end(), "cap-carveout-data") ==
        f.positions.end()) {
      continue;
    }
    f.risk = Risk::kHigh;
    PrependReason(f,
                  "only your liability is taken out of the cap here, not the other side's: "
                  "for data protection or confidentiality claims it is unlimited");
  }
}

}  // namespace clausescan::internal

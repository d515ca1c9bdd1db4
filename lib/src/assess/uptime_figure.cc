// Availability figures that are targets or of storage; see uptime_figure.h.
#include "assess/uptime_figure.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace clausescan::internal {
namespace {

constexpr const char* kCategory = "sla_uptime";
constexpr const char* kStorageReason =
    "the figure is how available the backups or their storage are, not the service's uptime "
    "commitment; a miss breaks no service level, so check only that backups can be restored";

RE2::Options Caseless() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  return options;
}

}  // namespace

void ReadTargetWording(Finding& finding) {
  if (finding.category != kCategory || finding.parameters.count("efforts") != 0) return;
  static const RE2 kAim(
      "\\b(aim(s|ed|ing)? (for|at|to)|strive(s|d)? (for|to)|striving (for|to)|target(s|ed|ing)?"
      "|seek(s|ing)? to|endeavou?r(s|ed|ing)?|designed (for|to)|intend(s|ed)? to)\\b",
      Caseless());
  if (RE2::PartialMatch(finding.text, kAim)) finding.parameters["efforts"] = true;
}

bool LimitStorageAvailability(Finding& finding) {
  if (finding.category != kCategory || finding.parameters.count("percent") == 0) return false;
  static const RE2 kStorage("\\b(back-?ups?|backed up|archives?|archived|storage)\\b", Caseless());
  static const RE2 kService(
      "\\b(services?|platform|application|software|subscription|uptime|service levels?|"
      "hosted|website|api)\\b",
      Caseless());
  if (!RE2::PartialMatch(finding.text, kStorage) || RE2::PartialMatch(finding.text, kService)) {
    return false;
  }
  finding.risk = std::min(finding.risk, Risk::kLow);
  finding.reasons.assign(1, kStorageReason);
  finding.positions.clear();
  finding.considerations.clear();
  return true;
}

}  // namespace clausescan::internal

#include "assess/subprocessor_scheme.h"

#include <set>
#include <string>

#include "assess/merge.h"

namespace clausescan::internal {
namespace {

constexpr const char* kCategory = "subprocessors";
constexpr const char* kGeneralReason =
    "read as a general authorisation: the same section gives notice of changes to the approved "
    "sub-processors and deems the customer to accept them unless it objects in time";

bool Says(const Finding& f, const char* param) {
  auto it = f.parameters.find(param);
  if (it == f.parameters.end()) return false;
  const bool* flag = std::get_if<bool>(&it->second);
  return flag == nullptr || *flag;
}

bool IsSpecific(const Finding& f) {
  auto it = f.parameters.find("authorisation");
  const std::string* value =
      it == f.parameters.end() ? nullptr : std::get_if<std::string>(&it->second);
  return value != nullptr && *value == "specific";
}

}  // namespace

void ReadSubprocessorScheme(const RuleSetData& data, std::vector<Finding>& findings,
                            std::string_view doctype) {
  std::set<std::string> with_notice;
  std::set<std::string> with_deemed_acceptance;
  for (const Finding& f : findings) {
    if (f.category != kCategory) continue;
    if (Says(f, "notice_days")) with_notice.insert(f.section);
    if (Says(f, "deemed_acceptance")) with_deemed_acceptance.insert(f.section);
  }
  for (Finding& f : findings) {
    if (f.category != kCategory || !IsSpecific(f) || with_notice.count(f.section) == 0 ||
        with_deemed_acceptance.count(f.section) == 0) {
      continue;
    }
    f.parameters["authorisation"] = std::string("general");
    Reassess(data, f, doctype);
    f.reasons.insert(f.reasons.begin(), kGeneralReason);
  }
}

}  // namespace clausescan::internal

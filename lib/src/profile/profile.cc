// The queries of a loaded Profile, and the names of its enums.
#include "clausescan/profile.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace clausescan {

std::string_view ControlStatusName(ControlStatus status) {
  switch (status) {
    case ControlStatus::kImplemented:
      return "implemented";
    case ControlStatus::kPartial:
      return "partial";
    case ControlStatus::kPlanned:
      return "planned";
    case ControlStatus::kNotImplemented:
      return "not_implemented";
  }
  return "not_implemented";
}

std::string_view SharingName(Sharing sharing) {
  switch (sharing) {
    case Sharing::kPublic:
      return "public";
    case Sharing::kNda:
      return "nda";
    case Sharing::kInternal:
      return "internal";
  }
  return "internal";
}

std::string_view NotificationTriggerName(NotificationTrigger trigger) {
  switch (trigger) {
    case NotificationTrigger::kAwareness:
      return "awareness";
    case NotificationTrigger::kConfirmation:
      return "confirmation";
    case NotificationTrigger::kOccurrence:
      return "occurrence";
  }
  return "awareness";
}

std::string ProfileError::message() const {
  if (field.empty()) return error.message();
  const Error located(error.code(), field + ": " + error.detail(), error.file(), error.line(),
                      error.column());
  return located.message();
}

const SoaEntry* Profile::FindControl(std::string_view control) const {
  for (const SoaEntry& row : soa) {
    if (row.control == control) return &row;
  }
  return nullptr;
}

ControlState Profile::StateOf(std::string_view control) const {
  const SoaEntry* row = FindControl(control);
  if (row == nullptr) return ControlState::kNotListed;
  if (!row->applicable) return ControlState::kExcluded;
  switch (row->status) {
    case ControlStatus::kImplemented:
      return ControlState::kImplemented;
    case ControlStatus::kPartial:
      return ControlState::kPartial;
    case ControlStatus::kPlanned:
      return ControlState::kPlanned;
    case ControlStatus::kNotImplemented:
      return ControlState::kNotImplemented;
  }
  return ControlState::kNotImplemented;
}

std::vector<const EvidenceFile*> Profile::EvidenceFor(std::string_view id) const {
  std::vector<const EvidenceFile*> files;
  for (const EvidenceFile& file : evidence) {
    if (file.id == id) files.push_back(&file);
  }
  return files;
}

const EvidenceFile* Profile::ValidEvidence(std::string_view id, const CalendarDate& date) const {
  const EvidenceFile* best = nullptr;
  for (const EvidenceFile* file : EvidenceFor(id)) {
    if (file->ValidOn(date) && (best == nullptr || best->valid_until < file->valid_until)) {
      best = file;
    }
  }
  return best;
}

std::vector<const InsurancePolicy*> Profile::InsuranceOf(std::string_view type) const {
  std::vector<const InsurancePolicy*> policies;
  for (const InsurancePolicy& policy : capabilities.insurance) {
    if (policy.type == type) policies.push_back(&policy);
  }
  return policies;
}

}  // namespace clausescan

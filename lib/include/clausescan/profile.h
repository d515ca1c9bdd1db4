// The company profile (issue 13): the supplier's Statement of Applicability, evidence
// inventory, capabilities and sub-processors, read from a YAML file (docs/profile.md), so that
// findings can be judged against what the supplier already has and promises.
#ifndef CLAUSESCAN_PROFILE_H_
#define CLAUSESCAN_PROFILE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/date.h"
#include "clausescan/result.h"
#include "clausescan/rules.h"

namespace clausescan {

// How far an applicable control is implemented, as the SoA says.
enum class ControlStatus { kImplemented, kPartial, kPlanned, kNotImplemented };
// "implemented", "partial", "planned" or "not_implemented".
std::string_view ControlStatusName(ControlStatus status);

// One row of the Statement of Applicability.
struct SoaEntry {
  std::string control;  // an Annex A 2022 id of the rule set's controls.yaml: "A.5.19"
  bool applicable = true;
  // For an excluded control the status is kNotImplemented unless the file says otherwise.
  ControlStatus status = ControlStatus::kNotImplemented;
  std::string justification;  // required when excluded; may be empty when applicable
  std::string file;           // where the row is: the profile or the SoA CSV (path as given)
  int line = 0;               // 1-based line of the row in file
};

// What the profile says of one control: not in the SoA, excluded, or applicable with a status.
enum class ControlState {
  kNotListed,
  kExcluded,
  kImplemented,
  kPartial,
  kPlanned,
  kNotImplemented
};

// Who may see a piece of evidence.
enum class Sharing {
  kPublic,    // anyone: may go into a pack as is
  kNda,       // shared under a non-disclosure agreement
  kInternal,  // never leaves the company; only its redacted copy (if any) may be shared
};
// "public", "nda" or "internal".
std::string_view SharingName(Sharing sharing);

// One document of the evidence inventory.
struct EvidenceFile {
  std::string id;          // an evidence id of the rule set's evidence.yaml, or the user's own
  std::string title;       // the profile's title, else the catalogue's
  bool catalogued = true;  // false for the user's own id
  std::string file;        // as written in the profile (relative to its folder)
  // The file's path: the profile's folder joined with `file`, lexically normal. Checked to be a
  // regular file inside the folder (symlinks resolved) when the profile was loaded.
  std::string path;
  CalendarDate issued;
  CalendarDate valid_until;  // on or after issued
  Sharing sharing = Sharing::kInternal;
  std::string redacted;       // kInternal only: a redacted copy that may be shared, or ""
  std::string redacted_path;  // as `path`, for `redacted`; "" when none
  int line = 0;               // of the entry in the profile
  // The identity (st_dev, st_ino) of the file `path` names, and of `redacted_path` (0 when none),
  // as found at load: a pack copies a document only when it is still that file.
  std::uint64_t device = 0, inode = 0;
  std::uint64_t redacted_device = 0, redacted_inode = 0;

  // True when the document is valid on date (issued <= date <= valid_until).
  bool ValidOn(const CalendarDate& date) const { return issued <= date && date <= valid_until; }
  // True when the document, or its redacted copy, may leave the company.
  bool Shareable() const { return sharing != Sharing::kInternal || !redacted.empty(); }
};

// What starts the notification clock the supplier can meet.
enum class NotificationTrigger { kAwareness, kConfirmation, kOccurrence };
// "awareness", "confirmation" or "occurrence": the values of the incident-notification rules'
// `trigger` parameter.
std::string_view NotificationTriggerName(NotificationTrigger trigger);

struct NotificationCapability {
  double hours = 0;  // > 0
  NotificationTrigger from = NotificationTrigger::kAwareness;
  // How long after awareness an incident is confirmed (triage), when `from` is confirmation and
  // the profile states it: lets a clock from confirmation be compared with one from awareness.
  std::optional<double> confirm_hours;
};

struct AuditStance {
  bool reports_in_lieu = false;    // offers certificates and audit reports instead of audits
  bool remote_audits = false;      // accepts remote audits
  std::optional<int> notice_days;  // the advance notice it needs before an audit
  std::optional<int> per_year;     // the audits a year it accepts at most
};

// A policy held. `type` is one of the values of the insurance rule's `types` parameter:
// general, professional, cyber, workers_comp, product, auto, umbrella, crime, property,
// directors_officers (the profile may also write professional_indemnity, general_liability,
// employers_liability, product_liability or d_and_o, read as their canonical names).
struct InsurancePolicy {
  std::string type;
  double amount = 0;     // > 0
  std::string currency;  // ISO 4217, upper case
  int line = 0;
};

// The liability cap the supplier accepts: months of fees, an amount, or both.
struct LiabilityCapStance {
  std::optional<double> months_of_fees;
  std::optional<double> amount;
  std::string currency;  // with amount
};

// What the supplier can promise; each part is absent when the profile does not say.
struct Capabilities {
  std::optional<NotificationCapability> notification;
  std::optional<int> deletion_days;                // deletes customer data within, after the end
  std::optional<int> backups_deleted_within_days;  // backups age out within
  std::optional<AuditStance> audit;
  std::vector<InsurancePolicy> insurance;  // in file order
  std::optional<double> uptime_percent;    // 0 < uptime <= 100
  std::optional<LiabilityCapStance> liability_cap;
};

struct Subprocessor {
  std::string name;
  std::string purpose;
  std::string location;
  std::vector<std::string> certifications;  // "ISO 27001", "SOC 2 Type II"...
  int line = 0;
};

// A loaded, validated profile. Plain value; copies are independent. Thread safety: const
// methods may be called from any number of threads at once.
struct Profile {
  std::string path;     // the profile file, as given to LoadProfile
  std::string folder;   // its folder: the root every relative path of the profile is read from
  std::string soa_csv;  // the imported SoA CSV as written in the profile, or ""
  std::vector<SoaEntry> soa;           // the profile's rows, then the CSV's; one per control
  std::vector<EvidenceFile> evidence;  // in file order
  Capabilities capabilities;
  std::vector<Subprocessor> subprocessors;  // in file order

  // The SoA row of control ("A.5.19"), or nullptr.
  const SoaEntry* FindControl(std::string_view control) const;
  // What the SoA says of control (kNotListed when it has no row).
  ControlState StateOf(std::string_view control) const;
  // True when the SoA lists control as applicable and implemented.
  bool Implemented(std::string_view control) const {
    return StateOf(control) == ControlState::kImplemented;
  }
  // The documents that answer evidence id (catalogue or own id), in file order; empty if none.
  std::vector<const EvidenceFile*> EvidenceFor(std::string_view id) const;
  // Of EvidenceFor(id), the one valid on date that stays valid longest, or nullptr.
  const EvidenceFile* ValidEvidence(std::string_view id, const CalendarDate& date) const;
  // The policies of type (a canonical name, see InsurancePolicy), in file order.
  std::vector<const InsurancePolicy*> InsuranceOf(std::string_view type) const;
};

// A problem found while loading a profile.
struct ProfileError {
  // Code kRuleError for a malformed profile or CSV, kIo for a file that cannot be read or is
  // missing, kTooLarge for a file over the size limit. Its file is the profile or the SoA CSV
  // (as given or as written in the profile, joined to the profile's folder); line and column
  // are 1-based, 0 when unknown.
  Error error;
  // The field concerned, as a path: "soa[2].status", "evidence[0].file",
  // "capabilities.notification.hours", "soa_csv"; "" for the file as a whole.
  std::string field;
  // "file:line:column: field: detail" (parts that are unknown left out).
  std::string message() const;
};

// The outcome of LoadProfile: a profile, or every error found (at least one).
class [[nodiscard]] ProfileResult {
 public:
  ProfileResult(Profile profile) : profile_(std::move(profile)) {}  // NOLINT(runtime/explicit)
  ProfileResult(std::vector<ProfileError> errors)                   // NOLINT(runtime/explicit)
      : errors_(std::move(errors)) {}

  bool ok() const { return errors_.empty(); }
  explicit operator bool() const { return ok(); }
  // Precondition: ok().
  const Profile& value() const& { return profile_; }
  Profile&& value() && { return std::move(profile_); }
  const Profile& operator*() const& { return profile_; }
  const Profile* operator->() const { return &profile_; }
  // Section by section (soa, soa_csv, evidence, capabilities, subprocessors, then controls
  // named twice), each in file order; empty when ok().
  const std::vector<ProfileError>& errors() const { return errors_; }

 private:
  Profile profile_;
  std::vector<ProfileError> errors_;
};

// The most errors LoadProfile reports; past them it stops, and adds one last error saying so.
inline constexpr std::size_t kMaxProfileErrors = 50;

// Loads and validates the profile at path (docs/profile.md) against the controls and evidence
// catalogues of rules. Every problem is reported, each with the file, line and field (up to
// kMaxProfileErrors), except those a first one hides (an entry that is not a map, or lacks a
// required key, is not read further; a CSV with a bad header or quoting is not read): unknown
// keys (with a suggestion), wrong types, unknown control ids,
// controls named twice, excluded controls without justification, dates that are not real
// YYYY-MM-DD dates, valid_until before issued, unknown evidence ids without a title, a redacted
// copy of evidence that is not internal, missing files, and paths that are absolute, contain
// '..' or resolve (symlinks followed) outside the profile's folder; in the SoA CSV: missing or
// unknown columns, malformed quoting, bad values. The profile and the CSV are limited to 4 MiB.
// Reads only the profile, the CSV and the metadata of the files it names. Thread-safe.
ProfileResult LoadProfile(const std::string& path, const RuleSet& rules);
// As above, against the built-in rules.
ProfileResult LoadProfile(const std::string& path);

// A file of the profile: the profile file itself, its SoA CSV, an evidence file or a redacted
// copy, as a path to open, and what it is to the profile ("the profile file
// (ScanOptions::profile)", "the profile's SoA CSV (soa_csv)", "the file of the profile's evidence
// entry 'pen-test-summary' (line 34)", "the redacted copy of the profile's evidence entry ...").
struct ProfileFile {
  std::string path;
  std::string what;
};

// The profile file (Profile::path), then its SoA CSV and each evidence file and redacted copy,
// in file order. None of them is a contract (issue 13 attack D17).
std::vector<ProfileFile> FilesOfProfile(const Profile& profile);

// The entry of FilesOfProfile(profile) that is the file at path, compared by device and inode
// (any name of it, a link to it, counts); nullopt when path is none of them, is not a regular
// file or cannot be examined. A Scanner with ScanOptions::profile refuses such a file as a
// contract; `clausescan scan`, `evidence` and `pack` refuse it before scanning.
std::optional<ProfileFile> ProfileFileAt(const Profile& profile, const std::string& path);

// A commented example profile that LoadProfile accepts as it is (it names no evidence file),
// for `clausescan profile init`.
std::string ExampleProfileText();

// Writes a one-screen summary of profile as plain text: its file, the SoA's counts (applicable,
// excluded, implemented, partial, planned, not implemented, and how many catalogue controls
// it leaves out), the evidence by sharing, the evidence expired on `today` or expiring within
// 90 days after it (with dates), the capabilities stated, and the sub-processors.
void WriteProfileSummary(const Profile& profile, const RuleSet& rules, const CalendarDate& today,
                         std::ostream& out);

}  // namespace clausescan

#endif  // CLAUSESCAN_PROFILE_H_

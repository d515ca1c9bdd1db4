// `clausescan profile check`'s summary of a loaded profile (WriteProfileSummary).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "clausescan/profile.h"
#include "report/strings.h"
#include "report/values.h"

namespace clausescan {
namespace {

using internal::FormatAmount;
using internal::FormatNumber;
using internal::Plural;
using internal::TerminalLine;

constexpr long kExpiringWithinDays = 90;

void WriteSoa(const Profile& profile, const RuleSet& rules, std::ostream& out) {
  std::size_t applicable = 0, excluded = 0;
  std::size_t by_status[4] = {0, 0, 0, 0};
  for (const SoaEntry& row : profile.soa) {
    if (!row.applicable) {
      ++excluded;
      continue;
    }
    ++applicable;
    ++by_status[static_cast<int>(row.status)];
  }
  const std::size_t catalogue = rules.Controls().size();
  out << fmt::format("SoA: {} of {} Annex A controls listed: {} applicable, {} excluded\n",
                     profile.soa.size(), catalogue, applicable, excluded);
  if (!profile.soa_csv.empty()) {
    out << "  imported from " << TerminalLine(profile.soa_csv) << "\n";
  }
  out << fmt::format("  applicable: {} implemented, {} partial, {} planned, {} not implemented\n",
                     by_status[static_cast<int>(ControlStatus::kImplemented)],
                     by_status[static_cast<int>(ControlStatus::kPartial)],
                     by_status[static_cast<int>(ControlStatus::kPlanned)],
                     by_status[static_cast<int>(ControlStatus::kNotImplemented)]);
  if (profile.soa.size() < catalogue) {
    out << fmt::format("  {} not in the SoA (neither applicable nor excluded)\n",
                       Plural(catalogue - profile.soa.size(), "control is", "controls are"));
  }
}

void WriteEvidence(const Profile& profile, const CalendarDate& today, std::ostream& out) {
  std::size_t by_sharing[3] = {0, 0, 0};
  std::size_t redacted = 0;
  for (const EvidenceFile& file : profile.evidence) {
    ++by_sharing[static_cast<int>(file.sharing)];
    if (!file.redacted.empty()) ++redacted;
  }
  out << fmt::format("Evidence: {}: {} public, {} nda, {} internal ({} with a redacted copy)\n",
                     Plural(profile.evidence.size(), "document", "documents"), by_sharing[0],
                     by_sharing[1], by_sharing[2], redacted);
  const long now = today.DaysSinceEpoch();
  for (const EvidenceFile& file : profile.evidence) {
    const long left = file.valid_until.DaysSinceEpoch() - now;
    std::string state;
    if (left < 0) {
      state = "EXPIRED";
    } else if (left <= kExpiringWithinDays) {
      state = fmt::format("expires in {}", Plural(static_cast<std::size_t>(left), "day", "days"));
    } else if (today < file.issued) {
      state = "not yet issued";
    } else {
      continue;
    }
    out << fmt::format("  {}: {} {} (valid {} to {})\n", state, TerminalLine(file.id),
                       TerminalLine(file.file), file.issued.ToString(),
                       file.valid_until.ToString());
  }
}

void WriteCapabilities(const Capabilities& c, std::ostream& out) {
  out << "Capabilities:\n";
  bool any = false;
  auto line = [&](const std::string& text) {
    out << "  " << TerminalLine(text) << "\n";
    any = true;
  };
  if (c.notification) {
    // issue 13 s10 #6: the triage time and the yearly audit limit are capabilities too.
    const std::optional<double>& confirm = c.notification->confirm_hours;
    line(fmt::format("notification: within {} hours of {}{}", FormatNumber(c.notification->hours),
                     NotificationTriggerName(c.notification->from),
                     confirm ? fmt::format(", confirmed within {} hours of awareness",
                                           FormatNumber(*confirm))
                             : std::string()));
  }
  if (c.deletion_days) line(fmt::format("deletion: within {} days", *c.deletion_days));
  if (c.backups_deleted_within_days) {
    line(fmt::format("backups deleted: within {} days", *c.backups_deleted_within_days));
  }
  if (c.audit) {
    line(fmt::format("audit: reports in lieu {}, remote audits {}, notice {}{}",
                     c.audit->reports_in_lieu ? "yes" : "no", c.audit->remote_audits ? "yes" : "no",
                     c.audit->notice_days ? fmt::format("{} days", *c.audit->notice_days)
                                          : std::string("not stated"),
                     c.audit->per_year ? fmt::format(", at most {} a year", *c.audit->per_year)
                                       : std::string()));
  }
  for (const InsurancePolicy& policy : c.insurance) {
    line(fmt::format("insurance: {} {} {}", policy.type, policy.currency,
                     FormatAmount(policy.amount)));
  }
  if (c.uptime_percent) line(fmt::format("uptime: {} %", FormatNumber(*c.uptime_percent)));
  if (c.liability_cap) {
    std::vector<std::string> parts;
    if (c.liability_cap->months_of_fees) {
      parts.push_back(
          fmt::format("{} months of fees", FormatNumber(*c.liability_cap->months_of_fees)));
    }
    if (c.liability_cap->amount) {
      parts.push_back(
          fmt::format("{} {}", c.liability_cap->currency, FormatAmount(*c.liability_cap->amount)));
    }
    line(fmt::format("liability cap accepted: {}", fmt::join(parts, " or ")));
  }
  if (!any) out << "  none stated\n";
}

}  // namespace

void WriteProfileSummary(const Profile& profile, const RuleSet& rules, const CalendarDate& today,
                         std::ostream& out) {
  out << fmt::format("Profile {} is valid (as of {})\n", TerminalLine(profile.path),
                     today.ToString());
  WriteSoa(profile, rules, out);
  WriteEvidence(profile, today, out);
  WriteCapabilities(profile.capabilities, out);
  out << fmt::format("Sub-processors: {}\n", profile.subprocessors.size());
  for (const Subprocessor& s : profile.subprocessors) {
    out << fmt::format("  {} ({}, {})", TerminalLine(s.name), TerminalLine(s.purpose),
                       TerminalLine(s.location));
    if (!s.certifications.empty()) {
      std::vector<std::string> safe;
      for (const std::string& c : s.certifications) safe.push_back(TerminalLine(c));
      out << ": " << fmt::format("{}", fmt::join(safe, ", "));
    }
    out << "\n";
  }
}

}  // namespace clausescan

// Judging a finding from the user's side; see perspective.h.
#include "assess/perspective.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "assess/assess.h"

namespace clausescan::internal {
namespace {

Party Opposite(Party side) {
  return side == Party::kSupplier   ? Party::kCustomer
         : side == Party::kCustomer ? Party::kSupplier
                                    : Party::kUnknown;
}

const std::string& NameOf(Party party, const SideNames& names) {
  static const std::string kNone;
  switch (party) {
    case Party::kSupplier:
      return names.supplier;
    case Party::kCustomer:
      return names.customer;
    case Party::kMutual:
      return names.both;
    case Party::kUnknown:
      return kNone;
  }
  return kNone;
}

// Replaces the verdict: risk, one reason first, positions cleared (they are the playbook's
// verdict on a clause that is no longer judged against it). Earlier reasons stay after it,
// marked `earlier` when not empty; otherwise the evidence to prepare and the considerations
// (what to propose instead) go too: the clause asks nothing of us.
void Revise(Risk risk, std::string reason, const std::string& earlier, Finding* finding) {
  if (earlier.empty()) {
    finding->evidence.clear();
    finding->evidence_controls.clear();
    finding->considerations.clear();
  }
  std::vector<std::string> reasons{std::move(reason)};
  if (!earlier.empty()) {
    for (const std::string& r : finding->reasons) reasons.push_back(earlier + r);
  }
  finding->risk = risk;
  finding->reasons = std::move(reasons);
  finding->positions.clear();
}

// The verdict of a clause judged for the customer on its own words (user kCustomer): risk and one
// reason. The playbook's reasons, positions and proposals go: they are a supplier's verdict and
// a supplier's advice. Controls and evidence stay: what the clause is about and what to ask the
// supplier for.
void JudgeForCustomer(Risk risk, std::string reason, Finding* finding) {
  finding->risk = risk;
  finding->reasons = {std::move(reason)};
  finding->positions.clear();
  finding->considerations.clear();
}

// True for a government's own auditor ("comptroller general", "auditor general"), as
// PartyRole::third_party writes it.
bool IsPublicAuditor(const std::string& third_party) {
  for (const char* word : {"comptroller general", "auditor general", "auditor-general"}) {
    if (third_party.find(word) != std::string::npos) return true;
  }
  return false;
}

void JudgeAudit(const PartyRole& role, Party party, Party user, const SideNames& names,
                Finding* finding) {
  const bool third_party_acts =
      !role.third_party.empty() && !role.right &&
      (party == Party::kUnknown || (party != Party::kMutual && !role.names_other_side));
  if (third_party_acts && IsPublicAuditor(role.third_party) && user == Party::kCustomer) {
    // The government's auditor examines the supplier's records, not ours as its customer.
    JudgeForCustomer(Risk::kInfo,
                     fmt::format("a public auditor ({}) examines {}'s records: an audit of them, "
                                 "not of us",
                                 role.third_party, NameOf(Opposite(user), names)),
                     finding);
    return;
  }
  if (third_party_acts && IsPublicAuditor(role.third_party)) {
    // issue 15 #8: a government's own auditor examining our records audits us for the
    // customer: the playbook's risk stands.
    finding->reasons.insert(finding->reasons.begin(),
                            fmt::format("a public auditor ({}) examines our records for {}: an "
                                        "audit of us",
                                        role.third_party, NameOf(Opposite(user), names)));
    return;
  }
  if (third_party_acts) {
    Revise(Risk::kInfo,
           fmt::format("a third party ({}) inspects or decides here, not {}: this is no audit "
                       "right of the other party",
                       role.third_party, NameOf(Opposite(user), names)),
           "", finding);
    return;
  }
  if (party != Party::kSupplier && party != Party::kCustomer) return;
  if (role.addresses_other_side && party == Opposite(user)) {
    // issue 15 #1: "All such requests must be made to the Provider": how they ask, not our duty.
    Revise(Risk::kInfo,
           fmt::format("how {} must make its requests (to {}): a step of theirs that asks "
                       "nothing more of us",
                       NameOf(party, names), NameOf(user, names)),
           "", finding);
    return;
  }
  if (role.notice && (role.right ? party == user : party == Opposite(user))) {
    // issue 15 #8: "Customer shall give Provider 30 days' notice of each audit" binds them to
    // warn us; "Provider shall receive notice of any audit" is our right to be warned.
    Revise(Risk::kInfo,
           role.right ? fmt::format("{}'s right to notice before an audit: a protection for us, "
                                    "not a commitment of ours",
                                    NameOf(party, names))
                      : fmt::format("{}'s duty to give notice before its audits: a protection for "
                                    "us that asks nothing of us",
                                    NameOf(party, names)),
           "", finding);
    return;
  }
  if (!role.right && party == Opposite(user) && FlagSet(*finding, "reports_in_lieu")) {
    // "Customer agrees that its audit rights are satisfied by the Audit Reports": their
    // acceptance of reports instead of an audit limits their audits of us. The reason says
    // whose duty it is, as the finding's party tag does ("their duty (Customer)").
    Revise(Risk::kInfo,
           fmt::format("{}'s duty, not ours: it takes reports instead of (or before) an audit, a "
                       "limit on its audits of {} that protects us",
                       NameOf(party, names), NameOf(user, names)),
           "", finding);
    return;
  }
  if (user == Party::kCustomer && party == user && !role.right &&
      (role.notice || FlagSet(*finding, "reports_in_lieu"))) {
    // "Customer agrees that its audit rights are satisfied by the Audit Reports", "Customer
    // shall give 30 days' notice of each audit": our duty as the customer, a limit on our audits.
    JudgeForCustomer(Risk::kLow,
                     fmt::format("our duty as the customer ({}): a limit on our audits of {}; "
                                 "check that it leaves us enough",
                                 NameOf(party, names), NameOf(Opposite(user), names)),
                     finding);
    return;
  }
  // issue 15 s9 #2: "Customer acknowledges that Provider is regularly audited": the passive
  // names the audited side, whoever acknowledges it.
  if (role.right && !role.audits && role.audited == Party::kUnknown) return;
  const Party audited = role.audited != Party::kUnknown ? role.audited
                        : role.right                    ? Opposite(party)
                                                        : party;
  if (audited != Opposite(user)) return;
  Revise(Risk::kInfo,
         fmt::format("{}'s right to audit {}: an audit of them, not of us, so it costs us "
                     "nothing",
                     NameOf(user, names), NameOf(audited, names)),
         "", finding);
}

}  // namespace

bool AsksNothingOfUser(const Rule& rule, const PartyRole& role, Party user,
                       const Finding& finding) {
  Finding judged = finding;
  JudgeFromSide(rule, role, user, SideNames{}, &judged);
  return judged.risk == Risk::kInfo;
}

void JudgeFromSide(const Rule& rule, const PartyRole& role, Party user, const SideNames& names,
                   Finding* finding, const Playbook* playbook) {
  const CategoryPolicy* customer_side =
      playbook == nullptr || user != Party::kCustomer ? nullptr : CustomerSideOf(*playbook, rule);
  Party party = role.party;
  const bool third_holds =
      party == Party::kUnknown && role.third_party_holds && !role.third_party.empty();
  bool third = third_holds;
  if (party == Party::kUnknown && !third_holds && rule.party != Party::kUnknown) {
    party = rule.party;
  }
  if (party == Party::kUnknown && !role.third_party.empty() && rule.category == "audit_rights") {
    third = true;
  }
  if (third) {
    finding->party = "third";
    finding->party_name = role.third_party;
    finding->side = "neither";
    finding->holds = role.right ? "right" : "duty";
  } else if (party != Party::kUnknown) {
    finding->party = std::string(PartyName(party));
    finding->party_name = NameOf(party, names);
    finding->side = party == Party::kMutual ? "both" : party == user ? "us" : "them";
    finding->holds = role.right ? "right" : "duty";
  }
  // A right the supplier grants us as the customer (to audit, to object, to end the service)
  // protects us; the playbook's positions judge it for the supplier. Not a limit on our remedy.
  if (user == Party::kCustomer && party == user && role.right && !role.limits_remedy) {
    JudgeForCustomer(Risk::kInfo,
                     fmt::format("{}'s right as the customer: a protection for us, not a risk",
                                 NameOf(party, names)),
                     finding);
    return;
  }
  if (rule.category == "audit_rights") {
    JudgeAudit(role, party, user, names, finding);
    return;
  }
  if (third_holds) {
    // "| CISA | ... | Coordinates ...": the row of a table of roles states a third party's duty.
    Revise(Risk::kInfo,
           fmt::format("a third party's {} ({}), neither ours nor {}'s: it asks nothing of us",
                       role.right ? "right" : "duty", role.third_party,
                       NameOf(Opposite(user), names).empty() ? "the other side"
                                                             : NameOf(Opposite(user), names)),
           "", finding);
    return;
  }
  // A right of ours, or of whichever side is in a role ("each Recipient may retain"), asks
  // nothing of us. Not for sub-processors: "Provider may use subcontractors" is the
  // authorisation whose terms the playbook judges.
  if (role.right && (party == user || party == Party::kMutual) &&
      rule.category != "subprocessors") {
    Revise(Risk::kInfo,
           fmt::format("{}'s right, not a commitment: it asks nothing of us",
                       NameOf(party, names).empty() ? "a party" : NameOf(party, names)),
           "", finding);
    return;
  }
  if (party == Party::kMutual && user == Party::kCustomer &&
      (finding->risk > Risk::kLow || customer_side != nullptr)) {
    // "Neither party's liability is limited for ...": the playbook rated a supplier's exposure;
    // the clause binds us as much. The reason and advice are the buyer's: the customer side of
    // the policy when it has one, else only that it binds us too.
    const std::string& both = NameOf(party, names);
    std::string binds =
        fmt::format("binds both sides{}, us as the customer too: check that we can accept it",
                    both.empty() || both == "both parties" ? "" : " (" + both + ")");
    if (customer_side != nullptr) {
      JudgeAgainstSide(*customer_side, *playbook, rule, *finding);
      finding->reasons.insert(finding->reasons.begin(), std::move(binds));
      finding->risk = std::max(finding->risk, Risk::kLow);
    } else {
      JudgeForCustomer(Risk::kLow, std::move(binds), finding);
    }
    return;
  }
  if (party == Party::kMutual || party == Party::kUnknown) return;
  const std::string& who = NameOf(party, names);
  // issue 15 #1: a one-sided exclusion or exclusive remedy that protects us asks nothing of us
  // (a verdict of medium or high, such as a cap above our insurance, stands; so does info with
  // the playbook's own reason).
  if (party == user && !role.right && finding->risk == Risk::kLow &&
      (role.limits_own_liability || role.limits_other_remedy)) {
    Revise(Risk::kInfo,
           role.limits_own_liability
               ? fmt::format("excludes or limits only {}'s liability: a protection for us, not a "
                             "commitment of ours",
                             who)
               : fmt::format("makes the remedy {}'s exclusive one: a protection for us, not a "
                             "commitment of ours",
                             NameOf(Opposite(party), names)),
           "", finding);
    return;
  }
  // issue 15 #2: an exclusion or limit of only their liability ("The Agency is not liable for
  // ...") is their protection: it limits what we can recover, so the playbook's verdict stands.
  if (party == Opposite(user) && !role.right &&
      (role.limits_own_liability || role.holder_limits_liability) &&
      rule.category == "liability_cap") {
    finding->reasons.insert(
        finding->reasons.begin(),
        fmt::format("excludes or limits only {}'s liability: a protection for them that limits "
                    "what we can recover from them",
                    who));
    return;
  }
  // A limit on the other side's remedy protects us ("Service Credits cannot be redeemed for
  // cash").
  if (role.right && role.limits_remedy && party == Opposite(user)) {
    Revise(Risk::kInfo,
           fmt::format("limits {}'s remedy: a protection for us, not a commitment of ours", who),
           "", finding);
    return;
  }
  // A right of theirs is a duty of ours ("Customer shall be entitled to a service credit"):
  // the playbook's verdict stands. For the customer the playbook's verdict is a supplier's: the
  // supplier's right binds us, to be checked ("Provider may use Subprocessors"). A right of ours
  // that limits our remedy as the customer stands as the playbook judged it.
  if (role.right && user == Party::kCustomer && party == Party::kSupplier) {
    JudgeForCustomer(Risk::kLow,
                     fmt::format("{}'s right: it binds us as the customer; check that we can "
                                 "accept it",
                                 who),
                     finding);
    return;
  }
  if (role.right) return;
  if (user == Party::kSupplier) {
    if (party != Party::kCustomer || rule.party == Party::kCustomer) return;
    // "Customer authorises sub-processors only with its prior written consent": the terms of
    // their consent bind us; a verdict of medium or high stands.
    if (rule.category == "subprocessors" && finding->risk >= Risk::kMedium) return;
    if (rule.category == "indemnification") {
      Revise(Risk::kInfo,
             fmt::format("{}'s indemnity: a protection for us, not a commitment of ours", who), "",
             finding);
    } else {
      Revise(Risk::kInfo, fmt::format("{}'s duty, not ours: it asks nothing of us", who), "",
             finding);
    }
    return;
  }
  // The user is the customer.
  if (party == Party::kSupplier) {
    std::string protection =
        fmt::format("{}'s duty to us: a protection for us as the customer", who);
    if (customer_side == nullptr) {
      JudgeForCustomer(Risk::kInfo, protection + ", not a risk", finding);
      return;
    }
    // issue 15 #1: whether the duty gives us what we need, by the buyer's positions.
    JudgeAgainstSide(*customer_side, *playbook, rule, *finding);
    if (finding->positions.empty() && customer_side->default_reason.empty()) {
      finding->reasons.insert(finding->reasons.begin(), protection + ", not a risk");
    } else {
      finding->reasons.insert(finding->reasons.begin(),
                              protection + ", judged by what we need from it");
    }
  } else {
    JudgeForCustomer(Risk::kLow,
                     fmt::format("our duty as the customer ({}): check that we can meet it", who),
                     finding);
  }
}

bool CustomerTestsSecurity(const Rule& rule, const PartyRole& role, const Finding& finding) {
  if (rule.category != "security_measures" || !role.right || role.party != Party::kCustomer) {
    return false;
  }
  auto measures = finding.parameters.find("measures");
  const auto* list = measures == finding.parameters.end()
                         ? nullptr
                         : std::get_if<std::vector<std::string>>(&measures->second);
  if (list == nullptr || std::none_of(list->begin(), list->end(), [](const std::string& m) {
        return m == "pen_testing" || m == "vulnerability_management";
      })) {
    return false;
  }
  auto runs_test = finding.parameters.find(std::string(kRunsTestFlag));
  return runs_test != finding.parameters.end() &&
         std::get_if<bool>(&runs_test->second) != nullptr && std::get<bool>(runs_test->second);
}

}  // namespace clausescan::internal

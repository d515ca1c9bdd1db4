// Judging a finding from the user's side of the contract: whose duty or right it is (us, them,
// both, a third party), and what that means for the risk the playbook gave.
#ifndef CLAUSESCAN_ASSESS_PERSPECTIVE_H_
#define CLAUSESCAN_ASSESS_PERSPECTIVE_H_

#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "params/party_role.h"
#include "rules/model.h"

namespace clausescan::internal {

// The names of the two sides and of both, as a finding shows them.
struct SideNames {
  std::string supplier;  // "Ehave", "Provider"; "supplier" when the contract names none
  std::string customer;
  std::string both;  // "Ehave and CHT"; "both parties"
};

// True when JudgeFromSide would judge the assessed finding as asking nothing of user (kInfo:
// our own right, their duty, a protection of ours, or a clause the playbook itself rates kInfo).
// Merging keeps such a sentence apart from a neighbour of the same side that does ask something
// ("Provider will notify ... . Provider's notice is no admission of fault"), issue 15 #8.
bool AsksNothingOfUser(const Rule& rule, const PartyRole& role, Party user, const Finding& finding);

// Sets finding->party, party_name, side and holds from role (the rule's own party fills in
// when role.party is kUnknown), then revises the risk the playbook gave (expects Assess to
// have run) for user (kSupplier or kCustomer):
// - audit_rights: the audited side is the side a passive audit names (role.audited: "Customer
//   acknowledges that Provider is audited"), else the party holding a duty, or the other side of
//   the party holding a right to audit (a right of another kind, such as answering with reports,
//   keeps the playbook's risk). An audit of them, or by a third party (a regulator, an independent
//   accountant) that neither side conducts, is kInfo with a reason saying so, except a
//   government's own auditor (a Comptroller or Auditor General) examining our records, which
//   keeps the playbook's risk with a first reason saying so (issue 15 #8; for user kCustomer
//   it examines the supplier's records: kInfo, an audit of them); an audit of us
//   keeps the playbook's risk. The other side's duty with the flag reports_in_lieu (it accepts
//   reports instead of, or before, an audit) is kInfo: a limit on its audits of us, not an audit
//   of it. For user kCustomer, our own duty to take reports instead of an audit, or to give
//   notice before one, is kLow: "our duty as the customer", a limit on our audits of them.
//   How the other side must address its requests to us
//   (role.addresses_other_side) is kInfo, and so are the other side's duty to give notice
//   before its audits and our right to receive it (role.notice, issue 15 #8).
// - user kCustomer, any category: our own right (not a limit on our remedy) is kInfo, "a
//   protection for us". Wherever the customer's side is judged on the clause's own words (this,
//   the supplier's duties and rights, the customer's own duties below), the playbook's reasons,
//   positions and proposals go (a supplier's verdict and advice); controls and evidence stay.
// - a right of either side keeps the playbook's risk: their right is our duty. For user
//   kCustomer, the supplier's right is kLow: "it binds us as the customer; check that we can
//   accept it".
// - a protection of ours (role.limits_own_liability or limits_other_remedy, party the user)
//   that the playbook rated low is kInfo: "a protection for us, not a commitment of ours".
// - a liability_cap finding that excludes or limits only the other side's liability
//   (role.limits_own_liability or holder_limits_liability, party the other side) keeps the
//   playbook's risk, with a first reason saying it is their protection and limits what we can
//   recover (issue 15 #2).
// - other categories, user kSupplier: the customer's duty (side "them") is kInfo ("their
//   duty, not ours"; an indemnity of ours by them is "a protection for us").
// - user kCustomer: a supplier duty (or a rule about the supplier's duty whose party is not
//   said) is judged against the customer side of its policy in playbook (CustomerSideOf,
//   JudgeAgainstSide: what the buyer needs from it, with the buyer's reasons and proposals),
//   after a first reason "X's duty to us: a protection for us as the customer, judged by what
//   we need from it" ("..., not a risk" when no buyer's position applies and the side gives no
//   default reason). Without a customer side (or playbook null) it is kInfo: it protects the
//   customer. The customer's own duty is kLow: "our duty as the customer: check that we can meet
//   it".
// - user kCustomer: a duty of both sides (party kMutual, not a right) is judged against the
//   customer side when there is one (at least kLow), else, when the playbook rated it medium or
//   high, is kLow; either way after a first reason "binds both sides ..., us as the customer
//   too: check that we can accept it", and without the playbook's (a supplier's) reasons,
//   positions and proposals. A verdict of low or info without a customer side stands.
// - a third party's own duty or right (role.third_party_holds, party kUnknown: a row of a table
//   of roles, "| CISA | ... | Coordinates ...") is party "third", side "neither", and kInfo in
//   any category but audit_rights (judged as above): it asks nothing of either side.
// - otherwise mutual and unknown parties keep the playbook's risk.
// A clause revised to kInfo as asking nothing of us loses its evidence and considerations.
void JudgeFromSide(const Rule& rule, const PartyRole& role, Party user, const SideNames& names,
                   Finding* finding, const Playbook* playbook = nullptr);

// The flag a security_measures rule sets on a unit that runs a test or scan itself and asks for
// no report of one (rules/security_measures: `runs_test`, its words in rules/concepts.yaml). It
// is read by CustomerTestsSecurity and not reported: the scanner removes it from every finding.
inline constexpr std::string_view kRunsTestFlag = "runs_test";

// True when the unit gives the customer the right to test or scan the supplier's security
// itself (issue 15 s9 #3): a security_measures rule, the role a right of the customer, a
// penetration test or vulnerability scanning among the finding's `measures`, and the rule's flag
// kRunsTestFlag (a verb that runs it, "perform", "scan", and no report, summary, results or
// certificate of one: asking for the supplier's own test report is no test of the customer's).
// Such a finding is judged as the customer's testing (customer_testing).
bool CustomerTestsSecurity(const Rule& rule, const PartyRole& role, const Finding& finding);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_PERSPECTIVE_H_

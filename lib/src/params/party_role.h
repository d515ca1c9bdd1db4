// Whose duty or right a unit states, with rights and third parties told apart: the facts a
// finding's party comes from. Complements DutyHolder (params/party.h), which finds the subject
// of the first modal obligation.
#ifndef CLAUSESCAN_PARAMS_PARTY_ROLE_H_
#define CLAUSESCAN_PARAMS_PARTY_ROLE_H_

#include <string>
#include <string_view>

#include "params/party.h"

namespace clausescan::internal {

struct PartyRole {
  Party party = Party::kUnknown;  // whose duty or right
  bool right = false;             // party holds a right ("may audit", "has the right to")
  bool audits = false;            // ... and it is a right to audit or inspect ("may inspect")
  // The duty is to give notice, or the right to receive it ("Customer shall give Provider 30
  // days' notice of each audit", "Provider shall receive notice of any audit"), issue 15 #8.
  bool notice = false;
  // A third party that acts in the unit, as the folded view writes it ("regulatory
  // authority", "independent accountant"); "" when none.
  std::string third_party;
  bool names_other_side = false;  // the unit also names the side opposite to party
  // The duty or right is third_party's own, party kUnknown: the unit is a row of a table of
  // roles whose first cell names a role neither side holds ("| CISA | ... | Coordinates ...",
  // HolderOfTableRow in params/heading_party.h).
  bool third_party_holds = false;
  // The unit narrows a remedy of party's ("Service Credits cannot be redeemed for cash",
  // "... expire when the Order Form ends"): a protection for the other side.
  bool limits_remedy = false;
  // The unit protects party: it excludes or limits party's own liability ("Provider is not
  // liable for ...", "its liability will not exceed US$1,000") ...
  bool limits_own_liability = false;
  // ... or it makes a remedy the other side's exclusive one ("... are Customer's exclusive
  // remedies").
  bool limits_other_remedy = false;
  // The duty holder found as the subject excludes or limits its own liability ("The Agency is
  // not liable for ...", "GitHub shall have no liability ..."), issue 15 #2.
  bool holder_limits_liability = false;
  // party acts towards the other side in a passive duty addressed to it ("requests must be made
  // to the Provider"): party's own step, not a duty owed to party.
  bool addresses_other_side = false;
  // The side a passive audit names as audited ("Provider is regularly audited against SOC 2"),
  // kUnknown when the unit has none (issue 15 s9 #2).
  Party audited = Party::kUnknown;
};

// The role in one unit's folded view, given its DutyHolder. A right is read from "X may ...",
// "X shall have the right to", "X is entitled to", "X reserves the right to", "X shall
// receive": X is the nearest party named before the phrase (not after a preposition, not an
// owner more than four words before it, not past a pronoun, a '.', ';' or ':'). When
// duty_holder is kUnknown the right holder, if any, is the party; when both are known and the
// same party, the unit is a right only when the right phrase is its first modal ("Ehave shall
// have the right to audit"). `audits` says the right's verb audits, inspects, visits, requests
// or conducts. Third parties: regulators and regulatory, governmental, supervisory or
// competent authorities, the FDA, independent (certified public) accountants or accounting
// firms, independent inspectors, arbitrators. A unit with no duty holder and no right takes the
// side its sentence opens with ("Customer instructs ...", "Customer's obligations ...");
// "A and B <verb>" with one of them a side, and roles either side may hold ("the Indemnifying
// Party", "each Recipient"), are mutual, also over a known duty holder. Service credits are the
// customer's right, and so is a schedule of credits that binds no one ("Credit Tier 1 | 99.00% |
// 5% of monthly fees"); a sentence about them with "not", "no", "only", "expire" or "lapse", or
// "X will receive no ...", limits that remedy. Also (issue 15 #1): a right phrase before any
// modal duty is its holder's ("Customer may export ... (or Provider will ...)"); a passive duty
// addressed to a side that the unit names only there ("requests must be made to the Provider")
// is the other side's act (a right); "X's sole and exclusive remedy" is the other side's
// protection (limits_other_remedy); a unit with no side yet whose liability words name one side
// ("the Supplier does not limit its liability", "Provider is not liable", "its liability will
// not exceed", not "its suppliers") is that side's, limits_own_liability when it excludes or
// limits it; a leading condition followed by a main clause of "the parties"/"either party" is
// mutual; a unit with no side that names an either-side role is mutual. A "may" of use,
// process, disclose, access, transfer, share, retain, store or copy with "only" before the
// clause ends ("X may process the data only for ...") is a restriction, no right (issue 15 #3);
// a known duty holder whose liability words name it sets holder_limits_liability when it
// excludes or limits that liability (issue 15 #2). `notice`: the first modal duty's verb gives
// notice ("shall notify", "must give ... notice", "will provide ... notification"), or the right
// is "shall receive ... notice" (issue 15 #8). Also (issue 15 #8): a unit with no side yet whose
// permitted passive names its agent ("scans can be performed by Government personnel") or whose
// decision is one side's ("results may, at the Customer's discretion, be accepted") is that
// side's right ("may, at X's discretion, be ..." is no right of the subject before it); a unit
// that speaks of "the other party" and whose first duty has a subject of its own that names no
// side ("the discoverer shall tell the other party") is mutual, also over a duty holder given
// (a lead-in's); a government's own auditor (a Comptroller or Auditor General) is a third party;
// with a duty holder given, a right phrase inside a leading condition ("If Provider confirms that
// Customer is eligible for a credit, Provider will ...") is no right of the unit. `audited`: a
// side named just before "is" or "are" (an adverb such as "regularly" or "annually" between)
// and "audited", "inspected" or "assessed". A unit that opens with both sides as its subject keeps
// a one-side duty_holder when a later main clause of the unit is that side's ("Each party shall
// comply ...; the Supplier shall in addition notify ...").
// Also (read23): "X must be entitled to" is X's right as "shall be entitled to" is; a side that
// is the subject of a relative clause ("obligations on which the client may rely") holds no
// right of the unit; "a liability of X" names X's liability; a unit that names no holder and
// names one side only as the one indemnified ("the obligation to indemnify the provider from
// ...") is the other side's duty.
// Never fails.
PartyRole RoleInUnit(std::string_view folded, Party duty_holder, const PartyLexicon& lexicon);

// True when a sentence of the unit (its folded view) binds data by a passive duty: "data" or
// "information" before a "must", "shall" or "will" (optionally "not") "be" transferred, stored,
// processed, hosted, located, kept, held, accessed, moved, exported or maintained ("Buyer Data
// must not be transferred outside Australia", "The Shared Data must be stored in the United
// Kingdom"). Such a duty binds the side that holds the data, though the unit names none. Never
// fails.
bool PassiveDutyOnData(std::string_view folded);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_PARTY_ROLE_H_

// The parties a contract names (preamble and definitions), which side each is on, and the
// per-document lexicon that lets DutyHolder recognise them.
#ifndef CLAUSESCAN_PARAMS_PARTIES_IN_TEXT_H_
#define CLAUSESCAN_PARAMS_PARTIES_IN_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/party.h"

namespace clausescan::internal {

// One party of the contract, as written.
struct NamedParty {
  std::string name;                // the legal name, e.g. "Ehave, Inc."; "" when none is given
  std::vector<std::string> terms;  // what the clauses call it, e.g. {"Ehave"}, {"Reseller"}
  Party side = Party::kUnknown;    // kSupplier, kCustomer, or kUnknown (the text does not say)

  // The name a finding shows: the first term, else the legal name.
  const std::string& Display() const { return terms.empty() ? name : terms.front(); }
};

// The side a role word puts a party on: supplier, provider, service provider, vendor, licensor,
// processor, contractor, consultant, seller, manufacturer, franchisor, data importer, business
// associate, data recipient -> supplier; customer, client, buyer, purchaser, licensee,
// reseller, distributor, controller, subscriber, franchisee, dealer, data exporter, agency,
// department, ministry, authority, government, covered entity, data provider -> customer;
// kUnknown for any other word.
// Case-insensitive; a leading "the" is ignored.
Party RoleOfWord(std::string_view word);

// Reads the parties from a document's cased text (NormalizedText::text):
// - naming parentheticals: 'Ehave, Inc., a company ... ("Ehave")', 'X (hereinafter "the
//   Reseller")', 'X (the "Customer")', 'X, hereinafter referred to as "Provider",' in the
//   document's first 8 KiB, where the named thing is a party: a role word, a legal name (Inc.,
//   Ltd, LLC, Corp ...), or the parenthetical sits in a "between ... and ..." preamble; and,
//   unquoted in such a preamble, a role word: 'Coral Cloud Pty Ltd (the Seller)', 'X (the
//   Data Recipient)';
// - definitions anywhere: '"Customer" means ...' for a role word, and a term that is no role
//   word whose body is a definite role word or another party's term ('"Province" means the
//   Government of ...', '"Issuer" means the Province or ...'; not '"User" means a Customer
//   employee'), on that side (issue 15 #1);
// - a public body named with its initials in the first 8 KiB, unquoted: 'the Department for
//   Rural Affairs (DRA)' (a department, agency, ministry, authority or government; initials of
//   2-8 letters with two capitals, the first the name's), known by its initials (issue 15 #2);
//   not one named alone on its line (a list of stakeholders, a heading, a table's cell:
//   "- Cybersecurity and Infrastructure Security Agency (CISA)"), a body the document speaks of
//   (issue 15 #1).
// Sides come from the role words attached to each party; when only one of two parties has one,
// the other takes the opposite side; when neither has, the party whose name qualifies the
// product ("Ehave Platform", "X Software") or that grants the licence is the supplier. Parties
// whose side is still unclear keep kUnknown. Never fails; linear in the text.
std::vector<NamedParty> ReadParties(std::string_view text);

// The user's side, from --party: "supplier" or "customer" (any case), or a party's name or
// term (case-insensitive; a legal name matches without its suffix: "ehave" for "Ehave, Inc.").
// A name whose side is unclear makes that party the supplier and the others the customer (the
// default playbook is a supplier's), updating *parties. nullopt when choice names no party.
std::optional<Party> ResolveUserSide(std::string_view choice, std::vector<NamedParty>* parties);

// "Ehave (Ehave, Inc.), CHT (Companion Healthcare Technologies Corp)": the parties for a
// message; "none" when empty.
std::string DescribeParties(const std::vector<NamedParty>& parties);

// base plus each party's terms and legal name (lower case, without its legal suffix) on the
// party's side; a term now on one side is removed from the other side's base words.
PartyLexicon DocumentLexicon(const PartyLexicon& base, const std::vector<NamedParty>& parties);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_PARTIES_IN_TEXT_H_

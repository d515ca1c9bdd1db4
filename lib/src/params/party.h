// Who owes the duty a sentence states, and whether a sentence is a definition.
#ifndef CLAUSESCAN_PARAMS_PARTY_H_
#define CLAUSESCAN_PARAMS_PARTY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

enum class Party { kUnknown, kSupplier, kCustomer, kMutual };

// "supplier", "customer", "mutual" or "".
std::string_view PartyName(Party party);

// The words that name each side, lower case: e.g. supplier: provider, processor, vendor,
// contractor, service provider, supplier, licensor, we; customer: customer, controller, client,
// buyer, licensee, company?, you. Loaded from rules/parties.yaml.
struct PartyLexicon {
  std::vector<std::string> supplier;
  std::vector<std::string> customer;
  std::vector<std::string> mutual;  // "each party", "either party", "the parties", "both parties"
};

// The party that owes the main duty of a sentence: the subject of its first modal obligation
// ("X shall / will / must / agrees to / is required to / undertakes to ..."), skipping leading
// subordinate clauses ("If Customer requests, Provider shall ..." -> supplier). "Supplier and
// Customer shall" and the mutual words -> kMutual. A passive duty ("Customer shall be notified")
// names the other side: the party notified is not the one notifying ("shall be held liable" is
// no passive: the subject's own liability), except a party the subject names as holding or
// receiving its data ("data held by the supplier must be purged", "information disclosed to the
// supplier", "records in the supplier's possession" -> kSupplier); a side's people ("employees
// of the supplier", "the supplier's staff") are no other side's. A present-tense commitment
// of a party named as the subject counts as a modal: "vendor maintains a program", "we encrypt",
// "provider has in place", "processor has implemented". A modal right after "and", "or" or
// "but" shares the subject of the verb before it ("Customer is not permitted to submit and shall
// not submit ..." -> customer), as a pronoun would. A subject after "what" is a noun clause's,
// as after "that" or "which" ("7. What you must keep confidential 7.1 Each Party must: ..." ->
// kMutual). kUnknown when no subject is found.
// folded is one unit's folded view.
Party DutyHolder(std::string_view folded, const PartyLexicon& lexicon);

// A duty that a main clause of a sentence states: its holder and the bytes of folded from the
// clause's subject to the next such clause's subject (the last to the end). "customer shall
// provide the logs and provider shall notify ..." -> {kCustomer, "customer shall provide the
// logs and "}, {kSupplier, "provider shall notify ..."}.
struct DutyClause {
  Party party = Party::kUnknown;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The duties of a sentence's main clauses whose holder DutyHolder's grammar finds, in order (the
// first is DutyHolder's answer when it is not kUnknown); leading subordinate and relative
// clauses state none. At most 16. folded is one unit's folded view.
std::vector<DutyClause> DutyClauses(std::string_view folded, const PartyLexicon& lexicon);

// True when the unit defines a term rather than stating a duty: '"X" means', 'X shall mean',
// '"X" has the meaning', '"X" refers to', '"X" includes', '(the "X")'-only sentences, or a
// glossary line 'X: means ...'.
bool IsDefinition(std::string_view folded);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_PARTY_H_

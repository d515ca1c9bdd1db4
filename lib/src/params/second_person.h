// Which side "we" and "you" name in one document: a provider's terms to its customers write as
// the provider ("we will notify you"), a buyer's requirements for its vendors as the buyer ("you
// must encrypt ..."), so the words have no fixed side.
#ifndef CLAUSESCAN_PARAMS_SECOND_PERSON_H_
#define CLAUSESCAN_PARAMS_SECOND_PERSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "params/parties_in_text.h"
#include "params/party.h"

namespace clausescan::internal {

struct PersonSides {
  bool first_person = false;    // the document writes as "we" (ten or more we/us/our)
  Party we = Party::kUnknown;   // kSupplier, kCustomer, or kUnknown (the document does not say)
  Party you = Party::kUnknown;  // the side opposite to `we` when either is known
  // The names a quoted group puts beside "you" ('"Developer" or "You" means'), as written.
  std::vector<std::string> you_names;
  // In a document that addresses "you" and does not write as "we": the party it names most
  // often as acting on "you" ("GitHub may suspend", "the Office is not liable"), as written
  // without a leading "the"; "" when none.
  std::string other;
};

// Reads the sides of "we" and "you" from a document's cased text (NormalizedText::text), with
// lexicon the document's lexicon (DocumentLexicon: the parties it names are on their sides):
// - naming parentheticals and definitions that put a pronoun beside a party or a role word:
//   'Acme Ltd ("Acme", "we", "us")' takes Acme's side, '("Franchisor" or "us")', '"you" means
//   the vendor ...', '"Developer" or "You" means ...', '"we" ... refers to X, the franchisor';
// - the role "you" is given in the text: "if you are an accredited provider", "you, as the
//   vendor, ...";
// - whom the document says it addresses: "these requirements apply to every supplier", "this
//   policy applies to all vendors" (not "applies to the customer's use");
// - failing those, in a document that writes as "we" (one that does not keeps parties.yaml's
//   sides), how its text speaks of the services, the money and the work: "our services", "your
//   use of", "you will pay us", "your account", "your employment" make "you" the customer (at
//   least: not the supplier); "the goods you supply", "the services you sell", "you can sell",
//   "to sell to", "your quotes", "your listing", "we will pay you", "your invoice", "our
//   purchase order", "your subcontractors" make "you" the supplier, when one side has at least
//   three such signs and twice the other's; but when it says at least three times, and more
//   often than it gives signs of "you" being the customer, that it gives "you" its data ("our
//   information", "our data", "information obtained from the feed", "data you receive") and
//   "you" do not pay, "you" is the supplier: the one who receives and processes the data
//   (issue 15 #1);
// - in a document that addresses "you" (ten or more you/your) and does not write as "we": the
//   party it names most often (three times or more, more than any other) as acting on "you"
//   ("GitHub may suspend", "The Office is not liable", "Acme reserves the right"), a capitalised
//   name that is no lexicon word, is `other`; when nothing above gave "you" a side, the text
//   names such a party or says three times that "you" supply an app or take data ("your
//   application", "data you receive"), and the text
//   does not say "you" pay ("you will pay", "fees you owe", "your subscription"), "you" is the
//   supplier: platform and API terms are imposed on the one who supplies an app and takes the
//   data (issue 15 #1). `other` is "" when "you" has no side.
// A role word is one of lexicon's words (not "we" or "you"), RoleOfWord's words, or
// "developer" (supplier). Sides read for "we" and for "you" vote together ("we" on one side is
// "you" on the other); a tie is no basis. Never fails; linear in the text.
PersonSides ReadPersonSides(std::string_view text, const PartyLexicon& lexicon);

// Moves "we" and "you" in *lexicon to the sides of `sides`: unchanged when the document does not
// write as "we" and gives "you" no side (parties.yaml's sides hold); otherwise each word is on
// its side, or on no side when that is kUnknown.
void ApplyPersonSides(const PersonSides& sides, PartyLexicon* lexicon);

// Adds to *parties the names sides gives the two sides (issue 15 #1): sides.you_names on the
// side of "you" (in a document that does not write as "we"; one that does names its sides by the
// pronouns) and sides.other on the side opposite to it, each as a party with that term
// unless a party already has it as a term or name (case-insensitive), in which case a party of
// unclear side takes that side. Nothing when "you" has no side. Returns true when *parties
// changed.
bool AddPersonParties(const PersonSides& sides, std::vector<NamedParty>* parties);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_SECOND_PERSON_H_

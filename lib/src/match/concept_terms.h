// Defined terms that stand for a concept the rules name: '"Incident" means any unauthorised
// access to ...' makes "notify the Customer of any Incident" a duty about the security incident;
// '"Sub-supplier" means any third party appointed by the Supplier to process Personal Data' makes
// "shall not appoint a Sub-supplier" one about sub-processors (issue 11, engine limits 2 #1).
// A unit naming such a term is also read with the concept's own words in its place.
#ifndef CLAUSESCAN_MATCH_CONCEPT_TERMS_H_
#define CLAUSESCAN_MATCH_CONCEPT_TERMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausescan::internal {

// The concept a definition's body states, read from how the body begins and what it speaks of
// (folded text, the body only: "any unauthorised access to the customer data"): "security
// incident" for an event that compromises data or systems (unauthorised access, accidental or
// unlawful loss, a breach of security); "personal data" for information about an identified or
// identifiable individual; "subprocessor" for a third party or subcontractor engaged by someone
// to process data. nullopt for anything else: measures against unauthorised access, an
// interruption of the services, a breach of the agreement. Linear in body.
std::optional<std::string_view> ConceptOfDefinition(std::string_view body);

// The concept terms of one document. Built once per document; Read may then be called from
// any thread.
class ConceptTerms {
 public:
  // Records the term a unit defines ('"x" means BODY', '"x": BODY', at the unit's start after
  // an optional clause number or after the end of a sentence) when its body states a concept
  // (ConceptOfDefinition) and its name does not already say that concept in the rules' words.
  // cased is the unit's text and folded its folded view, of the same length (else nothing is
  // recorded). A term defined as two different concepts stands for neither.
  void Add(std::string_view cased, std::string_view folded);

  // The folded unit with each whole-word occurrence of a recorded term (plural "s" included)
  // replaced by its concept's words (plural when the term was), longest term first where
  // several start at one place. A term its definition wrote capitalised counts only where it
  // is capitalised ("in the event that" is no "Event"); a quoted one is being defined, not
  // used. nullopt when the unit names none. Linear in the unit per recorded term; documents
  // define few.
  std::optional<std::string> Read(std::string_view cased, std::string_view folded) const;

  bool empty() const { return terms_.empty(); }

 private:
  struct Term {
    std::string name;   // folded: "incident", "sub-supplier"
    std::string words;  // the concept's words ("security incident"); empty: two concepts
    bool capitalised = false;
  };
  std::vector<Term> terms_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_CONCEPT_TERMS_H_

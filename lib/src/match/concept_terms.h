// Defined terms that stand for a concept the rules name: '"Incident" means any unauthorised
// access to ...' makes "notify the Customer of any Incident" a duty about the security incident;
// '"Sub-supplier" means any third party appointed by the Supplier to process Personal Data' makes
// "shall not appoint a Sub-supplier" one about sub-processors (issue 11, engine limits 2 #1).
// A unit naming such a term is also read with the concept's own words in its place. Which
// definitions stand for which concept is data (rules/term_readings.h).
#ifndef CLAUSESCAN_MATCH_CONCEPT_TERMS_H_
#define CLAUSESCAN_MATCH_CONCEPT_TERMS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/result.h"

namespace clausescan::internal {

// One reading of concepts.yaml (rules/term_readings.h): a definition whose body matches
// `opening` (anchored: how such a body begins) and has `subject` within its first bytes makes its
// term stand for `words` ("security incident" for defined_as_security_incident_*), unless the
// term's own name matches `named`. Patterns are the concepts' expanded fragments (folded view).
struct TermReadingSpec {
  std::string words;
  std::string opening;
  std::string subject;
  std::string named;
  int line = 0;  // of the reading's first concept in concepts.yaml
};

// The readings that make a defined term stand for a concept (rules/term_readings.h: the
// defined_as_ concepts of concepts.yaml), compiled. Immutable; shared by every thread.
class ConceptReadings {
 public:
  // Compiles specs, in order. Errors: kRuleError naming file and the reading's line when RE2
  // rejects a pattern (the loader has compiled each concept alone already). With
  // checked_at_build (a pack whose readings compiled when the program was built) each pattern
  // compiles instead on its first use (issue 12: start-up), and no error is returned.
  static Result<std::shared_ptr<const ConceptReadings>> Compile(
      const std::vector<TermReadingSpec>& specs, const std::string& file,
      bool checked_at_build = false);
  ~ConceptReadings();

  // The concept words a definition's body states (folded text, the body only: "any
  // unauthorised access to the customer data"): those of the first reading whose opening
  // matches the body and whose subject occurs within its first 200 bytes, before any
  // "includ..." (what the body includes is not what it is). nullopt for anything else. Linear
  // in body per reading.
  std::optional<std::string_view> ConceptOf(std::string_view body) const;
  // True when a term's folded name already says the concept `words` reads as ("Security
  // Incident" for "security incident").
  bool AlreadyNamed(std::string_view words, std::string_view term) const;

  bool empty() const { return readings_.empty(); }

 private:
  struct Reading;
  ConceptReadings();
  std::vector<Reading> readings_;
};

// The concept terms of one document. Built once per document; Read may then be called from
// any thread.
class ConceptTerms {
 public:
  // readings (may be null: no term stands for a concept) must outlive the object.
  explicit ConceptTerms(const ConceptReadings* readings = nullptr) : readings_(readings) {}

  // Records the term a unit defines ('"x" means BODY', '"x": BODY', at the unit's start after
  // an optional clause number or after the end of a sentence) when its body states a concept
  // (ConceptReadings::ConceptOf) and its name does not already say that concept in the rules'
  // words. cased is the unit's text and folded its folded view, of the same length (else nothing is
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
  const ConceptReadings* readings_ = nullptr;
  std::vector<Term> terms_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_CONCEPT_TERMS_H_

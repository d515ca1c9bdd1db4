// The defined terms of a document and where each is visible, for the parameters of rule hits.
#ifndef CLAUSESCAN_MATCH_DEFINED_TERMS_H_
#define CLAUSESCAN_MATCH_DEFINED_TERMS_H_

#include <vector>

#include "match/concept_terms.h"
#include "params/definitions.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {

// The defined terms of a document (params/definitions.h) and the scope each section belongs
// to. A definition is visible in its own top-level section ("16.5 Liability Definitions" serves
// "16.1 General Cap") and, when it sits in a definitions section ("1. Definitions",
// "Interpretation"), everywhere. Sections without a number are a scope of their own.
struct DefinedTerms {
  Glossary glossary;
  ConceptTerms concepts;          // the terms that stand for a concept, everywhere
  std::vector<int> scope;         // by section index
  std::vector<char> definitions;  // by scope: a definitions section
  int ScopeOf(int section) const {
    return section >= 0 && static_cast<std::size_t>(section) < scope.size() ? scope[section] : -1;
  }
};

// Reads the definitions (and, with readings, concept terms) of every unit that is not a heading.
// readings may be null; it must outlive the result. Thread safety: touches only its arguments.
DefinedTerms CollectDefinedTerms(const NormalizedText& text, const Outline& outline,
                                 const ConceptReadings* readings);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_DEFINED_TERMS_H_

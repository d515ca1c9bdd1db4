// Annexes of security measures (issue 11, engine limits #1): a heading such as "Annex 2 -
// Technical and organisational measures" or "Schedule 3: Security Measures" says that the
// provisions under it are security measures kept by the party the annex belongs to, though its
// items often name no one and have no verb of duty ("Encryption of personal data at rest.",
// "Business continuity: disaster recovery plans tested annually.").
#ifndef CLAUSESCAN_MATCH_MEASURE_HEADINGS_H_
#define CLAUSESCAN_MATCH_MEASURE_HEADINGS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "params/party.h"
#include "structure/outline.h"

namespace clausescan::internal {

// The duty such a heading implies, read before an item that states none: the rules of the
// categories with `headings: measures` (categories.yaml) that hold in this text followed by the
// item, and not in this text alone, hold in the item. It names no measure itself, so that only what the item says decides
// which rule holds ("security measures" here would make "Change management: changes reviewed"
// a change to the security measures).
inline constexpr std::string_view kMeasuresHeadingLead = "the following shall be maintained:";

// True when a heading (folded, lower case) names security measures: "technical and
// organisational measures", "(information|data|cyber|minimum|baseline) security measures /
// controls / requirements / standards / safeguards / practices", "security schedule"; not a
// heading that names the customer's side and not the supplier's ("Customer security
// responsibilities"), nor "security" alone (collateral in a loan).
bool HeadingNamesMeasures(std::string_view folded_heading, const PartyLexicon& lexicon);

// True when a unit (folded) under such a heading reads as a measure, not as a description
// ("includes", "means", "as defined in") or a mere permission or advice ("may", "can",
// "should").
bool ReadsAsMeasure(std::string_view folded);

// Which units lie under a heading that names security measures: the title of their section or
// of a section that encloses it (a lower level before it), or a heading line of their own section
// above them ("Technical and organisational measures" right under "Annex II"). Not thread safe;
// one per document; linear in the outline.
class MeasureHeadings {
 public:
  // outline and folded (the view its offsets index) must outlive this object.
  MeasureHeadings(const Outline& outline, std::string_view folded, const PartyLexicon& lexicon);

  // True when units[unit] is under such a heading. Calls come in increasing order of unit.
  bool Under(std::size_t unit);

 private:
  const Outline& outline_;
  std::string_view folded_;
  const PartyLexicon& lexicon_;
  std::vector<char> section_measures_;  // by section: its title or an enclosing one names them
  std::size_t next_ = 0;                // the first unit not yet seen
  // A heading line of section line_section_ named them (line_named_), until another section.
  int line_section_ = -1;
  bool line_named_ = false;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_MEASURE_HEADINGS_H_

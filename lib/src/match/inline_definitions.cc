#include "match/inline_definitions.h"

#include <re2/re2.h>

#include "params/party.h"

namespace clausescan::internal {

std::optional<std::string> ElideInlineDefinitions(std::string_view folded) {
  // A naming is a quoted term in parentheses.
  if (folded.find('"') == std::string_view::npos || folded.find('(') == std::string_view::npos) {
    return std::nullopt;
  }
#define CS_TERM "\"[^\"\\s][^\"]{0,99}\""
  static const RE2 kNaming("\\s*\\((?:[a-z]+,?\\s+){0,5}" CS_TERM
                           "(?:\\s*(?:,|;|and|or|, and|, or)\\s*(?:[a-z]+,?\\s+){0,3}" CS_TERM
                           ")*\\s*\\)");
#undef CS_TERM
  std::string out(folded);
  if (RE2::GlobalReplace(&out, kNaming, "") == 0) return std::nullopt;
  return out;
}

bool DefinesATerm(std::string_view folded, const std::optional<std::string>& elided) {
  if (!IsDefinition(folded)) return false;
  // '"Service Level" means that each system shall be available 99% of the time' states the
  // duty it names (issue 11, engine limits #4).
  static const RE2 kMeansThatDuty("\\bmeans? that\\b[^.;:]{0,200}\\b(?:shall|must|will)\\b");
  if (RE2::PartialMatch(folded, kMeansThatDuty)) return false;
  // A naming in parentheses is no definition of its own: what the sentence is once the
  // namings are gone decides ('"Audit" means ... (an "Audit Report")' still defines).
  if (!elided || IsDefinition(*elided)) return true;
  // Except the sentence that names the document itself or its subject matter and states no
  // duty: 'This Addendum (the "Addendum") forms part of the Agreement ...', 'Acme provides
  // hosting and support (the "Services").' introduce the contract.
  static const RE2 kNamesDocument(
      "\\((?:[a-z]+,?\\s+){0,5}\"(?:[^\"]{0,60}\\s)?(?:agreement|addendum|dpa|msa|sla|terms|"
      "contract|schedule|exhibit|annex|appendix|order form|policy|statement of work|sow|services|"
      "products|software|deliverables)\"\\)");
  static const RE2 kDuty("\\b(?:shall|must|will|agrees?|undertakes?|required)\\b");
  return RE2::PartialMatch(folded, kNamesDocument) && !RE2::PartialMatch(*elided, kDuty);
}

bool IntroducesDefinitions(std::string_view folded) {
  static const RE2 kTermsFollow(
      "\\b(?:(?:have|has|bear|bears) the (?:following )?meanings?|"
      "the following (?:terms|words|expressions|definitions)\\b[^.:;]{0,80}"
      "\\b(?:mean|means|meanings?|apply|defined)|"
      "(?:are|is|shall be) defined as follows)\\b");
  if (RE2::PartialMatch(folded, kTermsFollow)) return true;
  return DefinesATerm(folded, ElideInlineDefinitions(folded));
}

}  // namespace clausescan::internal

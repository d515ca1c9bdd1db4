// Savings clauses; see savings_clause.h.
#include "assess/savings_clause.h"

#include <re2/re2.h>

#include <string>
#include <string_view>

#include "common/ascii.h"
#include "match/fallback.h"

namespace clausescan::internal {
namespace {

// "does not relieve", "shall not be construed to limit", "nothing in this clause ... affects",
// "is without prejudice to": the words that keep something else as it is.
constexpr const char* kPreserves =
    "(\\b(does|do|shall|will|is|are|may) not (be (deemed|construed|interpreted) (to|as) )?"
    "(relieve|limit|restrict|reduce|diminish|affect|derogate from|excuse|waive|release|"
    "prejudice|replace|supersede)\\w*"
    "|\\bnothing (herein|in (this|these|the)\\b)[^.;]{0,80}?"
    "\\b(relieves?|limits?|restricts?|reduces?|"
    "diminish(es)?|affects?|derogates? from|excuses?|waives?|releases?|prejudices?)\\b"
    "|\\b(is|are) without prejudice to\\b)";

// What is kept: duties and the laws that set them, not a right or a liability.
constexpr const char* kDutyWords =
    "\\b(obligations?|requirements?|duties|duty|responsibilit(y|ies)|laws?|regulations?|"
    "statutes?)\\b";

bool IsSavingsSentence(std::string_view sentence) {
  static const RE2 kPreservesRe(kPreserves, RE2::Quiet);
  static const RE2 kDutyRe(kDutyWords, RE2::Quiet);
  static const RE2 kLiabilityRe("\\bliabilit(y|ies)\\b|\\bliable\\b", RE2::Quiet);
  re2::StringPiece said;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kPreservesRe, &said)) {
    return false;
  }
  const std::size_t at = static_cast<std::size_t>(said.data() - sentence.data());
  const std::string_view kept = sentence.substr(at + said.size());
  if (!RE2::PartialMatch(kept, kDutyRe) || RE2::PartialMatch(sentence, kLiabilityRe)) {
    return false;
  }
  std::string rest(sentence.substr(0, at));
  rest.append(" ").append(kept);
  return !StatesDuty(rest);
}

}  // namespace

bool PreservesOtherDutiesOnly(std::string_view text) {
  const std::string folded = AsciiLower(text);
  bool saves = false;
  std::size_t begin = 0;
  while (begin < folded.size()) {
    std::size_t end = folded.find(". ", begin);
    end = end == std::string::npos ? folded.size() : end + 1;
    const std::string_view sentence = std::string_view(folded).substr(begin, end - begin);
    if (IsSavingsSentence(sentence)) {
      saves = true;
    } else if (StatesDuty(sentence)) {
      return false;
    }
    begin = end + 1;
  }
  return saves;
}

void ReadSavingsClauses(std::vector<Finding>& findings) {
  for (Finding& finding : findings) {
    if (finding.category == "liability_cap" || finding.category == "indemnification" ||
        !PreservesOtherDutiesOnly(finding.text)) {
      continue;
    }
    finding.risk = Risk::kInfo;
    finding.reasons = {
        "keeps duties that other clauses or the law already set, and adds none of its own: "
        "nothing to negotiate here"};
    finding.positions.clear();
    finding.considerations.clear();
    finding.evidence.clear();
    finding.evidence_controls.clear();
  }
}

}  // namespace clausescan::internal

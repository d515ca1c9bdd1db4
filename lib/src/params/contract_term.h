// The contract's term as the contract states it (issue 13 s7 #2): "for an initial term of three
// (3) years from the Effective Date", "the Term shall be twelve (12) months".
#ifndef CLAUSESCAN_PARAMS_CONTRACT_TERM_H_
#define CLAUSESCAN_PARAMS_CONTRACT_TERM_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "clausescan/date.h"
#include "params/quantities.h"

namespace clausescan::internal {

struct ContractTerm {
  Duration duration;  // as FindDurations reads it: offsets into the folded text given
  // The span of the statement: from the word "term" through the duration's unit.
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The term the folded text (a whole document, text/normalize.h) states: the first duration of
// weeks, months, quarters or years that follows the word "term" (or "initial term", preferred)
// within the same sentence, with at most 40 bytes between them and no "notice" there; a renewal
// or extension term, an advance notice and the period of a frequency never count, and a signed
// number ("-3 years") or words and digits that disagree ("three (5) years") state no term.
// Durations are read by FindDurations. nullopt when the text states none. Never fails; linear in
// folded.
std::optional<ContractTerm> FindContractTerm(std::string_view folded);

// start plus duration: months, quarters and years by the calendar (the day kept, or the last day
// of a shorter month: 2026-01-31 + 1 month = 2026-02-28), weeks and days by days. Hours and
// minutes count as whole days rounded up. Constant time. nullopt when the end falls after the
// year 9999 (no date YYYY-MM-DD can say it) or the duration is negative or not finite.
std::optional<CalendarDate> AddDuration(const CalendarDate& start, const Duration& duration);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_CONTRACT_TERM_H_

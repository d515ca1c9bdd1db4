// Typed extractors for the numbers contracts state. All functions take the folded view of one
// unit (lower case, single spaces, quotes and dashes folded: see text/normalize.h) and return
// matches in text order with byte offsets into that string. They never fail and run in linear
// time (RE2 or hand-written scanners only).
#ifndef CLAUSESCAN_PARAMS_QUANTITIES_H_
#define CLAUSESCAN_PARAMS_QUANTITIES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// Parses a number written in words or digits: "72", "1,000,000", "1.000.000" (EU thousands),
// "1'000'000", "2.5", "seventy-two", "twenty four", "one hundred", "a dozen", "one and a half".
// nullopt when text is not a number.
std::optional<double> ParseNumber(std::string_view text);

enum class TimeUnit { kMinutes, kHours, kDays, kWeeks, kMonths, kQuarters, kYears };

// Deadline kind from the words before the number.
enum class DurationQualifier {
  kNone,      // "72 hours" with no qualifier
  kWithin,    // within, no later than, not later than, in any event within, in no event later than
  kAtLeast,   // at least, no less than, not less than, prior written notice ("30 days' prior")
  kUpTo,      // up to, no more than, maximum of
  kMoreThan,  // more than, exceeding, in excess of
  // not earlier than, no earlier than, not sooner than, no sooner than, not before: a waiting
  // period ("not earlier than twenty (20) business days after"), never a deadline.
  kNotBefore,
};

struct Duration {
  double value = 0;  // as written: 2 for "two (2) Business Days"
  TimeUnit unit = TimeUnit::kDays;
  bool business = false;  // business or working days
  DurationQualifier qualifier = DurationQualifier::kNone;
  // Advance notice: "thirty (30) days' prior written notice", "10 days in advance", "at least
  // 30 days before the audit", "notice of not less than 30 days", "a notice period of 30 days".
  bool notice = false;
  // The period of a frequency or a rolling window, which says how often, not by when: "once per
  // twelve (12) month period", "in any 12-month period", "every 12 months", "each 30-day period".
  bool frequency_period = false;
  std::size_t begin = 0;  // span of the qualifier (if any) through the unit word
  std::size_t end = 0;

  double Hours() const;  // days ×24, business days ×24 (as written), weeks ×168, months ×730...
  double Days() const;   // hours /24, weeks ×7, months ×30, quarters ×91, years ×365
  // months as written, quarters ×3, years ×12; shorter units as days /30
  double Months() const;
};

// Finds durations: "seventy-two (72) hours", "72 (seventy-two) hours", "two (2) business days",
// "thirty days", "one week", "48hrs", "48-hour", "12 month period", "10 working days",
// "thirty (30) calendar days". When words and digits disagree ("thirty (31) days") the digits
// win. Skips numbers that are section/clause/article references, versions ("TLS 1.2"), years
// and dates.
std::vector<Duration> FindDurations(std::string_view folded);

// Vague time words, in canonical form: "immediately", "promptly", "without undue delay",
// "as soon as practicable" (also "... reasonably practicable", "... possible"),
// "in a timely manner", "without delay", "forthwith", "expeditiously".
struct VagueTerm {
  std::string term;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<VagueTerm> FindVagueTerms(std::string_view folded);

// The event that starts a clock, from its wording:
//   occurrence   "of its occurrence", "after the incident occurs", "from the time of the breach"
//   awareness    "after becoming aware", "upon becoming aware", "of learning of", "knowledge",
//                "after the contractor's knowledge of"
//   discovery    "of discovery", "after discovering", "upon discovery", "detection", "of being
//                identified", "upon identification"
//   confirmation "of confirming", "after confirmation", "confirmed", "formal confirmation"
// Returns the first trigger stated, or nullopt. "suspected or actual" alone is not a trigger,
// nor is "suspected or confirmed" (or "confirmed or suspected", "potential or confirmed"): it
// says which incidents count, not when the clock starts.
// When the text states a deadline (a duration or a vague term), a trigger anchored right after
// it ("72 hours of becoming aware") is preferred, then the first trigger after it: "notify of
// any confirmed incident within 72 hours of becoming aware" -> awareness.
std::optional<std::string> FindTrigger(std::string_view folded);

struct Percent {
  double value = 0;  // 99.9 for "99.9%", "ninety-nine point nine percent (99.9%)"
  std::size_t begin = 0;
  std::size_t end = 0;
};
// Finds "99.9%", "99.9 %", "five percent (5%)", "ninety-nine point nine percent", "10 per cent".
std::vector<Percent> FindPercents(std::string_view folded);

struct Money {
  double amount = 0;     // 5000000 for "$5,000,000", "usd 5 million", "£5m"
  std::string currency;  // ISO 4217 code: "USD", "GBP", "EUR", "CHF", ... ("" when unknown)
  // The currency is a bare "$" or "dollars" (no "us", "c", "canadian"...): USD unless the
  // contract defines "$" otherwise (see ReadDollarCurrency).
  bool bare_dollar = false;
  std::size_t begin = 0;
  std::size_t end = 0;
};
// Finds "$5,000,000", "us$1,000,000", "usd 5 million", "£2m", "eur 1.000.000",
// "1.000.000 eur", "five million dollars ($5,000,000)" (one match), "chf 1'000'000", "$50k".
// Dollar prefixes: "us$" USD, "c$" "ca$" "cdn$" CAD, "a$" "au$" AUD, "nz$" NZD, "hk$" HKD,
// "s$" "sg$" SGD. Placeholders ("$[amount]") are not amounts.
std::vector<Money> FindMoney(std::string_view folded);

// The ISO code of the currency a unit says the contract's "$" or amounts are in: "CAD" for
// '"$" means canadian dollars', 'all amounts are in canadian dollars', 'references to "$" are
// to australian dollars' ("AUD"), '"dollars" means the lawful currency of canada', 'all fees are
// payable in cad'. Dollar currencies we know (USD, CAD, AUD, NZD, HKD, SGD) give their code; a
// definition of "$" or "dollars" itself naming another currency gives the contract's words for it
// ('"$" means zimbabwe dollars' -> "zimbabwe dollars", '"$" means bitcoin' -> "bitcoin"), as does
// 'all amounts are in zimbabwe dollars' ("zimbabwe dollars"), which is
// no ISO code: no playbook limit or rate applies to it, so its amounts are not compared. A unit
// that puts the contract under the law of a country with its own dollar gives that dollar's code
// ('governed by the laws of new zealand' -> "NZD"; a US state's law -> "USD"), issue 14 third
// review #5. nullopt when the unit says none of these. Linear in the unit.
std::optional<std::string> ReadDollarCurrency(std::string_view folded);

// A liability cap stated relative to fees: "two times (2x) the fees paid in the twelve (12)
// months preceding the claim" -> multiple 2, months 12; "the fees paid in the 12 months before
// the claim" -> multiple 1, months 12; "two times the annual fees" -> 2, 12; "one hundred fifty
// percent (150%) of the fees paid in the preceding twelve months" -> 1.5, 12; "one year's
// fees" -> 1, 12. Fees coordinated with "and"/"or" ("license fees and support fees paid in
// the 12 months") are one match.
struct FeeMultiple {
  double multiple = 1;
  double months = 0;  // look-back in months; 0 when not stated
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<FeeMultiple> FindFeeMultiples(std::string_view folded);

// "once per year", "no more than once annually", "twice a year", "once in any twelve (12)
// month period" -> times per year (1, 1, 2, 1). "quarterly" -> 4. An adjective frequency that
// describes a thing is none: "monthly fees", "quarterly uptime", "quarterly reports",
// "monthly compliance reports", "statements quarterly", "reports on a quarterly basis".
struct Frequency {
  double per_year = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Frequency> FindFrequencies(std::string_view folded);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_QUANTITIES_H_

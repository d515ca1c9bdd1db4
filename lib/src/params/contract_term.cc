// The contract's term as the contract states it: see params/contract_term.h.
#include "params/contract_term.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "params/scan.h"

namespace clausescan::internal {
namespace {

// How far after "term" its duration may start: "term of three (3) years", "Term shall
// commence on the Effective Date and continue for a period of twelve (12) months".
constexpr std::size_t kMaxGap = 40;
// How far after "term" a duration is read at all (the sentence is cut at '.' or ';' first).
constexpr std::size_t kWindow = 120;

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The word that ends right before offset (spaces skipped), or "".
std::string_view WordBefore(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && IsWordByte(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

bool Has(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

bool IsTermLength(const Duration& d) {
  return !d.notice && !d.frequency_period && d.qualifier != DurationQualifier::kNotBefore &&
         (d.unit == TimeUnit::kWeeks || d.unit == TimeUnit::kMonths ||
          d.unit == TimeUnit::kQuarters || d.unit == TimeUnit::kYears);
}

// False when the duration's number is signed ("-3 years") or written in words and digits that
// disagree ("three (5) years", "5 (three) years"): such a statement gives no usable term.
bool StatedPlainly(std::string_view window, const Duration& d) {
  std::size_t before = d.begin;
  while (before > 0 && window[before - 1] == ' ') --before;
  if (before > 0 && (window[before - 1] == '-' || window[before - 1] == '+')) return false;
  if (before >= 3 && window.substr(before - 3, 3) == "\xE2\x88\x92") return false;  // U+2212
  const scan::Tokens t(window.substr(d.begin, d.end - d.begin));
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.IsNumber(i)) {
      const std::optional<double> digits = scan::ParseDigitLiteral(t.Text(i));
      if (t.Is(i + 1, "(")) {
        const std::optional<scan::NumberRead> words = scan::ReadWordNumber(t, i + 2);
        if (digits && words && words->value != *digits) return false;
      }
      return true;
    }
    if (const std::optional<scan::NumberRead> words = scan::ReadWordNumber(t, i)) {
      const std::size_t open = words->last + 1;
      if (t.Is(open, "(") && t.IsNumber(open + 1)) {
        const std::optional<double> digits = scan::ParseDigitLiteral(t.Text(open + 1));
        if (digits && *digits != words->value) return false;
      }
      return true;
    }
  }
  return true;
}

// The duration stated for the term whose word "term" starts at `at`, or nullopt.
std::optional<ContractTerm> TermAt(std::string_view folded, std::size_t at) {
  const std::size_t after = at + 4;
  // The sentence ends at ';' or at a '.' that is no decimal point ("1.5 years").
  std::size_t stop = after;
  for (; stop < folded.size(); ++stop) {
    const char c = folded[stop];
    if (c == ';') break;
    if (c == '.' &&
        !(stop > 0 && std::isdigit(static_cast<unsigned char>(folded[stop - 1])) &&
          stop + 1 < folded.size() && std::isdigit(static_cast<unsigned char>(folded[stop + 1])))) {
      break;
    }
  }
  stop = std::min(stop, after + kWindow);
  const std::string_view window = folded.substr(after, stop - after);
  const std::vector<Duration> durations = FindDurations(window);
  for (std::size_t i = 0; i < durations.size(); ++i) {
    const Duration& d = durations[i];
    if (d.begin > kMaxGap) break;
    // "the term and for two (2) years thereafter", "the term or six months after termination":
    // a period beside the term, not its length.
    const std::string_view between = window.substr(0, d.begin);
    const std::string_view next = window.substr(d.end, 24);
    if (Has(between, {"notice", " and ", " or ", "after", "following", "prior", "beyond"}) ||
        Has(next, {"after", "following", "prior", "before"})) {
      break;
    }
    if (!IsTermLength(d)) continue;
    if (!StatedPlainly(window, d)) break;
    ContractTerm term{d, at, after + d.end};
    // "two (2) years and six (6) months": the parts added up, in months (issue 13 s8 #6).
    if (i + 1 < durations.size()) {
      const Duration& next = durations[i + 1];
      std::string_view joint = window.substr(d.end, next.begin - d.end);
      while (!joint.empty() && (joint.front() == ' ' || joint.front() == ',')) {
        joint.remove_prefix(1);
      }
      while (!joint.empty() && joint.back() == ' ') joint.remove_suffix(1);
      const auto months = [](const Duration& p) -> std::optional<double> {
        if (p.unit == TimeUnit::kYears) return p.value * 12;
        if (p.unit == TimeUnit::kQuarters) return p.value * 3;
        if (p.unit == TimeUnit::kMonths) return p.value;
        return std::nullopt;
      };
      if (next.begin >= d.end && joint == "and" && IsTermLength(next) &&
          StatedPlainly(window, next) && months(d) && months(next)) {
        term.duration.value = *months(d) + *months(next);
        term.duration.unit = TimeUnit::kMonths;
        term.duration.end = next.end;
        term.end = after + next.end;
      }
    }
    term.duration.begin += after;
    term.duration.end += after;
    return term;
  }
  return std::nullopt;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The latest date a term may end on and still be written YYYY-MM-DD.
constexpr int kLastYear = 9999;

CalendarDate AddMonths(CalendarDate date, long months) {
  const long index = date.year * 12L + (date.month - 1) + months;
  date.year = static_cast<int>(index / 12);
  date.month = static_cast<int>(index % 12) + 1;
  date.day = std::min(date.day, DaysInMonth(date.year, date.month));
  return date;
}

// The date `days` days after 1970-01-01 (civil_from_days, proleptic Gregorian): constant time.
CalendarDate FromEpochDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  CalendarDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

}  // namespace

std::optional<ContractTerm> FindContractTerm(std::string_view folded) {
  std::optional<ContractTerm> first;
  for (std::size_t at = folded.find("term"); at != std::string_view::npos;
       at = folded.find("term", at + 4)) {
    if ((at > 0 && IsWordByte(folded[at - 1])) ||
        (at + 4 < folded.size() && IsWordByte(folded[at + 4]))) {
      continue;  // "terminate", "determine", "terms"
    }
    const std::string_view before = WordBefore(folded, at);
    // the term of something else than the contract
    if (OneOf(before, {"renewal", "extension", "extended", "renewed", "additional", "each", "any",
                       "subsequent", "retention", "warranty", "payment", "loan", "lease"})) {
      continue;
    }
    std::optional<ContractTerm> term = TermAt(folded, at);
    if (!term) continue;
    if (before == "initial") return term;
    if (!first) first = term;
  }
  return first;
}

std::optional<CalendarDate> AddDuration(const CalendarDate& start, const Duration& duration) {
  const double value = duration.value;
  // Bounds the arithmetic below: over 10,000 years of days can never end by 9999.
  if (!(value >= 0) || !(duration.Days() <= 10000.0 * 366)) return std::nullopt;
  std::optional<CalendarDate> end;
  const bool whole = value == std::floor(value);
  switch (duration.unit) {
    case TimeUnit::kYears:  // "1.5 years": 18 calendar months
      if (value * 12 == std::floor(value * 12)) end = AddMonths(start, std::lround(value * 12));
      break;
    case TimeUnit::kQuarters:
      if (value * 3 == std::floor(value * 3)) end = AddMonths(start, std::lround(value * 3));
      break;
    case TimeUnit::kMonths:
      if (whole) end = AddMonths(start, std::lround(value));
      break;
    default:
      break;
  }
  if (!end) end = FromEpochDays(start.DaysSinceEpoch() + std::lround(std::ceil(duration.Days())));
  if (end->year > kLastYear) return std::nullopt;
  return end;
}

}  // namespace clausescan::internal

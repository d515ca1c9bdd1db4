// CalendarDate: a day of the calendar, as profiles and playbooks write dates (YYYY-MM-DD).
#ifndef CLAUSESCAN_DATE_H_
#define CLAUSESCAN_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausescan {

// A calendar date (proleptic Gregorian). Plain value; compares by date.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Parses "YYYY-MM-DD" (exactly ten characters; a real date: 2026-02-29 is not one). nullopt
  // for anything else.
  static std::optional<CalendarDate> Parse(std::string_view text);
  // Today's date in UTC.
  static CalendarDate Today();
  // Days since 1970-01-01 (negative before it).
  long DaysSinceEpoch() const;
  // "YYYY-MM-DD".
  std::string ToString() const;

  friend bool operator==(const CalendarDate& a, const CalendarDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CalendarDate& a, const CalendarDate& b) { return !(a == b); }
  friend bool operator<(const CalendarDate& a, const CalendarDate& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const CalendarDate& a, const CalendarDate& b) { return !(b < a); }
};

}  // namespace clausescan

#endif  // CLAUSESCAN_DATE_H_

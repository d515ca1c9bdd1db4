// How often something may happen: "once per year", "twice a year", "quarterly".
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "params/quantities.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace {

using scan::Tokens;

// Periods of each unit in a year.
double PerYear(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMinutes:
      return 525600;
    case TimeUnit::kHours:
      return 8760;
    case TimeUnit::kDays:
      return 365;
    case TimeUnit::kWeeks:
      return 52;
    case TimeUnit::kMonths:
      return 12;
    case TimeUnit::kQuarters:
      return 4;
    case TimeUnit::kYears:
      return 1;
  }
  return 0;
}

// A bare period word after "per"/"a"/"each": "year", "annum", "calendar quarter".
std::optional<double> PeriodWord(std::string_view w) {
  if (w == "year" || w == "annum") return 1;
  if (w == "quarter") return 4;
  if (w == "month") return 12;
  if (w == "week") return 52;
  if (w == "day") return 365;
  return std::nullopt;
}

// An adverb that is itself a frequency: "annually", "quarterly", "semi-annually".
std::optional<double> AdverbAt(const Tokens& t, std::size_t i, std::size_t* last) {
  *last = i;
  if (t.Is(i, "semi") && t.Is(i + 1, "-") && t.IsAny(i + 2, {"annually", "annual"})) {
    *last = i + 2;
    return 2;
  }
  if (t.IsAny(i, {"semiannually", "semiannual"})) return 2;
  if (t.IsAny(i, {"annually", "yearly"})) return 1;
  if (t.Is(i, "quarterly")) return 4;
  if (t.Is(i, "monthly")) return 12;
  if (t.Is(i, "weekly")) return 52;
  if (t.Is(i, "daily")) return 365;
  return std::nullopt;
}

// Documents, meetings and book closings an adjective frequency may qualify: "quarterly
// reports", "monthly service level reports", "weekly status meetings", "quarterly closing".
bool IsRecordNoun(const Tokens& t, std::size_t i) {
  return t.IsAny(
      i, {"report",          "reports",  "reporting", "statement",  "statements",  "meeting",
          "meetings",        "summary",  "summaries", "newsletter", "newsletters", "briefing",
          "briefings",       "call",     "calls",     "update",     "updates",     "reconciliation",
          "reconciliations", "forecast", "forecasts", "returns",    "accounting",  "accountings",
          "closing",         "close"});
}

// Words that end a noun phrase: after them, an adjective frequency no longer qualifies a noun.
bool EndsNounPhrase(const Tokens& t, std::size_t i) {
  return !t.IsWord(i) ||
         t.IsAny(i, {"the",    "a",      "an",      "and",        "or",         "by",   "at",
                     "in",     "on",     "to",      "for",        "of",         "with", "from",
                     "during", "upon",   "as",      "if",         "unless",     "that", "which",
                     "shall",  "will",   "may",     "must",       "is",         "are",  "be",
                     "audit",  "audits", "inspect", "inspection", "inspections"});
}

// "quarterly reports", "monthly compliance reports", "daily status calls": an adjective
// frequency (the adverb at token `adverb`) that qualifies a document or meeting (up to three
// words on), or follows one ("statements quarterly"). Such a frequency says how often the
// document comes, not how often the clause's act may happen.
bool QualifiesRecord(const Tokens& t, std::size_t adverb, std::size_t next) {
  if (adverb > 0 && t.IsAny(adverb - 1, {"reports", "statements", "meetings", "summaries"})) {
    return true;
  }
  for (std::size_t k = next; k < next + 3 && !EndsNounPhrase(t, k); ++k) {
    if (IsRecordNoun(t, k)) return true;
  }
  return false;
}

// "monthly fees", "quarterly uptime": the adverb describes a thing, not how often.
bool DescribesThing(const Tokens& t, std::size_t next) {
  return t.IsAny(
      next,
      {"fee",          "fees",          "charge",      "charges",      "payment",    "payments",
       "invoice",      "invoices",      "installment", "installments", "instalment", "instalments",
       "subscription", "subscriptions", "uptime",      "availability", "service",    "services",
       "credit",       "credits",       "amount",      "amounts",      "revenue",    "revenues",
       "rate",         "rates",         "cap",         "limit",        "percentage", "average",
       "period",       "billing",       "cost",        "costs",        "price",      "prices",
       "salary",       "rent",          "interest",    "usage"});
}

// Reads "<connector> [adjectives] [<number>] <unit> [period]" or an adverb after a count:
// "per year", "a year", "in any twelve (12) month period", "every 12 months", "annually",
// "during the same 12 month period", "in any period of twelve (12) consecutive months".
// Returns periods per year and sets *last.
std::optional<double> ReadPeriod(const Tokens& t, std::size_t j, std::size_t* last) {
  if (std::optional<double> adverb = AdverbAt(t, j, last)) return adverb;
  std::size_t k = j;
  if (t.Is(k, "in") || t.Is(k, "during") || t.Is(k, "within") || t.Is(k, "for")) {
    ++k;
    if (!t.IsAny(k, {"any", "each", "every", "a", "the", "one"})) return std::nullopt;
    ++k;
  } else if (t.IsAny(k, {"per", "a", "an", "each", "every"})) {
    ++k;
    if (t.IsAny(k, {"any", "each", "every", "one"})) ++k;
  } else {
    return std::nullopt;
  }
  // "the same 12 month period", "any single year": the same span of time, counted once.
  if (t.IsAny(k, {"same", "single", "given"})) ++k;
  // "any period of twelve (12) consecutive months": the period is the duration after "of".
  if (t.Phrase(k, {"period", "of"})) k += 2;
  for (int n = 0; n < 3 && t.IsAny(k, {"calendar", "fiscal", "contract", "contractual", "rolling",
                                       "consecutive", "financial", "billing", "subscription"});
       ++n) {
    ++k;
  }
  if (std::optional<scan::DurationRead> d = scan::ReadDuration(t, k)) {
    if (d->duration.value <= 0) return std::nullopt;
    *last = t.Is(d->last + 1, "period") ? d->last + 1 : d->last;
    return PerYear(d->duration.unit) / d->duration.value;
  }
  if (std::optional<double> per_year = PeriodWord(t.Text(k)); per_year && t.IsWord(k)) {
    *last = t.Is(k + 1, "period") ? k + 1 : k;
    return per_year;
  }
  return std::nullopt;
}

// An act that happens a number of times, as a noun: "audit", "inspections", "visit".
bool IsActNoun(const Tokens& t, std::size_t i) {
  return t.IsAny(
      i, {"audit", "audits", "inspection", "inspections", "visit", "visits", "assessment",
          "assessments", "examination", "examinations", "review", "reviews", "test", "tests"});
}

// Words that may stand between a count or "annual" and the act noun: "one on-site audit",
// "an annual independent security assessment". Sets *noun to the act noun when found within
// four tokens.
bool ActNounFollows(const Tokens& t, std::size_t i, std::size_t* noun) {
  for (std::size_t k = i; k < i + 5 && k < t.size(); ++k) {
    if (IsActNoun(t, k)) {
      *noun = k;
      return true;
    }
    const bool modifier =
        t.Is(k, "-") ||
        t.IsAny(k, {"on", "site", "onsite", "security", "compliance", "independent", "third",
                    "party", "physical", "external", "full", "penetration", "such", "additional"});
    if (!modifier) return false;
  }
  return false;
}

// A count: "once", "twice", "thrice", "two (2) times", "one time", or a number of acts
// ("one audit", "two (2) on-site inspections"): the period follows the act noun.
std::optional<double> ReadCount(const Tokens& t, std::size_t i, std::size_t* last) {
  *last = i;
  if (t.Is(i, "once")) return 1;
  if (t.Is(i, "twice")) return 2;
  if (t.Is(i, "thrice")) return 3;
  const std::optional<scan::NumberRead> number = scan::ReadNumber(t, i);
  if (!number) return std::nullopt;
  if (t.IsAny(number->last + 1, {"times", "time"})) {
    *last = number->last + 1;
    return number->value;
  }
  std::size_t noun = 0;
  if (!scan::IsReference(t, i) && ActNounFollows(t, number->last + 1, &noun)) {
    *last = noun;
    return number->value;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Frequency> FindFrequencies(std::string_view folded) {
  const Tokens t(folded);
  std::vector<Frequency> out;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t count_last = i;
    std::size_t last = i;
    std::optional<double> per_year;
    if (std::optional<double> count = ReadCount(t, i, &count_last)) {
      if (std::optional<double> period = ReadPeriod(t, count_last + 1, &last)) {
        per_year = *count * *period;
      }
    } else if (std::size_t noun = 0;
               t.IsAny(i, {"annual", "yearly"}) && ActNounFollows(t, i + 1, &noun)) {
      // "an annual audit", "a yearly on-site inspection": the adjective says how often the act
      // happens ("annual fees" and "annual reports" name things, and stay out).
      per_year = 1;
      last = noun;
    } else if (t.Is(i, "every")) {
      // "every twelve (12) months", "every year": once per period.
      per_year = ReadPeriod(t, i, &last);
    } else if (std::optional<double> adverb = AdverbAt(t, i, &last)) {
      // "... basis" is read with its "on a" (below), which checks what it qualifies.
      if (!DescribesThing(t, last + 1) && !QualifiesRecord(t, i, last + 1) &&
          !t.Is(last + 1, "basis")) {
        per_year = adverb;
      }
    } else if (t.Phrase(i, {"on", "a"}) || t.Phrase(i, {"on", "an"})) {
      // "on a quarterly basis", "on an annual basis".
      std::optional<double> adverb = AdverbAt(t, i + 2, &last);
      if (!adverb && t.Is(i + 2, "annual")) adverb = 1, last = i + 2;
      if (adverb && t.Is(last + 1, "basis") && !(i > 0 && IsRecordNoun(t, i - 1))) {
        per_year = adverb;
        ++last;
      }
    }
    if (!per_year) {
      ++i;
      continue;
    }
    out.push_back(Frequency{*per_year, t[i].begin, t[last].end});
    i = last + 1;
  }
  return out;
}

}  // namespace clausescan::internal

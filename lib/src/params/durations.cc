// Durations, their qualifiers, vague time terms and clock triggers.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/quantities.h"
#include "params/scan.h"
#include "re2/re2.h"

namespace clausescan::internal {
namespace scan {
namespace {

// A unit word at token j: "hours", "hrs", "h" (only glued to the number: "72h"), "days",
// "weeks", "fortnight" (counted as 2 weeks), "months", "quarters", "years".
struct UnitRead {
  TimeUnit unit = TimeUnit::kDays;
  double factor = 1;  // 2 for "fortnight"
};
std::optional<UnitRead> ReadUnitWord(const Tokens& t, std::size_t j) {
  if (!t.IsWord(j)) return std::nullopt;
  const std::string_view w = t.Text(j);
  if (w == "minute" || w == "minutes" || w == "min" || w == "mins") {
    return UnitRead{TimeUnit::kMinutes};
  }
  if (w == "hour" || w == "hours" || w == "hr" || w == "hrs") return UnitRead{TimeUnit::kHours};
  if (w == "h" && t.Attached(j) && t.IsNumber(j - 1)) return UnitRead{TimeUnit::kHours};
  if (w == "day" || w == "days") return UnitRead{TimeUnit::kDays};
  if (w == "week" || w == "weeks") return UnitRead{TimeUnit::kWeeks};
  if (w == "fortnight" || w == "fortnights") return UnitRead{TimeUnit::kWeeks, 2};
  if (w == "month" || w == "months") return UnitRead{TimeUnit::kMonths};
  // "three quarters of the fees" is a fraction, not a time.
  if ((w == "quarter" || w == "quarters") && !t.Is(j + 1, "of")) {
    return UnitRead{TimeUnit::kQuarters};
  }
  if (w == "year" || w == "years") return UnitRead{TimeUnit::kYears};
  return std::nullopt;
}

// Reads "[-] [business|working|calendar|consecutive|full ...][-] <unit>" at token j. Sets
// *unit_token to the unit word.
std::optional<UnitRead> ReadUnit(const Tokens& t, std::size_t j, bool* business,
                                 std::size_t* unit_token) {
  if (t.Is(j, "-") && t.Attached(j)) ++j;
  for (int k = 0; k < 3 && t.IsWord(j); ++k) {
    if (t.IsAny(j, {"business", "working", "banking"})) {
      *business = true;
    } else if (!t.IsAny(j, {"calendar", "consecutive", "full", "clock", "elapsed"})) {
      break;
    }
    ++j;
    // "10 working-days' notice": a hyphen joins the qualifier to the unit.
    if (t.Is(j, "-") && t.Attached(j) && t.Attached(j + 1)) ++j;
  }
  std::optional<UnitRead> unit = ReadUnitWord(t, j);
  if (unit) *unit_token = j;
  return unit;
}

// "24 hours a day", "7 days a week", "365 days per year": round-the-clock coverage, not a time
// limit.
bool IsCoveragePhrase(const Tokens& t, double value, TimeUnit unit, std::size_t unit_token) {
  if (!t.IsAny(unit_token + 1, {"a", "per", "each", "every"})) return false;
  const std::optional<UnitRead> per = ReadUnitWord(t, unit_token + 2);
  if (!per) return false;
  return HoursPerUnit(per->unit) / HoursPerUnit(unit) <= value * 1.05;
}

// True when the number is a bare integer with a full stop attached, as if it numbered a list
// item, right after a word of the same sentence: the line wrapping put it at a line start
// ("notify the Customer within" / "3. business days"), and the sentence splitting kept it inside
// the sentence (a stop before a capitalised word would have ended the sentence). The full stop is
// the marker's, not the sentence's. The caller still needs a unit word after the stop.
bool IsWrappedListNumber(const Tokens& t, const NumberRead& number) {
  const std::size_t i = number.first;
  if (i == 0 || number.last != i || !t.IsNumber(i) || !t.IsWord(i - 1) || !t.Is(i + 1, ".") ||
      !t.Attached(i + 1)) {
    return false;
  }
  const std::string_view digits = t.Text(i);
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

double HoursPerUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMinutes:
      return 1.0 / 60;
    case TimeUnit::kHours:
      return 1;
    case TimeUnit::kDays:
      return 24;
    case TimeUnit::kWeeks:
      return 168;
    case TimeUnit::kMonths:
      return 730;
    case TimeUnit::kQuarters:
      return 2190;
    case TimeUnit::kYears:
      return 8760;
  }
  return 0;
}

double DaysPerUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMinutes:
      return 1.0 / 1440;
    case TimeUnit::kHours:
      return 1.0 / 24;
    case TimeUnit::kDays:
      return 1;
    case TimeUnit::kWeeks:
      return 7;
    case TimeUnit::kMonths:
      return 30;
    case TimeUnit::kQuarters:
      return 91;
    case TimeUnit::kYears:
      return 365;
  }
  return 0;
}

std::optional<DurationRead> ReadDuration(const Tokens& t, std::size_t i) {
  if (!t.IsNumber(i) && !t.IsWord(i)) return std::nullopt;
  const std::optional<NumberRead> number = ReadNumber(t, i);
  if (!number || IsReference(t, i)) return std::nullopt;
  std::size_t j = number->last + 1;
  if (IsWrappedListNumber(t, *number)) ++j;  // "within" / "3. business days"
  DurationQualifier qualifier = DurationQualifier::kNone;
  if (t.Is(j, "or") && t.IsAny(j + 1, {"more", "longer", "greater"})) {
    qualifier = DurationQualifier::kAtLeast;
    j += 2;
  } else if (t.Is(j, "or") && t.IsAny(j + 1, {"less", "fewer", "shorter"})) {
    qualifier = DurationQualifier::kUpTo;
    j += 2;
  }
  bool business = false;
  std::size_t unit_token = 0;
  const std::optional<UnitRead> unit = ReadUnit(t, j, &business, &unit_token);
  if (!unit) return std::nullopt;
  const double value = number->value * unit->factor;
  if (IsCoveragePhrase(t, value, unit->unit, unit_token)) return std::nullopt;
  DurationRead read;
  read.duration.value = value;
  read.duration.unit = unit->unit;
  read.duration.business = business;
  read.duration.qualifier = qualifier;
  read.duration.begin = t[i].begin;
  read.duration.end = t[unit_token].end;
  read.first = i;
  read.last = unit_token;
  return read;
}

}  // namespace scan

double Duration::Hours() const { return value * scan::HoursPerUnit(unit); }
double Duration::Days() const {
  // Months or quarters that make whole years count as those years: "12 months" is a year (365
  // days), as "one year" is, not 360 days.
  const double per_year = unit == TimeUnit::kMonths ? 12 : unit == TimeUnit::kQuarters ? 4 : 0;
  if (per_year > 0 && value >= per_year && std::fmod(value, per_year) == 0) {
    return value / per_year * scan::DaysPerUnit(TimeUnit::kYears);
  }
  return value * scan::DaysPerUnit(unit);
}
double Duration::Months() const {
  switch (unit) {
    case TimeUnit::kMonths:
      return value;
    case TimeUnit::kQuarters:
      return value * 3;
    case TimeUnit::kYears:
      return value * 12;
    default:
      return Days() / 30;
  }
}

namespace {

using scan::Tokens;

struct QualifierPhrase {
  std::initializer_list<std::string_view> words;
  DurationQualifier qualifier;
};

// Phrases that may stand right before the number. The longest one that fits wins ("no more
// than" over "more than").
const QualifierPhrase kQualifierPhrases[] = {
    {{"in", "any", "event", "within"}, DurationQualifier::kWithin},
    {{"in", "any", "event", "no", "later", "than"}, DurationQualifier::kWithin},
    {{"in", "any", "event", "not", "later", "than"}, DurationQualifier::kWithin},
    {{"in", "any", "case", "within"}, DurationQualifier::kWithin},
    {{"in", "no", "event", "later", "than"}, DurationQualifier::kWithin},
    {{"in", "no", "event", "more", "than"}, DurationQualifier::kWithin},
    {{"in", "no", "case", "later", "than"}, DurationQualifier::kWithin},
    {{"no", "later", "than"}, DurationQualifier::kWithin},
    {{"not", "later", "than"}, DurationQualifier::kWithin},
    {{"within", "a", "period", "of"}, DurationQualifier::kWithin},
    {{"within", "a", "maximum", "period", "of"}, DurationQualifier::kWithin},
    {{"within", "a", "maximum", "of"}, DurationQualifier::kWithin},
    {{"within", "the", "next"}, DurationQualifier::kWithin},
    {{"within", "the"}, DurationQualifier::kWithin},
    {{"within"}, DurationQualifier::kWithin},
    {{"at", "least"}, DurationQualifier::kAtLeast},
    {{"no", "less", "than"}, DurationQualifier::kAtLeast},
    {{"not", "less", "than"}, DurationQualifier::kAtLeast},
    {{"no", "fewer", "than"}, DurationQualifier::kAtLeast},
    {{"not", "fewer", "than"}, DurationQualifier::kAtLeast},
    {{"a", "minimum", "of"}, DurationQualifier::kAtLeast},
    {{"minimum", "of"}, DurationQualifier::kAtLeast},
    {{"up", "to"}, DurationQualifier::kUpTo},
    {{"no", "more", "than"}, DurationQualifier::kUpTo},
    {{"not", "more", "than"}, DurationQualifier::kUpTo},
    {{"a", "maximum", "of"}, DurationQualifier::kUpTo},
    {{"maximum", "of"}, DurationQualifier::kUpTo},
    {{"not", "to", "exceed"}, DurationQualifier::kUpTo},
    {{"not", "exceeding"}, DurationQualifier::kUpTo},
    {{"no", "longer", "than"}, DurationQualifier::kUpTo},
    {{"not", "longer", "than"}, DurationQualifier::kUpTo},
    {{"at", "most"}, DurationQualifier::kUpTo},
    {{"not", "earlier", "than"}, DurationQualifier::kNotBefore},
    {{"no", "earlier", "than"}, DurationQualifier::kNotBefore},
    {{"not", "sooner", "than"}, DurationQualifier::kNotBefore},
    {{"no", "sooner", "than"}, DurationQualifier::kNotBefore},
    {{"not", "before"}, DurationQualifier::kNotBefore},
    {{"more", "than"}, DurationQualifier::kMoreThan},
    {{"longer", "than"}, DurationQualifier::kMoreThan},
    {{"greater", "than"}, DurationQualifier::kMoreThan},
    {{"in", "excess", "of"}, DurationQualifier::kMoreThan},
    {{"exceeding"}, DurationQualifier::kMoreThan},
    {{"exceeds"}, DurationQualifier::kMoreThan},
    {{"exceed"}, DurationQualifier::kMoreThan},
};

// The longest qualifier phrase ending at token `last`; *begin gets its first token.
DurationQualifier QualifierEndingAt(const Tokens& t, std::size_t last, std::size_t* begin) {
  DurationQualifier best = DurationQualifier::kNone;
  std::size_t best_size = 0;
  for (const QualifierPhrase& phrase : kQualifierPhrases) {
    if (phrase.words.size() > best_size && t.PhraseBefore(last, phrase.words)) {
      best = phrase.qualifier;
      best_size = phrase.words.size();
      *begin = last + 1 - best_size;
    }
  }
  return best;
}

// The qualifier right before token `first`, also across one article ("within a 30-day
// period"); *begin gets its first token.
DurationQualifier QualifierBefore(const Tokens& t, std::size_t first, std::size_t* begin) {
  if (first == 0) return DurationQualifier::kNone;
  DurationQualifier q = QualifierEndingAt(t, first - 1, begin);
  if (q == DurationQualifier::kNone && first >= 2 && t.IsAny(first - 1, {"a", "an"})) {
    q = QualifierEndingAt(t, first - 2, begin);
  }
  return q;
}

// "30 days' prior written notice", "10 days in advance", "30 days notice": a minimum notice.
bool IsNoticeAfter(const Tokens& t, std::size_t unit_token) {
  std::size_t k = unit_token + 1;
  if (t.Is(k, "'") && t.Attached(k)) ++k;
  return t.IsAny(k, {"prior", "advance", "notice"}) || t.Phrase(k, {"written", "notice"}) ||
         t.Phrase(k, {"in", "advance"});
}

// IsNoticeAfter, or "30 days before the audit", "30 days prior to", "two weeks ahead of",
// "30 days of prior notice": the duration is advance notice.
bool IsAdvanceAfter(const Tokens& t, std::size_t unit_token) {
  if (IsNoticeAfter(t, unit_token)) return true;
  std::size_t k = unit_token + 1;
  if (t.Is(k, "'") && t.Attached(k)) ++k;
  if (t.IsAny(k, {"before", "beforehand", "ahead", "notification"})) return true;
  return t.Is(k, "of") && t.IsAny(k + 1, {"prior", "advance", "notice", "written"});
}

// "notice of [at least] 30 days", "a notice period of 30 days", "the notice period shall be 30
// days": "notice" a few connecting words before the number (or its qualifier) at `first`.
// Also "the prior notice of any new vendor is 30 days", "advance notice for changes shall be
// ten days": the notice is the subject and the number is what it "is" or "shall be", with a
// short complement ("of any new vendor") in between (up to six words, no punctuation).
bool IsNoticeBefore(const Tokens& t, std::size_t first) {
  std::size_t k = first;
  for (int skipped = 0; k > 0 && skipped <= 4; ++skipped) {
    --k;
    if (t.IsAny(k, {"notice", "notification"})) return true;
    if (!t.IsAny(k, {"of", "is", "be", "shall", "will", "must", "period", "a", "minimum"})) {
      break;
    }
  }
  if (first == 0 || !t.IsAny(first - 1, {"is", "be"})) return false;
  k = first - 1;
  for (int skipped = 0; k > 0 && skipped <= 8; ++skipped) {
    --k;
    if (!t.IsWord(k)) return false;
    if (t.IsAny(k, {"notice", "notification"}) && t.IsAny(k - 1, {"prior", "advance"})) {
      return true;
    }
    if (t.IsAny(k, {"within", "after", "following", "and", "or", "but", "may", "has", "have"})) {
      return false;
    }
  }
  return false;
}

// The time period of Clause 9(a) of the EU SCCs (Option 2, general written authorisation): "the
// time period of seven days shall apply in Clause 9(a)", "for Clause 9(a) the period is 14
// days". That clause's blank is how long in advance the data importer informs the exporter of
// an intended change of sub-processors, so the duration (with "period" among the six tokens
// before it, `first` its first token) is advance notice.
bool IsSccChangeNoticePeriod(const Tokens& t, std::size_t first) {
  static const RE2 kClause9a("\\bclause 9 ?\\(a\\)");
  bool period = false;
  for (std::size_t k = first, skipped = 0; k > 0 && skipped < 6 && !period; ++skipped) {
    --k;
    period = t.IsAny(k, {"period", "periods"});
  }
  return period && RE2::PartialMatch(t.text(), kClause9a);
}

// "per twelve (12) month period", "in any 12-month period", "every 12 months", "each rolling
// 30-day period": the number at `first` follows per/every/each/any (across adjectives such as
// "rolling" or "calendar"), so the duration is the period of a frequency.
bool IsFrequencyPeriod(const Tokens& t, std::size_t first) {
  std::size_t k = first;
  for (int skipped = 0; k > 0 && skipped <= 2; ++skipped) {
    --k;
    if (t.IsAny(k, {"per", "every", "each", "any"})) return true;
    if (!t.IsAny(k, {"calendar", "fiscal", "contract", "rolling", "consecutive", "financial",
                     "billing", "subscription", "full"})) {
      return false;
    }
  }
  return false;
}

// "within an hour", "up to a year": an article counts as one after a qualifier.
std::optional<Duration> ReadArticleDuration(const Tokens& t, std::size_t i, std::size_t* last) {
  if (!t.IsAny(i, {"a", "an"})) return std::nullopt;
  std::size_t begin = i;
  const DurationQualifier qualifier = QualifierBefore(t, i, &begin);
  if (qualifier == DurationQualifier::kNone) return std::nullopt;
  bool business = false;
  std::size_t unit_token = 0;
  const std::optional<scan::UnitRead> unit = scan::ReadUnit(t, i + 1, &business, &unit_token);
  if (!unit || t.Is(i + 1, "-")) return std::nullopt;
  Duration d;
  d.value = unit->factor;
  d.unit = unit->unit;
  d.business = business;
  d.qualifier = qualifier;
  d.begin = t[begin].begin;
  d.end = t[unit_token].end;
  *last = unit_token;
  return d;
}

}  // namespace

std::vector<Duration> FindDurations(std::string_view folded) {
  const Tokens t(folded);
  std::vector<Duration> out;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t last = 0;
    if (std::optional<Duration> d = ReadArticleDuration(t, i, &last)) {
      out.push_back(*d);
      i = last + 1;
      continue;
    }
    std::optional<scan::DurationRead> read = scan::ReadDuration(t, i);
    if (!read) {
      ++i;
      continue;
    }
    Duration d = read->duration;
    std::size_t begin = read->first;
    const DurationQualifier before = QualifierBefore(t, read->first, &begin);
    if (before != DurationQualifier::kNone) {
      d.qualifier = before;
      d.begin = t[begin].begin;
    } else if (d.qualifier == DurationQualifier::kNone && IsNoticeAfter(t, read->last)) {
      d.qualifier = DurationQualifier::kAtLeast;
    }
    // "notice within 30 days" is a deadline to give notice, not advance notice.
    const bool may_follow_notice =
        d.qualifier == DurationQualifier::kNone || d.qualifier == DurationQualifier::kAtLeast;
    d.notice = IsAdvanceAfter(t, read->last) || (may_follow_notice && IsNoticeBefore(t, begin)) ||
               (may_follow_notice && IsSccChangeNoticePeriod(t, begin));
    d.frequency_period = before == DurationQualifier::kNone && IsFrequencyPeriod(t, read->first);
    out.push_back(d);
    i = read->last + 1;
  }
  // A duration inside a frequency ("once during the same 12 month period", "one audit in any
  // period of twelve (12) consecutive months") is the period of that frequency.
  if (out.empty()) return out;
  const std::vector<Frequency> frequencies = FindFrequencies(folded);
  std::size_t f = 0;
  for (Duration& d : out) {
    while (f < frequencies.size() && frequencies[f].end < d.end) ++f;
    if (f < frequencies.size() && frequencies[f].begin <= d.begin && d.end <= frequencies[f].end) {
      d.frequency_period = true;
    }
  }
  return out;
}

std::vector<VagueTerm> FindVagueTerms(std::string_view folded) {
  static const RE2 kVague(
      "\\b(immediately|promptly|without (?:undue|unreasonable) delay|without delay|"
      "as (?:soon|promptly) as (?:is )?(?:reasonably |commercially reasonably )?"
      "(?:practicable|possible|feasible)|in a timely (?:manner|fashion)|forthwith|"
      "expeditiously)\\b");
  static const RE2 kNotVague("^ (?:preceding|prior|before|previous)\\b");
  std::vector<VagueTerm> out;
  const re2::StringPiece text(folded.data(), folded.size());
  std::size_t pos = 0;
  re2::StringPiece match;
  while (pos <= text.size() && kVague.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
    const std::size_t end = begin + match.size();
    pos = end > begin ? end : begin + 1;
    const std::string_view m(match.data(), match.size());
    std::string term;
    if (m == "immediately") {
      // "the twelve months immediately preceding the claim" is a period, not a deadline.
      if (RE2::PartialMatch(text.substr(end), kNotVague)) continue;
      term = "immediately";
    } else if (m.rfind("without", 0) == 0) {
      term = m == "without delay" ? "without delay" : "without undue delay";
    } else if (m.rfind("as ", 0) == 0) {
      term = "as soon as practicable";
    } else if (m.rfind("in a timely", 0) == 0) {
      term = "in a timely manner";
    } else {
      term = std::string(m);
    }
    out.push_back(VagueTerm{std::move(term), begin, end});
  }
  return out;
}

namespace {

struct TriggerHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  const char* kind = "";
};

std::string_view WordBefore(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && text[start - 1] >= 'a' && text[start - 1] <= 'z') --start;
  return text.substr(start, end - start);
}

std::string_view WordAfter(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start < text.size() && text[start] == ' ') ++start;
  std::size_t stop = start;
  while (stop < text.size() && text[stop] >= 'a' && text[stop] <= 'z') ++stop;
  return text.substr(start, stop - start);
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A word that puts a suspected or possible event beside a confirmed one ("suspected or
// confirmed", "actual or confirmed").
bool IsSuspicionWord(std::string_view word) {
  return OneOf(word, {"suspected", "suspect", "potential", "possible", "actual", "alleged",
                      "attempted", "probable", "likely", "unconfirmed"});
}

// False for uses that are not a clock: "per occurrence" (insurance), "intrusion detection",
// "detection systems", "e-discovery", "confirmation of receipt", "suspected or confirmed
// incidents" (which incidents), an identification that is not the event's ("as identified in");
// "of being identified" and "upon identification" are discovery.
bool IsClockUse(std::string_view text, const TriggerHit& hit) {
  const std::string_view before = WordBefore(text, hit.begin);
  const std::string_view after = WordAfter(text, hit.end);
  const std::string_view word = text.substr(hit.begin, hit.end - hit.begin);
  if (word.rfind("occur", 0) == 0) {
    // "any incident that occurs" (or "that has occurred") says which incidents; it starts no
    // clock (issue 15 #4). "after it occurs", "of the breach occurring" do.
    if (OneOf(before, {"that", "which"})) return false;
    if (OneOf(before, {"has", "have", "had", "may", "might"})) {
      const std::size_t at = static_cast<std::size_t>(before.data() - text.data());
      if (OneOf(WordBefore(text, at), {"that", "which"})) return false;
    }
    return !OneOf(before, {"per", "each", "one"});
  }
  if (word.rfind("detect", 0) == 0) {
    return !OneOf(before, {"intrusion", "threat", "anomaly", "malware", "virus", "fraud"}) &&
           !OneOf(after,
                  {"system", "systems", "tool", "tools", "software", "capabilities", "capability",
                   "technology", "technologies", "mechanisms", "controls", "and"});
  }
  if (word.rfind("discover", 0) == 0) {
    return !(hit.begin > 0 && text[hit.begin - 1] == '-') &&
           !OneOf(after, {"request", "requests", "proceedings", "process", "rules"});
  }
  if (word.rfind("identif", 0) == 0) {
    // "within one hour of being identified", "upon identification"; not "as identified in".
    return OneOf(before, {"being", "upon", "after", "following", "on"});
  }
  if (word.rfind("confirm", 0) == 0) {
    // "suspected or confirmed incidents", "confirmed or suspected breaches", "potential or
    // confirmed loss" say which incidents count (issue 15): no clock runs from confirmation.
    if (OneOf(before, {"or", "and"})) {
      const std::size_t at = static_cast<std::size_t>(before.data() - text.data());
      if (IsSuspicionWord(WordBefore(text, at))) return false;
    }
    if (OneOf(after, {"or", "and"}) &&
        IsSuspicionWord(WordAfter(text, static_cast<std::size_t>(after.data() - text.data()) +
                                            after.size()))) {
      return false;
    }
    return !OneOf(after, {"receipt", "that"});
  }
  return true;
}

std::vector<TriggerHit> FindTriggerWords(std::string_view folded) {
  static const RE2 kTrigger(
      "\\b(?:"
      "(occurr(?:ence|ences|ed|ing)|occurs|from the time of (?:the|such|a|any) "
      "(?:[a-z]+ ){0,2}(?:breach|incident))|"
      "((?:becom(?:e|es|ing)|became|been made|is made|are made|was made|being made|be made) "
      "aware|aware of|learn(?:s|ed|t|ing)? (?:of|about)|upon learning|"
      "(?:gain(?:s|ed|ing)?|obtain(?:s|ed|ing)?|ha(?:s|d|ve|ving)|acquir(?:e|es|ed|ing)|actual|"
      "upon|after|on|of) knowledge|'s (?:awareness|knowledge)|"
      "(?:upon|after|on|its|their) awareness)|"
      "(discover(?:y|ies|s|ed|ing)?|detect(?:s|ed|ing|ion)?|identif(?:ied|ication|ying))|"
      "(confirm(?:s|ed|ing|ation)?)"
      ")\\b");
  static const char* const kKinds[] = {"occurrence", "awareness", "discovery", "confirmation"};
  std::vector<TriggerHit> out;
  const re2::StringPiece text(folded.data(), folded.size());
  re2::StringPiece groups[5];
  std::size_t pos = 0;
  while (pos <= text.size() && kTrigger.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 5)) {
    TriggerHit hit;
    hit.begin = static_cast<std::size_t>(groups[0].data() - text.data());
    hit.end = hit.begin + groups[0].size();
    pos = hit.end > hit.begin ? hit.end : hit.begin + 1;
    for (int k = 1; k < 5; ++k) {
      if (groups[k].data() != nullptr) hit.kind = kKinds[k - 1];
    }
    if (IsClockUse(folded, hit)) out.push_back(hit);
  }
  return out;
}

// True when the words between a deadline's end and a trigger start with a word that anchors a
// clock ("of", "after", "from", ...) and number at most ten.
bool IsAnchored(std::string_view folded, std::size_t deadline_end, std::size_t trigger_begin) {
  if (trigger_begin - deadline_end > 160) return false;
  const std::string_view gap = folded.substr(deadline_end, trigger_begin - deadline_end);
  const std::string_view first = WordAfter(gap, 0);
  if (!OneOf(first, {"of", "after", "from", "following", "upon", "on", "since", "once", "when"})) {
    return false;
  }
  return std::count(gap.begin(), gap.end(), ' ') <= 11;
}

}  // namespace

// Picks, in order of preference: the trigger anchored right after a deadline ("72 hours of
// becoming aware"), the first trigger after the first deadline, the first trigger. The
// preference keeps "notify of any confirmed incident within 72 hours of becoming aware" on
// awareness.
std::optional<std::string> FindTrigger(std::string_view folded) {
  const std::vector<TriggerHit> hits = FindTriggerWords(folded);
  if (hits.empty()) return std::nullopt;
  std::vector<std::size_t> deadline_ends;
  for (const Duration& d : FindDurations(folded)) deadline_ends.push_back(d.end);
  for (const VagueTerm& v : FindVagueTerms(folded)) deadline_ends.push_back(v.end);
  std::sort(deadline_ends.begin(), deadline_ends.end());
  // Hits are in text order: one pass pairs each deadline with the first trigger after it.
  std::size_t h = 0;
  for (std::size_t end : deadline_ends) {
    while (h < hits.size() && hits[h].begin < end) ++h;
    if (h == hits.size()) break;
    if (IsAnchored(folded, end, hits[h].begin)) return std::string(hits[h].kind);
  }
  if (!deadline_ends.empty()) {
    for (const TriggerHit& hit : hits) {
      if (hit.begin >= deadline_ends.front()) return std::string(hit.kind);
    }
  }
  return std::string(hits.front().kind);
}

}  // namespace clausescan::internal

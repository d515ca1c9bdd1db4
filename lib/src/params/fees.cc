// Liability caps stated as a multiple of fees over a look-back period.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "params/quantities.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace {

using scan::NumberRead;
using scan::Tokens;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kTimes = "\xC3\x97";  // ×

// A multiplier: "two times (2x)", "2x", "3×", "twice", "double", "one and a half times",
// "150% of".
struct MultipleRead {
  double value = 1;
  std::size_t first = 0;
  std::size_t last = 0;
};

// "one hundred fifty percent (150%) of", "150 per cent of": the number read, then percent
// words, then "of". The figures in parentheses win over the words.
std::optional<MultipleRead> ReadPercentInWords(const Tokens& t, const NumberRead& number) {
  std::size_t j = number.last + 1;
  if (t.Phrase(j, {"per", "cent"})) {
    ++j;
  } else if (!t.Is(j, "percent")) {
    return std::nullopt;
  }
  MultipleRead read{number.value / 100, number.first, j};
  if (t.Is(j + 1, "(") && t.IsNumber(j + 2) && t.Is(j + 3, "%") && t.Is(j + 4, ")")) {
    if (std::optional<double> digits = scan::ParseDigitLiteral(t.Text(j + 2))) {
      read.value = *digits / 100;
      j += 4;
    }
  }
  if (!t.Is(j + 1, "of")) return std::nullopt;
  read.last = j + 1;
  return read;
}

std::optional<MultipleRead> ReadMultiple(const Tokens& t, std::size_t i) {
  if (t.IsAny(i, {"twice", "double"})) return MultipleRead{2, i, i};
  if (t.IsAny(i, {"triple", "treble"})) return MultipleRead{3, i, i};
  const std::optional<NumberRead> number = scan::ReadNumber(t, i);
  if (!number || scan::IsReference(t, i)) return std::nullopt;
  const std::size_t j = number->last + 1;
  // "2x" but not "24x7".
  const bool glued_x = t.Attached(j) && (t.Is(j, "x") || t.Is(j, kTimes)) &&
                       !(t.IsNumber(j + 1) && t.Attached(j + 1));
  if (t.Is(j, "times")) {
    MultipleRead read{number->value, i, j};
    // "two times (2x)": the figures win.
    if (t.Is(j + 1, "(") && t.IsNumber(j + 2) && t.IsAny(j + 3, {"x", kTimes}) &&
        t.Is(j + 4, ")")) {
      if (std::optional<double> digits = scan::ParseDigitLiteral(t.Text(j + 2))) {
        read.value = *digits;
        read.last = j + 4;
      }
    }
    return read;
  }
  if (number->has_digits && glued_x) return MultipleRead{number->value, i, j};
  if (t.Is(j, "%") && t.Is(j + 1, "of")) return MultipleRead{number->value / 100, i, j + 1};
  return ReadPercentInWords(t, *number);
}

// True for the word that carries the fees: "fees", "fee", "charges", or "amount(s)"/"sums"
// followed by paid/payable/received.
bool IsFeeNoun(const Tokens& t, std::size_t i) {
  if (t.IsAny(i, {"fees", "fee", "charges"})) {
    // "attorneys' fees" are not the contract's fees; "twelve months' fees" are.
    if (t.Is(i - 1, "'") && i >= 2 && !t.IsAny(i - 2, {"months", "years", "quarters", "weeks"})) {
      return false;
    }
    return !t.IsAny(i - 1,
                    {"legal", "attorney", "attorneys", "court", "filing", "arbitration", "late"});
  }
  if (!t.IsAny(i, {"amount", "amounts", "sums"})) return false;
  for (std::size_t k = i + 1; k <= i + 3; ++k) {
    if (t.IsAny(k, {"paid", "payable", "received"})) return true;
  }
  return false;
}

bool IsPaidWord(const Tokens& t, std::size_t i) {
  return t.IsAny(i, {"paid", "payable", "received", "receivable", "charged", "invoiced", "owed"});
}

bool IsBoundary(const Tokens& t, std::size_t i) { return t.IsAny(i, {";", ".", ":", "!", "?"}); }

// Months of a duration whose unit is months or years, else 0.
double MonthsOf(const Duration& d) {
  if (d.unit == TimeUnit::kMonths) return d.value;
  if (d.unit == TimeUnit::kYears) return d.value * 12;
  if (d.unit == TimeUnit::kQuarters) return d.value * 3;
  return 0;
}

// Every duration in the text, indexed by its first and by its last token.
struct DurationIndex {
  std::vector<scan::DurationRead> reads;
  std::vector<std::size_t> by_first;  // token -> index into reads, or kNone
  std::vector<std::size_t> by_last;

  explicit DurationIndex(const Tokens& t) : by_first(t.size(), kNone), by_last(t.size(), kNone) {
    std::size_t i = 0;
    while (i < t.size()) {
      std::optional<scan::DurationRead> read = scan::ReadDuration(t, i);
      if (!read) {
        ++i;
        continue;
      }
      by_first[read->first] = reads.size();
      by_last[read->last] = reads.size();
      reads.push_back(*read);
      i = read->last + 1;
    }
  }
};

// "12 months of fees", "one year of license fees": the duration before "of" before the noun.
std::optional<scan::DurationRead> LookBackBefore(const Tokens& t, const DurationIndex& index,
                                                 std::size_t noun) {
  std::size_t k = noun;
  for (int skipped = 0; k > 0 && skipped <= 3; ++skipped) {
    --k;
    if (t.Is(k, "of")) {
      if (k == 0 || index.by_last[k - 1] == kNone) return std::nullopt;
      const scan::DurationRead& read = index.reads[index.by_last[k - 1]];
      if (MonthsOf(read.duration) == 0) return std::nullopt;
      return read;
    }
    if (!t.IsWord(k)) return std::nullopt;
  }
  return std::nullopt;
}

// "the annual fees", "the yearly subscription fees", "one year's fees", "twelve (12) months'
// fees": a look-back written before the fee noun (across up to two other words), in months.
// Sets *first to its first token.
std::optional<double> LookBackAdjective(const Tokens& t, const DurationIndex& index,
                                        std::size_t noun, std::size_t* first) {
  std::size_t k = noun;
  for (int skipped = 0; k > 0 && skipped <= 2; ++skipped) {
    --k;
    *first = k;
    if (t.IsAny(k, {"annual", "yearly", "annualized", "annualised"})) return 12;
    if (t.Is(k, "quarterly")) return 3;
    if (t.Is(k, "monthly")) return 1;
    // A possessive look-back: "months' fees", "year's fees".
    std::size_t owner = k;
    if (t.Is(k, "s") && t.Attached(k) && t.Is(k - 1, "'")) owner = k - 1;
    if (t.Is(owner, "'") && t.Attached(owner) && owner > 0 && index.by_last[owner - 1] != kNone) {
      const scan::DurationRead& read = index.reads[index.by_last[owner - 1]];
      if (double months = MonthsOf(read.duration); months > 0) {
        *first = read.first;
        return months;
      }
      return std::nullopt;
    }
    if (!t.IsWord(k) || t.IsAny(k, {"the", "of", "a", "an", "and", "or", "in", "to", "by"})) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

struct FeeContext {
  double months = 0;
  std::size_t last = 0;  // last token used after the noun
  bool paid = false;
  double multiplied_by = 0;
};

// Reads up to 30 tokens after the fee noun: paid/payable, the first duration in months or
// years ("in the twelve (12) months preceding"), "the preceding year", "multiplied by 3".
FeeContext ReadAfter(const Tokens& t, const DurationIndex& index, std::size_t noun) {
  FeeContext context;
  context.last = noun;
  const std::size_t stop = std::min(t.size(), noun + 31);
  bool coordinated = true;  // only words since the noun, one of them "and" / "or"
  bool conjunction = false;
  for (std::size_t k = noun + 1; k < stop && !IsBoundary(t, k); ++k) {
    // Another fee noun starts another amount, unless it is coordinated with this one
    // ("the license fees and support fees paid in the 12 months").
    if (k > noun + 1 && IsFeeNoun(t, k) && !(coordinated && conjunction)) break;
    if (!t.IsWord(k)) coordinated = false;
    if (t.IsAny(k, {"and", "or"})) conjunction = true;
    if (IsPaidWord(t, k) && k <= noun + 8) context.paid = true;
    if (t.Phrase(k, {"multiplied", "by"}) && k <= noun + 4) {
      if (std::optional<NumberRead> n = scan::ReadNumber(t, k + 2)) {
        context.multiplied_by = n->value;
        context.last = std::max(context.last, n->last);
      }
    }
    if (context.months == 0 && index.by_first[k] != kNone) {
      const scan::DurationRead& read = index.reads[index.by_first[k]];
      if (double months = MonthsOf(read.duration); months > 0) {
        context.months = months;
        context.last = std::max(context.last, read.last);
      }
    }
    if (context.months == 0 && t.Is(k, "year") &&
        t.IsAny(k - 1, {"preceding", "prior", "previous", "last", "past"})) {
      context.months = 12;
      context.last = std::max(context.last, k);
    }
  }
  return context;
}

// The multiplier ending at most 12 tokens before the noun, with no boundary in between.
std::optional<MultipleRead> MultipleBefore(const Tokens& t,
                                           const std::vector<std::optional<MultipleRead>>& by_last,
                                           std::size_t noun) {
  for (std::size_t back = 1; back <= 12 && back <= noun; ++back) {
    const std::size_t k = noun - back;
    if (IsBoundary(t, k) || t.Is(k, ",")) return std::nullopt;
    if (by_last[k]) return by_last[k];
  }
  return std::nullopt;
}

}  // namespace

std::vector<FeeMultiple> FindFeeMultiples(std::string_view folded) {
  const Tokens t(folded);
  const DurationIndex durations(t);
  std::vector<std::optional<MultipleRead>> multiple_by_last(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (std::optional<MultipleRead> m = ReadMultiple(t, i)) {
      multiple_by_last[m->last] = m;
      i = m->last;
    }
  }
  std::vector<FeeMultiple> out;
  std::size_t covered = 0;  // tokens before this belong to an earlier match
  for (std::size_t noun = 0; noun < t.size(); ++noun) {
    if (noun < covered || !IsFeeNoun(t, noun)) continue;
    const std::optional<MultipleRead> multiple = MultipleBefore(t, multiple_by_last, noun);
    const std::optional<scan::DurationRead> before = LookBackBefore(t, durations, noun);
    std::size_t adjective_first = noun;
    const std::optional<double> adjective = LookBackAdjective(t, durations, noun, &adjective_first);
    const FeeContext after = ReadAfter(t, durations, noun);
    const bool relative = multiple || before || adjective || after.multiplied_by > 0 ||
                          (after.months > 0 && after.paid);
    if (!relative) continue;
    FeeMultiple fee;
    fee.multiple = multiple ? multiple->value : (after.multiplied_by > 0 ? after.multiplied_by : 1);
    fee.months = before ? MonthsOf(before->duration) : (adjective ? *adjective : after.months);
    std::size_t first = noun;
    if (multiple) first = std::min(first, multiple->first);
    if (before) first = std::min(first, before->first);
    if (adjective) first = std::min(first, adjective_first);
    const std::size_t last = std::max(noun, after.last);
    fee.begin = t[first].begin;
    fee.end = t[last].end;
    out.push_back(fee);
    covered = last + 1;
  }
  return out;
}

}  // namespace clausescan::internal

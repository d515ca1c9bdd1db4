#include "params/extract.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

#include "params/quantities.h"

namespace clausescan::internal {
namespace {

// RE2's memory budget of a pattern list: the budget a pack's lists are checked with (Check), and
// of this file's own patterns.
constexpr int64_t kCheckedMaxMem = int64_t{8} << 20;
// The budget a parameter's lists run with (a program larger than it gets kCheckedMaxMem). Their
// DFAs keep the states the clauses read make, up to the budget, and a full cache is reset and
// filled again: measured on the whole of CUAD, one job, 8 MiB held 12 MB more at the peak than 1
// MiB for 0.5 % fewer instructions (issue 12: peak memory; benchmarks/README.md).
constexpr int64_t kParamMaxMem = int64_t{1} << 20;

RE2::Options ExtractorOptions(int64_t max_mem = kCheckedMaxMem) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Joins patterns into one alternation so a list costs one scan: "(?:a)|(?:b)".
std::string Alternation(const std::vector<std::string>& patterns) {
  std::string joined;
  for (const std::string& pattern : patterns) {
    if (!joined.empty()) joined += '|';
    joined += "(?:";
    joined += pattern;
    joined += ')';
  }
  return joined;
}

// The alternation of patterns compiled with kParamMaxMem, or with kCheckedMaxMem when its
// program is larger; null when patterns is empty or RE2 rejects it (the rule loader has rejected
// such a pattern already: a null list matches nothing).
std::unique_ptr<RE2> CompileList(const std::vector<std::string>& patterns) {
  if (patterns.empty()) return nullptr;
  const std::string alternation = Alternation(patterns);
  auto re = std::make_unique<RE2>(alternation, ExtractorOptions(kParamMaxMem));
  if (!re->ok()) re = std::make_unique<RE2>(alternation, ExtractorOptions());
  if (!re->ok()) return nullptr;
  return re;
}

bool Matches(const std::unique_ptr<RE2>& re, std::string_view text) {
  return re != nullptr && RE2::PartialMatch(text, *re);
}

// The duration a spec reports, or nullptr. With Prefer::kWithin: the first "within" deadline,
// else the first duration that is not the period of a frequency, else the first period of a
// frequency ("updates every 24 hours" states a cadence). With Prefer::kNotice: the first
// duration of advance notice, else none. Other durations of a notice clause are not a notice
// and would mislead a playbook that judges the notice: "for two (2) years after termination"
// (how long the right lasts), "records kept for six years", "object within 10 days" (the other
// party's window), "notify within 30 days after the change" (a deadline after the fact), and
// "once per twelve (12) month period" (a cadence).
// With Prefer::kPeriod: the first duration that is none of a "within" deadline, an advance
// notice or the period of a frequency ("records kept for 3 years after the DPA ends", not
// "provided within 10 days of a request"), else none.
// A waiting period ("not earlier than twenty (20) business days after") is neither a deadline
// nor a notice, and is never reported (issue 15, reading numbers).
const Duration* PickDuration(const std::vector<Duration>& durations, ParamSpec::Prefer prefer) {
  if (prefer == ParamSpec::Prefer::kPeriod) {
    for (const Duration& d : durations) {
      if (!d.notice && !d.frequency_period && d.qualifier != DurationQualifier::kNotBefore &&
          d.qualifier != DurationQualifier::kWithin) {
        return &d;
      }
    }
    return nullptr;
  }
  if (prefer == ParamSpec::Prefer::kNotice) {
    for (const Duration& d : durations) {
      if (d.notice && !d.frequency_period && d.qualifier != DurationQualifier::kNotBefore) {
        return &d;
      }
    }
    return nullptr;
  }
  const Duration* first = nullptr;
  const Duration* first_period = nullptr;
  for (const Duration& d : durations) {
    if (d.qualifier == DurationQualifier::kNotBefore) continue;
    if (d.frequency_period) {
      if (first_period == nullptr) first_period = &d;
      continue;
    }
    if (d.qualifier == DurationQualifier::kWithin) return &d;
    if (first == nullptr) first = &d;
  }
  return first != nullptr ? first : first_period;
}

}  // namespace

// The alternation of one pattern list, compiled on its first use (issue 12: start-up; a flag's
// `none` list, or an enum's later values, only when a text gets that far), once under
// std::call_once, so concurrent readers are safe and later calls take no lock.
class ParamPatternList {
 public:
  explicit ParamPatternList(const std::vector<std::string>* patterns) : patterns_(patterns) {}
  // The compiled list, null when it is empty or RE2 rejects it. Thread-safe.
  const std::unique_ptr<RE2>& Get() const {
    std::call_once(once_, [this] { re_ = CompileList(*patterns_); });
    return re_;
  }

 private:
  const std::vector<std::string>* patterns_;  // outlives this (the spec that holds both)
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// One parameter. Its RE2s compile on first use, each list apart (see ParamPatternList).
struct ParamExtractor::Compiled {
  explicit Compiled(const ParamSpec& spec_in)
      : spec(spec_in), any(&spec.any), none(&spec.none) {
    for (const auto& [key, patterns] : spec.values) values.emplace_back(&patterns);
  }
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;

  const ParamSpec spec;
  ParamPatternList any;                 // kFlag, kDuration, kPercent
  ParamPatternList none;                // kFlag
  std::deque<ParamPatternList> values;  // kEnum, kSet: parallel to spec.values

  void Extract(std::string_view folded, std::map<std::string, ParamValue>* out) const;
  void ExtractDuration(std::string_view folded, std::map<std::string, ParamValue>* out) const;
  void ExtractQuantity(std::string_view folded, std::map<std::string, ParamValue>* out) const;
};

// The text a quantity (a duration or a percentage) at [at, at_end) attaches to: up to
// kAttachBefore bytes before it and kAttachAfter after it, neither crossing a sentence end or a
// semicolon.
constexpr std::size_t kAttachBefore = 60;
constexpr std::size_t kAttachAfter = 40;

std::string_view AttachedText(std::string_view folded, std::size_t at, std::size_t at_end) {
  std::size_t begin = at > kAttachBefore ? at - kAttachBefore : 0;
  const std::size_t stop = folded.substr(begin, at - begin).find_last_of(";.");
  if (stop != std::string_view::npos) begin += stop + 1;
  std::size_t end = std::min(folded.size(), at_end + kAttachAfter);
  const std::size_t cut = folded.substr(at_end, end - at_end).find_first_of(";.");
  if (cut != std::string_view::npos) end = at_end + cut;
  return folded.substr(begin, end - begin);
}

std::string_view AttachedText(std::string_view folded, const Duration& d) {
  return AttachedText(folded, d.begin, d.end);
}

// The part of AttachedText before the quantity at `at`.
std::string_view TextBefore(std::string_view folded, std::size_t at) {
  const std::string_view text = AttachedText(folded, at, at);
  return text.substr(0, at - static_cast<std::size_t>(text.data() - folded.data()));
}

// The text after a notice's content ("written notice to the agency that the patch was validated
// as not affecting the systems within 10 working days"): a notice, report or confirmation word
// followed by "that", "of" or "whether" in the duration's clause (from the last '.' or ';'
// before it). Returns the clause's text before the notice word's phrase (from the last comma
// before it) and, when the content coordinates another act ("notify the agency of each flaw and
// remediate it within 30 days"), the text after the last "and" or "then"; nullopt when the
// clause has no such notice before the duration.
struct NoticeSplit {
  std::string_view before;       // the notice's subject and verb: "the contractor will provide"
  std::string_view coordinated;  // "remediate it " after the last " and " of the content, or ""
};

// How far before a duration its notice's clause is read: bounds the work per duration. With it
// the reports of CUAD, ../shared/corpus and corpus/dev are byte-identical to those read without
// a bound (benchmarks/identical.sh), so no clause of those reaches further.
constexpr std::size_t kNoticeLead = 2000;

std::optional<NoticeSplit> SplitAtNoticeContent(std::string_view folded, const Duration& d) {
  static const RE2 kOpener = [] {
    RE2::Options options = ExtractorOptions();
    options.set_never_capture(false);
    return RE2(
        "(\\b(?:notice|notices|notify|notifies|notification|inform|informs|report|reports|confirm|"
        "confirms|confirmation|certify|certifies|certification|attest|attests)\\b[^.;]{0,40}?\\b(?:"
        "that|of|whether)\\b)",
        options);
  }();
  // The clause is read back at most kNoticeLead bytes: text with no sentence stop would
  // otherwise be read from its start for every duration in it (quadratic).
  const std::size_t window = d.begin > kNoticeLead ? d.begin - kNoticeLead : 0;
  const std::size_t stop = folded.substr(window, d.begin - window).find_last_of(";.");
  const std::size_t clause = stop == std::string_view::npos ? window : window + stop + 1;
  const std::string_view lead = folded.substr(clause, d.begin - clause);
  re2::StringPiece rest(lead.data(), lead.size());
  re2::StringPiece phrase;
  std::string_view last;
  while (RE2::FindAndConsume(&rest, kOpener, &phrase)) last = {phrase.data(), phrase.size()};
  if (last.empty()) return std::nullopt;
  const std::size_t phrase_begin = static_cast<std::size_t>(last.data() - lead.data());
  NoticeSplit split;
  const std::string_view before = lead.substr(0, phrase_begin);
  const std::size_t comma = before.find_last_of(',');
  split.before = comma == std::string_view::npos ? before : before.substr(comma + 1);
  const std::string_view content = lead.substr(phrase_begin + last.size());
  std::size_t coordinated = std::string_view::npos;
  for (std::string_view word : {" and ", " then "}) {
    const std::size_t at = content.rfind(word);
    if (at == std::string_view::npos) continue;
    const std::size_t from = at + word.size();
    if (coordinated == std::string_view::npos || from > coordinated) coordinated = from;
  }
  if (coordinated != std::string_view::npos) split.coordinated = content.substr(coordinated);
  return split;
}

// True when the patterns match the text a duration attaches to. A notice counted from an event
// ("notify the officer within 2 days after remediation of the flaw") is the notice's deadline,
// not the event's, so that event is left out (issue 15 #4); it runs to the next comma. A
// deadline counted from an event with no notice before it ("within 30 days after termination,
// delete ...") keeps the whole text.
bool AttachesTo(const std::unique_ptr<RE2>& any, std::string_view folded, const Duration& d) {
  static const RE2 kNotice("\\b(notif\\w*|inform\\w*|report\\w*|tell\\w*|advise\\w*)\\b",
                           ExtractorOptions());
  const std::string_view text = AttachedText(folded, d);
  const std::size_t at = d.end - static_cast<std::size_t>(text.data() - folded.data());
  if (const std::optional<NoticeSplit> split = SplitAtNoticeContent(folded, d)) {
    // issue 11/15 #2: after a notice's content the duration is the notice's deadline unless the
    // patterns name the act outside that content: in the notice's own clause, an act coordinated
    // after it, or the words after the duration (up to the next "and", the next act's)
    std::string_view after = text.substr(at);
    const std::size_t next_act = after.find(" and ");
    if (next_act != std::string_view::npos) after = after.substr(0, next_act);
    return Matches(any, split->before) || Matches(any, split->coordinated) || Matches(any, after);
  }
  const std::string_view before = text.substr(0, at);
  std::string_view after = text.substr(at);
  const std::size_t word = after.find_first_not_of(' ');
  if (word != std::string_view::npos && RE2::PartialMatch(before, kNotice)) {
    const std::string_view rest = after.substr(word);
    for (std::string_view anchor : {"after ", "following ", "upon ", "once ", "since "}) {
      if (rest.substr(0, anchor.size()) != anchor) continue;
      const std::size_t comma = rest.find(',');
      return Matches(any, before) ||
             (comma != std::string_view::npos && Matches(any, rest.substr(comma)));
    }
  }
  return Matches(any, text);
}

void ParamExtractor::Compiled::ExtractDuration(std::string_view folded,
                                               std::map<std::string, ParamValue>* out) const {
  std::vector<Duration> durations = FindDurations(folded);
  if (durations.empty()) return;
  const std::unique_ptr<RE2>& any = this->any.Get();
  if (any != nullptr) {
    // Only durations of what the patterns name count: "remediate ... within 10 days", not
    // "appoint a director within 10 days ... vulnerability management", nor "report within 2
    // days after remediation" (a period counted from what the patterns name).
    durations.erase(std::remove_if(durations.begin(), durations.end(),
                                   [&](const Duration& d) { return !AttachesTo(any, folded, d); }),
                    durations.end());
  }
  const Duration* d = PickDuration(durations, spec.prefer);
  if (d == nullptr) return;
  if (d->business && !spec.business_name.empty()) {
    (*out)[spec.business_name] = d->Days();
    (*out)[std::string(kBusinessParam)] = true;
    return;
  }
  (*out)[spec.name] = spec.unit == "days"     ? d->Days()
                      : spec.unit == "months" ? d->Months()
                                              : d->Hours();
  if (d->business && spec.business_flag) (*out)[std::string(kBusinessParam)] = true;
}

// Percent, money, fee and frequency parameters: the first match of the extractor.
void ParamExtractor::Compiled::ExtractQuantity(std::string_view folded,
                                               std::map<std::string, ParamValue>* out) const {
  switch (spec.type) {
    case ParamSpec::Type::kPercent: {
      // With `any`: the first percentage that what the patterns name leads up to, in the text
      // before it ("credits shall not exceed 20% of the fees", not "below 99.9%, credits up to
      // a maximum of 30%"'s 99.9).
      const std::unique_ptr<RE2>& lead = any.Get();
      for (const Percent& p : FindPercents(folded)) {
        if (lead != nullptr && !Matches(lead, TextBefore(folded, p.begin))) continue;
        (*out)[spec.name] = p.value;
        return;
      }
      return;
    }
    case ParamSpec::Type::kMoney: {
      const std::vector<Money> found = FindMoney(folded);
      if (found.empty()) return;
      (*out)[spec.name] = found.front().amount;
      if (!spec.currency_name.empty() && !found.front().currency.empty()) {
        (*out)[spec.currency_name] = found.front().currency;
      }
      return;
    }
    case ParamSpec::Type::kFeeMonths: {
      const std::vector<FeeMultiple> found = FindFeeMultiples(folded);
      if (!found.empty() && found.front().months > 0) {
        (*out)[spec.name] = found.front().multiple * found.front().months;
      }
      return;
    }
    case ParamSpec::Type::kFeeMultiple: {
      const std::vector<FeeMultiple> found = FindFeeMultiples(folded);
      if (!found.empty() && found.front().multiple != 1) {
        (*out)[spec.name] = found.front().multiple;
      }
      return;
    }
    case ParamSpec::Type::kFrequency: {
      const std::vector<Frequency> found = FindFrequencies(folded);
      if (!found.empty()) (*out)[spec.name] = found.front().per_year;
      return;
    }
    default:
      return;
  }
}

void ParamExtractor::Compiled::Extract(std::string_view folded,
                                       std::map<std::string, ParamValue>* out) const {
  switch (spec.type) {
    case ParamSpec::Type::kDuration:
      ExtractDuration(folded, out);
      return;
    case ParamSpec::Type::kVague: {
      const std::vector<VagueTerm> found = FindVagueTerms(folded);
      if (!found.empty()) (*out)[spec.name] = found.front().term;
      return;
    }
    case ParamSpec::Type::kTrigger:
      if (std::optional<std::string> trigger = FindTrigger(folded)) (*out)[spec.name] = *trigger;
      return;
    case ParamSpec::Type::kFlag:
      if (Matches(any.Get(), folded) && !Matches(none.Get(), folded)) {
        (*out)[spec.name] = true;
      }
      return;
    case ParamSpec::Type::kEnum:
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (Matches(values[i].Get(), folded)) {
          (*out)[spec.name] = spec.values[i].first;
          return;
        }
      }
      return;
    case ParamSpec::Type::kSet: {
      std::vector<std::string> keys;
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (Matches(values[i].Get(), folded)) keys.push_back(spec.values[i].first);
      }
      if (!keys.empty()) (*out)[spec.name] = std::move(keys);
      return;
    }
    default:
      ExtractQuantity(folded, out);
      return;
  }
}

namespace {

// The kind of defined term that may state a parameter of this type, or nullopt.
std::optional<TermKind> DefinedKind(ParamSpec::Type type) {
  switch (type) {
    case ParamSpec::Type::kDuration:
      return TermKind::kPeriod;
    case ParamSpec::Type::kMoney:
    case ParamSpec::Type::kFeeMonths:
    case ParamSpec::Type::kFeeMultiple:
      return TermKind::kCap;
    default:
      return std::nullopt;
  }
}

}  // namespace

void ParamExtractor::ExtractDefined(std::string_view folded, const Glossary& glossary, int scope,
                                    std::map<std::string, ParamValue>* out) const {
  ApplyDollarCurrency(folded, glossary, out);
  if (glossary.empty()) return;
  // issue 13 #2: awareness of a term defined as a confirmed event is confirmation; the finding
  // says which definition made it so (the clause's own words say awareness).
  for (const auto& param : params_) {
    if (param->spec.type != ParamSpec::Type::kTrigger) continue;
    auto it = out->find(param->spec.name);
    if (it == out->end()) continue;
    const std::string* trigger = std::get_if<std::string>(&it->second);
    if (trigger == nullptr || (*trigger != "awareness" && *trigger != "discovery")) continue;
    std::string event = glossary.ConfirmedEventNamed(folded, scope);
    if (event.empty()) continue;
    (*out)[param->spec.name + std::string(kDefinedBySuffix)] = std::move(event);
    it->second = std::string("confirmation");
  }
  std::optional<std::string> expanded[2];  // by TermKind, computed on first use
  std::string expanded_term[2];            // the first term each expansion replaced
  bool expanded_done[2] = {false, false};
  for (const auto& param : params_) {
    const std::optional<TermKind> kind = DefinedKind(param->spec.type);
    if (!kind || out->count(param->spec.name) > 0) continue;
    // A business-days duration goes to business_name: that one counts as stated too.
    if (!param->spec.business_name.empty() && out->count(param->spec.business_name) > 0) continue;
    const int k = static_cast<int>(*kind);
    if (!expanded_done[k]) {
      expanded[k] = glossary.Expand(folded, *kind, scope, &expanded_term[k]);
      expanded_done[k] = true;
    }
    if (!expanded[k]) continue;
    const std::string& got = *expanded[k];
    std::map<std::string, ParamValue> found;
    param->Extract(got, &found);
    for (auto& [name, value] : found) {
      // "within the Notice Period": the number is the definition's, not the clause's words.
      if (out->emplace(name, std::move(value)).second && name == param->spec.name) {
        (*out)[name + std::string(kDefinedBySuffix)] = expanded_term[k];
      }
    }
  }
}

void ParamExtractor::ApplyDollarCurrency(std::string_view folded, const Glossary& glossary,
                                         std::map<std::string, ParamValue>* out) const {
  for (const auto& param : params_) {
    const ParamSpec& spec = param->spec;
    if (spec.type != ParamSpec::Type::kMoney || spec.currency_name.empty()) continue;
    auto currency = out->find(spec.currency_name);
    if (currency == out->end()) continue;
    const std::vector<Money> found = FindMoney(folded);
    if (found.empty() || !found.front().bare_dollar) continue;
    currency->second = glossary.dollar_currency().empty() ? std::string(kDollarNotStated)
                                                          : glossary.dollar_currency();
  }
}

ParamExtractor::ParamExtractor() = default;
ParamExtractor::~ParamExtractor() = default;
ParamExtractor::ParamExtractor(ParamExtractor&&) noexcept = default;
ParamExtractor& ParamExtractor::operator=(ParamExtractor&&) noexcept = default;

std::optional<Error> ParamExtractor::Check(const std::vector<ParamSpec>& specs,
                                           const std::string& file) {
  for (const ParamSpec& spec : specs) {
    std::vector<const std::vector<std::string>*> lists = {&spec.any, &spec.none};
    for (const auto& [key, patterns] : spec.values) lists.push_back(&patterns);
    for (const std::vector<std::string>* patterns : lists) {
      if (patterns->empty()) continue;
      const RE2 re(Alternation(*patterns), ExtractorOptions());
      if (!re.ok()) {
        return Error(ErrorCode::kRuleError,
                     fmt::format("invalid pattern in parameter '{}': {}", spec.name, re.error()),
                     file, spec.line);
      }
    }
  }
  return std::nullopt;
}

ParamExtractor::Pool::Pool() = default;
ParamExtractor::Pool::~Pool() = default;

namespace {

// True when a and b read the same parameter (they may be declared on different lines). Pairs
// of another name or type are told apart before any copy (issue 12: start-up compared every
// spec of the pack with every other by copying it).
bool SameParameter(const ParamSpec& a, const ParamSpec& b) {
  if (a.name != b.name || a.type != b.type || a.any.size() != b.any.size() ||
      a.values.size() != b.values.size()) {
    return false;
  }
  ParamSpec b_at_a = b;
  b_at_a.line = a.line;
  return a == b_at_a;
}

}  // namespace

Result<ParamExtractor> ParamExtractor::Compile(const std::vector<ParamSpec>& specs,
                                               const std::string& /*file*/, Pool* pool) {
  ParamExtractor extractor;
  for (const ParamSpec& spec : specs) {
    std::shared_ptr<const Compiled> shared;
    if (pool != nullptr) {
      for (const auto& known : pool->compiled_) {
        if (SameParameter(known->spec, spec)) {
          shared = known;
          break;
        }
      }
    }
    if (shared == nullptr) {
      shared = std::make_shared<Compiled>(spec);
      if (pool != nullptr) pool->compiled_.push_back(shared);
    }
    extractor.params_.push_back(std::move(shared));
  }
  return extractor;
}

void ParamExtractor::Extract(std::string_view folded, std::map<std::string, ParamValue>* out,
                             ParamMemo* memo) const {
  for (const auto& param : params_) {
    if (memo == nullptr) {
      param->Extract(folded, out);
      continue;
    }
    auto [it, fresh] =
        memo->values_.try_emplace(ParamMemo::Key(param.get(), folded.data(), folded.size()));
    if (fresh) {
      // A parameter only assigns its own names: read alone, it gives what it adds to any map.
      std::map<std::string, ParamValue> read;
      param->Extract(folded, &read);
      it->second.assign(std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
    }
    for (const auto& [name, value] : it->second) (*out)[name] = value;
  }
}

}  // namespace clausescan::internal

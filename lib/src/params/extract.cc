#include "params/extract.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <utility>

#include "params/quantities.h"

namespace clausescan::internal {
namespace {

RE2::Options ExtractorOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(int64_t{8} << 20);
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

// Compiles the alternation of patterns into *out (left null when patterns is empty).
std::optional<Error> CompileList(const std::vector<std::string>& patterns, const ParamSpec& spec,
                                 const std::string& file, std::unique_ptr<RE2>* out) {
  if (patterns.empty()) return std::nullopt;
  auto re = std::make_unique<RE2>(Alternation(patterns), ExtractorOptions());
  if (!re->ok()) {
    return Error(ErrorCode::kRuleError,
                 fmt::format("invalid pattern in parameter '{}': {}", spec.name, re->error()), file,
                 spec.line);
  }
  *out = std::move(re);
  return std::nullopt;
}

bool Matches(const std::unique_ptr<RE2>& re, std::string_view text) {
  return re != nullptr && RE2::PartialMatch(text, *re);
}

// The duration a spec reports, or nullptr. With Prefer::kWithin: the first "within" deadline,
// else the first duration that is not the period of a frequency, else the first period of a
// frequency ("updates every 24 hours" states a cadence). With Prefer::kNotice: the first
// duration of advance notice, else the first "within" deadline, else the first duration that
// is not the period of a frequency ("once per twelve (12) month period" never is a notice).
const Duration* PickDuration(const std::vector<Duration>& durations, ParamSpec::Prefer prefer) {
  const bool notice = prefer == ParamSpec::Prefer::kNotice;
  if (notice) {
    for (const Duration& d : durations) {
      if (d.notice && !d.frequency_period) return &d;
    }
  }
  const Duration* first = nullptr;
  const Duration* first_period = nullptr;
  for (const Duration& d : durations) {
    if (d.frequency_period) {
      if (first_period == nullptr) first_period = &d;
      continue;
    }
    if (d.qualifier == DurationQualifier::kWithin) return &d;
    if (first == nullptr) first = &d;
  }
  if (first != nullptr || notice) return first;
  return first_period;
}

}  // namespace

struct ParamExtractor::Compiled {
  ParamSpec spec;
  std::unique_ptr<RE2> any;                                          // kFlag
  std::unique_ptr<RE2> none;                                         // kFlag
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> values;  // kEnum, kSet

  void Extract(std::string_view folded, std::map<std::string, ParamValue>* out) const;
  void ExtractDuration(std::string_view folded, std::map<std::string, ParamValue>* out) const;
  void ExtractQuantity(std::string_view folded, std::map<std::string, ParamValue>* out) const;
};

void ParamExtractor::Compiled::ExtractDuration(std::string_view folded,
                                               std::map<std::string, ParamValue>* out) const {
  const std::vector<Duration> durations = FindDurations(folded);
  const Duration* d = PickDuration(durations, spec.prefer);
  if (d == nullptr) return;
  if (d->business && !spec.business_name.empty()) {
    (*out)[spec.business_name] = d->Days();
    (*out)[std::string(kBusinessParam)] = true;
    return;
  }
  (*out)[spec.name] = spec.unit == "days" ? d->Days() : d->Hours();
  if (d->business && spec.business_flag) (*out)[std::string(kBusinessParam)] = true;
}

// Percent, money, fee and frequency parameters: the first match of the extractor.
void ParamExtractor::Compiled::ExtractQuantity(std::string_view folded,
                                               std::map<std::string, ParamValue>* out) const {
  switch (spec.type) {
    case ParamSpec::Type::kPercent: {
      const std::vector<Percent> found = FindPercents(folded);
      if (!found.empty()) (*out)[spec.name] = found.front().value;
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
      if (Matches(any, folded) && !Matches(none, folded)) (*out)[spec.name] = true;
      return;
    case ParamSpec::Type::kEnum:
      for (const auto& [key, re] : values) {
        if (Matches(re, folded)) {
          (*out)[spec.name] = key;
          return;
        }
      }
      return;
    case ParamSpec::Type::kSet: {
      std::vector<std::string> keys;
      for (const auto& [key, re] : values) {
        if (Matches(re, folded)) keys.push_back(key);
      }
      if (!keys.empty()) (*out)[spec.name] = std::move(keys);
      return;
    }
    default:
      ExtractQuantity(folded, out);
      return;
  }
}

ParamExtractor::ParamExtractor() = default;
ParamExtractor::~ParamExtractor() = default;
ParamExtractor::ParamExtractor(ParamExtractor&&) noexcept = default;
ParamExtractor& ParamExtractor::operator=(ParamExtractor&&) noexcept = default;

Result<ParamExtractor> ParamExtractor::Compile(const std::vector<ParamSpec>& specs,
                                               const std::string& file) {
  ParamExtractor extractor;
  for (const ParamSpec& spec : specs) {
    auto compiled = std::make_unique<Compiled>();
    compiled->spec = spec;
    if (auto error = CompileList(spec.any, spec, file, &compiled->any)) return *error;
    if (auto error = CompileList(spec.none, spec, file, &compiled->none)) return *error;
    for (const auto& [key, patterns] : spec.values) {
      std::unique_ptr<RE2> re;
      if (auto error = CompileList(patterns, spec, file, &re)) return *error;
      compiled->values.emplace_back(key, std::move(re));
    }
    extractor.params_.push_back(std::move(compiled));
  }
  return extractor;
}

void ParamExtractor::Extract(std::string_view folded,
                             std::map<std::string, ParamValue>* out) const {
  for (const auto& param : params_) param->Extract(folded, out);
}

}  // namespace clausescan::internal

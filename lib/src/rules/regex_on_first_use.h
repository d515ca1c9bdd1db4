// A regular expression of a rule set compiled the first time it is matched (issue 12: start-up).
#ifndef CLAUSESCAN_RULES_REGEX_ON_FIRST_USE_H_
#define CLAUSESCAN_RULES_REGEX_ON_FIRST_USE_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace clausescan::internal {

// pattern with options, compiled by the first Get. Get may be called from many threads at once
// (std::call_once); later calls take no lock. For a pattern the loader has already checked (a
// pack checked when the program was built), or one it compiled to check (then given compiled).
class RegexOnFirstUse {
 public:
  RegexOnFirstUse(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  // Already compiled (a loader that checks a pattern at load keeps what it compiled).
  explicit RegexOnFirstUse(std::unique_ptr<const RE2> compiled)
      : pattern_(compiled->pattern()), options_(compiled->options()), re_(std::move(compiled)) {}

  const RE2& Get() const {
    std::call_once(once_, [this] {
      if (re_ == nullptr) re_ = std::make_unique<const RE2>(pattern_, options_);
    });
    return *re_;
  }
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const RE2> re_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_REGEX_ON_FIRST_USE_H_

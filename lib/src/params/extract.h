// A rule's parameter extractors, compiled once: ParamSpecs -> named ParamValues of one unit.
#ifndef CLAUSESCAN_PARAMS_EXTRACT_H_
#define CLAUSESCAN_PARAMS_EXTRACT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "clausescan/report.h"
#include "clausescan/result.h"
#include "params/definitions.h"
#include "rules/model.h"

namespace clausescan::internal {

class ParamMemo;

// The compiled parameters of one rule (see docs/rules.md, "Parameter types"). Immutable after
// Compile; Extract may be called from many threads at once. Movable, not copyable.
class ParamExtractor {
 public:
  // Where the rules of one pack share their parameters (issue 12): extractors compiled with the
  // same pool share one compiled parameter for specs that are equal but for their line, so that
  // a ParamMemo reads it once per text. Not thread-safe; only needed while compiling.
  class Pool;

  ParamExtractor();
  ~ParamExtractor();
  ParamExtractor(ParamExtractor&&) noexcept;
  ParamExtractor& operator=(ParamExtractor&&) noexcept;

  // Takes specs; the `any`, `none` and `values` patterns of flag, enum, set and duration
  // parameters become RE2s (case-insensitive, UTF-8) on the parameter's first Extract, once,
  // thread-safely (issue 12: start-up). Never fails today: the rule loader checks every pattern
  // (CheckPattern) of a custom pack and tests check the built-in pack; a pattern RE2 still
  // rejects matches nothing. file names the rules' file for future errors.
  // With pool (may be null), a spec equal to one compiled before with the same pool shares its
  // compiled parameter.
  static Result<ParamExtractor> Compile(const std::vector<ParamSpec>& specs,
                                        const std::string& file, Pool* pool = nullptr);

  // Compiles every pattern list of specs now, as Extract would, and discards them. Errors:
  // kRuleError naming file and the spec's line when RE2 rejects a list (a pattern, or the
  // alternation of a list past RE2's memory budget). The rule loader runs it on custom packs;
  // tests run it on the built-in pack.
  static std::optional<Error> Check(const std::vector<ParamSpec>& specs, const std::string& file);

  // True when the rule declares no parameters (Extract then does nothing).
  bool empty() const { return params_.empty(); }

  // Adds to *out every parameter that folded (one unit's folded view) states; parameters the
  // unit does not state stay absent. Durations: the one the spec prefers (see
  // ParamSpec::Prefer; periods of frequencies never count), in the spec's unit; business days
  // go to business_name as days with "business": true when business_name is set, and stay in
  // the spec's name with "business": true when business_flag is set. A duration spec with
  // `any` patterns counts only durations with a match in the 60 bytes before or the 40 bytes
  // after them, in the same sentence and clause (no '.' or ';' between). Percentages: the
  // first; with `any` patterns, the first with a match in the 60 bytes before it, in the same
  // sentence and clause ("shall not exceed 20%"). Never fails; linear in folded per parameter.
  // With memo (may be null), a parameter shared through a Pool that was read in the same text
  // (the same bytes at the same address) before with the same memo is not read again: its
  // values are copied from the memo. The result is the same.
  void Extract(std::string_view folded, std::map<std::string, ParamValue>* out,
               ParamMemo* memo = nullptr) const;

  // Adds to *out the quantities a unit states only through a defined term: for each duration,
  // money, fee_months or fee_multiple parameter absent from *out, the value Extract reads in
  // the unit with the terms of the matching kind expanded (durations: kPeriod terms such as
  // "the Specified Notice Period"; money and fees: kCap terms such as "the General Cap").
  // Call after Extract. Does nothing when glossary has no such term in the unit.
  // A trigger parameter Extract read as awareness or discovery becomes confirmation when the
  // unit names an event the document defines as a confirmed one
  // (Glossary::NamesConfirmedEvent).
  // Each parameter read so (the trigger, or a quantity read through a term) gets a companion
  // "<name>_defined_by" holding the defined term it came from ("security incident", "notice
  // period"): a reader sees that the value is the definition's, not the clause's own words.
  // When the document defines the currency of "$" (Glossary::dollar_currency: '"$" means
  // Canadian dollars'), a money parameter Extract read from a bare "$" or "dollars" gets that
  // currency instead of USD (issue 15 #6); when the document says nothing of it (no definition,
  // no governing law, no US agency), kDollarNotStated (issue 14 fourth review #6).
  void ExtractDefined(std::string_view folded, const Glossary& glossary, int scope,
                      std::map<std::string, ParamValue>* out) const;

  // The currency of an amount written with a bare "$" or "dollars" in a document that never says
  // which dollar: not USD by default, so never compared with a USD threshold.
  static constexpr std::string_view kDollarNotStated = "$";

  // The suffix of the companion parameter that names the defined term a value came from.
  static constexpr std::string_view kDefinedBySuffix = "_defined_by";

 private:
  void ApplyDollarCurrency(std::string_view folded, const Glossary& glossary,
                           std::map<std::string, ParamValue>* out) const;
  friend class ParamMemo;
  struct Compiled;
  std::vector<std::shared_ptr<const Compiled>> params_;
};

class ParamExtractor::Pool {
 public:
  Pool();
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

 private:
  friend class ParamExtractor;
  std::vector<std::shared_ptr<const Compiled>> compiled_;
};

// The values of the parameters read in a few texts, for ParamExtractor::Extract (issue 12: the
// rules of one category that hold in one unit read their shared parameters once). Keyed by the
// text's address and size: every text read with one memo must stay alive and unchanged while the
// memo is used (one unit's texts: use a memo per unit). Not thread-safe.
class ParamMemo {
 public:
  // How many parameter readings the memo holds (distinct parameter and text).
  std::size_t size() const { return values_.size(); }

 private:
  friend class ParamExtractor;
  using Key = std::tuple<const ParamExtractor::Compiled*, const char*, std::size_t>;
  std::map<Key, std::vector<std::pair<std::string, ParamValue>>> values_;
};

// The parameter a duration spec with a business_name or business_flag sets to true for
// business days.
inline constexpr std::string_view kBusinessParam = "business";

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_EXTRACT_H_

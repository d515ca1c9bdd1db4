#include "params/text_flags.h"

#include <algorithm>
#include <utility>

namespace clausescan::internal {

TextFlags::TextFlags(const std::vector<Rule>& rules) {
  std::map<std::string, int> ids;
  std::vector<std::string> patterns;
  auto ids_of = [&](const std::vector<std::string>& list) {
    std::vector<int> out;
    for (const std::string& pattern : list) {
      auto [it, inserted] = ids.emplace(pattern, static_cast<int>(patterns.size()));
      if (inserted) patterns.push_back(pattern);
      out.push_back(it->second);
    }
    return out;
  };
  by_rule_.resize(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    for (const ParamSpec& spec : rules[i].parameters) {
      if (!spec.text_scope || spec.type != ParamSpec::Type::kFlag) continue;
      by_rule_[i].push_back(Flag{spec.name, ids_of(spec.any), ids_of(spec.none)});
    }
  }
  // The rule loader checked every pattern (ParamExtractor::Check, or at build time for the
  // built-in pack); one RE2 still rejects never occurs, as a rejected list matches nothing.
  index_.Build(std::move(patterns), /*each_pattern=*/false, /*checked=*/true);
}

TextFlags::~TextFlags() = default;

TextFlags::Reader::Reader(const TextFlags& flags, std::string_view folded)
    : flags_(flags), folded_(folded) {}

TextFlags::Reader::~Reader() = default;

bool TextFlags::Reader::Occurs(int pattern) {
  if (scratch_ == nullptr) {
    // The one pass: the literals of every pattern, found in the whole text; a pattern that is
    // not a candidate cannot occur.
    scratch_ = std::make_unique<PatternIndex::Scratch>(flags_.index_);
    occurs_.assign(flags_.index_.size(), 0);
    for (int candidate : flags_.index_.CandidatesIn(folded_, scratch_.get())) {
      occurs_[candidate] = -1;
    }
  }
  signed char& known = occurs_[pattern];
  if (known < 0) known = flags_.index_.Occurs(pattern, folded_, scratch_.get()) ? 1 : 0;
  return known != 0;
}

bool TextFlags::Reader::AnyOccurs(const std::vector<int>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [this](int p) { return Occurs(p); });
}

void TextFlags::Reader::AddStated(std::size_t rule, std::map<std::string, ParamValue>* out) {
  if (rule >= flags_.by_rule_.size()) return;
  for (const Flag& flag : flags_.by_rule_[rule]) {
    if (out->count(flag.name) != 0) continue;
    if (AnyOccurs(flag.any) && !AnyOccurs(flag.none)) out->emplace(flag.name, true);
  }
}

}  // namespace clausescan::internal

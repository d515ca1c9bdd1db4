// RuleSetData owns a Matcher through unique_ptr, so its constructor and destructor live where
// Matcher is a complete type.
#include "rules/model.h"

#include "match/matcher.h"

namespace clausescan::internal {

RuleSetData::RuleSetData() = default;
RuleSetData::~RuleSetData() = default;

}  // namespace clausescan::internal

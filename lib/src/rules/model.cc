// RuleSetData holds a Matcher and a DocTypeGuesser by pointer, so its special members live
// where both are complete types.
#include "rules/model.h"

#include "match/matcher.h"
#include "structure/doctype.h"

namespace clausescan::internal {

RuleSetData::RuleSetData() = default;
RuleSetData::RuleSetData(const RuleSetData&) = default;
RuleSetData& RuleSetData::operator=(const RuleSetData&) = default;
RuleSetData::~RuleSetData() = default;

}  // namespace clausescan::internal

#include "params/role_cache.h"

#include <utility>

namespace clausescan::internal {

const PartyRole& UnitRoles::Of(std::size_t begin, std::size_t end, Party duty_holder) {
  const auto key = std::make_tuple(begin, end, duty_holder);
  auto it = roles_.find(key);
  if (it == roles_.end()) {
    it = roles_.emplace(key, RoleInUnit(folded_.substr(begin, end - begin), duty_holder, lexicon_))
             .first;
  }
  return it->second;
}

}  // namespace clausescan::internal

// RoleInUnit read once per unit and duty holder of one document (issue 12: the findings of
// several rules on one unit share its reading).
#ifndef CLAUSESCAN_PARAMS_ROLE_CACHE_H_
#define CLAUSESCAN_PARAMS_ROLE_CACHE_H_

#include <cstddef>
#include <map>
#include <string_view>
#include <tuple>

#include "params/party.h"
#include "params/party_role.h"

namespace clausescan::internal {

// The roles (RoleInUnit) of the units of one folded text under one lexicon, each range and duty
// holder read on its first request. folded and lexicon must outlive the cache. Not thread-safe:
// one per document scan.
class UnitRoles {
 public:
  UnitRoles(std::string_view folded, const PartyLexicon& lexicon)
      : folded_(folded), lexicon_(lexicon) {}

  // RoleInUnit(folded.substr(begin, end - begin), duty_holder, lexicon), read once per
  // (begin, end, duty_holder). Expects begin <= end <= folded.size(). Never fails.
  const PartyRole& Of(std::size_t begin, std::size_t end, Party duty_holder);

  // The folded text of [begin, end). Expects begin <= end <= folded.size().
  std::string_view Folded(std::size_t begin, std::size_t end) const {
    return folded_.substr(begin, end - begin);
  }

  // The lexicon the units are read under.
  const PartyLexicon& lexicon() const { return lexicon_; }

  // How many ranges were read (distinct requests so far).
  std::size_t reads() const { return roles_.size(); }

 private:
  std::string_view folded_;
  const PartyLexicon& lexicon_;
  std::map<std::tuple<std::size_t, std::size_t, Party>, PartyRole> roles_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_ROLE_CACHE_H_

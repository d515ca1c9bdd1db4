// Roles read once per unit and duty holder (params/role_cache.h). Issue 12 #1 (perf/match6).
#include "params/role_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "params/party_role.h"

namespace clausescan::internal {
namespace {

// issue 12 #1: findings of several rules on one unit read its role once, and the role is the
// one RoleInUnit reads.
TEST(UnitRoles, ReadsEachUnitAndDutyHolderOnce) {
  PartyLexicon lexicon;
  lexicon.supplier = {"acme"};
  lexicon.customer = {"beta"};
  const std::string folded =
      "acme may audit beta's facilities once a year. beta shall provide acme any assistance "
      "they may require.";
  const std::size_t second = folded.find("beta shall");
  UnitRoles roles(folded, lexicon);
  for (int pass = 0; pass < 3; ++pass) {
    const PartyRole& first = roles.Of(0, second - 1, Party::kUnknown);
    EXPECT_EQ(first.party, Party::kSupplier);
    EXPECT_TRUE(first.right);
    const PartyRole& other = roles.Of(second, folded.size(), Party::kCustomer);
    const PartyRole direct =
        RoleInUnit(std::string_view(folded).substr(second), Party::kCustomer, lexicon);
    EXPECT_EQ(other.party, direct.party);
    EXPECT_EQ(other.right, direct.right);
    EXPECT_EQ(other.third_party, direct.third_party);
  }
  EXPECT_EQ(roles.reads(), 2u);
  // Another duty holder is another reading of the same unit.
  roles.Of(0, second - 1, Party::kSupplier);
  EXPECT_EQ(roles.reads(), 3u);
}

}  // namespace
}  // namespace clausescan::internal

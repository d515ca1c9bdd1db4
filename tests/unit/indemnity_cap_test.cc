// An indemnity the supplier gives is read with the liability clause's carve-outs whatever the
// rule that found it is called: the rule's category and party say what it is.
#include "assess/indemnity_cap.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "rules/model.h"

namespace clausescan::internal {
namespace {

Rule MakeRule(const std::string& id, const std::string& category, Party party) {
  Rule rule;
  rule.id = id;
  rule.category = category;
  rule.title = id;
  rule.party = party;
  return rule;
}

Finding MakeFinding(const std::string& rule, const std::string& category, int line) {
  Finding f;
  f.rule = rule;
  f.rules = {rule};
  f.category = category;
  f.line = line;
  f.text = "text of " + rule;
  return f;
}

bool Uncapped(const Finding& f) {
  auto it = f.parameters.find("uncapped");
  return it != f.parameters.end() && std::get_if<bool>(&it->second) != nullptr &&
         std::get<bool>(it->second);
}

// A rule set of the user's own (--rules DIR) whose supplier indemnity rule has another id.
TEST(IndemnityCarveouts, ASupplierIndemnityIsKnownByItsCategoryAndPartyNotItsId) {
  RuleSetData data;
  data.rules = {MakeRule("cap.exceptions", "liability_cap", Party::kMutual),
                MakeRule("indemnity.by-customer", "indemnification", Party::kCustomer),
                MakeRule("indemnity.ours", "indemnification", Party::kSupplier)};
  Finding carveout = MakeFinding("cap.exceptions", "liability_cap", 40);
  carveout.positions = {"cap-carveout-indemnity"};
  std::vector<Finding> findings = {MakeFinding("indemnity.ours", "indemnification", 12),
                                   MakeFinding("indemnity.by-customer", "indemnification", 20),
                                   carveout};
  ReadIndemnityCarveouts(data, findings, "msa");
  EXPECT_TRUE(Uncapped(findings[0]));
  ASSERT_FALSE(findings[0].reasons.empty());
  EXPECT_EQ(findings[0].reasons.front().rfind("the liability clause at line 40", 0), 0u);
  EXPECT_FALSE(Uncapped(findings[1]));  // the customer's indemnity is not ours to cap
}

}  // namespace
}  // namespace clausescan::internal

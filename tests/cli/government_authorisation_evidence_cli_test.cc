// FedRAMP or an agency ATO is an evidence kind of its own (issue 13 s7 #3): a clause that demands
// one calls for it, rated high; SOC 2 and ISO clauses do not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

// The evidence items of `clause` as `clausescan evidence --format json` lists them.
nlohmann::json Items(const std::string& clause) {
  RunResult r = RunClausescan("evidence --format json -", clause);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out)["items"];
}

const nlohmann::json* Find(const nlohmann::json& items, const std::string& id) {
  for (const nlohmann::json& item : items) {
    if (item["id"] == id) return &item;
  }
  return nullptr;
}

// issue 13 s7 #3
TEST(GovernmentAuthorisationEvidence, FedrampDemandCallsForItsOwnItemRatedHigh) {
  const nlohmann::json items = Items(
      "Supplier shall obtain and maintain a FedRAMP Moderate authorization for the Service "
      "throughout the term.\n");
  const nlohmann::json* item = Find(items, "government-authorisation");
  ASSERT_NE(item, nullptr) << items;
  EXPECT_EQ((*item)["risk"], "high");
  EXPECT_THAT((*item)["title"].get<std::string>(), ::testing::HasSubstr("FedRAMP"));
  ASSERT_EQ((*item)["findings"].size(), 1u);
  EXPECT_EQ((*item)["findings"][0]["rule"], "security-measures.specific-controls");
}

TEST(GovernmentAuthorisationEvidence, SocTwoOrIsoDemandDoesNotCallForIt) {
  const nlohmann::json items = Items(
      "Supplier shall maintain a SOC 2 Type II report and ISO/IEC 27001 certification for the "
      "Service throughout the term.\n");
  EXPECT_NE(Find(items, "soc2-report"), nullptr) << items;
  EXPECT_EQ(Find(items, "government-authorisation"), nullptr) << items;
}

TEST(GovernmentAuthorisationEvidence, RulesValidateAcceptsTheCatalogue) {
  RunResult r =
      RunClausescan("rules validate " + Quote(std::string(CLAUSESCAN_SOURCE_DIR) + "/rules"));
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

}  // namespace
}  // namespace clausescan::testing

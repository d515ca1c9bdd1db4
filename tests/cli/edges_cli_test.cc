// Edges a new user and an attack review ran into (issue 15): what a filtered summary says,
// money in currencies we cannot compare, rule packs RE2 cannot compile, the output format of
// -o, --title, definitions and contents lists, and section labels.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A MEDIUM audit finding and LOW findings, nothing HIGH.
constexpr const char* kNoHigh =
    "1. Audit. Customer may audit Supplier's premises on thirty (30) days' notice once per "
    "year.\n"
    "2. Liability. Supplier's aggregate liability shall not exceed the fees paid in the twelve "
    "(12) months.\n"
    "3. Breach notification. Supplier shall notify Customer of a Personal Data Breach within 72 "
    "hours.\n";

class EdgesCli : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    std::filesystem::path path = dir_.path() / name;
    WriteWholeFile(path, text);
    return path;
  }
  TempDir dir_;
};

// issue 15 #1: --min-risk high hiding a MEDIUM finding must not make the summary read "worst
// risk INFO": it counts what is shown and says what was left out, with its worst risk.
TEST_F(EdgesCli, MinRiskSummarySaysWhatWasLeftOut) {
  std::filesystem::path doc = Write("c.txt", kNoHigh);
  RunResult text = RunClausescan("scan --min-risk high " + Quote(doc));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, Not(HasSubstr("worst risk INFO"))) << text.out;
  EXPECT_THAT(text.out, HasSubstr("left out below high risk: 3 findings (1 medium, 2 low), "
                                  "worst MEDIUM"))
      << text.out;
  EXPECT_THAT(text.out, HasSubstr("top issues: none shown (1 medium left out below high risk)"))
      << text.out;
  RunResult json = RunClausescan("scan --format json --min-risk high " + Quote(doc));
  nlohmann::json summary = nlohmann::json::parse(json.out)["summary"];
  EXPECT_EQ(summary["findings"], 0);
  ASSERT_TRUE(summary.contains("left_out")) << summary.dump();
  EXPECT_EQ(summary["left_out"]["min_risk"], "high");
  EXPECT_EQ(summary["left_out"]["findings"], 3);
  EXPECT_EQ(summary["left_out"]["worst_risk"], "medium");
  EXPECT_EQ(summary["left_out"]["by_risk"]["medium"], 1);
  // Unfiltered, nothing is left out and the summary says so by its absence.
  RunResult all = RunClausescan("scan --format json " + Quote(doc));
  nlohmann::json full = nlohmann::json::parse(all.out)["summary"];
  EXPECT_EQ(full["worst_risk"], "medium");
  EXPECT_FALSE(full.contains("left_out")) << full.dump();
  // With several documents the matrix shows no worst risk for a document it shows nothing of.
  std::filesystem::path clean = Write("clean.txt", "Nothing to see here.\n");
  RunResult two = RunClausescan("scan --min-risk high " + Quote(doc) + " " + Quote(clean));
  EXPECT_THAT(two.out, HasSubstr("c.txt      -\n")) << two.out;
  for (const char* format : {"md", "html"}) {
    RunResult people =
        RunClausescan(std::string("scan --format ") + format + " --min-risk high " + Quote(doc));
    EXPECT_THAT(people.out, HasSubstr("left out below high risk")) << format;
  }
}

}  // namespace
}  // namespace clausescan::testing

// Numbers given to the count and size options as a user of the clausescan binary types them:
// the largest is no limit, a number past it is refused, never wrapped. The comments name the
// item of the attack review of main 303dfb8 each test covers ("rel15 #2").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

const std::string kDpa = SourcePath("corpus/dpa.md");

// rel15 #2: --max-findings 18446744073709551615 (the largest count) wrapped to a limit of 0
// findings and reported every clause missing; it keeps every finding, as 0 does.
TEST(NumericOptions, TheLargestMaxFindingsKeepsEveryFinding) {
  const RunResult all = RunClausescan("scan -f json --max-findings 0 " + Quote(kDpa));
  const RunResult largest =
      RunClausescan("scan -f json --max-findings 18446744073709551615 " + Quote(kDpa));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  ASSERT_EQ(largest.exit_code, 0) << largest.err;
  const Json a = Json::parse(all.out);
  const Json b = Json::parse(largest.out);
  EXPECT_FALSE(a["findings"].empty());
  EXPECT_EQ(a["findings"].size(), b["findings"].size());
  EXPECT_EQ(a["missing"], b["missing"]);
  const RunResult evidence_all = RunClausescan("evidence --max-findings 0 " + Quote(kDpa));
  const RunResult evidence_largest =
      RunClausescan("evidence --max-findings 18446744073709551615 " + Quote(kDpa));
  EXPECT_EQ(evidence_largest.exit_code, evidence_all.exit_code) << evidence_largest.err;
  EXPECT_EQ(evidence_largest.out, evidence_all.out);
}

// rel15 #2: a count or size past 64 bits was read as the largest; it is refused, exit 2,
// naming the option, before anything is scanned.
TEST(NumericOptions, ANumberPastTheLargestIsRefused) {
  for (const std::string command : {"scan", "evidence"}) {
    for (const std::string option :
         {"--max-findings", "--max-input-size", "--max-text-size", "--max-part-size",
          "--pdf-memory-limit", "--jobs"}) {
      const RunResult r =
          RunClausescan(command + " " + option + " 99999999999999999999 " + Quote(kDpa));
      EXPECT_EQ(r.exit_code, 2) << command << " " << option;
      EXPECT_THAT(r.err, HasSubstr(option)) << command << " " << option;
      EXPECT_TRUE(r.out.empty()) << command << " " << option;
    }
  }
  const RunResult r = RunClausescan("scan --max-findings 18446744073709551616 " + Quote(kDpa));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--max-findings: too large: 18446744073709551616"));
}

}  // namespace
}  // namespace clausescan::testing

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
  // Attack review of 5a07bac #6: a size whose unit takes it past 64 bits gave CLI11's words
  // ("multiplied by g factor would cause number overflow").
  for (const std::string size : {"99999999999G", "16E", "17179869184G"}) {
    const RunResult unit = RunClausescan("scan --max-input-size " + size + " " + Quote(kDpa));
    EXPECT_EQ(unit.exit_code, 2) << size;
    EXPECT_THAT(unit.err, HasSubstr("--max-input-size: too large: " + size));
    EXPECT_TRUE(unit.out.empty()) << size;
  }
  EXPECT_EQ(RunClausescan("scan --max-input-size 15E " + Quote(kDpa)).exit_code, 0);
}

// Reliability review of main 9ef7676 #5: a count or size that is no number ("-j abc") gave
// CLI11's own words ("Could not convert: --jobs = abc", "abc unit not recognized. Allowed
// values: {b,e,eb,...}", "Value 1.5 could not be converted to UINT", "Value abc not in range 0
// to 86400"), and "-j ''" was taken as the default; each is refused as a negative one is,
// naming the option and the value.
TEST(NumericOptions, AValueThatIsNoNumberIsRefusedInTheSameWords) {
  struct Case {
    std::string option;
    std::string value;
    std::string message;
  };
  const Case cases[] = {
      {"-j", "abc", "--jobs: must be a whole number, not abc"},
      {"--jobs", "1.5", "--jobs: must be a whole number, not 1.5"},
      {"--jobs", "''", "--jobs: must be a whole number, not an empty value"},
      {"--max-findings", "abc", "--max-findings: must be a whole number, not abc"},
      {"--max-xml-depth", "abc", "--max-xml-depth: must be a whole number, not abc"},
      {"--pdf-time-limit", "2x", "--pdf-time-limit: must be a whole number, not 2x"},
      {"--max-input-size", "abc",
       "--max-input-size: must be a size such as 64M or 1G, not abc"},
      {"--max-part-size", "''",
       "--max-part-size: must be a size such as 64M or 1G, not an empty value"},
      {"--max-text-size", "1.5G", "--max-text-size: must be a size such as 64M or 1G, not 1.5G"},
      {"--pdf-memory-limit", "10Q",
       "--pdf-memory-limit: must be a size such as 64M or 1G, not 10Q"},
      // Out of the option's range, in the same words (attack review of main 8a5a3af, minor:
      // "Could not convert: --jobs = 99999999999", "Value 0 not in range 1 to 100000").
      {"-j", "99999999999", "--jobs: must be at most 2147483647, not 99999999999"},
      {"--max-xml-depth", "0", "--max-xml-depth: must be 1 or more, not 0"},
      {"--max-xml-depth", "200000", "--max-xml-depth: must be at most 100000, not 200000"},
      {"--pdf-time-limit", "90000", "--pdf-time-limit: must be at most 86400, not 90000"},
  };
  for (const Case& c : cases) {
    const RunResult r = RunClausescan("scan " + c.option + " " + c.value + " " + Quote(kDpa));
    EXPECT_EQ(r.exit_code, 2) << c.option << " " << c.value;
    EXPECT_EQ(r.err, "clausescan: " + c.message + " (see: clausescan scan --help)\n")
        << c.option << " " << c.value;
    EXPECT_TRUE(r.out.empty()) << c.option << " " << c.value;
  }
}

}  // namespace
}  // namespace clausescan::testing

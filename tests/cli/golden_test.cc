// Golden reports: the JSON report of each sample contract in corpus/ must equal
// tests/golden/<name>.json. To accept a change in output, regenerate with
//   CLAUSESCAN_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
// and review the diff of tests/golden/ like any other change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

class GoldenReport : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenReport, MatchesExpectedJson) {
  const std::string name = GetParam();
  RunResult r = RunClausescan("scan --format json '" + SourcePath("corpus/" + name) + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json actual = nlohmann::json::parse(r.out);
  actual["document"]["path"] = "corpus/" + name;  // independent of where the checkout lives
  const std::string golden_path = SourcePath("tests/golden/" + name + ".json");
  if (std::getenv("CLAUSESCAN_UPDATE_GOLDEN") != nullptr) {
    WriteWholeFile(golden_path, actual.dump(2) + "\n");
  }
  const std::string expected_text = ReadWholeFile(golden_path);
  ASSERT_FALSE(expected_text.empty()) << "no golden file " << golden_path;
  nlohmann::json expected = nlohmann::json::parse(expected_text);
  EXPECT_EQ(actual.dump(2), expected.dump(2));
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenReport,
                         ::testing::Values("security-addendum.md", "dpa.md", "msa.txt"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace clausescan::testing

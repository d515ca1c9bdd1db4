// The format of -o's file when --format is not given: the other names the formats go by
// (attack review 16 #7).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

TEST(OutputExtension, SarifJsonMarkdownAndNdjsonAreTheirFormats) {
  TempDir dir;
  const std::string contract = Quote(SourcePath("corpus/security-addendum.md"));
  for (const char* name : {"r.sarif.json", "r.markdown", "r.ndjson", "R.SARIF.JSON"}) {
    RunResult r = RunClausescan("scan " + contract + " -o " + Quote(dir.path() / name));
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
  }
  const nlohmann::json sarif = nlohmann::json::parse(ReadWholeFile(dir.path() / "r.sarif.json"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_TRUE(sarif.contains("runs"));
  EXPECT_EQ(ReadWholeFile(dir.path() / "R.SARIF.JSON"), ReadWholeFile(dir.path() / "r.sarif.json"));
  RunResult md = RunClausescan("scan " + contract + " -f md");
  EXPECT_EQ(ReadWholeFile(dir.path() / "r.markdown"), md.out);
  RunResult jsonl = RunClausescan("scan " + contract + " -f jsonl");
  EXPECT_EQ(ReadWholeFile(dir.path() / "r.ndjson"), jsonl.out);
  // A plain .json is still clausescan's own JSON report.
  RunResult json = RunClausescan("scan " + contract + " -o " + Quote(dir.path() / "r.json"));
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_TRUE(nlohmann::json::parse(ReadWholeFile(dir.path() / "r.json")).contains("findings"));
}

}  // namespace
}  // namespace clausescan::testing

// --fail-on as a CI gate: every report a run makes is judged, in every mode, and stderr lists
// the findings that reached the threshold. The comments name the item of the attack review of
// main 303dfb8 each test covers ("rel15 #1").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

const fs::path kDpa = fs::path(CLAUSESCAN_SOURCE_DIR) / "corpus" / "dpa.md";

// rel15 #1: the streaming filter (--format jsonl with stdin) judged no report against
// --fail-on and exited 0 where the same document as a file exits 1; it now exits 1 after the
// stream, listing the findings as file mode does.
TEST(FailOn, TheStreamingFilterJudgesEveryReport) {
  const RunResult file = RunClausescan("scan --fail-on high " + Quote(kDpa));
  ASSERT_EQ(file.exit_code, 1) << file.err;
  const std::string record =
      Json{{"id", 1}, {"name", "dpa.md"}, {"text", ReadWholeFile(kDpa)}}.dump() + "\n";
  const RunResult stream = RunClausescan("scan --format jsonl - --fail-on high", record);
  EXPECT_EQ(stream.exit_code, 1) << stream.err;
  EXPECT_THAT(stream.err, HasSubstr("--fail-on high: "));
  EXPECT_THAT(stream.err, HasSubstr("  dpa.md:"));
  const Json line = Json::parse(stream.out);
  EXPECT_EQ(line["id"], 1);
  EXPECT_FALSE(line["findings"].empty());
  // Below the threshold: exit 0, nothing listed.
  const std::string law =
      Json{{"id", 2}, {"text", "This Agreement is governed by the laws of England and Wales."}}
          .dump() +
      "\n";
  const RunResult quiet = RunClausescan("scan --format jsonl - --fail-on high", law);
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("--fail-on"), std::string::npos) << quiet.err;
}

// rel15 #6: when an input fails the run exits 2, and still lists on stderr the findings of the
// inputs it scanned that reached --fail-on (before, the list was left out).
TEST(FailOn, AFailedInputStillListsWhatReachedTheThreshold) {
  TempDir dir;
  const RunResult r = RunClausescan("scan --fail-on high " + Quote(kDpa) + " " +
                                    Quote(dir.path() / "missing.md") + " -f json");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("missing.md"));
  EXPECT_THAT(r.err, HasSubstr("--fail-on high: "));
  EXPECT_THAT(r.err, HasSubstr(kDpa.string() + ":"));
}

}  // namespace
}  // namespace clausescan::testing

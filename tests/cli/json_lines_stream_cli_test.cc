// The JSON Lines filter (scan --format jsonl with stdin) as a user of the clausescan binary feeds
// it: records written by other tools, and a stream that is no JSON Lines at all. The comments
// name the item of the attack review of main 303dfb8 each test covers ("rel15 #3").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.";

// rel15 #3: a UTF-8 byte order mark before the first record (as some Windows tools write) lost
// the record's id ("line 1"); a key spelt with escapes ("i\u0064") was not read as "id".
TEST(JsonLinesStream, TheIdIsReadAsTheJsonParserReadsTheKey) {
  const std::string text = Json(kNotice).dump();
  const std::string input = "\xEF\xBB\xBF{\"id\":7,\"text\":" + text + "}\n" +
                            "{\"i\\u0064\":4,\"text\":" + text + "}\n" +
                            "{\"\\u0069d\":\"x\\u0079\",\"text\":" + text + "}\n";
  const RunResult r = RunClausescan("scan --format jsonl -", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<Json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(Json::parse(line));
  ASSERT_EQ(records.size(), 3u) << r.out;
  EXPECT_EQ(records[0]["id"], 7);
  EXPECT_EQ(records[1]["id"], 4);
  EXPECT_EQ(records[2]["id"], "xy");
  for (const Json& record : records) EXPECT_FALSE(record["findings"].empty()) << record;
}

// rel15 #7: a contract piped in as text (`scan - -o r.jsonl < dpa.md`) got an error line per
// line of it; its first line is no JSON, so the run says once that stdin is not JSON Lines,
// exit 2, and writes nothing, as a run that scanned nothing.
TEST(JsonLinesStream, TextThatIsNoJsonIsRefusedOnceAndNothingWritten) {
  TempDir dir;
  const fs::path dpa = fs::path(CLAUSESCAN_SOURCE_DIR) / "corpus" / "dpa.md";
  const fs::path report = dir.path() / "r.jsonl";
  RunResult r = RunClausescan("scan - -o " + Quote(report), "", {.in = "< " + Quote(dpa)});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(report));
  EXPECT_THAT(r.err, HasSubstr("clausescan: <stdin>:1: standard input is not JSON Lines"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // To standard output: nothing either.
  r = RunClausescan("scan --format jsonl -", "", {.in = "< " + Quote(dpa)});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  // A later line of JSON that is no request stays one error line, and the filter goes on.
  const std::string lines = "{\"id\":2,\"text\":" + Json(kNotice).dump() + "}\n[1]\n" +
                            "{\"id\":3,\"text\":" + Json(kNotice).dump() + "}\n";
  r = RunClausescan("scan --format jsonl -", lines);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
}

// Attack review of main e77cfe5 #3: a contract whose first line happens to be JSON (a page
// number, a year, a quoted title: "2025", "1", "\"CONFIDENTIAL\"", "[1]") got an error line per
// line of it: a first line that opens no JSON object is no stream of requests either.
TEST(JsonLinesStream, TextWhoseFirstLineIsJsonButNoObjectIsRefusedOnce) {
  TempDir dir;
  const std::string contract =
      ReadWholeFile(fs::path(CLAUSESCAN_SOURCE_DIR) / "corpus" / "msa.txt");
  for (const std::string first : {"1", "2025", "\"CONFIDENTIAL\"", "null", "[1]"}) {
    const fs::path paged = dir.path() / "paged.txt";
    WriteWholeFile(paged, first + "\n" + contract);
    const fs::path report = dir.path() / "r.jsonl";
    const RunResult r =
        RunClausescan("scan - -o " + Quote(report), "", {.in = "< " + Quote(paged)});
    EXPECT_EQ(r.exit_code, 2) << first;
    EXPECT_FALSE(fs::exists(report)) << first;
    EXPECT_THAT(r.err, HasSubstr("standard input is not JSON Lines")) << first;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << first << r.err;
  }
}

}  // namespace
}  // namespace clausescan::testing

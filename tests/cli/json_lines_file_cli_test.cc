// A file of JSON Lines requests ({"id", "text"} lines) named with --format jsonl is filtered as
// standard input is, never scanned as one plain-text contract made of JSON syntax; named with
// another format or beside other inputs it is refused, saying how (attack review 16 #6).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;

std::string Requests() {
  std::string lines;
  int id = 0;
  for (const char* file : {"corpus/security-addendum.md", "corpus/dpa.md"}) {
    lines += nlohmann::json{{"id", id++}, {"text", ReadWholeFile(SourcePath(file))}}.dump() + "\n";
  }
  return lines;
}

TEST(JsonLinesFile, ANamedRequestFileIsFilteredAsStandardInputIs) {
  TempDir dir;
  WriteWholeFile(dir.path() / "docs.jsonl", Requests());
  RunResult from_stdin = RunClausescan("scan -f jsonl -", Requests());
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  RunResult named = RunClausescan("scan -f jsonl " + Quote(dir.path() / "docs.jsonl"));
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.out, from_stdin.out);
  std::istringstream in(named.out);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    const nlohmann::json record = nlohmann::json::parse(line);
    EXPECT_EQ(record["id"], lines);
    EXPECT_GT(record["findings"].size(), 20u);
    EXPECT_FALSE(record["document"]["parties"].empty()) << line.substr(0, 300);
  }
  EXPECT_EQ(lines, 2);
  // Into a file named .jsonl as well.
  RunResult to_file = RunClausescan("scan " + Quote(dir.path() / "docs.jsonl") + " -o " +
                                    Quote(dir.path() / "out.jsonl"));
  EXPECT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(ReadWholeFile(dir.path() / "out.jsonl"), from_stdin.out);
}

TEST(JsonLinesFile, OtherwiseARequestFileIsRefusedSayingHow) {
  TempDir dir;
  WriteWholeFile(dir.path() / "docs.jsonl", Requests());
  WriteWholeFile(dir.path() / "c.md", ReadWholeFile(SourcePath("corpus/dpa.md")));
  for (const std::string args : {"scan " + Quote(dir.path() / "docs.jsonl"),
                                 "scan -f json " + Quote(dir.path() / "docs.jsonl"),
                                 "scan -f jsonl " + Quote(dir.path() / "docs.jsonl") + " " +
                                     Quote(dir.path() / "c.md")}) {
    RunResult r = RunClausescan(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_THAT(r.err, HasSubstr("docs.jsonl: holds JSON Lines requests")) << args;
    EXPECT_THAT(r.err, HasSubstr("scan -f jsonl FILE")) << args;
    EXPECT_TRUE(r.out.empty()) << args << ": " << r.out.substr(0, 200);
  }
}

// A broken line of a named file is named by the file and its line, as stdin's are by <stdin>.
TEST(JsonLinesFile, ABrokenLineIsNamedByTheFile) {
  TempDir dir;
  WriteWholeFile(dir.path() / "docs.jsonl",
                 "{\"id\": \"a\", \"text\": \"Supplier shall notify Customer.\"}\n{\"id\": \"b\"}\n");
  RunResult r = RunClausescan("scan -f jsonl " + Quote(dir.path() / "docs.jsonl"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("docs.jsonl:2:"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("<stdin>")));
}

}  // namespace
}  // namespace clausescan::testing

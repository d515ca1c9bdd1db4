// ReadCsv: the CSV reading of SoA exports (issue 13 #1).
#include "common/csv_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace clausescan::internal {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows Fields(const std::vector<CsvRecord>& records) {
  Rows rows;
  for (const CsvRecord& record : records) rows.push_back(record.fields);
  return rows;
}

struct Case {
  const char* name;
  std::string text;
  Rows rows;
  std::vector<int> lines;
};

TEST(CsvReader, ReadsWhatSpreadsheetsExport) {
  const Case cases[] = {
      {"plain", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"no final line break", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"CRLF", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
      {"BOM",
       "\xEF\xBB\xBF"
       "a,b\n",
       {{"a", "b"}},
       {1}},
      {"quoted comma", "\"x, y\",z\n", {{"x, y", "z"}}, {1}},
      {"doubled quotes", "\"say \"\"hi\"\"\",z\n", {{"say \"hi\"", "z"}}, {1}},
      {"line break in quotes",
       "\"one\r\ntwo\",z\r\nnext,row\r\n",
       {{"one\r\ntwo", "z"}, {"next", "row"}},
       {1, 3}},
      {"empty fields", ",,\n", {{"", "", ""}}, {1}},
      {"empty quoted fields", "\"\",\"\"\n", {{"", ""}}, {1}},
      {"trailing comma", "a,\n", {{"a", ""}}, {1}},
      {"trailing comma at end", "a,", {{"a", ""}}, {1}},
      {"quote inside unquoted field kept", "5\" screen,x\n", {{"5\" screen", "x"}}, {1}},
      {"blank lines skipped", "a\n\n\r\nb\n", {{"a"}, {"b"}}, {1, 4}},
      {"empty file", "", {}, {}},
  };
  for (const Case& c : cases) {
    Result<std::vector<CsvRecord>> records = ReadCsv(c.text, "soa.csv");
    ASSERT_TRUE(records.ok()) << c.name << ": " << records.error().message();
    EXPECT_EQ(Fields(*records), c.rows) << c.name;
    std::vector<int> lines;
    for (const CsvRecord& record : *records) lines.push_back(record.line);
    EXPECT_EQ(lines, c.lines) << c.name;
  }
}

TEST(CsvReader, ReadsAnotherSeparator) {
  Result<std::vector<CsvRecord>> records = ReadCsv("a;\"b;c,d\"\ne;f\n", "soa.csv", ';');
  ASSERT_TRUE(records.ok()) << records.error().message();
  EXPECT_EQ(Fields(*records), (Rows{{"a", "b;c,d"}, {"e", "f"}}));
}

TEST(CsvReader, MalformedQuotingNamesFileAndLine) {
  Result<std::vector<CsvRecord>> open = ReadCsv("a,b\nc,\"never closed\nd\n", "soa.csv");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().message(),
            "soa.csv:2: a quoted field is never closed (a '\"' is missing)");
  Result<std::vector<CsvRecord>> after = ReadCsv("a,b\n\"x\"y,z\n", "soa.csv");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().file(), "soa.csv");
  EXPECT_EQ(after.error().line(), 2);
  EXPECT_NE(after.error().detail().find("text after the closing quote"), std::string::npos);
}

// issue 13 #6 (attack D16): a quote left open mid-file swallows the lines after it up to the
// next quote; the error is at the line where it opened, not where parsing gave up.
TEST(CsvReader, UnclosedQuoteIsReportedWhereItOpened) {
  Result<std::vector<CsvRecord>> records = ReadCsv(
      "Control,Title\nA.5.1,ok\nA.5.2,\"open quote never closed\nA.5.3,x\n"
      "A.5.4,\"quoted\" later\n",
      "soa.csv");
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().line(), 3) << records.error().message();
  EXPECT_NE(records.error().detail().find("runs on to line 5"), std::string::npos)
      << records.error().message();
}

// issue 16 attack r6 #6: lines end with LF or CRLF; a lone CR (which an editor may show as a
// line break, or not) is an error at its line, so line numbers always match an editor's.
TEST(CsvReader, ALoneCarriageReturnIsAnErrorAtItsLine) {
  const std::pair<std::string, int> cases[] = {
      {"a,b\nc\rd,e\n", 2},          // inside a record
      {"a,b\rc,d\r", 1},             // CR-only line ends
      {"a,b\n\"x\ry\",z\n", 2},      // inside a quoted field
      {"a,b\r\nc,d\r\ne,\"f\r", 3},  // at the end, in a quoted field never closed
      {"a,b\n\r", 2},                // a blank line of a lone CR
  };
  for (const auto& [text, line] : cases) {
    Result<std::vector<CsvRecord>> records = ReadCsv(text, "soa.csv");
    ASSERT_FALSE(records.ok()) << text;
    EXPECT_EQ(records.error().message(),
              fmt::format("soa.csv:{}: a lone carriage return: save the file with LF or CRLF "
                          "line ends",
                          line))
        << text;
  }
}

}  // namespace
}  // namespace clausescan::internal

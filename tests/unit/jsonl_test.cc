#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

TEST(JsonLines, SameAsJsonOnOneLine) {
  std::ostringstream lines;
  std::ostringstream json;
  WriteJsonLines(samples::DpaReport(), lines);
  WriteJson(samples::DpaReport(), json);
  EXPECT_EQ(lines.str(), json.str());
  EXPECT_EQ(lines.str().find('\n'), lines.str().size() - 1);
}

TEST(JsonLines, IdComesFirst) {
  std::ostringstream out;
  WriteJsonLines(samples::MsaReport(), "doc \"7\"", out);
  std::string line = out.str();
  EXPECT_EQ(line.rfind(R"({"id":"doc \"7\"","document":{"path":"msa.txt",)", 0), 0u) << line;
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  nlohmann::json doc = nlohmann::json::parse(line);
  EXPECT_EQ(doc["id"], "doc \"7\"");
  EXPECT_EQ(doc["summary"]["worst_risk"], "medium");
  EXPECT_EQ(doc["findings"][0]["parameters"]["amount"], 5000000);
}

TEST(JsonLines, IdsThatAreNotStringsKeepTheirJsonType) {
  for (const char* json : {"42", "null", "[\"a\",1]", "{\"k\":\"v\"}"}) {
    std::ostringstream out;
    WriteJsonLines(samples::MsaReport(), JsonLinesId::FromJson(json), out);
    EXPECT_EQ(nlohmann::json::parse(out.str())["id"], nlohmann::json::parse(json)) << json;
  }
  std::ostringstream not_json;
  WriteJsonLinesError(JsonLinesId::FromJson("{oops"), Error(ErrorCode::kIo, "x"), not_json);
  EXPECT_EQ(nlohmann::json::parse(not_json.str())["id"], "{oops");
}

// issue 16 review E: a JSON id is written back as given; re-dumped after parsing, a big integer
// lost its digits (1.2345678901234568e+22). Blanks between its tokens go, those in its strings
// stay; an id that cannot be written back (a number beyond a double) is written as a string.
TEST(JsonLines, JsonIdsAreWrittenAsGiven) {
  struct Case {
    std::string id;
    std::string written;
  };
  const std::string deep = std::string(65, '[') + std::string(65, ']');  // past 64 levels
  const Case cases[] = {
      {"12345678901234567890123", "12345678901234567890123"},
      {"2.50", "2.50"},
      {"[1, \"a b\",\t{\"k\": -0}]", "[1,\"a b\",{\"k\":-0}]"},
      {"\"q\\\" \"", "\"q\\\" \""},
      {"1e999", "\"1e999\""},
      {deep, "\"" + deep + "\""},
  };
  for (const Case& c : cases) {
    std::ostringstream report;
    WriteJsonLines(samples::MsaReport(), JsonLinesId::FromJson(c.id), report);
    EXPECT_EQ(report.str().rfind(std::string("{\"id\":") + c.written + ",\"document\":", 0), 0u)
        << report.str().substr(0, 80);
    std::ostringstream error;
    WriteJsonLinesError(JsonLinesId::FromJson(c.id), Error(ErrorCode::kIo, "x"), error);
    EXPECT_EQ(error.str(), std::string("{\"id\":") + c.written +
                               ",\"error\":{\"code\":\"io\",\"message\":\"x\"}}\n");
  }
}

TEST(JsonLines, ErrorLine) {
  std::ostringstream out;
  WriteJsonLinesError("a1", Error(ErrorCode::kInvalidUtf8, "invalid byte 0xff", "<stdin>"), out);
  EXPECT_EQ(out.str(),
            R"({"id":"a1","error":{"code":"invalid_utf8","message":"<stdin>: invalid byte 0xff"}})"
            "\n");
}

}  // namespace
}  // namespace clausescan

// Baseline: which findings an earlier report accepts, read from the JSON formats.
#include "clausescan/baseline.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::string JsonOf(const Report& report) {
  std::ostringstream out;
  WriteJson(report, out);
  return out.str();
}

Baseline BaselineOf(const std::string& json) {
  Result<Baseline> baseline = Baseline::FromJson(json, "base.json");
  EXPECT_TRUE(baseline.ok()) << baseline.error().message();
  return baseline.ok() ? *baseline : Baseline();
}

TEST(Baseline, AcceptsWhatTheEarlierReportHad) {
  Baseline baseline = BaselineOf(JsonOf(samples::DpaReport()));
  EXPECT_EQ(baseline.size(), 3u);  // two findings and a missing clause
  Report again = samples::DpaReport();
  EXPECT_EQ(baseline.Filter(again), 3u);
  EXPECT_TRUE(again.findings.empty());
  EXPECT_TRUE(again.missing.empty());
}

TEST(Baseline, MovedOrRewrappedClausesStayAcceptedChangedWordsDoNot) {
  Baseline baseline = BaselineOf(JsonOf(samples::DpaReport()));
  Report later = samples::DpaReport();
  later.findings[0].line += 40;  // moved down the document
  later.findings[0].start += 900;
  later.findings[0].text =
      "Supplier shall notify Customer\n  within twenty-four (24) hours of its "
      "occurrence.";                                            // re-wrapped
  later.findings[1].text += " It shall certify the deletion.";  // reworded
  EXPECT_EQ(baseline.Filter(later), 2u);
  ASSERT_EQ(later.findings.size(), 1u);
  EXPECT_EQ(later.findings[0].rule, samples::DpaReport().findings[1].rule);
}

// issue 15 (reading review): reports quote a Markdown clause without its inline tags and
// emphasis markers now; a baseline written before (with them) and one written since both
// accept the same finding.
TEST(Baseline, AMarkdownClauseWithOrWithoutItsTagsIsTheSameClause) {
  Report report = samples::DpaReport();
  const std::string as_written =
      "<span class=\"keyterms_link\">Supplier</span> shall **notify** Customer within 24 hours.";
  report.findings[0].text = as_written;
  const std::string now = JsonOf(report);
  EXPECT_EQ(now.find("</span>"), std::string::npos) << now;
  EXPECT_NE(now.find("Supplier shall notify Customer within 24 hours."), std::string::npos);
  Report again = report;
  EXPECT_EQ(BaselineOf(now).Filter(again), 3u);
  nlohmann::json before = nlohmann::json::parse(now);
  before["findings"][0]["text"] = as_written;  // as the earlier version wrote it
  again = report;
  EXPECT_EQ(BaselineOf(before.dump()).Filter(again), 3u);
  EXPECT_TRUE(again.findings.empty());
}

TEST(Baseline, OnlyTheSameDocumentAndAsManyAsItHad) {
  Baseline baseline = BaselineOf(JsonOf(samples::DpaReport()));
  Report elsewhere = samples::DpaReport();
  elsewhere.document.path = "contracts/other-dpa.md";
  EXPECT_EQ(baseline.Filter(elsewhere), 0u);
  Report twice = samples::DpaReport();
  twice.findings.push_back(twice.findings[0]);  // the same clause a second time
  EXPECT_EQ(baseline.Filter(twice), 3u);
  EXPECT_EQ(twice.findings.size(), 1u);
}

TEST(Baseline, ReadsArraysAndJsonLines) {
  std::ostringstream array;
  WriteJsonArray(samples::TwoReports(), array);
  EXPECT_EQ(BaselineOf(array.str()).size(), 4u);
  std::ostringstream lines;
  WriteJsonLines(samples::DpaReport(), "a", lines);
  WriteJsonLinesError("b", Error(ErrorCode::kIo, "cannot open"), lines);
  WriteJsonLines(samples::MsaReport(), lines);
  EXPECT_EQ(BaselineOf(lines.str()).size(), 4u);
}

TEST(Baseline, RefusesWhatIsNotAReport) {
  for (const char* json : {"", "{}", "[1, 2]", "{\"document\": {\"path\": \"x\"}}",
                           "{\"findings\": []}\nnot json\n"}) {
    Result<Baseline> baseline = Baseline::FromJson(json, "base.json");
    ASSERT_FALSE(baseline.ok()) << json;
    EXPECT_EQ(baseline.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(baseline.error().file(), "base.json");
  }
  Result<Baseline> missing = Baseline::ReadFile("/nonexistent/base.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace clausescan

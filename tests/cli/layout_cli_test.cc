// The report a busy reader acts on: top issues first, --min-risk and --sort in every format,
// brief LOW findings, titled Markdown and HTML, and what a CI gate says (issue 15 #2, #7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A small DPA with a LOW (line 5), a LOW and a MEDIUM (line 9) and a HIGH (line 13) finding.
constexpr const char* kDpa =
    "# Data Processing Agreement\n\n## 1. Instructions\n\n"
    "Provider will abide by these instructions unless prohibited from doing so by Applicable "
    "Laws.\n\n## 2. Transfers\n\n"
    "If required by Applicable Data Protection Laws, Provider will assist Customer in "
    "conducting any mandated data transfer impact assessments.\n\n## 3. Security Incidents\n\n"
    "Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of its "
    "occurrence.\n";

class LayoutCli : public ::testing::Test {
 protected:
  void SetUp() override { WriteWholeFile(Dpa(), kDpa); }
  std::filesystem::path Dpa() const { return dir_.path() / "dpa.md"; }
  RunResult Scan(const std::string& options) {
    return RunClausescan("scan " + options + " " + Quote(Dpa()));
  }
  TempDir dir_;
};

std::vector<std::string> Risks(const nlohmann::json& report) {
  std::vector<std::string> risks;
  for (const nlohmann::json& f : report["findings"]) risks.push_back(f["risk"]);
  return risks;
}

// issue 15 #2: the text report opens with the HIGH and MEDIUM findings, in words and numbers.
TEST_F(LayoutCli, TextOpensWithTheTopIssuesWorstFirst) {
  RunResult r = Scan("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t top = r.out.find("top issues:\n");
  ASSERT_NE(top, std::string::npos) << r.out;
  std::size_t high =
      r.out.find("  HIGH    incident_notification: notice within 24 h of occurrence");
  std::size_t medium = r.out.find("  MEDIUM  international_transfers: transfer impact assessment");
  ASSERT_NE(high, std::string::npos) << r.out;
  ASSERT_NE(medium, std::string::npos) << r.out;
  EXPECT_LT(top, high);
  EXPECT_LT(high, medium);
  EXPECT_LT(medium, r.out.find(":5:1  LOW")) << "top issues come before any finding";
  EXPECT_THAT(r.out, HasSubstr("line 13, section 3. Security"));
}

// issue 15 #2: LOW findings take two lines unless --verbose.
TEST_F(LayoutCli, LowFindingsAreBriefUnlessVerbose) {
  RunResult brief = Scan("");
  std::size_t low = brief.out.find(":5:1  LOW  data_processing");
  ASSERT_NE(low, std::string::npos) << brief.out;
  std::string rest = brief.out.substr(low);
  std::istringstream lines(rest);
  std::string first, second, third;
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  // issue 14 (review s7 #7): the second line is the finding's compact why-line.
  EXPECT_EQ(second.rfind("  why the buyer asks: ", 0), 0u) << rest;
  EXPECT_LE(second.size(), 100u + 2) << second;
  EXPECT_EQ(third.find("why:"), std::string::npos) << rest;
  EXPECT_EQ(third.find("controls:"), std::string::npos) << rest;
  RunResult verbose = Scan("--verbose");
  std::string full = verbose.out.substr(verbose.out.find(":5:1  LOW  data_processing"));
  EXPECT_THAT(full.substr(0, full.find(":9:1")), HasSubstr("  controls:\n"));
  EXPECT_LT(brief.out.size(), verbose.out.size());
  // Without a rationale the second line is the clause's start.
  RunResult bare = Scan("--no-rationale");
  std::string bare_rest = bare.out.substr(bare.out.find(":5:1  LOW  data_processing"));
  EXPECT_NE(bare_rest.find("\n  | Provider will abide by these instructions"), std::string::npos)
      << bare_rest;
}

// issue 15 #2: --min-risk leaves lower findings out of every format; the counts count what is
// shown and a note says what was left out.
TEST_F(LayoutCli, MinRiskFiltersJsonAndItsSummary) {
  RunResult r = Scan("--format json --min-risk Medium");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_EQ(Risks(report), (std::vector<std::string>{"medium", "high"}));
  EXPECT_EQ(report["summary"]["findings"], 2);
  EXPECT_EQ(report["summary"]["by_risk"]["low"], 0);
  ASSERT_FALSE(report["notes"].empty());
  EXPECT_THAT(report["notes"].back().get<std::string>(),
              HasSubstr("2 findings below medium risk left out"));
}

TEST_F(LayoutCli, MinRiskFiltersEveryOtherFormat) {
  RunResult csv = Scan("--format csv --min-risk high");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 2) << csv.out;  // header + 1 row
  RunResult sarif = Scan("--format sarif --min-risk HIGH");
  nlohmann::json log = nlohmann::json::parse(sarif.out);
  std::size_t located = 0;
  for (const nlohmann::json& result : log["runs"][0]["results"]) {
    EXPECT_NE(result["level"], "note") << result.dump();
    if (result.contains("locations") &&
        result["locations"][0]["physicalLocation"].contains("region"))
      ++located;
  }
  EXPECT_EQ(located, 1u);
  RunResult jsonl = Scan("--format jsonl --min-risk medium");
  EXPECT_EQ(Risks(nlohmann::json::parse(jsonl.out)).size(), 2u);
  RunResult filter =
      RunClausescan("scan --format jsonl --min-risk high -",
                    nlohmann::json({{"id", 1}, {"text", kDpa}, {"name", "a.md"}}).dump() + "\n");
  EXPECT_EQ(Risks(nlohmann::json::parse(filter.out)), (std::vector<std::string>{"high"}));
  for (const char* format : {"text", "md", "html"}) {
    RunResult people = Scan(std::string("--format ") + format + " --min-risk medium");
    EXPECT_THAT(people.out, Not(HasSubstr("abide by these instructions"))) << format;
    EXPECT_THAT(people.out, HasSubstr("transfer impact assessment")) << format;
  }
}

// issue 15 #2: --sort risk puts the worst first, in every format.
TEST_F(LayoutCli, SortByRiskOrPosition) {
  nlohmann::json by_risk = nlohmann::json::parse(Scan("--format json --sort risk").out);
  EXPECT_EQ(Risks(by_risk), (std::vector<std::string>{"high", "medium", "low", "low"}));
  nlohmann::json by_position = nlohmann::json::parse(Scan("--format json --sort Position").out);
  EXPECT_EQ(Risks(by_position), (std::vector<std::string>{"low", "low", "medium", "high"}));
  RunResult text = Scan("--sort risk --verbose");
  EXPECT_LT(text.out.find(":13:1  HIGH"), text.out.find(":5:1  LOW")) << text.out;
  EXPECT_NE(Scan("--sort worst").exit_code, 0);
}

// issue 15 #2: Markdown and HTML take a title and name the document, not its absolute path.
TEST_F(LayoutCli, MarkdownAndHtmlTakeATitleAndShowTheDocumentsName) {
  for (const char* format : {"md", "html"}) {
    RunResult r = Scan(std::string("--format ") + format + " --title 'Acme DPA review'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Acme DPA review")) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("Contract security review"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr(dir_.path().string()))) << format;
    EXPECT_THAT(r.out, HasSubstr("dpa.md")) << format;
    EXPECT_THAT(r.out, HasSubstr("Executive summary")) << format;
  }
}

// issue 15 #7: --fail-on says on stderr which findings closed the gate; risk names in any case.
TEST_F(LayoutCli, FailOnListsWhatReachedTheGate) {
  RunResult r = Scan("--fail-on HIGH --format json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("--fail-on high: 1 finding and 1 missing clause at or above high"));
  EXPECT_THAT(r.err, HasSubstr(Dpa().string() + ":13 incident_notification high"));
  EXPECT_THAT(r.err, HasSubstr(Dpa().string() + ": missing subprocessors high"));
  EXPECT_THAT(r.err, Not(HasSubstr("international_transfers")));
  RunResult quiet = RunClausescan("scan --fail-on High -", "Nothing to see here.\n");
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
}

// issue 15 #7: the evidence pack for scripts.
TEST_F(LayoutCli, EvidenceAsJsonAndCsv) {
  RunResult json = RunClausescan("evidence --format json " + Quote(Dpa()));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json pack = nlohmann::json::parse(json.out);
  ASSERT_FALSE(pack["items"].empty());
  const nlohmann::json& first = pack["items"][0];
  EXPECT_EQ(first["risk"], "high");
  EXPECT_FALSE(first["controls"].empty());
  bool high_found = false;
  for (const nlohmann::json& ref : first["findings"]) {
    EXPECT_EQ(ref["path"], Dpa().string());
    high_found = high_found || (ref["line"] == 13 && ref["risk"] == "high");
  }
  EXPECT_TRUE(high_found) << first.dump();
  RunResult csv = RunClausescan("evidence -f CSV " + Quote(Dpa()));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(
      csv.out.rfind("item,title,item_risk,controls,path,line,category,rule,risk,rationale\r\n", 0),
      0u)
      << csv.out;
  EXPECT_THAT(csv.out, HasSubstr(",13,incident_notification,incident-notification.window,high,"));
  std::filesystem::path file = dir_.path() / "pack.JSON";
  RunResult by_name = RunClausescan("evidence -o " + Quote(file) + " " + Quote(Dpa()));
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_TRUE(nlohmann::json::parse(ReadWholeFile(file)).contains("items"));
}

// issue 15 #7: a playbook may write risk names in any case too.
TEST_F(LayoutCli, PlaybookRiskNamesInAnyCase) {
  std::filesystem::path playbook = dir_.path() / "playbook.yaml";
  WriteWholeFile(playbook,
                 "international_transfers:\n  default: Info\n  positions:\n"
                 "    - {id: transfers-impact-assessment, when: {tia: true}, risk: High,\n"
                 "       reason: \"we never do these\"}\n");
  RunResult r = Scan("--format json --playbook " + Quote(playbook));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  bool seen = false;
  for (const nlohmann::json& f : report["findings"]) {
    if (f["category"] != "international_transfers") continue;
    seen = true;
    EXPECT_EQ(f["risk"], "high") << f.dump();
  }
  EXPECT_TRUE(seen) << r.out;
}

}  // namespace
}  // namespace clausescan::testing

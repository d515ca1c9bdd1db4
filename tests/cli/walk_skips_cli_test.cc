// What a folder walk must not read as a contract, found by the attack review of main ecf00c7:
// five shapes of clausescan's own output (#1), the playbooks and profiles clausescan writes
// (#3), and the spreadsheets, archives and operating-system files that sit beside contracts
// (#8); and accepted baseline findings that used up --max-findings (#4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;
const std::string kContract = kSource + "/corpus/security-addendum.md";
const std::string kDpa = kSource + "/corpus/dpa.md";
const std::string kProfile = kSource + "/corpus/profile/acme-profile.yaml";

class WalkedFolder : public ::testing::Test {
 protected:
  WalkedFolder() {
    fs::create_directory(Folder());
    fs::copy_file(kContract, Folder() / "dpa.md");
  }
  fs::path Folder() const { return dir_.path() / "D"; }
  std::string D() const { return Quote(Folder()); }
  // The document paths a JSON scan of D reads, sorted.
  std::vector<std::string> ScannedPaths() {
    const RunResult run = RunClausescan("scan " + D() + " -f json");
    const Json json = Json::parse(run.out, nullptr, false);
    if (json.is_discarded()) return {"not json: " + run.out + run.err};
    std::vector<std::string> paths;
    for (const Json& report : json.is_array() ? json : Json::array({json})) {
      paths.push_back(report.is_object() && report.contains("document")
                          ? report["document"].value("path", "")
                          : "no document: " + report.dump());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  }
  std::vector<std::string> OnlyTheContract() const { return {(Folder() / "dpa.md").string()}; }

  TempDir dir_;
};

TEST_F(WalkedFolder, TheTextReportOfSeveralDocumentsIsSkipped) {
  fs::copy_file(kDpa, Folder() / "second.md");
  ASSERT_EQ(RunClausescan("scan " + D() + " -o " + Quote(dir_.path() / "review.txt")).exit_code,
            0);
  fs::rename(dir_.path() / "review.txt", Folder() / "review.txt");
  ASSERT_THAT(ReadWholeFile(Folder() / "review.txt"), ::testing::StartsWith("summary: "));
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_THAT(run.err, HasSubstr("review.txt: skipped: an earlier clausescan report"));
  EXPECT_EQ(ScannedPaths().size(), 2u);
}

TEST_F(WalkedFolder, TheJsonReportOfARunWithAFailedInputIsSkipped) {
  const fs::path report = dir_.path() / "review.json";
  ASSERT_EQ(RunClausescan("scan " + D() + " " + Quote(dir_.path() / "gone.md") + " -f json -o " +
                          Quote(report))
                .exit_code,
            2);
  fs::rename(report, Folder() / "review.json");
  EXPECT_EQ(ScannedPaths(), OnlyTheContract());
}

TEST_F(WalkedFolder, TheJsonLinesFilterOutputIsSkipped) {
  const std::string request =
      Json{{"id", "dpa-42"}, {"text", ReadWholeFile(kDpa)}}.dump() + "\n";
  ASSERT_EQ(
      RunClausescan("scan - -f jsonl -o " + Quote(Folder() / "stream.jsonl"), request).exit_code,
      0);
  EXPECT_EQ(ScannedPaths(), OnlyTheContract());
}

TEST_F(WalkedFolder, APackIndexAndTheStillMissingListAreSkipped) {
  const fs::path pack = dir_.path() / "pk";
  ASSERT_EQ(RunClausescan("pack " + Quote(kContract) + " --profile " + Quote(kProfile) +
                          " --as-of 2026-12-08 -o " + Quote(pack) + " --missing " +
                          Quote(Folder() / "still-missing.txt"))
                .exit_code,
            0);
  fs::copy_file(pack / "index.md", Folder() / "acme-pack.md");
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_THAT(run.err, HasSubstr("acme-pack.md: skipped: an earlier clausescan pack index"));
  EXPECT_THAT(run.err,
              HasSubstr("still-missing.txt: skipped: an earlier clausescan still-missing list"));
  EXPECT_EQ(ScannedPaths(), OnlyTheContract());
}

TEST_F(WalkedFolder, PlaybooksAndProfilesWrittenByInitAreSkippedAndTheGateStaysGreen) {
  const std::string clause =
      "This Agreement is between Acme Ltd (\"Customer\") and Beta Ltd (\"Supplier\").\n\n"
      "Supplier shall notify Customer of any Security Incident within 72 hours after confirming "
      "it.\n";
  fs::remove(Folder() / "dpa.md");
  WriteWholeFile(Folder() / "contract.md", clause);
  ASSERT_EQ(RunClausescan("scan " + D() + " --fail-on high").exit_code, 0);
  ASSERT_EQ(RunClausescan("playbook init " + Quote(Folder() / "playbook.yaml")).exit_code, 0);
  ASSERT_EQ(RunClausescan("profile init " + Quote(Folder() / "profile.yml")).exit_code, 0);
  WriteWholeFile(Folder() / "ci.yaml", "steps:\n  - run: clausescan scan contracts\n");
  const RunResult run = RunClausescan("scan " + D() + " --fail-on high");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("playbook.yaml: skipped: a clausescan playbook, not a contract"));
  EXPECT_THAT(run.err,
              HasSubstr("profile.yml: skipped: a clausescan company profile, not a contract"));
  EXPECT_THAT(run.err, HasSubstr("ci.yaml: skipped: a YAML file, not a contract"));
  // Named on the command line, a YAML file is read as asked.
  const RunResult named = RunClausescan("scan -f json " + Quote(Folder() / "ci.yaml"));
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_THAT(named.err, Not(HasSubstr("skipped")));
}

TEST_F(WalkedFolder, SpreadsheetsArchivesAndSystemFilesBesideContractsAreSkippedNotErrors) {
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  ole.resize(512, '\0');
  WriteWholeFile(Folder() / "Thumbs.db", ole);
  WriteWholeFile(Folder() / "desktop.ini", "[.ShellClassInfo]\nIconResource=x\n");
  WriteWholeFile(Folder() / "budget.xlsx", std::string("PK\x03\x04", 4) + std::string(60, '\0'));
  WriteWholeFile(Folder() / "logo.PNG", "\x89PNG\r\n\x1A\n");
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("Thumbs.db: skipped: a Windows thumbnail cache, not a contract"));
  EXPECT_THAT(run.err, HasSubstr("budget.xlsx: skipped: a spreadsheet (.xlsx), not a contract"));
  EXPECT_THAT(run.err, HasSubstr("logo.PNG: skipped: an image (.png), not a contract"));
  EXPECT_THAT(run.err, HasSubstr("desktop.ini: skipped"));
  EXPECT_THAT(run.err, Not(HasSubstr("legacy Office")));
  EXPECT_EQ(ScannedPaths(), OnlyTheContract());
  // A legacy Word file is a contract that cannot be read: still an error, in a walk too.
  WriteWholeFile(Folder() / "old.doc", ole);
  EXPECT_EQ(RunClausescan("scan " + D() + " -f json").exit_code, 2);
}

// Attack review of the merged main (session 16) #1: a contract whose first line opens like a
// line of clausescan's output ("summary: 12 findings of the audit", "check: ...", "no document
// in your profile: ...") was skipped as a report or a still-missing list, and the gate passed.
TEST_F(WalkedFolder, ContractsThatOpenLikeAnOutputLineAreScanned) {
  const std::string contract = ReadWholeFile(kContract);
  WriteWholeFile(Folder() / "summary.md",
                 "summary: 12 findings of the 2025 audit are addressed below\n\n" + contract);
  WriteWholeFile(Folder() / "check.md", "check: the following terms\n\n" + contract);
  WriteWholeFile(Folder() / "nodoc.txt",
                 "no document in your profile: none is needed for these terms\n\n" + contract);
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_THAT(run.err, Not(HasSubstr("skipped"))) << run.err;
  EXPECT_EQ(ScannedPaths().size(), 4u);
}

// The text reports of --min-risk runs (one document and several) are still told as reports.
TEST_F(WalkedFolder, TextReportsOfMinRiskRunsAreSkipped) {
  fs::copy_file(kDpa, Folder() / "second.md");
  for (const char* risk : {"high", "medium"}) {
    const std::string one = std::string("one-") + risk + ".txt";
    const std::string several = std::string("several-") + risk + ".txt";
    ASSERT_EQ(RunClausescan("scan " + Quote(Folder() / "dpa.md") + " --min-risk " + risk +
                            " -o " + Quote(dir_.path() / one))
                  .exit_code,
              0);
    ASSERT_EQ(RunClausescan("scan " + D() + " --min-risk " + risk + " -o " +
                            Quote(dir_.path() / several))
                  .exit_code,
              0);
    fs::rename(dir_.path() / one, Folder() / one);
    fs::rename(dir_.path() / several, Folder() / several);
  }
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_THAT(run.err, HasSubstr("one-high.txt: skipped: an earlier clausescan report"));
  EXPECT_THAT(run.err, HasSubstr("several-medium.txt: skipped: an earlier clausescan report"));
  EXPECT_EQ(ScannedPaths().size(), 2u);
}

// #4: findings accepted in the baseline used up --max-findings: a new HIGH clause after them
// was never reported, the note said "10 findings shown" with none shown, and the run passed.
TEST(BaselineAndMaxFindings, TheLimitCountsTheFindingsShownAfterTheBaseline) {
  TempDir dir;
  const fs::path contract = dir.path() / "dpa.md";
  const fs::path base = dir.path() / "base.json";
  fs::copy_file(kContract, contract);
  ASSERT_EQ(RunClausescan("scan " + Quote(contract) + " -f json -o " + Quote(base)).exit_code, 0);
  WriteWholeFile(contract, ReadWholeFile(contract) +
                               "\n## 13. New\n\nSupplier shall notify Customer of any Security "
                               "Incident within 2 hours of discovery.\n");
  const RunResult run = RunClausescan("scan " + Quote(contract) + " -f json --baseline " +
                                      Quote(base) + " --max-findings 10 --fail-on high");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const Json report = Json::parse(run.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << run.out;
  ASSERT_EQ(report["findings"].size(), 1u) << run.out;
  EXPECT_EQ(report["findings"][0]["category"], "incident_notification");
  EXPECT_EQ(report["findings"][0]["risk"], "high");
  const std::string notes = report["notes"].dump();
  EXPECT_THAT(notes, HasSubstr("findings are accepted in the baseline"));
  EXPECT_THAT(notes, Not(HasSubstr("shown; the document has more")));
}

}  // namespace
}  // namespace clausescan::testing

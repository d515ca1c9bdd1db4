// clausescan's own earlier outputs (reports, evidence lists, packs) inside a folder walked are no
// contracts: scan, evidence and pack skip them with a note, recognised by content, whatever their
// names (attack review of main 9ef7676 #1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;
const std::string kContract = kSource + "/corpus/security-addendum.md";
const std::string kProfile = kSource + "/corpus/profile/acme-profile.yaml";

// A folder D holding one contract, dpa.md.
class FolderWithAContract : public ::testing::Test {
 protected:
  FolderWithAContract() {
    fs::create_directory(Folder());
    fs::copy_file(kContract, Folder() / "dpa.md");
  }
  fs::path Folder() const { return dir_.path() / "D"; }
  std::string D() const { return Quote(Folder()); }
  std::string Contract() const { return Quote(Folder() / "dpa.md"); }
  // The documents a JSON scan of D reads.
  std::vector<std::string> ScannedPaths() {
    const RunResult run = RunClausescan("scan " + D() + " -f json");
    std::vector<std::string> paths;
    const Json json = Json::parse(run.out, nullptr, false);
    if (json.is_discarded()) return {"not json: " + run.out + run.err};
    for (const Json& report : json.is_array() ? json : Json::array({json})) {
      paths.push_back(report.is_object() && report.contains("document")
                          ? report["document"].value("path", "")
                          : "no document: " + report.dump());
    }
    return paths;
  }

  TempDir dir_;
};

TEST_F(FolderWithAContract, EveryReportFormatWrittenIntoTheFolderIsSkippedByTheNextScan) {
  for (const char* format : {"json", "jsonl", "sarif", "csv", "md", "html", "text"}) {
    // Names that say nothing of the content: recognised by what the file holds.
    const fs::path report = Folder() / (std::string("notes-") + format + ".txt");
    ASSERT_EQ(
        RunClausescan("scan " + Contract() + " -f " + format + " -o " + Quote(report)).exit_code, 0)
        << format;
  }
  for (const char* format : {"json", "csv", "text"}) {
    const fs::path list = Folder() / (std::string("evidence-") + format + ".txt");
    ASSERT_EQ(
        RunClausescan("evidence " + Contract() + " -f " + format + " -o " + Quote(list)).exit_code,
        0)
        << format;
  }
  EXPECT_THAT(ScannedPaths(), ::testing::ElementsAre((Folder() / "dpa.md").string()));
  const RunResult run = RunClausescan("scan " + D() + " -f json");
  EXPECT_THAT(run.err, HasSubstr("notes-md.txt: skipped: an earlier clausescan report, not a "
                                 "contract"));
  EXPECT_THAT(run.err, HasSubstr("evidence-csv.txt: skipped: an earlier clausescan evidence list"));
}

TEST_F(FolderWithAContract, PackLeavesOutEarlierReports) {
  for (const char* name : {"review.json", "review.md"}) {
    ASSERT_EQ(RunClausescan("scan " + Contract() + " -o " + Quote(Folder() / name)).exit_code, 0);
  }
  const fs::path pack = dir_.path() / "pk";
  const RunResult run = RunClausescan("pack " + D() + " --profile " + Quote(kProfile) +
                                      " --as-of 2026-12-06 -o " + Quote(pack));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string index = ReadWholeFile(pack / "index.md");
  EXPECT_THAT(index, Not(HasSubstr("review.json")));
  EXPECT_THAT(index, Not(HasSubstr("review.md")));
}

TEST_F(FolderWithAContract, AZipPackInTheFolderIsSkippedByScan) {
  ASSERT_EQ(RunClausescan("pack " + Contract() + " --profile " + Quote(kProfile) +
                          " --as-of 2026-12-06 -o " + Quote(Folder() / "p.zip"))
                .exit_code,
            0);
  const RunResult run = RunClausescan("scan " + D() + " --fail-on high");
  EXPECT_EQ(run.exit_code, 1) << run.err;  // the contract's HIGH findings, no unreadable input
  EXPECT_THAT(run.err, HasSubstr("p.zip: skipped: an earlier clausescan pack"));
  EXPECT_THAT(ScannedPaths(), ::testing::ElementsAre((Folder() / "dpa.md").string()));
}

TEST_F(FolderWithAContract, AReportNamedOnTheCommandLineIsScannedAsAsked) {
  const fs::path report = Folder() / "review.md";
  ASSERT_EQ(RunClausescan("scan " + Contract() + " -f md -o " + Quote(report)).exit_code, 0);
  const RunResult run = RunClausescan("scan -f json " + Quote(report));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("review.md"));
  EXPECT_THAT(run.err, Not(HasSubstr("skipped")));
}

TEST_F(FolderWithAContract, AContractThatQuotesTheMarkersInsideIsStillAContract) {
  WriteWholeFile(Folder() / "plain.md",
                 "Supplier ran clausescan.\n# Contract security review\n{\"document\":{\n"
                 "path,line,column,start,end,page,paragraph,section,category,rule,risk,\n");
  EXPECT_EQ(ScannedPaths().size(), 2u);
}

// Attack review of main 8a5a3af #1: contracts whose opening resembles a report were skipped
// as "an earlier clausescan report" and the run passed without them: a contract exported as
// JSON, a Markdown contract titled like the report, and a folder whose index.md only shares
// the pack's heading. Each is a contract.
TEST_F(FolderWithAContract, ContractsThatOpenLikeAReportAreScanned) {
  const std::string clause =
      "The Supplier shall notify the Customer of any Security Incident within 24 hours.";
  WriteWholeFile(Folder() / "export.json",
                 "{\"document\":{\"title\":\"MSA\",\"text\":\"" + clause + "\"}}");
  WriteWholeFile(Folder() / "titled.md", "# Contract security review\n\n" + clause + "\n");
  fs::create_directories(Folder() / "vendor" / "contracts");
  WriteWholeFile(Folder() / "vendor" / "index.md",
                 "# Security pack\n\nDocuments from our vendor.\n");
  WriteWholeFile(Folder() / "vendor" / "contracts" / "annex.md", clause + "\n");
  const std::vector<std::string> paths = ScannedPaths();
  for (const char* name : {"export.json", "titled.md", "vendor/index.md",
                           "vendor/contracts/annex.md"}) {
    EXPECT_THAT(paths, ::testing::Contains((Folder() / name).string())) << name;
  }
  EXPECT_THAT(RunClausescan("scan " + D() + " -f json").err, Not(HasSubstr("skipped")));
}

// Reports written with --title (text and Markdown) are recognised as the untitled ones are.
TEST_F(FolderWithAContract, ReportsWithATitleAreSkippedToo) {
  for (const char* format : {"md", "text"}) {
    ASSERT_EQ(RunClausescan("scan " + Contract() + " -f " + format +
                            " --title 'Corvid MSA review' -o " +
                            Quote(Folder() / (std::string("rep-") + format + ".out")))
                  .exit_code,
              0);
  }
  EXPECT_THAT(ScannedPaths(), ::testing::ElementsAre((Folder() / "dpa.md").string()));
}

// Attack review of main b9810e3 #7: a report whose --title ran past 4,000 characters was scanned as
// a contract (its summary lines fell outside the bytes read to recognise it).
TEST_F(FolderWithAContract, ReportsWithALongTitleAreSkippedToo) {
  const std::string title(20000, 'x');
  for (const char* format : {"md", "text", "html"}) {
    ASSERT_EQ(RunClausescan("scan " + Contract() + " -f " + format + " --title '" + title + "' -o " +
                            Quote(Folder() / (std::string("long-") + format + ".out")))
                  .exit_code,
              0);
  }
  EXPECT_THAT(ScannedPaths(), ::testing::ElementsAre((Folder() / "dpa.md").string()));
}

// The check for earlier outputs is part of the folder walk: a report the walk skips anyway (hidden,
// or left out with --exclude) is never opened nor named, and one the walk yields is still skipped.
TEST_F(FolderWithAContract, OnlyFilesTheWalkYieldsAreCheckedForEarlierOutputs) {
  fs::create_directory(Folder() / "old");
  for (const char* name : {".hidden-review.md", "old/excluded-review.md", "review.md"}) {
    ASSERT_EQ(RunClausescan("scan " + Contract() + " -f md -o " + Quote(Folder() / name)).exit_code,
              0);
  }
  const RunResult run = RunClausescan("scan " + D() + " --exclude old -f json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, Not(HasSubstr(".hidden-review.md")));
  EXPECT_THAT(run.err, Not(HasSubstr("excluded-review.md")));
  EXPECT_THAT(run.err,
              HasSubstr("review.md: skipped: an earlier clausescan report, not a contract"));
  EXPECT_THAT(ScannedPaths(), ::testing::ElementsAre((Folder() / "dpa.md").string()));
}

// The files a run uses, inside a folder it scans, are no contracts: the --playbook, --baseline
// and --profile files, the profile's evidence files and the --rules folder are skipped by file
// identity, whatever their content, with one note each (second reading of s12: the playbook and
// every rule file were scanned as contracts).
TEST_F(FolderWithAContract, FilesTheRunUsesAreSkippedWithOneNoteEach) {
  ASSERT_EQ(RunClausescan("playbook init " + Quote(Folder() / "pb.yaml")).exit_code, 0);
  ASSERT_EQ(RunClausescan("scan " + Contract() + " -f json -o " + Quote(Folder() / "base.json"))
                .exit_code,
            0);
  fs::copy(kSource + "/rules", Folder() / "my-rules", fs::copy_options::recursive);
  fs::copy(kSource + "/corpus/profile", Folder() / "profile", fs::copy_options::recursive);
  const RunResult run = RunClausescan(
      "scan " + D() + " -f json --playbook " + Quote(Folder() / "pb.yaml") + " --rules " +
      Quote(Folder() / "my-rules") + " --baseline " + Quote(Folder() / "base.json") +
      " --profile " + Quote(Folder() / "profile" / "acme-profile.yaml"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json json = Json::parse(run.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << run.out.substr(0, 400);  // one document: dpa.md
  EXPECT_EQ(json["document"].value("path", ""), (Folder() / "dpa.md").string());
  for (const std::string note :
       {"pb.yaml: skipped: it is the --playbook file, not a contract",
        "base.json: skipped: it is the --baseline file, not a contract",
        "my-rules: skipped: it is the --rules folder, not contracts",
        "acme-profile.yaml: skipped: it is the --profile file, not a contract",
        "iso27001-certificate.txt: skipped: it is the file of the profile's evidence entry"}) {
    EXPECT_THAT(run.err, HasSubstr(note));
  }
  for (const char* name : {"pb.yaml", "base.json", "my-rules", "acme-profile.yaml"}) {
    const std::size_t first = run.err.find(name);
    EXPECT_EQ(run.err.find(name, first + 1), std::string::npos) << name << " named twice";
  }
}

// The file standard output is redirected to, in the folder scanned, is skipped with a note.
TEST_F(FolderWithAContract, TheFileStandardOutputGoesToIsSkippedWithANote) {
  const RunResult run = RunClausescan("scan " + D() + " -f json", "",
                                      Streams{"", "> " + Quote(Folder() / "r.json"), ""});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err,
              HasSubstr("r.json: skipped: it is the file standard output goes to, not a contract"));
  const Json json = Json::parse(ReadWholeFile(Folder() / "r.json"), nullptr, false);
  EXPECT_TRUE(json.is_object()) << "dpa.md only";
}

// With -L, a symbolic link to an earlier report (or pack folder) outside the folder is followed
// to what it names: the report is skipped as such, not scanned as a contract.
TEST_F(FolderWithAContract, WithFollowALinkToAnEarlierReportIsSkipped) {
  const fs::path elsewhere = dir_.path() / "elsewhere";
  fs::create_directory(elsewhere);
  ASSERT_EQ(
      RunClausescan("scan " + Contract() + " -f md -o " + Quote(elsewhere / "review.md")).exit_code,
      0);
  ASSERT_EQ(RunClausescan("pack " + Contract() + " --profile " + Quote(kProfile) +
                          " --as-of 2026-12-06 -o " + Quote(elsewhere / "pk"))
                .exit_code,
            0);
  fs::create_symlink(elsewhere / "review.md", Folder() / "link.md");
  fs::create_directory_symlink(elsewhere / "pk", Folder() / "pack-link");
  const RunResult run = RunClausescan("scan -L " + D() + " -f jsonl");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("link.md: skipped: an earlier clausescan report, not a contract"));
  EXPECT_THAT(run.err, HasSubstr("pack-link: skipped: an earlier clausescan pack, not contracts"));
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out.substr(0, 400);
}

// Attack review of 86d34a9 #3: a folder holding only the profile's files and a link to the
// profile printed nothing and exited 0 (the link counted as a file found under another name);
// it has no files to scan: exit 2, with the note, in every command that walks it.
TEST(OwnOutputs, AFolderOfProfileFilesAndALinkToThemHasNothingToScan) {
  TempDir dir;
  const fs::path profile = dir.path() / "profile";
  fs::copy(kSource + "/corpus/profile", profile, fs::copy_options::recursive);
  fs::create_symlink("acme-profile.yaml", profile / "c.md");
  const std::string args =
      Quote(profile) + " --profile " + Quote(profile / "acme-profile.yaml") + " --format json";
  for (const std::string command : {"scan ", "evidence "}) {
    const RunResult r = RunClausescan(command + args);
    EXPECT_EQ(r.exit_code, 2) << command << r.out;
    EXPECT_THAT(r.err, HasSubstr(profile.string() + ": the folder has no files to scan")) << command;
  }
}

}  // namespace
}  // namespace clausescan::testing

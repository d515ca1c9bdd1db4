// The clausescan binary on DOCX, PDF and HTML: documents made by the tests
// (tests/support/document_files.h), hostile files, and the real files of the shared corpus
// (../shared/corpus/{docx,pdf,cuad}), read by path.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

using Json = nlohmann::json;

// Generous bound on one run that must fail: a guard against hangs, not a performance claim.
constexpr auto kHangGuard = std::chrono::seconds(20);

std::string SharedPath(const std::string& relative) {
  return std::string(CLAUSESCAN_SHARED_DIR) + "/" + relative;
}

// Categories of the findings of one JSON report.
std::set<std::string> Categories(const Json& report) {
  std::set<std::string> categories;
  for (const Json& finding : report["findings"]) categories.insert(finding["category"]);
  return categories;
}

// The first finding of a category, or null.
Json FirstFinding(const Json& report, const std::string& category) {
  for (const Json& finding : report["findings"]) {
    if (finding["category"] == category) return finding;
  }
  return nullptr;
}

class FormatsCli : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& bytes) {
    std::filesystem::path path = dir_.path() / name;
    WriteWholeFile(path, bytes);
    return path;
  }
  TempDir dir_;
};

// Attack review of the merged main #10: that a file's name and content disagree was said by scan
// only, and not for a Word file named .txt; text, evidence and pack say it too, on stderr.
TEST_F(FormatsCli, EveryCommandSaysWhenTheNameAndContentDisagree) {
  DocxParts parts;
  const std::filesystem::path pdf = Write("msa.txt", MakePdf(ContractPages()));
  const std::filesystem::path docx = Write("contract.txt", MakeDocx(parts));
  const std::string profile = Quote(SourcePath("corpus/profile/acme-profile.yaml"));
  for (const auto& [path, content] :
       {std::pair{pdf, std::string("a PDF")}, std::pair{docx, std::string("a Word document (DOCX)")}}) {
    const std::string note = "the name says .txt but the content is " + content + ": read as that";
    RunResult scan = RunClausescan("scan --format json " + Quote(path));
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    EXPECT_NE(Json::parse(scan.out)["notes"].dump().find(note), std::string::npos) << scan.out;
    const std::string said = path.string() + ": note: " + note;
    RunResult text = RunClausescan("text " + Quote(path));
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.err.find(said), std::string::npos) << text.err;
    RunResult evidence = RunClausescan("evidence " + Quote(path));
    EXPECT_EQ(evidence.exit_code, 0) << evidence.err;
    EXPECT_NE(evidence.err.find(said), std::string::npos) << evidence.err;
    const std::filesystem::path out = dir_.path() / ("pack-" + path.stem().string());
    RunResult pack = RunClausescan("pack --as-of 2026-12-07 --profile " + profile + " -o " +
                                   Quote(out) + " " + Quote(path));
    EXPECT_EQ(pack.exit_code, 0) << pack.err;
    EXPECT_NE(pack.err.find(said), std::string::npos) << pack.err;
  }
}

TEST_F(FormatsCli, TextPrintsTheExtractedTextOfEveryFormat) {
  DocxParts parts;
  parts.body = TextPara("Supplier shall notify Customer.");
  RunResult docx = RunClausescan("text " + Quote(Write("a.docx", MakeDocx(parts))));
  EXPECT_EQ(docx.exit_code, 0) << docx.err;
  EXPECT_EQ(docx.out, "Supplier shall notify Customer.\n");

  RunResult pdf = RunClausescan("text " + Quote(Write("a.pdf", MakePdf(ContractPages()))));
  EXPECT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_NE(pdf.out.find("7. Security Incidents\nSupplier shall notify"), std::string::npos)
      << pdf.out;
  EXPECT_EQ(pdf.out.find("Page 2 of 3"), std::string::npos);

  RunResult html = RunClausescan(
      "text " + Quote(Write("a.html", "<!doctype html><h2>7. Incidents</h2><p>Notify.</p>")));
  EXPECT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out, "## 7. Incidents\n\nNotify.\n");
}

TEST_F(FormatsCli, PdfFindingsCarryTheirPageAndOffsetsIntoTheExtractedText) {
  std::filesystem::path pdf = Write("msa.pdf", MakePdf(ContractPages()));
  RunResult run = RunClausescan("scan --format json " + Quote(pdf));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json report = Json::parse(run.out);
  EXPECT_EQ(report["document"]["format"], "pdf");
  Json finding = FirstFinding(report, "incident_notification");
  ASSERT_FALSE(finding.is_null()) << run.out;
  EXPECT_EQ(finding["page"], 2);
  EXPECT_FALSE(finding.contains("paragraph"));
  std::string text = RunClausescan("text " + Quote(pdf)).out;
  std::size_t start = finding["start"];
  std::size_t end = finding["end"];
  EXPECT_EQ(text.substr(start, end - start), finding["text"].get<std::string>());

  RunResult human = RunClausescan("scan --color never " + Quote(pdf));
  EXPECT_NE(human.out.find(" (p. 2)  "), std::string::npos) << human.out;
}

TEST_F(FormatsCli, TrackedChangesAreAcceptedByDefaultAndOriginalOnRequest) {
  std::filesystem::path docx = Write("edited.docx", TrackedChangesDocx());
  RunResult accepted = RunClausescan("scan --format json " + Quote(docx));
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  Json report = Json::parse(accepted.out);
  EXPECT_EQ(report["document"]["format"], "docx");
  Json finding = FirstFinding(report, "incident_notification");
  ASSERT_FALSE(finding.is_null()) << accepted.out;
  EXPECT_EQ(finding["parameters"]["window_hours"], 72);
  EXPECT_EQ(finding["paragraph"], 2);
  ASSERT_EQ(report["notes"].size(), 1u);
  EXPECT_NE(report["notes"][0].get<std::string>().find("scanned as if all were accepted"),
            std::string::npos);

  RunResult original = RunClausescan("scan --format json --revisions original " + Quote(docx));
  ASSERT_EQ(original.exit_code, 0) << original.err;
  Json before = Json::parse(original.out);
  Json old_finding = FirstFinding(before, "incident_notification");
  ASSERT_FALSE(old_finding.is_null()) << original.out;
  EXPECT_EQ(old_finding["parameters"]["window_hours"], 24);
  EXPECT_NE(before["notes"][0].get<std::string>().find("before them"), std::string::npos);

  EXPECT_NE(RunClausescan("text --revisions original " + Quote(docx)).out.find("(24)"),
            std::string::npos);
  EXPECT_NE(RunClausescan("scan --color never " + Quote(docx)).out.find(" (\u00B6 2)  "),
            std::string::npos);
}

TEST_F(FormatsCli, RevisionsTakesOnlyAcceptedOrOriginal) {
  RunResult run = RunClausescan("scan --revisions final x.docx");
  EXPECT_EQ(run.exit_code, 2);
}

// The hostile files of the issue, each with the words its error must contain.
struct Hostile {
  const char* name;
  std::string bytes;
  const char* message;
};

std::vector<Hostile> HostileFiles(const std::filesystem::path& dir) {
  std::string docx = TrackedChangesDocx();
  std::string pdf = MakePdf(ContractPages());
  WriteWholeFile(dir / "plain.pdf", pdf);
  std::string encrypted;
  if (Shell("qpdf --encrypt pw pw 256 -- " + Quote(dir / "plain.pdf") + " " +
            Quote(dir / "locked.pdf"))) {
    encrypted = ReadWholeFile(dir / "locked.pdf");
  }
  return {
      {"encrypted.pdf", encrypted, "the PDF is encrypted: give its password with --password"},
      {"truncated.docx", docx.substr(0, docx.size() * 2 / 3), "not a readable ZIP archive"},
      {"bomb.docx", ZipBombDocx(std::size_t{80} << 20), "decompresses to more than"},
      {"laughs.docx", BillionLaughsDocx(), "declares a DTD"},
      {"junk.pdf", Junk(200000), "the name says PDF but the content is not one"},
      {"junk.docx", Junk(200000, 7), "the name says DOCX but the content is not one"},
      {"corrupt.pdf", pdf.substr(0, pdf.size() / 2), "the PDF is truncated"},
      {"scanned.pdf", MakePdf({{}, {}}), "no extractable text: this PDF needs OCR first"},
  };
}

TEST_F(FormatsCli, EachHostileFileFailsCleanlyNamingTheFile) {
  for (const Hostile& hostile : HostileFiles(dir_.path())) {
    ASSERT_FALSE(hostile.bytes.empty()) << hostile.name << ": qpdf is needed (install-deps.sh)";
    std::filesystem::path path = Write(hostile.name, hostile.bytes);
    auto start = std::chrono::steady_clock::now();
    RunResult run = RunClausescan("scan " + Quote(path));
    EXPECT_LT(std::chrono::steady_clock::now() - start, kHangGuard) << hostile.name;
    EXPECT_EQ(run.exit_code, 2) << hostile.name << ": " << run.err;
    EXPECT_EQ(run.out, "") << hostile.name;
    EXPECT_NE(run.err.find("clausescan: " + path.string() + ": "), std::string::npos)
        << hostile.name << ": " << run.err;
    EXPECT_NE(run.err.find(hostile.message), std::string::npos) << hostile.name << ": " << run.err;
  }
}

TEST_F(FormatsCli, InABatchTheOtherFilesStillScan) {
  std::vector<Hostile> hostile = HostileFiles(dir_.path());
  std::filesystem::path good_docx = Write("good.docx", TrackedChangesDocx());
  std::filesystem::path good_pdf = Write("good.pdf", MakePdf(ContractPages()));
  std::string args = "scan --format json " + Quote(good_docx);
  for (const Hostile& h : hostile) args += " " + Quote(Write(h.name, h.bytes));
  args += " " + Quote(good_pdf);
  auto start = std::chrono::steady_clock::now();
  RunResult run = RunClausescan(args);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kHangGuard);
  EXPECT_EQ(run.exit_code, 2);
  // Inputs not scanned: the reports and an "errors" array, one per hostile file.
  const Json output = Json::parse(run.out);
  Json reports = output["reports"];
  ASSERT_EQ(reports.size(), 2u) << run.out;
  EXPECT_EQ(output["errors"].size(), hostile.size());
  EXPECT_EQ(reports[0]["document"]["path"], good_docx.string());
  EXPECT_EQ(reports[1]["document"]["path"], good_pdf.string());
  for (const Hostile& h : hostile) {
    EXPECT_NE(run.err.find((dir_.path() / h.name).string() + ": "), std::string::npos) << h.name;
  }
}

TEST_F(FormatsCli, PasswordOpensAnEncryptedPdf) {
  std::filesystem::path plain = Write("plain.pdf", MakePdf(ContractPages()));
  std::filesystem::path locked = dir_.path() / "locked.pdf";
  ASSERT_TRUE(Shell("qpdf --encrypt pw pw 256 -- " + Quote(plain) + " " + Quote(locked)))
      << "qpdf is needed (scripts/install-deps.sh)";
  RunResult run = RunClausescan("scan --format json --password pw " + Quote(locked));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Categories(Json::parse(run.out)).count("incident_notification"));
  RunResult wrong = RunClausescan("text --password nope " + Quote(locked));
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("the password given does not open it"), std::string::npos);
}

TEST_F(FormatsCli, LimitsCanBeLoweredAndRaised) {
  std::filesystem::path docx = Write("doc.docx", ZipBombDocx(std::size_t{2} << 20));
  RunResult low = RunClausescan("text --max-part-size 1M " + Quote(docx));
  EXPECT_EQ(low.exit_code, 2);
  EXPECT_NE(low.err.find("--max-part-size"), std::string::npos) << low.err;
  EXPECT_EQ(RunClausescan("text --max-part-size 4M " + Quote(docx)).exit_code, 0);

  RunResult small_input = RunClausescan("scan --max-input-size 1K " + Quote(docx));
  EXPECT_EQ(small_input.exit_code, 2);
  EXPECT_NE(small_input.err.find("above the limit of 1024 bytes"), std::string::npos)
      << small_input.err;

  std::filesystem::path deep = Write("deep.docx", DeepDocx(400));
  EXPECT_EQ(RunClausescan("text " + Quote(deep)).exit_code, 2);
  EXPECT_EQ(RunClausescan("text --max-xml-depth 1000 " + Quote(deep)).exit_code, 0);
}

// The process ids of the children of process `pid` (all its threads'), from /proc.
std::vector<pid_t> ChildrenOf(pid_t pid) {
  std::vector<pid_t> children;
  std::error_code error;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
    std::istringstream list(ReadWholeFile(task.path() / "children"));
    for (pid_t child; list >> child;) children.push_back(child);
  }
  return children;
}

// issue 16 #4: `kill -TERM` of the process that reads one PDF fails that PDF only; the child
// does not run the CLI's handler, which removed the report's temporary file.
TEST_F(FormatsCli, KillingAPdfReaderFailsThatPdfAndKeepsTheReport) {
  std::filesystem::path folder = dir_.path() / "folder";
  std::filesystem::create_directory(folder);
  WriteWholeFile(folder / "a.md", ReadWholeFile(SourcePath("corpus/dpa.md")));
  WriteWholeFile(folder / "bomb.pdf", FormBombPdf(30, 4));  // reads until the time limit
  std::filesystem::path report = dir_.path() / "kid.json";
  std::thread killer;
  bool killed = false;
  RunResult run = RunClausescanAs(
      "scan --format json --jobs 1 --pdf-time-limit 60 -o " + Quote(report) + " " + Quote(folder),
      [&](pid_t pid) {
        killer = std::thread([pid, &killed] {
          for (int i = 0; i < 600 && !killed; ++i) {  // up to 30 s
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            for (pid_t child : ChildrenOf(pid)) killed = ::kill(child, SIGTERM) == 0;
          }
        });
      },
      90);
  killer.join();
  ASSERT_TRUE(killed) << "no PDF reader process was seen";
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("bomb.pdf: reading the PDF failed: the reader was killed by signal 15"),
            std::string::npos)
      << run.err;
  ASSERT_TRUE(std::filesystem::exists(report)) << run.err;
  // One report, and the PDF as an input not scanned (D4).
  Json json = Json::parse(ReadWholeFile(report));
  ASSERT_EQ(json["reports"].size(), 1u);
  EXPECT_NE(json["reports"][0]["document"]["path"].get<std::string>().find("a.md"),
            std::string::npos);
  ASSERT_EQ(json["errors"].size(), 1u);
  EXPECT_NE(json["errors"][0]["path"].get<std::string>().find("bomb.pdf"), std::string::npos);
}

// issue 16 #6: the extracted text has a limit of its own, tied to --max-input-size by default.
TEST_F(FormatsCli, TheTextLimitFollowsTheInputLimitAndCanBeSet) {
  DocxParts parts;
  for (int i = 0; i < 400; ++i) {
    parts.body += TextPara("Supplier shall notify Customer of any Security Incident.");
  }
  std::filesystem::path docx = Write("long.docx", MakeDocx(parts));  // 23 KB of text
  RunResult tied = RunClausescan("text --max-input-size 16K " + Quote(docx));
  EXPECT_EQ(tied.exit_code, 2);
  EXPECT_NE(tied.err.find(docx.string() +
                          ": the extracted text is above the limit of 16384 bytes (raise the "
                          "limit with --max-text-size)"),
            std::string::npos)
      << tied.err;
  EXPECT_EQ(RunClausescan("text --max-input-size 16K --max-text-size 1M " + Quote(docx)).exit_code,
            0);
  RunResult low = RunClausescan("scan --max-text-size 1K " + Quote(docx));
  EXPECT_EQ(low.exit_code, 2);
  EXPECT_NE(low.err.find("above the limit of 1024 bytes"), std::string::npos) << low.err;
}

// Scans the files in one run; the reports by path.
std::map<std::string, Json> ScanAll(const std::vector<std::string>& paths) {
  std::string args = "scan --format json";
  for (const std::string& path : paths) args += " " + Quote(path);
  RunResult run = RunClausescan(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, Json> reports;
  if (run.exit_code != 0) return reports;
  for (const Json& report : Json::parse(run.out)) reports[report["document"]["path"]] = report;
  return reports;
}

// Attack review of the merged main #7: with lone CR line ends, SARIF's end line and column were
// counted by "\n" only (a two-line clause ended on its first line, past its last column).
TEST(FormatsCorpus, SarifRegionsAreTheSameWhateverTheLineEnds) {
  const std::string lf =
      "Terms\n\nSupplier shall notify Customer of any Security Incident\nwithin 24 hours "
      "of its occurrence.\n";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  std::vector<Json> regions;
  for (const std::string& text : {lf, cr}) {
    const RunResult run = RunClausescan("scan --format sarif -", text);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Json results = Json::parse(run.out)["runs"][0]["results"];
    ASSERT_FALSE(results.empty());
    regions.push_back(results[0]["locations"][0]["physicalLocation"]["region"]);
  }
  for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
    EXPECT_EQ(regions[0][key], regions[1][key]) << key;
  }
  EXPECT_EQ(regions[0]["endLine"], 4);
}

TEST(FormatsCorpus, EachCuadPdfFindsTheCategoriesOfItsText) {
  std::string pdf_dir = SharedPath("corpus/pdf");
  if (!std::filesystem::exists(pdf_dir)) GTEST_SKIP() << "no shared corpus at " << pdf_dir;
  std::vector<std::string> pdfs;
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(pdf_dir)) {
    pdfs.push_back(entry.path().string());
    texts.push_back(SharedPath("corpus/cuad/" + entry.path().stem().string() + ".txt"));
    ASSERT_TRUE(std::filesystem::exists(texts.back())) << texts.back();
  }
  ASSERT_GE(pdfs.size(), 20u);
  std::map<std::string, Json> pdf_reports = ScanAll(pdfs);
  std::map<std::string, Json> text_reports = ScanAll(texts);
  for (std::size_t i = 0; i < pdfs.size(); ++i) {
    ASSERT_TRUE(pdf_reports.count(pdfs[i]) && text_reports.count(texts[i])) << pdfs[i];
    auto pdf_categories = Categories(pdf_reports[pdfs[i]]);
    // Known divergence, caused by the text file, not the PDF reader: CUAD's CnsPharmaceuticals
    // .txt holds Article 7 as one 5,000-character line where "; 7.2.3 WPD shall ... permit CNS
    // ... to review the books and records" is no unit of its own (the segmenter does not split
    // at "; N.N.N"), so the text misses the records audit the PDF (one clause per line) finds.
    if (pdfs[i].find("CnsPharmaceuticals") != std::string::npos)
      pdf_categories.erase("audit_rights");
    EXPECT_EQ(pdf_categories, Categories(text_reports[texts[i]]))
        << std::filesystem::path(pdfs[i]).filename();
  }
}

TEST(FormatsCorpus, TheCommonPaperDpaDocxFindsItsSecurityClauses) {
  std::string path = SharedPath("corpus/docx/common-paper-data-processing-agreement.docx");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared corpus at " << path;
  RunResult run = RunClausescan("scan --format json " + Quote(path));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json report = Json::parse(run.out);
  EXPECT_EQ(report["document"]["format"], "docx");
  std::set<std::string> categories = Categories(report);
  for (const char* expected :
       {"data_deletion", "subprocessors", "audit_rights", "incident_notification"}) {
    EXPECT_TRUE(categories.count(expected)) << "no " << expected << " finding";
  }
  for (const Json& finding : report["findings"]) {
    EXPECT_GT(finding["paragraph"].get<int>(), 0) << finding["rule"];
  }
  Json incident = FirstFinding(report, "incident_notification");
  ASSERT_FALSE(incident.is_null());
  EXPECT_EQ(incident["section"], "4. Security Incident Response");
}

}  // namespace
}  // namespace clausescan::testing

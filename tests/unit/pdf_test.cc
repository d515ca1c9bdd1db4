// The PDF reader: the line clean-up on its own, then PDFs the tests write by hand (see
// tests/support/document_files.h), qpdf-encrypted ones, and the CUAD PDFs of the shared corpus.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/pdf_cleanup.h"
#include "support/document_files.h"

#include "support/build_paths.h"

namespace clausescan::internal {
namespace {

namespace files = ::clausescan::testing;

TEST(PdfCleanup, RecognisesPageNumberLines) {
  struct Case {
    const char* line;
    bool page_number;
  };
  const Case cases[] = {
      {"7", true},
      {" - 7 - ", true},
      {"-12-", true},
      {"Page 3", true},
      {"Page 3 of 12", true},
      {"page 3 of 12", true},
      {"3 of 12", true},
      {"3/12", true},
      {"[iv]", true},
      {"(7)", true},
      {"(c)", false},  // list markers alone on a line at a page edge
      {"(iv)", false},
      {"\xE2\x80\x93 5 \xE2\x80\x93", true},
      {"1.", false},
      {"12345", false},
      {"7. Security", false},
      {"Page", false},
      {"Section 3", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsPageNumberLine(c.line), c.page_number) << c.line;
}

TEST(PdfCleanup, RemovesRunningHeadersFootersAndPageNumbers) {
  std::vector<PageLines> pages = {
      {"ACME CONFIDENTIAL", "Title of the agreement", "Body one.", "", "1",
       "Source: ACME, 10-K, 1/2/2019"},
      {"ACME CONFIDENTIAL", "Body two.", "- 2 -", "Source: ACME, 10-K, 1/2/2019"},
      {"ACME CONFIDENTIAL", "Body three.", "Body four.", "Body five.", "Body six.",
       "-3Source: ACME, 10-K, 1/2/2019"},
  };
  RemoveRunningLines(pages);
  EXPECT_EQ(pages[0], (PageLines{"Title of the agreement", "Body one.", ""}));
  EXPECT_EQ(pages[1], (PageLines{"Body two."}));
  EXPECT_EQ(pages[2], (PageLines{"Body three.", "Body four.", "Body five.", "Body six."}));
}

// issue 11 engine A #3: plain text converted from a PDF (pages end at form feeds) loses its page
// furniture too, as spaces: offsets stay the file's, and the list that runs over the page break
// keeps its lead-in.
TEST(PdfCleanup, BlanksRunningLinesOfPlainText) {
  const std::string text =
      "Vendor Terms\nYou must:\na. keep a list of users.\n\n1\nVendor Terms (Public)\n"
      "v2 May 2024\n\n\fb.\n\nReview the list each month.\nc. Delete old accounts.\n\n2\n"
      "Vendor Terms (Public)\nv2 May 2024\n\n\fd. Report misuse to us.\n\n3\n"
      "Vendor Terms (Public)\nv2 May 2024\n";
  std::string blanked = text;
  BlankRunningLines(&blanked);
  ASSERT_EQ(blanked.size(), text.size());
  EXPECT_EQ(blanked.find("Vendor Terms (Public)"), std::string::npos);
  EXPECT_EQ(blanked.find("v2 May"), std::string::npos);
  EXPECT_NE(blanked.find("Vendor Terms\nYou must:"), std::string::npos);
  EXPECT_NE(blanked.find("Review the list each month."), std::string::npos);
  // Text without form feeds is left as it is.
  std::string one_page = "Vendor Terms (Public)\nBody.\n";
  BlankRunningLines(&one_page);
  EXPECT_EQ(one_page, "Vendor Terms (Public)\nBody.\n");
}

TEST(PdfCleanup, KeepsLinesThatDoNotRepeatOnEnoughPages) {
  std::vector<PageLines> pages = {{"Exhibit 10.1", "One."}, {"Two."}, {"Three."}, {"Four."}};
  std::vector<PageLines> before = pages;
  RemoveRunningLines(pages);
  EXPECT_EQ(pages, before);
}

// Repeated text is running text only as a thin band at a page's edge, next to a body that
// differs: pages that are all the same, a form letter printed once per addressee, or two pages
// that carry the same clause keep their text (page numbers still go).
TEST(PdfCleanup, KeepsPagesThatAreAllTheSame) {
  const PageLines letter = {"Notice of a Security Incident", "",
                            "We notify you within seventy-two (72) hours of a breach.",
                            "Yours sincerely,", "ACME Corp"};
  struct Case {
    const char* what;
    std::vector<PageLines> pages;
    std::vector<PageLines> expected;
  };
  PageLines numbered = letter;
  numbered.push_back("- 1 -");
  const Case cases[] = {
      {"two identical pages", {letter, letter}, {letter, letter}},
      {"three identical pages", {letter, letter, letter}, {letter, letter, letter}},
      {"two one-line pages",
       {{"Notify within 24 hours."}, {"Notify within 24 hours."}},
       {{"Notify within 24 hours."}, {"Notify within 24 hours."}}},
      {"identical pages with page numbers", {numbered, numbered}, {letter, letter}},
  };
  for (const Case& c : cases) {
    std::vector<PageLines> pages = c.pages;
    RemoveRunningLines(pages);
    EXPECT_EQ(pages, c.expected) << c.what;
  }
}

TEST(PdfCleanup, KeepsAFormLetterPrintedForEachAddressee) {
  auto letter = [](const std::string& addressee) {
    return PageLines{"Dear " + addressee + ",",
                     "ACME Corp will notify you of any Security Incident",
                     "without undue delay and in any event within",
                     "twenty-four (24) hours after becoming aware of it.",
                     "Yours sincerely,",
                     "The ACME Security Team"};
  };
  std::vector<PageLines> pages = {letter("Alice"), letter("Bob"), letter("Carol")};
  std::vector<PageLines> before = pages;
  RemoveRunningLines(pages);
  EXPECT_EQ(pages, before);
}

TEST(PdfCleanup, KeepsAClauseThatBothPagesCarry) {
  const PageLines clause = {"7. Security Incidents",
                            "Supplier shall notify Customer of any Security Incident",
                            "within seventy-two (72) hours."};
  PageLines first = {"Data Processing Agreement"};
  first.insert(first.end(), clause.begin(), clause.end());
  PageLines second = {"Annex 2: Summary of Obligations"};
  second.insert(second.end(), clause.begin(), clause.end());
  std::vector<PageLines> pages = {first, second};
  RemoveRunningLines(pages);
  EXPECT_EQ(pages, (std::vector<PageLines>{first, second}));
}

TEST(PdfCleanup, JoinsWordsHyphenatedAtLineEnds) {
  std::vector<PageLines> pages = {
      {"Such notifi-", "cation shall describe", "the third-", "Party", "ends with notifi-"},
      {"cation on the next page."},
  };
  JoinHyphenatedLines(pages);
  EXPECT_EQ(pages[0], (PageLines{"Such notification shall describe", "the third-", "Party",
                                 "ends with notification on the next page."}));
  EXPECT_TRUE(pages[1].empty());
}

// A tens number word before a line-end hyphen is a compound number ("seventy-two"), not a
// broken word; so is a compound the document writes with its hyphen elsewhere.
TEST(PdfCleanup, KeepsTheHyphenOfCompoundsBrokenAtLineEnds) {
  struct Case {
    PageLines lines;
    PageLines expected;
  };
  const Case cases[] = {
      {{"within seventy-", "two (72) hours"}, {"within seventy-two (72) hours"}},
      {{"within twenty-", "four (24) hours"}, {"within twenty-four (24) hours"}},
      {{"on the thirty-", "first day"}, {"on the thirty-first day"}},
      {{"Ninety-", "nine"}, {"Ninety-nine"}},
      {{"a seven-", "ty day period"}, {"a seventy day period"}},  // a word, broken
      {{"the sub-", "processor"}, {"the subprocessor"}},          // no evidence of the form
      {{"any pro-", "cessor"}, {"any processor"}},
      {{"each sub-processor and", "the sub-", "processor"},
       {"each sub-processor and", "the sub-processor"}},
      {{"each subprocessor and", "the sub-", "processor"},
       {"each subprocessor and", "the subprocessor"}},
  };
  for (const Case& c : cases) {
    std::vector<PageLines> pages = {c.lines};
    JoinHyphenatedLines(pages);
    EXPECT_EQ(pages[0], c.expected) << c.lines[0];
  }
}

TEST(PdfCleanup, JoinsLinesWrappedAtTheMarginButNotShortOnes) {
  std::vector<PageLines> pages = {{
      "ARTICLE 5",
      "5.1 The recipient shall hold the information in confidence unless it was public; or",
      "(ii) was lawfully disclosed to it by a third party having the right to disclose it, or",
      "was already known to it.",
      "5.2 Short heading line",
      "(a) a real list item;",
      "(b) another one.",
      "",
      "A full line of prose that ends with a period and so ends its own sentence here.",
      "Next sentence.",
  }};
  JoinWrappedLines(pages);
  EXPECT_EQ(pages[0],
            (PageLines{"ARTICLE 5",
                       "5.1 The recipient shall hold the information in confidence unless it was "
                       "public; or (ii) was lawfully disclosed to it by a third party having the "
                       "right to disclose it, or was already known to it.",
                       "5.2 Short heading line", "(a) a real list item;", "(b) another one.", "",
                       "A full line of prose that ends with a period and so ends its own sentence "
                       "here.",
                       "Next sentence."}));
}

Result<Document> ReadPdfBytes(const std::string& bytes, ReadOptions options = {}) {
  return ReadDocument(bytes, "test.pdf", options);
}

TEST(PdfReader, ReadsPagesInOrderWithoutRunningLinesAndWithPages) {
  Result<Document> doc = ReadPdfBytes(files::MakePdf(files::ContractPages()));
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_EQ(doc->format, Format::kPdf);
  const std::string& text = doc->text;
  EXPECT_EQ(text.find("ACME Corp"), std::string::npos) << text;
  EXPECT_EQ(text.find("of 3"), std::string::npos) << text;
  EXPECT_NE(text.find("Such notification shall describe"), std::string::npos) << text;
  std::size_t definitions = text.find("1. Definitions");
  std::size_t incidents = text.find("7. Security Incidents");
  std::size_t law = text.find("9. Governing Law");
  ASSERT_NE(definitions, std::string::npos);
  ASSERT_NE(incidents, std::string::npos);
  ASSERT_NE(law, std::string::npos);
  EXPECT_LT(definitions, incidents);
  EXPECT_LT(incidents, law);
  EXPECT_EQ(doc->Locate(definitions).page, 1);
  EXPECT_EQ(doc->Locate(incidents).page, 2);
  EXPECT_EQ(doc->Locate(law).page, 3);
  EXPECT_TRUE(doc->notes.empty());
}

TEST(PdfReader, KeepsTheTextOfIdenticalPages) {
  const std::vector<std::string> page = {
      "7. Security Incidents",
      "Supplier shall notify Customer of any Security Incident within 72 hours."};
  Result<Document> doc = ReadPdfBytes(files::MakePdf({page, page}));
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  std::size_t first = doc->text.find("within 72 hours");
  ASSERT_NE(first, std::string::npos) << doc->text;
  std::size_t second = doc->text.find("within 72 hours", first + 1);
  ASSERT_NE(second, std::string::npos) << doc->text;
  EXPECT_EQ(doc->Locate(first).page, 1);
  EXPECT_EQ(doc->Locate(second).page, 2);
}

TEST(PdfReader, APdfWithoutTextNeedsOcr) {
  Result<Document> doc = ReadPdfBytes(files::MakePdf({{}, {}}));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_EQ(doc.error().message(), "test.pdf: no extractable text: this PDF needs OCR first");
}

TEST(PdfReader, PagesWithoutTextAreNoted) {
  Result<Document> doc = ReadPdfBytes(files::MakePdf({{"Some text."}, {}, {}, {"More."}}));
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  ASSERT_EQ(doc->notes.size(), 1u);
  EXPECT_EQ(doc->notes[0],
            "no extractable text on pages 2-3 (scanned images?); those parts need OCR before "
            "they can be scanned");
}

TEST(PdfReader, RefusesCorruptAndTruncatedPdfs) {
  std::string pdf = files::MakePdf(files::ContractPages());
  const std::pair<const char*, std::string> cases[] = {
      {"truncated", pdf.substr(0, pdf.size() / 2)},
      {"garbage body", "%PDF-1.7\n" + files::Junk(5000) + "\n%%EOF\n"},
      {"header only", "%PDF-1.4\n%%EOF\n"},
  };
  for (const auto& [what, bytes] : cases) {
    Result<Document> doc = ReadPdfBytes(bytes);
    ASSERT_FALSE(doc.ok()) << what;
    EXPECT_EQ(doc.error().code(), ErrorCode::kCorrupt) << what << ": " << doc.error().message();
    EXPECT_EQ(doc.error().file(), "test.pdf");
  }
}

TEST(PdfReader, ReadsTheWordsOfNestedForms) {
  Result<Document> doc = ReadPdfBytes(files::FormBombPdf(3, 2));
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_NE(doc->text.find("Visible text."), std::string::npos) << doc->text;
}

// poppler-cpp cannot be cancelled, and text extraction of a 7 KiB form bomb (4^29 draws) never
// ends: the reader runs poppler in a child process and stops it at the time limit.
TEST(PdfReader, AFormBombFailsAtTheTimeLimit) {
  ReadOptions options;
  options.pdf_limits.time = std::chrono::seconds(2);
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = ReadPdfBytes(files::FormBombPdf(30, 4), options);
  // Generous: the limit is 2 s; without it the read never returns.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(doc.error().message(),
            "test.pdf: reading the PDF took longer than 2 s, the time limit");
}

#if !defined(__SANITIZE_ADDRESS__)
TEST(PdfReader, AFormBombFailsAtTheMemoryLimit) {
  ReadOptions options;
  options.pdf_limits.time = std::chrono::seconds(60);
  options.pdf_limits.memory_bytes = std::size_t{64} << 20;
  Result<Document> doc = ReadPdfBytes(files::FormBombPdf(30, 4), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(doc.error().message(),
            "test.pdf: reading the PDF needed more than 64 MiB of memory, the limit");
}
#endif

TEST(PdfReader, ErrorsFromThePopplerProcessKeepTheirCode) {
  std::string bytes = files::MakePdf(files::ContractPages());
  Result<Document> doc = ReadPdfBytes(bytes.substr(0, bytes.size() / 2) + "\n%%EOF\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kCorrupt);
  EXPECT_EQ(doc.error().file(), "test.pdf");
}

TEST(PdfReader, ReadsTheSameTextInProcessAndInAChildProcess) {
  ReadOptions in_process;
  in_process.pdf_limits.time = std::chrono::milliseconds(0);
  std::string bytes = files::MakePdf(files::ContractPages());
  Result<Document> child = ReadPdfBytes(bytes);
  Result<Document> local = ReadPdfBytes(bytes, in_process);
  ASSERT_TRUE(child.ok()) << child.error().message();
  ASSERT_TRUE(local.ok()) << local.error().message();
  EXPECT_EQ(child->text, local->text);
  EXPECT_EQ(child->notes, local->notes);
}

// A PDF encrypted by qpdf (AES-256, user password "s3cret", owner password "owner-s3cret").
class EncryptedPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "clausescan-pdf-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    std::filesystem::path plain = dir_ / "plain.pdf";
    std::filesystem::path locked = dir_ / "locked.pdf";
    std::ofstream(plain, std::ios::binary) << files::MakePdf(files::ContractPages());
    ASSERT_TRUE(files::Shell("qpdf --encrypt s3cret owner-s3cret 256 -- '" + plain.string() +
                             "' '" + locked.string() + "'"))
        << "qpdf is needed to make the encrypted PDF: run scripts/install-deps.sh";
    std::stringstream buffer;
    buffer << std::ifstream(locked, std::ios::binary).rdbuf();
    bytes_ = buffer.str();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string bytes_;
};

TEST_F(EncryptedPdf, FailsClearlyWithoutAPassword) {
  Result<Document> doc = ReadPdfBytes(bytes_);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kEncrypted);
  EXPECT_EQ(doc.error().message(),
            "test.pdf: the PDF is encrypted: give its password with ScanOptions::password");
}

TEST_F(EncryptedPdf, OpensWithTheUserOrOwnerPassword) {
  for (const char* password : {"s3cret", "owner-s3cret"}) {
    ReadOptions options;
    options.password = password;
    Result<Document> doc = ReadPdfBytes(bytes_, options);
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_NE(doc->text.find("7. Security Incidents"), std::string::npos);
  }
}

TEST_F(EncryptedPdf, SaysWhenThePasswordIsWrong) {
  ReadOptions options;
  options.password = "guess";
  Result<Document> doc = ReadPdfBytes(bytes_, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kEncrypted);
  EXPECT_NE(doc.error().message().find("the password given does not open it"), std::string::npos);
}

TEST(PdfReader, ReadsEveryCorpusPdfWithPages) {
  std::string dir = std::string(CLAUSESCAN_SHARED_DIR) + "/corpus/pdf";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    Result<std::string> bytes = ReadFileBytes(entry.path(), std::size_t{64} << 20);
    ASSERT_TRUE(bytes.ok());
    Result<Document> doc = ReadDocument(*bytes, entry.path(), ReadOptions{});
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->format, Format::kPdf);
    ASSERT_FALSE(doc->spans.empty());
    EXPECT_EQ(doc->spans.front().page, 1);
    EXPECT_GT(doc->spans.back().page, 1) << entry.path();
    EXPECT_EQ(doc->text.find("Source: "), std::string::npos) << entry.path();  // EDGAR footer
    ++read;
  }
  EXPECT_GE(read, 20);
}

}  // namespace
}  // namespace clausescan::internal

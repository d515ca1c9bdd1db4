// Format detection, and the files a reader must refuse quickly and clearly: zip bombs, XML
// bombs, truncated archives, junk with a document extension. Every hostile file is made here.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>

#include "extract/detect.h"
#include "extract/document.h"
#include "support/document_files.h"

namespace clausescan::internal {
namespace {

namespace files = ::clausescan::testing;

TEST(DetectFormat, GoesByContentNotByName) {
  std::string docx = files::MakeDocx({});
  std::string pdf = files::MakePdf({{"x"}});
  struct Case {
    const char* what;
    std::string bytes;
    const char* name;
    Format format;
  };
  const Case cases[] = {
      {"pdf named .txt", pdf, "contract.txt", Format::kPdf},
      {"pdf after junk", "junk\n" + pdf, "x", Format::kPdf},
      {"docx named .pdf? no: zip wins", docx, "contract.bin", Format::kDocx},
      {"doctype", "\xEF\xBB\xBF  <!-- c -->\n<!DOCTYPE html><p>x", "page", Format::kHtml},
      {"html tag", "<HTML lang=en><body>x", "x.txt", Format::kHtml},
      {"fragment named .html", "\n<p>Clause</p>", "x.html", Format::kHtml},
      {"fragment named .txt", "<p>Clause</p>", "x.txt", Format::kText},
      {"markdown", "# Title", "x.md", Format::kMarkdown},
      {"text", "Plain words.", "x.txt", Format::kText},
      {"htmlish word", "<htmlx>", "x", Format::kText},
  };
  for (const Case& c : cases) {
    Result<Format> format = DetectFormat(c.bytes, c.name);
    ASSERT_TRUE(format.ok()) << c.what;
    EXPECT_EQ(*format, c.format) << c.what;
  }
}

TEST(DetectFormat, RefusesContentThatContradictsADocumentExtension) {
  struct Case {
    std::string bytes;
    const char* name;
    const char* message;
  };
  const Case cases[] = {
      {files::Junk(2000), "junk.pdf",
       "junk.pdf: the name says PDF but the content is not one (no %PDF- header)"},
      {files::Junk(2000), "junk.docx",
       "junk.docx: the name says DOCX but the content is not one (not a ZIP archive)"},
      {"plain text", "old.doc",
       "old.doc: .doc files are not supported: save the document as "
       "DOCX or PDF"},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + files::Junk(100), "x.docx",
       "x.docx: a legacy Office file (.doc) or a password-protected Word document: not "
       "supported; save it as DOCX without a password, or as PDF"},
  };
  for (const Case& c : cases) {
    Result<Format> format = DetectFormat(c.bytes, c.name);
    ASSERT_FALSE(format.ok()) << c.name;
    EXPECT_EQ(format.error().code(), ErrorCode::kUnsupportedFormat);
    EXPECT_EQ(format.error().message(), c.message);
  }
}

// Reads bytes as `name`, expecting an error with `code` whose message names the file, within a
// generous time (a guard against hangs, not a performance claim).
void ExpectRefused(const std::string& bytes, const std::string& name, ErrorCode code,
                   const std::string& detail_part, ReadOptions options = {}) {
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = ReadDocument(bytes, name, options);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(20)) << name;
  ASSERT_FALSE(doc.ok()) << name;
  EXPECT_EQ(doc.error().code(), code) << doc.error().message();
  EXPECT_EQ(doc.error().file(), name);
  EXPECT_NE(doc.error().message().find(detail_part), std::string::npos) << doc.error().message();
}

TEST(HostileDocx, ATruncatedArchiveIsCorrupt) {
  std::string docx = files::TrackedChangesDocx();
  ExpectRefused(docx.substr(0, docx.size() / 2), "cut.docx", ErrorCode::kCorrupt,
                "not a readable ZIP archive");
  ExpectRefused(docx.substr(0, docx.size() - 10), "cut-end.docx", ErrorCode::kCorrupt,
                "not a readable ZIP archive");
}

TEST(HostileDocx, AZipBombStopsAtThePartLimit) {
  std::string bomb = files::ZipBombDocx(std::size_t{80} << 20);  // 80 MiB of XML
  EXPECT_LT(bomb.size(), std::size_t{1} << 20);
  ExpectRefused(bomb, "bomb.docx", ErrorCode::kTooLarge,
                "word/document.xml decompresses to more than 67108864 bytes");
}

TEST(HostileDocx, AZipBombThatLiesAboutItsSizeStillStops) {
  std::string bomb = files::ZipBombDocx(std::size_t{8} << 20);
  files::LieAboutSize(bomb, "word/document.xml", 1000);
  ReadOptions options;
  options.max_part_bytes = std::size_t{1} << 20;
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = ReadDocument(bomb, "liar.docx", options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().file(), "liar.docx");
  EXPECT_TRUE(doc.error().code() == ErrorCode::kTooLarge ||
              doc.error().code() == ErrorCode::kCorrupt)
      << doc.error().message();
}

TEST(HostileDocx, TheLimitCanBeRaised) {
  std::string docx = files::ZipBombDocx(std::size_t{2} << 20);
  ReadOptions options;
  options.max_part_bytes = std::size_t{1} << 20;
  ExpectRefused(docx, "big.docx", ErrorCode::kTooLarge, "--max-part-size", options);
  options.max_part_bytes = std::size_t{4} << 20;
  EXPECT_TRUE(ReadDocument(docx, "big.docx", options).ok());
}

TEST(HostileDocx, ABillionLaughsDtdIsRefusedUnexpanded) {
  ExpectRefused(files::BillionLaughsDocx(), "laughs.docx", ErrorCode::kCorrupt,
                "word/document.xml declares a DTD");
}

TEST(HostileDocx, NestingDeeperThanTheLimitIsRefused) {
  ExpectRefused(files::DeepDocx(3000), "deep.docx", ErrorCode::kTooLarge,
                "word/document.xml nests elements deeper than 256 levels");
  ReadOptions raised;
  raised.max_xml_depth = 10000;
  Result<Document> doc = ReadDocument(files::DeepDocx(3000), "deep.docx", raised);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_EQ(doc->text, "Deep.\n");
}

// The deepest nesting the CLI accepts (--max-xml-depth 100000) in the body, inside a paragraph
// and inside a run: read without exhausting the stack, in any build (an 8 MiB stack, and
// AddressSanitizer's larger frames).
TEST(HostileDocx, NestingAtTheHighestLimitDoesNotExhaustTheStack) {
  ReadOptions raised;
  raised.max_xml_depth = 100000;
  constexpr int kLevels = 40000;  // elements nest 2 * kLevels deep, plus a few
  std::string links;
  std::string unlinks;
  std::string inserts;
  std::string uninserts;
  for (int i = 0; i < kLevels; ++i) {
    links += "<w:hyperlink><w:smartTag>";
    unlinks += "</w:smartTag></w:hyperlink>";
    inserts += "<w:ins><w:moveTo>";
    uninserts += "</w:moveTo></w:ins>";
  }
  files::DocxParts inline_parts;
  inline_parts.body = files::Para(links + files::TextRun("Linked.") + unlinks);
  files::DocxParts run_parts;
  run_parts.body = "<w:p><w:r>" + inserts + "<w:t>Inserted.</w:t>" + uninserts + "</w:r></w:p>";
  const std::pair<std::string, std::string> cases[] = {
      {files::DeepDocx(kLevels), "Deep.\n"},
      {files::MakeDocx(inline_parts), "Linked.\n"},
      {files::MakeDocx(run_parts), "Inserted.\n"},
  };
  for (const auto& [docx, text] : cases) {
    Result<Document> doc = ReadDocument(docx, "deep.docx", raised);
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->text, text);
  }
}

TEST(HostileDocx, MalformedXmlIsCorrupt) {
  std::string docx = files::MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}});
  ExpectRefused(docx, "bad.docx", ErrorCode::kCorrupt, "word/document.xml is not well-formed");
}

TEST(HostileDocx, AZipThatIsNotAWordDocumentIsUnsupported) {
  std::string zip = files::MakeZip({{"xl/workbook.xml", "<workbook/>"}});
  ExpectRefused(zip, "sheet.docx", ErrorCode::kUnsupportedFormat,
                "a ZIP archive without word/document.xml: not a Word document");
}

// List numbers count on without overflowing: they stop at 1000000000, and a larger start or
// value (or one past INT_MAX) reads as 1000000000.
TEST(HostileHtml, HugeListNumbersDoNotOverflow) {
  const std::pair<std::string, std::string> cases[] = {
      {"<html><body><ol start=\"2147483647\"><li>a<li>b</ol>", "1000000000. a\n1000000000. b\n"},
      {"<html><body><ol start=\"99999999999999999999\"><li>a</ol>", "1000000000. a\n"},
      {"<html><body><ol><li value=\"999999999\">a<li>b<li>c</ol>",
       "999999999. a\n1000000000. b\n1000000000. c\n"},
      {"<html><body><ol start=\"-7\"><li>a<li value=\"x\">b</ol>", "1. a\n1. b\n"},
  };
  for (const auto& [html, text] : cases) {
    Result<Document> doc = ReadDocument(html, "list.html", ReadOptions{});
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->text, text) << html;
  }
}

TEST(HostileFiles, JunkWithADocumentExtensionIsRefused) {
  ExpectRefused(files::Junk(1 << 20), "junk.pdf", ErrorCode::kUnsupportedFormat,
                "not one (no %PDF- header)");
  ExpectRefused(files::Junk(1 << 20), "junk.docx", ErrorCode::kUnsupportedFormat,
                "not one (not a ZIP archive)");
  ExpectRefused("PK\x03\x04" + files::Junk(1 << 20), "zipjunk.docx", ErrorCode::kCorrupt,
                "not a readable ZIP archive");
  ExpectRefused("%PDF-1.5\n" + files::Junk(1 << 20) + "%%EOF", "pdfjunk.pdf", ErrorCode::kCorrupt,
                "not a readable PDF");
}

}  // namespace
}  // namespace clausescan::internal

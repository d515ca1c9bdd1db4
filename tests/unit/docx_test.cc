// The DOCX reader on documents the tests write (see tests/support/document_files.h) and on the
// Word files of the shared corpus.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "clausescan/clausescan.h"
#include "extract/document.h"
#include "extract/docx_numbering.h"
#include "support/document_files.h"

#include "support/build_paths.h"

namespace clausescan::internal {
namespace {

namespace files = ::clausescan::testing;
using files::NumPr;
using files::Para;
using files::TextPara;
using files::TextRun;

Document ReadDocx(const std::string& bytes, ReadOptions options = {}) {
  Result<Document> doc = ReadDocument(bytes, "test.docx", options);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message());
  return doc.ok() ? std::move(*doc) : Document{};
}

const char* const kNumbering =
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"12\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:lvlText w:val=\"(%3)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/>"
    "<w:lvlText w:val=\"(%4)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";

TEST(DocxReader, ReadsParagraphsInOrderSeparatedByBlankLines) {
  files::DocxParts parts;
  parts.body = TextPara("First paragraph.") + Para(TextRun("Second ") + TextRun("paragraph.")) +
               TextPara("   ") +
               Para(
                   "<w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/>"
                   "<w:t>break</w:t></w:r>");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.format, Format::kDocx);
  EXPECT_EQ(doc.text, "First paragraph.\n\nSecond paragraph.\n\nTab\tand\nbreak\n");
}

TEST(DocxReader, ComputesListNumbersFromNumberingXml) {
  files::DocxParts parts;
  parts.numbering = kNumbering;
  parts.body = TextPara("Security", NumPr(1, 0)) +
               TextPara("Incidents. Supplier shall notify Customer.", NumPr(1, 1)) +
               TextPara("by email;", NumPr(1, 2)) + TextPara("by phone; and", NumPr(1, 2)) +
               TextPara("at once.", NumPr(1, 3)) + TextPara("Audits. Once a year.", NumPr(1, 1)) +
               TextPara("on notice.", NumPr(1, 2)) + TextPara("A bullet.", NumPr(2, 0)) +
               TextPara("Liability", NumPr(1, 0)) + TextPara("Restarted list.", NumPr(3, 0)) +
               TextPara("Not numbered.", NumPr(0, 0));
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "12. Security\n\n"
            "12.1 Incidents. Supplier shall notify Customer.\n\n"
            "(a) by email;\n\n"
            "(b) by phone; and\n\n"
            "(i) at once.\n\n"
            "12.2 Audits. Once a year.\n\n"
            "(a) on notice.\n\n"
            "- A bullet.\n\n"
            "13. Liability\n\n"
            "1. Restarted list.\n\n"
            "Not numbered.\n");
}

// A list that starts at INT_MAX stays there instead of overflowing.
TEST(DocxReader, AListStartingAtTheLargestIntDoesNotOverflow) {
  files::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"2147483647\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  parts.body = TextPara("First.", NumPr(1, 0)) + TextPara("Second.", NumPr(1, 0));
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text, "2147483647. First.\n\n2147483647. Second.\n");
}

TEST(DocxReader, HeadingStylesBecomeHashLinesAndCarryTheirNumbering) {
  files::DocxParts parts;
  parts.numbering = kNumbering;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
      "</w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:name w:val=\"Clause Heading\"/>"
      "<w:basedOn w:val=\"Heading1\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
      "<w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";
  parts.body = TextPara("Data Processing Addendum", "<w:pStyle w:val=\"Title\"/>") +
               TextPara("Background", "<w:pStyle w:val=\"Heading1\"/>") +
               TextPara("Security", "<w:pStyle w:val=\"Clause\"/>") + TextPara("Body text.");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "# Data Processing Addendum\n\n# Background\n\n## 12. Security\n\nBody text.\n");
}

// Legal Word templates number their clauses with heading styles and put the clause's text in
// the same paragraph ("10.1 Protection by Provider.  Provider will indemnify ..."): such a
// paragraph is a numbered clause with a run-in title, not a heading (a heading is never matched
// by rules; seen failing: every indemnity of a Common Paper agreement saved as DOCX was lost).
// A heading whose words go on for a few more after a full stop ("Article 1. Definitions and
// Interpretation") stays a heading.
TEST(DocxReader, AHeadingStyledParagraphThatGoesOnIntoAClauseIsText) {
  files::DocxParts parts;
  parts.numbering = kNumbering;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
      "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";
  parts.body =
      TextPara("Article 1. Definitions and Interpretation", "<w:pStyle w:val=\"Heading2\"/>") +
      TextPara("Audit Rights.  The Customer may audit the Supplier once in each contract year "
               "on thirty days notice.",
               "<w:pStyle w:val=\"Heading2\"/>") +
      TextPara("Upon the Customer's request, the Supplier will delete Customer Data within 60 "
               "days.",
               "<w:pStyle w:val=\"Heading2\"/>") +
      TextPara("Return and Deletion of Customer Data.", "<w:pStyle w:val=\"Heading2\"/>") +
      // Attack review of the merged main #5: a long title after a numbering letter is a heading.
      TextPara("Annex A. Technical and organisational measures taken by the data importer to "
               "ensure the security of the data",
               "<w:pStyle w:val=\"Heading2\"/>");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "## Article 1. Definitions and Interpretation\n\nAudit Rights.  The Customer may "
            "audit the Supplier once in each contract year on thirty days notice.\n\nUpon the "
            "Customer's request, the Supplier will delete Customer Data within 60 days.\n\n"
            "## Return and Deletion of Customer Data.\n\n## Annex A. Technical and "
            "organisational measures taken by the data importer to ensure the security of the "
            "data\n");
}

TEST(DocxReader, ReadsTablesCellByCell) {
  files::DocxParts parts;
  parts.body = TextPara("Key terms") + "<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/>" +
               TextPara("Notice period") + "</w:tc><w:tc>" + TextPara("72 hours") +
               TextPara("after discovery") + "</w:tc></w:tr><w:tr><w:tc>" + TextPara("Audit") +
               "</w:tc><w:tc>" + TextPara("Once a year") + "</w:tc></w:tr></w:tbl>" +
               TextPara("After the table.");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "Key terms\n\nNotice period\n\n72 hours\n\nafter discovery\n\nAudit\n\nOnce a year\n\n"
            "After the table.\n");
}

TEST(DocxReader, FootnotesComeLastUnderAHeadingWithTheirNumbers) {
  files::DocxParts parts;
  parts.footnotes =
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote>"
      "<w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r>" +
      TextRun(" Business days exclude public holidays.") + "</w:p></w:footnote>";
  parts.body = Para(TextRun("Supplier shall respond within five business days.") +
                    "<w:r><w:footnoteReference w:id=\"5\"/></w:r>");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "Supplier shall respond within five business days.[1]\n\n# Footnotes\n\n"
            "[1] Business days exclude public holidays.\n");
}

// issue 16 #6a: a note referred to again is written once; each reference shows its label.
TEST(DocxReader, ANoteReferredToAgainIsWrittenOnce) {
  files::DocxParts parts;
  parts.footnotes = "<w:footnote w:id=\"5\">" + TextPara("Business days exclude holidays.") +
                    "</w:footnote><w:footnote w:id=\"6\">" + TextPara("In writing.") +
                    "</w:footnote>";
  const std::string five = "<w:r><w:footnoteReference w:id=\"5\"/></w:r>";
  const std::string six = "<w:r><w:footnoteReference w:id=\"6\"/></w:r>";
  parts.body =
      Para(TextRun("Respond within five days.") + five) +
      Para(TextRun("Notify in writing.") + six + TextRun(" Within five days.") + five + five);
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text,
            "Respond within five days.[1]\n\nNotify in writing.[2] Within five days.[1][1]\n\n"
            "# Footnotes\n\n[1] Business days exclude holidays.\n\n[2] In writing.\n");
  EXPECT_TRUE(doc.notes.empty());
}

// issue 16 #6b: a list label is cut at 64 bytes (Word shows short labels), and the document
// says once that its numbering was simplified.
TEST(DocxReader, AnOverlongListLabelIsCutAndNotedOnce) {
  std::string level_text;
  for (int i = 0; i < 100; ++i) level_text += "%1";
  files::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"7\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"" +
      level_text +
      "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  parts.body = TextPara("First.", NumPr(1, 0)) + TextPara("Second.", NumPr(1, 0));
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text, std::string(64, '7') + " First.\n\n" + std::string(64, '8') + " Second.\n");
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_NE(doc.notes[0].find("list numbering"), std::string::npos) << doc.notes[0];
}

TEST(DocxReader, LeavesHeadersCommentsHiddenTextAndDrawingsOut) {
  files::DocxParts parts;
  parts.header = TextPara("HEADER: Supplier shall notify within one hour.");
  parts.comments = "<w:comment w:id=\"0\" w:author=\"A\">" +
                   TextPara("COMMENT: push back on this") + "</w:comment>";
  parts.body = Para("<w:commentRangeStart w:id=\"0\"/>" + TextRun("Visible text.") +
                    "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
                    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
                    "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>BOX</w:t></w:r></w:p>"
                    "</w:txbxContent></w:drawing></w:r>");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text, "Visible text.\n");
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.notes[0], "the document has comments; they are not part of the scan");
}

// Attack review of the merged main #12: pandoc writes word/comments.xml with no comment in it;
// "the document has comments" was said of every such file.
TEST(DocxReader, AnEmptyCommentsPartIsNoComment) {
  files::DocxParts parts;
  parts.comments = " ";  // the part, with its root element only
  parts.body = TextPara("Visible text.");
  Document doc = ReadDocx(files::MakeDocx(parts));
  EXPECT_EQ(doc.text, "Visible text.\n");
  EXPECT_TRUE(doc.notes.empty()) << doc.notes.front();
}

// Attack review of main 969285f #6: a Word file named .pdf (and a PDF named .docx) was read as
// its content says without a word, where the documentation said such names were refused.
TEST(DocxReader, ANameThatSaysAnotherFormatIsNoted) {
  files::DocxParts parts;
  parts.body = TextPara("Supplier shall notify Customer.");
  const std::string docx = files::MakeDocx(parts);
  Result<Document> as_pdf = ReadDocument(docx, "contract.pdf", {});
  ASSERT_TRUE(as_pdf.ok()) << as_pdf.error().message();
  EXPECT_EQ(as_pdf->format, Format::kDocx);
  ASSERT_EQ(as_pdf->notes.size(), 1u);
  EXPECT_EQ(as_pdf->notes[0],
            "the name says .pdf but the content is a Word document (DOCX): read as that");
  Result<Document> pdf = ReadDocument(files::MakePdf(files::ContractPages()), "contract.DOCX", {});
  ASSERT_TRUE(pdf.ok()) << pdf.error().message();
  ASSERT_FALSE(pdf->notes.empty());
  EXPECT_EQ(pdf->notes.back(), "the name says .DOCX but the content is a PDF: read as that");
  Result<Document> named_well = ReadDocument(docx, "contract.docx", {});
  ASSERT_TRUE(named_well.ok());
  EXPECT_TRUE(named_well->notes.empty());
  // Attack review of the merged main #10: a Word file or a PDF named as text is noted too.
  Result<Document> as_text = ReadDocument(docx, "contract.txt", {});
  ASSERT_TRUE(as_text.ok()) << as_text.error().message();
  ASSERT_EQ(as_text->notes.size(), 1u);
  EXPECT_EQ(as_text->notes[0],
            "the name says .txt but the content is a Word document (DOCX): read as that");
  Result<Document> pdf_as_md = ReadDocument(files::MakePdf(files::ContractPages()), "c.md", {});
  ASSERT_TRUE(pdf_as_md.ok()) << pdf_as_md.error().message();
  ASSERT_FALSE(pdf_as_md->notes.empty());
  EXPECT_EQ(pdf_as_md->notes.back(), "the name says .md but the content is a PDF: read as that");
}

TEST(DocxReader, AcceptsTrackedChangesByDefaultAndSaysSo) {
  Document doc = ReadDocx(files::TrackedChangesDocx());
  EXPECT_NE(doc.text.find("within seventy-two (72) hours"), std::string::npos) << doc.text;
  EXPECT_EQ(doc.text.find("twenty-four"), std::string::npos);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.notes[0],
            "the document has tracked changes; scanned as if all were accepted "
            "(ScanOptions::revisions = Revisions::kOriginal scans it as it was before them)");
}

TEST(DocxReader, OriginalRevisionsReadTheTextBeforeTheChanges) {
  ReadOptions options;
  options.original_revisions = true;
  Document doc = ReadDocx(files::TrackedChangesDocx(), options);
  EXPECT_NE(doc.text.find("within twenty-four (24) hours"), std::string::npos) << doc.text;
  EXPECT_EQ(doc.text.find("seventy-two"), std::string::npos);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_NE(doc.notes[0].find("scanned as it was before them"), std::string::npos);
}

TEST(DocxReader, ARemovedParagraphMarkJoinsTheParagraphs) {
  files::DocxParts parts;
  std::string deleted_mark = "<w:rPr><w:del w:id=\"3\" w:author=\"A\"/></w:rPr>";
  parts.body = TextPara("Supplier shall notify Customer ", deleted_mark) +
               TextPara("within 72 hours.") + TextPara("Next.");
  EXPECT_EQ(ReadDocx(files::MakeDocx(parts)).text,
            "Supplier shall notify Customer within 72 hours.\n\nNext.\n");
  ReadOptions original;
  original.original_revisions = true;
  EXPECT_EQ(ReadDocx(files::MakeDocx(parts), original).text,
            "Supplier shall notify Customer\n\nwithin 72 hours.\n\nNext.\n");
}

TEST(DocxReader, SpansNumberTheParagraphsOfTheExtractedText) {
  files::DocxParts parts;
  parts.body = TextPara("One.") + TextPara("") + TextPara("Two.") + TextPara("Three.");
  Document doc = ReadDocx(files::MakeDocx(parts));
  ASSERT_EQ(doc.text, "One.\n\nTwo.\n\nThree.\n");
  EXPECT_EQ(doc.Locate(0).paragraph, 1);
  EXPECT_EQ(doc.Locate(6).paragraph, 2);
  EXPECT_EQ(doc.Locate(doc.text.find("Three")).paragraph, 3);
  EXPECT_EQ(doc.Locate(0).page, 0);
}

TEST(DocxReader, FindingsCarryTheirParagraphAndTheNote) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok());
  Scanner scanner(*rules);
  Result<Report> report = scanner.ScanBytes(files::TrackedChangesDocx(), "edited.docx");
  ASSERT_TRUE(report.ok()) << report.error().message();
  EXPECT_EQ(report->document.format, "docx");
  ASSERT_FALSE(report->findings.empty());
  const Finding& finding = report->findings[0];
  EXPECT_EQ(finding.category, "incident_notification");
  EXPECT_EQ(finding.paragraph, 2);
  EXPECT_EQ(finding.page, 0);
  ASSERT_FALSE(report->notes.empty());
  EXPECT_NE(report->notes[0].find("tracked changes"), std::string::npos);
}

TEST(DocxReader, ReadsAnyPrefixForTheWordNamespace) {
  std::string document =
      "<?xml version=\"1.0\"?><document "
      "xmlns=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><body><p><r><t>"
      "Default namespace.</t></r></p></body></document>";
  std::string docx = files::MakeZip({{"word/document.xml", document}});
  EXPECT_EQ(ReadDocx(docx).text, "Default namespace.\n");
}

TEST(DocxReader, FollowsNumberingStyleLinks) {
  files::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"Article %1\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"Articles\"/>"
      "</w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
  parts.styles =
      "<w:style w:type=\"numbering\" w:styleId=\"Articles\"><w:name w:val=\"Articles\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
  parts.body = TextPara("Term", NumPr(2, 0)) + TextPara("Security", NumPr(2, 0));
  EXPECT_EQ(ReadDocx(files::MakeDocx(parts)).text, "Article I Term\n\nArticle II Security\n");
}

TEST(FormatNumber, FormatsWordNumberFormats) {
  struct Case {
    int value;
    const char* format;
    const char* expected;
  };
  const Case cases[] = {
      {3, "decimal", "3"},      {3, "lowerLetter", "c"}, {28, "lowerLetter", "bb"},
      {2, "upperLetter", "B"},  {4, "lowerRoman", "iv"}, {14, "upperRoman", "XIV"},
      {7, "decimalZero", "07"}, {2, "ordinal", "2nd"},   {12, "ordinal", "12th"},
      {1, "bullet", "-"},       {5, "none", ""},         {5, "chineseCounting", "5"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatNumber(c.value, c.format), c.expected) << c.value << " " << c.format;
  }
}

std::string SharedFile(const std::string& relative) {
  return std::string(CLAUSESCAN_SHARED_DIR) + "/" + relative;
}

TEST(DocxReader, ReadsTheCommonPaperDpaAsAReaderSeesIt) {
  std::string path = SharedFile("corpus/docx/common-paper-data-processing-agreement.docx");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared corpus at " << path;
  Result<std::string> bytes = ReadFileBytes(path, std::size_t{64} << 20);
  ASSERT_TRUE(bytes.ok());
  Document doc = ReadDocx(*bytes);
  for (const char* expected : {"\n\n1. Processor and Subprocessor Relationships\n\n",
                               "\n\n2.6 Subprocessors.\n\n(a) Provider will not provide",
                               "\n\n7.2 Deletion at DPA Expiration.\n\n(a) After the DPA expires",
                               "\n\n3.2 Ex-EEA Transfers.", "\n\n(vii) The Cover Page to this DPA",
                               "\n\nApproved Subprocessors\n\n"}) {
    EXPECT_NE(doc.text.find(expected), std::string::npos) << expected;
  }
  EXPECT_TRUE(doc.notes.empty());
}

TEST(DocxReader, ReadsEveryCorpusDocument) {
  std::string dir = SharedFile("corpus/docx");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    Result<std::string> bytes = ReadFileBytes(entry.path(), std::size_t{64} << 20);
    ASSERT_TRUE(bytes.ok());
    Result<Document> doc = ReadDocument(*bytes, entry.path(), ReadOptions{});
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->format, Format::kDocx);
    EXPECT_GT(doc->text.size(), 1000u) << entry.path();  // Bonterms files are cover pages
    ++read;
  }
  EXPECT_GE(read, 7);
}

}  // namespace
}  // namespace clausescan::internal

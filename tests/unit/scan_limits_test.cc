// The reading limits of ScanOptions as a Scanner applies them (see the table in
// clausescan/scanner.h): the text limit's default and the PDF memory shared by the PDFs read at
// once.
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"
#include "support/document_files.h"

namespace clausescan {
namespace {

namespace files = ::clausescan::testing;

// issue 16 #6: without its own value, the text limit is the input limit.
TEST(ScanLimits, TheTextLimitFollowsTheInputLimitByDefault) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  files::DocxParts parts;
  for (int i = 0; i < 400; ++i) {
    parts.body += files::TextPara("Supplier shall notify Customer of any Security Incident.");
  }
  std::string docx = files::MakeDocx(parts);  // 23 KB of text in a few KB
  ScanOptions options;
  options.max_input_bytes = 16 << 10;
  ASSERT_LT(docx.size(), options.max_input_bytes);
  Result<Report> tied = Scanner(*rules, options).ScanBytes(docx, "long.docx");
  ASSERT_FALSE(tied.ok());
  EXPECT_EQ(tied.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(tied.error().message(),
            "long.docx: the extracted text is above the limit of 16384 bytes (raise the limit "
            "with --max-text-size)");
  options.max_text_bytes = 1 << 20;
  Result<Report> raised = Scanner(*rules, options).ScanBytes(docx, "long.docx");
  ASSERT_TRUE(raised.ok()) << raised.error().message();
}

#if !defined(__SANITIZE_ADDRESS__)
// issue 16 #4: the PDF memory limit is shared by the PDFs read at once; each is read with a
// quarter of it.
TEST(ScanLimits, APdfIsReadWithAQuarterOfTheMemoryLimit) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  ScanOptions options;
  options.max_pdf_memory_bytes = std::size_t{256} << 20;
  Result<Report> report = Scanner(*rules, options).ScanBytes(files::FormBombPdf(30, 4), "bomb.pdf");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(report.error().message(),
            "bomb.pdf: reading the PDF needed more than 64 MiB of memory, its share of the 256 "
            "MiB limit");
}
#endif

}  // namespace
}  // namespace clausescan

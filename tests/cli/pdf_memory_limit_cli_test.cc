// --pdf-memory-limit: 0 is "no limit" and no other value is; a limit too small to read a PDF with
// is a usage error naming the smallest (attack review 16 #9).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"
#include "support/document_files.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PdfMemoryLimit, ALimitTooSmallToReadAPdfIsAUsageError) {
  TempDir dir;
  WriteWholeFile(dir.path() / "c.pdf",
                 MakePdf({{"Supplier shall notify Customer of any Security Incident within 24 "
                           "hours."}}));
  for (const char* value : {"1", "3", "4", "64K", "1M", "4194303"}) {
    RunResult r = RunClausescan("scan --pdf-memory-limit " + std::string(value) + " " +
                                Quote(dir.path() / "c.pdf"));
    EXPECT_EQ(r.exit_code, 2) << value;
    EXPECT_THAT(r.err, HasSubstr("--pdf-memory-limit: " + std::string(value) +
                                 " is below 4M, the smallest limit a PDF is read with (0: no "
                                 "limit)"))
        << value;
    EXPECT_THAT(r.err, Not(HasSubstr("OCR"))) << value;
    EXPECT_TRUE(r.out.empty()) << value;
  }
  for (const char* value : {"0", "4M", "4G"}) {
    RunResult r = RunClausescan("scan --pdf-memory-limit " + std::string(value) + " " +
                                Quote(dir.path() / "c.pdf"));
    EXPECT_EQ(r.exit_code, 0) << value << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr("Security Incident")) << value;
  }
}

}  // namespace
}  // namespace clausescan::testing

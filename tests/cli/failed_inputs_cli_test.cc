// What every report says about the inputs a run could not scan, and how the human formats and
// CSV show what a reader must not be fooled by (bidi controls, invalid bytes in a file name).
// The comments name the item of the attack review of main each test covers ("D4").
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";
const std::string kRlo = "\xE2\x80\xAE";   // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kZwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE

// D6: a file name's invalid UTF-8 bytes print as U+FFFD in the text report, as everywhere else.
TEST(TextReport, AFileNamesInvalidBytesShowAsReplacementCharacters) {
  TempDir dir;
  WriteWholeFile(dir.path() / "bad\xff name.md", kNotice);
  RunResult r = RunClausescan("scan " + Quote(dir.path() / "bad\xff name.md"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("bad\xEF\xBF\xBD name.md ("));
  EXPECT_EQ(r.out.find('\xff'), std::string::npos);
}

// D9 (d): an error in a file of --rules DIR names it as the user can open it.
TEST(RulesDirectory, AnErrorNamesThePathInTheFolderGiven) {
  TempDir dir;
  fs::copy(SourcePath("rules"), dir.path() / "myrules", fs::copy_options::recursive);
  const fs::path broken = dir.path() / "myrules" / "audit_rights" / "assessment.yaml";
  WriteWholeFile(broken, ReadWholeFile(broken) + "rules:\n  - id: [\n");
  RunResult r = RunClausescan("scan --rules " + Quote(dir.path() / "myrules") + " -", kNotice);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err,
              HasSubstr((dir.path() / "myrules" / "audit_rights" / "assessment.yaml:").string()));
}

}  // namespace
}  // namespace clausescan::testing

// --baseline against the paths a report stores, as a user of the clausescan binary meets them.
// The comments name the item of the attack review of main 303dfb8 each test covers
// ("rel15 #4").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kNotice =
    "The Provider shall notify the Customer of a security incident within 24 hours.\n";

// rel15 #4: a file name that is not valid UTF-8 is stored in the JSON report with U+FFFD for its
// stray byte, and the baseline compared the real bytes: the file's findings were new for ever.
// They are compared as stored, so the run's own report accepts them.
TEST(BaselinePath, AFileNameThatIsNotUtf8MatchesItsOwnReport) {
  TempDir dir;
  fs::create_directory(dir.path() / "nu");
  WriteWholeFile(dir.path() / "nu" / "a\xff.txt", kNotice);
  const std::string nu = Quote(dir.path() / "nu");
  const fs::path baseline = dir.path() / "nub.json";
  const RunResult first = RunClausescan("scan " + nu + " -f json -o " + Quote(baseline));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_THAT(ReadWholeFile(baseline), HasSubstr("a\xEF\xBF\xBD.txt"));
  const RunResult again =
      RunClausescan("scan " + nu + " --baseline " + Quote(baseline) + " --fail-on info");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("accepted in the baseline"));
}

// Attack review of main e77cfe5 #2: a Markdown clause whose emphasis wraps a tag
// ("*<u>72 hours</u>*") is stored cleaned once ("*72 hours*"), and the baseline cleaned the
// stored text again ("72 hours"): the run's own report did not accept its findings.
TEST(BaselinePath, AMarkdownReportAcceptsItsOwnFindings) {
  TempDir dir;
  const fs::path contract = dir.path() / "md2.md";
  WriteWholeFile(contract,
                 "The Provider shall notify the Customer of a security incident within "
                 "*<u>72 hours</u>* of becoming aware of it.\n\n"
                 "The Provider's total liability shall not exceed the fees paid in the "
                 "_<span class=\"x\">twelve (12) months</span>_ before the claim.\n");
  const fs::path baseline = dir.path() / "nb-md2.json";
  const RunResult first =
      RunClausescan("scan " + Quote(contract) + " -f json -o " + Quote(baseline));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_THAT(ReadWholeFile(baseline), HasSubstr("72 hours"));
  const RunResult again = RunClausescan("scan " + Quote(contract) + " --baseline " +
                                        Quote(baseline) + " --fail-on info");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
}

}  // namespace
}  // namespace clausescan::testing

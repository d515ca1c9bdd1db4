// `clausescan rules test` over a copy of the builtin rules whose samples carry a bad parameter
// check, as a rule author meets it. The comments name the item of the attack review of main
// 303dfb8 each test covers ("rel15 #5").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kSample =
    "Impresse shall use commercially reasonable efforts to respond to all support requests "
    "within two (2) hours after receipt.\n";

// rel15 #5: a check of a parameter the rule does not declare passed (`widow_hours=-`, a typo,
// held as absent) or failed as "absent" (`nope=5`), and a parameter checked twice was taken;
// each is an error at the test file's line, exit 2.
TEST(RuleSamples, ACheckOfAnUndeclaredOrRepeatedParameterIsAnError) {
  const std::pair<std::string, std::string> cases[] = {
      {"response_hours=2 widow_hours=-",
       ":2: unknown parameter 'widow_hours': rule 'sla-uptime.response' declares "},
      {"nope=5", ":2: unknown parameter 'nope': rule 'sla-uptime.response' declares "},
      {"response_hours=2 response_hours=3", ":2: parameter 'response_hours' is checked twice"},
  };
  for (const auto& [checks, message] : cases) {
    TempDir dir;
    const fs::path rules = dir.path() / "rules";
    fs::copy(SourcePath("rules"), rules, fs::copy_options::recursive);
    const fs::path file = rules / "sla_uptime" / "response.test.txt";
    WriteWholeFile(file, "\n# ruleid: sla-uptime.response " + checks + "\n" + kSample);
    const RunResult r = RunClausescan("rules test " + Quote(rules));
    EXPECT_EQ(r.exit_code, 2) << checks << ": " << r.out;
    EXPECT_THAT(r.err, HasSubstr(file.string() + message)) << checks;
  }
}

// Attack review of 5a07bac #3: a sample with a byte that is no UTF-8 failed as a test (exit 1)
// with its position counted from the sample and a library option's name; a test file is rule
// data: exit 2 naming the file, its line and column.
TEST(RuleSamples, InvalidUtf8InATestFileIsAnErrorAtItsLine) {
  TempDir dir;
  const fs::path rules = dir.path() / "rules";
  fs::copy(SourcePath("rules"), rules, fs::copy_options::recursive);
  const fs::path file = rules / "sla_uptime" / "response.test.txt";
  WriteWholeFile(file, "\n# ruleid: sla-uptime.response response_hours=2\nImpresse \xff shall "
                       "respond within two (2) hours after receipt.\n");
  const RunResult r = RunClausescan("rules test " + Quote(rules));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr(file.string() + ":3:10: invalid UTF-8 at byte "));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("ScanOptions")));
}

}  // namespace
}  // namespace clausescan::testing

// Custom rules are hostile input too: a pattern written out past the 64 KiB docs/rules.md
// promises, or one that repeats an unbounded part a thousand times, is refused at load with its
// FILE:line:column, before any scan spends minutes on it (attack review of main 9ef7676 #2, #3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A copy of the built-in rules with one more rule, governing_law/extra.yaml, whose only pattern
// is `pattern` (written as a single-quoted YAML scalar on line 9, column 11).
class RulesWithAPattern {
 public:
  explicit RulesWithAPattern(const std::string& pattern) {
    fs::copy(std::string(CLAUSESCAN_SOURCE_DIR) + "/rules", Dir(), fs::copy_options::recursive);
    WriteWholeFile(File(),
                   "id: governing-law.extra\ncategory: governing_law\ntitle: Extra\n"
                   "description: A hostile pattern.\nscope: sentence\nmatch:\n  all:\n"
                   "    - any:\n        - '" +
                       pattern + "'\n");
    WriteWholeFile(Dir() / "governing_law" / "extra.test.txt", "A sentence.\n");
  }
  fs::path Dir() const { return dir_.path() / "rules"; }
  fs::path File() const { return Dir() / "governing_law" / "extra.yaml"; }

 private:
  TempDir dir_;
};

// The runs of `rules validate` and of `scan` with the rules.
std::vector<RunResult> ValidateAndScan(const RulesWithAPattern& rules) {
  std::vector<RunResult> runs;
  for (const std::string& command :
       {"rules validate " + Quote(rules.Dir()),
        "scan --rules " + Quote(rules.Dir()) + " " +
            Quote(std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/security-addendum.md")}) {
    runs.push_back(RunClausescan(command));
  }
  return runs;
}

TEST(RuleBoundsCli, AWrittenOutPatternPast64KiBIsRefusedAtItsLine) {
  const RulesWithAPattern rules("\\b(" + std::string(70000, 'a') + ")\\b");
  for (const RunResult& run : ValidateAndScan(rules)) {
    EXPECT_EQ(run.exit_code, 2) << run.err.substr(0, 300);
    EXPECT_THAT(run.err,
                HasSubstr(rules.File().string() + ":9:11: the pattern is longer than 65536 bytes"));
  }
}

TEST(RuleBoundsCli, AThousandCopiesOfAnUnboundedPartAreRefusedAtItsLine) {
  // The copies of a sequence add up (attack review of main 8a5a3af #3: "(.*){40}" written 25
  // times passed, 6.6 s on 360 KB).
  for (const std::string& pattern :
       {"(.*){1000}x", "((\\w+ ){0,10}){0,10}x", "(a+){61}", "(.*){40}(.*){40}x",
        "(a+){30}b(c*){31}"}) {
    const RulesWithAPattern rules(pattern);
    for (const RunResult& run : ValidateAndScan(rules)) {
      EXPECT_EQ(run.exit_code, 2) << pattern << ": " << run.err;
      EXPECT_THAT(run.err, HasSubstr(rules.File().string() + ":9:11: pattern '" + pattern +
                                     "' repeats a part of unbounded length"))
          << pattern;
    }
  }
}

TEST(RuleBoundsCli, CopiesUpToTheLimitAreAccepted) {
  for (const std::string& pattern :
       {"( [^ ;]+){0,40}x", "([^.;]|\\.[0-9]){0,160}x", "\\{(.*)\\}{1000}", "[{(]+(.*){3}",
        "(a.*|b.*){40}x", "(a+){60}"}) {
    const RunResult run =
        RunClausescan("rules validate " + Quote(RulesWithAPattern(pattern).Dir()));
    EXPECT_EQ(run.exit_code, 0) << pattern << ": " << run.err;
  }
}

}  // namespace
}  // namespace clausescan::testing

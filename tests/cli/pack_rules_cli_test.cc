// clausescan_pack_rules, the build step that checks and packs the built-in pack (issue 12,
// start-up #2): a pack with an error fails it (so the build) with the file:line:column and exit
// status 2, and writes no output; a valid pack is written as C++.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

RunResult RunPacker(const fs::path& rules, const fs::path& output) {
  TempDir dir;
  const std::string command = std::string("'") + CLAUSESCAN_PACK_RULES + "' " + Quote(rules) + " " +
                              Quote(output) + " > " + Quote(dir.path() / "out") + " 2> " +
                              Quote(dir.path() / "err");
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadWholeFile(dir.path() / "out");
  result.err = ReadWholeFile(dir.path() / "err");
  return result;
}

TEST(PackRulesCli, RuleWithAnErrorFailsWithItsFileAndLine) {
  TempDir dir;
  const fs::path rules = dir.path() / "rules";
  fs::copy(SourcePath("rules"), rules, fs::copy_options::recursive);
  const fs::path rule = rules / "incident_notification" / "window.yaml";
  std::string text = ReadWholeFile(rule);
  const std::size_t title = text.find("\ntitle:");
  ASSERT_NE(title, std::string::npos);
  text.replace(title, 7, "\ntitel:");
  WriteWholeFile(rule, text);
  const fs::path output = dir.path() / "pack.cc";
  RunResult result = RunPacker(rules, output);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(rule.string() + ":"));
  EXPECT_THAT(result.err, HasSubstr("unknown key 'titel' in rule (did you mean 'title'?)"));
  EXPECT_FALSE(fs::exists(output));
}

TEST(PackRulesCli, ValidPackIsWrittenAsCpp) {
  TempDir dir;
  const fs::path output = dir.path() / "pack.cc";
  RunResult result = RunPacker(SourcePath("rules"), output);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(ReadWholeFile(output), HasSubstr("std::string_view EmbeddedRulePack()"));
}

}  // namespace
}  // namespace clausescan::testing

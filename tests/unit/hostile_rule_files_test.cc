// Rule folders and playbooks that try to make the loader run away: symbolic link loops and
// diamonds in a rules folder, ids that make "did you mean" expensive, and YAML aliases that
// repeat a large node many times. Every hostile input is generated here, and each run that
// could run away is bounded (a forked child with CPU and memory limits).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "rules/loader.h"
#include "rules/model.h"
#include "support/bounded_child.h"
#include "support/temp_directory.h"
#include "test_rule_files.h"

namespace clausescan::internal {
namespace {

namespace fs = std::filesystem;
using clausescan::testing::ChildOutcome;
using clausescan::testing::RunBounded;

// ---------------------------------------------------------------------------------------------
// Rule folders with symbolic links (issue 16 #8).

class RuleFolderLinks : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = clausescan::testing::MakeTempDirectory("clausescan_links_"); }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  void WriteTestRules() {
    for (const auto& [name, content] : test_rules::TestRuleFiles()) Write(name, content);
  }
  // Reads the folder in a bounded child; returns the file names, one a line, or the error.
  ChildOutcome ReadBounded(const fs::path& dir) {
    return RunBounded([&] {
      Result<std::vector<SourceFile>> files = ReadRuleDirectory(dir.string());
      if (!files) return "error: " + files.error().message();
      std::string names;
      for (const SourceFile& file : *files) names += file.name + "\n";
      return names;
    });
  }
  fs::path dir_;
};

// issue 16 #8: two symbolic links to '.' made the directory iterator loop until memory ran out.
TEST_F(RuleFolderLinks, LinkToAnAncestorIsAnErrorNamingIt) {
  WriteTestRules();
  fs::create_directory_symlink(".", dir_ / "loop1");
  fs::create_directory_symlink(".", dir_ / "loop2");
  const ChildOutcome outcome = ReadBounded(dir_);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "error: " + (dir_ / "loop1").string() +
                                ": cannot read rule directory: symbolic link loop (it leads back "
                                "to " +
                                dir_.string() + ")");
}

TEST_F(RuleFolderLinks, LinkToAnAncestorDeeperDown) {
  WriteTestRules();
  Write("incident_notification/more/x.yaml", "x");
  fs::create_directory_symlink("..", dir_ / "incident_notification" / "more" / "back");
  const ChildOutcome outcome = ReadBounded(dir_);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "error: " + (dir_ / "incident_notification/more/back").string() +
                                ": cannot read rule directory: symbolic link loop (it leads back "
                                "to " +
                                (dir_ / "incident_notification").string() + ")");
}

// issue 16 #8: a folder reached through several links is read once, under its first name in
// sorted order; a chain of 24 "diamonds" (two links to the next level at each) no longer makes
// 2^24 paths.
TEST_F(RuleFolderLinks, EachRealFolderIsReadOnce) {
  Write("shared/rule.yaml", "id: a\n");
  fs::create_directory_symlink("shared", dir_ / "x");
  fs::create_directory_symlink(dir_ / "shared", dir_ / "y");
  constexpr int kLevels = 24;
  for (int level = 0; level < kLevels; ++level) {
    const fs::path real = dir_ / "chain" / ("d" + std::to_string(level));
    fs::create_directories(real);
    const std::string next = "../d" + std::to_string(level + 1);
    fs::create_directory_symlink(next, real / "a");
    fs::create_directory_symlink(next, real / "b");
  }
  Write("chain/d" + std::to_string(kLevels) + "/end.yaml", "id: b\n");
  const ChildOutcome outcome = ReadBounded(dir_);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  std::string chain = "chain/d0";
  for (int level = 0; level < kLevels; ++level) chain += "/a";
  EXPECT_EQ(outcome.output, chain + "/end.yaml\nshared/rule.yaml\n");
}

TEST_F(RuleFolderLinks, LinkedRuleFolderStillLoads) {
  const fs::path elsewhere = clausescan::testing::MakeTempDirectory("clausescan_elsewhere_");
  std::ofstream(elsewhere / "window.yaml") << test_rules::kTestWindowRule;
  WriteTestRules();
  fs::remove(dir_ / "incident_notification/window.yaml");
  fs::create_directory_symlink(elsewhere, dir_ / "incident_notification" / "linked");
  Result<std::vector<SourceFile>> files = ReadRuleDirectory(dir_.string());
  fs::remove_all(elsewhere);
  ASSERT_TRUE(files.ok()) << files.error().message();
  std::vector<std::string> names;
  for (const SourceFile& file : *files) names.push_back(file.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "incident_notification/linked/window.yaml"),
            names.end());
}

}  // namespace
}  // namespace clausescan::internal

// --include and --exclude globs in folder walks read as ripgrep and .gitignore read them: `**`
// is any number of folders, a trailing '/' a folder (and all under it), a leading '/' anchors
// the glob at the folder walked (attack review 16 #2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::ElementsAre;

constexpr const char* kNotice =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";

// g/a.md, g/a.txt, g/sub/b.md, g/sub/deep/c.md, g/other/sub/d.md, g/sub.md
class WalkGlobs : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* file : {"a.md", "a.txt", "sub/b.md", "sub/deep/c.md", "other/sub/d.md",
                             "sub.md"}) {
      const std::filesystem::path path = dir_.path() / "g" / file;
      std::filesystem::create_directories(path.parent_path());
      WriteWholeFile(path, kNotice);
    }
  }
  // The files scanned (relative to g), in walk order.
  std::vector<std::string> Scanned(const std::string& globs) const {
    RunResult r = RunClausescan("scan --no-progress -f jsonl " + Quote(dir_.path() / "g") + " " +
                                globs);
    std::vector<std::string> paths;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      const nlohmann::json record = nlohmann::json::parse(line);
      if (record.contains("error")) continue;
      std::string path = record["document"]["path"];
      paths.push_back(std::filesystem::path(path).lexically_relative(dir_.path() / "g").string());
    }
    return paths;
  }
  TempDir dir_;
};

TEST_F(WalkGlobs, DoubleStarIsAnyNumberOfFolders) {
  EXPECT_THAT(Scanned("--include '**/*.md'"),
              ElementsAre("a.md", "other/sub/d.md", "sub/b.md", "sub/deep/c.md", "sub.md"));
  EXPECT_THAT(Scanned("--include 'sub/**'"), ElementsAre("sub/b.md", "sub/deep/c.md"));
  EXPECT_THAT(Scanned("--include 'sub/**/*.md'"), ElementsAre("sub/b.md", "sub/deep/c.md"));
  EXPECT_THAT(Scanned("--include '**/deep/*.md'"), ElementsAre("sub/deep/c.md"));
  EXPECT_THAT(Scanned("--exclude '**/sub/**'"), ElementsAre("a.md", "a.txt", "sub.md"));
}

TEST_F(WalkGlobs, ATrailingSlashIsAFolderAndAllUnderIt) {
  // Both folders named sub, at any depth; not the file sub.md, and no file named sub.
  EXPECT_THAT(Scanned("--exclude 'sub/'"), ElementsAre("a.md", "a.txt", "sub.md"));
  EXPECT_THAT(Scanned("--include 'sub/'"),
              ElementsAre("other/sub/d.md", "sub/b.md", "sub/deep/c.md"));
  EXPECT_THAT(Scanned("--include 'deep/'"), ElementsAre("sub/deep/c.md"));
}

TEST_F(WalkGlobs, ALeadingSlashAnchorsAtTheFolderWalked) {
  EXPECT_THAT(Scanned("--exclude '/sub'"), ElementsAre("a.md", "a.txt", "other/sub/d.md", "sub.md"));
  EXPECT_THAT(Scanned("--exclude '/sub/'"),
              ElementsAre("a.md", "a.txt", "other/sub/d.md", "sub.md"));
  EXPECT_THAT(Scanned("--include '/*.md'"), ElementsAre("a.md", "sub.md"));
  EXPECT_THAT(Scanned("--include '/sub/*.md'"), ElementsAre("sub/b.md"));
}

TEST_F(WalkGlobs, GlobsWithoutSlashStillMatchNamesAtAnyDepth) {
  EXPECT_THAT(Scanned("--include '*.txt'"), ElementsAre("a.txt"));
  EXPECT_THAT(Scanned("--exclude '*.md'"), ElementsAre("a.txt"));
  EXPECT_THAT(Scanned("--exclude sub"), ElementsAre("a.md", "a.txt", "sub.md"));
  EXPECT_THAT(Scanned("--exclude 'd.md' --exclude 'c.*'"),
              ElementsAre("a.md", "a.txt", "sub/b.md", "sub.md"));
}

}  // namespace
}  // namespace clausescan::testing

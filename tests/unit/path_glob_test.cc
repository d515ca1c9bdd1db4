// PathGlob: include and exclude globs as ripgrep and .gitignore read them.
#include "common/path_glob.h"

#include <gtest/gtest.h>

namespace clausescan::internal {
namespace {

bool File(const char* glob, const char* path) { return PathGlob(glob).Matches(path, false); }
bool Folder(const char* glob, const char* path) { return PathGlob(glob).Matches(path, true); }

TEST(PathGlob, AGlobWithoutSlashMatchesANameAtAnyDepth) {
  EXPECT_TRUE(File("*.md", "a.md"));
  EXPECT_TRUE(File("*.md", "sub/deep/a.md"));
  EXPECT_FALSE(File("*.md", "a.txt"));
  EXPECT_TRUE(File("a.?d", "x/a.md"));
  EXPECT_TRUE(File("[ab].md", "b.md"));
  EXPECT_FALSE(File("[!ab].md", "b.md"));
  EXPECT_TRUE(File("\\*.md", "*.md"));
  EXPECT_FALSE(File("\\*.md", "a.md"));
  EXPECT_TRUE(File("*", ".hidden"));  // as fnmatch without FNM_PERIOD
}

TEST(PathGlob, ASlashAnchorsAtTheFolderWalked) {
  EXPECT_TRUE(File("sub/*.md", "sub/b.md"));
  EXPECT_FALSE(File("sub/*.md", "x/sub/b.md"));
  EXPECT_TRUE(File("/a.md", "a.md"));
  EXPECT_FALSE(File("/a.md", "sub/a.md"));
  EXPECT_TRUE(Folder("/sub", "sub"));
  EXPECT_FALSE(Folder("/sub", "x/sub"));
  EXPECT_FALSE(File("*/b.md", "x/y/b.md"));  // '*' never crosses a '/'
  EXPECT_TRUE(File("a//b.md", "a/b.md"));
}

TEST(PathGlob, DoubleStarIsAnyNumberOfFolders) {
  EXPECT_TRUE(File("**/*.md", "a.md"));
  EXPECT_TRUE(File("**/*.md", "x/a.md"));
  EXPECT_TRUE(File("**/*.md", "x/y/z/a.md"));
  EXPECT_FALSE(File("**/*.md", "x/a.txt"));
  EXPECT_TRUE(File("sub/**/c.md", "sub/c.md"));
  EXPECT_TRUE(File("sub/**/c.md", "sub/deep/er/c.md"));
  EXPECT_FALSE(File("sub/**/c.md", "x/sub/c.md"));
  EXPECT_TRUE(File("a/**/**/b", "a/b"));
  EXPECT_TRUE(File("**", "a/b/c"));
  EXPECT_TRUE(File("*.md", "deep/a.md"));
  EXPECT_TRUE(File("x**y.md", "xay.md"));  // not a whole part: as '*'
  EXPECT_FALSE(File("x**y.md", "x/y.md"));
}

TEST(PathGlob, ATrailingDoubleStarIsEverythingInside) {
  EXPECT_TRUE(File("sub/**", "sub/b.md"));
  EXPECT_TRUE(File("sub/**", "sub/deep/c.md"));
  EXPECT_FALSE(File("sub/**", "sub"));  // a file named sub is not inside sub
  EXPECT_FALSE(File("sub/**", "other/sub/d.md"));
  EXPECT_TRUE(File("**/sub/**", "other/sub/d.md"));
}

TEST(PathGlob, ATrailingSlashMatchesFoldersOnly) {
  EXPECT_TRUE(Folder("sub/", "sub"));
  EXPECT_TRUE(Folder("sub/", "x/sub"));
  EXPECT_FALSE(File("sub/", "sub"));
  EXPECT_FALSE(File("sub/", "x/sub"));
  EXPECT_TRUE(File("sub/", "x/sub/a.md"));  // below a folder that matches
  EXPECT_FALSE(File("sub/", "sub.md"));
  EXPECT_TRUE(Folder("/sub/", "sub"));
  EXPECT_FALSE(Folder("/sub/", "x/sub"));
}

TEST(PathGlob, AGlobMatchingAFolderMatchesAllBelowIt) {
  EXPECT_TRUE(File("drafts", "drafts/a.md"));
  EXPECT_TRUE(File("drafts", "x/drafts/y/a.md"));
  EXPECT_TRUE(File("sub/deep", "sub/deep/c.md"));
  EXPECT_FALSE(File("sub/deep", "x/sub/deep/c.md"));
  EXPECT_FALSE(File("drafts", "drafts2/a.md"));
}

TEST(PathGlob, AnEmptyGlobMatchesNothing) {
  EXPECT_FALSE(File("", "a.md"));
  EXPECT_FALSE(File("/", "a.md"));
  EXPECT_FALSE(Folder("//", "sub"));
}

}  // namespace
}  // namespace clausescan::internal

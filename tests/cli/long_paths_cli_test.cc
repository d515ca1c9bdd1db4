// Paths past PATH_MAX in a folder walk: the error keeps the reason and the end of the path, and
// says that what lies below was not scanned (attack review of main 9ef7676 #4: the message was
// cut at 1,000 bytes, mid-path, and "File name too long" was lost).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Makes `levels` nested folders named `name` under dir (by descriptor, so past PATH_MAX) and a
// contract c.md in the deepest. False when the file system refuses.
bool MakeNested(const std::filesystem::path& dir, const std::string& name, int levels) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  for (int i = 0; i < levels && fd >= 0; ++i) {
    if (::mkdirat(fd, name.c_str(), 0755) != 0) break;
    const int inner = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    fd = inner;
  }
  if (fd < 0) return false;
  const int file = ::openat(fd, "c.md", O_WRONLY | O_CREAT, 0644);
  const std::string clause =
      "Supplier shall notify Customer of any Security Incident within 24 hours.\n";
  const bool written = file >= 0 && ::write(file, clause.data(), clause.size()) ==
                                        static_cast<ssize_t>(clause.size());
  if (file >= 0) ::close(file);
  ::close(fd);
  return written;
}

// A temporary folder whose tree may pass PATH_MAX (removed with rm, which walks by descriptor).
class DeepDir {
 public:
  ~DeepDir() { std::system(("rm -rf " + Quote(dir_.path() / "t")).c_str()); }
  std::filesystem::path Root() const { return dir_.path() / "t"; }
  DeepDir() { std::filesystem::create_directory(Root()); }

 private:
  TempDir dir_;
};

// The only line of err that names `what`.
std::string LineWith(const std::string& err, const std::string& what) {
  std::size_t at = err.find(what);
  if (at == std::string::npos) return "";
  const std::size_t start = err.rfind('\n', at) == std::string::npos ? 0 : err.rfind('\n', at) + 1;
  return err.substr(start, err.find('\n', at) - start);
}

TEST(LongPathsCli, AFolderPastPathMaxIsNamedByItsEndWithTheReason) {
  DeepDir deep;
  ASSERT_TRUE(MakeNested(deep.Root(), std::string(200, 'x'), 22));  // 22 × 201 bytes > 4096
  const RunResult run = RunClausescan("scan " + Quote(deep.Root()));
  EXPECT_EQ(run.exit_code, 2);
  const std::string line = LineWith(run.err, "cannot read folder");
  EXPECT_THAT(line, HasSubstr(std::string(200, 'x') + ": cannot read folder: File name too long; "
                                                      "nothing in it is scanned"))
      << run.err.substr(0, 300);
  EXPECT_LT(line.size(), 1200u);
  EXPECT_THAT(line, HasSubstr("bytes left out"));
}

TEST(LongPathsCli, FoldersNestedPastPathMaxSayWhatWasNotScanned) {
  DeepDir deep;
  ASSERT_TRUE(MakeNested(deep.Root(), "a", 2100));
  const RunResult run = RunClausescan("scan " + Quote(deep.Root()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("/a/a: cannot read folder: File name too long; nothing in it is "
                                 "scanned\n"))
      << run.err.substr(run.err.size() > 300 ? run.err.size() - 300 : 0);
  EXPECT_THAT(run.err, Not(HasSubstr("more bytes)")));
}

}  // namespace
}  // namespace clausescan::testing

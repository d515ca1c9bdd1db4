// ReadFileUpTo: the bounded reader of rule, playbook and baseline files (issue 16, files read
// whole).
#include "common/read_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/bounded_child.h"
#include "support/temp_directory.h"

namespace clausescan::internal {
namespace {

namespace fs = std::filesystem;
using clausescan::testing::ChildOutcome;
using clausescan::testing::RunBounded;

constexpr FileKind kTestFile{"test file", "test files"};

class ReadFileUpToTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = clausescan::testing::MakeTempDirectory("clausescan_read_"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return (dir_ / name).string();
  }
  // What ReadFileUpTo returns, read in a bounded child: the content, or "error: " + message.
  static std::string ReadBounded(const std::string& path, std::size_t limit) {
    const ChildOutcome outcome = RunBounded(
        [&] {
          Result<std::string> read = ReadFileUpTo(path, limit, kTestFile);
          return read.ok() ? *read : "error: " + read.error().message();
        },
        {.cpu_seconds = 5, .memory_bytes = std::size_t{512} << 20});
    return outcome.finished ? outcome.output : "ran away: " + outcome.Describe();
  }
  fs::path dir_;
};

TEST_F(ReadFileUpToTest, ReadsUpToTheLimit) {
  const std::string path = Write("ten", "0123456789");
  Result<std::string> read = ReadFileUpTo(path, 10, kTestFile);
  ASSERT_TRUE(read.ok()) << read.error().message();
  EXPECT_EQ(*read, "0123456789");
  read = ReadFileUpTo(Write("empty", ""), 10, kTestFile);
  ASSERT_TRUE(read.ok()) << read.error().message();
  EXPECT_EQ(*read, "");
}

TEST_F(ReadFileUpToTest, RefusesAFileAboveTheLimitNamingIt) {
  struct Case {
    std::size_t limit;
    const char* described;
  };
  const Case cases[] = {
      {10, "10 bytes"}, {2048, "2 KiB"}, {std::size_t{3} << 20, "3 MiB"}, {1536, "1536 bytes"}};
  for (const Case& c : cases) {
    const std::string path = Write("big", std::string(c.limit + 1, 'x'));
    Result<std::string> read = ReadFileUpTo(path, c.limit, kTestFile);
    ASSERT_FALSE(read.ok()) << c.limit;
    EXPECT_EQ(read.error().code(), ErrorCode::kTooLarge);
    EXPECT_EQ(read.error().message(),
              path + ": larger than " + c.described + ", the limit for test files");
  }
}

// A file whose size says nothing of what it holds (procfs says 0) is still read no further
// than one byte past the limit.
TEST_F(ReadFileUpToTest, StopsReadingOneBytePastTheLimit) {
  EXPECT_EQ(ReadBounded("/proc/self/status", 10),
            "error: /proc/self/status: larger than 10 bytes, the limit for test files");
}

TEST_F(ReadFileUpToTest, FollowsSymbolicLinksToRegularFiles) {
  const std::string target = Write("target", "yes");
  fs::create_symlink(target, dir_ / "link");
  Result<std::string> read = ReadFileUpTo((dir_ / "link").string(), 10, kTestFile);
  ASSERT_TRUE(read.ok()) << read.error().message();
  EXPECT_EQ(*read, "yes");
}

TEST_F(ReadFileUpToTest, RefusesWhatIsNotARegularFile) {
  const std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::create_symlink("/dev/zero", dir_ / "zero.yaml");
  const std::string missing = (dir_ / "missing").string();
  // Each in a bounded child: the old readers waited for a writer, or read zeros without end.
  EXPECT_EQ(ReadBounded(fifo, 1 << 20),
            "error: " + fifo + ": cannot read test file: it is a FIFO, not a regular file");
  EXPECT_EQ(ReadBounded("/dev/zero", 1 << 20),
            "error: /dev/zero: cannot read test file: it is a character device, not a regular "
            "file");
  EXPECT_EQ(ReadBounded((dir_ / "zero.yaml").string(), 1 << 20),
            "error: " + (dir_ / "zero.yaml").string() +
                ": cannot read test file: it is a character device, not a regular file");
  EXPECT_EQ(ReadBounded(dir_.string(), 1 << 20),
            "error: " + dir_.string() + ": cannot read test file: it is a directory");
  Result<std::string> read = ReadFileUpTo(missing, 10, kTestFile);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::kIo);
  EXPECT_EQ(read.error().message(), missing + ": cannot read test file: No such file or directory");
}

}  // namespace
}  // namespace clausescan::internal

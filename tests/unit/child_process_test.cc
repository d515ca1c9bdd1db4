// RunInChildProcess: results, errors, limits and crashes of the work done in the child.
#include "extract/child_process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace clausescan::internal {
namespace {

ChildLimits Limits(int seconds) {
  ChildLimits limits;
  limits.time = std::chrono::seconds(seconds);
  return limits;
}

TEST(ChildProcess, ReturnsWhatTheWorkReturnsWhateverItsSize) {
  std::string big(5 << 20, 'x');  // larger than a pipe's buffer
  big.back() = 'y';
  Result<std::string> result =
      RunInChildProcess([&]() -> Result<std::string> { return big; }, Limits(30), "work", "f");
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(*result, big);
  Result<std::string> empty = RunInChildProcess(
      []() -> Result<std::string> { return std::string(); }, Limits(30), "work", "f");
  ASSERT_TRUE(empty.ok()) << empty.error().message();
  EXPECT_EQ(*empty, "");
}

TEST(ChildProcess, PassesTheWorksErrorOnWithTheCallersName) {
  Result<std::string> result = RunInChildProcess(
      []() -> Result<std::string> {
        return Error(ErrorCode::kEncrypted, "needs a password", "inner");
      },
      Limits(30), "work", "contract.pdf");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::kEncrypted);
  EXPECT_EQ(result.error().message(), "contract.pdf: needs a password");
}

TEST(ChildProcess, StopsWorkThatRunsPastTheTimeLimit) {
  auto start = std::chrono::steady_clock::now();
  Result<std::string> result = RunInChildProcess(
      []() -> Result<std::string> {
        volatile unsigned long spins = 0;
        for (;;) spins = spins + 1;
      },
      Limits(1), "spinning", "f");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(result.error().message(), "f: spinning took longer than 1 s, the time limit");
}

TEST(ChildProcess, ReportsACrashAsAnErrorAndLivesOn) {
  Result<std::string> result =
      RunInChildProcess([]() -> Result<std::string> { std::abort(); }, Limits(30), "reading", "f");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::kCorrupt);
  EXPECT_NE(result.error().message().find("f: reading failed: the reader was killed by signal 6"),
            std::string::npos)
      << result.error().message();
}

#if !defined(__SANITIZE_ADDRESS__)
// poppler's allocator reports a failed malloc on stderr and aborts instead of throwing.
TEST(ChildProcess, AnAbortAfterOutOfMemoryIsTheMemoryLimit) {
  ChildLimits limits = Limits(30);
  limits.memory_bytes = std::size_t{32} << 20;
  Result<std::string> result = RunInChildProcess(
      []() -> Result<std::string> {
        std::fputs("Out of memory\n", stderr);
        std::abort();
      },
      limits, "reading", "f");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(result.error().message(), "f: reading needed more than 32 MiB of memory, the limit");
}
#endif

TEST(ChildProcess, ReportsAnExceptionAsAnError) {
  Result<std::string> result =
      RunInChildProcess([]() -> Result<std::string> { throw std::runtime_error("bad xref"); },
                        Limits(30), "reading", "f");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message(), "f: reading failed: bad xref");
}

#if !defined(__SANITIZE_ADDRESS__)
TEST(ChildProcess, StopsWorkThatRunsPastTheMemoryLimit) {
  ChildLimits limits = Limits(30);
  limits.memory_bytes = std::size_t{32} << 20;
  Result<std::string> result = RunInChildProcess(
      []() -> Result<std::string> {
        std::vector<std::string> hoard;
        for (;;) hoard.emplace_back(1 << 20, 'x');
      },
      limits, "hoarding", "f");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(result.error().message(), "f: hoarding needed more than 32 MiB of memory, the limit");
}
#endif

}  // namespace
}  // namespace clausescan::internal

// ExpandPaths and ScanPaths: folder walks (symlinks, files to skip) and the batch runner's
// contract with a caller whose callback fails.
#include "clausescan/batch.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/bounded_child.h"
#include "support/temp_directory.h"

namespace clausescan {
namespace {

namespace fs = std::filesystem;

// A callback that throws (a full disk while writing a report) reaches the caller as the same
// exception after the workers stop, rather than ending the process.
TEST(ScanPaths, AnExceptionFromTheCallbackReachesTheCaller) {
  fs::path dir = testing::MakeTempDirectory("clausescan-batch-");
  for (int i = 0; i < 8; ++i) {
    std::ofstream(dir / ("contract" + std::to_string(i) + ".txt"))
        << "The Supplier shall notify the Customer of a Security Incident within 24 hours.\n";
  }
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Scanner scanner(*rules);
  BatchOptions options;
  options.jobs = 2;
  int items = 0;
  EXPECT_THROW(ScanPaths(scanner, {dir.string()}, options,
                         [&](BatchItem&) {
                           if (++items == 2) throw std::runtime_error("disk full");
                         }),
               std::runtime_error);
  EXPECT_EQ(items, 2);
  fs::remove_all(dir);
}

// Attack review of main c7bb297 (minor): an empty on_item threw std::bad_function_call; a caller
// that only wants progress may leave it empty.
TEST(ScanPaths, AnEmptyItemCallbackIsAllowed) {
  fs::path dir = testing::MakeTempDirectory("clausescan-batch-");
  for (int i = 0; i < 3; ++i) {
    std::ofstream(dir / ("contract" + std::to_string(i) + ".txt"))
        << "The Supplier shall notify the Customer of a Security Incident within 24 hours.\n";
  }
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Scanner scanner(*rules);
  std::size_t done = 0;
  EXPECT_NO_THROW(ScanPaths(scanner, {dir.string(), (dir / "missing.txt").string()}, {}, {},
                            [&](const BatchProgress& p) { done = p.files_done; }));
  EXPECT_EQ(done, 4u);  // the three contracts and the missing file, an error
  fs::remove_all(dir);
}

// The entries ExpandPaths gives for paths, as "path" or "path: error" relative to dir.
std::vector<std::string> Expanded(const fs::path& dir, const std::vector<std::string>& paths,
                                  const BatchOptions& options = {}) {
  std::vector<std::string> out;
  for (const PathEntry& entry : ExpandPaths(paths, options)) {
    std::string text = fs::path(entry.path).lexically_relative(dir).string();
    if (entry.error) text += ": " + entry.error->message();
    out.push_back(text);
  }
  return out;
}

// issue 16 #9: levels of "diamonds" (two symlinks from each level to the next) once made the walk
// visit the last folder 2^levels times. Each real folder is now walked once: 24 levels give the
// one file once. The walk runs in a child process under a CPU (10 s) and memory (1 GiB) bound
// that the exponential walk (16 million copies of the file) exceeds by far.
TEST(ExpandPaths, DiamondSymlinksWalkEachFolderOnce) {
  fs::path dir = testing::MakeTempDirectory("clausescan-diamonds-");
  constexpr int kLevels = 24;
  for (int level = 0; level <= kLevels; ++level) {
    fs::path folder = dir / ("level" + std::to_string(level));
    fs::create_directory(folder);
    if (level < kLevels) {
      fs::path next = fs::path("..") / ("level" + std::to_string(level + 1));
      fs::create_directory_symlink(next, folder / "a");
      fs::create_directory_symlink(next, folder / "b");
    }
  }
  std::ofstream(dir / ("level" + std::to_string(kLevels)) / "contract.txt") << "Terms.\n";
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    struct rlimit cpu = {10, 10};
    ::setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
    struct rlimit memory = {std::size_t{1} << 30, std::size_t{1} << 30};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    std::string result;
    BatchOptions follow;  // the diamonds lead out of level0
    follow.follow = true;
    for (const PathEntry& entry : ExpandPaths({(dir / "level0").string()}, follow)) {
      result += entry.path + (entry.error ? ": " + entry.error->message() : "") + "\n";
    }
    (void)!::write(pipe_fds[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string result;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) result.append(buffer, n);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "the walk did not finish within its bounds (status " << status << ")";
  std::string expected = (dir / "level0" / "a").string();
  for (int level = 1; level < kLevels; ++level) expected += "/a";
  expected += "/contract.txt\n";
  EXPECT_EQ(result, expected);
  fs::remove_all(dir);
}

// issue 16 #9: a folder reached again through a symlink that is not one of its ancestors is
// skipped silently, and so is a file reached again; a symlink to an ancestor is still a loop.
TEST(ExpandPaths, EachRealFolderAndFileOnce) {
  fs::path dir = testing::MakeTempDirectory("clausescan-walk-");
  const fs::path root = dir / "root";
  fs::create_directories(root / "docs");
  std::ofstream(root / "docs" / "contract.txt") << "Terms.\n";
  fs::create_directory_symlink("docs", root / "docs-link");
  fs::create_symlink("docs/contract.txt", root / "file-link.txt");
  EXPECT_EQ(Expanded(dir, {root.string()}), (std::vector<std::string>{"root/docs/contract.txt"}));
  // Named again (by another name), a folder is walked once, with a note (and no "nothing to
  // scan" error); a folder walked inside another named one adds nothing.
  EXPECT_EQ(Expanded(dir, {(root / "docs").string(), (root / "docs-link").string(), root.string()}),
            (std::vector<std::string>{"root/docs/contract.txt",
                                      "root/docs-link: " + (root / "docs-link").string() +
                                          ": named more than once; scanned once"}));
  fs::create_directory_symlink("..", root / "docs" / "up");
  EXPECT_EQ(
      Expanded(dir, {root.string()}),
      (std::vector<std::string>{"root/docs/contract.txt",
                                "root/docs/up: " + (root / "docs" / "up").string() +
                                    ": symbolic link loop: this folder is already being scanned"}));
  fs::remove_all(dir);
}

// issue 16 #12: files listed in skip_files (the report being written and its temporary file) are
// never scanned when a walk finds them, whatever name leads to them.
TEST(ExpandPaths, SkipFilesAreComparedByDeviceAndInode) {
  fs::path dir = testing::MakeTempDirectory("clausescan-skip-");
  fs::create_directories(dir / "docs");
  std::ofstream(dir / "docs" / "contract.txt") << "Terms.\n";
  std::ofstream(dir / "docs" / "report.json") << "{}\n";
  fs::create_hard_link(dir / "docs" / "report.json", dir / "docs" / "copy.json");
  BatchOptions options;
  options.skip_files = {(dir / "docs" / "." / "report.json").string(), (dir / "absent").string()};
  EXPECT_EQ(Expanded(dir, {(dir / "docs").string()}, options),
            (std::vector<std::string>{"docs/contract.txt"}));
  fs::remove_all(dir);
}

// issue 16 review D: a file that a folder walk found and that was replaced by a FIFO before it
// was read made the scan wait for a writer forever. It is now an error naming it ("not a
// regular file") and the batch goes on; a FIFO named explicitly is still read (a named pipe,
// process substitution). Deterministic: the named FIFO is scanned first, and its writer, which
// can only open it once the walk is over, replaces the walked file before writing. The batch
// runs in a child process that a hang would take past its wall-clock bound (30 s).
TEST(ScanPaths, AWalkedFileReplacedByAFifoIsAnErrorAndTheBatchGoesOn) {
  const fs::path dir = testing::MakeTempDirectory("clausescan-fifo-");
  const std::string clause =
      "The Supplier shall notify the Customer of a Security Incident within 24 hours.\n";
  const fs::path named = dir / "named-pipe";
  ASSERT_EQ(::mkfifo(named.c_str(), 0600), 0);
  fs::create_directory(dir / "docs");
  std::ofstream(dir / "docs" / "a.txt") << clause;
  std::ofstream(dir / "docs" / "b.txt") << clause;
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const testing::ChildOutcome outcome = testing::RunBounded(
      [&] {
        Scanner scanner(*rules);
        std::thread writer([&] {
          const int fd = ::open(named.c_str(), O_WRONLY | O_CLOEXEC);  // once the scan reads
          fs::remove(dir / "docs" / "a.txt");
          ::mkfifo((dir / "docs" / "a.txt").c_str(), 0600);
          (void)!::write(fd, clause.data(), clause.size());
          ::close(fd);
        });
        BatchOptions options;
        options.jobs = 1;
        std::string out;
        ScanPaths(
            scanner, {named.string(), (dir / "docs").string()}, options, [&](BatchItem& item) {
              out += fs::path(item.path).lexically_relative(dir).string() + ": " +
                     (item.report.ok() ? std::to_string(item.report->findings.size()) + " findings"
                                       : item.report.error().message()) +
                     "\n";
            });
        writer.join();
        return out;
      },
      {10, std::size_t{2} << 30});
  ASSERT_TRUE(outcome.finished) << "the batch did not finish: " << outcome.Describe();
  EXPECT_EQ(outcome.output,
            "named-pipe: 1 findings\n"
            "docs/a.txt: " +
                (dir / "docs" / "a.txt").string() +
                ": not a regular file (a FIFO)\n"
                "docs/b.txt: 1 findings\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clausescan

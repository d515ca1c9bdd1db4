// What a pack run killed outright leaves beside its output, as the next run meets it. The
// comments name the item of the attack review of main 303dfb8 each test covers ("rel15 #9").
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// A temporary folder as a killed run leaves it (an NDA document inside and, where `marked`, the
// marker file a run writes first), last changed `age` seconds ago.
fs::path LeftFolder(const fs::path& dir, const std::string& name, int age, bool marked = true) {
  const fs::path folder = dir / name;
  fs::create_directories(folder / "documents" / "nda");
  WriteWholeFile(folder / "documents" / "nda" / "soc2.txt", "confidential\n");
  if (marked) WriteWholeFile(folder / ".clausescan-pack-unfinished", "");
  const struct timespec times[2] = {{std::time(nullptr) - age, 0}, {std::time(nullptr) - age, 0}};
  ::utimensat(AT_FDCWD, folder.c_str(), times, 0);
  return folder;
}

// rel15 #9: a pack killed with SIGKILL left .NAME.clausescan-XXXXXX with NDA documents, and no
// later run removed or mentioned it. The next pack to that output removes it and says so; a
// temporary changed within the minute, or locked by a running pack, stays.
TEST(PackLeftovers, TheNextRunRemovesWhatAKilledRunLeft) {
  TempDir dir;
  fs::copy(SourcePath("corpus/profile"), dir.path() / "profile", fs::copy_options::recursive);
  const fs::path stale = LeftFolder(dir.path(), ".pack.clausescan-Ab12Cd", 7200);
  const fs::path fresh = LeftFolder(dir.path(), ".pack.clausescan-Ef34Gh", 0);
  const fs::path locked = LeftFolder(dir.path(), ".pack.clausescan-Ij56Kl", 7200);
  const fs::path other = LeftFolder(dir.path(), ".other.clausescan-Mn78Op", 7200);
  const int lock = ::open(locked.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(lock, 0);
  ASSERT_EQ(::flock(lock, LOCK_EX), 0);
  const RunResult r =
      RunClausescan("pack " + Quote(SourcePath("corpus/security-addendum.md")) + " --profile " +
                    Quote(dir.path() / "profile" / "acme-profile.yaml") +
                    " --as-of 2026-12-06 -o " + Quote(dir.path() / "pack"));
  ::close(lock);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "pack" / "index.md"));
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_THAT(r.err, HasSubstr(": note: removed " + stale.string() +
                               ", left by an earlier run that was killed before it finished"));
  for (const fs::path& kept : {fresh, locked, other}) {
    EXPECT_TRUE(fs::exists(kept / "documents" / "nda" / "soc2.txt")) << kept;
    EXPECT_THAT(r.err, Not(HasSubstr(kept.string()))) << kept;
  }
}

// Attack review of main e77cfe5 #1: the sweep removed any folder whose name had the
// temporary's shape (".pack.clausescan-backup", the user's, with their notes inside). Only a
// folder holding a run's marker is removed; one without it, or a file of that name, stays and
// is named in a note.
TEST(PackLeftovers, AFolderNamedLikeATemporaryWithoutTheRunMarkerIsKept) {
  TempDir dir;
  fs::copy(SourcePath("corpus/profile"), dir.path() / "profile", fs::copy_options::recursive);
  const fs::path users = LeftFolder(dir.path(), ".pack.clausescan-backup", 7200, false);
  const fs::path file = dir.path() / ".pack.clausescan-old123";
  WriteWholeFile(file, "precious\n");
  const struct timespec times[2] = {{std::time(nullptr) - 7200, 0}, {std::time(nullptr) - 7200, 0}};
  ::utimensat(AT_FDCWD, file.c_str(), times, 0);
  const RunResult r =
      RunClausescan("pack " + Quote(SourcePath("corpus/security-addendum.md")) + " --profile " +
                    Quote(dir.path() / "profile" / "acme-profile.yaml") +
                    " --as-of 2026-12-06 -o " + Quote(dir.path() / "pack"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "pack" / "index.md"));
  EXPECT_FALSE(fs::exists(dir.path() / "pack" / ".clausescan-pack-unfinished"));
  EXPECT_TRUE(fs::exists(users / "documents" / "nda" / "soc2.txt"));
  EXPECT_TRUE(fs::exists(file));
  EXPECT_THAT(r.err, Not(HasSubstr("removed")));
  EXPECT_THAT(r.err, HasSubstr(users.string() + " has the name of a pack run's temporary"));
  EXPECT_THAT(r.err, HasSubstr(file.string() + " has the name of a pack run's temporary"));
}

// The entries of dir whose names start with prefix.
std::vector<std::string> NamesStartingWith(const fs::path& dir, const std::string& prefix) {
  std::vector<std::string> names;
  for (const std::string& name : Listing(dir)) {
    if (name.rfind(prefix, 0) == 0) names.push_back(name);
  }
  return names;
}

// Reliability review of main 9ef7676 #3: a `pack -o NAME.zip` killed (SIGKILL) while it wrote
// the archive left .NAME.zip.clausescan-XXXXXX (and libzip's partial archive) beside the
// output, which the next run only named. The next run removes what it left and says so. The
// pack holds a large document, so that the run is still writing when it is killed.
TEST(PackLeftovers, TheNextRunRemovesWhatAKilledZipRunLeft) {
  TempDir dir;
  fs::copy(SourcePath("corpus/profile"), dir.path() / "profile", fs::copy_options::recursive);
  std::mt19937 random(16);
  std::string large;
  while (large.size() < (std::size_t{8} << 20)) {
    large += static_cast<char>('a' + random() % 26);
    if (large.size() % 100 == 0) large += '\n';
  }
  WriteWholeFile(dir.path() / "profile" / "evidence" / "iso27001-certificate.txt", large);
  const fs::path out = dir.path() / "out";
  fs::create_directory(out);
  const std::string pack = "pack " + Quote(SourcePath("corpus/security-addendum.md")) +
                           " --profile " + Quote(dir.path() / "profile" / "acme-profile.yaml") +
                           " --as-of 2026-12-06 -o " + Quote(out / "pack.zip");
  std::thread killer;
  const RunResult killed = RunClausescanAs(pack, [&](pid_t pid) {
    killer = std::thread([pid, &out] {
      WaitFor([&] { return !NamesStartingWith(out, ".pack.zip.").empty(); });
      ::kill(pid, SIGKILL);
    });
  });
  killer.join();
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  const std::vector<std::string> left = NamesStartingWith(out, ".pack.zip.");
  ASSERT_FALSE(left.empty()) << "the killed run left nothing";
  for (const std::string& name : left) {
    const struct timespec times[2] = {{std::time(nullptr) - 7200, 0},
                                      {std::time(nullptr) - 7200, 0}};
    ::utimensat(AT_FDCWD, (out / name).c_str(), times, AT_SYMLINK_NOFOLLOW);
  }
  const RunResult r = RunClausescan(pack);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(out / "pack.zip"));
  EXPECT_EQ(NamesStartingWith(out, ".pack.zip."), std::vector<std::string>{});
  EXPECT_THAT(r.err, HasSubstr(", left by an earlier run that was killed before it finished"));
  EXPECT_THAT(r.err, Not(HasSubstr("has the name of a pack run's temporary")));
}

}  // namespace
}  // namespace clausescan::testing

// A rules folder or playbook made to run clausescan away (issue 16 #8, #10) ends in a clear
// error naming the file and exit status 2, within generous CPU and memory bounds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;

std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

// Runs `clausescan <args>` as RunClausescan does, under `ulimit -t 20` (CPU seconds) and
// `ulimit -v` 2 GiB (not under AddressSanitizer, which reserves terabytes of address space).
RunResult RunBoundedClausescan(const std::string& args, const std::string& input) {
  TempDir dir;
  WriteWholeFile(dir.path() / "in", input);
  std::string limits = "ulimit -t 20; ";
#if !defined(__SANITIZE_ADDRESS__)
  limits += "ulimit -v 2097152; ";
#endif
  const std::string command = limits + "exec '" + CLAUSESCAN_BINARY + "' " + args + " < " +
                              Quote(dir.path() / "in") + " > " + Quote(dir.path() / "out") +
                              " 2> " + Quote(dir.path() / "err");
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadWholeFile(dir.path() / "out");
  result.err = ReadWholeFile(dir.path() / "err");
  return result;
}

constexpr const char* kClause =
    "Supplier shall notify Customer of any Security Incident within 72 hours.\n";

// issue 16 #8: two symbolic links to '.' in a rules folder looped (60 s, 11.6 GB and growing).
TEST(HostileRulesCli, SymlinkLoopInRulesFolderIsAnError) {
  TempDir dir;
  const fs::path rules = dir.path() / "rules";
  fs::copy(SourcePath("rules"), rules, fs::copy_options::recursive);
  fs::create_directory_symlink(".", rules / "loop1");
  fs::create_directory_symlink(".", rules / "loop2");
  RunResult r = RunBoundedClausescan("scan --rules " + Quote(rules) + " -", kClause);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "clausescan: " + (rules / "loop1").string() +
                       ": cannot read rule directory: symbolic link loop (it leads back to " +
                       rules.string() + ")\n");
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace clausescan::testing

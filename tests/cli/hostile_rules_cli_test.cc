// A rules folder or playbook made to run clausescan away (issue 16 #8, #10) ends in a clear
// error naming the file and exit status 2, within generous CPU and memory bounds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
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

// issue 16 #10: a 250 KB playbook whose positions each reuse one list of 20,000 words by alias
// (40 million items once copied) is refused before it is copied.
TEST(HostileRulesCli, PlaybookExpandingThroughAliasesIsRefused) {
  TempDir dir;
  std::string yaml = "incident_notification:\n  positions:\n";
  yaml += "    - id: p0\n      when: {trigger: {in: &big [";
  for (int i = 0; i < 20000; ++i) yaml += (i > 0 ? ", t" : "t") + std::to_string(i);
  yaml += "]}}\n      risk: low\n      reason: r\n";
  for (int i = 1; i <= 2000; ++i) {
    yaml += "    - {id: p" + std::to_string(i) +
            ", when: {trigger: {in: *big}}, risk: low, reason: r}\n";
  }
  WriteWholeFile(dir.path() / "mine.yaml", yaml);
  RunResult r = RunBoundedClausescan(
      "scan --format json --playbook " + Quote(dir.path() / "mine.yaml") + " -", kClause);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "clausescan: " + (dir.path() / "mine.yaml").string() +
                       ":10:37: the file expands to more than 100000 items (YAML aliases count "
                       "each time they are used)\n");
  EXPECT_EQ(r.out, "");
}

// issue 16 #10: "did you mean" on two 20,000-character ids built a 3.2 GB table.
TEST(HostileRulesCli, LongUnknownIdInPlaybookIsAnError) {
  TempDir dir;
  const std::string added(20000, 'a');
  const std::string unknown(20000, 'b');
  WriteWholeFile(dir.path() / "mine.yaml",
                 "incident_notification:\n  positions:\n    - {id: " + added +
                     ", when: {trigger: occurrence}, risk: low, reason: r}\n    - {id: " + unknown +
                     ", enabled: false}\n");
  RunResult r = RunBoundedClausescan("playbook check " + Quote(dir.path() / "mine.yaml"), "");
  EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 300);
  EXPECT_THAT(r.err,
              HasSubstr((dir.path() / "mine.yaml").string() + ":4:12: unknown position id 'bbbb"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("did you mean")));
}

}  // namespace
}  // namespace clausescan::testing

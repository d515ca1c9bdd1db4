// `-o -` as a user of the clausescan binary types it, after `playbook init -`. The comments name
// the item of the attack review of main 303dfb8 each test covers ("rel15 #8").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;

// Runs `clausescan <args>` in dir (stdin empty); stdout and stderr captured.
RunResult RunIn(const fs::path& dir, const std::string& args) {
  const std::string command = "cd " + Quote(dir) + " && '" + CLAUSESCAN_BINARY + "' " + args +
                              " < /dev/null > .out 2> .err";
  RunResult result;
  result.exit_code = ExitCode(std::system(command.c_str()));
  result.out = ReadWholeFile(dir / ".out");
  result.err = ReadWholeFile(dir / ".err");
  return result;
}

// rel15 #8: `-o -` wrote a file named "-" in scan and evidence (and a folder in pack), though
// `playbook init -` writes to standard output. scan and evidence write one stream: `-o -` is
// standard output; pack refuses it, writing nothing.
TEST(OutputDash, IsStandardOutputForScanAndEvidenceAndRefusedByPack) {
  TempDir dir;
  const std::string dpa = Quote(kSource + "/corpus/dpa.md");
  RunResult r = RunIn(dir.path(), "scan -f json -o - " + dpa);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Json::parse(r.out, nullptr, false).is_object()) << r.out.substr(0, 200);
  r = RunIn(dir.path(), "evidence -f json -o - " + dpa);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Json::parse(r.out, nullptr, false).is_discarded()) << r.out.substr(0, 200);
  fs::copy(kSource + "/corpus/profile", dir.path() / "profile", fs::copy_options::recursive);
  r = RunIn(dir.path(), "pack " + dpa + " --profile profile/acme-profile.yaml -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("pack: -o - would be standard output"));
  EXPECT_FALSE(fs::exists(dir.path() / "-"));
}

}  // namespace
}  // namespace clausescan::testing

// --jobs as a user of the clausescan binary may give it. The comments name the item of the
// attack review of main 303dfb8 each test covers ("rel15 #10").
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// rel15 #10: -j 1000000 started a thread per file (300 here: 2.4 GB of stacks; 3.4 times as slow
// as the default), and under a 2 GiB address-space limit thread creation failed ("internal
// error"). Threads are capped at one per core, so the run is the default's.
TEST(Jobs, AHugeCountIsCappedAtTheCores) {
  TempDir dir;
  fs::create_directory(dir.path() / "many");
  for (int i = 0; i < 300; ++i) {
    WriteWholeFile(dir.path() / "many" / ("c" + std::to_string(i) + ".txt"),
                   "Supplier shall notify Customer of any Security Incident within 24 hours.\n");
  }
  std::string limit;
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
  limit = "ulimit -v 2097152; ";
#endif
  const std::string command = limit + "'" + CLAUSESCAN_BINARY + "' scan -j 1000000 -f json " +
                              Quote(dir.path() / "many") + " > " + Quote(dir.path() / "out") +
                              " 2> " + Quote(dir.path() / "err") + " < /dev/null";
  const int status = std::system(command.c_str());
  EXPECT_EQ(ExitCode(status), 0) << ReadWholeFile(dir.path() / "err");
  const Json reports = Json::parse(ReadWholeFile(dir.path() / "out"), nullptr, false);
  ASSERT_TRUE(reports.is_array());
  EXPECT_EQ(reports.size(), 300u);
}

// rel15 #10: `text -` failed "-: cannot open" though `scan -` reads standard input; it prints
// the text read from standard input.
TEST(TextCommand, DashReadsStandardInput) {
  RunResult r = RunClausescan("text -", "Plain contract text.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Plain contract text.\n");
  r = RunClausescan("text --max-input-size 4 -", "Plain contract text.\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("<stdin>: input is above the limit of 4 bytes"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace clausescan::testing

// ScanPaths: the batch runner's contract with a caller whose callback fails.
#include "clausescan/batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace clausescan

// Duties drafted in the passive, without their holder, as terms of service and API terms write
// them (issue 11): "You will be promptly notified of ...", "Customer Data must not be disclosed
// ...". They are found as the active duty is, and a fact or a ban stated in the passive is not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

constexpr const char* kTerms =
    "These Terms of Service are an agreement between Acme Cloud Inc. (\"Acme\", \"we\", \"us\" or "
    "\"our\") and the customer that uses the Services (\"you\" or \"your\").\n\n"
    "1. You will be promptly notified of any request we receive from a data subject about your "
    "personal data.\n\n"
    "2. Customer Data must not be disclosed to any third party except as required by law.\n\n"
    "3. Our databases are not encrypted at rest.\n\n"
    "4. Your site will not be used to create, distribute or enable malware.\n";

// gen16a: seen failing on main ecf00c7 (no finding at all: the rules are written for the active
// duty, "notify the customer of any request", "shall not disclose customer data").
TEST(PassiveDutiesCli, PassiveDutiesAreFoundAsTheSuppliersAndFactsAreNot) {
  RunResult r = RunClausescan("scan --format json -", kTerms);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::string seen;
  for (const nlohmann::json& f : report["findings"]) {
    seen += std::to_string(f["line"].get<int>()) + " " + f["rule"].get<std::string>() + " " +
            f["party"].get<std::string>() + "\n";
  }
  // The addressee of the notice as the subject: the supplier notifies.
  EXPECT_THAT(seen, ::testing::HasSubstr("3 data-processing.data-subject-requests supplier\n"));
  // The data as the subject of a ban on disclosing it.
  EXPECT_THAT(seen, ::testing::HasSubstr("5 data-processing.instructions supplier\n"));
  // "are not encrypted" states a fact; "will not be used to create ... malware" bans a use of
  // the service (acceptable use), no control.
  EXPECT_THAT(seen, ::testing::Not(::testing::HasSubstr("7 ")));
  EXPECT_THAT(seen, ::testing::Not(::testing::HasSubstr("9 ")));
}

}  // namespace
}  // namespace clausescan::testing

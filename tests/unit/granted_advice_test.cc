// Advice the document already grants is left out (issue 15 #4): what an SLA excludes and how it
// measures holds for the whole SLA, not only for the section that says it.
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::Describe;
using test_scan::ScanText;

// An SLA in the shape of the Supabase uptime SLA: maintenance and beta features excluded in the
// definitions, the monthly commitment "as measured by" the provider in section 2, force majeure
// excluded in section 3.
const char kSla[] =
    "# Service Level Agreement\n\n"
    "## 1. Definitions\n\n"
    "- **Scheduled Downtime:** Periods of planned maintenance that the Provider has announced in "
    "advance. These windows are not counted as Unscheduled Downtime for SLA purposes.\n"
    "- **Unscheduled Downtime:** The total time that the service is not available, excluding "
    "periods attributable to any causes listed under SLA Exclusions.\n"
    "- **Beta:** The feature is in limited release. Beta features are not covered by the SLA.\n\n"
    "## 2. Uptime Commitment\n\n"
    "The Provider will provide Actual Availability for at least 99.9% of the total time in each "
    "calendar month, as measured by the Provider.\n\n"
    "## 3. SLA Exclusions\n\n"
    "The Provider is not responsible for outages or service interruptions caused by factors "
    "outside of its reasonable control. The following events are excluded from this SLA: outages "
    "caused by the Customer's own code.\n";

bool Offers(const Report& report, const std::string& words) {
  for (const Finding& f : report.findings) {
    for (const std::string& c : f.considerations) {
      if (c.find(words) != std::string::npos) return true;
    }
  }
  return false;
}

// Reading review (Supabase SLA): "exclude ... beta or preview features" was proposed on the
// definitions, which exclude maintenance and beta, while section 3 excludes force majeure.
TEST(GrantedAdvice, SlaExclusionsHoldForTheWholeSla) {
  const Report report = ScanText(kSla, "sla.md");
  ASSERT_FALSE(report.findings.empty());
  EXPECT_FALSE(Offers(report, "Exclude scheduled maintenance")) << Describe(report);
}

// Reading review (Supabase SLA section 2): "measure over a calendar month with your own
// monitoring" was proposed on every other section, though the commitment does exactly that.
TEST(GrantedAdvice, TheCommitmentsMeasurePeriodHoldsForTheWholeSla) {
  const Report report = ScanText(kSla, "sla.md");
  ASSERT_FALSE(report.findings.empty());
  EXPECT_FALSE(Offers(report, "with your own monitoring")) << Describe(report);
}

}  // namespace
}  // namespace clausescan

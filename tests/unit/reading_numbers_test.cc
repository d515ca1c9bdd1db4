// Numbers read for what they are (issue 15, "Reading numbers"): a waiting period is no
// deadline, a carve-out of backups is no deletion "including backups", and a period that
// belongs to something else is no fix window.
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"
#include "params/quantities.h"

namespace clausescan {
namespace {

const Scanner& BuiltinScanner() {
  static const Scanner* scanner = [] {
    Result<RuleSet> rules = RuleSet::Builtin();
    if (!rules.ok()) std::abort();
    return new Scanner(*rules);
  }();
  return *scanner;
}

const Finding* ScanFor(const std::string& clause, const std::string& rule, Report* report) {
  Result<Report> scanned = BuiltinScanner().ScanBytes(clause + "\n", "contract.txt");
  EXPECT_TRUE(scanned.ok());
  if (!scanned.ok()) return nullptr;
  *report = *scanned;
  for (const Finding& f : report->findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// issue 15: the supplier must wait twenty business days before deleting; that is no deadline.
TEST(ReadingNumbers, AWaitingPeriodIsNoDeadline) {
  Report report;
  const Finding* f = ScanFor(
      "Provider will delete the Customer Data not earlier than twenty (20) Business Days after "
      "the termination of the Agreement.",
      "data-deletion.deletion", &report);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->parameters.count("period_days"), 0u);
  EXPECT_FALSE(Has(f->positions, "delete-period-short"));
}

// issue 15: fifteen business days with a certificate, backups carved out: not "deletion within
// 15 days including backups".
TEST(ReadingNumbers, ACarveOutOfBackupsIsNoDeletionIncludingBackups) {
  Report report;
  const Finding* f = ScanFor(
      "Provider will delete all Customer Data within fifteen (15) business days and provide a "
      "certificate of destruction; this obligation does not extend to backup copies.",
      "data-deletion.deletion", &report);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->parameters.count("backups_retained"), 1u);
  EXPECT_FALSE(Has(f->positions, "delete-backups-short"));
  for (const std::string& reason : f->reasons) {
    EXPECT_EQ(reason.find("including backups"), std::string::npos) << reason;
  }
}

// issue 15: ten days to appoint a director is no window to fix vulnerabilities; ten days to
// remediate them is.
TEST(ReadingNumbers, OnlyAPeriodForFixingIsAFixWindow) {
  Report report;
  const Finding* director = ScanFor(
      "Within ten (10) days after the Effective Date, the Company shall appoint a director "
      "responsible for information security, who will oversee vulnerability management.",
      "security-measures.specific-controls", &report);
  ASSERT_NE(director, nullptr);
  EXPECT_EQ(director->parameters.count("fix_days"), 0u);
  EXPECT_FALSE(Has(director->positions, "security-fix-deadline-short"));
  Report fix_report;
  const Finding* fix =
      ScanFor("Provider will remediate critical vulnerabilities within ten (10) days of discovery.",
              "security-measures.specific-controls", &fix_report);
  ASSERT_NE(fix, nullptr);
  ASSERT_EQ(fix->parameters.count("fix_days"), 1u);
  EXPECT_EQ(std::get<double>(fix->parameters.at("fix_days")), 10);
}

}  // namespace

namespace internal {
namespace {

TEST(FindDurations, WaitingPeriodsAreNotBefore) {
  for (const char* text :
       {"not earlier than twenty (20) business days after", "no earlier than 5 days",
        "not sooner than 30 days after notice", "not before 10 days have passed"}) {
    const std::vector<Duration> found = FindDurations(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].qualifier, DurationQualifier::kNotBefore) << text;
  }
}

}  // namespace
}  // namespace internal
}  // namespace clausescan

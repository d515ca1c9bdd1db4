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

// issue 11/15 #2: ten working days to give notice that a vendor patch was checked is the
// notice's deadline, not a window to fix vulnerabilities; a deadline left blank is no number.
TEST(ReadingNumbers, ANoticeAboutAPatchIsNoFixWindow) {
  Report report;
  const Finding* f = ScanFor(
      "Where the Supplier must install security patches from other vendors, it will send the "
      "Agency written notice that each patch has been tested and does not harm the systems within "
      "seven (7) working days. The Supplier shall apply the security fixes within __ [Agency to "
      "insert].",
      "security-measures.specific-controls", &report);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->parameters.count("fix_days"), 0u);
  EXPECT_FALSE(Has(f->positions, "security-fix-deadline-short"));
  // the fix itself, next to a notice of it, still has its window
  Report both;
  const Finding* fix = ScanFor(
      "The Supplier shall inform the Agency of each vulnerability found and remediate it within "
      "thirty (30) days.",
      "security-measures.specific-controls", &both);
  ASSERT_NE(fix, nullptr);
  ASSERT_EQ(fix->parameters.count("fix_days"), 1u);
  EXPECT_EQ(std::get<double>(fix->parameters.at("fix_days")), 30);
}

// issue 11/15 #1: cover for six months after the end is a six-month tail, not "years", and a
// tail of a year or less gets no proposal of 12 months.
TEST(ReadingNumbers, AnInsuranceTailIsReadInItsOwnUnit) {
  Report report;
  const Finding* f = ScanFor(
      "Throughout the term and for six months after, the Consultant shall maintain professional "
      "liability insurance.",
      "insurance.coverage", &report);
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->parameters.count("tail_months"), 1u);
  EXPECT_EQ(std::get<double>(f->parameters.at("tail_months")), 6);
  EXPECT_FALSE(Has(f->positions, "insurance-tail"));
  EXPECT_FALSE(Has(f->positions, "insurance-tail-long"));
  for (const std::string& reason : f->reasons) {
    EXPECT_EQ(reason.find("years"), std::string::npos) << reason;
  }
  for (const std::string& advice : f->considerations) {
    EXPECT_EQ(advice.find("12 months"), std::string::npos) << advice;
  }
  Report long_report;
  const Finding* longer = ScanFor(
      "The Consultant shall maintain professional liability insurance for five (5) years "
      "following the termination of this Agreement.",
      "insurance.coverage", &long_report);
  ASSERT_NE(longer, nullptr);
  EXPECT_EQ(std::get<double>(longer->parameters.at("tail_months")), 60);
  EXPECT_TRUE(Has(longer->positions, "insurance-tail-long"));
}

// issue 11/15 #6: a demand for occurrence-form cover is reported.
TEST(ReadingNumbers, AnOccurrenceFormIsReported) {
  Report report;
  const Finding* f = ScanFor(
      "The Supplier's insurance policies under this Agreement shall be written on an occurrence "
      "basis.",
      "insurance.coverage", &report);
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->parameters.count("policy_form"), 1u);
  EXPECT_EQ(std::get<std::string>(f->parameters.at("policy_form")), "occurrence");
  EXPECT_TRUE(Has(f->positions, "insurance-occurrence-form"));
}

// issue 11/15 #5: confidentiality taken out of the damages waiver only leaves the cap in place:
// nothing is "unlimited".
TEST(ReadingNumbers, AWaiverCarveOutIsNoUncappedLiability) {
  Report report;
  const Finding* f = ScanFor(
      "The damages waiver in Section 9.2 does not apply to a breach of Section 12 "
      "(Confidentiality).",
      "liability-cap.exceptions", &report);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(Has(f->positions, "cap-carveout-data"));
  EXPECT_FALSE(Has(f->positions, "cap-carveout"));
  for (const std::string& reason : f->reasons) {
    EXPECT_EQ(reason.find("unlimited"), std::string::npos) << reason;
  }
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

// issue 11/15 #1: months as written; years and quarters in months.
TEST(FindDurations, MonthsAreReadAsWritten) {
  const struct {
    const char* text;
    double months;
  } kCases[] = {{"for six months after", 6},
                {"for three (3) years following", 36},
                {"for two quarters", 6},
                {"for 90 days after", 3}};
  for (const auto& c : kCases) {
    const std::vector<Duration> found = FindDurations(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(found[0].Months(), c.months) << c.text;
  }
}

}  // namespace
}  // namespace internal
}  // namespace clausescan

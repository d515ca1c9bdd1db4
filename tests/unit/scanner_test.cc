// Where a finding points in the document and what it quotes.
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"

namespace clausescan {
namespace {

const Finding* FindRule(const Report& report, const std::string& rule) {
  for (const Finding& f : report.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

// Markdown emphasis at the start of a clause is quoted whole, not from its closing marker.
TEST(ScannerQuote, AClauseOpeningWithEmphasisQuotesItsMarker) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const Scanner scanner(*rules);
  for (const std::string subject : {"_Processor_", "**Processor**"}) {
    const std::string doc = "# Addendum\n\n" + subject +
                            " agrees to notify _Controller_ without undue delay when it becomes "
                            "aware of a Personal Data Breach.\n";
    Result<Report> report = scanner.ScanBytes(doc, "addendum.md");
    ASSERT_TRUE(report.ok()) << report.error().message();
    const Finding* f = FindRule(*report, "incident-notification.window");
    ASSERT_NE(f, nullptr) << subject;
    EXPECT_EQ(f->text.substr(0, subject.size()), subject);
    EXPECT_EQ(f->line, 3);
    EXPECT_EQ(f->column, 1);
    EXPECT_EQ(doc.substr(f->start, f->end - f->start), f->text);
  }
}

// Attack review of main c7bb297 #2: a RuleSet, Scanner or Result<RuleSet> used after it was
// moved from crashed (the shared data was left null). Each is still the same rule set.
TEST(ScannerMove, MovedFromRulesAndScannersStillScan) {
  const std::string doc =
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n";
  auto finds_the_notice = [&](const Scanner& scanner) {
    Result<Report> report = scanner.ScanBytes(doc, "notice.txt");
    return report.ok() && FindRule(*report, "incident-notification.window") != nullptr;
  };
  Result<RuleSet> loaded = RuleSet::Builtin();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  Result<RuleSet> taken = std::move(loaded);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(finds_the_notice(Scanner(*loaded)));  // NOLINT(bugprone-use-after-move)
  RuleSet rules = std::move(*taken);
  EXPECT_FALSE(taken->origin().empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(finds_the_notice(Scanner(*taken)));
  RuleSet assigned = *loaded;
  assigned = std::move(rules);
  EXPECT_TRUE(finds_the_notice(Scanner(rules)));  // NOLINT(bugprone-use-after-move)
  Scanner first(assigned);
  Scanner second(std::move(first));
  EXPECT_TRUE(finds_the_notice(first));  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(finds_the_notice(second));
  // Attack review of main b9810e3 #8: a moved-from Scanner kept its rules but lost its options
  // (the customer's side judged as the supplier's).
  ScanOptions customer;
  customer.party = "customer";
  Scanner theirs(assigned, customer);
  Result<Report> before = theirs.ScanBytes(doc, "notice.txt");
  Scanner taken_over(std::move(theirs));
  Result<Report> after = theirs.ScanBytes(doc, "notice.txt");  // NOLINT(bugprone-use-after-move)
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(after->document.user_side, before->document.user_side);
  EXPECT_EQ(before->document.user_side, "customer");
}

}  // namespace
}  // namespace clausescan

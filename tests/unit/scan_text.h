// Scanning a test's own text with the built-in rules, and picking findings out of the report:
// shared by the unit tests that check what a reader sees of a clause.
#ifndef CLAUSESCAN_TESTS_UNIT_SCAN_TEXT_H_
#define CLAUSESCAN_TESTS_UNIT_SCAN_TEXT_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"

namespace clausescan::test_scan {

// The built-in rule set, loaded once per test binary (aborts when it does not load: every
// test that scans would fail anyway).
inline const RuleSet& BuiltinRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> r = RuleSet::Builtin();
    if (!r.ok()) std::abort();
    return new RuleSet(*r);
  }();
  return *rules;
}

// The report of `text` scanned with the built-in rules as a document called `name` (its
// extension picks the format: ".md" Markdown, ".txt" plain text). A failure is a test failure
// and gives an empty report.
inline Report ScanText(const std::string& text, const std::string& name,
                       const ScanOptions& options = {}) {
  Result<Report> report = Scanner(BuiltinRules(), options).ScanBytes(text, name);
  EXPECT_TRUE(report.ok()) << report.error().message();
  return report.ok() ? *report : Report{};
}

// The findings of `category` whose clause contains `words`.
inline std::vector<Finding> On(const Report& report, const std::string& category,
                               const std::string& words) {
  std::vector<Finding> out;
  for (const Finding& f : report.findings) {
    if (f.category == category && f.text.find(words) != std::string::npos) out.push_back(f);
  }
  return out;
}

// Each finding of report on a line (category, rule, risk, party, byte range, the start of its
// text) with its reasons and considerations below it, for a failing test's message.
inline std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.category + " " + f.rule + " " + std::string(RiskName(f.risk)) + " " + f.party + " [" +
           std::to_string(f.start) + "," + std::to_string(f.end) + "): " + f.text.substr(0, 80) +
           "\n";
    for (const std::string& reason : f.reasons) out += "    why: " + reason + "\n";
    for (const std::string& text : f.considerations) out += "    consider: " + text + "\n";
  }
  return out;
}

}  // namespace clausescan::test_scan

#endif  // CLAUSESCAN_TESTS_UNIT_SCAN_TEXT_H_

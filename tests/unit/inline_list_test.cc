// Lists inside one sentence, and the parameters of the rules that hold in one of their items.
#include "structure/inline_list.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"

namespace clausescan::internal {
namespace {

std::vector<std::string> Items(std::string_view sentence) {
  const InlineList list = FindInlineList(sentence);
  std::vector<std::string> out;
  if (!list.items.empty()) out.emplace_back(sentence.substr(0, list.lead_end));
  for (const auto& [begin, end] : list.items) {
    out.emplace_back(sentence.substr(begin, end - begin));
  }
  return out;
}

TEST(FindInlineList, LettersRomanNumeralsAndDigits) {
  EXPECT_EQ(Items("Supplier shall (a) notify; and (b) delete."),
            (std::vector<std::string>{"Supplier shall ", "(a) notify; and ", "(b) delete."}));
  EXPECT_EQ(Items("It will (i) audit, (ii) report, (iii) fix."),
            (std::vector<std::string>{"It will ", "(i) audit, ", "(ii) report, ", "(iii) fix."}));
  EXPECT_EQ(Items("Each party shall (1) pay and (2) file."),
            (std::vector<std::string>{"Each party shall ", "(1) pay and ", "(2) file."}));
}

TEST(FindInlineList, NoListWithoutASequence) {
  EXPECT_TRUE(Items("Within thirty (30) days (or sixty (60) days) of notice.").empty());
  EXPECT_TRUE(Items("as set out in Section 4(a) and Section 4(b).").empty());  // not words
  EXPECT_TRUE(Items("Supplier shall (b) delete and (c) certify.").empty());    // no first label
  EXPECT_TRUE(Items("Only (a) one item here.").empty());
}

// Nested items stay inside the top-level item; the longer sequence is the list.
TEST(FindInlineList, NestedItemsStayInTheirItem) {
  EXPECT_EQ(Items("X shall (a) keep (i) logs and (ii) backups; (b) test; and (c) report."),
            (std::vector<std::string>{"X shall ", "(a) keep (i) logs and (ii) backups; ",
                                      "(b) test; and ", "(c) report."}));
}

// Two obligations in one sentence, each with its own deadline: each rule reports its own.
TEST(InlineListParameters, EachRuleReadsTheNumberOfItsItem) {
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  Result<Report> report = Scanner(*rules).ScanBytes(
      "Supplier shall (a) notify Customer of any Security Incident within 24 hours of becoming "
      "aware of it; and (b) delete all Customer Data within 30 days after termination of the "
      "Agreement.\n",
      "addendum.txt");
  ASSERT_TRUE(report.ok()) << report.error().message();
  bool incident = false;
  bool deletion = false;
  for (const Finding& f : report->findings) {
    if (f.rule == "incident-notification.window") {
      incident = true;
      EXPECT_EQ(std::get<double>(f.parameters.at("window_hours")), 24.0);
    }
    if (f.rule == "data-deletion.deletion") {
      deletion = true;
      EXPECT_EQ(std::get<double>(f.parameters.at("period_days")), 30.0);
    }
  }
  EXPECT_TRUE(incident);
  EXPECT_TRUE(deletion);
}

}  // namespace
}  // namespace clausescan::internal

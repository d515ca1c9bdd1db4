// Terms named in parentheses on the way through a clause (issue 11 #1).
#include "match/inline_definitions.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clausescan::internal {
namespace {

TEST(InlineDefinitions, ElidesTheNamingOfATerm) {
  const struct {
    const char* unit;
    const char* elided;
  } kCases[] = {
      {"the vendor grants a fee rebate (\"rebate\") when asked.",
       "the vendor grants a fee rebate when asked."},
      {"the vendor and its hosting contractors (each, a \"hosting contractor\") shall log access.",
       "the vendor and its hosting contractors shall log access."},
      {"the vendor keeps the controls in schedule 4 (the \"controls\").",
       "the vendor keeps the controls in schedule 4."},
      {"the firm (\"firm\" or \"we\") and you (collectively, the \"parties\") agree.",
       "the firm and you agree."},
  };
  for (const auto& c : kCases) {
    const std::optional<std::string> elided = ElideInlineDefinitions(c.unit);
    ASSERT_TRUE(elided.has_value()) << c.unit;
    EXPECT_EQ(*elided, c.elided);
  }
}

TEST(InlineDefinitions, LeavesOtherParenthesesAlone) {
  for (const char* unit : {"the vendor shall (a) log access and (b) keep logs.",
                           "the vendor shall notify within seventy-two (72) hours.",
                           "the \"vendor\" shall notify (as defined below) the client.",
                           "the vendor shall (where \"urgent\" applies, at once) notify."}) {
    EXPECT_FALSE(ElideInlineDefinitions(unit).has_value()) << unit;
  }
}

TEST(InlineDefinitions, OnlyASentenceThatDefinesIsADefinition) {
  auto defines = [](const std::string& unit) {
    return DefinesATerm(unit, ElideInlineDefinitions(unit));
  };
  EXPECT_TRUE(defines("\"outage\" means a period in which the service is down."));
  EXPECT_TRUE(defines("outage shall mean a period in which the service is down."));
  EXPECT_TRUE(defines("\"outage\" means a period (an \"outage period\") of downtime."));
  EXPECT_TRUE(defines("(b) \"downtime\" is defined as any minute the service is down."));
  EXPECT_TRUE(defines("this schedule (the \"schedule\") forms part of the services agreement."));
  EXPECT_TRUE(defines("the vendor offers hosting with breach monitoring (the \"services\")."));
  // A clause that names a term on the way states the clause.
  EXPECT_FALSE(defines("the vendor grants a fee rebate (\"rebate\") when asked."));
  EXPECT_FALSE(
      defines("the client has the right to inspect the vendor's books (an \"inspection\")."));
  EXPECT_FALSE(defines("the vendor relies on model clauses (\"clauses\") for exports."));
  EXPECT_FALSE(
      defines("this schedule (the \"schedule\") binds the vendor, who will encrypt data."));
}

}  // namespace
}  // namespace clausescan::internal

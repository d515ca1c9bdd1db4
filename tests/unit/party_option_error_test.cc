// A ScanOptions::party that names no party of the document is quoted in the error made safe to
// print, as file names are: it cannot forge a line or clear a terminal (attack review of main
// 9ef7676 #6).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"

namespace clausescan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PartyOptionError, AnUnknownPartyIsQuotedSafely) {
  ScanOptions options;
  options.party = "Acme\x1b[2J\nfake.md: ok";
  const Scanner scanner(RuleSet::Builtin().value(), options);
  const Result<Report> report = scanner.ScanBytes(
      "This Agreement is between Northwind Ltd (\"Customer\") and Larkspur Ltd (\"Supplier\").\n",
      "c.md");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::kInvalidArgument);
  const std::string message = report.error().message();
  EXPECT_THAT(message, HasSubstr("Acme\\x1b[2J\\nfake.md: ok"));
  EXPECT_THAT(message, Not(HasSubstr("\n")));
  EXPECT_THAT(message, Not(HasSubstr("\x1b")));
}

TEST(PartyOptionError, ALongPartyIsCutAtACharacter) {
  ScanOptions options;
  options.party = std::string(79, 'a') + "\xC3\xA9" + std::string(50, 'b');  // é across byte 80
  const Scanner scanner(RuleSet::Builtin().value(), options);
  const Result<Report> report = scanner.ScanBytes("Supplier shall notify Customer.\n", "c.md");
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.error().message(), HasSubstr(std::string(79, 'a') + "\xE2\x80\xA6"));
  EXPECT_THAT(report.error().message(), Not(HasSubstr("\xEF\xBF\xBD")));  // no U+FFFD
}

}  // namespace
}  // namespace clausescan

// --party and the party of each finding in every output format (issue 15 #1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;

// A two-party contract named by company names; the supplier shows in its product's name.
constexpr const char* kContract =
    "This Reseller Agreement is made between Brightwave Inc., a company incorporated in Ontario "
    "(\"Brightwave\"), and Corvid Corp., a company incorporated in Quebec (\"Corvid\").\n\n"
    "1. Brightwave grants Corvid the right to resell the Brightwave Platform. Corvid may resell "
    "the Brightwave Platform to End Users.\n\n"
    "2. Brightwave shall notify Corvid of any Security Incident within twenty-four (24) hours of "
    "its occurrence.\n";

// issue 15 #1: --party NAME that the contract does not give is a usage error naming the file
// and listing the parties it does give.
TEST(PartyCli, UnknownNameIsExit2ListingTheParties) {
  TempDir dir;
  WriteWholeFile(dir.path() / "reseller.txt", kContract);
  RunResult r = RunClausescan("scan --party Acme " + Quote(dir.path() / "reseller.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("reseller.txt"));
  EXPECT_THAT(r.err, HasSubstr("Brightwave (Brightwave Inc.)"));
  EXPECT_THAT(r.err, HasSubstr("Corvid (Corvid Corp.)"));
  EXPECT_EQ(r.out, "");
}

// issue 15 #1: the default is the supplier; a name picks the side it plays in this contract.
TEST(PartyCli, NameOrSideChoosesWhoIsUs) {
  RunResult supplier = RunClausescan("scan --format json -", kContract);
  ASSERT_EQ(supplier.exit_code, 0) << supplier.err;
  nlohmann::json s = nlohmann::json::parse(supplier.out);
  ASSERT_EQ(s["findings"].size(), 1u) << supplier.out;
  EXPECT_EQ(s["findings"][0]["party"], "supplier");
  EXPECT_EQ(s["findings"][0]["party_name"], "Brightwave");
  EXPECT_EQ(s["findings"][0]["side"], "us");
  EXPECT_EQ(s["findings"][0]["holds"], "duty");
  EXPECT_EQ(s["findings"][0]["risk"], "high");
  EXPECT_EQ(s["document"]["user_side"], "supplier");
  ASSERT_EQ(s["document"]["parties"].size(), 2u);
  EXPECT_EQ(s["document"]["parties"][1]["name"], "Corvid Corp.");

  for (const char* choice : {"corvid", "CUSTOMER"}) {
    RunResult customer =
        RunClausescan(std::string("scan --format json --party ") + choice + " -", kContract);
    ASSERT_EQ(customer.exit_code, 0) << customer.err;
    nlohmann::json c = nlohmann::json::parse(customer.out);
    ASSERT_EQ(c["findings"].size(), 1u);
    EXPECT_EQ(c["findings"][0]["side"], "them") << choice;
    EXPECT_EQ(c["findings"][0]["risk"], "info") << choice;
    EXPECT_EQ(c["document"]["user_side"], "customer");
  }
}

// issue 15 #1: every format shows whose duty it is.
TEST(PartyCli, EveryFormatShowsWhoseDutyItIs) {
  EXPECT_THAT(RunClausescan("scan -", kContract).out, HasSubstr("[our duty (Brightwave)]"));
  EXPECT_THAT(RunClausescan("scan --party corvid -", kContract).out,
              HasSubstr("[their duty (Brightwave)]"));
  EXPECT_THAT(RunClausescan("scan --format md -", kContract).out,
              HasSubstr("- Party: our duty (Brightwave)"));
  EXPECT_THAT(RunClausescan("scan --format html -", kContract).out,
              HasSubstr("our duty (Brightwave)"));
  const std::string csv = RunClausescan("scan --format csv -", kContract).out;
  EXPECT_THAT(csv, HasSubstr(",party_name,side,holds\r\n"));
  EXPECT_THAT(csv, HasSubstr(",Brightwave,us,duty\r\n"));
  nlohmann::json sarif =
      nlohmann::json::parse(RunClausescan("scan --format sarif -", kContract).out);
  const nlohmann::json& properties = sarif["runs"][0]["results"][0]["properties"];
  EXPECT_EQ(properties["party_name"], "Brightwave");
  EXPECT_EQ(properties["side"], "us");
  EXPECT_EQ(properties["holds"], "duty");
}

// issue 15 #1: the errors found on the Ehave reseller agreement and CUAD, in a contract of our
// own: the supplier's audit of its reseller, the reseller's duty to secure its credentials, the
// reseller's indemnity, a regulator's inspection and an independent accountant settling fees.
// None is a risk to the supplier, and the reseller's indemnity is not the supplier's.
TEST(PartyCli, TheOtherSidesDutiesAndThirdPartiesAreNotOurRisks) {
  const std::string contract =
      std::string(kContract).substr(0, std::string(kContract).find("2. ")) +
      "2. Corvid shall control and maintain the security of all authentication credentials "
      "issued to its End Users.\n\n"
      "3. Corvid shall defend at its own expense any Claim brought against Brightwave to the "
      "extent the Claim arises from End User Data.\n\n"
      "4. Right to Audit. Corvid will provide Brightwave and its representatives, auditors and "
      "inspectors, upon ten (10) Business Days prior written notice, with reasonable access, "
      "during business hours, to all facilities and systems used to resell the Brightwave "
      "Platform, so that Brightwave may audit and inspect compliance with this Agreement.\n\n"
      "5. Brightwave shall permit Regulatory Authorities to conduct inspections of any facility "
      "at which the Brightwave Platform is hosted.\n\n"
      "6. If Brightwave and Corvid fail to agree on the disputed fees, the amounts in dispute "
      "shall be submitted for resolution to a firm of independent certified public accountants, "
      "whose audit of the fee statements shall be final.\n";
  RunResult r = RunClausescan("scan --format json -", contract);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  ASSERT_FALSE(report["findings"].empty());
  for (const nlohmann::json& f : report["findings"]) {
    EXPECT_EQ(f["risk"], "info") << f.dump();
    EXPECT_NE(f["rule"], "indemnification.supplier") << f.dump();
  }
}

// issue 15 #1 (review): a --party NAME that this document reads as the customer side says so on
// stderr instead of silently judging from the other side; a supplier NAME or a side says nothing.
TEST(PartyCli, NameOnTheCustomerSideIsNoted) {
  RunResult customer = RunClausescan("scan --party corvid -", kContract);
  ASSERT_EQ(customer.exit_code, 0) << customer.err;
  EXPECT_THAT(customer.err, HasSubstr("Corvid is the customer side in this document"));
  EXPECT_THAT(customer.out, HasSubstr("[their duty (Brightwave)]"));
  for (const char* choice : {"brightwave", "customer", "supplier"}) {
    RunResult other = RunClausescan(std::string("scan --party ") + choice + " -", kContract);
    ASSERT_EQ(other.exit_code, 0) << other.err;
    EXPECT_THAT(other.err, ::testing::Not(HasSubstr("side in this document"))) << choice;
  }
}

// issue 15 #1: evidence judges findings from the user's side too, so it takes --party and
// refuses a name the contract does not give, as scan does.
TEST(PartyCli, EvidenceTakesParty) {
  TempDir dir;
  WriteWholeFile(dir.path() / "reseller.txt", kContract);
  RunResult r = RunClausescan("evidence --party Acme " + Quote(dir.path() / "reseller.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("Brightwave"));
  EXPECT_EQ(
      RunClausescan("evidence --party corvid " + Quote(dir.path() / "reseller.txt")).exit_code, 0);
}

// issue 15 #1: a Markdown DPA that pairs a role word with a company whose short name it bolds
// ('between Customer and Blue Fern Labs Inc. (**"BFL"**)') names BFL: --party BFL is the
// supplier, and --party Customer the other side.
TEST(PartyCli, NameBoldedInAMarkdownPreambleIsAParty) {
  TempDir dir;
  WriteWholeFile(dir.path() / "dpa.md",
                 "# Data Processing Addendum\n\n"
                 "This Addendum is part of the Platform Terms between Customer and Blue Fern Labs "
                 "Inc. (**\"BFL\"**).\n\n"
                 "## 4. Subprocessors\n\n"
                 "BFL agrees to sign a written contract with each Subprocessor that binds it to "
                 "data protection duties no less protective than this Addendum.\n");
  RunResult us = RunClausescan("scan --format json --party BFL " + Quote(dir.path() / "dpa.md"));
  ASSERT_EQ(us.exit_code, 0) << us.err;
  nlohmann::json report = nlohmann::json::parse(us.out);
  EXPECT_EQ(report["document"]["user_side"], "supplier");
  ASSERT_FALSE(report["findings"].empty()) << us.out;
  EXPECT_EQ(report["findings"][0]["party_name"], "BFL");
  EXPECT_EQ(report["findings"][0]["side"], "us");
  RunResult them =
      RunClausescan("scan --format json --party customer " + Quote(dir.path() / "dpa.md"));
  ASSERT_EQ(them.exit_code, 0) << them.err;
  report = nlohmann::json::parse(them.out);
  ASSERT_FALSE(report["findings"].empty()) << them.out;
  EXPECT_EQ(report["findings"][0]["side"], "them");
}

}  // namespace
}  // namespace clausescan::testing

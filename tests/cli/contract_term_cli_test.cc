// scan --profile without --term-ends: the term the contract states is used for the
// expires-before-term note, which says where it was read (issue 13 s7 #2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kContract =
    "1. Term. This Agreement commences on the Effective Date and continues for an initial term "
    "of three (3) years from the Effective Date.\n"
    "\n"
    "2. Security. Supplier shall notify Customer of any Security Incident within 24 hours of "
    "its occurrence.\n";

// An ISO certificate valid to 2028-03-13: after 2026-12-06, before the term ends (2029-12-06).
std::filesystem::path WriteProfile(const TempDir& dir) {
  WriteWholeFile(dir.path() / "iso.txt", "ISO/IEC 27001 certificate\n");
  WriteWholeFile(dir.path() / "acme.yaml", R"(evidence:
  - id: iso-certificate
    file: iso.txt
    issued: 2025-03-14
    valid_until: 2028-03-13
    sharing: public
)");
  return dir.path() / "acme.yaml";
}

nlohmann::json ScanJson(const std::filesystem::path& profile, const std::string& extra) {
  RunResult r = RunClausescan(
      "scan --format json --profile " + Quote(profile) + " --as-of 2026-12-06 " + extra + " -",
      kContract);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// issue 13 s7 #2
TEST(ContractTermCli, TheTermReadFromTheContractFlagsACertificateThatExpiresBeforeIt) {
  TempDir dir;
  nlohmann::json report = ScanJson(WriteProfile(dir), "");
  EXPECT_EQ(report["document"]["profile"]["term_ends"], "2029-12-06") << report["document"];
  EXPECT_THAT(report["document"]["profile"]["term_source"].get<std::string>(),
              HasSubstr("read at line 1 (\"term of three (3) years\")"));
  const std::string notes = report["findings"].dump();
  EXPECT_THAT(notes, HasSubstr("expires 2028-03-13, before the contract's term ends (2029-12-06, "
                               "the term read at line 1"));
  EXPECT_THAT(notes, HasSubstr("\"expires_before_term\":true"));
}

// issue 13 s8 review #6: the pack's still-missing list says which contract's term a document
// expires before, and where that term was read.
TEST(ContractTermCli, PackSaysWhichContractsTermAndWhereItWasRead) {
  TempDir dir;
  const std::filesystem::path profile = WriteProfile(dir);
  const std::filesystem::path contract = dir.path() / "msa.txt";
  WriteWholeFile(contract, kContract);
  RunResult r = RunClausescan("pack " + Quote(contract) + " --profile " + Quote(profile) +
                              " --as-of 2026-12-06 -o " + Quote(dir.path() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              HasSubstr("expires 2028-03-13, before the contract's term ends (2029-12-06, "
                        "the term of " +
                        contract.string() + " read at line 1 (\"term of three (3) years\")"));
}

// issue 13 s11 #2: `evidence --profile` names the contract whose term a document expires
// before, and where it was read, as the pack does; a contract that states no term lends it none.
TEST(ContractTermCli, EvidenceNamesTheContractWhoseTermTheDocumentExpiresBefore) {
  TempDir dir;
  const std::filesystem::path profile = WriteProfile(dir);
  const std::filesystem::path with_term = dir.path() / "msa.txt";
  const std::filesystem::path without_term = dir.path() / "dpa.txt";
  WriteWholeFile(with_term, kContract);
  WriteWholeFile(without_term,
                 "Supplier shall notify Customer of any Security Incident within 24 hours of "
                 "its occurrence.\n");
  RunResult r = RunClausescan("evidence --profile " + Quote(profile) + " --as-of 2026-12-06 " +
                              Quote(without_term) + " " + Quote(with_term));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = r.out;
  for (std::size_t nl = out.find("\n      "); nl != std::string::npos;
       nl = out.find("\n      ", nl)) {
    out.replace(nl, 7, " ");  // the wrapped line's continuation joined
  }
  EXPECT_THAT(out, HasSubstr("expires before the term of " + with_term.string() +
                             " ends (2029-12-06, read at line 1"))
      << r.out;
  EXPECT_THAT(out, Not(HasSubstr("expires before the contract's term ends"))) << r.out;
}

// issue 13 s12 #1: the evidence JSON and CSV carry the term a document expires before (which
// contract, where its term was read) and what follows from it, as the text says it; the scan
// JSON gives each own document's days left when it expires within 90 days.
TEST(ContractTermCli, EvidenceJsonAndCsvCarryTheTermAndItsConsequence) {
  TempDir dir;
  const std::filesystem::path profile = WriteProfile(dir);
  const std::filesystem::path contract = dir.path() / "msa.txt";
  WriteWholeFile(contract, kContract);
  const std::string options =
      " --profile " + Quote(profile) + " --as-of 2026-12-06 " + Quote(contract);
  RunResult json = RunClausescan("evidence --format json" + options);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  bool seen = false;
  const nlohmann::json pack = nlohmann::json::parse(json.out);
  for (const nlohmann::json& item : pack["items"]) {
    if (item["id"] != "iso-certificate") continue;
    seen = true;
    const nlohmann::json& doc = item["document"];
    EXPECT_EQ(doc["term_ends"], "2029-12-06") << doc;
    EXPECT_EQ(doc["term_contract"], contract.string()) << doc;
    EXPECT_THAT(doc["term_source"].get<std::string>(),
                HasSubstr("read at line 1 (\"term of three (3) years\"), counted from 2026-12-06"));
    EXPECT_THAT(doc["consequence"].get<std::string>(),
                HasSubstr("expires before the term of " + contract.string() +
                          " ends (2029-12-06, read at line 1"));
    EXPECT_THAT(doc["consequence"].get<std::string>(), HasSubstr("plan its renewal"));
  }
  EXPECT_TRUE(seen) << json.out;
  RunResult csv = RunClausescan("evidence --format csv" + options);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out.substr(0, csv.out.find('\n')),
              HasSubstr(",expires_in_days,term_contract,term_source,consequence,compared_with\r"));
  EXPECT_THAT(csv.out, HasSubstr(",2029-12-06,,," + contract.string() +
                                 ",\"read at line 1 (\"\"term of three (3) years\"\")"));
  EXPECT_THAT(csv.out, HasSubstr("plan its renewal\",2029-12-06\r\n"));

  RunResult soon = RunClausescan("scan --format json --profile " + Quote(profile) +
                                 " --as-of 2028-01-13 " + Quote(contract));
  ASSERT_EQ(soon.exit_code, 0) << soon.err;
  bool dated = false;
  const nlohmann::json report = nlohmann::json::parse(soon.out);
  for (const nlohmann::json& finding : report["findings"]) {
    if (!finding.contains("profile")) continue;
    for (const nlohmann::json& doc : finding["profile"]["documents"]) {
      ASSERT_TRUE(doc.contains("expires_in_days")) << doc;
      if (doc["evidence"] != "iso-certificate") continue;
      dated = true;
      EXPECT_EQ(doc["expires_in_days"], 60) << doc;  // 2028-01-13 to 2028-03-13
    }
  }
  EXPECT_TRUE(dated) << soon.out;
}

// issue 13 s7 #2: --term-ends still wins, and says nothing of the contract's term.
TEST(ContractTermCli, TermEndsWins) {
  TempDir dir;
  nlohmann::json report = ScanJson(WriteProfile(dir), "--term-ends 2027-12-31");
  EXPECT_EQ(report["document"]["profile"]["term_ends"], "2027-12-31");
  EXPECT_FALSE(report["document"]["profile"].contains("term_source"));
  EXPECT_THAT(report["findings"].dump(), Not(HasSubstr("\"expires_before_term\":true")));
}

// issue 13 s7 #2: a contract that states no term has none.
TEST(ContractTermCli, NoTermStatedNoTerm) {
  TempDir dir;
  RunResult r = RunClausescan(
      "scan --format json --profile " + Quote(WriteProfile(dir)) + " --as-of 2026-12-06 -",
      "Supplier shall notify Customer of any Security Incident within "
      "24 hours of its occurrence.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out)["document"]["profile"].contains("term_ends"));
}

// issue 13 attack D18/D23: a term so long it ends after the year 9999 is no term, read at once
// (RunClausescanAs kills a run that takes over 60 s: the old code took minutes stepping days).
TEST(ContractTermCli, ATermEndingAfter9999IsNoTermAndReadAtOnce) {
  TempDir dir;
  const std::filesystem::path profile = WriteProfile(dir);
  for (const char* term : {"10000000000 weeks", "9999999 years"}) {
    WriteWholeFile(dir.path() / "c.md",
                   std::string("This Agreement has an initial term of ") + term + ".\n");
    RunResult r = RunClausescanAs(
        "scan --format json --profile " + Quote(profile) + " --as-of 2026-12-06 " +
            Quote(dir.path() / "c.md"),
        [](pid_t) {}, 60);
    ASSERT_EQ(r.exit_code, 0) << term << ": " << r.err;
    EXPECT_FALSE(nlohmann::json::parse(r.out)["document"]["profile"].contains("term_ends"))
        << term << ": " << r.out;
  }
}

}  // namespace
}  // namespace clausescan::testing

// --term-ends DATE on scan --profile and pack: a document valid on --as-of that expires before the
// contract's term ends is reported (issue 13 #1, the term).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "two_document_profile.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kClause =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";

constexpr const char* kExpiresInTerm =
    "Incident response procedure expires 2027-06-30, before the contract's term ends "
    "(2027-12-31)";

RunResult Scan(const std::string& format, const fs::path& profile, const std::string& extra) {
  const std::string input =
      format == "jsonl" ? nlohmann::json{{"id", 1}, {"text", kClause}}.dump() + "\n" : kClause;
  return RunClausescan("scan --format " + format + " --profile " + Quote(profile) +
                           " --as-of 2026-12-06 " + extra + " -",
                       input);
}

// issue 13 #1: the JSON says which document expires before the term, and the term.
TEST(TermCli, JsonFlagsTheDocumentThatExpiresBeforeTheTerm) {
  TempDir dir;
  RunResult r = Scan("json", WriteTwoDocumentProfile(dir), "--term-ends 2027-12-31");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["document"]["profile"]["term_ends"], "2027-12-31");
  ASSERT_EQ(report["findings"].size(), 1u) << report;
  const nlohmann::json& p = report["findings"][0]["profile"];
  EXPECT_EQ(p["term_ends"], "2027-12-31");
  bool irp = false, iso = false;
  for (const nlohmann::json& d : p["documents"]) {
    if (d["evidence"] == "incident-response-procedure") {
      irp = true;
      EXPECT_EQ(d["status"], "valid");
      EXPECT_EQ(d["expires_before_term"], true);
    }
    if (d["evidence"] == "iso-certificate") {
      iso = true;
      EXPECT_EQ(d["expires_before_term"], false);
    }
  }
  EXPECT_TRUE(irp && iso) << p;
  EXPECT_THAT(p["notes"].dump(), HasSubstr(kExpiresInTerm));
}

// issue 13 #1: every format says so.
TEST(TermCli, EveryFormatSaysTheDocumentExpiresBeforeTheTerm) {
  TempDir dir;
  const fs::path profile = WriteTwoDocumentProfile(dir);
  for (const char* format : {"text", "md", "html", "jsonl", "sarif", "csv"}) {
    RunResult r = Scan(format, profile, "--term-ends 2027-12-31");
    EXPECT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_THAT(r.out, HasSubstr("before the contract")) << format;
    EXPECT_THAT(r.out, HasSubstr("2027-12-31")) << format;
  }
}

// issue 13 #1: a term ending before the document expires, or no term, flags nothing.
TEST(TermCli, NoTermOrALaterExpiryFlagsNothing) {
  TempDir dir;
  const fs::path profile = WriteTwoDocumentProfile(dir);
  RunResult none = Scan("json", profile, "");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.out, Not(HasSubstr("term_ends")));
  EXPECT_THAT(none.out, Not(HasSubstr("expires_before_term")));
  RunResult early = Scan("json", profile, "--term-ends 2027-06-30");
  ASSERT_EQ(early.exit_code, 0) << early.err;
  EXPECT_THAT(early.out, Not(HasSubstr("before the contract")));
  EXPECT_THAT(early.out, Not(HasSubstr("\"expires_before_term\":true")));
}

// issue 13 #1: a bad date, or --term-ends without --profile, is exit 2 naming the option.
TEST(TermCli, BadTermEndsExits2NamingTheOption) {
  TempDir dir;
  const fs::path profile = WriteTwoDocumentProfile(dir);
  RunResult bad = Scan("json", profile, "--term-ends 2027-02-30");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--term-ends"));
  EXPECT_EQ(bad.out, "");
  RunResult alone = RunClausescan("scan --term-ends 2027-12-31 -", kClause);
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_THAT(alone.err, HasSubstr("--term-ends"));
  WriteWholeFile(dir.path() / "c.txt", kClause);
  RunResult pack =
      RunClausescan("pack " + Quote(dir.path() / "c.txt") + " --profile " + Quote(profile) +
                        " --term-ends 31/12/2027 -o " + Quote(dir.path() / "pack"),
                    kClause);
  EXPECT_EQ(pack.exit_code, 2);
  EXPECT_THAT(pack.err, HasSubstr("--term-ends"));
  EXPECT_FALSE(fs::exists(dir.path() / "pack"));
}

// issue 13 #1: the pack lists the document among what is still missing.
TEST(TermCli, PackSaysTheDocumentExpiresBeforeTheTermEnds) {
  TempDir dir;
  const fs::path profile = WriteTwoDocumentProfile(dir);
  const fs::path contract = dir.path() / "contract.txt";
  WriteWholeFile(contract, kClause);
  const fs::path out = dir.path() / "pack";
  RunResult r = RunClausescan("pack " + Quote(contract) + " --profile " + Quote(profile) +
                              " --as-of 2026-12-06 --term-ends 2027-12-31 -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // What is still missing is printed after the summary line, never written into the pack.
  // With its evidence id (issue 13: the evidence id, valid-until and the date compared with).
  EXPECT_THAT(r.out, HasSubstr("Incident response procedure (incident-response-procedure) expires "
                               "2027-06-30, before the contract's term ends (2027-12-31)"));
  EXPECT_THAT(r.out, Not(HasSubstr("ISO certificate (iso-certificate) expires")));
  EXPECT_FALSE(fs::exists(out / "missing.md"));
}

// issue 13 (attack D11): `scan --profile -o` never writes the report over a file the profile
// names (an evidence file, here the internal-looking procedure); the file is left as it was.
TEST(TermCli, ScanNeverWritesOverAFileTheProfileNames) {
  TempDir dir;
  const fs::path profile = WriteTwoDocumentProfile(dir);
  const fs::path evidence = dir.path() / "irp.txt";
  RunResult r = Scan("json", profile, "-o " + Quote(evidence));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("is a file the --profile names"));
  EXPECT_EQ(ReadWholeFile(evidence), "Incident response procedure\n");
}

}  // namespace
}  // namespace clausescan::testing

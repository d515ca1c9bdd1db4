// clausescan evidence --profile FILE: each item names the user's own document (issue 13 s7 #1).
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

constexpr const char* kClause =
    "Supplier shall notify Customer of any Security Incident within 24 hours of its "
    "occurrence.\n";

// A profile in dir: an ISO certificate (public) expired on 2026-03-01, an incident response
// procedure (nda) valid to 2027-06-30, no SoA excerpt.
std::filesystem::path WriteProfile(const TempDir& dir) {
  WriteWholeFile(dir.path() / "iso.txt", "ISO/IEC 27001 certificate\n");
  WriteWholeFile(dir.path() / "irp.txt", "Incident response procedure\n");
  WriteWholeFile(dir.path() / "acme.yaml", R"(evidence:
  - id: iso-certificate
    file: iso.txt
    issued: 2024-03-01
    valid_until: 2026-03-01
    sharing: public
  - id: incident-response-procedure
    file: irp.txt
    issued: 2026-01-01
    valid_until: 2027-06-30
    sharing: nda
capabilities:
  notification: {hours: 48, from: confirmation}
)");
  return dir.path() / "acme.yaml";
}

RunResult Evidence(const std::string& format, const std::string& extra) {
  return RunClausescan("evidence --format " + format + " --as-of 2026-12-06 " + extra + " -",
                       kClause);
}

// issue 13 s7 #1: the JSON list names each item's document, its sharing and validity.
TEST(EvidenceProfileCli, JsonNamesTheUsersDocumentsPerItem) {
  TempDir dir;
  RunResult r = Evidence("json", "--profile " + Quote(WriteProfile(dir)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json pack = nlohmann::json::parse(r.out);
  bool saw_irp = false, saw_iso = false, saw_missing = false;
  for (const nlohmann::json& item : pack["items"]) {
    ASSERT_TRUE(item.contains("document")) << item;
    const nlohmann::json& doc = item["document"];
    if (item["id"] == "incident-response-procedure") {
      saw_irp = true;
      EXPECT_EQ(doc["file"], "irp.txt");
      EXPECT_EQ(doc["sharing"], "nda");
      EXPECT_EQ(doc["valid_until"], "2027-06-30");
      EXPECT_EQ(doc["status"], "valid");
    } else if (item["id"] == "iso-certificate") {
      saw_iso = true;
      EXPECT_EQ(doc["sharing"], "public");
      EXPECT_EQ(doc["status"], "expired");
    } else if (doc["status"] == "missing") {
      saw_missing = true;
      EXPECT_EQ(doc["file"], "");
    }
  }
  EXPECT_TRUE(saw_irp && saw_iso && saw_missing) << r.out;
}

// issue 13 s7 #1: text and CSV say it too; a missing or expired document is said so.
TEST(EvidenceProfileCli, TextAndCsvNameTheDocumentsAndSayMissingOrExpired) {
  TempDir dir;
  const std::string profile = "--profile " + Quote(WriteProfile(dir));
  RunResult text = Evidence("text", profile);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("your document: irp.txt (nda, valid until 2027-06-30)"));
  EXPECT_THAT(text.out, HasSubstr("your document: iso.txt (public) expired 2026-03-01"));
  EXPECT_THAT(text.out, HasSubstr("your document: none in your profile"));
  RunResult csv = Evidence("csv", profile);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out.substr(0, csv.out.find('\n')),
              HasSubstr("document,sharing,valid_until,document_status"));
  EXPECT_THAT(csv.out, HasSubstr(",irp.txt,nda,2027-06-30,valid"));
  EXPECT_THAT(csv.out, HasSubstr(",iso.txt,public,2026-03-01,expired"));
  EXPECT_THAT(csv.out, HasSubstr(",,,,missing"));
}

// issue 13 s7 #1: --term-ends flags a document that expires before the term, as scan does.
TEST(EvidenceProfileCli, TermEndsFlagsADocumentThatExpiresBeforeIt) {
  TempDir dir;
  const std::string options = "--profile " + Quote(WriteProfile(dir)) + " --term-ends 2028-01-01";
  RunResult r = Evidence("text", options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("irp.txt (nda, valid until 2027-06-30); expires before the "
                               "contract's term ends"));
  RunResult json = Evidence("json", options);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json report = nlohmann::json::parse(json.out);
  bool seen = false;
  for (const nlohmann::json& item : report["items"]) {
    if (item["id"] != "incident-response-procedure") continue;
    seen = true;
    EXPECT_EQ(item["document"]["expires_before_term"], true);
    EXPECT_EQ(item["document"]["term_ends"], "2028-01-01");
  }
  EXPECT_TRUE(seen) << json.out;
}

// issue 13: a document expired on the judging date or expiring before the contract's term ends
// is listed on its own, as scan lists it, with its evidence id, valid-until and the date it is
// compared with, in every format.
TEST(EvidenceProfileCli, ExpiringDocumentsAreListedInEveryFormat) {
  TempDir dir;
  const std::string options = "--profile " + Quote(WriteProfile(dir)) + " --term-ends 2028-01-01";
  RunResult text = Evidence("text", options);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::size_t list = text.out.find("your documents that expire:");
  ASSERT_NE(list, std::string::npos) << text.out;
  std::string listed = text.out.substr(list);
  for (std::size_t at = listed.find("\n    "); at != std::string::npos; at = listed.find("\n    "))
    listed.replace(at, 5, " ");  // unwrapped
  EXPECT_THAT(listed, HasSubstr("iso-certificate: ISO/IEC 27001 certificate (iso.txt) expired: "
                                "valid until 2026-03-01, before the judging date 2026-12-06"));
  EXPECT_THAT(listed, HasSubstr("incident-response-procedure: Incident response procedure "
                                "(irp.txt) is valid until 2027-06-30, before the contract's term "
                                "ends 2028-01-01"));
  RunResult json = Evidence("json", options);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json report = nlohmann::json::parse(json.out);
  const nlohmann::json& expiring = report["expiring_evidence"];
  ASSERT_EQ(expiring.size(), 2u) << json.out;
  EXPECT_EQ(expiring[0]["evidence"], "iso-certificate");
  EXPECT_EQ(expiring[0]["valid_until"], "2026-03-01");
  EXPECT_EQ(expiring[0]["compared_with"], "2026-12-06");
  EXPECT_EQ(expiring[0]["reason"], "expired");
  EXPECT_EQ(expiring[1]["evidence"], "incident-response-procedure");
  EXPECT_EQ(expiring[1]["valid_until"], "2027-06-30");
  EXPECT_EQ(expiring[1]["compared_with"], "2028-01-01");
  EXPECT_EQ(expiring[1]["reason"], "expires_before_term");
  RunResult csv = Evidence("csv", options);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out.substr(0, csv.out.find('\r')), HasSubstr(",consequence,compared_with"));
  EXPECT_THAT(csv.out, HasSubstr("iso-certificate,"));
  EXPECT_THAT(csv.out, HasSubstr(",2026-12-06\r\n"));  // the expired certificate's rows
  EXPECT_THAT(csv.out, HasSubstr(",2028-01-01\r\n"));  // the procedure's
  // Without a profile nothing is listed.
  RunResult plain = RunClausescan("evidence --format json -", kClause);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("expiring_evidence")) << plain.out;
}

// issue 13 s10 #6: a document that expires within 90 days is said in every format, as
// `scan --profile` and `profile check` say it; one further off is not.
TEST(EvidenceProfileCli, DocumentExpiringWithin90DaysIsSaid) {
  TempDir dir;
  const std::string profile = "--profile " + Quote(WriteProfile(dir));
  auto evidence_on = [&](const std::string& format, const std::string& day) {
    return RunClausescan("evidence --format " + format + " --as-of " + day + " " + profile + " -",
                         kClause);
  };
  RunResult text = evidence_on("text", "2027-04-15");  // 76 days before 2027-06-30
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("irp.txt (nda, valid until 2027-06-30); expires in 76 days: "
                                  "renew it"));
  RunResult json = evidence_on("json", "2027-04-15");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  bool saw_irp = false;
  const nlohmann::json pack = nlohmann::json::parse(json.out);
  for (const nlohmann::json& item : pack["items"]) {
    if (item["id"] != "incident-response-procedure") continue;
    saw_irp = true;
    EXPECT_EQ(item["document"]["expires_in_days"], 76);
  }
  EXPECT_TRUE(saw_irp) << json.out;
  RunResult csv = evidence_on("csv", "2027-04-15");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out.substr(0, csv.out.find('\n')), HasSubstr(",redacted,expires_in_days"));
  EXPECT_THAT(csv.out, HasSubstr(",irp.txt,nda,2027-06-30,valid,,,76,,,expires in 76 days: renew it,\r\n"));
  RunResult far = evidence_on("text", "2026-12-06");  // 206 days before
  ASSERT_EQ(far.exit_code, 0) << far.err;
  EXPECT_THAT(far.out, Not(HasSubstr("days: renew it")));
}

// Without a profile the list is as before.
TEST(EvidenceProfileCli, NoProfileNoDocuments) {
  RunResult json = RunClausescan("evidence --format json -", kClause);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, Not(HasSubstr("\"document\"")));
  RunResult csv = RunClausescan("evidence --format csv -", kClause);
  EXPECT_THAT(csv.out, Not(HasSubstr("document_status")));
  RunResult text = RunClausescan("evidence -", kClause);
  EXPECT_THAT(text.out, Not(HasSubstr("your document")));
}

// A bad profile: exit 2 with its error naming the file, nothing on stdout.
TEST(EvidenceProfileCli, BadProfileExits2) {
  TempDir dir;
  WriteWholeFile(dir.path() / "bad.yaml",
                 "evidence:\n  - id: iso-certificate\n    file: nope.txt\n");
  RunResult r = Evidence("json", "--profile " + Quote(dir.path() / "bad.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml"));
  EXPECT_EQ(r.out, "");
}

// issue 13 s9 #8: an internal document's redacted copy is what may be shared: the text, JSON and
// CSV lists say it; an internal one without a copy is said to have nothing to share.
TEST(EvidenceProfileCli, InternalDocumentNamesItsRedactedCopy) {
  TempDir dir;
  WriteWholeFile(dir.path() / "irp.txt", "Incident response procedure\n");
  WriteWholeFile(dir.path() / "irp-redacted.txt", "Incident response procedure (redacted)\n");
  WriteWholeFile(dir.path() / "iso.txt", "ISO/IEC 27001 certificate\n");
  WriteWholeFile(dir.path() / "acme.yaml", R"(evidence:
  - id: incident-response-procedure
    file: irp.txt
    issued: 2026-01-01
    valid_until: 2027-06-30
    sharing: internal
    redacted: irp-redacted.txt
  - id: iso-certificate
    file: iso.txt
    issued: 2026-01-01
    valid_until: 2027-06-30
    sharing: internal
)");
  const std::string profile = "--profile " + Quote(dir.path() / "acme.yaml");
  RunResult text = Evidence("text", profile);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::string unwrapped;  // the text's lines wrap: each run of spaces and newlines as one space
  for (char c : text.out) {
    const bool space = c == ' ' || c == '\n';
    if (!space || unwrapped.empty() || unwrapped.back() != ' ') unwrapped += space ? ' ' : c;
  }
  EXPECT_THAT(unwrapped, HasSubstr("your document: irp.txt (internal, valid until 2027-06-30); "
                                   "share its redacted copy irp-redacted.txt"));
  EXPECT_THAT(unwrapped, HasSubstr("your document: iso.txt (internal, valid until 2027-06-30); "
                                   "internal, with no redacted copy: nothing of it to share"));
  RunResult json = Evidence("json", profile);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  bool saw = false;
  const nlohmann::json parsed = nlohmann::json::parse(json.out);
  for (const nlohmann::json& item : parsed["items"]) {
    if (item["id"] != "incident-response-procedure") continue;
    saw = true;
    EXPECT_EQ(item["document"]["redacted"], "irp-redacted.txt");
  }
  EXPECT_TRUE(saw) << json.out;
  RunResult csv = Evidence("csv", profile);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr(",expires_before_term,redacted,expires_in_days,term_contract,"
                                 "term_source,consequence,compared_with\r\n"));
  EXPECT_THAT(csv.out, HasSubstr(",irp-redacted.txt,,,,,\r\n"));
}

}  // namespace
}  // namespace clausescan::testing

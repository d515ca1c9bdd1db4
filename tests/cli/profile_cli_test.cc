// clausescan profile init | check (issue 13 #1, #4, #5).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kSample =
    std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/profile/acme-profile.yaml";

// issue 13 #4: the sample profile passes, and the summary says what it holds.
TEST(ProfileCli, CheckSummarisesTheSample) {
  RunResult r = RunClausescan("profile check --as-of 2026-12-06 " + Quote(kSample));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "Profile " + kSample + R"( is valid (as of 2026-12-06)
SoA: 93 of 93 Annex A controls listed: 89 applicable, 4 excluded
  imported from soa.csv
  applicable: 81 implemented, 5 partial, 2 planned, 1 not implemented
Evidence: 7 documents: 3 public, 3 nda, 1 internal (1 with a redacted copy)
  expires in 44 days: incident-response-procedure evidence/incident-response-procedure.txt (valid 2026-01-20 to 2027-01-19)
  expires in 65 days: pen-test-summary evidence/pentest-summary-2026.txt (valid 2026-02-10 to 2027-02-09)
Capabilities:
  notification: within 48 hours of confirmation, confirmed within 2 hours of awareness
  deletion: within 30 days
  backups deleted: within 90 days
  audit: reports in lieu yes, remote audits yes, notice 30 days, at most 1 a year
  insurance: cyber USD 2,000,000
  insurance: professional USD 1,000,000
  insurance: general USD 5,000,000
  uptime: 99.9 %
  liability cap accepted: 12 months of fees
Sub-processors: 3
  Example Cloud Inc. (Hosting and backups, EU (Frankfurt)): ISO 27001, SOC 2 Type II
  Sample Mail GmbH (Transactional e-mail, EU (Berlin)): ISO 27001
  Demo Support Oy (Customer support desk, EU (Helsinki))
)");
}

TEST(ProfileCli, CheckListsExpiredEvidence) {
  RunResult r = RunClausescan("profile check --as-of 2027-02-01 " + Quote(kSample));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\n  EXPIRED: incident-response-procedure "
                               "evidence/incident-response-procedure.txt (valid 2026-01-20 to "
                               "2027-01-19)\n"));
  EXPECT_THAT(r.out, HasSubstr("\n  expires in 8 days: pen-test-summary "));
}

TEST(ProfileCli, CheckTakesRulesBeforeOrAfterTheSubcommand) {
  const std::string rules = Quote(std::string(CLAUSESCAN_SOURCE_DIR) + "/rules");
  for (const std::string& args : {"profile --rules " + rules + " check " + Quote(kSample),
                                  "profile check " + Quote(kSample) + " --rules " + rules}) {
    RunResult r = RunClausescan(args);
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    EXPECT_THAT(r.out, HasSubstr("SoA: 93 of 93 Annex A controls listed")) << args;
  }
  RunResult missing = RunClausescan("profile check --rules /nonexistent " + Quote(kSample));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("/nonexistent"));
}

TEST(ProfileCli, CheckRefusesABadAsOfDate) {
  RunResult r = RunClausescan("profile check --as-of 2026-02-30 " + Quote(kSample));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--as-of must be a date written YYYY-MM-DD, found '2026-02-30'"));
  EXPECT_EQ(r.out, "");
}

// A profile folder with evidence/cert.txt, a symlink out of it and a CSV of the wrong columns.
class ProfileDir {
 public:
  ProfileDir() {
    fs::create_directories(dir_.path() / "evidence");
    WriteWholeFile(dir_.path() / "evidence" / "cert.txt", "certificate\n");
    fs::create_symlink("/etc/hostname", dir_.path() / "evidence" / "out.txt");
    WriteWholeFile(dir_.path() / "soa.csv", "Control,Applicable,Justification\r\nA.5.1,Yes,x\r\n");
    WriteWholeFile(
        dir_.path() / "quote.csv",
        "Control,Applicable,Status,Justification\r\nA.5.1,Yes,Implemented,\"a, \"\"b\"\"\"\r\n"
        "A.5.2,Yes,Implemented,\"open\r\n");
  }
  fs::path Profile(const std::string& yaml) const {
    WriteWholeFile(dir_.path() / "profile.yaml", yaml);
    return dir_.path() / "profile.yaml";
  }
  const fs::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
};

std::string Evidence(const std::string& file) {
  return "evidence:\n  - id: iso-certificate\n    file: " + file +
         "\n    issued: 2026-01-01\n    valid_until: 2027-01-01\n    sharing: public\n";
}

// issue 13 #5: each bad input: exit 2, nothing on stdout, an error with file:line and field.
TEST(ProfileCli, CheckNamesFileLineAndFieldOfEachError) {
  struct Case {
    std::string yaml;
    std::string message;  // after "clausescan: <dir>/"
  };
  const Case cases[] = {
      {"soa:\n  - {control: A.5.99, applicable: true, status: implemented}\n",
       "profile.yaml:2:15: soa[0].control: unknown control 'A.5.99'"},
      {"evidence:\n  - id: iso-certificate\n    file: evidence/cert.txt\n    issued: 2026-1-1\n"
       "    valid_until: 2027-01-01\n    sharing: public\n",
       "profile.yaml:4:13: evidence[0].issued: 'issued' must be a date written YYYY-MM-DD"},
      {Evidence("evidence/none.pdf"),
       "profile.yaml:3:11: evidence[0].file: no file 'evidence/none.pdf'"},
      {Evidence("../cert.txt"),
       "profile.yaml:3:11: evidence[0].file: '../cert.txt' leaves the profile's folder"},
      {Evidence("/etc/hostname"),
       "profile.yaml:3:11: evidence[0].file: '/etc/hostname' is an absolute path"},
      {Evidence("evidence/out.txt"),
       "profile.yaml:3:11: evidence[0].file: 'evidence/out.txt' is a symlink (or passes through "
       "one) pointing out of the profile's folder"},
      {"soa_csv: soa.csv\n", "soa.csv:1: soa_csv: no 'status' column in the header row"},
      {"soa_csv: quote.csv\n",
       "quote.csv:3: soa_csv: a quoted field is never closed (a '\"' is missing)"},
      {"capabilities:\n  notifcation: {hours: 24, from: awareness}\n",
       "profile.yaml:2:3: capabilities: unknown key 'notifcation' in 'capabilities' (did you mean "
       "'notification'?)"},
      {Evidence("evidence/cert.txt") + "    redacted: evidence/cert.txt\n",
       "profile.yaml:7:5: evidence[0].redacted: 'redacted' is for internal evidence only"},
      {"capabilities:\n  uptime_percent: high\n",
       "profile.yaml:2:19: capabilities.uptime_percent: expected a number for 'uptime_percent', "
       "found 'high'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.yaml);
    ProfileDir dir;
    RunResult r = RunClausescan("profile check " + Quote(dir.Profile(c.yaml)));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("clausescan: " + (dir.path() / c.message).string()));
  }
}

// attack fix D #3: a control character (a NUL above all, which the system would read as the end
// of the path) in a path of the profile is refused with file:line:column and field.
TEST(ProfileCli, CheckRefusesAControlCharacterInAPath) {
  const std::string internal =
      "evidence:\n  - id: iso-certificate\n    file: evidence/cert.txt\n    issued: 2026-01-01\n"
      "    valid_until: 2027-01-01\n    sharing: internal\n";
  const std::pair<std::string, std::string> cases[] = {
      {Evidence("\"evidence/cert.txt\\0/etc/passwd\""), "profile.yaml:3:11: evidence[0].file: "},
      {Evidence("\"evidence/cert.txt\\t\""), "profile.yaml:3:11: evidence[0].file: "},
      {internal + "    redacted: \"evidence/cert.txt\\0-redacted.pdf\"\n",
       "profile.yaml:7:15: evidence[0].redacted: "},
      {"soa_csv: \"soa.csv\\0.bak\"\n", "profile.yaml:1:10: soa_csv: "},
  };
  for (const auto& [yaml, where] : cases) {
    SCOPED_TRACE(yaml);
    ProfileDir dir;
    RunResult r = RunClausescan("profile check " + Quote(dir.Profile(yaml)));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("clausescan: " + (dir.path() / where).string() +
                                 "the path holds a control character (U+00"));
  }
}

// attack fix D #5: an SoA CSV that is not UTF-8 text (a Windows-1252 export, a NUL byte, UTF-16)
// is refused with file:line and a hint to save it as CSV UTF-8.
TEST(ProfileCli, CheckRefusesAnSoaCsvThatIsNotUtf8) {
  const std::string header = "Control,Applicable,Status,Justification\n";
  const std::pair<std::string, std::string> cases[] = {
      {header + "A.5.1,Yes,Implemented,x\nA.5.2,Yes,Implemented,Requis par l\x92"
                "audit\n",
       "bad.csv:3: soa_csv: invalid UTF-8"},
      {header + "A.5.1,Yes,Implemented,x" + std::string(1, '\0') + "y\n",
       "bad.csv:2: soa_csv: a NUL byte"},
      {"\xFF\xFE"
       "C\0o\0n\0t\0r\0o\0l\0\n\0",
       "bad.csv:1: soa_csv: the file is UTF-16"},
  };
  for (const auto& [csv, message] : cases) {
    SCOPED_TRACE(message);
    ProfileDir dir;
    WriteWholeFile(dir.path() / "bad.csv", csv);
    RunResult r = RunClausescan("profile check " + Quote(dir.Profile("soa_csv: bad.csv\n")));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("clausescan: " + (dir.path() / message).string()));
    EXPECT_THAT(r.err, HasSubstr("save it as \"CSV UTF-8"));
  }
}

// issue 13 s12 #2 (attack review #12): an SoA row that excludes a control yet says it is
// implemented contradicts itself; check refuses it, naming file, line and field, exit 2.
TEST(ProfileCli, CheckRefusesAnExcludedControlSaidToBeImplemented) {
  ProfileDir dir;
  WriteWholeFile(dir.path() / "soa-export.csv",
                 "Control,Applicable,Status,Justification\r\nA.5.1,Yes,Implemented,\r\n"
                 "A.7.4,No,Implemented,No premises of our own\r\n");
  RunResult r =
      RunClausescan("profile check " + Quote(dir.Profile("soa_csv: soa-export.csv\n")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("clausescan: " + (dir.path() / "soa-export.csv").string() +
                               ":3: soa_csv.status: control A.7.4 is excluded ('applicable' is "
                               "no) but its status is 'Implemented'"));
}

// issue 13 #1: init writes an example that check accepts as it is.
TEST(ProfileCli, InitThenCheckRoundTrips) {
  TempDir dir;
  const fs::path file = dir.path() / "profile.yaml";
  RunResult init = RunClausescan("profile init " + Quote(file));
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(ReadWholeFile(file).rfind("# A clausescan company profile", 0), 0u);
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"profile.yaml"}));  // no temp file left
  RunResult check = RunClausescan("profile check " + Quote(file));
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_THAT(check.out,
              HasSubstr("SoA: 4 of 93 Annex A controls listed: 3 applicable, 1 excluded"));
}

TEST(ProfileCli, InitWritesToStandardOutputForADash) {
  RunResult r = RunClausescan("profile init -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# A clausescan company profile", 0), 0u);
  EXPECT_EQ(r.err, "");
}

TEST(ProfileCli, InitRefusesToOverwriteWithoutForce) {
  TempDir dir;
  const fs::path file = dir.path() / "profile.yaml";
  WriteWholeFile(file, "mine\n");
  RunResult r = RunClausescan("profile init " + Quote(file));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(file.string() + ": already exists; use --force"));
  EXPECT_EQ(ReadWholeFile(file), "mine\n");
  RunResult forced = RunClausescan("profile init --force " + Quote(file));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(ReadWholeFile(file).rfind("# A clausescan company profile", 0), 0u);
}

TEST(ProfileCli, InitRefusesADanglingSymlink) {
  TempDir dir;
  const fs::path file = dir.path() / "profile.yaml";
  fs::create_symlink(dir.path() / "elsewhere.yaml", file);
  RunResult r = RunClausescan("profile init " + Quote(file));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("already exists"));
  EXPECT_FALSE(fs::exists(dir.path() / "elsewhere.yaml"));
}

TEST(ProfileCli, InitIntoAMissingFolderFails) {
  TempDir dir;
  RunResult r = RunClausescan("profile init " + Quote(dir.path() / "no" / "profile.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr((dir.path() / "no" / "profile.yaml").string()));
  // issue 13 s8 #6: the error says which folder is missing.
  EXPECT_THAT(r.err, HasSubstr("the folder " + (dir.path() / "no").string() +
                               " does not exist: create it first"));
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{});
}

// issue 13 attack review s7: `init` onto a folder says it is a folder, with or without --force
// (it used to suggest --force, which then failed), for profile and playbook alike.
TEST(ProfileCli, InitOntoAFolderSaysItIsAFolder) {
  TempDir dir;
  for (const char* command : {"profile init ", "playbook init "}) {
    for (const char* force : {"", " --force"}) {
      SCOPED_TRACE(std::string(command) + force);
      RunResult r = RunClausescan(command + Quote(dir.path()) + force);
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_THAT(r.err, HasSubstr(dir.path().string() + ": is a folder: name the file to write"));
      EXPECT_THAT(r.err, Not(HasSubstr("--force")));
      EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{});
    }
  }
}

// issue 16 attack r6 #1: an empty --as-of (an unset "$DATE") is a usage error, not today.
TEST(ProfileCli, AnEmptyAsOfIsAUsageError) {
  for (const std::string& args :
       {"profile check --as-of '' " + Quote(kSample),
        "scan --as-of '' --profile " + Quote(kSample) + " " + Quote(kSample)}) {
    RunResult r = RunClausescan(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_THAT(r.err, HasSubstr("--as-of")) << args;
  }
  RunResult r = RunClausescan("profile check --as-of '' " + Quote(kSample));
  EXPECT_THAT(r.err, HasSubstr("--as-of: the date is empty"));
}

}  // namespace
}  // namespace clausescan::testing

// clausescan pack and the files it reads (issue 13, attack review of the pack): --force never
// replaces a file the run reads, an earlier pack's removal stays on its device and reports a
// failure, an interruption leaves nothing, and `profile check` says what pack would refuse.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;
const std::string kContract = kSource + "/corpus/security-addendum.md";

// A copy of the sample profile folder (corpus/profile) in a temporary folder.
class SampleCopy {
 public:
  SampleCopy() {
    fs::copy(kSource + "/corpus/profile", dir_.path() / "profile", fs::copy_options::recursive);
  }
  fs::path Profile() const { return dir_.path() / "profile" / "acme-profile.yaml"; }
  fs::path File(const std::string& name) const { return dir_.path() / "profile" / name; }
  const fs::path& path() const { return dir_.path(); }
  // `clausescan pack CONTRACT --profile PROFILE --as-of 2026-12-06 EXTRA`.
  RunResult Pack(const std::string& extra, const Streams& streams = {}) const {
    return RunClausescan("pack " + Quote(kContract) + " --profile " + Quote(Profile()) +
                             " --as-of 2026-12-06 " + extra,
                         "", streams);
  }

 private:
  TempDir dir_;
};

// Attack review of main 303dfb8 #11: `-o new.zip/` (a trailing slash asks for a folder) wrote a
// zip file named new.zip.
TEST(PackFilesCli, ATrailingSlashAsksForAFolderWhateverItsName) {
  SampleCopy sample;
  const fs::path out = sample.path() / "new.zip";
  const RunResult r = sample.Pack("-o " + Quote(out) + "/");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_directory(out));
  EXPECT_TRUE(fs::exists(out / "index.md"));
}

// issue 13 #1 (D6): pack -o FILE --force never replaces the SoA CSV, an evidence file (the
// internal original included) or a redacted copy the profile names: exit 2, the error names the
// file, the file is left as it was and nothing is written beside it.
TEST(PackFilesCli, ForceNeverReplacesAFileTheProfileNames) {
  for (const char* name :
       {"soa.csv", "evidence/pentest-summary-2026.txt",
        "evidence/pentest-summary-2026-redacted.txt", "evidence/iso27001-certificate.txt"}) {
    SCOPED_TRACE(name);
    SampleCopy sample;
    const fs::path file = sample.File(name);
    const std::string before = ReadWholeFile(file);
    const std::vector<std::string> listing = Listing(file.parent_path());
    RunResult r = sample.Pack("-o " + Quote(file) + " --force");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr(name));
    EXPECT_THAT(r.err, HasSubstr("a file the --profile names"));
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(fs::is_regular_file(file));
    EXPECT_EQ(ReadWholeFile(file), before);
    EXPECT_EQ(Listing(file.parent_path()), listing);
  }
}

// issue 13 #1 (D6): --missing FILE is refused over a file the run reads, as scan -o is: the
// SoA CSV stays as it was and no pack is written.
TEST(PackFilesCli, MissingListNeverReplacesAFileTheProfileNames) {
  SampleCopy sample;
  const fs::path soa = sample.File("soa.csv");
  const std::string before = ReadWholeFile(soa);
  RunResult r = sample.Pack("-o " + Quote(sample.path() / "pack") + " --missing " + Quote(soa));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("is a file the --profile names"));
  EXPECT_EQ(ReadWholeFile(soa), before);
  EXPECT_FALSE(fs::exists(sample.path() / "pack"));
}

// issue 13 attack review s7: `--missing -` is standard output, as `profile init -`; it never
// writes a file named "-" in the current folder.
TEST(PackFilesCli, MissingDashIsStandardOutput) {
  SampleCopy sample;
  const bool dash_before = fs::exists("-");
  RunResult r = sample.Pack("-o " + Quote(sample.path() / "pack") + " --missing -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("no document in your profile"));
  if (!dash_before) {
    EXPECT_FALSE(fs::exists("-"));
    fs::remove("-");
  }
}

// issue 13 #1 (D6): nor a file of the --rules folder (as scan -o refuses one).
TEST(PackFilesCli, ForceNeverReplacesAFileOfTheRulesFolder) {
  SampleCopy sample;
  const fs::path rules = sample.path() / "rules";
  fs::copy(kSource + "/rules", rules, fs::copy_options::recursive);
  const fs::path file = rules / "doctypes.yaml";
  ASSERT_TRUE(fs::is_regular_file(file));
  const std::string before = ReadWholeFile(file);
  RunResult r = sample.Pack("--rules " + Quote(rules) + " -o " + Quote(file) + " --force");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("a file of the --rules folder"));
  EXPECT_THAT(r.err, HasSubstr("doctypes.yaml"));
  EXPECT_EQ(ReadWholeFile(file), before);
}

// issue 13 #1 (D13): nor the file standard input is redirected from, even though pack reads no
// standard input (`pack c.md ... -o c2.md --force < c2.md`).
TEST(PackFilesCli, ForceNeverReplacesTheFileStandardInputComesFrom) {
  SampleCopy sample;
  const fs::path c2 = sample.path() / "c2.md";
  fs::copy_file(kContract, c2);
  RunResult r = sample.Pack("-o " + Quote(c2) + " --force", {"< " + Quote(c2), "", ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("standard input"));
  EXPECT_THAT(r.err, HasSubstr("c2.md"));
  EXPECT_EQ(ReadWholeFile(c2), ReadWholeFile(kContract));
}

// issue 13 #1 (D13): `pack c3.md ... > c3.md` is refused like `scan c3.md > c3.md`: the shell
// has emptied the contract; no pack is written.
TEST(PackFilesCli, ContractThatIsStandardOutputIsRefused) {
  SampleCopy sample;
  const fs::path c3 = sample.path() / "c3.md";
  fs::copy_file(kContract, c3);
  const fs::path out = sample.path() / "out";
  RunResult r = RunClausescan(
      "pack " + Quote(c3) + " --profile " + Quote(sample.Profile()) + " -o " + Quote(out), "",
      {"", "> " + Quote(c3), ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("c3.md: is the standard output too"));
  EXPECT_FALSE(fs::exists(out));
}

// issue 13 #3 (attack D8, D5): SIGTERM while a pack of large documents is written stops the
// run promptly (exit 143 by the signal), says so, and leaves nothing beside the output; the
// documents are copied in chunks, never held in memory whole (3 x 200 MiB documents, a
// process of far less than that).
TEST(PackFilesCli, SigtermWhileWritingStopsPromptlyAndLeavesNothing) {
  SampleCopy sample;
  for (const char* name :
       {"evidence/iso27001-certificate.txt", "evidence/insurance-certificate.txt",
        "evidence/incident-response-procedure.txt"}) {
    fs::resize_file(sample.File(name), std::uintmax_t{200} << 20);  // sparse: no disk used
  }
  const fs::path out = sample.path() / "out";
  fs::create_directory(out);
  const fs::path err = sample.path() / "err";
  const std::string command = "exec '" + std::string(CLAUSESCAN_BINARY) + "' pack " +
                              Quote(kContract) + " --profile " + Quote(sample.Profile()) +
                              " --as-of 2026-12-06 -o " + Quote(out / "pack.zip") +
                              " < /dev/null > /dev/null 2> " + Quote(err);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGTERM, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // The pack phase has begun once the temporary zip exists beside the output.
  const bool writing = WaitFor([&] { return !Listing(out).empty(); });
  const auto signalled = std::chrono::steady_clock::now();
  ::kill(pid, SIGTERM);
  int status = 0;
  struct rusage usage {};
  bool done = false;
  for (int i = 0; i < 1200 && !done; ++i) {  // up to 60 s
    done = ::wait4(pid, &status, WNOHANG, &usage) == pid;
    if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!done) {
    ::kill(pid, SIGKILL);
    ::wait4(pid, &status, 0, &usage);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
  ASSERT_TRUE(writing);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  EXPECT_LT(seconds, 3.0);
  EXPECT_THAT(ReadWholeFile(err), HasSubstr("interrupted by SIGTERM"));
  EXPECT_TRUE(Listing(out).empty()) << ::testing::PrintToString(Listing(out));
  EXPECT_LT(usage.ru_maxrss, 150 * 1024) << "KiB";  // D5: far below the 600 MiB of documents
}

// issue 13 #3 (attack D12b): --force over an earlier pack that cannot be removed entirely (a
// read-only folder in it) says so on stderr and exits 2; the new pack is in place and what is
// left of the old one is in the hidden folder the message names. Not as root (root removes
// anything): the device rule is PackRemove.NeverCrossesOntoAnotherDevice.
TEST(PackFilesCli, EarlierPackLeftBehindIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root removes a read-only folder's files";
  SampleCopy sample;
  const fs::path out = sample.path() / "pack";
  RunResult first = sample.Pack("-o " + Quote(out));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path locked = out / "locked";
  fs::create_directory(locked);
  WriteWholeFile(locked / "note.txt", "kept\n");
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  RunResult second = sample.Pack("-o " + Quote(out) + " --force");
  std::vector<std::string> beside = Listing(sample.path());
  for (const std::string& name : beside) {  // let TempDir remove everything
    if (fs::exists(sample.path() / name / "locked")) {
      fs::permissions(sample.path() / name / "locked", fs::perms::owner_all);
    }
  }
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_THAT(second.out, HasSubstr("wrote pack"));
  EXPECT_THAT(second.err, HasSubstr("the pack is in place, but the earlier pack it replaced could "
                                    "not be removed entirely"));
  EXPECT_THAT(second.err, HasSubstr("locked/note.txt"));
  EXPECT_TRUE(fs::is_regular_file(out / "index.md"));
  EXPECT_FALSE(fs::exists(out / "locked"));
  EXPECT_EQ(beside.size(), 3u) << ::testing::PrintToString(beside);  // pack, profile, the rest
}

// issue 13 #5 (attack D4): `profile check` refuses what pack would refuse, in the same words:
// an evidence file larger than 256 MiB (and pack refuses it as it loads the profile).
TEST(PackFilesCli, ProfileCheckRefusesAFileLargerThanTheLimit) {
  SampleCopy sample;
  fs::resize_file(sample.File("evidence/soa-excerpt.txt"), (std::uintmax_t{256} << 20) + 1);
  RunResult check = RunClausescan("profile check " + Quote(sample.Profile()));
  EXPECT_EQ(check.exit_code, 2);
  const std::string words = "'evidence/soa-excerpt.txt' is larger than 256 MiB";
  EXPECT_THAT(check.err, HasSubstr(words));
  RunResult pack = sample.Pack("-o " + Quote(sample.path() / "pack"));
  EXPECT_EQ(pack.exit_code, 2);
  EXPECT_THAT(pack.err, HasSubstr(words));
  EXPECT_FALSE(fs::exists(sample.path() / "pack"));
}

// issue 13 #5 (attack D4): ... and an evidence file that cannot be opened (not as root, who
// opens anything).
TEST(PackFilesCli, ProfileCheckRefusesAnUnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root opens a file of mode 000";
  SampleCopy sample;
  fs::permissions(sample.File("evidence/soa-excerpt.txt"), fs::perms::none);
  RunResult check = RunClausescan("profile check " + Quote(sample.Profile()));
  fs::permissions(sample.File("evidence/soa-excerpt.txt"), fs::perms::owner_all);
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_THAT(check.err, HasSubstr("cannot open 'evidence/soa-excerpt.txt'"));
}

// issue 13 #5 (attack D4): a symlink that stays inside the profile's folder is followed by every
// command: profile check accepts it and pack copies the file it names.
TEST(PackFilesCli, SymlinkInsideTheFolderIsFollowedByEveryCommand) {
  SampleCopy sample;
  const fs::path cert = sample.File("evidence/iso27001-certificate.txt");
  fs::rename(cert, sample.File("evidence/real-certificate.txt"));
  fs::create_symlink("real-certificate.txt", cert);
  RunResult check =
      RunClausescan("profile check " + Quote(sample.Profile()) + " --as-of 2026-12-06");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  const fs::path out = sample.path() / "pack";
  RunResult pack = sample.Pack("-o " + Quote(out));
  ASSERT_EQ(pack.exit_code, 0) << pack.err;
  EXPECT_EQ(ReadWholeFile(out / "documents/public/iso-certificate/iso27001-certificate.txt"),
            ReadWholeFile(sample.File("evidence/real-certificate.txt")));
}

// issue 13 #6 (attack D14): a path that does not exist and is no symlink ('~/x', with the
// profile named relative to the current folder) is "no file", not "a symlink pointing out".
TEST(PackFilesCli, MissingPathThatIsNoSymlinkSaysNoFile) {
  TempDir dir;
  WriteWholeFile(dir.path() / "p.yaml",
                 "evidence:\n  - id: iso-certificate\n    file: '~/x'\n    issued: 2026-01-01\n"
                 "    valid_until: 2027-12-31\n    sharing: public\n");
  const fs::path err = dir.path() / "err";
  const int status =
      RunScript(dir.path(), "cd " + Quote(dir.path()) + " && '" + CLAUSESCAN_BINARY +
                                "' profile check p.yaml 2> " + Quote(err) + " > /dev/null\n");
  EXPECT_EQ(status, 2);
  const std::string text = ReadWholeFile(err);
  EXPECT_THAT(text,
              HasSubstr("p.yaml:3:11: evidence[0].file: no file '~/x' in the profile's folder"));
  EXPECT_THAT(text, Not(HasSubstr("symlink")));
}

// issue 13 #7: the sample profile states the triage time its incident procedure sets (2 hours),
// so a clause counting 72 hours from awareness is met, not "depends on the time to confirm".
TEST(PackFilesCli, SampleProfileConfirmsWithinTwoHours) {
  RunResult r =
      RunClausescan("scan " + Quote(kSource + "/corpus/dpa.md") + " --profile " +
                    Quote(kSource + "/corpus/profile/acme-profile.yaml") + " --as-of 2026-12-06");
  EXPECT_THAT(r.out, HasSubstr("confirm within 2 h of awareness; the"));
  EXPECT_THAT(r.out, HasSubstr("clause asks 72 h of awareness: met"));
  EXPECT_THAT(r.out, Not(HasSubstr("depends")));
}

}  // namespace
}  // namespace clausescan::testing

namespace clausescan::testing {
namespace {

// issue 13 attack D19: standard output appended onto a file the profile names is refused, by pack,
// scan --profile and evidence --profile alike, and the file is left as it was.
TEST(PackFilesCli, StandardOutputOntoAFileTheProfileNamesIsRefused) {
  for (const char* command : {"pack", "scan", "evidence"}) {
    SCOPED_TRACE(command);
    SampleCopy sample;
    const fs::path file = sample.File("evidence/iso27001-certificate.txt");
    const std::string before = ReadWholeFile(file);
    const std::string extra =
        std::string(command) == "pack" ? " -o " + Quote(sample.path() / "pack") : std::string();
    TempDir streams;
    RunResult r = RunClausescan(std::string(command) + " " + Quote(kContract) + " --profile " +
                                    Quote(sample.Profile()) + " --as-of 2026-12-06" + extra,
                                "", {"", ">> " + Quote(file), "2> " + Quote(streams.path() / "e")});
    EXPECT_EQ(r.exit_code, 2);
    const std::string err = ReadWholeFile(streams.path() / "e");
    EXPECT_THAT(err, HasSubstr("standard output"));
    EXPECT_THAT(err, HasSubstr("iso27001-certificate.txt"));
    EXPECT_EQ(ReadWholeFile(file), before);
    EXPECT_FALSE(fs::exists(sample.path() / "pack"));
  }
}

// issue 13 attack D17: a file the profile names, named as a contract, is refused (exit 2, the
// file and its evidence entry named, no pack): an internal original never lands in the pack.
TEST(PackFilesCli, AFileTheProfileNamesIsNoContract) {
  SampleCopy sample;
  for (const auto& [name, entry] :
       {std::pair{"evidence/pentest-summary-2026.txt", "pen-test-summary"},
        std::pair{"evidence/pentest-summary-2026-redacted.txt", "pen-test-summary"},
        std::pair{"soa.csv", "SoA"}, std::pair{"acme-profile.yaml", "--profile"}}) {
    SCOPED_TRACE(name);
    RunResult r = RunClausescan("pack " + Quote(kContract) + " " + Quote(sample.File(name)) +
                                " --profile " + Quote(sample.Profile()) +
                                " --as-of 2026-12-06 -o " + Quote(sample.path() / "pack"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr(name));
    EXPECT_THAT(r.err, HasSubstr(entry));
    EXPECT_FALSE(fs::exists(sample.path() / "pack"));
  }
}

// issue 13 s10 #3: scan --profile and evidence --profile refuse the profile's own files named
// as contracts, as pack does (exit 2, the file and its entry named, nothing on stdout).
TEST(PackFilesCli, ScanAndEvidenceRefuseAFileTheProfileNames) {
  SampleCopy sample;
  for (const char* command : {"scan", "evidence"}) {
    for (const auto& [name, entry] :
         {std::pair{"evidence/pentest-summary-2026.txt", "pen-test-summary"},
          std::pair{"acme-profile.yaml", "--profile"}}) {
      SCOPED_TRACE(std::string(command) + " " + name);
      RunResult r = RunClausescan(std::string(command) + " " + Quote(kContract) + " " +
                                  Quote(sample.File(name)) + " --profile " +
                                  Quote(sample.Profile()) + " --as-of 2026-12-06");
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_THAT(r.err, HasSubstr(name));
      EXPECT_THAT(r.err, HasSubstr(entry));
      EXPECT_EQ(r.out, "");
    }
  }
}

// issue 13 attack D17: a folder walk over a folder that holds the profile skips the profile, its
// SoA CSV and evidence (saying so on stderr): only the contract is in the pack.
TEST(PackFilesCli, AFolderWalkSkipsTheFilesTheProfileNames) {
  SampleCopy sample;
  fs::copy(kContract, sample.path() / "security-addendum.md");
  TempDir out;
  RunResult r =
      RunClausescan("pack " + Quote(sample.path()) + " --profile " + Quote(sample.Profile()) +
                    " --as-of 2026-12-06 -o " + Quote(out.path() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("pentest-summary-2026.txt"));
  EXPECT_THAT(r.err, HasSubstr("skipped"));
  const std::string index = ReadWholeFile(out.path() / "pack" / "index.md") +
                            ReadWholeFile(out.path() / "pack" / "index.html");
  EXPECT_THAT(index, Not(HasSubstr("pentest-summary-2026.txt")));
  EXPECT_THAT(index, HasSubstr("Contracts:\n\n- security-addendum.md\n\n"));
  EXPECT_THAT(index, Not(HasSubstr("### acme-profile.yaml")));
  EXPECT_THAT(index, Not(HasSubstr("### soa.csv")));
  EXPECT_THAT(index, Not(HasSubstr("<li><code>profile/")));
}

// Packs a folder holding the sample contract and an earlier pack written at `earlier` (a folder
// or a .zip) and expects the earlier pack skipped with a note on stderr and only the contract
// listed in the new index.
void ExpectFolderWalkSkipsEarlierPack(const std::string& earlier) {
  SampleCopy sample;
  TempDir contracts;
  fs::copy(kContract, contracts.path() / "security-addendum.md");
  RunResult first = sample.Pack("-o " + Quote(contracts.path() / earlier));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  TempDir out;
  RunResult r =
      RunClausescan("pack " + Quote(contracts.path()) + " --profile " + Quote(sample.Profile()) +
                    " --as-of 2026-12-06 -o " + Quote(out.path() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(earlier + ": skipped: an earlier clausescan pack"));
  EXPECT_THAT(ReadWholeFile(out.path() / "pack" / "index.md"),
              HasSubstr("Contracts:\n\n- security-addendum.md\n\n"));
}

// issue 13 attack D22: packing a folder that holds an earlier pack skips that pack (its index and
// document copies are no contracts), with a note on stderr.
TEST(PackFilesCli, AFolderWalkSkipsAnEarlierPack) { ExpectFolderWalkSkipsEarlierPack("old-pack"); }

// issue 13 attack D22: a zip pack clausescan wrote inside the folder is skipped too, not read as a
// Word document (which failed the whole pack).
TEST(PackFilesCli, AFolderWalkSkipsAnEarlierZipPack) {
  ExpectFolderWalkSkipsEarlierPack("old-pack.zip");
}

// issue 13 s8 #1: pack --force replaces only what an earlier pack wrote. A file the user added to
// it (docs/profile.md: "add what no clause asked for") or a folder of theirs holding a copied
// index.md is never removed: exit 2 naming them, nothing replaced; a pack of its own files alone
// is still replaced.
TEST(PackFilesCli, ForceNeverRemovesWhatTheUserAddedToAnEarlierPack) {
  SampleCopy sample;
  const fs::path pack = sample.path() / "mypack";
  ASSERT_EQ(sample.Pack("-o " + Quote(pack)).exit_code, 0);
  const std::string index = ReadWholeFile(pack / "index.md");
  WriteWholeFile(pack / "documents/nda/signed-nda.pdf", "signed NDA\n");
  WriteWholeFile(pack / "cover-letter.md", "letter\n");
  RunResult r = sample.Pack("-o " + Quote(pack) + " --force");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("signed-nda.pdf"));
  EXPECT_THAT(r.err, HasSubstr("cover-letter.md"));
  EXPECT_THAT(r.err, HasSubstr("(no pack written)"));
  EXPECT_EQ(ReadWholeFile(pack / "documents/nda/signed-nda.pdf"), "signed NDA\n");
  EXPECT_EQ(ReadWholeFile(pack / "cover-letter.md"), "letter\n");

  const fs::path mydocs = sample.path() / "mydocs";
  fs::create_directories(mydocs / "thesis");
  WriteWholeFile(mydocs / "index.md", index);
  WriteWholeFile(mydocs / "taxes.xlsx", "x\n");
  WriteWholeFile(mydocs / "thesis/ch1.tex", "y\n");
  RunResult copied = sample.Pack("-o " + Quote(mydocs) + " --force");
  EXPECT_EQ(copied.exit_code, 2);
  EXPECT_THAT(copied.err, HasSubstr("taxes.xlsx"));
  EXPECT_THAT(copied.err, HasSubstr("thesis/"));
  EXPECT_EQ(ReadWholeFile(mydocs / "thesis/ch1.tex"), "y\n");
  EXPECT_EQ(ReadWholeFile(mydocs / "taxes.xlsx"), "x\n");

  fs::remove(pack / "documents/nda/signed-nda.pdf");
  fs::remove(pack / "cover-letter.md");
  RunResult again = sample.Pack("-o " + Quote(pack) + " --force");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(fs::exists(pack / "index.md"));
}

// issue 13 s8 #2: `profile check` with standard output appended onto a file the profile names
// is refused (the summary would reach the next pack), as is `profile init -` appended onto a file
// that holds something: exit 2, the file left as it was.
TEST(PackFilesCli, ProfileCommandsNeverAppendOntoAFileTheProfileNames) {
  SampleCopy sample;
  const fs::path file = sample.File("evidence/iso27001-certificate.txt");
  const std::string before = ReadWholeFile(file);
  TempDir streams;
  RunResult check =
      RunClausescan("profile check " + Quote(sample.Profile()) + " --as-of 2026-12-06", "",
                    {"", ">> " + Quote(file), "2> " + Quote(streams.path() / "e")});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_THAT(ReadWholeFile(streams.path() / "e"), HasSubstr("standard output"));
  EXPECT_THAT(ReadWholeFile(streams.path() / "e"), HasSubstr("iso27001-certificate.txt"));
  EXPECT_EQ(ReadWholeFile(file), before);

  RunResult init = RunClausescan("profile init -", "",
                                 {"", ">> " + Quote(file), "2> " + Quote(streams.path() / "e")});
  EXPECT_EQ(init.exit_code, 2);
  EXPECT_THAT(ReadWholeFile(streams.path() / "e"), HasSubstr("standard output"));
  EXPECT_EQ(ReadWholeFile(file), before);
}

// issue 13 s8 #3: when the still-missing list cannot be written after the pack is in place, the
// error says the pack is in place (exit 2) and the pack is kept.
TEST(PackFilesCli, StillMissingListThatCannotBeWrittenSaysThePackIsInPlace) {
  SampleCopy sample;
  const fs::path pack = sample.path() / "pack";
  TempDir streams;
  RunResult r =
      sample.Pack("-o " + Quote(pack), {"", "> /dev/full", "2> " + Quote(streams.path() / "e")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(ReadWholeFile(streams.path() / "e"),
              HasSubstr("the pack " + pack.string() +
                        " is in place; the still-missing list could not be written"));
  EXPECT_TRUE(fs::exists(pack / "index.md"));
}

// issue 13 s8 #4: a profile given as standard input (/dev/stdin, /proc/self/fd/0, "-") is refused:
// its folder would be /dev, where its evidence paths would be resolved.
TEST(PackFilesCli, ProfileFromStandardInputIsRefused) {
  const std::string profile =
      "evidence:\n  - id: iso-certificate\n    file: shm\n    issued: 2025-01-01\n"
      "    valid_until: 2028-01-01\n    sharing: public\n";
  for (const char* path : {"/dev/stdin", "/proc/self/fd/0"}) {
    SCOPED_TRACE(path);
    RunResult r = RunClausescan(std::string("profile check ") + path, profile);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("give the profile's own path"));
    EXPECT_THAT(r.err, Not(HasSubstr("'shm'")));
  }
  RunResult dash = RunClausescan("profile check -", profile);
  EXPECT_EQ(dash.exit_code, 2);
  EXPECT_THAT(dash.err, HasSubstr("standard input is not accepted"));
  TempDir out;
  RunResult pack = RunClausescan(
      "pack " + Quote(kContract) + " --profile /dev/stdin -o " + Quote(out.path() / "pack"),
      profile);
  EXPECT_EQ(pack.exit_code, 2);
  EXPECT_THAT(pack.err, HasSubstr("give the profile's own path"));
}

// issue 13 s8 #5: the same contract named several times (c.md, ./c.md) is packed once, with a
// note; two contracts of the same file name in different folders are told apart in the index by
// their last folder, never the local path above it.
TEST(PackFilesCli, SameContractIsPackedOnceAndNamesAreToldApart) {
  SampleCopy sample;
  const fs::path once = sample.path() / "once";
  ASSERT_EQ(sample.Pack("-o " + Quote(once)).exit_code, 0);
  const fs::path twice = sample.path() / "twice";
  const std::string dotted = kSource + "/corpus/./security-addendum.md";
  RunResult r = sample.Pack(Quote(kContract) + " " + Quote(dotted) + " -o " + Quote(twice));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("named more than once; scanned once"));
  EXPECT_EQ(ReadWholeFile(twice / "index.md"), ReadWholeFile(once / "index.md"));

  fs::create_directories(sample.path() / "da");
  fs::create_directories(sample.path() / "db");
  fs::copy_file(kContract, sample.path() / "da/c.md");
  fs::copy_file(kContract, sample.path() / "db/c.md");
  const fs::path both = sample.path() / "both";
  RunResult named = sample.Pack(Quote(sample.path() / "da/c.md") + " " +
                                Quote(sample.path() / "db/c.md") + " -o " + Quote(both));
  ASSERT_EQ(named.exit_code, 0) << named.err;
  const std::string index = ReadWholeFile(both / "index.md");
  EXPECT_THAT(index, HasSubstr("- da/c.md\n- db/c.md\n"));
  EXPECT_THAT(index, HasSubstr("### da/c.md\n"));
  EXPECT_THAT(index, Not(HasSubstr(sample.path().string())));
}

// issue 13 s8 #7: --term-ends before the judging date (--as-of) is a mistake: exit 2 naming both,
// for pack and scan, and no pack.
TEST(PackFilesCli, TermEndsBeforeAsOfIsRefused) {
  SampleCopy sample;
  RunResult pack = sample.Pack("--term-ends 2020-01-01 -o " + Quote(sample.path() / "pack"));
  EXPECT_EQ(pack.exit_code, 2);
  EXPECT_THAT(pack.err, HasSubstr("--term-ends 2020-01-01 is before the judging date 2026-12-06"));
  EXPECT_FALSE(fs::exists(sample.path() / "pack"));
  RunResult scan =
      RunClausescan("scan " + Quote(kContract) + " --profile " + Quote(sample.Profile()) +
                    " --as-of 2026-12-06 --term-ends 2020-01-01");
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_THAT(scan.err, HasSubstr("--term-ends 2020-01-01 is before"));
}

// issue 13 s8 #7: an SoA CSV exported with a trailing comma on every line (an empty last column)
// loads as without it; no "unknown column ''".
TEST(PackFilesCli, SoaCsvWithAnEmptyLastColumnLoads) {
  SampleCopy sample;
  const fs::path soa = sample.File("soa.csv");
  std::string text = ReadWholeFile(soa);
  std::string with_comma;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = text.find("\r\n", at);
    if (end == std::string::npos) {
      with_comma += text.substr(at);
      break;
    }
    with_comma += text.substr(at, end - at) + ",\r\n";
    at = end + 2;
  }
  WriteWholeFile(soa, with_comma);
  RunResult r = RunClausescan("profile check " + Quote(sample.Profile()) + " --as-of 2026-12-06");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("unknown column")));
}

}  // namespace
}  // namespace clausescan::testing

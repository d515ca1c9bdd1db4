// clausescan pack (issue 13 #3, #4, #5): the pack of the sample profile and contract (golden),
// the zip, and every bad input refused with exit status 2, file:line, and nothing left behind.
//
// The golden pack is tests/golden/pack/{files.txt,index.md}; to accept a change, regenerate with
//   CLAUSESCAN_UPDATE_GOLDEN=1 ctest --test-dir build -R PackCli
// and review the diff like any other change.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSource = CLAUSESCAN_SOURCE_DIR;
const std::string kProfile = kSource + "/corpus/profile/acme-profile.yaml";
const std::string kContract = kSource + "/corpus/security-addendum.md";

// Every file below dir, as '/'-separated paths relative to it, sorted.
std::vector<std::string> Tree(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), dir).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// Runs `clausescan pack ARGS`.
RunResult RunPack(const std::string& args) { return RunClausescan("pack " + args); }

// issue 13 #4: the pack of the sample profile and contract, compared with the golden file list
// and index.md.
TEST(PackCli, GoldenPackOfTheSample) {
  TempDir dir;
  const fs::path out = dir.path() / "pack";
  const std::string command = "cd " + Quote(kSource) + " && '" + CLAUSESCAN_BINARY +
                              "' pack corpus/security-addendum.md --profile "
                              "corpus/profile/acme-profile.yaml --as-of 2026-12-06 --output " +
                              Quote(out) + " > " + Quote(dir.path() / "stdout") + " 2> " +
                              Quote(dir.path() / "stderr");
  ASSERT_EQ(RunScript(dir.path(), command + "\n"), 0) << ReadWholeFile(dir.path() / "stderr");
  const std::string stdout_text = ReadWholeFile(dir.path() / "stdout");
  EXPECT_THAT(stdout_text, StartsWith("wrote pack " + out.string() + ": "));
  // issue 13 #1 (fix-pack): then what is still missing, one item a line, and nothing else.
  EXPECT_GT(std::count(stdout_text.begin(), stdout_text.end(), '\n'), 1);
  EXPECT_FALSE(fs::exists(out / "missing.md"));
  const std::string files = Lines(Tree(out));
  const std::string index = ReadWholeFile(out / "index.md");
  const std::string golden = kSource + "/tests/golden/pack/";
  if (std::getenv("CLAUSESCAN_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(golden);
    WriteWholeFile(golden + "files.txt", files);
    WriteWholeFile(golden + "index.md", index);
  }
  EXPECT_EQ(files, ReadWholeFile(golden + "files.txt"));
  EXPECT_EQ(index, ReadWholeFile(golden + "index.md"));
  // Never an internal original; its redacted copy instead.
  EXPECT_THAT(files, Not(HasSubstr("pentest-summary-2026.txt")));
  EXPECT_THAT(files, HasSubstr("documents/redacted/pen-test-summary/"
                               "pentest-summary-2026-redacted.txt"));
  EXPECT_EQ(ReadWholeFile(out / "documents/redacted/pen-test-summary/"
                                "pentest-summary-2026-redacted.txt"),
            ReadWholeFile(kSource + "/corpus/profile/evidence/pentest-summary-2026-redacted.txt"));
  // Nothing but the pack beside it: the temporary folder is gone.
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"pack", "stderr", "stdout"}));
}

// issue 13 #3: the index page stands alone: inline style, no script, nothing loaded.
TEST(PackCli, HtmlIndexIsSelfContained) {
  TempDir dir;
  RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) +
                        " --as-of 2026-12-06 -o " + Quote(dir.path() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadWholeFile(dir.path() / "pack" / "index.html");
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy"));
  for (const char* banned :
       {"<script", "<link", "<img", "<iframe", "@import", "url(", "http:", "https:"}) {
    EXPECT_THAT(html, Not(HasSubstr(banned))) << banned;
  }
}

// issue 13 #3: a .zip output holds the same files as the folder, read back with libzip.
TEST(PackCli, ZipHoldsTheSameFilesAsTheFolder) {
  TempDir dir;
  const std::string common =
      Quote(kContract) + " --profile " + Quote(kProfile) + " --as-of 2026-12-06 -o ";
  ASSERT_EQ(RunPack(common + Quote(dir.path() / "pack")).exit_code, 0);
  RunResult r = RunPack(common + Quote(dir.path() / "pack.ZIP"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("wrote pack " + (dir.path() / "pack.ZIP").string() + ": "));
  int error = 0;
  zip_t* archive = zip_open((dir.path() / "pack.ZIP").c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  ASSERT_NE(archive, nullptr) << error;
  std::vector<std::string> names;
  std::string index;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    const std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    names.push_back(name);
    if (name != "index.md") continue;
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    ASSERT_NE(file, nullptr);
    index.resize(st.size);
    EXPECT_EQ(zip_fread(file, index.data(), st.size), static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
  }
  zip_close(archive);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, Tree(dir.path() / "pack"));
  EXPECT_EQ(index, ReadWholeFile(dir.path() / "pack" / "index.md"));
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"pack", "pack.ZIP"}));
}

// A profile folder for the bad inputs: evidence/cert.txt, a symlink out, a CSV of the wrong
// columns; and the folder the pack would go into.
class PackDir {
 public:
  PackDir() {
    fs::create_directories(dir_.path() / "profile" / "evidence");
    fs::create_directories(dir_.path() / "out");
    WriteWholeFile(dir_.path() / "profile" / "evidence" / "cert.txt", "certificate\n");
    fs::create_symlink("/etc/hostname", dir_.path() / "profile" / "evidence" / "out.txt");
    WriteWholeFile(dir_.path() / "profile" / "soa.csv",
                   "Control,Applicable,Justification\r\nA.5.1,Yes,x\r\n");
  }
  fs::path Profile(const std::string& yaml) const {
    WriteWholeFile(dir_.path() / "profile" / "profile.yaml", yaml);
    return dir_.path() / "profile" / "profile.yaml";
  }
  fs::path Out() const { return dir_.path() / "out"; }
  const fs::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
};

std::string Evidence(const std::string& file) {
  return "evidence:\n  - id: iso-certificate\n    file: " + file +
         "\n    issued: 2026-01-01\n    valid_until: 2027-12-31\n    sharing: public\n";
}

// Attack review of 86d34a9 #1: an evidence document that is the profile itself (by its name or
// through a link in the folder) or its SoA CSV was copied to the pack's public folder: the
// company's limits and every SoA justification sent to the buyer. `profile check` and `pack`
// refuse it at the entry's line, exit 2, nothing written.
TEST(PackCli, TheProfileOrItsSoaCsvIsNoEvidenceDocument) {
  const std::string soa = "soa_csv: soa.csv\n";
  const std::pair<std::string, std::string> cases[] = {
      {Evidence("profile.yaml"), "'profile.yaml' (file) is the profile itself"},
      {Evidence("evidence/link.yaml"), "'evidence/link.yaml' (file) is the profile itself"},
      {soa + Evidence("soa.csv"), "'soa.csv' (file) is the profile's SoA CSV (soa_csv)"},
  };
  for (const auto& [yaml, message] : cases) {
    SCOPED_TRACE(yaml);
    PackDir dir;
    WriteWholeFile(dir.path() / "profile" / "soa.csv",
                   "control,applicable,status,justification\nA.5.1,yes,implemented,x\n");
    fs::create_symlink("../profile.yaml", dir.path() / "profile" / "evidence" / "link.yaml");
    const fs::path profile = dir.Profile(yaml);
    const RunResult check = RunClausescan("profile check " + Quote(profile));
    EXPECT_EQ(check.exit_code, 2) << check.out;
    EXPECT_THAT(check.err, HasSubstr(message));
    EXPECT_THAT(check.err, HasSubstr(profile.string() + ":"));
    const RunResult r =
        RunPack(Quote(kContract) + " --profile " + Quote(profile) + " -o " + Quote(dir.Out() / "p"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_TRUE(Listing(dir.Out()).empty());
  }
}

// issue 13 #5: each bad profile: exit 2, the file:line of the error, nothing on stdout, and no
// pack (nor temporary) left behind, as a folder and as a zip.
TEST(PackCli, BadProfileExits2WithFileLineAndLeavesNothing) {
  struct Case {
    std::string yaml;
    std::string message;  // after "clausescan: <dir>/profile/"
  };
  const Case cases[] = {
      {"soa:\n  - {control: A.5.99, applicable: true, status: implemented}\n",
       "profile.yaml:2:15: soa[0].control: unknown control 'A.5.99'"},
      {"evidence:\n  - id: iso-certificate\n    file: evidence/cert.txt\n    issued: 2026-02-30\n"
       "    valid_until: 2027-01-01\n    sharing: public\n",
       // issue 13 s8 #6
       "profile.yaml:4:13: evidence[0].issued: 'issued' is not a real date: '2026-02-30'"},
      {Evidence("evidence/none.pdf"),
       "profile.yaml:3:11: evidence[0].file: no file 'evidence/none.pdf'"},
      {"soa_csv: soa.csv\n", "soa.csv:1: soa_csv: no 'status' column in the header row"},
      {Evidence("../cert.txt"),
       "profile.yaml:3:11: evidence[0].file: '../cert.txt' leaves the profile's folder"},
      {Evidence("/etc/hostname"),
       "profile.yaml:3:11: evidence[0].file: '/etc/hostname' is an absolute path"},
      {Evidence("evidence/out.txt"),
       "profile.yaml:3:11: evidence[0].file: 'evidence/out.txt' is a symlink (or passes through "
       "one) pointing out of the profile's folder"},
  };
  for (const Case& c : cases) {
    for (const char* name : {"pack", "pack.zip"}) {
      SCOPED_TRACE(c.yaml + name);
      PackDir dir;
      RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(dir.Profile(c.yaml)) + " -o " +
                            Quote(dir.Out() / name));
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_EQ(r.out, "");
      EXPECT_THAT(r.err, HasSubstr("clausescan: " + (dir.path() / "profile" / c.message).string()));
      EXPECT_TRUE(Listing(dir.Out()).empty());
    }
  }
}

// issue 13 #5: a bad --as-of date is refused before anything is read.
TEST(PackCli, BadAsOfDateExits2) {
  PackDir dir;
  RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) +
                        " --as-of 2026-13-01 -o " + Quote(dir.Out() / "pack"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--as-of must be a date written YYYY-MM-DD, found '2026-13-01'"));
  EXPECT_TRUE(Listing(dir.Out()).empty());
}

// issue 13 #3: an existing output that is not empty is refused unless --force, and left as it
// was; with --force an earlier pack is replaced whole, any other folder never. An empty folder
// is simply used.
TEST(PackCli, ExistingOutputNeedsForce) {
  PackDir dir;
  const fs::path out = dir.Out() / "pack";
  fs::create_directories(out);
  WriteWholeFile(out / "mine.txt", "keep me\n");
  const std::string args = Quote(kContract) + " --profile " + Quote(kProfile) + " -o " + Quote(out);
  RunResult refused = RunPack(args);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_THAT(refused.err, HasSubstr(out.string() + ": already exists and is not an empty "
                                                    "folder; use --force to replace it"));
  EXPECT_EQ(Listing(out), std::vector<std::string>{"mine.txt"});
  EXPECT_EQ(Listing(dir.Out()), std::vector<std::string>{"pack"});

  // --force replaces an earlier pack only, never another folder (-o /tmp --force).
  RunResult not_a_pack = RunPack(args + " --force");
  EXPECT_EQ(not_a_pack.exit_code, 2);
  EXPECT_THAT(not_a_pack.err, HasSubstr(out.string() + ": is a folder that holds no pack"));
  EXPECT_EQ(Listing(out), std::vector<std::string>{"mine.txt"});
  fs::remove(out / "mine.txt");
  ASSERT_EQ(RunPack(args).exit_code, 0);
  RunResult forced = RunPack(args + " --force");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(fs::exists(out / "index.md"));
  EXPECT_EQ(Listing(dir.Out()), std::vector<std::string>{"pack"});

  WriteWholeFile(dir.Out() / "pack.zip", "old");
  RunResult zip = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) + " -o " +
                          Quote(dir.Out() / "pack.zip"));
  EXPECT_EQ(zip.exit_code, 2);
  EXPECT_THAT(zip.err, HasSubstr("pack.zip: already exists; use --force to replace it"));
  EXPECT_EQ(ReadWholeFile(dir.Out() / "pack.zip"), "old");

  const fs::path empty = dir.Out() / "empty";
  fs::create_directories(empty);
  RunResult into_empty =
      RunPack(Quote(kContract) + " --profile " + Quote(kProfile) + " -o " + Quote(empty));
  EXPECT_EQ(into_empty.exit_code, 0) << into_empty.err;
  EXPECT_TRUE(fs::exists(empty / "index.md"));
}

// issue 13 #3: --force never replaces a folder that holds what the run reads.
TEST(PackCli, ForceNeverReplacesAFolderHoldingAnInput) {
  PackDir dir;
  const fs::path contracts = dir.path() / "contracts";
  fs::create_directories(contracts);
  fs::copy_file(kContract, contracts / "addendum.md");
  RunResult r = RunPack(Quote(contracts) + " --profile " + Quote(kProfile) + " -o " +
                        Quote(contracts) + " --force");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("would replace"));
  EXPECT_TRUE(fs::exists(contracts / "addendum.md"));
  RunResult profile =
      RunPack(Quote(kContract) + " --profile " + Quote(dir.Profile(Evidence("evidence/cert.txt"))) +
              " -o " + Quote(dir.path() / "profile") + " --force");
  EXPECT_EQ(profile.exit_code, 2);
  EXPECT_TRUE(fs::exists(dir.path() / "profile" / "evidence" / "cert.txt"));
}

// issue 13 #3: a pack written into the folder of contracts is not read as contracts next time,
// and the same command can be run again with --force, as a folder or as a zip (attack review of
// 5a07bac #1: the zip was refused as "a file of the folder being scanned").
TEST(PackCli, PackInsideTheWalkedFolderIsNotScanned) {
  for (const char* name : {"pack", "pack.zip"}) {
    PackDir dir;
    const fs::path contracts = dir.path() / "contracts";
    fs::create_directories(contracts);
    fs::copy_file(kContract, contracts / "addendum.md");
    const std::string args = Quote(contracts) + " --profile " + Quote(kProfile) + " -o " +
                             Quote(contracts / name) + " --force";
    RunResult first = RunPack(args);
    ASSERT_EQ(first.exit_code, 0) << name << first.err;
    RunResult second = RunPack(args);
    ASSERT_EQ(second.exit_code, 0) << name << second.err;
    EXPECT_EQ(second.out, first.out) << name;
  }
}

// Attack review of 86d34a9 #8: a document that expires within 90 days and before the term ends
// was listed twice in what is still missing; it is one line with both reasons.
TEST(PackCli, ADocumentExpiringSoonAndWithinTheTermIsListedOnce) {
  PackDir dir;
  const RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) +
                              " --as-of 2027-02-01 --term-ends 2027-06-01 -o " +
                              Quote(dir.Out() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = r.out.find("Certificate of insurance", at)) != std::string::npos;
       ++at) {
    ++lines;
  }
  EXPECT_EQ(lines, 1u) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Certificate of insurance (insurance-certificate) expires "
                               "2027-03-31, before the contract's term ends (2027-06-01), in 58 "
                               "days: renew it before sending"));
}

// Attack review of 86d34a9 #5: pack cut a dense contract at the default 2000 findings without a
// word and had no --max-findings; it takes the option and says on stderr when a report was cut.
TEST(PackCli, ACutScanSaysSoAndMaxFindingsIsAccepted) {
  PackDir dir;
  std::string dense;
  for (int i = 1; i <= 30; ++i) {
    dense += std::to_string(i) +
             ". Supplier shall notify Customer of any Security Incident within 24 hours of its "
             "occurrence.\n\n";
  }
  WriteWholeFile(dir.path() / "dense.txt", dense);
  const std::string args = Quote(dir.path() / "dense.txt") + " --profile " + Quote(kProfile);
  const RunResult cut = RunPack(args + " --max-findings 5 -o " + Quote(dir.Out() / "cut"));
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_THAT(cut.err, HasSubstr("dense.txt: note: 5 findings shown; the document has more (raise "
                                 "--max-findings)"));
  EXPECT_THAT(cut.err, HasSubstr("; the pack holds only what the findings shown call for\n"));
  EXPECT_THAT(cut.out, HasSubstr("(5 clauses ask for it)"));
  const RunResult whole = RunPack(args + " --max-findings 0 -o " + Quote(dir.Out() / "whole"));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_THAT(whole.err, ::testing::Not(HasSubstr("the document has more")));
  EXPECT_THAT(whole.out, HasSubstr("(30 clauses ask for it)"));
}

// A run that finds no contract to pack (every file skipped as a profile file) says so, not that
// a contract could not be read (attack review of 5a07bac #5).
TEST(PackCli, NothingToPackSaysSo) {
  PackDir dir;
  RunResult r = RunPack(Quote(fs::path(kProfile).parent_path()) + " --profile " + Quote(kProfile) +
                        " -o " + Quote(dir.Out() / "pack"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no contract to pack: no pack written"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("could not be read")));
  EXPECT_TRUE(Listing(dir.Out()).empty());
}

// issue 13 #4 (fix-pack): a contract that cannot be read leaves no pack: a pack without it is
// not the pack asked for. Exit 2, the error names the file, nothing written.
TEST(PackCli, UnreadableContractWritesNoPack) {
  PackDir dir;
  for (const char* name : {"pack", "pack.zip"}) {
    RunResult r = RunPack(Quote(dir.path() / "none.md") + " " + Quote(kContract) + " --profile " +
                          Quote(kProfile) + " -o " + Quote(dir.Out() / name));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("none.md"));
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(Listing(dir.Out()).empty()) << name;
  }
}

// issue 13 #4 (fix-pack): pack never reads standard input: no contract is a usage error.
TEST(PackCli, NoContractIsAUsageError) {
  PackDir dir;
  RunResult r = RunClausescan("pack --profile " + Quote(kProfile) + " -o " +
                              Quote(dir.Out() / "pack") + " < /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("contract"));
  EXPECT_TRUE(Listing(dir.Out()).empty());
}

// issue 13 #4 (fix-pack): another archive's name is refused, not written as a folder.
TEST(PackCli, OnlyZipArchives) {
  PackDir dir;
  RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) + " -o " +
                        Quote(dir.Out() / "pack.tar.gz"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("only .zip archives"));
  EXPECT_TRUE(Listing(dir.Out()).empty());
}

// issue 13 #1 (fix-pack): --missing FILE writes the still-missing list there (plain text, one
// item a line) instead of standard output; never inside the pack.
TEST(PackCli, MissingListGoesToItsOwnFile) {
  PackDir dir;
  const std::string common = Quote(kContract) + " --profile " + Quote(kProfile) +
                             " --as-of 2026-12-06 -o " + Quote(dir.Out() / "pack");
  RunResult r = RunPack(common + " --missing " + Quote(dir.path() / "todo.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  const std::string todo = ReadWholeFile(dir.path() / "todo.txt");
  EXPECT_THAT(todo, HasSubstr("no document in your profile: "));
  EXPECT_THAT(todo, Not(HasSubstr("# ")));
  EXPECT_FALSE(fs::exists(dir.Out() / "pack" / "missing.md"));
  EXPECT_TRUE(fs::exists(dir.Out() / "pack" / "documents" / "nda" / "soa-excerpt.md"));
  RunResult inside =
      RunPack(Quote(kContract) + " --profile " + Quote(kProfile) + " -o " +
              Quote(dir.Out() / "p2") + " --missing " + Quote(dir.Out() / "p2" / "todo.txt"));
  EXPECT_EQ(inside.exit_code, 2);
  EXPECT_THAT(inside.err, HasSubstr("--missing"));
  EXPECT_FALSE(fs::exists(dir.Out() / "p2"));
}

// issue 13 #3 (fix-pack): the index shows contract and profile by file name, never the local
// folders they were read from.
TEST(PackCli, IndexHasNoLocalPaths) {
  PackDir dir;
  RunResult r = RunPack(Quote(kContract) + " --profile " + Quote(kProfile) + " -o " +
                        Quote(dir.Out() / "pack"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"index.md", "index.html"}) {
    const std::string index = ReadWholeFile(dir.Out() / "pack" / name);
    EXPECT_THAT(index, Not(HasSubstr(kSource))) << name;
    EXPECT_THAT(index, HasSubstr("security-addendum.md")) << name;
    EXPECT_THAT(index, HasSubstr("acme-profile.yaml")) << name;
  }
}

// issue 13 s9 #1: contracts come from their own files: standard input by another name
// (/dev/stdin, a link to it), a FIFO (which would be waited on) or a device is refused at once,
// naming the file: exit 2, nothing on standard output, nothing written.
TEST(PackCli, StandardInputAFifoOrADeviceIsNoContract) {
  PackDir dir;
  ASSERT_EQ(::mkfifo((dir.path() / "fifo.md").c_str(), 0600), 0);
  fs::create_symlink("/dev/stdin", dir.path() / "link.md");
  const std::vector<std::pair<std::string, std::string>> named = {
      {"/dev/stdin", "/dev/stdin"},
      {Quote(dir.path() / "link.md"), "link.md"},
      {Quote(dir.path() / "fifo.md"), "fifo.md: is not a regular file (a FIFO or pipe)"},
      {"/dev/null", "/dev/null"}};
  for (const auto& [path, names] : named) {
    RunResult r = RunClausescanAs(
        "pack " + path + " --profile " + Quote(kProfile) + " -o " + Quote(dir.Out() / "pack") +
            " --as-of 2026-12-06",
        [](pid_t) {}, 20);
    EXPECT_EQ(r.exit_code, 2) << path;
    EXPECT_THAT(r.err, HasSubstr(names)) << path;
    EXPECT_THAT(r.err, HasSubstr("pack reads contracts from their own files")) << path;
    EXPECT_EQ(r.out, "") << path;
    EXPECT_TRUE(Listing(dir.Out()).empty()) << path;
  }
}

}  // namespace
}  // namespace clausescan::testing

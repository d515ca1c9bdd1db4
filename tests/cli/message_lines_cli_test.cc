// Messages and human listings are one line per line the program means: line breaks, format
// characters and control characters from input (a profile, a file name, a rule pack) cannot
// forge a line or hide a difference (attack review D, items 1, 2 and 4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kZwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE
const std::string kLs = "\xE2\x80\xA8";    // U+2028 LINE SEPARATOR
const std::string kRlo = "\xE2\x80\xAE";   // U+202E RIGHT-TO-LEFT OVERRIDE

// Whether some line of `text` starts with `start`.
bool HasLineStarting(const std::string& text, const std::string& start) {
  return text.rfind(start, 0) == 0 || text.find("\n" + start) != std::string::npos;
}

// fix D #1: a YAML value with a newline cannot forge an error line.
TEST(MessageLinesCli, ProfileErrorQuotingANewlineStaysOneLine) {
  TempDir dir;
  WriteWholeFile(dir.path() / "p.yaml",
                 "soa:\n  - {control: \"A.5.1\\nclausescan: p.yaml: profile is valid\", "
                 "applicable: true, status: implemented}\n");
  RunResult r = RunClausescan("profile check " + Quote(dir.path() / "p.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown control 'A.5.1\\nclausescan: p.yaml: profile is val"));
  EXPECT_FALSE(HasLineStarting(r.err, "clausescan: p.yaml: profile is val")) << r.err;
}

// fix D #1: a sub-processor name with a newline or U+2028 cannot add a line to the summary.
TEST(MessageLinesCli, ProfileSummaryShowsLineBreaksVisibly) {
  TempDir dir;
  WriteWholeFile(dir.path() / "s.yaml",
                 "subprocessors:\n  - {name: \"Example Cloud\\n  Evil Corp (Hosting, RU)\", "
                 "purpose: x, location: \"z\\u2028w\"}\n");
  RunResult r = RunClausescan("profile check " + Quote(dir.path() / "s.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("  Example Cloud\\n  Evil Corp (Hosting, RU) (x, z[U+2028]w)\n"));
  EXPECT_THAT(r.out, Not(HasSubstr(kLs)));
}

// fix D #1: a file name with a newline, in a batch, cannot forge a message line.
TEST(MessageLinesCli, FileNameWithANewlineStaysOneLine) {
  TempDir dir;
  fs::create_directory(dir.path() / "w");
  WriteWholeFile(dir.path() / "w" / "x.txt: ok\nclausescan: contract.md: scanned, no problems",
                 std::string("a\0b", 3));
  RunResult r = RunClausescan("scan " + Quote(dir.path() / "w"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("x.txt: ok\\nclausescan: contract.md: scanned, no problems"));
  EXPECT_FALSE(HasLineStarting(r.err, "clausescan: contract.md")) << r.err;
}

// A copy of the builtin rules with hostile text in a control title and a rule title.
fs::path HostilePack(const fs::path& dir) {
  const fs::path pack = dir / "pack";
  fs::copy(fs::path(CLAUSESCAN_SOURCE_DIR) / "rules", pack, fs::copy_options::recursive);
  auto replace = [](const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = ReadWholeFile(file);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << file;
    text.replace(at, from.size(), to);
    WriteWholeFile(file, text);
  };
  replace(pack / "controls.yaml", "\"Policies for information security\"",
          "\"Policies" + kRlo + " for" + kZwsp + " info\\nsec\"");
  replace(pack / "incident_notification" / "window.yaml", "title: Security incident notification",
          "title: \"Security incident notifi" + kRlo + "cation\\nforged line\"");
  return pack;
}

// fix D #2: `controls` (with and without --all) and `rules list` print rule data filtered.
TEST(MessageLinesCli, ListingsOfRuleDataShowNothingRaw) {
  TempDir dir;
  const fs::path pack = HostilePack(dir.path());
  for (const std::string& args : {"controls --all", "controls", "rules list"}) {
    RunResult r = RunClausescan(args + " --rules " + Quote(pack));
    EXPECT_EQ(r.exit_code, 0) << args << r.err;
    EXPECT_THAT(r.out, Not(HasSubstr(kRlo))) << args;
    EXPECT_THAT(r.out, Not(HasSubstr(kZwsp))) << args;
    EXPECT_FALSE(HasLineStarting(r.out, "sec\n")) << args;
    EXPECT_FALSE(HasLineStarting(r.out, "forged line")) << args;
    if (args == "rules list") {
      EXPECT_THAT(r.out, HasSubstr("Security incident notifi[U+202E]cation\\nforged line"));
    } else {
      EXPECT_THAT(r.out, HasSubstr("A.5.1   Policies[U+202E] for info\\nsec\n"));
    }
  }
}

// fix D #4: an error shows a zero-width character visibly, not "unknown control 'A.5.1'".
TEST(MessageLinesCli, ErrorsShowFormatCharactersVisibly) {
  TempDir dir;
  WriteWholeFile(dir.path() / "p.yaml", "soa:\n  - {control: \"A.5.1" + kZwsp +
                                            "\", applicable: true, status: implemented}\n");
  RunResult r = RunClausescan("profile check " + Quote(dir.path() / "p.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown control 'A.5.1[U+200B]'"));
  EXPECT_THAT(r.err, Not(HasSubstr(kZwsp)));
}

// Reliability review of main 9ef7676 #4: the --fail-on list dropped an ESC from a file name
// ("evil\x1b[2Jname.md" shown as "evil[2Jname.md", the name of no file), where the not-scanned
// list writes it as "\x1b". Every line that names a file writes a control character escaped.
TEST(MessageLinesCli, TheFailOnListEscapesAControlCharacterInAName) {
  TempDir dir;
  const std::string name = "evil\x1b[2Jname.md";
  WriteWholeFile(dir.path() / name, ReadWholeFile(SourcePath("corpus/dpa.md")));
  RunResult r = RunClausescan("scan --fail-on high -o /dev/null " + Quote(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("  " + dir.path().string() + "/evil\\x1b[2Jname.md:"));
  EXPECT_THAT(r.err, Not(HasSubstr("\x1b")));
}

// Reliability review of main 9ef7676 #4: the note naming a killed pack run's temporary that
// the next run removed dropped an ESC from the output's name.
TEST(MessageLinesCli, ThePackSweepNoteEscapesAControlCharacterInAName) {
  TempDir dir;
  fs::copy(SourcePath("corpus/profile"), dir.path() / "profile", fs::copy_options::recursive);
  const std::string name = "p\x1b[2Jk";
  const fs::path left = dir.path() / ("." + name + ".clausescan-Ab12Cd");
  fs::create_directories(left);
  WriteWholeFile(left / ".clausescan-pack-unfinished", "");
  const struct timespec times[2] = {{std::time(nullptr) - 7200, 0}, {std::time(nullptr) - 7200, 0}};
  ::utimensat(AT_FDCWD, left.c_str(), times, 0);
  RunResult r = RunClausescan("pack " + Quote(SourcePath("corpus/security-addendum.md")) +
                              " --profile " + Quote(dir.path() / "profile" / "acme-profile.yaml") +
                              " --as-of 2026-12-06 -o " + Quote(dir.path() / name));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(left));
  EXPECT_THAT(r.err, HasSubstr(": note: removed " + dir.path().string() +
                               "/.p\\x1b[2Jk.clausescan-Ab12Cd, left by an earlier run"));
  EXPECT_THAT(r.err, Not(HasSubstr("\x1b")));
}

}  // namespace
}  // namespace clausescan::testing

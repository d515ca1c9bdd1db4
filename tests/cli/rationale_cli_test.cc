// Why the buyer asks (issue 14): the rationale under each finding in every human format, in
// JSON as a field, --no-rationale, and the not-legal-advice notice of the human formats.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kContract =
    "Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of "
    "becoming aware of it.\n";
constexpr const char* kNotice = "clausescan is an aid to review, not legal advice.";

class RationaleCli : public ::testing::Test {
 protected:
  void SetUp() override { WriteWholeFile(Path(), kContract); }
  std::filesystem::path Path() const { return dir_.path() / "msa.txt"; }
  RunResult Scan(const std::string& options) {
    return RunClausescan("scan " + options + " " + Quote(Path()));
  }
  TempDir dir_;
};

// issue 14 #2
TEST_F(RationaleCli, TextShowsWhyTheBuyerAsksWithItsSources) {
  RunResult r = Scan("");
  // issue 14 review s8 #2: a contract of no known sector gets the neutral sentence, not the
  // GDPR/DORA one.
  EXPECT_THAT(r.out, HasSubstr("why the buyer asks: The buyer must act quickly when its data"));
  EXPECT_THAT(r.out, Not(HasSubstr("why the buyer asks: GDPR")));
  EXPECT_THAT(r.out, HasSubstr("Meets the buyer's need: "));
}

// issue 14 #2
TEST_F(RationaleCli, JsonCarriesTheRationaleField) {
  RunResult r = Scan("--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  const nlohmann::json& rationale = report["findings"][0]["rationale"];
  // issue 14 review s8 #2: a contract of no known sector gets the neutral sentence.
  EXPECT_THAT(rationale["text"].get<std::string>(), HasSubstr("The buyer must act quickly"));
  EXPECT_EQ(rationale["sectors"], nlohmann::json::array({"all"}));
  EXPECT_TRUE(rationale["sources"].is_array());
}

// issue 14 #2
TEST_F(RationaleCli, NoRationaleLeavesItOutOfEveryFormat) {
  for (const char* format : {"text", "json", "md", "html", "csv", "sarif", "jsonl"}) {
    RunResult r = Scan(std::string("--no-rationale --format ") + format);
    EXPECT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_THAT(r.out, Not(HasSubstr("The buyer must act quickly"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("buyer's need"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("\"rationale\""))) << format;
  }
}

// issue 14 #1: the evidence pack shows why the buyer asks in each of its formats. The contract
// names no sector, so the sentence is the neutral one (issue 14 review s8 #2); a contract under
// the GDPR gets the GDPR sentence with its source.
TEST_F(RationaleCli, EvidencePackShowsWhyTheBuyerAsks) {
  RunResult text = RunClausescan("evidence " + Quote(Path()));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("    why the buyer asks: The buyer must act quickly"));
  RunResult csv = RunClausescan("evidence --format csv " + Quote(Path()));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr(",risk,rationale\r\n"));
  EXPECT_THAT(csv.out, HasSubstr(",\"The buyer must act quickly"));

  const std::filesystem::path gdpr = dir_.path() / "dpa.txt";
  WriteWholeFile(gdpr,
                 "Processor shall notify Controller of any Personal Data Breach under the GDPR "
                 "within twenty-four (24) hours of becoming aware of it.\n");
  RunResult json = RunClausescan("evidence --format json " + Quote(gdpr));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json pack = nlohmann::json::parse(json.out);
  const nlohmann::json& finding = pack["items"][0]["findings"][0];
  EXPECT_THAT(finding["rationale"]["text"].get<std::string>(), HasSubstr("GDPR"));
  EXPECT_EQ(finding["rationale"]["sources"][0]["title"], "GDPR Art. 33(1)-(2)");
}

// issue 14 #1: evidence --no-rationale leaves it out of every format of the pack.
TEST_F(RationaleCli, EvidenceNoRationaleLeavesItOut) {
  for (const char* format : {"text", "json", "csv"}) {
    RunResult r = RunClausescan(std::string("evidence --no-rationale --format ") + format + " " +
                                Quote(Path()));
    EXPECT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_THAT(r.out, HasSubstr("incident-notification.window")) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("buyer's own"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("why the buyer asks"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("\"rationale\""))) << format;
  }
}

// A user's own rule folder, generated: categories, parties, and one rule with a sample in
// category_dir (category id `category`), without any rationale.yaml.
std::filesystem::path WriteOwnPack(const std::filesystem::path& dir, const std::string& category,
                                   const std::string& rule_id) {
  std::filesystem::create_directories(dir / category);
  WriteWholeFile(dir / "categories.yaml", "- {id: " + category + ", title: Own clauses}\n");
  WriteWholeFile(dir / "parties.yaml", "supplier: [supplier]\ncustomer: [customer]\n");
  WriteWholeFile(dir / category / "deposit.yaml",
                 "id: " + rule_id + "\ncategory: " + category +
                     "\ntitle: Deposit\nmatch:\n  all:\n    - any: ['\\bescrow\\b']\n");
  WriteWholeFile(dir / category / "deposit.test.txt",
                 "# ruleid: " + rule_id + "\nSupplier shall deposit the source code in escrow.\n");
  return dir;
}

// issue 14 #2 (item 2): a folder of one's own with no rationale.yaml at all fails `rules test`
// when a rule's category is no built-in one, naming the rule file and line and how to add it.
TEST_F(RationaleCli, RulesTestFailsForAnOwnCategoryWithoutRationale) {
  std::filesystem::path pack = WriteOwnPack(dir_.path() / "own", "escrow", "escrow.deposit");
  RunResult r = RunClausescan("rules test " + Quote(pack));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("escrow/deposit.yaml:1:1: rule 'escrow.deposit' has no rationale"));
  EXPECT_THAT(r.err, HasSubstr("add escrow/rationale.yaml with 'category: escrow'"));
  EXPECT_EQ(RunClausescan("scan --rules " + Quote(pack) + " " + Quote(Path())).exit_code, 2);
  WriteWholeFile(pack / "escrow" / "rationale.yaml",
                 "category: escrow\nrationale: The buyer must keep running if we fail.\n"
                 "sources:\n  - {title: Own policy, url: \"https://example.com/policy\", says: "
                 "Escrow for critical software., read: \"https://example.com/policy\"}\n");
  RunResult fixed = RunClausescan("rules test " + Quote(pack));
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
}

// issue 14 (helper brief s5, item 4): `rules test` refuses a rationale source read only through
// a secondary copy, naming the file and line of its `read`, and exits 2.
TEST_F(RationaleCli, RulesTestRefusesASourceReadOnlyThroughASecondaryCopy) {
  std::filesystem::path pack = WriteOwnPack(dir_.path() / "own", "escrow", "escrow.deposit");
  WriteWholeFile(pack / "escrow" / "rationale.yaml",
                 "category: escrow\nrationale: The buyer must keep running if we fail.\n"
                 "sources:\n  - title: Escrow guidance\n    url: \"https://example.com/guide\"\n"
                 "    says: Escrow for critical software.\n"
                 "    read: \"secondary: a blog's summary of the guidance\"\n");
  RunResult r = RunClausescan("rules test " + Quote(pack));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("escrow/rationale.yaml:7:11: 'read' says the source was read only "
                               "through a secondary copy"));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// issue 14 (helper brief s6, item 1): `rules test` refuses a rationale source whose `read` names
// no place a reader can find (no address, no repository with commit and path, no reference
// file), naming the file, line and column of its `read`, and exits 2 with nothing on stdout.
TEST_F(RationaleCli, RulesTestRefusesAReadThatNamesNoPlace) {
  std::filesystem::path pack = WriteOwnPack(dir_.path() / "own", "escrow", "escrow.deposit");
  WriteWholeFile(pack / "escrow" / "rationale.yaml",
                 "category: escrow\nrationale: The buyer must keep running if we fail.\n"
                 "sources:\n  - title: Escrow guidance\n    url: \"https://example.com/guide\"\n"
                 "    says: Escrow for critical software.\n"
                 "    read: \"intuitem gdpr.yaml\"\n");
  RunResult r = RunClausescan("rules test " + Quote(pack));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("escrow/rationale.yaml:7:11: 'read' must say where the wording "
                               "was read"));
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(RunClausescan("scan --rules " + Quote(pack) + " " + Quote(Path())).exit_code, 2);
}

// issue 14 #2 (item 2): a rule of a built-in category in a folder without rationale.yaml shows
// the built-in category's rationale.
TEST_F(RationaleCli, AnOwnRuleOfABuiltinCategoryTakesItsRationale) {
  std::filesystem::path pack =
      WriteOwnPack(dir_.path() / "own", "incident_notification", "incident-notification.escrow");
  RunResult test = RunClausescan("rules test " + Quote(pack));
  EXPECT_EQ(test.exit_code, 0) << test.err;
  RunResult show = RunClausescan("rules show incident-notification.escrow --rules " + Quote(pack));
  EXPECT_THAT(show.out,
              HasSubstr("Why the buyer asks:\n  Regulated buyers have a short, fixed clock"));
}

// issue 14 (attack review): a rule pack is data from anywhere; `rules show` and load errors
// never pass its control bytes (terminal escapes) to the terminal.
TEST_F(RationaleCli, RulesShowAndErrorsSendNoTerminalEscapes) {
  std::filesystem::path pack =
      WriteOwnPack(dir_.path() / "own", "incident_notification", "incident-notification.escrow");
  WriteWholeFile(pack / "incident_notification" / "deposit.yaml",
                 "# \x1b]0;PWNED\x07 comment\nid: incident-notification.escrow\n"
                 "category: incident_notification\ntitle: \"Deposit\\e[2J\\a\"\nmatch:\n  all:\n"
                 "    - any: ['\\bescrow\\b']\n");
  RunResult show = RunClausescan("rules show incident-notification.escrow --rules " + Quote(pack));
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("Deposit[2J"));
  EXPECT_THAT(show.out, HasSubstr("]0;PWNED comment"));
  EXPECT_EQ(show.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(show.out.find('\x07'), std::string::npos);
  WriteWholeFile(pack / "incident_notification" / "deposit.yaml",
                 "id: incident-notification.escrow\ncategory: incident_notification\n"
                 "title: Deposit\nbad\x1b[2Jkey: 1\nmatch:\n  all:\n    - any: ['\\bescrow\\b']\n");
  RunResult error = RunClausescan("rules validate " + Quote(pack));
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_THAT(error.err, HasSubstr("bad\\x1b[2Jkey"));  // escaped, as a file name's would be
  EXPECT_EQ(error.err.find('\x1b'), std::string::npos);
}

// issue 14 (attack review): an error quoting a huge value from a rule pack (here a 100 KB
// category) is cut after 1,000 bytes; the file and line that start it are kept.
TEST_F(RationaleCli, AnErrorQuotingAHugeValueIsCut) {
  std::filesystem::path pack =
      WriteOwnPack(dir_.path() / "own", "incident_notification", "incident-notification.escrow");
  WriteWholeFile(pack / "incident_notification" / "deposit.yaml",
                 "id: incident-notification.escrow\ncategory: " + std::string(100000, 'k') +
                     "\ntitle: D\nmatch:\n  all:\n    - any: ['\\bescrow\\b']\n");
  RunResult r = RunClausescan("rules validate " + Quote(pack));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("incident_notification/deposit.yaml:2:11: unknown category 'kkk"));
  EXPECT_LT(r.err.size(), 1200u) << r.err.substr(0, 300);
}

// issue 14 #2
TEST_F(RationaleCli, MarkdownOnOneLineAndHtmlFolded) {
  EXPECT_THAT(Scan("--format md").out,
              HasSubstr("- Why the buyer asks: The buyer must act quickly"));
  EXPECT_THAT(Scan("--format html").out,
              HasSubstr("<details class=\"rationale\"><summary>Why the buyer asks</summary>"));
}

// issue 14 review s8 #6: `rules show` gives the sentence of each sector and the neutral one.
TEST_F(RationaleCli, RulesShowPrintsSectorSentences) {
  RunResult r = RunClausescan("rules show security-measures.program");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\n  For us-federal-contractors: FAR 52.204-21 makes federal "
                               "contractors, and subcontractors"));
  EXPECT_THAT(r.out, HasSubstr("\n  For us-hipaa-covered-entities: A HIPAA covered entity"));
  EXPECT_THAT(r.out, HasSubstr("\n  For other buyers: The buyer hands the supplier data"));
}

// issue 14 third review #7: a flag's sentence is shown too.
TEST_F(RationaleCli, RulesShowPrintsFlagSentences) {
  RunResult r = RunClausescan("rules show audit-rights.assessment");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\n  For a clause with dod_assessment: A DoD contract with DFARS "
                               "252.204-7020"));
  EXPECT_THAT(r.out, HasSubstr("\n  For a clause with dod_cloud_access: "));
}

// issue 14 third review #7: the sectors a document shows are in the JSON report; a document of
// no sector has no such field.
TEST_F(RationaleCli, JsonNamesTheDocumentsSectors) {
  RunResult plain = Scan("--format json");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(nlohmann::json::parse(plain.out)["document"].contains("sectors")) << plain.out;
  const std::filesystem::path federal = dir_.path() / "federal.txt";
  WriteWholeFile(federal,
                 "H.4 Cyber incidents. The Contractor shall comply with FAR 52.204-21 and report "
                 "each cyber incident that affects Government data to the Contracting Officer "
                 "within 72 hours of discovering it.\n");
  RunResult r = RunClausescan("scan --format json " + Quote(federal));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["document"]["sectors"],
            nlohmann::json::array({"us-federal-contractors"}))
      << r.out;
}

// issue 14 #2
TEST_F(RationaleCli, RulesShowPrintsTheRationale) {
  RunResult r = RunClausescan("rules show insurance.customer-duty");
  EXPECT_THAT(r.out, HasSubstr("Why the buyer asks:\n  Usually the supplier's ask"));
  // issue 14 (item 3): the DORA text once cited as a mirror is dropped for a source that bears on
  // it.
  EXPECT_THAT(r.out, HasSubstr("Employers' Liability (Compulsory Insurance) Act 1969 s. 1(1)"));
  EXPECT_THAT(r.out, Not(HasSubstr("2024/1773")));
}

// issue 14 #3
TEST_F(RationaleCli, HumanFormatsEndWithTheNoticeAndMachineFormatsNever) {
  for (const char* format : {"text", "md"}) {
    std::string out = Scan(std::string("--format ") + format).out;
    ASSERT_GE(out.size(), 52u);
    EXPECT_EQ(out.substr(out.size() - std::string(kNotice).size() - 1), kNotice + std::string("\n"))
        << format;
  }
  EXPECT_THAT(Scan("--format html").out, HasSubstr(std::string("<p>") + kNotice + "</p>"));
  EXPECT_THAT(RunClausescan("evidence " + Quote(Path())).out, HasSubstr(kNotice));
  for (const char* format : {"json", "jsonl", "sarif", "csv"}) {
    EXPECT_THAT(Scan(std::string("--format ") + format).out, Not(HasSubstr("legal advice")))
        << format;
  }
}

// issue 14 #3: several documents, one notice at the end.
TEST_F(RationaleCli, TextOfSeveralDocumentsHasOneNotice) {
  WriteWholeFile(dir_.path() / "b.txt", kContract);
  std::string out = RunClausescan("scan " + Quote(Path()) + " " + Quote(dir_.path() / "b.txt")).out;
  EXPECT_EQ(out.find(kNotice), out.rfind(kNotice));
  EXPECT_NE(out.find(kNotice), std::string::npos);
}

}  // namespace
}  // namespace clausescan::testing

// The security pack's model (issue 13 #3): which documents go in by sharing level, what is
// still missing, the SoA excerpt, and the file names inside the pack.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "clausescan/pack_write.h"
#include "pack/pack_files.h"
#include "pack/pack_names.h"
#include "pack/pack_remove.h"
#include "support/temp_directory.h"

namespace clausescan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

CalendarDate Date(const char* text) { return *CalendarDate::Parse(text); }

EvidenceFile Document(const std::string& id, Sharing sharing,
                      const char* valid_until = "2027-12-31", const std::string& redacted = "") {
  EvidenceFile e;
  e.id = id;
  e.title = id + " title";
  e.file = "evidence/" + id + ".pdf";
  e.path = "/profile/" + e.file;
  e.issued = Date("2024-01-01");
  e.valid_until = Date(valid_until);
  e.sharing = sharing;
  e.redacted = redacted;
  if (!redacted.empty()) e.redacted_path = "/profile/" + redacted;
  e.line = 10;
  return e;
}

Profile Supplier() {
  Profile p;
  p.path = "acme.yaml";
  p.folder = "/profile";
  p.soa = {{"A.8.13", false, ControlStatus::kNotImplemented, "no backups kept", "acme.yaml", 3},
           {"A.5.24", true, ControlStatus::kImplemented, "risk assessment", "acme.yaml", 4},
           {"A.5.9", true, ControlStatus::kImplemented, "", "acme.yaml", 5},
           {"A.5.1", true, ControlStatus::kImplemented, "unrelated", "acme.yaml", 6}};
  p.evidence = {Document("iso-certificate", Sharing::kPublic),
                Document("incident-response-procedure", Sharing::kNda),
                Document("pen-test-summary", Sharing::kInternal, "2027-12-31",
                         "evidence/pentest-redacted.pdf"),
                Document("backup-policy", Sharing::kInternal),
                Document("insurance-certificate", Sharing::kNda, "2026-01-31"),
                Document("access-control-policy", Sharing::kPublic)};
  p.subprocessors = {{"Example Cloud", "Hosting", "EU", {"ISO 27001"}, 20}};
  return p;
}

Finding Clause(const std::string& category, int line, std::vector<std::string> evidence,
               std::vector<std::string> controls) {
  Finding f;
  f.rule = category + ".rule";
  f.category = category;
  f.title = category + " clause";
  f.line = line;
  f.party = "supplier";
  f.side = "us";
  f.holds = "duty";
  for (const std::string& id : evidence) f.evidence.push_back({id, id + " (catalogue)"});
  for (const std::string& id : controls) f.controls.push_back({id, id + " title"});
  return f;
}

// A contract asking for the certificate, the incident procedure, the pen test, the backup
// policy, the insurance certificate and a deletion procedure the profile does not have.
std::vector<Report> Contract() {
  Report r;
  r.document.path = "contract.md";
  r.findings = {
      Clause("incident_notification", 3, {"incident-response-procedure", "iso-certificate"},
             {"A.5.24"}),
      Clause("security_measures", 7, {"pen-test-summary", "backup-policy", "iso-certificate"},
             {"A.8.13", "A.5.9"}),
      Clause("insurance", 9, {"insurance-certificate"}, {}),
      Clause("data_deletion", 12, {"deletion-procedure"}, {"A.8.10"})};
  return {r};
}

const PackDocument* Copy(const Pack& pack, const std::string& id) {
  for (const PackDocument& d : pack.documents) {
    if (d.evidence == id) return &d;
  }
  return nullptr;
}

bool HasGap(const Pack& pack, PackGapKind kind, const std::string& subject) {
  return std::any_of(pack.missing.begin(), pack.missing.end(),
                     [&](const PackGap& g) { return g.kind == kind && g.subject == subject; });
}

PackOptions On(const char* date) {
  PackOptions options;
  options.as_of = Date(date);
  return options;
}

// issue 13 #4 (attack D3): a public document of an id is shared when an internal one of the
// same id, valid longer, has no redacted copy; the internal one is not a gap then.
TEST(Pack, ShareableDocumentWinsOverALongerValidInternalOne) {
  Profile p = Supplier();
  EvidenceFile internal = Document("iso-certificate", Sharing::kInternal, "2030-12-31");
  internal.file = "evidence/iso-internal.pdf";
  internal.path = "/profile/" + internal.file;
  p.evidence.push_back(internal);  // the public one is valid until 2027-12-31
  const Pack pack = BuildPack(Contract(), p, On("2026-12-06"));
  const PackDocument* cert = Copy(pack, "iso-certificate");
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(cert->pack_path, "documents/public/iso-certificate/iso-certificate.pdf");
  EXPECT_FALSE(HasGap(pack, PackGapKind::kInternalOnly, "iso-certificate"));
  // Listed in either order.
  std::swap(p.evidence.front(), p.evidence.back());
  const Pack swapped = BuildPack(Contract(), p, On("2026-12-06"));
  ASSERT_NE(Copy(swapped, "iso-certificate"), nullptr);
  EXPECT_EQ(Copy(swapped, "iso-certificate")->sharing, Sharing::kPublic);
}

// issue 13 #3: public and nda documents some clause calls for are copied as they are.
TEST(Pack, CopiesPublicAndNdaDocumentsAClauseCallsFor) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  const PackDocument* cert = Copy(pack, "iso-certificate");
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(cert->pack_path, "documents/public/iso-certificate/iso-certificate.pdf");
  EXPECT_EQ(cert->source, "/profile/evidence/iso-certificate.pdf");
  const PackDocument* procedure = Copy(pack, "incident-response-procedure");
  ASSERT_NE(procedure, nullptr);
  EXPECT_EQ(procedure->sharing, Sharing::kNda);
  EXPECT_EQ(procedure->pack_path.rfind("documents/nda/", 0), 0u);
  // No clause calls for the access control policy: it stays out, public or not.
  EXPECT_EQ(Copy(pack, "access-control-policy"), nullptr);
}

// issue 13 #3: an internal document is never copied; its redacted copy is, when it has one.
TEST(Pack, InternalOriginalNeverCopiedRedactedCopyUsed) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  const PackDocument* pentest = Copy(pack, "pen-test-summary");
  ASSERT_NE(pentest, nullptr);
  EXPECT_TRUE(pentest->redacted);
  EXPECT_EQ(pentest->source, "/profile/evidence/pentest-redacted.pdf");
  EXPECT_EQ(pentest->field, "evidence[2].redacted");
  EXPECT_EQ(pentest->pack_path, "documents/redacted/pen-test-summary/pentest-redacted.pdf");
  EXPECT_EQ(Copy(pack, "backup-policy"), nullptr);
  for (const PackDocument& d : pack.documents) {
    EXPECT_NE(d.source, "/profile/evidence/pen-test-summary.pdf");
    EXPECT_NE(d.source, "/profile/evidence/backup-policy.pdf");
  }
  EXPECT_TRUE(HasGap(pack, PackGapKind::kInternalOnly, "backup-policy"));
}

// issue 13 #3: an expired document is not copied and is still missing; so is evidence no
// document answers.
TEST(Pack, ExpiredAndMissingEvidenceAreStillMissing) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  EXPECT_EQ(Copy(pack, "insurance-certificate"), nullptr);
  EXPECT_TRUE(HasGap(pack, PackGapKind::kExpired, "insurance-certificate"));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kNoDocument, "deletion-procedure"));
  // Its evidence id, valid-until and the date it is compared with (issue 13: expired documents).
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("insurance-certificate title (insurance-certificate) expired 2026-01-31, "
                        "before the pack's date (2026-12-06): renew it"));
  // On a date it is valid, the same certificate goes in.
  const Pack earlier = BuildPack(Contract(), Supplier(), On("2025-12-06"));
  EXPECT_NE(Copy(earlier, "insurance-certificate"), nullptr);
  EXPECT_FALSE(HasGap(earlier, PackGapKind::kExpired, "insurance-certificate"));
}

// issue 13 #3: a document that expires before the contract's term ends is a gap, still copied.
TEST(Pack, DocumentExpiringBeforeTheTermIsAGap) {
  PackOptions options = On("2026-12-06");
  options.term_ends = Date("2028-06-30");
  const Pack pack = BuildPack(Contract(), Supplier(), options);
  EXPECT_NE(Copy(pack, "iso-certificate"), nullptr);
  EXPECT_TRUE(HasGap(pack, PackGapKind::kExpiresInTerm, "iso-certificate"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("iso-certificate title (iso-certificate) expires 2027-12-31, before the "
                        "contract's term ends (2028-06-30)"));
  const Pack no_term = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  EXPECT_FALSE(HasGap(no_term, PackGapKind::kExpiresInTerm, "iso-certificate"));
}

std::string csv_of_unlisted(const Pack& pack) {
  return internal::SoaExcerptCsv(pack) + internal::SoaExcerptMarkdown(pack);
}

// issue 13 s8 #4: without --term-ends, the term the scan read from the contract counts.
TEST(Pack, TermReadFromTheContractCounts) {
  std::vector<Report> reports = Contract();
  reports[0].document.term_ends = "2028-06-30";
  reports[0].document.term_source = "read at line 3 (\"initial term of three (3) years\")";
  const Pack pack = BuildPack(reports, Supplier(), On("2026-12-06"));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kExpiresInTerm, "iso-certificate"));
}

// issue 13 #3: the SoA excerpt holds only the controls the clauses map to, in Annex A order.
TEST(Pack, SoaExcerptOnlyMappedControls) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  std::vector<std::string> controls;
  for (const PackSoaRow& row : pack.soa_excerpt) controls.push_back(row.control);
  // issue 13 s8 #1: only rows the SoA has; A.8.10, which it does not list, is only a gap.
  EXPECT_THAT(controls, ElementsAre("A.5.9", "A.5.24", "A.8.13"));
  EXPECT_EQ(pack.soa_excerpt[2].state, ControlState::kExcluded);
  EXPECT_EQ(pack.soa_excerpt[2].justification, "no backups kept");
  EXPECT_THAT(csv_of_unlisted(pack), Not(HasSubstr("not listed")));
  const std::string csv = internal::SoaExcerptCsv(pack);
  EXPECT_THAT(csv, HasSubstr("Control,Title,Applicable,Status,Justification\r\n"));
  EXPECT_THAT(csv, HasSubstr("A.8.13,A.8.13 title,no,,no backups kept\r\n"));
  EXPECT_THAT(csv, Not(HasSubstr("A.5.1,")));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kControlGap, "A.8.13"));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kNotInSoa, "A.8.10"));
}

// issue 13 s8 #2: with an SoA in the profile, the pack's own excerpt answers "soa-excerpt":
// not a missing document, and the profile's uploaded excerpt is not copied beside it.
TEST(Pack, GeneratedSoaExcerptAnswersTheSoaExcerptEvidence) {
  Finding asks = Clause("riskowner", 12, {"soa-excerpt"}, {"A.5.24"});
  Report r;
  r.document.path = "contract.md";
  r.findings = {asks};
  for (const bool uploaded : {false, true}) {
    Profile profile = Supplier();
    if (uploaded) profile.evidence.push_back(Document("soa-excerpt", Sharing::kNda));
    const Pack pack = BuildPack({r}, profile, On("2026-12-06"));
    EXPECT_FALSE(HasGap(pack, PackGapKind::kNoDocument, "soa-excerpt")) << uploaded;
    EXPECT_THAT(PackMissingText(pack), Not(HasSubstr("excerpt"))) << uploaded;
    EXPECT_EQ(Copy(pack, "soa-excerpt"), nullptr) << uploaded;
    ASSERT_EQ(pack.clauses.size(), 1u);
    ASSERT_EQ(pack.clauses[0].evidence.size(), 1u);
    EXPECT_TRUE(pack.clauses[0].evidence[0].listed);
    EXPECT_EQ(pack.clauses[0].evidence[0].pack_path, "documents/nda/soa-excerpt.md");
    EXPECT_THAT(PackIndexMarkdown(pack), HasSubstr("riskowner clause"));
  }
  // Without an SoA, only an uploaded excerpt answers it, as before.
  Profile no_soa = Supplier();
  no_soa.soa.clear();
  no_soa.evidence.push_back(Document("soa-excerpt", Sharing::kNda));
  EXPECT_FALSE(
      HasGap(BuildPack({r}, no_soa, On("2026-12-06")), PackGapKind::kNoDocument, "soa-excerpt"));
  no_soa.evidence.pop_back();
  EXPECT_TRUE(
      HasGap(BuildPack({r}, no_soa, On("2026-12-06")), PackGapKind::kNoDocument, "soa-excerpt"));
}

// issue 13 #3: each clause points to where its evidence is in the pack, or says why it is not.
TEST(Pack, ClausesPointToTheirEvidence) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  ASSERT_EQ(pack.clauses.size(), 4u);
  const PackClause& security = pack.clauses[1];
  ASSERT_EQ(security.evidence.size(), 3u);
  EXPECT_EQ(security.evidence[0].status, PackEvidenceStatus::kInPack);
  EXPECT_EQ(security.evidence[0].pack_path,
            "documents/redacted/pen-test-summary/pentest-redacted.pdf");
  EXPECT_EQ(security.evidence[1].status, PackEvidenceStatus::kInternal);
  EXPECT_EQ(security.evidence[1].pack_path, "");
  const std::string index = PackIndexMarkdown(pack);
  EXPECT_THAT(index, HasSubstr("[documents/public/iso-certificate/iso-certificate.pdf]"
                               "(documents/public/iso-certificate/iso-certificate.pdf)"));
  // The index is for the buyer: what is not in the pack is only in missing.md.
  EXPECT_THAT(index, Not(HasSubstr("backup-policy")));
  EXPECT_THAT(index, Not(HasSubstr("missing")));
  EXPECT_THAT(PackIndexHtml(pack), Not(HasSubstr("missing")));
  EXPECT_THAT(PackIndexHtml(pack), Not(HasSubstr("deletion-procedure")));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("backup-policy title is internal and has no redacted copy: add a "
                        "redacted copy to share (1 clause asks for it)\n"));
  EXPECT_THAT(pack.subprocessors, ::testing::SizeIs(1));
}

// issue 13 #3: a duty of the other side calls for none of the supplier's documents.
TEST(Pack, OtherSidesDutyCallsForNothing) {
  std::vector<Report> reports = Contract();
  for (Finding& f : reports[0].findings) f.side = "them";
  const Pack pack = BuildPack(reports, Supplier(), On("2026-12-06"));
  EXPECT_TRUE(pack.documents.empty());
  EXPECT_TRUE(pack.soa_excerpt.empty());
  EXPECT_EQ(pack.clauses.size(), 4u);
}

// issue 13 #3: text from the profile and the contracts' paths cannot add markup to the index,
// nor a formula to the CSV files.
TEST(Pack, ProfileTextIsEscapedInEveryFile) {
  Profile profile = Supplier();
  profile.evidence[0].title = "<img src=x onerror=alert(1)> | cell";
  profile.subprocessors[0].name = "=HYPERLINK(\"http://x\")";
  profile.subprocessors[0].purpose = "<script>alert(1)</script>";
  std::vector<Report> reports = Contract();
  reports[0].document.path = "a<script>.md";
  const Pack pack = BuildPack(reports, profile, On("2026-12-06"));
  const std::string html = PackIndexHtml(pack);
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(PackIndexMarkdown(pack), HasSubstr("\\<img src=x onerror=alert(1)\\> \\| cell"));
  EXPECT_THAT(internal::SubprocessorsCsv(pack), HasSubstr("\"'=HYPERLINK(\"\"http://x\"\")\""));
  EXPECT_THAT(internal::SubprocessorsMarkdown(pack),
              HasSubstr("| \\<script\\>alert(1)\\</script\\> |"));
}

// issue 13 #1 (fix-pack): what is still missing is for the supplier only: it is no file of the
// pack but plain text the command prints; the SoA excerpt (it shows partial rows) is nda
// material, under documents/nda/, and the index says so.
TEST(Pack, StillMissingIsNoFileOfThePack) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  std::vector<std::string> names;
  for (const auto& [name, content] : internal::PackTextFiles(pack)) names.push_back(name);
  EXPECT_THAT(names, Not(::testing::Contains("missing.md")));
  EXPECT_THAT(names, ::testing::Contains("documents/nda/soa-excerpt.md"));
  EXPECT_THAT(names, ::testing::Contains("documents/nda/soa-excerpt.csv"));
  EXPECT_THAT(names, Not(::testing::Contains("soa-excerpt.md")));
  const std::string index = PackIndexMarkdown(pack);
  EXPECT_THAT(index, HasSubstr("(documents/nda/soa-excerpt.md)"));
  EXPECT_THAT(PackIndexHtml(pack), HasSubstr("href=\"documents/nda/soa-excerpt.md\""));
  const std::string missing = PackMissingText(pack);
  EXPECT_THAT(missing, HasSubstr("no document in your profile: deletion-procedure (catalogue) "
                                 "(1 clause asks for it)\n"));
  EXPECT_THAT(missing, Not(HasSubstr("- ")));
  EXPECT_THAT(missing, Not(HasSubstr("#")));
}

// A report already judged on 2026-12-06, so that BuildPack keeps the verdicts set here.
Report Judged(std::vector<Finding> findings) {
  Report r;
  r.document.path = "judged.md";
  r.document.profile_date = "2026-12-06";
  for (Finding& f : findings) {
    if (!f.profile) f.profile = ProfileJudgement{};
  }
  r.findings = std::move(findings);
  return r;
}

// issue 13 #2 (fix-pack): the index lists a clause only with a document of the pack that
// answers it: not a clause the profile does not meet, not one with no document, each clause
// once, and the SoA excerpt only where the SoA applies one of the clause's controls.
TEST(Pack, IndexClaimsOnlyWhatIsTrue) {
  Profile profile = Supplier();
  profile.evidence.push_back(Document("soa-excerpt", Sharing::kNda));
  Finding unmet = Clause("breach", 4, {"incident-response-procedure"}, {});
  unmet.profile = ProfileJudgement{};
  unmet.profile->capability = "notification";
  unmet.profile->verdict = "not_met";
  unmet.profile->summary = "you notify in 48 h; the clause asks 12 h";
  Finding nothing = Clause("erasure", 6, {"deletion-procedure"}, {});
  Finding twice_a = Clause("cover", 8, {"iso-certificate"}, {});
  Finding twice_b = Clause("cover", 8, {"access-control-policy"}, {});
  Finding soa_out = Clause("backups", 10, {"soa-excerpt"}, {"A.8.13"});   // excluded
  Finding soa_in = Clause("riskowner", 12, {"soa-excerpt"}, {"A.5.24"});  // implemented
  const Pack pack = BuildPack({Judged({unmet, nothing, twice_a, twice_b, soa_out, soa_in})},
                              profile, On("2026-12-06"));
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("breach clause")));
    EXPECT_THAT(index, Not(HasSubstr("erasure clause")));
    EXPECT_THAT(index, Not(HasSubstr("backups clause")));
    EXPECT_THAT(index, HasSubstr("riskowner clause"));
    EXPECT_THAT(index, Not(HasSubstr("| - |")));
    EXPECT_THAT(index, Not(HasSubstr("<td>-</td></tr>")));
    const std::size_t first = index.find("cover clause");
    ASSERT_NE(first, std::string::npos);
    EXPECT_EQ(index.find("cover clause", first + 1), std::string::npos);
    EXPECT_THAT(index, HasSubstr("documents/public/access-control-policy/"));
  }
  // Still in the supplier's list.
  EXPECT_THAT(PackMissingText(pack), HasSubstr("you notify in 48 h; the clause asks 12 h"));
}

// issue 15 #7: in a clause two rules found, the SoA excerpt answers for the controls of the rule
// that calls for it, not for every control of the clause: its backup control, which the SoA
// excludes, is no row the buyer can read, however implemented the other rule's control is.
TEST(Pack, SoaExcerptIsListedOnlyForTheControlsOfTheRulesThatCallForIt) {
  Finding merged = Clause("audits", 10, {"soa-excerpt", "incident-response-procedure"},
                          {"A.8.13", "A.5.24"});
  merged.evidence_controls = {{"soa-excerpt", {"A.8.13"}},
                              {"incident-response-procedure", {"A.5.24"}}};
  const Pack pack = BuildPack({Judged({merged})}, Supplier(), On("2026-12-06"));
  ASSERT_EQ(pack.clauses.size(), 1u);
  ASSERT_EQ(pack.clauses[0].evidence.size(), 2u);
  EXPECT_EQ(pack.clauses[0].evidence[0].evidence, "soa-excerpt");
  EXPECT_FALSE(pack.clauses[0].evidence[0].listed);
  EXPECT_TRUE(pack.clauses[0].evidence[1].listed);
  merged.evidence_controls[0].controls = {"A.5.24"};  // implemented: the excerpt answers it
  const Pack answered = BuildPack({Judged({merged})}, Supplier(), On("2026-12-06"));
  ASSERT_EQ(answered.clauses.size(), 1u);
  EXPECT_TRUE(answered.clauses[0].evidence[0].listed);
}

// issue 13 #3 (fix-pack): the buyer sees the contracts' and the profile's file names, never a
// local path; PDF and Word clauses are placed by page and paragraph, as the scan report does.
TEST(Pack, IndexNamesFilesNotLocalPaths) {
  Profile profile = Supplier();
  profile.path = "/home/someone/acme/profile.yaml";
  std::vector<Report> reports = Contract();
  reports[0].document.path = "/home/someone/deals/msa.pdf";
  reports[0].findings[0].page = 16;
  reports[0].findings[0].line = 246;
  Report word = Contract()[0];
  word.document.path = "/home/someone/deals/dpa.docx";
  word.findings[0].paragraph = 210;
  word.findings[0].line = 419;
  reports.push_back(word);
  const Pack pack = BuildPack(reports, profile, On("2026-12-06"));
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("/home/someone")));
    EXPECT_THAT(index, HasSubstr("msa.pdf"));
    EXPECT_THAT(index, HasSubstr("dpa.docx"));
    EXPECT_THAT(index, HasSubstr("profile.yaml"));
    EXPECT_THAT(index, HasSubstr("p. 16"));
    EXPECT_THAT(index, HasSubstr("\u00B6 210"));
    EXPECT_THAT(index, Not(HasSubstr("246")));
    EXPECT_THAT(index, Not(HasSubstr("419")));
  }
  for (const auto& [name, content] : internal::PackTextFiles(pack)) {
    EXPECT_THAT(content, Not(HasSubstr("/home/someone"))) << name;
  }
}

// issue 13 #5 (fix-pack): a copied document that expires within 90 days of the pack's date is
// still missing, with its date and the days left, as `profile check` warns.
TEST(Pack, DocumentExpiringWithin90DaysIsStillMissing) {
  const Pack pack = BuildPack(Contract(), Supplier(), On("2027-11-01"));
  EXPECT_NE(Copy(pack, "iso-certificate"), nullptr);
  EXPECT_TRUE(HasGap(pack, PackGapKind::kExpiresSoon, "iso-certificate"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("iso-certificate title expires on 2027-12-31 (in 60 days)"));
  const Pack early = BuildPack(Contract(), Supplier(), On("2027-10-01"));
  EXPECT_FALSE(HasGap(early, PackGapKind::kExpiresSoon, "iso-certificate"));
}

// issue 13 #3: names in the pack keep to safe ASCII, with no separators or hidden names.
TEST(PackNames, SanitisedComponents) {
  EXPECT_EQ(internal::PackFileName("iso27001-certificate.pdf"), "iso27001-certificate.pdf");
  EXPECT_EQ(internal::PackFileName("../../etc/passwd"), "___.._etc_passwd");
  EXPECT_EQ(internal::PackFileName(".."), "document");
  EXPECT_EQ(internal::PackFileName("."), "document");
  EXPECT_EQ(internal::PackFileName(".hidden"), "_hidden");
  EXPECT_EQ(internal::PackFileName("a\nb\x1b[31m c"), "a_b_31m_c");
  EXPECT_EQ(internal::PackFileName(""), "document");
  EXPECT_EQ(internal::PackFileName("/"), "document");
  EXPECT_EQ(internal::PackFileName("Zertifikat für Ä.pdf"), "Zertifikat_f_r_.pdf");
  EXPECT_EQ(internal::PackFileName(std::string(300, 'a')).size(), 100u);
}

// issue 13 #6 (attack D15): a long name is cut before its extension, which is kept.
TEST(PackNames, LongNameKeepsItsExtension) {
  const std::string name =
      internal::PackFileName("iso-certificate-" + std::string(120, 'x') + ".pdf");
  EXPECT_EQ(name.size(), 100u);
  EXPECT_EQ(name.substr(name.size() - 4), ".pdf");
  EXPECT_EQ(name.substr(0, 16), "iso-certificate-");
  // No extension (or one too long to be one): cut at the end as before.
  EXPECT_EQ(internal::PackFileName(std::string(120, 'y') + "." + std::string(40, 'z')),
            std::string(100, 'y'));
}

// A profile folder with one public certificate, loaded; the pack of a clause calling for it.
class PackWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDirectory("clausescan-pack-");
    std::filesystem::create_directories(dir_ / "profile" / "evidence");
    Write(dir_ / "profile" / "evidence" / "cert.txt", "certificate\n");
    Write(dir_ / "profile" / "profile.yaml",
          "evidence:\n  - id: iso-certificate\n    file: evidence/cert.txt\n"
          "    issued: 2026-01-01\n    valid_until: 2027-12-31\n    sharing: public\n");
    ProfileResult loaded = LoadProfile((dir_ / "profile" / "profile.yaml").string());
    ASSERT_TRUE(loaded.ok());
    profile_ = std::move(loaded).value();
    Report report;
    report.document.path = "contract.md";
    report.findings = {Clause("security_measures", 2, {"iso-certificate"}, {})};
    pack_ = BuildPack({report}, profile_, On("2026-12-06"));
    ASSERT_EQ(pack_.documents.size(), 1u);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  static void Write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::vector<std::string> Beside() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  std::filesystem::path dir_;
  Profile profile_;
  Pack pack_;
};

// issue 13 #3: the writer copies the documents and writes every text file.
TEST_F(PackWriteTest, WritesTheFolder) {
  Result<bool> written = WritePack(pack_, profile_, (dir_ / "pack").string());
  ASSERT_TRUE(written.ok()) << written.error().message();
  for (const char* name :
       {"index.md", "index.html", "documents/nda/soa-excerpt.csv", "documents/nda/soa-excerpt.md",
        "subprocessors.csv", "subprocessors.md", "documents/public/iso-certificate/cert.txt"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(dir_ / "pack" / name)) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_ / "pack" / "missing.md"));
  EXPECT_THAT(Beside(), ElementsAre("pack", "profile"));
}

// issue 13 #4 (fix-pack): a pack is a folder or a zip; another archive's name is refused, not
// written as a folder of that name.
TEST_F(PackWriteTest, OnlyZipArchives) {
  for (const char* name : {"pack.tar.gz", "pack.TGZ", "pack.tar", "pack.7z"}) {
    Result<bool> written = WritePack(pack_, profile_, (dir_ / name).string());
    ASSERT_FALSE(written.ok()) << name;
    EXPECT_THAT(written.error().message(), HasSubstr("only .zip archives"));
    EXPECT_THAT(Beside(), ElementsAre("profile"));
  }
}

// issue 13 #6 (fix-pack, attack D1/D2): a copy that is the internal original under another name
// (a hard link as its "redacted" copy, or the same file declared public under another id) is
// refused, by file identity, and nothing is written.
TEST_F(PackWriteTest, InternalOriginalUnderAnotherNameIsRefused) {
  Write(dir_ / "profile" / "evidence" / "pentest.txt", "INTERNAL findings\n");
  std::filesystem::create_hard_link(dir_ / "profile" / "evidence" / "pentest.txt",
                                    dir_ / "profile" / "evidence" / "pentest-redacted.txt");
  Write(dir_ / "profile" / "profile.yaml",
        "evidence:\n  - id: pen-test-summary\n    file: evidence/pentest.txt\n"
        "    redacted: evidence/pentest-redacted.txt\n"
        "    issued: 2026-01-01\n    valid_until: 2027-12-31\n    sharing: internal\n");
  // The profile is refused when it loads (same device and inode), so no pack can be built from
  // it; the writer's own identity check is the second line (SymlinkPlantedAfterLoading...).
  ProfileResult loaded = LoadProfile((dir_ / "profile" / "profile.yaml").string());
  ASSERT_FALSE(loaded.ok());
  const ProfileError& error = loaded.errors().front();
  EXPECT_THAT(error.message(), HasSubstr("internal original"));
  EXPECT_EQ(error.error.line(), 4) << error.message();
  EXPECT_THAT(Beside(), ElementsAre("profile"));
}

// issue 13 #3: "pack/" names the folder pack, as a shell completes it.
TEST_F(PackWriteTest, TrailingSlashNamesTheFolder) {
  Result<bool> written = WritePack(pack_, profile_, (dir_ / "pack").string() + "/");
  ASSERT_TRUE(written.ok()) << written.error().message();
  EXPECT_TRUE(std::filesystem::is_regular_file(dir_ / "pack" / "index.md"));
  EXPECT_THAT(Beside(), ElementsAre("pack", "profile"));
}

// issue 13 #3: a document swapped for a symlink out of the folder after the profile was loaded
// is refused with the profile's file, line and field, and nothing is left behind.
TEST_F(PackWriteTest, SymlinkPlantedAfterLoadingIsRefused) {
  std::filesystem::remove(dir_ / "profile" / "evidence" / "cert.txt");
  std::filesystem::create_symlink("/etc/hostname", dir_ / "profile" / "evidence" / "cert.txt");
  for (const char* name : {"pack", "pack.zip"}) {
    Result<bool> written = WritePack(pack_, profile_, (dir_ / name).string());
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code(), ErrorCode::kRuleError);
    EXPECT_THAT(written.error().message(),
                HasSubstr("profile.yaml:2: evidence[0].file: 'evidence/cert.txt' is a symlink"));
    EXPECT_THAT(Beside(), ElementsAre("profile"));
  }
}

// issue 13 #3 (D0): a document that is another file than the one checked at load (here a
// folder on the way swapped for a symlink out of the profile's folder) is refused, and a
// symlink inside the folder is followed at copy time as at load (D4).
TEST_F(PackWriteTest, DocumentSwappedAfterLoadingIsRefused) {
  const std::filesystem::path evidence = dir_ / "profile" / "evidence";
  std::filesystem::create_directories(dir_ / "outside");
  Write(dir_ / "outside" / "cert.txt", "outside secret\n");
  std::filesystem::rename(evidence, dir_ / "profile" / "real");
  std::filesystem::create_directory_symlink(dir_ / "outside", evidence);
  Result<bool> written = WritePack(pack_, profile_, (dir_ / "pack").string());
  ASSERT_FALSE(written.ok());
  EXPECT_THAT(written.error().message(), HasSubstr("profile.yaml:2: evidence[0].file:"));
  EXPECT_THAT(Beside(), ElementsAre("outside", "profile"));
  // Another file put at the same path inside the folder: not the file that was checked.
  std::filesystem::remove(evidence);
  std::filesystem::create_directories(evidence);
  Write(evidence / "cert.txt", "a different certificate\n");
  written = WritePack(pack_, profile_, (dir_ / "pack").string());
  ASSERT_FALSE(written.ok());
  EXPECT_THAT(written.error().message(), HasSubstr("changed since the profile was loaded"));
  // The checked file reached through a symlink inside the folder is copied.
  std::filesystem::remove_all(evidence);
  std::filesystem::create_directory_symlink("real", evidence);
  written = WritePack(pack_, profile_, (dir_ / "pack").string());
  ASSERT_TRUE(written.ok()) << written.error().message();
}

// issue 13 #3: a document deleted after the profile was loaded: an error, no partial pack.
TEST_F(PackWriteTest, MissingDocumentLeavesNothing) {
  std::filesystem::remove(dir_ / "profile" / "evidence" / "cert.txt");
  Result<bool> written = WritePack(pack_, profile_, (dir_ / "pack").string());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::kIo);
  EXPECT_THAT(written.error().message(), HasSubstr("profile.yaml:2: evidence[0].file: no file"));
  EXPECT_THAT(Beside(), ElementsAre("profile"));
}

// issue 13 #3: an existing output symlink is replaced itself with --force, never followed.
// issue 13 #3: --force never replaces a symbolic link, a FIFO or a device, nor writes under /dev.
TEST_F(PackWriteTest, ForceNeverReplacesASymlinkOrASpecialFile) {
  std::filesystem::create_directories(dir_ / "elsewhere");
  Write(dir_ / "elsewhere" / "keep.txt", "keep\n");
  std::filesystem::create_directory_symlink(dir_ / "elsewhere", dir_ / "pack");
  PackWriteOptions force;
  force.force = true;
  Result<bool> link = WritePack(pack_, profile_, (dir_ / "pack").string(), force);
  ASSERT_FALSE(link.ok());
  EXPECT_THAT(link.error().message(), HasSubstr("is a symbolic link"));
  EXPECT_TRUE(std::filesystem::is_symlink(dir_ / "pack"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "elsewhere" / "index.md"));

  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  Result<bool> fifo = WritePack(pack_, profile_, (dir_ / "fifo").string(), force);
  ASSERT_FALSE(fifo.ok());
  EXPECT_THAT(fifo.error().message(), HasSubstr("FIFO"));
  EXPECT_EQ(std::filesystem::status(dir_ / "fifo").type(), std::filesystem::file_type::fifo);

  // Nothing is written under /dev (a path there that does not exist, so a regression cannot harm
  // the machine: it would only leave a folder behind, which the test removes).
  const std::string under_dev = "/dev/clausescan-pack-test-" + std::to_string(::getpid());
  Result<bool> dev = WritePack(pack_, profile_, under_dev, force);
  const bool created = std::filesystem::exists(under_dev);
  std::error_code ignored;
  std::filesystem::remove_all(under_dev, ignored);
  ASSERT_FALSE(dev.ok());
  EXPECT_THAT(dev.error().message(), HasSubstr("is under /dev"));
  EXPECT_FALSE(created);
}

// issue 13 #3 (attack D8): an interruption while the pack is written stops it, removes the
// temporary folder or zip, and leaves nothing, whether it comes before the first document or
// in the middle of one.
TEST_F(PackWriteTest, InterruptionLeavesNothing) {
  Write(dir_ / "profile" / "evidence" / "cert.txt", std::string(std::size_t{1} << 20, 'c'));
  ProfileResult loaded = LoadProfile((dir_ / "profile" / "profile.yaml").string());
  ASSERT_TRUE(loaded.ok());
  profile_ = std::move(loaded).value();
  for (int after : {0, 3, 8}) {
    for (const char* name : {"pack", "pack.zip"}) {
      SCOPED_TRACE(std::string(name) + " after " + std::to_string(after));
      int calls = 0;
      PackWriteControl control;
      control.interrupted = [&] { return ++calls > after; };
      Result<bool> written = WritePack(pack_, profile_, (dir_ / name).string(), {}, control);
      ASSERT_FALSE(written.ok());
      EXPECT_THAT(written.error().message(), HasSubstr("interrupted"));
      EXPECT_THAT(Beside(), ElementsAre("profile"));
    }
  }
}

// issue 13 #3 (attack D12): the removal of an earlier pack never enters a folder on another
// device (a mount point inside it, seen here through an injected lstat) and says what it left.
TEST(PackRemove, NeverCrossesOntoAnotherDevice) {
  const std::filesystem::path dir = testing::MakeTempDirectory("clausescan-remove-");
  std::filesystem::create_directories(dir / "old" / "mounted" / "sub");
  std::ofstream(dir / "old" / "index.md") << "x";
  std::ofstream(dir / "old" / "mounted" / "victim.txt") << "keep";
  std::ofstream(dir / "old" / "mounted" / "sub" / "p.txt") << "keep";
  struct stat folder {};
  ASSERT_EQ(::stat(dir.c_str(), &folder), 0);
  const std::string mounted = (dir / "old" / "mounted").string();
  const std::string left = internal::RemoveTree((dir / "old").string(), folder.st_dev,
                                                [&](const std::string& path, struct stat* st) {
                                                  const int result = ::lstat(path.c_str(), st);
                                                  if (path == mounted)
                                                    st->st_dev = folder.st_dev + 1;
                                                  return result;
                                                });
  EXPECT_THAT(left, HasSubstr(mounted + ": is another device"));
  EXPECT_FALSE(std::filesystem::exists(dir / "old" / "index.md"));
  EXPECT_TRUE(std::filesystem::exists(dir / "old" / "mounted" / "victim.txt"));
  EXPECT_TRUE(std::filesystem::exists(dir / "old" / "mounted" / "sub" / "p.txt"));
  // The same mount point is found before anything is written (--force refuses such a pack).
  EXPECT_EQ(internal::FindOtherDevice((dir / "old").string(), folder.st_dev,
                                      [&](const std::string& path, struct stat* st) {
                                        const int result = ::lstat(path.c_str(), st);
                                        if (path == mounted) st->st_dev = folder.st_dev + 1;
                                        return result;
                                      }),
            mounted);
  EXPECT_EQ(internal::FindOtherDevice((dir / "old").string(), folder.st_dev), "");
  // Everything on the same device goes, and nothing is said.
  EXPECT_EQ(internal::RemoveTree((dir / "old").string(), folder.st_dev), "");
  EXPECT_FALSE(std::filesystem::exists(dir / "old"));
  std::filesystem::remove_all(dir);
}

// f judged not compared with the profile's capability, as summary says.
Finding NotCompared(Finding f, const std::string& capability, const std::string& summary) {
  f.profile = ProfileJudgement{};
  f.profile->capability = capability;
  f.profile->verdict = "not_compared";
  f.profile->summary = summary;
  return f;
}

// issue 13 s8 #3: the index does not list a template's clause with a blank left to fill.
TEST(Pack, UnfilledTemplateClauseIsNotAnswered) {
  Finding blank = Clause("liability_cap", 81, {"iso-certificate"}, {});
  blank.profile = ProfileJudgement{};
  blank.profile->capability = "liability_cap";
  blank.profile->verdict = "not_compared";
  blank.profile->summary =
      "you accept 12 months of fees; the clause asks $[____]: not compared (template: unfilled)";
  const Pack pack = BuildPack({Judged({blank})}, Supplier(), On("2026-12-06"));
  ASSERT_EQ(pack.clauses.size(), 1u);
  ASSERT_EQ(pack.clauses[0].evidence.size(), 1u);
  EXPECT_FALSE(pack.clauses[0].evidence[0].listed);
  EXPECT_THAT(PackIndexMarkdown(pack), HasSubstr("0 clauses"));
  EXPECT_EQ(Copy(pack, "iso-certificate"), nullptr);
}

// issue 13 s8 #5: a verdict that depends (72 h of awareness against 48 h of confirmation) is
// in the still-missing list, to check.
TEST(Pack, DependingVerdictIsToCheck) {
  const Finding depends = NotCompared(
      Clause("incident_notification", 5, {"iso-certificate"}, {}), "notification",
      "you notify within 48 h of confirmation; the clause asks 72 h of awareness: depends on "
      "the time from awareness to confirmation");
  const Pack pack = BuildPack({Judged({depends})}, Supplier(), On("2026-12-06"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("check: judged.md:5 incident_notification clause: you notify within 48 h"));
  // issue 13 s9 #4: in one place only: until checked, no document is said to answer it.
  ASSERT_EQ(pack.clauses.size(), 1u);
  ASSERT_EQ(pack.clauses[0].evidence.size(), 1u);
  EXPECT_FALSE(pack.clauses[0].evidence[0].listed);
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("incident_notification clause")));
    EXPECT_THAT(index, HasSubstr("0 clauses"));
  }
  EXPECT_EQ(Copy(pack, "iso-certificate"), nullptr);
}

// issue 13 s9 #3: a clause only a category fallback rule found was judged by no specific rule:
// the still-missing list says to read it, and the index does not claim a document answers it.
TEST(Pack, FallbackClauseIsToReadNotAnswered) {
  Finding fallback = Clause("subprocessors", 255, {"iso-certificate"}, {});
  fallback.title = "Sub-processor duty (fallback)";
  fallback.fallback = true;
  Finding judged = Clause("security_measures", 260, {"iso-certificate"}, {});
  const Pack pack = BuildPack({Judged({fallback, judged})}, Supplier(), On("2026-12-06"));
  ASSERT_EQ(pack.clauses.size(), 2u);
  EXPECT_FALSE(pack.clauses[0].evidence[0].listed);
  EXPECT_TRUE(pack.clauses[1].evidence[0].listed);
  EXPECT_TRUE(HasGap(pack, PackGapKind::kCheck, "judged.md:255"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("check: judged.md:255 Sub-processor duty (fallback): no specific rule "
                        "judged this clause: read it"));
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("line 255")));
    EXPECT_THAT(index, HasSubstr("line 260"));
  }
}

// issue 13 s9 #2: when no contract states its term and none is given, the still-missing list
// says the documents were not checked against the term's end; with a term it does not.
TEST(Pack, NoTermKnownIsACheckLine) {
  const Pack unknown = BuildPack(Contract(), Supplier(), On("2026-12-06"));
  EXPECT_TRUE(HasGap(unknown, PackGapKind::kCheck, "term"));
  EXPECT_THAT(PackMissingText(unknown),
              HasSubstr("check: no contract states its term and no term end was given"));
  PackOptions given = On("2026-12-06");
  given.term_ends = Date("2027-06-30");
  EXPECT_FALSE(HasGap(BuildPack(Contract(), Supplier(), given), PackGapKind::kCheck, "term"));
  std::vector<Report> stated = Contract();
  stated[0].document.term_ends = "2029-12-06";
  stated[0].document.term_source = "read at line 1 (\"term of three (3) years\")";
  EXPECT_FALSE(
      HasGap(BuildPack(stated, Supplier(), On("2026-12-06")), PackGapKind::kCheck, "term"));
}

// issue 13 s10 #3: a clause another rule found inside the text of a clause the profile does
// not meet (a security-program finding on the paragraph of an on-site audit) is not answered
// either; a clause outside that text still is.
TEST(Pack, ClauseInsideANotMetClauseIsNotAnswered) {
  Finding audit = Clause("audit_rights", 107, {"iso-certificate"}, {});
  audit.start = 1000;
  audit.end = 3000;
  audit.profile = ProfileJudgement{};
  audit.profile->capability = "audit";
  audit.profile->verdict = "not_met";
  audit.profile->summary = "you offer reports in lieu of audits; the clause demands on-site "
                           "audits: not met";
  Finding program = Clause("security_measures", 107, {"iso-certificate"}, {});
  program.start = 1000;
  program.end = 3000;
  Finding response = Clause("sla_uptime", 109, {"access-control-policy"}, {});
  response.start = 1500;
  response.end = 1600;
  Finding outside = Clause("data_deletion", 120, {"iso-certificate"}, {});
  outside.start = 3000;
  outside.end = 3400;
  const Pack pack =
      BuildPack({Judged({audit, program, response, outside})}, Supplier(), On("2026-12-06"));
  ASSERT_EQ(pack.clauses.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_FALSE(pack.clauses[i].evidence[0].listed) << pack.clauses[i].category;
  }
  EXPECT_TRUE(pack.clauses[3].evidence[0].listed);
  EXPECT_EQ(Copy(pack, "access-control-policy"), nullptr);
  // issue 13 s10 #2: an item of the same audit clause shares its verdict: said once.
  Finding item = audit;
  item.line = 111;
  item.start = 3500;
  item.end = 3600;
  const Pack twice = BuildPack({Judged({audit, item})}, Supplier(), On("2026-12-06"));
  EXPECT_EQ(std::count_if(twice.missing.begin(), twice.missing.end(),
                          [](const PackGap& g) { return g.kind == PackGapKind::kNotMet; }),
            1);
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("line 107")));
    EXPECT_THAT(index, Not(HasSubstr("line 109")));
    EXPECT_THAT(index, HasSubstr("line 120"));
  }
}

// issue 13 s10 #4: a contract's term counts for the documents its own clauses list, not for
// those of another contract that states none; the still-missing list names whose term it is
// and which contract states none.
TEST(Pack, TermBelongsToTheContractThatStatesIt) {
  Report msa;
  msa.document.path = "msa.md";
  msa.document.term_ends = "2029-12-06";
  msa.document.term_source = "read at line 1 (\"term of three (3) years\")";
  msa.findings = {Clause("security_measures", 4, {"access-control-policy"}, {})};
  Report dpa;
  dpa.document.path = "dpa.md";
  dpa.findings = {Clause("incident_notification", 8, {"iso-certificate"}, {})};
  const Pack pack = BuildPack({msa, dpa}, Supplier(), On("2026-12-06"));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kExpiresInTerm, "access-control-policy"));
  EXPECT_FALSE(HasGap(pack, PackGapKind::kExpiresInTerm, "iso-certificate"));
  const std::string missing = PackMissingText(pack);
  EXPECT_THAT(missing, HasSubstr("before the contract's term ends (2029-12-06, the term of msa.md"));
  EXPECT_THAT(missing, HasSubstr("check: dpa.md states no term and no term end was given"));
  // --term-ends is every contract's term: one line per document, no check line.
  PackOptions given = On("2026-12-06");
  given.term_ends = Date("2029-12-06");
  const Pack both = BuildPack({msa, dpa}, Supplier(), given);
  EXPECT_TRUE(HasGap(both, PackGapKind::kExpiresInTerm, "iso-certificate"));
  EXPECT_FALSE(HasGap(both, PackGapKind::kCheck, "term"));
}

// issue 13 s11 #3 #1: a clause the profile was not compared with (a super-cap, a window the
// contract sets by a cover-page term) is a check line, and no document is said to answer it.
TEST(Pack, NotComparedVerdictIsACheckLineNotAnswered) {
  const Finding super_cap = NotCompared(
      Clause("liability_cap", 111, {"insurance-certificate", "iso-certificate"}, {}),
      "liability_cap",
      "you accept a cap of 12 months of fees; the clause sets a super-cap of 36 months of fees: "
      "not compared (a super-cap for some claims, not the general cap)");
  const Pack pack = BuildPack({Judged({super_cap})}, Supplier(), On("2026-12-06"));
  EXPECT_TRUE(HasGap(pack, PackGapKind::kCheck, "judged.md:111"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("check: judged.md:111 liability_cap clause: you accept a cap of 12 months"));
  ASSERT_EQ(pack.clauses.size(), 1u);
  for (const PackEvidence& e : pack.clauses[0].evidence) EXPECT_FALSE(e.listed) << e.evidence;
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, Not(HasSubstr("line 111")));
  }
  EXPECT_EQ(Copy(pack, "iso-certificate"), nullptr);
  // A profile that states no cap at all compares no cap clause: no check line, still answered.
  const Finding no_stance = NotCompared(
      Clause("liability_cap", 111, {"iso-certificate"}, {}), "liability_cap",
      "your profile states no liability cap; the clause sets 12 months of fees: not compared");
  const Pack stated_none = BuildPack({Judged({no_stance})}, Supplier(), On("2026-12-06"));
  EXPECT_FALSE(HasGap(stated_none, PackGapKind::kCheck, "judged.md:111"));
  EXPECT_TRUE(stated_none.clauses[0].evidence[0].listed);
}

// issue 13 s11 #5: the index has one row per clause line, however many categories were found
// on it: their titles once each, their documents once each.
TEST(Pack, IndexHasOneRowPerClauseLine) {
  Finding notice = Clause("incident_notification", 83, {"incident-response-procedure"}, {});
  Finding assistance =
      Clause("data_processing", 83, {"incident-response-procedure", "iso-certificate"}, {});
  Finding other = Clause("security_measures", 90, {"iso-certificate"}, {});
  const Pack pack = BuildPack({Judged({notice, assistance, other})}, Supplier(), On("2026-12-06"));
  const std::string md = PackIndexMarkdown(pack);
  const std::string html = PackIndexHtml(pack);
  auto count = [](const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(count(md, "| line 83 |"), 1u) << md;
  EXPECT_EQ(count(html, ">line 83<"), 1u);
  EXPECT_THAT(html, HasSubstr("incident_notification clause; data_processing clause"));
  EXPECT_THAT(md, HasSubstr("2 documents for 2 clauses."));
  const std::size_t row = md.find("| line 83 |");
  const std::string line83 = md.substr(row, md.find('\n', row) - row);
  EXPECT_EQ(count(line83, "incident-response-procedure title"), 1u) << line83;
}

// issue 13 s11 #4: a control the SoA excludes is a gap that names the clause demanding it, as
// the other still-missing lines do, and how many others do.
TEST(Pack, ControlGapNamesTheClauseThatDemandsIt) {
  const Pack pack =
      BuildPack({Judged({Clause("security_measures", 7, {"iso-certificate"}, {"A.8.13"}),
                         Clause("data_deletion", 12, {"iso-certificate"}, {"A.8.13"})})},
                Supplier(), On("2026-12-06"));
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("judged.md:7 security_measures clause demands A.8.13 (A.8.13 title) (as "
                        "does 1 other clause), which your SoA excludes"));
}

// issue 13 s9 #7: a planned control's justification is the supplier's plan: the excerpt the
// buyer reads marks the row planned without it, and the still-missing list says so.
TEST(Pack, PlannedControlKeepsItsPlanOutOfTheExcerpt) {
  Profile profile = Supplier();
  profile.soa.push_back(
      {"A.8.12", true, ControlStatus::kPlanned, "DLP rollout due Q3 2027", "acme.yaml", 7});
  const Pack pack = BuildPack(
      {Judged({Clause("security_measures", 4, {"iso-certificate"}, {"A.8.12", "A.5.24"})})},
      profile, On("2026-12-06"));
  const std::string csv = internal::SoaExcerptCsv(pack);
  const std::string md = internal::SoaExcerptMarkdown(pack);
  EXPECT_THAT(csv, HasSubstr("A.8.12,A.8.12 title,yes,planned,\r\n"));
  EXPECT_THAT(csv + md, Not(HasSubstr("DLP rollout")));
  EXPECT_THAT(md, HasSubstr("A control marked planned is not yet in place."));
  EXPECT_THAT(csv, HasSubstr("risk assessment"));  // an implemented row keeps its justification
  EXPECT_THAT(PackMissingText(pack),
              HasSubstr("A.8.12 (A.8.12 title), which your SoA marks planned: implement or "
                        "negotiate (the SoA excerpt shows it as planned, without your "
                        "justification)"));
}

// issue 13 s10 #1: a row merges the rules found on one line; it is titled by the rules whose
// evidence it lists, never by a rule whose evidence the pack lacks (Supabase DPA 3.2: titled
// "instructions", answered by the assistance rule's incident procedure).
TEST(Pack, RowIsTitledByTheRulesItsEvidenceAnswers) {
  Finding instructions = Clause("data_processing", 51, {"dpa-template"}, {});
  instructions.rule = "data-processing.instructions";
  instructions.title = "Processing only on documented instructions";
  Finding assistance = Clause("data_processing", 51, {"incident-response-procedure"}, {});
  assistance.rule = "data-processing.assistance";
  assistance.title = "Assistance to the customer";
  Finding both = Clause("insurance", 60, {"iso-certificate"}, {});
  both.title = "Cover A";
  Finding both_b = Clause("insurance", 60, {"access-control-policy"}, {});
  both_b.title = "Cover B";
  const Pack pack =
      BuildPack({Judged({instructions, assistance, both, both_b})}, Supplier(), On("2026-12-06"));
  for (const std::string& index : {PackIndexMarkdown(pack), PackIndexHtml(pack)}) {
    EXPECT_THAT(index, HasSubstr("Assistance to the customer"));
    EXPECT_THAT(index, Not(HasSubstr("Processing only on documented instructions")));
    EXPECT_THAT(index, HasSubstr("Cover A; Cover B"));
  }
}

// issue 13 s10 #2: the still-missing list stays short: the controls the SoA does not list are
// one line naming every id, and of the documents missing, the one most clauses ask for is first.
TEST(Pack, StillMissingGroupsUnlistedControlsAndPutsTheMostAskedFirst) {
  const Pack pack = BuildPack({Judged({Clause("a", 1, {"deletion-procedure"}, {"A.8.10", "A.8.24"}),
                                       Clause("b", 2, {"dpa-template"}, {"A.5.15", "A.8.10"}),
                                       Clause("c", 3, {"dpa-template"}, {"A.5.34"}),
                                       Clause("d", 4, {"dpa-template"}, {"A.5.24"})})},
                              Supplier(), On("2026-12-06"));
  const std::string text = PackMissingText(pack);
  std::size_t lines = 0;
  std::string unlisted;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find("does not list") == std::string::npos) continue;
    ++lines;
    unlisted = line;
  }
  EXPECT_EQ(lines, 1u) << text;
  for (const char* id : {"A.5.15", "A.5.34", "A.8.10", "A.8.24"}) {
    EXPECT_THAT(unlisted, HasSubstr(id));
  }
  EXPECT_THAT(unlisted, Not(HasSubstr("A.5.24")));
  EXPECT_LT(text.find("dpa-template"), text.find("deletion-procedure")) << text;
}

// issue 13 s10 #3: a bidi override or a control character from the profile or a contract's
// path reaches the still-missing list shown ("[U+202E]"), never raw on the terminal.
TEST(Pack, StillMissingShowsBidiAndControlCharacters) {
  Profile profile = Supplier();
  Finding f = Clause("a", 1, {"dpa-template"}, {});
  f.evidence[0].title = "Policy \u202Efdp.exe\x1b[31m red";
  const std::string text = PackMissingText(BuildPack({Judged({f})}, profile, On("2026-12-06")));
  EXPECT_THAT(text, HasSubstr("[U+202E]"));
  EXPECT_THAT(text, Not(HasSubstr("\u202E")));
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

}  // namespace
}  // namespace clausescan

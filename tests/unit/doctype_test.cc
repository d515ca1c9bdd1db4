// Document type guess (structure/doctype.h) and missing clauses (assess/assess.h): the guesser on
// hand-built types, the shipped rules/doctypes.yaml on short documents and real contracts, and
// the clauses each type expects.
#include "structure/doctype.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "assess/assess.h"
#include "clausescan/rules.h"
#include "clausescan/scanner.h"

#include "support/build_paths.h"

namespace clausescan::internal {
namespace {

// ---------------------------------------------------------------------------------------------
// Head of a document.

TEST(FrontMatterTitle, Table) {
  const struct {
    const char* text;
    const char* title;
  } cases[] = {
      {"---\ntitle: GitHub Terms of Service\n---\n# Body\n", "GitHub Terms of Service"},
      {"---\nredirect_from:\n  - /tos\ntitle: 'Data Processing Addendum'\n---\n",
       "Data Processing Addendum"},
      {"---\r\ntitle: \"Quoted\"\r\n---\r\n", "Quoted"},
      {"---\nauthor: x\n---\ntitle: After the front matter\n", ""},
      {"# title: not front matter\n", ""},
      {"---\n  title: indented is a nested key\n---\n", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FrontMatterTitle(c.text), c.title) << c.text;
}

TEST(TitleLines, FrontMatterTitleFirstThenShortLines) {
  const std::string text =
      "# Data Processing Addendum\n\n"
      "This addendum forms part of the agreement between the parties named on the cover page "
      "and applies to all personal data.\n"
      "1. Definitions\n";
  const std::vector<std::string_view> lines = TitleLines("Front Title", text, text);
  EXPECT_EQ(lines, (std::vector<std::string_view>{"Front Title", "# Data Processing Addendum",
                                                  "1. Definitions"}));
}

TEST(TitleLines, LinesOfTheCasedViewContentOfTheFolded) {
  // The folded view has spaces where the cased view breaks lines.
  const std::string text = "MASTER SERVICES AGREEMENT\nBetween A and B\n";
  const std::string folded = "master services agreement between a and b ";
  EXPECT_EQ(TitleLines("", text, folded),
            (std::vector<std::string_view>{"master services agreement", "between a and b"}));
}

TEST(TitleLines, OnlyTheFirstNonBlankLines) {
  std::string text;
  for (int i = 0; i < kTitleLines + 5; ++i) text += "line " + std::to_string(i) + "\n\n";
  const std::vector<std::string_view> lines = TitleLines("", text, text);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kTitleLines));
  EXPECT_EQ(lines.back(), "line " + std::to_string(kTitleLines - 1));
}

// ---------------------------------------------------------------------------------------------
// The guesser on hand-built types.

DocType Type(std::string id, std::vector<std::string> titles,
             std::vector<DocTypeSignal> signals = {}, double threshold = 0) {
  DocType type;
  type.id = std::move(id);
  type.titles = std::move(titles);
  type.signals = std::move(signals);
  type.threshold = threshold;
  return type;
}

std::vector<DocType> TestTypes() {
  return {Type("dpa", {"\\bdata processing (agreement|addendum)\\b"},
               {{"\\bprocessor\\b", 2}, {"\\bdata subjects?\\b", 2}, {"\\bcontroller\\b", 1}}, 4),
          Type("msa", {"\\bservices agreement\\b", "\\bterms of service\\b"},
               {{"\\bfees\\b", 1}, {"\\border form\\b", 2}}, 3),
          Type("sla", {"^\\W*sla\\b"}, {}, 0)};
}

const DocTypeGuesser& TestGuesser() {
  static const std::unique_ptr<DocTypeGuesser> guesser = [] {
    Result<std::unique_ptr<DocTypeGuesser>> compiled =
        DocTypeGuesser::Compile(TestTypes(), "doctypes.yaml");
    EXPECT_TRUE(compiled.ok()) << compiled.error().message();
    return std::move(*compiled);
  }();
  return *guesser;
}

std::string GuessedId(std::string_view front, const std::string& text) {
  static const std::vector<DocType> types = TestTypes();
  const int index = TestGuesser().Guess(front, text, text);
  return index < 0 ? "other" : types[index].id;
}

TEST(DocTypeGuesser, Table) {
  const struct {
    const char* name;
    const char* front;
    const char* text;
    const char* type;
  } cases[] = {
      {"title", "", "# data processing agreement\n", "dpa"},
      {"earliest title in a line wins", "",
       "this data processing addendum forms part of the services agreement\n", "dpa"},
      {"leftmost match wins over the type listed first", "",
       "services agreement with a data processing addendum\n", "msa"},
      {"earlier line wins", "", "services agreement\nannex: data processing addendum\n", "msa"},
      {"front matter title first", "terms of service", "data processing addendum\n", "msa"},
      {"anchored title pattern", "", "# sla\n", "sla"},
      {"anchor is the line start", "", "see the sla\n", "other"},
      {"long line is no title", "",
       "personal data as defined in the data processing agreement between the parties applies "
       "here\n",
       "other"},
      {"body reaches threshold", "", "the processor helps the controller with data subjects.\n",
       "dpa"},
      {"body below threshold", "", "the processor acts.\n", "other"},
      {"a tie goes to the type listed first", "",
       "fees are in the order form. the processor serves data subjects.\n", "dpa"},  // 4/4, 3/3
      {"only types at their threshold compete", "", "fees in the order form. the processor acts.\n",
       "msa"},
      {"widest margin wins over the first", "",
       "fees are in the order form. the processor and the controller serve data subjects.\n",
       "dpa"},  // dpa 5/4, msa 3/3
      {"signals count once", "", "fees fees fees fees.\n", "other"},
      {"nothing", "", "the quick brown fox.\n", "other"},
  };
  for (const auto& c : cases) EXPECT_EQ(GuessedId(c.front, c.text), c.type) << c.name;
}

TEST(DocTypeGuesser, BadPatternNamesFileAndType) {
  std::vector<DocType> types = {Type("dpa", {"(unclosed"})};
  types[0].line = 7;
  Result<std::unique_ptr<DocTypeGuesser>> compiled = DocTypeGuesser::Compile(types, "d.yaml");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error().message(),
            "d.yaml:7: document type 'dpa': pattern '(unclosed': missing ): (unclosed");
}

TEST(DocTypeGuesser, ApplicableFollowsAppliesIf) {
  std::vector<DocType> types = {Type("dpa", {"\\bdpa\\b"})};
  types[0].expects.resize(3);
  types[0].expects[1].applies_if = {"\\bgdpr\\b", "\\b2016/679\\b"};
  types[0].expects[2].applies_if = {"\\bhipaa\\b"};
  Result<std::unique_ptr<DocTypeGuesser>> compiled = DocTypeGuesser::Compile(types, "d.yaml");
  ASSERT_TRUE(compiled.ok()) << compiled.error().message();
  EXPECT_EQ((*compiled)->Applicable(0, "regulation (eu) 2016/679 applies"),
            (std::vector<bool>{true, true, false}));
}

// A pack checked at build time compiles its types on the first question: the same answers.
TEST(DocTypeGuesser, CheckedTypesCompileOnFirstQuestionAndAnswerAlike) {
  std::vector<DocType> types = TestTypes();
  types[0].expects.resize(2);
  types[0].expects[1].applies_if = {"\\bgdpr\\b"};
  Result<std::unique_ptr<DocTypeGuesser>> eager = DocTypeGuesser::Compile(types, "d.yaml");
  Result<std::unique_ptr<DocTypeGuesser>> lazy = DocTypeGuesser::Compile(types, "d.yaml", true);
  ASSERT_TRUE(eager.ok()) << eager.error().message();
  ASSERT_TRUE(lazy.ok()) << lazy.error().message();
  for (const char* text :
       {"# data processing agreement\n", "services agreement\nannex: data processing addendum\n",
        "this data processing addendum forms part of the services agreement\n",
        "the processor helps the controller with data subjects.\n",
        "fees are in the order form. the processor serves data subjects.\n", "# sla\n",
        "the quick brown fox.\n"}) {
    EXPECT_EQ((*lazy)->Guess("", text, text), (*eager)->Guess("", text, text)) << text;
    EXPECT_EQ((*lazy)->Applicable(0, text), (*eager)->Applicable(0, text)) << text;
  }
}

// Should a checked pack's pattern fail after all, the part it belongs to (titles, signals,
// applies_if: each compiled on its first use) matches nothing: no title, no signal, or every
// expectation applies.
TEST(DocTypeGuesser, CheckedTypesWithABadPatternGuessNothing) {
  std::vector<DocType> types = {Type("dpa", {"\\bdpa\\b", "(unclosed"})};
  types[0].expects.resize(2);
  types[0].expects[1].applies_if = {"\\bhipaa\\b"};
  Result<std::unique_ptr<DocTypeGuesser>> compiled = DocTypeGuesser::Compile(types, "d.yaml", true);
  ASSERT_TRUE(compiled.ok()) << compiled.error().message();
  EXPECT_EQ((*compiled)->Guess("", "# dpa\n", "# dpa\n"), -1);
  EXPECT_EQ((*compiled)->Applicable(0, "no such law"), (std::vector<bool>{true, false}));
  EXPECT_EQ((*compiled)->Applicable(0, "under hipaa"), (std::vector<bool>{true, true}));
  types[0].titles = {"\\bdpa\\b"};
  types[0].expects[1].applies_if = {"(unclosed"};
  compiled = DocTypeGuesser::Compile(types, "d.yaml", true);
  ASSERT_TRUE(compiled.ok()) << compiled.error().message();
  EXPECT_EQ((*compiled)->Guess("", "# dpa\n", "# dpa\n"), 0);
  EXPECT_EQ((*compiled)->Applicable(0, "no such law"), (std::vector<bool>{true, true}));
}

// ---------------------------------------------------------------------------------------------
// Missing clauses on hand-built data.

Finding MakeFinding(std::string rule, std::string category,
                    std::map<std::string, ParamValue> params = {}) {
  Finding f;
  f.rule = std::move(rule);
  f.category = std::move(category);
  f.parameters = std::move(params);
  return f;
}

Expectation Expect(std::string category, std::vector<Condition> where = {}) {
  Expectation e;
  e.category = std::move(category);
  e.where = std::move(where);
  e.reason = "no " + e.category;
  e.risk = Risk::kHigh;
  return e;
}

class MissingClausesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Rule supplier;
    supplier.id = "a.supplier";
    supplier.party = Party::kSupplier;
    Rule customer;
    customer.id = "b.customer";
    customer.party = Party::kCustomer;
    data_.rules = {supplier, customer};  // sorted by id
    Condition element;
    element.param = "element";
    element.value = std::string("a");
    Expectation hidden = Expect("audit_rights");
    hidden.detectable = false;
    type_.expects = {Expect("data_deletion"), Expect("data_processing", {element}),
                     Expect("incident_notification"), hidden};
  }
  std::vector<std::string> Missing(const std::vector<Finding>& findings,
                                   const std::vector<bool>& applicable = {}) {
    std::vector<std::string> categories;
    for (const MissingClause& m : MissingClauses(data_, type_, findings, applicable)) {
      categories.push_back(m.category);
      EXPECT_EQ(m.reason, "no " + m.category);
      EXPECT_EQ(m.risk, Risk::kHigh);
    }
    return categories;
  }
  RuleSetData data_;
  DocType type_;
};

TEST_F(MissingClausesTest, EverythingMissingInExpectsOrderButUndetectable) {
  EXPECT_EQ(Missing({}), (std::vector<std::string>{"data_deletion", "data_processing",
                                                   "incident_notification"}));
}

TEST_F(MissingClausesTest, FindingOfTheCategoryProvides) {
  EXPECT_EQ(Missing({MakeFinding("a.supplier", "data_deletion"),
                     MakeFinding("unknown.rule", "incident_notification")}),
            std::vector<std::string>{"data_processing"});
}

TEST_F(MissingClausesTest, WhereMustHold) {
  EXPECT_EQ(
      Missing({MakeFinding("a.supplier", "data_processing", {{"element", std::string("b")}}),
               MakeFinding("a.supplier", "data_processing")}),
      (std::vector<std::string>{"data_deletion", "data_processing", "incident_notification"}));
  EXPECT_EQ(
      Missing({MakeFinding("a.supplier", "data_processing", {{"element", std::string("a")}})}),
      (std::vector<std::string>{"data_deletion", "incident_notification"}));
}

TEST_F(MissingClausesTest, CustomerDutyProvidesNothing) {
  EXPECT_EQ(
      Missing({MakeFinding("b.customer", "incident_notification")}),
      (std::vector<std::string>{"data_deletion", "data_processing", "incident_notification"}));
}

TEST_F(MissingClausesTest, NotApplicableIsNotReported) {
  EXPECT_EQ(Missing({}, {true, false, true, true}),
            (std::vector<std::string>{"data_deletion", "incident_notification"}));
}

// ---------------------------------------------------------------------------------------------
// The shipped rules: rules/doctypes.yaml through the whole scan.

Report ScanText(const std::string& text, const std::string& name = "contract.txt") {
  Result<RuleSet> rules = RuleSet::Builtin();
  EXPECT_TRUE(rules.ok()) << rules.error().message();
  Result<Report> report = Scanner(*rules).ScanBytes(text, name);
  EXPECT_TRUE(report.ok()) << report.error().message();
  return report.ok() ? *report : Report{};
}

// An empty upload (a failed download, a blank export) must not read as a clean contract.
// issue 16 review #6: an empty file or one of blank space only is called empty.
TEST(BuiltinDocTypes, AnEmptyDocumentSaysNothingWasScanned) {
  for (const char* text : {"", "\n\n \t\r\n"}) {
    Report report = ScanText(text);
    EXPECT_TRUE(report.findings.empty());
    ASSERT_EQ(report.notes.size(), 1u) << '"' << text << '"';
    EXPECT_EQ(report.notes[0], "the document is empty: nothing was scanned");
  }
  // a no-break space, and a Markdown file that holds only front matter and a comment
  for (const auto& [text, name] :
       {std::pair<std::string, std::string>{"\xC2\xA0\n", "blank.txt"},
        {"---\ntitle: Draft\n---\n<!-- to be written -->\n", "draft.md"}}) {
    Report report = ScanText(text, name);
    ASSERT_EQ(report.notes.size(), 1u) << name;
    EXPECT_EQ(report.notes[0], "the document has no text: nothing was scanned");
  }
  EXPECT_TRUE(ScanText("Supplier shall keep records.").notes.empty());
}

TEST(BuiltinDocTypes, ShortDocuments) {
  const struct {
    const char* name;
    const char* file;
    const char* text;
    const char* type;
  } cases[] = {
      {"dpa heading", "a.md", "# Data Processing Addendum\n\nThe parties agree as follows.\n",
       "dpa"},
      {"dpa names the msa later", "a.txt",
       "This Data Processing Addendum forms part of the Master Services Agreement.\n", "dpa"},
      {"msa", "a.txt", "MASTER SUBSCRIPTION AGREEMENT\n\n1. Services.\n", "msa"},
      {"cloud terms", "a.md", "# Bonterms Cloud Terms (Version 1.0)\n", "msa"},
      {"terms of service", "a.md", "# Terms of Service\n\nWelcome.\n", "msa"},
      {"sla", "a.md", "# Service Level Agreement\n\n1. Uptime.\n", "sla"},
      {"security addendum", "a.md", "# Information Security Addendum\n", "security_addendum"},
      {"security addendum to the msa", "a.md",
       "# Security Schedule to the Master Services Agreement\n", "security_addendum"},
      {"supplier security requirements", "a.md", "# Supplier Security Requirements\n",
       "security_addendum"},
      {"scc", "a.txt", "STANDARD CONTRACTUAL CLAUSES (MODULE TWO)\n", "scc"},
      {"front matter title", "a.md",
       "---\ntitle: Data Processing Addendum\n---\n\nController and Processor add these terms to "
       "their services agreement:\n",
       "dpa"},
      {"sla by its body", "a.txt",
       "1. Service Levels. Supplier shall meet the service levels. If it does not, Customer "
       "receives service credits. Downtime excludes scheduled maintenance. A service level "
       "failure is measured monthly.\n",
       "sla"},
      {"scc by its body", "a.txt",
       "1. The data exporter transfers personal data to the data importer in a third country "
       "under the standard contractual clauses.\n",
       "scc"},
      {"nda", "a.md", "# Mutual Non-Disclosure Agreement\n\nEach party keeps secrets.\n", "other"},
      {"empty", "a.txt", "", "other"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ScanText(c.text, c.file).document.type, c.type) << c.name;
  }
}

// issue 15 #1 (review): a processing agreement whose opening sentence names it ("This Data
// Processing Addendum ... forms part of") is a DPA even when it incorporates the SCCs and their
// words outweigh its own; the SCC text itself, which opens on its clauses, stays scc.
TEST(BuiltinDocTypes, ProcessingAgreementIncorporatingTheSccsIsADpa) {
  const std::string sccs_words =
      "The data exporter and the data importer agree that the Standard Contractual Clauses "
      "(Module Two and Module Three) apply to any transfer of personal data to a third country, "
      "and the data importer shall process personal data on documented instructions.\n";
  const std::string dpa =
      "This Data Processing Addendum (the \"Addendum\") supplements the hosting terms agreed "
      "between the Client and Larkspur Hosting Ltd for the hosting service.\n\n1. Transfers. " +
      sccs_words;
  EXPECT_EQ(ScanText(dpa, "a.md").document.type, "dpa");
  const std::string sccs =
      "Clause 1\n\nPurpose and scope\n\n(a) The purpose of these standard contractual clauses "
      "is to ensure compliance with the requirements of Regulation (EU) 2016/679.\n\n" +
      sccs_words;
  EXPECT_EQ(ScanText(sccs, "a.md").document.type, "scc");
}

std::string SharedPath(const std::string& relative) {
  return std::string(CLAUSESCAN_SHARED_DIR) + "/corpus/" + relative;
}

TEST(BuiltinDocTypes, RealContracts) {
  const struct {
    std::string path;
    const char* type;
  } cases[] = {
      {SharedPath("commonpaper/commonpaper-data-processing-agreement.md"), "dpa"},
      {SharedPath("bonterms/bonterms-data-protection-addendum-v1.0.md"), "dpa"},
      {SharedPath("commonpaper/commonpaper-service-level-agreement.md"), "sla"},
      {SharedPath("commonpaper/commonpaper-cloud-service-agreement.md"), "msa"},
      {SharedPath("github/github-dpa-2023-attachment1-eu-scc-2021-module2.md"), "scc"},
      {std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/security-addendum.md", "security_addendum"},
      {std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/dpa.md", "dpa"},
      {std::string(CLAUSESCAN_SOURCE_DIR) + "/corpus/msa.txt", "msa"},
  };
  if (!std::filesystem::exists(SharedPath(""))) {
    GTEST_SKIP() << "no shared corpus at " << SharedPath("");
  }
  Result<RuleSet> rules = RuleSet::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const Scanner scanner(*rules);
  for (const auto& c : cases) {
    Result<Report> report = scanner.ScanFile(c.path);
    ASSERT_TRUE(report.ok()) << report.error().message();
    EXPECT_EQ(report->document.type, c.type) << c.path;
  }
}

std::vector<std::string> MissingCategories(const Report& report) {
  std::vector<std::string> out;
  for (const MissingClause& m : report.missing) out.push_back(m.category);
  return out;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

const MissingClause* FindMissing(const Report& report, const std::string& category) {
  for (const MissingClause& m : report.missing) {
    if (m.category == category) return &m;
  }
  return nullptr;
}

bool HasFinding(const Report& report, const std::string& category) {
  return std::any_of(report.findings.begin(), report.findings.end(),
                     [&](const Finding& f) { return f.category == category; });
}

constexpr const char kDpaHeader[] =
    "# Data Processing Agreement\n\n"
    "This agreement applies to Personal Data processed under the GDPR.\n\n";
constexpr const char kNotice[] =
    "2. Processor shall notify Controller without undue delay and in any event within 48 hours "
    "after becoming aware of a Personal Data Breach.\n\n";
constexpr const char kDeletion[] =
    "3. Processor shall delete all Personal Data within 30 days after the end of the "
    "services.\n\n";

TEST(BuiltinMissing, DpaWithoutDeletion) {
  const Report report = ScanText(std::string(kDpaHeader) + kNotice, "dpa.md");
  ASSERT_EQ(report.document.type, "dpa");
  ASSERT_TRUE(HasFinding(report, "incident_notification"));
  const MissingClause* deletion = FindMissing(report, "data_deletion");
  ASSERT_NE(deletion, nullptr);
  EXPECT_EQ(deletion->risk, Risk::kMedium);
  EXPECT_NE(deletion->reason.find("Art. 28(3)(g)"), std::string::npos) << deletion->reason;
  EXPECT_FALSE(Has(MissingCategories(report), "incident_notification"));
}

TEST(BuiltinMissing, DefinedBreachIsNoNotification) {
  const Report report = ScanText(std::string(kDpaHeader) +
                                     "1.1 \"Personal Data Breach\" means a breach of security "
                                     "leading to the accidental or unlawful destruction, loss, "
                                     "alteration, unauthorised disclosure of, or access to, "
                                     "Personal Data.\n\n" +
                                     kDeletion,
                                 "dpa.md");
  ASSERT_EQ(report.document.type, "dpa");
  EXPECT_FALSE(HasFinding(report, "incident_notification"));
  EXPECT_TRUE(Has(MissingCategories(report), "incident_notification"));
  EXPECT_FALSE(Has(MissingCategories(report), "data_deletion"));
}

TEST(BuiltinMissing, ArticleTwentyEightElementNamedInTheReason) {
  const Report report = ScanText(std::string(kDpaHeader) + kNotice + kDeletion, "dpa.md");
  const auto instructions =
      std::find_if(report.missing.begin(), report.missing.end(), [](const MissingClause& m) {
        return m.reason.find("documented instructions (GDPR Art. 28(3)(a))") != std::string::npos;
      });
  ASSERT_NE(instructions, report.missing.end());
  EXPECT_EQ(instructions->category, "data_processing");
}

TEST(BuiltinMissing, NoGdprNoArticleTwentyEightElements) {
  const Report report =
      ScanText("# Business Associate Agreement\n\n" + std::string(kNotice) + kDeletion, "baa.md");
  ASSERT_EQ(report.document.type, "dpa");
  EXPECT_FALSE(Has(MissingCategories(report), "data_processing"));
}

constexpr const char kMsa[] =
    "MASTER SERVICES AGREEMENT\n\n"
    "1. Supplier shall provide the Services described in each Order Form.\n\n"
    "2. Customer shall pay the Fees within thirty (30) days of invoice.\n\n";

TEST(BuiltinMissing, MsaWithoutCapIsUnlimited) {
  const Report report = ScanText(kMsa);
  ASSERT_EQ(report.document.type, "msa");
  const MissingClause* cap = FindMissing(report, "liability_cap");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->risk, Risk::kHigh);
  EXPECT_NE(cap->reason.find("unlimited"), std::string::npos) << cap->reason;
  EXPECT_EQ(report.WorstRisk(), Risk::kHigh);
}

TEST(BuiltinMissing, MsaWithCap) {
  const Report report = ScanText(
      std::string(kMsa) +
      "3. In no event shall either party's aggregate liability arising out of this Agreement "
      "exceed the fees paid by Customer in the twelve (12) months preceding the claim.\n");
  ASSERT_EQ(report.document.type, "msa");
  ASSERT_TRUE(HasFinding(report, "liability_cap"));
  EXPECT_EQ(FindMissing(report, "liability_cap"), nullptr);
}

TEST(BuiltinMissing, OtherDocumentsExpectNothing) {
  const Report report =
      ScanText("# Mutual Non-Disclosure Agreement\n\nEach party keeps secrets.\n", "nda.md");
  EXPECT_EQ(report.document.type, "other");
  EXPECT_TRUE(report.missing.empty());
}

}  // namespace
}  // namespace clausescan::internal

// Template documents (issue 15 #5): options whose checkbox is not ticked are no agreed terms,
// ticked ones are, checkbox lines never name a section, and unfilled placeholders are counted
// once per document.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "support/document_files.h"
#include "text/template_marks.h"

namespace clausescan {
namespace {

namespace files = ::clausescan::testing;

const Scanner& BuiltinScanner() {
  static const Scanner* scanner = [] {
    Result<RuleSet> rules = RuleSet::Builtin();
    if (!rules.ok()) std::abort();
    return new Scanner(*rules);
  }();
  return *scanner;
}

Report Scan(const std::string& doc, const std::string& name) {
  Result<Report> report = BuiltinScanner().ScanBytes(doc, name);
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message());
  return report.ok() ? *report : Report{};
}

std::vector<const Finding*> OfCategory(const Report& report, const std::string& category) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.category == category) out.push_back(&f);
  }
  return out;
}

bool HasNote(const Report& report, const std::string& note) {
  for (const std::string& n : report.notes) {
    if (n.find(note) != std::string::npos) return true;
  }
  return false;
}

const char* const kUnticked =
    "Provider will indemnify, defend and hold harmless Customer against all claims arising from "
    "a breach of this DPA, without limit.";
const char* const kTicked =
    "Each party will indemnify the other party against third-party claims arising from its "
    "breach of this DPA.";

// issue 15 #5: "[ ]", "☐" and "□" options are not scanned; "[x]", "☒" and "☑" ones are.
TEST(Template, UntickedOptionsGiveNoFindingAndTickedOnesDo) {
  const std::pair<std::string, std::string> boxes[] = {
      {"[ ]", "[x]"},
      {"[ ]", "[X]"},
      {"\xE2\x98\x90", "\xE2\x98\x92"},  // ☐ ☒
      {"\xE2\x96\xA1", "\xE2\x98\x91"},  // □ ☑
      {"- [ ]", "- [x]"},                // a Markdown task list
  };
  for (const auto& [open, ticked] : boxes) {
    for (const std::string name : {"dpa.md", "dpa.txt"}) {
      const std::string doc =
          "1. Indemnities\n\n" + open + " " + kUnticked + "\n\n" + ticked + " " + kTicked + "\n";
      const Report report = Scan(doc, name);
      const std::vector<const Finding*> found = OfCategory(report, "indemnification");
      ASSERT_EQ(found.size(), 1u) << open << " " << name;
      EXPECT_NE(found[0]->text.find("Each party will indemnify"), std::string::npos);
      EXPECT_EQ(report.document.options_not_selected, 1u) << open;
      EXPECT_TRUE(HasNote(report, "template: 1 option not selected")) << open;
    }
  }
}

// issue 15 #5: an unticked option runs on over its wrapped lines, up to a blank line or the
// next option; the text after it is scanned again.
TEST(Template, AnUntickedOptionCoversItsWrappedLinesOnly) {
  const std::string doc =
      "[ ] Provider will indemnify, defend and hold harmless Customer\n"
      "against all claims arising from a breach of this DPA.\n"
      "[x] Provider will notify Customer of a Security Incident within 48 hours.\n\n"
      "Provider shall maintain cyber liability insurance of at least $2,000,000.\n";
  const Report report = Scan(doc, "terms.txt");
  EXPECT_TRUE(OfCategory(report, "indemnification").empty());
  EXPECT_EQ(OfCategory(report, "incident_notification").size(), 1u);
  EXPECT_EQ(OfCategory(report, "insurance").size(), 1u);
}

// issue 15 #5: a checkbox line, ticked or not, heading-styled or not, never names a section.
TEST(Template, NoSectionIsNamedAfterACheckboxLine) {
  for (const std::string option :
       {"[ ] HIPAA", "[x] HIPAA", "## [x] HIPAA", "\xE2\x98\x90 HIPAA", "- [ ] HIPAA"}) {
    const std::string doc = "## 4. Security\n\n" + option +
                            "\n\nProvider shall maintain cyber liability insurance of at least "
                            "$2,000,000.\n";
    const Report report = Scan(doc, "dpa.md");
    const std::vector<const Finding*> found = OfCategory(report, "insurance");
    ASSERT_EQ(found.size(), 1u) << option;
    EXPECT_EQ(found[0]->section, "4. Security") << option;
  }
}

// issue 15 #5: an unticked option styled as a heading holds the text up to the next heading of
// its level: none of it is an agreed term.
TEST(Template, AnUntickedHeadingOptionHoldsItsBody) {
  const std::string doc =
      "## 4. Security\n\n## [ ] HIPAA\n\nProvider shall maintain cyber liability insurance of at "
      "least $2,000,000.\n\n## 5. Audits\n\nProvider will notify Customer of a Security "
      "Incident within 48 hours.\n";
  const Report report = Scan(doc, "dpa.md");
  EXPECT_TRUE(OfCategory(report, "insurance").empty());
  const std::vector<const Finding*> found = OfCategory(report, "incident_notification");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->section, "5. Audits");
}

// issue 15 #5: placeholders are counted once per document, in a note and in document.template.
TEST(Template, UnfilledPlaceholdersAreOneNote) {
  const std::string doc =
      "Provider will notify Customer within {Notification Period} after becoming aware of a "
      "Security Incident.\n\nThe governing law is [insert governing law]. Signed on [___] by "
      "<<Customer Name>> for [\xE2\x97\x8F] and {{company}}.\n\nSee section [3] and [Reserved].\n";
  for (const std::string name : {"dpa.md", "dpa.txt"}) {
    const Report report = Scan(doc, name);
    EXPECT_EQ(report.document.placeholders, 6u) << name;
    EXPECT_TRUE(HasNote(report, "template: 6 unfilled placeholders")) << name;
    std::ostringstream json;
    WriteJson(report, json);
    EXPECT_NE(json.str().find("\"template\":{\"placeholders\":6,\"options_not_selected\":0}"),
              std::string::npos)
        << json.str();
  }
}

// issue 11 engine limits #5: a line that is only placeholders ("[insert the vendor contact]")
// is a blank to fill, no text of the clause next to it: no finding quotes it, and it is still
// counted.
TEST(Template, APlaceholderLineIsNoPartOfTheNextClause) {
  const std::string doc =
      "4. SECURITY CONTACTS\n\n"
      "     Each party shall name a security contact who is responsible for security. The first\n"
      "     contacts are:\n"
      "          [insert the client security contact]\n"
      "          [insert the vendor security contact]\n"
      "     The Client shall set out its high level security requirements so that the Vendor "
      "can\n"
      "     build its information security management system around them.\n";
  const Report report = Scan(doc, "contacts.txt");
  for (const Finding& f : report.findings) {
    EXPECT_EQ(f.text.find("[insert"), std::string::npos) << f.rule << ": " << f.text;
  }
  EXPECT_EQ(report.document.placeholders, 2u);
}

// A contract that is no template says nothing about templates.
TEST(Template, AnOrdinaryContractHasNoTemplateNote) {
  const Report report =
      Scan("Provider shall maintain cyber liability insurance of at least $2,000,000 (see [1]).\n",
           "msa.txt");
  EXPECT_EQ(report.document.placeholders, 0u);
  EXPECT_EQ(report.document.options_not_selected, 0u);
  EXPECT_TRUE(report.notes.empty());
  std::ostringstream json;
  WriteJson(report, json);
  EXPECT_EQ(json.str().find("\"template\""), std::string::npos);
}

// issue 15 #5: Word checkbox content controls, legacy checkbox fields and checkbox symbols.
TEST(Template, WordCheckboxesAreReadWithTheirState) {
  const std::string control_off =
      "<w:sdt><w:sdtPr><w14:checkbox "
      "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w14:checked "
      "w14:val=\"0\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>\xE2\x98\x90</w:t></w:r>"
      "</w:sdtContent></w:sdt>";
  const std::string control_on =
      "<w:sdt><w:sdtPr><w14:checkbox "
      "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w14:checked "
      "w14:val=\"1\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>\xE2\x98\x90</w:t></w:r>"
      "</w:sdtContent></w:sdt>";
  auto field = [](bool checked) {
    return std::string(
               "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/>"
               "<w:default w:val=\"") +
           (checked ? "1" : "0") +
           "\"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX "
           "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  auto sym = [](const char* code) {
    return std::string("<w:r><w:sym w:font=\"Wingdings\" w:char=\"") + code + "\"/></w:r>";
  };
  const std::pair<std::string, std::string> boxes[] = {
      {control_off, control_on}, {field(false), field(true)}, {sym("F0A8"), sym("F0FE")}};
  for (const auto& [off, on] : boxes) {
    files::DocxParts parts;
    parts.body =
        files::Para(off + files::TextRun(kUnticked)) + files::Para(on + files::TextRun(kTicked));
    const Report report = Scan(files::MakeDocx(parts), "dpa.docx");
    const std::vector<const Finding*> found = OfCategory(report, "indemnification");
    ASSERT_EQ(found.size(), 1u) << off;
    EXPECT_NE(found[0]->text.find("Each party will indemnify"), std::string::npos);
    EXPECT_EQ(report.document.options_not_selected, 1u);
  }
}

}  // namespace

namespace internal {
namespace {

TEST(CheckboxAt, Table) {
  const struct {
    std::string text;
    std::size_t size;
    bool ticked;
  } cases[] = {
      {"[ ] a", 3, false},
      {"[x] a", 3, true},
      {"[X]", 3, true},
      {"[1] a", 0, false},
      {"[x]a", 0, false},
      {"\xE2\x98\x90 a", 3, false},
      {"\xE2\x98\x92 a", 3, true},
      {"\xE2\x98\x91", 3, true},
      {"\xE2\x96\xA1 a", 3, false},
      {"x", 0, false},
      {"", 0, false},
      {"[Reserved]", 0, false},
  };
  for (const auto& c : cases) {
    const Checkbox box = CheckboxAt(c.text);
    EXPECT_EQ(box.size, c.size) << c.text;
    EXPECT_EQ(box.ticked, c.ticked) << c.text;
  }
}

TEST(FindTemplateMarks, RedactionsAreNoPlaceholders) {
  // Filed contracts mark confidential text left out: "[*****]", "{*****}", "[ * * * ]".
  EXPECT_EQ(FindTemplateMarks("a fee of [*****] and {*****} within [ * * * ] days or "
                              "[...***...] or [\xE2\x80\xA6***\xE2\x80\xA6]")
                .placeholders,
            0u);
  EXPECT_EQ(FindTemplateMarks("docket [D.I. ____] and [_] and {amount}").placeholders, 2u);
}

TEST(FindTemplateMarks, InlineBoxesAreNoOptionLines) {
  // "It □ will, □ will not provide": a choice inside a sentence is left to the reader.
  const TemplateMarks marks = FindTemplateMarks("It \xE2\x96\xA1 will, \xE2\x96\xA1 will not.");
  EXPECT_TRUE(marks.unselected.empty());
  EXPECT_EQ(marks.placeholders, 0u);
}

TEST(FindTemplateMarks, OptionsOnConsecutiveLinesCountOneEach) {
  const std::string text = "[ ] a\n[ ] b\n[x] c\n\n\xE2\x98\x90 d";
  const TemplateMarks marks = FindTemplateMarks(text);
  EXPECT_EQ(marks.options_not_selected, 3u);
  ASSERT_EQ(marks.unselected.size(), 2u);
  EXPECT_EQ(text.substr(0, marks.unselected[0].second), "[ ] a\n[ ] b");
}

// Attack review (issue 15 #5): an unticked option in plain text hid every line up to the next
// blank line, a blank "[ ]" inside a hard-wrapped sentence was read as an option and cut the
// sentence, and a choice inside a sentence ("[ ] will [ ] will not") hid the clause.
TEST(FindTemplateMarks, AnOptionNeverHidesTheContractTextAfterIt) {
  const std::string finished =
      "[ ] Customer may elect expedited onboarding.\nSupplier shall notify Customer within 12 "
      "hours.\nSupplier shall keep records.";
  TemplateMarks marks = FindTemplateMarks(finished);
  ASSERT_EQ(marks.unselected.size(), 1u);
  EXPECT_EQ(finished.substr(0, marks.unselected[0].second),
            "[ ] Customer may elect expedited onboarding.");

  const std::string label = "[ ] HIPAA\nSupplier shall notify Customer within 12 hours.";
  marks = FindTemplateMarks(label);
  ASSERT_EQ(marks.unselected.size(), 1u);
  EXPECT_EQ(label.substr(0, marks.unselected[0].second), "[ ] HIPAA");

  const std::string wrapped = "[ ] Customer may elect\nexpedited onboarding.\nSupplier shall act.";
  marks = FindTemplateMarks(wrapped);
  ASSERT_EQ(marks.unselected.size(), 1u);
  EXPECT_EQ(wrapped.substr(0, marks.unselected[0].second),
            "[ ] Customer may elect\nexpedited onboarding.");

  const std::string blank =
      "9.1 Supplier shall notify Customer without undue delay and within\n[ ] hours after "
      "becoming aware of it, and shall maintain cyber insurance.";
  EXPECT_EQ(FindTemplateMarks(blank).options_not_selected, 0u);

  const std::string choice = "\xE2\x98\x90 will, \xE2\x98\x90 will not maintain cyber insurance.";
  EXPECT_EQ(FindTemplateMarks(choice).options_not_selected, 0u);
}

TEST(FindTemplateMarks, AHeadingOptionRunsToTheNextHeadingOfItsLevel) {
  const std::string text = "## [ ] HIPAA\nA.\n\nB.\n### Sub\nC.\n## Next\nD.";
  const TemplateMarks marks = FindTemplateMarks(text);
  ASSERT_EQ(marks.unselected.size(), 1u);
  EXPECT_EQ(text.substr(marks.unselected[0].first,
                        marks.unselected[0].second - marks.unselected[0].first),
            "## [ ] HIPAA\nA.\n\nB.\n### Sub\nC.");
}

}  // namespace
}  // namespace internal
}  // namespace clausescan

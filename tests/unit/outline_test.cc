#include "structure/outline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "common/ascii.h"
#include "extract/document.h"

namespace clausescan::internal {
namespace {

struct Segmented {
  NormalizedText text;
  Outline outline;
};

Segmented SegmentDoc(std::string_view doc, bool markdown = false) {
  Segmented s;
  s.text = Normalize(doc, NormalizeOptions{markdown});
  s.outline = Segment(s.text);
  return s;
}

std::string UnitText(const Segmented& s, const Unit& u) {
  return s.text.text.substr(u.begin, u.end - u.begin);
}

// The units that are not headings, as text.
std::vector<std::string> Sentences(std::string_view doc, bool markdown = false) {
  Segmented s = SegmentDoc(doc, markdown);
  std::vector<std::string> out;
  for (const Unit& u : s.outline.units) {
    if (u.kind != UnitKind::kHeading) out.push_back(UnitText(s, u));
  }
  return out;
}

std::vector<std::string> Labels(std::string_view doc, bool markdown = false) {
  std::vector<std::string> out;
  for (const Section& section : SegmentDoc(doc, markdown).outline.sections)
    out.push_back(section.label);
  return out;
}

using Strings = std::vector<std::string>;

struct SentenceCase {
  const char* name;
  std::string doc;
  Strings sentences;
};

TEST(Segment, SplitsSentences) {
  const SentenceCase cases[] = {
      {"empty", "", {}},
      {"blank lines only", "\n\n  \n", {}},
      {"one", "Supplier shall notify Customer.", {"Supplier shall notify Customer."}},
      {"two",
       "Supplier shall notify. Customer shall pay.",
       {"Supplier shall notify.", "Customer shall pay."}},
      {"question and exclamation", "Is it? Yes! Done", {"Is it?", "Yes!", "Done"}},
      {"closing quote and parenthesis",
       "the \"Term\".) Next one. (b) Third",
       {"the \"Term\".)", "Next one.", "(b) Third"}},
      {"sentence before a digit or quote",
       "First. 2 days later. \"Data\" means x.",
       {"First.", "2 days later.", "\"Data\" means x."}},
      {"no split before lower case",
       "approx. five days and so on. then more",
       {"approx. five days and so on. then more"}},
      {"section numbers",
       "See Section 7.2 and 99.9% uptime. Next.",
       {"See Section 7.2 and 99.9% uptime.", "Next."}},
      {"number ends a sentence",
       "as set out in Section 7.2. The Supplier",
       {"as set out in Section 7.2.", "The Supplier"}},
      {"hard-wrapped sentence",
       "Supplier shall notify\nCustomer of any Security\nIncident.",
       {"Supplier shall notify\nCustomer of any Security\nIncident."}},
      {"sentence ends at a line end",
       "One sentence.\nAnother one.",
       {"One sentence.", "Another one."}},
      {"blank line ends a paragraph",
       "no full stop\n\nNext paragraph",
       {"no full stop", "Next paragraph"}},
      {"inline enumeration stays one unit",
       "Provider will (a) notify; (b) assist; and (c) fix.",
       {"Provider will (a) notify; (b) assist; and (c) fix."}},
      {"ellipsis", "Wait... Then go.", {"Wait...", "Then go."}},
  };
  for (const SentenceCase& c : cases) {
    EXPECT_EQ(Sentences(c.doc), c.sentences) << c.name;
  }
}

TEST(Segment, KeepsLegalAbbreviationsInsideSentences) {
  const char* abbreviations[] = {"Sec.",  "e.g.",  "i.e.",    "U.S.",   "Inc.", "Ltd.",
                                 "No.",   "Art.",  "cf.",     "etc.",   "vs.",  "Co.",
                                 "Corp.", "para.", "approx.", "incl.",  "J.",   "Mr.",
                                 "U.K.",  "Cal.",  "Civ.",    "et seq."};
  for (const char* abbreviation : abbreviations) {
    std::string doc = std::string("Under ") + abbreviation + " Smith 5 the Supplier shall act.";
    EXPECT_EQ(Sentences(doc), Strings{doc}) << abbreviation;
  }
}

TEST(Segment, DoesNotSplitAtDomainsOrDecimals) {
  EXPECT_EQ(Sentences("Email privacy@example.com. The team replies."),
            (Strings{"Email privacy@example.com.", "The team replies."}));
  EXPECT_EQ(Sentences("Uptime of 99.95 percent. Credits apply."),
            (Strings{"Uptime of 99.95 percent.", "Credits apply."}));
}

struct HeadingCase {
  const char* name;
  std::string doc;
  bool markdown;
  Strings labels;
};

TEST(Segment, RecognisesHeadings) {
  const HeadingCase cases[] = {
      {"decimal",
       "9.2 Security Incidents\nSupplier shall notify.",
       false,
       {"9.2 Security Incidents"}},
      {"section keyword", "Section 7(b) Audit\nText.", false, {"Section 7(b) Audit"}},
      {"article alone", "Article 28\n\nThe processor shall act.", false, {"Article 28"}},
      {"article roman with dash", "ARTICLE IV - TERM\nText.", false, {"ARTICLE IV - TERM"}},
      {"numbered caps with period",
       "12. LIMITATION OF LIABILITY.\nText.",
       false,
       {"12. LIMITATION OF LIABILITY"}},
      {"wide spacing",
       "1.   TERM OF CONTRACT\n\nThe Term is one year.",
       false,
       {"1. TERM OF CONTRACT"}},
      {"zero minor", "2.0     TERM\n\n2.1 This Agreement shall continue.", false, {"2.0 TERM"}},
      {"roman", "IV. TERMINATION\nText.", false, {"IV. TERMINATION"}},
      {"sentence case alone on its line",
       "2\tService levels\n\n2.1 The Supplier shall act.",
       false,
       {"2 Service levels"}},
      {"sentence case in running text", "Intro.\n30 Days after notice the term ends.", false, {}},
      {"all caps",
       "Preamble.\n\nLIMITATION OF LIABILITY\n\nText.",
       false,
       {"LIMITATION OF LIABILITY"}},
      {"all caps possessive",
       "CONSULTANT'S OBLIGATIONS\nText.",
       false,
       {"CONSULTANT'S OBLIGATIONS"}},
      {"caps sentence is not a heading", "THE SERVICES ARE PROVIDED AS IS.\n", false, {}},
      {"long caps line is not a heading",
       "IN NO EVENT WILL EITHER PARTY BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES\n",
       false,
       {}},
      {"markdown hashes",
       "# Data Processing Agreement\n\n## 7.2 Security *Incidents*\nText.",
       true,
       {"Data Processing Agreement", "7.2 Security Incidents"}},
      {"markdown heading with period",
       "## 1. Third Party Testing and Validation.\n",
       true,
       {"1. Third Party Testing and Validation"}},
      {"markdown bold number",
       "**5.1.** Use of Customer Data. Provider will use it.",
       true,
       {"5.1 Use of Customer Data"}},
      {"title clause",
       "7.1 Security Incidents. Supplier shall notify Customer.",
       false,
       {"7.1 Security Incidents"}},
      // issue 11 engine A #1: a title in sentence case names the section as well.
      {"sentence case title clause",
       "Intro.\n11. Access control. You must control access.",
       false,
       {"11. Access control"}},
      {"title clause with keyword",
       "Section 3 Fees and Payment. Customer shall pay.",
       false,
       {"Section 3 Fees and Payment"}},
      {"space before the title's period",
       "13. Entire Agreement . This Agreement is whole.",
       false,
       {"13. Entire Agreement"}},
      {"numbered sentence is not a heading",
       "1.2 All references to currency shall be to Canadian currency.",
       false,
       {}},
      {"bare number then caps title",
       "Intro.\n1.\n\nDEFINITIONS\n\n\"Affiliate\" means x.",
       false,
       {"1. DEFINITIONS"}},
      {"bare number then title sentence",
       "2.1\n\nRoles of the Parties. The parties acknowledge it.",
       false,
       {"2.1 Roles of the Parties"}},
      {"markdown clause then bold title",
       "##### Clause 2\n\n**Effect and invariability of the Clauses**\n\nText.",
       true,
       {"Clause 2 Effect and invariability of the Clauses"}},
      {"page number is not a heading", "Text ends here.\n\n2\n\nMore text.", false, {}},
      {"hard-wrapped number is not a heading",
       "as described in Section\n7.2 Security Incidents of the Agreement",
       false,
       {}},
  };
  for (const HeadingCase& c : cases) {
    EXPECT_EQ(Labels(c.doc, c.markdown), c.labels) << c.name;
  }
}

// issue 15 #2 (new-user review, GSA addendum): a form field, a label followed by a blank to
// fill ("TIN ______"), is no heading: it opened a section that named every clause after it.
TEST(Segment, AFormFieldToFillIsNoSection) {
  EXPECT_EQ(Labels("## Representations\n\n(b) Give the details of the parent company.\n\n"
                   "Name \\_\\_\\_\\_\\_\\_\\_\\_\n\nTIN \\_\\_\\_\\_\\_\\_\\_\\_\n\n"
                   "The Contractor shall encrypt covered records at rest.\n",
                   true),
            Strings{"Representations"});
  EXPECT_EQ(Labels("1. Payment\n\nThe Buyer shall pay each invoice.\n\nVAT NO. ____________\n\n"
                   "SIGNATURE ..................\n\nThe Supplier shall keep records.\n"),
            Strings{"1. Payment"});
}

// issue 15 #2 (new-user review, GSA addendum): a US federal clause heading in bold on its own
// line ("**52.204-21 - Basic Safeguarding ...**") opens the section of the clause it heads, so
// the clause's findings show its title rather than an earlier heading's.
TEST(Segment, ABoldFederalClauseHeadingOpensItsSection) {
  EXPECT_EQ(Labels("## Clauses Incorporated in Full Text\n\nThe following clauses apply.\n\n"
                   "**52.299-4 \xE2\x80\x93 Protecting Covered Records.**\n\n"
                   "As prescribed in 4.19, insert the following clause:\n\n"
                   "(b) The Contractor shall encrypt covered records at rest.\n\n"
                   "**252.299-7001 Reporting Cyber Events (Jan 2023)**\n\n"
                   "The Contractor shall report cyber events.\n",
                   true),
            (Strings{"Clauses Incorporated in Full Text", "52.299-4 Protecting Covered Records",
                     "252.299-7001 Reporting Cyber Events (Jan 2023)"}));
}

TEST(Segment, FillsSectionFields) {
  Segmented s = SegmentDoc("ARTICLE IV - TERM\n\n9.2.1 Security Incidents. Supplier shall notify.");
  ASSERT_EQ(s.outline.sections.size(), 2u);
  const Section& article = s.outline.sections[0];
  EXPECT_EQ(article.number, "IV");
  EXPECT_EQ(article.title, "TERM");
  EXPECT_EQ(article.level, 1);
  EXPECT_EQ(article.begin, 0u);
  const Section& clause = s.outline.sections[1];
  EXPECT_EQ(clause.number, "9.2.1");
  EXPECT_EQ(clause.title, "Security Incidents");
  EXPECT_EQ(clause.label, "9.2.1 Security Incidents");
  EXPECT_EQ(clause.level, 3);
  EXPECT_EQ(clause.begin, s.text.text.find("9.2.1"));

  Segmented md = SegmentDoc("### 7(b) Audit\n", true);
  ASSERT_EQ(md.outline.sections.size(), 1u);
  EXPECT_EQ(md.outline.sections[0].number, "7(b)");
  EXPECT_EQ(md.outline.sections[0].title, "Audit");
  EXPECT_EQ(md.outline.sections[0].level, 3);
}

TEST(Segment, TitleClauseOpensASectionAndKeepsItsBody) {
  Segmented s = SegmentDoc(
      "Intro text.\n\n7.1 Security Incidents. Supplier shall notify Customer. "
      "It shall help.");
  ASSERT_EQ(s.outline.units.size(), 4u);
  EXPECT_EQ(s.outline.units[0].section, -1);
  EXPECT_EQ(UnitText(s, s.outline.units[1]), "7.1 Security Incidents.");
  EXPECT_EQ(s.outline.units[1].kind, UnitKind::kHeading);
  EXPECT_EQ(s.outline.units[1].paragraph, -1);
  EXPECT_EQ(UnitText(s, s.outline.units[2]), "Supplier shall notify Customer.");
  EXPECT_EQ(s.outline.units[2].kind, UnitKind::kSentence);
  EXPECT_EQ(s.outline.units[2].section, 0);
  EXPECT_EQ(UnitText(s, s.outline.units[3]), "It shall help.");
  EXPECT_EQ(s.outline.units[3].section, 0);
}

TEST(Segment, ComposesNestedMarkdownListNumbers) {
  std::string doc =
      "1. <span class=\"header_2\">Processing</span>\n\n"
      "    1. <span class=\"header_3\">Processing Details.</span>  Annex I describes it.\n\n"
      "    2. <span class=\"header_3\">Instructions.</span>  Provider follows them.\n\n"
      "        a. Provider will not sell data.\n\n"
      "    3. <span class=\"header_3\">Subprocessors.</span>\n\n"
      "2. <span class=\"header_2\">Security Incident Response</span>\n\n"
      "    1. Upon becoming aware of a Security Incident, Provider will notify Customer.\n";
  EXPECT_EQ(Labels(doc, true),
            (Strings{"1. Processing", "1.1 Processing Details", "1.2 Instructions",
                     "1.3 Subprocessors", "2. Security Incident Response"}));
  Segmented s = SegmentDoc(doc, true);
  EXPECT_EQ(s.outline.sections[1].number, "1.1");
  EXPECT_EQ(s.outline.sections[1].level, 2);
  EXPECT_EQ(
      Sentences(doc, true),
      (Strings{"Annex I describes it.", "Provider follows them.", "a. Provider will not sell data.",
               "1. Upon becoming aware of a Security Incident, Provider will notify "
               "Customer."}));
}

TEST(Segment, InconsistentIndentationDoesNotNest) {
  EXPECT_EQ(Labels("1. Fees\n\n   2. Taxes\n\n3. Term\n"),
            (Strings{"1. Fees", "2. Taxes", "3. Term"}));
}

TEST(Segment, StartsUnitsAtListItems) {
  std::string doc =
      "Each party shall:\n"
      "(a) keep it safe; and\n"
      "(b) notify the other\n"
      "party promptly.\n"
      "(iv) use care.\n"
      "1. comply with law;\n"
      "- a bullet.\n"
      "* another bullet.\n"
      "a. letter item. Second sentence.\n";
  Segmented s = SegmentDoc(doc);
  std::vector<std::pair<std::string, UnitKind>> units;
  for (const Unit& u : s.outline.units) units.emplace_back(UnitText(s, u), u.kind);
  using K = UnitKind;
  EXPECT_EQ(units, (std::vector<std::pair<std::string, UnitKind>>{
                       {"Each party shall:", K::kSentence},
                       {"(a) keep it safe; and", K::kListItem},
                       {"(b) notify the other\nparty promptly.", K::kListItem},
                       {"(iv) use care.", K::kListItem},
                       {"1. comply with law;", K::kListItem},
                       {"- a bullet.", K::kListItem},
                       {"* another bullet.", K::kListItem},
                       {"a. letter item.", K::kListItem},
                       {"Second sentence.", K::kSentence},
                   }));
  EXPECT_EQ(s.outline.paragraphs.size(), 8u);
}

TEST(Segment, MarkerOnItsOwnLineStartsTheNextItem) {
  Segmented s =
      SegmentDoc("Supplier shall:\n\ni.\n\nNot sell Personal Data;\n\nii.\n\nNot share it.");
  ASSERT_EQ(s.outline.units.size(), 3u);
  EXPECT_EQ(UnitText(s, s.outline.units[1]), "Not sell Personal Data;");
  EXPECT_EQ(s.outline.units[1].kind, UnitKind::kListItem);
  EXPECT_EQ(s.outline.units[2].kind, UnitKind::kListItem);
}

TEST(Segment, WrappedNumberDoesNotStartAnItem) {
  EXPECT_EQ(Sentences("pay the fees within\n30. days of the invoice."),
            Strings{"pay the fees within\n30. days of the invoice."});
}

TEST(Segment, MakesEachTableRowAParagraph) {
  std::string doc =
      "| Uptime | Credit |\n"
      "|---|---|\n"
      "| below 99.9% | 10% of fees |\n"
      "| below 99% | 25% of fees |\n";
  Segmented s = SegmentDoc(doc, true);
  ASSERT_EQ(s.outline.paragraphs.size(), 3u);
  EXPECT_EQ(Sentences(doc, true), (Strings{"| Uptime | Credit |", "| below 99.9% | 10% of fees |",
                                           "| below 99% | 25% of fees |"}));
}

TEST(Segment, AssignsParagraphsAndSections) {
  Segmented s = SegmentDoc(
      "Preamble one. Two.\n\n1. DEFINITIONS\n\nFirst line.\nStill first.\n\n"
      "Second para.");
  const Outline& o = s.outline;
  ASSERT_EQ(o.paragraphs.size(), 3u);
  EXPECT_EQ(o.paragraphs[0].section, -1);
  EXPECT_EQ(o.paragraphs[1].section, 0);
  EXPECT_EQ(s.text.text.substr(o.paragraphs[1].begin, o.paragraphs[1].end - o.paragraphs[1].begin),
            "First line.\nStill first.");
  ASSERT_EQ(o.units.size(), 6u);
  EXPECT_EQ(o.units[1].paragraph, 0);
  EXPECT_EQ(o.units[2].kind, UnitKind::kHeading);
  EXPECT_EQ(o.units[3].paragraph, 1);
  EXPECT_EQ(o.units[4].paragraph, 1);
  EXPECT_EQ(o.units[5].paragraph, 2);
}

TEST(Segment, ReadsACuadStyleContract) {
  std::string doc =
      "EXHIBIT 10.4\n\n"
      "MASTER SERVICES AGREEMENT\n\n"
      "This Agreement is made by ACME, Inc. and Beta Co. (the \"Parties\").\n\n"
      "ARTICLE 1\nDEFINITIONS\n\n"
      "1.1 \"Services\" means the services described in Exhibit A.\n\n"
      "ARTICLE 7\nSECURITY\n\n"
      "7.1 Security. Supplier shall maintain reasonable safeguards, e.g. encryption and\n"
      "access controls, and shall notify Customer within 24 hours.\n"
      "7.2 Audits. Customer may audit Supplier once per year.\n";
  EXPECT_EQ(Labels(doc), (Strings{"EXHIBIT 10.4 MASTER SERVICES AGREEMENT", "ARTICLE 1 DEFINITIONS",
                                  "ARTICLE 7 SECURITY", "7.1 Security", "7.2 Audits"}));
  EXPECT_EQ(Sentences(doc),
            (Strings{"This Agreement is made by ACME, Inc. and Beta Co. (the \"Parties\").",
                     "1.1 \"Services\" means the services described in Exhibit A.",
                     "Supplier shall maintain reasonable safeguards, e.g. encryption and\n"
                     "access controls, and shall notify Customer within 24 hours.",
                     "Customer may audit Supplier once per year."}));
}

// Random documents: units are ordered, disjoint, non-empty, trimmed and inside the text.
TEST(Segment, KeepsItsInvariantsOnRandomInput) {
  std::vector<std::string> pieces = {
      "Word",  "word",    " ",        "\n",           "\n\n",        ". ",
      "? ",    ".",       "e.g.",     "Sec.",         "7.2",         "1. ",
      "(a) ",  "(iv)",    "- ",       "* ",           "# ",          "## 3 Title",
      "|",     "ARTICLE", "IV",       "Section",      "TITLE",       "\"",
      "'",     ")",       "(",        "2.1\n",        "DEFINITIONS", "Title. ",
      "shall", "and",     "\xC3\x89", "\xE2\x80\xA2 "};
  pieces.insert(pieces.end(), {":\n", "(b) "});  // issue 11 #3: lead-ins and their items
  std::mt19937 random(4242);
  for (int round = 0; round < 3000; ++round) {
    std::string doc;
    int count = static_cast<int>(random() % 50);
    for (int i = 0; i < count; ++i) doc += pieces[random() % pieces.size()];
    Segmented s = SegmentDoc(doc, round % 2 == 0);
    const std::string& text = s.text.text;
    std::size_t previous_end = 0;
    for (const Unit& u : s.outline.units) {
      ASSERT_LT(u.begin, u.end) << doc;
      ASSERT_LE(u.end, text.size()) << doc;
      ASSERT_LE(previous_end, u.begin) << doc;
      ASSERT_NE(text[u.begin], ' ') << doc;
      ASSERT_NE(text[u.end - 1], ' ') << doc;
      ASSERT_NE(text[u.end - 1], '\n') << doc;
      ASSERT_LT(u.section, static_cast<int>(s.outline.sections.size())) << doc;
      ASSERT_LT(u.paragraph, static_cast<int>(s.outline.paragraphs.size())) << doc;
      ASSERT_EQ(u.paragraph < 0, u.kind == UnitKind::kHeading) << doc;
      previous_end = u.end;
    }
    for (std::size_t p = 1; p < s.outline.paragraphs.size(); ++p) {
      ASSERT_LE(s.outline.paragraphs[p - 1].end, s.outline.paragraphs[p].begin) << doc;
    }
    // issue 11 #3: a list item's lead-in comes before it; items in order, each linked once.
    for (std::size_t k = 0; k < s.outline.leads.size(); ++k) {
      const ListLead& link = s.outline.leads[k];
      ASSERT_LT(link.lead, link.item) << doc;
      ASSERT_LT(link.item, s.outline.units.size()) << doc;
      // issue 11 engine A #2: a heading leads into a list only when it ends in a colon or
      // states a duty (a modal verb after its first word).
      const Unit& lead = s.outline.units[link.lead];
      if (lead.kind == UnitKind::kHeading && text[lead.end - 1] != ':') {
        std::vector<std::string> words;  // the heading's words of ASCII letters
        std::string word;
        for (char c : AsciiLower(UnitText(s, lead)) + " ") {
          if (c >= 'a' && c <= 'z') {
            word += c;
          } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
          }
        }
        ASSERT_TRUE(std::any_of(words.begin() + (words.empty() ? 0 : 1), words.end(),
                                [](const std::string& w) {
                                  return w == "will" || w == "shall" || w == "must";
                                }))
            << doc;
      }
      if (k > 0) ASSERT_LT(s.outline.leads[k - 1].item, link.item) << doc;
    }
  }
}

TEST(Segment, RunsInLinearTimeOnLongLines) {
  std::string doc(1 << 20, '.');
  doc += std::string(1 << 20, '1');
  doc += std::string(1 << 20, ')');
  Segmented s = SegmentDoc(doc);
  EXPECT_TRUE(s.outline.units.empty());
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

// Regression: "seventy-two\n(72) hours" was read as a list item "(72)", splitting the clause.
TEST(Segment, HardWrappedDigitsInParenthesesContinueTheSentence) {
  Segmented s = SegmentDoc(
      "Processor shall notify Controller within seventy-two\n"
      "(72) hours after becoming aware of a breach.\n"
      "The parties agree:\n"
      "(1) first item;\n");
  std::vector<std::string> units;
  for (const Unit& u : s.outline.units) units.push_back(UnitText(s, u));
  EXPECT_EQ(units, (std::vector<std::string>{
                       "Processor shall notify Controller within seventy-two\n(72) hours after "
                       "becoming aware of a breach.",
                       "The parties agree:", "(1) first item;"}));
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

// Regression: a hard-wrapped ALL-CAPS clause was read as a run of headings, so no rule saw it.
TEST(Segment, WrappedAllCapsClauseIsOneSentence) {
  Segmented s = SegmentDoc(
      "13. LIMITATION OF LIABILITY\n\n"
      "13.1 EXCEPT FOR A PARTY'S INDEMNIFICATION OBLIGATIONS, IN NO EVENT SHALL EITHER\n"
      "PARTY'S AGGREGATE LIABILITY ARISING OUT OF THIS AGREEMENT EXCEED THE FEES PAID\n"
      "OR PAYABLE BY CUSTOMER IN THE TWELVE (12) MONTHS PRECEDING THE CLAIM.\n");
  std::vector<std::string> sentences;
  for (const Unit& u : s.outline.units) {
    if (u.kind != UnitKind::kHeading) sentences.push_back(UnitText(s, u));
  }
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].substr(0, 30), "13.1 EXCEPT FOR A PARTY'S INDE");
  EXPECT_EQ(s.outline.sections.back().label, "13. LIMITATION OF LIABILITY");
}

// A Word paragraph in bold rather than in a heading style comes out as a line of its own.
TEST(Segment, ATitleCaseLineStandingAloneIsAHeading) {
  EXPECT_EQ(Sentences("Breach Notification Period\n\n"
                      "Supplier shall notify Customer within 72 hours.\n\n"
                      "Using the Service to Notify Customer of Changes to the Subprocessor List\n\n"
                      "Provider may notify changes through the Service.\n"),
            (Strings{"Supplier shall notify Customer within 72 hours.",
                     "Provider may notify changes through the Service."}));
  // A clause (it has a verb), or a line that is not alone: text, as before.
  EXPECT_EQ(Sentences("Customer Data Shall Be Encrypted\n\n"
                      "Notices to the Security Contact\nof the Customer are sent by email.\n"),
            (Strings{"Customer Data Shall Be Encrypted",
                     "Notices to the Security Contact\nof the Customer are sent by email."}));
  // The section stays that of the numbered heading above.
  Segmented s = SegmentDoc("5. Security\n\nIncident Response\n\nSupplier shall respond.\n");
  EXPECT_EQ(s.outline.sections.size(), 1u);
}

// A template's note to whoever fills it in states no term, in brackets or not; the clause after
// the brackets close is text.
TEST(Segment, ADraftingNoteIsNoClause) {
  EXPECT_EQ(Sentences("[ drafting note: Check the box to add a separate indemnity. If you do not "
                      "want one, delete this row. ]\n\n"
                      "[Note to draft: the notice period is 72 hours.] Supplier shall notify "
                      "Customer within 72 hours.\n\n"
                      "Drafter's note: the Supplier shall notify the Customer.\n\n"
                      "Supplier shall keep a drafting note register.\n"),
            (Strings{"Supplier shall notify Customer within 72 hours.",
                     "Supplier shall keep a drafting note register."}));
}

// A table of contents names every clause ("6.2 Insurance Requirements 45") but says none: its
// lines are headings, whether the text runs them into one line or keeps them apart.
TEST(Segment, ATableOfContentsIsHeadings) {
  EXPECT_EQ(Sentences("TABLE OF CONTENTS\n\n"
                      "ARTICLE 6 INDEMNIFICATION; LIMITATION OF LIABILITY AND INSURANCE 44 6.1 "
                      "Indemnification 44 6.2 Insurance Requirements 45 6.3 Limitation of "
                      "Liability 46\n\n"
                      "6.2 Insurance. Supplier shall maintain cyber insurance.\n"),
            (Strings{"Supplier shall maintain cyber insurance."}));
  EXPECT_EQ(Sentences("11.6 Severability 29\n11.7 Descriptive Headings 29\n11.8 Interpretation "
                      "29\n11.9 Governing Law 30\n11.10 Consent to Jurisdiction 30\n"),
            Strings{});
  // Capitals, section references and numbers that are not page numbers: clauses, as before.
  const std::string caps =
      "EXCEPT FOR LIABILITY ARISING UNDER SECTION 8 OF THIS AGREEMENT, IN NO EVENT SHALL EITHER "
      "PARTY'S LIABILITY EXCEED 12 MONTHS OF FEES UNDER SECTION 4 OR 5 OF THIS AGREEMENT.";
  EXPECT_EQ(Sentences(caps + "\n"), Strings{caps});
  const std::string severities =
      "Severity 1 Every Two Hours (24x7) Severity 2 Every 8 Hours Severity 3 Every 48 Hours "
      "Severity 4 Every 72 Hours";
  EXPECT_EQ(Sentences(severities + "\n"), Strings{severities});
}

// issue 11 #3: each list item after a lead-in is told which unit leads into its list, as
// (item, lead-in) texts.
std::vector<std::pair<std::string, std::string>> Leads(std::string_view doc,
                                                       bool markdown = false) {
  const Segmented s = SegmentDoc(doc, markdown);
  std::vector<std::pair<std::string, std::string>> out;
  for (const ListLead& link : s.outline.leads) {
    EXPECT_LT(link.lead, link.item);
    out.emplace_back(UnitText(s, s.outline.units[link.item]),
                     UnitText(s, s.outline.units[link.lead]));
  }
  return out;
}

using Links = std::vector<std::pair<std::string, std::string>>;

// PDF converters set a clause number apart from its text, on a line of its own (the number sits
// in a column left of the text). After a lead-in, and after an item of its list ending in ';',
// such a number is the marker of the item on the next line, not a section of its own (seen
// failing: "1.2.1" opened section 1.2.1 and "maintained in accordance ..." lost its lead-in). A
// number alone after a sentence that ends still opens its section.
TEST(Segment, AClauseNumberAloneAfterALeadInMarksTheNextLinesItem) {
  const std::string doc =
      "1.2\nThe Insurances shall be:\n1.2.1\nmaintained in accordance with Good Industry "
      "Practice;\n1.2.2\nmaintained for at least six years after the End Date.\n1.3\nThe "
      "Supplier shall ensure that each policy names the Buyer.\n";
  EXPECT_EQ(Leads(doc),
            (Links{{"maintained in accordance with Good Industry Practice;",
                    "The Insurances shall be:"},
                   {"maintained for at least six years after the End Date.",
                    "The Insurances shall be:"}}));
  EXPECT_EQ(Labels(doc), (Strings{"1.2", "1.3"}));
}

// pdftotext (without -layout) sets a word processor's bullet apart from its text: the bullet
// alone on its line ("•", "", a second-level "o"), a blank line, then the text. The text is the
// item's, under the list's lead-in, however short: it was read as a title line ("Use two factor
// authentication") or a heading in capitals that opened a section ("ISO 27001"), so the item
// was never matched and the section after it lost its heading.
TEST(Segment, ABulletAloneOnItsLineMarksTheTextAfterItAsTheItem) {
  const std::string doc =
      "Security measures\nThe Supplier shall always follow these steps:\n\xE2\x80\xA2\n\nUse two "
      "factor authentication\n\n\xEF\x82\xB7\n\nISO 27001\n\no\n\nKeep audit logs of "
      "administrative access\n\n\xE2\x80\xA2\n\nEncrypt customer data at rest.\n";
  EXPECT_EQ(Leads(doc),
            (Links{{"Use two factor authentication", "The Supplier shall always follow these steps:"},
                   {"ISO 27001", "The Supplier shall always follow these steps:"},
                   {"Keep audit logs of administrative access",
                    "The Supplier shall always follow these steps:"},
                   {"Encrypt customer data at rest.",
                    "The Supplier shall always follow these steps:"}}));
  EXPECT_EQ(Labels(doc), Strings{});
}

// Attack review of the merged main #6: "6." alone after a list item ending in ';' opens the
// next section ("6." / "Audit" / "6.1 ..."); its title was swallowed into the item before.
TEST(Segment, ATopLevelNumberAloneAfterAListItemOpensASection) {
  const std::string doc =
      "5.\nSecurity Incidents\n5.1\nThe notice shall include:\n(a) a description of the "
      "incident;\n(b) the likely consequences;\n6.\nAudit\n6.1\nCustomer may audit Supplier "
      "once a year.\n";
  const Strings labels = Labels(doc);
  EXPECT_NE(std::find(labels.begin(), labels.end(), "6.1"), labels.end()) << labels.size();
  for (const auto& [item, lead] : Leads(doc)) {
    EXPECT_EQ(item.find("Audit"), std::string::npos) << item;
  }
}

TEST(Segment, ListItemsKnowTheirLeadIn) {
  EXPECT_EQ(Leads("The data importer agrees and warrants:\n\n"
                  "(a) that it will process the data only on instructions;\n\n"
                  "(b) that it has implemented the technical measures.\n"),
            (Links{{"(a) that it will process the data only on instructions;",
                    "The data importer agrees and warrants:"},
                   {"(b) that it has implemented the technical measures.",
                    "The data importer agrees and warrants:"}}));
  // Only the last sentence before the list leads into it; lines without blank lines between.
  EXPECT_EQ(Leads("Scope. Provider shall\n(a) encrypt data at rest;\n(b) log access.\n"),
            (Links{{"(a) encrypt data at rest;", "Provider shall"},
                   {"(b) log access.", "Provider shall"}}));
  // A paragraph that is no list item ends the list; a heading too.
  EXPECT_EQ(Leads("Supplier will maintain a program that includes:\n\n- training\n\n"
                  "Customer may audit.\n\n- once a year\n\n# Other\n\n- item\n",
                  true),
            (Links{{"- training", "Supplier will maintain a program that includes:"}}));
  // Without a lead-in, items have none.
  EXPECT_EQ(Leads("Supplier shall notify Customer.\n\n(a) Customer may audit.\n"), Links{});
}

TEST(Segment, NestedListsLeadFromTheirOwnItem) {
  EXPECT_EQ(Leads("Provider shall:\n"
                  "(a) maintain the following controls:\n"
                  "(i) encryption;\n"
                  "(ii) logging;\n"
                  "(b) notify Customer of incidents.\n"),
            (Links{{"(a) maintain the following controls:", "Provider shall:"},
                   {"(i) encryption;", "(a) maintain the following controls:"},
                   {"(ii) logging;", "(a) maintain the following controls:"},
                   {"(b) notify Customer of incidents.", "Provider shall:"}}));
}

// issue 11 engine A #1: a US federal clause title stamped with its version date is a heading,
// whatever the month ("(MAY 2019)" is no verb).
TEST(Segment, ADatedClauseTitleIsAHeading) {
  EXPECT_EQ(Sentences("Protection of Agency Records (MAY 2019)\n\n"
                      "(a) The Contractor shall protect agency records.\n"),
            (Strings{"(a) The Contractor shall protect agency records."}));
  EXPECT_EQ(Sentences("52.239-99 Handling of Hosted Data (JUN 2021)\n\n"
                      "The Contractor shall host the data in the United States.\n"),
            (Strings{"The Contractor shall host the data in the United States."}));
}

// issue 11 engine A #1: a list item that only names its subject ("(c) Incident reporting.") is
// a title: followed by its text in the same paragraph, or by items nested under it or plain
// text. Items under a lead-in, and sibling items, stay text.
TEST(Segment, AListItemThatOnlyNamesItsSubjectIsAHeading) {
  EXPECT_EQ(
      Sentences("(b) General. Vendors must follow the policy.\n"
                "(c) Incident reporting.\n"
                "(1) The vendor shall report each incident.\n"
                "(d) Return of records.\n"
                "The vendor shall return all records.\n"),
      (Strings{"Vendors must follow the policy.", "(1) The vendor shall report each incident.",
               "The vendor shall return all records."}));
  EXPECT_EQ(
      Sentences("The vendor shall pay for:\n(1) Notification letters.\n(2) Call centres.\n"),
      (Strings{"The vendor shall pay for:", "(1) Notification letters.", "(2) Call centres."}));
  EXPECT_EQ(Sentences("(1) Annual reviews.\n(2) Quarterly scans.\n"),
            (Strings{"(1) Annual reviews.", "(2) Quarterly scans."}));
  // The last item of a nested list, before an item of the outer one: an item, not a title.
  EXPECT_EQ(Sentences("(1) Steps.\n(i) Review the logs.\n(ii) Rapidly report incidents to us.\n"
                      "(2) Reports. Each report names the systems.\n"),
            (Strings{"(i) Review the logs.", "(ii) Rapidly report incidents to us.",
                     "Each report names the systems."}));
}

// issue 11 engine A #1: a title on its own line right above the first line of a paragraph (a
// PDF converted to text keeps no blank line between them) is a heading, not the start of the
// sentence below; a sentence wrapped after a few words is not.
TEST(Segment, ATitleLineAboveItsParagraphIsAHeading) {
  EXPECT_EQ(Sentences("The plan is approved.\n"
                      "Content of the Recovery Plan\n"
                      "The Recovery Plan shall set out the steps.\n"),
            (Strings{"The plan is approved.", "The Recovery Plan shall set out the steps."}));
  EXPECT_EQ(Sentences("The plan is approved.\n"
                      "In the event of a failure the\n"
                      "Vendor shall restore it.\n"),
            (Strings{"The plan is approved.",
                     "In the event of a failure the\nVendor shall restore it."}));
}

// issue 11 engine A #1: a short line in sentence case standing alone (a bold line in Markdown,
// a Word paragraph in bold) is a heading too; a line with figures or a verb stays text.
TEST(Segment, ASentenceCaseTitleStandingAloneIsAHeading) {
  EXPECT_EQ(Sentences("**Data retention**\n\nThe vendor keeps logs.\n\n"
                      "**Security requirements:**\n\nThe vendor encrypts data.\n",
                      true),
            (Strings{"The vendor keeps logs.", "The vendor encrypts data."}));
  EXPECT_EQ(Sentences("Uptime of 99.9 percent\n\nCustomer data is encrypted\n"),
            (Strings{"Uptime of 99.9 percent", "Customer data is encrypted"}));
}

// issue 11 engine A #1: a title run into the text it heads (contracts extracted without line
// breaks) is a heading; a short sentence with a verb stays text. Long dated titles too.
TEST(Segment, ATitleRunIntoItsTextIsAHeading) {
  EXPECT_EQ(Sentences("It was built alone. 4.2 Return of Records. On request the vendor returns "
                      "them. (e) Access Rights. The buyer may inspect. Fees Are Due. Pay them.\n"),
            (Strings{"It was built alone.", "On request the vendor returns them.",
                     "The buyer may inspect.", "Fees Are Due.", "Pay them."}));
  EXPECT_EQ(Sentences("AS SET OUT IN THIS LIMITED NOTICE ON THE HANDLING OF EXTERNAL REPORTED "
                      "SYSTEM INCIDENT INFORMATION (JAN 2024)\n\nThe vendor shall report.\n"),
            (Strings{"The vendor shall report."}));
  // The section keeps the name its numbered heading gave it.
  EXPECT_EQ(Labels("# 252.204-7099 Handling of External Reported System Incident Information\n\n"
                   "AS SET OUT IN THIS LIMITED NOTICE ON THE HANDLING OF EXTERNAL REPORTED "
                   "SYSTEM INCIDENT INFORMATION (JAN 2024)\n\nThe vendor shall report.\n",
                   true),
            Strings{"252.204-7099 Handling of External Reported System Incident Information"});
}

// issue 11 engine A #2: a heading that ends in a colon leads into the list under it, as a
// sentence would. A heading without one ends the list, even before its first item (keeping the
// link there found no clause on the tuning part and added false alarms on the check part).
TEST(Segment, AColonHeadingLeadsIntoItsList) {
  EXPECT_EQ(
      Leads("**Exclusions:**\n\n- Outages the customer causes.\n- Planned maintenance.\n", true),
      (Links{{"- Outages the customer causes.", "Exclusions:"},
             {"- Planned maintenance.", "Exclusions:"}}));
  EXPECT_EQ(Leads("Vendor shall maintain these controls:\n\n"
                  "Access Management\n\n"
                  "(a) unique accounts for each user;\n(b) yearly access reviews.\n"),
            Links{});
  // A heading after the items have begun ends the list too.
  EXPECT_EQ(Leads("Vendor shall:\n\n(a) log access;\n\nAccess Management\n\n(b) other.\n"),
            (Links{{"(a) log access;", "Vendor shall:"}}));
}

// issue 11 (gen13): a heading that states the duty its list itemises ("... will provide,
// operate and support the following ...") leads into the list as a sentence would; a heading
// that names a topic still ends the list.
TEST(Segment, AHeadingThatStatesADutyLeadsIntoItsList) {
  const std::string heading =
      "5.1 The Contractor will provide, operate and support the following security services";
  EXPECT_EQ(Leads("### " + heading + "\n\n- encryption of data at rest;\n- yearly tests.\n", true),
            (Links{{"- encryption of data at rest;", heading}, {"- yearly tests.", heading}}));
  EXPECT_EQ(Leads("## Security incidents\n\n- outages;\n- planned maintenance.\n", true), Links{});
  EXPECT_EQ(Leads("## Will and testament\n\n- a gift;\n- a trust.\n", true), Links{});
}

// issue 11 (gen13): a sentence that ends in "by" leads into the list of the ways its duty is
// done, whether the items follow on the next lines (PDF text: an item opening with a gerund)
// or after an empty line; the agent of a passive wrapped onto a marked line stays text.
TEST(Segment, ALeadInEndingInByLeadsIntoTheWaysItsDutyIsDone) {
  const std::string lead = "The Provider will secure the data by";
  EXPECT_EQ(Leads(lead + "\n(a) encrypting it at rest;\n(b) logging access.\n"),
            (Links{{"(a) encrypting it at rest;", lead}, {"(b) logging access.", lead}}));
  EXPECT_EQ(Leads(lead + "\n\n- encrypting it at rest;\n- logging access.\n", true),
            (Links{{"- encrypting it at rest;", lead}, {"- logging access.", lead}}));
  EXPECT_EQ(Leads("Records are kept as required by\n(a) the Act and the regulations.\n"), Links{});
}

// issue 11 engine A #2: in Markdown, a paragraph indented under a list item that leads in ("-
// **Hosting:**") is the item's text and takes it as lead-in.
TEST(Segment, AnIndentedParagraphUnderAnItemKeepsItsLeadIn) {
  EXPECT_EQ(Leads("These events are excluded:\n\n"
                  "- **Hosting:**\n\n"
                  "  Failures of the hosting provider.\n\n"
                  "- **Customer actions:**\n\n"
                  "  Changes the customer makes.\n\n"
                  "- Planned work\n\n"
                  "  Indented text under an item that leads into nothing.\n\n"
                  "Other text.\n\n"
                  "  Indented text after a paragraph.\n",
                  true),
            (Links{{"- Hosting:", "These events are excluded:"},
                   {"Failures of the hosting provider.", "- Hosting:"},
                   {"- Customer actions:", "These events are excluded:"},
                   {"Changes the customer makes.", "- Customer actions:"},
                   {"- Planned work", "These events are excluded:"}}));
}

// issue 11 engine A #3: text converted from a PDF keeps the bullets of its word processor ("●",
// the Symbol font's U+F0B7, "▪", "o"): each starts an item, after the list's lead-in.
TEST(Segment, PdfBulletsStartListItems) {
  EXPECT_EQ(Leads("The vendor must notify the buyer if it:\n"
                  "    \xEF\x82\xB7 receives a request from a person\n"
                  "    \xEF\x82\xB7 becomes aware of a data loss\n\n"
                  "The buyer may either:\n"
                  "\xE2\x97\x8F restore the data itself\n"
                  "\xE2\x97\x8F ask the vendor to restore it\n\n"
                  "The vendor shall:\n"
                  "o keep logs\n"
                  "o review them\n"),
            (Links{{"\xEF\x82\xB7 receives a request from a person",
                    "The vendor must notify the buyer if it:"},
                   {"\xEF\x82\xB7 becomes aware of a data loss",
                    "The vendor must notify the buyer if it:"},
                   {"\xE2\x97\x8F restore the data itself", "The buyer may either:"},
                   {"\xE2\x97\x8F ask the vendor to restore it", "The buyer may either:"},
                   {"o keep logs", "The vendor shall:"},
                   {"o review them", "The vendor shall:"}}));
}

// issue 11 engine A #3: a marker that the line wrapping put at a line start, inside a sentence
// (after "paragraph", "of", "the"), continues the sentence; a real list stays a list.
TEST(Segment, AMarkerInsideAWrappedSentenceIsNoItem) {
  EXPECT_EQ(Sentences("The vendor shall act as set out in paragraph\n"
                      "(b) above and give notice under the\n"
                      "(c) procedure within a day.\n"
                      "o is the letter used in the\n"
                      "o form.\n"),
            (Strings{"The vendor shall act as set out in paragraph\n(b) above and give notice "
                     "under the\n(c) procedure within a day.",
                     "o is the letter used in the\no form."}));
  EXPECT_EQ(Sentences("The vendor shall\n(a) log access;\n(b) keep logs.\n"),
            (Strings{"The vendor shall", "(a) log access;", "(b) keep logs."}));
}

// issue 11 engine A #3: page furniture between two items of a list in text converted from a PDF
// no longer ends the list: the items after the page break keep their lead-in.
TEST(Segment, AListRunsOverAPageBreakOfPdfText) {
  Result<Document> doc = ReadDocument(
      "Vendor Terms\nYou must:\na. keep a list of users.\n\n1\nVendor Terms (Public)\n"
      "v2 May 2024\n\n\fb.\n\nReview the list each month.\nc. Delete old accounts.\n\n2\n"
      "Vendor Terms (Public)\nv2 May 2024\n\n\fd. Report misuse to us.\n\n3\n"
      "Vendor Terms (Public)\nv2 May 2024\n",
      "terms.txt", ReadOptions());
  ASSERT_TRUE(doc.ok());
  NormalizeOptions options;
  options.join_sentences_across_blank_lines = true;
  Segmented s;
  s.text = Normalize(doc->text, options);
  s.outline = Segment(s.text);
  std::vector<std::string> leads;
  for (const ListLead& link : s.outline.leads) {
    leads.push_back(UnitText(s, s.outline.units[link.item]) + " <- " +
                    UnitText(s, s.outline.units[link.lead]));
  }
  EXPECT_EQ(
      leads,
      (Strings{"a. keep a list of users. <- You must:", "Review the list each month. <- You must:",
               "c. Delete old accounts. <- You must:", "d. Report misuse to us. <- You must:"}));
}

// issue 11 #1 (s7): a numbered clause whose whole text is a lead-in naming who owes the items
// ("14.9 The Supplier:") is a sentence that leads into its list, not a section titled "The
// Supplier"; a numbered title that ends in a colon ("3. Security Requirements:") is still one.
TEST(Segment, ANumberedLeadInIsNoSectionTitle) {
  const char* doc =
      "14. Data protection\n\n"
      "14.8 The vendor pays its own costs.\n\n"
      "14.9 The Vendor:\n\n"
      "- must encrypt data at rest\n"
      "- must keep access logs\n\n"
      "15. Confidentiality\n";
  EXPECT_EQ(Labels(doc), (Strings{"14. Data protection", "15. Confidentiality"}));
  EXPECT_EQ(Leads(doc), (Links{{"- must encrypt data at rest", "14.9 The Vendor:"},
                               {"- must keep access logs", "14.9 The Vendor:"}}));
  EXPECT_EQ(Labels("3. Security Requirements:\n\n- encrypt data\n"),
            (Strings{"3. Security Requirements"}));
}

// issue 11 #1 (s7): a reference to a clause that the line wrapping put at the start of a line
// ("as required in" / "Clause 15.") ends the sentence it belongs to; it opens no section. A
// clause heading after a finished sentence still does.
TEST(Segment, AWrappedClauseReferenceOpensNoSection) {
  const char* doc =
      "15. Confidentiality\n\n"
      "15.5 Disclosure must be on terms as strict as those required in\n"
      "Clause 15.\n\n"
      "15.6 Published information is not confidential.\n";
  EXPECT_EQ(Labels(doc), (Strings{"15. Confidentiality"}));
  EXPECT_EQ(Sentences(doc),
            (Strings{"15.5 Disclosure must be on terms as strict as those required in\nClause 15.",
                     "15.6 Published information is not confidential."}));
  EXPECT_EQ(Labels("The vendor keeps logs.\nClause 16\nAudit\n\nThe buyer may audit.\n"),
            (Strings{"Clause 16 Audit"}));
}

// engine limits 2 #3: a clause number that the line wrapping put at the start of a line with
// the next sentence after it ("... in accordance with clause" / "2. The notice ...") ends the
// sentence before; it opens no item of a numbered run and no section. A real next item after a
// finished sentence still does.
TEST(Segment, AWrappedClauseNumberBeforeTheNextSentenceOpensNoItem) {
  EXPECT_EQ(Sentences("1. The Supplier shall notify the Customer of any security incident in "
                      "accordance with clause\n"
                      "2. The notice shall be given within 24 hours.\n"),
            (Strings{"1. The Supplier shall notify the Customer of any security incident in "
                     "accordance with clause\n2.",
                     "The notice shall be given within 24 hours."}));
  EXPECT_EQ(Sentences("Schedule 1\n\n1.1 The Contractor must comply with the requirements of "
                      "Section\n"
                      "4. The Department may audit compliance once a year.\n"),
            (Strings{"1.1 The Contractor must comply with the requirements of Section\n4.",
                     "The Department may audit compliance once a year."}));
  EXPECT_EQ(Sentences("1. The Supplier shall keep logs as set out in this clause.\n"
                      "2. The Supplier shall encrypt backups.\n"),
            (Strings{"1. The Supplier shall keep logs as set out in this clause.",
                     "2. The Supplier shall encrypt backups."}));
}

// issue 11 #2 (s7): in hard-wrapped text whose list lost its markers (PDF text), a line that
// ends in a colon leads into the lines after it, and each line that ends in ';' ends an item;
// the item that ends the sentence ends the list.
TEST(Segment, UnmarkedItemsUnderALineEndingInAColonAreItems) {
  const char* doc =
      "The plan shall be reviewed by the vendor\n"
      "at least annually to reflect:\n"
      "      changes in good practice;\n"
      "      any change to the deliverables or the\n"
      "      security policy; and\n"
      "      new threats.\n"
      "The vendor shall report on it.\n";
  const char* lead = "The plan shall be reviewed by the vendor\nat least annually to reflect:";
  EXPECT_EQ(Sentences(doc), (Strings{lead, "changes in good practice;",
                                     "any change to the deliverables or the\nsecurity policy; and",
                                     "new threats.", "The vendor shall report on it."}));
  EXPECT_EQ(Leads(doc),
            (Links{{"changes in good practice;", lead},
                   {"any change to the deliverables or the\nsecurity policy; and", lead},
                   {"new threats.", lead}}));
  // A colon inside a line, or a line ending in ';' with no lead-in, splits nothing.
  EXPECT_EQ(Sentences("Notice: the vendor shall act;\nand the buyer shall pay.\n"),
            (Strings{"Notice: the vendor shall act;\nand the buyer shall pay."}));
}

// issue 11 engine limits #4: a line in capitals with a note in brackets in lower case is still a
// heading ("PART A: ... (applicable to ...)"), not a sentence rules read.
TEST(Segment, ACapitalsHeadingWithABracketedNoteIsAHeading) {
  EXPECT_EQ(Labels("PART A: BASIC HOSTING TERMS (for the small plans only)\n\n"
                   "The vendor keeps logs.\n"),
            Strings{"PART A: BASIC HOSTING TERMS (for the small plans only)"});
  EXPECT_EQ(Sentences("PART A: BASIC HOSTING TERMS (for the small plans only)\n\n"
                      "The vendor keeps logs.\n"),
            Strings{"The vendor keeps logs."});
  // A sentence in capitals with a note is no heading: it has a verb.
  EXPECT_EQ(Sentences("THE VENDOR SHALL KEEP LOGS (see annex 2)\n"),
            Strings{"THE VENDOR SHALL KEEP LOGS (see annex 2)"});
}

}  // namespace
}  // namespace clausescan::internal

namespace clausescan::internal {
namespace {

// issue 11 engine limits #1: a numbered line with no full stop is a heading only when a body
// follows it; a line of a run of sibling items ("1." "2." "3.", "5.1" "5.2") is an item, each its
// own unit, whether the items stand on consecutive lines or between blank lines.
TEST(Segment, NumberedLinesOfARunOfSiblingsAreItems) {
  // An annex of measures, sentence case, one per line (UK schedule style).
  EXPECT_EQ(Sentences("Annex 2 Technical and Organisational Measures\n\n"
                      "1. Quarterly access review of privileged accounts\n"
                      "2. Multi-factor authentication for remote access\n"
                      "3. Encryption of personal data at rest\n"),
            (Strings{"1. Quarterly access review of privileged accounts",
                     "2. Multi-factor authentication for remote access",
                     "3. Encryption of personal data at rest"}));
  // The same run between blank lines (a Word list converted to text).
  EXPECT_EQ(Sentences("The Processor has implemented the measures of this Annex.\n\n"
                      "1. Quarterly access review of privileged accounts\n\n"
                      "2. Multi-factor authentication for remote access\n\n"
                      "3. Annual penetration testing by an independent firm\n"),
            (Strings{"The Processor has implemented the measures of this Annex.",
                     "1. Quarterly access review of privileged accounts",
                     "2. Multi-factor authentication for remote access",
                     "3. Annual penetration testing by an independent firm"}));
  // Decimal siblings (US security exhibit style) and a last item followed by a new heading.
  EXPECT_EQ(Sentences("4.1 Logging of administrative access to production systems\n\n"
                      "4.2 Backups of customer data kept in a second region\n\n"
                      "FEES\n\nThe fees are set out in the order form.\n"),
            (Strings{"4.1 Logging of administrative access to production systems",
                     "4.2 Backups of customer data kept in a second region",
                     "The fees are set out in the order form."}));
}

// Near misses: a numbered line followed by its body is still a heading, and a run of numbered
// titles in title case (an untitled table of contents) is still headings.
TEST(Segment, NumberedLinesFollowedByTheirBodyStayHeadings) {
  EXPECT_EQ(Labels("1. Security of processing\n\nThe processor shall protect the data.\n\n"
                   "2. Audit of the processor\n\nThe controller may audit once a year.\n"),
            (Strings{"1. Security of processing", "2. Audit of the processor"}));
  EXPECT_EQ(Sentences("1. Audit Rights\n2. Limitation of Liability\n3. Insurance\n"), Strings{});
  // A numbered line followed by its body after a run of items is a heading again.
  EXPECT_EQ(Labels("1. Encryption of backups\n\n2. Logging of access\n\n"
                   "3. Service levels\n\nThe vendor shall keep the service available.\n"),
            Strings{"3. Service levels"});
  // A number that is not the next one does not start an item in a wrapped line.
  EXPECT_EQ(Sentences("1. Retention of audit logs for\n12 months or longer\n"),
            Strings{"1. Retention of audit logs for\n12 months or longer"});
}

}  // namespace
}  // namespace clausescan::internal

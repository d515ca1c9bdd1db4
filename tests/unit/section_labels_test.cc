// Section labels in text converted from PDFs (issue 15 #9): page numbers and margin line numbers
// are no section numbers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "extract/pdf_cleanup.h"
#include "scan_text.h"

namespace clausescan {
namespace {

const RuleSet& Builtin() { return test_scan::BuiltinRules(); }

std::string Findings(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += std::to_string(f.line) + " " + f.category + " (" + f.section + "); ";
  }
  return out;
}

// issue 15 #9: a page number "23." between the halves of a sentence (a page break in text
// from a PDF) is no section 23: the sentence reads whole, under its own section.
TEST(SectionLabels, PageNumberWithAPeriodInsideASentenceIsNoSection) {
  Result<Report> report = Scanner(Builtin()).ScanBytes(
      "18. Limitation of Liability\n\n"
      "18.1 Supplier's aggregate liability under this Agreement shall not\n\n23.\n\nexceed the "
      "total fees paid by Customer in the twelve (12) months preceding the claim.\n\n"
      "19. Audit\n\nCustomer may audit Supplier once per year on thirty (30) days' notice.\n",
      "contract.txt");
  ASSERT_TRUE(report.ok());
  bool cap = false;
  for (const Finding& f : report->findings) {
    EXPECT_NE(f.section, "23.") << Findings(*report);
    if (f.category == "liability_cap") {
      cap = true;
      EXPECT_EQ(f.section.rfind("18", 0), 0u) << Findings(*report);
    }
  }
  EXPECT_TRUE(cap) << Findings(*report);
}

// issue 15 #9: line numbers printed in a PDF's margin ("12 Supplier shall ...") are taken off,
// so they neither open sections nor stay in the clause.
TEST(SectionLabels, MarginLineNumbersAreRemoved) {
  std::vector<internal::PageLines> pages = {{}, {}};
  const std::vector<std::string> body = {
      "SERVICES AGREEMENT",
      "7. Security Incidents",
      "Supplier shall notify Customer of any Security Incident within",
      "twenty-four (24) hours of becoming aware of it.",
      "8. Audit",
      "Customer may audit Supplier once per year.",
      "9. Term",
      "This Agreement runs for three years."};
  int number = 1;
  for (int p = 0; p < 2; ++p) {
    for (const std::string& line : body) {
      pages[p].push_back(std::to_string(number++) + "  " + line);
    }
  }
  internal::RemoveMarginLineNumbers(pages);
  EXPECT_EQ(pages[0][1], "7. Security Incidents");
  EXPECT_EQ(pages[1][2], "Supplier shall notify Customer of any Security Incident within");
  // Numbered clauses are no margin numbers: they are left alone.
  std::vector<internal::PageLines> clauses = {{"1 Definitions", "Terms have their meaning.",
                                               "2 Services", "Supplier provides them.", "3 Fees",
                                               "Customer pays them.", "4 Term", "It runs a year."}};
  const std::vector<internal::PageLines> before = clauses;
  internal::RemoveMarginLineNumbers(clauses);
  EXPECT_EQ(clauses, before);
}

// issue 15 #9: the same margin numbers in plain text (converted from a PDF) open no sections
// and leave the clause's line and column those of the file.
TEST(SectionLabels, MarginLineNumbersInPlainTextAreNoSections) {
  const std::string text =
      " 1  SERVICES AGREEMENT\n\n 2  7. Security Incidents\n\n"
      " 3  Supplier shall notify Customer of any Security Incident within\n"
      " 4  twenty-four (24) hours of becoming aware of it.\n\n 5  8. Audit\n\n"
      " 6  Customer may audit Supplier once per year on thirty (30) days' notice.\n\n"
      " 7  9. Term\n\n 8  This Agreement runs for three years.\n";
  Result<Report> report = Scanner(Builtin()).ScanBytes(text, "margin.txt");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->findings.size(), 2u) << Findings(*report);
  EXPECT_EQ(report->findings[0].section, "7. Security Incidents") << Findings(*report);
  EXPECT_EQ(report->findings[0].line, 5);
  EXPECT_EQ(report->findings[0].column, 5);
  EXPECT_EQ(report->findings[0].text.rfind("Supplier shall notify", 0), 0u);
  EXPECT_EQ(report->findings[1].section, "8. Audit") << Findings(*report);
}

// issue 11 #3: a line underlined with "===" or "---" (Setext, Markdown or plain text) is a
// heading: the clause under it is in that section, not in the one before.
TEST(SectionLabels, AnUnderlinedLineIsTheSectionOfTheTextBelowIt) {
  for (const char* name : {"terms.md", "terms.txt"}) {
    Result<Report> report = Scanner(Builtin()).ScanBytes(
        "Hosting Terms\n=============\n\nThe Vendor hosts the service for the Client.\n\n"
        "Breach Notices\n--------------\n\nThe Vendor must notify the Client of any security "
        "breach within 24 hours.\n",
        name);
    ASSERT_TRUE(report.ok());
    bool notice = false;
    for (const Finding& f : report->findings) {
      if (f.category != "incident_notification") continue;
      notice = true;
      EXPECT_EQ(f.section, "Breach Notices") << name << ": " << Findings(*report);
    }
    EXPECT_TRUE(notice) << name << ": " << Findings(*report);
  }
}

// issue 11 #3: short numbered items under a lead-in ("shall include:") are the list's items,
// not numbered headings: the text after the list keeps its own section.
TEST(SectionLabels, ShortNumberedItemsAfterALeadInOpenNoSection) {
  Result<Report> report = Scanner(Builtin()).ScanBytes(
      "## 7. Testing\n\n"
      "1. The Vendor's testing programme shall include:\n\n"
      "    1. Yearly penetration tests\n\n"
      "    2. Monthly scans of public hosts\n\n"
      "2. The Vendor must notify the Client of any security breach within 24 hours.\n",
      "testing.md");
  ASSERT_TRUE(report.ok());
  for (const Finding& f : report->findings) {
    EXPECT_EQ(f.section.rfind("7", 0), 0u) << Findings(*report);
  }
  EXPECT_FALSE(report->findings.empty());
}

// issue 11 #3: "4. Looking after data" in sentence case, right above its first subclause
// ("4.1 ..."), heads section 4: the subclauses are not left in the section before.
TEST(SectionLabels, ANumberedTitleAboveItsFirstSubclauseIsAHeading) {
  Result<Report> report = Scanner(Builtin()).ScanBytes(
      "3. Paying for the work\n3.1 The Client pays each invoice within 30 days.\n\n"
      "4. Looking after data\n4.1 The Vendor hosts the service in its own data centre.\n\n"
      "4.2 The Vendor must notify the Client of any security breach within 24 hours.\n",
      "terms.txt");
  ASSERT_TRUE(report.ok());
  bool notice = false;
  for (const Finding& f : report->findings) {
    if (f.category != "incident_notification") continue;
    notice = true;
    EXPECT_EQ(f.section, "4. Looking after data") << Findings(*report);
  }
  EXPECT_TRUE(notice) << Findings(*report);
}

// issue 13 s10 #5: "7.3. Customer Audits." after a sentence that refers to it "below." is the
// next section of the numbering, not an item of a list that sentence would lead into.
TEST(SectionLabels, NextTwoLevelNumberAfterASentenceEndingBelowIsASection) {
  Result<Report> report = Scanner(Builtin()).ScanBytes(
      "**7. Audits**.\n\n"
      "7.2.  Certifications.\n\n"
      "(a) Vendor will give the Client copies of its audit reports on request.\n\n"
      "(b) The Client agrees that its audit rights are satisfied by these reports and by the steps "
      "set out in Section 7.3 (Customer Audits) below.\n\n"
      "7.3.  Customer Audits.\n\n"
      "(a) The Client may audit the Vendor once per year, at its own expense.\n",
      "audits.md");
  ASSERT_TRUE(report.ok());
  bool audit = false;
  for (const Finding& f : report->findings) {
    if (f.line != 11) continue;
    audit = true;
    EXPECT_EQ(f.section, "7.3 Customer Audits") << Findings(*report);
  }
  EXPECT_TRUE(audit) << Findings(*report);
}

// engine limits 2 #4: a numbered clause that opens with a title and a colon ("3.3  Fees: As set
// out ...") is the section its number says comes next, after a sibling's subclause too ("3.1.2"
// -> "3.2"), so the subclauses after it are in it, not in the last titled section (CUAD
// LinkPlus 3.5.4 was labelled "3.1 AMR Products").
TEST(SectionLabels, ANextNumberWithATitleAndAColonIsASection) {
  Result<Report> report = Scanner(Builtin()).ScanBytes(
      "3.       SUPPLY OF UNITS\n\n"
      "         The parties agree to work together on supplying the units described below.\n\n"
      "         3.1      Units\n\n"
      "                  3.1.1    Sensor Units: the Maker builds the sensor units.\n\n"
      "                  3.1.2    Gateway Units: the Seller resells the gateway units.\n\n"
      "         3.2      Pricing: The Seller sets the price of the units in each territory.\n\n"
      "         3.3      Fees: As set out in section 3.2 above, the Seller may owe the Maker a "
      "share of the fees.\n\n"
      "                  3.3.1    Fees due shall be paid within 30 days of each quarter.\n\n"
      "                  3.3.2    Each party may audit the records of the other party once a "
      "year to check the fees paid.\n\n"
      "4.       RELATIONSHIP\n\n"
      "         4.1      The parties are independent contractors.\n",
      "supply.txt");
  ASSERT_TRUE(report.ok());
  bool audit = false;
  for (const Finding& f : report->findings) {
    if (f.category != "audit_rights") continue;
    audit = true;
    EXPECT_EQ(f.section, "3.3 Fees") << Findings(*report);
  }
  EXPECT_TRUE(audit) << Findings(*report);
}

}  // namespace
}  // namespace clausescan

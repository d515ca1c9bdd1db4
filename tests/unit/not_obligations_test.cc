// Text that creates no obligation (issue 15 #8): definitions schedules and tables, and contents
// lists, give no findings and do not make a document a DPA.
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

Report Scan(const std::string& doc, const std::string& name) {
  return test_scan::ScanText(doc, name);
}

std::string Findings(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += std::to_string(f.line) + " " + f.category + " (" + f.section + "); ";
  }
  return out;
}

// issue 15 #8a: a "Term | Meaning" table defines terms; its rows are no duties.
TEST(NotObligations, DefinitionTableRowsGiveNoFindings) {
  const Report report = Scan(
      "# Schedule 1: Definitions\n\n"
      "| Term | Meaning |\n|---|---|\n"
      "| Audit | an inspection by the Customer or its auditor of the Supplier's premises, "
      "systems, records and personnel, on thirty (30) days' notice |\n"
      "| Personal Data Breach | a breach of security leading to the accidental or unlawful "
      "destruction, loss or disclosure of Personal Data, to be notified within 24 hours |\n"
      "| Sub-processor | any processor engaged by the Supplier to process Personal Data |\n",
      "defs.md");
  EXPECT_TRUE(report.findings.empty()) << Findings(report);
  // The same rows in a table of another kind still count.
  const Report other = Scan(
      "# Order form\n\n| Item | Terms |\n|---|---|\n"
      "| Breach notice | Supplier shall notify Customer of a Personal Data Breach within 24 "
      "hours. |\n",
      "order.md");
  EXPECT_FALSE(other.findings.empty());
}

// issue 15 #8a: a schedule of definitions is no DPA for its vocabulary, and is missing no
// clause of one.
TEST(NotObligations, DefinitionsScheduleIsNotADpa) {
  const Report report = Scan(
      "SCHEDULE 1 - DEFINITIONS\n\n"
      "\"Audit\" means an inspection by the Customer or its auditor of the Supplier's premises, "
      "systems and records on thirty (30) days' notice.\n\n"
      "\"Personal Data Breach\" means a breach of security leading to the accidental or unlawful "
      "destruction, loss, alteration or unauthorised disclosure of Personal Data.\n\n"
      "\"Sub-processor\" means any processor engaged by the Supplier to process Personal Data.\n\n"
      "\"Deletion\" means the permanent erasure of Personal Data.\n\n"
      "\"Data Processing Agreement\" means the data processing terms between the parties.\n\n"
      "\"Controller\" and \"Processor\" have the meanings given in the GDPR.\n",
      "defs.txt");
  EXPECT_EQ(report.document.type, "other");
  EXPECT_TRUE(report.missing.empty());
  EXPECT_TRUE(report.findings.empty()) << Findings(report);
}

// issue 15 #8b: the lines of a contents list are no clauses, and open no sections.
TEST(NotObligations, ContentsListsGiveNoFindings) {
  const char* const docs[][2] = {
      {"Data Protection Plan\n\nContents\n\n"
       "1. Purpose ........................................ 2\n"
       "2. Sub-processors and prior written consent ........ 4\n"
       "3. Security incidents and breach notification ..... 6\n"
       "4. Audits and inspections .......................... 8\n"
       "5. Deletion and return of data ..................... 9\n\n"
       "1. Purpose\n\nThis plan describes how the service is run.\n",
       "toc.txt"},
      {"Security Plan\n\nTable of Contents\nSub-processor consent 12\n"
       "Breach notification within 72 hours 14\nAudit rights 15\nDeletion of data 16\n"
       "Insurance 17\n\nIntroduction\n\nThis plan describes how the service is run.\n",
       "toc2.txt"},
      {"# Security Plan\n\n## Contents\n\n"
       "- Sub-processors (prior written consent of the Customer)\n- Breach notification\n"
       "- Audit and inspection rights\n- Return and deletion of data\n\n"
       "## Introduction\n\nThis plan describes how the service is run.\n",
       "toc3.md"},
  };
  for (const auto& [text, name] : docs) {
    const Report report = Scan(text, name);
    EXPECT_TRUE(report.findings.empty()) << name << ": " << Findings(report);
  }
  // The clauses after the contents are read as ever, in their sections.
  const Report after = Scan(std::string(docs[0][0]) +
                                "\n2. Sub-processors\n\nSupplier shall not engage any "
                                "sub-processor without the prior written consent of Customer.\n",
                            "toc.txt");
  ASSERT_EQ(after.findings.size(), 1u) << Findings(after);
  EXPECT_EQ(after.findings[0].category, "subprocessors");
  EXPECT_EQ(after.findings[0].section, "2. Sub-processors");
}

}  // namespace
}  // namespace clausescan

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::string Summary(const std::vector<Report>& reports, bool color = false) {
  std::ostringstream out;
  TextStyle style;
  style.color = color;
  WriteTextSummary(reports, out, style);
  return out.str();
}

TEST(TextSummary, LiteralOutput) {
  EXPECT_EQ(
      Summary(samples::TwoReports()),
      R"(summary: 3 findings (1 high, 1 medium, 1 low, 0 info) and 1 missing clause in 2 documents

document          worst   INC   DEL   AUD   INS
contracts/dpa.md  HIGH    HIGH  LOW   MISS  -
msa.txt           MEDIUM  -     -     -     MED

columns: INC incident_notification, DEL data_deletion, AUD audit_rights, INS insurance
cells: HIGH, MED, LOW or INFO, the worst risk of the category's findings; MISS, an expected clause
       is missing; -, none

top issues:
  HIGH    contracts/dpa.md:12 incident_notification: notice within 24 h of occurrence — section 7.
          Security Incidents
  MEDIUM  msa.txt:3 insurance: USD 5,000,000 cover, types: cyber — section 14. Insurance
)");
}

TEST(TextSummary, NoReports) {
  EXPECT_EQ(Summary({}),
            "summary: 0 findings (0 high, 0 medium, 0 low, 0 info) and 0 missing clauses in 0 "
            "documents\n");
}

TEST(TextSummary, DocumentsWithoutFindingsHaveNoColumns) {
  Report r;
  r.document.path = "empty.txt";
  EXPECT_EQ(Summary({r}),
            "summary: 0 findings (0 high, 0 medium, 0 low, 0 info) and 0 missing clauses in 1 "
            "document\n\ndocument   worst\nempty.txt  INFO\n\n"
            "top issues: none at high or medium risk\n");
}

TEST(TextSummary, WorstRiskPerCellAndUnknownCategories) {
  Report r = samples::MsaReport();
  Finding low = r.findings[0];
  low.risk = Risk::kLow;
  Finding info = low;
  info.category = "escrow";
  info.risk = Risk::kInfo;
  r.findings = {low, r.findings[0], info};
  std::string text = Summary({r});
  // insurance holds a low and a medium finding: the cell shows the worse. An unknown category
  // sorts after the known ones and gets a header from its id.
  EXPECT_NE(text.find("document  worst   INS   ESC\nmsa.txt   MEDIUM  MED   INFO\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("INS insurance, ESC escrow\n"), std::string::npos) << text;
}

TEST(TextSummary, LongPathsKeepTheirEnd) {
  Report r = samples::MsaReport();
  r.document.path = "customers/very-long-customer-name/contracts/2024/msa-signed.txt";
  std::string text = Summary({r});
  EXPECT_NE(text.find("\n\u2026omer-name/contracts/2024/msa-signed.txt  MEDIUM"), std::string::npos)
      << text;
}

TEST(TextSummary, ColourOnlyWhenAsked) {
  EXPECT_EQ(Summary(samples::TwoReports()).find('\x1b'), std::string::npos);
  std::string color = Summary(samples::TwoReports(), true);
  // Only the word is coloured; the padding stays outside so columns line up.
  EXPECT_NE(color.find("\x1b[1;31mHIGH\x1b[0m    \x1b[1;31mHIGH\x1b[0m  \x1b[32mLOW\x1b[0m   "
                       "\x1b[33mMISS\x1b[0m  -\n"),
            std::string::npos)
      << color;
}

}  // namespace
}  // namespace clausescan

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

using Record = std::vector<std::string>;

std::string Csv(const std::vector<Report>& reports) {
  std::ostringstream out;
  WriteCsv(reports, out);
  return out.str();
}

// A strict RFC 4180 reader: records end with CRLF; quoted fields may hold anything, with ""
// for a quote. Fails the test on malformed input.
std::vector<Record> ParseCsv(const std::string& text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) {
          ADD_FAILURE() << "unterminated quoted field";
          return records;
        }
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (text[i] == '"') {
          ++i;
          break;
        } else {
          field += text[i];
        }
      }
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\r') {
      EXPECT_NE(text[i], '"') << "quote inside an unquoted field at " << i;
      EXPECT_NE(text[i], '\n') << "bare line feed at " << i;
      field += text[i++];
    }
    record.push_back(field);
    field.clear();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    EXPECT_EQ(text.substr(i, 2), "\r\n") << "record not ended by CRLF at " << i;
    i += 2;
    records.push_back(record);
    record.clear();
  }
  return records;
}

TEST(CsvPrinter, LiteralOutput) {
  EXPECT_EQ(Csv({samples::MsaReport()}),
            "path,line,column,start,end,page,paragraph,section,category,rule,risk,party,"
            "parameters,reasons,controls,evidence,text,party_name,side,holds\r\n"
            "msa.txt,3,1,10,70,,,14. Insurance,insurance,insurance.cyber,medium,supplier,"
            "amount=5000000;currency=USD;types=cyber,"
            "USD 5000000 is above the 2000000 a small supplier usually carries,A.5.20,"
            "insurance-certificate,"
            "\"Supplier shall maintain cyber insurance of at least USD 5,000,000.\",,,\r\n");
}

TEST(CsvPrinter, HeaderOnlyWithoutFindings) {
  EXPECT_EQ(Csv({}),
            "path,line,column,start,end,page,paragraph,section,category,rule,risk,party,"
            "parameters,reasons,controls,evidence,text,party_name,side,holds\r\n");
}

TEST(CsvPrinter, OneRowPerFindingInOrder) {
  std::vector<Record> records = ParseCsv(Csv(samples::TwoReports()));
  ASSERT_EQ(records.size(), 4u);  // header + 3 findings; missing clauses are not rows
  for (const Record& r : records) EXPECT_EQ(r.size(), 20u);
  EXPECT_EQ(records[1][0], "contracts/dpa.md");
  EXPECT_EQ(records[1][9], "incident-notification.window");
  EXPECT_EQ(records[1][12], "trigger=occurrence;window_hours=24");
  EXPECT_EQ(records[1][14], "A.5.24 A.5.26");
  EXPECT_EQ(records[1][15], "incident-response-procedure soa-excerpt");
  EXPECT_EQ(records[1][16], samples::NoticeFinding().text);  // the line break survives
  EXPECT_EQ(records[2][12], "backups=true;period_days=30");
  EXPECT_EQ(records[3][0], "msa.txt");
}

TEST(CsvPrinter, QuotingRoundTrips) {
  Report r = samples::MsaReport();
  Finding& f = r.findings[0];
  f.text = "Supplier, \"the Provider\", shall\r\nnotify\nwithin 24 hours; \"promptly\".";
  f.section = "9. \"Incidents\", notices";
  f.reasons = {"one, two", "three \"quoted\""};
  f.page = 3;
  f.paragraph = 17;
  r.document.path = "dir with, comma/a \"b\".txt";
  std::vector<Record> records = ParseCsv(Csv({r}));
  ASSERT_EQ(records.size(), 2u);
  const Record& row = records[1];
  EXPECT_EQ(row[0], r.document.path);
  EXPECT_EQ(row[5], "3");
  EXPECT_EQ(row[6], "17");
  EXPECT_EQ(row[7], f.section);
  EXPECT_EQ(row[13], "one, two | three \"quoted\"");
  EXPECT_EQ(row[16], f.text);
}

TEST(CsvPrinter, FormulasAreNeutralised) {
  Report r = samples::MsaReport();
  r.findings[0].text = "=HYPERLINK(\"http://x.example\",\"click\")";
  r.findings[0].section = "+1 Section";
  r.findings[0].party = "@party";
  std::vector<Record> records = ParseCsv(Csv({r}));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1][16], "'=HYPERLINK(\"http://x.example\",\"click\")");
  EXPECT_EQ(records[1][7], "'+1 Section");
  EXPECT_EQ(records[1][11], "'@party");
}

// Attack review D8: escape sequences in a clause reached the CSV text column (a terminal that
// shows the file, or a spreadsheet cell, would act on them).
TEST(CsvPrinter, ControlCharactersAreDropped) {
  Report r = samples::MsaReport();
  r.findings[0].text = "notify \x1b[31mCustomer\x1b[0m within\n12 hours\x07.\xc2\x9b" "31m";
  std::vector<Record> records = ParseCsv(Csv({r}));
  EXPECT_EQ(records[1][16], "notify [31mCustomer[0m within\n12 hours.31m");
}

TEST(CsvPrinter, InvalidUtf8Replaced) {
  Report r = samples::MsaReport();
  r.findings[0].text = "bad \xff byte";
  std::vector<Record> records = ParseCsv(Csv({r}));
  EXPECT_EQ(records[1][16], "bad \xef\xbf\xbd byte");
}

}  // namespace
}  // namespace clausescan

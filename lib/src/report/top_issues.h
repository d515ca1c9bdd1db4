// The top issues that open the text, Markdown and HTML reports: every HIGH and MEDIUM finding
// on one line, worst first, saying what the clause says in numbers and where it is.
#ifndef CLAUSESCAN_REPORT_TOP_ISSUES_H_
#define CLAUSESCAN_REPORT_TOP_ISSUES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// What a finding's parameters say, in words, in a fixed order: {window_hours: 24, trigger:
// occurrence} -> "notice within 24 h of occurrence"; {notice_days: 30, business: true} ->
// "30 business days' notice"; {cap_amount: 1000000, currency: USD} -> "cap of USD 1,000,000";
// a flag it does not know by its name ("data breach"), another value as "name value". ""
// when the finding has no parameters. Plain text: escape it for the output format.
std::string ParameterWords(const Finding& finding);

// Where the finding is, in words: "line 101:51, p. 3, section 8.3 Exceptions" (the column when
// it is not 1, which tells apart two clauses of one line; page for a PDF,
// "¶ 42" for a DOCX, the section when there is one). Plain text.
std::string LocationWords(const Finding& finding);

// ParameterWords, or the finding's title (else its rule) when it has no parameters.
// Ends with ", not compared (currency)" when an amount of the finding was not compared with the
// playbook's limits (NotComparedReason), so the one line never reads as judged. With a company
// profile's verdict, then "; your profile meets it" or "; your profile does not meet it".
std::string IssueWords(const Finding& finding);

// How a reason of an amount the playbook's limits did not judge begins (AmountsInBaseCurrency).
inline constexpr std::string_view kNotCompared = "not compared (currency)";
// The first reason of the finding that begins with kNotCompared; nullptr when none does.
const std::string* NotComparedReason(const Finding& finding);

struct TopIssue {
  std::size_t report = 0;   // index into the reports
  std::size_t finding = 0;  // index into that report's findings
  const Finding* f = nullptr;
};

// Every finding of risk medium or higher in `reports`: high first, then medium; in report
// order and document order within a risk. Pointers into `reports`, valid while it lives.
std::vector<TopIssue> TopIssues(const std::vector<Report>& reports);
// The same for one report (TopIssue::report 0); pointers into `report`.
std::vector<TopIssue> TopIssues(const Report& report);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_TOP_ISSUES_H_

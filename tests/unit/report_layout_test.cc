// What the printers show first and how much (issue 15 #2, #7): SelectFindings, the top issues
// in words, document names, links within the Markdown and HTML reports, the evidence pack for
// scripts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/evidence.h"
#include "clausescan/printers.h"
#include "report/rationale_text.h"
#include "report/top_issues.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::vector<std::string> RisksOf(const Report& report) {
  std::vector<std::string> risks;
  for (const Finding& f : report.findings) risks.emplace_back(RiskName(f.risk));
  return risks;
}

// issue 15 #2
TEST(SelectFindings, MinRiskLeavesOutFindingsAndMissingClausesAndSaysSo) {
  PrintOptions options;
  options.min_risk = Risk::kHigh;
  Report shown = SelectFindings(samples::DpaReport(), options);
  EXPECT_EQ(RisksOf(shown), (std::vector<std::string>{"high"}));
  EXPECT_TRUE(shown.missing.empty());
  ASSERT_EQ(shown.notes.size(), 2u);
  EXPECT_EQ(shown.notes[1],
            "1 finding and 1 missing clause below high risk left out (minimum "
            "risk high)");
  Report again = SelectFindings(shown, options);
  EXPECT_EQ(again.notes, shown.notes);  // selecting twice adds nothing
  Report all = SelectFindings(samples::DpaReport(), PrintOptions{});
  EXPECT_EQ(all.findings.size(), 2u);
  EXPECT_EQ(all.notes.size(), 1u);
}

// issue 15 #2
TEST(SelectFindings, SortByRiskKeepsDocumentOrderWithinARisk) {
  Report r = samples::DpaReport();
  Finding second_high = samples::NoticeFinding();
  second_high.line = 50;
  r.findings = {samples::DeletionFinding(), samples::NoticeFinding(), samples::InsuranceFinding(),
                second_high};
  PrintOptions options;
  options.order = FindingOrder::kRisk;
  Report sorted = SelectFindings(r, options);
  EXPECT_EQ(RisksOf(sorted), (std::vector<std::string>{"high", "high", "medium", "low"}));
  EXPECT_EQ(sorted.findings[0].line, 12);
  EXPECT_EQ(sorted.findings[1].line, 50);
  EXPECT_EQ(ParseFindingOrder("Risk"), FindingOrder::kRisk);
  EXPECT_EQ(ParseFindingOrder("POSITION"), FindingOrder::kPosition);
  EXPECT_EQ(ParseFindingOrder("worst"), std::nullopt);
}

// issue 15 #7: risk names in any case.
TEST(ParseRisk, AnyCase) {
  EXPECT_EQ(ParseRisk("HIGH"), Risk::kHigh);
  EXPECT_EQ(ParseRisk("Medium"), Risk::kMedium);
  EXPECT_EQ(ParseRisk("severe"), std::nullopt);
}

// issue 15 #2: what the clause says in numbers, in words.
TEST(TopIssues, ParameterWords) {
  struct Case {
    std::map<std::string, ParamValue> parameters;
    std::string words;
  };
  const Case cases[] = {
      {{{"window_hours", 24.0}, {"trigger", std::string("occurrence")}},
       "notice within 24 h of occurrence"},
      {{{"window_days", 5.0}, {"business", true}}, "notice within 5 business days"},
      {{{"vague", std::string("without undue delay")}, {"trigger", std::string("awareness")}},
       "notice without undue delay of awareness"},
      {{{"notice_days", 30.0}}, "30 days' notice"},
      {{{"notice_days", 1.0}}, "1 day's notice"},
      {{{"cap_amount", 1000000.0}, {"currency", std::string("USD")}}, "cap of USD 1,000,000"},
      {{{"cap_months_fees", 12.0}}, "cap of 12 months' fees"},
      {{{"amount", 5000000.0}, {"currency", std::string("EUR")}}, "EUR 5,000,000 cover"},
      {{{"percent", 99.9}}, "99.9% uptime"},
      {{{"authorisation", std::string("specific")}}, "specific authorisation"},
      {{{"uncapped_carveout", true}, {"scope", std::vector<std::string>{"data_protection"}}},
       "carve-outs from the cap, scope: data protection"},
      {{{"period_days", 30.0}, {"backups_retained", true}, {"backups", true}},
       "within 30 days, backups kept past the deadline"},
      {{{"data_breach", true}, {"frequency", 2.0}}, "2 per year, data breach"},
      {{}, ""},
  };
  for (const Case& c : cases) {
    Finding f;
    f.parameters = c.parameters;
    EXPECT_EQ(internal::ParameterWords(f), c.words) << c.words;
  }
  Finding deletion;
  deletion.category = "data_deletion";
  deletion.parameters = {{"certification", true}, {"period_days", 15.0}};
  EXPECT_EQ(internal::ParameterWords(deletion), "within 15 days, certificate of deletion");
  Finding untitled;
  untitled.title = "Audit rights";
  EXPECT_EQ(internal::IssueWords(untitled), "Audit rights");
}

// A flag that a list parameter already names is said once (new-user review: "scope: third
// party, data breach, data breach").
TEST(TopIssues, AFlagTheListNamesIsSaidOnce) {
  Finding f;
  f.category = "indemnification";
  f.parameters = {{"data_breach", true},
                  {"scope", std::vector<std::string>{"third_party", "data_breach"}}};
  const std::string words = internal::ParameterWords(f);
  EXPECT_EQ(words.find("data breach"), words.rfind("data breach")) << words;
}

// issue 14: the rationale takes one or two lines in text: its first sentence cut near 150
// characters at a word, and two source titles.
TEST(RationaleLine, IsCompact) {
  Rationale r;
  r.text = std::string(30, 'x') + " " + std::string(200, 'y') + ", more. Second sentence.";
  r.sources = {{"GDPR Art. 33", "u"}, {"DORA Art. 19", "u"}, {"HIPAA 164.410", "u"}};
  EXPECT_EQ(internal::RationaleLine(r),
            std::string(30, 'x') + " \u2026 (GDPR Art. 33; DORA Art. 19; +1 more)");
  r.text = "Short reason. Second sentence.";
  r.sources.resize(1);
  EXPECT_EQ(internal::RationaleLine(r), "Short reason. (GDPR Art. 33)");
}

// issue 14 (reviews): a citation's period does not end the first sentence ("Art. 28" cut the
// line to "... GDPR Art."), and a rationale's line breaks and control bytes never reach the
// one-line forms (the evidence CSV cell kept raw newlines).
TEST(RationaleLine, CitationsDoNotEndTheSentenceAndTheLineIsOneLine) {
  Rationale r;
  r.text = "Processors must help under GDPR Art. 28(3)(f) and s. 2 of the Act. Second sentence.";
  EXPECT_EQ(internal::RationaleLine(r),
            "Processors must help under GDPR Art. 28(3)(f) and s. 2 of the Act.");
  r.text = "Reports count\r\nas evidence.\x1b[2J Second.";
  r.sources = {{"Title\nwith a break", "u"}};
  EXPECT_EQ(internal::RationaleLine(r),
            "Reports count as evidence.[2J Second. (Title with a break)");
}

// issue 15 #2: a deletion period found as both the clause's period and its deletion's is said
// once, as the deletion's ("within 30 days, ..., delete days 30" before).
TEST(TopIssues, ADeletionPeriodIsSaidOnce) {
  Finding f = samples::NoticeFinding();
  f.category = "data_deletion";
  f.parameters = {{"period_days", 30.0}, {"delete_days", 30.0}};
  EXPECT_EQ(internal::ParameterWords(f), "deletion within 30 days");
  f.parameters = {{"period_days", 10.0}, {"delete_days", 30.0}};
  EXPECT_EQ(internal::ParameterWords(f), "within 10 days, deletion within 30 days");
}

// issue 15 (reading review): a period that is the handover's is said once, as the handover's
// ("within 1 day, handover days 1" read as a deletion period), and the numbers read for records,
// certifications and credit caps are said in words, whole years as years.
TEST(TopIssues, HandoverRecordsCertificationAndCreditCapInWords) {
  Finding f = samples::NoticeFinding();
  f.category = "data_deletion";
  f.parameters = {{"period_days", 1.0}, {"handover_days", 1.0}, {"business", true}};
  EXPECT_EQ(internal::ParameterWords(f), "handover within 1 business day");
  f.category = "audit_rights";
  f.parameters = {{"retention_months", 36.0}};
  EXPECT_EQ(internal::ParameterWords(f), "records kept for 3 years");
  f.parameters = {{"retention_months", 18.0}};
  EXPECT_EQ(internal::ParameterWords(f), "records kept for 18 months");
  f.category = "security_measures";
  f.parameters = {{"certification_months", 12.0}};
  EXPECT_EQ(internal::ParameterWords(f), "certification within 1 year");
  f.category = "sla_uptime";
  f.parameters = {{"credit_cap_percent", 20.0}, {"credits", true}};
  EXPECT_EQ(internal::ParameterWords(f), "credits capped at 20% of fees");
  f.category = "subprocessors";
}

// A period to object already says there is a right to object: the words say it once.
TEST(TopIssues, ARightToObjectWithItsPeriodIsSaidOnce) {
  Finding f = samples::NoticeFinding();
  f.category = "subprocessors";
  f.parameters = {{"objection_days", 5.0}, {"objection", true}};
  EXPECT_EQ(internal::ParameterWords(f), "5 days to object");
  f.parameters = {{"objection_days", 10.0}, {"objection", true}, {"business", true}};
  EXPECT_EQ(internal::ParameterWords(f), "10 business days to object");
  f.parameters = {{"objection", true}, {"notice_days", 30.0}};
  EXPECT_EQ(internal::ParameterWords(f), "30 days' notice, right to object");
}

TEST(TopIssues, LocationWords) {
  Finding f = samples::NoticeFinding();
  EXPECT_EQ(internal::LocationWords(f), "line 12:5, section 7. Security Incidents");
  f.page = 3;
  f.section.clear();
  EXPECT_EQ(internal::LocationWords(f), "line 12:5, p. 3");
  f.column = 1;  // a clause that starts its line needs no column
  EXPECT_EQ(internal::LocationWords(f), "line 12, p. 3");
}

TEST(TopIssues, HighThenMediumAcrossReports) {
  std::vector<Report> reports = samples::TwoReports();
  std::vector<internal::TopIssue> issues = internal::TopIssues(reports);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].f->risk, Risk::kHigh);
  EXPECT_EQ(issues[1].report, 1u);
  EXPECT_EQ(issues[1].f->risk, Risk::kMedium);
}

// issue 15 #2: names, not where the reviewer keeps the files.
TEST(DocumentName, RelativeAsGivenAbsoluteWithoutTheSharedFolder) {
  std::vector<Report> reports(4);
  reports[0].document.path = "contracts/dpa.md";
  reports[1].document.path = "/home/me/review/a/msa.txt";
  reports[2].document.path = "/home/me/review/b/sla.pdf";
  reports[3].document.path = "<stdin>";
  EXPECT_EQ(DocumentName(reports, 0), "contracts/dpa.md");
  EXPECT_EQ(DocumentName(reports, 1), "a/msa.txt");
  EXPECT_EQ(DocumentName(reports, 2), "b/sla.pdf");
  EXPECT_EQ(DocumentName(reports, 3), "<stdin>");
  std::vector<Report> one(1);
  one[0].document.path = "/work/shared/corpus/dpa.md";
  EXPECT_EQ(DocumentName(one, 0), "dpa.md");
}

std::string Markdown(const std::vector<Report>& reports, const PrintOptions& options = {}) {
  std::ostringstream out;
  WriteMarkdown(reports, out, options);
  return out.str();
}

std::string Html(const std::vector<Report>& reports, const PrintOptions& options = {}) {
  std::ostringstream out;
  WriteHtml(reports, out, options);
  return out.str();
}

// Every in-page link ("](#id)" or href="#id") has its target (id="id").
void ExpectLinksHaveTargets(const std::string& text, const std::string& opener) {
  std::size_t links = 0;
  for (std::size_t at = text.find(opener); at != std::string::npos;
       at = text.find(opener, at + 1)) {
    std::size_t begin = at + opener.size();
    std::string id = text.substr(begin, text.find_first_of(")\"", begin) - begin);
    EXPECT_NE(text.find("id=\"" + id + "\""), std::string::npos) << id;
    ++links;
  }
  EXPECT_GT(links, 10u);
}

// issue 15 #2
TEST(MarkdownLayout, TitleExecutiveSummaryAndLinkedSections) {
  std::vector<Report> reports = samples::TwoReports();
  reports[0].document.path = "/srv/inbox/contracts/dpa.md";
  PrintOptions options;
  options.title = "Acme *DPA* review";
  std::string md = Markdown(reports, options);
  EXPECT_EQ(md.rfind("# Acme \\*DPA\\* review\n", 0), 0u) << md;
  EXPECT_EQ(md.find("/srv/inbox"), std::string::npos);
  std::size_t summary = md.find("## Executive summary");
  std::size_t top = md.find("### Top issues\n\n1. **HIGH**");
  std::size_t matrix = md.find("## Summary");
  std::size_t details = md.find("## 1. dpa.md");
  EXPECT_LT(summary, top);
  EXPECT_LT(top, matrix);
  EXPECT_LT(matrix, details);
  EXPECT_NE(details, std::string::npos) << md;
  EXPECT_NE(md.find("| **HIGH** | 1 | 0 |\n| **MEDIUM** | 1 | 1 |"), std::string::npos) << md;
  ExpectLinksHaveTargets(md, "](#");
}

// issue 15 #2
TEST(HtmlLayout, TitleExecutiveSummaryAndLinkedSections) {
  std::vector<Report> reports = samples::TwoReports();
  reports[0].document.path = "/srv/inbox/contracts/dpa.md";
  PrintOptions options;
  options.title = "Acme <DPA> review";
  std::string html = Html(reports, options);
  EXPECT_NE(html.find("<title>Acme &lt;DPA&gt; review</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Acme &lt;DPA&gt; review</h1>"), std::string::npos);
  EXPECT_EQ(html.find("/srv/inbox"), std::string::npos);
  std::size_t summary = html.find("<h2 id=\"exec-h\">Executive summary</h2>");
  std::size_t top = html.find("<ol class=\"top-issues\">\n<li><span class=\"badge risk-high\">");
  std::size_t matrix = html.find("<table class=\"matrix\">");
  EXPECT_LT(summary, top);
  EXPECT_LT(top, matrix);
  EXPECT_NE(matrix, std::string::npos);
  EXPECT_NE(html.find("notice within 24 h of occurrence <a href=\"#f-1-1\">dpa.md, line 12"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<a href=\"#doc-1-missing\">Audit rights</a>"), std::string::npos);
  EXPECT_NE(html.find("<li><a href=\"#doc-1-incident_notification\">Security incident "
                      "notification</a></li>"),
            std::string::npos);
  ExpectLinksHaveTargets(html, "href=\"#");
}

// issue 15 #2: --min-risk applies to what the memo counts, lists and asks to prepare.
TEST(MarkdownLayout, MinRiskAppliesToCountsAndEvidence) {
  PrintOptions options;
  options.min_risk = Risk::kMedium;
  std::string md = Markdown(samples::TwoReports(), options);
  EXPECT_EQ(md.find("Provider will delete Customer Data"), std::string::npos);
  EXPECT_EQ(md.find("deletion-procedure"), std::string::npos);  // called for by LOW only
  EXPECT_NE(md.find("2 findings (1 high, 1 medium, 0 low, 0 info)"), std::string::npos) << md;
  EXPECT_NE(md.find("1 finding below medium risk left out"), std::string::npos);
}

// issue 15 #7
TEST(EvidenceData, JsonAndCsv) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack(samples::TwoReports());
  std::ostringstream json;
  WriteEvidenceJson(pack, json);
  nlohmann::json parsed = nlohmann::json::parse(json.str());
  ASSERT_EQ(parsed["items"].size(), pack.size());
  const nlohmann::json& first = parsed["items"][0];
  EXPECT_EQ(first["id"], pack[0].item.id);
  EXPECT_EQ(first["risk"], "high");
  EXPECT_EQ(first["findings"][0]["path"], "contracts/dpa.md");
  EXPECT_EQ(first["findings"][0]["line"], 12);
  std::ostringstream csv;
  WriteEvidenceCsv(pack, csv);
  EXPECT_EQ(
      csv.str().rfind("item,title,item_risk,controls,path,line,category,rule,risk,rationale\r\n"
                      "incident-response-procedure,Incident response procedure,high,"
                      "A.5.24 A.5.26,contracts/dpa.md,12,incident_notification,"
                      "incident-notification.window,high,\r\n",
                      0),
      0u)
      << csv.str();
}

// issue 15 #7: an item lists the controls of the rules that call for it, not those of other
// findings in the same document.
TEST(EvidenceData, ItemsListOnlyTheControlsOfTheirFindings) {
  for (const EvidenceNeed& need : BuildEvidencePack(samples::TwoReports())) {
    std::vector<std::string> ids;
    for (const Control& c : need.controls) ids.push_back(c.id);
    if (need.item.id == "insurance-certificate") {
      EXPECT_EQ(ids, (std::vector<std::string>{"A.5.20"}));
    } else if (need.item.id == "deletion-procedure") {
      EXPECT_EQ(ids, (std::vector<std::string>{"A.5.9", "A.8.10"}));
    } else if (need.item.id == "incident-response-procedure") {
      EXPECT_EQ(ids, (std::vector<std::string>{"A.5.24", "A.5.26"}));
    }
  }
}

// review fix C #4: with a minimum risk, a matrix cell whose findings were all left out says
// "filtered", not "-" (which means the document does not address the category).
TEST(SummaryMatrix, ACategoryLeftOutByMinRiskShowsFiltered) {
  Report low = samples::MsaReport();  // insurance at medium risk
  low.document.path = "low.txt";
  Report high = samples::MsaReport();
  high.document.path = "high.txt";
  high.findings[0].risk = Risk::kHigh;
  Report none = samples::MsaReport();  // no insurance clause at all
  none.document.path = "none.txt";
  none.findings = {samples::NoticeFinding()};
  PrintOptions options;
  options.min_risk = Risk::kHigh;
  std::vector<Report> shown;
  for (const Report& r : {low, high, none}) shown.push_back(SelectFindings(r, options));
  std::ostringstream text;
  WriteTextSummary(shown, text);
  std::string low_row, none_row;
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("low.txt", 0) == 0) low_row = line;
    if (line.rfind("none.txt", 0) == 0) none_row = line;
  }
  EXPECT_NE(low_row.find("filtered"), std::string::npos) << text.str();
  EXPECT_EQ(none_row.find("filtered"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("filtered"), std::string::npos);
  const std::string markdown = Markdown({low, high, none}, options);
  EXPECT_NE(markdown.find("| filtered |"), std::string::npos) << markdown;
  const std::string html = Html({low, high, none}, options);
  EXPECT_NE(html.find(">filtered</td>"), std::string::npos);
}

}  // namespace
}  // namespace clausescan

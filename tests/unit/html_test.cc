#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::string Html(const std::vector<Report>& reports) {
  std::ostringstream out;
  WriteHtml(reports, out);
  return out.str();
}

std::string TagName(const std::string& html, std::size_t at) {
  std::string name;
  while (at < html.size() && (std::isalnum(static_cast<unsigned char>(html[at])) != 0)) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[at++])));
  }
  return name;
}

// A tiny HTML checker: every '<' starts a tag, comment or doctype; every element other than the
// void ones is closed, in order; <style> content is raw text. Returns "" when all is well, else
// the first problem.
std::string CheckTags(const std::string& html) {
  static const std::set<std::string> kVoid = {"area", "base",  "br",   "col",  "embed",  "hr",
                                              "img",  "input", "link", "meta", "source", "wbr"};
  std::vector<std::string> open;
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i)) {
    if (html.compare(i, 9, "<!DOCTYPE") == 0) {
      i = html.find('>', i);
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string::npos) return "unterminated tag at " + std::to_string(i);
    bool end_tag = html[i + 1] == '/';
    std::string name = TagName(html, i + (end_tag ? 2 : 1));
    if (name.empty()) return "'<' that starts no tag at " + std::to_string(i);
    if (end_tag) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + "> at " +
               std::to_string(i);
      }
      open.pop_back();
    } else if (kVoid.count(name) == 0) {
      open.push_back(name);
      if (name == "style") close = html.find("</style", close) - 1;  // raw text
    }
    i = close + 1;
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

// The markup without the text between tags: where references (href, src) would be.
std::string TagsOnly(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return out;
}

Report Hostile() {
  Report r = samples::MsaReport();
  Finding& f = r.findings[0];
  f.text = "<script>alert('x')</script> & <b>bold</b> see https://evil.example/a.png";
  f.context_before = "<img src=x onerror=alert(1)> ";
  f.context_after = " </mark></blockquote>";
  f.title = "<h1>Title</h1>";
  f.section = "\"><script>";
  f.reasons = {"<iframe src=\"http://evil.example\">"};
  f.parameters = {{"k<", std::string("v\">")}};
  f.category = "cat\" onmouseover=\"x";
  f.evidence = {{"id\" onclick=\"y", "<b>evidence</b>", "<i>desc</i>"}};
  f.controls = {{"A.5.1<", "<u>control</u>"}};
  r.document.path = "dir/<a href=\"https://evil.example\">x</a>.txt";
  r.missing = {{"audit\"rights", "<em>why</em>", Risk::kHigh}};
  r.notes = {"</section></main><script>"};
  return r;
}

TEST(HtmlPrinter, TagsAreBalanced) {
  EXPECT_EQ(CheckTags(Html(samples::TwoReports())), "");
  EXPECT_EQ(CheckTags(Html({})), "");
  EXPECT_EQ(CheckTags(Html({Hostile()})), "");
}

TEST(HtmlPrinter, ChecksItsChecker) {
  EXPECT_EQ(CheckTags("<p><b>x</p></b>"), "</p> closes <b> at 7");
  EXPECT_EQ(CheckTags("<p>a < b</p>"), "'<' that starts no tag at 5");
  EXPECT_EQ(CheckTags("<div><br>"), "<div> is never closed");
  EXPECT_EQ(CheckTags("<style>a > b { }</style><p></p>"), "");
}

TEST(HtmlPrinter, SelfContained) {
  std::string html = Html(samples::TwoReports());
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  for (const char* forbidden :
       {"<link", "<script", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src="}) {
    EXPECT_EQ(html.find(forbidden), std::string::npos) << forbidden;
  }
  EXPECT_NE(html.find("<style>"), std::string::npos);
}

TEST(HtmlPrinter, UrlsOnlyAsTheDocumentsOwnText) {
  std::string html = Html({Hostile()});
  std::string tags = TagsOnly(html);
  EXPECT_EQ(tags.find("http"), std::string::npos) << tags;
  EXPECT_NE(html.find("see https://evil.example/a.png</mark>"), std::string::npos);
}

TEST(HtmlPrinter, ContractTextCannotInjectMarkup) {
  std::string html = Html({Hostile()});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  EXPECT_EQ(html.find("onclick=\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"risk-medium\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                      " &amp; &lt;b&gt;bold&lt;/b&gt; see"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ctx\">&lt;img src=x onerror=alert(1)&gt; </span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ctx\"> &lt;/mark&gt;&lt;/blockquote&gt;</span>"),
            std::string::npos);
  EXPECT_NE(html.find("href=\"#ev-id--onclick--y\""), std::string::npos);
}

TEST(HtmlPrinter, MarkdownInlineHtmlIsShownAsItsWordsAndStaysEscaped) {
  Report r = samples::DpaReport();  // a Markdown document
  r.findings.resize(1);
  r.findings[0].text = "<span class=\"k\">Provider</span> shall <scr<b>ipt>notify.";
  std::string html = Html({r});
  EXPECT_NE(html.find(">Provider shall &lt;script&gt;notify.</mark>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlPrinter, ControlCharactersAndInvalidUtf8) {
  Report r = samples::MsaReport();
  r.findings[0].text =
      "a\x01"
      "b\x1b[31mc\xc2\x9b"
      "d\xff"
      "e";
  std::string html = Html({r});
  EXPECT_NE(html.find(">ab[31mcd\xef\xbf\xbd"
                      "e</mark>"),
            std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
}

TEST(HtmlPrinter, FindingLiteralMarkup) {
  std::string html = Html({samples::MsaReport()});
  const std::string expected =
      "<article class=\"finding risk-medium\" id=\"f-1-1\" aria-labelledby=\"f-1-1-h\">\n"
      "<header><span class=\"badge risk-medium\">medium</span> <h4 id=\"f-1-1-h\">Cyber "
      "insurance</h4><p class=\"where\">Line 3, column 1 \u00B7 section \u201C14. "
      "Insurance\u201D \u00B7 rule <code>insurance.cyber</code></p></header>\n"
      "<blockquote class=\"clause\"><p><mark class=\"risk-medium\">Supplier shall maintain cyber "
      "insurance of at least USD 5,000,000.</mark></p></blockquote>\n"
      "<dl class=\"facts\">\n"
      "<dt>Parameters</dt><dd><ul class=\"inline\"><li><code>amount = 5000000</code></li>"
      "<li><code>currency = USD</code></li><li><code>types = cyber</code></li></ul></dd>\n"
      "<dt>Party</dt><dd><ul class=\"plain\"><li>supplier&#39;s duty</li></ul></dd>\n"
      "<dt>Why this risk</dt><dd><ul class=\"bullets\"><li>USD 5000000 is above the 2000000 a "
      "small supplier usually carries</li></ul></dd>\n"
      "<dt>Annex A controls</dt><dd><ul class=\"plain\"><li><span class=\"ctl\">A.5.20</span> "
      "Supplier agreements</li></ul></dd>\n"
      "<dt>Evidence</dt><dd><ul class=\"inline\"><li><a href=\"#ev-insurance-certificate\">"
      "Certificate of insurance</a></li></ul></dd>\n"
      "<dt>Consider proposing</dt><dd><ul class=\"bullets\"><li>Offer USD 2,000,000.</li></ul>"
      "</dd>\n"
      "</dl>\n"
      "</article>\n";
  EXPECT_NE(html.find(expected), std::string::npos) << html;
}

TEST(HtmlPrinter, ClauseInItsContext) {
  std::string html = Html(samples::TwoReports());
  EXPECT_NE(html.find("<blockquote class=\"clause\"><p><span class=\"ctx\">7.1 </span>"
                      "<mark class=\"risk-high\">Supplier shall notify Customer within "
                      "twenty-four (24)\nhours of its occurrence.</mark><span class=\"ctx\"> "
                      "Notices go to the security contact.</span></p></blockquote>"),
            std::string::npos);
}

TEST(HtmlPrinter, SummaryMatrix) {
  std::string html = Html(samples::TwoReports());
  EXPECT_NE(html.find("<th scope=\"col\" class=\"cat\"><abbr title=\"Security incident "
                      "notification\">INC</abbr></th>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\"><a href=\"#doc-1\">contracts/<wbr>dpa.md</a></th>"
                      "<td><span class=\"badge risk-high\">high</span></td>"
                      "<td><span class=\"badge risk-high\" title=\"high risk\">high</span></td>"
                      "<td><span class=\"badge risk-low\" title=\"low risk\">low</span></td>"
                      "<td><span class=\"badge missing risk-medium\" title=\"missing clause, "
                      "medium risk\">miss</span></td>"
                      "<td class=\"none\" title=\"not addressed\">\u2013</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<div><dt>INS</dt><dd>Insurance</dd></div>"), std::string::npos);
}

TEST(HtmlPrinter, EvidenceChecklist) {
  std::string html = Html(samples::TwoReports());
  EXPECT_NE(html.find("<li class=\"need risk-high\" id=\"ev-soa-excerpt\"><input "
                      "type=\"checkbox\" id=\"ev-soa-excerpt-done\"><div><label "
                      "for=\"ev-soa-excerpt-done\">Statement of Applicability excerpt</label> "
                      "<span class=\"badge risk-high\">high</span> <code>soa-excerpt</code>"
                      "<p>The SoA rows.</p><p class=\"soa\">Annex A controls: <span "
                      "class=\"ctl\">A.5.9</span> Inventory of information; "),
            std::string::npos);
  EXPECT_NE(html.find("<li><span class=\"refdoc\">contracts/dpa.md</span> lines "
                      "<a class=\"chip risk-high\" href=\"#f-1-1\" title=\"line 12, high risk, "
                      "incident_notification\">12<span class=\"sr\"> (high)</span></a>"
                      "<a class=\"chip risk-low\" href=\"#f-1-2\""),
            std::string::npos);
  // Every checkbox has its label, and every in-page link has its target.
  std::size_t inputs = 0;
  for (std::size_t at = html.find("type=\"checkbox\" id=\""); at != std::string::npos;
       at = html.find("type=\"checkbox\" id=\"", at + 1)) {
    std::size_t begin = at + 20;
    std::string id = html.substr(begin, html.find('"', begin) - begin);
    EXPECT_NE(html.find("<label for=\"" + id + "\">"), std::string::npos) << id;
    ++inputs;
  }
  EXPECT_EQ(inputs, 4u);
  for (std::size_t at = html.find("href=\"#"); at != std::string::npos;
       at = html.find("href=\"#", at + 1)) {
    std::size_t begin = at + 7;
    std::string id = html.substr(begin, html.find('"', begin) - begin);
    EXPECT_NE(html.find("id=\"" + id + "\""), std::string::npos) << id;
  }
}

TEST(HtmlPrinter, AccessibleDocument) {
  std::string html = Html(samples::TwoReports());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0u);
  EXPECT_NE(html.find("<title>Contract security review</title>"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\">"), std::string::npos);
  EXPECT_NE(html.find("<a class=\"skip\" href=\"#main\">"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

}  // namespace
}  // namespace clausescan

#include "clausescan/printers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "../support/bounded_child.h"
#include "report/strings.h"

namespace clausescan {
namespace {

using nlohmann::json;

Finding WindowFinding() {
  Finding f;
  f.rule = "incident-notification.window";
  f.category = "incident_notification";
  f.title = "Security incident notification";
  f.start = 120;
  f.end = 228;
  f.line = 12;
  f.column = 1;
  f.section = "7. Security Incidents";
  f.text =
      "Supplier shall notify Customer of any Security Incident within twenty-four (24)\n"
      "hours of its occurrence.";
  f.party = "supplier";
  f.parameters = {{"window_hours", 24.0}, {"trigger", std::string("occurrence")}};
  f.risk = Risk::kHigh;
  f.reasons = {
      "the clock starts at occurrence, before you can know of the incident (position "
      "notify-from-occurrence)"};
  f.positions = {"notify-from-occurrence"};
  f.controls = {{"A.5.24", "Information security incident management planning and preparation"},
                {"A.5.26", "Response to information security incidents"}};
  f.evidence = {{"incident-response-procedure", "Incident response procedure"}};
  f.considerations = {"Start the clock when the security team becomes aware of the incident."};
  return f;
}

Finding DeletionFinding() {
  Finding f;
  f.rule = "data-deletion.end-of-contract";
  f.category = "data_deletion";
  f.title = "Deletion at the end of the contract";
  f.start = 900;
  f.end = 990;
  f.line = 40;
  f.column = 3;
  f.text = "Provider will delete Customer Data within 30 days, excluding backups.";
  f.party = "supplier";
  f.parameters = {{"period_days", 30.0},
                  {"backups", false},
                  {"vague", std::string("without undue delay")},
                  {"measures", std::vector<std::string>{"encryption", "mfa"}},
                  {"percent", 99.9}};
  f.risk = Risk::kLow;
  f.reasons = {"The deletion terms leave time for backups to age out."};
  return f;
}

Report SampleReport() {
  Report r;
  r.document = {"contracts/dpa.md", "md", "dpa", 2048};
  r.findings = {WindowFinding(), DeletionFinding()};
  r.missing = {
      {"audit_rights", "A DPA normally lets the customer check compliance.", Risk::kMedium}};
  r.notes = {"The document looks like a data processing agreement."};
  return r;
}

std::string Text(const Report& report, bool color = false, bool verbose = false) {
  std::ostringstream out;
  TextStyle style;
  style.color = color;
  PrintOptions options;
  options.verbose = verbose;
  WriteText(report, out, style, options);
  return out.str();
}

std::string Html(const Report& report) {
  std::ostringstream out;
  WriteHtml({report}, out);
  return out.str();
}

std::string Json(const Report& report) {
  std::ostringstream out;
  WriteJson(report, out);
  return out.str();
}

TEST(TextPrinter, FullReport) {
  const char* expected = R"(contracts/dpa.md (dpa, md, 2048 bytes)
2 findings: 1 high, 0 medium, 1 low, 0 info; 1 missing clause; worst risk HIGH

top issues:
  HIGH    incident_notification: notice within 24 h of occurrence — line 12, section 7. Security
          Incidents
  MEDIUM  audit_rights: missing: A DPA normally lets the customer check compliance.

contracts/dpa.md:12:1  HIGH  incident_notification  incident-notification.window  [supplier's duty]
  section: 7. Security Incidents
  | Supplier shall notify Customer of any Security Incident within twenty-four (24) hours of its
  | occurrence.
  parameters: trigger=occurrence window_hours=24
  why:
    - the clock starts at occurrence, before you can know of the incident (position
      notify-from-occurrence)
  controls:
    A.5.24 Information security incident management planning and preparation
    A.5.26 Response to information security incidents
  evidence:
    Incident response procedure (incident-response-procedure)
  consider:
    - Start the clock when the security team becomes aware of the incident.

contracts/dpa.md:40:3  LOW  data_deletion  data-deletion.end-of-contract  [supplier's duty]
  | Provider will delete Customer Data within 30 days, excluding backups.
  parameters: backups=false measures=encryption,mfa percent=99.9 period_days=30
    vague="without undue delay"
  why:
    - The deletion terms leave time for backups to age out.

missing clauses:
  MEDIUM  audit_rights: A DPA normally lets the customer check compliance.

notes:
  - The document looks like a data processing agreement.

clausescan is an aid to review, not legal advice.
)";  // issue 14 #3
  EXPECT_EQ(Text(SampleReport(), false, /*verbose=*/true), expected);
}

// issue 15 #2: without --verbose a LOW finding takes two lines: where, then the clause.
// The lines of the why-line that starts with `lead` in text: its first line and the lines
// indented under it.
std::vector<std::string> WhyLines(const std::string& text, const std::string& lead) {
  std::vector<std::string> lines;
  std::size_t at = text.find(lead);
  if (at == std::string::npos) return lines;
  do {
    const std::size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  } while (at < text.size() && text.compare(at, 4, "    ") == 0);
  return lines;
}

TEST(TextPrinter, LowFindingsInTwoLines) {
  std::string text = Text(SampleReport());
  EXPECT_NE(
      text.find("    - Start the clock when the security team becomes aware of the incident.\n"
                "\n"
                "contracts/dpa.md:40:3  LOW  data_deletion  data-deletion.end-of-contract  "
                "[supplier's duty]\n"
                "  | Provider will delete Customer Data within 30 days, excluding backups.\n"
                "\n"
                "missing clauses:\n"),
      std::string::npos)
      << text;
  Report r = SampleReport();
  r.findings[1].text = std::string(300, 'x') + " end";
  std::string cut = Text(r);
  std::size_t quote = cut.find("  | xxx");
  ASSERT_NE(quote, std::string::npos);
  std::string line = cut.substr(quote, cut.find('\n', quote) - quote);
  EXPECT_LE(line.size(), 100u + 2);  // 100 characters; the ellipsis takes 3 bytes
  EXPECT_EQ(line.substr(line.size() - 3), "\u2026");
}

// issue 14 (review s7, item 7): without --verbose a LOW finding with a rationale still takes two
// lines, the second its compact why-line; the clause is shown with --verbose.
TEST(TextPrinter, LowFindingShowsItsWhyLineSecond) {
  Report r = SampleReport();
  r.findings[1].rationale = {
      "The buyer must get its data back or deleted at the end. It has more.",
      {"all"},
      {{"GDPR Art. 28(3)(g)", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}}};
  const std::string text = Text(r);
  EXPECT_NE(text.find("contracts/dpa.md:40:3  LOW  data_deletion  data-deletion.end-of-contract  "
                      "[supplier's duty]\n"
                      "  why the buyer asks: The buyer must get its data back or deleted at the "
                      "end. (GDPR Art. 28(3)(g))\n"
                      "\n"
                      "missing clauses:\n"),
            std::string::npos)
      << text;
  // A sentence too long for two lines is cut at a word, and still names its source: the
  // sentence gives way, not the title.
  std::string many;
  for (int i = 0; i < 60; ++i) many += "word" + std::to_string(i) + " ";
  r.findings[1].rationale.text = many + "end.";
  const std::vector<std::string> cut = WhyLines(Text(r), "  why the buyer asks: word0");
  ASSERT_EQ(cut.size(), 2u);
  for (const std::string& line : cut) EXPECT_LE(line.size(), 100u) << line;
  EXPECT_NE(cut[1].find(" \u2026 (GDPR Art. 28(3)(g))"), std::string::npos) << cut[1];
  r.findings[1].rationale.text =
      "A controller that hands data to a processor must be able to show, at any later time, that "
      "the processor deleted or returned all of it at the end of the service, in every copy it "
      "held, including the backups it kept. More.";
  r.findings[1].rationale.sources.push_back({"EDPB Guidelines 07/2020", "https://edpb.europa.eu/"});
  const std::vector<std::string> words = WhyLines(Text(r), "  why the buyer asks: A controller");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_NE(words[1].find(" \u2026 (GDPR Art. 28(3)(g))"), std::string::npos) << words[1];
  EXPECT_EQ(words[1].find("EDPB"), std::string::npos) << words[1];
  // A source title so long that the sentence would shrink to a few words gives way instead.
  r.findings[1].rationale.sources = {
      {std::string("FAR 52.204-21 (JUN 2016) paragraph (b)(1) and (c) ") + std::string(90, 'z'),
       "https://www.acquisition.gov/far/52.204-21"}};
  const std::vector<std::string> long_title =
      WhyLines(Text(r), "  why the buyer asks: A controller");
  ASSERT_FALSE(long_title.empty());
  EXPECT_EQ(long_title.back().find("FAR 52.204-21"), std::string::npos) << long_title.back();
  EXPECT_NE(long_title[0].find("must be able to show"), std::string::npos) << long_title[0];
  const std::string full = Text(r, false, /*verbose=*/true);
  EXPECT_NE(full.find("  | Provider will delete Customer Data within 30 days"), std::string::npos);
}

// issue 14 third review #7: a LOW finding's why-line is not cut short: a sentence that fits two
// lines is shown whole, with its source.
TEST(TextPrinter, LowFindingWhyLineIsWholeWithinTwoLines) {
  Report r = SampleReport();
  r.findings[1].rationale = {
      "A HIPAA business associate contract must require the return or destruction of all PHI "
      "at termination, if feasible. More.",
      {"us-hipaa-covered-entities"},
      {{"45 CFR 164.504(e)(2)(ii)(J)", "https://www.ecfr.gov/"}}};
  const std::vector<std::string> lines =
      WhyLines(Text(r), "  why the buyer asks: A HIPAA business associate");
  ASSERT_FALSE(lines.empty());
  EXPECT_LE(lines.size(), 2u);
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_LE(line.size(), 100u) << line;
    joined += line.substr(line.find_first_not_of(' ')) + " ";
  }
  EXPECT_NE(joined.find("all PHI at termination, if feasible. (45 CFR 164.504(e)(2)(ii)(J))"),
            std::string::npos)
      << joined;
  EXPECT_EQ(joined.find("\u2026"), std::string::npos) << joined;
}

TEST(TextPrinter, EmptyReport) {
  Report r;
  r.document = {"<stdin>", "txt", "other", 1};
  EXPECT_EQ(Text(r),
            "<stdin> (other, txt, 1 byte)\n"
            "0 findings: 0 high, 0 medium, 0 low, 0 info; 0 missing clauses; worst risk INFO\n"
            "\n"
            "top issues: none at high or medium risk\n"
            "\n"
            "clausescan is an aid to review, not legal advice.\n");  // issue 14 #3
}

TEST(TextPrinter, ColourOnlyWhenAsked) {
  std::string plain = Text(SampleReport());
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  std::string color = Text(SampleReport(), true);
  EXPECT_NE(color.find("\x1b[1mcontracts/dpa.md:12:1\x1b[0m  \x1b[1;31mHIGH\x1b[0m  "
                       "incident_notification  incident-notification.window  [supplier's duty]\n"),
            std::string::npos);
  EXPECT_NE(color.find("\x1b[32mLOW\x1b[0m"), std::string::npos);
  EXPECT_NE(color.find("  \x1b[33mMEDIUM\x1b[0m  audit_rights: "), std::string::npos);
  Finding info = DeletionFinding();
  info.risk = Risk::kInfo;
  Report r;
  r.findings = {info};
  EXPECT_NE(Text(r, true).find("\x1b[2mINFO\x1b[0m"), std::string::npos);
}

TEST(TextPrinter, LongClauseShortenedInTheMiddle) {
  Report r;
  r.document = {"long.txt", "txt", "other", 5000};
  Finding f = DeletionFinding();
  f.text.clear();
  for (int i = 0; i < 200; ++i) f.text += "word" + std::to_string(i) + " ";
  r.findings = {f};
  std::string text = Text(r, false, /*verbose=*/true);
  EXPECT_NE(text.find("| word0 word1 word2"), std::string::npos);
  EXPECT_NE(text.find("word199\n"), std::string::npos);
  EXPECT_NE(text.find(" \u2026 "), std::string::npos);
  EXPECT_EQ(text.find("word100 "), std::string::npos);
  std::istringstream lines(text);
  int quoted = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  | ", 0) == 0) ++quoted;
    EXPECT_LE(line.size(), 102u) << line;  // 100 columns; the ellipsis is 3 bytes wide
  }
  EXPECT_LE(quoted, 6);
}

// Markdown contracts exported from web pages carry inline HTML; readers see the words.
TEST(TextPrinter, QuotesFromMarkdownLeaveOutInlineHtmlTags) {
  Report r;
  r.document = {"dpa.md", "md", "dpa", 500};
  Finding f = DeletionFinding();
  f.text =
      "<span class=\"keyterm\">Provider</span> will delete <b>Customer</b>\nData within "
      "<Retention Period> days<br/> if x <5.";
  r.findings = {f};
  std::string text = Text(r);
  EXPECT_NE(text.find("  | Provider will delete Customer Data within <Retention Period> days if x "
                      "<5.\n"),
            std::string::npos)
      << text;
  r.document.format = "txt";  // plain text is quoted as written
  EXPECT_NE(Text(r).find("<span class=\"keyterm\">Provider</span>"), std::string::npos);
}

// issue 15 (text): a context cut inside a tag showed `class="header_3">`, and a clause that
// opens in bold showed an unmatched `**`.
TEST(TextPrinter, QuotesFromMarkdownLeaveOutCutTagsAndEmphasisMarkers) {
  EXPECT_EQ(
      internal::ReadableQuote("class=\"header_3\">Caps.</span>  **Each party's liability", "md"),
      "Caps.  Each party's liability");
  EXPECT_EQ(internal::ReadableQuote("\">Provider</span> shall <span class=\"keyterms_li", "md"),
            "Provider shall ");
  EXPECT_EQ(internal::ReadableQuote("span> notify <spa", "md"), " notify ");
  EXPECT_EQ(internal::ReadableQuote("the _Customer_ and __Provider__ shall", "md"),
            "the Customer and Provider shall");
  // Not emphasis, not tags: kept.
  EXPECT_EQ(internal::ReadableQuote("customer_data_id * 3 > 2 and <Customer Name>", "md"),
            "customer_data_id * 3 > 2 and <Customer Name>");
  EXPECT_EQ(internal::ReadableQuote("a ratio x > 2 holds", "md"), "a ratio x > 2 holds");
  EXPECT_EQ(internal::ReadableQuote("**bold**", "txt"), "**bold**");
  // Reading review of the merged main: a quote ending inside a link's text showed its '['.
  EXPECT_EQ(internal::ReadableQuote("staff pass [personnel screening equivalent to BPSS", "md"),
            "staff pass personnel screening equivalent to BPSS");
  EXPECT_EQ(internal::ReadableQuote("tick [ ] and [x] boxes", "md"), "tick [ ] and [x] boxes");

  Report r;
  r.document = {"dpa.md", "md", "dpa", 500};
  Finding f = DeletionFinding();
  f.context_before = "1. <span class=\"header_3\">Liability.</span>  ";
  f.context_before.erase(0, 10);  // cut inside the tag, as a context limit does
  f.text = "**Each party's total liability shall not exceed the fees paid.";
  r.findings = {f};
  std::string html = Html(r);
  EXPECT_EQ(html.find("header_3"), std::string::npos) << html;
  EXPECT_EQ(html.find("**"), std::string::npos) << html;
}

// Reliability review of main 9ef7676 #6: the quote of a Markdown clause (JSON `text` and every
// other format) kept HTML entities ("Customer&amp;Provider"), links ("[the DPA](https://...)")
// that a Markdown viewer shows as plain words. Strikethrough ("~~24 hours~~ 30 days") stays
// marked: deleted words shown as plain ones would read as current terms (attack review of main
// 8a5a3af #5).
TEST(TextPrinter, QuotesFromMarkdownShowEntitiesAndLinksAsAViewerDoes) {
  struct Case {
    const char* markdown;
    const char* shown;
  };
  const Case cases[] = {
      {"Customer&amp;Provider &lt;shall&gt; &quot;notify&quot; &#39;x&#39; &#8212; &#x2014;",
       "Customer&Provider <shall> \"notify\" 'x' \xE2\x80\x94 \xE2\x80\x94"},
      {"within&nbsp;24&nbsp;hours", "within 24 hours"},
      {"as the [Data Processing Addendum](https://example.com/dpa) says",
       "as the Data Processing Addendum says"},
      {"see [Annex 2][annex] and ![the logo](logo.png).", "see Annex 2 and the logo."},
      {"within ~~24 hours~~ 30 days", "within ~~24 hours~~ 30 days"},
      // Not entities or links: kept.
      {"AT&T and R&D; &unknown; & more", "AT&T and R&D; &unknown; & more"},
      {"[insert date] and [ ] (a) option", "[insert date] and [ ] (a) option"},
      {"about ~30 days, a ~ b", "about ~30 days, a ~ b"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(internal::ReadableQuote(c.markdown, "md"), c.shown) << c.markdown;
  }
  EXPECT_EQ(internal::ReadableQuote("[x](u) &amp; ~~y~~", "txt"), "[x](u) &amp; ~~y~~");
}

// Counts what is written and keeps nothing.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  int overflow(int c) override {
    ++count;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
};

// Attack review D3: JSON of a report with 100,000 findings (--max-findings 0) was built as one
// tree of about 21 KB per finding, and ran out of memory in a way that aborted the program.
// Written finding by finding, it needs the report and little more.
TEST(JsonPrinter, AReportOfManyFindingsIsWrittenInBoundedMemory) {
  testing::ChildBounds bounds;
  bounds.memory_bytes = std::size_t{768} << 20;
  bounds.cpu_seconds = 60;
  testing::ChildOutcome outcome = testing::RunBounded(
      [] {
        Report report = SampleReport();
        const Finding model = DeletionFinding();
        report.findings.assign(100000, model);
        CountingBuffer buffer;
        std::ostream out(&buffer);
        WriteJson(report, out);
        return std::to_string(buffer.count);
      },
      bounds);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_GT(std::stoull(outcome.output), 100000u * 200u);
}

TEST(TextPrinter, ControlCharactersNeverReachTheTerminal) {
  Report r;
  r.document = {"evil\x1b]0;title\a.txt", "txt", "other", 10};
  Finding f = DeletionFinding();
  f.text =
      "Provider \x1b[2Jshall\r\n\tdelete \xc2\x9b"
      "data.";
  f.section = "1.\x1b[31m Data";
  r.findings = {f};
  std::string text = Text(r);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\a'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
  EXPECT_NE(text.find("  | Provider [2Jshall delete data.\n"), std::string::npos);
}

TEST(JsonPrinter, LiteralOutput) {
  Report r;
  r.document = {"a.txt", "txt", "dpa", 64};
  Finding f;
  f.rule = "r.x";
  f.category = "data_deletion";
  f.title = "T";
  f.start = 1;
  f.end = 9;
  f.line = 2;
  f.column = 3;
  f.text = "Delete.";
  f.parameters = {{"period_days", 30.0}, {"backups", true}};
  f.risk = Risk::kHigh;
  f.reasons = {"why"};
  f.positions = {"p"};
  f.controls = {{"A.8.10", "Information deletion"}};
  f.evidence = {{"deletion-procedure", "Data deletion procedure"}};
  f.considerations = {"c"};
  r.findings = {f};
  r.missing = {{"audit_rights", "none", Risk::kLow}};
  EXPECT_EQ(Json(r),
            R"({"document":{"path":"a.txt","format":"txt","type":"dpa","bytes":64,)"
            R"("user_side":"","parties":[]},)"
            R"("findings":[{"rule":"r.x","rules":["r.x"],"category":"data_deletion","title":"T",)"
            R"("start":1,"end":9,)"
            R"("line":2,"column":3,"section":"","text":"Delete.","party":"",)"
            R"("party_name":"","side":"","holds":"",)"
            R"("parameters":{"backups":true,"period_days":30},"risk":"high","reasons":["why"],)"
            R"("positions":["p"],"controls":[{"id":"A.8.10","title":"Information deletion"}],)"
            R"("evidence":[{"id":"deletion-procedure","title":"Data deletion procedure"}],)"
            R"("considerations":["c"]}],)"
            R"("missing":[{"category":"audit_rights","reason":"none","risk":"low"}],"notes":[],)"
            R"("summary":{"findings":1,"worst_risk":"high",)"
            R"("by_risk":{"high":1,"medium":0,"low":0,"info":0}}})"
            "\n");
}

// issue 15 (reading review): JSON `text` kept raw `</span>`, `class="header_3">` and unmatched
// `**` of a Markdown contract; every format now quotes the words a reader sees, and plain text
// as written.
TEST(JsonPrinter, QuotesAMarkdownClauseInTheDocumentsWordsLikeEveryFormat) {
  Report r;
  r.document = {"dpa.md", "md", "dpa", 500};
  Finding f = DeletionFinding();
  f.text =
      "class=\"header_3\">Deletion.</span> **Provider</span> will delete <b>Customer</b> Data.";
  r.findings = {f};
  const std::string words = "Deletion. Provider will delete Customer Data.";
  EXPECT_EQ(json::parse(Json(r))["findings"][0]["text"], words);
  std::ostringstream csv, sarif;
  WriteCsv({r}, csv);
  EXPECT_NE(csv.str().find(words), std::string::npos) << csv.str();
  EXPECT_EQ(csv.str().find("</span>"), std::string::npos) << csv.str();
  WriteSarif({r}, sarif);
  const json region = json::parse(
      sarif.str())["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["snippet"]["text"], words);
  EXPECT_EQ(region["byteLength"], f.end - f.start);  // the bytes as written
  r.document.format = "txt";
  EXPECT_EQ(json::parse(Json(r))["findings"][0]["text"], f.text);
}

TEST(JsonPrinter, TypesParseBack) {
  json doc = json::parse(Json(SampleReport()));
  const json& window = doc["findings"][0];
  ASSERT_TRUE(window["parameters"]["window_hours"].is_number_integer());
  EXPECT_EQ(window["parameters"]["window_hours"].get<int>(), 24);
  EXPECT_EQ(window["parameters"]["trigger"], "occurrence");
  EXPECT_EQ(window["risk"], "high");
  EXPECT_EQ(window["start"], 120);
  EXPECT_EQ(window["end"], 228);
  EXPECT_EQ(window["controls"][0]["id"], "A.5.24");
  EXPECT_EQ(window["evidence"][0]["title"], "Incident response procedure");
  EXPECT_EQ(window["text"], WindowFinding().text);  // as written, line break included
  const json& deletion = doc["findings"][1]["parameters"];
  EXPECT_TRUE(deletion["backups"].is_boolean());
  EXPECT_TRUE(deletion["percent"].is_number_float());
  EXPECT_DOUBLE_EQ(deletion["percent"].get<double>(), 99.9);
  EXPECT_EQ(deletion["measures"], json::array({"encryption", "mfa"}));
  EXPECT_EQ(doc["missing"][0]["risk"], "medium");
  EXPECT_EQ(doc["summary"]["findings"], 2);
  EXPECT_EQ(doc["summary"]["worst_risk"], "high");
  EXPECT_EQ(doc["summary"]["by_risk"]["low"], 1);
}

TEST(JsonPrinter, KeysInContractOrder) {
  std::string out = Json(SampleReport());
  std::vector<std::string> keys = {"\"document\"", "\"findings\"", "\"missing\"", "\"notes\"",
                                   "\"summary\""};
  std::size_t last = 0;
  for (const std::string& key : keys) {
    std::size_t at = out.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GE(at, last) << key;
    last = at;
  }
}

TEST(JsonPrinter, OneLinePerReport) {
  std::string out = Json(SampleReport());
  EXPECT_EQ(out.find('\n'), out.size() - 1);
}

TEST(JsonPrinter, InvalidUtf8IsReplacedNotThrown) {
  Report r;
  r.document.path = "bad\xff.txt";
  std::string out;
  ASSERT_NO_THROW(out = Json(r));
  json doc = json::parse(out);
  EXPECT_EQ(doc["document"]["path"], "bad\xef\xbf\xbd.txt");
}

TEST(JsonPrinter, ArrayOfReports) {
  std::ostringstream empty;
  WriteJsonArray({}, empty);
  EXPECT_EQ(empty.str(), "[]\n");
  std::ostringstream out;
  WriteJsonArray({SampleReport(), Report{}}, out);
  json doc = json::parse(out.str());
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc[0]["document"]["path"], "contracts/dpa.md");
  EXPECT_EQ(doc[1]["summary"]["worst_risk"], "info");
  EXPECT_EQ(out.str().substr(0, 2), "[\n");
}

}  // namespace
}  // namespace clausescan

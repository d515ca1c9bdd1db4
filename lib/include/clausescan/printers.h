// Report printers. Each writes one or more reports to a stream; none of them fails except by
// the stream failing (check the stream's state afterwards). Document text is untrusted: every
// printer escapes it for its format (control characters never reach a terminal, contract text
// never becomes HTML or Markdown markup, invalid UTF-8 becomes U+FFFD). Formats are documented
// in docs/report-format.md.
#ifndef CLAUSESCAN_PRINTERS_H_
#define CLAUSESCAN_PRINTERS_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/evidence.h"
#include "clausescan/report.h"
#include "clausescan/result.h"

namespace clausescan {

// One JSON object per report, in the contract of docs/report-format.md, followed by a newline.
void WriteJson(const Report& report, std::ostream& out);
// Several reports as one JSON array.
void WriteJsonArray(const std::vector<Report>& reports, std::ostream& out);
// The same, each object ending with "title": `title` when it is not empty (--title).
void WriteJson(const Report& report, std::ostream& out, std::string_view title);
void WriteJsonArray(const std::vector<Report>& reports, std::ostream& out, std::string_view title);

// The id of a streaming-filter input line, echoed in its output line as the caller gave it: a
// string (implicitly, from std::string or a string literal), or any other JSON value (42,
// null, ["a", 1]) kept as its JSON text with FromJson.
class JsonLinesId {
 public:
  JsonLinesId(std::string text) : text_(std::move(text)) {}
  JsonLinesId(const char* text) : text_(text) {}
  // `json` is the JSON text of the id, written back as given (without the blanks between its
  // tokens), so 12345678901234567890123 keeps every digit. Text that is not valid JSON, nests
  // deeper than 64 levels or holds a number beyond the range of a double (1e999) is written as
  // a string.
  static JsonLinesId FromJson(std::string json) {
    JsonLinesId id(std::move(json));
    id.is_json_ = true;
    return id;
  }
  const std::string& text() const { return text_; }
  bool is_json() const { return is_json_; }

 private:
  std::string text_;
  bool is_json_ = false;
};

// One input line of the streaming filter: {"id": ..., "text": "...", "name": "..."}, "id" and
// "name" optional, other members ignored.
struct JsonLinesRequest {
  // The line's "id": a string's value, or another value's JSON text as written (see
  // JsonLinesId::FromJson); "line N" when the line has none. Set also when error is: an id that
  // can be read from the broken line is kept.
  JsonLinesId id = "";
  std::string text;
  std::string name;  // "name", or "" when the line has none
  // Why the line cannot be scanned, naming "<stdin>" and line N: kInvalidUtf8 (the line is not
  // UTF-8; byte_offset in the line); kTooLarge (nested deeper than 64 levels: refused before it
  // is parsed, so a line of 100,000 '[' costs nothing); kInvalidArgument (invalid JSON, with
  // the parser's reason and byte; a number out of range; not an object with a string "text";
  // "name" not a string).
  std::optional<Error> error;
};

// Reads line `number` (1-based) of the streaming filter's input. Never fails: problems are in
// the result's error. Memory: the text and name, not a tree of the line (members other than
// id, text and name are skipped as they are parsed). Thread-safe.
JsonLinesRequest ReadJsonLinesRequest(std::string_view line, long number);

// JSON Lines: the report as one compact JSON object (as WriteJson) and '\n'.
void WriteJsonLines(const Report& report, std::ostream& out);
// The same with a first key "id" holding `id`, for the streaming filter that answers input
// lines {"id": ..., "text": ...} with one report per line carrying the same id.
void WriteJsonLines(const Report& report, const JsonLinesId& id, std::ostream& out);
// The line the streaming filter writes for an input it could not scan:
// {"id": ID, "error": {"code": "invalid_utf8", "message": "..."}} and '\n'; `code` is
// ErrorCodeName(error.code()), `message` is error.message().
void WriteJsonLinesError(const JsonLinesId& id, const Error& error, std::ostream& out);

// The order of a report's findings in print.
enum class FindingOrder {
  kPosition,  // document order, as the scan gives them
  kRisk,      // worst first (high, medium, low, info), document order within a risk
};

// "position" or "risk".
std::string_view FindingOrderName(FindingOrder order);
// Parses a FindingOrderName (case-insensitive); nullopt for anything else.
std::optional<FindingOrder> ParseFindingOrder(std::string_view name);

// What the printers show and how. Defaults (every finding, document order, LOW and INFO
// findings in brief in text, the default title) print what the scan found.
//
// | option   | default                 | effect                                              |
// |----------|-------------------------|-----------------------------------------------------|
// | min_risk | Risk::kInfo             | findings and missing clauses below it left out      |
// | order    | FindingOrder::kPosition | order of the findings (text, md, html, json, ...)   |
// | verbose  | false                   | text: LOW and INFO findings in full, not in brief   |
// | title    | ""                      | md, html: the title ("" is Contract security review) |
// | notice   | true                    | text: end with kNotLegalAdvice (false: a caller     |
// |          |                         | printing several reports ends only the last)        |
struct PrintOptions {
  Risk min_risk = Risk::kInfo;
  FindingOrder order = FindingOrder::kPosition;
  bool verbose = false;
  std::string title;
  bool notice = true;
};

// The line every human format (text, Markdown, HTML, the evidence pack) ends with; JSON, JSON
// Lines, SARIF and CSV never carry it.
inline constexpr std::string_view kNotLegalAdvice =
    "clausescan is an aid to review, not legal advice.";

// The reports as PrintOptions min_risk and order select them: findings and missing clauses
// below min_risk left out, the findings (and missing clauses) sorted by order. A report that
// lost findings or missing clauses gets a note saying how many ("12 findings and 1 missing
// clause below medium risk left out (minimum risk medium)") and a Report::left_out counting
// them by risk, so every count a printer derives from the result (summaries, totals, the
// evidence pack) counts only what is shown, and says what was left out with its worst risk.
// Applying it twice with the same options changes nothing more. The printers taking PrintOptions
// apply it themselves; call it before the others (WriteJson, WriteJsonLines, WriteSarif, WriteCsv,
// WriteTextSummary). Never fails; thread-safe.
Report SelectFindings(const Report& report, const PrintOptions& options);
std::vector<Report> SelectFindings(const std::vector<Report>& reports, const PrintOptions& options);

struct TextStyle {
  bool color = false;  // ANSI colours for risk levels and headings
};
// A title line heading a text report (control characters removed, bold when style.color),
// then a blank line; nothing when `title` is empty. Write it once, before WriteTextSummary or
// the first WriteText.
void WriteTextTitle(std::string_view title, std::ostream& out, const TextStyle& style = {});
// A human-readable report: a header with the counts by risk, the top issues (every HIGH and
// MEDIUM finding on one line, worst first: risk, category, what the clause says in numbers,
// line, section and page), then per finding the line and section, the clause quoted,
// parameters, risk with reasons, controls, evidence, why the buyer asks (the rationale's first
// sentence and up to three source titles, when the finding has a rationale) and considerations
// (LOW and INFO findings in one or two lines: location, risk, category, rule, then the clause
// shortened, unless options.verbose); then missing clauses and notes; then, when
// options.notice, a blank line and kNotLegalAdvice. Applies SelectFindings(report, options).
void WriteText(const Report& report, std::ostream& out, const TextStyle& style = {},
               const PrintOptions& options = {});

// The summary matrix for the text output, meant before the details of several documents: a
// totals line, one row per document (path, worst risk) and one column per category that any
// report mentions, each cell the worst risk of that category's findings (HIGH, MED, LOW, INFO),
// MISS for a missing clause, "filtered" when a minimum risk left out all of the category's
// findings and missing clauses (LeftOut::categories), or "-"; then a legend of the short column headers. Paths longer
// than 40 characters keep their end; then the top issues of all the documents (every HIGH and
// MEDIUM finding on one line, worst first: risk, path:line, category, what the clause says in
// numbers, section). Writes only the totals line when `reports` is empty. Shows the reports as
// given: apply SelectFindings first for a minimum risk or an order.
void WriteTextSummary(const std::vector<Report>& reports, std::ostream& out,
                      const TextStyle& style = {});

// The evidence pack for `clausescan evidence`: per item (BuildEvidencePack order) a checkbox
// line with title, id and highest risk, its description, the Annex A controls, the findings
// (path:line, risk, category, rule) that call for it, and why the buyer asks: each distinct
// rationale of those findings once as the text report's compact line (internal RationaleLine),
// labelled by category (by rule where two share one) when there are several; nothing for
// findings without one. Wrapped at 100 columns. Ends with kNotLegalAdvice.
void WriteEvidencePack(const std::vector<EvidenceNeed>& pack, std::ostream& out,
                       const TextStyle& style = {});

// SARIF 2.1.0 (one run, pretty-printed JSON) for code-scanning dashboards: tool.driver.rules
// holds each rule that found something (id, name, short and full description, help with the
// considerations) and one pseudo-rule "missing/CATEGORY" per kind of missing clause; results
// carry ruleId, level (high: error, medium: warning, low and info: note), a message (category,
// risk, reasons) and a location (artifact URI; region with lines, columns in code points,
// charLength, the clause as snippet, and byteOffset/byteLength for text and Markdown, whose
// offsets are the file's bytes). Missing clauses are results without a region. The reports'
// notes, when there are any, are run.invocations[0].toolExecutionNotifications (level
// "warning", located at their document).
void WriteSarif(const std::vector<Report>& reports, std::ostream& out);

// CSV (RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled):
// a header row, then one row per finding with the columns
//   path,line,column,start,end,page,paragraph,section,category,rule,risk,party,parameters,
//   reasons,controls,evidence,text
// parameters as name=value joined with ';' (lists joined with ','), reasons joined with " | ",
// control and evidence ids joined with ' ', page and paragraph empty when not applicable.
// A field starting with = + - @ or a tab gets a leading apostrophe, so a spreadsheet never
// reads contract text as a formula. Notes are not written (rows are findings): a caller should
// show them another way (the CLI prints them on stderr).
void WriteCsv(const std::vector<Report>& reports, std::ostream& out);

// A review memo for legal counsel in Markdown (CommonMark with GitHub tables and task lists):
// the title (options.title, else "Contract security review"), an executive summary (counts
// by risk, the top issues worst first with links to them, the missing clauses), a contents
// list and the summary matrix linking to each document and category section, per document
// its findings by category with the clause quoted, parameters, reasons, controls, evidence and
// considerations, its missing clauses and notes; then the evidence pack as a checklist and the
// considerations by category. Documents are named by DocumentName. Applies SelectFindings.
void WriteMarkdown(const std::vector<Report>& reports, std::ostream& out,
                   const PrintOptions& options = {});

// One self-contained HTML5 file (inline CSS, no script, no external reference): the title
// (options.title, else "Contract security review"), an executive summary (counts by risk, the
// top issues worst first linking to each finding, the missing clauses), a contents list and
// the summary matrix linking to each document and category section, each clause highlighted
// in its context in its risk colour with its parameters, reasons, controls, evidence and
// considerations, missing clauses, and the evidence pack as a checklist. Documents are named
// by DocumentName. Accessible markup (landmarks, table headers, text besides colour) and a
// print style sheet. Applies SelectFindings.
void WriteHtml(const std::vector<Report>& reports, std::ostream& out,
               const PrintOptions& options = {});

// The name the Markdown and HTML reports give the document reports[index]: its path as given
// when that is relative ("contracts/dpa.md", "<stdin>"); for an absolute path, the part after
// the folder all the absolute paths of `reports` share, which is the file name for a single
// document ("/home/me/dpa.md" -> "dpa.md"), so a report never shows where the reviewer keeps
// files. Precondition: index < reports.size().
std::string DocumentName(const std::vector<Report>& reports, std::size_t index);

// The evidence pack as one JSON object for scripts:
// {"items": [{"id", "title", "description", "risk", "controls": [{"id", "title"}],
//   "findings": [{"path", "line", "category", "rule", "risk", "rationale"}]}]} and a newline,
// items in BuildEvidencePack order; "rationale" ({"text", "sectors", "sources": [{"title",
// "url"}]}, as in WriteJson) only for a finding that has one.
void WriteEvidenceJson(const std::vector<EvidenceNeed>& pack, std::ostream& out);

// The evidence pack as CSV (RFC 4180, as WriteCsv): a header row, then one row per finding
// that calls for an item, with the columns
//   item,title,item_risk,controls,path,line,category,rule,risk,rationale
// controls the item's control ids joined with ' '; rationale the finding's as the text report's
// compact line, empty without one; formula-like fields escaped as in WriteCsv.
void WriteEvidenceCsv(const std::vector<EvidenceNeed>& pack, std::ostream& out);

// `text` (a rule file, a rationale, an error message) made safe to print on a terminal: invalid
// UTF-8 replaced by U+FFFD and every control character but newline and tab dropped, so text
// from a rule pack or a document cannot send escape sequences. Thread-safe.
std::string TerminalSafe(std::string_view text);

// TerminalSafe for a value shown inside one line (a rule id or title in `rules list`, a control
// in `controls`): control characters written escaped ("\\n", "\\r", "\\t", "\\x1b"; NEL, the
// other C1 controls, U+2028 and U+2029 as "[U+2028]"), so the value cannot start a line of its
// own; format characters as in the reports (bidi controls as "[U+202E]", the others dropped).
// Thread-safe.
std::string TerminalSafeLine(std::string_view text);

// `text` (an error, a note, a progress line, with the file names and values it quotes) made one
// line safe to print on a terminal: invalid UTF-8 replaced by U+FFFD, control characters
// written escaped as the text report's not-scanned list writes a file's name ("\\n", "\\r",
// "\\t", "\\x1b"; NEL, the other C1 controls, U+2028 and U+2029 as "[U+2028]") and every
// format character (zero-width, bidi) as "[U+200B]", so input cannot forge a line, send an
// escape sequence or hide a difference. Thread-safe.
std::string MessageSafe(std::string_view text);

}  // namespace clausescan

#endif  // CLAUSESCAN_PRINTERS_H_

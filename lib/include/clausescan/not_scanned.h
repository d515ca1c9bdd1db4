// The inputs a run could not scan, recorded in the report itself: a report file never leaves
// out silently a file it was asked to read (a batch reports a bad file and goes on, as ripgrep,
// Semgrep and YARA-X do). Formats are documented in docs/report-format.md. With no input left
// out, each function below writes exactly what its counterpart in printers.h writes.
#ifndef CLAUSESCAN_NOT_SCANNED_H_
#define CLAUSESCAN_NOT_SCANNED_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/printers.h"
#include "clausescan/report.h"
#include "clausescan/result.h"

namespace clausescan {

// An input named (or found in a folder) that gave no report.
struct NotScanned {
  std::string path;  // as the run named it; "<stdin>" for standard input
  Error error;       // why: its message names the path
};

// JSON: with inputs not scanned, one object {"reports": [...], "errors": [...]}: "reports"
// holds a report per scanned document (as WriteJson writes it, with "title" when not empty),
// "errors" one {"path", "code" (ErrorCodeName), "message"} per input not scanned, in their order.
// With none: WriteJson for one report, WriteJsonArray for several.
void WriteJsonReports(const std::vector<Report>& reports,
                      const std::vector<NotScanned>& not_scanned, std::ostream& out,
                      std::string_view title);

// JSON Lines: a record {"path": ..., "error": {"code": ..., "message": ...}} and '\n' for an
// input not scanned (a line with "error" and no "document").
void WriteJsonLinesNotScanned(const NotScanned& input, std::ostream& out);

// SARIF as WriteSarif; with inputs not scanned, invocations[0] has executionSuccessful false and,
// after the notes' warnings, one notification of level "error" per input not scanned: its
// message, located at the input's path (artifactLocation uri, no index: it is no artifact).
void WriteSarif(const std::vector<Report>& reports, const std::vector<NotScanned>& not_scanned,
                std::ostream& out);

// Text: nothing when not_scanned is empty; else a blank line, "not scanned (N inputs):" and a
// line "  MESSAGE" per input (the message names the path), escaped as the rest of the report.
void WriteTextNotScanned(const std::vector<NotScanned>& not_scanned, std::ostream& out,
                         const TextStyle& style = {});

// Markdown and HTML as WriteMarkdown and WriteHtml, with a "Not scanned" section after the
// totals, one item per input: its path and message.
void WriteMarkdown(const std::vector<Report>& reports, const std::vector<NotScanned>& not_scanned,
                   std::ostream& out, const PrintOptions& options);
void WriteHtml(const std::vector<Report>& reports, const std::vector<NotScanned>& not_scanned,
               std::ostream& out, const PrintOptions& options);

// The evidence pack (clausescan evidence) as WriteEvidenceJson, with inputs not scanned after
// "items" as "errors": one {"path", "code", "message"} per input, as WriteJsonReports writes them.
void WriteEvidenceJson(const std::vector<EvidenceNeed>& pack,
                       const std::vector<NotScanned>& not_scanned, std::ostream& out);

// The evidence pack as WriteEvidencePack, with WriteTextNotScanned before the closing notice.
void WriteEvidencePack(const std::vector<EvidenceNeed>& pack,
                       const std::vector<NotScanned>& not_scanned, std::ostream& out,
                       const TextStyle& style = {});

}  // namespace clausescan

#endif  // CLAUSESCAN_NOT_SCANNED_H_

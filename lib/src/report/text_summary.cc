// The summary matrix of the text output: which categories each document has, and how risky.
#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report/left_out.h"
#include "report/matrix.h"
#include "report/strings.h"
#include "report/terminal.h"
#include "report/top_issues.h"

namespace clausescan {
namespace {

using internal::CharCount;
using internal::MatrixCell;

constexpr std::size_t kMaxPathChars = 40;
constexpr std::size_t kMinCellWidth = 4;  // "HIGH", "MISS"
constexpr std::string_view kGap = "  ";

// The path for one table cell: control characters removed; a long path keeps its end.
std::string ShortPath(const std::string& path) {
  std::string clean = internal::PathText(path);
  std::size_t chars = CharCount(clean);
  if (chars <= kMaxPathChars) return clean;
  return "\u2026" + clean.substr(internal::ByteOffsetOfChar(clean, chars - kMaxPathChars + 1));
}

std::string CellWord(const MatrixCell& cell) {
  switch (cell.state) {
    case MatrixCell::State::kNone:
      return "-";
    case MatrixCell::State::kFiltered:
      return "filtered";
    case MatrixCell::State::kMissing:
      return "MISS";
    case MatrixCell::State::kFound:
      break;
  }
  return cell.risk == Risk::kMedium ? "MED" : internal::AsciiUpper(RiskName(cell.risk));
}

// `word` padded with spaces to `width` characters; only the word itself is coloured.
std::string Pad(const std::string& word, const char* ansi, std::size_t width,
                const TextStyle& style) {
  std::size_t chars = CharCount(word);
  std::string padding(width > chars ? width - chars : 0, ' ');
  return (ansi == nullptr ? word : internal::Styled(word, ansi, style)) + padding;
}

std::string Cell(const MatrixCell& cell, std::size_t width, const TextStyle& style) {
  const char* ansi =
      cell.state == MatrixCell::State::kNone || cell.state == MatrixCell::State::kFiltered
          ? nullptr
          : internal::RiskColor(cell.risk);
  return Pad(CellWord(cell), ansi, width, style);
}

// Writes a row: the cells separated by gaps, without trailing spaces.
void WriteRow(std::vector<std::string> cells, std::ostream& out) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += kGap;
    line += cells[i];
  }
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

void WriteLegend(const internal::SummaryMatrix& matrix, std::ostream& out) {
  std::vector<std::string> entries;
  for (std::size_t i = 0; i < matrix.categories.size(); ++i) {
    entries.push_back(matrix.abbreviations[i] + " " + matrix.categories[i] +
                      (i + 1 < matrix.categories.size() ? "," : ""));
  }
  internal::WriteWords({entries.begin(), entries.end()}, "columns: ", "         ", out);
  bool filtered = false;
  for (const std::vector<MatrixCell>& row : matrix.cells) {
    for (const MatrixCell& cell : row) filtered |= cell.state == MatrixCell::State::kFiltered;
  }
  internal::WriteWrapped(
      std::string("cells: HIGH, MED, LOW or INFO, the worst risk of the category's findings; "
                  "MISS, an expected clause is missing; -, none") +
          (filtered ? "; filtered, left out below the minimum risk" : ""),
      "", "       ", out);
}

// The HIGH and MEDIUM findings of every document, worst first: "RISK  path:line  category:
// what it says in numbers — section".
void WriteTopIssues(const std::vector<Report>& reports, std::ostream& out, const TextStyle& style) {
  std::vector<internal::TopIssue> issues = internal::TopIssues(reports);
  out << '\n' << internal::Styled("top issues:", internal::kBold, style);
  if (issues.empty()) {
    std::string hidden = internal::LeftOutTopIssueWords(internal::TotalLeftOut(reports));
    out << (hidden.empty() ? " none at high or medium risk\n" : " none shown (" + hidden + ")\n");
    return;
  }
  out << '\n';
  for (const internal::TopIssue& issue : issues) {
    const Finding& f = *issue.f;
    std::string label = internal::RiskLabel(f.risk, TextStyle{});
    std::string padding(8 - label.size(), ' ');
    std::string plain = "  " + label + padding;
    std::string line = ShortPath(reports[issue.report].document.path) + ":" +
                       std::to_string(f.line) + " " + f.category + ": " + internal::IssueWords(f);
    if (!f.section.empty()) line += " \u2014 section " + f.section;
    std::ostringstream wrapped;
    internal::WriteWrapped(internal::CleanText(line), plain, "          ", wrapped);
    out << "  " << internal::RiskLabel(f.risk, style) << padding
        << wrapped.str().substr(plain.size());
  }
}

}  // namespace

void WriteTextSummary(const std::vector<Report>& reports, std::ostream& out,
                      const TextStyle& style) {
  out << internal::Styled("summary:", internal::kBold, style) << ' '
      << internal::TotalsSentence(reports) << '\n';
  if (reports.empty()) return;
  internal::SummaryMatrix matrix = internal::BuildSummaryMatrix(reports);
  std::vector<std::string> paths;
  std::size_t path_width = CharCount("document");
  for (const Report& report : reports) {
    paths.push_back(ShortPath(report.document.path));
    path_width = std::max(path_width, CharCount(paths.back()));
  }
  constexpr std::size_t kWorstWidth = 6;  // "MEDIUM"
  std::vector<std::size_t> widths;
  std::vector<std::string> header = {Pad("document", nullptr, path_width, style),
                                     Pad("worst", nullptr, kWorstWidth, style)};
  for (const std::string& abbreviation : matrix.abbreviations) {
    widths.push_back(std::max(kMinCellWidth, abbreviation.size()));
    header.push_back(Pad(abbreviation, nullptr, widths.back(), style));
  }
  out << '\n';
  WriteRow(header, out);
  for (std::size_t r = 0; r < reports.size(); ++r) {
    Risk worst = reports[r].WorstRisk();
    std::vector<std::string> row = {Pad(paths[r], nullptr, path_width, style),
                                    internal::ShowsNothingLeftSome(reports[r])
                                        ? Pad("-", nullptr, kWorstWidth, style)
                                        : Pad(internal::AsciiUpper(RiskName(worst)),
                                              internal::RiskColor(worst), kWorstWidth, style)};
    for (std::size_t c = 0; c < widths.size(); ++c) {
      row.push_back(Cell(matrix.cells[r][c], widths[c], style));
    }
    WriteRow(row, out);
  }
  if (!matrix.categories.empty()) {
    out << '\n';
    WriteLegend(matrix, out);
  }
  WriteTopIssues(reports, out, style);
}

}  // namespace clausescan

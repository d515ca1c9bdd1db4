// The human-readable report, in the manner of a good linter: one location line per finding that
// editors and terminals can jump to, then the facts a person needs to decide what to do.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "report/expiring_evidence.h"
#include "report/left_out.h"
#include "report/profile_text.h"
#include "report/rationale_text.h"
#include "report/strings.h"
#include "report/terminal.h"
#include "report/top_issues.h"
#include "report/values.h"

namespace clausescan {
namespace {

constexpr std::size_t kMaxQuoteChars = 480;  // longer clauses are shortened in the middle
constexpr std::string_view kEllipsis = " \u2026 ";
constexpr std::size_t kBriefIndent = 4;  // "  | " before the clause of a brief finding

using internal::ByteOffsetOfChar;
using internal::CharCount;
using internal::kBold;
using internal::LeftOutWords;
using internal::Plural;
using internal::RiskLabel;
using internal::ShownFindingsWords;
using internal::Styled;
using internal::WriteWords;
using internal::WriteWrapped;

std::string Clean(std::string_view text) { return internal::CleanText(text); }

// Keeps the start and the end of a long text, cut at spaces, joined by " … ".
std::string ShortenMiddle(std::string_view text, std::size_t max_chars) {
  std::size_t chars = CharCount(text);
  if (chars <= max_chars) return std::string(text);
  std::size_t keep = max_chars - CharCount(kEllipsis);
  std::size_t head_end = ByteOffsetOfChar(text, keep * 3 / 5);
  std::size_t tail_start = ByteOffsetOfChar(text, chars - (keep - keep * 3 / 5));
  std::size_t space = text.rfind(' ', head_end);
  if (space != std::string_view::npos && space > head_end / 2) head_end = space;
  space = text.find(' ', tail_start);
  if (space != std::string_view::npos && space + 1 < text.size()) tail_start = space + 1;
  return std::string(text.substr(0, head_end)) + std::string(kEllipsis) +
         std::string(text.substr(tail_start));
}

// "name=value": words with spaces are quoted, lists joined with commas.
std::string ParamText(const std::string& name, const ParamValue& value) {
  std::string text;
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    for (const std::string& item : *list) text += (text.empty() ? "" : ",") + item;
  } else {
    text = internal::FormatValue(value);
  }
  if (text.empty() || text.find(' ') != std::string::npos) text = '"' + text + '"';
  return name + "=" + Clean(text);
}

void WriteHeader(const Report& report, std::ostream& out, const TextStyle& style) {
  const DocumentInfo& doc = report.document;
  out << Styled(internal::PathText(doc.path), kBold, style) << " ("
      << (doc.type.empty() ? "other" : doc.type) << ", " << (doc.format.empty() ? "?" : doc.format)
      << ", " << Plural(doc.bytes, "byte", "bytes") << ")\n";
  std::array<std::size_t, 4> counts{};
  for (const Finding& f : report.findings) ++counts[static_cast<int>(f.risk)];
  const LeftOut& left_out = report.left_out;
  out << ShownFindingsWords(left_out, report.findings.size()) << ": ";
  const char* separator = "";
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    if (r < left_out.min_risk && !left_out.empty()) continue;
    out << separator << counts[static_cast<int>(r)] << ' ' << RiskName(r);
    separator = ", ";
  }
  out << "; " << Plural(report.missing.size(), "missing clause", "missing clauses");
  // A filtered report that shows nothing has no worst risk of its own: what was left out says.
  if (left_out.empty() || !report.findings.empty() || !report.missing.empty()) {
    out << "; worst risk " << RiskLabel(report.WorstRisk(), style);
  }
  if (!left_out.empty()) out << "; " << LeftOutWords(left_out);
  out << '\n';
  if (const std::string line = internal::ProfileHeaderLine(doc); !line.empty()) {
    WriteWrapped(Clean(line), "", "  ", out);  // issue 13 #2
  }
}

// A titled list: "  title:" then one wrapped line per item.
void WriteList(std::string_view title, const std::vector<std::string>& items,
               std::string_view bullet, std::ostream& out) {
  if (items.empty()) return;
  out << "  " << title << ":\n";
  std::string first = "    " + std::string(bullet);
  std::string rest(first.size(), ' ');
  for (const std::string& item : items) WriteWrapped(Clean(item), first, rest, out);
}

std::string Location(const std::string& path, const Finding& f) {
  std::string location = path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  if (f.page > 0) location += " (p. " + std::to_string(f.page) + ")";
  if (f.paragraph > 0) location += " (\u00B6 " + std::to_string(f.paragraph) + ")";
  return location;
}

// What the company profile says of the finding: the verdict, the documents that answer it, and
// what to act on (expired or missing documents, SoA gaps).
void WriteProfile(const Finding& f, std::ostream& out) {
  if (const std::string line = internal::ProfileVerdictLine(f); !line.empty()) {
    WriteWrapped(Clean(line), "  your profile: ", "    ", out);
  }
  WriteList("your documents", internal::ProfileDocumentLines(*f.profile), "", out);
  WriteList("to act on", f.profile->notes, "- ", out);
}

void WriteFinding(const std::string& path, std::string_view format, const Finding& f,
                  std::ostream& out, const TextStyle& style) {
  out << '\n'
      << Styled(Location(path, f), kBold, style) << "  " << RiskLabel(f.risk, style) << "  "
      << f.category << "  " << f.rule << (f.fallback ? "  (fallback: no specific rule)" : "");
  if (const std::string marker = internal::SideMarker(f); !marker.empty()) {
    out << "  [" << Clean(marker) << "]";
  }
  out << '\n';
  if (!f.section.empty()) WriteWrapped(Clean(f.section), "  section: ", "    ", out);
  WriteWrapped(ShortenMiddle(Clean(internal::ReadableQuote(f.text, format)), kMaxQuoteChars),
               "  | ", "  | ", out);
  if (!f.parameters.empty()) {
    // One name=value never breaks across lines.
    std::vector<std::string> params;
    for (const auto& [name, value] : f.parameters) params.push_back(ParamText(name, value));
    WriteWords({params.begin(), params.end()}, "  parameters: ", "    ", out);
  }
  WriteList("why", f.reasons, "- ", out);
  if (f.profile) WriteProfile(f, out);  // issue 13 #2
  std::vector<std::string> controls;
  for (const Control& c : f.controls) controls.push_back(c.id + " " + c.title);
  WriteList("controls", controls, "", out);
  std::vector<std::string> evidence;
  for (const EvidenceItem& e : f.evidence) evidence.push_back(e.title + " (" + e.id + ")");
  WriteList("evidence", evidence, "", out);
  if (const std::string why = internal::RationaleLine(f.rationale); !why.empty()) {
    WriteWrapped(Clean(why), "  why the buyer asks: ", "    ", out);  // issue 14 #2
  }
  WriteList("consider", f.considerations, "- ", out);
}

// The start of a text, cut at a space to fit `max_chars` characters, with "…" when cut.
std::string Truncated(const std::string& text, std::size_t max_chars) {
  if (CharCount(text) <= max_chars) return text;
  std::size_t end = ByteOffsetOfChar(text, max_chars - 1);
  std::size_t space = text.rfind(' ', end);
  if (space != std::string::npos && space > end / 2) end = space;
  return text.substr(0, end) + "\u2026";
}

// A LOW or INFO finding in two or three lines: where, risk, category and rule; then its compact
// why-line (issue 14, review s7 #7) wrapped over at most two lines, so that a sentence is cut
// only when it does not fit them (third review #7), else, when it has no rationale, the clause's
// start.
void WriteBriefFinding(const std::string& path, std::string_view format, const Finding& f,
                       std::ostream& out, const TextStyle& style) {
  out << Styled(Location(path, f), kBold, style) << "  " << RiskLabel(f.risk, style) << "  "
      << f.category << "  " << f.rule << (f.fallback ? "  (fallback: no specific rule)" : "");
  if (const std::string marker = internal::SideMarker(f); !marker.empty()) {
    out << "  [" << Clean(marker) << "]";
  }
  out << '\n';
  const std::string lead = "  why the buyer asks: ";
  const std::string rest = "    ";
  // Two lines of characters, less what wrapping at words may leave at the end of the first.
  constexpr std::size_t kWrapSlack = 8;
  const std::size_t room =
      (internal::kTextWidth - lead.size()) + (internal::kTextWidth - rest.size()) - kWrapSlack;
  if (const std::string why = internal::RationaleLineWithin(f.rationale, room); !why.empty()) {
    WriteWrapped(Clean(why), lead, rest, out);
  } else {
    std::string quote = Clean(internal::ReadableQuote(f.text, format));
    out << "  | " << Truncated(quote, internal::kTextWidth - kBriefIndent) << '\n';
  }
  // An amount not judged is said even in brief: its risk is not a verdict on the amount.
  if (const std::string* reason = internal::NotComparedReason(f)) {
    WriteWrapped(Clean(*reason), "  ", "    ", out);
  }
  if (const std::string line = internal::ProfileVerdictLine(f); !line.empty()) {
    WriteWrapped(Clean(line), "  your profile: ", "    ", out);  // issue 13 #2
  }
}

// "top issues:" and one line per HIGH and MEDIUM finding, worst first.
void WriteTopIssues(const Report& report, std::ostream& out, const TextStyle& style) {
  // Findings and missing clauses of risk medium or higher, worst first: a missing clause of
  // high risk (no limitation of liability) is as much a top issue as a finding.
  struct Line {
    Risk risk;
    std::string words;
  };
  std::vector<Line> lines;
  for (const internal::TopIssue& issue : internal::TopIssues(report)) {
    const Finding& f = *issue.f;
    lines.push_back({f.risk, f.category + ": " + internal::IssueWords(f) + " \u2014 " +
                                 internal::LocationWords(f)});
  }
  for (const MissingClause& m : report.missing) {
    if (m.risk == Risk::kHigh || m.risk == Risk::kMedium) {
      // The reason's first part says what is missing ("no clause commits ... to
      // confidentiality"); the missing clauses below give all of it.
      std::string what = m.reason.substr(0, m.reason.find(';'));
      if (what.size() > 120) what = what.substr(0, what.rfind(' ', 120)) + " \u2026";
      lines.push_back({m.risk, m.category + ": missing: " + what});
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return static_cast<int>(a.risk) > static_cast<int>(b.risk);
  });
  out << '\n' << Styled("top issues:", kBold, style);
  if (lines.empty()) {
    std::string hidden = internal::LeftOutTopIssueWords(report.left_out);
    out << (hidden.empty() ? " none at high or medium risk\n" : " none shown (" + hidden + ")\n");
    return;
  }
  out << '\n';
  for (const Line& line : lines) {
    std::string label = RiskLabel(line.risk, TextStyle{});
    std::string plain = "  " + label + std::string(8 - label.size(), ' ');
    std::ostringstream wrapped;
    WriteWrapped(Clean(line.words), plain, "          ", wrapped);
    out << "  " << RiskLabel(line.risk, style) << std::string(8 - label.size(), ' ')
        << wrapped.str().substr(plain.size());
  }
}

void WriteMissing(const std::vector<MissingClause>& missing, std::ostream& out,
                  const TextStyle& style) {
  if (missing.empty()) return;
  out << '\n' << Styled("missing clauses:", kBold, style) << '\n';
  for (const MissingClause& m : missing) {
    std::string first = "  " + RiskLabel(m.risk, style) + "  " + m.category + ": ";
    // Wrap by visible width: the colour codes take no room on screen.
    std::string plain = "  " + RiskLabel(m.risk, TextStyle{}) + "  " + m.category + ": ";
    std::ostringstream wrapped;
    WriteWrapped(Clean(m.reason), plain, "    ", wrapped);
    out << first << wrapped.str().substr(plain.size());
  }
}

// Each document of the profile that expires before the contract's term ends, as a finding of its
// own with the findings it answers (issue 13 #1).
void WriteExpiringEvidence(const Report& report, std::ostream& out, const TextStyle& style) {
  const std::vector<internal::ExpiringEvidence> items = internal::ExpiringEvidenceOf(report);
  if (items.empty()) return;
  out << '\n' << Styled("evidence expiring before the contract's term:", kBold, style) << '\n';
  for (const internal::ExpiringEvidence& item : items) {
    std::string first = "  " + RiskLabel(item.risk, style) + "  " + item.evidence + ": ";
    std::string plain = "  " + RiskLabel(item.risk, TextStyle{}) + "  " + item.evidence + ": ";
    std::ostringstream wrapped;
    WriteWrapped(Clean(internal::ExpiringEvidenceSentence(item, report.document)), plain, "    ",
                 wrapped);
    out << first << wrapped.str().substr(plain.size());
    WriteWrapped(Clean("answers: " + internal::AnsweredFindingsWords(item)), "    ", "      ", out);
  }
}

void WriteNotes(const std::vector<std::string>& notes, std::ostream& out, const TextStyle& style) {
  if (notes.empty()) return;
  out << '\n' << Styled("notes:", kBold, style) << '\n';
  for (const std::string& note : notes) WriteWrapped(Clean(note), "  - ", "    ", out);
}

}  // namespace

void WriteText(const Report& report, std::ostream& out, const TextStyle& style,
               const PrintOptions& options) {
  Report shown = SelectFindings(report, options);
  WriteHeader(shown, out, style);
  WriteTopIssues(shown, out, style);
  std::string path = internal::PathText(shown.document.path);
  bool after_brief = false;
  for (const Finding& f : shown.findings) {
    if (options.verbose || f.risk >= Risk::kMedium) {
      WriteFinding(path, shown.document.format, f, out, style);
      after_brief = false;
    } else {
      if (!after_brief) out << '\n';
      WriteBriefFinding(path, shown.document.format, f, out, style);
      after_brief = true;
    }
  }
  WriteExpiringEvidence(shown, out, style);
  WriteMissing(shown.missing, out, style);
  WriteNotes(shown.notes, out, style);
  if (options.notice) out << '\n' << kNotLegalAdvice << '\n';  // issue 14 #3
}

void WriteTextTitle(std::string_view title, std::ostream& out, const TextStyle& style) {
  if (Clean(title).empty()) return;
  // As a file name is shown: a control character escaped ("\x1b"), never dropped nor sent.
  out << Styled(internal::TerminalLine(title), kBold, style) << "\n\n";
}

void WriteTextNotScanned(const std::vector<NotScanned>& not_scanned, std::ostream& out,
                         const TextStyle& style) {
  if (not_scanned.empty()) return;
  out << '\n'
      << Styled("not scanned (" + Plural(not_scanned.size(), "input", "inputs") + "):", kBold,
                style)
      << '\n';
  for (const NotScanned& input : not_scanned) {
    // The file name as the rest of the report shows names (a newline as \n, not a space).
    const Error& e = input.error;
    const Error shown(e.code(), e.detail(), internal::PathText(e.file()), e.line(), e.column());
    WriteWrapped(Clean(shown.message()), "  ", "    ", out);
  }
}

}  // namespace clausescan

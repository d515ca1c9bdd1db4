// CSV: one row per finding, for spreadsheets and scripts. The columns are a contract
// (docs/report-format.md): new columns are only ever appended.
#include <array>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clausescan/printers.h"
#include "report/strings.h"
#include "report/values.h"

namespace clausescan {
namespace {

constexpr std::array<std::string_view, 20> kColumns = {
    "path",     "line",     "column", "start",      "end",   "page",       "paragraph",
    "section",  "category", "rule",   "risk",       "party", "parameters", "reasons",
    "controls", "evidence", "text",   "party_name", "side",  "holds"};

// A field as RFC 4180 writes it: quoted when it holds a comma, quote, CR or LF, with quotes
// doubled. A field a spreadsheet would evaluate (starting with = + - @ tab or CR) is prefixed
// with an apostrophe first: contract text is untrusted and must never run as a formula.
std::string Field(std::string_view raw) {
  std::string value = internal::ValidUtf8(raw);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

// "" for 0 (not applicable), else the number.
std::string OptionalNumber(int n) { return n > 0 ? std::to_string(n) : std::string(); }

template <typename T, typename Fn>
std::string Join(const std::vector<T>& items, std::string_view separator, Fn text) {
  std::string out;
  for (const T& item : items) {
    if (!out.empty()) out += separator;
    out += text(item);
  }
  return out;
}

// name=value;name=value with lists joined by ','.
std::string Parameters(const std::map<std::string, ParamValue>& parameters) {
  std::string out;
  for (const auto& [name, value] : parameters) {
    if (!out.empty()) out += ';';
    out += name + '=';
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
      out += Join(*list, ",", [](const std::string& s) { return s; });
    } else {
      out += internal::FormatValue(value);
    }
  }
  return out;
}

void WriteRecord(const std::vector<std::string>& fields, std::ostream& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i > 0 ? "," : "") << Field(fields[i]);
  out << "\r\n";
}

std::vector<std::string> Row(const std::string& path, const Finding& f) {
  return {path,
          std::to_string(f.line),
          std::to_string(f.column),
          std::to_string(f.start),
          std::to_string(f.end),
          OptionalNumber(f.page),
          OptionalNumber(f.paragraph),
          f.section,
          f.category,
          f.rule,
          std::string(RiskName(f.risk)),
          f.party,
          Parameters(f.parameters),
          Join(f.reasons, " | ", [](const std::string& s) { return s; }),
          Join(f.controls, " ", [](const Control& c) { return c.id; }),
          Join(f.evidence, " ", [](const EvidenceItem& e) { return e.id; }),
          f.text,
          f.party_name,
          f.side,
          f.holds};
}

}  // namespace

void WriteCsv(const std::vector<Report>& reports, std::ostream& out) {
  WriteRecord({kColumns.begin(), kColumns.end()}, out);
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) WriteRecord(Row(report.document.path, f), out);
  }
}

}  // namespace clausescan

// CSV: one row per finding, for spreadsheets and scripts. The columns are a contract
// (docs/report-format.md): new columns are only ever appended.
#include <algorithm>
#include <array>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clausescan/printers.h"
#include "report/expiring_evidence.h"
#include "report/strings.h"
#include "report/values.h"

namespace clausescan {
namespace {

constexpr std::array<std::string_view, 20> kColumns = {
    "path",     "line",     "column", "start",      "end",   "page",       "paragraph",
    "section",  "category", "rule",   "risk",       "party", "parameters", "reasons",
    "controls", "evidence", "text",   "party_name", "side",  "holds"};

// Appended when the findings were judged against a company profile (issue 13 #2).
constexpr std::array<std::string_view, 5> kProfileColumns = {
    "original_risk", "profile_verdict", "profile_summary", "profile_documents", "profile_notes"};

std::string Field(std::string_view raw) { return internal::CsvField(raw); }

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

std::vector<std::string> Row(const DocumentInfo& document, const Finding& f) {
  return {document.path,
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
          internal::ReadableQuote(f.text, document.format),
          f.party_name,
          f.side,
          f.holds};
}

// The profile columns of a finding: its original risk, verdict, summary, documents ("id=file
// (status)") and notes; empty fields for a finding without a judgement.
std::vector<std::string> ProfileFields(const Finding& f) {
  if (!f.profile) return std::vector<std::string>(kProfileColumns.size());
  const ProfileJudgement& p = *f.profile;
  return {std::string(RiskName(p.original_risk)), p.verdict, p.summary,
          Join(p.documents, " ",
               [](const ProfileDocument& d) {
                 return d.evidence + "=" + (d.file.empty() ? "" : d.file + ":") + d.status;
               }),
          Join(p.notes, " | ", [](const std::string& s) { return s; })};
}

// A document of the profile that expires before the contract's term ends (issue 13 #1): rule
// evidence.expires-before-term, no location, its dates as parameters, the sentence and the
// findings it answers as reasons, and the document in profile_documents.
std::vector<std::string> ExpiringEvidenceRow(const DocumentInfo& document,
                                             const internal::ExpiringEvidence& item) {
  std::vector<std::string> row(kColumns.size() + kProfileColumns.size());
  row[0] = document.path;
  row[8] = "evidence";
  row[9] = std::string(internal::kExpiringEvidenceRule);
  row[10] = std::string(RiskName(item.risk));
  row[12] = "valid_until=" + item.valid_until + ";term_ends=" + document.term_ends;
  row[13] = internal::ExpiringEvidenceSentence(item, document) +
            " | answers: " + internal::AnsweredFindingsWords(item);
  row[15] = item.evidence;
  row[kColumns.size() + 3] = item.evidence + "=" + (item.file.empty() ? "" : item.file + ":") +
                             "valid";
  return row;
}

}  // namespace

void WriteCsv(const std::vector<Report>& reports, std::ostream& out) {
  const bool judged = std::any_of(reports.begin(), reports.end(),
                                  [](const Report& r) { return !r.document.profile.empty(); });
  std::vector<std::string> header(kColumns.begin(), kColumns.end());
  if (judged) header.insert(header.end(), kProfileColumns.begin(), kProfileColumns.end());
  WriteRecord(header, out);
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) {
      std::vector<std::string> row = Row(report.document, f);
      if (judged) {
        std::vector<std::string> more = ProfileFields(f);
        row.insert(row.end(), more.begin(), more.end());
      }
      WriteRecord(row, out);
    }
    for (const internal::ExpiringEvidence& item : internal::ExpiringEvidenceOf(report)) {
      WriteRecord(ExpiringEvidenceRow(report.document, item), out);
    }
  }
}

}  // namespace clausescan

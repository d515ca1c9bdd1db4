// The JSON report: the contract documented in docs/report-format.md. Keys keep the order in which
// they are written here, so the output is stable and diffs of golden files stay readable.
#include <array>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "common/json_text.h"
#include "report/expiring_evidence.h"
#include "report/json_values.h"
#include "report/strings.h"

namespace clausescan {
namespace {

using Json = nlohmann::ordered_json;

Json DocumentJson(const DocumentInfo& document) {
  Json out = Json::object();
  out["path"] = document.path;
  out["format"] = document.format;
  out["type"] = document.type;
  out["bytes"] = document.bytes;
  out["user_side"] = document.user_side;
  Json parties = Json::array();
  for (const ContractParty& p : document.parties) {
    parties.push_back(
        Json{{"name", p.name}, {"terms", p.terms}, {"role", p.role}, {"side", p.side}});
  }
  out["parties"] = std::move(parties);
  if (!document.sectors.empty()) out["sectors"] = document.sectors;  // issue 14 third review #7
  if (!document.profile.empty()) {                                   // issue 13 #2
    out["profile"] = Json{{"path", document.profile}, {"date", document.profile_date}};
    if (!document.term_ends.empty()) out["profile"]["term_ends"] = document.term_ends;
    if (!document.term_source.empty()) {  // issue 13 s7 #2
      out["profile"]["term_source"] = document.term_source;
    }
  }
  if (document.placeholders > 0 || document.options_not_selected > 0) {
    out["template"] = Json{{"placeholders", document.placeholders},
                           {"options_not_selected", document.options_not_selected}};
  }
  return out;
}

Json ControlsJson(const std::vector<Control>& controls) {
  Json out = Json::array();
  for (const Control& c : controls) out.push_back(Json{{"id", c.id}, {"title", c.title}});
  return out;
}

Json EvidenceJson(const std::vector<EvidenceItem>& evidence) {
  Json out = Json::array();
  for (const EvidenceItem& e : evidence) out.push_back(Json{{"id", e.id}, {"title", e.title}});
  return out;
}

// A finding of a document of `format` ("md", "txt", ...): its `text` as people read it
// (ReadableQuote), like every other format's quote; `start` and `end` locate the bytes as written.
Json FindingJson(const Finding& f, std::string_view format) {
  Json out = Json::object();
  out["rule"] = f.rule;
  out["rules"] = f.rules.empty() ? std::vector<std::string>{f.rule} : f.rules;
  out["category"] = f.category;
  out["title"] = f.title;
  out["start"] = f.start;
  out["end"] = f.end;
  out["line"] = f.line;
  out["column"] = f.column;
  if (f.page > 0) out["page"] = f.page;                 // PDF only
  if (f.paragraph > 0) out["paragraph"] = f.paragraph;  // DOCX only
  out["section"] = f.section;
  out["text"] = internal::ReadableQuote(f.text, format);
  out["party"] = f.party;
  out["party_name"] = f.party_name;
  out["side"] = f.side;
  out["holds"] = f.holds;
  if (f.fallback) out["fallback"] = true;  // a category fallback rule found it
  out["parameters"] = internal::ParametersJson(f.parameters);
  out["risk"] = RiskName(f.risk);
  if (f.profile) out["original_risk"] = RiskName(f.profile->original_risk);  // issue 13 #2
  out["reasons"] = f.reasons;
  out["positions"] = f.positions;
  out["controls"] = ControlsJson(f.controls);
  out["evidence"] = EvidenceJson(f.evidence);
  out["considerations"] = f.considerations;
  if (!f.rationale.text.empty()) out["rationale"] = internal::RationaleJson(f.rationale);
  if (f.profile) out["profile"] = internal::ProfileJudgementJson(*f.profile);
  return out;
}

Json MissingJson(const MissingClause& m) {
  Json out = Json::object();
  out["category"] = m.category;
  out["reason"] = m.reason;
  out["risk"] = RiskName(m.risk);
  return out;
}

// Counts of findings (not missing clauses) per risk and the worst risk, of what is shown; and
// when a minimum risk left some out, what it left out.
Json SummaryJson(const Report& report) {
  std::array<int, 4> counts{};  // indexed by Risk
  for (const Finding& f : report.findings) ++counts[static_cast<int>(f.risk)];
  Json by_risk = Json::object();
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    by_risk[std::string(RiskName(r))] = counts[static_cast<int>(r)];
  }
  Json out = Json::object();
  out["findings"] = report.findings.size();
  out["worst_risk"] = RiskName(report.WorstRisk());
  out["by_risk"] = std::move(by_risk);
  const LeftOut& left_out = report.left_out;
  if (!left_out.empty()) {
    Json left_by_risk = Json::object();
    for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
      left_by_risk[std::string(RiskName(r))] = left_out.findings_by_risk[static_cast<int>(r)];
    }
    Json left = Json::object();
    left["min_risk"] = RiskName(left_out.min_risk);
    left["findings"] = left_out.findings();
    left["missing"] = left_out.missing();
    left["worst_risk"] = RiskName(left_out.WorstRisk());
    left["by_risk"] = std::move(left_by_risk);
    out["left_out"] = std::move(left);
  }
  return out;
}

// One line of JSON. Invalid UTF-8 (which a lossy read may leave in a clause) becomes U+FFFD
// rather than an exception: a printer does not fail. Format characters are escaped (issue 14
// #2).
std::string Dump(const Json& json) {
  return internal::JsonEscapeFormatChars(
      json.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace));
}

// The documents of the profile that expire before the contract's term ends, one entry each
// (issue 13 #1); written for every report judged against a profile, empty when none.
Json ExpiringEvidenceJson(const Report& report) {
  Json out = Json::array();
  for (const internal::ExpiringEvidence& item : internal::ExpiringEvidenceOf(report)) {
    Json entry = Json::object();
    entry["rule"] = internal::kExpiringEvidenceRule;
    entry["evidence"] = item.evidence;
    entry["title"] = item.title;
    entry["file"] = item.file;
    entry["valid_until"] = item.valid_until;
    entry["term_ends"] = report.document.term_ends;
    if (!report.document.term_source.empty()) entry["term_source"] = report.document.term_source;
    entry["risk"] = RiskName(item.risk);
    Json findings = Json::array();
    for (const Finding* f : item.findings) {
      findings.push_back(Json{{"rule", f->rule}, {"line", f->line}});
    }
    entry["findings"] = std::move(findings);
    out.push_back(std::move(entry));
  }
  return out;
}

// Writes a report's members, `"document":{...},"findings":[...],...,"summary":{...}`, the text
// Dump gives for the whole report without its braces. Each finding is built and written on its
// own, so memory stays that of one finding however many a report has (a report of 100,000
// findings built as one JSON tree took over 2 GB, and a tree that cannot be built in full
// cannot be freed safely either).
void WriteReportMembers(const Report& report, std::ostream& out) {
  out << "\"document\":" << Dump(DocumentJson(report.document)) << ",\"findings\":[";
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    out << (i > 0 ? "," : "") << Dump(FindingJson(report.findings[i], report.document.format));
  }
  out << ']';
  if (!report.document.profile.empty()) {
    out << ",\"expiring_evidence\":" << Dump(ExpiringEvidenceJson(report));
  }
  Json missing = Json::array();
  for (const MissingClause& m : report.missing) missing.push_back(MissingJson(m));
  out << ",\"missing\":" << Dump(missing) << ",\"notes\":" << Dump(Json(report.notes))
      << ",\"summary\":" << Dump(SummaryJson(report));
}

// The reports of a JSON array, one per line, each with "title" when it is not empty, separated
// by commas.
void WriteReportLines(const std::vector<Report>& reports, std::string_view title,
                      std::ostream& out) {
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out << '{';
    WriteReportMembers(reports[i], out);
    if (!title.empty()) out << ",\"title\":" << Dump(Json(std::string(title)));
    out << '}' << (i + 1 < reports.size() ? ",\n" : "\n");
  }
}

}  // namespace

void WriteJson(const Report& report, std::ostream& out) { WriteJson(report, out, ""); }

void WriteJsonArray(const std::vector<Report>& reports, std::ostream& out) {
  WriteJsonArray(reports, out, "");
}

void WriteJson(const Report& report, std::ostream& out, std::string_view title) {
  out << '{';
  WriteReportMembers(report, out);
  if (!title.empty()) out << ",\"title\":" << Dump(Json(std::string(title)));
  out << "}\n";
}

void WriteJsonArray(const std::vector<Report>& reports, std::ostream& out, std::string_view title) {
  if (reports.empty()) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  WriteReportLines(reports, title, out);
  out << "]\n";
}

void WriteJsonLines(const Report& report, std::ostream& out) { WriteJson(report, out); }

namespace {

Json ErrorJson(const Error& error) {
  return Json{{"code", ErrorCodeName(error.code())}, {"message", error.message()}};
}

}  // namespace

void WriteJsonReports(const std::vector<Report>& reports,
                      const std::vector<NotScanned>& not_scanned, std::ostream& out,
                      std::string_view title) {
  if (not_scanned.empty()) {
    if (reports.size() == 1) {
      WriteJson(reports[0], out, title);
    } else {
      WriteJsonArray(reports, out, title);
    }
    return;
  }
  out << "{\"reports\":[\n";
  WriteReportLines(reports, title, out);
  out << "],\n\"errors\":" << Dump(internal::NotScannedJson(not_scanned)) << "}\n";
}

void WriteJsonLinesNotScanned(const NotScanned& input, std::ostream& out) {
  out << Dump(Json{{"path", input.path}, {"error", ErrorJson(input.error)}}) << '\n';
}

namespace {

// The JSON text of an id: a JSON id as written, without blanks between its tokens; a string (or
// JSON text that cannot be written back as it is, see JsonLinesId::FromJson) as a JSON string.
std::string IdText(const JsonLinesId& id) {
  const std::string& text = id.text();
  if (!id.is_json() || internal::FindJsonTooDeep(text) != std::string::npos ||
      !nlohmann::json::accept(text)) {
    return Dump(Json(text));
  }
  std::string compact;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {  // a string, escapes and all (accept() vouched that it ends)
      const std::size_t begin = i;
      for (++i; text[i] != '"'; ++i) i += text[i] == '\\' ? 1 : 0;
      compact.append(text, begin, i + 1 - begin);
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      compact += c;
    }
  }
  return internal::JsonEscapeFormatChars(compact);
}

// Writes {"id":ID, then the members of object, then "}\n": the id's text as IdText gives it
// (so a number keeps every digit, which a parsed JSON value would not).
void WriteWithId(const JsonLinesId& id, const Json& object, std::ostream& out) {
  const std::string body = Dump(object);  // "{...}"
  out << "{\"id\":" << IdText(id) << (body.size() > 2 ? "," : "")
      << std::string_view(body).substr(1) << '\n';
}

}  // namespace

void WriteJsonLines(const Report& report, const JsonLinesId& id, std::ostream& out) {
  out << "{\"id\":" << IdText(id) << ',';
  WriteReportMembers(report, out);
  out << "}\n";
}

void WriteJsonLinesError(const JsonLinesId& id, const Error& error, std::ostream& out) {
  Json line = Json::object();
  line["error"] = ErrorJson(error);
  WriteWithId(id, line, out);
}

}  // namespace clausescan

// SARIF 2.1.0, for code-scanning dashboards: each rule that found something becomes a
// reportingDescriptor, each finding a result located by line and column in its document.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "report/expiring_evidence.h"
#include "report/json_values.h"
#include "report/matrix.h"
#include "report/strings.h"
#include "text/normalize.h"

namespace clausescan {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kMissingPrefix = "missing/";

std::string_view Level(Risk risk) {
  switch (risk) {
    case Risk::kHigh:
      return "error";
    case Risk::kMedium:
      return "warning";
    case Risk::kLow:
    case Risk::kInfo:
      return "note";
  }
  return "note";
}

void AddUnique(std::vector<std::string>& items, const std::string& item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

// What the results of one rule (or one kind of missing clause) say about it.
struct RuleSummary {
  std::string title;
  std::string category;
  std::vector<std::string> controls;        // "A.5.24 Information security ..."
  std::vector<std::string> evidence;        // titles
  std::vector<std::string> considerations;  // of every finding, each once
  std::size_t index = 0;                    // in tool.driver.rules
};

struct Rules {
  std::map<std::string, RuleSummary> by_id;  // rules, then "missing/..." (sorted by id)
};

Rules CollectRules(const std::vector<Report>& reports) {
  Rules rules;
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) {
      RuleSummary& rule = rules.by_id[f.rule];
      rule.title = f.title;
      rule.category = f.category;
      for (const Control& c : f.controls) AddUnique(rule.controls, c.id + " " + c.title);
      for (const EvidenceItem& e : f.evidence) AddUnique(rule.evidence, e.title);
      for (const std::string& c : f.considerations) AddUnique(rule.considerations, c);
    }
    for (const MissingClause& m : report.missing) {
      RuleSummary& rule = rules.by_id[std::string(kMissingPrefix) + m.category];
      rule.title = "Missing clause: " + internal::CategoryTitle(m.category);
      rule.category = m.category;
      AddUnique(rule.considerations, m.reason);
    }
  }
  for (const Report& report : reports) {  // issue 13 #1
    if (internal::ExpiringEvidenceOf(report).empty()) continue;
    RuleSummary& rule = rules.by_id[std::string(internal::kExpiringEvidenceRule)];
    rule.title = "Evidence expiring before the contract's term";
    rule.category = "evidence";
    AddUnique(rule.considerations,
              "Renew the document before it lapses, or agree with the buyer how its renewal "
              "is shown during the term.");
  }
  std::size_t index = 0;
  for (auto& [id, rule] : rules.by_id) rule.index = index++;
  return rules;
}

// "incident-notification.window" -> "IncidentNotificationWindow".
std::string PascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string FullDescription(const std::string& id, const RuleSummary& rule) {
  std::string category = internal::CategoryTitle(rule.category);
  if (id.rfind(kMissingPrefix, 0) == 0) {
    return "The document has no " + category + " clause, which documents of its type usually have.";
  }
  std::string out = rule.title + " (category: " + category + ").";
  if (!rule.controls.empty()) {
    out += " ISO/IEC 27001:2022 Annex A: " + Joined(rule.controls, "; ") + ".";
  }
  if (!rule.evidence.empty()) out += " Evidence to prepare: " + Joined(rule.evidence, ", ") + ".";
  return out;
}

Json HelpJson(const RuleSummary& rule, bool missing) {
  std::string heading = missing ? "Why it matters:" : "Consider:";
  std::string text = rule.title + "\n\n" + heading;
  std::string markdown = "**" + internal::MarkdownEscape(rule.title) + "**\n\n" + heading + "\n";
  if (rule.considerations.empty()) {
    text += " review the clause against your playbook.";
    markdown += "\nReview the clause against your playbook.\n";
  }
  for (const std::string& c : rule.considerations) {
    text += "\n- " + c;
    markdown += "\n- " + internal::MarkdownEscapeLine(c);
  }
  return Json{{"text", text}, {"markdown", markdown}};
}

Json RuleJson(const std::string& id, const RuleSummary& rule) {
  bool missing = id.rfind(kMissingPrefix, 0) == 0;
  Json out = Json::object();
  out["id"] = id;
  out["name"] = PascalCase(id);
  out["shortDescription"] = Json{{"text", rule.title}};
  out["fullDescription"] = Json{{"text", FullDescription(id, rule)}};
  out["help"] = HelpJson(rule, missing);
  out["properties"] = Json{{"category", rule.category},
                           {"tags", Json::array({"contract", "security", rule.category})}};
  return out;
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

// A path as a URI reference: relative paths stay relative, absolute ones become file:// URIs;
// bytes other than unreserved characters and '/' are percent-encoded.
std::string PathUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (IsUnreserved(u)) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

Json ArtifactLocation(const Report& report, std::size_t index) {
  return Json{{"uri", PathUri(report.document.path)}, {"index", index}};
}

// Whether finding offsets are bytes of the file itself (see Finding::start).
bool OffsetsAreFileBytes(const DocumentInfo& document) {
  return document.format == "txt" || document.format == "md";
}

Json RegionJson(const Finding& f, const DocumentInfo& document) {
  // The clause's own lines, counted as the document's are (LineIndex: "\n", "\r\n" or a lone
  // "\r"); endColumn is the column just past its last character.
  const internal::LineIndex lines(f.text);
  const int last_line = lines.Line(f.text.size());
  const int end_line = f.line + last_line - 1;
  const std::size_t end_column =
      last_line == 1 ? static_cast<std::size_t>(f.column) + internal::CharCount(f.text)
                     : static_cast<std::size_t>(lines.Column(f.text.size()));
  Json region = Json::object();
  region["startLine"] = f.line;
  region["startColumn"] = f.column;
  region["endLine"] = end_line;
  region["endColumn"] = end_column;
  if (OffsetsAreFileBytes(document)) {
    region["byteOffset"] = f.start;
    region["byteLength"] = f.end - f.start;
  }
  region["snippet"] = Json{{"text", internal::ReadableQuote(f.text, document.format)}};
  return region;
}

std::string Message(const std::string& category, Risk risk, const std::vector<std::string>& why) {
  std::string out = category + " (" + std::string(RiskName(risk)) + " risk)";
  return why.empty() ? out : out + ": " + Joined(why, "; ");
}

Json FindingResult(const Report& report, std::size_t artifact, const Finding& f,
                   const Rules& rules) {
  Json location =
      Json{{"physicalLocation", Json{{"artifactLocation", ArtifactLocation(report, artifact)},
                                     {"region", RegionJson(f, report.document)}}}};
  Json properties = Json::object();
  properties["risk"] = RiskName(f.risk);
  properties["category"] = f.category;
  properties["section"] = f.section;
  properties["party"] = f.party;
  properties["party_name"] = f.party_name;
  properties["side"] = f.side;
  properties["holds"] = f.holds;
  if (f.fallback) properties["fallback"] = true;
  if (f.page > 0) properties["page"] = f.page;
  if (f.paragraph > 0) properties["paragraph"] = f.paragraph;
  properties["parameters"] = internal::ParametersJson(f.parameters);
  Json controls = Json::array();
  for (const Control& c : f.controls) controls.push_back(c.id);
  properties["controls"] = std::move(controls);
  Json evidence = Json::array();
  for (const EvidenceItem& e : f.evidence) evidence.push_back(e.id);
  properties["evidence"] = std::move(evidence);
  if (f.profile) {  // issue 13 #2
    properties["original_risk"] = RiskName(f.profile->original_risk);
    properties["profile"] = internal::ProfileJudgementJson(*f.profile);
  }
  Json out = Json::object();
  out["ruleId"] = f.rule;
  out["ruleIndex"] = rules.by_id.at(f.rule).index;
  out["level"] = Level(f.risk);
  out["message"] = Json{{"text", Message(f.category, f.risk, f.reasons)}};
  out["locations"] = Json::array({std::move(location)});
  out["properties"] = std::move(properties);
  return out;
}

Json MissingResult(const Report& report, std::size_t artifact, const MissingClause& m,
                   const Rules& rules) {
  std::string id = std::string(kMissingPrefix) + m.category;
  Json location =
      Json{{"physicalLocation", Json{{"artifactLocation", ArtifactLocation(report, artifact)}}}};
  Json out = Json::object();
  out["ruleId"] = id;
  out["ruleIndex"] = rules.by_id.at(id).index;
  out["level"] = Level(m.risk);
  out["message"] = Json{{"text", "missing " + Message(m.category, m.risk, {m.reason})}};
  out["locations"] = Json::array({std::move(location)});
  out["properties"] = Json{{"risk", RiskName(m.risk)}, {"category", m.category}};
  return out;
}

// A document of the profile that expires before the contract's term ends (issue 13 #1), located at
// the contract; the findings it answers are related locations at their lines.
Json ExpiringEvidenceResult(const Report& report, std::size_t artifact,
                            const internal::ExpiringEvidence& item, const Rules& rules) {
  const std::string id(internal::kExpiringEvidenceRule);
  Json location =
      Json{{"physicalLocation", Json{{"artifactLocation", ArtifactLocation(report, artifact)}}}};
  Json related = Json::array();
  Json findings = Json::array();
  for (const Finding* f : item.findings) {
    related.push_back(Json{{"id", related.size()},
                           {"physicalLocation",
                            Json{{"artifactLocation", ArtifactLocation(report, artifact)},
                                 {"region", RegionJson(*f, report.document)}}},
                           {"message", Json{{"text", f->rule}}}});
    findings.push_back(Json{{"rule", f->rule}, {"line", f->line}});
  }
  Json properties = Json::object();
  properties["risk"] = RiskName(item.risk);
  properties["category"] = "evidence";
  properties["evidence"] = item.evidence;
  properties["file"] = item.file;
  properties["valid_until"] = item.valid_until;
  properties["term_ends"] = report.document.term_ends;
  if (!report.document.term_source.empty()) {
    properties["term_source"] = report.document.term_source;
  }
  properties["findings"] = std::move(findings);
  Json out = Json::object();
  out["ruleId"] = id;
  out["ruleIndex"] = rules.by_id.at(id).index;
  out["level"] = Level(item.risk);
  out["message"] = Json{{"text", internal::ExpiringEvidenceSentence(item, report.document) +
                                     "; it answers " + internal::AnsweredFindingsWords(item)}};
  out["locations"] = Json::array({std::move(location)});
  out["relatedLocations"] = std::move(related);
  out["properties"] = std::move(properties);
  return out;
}

Json ArtifactJson(const Report& report) {
  Json out = Json::object();
  out["location"] = Json{{"uri", PathUri(report.document.path)}};
  out["length"] = report.document.bytes;
  out["properties"] = Json{{"format", report.document.format}, {"type", report.document.type}};
  return out;
}

// The reports' notes (an empty document, findings cut at the limit, tracked changes) as tool
// execution notifications located at their document, or an empty array.
Json Notifications(const std::vector<Report>& reports) {
  Json out = Json::array();
  for (std::size_t i = 0; i < reports.size(); ++i) {
    for (const std::string& note : reports[i].notes) {
      Json location =
          Json{{"physicalLocation", Json{{"artifactLocation", ArtifactLocation(reports[i], i)}}}};
      Json notification = Json::object();
      notification["locations"] = Json::array({std::move(location)});
      notification["message"] = Json{{"text", note}};
      notification["level"] = "warning";
      out.push_back(std::move(notification));
    }
  }
  return out;
}

// One notification of level error per input not scanned, located at its path.
Json NotScannedNotifications(const std::vector<NotScanned>& not_scanned) {
  Json out = Json::array();
  for (const NotScanned& input : not_scanned) {
    Json location =
        Json{{"physicalLocation", Json{{"artifactLocation", Json{{"uri", PathUri(input.path)}}}}}};
    Json notification = Json::object();
    notification["locations"] = Json::array({std::move(location)});
    notification["message"] = Json{{"text", input.error.message()}};
    notification["level"] = "error";
    out.push_back(std::move(notification));
  }
  return out;
}

Json RunJson(const std::vector<Report>& reports, const std::vector<NotScanned>& not_scanned) {
  Rules rules = CollectRules(reports);
  Json rule_list = Json::array();
  for (const auto& [id, rule] : rules.by_id) rule_list.push_back(RuleJson(id, rule));
  Json artifacts = Json::array();
  Json results = Json::array();
  for (std::size_t i = 0; i < reports.size(); ++i) {
    artifacts.push_back(ArtifactJson(reports[i]));
    for (const Finding& f : reports[i].findings) {
      results.push_back(FindingResult(reports[i], i, f, rules));
    }
    for (const MissingClause& m : reports[i].missing) {
      results.push_back(MissingResult(reports[i], i, m, rules));
    }
    for (const internal::ExpiringEvidence& item : internal::ExpiringEvidenceOf(reports[i])) {
      results.push_back(ExpiringEvidenceResult(reports[i], i, item, rules));
    }
  }
  Json driver = Json::object();
  driver["name"] = "clausescan";
  driver["rules"] = std::move(rule_list);
  Json run = Json::object();
  run["tool"] = Json{{"driver", std::move(driver)}};
  Json notifications = Notifications(reports);
  for (Json& error : NotScannedNotifications(not_scanned)) {
    notifications.push_back(std::move(error));
  }
  if (!notifications.empty()) {
    Json invocation = Json::object();
    invocation["executionSuccessful"] = not_scanned.empty();
    invocation["toolExecutionNotifications"] = std::move(notifications);
    run["invocations"] = Json::array({std::move(invocation)});
  }
  run["artifacts"] = std::move(artifacts);
  run["columnKind"] = "unicodeCodePoints";  // Finding::column counts characters
  run["results"] = std::move(results);
  return run;
}

}  // namespace

void WriteSarif(const std::vector<Report>& reports, std::ostream& out) {
  WriteSarif(reports, {}, out);
}

void WriteSarif(const std::vector<Report>& reports, const std::vector<NotScanned>& not_scanned,
                std::ostream& out) {
  Json log = Json::object();
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({RunJson(reports, not_scanned)});
  out << internal::JsonEscapeFormatChars(
             log.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace))
      << '\n';
}

}  // namespace clausescan

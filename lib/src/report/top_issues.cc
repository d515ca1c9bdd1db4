#include "report/top_issues.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "clausescan/printers.h"
#include "report/values.h"

namespace clausescan::internal {
namespace {

using Parameters = std::map<std::string, ParamValue>;

// The name with '_' as spaces: "data_protection" -> "data protection".
std::string Words(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// The value as words: a number (as FormatAmount), a word with '_' as spaces, a list joined by ", ".
std::string ValueWords(const ParamValue& value) {
  if (const double* number = std::get_if<double>(&value)) return FormatAmount(*number);
  return Words(FormatValue(value));
}

class Phrases {
 public:
  explicit Phrases(const Parameters& parameters) : parameters_(parameters) {}

  // The value of `name`, marking it said; nullptr when the finding does not have it.
  const ParamValue* Take(const std::string& name) {
    auto it = parameters_.find(name);
    if (it == parameters_.end()) return nullptr;
    said_.insert(name);
    return &it->second;
  }
  bool Has(const std::string& name) const { return parameters_.count(name) > 0; }
  // The value of `name` without marking it said; nullptr when absent.
  const ParamValue* Peek(const std::string& name) const {
    auto it = parameters_.find(name);
    return it == parameters_.end() ? nullptr : &it->second;
  }
  bool Flag(const std::string& name) {
    const ParamValue* value = Take(name);
    return value != nullptr && std::holds_alternative<bool>(*value) && std::get<bool>(*value);
  }
  void Add(std::string phrase) {
    if (!phrase.empty()) phrases_.push_back(std::move(phrase));
  }
  // Every parameter not said yet: a flag by its name, another value as "name value".
  void AddTheRest() {
    for (const auto& [name, value] : parameters_) {
      if (said_.count(name) > 0) continue;
      if (const bool* flag = std::get_if<bool>(&value)) {
        // A flag a list already names ("scope: third party, data breach" and data_breach) is
        // said once.
        if (*flag && Joined().find(Words(name)) == std::string::npos) Add(Words(name));
      } else {
        Add(Words(name) + " " + ValueWords(value));
      }
    }
  }
  std::string Joined() const {
    std::string out;
    for (const std::string& phrase : phrases_) out += (out.empty() ? "" : ", ") + phrase;
    return out;
  }

 private:
  const Parameters& parameters_;
  std::set<std::string> said_;
  std::vector<std::string> phrases_;
};

// "24 h", "10 business days", "1 day"; months as "18 months", whole years as "3 years".
std::string Duration(const ParamValue& value, std::string_view unit, bool business) {
  std::string number = ValueWords(value);
  if (unit == "h") return number + " h";
  if (unit == "m") {
    const double* months = std::get_if<double>(&value);
    if (months != nullptr && *months >= 12 && std::fmod(*months, 12) == 0) {
      number = FormatAmount(*months / 12);
      return number + (number == "1" ? " year" : " years");
    }
    return number + (number == "1" ? " month" : " months");
  }
  std::string days = business ? "business day" : "day";
  return number + " " + days + (number == "1" ? "" : "s");
}

struct DurationPhrase {
  const char* name;
  const char* unit;    // "h", "d" or "m" (months)
  const char* before;  // words before the duration ("notice within")
  const char* after;   // words after it ("' notice")
};

constexpr DurationPhrase kDurations[] = {
    {"window_hours", "h", "notice within ", ""},
    {"window_days", "d", "notice within ", ""},
    {"report_hours", "h", "report within ", ""},
    {"report_days", "d", "report within ", ""},
    {"response_hours", "h", "response within ", ""},
    {"response_days", "d", "response within ", ""},
    {"notice_days", "d", "", "' notice"},
    {"objection_days", "d", "", " to object"},
    {"period_days", "d", "within ", ""},
    {"delete_days", "d", "deletion within ", ""},
    {"handover_days", "d", "handover within ", ""},
    {"export_days", "d", "export within ", ""},
    {"fix_days", "d", "fix within ", ""},
    {"deadline_days", "d", "deadline ", ""},
    {"certification_months", "m", "certification within ", ""},
    {"retention_months", "m", "records kept for ", ""},
};

void AddDurations(Phrases& p) {
  bool business = p.Flag("business");
  const ParamValue* trigger = p.Take("trigger");
  bool trigger_said = trigger == nullptr;
  // The clause's first period, when it is the deletion's, the handover's or the export's, is
  // said once, as that one's ("handover within 1 business day", not also "within 1 day").
  bool period_said_as_named = false;
  if (const ParamValue* period = p.Peek("period_days")) {
    for (const char* named : {"delete_days", "handover_days", "export_days"}) {
      const ParamValue* value = p.Peek(named);
      if (value != nullptr && *value == *period) period_said_as_named = true;
    }
  }
  for (const DurationPhrase& d : kDurations) {
    const ParamValue* value = p.Take(d.name);
    if (value == nullptr) continue;
    if (period_said_as_named && std::string_view(d.name) == "period_days") continue;
    std::string duration = Duration(*value, d.unit, business);
    std::string after = d.after;
    // "30 days' notice", but "1 day's notice"
    if (!after.empty() && after[0] == '\'' && duration.back() != 's') after.insert(1, "s");
    std::string phrase = std::string(d.before) + duration + after;
    if (!trigger_said && std::string_view(d.name).rfind("window_", 0) == 0) {
      phrase += " of " + ValueWords(*trigger);
      trigger_said = true;
    }
    p.Add(phrase);
  }
  if (const ParamValue* vague = p.Take("vague")) {
    std::string phrase = "notice " + ValueWords(*vague);
    if (!trigger_said) phrase += " of " + ValueWords(*trigger);
    trigger_said = true;
    p.Add(phrase);
  }
  if (!trigger_said) p.Add("clock starts at " + ValueWords(*trigger));
}

// Money: "cap of USD 1,000,000", "USD 5,000,000 cover".
std::string Money(const ParamValue& amount, const ParamValue* currency) {
  std::string out = ValueWords(amount);
  if (currency != nullptr) out = ValueWords(*currency) + " " + out;
  return out;
}

void AddLiability(Phrases& p) {
  if (p.Flag("uncapped")) p.Add("uncapped");
  const ParamValue* currency = p.Take("currency");
  if (const ParamValue* cap = p.Take("cap_amount")) p.Add("cap of " + Money(*cap, currency));
  if (const ParamValue* months = p.Take("cap_months_fees")) {
    p.Add("cap of " + ValueWords(*months) + " months' fees");
  }
  if (const ParamValue* multiple = p.Take("multiple")) p.Add(ValueWords(*multiple) + "x fees");
  if (p.Flag("super_cap")) p.Add("separate cap");
  if (p.Flag("uncapped_carveout")) p.Add("carve-outs from the cap");
  if (const ParamValue* amount = p.Take("amount")) p.Add(Money(*amount, currency) + " cover");
  if (currency != nullptr && !p.Has("cap_amount") && !p.Has("amount")) {
    p.Add("in " + ValueWords(*currency));
  }
}

void AddOthers(Phrases& p) {
  if (const ParamValue* percent = p.Take("percent")) p.Add(ValueWords(*percent) + "% uptime");
  if (const ParamValue* cap = p.Take("credit_cap_percent")) {
    p.Add("credits capped at " + ValueWords(*cap) + "% of fees");
  }
  for (const char* name : {"per_year", "frequency"}) {  // times a year
    if (const ParamValue* per_year = p.Take(name)) p.Add(ValueWords(*per_year) + " per year");
  }
  if (const ParamValue* authorisation = p.Take("authorisation")) {
    p.Add(ValueWords(*authorisation) + " authorisation");
  }
  if (const ParamValue* mechanism = p.Take("mechanism")) p.Add("via " + ValueWords(*mechanism));
  if (const ParamValue* element = p.Take("element")) {
    p.Add("Art. 28(3)(" + ValueWords(*element) + ")");
  }
  if (const ParamValue* law = p.Take("law")) p.Add(ValueWords(*law) + " law");
  if (p.Flag("onsite")) p.Add("on-site audits");
  if (p.Flag("reports_in_lieu")) p.Add("reports in lieu of audits");
  // A period to object ("5 days to object") already says there is a right to object.
  bool objection_period_said = p.Has("objection_days");
  if (p.Flag("objection") && !objection_period_said) p.Add("right to object");
  if (p.Flag("tia")) p.Add("transfer impact assessment");
  bool backups_retained = p.Flag("backups_retained");
  bool backups = p.Flag("backups");
  if (backups_retained) {
    p.Add("backups kept past the deadline");
  } else if (backups) {
    p.Add("backups covered");
  }
  for (const char* list : {"scope", "types", "measures"}) {
    if (const ParamValue* value = p.Take(list))
      p.Add(std::string(list) + ": " + ValueWords(*value));
  }
}

}  // namespace

std::string ParameterWords(const Finding& finding) {
  Phrases p(finding.parameters);
  AddDurations(p);
  AddLiability(p);
  AddOthers(p);
  if (finding.category == "data_deletion" && p.Flag("certification")) {
    p.Add("certificate of deletion");
  }
  p.AddTheRest();
  return p.Joined();
}

std::string LocationWords(const Finding& finding) {
  std::string out = "line " + std::to_string(finding.line);
  // The column tells apart two clauses of one line (a long Markdown paragraph).
  if (finding.column > 1) out += ":" + std::to_string(finding.column);
  if (finding.page > 0) out += ", p. " + std::to_string(finding.page);
  if (finding.paragraph > 0) out += ", \u00B6 " + std::to_string(finding.paragraph);
  if (!finding.section.empty()) out += ", section " + finding.section;
  return out;
}

const std::string* NotComparedReason(const Finding& finding) {
  for (const std::string& reason : finding.reasons) {
    if (reason.rfind(kNotCompared, 0) == 0) return &reason;
  }
  return nullptr;
}

std::string IssueWords(const Finding& finding) {
  std::string words = ParameterWords(finding);
  if (words.empty()) words = finding.title.empty() ? finding.rule : finding.title;
  if (NotComparedReason(finding) != nullptr) words += ", " + std::string(kNotCompared);
  if (finding.profile && finding.profile->verdict == "met") words += "; your profile meets it";
  if (finding.profile && finding.profile->verdict == "not_met") {
    words += "; your profile does not meet it";  // issue 13 #2
  }
  return words;
}

namespace {

void AddTopIssues(const Report& report, std::size_t index, Risk risk,
                  std::vector<TopIssue>& issues) {
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    if (report.findings[i].risk == risk) issues.push_back({index, i, &report.findings[i]});
  }
}

}  // namespace

std::vector<TopIssue> TopIssues(const std::vector<Report>& reports) {
  std::vector<TopIssue> issues;
  for (Risk risk : {Risk::kHigh, Risk::kMedium}) {
    for (std::size_t r = 0; r < reports.size(); ++r) AddTopIssues(reports[r], r, risk, issues);
  }
  return issues;
}

std::vector<TopIssue> TopIssues(const Report& report) {
  std::vector<TopIssue> issues;
  for (Risk risk : {Risk::kHigh, Risk::kMedium}) AddTopIssues(report, 0, risk, issues);
  return issues;
}

}  // namespace clausescan::internal

// Indemnities uncapped by the liability clause; see indemnity_cap.h.
#include "assess/indemnity_cap.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "assess/merge.h"

namespace clausescan::internal {
namespace {

bool Flag(const Finding& f, const std::string& name) {
  auto it = f.parameters.find(name);
  if (it == f.parameters.end()) return false;
  const bool* value = std::get_if<bool>(&it->second);
  return value != nullptr && *value;
}

bool ScopeNames(const Finding& f, std::string_view what) {
  auto it = f.parameters.find("scope");
  if (it == f.parameters.end()) return false;
  if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) {
    return std::find(list->begin(), list->end(), what) != list->end();
  }
  if (const auto* one = std::get_if<std::string>(&it->second)) return *one == what;
  return false;
}

bool CarvesOutIndemnities(const Finding& f) {
  if (f.category != "liability_cap") return false;
  const bool position = std::find(f.positions.begin(), f.positions.end(),
                                  "cap-carveout-indemnity") != f.positions.end();
  return position || (Flag(f, "uncapped_carveout") && ScopeNames(f, "indemnity"));
}

// The clause numbers a carve-out names ("Clauses 7.5, 8.3, 9.5, 12.2 or 14.9"), or none.
std::vector<std::string> NamedClauses(const std::string& text) {
  static const RE2 kList(
      R"((?i)\b(?:clauses?|sections?)\s+((?:\d+(?:\.\d+)*[a-z]?(?:\s*(?:,|and|or)\s*)?)+))");
  static const RE2 kNumber(R"((\d+(?:\.\d+)*))");
  std::vector<std::string> out;
  re2::StringPiece input(text);
  std::string list;
  while (RE2::FindAndConsume(&input, kList, &list)) {
    re2::StringPiece numbers(list);
    std::string number;
    while (RE2::FindAndConsume(&numbers, kNumber, &number)) out.push_back(number);
  }
  return out;
}

// True when the finding's section is one of clauses or inside one ("14.9" in "14"), or its text
// opens with one.
bool InClauses(const Finding& f, const std::vector<std::string>& clauses) {
  for (const std::string& c : clauses) {
    const std::string& s = f.section;
    if (s == c || (s.size() > c.size() && s.compare(0, c.size(), c) == 0 && s[c.size()] == '.')) {
      return true;
    }
    const std::size_t lead = f.text.find_first_not_of(" \t*#");
    if (lead != std::string::npos && f.text.compare(lead, c.size(), c) == 0 &&
        (lead + c.size() == f.text.size() || f.text[lead + c.size()] == ' ' ||
         f.text[lead + c.size()] == '\t')) {
      return true;
    }
  }
  return false;
}

// True when the rule `id` of data is an indemnity the supplier gives: of category
// indemnification, about the supplier's duty (its `party`).
bool GivenBySupplier(const RuleSetData& data, const std::string& id) {
  return std::any_of(data.rules.begin(), data.rules.end(), [&](const Rule& rule) {
    return rule.id == id && rule.category == "indemnification" && rule.party == Party::kSupplier;
  });
}

// True when f's rule, or a rule merged into it, is an indemnity the supplier gives.
bool IsSupplierIndemnity(const RuleSetData& data, const Finding& f) {
  return GivenBySupplier(data, f.rule) ||
         std::any_of(f.rules.begin(), f.rules.end(),
                     [&](const std::string& id) { return GivenBySupplier(data, id); });
}

}  // namespace

void ReadIndemnityCarveouts(const RuleSetData& data, std::vector<Finding>& findings,
                            std::string_view doctype) {
  const auto carveout = std::find_if(findings.begin(), findings.end(), CarvesOutIndemnities);
  if (carveout == findings.end()) return;
  const std::string reason = fmt::format(
      "the liability clause at line {} leaves indemnities outside the cap, so this indemnity is "
      "uncapped",
      carveout->line);
  // The clauses it names, else every indemnity of the supplier. The carve-out's own clause
  // (its section) is not an indemnity's clause number it names.
  const std::vector<std::string> clauses = NamedClauses(carveout->text);
  for (Finding& f : findings) {
    if (!IsSupplierIndemnity(data, f) || Flag(f, "uncapped")) continue;
    if (!clauses.empty() && !InClauses(f, clauses)) continue;
    f.parameters["uncapped"] = true;
    Reassess(data, f, doctype);
    f.reasons.insert(f.reasons.begin(), reason);
  }
}

}  // namespace clausescan::internal

#include "rules/rule_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "match/matcher.h"
#include "params/extract.h"
#include "rules/asks_loader.h"
#include "rules/playbook_loader.h"

namespace clausescan::internal {
namespace {

const Names kRuleKeys = {"id",         "category", "title",    "description",
                         "scope",      "party",    "fallback", "match",
                         "parameters", "controls", "evidence", "considerations",
                         "asks"};
const Names kScopes = {"sentence", "paragraph"};
const Names kParties = {"supplier", "customer", "any"};
const Names kParamTypes = {"duration", "vague",      "trigger",      "flag",      "enum", "percent",
                           "money",    "fee_months", "fee_multiple", "frequency", "set"};
const ParamSpec::Type kParamTypeValues[] = {
    ParamSpec::Type::kDuration,  ParamSpec::Type::kVague,     ParamSpec::Type::kTrigger,
    ParamSpec::Type::kFlag,      ParamSpec::Type::kEnum,      ParamSpec::Type::kPercent,
    ParamSpec::Type::kMoney,     ParamSpec::Type::kFeeMonths, ParamSpec::Type::kFeeMultiple,
    ParamSpec::Type::kFrequency, ParamSpec::Type::kSet};
const Names kParamKeys = {"type", "unit", "business", "prefer", "currency",
                          "any",  "none", "values",   "scope"};
const Names kRisks = {"info", "low", "medium", "high"};
const Risk kRiskValues[] = {Risk::kInfo, Risk::kLow, Risk::kMedium, Risk::kHigh};

bool IsRuleId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
}

Status ReadMatch(PatternExpander& patterns, const YAML::Node& node, Rule* rule) {
  const YamlFile& file = patterns.file();
  Fields match;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "'match'", {"all", "none", "definitions"}, {"all"}, &match));
  const YAML::Node& all = *match.Find("all");
  if (!all.IsSequence()) {
    return file.At(all, fmt::format("expected a list for 'all', found {}", KindName(all)));
  }
  if (all.size() == 0) return file.At(all, "'all' must not be empty");
  for (const YAML::Node& item : all) {
    Fields group;
    CLAUSESCAN_RETURN_IF_ERROR(
        Fields::Read(file, item, "group of 'all'", {"any"}, {"any"}, &group));
    std::vector<std::string> any;
    const PatternLog log{&rule->pattern_details, fmt::format("all[{}]", rule->all.size())};
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, *group.Find("any"), "any", &any, false, log));
    rule->all.push_back(std::move(any));
  }
  if (const YAML::Node* none = match.Find("none")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, *none, "none", &rule->none, true,
                                            PatternLog{&rule->pattern_details, "none"}));
  }
  if (const YAML::Node* definitions = match.Find("definitions")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadBool(file, *definitions, "definitions", &rule->definitions));
  }
  return std::nullopt;
}

// Keys each parameter type accepts besides 'type', and those it requires.
struct TypeKeys {
  Names allowed;
  Names required;
};
TypeKeys KeysOf(ParamSpec::Type type) {
  switch (type) {
    case ParamSpec::Type::kDuration:
      return {{"unit", "business", "prefer", "any"}, {"unit"}};
    case ParamSpec::Type::kFlag:
      return {{"any", "none", "scope"}, {"any"}};
    case ParamSpec::Type::kEnum:
    case ParamSpec::Type::kSet:
      return {{"values"}, {"values"}};
    case ParamSpec::Type::kMoney:
      return {{"currency"}, {}};
    case ParamSpec::Type::kPercent:
      return {{"any"}, {}};
    default:
      return {{}, {}};
  }
}

Status ReadParamName(const YamlFile& file, const YAML::Node& node, std::string_view key,
                     std::string* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, key, out));
  if (!IsParamName(*out)) {
    return file.At(node, fmt::format("invalid parameter name '{}': use lower-case letters, "
                                     "digits and '_', starting with a letter",
                                     *out));
  }
  return std::nullopt;
}

Status ReadEnumValues(PatternExpander& patterns, const YAML::Node& node, ParamSpec* spec,
                      std::vector<RulePattern>* details) {
  const YamlFile& file = patterns.file();
  Fields values;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, node, "'values'", {}, &values));
  if (values.entries().empty()) return file.At(node, "'values' must not be empty");
  for (const auto& [name, entry] : values.entries()) {
    std::vector<std::string> value;
    const PatternLog log{details, fmt::format("parameter {}: {}", spec->name, name)};
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, entry.second, name, &value, false, log));
    spec->values.emplace_back(name, std::move(value));
  }
  return std::nullopt;
}

// Checks the keys given for the spec's type: known to the type, and the required ones present.
Status CheckTypeKeys(const YamlFile& file, const Fields& fields, std::string_view type_name,
                     ParamSpec::Type type, std::string_view what) {
  const TypeKeys keys = KeysOf(type);
  for (const auto& [name, entry] : fields.entries()) {
    if (name == "type") continue;
    if (std::find(keys.allowed.begin(), keys.allowed.end(), name) == keys.allowed.end()) {
      return file.At(entry.first, fmt::format("'{}' does not apply to a parameter of type '{}'",
                                              name, type_name));
    }
  }
  for (std::string_view key : keys.required) {
    if (fields.Find(key) == nullptr) {
      return file.At(fields.node(), fmt::format("missing required key '{}' in {} (type '{}')", key,
                                                what, type_name));
    }
  }
  return std::nullopt;
}

Status ReadParamOptions(PatternExpander& patterns, const Fields& fields, ParamSpec* spec,
                        std::vector<RulePattern>* details) {
  const YamlFile& file = patterns.file();
  if (const YAML::Node* unit = fields.Find("unit")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *unit, "unit", {"hours", "days", "months"}, &index));
    spec->unit = index == 0 ? "hours" : index == 1 ? "days" : "months";
  }
  if (const YAML::Node* business = fields.Find("business")) {
    // true / false, or the name of the parameter that takes business days.
    const bool is_bool =
        business->IsScalar() && IsPlain(*business) && ParseBool(business->Scalar()).has_value();
    if (is_bool) {
      CLAUSESCAN_RETURN_IF_ERROR(ReadBool(file, *business, "business", &spec->business_flag));
    } else {
      CLAUSESCAN_RETURN_IF_ERROR(ReadParamName(file, *business, "business", &spec->business_name));
    }
  }
  if (const YAML::Node* prefer = fields.Find("prefer")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadEnum(file, *prefer, "prefer", {"within", "notice", "period"}, &index));
    constexpr ParamSpec::Prefer kPrefers[] = {ParamSpec::Prefer::kWithin,
                                              ParamSpec::Prefer::kNotice,
                                              ParamSpec::Prefer::kPeriod};
    spec->prefer = kPrefers[index];
  }
  if (const YAML::Node* currency = fields.Find("currency")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadParamName(file, *currency, "currency", &spec->currency_name));
  }
  if (const YAML::Node* any = fields.Find("any")) {
    const PatternLog log{details, fmt::format("parameter {} any", spec->name)};
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, *any, "any", &spec->any, false, log));
  }
  if (const YAML::Node* none = fields.Find("none")) {
    const PatternLog log{details, fmt::format("parameter {} none", spec->name)};
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, *none, "none", &spec->none, true, log));
  }
  if (const YAML::Node* values = fields.Find("values")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnumValues(patterns, *values, spec, details));
  }
  if (const YAML::Node* scope = fields.Find("scope")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadEnum(file, *scope, "scope", {"clause", "document", "text"}, &index));
    spec->document_scope = index >= 1;
    spec->text_scope = index == 2;
  }
  return std::nullopt;
}

Status ReadParam(PatternExpander& patterns, const YAML::Node& key, const YAML::Node& value,
                 ParamSpec* spec, std::vector<RulePattern>* details) {
  const YamlFile& file = patterns.file();
  CLAUSESCAN_RETURN_IF_ERROR(ReadParamName(file, key, "parameters", &spec->name));
  spec->line = key.Mark().line + 1;
  const std::string what = fmt::format("parameter '{}'", spec->name);
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, value, what, kParamKeys, {"type"}, &fields));
  std::size_t type = 0;
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadEnum(file, *fields.Find("type"), "parameter type", kParamTypes, &type));
  spec->type = kParamTypeValues[type];
  CLAUSESCAN_RETURN_IF_ERROR(CheckTypeKeys(file, fields, kParamTypes[type], spec->type, what));
  return ReadParamOptions(patterns, fields, spec, details);
}

// Every parameter name a rule outputs must be unique.
Status CheckParamNames(const YamlFile& file, const YAML::Node& node, const ParamSpec& spec,
                       std::set<std::string>* names) {
  for (const std::string* name : {&spec.name, &spec.business_name, &spec.currency_name}) {
    if (!name->empty() && !names->insert(*name).second) {
      return file.At(node, fmt::format("parameter name '{}' is used twice in rule", *name));
    }
  }
  return std::nullopt;
}

Status ReadParams(PatternExpander& patterns, const YAML::Node& node, Rule* rule) {
  const YamlFile& file = patterns.file();
  Fields params;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, node, "'parameters'", {}, &params));
  std::set<std::string> names;
  bool sets_business = false;                // a duration outputs `business` for business days
  std::optional<YAML::Node> names_business;  // the parameter that outputs a `business` of its own
  for (const auto& [name, entry] : params.entries()) {
    ParamSpec spec;
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadParam(patterns, entry.first, entry.second, &spec, &rule->pattern_details));
    CLAUSESCAN_RETURN_IF_ERROR(CheckParamNames(file, entry.first, spec, &names));
    sets_business = sets_business || !spec.business_name.empty() || spec.business_flag;
    if (!names_business && names.count(std::string(kBusinessParam)) > 0) {
      names_business = entry.first;
    }
    rule->parameters.push_back(std::move(spec));
  }
  // Several durations may set `business`; no parameter may then be named so.
  if (sets_business && names_business) {
    return file.At(*names_business,
                   "parameter name 'business' is used twice in rule (a duration with "
                   "'business' sets it for business days)");
  }
  return std::nullopt;
}

// Reads a list of ids that must each be in known (what: "control", "evidence").
Status ReadIdList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                  std::string_view what, const Names& known, std::vector<std::string>* out) {
  std::vector<YAML::Node> nodes;
  CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, node, key, out, &nodes));
  for (std::size_t i = 0; i < out->size(); ++i) {
    const std::string& id = (*out)[i];
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      return file.At(nodes[i], fmt::format("unknown {} '{}'{}", what, id, DidYouMean(id, known)));
    }
  }
  return std::nullopt;
}

Status ReadRuleHeader(const YamlFile& file, const Fields& fields, const Catalogs& catalogs,
                      Rule* rule) {
  const YAML::Node& id = *fields.Find("id");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, id, "id", &rule->id));
  if (!IsRuleId(rule->id)) {
    return file.At(id, fmt::format("invalid rule id '{}': use lower-case letters, digits, '.' "
                                   "and '-'",
                                   rule->id));
  }
  rule->line = id.Mark().line + 1;
  const YAML::Node& category = *fields.Find("category");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, category, "category", &rule->category));
  const auto info = std::find_if(catalogs.categories.begin(), catalogs.categories.end(),
                                 [&](const CategoryInfo& c) { return c.id == rule->category; });
  if (info == catalogs.categories.end()) {
    return file.At(category, fmt::format("unknown category '{}'{}", rule->category,
                                         DidYouMean(rule->category, IdsOf(catalogs.categories))));
  }
  rule->measure_headings = info->measure_headings;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("title"), "title", &rule->title));
  return ReadOptionalString(file, fields, "description", &rule->description);
}

Status ReadScopeAndParty(const YamlFile& file, const Fields& fields, Rule* rule) {
  if (const YAML::Node* scope = fields.Find("scope")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *scope, "scope", kScopes, &index));
    rule->scope = index == 0 ? Scope::kSentence : Scope::kParagraph;
  }
  if (const YAML::Node* party = fields.Find("party")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *party, "party", kParties, &index));
    const Party values[] = {Party::kSupplier, Party::kCustomer, Party::kUnknown};
    rule->party = values[index];
  }
  if (const YAML::Node* fallback = fields.Find("fallback")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadBool(file, *fallback, "fallback", &rule->fallback));
  }
  return std::nullopt;
}

// What a consideration's `establishes` says of advice that no clause can grant (a check of the
// reader's own insurance, "keep this sentence").
constexpr std::string_view kEstablishesNothing = "nothing";

// Reads one consideration: {text, when, establishes, doctypes}, with `when` or `establishes` at
// least (plain text is an error at its line: nothing the clause states could leave it out). Conditions may
// name only the rule's own parameters; doctypes are checked against doctypes.yaml later
// (CheckDocTypes).
Status ReadConsideration(const YamlFile& file, const YAML::Node& node, const Names& params,
                         Rule* rule) {
  Consideration consideration;
  if (!node.IsMap()) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, "considerations", &consideration.text));
    return file.At(node, fmt::format("consideration of {} declares neither 'establishes' nor "
                                     "'when', so a clause that grants it would still get it "
                                     "(write it as {{text, establishes}}, or 'establishes: "
                                     "nothing' for advice no clause can grant)",
                                     rule->id));
  }
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "consideration",
                                          {"text", "when", "establishes", "doctypes"}, {"text"},
                                          &fields));
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("text"), "text", &consideration.text));
  consideration.line = node.Mark().line + 1;
  std::set<std::string> no_positions;
  const ParamKinds kinds = ParamKindsDeclaredBy(*rule);
  PolicyContext ctx{file, rule->id, params, &no_positions, /*one_rule=*/true, &kinds};
  if (const YAML::Node* when = fields.Find("when")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadWhen(ctx, *when, &consideration.when));
  }
  const YAML::Node* establishes = fields.Find("establishes");
  if (establishes != nullptr && establishes->IsScalar() &&
      establishes->Scalar() == kEstablishesNothing) {
    consideration.establishes_nothing = true;
  } else if (establishes != nullptr) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadWhen(ctx, *establishes, &consideration.establishes));
  }
  if (consideration.when.empty() && establishes == nullptr) {
    return file.At(node, fmt::format("consideration of {} declares neither 'establishes' nor "
                                     "'when', so a clause that grants it would still get it",
                                     rule->id));
  }
  if (const YAML::Node* doctypes = fields.Find("doctypes")) {
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadNonEmptyStringList(file, *doctypes, "doctypes", &consideration.doctypes));
    consideration.doctypes_line = doctypes->Mark().line + 1;
    consideration.doctypes_column = doctypes->Mark().column + 1;
  }
  rule->considerations.push_back(std::move(consideration));
  return std::nullopt;
}

Status ReadConsiderations(const YamlFile& file, const YAML::Node& node, Rule* rule) {
  if (!node.IsSequence()) {
    return file.At(node,
                   fmt::format("expected a list for 'considerations', found {}", KindName(node)));
  }
  const Names params = ParamsDeclaredBy(*rule);
  for (const YAML::Node& item : node) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadConsideration(file, item, params, rule));
  }
  return std::nullopt;
}

Status ReadRuleLists(const YamlFile& file, const Fields& fields, const Catalogs& catalogs,
                     Rule* rule) {
  if (const YAML::Node* node = fields.Find("controls")) {
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadIdList(file, *node, "controls", "control", IdsOf(catalogs.controls), &rule->controls));
  }
  if (const YAML::Node* node = fields.Find("evidence")) {
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadIdList(file, *node, "evidence", "evidence", IdsOf(catalogs.evidence), &rule->evidence));
  }
  if (const YAML::Node* node = fields.Find("considerations")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadConsiderations(file, *node, rule));
  }
  return std::nullopt;
}

Status ReadRule(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                Rule* rule) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, root, "rule", kRuleKeys, {"id", "category", "title", "match"}, &fields));
  rule->file = file.source().name;
  CLAUSESCAN_RETURN_IF_ERROR(ReadRuleHeader(file, fields, catalogs, rule));
  CLAUSESCAN_RETURN_IF_ERROR(ReadScopeAndParty(file, fields, rule));
  PatternExpander patterns(file, catalogs.concepts);
  CLAUSESCAN_RETURN_IF_ERROR(ReadMatch(patterns, *fields.Find("match"), rule));
  if (const YAML::Node* params = fields.Find("parameters")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadParams(patterns, *params, rule));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadRuleLists(file, fields, catalogs, rule));
  if (const YAML::Node* asks = fields.Find("asks")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadAsks(patterns, *asks, catalogs, rule));
  }
  return std::nullopt;
}

}  // namespace

// A risk name in any case ("High" as "high"): risk names are case-insensitive everywhere.
Status ReadRisk(const YamlFile& file, const YAML::Node& node, Risk* out) {
  if (node.IsScalar()) {
    if (std::optional<Risk> risk = ParseRisk(node.Scalar())) {
      *out = *risk;
      return std::nullopt;
    }
  }
  std::size_t index = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, node, "risk", kRisks, &index));
  *out = kRiskValues[index];
  return std::nullopt;
}

bool IsParamName(std::string_view name) {
  return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

Status ExpandPatternAt(PatternExpander& patterns, std::string_view key, const YAML::Node& node,
                       const std::string& pattern, std::string* expanded) {
  if (pattern.empty()) {
    return patterns.file().At(
        node, fmt::format("empty pattern{}: it would match everywhere; write what it must match, "
                          "or remove it",
                          key == "pattern" ? "" : fmt::format(" in '{}'", key)));
  }
  CLAUSESCAN_RETURN_IF_ERROR(patterns.Expand(node, pattern, expanded));
  if (patterns.file().source().checked_at_build) return std::nullopt;  // issue 12: start-up
  const std::string error = CheckPattern(*expanded);
  if (error.empty()) return std::nullopt;
  return patterns.file().At(node, fmt::format("invalid pattern '{}': {}{}", pattern, error,
                                              *expanded == pattern ? "" : " (concepts expanded)"));
}

Status ReadPatterns(PatternExpander& patterns, const YAML::Node& node, std::string_view key,
                    std::vector<std::string>* out, bool allow_empty, const PatternLog& log) {
  const YamlFile& file = patterns.file();
  std::vector<std::string> written;
  std::vector<YAML::Node> nodes;
  CLAUSESCAN_RETURN_IF_ERROR(
      allow_empty ? ReadStringList(file, node, key, &written, &nodes, /*allow_empty_items=*/true)
                  : ReadNonEmptyStringList(file, node, key, &written, &nodes,
                                           /*allow_empty_items=*/true));
  for (std::size_t i = 0; i < written.size(); ++i) {
    std::string expanded;
    CLAUSESCAN_RETURN_IF_ERROR(ExpandPatternAt(patterns, key, nodes[i], written[i], &expanded));
    if (log.details != nullptr) {
      const YAML::Mark mark = nodes[i].Mark();
      log.details->push_back(RulePattern{log.where, written[i], expanded,
                                         mark.is_null() ? 0 : mark.line + 1,
                                         mark.is_null() ? 0 : mark.column + 1});
    }
    out->push_back(std::move(expanded));
  }
  return std::nullopt;
}

Status ReadRules(const SpecialFiles& special, const Catalogs& catalogs, std::vector<Rule>* out) {
  std::map<std::string, const Rule*> first;  // id -> first rule with it (by file name)
  out->reserve(special.rules.size());
  for (const SourceFile* source : special.rules) {
    Rule rule;
    CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(source, [&](const YamlFile& f, const YAML::Node& n) {
      return ReadRule(f, n, catalogs, &rule);
    }));
    out->push_back(std::move(rule));
  }
  for (const Rule& rule : *out) {
    auto [it, inserted] = first.emplace(rule.id, &rule);
    if (!inserted) {
      return Error(ErrorCode::kRuleError,
                   fmt::format("duplicate rule id '{}' (first defined in {}:{})", rule.id,
                               it->second->file, it->second->line),
                   rule.file, rule.line);
    }
  }
  return std::nullopt;
}

}  // namespace clausescan::internal

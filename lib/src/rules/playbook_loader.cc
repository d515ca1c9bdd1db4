#include "rules/playbook_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "rules/rule_loader.h"

namespace clausescan::internal {
namespace {

Error EmptyWhen(const YamlFile& file, const YAML::Node& node) {
  return file.At(node, "'when' states no condition: leave 'when' out for advice always offered");
}

Status CheckDeclared(const PolicyContext& ctx, const YAML::Node& node, const std::string& param) {
  if (std::find(ctx.params.begin(), ctx.params.end(), param) != ctx.params.end()) {
    return std::nullopt;
  }
  if (ctx.one_rule) {
    return ctx.file.At(node, fmt::format("rule '{}' declares no parameter '{}'{}", ctx.category,
                                         param, DidYouMean(param, ctx.params)));
  }
  return ctx.file.At(node, fmt::format("no rule of category '{}' declares parameter '{}'{}",
                                       ctx.category, param, DidYouMean(param, ctx.params)));
}

// A scalar condition value: true/false and numbers when plain, else a word.
ParamValue ScalarValue(const YAML::Node& node) {
  if (IsPlain(node)) {
    if (std::optional<bool> b = ParseBool(node.Scalar())) return *b;
    if (std::optional<double> n = ParseNumberText(node.Scalar())) return *n;
  }
  return node.Scalar();
}

// An error at node (the comparison `op` of a `when`) when ctx knows param holds no number.
Status CheckComparable(const PolicyContext& ctx, const YAML::Node& node, const std::string& param,
                       const std::string& op) {
  if (ctx.kinds == nullptr) return std::nullopt;
  const auto kind = ctx.kinds->find(param);
  if (kind == ctx.kinds->end() || kind->second == ParamKind::kNumber) return std::nullopt;
  const char* holds = kind->second == ParamKind::kFlag    ? "true or false"
                      : kind->second == ParamKind::kWords ? "a list of words"
                                                          : "a word";
  return ctx.file.At(node, fmt::format("'{}' compares numbers, but parameter '{}' holds {}: test "
                                       "it with a value, 'in' or 'present'",
                                       op, param, holds));
}

// An error at node (a value a `when` tests param against: `param: value` or an item of `in`)
// when ctx knows param holds a number or a flag and value can never be one, so the condition
// could never hold (`window_hours: twenty`, `trigger: 5` on a flag).
Status CheckTestedValue(const PolicyContext& ctx, const YAML::Node& node,
                        const std::string& param) {
  if (ctx.kinds == nullptr || !node.IsScalar()) return std::nullopt;
  const auto kind = ctx.kinds->find(param);
  if (kind == ctx.kinds->end()) return std::nullopt;
  const ParamValue value = ScalarValue(node);
  if (kind->second == ParamKind::kNumber && !std::holds_alternative<double>(value)) {
    return ctx.file.At(node, fmt::format("parameter '{}' holds a number, so it never equals '{}': "
                                         "write a number, or compare with lt, le, gt or ge",
                                         param, node.Scalar()));
  }
  if (kind->second == ParamKind::kFlag && !std::holds_alternative<bool>(value)) {
    return ctx.file.At(node, fmt::format("parameter '{}' is true or false, so it never equals "
                                         "'{}': write true or false, or test 'present'",
                                         param, node.Scalar()));
  }
  return std::nullopt;
}

Status ReadConditionOp(const YamlFile& file, const std::string& op, const YAML::Node& value,
                       Condition* condition) {
  static const std::map<std::string, Condition::Op, std::less<>> kComparisons = {
      {"lt", Condition::Op::kLess},
      {"le", Condition::Op::kLessEqual},
      {"gt", Condition::Op::kGreater},
      {"ge", Condition::Op::kGreaterEqual}};
  if (op == "in") {
    condition->op = Condition::Op::kIn;
    return ReadNonEmptyStringList(file, value, "in", &condition->values);
  }
  if (op == "present") {
    bool present = true;
    CLAUSESCAN_RETURN_IF_ERROR(ReadBool(file, value, "present", &present));
    condition->op = present ? Condition::Op::kPresent : Condition::Op::kAbsent;
    return std::nullopt;
  }
  condition->op = kComparisons.at(op);
  double number = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, value, op, &number));
  condition->value = number;
  return std::nullopt;
}

// Reads `param: value` or `param: {op: value, ...}` (one Condition per op).
Status ReadCondition(const PolicyContext& ctx, const std::string& param, const YAML::Node& value,
                     std::vector<Condition>* out) {
  if (value.IsScalar()) {
    CLAUSESCAN_RETURN_IF_ERROR(CheckTestedValue(ctx, value, param));
    out->push_back(Condition{param, Condition::Op::kEquals, ScalarValue(value), {}});
    return std::nullopt;
  }
  Fields ops;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(ctx.file, value,
                                            fmt::format("condition on '{}'", param),
                                            {"in", "lt", "le", "gt", "ge", "present"}, &ops));
  if (ops.entries().empty()) {
    return ctx.file.At(value, fmt::format("empty condition on '{}'", param));
  }
  for (const auto& [op, entry] : ops.entries()) {
    if (op != "in" && op != "present") {
      CLAUSESCAN_RETURN_IF_ERROR(CheckComparable(ctx, entry.first, param, op));
    }
    if (op == "in" && entry.second.IsSequence()) {
      for (const YAML::Node& item : entry.second) {
        CLAUSESCAN_RETURN_IF_ERROR(CheckTestedValue(ctx, item, param));
      }
    }
    Condition condition;
    condition.param = param;
    CLAUSESCAN_RETURN_IF_ERROR(ReadConditionOp(ctx.file, op, entry.second, &condition));
    out->push_back(std::move(condition));
  }
  return std::nullopt;
}

Status CheckPlaceholders(const PolicyContext& ctx, const YAML::Node& node,
                         const std::string& reason) {
  std::size_t open = reason.find('{');
  while (open != std::string::npos) {
    const std::size_t close = reason.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = reason.substr(open + 1, close - open - 1);
    if (IsParamName(name)) CLAUSESCAN_RETURN_IF_ERROR(CheckDeclared(ctx, node, name));
    open = reason.find('{', close);
  }
  return std::nullopt;
}

Status ReadPosition(const PolicyContext& ctx, const YAML::Node& node, Position* position) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(ctx.file, node, "position", kPositionKeys, kPositionRequired, &fields));
  CLAUSESCAN_RETURN_IF_ERROR(ReadPositionId(ctx, fields, position));
  if (!ctx.position_ids->insert(position->id).second) {
    return ctx.file.At(*fields.Find("id"), fmt::format("duplicate position id '{}'", position->id));
  }
  return ReadPositionBody(ctx, fields, position);
}

// Appends the positions of fields to policy->positions.
Status ReadPositions(const PolicyContext& ctx, const Fields& fields, CategoryPolicy* policy) {
  return ForEachPosition(ctx, fields, [&](const YAML::Node& item) -> Status {
    Position position;
    CLAUSESCAN_RETURN_IF_ERROR(ReadPosition(ctx, item, &position));
    policy->positions.push_back(std::move(position));
    return std::nullopt;
  });
}

Status ReadPolicy(const PolicyContext& ctx, const YAML::Node& node, CategoryPolicy* policy) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadPolicyHeader(ctx, node, &fields, policy));
  CLAUSESCAN_RETURN_IF_ERROR(ReadCustomerSide(ctx, fields, policy));
  return ReadPositions(ctx, fields, policy);
}

}  // namespace

Status ReadCustomerSide(const PolicyContext& ctx, const Fields& fields, CategoryPolicy* policy) {
  const YAML::Node* node = fields.Find("customer");
  if (node == nullptr) return std::nullopt;
  Fields side;
  auto customer = std::make_shared<CategoryPolicy>();
  CLAUSESCAN_RETURN_IF_ERROR(ReadPolicyHeader(ctx, *node, &side, customer.get()));
  if (const YAML::Node* nested = side.Find("customer")) {
    return ctx.file.At(*nested, "a customer side has no customer side of its own");
  }
  if (policy->customer != nullptr) {
    for (const Position& position : policy->customer->positions) {
      ctx.position_ids->erase(position.id);
    }
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadPositions(ctx, side, customer.get()));
  policy->customer = std::move(customer);
  return std::nullopt;
}

Names ParamsDeclaredBy(const Rule& rule) {
  Names names;
  auto add = [&names](std::string_view name) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  for (const ParamSpec& spec : rule.parameters) {
    add(spec.name);
    add(spec.business_name);
    if (!spec.business_name.empty() || spec.business_flag) add("business");
    add(spec.currency_name);
  }
  return names;
}

ParamKinds ParamKindsDeclaredBy(const Rule& rule) {
  ParamKinds kinds;
  auto add = [&kinds](const std::string& name, ParamKind kind) {
    if (!name.empty()) kinds.emplace(name, kind);
  };
  for (const ParamSpec& spec : rule.parameters) {
    switch (spec.type) {
      case ParamSpec::Type::kDuration:
      case ParamSpec::Type::kPercent:
      case ParamSpec::Type::kMoney:
      case ParamSpec::Type::kFeeMonths:
      case ParamSpec::Type::kFeeMultiple:
      case ParamSpec::Type::kFrequency:
        add(spec.name, ParamKind::kNumber);
        break;
      case ParamSpec::Type::kVague:
      case ParamSpec::Type::kTrigger:
      case ParamSpec::Type::kEnum:
        add(spec.name, ParamKind::kWord);
        break;
      case ParamSpec::Type::kFlag:
        add(spec.name, ParamKind::kFlag);
        break;
      case ParamSpec::Type::kSet:
        add(spec.name, ParamKind::kWords);
        break;
    }
    add(spec.business_name, ParamKind::kNumber);
    if (!spec.business_name.empty() || spec.business_flag) add("business", ParamKind::kFlag);
    add(spec.currency_name, ParamKind::kWord);
  }
  return kinds;
}

ParamKinds ParamKindsDeclaredBy(const std::vector<Rule>& rules) {
  ParamKinds kinds;
  std::set<std::string, std::less<>> mixed;
  for (const Rule& rule : rules) {
    for (const auto& [name, kind] : ParamKindsDeclaredBy(rule)) {
      const auto [it, added] = kinds.emplace(name, kind);
      if (!added && it->second != kind) mixed.insert(name);
    }
  }
  for (const std::string& name : mixed) kinds.erase(name);
  return kinds;
}

DeclaredParams CollectParams(const std::vector<Rule>& rules) {
  DeclaredParams declared;
  for (const Rule& rule : rules) {
    const Names names = ParamsDeclaredBy(rule);
    for (const std::string& key : {rule.category, rule.id}) {
      std::vector<std::string>& into = declared[key];
      for (std::string_view name : names) {
        if (std::find(into.begin(), into.end(), name) == into.end()) into.emplace_back(name);
      }
    }
  }
  return declared;
}

Status ReadConditions(const PolicyContext& ctx, const YAML::Node& node, std::string_view what,
                      std::vector<Condition>* out, bool check_declared) {
  Fields conditions;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(ctx.file, node, what, {}, &conditions));
  for (const auto& [param, entry] : conditions.entries()) {
    if (check_declared) CLAUSESCAN_RETURN_IF_ERROR(CheckDeclared(ctx, entry.first, param));
    CLAUSESCAN_RETURN_IF_ERROR(ReadCondition(ctx, param, entry.second, out));
  }
  return std::nullopt;
}

Status ReadWhen(const PolicyContext& ctx, const YAML::Node& when,
                std::vector<std::vector<Condition>>* out) {
  // A map of conditions, or a list of such maps: alternatives.
  // An empty list or map states no condition: an error alike, not "never" or "always".
  const bool list = when.IsSequence();
  if (list && when.size() == 0) return EmptyWhen(ctx.file, when);
  for (std::size_t i = 0; i < (list ? when.size() : 1); ++i) {
    const YAML::Node& conditions = list ? when[i] : when;
    if (conditions.IsMap() && conditions.size() == 0) return EmptyWhen(ctx.file, conditions);
    out->emplace_back();
    CLAUSESCAN_RETURN_IF_ERROR(ReadConditions(ctx, conditions, "'when'", &out->back()));
  }
  return std::nullopt;
}

// Reads a position's optional `propose`: plain text, or {text, when, establishes} as a
// consideration (one of `when` and `establishes` at least), whose conditions name only
// parameters the policy's rules declare.
Status ReadProposal(const PolicyContext& ctx, const Fields& fields, Position* position) {
  const YAML::Node* propose = fields.Find("propose");
  if (propose == nullptr || !propose->IsMap()) {
    return ReadOptionalString(ctx.file, fields, "propose", &position->propose);
  }
  Fields proposal;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(ctx.file, *propose, "propose",
                                          {"text", "when", "establishes"}, {"text"}, &proposal));
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadString(ctx.file, *proposal.Find("text"), "text", &position->propose));
  const YAML::Node* when = proposal.Find("when");
  const YAML::Node* establishes = proposal.Find("establishes");
  if (when == nullptr && establishes == nullptr) {
    return ctx.file.At(*propose,
                       "a 'propose' map needs 'when' or 'establishes' (else write it as text)");
  }
  if (when != nullptr) CLAUSESCAN_RETURN_IF_ERROR(ReadWhen(ctx, *when, &position->propose_when));
  if (establishes == nullptr) return std::nullopt;
  return ReadWhen(ctx, *establishes, &position->propose_establishes);
}

Status ReadPositionBody(const PolicyContext& ctx, const Fields& fields, Position* position) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadConditions(ctx, *fields.Find("when"), "'when'", &position->when));
  CLAUSESCAN_RETURN_IF_ERROR(ReadRisk(ctx.file, *fields.Find("risk"), &position->risk));
  const YAML::Node& reason = *fields.Find("reason");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(ctx.file, reason, "reason", &position->reason));
  CLAUSESCAN_RETURN_IF_ERROR(CheckPlaceholders(ctx, reason, position->reason));
  return ReadProposal(ctx, fields, position);
}

Status ReadPositionId(const PolicyContext& ctx, const Fields& fields, Position* position) {
  const YAML::Node& id = *fields.Find("id");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(ctx.file, id, "id", &position->id));
  position->file = ctx.file.source().name;
  position->line = id.Mark().line + 1;
  return std::nullopt;
}

Status ForEachPosition(const PolicyContext& ctx, const Fields& fields,
                       const std::function<Status(const YAML::Node&)>& read) {
  const YAML::Node* positions = fields.Find("positions");
  if (positions == nullptr) return std::nullopt;
  if (!positions->IsSequence()) {
    return ctx.file.At(
        *positions, fmt::format("expected a list for 'positions', found {}", KindName(*positions)));
  }
  for (const YAML::Node& item : *positions) CLAUSESCAN_RETURN_IF_ERROR(read(item));
  return std::nullopt;
}

Status ReadPolicyHeader(const PolicyContext& ctx, const YAML::Node& node, Fields* fields,
                        CategoryPolicy* policy) {
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(ctx.file, node, fmt::format("playbook of '{}'", ctx.category),
                   {"default", "default_reason", "positions", "customer"}, {}, fields));
  if (const YAML::Node* risk = fields->Find("default")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadRisk(ctx.file, *risk, &policy->default_risk));
  }
  return ReadOptionalString(ctx.file, *fields, "default_reason", &policy->default_reason);
}

Names PlaybookKeys(const std::vector<CategoryInfo>& categories, const DeclaredParams& declared) {
  Names keys = IdsOf(categories);
  for (const auto& [key, names] : declared) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

Status PolicyContextFor(const YamlFile& file, const YAML::Node& node, const std::string& key,
                        const Names& keys, const DeclaredParams& declared, const ParamKinds& kinds,
                        std::set<std::string>* position_ids, std::optional<PolicyContext>* ctx) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    return file.At(node, fmt::format("unknown category or rule '{}' in playbook{}", key,
                                     DidYouMean(key, keys)));
  }
  ctx->emplace(PolicyContext{file, key, {}, position_ids, /*one_rule=*/false, &kinds});
  if (auto it = declared.find(key); it != declared.end()) {
    for (const std::string& name : it->second) (*ctx)->params.push_back(name);
  }
  return std::nullopt;
}

Status ReadPlaybook(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, const ParamKinds& kinds, Playbook* out) {
  const Names keys = PlaybookKeys(catalogs.categories, declared);
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, root, "playbook", {}, &fields));
  for (const auto& [category, entry] : fields.entries()) {
    if (category == kCurrencyKey) {
      CLAUSESCAN_RETURN_IF_ERROR(ReadPlaybookCurrency(file, entry.second, &out->currency));
      continue;
    }
    std::optional<PolicyContext> ctx;
    CLAUSESCAN_RETURN_IF_ERROR(PolicyContextFor(file, entry.first, category, keys, declared, kinds,
                                                &out->position_ids, &ctx));
    if (out->categories.count(category) != 0) {
      return file.At(entry.first,
                     fmt::format("'{}' already has a policy in another playbook file", category));
    }
    CLAUSESCAN_RETURN_IF_ERROR(ReadPolicy(*ctx, entry.second, &out->categories[category]));
  }
  return std::nullopt;
}

}  // namespace clausescan::internal

// Playbook overrides (--playbook FILE): the format of playbook.yaml, merged position by position
// into a rule set's playbook.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "rules/loader.h"
#include "rules/playbook_loader.h"

namespace clausescan::internal {
namespace {

// The key whose policy holds the position id, or "" when no policy does.
std::string KeyOfPosition(const Playbook& playbook, const std::string& id) {
  for (const auto& [key, policy] : playbook.categories) {
    for (const Position& position : policy.positions) {
      if (position.id == id) return key;
    }
  }
  return "";
}

// Removes the position of ctx.category's policy named by fields (`enabled: false`).
Status DisablePosition(const PolicyContext& ctx, const Fields& fields, const std::string& id,
                       Playbook* playbook) {
  for (const auto& [key, entry] : fields.entries()) {
    if (key != "id" && key != "enabled") {
      return ctx.file.At(entry.first,
                         fmt::format("'{}' has no use in a disabled position: a position with "
                                     "'enabled: false' takes only 'id' and 'enabled'",
                                     key));
    }
  }
  std::vector<Position>& positions = playbook->categories[ctx.category].positions;
  auto it = std::find_if(positions.begin(), positions.end(),
                         [&](const Position& p) { return p.id == id; });
  if (it == positions.end()) {
    Names ids;
    for (const Position& position : positions) ids.push_back(position.id);
    return ctx.file.At(*fields.Find("id"),
                       fmt::format("unknown position id '{}' in the playbook of '{}'{}", id,
                                   ctx.category, DidYouMean(id, ids)));
  }
  positions.erase(it);
  playbook->position_ids.erase(id);
  return std::nullopt;
}

// Replaces the position of ctx.category's policy with the id of fields, or adds it.
Status PutPosition(const PolicyContext& ctx, const YAML::Node& node, const Fields& fields,
                   Position position, Playbook* playbook) {
  for (std::string_view key : kPositionRequired) {
    if (fields.Find(key) == nullptr) {
      return ctx.file.At(node, fmt::format("missing required key '{}' in position", key));
    }
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadPositionBody(ctx, fields, &position));
  std::vector<Position>& positions = playbook->categories[ctx.category].positions;
  auto it = std::find_if(positions.begin(), positions.end(),
                         [&](const Position& p) { return p.id == position.id; });
  if (it != positions.end()) {
    *it = std::move(position);
  } else if (!playbook->position_ids.insert(position.id).second) {
    // The id of a position of a customer side (the other ids KeyOfPosition has found).
    return ctx.file.At(*fields.Find("id"), fmt::format("duplicate position id '{}'", position.id));
  } else {
    positions.push_back(std::move(position));
  }
  return std::nullopt;
}

// One position of an override: replaces the position with its id, adds a new one, or (with
// `enabled: false`) removes one. seen holds the ids the override file has named so far.
Status OverridePosition(const PolicyContext& ctx, const YAML::Node& node,
                        std::set<std::string>* seen, Playbook* playbook) {
  Names keys = kPositionKeys;
  keys.push_back("enabled");
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(ctx.file, node, "position", keys, {"id"}, &fields));
  Position position;
  CLAUSESCAN_RETURN_IF_ERROR(ReadPositionId(ctx, fields, &position));
  const YAML::Node& id = *fields.Find("id");
  if (!seen->insert(position.id).second) {
    return ctx.file.At(id, fmt::format("duplicate position id '{}'", position.id));
  }
  const std::string owner = KeyOfPosition(*playbook, position.id);
  if (!owner.empty() && owner != ctx.category) {
    return ctx.file.At(id, fmt::format("position '{}' belongs to the playbook of '{}', not '{}': "
                                       "override it there",
                                       position.id, owner, ctx.category));
  }
  bool enabled = true;
  if (const YAML::Node* node_enabled = fields.Find("enabled")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadBool(ctx.file, *node_enabled, "enabled", &enabled));
  }
  if (!enabled) return DisablePosition(ctx, fields, position.id, playbook);
  return PutPosition(ctx, node, fields, std::move(position), playbook);
}

Status OverridePolicy(const PolicyContext& ctx, const YAML::Node& node, std::set<std::string>* seen,
                      Playbook* playbook) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadPolicyHeader(ctx, node, &fields, &playbook->categories[ctx.category]));
  // The customer side is replaced whole: its positions are the buyer's, not merged by id.
  CLAUSESCAN_RETURN_IF_ERROR(ReadCustomerSide(ctx, fields, &playbook->categories[ctx.category]));
  return ForEachPosition(ctx, fields, [&](const YAML::Node& item) {
    return OverridePosition(ctx, item, seen, playbook);
  });
}

Status OverridePlaybook(const YamlFile& file, const YAML::Node& root, const RuleSetData& base,
                        Playbook* playbook) {
  const DeclaredParams declared = CollectParams(base.rules);
  const ParamKinds kinds = ParamKindsDeclaredBy(base.rules);
  const Names keys = PlaybookKeys(base.categories, declared);
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, root, "playbook", {}, &fields));
  std::set<std::string> seen;
  for (const auto& [key, entry] : fields.entries()) {
    if (key == kCurrencyKey) {
      CLAUSESCAN_RETURN_IF_ERROR(ReadPlaybookCurrency(file, entry.second, &playbook->currency));
      continue;
    }
    std::optional<PolicyContext> ctx;
    CLAUSESCAN_RETURN_IF_ERROR(PolicyContextFor(file, entry.first, key, keys, declared, kinds,
                                                &playbook->position_ids, &ctx));
    CLAUSESCAN_RETURN_IF_ERROR(OverridePolicy(*ctx, entry.second, &seen, playbook));
  }
  return std::nullopt;
}

}  // namespace

Result<Playbook> MergePlaybook(const RuleSetData& base, const SourceFile& file) {
  Playbook playbook = base.playbook;
  CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(&file, [&](const YamlFile& f, const YAML::Node& n) {
    return OverridePlaybook(f, n, base, &playbook);
  }));
  return playbook;
}

}  // namespace clausescan::internal

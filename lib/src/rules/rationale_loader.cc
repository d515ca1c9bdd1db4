#include "rules/rationale_loader.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>

namespace clausescan::internal {
namespace {

const Names kBodyKeys = {"rationale", "sectors", "sources", "answers"};
const Names kBodyRequired = {"rationale", "sources"};
const Names kSourceKeys = {"id", "title", "url", "says", "read"};
const Names kSourceRequired = {"title", "url", "says", "read"};

Status ReadSource(const YamlFile& file, const YAML::Node& node, RationaleSource* source) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "source", kSourceKeys, kSourceRequired, &fields));
  std::string unused;
  CLAUSESCAN_RETURN_IF_ERROR(ReadOptionalString(file, fields, "id", &unused));
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("title"), "title", &source->title));
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("url"), "url", &source->url));
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("says"), "says", &unused));
  return ReadString(file, *fields.Find("read"), "read", &unused);
}

// Reads rationale, sectors, sources and answers of checked fields (what: "category 'x'").
Status ReadBody(const YamlFile& file, const Fields& fields, std::string_view what,
                RationaleEntry* entry) {
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadString(file, *fields.Find("rationale"), "rationale", &entry->shown.text));
  if (const YAML::Node* sectors = fields.Find("sectors")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, *sectors, "sectors", &entry->shown.sectors));
  }
  const YAML::Node& sources = *fields.Find("sources");
  if (!sources.IsSequence() || sources.size() == 0) {
    return file.At(sources.IsNull() ? fields.KeyNode("sources") : sources,
                   fmt::format("the rationale of {} names no source: give at least one "
                               "{{title, url, says, read}}",
                               what));
  }
  for (const YAML::Node& item : sources) {
    RationaleSource source;
    CLAUSESCAN_RETURN_IF_ERROR(ReadSource(file, item, &source));
    entry->shown.sources.push_back(std::move(source));
  }
  if (const YAML::Node* answers = fields.Find("answers")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, *answers, "answers", &entry->answers));
  }
  return std::nullopt;
}

Status Store(const YamlFile& file, const YAML::Node& key_node, const std::string& key,
             RationaleEntry entry, std::map<std::string, RationaleEntry>* out) {
  if (!out->emplace(key, std::move(entry)).second) {
    return file.At(key_node, fmt::format("'{}' already has a rationale in another file", key));
  }
  return std::nullopt;
}

}  // namespace

Status ReadRationale(const YamlFile& file, const YAML::Node& root,
                     const std::vector<CategoryInfo>& categories, const std::vector<Rule>& rules,
                     std::map<std::string, RationaleEntry>* out) {
  Fields fields;
  Names keys = kBodyKeys;
  keys.push_back("category");
  keys.push_back("rules");
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, root, "rationale file", keys,
                                          {"category", "rationale", "sources"}, &fields));
  std::string category;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("category"), "category", &category));
  Names category_ids;
  bool known = false;
  for (const CategoryInfo& info : categories) {
    category_ids.push_back(info.id);
    known = known || info.id == category;
  }
  if (!known) {
    return file.At(*fields.Find("category"), fmt::format("unknown category '{}'{}", category,
                                                         DidYouMean(category, category_ids)));
  }
  RationaleEntry own;
  CLAUSESCAN_RETURN_IF_ERROR(ReadBody(file, fields, fmt::format("category '{}'", category), &own));
  CLAUSESCAN_RETURN_IF_ERROR(Store(file, *fields.Find("category"), category, std::move(own), out));
  const YAML::Node* rule_map = fields.Find("rules");
  if (rule_map == nullptr) return std::nullopt;
  Names rule_ids;
  for (const Rule& rule : rules) rule_ids.push_back(rule.id);
  Fields entries;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *rule_map, "'rules'", {}, &entries));
  for (const auto& [id, entry] : entries.entries()) {
    const Rule* rule = nullptr;
    for (const Rule& candidate : rules) {
      if (candidate.id == id) rule = &candidate;
    }
    if (rule == nullptr) {
      return file.At(entry.first, fmt::format("unknown rule '{}'{}", id, DidYouMean(id, rule_ids)));
    }
    if (rule->category != category) {
      return file.At(entry.first, fmt::format("rule '{}' is of category '{}', not '{}'", id,
                                              rule->category, category));
    }
    Fields body;
    CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(
        file, entry.second, fmt::format("rationale of '{}'", id), kBodyKeys, kBodyRequired, &body));
    RationaleEntry one;
    CLAUSESCAN_RETURN_IF_ERROR(ReadBody(file, body, fmt::format("rule '{}'", id), &one));
    CLAUSESCAN_RETURN_IF_ERROR(Store(file, entry.first, id, std::move(one), out));
  }
  return std::nullopt;
}

Status CheckEveryRuleHasRationale(const std::vector<Rule>& rules,
                                  const std::map<std::string, RationaleEntry>& rationales) {
  if (rationales.empty()) return std::nullopt;
  for (const Rule& rule : rules) {
    if (rationales.count(rule.id) > 0 || rationales.count(rule.category) > 0) continue;
    return Error(ErrorCode::kRuleError,
                 fmt::format("rule '{}' has no rationale and neither has its category '{}' (add "
                             "one to {}/rationale.yaml)",
                             rule.id, rule.category, rule.category),
                 rule.file, rule.line, 1);
  }
  return std::nullopt;
}

void FillInfoRationales(RuleSetData* data) {
  for (std::size_t i = 0; i < data->rules.size() && i < data->infos.size(); ++i) {
    auto it = data->rationales.find(data->rules[i].id);
    if (it == data->rationales.end()) it = data->rationales.find(data->rules[i].category);
    if (it != data->rationales.end()) data->infos[i].rationale = it->second.shown;
  }
}

}  // namespace clausescan::internal

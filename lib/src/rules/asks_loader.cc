#include "rules/asks_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rules/playbook_loader.h"
#include "rules/rule_loader.h"
#include "rules/suggestions.h"

namespace clausescan::internal {
namespace {

// Reads the ids under key (what: "control", "evidence"): each must be in catalogue and in
// the rule's own list (own, written under the rule's `key`).
Status ReadAskedIds(const YamlFile& file, const YAML::Node& node, std::string_view key,
                    std::string_view what, const Names& catalogue,
                    const std::vector<std::string>& own, std::vector<std::string>* out) {
  std::vector<YAML::Node> nodes;
  CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, node, key, out, &nodes));
  for (std::size_t i = 0; i < out->size(); ++i) {
    const std::string& id = (*out)[i];
    if (std::find(catalogue.begin(), catalogue.end(), id) == catalogue.end()) {
      return file.At(nodes[i],
                     fmt::format("unknown {} '{}'{}", what, id, DidYouMean(id, catalogue)));
    }
    if (std::find(own.begin(), own.end(), id) == own.end()) {
      return file.At(nodes[i], fmt::format("{} '{}' in 'asks' is not in the rule's '{}': add it "
                                           "there first",
                                           what, id, key));
    }
  }
  return std::nullopt;
}

Status ReadAskWhen(const YamlFile& file, const YAML::Node& when, const Rule& rule, Ask* ask) {
  std::set<std::string> no_positions;
  const ParamKinds kinds = ParamKindsDeclaredBy(rule);
  const PolicyContext ctx{file, rule.id, ParamsDeclaredBy(rule), &no_positions,
                          /*one_rule=*/true, &kinds};
  const bool list = when.IsSequence();
  if ((list && when.size() == 0) || (when.IsMap() && when.size() == 0)) {
    return file.At(when, "'when' states no condition: leave 'when' out for what is always asked");
  }
  for (std::size_t i = 0; i < (list ? when.size() : 1); ++i) {
    ask->when.emplace_back();
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadConditions(ctx, list ? when[i] : when, "'when'", &ask->when.back()));
  }
  return std::nullopt;
}

Status ReadAsk(PatternExpander& patterns, const YAML::Node& node, const Catalogs& catalogs,
               const Rule& rule, Ask* ask) {
  const YamlFile& file = patterns.file();
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "entry of 'asks'",
                                          {"when", "text", "controls", "evidence"}, {}, &fields));
  if (fields.Find("controls") == nullptr && fields.Find("evidence") == nullptr) {
    return file.At(node, "an entry of 'asks' names no 'controls' and no 'evidence'");
  }
  if (const YAML::Node* when = fields.Find("when")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadAskWhen(file, *when, rule, ask));
  }
  if (const YAML::Node* text = fields.Find("text")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(patterns, *text, "text", &ask->text));
  }
  if (const YAML::Node* controls = fields.Find("controls")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadAskedIds(file, *controls, "controls", "control",
                                            IdsOf(catalogs.controls), rule.controls,
                                            &ask->controls));
  }
  if (const YAML::Node* evidence = fields.Find("evidence")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadAskedIds(file, *evidence, "evidence", "evidence",
                                            IdsOf(catalogs.evidence), rule.evidence,
                                            &ask->evidence));
  }
  if (ask->controls.empty() && ask->evidence.empty()) {  // `controls: []`: asks nothing either
    return file.At(node, "an entry of 'asks' names no 'controls' and no 'evidence'");
  }
  return std::nullopt;
}

}  // namespace

Status ReadAsks(PatternExpander& patterns, const YAML::Node& node, const Catalogs& catalogs,
                Rule* rule) {
  const YamlFile& file = patterns.file();
  if (!node.IsSequence() || node.size() == 0) {
    return file.At(node, fmt::format("expected a non-empty list for 'asks', found {}",
                                      node.IsSequence() ? "an empty list" : KindName(node)));
  }
  for (const YAML::Node& item : node) {
    Ask ask;
    CLAUSESCAN_RETURN_IF_ERROR(ReadAsk(patterns, item, catalogs, *rule, &ask));
    rule->asks.push_back(std::move(ask));
  }
  return std::nullopt;
}

}  // namespace clausescan::internal

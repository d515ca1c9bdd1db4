#include "rules/doctype_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "rules/rule_loader.h"

namespace clausescan::internal {
namespace {

const Names kDocTypeKeys = {"id", "name", "titles", "signals", "threshold", "expects"};

bool IsDocTypeId(std::string_view id) { return IsParamName(id); }

Status ReadSignal(PatternExpander& patterns, const YAML::Node& node, DocType* type) {
  const YamlFile& file = patterns.file();
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "signal", {"pattern", "weight"}, {"pattern"}, &fields));
  DocTypeSignal signal;
  const YAML::Node& pattern = *fields.Find("pattern");
  std::string written;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, pattern, "pattern", &written, /*allow_empty=*/true));
  CLAUSESCAN_RETURN_IF_ERROR(
      ExpandPatternAt(patterns, "pattern", pattern, written, &signal.pattern));
  if (const YAML::Node* weight = fields.Find("weight")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, *weight, "weight", &signal.weight));
    if (signal.weight <= 0) return file.At(*weight, "'weight' must be greater than 0");
  }
  type->signals.push_back(std::move(signal));
  return std::nullopt;
}

// Reads `signals` and `threshold`: both or neither.
Status ReadSignals(PatternExpander& patterns, const Fields& fields, DocType* type) {
  const YamlFile& file = patterns.file();
  const YAML::Node* signals = fields.Find("signals");
  const YAML::Node* threshold = fields.Find("threshold");
  if (signals == nullptr) {
    if (threshold == nullptr) return std::nullopt;
    return file.At(fields.KeyNode("threshold"), "'threshold' has no use without 'signals'");
  }
  if (!signals->IsSequence()) {
    return file.At(*signals,
                   fmt::format("expected a list for 'signals', found {}", KindName(*signals)));
  }
  if (signals->size() == 0) return file.At(*signals, "'signals' must not be empty");
  for (const YAML::Node& item : *signals) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadSignal(patterns, item, type));
  }
  if (threshold == nullptr) {
    return file.At(fields.node(), fmt::format("missing required key 'threshold' in document "
                                              "type '{}' (it has signals)",
                                              type->id));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, *threshold, "threshold", &type->threshold));
  if (type->threshold <= 0) return file.At(*threshold, "'threshold' must be greater than 0");
  return std::nullopt;
}

// What an expectation is checked against: the categories, and the parameters their rules
// declare (a category has an entry only when it has rules).
struct ExpectContext {
  const YamlFile& file;
  Names categories;
  const DeclaredParams& declared;
  PatternExpander& patterns;
};

Status ReadExpectation(const ExpectContext& ectx, const YAML::Node& node, Expectation* out) {
  const YamlFile& file = ectx.file;
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, node, "expectation",
                                          {"category", "where", "applies_if", "risk", "reason"},
                                          {"category", "risk", "reason"}, &fields));
  const YAML::Node& category = *fields.Find("category");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, category, "category", &out->category));
  if (std::find(ectx.categories.begin(), ectx.categories.end(), out->category) ==
      ectx.categories.end()) {
    return file.At(category, fmt::format("unknown category '{}'{}", out->category,
                                         DidYouMean(out->category, ectx.categories)));
  }
  out->line = category.Mark().line + 1;
  auto declared = ectx.declared.find(out->category);
  out->detectable = declared != ectx.declared.end();
  if (const YAML::Node* where = fields.Find("where")) {
    std::set<std::string> no_positions;
    PolicyContext ctx{file, out->category, {}, &no_positions};
    if (out->detectable) {
      for (const std::string& name : declared->second) ctx.params.push_back(name);
    }
    CLAUSESCAN_RETURN_IF_ERROR(ReadConditions(ctx, *where, "'where'", &out->where,
                                              /*check_declared=*/out->detectable));
  }
  if (const YAML::Node* applies_if = fields.Find("applies_if")) {
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadPatterns(ectx.patterns, *applies_if, "applies_if", &out->applies_if));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadRisk(file, *fields.Find("risk"), &out->risk));
  return ReadString(file, *fields.Find("reason"), "reason", &out->reason);
}

Status ReadExpects(const ExpectContext& ectx, const YAML::Node& node, DocType* type) {
  if (!node.IsSequence()) {
    return ectx.file.At(node,
                        fmt::format("expected a list for 'expects', found {}", KindName(node)));
  }
  for (const YAML::Node& item : node) {
    Expectation expectation;
    CLAUSESCAN_RETURN_IF_ERROR(ReadExpectation(ectx, item, &expectation));
    type->expects.push_back(std::move(expectation));
  }
  return std::nullopt;
}

Status ReadDocType(const ExpectContext& ectx, const Fields& fields, std::string id, DocType* type) {
  const YamlFile& file = ectx.file;
  const YAML::Node& id_node = *fields.Find("id");
  if (id == "other") {
    return file.At(id_node, "'other' is the type of documents no type fits; choose another id");
  }
  if (!IsDocTypeId(id)) {
    return file.At(id_node, fmt::format("invalid document type id '{}': use lower-case letters, "
                                        "digits and '_', starting with a letter",
                                        id));
  }
  type->id = std::move(id);
  type->line = id_node.Mark().line + 1;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("name"), "name", &type->name));
  if (const YAML::Node* titles = fields.Find("titles")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(ectx.patterns, *titles, "titles", &type->titles));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadSignals(ectx.patterns, fields, type));
  if (type->titles.empty() && type->signals.empty()) {
    return file.At(fields.node(), fmt::format("document type '{}' has neither 'titles' nor "
                                              "'signals', so it is never guessed",
                                              type->id));
  }
  if (const YAML::Node* expects = fields.Find("expects")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadExpects(ectx, *expects, type));
  }
  return std::nullopt;
}

}  // namespace

Status ReadDocTypes(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, std::vector<DocType>* out) {
  PatternExpander patterns(file, catalogs.concepts);
  const ExpectContext ectx{file, IdsOf(catalogs.categories), declared, patterns};
  return ForEachCatalogEntry(
      file, root, "document type", kDocTypeKeys, {"id", "name"},
      [&](const Fields& fields, std::string id) -> Status {
        DocType type;
        CLAUSESCAN_RETURN_IF_ERROR(ReadDocType(ectx, fields, std::move(id), &type));
        out->push_back(std::move(type));
        return std::nullopt;
      });
}

}  // namespace clausescan::internal

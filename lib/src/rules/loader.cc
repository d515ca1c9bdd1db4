// Reads the rule directory and turns its YAML files into a validated, compiled RuleSetData.
// Every check reports the first problem as kRuleError at file:line:column (1-based).
#include "rules/loader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include "match/matcher.h"
#include "params/extract.h"
#include "structure/doctype.h"

namespace clausescan::internal {
namespace {

namespace fs = std::filesystem;

// The outcome of a check: nullopt when it passed, else the error to report.
using Status = std::optional<Error>;

#define CLAUSESCAN_RETURN_IF_ERROR(expr)          \
  do {                                            \
    if (Status status_ = (expr)) return *status_; \
  } while (false)

using Names = std::vector<std::string_view>;

// ---------------------------------------------------------------------------------------------
// Suggestions.

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// " (did you mean 'x'?)" for the closest candidate within a third of word's length (at least
// one edit), or "" when none is that close. Ties go to the earlier candidate.
std::string DidYouMean(std::string_view word, const Names& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best_distance > limit) return "";
  return fmt::format(" (did you mean '{}'?)", best);
}

// "a, b or c".
std::string OneOf(const Names& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

template <typename Entry>
Names IdsOf(const std::vector<Entry>& entries) {
  Names ids;
  for (const Entry& entry : entries) ids.push_back(entry.id);
  return ids;
}

// ---------------------------------------------------------------------------------------------
// YAML access with located errors.

std::string_view KindName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a string";
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// One YAML file being read: parses it and makes errors located in it.
class YamlFile {
 public:
  explicit YamlFile(const SourceFile& source) : source_(source) {}

  const SourceFile& source() const { return source_; }

  Error AtMark(const YAML::Mark& mark, std::string detail) const {
    if (mark.is_null()) return Error(ErrorCode::kRuleError, std::move(detail), source_.name);
    return Error(ErrorCode::kRuleError, std::move(detail), source_.name, mark.line + 1,
                 mark.column + 1);
  }
  Error At(const YAML::Node& node, std::string detail) const {
    return AtMark(node.Mark(), std::move(detail));
  }

  // Parses the file's first document into *root. Errors: YAML syntax errors, at their mark.
  Status Parse(YAML::Node* root) const {
    try {
      *root = YAML::Load(source_.content);
    } catch (const YAML::Exception& e) {
      return AtMark(e.mark, "YAML syntax error: " + e.msg);
    }
    if (!root->IsDefined() || root->IsNull()) {
      return Error(ErrorCode::kRuleError, "the file is empty", source_.name);
    }
    return std::nullopt;
  }

 private:
  const SourceFile& source_;
};

// The entries of a YAML map whose keys were checked: strings, unique, from an allowed set, with
// every required key present.
class Fields {
 public:
  // Reads node as a map described by what ("rule", "'match'"...) in messages.
  static Status Read(const YamlFile& file, const YAML::Node& node, std::string_view what,
                     const Names& allowed, const Names& required, Fields* out);

  // The value of key, or nullptr when the key is absent.
  const YAML::Node* Find(std::string_view key) const {
    for (const auto& [name, entry] : entries_) {
      if (name == key) return &entry.second;
    }
    return nullptr;
  }
  // The key node of key (for errors about the key itself). Precondition: Find(key) != nullptr.
  const YAML::Node& KeyNode(std::string_view key) const {
    for (const auto& [name, entry] : entries_) {
      if (name == key) return entry.first;
    }
    return node_;
  }
  const YAML::Node& node() const { return node_; }
  const std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>>& entries() const {
    return entries_;
  }

 private:
  friend Status ReadMapEntries(const YamlFile& file, const YAML::Node& node, std::string_view what,
                               const Names& allowed, Fields* out);
  YAML::Node node_;
  std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>> entries_;
};

// Reads node as a map with any string keys (unique); allowed empty means any key.
Status ReadMapEntries(const YamlFile& file, const YAML::Node& node, std::string_view what,
                      const Names& allowed, Fields* out);

Status Fields::Read(const YamlFile& file, const YAML::Node& node, std::string_view what,
                    const Names& allowed, const Names& required, Fields* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, node, what, allowed, out));
  for (std::string_view key : required) {
    if (out->Find(key) == nullptr) {
      return file.At(node, fmt::format("missing required key '{}' in {}", key, what));
    }
  }
  return std::nullopt;
}

Status ReadMapEntries(const YamlFile& file, const YAML::Node& node, std::string_view what,
                      const Names& allowed, Fields* out) {
  if (!node.IsMap()) {
    return file.At(node, fmt::format("expected a map for {}, found {}", what, KindName(node)));
  }
  Fields fields;
  fields.node_ = node;
  for (const auto& entry : node) {
    const YAML::Node key = entry.first;  // copies of handles: cheap
    if (!key.IsScalar()) {
      return file.At(key,
                     fmt::format("expected a string key in {}, found {}", what, KindName(key)));
    }
    const std::string& name = key.Scalar();
    if (fields.Find(name) != nullptr) {
      return file.At(key, fmt::format("duplicate key '{}' in {}", name, what));
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return file.At(
          key, fmt::format("unknown key '{}' in {}{}", name, what, DidYouMean(name, allowed)));
    }
    if (entry.second.IsNull()) {
      // A null's mark points past the key (often at the next line): report at the key.
      return file.At(key, fmt::format("missing value for '{}' in {}", name, what));
    }
    fields.entries_.push_back({name, {key, entry.second}});
  }
  *out = std::move(fields);
  return std::nullopt;
}

// Reads a string value. Null (`key:` with nothing) and lists or maps are errors; so is an empty
// string unless allow_empty.
Status ReadString(const YamlFile& file, const YAML::Node& node, std::string_view key,
                  std::string* out, bool allow_empty = false) {
  if (!node.IsScalar()) {
    return file.At(node, fmt::format("expected a string for '{}', found {}", key, KindName(node)));
  }
  if (!allow_empty && node.Scalar().empty()) {
    return file.At(node, fmt::format("'{}' must not be empty", key));
  }
  *out = node.Scalar();
  return std::nullopt;
}

// Reads an optional string field; *out keeps its value when the key is absent.
Status ReadOptionalString(const YamlFile& file, const Fields& fields, std::string_view key,
                          std::string* out) {
  const YAML::Node* node = fields.Find(key);
  if (node == nullptr) return std::nullopt;
  return ReadString(file, *node, key, out);
}

// Reads a list of non-empty strings; *nodes (optional) receives each item's node.
Status ReadStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                      std::vector<std::string>* out, std::vector<YAML::Node>* nodes = nullptr) {
  if (!node.IsSequence()) {
    return file.At(node, fmt::format("expected a list for '{}', found {}", key, KindName(node)));
  }
  for (const YAML::Node& item : node) {
    std::string value;
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, item, key, &value));
    out->push_back(std::move(value));
    if (nodes != nullptr) nodes->push_back(item);
  }
  return std::nullopt;
}

Status ReadNonEmptyStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                              std::vector<std::string>* out,
                              std::vector<YAML::Node>* nodes = nullptr) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, node, key, out, nodes));
  if (out->empty()) return file.At(node, fmt::format("'{}' must not be empty", key));
  return std::nullopt;
}

std::optional<bool> ParseBool(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<double> ParseNumberText(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A plain (unquoted) scalar; quoted strings are always words.
bool IsPlain(const YAML::Node& node) { return node.Tag() == "?"; }

Status ReadBool(const YamlFile& file, const YAML::Node& node, std::string_view key, bool* out) {
  std::optional<bool> value;
  if (node.IsScalar() && IsPlain(node)) value = ParseBool(node.Scalar());
  if (!value) return file.At(node, fmt::format("expected true or false for '{}'", key));
  *out = *value;
  return std::nullopt;
}

Status ReadNumber(const YamlFile& file, const YAML::Node& node, std::string_view key, double* out) {
  std::optional<double> value;
  if (node.IsScalar() && IsPlain(node)) value = ParseNumberText(node.Scalar());
  if (!value) {
    return file.At(node, fmt::format("expected a number for '{}', found {}", key,
                                     node.IsScalar() ? "'" + node.Scalar() + "'"
                                                     : std::string(KindName(node))));
  }
  *out = *value;
  return std::nullopt;
}

// Reads one of names; *index is its position. Messages name the kind ("scope", "risk"...).
Status ReadEnum(const YamlFile& file, const YAML::Node& node, std::string_view kind,
                const Names& names, std::size_t* index) {
  std::string value;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, kind, &value, /*allow_empty=*/true));
  auto it = std::find(names.begin(), names.end(), value);
  if (it == names.end()) {
    return file.At(node, fmt::format("invalid {} '{}': expected {}{}", kind, value, OneOf(names),
                                     DidYouMean(value, names)));
  }
  *index = static_cast<std::size_t>(it - names.begin());
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Catalogues: categories.yaml, controls.yaml, evidence.yaml, parties.yaml.

struct Catalogs {
  std::vector<CategoryInfo> categories;
  std::vector<ControlEntry> controls;
  std::vector<EvidenceEntry> evidence;
  PartyLexicon parties;
};

// Reads root as a list of maps with a unique 'id' and calls read for each entry's fields.
Status ForEachCatalogEntry(const YamlFile& file, const YAML::Node& root, std::string_view what,
                           const Names& allowed, const Names& required,
                           const std::function<Status(const Fields&, std::string id)>& read) {
  if (!root.IsSequence()) {
    return file.At(root,
                   fmt::format("expected a list of {} entries, found {}", what, KindName(root)));
  }
  std::set<std::string> seen;
  const std::string entry_name = fmt::format("{} entry", what);
  for (const YAML::Node& item : root) {
    Fields fields;
    CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, item, entry_name, allowed, required, &fields));
    std::string id;
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("id"), "id", &id));
    if (!seen.insert(id).second) {
      return file.At(*fields.Find("id"), fmt::format("duplicate {} id '{}'", what, id));
    }
    CLAUSESCAN_RETURN_IF_ERROR(read(fields, std::move(id)));
  }
  return std::nullopt;
}

Status ReadCategories(const YamlFile& file, const YAML::Node& root, Catalogs* out) {
  return ForEachCatalogEntry(file, root, "category", {"id", "title"}, {"id", "title"},
                             [&](const Fields& fields, std::string id) -> Status {
                               CategoryInfo category{std::move(id), {}};
                               CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("title"),
                                                                     "title", &category.title));
                               out->categories.push_back(std::move(category));
                               return std::nullopt;
                             });
}

// Orders control ids by their numbers: A.5.2 before A.5.10.
bool ControlLess(const ControlEntry& a, const ControlEntry& b) {
  auto key = [](std::string_view id) {
    std::vector<std::pair<long, std::string>> parts;
    std::size_t start = 0;
    while (start <= id.size()) {
      std::size_t dot = id.find('.', start);
      if (dot == std::string_view::npos) dot = id.size();
      std::string_view part = id.substr(start, dot - start);
      long number = -1;
      std::from_chars(part.data(), part.data() + part.size(), number);
      parts.emplace_back(number, std::string(part));
      start = dot + 1;
    }
    return parts;
  };
  return key(a.id) < key(b.id);
}

Status ReadControls(const YamlFile& file, const YAML::Node& root, Catalogs* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ForEachCatalogEntry(
      file, root, "control", {"id", "theme", "title"}, {"id", "title"},
      [&](const Fields& fields, std::string id) -> Status {
        ControlEntry control{std::move(id), {}, {}};
        CLAUSESCAN_RETURN_IF_ERROR(ReadOptionalString(file, fields, "theme", &control.theme));
        CLAUSESCAN_RETURN_IF_ERROR(
            ReadString(file, *fields.Find("title"), "title", &control.title));
        out->controls.push_back(std::move(control));
        return std::nullopt;
      }));
  std::stable_sort(out->controls.begin(), out->controls.end(), ControlLess);
  return std::nullopt;
}

Status ReadEvidence(const YamlFile& file, const YAML::Node& root, Catalogs* out) {
  return ForEachCatalogEntry(file, root, "evidence", {"id", "title", "description"},
                             {"id", "title"}, [&](const Fields& fields, std::string id) -> Status {
                               EvidenceEntry evidence{std::move(id), {}, {}};
                               CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("title"),
                                                                     "title", &evidence.title));
                               CLAUSESCAN_RETURN_IF_ERROR(ReadOptionalString(
                                   file, fields, "description", &evidence.description));
                               out->evidence.push_back(std::move(evidence));
                               return std::nullopt;
                             });
}

std::string AsciiLower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

Status ReadPartyWords(const YamlFile& file, const Fields& fields, std::string_view key,
                      std::vector<std::string>* out) {
  const YAML::Node* node = fields.Find(key);
  if (node == nullptr) return std::nullopt;
  CLAUSESCAN_RETURN_IF_ERROR(ReadNonEmptyStringList(file, *node, key, out));
  for (std::string& word : *out) word = AsciiLower(std::move(word));
  return std::nullopt;
}

Status ReadParties(const YamlFile& file, const YAML::Node& root, Catalogs* out) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, root, "parties", {"supplier", "customer", "mutual"},
                                          {"supplier", "customer"}, &fields));
  CLAUSESCAN_RETURN_IF_ERROR(ReadPartyWords(file, fields, "supplier", &out->parties.supplier));
  CLAUSESCAN_RETURN_IF_ERROR(ReadPartyWords(file, fields, "customer", &out->parties.customer));
  return ReadPartyWords(file, fields, "mutual", &out->parties.mutual);
}

// ---------------------------------------------------------------------------------------------
// Rules.

const Names kRuleKeys = {"id",    "category",   "title",    "description", "scope",         "party",
                         "match", "parameters", "controls", "evidence",    "considerations"};
const Names kScopes = {"sentence", "paragraph"};
const Names kParties = {"supplier", "customer", "any"};
const Names kParamTypes = {"duration", "vague",      "trigger",      "flag",      "enum", "percent",
                           "money",    "fee_months", "fee_multiple", "frequency", "set"};
const ParamSpec::Type kParamTypeValues[] = {
    ParamSpec::Type::kDuration,  ParamSpec::Type::kVague,     ParamSpec::Type::kTrigger,
    ParamSpec::Type::kFlag,      ParamSpec::Type::kEnum,      ParamSpec::Type::kPercent,
    ParamSpec::Type::kMoney,     ParamSpec::Type::kFeeMonths, ParamSpec::Type::kFeeMultiple,
    ParamSpec::Type::kFrequency, ParamSpec::Type::kSet};
const Names kParamKeys = {"type",     "unit", "business", "prefer",
                          "currency", "any",  "none",     "values"};
const Names kRisks = {"info", "low", "medium", "high"};
const Risk kRiskValues[] = {Risk::kInfo, Risk::kLow, Risk::kMedium, Risk::kHigh};

bool IsRuleId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
}

bool IsParamName(std::string_view name) {
  return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

// Reads a list of RE2 patterns, each checked with the matcher's options. An empty list is an
// error unless allow_empty (a `none` list may be empty; an `any` list never matches when empty).
// Checks one pattern (at node) with the matcher's options.
Status CheckPatternAt(const YamlFile& file, const YAML::Node& node, const std::string& pattern) {
  const std::string error = CheckPattern(pattern);
  if (error.empty()) return std::nullopt;
  return file.At(node, fmt::format("invalid pattern '{}': {}", pattern, error));
}

Status ReadPatterns(const YamlFile& file, const YAML::Node& node, std::string_view key,
                    std::vector<std::string>* out, bool allow_empty = false) {
  std::vector<YAML::Node> nodes;
  CLAUSESCAN_RETURN_IF_ERROR(allow_empty ? ReadStringList(file, node, key, out, &nodes)
                                         : ReadNonEmptyStringList(file, node, key, out, &nodes));
  for (std::size_t i = 0; i < out->size(); ++i) {
    CLAUSESCAN_RETURN_IF_ERROR(CheckPatternAt(file, nodes[i], (*out)[i]));
  }
  return std::nullopt;
}

Status ReadMatch(const YamlFile& file, const YAML::Node& node, Rule* rule) {
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
    std::vector<std::string> patterns;
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *group.Find("any"), "any", &patterns));
    rule->all.push_back(std::move(patterns));
  }
  if (const YAML::Node* none = match.Find("none")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *none, "none", &rule->none, true));
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
      return {{"unit", "business", "prefer"}, {"unit"}};
    case ParamSpec::Type::kFlag:
      return {{"any", "none"}, {"any"}};
    case ParamSpec::Type::kEnum:
    case ParamSpec::Type::kSet:
      return {{"values"}, {"values"}};
    case ParamSpec::Type::kMoney:
      return {{"currency"}, {}};
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

Status ReadEnumValues(const YamlFile& file, const YAML::Node& node, ParamSpec* spec) {
  Fields values;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, node, "'values'", {}, &values));
  if (values.entries().empty()) return file.At(node, "'values' must not be empty");
  for (const auto& [name, entry] : values.entries()) {
    std::vector<std::string> patterns;
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, entry.second, name, &patterns));
    spec->values.emplace_back(name, std::move(patterns));
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

Status ReadParamOptions(const YamlFile& file, const Fields& fields, ParamSpec* spec) {
  if (const YAML::Node* unit = fields.Find("unit")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *unit, "unit", {"hours", "days"}, &index));
    spec->unit = index == 0 ? "hours" : "days";
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
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *prefer, "prefer", {"within", "notice"}, &index));
    spec->prefer = index == 0 ? ParamSpec::Prefer::kWithin : ParamSpec::Prefer::kNotice;
  }
  if (const YAML::Node* currency = fields.Find("currency")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadParamName(file, *currency, "currency", &spec->currency_name));
  }
  if (const YAML::Node* any = fields.Find("any")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *any, "any", &spec->any));
  }
  if (const YAML::Node* none = fields.Find("none")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *none, "none", &spec->none, true));
  }
  if (const YAML::Node* values = fields.Find("values")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnumValues(file, *values, spec));
  }
  return std::nullopt;
}

Status ReadParam(const YamlFile& file, const YAML::Node& key, const YAML::Node& value,
                 ParamSpec* spec) {
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
  return ReadParamOptions(file, fields, spec);
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

Status ReadParams(const YamlFile& file, const YAML::Node& node, Rule* rule) {
  Fields params;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, node, "'parameters'", {}, &params));
  std::set<std::string> names;
  bool sets_business = false;                // a duration outputs `business` for business days
  std::optional<YAML::Node> names_business;  // the parameter that outputs a `business` of its own
  for (const auto& [name, entry] : params.entries()) {
    ParamSpec spec;
    CLAUSESCAN_RETURN_IF_ERROR(ReadParam(file, entry.first, entry.second, &spec));
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
  const Names categories = IdsOf(catalogs.categories);
  if (std::find(categories.begin(), categories.end(), rule->category) == categories.end()) {
    return file.At(category, fmt::format("unknown category '{}'{}", rule->category,
                                         DidYouMean(rule->category, categories)));
  }
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
    CLAUSESCAN_RETURN_IF_ERROR(
        ReadStringList(file, *node, "considerations", &rule->considerations));
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
  CLAUSESCAN_RETURN_IF_ERROR(ReadMatch(file, *fields.Find("match"), rule));
  if (const YAML::Node* params = fields.Find("parameters")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadParams(file, *params, rule));
  }
  return ReadRuleLists(file, fields, catalogs, rule);
}

// ---------------------------------------------------------------------------------------------
// playbook.yaml.

// Parameter names the rules of each category output, and each rule's own, keyed by category
// id and by rule id (the keys a playbook may use).
using DeclaredParams = std::map<std::string, std::vector<std::string>>;

DeclaredParams CollectParams(const std::vector<Rule>& rules) {
  DeclaredParams declared;
  for (const Rule& rule : rules) {
    for (const std::string& key : {rule.category, rule.id}) {
      std::vector<std::string>& names = declared[key];
      auto add = [&names](const std::string& name) {
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
    }
  }
  return declared;
}

// The playbook of one category being read, for messages and parameter checks.
struct PolicyContext {
  const YamlFile& file;
  std::string category;
  Names params;  // declared by the category's rules
  std::set<std::string>* position_ids;
};

Status CheckDeclared(const PolicyContext& ctx, const YAML::Node& node, const std::string& param) {
  if (std::find(ctx.params.begin(), ctx.params.end(), param) != ctx.params.end()) {
    return std::nullopt;
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
    Condition condition;
    condition.param = param;
    CLAUSESCAN_RETURN_IF_ERROR(ReadConditionOp(ctx.file, op, entry.second, &condition));
    out->push_back(std::move(condition));
  }
  return std::nullopt;
}

// Reads a map of conditions (a position's `when`, an expectation's `where`; what names it in
// messages). Each parameter must be declared by a rule of ctx.category unless check_declared is
// false (a category without rules declares nothing).
Status ReadConditions(const PolicyContext& ctx, const YAML::Node& node, std::string_view what,
                      std::vector<Condition>* out, bool check_declared = true) {
  Fields conditions;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(ctx.file, node, what, {}, &conditions));
  for (const auto& [param, entry] : conditions.entries()) {
    if (check_declared) CLAUSESCAN_RETURN_IF_ERROR(CheckDeclared(ctx, entry.first, param));
    CLAUSESCAN_RETURN_IF_ERROR(ReadCondition(ctx, param, entry.second, out));
  }
  return std::nullopt;
}

// Every {name} placeholder of a reason must be a declared parameter.
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

const Names kPositionKeys = {"id", "when", "risk", "reason", "propose"};
const Names kPositionRequired = {"id", "when", "risk", "reason"};

// Reads what a position says besides its id (when, risk, reason, propose) from fields that were
// checked against kPositionKeys.
Status ReadPositionBody(const PolicyContext& ctx, const Fields& fields, Position* position) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadConditions(ctx, *fields.Find("when"), "'when'", &position->when));
  std::size_t risk = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(ctx.file, *fields.Find("risk"), "risk", kRisks, &risk));
  position->risk = kRiskValues[risk];
  const YAML::Node& reason = *fields.Find("reason");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(ctx.file, reason, "reason", &position->reason));
  CLAUSESCAN_RETURN_IF_ERROR(CheckPlaceholders(ctx, reason, position->reason));
  return ReadOptionalString(ctx.file, fields, "propose", &position->propose);
}

// Reads the id of a position and where it is written.
Status ReadPositionId(const PolicyContext& ctx, const Fields& fields, Position* position) {
  const YAML::Node& id = *fields.Find("id");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(ctx.file, id, "id", &position->id));
  position->file = ctx.file.source().name;
  position->line = id.Mark().line + 1;
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

// Reads `positions` as a list, calling read for each item.
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

// Reads the fields of a key's policy and its `default` and `default_reason` into *policy.
Status ReadPolicyHeader(const PolicyContext& ctx, const YAML::Node& node, Fields* fields,
                        CategoryPolicy* policy) {
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(ctx.file, node,
                                          fmt::format("playbook of '{}'", ctx.category),
                                          {"default", "default_reason", "positions"}, {}, fields));
  if (const YAML::Node* risk = fields->Find("default")) {
    std::size_t index = 0;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(ctx.file, *risk, "risk", kRisks, &index));
    policy->default_risk = kRiskValues[index];
  }
  return ReadOptionalString(ctx.file, *fields, "default_reason", &policy->default_reason);
}

Status ReadPolicy(const PolicyContext& ctx, const YAML::Node& node, CategoryPolicy* policy) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadPolicyHeader(ctx, node, &fields, policy));
  return ForEachPosition(ctx, fields, [&](const YAML::Node& item) -> Status {
    Position position;
    CLAUSESCAN_RETURN_IF_ERROR(ReadPosition(ctx, item, &position));
    policy->positions.push_back(std::move(position));
    return std::nullopt;
  });
}

// The keys a playbook may use: category ids, then the ids of rules that declare parameters.
Names PlaybookKeys(const std::vector<CategoryInfo>& categories, const DeclaredParams& declared) {
  Names keys = IdsOf(categories);
  for (const auto& [key, names] : declared) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

// Checks that key (written at node) is a category or rule id and sets up the context of its
// policy.
Status PolicyContextFor(const YamlFile& file, const YAML::Node& node, const std::string& key,
                        const Names& keys, const DeclaredParams& declared,
                        std::set<std::string>* position_ids, std::optional<PolicyContext>* ctx) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    return file.At(node, fmt::format("unknown category or rule '{}' in playbook{}", key,
                                     DidYouMean(key, keys)));
  }
  ctx->emplace(PolicyContext{file, key, {}, position_ids});
  if (auto it = declared.find(key); it != declared.end()) {
    for (const std::string& name : it->second) (*ctx)->params.push_back(name);
  }
  return std::nullopt;
}

Status ReadPlaybook(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, Playbook* out) {
  const Names keys = PlaybookKeys(catalogs.categories, declared);
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, root, "playbook", {}, &fields));
  for (const auto& [category, entry] : fields.entries()) {
    std::optional<PolicyContext> ctx;
    CLAUSESCAN_RETURN_IF_ERROR(
        PolicyContextFor(file, entry.first, category, keys, declared, &out->position_ids, &ctx));
    if (out->categories.count(category) != 0) {
      return file.At(entry.first,
                     fmt::format("'{}' already has a policy in another playbook file", category));
    }
    CLAUSESCAN_RETURN_IF_ERROR(ReadPolicy(*ctx, entry.second, &out->categories[category]));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Playbook overrides (--playbook FILE): the format of playbook.yaml, merged position by position.

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
  } else {
    playbook->position_ids.insert(position.id);
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
  return ForEachPosition(ctx, fields, [&](const YAML::Node& item) {
    return OverridePosition(ctx, item, seen, playbook);
  });
}

Status OverridePlaybook(const YamlFile& file, const YAML::Node& root, const RuleSetData& base,
                        Playbook* playbook) {
  const DeclaredParams declared = CollectParams(base.rules);
  const Names keys = PlaybookKeys(base.categories, declared);
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, root, "playbook", {}, &fields));
  std::set<std::string> seen;
  for (const auto& [key, entry] : fields.entries()) {
    std::optional<PolicyContext> ctx;
    CLAUSESCAN_RETURN_IF_ERROR(
        PolicyContextFor(file, entry.first, key, keys, declared, &playbook->position_ids, &ctx));
    CLAUSESCAN_RETURN_IF_ERROR(OverridePolicy(*ctx, entry.second, &seen, playbook));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// doctypes.yaml.

const Names kDocTypeKeys = {"id", "name", "titles", "signals", "threshold", "expects"};

bool IsDocTypeId(std::string_view id) { return IsParamName(id); }

Status ReadSignal(const YamlFile& file, const YAML::Node& node, DocType* type) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "signal", {"pattern", "weight"}, {"pattern"}, &fields));
  DocTypeSignal signal;
  const YAML::Node& pattern = *fields.Find("pattern");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, pattern, "pattern", &signal.pattern));
  CLAUSESCAN_RETURN_IF_ERROR(CheckPatternAt(file, pattern, signal.pattern));
  if (const YAML::Node* weight = fields.Find("weight")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, *weight, "weight", &signal.weight));
    if (signal.weight <= 0) return file.At(*weight, "'weight' must be greater than 0");
  }
  type->signals.push_back(std::move(signal));
  return std::nullopt;
}

// Reads `signals` and `threshold`: both or neither.
Status ReadSignals(const YamlFile& file, const Fields& fields, DocType* type) {
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
  for (const YAML::Node& item : *signals) CLAUSESCAN_RETURN_IF_ERROR(ReadSignal(file, item, type));
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
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *applies_if, "applies_if", &out->applies_if));
  }
  std::size_t risk = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ReadEnum(file, *fields.Find("risk"), "risk", kRisks, &risk));
  out->risk = kRiskValues[risk];
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
    CLAUSESCAN_RETURN_IF_ERROR(ReadPatterns(file, *titles, "titles", &type->titles));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadSignals(file, fields, type));
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

Status ReadDocTypes(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, std::vector<DocType>* out) {
  const ExpectContext ectx{file, IdsOf(catalogs.categories), declared};
  return ForEachCatalogEntry(
      file, root, "document type", kDocTypeKeys, {"id", "name"},
      [&](const Fields& fields, std::string id) -> Status {
        DocType type;
        CLAUSESCAN_RETURN_IF_ERROR(ReadDocType(ectx, fields, std::move(id), &type));
        out->push_back(std::move(type));
        return std::nullopt;
      });
}

// ---------------------------------------------------------------------------------------------
// The whole directory.

enum class FileRole {
  kCategories,
  kControls,
  kEvidence,
  kParties,
  kDocTypes,
  kPlaybook,
  kRule,
  kOther
};

std::string_view BaseName(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

FileRole RoleOf(std::string_view name) {
  const std::string_view base = BaseName(name);
  if (base == "categories.yaml") return FileRole::kCategories;
  if (base == "controls.yaml") return FileRole::kControls;
  if (base == "evidence.yaml") return FileRole::kEvidence;
  if (base == "parties.yaml") return FileRole::kParties;
  if (base == "doctypes.yaml") return FileRole::kDocTypes;
  if (base == "playbook.yaml") return FileRole::kPlaybook;
  if (EndsWith(name, ".yaml")) return FileRole::kRule;
  return FileRole::kOther;
}

// The special files, found by name; each may appear once.
struct SpecialFiles {
  const SourceFile* categories = nullptr;
  const SourceFile* controls = nullptr;
  const SourceFile* evidence = nullptr;
  const SourceFile* parties = nullptr;
  const SourceFile* doctypes = nullptr;
  std::vector<const SourceFile*> playbooks;  // every playbook.yaml, merged
  std::vector<const SourceFile*> rules;
};

Status Classify(const std::vector<SourceFile>& files, SpecialFiles* out) {
  for (const SourceFile& file : files) {
    const SourceFile** slot = nullptr;
    switch (RoleOf(file.name)) {
      case FileRole::kCategories:
        slot = &out->categories;
        break;
      case FileRole::kControls:
        slot = &out->controls;
        break;
      case FileRole::kEvidence:
        slot = &out->evidence;
        break;
      case FileRole::kParties:
        slot = &out->parties;
        break;
      case FileRole::kDocTypes:
        slot = &out->doctypes;
        break;
      case FileRole::kPlaybook:
        out->playbooks.push_back(&file);
        continue;
      case FileRole::kRule:
        out->rules.push_back(&file);
        continue;
      case FileRole::kOther:
        continue;
    }
    if (*slot != nullptr) {
      return Error(ErrorCode::kRuleError,
                   fmt::format("{} is also at {}; keep one", BaseName(file.name), (*slot)->name),
                   file.name);
    }
    *slot = &file;
  }
  return std::nullopt;
}

using FileReader = std::function<Status(const YamlFile&, const YAML::Node&)>;

// Parses file (when present) and hands its root to read; yaml-cpp exceptions become errors.
Status ParseAndRead(const SourceFile* source, const FileReader& read) {
  if (source == nullptr) return std::nullopt;
  YamlFile file(*source);
  YAML::Node root;
  CLAUSESCAN_RETURN_IF_ERROR(file.Parse(&root));
  try {
    return read(file, root);
  } catch (const YAML::Exception& e) {
    return file.AtMark(e.mark, e.msg);
  }
}

Status RequireFile(const SourceFile* file, std::string_view name, const std::string& origin) {
  if (file != nullptr) return std::nullopt;
  return Error(ErrorCode::kRuleError, fmt::format("the rule directory has no {}", name), origin);
}

Status ReadCatalogs(const SpecialFiles& special, const std::string& origin, Catalogs* out) {
  CLAUSESCAN_RETURN_IF_ERROR(RequireFile(special.categories, "categories.yaml", origin));
  CLAUSESCAN_RETURN_IF_ERROR(RequireFile(special.parties, "parties.yaml", origin));
  using Reader = Status (*)(const YamlFile&, const YAML::Node&, Catalogs*);
  const std::pair<const SourceFile*, Reader> readers[] = {{special.categories, ReadCategories},
                                                          {special.controls, ReadControls},
                                                          {special.evidence, ReadEvidence},
                                                          {special.parties, ReadParties}};
  for (const auto& [source, reader] : readers) {
    CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(
        source, [&, r = reader](const YamlFile& f, const YAML::Node& n) { return r(f, n, out); }));
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

// ---------------------------------------------------------------------------------------------
// RuleSetData.

const char* PartyWord(Party party) {
  switch (party) {
    case Party::kSupplier:
      return "supplier";
    case Party::kCustomer:
      return "customer";
    default:
      return "any";
  }
}

RuleInfo MakeInfo(const Rule& rule, const RuleSetData& data,
                  const std::map<std::string_view, const SourceFile*>& files) {
  RuleInfo info;
  info.id = rule.id;
  info.category = rule.category;
  info.title = rule.title;
  info.description = rule.description;
  info.scope = rule.scope == Scope::kParagraph ? "paragraph" : "sentence";
  info.party = PartyWord(rule.party);
  info.file = rule.file;
  if (auto it = files.find(rule.file); it != files.end()) info.source = it->second->content;
  std::string test_file = rule.file.substr(0, rule.file.rfind('.')) + ".test.txt";
  if (auto it = files.find(test_file); it != files.end()) info.tests = it->second->content;
  for (const std::vector<std::string>& group : rule.all) {
    info.patterns.insert(info.patterns.end(), group.begin(), group.end());
  }
  info.patterns.insert(info.patterns.end(), rule.none.begin(), rule.none.end());
  for (const std::string& id : rule.controls) {
    for (const ControlEntry& control : data.controls) {
      if (control.id == id) info.controls.push_back(Control{control.id, control.title});
    }
  }
  for (const std::string& id : rule.evidence) {
    for (const EvidenceEntry& item : data.evidence) {
      if (item.id == id) info.evidence.push_back(EvidenceItem{item.id, item.title});
    }
  }
  return info;
}

void BuildInfos(RuleSetData* data) {
  std::map<std::string_view, const SourceFile*> files;
  for (const SourceFile& file : data->files) files.emplace(file.name, &file);
  data->infos.reserve(data->rules.size());
  for (const Rule& rule : data->rules) data->infos.push_back(MakeInfo(rule, *data, files));
}

bool IsRuleDirectoryFile(std::string_view name) {
  return EndsWith(name, ".yaml") || EndsWith(name, ".test.txt");
}

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(ErrorCode::kIo, fmt::format("cannot read rule file: {}", std::strerror(errno)),
                 path.string());
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Error(ErrorCode::kIo, "cannot read rule file", path.string());
  return content.str();
}

Error DirectoryError(const std::string& dir, const std::string& reason) {
  return Error(ErrorCode::kIo, fmt::format("cannot read rule directory: {}", reason), dir);
}

}  // namespace

Result<std::vector<SourceFile>> ReadRuleDirectory(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return DirectoryError(dir, "no such directory");
  if (!fs::is_directory(status)) return DirectoryError(dir, "not a directory");
  std::vector<SourceFile> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::string name = it->path().lexically_relative(dir).generic_string();
    if (!IsRuleDirectoryFile(name)) continue;
    Result<std::string> content = ReadWholeFile(it->path());
    if (!content) return content.error();
    files.push_back(SourceFile{std::move(name), std::move(*content)});
  }
  if (ec) return DirectoryError(dir, ec.message());
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return files;
}

Result<std::shared_ptr<RuleSetData>> LoadRuleSet(std::vector<SourceFile> files,
                                                 std::string origin) {
  std::stable_sort(files.begin(), files.end(),
                   [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  auto data = std::make_shared<RuleSetData>();
  data->origin = std::move(origin);
  data->files = std::move(files);
  SpecialFiles special;
  CLAUSESCAN_RETURN_IF_ERROR(Classify(data->files, &special));
  Catalogs catalogs;
  CLAUSESCAN_RETURN_IF_ERROR(ReadCatalogs(special, data->origin, &catalogs));
  CLAUSESCAN_RETURN_IF_ERROR(ReadRules(special, catalogs, &data->rules));
  const DeclaredParams declared = CollectParams(data->rules);
  for (const SourceFile* playbook : special.playbooks) {
    CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(playbook, [&](const YamlFile& f, const YAML::Node& n) {
      return ReadPlaybook(f, n, catalogs, declared, &data->playbook);
    }));
  }
  CLAUSESCAN_RETURN_IF_ERROR(
      ParseAndRead(special.doctypes, [&](const YamlFile& f, const YAML::Node& n) {
        return ReadDocTypes(f, n, catalogs, declared, &data->doctypes);
      }));
  std::sort(data->rules.begin(), data->rules.end(),
            [](const Rule& a, const Rule& b) { return a.id < b.id; });
  data->categories = std::move(catalogs.categories);
  data->controls = std::move(catalogs.controls);
  data->evidence = std::move(catalogs.evidence);
  data->parties = std::move(catalogs.parties);
  BuildInfos(data.get());
  Result<std::unique_ptr<Matcher>> matcher = Matcher::Compile(data->rules, data->parties);
  if (!matcher) return matcher.error();
  data->matcher = std::move(*matcher);
  Result<std::unique_ptr<DocTypeGuesser>> guesser = DocTypeGuesser::Compile(
      data->doctypes, special.doctypes != nullptr ? special.doctypes->name : "doctypes.yaml");
  if (!guesser) return guesser.error();
  data->doctype_guesser = std::move(*guesser);
  return data;
}

Result<Playbook> MergePlaybook(const RuleSetData& base, const SourceFile& file) {
  Playbook playbook = base.playbook;
  CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(&file, [&](const YamlFile& f, const YAML::Node& n) {
    return OverridePlaybook(f, n, base, &playbook);
  }));
  return playbook;
}

}  // namespace clausescan::internal

#undef CLAUSESCAN_RETURN_IF_ERROR

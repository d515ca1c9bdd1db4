#include "rules/yaml_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace clausescan::internal {

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

Error YamlFile::AtMark(const YAML::Mark& mark, std::string detail) const {
  if (mark.is_null()) return Error(ErrorCode::kRuleError, std::move(detail), source_.name);
  return Error(ErrorCode::kRuleError, std::move(detail), source_.name, mark.line + 1,
               mark.column + 1);
}

Status YamlFile::Parse(YAML::Node* root) const {
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

Status ReadString(const YamlFile& file, const YAML::Node& node, std::string_view key,
                  std::string* out, bool allow_empty) {
  if (!node.IsScalar()) {
    return file.At(node, fmt::format("expected a string for '{}', found {}", key, KindName(node)));
  }
  if (!allow_empty && node.Scalar().empty()) {
    return file.At(node, fmt::format("'{}' must not be empty", key));
  }
  *out = node.Scalar();
  return std::nullopt;
}

Status ReadOptionalString(const YamlFile& file, const Fields& fields, std::string_view key,
                          std::string* out) {
  const YAML::Node* node = fields.Find(key);
  if (node == nullptr) return std::nullopt;
  return ReadString(file, *node, key, out);
}

Status ReadStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                      std::vector<std::string>* out, std::vector<YAML::Node>* nodes) {
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
                              std::vector<std::string>* out, std::vector<YAML::Node>* nodes) {
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

}  // namespace clausescan::internal

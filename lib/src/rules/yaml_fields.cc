#include "rules/yaml_fields.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/document.h"
#include "rules/packed_yaml.h"
#include "rules/yaml_quotes.h"

namespace clausescan::internal {
namespace {

// Counts what the events of one document expand to, each alias as the whole node it names, and
// throws Refusal once that passes the budget. yaml-cpp builds an alias as the very node it
// names (shared, not copied), so the document itself stays small; its readers would not.
class ExpansionCounter : public YAML::EventHandler {
 public:
  struct Refusal {
    YAML::Mark mark;
    std::string detail;
  };

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(mark, {1, 0}, false);
    Name(anchor, {1, 0});
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Add(mark, {1, value.size()}, false);
    Name(anchor, {1, value.size()});
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor == YAML::NullAnchor || anchor > anchors_.size()) return Add(mark, {1, 0}, true);
    const Size size = anchors_[anchor - 1];  // yaml-cpp numbers anchors from 1, in order
    if (size.open) {
      throw Refusal{mark, fmt::format("the YAML alias '*{}' is inside the node it names",
                                      names_[anchor - 1])};
    }
    Add(mark, size, true);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Size {
    std::size_t items = 0;
    std::size_t text = 0;
    bool open = false;  // a list or map whose end is still to come
  };
  struct Frame {
    YAML::anchor_t anchor;
    Size start;  // the totals before the list or map
  };

  void Add(const YAML::Mark& mark, const Size& size, bool alias) {
    items_ += size.items;
    text_ += size.text;
    aliased_ = aliased_ || alias;
    const char* how = aliased_ ? "expands to" : "has";
    const char* why = aliased_ ? " (YAML aliases count each time they are used)" : "";
    if (items_ > kMaxYamlItems) {
      throw Refusal{mark, fmt::format("the file {} more than {} items{}", how, kMaxYamlItems, why)};
    }
    if (text_ > kMaxYamlTextBytes) {
      throw Refusal{mark, fmt::format("the file {} more than {} MiB of text{}", how,
                                      kMaxYamlTextBytes >> 20, why)};
    }
  }
  // Records the size of the node anchor names (anchors come in order, numbered from 1).
  void Name(YAML::anchor_t anchor, const Size& size) {
    if (anchor == YAML::NullAnchor) return;
    anchors_.resize(std::max<std::size_t>(anchors_.size(), anchor));
    names_.resize(anchors_.size());
    anchors_[anchor - 1] = size;
    if (!anchor_name_.empty()) names_[anchor - 1] = std::move(anchor_name_);
    anchor_name_.clear();
  }
  void Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Add(mark, {1, 0}, false);
    stack_.push_back(Frame{anchor, {items_ - 1, text_}});
    Name(anchor, Size{0, 0, true});
  }
  void Close() {
    const Frame frame = stack_.back();
    stack_.pop_back();
    if (frame.anchor != YAML::NullAnchor) {
      anchors_[frame.anchor - 1] = Size{items_ - frame.start.items, text_ - frame.start.text};
    }
  }

  std::size_t items_ = 0;
  std::size_t text_ = 0;
  bool aliased_ = false;            // an alias was counted
  std::vector<Size> anchors_;       // by anchor number - 1
  std::vector<std::string> names_;  // by anchor number - 1
  std::string anchor_name_;         // of the node whose event comes next
  std::vector<Frame> stack_;        // the lists and maps open
};

// Whether content might pass the budget. Without an anchor ('&') there is no alias, and each
// byte makes at most two items ("{,}" is a map of two nulls), so a file of a quarter of the
// budget cannot; most rule files are such files and skip
// the count.
bool MightExpand(const std::string& content) {
  return content.size() > kMaxYamlItems / 4 || content.find('&') != std::string::npos;
}

// Line and column (1-based, bytes) of byte `offset` of `content`.
std::pair<int, int> LineAndColumn(std::string_view content, std::size_t offset) {
  const std::string_view before = content.substr(0, offset);
  const std::size_t line_start = before.rfind('\n');
  const int line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t column =
      line_start == std::string_view::npos ? offset : offset - line_start - 1;
  return {line, static_cast<int>(column) + 1};
}

// Offset of a "---" line (a document start) after the first document's content began, or npos:
// yaml-cpp's Load reads only the first document and would drop the rest silently.
std::size_t SecondDocumentStart(std::string_view content) {
  bool content_seen = false;
  for (std::size_t start = 0; start < content.size();) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    const bool marker = line.rfind("---", 0) == 0 &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker && content_seen) return start;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (!marker && first != std::string_view::npos && line[first] != '#' && line[0] != '%') {
      content_seen = true;
    }
    start = end + 1;
  }
  return std::string_view::npos;
}

// Whether content starts with a UTF-16 or UTF-32 byte order mark (yaml-cpp converts those).
bool HasWideByteOrderMark(std::string_view content) {
  return content.rfind("\xFF\xFE", 0) == 0 || content.rfind("\xFE\xFF", 0) == 0 ||
         content.rfind(std::string_view("\0\0\xFE\xFF", 4), 0) == 0;
}

}  // namespace

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
  // The built-in pack: parsed and checked at build time (issue 12: start-up).
  if (!source_.packed_tree.empty()) {
    if (std::optional<std::string> problem = UnpackTree(source_.packed_tree, root)) {
      return Error(ErrorCode::kCorrupt,
                   "the built-in rule pack is damaged: " + *problem + " (rebuild clausescan)",
                   source_.name);
    }
    return std::nullopt;
  }
  // Rule files are UTF-8 and one document each; the built-in pack's are checked by the tests.
  if (!source_.checked_at_build) {
    const std::string_view content = source_.content;
    if (!HasWideByteOrderMark(content)) {
      if (std::size_t bad = FindInvalidUtf8(content); bad != std::string_view::npos) {
        const auto [line, column] = LineAndColumn(content, bad);
        return Error(ErrorCode::kRuleError, "invalid UTF-8 (the file must be UTF-8 text)",
                     source_.name, line, column);
      }
    }
    // yaml-cpp stops at a NUL as at the end of the stream and blames a later line.
    if (std::size_t nul = content.find('\0');
        nul != std::string_view::npos && !HasWideByteOrderMark(content)) {
      const auto [line, column] = LineAndColumn(content, nul);
      return Error(ErrorCode::kRuleError, "a NUL byte (the file must be text)", source_.name, line,
                   column);
    }
    if (std::size_t second = SecondDocumentStart(content); second != std::string_view::npos) {
      const auto [line, column] = LineAndColumn(content, second);
      return Error(ErrorCode::kRuleError,
                   "a second YAML document ('---'): the file must hold one document", source_.name,
                   line, column);
    }
  }
  try {
    // issue 14 #1: yaml-cpp reads an unclosed quote on over the keys after it. First, as the
    // syntax error it may cause is best told as the quote. (Events do not expand aliases.)
    if (!source_.checked_at_build) {
      if (std::optional<UnclosedQuote> quote = FindUnclosedQuote(source_.content)) {
        return AtMark(quote->mark, quote->detail);
      }
    }
    // The built-in pack is checked by the tests: no hostile expansion to count (issue 12).
    if (!source_.checked_at_build && MightExpand(source_.content)) {
      std::istringstream events(source_.content);
      YAML::Parser parser(events);
      ExpansionCounter counter;
      parser.HandleNextDocument(counter);
    }
    *root = YAML::Load(source_.content);
  } catch (const ExpansionCounter::Refusal& refusal) {
    return AtMark(refusal.mark, refusal.detail);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own says only "bad file"
    return AtMark(e.mark, fmt::format("lists and maps nested too deep: the YAML reader stops at "
                                      "{} levels",
                                      e.depth()));
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
                      std::vector<std::string>* out, std::vector<YAML::Node>* nodes,
                      bool allow_empty_items) {
  if (!node.IsSequence()) {
    return file.At(node, fmt::format("expected a list for '{}', found {}", key, KindName(node)));
  }
  for (const YAML::Node& item : node) {
    std::string value;
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, item, key, &value, allow_empty_items));
    out->push_back(std::move(value));
    if (nodes != nullptr) nodes->push_back(item);
  }
  return std::nullopt;
}

Status ReadNonEmptyStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                              std::vector<std::string>* out, std::vector<YAML::Node>* nodes,
                              bool allow_empty_items) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, node, key, out, nodes, allow_empty_items));
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
    // A quoted number ("99.9") is a text to YAML: say so, as the value looks right.
    const bool quoted = node.IsScalar() && !IsPlain(node) && ParseNumberText(node.Scalar());
    return file.At(
        node, fmt::format("expected a number for '{}', found {}{}", key,
                          node.IsScalar() ? "'" + node.Scalar() + "'" : std::string(KindName(node)),
                          quoted ? " (a quoted text: drop the quotes)" : ""));
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

Status ReadCurrencyCode(const YamlFile& file, const YAML::Node& node, std::string_view key,
                        std::string* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, key, out));
  bool letters = out->size() == 3;
  for (char& c : *out) {
    letters = letters && std::isalpha(static_cast<unsigned char>(c)) != 0;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!letters) {
    return file.At(node, fmt::format("'{}' must be a three-letter currency code such as USD, "
                                     "found '{}'",
                                     key, *out));
  }
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

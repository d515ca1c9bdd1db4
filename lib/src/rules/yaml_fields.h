// Reading YAML files with errors located at file:line:column: a parsed file, the checked
// entries of a map, and typed values (strings, lists, booleans, numbers, one-of-names).
// Every reader returns Status: nullopt when the value was read, else a kRuleError naming the
// file and, where yaml-cpp knows it, the 1-based line and column of the offending node.
// Not thread-safe per object; distinct files may be read on distinct threads.
#ifndef CLAUSESCAN_RULES_YAML_FIELDS_H_
#define CLAUSESCAN_RULES_YAML_FIELDS_H_

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"
#include "rules/suggestions.h"

namespace clausescan::internal {

// The outcome of a check: nullopt when it passed, else the error to report.
using Status = std::optional<Error>;

// Returns the error of a Status expression from the enclosing function (which returns Status,
// or anything an Error converts to) when there is one.
#define CLAUSESCAN_RETURN_IF_ERROR(expr)          \
  do {                                            \
    if (Status status_ = (expr)) return *status_; \
  } while (false)

// "a map", "a list", "a string" or "nothing": what node is, for messages.
std::string_view KindName(const YAML::Node& node);

// What one YAML file may expand to, aliases counted each time they are used: a small file
// that names a large node many times (`*big` in a thousand places, or aliases of aliases) would
// otherwise make its readers copy that node each time. Items are nodes: scalars, nulls, lists
// and maps (each key and each value counts); text is the bytes of the scalars.
inline constexpr std::size_t kMaxYamlItems = 100'000;
inline constexpr std::size_t kMaxYamlTextBytes = std::size_t{4} << 20;

// One YAML file being read: parses it and makes errors located in it. Keeps a reference to
// source, which must outlive it.
class YamlFile {
 public:
  explicit YamlFile(const SourceFile& source) : source_(source) {}

  const SourceFile& source() const { return source_; }

  // A kRuleError with detail at mark (1-based line and column), or at the file when the mark
  // is null.
  Error AtMark(const YAML::Mark& mark, std::string detail) const;
  // A kRuleError with detail at node's mark.
  Error At(const YAML::Node& node, std::string detail) const {
    return AtMark(node.Mark(), std::move(detail));
  }

  // Parses the file's first document into *root. Errors: YAML syntax errors, at their mark; a
  // document that expands to more than kMaxYamlItems items or kMaxYamlTextBytes of text, or
  // with an alias inside the node it names, at the alias (or node) where that became so,
  // before any node is built; lists and maps nested deeper than yaml-cpp allows (hundreds of
  // levels); an empty file (nothing, or only null). A source with a packed tree (the built-in
  // pack) is not parsed: its tree is unpacked, and a damaged one is a kCorrupt error.
  Status Parse(YAML::Node* root) const;

 private:
  const SourceFile& source_;
};

// The entries of a YAML map whose keys were checked: strings, unique, from an allowed set, with
// every required key present.
class Fields {
 public:
  using Entry = std::pair<std::string, std::pair<YAML::Node, YAML::Node>>;  // name, {key, value}

  // Reads node as a map described by what ("rule", "'match'"...) in messages. Errors: not a
  // map, a key that is not a string, a duplicate key, a key not in allowed (with a suggestion),
  // a key without value, a required key absent.
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
  // The map itself.
  const YAML::Node& node() const { return node_; }
  // Every entry, in file order.
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  friend Status ReadMapEntries(const YamlFile& file, const YAML::Node& node, std::string_view what,
                               const Names& allowed, Fields* out);
  YAML::Node node_;
  std::vector<Entry> entries_;
};

// Reads node as a map with string keys (unique) from allowed; allowed empty means any key.
// Errors as Fields::Read, without the required-key check.
Status ReadMapEntries(const YamlFile& file, const YAML::Node& node, std::string_view what,
                      const Names& allowed, Fields* out);

// Reads a string value of key. Null (`key:` with nothing) and lists or maps are errors; so is an
// empty string unless allow_empty.
Status ReadString(const YamlFile& file, const YAML::Node& node, std::string_view key,
                  std::string* out, bool allow_empty = false);

// Reads an optional string field; *out keeps its value when the key is absent.
Status ReadOptionalString(const YamlFile& file, const Fields& fields, std::string_view key,
                          std::string* out);

// Reads a list of non-empty strings (empty ones too when allow_empty_items: the caller checks
// them), appending to *out; *nodes (optional) receives each item's node. An empty list is read
// as nothing.
Status ReadStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                      std::vector<std::string>* out, std::vector<YAML::Node>* nodes = nullptr,
                      bool allow_empty_items = false);

// As ReadStringList, but an empty list is an error.
Status ReadNonEmptyStringList(const YamlFile& file, const YAML::Node& node, std::string_view key,
                              std::vector<std::string>* out,
                              std::vector<YAML::Node>* nodes = nullptr,
                              bool allow_empty_items = false);

// true / True / TRUE and false / False / FALSE; nullopt for anything else.
std::optional<bool> ParseBool(std::string_view text);

// A finite decimal number (an optional leading '+'); nullopt for anything else.
std::optional<double> ParseNumberText(std::string_view text);

// A plain (unquoted) scalar; quoted strings are always words.
bool IsPlain(const YAML::Node& node);

// Reads a plain true or false.
Status ReadBool(const YamlFile& file, const YAML::Node& node, std::string_view key, bool* out);

// Reads a plain finite number. A quoted one ("99.9") is an error with a hint to drop the quotes.
Status ReadNumber(const YamlFile& file, const YAML::Node& node, std::string_view key, double* out);

// Reads one of names; *index is its position. Messages name the kind ("scope", "risk"...) and
// list the names, with a suggestion.
Status ReadEnum(const YamlFile& file, const YAML::Node& node, std::string_view kind,
                const Names& names, std::size_t* index);

// Reads an ISO 4217 code (three letters, any case) into *out, upper case.
Status ReadCurrencyCode(const YamlFile& file, const YAML::Node& node, std::string_view key,
                        std::string* out);

// Reads a parsed file's root.
using FileReader = std::function<Status(const YamlFile&, const YAML::Node&)>;

// Parses source (nothing when it is null) and hands its root to read, returning read's Status.
// Errors: those of YamlFile::Parse; a yaml-cpp exception thrown by read, at its mark.
Status ParseAndRead(const SourceFile* source, const FileReader& read);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_YAML_FIELDS_H_

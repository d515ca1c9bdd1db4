// Concept vocabularies: concepts.yaml names regex fragments ("security_incident", "obligation")
// that any pattern of the rule directory refers to as {{name}} instead of repeating the
// alternation; at load time each reference becomes a non-capturing group holding the fragment.
// A concept may refer to other concepts; a cycle, an unknown name or a malformed reference is an
// error at the file:line:column of the reference. See docs/rules.md, "Concepts".
#ifndef CLAUSESCAN_RULES_CONCEPTS_H_
#define CLAUSESCAN_RULES_CONCEPTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/yaml_fields.h"

namespace clausescan::internal {

// A pattern expanded with its concepts may be at most this long (bytes): the fragments a rule
// needs are a few hundred bytes, and RE2 would refuse a pattern much longer anyway.
inline constexpr std::size_t kMaxExpandedPattern = std::size_t{64} << 10;
// Concepts may refer to concepts that refer to concepts... at most this many levels deep.
inline constexpr std::size_t kMaxConceptDepth = 16;

// One concept of concepts.yaml.
struct Concept {
  std::string name;      // "security_incident"
  std::string written;   // its fragment as written (list items joined by '|'), with references
  std::string expanded;  // with every reference expanded; what {{name}} stands for
  int line = 0;          // of its name in concepts.yaml
};

// The concepts of a rule directory (none without concepts.yaml), expanded and checked.
class Concepts {
 public:
  // Reads concepts.yaml's root: a map from a name ([a-z][a-z0-9_]*) to a fragment, a string or a
  // list of alternatives (joined by '|'). Each fragment is expanded and must compile alone as an
  // RE2 pattern (so it cannot close a group it did not open). Errors at file:line:column: not a
  // map, a bad name, a value that is not a string or list of strings, a malformed reference, an
  // unknown name (with a suggestion), a cycle (naming its concepts in order, at the reference
  // that closes it), nesting deeper than kMaxConceptDepth, a fragment that expands past
  // kMaxExpandedPattern bytes or the file past kMaxYamlTextBytes of expanded text, an invalid
  // fragment.
  static Status Read(const YamlFile& file, const YAML::Node& root, Concepts* out);

  // The concept named name, or nullptr.
  const Concept* Find(std::string_view name) const;
  // Every concept, in name order.
  const std::vector<Concept>& entries() const { return entries_; }
  // The file they were read from ("" when the rule directory has none).
  const std::string& file() const { return file_; }

 private:
  std::vector<Concept> entries_;  // sorted by name
  std::string file_;
};

// Expands the concept references of the patterns of one file. Each expansion counts toward the
// file's kMaxYamlTextBytes of text, as YAML aliases do, so a small file cannot name a large
// concept a million times. Keeps references to file and concepts, which must outlive it.
class PatternExpander {
 public:
  PatternExpander(const YamlFile& file, const Concepts& concepts)
      : file_(file), concepts_(concepts) {}

  const YamlFile& file() const { return file_; }

  // Sets *out to pattern (the string value of node) with each {{name}} replaced by
  // (?:fragment); a pattern without a reference is copied as it is. '\' escapes the next
  // character, so '\{\{' is two literal braces. Errors at the reference's file:line:column: a
  // '{{' that does not start {{name}}, an unknown concept (with a suggestion); at node: a
  // pattern longer than kMaxExpandedPattern bytes as written or once expanded, or the file's
  // patterns past kMaxYamlTextBytes of added text.
  Status Expand(const YAML::Node& node, const std::string& pattern, std::string* out);

 private:
  const YamlFile& file_;
  const Concepts& concepts_;
  std::size_t added_ = 0;  // bytes the file's expansions added
};

// True when pattern contains "{{" (it may refer to a concept).
inline bool MayReferToConcept(std::string_view pattern) {
  return pattern.find("{{") != std::string_view::npos;
}

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_CONCEPTS_H_

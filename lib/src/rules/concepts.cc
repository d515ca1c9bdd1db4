#include "rules/concepts.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

#include "match/matcher.h"
#include "rules/rule_loader.h"

namespace clausescan::internal {
namespace {

// A {{name}} in a pattern: pattern[begin, end) and the name inside.
struct Reference {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string name;
};

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// The references of pattern, in order. Sets *bad to the offset of a "{{" that does not start
// {{name}} (and returns the references before it), else to npos. '\' escapes the next character.
std::vector<Reference> FindReferences(std::string_view pattern, std::size_t* bad) {
  *bad = std::string_view::npos;
  std::vector<Reference> references;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '\\') {
      i += 2;
    } else if (pattern.compare(i, 2, "{{") == 0) {
      const std::size_t name = i + 2;
      std::size_t end = name;
      while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
      if (end == name || !(pattern[name] >= 'a' && pattern[name] <= 'z') ||
          pattern.compare(end, 2, "}}") != 0) {
        *bad = i;
        return references;
      }
      references.push_back(Reference{i, end + 2, std::string(pattern.substr(name, end - name))});
      i = end + 2;
    } else {
      ++i;
    }
  }
  return references;
}

// Where in the file the byte at offset of value (the string of node) was written. YAML quoting
// never makes or breaks a "{{" (single quotes escape only quotes; "\{" is no double-quoted
// escape), so the n-th "{{" of the value is the n-th "{{" of the text from the node's start.
// Falls back to the node's own mark when that text cannot be found.
YAML::Mark MarkOf(const YamlFile& file, const YAML::Node& node, std::string_view value,
                  std::size_t offset) {
  YAML::Mark mark = node.Mark();
  const std::string& text = file.source().content;
  if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text.size()) {
    return mark;
  }
  std::size_t count = 0;  // "{{" before offset in value
  for (std::size_t i = value.find("{{"); i < offset; i = value.find("{{", i + 2)) ++count;
  std::size_t at = text.find("{{", static_cast<std::size_t>(mark.pos));
  for (; at != std::string::npos && count > 0; --count) at = text.find("{{", at + 2);
  if (at == std::string::npos) return mark;
  for (std::size_t i = static_cast<std::size_t>(mark.pos); i < at; ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else {
      ++mark.column;
    }
  }
  mark.pos = static_cast<int>(at);
  return mark;
}

// Finds what a reference stands for: sets *expansion (kept alive by the caller) or fails with
// an error at mark.
using Lookup = std::function<Status(const Reference& reference, const YAML::Mark& mark,
                                    const std::string** expansion)>;

// Expands the references of pattern (the string of node) through lookup into *out. *added
// receives the bytes the expansion added.
// A pattern written out past kMaxExpandedPattern: the bound holds whether or not concepts
// make the length.
Status TooLongAsWritten(const YamlFile& file, const YAML::Node& node) {
  return file.At(node, fmt::format("the pattern is longer than {} bytes", kMaxExpandedPattern));
}

Status ExpandWith(const YamlFile& file, const YAML::Node& node, const std::string& pattern,
                  const Lookup& lookup, std::string* out, std::size_t* added) {
  *added = 0;
  std::size_t bad = 0;
  const std::vector<Reference> references = FindReferences(pattern, &bad);
  if (bad != std::string_view::npos) {
    return file.AtMark(MarkOf(file, node, pattern, bad),
                       "'{{' starts a concept reference: write {{name}} with the name of a "
                       "concept of concepts.yaml, or '\\{' for a literal brace");
  }
  if (references.empty()) {
    if (pattern.size() > kMaxExpandedPattern) return TooLongAsWritten(file, node);
    *out = pattern;
    return std::nullopt;
  }
  std::string expanded;
  std::size_t copied = 0;
  for (const Reference& reference : references) {
    const std::string* fragment = nullptr;
    CLAUSESCAN_RETURN_IF_ERROR(
        lookup(reference, MarkOf(file, node, pattern, reference.begin), &fragment));
    expanded.append(pattern, copied, reference.begin - copied);
    if (expanded.size() + fragment->size() + 4 > kMaxExpandedPattern) {
      return file.At(node, fmt::format("with its concepts expanded the pattern is longer than "
                                       "{} bytes",
                                       kMaxExpandedPattern));
    }
    expanded += "(?:";
    expanded += *fragment;
    expanded += ')';
    copied = reference.end;
  }
  expanded.append(pattern, copied, std::string::npos);
  if (expanded.size() > kMaxExpandedPattern) {
    return file.At(node, fmt::format("with its concepts expanded the pattern is longer than {} "
                                     "bytes",
                                     kMaxExpandedPattern));
  }
  *added = expanded.size() - std::min(expanded.size(), pattern.size());
  *out = std::move(expanded);
  return std::nullopt;
}

Status TooMuchText(const YamlFile& file, const YAML::Node& node) {
  return file.At(node, fmt::format("the file's patterns expand to more than {} MiB of text with "
                                   "their concepts (each reference counts its concept's text)",
                                   kMaxYamlTextBytes >> 20));
}

std::string UnknownConcept(const std::string& name, const Names& known,
                           const std::string& concepts_file) {
  if (concepts_file.empty()) {
    return fmt::format("unknown concept '{}': the rule directory has no concepts.yaml", name);
  }
  return fmt::format("unknown concept '{}'{}", name, DidYouMean(name, known));
}

// A concept being read: its entry, its name and alternatives as nodes, and how far its
// expansion got.
struct Draft {
  Concept entry;
  std::vector<std::pair<std::string, YAML::Node>> alternatives;  // as written, with their nodes
  enum class State { kNew, kExpanding, kDone } state = State::kNew;
};

// Expands the drafts depth first, finding cycles on the way.
class Resolver {
 public:
  Resolver(const YamlFile& file, std::vector<Draft>* drafts) : file_(file), drafts_(*drafts) {
    for (const Draft& draft : drafts_) names_.push_back(draft.entry.name);
  }

  Status Resolve(std::size_t index) {
    Draft& draft = drafts_[index];
    if (draft.state == Draft::State::kDone) return std::nullopt;
    draft.state = Draft::State::kExpanding;
    path_.push_back(index);
    std::string expanded;
    for (const auto& [written, node] : draft.alternatives) {
      std::string alternative;
      std::size_t added = 0;
      CLAUSESCAN_RETURN_IF_ERROR(ExpandWith(
          file_, node, written,
          [&](const Reference& reference, const YAML::Mark& mark, const std::string** out) {
            return Refer(reference, mark, out);
          },
          &alternative, &added));
      added_ += added;
      if (added_ > kMaxYamlTextBytes) return TooMuchText(file_, node);
      const std::string error =
          file_.source().checked_at_build ? std::string() : CheckPattern(alternative);
      if (!error.empty()) {
        return file_.At(
            node, fmt::format("invalid pattern in concept '{}': {}{}", draft.entry.name, error,
                              alternative == written ? "" : " (concepts expanded)"));
      }
      if (!expanded.empty()) expanded += '|';
      expanded += alternative;
      if (expanded.size() > kMaxExpandedPattern) {
        return file_.At(node, fmt::format("concept '{}' expands to more than {} bytes",
                                          draft.entry.name, kMaxExpandedPattern));
      }
    }
    draft.entry.expanded = std::move(expanded);
    draft.state = Draft::State::kDone;
    path_.pop_back();
    return std::nullopt;
  }

 private:
  // " -> "-joined names of the path from position from, then name.
  std::string PathFrom(std::size_t from, const std::string& name) const {
    std::string text;
    for (std::size_t i = from; i < path_.size(); ++i) {
      text += drafts_[path_[i]].entry.name + " -> ";
    }
    return text + name;
  }

  Status Refer(const Reference& reference, const YAML::Mark& mark, const std::string** out) {
    auto it = std::lower_bound(
        drafts_.begin(), drafts_.end(), reference.name,
        [](const Draft& draft, const std::string& name) { return draft.entry.name < name; });
    if (it == drafts_.end() || it->entry.name != reference.name) {
      return file_.AtMark(mark, UnknownConcept(reference.name, names_, file_.source().name));
    }
    const std::size_t index = static_cast<std::size_t>(it - drafts_.begin());
    if (it->state == Draft::State::kExpanding) {
      const std::size_t from =
          static_cast<std::size_t>(std::find(path_.begin(), path_.end(), index) - path_.begin());
      return file_.AtMark(mark, fmt::format("concept '{}' refers to itself: {}", reference.name,
                                            PathFrom(from, reference.name)));
    }
    if (it->state == Draft::State::kNew && path_.size() >= kMaxConceptDepth) {
      return file_.AtMark(mark, fmt::format("concepts nest more than {} levels deep: {}",
                                            kMaxConceptDepth, PathFrom(0, reference.name)));
    }
    CLAUSESCAN_RETURN_IF_ERROR(Resolve(index));
    *out = &drafts_[index].entry.expanded;
    return std::nullopt;
  }

  const YamlFile& file_;
  std::vector<Draft>& drafts_;     // sorted by name
  Names names_;                    // for suggestions
  std::vector<std::size_t> path_;  // the concepts being expanded, outermost first
  std::size_t added_ = 0;
};

Status ReadDraft(const YamlFile& file, const std::string& name, const YAML::Node& key,
                 const YAML::Node& value, Draft* out) {
  if (!IsParamName(name)) {
    return file.At(key, fmt::format("invalid concept name '{}': use lower-case letters, digits "
                                    "and '_', starting with a letter",
                                    name));
  }
  out->entry.name = name;
  out->entry.line = key.Mark().line + 1;
  if (value.IsSequence()) {
    std::vector<std::string> items;
    std::vector<YAML::Node> nodes;
    CLAUSESCAN_RETURN_IF_ERROR(ReadNonEmptyStringList(file, value, name, &items, &nodes));
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!out->entry.written.empty()) out->entry.written += '|';
      out->entry.written += items[i];
      out->alternatives.emplace_back(std::move(items[i]), nodes[i]);
    }
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    return file.At(value, fmt::format("expected a pattern or a list of patterns for concept "
                                      "'{}', found {}",
                                      name, KindName(value)));
  }
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, value, name, &out->entry.written));
  out->alternatives.emplace_back(out->entry.written, value);
  return std::nullopt;
}

}  // namespace

Status Concepts::Read(const YamlFile& file, const YAML::Node& root, Concepts* out) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, root, "concepts", {}, &fields));
  std::vector<Draft> drafts;
  drafts.reserve(fields.entries().size());
  for (const auto& [name, entry] : fields.entries()) {
    Draft draft;
    CLAUSESCAN_RETURN_IF_ERROR(ReadDraft(file, name, entry.first, entry.second, &draft));
    drafts.push_back(std::move(draft));
  }
  // Names are unique (ReadMapEntries); expansion goes in file order so the first problem in
  // the file is the one reported.
  std::vector<std::size_t> file_order(drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) file_order[i] = i;
  std::vector<std::size_t> by_name = file_order;
  std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) {
    return drafts[a].entry.name < drafts[b].entry.name;
  });
  std::vector<Draft> sorted;
  std::vector<std::size_t> position(drafts.size());  // file index -> sorted index
  sorted.reserve(drafts.size());
  for (std::size_t i = 0; i < by_name.size(); ++i) {
    position[by_name[i]] = i;
    sorted.push_back(std::move(drafts[by_name[i]]));
  }
  Resolver resolver(file, &sorted);
  for (std::size_t i : file_order) CLAUSESCAN_RETURN_IF_ERROR(resolver.Resolve(position[i]));
  Concepts concepts;
  concepts.file_ = file.source().name;
  concepts.entries_.reserve(sorted.size());
  for (Draft& draft : sorted) concepts.entries_.push_back(std::move(draft.entry));
  *out = std::move(concepts);
  return std::nullopt;
}

const Concept* Concepts::Find(std::string_view name) const {
  auto it =
      std::lower_bound(entries_.begin(), entries_.end(), name,
                       [](const Concept& entry, std::string_view key) { return entry.name < key; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

Status PatternExpander::Expand(const YAML::Node& node, const std::string& pattern,
                               std::string* out) {
  if (!MayReferToConcept(pattern)) {
    if (pattern.size() > kMaxExpandedPattern) return TooLongAsWritten(file_, node);
    *out = pattern;
    return std::nullopt;
  }
  std::size_t added = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ExpandWith(
      file_, node, pattern,
      [&](const Reference& reference, const YAML::Mark& mark, const std::string** fragment) {
        const Concept* entry = concepts_.Find(reference.name);
        if (entry == nullptr) {
          Names known;
          for (const Concept& c : concepts_.entries()) known.push_back(c.name);
          return Status(
              file_.AtMark(mark, UnknownConcept(reference.name, known, concepts_.file())));
        }
        *fragment = &entry->expanded;
        return Status();
      },
      out, &added));
  added_ += added;
  if (added_ > kMaxYamlTextBytes) return TooMuchText(file_, node);
  return std::nullopt;
}

}  // namespace clausescan::internal

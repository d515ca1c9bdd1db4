#include "rules/catalogues.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <utility>

namespace clausescan::internal {
namespace {

Status ReadCategories(const YamlFile& file, const YAML::Node& root, Catalogs* out) {
  return ForEachCatalogEntry(
      file, root, "category", {"id", "title", "headings"}, {"id", "title"},
      [&](const Fields& fields, std::string id) -> Status {
        CategoryInfo category{std::move(id), {}};
        CLAUSESCAN_RETURN_IF_ERROR(
            ReadString(file, *fields.Find("title"), "title", &category.title));
        if (const YAML::Node* headings = fields.Find("headings")) {
          std::string kind;
          CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *headings, "headings", &kind));
          if (kind != "measures") {
            return file.At(*headings, fmt::format("unknown headings '{}' (known: measures)", kind));
          }
          category.measure_headings = true;
        }
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
  return ForEachCatalogEntry(
      file, root, "evidence", {"id", "title", "description", "called_for_by"}, {"id", "title"},
      [&](const Fields& fields, std::string id) -> Status {
        EvidenceEntry evidence{std::move(id), {}, {}, {}};
        CLAUSESCAN_RETURN_IF_ERROR(
            ReadString(file, *fields.Find("title"), "title", &evidence.title));
        CLAUSESCAN_RETURN_IF_ERROR(
            ReadOptionalString(file, fields, "description", &evidence.description));
        if (const YAML::Node* node = fields.Find("called_for_by")) {  // issue 13 s7 #3
          CLAUSESCAN_RETURN_IF_ERROR(
              ReadNonEmptyStringList(file, *node, "called_for_by", &evidence.called_for_by));
        }
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

Status RequireFile(const SourceFile* file, std::string_view name, const std::string& origin) {
  if (file != nullptr) return std::nullopt;
  return Error(ErrorCode::kRuleError, fmt::format("the rule directory has no {}", name), origin);
}

}  // namespace

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
  return ParseAndRead(special.concepts, [&](const YamlFile& f, const YAML::Node& n) {
    return Concepts::Read(f, n, &out->concepts);
  });
}

}  // namespace clausescan::internal

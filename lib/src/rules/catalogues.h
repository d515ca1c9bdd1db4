// The catalogues of a rule set: categories.yaml, controls.yaml, evidence.yaml, parties.yaml.
#ifndef CLAUSESCAN_RULES_CATALOGUES_H_
#define CLAUSESCAN_RULES_CATALOGUES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/concepts.h"
#include "rules/model.h"
#include "rules/rule_files.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// What the catalogues declare; rules, playbooks and document types are checked against it.
struct Catalogs {
  std::vector<CategoryInfo> categories;
  std::vector<ControlEntry> controls;
  std::vector<EvidenceEntry> evidence;
  PartyLexicon parties;
  Concepts concepts;  // concepts.yaml; none without it
};

// Reads root as a list of maps (each an entry of what: "category", "control"...) with keys from
// allowed, the required ones present and a unique non-empty 'id', and calls read for each
// entry's fields and id in order. Errors: the first of read's, or of the entry's shape.
Status ForEachCatalogEntry(const YamlFile& file, const YAML::Node& root, std::string_view what,
                           const Names& allowed, const Names& required,
                           const std::function<Status(const Fields&, std::string id)>& read);

// Reads the catalogues of special into *out (controls sorted by their numbers: A.5.2 before
// A.5.10; party words lower-cased; concepts expanded). Errors: categories.yaml or parties.yaml missing (naming
// origin), or the first problem in a catalogue, at file:line:column.
Status ReadCatalogs(const SpecialFiles& special, const std::string& origin, Catalogs* out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_CATALOGUES_H_

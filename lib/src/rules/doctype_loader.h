// Reading doctypes.yaml (see docs/rules.md): the document types, how each is guessed, and
// what each is expected to contain.
#ifndef CLAUSESCAN_RULES_DOCTYPE_LOADER_H_
#define CLAUSESCAN_RULES_DOCTYPE_LOADER_H_

#include <vector>

#include "rules/catalogues.h"
#include "rules/model.h"
#include "rules/playbook_loader.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// Reads the document types of root into *out, checking categories against catalogs and
// conditions against declared. Errors: the first problem at file:line:column.
Status ReadDocTypes(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, std::vector<DocType>* out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_DOCTYPE_LOADER_H_

// Placeholder rationales for tests that build rule folders of categories of their own: every
// rule needs a rationale, its own or its category's (issue 14), and tests of other stages
// should not each spell one out.
#ifndef CLAUSESCAN_TESTS_UNIT_TEST_RATIONALE_FILES_H_
#define CLAUSESCAN_TESTS_UNIT_TEST_RATIONALE_FILES_H_

#include <regex>
#include <string>
#include <vector>

#include "rules/model.h"

namespace clausescan::internal::test_rules {

// A rationale.yaml for category id, with one source.
inline std::string PlaceholderRationale(const std::string& id) {
  return "category: " + id +
         "\nrationale: The buyer asks for a test.\nsources:\n"
         "  - {title: Test source, url: \"https://example.com/test\", says: Test., read: \"https://example.com/test\"}\n";
}

// Appends "<id>/rationale.yaml" (PlaceholderRationale) to *files for every category id of its
// categories.yaml (`id: X` entries) that no rationale.yaml of *files names.
inline void AddPlaceholderRationales(std::vector<SourceFile>* files) {
  std::vector<std::string> ids;
  std::string named;  // the text of every rationale.yaml
  for (const SourceFile& file : *files) {
    const std::string& name = file.name;
    if (name == "categories.yaml" ||
        (name.size() > 16 && name.compare(name.size() - 16, 16, "/categories.yaml") == 0)) {
      const std::regex id(R"(\bid:\s*([A-Za-z0-9_.-]+))");
      for (auto it = std::sregex_iterator(file.content.begin(), file.content.end(), id);
           it != std::sregex_iterator(); ++it) {
        ids.push_back((*it)[1]);
      }
    } else if (name.size() >= 14 && name.compare(name.size() - 14, 14, "rationale.yaml") == 0) {
      named += file.content + "\n";
    }
  }
  for (const std::string& id : ids) {
    if (named.find("category: " + id + "\n") != std::string::npos) continue;
    files->push_back(SourceFile{id + "/rationale.yaml", PlaceholderRationale(id)});
  }
}

}  // namespace clausescan::internal::test_rules

#endif  // CLAUSESCAN_TESTS_UNIT_TEST_RATIONALE_FILES_H_

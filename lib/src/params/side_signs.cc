// The signs a named party supplies the service; see side_signs.h.
#include "params/side_signs.h"

#include <string>
#include <string_view>
#include <vector>

#include "params/parties_in_text.h"
#include "re2/re2.h"

namespace clausescan::internal {

int SupplierSigns(std::string_view text, const std::vector<std::string>& words) {
  int signs = 0;
  for (const std::string& word : words) {
    if (word.empty() || RoleOfWord(word) != Party::kUnknown) continue;
    const RE2 product("(?i)\\b" + RE2::QuoteMeta(word) +
                      "(?:'s)?\\s+(?:[A-Za-z]+\\s+)?(?:platform|solution|solutions|software|"
                      "products?|technology|system|application|applications|saas|hereby grants|"
                      "grants)\\b");
    re2::StringPiece input(text.data(), text.size());
    while (signs < 1000 && RE2::FindAndConsume(&input, product)) ++signs;
  }
  return signs;
}

int ServiceSigns(std::string_view text, const std::vector<std::string>& words) {
  int signs = SupplierSigns(text, words);
  for (const std::string& word : words) {
    if (word.empty() || RoleOfWord(word) != Party::kUnknown) continue;
    const std::string name = RE2::QuoteMeta(word);
    const RE2 provides("(?i)\\b(?:" + name +
                       "(?:\\s+(?:shall|will|must|agrees\\s+to))?\\s+(?:provides?|offers?|"
                       "operates?|hosts?)\\s+(?:the\\s+|its\\s+)?(?:[A-Za-z]+\\s+)?services?|"
                       "services?\\s+(?:offered|provided|operated|hosted)\\s+by\\s+(?:the\\s+)?" +
                       name + "|" + name + "(?:'s|\\x{2019}s)\\s+provision\\s+of)\\b");
    re2::StringPiece input(text.data(), text.size());
    while (signs < 1000 && RE2::FindAndConsume(&input, provides)) ++signs;
  }
  return signs;
}

}  // namespace clausescan::internal

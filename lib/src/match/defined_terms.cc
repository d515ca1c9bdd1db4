#include "match/defined_terms.h"

#include <cctype>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace clausescan::internal {
namespace {

// The leading part of a section number: "16" for "16.5", "7" for "7(b)", "IV" for "IV".
std::string_view TopNumber(std::string_view number) {
  const std::size_t end = number.find_first_of(".( ");
  return end == std::string_view::npos ? number : number.substr(0, end);
}

bool IsDefinitionsTitle(std::string_view title) {
  std::string lower(title);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("definition") != std::string::npos ||
         lower.find("interpretation") != std::string::npos;
}

}  // namespace

DefinedTerms CollectDefinedTerms(const NormalizedText& text, const Outline& outline,
                                 const ConceptReadings* readings) {
  DefinedTerms out;
  out.concepts = ConceptTerms(readings);
  std::map<std::string, int, std::less<>> scope_of_number;
  out.scope.resize(outline.sections.size(), -1);
  for (std::size_t i = 0; i < outline.sections.size(); ++i) {
    const Section& section = outline.sections[i];
    const std::string_view top = TopNumber(section.number);
    int id = static_cast<int>(out.definitions.size());
    if (!top.empty()) {
      auto [it, inserted] = scope_of_number.emplace(std::string(top), id);
      id = it->second;
      if (inserted) out.definitions.push_back(0);
    } else {
      out.definitions.push_back(0);
    }
    out.scope[i] = id;
    // Only a top-level definitions section serves the whole document ("1. Definitions", not
    // "16.5 Liability Definitions", which serves section 16 as its scope anyway).
    const bool top_level =
        top.empty() || TopNumber(section.number).size() + 1 >= section.number.size();
    if (IsDefinitionsTitle(section.title) && top_level) {
      out.definitions[id] = 1;
    }
  }
  for (const Unit& unit : outline.units) {
    if (unit.kind == UnitKind::kHeading || unit.end > text.folded.size()) continue;
    const int scope = out.ScopeOf(unit.section);
    const bool global = scope >= 0 && out.definitions[scope] != 0;
    const std::string_view folded =
        std::string_view(text.folded).substr(unit.begin, unit.end - unit.begin);
    out.glossary.Add(folded, scope, global);
    if (text.text.size() == text.folded.size()) {
      out.concepts.Add(std::string_view(text.text).substr(unit.begin, unit.end - unit.begin),
                       folded);
    }
  }
  return out;
}

}  // namespace clausescan::internal

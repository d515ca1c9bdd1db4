#include "structure/doctype_body.h"

#include <vector>

#include "params/party.h"

namespace clausescan::internal {

std::optional<std::string> TypeGuessBody(const NormalizedText& text, const Outline& outline) {
  const std::string& folded = text.folded;
  std::vector<const Unit*> definitions;
  std::size_t clauses = 0;
  for (const Unit& unit : outline.units) {
    if (unit.kind == UnitKind::kHeading || unit.end > folded.size()) continue;
    ++clauses;
    if (IsDefinition(std::string_view(folded).substr(unit.begin, unit.end - unit.begin))) {
      definitions.push_back(&unit);
    }
  }
  if (definitions.empty() || definitions.size() * 2 < clauses) return std::nullopt;
  std::string body = folded;
  for (const Unit* unit : definitions) {
    for (std::size_t i = unit->begin; i < unit->end; ++i) {
      if (body[i] != '\n') body[i] = ' ';
    }
  }
  return body;
}

}  // namespace clausescan::internal

#include "rules/term_readings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace clausescan::internal {
namespace {

constexpr std::string_view kPrefix = "defined_as_";

// The parts of a reading, in the order a message names them.
constexpr std::string_view kParts[] = {"_opening", "_subject", "_named"};

Error At(const Concepts& concepts, int line, std::string detail) {
  return Error(ErrorCode::kRuleError, std::move(detail), concepts.file(), line, 1);
}

}  // namespace

Status ReadTermReadings(const Concepts& concepts, std::vector<TermReadingSpec>* out) {
  // By concept (the name between the prefix and the part): the three parts' concepts.
  std::map<std::string, std::vector<const Concept*>, std::less<>> parts;
  for (const Concept& c : concepts.entries()) {
    const std::string_view name = c.name;
    if (name.substr(0, kPrefix.size()) != kPrefix) continue;
    const std::string_view rest = name.substr(kPrefix.size());
    std::size_t part = std::size(kParts);
    for (std::size_t p = 0; p < std::size(kParts); ++p) {
      if (rest.size() > kParts[p].size() &&
          rest.substr(rest.size() - kParts[p].size()) == kParts[p]) {
        part = p;
      }
    }
    if (part == std::size(kParts)) {
      return At(concepts, c.line,
                fmt::format("'{}' names no part of a reading: a defined_as_ concept ends in "
                            "_opening, _subject or _named",
                            name));
    }
    const std::string key(rest.substr(0, rest.size() - kParts[part].size()));
    std::vector<const Concept*>& found = parts[key];
    found.resize(std::size(kParts), nullptr);
    found[part] = &c;
  }
  std::vector<TermReadingSpec> readings;
  for (const auto& [key, found] : parts) {
    int line = 0;
    for (const Concept* c : found) {
      if (c != nullptr && (line == 0 || c->line < line)) line = c->line;
    }
    for (std::size_t p = 0; p < std::size(kParts); ++p) {
      if (found[p] == nullptr) {
        return At(concepts, line,
                  fmt::format("the reading of defined terms as '{}' has no {}{}{}: it needs "
                              "_opening, _subject and _named",
                              key, kPrefix, key, kParts[p]));
      }
    }
    if (found[0]->expanded.empty() || found[0]->expanded[0] != '^') {
      return At(concepts, found[0]->line,
                fmt::format("'{}' must start with '^': it says how a definition's body begins",
                            found[0]->name));
    }
    TermReadingSpec spec;
    spec.words = key;
    std::replace(spec.words.begin(), spec.words.end(), '_', ' ');
    spec.opening = found[0]->expanded;
    spec.subject = found[1]->expanded;
    spec.named = found[2]->expanded;
    spec.line = line;
    readings.push_back(std::move(spec));
  }
  std::sort(readings.begin(), readings.end(),
            [](const TermReadingSpec& a, const TermReadingSpec& b) { return a.line < b.line; });
  *out = std::move(readings);
  return std::nullopt;
}

}  // namespace clausescan::internal

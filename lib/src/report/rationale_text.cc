#include "report/rationale_text.h"

#include <algorithm>

namespace clausescan::internal {

std::string RationaleLine(const Rationale& rationale) {
  if (rationale.text.empty()) return {};
  std::string line = rationale.text;
  if (std::size_t stop = line.find(". "); stop != std::string::npos) line.resize(stop + 1);
  if (rationale.sources.empty()) return line;
  line += " (";
  const std::size_t shown = std::min(rationale.sources.size(), kMaxRationaleTitles);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) line += "; ";
    line += rationale.sources[i].title;
  }
  if (rationale.sources.size() > shown) {
    line += "; +" + std::to_string(rationale.sources.size() - shown) + " more";
  }
  return line + ")";
}

}  // namespace clausescan::internal

#include "report/rationale_text.h"

#include <algorithm>

namespace clausescan::internal {

std::string RationaleLine(const Rationale& rationale) {
  if (rationale.text.empty()) return {};
  std::string line = rationale.text;
  if (std::size_t stop = line.find(". "); stop != std::string::npos) line.resize(stop + 1);
  if (line.size() > kMaxRationaleChars) {  // bytes bound characters from above
    std::size_t cut = line.rfind(' ', kMaxRationaleChars);
    if (cut == std::string::npos || cut == 0) {
      cut = kMaxRationaleChars;  // one long word: cut it at a character boundary
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    }
    while (cut > 0 && (line[cut - 1] == ',' || line[cut - 1] == ':' || line[cut - 1] == ';')) {
      --cut;
    }
    line.resize(cut);
    line += " \u2026";
  }
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

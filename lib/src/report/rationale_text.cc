#include "report/rationale_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "report/strings.h"

namespace clausescan::internal {
namespace {

// Words a period follows without ending a sentence in legal citations ("GDPR Art. 28").
constexpr std::array<std::string_view, 16> kAbbreviations = {
    "art", "arts", "no",  "nos", "para", "paras", "s",  "ss",
    "sec", "reg",  "e.g", "i.e", "cf",   "vol",   "ch", "p"};

// End of the first sentence of `text`: the index just past the first period that is followed by
// a space and neither a digit nor a lower-case letter, and that does not close an abbreviation
// of kAbbreviations; text.size() when there is none.
std::size_t FirstSentenceEnd(std::string_view text) {
  for (std::size_t stop = text.find(". "); stop != std::string_view::npos;
       stop = text.find(". ", stop + 1)) {
    std::size_t word = stop;
    while (word > 0 && text[word - 1] != ' ' && text[word - 1] != '(') --word;
    std::string lowered;
    for (char c : text.substr(word, stop - word)) {
      lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool abbreviation =
        std::find(kAbbreviations.begin(), kAbbreviations.end(), lowered) != kAbbreviations.end();
    const std::size_t next = stop + 2;
    const bool continues =
        next < text.size() && (std::isdigit(static_cast<unsigned char>(text[next])) ||
                               std::islower(static_cast<unsigned char>(text[next])));
    if (!abbreviation && !continues) return stop + 1;
  }
  return text.size();
}

}  // namespace

std::string RationaleLine(const Rationale& rationale) {
  if (rationale.text.empty()) return {};
  std::string line = CleanText(rationale.text);
  line.resize(FirstSentenceEnd(line));
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
    line += CleanText(rationale.sources[i].title);
  }
  if (rationale.sources.size() > shown) {
    line += "; +" + std::to_string(rationale.sources.size() - shown) + " more";
  }
  return line + ")";
}

}  // namespace clausescan::internal

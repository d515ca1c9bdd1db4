#include "match/measure_headings.h"

#include <re2/re2.h>

#include <cctype>
#include <string>

#include "common/ascii.h"

namespace clausescan::internal {
namespace {

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// True when text holds one of words as a whole word.
bool NamesAny(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (word.empty()) continue;
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      if ((at == 0 || !IsWordByte(text[at - 1])) &&
          (end == text.size() || !IsWordByte(text[end]))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool HeadingNamesMeasures(std::string_view folded_heading, const PartyLexicon& lexicon) {
  static const RE2 kMeasures(
      "\\b(technical and organi[sz]ational (security )?measures|toms|"
      "security (measures|controls|requirements|standards|safeguards|practices|specifications?|"
      "schedule))\\b",
      RE2::Quiet);
  if (!RE2::PartialMatch(folded_heading, kMeasures)) return false;
  return !NamesAny(folded_heading, lexicon.customer) || NamesAny(folded_heading, lexicon.supplier);
}

bool ReadsAsMeasure(std::string_view folded) {
  static const RE2 kNotAMeasure(
      "\\b(may|might|can|could|should|includes?|means|defined|definition)\\b", RE2::Quiet);
  return !RE2::PartialMatch(folded, kNotAMeasure);
}

MeasureHeadings::MeasureHeadings(const Outline& outline, std::string_view folded,
                                 const PartyLexicon& lexicon)
    : outline_(outline), folded_(folded), lexicon_(lexicon) {
  section_measures_.assign(outline.sections.size(), 0);
  // The enclosing sections of the current one, outermost first (levels strictly increase).
  std::vector<std::size_t> open;
  for (std::size_t s = 0; s < outline.sections.size(); ++s) {
    const Section& section = outline.sections[s];
    while (!open.empty() && outline.sections[open.back()].level >= section.level) open.pop_back();
    const bool enclosed = !open.empty() && section_measures_[open.back()] != 0;
    section_measures_[s] = enclosed || HeadingNamesMeasures(AsciiLower(section.title), lexicon) ? 1 : 0;
    open.push_back(s);
  }
}

bool MeasureHeadings::Under(std::size_t unit) {
  if (unit >= outline_.units.size()) return false;
  for (; next_ <= unit; ++next_) {
    const Unit& seen = outline_.units[next_];
    if (seen.section != line_section_) line_named_ = false;
    if (seen.kind != UnitKind::kHeading || seen.begin >= seen.end || seen.end > folded_.size()) {
      continue;
    }
    if (HeadingNamesMeasures(folded_.substr(seen.begin, seen.end - seen.begin), lexicon_)) {
      line_section_ = seen.section;
      line_named_ = true;
    }
  }
  const Unit& u = outline_.units[unit];
  if (line_named_ && u.section == line_section_) return true;
  return u.section >= 0 && static_cast<std::size_t>(u.section) < section_measures_.size() &&
         section_measures_[u.section] != 0;
}

}  // namespace clausescan::internal

#include "report/rationale_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

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

// Number of characters of UTF-8 `text` (continuation bytes not counted).
std::size_t CharacterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `text` cut to at most `limit` characters: at the last space in reach when there is one past
// half of the limit, else at a character boundary; trailing ",:;" dropped; " …" appended.
std::string CutWithEllipsis(std::string text, std::size_t limit) {
  if (CharacterCount(text) <= limit) return text;
  const std::size_t room = limit > 2 ? limit - 2 : 0;  // " …" takes two characters
  std::size_t cut = 0;
  for (std::size_t chars = 0; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && chars++ == room) break;
  }
  const std::size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > cut / 2) cut = space;
  // A cut inside a parenthesis ("instructions (GDPR Art. …") goes before it: a citation cut in
  // two says nothing and looks like a second one beside the source that follows.
  std::size_t open = std::string::npos;
  int depth = 0;
  for (std::size_t i = 0; i < cut; ++i) {
    if (text[i] == '(' && depth++ == 0) open = i;
    if (text[i] == ')' && depth > 0) --depth;
  }
  if (depth > 0 && open != std::string::npos && open > cut / 2) cut = open;
  while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ':' || text[cut - 1] == ';' ||
                     text[cut - 1] == ' ')) {
    --cut;
  }
  text.resize(cut);
  return text + " \u2026";
}

// The clause a source title starts with: its words up to and including the first that holds a
// digit and a '.' or '-', cut before any '(' ("HSAR 3052.204-72 paragraph (c)" gives "HSAR
// 3052.204-72", "FAR 52.239-1(b)" gives "FAR 52.239-1"); "" when no word is such a number.
std::string CitedClause(const std::string& title) {
  std::size_t start = 0;
  while (start < title.size()) {
    std::size_t end = title.find(' ', start);
    if (end == std::string::npos) end = title.size();
    const std::string_view word(title.data() + start, end - start);
    const bool digit = std::any_of(word.begin(), word.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (digit && word.find_first_of(".-") != std::string_view::npos) {
      const std::size_t paren = word.find('(');
      const std::size_t cut = paren == std::string_view::npos ? end : start + paren;
      return title.substr(0, cut);
    }
    start = end + 1;
  }
  return {};
}

// Whether `line` cites a paragraph of `clause` (CitedClause): the clause followed at once by
// '(' ("FAR 52.239-1(b)"). A sentence that names the clause alone ("DFARS 252.204-7012") still
// gets the source, which says which paragraph.
bool CitesClause(const std::string& line, const std::string& clause) {
  if (clause.empty()) return false;
  for (std::size_t at = line.find(clause); at != std::string::npos;
       at = line.find(clause, at + 1)) {
    const std::size_t next = at + clause.size();
    if (next < line.size() && line[next] == '(') return true;
  }
  return false;
}

}  // namespace

std::string RationaleLineWithin(const Rationale& rationale, std::size_t width) {
  if (rationale.text.empty()) return {};
  std::string sentence = CleanText(rationale.text);
  sentence.resize(FirstSentenceEnd(sentence));
  std::string titles;
  if (!rationale.sources.empty()) {
    const std::string title = CleanText(rationale.sources.front().title);
    // Not when the sentence cites it already (issue 14 third review #4).
    if (sentence.find(title) == std::string::npos && !CitesClause(sentence, CitedClause(title))) {
      titles = " (" + title + ")";
    }
  }
  const std::size_t title_chars = CharacterCount(titles);
  // Fewer characters of a cut sentence say nothing a reader can use ("A US federal contractor
  // must …"): then the sentence gets the line and the source stays in --verbose and JSON.
  constexpr std::size_t kMinSentenceChars = 48;
  if (CharacterCount(sentence) + title_chars <= width || title_chars + kMinSentenceChars <= width) {
    return CutWithEllipsis(sentence, width - title_chars) + titles;
  }
  return CutWithEllipsis(sentence, width);
}

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
  // A title the sentence already cites is not printed again (issue 14 review s7 #2), nor one
  // that starts with a clause the sentence cites (third review #4).
  std::vector<std::string> titles;
  for (const RationaleSource& source : rationale.sources) {
    std::string title = CleanText(source.title);
    if (title.empty() || line.find(title) != std::string::npos) continue;
    if (CitesClause(line, CitedClause(title))) continue;
    titles.push_back(std::move(title));
  }
  if (titles.empty()) return line;
  line += " (";
  const std::size_t shown = std::min(titles.size(), kMaxRationaleTitles);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) line += "; ";
    line += titles[i];
  }
  if (titles.size() > shown) line += "; +" + std::to_string(titles.size() - shown) + " more";
  return line + ")";
}

}  // namespace clausescan::internal

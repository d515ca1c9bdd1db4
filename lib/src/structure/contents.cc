#include "structure/contents.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/ascii.h"

namespace clausescan::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The line without a final page number ("... 12"); the line itself when it ends in none.
std::string_view WithoutPage(std::string_view s) {
  s = Trim(s);
  std::size_t i = s.size();
  while (i > 0 && IsDigit(s[i - 1])) --i;
  if (i == s.size() || s.size() - i > 4 || i == 0 || !IsSpace(s[i - 1])) return s;
  return Trim(s.substr(0, i));
}

}  // namespace

bool IsContentsTitle(std::string_view line) {
  std::string_view s = Trim(line);
  while (!s.empty() && s.front() == '#') s.remove_prefix(1);
  s = Trim(s);
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  const std::string lower = AsciiLower(Trim(s));
  return lower == "contents" || lower == "table of contents" || lower == "contents page" ||
         lower == "table of content";
}

bool HasLeaderAndPage(std::string_view line) {
  std::string_view s = WithoutPage(line);
  if (s.size() == Trim(line).size()) return false;  // no page number
  std::size_t dots = 0;
  while (!s.empty() && (s.back() == '.' || s.back() == '_' || IsSpace(s.back()) ||
                        (s.size() >= 3 && s.substr(s.size() - 3) == "\u2026"))) {
    if (s.back() == '.' || s.back() == '_') {
      ++dots;
      s.remove_suffix(1);
    } else if (IsSpace(s.back())) {
      s.remove_suffix(1);
    } else {
      dots += 3;
      s.remove_suffix(3);
    }
  }
  return dots >= 3 && !s.empty();
}

bool EndsWithPageNumber(std::string_view line) {
  std::string_view rest = WithoutPage(line);
  return rest.size() < Trim(line).size() && std::any_of(rest.begin(), rest.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

bool LooksLikeContentsEntry(std::string_view line) {
  if (HasLeaderAndPage(line)) return true;
  std::string_view s = WithoutPage(line);
  if (s.empty() || s.size() > 120) return false;
  const std::size_t words = static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
  if (words > 16) return false;
  const char last = s.back();
  return last != '.' && last != ';' && last != ':' && last != ',' && last != '!' && last != '?';
}

bool IsDefinitionTableHeader(std::string_view row) {
  std::vector<std::string> cells;
  std::string_view s = Trim(row);
  if (s.empty() || s.front() != '|') return false;
  s.remove_prefix(1);
  while (!s.empty()) {
    const std::size_t bar = s.find('|');
    const std::string cell = AsciiLower(Trim(s.substr(0, bar)));
    if (!cell.empty()) cells.push_back(cell);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  if (cells.size() != 2) return false;
  static const char* const kTerms[] = {"term",       "terms",     "defined term", "defined terms",
                                       "expression", "word",      "definition",   "abbreviation",
                                       "acronym",    "term used", "glossary term"};
  static const char* const kMeanings[] = {"meaning",     "meanings", "definition", "definitions",
                                          "description", "means",    "defined as"};
  auto in = [](const std::string& cell, const auto& list) {
    return std::any_of(std::begin(list), std::end(list),
                       [&](const char* word) { return cell == word; });
  };
  return in(cells[0], kTerms) && in(cells[1], kMeanings);
}

}  // namespace clausescan::internal

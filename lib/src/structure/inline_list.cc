#include "structure/inline_list.h"

#include <array>
#include <string>

#include "common/ascii.h"

namespace clausescan::internal {
namespace {

struct Marker {
  std::size_t begin = 0;
  std::string_view label;  // between the parentheses
};

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "(a)", "(iv)", "(12)" standing as a word.
std::vector<Marker> FindMarkers(std::string_view s) {
  std::vector<Marker> markers;
  for (std::size_t i = s.find('('); i != std::string_view::npos; i = s.find('(', i + 1)) {
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n') continue;
    std::size_t j = i + 1;
    while (j < s.size() && j - i <= 4 && IsLabelChar(s[j])) ++j;
    if (j == i + 1 || j >= s.size() || s[j] != ')') continue;
    if (j + 1 < s.size() && s[j + 1] != ' ' && s[j + 1] != '\n') continue;
    markers.push_back({i, s.substr(i + 1, j - i - 1)});
  }
  return markers;
}

// The label of item n (0-based) of each kind of list.
std::string Label(int kind, int n) {
  static constexpr std::array<std::string_view, 12> kRoman = {
      "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"};
  switch (kind) {
    case 0:
      return n < 26 ? std::string(1, static_cast<char>('a' + n)) : std::string();
    case 1:
      return n < static_cast<int>(kRoman.size()) ? std::string(kRoman[n]) : std::string();
    default:
      return std::to_string(n + 1);
  }
}

}  // namespace

InlineList FindInlineList(std::string_view sentence) {
  const std::vector<Marker> markers = FindMarkers(sentence);
  InlineList best;
  if (markers.size() < 2) return best;
  for (int kind = 0; kind < 3; ++kind) {
    std::vector<std::size_t> starts;
    for (const Marker& marker : markers) {
      if (AsciiLower(marker.label) == Label(kind, static_cast<int>(starts.size()))) {
        starts.push_back(marker.begin);
      }
    }
    if (starts.size() < 2 || starts.size() <= best.items.size()) continue;
    InlineList list;
    list.lead_end = starts.front();
    for (std::size_t k = 0; k < starts.size(); ++k) {
      list.items.emplace_back(starts[k], k + 1 < starts.size() ? starts[k + 1] : sentence.size());
    }
    best = std::move(list);
  }
  return best;
}

}  // namespace clausescan::internal

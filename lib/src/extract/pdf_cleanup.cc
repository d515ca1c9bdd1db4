#include "extract/pdf_cleanup.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace clausescan::internal {
namespace {

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool StartsWithWord(std::string_view s, std::string_view word) {
  return s.size() >= word.size() &&
         std::equal(word.begin(), word.end(), s.begin(), [](char a, char b) {
           return a == std::tolower(static_cast<unsigned char>(b));
         });
}

std::string_view TrimChars(std::string_view s, std::string_view chars) {
  std::size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(chars) - begin + 1);
}

// Length of a page number at the start of s: 1-4 digits, or up to 7 roman numeral letters.
std::size_t NumberLength(std::string_view s) {
  std::size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits > 0) return digits <= 4 ? digits : 0;
  std::size_t roman = 0;
  while (roman < s.size() &&
         std::string_view("ivxlcIVXLC").find(s[roman]) != std::string_view::npos) {
    ++roman;
  }
  return roman <= 7 ? roman : 0;
}

// The letters of a line, lower-cased: what running lines are compared by.
std::string LetterKey(std::string_view line) {
  std::string key;
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      key += static_cast<char>(std::tolower(u));
    } else if (u >= 0x80) {
      key += c;
    }
  }
  return key;
}

// Indexes of the first and last `count` non-blank lines of a page (they may overlap).
std::vector<std::size_t> EdgeLines(const PageLines& page, std::size_t count, bool top) {
  std::vector<std::size_t> lines;
  for (std::size_t k = 0; k < page.size() && lines.size() < count; ++k) {
    std::size_t i = top ? k : page.size() - 1 - k;
    if (!IsBlankLine(page[i])) lines.push_back(i);
  }
  return lines;
}

constexpr std::size_t kMinKeyLetters = 3;
constexpr std::size_t kMinMidPageKeyLetters = 12;
// How many non-blank lines at each edge of a page are compared with the other pages.
constexpr std::size_t kCountedEdgeLines = 6;

}  // namespace

bool IsPageNumberLine(std::string_view line) {
  // Frames around the number: spaces, hyphens, en and em dashes (their UTF-8 bytes), bars.
  constexpr std::string_view kFrame = " \t\r\f-|[]()\xE2\x80\x93\x94";
  std::string_view s = TrimChars(line, kFrame);
  if (s.empty()) return false;
  if (StartsWithWord(s, "page")) s = TrimChars(s.substr(4), " \t.:");
  std::size_t n = NumberLength(s);
  if (n == 0) return false;
  std::string_view rest = TrimChars(s.substr(n), " \t");
  if (rest.empty()) return true;
  if (rest.front() == '/') {
    rest = TrimChars(rest.substr(1), " \t");
  } else if (StartsWithWord(rest, "of ")) {
    rest = TrimChars(rest.substr(3), " \t");
  } else {
    return false;
  }
  std::size_t total = NumberLength(rest);
  return total > 0 && TrimChars(rest.substr(total), " \t").empty();
}

void RemoveRunningLines(std::vector<PageLines>& pages) {
  // Count each (zone, key) once per page, over the edges of the pages.
  std::map<std::pair<int, std::string>, int> counts;
  for (const PageLines& page : pages) {
    std::map<std::pair<int, std::string>, bool> seen;
    for (int zone = 0; zone < 2; ++zone) {
      for (std::size_t i : EdgeLines(page, kCountedEdgeLines, zone == 0)) {
        std::string key = LetterKey(page[i]);
        if (key.size() >= kMinKeyLetters) seen[{zone, key}] = true;
      }
    }
    for (const auto& [zone_key, unused] : seen) ++counts[zone_key];
  }
  int threshold = std::max(2, static_cast<int>((pages.size() + 1) / 2));
  auto running = [&](const std::string& key, int zone) {
    return key.size() >= kMinKeyLetters && counts[{zone, key}] >= threshold;
  };
  for (PageLines& page : pages) {
    std::vector<bool> drop(page.size(), false);
    // Walk in from each edge: running lines and page numbers go, until kRunningZoneLines lines
    // of content have been seen.
    for (int zone = 0; zone < 2; ++zone) {
      int content = 0;
      for (std::size_t i : EdgeLines(page, kCountedEdgeLines, zone == 0)) {
        if (running(LetterKey(page[i]), zone) || IsPageNumberLine(page[i])) {
          drop[i] = true;
        } else if (++content == kRunningZoneLines) {
          break;
        }
      }
    }
    // A long running line found away from the edges (a footer in the middle of a page that
    // holds two printed pages) goes too.
    for (std::size_t i = 0; i < page.size(); ++i) {
      std::string key = LetterKey(page[i]);
      if (key.size() >= kMinMidPageKeyLetters && (running(key, 0) || running(key, 1))) {
        drop[i] = true;
      }
    }
    PageLines kept;
    kept.reserve(page.size());
    for (std::size_t i = 0; i < page.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(page[i]));
    }
    page = std::move(kept);
  }
}

void JoinHyphenatedLines(std::vector<PageLines>& pages) {
  for (std::size_t p = 0; p < pages.size(); ++p) {
    PageLines& page = pages[p];
    for (std::size_t i = 0; i < page.size(); ++i) {
      while (true) {
        std::string& line = page[i];
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (line.size() < 2 || line.back() != '-' || !IsLower(line[line.size() - 2])) break;
        std::string* next = nullptr;
        PageLines* next_page = &page;
        std::size_t next_index = i + 1;
        if (next_index < page.size()) {
          next = &page[next_index];
        } else if (p + 1 < pages.size() && !pages[p + 1].empty()) {
          next_page = &pages[p + 1];
          next_index = 0;
          next = &pages[p + 1][0];
        }
        std::size_t start = next == nullptr ? 0 : next->find_first_not_of(" \t");
        if (next == nullptr || start == std::string::npos || !IsLower((*next)[start])) break;
        line.pop_back();
        line.append(*next, start);
        next_page->erase(next_page->begin() + static_cast<std::ptrdiff_t>(next_index));
      }
    }
  }
}

namespace {

// Characters (code points) in a UTF-8 line.
std::size_t Chars(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The length 90% of the non-blank lines of a page stay within.
std::size_t PageWidth(const PageLines& page) {
  std::vector<std::size_t> lengths;
  for (const std::string& line : page) {
    if (!IsBlankLine(line)) lengths.push_back(Chars(line));
  }
  if (lengths.empty()) return 0;
  std::size_t k = lengths.size() * 9 / 10;
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(k),
                   lengths.end());
  return lengths[k];
}

bool EndsSentence(std::string_view line) {
  while (!line.empty() &&
         (line.back() == ' ' || line.back() == '"' || line.back() == '\'' || line.back() == ')')) {
    line.remove_suffix(1);
  }
  if (line.size() >= 3 && static_cast<unsigned char>(line[line.size() - 3]) == 0xE2 &&
      static_cast<unsigned char>(line[line.size() - 2]) == 0x80) {
    line.remove_suffix(3);  // a closing curly quote
  }
  return line.empty() || std::string_view(".:?!").find(line.back()) != std::string_view::npos;
}

}  // namespace

void JoinWrappedLines(std::vector<PageLines>& pages) {
  for (PageLines& page : pages) {
    std::size_t full =
        static_cast<std::size_t>(static_cast<double>(PageWidth(page)) * kFullLineShare);
    if (full < 20) continue;  // no prose on this page
    PageLines joined;
    joined.reserve(page.size());
    bool open = false;  // the last joined line continues on the next one
    for (std::string& line : page) {
      if (IsBlankLine(line)) {
        open = false;
        joined.push_back(std::move(line));
        continue;
      }
      bool continues = Chars(line) >= full && !EndsSentence(line);  // of this printed line
      if (open) {
        joined.back().append(" ").append(line, line.find_first_not_of(" \t"));
      } else {
        joined.push_back(std::move(line));
      }
      open = continues;
    }
    page = std::move(joined);
  }
}

}  // namespace clausescan::internal

#include "extract/pdf_cleanup.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "common/ascii.h"
#include "text/hyphenation.h"

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
  // "(c)", "(iv)": a list marker standing on its own line, not a page number in brackets.
  const std::string_view trimmed = TrimChars(line, " \t\r\f");
  if (rest.empty() && !trimmed.empty() && trimmed.front() == '(' &&
      !std::isdigit(static_cast<unsigned char>(s.front()))) {
    return false;
  }
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

namespace {

enum class LineFate { kKept, kPageNumber, kRunning };

// Marks the page numbers and the band of running lines at one edge of a page, walking in from
// the edge over at most kCountedEdgeLines non-blank lines and stopping after kRunningZoneLines
// lines of content (lines that are neither page numbers nor running). Page numbers go wherever
// the walk meets them (poppler may put one after a line of the body). The band is the running
// lines before the first line of content; they go only when that line is met and they are at
// most kMaxRunningBandLines: repeated lines that run on further, or up to the other edge, are
// the page's body (pages that are all the same, a form letter printed once per addressee), not
// a header or footer.
template <typename IsRunning>
void MarkEdge(const PageLines& page, bool top, IsRunning is_running, std::vector<LineFate>& fate) {
  std::vector<std::size_t> band;
  int content = 0;
  for (std::size_t i : EdgeLines(page, kCountedEdgeLines, top)) {
    if (IsPageNumberLine(page[i])) {
      fate[i] = LineFate::kPageNumber;
    } else if (is_running(LetterKey(page[i]))) {
      if (content == 0) band.push_back(i);
    } else if (++content == kRunningZoneLines) {
      break;
    }
  }
  if (content == 0 || band.size() > static_cast<std::size_t>(kMaxRunningBandLines)) return;
  for (std::size_t i : band) fate[i] = LineFate::kRunning;
}

}  // namespace

namespace {

// For each line of each page, whether RemoveRunningLines takes it out.
std::vector<std::vector<bool>> DroppedLines(const std::vector<PageLines>& pages) {
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
    if (key.size() < kMinKeyLetters) return false;
    auto it = counts.find({zone, key});
    return it != counts.end() && it->second >= threshold;
  };

  // Mark the page numbers and running bands at the edges of every page (see MarkEdge).
  std::vector<std::vector<LineFate>> fates;
  fates.reserve(pages.size());
  std::set<std::string> band_keys;  // keys of running lines found in a band
  for (const PageLines& page : pages) {
    std::vector<LineFate> fate(page.size(), LineFate::kKept);
    for (int zone = 0; zone < 2; ++zone) {
      MarkEdge(
          page, zone == 0, [&](const std::string& key) { return running(key, zone); }, fate);
    }
    for (std::size_t i = 0; i < page.size(); ++i) {
      if (fate[i] == LineFate::kRunning) band_keys.insert(LetterKey(page[i]));
    }
    fates.push_back(std::move(fate));
  }
  // A long running line found away from the edges (a footer in the middle of a page that holds
  // two printed pages) goes too, once a band has shown it to be running text.
  std::size_t running_lines = 0;
  std::size_t text_lines = 0;  // non-blank lines that are not page numbers
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      LineFate& fate = fates[p][i];
      if (fate == LineFate::kPageNumber || IsBlankLine(pages[p][i])) continue;
      ++text_lines;
      if (fate == LineFate::kKept) {
        std::string key = LetterKey(pages[p][i]);
        if (key.size() >= kMinMidPageKeyLetters && band_keys.count(key) > 0) {
          fate = LineFate::kRunning;
        }
      }
      running_lines += fate == LineFate::kRunning;
    }
  }
  // Running lines are a small part of a document's lines; when they would be half of them,
  // the pages repeat their body (identical pages, a clause on both pages of a two-page PDF), and
  // only page numbers go.
  bool body_repeats = running_lines * 2 >= text_lines;
  std::vector<std::vector<bool>> dropped(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    dropped[p].resize(pages[p].size());
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      const LineFate fate = fates[p][i];
      dropped[p][i] =
          fate == LineFate::kPageNumber || (fate == LineFate::kRunning && !body_repeats);
    }
  }
  return dropped;
}

}  // namespace

void RemoveRunningLines(std::vector<PageLines>& pages) {
  const std::vector<std::vector<bool>> dropped = DroppedLines(pages);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    PageLines kept;
    kept.reserve(pages[p].size());
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      if (!dropped[p][i]) kept.push_back(std::move(pages[p][i]));
    }
    pages[p] = std::move(kept);
  }
}

namespace {

// A band of page furniture in text whose page breaks were lost: at most this many lines that are
// not blank,
constexpr std::size_t kMaxBandLines = 4;
// each a page number or a line whose letters come at least this often in the text,
constexpr int kMinBandRepeats = 3;
// with this many letters at least in its repeated lines.
constexpr std::size_t kMinBandLetters = 12;

}  // namespace

void BlankRepeatedBands(std::string* text) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // begin, size
  for (std::size_t i = 0; i <= text->size();) {
    std::size_t end = text->find('\n', i);
    if (end == std::string::npos) end = text->size();
    lines.emplace_back(i, end - i);
    i = end + 1;
  }
  const auto line = [&](std::size_t k) {
    return std::string_view(*text).substr(lines[k].first, lines[k].second);
  };
  std::vector<std::string> keys(lines.size());
  std::map<std::string, int> counts;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    keys[k] = LetterKey(line(k));
    if (keys[k].size() >= kMinKeyLetters) ++counts[keys[k]];
  }
  const auto repeated = [&](std::size_t k) {
    return keys[k].size() >= kMinKeyLetters && counts[keys[k]] >= kMinBandRepeats;
  };
  std::vector<std::size_t> band;
  for (std::size_t k = 0; k < lines.size();) {
    if (IsBlankLine(line(k)) || !(repeated(k) || IsPageNumberLine(line(k)))) {
      ++k;
      continue;
    }
    // The run of furniture lines from k, blank lines between them allowed.
    band.clear();
    std::size_t letters = 0;
    std::size_t next = k;
    for (; next < lines.size() && band.size() <= kMaxBandLines; ++next) {
      if (IsBlankLine(line(next))) continue;
      if (repeated(next)) {
        letters += keys[next].size();
      } else if (!IsPageNumberLine(line(next))) {
        break;
      }
      band.push_back(next);
    }
    if (band.size() >= 2 && band.size() <= kMaxBandLines && letters >= kMinBandLetters) {
      for (std::size_t b : band) {
        std::fill_n(text->begin() + static_cast<std::ptrdiff_t>(lines[b].first), lines[b].second,
                    ' ');
      }
    }
    k = next;
  }
}

void BlankRunningLines(std::string* text) {
  if (text->find('\f') == std::string::npos) {
    BlankRepeatedBands(text);
    return;
  }
  std::vector<PageLines> pages(1);
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> spans(1);  // begin, size
  for (std::size_t i = 0; i <= text->size();) {
    std::size_t end = text->find_first_of("\n\f", i);
    if (end == std::string::npos) end = text->size();
    pages.back().push_back(text->substr(i, end - i));
    spans.back().emplace_back(i, end - i);
    if (end < text->size() && (*text)[end] == '\f') {
      pages.emplace_back();
      spans.emplace_back();
    }
    i = end + 1;
  }
  if (pages.size() < 2) return;
  const std::vector<std::vector<bool>> dropped = DroppedLines(pages);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      if (!dropped[p][i]) continue;
      const auto [begin, size] = spans[p][i];
      // Spaces in place of its bytes (a '\r' too), so every offset stays the file's.
      std::fill_n(text->begin() + static_cast<std::ptrdiff_t>(begin), size, ' ');
    }
  }
}

namespace {

bool IsAsciiLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// How often each word (ASCII letters and inner hyphens, lower-cased) stands within a line of
// the pages: the document's own evidence of how it writes a compound.
std::map<std::string, int> CountWords(const std::vector<PageLines>& pages) {
  std::map<std::string, int> counts;
  for (const PageLines& page : pages) {
    for (const std::string& line : page) {
      std::size_t i = 0;
      while (i < line.size()) {
        if (!IsAsciiLetter(line[i])) {
          ++i;
          continue;
        }
        std::size_t end = i;
        while (end < line.size() &&
               (IsAsciiLetter(line[end]) ||
                (line[end] == '-' && end + 1 < line.size() && IsAsciiLetter(line[end + 1])))) {
          ++end;
        }
        ++counts[AsciiLower(std::string_view(line).substr(i, end - i))];
        i = end;
      }
    }
  }
  return counts;
}

// True when the hyphen between `left` (the letters before a line-end hyphen) and `right` (the
// letters that start the next line) belongs to the text: after a tens number word, or when the
// document writes the compound with its hyphen within a line more often than it writes the
// joined word.
bool KeepsHyphen(std::string_view left, std::string_view right,
                 const std::map<std::string, int>& words) {
  if (IsTensNumberWord(left)) return true;
  auto count = [&](const std::string& word) {
    auto it = words.find(word);
    return it == words.end() ? 0 : it->second;
  };
  std::string head = AsciiLower(left);
  std::string tail = AsciiLower(right);
  return count(head + "-" + tail) > count(head + tail);
}

}  // namespace

void JoinHyphenatedLines(std::vector<PageLines>& pages) {
  const bool any_hyphen_at_line_end =
      std::any_of(pages.begin(), pages.end(), [](const PageLines& page) {
        return std::any_of(page.begin(), page.end(), [](const std::string& line) {
          std::size_t end = line.find_last_not_of(" \t");
          return end != std::string::npos && end > 0 && line[end] == '-' && IsLower(line[end - 1]);
        });
      });
  if (!any_hyphen_at_line_end) return;
  const std::map<std::string, int> words = CountWords(pages);
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
        std::size_t left = line.size() - 1;
        while (left > 0 && IsAsciiLetter(line[left - 1])) --left;
        std::size_t right = start;
        while (right < next->size() && IsAsciiLetter((*next)[right])) ++right;
        if (!KeepsHyphen(std::string_view(line).substr(left, line.size() - 1 - left),
                         std::string_view(*next).substr(start, right - start), words)) {
          line.pop_back();
        }
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

namespace {

// The number of up to four digits and the spaces that begin line, as {number, length}; {-1, 0}
// when the line begins otherwise (no space after the digits: "12." is a clause number).
std::pair<int, std::size_t> MarginNumber(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const std::size_t digits = i;
  int number = 0;
  while (i < line.size() && i - digits < 4 && std::isdigit(static_cast<unsigned char>(line[i]))) {
    number = number * 10 + (line[i] - '0');
    ++i;
  }
  if (i == digits || i >= line.size() || (line[i] != ' ' && line[i] != '\t')) return {-1, 0};
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size()) return {-1, 0};
  return {number, i};
}

}  // namespace

namespace {

// For the lines of one page: the length of the margin number to take off each (0 for none).
std::vector<std::size_t> MarginNumberLengths(const std::vector<std::string_view>& page) {
  std::vector<std::size_t> lengths(page.size(), 0);
  std::size_t lines = 0;
  std::size_t in_run = 0;
  int last = -1;
  for (std::string_view line : page) {
    if (line.find_first_not_of(" \t\r\f") == std::string_view::npos) continue;
    ++lines;
    const int number = MarginNumber(line).first;
    if (number >= 0 && (last < 0 || number == last + 1)) ++in_run;
    if (number >= 0) last = number;
  }
  if (lines < 6 || static_cast<double>(in_run) < kMarginNumberShare * static_cast<double>(lines)) {
    return lengths;
  }
  for (std::size_t i = 0; i < page.size(); ++i) {
    const auto [number, length] = MarginNumber(page[i]);
    if (number >= 0) lengths[i] = length;
  }
  return lengths;
}

}  // namespace

void RemoveMarginLineNumbers(std::vector<PageLines>& pages) {
  for (PageLines& page : pages) {
    const std::vector<std::size_t> lengths =
        MarginNumberLengths(std::vector<std::string_view>(page.begin(), page.end()));
    for (std::size_t i = 0; i < page.size(); ++i) page[i].erase(0, lengths[i]);
  }
}

void BlankMarginLineNumbers(std::string* text) {
  std::size_t page_begin = 0;
  while (page_begin <= text->size()) {
    std::size_t page_end = text->find('\f', page_begin);
    if (page_end == std::string::npos) page_end = text->size();
    std::vector<std::string_view> lines;
    std::vector<std::size_t> starts;
    for (std::size_t i = page_begin; i <= page_end;) {
      std::size_t end = text->find('\n', i);
      if (end == std::string::npos || end > page_end) end = page_end;
      lines.push_back(std::string_view(*text).substr(i, end - i));
      starts.push_back(i);
      i = end + 1;
    }
    const std::vector<std::size_t> lengths = MarginNumberLengths(lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::fill_n(text->begin() + static_cast<std::ptrdiff_t>(starts[i]), lengths[i], ' ');
    }
    page_begin = page_end + 1;
  }
}

}  // namespace clausescan::internal

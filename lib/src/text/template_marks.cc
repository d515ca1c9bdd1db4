#include "text/template_marks.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace clausescan::internal {
namespace {

constexpr std::string_view kBallotBox = "\xE2\x98\x90";       // U+2610
constexpr std::string_view kBallotBoxCheck = "\xE2\x98\x91";  // U+2611
constexpr std::string_view kBallotBoxX = "\xE2\x98\x92";      // U+2612
constexpr std::string_view kWhiteSquare = "\xE2\x96\xA1";     // U+25A1
constexpr std::string_view kBullet = "\xE2\x80\xA2";          // U+2022
constexpr std::string_view kBlackCircle = "\xE2\x97\x8F";     // U+25CF
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";        // U+2026
constexpr std::string_view kCheckMark = "\xE2\x9C\x93";       // U+2713
constexpr std::string_view kHeavyCheckMark = "\xE2\x9C\x94";  // U+2714
constexpr std::string_view kLeftGuillemet = "\xC2\xAB";       // U+00AB
constexpr std::string_view kRightGuillemet = "\xC2\xBB";      // U+00BB
constexpr std::size_t kMaxPlaceholderBytes = 120;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True when s[i] is past the end or a space: the checkbox stands apart from the words after it.
bool StandsApart(std::string_view s, std::size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
}

// True when s starts with `word` (ASCII, any case) followed by a space or its end.
bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[i]) != word[i]) return false;
  }
  return s.size() == word.size() || s[word.size()] == ' ';
}

// The offset after a bullet ("- ", "* ", "+ ", "• ") at the start of line, or 0.
std::size_t BulletEnd(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return 2;
  }
  if (StartsWith(line, kBullet) && line.size() > kBullet.size() && line[kBullet.size()] == ' ') {
    return kBullet.size() + 1;
  }
  return 0;
}

// The number of '#' of a heading line ("## Title"), or 0.
std::size_t HeadingLevel(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return 0;
  return hashes;
}

// True when the line opens something of its own, which ends the option before it: a checkbox,
// a heading, a table row, a bullet, or a list label ("(a)", "(iv)", "1.", "2)", "b.").
bool OpensItem(std::string_view line) {
  if (line.empty()) return true;
  if (OptionCheckbox(line) != std::string_view::npos || HeadingLevel(line) > 0 || line[0] == '|' ||
      BulletEnd(line) > 0) {
    return true;
  }
  std::size_t i = line[0] == '(' ? 1 : 0;
  std::size_t n = 0;
  while (i + n < line.size() && n <= 4 && (IsDigit(line[i + n]) || IsAlpha(line[i + n]))) ++n;
  if (n == 0 || n > 4 || i + n >= line.size()) return false;
  const char close = line[i + n];
  const bool digits = std::all_of(line.begin() + static_cast<std::ptrdiff_t>(i),
                                  line.begin() + static_cast<std::ptrdiff_t>(i + n), IsDigit);
  if (i == 1) return close == ')';
  return (close == '.' || close == ')') && (digits || n == 1) && StandsApart(line, i + n + 1);
}

// True when the text between brackets is a blank to fill: only blank marks ("●", "___", "...",
// "…") or an instruction ("insert the amount", "Name of Customer", "Date").
bool IsBracketPlaceholder(std::string_view inside) {
  while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
  while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
  if (inside.empty()) return false;  // "[ ]" is a checkbox
  bool only_marks = true;
  for (std::size_t i = 0; i < inside.size() && only_marks;) {
    const char c = inside[i];
    if (c == '_' || c == '.' || c == '*' || c == '-' || c == ' ') {
      ++i;
    } else if (StartsWith(inside.substr(i), kBlackCircle) ||
               StartsWith(inside.substr(i), kBullet) || StartsWith(inside.substr(i), kEllipsis)) {
      i += 3;
    } else {
      only_marks = false;
    }
  }
  // "[*****]", "[ * * * ]", "[...***...]": a redaction (text left out on purpose), not a blank
  // to fill.
  if (only_marks) {
    return inside.find('*') == std::string_view::npos &&
           inside.find_first_not_of("- ") != std::string_view::npos;
  }
  for (std::string_view word : {"insert", "enter", "specify", "describe", "fill", "complete",
                                "select", "name of", "date", "amount", "number"}) {
    if (StartsWithWord(inside, word)) return true;
  }
  return false;
}

// The end of a placeholder that opens at text[i], or 0 when none does. Reads at most
// kMaxPlaceholderBytes + 4 bytes from i, however long the line: a document on one line is
// read in time linear in its length.
std::size_t PlaceholderEnd(std::string_view text, std::size_t i) {
  std::string_view rest = text.substr(i, kMaxPlaceholderBytes + 4);
  rest = rest.substr(0, rest.find('\n'));
  auto closes = [&](std::string_view open, std::string_view close) -> std::size_t {
    if (!StartsWith(rest, open)) return std::string_view::npos;
    const std::size_t at = rest.find(close, open.size());
    return at == std::string_view::npos ? std::string_view::npos : at;
  };
  if (std::size_t at = closes("{{", "}}"); at != std::string_view::npos) {
    return at > 2 ? i + at + 2 : 0;
  }
  if (std::size_t at = closes("{", "}"); at != std::string_view::npos) {
    const std::string_view inside = rest.substr(1, at - 1);
    const bool letters = std::any_of(inside.begin(), inside.end(), IsAlpha);
    return letters || IsBracketPlaceholder(inside) ? i + at + 1 : 0;
  }
  if (std::size_t at = closes("[", "]"); at != std::string_view::npos) {
    return IsBracketPlaceholder(rest.substr(1, at - 1)) ? i + at + 1 : 0;
  }
  if (std::size_t at = closes("<<", ">>"); at != std::string_view::npos) {
    return at > 2 ? i + at + 2 : 0;
  }
  if (std::size_t at = closes(kLeftGuillemet, kRightGuillemet); at != std::string_view::npos) {
    return at > kLeftGuillemet.size() ? i + at + kRightGuillemet.size() : 0;
  }
  return 0;
}

std::size_t CountPlaceholders(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t i = begin; i < end;) {
    const char c = text[i];
    if (c == '{' || c == '[' || c == '<' || c == '\xC2') {
      if (std::size_t stop = PlaceholderEnd(text, i); stop > 0 && stop <= end) {
        ++count;
        i = stop;
        continue;
      }
    }
    ++i;
  }
  return count;
}

// True when line (trimmed) holds one or more placeholders and nothing else but spaces and a
// final ',', ';', '.' or ':'.
bool IsPlaceholderLine(std::string_view line) {
  while (!line.empty() && (line.back() == ',' || line.back() == ';' || line.back() == '.' ||
                           line.back() == ':' || line.back() == ' ')) {
    line.remove_suffix(1);
  }
  if (line.empty()) return false;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t stop = PlaceholderEnd(line, i);
    if (stop == 0) return false;
    i = stop;
  }
  return true;
}

struct Line {
  std::size_t begin;
  std::size_t end;
  std::string_view text;  // without the spaces around it
};

// The line of text that starts at pos (pos <= text.size()).
Line LineAt(std::string_view text, std::size_t pos) {
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  std::string_view s = text.substr(pos, end - pos);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return {pos, end, s};
}

}  // namespace

Checkbox CheckboxAt(std::string_view s) {
  if (StartsWith(s, "[")) {
    const std::size_t close = s.find(']', 1);
    if (close == std::string_view::npos || close > 4) return {};
    const std::string_view inside = s.substr(1, close - 1);
    if (!inside.empty() && inside.find_first_not_of(' ') == std::string_view::npos) {
      return {close + 1, false};
    }
    const bool mark =
        inside == "x" || inside == "X" || inside == kCheckMark || inside == kHeavyCheckMark;
    return mark && StandsApart(s, close + 1) ? Checkbox{close + 1, true} : Checkbox{};
  }
  for (auto [glyph, ticked] : {std::pair{kBallotBox, false}, std::pair{kWhiteSquare, false},
                               std::pair{kBallotBoxCheck, true}, std::pair{kBallotBoxX, true}}) {
    if (StartsWith(s, glyph) && StandsApart(s, glyph.size())) return {glyph.size(), ticked};
  }
  return {};
}

std::size_t OptionCheckbox(std::string_view line) {
  std::size_t i = HeadingLevel(line);
  if (i > 0) ++i;  // the space after the hashes
  i += BulletEnd(line.substr(i));
  return CheckboxAt(line.substr(i)).size > 0 ? i : std::string_view::npos;
}

namespace {

// True when a line stops in the middle of a sentence: its last character is a letter, a digit
// or a comma, so the next line goes on with the same sentence.
bool EndsMidSentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  if (line.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(line.back());
  return std::isalnum(c) || c == ',' || c >= 0x80;
}

// True when `line` goes on with the sentence that `last` left unfinished: last ends mid-sentence
// and line starts with a lower-case letter or a digit ("elect\nexpedited onboarding"), or last
// ends with a comma. A capitalised line after a short label ("[ ] HIPAA\nSupplier shall ...")
// starts something new: hiding contract text as an option is worse than scanning an option.
bool ContinuesSentence(std::string_view last, std::string_view line) {
  if (!EndsMidSentence(last) || line.empty()) return false;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return false;
  const unsigned char c = static_cast<unsigned char>(line[i]);
  std::string_view trimmed = last;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
    trimmed.remove_suffix(1);
  }
  return std::islower(c) || std::isdigit(c) || trimmed.back() == ',';
}

// True when a line holds a second checkbox after the one at `box`: a choice inside a sentence
// ("[ ] will [ ] will not maintain ..."), not an option line.
bool HasAnotherCheckbox(std::string_view line, std::size_t box) {
  const std::size_t first = CheckboxAt(line.substr(box)).size;
  for (std::size_t i = box + first; i < line.size(); ++i) {
    if ((line[i] == '[' || static_cast<unsigned char>(line[i]) == 0xE2) &&
        (i == 0 || line[i - 1] == ' ') && CheckboxAt(line.substr(i)).size > 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

TemplateMarks FindTemplateMarks(std::string_view text) {
  TemplateMarks marks;
  // Lines are read one at a time: a text of millions of short lines needs no list of them.
  std::string_view previous;  // the line before, "" at the start
  for (std::size_t pos = 0; pos <= text.size();) {
    const Line line = LineAt(text, pos);
    pos = line.end + 1;
    const std::string_view before = previous;
    previous = line.text;
    const std::size_t box = OptionCheckbox(line.text);
    if (box == std::string_view::npos || CheckboxAt(line.text.substr(box)).ticked) continue;
    // A checkbox that continues the sentence of the line before ("within\n[ ] hours") is a
    // blank to fill in, and two on one line are a choice inside a sentence: no option lines.
    const std::string_view after_box =
        line.text.substr(box + CheckboxAt(line.text.substr(box)).size);
    if (OptionCheckbox(before) == std::string_view::npos && ContinuesSentence(before, after_box)) {
      continue;
    }
    if (HasAnotherCheckbox(line.text, box)) continue;
    const std::size_t level = HeadingLevel(line.text);
    std::size_t end = line.end;
    std::string_view last = line.text;  // the option's last line so far
    for (; pos <= text.size();) {
      const Line next = LineAt(text, pos);
      const std::string_view s = next.text;
      if (level > 0) {
        const std::size_t other = HeadingLevel(s);
        if ((other > 0 && other <= level) || OptionCheckbox(s) != std::string_view::npos) break;
      } else if (s.empty() || OpensItem(s) || !ContinuesSentence(last, s)) {
        // An option's text wraps onto the next line only while its sentence goes on: a line
        // after a finished sentence is the contract again, not the option.
        break;
      }
      if (!s.empty()) {
        end = next.end;
        last = s;
      }
      previous = s;
      pos = next.end + 1;
    }
    ++marks.options_not_selected;
    if (!marks.unselected.empty() && marks.unselected.back().second + 1 >= line.begin) {
      marks.unselected.back().second = end;  // options on consecutive lines: one range
    } else {
      marks.unselected.emplace_back(line.begin, end);
    }
  }
  std::size_t from = 0;
  for (const auto& [begin, end] : marks.unselected) {
    marks.placeholders += CountPlaceholders(text, from, begin);
    from = end;
  }
  marks.placeholders += CountPlaceholders(text, from, text.size());
  auto option = marks.unselected.begin();
  for (std::size_t pos = 0; pos <= text.size();) {
    const Line line = LineAt(text, pos);
    pos = line.end + 1;
    while (option != marks.unselected.end() && option->second <= line.begin) ++option;
    const bool in_option = option != marks.unselected.end() && option->first <= line.begin;
    if (!in_option && !line.text.empty() &&
        (line.text[0] == '[' || line.text[0] == '{' || line.text[0] == '<' ||
         line.text[0] == '\xC2') &&
        IsPlaceholderLine(line.text)) {
      marks.placeholder_lines.emplace_back(line.begin, line.end);
    }
  }
  return marks;
}

void BlankUnselectedOptions(const TemplateMarks& marks, NormalizedText* text) {
  for (const auto& [begin, end] : marks.unselected) {
    for (std::size_t i = begin; i < end && i < text->text.size(); ++i) {
      if (text->text[i] != '\n') text->text[i] = ' ';
      text->folded[i] = ' ';
    }
  }
}

void BlankPlaceholderLines(const TemplateMarks& marks, NormalizedText* text) {
  for (const auto& [begin, end] : marks.placeholder_lines) {
    for (std::size_t i = begin; i < end && i < text->text.size(); ++i) {
      if (text->text[i] != '\n') text->text[i] = ' ';
      text->folded[i] = ' ';
    }
  }
}

}  // namespace clausescan::internal

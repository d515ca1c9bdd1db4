#include "report/terminal.h"

#include <algorithm>

#include "report/strings.h"

namespace clausescan::internal {

const char* RiskColor(Risk risk) {
  switch (risk) {
    case Risk::kHigh:
      return "\x1b[1;31m";
    case Risk::kMedium:
      return "\x1b[33m";
    case Risk::kLow:
      return "\x1b[32m";
    case Risk::kInfo:
      return "\x1b[2m";
  }
  return "";
}

std::string Styled(std::string_view text, const char* ansi, const TextStyle& style) {
  if (!style.color) return std::string(text);
  return std::string(ansi) + std::string(text) + kReset;
}

std::string RiskLabel(Risk risk, const TextStyle& style) {
  return Styled(AsciiUpper(RiskName(risk)), RiskColor(risk), style);
}

void WriteWords(const std::vector<std::string_view>& words, std::string_view first,
                std::string_view rest, std::ostream& out) {
  std::string line(first);
  std::size_t prefix_width = CharCount(first);
  std::size_t width = prefix_width;
  for (std::string_view word : words) {
    if (word.empty()) continue;
    std::size_t word_width = CharCount(word);
    if (width > prefix_width && width + 1 + word_width > kTextWidth) {
      out << line << '\n';
      line.assign(rest);
      width = prefix_width = CharCount(rest);
    }
    if (width > prefix_width) {
      line += ' ';
      ++width;
    }
    line += word;
    width += word_width;
  }
  out << line << '\n';
}

void WriteWrapped(std::string_view text, std::string_view first, std::string_view rest,
                  std::ostream& out) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = std::min(text.find(' ', pos), text.size());
    words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  WriteWords(words, first, rest, out);
}

}  // namespace clausescan::internal

// Building blocks of the text printers: ANSI styles for risk levels and word wrapping.
#ifndef CLAUSESCAN_REPORT_TERMINAL_H_
#define CLAUSESCAN_REPORT_TERMINAL_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/printers.h"
#include "clausescan/report.h"

namespace clausescan::internal {

constexpr std::size_t kTextWidth = 100;  // wrap column of the text printers
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";

// The ANSI style of a risk: high bold red, medium yellow, low green, info dim.
const char* RiskColor(Risk risk);

// `text` wrapped in the ANSI `style` when style.color is on; else `text` as is.
std::string Styled(std::string_view text, const char* ansi, const TextStyle& style);

// "HIGH", "MEDIUM", "LOW" or "INFO", in the risk's colour when style.color is on.
std::string RiskLabel(Risk risk, const TextStyle& style);

// Writes words separated by single spaces, wrapped at kTextWidth: the first line starts with
// `first`, the others with `rest`. A word longer than a line gets a line of its own. Widths are
// counted in characters, so `first` and `rest` must not hold ANSI codes.
void WriteWords(const std::vector<std::string_view>& words, std::string_view first,
                std::string_view rest, std::ostream& out);

// WriteWords for the words of text (split at spaces).
void WriteWrapped(std::string_view text, std::string_view first, std::string_view rest,
                  std::ostream& out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_TERMINAL_H_

// ControlIdLess: Annex A control ids ordered by the value of their numbers.
#include "common/control_ids.h"

#include <cctype>

namespace clausescan {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The run of digits at text[*pos] without its leading zeros; advances *pos past the run.
std::string_view DigitRun(std::string_view text, std::size_t* pos) {
  std::size_t begin = *pos;
  while (*pos < text.size() && IsDigit(text[*pos])) ++*pos;
  std::string_view run = text.substr(begin, *pos - begin);
  while (run.size() > 1 && run[0] == '0') run.remove_prefix(1);
  return run;
}

}  // namespace

bool ControlIdLess(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (IsDigit(a[i]) && IsDigit(b[j])) {
      std::string_view x = DigitRun(a, &i);
      std::string_view y = DigitRun(b, &j);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace clausescan

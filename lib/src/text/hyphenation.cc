#include "text/hyphenation.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace clausescan::internal {

bool IsTensNumberWord(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  return std::any_of(kTens.begin(), kTens.end(), [&](std::string_view tens) {
    return word.size() == tens.size() &&
           std::equal(tens.begin(), tens.end(), word.begin(), [](char a, char b) {
             return a == std::tolower(static_cast<unsigned char>(b));
           });
  });
}

}  // namespace clausescan::internal

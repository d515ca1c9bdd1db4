// ASCII case folding for the lexicon lookups of the reading stages (heading words, party terms,
// list markers), where only ASCII letters are compared.
#ifndef CLAUSESCAN_COMMON_ASCII_H_
#define CLAUSESCAN_COMMON_ASCII_H_

#include <string>
#include <string_view>

namespace clausescan::internal {

// text with 'A'-'Z' made 'a'-'z'; every other byte (UTF-8 included) as it is. Never fails.
inline std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_ASCII_H_

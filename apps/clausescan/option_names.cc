#include "option_names.h"

#include <string>
#include <string_view>
#include <utility>

namespace clausescan::cli {

Error WithOptionNames(const Error& error) {
  static constexpr std::pair<std::string_view, std::string_view> kOptionOfField[] = {
      {"ScanOptions::max_input_bytes", "--max-input-size"},
      {"ScanOptions::lossy_utf8", "--lossy-utf8"},
      {"ScanOptions::party", "--party"},
  };
  std::string detail = error.detail();
  for (const auto& [field, option] : kOptionOfField) {
    for (std::size_t at = detail.find(field); at != std::string::npos;
         at = detail.find(field, at + option.size())) {
      detail.replace(at, field.size(), option);
    }
  }
  return Error(error.code(), std::move(detail), error.file(), error.line(), error.column(),
               error.byte_offset());
}

}  // namespace clausescan::cli

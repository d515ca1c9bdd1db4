#include "clausescan/result.h"

#include <fmt/format.h>

namespace clausescan {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kUnsupportedFormat: return "unsupported_format";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kRuleError: return "rule_error";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kCorrupt: return "corrupt";
  }
  return "unknown";
}

Error::Error(ErrorCode code, std::string detail, std::string file, int line, int column,
             std::ptrdiff_t byte_offset)
    : code_(code),
      detail_(std::move(detail)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      byte_offset_(byte_offset) {}

std::string Error::message() const {
  if (file_.empty()) return detail_;
  if (line_ > 0 && column_ > 0) return fmt::format("{}:{}:{}: {}", file_, line_, column_, detail_);
  if (line_ > 0) return fmt::format("{}:{}: {}", file_, line_, detail_);
  return fmt::format("{}: {}", file_, detail_);
}

}  // namespace clausescan

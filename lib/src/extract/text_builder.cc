#include "extract/text_builder.h"

#include <fmt/format.h>

namespace clausescan::internal {

Error TextLimitError(std::size_t max_bytes, const std::string& name) {
  return Error(ErrorCode::kTooLarge,
               fmt::format("the extracted text is above the limit of {} bytes (raise the limit "
                           "with ScanOptions::max_text_bytes)",
                           max_bytes),
               name);
}

std::string_view TrimBlank(std::string_view s) {
  constexpr std::string_view kBlank = " \t\r\n\f\v";
  std::size_t begin = s.find_first_not_of(kBlank);
  if (begin == std::string_view::npos) return {};
  std::size_t end = s.find_last_not_of(kBlank);
  return s.substr(begin, end - begin + 1);
}

bool TextBuilder::AddBlock(std::string_view block, std::string_view separator, int page,
                           int paragraph) {
  block = TrimBlank(block);
  if (block.empty() || over_limit_) return false;
  const std::size_t separator_bytes = text_.empty() ? 0 : separator.size();
  // The block, its separator and the final line break MoveTo adds.
  if (block.size() + 1 > max_bytes_ ||
      text_.size() + separator_bytes > max_bytes_ - block.size() - 1) {
    over_limit_ = true;
    return false;
  }
  text_.append(separator, 0, separator_bytes);
  if (spans_.empty() || spans_.back().page != page || spans_.back().paragraph != paragraph) {
    spans_.push_back({text_.size(), page, paragraph});
  }
  text_.append(block);
  return true;
}

void TextBuilder::MoveTo(Document& doc) {
  if (!text_.empty()) text_.push_back('\n');
  doc.text = std::move(text_);
  doc.spans = std::move(spans_);
  text_.clear();
  spans_.clear();
}

}  // namespace clausescan::internal

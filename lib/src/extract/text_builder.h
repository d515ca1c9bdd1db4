// Assembling extracted text block by block, with the source map of where each block came from.
#ifndef CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_
#define CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "extract/document.h"

namespace clausescan::internal {

// The error of a document whose extracted text would pass max_bytes (ReadOptions::max_text_bytes):
// kTooLarge naming `name` and the option that raises the limit.
Error TextLimitError(std::size_t max_bytes, const std::string& name);

class TextBuilder {
 public:
  // A builder whose text (with its final line break) never holds more than max_bytes.
  explicit TextBuilder(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // Appends a block of text, separated from the previous block (if any) by `separator` ("\n\n"
  // between paragraphs, "\n" between PDF pages). A block that is empty after trimming blank
  // space is skipped. When page or paragraph differ from the last span's, a span starts at the
  // block. Returns false when the block was skipped. A block that would take the text past
  // max_bytes is not appended, and every later one is skipped: over_limit() then says so.
  bool AddBlock(std::string_view block, std::string_view separator, int page, int paragraph);

  // True once a block did not fit in max_bytes: the text is incomplete and must not be used.
  bool over_limit() const { return over_limit_; }
  std::size_t max_bytes() const { return max_bytes_; }

  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

  // Moves the text (ending with '\n' when not empty) and spans into doc.
  void MoveTo(Document& doc);

 private:
  std::size_t max_bytes_;
  bool over_limit_ = false;
  std::string text_;
  std::vector<SourceSpan> spans_;
};

// s without leading and trailing spaces, tabs and line breaks.
std::string_view TrimBlank(std::string_view s);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_

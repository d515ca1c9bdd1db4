// Assembling extracted text block by block, with the source map of where each block came from.
#ifndef CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_
#define CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace clausescan::internal {

class TextBuilder {
 public:
  // Appends a block of text, separated from the previous block (if any) by `separator` ("\n\n"
  // between paragraphs, "\n" between PDF pages). A block that is empty after trimming blank
  // space is skipped. When page or paragraph differ from the last span's, a span starts at the
  // block. Returns false when the block was skipped.
  bool AddBlock(std::string_view block, std::string_view separator, int page, int paragraph);

  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

  // Moves the text (ending with '\n' when not empty) and spans into doc.
  void MoveTo(Document& doc);

 private:
  std::string text_;
  std::vector<SourceSpan> spans_;
};

// s without leading and trailing spaces, tabs and line breaks.
std::string_view TrimBlank(std::string_view s);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_TEXT_BUILDER_H_

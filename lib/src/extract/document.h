// Reading input bytes into a Document (the text that finding offsets refer to).
#ifndef CLAUSESCAN_EXTRACT_DOCUMENT_H_
#define CLAUSESCAN_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "clausescan/result.h"

namespace clausescan::internal {

enum class Format { kText, kMarkdown };

// "txt" or "md".
std::string_view FormatName(Format format);

struct Document {
  std::string name;  // path or display name ("<stdin>")
  Format format = Format::kText;
  // Valid UTF-8. For text and Markdown this is the input bytes verbatim (in lossy mode each
  // invalid byte is replaced by '?', so offsets still match the file).
  std::string text;
};

struct ReadOptions {
  bool lossy_utf8 = false;
  std::size_t max_input_bytes = std::size_t{64} << 20;
};

// Reads the whole file. Errors: kIo naming the path and the OS reason; kTooLarge when the file
// exceeds max_bytes.
Result<std::string> ReadFileBytes(const std::string& path, std::size_t max_bytes);

// Builds a Document from bytes. The format is chosen from the name's extension (.md, .markdown
// -> Markdown) and, for names without one (stdin), from the content (Markdown headings, emphasis
// or links). A UTF-8 BOM is kept in text (offsets stay file offsets) but ignored by later stages.
// Errors: kInvalidUtf8 naming the name and the byte offset of the first invalid byte (unless
// lossy_utf8); kTooLarge.
Result<Document> ReadDocument(std::string bytes, const std::string& name,
                              const ReadOptions& options);

// Returns the byte offset of the first invalid UTF-8 sequence in text, or npos when valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t FindInvalidUtf8(std::string_view text);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_DOCUMENT_H_

#include "rules/yaml_quotes.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

namespace clausescan::internal {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Walks the events of one document, finds each node's first character in the source and checks
// every quoted scalar there. Throws Found at the first bad one, to stop the parse.
class QuoteChecker : public YAML::EventHandler {
 public:
  struct Found {
    UnclosedQuote quote;
  };

  explicit QuoteChecker(std::string_view content) : content_(content) {
    // yaml-cpp counts neither a UTF-8 byte order mark nor "\n" in its columns.
    if (content_.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
      bom_ = kUtf8ByteOrderMark.size();
    }
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < content_.size(); ++i) {
      if (content_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { last_ = Offset(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { last_ = Offset(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    const std::size_t start = NodeStart(mark);
    last_ = start;
    if (start < content_.size() && (content_[start] == '"' || content_[start] == '\'')) {
      CheckQuoted(start);
    }
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    Open(mark, style);
  }
  void OnSequenceEnd() override { blocks_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    Open(mark, style);
  }
  void OnMapEnd() override { blocks_.pop_back(); }

  // After a syntax error at mark: checks a quoted string that starts between the last node
  // read and mark. yaml-cpp reports a string closed too late (by the next key's quote) as the
  // syntax error that follows, before it hands over the string.
  void CheckBefore(const YAML::Mark& mark) const {
    const std::size_t end = std::min(Offset(mark), content_.size());
    for (std::size_t i = last_; i < end; ++i) {
      const char c = content_[i];
      if (c == '#' && (i == 0 || IsBlank(content_[i - 1]))) {
        while (i < end && content_[i] != '\n') ++i;
      } else if ((c == '"' || c == '\'') && StartsNode(i)) {
        CheckQuoted(i);
        return;  // closed where it should be: the error lies elsewhere
      }
    }
  }

 private:
  // Whether a quote at content_[i] can open a node: at the start of a line's text, or after
  // ": ", "- ", '[', '{', ',' or "? ".
  bool StartsNode(std::size_t i) const {
    std::size_t j = i;
    while (j > 0 && (content_[j - 1] == ' ' || content_[j - 1] == '\t')) --j;
    if (j == 0 || content_[j - 1] == '\n') return true;
    const char before = content_[j - 1];
    if (before == '[' || before == '{' || before == ',') return true;
    return j < i && (before == ':' || before == '-' || before == '?');
  }

  // The byte offset of mark in content_.
  std::size_t Offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 ||
        static_cast<std::size_t>(mark.line) >= line_starts_.size()) {
      return content_.size();
    }
    return line_starts_[mark.line] + static_cast<std::size_t>(mark.column) +
           (mark.line == 0 ? bom_ : 0);
  }
  // The 0-based line of byte offset.
  std::size_t LineOf(std::size_t offset) const {
    return static_cast<std::size_t>(
               std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
               line_starts_.begin()) -
           1;
  }
  std::size_t ColumnOf(std::size_t offset) const {
    const std::size_t line = LineOf(offset);
    return offset - line_starts_[line] - (line == 0 ? bom_ : 0);
  }

  // The offset of the node's own first character: a node's mark is at its properties (an
  // anchor '&a' or tag '!x', perhaps on the line before) when it has any.
  std::size_t NodeStart(const YAML::Mark& mark) const {
    std::size_t i = Offset(mark);
    while (i < content_.size()) {
      const char c = content_[i];
      if (IsBlank(c)) {
        ++i;
      } else if (c == '#' && i > 0 && IsBlank(content_[i - 1])) {
        while (i < content_.size() && content_[i] != '\n') ++i;
      } else if (c == '&' || c == '!') {
        while (i < content_.size() && !IsBlank(content_[i])) ++i;
      } else {
        break;
      }
    }
    return i;
  }

  // Block lists and maps bound the lines their quoted strings continue on; a flow one inherits
  // its holder's bound (-1 at the root: any line).
  void Open(const YAML::Mark& mark, YAML::EmitterStyle::value style) {
    long bound = blocks_.empty() ? -1 : blocks_.back();
    const std::size_t start = NodeStart(mark);
    last_ = start;
    if (style != YAML::EmitterStyle::Flow && start < content_.size()) {
      bound = static_cast<long>(ColumnOf(start));
    }
    blocks_.push_back(bound);
  }

  // Checks the quoted string whose opening quote is at content_[open].
  void CheckQuoted(std::size_t open) const {
    const char quote = content_[open];
    const long bound = blocks_.empty() ? -1 : blocks_.back();
    for (std::size_t i = open + 1; i < content_.size(); ++i) {
      const char c = content_[i];
      if (quote == '"' && c == '\\') {
        ++i;  // an escaped character, '"' included
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < content_.size() && content_[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted string
        } else {
          return;
        }
      } else if (c == '\n') {
        const std::size_t text = content_.find_first_not_of(" \t\r", i + 1);
        if (text == std::string_view::npos || content_[text] == '\n') continue;
        const std::size_t indent = content_.find_first_not_of(' ', i + 1) - (i + 1);
        if (static_cast<long>(indent) <= bound) {
          Report(open, fmt::format("the quoted string opened here is not closed before line {}, "
                                   "which is not indented more than the map or list holding the "
                                   "string: close the quote, or indent the lines it continues on",
                                   LineOf(i + 1) + 1));
        }
      }
    }
    Report(open, "the quoted string opened here is never closed");
  }

  [[noreturn]] void Report(std::size_t open, std::string detail) const {
    YAML::Mark mark;
    mark.pos = static_cast<int>(open);
    mark.line = static_cast<int>(LineOf(open));
    mark.column = static_cast<int>(ColumnOf(open));
    throw Found{UnclosedQuote{mark, std::move(detail)}};
  }

  std::string_view content_;
  std::size_t bom_ = 0;
  std::vector<std::size_t> line_starts_;  // offset of each line's first byte
  std::vector<long> blocks_;              // the bound of each list or map open
  std::size_t last_ = 0;                  // where the last node read starts
};

}  // namespace

std::optional<UnclosedQuote> FindUnclosedQuote(std::string_view content) {
  std::istringstream events{std::string(content)};
  YAML::Parser parser(events);
  QuoteChecker checker(content);
  try {
    parser.HandleNextDocument(checker);
  } catch (const QuoteChecker::Found& found) {
    return found.quote;
  } catch (const YAML::Exception& e) {
    try {
      checker.CheckBefore(e.mark);
    } catch (const QuoteChecker::Found& found) {
      return found.quote;
    }
    throw;
  }
  return std::nullopt;
}

}  // namespace clausescan::internal

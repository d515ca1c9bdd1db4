#include "common/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <utility>

namespace clausescan::internal {

Result<std::vector<CsvRecord>> ReadCsv(std::string_view text, const std::string& name,
                                       char separator) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Lines end with LF or CRLF: a lone CR, which editors show as a line break or not, would make
  // the line numbers of errors disagree with the editor's.
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
       cr = text.find('\r', cr + 1)) {
    if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(cr), '\n');
    return Error(ErrorCode::kRuleError,
                 "a lone carriage return: save the file with LF or CRLF line ends", name,
                 static_cast<int>(line));
  }
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  bool in_record = false;  // something of the current record has been read
  int line = 1;
  std::size_t i = 0;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    if (in_record) {
      end_field();
      records.push_back(std::move(record));
    }
    record = CsvRecord{};
    in_record = false;
  };
  // Consumes a line break at i (LF or CRLF); true when there was one.
  auto line_break = [&] {
    if (text[i] == '\r') {
      i += 2;
    } else if (text[i] == '\n') {
      ++i;
    } else {
      return false;
    }
    ++line;
    return true;
  };
  while (i < text.size()) {
    if (!in_record) {
      record.line = line;
      if (line_break()) continue;  // an empty line
      in_record = true;
    }
    const char c = text[i];
    if (c == '"' && field.empty()) {
      const int start = line;
      for (++i;; ++i) {
        if (i >= text.size()) {
          return Error(ErrorCode::kRuleError, "a quoted field is never closed (a '\"' is missing)",
                       name, start);
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i];
      }
      if (i < text.size() && text[i] != separator && text[i] != '\r' && text[i] != '\n') {
        if (start != line) {  // issue 13 D16: most likely a quote opened at `start` never closed
          return Error(ErrorCode::kRuleError,
                       "a quoted field opens here and runs on to line " + std::to_string(line) +
                           ", where text follows its closing quote: a '\"' is missing on this "
                           "line, or quote the whole field and write a quote inside it as \"\"",
                       name, start);
        }
        return Error(ErrorCode::kRuleError,
                     "text after the closing quote of a field: quote the whole field and write "
                     "a quote inside it as \"\"",
                     name, line);
      }
      if (i < text.size() && text[i] == separator) {
        ++i;
        end_field();
      }
      continue;
    }
    if (c == separator) {
      ++i;
      end_field();
      continue;
    }
    if (line_break()) {
      end_record();
      continue;
    }
    field += c;
    ++i;
  }
  if (in_record) {
    end_field();
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace clausescan::internal

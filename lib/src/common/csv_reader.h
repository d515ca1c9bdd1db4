// Reading CSV text (RFC 4180 as spreadsheets export it): the SoA exports a profile imports.
#ifndef CLAUSESCAN_COMMON_CSV_READER_H_
#define CLAUSESCAN_COMMON_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"

namespace clausescan::internal {

// One record (row) of a CSV file.
struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Splits text into records. Fields are separated by `separator` (a comma, or the semicolon
// spreadsheets in many European locales write; not '"', CR or LF); records end with LF or CRLF;
// a field in double quotes may hold commas, line breaks and "" for a quote. A UTF-8 byte order
// mark at the start is skipped. A quote inside an unquoted field is kept as a character. Lines
// with nothing on them (blank, or only a final line break) are not records. Errors (kRuleError,
// naming name and the 1-based line): a quoted field that is never closed (at its start), text
// after a closing quote before the next separator or line break (at the line of the closing
// quote; at the field's start when it spans lines, as a quote left open there swallows the lines
// after it), a lone CR (not followed by LF) at its line.
Result<std::vector<CsvRecord>> ReadCsv(std::string_view text, const std::string& name,
                                       char separator = ',');

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_CSV_READER_H_

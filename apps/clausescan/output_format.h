// The report format an --output file's name asks for.
#ifndef CLAUSESCAN_APPS_OUTPUT_FORMAT_H_
#define CLAUSESCAN_APPS_OUTPUT_FORMAT_H_

#include <optional>
#include <set>
#include <string>

namespace clausescan::cli {

// The format named by the extension of `path` (any case): .json json, .jsonl and .ndjson jsonl,
// .sarif and .sarif.json sarif, .csv csv, .md and .markdown md, .html and .htm html, .txt
// text; "" for no extension or one that
// names no format (report.out, results.log: text). When the extension names a format that is
// not in `written` (.xlsx, .pdf, .docx, ...: documents and spreadsheets clausescan never
// writes, or .html for a command that writes no HTML), returns nullopt and sets *error to
// "PATH: clausescan does not write XLSX; name the file .json, .csv, ... or give --format".
std::optional<std::string> FormatOfOutputName(const std::string& path,
                                              const std::set<std::string>& written,
                                              std::string* error);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OUTPUT_FORMAT_H_

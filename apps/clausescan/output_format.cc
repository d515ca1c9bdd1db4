#include "output_format.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <string>

#include "commands.h"

namespace clausescan::cli {

std::optional<std::string> FormatOfOutputName(const std::string& path,
                                              const std::set<std::string>& written,
                                              std::string* error) {
  std::string ext = AsciiLowerCase(std::filesystem::path(path).extension().string());
  // SARIF 2.1.0 (3.2) names a log NAME.sarif or NAME.sarif.json.
  const std::string stem_ext =
      AsciiLowerCase(std::filesystem::path(path).stem().extension().string());
  if (ext == ".json" && stem_ext == ".sarif") ext = ".sarif";
  static const std::map<std::string, std::string> kFormats = {
      {".json", "json"},  {".jsonl", "jsonl"},    {".ndjson", "jsonl"}, {".sarif", "sarif"},
      {".csv", "csv"},    {".md", "md"},          {".markdown", "md"},  {".html", "html"},
      {".htm", "html"},   {".txt", "text"}};
  // Document, spreadsheet, image and archive formats a reader would expect in that format.
  static const std::set<std::string> kNeverWritten = {
      ".pdf",  ".docx", ".doc", ".docm", ".odt",  ".rtf", ".xlsx",  ".xlsm",    ".xls", ".ods",
      ".pptx", ".ppt",  ".odp", ".xml",  ".yaml", ".yml", ".tsv",   ".epub",    ".png", ".jpg",
      ".jpeg", ".gif",  ".svg", ".zip",  ".gz",   ".tar", ".pages", ".numbers", ".key"};
  auto known = kFormats.find(ext);
  if (known != kFormats.end() && written.count(known->second) > 0) return known->second;
  if (known == kFormats.end() && kNeverWritten.count(ext) == 0) return std::string();
  std::string names;
  for (const auto& [extension, format] : kFormats) {
    if (written.count(format) == 0) continue;
    names += (names.empty() ? "" : ", ") + extension;
  }
  std::string upper = ext.substr(1);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  *error = path + ": clausescan does not write " + upper + " here; name the file " + names +
           " (or without extension, for text), or give --format";
  return std::nullopt;
}

}  // namespace clausescan::cli

#include "not_documents.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>

#include "commands.h"

namespace clausescan::cli {
namespace {

struct KindOfExtensions {
  std::string_view kind;
  std::initializer_list<std::string_view> extensions;
};

// Extensions of formats that hold no contract clausescan could read. Word, PDF, HTML, text and
// Markdown are not here, nor .doc/.rtf/.odt (contracts in a format to convert: their error says
// how), nor .json (a contract may be exported as JSON).
const std::array<KindOfExtensions, 8>& NoDocumentExtensions() {
  static const std::array<KindOfExtensions, 8> kinds{{
      {"a spreadsheet", {"xls", "xlsx", "xlsm", "xlsb", "ods", "numbers", "csv", "tsv"}},
      {"a presentation", {"ppt", "pptx", "pptm", "odp", "key"}},
      {"an archive", {"zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz", "zst", "jar"}},
      {"an image", {"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "heic", "ico", "svg"}},
      {"an audio or video file", {"mp3", "mp4", "m4a", "wav", "mov", "avi", "mkv", "webm"}},
      {"a program or library", {"exe", "dll", "so", "dylib", "msi", "bin", "o", "a", "class"}},
      {"a database", {"db", "sqlite", "sqlite3", "mdb", "accdb"}},
      {"an e-mail or calendar file", {"eml", "msg", "ics", "vcf"}},
  }};
  return kinds;
}

// Operating systems' files left in folders, by their lower-case name.
std::optional<std::string> OperatingSystemFile(const std::string& lower_name) {
  if (lower_name == "thumbs.db" || lower_name == "ehthumbs.db") {
    return "a Windows thumbnail cache";
  }
  if (lower_name == "desktop.ini") return "a Windows folder settings file";
  if (lower_name == ".ds_store") return "a macOS folder settings file";
  return std::nullopt;
}

// The top-level keys of a YAML file's first 64 KiB: "key:" at the start of a line.
std::set<std::string> TopLevelKeys(const std::string& path) {
  std::set<std::string> keys;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::size_t read = 0;
  while (read < (std::size_t{64} << 10) && std::getline(in, line)) {
    read += line.size() + 1;
    std::size_t end = 0;
    while (end < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_' ||
            line[end] == '-')) {
      ++end;
    }
    if (end > 0 && end < line.size() && line[end] == ':' &&
        (end + 1 == line.size() || line[end + 1] == ' ' || line[end + 1] == '\r')) {
      keys.insert(line.substr(0, end));
    }
  }
  return keys;
}

bool AllIn(const std::set<std::string>& keys, std::initializer_list<std::string_view> known) {
  return !keys.empty() && std::all_of(keys.begin(), keys.end(), [&](const std::string& key) {
    return std::find(known.begin(), known.end(), key) != known.end();
  });
}

std::string YamlKind(const std::string& path) {
  const std::set<std::string> keys = TopLevelKeys(path);
  if (AllIn(keys, {"soa", "soa_csv", "evidence", "capabilities", "subprocessors"})) {
    return "a clausescan company profile";
  }
  if (AllIn(keys, {"currency", "incident_notification", "data_deletion", "subprocessors",
                   "audit_rights", "indemnification", "liability_cap", "insurance", "sla_uptime",
                   "international_transfers", "security_measures", "data_processing",
                   "governing_law"})) {
    return "a clausescan playbook";
  }
  return "a YAML file";
}

}  // namespace

std::optional<std::string> NoDocumentKind(const std::string& path) {
  const std::filesystem::path file(path);
  const std::string name = AsciiLowerCase(file.filename().string());
  if (auto os = OperatingSystemFile(name)) return os;
  const std::string extension = AsciiLowerCase(file.extension().string());
  if (extension.size() < 2) return std::nullopt;
  const std::string_view ext = std::string_view(extension).substr(1);
  if (ext == "yaml" || ext == "yml") return YamlKind(path);
  for (const KindOfExtensions& kind : NoDocumentExtensions()) {
    for (std::string_view known : kind.extensions) {
      if (ext == known) return std::string(kind.kind) + " (." + std::string(ext) + ")";
    }
  }
  return std::nullopt;
}

}  // namespace clausescan::cli

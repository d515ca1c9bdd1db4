#include "rules/rule_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "rules/loader.h"

namespace clausescan::internal {
namespace {

namespace fs = std::filesystem;

enum class FileRole {
  kCategories,
  kControls,
  kEvidence,
  kParties,
  kDocTypes,
  kPlaybook,
  kRule,
  kOther
};

std::string_view BaseName(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

FileRole RoleOf(std::string_view name) {
  const std::string_view base = BaseName(name);
  if (base == "categories.yaml") return FileRole::kCategories;
  if (base == "controls.yaml") return FileRole::kControls;
  if (base == "evidence.yaml") return FileRole::kEvidence;
  if (base == "parties.yaml") return FileRole::kParties;
  if (base == "doctypes.yaml") return FileRole::kDocTypes;
  if (base == "playbook.yaml") return FileRole::kPlaybook;
  if (EndsWith(name, ".yaml")) return FileRole::kRule;
  return FileRole::kOther;
}

bool IsRuleDirectoryFile(std::string_view name) {
  return EndsWith(name, ".yaml") || EndsWith(name, ".test.txt");
}

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(ErrorCode::kIo, fmt::format("cannot read rule file: {}", std::strerror(errno)),
                 path.string());
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Error(ErrorCode::kIo, "cannot read rule file", path.string());
  return content.str();
}

Error DirectoryError(const std::string& dir, const std::string& reason) {
  return Error(ErrorCode::kIo, fmt::format("cannot read rule directory: {}", reason), dir);
}

}  // namespace

Status Classify(const std::vector<SourceFile>& files, SpecialFiles* out) {
  for (const SourceFile& file : files) {
    const SourceFile** slot = nullptr;
    switch (RoleOf(file.name)) {
      case FileRole::kCategories:
        slot = &out->categories;
        break;
      case FileRole::kControls:
        slot = &out->controls;
        break;
      case FileRole::kEvidence:
        slot = &out->evidence;
        break;
      case FileRole::kParties:
        slot = &out->parties;
        break;
      case FileRole::kDocTypes:
        slot = &out->doctypes;
        break;
      case FileRole::kPlaybook:
        out->playbooks.push_back(&file);
        continue;
      case FileRole::kRule:
        out->rules.push_back(&file);
        continue;
      case FileRole::kOther:
        continue;
    }
    if (*slot != nullptr) {
      return Error(ErrorCode::kRuleError,
                   fmt::format("{} is also at {}; keep one", BaseName(file.name), (*slot)->name),
                   file.name);
    }
    *slot = &file;
  }
  return std::nullopt;
}

Result<std::vector<SourceFile>> ReadRuleDirectory(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return DirectoryError(dir, "no such directory");
  if (!fs::is_directory(status)) return DirectoryError(dir, "not a directory");
  std::vector<SourceFile> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::string name = it->path().lexically_relative(dir).generic_string();
    if (!IsRuleDirectoryFile(name)) continue;
    Result<std::string> content = ReadWholeFile(it->path());
    if (!content) return content.error();
    files.push_back(SourceFile{std::move(name), std::move(*content)});
  }
  if (ec) return DirectoryError(dir, ec.message());
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace clausescan::internal

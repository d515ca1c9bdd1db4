#include "rules/rule_files.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "clausescan/rule_folder.h"
#include "common/path_inside.h"
#include "common/read_file.h"
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
  kConcepts,
  kPlaybook,
  kRationale,
  kSectors,
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
  if (base == "concepts.yaml") return FileRole::kConcepts;
  if (base == "playbook.yaml") return FileRole::kPlaybook;
  if (base == "rationale.yaml") return FileRole::kRationale;
  if (base == "sectors.yaml") return FileRole::kSectors;
  if (EndsWith(name, ".yaml")) return FileRole::kRule;
  return FileRole::kOther;
}

bool IsRuleDirectoryFile(std::string_view name) {
  return EndsWith(name, ".yaml") || EndsWith(name, ".test.txt");
}

Error DirectoryError(const std::string& dir, const std::string& reason) {
  return Error(ErrorCode::kIo, fmt::format("cannot read rule directory: {}", reason), dir);
}

// Why the walk skips the entry at path unopened, or "" when it reads it (a regular file, or a
// link to one).
std::string SkipReason(const fs::path& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "a symbolic link to nothing";
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISFIFO(st.st_mode)) return "it is a FIFO, not a regular file";
  if (S_ISCHR(st.st_mode)) return "it is a character device, not a regular file";
  if (S_ISBLK(st.st_mode)) return "it is a block device, not a regular file";
  if (S_ISSOCK(st.st_mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

// Reads the rule files of a folder tree. Symbolic links to folders are followed, inside the
// tree or out of it (a rule folder assembled from linked category folders), each real folder
// (device and inode) read once, under the first name the walk reaches it by (entries in name
// order), as the folder walks of batch.cc do. A link back to a folder the walk is inside (a
// loop), and /proc, /sys and /dev (unless the tree itself lies there) are skipped, each named
// once (Skipped()), and the rest is read. Rule files that are no regular file are skipped unopened, and named too.
class RuleFolderWalk {
 public:
  // read_files false: the walk only lists what it skips (SkippedRuleFiles).
  explicit RuleFolderWalk(bool read_files = true) : read_files_(read_files) {}

  // Reads the tree at root. Errors (kIo): a folder or file that cannot be read.
  Status WalkRoot(const fs::path& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec) return DirectoryError(root.string(), ec.message());
    return Walk(root, "");
  }

  std::vector<SourceFile> TakeFiles() { return std::move(files_); }
  // The entries skipped, with SkippedRuleFile::path their path below the root.
  std::vector<SkippedRuleFile> TakeSkipped() { return std::move(skipped_); }

 private:
  using FolderId = std::pair<dev_t, ino_t>;

  // Reads the folder at path, named relative ("" for the root) in the files' names.
  Status Walk(const fs::path& path, const std::string& relative) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return DirectoryError(path.string(), std::strerror(errno));
    }
    const FolderId id{st.st_dev, st.st_ino};
    for (const auto& [ancestor_id, ancestor] : ancestors_) {
      if (ancestor_id == id) {
        skipped_.push_back(SkippedRuleFile{
            relative, fmt::format("a symbolic link loop (it leads back to {})", ancestor)});
        return std::nullopt;
      }
    }
    if (!walked_.insert(id).second) return std::nullopt;  // read already, under another name
    ancestors_.emplace_back(id, path.string());
    Status status = WalkEntries(path, relative);
    ancestors_.pop_back();
    return status;
  }

  // Why the walk does not enter the folder at path (reached as a link when `link`), or "".
  std::string FolderSkipReason(const fs::path& path) const {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    if (ec) return "";  // Walk says why it cannot be read
    for (const char* system : {"/proc", "/sys", "/dev"}) {
      if (PathInside(target, system) && !PathInside(root_, system)) {
        return fmt::format("{} is never read for rules", system);
      }
    }
    return "";
  }

  Status WalkEntries(const fs::path& path, const std::string& relative) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) return DirectoryError(path.string(), ec.message());
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      std::string child = relative.empty() ? name : relative + "/" + name;
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        const std::string skip = FolderSkipReason(entry.path());
        if (!skip.empty()) {
          skipped_.push_back(SkippedRuleFile{std::move(child), skip});
          continue;
        }
        CLAUSESCAN_RETURN_IF_ERROR(Walk(entry.path(), child));
      } else if (!IsRuleDirectoryFile(child)) {
        continue;
      } else if (!entry.is_regular_file(type_ec)) {
        skipped_.push_back(SkippedRuleFile{child, SkipReason(entry.path())});
      } else if (read_files_) {
        Result<std::string> content = ReadFileUpTo(entry.path().string(), kMaxRuleFileBytes,
                                                   {"rule file", "rule and playbook files"});
        if (!content) return content.error();
        files_.push_back(SourceFile{std::move(child), std::move(*content)});
      }
    }
    return std::nullopt;
  }

  fs::path root_;  // the root, symbolic links resolved
  std::vector<std::pair<FolderId, std::string>> ancestors_;  // the folders being read
  std::set<FolderId> walked_;                                // every folder read
  bool read_files_;
  std::vector<SourceFile> files_;
  std::vector<SkippedRuleFile> skipped_;
};

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
      case FileRole::kConcepts:
        slot = &out->concepts;
        break;
      case FileRole::kSectors:
        slot = &out->sectors;
        break;
      case FileRole::kPlaybook:
        out->playbooks.push_back(&file);
        continue;
      case FileRole::kRationale:
        out->rationales.push_back(&file);
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

std::string PathInRuleDirectory(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

Error WithPathInRuleDirectory(const Error& error, const std::string& dir,
                              const std::vector<std::string>& names) {
  if (std::find(names.begin(), names.end(), error.file()) == names.end()) return error;
  return Error(error.code(), error.detail(), PathInRuleDirectory(dir, error.file()), error.line(),
               error.column(), error.byte_offset());
}

Result<std::vector<SourceFile>> ReadRuleDirectory(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return DirectoryError(dir, "no such directory");
  if (!fs::is_directory(status)) return DirectoryError(dir, "not a directory");
  RuleFolderWalk walk;
  if (std::optional<Error> error = walk.WalkRoot(dir)) return *std::move(error);
  std::vector<SourceFile> files = walk.TakeFiles();
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace clausescan::internal

namespace clausescan {

std::vector<SkippedRuleFile> SkippedRuleFiles(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return {};
  internal::RuleFolderWalk walk(/*read_files=*/false);
  if (walk.WalkRoot(dir)) return {};
  std::vector<SkippedRuleFile> skipped = walk.TakeSkipped();
  for (SkippedRuleFile& file : skipped) file.path = internal::PathInRuleDirectory(dir, file.path);
  return skipped;
}

}  // namespace clausescan

#include "profile/paths.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace clausescan::internal {
namespace {

namespace fs = std::filesystem;

// True when path is base or below it (both canonical).
bool IsWithin(const fs::path& path, const fs::path& base) {
  auto p = path.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++p) {
    if (b->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *b) return false;
  }
  return true;
}

}  // namespace

namespace {

// 4194304 -> "4 MiB"; 314572801 -> "300.0 MiB"; 2048 -> "2048 bytes".
std::string Megabytes(std::uintmax_t bytes) {
  constexpr std::uintmax_t kMiB = std::uintmax_t{1} << 20;
  if (bytes < kMiB) return fmt::format("{} bytes", bytes);
  if (bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / kMiB);
}

}  // namespace

std::optional<PathProblem> ResolveInFolder(const std::string& folder, const std::string& written,
                                           std::string* path, std::uintmax_t limit,
                                           std::string_view limit_of) {
  if (written.empty()) return PathProblem{ErrorCode::kRuleError, "the path is empty"};
  for (std::size_t i = 0; i < written.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(written[i]);
    if (c < 0x20 || c == 0x7F) {
      // The system would read the path cut at a NUL, and no file name needs a control character.
      return PathProblem{ErrorCode::kRuleError,
                         fmt::format("the path holds a control character (U+{:04X}) at byte {}: "
                                     "write the file name without it",
                                     static_cast<unsigned>(c), i + 1)};
    }
  }
  const fs::path relative(written);
  if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
    return PathProblem{ErrorCode::kRuleError,
                       fmt::format("'{}' is an absolute path: write it relative to the "
                                   "profile's folder, with the file inside that folder",
                                   written)};
  }
  for (const fs::path& part : relative) {
    if (part == "..") {
      return PathProblem{ErrorCode::kRuleError,
                         fmt::format("'{}' leaves the profile's folder ('..'): keep the file "
                                     "inside the folder",
                                     written)};
    }
  }
  const fs::path joined = (fs::path(folder) / relative).lexically_normal();
  *path = joined.string();
  std::error_code error;
  // Absolute first: weakly_canonical leaves a relative path whose first part does not exist
  // relative, which would then look outside the folder (issue 13 D14: '~/x').
  const fs::path base = fs::weakly_canonical(fs::absolute(fs::path(folder), error), error);
  if (error) {
    return PathProblem{ErrorCode::kIo, fmt::format("cannot resolve the profile's folder '{}': {}",
                                                   folder, error.message())};
  }
  const fs::path target = fs::weakly_canonical(fs::absolute(joined, error), error);
  if (error) {
    return PathProblem{ErrorCode::kIo,
                       fmt::format("cannot resolve '{}': {}", written, error.message())};
  }
  if (!IsWithin(target, base)) {
    return PathProblem{ErrorCode::kRuleError,
                       fmt::format("'{}' is a symlink (or passes through one) pointing out of the "
                                   "profile's folder, to '{}': keep the file inside the folder",
                                   written, target.string())};
  }
  const fs::file_status status = fs::status(joined, error);
  if (error || !fs::exists(status)) {
    if (fs::is_symlink(fs::symlink_status(joined, error))) {
      return PathProblem{ErrorCode::kIo,
                         fmt::format("'{}' is a symlink to a file that does not exist", written)};
    }
    // issue 13 s10 #3: "doc.txt/" names a folder; when doc.txt is a file, say so.
    const std::string trimmed = written.substr(0, written.find_last_not_of('/') + 1);
    if (trimmed.size() < written.size() && !trimmed.empty() &&
        fs::is_regular_file(fs::path(folder) / trimmed, error)) {
      return PathProblem{ErrorCode::kIo,
                         fmt::format("'{}' ends in '/' but {} is a file, not a folder: remove "
                                     "the trailing slash",
                                     written, trimmed)};
    }
    return PathProblem{ErrorCode::kIo,
                       fmt::format("no file '{}' in the profile's folder ({})", written, *path)};
  }
  if (!fs::is_regular_file(status)) {
    return PathProblem{ErrorCode::kIo, fmt::format("'{}' is not a regular file", written)};
  }
  // What pack would refuse, refused here for every command (issue 13 D4): a file too large to
  // copy, or one that cannot be opened; in the same words as the pack's.
  const std::uintmax_t size = fs::file_size(joined, error);
  if (!error && size > limit) {  // issue 13 s9 #4: this kind's limit, and the file's size
    return PathProblem{ErrorCode::kTooLarge,
                       fmt::format("'{}' is larger than {}, the limit for {} (it is {})", written,
                                   Megabytes(limit), limit_of, Megabytes(size))};
  }
  const int fd = ::open(joined.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    return PathProblem{ErrorCode::kIo,
                       fmt::format("cannot open '{}': {}", written, std::strerror(errno))};
  }
  ::close(fd);
  return std::nullopt;
}

}  // namespace clausescan::internal

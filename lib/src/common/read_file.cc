#include "common/read_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace clausescan::internal {
namespace {

Error CannotRead(FileKind kind, const std::string& path, std::string_view reason) {
  return Error(ErrorCode::kIo, fmt::format("cannot read {}: {}", kind.name, reason), path);
}

// Why a file of this mode cannot be read whole, or "" when it is a regular file.
std::string_view NotRegularReason(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "it is a directory";
  if (S_ISFIFO(mode)) return "it is a FIFO, not a regular file";
  if (S_ISCHR(mode)) return "it is a character device, not a regular file";
  if (S_ISBLK(mode)) return "it is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

std::string DescribeLimit(std::size_t limit) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  if (limit >= kMiB && limit % kMiB == 0) return fmt::format("{} MiB", limit / kMiB);
  if (limit >= 1024 && limit % 1024 == 0) return fmt::format("{} KiB", limit / 1024);
  return fmt::format("{} bytes", limit);
}

Error TooLarge(FileKind kind, const std::string& path, std::size_t limit) {
  return Error(ErrorCode::kTooLarge,
               fmt::format("larger than {}, the limit for {}", DescribeLimit(limit), kind.limit_of),
               path);
}

// Checks what stat or fstat said: a regular file of at most limit bytes.
std::optional<Error> CheckStat(const struct stat& st, FileKind kind, const std::string& path,
                               std::size_t limit) {
  if (std::string_view reason = NotRegularReason(st.st_mode); !reason.empty()) {
    return CannotRead(kind, path, reason);
  }
  if (static_cast<std::uintmax_t>(st.st_size) > limit) return TooLarge(kind, path, limit);
  return std::nullopt;
}

}  // namespace

Result<std::string> ReadFileUpTo(const std::string& path, std::size_t limit, FileKind kind) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return CannotRead(kind, path, std::strerror(errno));
  if (std::optional<Error> error = CheckStat(st, kind, path, limit)) return *std::move(error);
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it does not wait for a
  // writer (and fstat then refuses it). O_NOCTTY: nor does a terminal become ours.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return CannotRead(kind, path, std::strerror(errno));
  std::string content;
  std::optional<Error> error;
  if (::fstat(fd, &st) != 0) {
    error = CannotRead(kind, path, std::strerror(errno));
  } else {
    error = CheckStat(st, kind, path, limit);
  }
  if (!error) {
    content.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    while (true) {
      // At most limit + 1 bytes in all: one more than the limit tells a file that grew.
      const std::size_t room = limit - content.size();
      const std::size_t want = room < sizeof buffer ? room + 1 : sizeof buffer;
      const ssize_t n = ::read(fd, buffer, want);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = CannotRead(kind, path, std::strerror(errno));
        break;
      }
      if (n == 0) break;
      content.append(buffer, static_cast<std::size_t>(n));
      if (content.size() > limit) {
        error = TooLarge(kind, path, limit);
        break;
      }
    }
  }
  ::close(fd);
  if (error) return *std::move(error);
  return content;
}

}  // namespace clausescan::internal

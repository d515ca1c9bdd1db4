#include "line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace clausescan::cli {

LineReader::LineReader(int fd, std::size_t max_line)
    : fd_(fd), max_line_(max_line), buffer_(std::size_t{1} << 16) {}

bool LineReader::Fill() {
  while (true) {
    ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
    if (n > 0) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) return false;
    if (errno != EINTR) {
      error_ = errno;
      return false;
    }
  }
}

LineReader::Status LineReader::Next(std::string* line) {
  line->clear();
  bool started = false;
  bool too_long = false;
  std::size_t length_so_far = 0;  // of the line, including what was dropped
  const std::size_t most = max_line_ > SIZE_MAX / 2 ? SIZE_MAX : 2 * max_line_;
  while (true) {
    if (begin_ == end_ && !Fill()) {
      if (error_ != 0) return Status::kError;
      if (!started) return Status::kEnd;
      return too_long ? Status::kTooLong : Status::kLine;
    }
    started = true;
    const char* start = buffer_.data() + begin_;
    const std::size_t available = end_ - begin_;
    const char* newline = static_cast<const char*>(std::memchr(start, '\n', available));
    const std::size_t length =
        newline != nullptr ? static_cast<std::size_t>(newline - start) : available;
    if (!too_long && line->size() + length > max_line_) {
      too_long = true;
      std::string().swap(*line);  // let go of what was held
    }
    if (!too_long) line->append(start, length);
    begin_ += length;
    length_so_far += length;
    if (newline == nullptr && length_so_far > most) return Status::kNoLineEnd;
    if (newline != nullptr) {
      ++begin_;
      return too_long ? Status::kTooLong : Status::kLine;
    }
  }
}

}  // namespace clausescan::cli

// Reads lines from a file descriptor with a bound on their length, for the JSON Lines filter.
#ifndef CLAUSESCAN_APPS_LINE_READER_H_
#define CLAUSESCAN_APPS_LINE_READER_H_

#include <cstddef>
#include <string>
#include <vector>

namespace clausescan::cli {

// Splits what fd gives into lines ('\n' ends one; a last line without it still counts). A line
// longer than max_line bytes is read through to its end and dropped, never held: memory stays
// within max_line plus a 64 KiB buffer whatever the input. Reading through stops once a line
// has gone on for more than twice max_line bytes (kNoLineEnd), so a source without line ends
// (/dev/zero) ends the reading instead of running for ever. Not thread-safe; does not own fd.
class LineReader {
 public:
  enum class Status {
    kLine,     // *line holds the next line, without its '\n'
    kTooLong,  // the next line was longer than max_line and was skipped; *line is empty
    kNoLineEnd,  // the next line went on past twice max_line bytes with no '\n': nothing more is
                 // read (the rest of the input is not lines); *line is empty
    kEnd,      // no more input
    kError,    // reading failed: error() holds the errno value
  };

  LineReader(int fd, std::size_t max_line);

  Status Next(std::string* line);
  int error() const { return error_; }

 private:
  bool Fill();  // reads more into buffer_; false at the end of input or on an error

  int fd_;
  std::size_t max_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  int error_ = 0;
};

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_LINE_READER_H_

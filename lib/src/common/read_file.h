// Reading a file the user names whole into memory, within a size limit: the rule, playbook and
// baseline files, which are parsed as a whole (documents to scan have their own reader,
// ReadFileBytes in extract/document.h, which also takes pipes).
#ifndef CLAUSESCAN_COMMON_READ_FILE_H_
#define CLAUSESCAN_COMMON_READ_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "clausescan/result.h"

namespace clausescan::internal {

// What kind of file is read, for messages.
struct FileKind {
  std::string_view name;      // "playbook": "FILE: cannot read playbook: ..."
  std::string_view limit_of;  // "playbook files": "FILE: larger than 4 MiB, the limit for ..."
};

// Reads the regular file at path (symbolic links followed) whole. Errors name path:
//   kIo "cannot read <name>: <reason>" when it cannot be opened or read, or is not a regular
//     file ("it is a directory", "it is a FIFO, not a regular file", a device, a socket). A path
//     that is not a regular file is refused before it is opened, so a FIFO no one writes to or a
//     device never blocks or feeds the read; the opened file is checked again (the path may be
//     replaced in between).
//   kTooLarge "larger than <limit>, the limit for <limit_of>" when the file holds more than
//     limit bytes: refused from its size before anything is read, and never more than limit + 1
//     bytes read (a file that grows meanwhile). The limit is written in MiB or KiB when it is a
//     whole number of them, else in bytes.
// Thread-safe.
Result<std::string> ReadFileUpTo(const std::string& path, std::size_t limit, FileKind kind);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_READ_FILE_H_

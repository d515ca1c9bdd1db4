// Where a command writes its output: stdout, or a file written whole or not at all.
#ifndef CLAUSESCAN_APPS_OUTPUT_H_
#define CLAUSESCAN_APPS_OUTPUT_H_

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace clausescan::cli {

// With an empty path, writes to stdout. Otherwise writes to a temporary file beside path and
// renames it over path in Commit(); destroying an uncommitted Output removes the temporary file,
// and so does SIGINT, SIGTERM or SIGHUP (see InstallOutputCleanup), so a failed or interrupted
// run never leaves a partial file. At most one Output has a file open at a time.
class Output {
 public:
  explicit Output(std::string path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // False (with *error set) when the temporary file cannot be created.
  bool Open(std::string* error);
  std::ostream& stream();
  // Flushes and, for a file, renames it into place. False (with *error set) on failure.
  bool Commit(std::string* error);
  // True when writing to stdout and stdout is a terminal.
  bool IsTerminal() const;

 private:
  std::string path_;
  std::string temp_path_;
  std::unique_ptr<std::ofstream> file_;
  bool committed_ = false;
};

// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the open Output's temporary file
// and then die of the signal as they would have. Call once, from main.
void InstallOutputCleanup();

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OUTPUT_H_

// Where a command writes its output: standard output, or a file written whole or not at all.
#ifndef CLAUSESCAN_APPS_OUTPUT_H_
#define CLAUSESCAN_APPS_OUTPUT_H_

#include <sys/stat.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace clausescan::cli {

class FdBuffer;

// Writes a command's output to standard output (an empty path) or to the file at path.
//
// A file is written into a new temporary file with a random name in the destination's folder,
// created with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 (nothing planted in the folder is
// followed, written into or waited on). Commit() gives it the permissions of the file it
// replaces (a new file: 0666 less the umask) and, where permitted, that file's owner and group,
// fsyncs and closes it, and renames it over the destination: the destination's name then holds
// the new file (other hard links to the old one keep the old content). A path that is a symlink
// is followed to the file it leads to, which is replaced there, so the link stays a link. A
// destination that exists and is not a regular file (/dev/null, a FIFO) is written directly.
// Destroying an uncommitted Output removes the temporary file, and so does SIGINT, SIGTERM or
// SIGHUP (see InstallOutputCleanup, which then says the path was not written), so a failed or
// interrupted run never leaves a partial file and leaves the old file as it was.
// At most one Output has a file open at a time. Not thread-safe.
class Output {
 public:
  explicit Output(std::string path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Creates the temporary file, so that a destination that cannot be written fails before any
  // work is done. False (with *error set, naming the path) when the path is a directory, its
  // folder does not exist or cannot be written, or its symlinks loop.
  bool Open(std::string* error);
  // After Open: true when `input` (the stat of an input file) is the destination file, which
  // exists and is a regular file. Compares device and inode, so any name of the file counts.
  bool IsDestination(const struct stat& input) const;
  // After Open: the files a folder walk must not scan (the destination and the temporary
  // file), for BatchOptions::skip_files; empty for standard output.
  std::vector<std::string> OwnFiles() const;
  // The path as given; empty for standard output.
  const std::string& path() const { return path_; }

  std::ostream& stream();
  // Puts the file in place (see above). False (with *error set, naming the path) when a write,
  // fsync, close or the rename failed; the temporary file is then removed. For standard output
  // it only flushes: FinishStandardOutput deals with its errors.
  bool Commit(std::string* error);
  // True when writing to stdout and stdout is a terminal.
  bool IsTerminal() const;

 private:
  bool OpenTemporaryFile(std::string* error);
  int GiveOwnerAndMode();
  void Discard();

  std::string path_;
  std::string target_;     // path_ with its symlinks followed: the file replaced
  std::string temp_path_;  // empty when writing to stdout or directly to path_
  int fd_ = -1;
  mode_t new_file_mode_ = 0644;
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> file_;
  bool destination_exists_ = false;
  struct stat destination_ {};
  bool committed_ = false;
};

// Makes sure descriptors 0, 1 and 2 are open (on /dev/null when one is closed), so that no file
// the run opens takes one of them (with stderr closed, messages would land in the report), and
// gives std::cout a buffer that remembers its first write error; writing to a standard output
// that was closed is one (EBADF). Calls std::ios::sync_with_stdio(false). Call first in main,
// before anything opens a file.
void SetUpStandardStreams();

// Flushes standard output and returns the run's exit status: `status` when every write to it
// succeeded; 0, quietly, when its reader had gone (EPIPE: `clausescan ... | head`, as ripgrep
// does); else 2 after printing "clausescan: cannot write to standard output: REASON".
int FinishStandardOutput(int status);

// Installs handlers for SIGINT, SIGTERM and SIGHUP (each one not ignored at start: under nohup
// a hangup stays ignored) that remove the open Output's temporary file, clear a progress bar
// (see SetProgressLineShown), print "clausescan: interrupted by SIGINT; FILE not written" (or
// "clausescan: interrupted by SIGINT" when no file was being written) on stderr, and then die
// of the signal as they would have, so a shell sees status 128 + the signal. The handlers use
// async-signal-safe calls only. Call once, from main.
void InstallOutputCleanup();

// Tells the signal handlers whether stderr's current line holds a progress bar (drawn with "\r"
// and no newline), which they clear ("\r\x1b[K") before their message. Thread-safe.
void SetProgressLineShown(bool shown);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OUTPUT_H_

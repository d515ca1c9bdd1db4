// Where a command writes its output: standard output, or a file written whole or not at all.
#ifndef CLAUSESCAN_APPS_OUTPUT_H_
#define CLAUSESCAN_APPS_OUTPUT_H_

#include <sys/stat.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace clausescan::cli {

class FdBuffer;

// Writes a command's output to standard output (an empty path) or to the file at path.
//
// Open() follows path's symlinks (at most 40) to the file it names, then:
// - A path that names one of this process's open descriptors (/dev/stdout, /dev/stderr,
//   /dev/fd/N, /proc/self/fd/N, /proc/PID/fd/N, or a symlink to one) is written through a
//   duplicate of that descriptor, at its offset and with its flags (an append-redirected log
//   is appended to), never replaced.
// - A FIFO or device (/dev/null) is written directly: opened O_WRONLY|O_NONBLOCK|O_NOCTTY, so a
//   FIFO no process reads is refused at once instead of waiting for a reader.
// - Anything else is replaced whole: the output goes into an unnamed file in the destination's
//   folder (O_TMPFILE, mode 0600) that Commit() links in under a random hidden name and renames
//   over the destination, so no death before Commit (even SIGKILL) leaves a file behind. Where
//   the file system has no unnamed files, a named one is created instead
//   (.clausescan-XXXXXXXXXXXX.tmp, O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600), which the signal
//   handlers remove (see InstallOutputCleanup). Nothing planted in the folder is followed,
//   written into or waited on.
// In a folder with the sticky bit (a shared folder such as /tmp), as the kernel's
// protected_symlinks, protected_regular and protected_fifos settings would: a symlink on the way
// whose owner is neither the caller nor the folder's owner is not followed, and an existing file
// or FIFO of another user is refused. An existing file the caller may not write (mode 0444), or
// that is a mount point, is refused too. These refusals, a directory, and a folder that does not
// exist or cannot be written make Open() fail before any work is done.
// The new file gets the permission bits (and group) of the caller's own file it replaces; a new
// file gets 0666 less the umask, and one replacing another user's file 0600. It is always the
// caller's: the report never takes another user's ownership. The rename replaces the name: other
// hard links to the old file keep the old content. Destroying an uncommitted Output discards the
// output and leaves the old file as it was. At most one Output has a file open at a time. Not
// thread-safe.
class Output {
 public:
  explicit Output(std::string path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Prepares the destination (see above), so that one that cannot or must not be written fails
  // before any work is done. False (with *error set, naming the path) otherwise.
  bool Open(std::string* error);
  // After Open: true when `input` (the stat of a file) is the regular file receiving the output
  // (the one to be replaced, or the one behind a descriptor). Compares device and inode, so any
  // name of the file counts.
  bool IsDestination(const struct stat& input) const;
  // After Open: true when the output goes to a regular file that exists (see IsDestination).
  bool HasDestination() const { return destination_exists_; }
  // After Open: true when the output replaces a regular file that exists.
  bool ReplacesAFile() const { return replace_ && destination_exists_; }
  // After Open: the files a folder walk must not scan (the destination, a named temporary file,
  // the regular file behind a descriptor), for BatchOptions::skip_files; empty for standard
  // output.
  std::vector<std::string> OwnFiles() const;
  // After Open: the named temporary file, or "" (standard output, a direct write, or an unnamed
  // temporary file).
  std::string TemporaryFile() const;
  // The path as given; empty for standard output.
  const std::string& path() const { return path_; }

  std::ostream& stream();
  // Puts the output in place (see above). False (with *error set, naming the path) when a write,
  // fsync, close, link or the rename failed; the temporary file is then removed and the old file
  // left as it was. A descriptor, FIFO or device whose reader has gone (EPIPE) is a quiet stop,
  // as it is on standard output (see FinishStandardOutput). For standard output it only
  // flushes: FinishStandardOutput deals with its errors.
  bool Commit(std::string* error);
  // True when the output goes to a terminal (standard output, or a descriptor or device).
  bool IsTerminal() const;
  // True when `--color auto` colours this output: it goes to a terminal, NO_COLOR is unset or
  // empty (no-color.org) and TERM is not "dumb".
  bool WantsAutoColor() const;

 private:
  bool FollowLinks(struct stat* st, bool* exists, int* descriptor, std::string* error);
  bool OpenDescriptor(int descriptor, std::string* error);
  bool OpenSpecialFile(const struct stat& st, std::string* error);
  bool OpenReplacement(const struct stat* existing, std::string* error);
  bool CheckReplaceable(const struct stat& st, const struct stat& folder, std::string* error);
  bool CreateTemporaryFile(std::string* error);
  int SetGroupAndMode();
  int Publish();
  void Discard();

  std::string path_;
  bool replace_ = false;  // replacing target_ (else writing to fd_ directly, or stdout)
  std::string target_;    // path_ with its symlinks followed: the file replaced
  std::string folder_;    // target_'s folder, and its descriptor (O_PATH)
  int folder_fd_ = -1;
  std::string name_;       // target_'s name in folder_
  bool unnamed_ = false;   // the temporary file is an O_TMPFILE one
  std::string temp_name_;  // in folder_: the named temporary file, or the unnamed one's link
  int fd_ = -1;
  mode_t mode_ = 0600;
  gid_t group_ = static_cast<gid_t>(-1);  // -1: the group the new file gets
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> file_;
  bool destination_exists_ = false;
  struct stat destination_ {};
  bool committed_ = false;
};

// True when an `init` command (profile init, playbook init) may write `file` ("" is standard
// output); else false after saying why: a folder ("is a folder: name the file to write", with or
// without `force`), an existing file or symlink without `force`, or a parent folder that does not
// exist. The Output that writes the file makes its own checks after this one.
bool CheckInitTarget(const std::string& file, bool force);

// False when TERM is "dumb": such a terminal shows escape sequences as text, so neither colour
// (under --color auto) nor a progress bar redrawn with "\r\x1b[K" is written to it.
bool TerminalTakesEscapes();

// Makes sure descriptors 0, 1 and 2 are open (on /dev/null when one is closed), so that no file
// the run opens takes one of them (with stderr closed, messages would land in the report), and
// gives std::cout a buffer that remembers its first write error; writing to a standard output
// that was closed is one (EBADF). Calls std::ios::sync_with_stdio(false). Call first in main,
// before anything opens a file.
void SetUpStandardStreams();

// Flushes standard output and returns the run's exit status: `status` when every write to it
// succeeded; 0, quietly, when its reader had gone (EPIPE: `clausescan ... | head`, as ripgrep
// does), or when that of an Output written directly had (`-o /dev/stdout | head`); else 2 after
// printing "clausescan: cannot write to standard output: REASON".
int FinishStandardOutput(int status);
// The errno of the first failed write to standard output (after SetUpStandardStreams), or 0.
int StandardOutputError();
// Whether standard input was closed when the run started (`<&-`; SetUpStandardStreams put it on
// /dev/null): a run told to read it must fail, not read an empty document.
bool StandardInputClosedAtStart();

// Installs handlers for SIGINT, SIGTERM and SIGHUP (each one not ignored at start: under nohup
// a hangup stays ignored) that remove the open Output's named temporary file, clear a progress
// bar (see SetProgressLineShown), print "clausescan: interrupted by SIGINT; FILE not written" (or
// "clausescan: interrupted by SIGINT" when no file was being replaced) on stderr, and then die
// of the signal as they would have, so a shell sees status 128 + the signal. When an Output has
// to fall back to a named temporary file, it installs the same handler for SIGUSR1, SIGUSR2,
// SIGALRM, SIGXCPU, SIGVTALRM and SIGPROF too (those still at their default action). The
// handlers use async-signal-safe calls only. Call once, from main.
void InstallOutputCleanup();

// Calls write(out), which writes one or more whole lines, and flushes out; a signal taken by the
// handlers of InstallOutputCleanup that arrives meanwhile (on any thread) ends the run only once
// the lines are written, so a reader of a streamed report sees each line whole or not at all.
// Returns whether out is still good. Call from one thread at a time.
bool WriteWholeLine(std::ostream& out, const std::function<void(std::ostream&)>& write);

// Tells the signal handlers whether stderr's current line holds a progress bar (drawn with "\r"
// and no newline), which they clear ("\r\x1b[K") before their message. Thread-safe.
void SetProgressLineShown(bool shown);

// Whether stderr's current line holds a progress bar: a message is written after clearing it.
bool ProgressLineShown();

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OUTPUT_H_

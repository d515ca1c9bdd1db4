// Batch scans: many files and folders on a thread pool that shares one RuleSet.
#ifndef CLAUSESCAN_BATCH_H_
#define CLAUSESCAN_BATCH_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clausescan/report.h"
#include "clausescan/result.h"
#include "clausescan/scanner.h"

namespace clausescan {

// Options of ScanPaths.
//   option      default   meaning
//   include     {}        globs a file must match to be scanned (when not empty), read as
//                         ripgrep and .gitignore read them: a glob without '/' matches a name at
//                         any depth, one with '/' (a leading one too) the path below the folder
//                         given; "**" is any number of folders; a trailing '/' matches folders
//                         only; a glob matching a folder matches every file below it
//   exclude     {}        globs that skip a file or a whole folder (same matching)
//   jobs        0         threads; 0 means one per core, and never more than the cores or the
//                         files
//   hidden      false     also walk hidden files and folders: names starting with '.' (.git,
//                         .DS_Store) or '~$' (the lock files of open Word documents)
//   follow      false     also follow symbolic links whose target lies outside the folder being
//                         walked (never into /proc, /sys or /dev); without it such links are
//                         skipped with a note (PathEntry::skipped)
//   skip_files  {}        files never scanned when a walk finds them, compared by device and
//                         inode (any name of the same file, through links, is skipped; a path
//                         that does not exist when ExpandPaths starts is ignored): the report
//                         being written into a walked folder and its temporary file
//   skip_found  {}        when set, asked of each file a walk would scan (after hiding, the
//                         globs and skip_files) and of each folder it would enter, the root
//                         included; a reason skips that file or that folder with all it holds,
//                         with a note "PATH: skipped: REASON" (PathEntry::skipped). Called on
//                         the walking thread, with the path as the walk names it
// Files named explicitly are always scanned (globs, hiding and skip_files apply to what folder
// walks find).
struct BatchOptions {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  int jobs = 0;
  bool hidden = false;
  bool follow = false;
  std::vector<std::string> skip_files;
  std::function<std::optional<std::string>(const std::string& path, bool is_folder)> skip_found;
};

// The outcome for one file, in a stable order whatever the thread timing.
struct BatchItem {
  std::string path;
  Result<Report> report;
  bool skipped = false;  // report's error is a note: a link the walk did not follow, a file it
                         // skipped (skip_found), or one that is no regular file
};

// Progress of a batch: files done of total, bytes done of total.
struct BatchProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t bytes_done = 0;
  std::size_t bytes_total = 0;
};

// A file to scan, or a problem found while walking the folders (a symlink loop, an unreadable
// folder, a path that does not exist), in walk order.
struct PathEntry {
  std::string path;
  std::optional<Error> error;  // set for a walking problem
  std::size_t bytes = 0;       // the file's size when known
  // A regular file when found (by a folder walk, or named and a regular file then): scanned only
  // as one, so a FIFO or device put in its place since is refused, never waited on.
  bool regular_only = false;
  bool skipped = false;  // error is a note, not a failure: a link the walk did not follow,
                         // a file or folder skip_found skipped, or a FIFO, socket or device
                         // the walk found ("not a regular file: skipped"; never opened)
};

// Why glob (an include or exclude glob, see BatchOptions) is not one, as ripgrep says it
// ("unclosed character class; missing ']'", "dangling '\\' at the end"); nothing when it is.
std::optional<std::string> GlobError(const std::string& glob);

// Expands paths (files as given, each once; folders walked recursively in name order, symlinks
// followed) into the files to scan, applying options.include/exclude, options.hidden and
// options.skip_files. Each real folder (device and inode) is walked once per call: a symlink
// back to a folder being walked (one of its ancestors) is reported as a loop, one to a folder
// already walked elsewhere is skipped silently, and so is a file the walks already found under
// another name; so symlinks never make the walk grow beyond the folders and files that exist.
// (A folder named in paths is always listed, but yields only files not found before.)
// Never fails: problems are entries with an error, so the caller reports them and goes on; a
// folder that yields no file to scan is one (kInvalidArgument), so a mistyped glob or an empty
// folder never passes for a clean scan.
std::vector<PathEntry> ExpandPaths(const std::vector<std::string>& paths,
                                   const BatchOptions& options);

// Scans every file of paths (see ExpandPaths) with scanner on options.jobs threads. Files that
// folder walks found are scanned with Scanner::ScanRegularFile, so one replaced by a FIFO or a
// device since the walk is an error (kIo "not a regular file ...") rather than a scan that waits
// forever; files named in paths with Scanner::ScanFile (a named pipe is read). Calls
// `on_item` once per file and per walking error, from the calling thread, in the order of
// ExpandPaths (errors first where they were found; an empty on_item drops them), and
// `on_progress` (if set) from the calling thread after each file. A bad file never stops the batch. Returns when every file is done.
// An exception thrown by a callback stops the batch: the workers take no new file, and the
// exception reaches the caller once they have finished the files they hold.
void ScanPaths(const Scanner& scanner, const std::vector<std::string>& paths,
               const BatchOptions& options, const std::function<void(BatchItem&)>& on_item,
               const std::function<void(const BatchProgress&)>& on_progress = {});

}  // namespace clausescan

#endif  // CLAUSESCAN_BATCH_H_

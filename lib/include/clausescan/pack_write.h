// Writing a pack with the caller in control (issue 13 #3, attack D8, D12): an interruption that
// stops the write promptly, and what --force could not remove of the earlier pack it replaced.
#ifndef CLAUSESCAN_PACK_WRITE_H_
#define CLAUSESCAN_PACK_WRITE_H_

#include <functional>
#include <string>
#include <vector>

#include "clausescan/pack.h"
#include "clausescan/profile.h"
#include "clausescan/result.h"

namespace clausescan {

struct PackWriteControl {
  // When set, asked between the files written and between 64 KiB chunks of a document (and by
  // libzip while it writes an entry): once it returns true, the write stops, its temporary
  // folder or file is removed, nothing is put in place, and WritePack fails (kIo,
  // "interrupted: no pack written"). `clausescan pack` sets it on SIGINT, SIGTERM and SIGHUP.
  // Called on the writing thread; it must be cheap.
  std::function<bool()> interrupted;
  // When given: set to "" when the pack is written and nothing of an earlier output is left;
  // else to one sentence saying what of the earlier pack replaced with PackWriteOptions::force
  // could not be removed, and where it is (the hidden ".NAME.clausescan-XXXXXX" beside the
  // output). The new pack is in place then, and WritePack returns true.
  std::string* not_removed = nullptr;
  // When given: set to the temporary folders and files (".NAME.clausescan-XXXXXX" beside the
  // output, and libzip's ".NAME.zip.clausescan-XXXXXX.XXXXXX") that earlier runs writing the same
  // output left when killed before they finished (SIGKILL, a power cut), and that this run
  // removed before writing: folders only, the caller's own, not symbolic links, unchanged for a
  // minute, locked by no run (a run holds an flock(2) on its temporary while it writes it) and
  // holding the marker file every run writes first into its temporary folder. Others stay.
  std::vector<std::string>* swept = nullptr;
  // When given: set to what has a temporary's name and would be swept but cannot be proved a
  // run's own (no marker inside, or a file: a zip temporary); left as it is, for the caller to
  // name so the user can remove it.
  std::vector<std::string>* stale_kept = nullptr;
};

// WritePack of clausescan/pack.h, with control. Documents are opened and checked before anything
// is written, then copied a chunk at a time (memory does not grow with their size); each is at
// most 256 MiB (kTooLarge). With force, the earlier output replaced is removed without following
// symlinks and without crossing onto another device than the output's folder's: an earlier
// pack with a folder mounted inside is refused before anything is written (kInvalidArgument,
// "holds PATH, on another device"), and one mounted meanwhile stays, with the folders on the
// way to it: see control.not_removed.
Result<bool> WritePack(const Pack& pack, const Profile& profile, const std::string& output,
                       const PackWriteOptions& options, const PackWriteControl& control);

// True when folder holds a pack WritePack wrote: an index.md that is a regular file (never
// followed through a symlink) and starts "# Security pack\n". False on any error. Thread-safe.
bool IsEarlierPack(const std::string& folder);

}  // namespace clausescan

#endif  // CLAUSESCAN_PACK_WRITE_H_

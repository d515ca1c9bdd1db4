// Removing an earlier pack that --force replaced (issue 13 #3, attack D12): the removal stays on
// the pack's own device and says what it could not remove.
#ifndef CLAUSESCAN_PACK_PACK_REMOVE_H_
#define CLAUSESCAN_PACK_PACK_REMOVE_H_

#include <sys/stat.h>
#include <sys/types.h>

#include <functional>
#include <string>

namespace clausescan::internal {

// How RemoveTree sees a path: lstat(2) (the default); tests inject another.
using LstatFunction = std::function<int(const std::string& path, struct stat* st)>;

// Removes path (a file, a symlink, or a folder with everything below it), never following a
// symlink and never crossing onto a device other than `device` (the st_dev of the folder the
// pack is in): a folder mounted inside it (a bind mount, a FUSE folder) is neither entered nor
// removed, nor is anything on the way to it. Goes on after a failure, removing what it can.
// Returns "" when everything is gone, else one sentence naming the first path left and why
// ("PATH: is another device (a mount point): not removed" or "PATH: REASON"). Thread-safe.
std::string RemoveTree(const std::string& path, dev_t device,
                       const LstatFunction& lstat_function = {});

// The first path at or below path (walked without following symlinks) whose device is not
// `device`: a folder mounted inside an earlier pack, which --force refuses to replace before
// anything is written. "" when there is none (or path cannot be read: RemoveTree reports that).
// Thread-safe.
std::string FindOtherDevice(const std::string& path, dev_t device,
                            const LstatFunction& lstat_function = {});

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PACK_PACK_REMOVE_H_

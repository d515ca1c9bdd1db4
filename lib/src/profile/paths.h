// Paths a profile names: kept inside the profile's folder (issue 13 #1, #3).
#ifndef CLAUSESCAN_PROFILE_PATHS_H_
#define CLAUSESCAN_PROFILE_PATHS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "clausescan/result.h"

namespace clausescan::internal {

// The largest evidence file a profile may name: a pack copies at most this much of one
// document (issue 13 D4: refused at load, by every command).
inline constexpr std::uintmax_t kMaxEvidenceBytes = std::uintmax_t{256} << 20;

// Why a path of a profile was refused.
struct PathProblem {
  ErrorCode code;  // kRuleError: the path leaves the folder; kIo: missing, unreadable, not a file
  std::string detail;
};

// Resolves written (a path from the profile) against folder into *path (lexically normal,
// folder joined with written) and checks it. Refused: an empty path, one with a control
// character (a NUL would cut it: C0 or DEL), an absolute one, one with a
// '..' component, one that resolves outside folder once every symlink on the way is followed
// (std::filesystem::weakly_canonical), one that does not exist or is not a regular file (after
// symlinks), one larger than limit (kTooLarge, "'X' is larger than 256 MiB, the limit for
// evidence files (it is 300 MiB)", limit_of naming the kind), one that cannot be opened for
// reading ("cannot open 'X': REASON"). Symlinks that stay inside the folder are followed. Never
// throws. Thread-safe.
std::optional<PathProblem> ResolveInFolder(const std::string& folder, const std::string& written,
                                           std::string* path,
                                           std::uintmax_t limit = kMaxEvidenceBytes,
                                           std::string_view limit_of = "evidence files");

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PROFILE_PATHS_H_

// Whether a path lies in a folder, for the folder walks that must not leave the tree they walk.
#ifndef CLAUSESCAN_COMMON_PATH_INSIDE_H_
#define CLAUSESCAN_COMMON_PATH_INSIDE_H_

#include <filesystem>

namespace clausescan::internal {

// True when path is folder or lies below it, compared element by element (both absolute and
// with symbolic links resolved, as fs::canonical gives them; a trailing '/' of folder is
// ignored): "/a/bc" is not inside "/a/b".
inline bool PathInside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (f->empty()) continue;  // a trailing '/'
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_PATH_INSIDE_H_

// See pack_remove.h.
#include "pack/pack_remove.h"

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace clausescan::internal {
namespace {

// The names in folder (not "." nor ".."); false with errno set when it cannot be read.
bool Names(const std::string& folder, std::vector<std::string>* names) {
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return false;
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names->push_back(name);
  }
  const int error = errno;
  ::closedir(dir);
  errno = error;
  return error == 0;
}

// Removes path below the pack; the first failure goes to *first (if still empty).
void Remove(const std::string& path, dev_t device, const LstatFunction& lstat_function,
            std::string* first) {
  auto fail = [&](const std::string& why) {
    if (first->empty()) *first = path + ": " + why;
  };
  struct stat st {};
  if (lstat_function(path, &st) != 0) {
    if (errno != ENOENT) fail(std::strerror(errno));
    return;
  }
  if (st.st_dev != device) {
    fail("is another device (a mount point): not removed");
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail(std::strerror(errno));
    return;
  }
  std::vector<std::string> names;
  if (!Names(path, &names)) {
    fail(std::strerror(errno));
    return;
  }
  for (const std::string& name : names) Remove(path + "/" + name, device, lstat_function, first);
  if (::rmdir(path.c_str()) != 0 && errno != ENOENT && first->empty()) {
    fail(std::strerror(errno));
  }
}

int DefaultLstat(const std::string& path, struct stat* st) { return ::lstat(path.c_str(), st); }

std::string FindOther(const std::string& path, dev_t device, const LstatFunction& lstat_function) {
  struct stat st {};
  if (lstat_function(path, &st) != 0) return "";
  if (st.st_dev != device) return path;
  if (!S_ISDIR(st.st_mode)) return "";
  std::vector<std::string> names;
  if (!Names(path, &names)) return "";
  for (const std::string& name : names) {
    std::string found = FindOther(path + "/" + name, device, lstat_function);
    if (!found.empty()) return found;
  }
  return "";
}

}  // namespace

std::string FindOtherDevice(const std::string& path, dev_t device,
                            const LstatFunction& lstat_function) {
  return FindOther(path, device, lstat_function ? lstat_function : DefaultLstat);
}

std::string RemoveTree(const std::string& path, dev_t device, const LstatFunction& lstat_function) {
  const LstatFunction lstat_or_default = lstat_function ? lstat_function : DefaultLstat;
  std::string first;
  Remove(path, device, lstat_or_default, &first);
  return first;
}

}  // namespace clausescan::internal

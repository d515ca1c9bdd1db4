#include "common/path_glob.h"

#include <fnmatch.h>

#include <algorithm>

namespace clausescan::internal {

PathGlob::PathGlob(std::string_view glob) {
  while (!glob.empty() && glob.back() == '/') {
    folders_only_ = true;
    glob.remove_suffix(1);
  }
  if (glob.empty()) return;  // "" or "/": the folder walked itself, no path below it
  if (glob.find('/') == std::string_view::npos) parts_.emplace_back("**");
  while (!glob.empty()) {
    const std::size_t slash = std::min(glob.find('/'), glob.size());
    std::string part(glob.substr(0, slash));
    glob.remove_prefix(std::min(slash + 1, glob.size()));
    if (part.empty()) continue;  // a leading '/', or "a//b"
    if (part == "**" && !parts_.empty() && parts_.back() == "**") continue;
    parts_.push_back(std::move(part));
  }
}

bool PathGlob::MatchesNames(const std::vector<std::string>& names, std::size_t count) const {
  if (parts_.empty()) return false;
  // reach[j]: the parts so far match the first j names.
  std::vector<char> reach(count + 1, 0);
  std::vector<char> next(count + 1);
  reach[0] = 1;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    std::fill(next.begin(), next.end(), 0);
    if (parts_[i] == "**") {
      const bool last = i + 1 == parts_.size();  // then one name at least
      bool any = false;
      for (std::size_t j = 0; j <= count; ++j) {
        if (!last) any = any || reach[j];
        next[j] = any;
        if (last) any = any || reach[j];
      }
    } else {
      for (std::size_t j = 0; j < count; ++j) {
        if (reach[j] && ::fnmatch(parts_[i].c_str(), names[j].c_str(), 0) == 0) next[j + 1] = 1;
      }
    }
    reach.swap(next);
  }
  return reach[count] != 0;
}

bool PathGlob::Matches(std::string_view relative, bool is_folder) const {
  std::vector<std::string> names;
  while (!relative.empty()) {
    const std::size_t slash = std::min(relative.find('/'), relative.size());
    if (slash > 0) names.emplace_back(relative.substr(0, slash));
    relative.remove_prefix(std::min(slash + 1, relative.size()));
  }
  for (std::size_t count = 1; count <= names.size(); ++count) {
    const bool folder = count < names.size() || is_folder;
    if (folders_only_ && !folder) continue;
    if (MatchesNames(names, count)) return true;
  }
  return false;
}

}  // namespace clausescan::internal

// The files of a loaded Profile, and which of them a path names (issue 13 attack D17).
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clausescan/profile.h"

namespace clausescan {

std::vector<ProfileFile> FilesOfProfile(const Profile& profile) {
  std::vector<ProfileFile> files{{profile.path, "the profile file (ScanOptions::profile)"}};
  if (!profile.soa_csv.empty()) {
    files.push_back({(std::filesystem::path(profile.folder) / profile.soa_csv).string(),
                     "the profile's SoA CSV (soa_csv)"});
  }
  for (const EvidenceFile& e : profile.evidence) {
    files.push_back({e.path, fmt::format("the file of the profile's evidence entry '{}' (line {})",
                                         e.id, e.line)});
    if (!e.redacted_path.empty()) {
      files.push_back(
          {e.redacted_path,
           fmt::format("the redacted copy of the profile's evidence entry '{}' (line {})", e.id,
                       e.line)});
    }
  }
  return files;
}

std::optional<ProfileFile> ProfileFileAt(const Profile& profile, const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  for (ProfileFile& file : FilesOfProfile(profile)) {
    struct stat other;
    if (::stat(file.path.c_str(), &other) == 0 && other.st_dev == st.st_dev &&
        other.st_ino == st.st_ino) {
      return file;
    }
  }
  return std::nullopt;
}

}  // namespace clausescan

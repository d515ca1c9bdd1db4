// DocumentName: how the Markdown and HTML reports name a document without showing where the
// reviewer keeps their files.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/printers.h"

namespace clausescan {
namespace {

bool IsAbsolute(std::string_view path) { return !path.empty() && path[0] == '/'; }

// The length of the folder part ("/a/b/" of "/a/b/c.md") that every absolute path of `reports`
// starts with, up to and including its last '/'.
std::size_t SharedFolderLength(const std::vector<Report>& reports) {
  const std::string* first = nullptr;
  std::size_t shared = 0;
  for (const Report& report : reports) {
    const std::string& path = report.document.path;
    if (!IsAbsolute(path)) continue;
    std::size_t folder = path.rfind('/') + 1;
    if (first == nullptr) {
      first = &path;
      shared = folder;
      continue;
    }
    std::size_t same = 0;
    while (same < shared && same < folder && (*first)[same] == path[same]) ++same;
    shared = same;
  }
  if (first == nullptr) return 0;
  std::size_t slash = first->rfind('/', shared == 0 ? 0 : shared - 1);
  return slash == std::string::npos ? 0 : slash + 1;
}

}  // namespace

std::string DocumentName(const std::vector<Report>& reports, std::size_t index) {
  const std::string& path = reports[index].document.path;
  if (!IsAbsolute(path)) return path;
  std::string name = path.substr(SharedFolderLength(reports));
  return name.empty() ? path : name;
}

}  // namespace clausescan

#include "pack/pack_names.h"

namespace clausescan::internal {

std::string PackFileName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    if (keep) {
      out += c;
    } else if (out.empty() || out.back() != '_') {
      out += '_';
    }
  }
  for (char& c : out) {
    if (c != '.') break;
    c = '_';
  }
  if (out.size() > kMaxPackNameBytes) {
    // Cut in the middle, keeping the extension (up to 16 bytes: ".pdf", ".docx") so that a
    // reader's system still opens the copy (issue 13 D15).
    const std::size_t dot = out.find_last_of('.');
    const std::size_t extension =
        dot != std::string::npos && dot > 0 && out.size() - dot <= 16 ? out.size() - dot : 0;
    out = out.substr(0, kMaxPackNameBytes - extension) + out.substr(out.size() - extension);
  }
  if (out.empty() || out.find_first_not_of('_') == std::string::npos) return "document";
  return out;
}

std::string BaseName(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace clausescan::internal

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
  if (out.size() > 100) out.resize(100);
  if (out.empty() || out.find_first_not_of('_') == std::string::npos) return "document";
  return out;
}

std::string BaseName(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace clausescan::internal

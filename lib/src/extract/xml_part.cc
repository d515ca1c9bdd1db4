#include "extract/xml_part.h"

#include <fmt/format.h>

namespace clausescan::internal {
namespace {

bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// True when a <!DOCTYPE declaration comes before the first element of xml.
bool DeclaresDoctype(std::string_view xml) {
  std::size_t doctype = xml.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return false;
  for (std::size_t i = xml.find('<'); i != std::string_view::npos && i < doctype;
       i = xml.find('<', i + 1)) {
    if (i + 1 < xml.size() && IsNameStart(xml[i + 1])) return false;  // an element came first
  }
  return true;
}

}  // namespace

int ElementDepth(const pugi::xml_node& root, int limit) {
  int depth = 0;
  int deepest = 0;
  pugi::xml_node node = root;
  while (node) {
    if (node.type() == pugi::node_element) {
      ++depth;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return limit + 1;
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    // Climb until a next sibling exists, leaving elements on the way.
    while (node && node != root && !node.next_sibling()) {
      if (node.type() == pugi::node_element) --depth;
      node = node.parent();
    }
    if (!node || node == root) break;
    if (node.type() == pugi::node_element) --depth;
    node = node.next_sibling();
  }
  return deepest;
}

Result<std::unique_ptr<XmlPart>> ParseXmlPart(std::string xml, std::string_view part,
                                              const std::string& file, int max_depth) {
  if (DeclaresDoctype(xml)) {
    return Error(ErrorCode::kCorrupt,
                 fmt::format("{} declares a DTD, which Word documents never do (an XML bomb?): "
                             "refused",
                             part),
                 file);
  }
  auto parsed = std::make_unique<XmlPart>();
  parsed->buffer = std::move(xml);
  constexpr unsigned kOptions =
      (pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype) & ~pugi::parse_eol;
  pugi::xml_parse_result result = parsed->doc.load_buffer_inplace(
      parsed->buffer.data(), parsed->buffer.size(), kOptions, pugi::encoding_auto);
  if (result.status == pugi::status_out_of_memory) {
    return Error(ErrorCode::kTooLarge, fmt::format("{} is too large to parse: out of memory", part),
                 file);
  }
  if (!result) {
    return Error(ErrorCode::kCorrupt,
                 fmt::format("{} is not well-formed XML ({} at byte {})", part,
                             result.description(), result.offset),
                 file);
  }
  for (pugi::xml_node child : parsed->doc.children()) {
    if (child.type() == pugi::node_doctype) {  // e.g. in a UTF-16 part the text check missed
      return Error(ErrorCode::kCorrupt,
                   fmt::format("{} declares a DTD, which Word documents never do: refused", part),
                   file);
    }
  }
  if (ElementDepth(parsed->doc, max_depth) > max_depth) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("{} nests elements deeper than {} levels (raise the limit with "
                             "ScanOptions::max_xml_depth)",
                             part, max_depth),
                 file);
  }
  return parsed;
}

}  // namespace clausescan::internal

// Names in WordprocessingML parts, whatever prefix a part binds the namespace to.
#ifndef CLAUSESCAN_EXTRACT_OOXML_H_
#define CLAUSESCAN_EXTRACT_OOXML_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace clausescan::internal {

// The WordprocessingML namespace as a part declares it on its root element (transitional or
// strict). Word writes "w:"; other producers may choose another prefix or the default namespace.
class WordNamespace {
 public:
  // Reads the namespace declarations of the document element of `doc` (a document node or the
  // element itself). Without a declaration, assumes the prefix "w".
  explicit WordNamespace(const pugi::xml_node& doc);

  // The local name of node when it is an element in the namespace, else "".
  std::string_view Local(const pugi::xml_node& node) const;
  // The first child element with that local name in the namespace (empty node when none).
  pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) const;
  // The attribute with that local name in the namespace (w:val, w:id ...).
  pugi::xml_attribute Attr(const pugi::xml_node& node, std::string_view local) const;
  // The w:val attribute of the child `local` of node ("" when either is missing).
  std::string_view ChildVal(const pugi::xml_node& node, std::string_view local) const;
  // An integer attribute, or `fallback` when missing or not a number.
  int IntAttr(const pugi::xml_node& node, std::string_view local, int fallback) const;
  // True for an OOXML on/off property element present and not switched off (w:val "0",
  // "false", "off").
  bool On(const pugi::xml_node& property) const;

 private:
  std::string Qualified(std::string_view local) const;
  std::string prefix_;  // "w:" or "" for the default namespace
};

// The element itself, or the document element when node is a document node.
pugi::xml_node RootElement(const pugi::xml_node& node);

// Parses a decimal integer; fallback when text is not one.
int ParseInt(std::string_view text, int fallback);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_OOXML_H_

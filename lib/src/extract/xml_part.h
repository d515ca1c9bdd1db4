// Parsing one XML part of an OOXML package (pugixml) within the reader limits.
#ifndef CLAUSESCAN_EXTRACT_XML_PART_H_
#define CLAUSESCAN_EXTRACT_XML_PART_H_

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "clausescan/result.h"

namespace clausescan::internal {

// A parsed part. The document points into `buffer`, so an XmlPart never moves (hold it by
// unique_ptr).
struct XmlPart {
  std::string buffer;
  pugi::xml_document doc;
};

// Parses `xml`, the bytes of the part `part` of `file`. Whitespace-only text is kept (Word writes
// a lone space as <w:t xml:space="preserve"> </w:t>).
//
// No entity is ever expanded: pugixml knows only the five predefined entities and character
// references, and a part that declares a DTD (<!DOCTYPE ...>, which OOXML forbids in its parts)
// is refused before parsing, so an XML bomb ("billion laughs") costs nothing. Errors (naming
// `file` and `part`): kCorrupt (malformed XML, a DTD), kTooLarge (elements nested deeper than
// max_depth; the parser ran out of memory). The parsed part takes about 4 times the size of
// Word's own XML, and up to about 27 times for the densest markup ("x<a/>" repeated).
Result<std::unique_ptr<XmlPart>> ParseXmlPart(std::string xml, std::string_view part,
                                              const std::string& file, int max_depth);

// Depth of the deepest element under node (1 for an element without element children), counted
// without recursion; stops counting once past limit (and returns limit + 1).
int ElementDepth(const pugi::xml_node& node, int limit);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_XML_PART_H_

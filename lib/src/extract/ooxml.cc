#include "extract/ooxml.h"

#include <charconv>
#include <cstring>

namespace clausescan::internal {
namespace {

constexpr std::string_view kTransitional =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

}  // namespace

int ParseInt(std::string_view text, int fallback) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end != text.data() ? value : fallback;
}

pugi::xml_node RootElement(const pugi::xml_node& node) {
  if (node.type() != pugi::node_document) return node;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) return child;
  }
  return {};
}

WordNamespace::WordNamespace(const pugi::xml_node& doc) : prefix_("w:") {
  pugi::xml_node root = RootElement(doc);
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view name = a.name();
    std::string_view value = a.value();
    if (value != kTransitional && value != kStrict) continue;
    if (name == "xmlns") {
      prefix_.clear();
      return;
    }
    if (name.substr(0, 6) == "xmlns:") {
      prefix_ = std::string(name.substr(6)) + ":";
      return;
    }
  }
}

std::string WordNamespace::Qualified(std::string_view local) const {
  std::string name = prefix_;
  name.append(local);
  return name;
}

std::string_view WordNamespace::Local(const pugi::xml_node& node) const {
  if (node.type() != pugi::node_element) return {};
  std::string_view name = node.name();
  if (name.size() <= prefix_.size() || name.substr(0, prefix_.size()) != prefix_) return {};
  std::string_view local = name.substr(prefix_.size());
  return local.find(':') == std::string_view::npos ? local : std::string_view();
}

pugi::xml_node WordNamespace::Child(const pugi::xml_node& node, std::string_view local) const {
  return node.child(Qualified(local).c_str());
}

pugi::xml_attribute WordNamespace::Attr(const pugi::xml_node& node, std::string_view local) const {
  return node.attribute(Qualified(local).c_str());
}

std::string_view WordNamespace::ChildVal(const pugi::xml_node& node, std::string_view local) const {
  pugi::xml_node child = Child(node, local);
  return child ? std::string_view(Attr(child, "val").value()) : std::string_view();
}

int WordNamespace::IntAttr(const pugi::xml_node& node, std::string_view local, int fallback) const {
  pugi::xml_attribute a = Attr(node, local);
  return a ? ParseInt(a.value(), fallback) : fallback;
}

bool WordNamespace::On(const pugi::xml_node& property) const {
  if (!property) return false;
  std::string_view value = Attr(property, "val").value();
  return value != "0" && value != "false" && value != "off";
}

}  // namespace clausescan::internal

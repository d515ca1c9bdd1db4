#include "extract/docx_checkbox.h"

#include <cctype>
#include <string>

namespace clausescan::internal {
namespace {

// The local part of a qualified name ("checkbox" for "w14:checkbox").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element whose local name is `local`, in any namespace.
pugi::xml_node AnyChild(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

// The value of the attribute whose local name is `local`, in any namespace ("" when none).
std::string_view AnyAttr(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute attr : node.attributes()) {
    std::string_view name = attr.name();
    const std::size_t colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) {
      return attr.value();
    }
  }
  return {};
}

bool IsOn(std::string_view value) { return value == "1" || value == "true" || value == "on"; }

std::string_view Box(bool ticked) { return ticked ? kTickedBox : kUntickedBox; }

}  // namespace

std::string_view CheckboxControlText(const pugi::xml_node& sdt, const WordNamespace& w) {
  const pugi::xml_node properties = w.Child(sdt, "sdtPr");
  const pugi::xml_node checkbox = AnyChild(properties, "checkbox");
  if (!checkbox) return {};
  const pugi::xml_node checked = AnyChild(checkbox, "checked");
  return Box(checked && IsOn(AnyAttr(checked, "val")));
}

std::string_view CheckboxFieldText(const pugi::xml_node& fld_char, const WordNamespace& w) {
  if (w.Attr(fld_char, "fldCharType").value() != std::string_view("begin")) return {};
  const pugi::xml_node checkbox = w.Child(w.Child(fld_char, "ffData"), "checkBox");
  if (!checkbox) return {};
  if (const pugi::xml_node checked = w.Child(checkbox, "checked")) return Box(w.On(checked));
  return Box(IsOn(w.ChildVal(checkbox, "default")));
}

std::string_view SymbolBoxText(const pugi::xml_node& sym, const WordNamespace& w) {
  std::string code(w.Attr(sym, "char").value());
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code == "2610") return Box(false);
  if (code == "2611" || code == "2612") return Box(true);
  const std::string_view font = w.Attr(sym, "font").value();
  if (font.substr(0, 9) != "Wingdings") return {};
  if (code == "F0A8" || code == "F06F") return Box(false);
  if (code == "F0FE" || code == "F0FD" || code == "F078") return Box(true);
  return {};
}

}  // namespace clausescan::internal

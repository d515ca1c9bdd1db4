#include "extract/docx_numbering.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <utility>

#include "extract/ooxml.h"

namespace clausescan::internal {
namespace {

constexpr int kLevels = 9;
constexpr int kMaxStyleHops = 32;  // basedOn chains are short; a cycle must not loop forever

std::string Roman(int value) {
  static constexpr std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [amount, digits] : kDigits) {
    while (value >= amount) {
      out += digits;
      value -= amount;
    }
  }
  return out;
}

// Word's letters: a..z, then aa..zz, aaa...
std::string Letters(int value) {
  int repeat = (value - 1) / 26 + 1;
  return std::string(static_cast<std::size_t>(std::min(repeat, 64)),
                     static_cast<char>('a' + (value - 1) % 26));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Ordinal(int value) {
  int tens = value % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    suffix = value % 10 == 1 ? "st" : value % 10 == 2 ? "nd" : value % 10 == 3 ? "rd" : "th";
  }
  return std::to_string(value) + suffix;
}

int ClampLevel(int ilvl) { return std::clamp(ilvl, 0, kLevels - 1); }

// The longest prefix of text of at most max_bytes that does not split a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The outline level a built-in style name implies: "heading 2" -> 1.
int HeadingLevelFromName(std::string_view name) {
  if (name.size() == 9 && EqualsIgnoreCase(name.substr(0, 8), "heading ") && name[8] >= '1' &&
      name[8] <= '9') {
    return name[8] - '1';
  }
  return -1;
}

}  // namespace

std::string FormatNumber(int value, std::string_view format) {
  if (format == "none") return "";
  if (format == "bullet") return "-";
  if (value > 0) {
    if (format == "lowerLetter") return Letters(value);
    if (format == "upperLetter") return Upper(Letters(value));
    if (format == "lowerRoman" && value < 4000) return Roman(value);
    if (format == "upperRoman" && value < 4000) return Upper(Roman(value));
    if (format == "ordinal") return Ordinal(value);
  }
  if (format == "decimalZero" && value >= 0 && value < 10) return "0" + std::to_string(value);
  return std::to_string(value);
}

void Numbering::ReadNumbering(const pugi::xml_node& numbering_root) {
  if (!numbering_root) return;
  WordNamespace w(numbering_root);
  pugi::xml_node root = RootElement(numbering_root);
  std::size_t abstracts = 0;
  std::size_t instances = 0;
  for (pugi::xml_node node : root.children()) {
    std::string_view local = w.Local(node);
    if ((local == "abstractNum" && ++abstracts > kMaxDefinitions) ||
        (local == "num" && ++instances > kMaxDefinitions)) {
      simplified_ = true;
      continue;
    }
    if (local == "abstractNum") {
      ReadAbstract(node);
    } else if (local == "num") {
      Instance instance;
      instance.abstract_id = ParseInt(w.ChildVal(node, "abstractNumId"), -1);
      for (pugi::xml_node o : node.children()) {
        if (w.Local(o) != "lvlOverride") continue;
        int ilvl = ClampLevel(w.IntAttr(o, "ilvl", 0));
        pugi::xml_node start = w.Child(o, "startOverride");
        if (start) instance.start_overrides[ilvl] = w.IntAttr(start, "val", 1);
        pugi::xml_node lvl = w.Child(o, "lvl");
        if (lvl) {
          Level level;
          level.start = ParseInt(w.ChildVal(lvl, "start"), 1);
          if (pugi::xml_node f = w.Child(lvl, "numFmt")) level.format = w.Attr(f, "val").value();
          std::string_view text = w.ChildVal(lvl, "lvlText");
          if (text.size() > kMaxLevelTextBytes) simplified_ = true;
          level.text = CutUtf8(text, kMaxLevelTextBytes);
          instance.level_overrides[ilvl] = level;
        }
      }
      instances_[w.IntAttr(node, "numId", -1)] = std::move(instance);
    }
  }
}

void Numbering::ReadAbstract(const pugi::xml_node& abstract) {
  WordNamespace w(abstract.root());
  int id = w.IntAttr(abstract, "abstractNumId", -1);
  Levels levels;
  for (pugi::xml_node lvl : abstract.children()) {
    if (w.Local(lvl) != "lvl") continue;
    Level& level = levels[ClampLevel(w.IntAttr(lvl, "ilvl", 0))];
    level.start = ParseInt(w.ChildVal(lvl, "start"), 1);
    if (pugi::xml_node f = w.Child(lvl, "numFmt")) level.format = w.Attr(f, "val").value();
    if (pugi::xml_node t = w.Child(lvl, "lvlText")) {
      std::string_view text = w.Attr(t, "val").value();
      if (text.size() > kMaxLevelTextBytes) simplified_ = true;
      level.text = CutUtf8(text, kMaxLevelTextBytes);
    }
    if (pugi::xml_node r = w.Child(lvl, "lvlRestart")) level.restart = w.IntAttr(r, "val", -1);
    level.legal = w.On(w.Child(lvl, "isLgl"));
  }
  abstracts_[id] = levels;
  std::string_view link = w.ChildVal(abstract, "numStyleLink");
  if (!link.empty()) abstract_style_links_[id] = std::string(link);
}

void Numbering::ReadStyles(const pugi::xml_node& styles_root) {
  if (!styles_root) return;
  WordNamespace w(styles_root);
  pugi::xml_node root = RootElement(styles_root);
  struct Raw {
    StyleInfo own;
    std::string based_on;
  };
  std::map<std::string, Raw, std::less<>> raw;
  for (pugi::xml_node style : root.children()) {
    if (w.Local(style) != "style") continue;
    if (raw.size() >= kMaxDefinitions) {
      simplified_ = true;
      break;
    }
    std::string_view type = w.Attr(style, "type").value();
    if (type != "paragraph" && type != "numbering") continue;
    std::string id = w.Attr(style, "styleId").value();
    Raw r;
    r.based_on = w.ChildVal(style, "basedOn");
    std::string_view name = w.ChildVal(style, "name");
    r.own.outline_level = HeadingLevelFromName(name);
    r.own.title = EqualsIgnoreCase(name, "title");
    if (pugi::xml_node ppr = w.Child(style, "pPr")) {
      if (pugi::xml_node num = w.Child(ppr, "numPr")) {
        r.own.num_id = ParseInt(w.ChildVal(num, "numId"), -1);
        r.own.ilvl = ParseInt(w.ChildVal(num, "ilvl"), -1);
      }
      if (pugi::xml_node outline = w.Child(ppr, "outlineLvl")) {
        r.own.outline_level = w.IntAttr(outline, "val", -1);
      }
    }
    std::string_view is_default = w.Attr(style, "default").value();
    if (type == "paragraph" && (is_default == "1" || is_default == "true" || is_default == "on")) {
      default_style_ = id;
    }
    raw[id] = std::move(r);
  }
  // Resolve basedOn chains: a property the style does not set comes from its base.
  for (const auto& [id, r] : raw) {
    StyleInfo info = r.own;
    std::string_view base = r.based_on;
    for (int hop = 0; hop < kMaxStyleHops && !base.empty(); ++hop) {
      auto it = raw.find(base);
      if (it == raw.end()) break;
      const StyleInfo& b = it->second.own;
      if (info.num_id < 0) info.num_id = b.num_id;
      if (info.ilvl < 0) info.ilvl = b.ilvl;
      if (info.outline_level < 0) info.outline_level = b.outline_level;
      base = it->second.based_on;
    }
    if (info.outline_level > 8) info.outline_level = -1;  // 9 means body text
    styles_[id] = info;
  }
}

StyleInfo Numbering::Style(std::string_view style_id) const {
  auto it = styles_.find(style_id.empty() ? std::string_view(default_style_) : style_id);
  return it == styles_.end() ? StyleInfo{} : it->second;
}

const Numbering::Levels* Numbering::LevelsOf(int abstract_id, int hops) const {
  auto link = abstract_style_links_.find(abstract_id);
  if (link != abstract_style_links_.end() && hops < 2) {
    // numStyleLink: the definition lives with the numbering style's own list.
    StyleInfo style = Style(link->second);
    auto instance = instances_.find(style.num_id);
    if (instance != instances_.end() && instance->second.abstract_id != abstract_id) {
      return LevelsOf(instance->second.abstract_id, hops + 1);
    }
  }
  auto it = abstracts_.find(abstract_id);
  return it == abstracts_.end() ? nullptr : &it->second;
}

Numbering::Counters& Numbering::CountersFor(int num_id, const Instance& instance) {
  if (instance.start_overrides.empty()) return abstract_counters_[instance.abstract_id];
  return instance_counters_[num_id];
}

std::string Numbering::Label(const Levels& levels, const Counters& counters, int ilvl) {
  const Level& level = levels[ilvl];
  if (level.format == "bullet") return "-";
  std::string out;
  for (std::size_t i = 0; i < level.text.size() && out.size() <= kMaxLabelBytes; ++i) {
    char c = level.text[i];
    if (c == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' &&
        level.text[i + 1] <= '9') {
      int k = level.text[++i] - '1';
      int value = counters.started[k] ? counters.value[k] : levels[k].start;
      bool decimal = level.legal && k < ilvl;
      out += FormatNumber(value, decimal ? "decimal" : std::string_view(levels[k].format));
    } else {
      out += c;
    }
  }
  if (out.size() > kMaxLabelBytes) {
    simplified_ = true;
    out.resize(CutUtf8(out, kMaxLabelBytes).size());
  }
  std::size_t begin = out.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return out.substr(begin, out.find_last_not_of(" \t") - begin + 1);
}

std::string Numbering::Next(int num_id, int ilvl) {
  if (num_id <= 0) return "";
  auto found = instances_.find(num_id);
  if (found == instances_.end()) return "";
  const Instance& instance = found->second;
  const Levels* base = LevelsOf(instance.abstract_id, 0);
  if (base == nullptr) return "";
  Levels levels = *base;
  for (const auto& [k, level] : instance.level_overrides) levels[k] = level;
  for (const auto& [k, start] : instance.start_overrides) levels[k].start = start;
  ilvl = ClampLevel(ilvl);

  Counters& counters = CountersFor(num_id, instance);
  if (counters.started[ilvl]) {
    int& value = counters.value[ilvl];
    if (value < std::numeric_limits<int>::max()) ++value;  // a hostile start must not overflow
  } else {
    counters.value[ilvl] = levels[ilvl].start;
    counters.started[ilvl] = true;
  }
  for (int d = ilvl + 1; d < kLevels; ++d) {
    int restart = levels[d].restart;
    if (restart < 0 || (restart > 0 && ilvl < restart)) counters.started[d] = false;
  }
  return Label(levels, counters, ilvl);
}

}  // namespace clausescan::internal

// Word list and heading numbers ("12.3", "(b)", "Article IV") computed from numbering.xml and
// the paragraph styles of styles.xml, as Word displays them.
#ifndef CLAUSESCAN_EXTRACT_DOCX_NUMBERING_H_
#define CLAUSESCAN_EXTRACT_DOCX_NUMBERING_H_

#include <array>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// What a paragraph's style (through its basedOn chain) says about numbering and outline.
struct StyleInfo {
  int num_id = -1;         // -1: the style says nothing; 0: explicitly not numbered
  int ilvl = -1;           // -1: not said
  int outline_level = -1;  // 0-8 for headings; -1 for body text
  bool title = false;      // the "Title" style
};

// Formats `value` in a Word number format ("decimal", "lowerLetter", "upperRoman", ...). Unknown
// formats print as decimal; "none" prints nothing; "bullet" prints "-".
std::string FormatNumber(int value, std::string_view format);

// Labels are cut at this many bytes (on a character boundary): Word shows short labels, and a
// level text repeating "%1" thousands of times made megabytes of label per paragraph.
inline constexpr std::size_t kMaxLabelBytes = 64;
// Level texts longer than this are cut when read (they could only make labels longer than
// kMaxLabelBytes).
inline constexpr std::size_t kMaxLevelTextBytes = 256;
// A document's numbering.xml and styles.xml are read up to this many list definitions
// (abstractNum), list instances (num) and styles each; the rest are ignored. Real documents have
// hundreds at most; the cap bounds the memory the definitions take (a few MiB).
inline constexpr std::size_t kMaxDefinitions = 10000;

class Numbering {
 public:
  // No lists and no styles; add them with ReadStyles and ReadNumbering.
  Numbering() = default;

  // Reads the paragraph styles of styles.xml (its document or root element; an empty node
  // reads nothing). Keeps no reference to the part, which may be freed afterwards. Never fails:
  // malformed styles are skipped. Call at most once.
  void ReadStyles(const pugi::xml_node& styles_root);
  // Reads the definitions of numbering.xml, likewise: no reference kept, malformed definitions
  // skipped. Call at most once.
  void ReadNumbering(const pugi::xml_node& numbering_root);

  // True when a definition was ignored (past kMaxDefinitions) or a label was cut
  // (kMaxLabelBytes): the text then shows some list numbers differently from Word.
  bool simplified() const { return simplified_; }

  // The resolved numbering facts of a paragraph style id ("" means the default style).
  StyleInfo Style(std::string_view style_id) const;

  // Advances the counters for a paragraph numbered (num_id, ilvl) and returns its label as
  // Word shows it: "12.3", "(b)", "-" for a bullet, "" when the paragraph has no visible number
  // (num_id 0 or unknown, a "none" format, an empty level text).
  std::string Next(int num_id, int ilvl);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;    // lvlText: "%1.%2", "(%3)"
    int restart = -1;    // lvlRestart: -1 default (after any shallower level), 0 never
    bool legal = false;  // isLgl: every number shown in decimal
  };
  using Levels = std::array<Level, 9>;
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };
  struct Instance {
    int abstract_id = -1;
    std::map<int, Level> level_overrides;  // lvlOverride/lvl
    std::map<int, int> start_overrides;    // lvlOverride/startOverride
  };

  void ReadAbstract(const pugi::xml_node& abstract);
  const Levels* LevelsOf(int abstract_id, int hops) const;
  Counters& CountersFor(int num_id, const Instance& instance);
  std::string Label(const Levels& levels, const Counters& counters, int ilvl);

  std::map<int, Levels> abstracts_;
  std::map<int, std::string> abstract_style_links_;       // numStyleLink: a numbering style id
  std::map<int, Instance> instances_;                     // by numId
  std::map<std::string, StyleInfo, std::less<>> styles_;  // resolved, by style id
  std::string default_style_;
  std::map<int, Counters> abstract_counters_;  // lists share counters per abstract definition
  std::map<int, Counters> instance_counters_;  // ... unless the instance restarts them
  bool simplified_ = false;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_DOCX_NUMBERING_H_

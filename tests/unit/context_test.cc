#include "report/context.h"

#include <gtest/gtest.h>

#include <string>

namespace clausescan::internal {
namespace {

struct ContextCase {
  const char* text;
  std::size_t at;
  std::size_t max_chars;
  const char* before;
  const char* after;
};

TEST(Context, Table) {
  const ContextCase cases[] = {
      // Short text: everything, leading and trailing whitespace dropped at the far ends.
      {"  intro CLAUSE outro  ", 8, 60, "intro ", "CLAUSE outro"},
      // The limit cuts a word: the partial word is left out.
      {"alpha beta gamma CLAUSE", 17, 8, "gamma ", "CLAUSE"},
      {"CLAUSE one two three", 6, 9, "CLAUSE", " one two"},
      // A blank line ends the paragraph on either side.
      {"other paragraph\n\nsame para CLAUSE tail\n\nnext", 27, 60, "same para ", " tail"},
      {"other\n \t\nCLAUSE", 9, 60, "", "CLAUSE"},
      // A single line break is inside the paragraph (hard-wrapped text).
      {"first line\nsecond CLAUSE", 18, 60, "first line\nsecond ", "CLAUSE"},
      // Offsets at the ends and past them.
      {"CLAUSE", 0, 60, "", "CLAUSE"},
      {"text", 99, 60, "text", ""},
  };
  for (const ContextCase& c : cases) {
    EXPECT_EQ(ContextBefore(c.text, c.at, c.max_chars), c.before) << c.text;
  }
  // ContextAfter from the end of "CLAUSE" (or `at` when there is none).
  for (const ContextCase& c : cases) {
    std::string text = c.text;
    std::size_t clause = text.find("CLAUSE");
    std::size_t at = clause == std::string::npos ? c.at : clause + 6;
    std::string expected = c.after;
    std::size_t cut = expected.find("CLAUSE");
    if (cut != std::string::npos) expected.erase(0, cut + 6);
    EXPECT_EQ(ContextAfter(text, at, c.max_chars), expected) << c.text;
  }
}

TEST(Context, CountsCharactersNotBytes) {
  std::string text = "\u00e9\u00e9\u00e9\u00e9 \u00e9\u00e9 CLAUSE";  // 2-byte letters
  std::size_t at = text.find("CLAUSE");
  EXPECT_EQ(ContextBefore(text, at, 3), "\u00e9\u00e9 ");
  EXPECT_EQ(ContextBefore(text, at, 8), "\u00e9\u00e9\u00e9\u00e9 \u00e9\u00e9 ");
  std::string after = "CLAUSE \u20ac\u20ac \u20ac\u20ac\u20ac";  // 3-byte euro signs
  EXPECT_EQ(ContextAfter(after, 6, 5), " \u20ac\u20ac");
  EXPECT_EQ(ContextAfter(after, 6, 4), " \u20ac\u20ac");
  EXPECT_EQ(ContextAfter(after, 6, 2), "");
}

}  // namespace
}  // namespace clausescan::internal

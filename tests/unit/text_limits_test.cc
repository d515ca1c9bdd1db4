// The bounds of the matching view and the outline that keep a scan's memory proportional to
// its text (issue 16 review A, B): the normalised text stops at its limit and NFKC reads a few
// KiB at a time; units, paragraphs and sections are bounded.
#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <string>

#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {
namespace {

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string IcuNfkc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                      nullptr, status);
  return U_SUCCESS(status) ? out : "<ICU failed>";
}

// issue 16 review A: NFKC made 46 MB of one 4 MiB run of U+FDFA, built whole before any limit
// was looked at. The view stops as it passes its limit.
TEST(NormalizeWithin, StopsAtTheLimit) {
  const std::string doc = "Notice. " + Repeat("\xEF\xB7\xBA", 100'000);  // 3.3 MB normalised
  EXPECT_FALSE(NormalizeWithin(doc, {}, 1 << 20).has_value());
  std::optional<NormalizedText> whole = NormalizeWithin(doc, {}, 4 << 20);
  ASSERT_TRUE(whole.has_value());
  EXPECT_GT(whole->text.size(), std::size_t{3} << 20);
  const std::string ascii = "Supplier shall notify Customer.";
  ASSERT_TRUE(NormalizeWithin(ascii, {}, ascii.size()).has_value());  // at the limit: kept
  EXPECT_FALSE(NormalizeWithin(ascii, {}, ascii.size() - 1).has_value());
}

// NFKC reads long runs of non-ASCII text in pieces cut where it has a boundary, which gives what
// normalising the run whole gives; so does a run of combining marks too long to find one.
TEST(NormalizeWithin, LongRunsNormaliseAsAWhole) {
  const std::string mixed = Repeat(
      "\xEF\xAC\x81\xE2\x91\xA0\xEF\xBC\xA1"
      "e\xCC\x81\xC3\xA9\xE3\x82\xAB\xE3\x82\x99",
      3000);  // U+FB01 U+2460 U+FF21 e+U+0301 U+00E9 U+30AB+U+3099
  const std::string marks = "e" + Repeat("\xCC\x81", 20'000);
  for (const std::string& run : {mixed, marks}) {
    EXPECT_EQ(Normalize(run, {}).text, IcuNfkc(run)) << run.substr(0, 30);
  }
}

// issue 16 review B: one "sentence" of the whole text made one unit: its words were tokenised for
// every rule that held in it (15 times the text). Units are cut at 64 KiB, paragraphs at
// 256 KiB, on spaces and line breaks.
TEST(SegmentBounds, LongUnitsAndParagraphsAreCut) {
  const std::string doc = "Supplier shall notify " + Repeat("customer ", 120'000) + "now.\n" +
                          Repeat("a line of the paragraph\n", 40'000);
  const NormalizedText text = Normalize(doc, {});
  const Outline outline = Segment(text);
  std::size_t longest_unit = 0;
  std::size_t longest_paragraph = 0;
  for (const Unit& unit : outline.units)
    longest_unit = std::max<std::size_t>(longest_unit, unit.end - unit.begin);
  for (const Paragraph& p : outline.paragraphs) {
    longest_paragraph = std::max<std::size_t>(longest_paragraph, p.end - p.begin);
  }
  EXPECT_LE(longest_unit, std::size_t{64} << 10);
  EXPECT_GT(longest_unit, std::size_t{32} << 10);
  EXPECT_LE(longest_paragraph, std::size_t{256} << 10);
  EXPECT_GT(outline.paragraphs.size(), 4u);
  // Cut at spaces: every unit starts a word.
  for (const Unit& unit : outline.units) {
    ASSERT_TRUE(unit.begin == 0 || text.text[unit.begin - 1] == ' ' ||
                text.text[unit.begin - 1] == '\n')
        << unit.begin;
  }
}

// issue 16 review B: each one-line heading opened a section of three strings (28 bytes of memory
// per byte of "# a\n"). The first 100,000 open sections; the rest are headings of the last.
TEST(SegmentBounds, TheFirstHundredThousandHeadingsOpenSections) {
  const NormalizedText text = Normalize(Repeat("# a\n", 100'005) + "Tail text.\n", {true});
  const Outline outline = Segment(text);
  EXPECT_EQ(outline.sections.size(), 100'000u);
  EXPECT_EQ(outline.units.size(), 100'006u);
  EXPECT_EQ(outline.units.back().section, 99'999);
}

}  // namespace
}  // namespace clausescan::internal

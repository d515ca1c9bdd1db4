// LineIndex: lines and columns of byte offsets. Columns count UTF-8 code points (bytes that
// are not continuation bytes) from the start of the line, however long the line.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "support/bounded_child.h"
#include "text/normalize.h"

namespace clausescan::internal {
namespace {

TEST(LineIndexColumns, Table) {
  struct Case {
    std::string document;
    std::size_t offset;
    int line;
    int column;
  };
  const std::string e_acute = "\xC3\xA9";       // 2 bytes
  const std::string euro = "\xE2\x82\xAC";      // 3 bytes
  const std::string grin = "\xF0\x9F\x98\x80";  // 4 bytes
  const std::string long_line(10000, 'a');      // crosses several 4 KiB steps
  const Case cases[] = {
      {"abc", 0, 1, 1},
      {"abc", 2, 1, 3},
      {"abc", 3, 1, 4},
      {"abc", 99, 1, 4},  // past the end: the end
      {e_acute + "x", 2, 1, 2},
      {e_acute + "x", 1, 1, 2},  // inside a character: after its first byte
      {euro + grin + "x", 7, 1, 3},
      {"ab\n" + euro + "x", 6, 2, 2},
      {"ab\n\n" + grin + "x", 8, 3, 2},
      {"\x80\x80x", 2, 1, 1},  // stray continuation bytes count for nothing
      {"\xC3x", 1, 1, 2},      // a lead byte without its continuation counts one
      {long_line + euro + "x", 10003, 1, 10002},
      {long_line + "\n" + euro + long_line + "x", 20004, 2, 10002},
      {std::string(4095, 'a') + euro + "x", 4098, 1, 4097},  // a character across 4096
      {std::string(4096, 'a') + "\n" + std::string(4096, 'b') + "x", 8193, 2, 4097},
      // Attack review of main 969285f #4: a file with only "\r" line ends was one line, so
      // every finding was reported at line 1. "\r\n" is one line end, a lone "\r" another.
      {"ab\rcd\rx", 6, 3, 1},
      {"ab\r\ncd\r\nx", 8, 3, 1},
      {"ab\r\rx", 4, 3, 1},
      {"ab\n\rx", 4, 3, 1},
      {"ab\r", 3, 2, 1},
  };
  for (const Case& c : cases) {
    LineIndex lines(c.document);
    EXPECT_EQ(lines.Line(c.offset), c.line) << c.document.size() << " @ " << c.offset;
    EXPECT_EQ(lines.Column(c.offset), c.column) << c.document.size() << " @ " << c.offset;
  }
}

// Every offset of a document with long and short lines, multibyte characters at and across
// every 4 KiB boundary, and invalid bytes, against a count made byte by byte.
TEST(LineIndexColumns, EveryOffsetMatchesACountFromTheLineStart) {
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x80", "\xC3",
                                " ", "\n"};
  std::string document;
  unsigned state = 12345;
  while (document.size() < 40000) {
    state = state * 1103515245u + 12345u;
    const unsigned pick = (state >> 8) % 7000;
    // Mostly lines longer than 4 KiB: a newline one time in 7,000.
    document += pick == 0 ? pieces[7] : pieces[pick % 7];
  }
  document += std::string(9000, 'z');
  LineIndex lines(document);
  int line = 1;
  int column = 1;
  for (std::size_t offset = 0; offset <= document.size(); ++offset) {
    if (offset > 0) {
      const unsigned char previous = static_cast<unsigned char>(document[offset - 1]);
      if (previous == '\n') {
        ++line;
        column = 1;
      } else if ((previous & 0xC0) != 0x80) {
        ++column;
      }
    }
    ASSERT_EQ(lines.Line(offset), line) << offset;
    ASSERT_EQ(lines.Column(offset), column) << offset;
  }
}

// issue 16 #7: each Column counted from the start of its line, so a 9.7 MB one-line document
// took 133 s to scan (the same text one sentence a line, 11 s). 100,000 columns of a 10 MB line
// read the line 100,000 times (about 5 * 10^11 bytes); now each reads at most 4 KiB.
TEST(LineIndexColumns, ManyColumnsOfOneLongLineStayLinear) {
  std::string document;
  const std::string sentence = "Supplier shall notify Customer within 72 hours \xE2\x80\x94 ";
  while (document.size() < 10'000'000) document += sentence;
  const clausescan::testing::ChildOutcome outcome = clausescan::testing::RunBounded([&] {
    LineIndex lines(document);
    long long sum = 0;
    for (std::size_t offset = 0; offset < document.size(); offset += 100) {
      sum += lines.Column(offset);
    }
    return std::to_string(sum) + " " + std::to_string(lines.Column(document.size()));
  });
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  // The column of an offset, from whole sentences and the part of one before it.
  std::vector<long long> within(sentence.size() + 1, 0);  // characters before each byte
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    within[i + 1] = within[i] + ((static_cast<unsigned char>(sentence[i]) & 0xC0) != 0x80);
  }
  const long long per_sentence = within[sentence.size()];
  long long expected = 0;
  for (std::size_t offset = 0; offset < document.size(); offset += 100) {
    expected += 1 + static_cast<long long>(offset / sentence.size()) * per_sentence +
                within[offset % sentence.size()];
  }
  const long long characters =
      static_cast<long long>(document.size() / sentence.size()) * per_sentence;
  EXPECT_EQ(outcome.output, std::to_string(expected) + " " + std::to_string(characters + 1));
}

}  // namespace
}  // namespace clausescan::internal

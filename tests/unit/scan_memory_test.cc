// Memory a scan takes grows with the text by a small constant, whatever the shape of the text
// (issue 16 review A, B): text that NFKC expands, a definition named thousands of times, a long
// lead-in before thousands of inline list items, one-line headings. Each hostile text is made
// here and scanned in a child process whose address space (RLIMIT_AS) the old code exceeded by
// far; what is asserted is the outcome (a report, or a clear error naming the file).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "clausescan/clausescan.h"
#include "support/bounded_child.h"

namespace clausescan {
namespace {

using ::clausescan::testing::ChildBounds;
using ::clausescan::testing::ChildOutcome;
using ::clausescan::testing::RunBounded;

constexpr const char* kClause =
    "Supplier shall notify Customer of any Security Incident within 24 hours.\n\n";

// U+FDFA, one code point (3 bytes) that NFKC makes 18 (33 bytes).
constexpr const char* kSallallahou = "\xEF\xB7\xBA";

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Scans text as `name` in a child with `memory` bytes of address space: "N findings", or the
// error message.
ChildOutcome ScanBounded(const std::string& text, const std::string& name, std::size_t memory,
                         ScanOptions options = {}) {
  Result<RuleSet> rules = RuleSet::Builtin();
  if (!rules.ok()) return {};
  const Scanner scanner(*rules, options);
  return RunBounded(
      [&] {
        Result<Report> report = scanner.ScanBytes(text, name);
        return report.ok() ? std::to_string(report->findings.size()) + " findings"
                           : report.error().message();
      },
      ChildBounds{20, memory});
}

// issue 16 review A: the text limit was checked before NFKC, which turns U+FDFA into 18 code
// points: 4 MiB of it made 46 MB of matching text and took 2.2 GB. The normalised text counts
// against the text limit as it is built.
TEST(ScanMemory, TheNormalisedTextCountsAgainstTheTextLimit) {
  const std::string text = kClause + Repeat(kSallallahou, 350'000) + "\n";  // 1 MB -> 11.5 MB
  ScanOptions options;
  options.max_text_bytes = std::size_t{4} << 20;
  const ChildOutcome outcome = ScanBounded(text, "expands.txt", std::size_t{512} << 20, options);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output,
            "expands.txt: the text normalised for matching (NFKC: some characters become "
            "several) is above the limit of 4194304 bytes (raise the limit with "
            "ScanOptions::max_text_bytes)");
}

// issue 16 review A, B: within the limit, text that NFKC expands is scanned in memory in
// proportion to its normalised size: one 32 MB "sentence" had its words read into tokens for
// the parameters of each rule it held (2.9 MB of U+FDFA: 1.5 GB).
TEST(ScanMemory, TextThatNfkcExpandsIsScannedWithinBounds) {
  // One sentence of 32 MB, normalised, that a rule holds in.
  const std::string text =
      "Supplier shall notify Customer of any Security Incident within 24 hours " +
      Repeat(kSallallahou, 960'000) + ".\n";
  const ChildOutcome outcome = ScanBounded(text, "expands.txt", std::size_t{768} << 20);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "1 findings");
}

// issue 16 review B: a defined period was written out again for each of its 5,000 uses in a
// clause: a 100 KB definition made 500 MB of text per rule (210 KB of input: 8.9 GB, 30 s).
// Expansions add at most 16 KiB to a unit.
TEST(ScanMemory, ADefinitionNamedThousandsOfTimesIsNotWrittenOutEachTime) {
  const std::string text = "\"Notice Period\" means " + Repeat("x ", 50'000) +
                           ".\n\nSupplier shall notify Customer of any Security Incident within "
                           "the notice period" +
                           Repeat(" and the notice period", 5'000) + ".\n";
  const ChildOutcome outcome = ScanBounded(text, "defined.txt", std::size_t{1} << 30);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "1 findings");
}

// issue 16 review B: the lead-in of a sentence was copied before each of its inline list items
// ("(1)" ... "(9999)"): 1 MB of lead-in made 10 GB. Units are cut at 64 KiB, and a lead-in is
// repeated before the items only while that adds at most 64 KiB.
TEST(ScanMemory, ALongLeadInBeforeThousandsOfListItemsIsNotRepeated) {
  std::string items;
  for (int i = 1; i <= 9999; ++i) items += " (" + std::to_string(i) + ") delete data";
  const std::string text =
      "Supplier shall notify Customer of any Security Incident within 24 "
      "hours " +
      Repeat("x ", 500'000) + items + ".\n";
  const ChildOutcome outcome = ScanBounded(text, "items.txt", std::size_t{1} << 30);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_THAT(outcome.output, ::testing::MatchesRegex("[1-9][0-9]* findings"));
}

#if !defined(__SANITIZE_ADDRESS__)
// issue 16 review B: 16 MiB of one-line Markdown headings ("# a") took 900 MB: a section of
// three strings for each. The first 100,000 headings open sections; units and paragraphs hold
// 32-bit offsets.
TEST(ScanMemory, OneLineHeadingsStayWithinTheMemoryBound) {
  const std::string text = Repeat("# a\n", std::size_t{4} << 20);
  const ChildOutcome outcome = ScanBounded(text, "headings.md", std::size_t{640} << 20);
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "0 findings");
}
#endif

}  // namespace
}  // namespace clausescan

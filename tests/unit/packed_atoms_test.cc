// The required atoms of rule patterns, computed at build time (issue 12, perf/match7 step 2):
// the table gives what the run time would compute, and the prefilter built from it finds what
// running every pattern finds.
#include "match/packed_atoms.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "match/pattern_index.h"
#include "match/pattern_shape.h"
#include "rules/loader.h"
#include "rules/model.h"

namespace clausescan::internal {
namespace {

void ExpectSameAtoms(const RequiredAtoms& packed, const RequiredAtoms& computed) {
  EXPECT_TRUE(packed.ok);
  EXPECT_EQ(packed.clauses, computed.clauses);
  EXPECT_EQ(packed.exact, computed.exact);
  EXPECT_EQ(packed.filter, nullptr);  // built when first asked
  EXPECT_EQ(packed.filter_atoms, computed.filter_atoms);
  EXPECT_EQ(packed.passing_sets, computed.passing_sets);
}

// The patterns of the rules' groups and `none` lists and of their `scope: text` flags.
std::vector<std::string> BuiltinPatterns() {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  EXPECT_TRUE(data) << data.error().message();
  std::set<std::string> patterns;
  if (data) {
    for (const Rule& rule : (*data)->rules) {
      for (const auto& group : rule.all) patterns.insert(group.begin(), group.end());
      patterns.insert(rule.none.begin(), rule.none.end());
      for (const ParamSpec& spec : rule.parameters) {
        if (!spec.text_scope) continue;
        patterns.insert(spec.any.begin(), spec.any.end());
        patterns.insert(spec.none.begin(), spec.none.end());
      }
    }
  }
  return {patterns.begin(), patterns.end()};
}

TEST(PackedAtoms, ReadsBackTheAtomsOfEachPattern) {
  const std::vector<std::string> patterns = {
      "\\b(notify|inform)\\b[^.;]{0,60}\\b(hours|days)\\b",                    // exact
      "\\bnotify\\b[^.;]{0,40}\\bhours\\b|\\binform\\b[^.;]{0,40}\\bdays\\b",  // not exact
      "^[^.;:!?]{0,120}$",                                                     // no atom
      "(unclosed"};                                                            // rejected
  const std::string blob = PackPatternAtoms(patterns);
  const PatternAtomTable table(blob);
  EXPECT_EQ(table.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(patterns[i]);
    const std::optional<RequiredAtoms> packed = table.Find(patterns[i]);
    ASSERT_TRUE(packed.has_value());
    ExpectSameAtoms(*packed,
                    PatternIndex::AtomsOf(patterns[i], PatternIndex::kPackedPassingSetSteps));
  }
  EXPECT_FALSE(table.Find("(unclosed").has_value());
  EXPECT_FALSE(table.Find("\\bnotify\\b").has_value());
}

TEST(PackedAtoms, ADamagedBlobGivesAnEmptyTable) {
  const std::string blob = PackPatternAtoms({"\\bnotify\\b", "\\binform\\b"});
  EXPECT_EQ(PatternAtomTable(blob).size(), 2u);
  EXPECT_EQ(PatternAtomTable(blob.substr(0, blob.size() - 1)).size(), 0u);
  EXPECT_EQ(PatternAtomTable("not a table").size(), 0u);
  EXPECT_EQ(PatternAtomTable("").size(), 0u);
}

// The build wrote the atoms of every built-in pattern, as the run time computes them.
TEST(PackedAtoms, TheBuiltinTableHasEveryBuiltinPattern) {
  const std::vector<std::string> patterns = BuiltinPatterns();
  ASSERT_GT(patterns.size(), 500u);
  EXPECT_EQ(BuiltinPatternAtoms().size(), patterns.size());
  for (const std::string& pattern : patterns) {
    SCOPED_TRACE(pattern);
    const std::optional<RequiredAtoms> packed = BuiltinPatternAtoms().Find(pattern);
    ASSERT_TRUE(packed.has_value());
    ExpectSameAtoms(*packed, PatternIndex::AtomsOf(pattern, PatternIndex::kPackedPassingSetSteps));
  }
}

// Patterns whose clauses are weaker than their prefilter are asked their passing sets, or build
// that prefilter when first asked, from the table's atoms: the hits are those of every pattern
// run on its own.
TEST(PackedAtoms, InexactBuiltinPatternsFindWhatEachPatternFinds) {
  std::vector<std::string> inexact;
  for (const std::string& pattern : BuiltinPatterns()) {
    const std::optional<RequiredAtoms> packed = BuiltinPatternAtoms().Find(pattern);
    if (packed && !packed->exact) inexact.push_back(pattern);
  }
  // Both kinds are exercised: patterns with passing sets and patterns that keep their prefilter.
  std::size_t with_sets = 0;
  for (const std::string& pattern : inexact) {
    if (!BuiltinPatternAtoms().Find(pattern)->passing_sets.empty()) ++with_sets;
  }
  EXPECT_GT(with_sets, 0u);
  EXPECT_LT(with_sets, inexact.size());
  std::printf("inexact built-in patterns: %zu, with passing sets: %zu\n", inexact.size(),
              with_sets);
  ASSERT_FALSE(inexact.empty());
  PatternIndex index;
  ASSERT_FALSE(index.Build(inexact, false, /*checked=*/true).has_value());
  PatternIndex::Scratch scratch(index);
  std::vector<int> hits;
  const std::vector<std::string> texts = {
      "the processor shall notify the controller without undue delay and in any event within "
      "72 hours after becoming aware of a personal data breach",
      "customer may audit the books and records of supplier once a year on 30 days notice",
      "supplier shall not engage another processor without prior specific or general written "
      "authorisation of the controller",
      "nothing here"};
  std::vector<std::vector<int>> expected(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (std::size_t i = 0; i < inexact.size(); ++i) {
      if (RE2::PartialMatch(texts[t], RE2(inexact[i], PatternOptions()))) {
        expected[t].push_back(static_cast<int>(i));
      }
    }
  }
  // Rounds before and after the prefilters of the patterns without passing sets are built.
  for (int round = 0; round <= PatternIndex::kAsksBeforeFilter; ++round) {
    for (std::size_t t = 0; t < texts.size(); ++t) {
      index.Match(texts[t], &scratch, &hits);
      ASSERT_EQ(hits, expected[t]) << texts[t] << ", round " << round;
    }
  }
}

}  // namespace
}  // namespace clausescan::internal

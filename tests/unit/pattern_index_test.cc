// The literal prefilter of rule patterns (issue 12 #3): atoms, the patterns they let through, and
// results identical to running every pattern.
#include "match/pattern_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "match/atom_finder.h"
#include "match/pattern_shape.h"
#include "match/required_atoms.h"

namespace clausescan::internal {
namespace {

std::vector<int> Found(const AtomFinder& finder, std::string_view text) {
  AtomFinder::Scratch scratch;
  std::vector<int> found;
  finder.Find(text, &scratch, &found);
  std::sort(found.begin(), found.end());
  return found;
}

TEST(AtomFinder, FindsEveryAtomOnceIncludingOverlapsAndSuffixes) {
  const AtomFinder finder({"he", "she", "his", "hers", ""});
  EXPECT_EQ(Found(finder, "ushers"), (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(Found(finder, "this and his"), (std::vector<int>{2}));
  EXPECT_EQ(Found(finder, "nothing"), (std::vector<int>{}));
  EXPECT_EQ(Found(finder, ""), (std::vector<int>{}));
}

// issue 12 #2: ASCII text is searched as it is, upper case included (no lower-cased copy).
TEST(AtomFinder, MatchesUpperCaseAsciiLettersOfTheText) {
  const AtomFinder finder({"he", "she", "his", "hers", "x-1"});
  EXPECT_EQ(Found(finder, "USHERS"), (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(Found(finder, "This X-1"), (std::vector<int>{2, 4}));
  std::string buffer;
  EXPECT_EQ(LowerForAtoms("Upper ASCII stays", &buffer), "Upper ASCII stays");
}

// Thousands of atoms, as a rule pack gives: the same atoms as a plain search finds, and tables
// that stay small (issue 12 #2: full rows for every state were 7.5 MB for the built-in pack's
// 5,720 atoms, a cache miss on nearly every byte).
std::vector<std::string> ManyAtoms() {
  std::vector<std::string> atoms;
  std::uint32_t seed = 12345;
  auto next = [&seed] { return (seed = seed * 1103515245 + 12345) >> 16; };
  const std::string letters = "etaoinshrdlucmfwypvbgkqjxz -'";
  for (int i = 0; i < 6000; ++i) {
    std::string atom;
    const int length = 1 + static_cast<int>(next() % 12);
    for (int k = 0; k < length; ++k) atom += letters[next() % (i < 3000 ? 12 : letters.size())];
    atoms.push_back(atom);
  }
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  return atoms;
}

TEST(AtomFinder, FindsWhatAPlainSearchFindsAmongThousandsOfAtoms) {
  const std::vector<std::string> atoms = ManyAtoms();
  const AtomFinder finder(atoms);
  std::uint32_t seed = 7;
  auto next = [&seed] { return (seed = seed * 1103515245 + 12345) >> 16; };
  for (int round = 0; round < 50; ++round) {
    std::string text;
    const int length = static_cast<int>(next() % 400);
    const std::string bytes = "etaoinshrdlu -.,;0\xc3";
    for (int k = 0; k < length; ++k) text += bytes[next() % bytes.size()];
    std::vector<int> expected;
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      if (text.find(atoms[a]) != std::string::npos) expected.push_back(static_cast<int>(a));
    }
    EXPECT_EQ(Found(finder, text), expected) << text;
  }
}

TEST(AtomFinder, TablesStaySmallForThousandsOfAtoms) {
  const std::vector<std::string> atoms = ManyAtoms();
  ASSERT_GT(atoms.size(), 5000u);
  const AtomFinder finder(atoms);
  EXPECT_LT(finder.table_bytes(), std::size_t{1} << 20) << atoms.size() << " atoms";
}

TEST(AtomFinder, LowersUpperCaseAndNonAsciiText) {
  std::string buffer;
  EXPECT_EQ(LowerForAtoms("already lower", &buffer), "already lower");
  EXPECT_EQ(LowerForAtoms("Notify \xC3\x89T\xC3\x89", &buffer), "notify \xC3\xA9t\xC3\xA9");
  // KELVIN SIGN (3 bytes) lowers to 'k': case-insensitive "k" matches it.
  EXPECT_EQ(LowerForAtoms("\xE2\x84\xAA"
                          "ey",
                          &buffer),
            "key");
}

// Every pattern on its own: the reference the prefiltered index must equal.
std::vector<int> Reference(const std::vector<std::string>& patterns, std::string_view text) {
  std::vector<int> hits;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (RE2::PartialMatch(text, RE2(patterns[i], PatternOptions()))) {
      hits.push_back(static_cast<int>(i));
    }
  }
  return hits;
}

const std::vector<std::string>& Patterns() {
  static const std::vector<std::string> patterns = {
      "\\bnotif(y|ied|ication)\\b",                     // 0: atoms "notify", ...
      "\\bsecurity incident\\b[^.;]{0,60}\\bhours\\b",  // 1: "security incident" and "hours"
      "\\b[0-9]+ days\\b|\\b[a-z]\\b",                  // 2: no atom on the right of '|'
      "^[^.;]{0,20}$",                                  // 3: no atom at all
      "\\bkey\\b",                                      // 4: "key"
      "\\b(sla|service levels?)\\b",                    // 5: "sla" or "service level"
  };
  return patterns;
}

TEST(PatternIndex, APatternWhoseAtomIsAbsentIsNotRun) {
  PatternIndex index;
  ASSERT_FALSE(index.Build(Patterns()).has_value());
  PatternIndex::Scratch scratch(index);
  const std::vector<int> candidates =
      index.Candidates("The supplier shall inform the customer within 24 hours.", &scratch);
  EXPECT_EQ(std::count(candidates.begin(), candidates.end(), 0), 0);  // no "notif..."
  EXPECT_EQ(std::count(candidates.begin(), candidates.end(), 1), 0);  // "hours" alone is not enough
  EXPECT_EQ(std::count(candidates.begin(), candidates.end(), 4), 0);
  const std::vector<int> with_atoms = index.Candidates(
      "After a security incident the supplier shall notify within 24 hours.", &scratch);
  EXPECT_EQ(std::count(with_atoms.begin(), with_atoms.end(), 0), 1);
  EXPECT_EQ(std::count(with_atoms.begin(), with_atoms.end(), 1), 1);
}

TEST(PatternIndex, APatternWithNoAtomsAlwaysRuns) {
  PatternIndex index;
  ASSERT_FALSE(index.Build(Patterns()).has_value());
  EXPECT_EQ(index.always_run(), (std::vector<int>{2, 3}));
  PatternIndex::Scratch scratch(index);
  EXPECT_EQ(index.Candidates("zzz", &scratch), (std::vector<int>{2, 3}));
  std::vector<int> hits;
  EXPECT_TRUE(index.Match("a ox", &scratch, &hits));
  EXPECT_EQ(hits, (std::vector<int>{2, 3}));
}

// RE2's parser factors "sla|service" into "s(?:la|ervice)", whose prefilter keeps no atom; the
// index unfactors alternatives first, so such a pattern is filtered like any other.
TEST(PatternIndex, AlternativesWithACommonPrefixKeepTheirAtoms) {
  PatternIndex index;
  ASSERT_FALSE(index.Build(Patterns()).has_value());
  EXPECT_EQ(std::count(index.always_run().begin(), index.always_run().end(), 5), 0);
  PatternIndex::Scratch scratch(index);
  const std::vector<int> without = index.Candidates("the supplier shall place it", &scratch);
  EXPECT_EQ(std::count(without.begin(), without.end(), 5), 0);
  const std::vector<int> with = index.Candidates("the service levels apply", &scratch);
  EXPECT_EQ(std::count(with.begin(), with.end(), 5), 1);
}

TEST(PatternIndex, HitsEqualEveryPatternRunOnItsOwn) {
  PatternIndex index;
  ASSERT_FALSE(index.Build(Patterns()).has_value());
  PatternIndex::Scratch scratch(index);
  const char* texts[] = {
      "",
      "a security incident was found; within 24 hours",  // ';' breaks the window
      "a security incident lasting many hours",
      "a security incident and then a long text that runs far beyond sixty characters in hours",
      "We shall NOTIFY the Customer.",
      "the \xE2\x84\xAA"
      "EY term",  // KELVIN SIGN: "\bkey\b" matches case-insensitively
      "notified",
      "short",
      "within 30 days",
      "the sla and the service level",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    std::vector<int> hits;
    index.Match(text, &scratch, &hits);
    EXPECT_EQ(hits, Reference(Patterns(), text));
  }
}

// issue 12 #2: each pattern keeps every literal it needs, however many patterns share one.
TEST(PatternIndex, AnAtomSharedByManyPatternsIsStillRequired) {
  std::vector<std::string> patterns;
  for (int i = 0; i < 12; ++i) {
    patterns.push_back("\\bnotice\\b[^.;]{0,40}\\bclause" + std::to_string(i) + "x\\b");
  }
  PatternIndex index;
  ASSERT_FALSE(index.Build(patterns).has_value());
  PatternIndex::Scratch scratch(index);
  EXPECT_EQ(index.Candidates("see clause3x only", &scratch), (std::vector<int>{}));
  EXPECT_EQ(index.Candidates("notice under clause3x", &scratch), (std::vector<int>{3}));
  EXPECT_EQ(index.Candidates("clause3x, clause5x, then notice", &scratch),
            (std::vector<int>{3, 5}));
}

// Clauses of required atoms: exact for an AND of ORs, none for a pattern without literals.
TEST(RequiredAtoms, AndOfOrsGivesOneClausePerGroup) {
  const RequiredAtoms window =
      FindRequiredAtoms("\\b(notify|inform)\\b[^.;]{0,60}\\b(hours|days)\\b", PatternOptions(), 3);
  ASSERT_TRUE(window.ok);
  std::vector<std::vector<std::string>> clauses = window.clauses;
  for (auto& clause : clauses) std::sort(clause.begin(), clause.end());
  std::sort(clauses.begin(), clauses.end());
  EXPECT_EQ(clauses,
            (std::vector<std::vector<std::string>>{{"days", "hours"}, {"inform", "notify"}}));
  EXPECT_TRUE(FindRequiredAtoms("^[^.;]{0,20}$", PatternOptions(), 3).clauses.empty());
  const RequiredAtoms broken = FindRequiredAtoms("(unclosed", PatternOptions(), 3);
  EXPECT_FALSE(broken.ok);
  EXPECT_EQ(broken.error, "missing ): (unclosed");
}

// A pattern whose clauses are weaker than its prefilter ("a...b" or "c...d": any of a, b with any
// of c, d passes the clauses) is asked its prefilter before it runs: its passing sets, a...b and
// c...d, for which the prefilter need not be kept (the build finds them for the built-in pack:
// PackedAtoms.InexactBuiltinPatternsFindWhatEachPatternFinds).
TEST(RequiredAtoms, OrOfAndsIsNotExactAndGivesItsPassingSets) {
  const std::string pattern =
      "\\bnotify\\b[^.;]{0,40}\\bhours\\b|\\binform\\b[^.;]{0,40}\\bdays\\b";
  const RequiredAtoms either = FindRequiredAtoms(pattern, PatternOptions(), 3, 1000);
  ASSERT_TRUE(either.ok);
  EXPECT_FALSE(either.exact);
  std::vector<std::vector<std::string>> sets = either.passing_sets;
  for (auto& set : sets) std::sort(set.begin(), set.end());
  std::sort(sets.begin(), sets.end());
  EXPECT_EQ(sets, (std::vector<std::vector<std::string>>{{"days", "inform"}, {"hours", "notify"}}));
  EXPECT_EQ(either.filter, nullptr);
  EXPECT_TRUE(either.filter_atoms.empty());
  // Past the steps allowed, or with none (a pattern the build did not see), the prefilter is kept.
  for (std::size_t steps : {std::size_t{0}, std::size_t{3}}) {
    const RequiredAtoms kept = FindRequiredAtoms(pattern, PatternOptions(), 3, steps);
    EXPECT_FALSE(kept.exact);
    EXPECT_TRUE(kept.passing_sets.empty());
    EXPECT_NE(kept.filter, nullptr);
  }
}

// A pattern with no passing sets whose atoms were computed at run time (a pack the build did not
// see) holds no compiled prefilter until it has been asked kAsksBeforeFilter times, as one from
// the build's table (PackedAtoms.InexactBuiltinPatternsFindWhatEachPatternFinds): computing its
// atoms compiles one, and keeping it made every such pattern hold a program whether or not it was
// ever asked (issue 12: the duplicated pack's peak memory). It finds the same either way.
TEST(RequiredAtoms, APatternWithoutPassingSetsBuildsItsPrefilterOnceAskedOften) {
  const std::string pattern =
      "\\bnotify\\b[^.;]{0,40}\\bhours\\b|\\binform\\b[^.;]{0,40}\\bdays\\b";
  PatternIndex index;
  ASSERT_FALSE(index.Build({pattern}).has_value());
  EXPECT_FALSE(index.HoldsPrefilter(0));
  PatternIndex::Scratch scratch(index);
  std::vector<int> hits;
  // Four texts a round meet the clauses (a word of each pair) and ask the prefilter.
  const int rounds = PatternIndex::kAsksBeforeFilter / 4 + 2;
  for (int round = 0; round < rounds; ++round) {
    for (const char* text : {"notify within days", "inform within hours", "notify in 2 hours",
                             "inform in 5 days", "notify, inform"}) {
      SCOPED_TRACE(text);
      index.Match(text, &scratch, &hits);
      EXPECT_EQ(hits, Reference({pattern}, text));
    }
  }
  EXPECT_TRUE(index.HoldsPrefilter(0));
}

// issue 12 #5: a rule set whose patterns the loader checked compiles no regex when it loads.
TEST(PatternIndex, CheckedPatternsAreCompiledOnFirstUse) {
  PatternIndex lazy;
  EXPECT_FALSE(lazy.Build({"fine", "(unclosed"}, false, /*checked=*/true).has_value());
  PatternIndex::Scratch scratch(lazy);
  std::vector<int> hits;
  EXPECT_TRUE(lazy.Match("all fine", &scratch, &hits));  // the broken pattern never matches
  EXPECT_EQ(hits, (std::vector<int>{0}));
  PatternIndex checked;
  ASSERT_FALSE(checked.Build(Patterns(), false, /*checked=*/true).has_value());
  PatternIndex::Scratch checked_scratch(checked);
  std::vector<int> lazy_hits;
  checked.Match("a security incident lasting many hours", &checked_scratch, &lazy_hits);
  EXPECT_EQ(lazy_hits, Reference(Patterns(), "a security incident lasting many hours"));
}

// issue 12: threads share the compiled patterns (each compiled once, by whichever thread needs it
// first) and find what each pattern run on its own finds.
TEST(PatternIndex, ThreadsSharingCompiledPatternsFindWhatEachPatternFinds) {
  const char* texts[] = {
      "a security incident was found; within 24 hours",
      "a security incident lasting many hours",
      "a security incident and then a long text that runs far beyond sixty characters in hours",
      "We shall NOTIFY the Customer.",
      "within 30 days",
      "the sla and the service level",
  };
  std::vector<std::vector<int>> expected;
  for (const char* text : texts) expected.push_back(Reference(Patterns(), text));
  PatternIndex index;
  ASSERT_FALSE(index.Build(Patterns(), false, /*checked=*/true).has_value());
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      PatternIndex::Scratch scratch(index);
      std::vector<int> hits;
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < std::size(texts); ++i) {
          const std::size_t at = (i + static_cast<std::size_t>(t)) % std::size(texts);
          index.Match(texts[at], &scratch, &hits);
          if (hits != expected[at]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, (std::vector<int>{0, 0, 0, 0}));
}

TEST(PatternIndex, ReportsThePatternRe2Rejects) {
  PatternIndex index;
  const auto error = index.Build({"fine", "(unclosed"});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->first, 1);
  EXPECT_EQ(error->second, "missing ): (unclosed");
}

}  // namespace
}  // namespace clausescan::internal

// Defined terms that stand for a quantity (params/definitions.h) and their use by the
// extractors (ParamExtractor::ExtractDefined).
#include "params/definitions.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "params/extract.h"
#include "rules/model.h"
#include "support/bounded_child.h"

namespace clausescan::internal {
namespace {

struct DefinitionCase {
  const char* text;  // a folded unit
  const char* term;  // nullptr: no definition read
  const char* body;
  TermKind kind;
};

const DefinitionCase kDefinitionCases[] = {
    {"\"aggregate cap\" means the charges paid in the six (6) months before the claim.",
     "aggregate cap", "the charges paid in the six (6) months before the claim", TermKind::kCap},
    {"4.2. \"reporting window\" is 36 hours.", "reporting window", "36 hours", TermKind::kPeriod},
    {"(c) \"response deadline\" shall mean ten business days", "response deadline",
     "ten business days", TermKind::kPeriod},
    {"the vendor's liability shall not exceed the charges of the prior year (the \"liability "
     "limit\").",
     "liability limit", "the vendor's liability shall not exceed the charges of the prior year ",
     TermKind::kCap},
    // Names that do not say they are a cap or a period are not expanded.
    {"\"term\" means twelve (12) months from the start date.", nullptr, nullptr, TermKind::kCap},
    {"\"services\" means the hosting services described in the order.", nullptr, nullptr,
     TermKind::kCap},
    // Not a definition: the quoted term is not at the start, nor defined inline.
    {"the parties agree that \"notice period\" appears in the schedule.", nullptr, nullptr,
     TermKind::kCap},
};

TEST(ReadDefinition, Table) {
  for (const DefinitionCase& c : kDefinitionCases) {
    SCOPED_TRACE(c.text);
    const std::optional<Definition> got = ReadDefinition(c.text);
    if (c.term == nullptr) {
      EXPECT_FALSE(got.has_value());
      continue;
    }
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->term, c.term);
    EXPECT_EQ(got->body, c.body);
    EXPECT_EQ(got->kind, c.kind);
  }
}

TEST(Glossary, ExpandsTermsOfTheKindInTwoLevels) {
  Glossary glossary;
  glossary.Add("\"base cap\" means the charges paid in the 6 months before the claim.", 3, false);
  glossary.Add("\"data cap\" means three times the base cap.", 3, false);
  EXPECT_EQ(glossary.Expand("liability will not exceed the data cap.", TermKind::kCap, 3),
            "liability will not exceed three times the charges paid in the 6 months before the "
            "claim.");
  // Another kind, a word that only starts like the term, or another scope: nothing.
  EXPECT_FALSE(glossary.Expand("within the data cap.", TermKind::kPeriod, 3).has_value());
  EXPECT_FALSE(glossary.Expand("within the base capital.", TermKind::kCap, 3).has_value());
  EXPECT_FALSE(glossary.Expand("not exceed the base cap.", TermKind::kCap, 4).has_value());
}

// issue 13 #2: an event term defined as a confirmed event, named in a clause.
TEST(Glossary, NamesAnEventDefinedAsConfirmed) {
  Glossary glossary;
  glossary.Add("\"privacy breach\" means a verified loss of, or access to, client records.", 1,
               true);
  glossary.Add("\"cyber event\" means any actual or attempted intrusion that is confirmed.", 1,
               true);
  EXPECT_TRUE(
      glossary.NamesConfirmedEvent("report within 8 hours of learning of any privacy "
                                   "breach.",
                                   5));
  EXPECT_TRUE(glossary.NamesConfirmedEvent("on becoming aware of privacy breaches.", 5));
  // Also attempted events, a word that only starts like the term, a term not named: no.
  EXPECT_FALSE(glossary.NamesConfirmedEvent("on becoming aware of a cyber event.", 5));
  EXPECT_FALSE(glossary.NamesConfirmedEvent("on becoming aware of a privacy breaching.", 5));
  EXPECT_FALSE(glossary.NamesConfirmedEvent("on becoming aware of an incident.", 5));
}

TEST(Glossary, GlobalDefinitionsServeEveryScopeAndLocalOnesWin) {
  Glossary glossary;
  glossary.Add("1.4 \"alert period\" is 24 hours.", 1, true);
  EXPECT_EQ(glossary.Expand("notify within the alert period.", TermKind::kPeriod, 7),
            "notify within 24 hours.");
  glossary.Add("\"alert period\" means 12 hours.", 7, false);
  EXPECT_EQ(glossary.Expand("notify within the alert period.", TermKind::kPeriod, 7),
            "notify within 12 hours.");
  // Two different definitions in one scope are ambiguous.
  glossary.Add("\"alert period\" means 6 hours.", 7, false);
  EXPECT_FALSE(glossary.Expand("notify within the alert period.", TermKind::kPeriod, 7));
}

// issue 16 review B: each use of a term was replaced by its whole definition: a 15 KB
// definition named 20,000 times in a clause made 300 MB (and moved it about at each
// replacement) for every rule that held in it. Expansions stop once they have added
// kMaxExpansionBytes.
TEST(Glossary, ExpansionsAddAtMostABoundedAmount) {
  Glossary glossary;
  std::string body;
  for (int i = 0; i < 7'500; ++i) body += "x ";
  glossary.Add("\"notice period\" means " + body + "24 hours.", 0, false);
  std::string unit = "notify within the notice period";
  for (int i = 0; i < 20'000; ++i) unit += " and the notice period";
  const testing::ChildOutcome outcome = testing::RunBounded(
      [&] {
        std::optional<std::string> expanded = glossary.Expand(unit, TermKind::kPeriod, 0);
        if (!expanded) return std::string("nothing");
        return std::to_string(expanded->size() <= unit.size() + (16 << 10)) +  // kMaxExpansionBytes
               " " + expanded->substr(0, 22);
      },
      {10, std::size_t{256} << 20});
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "1 notify within x x x x ");
}

// issue 16 review B: each expansion looked every definition up again for each definition whose
// term the unit held (the number of definitions squared, when none applied): 200,000
// definitions of one term, one per section, are looked up at once, from a section that has one
// and from one that has none.
TEST(Glossary, ManyDefinitionsAreLookedUpDirectly) {
  Glossary glossary;
  for (int scope = 0; scope < 200'000; ++scope) {
    glossary.Add("\"x cap\" means " + std::to_string(scope) + " dollars.", scope, false);
  }
  const testing::ChildOutcome outcome = testing::RunBounded(
      [&] {
        std::string out;
        for (int scope : {5, 199'999, 300'000}) {
          out += glossary.Expand("not exceed the x cap.", TermKind::kCap, scope).value_or("-");
        }
        return out;
      },
      {10, std::size_t{1} << 30});
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "not exceed 5 dollars.not exceed 199999 dollars.-");
}

ParamSpec Spec(std::string name, ParamSpec::Type type) {
  ParamSpec spec;
  spec.name = std::move(name);
  spec.type = type;
  spec.unit = "hours";
  return spec;
}

TEST(ParamExtractor, ReadsQuantitiesStatedThroughADefinedTerm) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile(
      {Spec("cap_months_fees", ParamSpec::Type::kFeeMonths),
       Spec("multiple", ParamSpec::Type::kFeeMultiple),
       Spec("window_hours", ParamSpec::Type::kDuration), Spec("super_cap", ParamSpec::Type::kFlag)},
      "rule.yaml");
  ASSERT_TRUE(extractor.ok());
  Glossary glossary;
  glossary.Add("\"base cap\" means the fees paid in the 6 months before the claim.", 0, false);
  glossary.Add("\"higher cap\" means two times (2x) the base cap.", 0, false);
  glossary.Add("\"reporting window\" is 36 hours.", 0, false);

  const std::string unit = "for data claims, liability will not exceed the higher cap.";
  std::map<std::string, ParamValue> params;
  extractor->Extract(unit, &params);
  EXPECT_TRUE(params.empty());
  extractor->ExtractDefined(unit, glossary, 0, &params);
  EXPECT_EQ(params.at("cap_months_fees"), ParamValue(12.0));
  EXPECT_EQ(params.at("multiple"), ParamValue(2.0));
  EXPECT_EQ(params.count("window_hours"), 0u);  // a cap term says nothing about a period

  // What the unit states itself wins over the definition.
  params.clear();
  const std::string stated =
      "liability will not exceed the fees paid in the 3 months before "
      "the claim, not the base cap.";
  extractor->Extract(stated, &params);
  extractor->ExtractDefined(stated, glossary, 0, &params);
  EXPECT_EQ(params.at("cap_months_fees"), ParamValue(3.0));

  params.clear();
  extractor->ExtractDefined("notify the buyer within the reporting window.", glossary, 0, &params);
  EXPECT_EQ(params.at("window_hours"), ParamValue(36.0));
}

}  // namespace
}  // namespace clausescan::internal

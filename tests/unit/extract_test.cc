#include "params/extract.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace clausescan::internal {
namespace {

ParamSpec SetSpec() {
  ParamSpec spec;
  spec.name = "types";
  spec.type = ParamSpec::Type::kSet;
  spec.values = {{"cyber", {"\\bcyber\\b"}},
                 {"professional", {"errors and omissions", "professional liability"}},
                 {"general", {"general liability"}}};
  return spec;
}

TEST(ParamExtractor, SetListsEveryMatchingKeyInFileOrder) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile({SetSpec()}, "rule.yaml");
  ASSERT_TRUE(extractor.ok()) << extractor.error().message();
  std::map<std::string, ParamValue> params;
  extractor->Extract(
      "supplier shall maintain general liability, errors and omissions and cyber "
      "insurance.",
      &params);
  EXPECT_EQ(params.at("types"),
            ParamValue(std::vector<std::string>{"cyber", "professional", "general"}));
}

TEST(ParamExtractor, SetIsAbsentWhenNothingMatches) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile({SetSpec()}, "rule.yaml");
  ASSERT_TRUE(extractor.ok());
  std::map<std::string, ParamValue> params;
  extractor->Extract("supplier shall maintain insurance.", &params);
  EXPECT_EQ(params.count("types"), 0u);
}

// issue 12 (peak memory): a parameter's lists run with a small DFA budget, and a list whose
// program is larger than that budget (but within the one the pack was checked with) is compiled
// with the checked budget and still matches, whatever its scope.
TEST(ParamExtractor, AListTooLargeForTheRunBudgetStillMatches) {
  std::vector<std::string> words;
  std::uint32_t seed = 12345;
  for (int i = 0; i < 12000; ++i) {
    std::string word;
    for (int k = 0; k < 12; ++k) {
      seed = seed * 1103515245u + 12345u;
      word += static_cast<char>('a' + (seed >> 16) % 26);
    }
    words.push_back(word);
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  std::string alternation;
  for (const std::string& word : words) alternation += (alternation.empty() ? "" : "|") + word;
  options.set_max_mem(int64_t{1} << 20);
  ASSERT_FALSE(RE2(alternation, options).ok());  // larger than a 1 MiB budget
  options.set_max_mem(int64_t{8} << 20);
  ASSERT_TRUE(RE2(alternation, options).ok());
  for (bool text_scope : {false, true}) {
    SCOPED_TRACE(text_scope);
    ParamSpec flag;
    flag.name = "listed";
    flag.type = ParamSpec::Type::kFlag;
    flag.text_scope = text_scope;
    flag.any = words;
    ASSERT_FALSE(ParamExtractor::Check({flag}, "rule.yaml").has_value());
    Result<ParamExtractor> extractor = ParamExtractor::Compile({flag}, "rule.yaml");
    ASSERT_TRUE(extractor.ok());
    std::map<std::string, ParamValue> params;
    extractor->Extract("the supplier names " + words[1500] + " here.", &params);
    EXPECT_EQ(params.count("listed"), 1u);
  }
}

// issue 12 (start-up #1): the patterns compile on the first Extract, once, even when many
// threads call Extract at the same time on a fresh extractor; each reads the same values.
TEST(ParamExtractor, FirstUseFromManyThreadsReadsTheSameValues) {
  ParamSpec flag;
  flag.name = "encrypted";
  flag.type = ParamSpec::Type::kFlag;
  flag.any = {"\\bencrypt(ed|ion)?\\b"};
  flag.none = {"\\bnot encrypted\\b"};
  Result<ParamExtractor> extractor = ParamExtractor::Compile({SetSpec(), flag}, "rule.yaml");
  ASSERT_TRUE(extractor.ok());
  const std::string text = "supplier shall maintain cyber insurance and encrypt data at rest.";
  std::vector<std::map<std::string, ParamValue>> got(8);
  std::vector<std::thread> threads;
  for (auto& params : got) {
    threads.emplace_back([&extractor, &text, &params] { extractor->Extract(text, &params); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& params : got) {
    EXPECT_EQ(params.at("types"), ParamValue(std::vector<std::string>{"cyber"}));
    EXPECT_EQ(params.at("encrypted"), ParamValue(true));
  }
}

// issue 12 (start-up #1): Check compiles the lists now, as the first Extract would, and names
// the rule file and the parameter's line when RE2 rejects one (the loader checks custom packs).
TEST(ParamExtractor, CheckNamesFileAndLineOfARejectedList) {
  ParamSpec spec = SetSpec();
  spec.line = 7;
  EXPECT_FALSE(ParamExtractor::Check({spec}, "rule.yaml"));
  spec.values.push_back({"broken", {"(cyber"}});
  std::optional<Error> error = ParamExtractor::Check({spec}, "rule.yaml");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), ErrorCode::kRuleError);
  EXPECT_NE(error->message().find("invalid pattern in parameter 'types'"), std::string::npos)
      << error->message();
  EXPECT_EQ(error->file(), "rule.yaml");
  EXPECT_EQ(error->line(), 7);
}

ParamSpec FrequencySpec() {
  ParamSpec spec;
  spec.name = "per_year";
  spec.type = ParamSpec::Type::kFrequency;
  return spec;
}

ParamSpec DurationSpec(ParamSpec::Prefer prefer, bool business_flag = false) {
  ParamSpec spec;
  spec.name = "notice_days";
  spec.type = ParamSpec::Type::kDuration;
  spec.unit = "days";
  spec.prefer = prefer;
  spec.business_flag = business_flag;
  return spec;
}

// The parameters one spec extracts from a folded sentence.
std::map<std::string, ParamValue> ExtractWith(const ParamSpec& spec, std::string_view folded) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile({spec}, "rule.yaml");
  EXPECT_TRUE(extractor.ok());
  std::map<std::string, ParamValue> params;
  if (extractor.ok()) extractor->Extract(folded, &params);
  return params;
}

struct DurationChoiceCase {
  const char* text;
  ParamSpec::Prefer prefer;
  double expected;  // days; 0: absent
};

const DurationChoiceCase kDurationChoiceCases[] = {
    // The period of a frequency is never the notice, nor the deadline when another duration is.
    {"supplier shall permit customer, no more than once per twelve (12) month period, at "
     "customer's expense and upon thirty (30) days' prior written notice, to audit supplier.",
     ParamSpec::Prefer::kNotice, 30},
    {"customer may audit once in any 12-month period and supplier shall fix findings in 60 days.",
     ParamSpec::Prefer::kWithin, 60},
    {"customer may audit once every twelve (12) months.", ParamSpec::Prefer::kNotice, 0},
    // A cadence is all a status-update clause states.
    {"supplier shall send updates at least every two (2) days.", ParamSpec::Prefer::kWithin, 2},
    // Advance notice wins over an earlier period of another kind.
    {"for two (2) years after termination, licensor may audit licensee's records upon thirty "
     "(30) days' written notice.",
     ParamSpec::Prefer::kNotice, 30},
    {"for two (2) years after termination, licensor may audit licensee's records upon thirty "
     "(30) days' written notice.",
     ParamSpec::Prefer::kWithin, 730},
    {"customer shall give supplier a notice of at least fourteen days and supplier shall answer "
     "within 5 days.",
     ParamSpec::Prefer::kNotice, 14},
    {"customer shall give supplier a notice of at least fourteen days and supplier shall answer "
     "within 5 days.",
     ParamSpec::Prefer::kWithin, 5},
    // Without advance notice, a notice preference reports nothing: a deadline after the fact,
    // the time a right lasts and the other party's window to object are not notice.
    {"supplier shall answer audit requests within 10 days.", ParamSpec::Prefer::kNotice, 0},
    {"for three (3) years after the term ends, the buyer may inspect the seller's plant.",
     ParamSpec::Prefer::kNotice, 0},
    {"the vendor will tell the client about each new hosting provider, and the client may "
     "object within fourteen (14) days.",
     ParamSpec::Prefer::kNotice, 0},
    {"the vendor will tell the client about each new hosting provider, and the client may "
     "object within fourteen (14) days.",
     ParamSpec::Prefer::kWithin, 14},
    // The notice as the subject of "is": the number is the notice.
    {"the prior notice of any added hosting provider is twenty (20) days.",
     ParamSpec::Prefer::kNotice, 20},
    // The period of a frequency stated as "the same" or "a period of" one is never the notice.
    {"the buyer may not inspect more than once during the same 12 month period.",
     ParamSpec::Prefer::kNotice, 0},
    {"the buyer may not inspect more than once during the same 12 month period.",
     ParamSpec::Prefer::kWithin, 365},
    // issue 15 (reading review): a period preference reports how long something lasts, never a
    // deadline, a notice or the period of a frequency.
    {"the processor will keep these records for three (3) years after the addendum ends and "
     "hand them over within 10 days of a request.",
     ParamSpec::Prefer::kPeriod, 1095},
    {"the seller shall produce its books within ten (10) days of the buyer's request.",
     ParamSpec::Prefer::kPeriod, 0},
    {"records are open to inspection on thirty (30) days' notice, once per 12 month period.",
     ParamSpec::Prefer::kPeriod, 0},
};

TEST(ParamExtractor, DurationChoice) {
  for (const DurationChoiceCase& c : kDurationChoiceCases) {
    SCOPED_TRACE(c.text);
    const std::map<std::string, ParamValue> params = ExtractWith(DurationSpec(c.prefer), c.text);
    if (c.expected == 0) {
      EXPECT_EQ(params.count("notice_days"), 0u);
    } else {
      ASSERT_EQ(params.count("notice_days"), 1u);
      EXPECT_EQ(params.at("notice_days"), ParamValue(c.expected));
    }
  }
}

// issue 15 (reading review, Supabase SLA): a percentage with `any` is the first one the
// patterns lead up to in the text before it: the cap on credits, not the uptime or a tier.
TEST(ParamExtractor, PercentLedUpToByItsPatterns) {
  ParamSpec spec;
  spec.name = "credit_cap_percent";
  spec.type = ParamSpec::Type::kPercent;
  spec.any = {"\\bnot exceed\\b", "\\bmaximum\\b"};
  std::map<std::string, ParamValue> params = ExtractWith(
      spec,
      "below 99.9% uptime, credits are 10% of the fees per hour, up to a maximum of 25% of "
      "the monthly fees.");
  EXPECT_EQ(params.at("credit_cap_percent"), ParamValue(25.0));
  params = ExtractWith(spec, "the credits shall not exceed fifteen percent (15%) of the fees.");
  EXPECT_EQ(params.at("credit_cap_percent"), ParamValue(15.0));
  params = ExtractWith(spec, "a credit of 10% of the monthly fee for each missed month.");
  EXPECT_EQ(params.count("credit_cap_percent"), 0u);
  spec.any.clear();
  params = ExtractWith(spec, "a credit of 10% of the monthly fee, at most 50% a year.");
  EXPECT_EQ(params.at("credit_cap_percent"), ParamValue(10.0));
}

TEST(ParamExtractor, BusinessFlagKeepsTheValueAndMarksBusinessDays) {
  const ParamSpec spec = DurationSpec(ParamSpec::Prefer::kNotice, /*business_flag=*/true);
  std::map<std::string, ParamValue> params =
      ExtractWith(spec, "customer may audit upon ten (10) business days' prior written notice.");
  EXPECT_EQ(params.at("notice_days"), ParamValue(10.0));
  EXPECT_EQ(params.at("business"), ParamValue(true));

  // Business days elsewhere in the sentence do not make the notice one of business days.
  params = ExtractWith(spec,
                       "customer may audit upon 30 days' notice, and supplier shall answer "
                       "questions within 5 business days.");
  EXPECT_EQ(params.at("notice_days"), ParamValue(30.0));
  EXPECT_EQ(params.count("business"), 0u);

  // Without the flag, business days are kept as written and not marked.
  params = ExtractWith(DurationSpec(ParamSpec::Prefer::kNotice),
                       "customer may audit upon ten (10) business days' notice.");
  EXPECT_EQ(params.at("notice_days"), ParamValue(10.0));
  EXPECT_EQ(params.count("business"), 0u);
}

TEST(ParamExtractor, FrequencyOfReportsIsNotTheAuditFrequency) {
  const ParamSpec spec = FrequencySpec();
  EXPECT_EQ(ExtractWith(spec,
                        "supplier shall provide quarterly compliance reports, and customer "
                        "may audit supplier no more than once annually.")
                .at("per_year"),
            ParamValue(1.0));
  EXPECT_EQ(ExtractWith(spec,
                        "supplier shall provide monthly reports to customer and allow "
                        "audits on thirty (30) days' notice.")
                .count("per_year"),
            0u);
}

TEST(ParamExtractor, FrequencyOfAnActStatedAsANounOrAdjective) {
  const ParamSpec spec = FrequencySpec();
  EXPECT_EQ(ExtractWith(spec,
                        "the client may commission an annual review of the vendor's "
                        "controls.")
                .at("per_year"),
            ParamValue(1.0));
  EXPECT_EQ(ExtractWith(spec, "the buyer may make one site visit a year.").at("per_year"),
            ParamValue(1.0));
  EXPECT_EQ(ExtractWith(spec, "the buyer may audit the annual charges.").count("per_year"), 0u);
}

TEST(ParamExtractor, FeeMonthsOfMultiples) {
  ParamSpec spec;
  spec.name = "cap_months_fees";
  spec.type = ParamSpec::Type::kFeeMonths;
  const std::pair<const char*, double> cases[] = {
      {"liability shall not exceed two times the annual fees paid by customer.", 24},
      {"liability shall not exceed twice the fees paid in the twelve months preceding the claim.",
       24},
      {"liability shall not exceed 2x the fees paid in the prior 12 months.", 24},
      {"liability shall not exceed one hundred fifty percent (150%) of the fees paid in the "
       "preceding twelve months.",
       18},
  };
  for (const auto& [text, months] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ExtractWith(spec, text).at("cap_months_fees"), ParamValue(months));
  }
}

// issue 12 #1 (perf/match6): two rules that declare the same parameter (on different lines)
// share it through a pool, and a memo reads it once per text: the second rule gets the same
// values, its own parameters read as before, and another text is read again.
TEST(ParamExtractor, PoolAndMemoReadASharedParameterOncePerText) {
  ParamSpec notice;
  notice.name = "notice_hours";
  notice.type = ParamSpec::Type::kDuration;
  notice.unit = "hours";
  notice.line = 4;
  ParamSpec same = notice;
  same.line = 17;
  ParamSpec flag;
  flag.name = "encrypted";
  flag.type = ParamSpec::Type::kFlag;
  flag.any = {"\\bencrypt(ed|ion)?\\b"};
  ParamExtractor::Pool pool;
  Result<ParamExtractor> first = ParamExtractor::Compile({notice}, "a.yaml", &pool);
  Result<ParamExtractor> second = ParamExtractor::Compile({same, flag}, "b.yaml", &pool);
  ASSERT_TRUE(first.ok() && second.ok());
  const std::string text = "supplier shall notify customer within 48 hours and encrypt the data.";
  ParamMemo memo;
  std::map<std::string, ParamValue> a, b;
  first->Extract(text, &a, &memo);
  EXPECT_EQ(memo.size(), 1u);
  second->Extract(text, &b, &memo);
  EXPECT_EQ(memo.size(), 2u);  // the shared duration once, the flag once
  EXPECT_EQ(a.at("notice_hours"), ParamValue(48.0));
  EXPECT_EQ(b.at("notice_hours"), ParamValue(48.0));
  EXPECT_EQ(b.at("encrypted"), ParamValue(true));
  std::map<std::string, ParamValue> plain;
  second->Extract(text, &plain);
  EXPECT_EQ(plain, b);
  const std::string other = "supplier shall notify customer within 2 days.";
  std::map<std::string, ParamValue> c;
  first->Extract(other, &c, &memo);
  EXPECT_EQ(memo.size(), 3u);
  EXPECT_EQ(c.at("notice_hours"), ParamValue(48.0));
}

}  // namespace
}  // namespace clausescan::internal

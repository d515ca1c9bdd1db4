// Money with its currency (issue 15 #6): dollar prefixes, a currency the contract defines for
// "$", and playbook limits compared only in the playbook's currency (or at a rate it gives).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "params/quantities.h"

namespace clausescan {
namespace {

const RuleSet& Builtin() {
  static const RuleSet* rules = [] {
    Result<RuleSet> r = RuleSet::Builtin();
    if (!r.ok()) std::abort();
    return new RuleSet(*r);
  }();
  return *rules;
}

Report Scan(const RuleSet& rules, const std::string& doc) {
  Result<Report> report = Scanner(rules).ScanBytes(doc, "contract.txt");
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message());
  return report.ok() ? *report : Report{};
}

const Finding* First(const Report& report, const std::string& category) {
  for (const Finding& f : report.findings) {
    if (f.category == category) return &f;
  }
  return nullptr;
}

std::string Text(const ParamValue& value) {
  const auto* s = std::get_if<std::string>(&value);
  return s != nullptr ? *s : "<not a word>";
}

bool SomeReasonSays(const Finding& finding, const std::string& words) {
  for (const std::string& r : finding.reasons) {
    if (r.find(words) != std::string::npos) return true;
  }
  return false;
}

const char* const kInsurance =
    "Supplier shall maintain cyber liability insurance with a limit of $5,000,000 per claim.";

// issue 15 #6: a bare "$" takes the currency the contract defines, however it says it.
TEST(DollarCurrency, TheContractsDefinitionIsUsedForBareDollars) {
  const std::pair<std::string, std::string> cases[] = {
      {"1. Definitions\n\n\"$\" means Canadian dollars.\n\n", "CAD"},
      {"All amounts in this Agreement are in Canadian dollars.\n\n", "CAD"},
      {"References to \"$\" are to Australian dollars.\n\n", "AUD"},
      {"\"Dollars\" and \"$\" mean the lawful currency of New Zealand.\n\n", "NZD"},
      {"All fees are payable in SGD.\n\n", "SGD"},
      // issue 14 fourth review #6: nothing said of the currency is no US dollar
      {"", "$"},
      {"The Customer may pay in Canadian dollars at its option.\n\n", "$"},
  };
  for (const auto& [definition, code] : cases) {
    const Report report = Scan(Builtin(), definition + "2. Insurance\n\n" + kInsurance + "\n");
    const Finding* f = First(report, "insurance");
    ASSERT_NE(f, nullptr) << definition;
    EXPECT_EQ(Text(f->parameters.at("currency")), code) << definition;
  }
}

// issue 14 third review #5 (nz-health-nems:161): a contract under the law of a country with its
// own dollar means that dollar by a bare "$", wherever it says so.
TEST(DollarCurrency, TheGoverningLawsCountryGivesItsDollar) {
  const std::pair<std::string, std::string> cases[] = {
      {"This Agreement is governed by the laws of New Zealand and the courts in New Zealand will "
       "have exclusive jurisdiction.",
       "NZD"},
      {"This Agreement is governed by the laws of the Province of Ontario and the federal laws of "
       "Canada applicable therein.",
       "CAD"},
      {"This Agreement shall be governed by the laws of the State of New York.", "USD"},
      {"These terms are governed by and will be construed in accordance with the laws "
       "applicable in British Columbia.",
       "CAD"},
      {"This Deed is governed by the laws in force in New South Wales.", "AUD"},
      {"This Agreement is governed by the laws of the State of Victoria.", "AUD"},
      {"The Price is a fixed amount, exclusive of taxes, in Canadian dollars.", "CAD"},
  };
  for (const auto& [law, code] : cases) {
    const Report report = Scan(
        Builtin(), std::string("1. Insurance\n\n") + kInsurance + "\n\n2. Law\n\n" + law + "\n");
    const Finding* f = First(report, "insurance");
    ASSERT_NE(f, nullptr) << law;
    EXPECT_EQ(Text(f->parameters.at("currency")), code) << law;
  }
}

// issue 15 #6: an amount that names its currency keeps it whatever "$" means.
TEST(DollarCurrency, AQualifiedAmountKeepsItsCurrency) {
  const Report report = Scan(Builtin(),
                             "\"$\" means Canadian dollars.\n\nSupplier shall maintain cyber "
                             "liability insurance with a limit of US$5,000,000 per claim.\n");
  const Finding* f = First(report, "insurance");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Text(f->parameters.at("currency")), "USD");
}

// issue 15 #6: JPY 10,000,000 is about USD 67,000, not "far above USD 1-2 million": with no
// rate it is not compared, and says so.
TEST(PlaybookCurrency, AnAmountInAnotherCurrencyWithoutARateIsNotCompared) {
  const Report report = Scan(Builtin(),
                             "Supplier shall maintain professional liability insurance with a "
                             "limit of JPY 10,000,000 per claim.\n");
  const Finding* f = First(report, "insurance");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->risk, Risk::kHigh);
  EXPECT_TRUE(SomeReasonSays(*f, "not compared (currency)"));
  EXPECT_FALSE(SomeReasonSays(*f, "far above"));
  for (const std::string& p : f->positions) EXPECT_EQ(p.find("insurance-limit"), std::string::npos);
}

// issue 15 #6: the same amount in the playbook's currency is judged as before.
TEST(PlaybookCurrency, AnAmountInThePlaybooksCurrencyIsCompared) {
  const Report report = Scan(Builtin(),
                             "Supplier shall maintain professional liability insurance with a "
                             "limit of USD 10,000,000 per claim.\n");
  const Finding* f = First(report, "insurance");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->risk, Risk::kHigh);
  EXPECT_TRUE(SomeReasonSays(*f, "far above"));
}

// issue 15 #6: a rate in the playbook converts the amount before the limits compare it.
TEST(PlaybookCurrency, ARateInThePlaybookConvertsTheAmount) {
  Result<RuleSet> rules = Builtin().WithPlaybookText(
      "currency:\n  rates:\n    - {currency: CAD, rate: 0.72, date: 2026-11-30}\n", "mine.yaml");
  ASSERT_TRUE(rules.ok()) << rules.error().message();
  const Report report =
      Scan(*rules, "\"$\" means Canadian dollars.\n\n" + std::string(kInsurance) + "\n");
  const Finding* f = First(report, "insurance");
  ASSERT_NE(f, nullptr);
  // 5,000,000 CAD = 3,600,000 USD: at or above 2 million (medium), not 5 million (high).
  EXPECT_EQ(f->positions.front(), "insurance-limit-medium");
  EXPECT_TRUE(SomeReasonSays(*f,
                             "compared as 3,600,000 USD: 5,000,000 CAD at the playbook's "
                             "rate of 0.72 USD per CAD (2026-11-30)"));
}

TEST(PlaybookCurrency, BadRatesAreErrorsNamingTheLine) {
  for (const char* yaml :
       {"currency:\n  rates:\n    - {currency: CADX, rate: 1, date: x}\n",
        "currency:\n  rates:\n    - {currency: CAD, rate: 0, date: x}\n",
        "currency:\n  rates:\n    - {currency: CAD, rate: 1}\n", "currency:\n  base: dollars\n",
        "currency:\n  rate: 1\n",
        // attack review D7: rates that overflow or vanish, dates that are none
        "currency:\n  rates:\n    - {currency: CAD, rate: 1e308, date: 2026-01-02}\n",
        "currency:\n  rates:\n    - {currency: CAD, rate: 1e-320, date: 2026-01-02}\n",
        "currency:\n  rates:\n    - {currency: CAD, rate: 0.7, date: yesterday}\n",
        "currency:\n  rates:\n    - {currency: CAD, rate: 0.7, date: 2026-02-31}\n"}) {
    Result<RuleSet> rules = Builtin().WithPlaybookText(yaml, "mine.yaml");
    ASSERT_FALSE(rules.ok()) << yaml;
    EXPECT_NE(rules.error().message().find("mine.yaml:"), std::string::npos)
        << rules.error().message();
  }
}

// issue 15 #2 (edges): a currency the contract defines for "$" that we do not know is not USD:
// the amount is not compared with a USD limit, and the reason names the contract's currency.
TEST(DollarCurrency, AnUnknownDefinedCurrencyIsNotCompared) {
  const std::pair<std::string, std::string> cases[] = {
      {"\"$\" means Zimbabwe dollars.\n\n", "zimbabwe dollars"},
      {"\"$\" means Bitcoin.\n\n", "bitcoin"},
      {"All amounts in this Agreement are in Zimbabwe dollars.\n\n", "zimbabwe dollars"},
      {"\"Dollars\" and \"$\" mean the lawful currency of Zimbabwe.\n\n",
       "lawful currency of zimbabwe"},
  };
  for (const auto& [definition, words] : cases) {
    const Report report = Scan(Builtin(), definition + "2. Insurance\n\n" + kInsurance + "\n");
    const Finding* f = First(report, "insurance");
    ASSERT_NE(f, nullptr) << definition;
    EXPECT_NE(Text(f->parameters.at("currency")), "USD") << definition;
    EXPECT_TRUE(SomeReasonSays(*f, "not compared (currency)")) << definition;
    EXPECT_TRUE(SomeReasonSays(*f, words)) << definition;
    for (const std::string& p : f->positions) {
      EXPECT_EQ(p.find("insurance-limit"), std::string::npos) << definition;
    }
  }
  // Words that define no currency leave "$" not stated (issue 14 fourth review #6).
  for (const char* unit : {"Fees are payable in arrears.\n\n",
                           "All payments are made in accordance with the Order Form.\n\n"}) {
    const Report report = Scan(Builtin(), std::string(unit) + kInsurance + "\n");
    const Finding* f = First(report, "insurance");
    ASSERT_NE(f, nullptr) << unit;
    EXPECT_EQ(Text(f->parameters.at("currency")), "$") << unit;
  }
}

// issue 15 #2 (edges): a rate for the base currency itself means nothing; it is an error naming
// the file and line, whichever comes first, the base or the rate.
TEST(PlaybookCurrency, ARateForTheBaseCurrencyIsAnError) {
  const std::pair<const char*, const char*> cases[] = {
      {"currency:\n  rates:\n    - {currency: USD, rate: 1.1, date: 2026-01-02}\n", "mine.yaml:3"},
      {"currency:\n  base: EUR\n  rates:\n    - {currency: eur, rate: 1, date: 2026-01-02}\n",
       "mine.yaml:4"},
      {"currency:\n  rates:\n    - {currency: EUR, rate: 1, date: 2026-01-02}\n  base: EUR\n",
       "mine.yaml:3"},
  };
  for (const auto& [yaml, where] : cases) {
    Result<RuleSet> rules = Builtin().WithPlaybookText(yaml, "mine.yaml");
    ASSERT_FALSE(rules.ok()) << yaml;
    EXPECT_NE(rules.error().message().find(where), std::string::npos) << rules.error().message();
    EXPECT_NE(rules.error().message().find("base currency"), std::string::npos)
        << rules.error().message();
  }
}

}  // namespace

namespace internal {
namespace {

TEST(FindMoney, DollarPrefixesNameTheirCurrency) {
  const std::pair<const char*, const char*> cases[] = {
      {"a$1,000", "AUD"},  {"au$1,000", "AUD"}, {"c$1,000", "CAD"}, {"ca$1,000", "CAD"},
      {"nz$1,000", "NZD"}, {"hk$1,000", "HKD"}, {"s$1,000", "SGD"}, {"us$1,000", "USD"},
  };
  for (const auto& [text, code] : cases) {
    const std::vector<Money> got = FindMoney(text);
    ASSERT_EQ(got.size(), 1u) << text;
    EXPECT_EQ(got[0].currency, code) << text;
    EXPECT_DOUBLE_EQ(got[0].amount, 1000) << text;
    EXPECT_FALSE(got[0].bare_dollar) << text;
  }
}

TEST(FindMoney, BareDollarsAreMarked) {
  EXPECT_TRUE(FindMoney("$5,000").at(0).bare_dollar);
  EXPECT_TRUE(FindMoney("five thousand dollars").at(0).bare_dollar);
  EXPECT_FALSE(FindMoney("five thousand canadian dollars").at(0).bare_dollar);
  EXPECT_FALSE(FindMoney("$5,000 cad").at(0).bare_dollar);
  EXPECT_FALSE(FindMoney("usd 5,000").at(0).bare_dollar);
}

}  // namespace
}  // namespace internal
}  // namespace clausescan

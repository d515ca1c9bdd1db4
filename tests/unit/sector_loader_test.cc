// sectors.yaml: the sector signals are rule data beside the rationales, read with file:line
// errors like the rest (issue 14, helper brief s6 item 3).
#include "rules/sector_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "assess/rationale_sector.h"
#include "rules/loader.h"

namespace clausescan::internal {
namespace {

using ::testing::HasSubstr;

// The built-in rule files with sectors.yaml replaced by content.
std::vector<SourceFile> WithSectors(const std::string& content) {
  std::vector<SourceFile> files;
  for (const SourceFile& file : EmbeddedRuleFiles()) {
    if (file.name == "sectors.yaml") continue;
    files.push_back(file);
  }
  files.push_back(SourceFile{"sectors.yaml", content});
  return files;
}

// The sector table of the built-in rule files with sectors.yaml replaced by content; null (with
// a test failure naming the load error) when they do not load.
std::shared_ptr<const SectorTable> SectorsOf(const std::string& content) {
  auto data = LoadRuleSet(WithSectors(content), "<test>");
  EXPECT_TRUE(data) << data.error().message();
  return data ? (*data)->sectors : nullptr;
}

// issue 14 (helper brief s6, item 3): a bad sectors.yaml is an error at its file, line and
// column, like every other rule file.
TEST(SectorLoader, ErrorsNameFileLineAndColumn) {
  const struct {
    std::string content, where, message;
  } cases[] = {
      {"- id: acme\n  needs: 1\n  signals: ['(']\n",
       "sectors.yaml:3:13:", "signal is not a valid RE2 pattern"},
      {"- id: acme\n  needs: 3\n  signals: [a, b]\n",
       "sectors.yaml:2:10:", "'needs' must be a whole number from 1 to the number of signals (2)"},
      {"- id: acme\n  needs: 1\n  signals: [a]\n  within: nobody\n",
       "sectors.yaml:4:11:", "'within' must name another sector"},
      {"- id: acme\n  needs: 1\n  signal: [a]\n", "sectors.yaml:3:3:", "signal"},
      {"- id: Acme Corp\n  needs: 1\n  signals: [a]\n", "sectors.yaml:1:7:", "is not an id"},
      {"- {id: acme, needs: 1, signals: [a]}\n- {id: acme, needs: 1, signals: [b]}\n",
       "sectors.yaml:2:", "sector 'acme' is given twice"},
      {"id: acme\n", "sectors.yaml:1:1:", "must be a list"},
      {"- id: acme\n  needs: 1\n  signals: [a]\n  follows_when: [b]\n",
       "sectors.yaml:4:17:", "'follows_when' is for a sector shown 'within' another"},
      {"- {id: acme, needs: 1, signals: [a]}\n- {id: beta, needs: 1, signals: [b], within: acme,"
       "\n   follows_when: ['(']}\n",
       "sectors.yaml:3:19:", "'follows_when' pattern is not a valid RE2 pattern"},
      // issue 14 s12 #3
      {"- id: acme\n  needs: 2\n  signals: [a, b]\n  decisive: ['(']\n", "sectors.yaml:4:",
       "'decisive' pattern is not a valid RE2 pattern"},
      {"- id: acme\n  needs: 2\n  signals: [a, b]\n  decisive: []\n", "sectors.yaml:4:",
       "decisive"},
  };
  for (const auto& c : cases) {
    auto data = LoadRuleSet(WithSectors(c.content), "<test>");
    ASSERT_FALSE(data) << c.content;
    EXPECT_THAT(data.error().message(), HasSubstr(c.where)) << c.content;
    EXPECT_THAT(data.error().message(), HasSubstr(c.message)) << c.content;
  }
}

// perf/match7 #3: each signal of the set knows its sector and its place there from the load, so
// a scan does not count them again; a sector's later signal with `unless` is still checked.
TEST(SectorLoader, EachSignalOfTheSetKnowsItsSectorAndPlace) {
  auto own = LoadRuleSet(
      WithSectors("- {id: acme, needs: 2, signals: ['\\bacme\\b', '\\bwidget\\b']}\n"
                  "- {id: beta, needs: 1, signals: ['\\bone\\b', '\\btwo\\b', '\\bthree\\b'],\n"
                  "   unless: ['\\bnot three\\b']}\n"),
      "<test>");
  ASSERT_TRUE(own) << own.error().message();
  const SectorTable& table = *(*own)->sectors;
  ASSERT_NE(table.signal_set, nullptr);
  EXPECT_EQ(table.sector_of, (std::vector<std::size_t>{0, 0, 1, 1, 1}));
  EXPECT_EQ(table.signal_in_sector, (std::vector<std::size_t>{0, 1, 0, 1, 2}));
  EXPECT_EQ(DocumentSectors(table, "acme sells a widget. then three."),
            (std::vector<std::string>{"acme", "beta"}));
  EXPECT_EQ(DocumentSectors(table, "acme sells a widget. but not three."),
            (std::vector<std::string>{"acme"}));
}

// issue 14 (helper brief s6, item 3): the signals come from the rule set's sectors.yaml, so a
// pack can change them; the built-in file gives the sectors the built-in tests expect.
TEST(SectorLoader, TheRuleSetsSectorsYamlDecidesTheSectors) {
  const std::shared_ptr<const SectorTable> own =
      SectorsOf("- id: acme-agencies\n  needs: 1\n  signals: ['\\bacme agency\\b']\n- {id: "
                "acme-defence, needs: 1, within: acme-agencies, signals: ['\\bdfars\\b']}\n");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(DocumentSectors(*own, "the acme agency buys under dfars."),
            (std::vector<std::string>{"acme-defence", "acme-agencies"}));
  EXPECT_TRUE(DocumentSectors(*own, "the contracting officer; far 52.204-21.").empty());
  auto builtin = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(builtin) << builtin.error().message();
  ASSERT_NE((*builtin)->sectors, nullptr);
  EXPECT_EQ(DocumentSectors(*(*builtin)->sectors, "the contracting officer; far 52.204-21."),
            (std::vector<std::string>{"us-federal-contractors"}));
  std::vector<std::string> ids;
  for (const SectorEntry& entry : (*builtin)->sectors->entries) ids.push_back(entry.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"us-federal-contractors", "us-dod-contractors",
                                           "us-va-contractors", "us-dhs-contractors",
                                           "us-hipaa-covered-entities", "eu-financial-entities",
                                           "gdpr-controllers", "uk-gdpr-controllers"}));
}

// issue 14 s12 #3: a `decisive` pattern shows its sector by itself, as `needs` signals would, in
// the document; without it the sector needs its signals.
TEST(SectorLoader, ADecisivePatternShowsItsSectorAlone) {
  const std::shared_ptr<const SectorTable> own = SectorsOf(
      "- id: acme-regulated\n  needs: 2\n  signals: ['\\bacme act\\b', '\\bacme "
      "regulator\\b']\n  decisive: ['\\bacme act\\b']\n- {id: beta-regulated, needs: 2, "
      "signals: ['\\bbeta act\\b', '\\bbeta regulator\\b']}\n");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(DocumentSectors(*own, "as the acme act and the beta act require."),
            (std::vector<std::string>{"acme-regulated"}));
  EXPECT_TRUE(DocumentSectors(*own, "the acme regulator may ask.").empty());
}

// Fresh copies of patterns, compiled as the loader compiles them.
std::vector<SectorPattern> Copies(const std::vector<SectorPattern>& patterns) {
  std::vector<SectorPattern> out;
  for (const SectorPattern& pattern : patterns) {
    out.emplace_back(std::make_unique<RE2>(pattern.pattern(), RE2::Quiet));
  }
  return out;
}

// The table as it would be if RE2 could not build the signal set: each signal searched alone,
// every other field of each entry as loaded.
SectorTable WithoutSet(const SectorTable& table) {
  SectorTable out;
  for (const SectorEntry& entry : table.entries) {
    SectorEntry copy;
    copy.id = entry.id;
    copy.needs = entry.needs;
    copy.within = entry.within;
    copy.signals = Copies(entry.signals);
    copy.unless = Copies(entry.unless);
    copy.decisive = Copies(entry.decisive);
    copy.follows_when = Copies(entry.follows_when);
    out.entries.push_back(std::move(copy));
  }
  return out;
}

// issue 12 #1: a loaded table finds all its signals in one set pass, built once with the table,
// and the sectors it shows are those that searching each signal alone shows.
TEST(SectorLoader, OneSetPassShowsTheSectorsEachSignalAloneShows) {
  auto builtin = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(builtin) << builtin.error().message();
  const SectorTable& table = *(*builtin)->sectors;
  std::size_t signals = 0;
  for (const SectorEntry& entry : table.entries) signals += entry.signals.size();
  ASSERT_NE(table.signal_set, nullptr);
  EXPECT_EQ(table.sector_of.size(), signals);
  const SectorTable alone = WithoutSet(table);
  EXPECT_EQ(alone.signal_set, nullptr);
  const std::vector<std::string> texts = {
      "",
      "the contracting officer; far 52.204-21.",
      "dfars 252.204-7012: the government and the contracting officer.",
      "the government may audit. fedramp moderate. hipaa business associate.",
      "the business associate shall protect phi of the covered entity under 45 cfr 164.",
      "dora (regulation 2022/2554): the financial entity and its ict third-party service provider.",
      "under the gdpr the controller and processor notify data subjects of a personal data breach.",
      "the controller and the processor; the covered entity; the government; far; dfars.",
      "farther governments process controllers' data, 252.20-7012 and dorado.",
      // signals inside an `unless` passage (a commercial licence's government rights)
      "the government and the contracting officer get commercial computer software under far "
      "12.212.",
      // a `decisive` pattern: the uk gdpr named alone
      "the controller and the processor act as the uk gdpr requires.",
      // `follows_when`: eea data too, so the gdpr leads (the uk sector shown by two signals)
      "the controller and the processor follow the uk gdpr and the information commissioner, "
      "and the gdpr for data from member states.",
  };
  for (const std::string& text : texts) {
    EXPECT_EQ(DocumentSectors(table, text), DocumentSectors(alone, text)) << text;
  }
  EXPECT_EQ(DocumentSectors(table, texts[2]),
            (std::vector<std::string>{"us-dod-contractors", "us-federal-contractors"}));
  // The texts that exercise unless, decisive and follows_when show what those fields decide,
  // so the comparison above holds for them too (issue 13 s13 #3).
  EXPECT_TRUE(DocumentSectors(table, texts[9]).empty());
  EXPECT_EQ(DocumentSectors(table, texts[10]),
            (std::vector<std::string>{"uk-gdpr-controllers", "gdpr-controllers"}));
  EXPECT_EQ(DocumentSectors(table, texts[11]),
            (std::vector<std::string>{"gdpr-controllers", "uk-gdpr-controllers"}));
}

// A sectors.yaml checked when the program was built compiles its patterns on first use (issue
// 12: start-up) and shows the same sectors as one compiled when read.
TEST(SectorLoader, CheckedSectorsCompileOnFirstUseAndShowAlike) {
  auto read = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(read) << read.error().message();
  std::vector<SourceFile> files = EmbeddedRuleFiles();
  for (SourceFile& file : files) file.checked_at_build = true;
  auto checked = LoadRuleSet(std::move(files), "<builtin>");
  ASSERT_TRUE(checked) << checked.error().message();
  const std::vector<std::string> texts = {
      "",
      "the contracting officer; far 52.204-21.",
      "the government may audit. fedramp moderate. hipaa business associate.",
      "under the uk gdpr the controller and processor. the uk addendum to the eu sccs.",
      "dora (regulation 2022/2554): the financial entity and its ict third-party service provider.",
  };
  for (const std::string& text : texts) {
    EXPECT_EQ(DocumentSectors(*(*checked)->sectors, text), DocumentSectors(*(*read)->sectors, text))
        << text;
  }
  EXPECT_FALSE(DocumentSectors(*(*checked)->sectors, texts[2]).empty());
}

}  // namespace
}  // namespace clausescan::internal

// The matcher over hand-built documents (the outline is made here, so these tests do not depend
// on the segmenter) and an in-memory rule set (independent of the project's rules/ folder).
#include "match/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rules/loader.h"
#include "rules/model.h"
#include "support/bounded_child.h"
#include "test_rationale_files.h"

namespace clausescan::internal {
namespace {

const char kRuleFiles[][2][1024] = {
    {"categories.yaml", R"(- {id: notice, title: Notices}
- {id: incident, title: Incidents}
- {id: audit, title: Audits}
)"},
    {"controls.yaml", "- {id: A.5.24, title: Incident management}\n"},
    {"evidence.yaml", "- {id: irp, title: Incident response procedure}\n"},
    {"parties.yaml", R"(supplier: [supplier, provider, processor]
customer: [customer, client, controller]
mutual: [each party, either party]
)"},
    {"notice/supplier.yaml", R"(id: notice.supplier
category: notice
title: The supplier gives notice
party: supplier
match:
  all:
    - any: ['\bnotif(y|ied|ication)\b']
)"},
    {"notice/customer.yaml", R"(id: notice.customer
category: notice
title: The customer gives notice
party: customer
match:
  all:
    - any: ['\bnotif(y|ied|ication)\b']
)"},
    {"incident/window.yaml", R"(id: incident.window
category: incident
title: Incident notification window
party: supplier
match:
  all:
    - any: ['\bnotif(y|ied|ication)\b', '\binform\b']
    - any: ['\b(security|data) (incident|breach)', '\bunauthori[sz]ed access\b']
  none: ['\bexcept\b']
parameters:
  window_hours: {type: duration, unit: hours, business: window_days}
  trigger: {type: trigger}
  vague: {type: vague}
  backups: {type: flag, any: ['\bback-?ups?\b'], none: ['\bexcluding back-?ups?\b']}
  kind: {type: enum, values: {personal: ['\bpersonal data\b'], general: ['\bany\b']}}
controls: [A.5.24]
evidence: [irp]
)"},
    {"incident/defined.yaml", R"(id: incident.defined
category: incident
title: Definition of a security incident
match:
  all:
    - any: ['\bsecurity incident\b']
    - any: ['\bmeans\b']
  definitions: true
)"},
    {"duty/encrypt.yaml", R"(id: duty.encrypt
category: incident
title: The supplier encrypts
party: supplier
match:
  all:
    - any: ['\b(shall|will|must)\b']
    - any: ['\bencrypt']
parameters:
  window_hours: {type: duration, unit: hours}
)"},
    {"audit/permit.yaml", R"(id: audit.permit
category: audit
title: The supplier permits audits
party: supplier
match:
  all:
    - any: ['\b(provider|supplier) (shall|will|must) (permit|allow) audits?\b']
)"},
    {"audit/yearly.yaml", R"(id: audit.yearly
category: audit
title: Audits once a year
scope: paragraph
match:
  all:
    - any: ['\baudits?\b']
    - any: ['\bonce (per|a|each) year\b', '\bannually\b']
parameters:
  per_year: {type: frequency}
)"},
};

std::shared_ptr<RuleSetData> LoadTestRules() {
  std::vector<SourceFile> files;
  for (const auto& file : kRuleFiles) files.push_back(SourceFile{file[0], file[1]});
  test_rules::AddPlaceholderRationales(&files);  // issue 14: every rule has a rationale
  Result<std::shared_ptr<RuleSetData>> data = LoadRuleSet(std::move(files), "test");
  EXPECT_TRUE(data.ok()) << data.error().message();
  return data.ok() ? *data : nullptr;
}

const RuleSetData& Rules() {
  static const std::shared_ptr<RuleSetData> data = LoadTestRules();
  return *data;
}

// A document made by hand: paragraphs of units joined by " ", paragraphs by "\n\n". A unit that
// starts with "# " is a heading and opens a section.
struct TestDoc {
  NormalizedText text;
  Outline outline;
};

void AddUnit(const std::string& unit, int paragraph, TestDoc* doc) {
  std::string& text = doc->text.text;
  const bool heading = unit.rfind("# ", 0) == 0;
  const std::size_t begin = text.size();
  text += unit;
  if (heading) {
    doc->outline.sections.push_back(Section{"", unit.substr(2), unit.substr(2), 1, begin});
  }
  const int section = static_cast<int>(doc->outline.sections.size()) - 1;
  doc->outline.units.push_back(
      Unit{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(text.size()),
           heading ? UnitKind::kHeading : UnitKind::kSentence, section, paragraph});
}

TestDoc MakeDoc(const std::vector<std::vector<std::string>>& paragraphs) {
  TestDoc doc;
  std::string& text = doc.text.text;
  for (const std::vector<std::string>& units : paragraphs) {
    if (!text.empty()) text += "\n\n";
    const std::size_t begin = text.size();
    const int index = static_cast<int>(doc.outline.paragraphs.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (i > 0) text += ' ';
      AddUnit(units[i], index, &doc);
    }
    const int section = static_cast<int>(doc.outline.sections.size()) - 1;
    doc.outline.paragraphs.push_back(Paragraph{static_cast<std::uint32_t>(begin),
                                               static_cast<std::uint32_t>(text.size()), section});
  }
  for (char c : text) {
    doc.text.folded +=
        c == '\n' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t i = 0; i <= text.size(); ++i)
    doc.text.source.push_back(static_cast<std::uint32_t>(i));
  return doc;
}

std::vector<RuleHit> MatchDoc(const TestDoc& doc) {
  return Rules().matcher->Match(doc.text, doc.outline);
}

// The ids of the rules that fired, in hit order.
std::vector<std::string> Fired(const std::vector<std::vector<std::string>>& paragraphs) {
  std::vector<std::string> ids;
  for (const RuleHit& hit : MatchDoc(MakeDoc(paragraphs))) {
    ids.push_back(Rules().rules[hit.rule].id);
  }
  return ids;
}

std::vector<std::string> FiredIn(const std::string& sentence) { return Fired({{sentence}}); }

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The parameters of the first hit of rule id in sentence (empty when it does not fire).
std::map<std::string, ParamValue> ParamsOf(const std::string& id, const std::string& sentence) {
  for (const RuleHit& hit : MatchDoc(MakeDoc({{sentence}}))) {
    if (Rules().rules[hit.rule].id == id) return hit.parameters;
  }
  ADD_FAILURE() << id << " did not fire on: " << sentence;
  return {};
}

TEST(Matcher, EveryGroupMustMatch) {
  EXPECT_TRUE(Contains(FiredIn("Supplier shall notify Customer of any Security Incident."),
                       "incident.window"));
  EXPECT_TRUE(Contains(FiredIn("Supplier will inform Customer of unauthorized access."),
                       "incident.window"));
  EXPECT_FALSE(
      Contains(FiredIn("Supplier shall notify Customer of any change."), "incident.window"));
  EXPECT_FALSE(
      Contains(FiredIn("Supplier shall investigate any Security Incident."), "incident.window"));
}

TEST(Matcher, NonePatternVetoesTheUnit) {
  EXPECT_FALSE(Contains(
      FiredIn("Supplier shall notify Customer of any Security Incident except as required by law."),
      "incident.window"));
  // The veto is per rule: the other rules with the same pattern still fire.
  EXPECT_TRUE(Contains(
      FiredIn("Supplier shall notify Customer of any Security Incident except as required by law."),
      "notice.supplier"));
}

TEST(Matcher, GroupsMustMeetInOneSentence) {
  EXPECT_FALSE(Contains(
      Fired({{"Supplier shall notify Customer promptly.", "A Security Incident is serious."}}),
      "incident.window"));
}

TEST(Matcher, ParagraphScopeSpansSentences) {
  const TestDoc doc = MakeDoc({{"Customer may audit Supplier.", "It may do so once per year."},
                               {"Customer may audit Supplier once a year."}});
  std::vector<RuleHit> hits = MatchDoc(doc);
  std::vector<RuleHit> audits;
  for (const RuleHit& hit : hits) {
    if (Rules().rules[hit.rule].id == "audit.yearly") audits.push_back(hit);
  }
  ASSERT_EQ(audits.size(), 2u);
  EXPECT_EQ(audits[0].begin, doc.outline.paragraphs[0].begin);
  EXPECT_EQ(audits[0].end, doc.outline.paragraphs[0].end);
  EXPECT_EQ(audits[1].begin, doc.outline.paragraphs[1].begin);
  EXPECT_EQ(audits[0].parameters.at("per_year"), ParamValue(1.0));
}

TEST(Matcher, OtherPartysDutyDoesNotCount) {
  const std::vector<std::string> customer =
      FiredIn("Customer shall notify Supplier of a change of address.");
  EXPECT_FALSE(Contains(customer, "notice.supplier"));
  EXPECT_TRUE(Contains(customer, "notice.customer"));
  const std::vector<std::string> supplier =
      FiredIn("Supplier shall notify Customer of a change of address.");
  EXPECT_TRUE(Contains(supplier, "notice.supplier"));
  EXPECT_FALSE(Contains(supplier, "notice.customer"));
}

TEST(Matcher, UnknownOrMutualDutyCountsForBoth) {
  const std::vector<std::string> mutual =
      FiredIn("Each Party shall notify the other of a change of address.");
  EXPECT_TRUE(Contains(mutual, "notice.supplier"));
  EXPECT_TRUE(Contains(mutual, "notice.customer"));
  const std::vector<std::string> unknown = FiredIn("Notification is required.");
  EXPECT_TRUE(Contains(unknown, "notice.supplier"));
  EXPECT_TRUE(Contains(unknown, "notice.customer"));
}

TEST(Matcher, HitNamesTheDutyHolder) {
  std::vector<RuleHit> hits =
      MatchDoc(MakeDoc({{"Supplier shall notify Customer of any Security Incident."}}));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].party, Party::kSupplier);
}

TEST(Matcher, DefinitionsOnlyCountWhenTheRuleAllows) {
  const std::vector<std::string> ids =
      FiredIn("\"Security Incident\" means any unauthorized access that requires notification.");
  EXPECT_FALSE(Contains(ids, "incident.window"));
  EXPECT_TRUE(Contains(ids, "incident.defined"));
}

TEST(Matcher, HeadingsNeverMatch) {
  const TestDoc doc = MakeDoc({{"# Notification of Security Incidents"},
                               {"Supplier shall notify Customer of any Security Incident."}});
  std::vector<RuleHit> hits = MatchDoc(doc);
  ASSERT_FALSE(hits.empty());
  for (const RuleHit& hit : hits) {
    EXPECT_EQ(hit.begin, doc.outline.units[1].begin);
    EXPECT_EQ(hit.section, 0);
  }
}

TEST(Matcher, HitsInDocumentOrderThenRuleOrder) {
  const TestDoc doc = MakeDoc({{"Customer may audit Supplier annually.",
                                "Supplier shall notify Customer of any Security Incident."}});
  std::vector<std::string> ids;
  for (const RuleHit& hit : MatchDoc(doc)) ids.push_back(Rules().rules[hit.rule].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"audit.yearly", "incident.window", "notice.supplier"}));
}

// issue 16 review #3: with a limit, Match keeps the first hits of the whole list (sentence and
// paragraph scopes merged in document order) and one more when there are more, and stops there.
TEST(Matcher, ALimitKeepsTheFirstHitsAndOneMore) {
  std::vector<std::vector<std::string>> paragraphs;
  for (int i = 0; i < 5; ++i) {
    paragraphs.push_back({"Customer may audit Supplier annually.",
                          "Supplier shall notify Customer of any Security Incident."});
  }
  const TestDoc doc = MakeDoc(paragraphs);
  const std::vector<RuleHit> all = MatchDoc(doc);
  ASSERT_EQ(all.size(), 15u);
  for (std::size_t limit = 1; limit <= all.size() + 1; ++limit) {
    const std::vector<RuleHit> first = Rules().matcher->Match(doc.text, doc.outline, limit);
    ASSERT_EQ(first.size(), std::min(limit + 1, all.size())) << limit;
    for (std::size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].rule, all[i].rule) << limit << " " << i;
      EXPECT_EQ(first[i].begin, all[i].begin) << limit << " " << i;
    }
  }
  EXPECT_EQ(Rules().matcher->Match(doc.text, doc.outline, 0).size(), all.size());  // no limit
}

TEST(Matcher, ExtractsDurationTriggerAndVague) {
  const std::map<std::string, ParamValue> params =
      ParamsOf("incident.window",
               "Supplier shall notify Customer without undue delay of any Security Incident within "
               "twenty-four (24) hours of its occurrence.");
  EXPECT_EQ(params.at("window_hours"), ParamValue(24.0));
  EXPECT_EQ(params.at("trigger"), ParamValue(std::string("occurrence")));
  EXPECT_EQ(params.at("vague"), ParamValue(std::string("without undue delay")));
  EXPECT_EQ(params.count("window_days"), 0u);
  EXPECT_EQ(params.count("business"), 0u);
}

// issue 16 review B: the lead-in of a unit was copied before each of its inline list items and
// matched again: 500 KB of lead-in before "(1)" ... "(9999)" made 5 GB. Past 64 KiB of repeated
// lead-in the items are not told apart, and the unit's parameters stand.
TEST(Matcher, ALongLeadInIsNotRepeatedBeforeThousandsOfItems) {
  std::string sentence =
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence";
  for (int i = 0; i < 250'000; ++i) sentence += " x";
  for (int i = 1; i <= 9999; ++i) sentence += " (" + std::to_string(i) + ") within 2 days";
  const TestDoc doc = MakeDoc({{sentence}});
  Rules();  // compiled here, not in the child
  const testing::ChildOutcome outcome = testing::RunBounded(
      [&] {
        std::string out;
        for (const RuleHit& hit : Rules().matcher->Match(doc.text, doc.outline)) {
          if (Rules().rules[hit.rule].id != "incident.window") continue;
          out += std::get<double>(hit.parameters.at("window_hours")) == 24.0 ? "24 hours" : "?";
        }
        return out;
      },
      {20, std::size_t{512} << 20});
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "24 hours");
}

// issue 11 #1: a clause that names a term on the way is a clause, not a definition, and its
// patterns read it without the naming.
TEST(Matcher, AClauseThatNamesATermOnTheWayIsMatched) {
  EXPECT_TRUE(Contains(FiredIn("Provider sends notification of each security incident (an "
                               "\"Incident\") within 24 hours."),
                       "incident.window"));
  EXPECT_TRUE(Contains(FiredIn("Supplier (with its hosting firms, the \"Vendor\") shall permit "
                               "audits by Customer."),
                       "audit.permit"));
  // A sentence that defines stays a definition.
  EXPECT_FALSE(Contains(FiredIn("\"Incident\" means any security incident of which Provider "
                                "gives notification (a \"Notice\")."),
                        "incident.window"));
  EXPECT_TRUE(Contains(FiredIn("\"Security Incident\" means a breach (a \"Breach\") of security."),
                       "incident.defined"));
}

// issue 11 #4: "the incident" in a later sentence of the section is the security incident an
// earlier one named; nothing else is resolved.
TEST(Matcher, AReferenceToAnEarlierIncidentIsResolvedInItsSection) {
  auto fires_on_second = [](const std::vector<std::vector<std::string>>& paragraphs) {
    const TestDoc doc = MakeDoc(paragraphs);
    const std::size_t second = doc.outline.units.size() - 1;
    for (const RuleHit& hit : MatchDoc(doc)) {
      if (hit.begin == doc.outline.units[second].begin &&
          Rules().rules[hit.rule].id == "incident.window") {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(
      fires_on_second({{"# 4. Incidents", "Provider keeps a log of each security incident."},
                       {"Provider shall notify Customer of the incident within a day."}}));
  EXPECT_TRUE(fires_on_second({{"# 4. Incidents", "Provider keeps a record of any data breach.",
                                "Provider shall notify Customer of such breaches."}}));
  // Another section, another head noun, or a breach of the contract: left alone.
  EXPECT_FALSE(
      fires_on_second({{"# 4. Incidents", "Provider keeps a log of each security incident."},
                       {"# 5. Notices", "Provider shall notify Customer of the incident."}}));
  EXPECT_FALSE(
      fires_on_second({{"# 4. Incidents", "Provider keeps a log of each security incident.",
                        "Provider shall notify Customer of such breach."}}));
  EXPECT_FALSE(
      fires_on_second({{"# 4. Incidents", "Provider keeps a record of any data breach.",
                        "Provider shall notify Customer of the breach of this agreement."}}));
}

// issue 11 #3: a list item after a lead-in ("Provider shall:") owes the lead-in's duty and is
// matched with it. Units are [paragraph][unit] as in MakeDoc; links are (item, lead-in) unit
// indexes.
TestDoc MakeList(const std::vector<std::vector<std::string>>& paragraphs,
                 const std::vector<ListLead>& links) {
  TestDoc doc = MakeDoc(paragraphs);
  doc.outline.leads = links;
  return doc;
}

std::vector<std::string> FiredOnUnit(const TestDoc& doc, std::size_t unit) {
  std::vector<std::string> ids;
  for (const RuleHit& hit : MatchDoc(doc)) {
    if (hit.begin == doc.outline.units[unit].begin) ids.push_back(Rules().rules[hit.rule].id);
  }
  return ids;
}

TEST(Matcher, AListItemIsMatchedWithItsLeadIn) {
  const std::vector<std::vector<std::string>> text = {
      {"Provider shall:"}, {"(a) encrypt Customer Data within 24 hours of receipt;"}};
  EXPECT_EQ(FiredOnUnit(MakeDoc(text), 1), std::vector<std::string>{});
  const TestDoc doc = MakeList(text, {{1, 0}});
  const std::vector<RuleHit> hits = MatchDoc(doc);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(Rules().rules[hits[0].rule].id, "duty.encrypt");
  // issue 11 #2: the clause runs from the lead-in that states the duty to the item.
  EXPECT_EQ(hits[0].begin, doc.outline.units[0].begin);
  EXPECT_EQ(hits[0].end, doc.outline.units[1].end);
  EXPECT_EQ(hits[0].party, Party::kSupplier);
  EXPECT_EQ(hits[0].parameters.at("window_hours"), ParamValue(24.0));
}

TEST(Matcher, AListItemOwesItsLeadInsDuty) {
  const std::vector<std::vector<std::string>> text = {
      {"Customer shall:"}, {"(a) notify Provider of a change of address."}};
  EXPECT_TRUE(Contains(FiredOnUnit(MakeDoc(text), 1), "notice.supplier"));
  // issue 11 #2: the item states its clause with the lead-in, which the finding starts at.
  const TestDoc doc = MakeList(text, {{1, 0}});
  const std::vector<std::string> ids = FiredOnUnit(doc, 0);
  EXPECT_FALSE(Contains(ids, "notice.supplier"));
  EXPECT_TRUE(Contains(ids, "notice.customer"));
  EXPECT_EQ(MatchDoc(doc).at(0).end, doc.outline.units[1].end);
  // An item that names its own duty holder keeps it.
  EXPECT_EQ(
      FiredOnUnit(
          MakeList({{"Customer shall:"}, {"(a) Provider shall notify Customer."}}, {{1, 0}}), 1),
      (std::vector<std::string>{"notice.supplier"}));
}

// Attack review D2: a lead-in of a few hundred bytes before 300 items used up the budget of
// repeated text after 123 items, and the rest lost their lead-in without a word.
TEST(Matcher, EveryItemOfAListWithALongLeadInIsMatchedWithIt) {
  std::vector<std::vector<std::string>> text = {
      {"In the event of any actual or reasonably suspected incident affecting the data held by it "
       "or by any of its subcontractors, and without limiting any other obligation it has under "
       "this agreement, the addendum or applicable law, and in addition to the measures it keeps "
       "in place at all times, the Provider shall:"}};
  std::vector<ListLead> links;
  for (std::size_t i = 1; i <= 300; ++i) {
    text.push_back({"(" + std::to_string(i) + ") encrypt the affected copies;"});
    links.push_back({static_cast<std::uint32_t>(i), 0});
  }
  // issue 11 #2: one clause, from the lead-in to the last item, every item read with it.
  const TestDoc doc = MakeList(text, links);
  const std::vector<RuleHit> hits = MatchDoc(doc);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(Rules().rules[hits[0].rule].id, "duty.encrypt");
  EXPECT_EQ(hits[0].begin, doc.outline.units[0].begin);
  EXPECT_EQ(hits[0].end, doc.outline.units[300].end);
}

TEST(Matcher, ARuleTheLeadInMeetsAloneIsNotRepeatedOnItsItems) {
  const TestDoc doc =
      MakeList({{"Provider shall encrypt the following:"}, {"(a) backups;"}, {"(b) laptops."}},
               {{1, 0}, {2, 0}});
  std::vector<std::string> ids;
  for (const RuleHit& hit : MatchDoc(doc)) ids.push_back(Rules().rules[hit.rule].id);
  EXPECT_EQ(ids, std::vector<std::string>{"duty.encrypt"});
}

TEST(Matcher, NestedItemsSeeEveryLeadIn) {
  const TestDoc doc =
      MakeList({{"Provider shall:"}, {"(a) keep these controls:"}, {"(i) encryption of laptops;"}},
               {{1, 0}, {2, 1}});
  // issue 11 #2: only the outer lead-in states the duty, so the clause starts there.
  EXPECT_EQ(FiredOnUnit(doc, 0), std::vector<std::string>{"duty.encrypt"});
  EXPECT_EQ(MatchDoc(doc).at(0).end, doc.outline.units[2].end);
}

// issue 11 #2: a clause is reported from the innermost lead-in that states the duty with the
// item, as one hit from the lead-in to its last item (one clause, one finding), whose sets
// gather what every item lists.
TEST(Matcher, ItemsThatNeedTheirLeadInAreOneClauseWithIt) {
  const TestDoc doc = MakeList({{"Schedule 3 applies as follows:"},
                                {"(a) the Provider will keep these safeguards:"},
                                {"(i) encryption of laptops within 24 hours of issue;"},
                                {"(ii) encryption of backups within 48 hours."}},
                               {{1, 0}, {2, 1}, {3, 1}});
  const std::vector<RuleHit> hits = MatchDoc(doc);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(Rules().rules[hits[0].rule].id, "duty.encrypt");
  EXPECT_EQ(hits[0].begin, doc.outline.units[1].begin);
  EXPECT_EQ(hits[0].end, doc.outline.units[3].end);
  EXPECT_EQ(hits[0].parameters.at("window_hours"), ParamValue(24.0));  // the first item's
  // An item that holds alone and names its own duty holder stays where it is.
  const TestDoc own = MakeList({{"Provider shall:"},
                                {"(a) encrypt laptops;"},
                                {"(b) each party shall encrypt its own backups."}},
                               {{1, 0}, {2, 0}});
  const std::vector<RuleHit> two = MatchDoc(own);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].begin, own.outline.units[0].begin);
  EXPECT_EQ(two[0].end, own.outline.units[1].end);
  EXPECT_EQ(two[1].begin, own.outline.units[2].begin);
  // One that names none belongs to the lead-in's clause.
  const TestDoc joined =
      MakeList({{"Provider shall:"}, {"(a) encrypt laptops;"}, {"(b) backups must be encrypted."}},
               {{1, 0}, {2, 0}});
  const std::vector<RuleHit> one = MatchDoc(joined);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].end, joined.outline.units[2].end);
}

// issue 11 #2: the items of a list of definitions define terms; an item that states its clause
// alone is quoted with its lead-in only when the lead-in is near.
TEST(Matcher, ItemsOfAListOfDefinitionsDefine) {
  const TestDoc doc =
      MakeList({{"In this schedule the following words have the following meanings:"},
                {"(a) Breach: the Provider shall notify any security incident;"}},
               {{1, 0}});
  EXPECT_FALSE(Contains(FiredOnUnit(doc, 1), "incident.window"));
  EXPECT_FALSE(Contains(FiredOnUnit(doc, 0), "incident.window"));
}

TEST(Matcher, AnItemThatStandsAloneIsQuotedWithANearLeadInWhoseDutyItOwes) {
  std::vector<std::vector<std::string>> text = {{"The Provider shall:"}};
  std::vector<ListLead> links;
  for (std::uint32_t i = 1; i <= 40; ++i) {
    text.push_back({"(" + std::to_string(i) + ") a paragraph about the fees and the invoices;"});
    links.push_back({i, 0});
  }
  text.push_back({"(41) notify any security incident within 24 hours."});
  links.push_back({41, 0});
  const TestDoc doc = MakeList(text, links);
  EXPECT_TRUE(Contains(FiredOnUnit(doc, 41), "incident.window"));
  const TestDoc near = MakeList(
      {{"The Provider shall:"}, {"(1) notify any security incident within 24 hours."}}, {{1, 0}});
  EXPECT_TRUE(Contains(FiredOnUnit(near, 0), "incident.window"));
  // An item that states its own duty under a lead-in that states none ("Upon termination:")
  // owes the lead-in nothing: it is its own clause.
  const TestDoc bare = MakeList(
      {{"Upon termination:"}, {"(1) the vendor must notify any security incident."}}, {{1, 0}});
  EXPECT_TRUE(Contains(FiredOnUnit(bare, 1), "incident.window"));
}

// The lead-in is repeated before items only up to 4 times the document's size (plus 1 MiB) in
// all: a 4 KB lead-in before 200,000 items is not 800 MB of text to match (about 1,300 items
// are read with it).
TEST(Matcher, ALeadInIsNotRepeatedBeforeHundredsOfThousandsOfItems) {
  std::vector<std::vector<std::string>> paragraphs = {{"Provider shall" + std::string(4000, '!')}};
  std::vector<ListLead> links;
  for (std::uint32_t i = 1; i <= 200'000; ++i) {
    paragraphs.push_back({"(a) encrypt"});
    links.push_back({i, 0});
  }
  const TestDoc doc = MakeList(paragraphs, links);
  Rules();  // compiled here, not in the child
  const testing::ChildOutcome outcome = testing::RunBounded(
      [&] {
        const std::size_t hits = Rules().matcher->Match(doc.text, doc.outline).size();
        return std::string(hits > 0 && hits < 5000 ? "some" : "?");
      },
      {20, std::size_t{512} << 20});
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output, "some");
}

// issue 11 #3: the second duty of a sentence counts for a rule about its holder when the rule
// holds in that duty's clause by itself.
TEST(Matcher, TheSecondDutyOfASentenceCounts) {
  const std::vector<RuleHit> hits = MatchDoc(MakeDoc(
      {{"Customer shall provide the logs and Provider shall notify Customer of any Security "
        "Incident within 48 hours."}}));
  const auto window = std::find_if(hits.begin(), hits.end(), [](const RuleHit& hit) {
    return Rules().rules[hit.rule].id == "incident.window";
  });
  ASSERT_NE(window, hits.end());
  EXPECT_EQ(window->party, Party::kSupplier);
  EXPECT_EQ(window->parameters.at("window_hours"), ParamValue(48.0));
  // The customer's notice, with a supplier's duty after it that is no notice: not the supplier's.
  EXPECT_FALSE(Contains(FiredIn("Customer shall notify Provider of any Security Incident and "
                                "Provider shall acknowledge receipt."),
                        "incident.window"));
}

TEST(Matcher, WithinDeadlineWinsOverEarlierDuration) {
  const std::map<std::string, ParamValue> params = ParamsOf(
      "incident.window",
      "For 30 days after any Security Incident, Supplier shall notify Customer within 2 days "
      "of each update.");
  EXPECT_EQ(params.at("window_hours"), ParamValue(48.0));
}

TEST(Matcher, BusinessDaysGoToTheirOwnParameter) {
  const std::map<std::string, ParamValue> params =
      ParamsOf("incident.window",
               "Supplier shall notify Customer of any Data Breach within two (2) Business Days.");
  EXPECT_EQ(params.at("window_days"), ParamValue(2.0));
  EXPECT_EQ(params.at("business"), ParamValue(true));
  EXPECT_EQ(params.count("window_hours"), 0u);
}

TEST(Matcher, FlagAndEnumParameters) {
  std::map<std::string, ParamValue> params =
      ParamsOf("incident.window",
               "Supplier shall notify Customer of any Security Incident affecting personal data or "
               "backups.");
  EXPECT_EQ(params.at("backups"), ParamValue(true));
  EXPECT_EQ(params.at("kind"), ParamValue(std::string("personal")));  // first key that matches
  params = ParamsOf("incident.window",
                    "Supplier shall notify Customer of any Security Incident, excluding backups.");
  EXPECT_EQ(params.count("backups"), 0u);
  EXPECT_EQ(params.at("kind"), ParamValue(std::string("general")));
  params = ParamsOf("incident.window", "Supplier shall notify Customer of a Security Incident.");
  EXPECT_TRUE(params.empty());
}

TEST(Matcher, CheckPatternReportsRe2Errors) {
  EXPECT_EQ(CheckPattern("\\bnotify\\b"), "");
  EXPECT_EQ(CheckPattern("(notify"), "missing ): (notify");
}

TEST(Matcher, CompileRejectsBadPatternWithRuleLocation) {
  Rule rule;
  rule.id = "x.y";
  rule.file = "x/y.yaml";
  rule.line = 3;
  rule.all = {{"(unclosed"}};
  Result<std::unique_ptr<Matcher>> matcher = Matcher::Compile({rule}, PartyLexicon{});
  ASSERT_FALSE(matcher.ok());
  EXPECT_EQ(matcher.error().message(),
            "x/y.yaml:3: invalid pattern '(unclosed': missing ): (unclosed");
}

struct ShapeCase {
  const char* pattern;
  const char* relaxed;  // "" when nothing is rewritten
};

TEST(PatternShape, RelaxesWideCountedRepetitionsOnly) {
  const ShapeCase cases[] = {
      {"\\bnotify\\b", ""},
      {"a [a-z ]{0,40}b", "a [a-z ]*b"},
      {"a[^.;]{1,80}b", "a[^.;]+b"},
      {"(x ){2,30}y", "(x ){2,}y"},
      {"([a-z']+ ){0,3}notice", ""},  // bounded
      {"a{0,8}", ""},
      {"a{0,9}", "a*"},
      {"a{3}", ""},
      {"a{3,}", ""},
      {"[{0,40}]", ""},  // inside a class: literal braces
      {"\\{0,40}", ""},  // escaped brace
      {"\\x{41}{0,20}", "\\x{41}*"},
      {"\\p{Greek}+", ""},
      {"\\Q{0,40}*\\E", ""},  // quoted literal text
      {"[]{0,40}]x", ""},     // ']' first in a class is literal
      {"[[:alpha:] ]{0,20}", "[[:alpha:] ]*"},
      {"a{,40}", ""},  // not a repetition in RE2: literal
      {"a{0,40}?b", "a*?b"},
      {"(?i:x[^.]{0,30})", "(?i:x[^.]*)"},
  };
  for (const ShapeCase& c : cases) {
    SCOPED_TRACE(c.pattern);
    EXPECT_EQ(RelaxPattern(c.pattern), c.relaxed);
    const std::string form = *c.relaxed ? c.relaxed : c.pattern;
    EXPECT_EQ(CheckPattern(form), "");
  }
}

TEST(PatternShape, UnfactorsAlternativesOutsideClassesAndEscapes) {
  EXPECT_EQ(UnfactorAlternatives("sla|service"), "sla|(?:)service");
  EXPECT_EQ(UnfactorAlternatives("\\b(a|b(c|d))\\b"), "\\b(a|(?:)b(c|(?:)d))\\b");
  EXPECT_EQ(UnfactorAlternatives("[|]\\|x"), "[|]\\|x");
  EXPECT_EQ(UnfactorAlternatives("\\Qa|b\\E|c"), "\\Qa|b\\E|(?:)c");
}

TEST(Matcher, SplitPatternsStayExact) {
  // The atoms are "incident" and "data"; only the exact pattern knows the order and that no '.'
  // may come between.
  Rule rule;
  rule.id = "x.split";
  rule.all = {{"\\bincident\\b[^.;]{0,60}\\bdata\\b"}};
  Result<std::unique_ptr<Matcher>> matcher = Matcher::Compile({rule}, PartyLexicon{});
  ASSERT_TRUE(matcher.ok()) << matcher.error().message();
  auto count = [&](const std::string& sentence) {
    const TestDoc doc = MakeDoc({{sentence}});
    return (*matcher)->Match(doc.text, doc.outline).size();
  };
  EXPECT_EQ(count("An incident affecting customer data."), 1u);
  EXPECT_EQ(count("Data about an incident."), 0u);
  EXPECT_EQ(count("An incident; then data."), 0u);
}

TEST(Matcher, RelaxedPatternsStayExact) {
  // The relaxed form is "\\bincident [a-z ]*data\\b"; the exact pattern allows at most 10 letters.
  Rule rule;
  rule.id = "x.relaxed";
  rule.all = {{"\\bincident [a-z ]{0,10}data\\b"}};
  Result<std::unique_ptr<Matcher>> matcher = Matcher::Compile({rule}, PartyLexicon{});
  ASSERT_TRUE(matcher.ok()) << matcher.error().message();
  const TestDoc near = MakeDoc({{"An incident about data."}});
  const TestDoc far = MakeDoc({{"An incident about all the customer data."}});
  EXPECT_EQ((*matcher)->Match(near.text, near.outline).size(), 1u);
  EXPECT_EQ((*matcher)->Match(far.text, far.outline).size(), 0u);
}

// The per-pattern engine (every pattern on every unit) and the prefiltered engine must agree on
// every hit.
TEST(Matcher, PrefilteredAndPerPatternEnginesAgree) {
  MatcherOptions options;
  options.each_pattern = true;
  Result<std::unique_ptr<Matcher>> reference =
      Matcher::Compile(Rules().rules, Rules().parties, options);
  ASSERT_TRUE(reference.ok()) << reference.error().message();
  const TestDoc doc =
      MakeDoc({{"# Security",
                "Supplier shall notify Customer of any Security Incident within 2 "
                "Business Days.",
                "Customer shall notify Supplier of a change of address."},
               {"\"Security Incident\" means any unauthorized access.", "Notification is required.",
                "Supplier shall inform Customer of any data breach, except as required by law."},
               {"Customer may audit Supplier.", "It may do so once per year."},
               {"Nothing here matches at all."}});
  const std::vector<RuleHit> expected = MatchDoc(doc);
  const std::vector<RuleHit> actual = (*reference)->Match(doc.text, doc.outline);
  ASSERT_EQ(actual.size(), expected.size());
  EXPECT_GE(expected.size(), 6u);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(actual[i].rule, expected[i].rule);
    EXPECT_EQ(actual[i].begin, expected[i].begin);
    EXPECT_EQ(actual[i].end, expected[i].end);
    EXPECT_EQ(actual[i].section, expected[i].section);
    EXPECT_EQ(actual[i].party, expected[i].party);
    EXPECT_EQ(actual[i].parameters, expected[i].parameters);
  }
}

}  // namespace
}  // namespace clausescan::internal

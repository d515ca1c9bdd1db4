// rationale.yaml: why the buyer asks, per category and rule (issue 14 #1), and the rationale a
// finding carries (issue 14 #2). The rule sets are built in memory.
#include "rules/rationale_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "assess/assess.h"
#include "assess/rationale.h"
#include "report/rationale_text.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "rules/regex_on_first_use.h"

namespace clausescan::internal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char kCategories[] = R"(- {id: incident_notification, title: Security incident notification}
- {id: audit, title: Audit rights}
)";

const char kRule[] = R"(id: incident-notification.window
category: incident_notification
title: Notification window
match:
  all:
    - any: ['\bnotify\b']
)";

const char kAuditRule[] = R"(id: audit.audit
category: audit
title: Audit
match:
  all:
    - any: ['\baudit\b']
)";

const char kRationale[] = R"y(category: incident_notification
rationale: The buyer has its own clock.
sectors: [all]
sources:
  - {title: "GDPR Art. 33(1)-(2)", url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj", says: "72 hours.", read: "https://eur-lex.europa.eu/"}
answers:
  - Offer notice without undue delay.
rules:
  incident-notification.window:
    rationale: The hours are the buyer's deadline.
    sources:
      - {title: "DORA Art. 19", url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj", says: "Initial notification.", read: "https://eur-lex.europa.eu/"}
)y";

const char kAuditRationale[] = R"y(category: audit
rationale: The regulator asks.
sources:
  - {title: "DORA Art. 30(3)(e)", url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj", says: "Audit rights.", read: "https://eur-lex.europa.eu/"}
)y";

Result<std::shared_ptr<RuleSetData>> Load(const std::string& rationale,
                                          const std::string& audit = kAuditRationale) {
  std::vector<SourceFile> files = {{"categories.yaml", kCategories},
                                   {"parties.yaml", "supplier: [Supplier]\ncustomer: [Customer]\n"},
                                   {"incident_notification/window.yaml", kRule},
                                   {"audit/audit.yaml", kAuditRule}};
  if (!rationale.empty()) files.push_back({"incident_notification/rationale.yaml", rationale});
  if (!audit.empty()) files.push_back({"audit/rationale.yaml", audit});
  return LoadRuleSet(std::move(files), "test-rules");
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// issue 14 fourth review #1: a source's `subject` says what the regulation clause its title cites
// is about; the loader refuses one that is no RE2 pattern, or whose title cites no such clause,
// naming the file and line.
TEST(RationaleLoader, SubjectOfACitedClauseIsChecked) {
  const std::string far_source =
      "  - {title: \"FAR 52.239-1 (Aug 1996) paragraph (b)\", url: \"https://www.ecfr.gov/\", "
      "says: \"Inspection.\", read: \"https://www.ecfr.gov/\", subject: '\\binspect'}\n";
  const std::string base = std::string(kAuditRationale) + far_source;
  auto good = Load(kRationale, base);
  ASSERT_TRUE(good) << good.error().message();
  const RationaleEntry& audit = (*good)->rationales.at("audit");
  ASSERT_EQ(audit.source_subjects.size(), 2u);
  EXPECT_EQ(audit.source_subjects[0], nullptr);
  ASSERT_NE(audit.source_subjects[1], nullptr);
  EXPECT_TRUE(RE2::PartialMatch("The Government may INSPECT the facilities.",
                                audit.source_subjects[1]->Get()));

  auto bad_pattern = Load(kRationale, Replace(base, "'\\binspect'", "'(inspect'"));
  ASSERT_FALSE(bad_pattern);
  EXPECT_THAT(bad_pattern.error().message(), HasSubstr("audit/rationale.yaml:"));
  EXPECT_THAT(bad_pattern.error().message(), HasSubstr("not a valid RE2 pattern"));

  auto no_clause = Load(kRationale, Replace(base, "FAR 52.239-1 (Aug 1996) paragraph (b)",
                                            "GDPR Art. 28(3)(h)"));
  ASSERT_FALSE(no_clause);
  EXPECT_THAT(no_clause.error().message(), HasSubstr("audit/rationale.yaml:"));
  EXPECT_THAT(no_clause.error().message(), HasSubstr("cites no FAR, DFARS"));
}

// issue 12: a pack checked when the program was built compiles a source's `subject` on its first
// use, and it answers as the subject compiled at load does.
TEST(RationaleLoader, CheckedPackCompilesSubjectOnFirstUse) {
  const std::string far_source =
      "  - {title: \"FAR 52.239-1 (Aug 1996) paragraph (b)\", url: \"https://www.ecfr.gov/\", "
      "says: \"Inspection.\", read: \"https://www.ecfr.gov/\", subject: '\\binspect'}\n";
  std::vector<SourceFile> files = {
      {"categories.yaml", kCategories},
      {"parties.yaml", "supplier: [Supplier]\ncustomer: [Customer]\n"},
      {"incident_notification/window.yaml", kRule},
      {"audit/audit.yaml", kAuditRule},
      {"incident_notification/rationale.yaml", kRationale},
      {"audit/rationale.yaml", std::string(kAuditRationale) + far_source}};
  for (SourceFile& file : files) file.checked_at_build = true;
  auto checked = LoadRuleSet(std::move(files), "test-rules");
  ASSERT_TRUE(checked) << checked.error().message();
  const RationaleEntry& audit = (*checked)->rationales.at("audit");
  ASSERT_EQ(audit.source_subjects.size(), 2u);
  ASSERT_NE(audit.source_subjects[1], nullptr);
  EXPECT_EQ(audit.source_subjects[1]->pattern(), "\\binspect");
  EXPECT_TRUE(RE2::PartialMatch("The Government may INSPECT the facilities.",
                                audit.source_subjects[1]->Get()));
  EXPECT_FALSE(RE2::PartialMatch("The auditor may review reports.",
                                 audit.source_subjects[1]->Get()));
}

// issue 14 #1
TEST(RationaleLoader, ReadsCategoryAndRuleRationales) {
  auto data = Load(kRationale);
  ASSERT_TRUE(data) << (data ? "" : data.error().message());
  const RationaleEntry& category = (*data)->rationales.at("incident_notification");
  EXPECT_EQ(category.shown.text, "The buyer has its own clock.");
  ASSERT_EQ(category.shown.sources.size(), 1u);
  EXPECT_EQ(category.shown.sources[0].title, "GDPR Art. 33(1)-(2)");
  ASSERT_EQ(category.answers.size(), 1u);
  EXPECT_EQ(category.answers[0].text, "Offer notice without undue delay.");
  EXPECT_EQ((*data)->rationales.at("incident-notification.window").shown.sources[0].title,
            "DORA Art. 19");
}

// issue 14 review s8 #1: a sentence that names a sector's law (GDPR, DORA, NYDFS, HIPAA, FAR,
// PCI DSS ...) carries that sector and not "all"; a neutral sentence names none.
TEST(RationaleLoader, SentenceNamingASectorsLawMustListThatSector) {
  const std::string gdpr =
      Replace(kRationale, "rationale: The buyer has its own clock.",
              "rationale: GDPR controllers must tell the authority within 72 hours.");
  struct Case {
    std::string text;
    std::string message;  // "" when the file loads
  };
  const std::vector<Case> cases = {
      {gdpr,
       "rationale.yaml:2:12: 'rationale' names GDPR, a law of sector 'gdpr-controllers', "
       "but its sectors list 'all'"},
      {Replace(gdpr, "sectors: [all]", "sectors: [all, gdpr-controllers]"),
       "names GDPR, a law of sector 'gdpr-controllers', but its sectors list 'all'"},
      {Replace(gdpr, "sectors: [all]\n", ""),
       "names GDPR, a law of sector 'gdpr-controllers', but its sectors do not list it"},
      {Replace(gdpr, "sectors: [all]", "sectors: [eu-financial-entities]"),
       "but its sectors do not list it"},
      {Replace(gdpr, "sectors: [all]",
               "sectors: [gdpr-controllers]\nneutral: The buyer must "
               "meet a clock of its own."),
       ""},
      {Replace(kRationale, "sectors: [all]",
               "sectors: [all]\nneutral: EU financial entities "
               "must report under DORA."),
       "a law of sector 'eu-financial-entities', but a neutral sentence is for every buyer"},
      {Replace(kRationale, "sectors: [all]",
               "sectors: [all]\nsector_rationale:\n  us-federal-contractors: A federal "
               "contractor reports under DFARS 252.204-7012."),
       "'sector_rationale' names DFARS, a law of sector 'us-dod-contractors'"},
      {Replace(kRationale, "sectors: [all]",
               "sectors: [all]\nsector_rationale:\n  us-dod-contractors: A defence contractor "
               "reports under DFARS 252.204-7012, a FAR supplement."),
       ""},
      {Replace(kRationale, "rationale: The buyer has its own clock.",
               "rationale: A UK controller must report under the UK GDPR.\nneutral: Clock."),
       "names UK GDPR, a law of sector 'uk-gdpr-controllers'"},
      {Replace(Replace(kRationale, "rationale: The buyer has its own clock.",
                       "rationale: A UK controller must report under the UK GDPR."),
               "sectors: [all]", "sectors: [uk-gdpr-controllers]"),
       ""},
      {Replace(kRationale, "rationale: The hours are the buyer's deadline.",
               "rationale: A card-data handler follows PCI DSS 12.10."),
       "names PCI DSS, a law of sector 'card-data-handlers', but its sectors do not list it"},
      // issue 14 review s8 #5: a rationale for one kind of clause needs a neutral sentence.
      {Replace(kRationale, "sectors: [all]", "sectors: [all]\nonly_if: scc"),
       "'only_if' needs a 'neutral' sentence"},
  };
  for (const Case& c : cases) {
    auto data = Load(c.text);
    if (c.message.empty()) {
      EXPECT_TRUE(data) << (data ? "" : data.error().message()) << "\n" << c.text;
    } else {
      ASSERT_FALSE(data) << c.text;
      EXPECT_THAT(data.error().message(), HasSubstr(c.message)) << c.text;
    }
  }
}

// issue 14 #1
TEST(RationaleLoader, ErrorsNameFileLineAndColumn) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {Replace(kRationale, "category: incident_notification", "category: incident_notifcation"),
       "incident_notification/rationale.yaml:1:11: unknown category 'incident_notifcation' (did "
       "you mean 'incident_notification'?)"},
      {Replace(kRationale, "  incident-notification.window:", "  incident-notification.windw:"),
       "incident_notification/rationale.yaml:9:3: unknown rule 'incident-notification.windw' "
       "(did you mean 'incident-notification.window'?)"},
      {Replace(kRationale, "sectors: [all]", "sector: [all]"),
       "incident_notification/rationale.yaml:3:1: unknown key 'sector'"},
      {Replace(kRationale, "  - Offer notice", "  - Offer notice") + "", ""},
  };
  for (const Case& c : cases) {
    if (c.message.empty()) continue;
    auto data = Load(c.text);
    ASSERT_FALSE(data) << c.message;
    EXPECT_THAT(data.error().message(), HasSubstr(c.message));
  }
}

// issue 14 #1
TEST(RationaleLoader, ARationaleWithoutSourcesIsAnError) {
  auto data = Load(kRationale, "category: audit\nrationale: The regulator asks.\nsources: []\n");
  ASSERT_FALSE(data);
  EXPECT_THAT(data.error().message(), HasSubstr("audit/rationale.yaml:3:10"));
  EXPECT_THAT(data.error().message(), HasSubstr("names no source"));
}

// issue 14 #1
TEST(RationaleLoader, ARuleOfAnotherCategoryIsAnError) {
  auto data = Load(kRationale, std::string(kAuditRationale) +
                                   "rules:\n  incident-notification.window:\n    rationale: x\n"
                                   "    sources: [{title: t, url: u, says: s, read: r}]\n");
  ASSERT_FALSE(data);
  EXPECT_THAT(data.error().message(), HasSubstr("is of category 'incident_notification'"));
}

// issue 14 #1
TEST(RationaleLoader, ARuleWithoutRationaleFailsTheLoad) {
  auto data = Load(kRationale, "");
  ASSERT_FALSE(data);
  EXPECT_THAT(data.error().message(),
              HasSubstr("audit/audit.yaml:1:1: rule 'audit.audit' has no rationale"));
}

// issue 14 #2
TEST(RationaleLoader, AFindingCarriesTheRulesRationaleElseItsCategorys) {
  auto data = Load(kRationale);
  ASSERT_TRUE(data) << (data ? "" : data.error().message());
  Finding window;
  window.category = "incident_notification";
  Assess(**data, (*data)->rules[1], window);  // rules sorted: audit.audit, incident-...
  EXPECT_EQ(window.rationale.text, "The hours are the buyer's deadline.");
  Finding audit;
  audit.category = "audit";
  Assess(**data, (*data)->rules[0], audit);
  EXPECT_EQ(audit.rationale.text, "The regulator asks.");
  ASSERT_EQ(audit.rationale.sources.size(), 1u);
  EXPECT_EQ(audit.rationale.sources[0].url, "https://eur-lex.europa.eu/eli/reg/2022/2554/oj");
  Report report;
  report.findings = {window};
  DropRationale(&report);
  EXPECT_TRUE(report.findings[0].rationale.text.empty());
}

// issue 14 #2: the category's answers are considerations tied to the rationale.
TEST(RationaleLoader, AnswersBecomeConsiderations) {
  std::string text = Replace(kRationale, "rules:", "xrules:");
  text = text.substr(0, text.find("xrules:"));
  auto data = Load(text);
  ASSERT_TRUE(data) << (data ? "" : data.error().message());
  Finding window;
  window.category = "incident_notification";
  Assess(**data, (*data)->rules[1], window);
  // issue 15 #4: a clause with nothing to negotiate (here no policy: info) gets no answers.
  EXPECT_THAT(window.considerations,
              ::testing::Not(::testing::Contains(HasSubstr("buyer's need"))));
  window.risk = Risk::kMedium;
  AttachRationale((*data)->rationales, (*data)->rules[1], window);
  EXPECT_THAT(window.considerations,
              ::testing::Contains("Meets the buyer's need: Offer notice without undue delay."));
  Report report;
  report.findings = {window};
  DropRationale(&report);
  EXPECT_THAT(report.findings[0].considerations,
              ::testing::Not(::testing::Contains(HasSubstr("buyer's need"))));
}

// issue 14 #2 (item 2): a folder without any rationale.yaml (a user's own pack) is checked too.
// 'audit' is no category of the built-in rules, so its rule has no rationale anywhere: the error
// names the rule file and line and says how to add one.
TEST(RationaleLoader, AFolderWithoutRationaleFilesFailsForANewCategory) {
  auto data = Load("", "");
  ASSERT_FALSE(data);
  const std::string message = data.error().message();
  EXPECT_THAT(message, HasSubstr("audit/audit.yaml:1:1: rule 'audit.audit' has no rationale"));
  EXPECT_THAT(message, HasSubstr("neither has category 'audit' (here or in the built-in rules)"));
  EXPECT_THAT(message, HasSubstr("add audit/rationale.yaml with 'category: audit'"));
  EXPECT_THAT(message, HasSubstr("sources: [{title, url, says, read}]"));
}

// issue 14 #2 (item 2): a rule of a built-in category takes the built-in category's rationale
// when its folder has none, and a rule of a built-in id and category that rule's own.
TEST(RationaleLoader, ABuiltinCategoryLendsItsRationaleToAFolderWithout) {
  const char custom[] = R"(id: incident-notification.pager
category: incident_notification
title: Pager
match:
  all:
    - any: ['\bpager\b']
)";
  std::vector<SourceFile> files = {
      {"categories.yaml", "- {id: incident_notification, title: Incident notification}\n"},
      {"parties.yaml", "supplier: [Supplier]\ncustomer: [Customer]\n"},
      {"incident_notification/window.yaml", kRule},
      {"incident_notification/pager.yaml", custom}};
  auto data = LoadRuleSet(std::move(files), "own-rules");
  ASSERT_TRUE(data) << data.error().message();
  Finding pager;
  pager.category = "incident_notification";
  Assess(**data, (*data)->rules[0], pager);  // incident-notification.pager
  EXPECT_THAT(pager.rationale.text, HasSubstr("have a short, fixed clock"));
  EXPECT_FALSE(pager.rationale.sources.empty());
  Finding window;
  window.category = "incident_notification";
  Assess(**data, (*data)->rules[1], window);  // incident-notification.window
  EXPECT_THAT(window.rationale.text, HasSubstr("want notice inside that clock"));
  EXPECT_THAT((*data)->infos[0].rationale.text, HasSubstr("short, fixed clock"));  // rules show
}

// issue 14 #2 (item 2): every rationale names its source, and where it was read.
TEST(RationaleLoader, EverySourceNamesItsTextAndWhereItWasRead) {
  struct Case {
    std::string source;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"{url: \"https://x.example/a\", says: s, read: r}", "missing required key 'title'"},
      {"{title: t, says: s, read: r}", "missing required key 'url'"},
      {"{title: t, url: \"https://x.example/a\", read: r}", "missing required key 'says'"},
      {"{title: t, url: \"https://x.example/a\", says: s}", "missing required key 'read'"},
      {"{title: t, url: \"\", says: s, read: r}", "'url' must not be empty"},
      {"{title: t, url: \"see the OJ\", says: s, read: r}",
       "'url' must be the address of the text (http:// or https:// and a host, no spaces), not "
       "'see the OJ'"},
      // issue 14 (attack review): an address needs a host and holds no space or control byte.
      {"{title: t, url: \"https://\", says: s, read: r}", "'url' must be the address"},
      {"{title: t, url: \"https://a.example/\\n\\e[2Jx\", says: s, read: r}",
       "'url' must be the address"},
      {"{title: t, url: \"https://a.example/\", says: s, read: " + std::string(2001, 'r') + "}",
       "'read' is 2001 characters long, more than the 2000"},
  };
  for (const Case& c : cases) {
    auto data = Load(kRationale, "category: audit\nrationale: The regulator asks.\nsources:\n  - " +
                                     c.source + "\n");
    ASSERT_FALSE(data) << c.source;
    EXPECT_THAT(data.error().message(), HasSubstr("audit/rationale.yaml:4:")) << c.source;
    EXPECT_THAT(data.error().message(), HasSubstr(c.message)) << c.source;
  }
}

// issue 14 (helper brief s5, item 4): facts come only from the primary texts or official
// guidance, so a source whose `read` says it was read only through a secondary copy or summary
// is refused where it stands (file, line and column of its `read`), whatever its case.
TEST(RationaleLoader, ASourceReadOnlyThroughASecondaryCopyIsAnError) {
  const std::vector<std::string> reads = {
      "\"secondary: a law-firm summary of the paper\"",
      "\"official site not reached; wording checked against Secondary copies only\"",
      "SECONDARY (blog quote)",
  };
  for (const std::string& read : reads) {
    auto data = Load(kRationale,
                     "category: audit\nrationale: The regulator asks.\nsources:\n"
                     "  - title: Guidelines para 87\n    url: \"https://x.example/a\"\n"
                     "    says: s\n    read: " +
                         read + "\n");
    ASSERT_FALSE(data) << read;
    EXPECT_THAT(data.error().message(), HasSubstr("audit/rationale.yaml:7:11:")) << read;
    EXPECT_THAT(data.error().message(),
                HasSubstr("'read' says the source was read only through a secondary copy"))
        << read;
  }
  // The word alone counts, not a part of another word; a verbatim copy that names where it
  // was read is accepted.
  EXPECT_TRUE(Load(kRationale,
                   "category: audit\nrationale: The regulator asks.\nsources:\n  - {title: t, "
                   "url: \"https://x.example/a\", says: s, read: \"nonsecondary copy of the OJ "
                   "text; secondarysite.example PDF of the publisher, https://x.example/a\"}\n"))
      << "only the word 'secondary' marks a secondary reading";
}

// issue 14 (helper brief s6, item 1): a reader must be able to find exactly what was read, so a
// `read` names an address, a repository with its commit and a path, or a file under
// /work/shared/reference/; one that names none of them is refused at its line and column.
TEST(RationaleLoader, AReadThatNamesNoPlaceAReaderCanFindIsAnError) {
  const std::vector<std::string> refused = {
      "\"intuitem gdpr.yaml\"",
      "\"GitHub DPA embedding the SCCs\"",
      "\"Cornell LII copy of the NYCRR\"",
      "EUR-Lex",
      // A repository and a path without the commit, a commit without a path, an address
      // without a host, a folder without a file.
      "\"intuitem/ciso-assistant-community backend/library/libraries/gdpr.yaml\"",
      "\"intuitem/ciso-assistant-community at commit f990d7b1b9a9f56e391acbc247c9076262a11412\"",
      "\"f990d7b1b9a9f56e391acbc247c9076262a11412 backend/library/libraries/gdpr.yaml\"",
      "\"https:// and then nothing\"",
      "\"the table under /work/shared/reference/\"",
  };
  for (const std::string& read : refused) {
    auto data = Load(kRationale,
                     "category: audit\nrationale: The regulator asks.\nsources:\n"
                     "  - title: Guidelines para 87\n    url: \"https://x.example/a\"\n"
                     "    says: s\n    read: " +
                         read + "\n");
    ASSERT_FALSE(data) << read;
    EXPECT_THAT(data.error().message(), HasSubstr("audit/rationale.yaml:7:11:")) << read;
    EXPECT_THAT(data.error().message(), HasSubstr("'read' must say where the wording was read"))
        << read;
  }
  const std::vector<std::string> accepted = {
      "\"https://eur-lex.europa.eu/eli/reg/2016/679/oj\"",
      "\"the ICO's own page (http://ico.org.uk/global/x), as stored by the search tool\"",
      "\"intuitem/ciso-assistant-community commit f990d7b1b9a9f56e391acbc247c9076262a11412 path "
      "backend/library/libraries/gdpr.yaml: requirement 28.3.h\"",
      "\"GSA/GSA-Acquisition-DFARS html/copypaste-AllTopic/252.204-7012.html at commit "
      "6d0679a36973b888fe88b4ebbff6d65199ac86d5\"",
      "\"catfield123/hipaa-rag commit 99dcde338a52cba3e9fe0e5f5f1497b2acb534ca path "
      "filtered_markdown.md, 164.410(b)\"",
      "/work/shared/reference/iso27001-2022-annex-a.tsv",
  };
  for (const std::string& read : accepted) {
    auto data = Load(kRationale,
                     "category: audit\nrationale: The regulator asks.\nsources:\n"
                     "  - title: Guidelines para 87\n    url: \"https://x.example/a\"\n"
                     "    says: s\n    read: " +
                         read + "\n");
    EXPECT_TRUE(data) << read << ": " << (data ? "" : data.error().message());
  }
}

// issue 14 (attack review): a rationale is printed under every finding of its rules, so a long
// one or a long list of sources would multiply the report; both are refused where they are.
TEST(RationaleLoader, ALongRationaleOrManySourcesIsAnError) {
  const std::string source =
      "  - {title: t, url: \"https://x.example/a\", says: s, read: \"https://x.example/a\"}\n";
  auto too_long = Load(kRationale, "category: audit\nrationale: " + std::string(1501, 'x') +
                                       "\nsources:\n" + source);
  ASSERT_FALSE(too_long);
  EXPECT_THAT(too_long.error().message(), HasSubstr("audit/rationale.yaml:2:12:"));
  EXPECT_THAT(too_long.error().message(), HasSubstr("'rationale' is 1501 characters long"));
  std::string many;
  for (int i = 0; i < 21; ++i) many += source;
  auto too_many =
      Load(kRationale, "category: audit\nrationale: The regulator asks.\nsources:\n" + many);
  ASSERT_FALSE(too_many);
  EXPECT_THAT(too_many.error().message(), HasSubstr("audit/rationale.yaml:4:"));
  EXPECT_THAT(too_many.error().message(), HasSubstr("'sources' has 21 entries, more than the 20"));
  // A sector is an id (the report prints it and scripts group by it), never markup or escapes.
  auto markup = Load(kRationale,
                     "category: audit\nrationale: The regulator asks.\nsectors: "
                     "[gdpr-controllers, \"<b>sec</b>\"]\nsources:\n" +
                         source);
  ASSERT_FALSE(markup);
  EXPECT_THAT(markup.error().message(), HasSubstr("audit/rationale.yaml:3:"));
  EXPECT_THAT(markup.error().message(), HasSubstr("sector '<b>sec</b>' is not an id"));
  EXPECT_TRUE(Load(kRationale,
                   "category: audit\nrationale: The regulator asks.\nsectors: "
                   "[us-federal-agencies]\nsources:\n" +
                       source))
      << "a pack may name sectors of its own";
}

// issue 14 #2 (item 2): the built-in rules give every rule a rationale with sources.
TEST(RationaleLoader, EveryBuiltinRuleHasARationaleWithSources) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  for (const RuleInfo& info : (*data)->infos) {
    EXPECT_FALSE(info.rationale.text.empty()) << info.id;
    EXPECT_FALSE(info.rationale.sources.empty()) << info.id;
    for (const RationaleSource& source : info.rationale.sources) {
      EXPECT_EQ(source.url.rfind("https://", 0), 0u) << info.id << " " << source.url;
    }
  }
}

const RuleInfo* BuiltinInfo(const RuleSetData& data, const std::string& id) {
  for (const RuleInfo& info : data.infos) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

std::string FirstSentence(const std::string& text) {
  std::size_t stop = text.find(". ");
  return stop == std::string::npos ? text : text.substr(0, stop + 1);
}

// issue 14 review #1: the 60 days a business associate has is its clock to the covered entity
// (45 CFR 164.410(b)); the buyer's own clock to individuals is 164.404(b). UK GDPR is named.
TEST(RationaleLoader, BuiltinWindowGivesTheCoveredEntityItsOwnClock) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* window = BuiltinInfo(**data, "incident-notification.window");
  ASSERT_NE(window, nullptr);
  const std::string& text = window->rationale.text;
  EXPECT_THAT(text, ::testing::Not(HasSubstr("business associates within 60")));
  EXPECT_THAT(text, HasSubstr("HIPAA covered entities"));
  EXPECT_THAT(text, HasSubstr("UK GDPR"));
  std::vector<std::string> titles;
  for (const RationaleSource& source : window->rationale.sources) titles.push_back(source.title);
  EXPECT_THAT(titles, ::testing::Contains(HasSubstr("164.404(b)")));
}

// issue 14 review #2: GDPR Art. 28(5) names approved codes of conduct and certification
// mechanisms only; audit reports count under the SCCs and the DORA RTS, not under Art. 28(5).
TEST(RationaleLoader, BuiltinReportsRationaleDoesNotCountAuditReportsUnderGdpr) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* reports = BuiltinInfo(**data, "audit-rights.reports");
  ASSERT_NE(reports, nullptr);
  const std::string& text = reports->rationale.text;
  EXPECT_THAT(text, ::testing::Not(HasSubstr("audit reports count as evidence under GDPR")));
  EXPECT_THAT(text, HasSubstr("approved codes of conduct"));
  EXPECT_THAT(text, HasSubstr("certification mechanisms"));
  // the compact line names the texts that do count reports, not Art. 28(5)
  EXPECT_THAT(RationaleLine(reports->rationale), ::testing::Not(HasSubstr("28(5)")));
}

// issue 14 review #3, #4: the compact text line shows the first sentence whole (not cut with
// " …"), it carries the reason and the sectors it holds for, and no word is split ("multi-
// factor").
TEST(RationaleLoader, BuiltinFirstSentencesFitTheTextLine) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  for (const RuleInfo& info : (*data)->infos) {
    const std::string& text = info.rationale.text;
    EXPECT_THAT(RationaleLine(info.rationale), ::testing::Not(HasSubstr("\u2026"))) << info.id;
    EXPECT_THAT(text, ::testing::Not(::testing::ContainsRegex("[a-z]- [a-z]"))) << info.id;
    EXPECT_NE(FirstSentence(text), "Usually the supplier's ask.") << info.id;
    EXPECT_GT(FirstSentence(text).size(), 40u) << info.id << ": " << FirstSentence(text);
    EXPECT_THAT(FirstSentence(text), ::testing::Not(::testing::EndsWith(" Art."))) << info.id;
  }
}

// issue 14 review #3: the security measures text scopes each law to its sector.
TEST(RationaleLoader, BuiltinSecurityMeasuresNamesItsSectorsFirst) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* info = BuiltinInfo(**data, "security-measures.program");
  ASSERT_NE(info, nullptr);
  const std::string first = FirstSentence(info->rationale.text);
  EXPECT_THAT(first, HasSubstr("GDPR"));
  EXPECT_THAT(first, HasSubstr("DORA"));
  EXPECT_THAT(first, HasSubstr("NYDFS"));
  EXPECT_THAT(first, HasSubstr("PCI DSS"));
}

// issue 14 review #5: a time limit for claims gets a reason of its own, not the cap text.
TEST(RationaleLoader, BuiltinClaimsPeriodHasItsOwnRationale) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* info = BuiltinInfo(**data, "liability-cap.claims-period");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(info->rationale.text, HasSubstr("a short period for bringing claims"));
  EXPECT_THAT(info->rationale.text, ::testing::Not(HasSubstr("cap tied to the fees")));
}

// The source titles of a rationale.
std::vector<std::string> SourceTitles(const Rationale& rationale) {
  std::vector<std::string> titles;
  for (const RationaleSource& source : rationale.sources) titles.push_back(source.title);
  return titles;
}

// issue 14 #3: a transfer mechanism is named for UK and Swiss exporters too, with their own
// tools (the IDTA or UK Addendum; clauses the FDPIC approved, issued or recognised).
TEST(RationaleLoader, BuiltinTransferMechanismCoversUkAndSwissExporters) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* info = BuiltinInfo(**data, "international-transfers.mechanism");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(info->rationale.text, HasSubstr("UK Addendum"));
  EXPECT_THAT(info->rationale.text, HasSubstr("FDPIC has approved, issued or recognised"));
  EXPECT_THAT(info->rationale.sectors, ::testing::Contains("uk-gdpr-controllers"));
  EXPECT_THAT(info->rationale.sectors, ::testing::Contains("ch-fadp-controllers"));
  EXPECT_THAT(SourceTitles(info->rationale), ::testing::Contains(HasSubstr("IDTA")));
  EXPECT_THAT(SourceTitles(info->rationale), ::testing::Contains(HasSubstr("FADP")));
}

// issue 14 #3: deletion between two controllers rests on storage limitation, not on the
// processor terms of Art. 28(3)(g).
TEST(RationaleLoader, BuiltinDeletionBetweenControllersRestsOnStorageLimitation) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* info = BuiltinInfo(**data, "data-deletion.deletion");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(info->rationale.text, HasSubstr("Between two controllers Art. 28 does not apply"));
  EXPECT_THAT(SourceTitles(info->rationale), ::testing::Contains("GDPR Art. 5(1)(e)"));
}

// issue 14 #3: the DORA RTS Art. 9 binds the contracts of ICT services supporting
// critical or important functions, and the rationale says so.
TEST(RationaleLoader, BuiltinServiceCreditsNameTheFunctionsTheRtsCovers) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const RuleInfo* info = BuiltinInfo(**data, "sla-uptime.credits");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(info->rationale.text, HasSubstr("critical or important functions"));
  EXPECT_THAT(SourceTitles(info->rationale),
              ::testing::Contains(HasSubstr("critical or important functions, Art. 9")));
}

// issue 14 #3: the NYDFS 500.11 sources are read in the text as amended on 1 November 2023,
// no longer only in a copy of the 2017 text.
TEST(RationaleLoader, BuiltinNydfsSourcesAreReadInTheAmendedText) {
  int nydfs = 0;
  for (const SourceFile& file : EmbeddedRuleFiles()) {
    if (file.name.find("rationale.yaml") == std::string::npos) continue;
    EXPECT_THAT(file.content, ::testing::Not(HasSubstr("copy of the 2017 text"))) << file.name;
    for (std::size_t at = file.content.find("NYCRR 500.11"); at != std::string::npos;
         at = file.content.find("NYCRR 500.11", at + 1)) {
      const std::size_t read = file.content.find("read: ", at);
      ASSERT_NE(read, std::string::npos) << file.name;
      EXPECT_THAT(file.content.substr(read, 250), HasSubstr("Second Amendment")) << file.name;
      ++nydfs;
    }
  }
  EXPECT_GE(nydfs, 4);
}

// issue 14 (helper brief s5, items 2-3): the EBA outsourcing guidelines, read only in
// third-party copies, are no longer cited; the audit right for EU financial entities rests on
// DORA Art. 30(3)(e), and the Swiss transfer facts on FADP Art. 16.
TEST(RationaleLoader, BuiltinAuditAndSwissTransferFactsRestOnOfficialTexts) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  for (const RuleInfo& info : (*data)->infos) {
    for (const RationaleSource& source : info.rationale.sources) {
      EXPECT_THAT(source.title, Not(HasSubstr("EBA"))) << info.id;
    }
    EXPECT_THAT(info.rationale.sectors, Not(::testing::Contains("eu-credit-payment-institutions")))
        << info.id;
  }
  const RuleInfo* audit = BuiltinInfo(**data, "audit-rights.audit");
  ASSERT_NE(audit, nullptr);
  EXPECT_THAT(SourceTitles(audit->rationale), ::testing::Contains("DORA Art. 30(3)(e)(i)-(iv)"));
  EXPECT_THAT(audit->rationale.text, HasSubstr("no other contract term may impede or limit them"));
  // The FDPIC's recognition of the EU SCCs could not be checked in an official copy (helper
  // brief s6, item 1): the Swiss facts rest on FADP Art. 16 itself.
  const RuleInfo* mechanism = BuiltinInfo(**data, "international-transfers.mechanism");
  ASSERT_NE(mechanism, nullptr);
  for (const RationaleSource& source : mechanism->rationale.sources) {
    EXPECT_THAT(source.title, Not(HasSubstr("FDPIC"))) << source.title;
  }
  EXPECT_THAT(SourceTitles(mechanism->rationale), ::testing::Contains(HasSubstr("FADP")));
}

// review fix C #2: US federal contract clauses (DFARS 252.204-7012, FAR 52.204-21) get a sector
// and sources of their own, not only GDPR, DORA, NYDFS and PCI DSS.
TEST(RationaleLoader, BuiltinUsFederalContractorsHaveTheirOwnSector) {
  auto data = LoadRuleSet(EmbeddedRuleFiles(), "<builtin>");
  ASSERT_TRUE(data) << data.error().message();
  const auto titles_of = [](const RuleInfo& info) {
    std::vector<std::string> titles;
    for (const RationaleSource& source : info.rationale.sources) titles.push_back(source.title);
    return titles;
  };
  for (const char* id : {"incident-notification.window", "incident-notification.details",
                         "security-measures.program", "security-measures.specific-controls"}) {
    const RuleInfo* info = BuiltinInfo(**data, id);
    ASSERT_NE(info, nullptr) << id;
    EXPECT_THAT(info->rationale.sectors, ::testing::Contains("us-federal-contractors")) << id;
    EXPECT_THAT(titles_of(*info), ::testing::Contains(HasSubstr("252.204-7012"))) << id;
  }
  const RuleInfo* window = BuiltinInfo(**data, "incident-notification.window");
  EXPECT_THAT(window->rationale.text, HasSubstr("72 hours of discovering"));
  const RuleInfo* program = BuiltinInfo(**data, "security-measures.program");
  EXPECT_THAT(titles_of(*program), ::testing::Contains(HasSubstr("FAR 52.204-21")));
}

}  // namespace
}  // namespace clausescan::internal

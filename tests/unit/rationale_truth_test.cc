// A finding's "why the buyer asks" is true of that finding (issue 14 fourth review): a sentence
// citing a regulation clause only where the finding lies in that clause or is about its subject,
// a sector's law only where the document shows that sector, a clock in the one-line view, a source
// under every sentence, and one edition per regulation clause.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "report/rationale_text.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "rules/rationale_laws.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The source titles of a finding's rationale, joined.
std::string Titles(const Finding& f) {
  std::string out;
  for (const RationaleSource& s : f.rationale.sources) out += s.title + "; ";
  return out;
}

// The findings of `rule` whose clause contains `words`.
std::vector<const Finding*> Of(const Report& report, const std::string& rule,
                               const std::string& words) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.rule == rule && f.text.find(words) != std::string::npos) out.push_back(&f);
  }
  return out;
}

// A VA clause set in its own drafting: personnel screening under one VAAR clause, the basic
// system safeguards under another.
const char kVaPersonnel[] =
    "# 852.204-70 Personal Identity Verification of Contractor Personnel.\n\n"
    "(a) The Contractor shall ensure that every employee who needs routine access to VA "
    "facilities has completed a background investigation and holds a PIV card before starting "
    "work under this contract, as the Contracting Officer directs.\n\n"
    "# 852.204-71 Information System Security.\n\n"
    "(a) The Contractor shall limit information system access to authorized users and shall "
    "sanitize all media before disposal or reuse, under VAAR 852.211-76 and the Government's "
    "policies.\n";

// fourth review #1 (VA:7, VA:51): FAR 52.204-21's fifteen basic safeguards name no personnel
// screening, so they do not explain a background-check clause; they do explain a clause that
// limits access to authorized users and sanitizes media.
TEST(RationaleTruth, BasicSafeguardsExplainOnlyTheirOwnControls) {
  const Report report = test_scan::ScanText(kVaPersonnel, "va-personnel.md");
  const auto screening = Of(report, "security-measures.specific-controls", "background");
  ASSERT_FALSE(screening.empty());
  for (const Finding* f : screening) {
    EXPECT_THAT(f->rationale.text, Not(HasSubstr("52.204-21"))) << f->rationale.text;
    EXPECT_THAT(Titles(*f), Not(HasSubstr("52.204-21"))) << Titles(*f);
    EXPECT_FALSE(f->rationale.text.empty());
    EXPECT_FALSE(f->rationale.sources.empty()) << f->rationale.text;
  }
  const auto safeguards = Of(report, "security-measures.specific-controls", "authorized users");
  ASSERT_FALSE(safeguards.empty());
  for (const Finding* f : safeguards) {
    EXPECT_THAT(f->rationale.text, HasSubstr("FAR 52.204-21")) << f->rationale.text;
  }
}

// A DoD clause set: forensic access and a cloud provider's baseline under DFARS 252.204-7012.
const char kDfarsForensics[] =
    "252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting.\n\n"
    "SAFEGUARDING COVERED DEFENSE INFORMATION AND CYBER INCIDENT REPORTING (MAY 2024)\n\n"
    "(f) Access to additional information or equipment necessary for forensic analysis. Upon "
    "request by DoD, the Contractor shall give DoD access to additional information or "
    "equipment needed to conduct a forensic analysis.\n\n"
    "(g) The Contracting Officer may direct the Contractor to keep the images of affected "
    "systems for the Government.\n";

// fourth review #1 (DoD:131, DoD:151): FAR 52.239-1's program of inspection does not explain a
// DFARS 252.204-7012 forensic-access paragraph.
TEST(RationaleTruth, InspectionClauseIsNotCitedOnAnotherClausesAccessRight) {
  const Report report = test_scan::ScanText(kDfarsForensics, "dfars.md");
  const auto access = Of(report, "audit-rights.assessment", "forensic");
  ASSERT_FALSE(access.empty());
  for (const Finding* f : access) {
    EXPECT_THAT(f->rationale.text, Not(HasSubstr("52.239-1"))) << f->rationale.text;
    EXPECT_THAT(Titles(*f), Not(HasSubstr("52.239-1"))) << Titles(*f);
  }
}

// A civilian agency's statement of work: proof of accreditation is no records audit.
const char kAccreditation[] =
    "SECTION H - SECURITY\n\n"
    "H.1 The Contractor shall comply with FAR 52.239-1 and FAR 52.204-21.\n\n"
    "H.2 Each year the vendor shall send the Contracting Officer written proof of the security "
    "accreditation of its systems, and shall provide its current third-party audit report or "
    "certification to the Government on request.\n";

// fourth review #1 (VA:243): FAR 52.215-2 (audit of records) is not cited on accreditation
// proof.
TEST(RationaleTruth, RecordsAuditIsNotCitedOnAccreditationProof) {
  const Report report = test_scan::ScanText(kAccreditation, "sow.txt");
  bool seen = false;
  for (const Finding& f : report.findings) {
    if (f.category != "audit_rights" || f.text.find("accreditation") == std::string::npos) {
      continue;
    }
    seen = true;
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("52.215-2"))) << f.rule << ": " << f.rationale.text;
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("52.212-5"))) << f.rule << ": " << f.rationale.text;
    EXPECT_THAT(Titles(f), Not(HasSubstr("52.215-2"))) << Titles(f);
  }
  EXPECT_TRUE(seen);
}

// Whether `text` names any of `words`.
bool NamesAny(const std::string& text, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

// An EU processor agreement with no financial entity in it.
const char kEuDpa[] =
    "Data Processing Agreement\n\n"
    "1. The Processor shall process Personal Data only on documented instructions from the "
    "Controller, as Article 28 of the GDPR requires.\n\n"
    "2. The Processor shall notify the Controller of a Personal Data Breach without undue delay "
    "and in any event within 48 hours of becoming aware of it.\n\n"
    "3. Personal Data shall be stored and processed only in data centres located in the European "
    "Economic Area, and the Processor shall tell the Controller before it changes the location "
    "of processing.\n\n"
    "4. The Processor shall assist the Controller in responding to requests from Data Subjects "
    "exercising their rights.\n";

// fourth review #2 (GitHub SCC:364): a GDPR document gets no DORA-led sentence, nor the laws or
// sources of sectors it does not show (DORA, HIPAA, DFARS); s11 #4: nor are they listed among a
// why-line's sectors.
TEST(RationaleTruth, GdprDocumentNamesNoOtherSectorsLaw) {
  const Report report = test_scan::ScanText(kEuDpa, "dpa.md");
  ASSERT_EQ(report.document.sectors, std::vector<std::string>{"gdpr-controllers"});
  std::size_t seen = 0;
  for (const Finding& f : report.findings) {
    if (f.rationale.text.empty()) continue;
    ++seen;
    const std::vector<std::string> foreign = {"DORA", "HIPAA", "45 CFR", "DFARS", "NYDFS",
                                              "NYCRR", "PCI DSS", "FAR 52"};
    EXPECT_FALSE(NamesAny(f.rationale.text, foreign)) << f.rule << ": " << f.rationale.text;
    EXPECT_FALSE(NamesAny(Titles(f), foreign)) << f.rule << ": " << Titles(f);
    for (const std::string& sector : f.rationale.sectors) {
      EXPECT_TRUE(sector == "gdpr-controllers" || sector == "all") << f.rule << ": " << sector;
    }
  }
  EXPECT_GE(seen, 3u);
}

// A UK public body's data protection schedule, in its own drafting.
const char kUkSchedule[] =
    "Schedule 7 - Processing Personal Data\n\n"
    "1. The Parties acknowledge that for the purposes of the Data Protection Legislation the "
    "Authority is the Controller and the Supplier is the Processor.\n\n"
    "2. The Supplier shall notify the Authority of any Personal Data Breach within 24 hours of "
    "becoming aware of it, so that the Authority can inform the Information Commissioner.\n\n"
    "3. The Supplier shall assist the Authority with any request from a Data Subject and with "
    "any communication from the Information Commissioner under the Data Protection Act 2018.\n";

// fourth review #2 (CCS): a UK public-sector document is a UK GDPR controller's, leading with
// UK law, not an EU GDPR controller's only.
TEST(RationaleTruth, UkPublicSectorScheduleLeadsWithUkLaw) {
  const Report report = test_scan::ScanText(kUkSchedule, "schedule.txt");
  ASSERT_FALSE(report.document.sectors.empty());
  EXPECT_EQ(report.document.sectors.front(), "uk-gdpr-controllers");
  const auto window = Of(report, "incident-notification.window", "24 hours");
  ASSERT_FALSE(window.empty());
  for (const Finding* f : window) {
    EXPECT_THAT(f->rationale.text, HasSubstr("UK GDPR")) << f->rationale.text;
    EXPECT_THAT(internal::RationaleLine(f->rationale), HasSubstr("72 hours"));
  }
}

// A processor agreement for EU and UK data, in a US vendor's drafting: the SCCs for the EEA, the
// UK Addendum for the UK.
const char kEuAndUkDpa[] =
    "Data Processing Addendum\n\n"
    "1. Provider shall process Customer Personal Data only on Customer's documented "
    "instructions, as required by the GDPR and the UK GDPR, and Customer is the controller and "
    "Provider the processor of such data.\n\n"
    "2. Provider shall notify Customer of a Personal Data Breach without undue delay and within "
    "72 hours of becoming aware of it, so that Customer can inform the competent supervisory "
    "authority of the Member State.\n\n"
    "3. Transfers of personal data from the European Economic Area to a third country are made "
    "under the Standard Contractual Clauses of Commission Decision (EU) 2021/914.\n\n"
    "4. Transfers of personal data from the United Kingdom are made under the UK Addendum issued "
    "by the Information Commissioner under the Data Protection Act 2018.\n";

// fifth review #1 (Common Paper DPA 35/69, Supabase DPA 107/123): in a document for EU and UK
// data, the EU GDPR leads and the UK's law (ICO, IDTA) only for the clause that names it.
TEST(RationaleTruth, EuAndUkDocumentLeadsWithEuLawButUkClausesWithUkLaw) {
  const Report report = test_scan::ScanText(kEuAndUkDpa, "dpa.md");
  ASSERT_GE(report.document.sectors.size(), 2u);
  EXPECT_EQ(report.document.sectors.front(), "gdpr-controllers");
  const auto window = Of(report, "incident-notification.window", "72 hours");
  ASSERT_FALSE(window.empty());
  for (const Finding* f : window) {
    EXPECT_THAT(f->rationale.text, Not(HasSubstr("ICO"))) << f->rationale.text;
    EXPECT_THAT(f->rationale.text, Not(HasSubstr("UK GDPR controller"))) << f->rationale.text;
  }
  for (const Finding& f : report.findings) {
    if (f.category != "international_transfers" || f.rationale.text.empty()) continue;
    if (f.text.find("European Economic Area") != std::string::npos) {
      EXPECT_THAT(f.rationale.text, Not(HasSubstr("IDTA"))) << f.rule << ": " << f.rationale.text;
    }
  }
  // s11 #1: the UK Addendum is not the IDTA, a different document.
  const auto addendum = Of(report, "international-transfers.mechanism", "UK Addendum");
  ASSERT_FALSE(addendum.empty());
  for (const Finding* f : addendum) {
    EXPECT_THAT(f->rationale.text, Not(HasSubstr("IDTA"))) << f->rationale.text;
    EXPECT_THAT(f->rationale.text, HasSubstr("UK Addendum")) << f->rationale.text;
  }
}

// A New Zealand health sector policy: no sector the rules know.
const char kNz[] =
    "Subscriber Usage Policy\n\n"
    "1. Subscribers must handle health information in line with the Privacy Act 2020 and the "
    "Health Information Privacy Code.\n\n"
    "2. The Subscriber must notify the Provider of any privacy breach within 24 hours of "
    "becoming aware of it.\n\n"
    "3. The Provider may audit the Subscriber's use of the service on reasonable notice.\n";

// fourth review #2 (NZ NEMS): a document of no known sector gets no GDPR, SCC or DORA source,
// and every sentence it is shown names a source (#5).
// Expects the report of a document of no sector to show no sector and, under every finding with
// a rationale, a source, none of them GDPR's, the SCCs' or DORA's. The number of such findings
// by category.
std::map<std::string, int> ExpectOnlyGeneralSources(const Report& report) {
  EXPECT_TRUE(report.document.sectors.empty());
  std::map<std::string, int> seen;
  for (const Finding& f : report.findings) {
    if (f.rationale.text.empty()) continue;
    ++seen[f.category];
    EXPECT_FALSE(NamesAny(Titles(f), {"GDPR", "SCC", "DORA", "2022/2554", "2016/679"}))
        << f.rule << ": " << Titles(f);
    EXPECT_FALSE(f.rationale.sources.empty()) << f.rule << ": " << f.rationale.text;
  }
  return seen;
}

TEST(RationaleTruth, NoSectorDocumentGetsOnlyGeneralSources) {
  std::size_t seen = 0;
  for (const auto& [category, n] : ExpectOnlyGeneralSources(test_scan::ScanText(kNz, "nz.txt"))) {
    seen += static_cast<std::size_t>(n);
  }
  EXPECT_GE(seen, 2u);
}

// A bank's outsourcing addendum under DORA.
const char kDora[] =
    "ICT Services Addendum\n\n"
    "The Bank is a financial entity under the Digital Operational Resilience Act (DORA) and the "
    "Supplier is an ICT third-party service provider.\n\n"
    "1. The Supplier shall notify the Bank of any security incident affecting the services "
    "within 2 hours of detecting it.\n";

// fourth review #3: the one-line view keeps the clock: DORA's 4 hours from classification (24
// hours from awareness at most, Delegated Regulation (EU) 2025/301 Art. 5(1)), GDPR's 72 hours.
TEST(RationaleTruth, OneLineViewKeepsTheClock) {
  const Report dora = test_scan::ScanText(kDora, "dora.md");
  const auto window = Of(dora, "incident-notification.window", "2 hours");
  ASSERT_FALSE(window.empty());
  for (const Finding* f : window) {
    const std::string line = internal::RationaleLine(f->rationale);
    EXPECT_THAT(line, HasSubstr("4 hours")) << line;
    EXPECT_THAT(line, HasSubstr("24 hours")) << line;
  }
  const Report gdpr = test_scan::ScanText(kEuDpa, "dpa.md");
  const auto breach = Of(gdpr, "incident-notification.window", "48 hours");
  ASSERT_FALSE(breach.empty());
  for (const Finding* f : breach) {
    EXPECT_THAT(internal::RationaleLine(f->rationale), HasSubstr("72 hours"));
  }
}

// fourth review #4 (VA:91, VA:117): a category's sentence about using data only for the buyer's
// purposes is one rule's meaning; a data subject request or an assistance clause gets its own.
TEST(RationaleTruth, RequestAndAssistanceClausesGetTheirOwnSentence) {
  const Report report = test_scan::ScanText(kNz +
                                                std::string("\n4. The Provider shall assist the "
                                                            "Subscriber in responding to requests "
                                                            "from individuals to access or correct "
                                                            "their personal information.\n"),
                                            "nz.txt");
  std::size_t seen = 0;
  for (const Finding& f : report.findings) {
    if (f.rule != "data-processing.data-subject-requests" &&
        f.rule != "data-processing.assistance") {
      continue;
    }
    ++seen;
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("buyer's purposes"))) << f.rule;
  }
  EXPECT_GE(seen, 1u);
}

// fourth review #6: a regulation clause is cited in one edition throughout the rules (DFARS
// 252.239-7010 was OCT 2016 in one source and JAN 2023 in another).
TEST(RationaleTruth, EachRegulationClauseHasOneEdition) {
  const internal::RuleSetData& data = test_scan::BuiltinRules().data();
  static const RE2 kEdition(R"(\b(\d{2,4}\.\d{3}-\d+) \(([A-Za-z]{3,4}\.? \d{4})\))");
  std::map<std::string, std::string> edition_of;
  std::size_t seen = 0;
  for (const auto& [key, entry] : data.rationales) {
    for (const RationaleSource& source : entry.shown.sources) {
      re2::StringPiece input(source.title);
      std::string number;
      std::string edition;
      while (RE2::FindAndConsume(&input, kEdition, &number, &edition)) {
        ++seen;
        for (char& c : edition) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto [it, added] = edition_of.emplace(number, edition);
        EXPECT_EQ(it->second, edition) << number << " in " << key << ": " << source.title;
      }
    }
  }
  EXPECT_GE(seen, 5u);
}

}  // namespace
}  // namespace clausescan

namespace clausescan {
namespace {

// A commercial agreement of no sector: an indemnity, a cap and insurance limits, terms no law
// read requires.
const char kCommercialTerms[] =
    "MASTER SERVICES AGREEMENT\n\n"
    "9. Indemnification. Supplier shall defend, indemnify and hold harmless Customer from and "
    "against any third-party claims arising out of Supplier's breach of this Agreement.\n\n"
    "10. Limitation of Liability. Supplier's total aggregate liability under this Agreement "
    "shall not exceed the fees paid by Customer in the twelve (12) months preceding the claim.\n\n"
    "11. Insurance. Supplier shall maintain cyber liability insurance with limits of not less "
    "than 5,000,000 per claim and shall provide certificates of insurance on request.\n";

// issue 14 s10 #1: commercial terms in a document of no sector showed a why-line with no source
// once the GDPR and DORA sources were left out; each names a source of no sector.
TEST(RationaleTruth, CommercialTermsNameASourceOfNoSector) {
  std::map<std::string, int> seen =
      ExpectOnlyGeneralSources(test_scan::ScanText(kCommercialTerms, "msa.txt"));
  EXPECT_GE(seen["indemnification"], 1);
  EXPECT_GE(seen["liability_cap"], 1);
  EXPECT_GE(seen["insurance"], 1);
}

// Whether a finding's considerations hold one starting with `start`.
bool Proposes(const Finding& f, const std::string& start) {
  return std::any_of(f.considerations.begin(), f.considerations.end(),
                     [&](const std::string& c) { return c.rfind(start, 0) == 0; });
}

// issue 14 s10 #3: a position's proposal has a `when` as advice does: a clause that already makes
// ending the service with a refund the customer's sole remedy is not offered that remedy again,
// nor the advice to make it the only one; a clause that does not say so still is.
TEST(RationaleTruth, ProposalTheClauseGrantsIsNotMade) {
  const Report granted = test_scan::ScanText(
      "4. Objection. If the parties cannot resolve Customer's objection to a new Subprocessor, "
      "Customer, as its sole and exclusive remedy, may terminate the affected Service and Provider "
      "will refund any prepaid, unused fees.\n",
      "dpa.txt");
  const Report open = test_scan::ScanText(
      "4. Objection. If the parties cannot resolve Customer's objection to a new Subprocessor, "
      "Customer may terminate the affected Service.\n",
      "dpa.txt");
  const std::vector<Finding> g = test_scan::On(granted, "subprocessors", "sole and exclusive");
  const std::vector<Finding> o = test_scan::On(open, "subprocessors", "may terminate");
  ASSERT_EQ(g.size(), 1u);
  ASSERT_EQ(o.size(), 1u);
  EXPECT_THAT(g[0].positions,
              ::testing::Contains("subprocessors-objection-terminate-sole-remedy"));
  EXPECT_THAT(o[0].positions, ::testing::Contains("subprocessors-objection-terminate"));
  EXPECT_FALSE(Proposes(g[0], "Customer may terminate only the affected service"));
  EXPECT_FALSE(Proposes(g[0], "After an objection"));
  EXPECT_TRUE(Proposes(o[0], "Customer may terminate only the affected service"));
  // The rule's advice to the same effect is not repeated after the proposal.
  EXPECT_FALSE(Proposes(o[0], "After an objection"));
}

}  // namespace
}  // namespace clausescan

namespace clausescan {
namespace {

// A DoD clause set in its own drafting: each clause's flow-down paragraph flows down that clause,
// and DFARS 252.239-7010's incident paragraph sets no clock of its own.
const char kDfarsSiblings[] =
    "# 252.204-7009 Limitations on the Use or Disclosure of Third-Party Contractor Reported Cyber "
    "Incident Information.\n\n"
    "(c) Subcontracts. The Contractor shall include this clause in subcontracts for services "
    "that support the Government's work on safeguarding covered defense information.\n\n"
    "# 252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting.\n\n"
    "(b) Adequate security. The Contractor shall provide adequate security on all covered "
    "contractor information systems and shall implement the security requirements of NIST SP "
    "800-171.\n\n"
    "(m) Subcontracts. The Contractor shall include this clause, including this paragraph (m), "
    "in subcontracts for operationally critical support or in which subcontract performance "
    "will involve covered defense information.\n\n"
    "# 252.239-7010 Cloud Computing Services.\n\n"
    "(d) Cyber incident reporting. The Contractor shall report all cyber incidents that are "
    "related to the cloud computing service provided under this contract.\n\n"
    "(l) Subcontracts. The Contractor shall include this clause in all subcontracts that involve "
    "or may involve cloud services.\n";

// issue 14 s11 #2: the regulation clause a finding lies in outranks a sibling clause of the same
// regulation that only shares its subject: DFARS 252.204-7009(c) and 252.239-7010(l) flow down
// their own clauses, not 252.204-7012(m), and 252.239-7010(d) sets no 72-hour clock of its own; the
// NIST SP 800-171 sentence belongs on 252.204-7012(b) itself.
TEST(RationaleTruth, ClauseTheFindingLiesInOutranksASiblingClause) {
  const Report report = test_scan::ScanText(kDfarsSiblings, "dfars-siblings.md");
  for (const char* words : {"include this clause in subcontracts for services",
                            "include this clause in all subcontracts"}) {
    const std::vector<Finding> flowdown = test_scan::On(report, "subprocessors", words);
    ASSERT_FALSE(flowdown.empty()) << words;
    for (const Finding& f : flowdown) {
      EXPECT_THAT(f.rationale.text, Not(HasSubstr("252.204-7012"))) << words << ": "
                                                                     << f.rationale.text;
      EXPECT_THAT(Titles(f), Not(HasSubstr("252.204-7012"))) << Titles(f);
    }
  }
  const std::vector<Finding> own = test_scan::On(report, "subprocessors", "this paragraph (m)");
  ASSERT_FALSE(own.empty());
  EXPECT_THAT(own[0].rationale.text, HasSubstr("252.204-7012(m)")) << own[0].rationale.text;
  const std::vector<Finding> cloud_incident =
      test_scan::On(report, "incident_notification", "related to the cloud computing service");
  ASSERT_FALSE(cloud_incident.empty());
  // issue 14 s12 #4: the cloud clause's report rests on 252.204-7012's; the 72 hours are said
  // as 7012's clock, in the sentence that cites it, and 7010(d)'s own duty beside it.
  for (const Finding& f : cloud_incident) {
    const std::string& text = f.rationale.text;
    EXPECT_THAT(text, HasSubstr("(252.239-7010(d))")) << text;
    const std::size_t clock = text.find("72 hours");
    if (clock != std::string::npos) {
      const std::size_t end = text.find(". ", clock);
      EXPECT_THAT(text.substr(clock, end - clock), HasSubstr("(DFARS 252.204-7012)")) << text;
    }
  }
  const std::vector<Finding> adequate = test_scan::On(report, "security_measures", "adequate security");
  ASSERT_FALSE(adequate.empty());
  EXPECT_THAT(adequate[0].rationale.text, HasSubstr("NIST SP 800-171"))
      << adequate[0].rationale.text;
}


// Whether one of a finding's considerations contains `words`.
bool Advises(const Finding& f, const std::string& words) {
  return std::any_of(f.considerations.begin(), f.considerations.end(),
                     [&](const std::string& c) { return c.find(words) != std::string::npos; });
}

// Expects findings of `category` whose clause contains `words`, none of them advising
// `not_advised` and, when `advised` is given, each of them advising it.
void ExpectAdvice(const Report& report, const std::string& category, const std::string& words,
                  const std::string& not_advised, const std::string& advised = "") {
  const std::vector<Finding> found = test_scan::On(report, category, words);
  ASSERT_FALSE(found.empty()) << words;
  for (const Finding& f : found) {
    EXPECT_FALSE(Advises(f, not_advised)) << f.rule << " (" << words << ")";
    if (!advised.empty()) EXPECT_TRUE(Advises(f, advised)) << f.rule << " (" << words << ")";
  }
}

// issue 14 s11 #1: advice is gated by the document's regime as its why-line is: a US commercial
// agreement under no data-protection regime is not told how to keep the SCCs' governing law apart;
// an EU processor agreement still is.
TEST(RationaleTruth, AdviceNamesNoLawOfARegimeTheDocumentLacks) {
  const std::string clause =
      "12. Governing Law. This Agreement is governed by the laws of the State of New York, "
      "without regard to its conflict of laws rules.\n";
  const Report commercial = test_scan::ScanText(
      "MASTER SUBSCRIPTION AGREEMENT\n\n11. Fees. Customer shall pay the fees within 30 days.\n\n" +
          clause,
      "msa.txt");
  const Report dpa = test_scan::ScanText(std::string(kEuDpa) + "\n" + clause, "dpa.md");
  ExpectAdvice(commercial, "governing_law", "State of New York", "Standard Contractual Clauses");
  const std::vector<Finding> eu = test_scan::On(dpa, "governing_law", "State of New York");
  ASSERT_FALSE(eu.empty());
  EXPECT_TRUE(Advises(eu[0], "Standard Contractual Clauses"));
}

// The head of a federal contract's special requirements section, before the clause under test.
const char kSectionH[] =
    "SECTION H\n\nH.4 The Contracting Officer may terminate this contract for default.\n\n";

// Reading review of main e77cfe5 (GSA 89, 91): a federal contract's confidentiality and
// instructions duties were given "a standard processor duty that GDPR Art. 28(3) requires" as
// their reason; the document shows no GDPR, so no reason names it.
TEST(RationaleTruth, ADataDutyOfAFederalContractIsNotReasonedByTheGdpr) {
  const Report report = test_scan::ScanText(
      std::string(kSectionH) +
          "H.6 The Contractor shall ensure that all personnel with access to agency data are bound "
          "by written confidentiality obligations.\n\nH.7 The Contractor shall use agency data "
          "only as instructed by the Contracting Officer.\n",
      "sow.txt");
  const std::vector<Finding> found = test_scan::On(report, "data_processing", "");
  ASSERT_FALSE(found.empty()) << test_scan::Describe(report);
  for (const Finding& f : found) {
    for (const std::string& reason : f.reasons) {
      EXPECT_EQ(reason.find("GDPR"), std::string::npos) << f.text << "\n" << reason;
    }
  }
}

// issue 14 s11 #1: where the clause demands a FedRAMP authorisation, a SOC 2 or ISO/IEC 27001
// report is not what the agency relies on, so neither is proposed in its place.
TEST(RationaleTruth, FedrampDemandIsNotAnsweredWithASoc2Report) {
  const Report report = test_scan::ScanText(
      std::string(kSectionH) +
          "H.5 The Contractor shall obtain and maintain a FedRAMP Moderate authorization for the "
          "cloud service and shall implement multi-factor authentication for all privileged users.\n",
      "sow.txt");
  ExpectAdvice(report, "security_measures", "FedRAMP", "SOC 2");
}

// The SCCs (Module Two) with Clause 9(a) Option 2 and an Annex that lets the importer use
// sub-processors; `period` is the notice Option 2 gives.
std::string SccWithOption2(const std::string& period) {
  return "# Standard Contractual Clauses (Module Two: transfer controller to processor)\n\n"
         "Clause 9 Use of sub-processors\n\n"
         "(a) GENERAL WRITTEN AUTHORISATION The data importer has the data exporter's general "
         "authorisation for the engagement of sub-processors from an agreed list. The data "
         "importer shall specifically inform the data exporter in writing of any intended changes "
         "to that list through the addition or replacement of sub-processors at least " +
         period +
         " in advance.\n\n"
         "Clause 10 Data subject rights\n\n"
         "(b) The data importer shall assist the data exporter in fulfilling its obligations to "
         "respond to data subjects' requests for the exercise of their rights. In this regard, the "
         "Parties shall set out in Annex II the appropriate technical and organisational measures "
         "by which the assistance shall be provided.\n\n"
         "ANNEX I\n\nB. DESCRIPTION OF TRANSFER\n\n"
         "The data importer may engage other companies to provide support services on its behalf; "
         "they may receive personal data only to deliver those services.\n";
}

// issue 14 s11 #3 (GitHub SCC 372, 167): an SCC document that has chosen Clause 9(a) Option 2 is
// not told, on its Annex, to choose an Option; one that left the period blank still is. Clause
// 10(b)'s assistance is written in Annex II, not Annex I.
TEST(RationaleTruth, SccAnswersFollowWhatTheDocumentChose) {
  const Report chosen = test_scan::ScanText(SccWithOption2("45 days"), "scc.md");
  const Report open = test_scan::ScanText(SccWithOption2("[Specify time period]"), "scc.md");
  ASSERT_EQ(chosen.document.type, "scc");
  ExpectAdvice(chosen, "subprocessors", "other companies", "still open");
  const std::vector<Finding> blank = test_scan::On(open, "subprocessors", "other companies");
  ASSERT_FALSE(blank.empty());
  EXPECT_TRUE(Advises(blank[0], "still open"));
  ExpectAdvice(chosen, "data_processing", "Annex II", "Annex I (", "Annex II");
}

// issue 14 s11 #3 (Common Paper DPA 53, 101): a DPA clause whose subject is one of the SCCs' own
// terms gets what the SCCs allow, not advice on ordinary forum or liability terms: Clause 18's
// courts leave no room for arbitration, Clause 12's liability is not capped by a super-cap. A
// clause citing the DPA's own "clause 7" keeps its own advice.
TEST(RationaleTruth, DpaClauseCompletingTheSccsGetsTheirAnswer) {
  const Report report = test_scan::ScanText(
      std::string(kEuDpa) +
          "\n5. Transfers. The EEA SCCs (Module Two) apply to every transfer and are completed as "
          "follows: in Clause 18(b), disputes shall be resolved in the courts of Ireland.\n\n"
          "6. Liability. This DPA does not limit any liability between the parties for breaches of "
          "the EEA SCCs.\n\n"
          "7. Security Incidents. The Processor's notice of a Personal Data Breach under this "
          "clause 7 is not an acknowledgement of fault or liability.\n\n"
          "8. Sub-processors. Option 2 of Clause 9(a) of the SCCs shall apply. Under the SCCs the "
          "Processor may engage the sub-processors on its published list.\n",
      "dpa.md");
  ExpectAdvice(report, "governing_law", "Clause 18(b)", "arbitration", "Clauses 17 and 18");
  ExpectAdvice(report, "liability_cap", "breaches of", "super-cap", "Clause 12");
  // Option 2 chosen in the DPA: no advice to choose an Option.
  ExpectAdvice(report, "subprocessors", "published list", "still open");
  // The DPA's own "clause 7" is not the SCCs'.
  ExpectAdvice(report, "incident_notification", "clause 7", "Clause 8.6");
}

// issue 14 s11 #2 (VA 53): a VA clause that names business associates among those who need a
// security clearance is no HIPAA clause: it gets no Security Rule sentence, while a clause on
// business associates' protected health information still does.
TEST(RationaleTruth, OneHipaaWordMakesNoHipaaClause) {
  const Report report = test_scan::ScanText(
      "# 852.204-71 Information and Information Systems Security.\n\n"
      "(a) Contractors, subcontractors and business associates who need access to national "
      "security programs must hold a valid security clearance.\n\n"
      "(b) The business associate shall encrypt protected health information at rest, as the "
      "HIPAA Security Rule and the Contracting Officer require, under VAAR 852.211-76.\n",
      "va.md");
  const std::vector<Finding> clearance = test_scan::On(report, "security_measures", "clearance");
  ASSERT_FALSE(clearance.empty());
  for (const Finding& f : clearance) {
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("Security Rule"))) << f.rationale.text;
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("45 CFR"))) << f.rationale.text;
  }
  const std::vector<Finding> phi = test_scan::On(report, "security_measures", "encrypt");
  ASSERT_FALSE(phi.empty());
  EXPECT_THAT(phi[0].rationale.text, HasSubstr("45 CFR")) << phi[0].rationale.text;
}

// issue 14 s12 #1 (Logfire DPA 59, 61): a DPA that names the GDPR and the SCCs, though it never
// says "controller" or "processor", shows the GDPR regime, so its clause completing the SCCs'
// Clause 17 gets what the SCCs allow.
TEST(RationaleTruth, DpaNamingTheGdprAndTheSccsShowsTheGdprRegime) {
  const Report report = test_scan::ScanText(
      "Data Protection Terms\n\n"
      "1. Vendor shall handle Customer Data only to run the service, as the GDPR requires, and "
      "shall help Customer answer requests from data subjects.\n\n"
      "2. Transfers out of the EEA are made under the Standard Contractual Clauses of Regulation "
      "(EU) 2016/679, completed as follows: in Clause 17, Option 1 and the law of the Republic of "
      "Ireland shall apply.\n",
      "terms.md");
  EXPECT_THAT(report.document.sectors, ::testing::Contains("gdpr-controllers"));
  ExpectAdvice(report, "governing_law", "Republic of Ireland", "UN Convention",
               "Clauses 17 and 18");
}

// Expects findings in `found`, none of whose why-lines says `words`.
void ExpectNoWhyLineSays(const std::vector<Finding>& found, const std::string& words) {
  ASSERT_FALSE(found.empty()) << words;
  for (const Finding& f : found) {
    EXPECT_THAT(f.rationale.text, Not(HasSubstr(words))) << f.rule << ": " << f.rationale.text;
  }
}

// issue 14 s12 #2 (DFARS 7009 flow-down, VA 852.204-71(h)): FAR 52.239-1(c)'s notice of threats
// to the safeguards is not what a VA incident report or a DFARS flow-down is about, so its
// sentence is not shown there; a clause on safeguards that ceased to function still gets it.
TEST(RationaleTruth, SafeguardsClauseExplainsOnlyFailedSafeguards) {
  const Report report = test_scan::ScanText(
      "# 852.204-71 Information and Information Systems Security.\n\n"
      "(h) The Contractor shall notify the Contracting Officer and the COR of any security "
      "incident involving VA information immediately, within one hour of discovery.\n\n"
      "(i) Where the Contractor learns that the safeguards protecting VA data have ceased to "
      "function, it shall notify the Contracting Officer at once, as FAR 52.239-1 and VAAR "
      "852.211-76 require.\n",
      "va.md");
  ExpectNoWhyLineSays(test_scan::On(report, "incident_notification", "one hour"), "52.239-1");
  const std::vector<Finding> failed = test_scan::On(report, "incident_notification", "ceased");
  ASSERT_FALSE(failed.empty());
  EXPECT_THAT(failed[0].rationale.text,
              ::testing::AnyOf(HasSubstr("52.239-1"), HasSubstr("852.211-76")))
      << failed[0].rationale.text;
}

// issue 14 s12 #3 (Common Paper DPA 65): the Swiss clause of a DPA for EU and UK data names the
// Swiss Federal Data Protection and Information Commissioner, who is not the UK's: it gets no UK
// GDPR sentence, while the UK Addendum clause still does.
TEST(RationaleTruth, SwissCommissionerMakesNoUkClause) {
  const Report report = test_scan::ScanText(
      std::string(kEuAndUkDpa) +
          "\n5. Transfers of personal data governed by Swiss law are made under the Standard "
          "Contractual Clauses, and the Swiss Federal Data Protection and Information "
          "Commissioner is the competent supervisory authority for them.\n",
      "dpa.md");
  ExpectNoWhyLineSays(test_scan::On(report, "international_transfers", "Swiss"), "UK GDPR");
  const auto addendum = Of(report, "international-transfers.mechanism", "UK Addendum");
  ASSERT_FALSE(addendum.empty());
  EXPECT_THAT(addendum[0]->rationale.text, HasSubstr("UK GDPR")) << addendum[0]->rationale.text;
}

// issue 14 s12 #3 (GSA 18F addendum 57): a security programme clause merged with a FedRAMP demand
// is not told to align with ISO/IEC 27001 or SOC 2 either.
TEST(RationaleTruth, MergedFedrampDemandIsNotAnsweredWithAFramework) {
  const Report report =
      test_scan::ScanText(std::string(kSectionH) +
                              "H.5 The Contractor shall maintain its agency ATO while it pursues "
                              "a FedRAMP authorization for its cloud offering.\n",
                          "sow.txt");
  ExpectAdvice(report, "security_measures", "FedRAMP", "ISO/IEC 27001, SOC 2");
}

}  // namespace
}  // namespace clausescan

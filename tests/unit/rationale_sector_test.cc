// "Why the buyer asks" fitted to the document's sector (issue 14, review rev5): a federal
// contract leads with FAR/DFARS, a HIPAA business associate agreement with 45 CFR 164, and laws
// of other sectors are not shown when the rationale has a sentence for the document's sector.
#include "assess/rationale_sector.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <variant>
#include <vector>

#include "clausescan/clausescan.h"
#include "report/rationale_text.h"
#include "rules/loader.h"
#include "rules/rationale_loader.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A federal agency's clause set, written for this test.
const char kFederal[] =
    "PART H - SPECIAL CONTRACT REQUIREMENTS\n\n"
    "H.4 Cyber incidents. The Contractor shall comply with DFARS 252.204-7012 and FAR 52.204-21. "
    "The Contractor shall report each cyber incident that affects Government data to the "
    "Contracting Officer within 72 hours of discovering it.\n\n"
    "H.5 Safeguards. The Contractor shall maintain security controls that protect the "
    "confidentiality of the Government's information, including encryption and multi-factor "
    "authentication.\n";

// A HIPAA business associate agreement, written for this test.
const char kBaa[] =
    "Business Associate Agreement\n\n"
    "1. Breach notice. Business Associate shall notify Covered Entity of any breach of unsecured "
    "Protected Health Information within five (5) business days after discovering it.\n\n"
    "2. Return of PHI. Upon termination of this Agreement, Business Associate shall return or "
    "destroy all PHI that it maintains for Covered Entity and shall retain no copies.\n";

const Finding* First(const Report& report, const std::string& category) {
  for (const Finding& f : report.findings) {
    if (f.category == category && !f.rationale.text.empty()) return &f;
  }
  return nullptr;
}

std::string Titles(const Finding& f) {
  std::string out;
  for (const RationaleSource& s : f.rationale.sources) out += s.title + "; ";
  return out;
}

// issue 14 (rev5: sd/va-vaar:187, sd/gsa): a federal clause's why-line is the federal one.
TEST(RationaleSector, FederalClauseLeadsWithFarAndDfars) {
  EXPECT_EQ(internal::DocumentSectors("the contractor shall notify the contracting officer; the "
                                      "government may audit under far 52.204-21.")
                .front(),
            "us-federal-contractors");
  const Report report = test_scan::ScanText(kFederal, "clauses.txt");
  for (const char* category : {"incident_notification", "security_measures"}) {
    const Finding* f = First(report, category);
    ASSERT_NE(f, nullptr) << category;
    const std::string line = internal::RationaleLine(f->rationale);
    // The buyer may be the agency or a prime contractor: the line names the clause that binds
    // both (reading review of 86d34a9: "a federal contractor asks suppliers" on an agency's own
    // contract).
    EXPECT_THAT(line, ::testing::ContainsRegex("^(A US defence contractor must report|FAR 52.204-21 makes federal contractors)")) << line;
    ASSERT_FALSE(f->rationale.sources.empty());
    EXPECT_THAT(f->rationale.sources[0].title, ::testing::ContainsRegex("^(FAR|DFARS)"))
        << Titles(*f);
    EXPECT_THAT(Titles(*f), Not(HasSubstr("GDPR"))) << category;
    EXPECT_THAT(Titles(*f), Not(HasSubstr("DORA"))) << category;
    EXPECT_THAT(line, Not(HasSubstr("\u2026"))) << line;
  }
}

// A VA clause set and a civilian FAR audit clause, written for this test (helper brief s6,
// item 2).
const char kVa[] =
    "852.211-76 Liquidated Damages - Reimbursement for Data Breach Costs.\n\n"
    "(c) Liquidated damages. If the Contractor or any of its agents fails to protect VA sensitive "
    "personal information or otherwise engages in conduct which results in a data breach, the "
    "Contractor shall, in place of actual damages, pay to the Government liquidated damages of "
    "$37.50 per affected individual to cover costs related to notification, data breach analysis "
    "and credit monitoring.\n\n"
    "(d) Audit and records. The Contracting Officer, or an authorized representative of the "
    "Contracting Officer, shall have the right to examine and audit all records of the "
    "Contractor. The Comptroller General of the United States shall have access to and the right "
    "to examine any of the Contractor's directly pertinent records involving transactions related "
    "to this contract.\n";

const Finding* OfRule(const Report& report, const std::string& rule) {
  for (const Finding& f : report.findings) {
    if (f.rule == rule && !f.rationale.text.empty()) return &f;
  }
  return nullptr;
}

// issue 14 (helper brief s6, item 2): DFARS or a DFARS clause number makes a federal document a
// defence one, shown just before the federal sector; FAR, VAAR, HSAR or GSAR alone do not.
TEST(RationaleSector, DfarsOrDodMakesADefenceBuyerAndCivilianClausesDoNot) {
  EXPECT_EQ(internal::DocumentSectors("the contractor shall comply with dfars 252.204-7012 and "
                                      "far 52.204-21; the contracting officer may audit."),
            (std::vector<std::string>{"us-dod-contractors", "us-federal-contractors"}));
  // issue 14 (review rev6, item 3): a VA contract also shows the VA's own sector.
  EXPECT_EQ(internal::DocumentSectors("vaar 852.211-76: the contractor pays the government "
                                      "liquidated damages; the contracting officer decides."),
            (std::vector<std::string>{"us-va-contractors", "us-federal-contractors"}));
  EXPECT_EQ(internal::DocumentSectors("gsar 552.239-71: the contracting officer may inspect."),
            (std::vector<std::string>{"us-federal-contractors"}));
  // DoD named in FAR text of a civilian contract, or outside a federal one, is no defence buyer.
  EXPECT_EQ(internal::DocumentSectors("far 52.204-25: in the event the contract is with the "
                                      "department of defense, report to dibnet.dod.mil; the "
                                      "contracting officer decides."),
            (std::vector<std::string>{"us-federal-contractors"}));
  EXPECT_TRUE(internal::DocumentSectors("our customers include the dod.").empty());
}

// issue 14 (review rev6, item 1): ordinary words and boilerplate are no sector signals. "As far as
// possible" is no FAR citation, a commercial "Government Rights" clause alone makes no federal
// (or defence) buyer, and HIPAA data defined as data the customer must not upload makes no HIPAA
// covered entity.
TEST(RationaleSector, OrdinaryWordsAndBoilerplateShowNoSector) {
  EXPECT_TRUE(internal::DocumentSectors("the supplier shall, as far as possible, protect the "
                                        "government data and return the government data on "
                                        "expiry.")
                  .empty());
  EXPECT_TRUE(internal::DocumentSectors(
                  "12.14 government rights. the cloud service and software are deemed "
                  "\"commercial items\" or \"commercial computer software\" according to far "
                  "section 12.212 and dfar section 227.7202, and the documentation is \"commercial "
                  "computer software documentation\" according to dfar section 252.227-7014(a)(1) "
                  "and (5). any use or disclosure by the government will be governed solely by "
                  "the terms of this agreement.\n\nthe contracting officer of the customer may "
                  "ask for reports.")
                  .empty());
  EXPECT_TRUE(internal::DocumentSectors(
                  "\"prohibited data\" means (a) patient, medical or other protected health "
                  "information regulated by the health insurance portability and accountability "
                  "act (\"hipaa\"); (b) credit card numbers.\n\ncustomer will not submit "
                  "prohibited data to the service.")
                  .empty());
  // Citations still count: FAR clause numbers, FAR parts and 48 CFR; PHI outside such a sentence.
  EXPECT_EQ(internal::DocumentSectors("the contractor shall comply with far 52.204-21 and the "
                                      "contracting officer may audit."),
            (std::vector<std::string>{"us-federal-contractors"}));
  EXPECT_EQ(internal::DocumentSectors("under far subpart 39.1 the contracting officer decides."),
            (std::vector<std::string>{"us-federal-contractors"}));
  EXPECT_EQ(internal::DocumentSectors("as 48 cfr 39.105 says, the contracting officer decides."),
            (std::vector<std::string>{"us-federal-contractors"}));
  EXPECT_EQ(internal::DocumentSectors("business associate shall notify covered entity of any "
                                      "breach of unsecured phi.\n\nprohibited data means card "
                                      "numbers."),
            (std::vector<std::string>{"us-hipaa-covered-entities"}));
}

// issue 14 (helper brief s6, item 2): a VA liquidated-damages clause's why-line names the VA's
// own clause (VAAR 852.211-76), not DoD's 72-hour report; a civilian audit clause's names FAR
// 52.215-2 / 52.212-5, not DORA or GDPR.
TEST(RationaleSector, CivilianFederalClausesNameTheirOwnSources) {
  const Report report = test_scan::ScanText(kVa, "va.txt");
  const Finding* costs = OfRule(report, "incident-notification.costs");
  ASSERT_NE(costs, nullptr);
  const std::string cost_line = internal::RationaleLine(costs->rationale);
  EXPECT_THAT(cost_line, HasSubstr("VAAR 852.211-76")) << cost_line;
  EXPECT_THAT(cost_line, Not(HasSubstr("DFARS"))) << cost_line;
  EXPECT_THAT(cost_line, Not(HasSubstr("DoD"))) << cost_line;
  const Finding* records = OfRule(report, "audit-rights.records");
  ASSERT_NE(records, nullptr);
  const std::string audit_line = internal::RationaleLine(records->rationale);
  EXPECT_THAT(audit_line, HasSubstr("FAR 52.215-2")) << audit_line;
  EXPECT_THAT(audit_line, HasSubstr("52.212-5")) << audit_line;
  EXPECT_THAT(Titles(*records), Not(HasSubstr("DORA"))) << Titles(*records);
  EXPECT_THAT(Titles(*records), Not(HasSubstr("GDPR"))) << Titles(*records);
}

// issue 14 (review rev6, item 2): a rule's own rationale comes before its category's sector
// sentence. The customer's duty to report compromised accounts in a federal contract keeps the
// rule's own why-line, not the category's sentence on the agency's reporting clock.
TEST(RationaleSector, RuleOwnRationaleComesBeforeCategorySectorSentence) {
  const Report report = test_scan::ScanText(
      std::string(kFederal) +
          "\nH.6 Accounts. Customer will promptly notify Provider if it suspects or knows of any "
          "fraudulent activity with its accounts, passwords, or credentials, or if they become "
          "compromised.\n",
      "clauses.txt");
  const Finding* f = OfRule(report, "incident-notification.customer-notice");
  ASSERT_NE(f, nullptr);
  const std::string line = internal::RationaleLine(f->rationale);
  EXPECT_THAT(line, StartsWith("Usually the supplier's ask")) << line;
  EXPECT_THAT(line, Not(HasSubstr("reporting clock"))) << line;
  EXPECT_THAT(line, Not(HasSubstr("72 hours"))) << line;
}

// Incident clauses of a GSA, a DHS and a VA contract, written for this test (review rev6, item 3).
const char kGsaIncident[] =
    "552.239-71 Security Requirements for Unclassified Information Technology Resources.\n\n"
    "(a) The Contractor shall report any security incident to the Contracting Officer within one "
    "hour of discovery.\n\n"
    "(b) The Contracting Officer may direct the Contractor to take additional security measures "
    "to protect the Government's information.\n";
const char kDhsIncident[] =
    "3052.204-73 Notification and credit monitoring requirements.\n\n"
    "(a) The Contractor shall report any security incident to the Contracting Officer within one "
    "hour of discovery.\n\n"
    "(b) If the incident affects personal information, the Contractor shall notify each affected "
    "individual and shall pay the costs of notification and credit monitoring services for "
    "affected individuals for at least 18 months.\n";
const char kVaIncident[] =
    "852.211-76 Information security.\n\n"
    "(a) The Contractor shall report any security incident to the Contracting Officer within one "
    "hour of discovery.\n\n"
    "(b) The Contracting Officer may direct the Contractor to take additional security measures "
    "to protect the Government's information.\n";

// issue 14 (review rev6, item 3): the federal incident why-line names the VA (VAAR 852.211-76)
// only in a VA contract and DHS's HSAR only in a DHS one; a GSA contract's names neither agency.
TEST(RationaleSector, FederalIncidentLineNamesOnlyTheDocumentsOwnAgency) {
  const auto line_of = [](const char* text, const std::string& rule) {
    const Report report = test_scan::ScanText(text, "clauses.txt");
    const Finding* f = OfRule(report, rule);
    return f == nullptr ? std::string("<no finding>") : internal::RationaleLine(f->rationale);
  };
  const std::string gsa = line_of(kGsaIncident, "incident-notification.window");
  EXPECT_THAT(gsa, Not(HasSubstr("<no finding>")));
  for (const char* agency : {"VAAR", "852.211", "the VA", "DHS", "HSAR"}) {
    EXPECT_THAT(gsa, Not(HasSubstr(agency))) << gsa;
  }
  const std::string dhs_window = line_of(kDhsIncident, "incident-notification.window");
  EXPECT_THAT(dhs_window, Not(HasSubstr("<no finding>")));
  EXPECT_THAT(dhs_window, Not(HasSubstr("VAAR"))) << dhs_window;
  EXPECT_THAT(dhs_window, Not(HasSubstr("the VA"))) << dhs_window;
  const std::string dhs_costs = line_of(kDhsIncident, "incident-notification.costs");
  EXPECT_THAT(dhs_costs, HasSubstr("HSAR 3052.204-73")) << dhs_costs;
  EXPECT_THAT(dhs_costs, Not(HasSubstr("VAAR"))) << dhs_costs;
  const std::string va = line_of(kVaIncident, "incident-notification.window");
  EXPECT_THAT(va, HasSubstr("VAAR 852.211-76")) << va;
}

// issue 14 (rev5: cp BAA:27): a BAA's why-line cites 45 CFR 164 first, not DORA or GDPR.
TEST(RationaleSector, BusinessAssociateClauseLeadsWithHipaa) {
  const Report report = test_scan::ScanText(kBaa, "baa.txt");
  for (const char* category : {"incident_notification", "data_deletion"}) {
    const Finding* f = First(report, category);
    ASSERT_NE(f, nullptr) << category;
    const std::string line = internal::RationaleLine(f->rationale);
    EXPECT_THAT(line, HasSubstr("PHI")) << line;
    ASSERT_FALSE(f->rationale.sources.empty());
    EXPECT_THAT(f->rationale.sources[0].title, ::testing::ContainsRegex("(45 CFR|HIPAA)"))
        << Titles(*f);
    EXPECT_THAT(Titles(*f), Not(HasSubstr("GDPR"))) << category;
    EXPECT_THAT(Titles(*f), Not(HasSubstr("DORA"))) << category;
    EXPECT_THAT(line, Not(HasSubstr("\u2026"))) << line;
  }
}

// issue 14 (helper brief s6 hipaa, items 1-2): a business associate's subcontractor, safeguards
// and accounting clauses lead with 45 CFR 164, a defence contract's subcontract clause with DFARS
// 252.204-7012(m). Clauses written for this test.
TEST(RationaleSector, SubcontractSafeguardAndAccountingClausesNameHipaaAndDfars) {
  const Report baa = test_scan::ScanText(
      "Business Associate Agreement\n\n"
      "1. Subcontractors. Business Associate may disclose PHI to a Subcontractor and may allow the "
      "Subcontractor to create, receive, maintain, or transmit PHI on its behalf. Business "
      "Associate must first ensure that each Subcontractor executes a binding, written agreement "
      "requiring the Subcontractor to protect PHI under terms no less stringent than this BAA.\n\n"
      "2. Safeguards. Business Associate will maintain appropriate technical and organizational "
      "safeguards to reduce the risk of unauthorized use or disclosure of Protected Health "
      "Information.\n\n"
      "3. Accounting. Business Associate will maintain an accounting of disclosures it makes of "
      "PHI and provide it to Covered Entity within ten (10) days of a request.\n",
      "baa.txt");
  for (const char* category : {"subprocessors", "security_measures", "data_processing"}) {
    const Finding* f = First(baa, category);
    ASSERT_NE(f, nullptr) << category;
    const std::string line = internal::RationaleLine(f->rationale);
    EXPECT_THAT(line, HasSubstr("45 CFR 164.50")) << category << ": " << line;
    ASSERT_FALSE(f->rationale.sources.empty()) << category;
    EXPECT_THAT(f->rationale.sources[0].title, StartsWith("45 CFR")) << Titles(*f);
    EXPECT_THAT(Titles(*f), Not(HasSubstr("GDPR"))) << category;
    EXPECT_THAT(line, Not(HasSubstr("\u2026"))) << line;
  }
  const Report dod = test_scan::ScanText(
      "H.7 Subcontracts. The Contractor shall comply with DFARS 252.204-7012 and shall not "
      "subcontract any work involving Government data to a subcontractor without the prior written "
      "consent of the Contracting Officer. The Contractor shall flow down the requirements of this "
      "clause to all subcontractors.\n",
      "dod.txt");
  const Finding* f = First(dod, "subprocessors");
  ASSERT_NE(f, nullptr);
  const std::string line = internal::RationaleLine(f->rationale);
  EXPECT_THAT(line, StartsWith("A US defence contractor must put DFARS 252.204-7012")) << line;
  EXPECT_THAT(line, HasSubstr("paragraph (m)")) << line;
  ASSERT_FALSE(f->rationale.sources.empty());
  EXPECT_THAT(f->rationale.sources[0].title, StartsWith("DFARS 252.204-7012")) << Titles(*f);
  EXPECT_THAT(Titles(*f), Not(HasSubstr("GDPR")));
}

// A GDPR DPA keeps its GDPR reasons: the fitting does not pull US laws forward.
TEST(RationaleSector, GdprProcessingTermsKeepGdprFirst) {
  const Report report = test_scan::ScanText(
      "Data Processing Addendum\n\nProcessor shall notify Controller without undue delay and in "
      "any event within 48 hours after becoming aware of a Personal Data Breach affecting the "
      "personal data of data subjects, as GDPR Article 33 requires.\n",
      "dpa.txt");
  const Finding* f = First(report, "incident_notification");
  ASSERT_NE(f, nullptr);
  ASSERT_FALSE(f->rationale.sources.empty());
  EXPECT_THAT(f->rationale.sources[0].title, HasSubstr("GDPR")) << Titles(*f);
}

// Every built-in sector sentence fits the text report's line whole.
TEST(RationaleSector, BuiltinSectorSentencesFitTheTextLine) {
  std::size_t count = 0;
  for (const auto& [key, entry] : internal::BuiltinRationales()) {
    for (const auto& [sector, text] : entry.sector_text) {
      Rationale shown;
      shown.text = text;
      EXPECT_THAT(internal::RationaleLine(shown), Not(HasSubstr("\u2026"))) << key << " " << sector;
      ++count;
    }
    // issue 14 review s7 #1: a neutral sentence fits the line whole and names no law.
    if (!entry.neutral.empty()) {
      Rationale shown;
      shown.text = entry.neutral;
      EXPECT_THAT(internal::RationaleLine(shown), Not(HasSubstr("\u2026"))) << key;
      EXPECT_FALSE(RE2::PartialMatch(
          entry.neutral, R"(GDPR|DORA|SCC|HIPAA|NYDFS|PCI|FAR\b|CFR|DFARS|Article|Art\.)"))
          << key << ": " << entry.neutral;
    }
  }
  EXPECT_GT(count, 0u);
}

// issue 14 (review rev6, item 4): no address in a built-in rationale.yaml has a host ending in a
// dot ("https://ico.org.uk./..."), which a reader's browser or link checker may refuse.
TEST(RationaleSector, BuiltinRationaleAddressesHaveNoTrailingDotInTheHost) {
  const RE2 dotted_host(R"((https?://[^/\s"']*\.)(?:[/\s"':]|$))");
  std::size_t files = 0;
  for (const internal::SourceFile& file : internal::EmbeddedRuleFiles()) {
    if (file.name.size() < 14 ||
        file.name.compare(file.name.size() - 14, 14, "rationale.yaml") != 0) {
      continue;
    }
    ASSERT_FALSE(file.content.empty()) << file.name;
    ++files;
    std::string host;
    EXPECT_FALSE(RE2::PartialMatch(file.content, dotted_host, &host)) << file.name << ": " << host;
  }
  EXPECT_GT(files, 0u);
}

std::string Considerations(const Finding& f) {
  std::string out;
  for (const std::string& c : f.considerations) out += c + " | ";
  return out;
}

// A costs clause at medium risk, once in a BAA and once in a DORA contract (written for the test).
const char kBaaCosts[] =
    "Business Associate Agreement\n\n"
    "1. Costs. Business Associate shall be solely responsible for all costs associated with any "
    "breach of unsecured Protected Health Information, and shall reimburse Covered Entity for "
    "them.\n";
const char kDoraCosts[] =
    "ICT Services Agreement under the Digital Operational Resilience Act (DORA)\n\n"
    "The Provider is an ICT third-party service provider to the Customer, a financial entity.\n\n"
    "1. Costs. Provider shall be solely responsible for all costs associated with any security "
    "breach, and shall reimburse Customer for them.\n";

// issue 14 (review s7, item 1): an answer written for one sector ("For DORA buyers, ...") is
// offered only where the document shows that sector: a HIPAA BAA does not get it, a DORA
// contract does; the general answers stay in both.
TEST(RationaleSector, SectorAnswersOnlyForDocumentsOfThatSector) {
  const Report baa = test_scan::ScanText(kBaaCosts, "baa.txt");
  const Finding* f = OfRule(baa, "incident-notification.costs");
  ASSERT_NE(f, nullptr);
  ASSERT_GE(f->risk, Risk::kMedium);
  EXPECT_THAT(Considerations(*f), Not(HasSubstr("DORA"))) << Considerations(*f);
  EXPECT_THAT(Considerations(*f), HasSubstr("super-cap")) << Considerations(*f);
  const Report dora = test_scan::ScanText(kDoraCosts, "ict.txt");
  const Finding* g = OfRule(dora, "incident-notification.costs");
  ASSERT_NE(g, nullptr);
  ASSERT_GE(g->risk, Risk::kMedium);
  EXPECT_THAT(Considerations(*g), HasSubstr("For DORA buyers")) << Considerations(*g);
  EXPECT_THAT(Considerations(*g), HasSubstr("super-cap")) << Considerations(*g);
}

// issue 14 (review s7, item 2): an agency's right to inspect the supplier's security is no
// records audit: its why-line cites FAR 52.239-1(b), not the Comptroller General's access to
// records (FAR 52.215-2, 52.212-5(d)). Clauses written for this test.
TEST(RationaleSector, SecurityInspectionIsNoRecordsAudit) {
  const Report report = test_scan::ScanText(
      "552.239-71 Security Requirements.\n\n"
      "(a) The Government may inspect the Contractor's facilities, systems and security controls "
      "to verify compliance with the security requirements of this contract, and the Contractor "
      "shall afford the Contracting Officer access to its facilities and information systems for "
      "that purpose.\n\n"
      "(b) The Government reserves the right to conduct security controls assessments of the "
      "Contractor's information systems.\n\n"
      "(c) The Government may audit the Contractor's compliance with the security requirements "
      "of this contract at any time.\n",
      "gsa.txt");
  ASSERT_NE(OfRule(report, "audit-rights.audit"), nullptr);
  std::size_t seen = 0;
  for (const Finding& f : report.findings) {
    if (f.category != "audit_rights" || f.rule == "audit-rights.records") continue;
    ++seen;
    const std::string line = internal::RationaleLine(f.rationale);
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("Comptroller General"))) << f.rule << ": " << line;
    EXPECT_THAT(line, HasSubstr("FAR 52.239-1")) << f.rule << ": " << line;
    // issue 14 second review (GSA:107, HSAR:275): the inspection's own source comes first, not
    // the records clauses.
    ASSERT_FALSE(f.rationale.sources.empty()) << f.rule;
    EXPECT_THAT(f.rationale.sources.front().title, HasSubstr("FAR 52.239-1")) << f.rule;
  }
  EXPECT_GE(seen, 2u);
}

// issue 14 (review s7, item 3): a rule whose own rationale names the federal sector but has no
// federal sentence shows the category's federal sentence, once; its own sentence names GDPR,
// HIPAA and NYDFS, sectors a GSA contract does not show, so it is left out (third review #3).
TEST(RationaleSector, OwnRationaleThenCategorySectorSentence) {
  const Report report = test_scan::ScanText(
      std::string(kGsaIncident) +
          "\n(c) Where existing safeguards have ceased to function, the Contractor's incident "
          "report shall describe the incident, the data affected and the measures taken, and the "
          "Contractor shall provide updates as facts become known.\n",
      "gsa.txt");
  const Finding* f = OfRule(report, "incident-notification.details");
  ASSERT_NE(f, nullptr);
  const std::string& text = f->rationale.text;
  EXPECT_THAT(text, StartsWith("A US federal agency wants to hear at once")) << text;
  EXPECT_THAT(text, Not(HasSubstr("GDPR"))) << text;
  const std::string federal = "A US federal agency wants to hear at once";
  const std::size_t at = text.find(federal);
  EXPECT_NE(at, std::string::npos) << text;
  EXPECT_EQ(text.find(federal, at + 1), std::string::npos) << text;
  EXPECT_EQ(f->rationale.sectors, std::vector<std::string>{"us-federal-contractors"});
  ASSERT_FALSE(f->rationale.sources.empty());
  EXPECT_EQ(f->rationale.sources.back().title, "FAR 52.239-1 (Aug 1996) paragraph (c)")
      << Titles(*f);
}

// issue 14 (review s7, item 4): in a BAA, a use-and-disclosure limit cites 45 CFR
// 164.504(e)(2)(ii)(A) and named security controls the Security Rule (164.308-164.312).
// Clauses written for this test.
TEST(RationaleSector, HipaaUseLimitsAndSecurityRuleControls) {
  const Report baa = test_scan::ScanText(
      "Business Associate Agreement\n\n"
      "1. Instructions. Business Associate shall process PHI only on the documented instructions "
      "of Covered Entity and only for the purpose of providing the Services.\n\n"
      "2. Security. Business Associate shall encrypt electronic PHI at rest and in transit, "
      "require multi-factor authentication for access to systems holding PHI, keep audit logs of "
      "access, train its workforce in security annually and keep daily backups.\n",
      "baa.txt");
  const Finding* use = OfRule(baa, "data-processing.instructions");
  ASSERT_NE(use, nullptr);
  const std::string use_line = internal::RationaleLine(use->rationale);
  EXPECT_THAT(use->rationale.text, HasSubstr("164.504(e)(2)(i), (ii)(A)")) << use->rationale.text;
  EXPECT_THAT(use_line, StartsWith("A HIPAA covered entity")) << use_line;
  ASSERT_FALSE(use->rationale.sources.empty());
  EXPECT_THAT(use->rationale.sources[0].title, StartsWith("45 CFR 164.504(e)(2)")) << Titles(*use);
  EXPECT_THAT(Titles(*use), Not(HasSubstr("GDPR"))) << Titles(*use);
  const Finding* controls = OfRule(baa, "security-measures.specific-controls");
  ASSERT_NE(controls, nullptr);
  const std::string line = internal::RationaleLine(controls->rationale);
  EXPECT_THAT(line, HasSubstr("Security Rule")) << line;
  EXPECT_THAT(controls->rationale.text, HasSubstr("164.312(b)")) << controls->rationale.text;
  EXPECT_THAT(controls->rationale.text, HasSubstr("164.308(a)(5)")) << controls->rationale.text;
  EXPECT_THAT(Titles(*controls), StartsWith("45 CFR 164.312")) << Titles(*controls);
  EXPECT_THAT(Titles(*controls), Not(HasSubstr("NYCRR"))) << Titles(*controls);
}

// issue 14 (review s7, item 5): a defence contract's data-location clause cites DFARS
// 252.239-7010(b)(3); a DHS contract's incident window HSAR 3052.204-72's 8-hour / 1-hour clock.
TEST(RationaleSector, DfarsCloudDataLocationAndHsarIncidentClock) {
  const Report dod = test_scan::ScanText(
      "H.8 Data location. The Contractor shall comply with DFARS 252.204-7012. The Contractor "
      "shall maintain all Government data within the United States and shall not transfer "
      "Government data outside the United States without the written approval of the "
      "Contracting Officer.\n",
      "dod.txt");
  const Finding* where = First(dod, "international_transfers");
  ASSERT_NE(where, nullptr);
  const std::string where_line = internal::RationaleLine(where->rationale);
  EXPECT_THAT(where->rationale.text, HasSubstr("DFARS 252.239-7010(b)(3)")) << where_line;
  EXPECT_THAT(where_line, StartsWith("A US defence contractor")) << where_line;
  EXPECT_THAT(Titles(*where), StartsWith("DFARS 252.239-7010")) << Titles(*where);
  const Report dhs = test_scan::ScanText(
      "3052.204-72 Safeguarding of controlled unclassified information.\n\n"
      "(a) The Contractor shall report any known or suspected incident to the Contracting "
      "Officer within eight (8) hours of discovery.\n",
      "dhs.txt");
  const Finding* window = OfRule(dhs, "incident-notification.window");
  ASSERT_NE(window, nullptr);
  const std::string line = internal::RationaleLine(window->rationale);
  EXPECT_THAT(line, HasSubstr("HSAR 3052.204-72(c)(2)")) << line;
  EXPECT_THAT(line, HasSubstr("8 hours")) << line;
  EXPECT_THAT(line, Not(HasSubstr("VAAR"))) << line;
}

// issue 14 (review s7, item 6): the SCCs' Clause 17 (the law of an EU Member State) is required
// wording: no "prefer your own home law" advice; a commercial choice of law keeps it.
TEST(RationaleSector, SccGoverningLawGetsNoHomeLawAdvice) {
  const Report scc = test_scan::ScanText(
      "Clause 17\nGoverning law\n\nThese Clauses shall be governed by the law of one of the EU "
      "Member States, provided such law allows for third-party beneficiary rights. The Parties "
      "agree that this shall be the law of Ireland.\n",
      "scc.txt");
  std::size_t seen = 0;
  for (const Finding& f : scc.findings) {
    if (f.rule != "governing-law.choice") continue;
    ++seen;
    EXPECT_THAT(Considerations(f), Not(HasSubstr("home law"))) << f.text;
  }
  EXPECT_GE(seen, 1u);
  const Report msa = test_scan::ScanText(
      "12. Governing law. This Agreement is governed by the laws of the State of New York.\n",
      "msa.txt");
  const Finding* law = OfRule(msa, "governing-law.choice");
  ASSERT_NE(law, nullptr);
  EXPECT_THAT(Considerations(*law), HasSubstr("home law")) << Considerations(*law);
}

// issue 14 second review s7 (items 12, 13 and SCC:290): the SCCs' Clause 17 and 18 wording is
// required, so its reason says so (no "check that the chosen law is your own") and its forum
// gets no "courts where you are based" advice; a commercial forum clause keeps both.
TEST(RationaleSector, SccGoverningLawAndCourtsAreRequiredWording) {
  const Report scc = test_scan::ScanText(
      "Clause 17\nGoverning law\n\nThese Clauses shall be governed by the law of one of the EU "
      "Member States, provided such law allows for third-party beneficiary rights. The Parties "
      "agree that this shall be the law of Ireland.\n\nClause 18\nChoice of forum and "
      "jurisdiction\n\nAny dispute arising from these Clauses shall be resolved by the courts of "
      "an EU Member State.\n",
      "scc.txt");
  const Finding* law = OfRule(scc, "governing-law.choice");
  ASSERT_NE(law, nullptr);
  EXPECT_EQ(law->risk, Risk::kInfo);
  for (const std::string& reason : law->reasons) {
    EXPECT_THAT(reason, Not(HasSubstr("your own"))) << reason;
  }
  const Finding* forum = OfRule(scc, "governing-law.forum");
  ASSERT_NE(forum, nullptr);
  EXPECT_EQ(forum->risk, Risk::kInfo);
  EXPECT_THAT(Considerations(*forum), Not(HasSubstr("where you are based")));
  const Report msa = test_scan::ScanText(
      "12. Disputes. Each party submits to the exclusive jurisdiction of the courts of New York "
      "County, New York.\n",
      "msa.txt");
  const Finding* courts = OfRule(msa, "governing-law.forum");
  ASSERT_NE(courts, nullptr);
  EXPECT_EQ(courts->risk, Risk::kLow);
  EXPECT_THAT(Considerations(*courts), HasSubstr("where you are based"));
}

// issue 14 review s8 #5: the SCCs' Clause 17 line says the Member State law must allow
// third-party beneficiary rights; a commercial choice of law in a GDPR addendum cites no SCC
// clause. Clauses written for this test.
TEST(RationaleSector, SccLawLineNamesBeneficiaryRightsAndCommercialLawCitesNoScc) {
  const Report scc = test_scan::ScanText(
      "Clause 17\nGoverning law\n\nThese Clauses shall be governed by the law of one of the EU "
      "Member States, provided such law allows for third-party beneficiary rights. The Parties "
      "agree that this shall be the law of Ireland.\n",
      "scc.txt");
  const Finding* law = OfRule(scc, "governing-law.choice");
  ASSERT_NE(law, nullptr);
  EXPECT_THAT(internal::RationaleLine(law->rationale), HasSubstr("third-party beneficiary"));
  const Report dpa = test_scan::ScanText(
      "Data Processing Addendum\n\n1. The Processor processes personal data of data subjects "
      "for the Controller as the GDPR requires.\n\n12. Governing law. This Addendum is governed "
      "by the laws of the State of New York.\n",
      "dpa.txt");
  const Finding* commercial = OfRule(dpa, "governing-law.choice");
  ASSERT_NE(commercial, nullptr);
  EXPECT_THAT(internal::RationaleLine(commercial->rationale), Not(HasSubstr("SCC")));
  EXPECT_THAT(Titles(*commercial), Not(HasSubstr("SCC")));
}

// issue 14 review s7 #1: a civilian federal clause set, written for this test (after GSA:91,
// GSA:1066 and a personnel clause), and a HIPAA-only business associate clause (after BAA:11).
const char kFederalNoGdpr[] =
    "PART H - SPECIAL CONTRACT REQUIREMENTS\n\n"
    "H.1 Use of information. Any information made available to the Contractor by the Government "
    "shall be used only for the purpose of carrying out the provisions of this contract and shall "
    "not be divulged or made known in any manner to any persons except as may be necessary in the "
    "performance of the contract. The Contractor shall comply with FAR 52.204-21 and notify the "
    "Contracting Officer.\n\n"
    "H.2 Subcontracts. The Contractor shall include the substance of this clause, including this "
    "paragraph (c), in subcontracts under this contract, in which the subcontractor may have "
    "Federal contract information residing in or transiting through its information system.\n\n"
    "H.3 Personnel. The Contractor shall ensure that all personnel with access to Government data "
    "are bound by written confidentiality obligations and that access is limited to those who "
    "need it.\n";

const char kBaaRecords[] =
    "Business Associate Agreement\n\n"
    "8. Books and Records to HHS. Upon request, Business Associate will make its books, records, "
    "and internal policies and procedures relating to the use and disclosure of PHI available to "
    "the Secretary of HHS for the purpose of determining Covered Entity's and Business "
    "Associate's compliance with HIPAA.\n";

// The laws of sectors a document does not show, in a why-line or its sources.
void ExpectNoOtherSectorLaw(const Finding& f) {
  const std::string line = internal::RationaleLine(f.rationale);
  for (const char* law : {"GDPR", "SCC", "DORA", "NYDFS", "EU financial"}) {
    EXPECT_THAT(f.rationale.text, Not(HasSubstr(law))) << f.rule << ": " << line;
    EXPECT_THAT(Titles(f), Not(HasSubstr(law))) << f.rule << ": " << line;
  }
}

// issue 14 review s7 #1: a sentence only for other sectors gives way to the document's sector's
// sentence or a neutral one.
TEST(RationaleSector, OtherSectorsSentenceGivesWayToNeutralOrOwnSector) {
  const Report federal = test_scan::ScanText(kFederalNoGdpr, "clauses.txt");
  int seen = 0;
  for (const Finding& f : federal.findings) {
    if (f.rationale.text.empty()) continue;
    if (f.rule == "data-processing.instructions" || f.rule == "subprocessors.flowdown" ||
        f.rule == "data-processing.personnel") {
      ++seen;
      ExpectNoOtherSectorLaw(f);
      EXPECT_FALSE(internal::RationaleLine(f.rationale).empty());
    }
  }
  EXPECT_EQ(seen, 3);
  const Report baa = test_scan::ScanText(kBaaRecords, "baa.txt");
  const Finding* records = nullptr;
  for (const Finding& f : baa.findings) {
    if (f.rule == "audit-rights.records") records = &f;
  }
  ASSERT_NE(records, nullptr);
  ExpectNoOtherSectorLaw(*records);
  EXPECT_THAT(internal::RationaleLine(records->rationale), HasSubstr("45 CFR 164.504(e)"));
  // A document with no sector signal gets the neutral sentence too (issue 14 review s8 #2).
  const Report plain = test_scan::ScanText(
      "The Supplier shall ensure that all personnel with access to Customer data are bound by "
      "written confidentiality obligations.\n",
      "plain.txt");
  const Finding* personnel = First(plain, "data_processing");
  ASSERT_NE(personnel, nullptr);
  ExpectNoOtherSectorLaw(*personnel);
}

// A federal clause set and a New Zealand schedule, written for this test.
const char kFederalAto[] =
    "PART H - SPECIAL CONTRACT REQUIREMENTS\n\n"
    "H.1 Evidence. The Contractor shall provide evidence in support of meeting the review "
    "requirements, including its most recent SOC 2 Type II audit report, to the Contracting "
    "Officer upon request. The Government may rely on third-party audit reports and "
    "certifications.\n\n"
    "H.2 Availability. The Contractor shall respond to Government support requests within four "
    "(4) hours and shall maintain 99.9% monthly availability of the service.\n\n"
    "H.3 Authorization. The ATO will be valid for no longer than one (1) year. The Contractor "
    "shall maintain its ATO while pursuing a FedRAMP authorization for its SaaS offering, and "
    "shall comply with FAR 52.204-21.\n";

const char kNzSchedule[] =
    "Schedule 3 - Security and Privacy\n\n"
    "1. The Supplier must comply with the Privacy Act 2020 and the Health Information Privacy "
    "Code 2020 when handling Health Information.\n\n"
    "2. The Supplier must respond to support requests within four (4) hours and maintain 99.9% "
    "monthly availability of the service.\n\n"
    "3. The Supplier must provide its most recent SOC 2 Type II audit report to the Buyer upon "
    "request.\n";

// issue 14 review s8 #1-2 (GSA:30, sla_uptime; CCS, NEMS): a sentence naming GDPR, the SCCs or
// DORA is for those sectors only: a federal buyer and a buyer of no known sector get the
// neutral sentence (or their own sector's), with no other sector's source.
TEST(RationaleSector, SectorLawSentenceIsNotShownToOtherOrUnknownSectors) {
  for (const char* text : {kFederalAto, kNzSchedule}) {
    const Report report = test_scan::ScanText(text, "clauses.txt");
    int seen = 0;
    for (const Finding& f : report.findings) {
      if (f.rationale.text.empty()) continue;
      if (f.category == "audit_rights" || f.category == "sla_uptime") ++seen;
      ExpectNoOtherSectorLaw(f);
      EXPECT_FALSE(internal::RationaleLine(f.rationale).empty()) << f.rule;
    }
    EXPECT_GE(seen, 2) << text;
  }
}

// issue 14 review s7 #2 (BAA:25): the first source printed is the shown sentence's own, 45 CFR
// 164.410(b) for a business associate's breach report, not the covered entity's 164.404(b).
TEST(RationaleSector, BusinessAssociateWindowCitesItsOwnClockFirst) {
  const Report baa = test_scan::ScanText(kBaa, "baa.txt");
  const Finding* window = nullptr;
  for (const Finding& f : baa.findings) {
    if (f.rule == "incident-notification.window") window = &f;
  }
  ASSERT_NE(window, nullptr);
  ASSERT_FALSE(window->rationale.sources.empty());
  EXPECT_EQ(window->rationale.sources.front().title, "45 CFR 164.410(b)") << Titles(*window);
}

// issue 14 review s7 #2: a source the sentence already cites is not printed again after it.
TEST(RationaleSector, ACitationIsNotPrintedTwice) {
  Rationale r;
  r.text = "A business associate must report a breach within 60 days (45 CFR 164.410(b)). More.";
  r.sources = {{"45 CFR 164.404(b)", "u"}, {"45 CFR 164.410(b)", "u"}};
  const std::string line = internal::RationaleLine(r);
  EXPECT_EQ(line.find("164.410(b)"), line.rfind("164.410(b)")) << line;
  EXPECT_THAT(line, HasSubstr("(45 CFR 164.404(b))")) << line;
}

// issue 14 third review #1 (GSA:19, GSA:57, GSA:74, VAAR:299): a clause that demands a FedRAMP
// authorisation is explained by the agency's authorisation of cloud services (44 U.S.C. 3613),
// not by FAR 52.204-21's basic safeguards. Written for this test.
TEST(RationaleSector, FedRampDemandCitesAgencyAuthorisationNotBasicSafeguards) {
  const char kFedRamp[] =
      "PART H - SPECIAL CONTRACT REQUIREMENTS\n\n"
      "H.4 Safeguards. The Contractor shall comply with FAR 52.204-21 and report incidents to "
      "the Contracting Officer.\n\n"
      "H.5 Authorization. The Contractor shall obtain a FedRAMP Moderate authorization for the "
      "cloud service before it stores Government data.\n";
  const Report report = test_scan::ScanText(kFedRamp, "fedramp.txt");
  int seen = 0;
  for (const Finding& f : report.findings) {
    auto flag = f.parameters.find("government_authorisation");
    if (flag == f.parameters.end() || !std::holds_alternative<bool>(flag->second) ||
        !std::get<bool>(flag->second)) {
      continue;
    }
    ++seen;
    const std::string line = internal::RationaleLine(f.rationale);
    EXPECT_THAT(line, StartsWith("A US federal agency")) << f.rule << ": " << line;
    EXPECT_THAT(line, HasSubstr("44 U.S.C. 3613")) << line;
    EXPECT_THAT(line, Not(HasSubstr("52.204-21"))) << line;
  }
  EXPECT_GE(seen, 1);
  // VAAR:299: FedRAMP by its full name, "compliance with the Federal Risk and Authorization
  // Management Program (FedRAMP)".
  const Report va = test_scan::ScanText(
      "The Contractor shall comply with VAAR 852.239-71 and FAR 52.204-21.\n\n"
      "For cloud services hosting, the Contractor shall also ensure compliance with the Federal "
      "Risk and Authorization Management Program (FedRAMP).\n",
      "va.txt");
  bool va_seen = false;
  for (const Finding& f : va.findings) {
    if (f.line != 3 || f.category != "security_measures") continue;
    va_seen = true;
    EXPECT_THAT(internal::RationaleLine(f.rationale), StartsWith("A US federal agency")) << f.rule;
  }
  EXPECT_TRUE(va_seen);
}

// issue 14 third review #4 (HSAR:205, GSA:107): a source whose title starts with the clause the
// sentence cites is the same citation and is not printed again.
TEST(RationaleSector, ASourceOfTheCitedClauseIsNotPrintedAgain) {
  Rationale r;
  r.text = "A DHS contractor must report within 8 hours (HSAR 3052.204-72(c)(2)). More.";
  r.sources = {{"HSAR 3052.204-72 paragraph (c)(1)-(2)", "u"},
               {"FAR 52.239-1 (Aug 1996) paragraph (b)", "u"}};
  const std::string line = internal::RationaleLine(r);
  EXPECT_EQ(line,
            "A DHS contractor must report within 8 hours (HSAR 3052.204-72(c)(2)). (FAR 52.239-1 "
            "(Aug 1996) paragraph (b))");
  EXPECT_EQ(internal::RationaleLineWithin(r, 200),
            "A DHS contractor must report within 8 hours (HSAR 3052.204-72(c)(2)).");
  // A sentence cut inside its own citation is cut before it (the Common Paper DPA's first
  // finding read "... documented instructions (GDPR Art. … (GDPR Art. 28(3)(a) and 28(10))").
  Rationale gdpr;
  gdpr.text = "A GDPR controller stays the one who decides what happens to the data: its "
              "processor acts only on documented instructions (GDPR Art. 28(3)(a)).";
  gdpr.sources = {{"GDPR Art. 28(3)(a) and 28(10)", "u"}};
  EXPECT_EQ(internal::RationaleLineWithin(gdpr, 166),
            "A GDPR controller stays the one who decides what happens to the data: its processor "
            "acts only on documented instructions \u2026 (GDPR Art. 28(3)(a) and 28(10))");
  r.text = "A US federal agency may inspect the contractor's facilities (FAR 52.239-1(b)).";
  r.sources = {{"FAR 52.239-1 (Aug 1996) paragraph (b); FAR 39.105", "u"},
               {"FAR 52.239-10 paragraph (a)", "u"}};
  EXPECT_EQ(internal::RationaleLine(r),
            "A US federal agency may inspect the contractor's facilities (FAR 52.239-1(b)). (FAR "
            "52.239-10 paragraph (a))");
}

// issue 14 third review #2 (DFARS:310, DFARS:463): a mandated DoD assessment or DoD cloud access
// clause names its own DFARS clause, not FAR 52.239-1(b), and gets no commercial answer. Written
// for this test.
TEST(RationaleSector, MandatedDodAssessmentAndCloudAccessNameTheirDfarsClause) {
  const char kDod[] =
      "The Contractor shall comply with DFARS 252.204-7012 and FAR 52.204-21.\n\n"
      "(c) Requirements. The Contractor shall provide access to its facilities, systems, and "
      "personnel necessary for the Government to conduct a Medium or High NIST SP 800-171 DoD "
      "Assessment, as described in the NIST SP 800-171 DoD Assessment Methodology, if "
      "necessary.\n\n"
      "(3) The Contractor shall provide the Government, or its authorized representatives, "
      "access to all Government data, access to contractor personnel involved in performance of "
      "the contract, and physical access to any Contractor facility with Government data, for "
      "the purpose of audits, investigations, inspections, or other similar activities, as "
      "authorized by law or regulation.\n";
  const Report report = test_scan::ScanText(kDod, "dod.txt");
  bool assessment = false;
  bool cloud = false;
  for (const Finding& f : report.findings) {
    if (f.category != "audit_rights") continue;
    const std::string line = internal::RationaleLine(f.rationale);
    const bool is_7020 = f.line == 3;
    const bool is_7010 = f.line == 5;
    if (!is_7020 && !is_7010) continue;
    (is_7020 ? assessment : cloud) = true;
    EXPECT_THAT(line, HasSubstr(is_7020 ? "252.204-7020" : "252.239-7010"))
        << f.rule << ": " << line;
    EXPECT_THAT(line, Not(HasSubstr("52.239-1"))) << line;
    // Mandated, so nothing to bargain, but a real burden: medium with its own reason.
    EXPECT_EQ(f.risk, Risk::kMedium) << f.line;
    for (const std::string& c : f.considerations) {
      EXPECT_THAT(c, Not(HasSubstr("reasonable notice"))) << f.line << ": " << c;
      EXPECT_THAT(c, Not(HasSubstr("reasonable advance notice"))) << f.line << ": " << c;
      EXPECT_THAT(c, Not(HasSubstr("once a year"))) << f.line << ": " << c;
    }
  }
  EXPECT_TRUE(assessment);
  EXPECT_TRUE(cloud);
}

// issue 14 third review #3 (HSAR:205): a DHS contract's incident details clause is not explained
// by GDPR, HIPAA and NYDFS, sectors it does not show, whether the rule's own sentence says so or
// the category's federal sentence follows it. Written for this test.
TEST(RationaleSector, OwnSentenceOfOtherSectorsIsNotShownBeforeTheFederalOne) {
  const char kDhs[] =
      "HSAR 3052.204-72 Safeguarding of controlled unclassified information.\n\n"
      "(c) Incident reporting. The Contractor shall report all known or suspected incidents to "
      "the Component Security Operations Center within 8 hours of discovery, as the Contracting "
      "Officer directs under FAR 52.204-21.\n\n"
      "(5) If an incident involves PII, Contractors shall also provide as many of the following "
      "data elements as are available at the time the incident is reported: the contract "
      "number; the contractor's point of contact; the date and time of the incident; a "
      "description of the incident, including the data affected; and the number of individuals "
      "affected.\n";
  const Report report = test_scan::ScanText(kDhs, "dhs.txt");
  bool seen = false;
  for (const Finding& f : report.findings) {
    if (f.rule != "incident-notification.details") continue;
    seen = true;
    // Nor by FAR 52.239-1(c), whose subject is failed safeguards, not the data elements of an
    // incident report (issue 14 s12 #2): the neutral sentence is the true one here.
    EXPECT_FALSE(f.rationale.text.empty());
    EXPECT_THAT(f.rationale.text, Not(HasSubstr("52.239-1"))) << f.rationale.text;
    for (const char* law : {"GDPR", "HIPAA", "NYDFS"}) {
      EXPECT_THAT(f.rationale.text, Not(HasSubstr(law))) << f.rationale.text;
      EXPECT_THAT(Titles(f), Not(HasSubstr(law))) << Titles(f);
    }
  }
  EXPECT_TRUE(seen);
}

// issue 14 third review #2: a document of no financial entity gets no answer that names DORA,
// while a DORA contract keeps its pooled audits. Written for this test.
TEST(RationaleSector, AnswersNamingASectorsLawOnlyForThatSector) {
  const char kClause[] =
      "9. Audit. Customer may audit Provider's premises and facilities, including on-site "
      "inspections, upon request.\n";
  const Report plain =
      test_scan::ScanText(std::string("# Master Services Agreement\n\n") + kClause, "msa.md");
  const std::vector<Finding> found = test_scan::On(plain, "audit_rights", "on-site");
  ASSERT_FALSE(found.empty());
  for (const Finding& f : found) {
    ASSERT_GE(f.risk, Risk::kMedium);
    for (const std::string& c : f.considerations) {
      EXPECT_THAT(c, Not(HasSubstr("DORA"))) << c;
    }
  }
  const Report dora = test_scan::ScanText(
      std::string("# ICT services agreement under DORA\n\nProvider is an ICT third-party service "
                  "provider of Customer, a financial entity.\n\n") +
          kClause,
      "dora.md");
  std::string said;
  for (const Finding& f : test_scan::On(dora, "audit_rights", "on-site")) {
    for (const std::string& c : f.considerations) said += c + "\n";
  }
  EXPECT_THAT(said, HasSubstr("DORA")) << said;
}

// issue 14 third review #4 (va-vaar:75): in a VA contract that also names HIPAA, a destruction
// certificate that says nothing of PHI is not explained by HIPAA; a clause on PHI still is.
// Written for this test.
TEST(RationaleSector, SectorSentenceFollowsWhatTheClauseIsAbout) {
  const char kVa[] =
      "# 852.204-71 Information and Information Systems Security.\n\n"
      "(a) The Contractor shall comply with VAAR 852.211-76 and the Contracting Officer's "
      "directions. Business associates handling protected health information for VA are covered "
      "entities' business associates under HIPAA.\n\n"
      "(b) Upon completion of the contract, the Contractor shall destroy all VA information on "
      "its media and provide the Government with a certificate of destruction within 30 days.\n\n"
      "(c) The Contractor shall return or destroy all protected health information of the "
      "covered entity at termination of the business associate agreement.\n";
  const Report report = test_scan::ScanText(kVa, "va.md");
  bool seen_certificate = false;
  for (const Finding& f : report.findings) {
    if (f.category != "data_deletion" || f.rationale.text.empty()) continue;
    if (f.text.find("certificate of destruction") != std::string::npos) {
      seen_certificate = true;
      EXPECT_THAT(f.rationale.text, Not(HasSubstr("HIPAA"))) << f.rationale.text;
      EXPECT_THAT(Titles(f), Not(HasSubstr("45 CFR"))) << Titles(f);
    }
  }
  EXPECT_TRUE(seen_certificate);
}

}  // namespace
}  // namespace clausescan

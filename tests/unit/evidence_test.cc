#include "clausescan/evidence.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::vector<std::string> Ids(const std::vector<EvidenceNeed>& pack) {
  std::vector<std::string> ids;
  for (const EvidenceNeed& need : pack) ids.push_back(need.item.id);
  return ids;
}

std::vector<std::string> ControlIds(const EvidenceNeed& need) {
  std::vector<std::string> ids;
  for (const Control& c : need.controls) ids.push_back(c.id);
  return ids;
}

TEST(EvidencePack, OrderedByHighestRiskThenId) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack(samples::TwoReports());
  EXPECT_EQ(Ids(pack), (std::vector<std::string>{"incident-response-procedure", "soa-excerpt",
                                                 "insurance-certificate", "deletion-procedure"}));
  EXPECT_EQ(pack[0].risk, Risk::kHigh);
  EXPECT_EQ(pack[1].risk, Risk::kHigh);  // the high notice clause wins over the low deletion one
  EXPECT_EQ(pack[2].risk, Risk::kMedium);
  EXPECT_EQ(pack[3].risk, Risk::kLow);
}

TEST(EvidencePack, DeduplicatedWithEveryFindingThatCallsForIt) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack(samples::TwoReports());
  const EvidenceNeed& soa = pack[1];
  EXPECT_EQ(soa.item.title, "Statement of Applicability excerpt");
  EXPECT_EQ(soa.item.description, "The SoA rows.");
  ASSERT_EQ(soa.findings.size(), 2u);
  EXPECT_EQ(soa.findings[0].path, "contracts/dpa.md");
  EXPECT_EQ(soa.findings[0].line, 12);
  EXPECT_EQ(soa.findings[0].category, "incident_notification");
  EXPECT_EQ(soa.findings[0].rule, "incident-notification.window");
  EXPECT_EQ(soa.findings[0].risk, Risk::kHigh);
  EXPECT_EQ(soa.findings[1].line, 40);
  EXPECT_EQ(soa.findings[1].report_index, 0u);
  EXPECT_EQ(soa.findings[1].finding_index, 1u);
  const EvidenceNeed& insurance = pack[2];
  ASSERT_EQ(insurance.findings.size(), 1u);
  EXPECT_EQ(insurance.findings[0].report_index, 1u);
  EXPECT_EQ(insurance.findings[0].finding_index, 0u);
}

TEST(EvidencePack, ControlsOfAllItsFindingsInNumericOrder) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack(samples::TwoReports());
  // A.5.9 sorts before A.5.24: ids compare part by part, numbers by value.
  EXPECT_EQ(ControlIds(pack[1]), (std::vector<std::string>{"A.5.9", "A.5.24", "A.5.26", "A.8.10"}));
  EXPECT_EQ(pack[1].controls[0].title, "Inventory of information");
  EXPECT_EQ(ControlIds(pack[3]), (std::vector<std::string>{"A.5.9", "A.8.10"}));
}

// issue 15 #7: a finding merged from two rules carries both rules' controls and evidence; each
// item lists only the controls of the rule that calls for it (Finding::evidence_controls), not
// the other rule's (a sub-processor list shown with backup controls).
TEST(EvidencePack, ItemListsOnlyTheControlsOfTheRulesThatCallForIt) {
  Report r = samples::MsaReport();
  Finding& f = r.findings[0];
  f.controls = {{"A.8.13", "Information backup"}, {"A.5.19", "Supplier relationships"}};
  f.evidence = {{"subprocessor-register", "Sub-processor list"},
                {"backup-policy", "Backup policy"},
                {"iso-certificate", "ISO/IEC 27001 certificate"}};
  f.evidence_controls = {{"subprocessor-register", {"A.5.19"}},
                         {"backup-policy", {"A.8.13"}},
                         {"iso-certificate", {"A.8.13", "A.5.19"}}};
  std::vector<EvidenceNeed> pack = BuildEvidencePack({r});
  ASSERT_EQ(Ids(pack), (std::vector<std::string>{"backup-policy", "iso-certificate",
                                                 "subprocessor-register"}));
  EXPECT_EQ(ControlIds(pack[0]), std::vector<std::string>{"A.8.13"});
  EXPECT_EQ(pack[0].controls[0].title, "Information backup");
  EXPECT_EQ(ControlIds(pack[1]), (std::vector<std::string>{"A.5.19", "A.8.13"}));
  EXPECT_EQ(ControlIds(pack[2]), std::vector<std::string>{"A.5.19"});
}

// A finding built by hand names no controls per item: each item answers for all of them.
TEST(EvidencePack, ItemTheFindingDoesNotLinkTakesAllItsControls) {
  Finding f = samples::MsaReport().findings[0];
  f.controls = {{"A.8.13", "Information backup"}, {"A.5.19", "Supplier relationships"}};
  f.evidence = {{"subprocessor-register", "Sub-processor list"},
                {"backup-policy", "Backup policy"}};
  f.evidence_controls = {{"subprocessor-register", {"A.5.19"}}};
  const std::vector<Control> linked = ControlsOfEvidence(f, "subprocessor-register");
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, "A.5.19");
  EXPECT_EQ(linked[0].title, "Supplier relationships");
  EXPECT_EQ(ControlsOfEvidence(f, "backup-policy").size(), 2u);
  f.evidence_controls.clear();
  EXPECT_EQ(ControlsOfEvidence(f, "subprocessor-register").size(), 2u);
}

TEST(EvidencePack, SameDocumentScannedTwiceCountsEachFinding) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack({samples::MsaReport(), samples::MsaReport()});
  ASSERT_EQ(pack.size(), 1u);
  ASSERT_EQ(pack[0].findings.size(), 2u);
  EXPECT_EQ(pack[0].findings[1].report_index, 1u);
  EXPECT_EQ(pack[0].controls.size(), 1u);
}

TEST(EvidencePack, ItemNamedTwiceByOneFindingCountsOnce) {
  Report r = samples::MsaReport();
  r.findings[0].evidence.push_back(r.findings[0].evidence[0]);
  std::vector<EvidenceNeed> pack = BuildEvidencePack({r});
  ASSERT_EQ(pack.size(), 1u);
  EXPECT_EQ(pack[0].findings.size(), 1u);
}

TEST(EvidencePack, FirstNonEmptyTitleAndDescriptionWin) {
  Report a = samples::MsaReport();
  a.findings[0].evidence[0].title.clear();
  a.findings[0].evidence[0].description.clear();
  std::vector<EvidenceNeed> pack = BuildEvidencePack({a, samples::MsaReport()});
  ASSERT_EQ(pack.size(), 1u);
  EXPECT_EQ(pack[0].item.title, "Certificate of insurance");
  EXPECT_EQ(pack[0].item.description, "Proof of cover.");
}

TEST(EvidencePack, EmptyWithoutEvidence) {
  EXPECT_TRUE(BuildEvidencePack({}).empty());
  Report r = samples::MsaReport();
  r.findings[0].evidence.clear();
  r.missing = {{"audit_rights", "none", Risk::kHigh}};  // missing clauses call for nothing
  EXPECT_TRUE(BuildEvidencePack({r}).empty());
}

TEST(EvidencePackPrinter, LiteralOutput) {
  std::ostringstream out;
  WriteEvidencePack(BuildEvidencePack(samples::TwoReports()), out);
  EXPECT_EQ(out.str(),
            R"(evidence pack: 4 items to prepare, called for by 3 findings in 2 documents

[ ] Incident response procedure (incident-response-procedure)  HIGH
    How you detect, triage and close incidents.
    controls:
      A.5.24 Incident management planning
      A.5.26 Response to incidents
    called for by:
      contracts/dpa.md:12  HIGH  incident_notification  incident-notification.window

[ ] Statement of Applicability excerpt (soa-excerpt)  HIGH
    The SoA rows.
    controls:
      A.5.9 Inventory of information
      A.5.24 Incident management planning
      A.5.26 Response to incidents
      A.8.10 Information deletion
    called for by:
      contracts/dpa.md:12  HIGH  incident_notification  incident-notification.window
      contracts/dpa.md:40  LOW  data_deletion  data-deletion.end-of-contract

[ ] Certificate of insurance (insurance-certificate)  MEDIUM
    Proof of cover.
    controls:
      A.5.20 Supplier agreements
    called for by:
      msa.txt:3  MEDIUM  insurance  insurance.cyber

[ ] Data deletion procedure (deletion-procedure)  LOW
    How data is removed.
    controls:
      A.5.9 Inventory of information
      A.8.10 Information deletion
    called for by:
      contracts/dpa.md:40  LOW  data_deletion  data-deletion.end-of-contract

clausescan is an aid to review, not legal advice.
)");  // issue 14 #3
}

// Reports whose findings carry a rationale: the notice and deletion findings of the DPA one
// each, and a second deletion finding with the same one (issue 14 #1).
std::vector<Report> ReportsWithRationale() {
  std::vector<Report> reports = samples::TwoReports();
  Report& dpa = reports[0];
  dpa.findings[0].rationale = {
      "The buyer has its own clock. It must file in 72 hours.",
      {"gdpr-controllers"},
      {{"GDPR Art. 33(1)", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
       {"NIS2 Art. 23", "https://eur-lex.europa.eu/eli/dir/2022/2555/oj"},
       {"DORA Art. 19", "https://eur-lex.europa.eu/eli/reg/2022/2554/oj"}}};
  dpa.findings[1].rationale = {"Data kept is data at risk.",
                               {"all"},
                               {{"ISO/IEC 27001 A.8.10", "https://www.iso.org/standard/27001"}}};
  dpa.findings.push_back(dpa.findings[1]);
  dpa.findings.back().line = 44;
  return reports;
}

// issue 14 #1: under each item, each distinct rationale once, as the text report shows it;
// several are labelled by category.
TEST(EvidencePackPrinter, WhyTheBuyerAsksUnderEachItem) {
  std::ostringstream out;
  WriteEvidencePack(BuildEvidencePack(ReportsWithRationale()), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("      contracts/dpa.md:12  HIGH  incident_notification  "
                      "incident-notification.window\n"
                      "    why the buyer asks: The buyer has its own clock. (GDPR Art. 33(1); NIS2 "
                      "Art. 23; +1 more)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("      contracts/dpa.md:44  LOW  data_deletion  data-deletion.end-of-contract\n"
                "    why the buyer asks:\n"
                "      incident_notification: The buyer has its own clock. (GDPR Art. 33(1); "
                "NIS2 Art. 23; +1 more)\n"
                "      data_deletion: Data kept is data at risk. (ISO/IEC 27001 A.8.10)\n"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find("      contracts/dpa.md:44  LOW  data_deletion  data-deletion.end-of-contract\n"
                "    why the buyer asks: Data kept is data at risk. (ISO/IEC 27001 A.8.10)\n"),
      std::string::npos)
      << text;
  // Findings without a rationale (--no-rationale, a rule set with none) show no line.
  std::ostringstream plain;
  WriteEvidencePack(BuildEvidencePack(samples::TwoReports()), plain);
  EXPECT_EQ(plain.str().find("why the buyer asks"), std::string::npos);
}

// issue 14 #1: JSON gives each finding its rationale as the scan JSON does; CSV the compact
// line in a last column, empty without one.
TEST(EvidenceData, RationaleInJsonAndCsv) {
  std::vector<EvidenceNeed> pack = BuildEvidencePack(ReportsWithRationale());
  std::ostringstream json;
  WriteEvidenceJson(pack, json);
  nlohmann::json parsed = nlohmann::json::parse(json.str());
  const nlohmann::json& finding = parsed["items"][0]["findings"][0];
  EXPECT_EQ(finding["rationale"]["text"], "The buyer has its own clock. It must file in 72 hours.");
  EXPECT_EQ(finding["rationale"]["sectors"][0], "gdpr-controllers");
  EXPECT_EQ(finding["rationale"]["sources"][2]["title"], "DORA Art. 19");
  EXPECT_EQ(finding["rationale"]["sources"][2]["url"],
            "https://eur-lex.europa.eu/eli/reg/2022/2554/oj");
  EXPECT_FALSE(parsed["items"][2]["findings"][0].contains("rationale")) << json.str();  // insurance
  std::ostringstream csv;
  WriteEvidenceCsv(pack, csv);
  EXPECT_EQ(
      csv.str().rfind("item,title,item_risk,controls,path,line,category,rule,risk,rationale\r\n"
                      "incident-response-procedure,Incident response procedure,high,"
                      "A.5.24 A.5.26,contracts/dpa.md,12,incident_notification,"
                      "incident-notification.window,high,"
                      "The buyer has its own clock. (GDPR Art. 33(1); NIS2 Art. 23; +1 more)\r\n",
                      0),
      0u)
      << csv.str();
  EXPECT_NE(csv.str().find("insurance.cyber,medium,\r\n"), std::string::npos) << csv.str();
}

TEST(EvidencePackPrinter, EmptyPack) {
  std::ostringstream out;
  WriteEvidencePack({}, out);
  EXPECT_EQ(out.str(),
            "evidence pack: no finding calls for evidence\n\n"
            "clausescan is an aid to review, not legal advice.\n");  // issue 14 #3
}

TEST(EvidencePackPrinter, ColourAndNoControlCharacters) {
  Report r = samples::MsaReport();
  r.document.path = "evil\x1b[2J.txt";
  std::ostringstream plain;
  WriteEvidencePack(BuildEvidencePack({r}), plain);
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  std::ostringstream color;
  TextStyle style;
  style.color = true;
  WriteEvidencePack(BuildEvidencePack({samples::MsaReport()}), color, style);
  EXPECT_NE(color.str().find("\x1b[33mMEDIUM\x1b[0m"), std::string::npos);
}

}  // namespace
}  // namespace clausescan

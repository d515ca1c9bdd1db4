#include "clausescan/evidence.h"

#include <gtest/gtest.h>

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

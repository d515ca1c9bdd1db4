// Why the buyer asks follows the document's regime and the clause a finding lies in (issue 14
// s12): a UK GDPR schedule leads with the UK's law, DFARS and VAAR incident clauses that rest on
// another clause's report get the buyer's own clock, and an assessment the supplier prepares
// itself gets advice for writing it, not for helping with the customer's.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::Not;

nlohmann::json ScanJson(const std::string& text) {
  RunResult r = RunClausescan("scan --format json -", text);
  EXPECT_LE(r.exit_code, 1) << r.err;
  return nlohmann::json::parse(r.out);
}

// The findings of `rule` in report.
std::vector<nlohmann::json> Of(const nlohmann::json& report, const std::string& rule) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& f : report["findings"]) {
    if (f["rule"] == rule) out.push_back(f);
  }
  return out;
}

// A processor schedule of a UK buyer that names the UK GDPR and nothing else of the UK (no ICO,
// no IDTA, no Data Protection Act).
constexpr const char* kUkSchedule =
    "Schedule 3: Processing of Personal Data\n\n"
    "1. The Processor shall process the Personal Data only on the documented instructions of the "
    "Controller, as the UK GDPR requires.\n\n"
    "2. The Processor shall not engage another processor without the prior written "
    "authorisation of the Controller.\n\n"
    "3. The Processor shall allow for and contribute to audits, including inspections, conducted "
    "by the Controller or an auditor it mandates.\n\n"
    "4. The Processor shall implement appropriate technical and organisational measures to "
    "protect the Personal Data against unauthorised access.\n";

// issue 14 s12 #3: the UK GDPR named alone shows the UK regime, which leads: each of the four
// duties is explained by the UK GDPR as the ICO states it, not by the EU text.
TEST(RationaleRegimeCli, AScheduleNamingOnlyTheUkGdprLeadsWithTheUkLaw) {
  const nlohmann::json report = ScanJson(kUkSchedule);
  ASSERT_FALSE(report["document"]["sectors"].empty()) << report["document"];
  EXPECT_EQ(report["document"]["sectors"][0], "uk-gdpr-controllers") << report["document"];
  for (const char* rule : {"data-processing.instructions", "subprocessors.authorisation",
                           "audit-rights.audit", "security-measures.program"}) {
    SCOPED_TRACE(rule);
    const auto findings = Of(report, rule);
    ASSERT_FALSE(findings.empty()) << report.dump();
    for (const nlohmann::json& f : findings) {
      const std::string text = f["rationale"]["text"];
      EXPECT_THAT(text, HasSubstr("UK GDPR Art. 28(3)")) << text;
      EXPECT_THAT(text, Not(HasSubstr("(GDPR Art"))) << text;
      for (const nlohmann::json& source : f["rationale"]["sources"]) {
        EXPECT_THAT(source["title"].get<std::string>(), Not(::testing::StartsWith("GDPR ")));
      }
    }
  }
}

// issue 14 s13 #1: the four points of Art. 32(1) are cited from the UK GDPR when the UK regime
// leads, and from the GDPR otherwise; in our own words.
TEST(RationaleRegimeCli, ThePointsOfArticle32FollowTheRegime) {
  const std::string clause =
      "5. The Processor shall encrypt the Personal Data at rest and in transit, and shall "
      "regularly test and evaluate the effectiveness of those measures.\n";
  const nlohmann::json uk = ScanJson(std::string(kUkSchedule) + "\n" + clause);
  const nlohmann::json eu = ScanJson(
      "Annex 2: Processing under the GDPR\n\n"
      "1. The Processor shall process the Personal Data only on the documented instructions of "
      "the Controller, and shall inform data subjects' requests to the Controller.\n\n" +
      clause);
  const auto uk_controls = Of(uk, "security-measures.specific-controls");
  const auto eu_controls = Of(eu, "security-measures.specific-controls");
  ASSERT_FALSE(uk_controls.empty()) << uk.dump();
  ASSERT_FALSE(eu_controls.empty()) << eu.dump();
  for (const nlohmann::json& f : uk_controls) {
    const std::string text = f["rationale"]["text"];
    EXPECT_THAT(text, HasSubstr("UK GDPR Art. 32(1)")) << text;
    EXPECT_THAT(text, HasSubstr("regular testing of the measures (d)")) << text;
    EXPECT_THAT(text, Not(HasSubstr(". GDPR Art"))) << text;
    ASSERT_FALSE(f["rationale"]["sources"].empty());
    for (const nlohmann::json& source : f["rationale"]["sources"]) {
      EXPECT_THAT(source["title"].get<std::string>(), Not(::testing::StartsWith("GDPR ")));
    }
    EXPECT_THAT(f["rationale"]["sources"].dump(), HasSubstr("UK GDPR Art. 32(1)(a)-(d)"));
  }
  for (const nlohmann::json& f : eu_controls) {
    const std::string text = f["rationale"]["text"];
    EXPECT_THAT(text, HasSubstr("GDPR Art. 32(1) names four")) << text;
    EXPECT_THAT(text, Not(HasSubstr("UK GDPR"))) << text;
  }
}

// issue 14 s13 #1: a mutual notice of incidents on the customer's side rests on Art. 32(1)'s
// duty of both sides, cited from the UK GDPR where the UK regime leads; in our own words.
TEST(RationaleRegimeCli, ACustomersNoticeDutyUnderTheUkGdprCitesTheUkText) {
  const nlohmann::json report = ScanJson(
      std::string(kUkSchedule) +
      "\n5. The Controller shall notify the Processor without delay of any compromise of the "
      "user accounts it holds for the service.\n");
  const auto notices = Of(report, "incident-notification.customer-notice");
  ASSERT_FALSE(notices.empty()) << report.dump();
  for (const nlohmann::json& f : notices) {
    EXPECT_THAT(f["rationale"]["text"].get<std::string>(), HasSubstr("UK GDPR Art. 32(1)"));
    for (const nlohmann::json& source : f["rationale"]["sources"]) {
      EXPECT_THAT(source["title"].get<std::string>(), Not(::testing::StartsWith("GDPR ")));
    }
  }
}

// issue 14 s12 #3: the UK GDPR named alone shows the UK regime, but a document that also covers
// EEA data is still led by the GDPR.
TEST(RationaleRegimeCli, AScheduleForEeaAndUkDataLeadsWithTheGdpr) {
  std::string text = kUkSchedule;
  const std::string uk_only = "as the UK GDPR requires";
  text.replace(text.find(uk_only), uk_only.size(),
               "as the GDPR requires for data from the European Economic Area and the UK GDPR "
               "for data from the United Kingdom");
  const nlohmann::json report = ScanJson(text);
  ASSERT_FALSE(report["document"]["sectors"].empty()) << report["document"];
  EXPECT_EQ(report["document"]["sectors"][0], "gdpr-controllers") << report["document"];
  EXPECT_THAT(report["document"]["sectors"].dump(), HasSubstr("uk-gdpr-controllers"));
}

// issue 14 s12 #4: incident clauses of DFARS 252.204-7009 (support contractors that see other
// contractors' cyber incident reports) and 252.239-7010 (cloud services) rest on the report to
// DoD of 252.204-7012; in our own words, neither citing 7012.
constexpr const char* kDfarsClauses =
    "# 252.204-7009 Limitations on the Use or Disclosure of Third-Party Contractor Reported Cyber "
    "Incident Information.\n\n"
    "(c) Subcontracts. The Contractor shall flow this clause down, unaltered, to each subcontract "
    "for services that support the Government in handling the cyber incident reports other "
    "contractors make to DoD.\n\n"
    "# 252.239-7010 Cloud Computing Services.\n\n"
    "(d) Cyber incident reporting. The Contractor shall report to DoD every cyber incident that "
    "affects the cloud computing service it provides under this contract, through the DIBNet "
    "portal.\n";

constexpr const char* kNeutral = "The buyer must act quickly when its data or service is hit";

TEST(RationaleRegimeCli, DfarsSiblingIncidentClausesAreExplainedByTheReportToDod) {
  const nlohmann::json report = ScanJson(kDfarsClauses);
  int seen = 0;
  for (const nlohmann::json& f : report["findings"]) {
    if (f["category"] != "incident_notification") continue;
    ++seen;
    const std::string text = f["rationale"]["text"];
    EXPECT_THAT(text, Not(HasSubstr(kNeutral))) << f["line"];
    EXPECT_THAT(text, HasSubstr("within 72 hours of discovery")) << text;
    EXPECT_THAT(f["rationale"]["sources"].dump(), HasSubstr("DFARS 252.204-7012")) << text;
  }
  EXPECT_GE(seen, 2) << report.dump();
}

// issue 14 s12 #4: the VA's one-hour incident report of 852.204-71, in our own words, is
// explained by the VA's own duties after a breach.
TEST(RationaleRegimeCli, VaIncidentReportIsExplainedByTheVasOwnDuties) {
  const nlohmann::json report = ScanJson(
      "# 852.204-71 Information and Information Systems Security.\n\n"
      "(g) Incident reports. The Contractor and its subcontractors shall notify VA of any known "
      "or suspected security or privacy incident within one hour of discovering it, through the "
      "Contracting Officer and the COR, and shall confirm the notice in writing within the same "
      "hour.\n");
  const auto window = Of(report, "incident-notification.window");
  ASSERT_FALSE(window.empty()) << report.dump();
  for (const nlohmann::json& f : window) {
    const std::string text = f["rationale"]["text"];
    EXPECT_THAT(text, Not(HasSubstr(kNeutral)));
    EXPECT_THAT(text, HasSubstr("38 U.S.C. 5724(a)(1)")) << text;
    EXPECT_THAT(f["rationale"]["sources"].dump(), HasSubstr("VAAR 852.204-71")) << text;
  }
}

// issue 14 s12 #5 (GSA 72): a Privacy Threshold Analysis the contractor prepares itself is its
// own assessment: no advice about helping with the customer's assessment, and a position that
// says so; help with the agency's own assessment keeps the assistance advice.
TEST(RationaleRegimeCli, AdviceFollowsWhoDoesTheAssessment) {
  auto assistance = [](const std::string& text) {
    const auto findings = Of(ScanJson(text), "data-processing.assistance");
    EXPECT_FALSE(findings.empty()) << text;
    return findings;
  };
  for (const nlohmann::json& f : assistance(
           "The vendor shall prepare a Privacy Threshold Analysis for the hosted system and "
           "submit it to the agency's privacy office before the system goes live.\n")) {
    EXPECT_THAT(f["considerations"].dump(), Not(HasSubstr("customer's assessment")));
    EXPECT_THAT(f["considerations"].dump(), Not(HasSubstr("what the law requires of the customer")));
    EXPECT_THAT(f["reasons"].dump(), Not(HasSubstr("help with impact assessments")));
    EXPECT_THAT(f["positions"].dump(), HasSubstr("data-processing-own-assessment"));
  }
  for (const nlohmann::json& f : assistance(
           "The vendor shall assist the agency in completing its privacy impact assessment of the "
           "program.\n")) {
    // The assistance advice, as the position's sample wording or as the rule's advice, which
    // does not repeat it (one proposal per idea).
    EXPECT_THAT(f["considerations"].dump(),
                AnyOf(HasSubstr("customer's assessment"),
                      HasSubstr("information reasonably available")));
    EXPECT_THAT(f["positions"].dump(), Not(HasSubstr("data-processing-own-assessment")));
  }
}

// issue 14 s13 #2: why the buyer asks follows who does the assessment too: the supplier's own
// privacy assessment is explained by the buyer's need to have the system assessed, not by a
// wish for the supplier's help; help with the agency's assessment keeps that reason.
TEST(RationaleRegimeCli, WhyTheBuyerAsksFollowsWhoDoesTheAssessment) {
  auto rationale = [](const std::string& text) {
    const auto findings = Of(ScanJson(text), "data-processing.assistance");
    EXPECT_FALSE(findings.empty()) << text;
    return findings.empty() ? nlohmann::json() : findings.front()["rationale"];
  };
  for (const char* own :
       {"The contractor shall complete a Privacy Impact Assessment of the case management system "
        "and deliver it to the department's privacy officer for approval.\n",
        "The vendor shall prepare a Privacy Threshold Analysis for the hosted system and submit "
        "it to the agency's privacy office before the system goes live.\n"}) {
    SCOPED_TRACE(own);
    const nlohmann::json why = rationale(own);
    const std::string text = why.value("text", "");
    EXPECT_THAT(text, Not(HasSubstr("help"))) << text;
    EXPECT_THAT(text, HasSubstr("write the privacy assessment itself")) << text;
    EXPECT_THAT(why["sources"].dump(), HasSubstr("NIST SP 800-53 Rev. 5 RA-8"));
  }
  const nlohmann::json help = rationale(
      "The contractor shall assist the department in completing its privacy impact assessment "
      "of the programme.\n");
  EXPECT_THAT(help.value("text", ""), HasSubstr("help"));
  EXPECT_THAT(help["sources"].dump(), Not(HasSubstr("RA-8")));
}

// issue 14 s12 #5 (GSA 18F 19, traced): a programme sentence whose parameters are empty gets no
// ISO/IEC 27001 or SOC 2 framework advice when the next sentence of its paragraph demands a
// FedRAMP authorization (the section's neighbour fills in government_authorisation); alone, it
// gets it.
TEST(RationaleRegimeCli, FrameworkAdviceFollowsTheParagraphsFedrampDemand) {
  const std::string programme =
      "The vendor will ensure the hosted service meets the agency security and privacy "
      "requirements before invoicing the government.";
  auto framework_advised = [](const nlohmann::json& report) {
    const auto findings = Of(report, "security-measures.program");
    EXPECT_FALSE(findings.empty()) << report.dump();
    return !findings.empty() &&
           findings.front()["considerations"].dump().find("aligned with a framework") !=
               std::string::npos;
  };
  EXPECT_FALSE(framework_advised(ScanJson(
      "## Security and Privacy Requirements\n\n" + programme +
      " Once the agency approves the service, the CSP will have one year to achieve a FedRAMP "
      "authorization.\n")));
  EXPECT_TRUE(framework_advised(ScanJson("## Security and Privacy Requirements\n\n" + programme +
                                         "\n")));
}

}  // namespace
}  // namespace clausescan::testing

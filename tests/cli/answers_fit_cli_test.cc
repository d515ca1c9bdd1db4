// Answers that fit the clause (issue 14 fourth review #1, #5): a "meets the buyer's need" answer
// the clause's own parameters already grant is left out, whatever the drafting tradition; and
// `rules show` ends with the not-legal-advice line as every human format does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

using ::testing::AnyOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kObjectionAnswer = "Offer objection on reasonable data-protection grounds";
constexpr const char* kGeneralAnswer = "Ask for general written authorisation";
constexpr const char* kTargetAnswer = "Offer a measurable availability target";

// Scans `contract` as a file named `name` in a new folder and returns the report (text unless
// options say otherwise).
std::string Scan(const std::string& name, const std::string& contract,
                 const std::string& options = "") {
  TempDir dir;
  WriteWholeFile(dir.path() / name, contract);
  RunResult r = RunClausescan("scan " + options + " " + Quote(dir.path() / name));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// An objection that already ends in termination of the affected service with a refund: the
// answer proposing exactly that is not offered (UK processor terms, US vendor terms).
TEST(AnswersFitCli, ObjectionEndingInTerminationGetsNoTerminationAnswer) {
  const std::string uk = Scan(
      "dpa.txt",
      "DATA PROCESSING ADDENDUM\n\nThis Addendum is between Acme Analytics Ltd (\"Processor\") "
      "and the customer named in the Order (\"Controller\").\n\n7. Sub-processors\n\n7.3 "
      "Controller may object to a new sub-processor on reasonable data protection grounds within "
      "14 days of that notice. Should the parties fail to resolve the objection, Controller may "
      "terminate the affected services and Processor shall refund any prepaid fees for the "
      "remainder of the term, which shall be Controller's sole and exclusive remedy.\n");
  EXPECT_THAT(uk, HasSubstr("subprocessors.objection"));
  EXPECT_THAT(uk, Not(HasSubstr(kObjectionAnswer)));
  const std::string us = Scan(
      "vendor-terms.md",
      "# Vendor Privacy Terms\n\nThese terms are between Vendor and Customer.\n\n## 5. "
      "Subprocessors\n\nIf Customer objects in writing to a new Subprocessor within thirty (30) "
      "days after notice, and Vendor cannot offer an alternative, Customer may terminate the "
      "Order for the affected Service and receive a pro-rata refund of prepaid, unused fees.\n");
  EXPECT_THAT(us, HasSubstr("subprocessors.objection"));
  EXPECT_THAT(us, Not(HasSubstr(kObjectionAnswer)));
}

// Specific consent still gets the answer asking for general authorisation; a clause that gives
// general authorisation does not (the review's GitHub SCC case, in other words).
TEST(AnswersFitCli, GeneralAuthorisationAnswerOnlyWhereConsentIsSpecific) {
  const std::string specific = Scan(
      "schedule.txt",
      "SUBCONTRACTING SCHEDULE\n\nThis Schedule forms part of the Agreement between the Client "
      "and the Contractor.\n\n4. Subcontracting of processing\n\n4.1 The Contractor may only "
      "appoint a Subprocessor with the prior specific written consent of the Client for each "
      "Subprocessor.\n");
  // The answer, or the position's proposal or the rule's advice saying the same, which the
  // answer then does not repeat (issue 15 #3: one wording per idea).
  EXPECT_THAT(specific, AnyOf(HasSubstr(kGeneralAnswer),
                              HasSubstr("Ask for a general written authorisation"),
                              HasSubstr("Customer grants a general written authorisation")));
  const std::string general = Scan(
      "dpa.txt",
      "DATA PROCESSING AGREEMENT\n\nBetween the Customer (controller) and Provider "
      "(processor).\n\n6. Sub-processing\n\n6.1 Customer gives Provider a general written "
      "authorisation to engage sub-processors from the list at Annex 3; Provider shall inform "
      "Customer in writing of any intended addition or replacement at least 60 days in advance, "
      "and Customer may object to it.\n");
  EXPECT_THAT(general, HasSubstr("subprocessors.authorisation"));
  EXPECT_THAT(general, Not(HasSubstr(kGeneralAnswer)));
  EXPECT_THAT(general, Not(HasSubstr("Ask for a general written authorisation")));
}

// A stated percentage is a measurable target already: no answer asking for one.
TEST(AnswersFitCli, StatedUptimePercentageGetsNoTargetAnswer) {
  const std::string sla = Scan(
      "sla.txt",
      "SERVICE LEVEL AGREEMENT\n\n1. Availability. The Provider will make the Platform available "
      "at least 99.95% of the time in each calendar month, measured by the Provider's external "
      "monitoring.\n\n2. Service Credits. If monthly availability falls below 99.95%, Customer "
      "will receive a service credit of 10% of the monthly fees.\n");
  EXPECT_THAT(sla, HasSubstr("sla-uptime.availability"));
  EXPECT_THAT(sla, HasSubstr("HIGH"));  // medium or high: answers are offered at all
  EXPECT_THAT(sla, Not(HasSubstr(kTargetAnswer)));
}

// issue 14 fourth review #6: a bare "$" in a contract that says nothing of its currency is not
// read as USD; a plainly US contract (US state law, a US federal agency) keeps USD.
TEST(AnswersFitCli, BareDollarWithoutLawOrDefinitionIsCurrencyNotStated) {
  const std::string cap =
      "12. Limitation of liability\n\n12.1 The Supplier's total liability under this Agreement "
      "shall not exceed $50,000.\n";
  const std::string json = "--format json";  // a low finding's reasons are in every format
  const std::string unstated = Scan("msa.txt", "MASTER SERVICES AGREEMENT\n\n" + cap, json);
  EXPECT_THAT(unstated, HasSubstr("not compared (currency not stated)"));
  const std::string us_law = Scan(
      "msa.txt", "MASTER SERVICES AGREEMENT\n\n" + cap +
                     "\n15. Governing law. This Agreement is governed by the laws of the State of "
                     "Texas.\n",
      json);
  EXPECT_THAT(us_law, HasSubstr("liability-cap.cap"));
  EXPECT_THAT(us_law, Not(HasSubstr("currency not stated")));
  const std::string agency = Scan(
      "order.md", "# Task Order\n\n1. The Contractor shall deliver the service to the U.S. "
                  "Government.\n\n" + cap,
      json);
  EXPECT_THAT(agency, HasSubstr("liability-cap.cap"));
  EXPECT_THAT(agency, Not(HasSubstr("currency not stated")));
}

// issue 14 #3 (fourth review #5): `rules show` of a rule and of a category is a human format.
TEST(AnswersFitCli, RulesShowEndsWithTheNotice) {
  for (const char* id : {"audit-rights.audit", "audit_rights"}) {
    RunResult r = RunClausescan(std::string("rules show ") + id);
    ASSERT_EQ(r.exit_code, 0) << id << r.err;
    EXPECT_THAT(r.out, EndsWith("\nclausescan is an aid to review, not legal advice.\n")) << id;
  }
}

// A certificate of deletion the clause already gives on request: the answer proposing a
// certificate on written request is not offered; a certificate at the end of the services is
// (fifth review of issue 14 #3: Common Paper DPA 93, Bonterms DPA 148).
TEST(AnswersFitCli, CertificateOnRequestGetsNoCertificateOnRequestAnswer) {
  constexpr const char* kCertificateAnswer = "Certify deletion on written request";
  const std::string on_request = Scan(
      "dpa.md",
      "# Data Processing Addendum\n\nThis Addendum is between Lumen Metrics Inc. (\"Processor\") "
      "and the customer named in the Order Form (\"Controller\").\n\n9. Deletion\n\n9.2 Within 30 "
      "days after the end of the Services, Processor shall delete all Personal Data and, on "
      "Controller's written request, certify the deletion in writing.\n");
  EXPECT_THAT(on_request, HasSubstr("data_deletion"));
  EXPECT_THAT(on_request, Not(HasSubstr(kCertificateAnswer)));
  const std::string automatic = Scan(
      "dpa.md",
      "# Data Processing Addendum\n\nThis Addendum is between Lumen Metrics Inc. (\"Processor\") "
      "and the customer named in the Order Form (\"Controller\").\n\n9. Deletion\n\n9.2 Within 30 "
      "days after the end of the Services, Processor shall delete all Personal Data including all "
      "backup copies and shall certify the deletion to Controller in writing within 10 days.\n");
  EXPECT_THAT(automatic, HasSubstr(kCertificateAnswer));
}

}  // namespace
}  // namespace clausescan::testing

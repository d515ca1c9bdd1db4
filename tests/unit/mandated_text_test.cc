// Proposals for a clause that is a regulation's mandated text (issue 14, third review #1, #3): a
// federal acquisition regulation's own clause (FAR, DFARS, VAAR, HSAR, GSAR) and the EU Standard
// Contractual Clauses cannot be renegotiated, so their findings offer what can be done instead
// of other wording; the same words in a commercial contract keep their proposals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

// A VA clause with its number, title and version date as the VAAR prints them, written for
// this test.
const char kVaClause[] =
    "# 852.239-74 Security Controls Compliance Testing.\n\n"
    "SECURITY CONTROLS COMPLIANCE TESTING (FEB 2023)\n\n"
    "(a) On a periodic basis, VA, including the Office of Inspector General, may choose to "
    "conduct a security control assessment of the Contractor's systems. The Contracting Officer "
    "will give the Contractor notice of such assessments.\n\n"
    "(b) The Government may conduct a security control assessment on shorter notice, to include "
    "unannounced assessments, as determined by VA in the event of a security incident or at any "
    "other time.\n";

// The same assessment right in a commercial security addendum, written for this test.
const char kCommercialClause[] =
    "# Security Addendum\n\n"
    "## 7. Security testing\n\n"
    "Customer may conduct a security control assessment of Provider's systems on shorter notice, "
    "to include unannounced assessments, in the event of a security incident or at any other "
    "time.\n";

// The EU SCCs' Clause 2 and Clause 8.9, as the Commission's text words them (Implementing
// Decision (EU) 2021/914, Module Two), abridged for this test.
const char kScc[] =
    "# Standard Contractual Clauses\n\n"
    "MODULE TWO: Transfer controller to processor. These standard contractual clauses govern "
    "the transfer of personal data from the data exporter to the data importer in a third "
    "country.\n\n"
    "## Clause 2 Effect and invariability of the Clauses\n\n"
    "These Clauses set out appropriate safeguards, provided they are not modified, except to "
    "select the appropriate Module(s) or to add or update information in the Appendix.\n\n"
    "## 8.9 Documentation and compliance\n\n"
    "(c) The data importer shall make available to the data exporter all information necessary "
    "to demonstrate compliance with the obligations set out in these Clauses and at the data "
    "exporter's request, allow for and contribute to audits of the processing activities covered "
    "by these Clauses, at reasonable intervals or if there are indications of non-compliance.\n\n"
    "(d) The data exporter may choose to conduct the audit by itself or mandate an independent "
    "auditor. Audits may include inspections at the premises or physical facilities of the data "
    "importer and shall, where appropriate, be carried out with reasonable notice.\n";

std::string Considerations(const Finding& f) {
  std::string out;
  for (const std::string& c : f.considerations) out += c + "\n";
  return out;
}

// Proposals that bargain over an audit's terms: notice, frequency, who audits, who pays.
const char kBargaining[] =
    "(reasonable (advance )?notice|days' (prior )?(written )?notice|once a year|"
    "at most one audit|customer pays|at customer's cost|not a competitor)";

// Considerations in lower case, for kBargaining.
std::string Folded(const Finding& f) {
  std::string out = Considerations(f);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// issue 14 third review #1 (va-vaar:331): VAAR 852.239-74's unannounced assessments.
TEST(MandatedText, FederalClauseOffersWhatCanBeDoneNotOtherWording) {
  const Report report = test_scan::ScanText(kVaClause, "vaar.md");
  const std::vector<Finding> found = test_scan::On(report, "audit_rights", "unannounced");
  ASSERT_FALSE(found.empty());
  for (const Finding& f : found) {
    const std::string said = Considerations(f);
    EXPECT_THAT(Folded(f), Not(ContainsRegex(kBargaining))) << said;
    EXPECT_THAT(said, HasSubstr("Contracting Officer")) << said;
  }
}

// The same words outside a regulation's clause are still bargained over.
TEST(MandatedText, CommercialClauseKeepsItsProposals) {
  const Report report = test_scan::ScanText(kCommercialClause, "addendum.md");
  const std::vector<Finding> found = test_scan::On(report, "audit_rights", "unannounced");
  ASSERT_FALSE(found.empty());
  EXPECT_THAT(Folded(found.front()), ContainsRegex(kBargaining));
  EXPECT_THAT(Considerations(found.front()), Not(HasSubstr("Contracting Officer")));
}

// issue 14 third review #3 (SCC Clause 8.9): the SCCs cannot be amended (Clause 2).
TEST(MandatedText, SccAuditIsMetNotNarrowed) {
  const Report report = test_scan::ScanText(kScc, "scc.md");
  ASSERT_EQ(report.document.type, "scc");
  const std::vector<Finding> found = test_scan::On(report, "audit_rights", "inspections");
  ASSERT_FALSE(found.empty());
  for (const Finding& f : found) {
    const std::string said = Considerations(f);
    EXPECT_THAT(Folded(f), Not(ContainsRegex(kBargaining))) << said;
    EXPECT_THAT(said, HasSubstr("Clause 2")) << said;
    EXPECT_THAT(said, HasSubstr("8.9(c)")) << said;
  }
}

// issue 14 third review #6 (SCC annex, line 430): compensation promised to data subjects is no
// commercial indemnity of the customer: no super-cap or defence-control proposals. Written for
// this test.
TEST(MandatedText, IndemnityOfDataSubjectsIsNoCommercialIndemnity) {
  const Report report = test_scan::ScanText(
      std::string(kScc) +
          "\n## Annex III Additional safeguards\n\n"
          "The data importer shall indemnify a data subject for any material or non-material "
          "damage to the data subject caused by the data importer's disclosure of personal data "
          "of the data subject in response to an order from a non-EU/EEA government body.\n",
      "scc.md");
  const std::vector<Finding> found = test_scan::On(report, "indemnification", "indemnify a data");
  ASSERT_FALSE(found.empty());
  for (const Finding& f : found) {
    EXPECT_LT(f.risk, Risk::kMedium);
    const std::string said = Considerations(f);
    EXPECT_THAT(said, Not(HasSubstr("super-cap"))) << said;
    EXPECT_THAT(said, Not(HasSubstr("control of the defence"))) << said;
  }
}

}  // namespace
}  // namespace clausescan

// Whose duty or right a finding states when no sentence names a side as its subject: a passive
// act of a named side, a decision at one side's discretion, a government's own auditor, a duty
// that falls on whichever side finds something; and the contract's parties named with Markdown
// emphasis (issue 15 #1, #8).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.category + " " + f.rule + " " + std::string(RiskName(f.risk)) + " party=" + f.party +
           " (" + f.party_name + "): " + f.text.substr(0, 80) + "\n";
  }
  return out;
}

// The party of the first finding of `category` whose clause contains `words`; "(none found)"
// when there is none.
std::string FirstParty(const Report& report, const std::string& category,
                       const std::string& words) {
  const std::vector<Finding> found = On(report, category, words);
  return found.empty() ? "(none found)" : found[0].party;
}

// The findings of any category whose clause contains `words`.
std::vector<Finding> Any(const Report& report, const std::string& words) {
  std::vector<Finding> out;
  for (const Finding& f : report.findings) {
    if (f.text.find(words) != std::string::npos) out.push_back(f);
  }
  return out;
}

const char kReviews[] =
    "5. Security reviews.\n\n"
    "5.1 Penetration tests of the Contractor's hosted environment can be performed by Government "
    "staff, or testers acting for the Government, using tools the Government chooses.\n\n"
    "5.2 If the Contractor runs its own penetration tests, their results may at the Government's "
    "discretion be accepted in place of Government tests.\n\n"
    "5.3 The Auditor General of the Province, or a delegate of the Auditor General, shall have "
    "access to and the right to examine the Contractor's records relating to this contract.\n";

// issue 15 #8: "tests can be performed by Government staff" is the Government's right to test
// us, though no sentence makes the Government its subject.
TEST(PartyReading, PassiveActOfANamedSideIsThatSidesRight) {
  const Report report = test_scan::ScanText(kReviews, "terms.txt");
  EXPECT_EQ(FirstParty(report, "audit_rights", "can be performed by"), "customer")
      << Describe(report);
}

// issue 15 #8: "results may at the Government's discretion be accepted" is the Government's
// decision, not a right of the Contractor named in the leading condition.
TEST(PartyReading, DecisionAtOneSidesDiscretionIsThatSides) {
  const Report report = test_scan::ScanText(kReviews, "terms.txt");
  const std::vector<Finding> found = Any(report, "at the Government's discretion");
  ASSERT_FALSE(found.empty()) << Describe(report);
  for (const Finding& f : found) EXPECT_EQ(f.party, "customer") << Describe(report);
}

// issue 15 #8: a government's own auditor (an Auditor General, a Comptroller General) examining
// records is a third party, neither side of the contract, but it audits us: not "no risk".
TEST(PartyReading, AuditorGeneralIsAThirdPartyThatAuditsUs) {
  const Report report = test_scan::ScanText(kReviews, "terms.txt");
  const std::vector<Finding> found = On(report, "audit_rights", "Auditor General");
  ASSERT_FALSE(found.empty()) << Describe(report);
  EXPECT_EQ(found[0].party, "third") << Describe(report);
  EXPECT_NE(found[0].risk, Risk::kInfo) << Describe(report);
}

// issue 15 #8: "the finder shall notify the other party" binds whichever side finds the
// weakness: both sides, not the supplier by default.
TEST(PartyReading, DutyTowardsTheOtherPartyOfAnUnnamedSubjectIsMutual) {
  const Report report = test_scan::ScanText(
      "7. Threats. If a new weakness is discovered by the Customer or the Provider, the finder "
      "shall immediately notify the other party of the security incident.\n",
      "terms.txt");
  EXPECT_EQ(FirstParty(report, "incident_notification", "the finder"), "mutual")
      << Describe(report);
}

// issue 15 #8: the same item in a list under a lead-in that names the Contractor ("The
// Contractor shall be responsible for the following:") still binds whichever side finds the
// threat; the lead-in's side is for the items that have no subject of their own.
TEST(PartyReading, DutyTowardsTheOtherPartyUnderAOneSidedLeadInIsMutual) {
  std::string text =
      "# Security terms\n\n3. The Contractor shall be responsible for the following:\n\n";
  for (const char* item :
       {"The Contractor shall encrypt Customer Data at rest and in transit with modules "
        "validated under the applicable federal standard, and shall keep its keys in a hardware "
        "security module that only named administrators may use.",
        "The Contractor shall apply a patch for a critical weakness within fourteen days of its "
        "release and a patch for any other weakness within thirty days, and shall record each "
        "patch in a change log that the Customer may read on request.",
        "The Contractor shall train each member of its staff who can reach Customer Data in "
        "secure handling of that data before granting access and each year after, and shall "
        "keep a record of the training for the term of this contract and one year after it.",
        "The Contractor shall test its plan for restoring the service after a disaster at least "
        "once a year, shall tell the Customer the results of each test within thirty days, and "
        "shall fix any gap that a test reveals within a period agreed in writing."}) {
    text += std::string("    1. ") + item + "\n\n";
  }
  text +=
      "    5. If a new threat is discovered by either the Customer or the Contractor, the "
      "discoverer shall immediately notify the other party of the security incident.\n";
  const Report report = test_scan::ScanText(text, "terms.md");
  EXPECT_EQ(FirstParty(report, "incident_notification", "the discoverer"), "mutual")
      << Describe(report);
}

// issue 15 #8: a right named inside a leading condition ("If the Provider confirms that the
// Customer is eligible for a credit, ...") is the condition, not the clause: the main clause's
// subject holds the duty.
TEST(PartyReading, RightInsideALeadingConditionLeavesTheMainClausesDuty) {
  const Report report = test_scan::ScanText(
      "8. Service credits. If the Provider confirms that the Customer is eligible for a service "
      "credit, the Provider will apply the credit to the Customer's next invoice within thirty "
      "days.\n",
      "terms.txt");
  EXPECT_EQ(FirstParty(report, "sla_uptime", "will apply the credit"), "supplier")
      << Describe(report);
}

// issue 15 #8: a heading that asks a question of the reader ("What you must keep confidential")
// states no duty of "you": the list under it binds each party.
TEST(PartyReading, WhatYouMustHeadingLeavesTheDutyToEachParty) {
  const Report report = test_scan::ScanText(
      "7. What you must keep confidential\n"
      "7.1   Each Party must:\n\n"
      "           \u25CF keep all Confidential Information it receives secret and secure\n"
      "           \u25CF not disclose the other Party's Confidential Information without its "
      "prior written consent\n"
      "           \u25CF immediately notify the Disclosing Party if it suspects any unauthorised "
      "access to, copying or loss of Confidential Information\n\n"
      "7.2 This clause survives the end of the Contract.\n",
      "terms.txt");
  EXPECT_EQ(FirstParty(report, "incident_notification", "Each Party must"), "mutual")
      << Describe(report);
}

// issue 15 #1: a preamble that bolds the short name ('Blue Fern Labs Inc. (**"BFL"**)') still
// names the party, so "BFL agrees to ..." is the supplier's duty under its own name.
TEST(PartyReading, BoldShortNameInThePreambleNamesTheParty) {
  const Report report = test_scan::ScanText(
      "# Data Processing Addendum\n\n"
      "This Addendum is part of the Platform Terms between Customer and Blue Fern Labs Inc. "
      "(**\"BFL\"**).\n\n"
      "## 4. Subprocessors\n\n"
      "* **Subprocessor duties.** BFL agrees to (i) sign a written contract with each "
      "Subprocessor that binds it to data protection duties no less protective than this "
      "Addendum; and (ii) stay responsible to Customer for the acts and omissions of each "
      "Subprocessor.\n",
      "dpa.md");
  bool named = false;
  for (const ContractParty& p : report.document.parties) {
    for (const std::string& term : p.terms) {
      if (term == "BFL") named = p.role == "supplier";
    }
  }
  EXPECT_TRUE(named) << Describe(report);
  const std::vector<Finding> found = On(report, "subprocessors", "BFL agrees");
  ASSERT_FALSE(found.empty()) << Describe(report);
  for (const Finding& f : found) {
    EXPECT_EQ(f.party, "supplier") << Describe(report);
    EXPECT_EQ(f.party_name, "BFL") << Describe(report);
  }
}

}  // namespace
}  // namespace clausescan

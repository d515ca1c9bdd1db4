// Advice that fits the clause and the document, and assessment against the clause's own words
// (issue 15 #4 and its "assessment against the clause's own words" errors). Documents are
// written here; the built-in rules judge them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"

namespace clausescan {
namespace {

Report Scan(const std::string& doc) {
  Result<RuleSet> rules = RuleSet::Builtin();
  EXPECT_TRUE(rules.ok()) << rules.error().message();
  Result<Report> report = Scanner(*rules).ScanBytes(doc, "contract.md");
  EXPECT_TRUE(report.ok()) << report.error().message();
  return report.ok() ? *report : Report{};
}

// The finding on the line (1-based) of category, or nullptr.
const Finding* At(const Report& report, int line, const std::string& category) {
  for (const Finding& f : report.findings) {
    if (f.line == line && f.category == category) return &f;
  }
  return nullptr;
}

bool Offers(const Finding& f, const std::string& prefix) {
  return std::any_of(f.considerations.begin(), f.considerations.end(),
                     [&](const std::string& c) { return c.rfind(prefix, 0) == 0; });
}

// Whether any finding of the report offers advice starting with prefix.
bool AnyOffers(const Report& report, const std::string& prefix) {
  return std::any_of(report.findings.begin(), report.findings.end(),
                     [&](const Finding& f) { return Offers(f, prefix); });
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Param(const Finding& f, const std::string& name) {
  auto it = f.parameters.find(name);
  if (it == f.parameters.end()) return "-";
  if (const auto* word = std::get_if<std::string>(&it->second)) return *word;
  if (const auto* flag = std::get_if<bool>(&it->second)) return *flag ? "true" : "false";
  return "?";
}

// issue 15 #4: 30 days' notice is not proposed to a clause that already gives 10 business days;
// it is to one that gives none or more than a month.
TEST(ProposalsThatFit, NoticeAdviceOnlyWhereTheClauseGivesNoneOrLonger) {
  const Report report = Scan(
      "# Data Processing Agreement\n\n"
      "Vendor will inform Client at least 10 business days in advance and in writing of any "
      "intended changes to its subprocessors.\n\n"
      "Vendor will inform Client at least forty-five (45) business days in advance and in writing "
      "of any intended changes to its subprocessors.\n\n"
      "Vendor will inform Client of any intended changes to its subprocessors.\n");
  // Offered as the rule's advice, or as a position's sample wording, which the advice then does
  // not repeat (one proposal per idea).
  auto offers_thirty_days = [](const Finding& f) {
    return Offers(f, "Offer 30 days' notice before a new sub-processor") ||
           Offers(f, "At least 30 calendar days' notice");
  };
  const Finding* ten = At(report, 3, "subprocessors");
  const Finding* long_notice = At(report, 5, "subprocessors");
  const Finding* none = At(report, 7, "subprocessors");
  ASSERT_TRUE(ten && long_notice && none);
  EXPECT_FALSE(offers_thirty_days(*ten));
  EXPECT_TRUE(offers_thirty_days(*long_notice));
  EXPECT_TRUE(offers_thirty_days(*none));
  // The clause's other advice stays.
  EXPECT_TRUE(Offers(*ten, "Publish the sub-processor list"));
}

// issue 15 #4: books-and-records audit advice (an accountant checking amounts, underpayments)
// belongs to commercial agreements; a DPA's records of compliance do not get it.
TEST(ProposalsThatFit, BooksAndRecordsAdviceIsNotOfferedInADpa) {
  const std::string clause =
      "Vendor will keep records of its compliance with this agreement and make them available to "
      "Client for inspection on request.\n";
  const Report dpa = Scan("# Data Processing Agreement\n\n" + clause);
  const Report msa = Scan("# Master Services Agreement\n\n" + clause);
  ASSERT_EQ(dpa.document.type, "dpa");
  ASSERT_EQ(msa.document.type, "msa");
  const Finding* in_dpa = At(dpa, 3, "audit_rights");
  const Finding* in_msa = At(msa, 3, "audit_rights");
  ASSERT_TRUE(in_dpa && in_msa);
  EXPECT_TRUE(Has(in_dpa->rules, "audit-rights.records"));
  EXPECT_FALSE(AnyOffers(dpa, "An independent accountant"));
  EXPECT_FALSE(AnyOffers(dpa, "The auditing party pays, unless the audit finds an underpayment"));
  EXPECT_TRUE(AnyOffers(msa, "An independent accountant"));
  for (const Finding& f : dpa.findings) {
    for (const std::string& reason : f.reasons) {
      EXPECT_EQ(reason.find("an inspection of books and records is common"), std::string::npos)
          << reason;
    }
  }
}

// Assessment error: a deletion certificate given "only if Client asks for one" was rated as the
// automatic certificate the playbook warns about, and offered a certificate on request.
TEST(AssessmentAgainstTheClause, CertificateOnlyOnRequestIsNotTheAutomaticOne) {
  const Report report = Scan(
      "# Data Processing Agreement\n\n"
      "Once the services end, Vendor will erase all Client Data and, only if Client asks for "
      "one, give Client a signed certificate of erasure.\n\n"
      "Once the services end, Vendor will erase all Client Data and give Client a signed "
      "certificate of erasure.\n");
  const Finding* on_request = At(report, 3, "data_deletion");
  const Finding* automatic = At(report, 5, "data_deletion");
  ASSERT_TRUE(on_request && automatic);
  EXPECT_FALSE(Has(on_request->positions, "delete-certification"));
  // issue 15 #4: a certificate on demand is judged by its own position, not the automatic
  // certificate's: low (GUIDELINES.md since 2026-12-07, two independent readers).
  EXPECT_TRUE(Has(on_request->positions, "delete-certification-on-request"));
  EXPECT_EQ(on_request->risk, Risk::kLow);
  EXPECT_FALSE(Offers(*on_request, "Offer a certificate of deletion on request"));
  EXPECT_TRUE(Has(automatic->positions, "delete-certification"));
  EXPECT_EQ(automatic->risk, Risk::kMedium);
  EXPECT_TRUE(Offers(*automatic, "Offer a certificate of deletion on request"));
}

// Assessment error: "only to sub-processors the customer has approved", in a section that gives
// notice of changes and deems the customer to accept unless it objects within 30 days, was
// rated HIGH as specific consent for each sub-processor. That scheme is a general authorisation.
TEST(AssessmentAgainstTheClause, ApprovedListWithNoticeAndDeemedAcceptanceIsGeneral) {
  const std::string notice =
      "Vendor will not hand over any Client Personal Data to a Subprocessor unless Client has "
      "approved the Subprocessor. Vendor will inform Client at least 10 business days in advance "
      "and in writing of any intended changes to the approved Subprocessors. ";
  const std::string deemed =
      "Client has 30 days after notice of a change to the approved Subprocessors to object, "
      "otherwise Client will be deemed to accept the changes.";
  const Report general =
      Scan("# Data Processing Agreement\n\n## 6. Subprocessors\n\n" + notice + deemed + "\n");
  const Finding* f = At(general, 5, "subprocessors");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "authorisation"), "general");
  EXPECT_NE(f->risk, Risk::kHigh);
  EXPECT_FALSE(Has(f->positions, "subprocessors-specific-consent"));
  // Without deemed acceptance the approval of each one stays specific consent.
  const Report specific = Scan("# Data Processing Agreement\n\n## 6. Subprocessors\n\n" + notice +
                               "Client may object to any change.\n");
  const Finding* g = At(specific, 5, "subprocessors");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(Param(*g, "authorisation"), "specific");
  EXPECT_EQ(g->risk, Risk::kHigh);
}

// Assessment error: the UK Addendum to the EU SCCs was named "IDTA", the UK's separate
// agreement. It is the SCCs, amended for UK transfers.
TEST(AssessmentAgainstTheClause, UkAddendumIsTheSccsNotTheIdta) {
  const Report report = Scan(
      "# Data Processing Agreement\n\n"
      "If the UK GDPR protects the transfer, the parties are deemed to have signed the UK "
      "Addendum and its Annexes, which are incorporated by reference.\n\n"
      "For restricted transfers from the United Kingdom the parties will enter into the "
      "International Data Transfer Agreement issued by the Information Commissioner.\n");
  const Finding* addendum = At(report, 3, "international_transfers");
  const Finding* idta = At(report, 5, "international_transfers");
  ASSERT_TRUE(addendum && idta);
  EXPECT_EQ(Param(*addendum, "mechanism"), "SCC");
  EXPECT_EQ(Param(*addendum, "uk_addendum"), "true");
  EXPECT_EQ(Param(*idta, "mechanism"), "IDTA");
}

}  // namespace
}  // namespace clausescan

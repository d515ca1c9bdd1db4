// "you" and "we" name the sides a document gives them: the side opposite to "we" in a document
// that says who "we" are, no side when it does not say, the customer in a document that never
// writes as "we" (issue 11 #3, the second person).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"

namespace clausescan {
namespace {

Report Scan(const std::string& text) {
  Result<RuleSet> rules = RuleSet::Builtin();
  EXPECT_TRUE(rules.ok()) << rules.error().message();
  Result<Report> report = Scanner(*rules, ScanOptions{}).ScanBytes(text, "contract.md");
  EXPECT_TRUE(report.ok()) << report.error().message();
  return report.ok() ? *report : Report{};
}

// The findings of `category` whose clause contains `words`.
std::vector<Finding> On(const Report& report, const std::string& category,
                        const std::string& words) {
  std::vector<Finding> out;
  for (const Finding& f : report.findings) {
    if (f.category == category && f.text.find(words) != std::string::npos) out.push_back(f);
  }
  return out;
}

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.rule + " party=" + f.party + " | " + f.text.substr(0, 60) + "\n";
  }
  return out;
}

// A provider's addendum to its customers: "we" is the provider, "you" the customer.
const char kProviderAddendum[] =
    "# Data Processing Addendum\n\n"
    "This Data Processing Addendum is made between Lumen Cloud Ltd (\"Lumen\", \"we\", \"us\") "
    "and the organisation that accepts it (\"Customer\", \"you\").\n\n"
    "1. We will notify you without undue delay, and in any event within 48 hours, after we "
    "become aware of a Security Incident affecting Customer Personal Data.\n\n"
    "2. You must keep your account passwords confidential and you must encrypt any personal "
    "data you upload to the service.\n\n"
    "3. You may audit our compliance with this Addendum once a year on 30 days' notice.\n";

// A buyer's requirements for its vendors: "we" is the buyer, "you" the vendor.
const char kBuyerRequirements[] =
    "# Vendor Security Requirements\n\n"
    "These requirements apply to every company that processes data for Harbor Retail Group "
    "(\"Harbor\", \"we\", \"us\" or \"our\"). In these requirements \"you\" means the vendor "
    "that signs the purchase order.\n\n"
    "1. You must encrypt our personal data in transit and at rest using industry-standard "
    "encryption.\n\n"
    "2. You must notify us of any security incident affecting our data within 24 hours of "
    "becoming aware of it.\n\n"
    "3. We may audit your facilities and records once a year on 30 days' notice.\n";

// A document that never writes as "we": "you" stays the customer.
const char kNoFirstPerson[] =
    "# Hosting Terms\n\n"
    "These terms are between Acme Hosting Ltd (\"Provider\") and the organisation named in the "
    "order form (\"Customer\").\n\n"
    "1. Provider shall notify Customer within 48 hours after becoming aware of a Security "
    "Incident affecting Customer Personal Data.\n\n"
    "2. You must keep your account passwords confidential and you must encrypt any personal "
    "data you upload to the service.\n";

// issue 11 #3: the provider's addendum keeps today's reading.
TEST(SecondPerson, ProviderAddendumReadsWeAsTheProviderAndYouAsTheCustomer) {
  const Report report = Scan(kProviderAddendum);
  const std::vector<Finding> notice = On(report, "incident_notification", "We will notify you");
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier");
  EXPECT_TRUE(On(report, "security_measures", "You must keep").empty()) << Describe(report);
  const std::vector<Finding> audit = On(report, "audit_rights", "You may audit");
  ASSERT_EQ(audit.size(), 1u) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer");
}

// issue 11 #3: in a buyer's requirements the duties of "you" are the supplier's.
TEST(SecondPerson, BuyerRequirementsReadYouAsTheSupplier) {
  const Report report = Scan(kBuyerRequirements);
  const std::vector<Finding> encrypt = On(report, "security_measures", "You must encrypt");
  ASSERT_FALSE(encrypt.empty()) << Describe(report);
  EXPECT_EQ(encrypt[0].party, "supplier");
  const std::vector<Finding> notice = On(report, "incident_notification", "You must notify us");
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier");
  EXPECT_EQ(notice[0].rule, "incident-notification.window");
  const std::vector<Finding> audit = On(report, "audit_rights", "We may audit");
  ASSERT_EQ(audit.size(), 1u) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer");
}

// issue 11 #3: with no "we" in the document, "you" is the customer as before.
TEST(SecondPerson, DocumentWithoutWeKeepsYouAsTheCustomer) {
  const Report report = Scan(kNoFirstPerson);
  EXPECT_EQ(On(report, "incident_notification", "Provider shall notify").size(), 1u)
      << Describe(report);
  EXPECT_TRUE(On(report, "security_measures", "You must keep").empty()) << Describe(report);
}

}  // namespace
}  // namespace clausescan

// Findings judged against the company profile (issue 13 #2): met / not met / not compared per
// capability, documents and their expiry, SoA gaps, risk adjusted with its reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "report/profile_text.h"
#include "rules/builtin_playbook.h"
#include "scan_text.h"

namespace clausescan {
namespace {

using test_scan::On;
using test_scan::ScanText;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;

CalendarDate Date(const char* text) { return *CalendarDate::Parse(text); }

EvidenceFile Document(const std::string& id, const std::string& title, const char* valid_until) {
  EvidenceFile e;
  e.id = id;
  e.title = title;
  e.file = "evidence/" + id + ".pdf";
  e.path = "/profile/" + e.file;
  e.issued = Date("2024-01-01");
  e.valid_until = Date(valid_until);
  e.sharing = Sharing::kNda;
  return e;
}

// A supplier that notifies within 48 h of confirmation, deletes within 30 days (backups within
// 90), offers reports in lieu of audits and remote audits on 30 days' notice, holds USD 2M cyber
// and USD 1M professional cover, runs at 99.9 % and accepts a cap of 12 months of fees. Its ISO
// certificate expired on 2026-03-01; its SoA excludes A.8.13 and has A.5.24 planned.
Profile Supplier() {
  Profile p;
  p.path = "acme.yaml";
  p.folder = "/profile";
  p.capabilities.notification = NotificationCapability{48, NotificationTrigger::kConfirmation};
  p.capabilities.deletion_days = 30;
  p.capabilities.backups_deleted_within_days = 90;
  p.capabilities.audit = AuditStance{true, true, 30};
  p.capabilities.insurance = {{"cyber", 2000000, "USD", 10}, {"professional", 1000000, "USD", 11}};
  p.capabilities.uptime_percent = 99.9;
  p.capabilities.liability_cap = LiabilityCapStance{12, std::nullopt, ""};
  p.soa = {{"A.8.13", false, ControlStatus::kNotImplemented, "no backups kept", "acme.yaml", 3},
           {"A.5.24", true, ControlStatus::kPlanned, "", "acme.yaml", 4},
           {"A.8.10", true, ControlStatus::kImplemented, "", "acme.yaml", 5}};
  p.evidence = {
      Document("iso-certificate", "ISO 27001 certificate", "2026-03-01"),
      Document("incident-response-procedure", "Incident response procedure", "2027-06-30"),
      Document("insurance-certificate", "Insurance certificate", "2027-03-31")};
  return p;
}

ScanOptions WithProfile(const Profile& profile = Supplier()) {
  ScanOptions options;
  options.profile = std::make_shared<const Profile>(profile);
  options.profile_date = Date("2026-12-06");
  return options;
}

// The finding of category whose clause contains words, scanned with the profile.
Finding Judged(const std::string& text, const std::string& category, const std::string& words,
               const Profile& profile = Supplier()) {
  Report report = ScanText(text, "contract.txt", WithProfile(profile));
  std::vector<Finding> found = On(report, category, words);
  EXPECT_EQ(found.size(), 1u) << text;
  if (found.empty()) return {};
  EXPECT_TRUE(found[0].profile.has_value()) << text;
  if (!found[0].profile) found[0].profile.emplace();  // the checks below fail, not crash
  return found[0];
}

std::string Verdict(const Finding& f) { return f.profile ? f.profile->verdict : "<none>"; }
std::string Summary(const Finding& f) { return f.profile ? f.profile->summary : "<none>"; }

// issue 13 #2: the incident notification window and its trigger, with the numbers on both sides.
TEST(ProfileJudgement, NotificationNotMetFromOccurrence) {
  Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  EXPECT_EQ(f.profile->capability, "notification");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_EQ(Summary(f),
            "you notify within 48 h of confirmation; the clause asks 24 h of occurrence: not met");
}

TEST(ProfileJudgement, NotificationMetWhenLongerWindowFromConfirmation) {
  Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 72 hours after confirming "
      "the Security Incident.\n",
      "incident_notification", "72 hours");
  EXPECT_EQ(Verdict(f), "met");
  EXPECT_EQ(Summary(f),
            "you notify within 48 h of confirmation; the clause asks 72 h of confirmation: met");
}

// Same hours, but the clause's clock (awareness) starts before the profile's (confirmation).
TEST(ProfileJudgement, NotificationTriggerOrderAwarenessStricterThanConfirmation) {
  const std::string text =
      "Supplier shall notify Customer within 48 hours after becoming aware of a Security "
      "Incident.\n";
  EXPECT_EQ(Verdict(Judged(text, "incident_notification", "48 hours")), "not_met");
  Profile aware = Supplier();
  aware.capabilities.notification = NotificationCapability{48, NotificationTrigger::kAwareness};
  EXPECT_EQ(Verdict(Judged(text, "incident_notification", "48 hours", aware)), "met");
  // A supplier counting from occurrence meets a clause counting from awareness.
  Profile occurrence = Supplier();
  occurrence.capabilities.notification =
      NotificationCapability{48, NotificationTrigger::kOccurrence};
  EXPECT_EQ(Verdict(Judged(text, "incident_notification", "48 hours", occurrence)), "met");
  // ... but for one counting from awareness against a clause counting from occurrence, the
  // time from occurrence to awareness decides (issue 13 #2): not "not met" by default.
  Finding later = Judged(
      "Supplier shall notify Customer of any Security Incident within 72 hours of its "
      "occurrence.\n",
      "incident_notification", "72 hours", aware);
  EXPECT_EQ(Verdict(later), "not_compared");
  EXPECT_THAT(Summary(later),
              HasSubstr("depends on the time from occurrence to awareness (met if it is at most "
                        "24 h)"));
}

TEST(ProfileJudgement, NotificationNotComparedWithoutCapability) {
  Profile none = Supplier();
  none.capabilities.notification.reset();
  Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours", none);
  EXPECT_EQ(Verdict(f), "not_compared");
  EXPECT_EQ(f.risk, f.profile->original_risk);
}

TEST(ProfileJudgement, DeletionWithBackups) {
  Finding backups = Judged(
      "Upon termination, Supplier shall delete all Customer Data, including backups, within 30 "
      "days.\n",
      "data_deletion", "30 days");
  EXPECT_EQ(backups.profile->capability, "deletion");
  EXPECT_EQ(Verdict(backups), "not_met");
  EXPECT_THAT(Summary(backups), HasSubstr("backups age out within 90 days"));
  EXPECT_THAT(Summary(backups), HasSubstr("the clause asks deletion within 30 days"));
  Finding live =
      Judged("Upon termination, Supplier shall delete all Customer Data within 60 days.\n",
             "data_deletion", "60 days");
  EXPECT_EQ(Verdict(live), "met");
  EXPECT_EQ(Summary(live),
            "you delete within 30 days and backups age out within 90 days; the clause asks "
            "deletion within 60 days: met");
}

TEST(ProfileJudgement, AuditOnSiteAgainstReportsInLieu) {
  Finding f =
      Judged("Customer may audit Supplier's premises on-site upon 10 days' prior written notice.\n",
             "audit_rights", "on-site");
  EXPECT_EQ(f.profile->capability, "audit");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_EQ(Summary(f),
            "you offer reports in lieu of audits and remote audits, with 30 days' notice; the "
            "clause demands on-site audits with 10 days' notice: not met");
  Profile open = Supplier();
  open.capabilities.audit = AuditStance{false, false, 5};
  EXPECT_EQ(Verdict(Judged("Customer may audit Supplier's premises on-site upon 10 days' prior "
                           "written notice.\n",
                           "audit_rights", "on-site", open)),
            "met");
}

TEST(ProfileJudgement, InsuranceAmountsInTheSameCurrencyOnly) {
  Finding low =
      Judged("Supplier shall maintain cyber liability insurance of at least USD 5,000,000.\n",
             "insurance", "5,000,000");
  EXPECT_EQ(low.profile->capability, "insurance");
  EXPECT_EQ(Verdict(low), "not_met");
  EXPECT_EQ(Summary(low),
            "you hold cyber insurance of USD 2,000,000; the clause asks cyber insurance of USD "
            "5,000,000: not met");
  Finding met =
      Judged("Supplier shall maintain professional indemnity insurance of at least USD 500,000.\n",
             "insurance", "500,000");
  EXPECT_EQ(Verdict(met), "met");
  Finding euro =
      Judged("Supplier shall maintain cyber liability insurance of at least EUR 1,000,000.\n",
             "insurance", "1,000,000");
  EXPECT_EQ(Verdict(euro), "not_compared");
  EXPECT_THAT(Summary(euro), HasSubstr("not compared (currency)"));
  EXPECT_EQ(euro.risk, euro.profile->original_risk);
  Profile uninsured = Supplier();
  uninsured.capabilities.insurance.clear();
  Finding none =
      Judged("Supplier shall maintain cyber liability insurance of at least USD 5,000,000.\n",
             "insurance", "5,000,000", uninsured);
  EXPECT_EQ(Verdict(none), "not_met");
  EXPECT_THAT(Summary(none), HasSubstr("you hold no cyber insurance"));
}

TEST(ProfileJudgement, UptimeMetLowersRiskWithReason) {
  Finding f = Judged("Supplier will make the Service available 99.5% of the time in each month.\n",
                     "sla_uptime", "99.5%");
  EXPECT_EQ(f.profile->capability, "uptime");
  EXPECT_EQ(Verdict(f), "met");
  EXPECT_EQ(Summary(f), "you run at 99.9 %; the clause asks 99.5 %: met");
  EXPECT_EQ(f.profile->original_risk, Risk::kMedium);
  EXPECT_EQ(f.risk, Risk::kLow);
  EXPECT_THAT(f.reasons, Contains(HasSubstr("risk lowered from medium to low")));
  Finding high =
      Judged("Supplier will make the Service available 99.95% of the time in each month.\n",
             "sla_uptime", "99.95%");
  EXPECT_EQ(Verdict(high), "not_met");
}

TEST(ProfileJudgement, LiabilityCapNotMetRaisesRiskWithReason) {
  Finding f = Judged(
      "Supplier's total liability shall not exceed the fees paid in the 24 months preceding "
      "the claim.\n",
      "liability_cap", "24 months");
  EXPECT_EQ(f.profile->capability, "liability_cap");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_EQ(Summary(f),
            "you accept a cap of 12 months of fees; the clause sets 24 months of fees: not met");
  EXPECT_EQ(f.profile->original_risk, Risk::kMedium);
  EXPECT_EQ(f.risk, Risk::kHigh);
  EXPECT_THAT(f.reasons, Contains(HasSubstr("risk raised from medium to high")));
  EXPECT_EQ(Verdict(Judged("Supplier's total liability shall not exceed the fees paid in the 6 "
                           "months preceding the claim.\n",
                           "liability_cap", "6 months")),
            "met");
}

// Risk stays within low..high: a met low stays low, a not-met high stays high.
TEST(ProfileJudgement, RiskStaysWithinLowAndHigh) {
  Finding high = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  EXPECT_EQ(high.profile->original_risk, Risk::kHigh);
  EXPECT_EQ(high.risk, Risk::kHigh);
  Finding low = Judged(
      "Supplier shall notify Customer of any Security Incident within 72 hours after confirming "
      "the Security Incident.\n",
      "incident_notification", "72 hours");
  EXPECT_EQ(low.profile->original_risk, Risk::kLow);
  EXPECT_EQ(low.risk, Risk::kLow);
}

TEST(ProfileJudgement, CategoryWithoutCapabilitySaysNothingAboutMet) {
  Finding f = Judged("This Agreement shall be governed by the laws of England and Wales.\n",
                     "governing_law", "governed");
  EXPECT_EQ(f.profile->capability, "");
  EXPECT_EQ(f.profile->verdict, "");
  EXPECT_EQ(f.profile->summary, "");
  EXPECT_EQ(f.risk, f.profile->original_risk);
}

// A duty the other side owes asks nothing of the supplier's ISMS: no verdict, no documents.
TEST(ProfileJudgement, OtherSidesDutyIsNotJudged) {
  Finding f = Judged(
      "Customer shall notify Supplier of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  EXPECT_EQ(f.side, "them");
  EXPECT_EQ(f.profile->capability, "");
  EXPECT_TRUE(f.profile->documents.empty());
  EXPECT_EQ(f.risk, f.profile->original_risk);
}

TEST(ProfileJudgement, DocumentsValidExpiredAndMissing) {
  Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  // Evidence the notice asks for: incident-response-procedure, breach-notification-template,
  // iso-certificate, soa-excerpt (rules/incident_notification/window.yaml, asks).
  ASSERT_EQ(f.profile->documents.size(), f.evidence.size());
  const auto& docs = f.profile->documents;
  EXPECT_EQ(docs[0].evidence, "incident-response-procedure");
  EXPECT_EQ(docs[0].status, "valid");
  EXPECT_EQ(docs[0].file, "evidence/incident-response-procedure.pdf");
  EXPECT_EQ(docs[1].status, "missing");
  EXPECT_THAT(f.profile->notes,
              Contains(HasSubstr("no document in your profile: Breach notification")));
  // A programme that must comply with ISO 27001 asks for the certificate too, which has expired.
  const Finding programme = Judged(
      "Supplier shall maintain an information security program that complies with ISO/IEC "
      "27001.\n",
      "security_measures", "program");
  const auto iso = std::find_if(
      programme.profile->documents.begin(), programme.profile->documents.end(),
      [](const ProfileDocument& doc) { return doc.evidence == "iso-certificate"; });
  ASSERT_NE(iso, programme.profile->documents.end());
  EXPECT_EQ(iso->status, "expired");
  EXPECT_EQ(iso->valid_until, "2026-03-01");
  EXPECT_THAT(programme.profile->notes, Contains("ISO 27001 certificate expired 2026-03-01"));
}

// issue 13 s8 #2: with an SoA in the profile, the excerpt `pack` generates from it answers
// "soa-excerpt": not "no document in your profile".
TEST(ProfileJudgement, SoaExcerptAnsweredByTheSoa) {
  Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  const auto& docs = f.profile->documents;
  const auto excerpt = std::find_if(docs.begin(), docs.end(), [](const ProfileDocument& d) {
    return d.evidence == "soa-excerpt";
  });
  ASSERT_NE(excerpt, docs.end());
  EXPECT_EQ(excerpt->status, "valid");
  EXPECT_EQ(excerpt->sharing, "nda");
  EXPECT_THAT(excerpt->file, HasSubstr("SoA"));
  for (const std::string& note : f.profile->notes) {
    EXPECT_THAT(note, ::testing::Not(HasSubstr("Applicability")));
  }
  for (const std::string& line : internal::ProfileDocumentLines(*f.profile)) {
    EXPECT_THAT(line, ::testing::Not(HasSubstr("valid until )")));
  }
}

// issue 13 s8 #3: a template's clause with the number left blank gets no met / not met verdict.
TEST(ProfileJudgement, TemplateWithUnfilledPlaceholderIsNotCompared) {
  const std::string text =
      "Each party's total liability will not be more than the greater of $[____] or "
      "{cap_multiplier} times the fees paid or payable in the 12 month period.\n";
  Finding f = Judged(text, "liability_cap", "12 month");
  EXPECT_EQ(Verdict(f), "not_compared");
  EXPECT_THAT(Summary(f), HasSubstr("template: unfilled"));
  EXPECT_EQ(f.risk, f.profile->original_risk);
}

TEST(ProfileJudgement, SoaExcludedAndNotImplementedControls) {
  Finding f = Judged(
      "Upon termination, Supplier shall delete all Customer Data, including backups, within 30 "
      "days.\n",
      "data_deletion", "30 days");
  ASSERT_FALSE(f.profile->gaps.empty());
  EXPECT_EQ(f.profile->gaps[0].control, "A.8.13");
  EXPECT_EQ(f.profile->gaps[0].state, "excluded");
  EXPECT_THAT(f.profile->notes,
              Contains("demands A.8.13 (Information backup), which your SoA excludes: negotiate "
                       "or justify"));
  Finding n = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "incident_notification", "24 hours");
  EXPECT_THAT(n.profile->notes, Contains(HasSubstr("A.5.24")));
  EXPECT_THAT(n.profile->notes, Contains(HasSubstr("has not implemented (planned)")));
}

TEST(ProfileJudgement, ReportNamesTheProfileAndDate) {
  Report report = ScanText("Supplier will make the Service available 99.5% of the time.\n",
                           "contract.txt", WithProfile());
  EXPECT_EQ(report.document.profile, "acme.yaml");
  EXPECT_EQ(report.document.profile_date, "2026-12-06");
}

TEST(ProfileJudgement, NoProfileNoJudgement) {
  Report report =
      ScanText("Supplier will make the Service available 99.5% of the time.\n", "contract.txt");
  ASSERT_FALSE(report.findings.empty());
  EXPECT_FALSE(report.findings[0].profile.has_value());
  EXPECT_EQ(report.document.profile, "");
}

// The library function judges a report scanned without a profile, the same as the option.
TEST(ProfileJudgement, JudgeAgainstProfileOnAReport) {
  Report report =
      ScanText("Supplier will make the Service available 99.5% of the time in each month.\n",
               "contract.txt");
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(Verdict(report.findings[0]), "met");
  EXPECT_EQ(report.findings[0].risk, Risk::kLow);
}

// Judging again starts from the playbook's risk: one level, one reason, however often.
TEST(ProfileJudgement, JudgingTwiceAdjustsOnce) {
  Report report =
      ScanText("Supplier will make the Service available 99.5% of the time in each month.\n",
               "contract.txt");
  Profile weak = Supplier();
  weak.capabilities.uptime_percent = 99.0;
  JudgeAgainstProfile(weak, Date("2026-12-06"), &report);
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);
  ASSERT_EQ(report.findings.size(), 1u);
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.profile->original_risk, Risk::kMedium);
  EXPECT_EQ(f.risk, Risk::kLow);
  EXPECT_EQ(std::count_if(f.reasons.begin(), f.reasons.end(),
                          [](const std::string& r) { return r.rfind("your profile", 0) == 0; }),
            1);
}

// issue 13 #1: with the contract's term known, a valid document that expires before it ends is
// flagged with a note; one valid beyond it, or an expired one, is not; no term flags nothing.
TEST(ProfileJudgement, DocumentsExpiringBeforeTheTermEnds) {
  const std::string text =
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n";
  ScanOptions options = WithProfile();
  options.term_ends = Date("2027-12-31");
  Report report = ScanText(text, "contract.txt", options);
  EXPECT_EQ(report.document.term_ends, "2027-12-31");
  std::vector<Finding> found = On(report, "incident_notification", "24 hours");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].profile.has_value());
  const ProfileJudgement& p = *found[0].profile;
  EXPECT_EQ(p.term_ends, "2027-12-31");
  ASSERT_GE(p.documents.size(), 3u);
  EXPECT_EQ(p.documents[0].evidence, "incident-response-procedure");  // valid to 2027-06-30
  EXPECT_TRUE(p.documents[0].expires_before_term);
  EXPECT_FALSE(p.documents[2].expires_before_term);  // expired already: its own note
  EXPECT_THAT(p.notes, Contains("Incident response procedure expires 2027-06-30, before the "
                                "contract's term ends (2027-12-31): plan its renewal"));

  options.term_ends = Date("2027-06-30");  // the last valid day is the term's last day
  Report within = ScanText(text, "contract.txt", options);
  for (const Finding& f : within.findings) {
    for (const ProfileDocument& d : f.profile->documents) EXPECT_FALSE(d.expires_before_term);
    EXPECT_THAT(f.profile->notes, ::testing::Not(Contains(HasSubstr("term ends"))));
  }
  Report none = ScanText(text, "contract.txt", WithProfile());
  EXPECT_EQ(none.document.term_ends, "");
  for (const Finding& f : none.findings) EXPECT_EQ(f.profile->term_ends, "");
}

// issue 13 #1: the library call takes the term too.
TEST(ProfileJudgement, JudgeAgainstProfileWithTheTerm) {
  Report report = ScanText(
      "Supplier shall notify Customer of any Security Incident within 24 hours of its "
      "occurrence.\n",
      "contract.txt");
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), Date("2028-01-01"), &report);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_THAT(report.findings[0].profile->notes,
              Contains(HasSubstr("before the contract's term ends (2028-01-01)")));
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);  // judged again, no term
  EXPECT_THAT(report.findings[0].profile->notes, ::testing::Not(Contains(HasSubstr("term ends"))));
}

// issue 13 #2 (judgements that are true), 1: a clock that starts on awareness of a term the
// contract defines as a confirmed event starts at confirmation.
TEST(ProfileJudgement, NotificationTriggerReadThroughTheDefinedEvent) {
  Profile p = Supplier();
  p.capabilities.notification = NotificationCapability{36, NotificationTrigger::kConfirmation};
  const std::string defined =
      "1. Definitions\n\n\"Data Breach\" means a confirmed compromise of the security of Client "
      "Data resulting in its loss or disclosure.\n\n2. Notice\n\nVendor will inform Client within "
      "36 hours after it becomes aware of a Data Breach.\n";
  Finding f = Judged(defined, "incident_notification", "36 hours", p);
  EXPECT_EQ(Verdict(f), "met");
  EXPECT_EQ(Summary(f),
            "you notify within 36 h of confirmation; the clause asks 36 h of confirmation: met");
  // Defined as any compromise (confirmed or not): the clock stays on awareness.
  const std::string broad =
      "1. Definitions\n\n\"Data Breach\" means any actual or suspected compromise of the security "
      "of Client Data.\n\n2. Notice\n\nVendor will inform Client within 36 hours after it becomes "
      "aware of a Data Breach.\n";
  EXPECT_THAT(Summary(Judged(broad, "incident_notification", "36 hours", p)),
              HasSubstr("the clause asks 36 h of awareness"));
}

// issue 13 #2, 2: a clock from awareness against a profile's clock from confirmation cannot be
// decided by the hours alone while there is room to confirm; the profile's time to confirm
// decides it, and without it the risk stays.
TEST(ProfileJudgement, NotificationDifferentTriggersDependOnTheTimeToConfirm) {
  const std::string text =
      "Processor shall report any personal data breach to Controller no later than 60 hours "
      "after becoming aware of it.\n";
  Profile p = Supplier();
  p.capabilities.notification = NotificationCapability{40, NotificationTrigger::kConfirmation};
  Finding open = Judged(text, "incident_notification", "60 hours", p);
  EXPECT_EQ(Verdict(open), "not_compared");
  EXPECT_THAT(Summary(open), HasSubstr("depends on the time from awareness to confirmation"));
  EXPECT_EQ(open.risk, open.profile->original_risk);
  p.capabilities.notification->confirm_hours = 4;  // 40 + 4 <= 60
  Finding met = Judged(text, "incident_notification", "60 hours", p);
  EXPECT_EQ(Verdict(met), "met");
  EXPECT_EQ(Summary(met),
            "you notify within 40 h of confirmation and confirm within 4 h of awareness; the "
            "clause asks 60 h of awareness: met");
  p.capabilities.notification->confirm_hours = 24;  // 40 + 24 > 60
  EXPECT_EQ(Verdict(Judged(text, "incident_notification", "60 hours", p)), "not_met");
  // Same trigger: the hours decide.
  p.capabilities.notification = NotificationCapability{40, NotificationTrigger::kAwareness};
  EXPECT_EQ(Verdict(Judged(text, "incident_notification", "60 hours", p)), "met");
}

// issue 13 #2, 3: the cap the profile accepts is the general cap; a separate, higher cap for
// data claims is not compared with it as if it were.
TEST(ProfileJudgement, SuperCapIsNotJudgedAsTheGeneralCap) {
  Finding f = Judged(
      "Notwithstanding the foregoing, for claims arising from a breach of Section 6 (Data "
      "Security), each party's aggregate liability shall not exceed the fees paid in the 24 "
      "months before the claim (the \"Enhanced Cap\").\n",
      "liability_cap", "24 months");
  EXPECT_NE(Verdict(f), "not_met");
  EXPECT_THAT(Summary(f), HasSubstr("super-cap"));
  EXPECT_LE(f.risk, f.profile->original_risk);
}

// issue 13 #2, 4: an on-site audit the section allows only where the reports are not enough
// meets a profile that offers reports in lieu.
TEST(ProfileJudgement, OnSiteAuditOnlyWhereReportsFallShortMeetsReportsInLieu) {
  Finding f = Judged(
      "7.2 Audits\n\nCustomer may request an audit only if the audit reports provided by "
      "Supplier are insufficient to show compliance with this Addendum.\n\nAny such audit shall "
      "be carried out by an independent auditor at Customer's cost, no more than once per year, "
      "and may include a visit to the facilities Supplier controls.\n",
      "audit_rights", "independent auditor");
  EXPECT_EQ(Verdict(f), "met");
  EXPECT_THAT(Summary(f), HasSubstr("only where reports are not enough"));
}

// issue 13 #2, 4: statutory access of a government auditor to records is nobody's audit right.
TEST(ProfileJudgement, StatutoryAccessToRecordsIsNotJudgedAsAnAudit) {
  Report report = ScanText(
      "The Comptroller General of the United States shall have access to and the right to "
      "examine any records of the Contractor involving transactions related to this contract, "
      "including on-site at the Contractor's premises.\n",
      "contract.txt", WithProfile());
  for (const Finding& f : On(report, "audit_rights", "Comptroller")) {
    ASSERT_TRUE(f.profile.has_value());
    EXPECT_EQ(f.profile->capability, "") << f.rule;
    EXPECT_EQ(f.risk, f.profile->original_risk);
  }
  // The item that goes on to say where the records are open to that examination.
  Report items = ScanText(
      "9. Examination of Records\n\n(a) The Inspector General, or an authorized representative "
      "of the Inspector General, shall have the right to examine the Contractor's directly "
      "pertinent records.\n\n(b) The Contractor shall make available at its offices at all "
      "reasonable times the records for examination and audit until 3 years after final "
      "payment.\n",
      "contract.txt", WithProfile());
  const std::vector<Finding> offices = On(items, "audit_rights", "at its offices");
  ASSERT_FALSE(offices.empty());
  for (const Finding& f : offices) {
    ASSERT_TRUE(f.profile.has_value());
    EXPECT_EQ(f.profile->capability, "") << f.rule;
  }
}

// issue 13 #2, 5: cover that the clause names as part of a general liability policy is met by
// that policy.
TEST(ProfileJudgement, CoverIncludedInAnotherPolicyIsNoSeparatePolicy) {
  Profile p = Supplier();
  p.capabilities.insurance.push_back({"general", 3000000, "USD", 12});
  Finding f = Judged(
      "Reseller shall carry commercial general liability insurance, including products and "
      "completed operations coverage, with limits of at least USD 2,000,000 per occurrence.\n",
      "insurance", "2,000,000", p);
  EXPECT_EQ(Verdict(f), "met");
  EXPECT_EQ(Summary(f),
            "you hold general insurance of USD 3,000,000; the clause asks general insurance of "
            "USD 2,000,000: met");
  Finding one_policy = Judged(
      "Distributor shall maintain a commercial general liability insurance policy with limits "
      "of USD 2,000,000 per occurrence for product liability and completed operations.\n",
      "insurance", "2,000,000", p);
  EXPECT_EQ(Verdict(one_policy), "met") << Summary(one_policy);
  // A separate products liability policy is still asked for.
  Finding separate = Judged(
      "Reseller shall carry commercial general liability insurance and products liability "
      "insurance, each with limits of at least USD 2,000,000.\n",
      "insurance", "2,000,000", p);
  EXPECT_EQ(Verdict(separate), "not_met");
}

// issue 13 #2, 5: "all copies" deleted by day N includes backups that age out later.
TEST(ProfileJudgement, DeletingAllCopiesIncludesBackups) {
  // The profile deletes within 30 days, but its backups age out only within 90.
  Finding f = Judged(
      "Within 45 days after the end of the Term, Supplier shall delete all copies of Customer "
      "Data.\n",
      "data_deletion", "45 days");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_THAT(Summary(f), HasSubstr("the clause asks deletion within 45 days of all copies"));
}

// issue 13 s9 #1: "no longer readable or reconstructable to any degree" leaves no copy, backups
// included, even when the deadline sits in the paragraph's certificate sentence.
TEST(ProfileJudgement, NothingReadableToAnyDegreeTakesInBackups) {
  Report report = ScanText(
      "The Contractor is responsible for destroying any agency data to a point where the data "
      "are no longer readable or reconstructable to any degree. The Contractor must certify in "
      "writing within 30 days of termination of the contract that the data destruction "
      "requirements in this paragraph have been met.\n",
      "contract.txt", WithProfile());
  int judged = 0;
  for (const Finding& f : On(report, "data_deletion", "30 days")) {
    ASSERT_TRUE(f.profile.has_value());
    if (f.profile->verdict.empty()) continue;
    ++judged;
    EXPECT_EQ(f.profile->verdict, "not_met") << f.profile->summary;
    EXPECT_THAT(f.profile->summary, HasSubstr("backups"));
  }
  EXPECT_EQ(judged, 1);
}

// issue 13 s9 #1: the deadline of "This must be completed within 30 days" after the clause.
TEST(ProfileJudgement, DeletionDeadlineInTheNextSentence) {
  Finding f = Judged(
      "Media (hard drives, back-up tapes) that contain agency information must be returned to "
      "the agency for destruction or the Contractor must self-certify that the media has been "
      "disposed of. This must be completed within 30 days of termination of the contract.\n",
      "data_deletion", "back-up tapes");
  EXPECT_EQ(f.profile->capability, "deletion");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_THAT(Summary(f), HasSubstr("the clause asks deletion within 30 days including backups"));
}

// issue 13 s9 #1: a once-a-year limit the clause lifts after an incident or where the law
// requires does not meet a supplier that accepts one audit a year.
TEST(ProfileJudgement, LiftedYearlyAuditLimitIsNotMetByOneAuditAYear) {
  Profile once = Supplier();
  once.capabilities.audit = AuditStance{false, false, 30, 1};
  Finding lifted = Judged(
      "Customer may audit Supplier's facilities on 30 days' notice, no more than once annually "
      "(unless required under Data Protection Laws or in connection with a Security "
      "Incident).\n",
      "audit_rights", "once annually", once);
  EXPECT_EQ(Verdict(lifted), "not_met") << Summary(lifted);
  EXPECT_THAT(Summary(lifted), HasSubstr("more often after an incident"));
  Finding kept = Judged(
      "Customer may audit Supplier's facilities on 30 days' notice, no more than once "
      "annually.\n",
      "audit_rights", "once annually", once);
  EXPECT_EQ(Verdict(kept), "met") << Summary(kept);
}

// issue 13 s9 #1: an assessment on 10 working days' notice that only counts the Inspector
// General among the agency's assessors is contractual, judged against the audit stance.
TEST(ProfileJudgement, AssessmentIncludingTheInspectorGeneralIsContractual) {
  Finding f = Judged(
      "With 10 working-days' notice, at the request of the government, the Contractor must "
      "fully cooperate and assist in a government-sponsored security controls assessment at "
      "each location, including those initiated by the Office of Inspector General.\n",
      "audit_rights", "security controls assessment");
  EXPECT_EQ(f.profile->capability, "audit");
  EXPECT_EQ(Verdict(f), "not_met") << Summary(f);
  EXPECT_THAT(Summary(f), HasSubstr("10 days' notice"));
}

// issue 13 s9 #1: notice "immediately" is not met by a window of 48 hours.
TEST(ProfileJudgement, ImmediateNoticeIsNotMetByAWindowOfHours) {
  Finding f = Judged(
      "The Contractor shall immediately notify the Contracting Officer of any security "
      "incident.\n",
      "incident_notification", "immediately");
  EXPECT_EQ(f.profile->capability, "notification");
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_EQ(Summary(f),
            "you notify within 48 h of confirmation; the clause asks notice immediately: not met");
}

// issue 13 s8 #1: results the Government "may, at its discretion" accept in lieu of its own
// scans give the supplier no reports in lieu of the Government's access to its facilities: the
// access within 72 hours of a request is not met by a profile that asks 30 days' notice.
TEST(ProfileJudgement, DiscretionaryAcceptanceOfScanResultsIsNoReportsInLieuOfAccess) {
  const std::string text =
      "Additional Stipulations\n-----------------------\n\n3. The Government has the right to "
      "perform manual or automated audits, scans, reviews, or other inspections of the vendor's "
      "IT environment. The Contractor shall afford the Government access to the Contractor's "
      "facilities, installations, operations, documentation, records, and databases within 72 "
      "hours of the request.\n\n4. Automated scans can be performed by Government personnel, "
      "using Government specified tools. If the vendor chooses to run its own automated scans or "
      "audits, results from these scans may at the Government's discretion, be accepted in lieu "
      "of Government performed vulnerability scans.\n";
  Finding f = Judged(text, "audit_rights", "within 72 hours");
  EXPECT_EQ(f.profile->capability, "audit");
  EXPECT_EQ(Verdict(f), "not_met") << Summary(f);
  EXPECT_THAT(Summary(f), Not(HasSubstr("only where reports are not enough")));
  EXPECT_EQ(f.profile->original_risk, Risk::kHigh);
  EXPECT_EQ(f.risk, Risk::kHigh);
}

// issue 13 s8 #2: periodic, unannounced assessments by the agency (the Inspector General counted
// among its own assessors) are not met by a profile that asks 30 days' notice.
TEST(ProfileJudgement, UnannouncedAssessmentsAreNotMetByANoticePeriod) {
  Finding periodic = Judged(
      "Contractor procedures are subject to periodic, unannounced assessments by VA officials, "
      "including the VA Office of Inspector General.\n",
      "audit_rights", "unannounced");
  EXPECT_EQ(periodic.profile->capability, "audit");
  EXPECT_EQ(Verdict(periodic), "not_met") << Summary(periodic);
  EXPECT_THAT(Summary(periodic), HasSubstr("without notice"));
  Finding shorter = Judged(
      "The government may conduct a security control assessment on shorter notice, to include "
      "unannounced assessments, as determined by VA in the event of a security incident or at "
      "any other time.\n",
      "audit_rights", "unannounced");
  EXPECT_EQ(shorter.profile->capability, "audit");
  EXPECT_EQ(Verdict(shorter), "not_met") << Summary(shorter);
  // A supplier that states no notice period accepts them.
  Profile any_time = Supplier();
  any_time.capabilities.audit = AuditStance{false, false, std::nullopt};
  EXPECT_EQ(Verdict(Judged("Contractor procedures are subject to periodic, unannounced "
                           "assessments by VA officials.\n",
                           "audit_rights", "unannounced", any_time)),
            "met");
}

// issue 13 s8 #3: the category's generic reason ("no deadline under 30 days", "do not demand
// that backups be purged early") goes when the profile's verdict reads the clause as deleting
// all copies, backups included, within 30 days.
TEST(ProfileJudgement, GenericDeletionReasonGoesWhenTheVerdictReadsBackupsIncluded) {
  const std::string text =
      "11.2 Deletion and Return\n\nSupplier shall, if requested to do so by Customer within "
      "thirty (30) days of expiry of the Agreement (the \"Retention Period\"), provide a copy of "
      "all Covered Data in such commonly used format as requested by Customer. On expiry of the "
      "Retention Period, Supplier shall delete all copies of Covered Data Processed by Supplier "
      "or any Authorized Sub-processors.\n";
  const auto generic = HasSubstr("do not demand that backups be purged");
  // Without a profile the clause is read as taking in backups by its own position (every copy
  // within 30 days), not by the category's generic reason.
  Report plain = ScanText(text, "contract.txt");
  std::vector<Finding> unjudged = On(plain, "data_deletion", "Retention Period");
  ASSERT_EQ(unjudged.size(), 1u);
  EXPECT_THAT(unjudged[0].reasons, Contains(HasSubstr("takes in backups")));
  EXPECT_THAT(unjudged[0].reasons, Not(Contains(generic)));
  Finding f = Judged(text, "data_deletion", "Retention Period");
  EXPECT_EQ(Verdict(f), "not_met") << Summary(f);
  EXPECT_THAT(Summary(f), HasSubstr("backups included"));
  EXPECT_THAT(f.reasons, Not(Contains(generic)));
}

// issue 13 s8 #3: the generic reason removed is the built-in playbook's data_deletion
// default_reason, read from rules/playbook.yaml: a clause no position judged, whose 20-day
// deadline the verdict reads, loses it and keeps its other reasons.
TEST(ProfileJudgement, GenericDeletionReasonIsThePlaybooksDefaultReason) {
  const std::string generic = internal::BuiltinDefaultReason("data_deletion");
  ASSERT_THAT(generic, HasSubstr("no deadline under 30 days"));
  Report report;
  Finding f;
  f.rule = "data-deletion.deletion";
  f.category = "data_deletion";
  f.risk = Risk::kLow;
  f.parameters["delete_days"] = 20.0;
  f.reasons = {generic, "another reason"};
  report.findings = {f};
  JudgeAgainstProfile(Supplier(), *CalendarDate::Parse("2026-12-07"), &report);
  ASSERT_TRUE(report.findings[0].profile.has_value());
  EXPECT_EQ(report.findings[0].reasons.front(), "another reason");
  EXPECT_THAT(report.findings[0].reasons, Not(Contains(generic)));
}

// issue 13 s8 #1: access to the facilities within 72 hours of a request gives less than the 30
// days' notice a supplier that accepts audits asks for.
TEST(ProfileJudgement, AccessWithinHoursOfARequestIsNotMetByANoticePeriod) {
  Profile notice = Supplier();
  notice.capabilities.audit = AuditStance{false, false, 30};
  Finding f = Judged(
      "The Contractor shall afford the Government access to the Contractor's facilities, "
      "installations, operations, documentation, records, and databases within 72 hours of the "
      "request.\n",
      "audit_rights", "within 72 hours", notice);
  EXPECT_EQ(Verdict(f), "not_met") << Summary(f);
  EXPECT_THAT(Summary(f), HasSubstr("within 72 h of a request"));
  EXPECT_EQ(f.risk, Risk::kHigh);
  // Access within 45 days of a request leaves the 30 days' notice.
  EXPECT_EQ(Verdict(Judged("The Contractor shall afford the Government access to the "
                           "Contractor's facilities within 45 days of the request.\n",
                           "audit_rights", "within 45 days", notice)),
            "met");
}

// issue 13 s9 #5: the terms a paragraph states in a sentence of their own ("all such audits
// will be conducted upon 30 days' notice") are the terms of the audit it grants: the verdict
// goes to the sentence that grants the audit, judged with them, and not to the conditions.
TEST(ProfileJudgement, AuditTermsOfAParagraphAreJudgedWithTheSentenceThatGrantsTheAudit) {
  Report report = ScanText(
      "9.3 Customer Audits\n\nWhere the Audit Reports do not give Customer the information it "
      "needs, Customer may audit Supplier's compliance with this Addendum no more than once per "
      "calendar year. The Parties agree that all such audits will be conducted upon at least "
      "thirty (30) days' written notice to Supplier and only during normal business hours.\n",
      "contract.txt", WithProfile());
  const std::vector<Finding> grant = On(report, "audit_rights", "once per calendar year");
  const std::vector<Finding> conditions = On(report, "audit_rights", "all such audits");
  ASSERT_EQ(grant.size(), 1u);
  ASSERT_EQ(conditions.size(), 1u);
  ASSERT_TRUE(grant[0].profile && conditions[0].profile);
  EXPECT_EQ(grant[0].profile->capability, "audit");
  EXPECT_EQ(grant[0].profile->verdict, "met") << grant[0].profile->summary;
  EXPECT_THAT(grant[0].profile->summary, HasSubstr("at most once a year"));
  EXPECT_THAT(grant[0].profile->summary, HasSubstr("30 days' notice"));
  EXPECT_EQ(conditions[0].profile->capability, "") << conditions[0].profile->summary;
  // The other side's undertaking to audit only through the reports below is the grant's term.
  Report reports = ScanText(
      "5.1 Audit Rights. Provider will allow for and contribute to audits, including inspections "
      "by Customer, to assess Provider's compliance with this DPA. Customer agrees that it will "
      "only exercise its audit rights under this DPA by instructing Provider to comply with the "
      "reporting requirements below.\n",
      "contract.txt", WithProfile());
  const std::vector<Finding> allow = On(reports, "audit_rights", "contribute to audits");
  ASSERT_EQ(allow.size(), 1u);
  ASSERT_TRUE(allow[0].profile);
  EXPECT_EQ(allow[0].profile->verdict, "met") << allow[0].profile->summary;
  EXPECT_THAT(allow[0].profile->summary, HasSubstr("accepts reports in lieu of audits"));
}

// The ids of a finding's controls, gaps and documents.
std::vector<std::string> ControlIds(const Finding& f) {
  std::vector<std::string> ids;
  for (const Control& c : f.controls) ids.push_back(c.id);
  return ids;
}
std::vector<std::string> GapIds(const Finding& f) {
  std::vector<std::string> ids;
  if (f.profile) {
    for (const ControlGap& gap : f.profile->gaps) ids.push_back(gap.control);
  }
  return ids;
}
std::vector<std::string> DocumentIds(const Finding& f) {
  std::vector<std::string> ids;
  if (f.profile) {
    for (const ProfileDocument& doc : f.profile->documents) ids.push_back(doc.evidence);
  }
  return ids;
}

// issue 13 s10 #1: judged against a profile, a sentence asks only for the controls and documents
// of what it says (rule `asks`): keys in a hardware module ask for cryptography, not for physical
// entry (excluded in this SoA) nor a backup policy (expired here); a report without a profile
// still lists every control of the rule.
TEST(ProfileJudgement, SentenceAsksOnlyForTheControlsOfWhatItSays) {
  Profile profile = Supplier();
  profile.soa.push_back({"A.7.2", false, ControlStatus::kNotImplemented, "no premises",
                         "acme.yaml", 6});
  profile.soa.push_back({"A.8.24", true, ControlStatus::kPartial, "", "acme.yaml", 7});
  profile.evidence.push_back(Document("backup-policy", "Backup policy", "2026-01-31"));
  const std::string text =
      "Provider encrypts Customer Data at rest, with the keys held in a hardware security "
      "module.\n";
  const Finding f = Judged(text, "security_measures", "hardware security", profile);
  EXPECT_THAT(ControlIds(f), ElementsAre("A.8.24"));
  EXPECT_THAT(GapIds(f), ElementsAre("A.8.24"));
  EXPECT_THAT(DocumentIds(f), Contains("encryption-policy"));
  EXPECT_THAT(DocumentIds(f), Not(Contains("backup-policy")));
  for (const std::string& note : f.profile->notes) {
    EXPECT_THAT(note, Not(HasSubstr("Backup policy"))) << note;
    EXPECT_THAT(note, Not(HasSubstr("A.7.2"))) << note;
  }
  const Report plain = ScanText(text, "contract.txt", ScanOptions{});
  const std::vector<Finding> found = On(plain, "security_measures", "hardware security");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(ControlIds(found[0]), Contains("A.7.2"));
}

// issue 13 s10 #3: a report scanned without a profile, judged by the library with its rule set
// (JudgeAgainstProfile with a RuleSet, BuildPack with PackOptions::rules), lists only what its
// clause asks, as a scan with a profile does; without the rule set, every control it lists.
TEST(ProfileJudgement, LibraryJudgementWithTheRuleSetNarrowsAsAScanDoes) {
  Profile profile = Supplier();
  profile.soa.push_back({"A.7.2", false, ControlStatus::kNotImplemented, "no premises",
                         "acme.yaml", 6});
  const std::string text =
      "Provider encrypts Customer Data at rest, with the keys held in a hardware security "
      "module.\n";
  const CalendarDate on = *CalendarDate::Parse("2026-12-06");
  Report with_rules = ScanText(text, "contract.txt", ScanOptions{});
  Report without_rules = with_rules;
  JudgeAgainstProfile(test_scan::BuiltinRules(), profile, on, std::nullopt, "", &with_rules);
  JudgeAgainstProfile(profile, on, &without_rules);
  const std::vector<Finding> narrowed = On(with_rules, "security_measures", "hardware security");
  const std::vector<Finding> all = On(without_rules, "security_measures", "hardware security");
  ASSERT_EQ(narrowed.size(), 1u);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_THAT(ControlIds(narrowed[0]), ElementsAre("A.8.24"));
  EXPECT_THAT(GapIds(narrowed[0]), Not(Contains("A.7.2")));
  EXPECT_THAT(GapIds(all[0]), Contains("A.7.2"));
  // Judging again with the rule set changes nothing.
  Report twice = with_rules;
  JudgeAgainstProfile(test_scan::BuiltinRules(), profile, on, std::nullopt, "", &twice);
  EXPECT_THAT(ControlIds(On(twice, "security_measures", "hardware security")[0]),
              ElementsAre("A.8.24"));

  const Report plain = ScanText(text, "contract.txt", ScanOptions{});
  PackOptions options;
  options.as_of = on;
  const Pack whole = BuildPack({plain}, profile, options);
  options.rules = test_scan::BuiltinRules();
  const Pack asked = BuildPack({plain}, profile, options);
  auto controls_of = [](const Pack& pack) {
    std::vector<std::string> ids;
    for (const PackClause& clause : pack.clauses) {
      if (clause.category == "security_measures") {
        ids.insert(ids.end(), clause.controls.begin(), clause.controls.end());
      }
    }
    return ids;
  };
  EXPECT_THAT(controls_of(whole), Contains("A.7.2"));
  EXPECT_THAT(controls_of(asked), ElementsAre("A.8.24"));
}

// issue 13 s10 #1 (asks16): the rules with long control lists ask for what their sentence says.
// A media-disposal sentence asks for no backups (A.8.13, which the SoA excludes), one on backups
// does; a notice clause asks for no assessment of events unless it speaks of suspected
// incidents; a programme that must comply with ISO 27001 asks for compliance
// (A.5.36), not encryption or monitoring.
TEST(ProfileJudgement, LongControlListsAskForWhatTheSentenceSays) {
  struct Case {
    std::string text, category, words;
    std::vector<std::string> asked, not_asked;  // control or evidence ids
  };
  const std::vector<Case> cases = {
      {"Supplier shall securely destroy all storage media that has held Customer Data at the end "
       "of the life of that media.\n",
       "data_deletion", "storage media", {"A.8.10", "A.7.14"}, {"A.8.13", "backup-policy"}},
      {"Supplier shall delete all Customer Data, including backups, within 30 days after "
       "termination.\n",
       "data_deletion", "backups", {"A.8.10", "A.8.13", "backup-policy"}, {"A.7.14"}},
      {"Supplier shall notify Customer within 48 hours after becoming aware of a Security "
       "Incident.\n",
       "incident_notification", "48 hours", {"A.5.24", "A.5.26"}, {"A.5.25", "A.5.20"}},
      {"Supplier shall notify Customer within 48 hours after becoming aware of any suspected "
       "Security Incident.\n",
       "incident_notification", "48 hours", {"A.5.25"}, {"A.5.20"}},
      {"Supplier shall maintain an information security program that complies with ISO/IEC "
       "27001.\n",
       "security_measures", "program", {"A.5.1", "A.5.36"}, {"A.8.24", "A.8.16"}},
  };
  for (const Case& c : cases) {
    const Finding f = Judged(c.text, c.category, c.words);
    std::vector<std::string> ids = ControlIds(f);
    for (const std::string& id : DocumentIds(f)) ids.push_back(id);
    for (const std::string& id : GapIds(f)) ids.push_back(id);
    EXPECT_THAT(ids, IsSupersetOf(c.asked)) << c.text;
    for (const std::string& id : c.not_asked) EXPECT_THAT(ids, Not(Contains(id))) << c.text;
  }
}

// issue 13 s10 #1: evidence collection (A.5.28) and lessons learned (A.5.27) are asked by an
// incident clause that speaks of them, not by one on disclosure.
TEST(ProfileJudgement, IncidentClauseAsksForEvidenceCollectionOnlyWhenItSpeaksOfIt) {
  const Finding disclosure = Judged(
      "Provider will not disclose information related to a Security Incident to any third party "
      "except as required by applicable law.\n",
      "incident_notification", "disclose");
  EXPECT_THAT(ControlIds(disclosure), Not(Contains("A.5.28")));
  EXPECT_THAT(ControlIds(disclosure), Not(Contains("A.5.27")));
  EXPECT_THAT(DocumentIds(disclosure), Not(Contains("post-incident-report-template")));
  const Finding forensic = Judged(
      "Provider shall preserve forensic evidence of each Security Incident and give Customer a "
      "written report of its root cause.\n",
      "incident_notification", "forensic");
  EXPECT_THAT(ControlIds(forensic), IsSupersetOf({"A.5.27", "A.5.28"}));
  EXPECT_THAT(DocumentIds(forensic), Contains("post-incident-report-template"));
}

// issue 13 s10 #6: a clause whose clock starts at awareness, not met, still says the profile's
// time to confirm; a document that expires within 90 days is said, as `profile check` says it.
TEST(ProfileJudgement, NotMetNotificationSaysTheTimeToConfirm) {
  Profile p = Supplier();
  p.capabilities.notification->confirm_hours = 2;
  const Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 24 hours after becoming "
      "aware of it.\n",
      "incident_notification", "24 hours", p);
  EXPECT_EQ(Verdict(f), "not_met");
  EXPECT_EQ(Summary(f),
            "you notify within 48 h of confirmation and confirm within 2 h of awareness; the "
            "clause asks 24 h of awareness: not met");
}

TEST(ProfileJudgement, DocumentExpiringWithin90DaysIsSaid) {
  Profile p = Supplier();
  p.evidence[1].valid_until = Date("2027-01-15");  // the incident response procedure
  const Finding f = Judged(
      "Supplier shall notify Customer of any Security Incident within 72 hours after confirming "
      "it.\n",
      "incident_notification", "72 hours", p);
  EXPECT_THAT(f.profile->notes,
              Contains("Incident response procedure expires on 2027-01-15 (in 40 days): renew it"));
  for (const ProfileDocument& doc : f.profile->documents) {
    EXPECT_EQ(doc.expires_in_days, doc.evidence == "incident-response-procedure" ? 40 : -1)
        << doc.evidence;
  }
  p.evidence[1].valid_until = Date("2027-06-30");
  const Finding later = Judged(
      "Supplier shall notify Customer of any Security Incident within 72 hours after confirming "
      "it.\n",
      "incident_notification", "72 hours", p);
  for (const std::string& note : later.profile->notes) {
    EXPECT_THAT(note, Not(HasSubstr("Incident response procedure expires"))) << note;
  }
  for (const ProfileDocument& doc : later.profile->documents) {
    EXPECT_EQ(doc.expires_in_days, -1) << doc.evidence;
  }
}

// issue 13 s10 #7: an SLA whose target stands in a table row ("Uptime target | 99.95% or more")
// is judged against the uptime the profile runs; a credit tier's range is no target.
TEST(ProfileJudgement, TargetOfAnSlaTableIsJudged) {
  Finding table;
  table.rule = "sla-uptime.credits";
  table.category = "sla_uptime";
  table.side = "us";
  table.holds = "duty";
  table.risk = Risk::kMedium;
  table.text =
      "| **Uptime target** | 99.95% or more | no credit |\n"
      "| Credit tier A | 99.0% - 99.94% | 10% of the monthly fees |\n";
  Report report;
  report.findings = {table};
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);  // runs at 99.9 %
  EXPECT_EQ(Verdict(report.findings[0]), "not_met");
  EXPECT_EQ(Summary(report.findings[0]),
            "you run at 99.9 %; the clause's table sets a target of 99.95 %: not met");
  report.findings[0].text =
      "| Service availability commitment: | 99.5 % | none |\n| Credit tier A | 99% | 5% |\n";
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);
  EXPECT_EQ(Verdict(report.findings[0]), "met");
  report.findings[0].text = "| Credit tier A | 99.0% - 99.94% | 10% of the monthly fees |\n";
  JudgeAgainstProfile(Supplier(), Date("2026-12-06"), &report);
  EXPECT_EQ(Verdict(report.findings[0]), "");
}

// The judgement of the one audit finding of report whose clause contains words; empty (and a
// failed check) when there is not exactly one.
ProfileJudgement AuditJudgementOf(const Report& report, const std::string& words) {
  const std::vector<Finding> found = On(report, "audit_rights", words);
  EXPECT_EQ(found.size(), 1u) << words;
  if (found.size() != 1 || !found[0].profile) return {};
  return *found[0].profile;
}

// issue 13 s10 #2: an audit clause (a section's lettered items) gets one verdict from all its
// terms: the yearly limit of (c), lifted after an incident, makes the whole clause not met, and
// no item of it reads "met" from the reports of (b).
TEST(ProfileJudgement, AuditClauseOfLetteredItemsGetsOneVerdict) {
  Profile p = Supplier();
  p.capabilities.audit->per_year = 1;
  Report report = ScanText(
      "7.3 Customer Audits\n\n"
      "(a) The Client may audit the Vendor's compliance with this Addendum at the Client's own "
      "expense.\n\n"
      "(b) The Client may use this audit right only where the Vendor's audit reports do not show "
      "its compliance, or after a Security Incident.\n\n"
      "(c) Each audit will be an on-site inspection during business hours, no more than once a "
      "year (unless a Security Incident occurs or Data Protection Laws require otherwise).\n",
      "contract.txt", WithProfile(p));
  std::vector<std::string> verdicts, summaries;
  for (const Finding& f : report.findings) {
    if (f.category != "audit_rights" || !f.profile || f.profile->verdict.empty()) continue;
    verdicts.push_back(f.profile->verdict);
    summaries.push_back(f.profile->summary);
  }
  ASSERT_FALSE(verdicts.empty());
  EXPECT_THAT(verdicts, ::testing::Each("not_met")) << ::testing::PrintToString(summaries);
  EXPECT_THAT(summaries[0], HasSubstr("more often after an incident"));
}

// The terms an audit clause states in another sentence are judged with the sentence that grants
// the audit. issue 13 s10 #8: a paragraph wrapped over several lines is one paragraph: the terms
// on its second line are the grant's. s11 #6: the access within hours of a request that an item
// of the clause sets is in the one verdict of the clause, given at its first grant.
TEST(ProfileJudgement, AuditTermsInOtherSentencesAreInTheGrantsVerdict) {
  struct Case {
    std::string text, grant_words;  // the clause, and words of its sentence that grants the audit
    std::string verdict, says;      // the grant's verdict, and words of its summary
  };
  for (const Case& c : std::vector<Case>{
           {"9.3 Customer Audits\n\nCustomer may audit Supplier's compliance with this Addendum "
            "no more than once per calendar year.\nThe Parties agree that all such audits will "
            "be conducted upon at least thirty (30) days'\nwritten notice to Supplier.\n",
            "once per calendar year", "met", "30 days' notice"},
           {"3. Audits\n\nThe Government has the right to perform manual or automated audits, "
            "scans, reviews, or other inspections of the vendor's IT environment.\n\n(a) The "
            "Contractor shall afford the Government access to the Contractor's facilities, "
            "installations, operations, documentation, records, and databases within 72 hours "
            "of the request.\n",
            "right to perform", "not_met", "within 72 h of a request"}}) {
    const ProfileJudgement grant =
        AuditJudgementOf(ScanText(c.text, "contract.txt", WithProfile()), c.grant_words);
    EXPECT_EQ(grant.verdict, c.verdict) << grant.summary;
    EXPECT_THAT(grant.summary, HasSubstr(c.says));
  }
}

// issue 13 s11 #1: a notification window set by a term the contract fills in elsewhere ("within
// the Breach Notification Period", a cover-page term) is compared with nothing and says so, with
// the term; a window in figures is still compared.
TEST(ProfileJudgement, WindowSetByACoverPageTermIsNotComparedAndNamesTheTerm) {
  Finding f = Judged(
      "4.1 Breach Reporting. Provider will report to Company within the Breach Notification "
      "Period any Security Incident of which Provider becomes aware.\n",
      "incident_notification", "Breach Notification", Supplier());
  EXPECT_EQ(Verdict(f), "not_compared") << Summary(f);
  EXPECT_THAT(Summary(f), HasSubstr("within the Breach Notification Period"));
  EXPECT_THAT(Summary(f), HasSubstr("not compared: check the figure"));
  EXPECT_EQ(f.risk, f.profile->original_risk);
  // The term marked up as the Common Paper forms mark their cover-page terms.
  EXPECT_THAT(Summary(Judged("4.1 Breach Reporting. Provider will report to Company within the "
                             "<span class=\"keyterms_link\">Breach Notification Period</span> "
                             "any Security Incident of which Provider becomes aware.\n",
                             "incident_notification", "Notification Period", Supplier())),
              HasSubstr("within the Breach Notification Period, a term it gives no figure"));
  EXPECT_EQ(Verdict(Judged("4.1 Breach Reporting. Provider will report to Company within 24 hours "
                           "any Security Incident of which Provider becomes aware.\n",
                           "incident_notification", "24 hours", Supplier())),
            "not_met");
}

// issue 13 s11 #6: a yearly limit on requests for information (questionnaires, due diligence)
// is no limit on audits: the clause is not judged as allowing audits once a year.
TEST(ProfileJudgement, YearlyLimitOnInformationRequestsIsNoAuditFrequency) {
  Report report = ScanText(
      "5.3 Due Diligence. Besides its Report, the Supplier will answer reasonable requests for "
      "information about its security, including due diligence and audit questionnaires. Such "
      "requests must be made to the Supplier's security team in writing and may only be made "
      "once a year.\n",
      "contract.txt", WithProfile());
  std::size_t audit_findings = 0;
  for (const Finding& f : report.findings) {
    if (f.category != "audit_rights") continue;
    ++audit_findings;
    ASSERT_TRUE(f.profile.has_value());
    EXPECT_THAT(f.profile->summary, Not(HasSubstr("once a year"))) << f.rule;
  }
  EXPECT_GT(audit_findings, 0u);
}

}  // namespace
}  // namespace clausescan

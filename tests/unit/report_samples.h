// Hand-built reports shared by the printer tests: small enough to write expected output by
// hand, varied enough to reach every branch (several documents, risks, missing clauses).
#ifndef CLAUSESCAN_TESTS_UNIT_REPORT_SAMPLES_H_
#define CLAUSESCAN_TESTS_UNIT_REPORT_SAMPLES_H_

#include <string>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::samples {

inline Finding NoticeFinding() {
  Finding f;
  f.rule = "incident-notification.window";
  f.category = "incident_notification";
  f.title = "Security incident notification";
  f.start = 120;
  f.end = 205;
  f.line = 12;
  f.column = 5;
  f.section = "7. Security Incidents";
  f.text = "Supplier shall notify Customer within twenty-four (24)\nhours of its occurrence.";
  f.context_before = "7.1 ";
  f.context_after = " Notices go to the security contact.";
  f.party = "supplier";
  f.parameters = {{"window_hours", 24.0}, {"trigger", std::string("occurrence")}};
  f.risk = Risk::kHigh;
  f.reasons = {"the clock starts at occurrence (position notify-from-occurrence)"};
  f.positions = {"notify-from-occurrence"};
  f.controls = {{"A.5.24", "Incident management planning"}, {"A.5.26", "Response to incidents"}};
  f.evidence = {{"incident-response-procedure", "Incident response procedure",
                 "How you detect, triage and close incidents."},
                {"soa-excerpt", "Statement of Applicability excerpt", "The SoA rows."}};
  f.considerations = {"Start the clock at awareness."};
  return f;
}

inline Finding DeletionFinding() {
  Finding f;
  f.rule = "data-deletion.end-of-contract";
  f.category = "data_deletion";
  f.title = "Deletion at the end of the contract";
  f.start = 900;
  f.end = 959;
  f.line = 40;
  f.column = 1;
  f.text = "Provider will delete Customer Data within 30 days, backups included.";
  f.party = "supplier";
  f.parameters = {{"period_days", 30.0}, {"backups", true}};
  f.risk = Risk::kLow;
  f.reasons = {"30 days leaves time for backups to age out"};
  f.controls = {{"A.8.10", "Information deletion"}, {"A.5.9", "Inventory of information"}};
  f.evidence = {{"deletion-procedure", "Data deletion procedure", "How data is removed."},
                {"soa-excerpt", "Statement of Applicability excerpt", "The SoA rows."}};
  return f;
}

inline Finding InsuranceFinding() {
  Finding f;
  f.rule = "insurance.cyber";
  f.category = "insurance";
  f.title = "Cyber insurance";
  f.start = 10;
  f.end = 70;
  f.line = 3;
  f.column = 1;
  f.section = "14. Insurance";
  f.text = "Supplier shall maintain cyber insurance of at least USD 5,000,000.";
  f.party = "supplier";
  f.parameters = {{"amount", 5000000.0},
                  {"currency", std::string("USD")},
                  {"types", std::vector<std::string>{"cyber"}}};
  f.risk = Risk::kMedium;
  f.reasons = {"USD 5000000 is above the 2000000 a small supplier usually carries"};
  f.controls = {{"A.5.20", "Supplier agreements"}};
  f.evidence = {{"insurance-certificate", "Certificate of insurance", "Proof of cover."}};
  f.considerations = {"Offer USD 2,000,000."};
  return f;
}

// contracts/dpa.md: a high and a low finding and a missing clause.
inline Report DpaReport() {
  Report r;
  r.document = {"contracts/dpa.md", "md", "dpa", 2048};
  r.findings = {NoticeFinding(), DeletionFinding()};
  r.missing = {{"audit_rights", "A DPA normally lets the customer audit.", Risk::kMedium}};
  r.notes = {"Looks like a data processing agreement."};
  return r;
}

// msa.txt: one medium finding.
inline Report MsaReport() {
  Report r;
  r.document = {"msa.txt", "txt", "msa", 512};
  r.findings = {InsuranceFinding()};
  return r;
}

inline std::vector<Report> TwoReports() { return {DpaReport(), MsaReport()}; }

}  // namespace clausescan::samples

#endif  // CLAUSESCAN_TESTS_UNIT_REPORT_SAMPLES_H_

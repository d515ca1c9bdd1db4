// The example profile `clausescan profile init` writes.
#include "clausescan/profile.h"

namespace clausescan {

std::string ExampleProfileText() {
  return R"(# A clausescan company profile (docs/profile.md): what your ISMS already has, so that
# contracts can be judged against it. Check it with: clausescan profile check FILE
# Every path is relative to this file's folder and must stay inside it.

# Statement of Applicability: one row per ISO/IEC 27001:2022 Annex A control
# (`clausescan controls` lists them). Excluded controls need a justification.
soa:
  - {control: A.5.19, applicable: true, status: implemented}
  - {control: A.5.24, applicable: true, status: implemented}
  - {control: A.5.30, applicable: true, status: partial}
  - control: A.7.4
    applicable: false
    justification: "No premises of our own: we work from a managed office and the cloud."
# Or import the SoA from a CSV export with a header row
# (control, applicable, status, justification):
# soa_csv: soa.csv

# Evidence: the documents that answer buyers' questions. `id` is an id of the evidence
# catalogue (docs/profile.md) or your own id with a `title`. `sharing` says who may see it:
# public, nda (under a non-disclosure agreement) or internal (never leaves the company; give
# a `redacted` copy that may be shared, if you have one).
evidence: []
#  - id: iso-certificate
#    file: evidence/iso27001-certificate.txt
#    issued: 2025-03-01
#    valid_until: 2028-02-28
#    sharing: public
#  - id: pen-test-summary
#    file: evidence/pentest-2025.pdf
#    issued: 2025-09-15
#    valid_until: 2026-09-15
#    sharing: internal
#    redacted: evidence/pentest-2025-redacted.pdf

# What you can promise.
capabilities:
  notification: {hours: 48, from: confirmation}  # from: awareness, confirmation or occurrence
  deletion_days: 30                # customer data deleted within, after the contract ends
  backups_deleted_within_days: 90  # backups age out within
  audit: {reports_in_lieu: true, remote_audits: true, notice_days: 30}
  insurance:  # type: cyber, professional, general, product, crime, ...
    - {type: cyber, amount: 2000000, currency: USD}
    - {type: professional, amount: 1000000, currency: USD}
  uptime_percent: 99.9
  liability_cap: {months_of_fees: 12}

# Who processes customer data for you.
subprocessors:
  - name: Example Cloud Inc.
    purpose: Hosting
    location: EU (Frankfurt)
    certifications: [ISO 27001, SOC 2 Type II]
)";
}

}  // namespace clausescan

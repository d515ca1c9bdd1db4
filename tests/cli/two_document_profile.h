// A company profile of two documents, for the CLI tests of what expires before a contract's term.
#ifndef CLAUSESCAN_TESTS_CLI_TWO_DOCUMENT_PROFILE_H_
#define CLAUSESCAN_TESTS_CLI_TWO_DOCUMENT_PROFILE_H_

#include <filesystem>

#include "cli_runner.h"

namespace clausescan::testing {

// Writes into dir a profile (acme.yaml, returned) whose incident response procedure (irp.txt) is
// valid until 2027-06-30 and whose ISO certificate (iso.txt) until 2029-01-31, both public.
inline std::filesystem::path WriteTwoDocumentProfile(const TempDir& dir) {
  WriteWholeFile(dir.path() / "irp.txt", "Incident response procedure\n");
  WriteWholeFile(dir.path() / "iso.txt", "ISO/IEC 27001 certificate\n");
  WriteWholeFile(dir.path() / "acme.yaml", R"(evidence:
  - id: incident-response-procedure
    title: Incident response procedure
    file: irp.txt
    issued: 2025-07-01
    valid_until: 2027-06-30
    sharing: public
  - id: iso-certificate
    title: ISO certificate
    file: iso.txt
    issued: 2026-01-31
    valid_until: 2029-01-31
    sharing: public
)");
  return dir.path() / "acme.yaml";
}

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_CLI_TWO_DOCUMENT_PROFILE_H_

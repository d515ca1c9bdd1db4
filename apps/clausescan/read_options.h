// Options of the commands that read documents (scan, text): revisions, password and limits.
#ifndef CLAUSESCAN_APPS_READ_OPTIONS_H_
#define CLAUSESCAN_APPS_READ_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "clausescan/clausescan.h"

namespace clausescan::cli {

struct ReadArgs {
  std::string revisions = "accepted";
  std::string password;
  std::uint64_t max_input_size = std::uint64_t{64} << 20;
  std::uint64_t max_text_size = 0;  // 0: as --max-input-size
  std::uint64_t max_part_size = std::uint64_t{32} << 20;
  int max_xml_depth = 256;
  int pdf_time_limit = 60;
  std::uint64_t pdf_memory_limit = std::uint64_t{4} << 30;
  std::size_t max_findings = 2000;  // 0: no limit
  std::string party = "supplier";   // supplier, customer, or a party's name
};

// Registers --revisions, --password, --max-input-size, --max-text-size, --max-part-size,
// --max-xml-depth, --pdf-time-limit and --pdf-memory-limit on cmd, storing into *args (which must
// outlive the parse).
void AddReadOptions(CLI::App* cmd, ReadArgs* args);

// Registers --max-findings (of the commands that report findings: scan, evidence) on cmd,
// storing into args->max_findings.
void AddFindingsOption(CLI::App* cmd, ReadArgs* args);

// Registers --party (of the commands that judge findings: scan, evidence) on cmd, storing into
// args->party.
void AddPartyOption(CLI::App* cmd, ReadArgs* args);

// Copies the parsed reading options (and max_findings and party) into *options.
void ApplyReadOptions(const ReadArgs& args, ScanOptions* options);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_READ_OPTIONS_H_

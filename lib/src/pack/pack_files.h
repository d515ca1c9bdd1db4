// The text files of a pack (issue 13 #3): index, SoA excerpt, sub-processors, still missing.
#ifndef CLAUSESCAN_PACK_PACK_FILES_H_
#define CLAUSESCAN_PACK_PACK_FILES_H_

#include <string>
#include <utility>
#include <vector>

#include "clausescan/pack.h"

namespace clausescan::internal {

// soa-excerpt.csv: a header row (Control, Title, Applicable, Status, Justification), then one
// row per PackSoaRow, as RFC 4180 CSV with CRLF line ends (CsvField).
std::string SoaExcerptCsv(const Pack& pack);
// soa-excerpt.md: the same rows as a Markdown table.
std::string SoaExcerptMarkdown(const Pack& pack);
// subprocessors.csv (Name, Purpose, Location, Certifications joined with "; ") and .md.
std::string SubprocessorsCsv(const Pack& pack);
std::string SubprocessorsMarkdown(const Pack& pack);

// Every text file of the pack as {name, content}, in the order written: index.md, index.html,
// subprocessors.csv, subprocessors.md, documents/nda/soa-excerpt.csv and .md.
std::vector<std::pair<std::string, std::string>> PackTextFiles(const Pack& pack);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PACK_PACK_FILES_H_

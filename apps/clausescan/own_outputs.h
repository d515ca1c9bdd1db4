// Recognising what clausescan wrote earlier (reports, evidence lists, packs) inside the folders a
// run walks, so that its own outputs are never read as contracts.
#ifndef CLAUSESCAN_APPS_OWN_OUTPUTS_H_
#define CLAUSESCAN_APPS_OWN_OUTPUTS_H_

#include <optional>
#include <string>
#include <vector>

#include "inputs.h"

namespace clausescan::cli {

// What clausescan output the file at path is by its content ("report", "evidence list", "pack"),
// or nothing when it is none: the first bytes of every format scan and evidence write (the JSON
// and JSON Lines document key, SARIF's driver name, the Markdown title, the HTML generator, the
// CSV header, the text report's summary lines) and a zip pack's first member, index.md. The file
// name plays no part.
std::optional<std::string> OwnOutputKind(const std::string& path);

// The regular files of an existing output (a file, or a folder walked without following
// symlinks), which folder walks must not scan as contracts.
std::vector<std::string> FilesOfOutput(const std::string& output);

// Makes the folder walks of inputs skip clausescan's earlier outputs (reports, evidence lists,
// zip packs and pack folders) with a note each ("PATH: skipped: an earlier clausescan report, not
// a contract"), by setting inputs->batch.skip_found: only what a walk would scan is looked at
// (hidden, excluded and not included files are not opened), files named on the command line are
// scanned as asked, and files in inputs->batch.skip_files (the report being written) get no note.
void SkipEarlierOutputs(InputArgs* inputs);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OWN_OUTPUTS_H_

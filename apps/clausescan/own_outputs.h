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

// Makes the folder walks of inputs skip, with a note each, what is no contract (by setting
// inputs->batch.skip_found): the files and folders of run_files, compared by device and inode so
// that any name of them counts ("PATH: skipped: it is the --playbook file, not a contract"), and
// clausescan's earlier outputs, told by content (reports, evidence lists, zip packs and pack
// folders: "PATH: skipped: an earlier clausescan report, not a contract"). Only what a walk would
// scan is looked at (hidden, excluded and not included files are not opened); files named on the
// command line are scanned as asked, and files in inputs->batch.skip_files are skipped silently.
void SkipWhatIsNoContract(const std::vector<RunFile>& run_files, InputArgs* inputs);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OWN_OUTPUTS_H_

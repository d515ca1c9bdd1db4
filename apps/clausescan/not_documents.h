// Files a folder walk meets that are no contract by their kind: configuration (YAML, clausescan's
// own playbooks and profiles among them), spreadsheets, presentations, archives, images, media,
// programs and the files operating systems leave in folders.
#ifndef CLAUSESCAN_APPS_NOT_DOCUMENTS_H_
#define CLAUSESCAN_APPS_NOT_DOCUMENTS_H_

#include <optional>
#include <string>

namespace clausescan::cli {

// What the file at path is when a walk should skip it as no contract ("a clausescan playbook",
// "a spreadsheet (.xlsx)", "a Windows thumbnail cache"...), or nullopt when it may be one. Told
// by the file name (its extension, or the name of an operating system's file), except that a YAML
// file's top-level keys tell a playbook or a company profile from other YAML. Named inputs are
// not asked: a file the user names is read, or refused with the reader's error.
std::optional<std::string> NoDocumentKind(const std::string& path);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_NOT_DOCUMENTS_H_

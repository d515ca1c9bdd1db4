// Scanning what the user named: files, folders (walked on a thread pool) or standard input.
#ifndef CLAUSESCAN_APPS_INPUTS_H_
#define CLAUSESCAN_APPS_INPUTS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "clausescan/batch.h"
#include "clausescan/clausescan.h"
#include "output.h"

namespace clausescan::cli {

struct InputArgs {
  std::vector<std::string> paths;  // empty or "-": standard input
  BatchOptions batch;
  bool no_progress = false;  // --no-progress: never a progress bar (else one on a terminal
                             // stderr when files are many)
};

// Registers the positional paths and --include, --exclude, --jobs, --hidden, --no-progress.
void AddInputOptions(CLI::App* cmd, InputArgs* args);

// The files a run reads besides its inputs, which its output must not replace either.
struct ReadFiles {
  std::string playbook;                    // --playbook FILE
  std::string rules_dir;                   // --rules DIR: every file in it
  std::string baseline;                    // --baseline FILE
  std::string profile;                     // --profile FILE
  std::vector<std::string> profile_files;  // the files the profile names: SoA CSV, evidence,
                                           // redacted copies
};

// False, after printing why, when the output would go over something the run reads, so that a
// report is never written over a contract: out's file is one of the inputs args names (compared
// by device and inode, so ./x, a symlink or a hard link to it count; "-" or no path compares
// standard input), a file a walk of one of the folders args names would scan (an existing file
// the walk skips anyway, hidden, excluded or not included, is not), or one of `reads`. Also
// false when an input named is the regular file standard output goes to (`scan x.md > x.md`:
// the shell has emptied it). Call after out.Open() and before scanning.
bool CheckOutputIsNotAnInput(const InputArgs& args, const ReadFiles& reads, const Output& out);

// The files folder walks must not scan, for BatchOptions::skip_files: out's own files
// (Output::OwnFiles) and the regular files standard output and standard error go to.
std::vector<std::string> FilesNotToScan(const Output& out);

// Scans the inputs, calling on_report for each document in a stable order (the order of the
// arguments, folders walked in name order). A file that cannot be scanned is reported on stderr
// with its name and the others go on. Returns false when any input failed.
bool ScanInputs(const Scanner& scanner, const InputArgs& args,
                const std::function<void(Report&)>& on_report);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_INPUTS_H_

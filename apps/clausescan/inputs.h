// Scanning what the user named: files, folders (walked on a thread pool) or standard input.
#ifndef CLAUSESCAN_APPS_INPUTS_H_
#define CLAUSESCAN_APPS_INPUTS_H_

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "clausescan/batch.h"
#include "clausescan/clausescan.h"
#include "clausescan/not_scanned.h"
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

// True when path (existing or not, symlinks on the way followed) is base or below it; base is
// canonical (std::filesystem::weakly_canonical of an absolute path).
bool IsAtOrBelow(const std::string& path, const std::filesystem::path& base);

// The files profile names (its SoA CSV, every evidence file and redacted copy), as paths to
// open, for ReadFiles::profile_files.
std::vector<std::string> ProfileFiles(const Profile& profile);

// A file (or folder) a run uses besides its contracts, with what it is to the run ("the
// --playbook file", "the file of the profile's evidence entry 'pen-test-summary' (line 34)").
struct RunFile {
  std::string path;
  std::string what;
};

// The profile file itself, its SoA CSV and each evidence file and redacted copy: never contracts
// (issue 13 attack D17).
std::vector<RunFile> FilesOfProfile(const std::string& profile_path, const Profile& profile);

// False, after saying which ("PATH: is WHAT, not a contract; REFUSAL"), when a contract named is
// one of profile's files (ProfileFileAt: the check a Scanner with that profile makes). pack, scan
// and evidence share it (issue 13 s10 #3).
bool CheckNoContractIsAProfileFile(const InputArgs& inputs, const Profile& profile,
                                   const std::string& refusal);

// What reads names besides the contracts: the --playbook and --baseline files, the --rules
// folder, and the --profile file with the files it names (FilesOfProfile, when profile is given).
std::vector<RunFile> FilesTheRunReads(const ReadFiles& reads, const Profile* profile);

// What a run writes, as the checks below see it: a report file (ReportTarget) or a pack
// (PackTarget).
struct WriteTarget {
  std::string path;      // as the user named it
  std::string noun;      // "report" or "pack": "not writing the pack over it"
  std::string relation;  // "is" or "would replace": "OUT: would replace the input c.md"
  // True when writing would replace the file `file` (whose stat is st) or write inside it.
  std::function<bool(const std::string& file, const struct stat& st)> covers;
  // True when the file standard input comes from is checked too, even if the run reads no
  // standard input (a pack never does, but `pack ... -o c.md --force < c.md` must not replace it).
  bool check_stdin = false;
  // True when the output replaces a regular file: the files a folder walk would scan are
  // checked too (a report written over one of them). temporary: a file the walks skip.
  bool replaces_a_file = false;
  std::string temporary;
};

// The target of a report written to out (after out.Open()): out's file, compared by device and
// inode, so any name of it counts.
WriteTarget ReportTarget(const Output& out);

// The target of a pack written to output (a folder or a zip, which may exist): any file at or
// below output (compared by canonical path, so symlinked folders count), or output's own file
// when it is a regular file (any name of it).
WriteTarget PackTarget(const std::string& output);

// False, after printing why, when the output would go over something the run reads, so that a
// report is never written over a contract: out's file is one of the inputs args names (compared
// by device and inode, so ./x, a symlink or a hard link to it count; "-" or no path compares
// standard input), a file a walk of one of the folders args names would scan (an existing file
// the walk skips anyway, hidden, excluded or not included, is not), or one of `reads`. Also
// false when an input named is the regular file standard output goes to (`scan x.md > x.md`:
// the shell has emptied it), and when standard output is a regular file that is one of `reads`
// (`pack ... >> evidence.txt`). Call after out.Open() and before scanning.
bool CheckOutputIsNotAnInput(const InputArgs& args, const ReadFiles& reads, const Output& out);
// False, after printing why, when standard output is a regular file that is one of `reads`
// (`profile check p.yaml >> evidence.txt`); what_is_written names the output ("summary").
bool CheckStandardOutputIsNotRead(const ReadFiles& reads, const std::string& what_is_written);
// False, after printing why, when out's file (after out.Open()) or the regular file standard
// output goes to is one of `reads`: for commands that scan no contract but write a file next to
// what they read (`playbook init myrules/playbook.yaml --rules myrules --force` would replace the
// playbook of the rule folder it copies). noun names what is written ("playbook copy").
bool CheckOutputIsNotRead(const ReadFiles& reads, const Output& out, const std::string& noun);
// The same checks for any target (CheckOutputIsNotAnInput is this with ReportTarget(out)).
bool CheckTargetIsNotAnInput(const InputArgs& args, const ReadFiles& reads,
                             const WriteTarget& target);

// The files a run writes that folder walks must not scan: out's own files (Output::OwnFiles,
// what: "the <noun> being written") and the regular files standard output and standard error go
// to.
std::vector<RunFile> FilesWritten(const Output& out, const std::string& noun);

// Scans the inputs, calling on_report for each document in a stable order (the order of the
// arguments, folders walked in name order). A file that cannot be scanned is reported on stderr
// with its name, added to *not_scanned (when given) in the same order, and the others go on.
// Returns false when any input failed.
bool ScanInputs(const Scanner& scanner, const InputArgs& args,
                const std::function<void(Report&)>& on_report,
                std::vector<NotScanned>* not_scanned = nullptr);

// Says on stderr ("PATH: note: the name says .txt but the content is a PDF: read as that") each
// of notes that tells that the name and content of the file at path disagree: for the commands
// whose output holds no report notes (text, evidence, pack), as scan's report says it.
void PrintNameAndContentNotes(const std::string& path, const std::vector<std::string>& notes);

// Says on stderr, for a report cut at --max-findings, "PATH: note: <the report's note>; <what>"
// (what: "the list holds only what the findings shown call for"): for the commands that build
// on the findings (evidence, pack) and print no report notes.
void PrintCutNote(const Report& report, const std::string& what);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_INPUTS_H_

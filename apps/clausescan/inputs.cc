#include "inputs.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <utility>

#include "commands.h"
#include "option_names.h"
#include "own_outputs.h"

namespace clausescan::cli {
namespace {

// path made absolute and canonical (symlinks on the way resolved, a missing tail kept as
// written), or nullopt when the file system cannot tell.
std::optional<std::filesystem::path> CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path canonical =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) return std::nullopt;
  return canonical;
}

constexpr const char* kStdinName = "<stdin>";

bool ScanStdin(const Scanner& scanner, const std::function<void(Report&)>& on_report,
               std::vector<NotScanned>* not_scanned) {
  if (::isatty(STDIN_FILENO)) {
    std::cerr << "clausescan: reading a contract from the terminal: paste it, then press "
                 "Ctrl-D on a new line\n";
  }
  // Closed at start (`<&-`), it reads as /dev/null: an empty document would pass --fail-on.
  Result<Report> report =
      StandardInputClosedAtStart()
          ? Result<Report>(
                Error(ErrorCode::kIo, "cannot read: standard input is closed", kStdinName))
          : scanner.ScanStream(std::cin, kStdinName);
  if (!report) {
    const Error error = WithOptionNames(report.error());
    PrintError(error.message());
    if (not_scanned != nullptr) not_scanned->push_back({kStdinName, error});
    return false;
  }
  WithOptionNames(*report);
  on_report(*report);
  return true;
}

// The width of the terminal stderr is on; 80 when it cannot be told.
std::size_t TerminalColumns() {
  struct winsize size {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// "files 12/510  3.4 MB/s  0:07 left", redrawn in place on stderr.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled)
      : enabled_(enabled && ::isatty(STDERR_FILENO) && TerminalTakesEscapes()) {}
  ~ProgressBar() {
    if (!drawn_) return;
    std::cerr << "\r\x1b[K" << std::flush;
    SetProgressLineShown(false);
  }

  void Update(const BatchProgress& p) {
    if (!enabled_ || p.files_total < 2) return;
    auto now = std::chrono::steady_clock::now();
    if (p.files_done < p.files_total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / seconds : 0;
    double left = rate > 0 ? static_cast<double>(p.bytes_total - p.bytes_done) / rate : 0;
    std::string status = fmt::format("files {}/{}  {:.1f} MB/s  {}:{:02d} left", p.files_done,
                                     p.files_total, rate / 1e6, static_cast<int>(left) / 60,
                                     static_cast<int>(left) % 60);
    // The line fits the terminal (one that wraps cannot be redrawn in place): the bar shrinks,
    // then goes, then the status is cut.
    const std::size_t columns = TerminalColumns();
    const std::size_t room = columns > status.size() + 4 ? columns - status.size() - 4 : 0;
    const std::size_t width = std::min<std::size_t>(24, room);
    std::string line;
    if (width >= 5) {
      const std::size_t filled = width * p.files_done / p.files_total;
      line = "[" + std::string(filled, '#') + std::string(width - filled, ' ') + "] ";
    }
    line += status;
    if (columns > 1 && line.size() > columns - 1) line.resize(columns - 1);
    SetProgressLineShown(true);  // first: a signal while the bar is drawn clears it
    std::cerr << "\r\x1b[K" << line << std::flush;
    drawn_ = true;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

void AddInputOptions(CLI::App* cmd, InputArgs* args) {
  cmd->add_option("paths", args->paths,
                  "Files and folders to scan (folders recursively); - or nothing reads stdin");
  cmd->add_option("--include", args->batch.include,
                  "Only scan files matching this glob when walking folders (repeatable; as "
                  "ripgrep and .gitignore: *.md any depth, **/ any folders, dir/ a folder and "
                  "all in it, /x anchored at the folder walked)")
      ->allow_extra_args(false)
      ->check(ValidGlob());
  cmd->add_option("--exclude", args->batch.exclude,
                  "Skip files and folders matching this glob (repeatable; globs as --include)")
      ->allow_extra_args(false)
      ->check(ValidGlob());
  cmd->add_option("-j,--jobs", args->batch.jobs,
                  "Threads to scan with (default and most: one per core, and one per file)")
      ->check(Count(0, static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
  cmd->add_flag("--hidden", args->batch.hidden,
                "Also scan hidden files and folders when walking (.git, .DS_Store, ~$ Word locks)");
  cmd->add_flag(
      "-L,--follow", args->batch.follow,
      "Also follow symbolic links out of the folders walked (never into /proc, /sys, /dev)");
  cmd->add_flag("--no-progress", args->no_progress, "Never draw a progress bar");
}

namespace {

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// False, after printing which, when a file of the folder `folder` that the walk (with the
// options of args) would scan is the target's file. An earlier clausescan output (a report, an
// evidence list, a zip pack: OwnOutputKind) is no conflict: the scan's walk skips it unread.
bool CheckFolderOutput(const std::string& folder, const InputArgs& args,
                       const WriteTarget& target) {
  BatchOptions walk = args.batch;
  walk.skip_files.clear();
  if (!target.temporary.empty()) walk.skip_files.push_back(target.temporary);
  for (const PathEntry& entry : ExpandPaths({folder}, walk)) {
    struct stat st;
    if (entry.error || ::stat(entry.path.c_str(), &st) != 0 || !target.covers(entry.path, st) ||
        OwnOutputKind(entry.path)) {
      continue;
    }
    const std::string what = entry.path == target.path
                                 ? "a file of the folder " + folder
                                 : entry.path + ", a file of the folder " + folder;
    PrintError(
        fmt::format("{}: {} {} being scanned; not writing the {} over it (write the {} elsewhere, "
                    "or leave the file out of the scan with --exclude)",
                    target.path, target.relation, what, target.noun, target.noun));
    return false;
  }
  return true;
}

// False, after printing which, when the target covers one of the files the run reads besides
// its inputs.
bool CheckReadFiles(const ReadFiles& reads, const WriteTarget& target) {
  struct stat st;
  for (const auto& [file, what] : {std::pair{reads.playbook, "the --playbook file"},
                                   std::pair{reads.baseline, "the --baseline file"},
                                   std::pair{reads.profile, "the --profile file"}}) {
    if (file.empty() || ::stat(file.c_str(), &st) != 0 || !target.covers(file, st)) continue;
    PrintError(fmt::format("{}: {} {} ({}); not writing the {} over it", target.path,
                           target.relation, what, file, target.noun));
    return false;
  }
  for (const std::string& file : reads.profile_files) {
    if (file.empty() || ::stat(file.c_str(), &st) != 0 || !target.covers(file, st)) continue;
    PrintError(fmt::format("{}: {} a file the --profile names ({}); not writing the {} over it",
                           target.path, target.relation, file, target.noun));
    return false;
  }
  if (reads.rules_dir.empty()) return true;
  BatchOptions every_file;
  every_file.hidden = true;
  for (const PathEntry& entry : ExpandPaths({reads.rules_dir}, every_file)) {
    if (entry.error || ::stat(entry.path.c_str(), &st) != 0 || !target.covers(entry.path, st)) {
      continue;
    }
    PrintError(
        fmt::format("{}: {} a file of the --rules folder {} ({}); not writing the {} over it",
                    target.path, target.relation, reads.rules_dir, entry.path, target.noun));
    return false;
  }
  // A new file in the folder is read as rules by the next run too (a playbook copy written
  // beside them made the folder fail to load), so nothing is written anywhere inside it.
  const std::optional<std::filesystem::path> rules_folder = CanonicalPath(reads.rules_dir);
  if (rules_folder && !target.path.empty() && IsAtOrBelow(target.path, *rules_folder)) {
    PrintError(fmt::format(
        "{}: is in the --rules folder {}, whose files are read as rules; not writing the {} there",
        target.path, reads.rules_dir, target.noun));
    return false;
  }
  return true;
}

}  // namespace

bool IsAtOrBelow(const std::string& path, const std::filesystem::path& base) {
  const std::optional<std::filesystem::path> canonical = CanonicalPath(path);
  if (!canonical) return false;
  const std::filesystem::path& p = *canonical;
  auto q = p.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++q) {
    if (b->empty()) continue;
    if (q == p.end() || *q != *b) return false;
  }
  return true;
}

std::vector<std::string> ProfileFiles(const Profile& profile) {
  std::vector<std::string> files;
  for (ProfileFile& file : clausescan::FilesOfProfile(profile)) files.push_back(std::move(file.path));
  files.erase(files.begin());  // the profile file itself: ReadFiles::profile
  return files;
}

WriteTarget ReportTarget(const Output& out) {
  WriteTarget target;
  target.path = out.path();
  target.noun = "report";
  target.relation = "is";
  target.covers = [&out](const std::string&, const struct stat& st) {
    return out.IsDestination(st);
  };
  target.replaces_a_file = out.ReplacesAFile();
  target.temporary = out.TemporaryFile();
  return target;
}

WriteTarget PackTarget(const std::string& output) {
  WriteTarget target;
  target.path = output;
  target.noun = "pack";
  target.relation = "would replace";
  target.check_stdin = true;
  std::error_code ec;
  const std::filesystem::path canonical =
      std::filesystem::weakly_canonical(std::filesystem::absolute(output, ec), ec);
  struct stat own {};
  const bool own_file = ::lstat(output.c_str(), &own) == 0 && S_ISREG(own.st_mode);
  // A pack written over a regular file replaces it: the folders it scans are walked for it too
  // (`pack contracts -o contracts/msa.docx --force` must not replace a contract).
  target.replaces_a_file = own_file;
  target.covers = [canonical, own, own_file, failed = bool(ec)](const std::string& file,
                                                                const struct stat& st) {
    if (own_file && SameFile(st, own)) return true;
    return !failed && IsAtOrBelow(file, canonical);
  };
  return target;
}

bool CheckStandardOutputIsNotRead(const ReadFiles& reads, const std::string& what_is_written) {
  struct stat standard_output;
  if (::fstat(STDOUT_FILENO, &standard_output) != 0 || !S_ISREG(standard_output.st_mode)) {
    return true;
  }
  std::vector<std::pair<std::string, std::string>> read_files = {
      {reads.playbook, "the --playbook file"},
      {reads.baseline, "the --baseline file"},
      {reads.profile, "the --profile file"}};
  for (const std::string& file : reads.profile_files) {
    read_files.emplace_back(file, "a file the --profile names");
  }
  for (const auto& [file, what] : read_files) {
    struct stat st;
    if (file.empty() || ::stat(file.c_str(), &st) != 0 || !SameFile(st, standard_output)) {
      continue;
    }
    PrintError(fmt::format("standard output is {} ({}); not writing the {} onto it", what, file,
                           what_is_written));
    return false;
  }
  if (!reads.rules_dir.empty()) {
    const std::optional<std::filesystem::path> rules_folder = CanonicalPath(reads.rules_dir);
    const std::optional<std::filesystem::path> out = CanonicalPath("/proc/self/fd/1");
    if (rules_folder && out && IsAtOrBelow(out->string(), *rules_folder)) {
      PrintError(fmt::format(
          "standard output is {}, a file of the --rules folder {}; not writing the {} onto it",
          out->string(), reads.rules_dir, what_is_written));
      return false;
    }
  }
  return true;
}

namespace {

// What a run writing target writes to standard output: the report itself (scan, evidence
// without -o), or its messages (pack: the summary; beside a pack's --missing list too).
std::string WhatStandardOutputHolds(const WriteTarget& target) {
  return target.noun == "report" ? "report" : "messages";
}

}  // namespace

bool CheckOutputIsNotAnInput(const InputArgs& args, const ReadFiles& reads, const Output& out) {
  return CheckTargetIsNotAnInput(args, reads, ReportTarget(out));
}

bool CheckOutputIsNotRead(const ReadFiles& reads, const Output& out, const std::string& noun) {
  WriteTarget target = ReportTarget(out);
  target.noun = noun;
  return CheckReadFiles(reads, target) && CheckStandardOutputIsNotRead(reads, noun);
}

bool CheckTargetIsNotAnInput(const InputArgs& args, const ReadFiles& reads,
                             const WriteTarget& target) {
  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back("-");
  struct stat standard_output;
  const bool stdout_is_file =
      ::fstat(STDOUT_FILENO, &standard_output) == 0 && S_ISREG(standard_output.st_mode);
  std::vector<std::string> folders;
  for (const std::string& path : paths) {
    struct stat st;
    const bool from_stdin = path == "-";
    if ((from_stdin ? ::fstat(STDIN_FILENO, &st) : ::stat(path.c_str(), &st)) != 0) continue;
    const std::string name = from_stdin ? kStdinName : path;
    if (S_ISDIR(st.st_mode)) {
      folders.push_back(path);
      if (!from_stdin && target.covers(path, st)) {  // a pack replacing a folder it scans
        PrintError(fmt::format("{}: {} the input folder {}; not writing the {} over it",
                               target.path, target.relation, path, target.noun));
        return false;
      }
    } else if (target.covers(from_stdin ? "/proc/self/fd/0" : path, st)) {
      PrintError(fmt::format("{}: {} the input {}; not writing the {} over it", target.path,
                             target.relation, name, target.noun));
      return false;
    } else if (stdout_is_file && S_ISREG(st.st_mode) && SameFile(st, standard_output)) {
      PrintError(
          fmt::format("{}: is the standard output too (the shell has opened it for the {}); not "
                      "scanning it",
                      name, WhatStandardOutputHolds(target)));
      return false;
    }
  }
  struct stat in;
  std::error_code ec;
  if (target.check_stdin && ::fstat(STDIN_FILENO, &in) == 0 && S_ISREG(in.st_mode) &&
      target.covers("/proc/self/fd/0", in)) {
    PrintError(fmt::format(
        "{}: {} the file standard input comes from ({}); not writing the {} over it", target.path,
        target.relation, std::filesystem::weakly_canonical("/proc/self/fd/0", ec).string(),
        target.noun));
    return false;
  }
  if (!CheckReadFiles(reads, target)) return false;
  // issue 13 attack D19: standard output onto a file the run reads (`pack ... >> evidence.txt`)
  if (!CheckStandardOutputIsNotRead(reads, WhatStandardOutputHolds(target))) {
    return false;
  }
  // `scan contracts >> contracts/msa.txt`: appending to a file the walk would meet changes a
  // contract (and the walk skips it); an empty one is a report being written and is skipped.
  for (const auto& [fd, what] :
       {std::pair{STDOUT_FILENO, "standard output"}, std::pair{STDERR_FILENO, "standard error"}}) {
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) continue;
    const std::optional<std::filesystem::path> file =
        CanonicalPath("/proc/self/fd/" + std::to_string(fd));
    if (!file) continue;
    for (const std::string& folder : folders) {
      const std::optional<std::filesystem::path> base = CanonicalPath(folder);
      if (!base || !IsAtOrBelow(file->string(), *base)) continue;
      PrintError(fmt::format(
          "{} goes to {}, a file of the folder {} being scanned that holds something already; "
          "not appending to it (write to a file outside the folder, or to a new one)",
          what, file->string(), folder));
      return false;
    }
  }
  if (!target.replaces_a_file) return true;  // a descriptor's file is skipped (FilesNotToScan)
  for (const std::string& folder : folders) {
    if (!CheckFolderOutput(folder, args, target)) return false;
  }
  return true;
}

std::vector<RunFile> FilesWritten(const Output& out, const std::string& noun) {
  std::vector<RunFile> files;
  for (const std::string& file : out.OwnFiles())
    files.push_back({file, "the " + noun + " being written"});
  for (const auto& [fd, what] : {std::pair{STDOUT_FILENO, "the file standard output goes to"},
                                 std::pair{STDERR_FILENO, "the file standard error goes to"}}) {
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      files.push_back({"/proc/self/fd/" + std::to_string(fd), what});
    }
  }
  return files;
}

bool ScanInputs(const Scanner& scanner, const InputArgs& args,
                const std::function<void(Report&)>& on_report,
                std::vector<NotScanned>* not_scanned) {
  if (args.paths.empty() || (args.paths.size() == 1 && args.paths[0] == "-")) {
    return ScanStdin(scanner, on_report, not_scanned);
  }
  bool ok = true;
  std::vector<std::string> files;
  BatchOptions batch = args.batch;
  auto scan_files = [&] {
    if (files.empty()) return;
    ProgressBar bar(!args.no_progress);
    ScanPaths(
        scanner, files, batch,
        [&](BatchItem& item) {
          if (!item.report) {
            const Error error = WithOptionNames(item.report.error());
            PrintError(error.message());
            ok = ok && item.skipped;
            if (!item.skipped && not_scanned != nullptr) not_scanned->push_back({item.path, error});
            return;
          }
          WithOptionNames(*item.report);
          on_report(*item.report);
        },
        [&](const BatchProgress& progress) { bar.Update(progress); });
    files.clear();
  };
  // Standard input is one document, read once however it is named: `scan - -`, `scan -
  // /dev/stdin` (or /dev/fd/0, /proc/self/fd/0, or the file or FIFO it comes from): the first
  // naming reads it, the others are skipped (as ScanPaths skips a regular file named twice).
  struct stat stdin_st;
  const bool stdin_known = ::fstat(STDIN_FILENO, &stdin_st) == 0 && !S_ISDIR(stdin_st.st_mode);
  auto names_stdin = [&](const std::string& path) {
    struct stat st;
    return path == "-" || (stdin_known && ::stat(path.c_str(), &st) == 0 && SameFile(st, stdin_st));
  };
  // A folder walk that finds the file standard input is redirected from skips it (attack review
  // of main e77cfe5 #4: `scan - dd < dd/msa.txt` scanned it twice).
  if (stdin_known && S_ISREG(stdin_st.st_mode) &&
      std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end()) {
    batch.skip_files.push_back("/proc/self/fd/0");
  }
  bool stdin_scanned = false;
  for (const std::string& path : args.paths) {
    if (names_stdin(path)) {
      if (stdin_scanned) {
        PrintError(fmt::format("{}: standard input, named more than once; read once",
                               path == "-" ? kStdinName : path));
        continue;
      }
      stdin_scanned = true;
      if (path != "-") {
        files.push_back(path);
        continue;
      }
      scan_files();
      ok = ScanStdin(scanner, on_report, not_scanned) && ok;
    } else {
      files.push_back(path);
    }
  }
  scan_files();
  return ok;
}

namespace fs = std::filesystem;

std::vector<RunFile> FilesOfProfile(const std::string& profile_path, const Profile& profile) {
  std::vector<RunFile> files;
  for (ProfileFile& file : clausescan::FilesOfProfile(profile)) {
    files.push_back({std::move(file.path), WithOptionNames(file.what)});
  }
  files.front().path = profile_path;
  return files;
}

bool CheckNoContractIsAProfileFile(const InputArgs& inputs, const Profile& profile,
                                   const std::string& refusal) {
  for (const std::string& path : inputs.paths) {
    if (std::optional<ProfileFile> file = ProfileFileAt(profile, path)) {
      PrintError(fmt::format("{}: is {}, not a contract; {}", path, WithOptionNames(file->what),
                             refusal));
      return false;
    }
  }
  return true;
}

std::vector<RunFile> FilesTheRunReads(const ReadFiles& reads, const Profile* profile) {
  std::vector<RunFile> files;
  if (!reads.playbook.empty()) files.push_back({reads.playbook, "the --playbook file"});
  if (!reads.baseline.empty()) files.push_back({reads.baseline, "the --baseline file"});
  if (!reads.rules_dir.empty()) files.push_back({reads.rules_dir, "the --rules folder"});
  if (profile != nullptr) {
    for (RunFile& file : FilesOfProfile(reads.profile, *profile)) files.push_back(std::move(file));
  } else if (!reads.profile.empty()) {
    files.push_back({reads.profile, "the --profile file"});
  }
  return files;
}

void PrintCutNote(const Report& report, const std::string& what) {
  for (const std::string& note : report.notes) {
    if (note.find(kCutNote) != std::string::npos) {
      PrintError(report.document.path + ": note: " + note + "; " + what);
    }
  }
}

void PrintNameAndContentNotes(const std::string& path, const std::vector<std::string>& notes) {
  for (const std::string& note : notes) {
    if (note.rfind(kNameAndContentNote, 0) == 0) PrintError(path + ": note: " + note);
  }
}

}  // namespace clausescan::cli

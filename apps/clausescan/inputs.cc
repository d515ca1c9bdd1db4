#include "inputs.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <utility>

#include "commands.h"

namespace clausescan::cli {
namespace {

constexpr const char* kStdinName = "<stdin>";

bool ScanStdin(const Scanner& scanner, const std::function<void(Report&)>& on_report) {
  if (::isatty(STDIN_FILENO)) {
    std::cerr << "clausescan: reading a contract from the terminal: paste it, then press "
                 "Ctrl-D on a new line\n";
  }
  Result<Report> report = scanner.ScanStream(std::cin, kStdinName);
  if (!report) {
    PrintError(report.error().message());
    return false;
  }
  on_report(*report);
  return true;
}

// "files 12/510  3.4 MB/s  0:07 left", redrawn in place on stderr.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}
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
    int width = 24;
    int filled = static_cast<int>(width * p.files_done / p.files_total);
    SetProgressLineShown(true);  // first: a signal while the bar is drawn clears it
    std::cerr << fmt::format("\r\x1b[K[{}{}] files {}/{}  {:.1f} MB/s  {}:{:02d} left",
                             std::string(filled, '#'), std::string(width - filled, ' '),
                             p.files_done, p.files_total, rate / 1e6, static_cast<int>(left) / 60,
                             static_cast<int>(left) % 60)
              << std::flush;
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
                  "Only scan files matching this glob when walking folders (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", args->batch.exclude,
                  "Skip files and folders matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("-j,--jobs", args->batch.jobs, "Threads to scan with (default: one per core)")
      ->check(CLI::NonNegativeNumber);
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
// options of args) would scan is out's file.
bool CheckFolderOutput(const std::string& folder, const InputArgs& args, const Output& out) {
  BatchOptions walk = args.batch;
  walk.skip_files.clear();
  if (!out.TemporaryFile().empty()) walk.skip_files.push_back(out.TemporaryFile());
  for (const PathEntry& entry : ExpandPaths({folder}, walk)) {
    struct stat st;
    if (entry.error || ::stat(entry.path.c_str(), &st) != 0 || !out.IsDestination(st)) continue;
    const std::string what = entry.path == out.path()
                                 ? "a file of the folder " + folder
                                 : entry.path + ", a file of the folder " + folder;
    PrintError(fmt::format(
        "{}: is {} being scanned; not writing the report over it (write the report elsewhere, "
        "or leave the file out of the scan with --exclude)",
        out.path(), what));
    return false;
  }
  return true;
}

// False, after printing which, when out's file is one of the files the run reads besides its
// inputs.
bool CheckReadFiles(const ReadFiles& reads, const Output& out) {
  struct stat st;
  for (const auto& [file, what] : {std::pair{reads.playbook, "the --playbook file"},
                                   std::pair{reads.baseline, "the --baseline file"},
                                   std::pair{reads.profile, "the --profile file"}}) {
    if (file.empty() || ::stat(file.c_str(), &st) != 0 || !out.IsDestination(st)) continue;
    PrintError(fmt::format("{}: is {}; not writing the report over it", out.path(), what));
    return false;
  }
  for (const std::string& file : reads.profile_files) {
    if (file.empty() || ::stat(file.c_str(), &st) != 0 || !out.IsDestination(st)) continue;
    PrintError(fmt::format("{}: is a file the --profile names ({}); not writing the report over it",
                           out.path(), file));
    return false;
  }
  if (reads.rules_dir.empty()) return true;
  BatchOptions every_file;
  every_file.hidden = true;
  for (const PathEntry& entry : ExpandPaths({reads.rules_dir}, every_file)) {
    if (entry.error || ::stat(entry.path.c_str(), &st) != 0 || !out.IsDestination(st)) continue;
    PrintError(fmt::format("{}: is a file of the --rules folder {}; not writing the report over it",
                           out.path(), reads.rules_dir));
    return false;
  }
  return true;
}

}  // namespace

bool CheckOutputIsNotAnInput(const InputArgs& args, const ReadFiles& reads, const Output& out) {
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
    } else if (out.IsDestination(st)) {
      PrintError(
          fmt::format("{}: is the input {}; not writing the report over it", out.path(), name));
      return false;
    } else if (stdout_is_file && S_ISREG(st.st_mode) && SameFile(st, standard_output)) {
      PrintError(fmt::format(
          "{}: is the standard output too (the shell has opened it for the report); not "
          "scanning it",
          name));
      return false;
    }
  }
  if (!out.HasDestination()) return true;
  if (!CheckReadFiles(reads, out)) return false;
  if (!out.ReplacesAFile()) return true;  // a descriptor's file is skipped (FilesNotToScan)
  for (const std::string& folder : folders) {
    if (!CheckFolderOutput(folder, args, out)) return false;
  }
  return true;
}

std::vector<std::string> FilesNotToScan(const Output& out) {
  std::vector<std::string> files = out.OwnFiles();
  for (int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      files.push_back("/proc/self/fd/" + std::to_string(fd));
    }
  }
  return files;
}

bool ScanInputs(const Scanner& scanner, const InputArgs& args,
                const std::function<void(Report&)>& on_report) {
  if (args.paths.empty() || (args.paths.size() == 1 && args.paths[0] == "-")) {
    return ScanStdin(scanner, on_report);
  }
  bool ok = true;
  std::vector<std::string> files;
  auto scan_files = [&] {
    if (files.empty()) return;
    ProgressBar bar(!args.no_progress);
    ScanPaths(
        scanner, files, args.batch,
        [&](BatchItem& item) {
          if (!item.report) {
            PrintError(item.report.error().message());
            ok = ok && item.skipped;
            return;
          }
          on_report(*item.report);
        },
        [&](const BatchProgress& progress) { bar.Update(progress); });
    files.clear();
  };
  for (const std::string& path : args.paths) {
    if (path == "-") {
      scan_files();
      ok = ScanStdin(scanner, on_report) && ok;
    } else {
      files.push_back(path);
    }
  }
  scan_files();
  return ok;
}

}  // namespace clausescan::cli

#include "inputs.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

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
  cmd->add_flag("--no-progress", args->no_progress, "Never draw a progress bar");
}

bool CheckOutputIsNotAnInput(const InputArgs& args, const Output& out) {
  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back("-");
  for (const std::string& path : paths) {
    struct stat st;
    const bool from_stdin = path == "-";
    if ((from_stdin ? ::fstat(STDIN_FILENO, &st) : ::stat(path.c_str(), &st)) != 0) continue;
    if (!out.IsDestination(st)) continue;
    PrintError(fmt::format("{}: is the input {}; not writing the report over it", out.path(),
                           from_stdin ? kStdinName : path));
    return false;
  }
  return true;
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
            ok = false;
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

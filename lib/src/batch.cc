// Folder walking and the thread pool of batch scans.
#include "clausescan/batch.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>

#include "common/path_glob.h"
#include "common/path_inside.h"

namespace clausescan {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::optional<std::string> GlobError(const std::string& glob) {
  if (glob.find_first_not_of('/') == std::string::npos) return "an empty glob matches no file";
  for (std::size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '\\') {
      if (++i == glob.size()) return "dangling '\\' at the end";
    } else if (glob[i] == '[') {
      std::size_t j = i + 1;
      if (j < glob.size() && (glob[j] == '!' || glob[j] == '^')) ++j;
      if (j < glob.size() && glob[j] == ']') ++j;  // a ']' first in the class is one of it
      j = glob.find(']', j);
      if (j == std::string::npos) return "unclosed character class; missing ']'";
      i = j;
    }
  }
  return std::nullopt;
}

namespace {

std::vector<internal::PathGlob> Compiled(const std::vector<std::string>& globs) {
  return std::vector<internal::PathGlob>(globs.begin(), globs.end());
}

bool AnyMatches(const std::vector<internal::PathGlob>& globs, const std::string& relative,
                bool is_folder) {
  return std::any_of(globs.begin(), globs.end(), [&](const internal::PathGlob& glob) {
    return glob.Matches(relative, is_folder);
  });
}

// Dot files and folders (.git, .DS_Store) and the lock files Word leaves next to an open document
// ("~$ntract.docx" while contract.docx is open).
bool IsHidden(const std::string& name) {
  return (!name.empty() && name[0] == '.') || name.rfind("~$", 0) == 0;
}

using FileId = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const BatchOptions& options, std::vector<PathEntry>* out)
      : options_(options),
        include_(Compiled(options.include)),
        exclude_(Compiled(options.exclude)),
        out_(out) {
    for (const std::string& path : options.skip_files) {
      struct stat st;
      if (::stat(path.c_str(), &st) == 0) skip_.insert({st.st_dev, st.st_ino});
    }
  }

  // True the first time the regular file at path (by device and inode) is named or found;
  // false for a file found before under any name. Paths that are no regular file are true.
  bool FirstNaming(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return true;
    return found_.insert(FileId{st.st_dev, st.st_ino}).second;
  }

  // Walks the folder root; a root that yields no file at all is reported as an error entry,
  // unless what it holds was already found by an earlier walk of this Walker.
  void WalkRoot(const std::string& root) {
    // A folder named twice (`scan pg pg`, or by another name) is walked once: walking it again
    // would report its problems (broken links, unreadable files) twice.
    struct stat st;
    if (::stat(root.c_str(), &st) == 0 && !roots_.insert(FileId{st.st_dev, st.st_ino}).second) {
      out_->push_back(PathEntry{
          root, clausescan::Error(ErrorCode::kIo, "named more than once; scanned once", root), 0,
          false, true});
      return;
    }
    files_ = 0;
    skipped_hidden_ = 0;
    skipped_by_globs_ = 0;
    skipped_as_seen_ = 0;
    skipped_links_ = 0;
    notes_ = 0;
    std::error_code ec;
    root_ = fs::weakly_canonical(fs::path(root), ec);
    const std::size_t errors_before = out_->size();
    Walk(fs::path(root), "");
    if (files_ > 0 || skipped_as_seen_ > 0 || out_->size() > errors_before + notes_) {
      return;
    }
    std::string reason = "the folder has no files to scan";
    if (skipped_links_ > 0) {
      reason = "the folder has only symbolic links out of it, which are skipped (BatchOptions::follow)";
    } else if (skipped_by_globs_ > 0) {
      reason = "no file in the folder matches the include and exclude globs";
    } else if (skipped_hidden_ > 0) {
      reason =
          "the folder has only hidden files (names starting with '.' or '~$'), which are "
          "skipped";
    }
    out_->push_back(
        PathEntry{root, clausescan::Error(ErrorCode::kInvalidArgument, reason, root), 0});
  }

 private:
  void Error(const std::string& path, const std::string& reason) {
    out_->push_back(PathEntry{path, clausescan::Error(ErrorCode::kIo, reason, path), 0});
  }

  void Note(const std::string& path, const std::string& reason) {
    ++notes_;
    out_->push_back(
        PathEntry{path, clausescan::Error(ErrorCode::kIo, reason, path), 0, false, true});
  }

  void Skip(const std::string& path, const std::string& reason) {
    ++skipped_links_;
    Note(path, reason);
  }

  // True, after a note saying why, when options_.skip_found skips the file or folder at path.
  bool SkippedAsFound(const std::string& path, bool is_folder) {
    if (!options_.skip_found) return false;
    const std::optional<std::string> reason = options_.skip_found(path, is_folder);
    if (!reason) return false;
    Note(path, "skipped: " + *reason);
    return true;
  }

  // True when the symlink at path may be followed; otherwise reports why not (a loop, a
  // broken link, a target outside the root without options_.follow, or into /proc, /sys, /dev).
  bool MayFollow(const fs::path& path, bool is_directory) {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    if (ec) {
      Error(path.string(), ec == std::errc::too_many_symbolic_link_levels ? "symbolic link loop"
                           : ec == std::errc::no_such_file_or_directory
                               ? "broken symbolic link"
                               : "cannot follow symbolic link: " + ec.message());
      return false;
    }
    if (internal::PathInside(target, root_)) return true;
    if (!options_.follow) {
      Skip(path.string(), is_directory ? "skipped: symbolic link to a folder outside the folder; "
                                         "BatchOptions::follow to walk it"
                                       : "skipped: symbolic link to a file outside the folder; "
                                         "BatchOptions::follow to read it");
      return false;
    }
    for (const char* system : {"/proc", "/sys", "/dev"}) {
      if (internal::PathInside(target, system)) {
        Skip(path.string(),
             std::string("skipped: symbolic link into ") + system + ", never followed");
        return false;
      }
    }
    return true;
  }

  // Walks the folder at dir; relative is its path below the root ("" for the root).
  void Walk(const fs::path& dir, const std::string& relative) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) {
      Error(dir.string(), std::string("cannot read folder: ") + std::strerror(errno) +
                              "; nothing in it is scanned");
      return;
    }
    const FileId id{st.st_dev, st.st_ino};
    if (ancestors_.count(id) > 0) {
      Error(dir.string(), "symbolic link loop: this folder is already being scanned");
      return;
    }
    // A folder reached again through another symlink was walked once already; a root named
    // again is listed again (its files found already are skipped), so that an empty folder
    // named on its own is still reported.
    if (!walked_.insert(id).second && !relative.empty()) {
      ++skipped_as_seen_;
      return;
    }
    if (SkippedAsFound(dir.string(), true)) return;
    ancestors_.insert(id);
    WalkEntries(dir, relative);
    ancestors_.erase(id);
  }

  void WalkEntries(const fs::path& dir, const std::string& relative) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      Error(dir.string(), "cannot read folder: " + ec.message());
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const fs::directory_entry& entry : entries) {
      std::string name = entry.path().filename().string();
      std::string child = relative.empty() ? name : relative + "/" + name;
      if (!options_.hidden && IsHidden(name)) {
        ++skipped_hidden_;
        continue;
      }
      std::error_code type_ec;
      const bool is_folder = entry.is_directory(type_ec);
      if (AnyMatches(exclude_, child, is_folder)) {
        ++skipped_by_globs_;
        continue;
      }
      if (entry.is_symlink(type_ec) && !MayFollow(entry.path(), is_folder)) {
        continue;
      }
      if (is_folder) {
        Walk(entry.path(), child);
      } else if (entry.is_regular_file(type_ec)) {
        if (!include_.empty() && !AnyMatches(include_, child, false)) {
          ++skipped_by_globs_;
          continue;
        }
        AddFile(entry.path());
      } else if (entry.is_symlink(type_ec) && !fs::exists(entry.path(), type_ec)) {
        Error(entry.path().string(), "broken symbolic link");
      } else if (fs::exists(entry.status(type_ec))) {
        // A FIFO, socket or device: never opened (a FIFO would block the walk's reader).
        Note(entry.path().string(), "not a regular file: skipped");
      }
    }
  }

  // Adds a file the walk found, unless it is to be skipped or was found already.
  void AddFile(const fs::path& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {  // gone since the folder was read: ScanFile says so
      ++files_;
      out_->push_back(PathEntry{path.string(), std::nullopt, 0, true});
      return;
    }
    const FileId id{st.st_dev, st.st_ino};
    if (skip_.count(id) > 0) return;
    if (found_.count(id) > 0) {
      ++skipped_as_seen_;
      return;
    }
    // A file skipped as no contract is skipped under its other names too, silently, and does not
    // count as found: a folder holding only it and a link to it has no files to scan (attack
    // review of 86d34a9 #3: such a folder printed nothing and exited 0).
    if (SkippedAsFound(path.string(), false)) {
      skip_.insert(id);
      return;
    }
    found_.insert(id);
    ++files_;
    out_->push_back(
        PathEntry{path.string(), std::nullopt, static_cast<std::size_t>(st.st_size), true});
  }

  const BatchOptions& options_;
  const std::vector<internal::PathGlob> include_;
  const std::vector<internal::PathGlob> exclude_;
  std::vector<PathEntry>* out_;
  std::set<FileId> skip_;       // options_.skip_files
  std::set<FileId> ancestors_;  // folders on the current walk path
  std::set<FileId> walked_;     // every folder walked, for the whole expansion
  std::set<FileId> roots_;      // every folder named as a root
  std::set<FileId> found_;      // every file found by walking
  std::size_t files_ = 0;       // of the current root
  std::size_t skipped_hidden_ = 0;
  std::size_t skipped_by_globs_ = 0;
  std::size_t skipped_links_ = 0;    // links not followed (notes)
  std::size_t notes_ = 0;            // entries that are notes, not failures (PathEntry::skipped)
  fs::path root_;                    // the root being walked, symlinks resolved
  std::size_t skipped_as_seen_ = 0;  // folders and files found already under another name
};

// jobs (0: one per core), at most one per core and one per file: a scan keeps its core busy, so
// more threads only cost memory and switching (-j 1000000 took 3.5 times as long).
int ThreadCount(int jobs, std::size_t files) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int count = jobs > 0 ? std::min(jobs, cores) : cores;
  return static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(count, files)));
}

}  // namespace

std::vector<PathEntry> ExpandPaths(const std::vector<std::string>& paths,
                                   const BatchOptions& options) {
  std::vector<PathEntry> out;
  Walker walker(options, &out);
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      walker.WalkRoot(path);
    } else {
      // Named files are scanned as given, each once; ScanFile reports what is wrong with them.
      // A named FIFO (a process substitution) is waited on, but not one put where a regular
      // file was.
      if (!walker.FirstNaming(path)) {
        out.push_back(PathEntry{
            path, clausescan::Error(ErrorCode::kIo, "named more than once; scanned once", path), 0,
            false, true});
        continue;
      }
      const bool regular = fs::is_regular_file(status);
      std::size_t bytes = regular ? fs::file_size(path, ec) : 0;
      out.push_back(PathEntry{path, std::nullopt, ec ? 0 : bytes, regular});
    }
  }
  return out;
}

void ScanPaths(const Scanner& scanner, const std::vector<std::string>& paths,
               const BatchOptions& options, const std::function<void(BatchItem&)>& on_item,
               const std::function<void(const BatchProgress&)>& on_progress) {
  const std::vector<PathEntry> entries = ExpandPaths(paths, options);
  BatchProgress progress;
  for (const PathEntry& entry : entries) {
    if (entry.error) continue;
    ++progress.files_total;
    progress.bytes_total += entry.bytes;
  }

  std::vector<std::optional<Result<Report>>> results(entries.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < entries.size(); i = next++) {
      if (entries[i].error) continue;
      Result<Report> report = entries[i].regular_only ? scanner.ScanRegularFile(entries[i].path)
                                                      : scanner.ScanFile(entries[i].path);
      std::lock_guard<std::mutex> lock(mutex);
      results[i].emplace(std::move(report));
      ready.notify_one();
    }
  };
  // Joined however this function ends: when on_item throws, the workers take no new file and
  // the exception reaches the caller once they are done.
  struct JoinOnExit {
    std::vector<std::thread> threads;
    std::atomic<std::size_t>& next;
    std::size_t end;
    ~JoinOnExit() {
      next = end;
      for (std::thread& thread : threads) thread.join();
    }
  } pool{{}, next, entries.size()};
  int threads = ThreadCount(options.jobs, progress.files_total);
  for (int t = 0; t < threads; ++t) pool.threads.emplace_back(work);

  // Hand results over in order, as soon as each is ready.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].error) {
      BatchItem item{entries[i].path, *entries[i].error, entries[i].skipped};
      if (on_item) on_item(item);
      continue;
    }
    std::optional<Result<Report>> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[i].has_value(); });
      result = std::move(results[i]);
      results[i].reset();
    }
    BatchItem item{entries[i].path, std::move(*result)};
    if (on_item) on_item(item);
    ++progress.files_done;
    progress.bytes_done += entries[i].bytes;
    if (on_progress) on_progress(progress);
  }
}

}  // namespace clausescan

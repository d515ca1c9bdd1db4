// Writing a pack (issue 13 #3): see WritePack in clausescan/pack.h. Everything is read first,
// then written into a temporary folder beside the output (a zip archive inside it), which is
// renamed (the archive: moved) into place whole.
#include <fcntl.h>
#include <fmt/format.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "clausescan/pack.h"
#include "clausescan/pack_write.h"
#include "pack/pack_files.h"
#include "pack/pack_remove.h"
#include "profile/paths.h"

namespace clausescan {
namespace {

namespace fs = std::filesystem;

// A document larger than this is refused (issue 13 #5: docs/profile.md says so).
constexpr std::size_t kMaxDocumentBytes = internal::kMaxEvidenceBytes;

using Files = std::vector<std::pair<std::string, std::string>>;  // {path in pack, content}

Error IoError(const std::string& file, const std::string& detail) {
  return Error(ErrorCode::kIo, detail, file);
}

std::string Errno() { return std::strerror(errno); }

bool EndsWithZip(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".zip";
}

// True when path names an archive other than a zip: "p.tar.gz", "p.7z" (any case).
bool IsOtherArchive(const std::string& path) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tail : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz",
                           ".tar.zst", ".7z", ".rar", ".gz", ".bz2", ".xz"}) {
    const std::size_t n = std::strlen(tail);
    if (lower.size() > n && lower.compare(lower.size() - n, n, tail) == 0) return true;
  }
  return false;
}

// The identity the profile recorded at load for doc's file, or {0, 0} when unknown (a profile
// not made by LoadProfile).
std::pair<std::uint64_t, std::uint64_t> LoadedIdentity(const Profile& profile,
                                                       const PackDocument& doc) {
  for (const EvidenceFile& e : profile.evidence) {
    if (e.line != doc.line) continue;
    if (doc.redacted && e.redacted_path == doc.source) return {e.redacted_device, e.redacted_inode};
    if (!doc.redacted && e.path == doc.source) return {e.device, e.inode};
  }
  return {0, 0};
}

// Opens written below the folder open as dir_fd, never resolving a path out of it (openat2
// RESOLVE_BENEATH: symlinks inside the folder are followed, as at load). Where the kernel has no
// openat2, or refuses the walk (an absolute symlink that stays inside), falls back to openat:
// the caller compares the file opened with the one checked at load. Returns -1 with errno set.
int OpenBeneath(int dir_fd, const std::string& written) {
  constexpr int kFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  struct open_how how {};
  how.flags = kFlags;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  int fd = static_cast<int>(::syscall(SYS_openat2, dir_fd, written.c_str(), &how, sizeof how));
  if (fd < 0 && (errno == ENOSYS || errno == EPERM || errno == E2BIG || errno == EXDEV)) {
    fd = ::openat(dir_fd, written.c_str(), kFlags);
  }
  return fd;
}

// A document opened for copying: the descriptor of the file checked, and its path in the pack.
struct OpenDocument {
  std::string pack_path;
  int fd = -1;
  std::uint64_t size = 0;  // at open; never above kMaxDocumentBytes
  const PackDocument* doc = nullptr;
};

// Closes every descriptor of documents on destruction.
struct OpenDocuments {
  std::vector<OpenDocument> list;
  OpenDocuments() = default;
  OpenDocuments(const OpenDocuments&) = delete;
  OpenDocuments& operator=(const OpenDocuments&) = delete;
  ~OpenDocuments() {
    for (const OpenDocument& d : list) ::close(d.fd);
  }
};

// Opens the document for copying, checking again that its path stays in the profile's folder
// (the folder may have changed since the profile was loaded), opening it from the folder without
// resolving out of it, and refusing a file that is not the one checked at load (same device and
// inode): a swap between the check and the open copies nothing (issue 13 #3, D0). On success
// *opened holds the descriptor (the caller closes it).
std::optional<Error> OpenDocumentFile(const Profile& profile, const PackDocument& doc,
                                      OpenDocument* opened) {
  auto error = [&](ErrorCode code, const std::string& detail) {
    return Error(code, doc.field + ": " + detail, doc.profile_file, doc.line);
  };
  std::string path;
  if (std::optional<internal::PathProblem> problem =
          internal::ResolveInFolder(profile.folder, doc.written, &path)) {
    return error(problem->code, problem->detail);
  }
  const int dir_fd = ::open(profile.folder.empty() ? "." : profile.folder.c_str(),
                            O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) {
    return error(ErrorCode::kIo,
                 "cannot open the profile's folder '" + profile.folder + "': " + Errno());
  }
  const int fd = OpenBeneath(dir_fd, fs::path(doc.written).lexically_normal().string());
  const int open_errno = errno;
  ::close(dir_fd);
  if (fd < 0) {
    errno = open_errno;
    return error(ErrorCode::kIo, errno == EXDEV || errno == ELOOP
                                     ? "'" + doc.written +
                                           "' now resolves out of the profile's folder: keep "
                                           "the file inside the folder"
                                     : "cannot open '" + doc.written + "': " + Errno());
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return error(ErrorCode::kIo, "'" + doc.written + "' is not a regular file");
  }
  const auto [device, inode] = LoadedIdentity(profile, doc);
  if (inode != 0 && (static_cast<std::uint64_t>(st.st_dev) != device ||
                     static_cast<std::uint64_t>(st.st_ino) != inode)) {
    ::close(fd);
    return error(ErrorCode::kIo, "'" + doc.written +
                                     "' has changed since the profile was loaded (it is another "
                                     "file now): nothing copied; run again");
  }
  // Never an internal original, whatever the name it is reached by (a hard link, a symlinked
  // folder, the same file under another id): compared by device and inode.
  for (const EvidenceFile& e : profile.evidence) {
    struct stat original {};
    if (e.sharing == Sharing::kInternal && ::stat(e.path.c_str(), &original) == 0 &&
        original.st_dev == st.st_dev && original.st_ino == st.st_ino) {
      ::close(fd);
      return error(ErrorCode::kRuleError, "'" + doc.written + "' is the internal original of '" +
                                              e.id + "' (" + e.file +
                                              "): give a separate redacted file");
    }
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxDocumentBytes) {
    ::close(fd);
    return error(ErrorCode::kTooLarge,
                 fmt::format("'{}' is larger than {} MiB", doc.written, kMaxDocumentBytes >> 20));
  }
  opened->pack_path = doc.pack_path;
  opened->fd = fd;
  opened->size = static_cast<std::uint64_t>(st.st_size);
  opened->doc = &doc;
  return std::nullopt;
}

// Copies the open document to the new file path in 64 KiB chunks (never the whole file in
// memory, issue 13 D5), checking `interrupted` before each chunk and the size limit as it goes
// (the file may have grown since it was opened). "" on success, else why it failed; *stopped
// tells an interruption.
std::string CopyDocument(const OpenDocument& d, const fs::path& path,
                         const std::function<bool()>& interrupted, bool* stopped) {
  const int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (out < 0) return Errno();
  std::string error;
  std::uint64_t total = 0;
  std::vector<char> buffer(std::size_t{64} << 10);
  while (error.empty()) {
    if (interrupted && interrupted()) {
      *stopped = true;
      error = "interrupted";
      break;
    }
    const ssize_t n = ::read(d.fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = "cannot read '" + d.doc->written + "': " + Errno();
      break;
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > kMaxDocumentBytes) {
      error = fmt::format("'{}' is larger than {} MiB", d.doc->written, kMaxDocumentBytes >> 20);
      break;
    }
    for (ssize_t done = 0; done < n && error.empty();) {
      const ssize_t w = ::write(out, buffer.data() + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) error = Errno();
      if (w > 0) done += w;
    }
  }
  if (error.empty() && ::fsync(out) != 0) error = Errno();
  if (::close(out) != 0 && error.empty()) error = Errno();
  return error;
}

// True when path is base or below it (both absolute and lexically normal).
bool IsWithin(const fs::path& path, const fs::path& base) {
  auto p = path.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++p) {
    if (b->empty()) continue;
    if (p == path.end() || *p != *b) return false;
  }
  return true;
}

mode_t Umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

bool WriteFile(const fs::path& path, const std::string& content, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = Errno();
    return false;
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = Errno();
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    *error = Errno();
    return false;
  }
  return true;
}

// The error of an interrupted write (PackWriteControl::interrupted).
Error Interrupted(const std::string& output) {
  return IoError(output, "interrupted: no pack written");
}

// Writes files and the documents into the new folder temp (which exists and is empty), checking
// `interrupted` between files and between chunks of a document.
std::optional<Error> WriteFolder(const fs::path& temp, const Files& files,
                                 const OpenDocuments& documents, const std::string& output,
                                 const std::function<bool()>& interrupted) {
  std::string reason;
  auto make_folder = [&](const fs::path& path, const std::string& name) -> std::optional<Error> {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return IoError(output, "cannot create a folder for " + name + ": " + ec.message());
    return std::nullopt;
  };
  for (const auto& [name, content] : files) {
    if (interrupted && interrupted()) return Interrupted(output);
    const fs::path path = temp / name;
    if (std::optional<Error> error = make_folder(path, name)) return error;
    if (!WriteFile(path, content, &reason)) {
      return IoError(output, "cannot write " + name + ": " + reason);
    }
  }
  for (const OpenDocument& d : documents.list) {
    if (interrupted && interrupted()) return Interrupted(output);
    const fs::path path = temp / d.pack_path;
    if (std::optional<Error> error = make_folder(path, d.pack_path)) return error;
    bool stopped = false;
    const std::string failure = CopyDocument(d, path, interrupted, &stopped);
    if (stopped) return Interrupted(output);
    if (!failure.empty()) return IoError(output, "cannot copy " + d.pack_path + ": " + failure);
  }
  std::error_code ec;
  fs::permissions(temp, static_cast<fs::perms>(0777 & ~Umask()), ec);
  return std::nullopt;
}

// zip_close's cancel callback: non-zero once the run is interrupted.
int ZipCancelled(zip_t*, void* state) {
  const auto* interrupted = static_cast<const std::function<bool()>*>(state);
  return *interrupted && (*interrupted)() ? 1 : 0;
}

// Writes files and the documents as a zip archive at temp (an empty file that exists; libzip
// writes its own temporary beside it, in the same folder, and renames it over temp). The
// documents are read from their descriptors while the archive is written (zip_source_filep), a
// chunk at a time; `interrupted` is asked between entries and while an entry is written
// (zip_register_cancel_callback_with_state).
std::optional<Error> WriteZip(const fs::path& temp, const Files& files,
                              const OpenDocuments& documents, const std::string& output,
                              const std::function<bool()>& interrupted) {
  int code = 0;
  zip_t* archive = zip_open(temp.c_str(), ZIP_TRUNCATE, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return IoError(output, "cannot create the zip archive: " + reason);
  }
  auto add = [&](const std::string& name, zip_source_t* source) -> std::optional<Error> {
    if (source == nullptr ||
        zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      const std::string reason = zip_strerror(archive);
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      return IoError(output, "cannot add " + name + " to the zip archive: " + reason);
    }
    return std::nullopt;
  };
  for (const auto& [name, content] : files) {
    if (std::optional<Error> error =
            add(name, zip_source_buffer(archive, content.data(), content.size(), 0))) {
      return error;
    }
  }
  for (const OpenDocument& d : documents.list) {
    // The source owns a stream of its own descriptor and reads exactly the size seen at open, so
    // a file that grows adds nothing past the limit (an empty one is an empty buffer: length 0
    // would read a file source to its end).
    zip_source_t* source = nullptr;
    if (d.size == 0) {
      source = zip_source_buffer(archive, nullptr, 0, 0);
    } else {
      const int fd = ::dup(d.fd);
      FILE* stream = fd < 0 ? nullptr : ::fdopen(fd, "rb");
      if (stream == nullptr) {
        const std::string reason = Errno();
        if (fd >= 0) ::close(fd);
        zip_discard(archive);
        return IoError(output, "cannot read " + d.doc->written + ": " + reason);
      }
      source = zip_source_filep(archive, stream, 0, static_cast<zip_int64_t>(d.size));
      if (source == nullptr) ::fclose(stream);
    }
    if (std::optional<Error> error = add(d.pack_path, source)) return error;
  }
  if (interrupted) {
    zip_register_cancel_callback_with_state(archive, ZipCancelled, nullptr,
                                            const_cast<std::function<bool()>*>(&interrupted));
  }
  if (interrupted && interrupted()) {
    zip_discard(archive);
    return Interrupted(output);
  }
  if (zip_close(archive) != 0) {
    const std::string reason = zip_strerror(archive);
    zip_discard(archive);
    if (interrupted && interrupted()) return Interrupted(output);
    return IoError(output, "cannot write the zip archive: " + reason);
  }
  std::error_code ec;
  fs::permissions(temp, static_cast<fs::perms>(0666 & ~Umask()), ec);
  return std::nullopt;
}

// Puts temp in place of output: renamed when output does not exist (never over one that appears
// meanwhile); without force, renamed over the empty folder there (rename(2) refuses one that has
// filled meanwhile); with force, exchanged with whatever is there, which (now at temp) is then
// removed without crossing onto another device (RemoveTree). When that removal leaves something,
// the new pack stays in place and *not_removed says what is left, and where.
std::optional<Error> Publish(const fs::path& temp, const fs::path& output, bool exists, bool force,
                             std::string* not_removed) {
  const bool exchange = exists && force;
  const int done = exists && !force ? ::rename(temp.c_str(), output.c_str())
                                    : ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, output.c_str(),
                                                  exchange ? RENAME_EXCHANGE : RENAME_NOREPLACE);
  if (done != 0) {
    return IoError(output.string(), "cannot put the pack in place: " + Errno());
  }
  if (exchange) {
    const fs::path folder = output.parent_path().empty() ? fs::path(".") : output.parent_path();
    struct stat st {};
    const std::string left = ::stat(folder.c_str(), &st) != 0
                                 ? folder.string() + ": " + Errno()
                                 : internal::RemoveTree(temp.string(), st.st_dev);  // issue 13 D12
    if (!left.empty() && not_removed != nullptr) {
      *not_removed = "the earlier pack it replaced could not be removed entirely (" + left +
                     "); what is left of it is in " + temp.string() + ": remove it by hand";
    }
  }
  return std::nullopt;
}

// The earlier pack's own paths (relative, '/'-separated): its fixed text files, and every file
// its index.md links to ("](PATH)"); a folder is its own when one of those files is below it.
class EarlierPackFiles {
 public:
  explicit EarlierPackFiles(const fs::path& folder) {
    std::error_code ec;
    const auto size = fs::file_size(folder / "index.md", ec);
    if (ec || size > (std::uintmax_t{64} << 20)) return;
    std::string text;
    text.resize(static_cast<std::size_t>(size));
    const int fd = ::open((folder / "index.md").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    const ssize_t n = ::read(fd, text.data(), text.size());
    ::close(fd);
    if (n > 0) index_.assign(text.data(), static_cast<std::size_t>(n));
  }
  bool OwnsFile(const std::string& path) const {
    for (const char* fixed : {"index.md", "index.html", "subprocessors.csv", "subprocessors.md",
                              "documents/nda/soa-excerpt.csv", "documents/nda/soa-excerpt.md"}) {
      if (path == fixed) return true;
    }
    return index_.find("](" + path + ")") != std::string::npos;
  }
  bool OwnsFolder(const std::string& path) const {
    return path == "documents" || path == "documents/nda" ||
           index_.find("](" + path + "/") != std::string::npos;
  }

 private:
  std::string index_;
};

// What is in the earlier pack at folder that it did not write (a file the user added, a folder
// of theirs), relative to folder; a folder of theirs is named once, not what is in it. Symbolic
// links are never followed (a link is the pack's only when its index links to it).
std::vector<std::string> NotWrittenByThePack(const fs::path& folder) {
  const EarlierPackFiles own(folder);
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(folder).generic_string();
    std::error_code type_ec;
    const bool is_folder = it->is_directory(type_ec) && !it->is_symlink(type_ec);
    if (is_folder ? own.OwnsFolder(rel) : own.OwnsFile(rel)) continue;
    found.push_back(is_folder ? rel + "/" : rel);
    if (is_folder) it.disable_recursion_pending();
  }
  if (ec) found.push_back("(cannot read the folder: " + ec.message() + ")");
  return found;
}

// Whether file is a zip pack clausescan wrote: its index.md opens with the pack's title.
bool IsEarlierZipPack(const std::string& file) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return false;
  bool pack = false;
  zip_file_t* index = zip_fopen(archive, "index.md", 0);
  if (index != nullptr) {
    char head[16];
    pack = zip_fread(index, head, sizeof head) == static_cast<zip_int64_t>(sizeof head) &&
           std::string(head, sizeof head) == "# Security pack\n";
    zip_fclose(index);
  }
  zip_discard(archive);
  return pack;
}

// Refuses an output that cannot or must not be replaced; *exists says whether one is there.
std::optional<Error> CheckOutput(const std::string& output, bool zip, const Profile& profile,
                                 const PackWriteOptions& options, bool* exists) {
  if (output.empty()) return Error(ErrorCode::kInvalidArgument, "the output path is empty");
  const fs::path path(output);
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  *exists = fs::exists(status);
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec)) {
    return IoError(output, "the folder " + folder.string() + " does not exist");
  }
  if (path.filename().empty() || path.filename() == "." || path.filename() == "..") {
    return Error(ErrorCode::kInvalidArgument, "name the pack's folder itself, not " + output,
                 output);
  }
  // The output is replaced whole: never the profile's folder or one above it.
  const fs::path out_abs = fs::absolute(path, ec).lexically_normal();
  const fs::path profile_abs = fs::weakly_canonical(fs::path(profile.folder), ec);
  const fs::path out_canonical = fs::weakly_canonical(folder, ec) / path.filename();
  if (IsWithin(profile_abs, out_abs) || IsWithin(profile_abs, out_canonical)) {
    return Error(
        ErrorCode::kInvalidArgument,
        "the pack would replace the profile's folder " + profile.folder + ": write it elsewhere",
        output);
  }
  // Never a system folder: a pack there would replace a device or a kernel file (issue 13 #3).
  const fs::path folder_canonical = fs::weakly_canonical(folder, ec);
  for (const char* system : {"/dev", "/proc", "/sys"}) {
    if (IsWithin(fs::path(system), folder_canonical)) {
      return Error(ErrorCode::kInvalidArgument,
                   std::string("is under ") + system + ": write the pack to a folder of files",
                   output);
    }
  }
  if (!*exists) return std::nullopt;
  // --force replaces files and earlier packs only: never a device, FIFO or socket, and never a
  // symbolic link (what it names is not ours to replace, and replacing the link surprises).
  if (fs::is_symlink(status)) {
    return Error(ErrorCode::kInvalidArgument,
                 "is a symbolic link: name the pack's own path, not a link (not replaced)", output);
  }
  if (!fs::is_regular_file(status) && !fs::is_directory(status)) {
    return Error(ErrorCode::kInvalidArgument,
                 "is a device, FIFO or socket, not a file or folder (not replaced)", output);
  }
  if (zip && fs::is_directory(status)) {
    return Error(ErrorCode::kInvalidArgument, "is a directory: name a .zip file", output);
  }
  const bool empty_folder = fs::is_directory(status) && fs::is_empty(path, ec) && !ec;
  if (!empty_folder && !options.force) {
    return Error(ErrorCode::kInvalidArgument,
                 zip ? "already exists; use --force to replace it"
                     : "already exists and is not an empty folder; use --force to replace it",
                 output);
  }
  // A read-only .zip is not replaced, --force or not, as `scan -o` refuses a read-only report
  // (write protection is the user's word that the file stays).
  if (fs::is_regular_file(status) && ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0 &&
      errno == EACCES) {
    return Error(ErrorCode::kInvalidArgument, "is read-only; not replacing it", output);
  }
  // A file is replaced only when it is an earlier zip pack: an archive or document of the user's
  // named by mistake is never overwritten (attack review of the merged main #1).
  if (fs::is_regular_file(status) && !IsEarlierZipPack(path.string())) {
    return Error(ErrorCode::kInvalidArgument,
                 "is a file that holds no pack (no index.md written by clausescan pack): "
                 "--force replaces only an earlier pack; name a new file",
                 output);
  }
  if (!empty_folder && fs::is_directory(status) && !IsEarlierPack(path.string())) {
    return Error(ErrorCode::kInvalidArgument,
                 "is a folder that holds no pack (no index.md written by clausescan pack): "
                 "--force replaces only an earlier pack; name a new folder",
                 output);
  }
  // issue 13 s8 #1: --force replaces only what the earlier pack wrote; a file the user added to
  // it (a signed NDA, a cover letter) is never removed: the pack is not replaced at all.
  if (!empty_folder && fs::is_directory(status)) {
    const std::vector<std::string> added = NotWrittenByThePack(path);
    if (!added.empty()) {
      std::string names;
      for (std::size_t i = 0; i < added.size() && i < 5; ++i) {
        names += (i == 0 ? "" : ", ") + (path / added[i]).string();
      }
      if (added.size() > 5) names += fmt::format(" and {} more", added.size() - 5);
      return Error(ErrorCode::kInvalidArgument,
                   "holds what no earlier pack wrote (" + names +
                       "): --force replaces only an earlier pack's own files; move those out "
                       "of it, or name a new folder (not replaced)",
                   output);
    }
  }
  // issue 13 D12: the earlier pack is removed without crossing onto another device; one with a
  // folder mounted inside is not replaced at all.
  struct stat parent {};
  if (!empty_folder && fs::is_directory(status) && ::stat(folder.c_str(), &parent) == 0) {
    const std::string mounted = internal::FindOtherDevice(output, parent.st_dev);
    if (!mounted.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "holds " + mounted +
                       ", on another device (a mount point): --force never removes across "
                       "one; unmount it or name a new folder (not replaced)",
                   output);
    }
  }
  return std::nullopt;
}


}  // namespace

Result<bool> WritePack(const Pack& pack, const Profile& profile, const std::string& output,
                       const PackWriteOptions& options) {
  return WritePack(pack, profile, output, options, PackWriteControl{});
}

namespace {

// Whether name is a temporary of a run writing the output named `output_name`: the prefix
// ".NAME.clausescan-", six characters from mkdtemp or mkstemp, and libzip's ".XXXXXX" or none.
// The name alone proves nothing (".pack.clausescan-backup" may be the user's): see kRunMarker.
bool IsTemporaryOf(const std::string& name, const std::string& output_name) {
  const std::string prefix = "." + output_name + ".clausescan-";
  if (!name.starts_with(prefix)) return false;
  const std::size_t rest = name.size() - prefix.size();
  return rest == 6 || (rest == 13 && name[prefix.size() + 6] == '.');
}

// The empty file a run writes first into its temporary folder and removes just before the
// folder is renamed into place: a folder holding it was made by a pack run and is not complete.
constexpr const char* kRunMarker = ".clausescan-pack-unfinished";

// Whether folder (opened as dir_fd) holds the run marker as a regular file.
bool HoldsRunMarker(int dir_fd) {
  struct stat st {};
  return ::fstatat(dir_fd, kRunMarker, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

// Removes the temporary folders that runs writing output_name into folder left there when
// killed (see PackWriteControl::swept) and returns the paths removed; names in *kept the ones
// with a temporary's name that it cannot prove are a run's (no run marker, or a zip temporary,
// a plain file): those are left as they are.
std::vector<std::string> SweepStaleTemporaries(const fs::path& folder,
                                               const std::string& output_name,
                                               std::vector<std::string>* kept) {
  constexpr time_t kStaleSeconds = 60;  // a run's temporary changes as it is written
  std::vector<std::string> removed;
  struct stat folder_st {};
  if (::stat(folder.c_str(), &folder_st) != 0) return removed;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path path = it->path();
    if (!IsTemporaryOf(path.filename().string(), output_name)) continue;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || st.st_uid != ::geteuid() ||
        !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)) || st.st_dev != folder_st.st_dev ||
        ::time(nullptr) - st.st_mtime < kStaleSeconds) {
      continue;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {  // a running pack holds its lock: not stale
      if (S_ISDIR(st.st_mode) && HoldsRunMarker(fd) &&
          internal::RemoveTree(path.string(), folder_st.st_dev).empty()) {
        removed.push_back(path.string());
      } else if (kept != nullptr) {
        kept->push_back(path.string());
      }
    }
    ::close(fd);
  }
  return removed;
}

}  // namespace

Result<bool> WritePack(const Pack& pack, const Profile& profile, const std::string& output_arg,
                       const PackWriteOptions& options, const PackWriteControl& control) {
  std::string* not_removed = control.not_removed;
  if (not_removed != nullptr) not_removed->clear();
  // "pack/" names the folder pack, and "pack.zip/" a folder too: the slash asks for one.
  std::string output = output_arg;
  const bool folder_asked = output.size() > 1 && output.back() == '/';
  while (output.size() > 1 && output.back() == '/') output.pop_back();
  const bool zip = EndsWithZip(output) && !folder_asked;
  if (IsOtherArchive(output) && !folder_asked) {
    return Error(ErrorCode::kInvalidArgument, "only .zip archives: name a .zip file, or a folder",
                 output);
  }
  bool exists = false;
  if (std::optional<Error> error = CheckOutput(output, zip, profile, options, &exists)) {
    return *error;
  }
  // Every document is opened and checked before anything is written (a bad one writes
  // nothing), then copied a chunk at a time (issue 13 D5).
  OpenDocuments documents;
  for (const PackDocument& doc : pack.documents) {
    OpenDocument opened;
    if (std::optional<Error> error = OpenDocumentFile(profile, doc, &opened)) return *error;
    documents.list.push_back(opened);
  }
  const Files files = internal::PackTextFiles(pack);

  const fs::path path(output);
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::vector<std::string> swept =
      SweepStaleTemporaries(folder, path.filename().string(), control.stale_kept);
  if (control.swept != nullptr) *control.swept = std::move(swept);
  // The pack is written in a temporary folder beside the output that holds the run marker while
  // it is unfinished; a zip archive is written inside it, so a run killed at any point leaves
  // only such a folder, which a later run sweeps (SweepStaleTemporaries).
  std::string pattern = (folder / ("." + path.filename().string() + ".clausescan-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return IoError(output, "cannot create a temporary folder beside it: " + Errno());
  }
  // Held on the temporary folder while it is written, so no other run sweeps it.
  const int lock = ::open(pattern.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (lock >= 0) ::flock(lock, LOCK_EX);
  const fs::path marker = fs::path(pattern) / kRunMarker;
  const fs::path written = zip ? fs::path(pattern) / path.filename() : fs::path(pattern);
  std::optional<Error> error;
  const int marker_fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (marker_fd < 0) {
    error = IoError(output, "cannot create a file in its temporary folder: " + Errno());
  } else if (zip) {
    ::close(marker_fd);
    const int archive_fd =
        ::open(written.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (archive_fd < 0) {
      error = IoError(output, "cannot create a file in its temporary folder: " + Errno());
    } else {
      ::close(archive_fd);
      error = WriteZip(written, files, documents, output, control.interrupted);
    }
  } else {
    ::close(marker_fd);
    error = WriteFolder(pattern, files, documents, output, control.interrupted);
    if (!error && ::unlink(marker.c_str()) != 0) {
      error = IoError(output, "cannot complete its temporary folder: " + Errno());
    }
  }
  if (!error && control.interrupted && control.interrupted()) error = Interrupted(output);
  // The pack it replaces keeps its permission bits: a 0600 pack of documents shared under NDA
  // stays 0600 (attack review of main b9810e3 #6). Only a pack of the same kind is replaced (a
  // folder by a folder, a zip by a zip: CheckOutput).
  if (!error && exists) {
    struct stat earlier {};
    if (::lstat(path.c_str(), &earlier) == 0 &&
        ::chmod(written.c_str(), earlier.st_mode & 07777) != 0) {
      error = IoError(output, "cannot give the new pack the earlier one's permissions: " + Errno());
    }
  }
  if (!error) error = Publish(written, path, exists, options.force, not_removed);
  if (error) {
    std::error_code ec;
    fs::remove_all(pattern, ec);
  } else if (zip) {
    // The archive is in place; its temporary folder holds the marker, and what Publish could
    // not remove of a replaced output (named in *not_removed), which stays.
    ::unlink(marker.c_str());
    ::rmdir(pattern.c_str());
  }
  if (lock >= 0) ::close(lock);
  if (error) return *error;
  return true;
}

bool IsEarlierPack(const std::string& folder) {
  const int fd = ::open((fs::path(folder) / "index.md").c_str(),
                        O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return false;
  struct stat st {};
  char head[16];
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const ssize_t n = regular ? ::read(fd, head, sizeof head) : -1;
  ::close(fd);
  return n == static_cast<ssize_t>(sizeof head) &&
         std::string(head, sizeof head) == "# Security pack\n";
}

}  // namespace clausescan

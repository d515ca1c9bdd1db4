// The evidence inventory of a profile: the `evidence:` list.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "profile/paths.h"
#include "profile/readers.h"

namespace clausescan::internal {
namespace {

const Names kSharingNames = {"public", "nda", "internal"};

// An id of the user's own: lower-case letters, digits, '-' and '_', starting with a letter.
bool IsOwnId(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// Reads a YYYY-MM-DD date.
bool ReadDate(ProfileReader& reader, const YAML::Node& node, const std::string& key,
              const std::string& field, CalendarDate* out) {
  std::string text;
  if (!reader.Check(ReadString(reader.file(), node, key, &text), field)) return false;
  std::optional<CalendarDate> date = CalendarDate::Parse(text);
  // issue 13 s8 #6: a date in the right shape that no calendar has ("2027-06-31") says so.
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.end(),
                                  [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!date && shaped) {
    reader.Fail(node, field,
                fmt::format("'{}' is not a real date: '{}' (such as 2026-03-31)", key, text));
    return false;
  }
  if (!date) {
    reader.Fail(node, field,
                fmt::format("'{}' must be a date written YYYY-MM-DD (such as 2026-03-31), "
                            "found '{}'",
                            key, text.substr(0, 40)));
    return false;
  }
  *out = *date;
  return true;
}

// One use of a file by the inventory: the file it is (device, inode), how it would be shared
// ("public", "nda", "internal", or "redacted" for a redacted copy) and where the profile names it.
struct FileUse {
  std::uint64_t device = 0, inode = 0;
  std::string level;
  std::string field;
  int line = 0;
  std::string written;
};

// Reads a path of the entry (key `file` or `redacted`), checks it stays in the folder and
// records the file's identity (symlinks followed, as the check follows them).
bool ReadPath(ProfileReader& reader, const YAML::Node& node, const std::string& key,
              const std::string& field, std::string* written, std::string* path,
              std::uint64_t* device, std::uint64_t* inode) {
  if (!reader.Check(ReadString(reader.file(), node, key, written), field)) return false;
  std::optional<PathProblem> problem = ResolveInFolder(reader.folder(), *written, path);
  struct stat st {};
  if (!problem && ::stat(path->c_str(), &st) != 0) {
    problem = PathProblem{ErrorCode::kIo, fmt::format("cannot read '{}'", *written)};
  }
  if (problem) {
    Error at = reader.file().At(node, problem->detail);
    reader.Add(Error(problem->code, at.detail(), at.file(), at.line(), at.column()), field);
    return false;
  }
  *device = static_cast<std::uint64_t>(st.st_dev);
  *inode = static_cast<std::uint64_t>(st.st_ino);
  return true;
}

// Records use, refusing it (at node) when an earlier use is the same file shared at another
// level: an internal document must never reach a pack under another entry (issue 13 #3).
bool CheckFileUse(ProfileReader& reader, const YAML::Node& node, FileUse use,
                  std::vector<FileUse>* uses) {
  for (const FileUse& earlier : *uses) {
    if (earlier.device != use.device || earlier.inode != use.inode) continue;
    if (earlier.level == use.level) break;
    reader.Fail(
        node, use.field,
        fmt::format("'{}' is the same file as {} (line {}), '{}', which is {}: one file "
                    "cannot be shared both ways (give each entry its own file)",
                    use.written, earlier.field, earlier.line, earlier.written,
                    earlier.level == "redacted" ? std::string("a redacted copy")
                                                : fmt::format("shared as '{}'", earlier.level)));
    return false;
  }
  uses->push_back(std::move(use));
  return true;
}

void ReadEntry(ProfileReader& reader, const YAML::Node& item, const std::string& field,
               std::vector<FileUse>* uses, std::vector<EvidenceFile>* out) {
  const YamlFile& file = reader.file();
  Fields fields;
  if (!reader.Check(
          Fields::Read(file, item, "evidence entry",
                       {"id", "title", "file", "issued", "valid_until", "sharing", "redacted"},
                       {"id", "file", "issued", "valid_until", "sharing"}, &fields),
          field)) {
    return;
  }
  EvidenceFile entry;
  entry.line = item.Mark().line + 1;
  bool ok = reader.Check(ReadString(file, *fields.Find("id"), "id", &entry.id), field + ".id");
  ok =
      reader.Check(ReadOptionalString(file, fields, "title", &entry.title), field + ".title") && ok;
  if (ok) {
    const auto& catalogue = reader.rules().evidence;
    auto known = std::find_if(catalogue.begin(), catalogue.end(),
                              [&](const EvidenceEntry& e) { return e.id == entry.id; });
    entry.catalogued = known != catalogue.end();
    if (entry.catalogued && entry.title.empty()) entry.title = known->title;
    if (!entry.catalogued && entry.title.empty()) {
      reader.Fail(*fields.Find("id"), field + ".id",
                  fmt::format("unknown evidence id '{}'{}: use an id of the evidence catalogue "
                              "(docs/profile.md lists them), or give your own id a 'title'",
                              entry.id.substr(0, 40), DidYouMean(entry.id, IdsOf(catalogue))));
      ok = false;
    } else if (!entry.catalogued && entry.id.size() > 64) {  // issue 13 s9 #4
      reader.Fail(*fields.Find("id"), field + ".id",
                  fmt::format("evidence id '{}...' is {} characters long: at most 64",
                              entry.id.substr(0, 40), entry.id.size()));
      ok = false;
    } else if (!entry.catalogued && !IsOwnId(entry.id)) {
      reader.Fail(*fields.Find("id"), field + ".id",
                  fmt::format("evidence id '{}' must be lower-case letters, digits, '-' and '_', "
                              "starting with a letter",
                              entry.id.substr(0, 40)));
      ok = false;
    }
  }
  const bool file_ok = ReadPath(reader, *fields.Find("file"), "file", field + ".file", &entry.file,
                                &entry.path, &entry.device, &entry.inode);
  ok = file_ok && ok;
  const bool issued =
      ReadDate(reader, *fields.Find("issued"), "issued", field + ".issued", &entry.issued);
  const bool until = ReadDate(reader, *fields.Find("valid_until"), "valid_until",
                              field + ".valid_until", &entry.valid_until);
  if (issued && until && entry.valid_until < entry.issued) {
    reader.Fail(*fields.Find("valid_until"), field + ".valid_until",
                fmt::format("'valid_until' ({}) is before 'issued' ({})",
                            entry.valid_until.ToString(), entry.issued.ToString()));
    ok = false;
  }
  ok = ok && issued && until;
  std::size_t sharing = 0;
  if (reader.Check(ReadEnum(file, *fields.Find("sharing"), "sharing", kSharingNames, &sharing),
                   field + ".sharing")) {
    entry.sharing = static_cast<Sharing>(sharing);
    if (const YAML::Node* redacted = fields.Find("redacted")) {
      if (entry.sharing != Sharing::kInternal) {
        reader.Fail(fields.KeyNode("redacted"), field + ".redacted",
                    fmt::format("'redacted' is for internal evidence only: this one is shared "
                                "as '{}' already",
                                kSharingNames[sharing]));
        ok = false;
      } else {
        ok = ReadPath(reader, *redacted, "redacted", field + ".redacted", &entry.redacted,
                      &entry.redacted_path, &entry.redacted_device, &entry.redacted_inode) &&
             ok;
        // The same file by identity, not by name: a hard link, a symlinked folder, "./" (D1).
        if (ok && entry.redacted_device == entry.device && entry.redacted_inode == entry.inode) {
          reader.Fail(*redacted, field + ".redacted",
                      fmt::format("'redacted' names the internal original itself (the same file "
                                  "as '{}'): give the redacted copy",
                                  entry.file));
          ok = false;
        }
      }
    }
  } else {
    ok = false;
  }
  // One file under two entries at different sharing levels (D2).
  if (ok) {
    ok = CheckFileUse(reader, *fields.Find("file"),
                      {entry.device, entry.inode, std::string(SharingName(entry.sharing)),
                       field + ".file", entry.line, entry.file},
                      uses);
  }
  if (ok && !entry.redacted.empty()) {
    ok = CheckFileUse(reader, *fields.Find("redacted"),
                      {entry.redacted_device, entry.redacted_inode, "redacted", field + ".redacted",
                       entry.line, entry.redacted},
                      uses);
  }
  if (ok) out->push_back(std::move(entry));
}

}  // namespace

void ReadEvidence(ProfileReader& reader, const YAML::Node& node, std::vector<EvidenceFile>* out) {
  if (!node.IsSequence()) {
    return reader.Fail(node, "evidence",
                       fmt::format("expected a list for 'evidence', found {}", KindName(node)));
  }
  std::vector<FileUse> uses;
  for (std::size_t i = 0; i < node.size() && !reader.Full(); ++i) {
    ReadEntry(reader, node[i], ItemField("evidence", i), &uses, out);
  }
}

}  // namespace clausescan::internal

// LoadProfile: the profile file's top level and its sub-processors; the other sections have
// their own readers (soa_reader.cc, evidence_reader.cc, capabilities_reader.cc).
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "clausescan/profile.h"
#include "common/read_file.h"
#include "profile/paths.h"
#include "profile/readers.h"

namespace clausescan {
namespace internal {

bool ProfileReader::Check(Status status, const std::string& field) {
  if (!status) return true;
  Add(std::move(*status), field);
  return false;
}

void ProfileReader::Add(Error error, const std::string& field) {
  if (Full()) return;
  errors_->push_back(ProfileError{std::move(error), field});
}

bool ReadMapOfKnownKeys(ProfileReader& reader, const YAML::Node& node, std::string_view what,
                        const Names& allowed, const std::string& field, Fields* fields) {
  if (reader.Check(ReadMapEntries(reader.file(), node, what, allowed, fields), field)) return true;
  // Read it again, any key accepted: only an unknown key failed when this passes.
  Fields any;
  if (ReadMapEntries(reader.file(), node, what, {}, &any)) return false;
  *fields = std::move(any);
  return true;
}

std::string ItemField(const std::string& list, std::size_t index) {
  return fmt::format("{}[{}]", list, index);
}

void ReadSubprocessors(ProfileReader& reader, const YAML::Node& node,
                       std::vector<Subprocessor>* out) {
  const YamlFile& file = reader.file();
  if (!node.IsSequence()) {
    reader.Fail(node, "subprocessors",
                fmt::format("expected a list for 'subprocessors', found {}", KindName(node)));
    return;
  }
  for (std::size_t i = 0; i < node.size() && !reader.Full(); ++i) {
    const std::string field = ItemField("subprocessors", i);
    Fields fields;
    if (!reader.Check(Fields::Read(file, node[i], "sub-processor",
                                   {"name", "purpose", "location", "certifications"},
                                   {"name", "purpose", "location"}, &fields),
                      field)) {
      continue;
    }
    Subprocessor entry;
    entry.line = node[i].Mark().line + 1;
    reader.Check(ReadString(file, *fields.Find("name"), "name", &entry.name), field + ".name");
    reader.Check(ReadString(file, *fields.Find("purpose"), "purpose", &entry.purpose),
                 field + ".purpose");
    reader.Check(ReadString(file, *fields.Find("location"), "location", &entry.location),
                 field + ".location");
    if (const YAML::Node* list = fields.Find("certifications")) {
      reader.Check(ReadStringList(file, *list, "certifications", &entry.certifications),
                   field + ".certifications");
    }
    out->push_back(std::move(entry));
  }
}

constexpr std::size_t kMaxProfileBytes = std::size_t{4} << 20;

// Refuses (at the entry's line) an evidence file or redacted copy that is the profile itself or
// its SoA CSV, by identity (a link or another name counts): the pack would copy it to the buyer,
// and the profile holds the company's own limits and its SoA justifications, which leave only as
// the pack's excerpt (attack review of 86d34a9 #1).
void CheckEvidenceIsNoProfileFile(ProfileReader& reader, const std::string& soa_csv,
                                  const std::vector<EvidenceFile>& evidence) {
  struct Own {
    struct stat st;
    std::string what;
  };
  std::vector<Own> own;
  struct stat st {};
  if (::stat(reader.file().source().name.c_str(), &st) == 0) own.push_back({st, "the profile itself"});
  std::string csv_path;
  if (!soa_csv.empty() && !ResolveInFolder(reader.folder(), soa_csv, &csv_path) &&
      ::stat(csv_path.c_str(), &st) == 0) {
    own.push_back({st, "the profile's SoA CSV (soa_csv), which leaves only as the pack's excerpt"});
  }
  for (const EvidenceFile& entry : evidence) {
    for (const auto& [device, inode, key, written] :
         {std::tuple{entry.device, entry.inode, "file", entry.file},
          std::tuple{entry.redacted_device, entry.redacted_inode, "redacted", entry.redacted}}) {
      if (written.empty()) continue;
      for (const Own& file : own) {
        if (static_cast<std::uint64_t>(file.st.st_dev) != device ||
            static_cast<std::uint64_t>(file.st.st_ino) != inode) {
          continue;
        }
        YAML::Mark mark;
        mark.line = entry.line - 1;
        reader.Add(reader.file().AtMark(
                       mark, fmt::format("evidence '{}': '{}' ({}) is {}: name the document "
                                         "itself",
                                         entry.id, written, key, file.what)),
                   "evidence");
      }
    }
  }
}

// Reads the profile's top-level map into *profile.
void ReadProfileRoot(ProfileReader& reader, const YAML::Node& root, Profile* profile) {
  Fields fields;
  if (!ReadMapOfKnownKeys(reader, root, "the profile",
                          {"soa", "soa_csv", "evidence", "capabilities", "subprocessors"}, "",
                          &fields)) {
    return;
  }
  if (const YAML::Node* soa = fields.Find("soa")) ReadSoa(reader, *soa, &profile->soa);
  if (const YAML::Node* csv = fields.Find("soa_csv")) {
    ImportSoaCsv(reader, *csv, &profile->soa_csv, &profile->soa);
  }
  CheckSoaUnique(reader, profile->soa);
  if (const YAML::Node* evidence = fields.Find("evidence")) {
    ReadEvidence(reader, *evidence, &profile->evidence);
    CheckEvidenceIsNoProfileFile(reader, profile->soa_csv, profile->evidence);
  }
  if (const YAML::Node* capabilities = fields.Find("capabilities")) {
    ReadCapabilities(reader, *capabilities, &profile->capabilities);
  }
  if (const YAML::Node* subprocessors = fields.Find("subprocessors")) {
    ReadSubprocessors(reader, *subprocessors, &profile->subprocessors);
  }
}

namespace {

// Why path cannot be a profile: its folder is where its evidence is found, so standard input
// ("-", /dev/stdin, /proc/self/fd/0, a process substitution), a device, a FIFO or anything in
// /dev, /proc or /sys is refused (issue 13 s8 #4). "" when it may be one.
std::string NotAProfilePath(const std::string& path) {
  const std::string own = ": give the profile's own path";
  if (path == "-") return "standard input is not accepted" + own;
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  const std::filesystem::path folder =
      std::filesystem::weakly_canonical(absolute.parent_path(), ec);
  for (const std::filesystem::path& p : {absolute, folder}) {
    auto part = p.begin();
    if (part != p.end()) ++part;  // the root
    if (part != p.end() && (*part == "dev" || *part == "proc" || *part == "sys")) {
      return "is a system file (standard input or a device), not a profile file" + own;
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    return "is not a regular file (a pipe or a device)" + own;
  }
  return "";
}

}  // namespace
}  // namespace internal

ProfileResult LoadProfile(const std::string& path, const RuleSet& rules) {
  using internal::ProfileReader;
  std::vector<ProfileError> errors;
  if (const std::string why = internal::NotAProfilePath(path); !why.empty()) {
    return std::vector<ProfileError>{
        ProfileError{Error(ErrorCode::kInvalidArgument, why, path == "-" ? "" : path), ""}};
  }
  Result<std::string> content =
      internal::ReadFileUpTo(path, internal::kMaxProfileBytes, {"profile", "profile files"});
  if (!content) return std::vector<ProfileError>{ProfileError{content.error(), ""}};
  Profile profile;
  profile.path = path;
  profile.folder = std::filesystem::path(path).parent_path().string();
  if (profile.folder.empty()) profile.folder = ".";
  internal::SourceFile source{path, std::move(*content)};
  internal::YamlFile file(source);
  ProfileReader reader(file, profile.folder, rules.data(), &errors);
  internal::Status status = internal::ParseAndRead(
      &source, [&](const internal::YamlFile&, const YAML::Node& root) -> internal::Status {
        internal::ReadProfileRoot(reader, root, &profile);
        return std::nullopt;
      });
  if (status) reader.Add(std::move(*status), "");
  if (reader.Full()) {
    errors.push_back(ProfileError{
        Error(ErrorCode::kRuleError,
              fmt::format("stopped after {} errors; fix these and check again", kMaxProfileErrors),
              path),
        ""});
  }
  if (!errors.empty()) return errors;
  return profile;
}

ProfileResult LoadProfile(const std::string& path) {
  Result<RuleSet> rules = RuleSet::Builtin();
  if (!rules) return std::vector<ProfileError>{ProfileError{rules.error(), ""}};
  return LoadProfile(path, *rules);
}

}  // namespace clausescan

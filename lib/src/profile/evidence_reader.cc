// The evidence inventory of a profile: the `evidence:` list.
#include <fmt/format.h>

#include <algorithm>
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

// Reads a path of the entry (key `file` or `redacted`) and checks it stays in the folder.
bool ReadPath(ProfileReader& reader, const YAML::Node& node, const std::string& key,
              const std::string& field, std::string* written, std::string* path) {
  if (!reader.Check(ReadString(reader.file(), node, key, written), field)) return false;
  if (std::optional<PathProblem> problem = ResolveInFolder(reader.folder(), *written, path)) {
    Error at = reader.file().At(node, problem->detail);
    reader.Add(Error(problem->code, at.detail(), at.file(), at.line(), at.column()), field);
    return false;
  }
  return true;
}

void ReadEntry(ProfileReader& reader, const YAML::Node& item, const std::string& field,
               std::vector<EvidenceFile>* out) {
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
    } else if (!entry.catalogued && !IsOwnId(entry.id)) {
      reader.Fail(*fields.Find("id"), field + ".id",
                  fmt::format("evidence id '{}' must be lower-case letters, digits, '-' and '_', "
                              "starting with a letter",
                              entry.id.substr(0, 40)));
      ok = false;
    }
  }
  ok = ReadPath(reader, *fields.Find("file"), "file", field + ".file", &entry.file, &entry.path) &&
       ok;
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
                      &entry.redacted_path) &&
             ok;
        if (ok && entry.redacted_path == entry.path) {
          reader.Fail(*redacted, field + ".redacted",
                      "'redacted' names the internal original itself: give the redacted copy");
          ok = false;
        }
      }
    }
  } else {
    ok = false;
  }
  if (ok) out->push_back(std::move(entry));
}

}  // namespace

void ReadEvidence(ProfileReader& reader, const YAML::Node& node, std::vector<EvidenceFile>* out) {
  if (!node.IsSequence()) {
    return reader.Fail(node, "evidence",
                       fmt::format("expected a list for 'evidence', found {}", KindName(node)));
  }
  for (std::size_t i = 0; i < node.size() && !reader.Full(); ++i) {
    ReadEntry(reader, node[i], ItemField("evidence", i), out);
  }
}

}  // namespace clausescan::internal

// The readers of a profile file's sections (docs/profile.md), and what they share. Each reader
// records every problem it finds and goes on with the next entry, so that one run of `profile
// check` shows them all.
#ifndef CLAUSESCAN_PROFILE_READERS_H_
#define CLAUSESCAN_PROFILE_READERS_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "clausescan/profile.h"
#include "rules/model.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// One profile being read: its file, folder and catalogues, and the errors found so far. Not
// thread-safe.
class ProfileReader {
 public:
  ProfileReader(const YamlFile& file, std::string folder, const RuleSetData& rules,
                std::vector<ProfileError>* errors)
      : file_(file), folder_(std::move(folder)), rules_(rules), errors_(errors) {}

  const YamlFile& file() const { return file_; }
  // The profile's folder (every relative path of the profile is read from it).
  const std::string& folder() const { return folder_; }
  const RuleSetData& rules() const { return rules_; }

  // Records status's error (if any) as one about field; returns true when there was none.
  bool Check(Status status, const std::string& field);
  // Records error as one about field.
  void Add(Error error, const std::string& field);
  // Records a kRuleError at node about field.
  void Fail(const YAML::Node& node, const std::string& field, std::string detail) {
    Add(file_.At(node, std::move(detail)), field);
  }
  // True once kMaxProfileErrors were recorded: readers stop.
  bool Full() const { return errors_->size() >= kMaxProfileErrors; }
  // How many errors were recorded.
  std::size_t ErrorCount() const { return errors_->size(); }

 private:
  const YamlFile& file_;
  std::string folder_;
  const RuleSetData& rules_;
  std::vector<ProfileError>* errors_;
};

// Reads the `soa:` list, appending its rows to *rows.
void ReadSoa(ProfileReader& reader, const YAML::Node& node, std::vector<SoaEntry>* rows);
// Reads the SoA CSV named by the `soa_csv:` value node, appending its rows to *rows; *written
// receives the name as written.
void ImportSoaCsv(ProfileReader& reader, const YAML::Node& node, std::string* written,
                  std::vector<SoaEntry>* rows);
// Reports every control of rows named twice (at its second row).
void CheckSoaUnique(ProfileReader& reader, const std::vector<SoaEntry>& rows);
// Reads the `evidence:` list.
void ReadEvidence(ProfileReader& reader, const YAML::Node& node, std::vector<EvidenceFile>* out);
// Reads the `capabilities:` map.
void ReadCapabilities(ProfileReader& reader, const YAML::Node& node, Capabilities* out);
// Reads the `subprocessors:` list.
void ReadSubprocessors(ProfileReader& reader, const YAML::Node& node,
                       std::vector<Subprocessor>* out);

// Reads node as a map without required keys (Fields::Read with required empty) into *fields.
// An unknown key is recorded (with its suggestion) and the other keys are still read: true
// then, as when there was no error; false when node is no map of string keys (recorded).
bool ReadMapOfKnownKeys(ProfileReader& reader, const YAML::Node& node, std::string_view what,
                        const Names& allowed, const std::string& field, Fields* fields);

// "soa[3]": a list item's field path.
std::string ItemField(const std::string& list, std::size_t index);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PROFILE_READERS_H_

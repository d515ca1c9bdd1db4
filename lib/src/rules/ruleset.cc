// RuleSet: the public face of a loaded and compiled rule directory.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/rules.h"
#include "common/read_file.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "rules/packed_yaml.h"
#include "rules/rule_files.h"

namespace clausescan {

Result<RuleSet> RuleSet::Builtin() {
  // Compiled on first use, then shared by every caller (and thread) for the process lifetime;
  // never destroyed, so exit does not free the pack (issue 12: start-up).
  static const Result<RuleSet>* const builtin = new Result<RuleSet>([]() -> Result<RuleSet> {
    // Tests check the built-in pack's patterns at build time (issue 12: start-up).
    std::vector<internal::SourceFile> files = internal::EmbeddedRuleFiles();
    for (internal::SourceFile& file : files) file.checked_at_build = true;
    // Parsed at build time too: the YAML trees load from their packed form.
    if (std::optional<Error> damaged =
            internal::AttachPackedTrees(internal::EmbeddedRulePack(), &files)) {
      return *damaged;
    }
    Result<std::shared_ptr<internal::RuleSetData>> data =
        internal::LoadRuleSet(std::move(files), "<builtin>");
    if (!data) return data.error();
    return RuleSet(std::move(*data));
  }());
  return *builtin;
}

Result<RuleSet> RuleSet::Load(const std::string& dir) {
  Result<std::vector<internal::SourceFile>> files = internal::ReadRuleDirectory(dir);
  if (!files) return files.error();
  std::vector<std::string> names;
  for (const internal::SourceFile& file : *files) names.push_back(file.name);
  Result<std::shared_ptr<internal::RuleSetData>> data =
      internal::LoadRuleSet(std::move(*files), dir);
  if (!data) return internal::WithPathInRuleDirectory(data.error(), dir, names);
  return RuleSet(std::move(*data));
}

namespace {

bool IsPlaybookFile(const std::string& name) {
  return name == "playbook.yaml" ||
         (name.size() > 14 && name.compare(name.size() - 14, 14, "/playbook.yaml") == 0);
}

}  // namespace

Result<RuleSet> RuleSet::WithPlaybook(const std::string& path) const {
  Result<std::string> text = internal::ReadFileUpTo(path, internal::kMaxRuleFileBytes,
                                                    {"playbook", "rule and playbook files"});
  if (!text) return text.error();
  return WithPlaybookText(*text, path);
}

Result<RuleSet> RuleSet::WithPlaybookText(std::string_view yaml, const std::string& name) const {
  Result<internal::Playbook> playbook =
      internal::MergePlaybook(*data_, internal::SourceFile{name, std::string(yaml)});
  if (!playbook) return playbook.error();
  auto data = std::make_shared<internal::RuleSetData>(*data_);  // shares the compiled parts
  data->playbook = std::move(*playbook);
  return RuleSet(std::move(data));
}

std::vector<RuleFile> RuleSet::PlaybookFiles() const {
  std::vector<RuleFile> files;
  for (const internal::SourceFile& file : data_->files) {  // sorted by name
    if (IsPlaybookFile(file.name)) files.push_back(RuleFile{file.name, file.content});
  }
  std::stable_partition(files.begin(), files.end(),
                        [](const RuleFile& file) { return file.name == "playbook.yaml"; });
  return files;
}

std::vector<RuleInfo> RuleSet::Rules() const { return data_->infos; }

const RuleInfo* RuleSet::FindRule(const std::string& id) const {
  const std::vector<RuleInfo>& infos = data_->infos;  // sorted by id
  auto it =
      std::lower_bound(infos.begin(), infos.end(), id,
                       [](const RuleInfo& info, const std::string& key) { return info.id < key; });
  return it != infos.end() && it->id == id ? &*it : nullptr;
}

std::vector<Control> RuleSet::Controls() const {
  std::vector<Control> controls;
  controls.reserve(data_->controls.size());
  for (const internal::ControlEntry& entry : data_->controls) {
    controls.push_back(Control{entry.id, entry.title});
  }
  return controls;
}

const std::vector<ConceptInfo>& RuleSet::Concepts() const { return data_->concepts; }

const std::string& RuleSet::origin() const { return data_->origin; }

}  // namespace clausescan

// RuleSet: the public face of a loaded and compiled rule directory.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/rules.h"
#include "rules/loader.h"
#include "rules/model.h"

namespace clausescan {

Result<RuleSet> RuleSet::Builtin() {
  // Compiled on first use, then shared by every caller (and thread) for the process lifetime.
  static const Result<RuleSet> builtin = []() -> Result<RuleSet> {
    Result<std::shared_ptr<internal::RuleSetData>> data =
        internal::LoadRuleSet(internal::EmbeddedRuleFiles(), "<builtin>");
    if (!data) return data.error();
    return RuleSet(std::move(*data));
  }();
  return builtin;
}

Result<RuleSet> RuleSet::Load(const std::string& dir) {
  Result<std::vector<internal::SourceFile>> files = internal::ReadRuleDirectory(dir);
  if (!files) return files.error();
  Result<std::shared_ptr<internal::RuleSetData>> data =
      internal::LoadRuleSet(std::move(*files), dir);
  if (!data) return data.error();
  return RuleSet(std::move(*data));
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

const std::string& RuleSet::origin() const { return data_->origin; }

}  // namespace clausescan

#include "rules/builtin_playbook.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <mutex>
#include <string>

#include "rules/loader.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

const std::string& BuiltinDefaultReason(std::string_view category) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> reasons;
  const std::lock_guard<std::mutex> lock(mutex);
  auto known = reasons.find(category);
  if (known != reasons.end()) return known->second;
  std::string reason;
  for (const SourceFile& file : EmbeddedRuleFiles()) {
    if (file.name != "playbook.yaml") continue;
    ParseAndRead(&file, [&](const YamlFile&, const YAML::Node& root) -> Status {
      const YAML::Node policy = root[std::string(category)];
      if (policy.IsMap() && policy["default_reason"].IsScalar()) {
        reason = policy["default_reason"].as<std::string>();
      }
      return std::nullopt;
    });
  }
  return reasons.emplace(std::string(category), std::move(reason)).first->second;
}

}  // namespace clausescan::internal

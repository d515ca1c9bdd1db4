#include "rules/sector_loader.h"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "rules/loader.h"

namespace clausescan::internal {
namespace {

const Names kSectorKeys = {"id",     "needs",  "signals",     "unless",
                           "within", "decisive", "follows_when"};
const Names kSectorRequired = {"id", "needs", "signals"};
constexpr std::size_t kMaxSignals = 20;

// Whether id is [a-z0-9][a-z0-9-]*, at most 60 characters (as rationale.yaml's sector ids).
bool IsSectorId(const std::string& id) {
  if (id.empty() || id.size() > 60 || id.front() == '-') return false;
  for (unsigned char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Status ReadEntry(const YamlFile& file, const YAML::Node& node, SectorEntry* entry,
                 const YAML::Node** within_node) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "sector", kSectorKeys, kSectorRequired, &fields));
  const YAML::Node& id = *fields.Find("id");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, id, "id", &entry->id));
  if (!IsSectorId(entry->id)) {
    return file.At(id, fmt::format("sector id '{}' is not an id: lower-case letters, digits and "
                                   "'-', at most 60 characters (e.g. 'gdpr-controllers')",
                                   entry->id.substr(0, 60)));
  }
  const YAML::Node& signals = *fields.Find("signals");
  std::vector<std::string> patterns;
  CLAUSESCAN_RETURN_IF_ERROR(ReadNonEmptyStringList(file, signals, "signals", &patterns));
  if (patterns.size() > kMaxSignals) {
    return file.At(signals, fmt::format("'signals' has {} entries, more than the {} a sector may "
                                        "have",
                                        patterns.size(), kMaxSignals));
  }
  const bool checked = file.source().checked_at_build;
  const RE2::Options options(RE2::Quiet);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (checked) {
      entry->signals.emplace_back(patterns[i], options);
      continue;
    }
    auto re = std::make_unique<RE2>(patterns[i], options);
    if (!re->ok()) {
      const YAML::Node at = signals.IsSequence() && i < signals.size() ? signals[i] : signals;
      return file.At(at, fmt::format("signal is not a valid RE2 pattern: {}", re->error()));
    }
    entry->signals.emplace_back(std::move(re));
  }
  for (const char* key : {"unless", "decisive", "follows_when"}) {
    const YAML::Node* list = fields.Find(key);
    if (list == nullptr) continue;
    std::vector<std::string> patterns_of_key;
    CLAUSESCAN_RETURN_IF_ERROR(ReadNonEmptyStringList(file, *list, key, &patterns_of_key));
    if (patterns_of_key.size() > kMaxSignals) {
      return file.At(*list, fmt::format("'{}' has {} entries, more than the {} a sector may have",
                                        key, patterns_of_key.size(), kMaxSignals));
    }
    auto& into = std::string_view(key) == "unless"     ? entry->unless
                 : std::string_view(key) == "decisive" ? entry->decisive
                                                       : entry->follows_when;
    for (std::size_t i = 0; i < patterns_of_key.size(); ++i) {
      if (checked) {
        into.emplace_back(patterns_of_key[i], options);
        continue;
      }
      auto re = std::make_unique<RE2>(patterns_of_key[i], options);
      if (!re->ok()) {
        const YAML::Node at = list->IsSequence() && i < list->size() ? (*list)[i] : *list;
        return file.At(at, fmt::format("'{}' pattern is not a valid RE2 pattern: {}", key,
                                       re->error()));
      }
      into.emplace_back(std::move(re));
    }
  }
  const YAML::Node& needs = *fields.Find("needs");
  double count = 0;
  CLAUSESCAN_RETURN_IF_ERROR(ReadNumber(file, needs, "needs", &count));
  if (count < 1 || count > static_cast<double>(patterns.size()) || std::floor(count) != count) {
    return file.At(needs, fmt::format("'needs' must be a whole number from 1 to the number of "
                                      "signals ({}), not {}",
                                      patterns.size(), count));
  }
  entry->needs = static_cast<std::size_t>(count);
  *within_node = fields.Find("within");
  if (*within_node != nullptr) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, **within_node, "within", &entry->within));
  } else if (const YAML::Node* follows = fields.Find("follows_when"); follows != nullptr) {
    return file.At(*follows, "'follows_when' is for a sector shown 'within' another");
  }
  return std::nullopt;
}

// Builds table->signal_set, table->sector_of and table->signal_in_sector from the entries'
// signals; leaves the set null (and the lists empty) when RE2 cannot add a signal or compile
// the set.
void BuildSignalSet(SectorTable* table) {
  table->sector_of.clear();
  table->signal_in_sector.clear();
  auto set = std::make_unique<RE2::Set>(RE2::Options(RE2::Quiet), RE2::UNANCHORED);
  for (std::size_t i = 0; i < table->entries.size(); ++i) {
    const auto& signals = table->entries[i].signals;
    for (std::size_t s = 0; s < signals.size(); ++s) {
      if (set->Add(signals[s].pattern(), nullptr) < 0) {
        table->sector_of.clear();
        table->signal_in_sector.clear();
        return;
      }
      table->sector_of.push_back(i);
      table->signal_in_sector.push_back(s);
    }
  }
  if (!set->Compile()) {
    table->sector_of.clear();
    table->signal_in_sector.clear();
    return;
  }
  table->signal_set = std::move(set);
}

}  // namespace

Status ReadSectorTable(const YamlFile& file, const YAML::Node& root, SectorTable* out) {
  if (!root.IsSequence()) {
    return file.At(root, "sectors.yaml must be a list of {id, needs, signals, unless, decisive, "
                             "within, follows_when}");
  }
  std::vector<const YAML::Node*> withins;
  std::set<std::string> ids;
  for (const YAML::Node& node : root) {
    SectorEntry entry;
    const YAML::Node* within = nullptr;
    CLAUSESCAN_RETURN_IF_ERROR(ReadEntry(file, node, &entry, &within));
    if (!ids.insert(entry.id).second) {
      return file.At(node["id"], fmt::format("sector '{}' is given twice", entry.id));
    }
    withins.push_back(within);
    out->entries.push_back(std::move(entry));
  }
  for (std::size_t i = 0; i < out->entries.size(); ++i) {
    const std::string& within = out->entries[i].within;
    if (withins[i] == nullptr) continue;
    const SectorEntry* outer = nullptr;
    for (const SectorEntry& other : out->entries) {
      if (other.id == within) outer = &other;
    }
    if (within == out->entries[i].id || outer == nullptr || !outer->within.empty()) {
      return file.At(*withins[i], fmt::format("'within' must name another sector of this file "
                                              "that has no 'within' of its own, not '{}'",
                                              within.substr(0, 60)));
    }
  }
  BuildSignalSet(out);
  return std::nullopt;
}

std::shared_ptr<const SectorTable> BuiltinSectors() {
  static const std::shared_ptr<const SectorTable> builtin = [] {
    auto table = std::make_shared<SectorTable>();
    for (const SourceFile& file : EmbeddedRuleFiles()) {
      if (file.name != "sectors.yaml") continue;
      if (ParseAndRead(&file, [&](const YamlFile& f, const YAML::Node& n) {
            return ReadSectorTable(f, n, table.get());
          })) {
        table->entries.clear();
        table->signal_set = nullptr;
        table->sector_of.clear();
        table->signal_in_sector.clear();
      }
    }
    return std::shared_ptr<const SectorTable>(std::move(table));
  }();
  return builtin;
}

Status LoadSectorTable(const SourceFile* file, std::shared_ptr<const SectorTable>* out) {
  if (file == nullptr) {
    *out = BuiltinSectors();
    return std::nullopt;
  }
  auto table = std::make_shared<SectorTable>();
  CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(file, [&](const YamlFile& f, const YAML::Node& n) {
    return ReadSectorTable(f, n, table.get());
  }));
  *out = std::move(table);
  return std::nullopt;
}

}  // namespace clausescan::internal

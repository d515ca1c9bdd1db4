// Turns the files of a rule directory into a validated, compiled RuleSetData. Every check
// reports the first problem as kRuleError at file:line:column (1-based).
#include "rules/loader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>
#include <utility>

#include "match/matcher.h"
#include "match/pattern_shape.h"
#include "params/extract.h"
#include "params/text_flags.h"
#include "rules/catalogues.h"
#include "rules/doctype_loader.h"
#include "rules/pattern_budget.h"
#include "rules/playbook_loader.h"
#include "rules/rationale_loader.h"
#include "rules/rule_files.h"
#include "rules/rule_loader.h"
#include "rules/sector_loader.h"
#include "rules/term_readings.h"
#include "rules/yaml_fields.h"
#include "structure/doctype.h"

namespace clausescan::internal {
namespace {

const char* PartyWord(Party party) {
  switch (party) {
    case Party::kSupplier:
      return "supplier";
    case Party::kCustomer:
      return "customer";
    default:
      return "any";
  }
}

RuleInfo MakeInfo(const Rule& rule, const RuleSetData& data,
                  const std::map<std::string_view, const SourceFile*>& files) {
  RuleInfo info;
  info.id = rule.id;
  info.category = rule.category;
  info.title = rule.title;
  info.description = rule.description;
  info.scope = rule.scope == Scope::kParagraph ? "paragraph" : "sentence";
  info.party = PartyWord(rule.party);
  info.file = rule.file;
  if (auto it = files.find(rule.file); it != files.end()) info.source = it->second->content;
  std::string test_file = rule.file.substr(0, rule.file.rfind('.')) + ".test.txt";
  if (auto it = files.find(test_file); it != files.end()) info.tests = it->second->content;
  for (const std::vector<std::string>& group : rule.all) {
    info.patterns.insert(info.patterns.end(), group.begin(), group.end());
  }
  info.patterns.insert(info.patterns.end(), rule.none.begin(), rule.none.end());
  info.pattern_details = rule.pattern_details;
  for (const std::string& id : rule.controls) {
    for (const ControlEntry& control : data.controls) {
      if (control.id == id) info.controls.push_back(Control{control.id, control.title});
    }
  }
  for (const std::string& id : rule.evidence) {
    for (const EvidenceEntry& item : data.evidence) {
      if (item.id == id) info.evidence.push_back(EvidenceItem{item.id, item.title});
    }
  }
  return info;
}

void BuildInfos(RuleSetData* data) {
  std::map<std::string_view, const SourceFile*> files;
  for (const SourceFile& file : data->files) files.emplace(file.name, &file);
  data->infos.reserve(data->rules.size());
  for (const Rule& rule : data->rules) data->infos.push_back(MakeInfo(rule, *data, files));
}

// Checks that every consideration's doctypes are ids of doctypes.yaml or "other". Error at the
// consideration's `doctypes`, with a suggestion.
// Benchmark only (issue 12, benchmarks/README.md): with CLAUSESCAN_BENCH_DUPLICATE_RULES=1 in
// the environment every rule is loaded twice, the copy under the id "<id>~dup" with each
// pattern written "(?:pattern)" (the same language, but a pattern of its own that the matcher
// compiles and runs as it would a new rule's), so a benchmark can measure what twice the rules
// cost. Findings come twice, once under each id.
// What the pack keys by rule id (the rule's own playbook policy and rationale) is copied to the
// twin's id too, so that each twin is judged as its original is and merges with it: without
// its policy, a twin took its category's risk and a sentence that asked nothing of the user
// under the original asked something under the twin (perf/match7 #4).
void DuplicateRulesForBenchmark(RuleSetData* data) {
  const char* flag = std::getenv("CLAUSESCAN_BENCH_DUPLICATE_RULES");
  if (flag == nullptr || std::string_view(flag) != "1") return;
  std::vector<Rule>* rules = &data->rules;
  const std::size_t count = rules->size();
  for (std::size_t i = 0; i < count; ++i) {
    Rule copy = (*rules)[i];
    const std::string& id = (*rules)[i].id;
    copy.id += "~dup";
    for (std::vector<std::string>& group : copy.all) {
      for (std::string& pattern : group) pattern = "(?:" + pattern + ")";
    }
    for (std::string& pattern : copy.none) pattern = "(?:" + pattern + ")";
    if (auto policy = data->playbook.categories.find(id);
        policy != data->playbook.categories.end()) {
      data->playbook.categories.emplace(copy.id, policy->second);
    }
    if (auto rationale = data->rationales.find(id); rationale != data->rationales.end()) {
      data->rationales.emplace(copy.id, rationale->second);
    }
    rules->push_back(std::move(copy));
  }
}

Status CheckConsiderationDocTypes(const RuleSetData& data) {
  Names ids = {"other"};
  for (const DocType& type : data.doctypes) ids.push_back(type.id);
  for (const Rule& rule : data.rules) {
    for (const Consideration& consideration : rule.considerations) {
      for (const std::string& id : consideration.doctypes) {
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
        return Error(ErrorCode::kRuleError,
                     fmt::format("unknown document type '{}' in 'doctypes' (one of: {}){}", id,
                                 fmt::join(ids, ", "), DidYouMean(id, ids)),
                     rule.file, consideration.doctypes_line, consideration.doctypes_column);
      }
    }
  }
  return std::nullopt;
}

// True when the file named name (files sorted by name) is marked checked_at_build.
bool CheckedAtBuild(const std::vector<SourceFile>& files, const std::string& name) {
  auto it = std::lower_bound(files.begin(), files.end(), name,
                             [](const SourceFile& f, const std::string& n) { return f.name < n; });
  return it != files.end() && it->name == name && it->checked_at_build;
}

}  // namespace

Result<std::shared_ptr<RuleSetData>> LoadRuleSet(std::vector<SourceFile> files,
                                                 std::string origin) {
  std::stable_sort(files.begin(), files.end(),
                   [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  auto data = std::make_shared<RuleSetData>();
  data->origin = std::move(origin);
  data->files = std::move(files);
  SpecialFiles special;
  CLAUSESCAN_RETURN_IF_ERROR(Classify(data->files, &special));
  Catalogs catalogs;
  CLAUSESCAN_RETURN_IF_ERROR(ReadCatalogs(special, data->origin, &catalogs));
  CLAUSESCAN_RETURN_IF_ERROR(ReadRules(special, catalogs, &data->rules));
  // Patterns within RE2's memory budget: the built-in pack's are checked by the tests (its files
  // are marked checked_at_build), every other pack's here.
  std::vector<Rule> unchecked;
  for (const Rule& rule : data->rules) {
    if (!CheckedAtBuild(data->files, rule.file)) unchecked.push_back(rule);
  }
  CLAUSESCAN_RETURN_IF_ERROR(CheckPatternBudget(unchecked, kPatternMaxMem));
  // Parameter patterns compile on first use (issue 12): check them now as they will compile,
  // except in the built-in pack, which the tests check.
  for (const Rule& rule : data->rules) {
    if (rule.parameters.empty() || CheckedAtBuild(data->files, rule.file)) continue;
    CLAUSESCAN_RETURN_IF_ERROR(ParamExtractor::Check(rule.parameters, rule.file));
  }
  const DeclaredParams declared = CollectParams(data->rules);
  const ParamKinds kinds = ParamKindsDeclaredBy(data->rules);
  for (const SourceFile* playbook : special.playbooks) {
    CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(playbook, [&](const YamlFile& f, const YAML::Node& n) {
      return ReadPlaybook(f, n, catalogs, declared, kinds, &data->playbook);
    }));
  }
  for (const SourceFile* rationale : special.rationales) {
    CLAUSESCAN_RETURN_IF_ERROR(ParseAndRead(rationale, [&](const YamlFile& f, const YAML::Node& n) {
      return ReadRationale(f, n, catalogs.categories, data->rules, kinds, &data->rationales);
    }));
  }
  InheritRationales(data->rules, &data->rationales);  // issue 14 #2
  CLAUSESCAN_RETURN_IF_ERROR(CheckEveryRuleHasRationale(data->rules, data->rationales));
  CLAUSESCAN_RETURN_IF_ERROR(
      ParseAndRead(special.doctypes, [&](const YamlFile& f, const YAML::Node& n) {
        return ReadDocTypes(f, n, catalogs, declared, &data->doctypes);
      }));
  CLAUSESCAN_RETURN_IF_ERROR(CheckConsiderationDocTypes(*data));
  CLAUSESCAN_RETURN_IF_ERROR(LoadSectorTable(special.sectors, &data->sectors));
  DuplicateRulesForBenchmark(data.get());
  std::sort(data->rules.begin(), data->rules.end(),
            [](const Rule& a, const Rule& b) { return a.id < b.id; });
  data->categories = std::move(catalogs.categories);
  data->controls = std::move(catalogs.controls);
  data->evidence = std::move(catalogs.evidence);
  data->parties = std::move(catalogs.parties);
  for (const Concept& entry : catalogs.concepts.entries()) {
    data->concepts.push_back(ConceptInfo{entry.name, entry.written, entry.expanded,
                                         catalogs.concepts.file(), entry.line});
  }
  BuildInfos(data.get());
  FillInfoRationales(data.get());
  // ReadRules checked every pattern (CheckPattern): the matcher compiles them on first use.
  MatcherOptions matcher_options;
  matcher_options.patterns_checked = true;
  std::vector<TermReadingSpec> term_readings;
  CLAUSESCAN_RETURN_IF_ERROR(ReadTermReadings(catalogs.concepts, &term_readings));
  Result<std::shared_ptr<const ConceptReadings>> readings =
      ConceptReadings::Compile(term_readings, catalogs.concepts.file(),
                               CheckedAtBuild(data->files, catalogs.concepts.file()));
  if (!readings) return readings.error();
  Result<std::unique_ptr<Matcher>> matcher =
      Matcher::Compile(data->rules, data->parties, matcher_options, std::move(*readings));
  if (!matcher) return matcher.error();
  data->matcher = std::move(*matcher);
  // The `scope: text` flags, compiled once here rather than per document (issue 12); their
  // patterns compile on first use like every parameter's.
  data->text_flags = std::make_shared<const TextFlags>(data->rules);
  Result<std::unique_ptr<DocTypeGuesser>> guesser = DocTypeGuesser::Compile(
      data->doctypes, special.doctypes != nullptr ? special.doctypes->name : "doctypes.yaml",
      special.doctypes != nullptr && CheckedAtBuild(data->files, special.doctypes->name));
  if (!guesser) return guesser.error();
  data->doctype_guesser = std::move(*guesser);
  return data;
}

}  // namespace clausescan::internal

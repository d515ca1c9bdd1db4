#include "rules/rationale_loader.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "rules/catalogues.h"
#include "rules/playbook_loader.h"
#include "rules/loader.h"
#include "rules/rationale_laws.h"
#include "rules/read_location.h"
#include "rules/regex_on_first_use.h"
#include "rules/rule_files.h"
#include "rules/rule_loader.h"

namespace clausescan::internal {
namespace {

const Names kBodyKeys = {"rationale",      "sectors",         "sector_rationale", "sources",
                         "answers",        "sector_answers",  "neutral",          "only_if",
                         "flag_rationale", "mandated_answers"};
const Names kBodyRequired = {"rationale", "sources"};
const Names kSourceKeys = {"id",      "title", "url",  "says",
                           "read",    "sectors", "flag", "subject"};
const Names kSourceRequired = {"title", "url", "says", "read"};

// Bounds of a rationale: it is shown in one or two lines under every finding of its rules, so a
// long one multiplies the report (the built-in rationales stay well inside them).
constexpr std::size_t kMaxRationaleChars = 1500;
constexpr std::size_t kMaxSources = 20;
constexpr std::size_t kMaxAnswers = 8;
constexpr std::size_t kMaxSectors = 20;
constexpr std::size_t kMaxFieldChars = 2000;  // title, url, says, read, an answer, a sector

// The value as shown in an error message: at most 60 characters.
std::string Shown(const std::string& value) {
  return value.size() <= 60 ? value : value.substr(0, 57) + "...";
}

Status CheckLength(const YamlFile& file, const YAML::Node& node, std::string_view key,
                   const std::string& value, std::size_t max) {
  if (value.size() <= max) return std::nullopt;
  return file.At(node, fmt::format("'{}' is {} characters long, more than the {} a rationale "
                                   "may use (it is printed under every finding)",
                                   key, value.size(), max));
}

Status CheckCount(const YamlFile& file, const YAML::Node& node, std::string_view key,
                  std::size_t count, std::size_t max) {
  if (count <= max) return std::nullopt;
  return file.At(node, fmt::format("'{}' has {} entries, more than the {} a rationale may name",
                                   key, count, max));
}

// Whether `sector` is an id: [a-z0-9][a-z0-9-]*, at most 60 characters.
bool IsSectorId(const std::string& sector) {
  if (sector.empty() || sector.size() > 60 || sector.front() == '-') return false;
  for (unsigned char c : sector) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// Whether `url` is an http(s) address with a host and no space or control character.
bool IsWebAddress(const std::string& url) {
  std::size_t host = 0;
  if (url.rfind("https://", 0) == 0) {
    host = 8;
  } else if (url.rfind("http://", 0) == 0) {
    host = 7;
  } else {
    return false;
  }
  if (host >= url.size() || url[host] == '/' || url[host] == '?' || url[host] == '#') {
    return false;
  }
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

// Whether `text` holds the word "secondary" in any case (not inside a longer word): a `read`
// that says so marks a source read only through a third-party copy or summary (issue 14).
bool SaysSecondary(std::string_view text) {
  constexpr std::string_view kWord = "secondary";
  const auto is_word_char = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t at = 0; at + kWord.size() <= text.size(); ++at) {
    bool same = true;
    for (std::size_t i = 0; i < kWord.size() && same; ++i) {
      unsigned char c = static_cast<unsigned char>(text[at + i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      same = c == static_cast<unsigned char>(kWord[i]);
    }
    if (!same) continue;
    const bool starts = at == 0 || !is_word_char(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + kWord.size();
    const bool ends = end == text.size() || !is_word_char(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

// Reads the list of sector ids at `node` (key `key`) into *out.
Status ReadSectors(const YamlFile& file, const YAML::Node& node, std::string_view key,
                   std::vector<std::string>* out) {
  CLAUSESCAN_RETURN_IF_ERROR(ReadStringList(file, node, key, out));
  CLAUSESCAN_RETURN_IF_ERROR(CheckCount(file, node, key, out->size(), kMaxSectors));
  for (const std::string& sector : *out) {
    if (!IsSectorId(sector)) {
      return file.At(node, fmt::format("sector '{}' is not an id: lower-case letters, digits "
                                       "and '-', at most 60 characters (e.g. "
                                       "'gdpr-controllers')",
                                       Shown(sector)));
    }
  }
  return std::nullopt;
}

// Reads the `subject` of a source (issue 14 fourth review #1): what the regulation clause its
// title cites is about, an RE2 pattern matched case-insensitively, into *subject. A source whose
// title cites no such clause has no use for one. A pack checked when the program was built
// compiles it on its first use (issue 12: start-up; most documents cite no such clause).
Status ReadSubject(const YamlFile& file, const YAML::Node& node, const std::string& title,
                   std::shared_ptr<const RegexOnFirstUse>* subject) {
  std::string pattern;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, "subject", &pattern));
  CLAUSESCAN_RETURN_IF_ERROR(CheckLength(file, node, "subject", pattern, kMaxFieldChars));
  if (RegulationClausesCited(title).empty()) {
    return file.At(node, fmt::format("'subject' says what a cited regulation clause is about, but "
                                     "the title '{}' cites no FAR, DFARS, VAAR, HSAR or GSAR "
                                     "clause number",
                                     Shown(title)));
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  if (file.source().checked_at_build) {
    *subject = std::make_shared<const RegexOnFirstUse>(std::move(pattern), options);
    return std::nullopt;
  }
  auto compiled = std::make_unique<const RE2>(pattern, options);
  if (!compiled->ok()) {
    return file.At(node, fmt::format("'subject' is not a valid RE2 pattern: {}", compiled->error()));
  }
  *subject = std::make_shared<const RegexOnFirstUse>(std::move(compiled));
  return std::nullopt;
}

Status ReadSource(const YamlFile& file, const YAML::Node& node, RationaleSource* source,
                  std::vector<std::string>* sectors,
                  std::shared_ptr<const RegexOnFirstUse>* subject) {
  Fields fields;
  CLAUSESCAN_RETURN_IF_ERROR(
      Fields::Read(file, node, "source", kSourceKeys, kSourceRequired, &fields));
  std::string unused;
  CLAUSESCAN_RETURN_IF_ERROR(ReadOptionalString(file, fields, "id", &unused));
  if (const YAML::Node* list = fields.Find("sectors")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadSectors(file, *list, "sectors", sectors));
  }
  // A source of a `flag_rationale` sentence only (issue 14 third review #1).
  if (const YAML::Node* flag = fields.Find("flag")) {
    std::string name;
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *flag, "flag", &name));
    sectors->push_back(kFlagKeyPrefix + name);
  }
  const YAML::Node& title = *fields.Find("title");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, title, "title", &source->title));
  CLAUSESCAN_RETURN_IF_ERROR(CheckLength(file, title, "title", source->title, kMaxFieldChars));
  const YAML::Node& url = *fields.Find("url");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, url, "url", &source->url));
  CLAUSESCAN_RETURN_IF_ERROR(CheckLength(file, url, "url", source->url, kMaxFieldChars));
  if (!IsWebAddress(source->url)) {
    return file.At(url, fmt::format("'url' must be the address of the text (http:// or "
                                    "https:// and a host, no spaces), not '{}'",
                                    Shown(source->url)));
  }
  if (const YAML::Node* about = fields.Find("subject")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadSubject(file, *about, source->title, subject));
  }
  for (const char* key : {"says", "read"}) {
    const YAML::Node& node = *fields.Find(key);
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node, key, &unused));
    CLAUSESCAN_RETURN_IF_ERROR(CheckLength(file, node, key, unused, kMaxFieldChars));
    if (file.source().checked_at_build) continue;  // checked when the program was built
    if (std::string_view(key) == "read" && SaysSecondary(unused)) {
      return file.At(node, fmt::format("'read' says the source was read only through a secondary "
                                       "copy ('{}'): a rationale states facts only from the "
                                       "official text or guidance; read that and say where, or "
                                       "drop the fact (docs/rules.md, \"Rationale\")",
                                       Shown(unused)));
    }
    if (std::string_view(key) == "read" && !NamesWhereRead(unused)) {
      return file.At(node, fmt::format("'read' must say where the wording was read so that a "
                                       "reader can find it: an address (https://...), a "
                                       "repository, commit (40 hex digits) and path ('owner/name "
                                       "commit <40 hex> path dir/file.md'), or a file under "
                                       "/work/shared/reference/; not '{}' (docs/rules.md, "
                                       "\"Rationale\")",
                                       Shown(unused)));
    }
  }
  return std::nullopt;
}

// Reads the list of answers at `node` (key `key`) into *out: at most kMaxAnswers, each at most
// kMaxFieldChars characters; each plain text, or {text, when, establishes} whose conditions name
// parameters of ctx (the category's rules, or the rule's own) as a rule's consideration does.
Status ReadAnswers(const PolicyContext& ctx, const YAML::Node& node, std::string_view key,
                   std::vector<Consideration>* out) {
  const YamlFile& file = ctx.file;
  if (!node.IsSequence()) {
    return file.At(node, fmt::format("expected a list for '{}', found {}", key, KindName(node)));
  }
  CLAUSESCAN_RETURN_IF_ERROR(CheckCount(file, node, key, node.size(), kMaxAnswers));
  for (const YAML::Node& item : node) {
    Consideration answer;
    const YAML::Node* text = &item;
    Fields fields;
    if (item.IsMap()) {
      CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, item, "answer",
                                              {"text", "when", "establishes"}, {"text"}, &fields));
      text = fields.Find("text");
      if (const YAML::Node* when = fields.Find("when")) {
        CLAUSESCAN_RETURN_IF_ERROR(ReadWhen(ctx, *when, &answer.when));
      }
      if (const YAML::Node* establishes = fields.Find("establishes")) {
        CLAUSESCAN_RETURN_IF_ERROR(ReadWhen(ctx, *establishes, &answer.establishes));
      }
    }
    answer.line = item.Mark().line + 1;
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *text, key, &answer.text));
    CLAUSESCAN_RETURN_IF_ERROR(CheckLength(file, *text, key, answer.text, kMaxFieldChars));
    out->push_back(std::move(answer));
  }
  return std::nullopt;
}

// A sentence that names a sector's law must be that sector's (issue 14 review s8 #1): `sectors`
// lists the sector and not "all" (the sentence of every buyer is `neutral`, which names none).
Status CheckLawsNamed(const YamlFile& file, const YAML::Node& node, std::string_view key,
                      const std::string& sentence, const std::vector<std::string>& sectors) {
  // A pack checked when the program was built passed this check then (issue 12: start-up).
  if (file.source().checked_at_build) return std::nullopt;
  for (const NamedLaw& law : SectorLawsNamed(sentence)) {
    if (MayNameLawOf(sectors, law.sector)) continue;
    const bool all = std::find(sectors.begin(), sectors.end(), "all") != sectors.end();
    return file.At(node, fmt::format("'{}' names {}, a law of sector '{}', but {}: a sentence that "
                                     "names a sector's law is that sector's (list it without "
                                     "'all' and give other buyers a 'neutral' sentence)",
                                     key, law.words, law.sector,
                                     key == "neutral" ? "a neutral sentence is for every buyer"
                                     : all            ? "its sectors list 'all'"
                                                      : "its sectors do not list it"));
  }
  return std::nullopt;
}

// Reads rationale, sectors, sources, answers and sector answers of checked fields (what: "category
// 'x'").
Status ReadBody(const PolicyContext& ctx, const Fields& fields, std::string_view what,
                RationaleEntry* entry) {
  const YamlFile& file = ctx.file;
  const YAML::Node& text = *fields.Find("rationale");
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, text, "rationale", &entry->shown.text));
  CLAUSESCAN_RETURN_IF_ERROR(
      CheckLength(file, text, "rationale", entry->shown.text, kMaxRationaleChars));
  if (const YAML::Node* sectors = fields.Find("sectors")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadSectors(file, *sectors, "sectors", &entry->shown.sectors));
  }
  if (const YAML::Node* neutral = fields.Find("neutral")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *neutral, "neutral", &entry->neutral));
    CLAUSESCAN_RETURN_IF_ERROR(
        CheckLength(file, *neutral, "neutral", entry->neutral, kMaxRationaleChars));
    CLAUSESCAN_RETURN_IF_ERROR(CheckLawsNamed(file, *neutral, "neutral", entry->neutral, {"all"}));
  }
  CLAUSESCAN_RETURN_IF_ERROR(
      CheckLawsNamed(file, text, "rationale", entry->shown.text, entry->shown.sectors));
  if (const YAML::Node* only_if = fields.Find("only_if")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *only_if, "only_if", &entry->only_if));
    if (entry->neutral.empty()) {
      return file.At(*only_if,
                     "'only_if' needs a 'neutral' sentence for the clauses whose flag "
                     "is not set");
    }
  }
  if (const YAML::Node* by_sector = fields.Find("sector_rationale")) {
    Fields texts;
    CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *by_sector, "'sector_rationale'", {}, &texts));
    for (const auto& [sector, node] : texts.entries()) {
      if (!IsSectorId(sector)) {
        return file.At(node.first, fmt::format("sector '{}' is not an id: lower-case letters, "
                                               "digits and '-', at most 60 characters",
                                               Shown(sector)));
      }
      std::string sentence;
      CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node.second, "sector_rationale", &sentence));
      CLAUSESCAN_RETURN_IF_ERROR(
          CheckLength(file, node.second, "sector_rationale", sentence, kMaxRationaleChars));
      CLAUSESCAN_RETURN_IF_ERROR(
          CheckLawsNamed(file, node.second, "sector_rationale", sentence, {sector}));
      entry->sector_text[sector] = std::move(sentence);
    }
  }
  // Sentences for a clause whose flag parameter of that name is true (issue 14 third review #1):
  // they may name the laws of the entry's own sectors.
  if (const YAML::Node* by_flag = fields.Find("flag_rationale")) {
    Fields texts;
    CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *by_flag, "'flag_rationale'", {}, &texts));
    for (const auto& [flag, node] : texts.entries()) {
      std::string sentence;
      CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, node.second, "flag_rationale", &sentence));
      CLAUSESCAN_RETURN_IF_ERROR(
          CheckLength(file, node.second, "flag_rationale", sentence, kMaxRationaleChars));
      CLAUSESCAN_RETURN_IF_ERROR(
          CheckLawsNamed(file, node.second, "flag_rationale", sentence, entry->shown.sectors));
      entry->sector_text[kFlagKeyPrefix + flag] = std::move(sentence);
    }
  }
  const YAML::Node& sources = *fields.Find("sources");
  if (!sources.IsSequence() || sources.size() == 0) {
    return file.At(sources.IsNull() ? fields.KeyNode("sources") : sources,
                   fmt::format("the rationale of {} names no source: give at least one "
                               "{{title, url, says, read}}",
                               what));
  }
  CLAUSESCAN_RETURN_IF_ERROR(CheckCount(file, sources, "sources", sources.size(), kMaxSources));
  for (const YAML::Node& item : sources) {
    RationaleSource source;
    std::vector<std::string> sectors;
    std::shared_ptr<const RegexOnFirstUse> subject;
    CLAUSESCAN_RETURN_IF_ERROR(ReadSource(file, item, &source, &sectors, &subject));
    entry->shown.sources.push_back(std::move(source));
    entry->source_sectors.push_back(std::move(sectors));
    entry->source_subjects.push_back(std::move(subject));
  }
  if (const YAML::Node* answers = fields.Find("answers")) {
    CLAUSESCAN_RETURN_IF_ERROR(ReadAnswers(ctx, *answers, "answers", &entry->answers));
  }
  if (const YAML::Node* by_sector = fields.Find("sector_answers")) {
    Fields lists;
    CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *by_sector, "'sector_answers'", {}, &lists));
    for (const auto& [sector, node] : lists.entries()) {
      if (!IsSectorId(sector)) {
        return file.At(node.first, fmt::format("sector '{}' is not an id: lower-case letters, "
                                               "digits and '-', at most 60 characters",
                                               Shown(sector)));
      }
      CLAUSESCAN_RETURN_IF_ERROR(
          ReadAnswers(ctx, node.second, "sector_answers", &entry->sector_answers[sector]));
    }
  }
  // What can be done about a clause that is a regulation's mandated text (issue 14 third review
  // #1, #3), by kind of text (kMandatedTexts).
  if (const YAML::Node* by_text = fields.Find("mandated_answers")) {
    Fields lists;
    CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *by_text, "'mandated_answers'", {}, &lists));
    for (const auto& [text, node] : lists.entries()) {
      if (std::find(std::begin(kMandatedTexts), std::end(kMandatedTexts), text) ==
          std::end(kMandatedTexts)) {
        return file.At(
            node.first,
            fmt::format("'{}' is no kind of mandated text: use 'federal-clause' or 'scc'",
                        Shown(text)));
      }
      CLAUSESCAN_RETURN_IF_ERROR(
          ReadAnswers(ctx, node.second, "mandated_answers", &entry->mandated_answers[text]));
    }
  }
  return std::nullopt;
}

Status Store(const YamlFile& file, const YAML::Node& key_node, const std::string& key,
             RationaleEntry entry, std::map<std::string, RationaleEntry>* out) {
  if (!out->emplace(key, std::move(entry)).second) {
    return file.At(key_node, fmt::format("'{}' already has a rationale in another file", key));
  }
  return std::nullopt;
}

}  // namespace

Status ReadRationale(const YamlFile& file, const YAML::Node& root,
                     const std::vector<CategoryInfo>& categories, const std::vector<Rule>& rules,
                     const ParamKinds& kinds, std::map<std::string, RationaleEntry>* out) {
  Fields fields;
  Names keys = kBodyKeys;
  keys.push_back("category");
  keys.push_back("rules");
  CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(file, root, "rationale file", keys,
                                          {"category", "rationale", "sources"}, &fields));
  std::string category;
  CLAUSESCAN_RETURN_IF_ERROR(ReadString(file, *fields.Find("category"), "category", &category));
  Names category_ids;
  bool known = false;
  for (const CategoryInfo& info : categories) {
    category_ids.push_back(info.id);
    known = known || info.id == category;
  }
  if (!known) {
    return file.At(*fields.Find("category"), fmt::format("unknown category '{}'{}", Shown(category),
                                                         DidYouMean(category, category_ids)));
  }
  RationaleEntry own;
  own.category = category;
  Names params;  // what an answer's `when` may name: the parameters of the category's rules
  for (const Rule& rule : rules) {
    if (rule.category != category) continue;
    for (std::string_view name : ParamsDeclaredBy(rule)) params.push_back(name);
  }
  std::set<std::string> no_positions;
  const PolicyContext category_context{file, category, params, &no_positions,
                                       /*one_rule=*/false, &kinds};
  CLAUSESCAN_RETURN_IF_ERROR(
      ReadBody(category_context, fields, fmt::format("category '{}'", category), &own));
  CLAUSESCAN_RETURN_IF_ERROR(Store(file, *fields.Find("category"), category, std::move(own), out));
  const YAML::Node* rule_map = fields.Find("rules");
  if (rule_map == nullptr) return std::nullopt;
  Names rule_ids;
  for (const Rule& rule : rules) rule_ids.push_back(rule.id);
  Fields entries;
  CLAUSESCAN_RETURN_IF_ERROR(ReadMapEntries(file, *rule_map, "'rules'", {}, &entries));
  for (const auto& [id, entry] : entries.entries()) {
    const Rule* rule = nullptr;
    for (const Rule& candidate : rules) {
      if (candidate.id == id) rule = &candidate;
    }
    if (rule == nullptr) {
      return file.At(entry.first,
                     fmt::format("unknown rule '{}'{}", Shown(id), DidYouMean(id, rule_ids)));
    }
    if (rule->category != category) {
      return file.At(entry.first, fmt::format("rule '{}' is of category '{}', not '{}'", id,
                                              rule->category, category));
    }
    Fields body;
    CLAUSESCAN_RETURN_IF_ERROR(Fields::Read(
        file, entry.second, fmt::format("rationale of '{}'", id), kBodyKeys, kBodyRequired, &body));
    RationaleEntry one;
    one.category = category;
    const PolicyContext rule_context{file, id, ParamsDeclaredBy(*rule), &no_positions,
                                     /*one_rule=*/true, &kinds};
    CLAUSESCAN_RETURN_IF_ERROR(ReadBody(rule_context, body, fmt::format("rule '{}'", id), &one));
    CLAUSESCAN_RETURN_IF_ERROR(Store(file, entry.first, id, std::move(one), out));
  }
  return std::nullopt;
}

const std::map<std::string, RationaleEntry>& BuiltinRationales() {
  static const std::map<std::string, RationaleEntry> builtin = [] {
    const std::vector<SourceFile>& files = EmbeddedRuleFiles();
    SpecialFiles special;
    Catalogs catalogs;
    std::vector<Rule> rules;
    std::map<std::string, RationaleEntry> out;
    if (Classify(files, &special) || ReadCatalogs(special, "<builtin>", &catalogs) ||
        ReadRules(special, catalogs, &rules)) {
      return out;
    }
    const ParamKinds kinds = ParamKindsDeclaredBy(rules);
    for (const SourceFile* rationale : special.rationales) {
      if (ParseAndRead(rationale, [&](const YamlFile& f, const YAML::Node& n) {
            return ReadRationale(f, n, catalogs.categories, rules, kinds, &out);
          })) {
        return std::map<std::string, RationaleEntry>();
      }
    }
    return out;
  }();
  return builtin;
}

void InheritRationales(const std::vector<Rule>& rules,
                       std::map<std::string, RationaleEntry>* rationales) {
  std::vector<const Rule*> without;  // judged before any inherited entry is added
  for (const Rule& rule : rules) {
    if (rationales->count(rule.id) == 0 && rationales->count(rule.category) == 0) {
      without.push_back(&rule);
    }
  }
  if (without.empty()) return;
  const std::map<std::string, RationaleEntry>& builtin = BuiltinRationales();
  for (const Rule* rule : without) {
    auto own = builtin.find(rule->id);
    if (own != builtin.end() && own->second.category == rule->category) {
      rationales->emplace(rule->id, own->second);
      continue;
    }
    auto category = builtin.find(rule->category);
    if (category != builtin.end() && category->second.category == rule->category) {
      rationales->emplace(rule->category, category->second);
    }
  }
}

Status CheckEveryRuleHasRationale(const std::vector<Rule>& rules,
                                  const std::map<std::string, RationaleEntry>& rationales) {
  for (const Rule& rule : rules) {
    if (rationales.count(rule.id) > 0 || rationales.count(rule.category) > 0) continue;
    const std::string folder = rule.file.substr(0, rule.file.rfind('/') + 1);
    return Error(ErrorCode::kRuleError,
                 fmt::format("rule '{}' has no rationale, and neither has category '{}' (here or "
                             "in the built-in rules): add {}rationale.yaml with 'category: {}', "
                             "'rationale: <why the buyer asks>' and 'sources: [{{title, url, says, "
                             "read}}]' (docs/rules.md, \"Rationale\")",
                             rule.id, rule.category, folder, rule.category),
                 rule.file, rule.line, 1);
  }
  return std::nullopt;
}

void FillInfoRationales(RuleSetData* data) {
  for (std::size_t i = 0; i < data->rules.size() && i < data->infos.size(); ++i) {
    auto it = data->rationales.find(data->rules[i].id);
    if (it == data->rationales.end()) it = data->rationales.find(data->rules[i].category);
    if (it == data->rationales.end()) continue;
    data->infos[i].rationale = it->second.shown;
    for (const auto& [key, text] : it->second.sector_text) {
      if (key.rfind(kFlagKeyPrefix, 0) != 0) {
        data->infos[i].sector_rationale.emplace_back(key, text);
      } else {
        data->infos[i].flag_rationale.emplace_back(key.substr(sizeof(kFlagKeyPrefix) - 1), text);
      }
    }
    data->infos[i].neutral_rationale = it->second.neutral;
  }
}

}  // namespace clausescan::internal

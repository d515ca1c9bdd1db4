// Advice granted by another sentence of the section or the document; see section_advice.h.
#include "assess/section_advice.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "assess/assess.h"
#include "assess/rationale.h"
#include "params/text_flags.h"

namespace clausescan::internal {
namespace {

const Rule* RuleById(const std::vector<Rule>& rules, const std::string& id) {
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id,
                       [](const Rule& rule, const std::string& key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

bool OfferedOn(const Consideration& consideration,
               const std::map<std::string, ParamValue>& parameters) {
  return WhenHolds(consideration.when, parameters) &&
         !Established(consideration.establishes, parameters);
}

// True when the advice declares a condition the clause read with its section can change.
bool Declares(const Consideration& consideration) {
  return !consideration.when.empty() || !consideration.establishes.empty();
}

// True when the rule declares `name` with `scope: document`.
bool DocumentWide(const Rule& rule, const std::string& name) {
  return std::any_of(rule.parameters.begin(), rule.parameters.end(), [&](const ParamSpec& spec) {
    return spec.name == name && spec.document_scope;
  });
}

// Per category, the parameters of document scope that some finding of it states (the first
// finding's value wins), as its rule declares them.
std::map<std::string, std::map<std::string, ParamValue>> DocumentWideParameters(
    const RuleSetData& data, const std::vector<Finding>& findings) {
  std::map<std::string, std::map<std::string, ParamValue>> out;
  for (const Finding& finding : findings) {
    for (const std::string& id :
         finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules) {
      const Rule* rule = RuleById(data.rules, id);
      if (rule == nullptr) continue;
      for (const auto& [name, value] : finding.parameters) {
        if (DocumentWide(*rule, name)) out[finding.category].emplace(name, value);
      }
    }
  }
  return out;
}

// Adds to *out, per category of the findings, the flags of `scope: text` of their rules that
// folded (the document's folded text) states anywhere (issue 15 #4); a rule's flags go to the
// category of the first finding that carries the rule. Only the categories of `advised` are
// given theirs (the others' would never be read). The folded text is read in one pass for every
// rule (TextFlags, issue 12), and only when some such finding's rule declares such a flag.
void AddFlagsOfText(const RuleSetData& data, const std::vector<Finding>& findings,
                    const std::set<std::string>& advised, std::string_view folded,
                    std::map<std::string, std::map<std::string, ParamValue>>* out) {
  if (folded.empty()) return;
  std::shared_ptr<const TextFlags> flags = data.text_flags;
  if (flags == nullptr) flags = std::make_shared<const TextFlags>(data.rules);  // built by hand
  TextFlags::Reader reader(*flags, folded);
  std::set<std::string> read;
  for (const Finding& finding : findings) {
    for (const std::string& id :
         finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules) {
      const Rule* rule = RuleById(data.rules, id);
      if (rule == nullptr || !read.insert(id).second) continue;
      const std::size_t index = static_cast<std::size_t>(rule - data.rules.data());
      if (!flags->Declares(index) || advised.count(finding.category) == 0) continue;
      reader.AddStated(index, &(*out)[finding.category]);
    }
  }
}

// Removes from finding's considerations the proposal of each of its positions that the clause
// read with its section and document (`read`) no longer meets: a condition on a parameter the
// finding lacks and `read` states fails ("reports come first" where the document already puts
// reports first), or its proposal's own `when` holds on `read` in no alternative. Conditions
// of `when` on the finding's own parameters are not looked at again.
void DropGrantedProposals(const RuleSetData& data, const std::map<std::string, ParamValue>& read,
                          Finding& finding) {
  for (const std::string& id :
       finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules) {
    auto policy = data.playbook.categories.find(id);
    if (policy == data.playbook.categories.end()) {
      policy = data.playbook.categories.find(finding.category);
    }
    if (policy == data.playbook.categories.end()) continue;
    for (const Position& position : policy->second.positions) {
      if (position.propose.empty() || std::find(finding.positions.begin(), finding.positions.end(),
                                                position.id) == finding.positions.end()) {
        continue;
      }
      const bool granted =
          std::any_of(position.when.begin(), position.when.end(),
                      [&](const Condition& c) {
                        return finding.parameters.count(c.param) == 0 &&
                               read.count(c.param) != 0 && !Holds(c, read);
                      }) ||
          !WhenHolds(position.propose_when, read) ||
          Established(position.propose_establishes, read);
      if (!granted) continue;
      const std::string text = FillPlaceholders(position.propose, finding.parameters);
      auto& list = finding.considerations;
      list.erase(std::remove(list.begin(), list.end(), text), list.end());
    }
  }
}

// Removes from finding's considerations the rationale's answers (the rule's own entry, else the
// category's; general and sector answers, and the mandated text's answers of the first of the
// two that has some) whose `when` holds in none of its alternatives on the clause read with its
// section and document (`read`).
void DropGrantedAnswers(const RuleSetData& data, const std::map<std::string, ParamValue>& read,
                        Finding& finding) {
  auto entry = data.rationales.find(finding.rule);
  if (entry == data.rationales.end()) entry = data.rationales.find(finding.category);
  if (entry == data.rationales.end()) return;
  auto drop = [&](const std::vector<Consideration>& answers) {
    for (const Consideration& answer : answers) {
      if (!Declares(answer) || OfferedOn(answer, read)) continue;
      const std::string text =
          std::string(kNeedPrefix) + FillPlaceholders(answer.text, finding.parameters);
      auto& list = finding.considerations;
      list.erase(std::remove(list.begin(), list.end(), text), list.end());
    }
  };
  drop(entry->second.answers);
  for (const auto& [sector, answers] : entry->second.sector_answers) drop(answers);
  // The mandated text's answers (no prefix), of the rule's own entry, else the category's, as
  // GiveWayToMandatedText offers them (issue 14 s11 #3: no "choose an Option" where another clause
  // of the SCCs chose it).
  for (const std::string& key : {finding.rule, finding.category}) {
    auto mandated = data.rationales.find(key);
    if (mandated == data.rationales.end() || mandated->second.mandated_answers.empty()) continue;
    for (const auto& [kind, answers] : mandated->second.mandated_answers) {
      for (const Consideration& answer : answers) {
        if (!Declares(answer) || OfferedOn(answer, read)) continue;
        const std::string text = FillPlaceholders(answer.text, finding.parameters);
        auto& list = finding.considerations;
        list.erase(std::remove(list.begin(), list.end(), text), list.end());
      }
    }
    break;
  }
}

constexpr std::size_t kMostClauseNeighbours = 64;

// True when the clause opens by defining a term: '"Security Incident" means', '- Scheduled
// Downtime/Maintenance Windows: Periods of time ...', '1.18. Subprocessor shall mean'. A later
// sentence of a definition's paragraph ("GitHub may retain Detection Samples for 12 months")
// is a term of its own, not what the defined term means.
bool OpensADefinition(const std::string& text) {
  static const RE2 kDefinition(
      R"(^\s*(?:[-*\x{2022}]\s+|\(?[0-9a-z]{1,4}[.)]\s*|(?:[0-9]+\.)+[0-9]*\s*)?[\x{201c}"'*]*)"
      R"([A-Z][^.:;\n]{0,80}?[\x{201d}"'*]*\s*(?::|\b(?:means|shall mean|refers to|has the meaning|is defined)\b))");
  return RE2::PartialMatch(text, kDefinition);
}

// Per category, the places of its findings that lie in the document's definitions and open by
// defining a term, in document order (read22 #1).
std::map<std::string, std::vector<std::size_t>> DefinitionsByCategory(
    const std::vector<Finding>& findings, const std::vector<bool>& in_definitions) {
  std::map<std::string, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < findings.size() && i < in_definitions.size(); ++i) {
    if (in_definitions[i] && OpensADefinition(findings[i].text)) {
      out[findings[i].category].push_back(i);
    }
  }
  return out;
}

}  // namespace

std::vector<int> ClauseSections(const std::vector<Section>& sections) {
  std::vector<int> out(sections.size());
  // The first section is the document's title when it has no number and every other one is
  // deeper ("# Data Processing Agreement"; "## 9. Audits" over its "### 9.2" is a clause).
  const bool titled =
      sections.size() > 1 && sections.front().number.empty() &&
      std::all_of(sections.begin() + 1, sections.end(),
                  [&](const Section& s) { return s.level > sections.front().level; });
  std::vector<int> open;  // the sections enclosing the one read, outermost first
  for (std::size_t s = 0; s < sections.size(); ++s) {
    while (!open.empty() && sections[static_cast<std::size_t>(open.back())].level >=
                                sections[s].level) {
      open.pop_back();
    }
    const bool under_title = titled && !open.empty() && open.front() == 0;
    if (open.size() > (under_title ? 1u : 0u)) {
      out[s] = open[under_title ? 1 : 0];
    } else {
      out[s] = static_cast<int>(s);
    }
    open.push_back(static_cast<int>(s));
  }
  return out;
}

bool DefinesTerms(const Section& section) {
  std::string title;
  for (char c : section.title) title += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"definitions", "defined terms", "interpretation"}) {
    if (title.find(word) != std::string::npos) return true;
  }
  return false;
}

void DropAdviceGrantedNearby(const RuleSetData& data, std::vector<Finding>& findings,
                             const std::vector<int>& sections, std::string_view folded,
                             const std::vector<bool>& in_definitions) {
  // The categories whose findings carry advice: only their rules and clauses are read.
  std::set<std::string> advised;
  for (const Finding& finding : findings) {
    if (!finding.considerations.empty()) advised.insert(finding.category);
  }
  if (advised.empty()) return;
  auto document = DocumentWideParameters(data, findings);
  AddFlagsOfText(data, findings, advised, folded, &document);  // issue 15 #4
  const auto definitions = DefinitionsByCategory(findings, in_definitions);
  // The findings of each clause (section and category), in document order, so that a finding
  // reads its own clause's findings only: linear in the findings of a document whose sections
  // are small, however many findings it holds.
  std::map<std::pair<int, std::string>, std::vector<std::size_t>> clauses;
  std::vector<std::size_t> place_in_clause(findings.size(), 0);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (sections[i] < 0) continue;
    std::vector<std::size_t>& clause = clauses[{sections[i], findings[i].category}];
    place_in_clause[i] = clause.size();
    clause.push_back(i);
  }
  // A neighbour complements the finding when they share no parameter: "once a year" and "on 45
  // days' notice" are one clause; two sentences that both state a certificate are alternatives.
  // A parameter of document scope that both carry ("reports in lieu", said of the whole scheme)
  // makes them no alternatives.
  // Nor does one both state alike that no playbook position judges ("a mutually agreed audit
  // plan" and "at a mutually agreed date", a fact the advice reads): the same fact, told twice.
  // A judged fact both state alike makes alternatives only when some advice of the category
  // reads it (read22 #1): two lists of exclusions, or two sentences that each only set
  // conditions on audits, complement each other; two sentences that each state a certificate
  // the advice asks about may be alternatives.
  std::map<std::string, std::set<std::string>> wide_names;
  std::map<std::string, std::set<std::string>> judged_names;
  std::map<std::string, std::set<std::string>> advice_names;
  auto read_by_advice = [&](const std::string& category,
                            const std::vector<std::vector<Condition>>& alternatives) {
    for (const std::vector<Condition>& conditions : alternatives) {
      for (const Condition& c : conditions) advice_names[category].insert(c.param);
    }
  };
  auto read_answers = [&](const std::string& category, const std::vector<Consideration>& answers) {
    for (const Consideration& answer : answers) {
      read_by_advice(category, answer.when);
      read_by_advice(category, answer.establishes);
    }
  };
  for (const Rule& rule : data.rules) {
    if (advised.count(rule.category) == 0) continue;
    for (const ParamSpec& spec : rule.parameters) {
      if (spec.document_scope || spec.text_scope) wide_names[rule.category].insert(spec.name);
    }
    read_answers(rule.category, rule.considerations);
    for (const std::string& key : {rule.id, rule.category}) {
      if (auto entry = data.rationales.find(key); entry != data.rationales.end()) {
        read_answers(rule.category, entry->second.answers);
        for (const auto& [sector, answers] : entry->second.sector_answers) {
          read_answers(rule.category, answers);
        }
        for (const auto& [kind, answers] : entry->second.mandated_answers) {
          read_answers(rule.category, answers);
        }
      }
      auto policy = data.playbook.categories.find(key);
      if (policy == data.playbook.categories.end()) continue;
      for (const Position& position : policy->second.positions) {
        for (const Condition& c : position.when) {
          judged_names[rule.category].insert(c.param);
          if (!position.propose.empty()) advice_names[rule.category].insert(c.param);
        }
        read_by_advice(rule.category, position.propose_when);
        read_by_advice(rule.category, position.propose_establishes);
      }
    }
  }
  for (auto& [category, judged] : judged_names) {
    const std::set<std::string>& read = advice_names[category];
    for (auto name = judged.begin(); name != judged.end();) {
      name = read.count(*name) != 0 ? std::next(name) : judged.erase(name);
    }
  }
  auto fill_from = [&](const Finding& other, std::map<std::string, ParamValue>& into,
                       const Finding& finding) {
    const std::set<std::string>& wide = wide_names[finding.category];
    const std::set<std::string>& judged = judged_names[finding.category];
    for (const auto& [name, value] : other.parameters) {
      auto own = finding.parameters.find(name);
      if (own == finding.parameters.end() || wide.count(name) != 0) continue;
      if (judged.count(name) != 0 || !(own->second == value)) return;
    }
    for (const auto& [name, value] : other.parameters) into.emplace(name, value);
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    if (finding.considerations.empty()) continue;
    if (RuleById(data.rules, finding.rule) == nullptr) continue;
    std::map<std::string, ParamValue> section = finding.parameters;
    // Every finding of the clause, nearest first (the one before at equal distance), at most
    // kMostClauseNeighbours of them: a section that holds more findings of one category is a
    // document repeating itself (a real clause has a handful), and reading them all would make
    // the work grow with the square of its findings.
    if (sections[i] >= 0) {
      const std::vector<std::size_t>& clause = clauses[{sections[i], finding.category}];
      std::size_t before = place_in_clause[i];  // clause[before - 1] is the next one before
      std::size_t after = place_in_clause[i] + 1;
      for (std::size_t read = 0; read < kMostClauseNeighbours && (before > 0 || after < clause.size());
           ++read) {
        const bool take_before =
            before > 0 && (after >= clause.size() || i - clause[before - 1] <= clause[after] - i);
        const std::size_t j = take_before ? clause[--before] : clause[after++];
        fill_from(findings[j], section, finding);
      }
    }
    // read22 #1: what the definitions state of the category, nearest definition first.
    // At most kMostClauseNeighbours of them, as for the clause.
    if (auto defined = definitions.find(finding.category); defined != definitions.end()) {
      const std::vector<std::size_t>& places = defined->second;
      std::size_t after = std::upper_bound(places.begin(), places.end(), i) - places.begin();
      std::size_t before = after > 0 && places[after - 1] == i ? after - 1 : after;
      for (std::size_t read = 0; read < kMostClauseNeighbours && (before > 0 || after < places.size());
           ++read) {
        const bool take_before =
            before > 0 && (after >= places.size() || i - places[before - 1] <= places[after] - i);
        const std::size_t j = take_before ? places[--before] : places[after++];
        for (const auto& [name, value] : findings[j].parameters) section.emplace(name, value);
      }
    }
    // issue 15 #8: what another section grants for the whole category ("in lieu of an audit").
    if (auto wide = document.find(finding.category); wide != document.end()) {
      for (const auto& [name, value] : wide->second) section.emplace(name, value);
    }
    if (section.size() == finding.parameters.size()) continue;
    // issue 15 #3: the advice of every rule merged into the finding, not only the primary's.
    for (const std::string& id :
         finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules) {
      const Rule* rule = RuleById(data.rules, id);
      if (rule == nullptr) continue;
      for (const Consideration& consideration : rule->considerations) {
        if (!Declares(consideration) || OfferedOn(consideration, section)) continue;
        auto& list = finding.considerations;
        list.erase(std::remove(list.begin(), list.end(), consideration.text), list.end());
      }
    }
    DropGrantedProposals(data, section, finding);  // issue 15 #4
    DropGrantedAnswers(data, section, finding);    // issue 14 fourth review #1
  }
}

}  // namespace clausescan::internal

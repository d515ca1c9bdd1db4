#include "assess/assess.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "assess/currency.h"
#include "assess/rationale.h"
#include "assess/uptime_figure.h"
#include "params/extract.h"
#include "report/values.h"

namespace clausescan::internal {
namespace {

constexpr const char* kNoPolicyReason = "no playbook position for this category";
constexpr const char* kCustomerDutyReason =
    "the customer owes this duty, so the supplier's playbook positions do not apply";
constexpr const char* kFallbackReason =
    "found by the category's fallback rule: no specific rule judged this clause, so the risk is "
    "the category's default; read the clause itself";

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool NumbersEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// `actual` (a finding's parameter) equals `expected` (a condition's value). A list equals a word
// it contains; words compare case-insensitively; values of different types never compare equal.
bool ValueEquals(const ParamValue& actual, const ParamValue& expected) {
  if (const auto* list = std::get_if<std::vector<std::string>>(&actual)) {
    const auto* word = std::get_if<std::string>(&expected);
    return word != nullptr && std::any_of(list->begin(), list->end(), [&](const std::string& item) {
             return EqualsIgnoreCase(item, *word);
           });
  }
  if (actual.index() != expected.index()) return false;
  if (const auto* a = std::get_if<double>(&actual)) {
    return NumbersEqual(*a, std::get<double>(expected));
  }
  if (const auto* a = std::get_if<std::string>(&actual)) {
    return EqualsIgnoreCase(*a, std::get<std::string>(expected));
  }
  return std::get<bool>(actual) == std::get<bool>(expected);
}

bool WordIn(std::string_view word, const std::vector<std::string>& values) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return EqualsIgnoreCase(word, v); });
}

// `actual` is one of `values` (as written in the playbook). A list is in when any of its items
// is; numbers and flags compare by their printed form (24, true).
bool ValueIn(const ParamValue& actual, const std::vector<std::string>& values) {
  if (const auto* list = std::get_if<std::vector<std::string>>(&actual)) {
    return std::any_of(list->begin(), list->end(),
                       [&](const std::string& item) { return WordIn(item, values); });
  }
  return WordIn(FormatValue(actual), values);
}

// Numeric comparison; false unless both sides are numbers.
bool Compare(Condition::Op op, const ParamValue& actual, const ParamValue& limit) {
  const auto* a = std::get_if<double>(&actual);
  const auto* b = std::get_if<double>(&limit);
  if (a == nullptr || b == nullptr) return false;
  switch (op) {
    case Condition::Op::kLess:
      return *a < *b;
    case Condition::Op::kLessEqual:
      return *a <= *b;
    case Condition::Op::kGreater:
      return *a > *b;
    case Condition::Op::kGreaterEqual:
      return *a >= *b;
    default:
      return false;
  }
}

bool AllHold(const Position& position, const std::map<std::string, ParamValue>& parameters) {
  return std::all_of(position.when.begin(), position.when.end(),
                     [&](const Condition& c) { return Holds(c, parameters); });
}

// Words that say who or how, not what: the parties' names (a proposal's sample wording says
// "Provider" and "Customer" where advice says "you" and "the customer") and modal or linking
// words. Sorted.
constexpr std::array<std::string_view, 30> kNoTopicWords = {
    "agree",    "also",      "been",      "buyer",    "buyers",   "customer",
    "customers", "each",     "from",      "have",     "into",     "must",
    "offer",    "only",      "other",     "provider", "service",  "services",
    "shall",    "such",      "supplier",  "suppliers", "than",    "that",
    "their",    "them",      "then",      "they",     "this",     "will"};

// Stems (six letters) that name one thing in other words, and the stem they compare as: an
// audit, an assessment, an inspection and an on-site visit are one act ("an on-site audit is
// allowed only if these leave a specific question open" and "an on-site visit only when they
// leave a question open", read23 #4). Words that often stand side by side ("report or
// certificate") stay apart: folding them would make two texts that both name them less alike.
// Sorted by the first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSameTopicStems = {{
    {"assess", "audit"},
    {"audits", "audit"},
    {"inspec", "audit"},
    {"visit", "audit"},
    {"visits", "audit"},
}};

// The stem `stem` compares as (kSameTopicStems), else itself.
std::string_view TopicStem(std::string_view stem) {
  auto it = std::lower_bound(kSameTopicStems.begin(), kSameTopicStems.end(), stem,
                             [](const auto& entry, std::string_view s) { return entry.first < s; });
  return it != kSameTopicStems.end() && it->first == stem ? it->second : stem;
}

// The distinct topic words of text, lower case and cut to their first six letters so that one
// word's forms compare equal ("assist" and "assistance", "report" and "reports"), sorted: words
// longer than three letters ("the", "and", "for" carry no topic) that are not kNoTopicWords,
// each as the stem it compares as (TopicStem: "assessment" as "audit").
std::vector<std::string> TopicWords(std::string_view text) {
  constexpr std::size_t kStemLength = 6;
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (word.size() > 3 &&
        !std::binary_search(kNoTopicWords.begin(), kNoTopicWords.end(), word)) {
      words.emplace_back(TopicStem(std::string_view(word).substr(0, kStemLength)));
    }
    word.clear();
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// The number of topic words (TopicWords, sorted) x and y share.
std::size_t SharedWords(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  std::size_t shared = 0;
  for (auto a = x.begin(), b = y.begin(); a != x.end() && b != y.end();) {
    const int order = a->compare(*b);
    if (order == 0) ++shared;
    if (order <= 0) ++a;
    if (order >= 0) ++b;
  }
  return shared;
}

// True when two texts with these TopicWords share at least 35% of them (Jaccard index >= 0.35):
// the same advice in other words, such as a rule's consideration restating a position's
// proposal ("Provider will assist through the self-service features..." and "Help through the
// self-service features..."). Distinct advice on one subject shares less ("Ask for reasonable
// advance notice of an assessment" and "Offer assessments on reasonable notice, at agreed
// intervals...").
bool SameTopic(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  if (x.empty() || y.empty()) return false;
  const std::size_t shared = SharedWords(x, y);
  return 20 * shared >= 7 * (x.size() + y.size() - shared);
}

// True when a listed text with topic words `listed` says most of what a text with topic words
// `text` says: 60% or more of text's words, when it has four or more (issue 15 #3: a rule's
// "Ask for a general written authorisation that covers the sub-processors on the current list"
// after a position's "Customer grants a general written authorisation for the sub-processors on
// Supplier's published list ..."; "make the limits mutual" beside a proposal of a mutual cap
// shares less and stays).
bool Covers(const std::vector<std::string>& listed, const std::vector<std::string>& text) {
  return text.size() >= 4 && 5 * SharedWords(listed, text) >= 3 * text.size();
}

// Sets risk, reasons, positions and the positions' proposals from the category's policy, whose
// conditions see `compared` (the finding's parameters with amounts in the playbook's currency).
void Judge(const CategoryPolicy& policy, const std::map<std::string, ParamValue>& compared,
           Finding& finding) {
  std::vector<const Position*> applying;
  for (const Position& position : policy.positions) {
    if (AllHold(position, compared)) applying.push_back(&position);
  }
  std::optional<Risk> worst;
  for (const Position* applies : applying) {
    const Position& position = *applies;
    // One reason per idea: a position gives way to a refinement of it that applies too.
    if (std::any_of(applying.begin(), applying.end(),
                    [&](const Position* other) { return Refines(other->id, position.id); })) {
      continue;
    }
    worst = worst ? std::max(*worst, position.risk) : position.risk;
    AddUnique(finding.reasons, FillPlaceholders(position.reason, finding.parameters) +
                                   " (position " + position.id + ")");
    AddUnique(finding.positions, position.id);
    if (WhenHolds(position.propose_when, compared) &&
        !Established(position.propose_establishes, compared)) {
      AddAdvice(finding.considerations, FillPlaceholders(position.propose, finding.parameters));
    }
  }
  if (worst) {
    finding.risk = *worst;
    return;
  }
  finding.risk = policy.default_risk;
  if (!policy.default_reason.empty()) finding.reasons.push_back(policy.default_reason);
}

std::vector<Control> ResolveControls(const std::vector<std::string>& ids,
                                     const std::vector<ControlEntry>& catalogue) {
  std::vector<Control> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto it = std::find_if(catalogue.begin(), catalogue.end(),
                           [&](const ControlEntry& c) { return c.id == id; });
    out.push_back({id, it == catalogue.end() ? std::string() : it->title});
  }
  return out;
}

std::vector<EvidenceItem> ResolveEvidence(const std::vector<std::string>& ids,
                                          const std::vector<EvidenceEntry>& catalogue) {
  std::vector<EvidenceItem> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto it = std::find_if(catalogue.begin(), catalogue.end(),
                           [&](const EvidenceEntry& e) { return e.id == id; });
    out.push_back(it == catalogue.end() ? EvidenceItem{id, {}}
                                        : EvidenceItem{id, it->title, it->description});
  }
  return out;
}

// Adds the catalogue's items that one of the finding's flags calls for (called_for_by), after
// the rule's own, each once.
void AddCalledForEvidence(const std::vector<EvidenceEntry>& catalogue, Finding& finding) {
  for (const EvidenceEntry& entry : catalogue) {
    const bool called = std::any_of(
        entry.called_for_by.begin(), entry.called_for_by.end(), [&](const std::string& flag) {
          return FlagSet(finding, flag);
        });
    const bool listed = std::any_of(finding.evidence.begin(), finding.evidence.end(),
                                    [&](const EvidenceItem& item) { return item.id == entry.id; });
    if (called && !listed) finding.evidence.push_back({entry.id, entry.title, entry.description});
  }
}

// When rest starts with a plural unit (" hours", " business days"), appends it in the singular
// to out and returns how many characters of rest it stands for; else returns 0.
std::size_t SingularUnit(std::string_view rest, std::string& out) {
  for (std::string_view unit : {" business days", " working days", " calendar days", " hours",
                                " days", " weeks", " months", " years", " minutes"}) {
    if (rest.substr(0, unit.size()) != unit) continue;
    const std::size_t end = unit.size();
    if (end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[end]))) return 0;
    out += unit.substr(0, unit.size() - 1);
    return end;
  }
  return 0;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

// The words of text, lower case, each followed by one space: case and punctuation aside, one
// text says another's words in full when its Words contain the other's.
std::string Words(std::string_view text) {
  std::string out;
  bool in_word = false;
  for (char c : text) {
    const bool word_char = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (word_char) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!word_char && in_word) out += ' ';
    in_word = word_char;
  }
  if (in_word) out += ' ';
  return out;
}

// said without prefix when it starts with it (a "Meets the buyer's need: " label), else said.
std::string_view WithoutPrefix(std::string_view said, std::string_view prefix) {
  return said.substr(0, prefix.size()) == prefix ? said.substr(prefix.size()) : said;
}

// True when `longer` says all of `shorter`'s words, in order and together (Words).
bool SaysAllOf(std::string_view longer, std::string_view shorter) {
  const std::string words = Words(shorter);
  if (words.empty()) return false;
  const std::string in = " " + Words(longer);
  return in.find(" " + words) != std::string::npos;
}

}  // namespace

void AddAdvice(std::vector<std::string>& list, std::string text, std::string_view prefix) {
  if (text.empty()) return;
  auto bare = [&](std::string_view said) { return WithoutPrefix(said, prefix); };
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (SaysAllOf(bare(list[i]), bare(text))) return;
    if (!SaysAllOf(bare(text), bare(list[i]))) continue;
    list[i] = std::move(text);  // the fuller wording, where the first shorter one stood
    const std::string_view fuller = bare(list[i]);
    list.erase(std::remove_if(list.begin() + static_cast<std::ptrdiff_t>(i) + 1, list.end(),
                              [&](const std::string& other) {
                                return SaysAllOf(fuller, bare(other));
                              }),
               list.end());
    return;
  }
  list.push_back(std::move(text));
}

bool FlagSet(const Finding& finding, const std::string& name) {
  auto it = finding.parameters.find(name);
  if (it == finding.parameters.end()) return false;
  const bool* value = std::get_if<bool>(&it->second);
  return value != nullptr && *value;
}

bool Refines(std::string_view refined, std::string_view general) {
  return refined.size() > general.size() + 1 && refined.substr(0, general.size()) == general &&
         refined[general.size()] == '-';
}

bool SaidIn(const std::vector<std::string>& list, std::string_view text, std::string_view prefix) {
  auto bare = [&](std::string_view said) { return WithoutPrefix(said, prefix); };
  text = bare(text);
  // Word for word first, in full or inside a fuller wording: the topic words cost more than a
  // comparison (issue 12).
  if (std::any_of(list.begin(), list.end(), [&](const std::string& said) {
        return bare(said) == text || SaysAllOf(bare(said), text);
      })) {
    return true;
  }
  if (list.empty()) return false;
  const std::vector<std::string> words = TopicWords(text);
  return std::any_of(list.begin(), list.end(), [&](const std::string& said) {
    const std::vector<std::string> listed = TopicWords(bare(said));
    return SameTopic(listed, words) || Covers(listed, words);
  });
}

void AddUnlessSaid(std::vector<std::string>& list, const std::string& text) {
  if (text.empty() || SaidIn(list, text)) return;
  AddAdvice(list, text);
}

bool Offered(const Consideration& consideration,
             const std::map<std::string, ParamValue>& parameters, std::string_view doctype) {
  if (!doctype.empty() && !consideration.doctypes.empty() &&
      std::find(consideration.doctypes.begin(), consideration.doctypes.end(), doctype) ==
          consideration.doctypes.end()) {
    return false;
  }
  return WhenHolds(consideration.when, parameters) &&
         !Established(consideration.establishes, parameters);
}

bool Established(const std::vector<std::vector<Condition>>& establishes,
                 const std::map<std::string, ParamValue>& parameters) {
  return !establishes.empty() && WhenHolds(establishes, parameters);
}

bool WhenHolds(const std::vector<std::vector<Condition>>& when,
               const std::map<std::string, ParamValue>& parameters) {
  auto all_hold = [&](const std::vector<Condition>& conditions) {
    return std::all_of(conditions.begin(), conditions.end(),
                       [&](const Condition& c) { return Holds(c, parameters); });
  };
  return when.empty() || std::any_of(when.begin(), when.end(), all_hold);
}

void AddUnique(std::vector<std::string>& list, std::string text) {
  if (text.empty() || std::find(list.begin(), list.end(), text) != list.end()) return;
  list.push_back(std::move(text));
}

bool Holds(const Condition& condition, const std::map<std::string, ParamValue>& parameters) {
  auto it = parameters.find(condition.param);
  if (it == parameters.end()) return condition.op == Condition::Op::kAbsent;
  const ParamValue& actual = it->second;
  switch (condition.op) {
    case Condition::Op::kPresent:
      return true;
    case Condition::Op::kAbsent:
      return false;
    case Condition::Op::kEquals:
      return ValueEquals(actual, condition.value);
    case Condition::Op::kIn:
      return ValueIn(actual, condition.values);
    case Condition::Op::kLess:
    case Condition::Op::kLessEqual:
    case Condition::Op::kGreater:
    case Condition::Op::kGreaterEqual:
      return Compare(condition.op, actual, condition.value);
  }
  return false;
}

std::string FillPlaceholders(std::string_view text,
                             const std::map<std::string, ParamValue>& parameters) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t close = text[i] == '{' ? text.find('}', i + 1) : std::string_view::npos;
    if (close != std::string_view::npos) {
      std::string_view name = text.substr(i + 1, close - i - 1);
      bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), IsNameChar);
      auto it = is_name ? parameters.find(std::string(name)) : parameters.end();
      if (it != parameters.end()) {
        const std::string value = FormatValue(it->second);
        out += value;
        i = close + 1;
        if (value == "1") i += SingularUnit(text.substr(i), out);  // issue 15 #4
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

namespace {

// The reasons that say which values a finding read through a definition rather than from the
// clause's own words (a parameter "<name>_defined_by" beside "<name>", ParamExtractor::
// ExtractDefined): "after becoming aware of any Security Incident", where a Security Incident is
// a confirmed breach, counts from confirmation, and the report says why.
std::vector<std::string> DefinedValueReasons(const std::map<std::string, ParamValue>& parameters) {
  std::vector<std::string> out;
  // term -> "name value" of each value read through its definition, said in one reason
  std::vector<std::pair<std::string, std::vector<std::string>>> by_term;
  const std::string_view suffix = ParamExtractor::kDefinedBySuffix;
  for (const auto& [name, value] : parameters) {
    const std::string* term = std::get_if<std::string>(&value);
    if (term == nullptr || name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string of = name.substr(0, name.size() - suffix.size());
    const auto read = parameters.find(of);
    if (read == parameters.end()) continue;
    if (of == "trigger") {
      out.push_back("the clause counts from becoming aware of a " + *term +
                    ", which the contract defines as a confirmed event: the clock is read as "
                    "running from confirmation (the definition's word, not the clause's)");
    } else {
      auto same = std::find_if(by_term.begin(), by_term.end(),
                               [&](const auto& entry) { return entry.first == *term; });
      if (same == by_term.end()) same = by_term.insert(by_term.end(), {*term, {}});
      same->second.push_back(of + " " + FormatValue(read->second));
    }
  }
  for (const auto& [term, values] : by_term) {
    std::string listed;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) listed += i + 1 == values.size() ? " and " : ", ";
      listed += values[i];
    }
    out.push_back(listed + (values.size() == 1 ? " is" : " are") + " read from the definition of \"" +
                  term + "\", not stated in the clause itself");
  }
  return out;
}

}  // namespace

void Assess(const Playbook& playbook, const std::vector<ControlEntry>& controls,
            const std::vector<EvidenceEntry>& evidence, const Rule& rule, Finding& finding,
            std::string_view doctype) {
  finding.reasons.clear();
  finding.positions.clear();
  finding.considerations.clear();
  auto policy = playbook.categories.find(rule.id);
  if (policy == playbook.categories.end()) policy = playbook.categories.find(finding.category);
  if (rule.party == Party::kCustomer) {
    // The positions state what the supplier can promise; a customer's promise costs it nothing.
    finding.risk = Risk::kInfo;
    finding.reasons.push_back(kCustomerDutyReason);
  } else if (rule.fallback) {
    // No specific rule judged the clause: its parameters mean nothing to the positions.
    finding.risk = policy == playbook.categories.end() ? Risk::kInfo : policy->second.default_risk;
    finding.reasons.push_back(kFallbackReason);
  } else if (policy == playbook.categories.end()) {
    finding.risk = Risk::kInfo;
    finding.reasons.push_back(kNoPolicyReason);
  } else {
    // Amounts in another currency than the playbook's are converted or not compared (issue 15
    // #6); the reasons say which, before those of the positions.
    std::vector<std::string> currency_reasons;
    ReadTargetWording(finding);  // issue 15 #4: "aims for 99.99%" is a target
    const std::map<std::string, ParamValue> compared =
        AmountsInBaseCurrency(playbook.currency, rule, finding.parameters, &currency_reasons);
    Judge(policy->second, compared, finding);
    finding.reasons.insert(finding.reasons.begin(), currency_reasons.begin(),
                           currency_reasons.end());
    const std::vector<std::string> defined = DefinedValueReasons(finding.parameters);
    finding.reasons.insert(finding.reasons.begin(), defined.begin(), defined.end());
  }
  for (const Consideration& consideration : rule.considerations) {
    if (Offered(consideration, finding.parameters, doctype)) {
      AddUnlessSaid(finding.considerations, consideration.text);
    }
  }
  LimitStorageAvailability(finding);  // issue 15 #4: a backup store's figure is no uptime
  finding.controls = ResolveControls(rule.controls, controls);
  finding.evidence = ResolveEvidence(rule.evidence, evidence);
  AddCalledForEvidence(evidence, finding);  // issue 13 s7 #3
  // One rule: every item it calls for answers for all its controls.
  std::vector<std::string> control_ids;
  for (const Control& control : finding.controls) control_ids.push_back(control.id);
  finding.evidence_controls.clear();
  for (const EvidenceItem& item : finding.evidence) {
    finding.evidence_controls.push_back({item.id, control_ids});
  }
}

const CategoryPolicy* CustomerSideOf(const Playbook& playbook, const Rule& rule) {
  auto policy = playbook.categories.find(rule.id);
  if (policy == playbook.categories.end()) policy = playbook.categories.find(rule.category);
  return policy == playbook.categories.end() ? nullptr : policy->second.customer.get();
}

void JudgeAgainstSide(const CategoryPolicy& side, const Playbook& playbook, const Rule& rule,
                      Finding& finding) {
  finding.reasons.clear();
  finding.positions.clear();
  finding.considerations.clear();
  std::vector<std::string> currency_reasons;
  const std::map<std::string, ParamValue> compared =
      AmountsInBaseCurrency(playbook.currency, rule, finding.parameters, &currency_reasons);
  Judge(side, compared, finding);
  finding.reasons.insert(finding.reasons.begin(), currency_reasons.begin(), currency_reasons.end());
  const std::vector<std::string> defined = DefinedValueReasons(finding.parameters);
  finding.reasons.insert(finding.reasons.begin(), defined.begin(), defined.end());
}

void Assess(const RuleSetData& data, const Rule& rule, Finding& finding, std::string_view doctype) {
  Assess(data.playbook, data.controls, data.evidence, rule, finding, doctype);
  AttachRationale(data.rationales, rule, finding);  // issue 14 #2
}

namespace {

// The rule with id in rules (sorted by id), or nullptr.
const Rule* FindRule(const std::vector<Rule>& rules, const std::string& id) {
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id,
                       [](const Rule& rule, const std::string& key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

bool Provides(const Finding& finding, const Expectation& expectation, const Rule* rule) {
  if (finding.category != expectation.category) return false;
  if (rule != nullptr && rule->party == Party::kCustomer) return false;
  return std::all_of(expectation.where.begin(), expectation.where.end(),
                     [&](const Condition& c) { return Holds(c, finding.parameters); });
}

}  // namespace

std::vector<MissingClause> MissingClauses(const RuleSetData& data, const DocType& type,
                                          const std::vector<Finding>& findings,
                                          const std::vector<bool>& applicable) {
  std::vector<const Rule*> rules;
  rules.reserve(findings.size());
  for (const Finding& finding : findings) rules.push_back(FindRule(data.rules, finding.rule));
  std::vector<MissingClause> missing;
  for (std::size_t e = 0; e < type.expects.size(); ++e) {
    const Expectation& expectation = type.expects[e];
    if (!expectation.detectable || (e < applicable.size() && !applicable[e])) continue;
    bool provided = false;
    for (std::size_t i = 0; i < findings.size() && !provided; ++i) {
      provided = Provides(findings[i], expectation, rules[i]);
    }
    if (!provided) missing.push_back({expectation.category, expectation.reason, expectation.risk});
  }
  return missing;
}

}  // namespace clausescan::internal

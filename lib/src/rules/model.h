// The rule model: what the YAML files in rules/ load into. Plain data; see docs/rules.md for
// the file formats.
#ifndef CLAUSESCAN_RULES_MODEL_H_
#define CLAUSESCAN_RULES_MODEL_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/report.h"
#include "clausescan/rules.h"
#include "params/party.h"

namespace clausescan::internal {

class RegexOnFirstUse;  // rules/regex_on_first_use.h

// A file of the rule directory, as text (read from disk or embedded at build time).
struct SourceFile {
  std::string name;  // path relative to the rule directory, '/' separated
  std::string content;
  // True for the files of the built-in pack, which the tests check at build time (loader
  // tests, `rules test`): LoadRuleSet then neither runs CheckPattern on their patterns nor
  // counts their alias expansions before parsing, so start-up compiles no regex (issue 12).
  // Files read from a rule directory keep every check, with file:line errors.
  bool checked_at_build = false;
  // The file's tree as the build parsed and packed it (rules/packed_yaml.h), in a blob that
  // lives as long as the process; empty for files read as text. YamlFile::Parse unpacks it
  // instead of parsing content (issue 12: start-up).
  std::string_view packed_tree = {};
};

enum class Scope { kSentence, kParagraph };

// One parameter a rule extracts (see docs/rules.md, "parameters").
struct ParamSpec {
  enum class Type {
    kDuration,     // output `name` in `unit`; business days: see business_name, business_flag
    kVague,        // the first vague time term ("immediately", ...)
    kTrigger,      // the event that starts the clock
    kFlag,         // true when one of `any` matches and none of `none`
    kEnum,         // the first key of `values` whose patterns match
    kPercent,      // first percentage
    kMoney,        // first amount -> `name`, its currency -> `currency_name`
    kFeeMonths,    // months of fees of a fee-based cap (multiple × look-back)
    kFeeMultiple,  // the multiple of a fee-based cap, when not 1
    kFrequency,    // times per year
    kSet,          // every key of `values` whose patterns match, as a list in file order
  };
  std::string name;
  Type type = Type::kFlag;
  std::string unit;           // kDuration: "hours", "days" or "months"
  std::string business_name;  // kDuration: parameter for business days ("" = convert)
  // kDuration: business days stay in `name` (as written) and set `business: true`.
  bool business_flag = false;
  // kDuration: which of several durations the unit states is reported.
  enum class Prefer {
    kWithin,  // the first "within" deadline, else the first duration
    kNotice,  // the first duration of advance notice, else none
    // how long something lasts ("records kept for 3 years after the DPA ends"): the first
    // duration that is no "within" deadline, advance notice or period of a frequency, else none
    kPeriod,
  };
  Prefer prefer = Prefer::kWithin;
  std::string currency_name;  // kMoney: parameter for the currency ("" = none)
  // kFlag: RE2 patterns (case-insensitive, on the folded view). kDuration: only a duration
  // with a match next to it counts; kPercent: only a percentage with a match in the text before
  // it (see ParamExtractor::Extract).
  std::vector<std::string> any;
  std::vector<std::string> none;  // kFlag: patterns that cancel the flag
  // kFlag, `scope: document`: once any clause of the category states it, it holds for the
  // advice on every clause of the category ("in lieu of an audit" in another section), see
  // DropAdviceGrantedNearby in assess/section_advice.h (issue 15 #8).
  bool document_scope = false;
  // kFlag, `scope: text`: document scope, and stated also when the document's text states it
  // anywhere, a definition or a clause of another category included ("Security Incidents do not
  // include unsuccessful attempts" in the definitions), issue 15 #4.
  bool text_scope = false;
  std::vector<std::pair<std::string, std::vector<std::string>>> values;  // kEnum, kSet
  int line = 0;                                                          // where it is declared

  bool operator==(const ParamSpec&) const = default;
};

// A condition on one parameter of a finding.
struct Condition {
  enum class Op { kEquals, kIn, kLess, kLessEqual, kGreater, kGreaterEqual, kPresent, kAbsent };
  std::string param;
  Op op = Op::kEquals;
  ParamValue value;                 // kEquals, and the number of the comparisons
  std::vector<std::string> values;  // kIn
};

// Advice a rule offers with its findings (docs/rules.md, "considerations"): offered only when
// `when` is empty or every condition of one of its alternatives holds on the finding's
// parameters, `establishes` holds in none of its alternatives (what the advice asks for: a
// clause that already grants it makes it moot), and, when `doctypes` is not empty, the
// document's type is one of them. Plain text converts to an unconditional consideration.
struct Consideration {
  Consideration() = default;
  Consideration(std::string text) : text(std::move(text)) {}  // NOLINT(runtime/explicit)
  Consideration(const char* text) : text(text) {}             // NOLINT(runtime/explicit)
  std::string text;
  std::vector<std::vector<Condition>> when;  // alternatives, each a set of conditions
  // What the advice establishes: alternatives, each a set of conditions that together say the
  // clause already grants it; empty: declares nothing.
  std::vector<std::vector<Condition>> establishes;
  // `establishes: nothing`: the advice asks for nothing a clause could grant (a check of one's
  // own insurance, "keep this sentence"); declared so, it is offered wherever `when` holds.
  bool establishes_nothing = false;
  std::vector<std::string> doctypes;  // ids of doctypes.yaml, or "other"
  int doctypes_line = 0;              // where `doctypes` is written (1-based), for errors
  int doctypes_column = 0;
  int line = 0;  // where the consideration is written (1-based); 0 when not read from a file
};

// What a clause the rule finds asks of the supplier's ISMS, for a judgement against a company
// profile (docs/rules.md, "asks"): an entry applies when every condition of one of its `when`
// alternatives holds on the finding's parameters, or one of its `text` patterns matches the
// clause's text; an entry with neither applies always.
struct Ask {
  std::vector<std::vector<Condition>> when;  // alternatives, each a set of conditions
  std::vector<std::string> text;             // RE2 patterns, concepts expanded, case-insensitive
  std::vector<std::string> controls;         // a subset of the rule's `controls`
  std::vector<std::string> evidence;         // a subset of the rule's `evidence`
};

struct Rule {
  std::string id;
  std::string category;
  std::string title;
  std::string description;
  Scope scope = Scope::kSentence;
  Party party = Party::kUnknown;  // kUnknown = any party
  // Every group must have a match in the unit; a group matches when any of its patterns does.
  std::vector<std::vector<std::string>> all;
  std::vector<std::string> none;  // a unit matching any of these never counts
  bool definitions = false;       // true: definitions may count (default: they never do)
  // A category fallback (match/fallback.h): counts only in a unit with a duty of a party and
  // no hit of a specific rule of its category.
  bool fallback = false;
  bool measure_headings = false;  // its category's `headings: measures` (CategoryInfo)
  std::vector<ParamSpec> parameters;
  std::vector<std::string> controls;  // Annex A ids
  std::vector<std::string> evidence;  // evidence ids
  std::vector<Consideration> considerations;
  // Empty: a clause asks for all of `controls` and `evidence`; else only for those of the
  // entries that apply to it.
  std::vector<Ask> asks;
  std::string file;  // relative path of the rule file
  int line = 1;      // line of the rule's id
  // Every pattern as written and as matched (concepts expanded), for `rules show --expand`.
  std::vector<RulePattern> pattern_details;
};

struct CategoryInfo {
  std::string id;     // "incident_notification"
  std::string title;  // "Security incident notification"
  // `headings: measures`: the category's rules read an item under a heading that names security
  // measures, and that states no duty, as the supplier's duty to keep it (match/measure_headings.h).
  bool measure_headings = false;
};

struct ControlEntry {
  std::string id;
  std::string theme;
  std::string title;
};

struct EvidenceEntry {
  std::string id;
  std::string title;
  std::string description;
  // Flag parameters (of any rule) that call for this item when a finding sets one of them,
  // whatever the rule's own `evidence` list: "government_authorisation" (issue 13 s7 #3).
  std::vector<std::string> called_for_by;
};

// A playbook position: when every condition holds, the finding gets `risk`, `reason` (with
// {param} placeholders filled in) and `propose` as a consideration, the latter only when
// `propose_when` is empty or every condition of one of its alternatives holds, and
// `propose_establishes` holds in none of its alternatives (as a Consideration's `when` and
// `establishes`: a proposal the clause already grants is not made).
struct Position {
  std::string id;
  std::vector<Condition> when;
  Risk risk = Risk::kMedium;
  std::string reason;
  std::string propose;
  std::vector<std::vector<Condition>> propose_when;  // alternatives, each a set of conditions
  std::vector<std::vector<Condition>> propose_establishes;  // as Consideration::establishes
  std::string file;
  int line = 0;
};

struct CategoryPolicy {
  Risk default_risk = Risk::kInfo;  // when no position matches
  std::string default_reason;
  std::vector<Position> positions;  // in file order
  // `customer:` (docs/rules.md): the buyer's positions on the supplier's duty, judged instead
  // of the supplier's when the user is the customer (JudgeFromSide); null when the policy has
  // none. Its own `customer` is always null.
  std::shared_ptr<const CategoryPolicy> customer;
};

// A rate from the playbook: one unit of `code` is worth `rate` units of the base currency, as of
// `date` (as written, e.g. "2026-11-30").
struct CurrencyRate {
  std::string code;  // ISO 4217, upper case
  double rate = 0;   // > 0
  std::string date;
  int line = 0;
};

// The currency of the playbook's amounts (`currency:` in a playbook file, docs/rules.md). A
// money parameter in another currency is compared after conversion at its rate, and not at all
// when the playbook has none.
struct PlaybookCurrency {
  std::string base = "USD";
  std::vector<CurrencyRate> rates;  // one per code
  // The rate of code, or nullptr.
  const CurrencyRate* RateOf(const std::string& code) const {
    for (const CurrencyRate& r : rates) {
      if (r.code == code) return &r;
    }
    return nullptr;
  }
};

// Policies keyed by category id or by rule id; a rule's own policy replaces its category's.
struct Playbook {
  std::map<std::string, CategoryPolicy> categories;
  std::set<std::string> position_ids;  // every position id, unique across the playbook
  PlaybookCurrency currency;
};

// A clause a document type is expected to contain (doctypes.yaml, `expects`). It is met by a
// finding of `category` whose parameters satisfy every condition of `where`.
struct Expectation {
  std::string category;
  std::vector<Condition> where;
  // RE2 patterns; when not empty, the expectation applies only to documents in which one of
  // them occurs (the GDPR Art. 28 elements only where the document invokes the GDPR).
  std::vector<std::string> applies_if;
  Risk risk = Risk::kMedium;
  std::string reason;
  // False when the rule set has no rule of the category: clausescan cannot see the clause, so
  // it never reports it missing.
  bool detectable = true;
  int line = 0;
};

// A body signal of a document type: `weight` counts once when `pattern` occurs in the document.
struct DocTypeSignal {
  std::string pattern;
  double weight = 1;
};

// A document type of doctypes.yaml (see the comments there for how the guess works).
struct DocType {
  std::string id;                   // what the report's document.type says: "dpa", "msa"...
  std::string name;                 // "Data processing agreement"
  std::vector<std::string> titles;  // RE2 patterns for the title lines
  std::vector<DocTypeSignal> signals;
  double threshold = 0;  // the score the signals must reach; > 0 when there are signals
  std::vector<Expectation> expects;
  int line = 0;  // line of the type's id in doctypes.yaml
};

// A rationale of rationale.yaml (docs/rules.md, "Rationale"): what findings show, and the
// answers that meet the need (offered as considerations). An answer is offered only where its
// `when` holds on the clause's parameters (as a rule's consideration): one the clause already
// grants is left out (issue 14 fourth review #1). Answers have no `doctypes`.
struct RationaleEntry {
  Rationale shown;
  std::vector<Consideration> answers;
  std::string category;  // the category it belongs to: its own id, or its rule's category
  // The sectors of each of shown.sources (same index; empty: applies to every sector), and the
  // sentence to lead with for a document of a sector (`sector_rationale`), issue 14.
  std::vector<std::vector<std::string>> source_sectors;
  std::map<std::string, std::string> sector_text;
  // Answers offered only in a document of that sector (`sector_answers`), issue 14.
  std::map<std::string, std::vector<Consideration>> sector_answers;
  // What can be done instead of other wording for a clause that is a regulation's mandated text
  // (`mandated_answers`, issue 14 third review #1, #3), by kind of text (kMandatedTexts).
  std::map<std::string, std::vector<Consideration>> mandated_answers;
  // A sentence naming no law or sector (`neutral`, issue 14 review s7 #1): what the buyer
  // protects, shown to a document whose sectors are known and none of shown.sectors. "" if none.
  std::string neutral;
  // What the regulation clause each of shown.sources cites in its title is about (`subject`, same
  // index; null: not given), an RE2 pattern matched case-insensitively on a finding's clause: a
  // sentence citing that clause stands only for a finding that matches it or lies in that clause
  // (issue 14 fourth review #1).
  std::vector<std::shared_ptr<const RegexOnFirstUse>> source_subjects;
  // A flag parameter of the rules (`only_if`, issue 14 review s8 #5): when set, the rationale
  // holds only for a clause whose parameter of that name is true (the SCCs' own Clause 17);
  // another clause gets `neutral`, which the loader then requires. "" if none.
  std::string only_if;
};

class Matcher;         // match/matcher.h
class DocTypeGuesser;  // structure/doctype.h
struct SectorTable;    // rules/sector_loader.h
class TextFlags;       // params/text_flags.h

// Everything a RuleSet holds. Immutable once built. Copies share the compiled parts (a rule set
// with another playbook is a copy with the playbook replaced: nothing is recompiled).
struct RuleSetData {
  RuleSetData();
  RuleSetData(const RuleSetData&);
  RuleSetData& operator=(const RuleSetData&);
  ~RuleSetData();
  std::string origin;             // "<builtin>" or the directory
  std::vector<SourceFile> files;  // every file of the rule directory (rules, data, tests)
  std::vector<Rule> rules;        // sorted by id
  std::vector<CategoryInfo> categories;
  std::vector<ControlEntry> controls;
  std::vector<EvidenceEntry> evidence;
  PartyLexicon parties;
  std::vector<ConceptInfo> concepts;  // concepts.yaml, by name; empty without the file
  Playbook playbook;
  std::vector<DocType> doctypes;  // doctypes.yaml, in file order; empty without the file
  std::vector<RuleInfo> infos;    // parallel to rules
  // rationale.yaml entries keyed by category id and by rule id; a rule's replaces its category's.
  std::map<std::string, RationaleEntry> rationales;
  std::shared_ptr<const Matcher> matcher;                 // compiled from rules
  std::shared_ptr<const DocTypeGuesser> doctype_guesser;  // compiled from doctypes
  std::shared_ptr<const SectorTable> sectors;  // sectors.yaml, else the built-in one (issue 14)
  // The rules' `scope: text` flags (read over the whole document, assess/section_advice.h),
  // compiled once with the rule set; null when built without them.
  std::shared_ptr<const TextFlags> text_flags;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_MODEL_H_

// RuleSet: the compiled rules, playbook and catalogues a scan uses.
#ifndef CLAUSESCAN_RULES_H_
#define CLAUSESCAN_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/report.h"
#include "clausescan/result.h"

namespace clausescan {

namespace internal {
struct RuleSetData;
}

// One RE2 pattern of a rule, as written in its file and as matched.
struct RulePattern {
  std::string where;     // "all[0]", "none", "parameter backups any", "parameter types: cyber"
  std::string written;   // as in the rule file, with its {{concept}} references
  std::string expanded;  // as matched: each reference replaced by (?:the concept's fragment)
  int line = 0;          // 1-based, in the rule file (0 when unknown)
  int column = 0;
};

// A concept of concepts.yaml: a named regex fragment patterns refer to as {{name}}.
struct ConceptInfo {
  std::string name;      // "security_incident"
  std::string written;   // its fragment as written (list items joined by '|')
  std::string expanded;  // with the concepts it refers to expanded
  std::string file;      // "concepts.yaml"
  int line = 0;          // of its name
};

// What a rule is, for listing and explaining it.
struct RuleInfo {
  std::string id;        // "incident-notification.window"
  std::string category;  // "incident_notification"
  std::string title;
  std::string description;
  std::string scope;   // "sentence" or "paragraph"
  std::string party;   // whose duty the rule is about: "supplier", "customer" or "any"
  std::string file;    // the rule's file, relative to the rule directory
  std::string source;  // the rule file's text
  std::string tests;   // the text of its test file (<rule>.test.txt), "" when it has none
  // Every RE2 pattern of its match (all groups, then none), as matched: concepts expanded.
  std::vector<std::string> patterns;
  // Every pattern of the rule (match groups, none, then parameters) as written and as matched.
  std::vector<RulePattern> pattern_details;
  std::vector<Control> controls;
  std::vector<EvidenceItem> evidence;
  // Why the buyer asks (rationale.yaml): the rule's own, else its category's; empty when none.
  Rationale rationale;
  // That rationale's sentence per sector (`sector_rationale`), in sector id order, and its
  // sentence for buyers of no sector it names (`neutral`, "" when none) (issue 14 review s8 #6).
  std::vector<std::pair<std::string, std::string>> sector_rationale;
  std::string neutral_rationale;
  // Its sentence for a clause whose flag parameter of that name is true (`flag_rationale`), in
  // flag name order, shown whatever the document's sectors (issue 14 third review #7).
  std::vector<std::pair<std::string, std::string>> flag_rationale;
};

// A file of a rule directory: its path relative to the directory ('/'-separated) and its text.
struct RuleFile {
  std::string name;  // "playbook.yaml", "sla_uptime/playbook.yaml"
  std::string content;
};

// An immutable, compiled set of rules with the default playbook and the control and evidence
// catalogues. Copies share the compiled data. Thread safety: a RuleSet may be used by any number
// of threads at once (every method is const and the data never changes). Moving a RuleSet copies
// it (the shared data, not the rules), so a moved-from RuleSet is still the same usable rule set,
// as are a Scanner and a Result<RuleSet> it was moved out of.
class RuleSet {
 public:
  RuleSet(const RuleSet&) = default;
  RuleSet& operator=(const RuleSet&) = default;
  RuleSet(RuleSet&& other) noexcept : data_(other.data_) {}
  RuleSet& operator=(RuleSet&& other) noexcept {
    data_ = other.data_;
    return *this;
  }
  ~RuleSet() = default;

  // The rules embedded in clausescan at build time (the project's rules/ folder).
  // Fails only if the embedded data is broken (a bug: kInternal or kRuleError).
  static Result<RuleSet> Builtin();

  // Loads and compiles every *.yaml file under dir (recursively; regular files only, other
  // entries are skipped unopened). Errors carry the file, line and column of the problem
  // (kRuleError); kIo when dir or a file cannot be read; kTooLarge naming a file of more than
  // 4 MiB (refused before it is read).
  static Result<RuleSet> Load(const std::string& dir);

  // A rule set with the same compiled rules and catalogues (shared, not recompiled) and this
  // rule set's playbook overridden by the playbook file at path. The file has the format of
  // playbook.yaml (see docs/rules.md, "Playbook overrides"); for each key (a category or rule
  // id): `default` and `default_reason` replace the key's; a position with an id the key
  // already has replaces that position in place; a new id adds a position to the key;
  // `- {id: ID, enabled: false}` removes the key's position ID. Nothing is ignored: unknown keys,
  // unknown categories or rules, parameters no rule of the key declares, bad values, position
  // ids named twice, disabling an id the key lacks, and positions of another key fail with
  // kRuleError at path:line:column. kIo when the file cannot be read or is not a regular file
  // (a FIFO, device or directory is refused unopened); kTooLarge when it holds more than 4 MiB
  // (refused before it is read). This rule set is not
  // changed; calls may be chained (each overrides the playbook of the set it is called on).
  Result<RuleSet> WithPlaybook(const std::string& path) const;
  // As WithPlaybook, with the file's text given; name stands for the file in errors.
  Result<RuleSet> WithPlaybookText(std::string_view yaml, const std::string& name) const;

  // The files of the default playbook (every playbook.yaml of the rule directory): the one at
  // the top of the directory first, then the others by name. Their text is what the playbook
  // came from, not what WithPlaybook merged into it.
  std::vector<RuleFile> PlaybookFiles() const;

  // The rules, sorted by id.
  std::vector<RuleInfo> Rules() const;
  // The rule with this id, or nullptr.
  const RuleInfo* FindRule(const std::string& id) const;
  // The Annex A catalogue, in control order.
  std::vector<Control> Controls() const;
  // The concepts of concepts.yaml, by name (none when the rule directory has no such file).
  const std::vector<ConceptInfo>& Concepts() const;
  // Where the rules came from: "<builtin>" or the directory given to Load.
  const std::string& origin() const;

  // For the library's own use.
  const internal::RuleSetData& data() const { return *data_; }

 private:
  explicit RuleSet(std::shared_ptr<const internal::RuleSetData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::RuleSetData> data_;
};

// Outcome of running the rules' annotated test files (Semgrep style, see docs/rules.md).
struct RuleTestFailure {
  std::string file;  // the test file
  int line = 0;      // line of the sample that failed
  std::string message;
};
struct RuleTestSummary {
  int files = 0;    // test files read
  int samples = 0;  // annotated samples checked
  int passed = 0;
  int todo = 0;  // todoruleid/todook samples (known gaps; never fail)
  std::vector<RuleTestFailure> failures;
  // todoruleid/todook samples that now hold (message: "todoruleid: rule now holds; make it
  // ruleid"): the gap is closed and the annotation should be promoted. Never a failure.
  std::vector<RuleTestFailure> fixed_todos;
  // Considerations of the rules that declare neither what they establish nor when they are
  // offered (file and line of the consideration in its rule file): nothing the clause states
  // leaves them out. A note, never a failure.
  std::vector<RuleTestFailure> undeclared;
  bool ok() const { return failures.empty(); }
};

// Runs every *.test.txt file under dir against rules. With dir empty, runs the test files
// embedded with the builtin rules. Fails (kRuleError, naming file:line) on a malformed
// annotation or an annotation naming an unknown rule; kIo when dir cannot be read.
Result<RuleTestSummary> RunRuleTests(const RuleSet& rules, const std::string& dir);

}  // namespace clausescan

#endif  // CLAUSESCAN_RULES_H_

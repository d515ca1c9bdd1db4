// Reading sectors.yaml (docs/rules.md, "sectors.yaml"): the words by which a document shows its
// buyer's sector (issue 14), compiled for DocumentSectors (assess/rationale_sector.h).
#ifndef CLAUSESCAN_RULES_SECTOR_LOADER_H_
#define CLAUSESCAN_RULES_SECTOR_LOADER_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rules/model.h"
#include "rules/regex_on_first_use.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// A pattern of sectors.yaml; *pattern is its RE2. A file checked when the program was built
// (the built-in pack) compiles each pattern on its first use (issue 12: start-up); any other
// file compiles them as it is read, for its file:line errors. Thread-safe (RegexOnFirstUse).
class SectorPattern {
 public:
  SectorPattern(std::string pattern, const RE2::Options& options)
      : regex_(std::make_unique<RegexOnFirstUse>(std::move(pattern), options)) {}
  SectorPattern(std::unique_ptr<RE2> compiled)  // NOLINT: a compiled RE2 converts
      : regex_(std::make_unique<RegexOnFirstUse>(std::unique_ptr<const RE2>(std::move(compiled)))) {
  }

  const RE2& operator*() const { return regex_->Get(); }
  const RE2* operator->() const { return &regex_->Get(); }
  // The pattern's text, without compiling it.
  const std::string& pattern() const { return regex_->pattern(); }

 private:
  std::unique_ptr<RegexOnFirstUse> regex_;
};

// One sector of sectors.yaml.
struct SectorEntry {
  std::string id;
  std::size_t needs = 1;               // distinct signals the document must show
  std::vector<SectorPattern> signals;  // matched on the case-folded text
  // A signal found only in sentences that match one of these (boilerplate such as a commercial
  // "Government Rights" clause) does not count.
  std::vector<SectorPattern> unless;
  // Words that show the sector by themselves (the name of its own law, "UK GDPR"): a text that
  // shows one of them outside the `unless` passages counts as showing `needs` signals.
  std::vector<SectorPattern> decisive;
  std::string within;  // shown only with this sector, just before it
  // For a sector shown `within` another: where the document shows one of these, the sector is
  // placed just after that one instead, and leads only for a clause that shows one of its own
  // signals (a DPA for EU and UK data: the EU GDPR leads, the UK GDPR for the UK Addendum).
  std::vector<SectorPattern> follows_when;
};

// The sectors of a rule set, in file order (the order ties are broken). Immutable once read,
// so it may be shared between threads.
struct SectorTable {
  std::vector<SectorEntry> entries;
  // Every entry's signals in one set, in entry then signal order, so that one pass over the
  // text finds them all (issue 12); signal k of the set is
  // entries[sector_of[k]].signals[signal_in_sector[k]]. Null when RE2 could not build it:
  // DocumentSectors then searches each signal alone.
  std::unique_ptr<RE2::Set> signal_set;
  std::vector<std::size_t> sector_of;
  std::vector<std::size_t> signal_in_sector;  // parallel to sector_of
};

// Reads sectors.yaml's root, a list of {id, needs, signals, unless, decisive, within,
// follows_when}, into *out. Errors (kRuleError at file:line:column, the first only): not a list,
// an unknown or missing key, an id that is not lower-case letters, digits and '-' or that is
// given twice, `needs` not a whole number from 1 to the number of signals, an empty `signals`,
// `unless` or `decisive`, a signal, `unless` or `decisive` pattern RE2 cannot compile (with
// RE2's reason), a `within` naming itself, no sector of the file, or a sector that has a `within`
// of its own. On success also builds out->signal_set and
// out->sector_of and out->signal_in_sector.
Status ReadSectorTable(const YamlFile& file, const YAML::Node& root, SectorTable* out);

// The sector table of a rule set into *out: its own sectors.yaml (`file`) when it has one, else
// the built-in one (BuiltinSectors). Errors: those of ReadSectorTable.
Status LoadSectorTable(const SourceFile* file, std::shared_ptr<const SectorTable>* out);

// The built-in table (the embedded rules/sectors.yaml), read once on first use and shared
// (thread-safe). Empty if the embedded file cannot be read (the built-in rule set's own load
// then reports why).
std::shared_ptr<const SectorTable> BuiltinSectors();

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_SECTOR_LOADER_H_

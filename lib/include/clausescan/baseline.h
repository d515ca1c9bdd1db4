// Baselines: findings already reviewed and accepted, left out of later scans so that a CI gate
// (--fail-on) reacts to new clauses only, as Semgrep's baseline does for code.
#ifndef CLAUSESCAN_BASELINE_H_
#define CLAUSESCAN_BASELINE_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "clausescan/result.h"

namespace clausescan {

// A finding is in the baseline when the baseline has a finding of the same rule, in a document
// of the same path, whose clause text is the same once runs of whitespace are made one space:
// moving a clause, renumbering lines or re-wrapping text keeps it accepted; changing its words
// does not. A missing clause is in the baseline when the same document missed the same
// category. Each baseline entry accepts one finding (two identical clauses need two entries).
// Copyable; Filter is const and may be called from several threads at once.
class Baseline {
 public:
  // Reads a report of `clausescan scan --format json` (a report, an array, or {"reports": [...],
  // "errors": [...]}: errors ignored) or `--format jsonl`. path must name a regular file (links
  // followed). Errors, naming the path: kIo (cannot read; not a regular file: a FIFO, device or
  // directory is refused unopened), kTooLarge (more than 32 MiB, refused before it is read; JSON
  // nested deeper than 64 levels, refused before it is parsed), kInvalidArgument (not a
  // clausescan JSON report; with the line for JSON Lines). Memory: the parsed report, up to
  // about 35 times the file.
  static Result<Baseline> ReadFile(const std::string& path);
  // The same from JSON text (no size limit; the same depth limit); `name` is used in errors.
  static Result<Baseline> FromJson(std::string_view json, const std::string& name);

  // Removes from report the findings and missing clauses the baseline holds and returns how
  // many it removed. The summary counts of report follow (they are computed from its lists).
  std::size_t Filter(Report& report) const;

  // Findings and missing clauses in the baseline.
  std::size_t size() const;

  // The path ReadFile read, or the name FromJson was given: what notes call the baseline.
  const std::string& name() const;

 private:
  // document path -> entry key (rule and text, or missing category) -> how many entries
  std::map<std::string, std::map<std::string, std::size_t>> counts_;
  std::string name_;
};

}  // namespace clausescan

#endif  // CLAUSESCAN_BASELINE_H_

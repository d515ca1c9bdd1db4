// What RuleSet::Load(dir) leaves out of a rule folder without a word: the `*.yaml` and
// `*.test.txt` entries that are no regular file, which it skips unopened (a FIFO would block the
// load, a device could be read for ever), and the folders it does not walk: a link back to a
// folder it is walking (a loop), /proc, /sys and /dev (links to other folders, in dir or out of
// it, are followed). A
// caller says which (the CLI on stderr).
#ifndef CLAUSESCAN_RULE_FOLDER_H_
#define CLAUSESCAN_RULE_FOLDER_H_

#include <string>
#include <vector>

namespace clausescan {

// A rule file skipped unopened.
struct SkippedRuleFile {
  std::string path;    // dir joined with its name in the folder: "rules/audit/x.yaml"
  std::string reason;  // "a symbolic link to nothing", "it is a FIFO, not a regular file",
                       // "a symbolic link loop (it leads back to rules)", ...
};

// The entries RuleSet::Load(dir) skips unopened, in the order it walks the folder (name order,
// links to folders inside dir followed, each real folder once). Empty when there are none, and
// when dir cannot be walked (Load says why). Thread-safe.
std::vector<SkippedRuleFile> SkippedRuleFiles(const std::string& dir);

}  // namespace clausescan

#endif  // CLAUSESCAN_RULE_FOLDER_H_

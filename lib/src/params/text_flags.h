// The flags of `scope: text` of a whole rule set, read over a document's folded text in one pass
// whatever the number of rules (issue 12).
#ifndef CLAUSESCAN_PARAMS_TEXT_FLAGS_H_
#define CLAUSESCAN_PARAMS_TEXT_FLAGS_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "match/pattern_index.h"
#include "rules/model.h"

namespace clausescan::internal {

// The flags a rule declares with `scope: text` (docs/rules.md): true where a pattern of its `any`
// occurs anywhere in the document and none of its `none` does, as ParamExtractor::Extract reads
// a flag over the whole text. The distinct patterns of every rule's flags share one PatternIndex:
// one Aho-Corasick pass over the document finds the literals each pattern needs, and a pattern
// runs only where they occur, once per document however many rules declare it.
// Immutable once compiled; Readers on several threads at once are safe.
class TextFlags {
 public:
  // Takes the flags of text scope of rules (the loader accepts `scope` on flags only; a spec of
  // another type is not read). Compiles no regex: each pattern compiles on its first use.
  explicit TextFlags(const std::vector<Rule>& rules);
  ~TextFlags();
  TextFlags(const TextFlags&) = delete;
  TextFlags& operator=(const TextFlags&) = delete;

  // True when rule (an index into the rules given to the constructor) declares a flag of text
  // scope.
  bool Declares(std::size_t rule) const {
    return rule < by_rule_.size() && !by_rule_[rule].empty();
  }

  // The flags of one document. Reads nothing until asked; the first question finds the
  // patterns' literals in the whole text, and each pattern is then searched at most once.
  // folded must outlive the reader; one reader per thread.
  class Reader {
   public:
    Reader(const TextFlags& flags, std::string_view folded);
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // Adds to *out each flag of text scope of rule (as for Declares) that the text states, as
    // true; a name *out holds already keeps its value. Does nothing for an unknown rule.
    void AddStated(std::size_t rule, std::map<std::string, ParamValue>* out);

   private:
    bool Occurs(int pattern);
    bool AnyOccurs(const std::vector<int>& patterns);

    const TextFlags& flags_;
    std::string_view folded_;
    std::unique_ptr<PatternIndex::Scratch> scratch_;  // made on the first question
    std::vector<signed char> occurs_;                 // by pattern: -1 not searched yet
  };

 private:
  struct Flag {
    std::string name;
    std::vector<int> any;  // patterns of the index
    std::vector<int> none;
  };
  std::vector<std::vector<Flag>> by_rule_;  // parallel to the rules
  PatternIndex index_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_TEXT_FLAGS_H_

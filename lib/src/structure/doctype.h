// Guessing a document's type (DPA, MSA, SLA, ...) from the document types of doctypes.yaml.
#ifndef CLAUSESCAN_STRUCTURE_DOCTYPE_H_
#define CLAUSESCAN_STRUCTURE_DOCTYPE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"

namespace clausescan::internal {

// How many non-blank lines at the start of a document may hold its title, and how many words a
// title line has at most (longer lines are running text: "personal data as defined in the Data
// Protection Agreement" names another document, not this one).
inline constexpr int kTitleLines = 10;
inline constexpr int kTitleWords = 12;

// The `title:` of a YAML front matter block ("---" on the first line, up to the next "---" or
// "..."), unquoted and trimmed; "" when text has no front matter or no title in it.
std::string FrontMatterTitle(std::string_view text);

// The lines title patterns are matched against, in order: front_matter_title (when not empty),
// then each of the first kTitleLines non-blank lines of the document that has at most
// kTitleWords words, without surrounding spaces. Lines are those of `text` (the cased view,
// which keeps line breaks), their content that of `folded` (the folded view of the same length,
// where line breaks are spaces); a shorter folded is read as if padded with spaces. The views
// point into the arguments.
std::vector<std::string_view> TitleLines(std::string_view front_matter_title, std::string_view text,
                                         std::string_view folded);

// The compiled document types of a rule set. Immutable; Guess may be called from many threads.
class DocTypeGuesser {
 public:
  // Compiles the patterns of types (RE2, case-insensitive, UTF-8). Errors: kRuleError naming
  // file and the type's line when RE2 rejects a pattern or the signals exceed RE2's memory
  // budget (the loader checks each pattern first, so in practice only the budget). With
  // checked (types from a pack whose loading was checked when the program was built), each part
  // (titles, the signal set, the signals' own patterns, applies_if) is compiled on the first
  // question that needs it, so loading costs no regex compilation and an empty document only
  // the signal set (issue 12: start-up); should a pattern fail then after all, its part matches
  // nothing: no title, no signal, or every expectation applies.
  static Result<std::unique_ptr<DocTypeGuesser>> Compile(const std::vector<DocType>& types,
                                                         const std::string& file,
                                                         bool checked = false);
  ~DocTypeGuesser();

  // The index in types of the guessed type, or -1 for "other":
  // 1. the type with a title pattern matching the earliest of TitleLines(front_matter_title,
  //    text, folded) (the first line with a match; in it, the leftmost match; a tie goes to the
  //    type listed first);
  // 2. else the type whose title pattern matches in the document's opening sentence when it
  //    names the document itself: "This Data Processing Addendum (the "DPA") forms part of ..."
  //    (GuessByOpening on text), so a DPA that incorporates the SCCs is a DPA, however many of
  //    their words it holds;
  // 3. else the type whose signals found in folded (each counted once, by its weight) reach its
  //    threshold by the widest margin (score / threshold; a tie goes to the type listed first);
  // 4. else -1. Linear in the length of folded.
  int Guess(std::string_view front_matter_title, std::string_view text,
            std::string_view folded) const;

  // Whether each expectation of types[type] (in order) applies to the document: true when it
  // has no `applies_if` patterns or one of them occurs in folded. Precondition: type is an
  // index Guess may return (0 <= type < types.size()).
  std::vector<bool> Applicable(int type, std::string_view folded) const;

  // The steps of Guess, for tests: -1 when the step decides nothing.
  int GuessByTitle(const std::vector<std::string_view>& lines) const;
  int GuessByBody(std::string_view folded) const;
  // The type a title pattern gives when text (the cased view) opens with "this" or "these" and
  // the match starts within the next three words, in the first 200 bytes read in ASCII lower
  // case (the earliest match; a tie goes to the type listed first); -1 otherwise. Reads text,
  // not the body Guess scores: an opening '(the "DPA")' reads as a definition there.
  int GuessByOpening(std::string_view text) const;

 private:
  DocTypeGuesser();
  struct Impl;
  // The parts of the compiled patterns: title patterns, the signal set (and thresholds), each
  // signal's own pattern (the set's fallback), the expectations' applies_if.
  enum Part : unsigned { kTitles = 1, kSignals = 2, kSignalFallback = 4, kAppliesIf = 8 };
  static std::optional<Error> Build(const std::vector<DocType>& types, const std::string& file,
                                    unsigned parts, Impl* out);
  // The compiled patterns with part compiled (now, on its first use, when Compile was told
  // checked).
  const Impl& Compiled(unsigned part) const;
  // Which signals occur in text: the set's answer, or each pattern on its own when the set's
  // DFA runs out of memory.
  std::vector<int> SignalsIn(std::string_view text) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_DOCTYPE_H_

// Where a rationale source's wording was read (docs/rules.md, "Rationale"): the `read` of a
// source must let a reader find exactly that text again.
#ifndef CLAUSESCAN_RULES_READ_LOCATION_H_
#define CLAUSESCAN_RULES_READ_LOCATION_H_

#include <string_view>

namespace clausescan::internal {

// Whether `read` names at least one place a reader can find: an address (http:// or https://
// followed by a host character), a file under /work/shared/reference/ (a name after the
// folder), or a repository, a commit and a path together: a word "owner/name" (one '/'), a word
// of exactly 40 hexadecimal digits, and another word that is a path (it holds a '/' or ends in
// ".ext"). Words are split at spaces and stripped of surrounding quotes, brackets and
// punctuation. Free text around them is allowed. Never fails; thread-safe.
bool NamesWhereRead(std::string_view read);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_READ_LOCATION_H_

// Quoted strings of a YAML file checked against its source text. yaml-cpp reads a quoted string
// on across line breaks to its closing quote, wherever that is: a string never closed takes in
// the rest of the file, and one closed too late takes in the keys between (`rationale: "GDPR`
// followed by `sources:`), with no error. YAML itself requires the lines a quoted string
// continues on to be indented more than the block list or map that holds it; this check holds
// every quoted string to that, and to having a closing quote.
#ifndef CLAUSESCAN_RULES_YAML_QUOTES_H_
#define CLAUSESCAN_RULES_YAML_QUOTES_H_

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace clausescan::internal {

// A quoted string that is not closed where YAML requires: mark is its opening quote (0-based
// line and column, as yaml-cpp counts them), detail says why.
struct UnclosedQuote {
  YAML::Mark mark;
  std::string detail;
};

// Parses the first document of content (UTF-8, an optional byte order mark) and returns the
// first quoted string (single or double) that is never closed, or whose text goes on to a
// non-blank line indented no more than the innermost block list or map holding it; nullopt
// when there is none. When yaml-cpp finds a syntax error, a quoted string starting between the
// last node it read and the error is checked (the string closed by the next key's quote makes
// one); when that one is fine, throws what YAML::Parser threw. Thread-safe; keeps no reference
// to content.
std::optional<UnclosedQuote> FindUnclosedQuote(std::string_view content);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_YAML_QUOTES_H_

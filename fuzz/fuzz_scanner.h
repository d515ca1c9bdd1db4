// The Scanner every fuzz target shares: built once from the built-in rules, never destroyed
// (libFuzzer exits without running static destructors in a defined order).
#ifndef CLAUSESCAN_FUZZ_FUZZ_SCANNER_H_
#define CLAUSESCAN_FUZZ_FUZZ_SCANNER_H_

#include <cstdio>
#include <cstdlib>

#include "clausescan/clausescan.h"

namespace clausescan::fuzz {

// Returns the shared Scanner; aborts (a finding for the fuzzer) when the built-in rules do not
// load. Thread-safe: initialised as a function-local static.
inline const Scanner& TheScanner() {
  static const Scanner* scanner = [] {
    Result<RuleSet> rules = RuleSet::Builtin();
    if (!rules) {
      std::fprintf(stderr, "builtin rules do not load: %s\n", rules.error().message().c_str());
      std::abort();
    }
    return new Scanner(*rules);
  }();
  return *scanner;
}

}  // namespace clausescan::fuzz

#endif  // CLAUSESCAN_FUZZ_FUZZ_SCANNER_H_

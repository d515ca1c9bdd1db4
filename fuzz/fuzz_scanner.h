// The Scanner every fuzz target shares: built once from the built-in rules, never destroyed
// (libFuzzer exits without running static destructors in a defined order). PDFs are read in
// the fuzzer's own process (pdf_time_limit_seconds 0), where libFuzzer sees poppler's coverage
// and its -timeout catches what the child-process limit would.
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
    ScanOptions options;
    options.pdf_time_limit_seconds = 0;
    return new Scanner(*rules, options);
  }();
  return *scanner;
}

}  // namespace clausescan::fuzz

#endif  // CLAUSESCAN_FUZZ_FUZZ_SCANNER_H_

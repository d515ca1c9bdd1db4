// libFuzzer target: arbitrary bytes through Scanner::ScanBytes, the whole public pipeline
// (format detection, reader, normaliser, segmenter, rules, assessment). One source serves every
// format: CLAUSESCAN_FUZZ_NAME is the name the bytes are scanned under, whose extension selects
// the reader when the content does not (and names the format the seed corpus holds).
//
// Contract checked: every input yields a Report or an Error that names the input; never a
// crash, a sanitizer report, a leak or a hang (libFuzzer's -timeout).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clausescan/clausescan.h"
#include "fuzz_scanner.h"

#ifndef CLAUSESCAN_FUZZ_NAME
#error "define CLAUSESCAN_FUZZ_NAME, e.g. \"input.docx\""
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = CLAUSESCAN_FUZZ_NAME;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  clausescan::Result<clausescan::Report> report =
      clausescan::fuzz::TheScanner().ScanBytes(bytes, name);
  if (!report && report.error().file() != name) {
    std::fprintf(stderr, "an error that does not name the input: %s\n",
                 report.error().message().c_str());
    std::abort();
  }
  return 0;
}

// libFuzzer target: arbitrary bytes as the XML parts of a Word document, packed into a valid ZIP
// and scanned as a DOCX. Mutating a real .docx mostly breaks its CRCs, so the XML readers
// (pugixml, numbering, tracked changes, notes) are seldom reached; here they always are.
//
// Input: the parts word/document.xml, word/numbering.xml, word/styles.xml and
// word/footnotes.xml in that order, separated by kSeparator; missing parts are left out.
// Contract checked: as scan_fuzzer.cc (a Report, or an Error naming the input).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clausescan/clausescan.h"
#include "fuzz_scanner.h"
#include "support/document_files.h"

namespace {

constexpr std::string_view kSeparator = "\n<!--part-->\n";
constexpr const char* kParts[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                  "word/footnotes.xml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  clausescan::testing::ZipEntries entries;
  for (const char* part : kParts) {
    std::size_t end = input.find(kSeparator);
    entries.emplace_back(part, std::string(input.substr(0, end)));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kSeparator.size());
  }
  const std::string name = "input.docx";
  std::string docx = clausescan::testing::MakeZip(entries);
  clausescan::Result<clausescan::Report> report =
      clausescan::fuzz::TheScanner().ScanBytes(docx, name);
  if (!report && report.error().file() != name) {
    std::fprintf(stderr, "an error that does not name the input: %s\n",
                 report.error().message().c_str());
    std::abort();
  }
  return 0;
}

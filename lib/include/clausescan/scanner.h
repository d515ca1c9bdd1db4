// Scanner: reads a document and reports the security clauses in it.
#ifndef CLAUSESCAN_SCANNER_H_
#define CLAUSESCAN_SCANNER_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "clausescan/result.h"
#include "clausescan/rules.h"

namespace clausescan {

// Options of a scan.
//   option            default   meaning
//   lossy_utf8        false     replace each invalid UTF-8 byte by '?' (keeps byte offsets)
//                               instead of failing with kInvalidUtf8
//   max_input_bytes   64 MiB    larger inputs fail with kTooLarge
struct ScanOptions {
  bool lossy_utf8 = false;
  std::size_t max_input_bytes = std::size_t{64} << 20;
};

// Scans documents with a RuleSet. Cheap to construct. Thread safety: every method is const and
// may be called from several threads at once; the RuleSet is shared, never copied.
class Scanner {
 public:
  explicit Scanner(RuleSet rules, ScanOptions options = {});

  // Reads and scans the file at path. Errors: kIo (cannot read), kInvalidUtf8, kTooLarge,
  // kUnsupportedFormat; each names the path.
  Result<Report> ScanFile(const std::string& path) const;

  // Scans bytes already in memory. name is used in messages and in the report, and its
  // extension (".md", ".markdown") selects Markdown; anything else is read as plain text.
  Result<Report> ScanBytes(std::string_view bytes, const std::string& name) const;

  // Reads the stream to its end and scans it (e.g. std::cin with name "<stdin>").
  Result<Report> ScanStream(std::istream& in, const std::string& name) const;

  const RuleSet& rules() const { return rules_; }

 private:
  RuleSet rules_;
  ScanOptions options_;
};

// The text that finding offsets refer to (for text and Markdown, the file's own bytes).
// Same errors as Scanner::ScanFile.
Result<std::string> ExtractText(const std::string& path, const ScanOptions& options = {});

// The normalised matching view of a document's text (NFKC, case-folded, markup and
// hyphenation folded); for inspecting what the rules see. Same errors as ExtractText.
Result<std::string> NormalizedText(const std::string& path, const ScanOptions& options = {});

}  // namespace clausescan

#endif  // CLAUSESCAN_SCANNER_H_

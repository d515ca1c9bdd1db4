// The library's errors name ScanOptions fields; the CLI shows its own options in their place.
#ifndef CLAUSESCAN_APPS_OPTION_NAMES_H_
#define CLAUSESCAN_APPS_OPTION_NAMES_H_

#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "clausescan/result.h"

namespace clausescan::cli {

// text, or error, with each ScanOptions field its detail names written as the command-line option that sets
// it ("raise the limit with ScanOptions::max_input_bytes" as "... with --max-input-size"), for
// stderr and for the reports' record of the inputs not scanned alike.
std::string WithOptionNames(std::string text);
Error WithOptionNames(const Error& error);

// report with the ScanOptions fields its notes name written as command-line options, as above
// ("the document has more (raise ScanOptions::max_findings)" as "... (raise --max-findings)").
void WithOptionNames(Report& report);

// The words of the note a report cut at --max-findings carries, once WithOptionNames wrote the
// option in.
inline constexpr std::string_view kCutNote = "the document has more (raise --max-findings)";

// The words a note begins with when a file's name and content disagree ("the name says .txt but
// the content is a PDF: read as that").
inline constexpr std::string_view kNameAndContentNote = "the name says .";

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_OPTION_NAMES_H_

#include "option_names.h"

#include <string>
#include <string_view>
#include <utility>

namespace clausescan::cli {

namespace {

// Longer names first where one begins another.
constexpr std::pair<std::string_view, std::string_view> kOptionOfField[] = {
    {"the profile file (ScanOptions::profile)", "the --profile file"},
    {"ScanOptions::max_input_bytes", "--max-input-size"},
    {"ScanOptions::max_text_bytes", "--max-text-size"},
    {"ScanOptions::max_part_bytes", "--max-part-size"},
    {"ScanOptions::max_xml_depth", "--max-xml-depth"},
    {"ScanOptions::max_findings", "--max-findings"},
    {"ScanOptions::max_pdf_memory_bytes", "--pdf-memory-limit"},
    {"ScanOptions::pdf_time_limit_seconds", "--pdf-time-limit"},
    {"ScanOptions::password", "--password"},
    {"ScanOptions::revisions = Revisions::kOriginal", "--revisions original"},
    {"ScanOptions::lossy_utf8", "--lossy-utf8"},
    {"ScanOptions::party", "--party"},
    {"ScanOptions::term_ends", "--term-ends"},
    {"ScanOptions::profile_date", "--as-of"},
    {"BatchOptions::follow", "--follow"},
};

}  // namespace

std::string WithOptionNames(std::string text) {
  for (const auto& [field, option] : kOptionOfField) {
    for (std::size_t at = text.find(field); at != std::string::npos;
         at = text.find(field, at + option.size())) {
      text.replace(at, field.size(), option);
    }
  }
  return text;
}

Error WithOptionNames(const Error& error) {
  return Error(error.code(), WithOptionNames(error.detail()), error.file(), error.line(),
               error.column(), error.byte_offset());
}

void WithOptionNames(Report& report) {
  for (std::string& note : report.notes) note = WithOptionNames(std::move(note));
}

}  // namespace clausescan::cli

// Template notes in every output format (issue 15 #5).
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

// issue 15 #5: the placeholder count and the options not selected reach every format once.
TEST(TemplateCli, EveryFormatCarriesTheTemplateNotes) {
  TempDir dir;
  const std::filesystem::path doc = dir.path() / "dpa.md";
  WriteWholeFile(doc,
                 "# DPA\n\nProvider will notify Customer within {Notice Period} after becoming "
                 "aware of a Security Incident.\n\n[ ] Provider will indemnify Customer against "
                 "all claims, without limit.\n");
  for (const std::string format : {"text", "md", "html", "json", "jsonl", "sarif", "csv"}) {
    const RunResult run = RunClausescan("scan --format " + format + " " + Quote(doc));
    EXPECT_EQ(run.exit_code, 0) << format << run.err;
    const std::string& shown = format == "csv" ? run.err : run.out;
    for (const std::string note :
         {"template: 1 unfilled placeholder", "template: 1 option not selected"}) {
      const std::size_t at = shown.find(note);
      EXPECT_NE(at, std::string::npos) << format << ": " << shown;
      EXPECT_EQ(shown.find(note, at + 1), std::string::npos) << format << ": twice";
    }
    if (format == "json") {
      EXPECT_EQ(run.out.find("\"category\":\"indemnification\""), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace clausescan::testing

// libFuzzer target: arbitrary bytes as a company profile (issue 13), read each way a user's is,
// through the public API (LoadProfile):
//   1. as the profile file, in a folder holding a copy of the sample evidence folder
//      (CLAUSESCAN_PROFILE_DIR, the project's corpus/profile/) and a valid soa.csv;
//   2. as the SoA CSV (soa.csv) a fixed profile imports.
// Each load happens in a temporary directory of this process, made once and removed at exit.
// Contract checked: each load gives a Profile or errors that each name the file the input was
// given as (the CSV errors may name the profile, where it names the CSV) with a line, unless
// the error is about the whole file (empty, too large, unreadable, the error limit); never a
// crash, a sanitizer report, a leak, a hang or huge memory. A violation prints the error and
// aborts.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "clausescan/clausescan.h"

#ifndef CLAUSESCAN_PROFILE_DIR
#error "define CLAUSESCAN_PROFILE_DIR, the project's corpus/profile/ folder"
#endif

namespace {

namespace fs = std::filesystem;
using clausescan::ErrorCode;
using clausescan::ProfileError;
using clausescan::ProfileResult;
using clausescan::RuleSet;

constexpr const char* kCsvProfile = "soa_csv: soa.csv\n";

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "profile_fuzzer: %s\n", what.c_str());
  std::abort();
}

void WriteFile(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) Fail("cannot write " + path.string());
}

// This process's temporary directory: "yaml" for the input as a profile (beside the sample's
// evidence folder and soa.csv), "csv" for the input as an SoA CSV.
const fs::path& WorkDirectory() {
  static const fs::path* dir = [] {
    std::string pattern = (fs::temp_directory_path() / "clausescan-profile-fuzzer-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) Fail("cannot create a directory from " + pattern);
    const auto* made = new fs::path(pattern);
    const fs::path sample(CLAUSESCAN_PROFILE_DIR);
    std::error_code ec;
    fs::create_directories(*made / "yaml", ec);
    fs::create_directories(*made / "csv", ec);
    fs::copy(sample / "evidence", *made / "yaml" / "evidence", fs::copy_options::recursive, ec);
    if (ec) Fail("cannot copy the sample evidence: " + ec.message());
    fs::copy_file(sample / "soa.csv", *made / "yaml" / "soa.csv", ec);
    if (ec) Fail("cannot copy the sample SoA: " + ec.message());
    WriteFile(*made / "csv" / "profile.yaml", kCsvProfile);
    return made;
  }();
  static const int cleanup = std::atexit([] {
    std::error_code ec;
    fs::remove_all(*dir, ec);
  });
  (void)cleanup;
  return *dir;
}

const RuleSet& Builtin() {
  static const RuleSet* rules = [] {
    clausescan::Result<RuleSet> builtin = RuleSet::Builtin();
    if (!builtin) Fail("builtin rules do not load: " + builtin.error().message());
    return new RuleSet(*builtin);
  }();
  return *rules;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Aborts unless every error names one of the files (its name ends so) and has a line, or is
// about a whole file.
void CheckErrors(const ProfileResult& result, std::string_view file, std::string_view other) {
  if (result.ok()) return;
  for (const ProfileError& e : result.errors()) {
    const bool whole_file = e.error.code() == ErrorCode::kTooLarge ||
                            e.error.code() == ErrorCode::kIo ||
                            e.error.detail() == "the file is empty" ||
                            e.error.detail().rfind("stopped after ", 0) == 0 ||
                            e.error.detail().rfind("the CSV file is empty", 0) == 0;
    if (!EndsWith(e.error.file(), file) && !EndsWith(e.error.file(), other)) {
      Fail("an error that does not name " + std::string(file) + ": " + e.message());
    }
    if (e.error.line() <= 0 && !whole_file) Fail("an error without a line: " + e.message());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const fs::path& work = WorkDirectory();
  WriteFile(work / "yaml" / "profile.yaml", input);
  CheckErrors(clausescan::LoadProfile((work / "yaml" / "profile.yaml").string(), Builtin()),
              "profile.yaml", "soa.csv");
  WriteFile(work / "csv" / "soa.csv", input);
  CheckErrors(clausescan::LoadProfile((work / "csv" / "profile.yaml").string(), Builtin()),
              "soa.csv", "profile.yaml");
  return 0;
}

// libFuzzer target: arbitrary bytes as a file of a rule set, loaded each way a user's file is,
// through the public API:
//   1. as a --playbook override of the built-in rules (RuleSet::WithPlaybookText, in memory);
//   2. as each file of a rules folder (RuleSet::Load): a rule beside the project's catalogues,
//      and in turn categories.yaml, controls.yaml, evidence.yaml, parties.yaml, doctypes.yaml and
//      playbook.yaml beside the catalogues they need. Load reads folders only, so each has its
//      folder in a temporary directory of this process, the catalogues copied there once from
//      CLAUSESCAN_RULES_DIR (the project's rules/) and the input written over its file each time;
//   3. as a rule test file (*.test.txt) run against the built-in rules (RunRuleTests), for
//      inputs of up to kMaxTestFileBytes: each sample in it is scanned, so a large file of many
//      samples is slow in proportion, not a runaway.
// Contract checked: each load gives a RuleSet (or a test summary) or an Error that names the
// file the input was given as, with a line, unless the error is about the whole file (empty,
// too large); never a crash, a sanitizer report, a leak, a hang or huge memory (libFuzzer's
// -timeout and -rss_limit_mb). A violation prints the error and aborts.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "clausescan/clausescan.h"

#ifndef CLAUSESCAN_RULES_DIR
#error "define CLAUSESCAN_RULES_DIR, the project's rules/ folder"
#endif

namespace {

namespace fs = std::filesystem;
using clausescan::Error;
using clausescan::ErrorCode;
using clausescan::Result;
using clausescan::RuleSet;

constexpr std::size_t kMaxTestFileBytes = std::size_t{64} << 10;
constexpr const char* kPlaybookName = "fuzz-playbook.yaml";

// A rules folder the input is loaded in: the input is written to `file`, beside copies of the
// catalogues in `beside`.
struct Role {
  const char* file;
  std::vector<const char*> beside;
};

const std::vector<Role>& Roles() {
  static const std::vector<Role> roles = {
      {"fuzz/input.yaml", {"categories.yaml", "controls.yaml", "evidence.yaml", "parties.yaml"}},
      {"categories.yaml", {"parties.yaml"}},
      {"controls.yaml", {"categories.yaml", "parties.yaml"}},
      {"evidence.yaml", {"categories.yaml", "parties.yaml"}},
      {"parties.yaml", {"categories.yaml"}},
      {"doctypes.yaml", {"categories.yaml", "parties.yaml"}},
      {"playbook.yaml", {"categories.yaml", "parties.yaml"}},
  };
  return roles;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "rules_fuzzer: %s\n", what.c_str());
  std::abort();
}

std::string ReadSource(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, std::string_view data) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) Fail("cannot write " + path.string());
}

// This process's temporary directory: folder i holds role i's rules folder, "tests" the test
// file. Made on first use with the catalogues in place, removed at exit (never destroyed before).
const fs::path& WorkDirectory() {
  static const fs::path* dir = [] {
    std::string pattern = (fs::temp_directory_path() / "clausescan-rules-fuzzer-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) Fail("cannot create a directory from " + pattern);
    const auto* made = new fs::path(pattern);
    for (std::size_t i = 0; i < Roles().size(); ++i) {
      for (const char* name : Roles()[i].beside) {
        WriteFile(*made / std::to_string(i) / name,
                  ReadSource(fs::path(CLAUSESCAN_RULES_DIR) / name));
      }
    }
    fs::create_directories(*made / "tests");
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
    Result<RuleSet> builtin = RuleSet::Builtin();
    if (!builtin) Fail("builtin rules do not load: " + builtin.error().message());
    return new RuleSet(*builtin);
  }();
  return *rules;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Aborts unless error is about `file` (its name ends so) and has a line, or is about the whole
// file.
void CheckError(const Error& error, std::string_view file) {
  const bool whole_file = error.code() == ErrorCode::kTooLarge || error.code() == ErrorCode::kIo ||
                          error.detail() == "the file is empty";
  if (!EndsWith(error.file(), file))
    Fail("an error that does not name " + std::string(file) + ": " + error.message());
  if (error.line() <= 0 && !whole_file) {
    Fail("an error without a line: " + error.message());
  }
  if (error.code() != ErrorCode::kRuleError && !whole_file) {
    Fail("an error of an unexpected kind: " + error.message());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Result<RuleSet> overridden = Builtin().WithPlaybookText(input, kPlaybookName);
  if (!overridden) CheckError(overridden.error(), kPlaybookName);

  const fs::path& work = WorkDirectory();
  for (std::size_t i = 0; i < Roles().size(); ++i) {
    const fs::path folder = work / std::to_string(i);
    WriteFile(folder / Roles()[i].file, input);
    Result<RuleSet> loaded = RuleSet::Load(folder.string());
    if (!loaded) CheckError(loaded.error(), Roles()[i].file);
  }

  if (size <= kMaxTestFileBytes) {
    WriteFile(work / "tests" / "input.test.txt", input);
    Result<clausescan::RuleTestSummary> tested =
        clausescan::RunRuleTests(Builtin(), (work / "tests").string());
    if (!tested) CheckError(tested.error(), "input.test.txt");
  }
  return 0;
}

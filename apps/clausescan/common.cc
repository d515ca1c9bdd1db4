#include <cstddef>
#include <iostream>
#include <string>

#include "clausescan/printers.h"
#include "commands.h"

namespace clausescan::cli {

CLI::Validator NonEmptyFileName() {
  return CLI::Validator(
      [](std::string& name) { return name.empty() ? std::string("the file name is empty") : ""; },
      "FILE");
}

CLI::Validator NonEmptyDate() {
  return CLI::Validator(
      [](std::string& date) { return date.empty() ? std::string("the date is empty") : ""; },
      "YYYY-MM-DD");
}

void PrintError(const std::string& message) {
  // An error may quote a value from its input (a rule id, a url): a huge one is cut so the
  // message stays readable; the file and line come first and are kept.
  constexpr std::size_t kMaxErrorBytes = 1000;
  std::string shown = MessageSafe(message);
  if (shown.size() > kMaxErrorBytes) {
    std::size_t cut = kMaxErrorBytes;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    const std::size_t more = shown.size() - cut;
    shown.resize(cut);
    shown += "... (" + std::to_string(more) + " more bytes)";
  }
  std::cerr << "clausescan: " << shown << "\n";
}

std::optional<RuleSet> LoadRules(const RuleOptions& options) {
  Result<RuleSet> rules =
      options.rules_dir.empty() ? RuleSet::Builtin() : RuleSet::Load(options.rules_dir);
  if (rules && !options.playbook.empty()) rules = rules->WithPlaybook(options.playbook);
  if (!rules) {
    PrintError(rules.error().message());
    return std::nullopt;
  }
  return std::move(*rules);
}

}  // namespace clausescan::cli

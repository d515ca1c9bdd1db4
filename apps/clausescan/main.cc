// clausescan: finds and assesses the security clauses of contracts.
#include <algorithm>
#include <csignal>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "commands.h"
#include "output.h"

namespace {

// When the first argument that is not an option (the command: the program's own options take
// no values) names no command of app, prints "clausescan: unknown command 'scna' (did you mean
// 'scan'?); ..." and returns false. CLI11 would say only "A subcommand is required".
bool CheckCommandName(CLI::App& app, int argc, char** argv) {
  int first = 1;
  while (first < argc && argv[first][0] == '-') ++first;
  if (first >= argc) return true;
  const std::string name = argv[first];
  std::string closest;
  std::size_t best = 3;  // suggest only within two edits
  for (const CLI::App* command : app.get_subcommands({})) {
    if (command->get_name() == name) return true;
    if (name.size() > 64) continue;  // keeps the table small; no command is that long
    const std::size_t distance = clausescan::cli::EditDistance(name, command->get_name());
    if (distance < best && distance < command->get_name().size()) {
      best = distance;
      closest = command->get_name();
    }
  }
  clausescan::cli::PrintError("unknown command '" + name + "'" +
                              (closest.empty() ? "" : " (did you mean '" + closest + "'?)") +
                              "; run clausescan --help for the commands");
  return false;
}

// "clausescan scan", "clausescan rules show": the program and the (sub)commands being parsed.
std::string CommandPath(const CLI::App& app) {
  std::string path = "clausescan";
  const CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const CLI::App* sub : at->get_subcommands({})) {
      if (!sub->parsed()) continue;
      path += " " + sub->get_name();
      at = sub;
      deeper = true;
      break;
    }
  }
  return path;
}

int Run(int argc, char** argv) {
  CLI::App app{"clausescan: finds the security clauses of a contract and how risky they are"};
  app.set_version_flag("--version", "clausescan 0.1.0");
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, clausescan::cli::Command>> commands;
  auto add = [&](clausescan::cli::Command (*adder)(CLI::App&)) {
    clausescan::cli::Command command = adder(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(command));
  };
  add(&clausescan::cli::AddScanCommand);
  add(&clausescan::cli::AddTextCommand);
  add(&clausescan::cli::AddRulesCommand);
  add(&clausescan::cli::AddControlsCommand);
  add(&clausescan::cli::AddPlaybookCommand);
  add(&clausescan::cli::AddEvidenceCommand);
  add(&clausescan::cli::AddProfileCommand);
  add(&clausescan::cli::AddPackCommand);
  if (!CheckCommandName(app, argc, argv)) return clausescan::cli::kExitError;

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // "clausescan: The following argument was not expected: --x (see: clausescan scan --help)"
    // (review fix C #5), not CLI11's bare message.
    clausescan::cli::PrintError(std::string(e.what()) + " (see: " + CommandPath(app) + " --help)");
    return clausescan::cli::kExitError;
  }
  // The library reports errors as values; these are the last resort for what escapes anyway
  // (memory exhausted, a bug), so the run still ends with a message and exit status 2.
  try {
    for (auto& [sub, command] : commands) {
      if (sub->parsed()) return command();
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "clausescan: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "clausescan: internal error: " << e.what() << " (please report it)\n";
  }
  return clausescan::cli::kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  // First, before anything opens a file: descriptors 0, 1 and 2 open, std::cout's errors kept.
  clausescan::cli::SetUpStandardStreams();
  // A closed pipe (clausescan ... | head) is a normal end, not a crash: writes then fail with
  // EPIPE and the run stops quietly. A file size limit (ulimit -f) is a write error (EFBIG)
  // that is reported and leaves no partial file, not a death by SIGXFSZ.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  clausescan::cli::InstallOutputCleanup();
  return clausescan::cli::FinishStandardOutput(Run(argc, argv));
}

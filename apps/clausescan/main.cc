// clausescan: finds and assesses the security clauses of contracts.
#include <csignal>
#include <exception>
#include <iostream>
#include <new>
#include <vector>

#include "commands.h"
#include "output.h"

namespace {

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
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

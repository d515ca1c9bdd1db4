// clausescan scan [PATH...|-]
#include <unistd.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "output.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

struct ScanArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on;
  std::string color = "auto";
  std::string output;
  bool lossy_utf8 = false;
  RuleOptions rules;
  ReadArgs read;
};

constexpr const char* kStdinName = "<stdin>";

Result<Report> ScanOne(const Scanner& scanner, const std::string& path) {
  if (path != "-") return scanner.ScanFile(path);
  if (::isatty(STDIN_FILENO)) {
    std::cerr << "clausescan: reading a contract from the terminal: paste it, then press "
                 "Ctrl-D on a new line\n";
  }
  return scanner.ScanStream(std::cin, kStdinName);
}

void Print(const std::vector<Report>& reports, const ScanArgs& args, Output& out) {
  if (args.format == "json") {
    if (reports.size() == 1) {
      WriteJson(reports[0], out.stream());
    } else {
      WriteJsonArray(reports, out.stream());
    }
    return;
  }
  TextStyle style;
  style.color = args.color == "always" || (args.color == "auto" && out.IsTerminal());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) out.stream() << "\n";
    WriteText(reports[i], out.stream(), style);
  }
}

int RunScan(const ScanArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ScanOptions options;
  options.lossy_utf8 = args.lossy_utf8;
  ApplyReadOptions(args.read, &options);
  Scanner scanner(*rules, options);

  std::vector<std::string> paths = args.paths.empty() ? std::vector<std::string>{"-"} : args.paths;
  std::vector<Report> reports;
  bool failed = false;
  for (const std::string& path : paths) {
    Result<Report> report = ScanOne(scanner, path);
    if (!report) {
      PrintError(report.error().message());
      failed = true;
      continue;
    }
    reports.push_back(std::move(*report));
  }
  if (!reports.empty()) {
    Output out(args.output);
    std::string error;
    if (!out.Open(&error)) {
      PrintError(error);
      return kExitError;
    }
    Print(reports, args, out);
    if (!out.Commit(&error)) {
      PrintError(error);
      return kExitError;
    }
  }
  if (failed) return kExitError;
  if (!args.fail_on.empty()) {
    Risk threshold = *ParseRisk(args.fail_on);
    for (const Report& report : reports) {
      if (!report.findings.empty() || !report.missing.empty()) {
        if (report.WorstRisk() >= threshold) return kExitFindings;
      }
    }
  }
  return kExitOk;
}

}  // namespace

Command AddScanCommand(CLI::App& app) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand("scan", "Scan contracts (files, or - for stdin) for security clauses");
  cmd->add_option("paths", args->paths, "Files to scan; - or nothing reads standard input");
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit with status 1 when a finding reaches this risk level")
      ->check(CLI::IsMember({"high", "medium", "low", "info"}));
  cmd->add_option("--color", args->color, "Colour the text report")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output,
                  "Write the report to this file (written whole or not at all)");
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  cmd->add_option("--playbook", args->rules.playbook,
                  "Override the default playbook with this file, position by position (see "
                  "clausescan playbook init)");
  cmd->add_flag("--lossy-utf8", args->lossy_utf8,
                "Replace invalid UTF-8 bytes with '?' instead of failing");
  AddReadOptions(cmd, &args->read);
  return [args] { return RunScan(*args); };
}

}  // namespace clausescan::cli

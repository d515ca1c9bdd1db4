// clausescan scan [PATH...|-]
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.h"
#include "inputs.h"
#include "line_reader.h"
#include "option_names.h"
#include "output.h"
#include "output_format.h"
#include "own_outputs.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

struct ScanArgs {
  InputArgs inputs;
  std::string format = "text";
  bool format_given = false;  // --format on the command line
  std::string fail_on;
  std::string min_risk = "info";
  std::string sort = "position";
  bool verbose = false;
  bool no_rationale = false;
  std::string title;
  std::string color = "auto";
  std::string output;
  bool lossy_utf8 = false;
  RuleOptions rules;
  ReadArgs read;
  std::string baseline;
  std::string profile;    // issue 13 #2: judge findings against this company profile
  std::string as_of;      // YYYY-MM-DD; empty: today (UTC)
  std::string term_ends;  // issue 13 #1: YYYY-MM-DD; empty: not known
};

// Says on stderr when --party NAME is a party this document reads as the customer side, so
// that judging from that side is no surprise (issue 15 #1, review); says nothing for --party
// supplier or customer, or a NAME on the supplier side.
void NoteCustomerSideParty(const std::string& party, const Report& report) {
  std::string choice = party;
  for (char& c : choice) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (choice == "supplier" || choice == "customer" || report.document.user_side != "customer") {
    return;
  }
  for (const ContractParty& p : report.document.parties) {
    if (p.side != "us") continue;
    const std::string shown = p.terms.empty() ? p.name : p.terms.front();
    PrintError(
        fmt::format("{}: note: {} is the customer side in this document (--party {}); "
                    "findings are judged from the customer's side",
                    report.document.path, shown, party));
    return;
  }
}

bool IsStdin(const InputArgs& inputs) {
  return inputs.paths.empty() || (inputs.paths.size() == 1 && inputs.paths[0] == "-");
}

// What --min-risk, --sort, --verbose and --title ask of the printers.
PrintOptions PrintOptionsOf(const ScanArgs& args) {
  PrintOptions options;
  options.min_risk = ParseRisk(args.min_risk).value_or(Risk::kInfo);
  options.order = ParseFindingOrder(args.sort).value_or(FindingOrder::kPosition);
  options.verbose = args.verbose;
  options.title = args.title;
  return options;
}

// Writes the reports in args.format (any but jsonl, written line by line by JsonLinesWriter),
// recording the inputs not scanned in the report itself (D4): every format but CSV, whose rows
// are findings (stderr names them, as every error). Reports come in a stable order.
void Print(const std::vector<Report>& all_reports, const std::vector<NotScanned>& not_scanned,
           const ScanArgs& args, Output& out) {
  std::ostream& os = out.stream();
  const PrintOptions options = PrintOptionsOf(args);
  // Every format shows what --min-risk and --sort select (the printers taking options select
  // again, which changes nothing more).
  const std::vector<Report> reports = SelectFindings(all_reports, options);
  if (args.format == "json") {
    WriteJsonReports(reports, not_scanned, os, args.title);
  } else if (args.format == "sarif") {
    WriteSarif(reports, not_scanned, os);
  } else if (args.format == "csv") {
    WriteCsv(reports, os);
    // CSV rows are findings: the notes (an empty document, findings cut at --max-findings) go
    // to stderr so they are not lost.
    for (const Report& report : reports) {
      for (const std::string& note : report.notes) {
        PrintError(report.document.path + ": note: " + note);
      }
    }
  } else if (args.format == "md") {
    WriteMarkdown(reports, not_scanned, os, options);
  } else if (args.format == "html") {
    WriteHtml(reports, not_scanned, os, options);
  } else {
    TextStyle style;
    style.color = args.color == "always" || (args.color == "auto" && out.WantsAutoColor());
    WriteTextTitle(args.title, os, style);
    if (reports.size() > 1) {
      WriteTextSummary(reports, os, style);
      os << "\n";
    }
    for (std::size_t i = 0; i < reports.size(); ++i) {
      if (i > 0) os << "\n";
      PrintOptions one = options;
      one.notice = false;  // once, at the end
      WriteText(reports[i], os, style, one);
    }
    WriteTextNotScanned(not_scanned, os, style);
    os << '\n' << kNotLegalAdvice << '\n';
  }
}

// Where the JSON Lines filter reads: standard input, or a file of requests named on the command
// line (`scan -f jsonl docs.jsonl`), read as standard input is.
struct FilterSource {
  int fd = STDIN_FILENO;
  std::string name = "<stdin>";         // in errors
  std::string what = "standard input";  // in sentences
};

// error, named by the source rather than "<stdin>".
Error FromSource(const Error& error, const FilterSource& source) {
  if (error.file() != "<stdin>") return error;
  return Error(error.code(), error.detail(), source.name, error.line(), error.column(),
               error.byte_offset());
}

// The streaming filter: each stdin line is {"id": ..., "text": ...} (optionally "name", whose
// extension picks the format); each gets one report line carrying its id. A bad line, or one
// longer than max_line bytes (never held whole), gets an error line with its id (or its line
// number) and the filter goes on; it stops at the end of stdin, when out fails (its reader
// has gone), or after an error line for a line with no line end in twice max_line bytes. Each
// report, after the baseline, goes to judge (--fail-on) before its line is written. When the
// first line that is not blank is no JSON at all (a contract piped in as text), says once that
// stdin is not JSON Lines and stops having written nothing.
// kNotJsonLines: nothing read as JSON Lines (not JSON Lines, or standard input closed); out is
// left as it was.
enum class FilterEnd { kAllScanned, kLineFailed, kNotJsonLines };

// Whether line opens as a JSON object does, after a byte order mark and spaces: a broken record
// ({"id": 1, "text": "cut) is still one, and gets its error line.
bool LooksLikeARecord(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  const std::size_t start = line.find_first_not_of(" \t\r");
  return start != std::string_view::npos && line[start] == '{';
}
FilterEnd FilterJsonLines(const Scanner& scanner, const FilterSource& source,
                          std::size_t max_line, const PrintOptions& options,
                          const std::function<void(const Report&)>& judge, std::ostream& out) {
  if (source.fd == STDIN_FILENO && StandardInputClosedAtStart()) {  // it would read as an empty stream: nothing judged
    PrintError("<stdin>: cannot read: standard input is closed");
    return FilterEnd::kNotJsonLines;
  }
  bool ok = true;
  bool first = true;  // no line that is not blank read yet
  LineReader reader(source.fd, max_line);
  std::string line;
  for (long number = 1; out; ++number) {
    const LineReader::Status status = reader.Next(&line);
    if (status == LineReader::Status::kEnd) break;
    if (status == LineReader::Status::kError) {
      PrintError("cannot read " + source.what + ": " + std::strerror(reader.error()));
      ok = false;
      break;
    }
    JsonLinesId id = fmt::format("line {}", number);
    if (status == LineReader::Status::kNoLineEnd) {  // D3: /dev/zero would be read for ever
      Error error(ErrorCode::kTooLarge,
                  fmt::format("line {} has no line end in more than {} bytes, twice the limit: "
                              "{} is not JSON Lines; stopping (raise the limit with "
                              "--max-input-size)",
                              number, max_line > SIZE_MAX / 2 ? SIZE_MAX : 2 * max_line,
                              source.what),
                  source.name, static_cast<int>(number));
      PrintError(error.message());
      WriteWholeLine(out, [&](std::ostream& line) { WriteJsonLinesError(id, error, line); });
      ok = false;
      break;
    }
    if (status == LineReader::Status::kTooLong) {
      Error error(ErrorCode::kTooLarge,
                  fmt::format("line {} is longer than {} bytes (raise the limit with "
                              "--max-input-size)",
                              number, max_line),
                  source.name, static_cast<int>(number));
      PrintError(error.message());
      WriteWholeLine(out, [&](std::ostream& line) { WriteJsonLinesError(id, error, line); });
      ok = false;
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    JsonLinesRequest request = ReadJsonLinesRequest(line, number);
    if (request.error) request.error = FromSource(*request.error, source);
    id = std::move(request.id);
    // A first line that does not open a JSON object ("2025", "1", "[1]": text extracted from a
    // PDF often starts with a page number or a year) is no stream of requests.
    if (std::exchange(first, false) && request.error && !LooksLikeARecord(line)) {
      PrintError(
          Error(ErrorCode::kInvalidArgument,
                fmt::format("{} is not JSON Lines: line {} is no JSON object ({}); "
                            "nothing written (--format jsonl with stdin reads "
                            "{{\"id\", \"text\"}} lines; for one document on stdin, "
                            "choose another --format)",
                            source.what, number, request.error->detail()),
                source.name, static_cast<int>(number))
              .message());
      return FilterEnd::kNotJsonLines;
    }
    if (request.error) {
      PrintError(request.error->message());
      WriteWholeLine(out,
                     [&](std::ostream& line) { WriteJsonLinesError(id, *request.error, line); });
      ok = false;
      continue;
    }
    std::string name = request.name.empty() ? id.text() : std::move(request.name);
    Result<Report> report = scanner.ScanBytes(request.text, name);
    if (report) {
      WithOptionNames(*report);
      judge(*report);
      WriteWholeLine(out, [&](std::ostream& line) {
        WriteJsonLines(SelectFindings(*report, options), id, line);
      });
    } else {
      const Error error = WithOptionNames(report.error());
      PrintError(error.message());
      WriteWholeLine(out, [&](std::ostream& line) { WriteJsonLinesError(id, error, line); });
      ok = false;
    }
  }
  return ok ? FilterEnd::kAllScanned : FilterEnd::kLineFailed;
}

// Whether path names a regular file whose first line that is not blank is a JSON Lines request
// (an object with a string "text"): a file of requests for the filter, never one contract.
bool IsRequestFile(const std::string& path, std::size_t max_line) {
  struct stat st;
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;  // the scan says why
  // Only a file opening as a JSON object is read up to its first line end.
  char head[256];
  const ssize_t got = ::read(fd, head, sizeof head);
  bool request = got > 0 && LooksLikeARecord(std::string_view(head, static_cast<std::size_t>(got)));
  if (request && ::lseek(fd, 0, SEEK_SET) == 0) {
    LineReader reader(fd, max_line);
    std::string line;
    request = false;
    for (long number = 1; reader.Next(&line) == LineReader::Status::kLine; ++number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      request = !ReadJsonLinesRequest(line, number).error;
      break;
    }
  }
  ::close(fd);
  return request;
}

// What reaches --fail-on, gathered report by report as the reports come, so that no report
// needs keeping for it. Counts every finding, whatever --min-risk shows.
class FailOnTally {
 public:
  explicit FailOnTally(const std::string& fail_on) {
    if (!fail_on.empty()) threshold_ = ParseRisk(fail_on);
  }

  void Add(const Report& report) {
    if (!threshold_) return;
    for (const Finding& f : report.findings) {
      if (f.risk < *threshold_) continue;
      ++findings_;
      reached_.push_back(
          fmt::format("  {}:{} {} {}", report.document.path, f.line, f.category, RiskName(f.risk)));
    }
    for (const MissingClause& m : report.missing) {
      if (m.risk < *threshold_) continue;
      reached_.push_back(
          fmt::format("  {}: missing {} {}", report.document.path, m.category, RiskName(m.risk)));
    }
    // A report cut at --max-findings cannot clear the gate: what lies past the cut was never
    // judged (a contract padded with 2,000 harmless clauses hid a HIGH one).
    for (const std::string& note : report.notes) {
      if (note.find(kCutNote) != std::string::npos) cut_.push_back("  " + report.document.path);
    }
  }

  // Whether a finding or missing clause reached --fail-on; if so, prints on stderr which ones
  // did ("PATH:LINE CATEGORY RISK", "PATH: missing CATEGORY RISK"), so a CI log says why the
  // gate closed.
  bool Reached() const {
    if (reached_.empty() && cut_.empty()) return false;
    auto count = [](std::size_t n, const char* one, const char* many) {
      return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    if (!cut_.empty()) {
      PrintError(fmt::format("--fail-on {}: {} cut at --max-findings, so not every clause was "
                             "judged:",
                             RiskName(*threshold_), count(cut_.size(), "report", "reports")));
      for (const std::string& line : cut_) std::cerr << MessageSafe(line) << '\n';
      std::cerr.flush();
    }
    if (reached_.empty()) return !cut_.empty();
    std::string what = count(findings_, "finding", "findings");
    if (reached_.size() > findings_) {
      what += " and " + count(reached_.size() - findings_, "missing clause", "missing clauses");
    }
    PrintError(fmt::format("--fail-on {}: {} at or above {} risk:", RiskName(*threshold_), what,
                           RiskName(*threshold_)));
    for (const std::string& line : reached_) std::cerr << MessageSafe(line) << '\n';
    std::cerr.flush();
    return true;
  }

 private:
  std::optional<Risk> threshold_;
  std::size_t findings_ = 0;
  std::vector<std::string> reached_;
  std::vector<std::string> cut_;  // reports cut at --max-findings
};

// The JSON Lines report of a batch: one line per report, then one per input not scanned, each
// written whole (WriteWholeLine), so an interrupt leaves whole lines only, whether the lines
// are written as the reports come or all at the end.
class JsonLinesWriter {
 public:
  JsonLinesWriter(const PrintOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void WriteReport(const Report& report) {
    WriteWholeLine(
        out_, [&](std::ostream& line) { WriteJsonLines(SelectFindings(report, options_), line); });
  }

  void WriteNotScanned(const NotScanned& input) {
    WriteWholeLine(out_, [&](std::ostream& line) { WriteJsonLinesNotScanned(input, line); });
  }

 private:
  const PrintOptions& options_;
  std::ostream& out_;
};

int RunScan(ScanArgs args) {
  if (args.output == "-") args.output.clear();  // "-o -": standard output, as the default
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ScanOptions options;
  options.lossy_utf8 = args.lossy_utf8;
  options.rationale = !args.no_rationale;
  if (!LoadProfileOption({args.profile, args.as_of, args.term_ends}, *rules, &options)) {
    return kExitError;
  }
  ApplyReadOptions(args.read, &options);
  // --max-findings counts the findings shown: those --min-risk keeps.
  options.min_risk = ParseRisk(args.min_risk).value_or(Risk::kInfo);
  if (!args.baseline.empty()) {
    // Left out by the scanner before --max-findings counts (ScanOptions::baseline).
    Result<Baseline> read = Baseline::ReadFile(args.baseline);
    if (!read) {
      PrintError(read.error().message());
      return kExitError;
    }
    options.baseline = std::make_shared<const Baseline>(std::move(*read));
  }
  Scanner scanner(*rules, options);

  Output out(args.output);
  std::string error;
  if (!out.Open(&error)) {
    PrintError(error);
    return kExitError;
  }
  ReadFiles reads{args.rules.playbook, args.rules.rules_dir, args.baseline, args.profile, {}};
  // issue 13 (attack D11): never over the SoA CSV or an evidence file
  if (options.profile) reads.profile_files = ProfileFiles(*options.profile);
  if (!CheckOutputIsNotAnInput(args.inputs, reads, out)) {
    return kExitError;
  }
  // issue 13 s10 #3: the profile's own files are never read as contracts (as pack)
  if (options.profile &&
      !CheckNoContractIsAProfileFile(args.inputs, *options.profile, "not scanning it")) {
    return kExitError;
  }
  // Before any scanning; the unnamed output file is never linked in when this fails.
  if (!args.format_given && !args.output.empty()) {
    std::optional<std::string> format = FormatOfOutputName(
        args.output, {"text", "json", "jsonl", "sarif", "csv", "md", "html"}, &error);
    if (!format) {
      PrintError(error);  // -o report.xlsx: no text report under a spreadsheet's name
      return kExitError;
    }
    if (!format->empty()) args.format = *format;  // -o report.html: an HTML report
  }
  if (!args.title.empty() &&
      (args.format == "jsonl" || args.format == "sarif" || args.format == "csv")) {
    PrintError("--title is not used by --format " + args.format +
               " (text, json, md and html take it)");
  }
  InputArgs inputs = args.inputs;
  std::vector<RunFile> run_files = FilesTheRunReads(reads, options.profile.get());
  for (RunFile& file : FilesWritten(out, "report")) run_files.push_back(std::move(file));
  SkipWhatIsNoContract(run_files, &inputs);
  FailOnTally fail_on(args.fail_on);
  // attack review 16 #6: a file of {"id", "text"} requests named with --format jsonl is
  // filtered as standard input is; named otherwise, it is refused rather than scanned as one
  // contract made of JSON.
  std::string request_file;
  for (const std::string& path : inputs.paths) {
    if (IsRequestFile(path, options.max_input_bytes)) {
      request_file = path;
      break;
    }
  }
  if (!request_file.empty() && (args.format != "jsonl" || inputs.paths.size() != 1)) {
    PrintError(request_file +
               ": holds JSON Lines requests ({\"id\", \"text\"} lines), not a contract; "
               "nothing scanned: filter it alone with scan -f jsonl FILE (or scan -f jsonl - < "
               "FILE)");
    return kExitError;
  }
  if (args.format == "jsonl" && (IsStdin(inputs) || !request_file.empty())) {
    FilterSource source;
    if (!request_file.empty()) {
      source = FilterSource{::open(request_file.c_str(), O_RDONLY | O_CLOEXEC), request_file,
                            request_file};
      if (source.fd < 0) {
        PrintError(request_file + ": cannot read: " + std::strerror(errno));
        return kExitError;
      }
    }
    const FilterEnd end = FilterJsonLines(
        scanner, source, options.max_input_bytes, PrintOptionsOf(args),
        [&](const Report& report) { fail_on.Add(report); }, out.stream());
    if (source.fd != STDIN_FILENO) ::close(source.fd);
    if (end == FilterEnd::kNotJsonLines) return kExitError;  // out is left as it was
    const bool ok = end == FilterEnd::kAllScanned;
    if (!out.Commit(&error)) {
      PrintError(error);
      return kExitError;
    }
    const bool reached = fail_on.Reached();  // listed even when a line failed
    return !ok ? kExitError : reached ? kExitFindings : kExitOk;
  }
  // JSON Lines into a file or a pipe are written as the reports come (one line each, in the
  // same stable order), so a batch holds one report at a time (issue 12: peak memory); the
  // other formats need every report at once, and on a terminal the lines wait for the progress
  // bar to go.
  const bool json_lines = args.format == "jsonl";
  const bool stream = json_lines && !out.IsTerminal();
  const PrintOptions print_options = PrintOptionsOf(args);
  JsonLinesWriter lines(print_options, out.stream());
  std::vector<Report> reports;
  std::vector<NotScanned> not_scanned;
  bool any_report = false;
  bool ok = ScanInputs(
      scanner, inputs,
      [&](Report& report) {
        NoteCustomerSideParty(options.party, report);
        fail_on.Add(report);
        any_report = true;
        if (stream) {
          lines.WriteReport(report);
        } else {
          reports.push_back(std::move(report));
        }
      },
      &not_scanned);
  if (any_report) {
    if (json_lines) {
      for (const Report& report : reports) lines.WriteReport(report);  // none when streamed
      for (const NotScanned& input : not_scanned) lines.WriteNotScanned(input);
    } else {
      Print(reports, not_scanned, args, out);
    }
    if (!out.Commit(&error)) {
      PrintError(error);
      return kExitError;
    }
  }
  const bool reached = fail_on.Reached();  // listed even when an input failed
  return !ok ? kExitError : reached ? kExitFindings : kExitOk;
}

}  // namespace

Command AddScanCommand(CLI::App& app) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd =
      app.add_subcommand("scan", "Scan contracts (files, or - for stdin) for security clauses");
  AddInputOptions(cmd, &args->inputs);
  CLI::Option* format =
      cmd->add_option("-f,--format", args->format,
                      "Output format (default: from the --output file's extension, .json .jsonl "
                      ".sarif .csv .md .html .txt, else text); jsonl with stdin is a filter of "
                      "{\"id\",\"text\"} lines")
          ->transform(CLI::Transformer(std::map<std::string, std::string>{{"markdown", "md"}},
                                       CLI::ignore_case))
          ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "csv", "md", "html"}));
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit with status 1 when a finding reaches this risk level (any case), "
                  "listing those that did on stderr")
      ->transform(CLI::IsMember({"high", "medium", "low", "info"}, CLI::ignore_case));
  cmd->add_option("--min-risk", args->min_risk,
                  "Leave out findings and missing clauses below this risk level (any case), "
                  "in every format")
      ->transform(CLI::IsMember({"high", "medium", "low", "info"}, CLI::ignore_case))
      ->capture_default_str();
  cmd->add_option("--sort", args->sort,
                  "Order of the findings: risk (worst first) or position (document order)")
      ->transform(CLI::IsMember({"risk", "position"}, CLI::ignore_case))
      ->capture_default_str();
  cmd->add_flag("--verbose", args->verbose,
                "Text: print LOW and INFO findings in full, not in two lines");
  cmd->add_flag("--no-rationale", args->no_rationale,
                "Leave out why the buyer asks (the rationale and the answers to it), in every "
                "format");
  cmd->add_option("--title", args->title,
                  "Title of the report: heads the text, Markdown and HTML reports (default for "
                  "Markdown and HTML: Contract security review), \"title\" in JSON");
  cmd->add_option("--color", args->color, "Colour the text report")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output,
                  "Write the report to this file (written whole or not at all; -: standard "
                  "output)")
      ->check(NonEmptyFileName());
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  cmd->add_option("--playbook", args->rules.playbook,
                  "Override the default playbook with this file, position by position (see "
                  "clausescan playbook init)");
  cmd->add_option("--baseline", args->baseline,
                  "Leave out findings accepted in this earlier JSON report (scan --format json), "
                  "so --fail-on reacts to new ones only");
  cmd->add_option("--profile", args->profile,
                  "Judge each finding against this company profile (see clausescan profile "
                  "init): met or not, your documents that answer it, SoA gaps; risk adjusted");
  cmd->add_option("--as-of", args->as_of,
                  "With --profile: judge your documents' expiry on this date (YYYY-MM-DD); "
                  "default: today (UTC)")
      ->check(NonEmptyDate());
  cmd->add_option("--term-ends", args->term_ends,
                  "With --profile: the day the contract's term ends (YYYY-MM-DD); your documents "
                  "that expire before it are flagged")
      ->check(NonEmptyDate());
  cmd->add_flag("--lossy-utf8", args->lossy_utf8,
                "Replace invalid UTF-8 bytes with '?' instead of failing");
  AddReadOptions(cmd, &args->read);
  AddFindingsOption(cmd, &args->read);
  AddPartyOption(cmd, &args->read);
  return [args, format] {
    args->format_given = format->count() > 0;
    return RunScan(*args);
  };
}

}  // namespace clausescan::cli

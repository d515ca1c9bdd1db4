// clausescan text FILE [--normalized] [reading options]
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "inputs.h"
#include "option_names.h"
#include "output.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

struct TextArgs {
  std::string path;
  bool normalized = false;
  bool lossy_utf8 = false;
  ReadArgs read;
};

int RunText(const TextArgs& args) {
  ScanOptions options;
  options.lossy_utf8 = args.lossy_utf8;
  ApplyReadOptions(args.read, &options);
  // Closed at start (`<&-`), standard input reads as /dev/null: say so rather than print nothing.
  if (args.path == "-" && StandardInputClosedAtStart()) {
    PrintError("<stdin>: cannot read: standard input is closed");
    return kExitError;
  }
  std::vector<std::string> notes;
  Result<std::string> text = args.normalized ? NormalizedText(args.path, options, &notes)
                                             : ExtractText(args.path, options, &notes);
  if (!text) {
    PrintError(WithOptionNames(text.error()).message());
    return kExitError;
  }
  PrintNameAndContentNotes(args.path == "-" ? "<stdin>" : args.path, notes);
  std::cout << *text;
  if (!text->empty() && text->back() != '\n') std::cout << '\n';
  std::cout.flush();
  return kExitOk;
}

}  // namespace

Command AddTextCommand(CLI::App& app) {
  auto args = std::make_shared<TextArgs>();
  CLI::App* cmd = app.add_subcommand(
      "text",
      "Print the document text that finding offsets refer to (extracted, for HTML, "
      "DOCX and PDF)");
  cmd->add_option("file", args->path, "The document (- for standard input)")->required();
  cmd->add_flag("--normalized", args->normalized,
                "Print the normalised view the rules match on instead");
  cmd->add_flag("--lossy-utf8", args->lossy_utf8,
                "Replace invalid UTF-8 bytes with '?' instead of failing");
  AddReadOptions(cmd, &args->read);
  return [args] { return RunText(*args); };
}

}  // namespace clausescan::cli

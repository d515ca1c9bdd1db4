#include "read_options.h"

#include "commands.h"

namespace clausescan::cli {

namespace {

// A size such as 64M, 1G or 0; a negative one (which AsSizeValue would read as the largest
// size, turning the limit off) is refused: "must be 0 or more, not -1", and so is one that is
// no size, in the same words as other numbers (Size).
CLI::Option* SizeOption(CLI::App* cmd, const std::string& name, std::uint64_t* size,
                        const std::string& description) {
  CLI::Validator zero_or_more = Size();
  zero_or_more.description("");  // the help shows AsSizeValue's SIZE only
  // A transform runs before those added earlier: the sign is checked on the text as given.
  return cmd->add_option(name, *size, description)
      ->transform(CLI::AsSizeValue(false))
      ->transform(zero_or_more);
}

// The smallest --pdf-memory-limit but 0 (no limit): a quarter of it, 1 MiB, for each PDF read.
// A one-page PDF of text was read with 64 KiB and not with 16 KiB; a limit well above that
// leaves the memory limit's own message to the PDFs that need more.
constexpr std::uint64_t kLeastPdfMemory = std::uint64_t{4} << 20;

// Refuses a size from 1 to kLeastPdfMemory - 1 (0 is no limit), naming the value as given.
CLI::Validator ZeroOrAtLeastLeastPdfMemory() {
  CLI::Validator least(
      [](std::string& value) -> std::string {
        std::string bytes = value;
        std::uint64_t size = 0;
        try {  // a value that is no size, or a negative one: Size() says why, later
          if (!Size()(bytes).empty() || !CLI::AsSizeValue(false)(bytes).empty()) return "";
          size = std::stoull(bytes);
        } catch (const std::exception&) {
          return "";
        }
        if (size == 0 || size >= kLeastPdfMemory) return "";
        return value + " is below 4M, the smallest limit a PDF is read with (0: no limit)";
      },
      "");
  return least;
}

}  // namespace

void AddReadOptions(CLI::App* cmd, ReadArgs* args) {
  cmd->add_option("--revisions", args->revisions,
                  "DOCX tracked changes: scan the text with all changes accepted, or as it was "
                  "before them")
      ->check(CLI::IsMember({"accepted", "original"}))
      ->capture_default_str();
  cmd->add_option("--password", args->password, "Password of an encrypted PDF");
  SizeOption(cmd, "--max-input-size", &args->max_input_size,
             "Refuse inputs larger than this (e.g. 64M, 1G)")
      ->default_str("64M");
  SizeOption(cmd, "--max-text-size", &args->max_text_size,
             "Refuse a document whose extracted text is larger than this (e.g. 512M, 4G; "
             "default or 0: as --max-input-size)");
  SizeOption(cmd, "--max-part-size", &args->max_part_size,
             "Refuse a DOCX whose parts decompress to more than this (zip bombs)")
      ->default_str("32M");
  cmd->add_option("--max-xml-depth", args->max_xml_depth,
                  "Refuse DOCX XML or HTML nested deeper than this")
      ->check(Count(1, 100000))
      ->capture_default_str();
  cmd->add_option("--pdf-time-limit", args->pdf_time_limit,
                  "Seconds a PDF may take to read before it fails (0: no limit, read in-process)")
      ->check(Count(0, 86400))
      ->capture_default_str();
  SizeOption(cmd, "--pdf-memory-limit", &args->pdf_memory_limit,
             "Memory the PDFs read at once may take together; each is read with a quarter "
             "of it and fails past that (e.g. 512M, 4G; at least 4M; 0: no limit)")
      ->default_str("4G")
      ->transform(ZeroOrAtLeastLeastPdfMemory());  // runs first, on the value as given
}

void AddFindingsOption(CLI::App* cmd, ReadArgs* args) {
  cmd->add_option("--max-findings", args->max_findings,
                  "Report at most this many findings per document, the first ones (a document "
                  "with more says so in its notes; 0: no limit)")
      ->check(Count())
      ->capture_default_str();
}

void AddPartyOption(CLI::App* cmd, ReadArgs* args) {
  cmd->add_option("--party", args->party,
                  "Your side of the contract: supplier, customer, or the name of a party the "
                  "contract names (\"Ehave\", \"Reseller\"); findings say whose duty or right "
                  "each clause is and are judged from your side")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return value.find_first_not_of(" \t") == std::string::npos
                       ? std::string("--party needs a side or a party's name")
                       : std::string();
          },
          "SIDE|NAME"))
      ->capture_default_str();
}

void ApplyReadOptions(const ReadArgs& args, ScanOptions* options) {
  options->revisions = args.revisions == "original" ? Revisions::kOriginal : Revisions::kAccepted;
  options->password = args.password;
  options->max_input_bytes = static_cast<std::size_t>(args.max_input_size);
  options->max_text_bytes = static_cast<std::size_t>(args.max_text_size);
  options->max_part_bytes = static_cast<std::size_t>(args.max_part_size);
  options->max_xml_depth = args.max_xml_depth;
  options->pdf_time_limit_seconds = args.pdf_time_limit;
  options->max_pdf_memory_bytes = static_cast<std::size_t>(args.pdf_memory_limit);
  options->max_findings = args.max_findings;
  options->party = args.party;
}

}  // namespace clausescan::cli

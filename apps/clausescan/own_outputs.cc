#include "own_outputs.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <utility>

#include "clausescan/pack_write.h"
#include "not_documents.h"

namespace clausescan::cli {
namespace {

namespace fs = std::filesystem;

// Enough for every marker below: SARIF names its driver within its first lines, HTML its
// generator in the head, before the style sheet; the Markdown and text reports' summary lines
// come after a `--title` line, which may be long (a 4,080-character title once pushed them past
// a 4 KiB head and the report was scanned as a contract): titles up to about 60,000 bytes.
constexpr std::size_t kHeadBytes = std::size_t{64} << 10;

std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The line at index n (0 for the first) of text, without its newline.
std::string Line(const std::string& text, int n) {
  std::size_t start = 0;
  for (int i = 0; i < n; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  return text.substr(start, text.find('\n', start) - start);
}

// "N finding" at the start of line (a count, then the noun).
bool StartsWithCount(const std::string& line, const std::string& noun) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && line.compare(digits, noun.size() + 1, " " + noun) == 0;
}

// The text report of one document: "PATH (TYPE, FORMAT, N bytes)" then "N findings: ...".
bool IsOneDocumentTextReport(const std::string& head) {
  static const std::regex kCounts(
      R"(\d+ findings?( at (high|medium|low) risk or above)?(: \d+ (high|medium|low|info)(, \d+ )"
      R"((medium|low|info))*)?; \d+ missing clauses?; worst risk .*)");
  const std::string first = Line(head, 0);
  return first.size() > 7 && first.compare(first.size() - 7, 7, " bytes)") == 0 &&
         first.find(" (") != std::string::npos && std::regex_match(Line(head, 1), kCounts);
}

// The summary line of the text report of several documents, whole: "summary: 57 findings (5
// high, 10 medium, 38 low, 4 info) and 0 missing clauses in 2 documents" (a contract that opens
// with "summary: 12 findings of the audit ..." is no report).
bool IsSeveralDocumentsSummary(const std::string& line) {
  static const std::regex kSummary(
      R"(summary: \d+ findings? \(\d+ high, \d+ medium, \d+ low, \d+ info\) and \d+ missing )"
      R"(clauses? in \d+ documents?.*)");
  return std::regex_match(line, kSummary);
}

// head without a `--title` line and the blank line after it ("Title\n\n..." in text,
// "# Title\n\n..." in Markdown), or head itself when its second line is not blank.
std::string WithoutTitle(const std::string& head) {
  const std::size_t end = head.find('\n');
  if (end == std::string::npos || head.compare(end, 2, "\n\n") != 0) return head;
  return head.substr(end + 2);
}

// A JSON or JSON Lines report: each document opens with the report's own keys, in the order
// the printer writes them ({"document":{"path":...,"format":...,"type":...,"bytes":...,
// "user_side":...), which a contract exported as JSON ({"document":{"title":...,"text":...}})
// does not share.
// The JSON report of several documents is an array ("[\n{...},\n"), or, when an input failed,
// an object listing the reports ("{\"reports\":[\n{...}"); the JSON Lines filter's output puts the
// request's id first ("{\"id\":ID,\"document\":{...}").
bool IsJsonReport(const std::string& head) {
  std::string body = head;
  if (StartsWith(body, "[\n")) body = body.substr(2);
  if (StartsWith(body, "{\"reports\":[\n")) body = body.substr(13);
  if (StartsWith(body, "{\"id\":")) {
    const std::size_t document = body.find(",\"document\":{\"path\":\"");
    const std::size_t line_end = body.find('\n');
    if (document == std::string::npos || document > line_end) return false;
    body = "{" + body.substr(document + 1);
  }
  if (!StartsWith(body, "{\"document\":{\"path\":\"")) return false;
  for (const char* key : {"\"format\":\"", "\"type\":\"", "\"bytes\":", "\"user_side\":\""}) {
    if (body.find(key) == std::string::npos) return false;
  }
  return true;
}

// The Markdown report: "# TITLE" (the default title, or --title's), a blank line, then
// "N findings (H high, ...) and M missing clauses in D documents."
bool IsMarkdownReport(const std::string& head) {
  if (!StartsWith(head, "# ")) return false;
  const std::string summary = Line(WithoutTitle(head), 0);
  return StartsWithCount(summary, "finding") && summary.find(" high, ") != std::string::npos &&
         summary.find(" missing clause") != std::string::npos;
}

bool IsReport(const std::string& head) {
  if (IsJsonReport(head) || head == "[\n]\n" || head == "[\n]") return true;  // JSON, JSON Lines
  if (StartsWith(head, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-") &&
      head.find("\"name\": \"clausescan\"") != std::string::npos) {
    return true;
  }
  if (IsMarkdownReport(head)) return true;
  if (StartsWith(head, "<!DOCTYPE html>") &&
      head.find("<meta name=\"generator\" content=\"clausescan\">") != std::string::npos) {
    return true;
  }
  if (StartsWith(head, "path,line,column,start,end,page,paragraph,section,category,rule,risk,")) {
    return true;  // CSV
  }
  // The text report of several documents opens with its summary line and a blank line, which
  // is also how a `--title` line looks: try the head with and without a title.
  for (const std::string& text : {head, WithoutTitle(head)}) {
    if (IsSeveralDocumentsSummary(Line(text, 0)) || IsOneDocumentTextReport(text)) {
      return true;
    }
  }
  return false;
}

// The index.md of a pack (kept apart from its folder: "# Security pack", a blank line, then the
// index's fixed opening sentence).
bool IsPackIndex(const std::string& head) {
  return StartsWith(head, "# Security pack\n\nA security pack prepared before the buyer asks: ");
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The still-missing list `pack` prints or writes with --missing: plain lines, every one of them
// (in the head read) one of the list's own line shapes: a document the profile lacks ("no
// document in your profile: TITLE (N clauses ask for it)"), one to renew, redact or check, a
// clause the profile does not meet, a control the SoA lacks. A contract that opens with
// "check: ..." has other lines, and is no list.
bool IsStillMissingLine(const std::string& line) {
  if (StartsWith(line, "no document in your profile: ")) {
    return EndsWith(line, " ask for it)") || EndsWith(line, " asks for it)");
  }
  for (const char* end :
       {": renew it", ": renew it before sending", ": plan its renewal",
        " is internal and has no redacted copy: add a redacted copy to share", ": not met",
        ": implement or negotiate", ": negotiate or justify", ", which your SoA does not list",
        "; not in the index until you have checked",
        ": your documents were not checked against the term's end"}) {
    if (EndsWith(line, end)) return true;
  }
  return line.find(" is valid only from ") != std::string::npos;
}

bool IsStillMissingList(const std::string& head) {
  std::size_t lines = 0;
  for (std::size_t start = 0; start < head.size();) {
    std::size_t end = head.find('\n', start);
    if (end == std::string::npos) break;  // the last line may be cut by the head's size
    const std::string line = head.substr(start, end - start);
    if (!line.empty()) {
      if (line.size() > 4000 || !IsStillMissingLine(line)) return false;
      ++lines;
    }
    start = end + 1;
  }
  return lines > 0;
}

bool IsEvidenceList(const std::string& head) {
  return (StartsWith(head, "{\"items\":[{\"id\":\"") &&
          head.find("\"description\":\"") != std::string::npos &&
          head.find("\"controls\":[") != std::string::npos) ||
         StartsWith(head, "item,title,item_risk,controls,path,line,category,rule,risk,") ||
         (StartsWith(head, "evidence pack: ") && StartsWithCount(head.substr(15), "item"));
}

// A zip archive whose first member is index.md, as in every zip pack clausescan writes.
bool IsZipPack(const std::string& head) {
  return head.size() >= 38 && StartsWith(head, "PK\x03\x04") && head[26] == 8 && head[27] == 0 &&
         head.compare(30, 8, "index.md") == 0;
}

// A folder clausescan pack wrote: its index.md opens as the pack's index does ("# Security
// pack", a blank line, then the index's fixed opening sentence), not only with the heading a
// folder of the user's own may share.
bool IsPackFolder(const std::string& folder) {
  if (!IsEarlierPack(folder)) return false;
  return IsPackIndex(Head((fs::path(folder) / "index.md").string()));
}

}  // namespace

std::optional<std::string> OwnOutputKind(const std::string& path) {
  const std::string head = Head(path);
  if (IsReport(head)) return "report";
  if (IsEvidenceList(head)) return "evidence list";
  if (IsZipPack(head)) return "pack";
  if (IsPackIndex(head)) return "pack index";
  if (IsStillMissingList(head)) return "still-missing list";
  return std::nullopt;
}

std::vector<std::string> FilesOfOutput(const std::string& output) {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(output, ec);
  if (fs::is_regular_file(status)) files.push_back(output);
  if (!fs::is_directory(status)) return files;
  for (auto it = fs::recursive_directory_iterator(output, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) files.push_back(it->path().string());
  }
  return files;
}

void SkipWhatIsNoContract(const std::vector<RunFile>& run_files, InputArgs* inputs) {
  std::map<std::pair<dev_t, ino_t>, std::string> used;  // by device and inode: what it is
  for (const RunFile& file : run_files) {
    struct stat st {};
    if (::stat(file.path.c_str(), &st) == 0)
      used.emplace(std::pair{st.st_dev, st.st_ino}, file.what);
  }
  inputs->batch.skip_found = [used = std::move(used)](
                                 const std::string& path,
                                 bool is_folder) -> std::optional<std::string> {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      if (auto it = used.find({st.st_dev, st.st_ino}); it != used.end()) {
        return fmt::format("it is {}, not {}", it->second, is_folder ? "contracts" : "a contract");
      }
    }
    if (is_folder) {
      if (IsPackFolder(path)) return "an earlier clausescan pack, not contracts";
      return std::nullopt;
    }
    if (const std::optional<std::string> kind = OwnOutputKind(path)) {
      return fmt::format("an earlier clausescan {}, not a contract", *kind);
    }
    if (const std::optional<std::string> kind = NoDocumentKind(path)) {
      return fmt::format("{}, not a contract", *kind);
    }
    return std::nullopt;
  };
}

}  // namespace clausescan::cli

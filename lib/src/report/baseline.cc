#include "clausescan/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/json_text.h"
#include "common/read_file.h"
#include "extract/document.h"
#include "report/strings.h"

namespace clausescan {
namespace {

using Json = nlohmann::json;

// A report is several times the size of the text it covers (a 7 KB contract, a 60 KB report:
// 32 MiB hold the reports of about 500 such contracts), and its parsed tree several times more
// again (up to about 35 times the file for JSON made of empty objects: 1.1 GB at this limit).
constexpr std::size_t kMaxBaselineBytes = std::size_t{32} << 20;

// The text ReadableQuote settles on when applied again and again: a finding's text as written
// and the text a report stored (cleaned once) reach the same one, since cleaning can uncover a
// marker it then removes ("*<u>72 hours</u>*" -> "*72 hours*" -> "72 hours"). At most 64 passes
// (each removes at least one byte, so only nesting deeper than that stops early).
std::string SettledQuote(std::string_view text, std::string_view format) {
  std::string settled(text);
  for (int pass = 0; pass < 64; ++pass) {
    std::string next = internal::ReadableQuote(settled, format);
    if (next == settled) break;
    settled = std::move(next);
  }
  return settled;
}

// Keys of a document's entries; the document's path is the outer key of Baseline::counts_.
// The text is read as every report quotes it, settled (SettledQuote), so a baseline written
// with the text as written in a Markdown file (before reports cleaned it), one written since
// (cleaned once) and the finding as found now give the same key.
std::string FindingKey(std::string_view rule, std::string_view text, std::string_view format) {
  std::string key = "finding";
  key += '\0';
  key += rule;
  key += '\0';
  // Whitespace runs as one space; format characters kept, so two clauses that differ only in
  // them stay apart.
  key += internal::CleanText(SettledQuote(text, format), internal::FormatChars::kKeep);
  return key;
}

std::string MissingKey(std::string_view category) {
  std::string key = "missing";
  key += '\0';
  key += category;
  return key;
}

// A document's path as a JSON report holds it: a byte that is not UTF-8 (a file name's) is the
// U+FFFD the printers write for it, so a report's document matches its own baseline entry
// (names that differ only in such bytes share one entry).
std::string StoredPath(const std::string& path) {
  if (internal::FindInvalidUtf8(path) == std::string::npos) return path;
  return Json::parse(
             Json(path).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace))
      .get<std::string>();
}

bool IsString(const Json& object, const char* key) {
  return object.contains(key) && object[key].is_string();
}

// Adds the entries of one report object; false when it is not a clausescan report.
bool AddReport(const Json& report,
               std::map<std::string, std::map<std::string, std::size_t>>& counts_by_path) {
  if (!report.is_object() || !report.contains("document") || !report["document"].is_object() ||
      !IsString(report["document"], "path") || !report.contains("findings") ||
      !report["findings"].is_array()) {
    return false;
  }
  std::map<std::string, std::size_t>& counts =
      counts_by_path[report["document"]["path"].get<std::string>()];
  const std::string format =
      IsString(report["document"], "format") ? report["document"]["format"].get<std::string>() : "";
  for (const Json& f : report["findings"]) {
    if (!f.is_object() || !IsString(f, "rule") || !IsString(f, "text")) return false;
    ++counts[FindingKey(f["rule"].get<std::string>(), f["text"].get<std::string>(), format)];
  }
  if (report.contains("missing")) {
    if (!report["missing"].is_array()) return false;
    for (const Json& m : report["missing"]) {
      if (!m.is_object() || !IsString(m, "category")) return false;
      ++counts[MissingKey(m["category"].get<std::string>())];
    }
  }
  return true;
}

Error NotAReport(const std::string& name, int line = 0) {
  return Error(ErrorCode::kInvalidArgument,
               "not a clausescan JSON report (write one with clausescan scan --format json)", name,
               line);
}

}  // namespace

Result<Baseline> Baseline::ReadFile(const std::string& path) {
  Result<std::string> bytes =
      internal::ReadFileUpTo(path, kMaxBaselineBytes, {"baseline", "baseline reports"});
  if (!bytes) return bytes.error();
  return FromJson(*bytes, path);
}

Result<Baseline> Baseline::FromJson(std::string_view json, const std::string& name) {
  // A tree costs memory for every level, and the code that walks it recurses for each: deep
  // nesting is refused before anything is parsed.
  const std::size_t deep = internal::FindJsonTooDeep(json);
  if (deep != std::string_view::npos) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("nested deeper than {} levels (at byte {}), the limit for baseline "
                             "reports",
                             internal::kMaxJsonDepth, deep),
                 name, 0, 0, static_cast<std::ptrdiff_t>(deep));
  }
  Baseline baseline;
  baseline.name_ = name;
  Json whole = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!whole.is_discarded()) {
    // A scan in which an input failed writes {"reports": [...], "errors": [...]}; the inputs
    // that failed have no findings to accept.
    const bool with_errors =
        whole.is_object() && whole.contains("reports") && !whole.contains("document");
    const Json& reports = with_errors ? whole["reports"] : whole;
    if (reports.is_array()) {
      for (const Json& report : reports) {
        if (!AddReport(report, baseline.counts_)) return NotAReport(name);
      }
    } else if (with_errors || !AddReport(whole, baseline.counts_)) {
      return NotAReport(name);
    }
    return baseline;
  }
  // JSON Lines: one report per line (filter-mode lines carry an "id", error lines are skipped).
  int number = 0;
  for (std::size_t begin = 0; begin < json.size();) {
    const std::size_t end = std::min(json.find('\n', begin), json.size());
    const std::string_view line = json.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json report = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (report.is_object() && report.contains("error")) continue;
    if (report.is_discarded() || !AddReport(report, baseline.counts_)) {
      return NotAReport(name, number);
    }
  }
  if (number == 0) return NotAReport(name);
  return baseline;
}

std::size_t Baseline::Filter(Report& report) const {
  auto document = counts_.find(StoredPath(report.document.path));
  if (document == counts_.end()) return 0;
  std::map<std::string, std::size_t> left = document->second;
  auto accepted = [&](const std::string& key) {
    auto it = left.find(key);
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    return true;
  };
  const std::size_t before = report.findings.size() + report.missing.size();
  std::erase_if(report.findings, [&](const Finding& f) {
    return accepted(FindingKey(f.rule, f.text, report.document.format));
  });
  std::erase_if(report.missing,
                [&](const MissingClause& m) { return accepted(MissingKey(m.category)); });
  return before - report.findings.size() - report.missing.size();
}

const std::string& Baseline::name() const { return name_; }

std::size_t Baseline::size() const {
  std::size_t total = 0;
  for (const auto& [path, counts] : counts_) {
    for (const auto& [key, count] : counts) total += count;
  }
  return total;
}

}  // namespace clausescan

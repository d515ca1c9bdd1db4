// The Statement of Applicability of a profile: the `soa:` list and the `soa_csv:` import.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/csv_reader.h"
#include "common/read_file.h"
#include "extract/document.h"
#include "profile/paths.h"
#include "profile/readers.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kMaxCsvBytes = std::size_t{4} << 20;

const Names kStatusNames = {"implemented", "partial", "planned", "not_implemented"};

constexpr std::string_view kSaveAsUtf8 =
    "save it as \"CSV UTF-8 (Comma delimited)\" (Excel) or \"Text CSV\" with UTF-8 (LibreOffice)";

// Why the bytes of an SoA CSV are not UTF-8 text, with the line (counted by LF) it starts on:
// UTF-16 (a byte order mark FF FE or FE FF), a NUL byte, or invalid UTF-8 (such as a
// Windows-1252 export). No problem for UTF-8, with or without its byte order mark.
std::optional<Error> CsvEncodingProblem(std::string_view text, const std::string& name) {
  auto line_of = [&](std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  };
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    return Error(ErrorCode::kRuleError,
                 fmt::format("the file is UTF-16 (\"Unicode Text\"), not UTF-8: {}", kSaveAsUtf8),
                 name, 1);
  }
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return Error(ErrorCode::kRuleError,
                 fmt::format("a NUL byte (at byte {}): the file is not UTF-8 text (UTF-16?): {}",
                             nul + 1, kSaveAsUtf8),
                 name, line_of(nul));
  }
  if (std::size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return Error(
        ErrorCode::kRuleError,
        fmt::format("invalid UTF-8 (at byte {}; a Windows-1252 export?): {}", bad + 1, kSaveAsUtf8),
        name, line_of(bad));
  }
  return std::nullopt;
}

// The controls of the catalogue, as names for suggestions.
Names ControlIds(const RuleSetData& rules) { return IdsOf(rules.controls); }

// Checks control against the catalogue; "" when it is one, else the error detail.
std::string CheckControl(const RuleSetData& rules, const std::string& control) {
  const Names ids = ControlIds(rules);
  if (std::find(ids.begin(), ids.end(), control) != ids.end()) return "";
  return fmt::format(
      "unknown control '{}': expected an ISO/IEC 27001:2022 Annex A id such as "
      "A.5.19 (`clausescan controls` lists them){}",
      control.substr(0, 40), DidYouMean(control, ids));
}

// Lower case, with runs of spaces, '_', '-' and '/' as one space, trimmed: header and value
// spellings compared loosely ("Control ID", "control_id", "Control-Id").
std::string Loose(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool gap = c == ' ' || c == '_' || c == '-' || c == '/' || c == '\t';
    if (gap) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Reads an SoA status (the names of kStatusNames, loosely spelt, and "partially implemented").
std::optional<ControlStatus> StatusOf(std::string_view text) {
  const std::string loose = Loose(text);
  if (loose == "implemented" || loose == "fully implemented") return ControlStatus::kImplemented;
  if (loose == "partial" || loose == "partially implemented" || loose == "partially") {
    return ControlStatus::kPartial;
  }
  if (loose == "planned") return ControlStatus::kPlanned;
  if (loose == "not implemented") return ControlStatus::kNotImplemented;
  return std::nullopt;
}

// How a row writes its applicability and status: "false" or "no", "Implemented"; status "" when
// the row has none.
struct WrittenRow {
  std::string applicable;
  std::string status;
};

// The checks a row gets wherever it comes from: the control, a justification when excluded, and
// no status saying an excluded control is implemented in whole or in part (a contradiction the
// judgement cannot settle: excluded, the clause's demand is a gap to justify; implemented, it is
// met). Reports at node (YAML) or at the row's line (CSV) through fail.
template <typename Fail>
bool CheckRow(const RuleSetData& rules, const SoaEntry& row, const WrittenRow& written,
              Fail fail) {
  bool ok = true;
  if (!row.applicable && !written.status.empty() &&
      (row.status == ControlStatus::kImplemented || row.status == ControlStatus::kPartial)) {
    fail("status", fmt::format("control {} is excluded ('applicable' is {}) but its status is "
                               "'{}': the SoA contradicts itself; make the control applicable, "
                               "or give the excluded control no status (or not_implemented)",
                               row.control, written.applicable, written.status.substr(0, 40)));
    ok = false;
  }
  if (std::string problem = CheckControl(rules, row.control); !problem.empty()) {
    fail("control", std::move(problem));
    ok = false;
  }
  if (!row.applicable && row.justification.empty()) {
    fail("justification", fmt::format("control {} is excluded ('applicable' is false) without a "
                                      "'justification': the SoA must say why",
                                      row.control));
    ok = false;
  }
  return ok;
}

// The columns of an SoA CSV, by role.
enum Column { kControl, kApplicable, kStatus, kJustification, kColumnCount };

// The column a header names, kColumnCount for one that is ignored (titles, notes), or -1.
int ColumnOf(const std::string& header) {
  static const std::map<std::string, int> kHeaders = {
      {"control", kControl},
      {"control id", kControl},
      {"control number", kControl},
      {"control ref", kControl},
      {"control reference", kControl},
      {"annex a control", kControl},
      {"annex a", kControl},
      {"id", kControl},
      {"ref", kControl},
      {"reference", kControl},
      {"applicable", kApplicable},
      {"applicability", kApplicable},
      {"applies", kApplicable},
      {"included", kApplicable},
      {"status", kStatus},
      {"implementation status", kStatus},
      {"implementation", kStatus},
      {"implemented", kStatus},
      {"justification", kJustification},
      {"justification for inclusion exclusion", kJustification},
      {"justification for exclusion", kJustification},
      {"reason", kJustification},
      {"rationale", kJustification},
      {"title", kColumnCount},
      {"name", kColumnCount},
      {"control name", kColumnCount},
      {"control title", kColumnCount},
      {"description", kColumnCount},
      {"notes", kColumnCount},
      {"comments", kColumnCount},
      {"owner", kColumnCount},
  };
  auto it = kHeaders.find(Loose(header));
  return it == kHeaders.end() ? -1 : it->second;
}

// yes / no / true / false / y / n, any case.
std::optional<bool> YesNo(std::string_view text) {
  const std::string loose = Loose(text);
  if (loose == "yes" || loose == "y" || loose == "true") return true;
  if (loose == "no" || loose == "n" || loose == "false") return false;
  return std::nullopt;
}

// The catalogue id a CSV cell names: as written, or with "A." added ("5.19" for A.5.19).
std::string ControlIdOf(const RuleSetData& rules, std::string cell) {
  while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.back()))) cell.pop_back();
  cell.erase(0, cell.find_first_not_of(" \t"));
  if (cell.size() > 2 && (cell[0] == 'a' || cell[0] == 'A') && cell[1] == '.') cell[0] = 'A';
  if (!cell.empty() && std::isdigit(static_cast<unsigned char>(cell[0]))) {
    const std::string prefixed = "A." + cell;
    for (const ControlEntry& control : rules.controls) {
      if (control.id == prefixed) return prefixed;
    }
  }
  return cell;
}

// Reads the records of an SoA CSV named `name` (as errors show it) into *rows.
void ReadCsvRows(ProfileReader& reader, const std::string& name,
                 const std::vector<CsvRecord>& records, std::vector<SoaEntry>* rows) {
  auto fail = [&](int line, const std::string& field, std::string detail) {
    reader.Add(Error(ErrorCode::kRuleError, std::move(detail), name, line), field);
  };
  if (records.empty()) {
    return fail(0, "soa_csv",
                "the CSV file is empty: it needs a header row (control, "
                "applicable, status, justification) and a row per control");
  }
  const CsvRecord& header = records.front();
  int where[kColumnCount] = {-1, -1, -1, -1};
  static const char* const kRoles[] = {"control", "applicable", "status", "justification"};
  // Empty columns at the end of the header ("control,...,justification," as spreadsheets export
  // it) are ignored, and a row may have them or not (issue 13 s8 #7).
  std::size_t used = header.fields.size();
  while (used > 0 && header.fields[used - 1].find_first_not_of(" \t") == std::string::npos) {
    --used;
  }
  for (std::size_t i = 0; i < used; ++i) {
    const int column = ColumnOf(header.fields[i]);
    if (column < 0) {
      return fail(header.line, "soa_csv",
                  fmt::format("unknown column '{}' in the header row: expected control, "
                              "applicable, status and justification (titles and notes "
                              "columns are ignored)",
                              header.fields[i].substr(0, 60)));
    }
    if (column == kColumnCount) continue;
    if (where[column] >= 0) {
      return fail(header.line, "soa_csv",
                  fmt::format("two columns for '{}' in the header row ('{}' and '{}')",
                              kRoles[column], header.fields[where[column]], header.fields[i]));
    }
    where[column] = static_cast<int>(i);
  }
  for (int column = 0; column < kColumnCount; ++column) {
    if (where[column] < 0) {
      return fail(header.line, "soa_csv",
                  fmt::format("no '{}' column in the header row: expected control, applicable, "
                              "status and justification",
                              kRoles[column]));
    }
  }
  for (std::size_t r = 1; r < records.size() && !reader.Full(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != header.fields.size() && record.fields.size() != used) {
      fail(record.line, "soa_csv",
           fmt::format("the row has {} fields, the header {}", record.fields.size(),
                       header.fields.size()));
      continue;
    }
    auto cell = [&](Column column) -> const std::string& { return record.fields[where[column]]; };
    SoaEntry row;
    row.file = name;
    row.line = record.line;
    row.control = ControlIdOf(reader.rules(), cell(kControl));
    row.justification = cell(kJustification);
    bool ok = true;
    if (std::optional<bool> applicable = YesNo(cell(kApplicable))) {
      row.applicable = *applicable;
    } else {
      fail(record.line, "soa_csv.applicable",
           fmt::format("'applicable' must be yes or no (or true or false), found '{}'",
                       cell(kApplicable).substr(0, 40)));
      ok = false;
    }
    if (std::optional<ControlStatus> status = StatusOf(cell(kStatus))) {
      row.status = *status;
    } else if (!(Loose(cell(kStatus)).empty() && !row.applicable)) {
      fail(record.line, "soa_csv.status",
           fmt::format("'status' must be implemented, partial, planned or not_implemented, "
                       "found '{}'",
                       cell(kStatus).substr(0, 40)));
      ok = false;
    }
    ok = CheckRow(reader.rules(), row, {Loose(cell(kApplicable)), cell(kStatus)},
                  [&](const char* field, std::string detail) {
                    fail(record.line, std::string("soa_csv.") + field, std::move(detail));
                  }) &&
         ok;
    if (ok) rows->push_back(std::move(row));
  }
}

}  // namespace

void ReadSoa(ProfileReader& reader, const YAML::Node& node, std::vector<SoaEntry>* rows) {
  const YamlFile& file = reader.file();
  if (!node.IsSequence()) {
    return reader.Fail(node, "soa",
                       fmt::format("expected a list for 'soa', found {}", KindName(node)));
  }
  for (std::size_t i = 0; i < node.size() && !reader.Full(); ++i) {
    const std::string field = ItemField("soa", i);
    const YAML::Node item = node[i];
    Fields fields;
    if (!reader.Check(Fields::Read(file, item, "SoA row",
                                   {"control", "applicable", "status", "justification"},
                                   {"control", "applicable"}, &fields),
                      field)) {
      continue;
    }
    SoaEntry row;
    row.file = file.source().name;
    row.line = item.Mark().line + 1;
    bool ok = reader.Check(ReadString(file, *fields.Find("control"), "control", &row.control),
                           field + ".control");
    ok = reader.Check(ReadBool(file, *fields.Find("applicable"), "applicable", &row.applicable),
                      field + ".applicable") &&
         ok;
    if (const YAML::Node* status = fields.Find("status")) {
      std::size_t index = 0;
      if (reader.Check(ReadEnum(file, *status, "status", kStatusNames, &index),
                       field + ".status")) {
        row.status = static_cast<ControlStatus>(index);
      } else {
        ok = false;
      }
    } else if (ok && row.applicable) {
      reader.Fail(item, field + ".status",
                  fmt::format("control {} is applicable but has no 'status' (implemented, "
                              "partial, planned or not_implemented)",
                              row.control));
      ok = false;
    }
    ok = reader.Check(ReadOptionalString(file, fields, "justification", &row.justification),
                      field + ".justification") &&
         ok;
    if (!ok) continue;
    const YAML::Node* status = fields.Find("status");
    const WrittenRow written{row.applicable ? "true" : "false",
                             status != nullptr ? status->Scalar() : ""};
    if (CheckRow(reader.rules(), row, written, [&](const char* key, std::string detail) {
          const YAML::Node* at = fields.Find(key);
          reader.Fail(at != nullptr ? *at : item, field + "." + key, std::move(detail));
        })) {
      rows->push_back(std::move(row));
    }
  }
}

void ImportSoaCsv(ProfileReader& reader, const YAML::Node& node, std::string* written,
                  std::vector<SoaEntry>* rows) {
  if (!reader.Check(ReadString(reader.file(), node, "soa_csv", written), "soa_csv")) return;
  std::string path;
  if (std::optional<PathProblem> problem =
          ResolveInFolder(reader.folder(), *written, &path, kMaxCsvBytes, "SoA CSV files")) {
    Error at = reader.file().At(node, problem->detail);
    reader.Add(Error(problem->code, at.detail(), at.file(), at.line(), at.column()), "soa_csv");
    return;
  }
  Result<std::string> text = ReadFileUpTo(path, kMaxCsvBytes, {"SoA CSV", "SoA CSV files"});
  if (!text) return reader.Add(text.error(), "soa_csv");
  if (std::optional<Error> problem = CsvEncodingProblem(*text, path)) {
    return reader.Add(*problem, "soa_csv");
  }
  Result<std::vector<CsvRecord>> records = ReadCsv(*text, path);
  // A header of one field with ';' in it: an export with ';' between fields (European locales).
  if (records && !records->empty() && records->front().fields.size() == 1 &&
      records->front().fields.front().find(';') != std::string::npos) {
    records = ReadCsv(*text, path, ';');
  }
  if (!records) return reader.Add(records.error(), "soa_csv");
  ReadCsvRows(reader, path, *records, rows);
}

void CheckSoaUnique(ProfileReader& reader, const std::vector<SoaEntry>& rows) {
  std::map<std::string, const SoaEntry*> seen;
  for (const SoaEntry& row : rows) {
    auto [it, added] = seen.emplace(row.control, &row);
    if (added) continue;
    reader.Add(Error(ErrorCode::kRuleError,
                     fmt::format("control {} has a row already, at {}:{}: one row per control",
                                 row.control, it->second->file, it->second->line),
                     row.file, row.line),
               row.file == reader.file().source().name ? "soa.control" : "soa_csv.control");
  }
}

}  // namespace clausescan::internal

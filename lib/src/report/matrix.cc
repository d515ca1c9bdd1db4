#include "report/matrix.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "report/left_out.h"
#include "report/strings.h"

namespace clausescan::internal {
namespace {

struct KnownCategory {
  std::string_view id;
  std::string_view abbreviation;
  std::string_view title;
};

// The categories of rules/categories.yaml (ids are part of the report contract), in its order,
// with a short column header each. A category added there without an entry here still prints:
// its title and abbreviation are then derived from the id.
constexpr std::array<KnownCategory, 12> kKnownCategories = {{
    {"incident_notification", "INC", "Security incident notification"},
    {"data_deletion", "DEL", "Return and deletion of data"},
    {"subprocessors", "SUB", "Sub-processors"},
    {"audit_rights", "AUD", "Audit rights"},
    {"indemnification", "IND", "Indemnification"},
    {"liability_cap", "LIA", "Limitation of liability"},
    {"insurance", "INS", "Insurance"},
    {"sla_uptime", "SLA", "Service levels and uptime"},
    {"international_transfers", "XFR", "International data transfers"},
    {"security_measures", "SEC", "Security measures"},
    {"data_processing", "ART28", "Processor duties (GDPR Art. 28)"},
    {"governing_law", "LAW", "Governing law and jurisdiction"},
}};

const KnownCategory* FindKnown(std::string_view category) {
  for (const KnownCategory& known : kKnownCategories) {
    if (known.id == category) return &known;
  }
  return nullptr;
}

std::size_t Rank(std::string_view category) {
  for (std::size_t i = 0; i < kKnownCategories.size(); ++i) {
    if (kKnownCategories[i].id == category) return i;
  }
  return kKnownCategories.size();
}

// The known abbreviation, else the first three letters or digits of the id, upper-cased.
std::string BaseAbbreviation(std::string_view category) {
  if (const KnownCategory* known = FindKnown(category)) return std::string(known->abbreviation);
  std::string out;
  for (char c : category) {
    if (std::isalnum(static_cast<unsigned char>(c)) && out.size() < 3) out += c;
  }
  return out.empty() ? "CAT" : AsciiUpper(out);
}

// Abbreviations parallel to categories, made unique with a number suffix ("INS", "INS2").
std::vector<std::string> Abbreviations(const std::vector<std::string>& categories) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const std::string& category : categories) {
    std::string base = BaseAbbreviation(category);
    std::string candidate = base;
    for (int n = 2; used.count(candidate) > 0; ++n) candidate = base + std::to_string(n);
    used.insert(candidate);
    out.push_back(candidate);
  }
  return out;
}

MatrixCell Worse(MatrixCell cell, MatrixCell::State state, Risk risk) {
  if (cell.state == MatrixCell::State::kNone || (state == cell.state && risk > cell.risk) ||
      (state == MatrixCell::State::kFound && cell.state == MatrixCell::State::kMissing)) {
    return {state, risk};
  }
  return cell;
}

}  // namespace

std::string CategoryTitle(std::string_view category) {
  if (const KnownCategory* known = FindKnown(category)) return std::string(known->title);
  std::string out(category);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

void SortCategories(std::vector<std::string>& categories) {
  std::sort(categories.begin(), categories.end(), [](const std::string& a, const std::string& b) {
    std::size_t rank_a = Rank(a);
    std::size_t rank_b = Rank(b);
    return rank_a != rank_b ? rank_a < rank_b : a < b;
  });
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
}

SummaryMatrix BuildSummaryMatrix(const std::vector<Report>& reports) {
  SummaryMatrix matrix;
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) matrix.categories.push_back(f.category);
    for (const MissingClause& m : report.missing) matrix.categories.push_back(m.category);
  }
  SortCategories(matrix.categories);
  matrix.abbreviations = Abbreviations(matrix.categories);
  auto column = [&](const std::string& category) {
    auto it = std::find(matrix.categories.begin(), matrix.categories.end(), category);
    return static_cast<std::size_t>(it - matrix.categories.begin());
  };
  for (const Report& report : reports) {
    std::vector<MatrixCell> row(matrix.categories.size());
    for (const Finding& f : report.findings) {
      MatrixCell& cell = row[column(f.category)];
      cell = Worse(cell, MatrixCell::State::kFound, f.risk);
    }
    for (const MissingClause& m : report.missing) {
      MatrixCell& cell = row[column(m.category)];
      cell = Worse(cell, MatrixCell::State::kMissing, m.risk);
    }
    for (const std::string& category : report.left_out.categories) {
      const std::size_t c = column(category);
      if (c < row.size() && row[c].state == MatrixCell::State::kNone) {
        row[c].state = MatrixCell::State::kFiltered;
      }
    }
    matrix.cells.push_back(std::move(row));
  }
  return matrix;
}

std::array<std::size_t, 4> CountByRisk(const std::vector<Finding>& findings) {
  std::array<std::size_t, 4> counts{};
  for (const Finding& f : findings) ++counts[static_cast<int>(f.risk)];
  return counts;
}

std::vector<CategoryGroup> GroupByCategory(const Report& report) {
  std::vector<std::string> categories;
  for (const Finding& f : report.findings) categories.push_back(f.category);
  SortCategories(categories);
  std::vector<CategoryGroup> groups;
  for (const std::string& category : categories) {
    CategoryGroup group{category, {}};
    for (const Finding& f : report.findings) {
      if (f.category == category) group.findings.push_back(&f);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

namespace {
// "; left out below ..." or "".
std::string LeftOutTail(const LeftOut& left_out) {
  std::string words = LeftOutWords(left_out);
  return words.empty() ? words : "; " + words;
}
}  // namespace

std::string TotalsSentence(const std::vector<Report>& reports) {
  std::array<std::size_t, 4> counts{};
  std::size_t findings = 0;
  std::size_t missing = 0;
  for (const Report& report : reports) {
    std::array<std::size_t, 4> report_counts = CountByRisk(report.findings);
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += report_counts[i];
    findings += report.findings.size();
    missing += report.missing.size();
  }
  return Plural(findings, "finding", "findings") + " (" +
         std::to_string(counts[static_cast<int>(Risk::kHigh)]) + " high, " +
         std::to_string(counts[static_cast<int>(Risk::kMedium)]) + " medium, " +
         std::to_string(counts[static_cast<int>(Risk::kLow)]) + " low, " +
         std::to_string(counts[static_cast<int>(Risk::kInfo)]) + " info) and " +
         Plural(missing, "missing clause", "missing clauses") + " in " +
         Plural(reports.size(), "document", "documents") + LeftOutTail(TotalLeftOut(reports));
}

}  // namespace clausescan::internal

// The summary matrix shared by the text, Markdown and HTML reports: one row per document, one
// column per category, the worst risk in each cell. Also how categories are named and ordered.
#ifndef CLAUSESCAN_REPORT_MATRIX_H_
#define CLAUSESCAN_REPORT_MATRIX_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// A category's title for people: "Security incident notification" for the ids of
// rules/categories.yaml, else the id with '_' as spaces and a capital first letter.
std::string CategoryTitle(std::string_view category);

// Sorts category ids in presentation order: the order of rules/categories.yaml, then unknown
// ids alphabetically. Removes duplicates.
void SortCategories(std::vector<std::string>& categories);

struct MatrixCell {
  // kFiltered: nothing shown, but a minimum risk left out findings or missing clauses of it.
  enum class State { kNone, kFound, kMissing, kFiltered };
  State state = State::kNone;
  Risk risk = Risk::kInfo;  // the worst finding's risk (kFound) or the missing clause's (kMissing)
};

struct SummaryMatrix {
  std::vector<std::string> categories;         // columns: every category of a finding or missing
                                               // clause in any report, in presentation order
  std::vector<std::string> abbreviations;      // short unique column headers ("INC"), parallel
  std::vector<std::vector<MatrixCell>> cells;  // [report][column]
};

SummaryMatrix BuildSummaryMatrix(const std::vector<Report>& reports);

// Number of findings per risk, indexed by static_cast<int>(Risk).
std::array<std::size_t, 4> CountByRisk(const std::vector<Finding>& findings);

// A report's findings grouped by category: categories in presentation order, findings in
// document order within each.
struct CategoryGroup {
  std::string category;
  std::vector<const Finding*> findings;
};
std::vector<CategoryGroup> GroupByCategory(const Report& report);

// "12 findings (3 high, 4 medium, 5 low, 0 info) and 2 missing clauses in 3 documents".
std::string TotalsSentence(const std::vector<Report>& reports);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_MATRIX_H_

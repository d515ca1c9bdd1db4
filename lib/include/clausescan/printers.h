// Report printers. Each writes one or more reports to a stream; none of them fails except by
// the stream failing (check the stream's state afterwards).
#ifndef CLAUSESCAN_PRINTERS_H_
#define CLAUSESCAN_PRINTERS_H_

#include <ostream>
#include <vector>

#include "clausescan/report.h"

namespace clausescan {

// One JSON object per report, in the contract of docs/report-format.md, followed by a newline.
void WriteJson(const Report& report, std::ostream& out);
// Several reports as one JSON array.
void WriteJsonArray(const std::vector<Report>& reports, std::ostream& out);

struct TextStyle {
  bool color = false;  // ANSI colours for risk levels and headings
};
// A human-readable report: per finding the line and section, the clause quoted, parameters,
// risk with reasons, controls, evidence and considerations; then missing clauses.
void WriteText(const Report& report, std::ostream& out, const TextStyle& style = {});

}  // namespace clausescan

#endif  // CLAUSESCAN_PRINTERS_H_

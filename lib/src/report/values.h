// How parameter values read in reasons and reports: shared by assess/ and the printers so a
// number reads the same everywhere.
#ifndef CLAUSESCAN_REPORT_VALUES_H_
#define CLAUSESCAN_REPORT_VALUES_H_

#include <optional>
#include <string>

#include "clausescan/report.h"

namespace clausescan::internal {

// The value of a number that is a whole number small enough to be exact in a double
// (|x| < 2^53), else nullopt. 24.0 -> 24; 99.9, NaN and infinities -> nullopt.
std::optional<long long> AsInteger(double value);

// A number as a person writes it: "24" (no trailing ".0"), "99.9", "0.5" (shortest form that
// reads back as the same double). Non-finite values print as "nan", "inf", "-inf".
std::string FormatNumber(double value);

// FormatNumber with thousands separators from 10,000 on: "5,000,000", "24", "99.9".
std::string FormatAmount(double value);

// A parameter value as plain words: numbers per FormatNumber, "true"/"false", a word as is, a
// list joined with ", ".
std::string FormatValue(const ParamValue& value);

// Whose duty or right a finding states, from the user's side, for reports: "our duty (Ehave)",
// "their right (CHT)", "both parties' duty (Ehave and CHT)", "third party (regulator)"; the
// party word when the side is not said ("supplier's duty"); "" when the finding names no party.
std::string SideMarker(const Finding& finding);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_VALUES_H_

#include "report/values.h"

#include <fmt/format.h>

#include <cmath>
#include <type_traits>

namespace clausescan::internal {

std::optional<long long> AsInteger(double value) {
  constexpr double kExactLimit = 9007199254740992.0;  // 2^53
  if (!std::isfinite(value) || std::fabs(value) >= kExactLimit) return std::nullopt;
  if (std::trunc(value) != value) return std::nullopt;
  return static_cast<long long>(value);
}

std::string FormatNumber(double value) {
  if (std::optional<long long> whole = AsInteger(value)) return std::to_string(*whole);
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{}", value);  // shortest round-trip form
}

std::string FormatAmount(double value) {
  std::string plain = FormatNumber(value);
  std::optional<long long> whole = AsInteger(value);
  if (!whole || *whole < 10000) return plain;
  std::string out;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out;
}

std::string FormatValue(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          return FormatNumber(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          std::string joined;
          for (const std::string& item : v) {
            if (!joined.empty()) joined += ", ";
            joined += item;
          }
          return joined;
        }
      },
      value);
}

std::string SideMarker(const Finding& finding) {
  if (finding.party.empty()) return "";
  const std::string what = finding.holds == "right" ? "right" : "duty";
  std::string marker;
  if (finding.side == "us") {
    marker = "our " + what;
  } else if (finding.side == "them") {
    marker = "their " + what;
  } else if (finding.side == "both") {
    marker = "both parties' " + what;
  } else if (finding.side == "neither" || finding.party == "third") {
    marker = "third party";
  } else {
    marker = finding.party + "'s " + what;
  }
  if (!finding.party_name.empty()) marker += " (" + finding.party_name + ")";
  return marker;
}

}  // namespace clausescan::internal

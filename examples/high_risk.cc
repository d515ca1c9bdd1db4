// Scans one contract and prints its high-risk findings and missing clauses.
//   high_risk addendum.md
#include <clausescan/clausescan.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: high_risk FILE\n";
    return 2;
  }
  clausescan::Result<clausescan::RuleSet> rules = clausescan::RuleSet::Builtin();
  if (!rules) {
    std::cerr << rules.error().message() << "\n";
    return 2;
  }
  clausescan::Scanner scanner(*rules);
  clausescan::Result<clausescan::Report> report = scanner.ScanFile(argv[1]);
  if (!report) {
    std::cerr << report.error().message() << "\n";
    return 2;
  }
  for (const clausescan::Finding& finding : report->findings) {
    if (finding.risk != clausescan::Risk::kHigh) continue;
    std::cout << argv[1] << ":" << finding.line << ": " << finding.category << " ("
              << finding.section << ")\n";
    for (const std::string& reason : finding.reasons) std::cout << "  why: " << reason << "\n";
    for (const std::string& text : finding.considerations) {
      std::cout << "  propose: " << text << "\n";
    }
  }
  for (const clausescan::MissingClause& missing : report->missing) {
    if (missing.risk == clausescan::Risk::kHigh) {
      std::cout << argv[1] << ": missing " << missing.category << ": " << missing.reason << "\n";
    }
  }
  return 0;
}

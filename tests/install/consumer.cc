// Written against the installed package only, exactly as another team would.
#include <clausescan/clausescan.h>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto rules = clausescan::RuleSet::Builtin();
  if (!rules) { std::cerr << rules.error().message() << "\n"; return 2; }
  clausescan::Scanner scanner(*rules);
  auto report = scanner.ScanFile(argv[1]);
  if (!report) { std::cerr << report.error().message() << "\n"; return 2; }
  clausescan::WriteJson(*report, std::cout);
  return 0;
}

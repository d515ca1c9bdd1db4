// Scans many contracts on a small thread pool that shares one RuleSet, and prints one line per
// document (worst risk and number of findings) in the order given.
//   parallel_scan a.md b.txt c.md ...
#include <clausescan/clausescan.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  clausescan::Result<clausescan::RuleSet> rules = clausescan::RuleSet::Builtin();
  if (!rules) {
    std::cerr << rules.error().message() << "\n";
    return 2;
  }
  // One RuleSet shared by every thread; each thread makes its own cheap Scanner.
  std::vector<std::string> lines(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    clausescan::Scanner scanner(*rules);
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      clausescan::Result<clausescan::Report> report = scanner.ScanFile(paths[i]);
      lines[i] = report ? paths[i] + ": " + std::string(clausescan::RiskName(report->WorstRisk())) +
                              ", " + std::to_string(report->findings.size()) + " findings"
                        : report.error().message();
    }
  };
  unsigned count = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < count; ++t) pool.emplace_back(work);
  for (std::thread& thread : pool) thread.join();
  for (const std::string& line : lines) std::cout << line << "\n";
  return 0;
}

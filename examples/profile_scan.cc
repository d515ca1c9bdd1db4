// Scans one contract judged against a company profile (docs/profile.md) and prints, per finding,
// whether the profile meets it, the user's documents that answer it and what to act on; then the
// documents that expire before the contract's term ends, with the findings each answers.
//   profile_scan acme-profile.yaml addendum.md [AS_OF [TERM_ENDS]]
// AS_OF (YYYY-MM-DD, default today) is the day the documents are judged on; TERM_ENDS the day the
// contract's term ends (default: the term the contract states, if any).
#include <clausescan/clausescan.h>

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

// The date argv[i] holds, or nullopt (with a message) when it is not a real YYYY-MM-DD date.
std::optional<clausescan::CalendarDate> DateArgument(const char* text, const char* what) {
  std::optional<clausescan::CalendarDate> date = clausescan::CalendarDate::Parse(text);
  if (!date) std::cerr << "profile_scan: " << what << " '" << text << "' is not a YYYY-MM-DD date\n";
  return date;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::cerr << "usage: profile_scan PROFILE CONTRACT [AS_OF [TERM_ENDS]]\n";
    return 2;
  }
  clausescan::Result<clausescan::RuleSet> rules = clausescan::RuleSet::Builtin();
  if (!rules) {
    std::cerr << rules.error().message() << "\n";
    return 2;
  }
  clausescan::ProfileResult profile = clausescan::LoadProfile(argv[1], *rules);
  if (!profile) {
    for (const clausescan::ProfileError& error : profile.errors()) {
      std::cerr << error.message() << "\n";
    }
    return 2;
  }
  clausescan::ScanOptions options;
  options.profile = std::make_shared<const clausescan::Profile>(std::move(profile).value());
  if (argc > 3 && !(options.profile_date = DateArgument(argv[3], "AS_OF"))) return 2;
  if (argc > 4 && !(options.term_ends = DateArgument(argv[4], "TERM_ENDS"))) return 2;
  clausescan::Scanner scanner(*rules, options);
  clausescan::Result<clausescan::Report> report = scanner.ScanFile(argv[2]);
  if (!report) {
    std::cerr << report.error().message() << "\n";
    return 2;
  }
  const clausescan::DocumentInfo& document = report->document;
  std::cout << document.path << ": judged against " << document.profile << " on "
            << document.profile_date;
  if (!document.term_ends.empty()) std::cout << ", term ends " << document.term_ends;
  std::cout << "\n";
  // Evidence id -> the lines of the findings whose document expires before the term ends.
  std::map<std::string, std::vector<int>> expiring;
  std::map<std::string, std::string> expiring_until;
  for (const clausescan::Finding& finding : report->findings) {
    if (!finding.profile) continue;
    const clausescan::ProfileJudgement& judgement = *finding.profile;
    std::cout << "line " << finding.line << " " << finding.rule << " ("
              << clausescan::RiskName(finding.risk) << ")";
    if (!judgement.verdict.empty()) std::cout << ": " << judgement.summary;
    std::cout << "\n";
    for (const clausescan::ProfileDocument& doc : judgement.documents) {
      std::cout << "  " << doc.evidence << ": " << doc.status
                << (doc.file.empty() ? "" : " (" + doc.file + ")") << "\n";
      if (doc.expires_before_term) {
        expiring[doc.title].push_back(finding.line);
        expiring_until[doc.title] = doc.valid_until;
      }
    }
    for (const clausescan::ControlGap& gap : judgement.gaps) {
      std::cout << "  SoA: " << gap.control << " " << gap.title << " is " << gap.state << "\n";
    }
  }
  for (const auto& [title, lines] : expiring) {
    std::cout << title << " expires " << expiring_until[title]
              << ", before the term ends; it answers the findings at lines";
    for (int line : lines) std::cout << " " << line;
    std::cout << "\n";
  }
  return 0;
}

#include "assess/mandated_text.h"

#include <re2/re2.h>

#include <string>

#include "assess/assess.h"
#include "assess/rationale.h"

namespace clausescan::internal {
namespace {

// The clause number a heading starts with, of FAR (52.2xx-x), DFARS (252.2xx-7xxx), VAAR
// (852.xxx-x), HSAR (3052.xxx-x) or GSAR (552.2xx-x), as sectors.yaml's federal signal reads
// them; "" when it starts with none.
std::string ClauseNumberOf(const std::string& heading) {
  static const RE2 kNumber(
      R"(^\W*(?:(?:FAR|DFARS|VAAR|HSAR|GSAR)\s+)?(52\.2\d\d-\d+|252\.2\d\d-\d{4}|852\.\d{3}-\d+|3052\.\d{3}-\d+|552\.2\d\d-\d+)\b)");
  std::string number;
  return RE2::PartialMatch(heading, kNumber, &number) ? number : std::string();
}

// A clause's own title line under its number: all capitals ("SAFEGUARDING COVERED DEFENSE
// INFORMATION") or ending in a version date ("Cloud Computing Services (JAN 2023)").
bool IsClauseTitleLine(const std::string& heading) {
  static const RE2 kVersionDate(R"(\((?:[A-Z][A-Za-z]{2,8}\.?\s+)?\d{4}\)\W*$)");
  static const RE2 kLowerCase(R"([a-z])");
  return RE2::PartialMatch(heading, kVersionDate) || !RE2::PartialMatch(heading, kLowerCase);
}

}  // namespace

bool InRegulationClause(const Outline& outline, int section) {
  return !RegulationClauseOf(outline, section).empty();
}

std::string RegulationClauseOf(const Outline& outline, int section) {
  if (section < 0 || static_cast<std::size_t>(section) >= outline.sections.size()) return "";
  // Walking back: the lowest level seen among headings that would close a clause opened before
  // them; a clause heading at a deeper level than that is closed.
  int closing_level = 1 << 20;
  for (int i = section; i >= 0; --i) {
    const Section& s = outline.sections[static_cast<std::size_t>(i)];
    std::string number = ClauseNumberOf(s.label);
    if (!number.empty()) return s.level < closing_level ? number : std::string();
    if (!IsClauseTitleLine(s.label)) closing_level = std::min(closing_level, s.level);
  }
  return "";
}

namespace {

// Replaces the considerations of finding by the `mandated_answers` of kind `kind` of its rule,
// else its category, offered on its parameters. False, leaving it as it is, when neither has
// answers of that kind.
bool OfferMandatedAnswers(const RuleSetData& data, std::string_view kind, Finding& finding) {
  for (const std::string& key : {finding.rule, finding.category}) {
    auto entry = data.rationales.find(key);
    if (entry == data.rationales.end()) continue;
    auto answers = entry->second.mandated_answers.find(std::string(kind));
    if (answers == entry->second.mandated_answers.end()) continue;
    finding.considerations.clear();
    for (const Consideration& answer : answers->second) OfferAnswer(answer, finding, "");
    return true;
  }
  return false;
}

}  // namespace

void GiveWayToMandatedText(const RuleSetData& data, std::string_view kind, Finding& finding) {
  if (OfferMandatedAnswers(data, kind, finding)) return;
  // The SCCs may not be modified (their Clause 2(a)): with no answer of what can be done, other
  // wording is proposed nowhere (issue 14 fourth review #3).
  if (kind == "scc") finding.considerations.clear();
}

bool NamesSccs(std::string_view text) {
  static const RE2 kSccsNamed(R"((?i)\bsccs?\b|\bstandard contractual clauses\b|\b2021/914\b)");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kSccsNamed);
}

bool CompletesSccs(const Finding& finding) {
  static const RE2 kClauseCited(R"((?i)\bclauses? (?:1[0-8]|[1-9])(?:\.\d+)?\b)");
  static const RE2 kTransfers(R"((?i)\btransfers?\b)");
  // A clause number alone may be the document's own ("under this clause 10"): it is the SCCs'
  // where the clause or its heading names them, or the heading is about transfers.
  if (RE2::PartialMatch(finding.text, kClauseCited) &&
      (NamesSccs(finding.text) || NamesSccs(finding.section) ||
       RE2::PartialMatch(finding.section, kTransfers))) {
    return true;
  }
  return finding.category != "international_transfers" && NamesSccs(finding.text);
}

void GiveWayToSccsCompleted(const RuleSetData& data, Finding& finding) {
  if (CompletesSccs(finding)) OfferMandatedAnswers(data, "scc", finding);
}

}  // namespace clausescan::internal

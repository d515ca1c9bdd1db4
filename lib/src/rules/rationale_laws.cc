#include "rules/rationale_laws.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace clausescan::internal {
namespace {

struct LawPattern {
  const char* sector;
  const char* pattern;  // case-sensitive: the law's own spelling
};

// The sector laws as rationale sentences cite them.
constexpr std::array<LawPattern, 11> kLaws = {{
    {"gdpr-controllers",
     R"(\bGDPR\b|\bSCCs?\b|\b2016/679\b|\b2021/914\b|[Ss]tandard [Cc]ontractual )"
     R"([Cc]lauses|\bEU transfer clauses\b)"},
    {"eu-financial-entities", R"(\bDORA\b|\b2022/2554\b|\bEU financial entit)"},
    {"ny-dfs-regulated", R"(\bNYDFS\b|\bNYCRR\b|\bNY DFS\b)"},
    {"us-hipaa-covered-entities",
     R"(\bHIPAA\b|\b45 CFR\b|\b[Bb]usiness associates?\b|\b[Cc]overed entit)"},
    {"card-data-handlers", R"(\bPCI DSS\b|\bPCI-DSS\b)"},
    {"us-federal-contractors", R"(\bFAR\b|\b48 CFR\b|\bFedRAMP\b|\bFISMA\b)"},
    {"us-dod-contractors", R"(\bDFARS\b)"},
    {"us-va-contractors", R"(\bVAAR\b)"},
    {"us-dhs-contractors", R"(\bHSAR\b)"},
    {"uk-gdpr-controllers", R"(\bUK GDPR\b|\bData Protection Act 2018\b)"},
    {"ch-fadp-controllers", R"(\bFADP\b)"},
}};

// Sectors shown only together with another (sectors.yaml `within`).
constexpr std::array<std::pair<const char*, const char*>, 3> kWithin = {{
    {"us-dod-contractors", "us-federal-contractors"},
    {"us-va-contractors", "us-federal-contractors"},
    {"us-dhs-contractors", "us-federal-contractors"},
}};

const std::vector<std::unique_ptr<RE2>>& Compiled() {
  static const auto* compiled = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>();
    for (const LawPattern& law : kLaws) out->push_back(std::make_unique<RE2>(law.pattern));
    return out;
  }();
  return *compiled;
}

}  // namespace

std::vector<NamedLaw> SectorLawsNamed(const std::string& sentence) {
  std::vector<NamedLaw> out;
  const auto& compiled = Compiled();
  for (std::size_t i = 0; i < kLaws.size(); ++i) {
    if (!compiled[i]->ok()) continue;
    re2::StringPiece match;
    std::size_t pos = 0;
    while (pos < sentence.size() &&
           compiled[i]->Match(sentence, pos, sentence.size(), RE2::UNANCHORED, &match, 1)) {
      const auto at = static_cast<std::size_t>(match.data() - sentence.data());
      // "UK GDPR" is the UK's law, not the EU's.
      const bool uk = match == "GDPR" && at >= 3 && sentence.compare(at - 3, 3, "UK ") == 0;
      if (!uk) {
        out.push_back({kLaws[i].sector, std::string(match.data(), match.size())});
        break;
      }
      pos = at + match.size();
    }
  }
  return out;
}

bool MayNameLawOf(const std::vector<std::string>& sectors, const std::string& law_sector) {
  auto has = [&](const std::string& s) {
    return std::find(sectors.begin(), sectors.end(), s) != sectors.end();
  };
  if (has("all")) return false;
  if (has(law_sector)) return true;
  return std::any_of(kWithin.begin(), kWithin.end(), [&](const auto& pair) {
    return pair.second == law_sector && has(pair.first);
  });
}

std::vector<std::string> RegulationClausesCited(std::string_view text) {
  static const RE2 kNumber(
      R"(\b(52\.2\d\d-\d+|252\.2\d\d-\d{4}|852\.\d{3}-\d+|3052\.\d{3}-\d+|552\.2\d\d-\d+)\b)");
  std::vector<std::string> out;
  re2::StringPiece input(text.data(), text.size());
  std::string number;
  while (RE2::FindAndConsume(&input, kNumber, &number)) {
    if (std::find(out.begin(), out.end(), number) == out.end()) out.push_back(number);
  }
  return out;
}

}  // namespace clausescan::internal

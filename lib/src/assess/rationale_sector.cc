#include "assess/rationale_sector.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <utility>

namespace clausescan::internal {
namespace {

struct SectorSignals {
  const char* sector;
  std::size_t needed;                  // distinct signals the document must show
  std::array<const char*, 5> signals;  // nullptr: unused
};

// Listed in the order ties are broken. Patterns are matched on the case-folded text.
const std::array<SectorSignals, 4> kSectors = {{
    {"us-federal-contractors",
     2,
     {R"(\b(?:far|dfars|vaar|hsar)\b)",
      R"(\b(?:52\.2\d\d-\d+|252\.2\d\d-\d{4}|852\.\d{3}-\d+|3052\.\d{3}-\d+)\b)",
      R"(\bcontracting officers?\b)", R"(\bthe government\b)", R"(\b(?:fedramp|fisma)\b)"}},
    {"us-hipaa-covered-entities",
     2,
     {R"(\bbusiness associates?\b)", R"(\bcovered entit(?:y|ies)\b)",
      R"(\bprotected health information\b|\bphi\b)", R"(\bhipaa\b|\b45 c\.?f\.?r\.?\b)", nullptr}},
    {"eu-financial-entities",
     2,
     {R"(\bdora\b|\b2022/2554\b|\bdigital operational resilience\b)",
      R"(\bfinancial entit(?:y|ies)\b)", R"(\bict third[- ]party service providers?\b)", nullptr,
      nullptr}},
    {"gdpr-controllers",
     3,
     {R"(\bgdpr\b|\b2016/679\b|\bgeneral data protection regulation\b)", R"(\bcontrollers?\b)",
      R"(\bprocessors?\b)", R"(\bdata subjects?\b|\bpersonal data breach\b)", nullptr}},
}};

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Whether the source's sectors mean "every sector": none given, or "all" among them.
bool General(const std::vector<std::string>& sectors) {
  return sectors.empty() || Has(sectors, "all");
}

const RationaleEntry* Find(const RuleSetData& data, const std::string& key) {
  auto it = data.rationales.find(key);
  return it == data.rationales.end() ? nullptr : &it->second;
}

// The sources of entry in the order `rank` gives (stable), dropping those ranked < 0.
template <typename Rank>
std::vector<RationaleSource> Ordered(const RationaleEntry& entry, Rank rank) {
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t i = 0; i < entry.shown.sources.size(); ++i) {
    static const std::vector<std::string> kNone;
    const std::vector<std::string>& sectors =
        i < entry.source_sectors.size() ? entry.source_sectors[i] : kNone;
    const int r = rank(sectors);
    if (r >= 0) order.emplace_back(r, i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RationaleSource> out;
  for (const auto& [r, i] : order) out.push_back(entry.shown.sources[i]);
  return out;
}

}  // namespace

std::vector<std::string> DocumentSectors(std::string_view folded) {
  struct Compiled {
    std::vector<std::unique_ptr<RE2>> patterns;  // every sector's signals, in order
    std::vector<std::size_t> sector_of;          // parallel to patterns: index into kSectors
    std::unique_ptr<RE2::Set> set;               // the same patterns; null if it failed
  };
  static const Compiled* compiled = [] {
    auto* out = new Compiled();
    out->set = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
    for (std::size_t i = 0; i < kSectors.size(); ++i) {
      for (const char* pattern : kSectors[i].signals) {
        if (pattern == nullptr) continue;
        out->patterns.push_back(std::make_unique<RE2>(pattern));
        out->sector_of.push_back(i);
        if (out->set != nullptr && out->set->Add(pattern, nullptr) < 0) out->set = nullptr;
      }
    }
    if (out->set != nullptr && !out->set->Compile()) out->set = nullptr;
    return out;
  }();
  // The signals found: one pass of the set over the text (issue 12: one search per signal was
  // 17 passes over every document), or each pattern alone if the set cannot answer.
  const re2::StringPiece text(folded.data(), folded.size());
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (compiled->set == nullptr ||
      (!compiled->set->Match(text, &matched, &error) && error.kind != RE2::Set::kNoError)) {
    matched.clear();
    for (std::size_t k = 0; k < compiled->patterns.size(); ++k) {
      if (RE2::PartialMatch(text, *compiled->patterns[k])) matched.push_back(static_cast<int>(k));
    }
  }
  std::vector<std::size_t> signals(kSectors.size(), 0);
  for (int k : matched) ++signals[compiled->sector_of[k]];
  std::vector<std::pair<std::size_t, std::size_t>> found;  // (signals, index)
  for (std::size_t i = 0; i < kSectors.size(); ++i) {
    if (signals[i] >= kSectors[i].needed) found.emplace_back(signals[i], i);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& [count, i] : found) out.emplace_back(kSectors[i].sector);
  return out;
}

void FitRationalesToSectors(const RuleSetData& data, const std::vector<std::string>& sectors,
                            Report* report) {
  if (sectors.empty()) return;
  for (Finding& finding : report->findings) {
    if (finding.rationale.text.empty()) continue;
    const RationaleEntry* own = Find(data, finding.rule);
    const RationaleEntry* category = Find(data, finding.category);
    const RationaleEntry* shown = own != nullptr ? own : category;
    if (shown == nullptr) continue;
    bool fitted = false;
    for (const std::string& sector : sectors) {
      for (const RationaleEntry* entry : {own, category}) {
        if (entry == nullptr) continue;
        auto text = entry->sector_text.find(sector);
        if (text == entry->sector_text.end()) continue;
        finding.rationale.text = text->second;
        finding.rationale.sectors = {sector};
        finding.rationale.sources = Ordered(*entry, [&](const std::vector<std::string>& of) {
          return Has(of, sector) ? 0 : General(of) ? 1 : -1;
        });
        fitted = true;
        break;
      }
      if (fitted) break;
    }
    if (fitted) continue;
    const int general = static_cast<int>(sectors.size());
    finding.rationale.sources = Ordered(*shown, [&](const std::vector<std::string>& of) {
      for (std::size_t i = 0; i < sectors.size(); ++i) {
        if (Has(of, sectors[i])) return static_cast<int>(i);
      }
      return General(of) ? general : general + 1;
    });
  }
}

}  // namespace clausescan::internal

#include "assess/rationale_sector.h"

#include <re2/re2.h>

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
  const char* within = nullptr;        // shown only with this sector, and just before it
};

// Listed in the order ties are broken. Patterns are matched on the case-folded text.
const std::array<SectorSignals, 5> kSectors = {{
    {"us-federal-contractors",
     2,
     {R"(\b(?:far|dfars|vaar|hsar|gsar)\b)",
      R"(\b(?:52\.2\d\d-\d+|252\.2\d\d-\d{4}|852\.\d{3}-\d+|3052\.\d{3}-\d+|552\.2\d\d-\d+)\b)",
      R"(\bcontracting officers?\b)", R"(\bthe government\b)", R"(\b(?:fedramp|fisma)\b)"}},
    // issue 14 (helper brief s6, item 2): a DFARS clause makes a federal buyer a defence one
    // (DFARS 252.204-7012's 72-hour report); FAR, VAAR, HSAR or GSAR alone do not, nor does DoD
    // named in FAR text ("in the event the contract is with the Department of Defense").
    {"us-dod-contractors",
     1,
     {R"(\bdfars\b)", R"(\b252\.2\d\d-\d{4}\b)", nullptr, nullptr, nullptr},
     "us-federal-contractors"},
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
    const char* sector;
    std::size_t needed;
    std::vector<std::unique_ptr<RE2>> patterns;
    const char* within;
  };
  static const std::vector<Compiled>* compiled = [] {
    auto* out = new std::vector<Compiled>();
    for (const SectorSignals& s : kSectors) {
      Compiled c{s.sector, s.needed, {}, s.within};
      for (const char* pattern : s.signals) {
        if (pattern != nullptr) c.patterns.push_back(std::make_unique<RE2>(pattern));
      }
      out->push_back(std::move(c));
    }
    return out;
  }();
  std::vector<std::pair<std::size_t, std::size_t>> found;  // (signals, index)
  for (std::size_t i = 0; i < compiled->size(); ++i) {
    std::size_t signals = 0;
    for (const auto& pattern : (*compiled)[i].patterns) {
      if (RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), *pattern)) ++signals;
    }
    if (signals >= (*compiled)[i].needed) found.emplace_back(signals, i);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& [signals, i] : found) {
    if ((*compiled)[i].within != nullptr) continue;  // placed with its sector below
    for (const auto& [inner_signals, j] : found) {
      const char* within = (*compiled)[j].within;
      if (within != nullptr && std::string_view(within) == (*compiled)[i].sector) {
        out.emplace_back((*compiled)[j].sector);
      }
    }
    out.emplace_back((*compiled)[i].sector);
  }
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

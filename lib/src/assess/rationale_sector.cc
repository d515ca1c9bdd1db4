#include "assess/rationale_sector.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <utility>

#include "rules/sector_loader.h"

namespace clausescan::internal {
namespace {

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

std::vector<std::string> DocumentSectors(const SectorTable& table, std::string_view folded) {
  const std::vector<SectorEntry>& sectors = table.entries;
  const re2::StringPiece text(folded.data(), folded.size());
  std::vector<std::size_t> signals(sectors.size(), 0);  // distinct signals found, per sector
  // One pass of the set over the text (issue 12), or each signal alone if the set cannot answer
  // (none was built, or it ran out of memory).
  std::vector<int> matched;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  const bool answered =
      table.signal_set != nullptr &&
      (table.signal_set->Match(text, &matched, &error) || error.kind == RE2::Set::kNoError);
  if (answered) {
    for (int k : matched) {
      if (k >= 0 && static_cast<std::size_t>(k) < table.sector_of.size()) {
        ++signals[table.sector_of[static_cast<std::size_t>(k)]];
      }
    }
  } else {
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      for (const auto& pattern : sectors[i].signals) {
        if (RE2::PartialMatch(text, *pattern)) ++signals[i];
      }
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> found;  // (signals, index)
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    if (signals[i] >= sectors[i].needs) found.emplace_back(signals[i], i);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& [count, i] : found) {
    if (!sectors[i].within.empty()) continue;  // placed with its sector below
    for (const auto& [inner_signals, j] : found) {
      if (sectors[j].within == sectors[i].id) out.push_back(sectors[j].id);
    }
    out.push_back(sectors[i].id);
  }
  return out;
}

std::vector<std::string> DocumentSectors(std::string_view folded) {
  return DocumentSectors(*BuiltinSectors(), folded);
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

// List items folded into their lead-in's finding; see list_items.h.
#include "assess/list_items.h"

#include <re2/re2.h>

#include <string>
#include <utility>

#include "assess/assess.h"
#include "assess/merge.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kShortItem = 160;  // longer items state terms of their own

// One list item: a marker ("(2)", "(b)", "2.", "-", "*"; a markdown escape "\)" allowed), then
// at most one sentence.
bool IsListItem(std::string_view text) {
  static const RE2 kItem(
      "\\s*(\\(?[0-9]{1,2}\\\\?[).]|\\(?[a-z]{1,3}\\\\?\\)|[-*\\x{2022}])\\s+[^.;:]*[.;]?\\s*");
  return text.size() <= kShortItem && RE2::FullMatch(text, kItem);
}

// True when gap (the document text between a lead-in and an item) holds only blank space and
// list items, one a line.
bool OnlyItems(std::string_view gap) {
  std::size_t pos = 0;
  while (pos < gap.size()) {
    std::size_t end = gap.find('\n', pos);
    if (end == std::string_view::npos) end = gap.size();
    const std::string_view line = gap.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos && !IsListItem(line)) {
      return false;
    }
    pos = end + 1;
  }
  return true;
}

bool EndsWithColon(std::string_view text) {
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return last != std::string_view::npos && text[last] == ':';
}

}  // namespace

void FoldListItems(const RuleSetData& data, std::string_view text, std::vector<Finding>& findings,
                   std::string_view doctype) {
  std::vector<bool> folded(findings.size(), false);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Finding& item = findings[i];
    if (!IsListItem(item.text)) continue;
    for (std::size_t j = i; j-- > 0;) {
      Finding& lead = findings[j];
      if (folded[j] || lead.category != item.category || lead.section != item.section) continue;
      if (!EndsWithColon(lead.text) || lead.end > item.start || item.start > text.size() ||
          !OnlyItems(text.substr(lead.end, item.start - lead.end))) {
        break;
      }
      const std::size_t before = lead.parameters.size();
      for (const auto& [name, value] : item.parameters) lead.parameters.emplace(name, value);
      // issue 15 #3: the item's rules judge the list too, as a merge's members do.
      if (lead.rules.empty()) lead.rules = {lead.rule};
      const std::size_t rules_before = lead.rules.size();
      for (const std::string& id :
           item.rules.empty() ? std::vector<std::string>{item.rule} : item.rules) {
        AddUnique(lead.rules, id);
      }
      if (lead.parameters.size() != before || lead.rules.size() != rules_before) {
        Reassess(data, lead, doctype);
      }
      // The lead-in's finding quotes the list down to the item.
      lead.end = item.end;
      lead.text = std::string(text.substr(lead.start, lead.end - lead.start));
      lead.context_after = item.context_after;
      folded[i] = true;
      break;
    }
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (folded[i]) continue;
    if (out != i) findings[out] = std::move(findings[i]);
    ++out;
  }
  findings.resize(out);
}

}  // namespace clausescan::internal

#include "match/list_leads.h"

#include <re2/re2.h>

#include <algorithm>

#include "match/pronoun_subjects.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kMaxLeadBytes = std::size_t{4} << 10;
constexpr std::size_t kExtraBudgetBytes = std::size_t{1} << 20;
constexpr std::size_t kBudgetPerDocumentByte = 4;
constexpr int kMaxDepth = 8;

}  // namespace

std::optional<std::string> FlowingLeadIn(std::string_view lead, std::string_view item) {
  // "(b) ", "\(7\) ", "b. ", "iv) ", "12. ", "- ", "* ", "+ ", a bullet.
  static const RE2 kMarker(
      "^(?:\\\\?\\(\\s*[0-9a-z]{1,5}\\s*\\\\?\\)|[0-9a-z]{1,5}[.)]|[-*+]|\xE2\x80\xA2)\\s+");
  while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
  bool changed = false;
  if (!lead.empty() && (lead.back() == ':' || lead.back() == '-')) {
    lead.remove_suffix(1);
    changed = true;
  }
  // A lead-in that announces its items ("... the following:", "as follows:") leaves no phrase
  // for them to complete: its items are things listed, not the rest of its sentence.
  while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
  for (std::string_view last : {" following", " follows"}) {
    if (lead.size() >= last.size() && lead.substr(lead.size() - last.size()) == last) {
      return std::nullopt;
    }
  }
  re2::StringPiece rest(item.data(), item.size());
  if (RE2::Consume(&rest, kMarker)) changed = true;
  if (!changed) return std::nullopt;
  std::string out(lead);
  out.append(" ").append(rest.data(), rest.size());
  return out;
}

ListLeads::ListLeads(const Outline& outline, std::string_view folded, const PartyLexicon& lexicon)
    : outline_(outline),
      folded_(folded),
      lexicon_(lexicon),
      budget_(kBudgetPerDocumentByte * folded.size() + kExtraBudgetBytes) {}

int ListLeads::LeadOf(std::size_t unit) const {
  const auto it =
      std::lower_bound(outline_.leads.begin(), outline_.leads.end(), unit,
                       [](const ListLead& link, std::size_t index) { return link.item < index; });
  if (it == outline_.leads.end() || it->item != unit || it->lead >= unit) return -1;
  return static_cast<int>(it->lead);
}

std::string_view ListLeads::UnitText(std::size_t unit) const {
  const Unit& u = outline_.units[unit];
  if (u.begin >= u.end || u.end > folded_.size()) return {};
  return folded_.substr(u.begin, u.end - u.begin);
}

Party ListLeads::HolderOf(std::size_t unit) {
  if (unit >= outline_.units.size()) return Party::kUnknown;
  if (holders_.empty()) holders_.assign(outline_.units.size(), 0);
  // The chain of lead-ins above the unit, innermost first, up to the first computed holder.
  std::size_t chain[kMaxDepth + 1];
  int n = 0;
  for (int k = static_cast<int>(unit); k >= 0 && n <= kMaxDepth && holders_[k] == 0;
       k = LeadOf(static_cast<std::size_t>(k))) {
    chain[n++] = static_cast<std::size_t>(k);
  }
  for (int i = n; i-- > 0;) {
    const std::size_t k = chain[i];
    Party party = DutyHolder(UnitText(k), lexicon_);
    if (party == Party::kUnknown) {
      const int lead = LeadOf(k);
      if (lead >= 0 && holders_[lead] != 0) party = static_cast<Party>(holders_[lead] - 1);
    }
    // "It will notify ..." after a sentence whose subject is a party (issue 11 #1).
    if (party == Party::kUnknown && OpensWithPronounDuty(UnitText(k))) {
      party = PronounAntecedent(outline_, folded_, k, lexicon_);
    }
    holders_[k] = static_cast<signed char>(static_cast<int>(party) + 1);
  }
  return holders_[unit] != 0 ? static_cast<Party>(holders_[unit] - 1) : Party::kUnknown;
}

LeadContext ListLeads::For(std::size_t unit) {
  LeadContext context;
  const int lead = LeadOf(unit);
  if (lead < 0) return context;
  context.holder = HolderOf(static_cast<std::size_t>(lead));
  // The lead-ins, innermost first, while they fit.
  std::size_t chain[kMaxDepth];
  std::size_t bytes = 0;
  int n = 0;
  for (int k = lead; k >= 0 && n < kMaxDepth; k = LeadOf(static_cast<std::size_t>(k))) {
    const std::size_t size = UnitText(static_cast<std::size_t>(k)).size() + 1;
    if (bytes + size > kMaxLeadBytes) break;
    bytes += size;
    chain[n++] = static_cast<std::size_t>(k);
  }
  // The lead-in is matched with the item and alone: it counts twice against the budget.
  if (n == 0 || 2 * bytes > budget_) return context;
  budget_ -= 2 * bytes;
  text_.clear();
  for (int i = n; i-- > 0;) {
    if (i == 0) context.inner_text_offset = text_.size();
    text_.append(UnitText(chain[i]));
    text_.push_back(' ');
  }
  text_.pop_back();
  context.text = text_;
  context.begin = outline_.units[chain[n - 1]].begin;
  context.inner_begin = outline_.units[chain[0]].begin;
  return context;
}

}  // namespace clausescan::internal

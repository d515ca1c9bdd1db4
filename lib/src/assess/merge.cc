#include "assess/merge.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "assess/assess.h"
#include "report/context.h"

namespace clausescan::internal {
namespace {

// The rule with id in rules (sorted by id), or nullptr.
const Rule* LookUp(const std::vector<Rule>& rules, const std::string& id) {
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id,
                       [](const Rule& rule, const std::string& key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

// True when line opens with an HTML block tag (inline HTML of Markdown): <li>, <p>, </li>,
// <br/>, <tr>, <td>, <div>, <h2> ...; not an inline one (<span>, <b>).
bool OpensWithBlockTag(std::string_view line) {
  if (line.empty() || line[0] != '<') return false;
  std::size_t i = line.size() > 1 && line[1] == '/' ? 2 : 1;
  std::string name;
  for (; i < line.size() && std::isalnum(static_cast<unsigned char>(line[i])) != 0; ++i) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
  }
  for (std::string_view block :
       {"li", "p",  "br", "tr", "td",    "th", "ol", "ul", "div",        "h1",  "h2",
        "h3", "h4", "h5", "h6", "table", "dl", "dt", "dd", "blockquote", "pre", "hr"}) {
    if (name == block) return true;
  }
  return false;
}

// True when line opens with a lettered or roman list marker: "a. ", "iv. ", "b) ".
bool OpensWithLetterMarker(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 5 && std::isalpha(static_cast<unsigned char>(line[i])) != 0) ++i;
  return i > 0 && i < 5 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') &&
         line[i + 1] == ' ';
}

// True when between (the bytes between two findings) and next_text (the later one's text) hold a
// paragraph break: a blank line; a line that opens with a list marker ('-', '*', '+', '•', a
// number, '(', "a.", "iv)"), a heading's '#', a quote's '>' or an HTML block tag
// (OpensWithBlockTag); or a line break between the rows of a table (a '|' between the two
// findings or on the later one's first line: a row need not open with one). A single line break
// of hard-wrapped text (a PDF conversion, Markdown filled at a width) inside a paragraph is none.
bool BreaksParagraph(std::string_view between, std::string_view next_text) {
  if (between.find('\n') == std::string_view::npos) return false;
  // rows of a table, its bars at the line starts or not ("Access Control | GitHub ...")
  if (between.find('|') != std::string_view::npos ||
      next_text.substr(0, next_text.find('\n')).find('|') != std::string_view::npos) {
    return true;
  }
  for (std::size_t nl = between.find('\n'); nl != std::string_view::npos;
       nl = between.find('\n', nl + 1)) {
    std::size_t i = nl + 1;
    while (i < between.size() && (between[i] == ' ' || between[i] == '\t' || between[i] == '\r')) {
      ++i;
    }
    const std::string_view line = i < between.size() ? between.substr(i) : next_text;
    if (line.empty() || std::string_view("\n\f-*+#|>(").find(line[0]) != std::string_view::npos ||
        std::isdigit(static_cast<unsigned char>(line[0])) != 0 ||
        line.substr(0, 3) == "\xE2\x80\xA2" || OpensWithLetterMarker(line) ||
        OpensWithBlockTag(line)) {
      return true;
    }
  }
  return false;
}

// The bytes between a clause ending at `end` and `next` (which starts at or after it), read
// from next's context, when they continue one paragraph (BreaksParagraph: a line break of
// hard-wrapped text continues it), at most the context's length. Empty optional otherwise.
std::optional<std::string> SameParagraphGap(std::size_t end, const Finding& next) {
  const std::size_t gap = next.start - end;
  const std::string& before = next.context_before;
  if (gap > before.size()) return std::nullopt;  // a blank line or a long gap between them
  std::string between = before.substr(before.size() - gap);
  if (BreaksParagraph(between, next.text)) return std::nullopt;
  return between;
}

// True when text states a duty in the passive: a modal followed by "be" ("must be deleted",
// "shall be reported", "is to be returned").
bool InThePassive(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view modal : {"must be ", "shall be ", "will be ", "should be ", "is to be ",
                                 "are to be "}) {
    const std::size_t at = lower.find(modal);
    if (at != std::string::npos &&
        (at == 0 || std::isalpha(static_cast<unsigned char>(lower[at - 1])) == 0)) {
      return true;
    }
  }
  return false;
}

// The side a finding binds or empowers as merging reads it: its party; a sentence that names no
// party and states a duty in the passive ("Customer Data must be deleted", InThePassive) the side
// of its rule, which the finding is judged from (JudgeFromSide) when no party is read. "" when
// neither is known.
std::string_view SideOf(const RuleSetData& data, const Finding& f) {
  if (!f.party.empty()) return f.party;
  if (!InThePassive(f.text)) return {};  // "Halden shall indemnify": a party on no side
  const Rule* rule = LookUp(data.rules, f.rule);
  return rule == nullptr || rule->party == Party::kUnknown ? std::string_view()
                                                            : PartyName(rule->party);
}

// True when a and b state a parameter with different values ("reported within 1 hour" and "within
// 8 hours"): two provisions side by side, not one continuing the other.
bool StateOtherValues(const Finding& a, const Finding& b) {
  for (const auto& [name, value] : a.parameters) {
    auto other = b.parameters.find(name);
    if (other != b.parameters.end() && !(other->second == value)) return true;
  }
  return false;
}

// True when a and b bind or empower one known side (SideOf). A side taken from a rule (no party
// read) joins only sentences that do not state a parameter otherwise (StateOtherValues): "All
// incidents involving PII shall be reported within 1 hour ... . All other incidents shall be
// reported within 8 hours" are two provisions.
bool SameSide(const RuleSetData& data, const Finding& a, const Finding& b) {
  const std::string_view side = SideOf(data, a);
  if (side.empty() || side != SideOf(data, b)) return false;
  return (!a.party.empty() && !b.party.empty()) || !StateOtherValues(a, b);
}

// True when next continues the clause that ends at `end` with last: the next sentence of the
// same paragraph and section, binding or empowering the same side (issue 15 #3: "Provider will
// implement ... Provider will regularly monitor ..." is one clause; "Provider will ... Customer
// may object ..." are two).
bool ContinuesClause(const Finding& last, std::size_t end, const Finding& next,
                     const RuleSetData& data) {
  if (next.start < end || !SameSide(data, last, next)) return false;
  if (last.holds != next.holds) return false;
  if (last.section != next.section) return false;
  return SameParagraphGap(end, next).has_value();
}

// True when next states again, later in the same paragraph, the provision of the clause that
// ends at `end` with last: the same side and mark as ContinuesClause asks, found by a rule that
// already found the clause (the same obligation), with only sentences no rule of the category
// found between them and no paragraph break in source (BreaksParagraph; issue 15 s11 #2: Common
// Paper DPA 6.1, "If Provider receives any inquiry ... Provider will notify Customer ... . Examples
// of these inquiries include ... . Provider will follow Customer's reasonable instructions about
// these requests"). source is the text the findings' offsets index; empty, nothing is read again.
bool RestatesProvision(const Finding& last, std::size_t end, const Finding& next,
                       const std::vector<std::string>& clause_rules, std::string_view source,
                       const RuleSetData& data) {
  if (source.empty() || next.start < end || next.start > source.size()) return false;
  if (!SameSide(data, last, next) || last.holds != next.holds) return false;
  if (last.section != next.section) return false;
  if (std::find(clause_rules.begin(), clause_rules.end(), next.rule) == clause_rules.end()) {
    return false;
  }
  return !BreaksParagraph(source.substr(end, next.start - end), next.text);
}

// The bytes between a clause ending at `end` and next (which starts at or after it): read from
// source when it holds them, else from next's context (SameParagraphGap), else one space.
std::string GapBefore(std::size_t end, const Finding& next, std::string_view source) {
  if (!source.empty() && next.start <= source.size()) {
    return std::string(source.substr(end, next.start - end));
  }
  return SameParagraphGap(end, next).value_or(" ");
}

// At most this many sentences make one clause by continuing it (ContinuesClause): a paragraph of
// many sentences of one side is still read a few sentences at a time. Sentences, not findings:
// two rules finding the same sentence must not move the clause's bounds.
constexpr std::size_t kMaxSentences = 4;

// Indices into findings of the findings that form one clause each, in document order. A finding
// joins the last clause of its category when it overlaps the span that clause covers so far, or
// continues it (ContinuesClause), or states its provision again (RestatesProvision).
std::vector<std::vector<std::size_t>> GroupByClause(const RuleSetData& data,
                                                    const std::vector<Finding>& findings,
                                                    std::string_view source) {
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::size_t> group_end;                   // parallel to groups
  std::vector<std::size_t> group_sentences;             // parallel to groups: spans continued
  std::map<std::string, std::size_t> last_of_category;  // category -> index into groups
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const bool known = LookUp(data.rules, f.rule) != nullptr;
    auto last = last_of_category.find(f.category);
    if (known && last != last_of_category.end()) {
      const std::size_t g = last->second;
      const Finding& first = findings[groups[g].front()];
      const Finding& last_member = findings[groups[g].back()];
      const bool overlaps = f.start < group_end[g] && first.start < f.end;
      std::vector<std::string> clause_rules;
      for (std::size_t m : groups[g]) clause_rules.push_back(findings[m].rule);
      if (LookUp(data.rules, first.rule) != nullptr &&
          (overlaps || (group_sentences[g] < kMaxSentences &&
                        (ContinuesClause(last_member, group_end[g], f, data) ||
                         RestatesProvision(last_member, group_end[g], f, clause_rules, source,
                                           data))))) {
        groups[g].push_back(i);
        group_end[g] = std::max(group_end[g], f.end);
        if (!overlaps) ++group_sentences[g];
        continue;
      }
    }
    groups.push_back({i});
    group_end.push_back(f.end);
    group_sentences.push_back(1);
    if (known) last_of_category[f.category] = groups.size() - 1;
  }
  return groups;
}

// The parameters of the members (in document order), the most specific finding's value winning
// a conflict (see MergeSameClause).
std::map<std::string, ParamValue> MergeParameters(const RuleSetData& data,
                                                  const std::vector<Finding>& findings,
                                                  std::vector<std::size_t> members) {
  auto own_policy = [&](std::size_t i) {
    return data.playbook.categories.count(findings[i].rule) > 0;
  };
  std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
    const std::size_t width_a = findings[a].end - findings[a].start;
    const std::size_t width_b = findings[b].end - findings[b].start;
    if (width_a != width_b) return width_a < width_b;
    return own_policy(a) && !own_policy(b);
  });
  std::map<std::string, ParamValue> merged;
  for (std::size_t i : members)
    merged.insert(findings[i].parameters.begin(), findings[i].parameters.end());
  return merged;
}

template <typename Item>
void AddById(std::vector<Item>& list, const Item& item) {
  if (std::none_of(list.begin(), list.end(), [&](const Item& x) { return x.id == item.id; })) {
    list.push_back(item);
  }
}

// Adds link's controls to the entry of links for its evidence item (one rule's item another
// rule calls for too answers for both rules' controls), or adds link as the item's entry.
void AddEvidenceControls(const EvidenceControls& link, std::vector<EvidenceControls>& links) {
  auto same = std::find_if(links.begin(), links.end(),
                           [&](const EvidenceControls& l) { return l.evidence == link.evidence; });
  if (same == links.end()) {
    links.push_back(link);
    return;
  }
  for (const std::string& id : link.controls) {
    if (std::find(same->controls.begin(), same->controls.end(), id) == same->controls.end()) {
      same->controls.push_back(id);
    }
  }
}

// The position id of the playbook policy of one of rule_ids (the rule's own, else its
// category's), or nullptr.
const Position* FindPosition(const RuleSetData& data, const std::vector<std::string>& rule_ids,
                             const std::string& id) {
  for (const std::string& rule_id : rule_ids) {
    const Rule* rule = LookUp(data.rules, rule_id);
    for (const std::string& key : {rule_id, rule == nullptr ? rule_id : rule->category}) {
      auto policy = data.playbook.categories.find(key);
      if (policy == data.playbook.categories.end()) continue;
      for (const Position& position : policy->second.positions) {
        if (position.id == id) return &position;
      }
    }
  }
  return nullptr;
}

// One reason per idea across rules (two rules' positions on one clause, Refines): a position
// that a refinement of it in finding.positions says again is left out with its reason and
// proposal.
void DropRefinedPositions(const RuleSetData& data, Finding& finding) {
  std::vector<std::string> general;
  for (const std::string& id : finding.positions) {
    if (std::any_of(finding.positions.begin(), finding.positions.end(),
                    [&](const std::string& other) { return Refines(other, id); })) {
      general.push_back(id);
    }
  }
  for (const std::string& id : general) {
    finding.positions.erase(std::find(finding.positions.begin(), finding.positions.end(), id));
    const std::string mark = " (position " + id + ")";
    auto of_position = [&](const std::string& reason) {
      return reason.size() >= mark.size() &&
             reason.compare(reason.size() - mark.size(), mark.size(), mark) == 0;
    };
    finding.reasons.erase(
        std::remove_if(finding.reasons.begin(), finding.reasons.end(), of_position),
        finding.reasons.end());
    if (const Position* position = FindPosition(data, finding.rules, id)) {
      const std::string proposal = FillPlaceholders(position->propose, finding.parameters);
      auto it = std::find(finding.considerations.begin(), finding.considerations.end(), proposal);
      if (!proposal.empty() && it != finding.considerations.end()) finding.considerations.erase(it);
    }
  }
}

// Assesses finding (its parameters in place) with each of rule_ids, and sets what Reassess
// documents.
void AssessWithRules(const RuleSetData& data, const std::vector<std::string>& rule_ids,
                     Finding& finding, std::string_view doctype) {
  std::vector<Finding> assessed;
  for (const std::string& id : rule_ids) {
    const Rule* rule = LookUp(data.rules, id);
    if (rule == nullptr) continue;
    assessed.push_back(finding);
    assessed.back().rule = rule->id;
    assessed.back().title = rule->title;
    Assess(data, *rule, assessed.back(), doctype);
  }
  if (assessed.empty()) return;
  // Each rule judges the whole clause; the primary is the one that finds it riskiest.
  std::stable_sort(assessed.begin(), assessed.end(),
                   [](const Finding& a, const Finding& b) { return a.risk > b.risk; });
  finding.rule = assessed.front().rule;
  finding.title = assessed.front().title;
  finding.risk = assessed.front().risk;
  finding.rationale = assessed.front().rationale;
  finding.rules.clear();
  finding.reasons.clear();
  finding.positions.clear();
  finding.considerations.clear();
  finding.controls.clear();
  finding.evidence.clear();
  finding.evidence_controls.clear();
  for (Finding& one : assessed) {
    AddUnique(finding.rules, one.rule);
    // issue 15 #4: a further rule that no position of its own judged has only its category's
    // default reason, which speaks of what the clause is not about ("the notice terms leave
    // time" under a liquidated-damages clause); the primary rule's reasons stand.
    const bool default_only =
        &one != &assessed.front() && one.positions.empty() && !assessed.front().positions.empty();
    for (std::string& reason : one.reasons) {
      if (!default_only) AddUnique(finding.reasons, std::move(reason));
    }
    for (std::string& id : one.positions) AddUnique(finding.positions, std::move(id));
    for (const std::string& text : one.considerations) AddUnlessSaid(finding.considerations, text);
    for (const Control& control : one.controls) AddById(finding.controls, control);
    for (const EvidenceItem& item : one.evidence) AddById(finding.evidence, item);
    for (const EvidenceControls& link : one.evidence_controls) {
      AddEvidenceControls(link, finding.evidence_controls);
    }
  }
  DropRefinedPositions(data, finding);
}

// One finding for the members (in document order).
Finding MergeGroup(const RuleSetData& data, const std::vector<Finding>& findings,
                   const std::vector<std::size_t>& members, std::string_view doctype,
                   std::string_view source) {
  const std::size_t widest =
      *std::max_element(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        return findings[a].end - findings[a].start < findings[b].end - findings[b].start;
      });
  Finding merged = findings[widest];
  // Sentences that continue one another: the merged finding spans them all.
  const Finding& first = findings[members.front()];
  std::size_t end = first.end;
  std::string text = first.text;
  for (std::size_t i : members) {
    const Finding& f = findings[i];
    if (f.end <= end) continue;
    if (f.start >= end) {
      text += GapBefore(end, f, source);
      text += f.text;
    } else {
      text += f.text.substr(end - f.start);
    }
    end = f.end;
  }
  if (first.start < merged.start || end > merged.end) {
    const std::string context_after = findings[members.back()].end == end
                                          ? findings[members.back()].context_after
                                          : merged.context_after;
    merged.start = first.start;
    merged.line = first.line;
    merged.column = first.column;
    merged.page = first.page;
    merged.paragraph = first.paragraph;
    merged.context_before = first.context_before;
    merged.end = end;
    merged.text = std::move(text);
    merged.context_after = context_after;
  }
  merged.parameters = MergeParameters(data, findings, members);
  std::vector<std::string> rule_ids;
  for (std::size_t i : members) AddUnique(rule_ids, findings[i].rule);
  AssessWithRules(data, rule_ids, merged, doctype);
  // The party of the primary rule's own finding that asks most of the user (the first on a tie):
  // the member whose duty or right gives the clause its risk, not a milder lead-in beside it.
  const Finding* holder = nullptr;
  for (std::size_t i : members) {
    if (findings[i].rule == merged.rule && (holder == nullptr || findings[i].risk > holder->risk)) {
      holder = &findings[i];
    }
  }
  if (holder != nullptr) {
    merged.party = holder->party;
    merged.party_name = holder->party_name;
    merged.side = holder->side;
    merged.holds = holder->holds;
  }
  return merged;
}

// The members' finding: a lone member as it is (its rules set), more merged (MergeGroup).
Finding Judged(const RuleSetData& data, const std::vector<Finding>& findings,
               const std::vector<std::size_t>& members, std::string_view doctype,
               std::string_view source) {
  if (members.size() > 1) return MergeGroup(data, findings, members, doctype, source);
  Finding f = findings[members.front()];
  f.rules = {f.rule};
  return f;
}

// A provision of a clause: the members that state it, and the span it is reported at.
struct Provision {
  std::vector<std::size_t> members;
  std::size_t start = 0;
  std::size_t end = 0;
  bool other_side = false;  // a sentence of the other side cut out of an item (InnerProvisions)
};

// Adds member i of findings to the provisions: to the last one when it overlaps it, else as a
// new one.
void AddToProvisions(const std::vector<Finding>& findings, std::size_t i,
                     std::vector<Provision>& provisions) {
  const Finding& f = findings[i];
  if (!provisions.empty() && f.start < provisions.back().end) {
    provisions.back().members.push_back(i);
    provisions.back().end = std::max(provisions.back().end, f.end);
    return;
  }
  provisions.push_back({{i}, f.start, f.end});
}

// True when inner binds or empowers another side than outer (both said).
bool OfAnotherSide(const Finding& outer, const Finding& inner) {
  return !outer.party.empty() && !inner.party.empty() && outer.party != inner.party;
}

// The members of a clause (in document order) that lie inside its widest member (a list's
// lead-in with its items, a paragraph) and start after it, as provisions: an item of the list or
// a sentence of the paragraph, with the members that overlap it.
std::vector<Provision> InnerProvisions(const std::vector<Finding>& findings,
                                       const std::vector<std::size_t>& members) {
  const std::size_t widest =
      *std::max_element(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        return findings[a].end - findings[a].start < findings[b].end - findings[b].start;
      });
  const Finding& outer = findings[widest];
  std::vector<Provision> inner;
  for (std::size_t i : members) {
    if (i == widest || findings[i].start <= outer.start || findings[i].end > outer.end) continue;
    const Finding& f = findings[i];
    if (!inner.empty() && f.start > inner.back().start && f.end < inner.back().end &&
        OfAnotherSide(findings[inner.back().members.front()], f)) {
      // A sentence of the other side inside an item ("If the vendor runs its own scans, the
      // Government may accept them"): the item is cut around it.
      Provision rest = inner.back();
      inner.back().end = f.start;
      rest.start = f.end;
      inner.push_back({{i}, f.start, f.end, true});
      inner.push_back(std::move(rest));
      continue;
    }
    AddToProvisions(findings, i, inner);
  }
  return inner;
}

// Sets finding's span to [start, end) without its blank space at either end, a part of
// `outer`'s (whose text and contexts it reads):
// text, line, column and the contexts.
void SpanWithin(const Finding& outer, std::size_t start, std::size_t end, Finding& finding) {
  auto blank = [&](std::size_t at) {
    return std::isspace(static_cast<unsigned char>(outer.text[at - outer.start])) != 0;
  };
  while (start < end && blank(start)) ++start;  // a piece starts and ends with its words
  while (end > start && blank(end - 1)) --end;
  const std::size_t from = start - outer.start;
  const std::string before = outer.text.substr(0, from);
  finding.start = start;
  finding.end = end;
  finding.text = outer.text.substr(from, end - start);
  const std::size_t breaks =
      static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  finding.line = outer.line + static_cast<int>(breaks);
  const std::size_t line_start = before.rfind('\n');
  const std::string_view on_line = line_start == std::string::npos
                                       ? std::string_view(before)
                                       : std::string_view(before).substr(line_start + 1);
  const int chars = static_cast<int>(std::count_if(on_line.begin(), on_line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
  finding.column = line_start == std::string::npos ? outer.column + chars : 1 + chars;
  const std::size_t context = std::max<std::size_t>(outer.context_before.size(), 60);
  const std::string window = outer.context_before + outer.text + outer.context_after;
  const std::size_t base = outer.context_before.size();
  finding.context_before = ContextBefore(window, base + from, context);
  finding.context_after = ContextAfter(window, base + (end - outer.start), context);
}

// True when a member of provisions[p] is found by a rule that also finds a member of another
// provision.
bool SharesRule(const std::vector<Finding>& findings, const std::vector<Provision>& provisions,
                std::size_t p) {
  for (std::size_t q = 0; q < provisions.size(); ++q) {
    if (q == p) continue;
    for (std::size_t i : provisions[p].members) {
      for (std::size_t j : provisions[q].members) {
        if (findings[i].rule == findings[j].rule) return true;
      }
    }
  }
  return false;
}

// True when a position judged the finding: its risk comes from its own words, not from the
// category's default (which an item of a list, read without its lead-in, would get).
bool JudgedByPosition(const Finding& f) { return !f.positions.empty(); }

// The provisions of a clause (members in document order) and each one's finding judged on its
// own, in document order, covering the clause's span. An inner provision (InnerProvisions) that a
// position judges on its own stands apart; the widest member with the other members (the
// lead-in, the sentences around it, the items no position judges alone: they take the lead-in's
// reading) is the head, judged on its own (as the whole clause when no position judges it so),
// whose span is cut around the provisions that stand apart; a piece of it
// that is blank, or only a lead-in ending in ':' ("The Vendor shall:"), belongs to the provision
// after it. Without such provisions, each run of overlapping members is one (sentences that
// continue one another) when a position judges each; else the clause is one. whole is the members'
// merged finding, whose text the pieces are read from.
void SplitClause(const RuleSetData& data, const std::vector<Finding>& findings,
                 const std::vector<std::size_t>& members, std::string_view doctype,
                 std::string_view source, const Finding& whole, std::vector<Provision>* provisions,
                 std::vector<Finding>* judged) {
  // The text of [from, to) when the clause's text holds it, trimmed.
  auto piece = [&](std::size_t from, std::size_t to) -> std::string_view {
    if (from < whole.start || to > whole.end || from >= to) return {};
    std::string_view text = std::string_view(whole.text).substr(from - whole.start, to - from);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  };
  std::vector<Provision> apart;
  const std::vector<Provision> inner = InnerProvisions(findings, members);
  for (std::size_t k = 0; k < inner.size(); ++k) {
    const Finding alone = Judged(data, findings, inner[k].members, doctype, source);
    // A sentence of the other side cut out of an item stands apart on its own words.
    if (JudgedByPosition(alone) || inner[k].other_side) apart.push_back(inner[k]);
  }
  if (apart.empty()) {
    for (std::size_t i : members) AddToProvisions(findings, i, *provisions);
    for (const Provision& p : *provisions) {
      judged->push_back(Judged(data, findings, p.members, doctype, source));
    }
    // A sentence only its category's default judges is read with the others (one provision),
    // unless no other sentence is found by a rule of its own: it states another provision of the
    // category ("provide a copy ... . On expiry, delete all copies"), judged on its own words.
    bool own_provisions = true;
    for (std::size_t p = 0; p < provisions->size(); ++p) {
      if (!JudgedByPosition((*judged)[p]) && SharesRule(findings, *provisions, p)) {
        own_provisions = false;
      }
    }
    if (!own_provisions) {
      provisions->assign(1, {members, whole.start, whole.end});
      judged->assign(1, whole);
    }
    return;
  }
  std::vector<std::size_t> head;
  for (std::size_t i : members) {
    if (std::none_of(apart.begin(), apart.end(), [&](const Provision& p) {
          return std::find(p.members.begin(), p.members.end(), i) != p.members.end();
        })) {
      head.push_back(i);
    }
  }
  // A head no position judges on its own words has the clause's reading as a whole.
  Finding head_alone = Judged(data, findings, head, doctype, source);
  if (!JudgedByPosition(head_alone)) head_alone = whole;
  std::size_t at = findings[members.front()].start;
  const std::size_t clause_start = at;
  std::size_t end = at;
  for (std::size_t i : members) end = std::max(end, findings[i].end);
  // A piece of the head: the first (with the lead-in) has the head's reading and members; a later
  // one, after a provision that stands apart, has as members the head's members that reach into
  // it (the lead-in that spans the list among them), not those that lie wholly elsewhere, and is
  // read on them when that reading gives the head's risk: the numbers and words of another item
  // of the list are not its own (issue 15 #1: "within 72 hours of the request" of item 1 is no
  // term of item 4). The risk, and so where the clause is cut, stays the head's.
  auto add_head_piece = [&](std::size_t from, std::size_t to) {
    std::vector<std::size_t> reach;
    for (std::size_t i : head) {
      if (findings[i].start < to && findings[i].end > from) reach.push_back(i);
    }
    if (from == clause_start || reach.empty()) reach = head;
    Finding own =
        reach.size() < head.size() ? Judged(data, findings, reach, doctype, source) : head_alone;
    judged->push_back(own.risk == head_alone.risk ? std::move(own) : head_alone);
    provisions->push_back({std::move(reach), from, to});
  };
  for (Provision& p : apart) {
    if (p.start > at) {
      const std::string_view words = piece(at, p.start);
      if (words.empty() || words.back() == ':') {
        p.start = at;  // blank, or the lead-in of this item
      } else {
        add_head_piece(at, p.start);
      }
    }
    at = p.end;
    judged->push_back(Judged(data, findings, p.members, doctype, source));
    provisions->push_back(std::move(p));
  }
  if (end > at) {
    if (piece(at, end).empty()) {
      provisions->back().end = end;
    } else {
      add_head_piece(at, end);
    }
  }
}

// The findings for one clause (members in document order): one when each of its provisions,
// judged on its own, is at the same risk (SplitClause); else one per run of neighbouring
// provisions of the same risk, each judged on its own words and reported at its own span (issue
// 15 #3: a list's lead-in and an item of a different weight are two findings).
std::vector<Finding> JudgeClause(const RuleSetData& data, const std::vector<Finding>& findings,
                                 const std::vector<std::size_t>& members, std::string_view doctype,
                                 std::string_view source) {
  // The span every member covers, whose text the pieces are cut from.
  Finding whole = Judged(data, findings, members, doctype, source);
  std::vector<Provision> provisions;
  std::vector<Finding> alone;
  SplitClause(data, findings, members, doctype, source, whole, &provisions, &alone);
  const bool agree = std::all_of(alone.begin(), alone.end(),
                                 [&](const Finding& f) { return f.risk == alone.front().risk; });
  if (agree) return {std::move(whole)};
  std::vector<Finding> out;
  std::vector<std::size_t> run;
  std::size_t first = 0;
  for (std::size_t p = 0; p < provisions.size(); ++p) {
    if (run.empty()) first = p;
    for (std::size_t i : provisions[p].members) {
      if (std::find(run.begin(), run.end(), i) == run.end()) run.push_back(i);
    }
    if (p + 1 < provisions.size() && alone[p + 1].risk == alone[p].risk) continue;
    std::sort(run.begin(), run.end());
    Finding f = p == first ? alone[p] : Judged(data, findings, run, doctype, source);
    if (f.risk != alone[p].risk) f = alone[first];
    const std::size_t start = provisions[first].start;
    if (start >= whole.start && provisions[p].end <= whole.end) {
      SpanWithin(whole, start, provisions[p].end, f);
    }
    out.push_back(std::move(f));
    run.clear();
  }
  return out;
}

}  // namespace

void Reassess(const RuleSetData& data, Finding& finding, std::string_view doctype) {
  AssessWithRules(data,
                  finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules,
                  finding, doctype);
}

std::vector<Finding> MergeSameClause(const RuleSetData& data, std::vector<Finding> findings,
                                     std::string_view doctype, std::string_view source) {
  std::vector<Finding> out;
  out.reserve(findings.size());
  for (const std::vector<std::size_t>& group : GroupByClause(data, findings, source)) {
    if (group.size() == 1) {
      Finding& f = findings[group.front()];
      f.rules = {f.rule};
      out.push_back(std::move(f));
      continue;
    }
    for (Finding& f : JudgeClause(data, findings, group, doctype, source))
      out.push_back(std::move(f));
  }
  // A merged finding takes its widest member's place, which may start after a later group.
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding& a, const Finding& b) { return a.start < b.start; });
  return out;
}

}  // namespace clausescan::internal

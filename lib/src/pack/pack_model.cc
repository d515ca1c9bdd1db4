// The pack model (issue 13 #3): see BuildPack in clausescan/pack.h.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "assess/clause_asks.h"
#include "clausescan/judgement.h"
#include "clausescan/pack.h"
#include "common/control_ids.h"
#include "pack/pack_names.h"

namespace clausescan {
namespace {

// The SoA excerpt, listed against a clause only where the SoA applies one of its controls.
// issue 13 s8 #2: when the profile has an SoA, the pack's generated excerpt answers it (and an
// uploaded excerpt is not copied); without one, the profile's uploaded document does.
constexpr const char* kSoaExcerptId = "soa-excerpt";
constexpr const char* kGeneratedExcerptPath = "documents/nda/soa-excerpt.md";
// How the summary of a clause judged against a profile that states no capability of its kind
// begins ("your profile states no notification window; ...").
constexpr std::string_view kNoCapability = "your profile states no ";
// As `profile check`: a document that expires within this many days is flagged.
constexpr long kExpiresSoonDays = 90;

// A duty the other side owes asks nothing of the supplier's ISMS (as JudgeAgainstProfile).
bool OtherSidesDuty(const Finding& f) { return f.side == "them" && f.holds == "duty"; }

std::string SharingFolder(const EvidenceFile& file) {
  return file.sharing == Sharing::kInternal ? "redacted" : std::string(SharingName(file.sharing));
}

// What the pack does with evidence id: the document copied, or why none is.
struct EvidenceChoice {
  PackEvidence state;
  const EvidenceFile* file = nullptr;  // the document considered (copied with kInPack)
};

EvidenceChoice Choose(const Profile& profile, const std::string& id, const std::string& title,
                      const CalendarDate& on) {
  EvidenceChoice choice;
  choice.state.evidence = id;
  choice.state.title = title.empty() ? id : title;
  if (id == kSoaExcerptId && !profile.soa.empty()) {
    choice.state.status = PackEvidenceStatus::kInPack;
    choice.state.pack_path = kGeneratedExcerptPath;
    return choice;  // no file: the pack writes the excerpt itself
  }
  // A shareable document valid on the date (public, nda, or internal with a redacted copy) wins
  // over an internal one without a redacted copy, whatever their validity (issue 13 D3); among
  // shareable ones, the one valid longest.
  const EvidenceFile* file = nullptr;
  for (const EvidenceFile* candidate : profile.EvidenceFor(id)) {
    const bool shareable = candidate->sharing != Sharing::kInternal || !candidate->redacted.empty();
    if (shareable && candidate->ValidOn(on) &&
        (file == nullptr || file->valid_until < candidate->valid_until)) {
      file = candidate;
    }
  }
  if (file == nullptr) file = profile.ValidEvidence(id, on);
  if (file == nullptr) {
    for (const EvidenceFile* candidate : profile.EvidenceFor(id)) {
      if (file == nullptr || file->valid_until < candidate->valid_until) file = candidate;
    }
  }
  choice.file = file;
  if (file == nullptr) {
    choice.state.status = PackEvidenceStatus::kMissing;
    return choice;
  }
  if (!file->title.empty()) choice.state.title = file->title;
  choice.state.valid_until = file->valid_until.ToString();
  if (!file->ValidOn(on)) {
    choice.state.status =
        file->valid_until < on ? PackEvidenceStatus::kExpired : PackEvidenceStatus::kNotYetValid;
  } else if (file->sharing == Sharing::kInternal && file->redacted.empty()) {
    choice.state.status = PackEvidenceStatus::kInternal;
  } else {
    choice.state.status = PackEvidenceStatus::kInPack;
  }
  return choice;
}

PackDocument DocumentOf(const Profile& profile, const EvidenceFile& file) {
  PackDocument doc;
  doc.evidence = file.id;
  doc.title = file.title.empty() ? file.id : file.title;
  doc.sharing = file.sharing;
  doc.redacted = file.sharing == Sharing::kInternal;
  doc.source = doc.redacted ? file.redacted_path : file.path;
  doc.profile_file = profile.path;
  doc.line = file.line;
  const std::size_t index = static_cast<std::size_t>(&file - profile.evidence.data());
  doc.field = fmt::format("evidence[{}].{}", index, doc.redacted ? "redacted" : "file");
  const std::string& written = doc.redacted ? file.redacted : file.file;
  doc.written = written;
  doc.pack_path = "documents/" + SharingFolder(file) + "/" + internal::PackFileName(file.id) + "/" +
                  internal::PackFileName(internal::BaseName(written));
  doc.issued = file.issued;
  doc.valid_until = file.valid_until;
  return doc;
}

// issue 13: an expired document is named with its evidence id and the date it is compared with.
std::string EvidenceGapText(const PackEvidence& e, const EvidenceFile* file,
                            const CalendarDate& as_of) {
  switch (e.status) {
    case PackEvidenceStatus::kMissing:
      return "no document in your profile: " + e.title;
    case PackEvidenceStatus::kInternal:
      return e.title + " is internal and has no redacted copy: add a redacted copy to share";
    case PackEvidenceStatus::kExpired:
      return e.title + " (" + e.evidence + ") expired " + e.valid_until + ", before the pack's date (" +
             as_of.ToString() + "): renew it";
    case PackEvidenceStatus::kNotYetValid:
      return e.title + " is valid only from " + file->issued.ToString();
    case PackEvidenceStatus::kInPack:
      break;
  }
  return "";
}

PackGapKind GapKindOf(PackEvidenceStatus status) {
  switch (status) {
    case PackEvidenceStatus::kInternal:
      return PackGapKind::kInternalOnly;
    case PackEvidenceStatus::kExpired:
      return PackGapKind::kExpired;
    case PackEvidenceStatus::kNotYetValid:
      return PackGapKind::kNotYetValid;
    default:
      return PackGapKind::kNoDocument;
  }
}

// The term a report is judged for: term_ends when given, else (issue 13 s7 #2) the term the
// scan read from the contract; nullopt when neither is known.
std::optional<CalendarDate> TermOf(const Report& report,
                                   const std::optional<CalendarDate>& term_ends) {
  if (term_ends || report.document.term_source.empty()) return term_ends;
  return CalendarDate::Parse(report.document.term_ends);
}

// The term of one contract and where it comes from.
struct ContractTerm {
  std::string contract;               // the report's document path
  std::optional<CalendarDate> ends;   // nullopt: the contract states none, and no --term-ends
  // As the still-missing list says where the term was read (issue 13 s8 review #6): "the term
  // of PATH read at line N (...)"; empty for --term-ends, which is every contract's.
  std::string note;
};

std::vector<ContractTerm> TermsOf(const std::vector<Report>& reports,
                                  const std::optional<CalendarDate>& term_ends) {
  std::vector<ContractTerm> out;
  for (const Report& report : reports) {
    ContractTerm term{report.document.path, TermOf(report, term_ends), ""};
    if (term.ends && !term_ends) {
      term.note = "the term of " + report.document.path + " " + report.document.term_source;
    }
    out.push_back(std::move(term));
  }
  return out;
}

// issue 13 s10 #4: a gap for each contract (of contracts, those whose clauses list doc) whose
// term ends after doc expires, naming that contract's term; one gap for --term-ends.
void AddExpiresInTerm(const PackDocument& doc, const std::set<std::size_t>& contracts,
                      const std::vector<ContractTerm>& terms, std::vector<PackGap>* out) {
  std::set<std::string> said;
  for (std::size_t contract : contracts) {
    const ContractTerm& term = terms[contract];
    if (!term.ends || !(doc.valid_until < *term.ends)) continue;
    std::string text =
        fmt::format("{} ({}) expires {}, before the contract's term ends ({}{}): plan its renewal",
                    doc.title, doc.evidence, doc.valid_until.ToString(), term.ends->ToString(),
                    term.note.empty() ? "" : ", " + term.note);
    if (said.insert(text).second) {
      out->push_back({PackGapKind::kExpiresInTerm, doc.evidence, std::move(text)});
    }
  }
}

// issue 13 s9 #2, s10 #4: the contracts whose term is not known, against whose end no document
// was checked.
void AddNoTermCheck(const std::vector<ContractTerm>& terms, std::vector<PackGap>* out) {
  std::vector<std::string> without;
  for (const ContractTerm& term : terms) {
    if (!term.ends) without.push_back(term.contract);
  }
  if (without.empty()) return;
  if (without.size() == terms.size()) {
    out->push_back({PackGapKind::kCheck, "term",
                    "check: no contract states its term and no term end was given "
                    "(--term-ends): your documents were not checked against the term's end"});
    return;
  }
  std::string names;
  for (const std::string& name : without) names += (names.empty() ? "" : ", ") + name;
  out->push_back({PackGapKind::kCheck, "term",
                  fmt::format("check: {} {} no term and no term end was given (--term-ends): your "
                              "documents were not checked against {} end",
                              names, without.size() == 1 ? "states" : "state",
                              without.size() == 1 ? "its term's" : "their terms'")});
}

// The reports, each judged against profile on `on` when any finding of it is not, and every one
// when the rule set is known (to narrow each clause to what it asks).
std::vector<Report> Judged(const std::vector<Report>& reports, const Profile& profile,
                           const CalendarDate& on, const std::optional<CalendarDate>& term_ends,
                           const std::optional<RuleSet>& rules) {
  std::vector<Report> judged = reports;
  for (Report& report : judged) {
    const bool all = std::all_of(report.findings.begin(), report.findings.end(),
                                 [](const Finding& f) { return f.profile.has_value(); });
    const std::optional<CalendarDate> term = TermOf(report, term_ends);
    const std::string source = term && !term_ends ? report.document.term_source : "";
    if (rules) {
      internal::JudgeWhatTheClauseAsks(rules->data(), profile, on, term, source, &report);
    } else if (!all || report.document.profile_date != on.ToString() ||
               report.document.term_ends != (term ? term->ToString() : "")) {
      JudgeAgainstProfile(profile, on, term, source, &report);
    }
  }
  return judged;
}

// The spans (start, end) of the findings of report that its profile judgement does not meet.
std::vector<std::pair<std::size_t, std::size_t>> NotMetSpans(const Report& report) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const Finding& f : report.findings) {
    if (f.profile && f.profile->verdict == "not_met") spans.emplace_back(f.start, f.end);
  }
  return spans;
}

// True when f's span shares a byte with one of spans.
bool Overlaps(const Finding& f, const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](const auto& span) {
    return f.start < span.second && span.first < f.end;
  });
}

// issue 13 s10 #1: the row is titled by the rules (distinct titles, in finding order) that
// asked for an evidence id it lists; unchanged when it lists none.
void TitleByListedRules(const std::vector<std::pair<std::string, std::vector<std::string>>>& rules,
                        PackClause* clause) {
  std::vector<std::string> titles;
  for (const auto& [title, ids] : rules) {
    const bool answered = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
      return std::any_of(clause->evidence.begin(), clause->evidence.end(),
                         [&](const PackEvidence& e) { return e.listed && e.evidence == id; });
    });
    if (answered && std::find(titles.begin(), titles.end(), title) == titles.end()) {
      titles.push_back(title);
    }
  }
  if (titles.empty()) return;
  std::string joined;
  for (const std::string& title : titles) joined += (joined.empty() ? "" : "; ") + title;
  clause->title = joined;
}

// "PATH:LINE Title demands NAME" for the first clause that demands a control, with how many
// others do (issue 13 s11 #4: a control gap says where to look, as the other lines do).
std::string DemandsText(const std::vector<std::string>& clauses, const std::string& name) {
  if (clauses.empty()) return "a clause demands " + name;
  std::string text = clauses.front() + " demands " + name;
  if (clauses.size() == 2) text += " (as does 1 other clause)";
  if (clauses.size() > 2) text += fmt::format(" (as do {} other clauses)", clauses.size() - 1);
  return text;
}

}  // namespace

std::string_view PackEvidenceStatusName(PackEvidenceStatus status) {
  switch (status) {
    case PackEvidenceStatus::kInPack:
      return "in_pack";
    case PackEvidenceStatus::kInternal:
      return "internal_only";
    case PackEvidenceStatus::kExpired:
      return "expired";
    case PackEvidenceStatus::kNotYetValid:
      return "not_yet_valid";
    case PackEvidenceStatus::kMissing:
      return "missing";
  }
  return "missing";
}

std::string_view PackApplicableText(ControlState state) {
  switch (state) {
    case ControlState::kNotListed:
      return "not listed";
    case ControlState::kExcluded:
      return "no";
    default:
      return "yes";
  }
}

std::string_view PackStatusText(ControlState state) {
  switch (state) {
    case ControlState::kImplemented:
      return "implemented";
    case ControlState::kPartial:
      return "partial";
    case ControlState::kPlanned:
      return "planned";
    case ControlState::kNotImplemented:
      return "not implemented";
    default:
      return "";
  }
}

std::string_view PackGapKindName(PackGapKind kind) {
  switch (kind) {
    case PackGapKind::kNoDocument:
      return "no_document";
    case PackGapKind::kInternalOnly:
      return "internal_only";
    case PackGapKind::kExpired:
      return "expired";
    case PackGapKind::kNotYetValid:
      return "not_yet_valid";
    case PackGapKind::kExpiresInTerm:
      return "expires_in_term";
    case PackGapKind::kExpiresSoon:
      return "expires_soon";
    case PackGapKind::kNotMet:
      return "not_met";
    case PackGapKind::kCheck:
      return "check";
    case PackGapKind::kControlGap:
      return "control_gap";
    case PackGapKind::kNotInSoa:
      return "not_in_soa";
  }
  return "no_document";
}

Pack BuildPack(const std::vector<Report>& reports, const Profile& profile,
               const PackOptions& options) {
  Pack pack;
  pack.profile = profile.path;
  pack.as_of = options.as_of;
  pack.subprocessors = profile.subprocessors;
  std::map<std::string, EvidenceChoice> choices;  // by evidence id
  std::vector<std::string> evidence_order;        // ids in the order clauses first call for them
  std::map<std::string, std::size_t> asked;       // clauses calling for each id
  std::map<std::string, std::string> control_titles;
  // issue 13 s11 #4: per control id, the clauses ("PATH:LINE Title") that demand it, in order.
  std::map<std::string, std::vector<std::string>> demanded_by;
  std::vector<PackGap> not_met;
  // issue 13 s10 #1: per clause, the rules merged into it: title and evidence ids asked.
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> asked_by;
  // Per clause, the controls the SoA excerpt answers for there: those of the rules that call for
  // it (ControlsOfEvidence), not every control of the clause.
  std::vector<std::vector<std::string>> excerpt_controls;
  // Per clause: true while every finding merged into it is a category fallback's (issue 13 s9
  // #3): no specific rule judged it, so no document can be said to answer it.
  std::vector<bool> unjudged;
  // Per clause: true when a finding of it lies in the span of a finding its profile does not
  // meet (issue 13 s10 #3): what is not met is not answered, whatever rule found it.
  std::vector<bool> in_not_met;
  // issue 13 s8 #4, s10 #4: the term each contract's documents must outlast: --term-ends, else
  // the term the scan read from that contract (none when it states none).
  const std::vector<ContractTerm> terms = TermsOf(reports, options.term_ends);
  // Per clause, the index of its contract in reports.
  std::vector<std::size_t> clause_contract;
  for (const Report& report :
       Judged(reports, profile, options.as_of, options.term_ends, options.rules)) {
    const std::size_t contract = pack.contracts.size();
    pack.contracts.push_back(report.document.path);
    const std::size_t first_of_report = pack.clauses.size();
    const std::vector<std::pair<std::size_t, std::size_t>> not_met_spans = NotMetSpans(report);
    for (const Finding& f : report.findings) {
      // One clause per contract, line and category: findings of several rules on it merge.
      PackClause* clause = nullptr;
      for (std::size_t i = first_of_report; i < pack.clauses.size(); ++i) {
        PackClause& c = pack.clauses[i];
        if (c.line == f.line && c.category == f.category) clause = &c;
      }
      if (clause == nullptr) {
        PackClause added;
        added.document = report.document.path;
        added.line = f.line;
        added.page = f.page;
        added.paragraph = f.paragraph;
        added.section = f.section;
        added.category = f.category;
        added.rule = f.rule;
        added.title = f.title;
        added.risk = f.risk;
        pack.clauses.push_back(std::move(added));
        asked_by.emplace_back();
        excerpt_controls.emplace_back();
        unjudged.push_back(true);
        in_not_met.push_back(false);
        clause_contract.push_back(contract);
        clause = &pack.clauses.back();
      }
      const auto index = static_cast<std::size_t>(clause - pack.clauses.data());
      if (!f.fallback) unjudged[index] = false;
      if (Overlaps(f, not_met_spans)) in_not_met[index] = true;
      auto& rules = asked_by[index];
      rules.push_back({f.title, {}});
      if (f.risk > clause->risk) clause->risk = f.risk;
      if (f.profile && clause->verdict != "not_met" && !f.profile->verdict.empty()) {
        clause->verdict = f.profile->verdict;
        clause->summary = f.profile->summary;
      }
      for (const Control& control : f.controls) {
        if (std::find(clause->controls.begin(), clause->controls.end(), control.id) ==
            clause->controls.end()) {
          clause->controls.push_back(control.id);
        }
      }
      if (!OtherSidesDuty(f)) {
        const std::string where = fmt::format("{}:{} {}", report.document.path, f.line, f.title);
        for (const Control& control : f.controls) {
          std::string& title = control_titles[control.id];
          if (title.empty()) title = control.title;
          std::vector<std::string>& demanding = demanded_by[control.id];
          if (std::find(demanding.begin(), demanding.end(), where) == demanding.end()) {
            demanding.push_back(where);
          }
        }
        for (const EvidenceItem& item : f.evidence) {
          rules.back().second.push_back(item.id);
          if (item.id == kSoaExcerptId) {
            std::vector<std::string>& ids =
                excerpt_controls[static_cast<std::size_t>(clause - pack.clauses.data())];
            for (const Control& control : ControlsOfEvidence(f, item.id)) {
              if (std::find(ids.begin(), ids.end(), control.id) == ids.end()) {
                ids.push_back(control.id);
              }
            }
          }
          auto [it, added] = choices.try_emplace(item.id);
          if (added) {
            it->second = Choose(profile, item.id, item.title, options.as_of);
            evidence_order.push_back(item.id);
          }
          if (std::none_of(clause->evidence.begin(), clause->evidence.end(),
                           [&](const PackEvidence& e) { return e.evidence == item.id; })) {
            clause->evidence.push_back(it->second.state);
            ++asked[item.id];
          }
        }
      }
    }
  }
  // What the index lists against each clause (PackEvidence::listed), and so what is copied.
  std::set<std::string> listed_ids;
  std::map<std::string, std::set<std::size_t>> listed_in;  // evidence id -> contracts
  std::set<std::tuple<std::string, std::string, std::string>> said_not_met;
  for (PackClause& clause : pack.clauses) {
    const std::string where = fmt::format("{}:{}", clause.document, clause.line);
    if (clause.verdict == "not_met") {
      // issue 13 s10 #2: the items of one audit clause share its verdict: said once, at the
      // first of them.
      if (said_not_met.insert({clause.document, clause.section, clause.summary}).second) {
        not_met.push_back({PackGapKind::kNotMet, where,
                           fmt::format("{} {}: {}", where, clause.title, clause.summary)});
      }
      continue;
    }
    // issue 13 s10 #3: a clause inside one the profile does not meet is not answered either;
    // the still-missing list names the clause not met.
    if (in_not_met[static_cast<std::size_t>(&clause - pack.clauses.data())]) continue;
    // issue 13 s8 #5, s9 #4, s11 #1 #3: a clause the profile was not compared with (a verdict
    // that depends on what the profile does not say, a figure the contract leaves to its cover
    // page, a super-cap, another currency) is to check, and until then no document of the pack
    // is said to answer it: it is in the still-missing list only, not in the index. A profile
    // that states no such capability at all compares no clause of the kind: that is no check.
    if (clause.verdict == "not_compared" &&
        clause.summary.rfind(kNoCapability, 0) == std::string::npos) {
      not_met.push_back({PackGapKind::kCheck, where,
                         fmt::format("check: {} {}: {}; not in the index until you have checked",
                                     where, clause.title, clause.summary)});
      continue;
    }
    // issue 13 s9 #3: a clause only a category fallback found was judged by no specific rule:
    // to read, not answered.
    if (unjudged[static_cast<std::size_t>(&clause - pack.clauses.data())]) {
      not_met.push_back({PackGapKind::kCheck, where,
                         fmt::format("check: {} {}: no specific rule judged this clause: read it; "
                                     "not in the index",
                                     where, clause.title)});
      continue;
    }
    for (PackEvidence& e : clause.evidence) {
      if (e.status != PackEvidenceStatus::kInPack) continue;
      const std::vector<std::string>& answered =
          excerpt_controls[static_cast<std::size_t>(&clause - pack.clauses.data())];
      if (e.evidence == kSoaExcerptId &&
          std::none_of(answered.begin(), answered.end(), [&](const std::string& c) {
            const ControlState state = profile.StateOf(c);
            return state != ControlState::kExcluded && state != ControlState::kNotListed;
          })) {
        continue;
      }
      e.listed = true;
      listed_ids.insert(e.evidence);
      listed_in[e.evidence].insert(clause_contract[static_cast<std::size_t>(&clause - pack.clauses.data())]);
    }
    TitleByListedRules(asked_by[static_cast<std::size_t>(&clause - pack.clauses.data())], &clause);
  }
  // issue 13 s10 #2: most important first: the evidence most clauses ask for.
  std::stable_sort(evidence_order.begin(), evidence_order.end(),
                   [&](const std::string& a, const std::string& b) { return asked[a] > asked[b]; });
  for (const std::string& id : evidence_order) {
    EvidenceChoice& choice = choices[id];
    if (choice.state.status != PackEvidenceStatus::kInPack) {
      pack.missing.push_back(
          {GapKindOf(choice.state.status), id,
           fmt::format("{} ({} {} for it)", EvidenceGapText(choice.state, choice.file, options.as_of), asked[id],
                       asked[id] == 1 ? "clause asks" : "clauses ask")});
      continue;
    }
    if (listed_ids.count(id) == 0 || choice.file == nullptr) continue;
    PackDocument doc = DocumentOf(profile, *choice.file);
    const long days_left = doc.valid_until.DaysSinceEpoch() - options.as_of.DaysSinceEpoch();
    std::vector<PackGap> in_term;
    AddExpiresInTerm(doc, listed_in[id], terms, &in_term);
    const std::string in_days = fmt::format("{} {}", days_left, days_left == 1 ? "day" : "days");
    if (days_left <= kExpiresSoonDays && in_term.empty()) {
      pack.missing.push_back({PackGapKind::kExpiresSoon, id,
                              fmt::format("{} expires on {} (in {}): renew it before sending",
                                          doc.title, doc.valid_until.ToString(), in_days)});
    }
    // One line for a document that expires soon and within the term (attack review of 86d34a9
    // #8: it was listed twice).
    constexpr std::string_view kPlan = ": plan its renewal";
    for (PackGap& gap : in_term) {
      if (days_left <= kExpiresSoonDays && gap.text.ends_with(kPlan)) {
        gap.kind = PackGapKind::kExpiresSoon;
        gap.text.replace(gap.text.size() - kPlan.size(), kPlan.size(),
                         fmt::format(", in {}: renew it before sending", in_days));
      }
      pack.missing.push_back(std::move(gap));
    }
    pack.documents.push_back(std::move(doc));
  }
  // issue 13 s9 #2: with no term known, the documents' expiry was checked against no term end.
  if (!pack.documents.empty()) AddNoTermCheck(terms, &not_met);
  std::sort(pack.documents.begin(), pack.documents.end(),
            [](const PackDocument& a, const PackDocument& b) { return a.pack_path < b.pack_path; });
  // The pack paths the clauses point to (set by Choose before the documents were laid out).
  std::map<std::string, std::string> paths;
  for (const PackDocument& doc : pack.documents) paths[doc.evidence] = doc.pack_path;
  if (!profile.soa.empty()) paths[kSoaExcerptId] = kGeneratedExcerptPath;
  for (PackClause& clause : pack.clauses) {
    for (PackEvidence& e : clause.evidence) {
      if (e.listed) e.pack_path = paths[e.evidence];
    }
  }
  pack.missing.insert(pack.missing.end(), not_met.begin(), not_met.end());

  std::vector<std::string> controls;
  for (const auto& [id, title] : control_titles) controls.push_back(id);
  std::sort(controls.begin(), controls.end(), ControlIdLess);
  for (const std::string& id : controls) {
    PackSoaRow row;
    row.control = id;
    row.title = control_titles[id];
    row.state = profile.StateOf(id);
    if (const SoaEntry* entry = profile.FindControl(id)) row.justification = entry->justification;
    const std::string name = row.title.empty() ? id : id + " (" + row.title + ")";
    const std::string demands = DemandsText(demanded_by[id], name);
    switch (row.state) {
      case ControlState::kExcluded:
        pack.missing.push_back(
            {PackGapKind::kControlGap, id,
             demands + ", which your SoA excludes: negotiate or justify"});
        break;
      case ControlState::kPlanned:
        // issue 13 s9 #7: a planned control's justification is the plan (what, by when): the
        // supplier's own, kept out of the excerpt the buyer reads, which marks the row planned.
        pack.missing.push_back(
            {PackGapKind::kControlGap, id,
             fmt::format("{}, which your SoA marks planned: implement or negotiate{}",
                         demands,
                         row.justification.empty()
                             ? ""
                             : " (the SoA excerpt shows it as planned, without your "
                               "justification)")});
        row.justification.clear();
        break;
      case ControlState::kNotImplemented:
      case ControlState::kPartial:
        pack.missing.push_back(
            {PackGapKind::kControlGap, id,
             fmt::format("{}, which your SoA marks {}: implement or negotiate", demands,
                         PackStatusText(row.state))});
        break;
      case ControlState::kNotListed:
        if (!profile.soa.empty()) {
          pack.missing.push_back({PackGapKind::kNotInSoa, id,
                                  demands + ", which your SoA does not list"});
        }
        break;
      case ControlState::kImplemented:
        break;
    }
    // issue 13 s8 #1: only the SoA's own rows; a control it does not list is a gap only.
    if (row.state != ControlState::kNotListed) pack.soa_excerpt.push_back(std::move(row));
  }
  return pack;
}

}  // namespace clausescan

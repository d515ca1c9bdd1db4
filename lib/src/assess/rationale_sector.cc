#include "assess/rationale_sector.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <memory>
#include <utility>
#include <variant>

#include "assess/assess.h"
#include "assess/rationale.h"
#include "rules/rationale_laws.h"
#include "rules/regex_on_first_use.h"
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

// Whether a source's sectors tie it to a `flag_rationale` sentence (kFlagKeyPrefix).
bool OfFlag(const std::vector<std::string>& sectors) {
  return std::any_of(sectors.begin(), sectors.end(),
                     [](const std::string& s) { return s.rfind(kFlagKeyPrefix, 0) == 0; });
}

// The regulation clauses a sentence cites, each as its number with the paragraph letter that
// follows it ("52.239-1(c)") or alone ("252.204-7012"), in order of citation.
std::vector<std::string> ClausesOfSentence(const std::string& sentence) {
  static const RE2 kCitation(
      R"(\b(52\.2\d\d-\d+|252\.2\d\d-\d{4}|852\.\d{3}-\d+|3052\.\d{3}-\d+|552\.2\d\d-\d+)\b(?:\(([a-z])\))?)");
  std::vector<std::string> out;
  re2::StringPiece input(sentence);
  std::string number;
  std::string paragraph;
  while (RE2::FindAndConsume(&input, kCitation, &number, &paragraph)) {
    out.push_back(paragraph.empty() ? number : number + "(" + paragraph + ")");
  }
  return out;
}

// The regulation clauses a source's title cites ("FAR 52.239-1 (Aug 1996) paragraph (b)"): for
// each number, one key per paragraph letter the title names after "paragraph(s)"
// ("52.239-1(b)"), or the number alone when it names none.
std::vector<std::string> ClausesOfTitle(const std::string& title) {
  static const RE2 kParagraphs(R"(\bparagraphs? (.*)$)");
  static const RE2 kLetter(R"(\(([a-z])\))");
  std::vector<std::string> letters;
  std::string after;
  if (RE2::PartialMatch(title, kParagraphs, &after)) {
    re2::StringPiece input(after);
    std::string letter;
    while (RE2::FindAndConsume(&input, kLetter, &letter)) letters.push_back(letter);
  }
  std::vector<std::string> out;
  for (const std::string& number : RegulationClausesCited(title)) {
    if (letters.empty()) out.push_back(number);
    for (const std::string& letter : letters) out.push_back(number + "(" + letter + ")");
  }
  return out;
}

// The number of a clause key ("52.239-1(c)" -> "52.239-1").
std::string NumberOf(const std::string& key) { return key.substr(0, key.find('(')); }

// What the regulation clauses that sources' titles cite are about (`subject`), over every
// rationale of a rule set: by key (ClausesOfTitle) and by number alone.
using ClauseSubjects = std::map<std::string, std::vector<const RegexOnFirstUse*>>;

ClauseSubjects SubjectsOf(const RuleSetData& data) {
  ClauseSubjects out;
  for (const auto& [key, entry] : data.rationales) {
    for (std::size_t i = 0; i < entry.source_subjects.size() && i < entry.shown.sources.size();
         ++i) {
      const RegexOnFirstUse* subject = entry.source_subjects[i].get();
      if (subject == nullptr) continue;
      for (const std::string& clause : ClausesOfTitle(entry.shown.sources[i].title)) {
        out[clause].push_back(subject);
        if (clause != NumberOf(clause)) out[NumberOf(clause)].push_back(subject);
      }
    }
  }
  return out;
}

// The regulation of a clause number: its part before the first '.' ("252" for DFARS
// 252.204-7012, "52" for FAR 52.204-21, "852" VAAR, "3052" HSAR, "552" GSAR).
std::string RegulationOf(const std::string& number) { return number.substr(0, number.find('.')); }

// Which regulation clauses a finding's rationale may cite (issue 14 fourth review #1: FAR
// 52.204-21's basic safeguards do not explain a VA background check, nor FAR 52.239-1(b)'s
// inspections a DFARS 252.204-7012 forensic-access paragraph): the clause the finding lies in,
// one its clause or section heading cites by number, and one whose subject (ClauseSubjects: the
// cited paragraph's, else the clause's) its clause or section heading matches, unless the
// finding lies in another clause of the same regulation: that clause, the regulation's own word
// on the paragraph, outranks a sibling that only shares its subject (s11 #2: DFARS
// 252.204-7009(c) and 252.239-7010(l) flow down their own clauses, not 252.204-7012(m)); a
// sibling the text names ("liable ... as set forth in clause 852.211-76") still holds.
class CitationCheck {
 public:
  CitationCheck(const ClauseSubjects& subjects, const Finding& finding, std::string clause)
      : subjects_(subjects),
        clause_(std::move(clause)),
        folded_(finding.section + "\n" + finding.text) {
    std::transform(folded_.begin(), folded_.end(), folded_.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }

  // Whether `sentence` may be said of the finding: it cites the clause the finding lies in, or
  // every regulation clause it cites (ClausesOfSentence) may be cited.
  bool Holds(const std::string& sentence) const {
    const std::vector<std::string> cited = ClausesOfSentence(sentence);
    const bool own = !clause_.empty() && std::any_of(cited.begin(), cited.end(), [&](const auto& key) {
      return NumberOf(key) == clause_;
    });
    return own || std::all_of(cited.begin(), cited.end(),
                              [&](const std::string& key) { return Citable(key); });
  }

  // Whether a source of this title may be listed: it cites no regulation clause, or one of the
  // paragraphs it cites may be cited.
  bool Lists(const std::string& title) const {
    const std::vector<std::string> cited = ClausesOfTitle(title);
    return cited.empty() || std::any_of(cited.begin(), cited.end(),
                                        [&](const std::string& key) { return Citable(key); });
  }

 private:
  bool Citable(const std::string& key) const {
    auto known = citable_.find(key);
    if (known != citable_.end()) return known->second;
    const std::string number = NumberOf(key);
    bool citable = number == clause_ || folded_.find(number) != std::string::npos;
    // Another clause of the regulation the finding lies in holds only where the text names it:
    // sharing its subject is not enough.
    const bool sibling = !clause_.empty() && RegulationOf(clause_) == RegulationOf(number);
    auto subjects = subjects_.find(key);
    if (subjects == subjects_.end()) subjects = subjects_.find(number);
    if (!citable && !sibling && subjects != subjects_.end()) {
      const re2::StringPiece text(folded_.data(), folded_.size());
      citable = std::any_of(subjects->second.begin(), subjects->second.end(),
                            [&](const RegexOnFirstUse* subject) {
                              return RE2::PartialMatch(text, subject->Get());
                            });
    }
    citable_.emplace(key, citable);
    return citable;
  }

  const ClauseSubjects& subjects_;
  std::string clause_;   // the clause the finding lies in ("" none)
  std::string folded_;   // its section heading and text, case-folded
  mutable std::map<std::string, bool> citable_;  // by clause key, as read so far
};

// Whether `sentence` cites a regulation clause that a source of this title cites (issue 14 s12
// #4: a sentence that holds because it cites the clause the finding lies in names the sibling
// clause it rests on, and that clause's source with it).
bool SentenceCites(const std::string& sentence, const std::string& title) {
  const std::vector<std::string> cited = ClausesOfSentence(sentence);
  const std::vector<std::string> of_title = ClausesOfTitle(title);
  return std::any_of(of_title.begin(), of_title.end(), [&](const std::string& key) {
    return std::any_of(cited.begin(), cited.end(),
                       [&](const std::string& c) { return NumberOf(c) == NumberOf(key); });
  });
}

// The sectors own, else category, lists for a source of that title; null when neither has it.
const std::vector<std::string>* SectorsOfSource(const RationaleEntry* own,
                                                const RationaleEntry* category,
                                                const RationaleSource& source) {
  for (const RationaleEntry* entry : {own, category}) {
    if (entry == nullptr) continue;
    for (std::size_t i = 0; i < entry->shown.sources.size() && i < entry->source_sectors.size();
         ++i) {
      if (entry->shown.sources[i].title == source.title) return &entry->source_sectors[i];
    }
  }
  return nullptr;
}

// The sources of entry in the order `rank` gives (stable), dropping those ranked < 0 and those
// of a flag sentence (OfFlag).
template <typename Rank>
std::vector<RationaleSource> Ordered(const RationaleEntry& entry, Rank rank) {
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t i = 0; i < entry.shown.sources.size(); ++i) {
    static const std::vector<std::string> kNone;
    const std::vector<std::string>& sectors =
        i < entry.source_sectors.size() ? entry.source_sectors[i] : kNone;
    if (OfFlag(sectors)) continue;
    const int r = rank(sectors);
    if (r >= 0) order.emplace_back(r, i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RationaleSource> out;
  for (const auto& [r, i] : order) out.push_back(entry.shown.sources[i]);
  return out;
}

// Whether folded[at] ends a sentence: '.', '!' or '?' before white space or the end, or a blank
// line.
bool EndsSentence(std::string_view folded, std::size_t at) {
  const char c = folded[at];
  const bool last = at + 1 >= folded.size();
  const char next = last ? ' ' : folded[at + 1];
  if (c == '.' || c == '!' || c == '?') return next == ' ' || next == '\n' || next == '\t';
  return c == '\n' && next == '\n';
}

// The passage of folded around [begin, end): its sentence (EndsSentence bounds it) or its line,
// whichever reaches further on each side, so that a one-line clause or list item is one passage
// and so is a sentence wrapped over lines; at most kReach characters either side.
constexpr std::size_t kReach = 2000;
std::string_view PassageAround(std::string_view folded, std::size_t begin, std::size_t end) {
  const std::size_t floor = begin > kReach ? begin - kReach : 0;
  std::size_t sentence = begin;
  while (sentence > floor && !EndsSentence(folded, sentence - 1)) --sentence;
  std::size_t line = begin;
  while (line > floor && folded[line - 1] != '\n') --line;
  const std::size_t from = std::min(sentence, line);
  const std::size_t ceiling = std::min(folded.size(), end + kReach);
  std::size_t sentence_end = end;
  while (sentence_end < ceiling && !EndsSentence(folded, sentence_end)) ++sentence_end;
  std::size_t line_end = end;
  while (line_end < ceiling && folded[line_end] != '\n') ++line_end;
  const std::size_t to = std::max(sentence_end, line_end);
  return folded.substr(from, to - from);
}

// Whether signal occurs in folded in a passage (PassageAround) that matches none of
// sector.unless.
bool Shows(const SectorEntry& sector, const RE2& signal, std::string_view folded) {
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= folded.size() &&
         signal.Match(input, pos, folded.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - folded.data());
    const std::size_t end = begin + match.size();
    if (sector.unless.empty()) return true;
    const std::string_view sentence = PassageAround(folded, begin, end);
    const re2::StringPiece piece(sentence.data(), sentence.size());
    bool excluded = false;
    for (const auto& unless : sector.unless) {
      if (RE2::PartialMatch(piece, *unless)) excluded = true;
    }
    if (!excluded) return true;
    pos = end > begin ? end : begin + 1;
  }
  return false;
}

// Whether folded shows one of sector.decisive (outside the passages of its `unless`, Shows).
bool ShowsDecisive(const SectorEntry& sector, std::string_view folded) {
  return std::any_of(sector.decisive.begin(), sector.decisive.end(),
                     [&](const auto& pattern) { return Shows(sector, *pattern, folded); });
}

// Offers the answers `entry` gives for the document's sectors (`sector_answers`), issue 14: a
// finding of medium or high risk only, as AttachRationale does for the general answers.
void AddSectorAnswers(const RationaleEntry& entry, const std::vector<std::string>& sectors,
                      Finding& finding) {
  if (finding.risk < Risk::kMedium) return;
  for (const std::string& sector : sectors) {
    auto answers = entry.sector_answers.find(sector);
    if (answers == entry.sector_answers.end()) continue;
    for (const Consideration& answer : answers->second) OfferAnswer(answer, finding);
  }
}

// Gives finding the sentence `entry` has for the first of `sectors` that it has one for and whose
// citations hold for the finding (check), with that sector's sources and those of no sector.
// False when it has none.
bool FitToOwnSentence(const RationaleEntry& entry, const std::vector<std::string>& sectors,
                      const CitationCheck& check, Finding& finding) {
  for (const std::string& sector : sectors) {
    auto text = entry.sector_text.find(sector);
    if (text == entry.sector_text.end() || !check.Holds(text->second)) continue;
    finding.rationale.text = text->second;
    finding.rationale.sectors = {sector};
    finding.rationale.sources = Ordered(entry, [&](const std::vector<std::string>& of) {
      return Has(of, sector) ? 0 : General(of) ? 1 : -1;
    });
    return true;
  }
  return false;
}

// A rank for Ordered: sources of the document's sectors first (in their order), then those of
// no sector, then the rest.
auto BySectors(const std::vector<std::string>& sectors) {
  return [&sectors](const std::vector<std::string>& of) {
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      if (Has(of, sectors[i])) return static_cast<int>(i);
    }
    const int general = static_cast<int>(sectors.size());
    return General(of) ? general : general + 1;
  };
}

// For a rule whose own rationale names a sector of the document in its `sectors` but has no
// sentence for it (issue 14, review s7 #3): the rule's own text, then the category's sentence
// for that sector (not when the text already says it), with the rule's sources (BySectors), then
// the category's of that sector. Only a category sentence whose citations hold (check). False
// when no such sector is found.
bool FollowWithCategory(const RationaleEntry& own, const RationaleEntry& category,
                        const std::vector<std::string>& sectors, const CitationCheck& check,
                        Finding& finding) {
  for (const std::string& sector : sectors) {
    if (!Has(own.shown.sectors, sector)) continue;
    auto text = category.sector_text.find(sector);
    if (text == category.sector_text.end() || !check.Holds(text->second)) continue;
    // A rule's text that names a law of a sector the document does not show, or cites a
    // regulation clause that does not hold for the finding, gives way to the category's
    // sentence, with the rule's sources of that sector only (third review #3).
    const std::vector<NamedLaw> laws = SectorLawsNamed(own.shown.text);
    const bool foreign = !check.Holds(own.shown.text) ||
                         std::any_of(laws.begin(), laws.end(), [&](const NamedLaw& law) {
                           return !Has(sectors, law.sector) && !MayNameLawOf(sectors, law.sector);
                         });
    if (foreign) {
      finding.rationale.text = text->second;
    } else if (own.shown.text.find(text->second) == std::string::npos) {
      finding.rationale.text = own.shown.text + " " + text->second;
    }
    finding.rationale.sectors = {sector};
    // The rule's sources stay with the rule's sentence, which the compact line shows first.
    std::vector<RationaleSource> sources =
        foreign
            ? Ordered(own,
                      [&](const std::vector<std::string>& of) { return Has(of, sector) ? 0 : -1; })
            : Ordered(own, BySectors(sectors));
    for (const RationaleSource& source : Ordered(category, [&](const std::vector<std::string>& of) {
           return Has(of, sector) ? 0 : -1;
         })) {
      const bool known = std::any_of(sources.begin(), sources.end(),
                                     [&](const auto& s) { return s.title == source.title; });
      if (!known) sources.push_back(source);
    }
    finding.rationale.sources = std::move(sources);
    return true;
  }
  return false;
}

// Whether the sentence of `entry` is for sectors none of which the document has (issue 14,
// review s7 #1): it names sectors, none is "all", and none is among `sectors`.
bool ForOtherSectors(const RationaleEntry& entry, const std::vector<std::string>& sectors) {
  if (General(entry.shown.sectors)) return false;
  return std::none_of(entry.shown.sectors.begin(), entry.shown.sectors.end(),
                      [&](const std::string& s) { return Has(sectors, s); });
}

// Gives finding the `neutral` sentence of entry, with the sources of no sector of entry, else
// of category (issue 14 fourth review #5: a rule's neutral sentence names its category's
// general source, such as an ISO/IEC 27001 control, rather than none).
void GiveNeutral(const RationaleEntry& entry, const RationaleEntry* category, Finding& finding) {
  const auto general = [](const std::vector<std::string>& of) { return General(of) ? 0 : -1; };
  finding.rationale.text = entry.neutral;
  finding.rationale.sectors = {"all"};
  finding.rationale.sources = Ordered(entry, general);
  if (finding.rationale.sources.empty() && category != nullptr && category != &entry) {
    finding.rationale.sources = Ordered(*category, general);
  }
}

// For a finding whose shown sentence is only for other sectors (ForOtherSectors): the category's
// sentence for a sector of the document, else the rule's `neutral` sentence, else the
// category's, with the sources of no sector of the entry it comes from (none for a neutral
// sentence that has none). False when neither has one (the text stays).
bool FitToNeutral(const RationaleEntry* own, const RationaleEntry* category,
                  const std::vector<std::string>& sectors, const CitationCheck& check,
                  Finding& finding) {
  if (category != nullptr && category != own &&
      FitToOwnSentence(*category, sectors, check, finding)) {
    return true;
  }
  for (const RationaleEntry* entry : {own, category}) {
    if (entry == nullptr || entry->neutral.empty()) continue;
    GiveNeutral(*entry, category, finding);
    return true;
  }
  return false;
}

// Gives finding the `flag_rationale` sentence of own, else of category, for a flag parameter
// the finding has set (issue 14 third review #1: a FedRAMP demand is explained by agency
// authorisation, not by basic safeguards), with the sources tied to that flag and without the
// general answers (kNeedPrefix); its sectors are
// those whose laws it names ("all" if none). False when there is none.
bool FitToFlagSentence(const RationaleEntry* own, const RationaleEntry* category,
                       Finding& finding) {
  for (const RationaleEntry* entry : {own, category}) {
    if (entry == nullptr) continue;
    for (const auto& [key, text] : entry->sector_text) {
      if (key.rfind(kFlagKeyPrefix, 0) != 0) continue;
      auto flag = finding.parameters.find(key.substr(sizeof(kFlagKeyPrefix) - 1));
      if (flag == finding.parameters.end() || !std::holds_alternative<bool>(flag->second) ||
          !std::get<bool>(flag->second)) {
        continue;
      }
      finding.rationale.text = text;
      finding.rationale.sectors.clear();
      for (const NamedLaw& law : SectorLawsNamed(text)) {
        finding.rationale.sectors.push_back(law.sector);
      }
      if (finding.rationale.sectors.empty()) finding.rationale.sectors = {"all"};
      // The answers AttachRationale added meet the general need, not this clause's (issue 14
      // third review #2: no "reasonable notice" for a mandated federal assessment).
      auto& list = finding.considerations;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [](const std::string& c) {
                                  return c.compare(0, kNeedPrefix.size(), kNeedPrefix) == 0;
                                }),
                 list.end());
      finding.rationale.sources.clear();
      for (std::size_t i = 0; i < entry->shown.sources.size() && i < entry->source_sectors.size();
           ++i) {
        if (Has(entry->source_sectors[i], key)) {
          finding.rationale.sources.push_back(entry->shown.sources[i]);
        }
      }
      return true;
    }
  }
  return false;
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
    // The set says whether a signal occurs, not where: a sector with `unless` patterns checks
    // where its signal occurs (Shows) before counting it.
    for (int k : matched) {
      if (k < 0 || static_cast<std::size_t>(k) >= table.sector_of.size() ||
          static_cast<std::size_t>(k) >= table.signal_in_sector.size()) {
        continue;
      }
      const std::size_t i = table.sector_of[static_cast<std::size_t>(k)];
      const std::size_t s = table.signal_in_sector[static_cast<std::size_t>(k)];
      if (!sectors[i].unless.empty() &&
          (s >= sectors[i].signals.size() || !Shows(sectors[i], *sectors[i].signals[s], folded))) {
        continue;
      }
      ++signals[i];
    }
  } else {
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      for (const auto& pattern : sectors[i].signals) {
        if (Shows(sectors[i], *pattern, folded)) ++signals[i];
      }
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> found;  // (signals, index)
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    if (signals[i] < sectors[i].needs && ShowsDecisive(sectors[i], folded)) {
      signals[i] = sectors[i].needs;
    }
    if (signals[i] >= sectors[i].needs) found.emplace_back(signals[i], i);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& [count, i] : found) {
    if (!sectors[i].within.empty()) continue;  // placed with its sector below
    std::vector<std::string> after;  // shown within sector i, placed after it (follows_when)
    for (const auto& [inner_signals, j] : found) {
      if (sectors[j].within != sectors[i].id) continue;
      const bool follows = std::any_of(
          sectors[j].follows_when.begin(), sectors[j].follows_when.end(),
          [&](const auto& pattern) { return RE2::PartialMatch(text, *pattern); });
      (follows ? after : out).push_back(sectors[j].id);
    }
    out.push_back(sectors[i].id);
    out.insert(out.end(), after.begin(), after.end());
  }
  return out;
}

std::vector<std::string> DocumentSectors(std::string_view folded) {
  return DocumentSectors(*BuiltinSectors(), folded);
}

namespace {

// Fits the rationale of one finding whose rule's, else category's, rationale is `shown` (see
// FitRationalesToSectors). True when it gave the finding a `flag_rationale` sentence.
bool FitRationale(const RationaleEntry* own, const RationaleEntry* category,
                  const RationaleEntry& shown, const std::vector<std::string>& sectors,
                  const CitationCheck& check, Finding& finding) {
  if (FitToFlagSentence(own, category, finding)) return true;
  // Sources of a flag sentence are not for the other sentences.
  finding.rationale.sources =
      Ordered(shown, [](const std::vector<std::string>& /*of*/) { return 0; });
  AddSectorAnswers(shown, sectors, finding);
  // The rule's own rationale, when it has one, is fitted by its own sentences first: the
  // category's sector sentence never displaces it, but follows it (FollowWithCategory).
  if (FitToOwnSentence(shown, sectors, check, finding)) return false;
  if (own != nullptr && category != nullptr && own != category &&
      FollowWithCategory(*own, *category, sectors, check, finding)) {
    return false;
  }
  // A sentence only for sectors the document does not show gives way (issue 14 review s7 #1),
  // also in a document that shows none (review s8 #2); so does one citing a regulation clause
  // that does not hold for the finding (fourth review #1).
  if ((ForOtherSectors(shown, sectors) || !check.Holds(shown.shown.text)) &&
      FitToNeutral(own, category, sectors, check, finding)) {
    return false;
  }
  if (!sectors.empty()) finding.rationale.sources = Ordered(shown, BySectors(sectors));
  return false;
}


// The id of the family of sector `id` in table: the sector it is shown within, else itself.
std::string FamilyOf(const SectorTable& table, const std::string& id) {
  for (const SectorEntry& entry : table.entries) {
    if (entry.id == id) return entry.within.empty() ? id : entry.within;
  }
  return id;
}

// Whether one of the signals of sector `id` occurs in `folded` (case-folded text) outside the
// passages its `unless` patterns exclude (Shows).
bool SignalIn(const SectorTable& table, const std::string& id, std::string_view folded) {
  for (const SectorEntry& entry : table.entries) {
    if (entry.id != id) continue;
    return std::any_of(entry.signals.begin(), entry.signals.end(),
                       [&](const auto& signal) { return Shows(entry, *signal, folded); });
  }
  return false;
}

// Whether `folded` (case-folded text) shows at least `needs` distinct signals of sector `id`, or
// one of its `decisive` ones, outside the passages its `unless` patterns exclude (Shows), as a
// document must to show it.
bool ShownIn(const SectorTable& table, const std::string& id, std::string_view folded) {
  for (const SectorEntry& entry : table.entries) {
    if (entry.id != id) continue;
    const auto found = std::count_if(entry.signals.begin(), entry.signals.end(),
                                     [&](const auto& signal) { return Shows(entry, *signal, folded); });
    return static_cast<std::size_t>(found) >= entry.needs || ShowsDecisive(entry, folded);
  }
  return false;
}

// The sectors of the document (`sectors`, DocumentSectors) whose sentence may explain `finding`
// (issue 14 third review #4: no HIPAA sentence on a VA destruction certificate): those of the
// family of the leading sector (it, the sector it is shown within and those shown within that
// one), and another only where the clause or its section heading shows it as a document must,
// by `needs` distinct signals (s11 #2: "business associates" among those who need a security
// clearance makes no HIPAA clause).
std::vector<std::string> SectorsOfClause(const SectorTable& table,
                                         const std::vector<std::string>& sectors,
                                         const Finding& finding) {
  if (sectors.size() < 2) return sectors;
  const std::string leading = FamilyOf(table, sectors.front());
  std::string folded = finding.section + "\n" + finding.text;
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<std::string> out;
  for (const std::string& sector : sectors) {
    if (FamilyOf(table, sector) == leading || ShownIn(table, sector, folded)) {
      out.push_back(sector);
    }
  }
  // A sector placed after the one it is shown within (follows_when) leads a clause that shows
  // one of its own signals (the UK Addendum of a DPA for EU and UK data).
  for (std::size_t k = 1; k < out.size(); ++k) {
    const std::string family = FamilyOf(table, out[k]);
    if (family == out[k] || !SignalIn(table, out[k], folded)) continue;
    const auto parent = std::find(out.begin(), out.begin() + static_cast<long>(k), family);
    if (parent != out.begin() + static_cast<long>(k)) {
      std::rotate(parent, out.begin() + static_cast<long>(k), out.begin() + static_cast<long>(k) + 1);
    }
  }
  return out;
}

// Whether `sentence` names only laws of `sectors` (SectorLawsNamed, MayNameLawOf) and cites
// only regulation clauses that hold for the finding (check).
bool TrueOf(const std::string& sentence, const std::vector<std::string>& sectors,
            const CitationCheck& check) {
  const std::vector<NamedLaw> laws = SectorLawsNamed(sentence);
  // "GDPR and UK GDPR controllers" holds for either: the UK GDPR keeps the GDPR's articles.
  const bool names_gdpr = std::any_of(laws.begin(), laws.end(), [](const NamedLaw& law) {
    return law.sector == "gdpr-controllers";
  });
  return check.Holds(sentence) &&
         std::all_of(laws.begin(), laws.end(), [&](const NamedLaw& law) {
           if (law.sector == "uk-gdpr-controllers" && names_gdpr &&
               Has(sectors, "gdpr-controllers")) {
             return true;
           }
           return Has(sectors, law.sector) || MayNameLawOf(sectors, law.sector);
         });
}

// Leaves finding no sentence or source that is not true of it (issue 14 fourth review #1, #2):
// a sentence that names a law of a sector not among `sectors` (the union sentence of a
// rationale's `rationale`, which names every sector's law, in a document of one of them) or
// cites a regulation clause that does not hold (check) becomes the category's sentence for one of
// `sectors` that is true of it, else the rule's, else the category's, `neutral` sentence with
// the sources of no sector, else none at all; sources of a sector not among `sectors` (nor
// within one of them), and those citing such a clause, are left out.
void KeepRationaleTrue(const RationaleEntry* own, const RationaleEntry* category,
                       const std::vector<std::string>& sectors, const CitationCheck& check,
                       Finding& finding) {
  if (!TrueOf(finding.rationale.text, sectors, check)) {
    finding.rationale = {};
    const bool fitted = category != nullptr && category != own &&
                        FitToOwnSentence(*category, sectors, check, finding);
    if (!fitted) {
      for (const RationaleEntry* entry : {own, category}) {
        if (entry == nullptr || entry->neutral.empty()) continue;
        GiveNeutral(*entry, category, finding);
        break;
      }
    }
  }
  auto& sources = finding.rationale.sources;
  sources.erase(
      std::remove_if(sources.begin(), sources.end(),
                     [&](const RationaleSource& source) {
                       if (!check.Lists(source.title) &&
                           !SentenceCites(finding.rationale.text, source.title)) {
                         return true;
                       }
                       const std::vector<std::string>* of = SectorsOfSource(own, category, source);
                       if (of == nullptr || General(*of)) return false;
                       return std::none_of(of->begin(), of->end(), [&](const std::string& s) {
                         return Has(sectors, s) || MayNameLawOf(sectors, s);
                       });
                     }),
      sources.end());
  // Every sentence names a source (fourth review #5): one whose sources were all of other
  // sectors names those of no sector of its rule, else of its category.
  for (const RationaleEntry* entry : {own, category}) {
    if (!sources.empty() || finding.rationale.text.empty()) break;
    if (entry == nullptr) continue;
    sources =
        Ordered(*entry, [](const std::vector<std::string>& of) { return General(of) ? 0 : -1; });
  }
}

// Leaves in finding.rationale.sectors only the sectors the document shows (`sectors`, or one
// shown within such a sector) and "all"; "all" when none is left (issue 14 s11 #4: a sentence
// kept as written listed every sector its rationale was written for).
void KeepShownSectors(const std::vector<std::string>& sectors, Finding& finding) {
  auto& listed = finding.rationale.sectors;
  listed.erase(std::remove_if(listed.begin(), listed.end(),
                              [&](const std::string& s) {
                                return s != "all" && !Has(sectors, s) && !MayNameLawOf(sectors, s);
                              }),
               listed.end());
  if (listed.empty()) listed = {"all"};
}

// Removes the considerations (answers, kNeedPrefix, and the rule's and positions' advice alike)
// that name a law of a sector not among `sectors`, unless the clause or its section heading
// names that sector's law itself (issue 14 third review #2: no DORA answer for a document of no
// financial entity; s11 #1: no advice on the SCCs' governing law in a contract under no
// data-protection regime).
void DropAdviceOfOtherSectors(const std::vector<std::string>& sectors, Finding& finding) {
  const std::vector<NamedLaw> own = SectorLawsNamed(finding.section + "\n" + finding.text);
  const auto foreign = [&](const NamedLaw& law) {
    return !Has(sectors, law.sector) && !MayNameLawOf(sectors, law.sector) &&
           std::none_of(own.begin(), own.end(),
                        [&](const NamedLaw& named) { return named.sector == law.sector; });
  };
  auto& list = finding.considerations;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const std::string& text) {
                              const std::vector<NamedLaw> laws = SectorLawsNamed(text);
                              return std::any_of(laws.begin(), laws.end(), foreign);
                            }),
             list.end());
}

}  // namespace

void FitRationalesToSectors(const RuleSetData& data, const std::vector<std::string>& sectors,
                            const std::vector<std::string>& clause_of, Report* report) {
  const SectorTable& table = data.sectors ? *data.sectors : *BuiltinSectors();
  const ClauseSubjects subjects = SubjectsOf(data);
  for (std::size_t i = 0; i < report->findings.size(); ++i) {
    Finding& finding = report->findings[i];
    if (finding.rationale.text.empty()) continue;
    const RationaleEntry* own = Find(data, finding.rule);
    const RationaleEntry* category = Find(data, finding.category);
    const RationaleEntry* shown = own != nullptr ? own : category;
    if (shown == nullptr) continue;
    // A rationale for clauses of one kind only (`only_if`, issue 14 review s8 #5): it stands for
    // such a clause whatever the sectors, with its answers; another clause gets the neutral
    // sentence.
    if (!shown->only_if.empty()) {
      auto flag = finding.parameters.find(shown->only_if);
      const bool set = flag != finding.parameters.end() &&
                       std::holds_alternative<bool>(flag->second) && std::get<bool>(flag->second);
      if (set) continue;
      GiveNeutral(*shown, category, finding);
    } else {
      const CitationCheck check(subjects, finding, i < clause_of.size() ? clause_of[i] : "");
      const std::vector<std::string> of_clause = SectorsOfClause(table, sectors, finding);
      if (!FitRationale(own, category, *shown, of_clause, check, finding)) {
        KeepRationaleTrue(own, category, of_clause, check, finding);
      }
    }
    KeepShownSectors(sectors, finding);
  }
  for (Finding& finding : report->findings) DropAdviceOfOtherSectors(sectors, finding);
}

}  // namespace clausescan::internal

// The scan pipeline: read -> normalise -> segment -> match -> assess -> Report.
#include "clausescan/scanner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "assess/assess.h"
#include "assess/clause_asks.h"
#include "assess/indemnity_cap.h"
#include "assess/list_items.h"
#include "assess/mandated_text.h"
#include "assess/merge.h"
#include "assess/nearby_protections.h"
#include "assess/one_sided_limits.h"
#include "assess/perspective.h"
#include "assess/rationale.h"
#include "assess/rationale_sector.h"
#include "assess/savings_clause.h"
#include "assess/section_advice.h"
#include "assess/subprocessor_scheme.h"
#include "clausescan/baseline.h"
#include "clausescan/judgement.h"
#include "clausescan/printers.h"
#include "extract/document.h"
#include "match/fallback.h"
#include "match/matcher.h"
#include "params/contract_term.h"
#include "params/heading_party.h"
#include "params/parties_in_text.h"
#include "params/party_role.h"
#include "params/role_cache.h"
#include "params/second_person.h"
#include "report/context.h"
#include "rules/model.h"
#include "structure/doctype.h"
#include "structure/doctype_body.h"
#include "structure/outline.h"
#include "text/normalize.h"
#include "text/template_marks.h"

namespace clausescan {
namespace {

using internal::Document;

constexpr std::size_t kContextChars = 60;  // of Finding::context_before and context_after

// The number of PDFs that may be read at once, each with this fraction of max_pdf_memory_bytes.
constexpr std::size_t kPdfMemoryShares = 4;

internal::ReadOptions ToReadOptions(const ScanOptions& options) {
  internal::ReadOptions read;
  read.lossy_utf8 = options.lossy_utf8;
  read.max_input_bytes = options.max_input_bytes;
  read.max_part_bytes = options.max_part_bytes;
  read.max_text_bytes =
      options.max_text_bytes > 0 ? options.max_text_bytes : options.max_input_bytes;
  read.max_xml_depth = options.max_xml_depth;
  read.original_revisions = options.revisions == Revisions::kOriginal;
  read.password = options.password;
  read.pdf_limits.time = std::chrono::seconds(std::max(options.pdf_time_limit_seconds, 0));
  // The limit is shared by the PDFs read at once: each has a fixed share of it (so whether a
  // PDF fits does not depend on what else is read at the time), and at most kPdfMemoryShares
  // are read at once; the others wait.
  // Rounded up: a limit of a few bytes is a limit (no PDF is read), never none.
  read.pdf_limits.memory_bytes =
      (options.max_pdf_memory_bytes + kPdfMemoryShares - 1) / kPdfMemoryShares;
  read.pdf_limits.shared_memory_bytes = options.max_pdf_memory_bytes;
  read.pdf_limits.time_option = "ScanOptions::pdf_time_limit_seconds";
  read.pdf_limits.memory_option = "ScanOptions::max_pdf_memory_bytes";
  return read;
}

// The matching view of a document. It counts against the text limit too: NFKC can make text
// 18 times longer (U+FDFA), and scanning takes memory per byte of this view. kTooLarge naming
// the document past it.
Result<internal::NormalizedText> NormalizeDocument(const Document& doc,
                                                   const ScanOptions& scan_options) {
  internal::NormalizeOptions options;
  options.markdown = doc.format == internal::Format::kMarkdown;
  // Plain text is often converted from a PDF, and a PDF's pages break sentences; Word, HTML and
  // Markdown paragraphs are the author's.
  options.join_sentences_across_blank_lines =
      doc.format == internal::Format::kText || doc.format == internal::Format::kPdf;
  const std::size_t limit = ToReadOptions(scan_options).max_text_bytes;
  std::optional<internal::NormalizedText> text =
      internal::NormalizeWithin(doc.text, options, limit);
  if (!text) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("the text normalised for matching (NFKC: some characters become "
                             "several) is above the limit of {} bytes (raise the limit with "
                             "ScanOptions::max_text_bytes)",
                             limit),
                 doc.name);
  }
  return *std::move(text);
}

// Who the user is in one document: the parties it names, the user's side, the words that name
// each side in it, and the names findings show.
struct DocumentSides {
  std::vector<internal::NamedParty> parties;
  internal::Party user = internal::Party::kSupplier;
  internal::PartyLexicon lexicon;
  internal::SideNames names;
};

// How often word (lower case) occurs in text (the cased view) as a whole word written with a
// capital ("Provider", "PROVIDER") or in lower case after "the" one or two words before ("the
// provider", "the accredited provider"): the ways a contract writes the terms it names its
// parties by; "an internet service provider" does not count.
std::size_t CapitalisedCount(std::string_view text, const std::string& word) {
  if (word.empty()) return 0;
  const auto is_letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  };
  std::string capital = word;
  std::string upper = word;
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  capital[0] = upper[0];
  std::size_t count = 0;
  // "the provider", "the accredited provider": a lower-case word the contract names a party by.
  const auto after_the = [&](std::size_t at) {
    const std::string_view before = text.substr(at > 40 ? at - 40 : 0, at > 40 ? 40 : at);
    std::size_t words = 0;
    std::size_t end = before.size();
    while (words < 2) {
      while (end > 0 && before[end - 1] == ' ') --end;
      std::size_t begin = end;
      while (begin > 0 && is_letter(before[begin - 1])) --begin;
      if (begin == end) return false;
      const std::string_view w = before.substr(begin, end - begin);
      if (w == "the" || w == "The") return true;
      ++words;
      end = begin;
    }
    return false;
  };
  std::vector<std::string> forms = {capital};
  if (upper != capital) forms.push_back(upper);
  if (word != capital) forms.push_back(word);
  for (const std::string& form : forms) {
    for (std::size_t at = text.find(form); at != std::string_view::npos && count < 100000;
         at = text.find(form, at + form.size())) {
      const std::size_t end = at + form.size();
      if ((at == 0 || !is_letter(text[at - 1])) && (end >= text.size() || !is_letter(text[end])) &&
          (form != word || after_the(at))) {
        ++count;
      }
    }
  }
  return count;
}

// How often text (the cased view) writes word (lower case) capitalised after "the": "the
// Government", "The Government", "THE GOVERNMENT", as whole words.
std::size_t ArticleCount(std::string_view text, const std::string& word) {
  std::string capital = word;
  std::string upper = word;
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  capital[0] = upper[0];
  std::size_t count = 0;
  for (const std::string& form : {"the " + capital, "The " + capital, "THE " + upper}) {
    for (std::size_t at = text.find(form); at != std::string_view::npos && count < 100000;
         at = text.find(form, at + form.size())) {
      const std::size_t end = at + form.size();
      const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
      if ((at == 0 || !letter(text[at - 1])) && (end >= text.size() || !letter(text[end]))) {
        ++count;
      }
    }
  }
  return count;
}

// The word of `words` (lower case) that text (the cased view) writes most often as a party's
// term (CapitalisedCount), at least twice, capitalised ("Provider", "Data importer"); `fallback`
// when none does. "we" and "you" are not names. An entry with its article ("the government")
// counts where the text writes it capitalised after "the" (ArticleCount) and shows the word after
// the article ("Government", issue 15 #1). *count is set to its count (0 for fallback).
std::string CommonWord(std::string_view text, const std::vector<std::string>& words,
                       const std::string& fallback, std::size_t* count = nullptr) {
  std::string best = fallback;
  std::size_t best_count = 0;
  for (std::string word : words) {
    const bool article = word.rfind("the ", 0) == 0;
    if (article) word.erase(0, 4);
    if (word.size() < 3 || word == "you" || word[0] < 'a' || word[0] > 'z') continue;
    const std::size_t n = article ? ArticleCount(text, word) : CapitalisedCount(text, word);
    if (n >= 2 && n > best_count) {
      best_count = n;
      best = word;
      best[0] = static_cast<char>(best[0] - 'a' + 'A');
    }
  }
  if (count != nullptr) *count = best_count;
  return best;
}

// The name of `side` in a finding: its parties' display names joined, else the side's lexicon
// word the contract writes most (CommonWord), else `fallback`. A party known only by role words
// that the contract writes less often than that word ('"Processor" means a natural or legal
// person ...' in a contract whose clauses say "Provider") shows that word (issue 15 #1, review).
std::string SideName(const std::vector<internal::NamedParty>& parties, internal::Party side,
                     std::string_view text, const std::vector<std::string>& words,
                     const std::string& fallback) {
  std::size_t common_count = 0;
  const std::string common = CommonWord(text, words, fallback, &common_count);
  std::vector<std::string> names;
  for (const internal::NamedParty& party : parties) {
    if (party.side != side) continue;
    std::string shown = party.Display();
    const bool roles_only =
        party.name.empty() &&
        std::all_of(party.terms.begin(), party.terms.end(), [](const std::string& term) {
          return internal::RoleOfWord(term) != internal::Party::kUnknown;
        });
    if (roles_only && common_count > 0) {
      std::string lower = shown;
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      if (CapitalisedCount(text, lower) < common_count) shown = common;
    }
    if (std::find(names.begin(), names.end(), shown) == names.end()) names.push_back(shown);
  }
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += " / ";
    out += name;
  }
  return out.empty() ? common : out;
}

// An option's value as an error quotes it: made safe to print (MessageSafe), and cut at a
// character past 80 bytes.
std::string QuotedOption(const std::string& value) {
  std::string shown = MessageSafe(value);
  if (shown.size() <= 80) return shown;
  std::size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
  return shown.substr(0, cut) + "\u2026";
}

// Reads the parties of the document and resolves options.party against them. kInvalidArgument
// naming the document when options.party names none of them.
Result<DocumentSides> ReadSides(const internal::RuleSetData& data,
                                const internal::NormalizedText& text, const Document& doc,
                                const ScanOptions& options) {
  DocumentSides sides;
  sides.parties = internal::ReadParties(text.text);
  // "we" and "you" take the sides this document gives them (issue 11 #3), and the names it
  // gives them are parties (issue 15 #1: "GitHub" acting on "you").
  const internal::PersonSides person =
      internal::ReadPersonSides(text.text, internal::DocumentLexicon(data.parties, sides.parties));
  internal::AddPersonParties(person, &sides.parties);
  const std::string choice = options.party.empty() ? "supplier" : options.party;
  std::optional<internal::Party> user = internal::ResolveUserSide(choice, &sides.parties);
  if (!user) {
    return Error(ErrorCode::kInvalidArgument,
                 fmt::format("ScanOptions::party {}: the contract names no such party (or the "
                             "name fits several); the parties it names: {} (or use "
                             "ScanOptions::party supplier or ScanOptions::party customer)",
                             QuotedOption(choice), internal::DescribeParties(sides.parties)),
                 doc.name);
  }
  sides.user = *user;
  sides.lexicon = internal::DocumentLexicon(data.parties, sides.parties);
  internal::ApplyPersonSides(person, &sides.lexicon);
  sides.names.supplier = SideName(sides.parties, internal::Party::kSupplier, text.text,
                                  data.parties.supplier, "supplier");
  sides.names.customer = SideName(sides.parties, internal::Party::kCustomer, text.text,
                                  data.parties.customer, "customer");
  if (sides.names.supplier != "supplier" && sides.names.customer != "customer") {
    sides.names.both = sides.names.supplier + " and " + sides.names.customer;
  } else {
    sides.names.both = "both parties";
  }
  return sides;
}

// The parties as the report lists them.
std::vector<ContractParty> ReportParties(const DocumentSides& sides) {
  std::vector<ContractParty> out;
  for (const internal::NamedParty& party : sides.parties) {
    ContractParty p;
    p.name = party.name;
    p.terms = party.terms;
    p.role = std::string(internal::PartyName(party.side));
    if (party.side == internal::Party::kSupplier || party.side == internal::Party::kCustomer) {
      p.side = party.side == sides.user ? "us" : "them";
    }
    out.push_back(std::move(p));
  }
  return out;
}

// The end of the term the contract states (internal::FindContractTerm), counted from `on` (the
// contract does not say when it starts in a way we read), with where it was read in *source;
// nullopt when it states none or one that ends after the year 9999.
std::optional<CalendarDate> ReadContractTerm(const Document& doc,
                                             const internal::NormalizedText& text,
                                             const internal::LineIndex& lines,
                                             const CalendarDate& on, std::string* source) {
  std::optional<internal::ContractTerm> term = internal::FindContractTerm(text.folded);
  if (!term) return std::nullopt;
  // issue 13 attack D18: a term ending after 9999 is no usable term
  std::optional<CalendarDate> ends = internal::AddDuration(on, term->duration);
  if (!ends) return std::nullopt;
  auto [start, end] = text.SourceRange(term->begin, term->end, doc.text);
  std::string quote;
  for (char c : std::string_view(doc.text).substr(start, end - start)) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (quote.empty() || quote.back() == ' ')) continue;
    quote += space ? ' ' : c;
  }
  *source = fmt::format("read at line {} (\"{}\"), counted from {}", lines.Line(start), quote,
                        on.ToString());
  return ends;
}

// Builds the finding for one hit, located in the document and assessed for a document of type
// doctype.
// True when text has no word that binds or empowers a subject of its own ("shall", "will",
// "must", "may", "agrees", "undertakes"): a sentence such as "Each product is covered by a 99.9%
// uptime commitment", which states no one's duty and so continues the side of its rule. A
// sentence with such a word whose subject the roles did not place on a side ("i-Escrow shall
// indemnify 2TheMart") keeps no side.
bool BindsNoSubject(std::string_view text) {
  std::string word;
  auto binds = [&word] {
    for (const char* modal : {"shall", "will", "must", "may", "agree", "agrees", "undertakes"}) {
      if (word == modal) return true;
    }
    return false;
  };
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (binds()) return false;
    word.clear();
  }
  return !binds();
}

Finding MakeFinding(const internal::RuleSetData& data, const internal::RuleHit& hit,
                    const Document& doc, const internal::NormalizedText& text,
                    const internal::Outline& outline, const internal::LineIndex& lines,
                    std::string_view doctype) {
  const internal::Rule& rule = data.rules[hit.rule];
  Finding finding;
  finding.rule = rule.id;
  finding.category = rule.category;
  finding.title = rule.title;
  auto [start, end] = text.SourceRange(hit.begin, hit.end, doc.text);
  if (doc.format == internal::Format::kMarkdown) {
    // A clause that opens with emphasis ("_Processor_ agrees", "**Customer** shall") quotes its
    // opening marker too, which the normaliser dropped before the clause's first letter.
    for (int markers = 0; markers < 3 && start > 0 && start < end &&
                          (doc.text[start - 1] == '_' || doc.text[start - 1] == '*');
         ++markers) {
      --start;
    }
  }
  finding.start = start;
  finding.end = end;
  finding.line = lines.Line(start);
  finding.column = lines.Column(start);
  internal::SourceSpan source = doc.Locate(start);
  finding.page = source.page;
  finding.paragraph = source.paragraph;
  if (hit.section >= 0) finding.section = outline.sections[hit.section].label;
  finding.text = doc.text.substr(start, end - start);
  finding.context_before = internal::ContextBefore(doc.text, start, kContextChars);
  finding.context_after = internal::ContextAfter(doc.text, end, kContextChars);
  finding.fallback = rule.fallback;
  finding.parameters = hit.parameters;
  internal::Assess(data, rule, finding, doctype);
  return finding;
}

// The party of a hit's unit. A unit that names no side, under a rule for either side, takes the
// party of the clause before it in the same section and category ("Audits may be conducted once
// a year" after "Ehave may audit CHT"); failing that, governing law, liability and transfer
// terms bind both (mutual: "This Agreement shall be governed by ...", "The Standard Contractual
// Clauses will apply to such transfers"), and the other clauses, which the
// rules read as the supplier's commitments, the supplier ("Personal Data will be deleted ...";
// for transfers, a passive duty on data: "Buyer Data must not be transferred ...").
// Before all of these, a unit that names no side and no third party takes the role its row of a
// table of roles names (HolderOfTableRow in cased, the document's cased text: "| CISA | ... |
// Coordinates ..." is the third party's duty), else the side its section's heading says the
// duties under it are when it is an instruction ("Your responsibilities" / "* Use two factor
// authentication": section_parties, PartiesOfSections; OpensWithSubject). unit_roles reads the units of text under sides.lexicon.
internal::PartyRole RoleOfHit(const internal::RuleSetData& data, const internal::RuleHit& hit,
                              std::string_view cased,
                              const std::vector<internal::Party>& section_parties,
                              internal::UnitRoles& unit_roles,
                              std::map<std::pair<int, std::string>, internal::PartyRole>* last) {
  const internal::Rule& rule = data.rules[hit.rule];
  internal::PartyRole role = unit_roles.Of(hit.begin, hit.end, hit.party);
  const auto key = std::make_pair(hit.section, rule.category);
  if (role.party != internal::Party::kUnknown) {
    (*last)[key] = role;
    return role;
  }
  if (role.third_party.empty()) {
    internal::RowHolder row = internal::HolderOfTableRow(cased, hit.begin, unit_roles.lexicon());
    if (row.side != internal::Party::kUnknown) {
      role.party = row.side;
      return role;
    }
    if (!row.third.empty()) {
      role.third_party = std::move(row.third);
      role.third_party_holds = true;
      return role;
    }
  }
  if (hit.section >= 0 && static_cast<std::size_t>(hit.section) < section_parties.size() &&
      section_parties[hit.section] != internal::Party::kUnknown && role.third_party.empty() &&
      !internal::OpensWithSubject(unit_roles.Folded(hit.begin, hit.end))) {
    role.party = section_parties[hit.section];
    return role;
  }
  if (rule.party != internal::Party::kUnknown) return role;
  if (!role.third_party.empty() && rule.category == "audit_rights") return role;
  if (auto it = last->find(key); it != last->end() && hit.section >= 0) {
    role.party = it->second.party;
    role.right = it->second.right;
    role.audits = it->second.audits;
    role.names_other_side = it->second.names_other_side;
  } else if (rule.category == "international_transfers" &&
             internal::PassiveDutyOnData(unit_roles.Folded(hit.begin, hit.end))) {
    // "Buyer Data must not be transferred outside Australia": the holder of the data, which the
    // rules read as the supplier.
    role.party = internal::Party::kSupplier;
  } else if (rule.category == "governing_law" || rule.category == "liability_cap" ||
             rule.category == "international_transfers") {
    // Terms of the agreement as a whole; the transfer clauses both sides sign ("The Standard
    // Contractual Clauses will apply to such transfers", issue 15 #8).
    role.party = internal::Party::kMutual;
  } else {
    role.party = internal::Party::kSupplier;  // the clauses the rules read bind the supplier
  }
  return role;
}

// Where a finding's role is kept until it is judged: the end of the finding it was read for.
struct RoleSpan {
  std::size_t end = 0;
  internal::PartyRole role;
};

// The role read for the first finding of finding.rule whose range overlaps finding's (after
// merging: the primary rule's first own finding inside the merged range, which may cover several
// sentences of one side; the first of them that states a duty of that side when a later one
// does: "Provider may update the list ... Provider will notify Customer" is Provider's duty to
// notify, read22 #4), or nullptr.
const internal::PartyRole* RoleOf(
    const std::map<std::string, std::map<std::size_t, RoleSpan>>& roles, const Finding& finding) {
  auto of_rule = roles.find(finding.rule);
  if (of_rule == roles.end()) return nullptr;
  auto it = of_rule->second.lower_bound(finding.start);
  if (it != of_rule->second.begin() && std::prev(it)->second.end > finding.start) --it;
  if (it != of_rule->second.end() && it->first < finding.end) {
    if (it->second.role.right) {
      for (auto duty = std::next(it); duty != of_rule->second.end() && duty->first < finding.end;
           ++duty) {
        if (!duty->second.role.right && duty->second.role.party == it->second.role.party) {
          return &duty->second.role;
        }
      }
    }
    return &it->second.role;
  }
  // A piece of a clause split into its provisions (issue 15 #3) lies inside the hit of its list
  // or paragraph, which may start before a nearer hit of the same rule: look a few further back.
  int looked = 0;
  for (auto back = of_rule->second.lower_bound(finding.start);
       back != of_rule->second.begin() && looked < 16; ++looked) {
    --back;
    if (back->second.end > finding.start) return &back->second.role;
  }
  return nullptr;
}

// The regulation clause (RegulationClauseOf) each finding of report lies in, same index: that of
// the first unmerged finding (finding_sections: start -> end and section) whose range it
// overlaps, each section read once; "" where none. All "" in a document of no US federal
// contractor (sectors), whose headings cite no such clause.
std::vector<std::string> ClausesOfFindings(
    const std::vector<std::string>& sectors, const internal::Outline& outline,
    const std::map<std::size_t, std::pair<std::size_t, int>>& finding_sections,
    const Report& report) {
  std::vector<std::string> out(report.findings.size());
  if (std::find(sectors.begin(), sectors.end(), "us-federal-contractors") == sectors.end()) {
    return out;
  }
  // The ranges (start -> end, clause) of the unmerged findings that lie in a clause.
  std::map<std::size_t, std::pair<std::size_t, std::string>> in_clause;
  std::map<int, std::string> clause_of_section;
  for (const auto& [start, span] : finding_sections) {
    auto [known, added] = clause_of_section.try_emplace(span.second);
    if (added) known->second = internal::RegulationClauseOf(outline, span.second);
    if (!known->second.empty()) in_clause[start] = {span.first, known->second};
  }
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    auto after = in_clause.lower_bound(finding.end);
    if (after == in_clause.begin()) continue;
    const auto& [end, clause] = std::prev(after)->second;
    if (end > finding.start) out[i] = clause;
  }
  return out;
}

// The outline position of each finding's section (-1: before any heading): that of an unmerged
// finding (finding_sections: start -> end and section) its start lies in. Merging, and cutting
// an item out of its list, only joins or splits findings of one section, so every finding starts
// inside an unmerged one; the one reaching furthest among those starting at or before it is such.
std::vector<int> SectionsOfFindings(
    const std::map<std::size_t, std::pair<std::size_t, int>>& finding_sections,
    const Report& report) {
  std::vector<std::size_t> starts;
  std::vector<std::pair<std::size_t, int>> furthest;  // end and section, up to each start
  for (const auto& [start, span] : finding_sections) {
    starts.push_back(start);
    furthest.push_back(furthest.empty() || span.first >= furthest.back().first ? span
                                                                               : furthest.back());
  }
  std::vector<int> out(report.findings.size(), -1);
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const std::size_t start = report.findings[i].start;
    const std::size_t n = std::upper_bound(starts.begin(), starts.end(), start) - starts.begin();
    if (n == 0) continue;
    if (starts[n - 1] == start) {
      out[i] = finding_sections.at(start).second;
    } else if (furthest[n - 1].first > start) {
      out[i] = furthest[n - 1].second;
    }
  }
  return out;
}

// Gives way to a regulation's mandated text (issue 14 third review #1, #3): in the SCCs (document
// type "scc") every finding, elsewhere the findings that lie in a FAR, DFARS, VAAR, HSAR or GSAR
// clause (clause_of, ClausesOfFindings), and, in a document of GDPR controllers that names the
// SCCs (`names_sccs`), the findings whose subject is one of the SCCs' own terms (s11 #3).
void GiveWayToMandatedText(const internal::RuleSetData& data, std::string_view doctype,
                           const std::vector<std::string>& clause_of, bool names_sccs,
                           Report* report) {
  const bool scc = doctype == "scc";
  for (std::size_t i = 0; i < report->findings.size(); ++i) {
    Finding& finding = report->findings[i];
    if (scc) {
      internal::GiveWayToMandatedText(data, "scc", finding);
    } else if (i < clause_of.size() && !clause_of[i].empty()) {
      internal::GiveWayToMandatedText(data, "federal-clause", finding);
    } else if (names_sccs) {
      internal::GiveWayToSccsCompleted(data, finding);
    }
  }
}

// The index into data.doctypes of the document's type, or -1 when no type fits ("other").
int GuessType(const internal::RuleSetData& data, const Document& doc,
              const internal::NormalizedText& text, const internal::Outline& outline) {
  const std::string title = doc.format == internal::Format::kMarkdown
                                ? internal::FrontMatterTitle(doc.text)
                                : std::string();
  const std::optional<std::string> body = internal::TypeGuessBody(text, outline);
  return data.doctype_guesser->Guess(title, text.text, body ? *body : text.folded);
}

// Sets report->document.type to the type (index from GuessType) and lists the clauses that type
// expects but no finding provides. Expects the findings in place.
// Sets the document's type and, when judge_missing, the clauses its type expects and no finding
// holds (a report cut at --max-findings does not hold every finding, so it judges none).
void AddTypeAndMissing(const internal::RuleSetData& data, int type,
                       const internal::NormalizedText& text, bool judge_missing, Report* report) {
  if (type < 0) {
    report->document.type = "other";
    return;
  }
  report->document.type = data.doctypes[type].id;
  if (!judge_missing) return;
  report->missing = internal::MissingClauses(data, data.doctypes[type], report->findings,
                                             data.doctype_guesser->Applicable(type, text.folded));
}

// True when text holds nothing but blank space (or nothing at all).
bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Records what makes the document a template (see DocumentInfo::placeholders) in the report's
// document and notes.
void AddTemplateNotes(const internal::TemplateMarks& marks, Report* report) {
  report->document.placeholders = marks.placeholders;
  report->document.options_not_selected = marks.options_not_selected;
  if (marks.placeholders > 0) {
    report->notes.push_back(fmt::format("template: {} unfilled placeholder{}", marks.placeholders,
                                        marks.placeholders == 1 ? "" : "s"));
  }
  if (marks.options_not_selected > 0) {
    const std::size_t n = marks.options_not_selected;
    report->notes.push_back(fmt::format(
        "template: {} option{} not selected (checkbox not ticked); {} text is not scanned as "
        "agreed terms",
        n, n == 1 ? "" : "s", n == 1 ? "its" : "their"));
  }
}

// The rule hits to match for at most max_findings findings (0: all): several rules' hits on one
// clause make one finding, so a few times as many, saturating.
std::size_t MaxHitsFor(std::size_t max_findings) {
  constexpr std::size_t kHitsPerFinding = 2;
  constexpr std::size_t kSlack = 16;
  if (max_findings == 0) return 0;
  if (max_findings > (std::numeric_limits<std::size_t>::max() - kSlack) / kHitsPerFinding) return 0;
  return max_findings * kHitsPerFinding + kSlack;
}

// The findings options.max_findings counts: those at or above options.min_risk.
std::size_t CountedFindings(const Report& report, const ScanOptions& options) {
  return static_cast<std::size_t>(
      std::count_if(report.findings.begin(), report.findings.end(),
                    [&](const Finding& f) { return f.risk >= options.min_risk; }));
}

// Keeps the findings of report up to its options.max_findings-th counted one (CountedFindings),
// in document order, when a counted one follows it; true when it dropped any (a report whose
// later findings are all below min_risk is kept whole).
bool CutAtMaxFindings(const ScanOptions& options, Report* report) {
  if (options.max_findings == 0) return false;
  std::size_t counted = 0;
  for (auto f = report->findings.begin(); f != report->findings.end(); ++f) {
    if (f->risk >= options.min_risk && ++counted == options.max_findings) {
      // Cut only when another finding at or above min_risk follows: findings below it are not
      // shown anyway, and a report of every finding shown is no cut report (attack review of
      // 86d34a9 #2: "the document has more" and a failed --fail-on with nothing more to show).
      const bool more = std::any_of(f + 1, report->findings.end(), [&](const Finding& next) {
        return next.risk >= options.min_risk;
      });
      if (more) report->findings.erase(f + 1, report->findings.end());
      return more;
    }
  }
  return false;
}

// Scans a document read in, matching at most max_hits rule hits (0: no bound), and keeps its
// findings up to the options.max_findings-th at or above options.min_risk (CutAtMaxFindings).
// *matching_cut: whether matching stopped at max_hits.
Result<Report> ScanDocumentWithin(const internal::RuleSetData& data, const Document& doc,
                                  const ScanOptions& options, std::size_t max_hits,
                                  bool* matching_cut) {
  if (options.profile && options.term_ends) {
    const CalendarDate on = options.profile_date.value_or(CalendarDate::Today());
    if (*options.term_ends < on) {  // attack review of the merged main #8: as the CLI refuses
      return Error(ErrorCode::kInvalidArgument,
                   fmt::format("ScanOptions::term_ends {} is before the judging date {} "
                               "(ScanOptions::profile_date, or today): give the day the "
                               "contract's term ends",
                               options.term_ends->ToString(), on.ToString()),
                   doc.name);
    }
  }
  Result<internal::NormalizedText> normalized = NormalizeDocument(doc, options);
  if (!normalized) return normalized.error();
  internal::NormalizedText& text = *normalized;
  // Options not selected are no agreed terms: no rule sees them (issue 15 #5).
  const internal::TemplateMarks marks = internal::FindTemplateMarks(text.text);
  internal::BlankUnselectedOptions(marks, &text);
  // Nor a line that is only blanks to fill ("[insert the vendor's contact]").
  internal::BlankPlaceholderLines(marks, &text);
  internal::Outline outline = internal::Segment(text);
  internal::LineIndex lines(doc.text);
  Report report;
  report.document.path = doc.name;
  report.document.format = std::string(internal::FormatName(doc.format));
  report.document.bytes = doc.input_bytes;
  report.notes = doc.notes;
  AddTemplateNotes(marks, &report);
  if (outline.units.empty()) {
    report.notes.push_back(IsBlank(doc.text) ? "the document is empty: nothing was scanned"
                                             : "the document has no text: nothing was scanned");
  }
  Result<DocumentSides> sides = ReadSides(data, text, doc, options);
  if (!sides) return sides.error();
  report.document.parties = ReportParties(*sides);
  report.document.user_side = std::string(internal::PartyName(sides->user));
  // Rules' hits on one clause merge into one finding, so matching goes on past max_findings hits
  // (bounded: a document of 100,000 clauses stops early) and the findings are cut once judged.
  std::vector<internal::RuleHit> hits =
      data.matcher->Match(text, outline, max_hits, &sides->lexicon);
  // Matching stopped early when it gave more than max_hits hits; told before fallbacks are
  // resolved and clauses merged, which leave fewer (a document cut at 4 % of its text once said
  // nothing of it).
  const bool more = max_hits > 0 && hits.size() > max_hits;
  *matching_cut = more;
  internal::ResolveFallbacks(data.rules, text.folded, &hits);
  if (hits.size() > max_hits && max_hits > 0) hits.resize(max_hits);
  const int type = GuessType(data, doc, text, outline);
  const std::string_view doctype = type < 0 ? std::string_view("other") : data.doctypes[type].id;
  report.findings.reserve(hits.size());
  std::map<std::pair<int, std::string>, internal::PartyRole> last_roles;
  internal::UnitRoles unit_roles(text.folded, sides->lexicon);  // issue 12: once per unit
  const std::vector<internal::Party> section_parties =
      internal::PartiesOfSections(outline.sections, sides->lexicon);
  // Each finding's role, by rule and start, so that the side is judged after merging (a merged
  // finding is judged with its primary rule's role) and the revised risk is the merged clause's.
  std::map<std::string, std::map<std::size_t, RoleSpan>> roles;
  std::map<std::string, const internal::Rule*> rule_of;
  // The ranges of the findings before merging (start -> end and the section it lies in), for
  // reading which lie in a federal acquisition regulation's clause (issue 14 third review #1)
  // once the document is known to be federal.
  std::map<std::size_t, std::pair<std::size_t, int>> finding_sections;
  std::vector<int> finding_section;  // the section of each finding, same index
  for (const internal::RuleHit& hit : hits) {
    internal::PartyRole role = RoleOfHit(data, hit, text.text, section_parties, unit_roles, &last_roles);
    Finding finding = MakeFinding(data, hit, doc, text, outline, lines, doctype);
    const bool customer_tests =
        internal::CustomerTestsSecurity(data.rules[hit.rule], role, finding);
    finding.parameters.erase(std::string(internal::kRunsTestFlag));  // read, never reported
    if (customer_tests) {
      finding.parameters["customer_testing"] = true;  // issue 15 s9 #3
      internal::Reassess(data, finding, doctype);
    }
    auto [span, added] = finding_sections.try_emplace(finding.start, finding.end, hit.section);
    if (!added) span->second.first = std::max(span->second.first, finding.end);
    // The side read so far, so that merging keeps apart sentences of different sides;
    // JudgeFromSide sets the party shown. A sentence that binds no subject takes its rule's side,
    // as JudgeFromSide gives it ("Each product is covered by a 99.9% uptime commitment" after
    // "Supabase will provide ... 99.9%": one provision of the supplier).
    finding.party = std::string(
        internal::PartyName(role.party == internal::Party::kUnknown && BindsNoSubject(finding.text)
                                ? data.rules[hit.rule].party
                                : role.party));
    // A sentence that asks nothing of us is not merged into one that does (issue 15 #8).
    finding.holds = internal::AsksNothingOfUser(data.rules[hit.rule], role, sides->user, finding)
                        ? "nothing"
                        : "";
    rule_of[finding.rule] = &data.rules[hit.rule];
    roles[finding.rule][finding.start] = RoleSpan{finding.end, std::move(role)};
    report.findings.push_back(std::move(finding));
    finding_section.push_back(hit.section);
  }
  // Before merging, while each finding is one rule's clause in its own section.
  internal::ReadNearbyProtections(data, finding_section, report.findings, doctype);
  if (options.merge_same_clause) {
    report.findings =
        internal::MergeSameClause(data, std::move(report.findings), doctype, doc.text);
  } else {
    for (Finding& finding : report.findings) finding.rules = {finding.rule};
  }
  internal::ReadSubprocessorScheme(data, report.findings, doctype);
  internal::ReadIndemnityCarveouts(data, report.findings, doctype);
  internal::FoldListItems(data, doc.text, report.findings, doctype);  // issue 15 #4
  for (Finding& finding : report.findings) {
    finding.holds.clear();  // JudgeFromSide says whose duty or right it is
    const internal::Rule* rule = rule_of[finding.rule];
    const internal::PartyRole* role = RoleOf(roles, finding);
    if (rule != nullptr && role != nullptr) {
      internal::JudgeFromSide(*rule, *role, sides->user, sides->names, &finding, &data.playbook);
    }
  }
  internal::ReadOneSidedLimits(data, report.findings, doctype);  // issue 15 #8
  internal::ReadOneSidedCarveouts(report.findings);              // issue 15 #8
  internal::ReadSavingsClauses(report.findings);                 // issue 15 #1
  AddTypeAndMissing(data, type, text, !more, &report);
  const std::vector<std::string> sectors = internal::DocumentSectors(
      data.sectors ? *data.sectors : *internal::BuiltinSectors(), text.folded);
  report.document.sectors = sectors;  // issue 14 third review #7
  const std::vector<std::string> clause_of =
      ClausesOfFindings(sectors, outline, finding_sections, report);
  internal::FitRationalesToSectors(data, sectors, clause_of, &report);  // issue 14 (review rev5)
  const bool names_sccs =
      std::find(sectors.begin(), sectors.end(), "gdpr-controllers") != sectors.end() &&
      internal::NamesSccs(text.folded);
  GiveWayToMandatedText(data, doctype, clause_of, names_sccs, &report);
  // After the sector and mandated answers are in and the sides judged (issue 14 fourth review
  // #1, s11 #3): what the section or the document grants is left out of every kind of advice.
  // Each finding is read with its clause: the outermost section enclosing its own (read22 #1).
  {
    const std::vector<int> clause_of_section = internal::ClauseSections(outline.sections);
    std::vector<int> clauses = SectionsOfFindings(finding_sections, report);
    std::vector<bool> in_definitions(clauses.size(), false);
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      if (clauses[i] < 0) continue;
      const std::size_t own = static_cast<std::size_t>(clauses[i]);
      clauses[i] = clause_of_section[own];
      in_definitions[i] =
          internal::DefinesTerms(outline.sections[own]) ||
          internal::DefinesTerms(outline.sections[static_cast<std::size_t>(clauses[i])]);
    }
    internal::DropAdviceGrantedNearby(data, report.findings, clauses, text.folded,
                                      in_definitions);  // issue 15 #4
  }
  if (!options.rationale) internal::DropRationale(&report);               // issue 14 #2
  if (options.profile) {                                                  // issue 13 #2
    const CalendarDate on = options.profile_date.value_or(CalendarDate::Today());
    std::optional<CalendarDate> term_ends = options.term_ends;
    std::string term_source;
    if (!term_ends) {  // issue 13 s7 #2: the term the contract states
      term_ends = ReadContractTerm(doc, text, lines, on, &term_source);
    }
    internal::JudgeWhatTheClauseAsks(data, *options.profile, on, term_ends, term_source,
                                     &report);  // issue 13 s10 #1
  }
  // What the baseline accepted is left out before the cut, so the limit counts what is shown
  // (attack review of ecf00c7 #4: accepted findings used up --max-findings and hid a new one).
  if (options.baseline) {
    const std::size_t left_out = options.baseline->Filter(report);
    if (left_out > 0) {
      report.notes.push_back(fmt::format("{} {} accepted in the baseline {} and left out",
                                         left_out,
                                         left_out == 1 ? "finding is" : "findings are",
                                         options.baseline->name()));
    }
  }
  // Cut once every judgement has set the risks, so the limit counts what is shown at min_risk.
  if (CutAtMaxFindings(options, &report) || more) {
    const std::size_t shown = CountedFindings(report, options);
    report.notes.push_back(fmt::format(
        "{} finding{}{} shown; the document has more (raise ScanOptions::max_findings){}", shown,
        shown == 1 ? "" : "s",
        options.min_risk == Risk::kInfo ? "" : " at or above " + std::string(RiskName(options.min_risk)),
        more ? "; missing clauses not judged" : ""));
  }
  return report;
}

// With a min_risk, matching widens at most to four times the hits max_findings take, and at
// least to this many hits (about four times a scan at the default limit), so that memory stays
// bounded on a document dense with clauses below min_risk (200,000 of them took 2.3 GB matched
// whole).
constexpr std::size_t kMinRiskHitsFloor = 16384;

// Scans a document read in (ScanDocumentWithin). With a min_risk, when matching stopped before
// max_findings findings at or above it were found, matches again with four times as many hits,
// up to the bound above; past it the report is cut as it stands (its note says so).
Result<Report> ScanDocument(const internal::RuleSetData& data, const Document& doc,
                            const ScanOptions& options) {
  std::size_t max_hits = MaxHitsFor(options.max_findings);
  const std::size_t most =
      std::max(max_hits > std::numeric_limits<std::size_t>::max() / 4 ? max_hits : max_hits * 4,
               kMinRiskHitsFloor);
  for (;;) {
    bool matching_cut = false;
    Result<Report> report = ScanDocumentWithin(data, doc, options, max_hits, &matching_cut);
    // Findings below min_risk or accepted in the baseline are not shown: matching widens until
    // max_findings shown ones are found.
    if (!report || !matching_cut || (options.min_risk == Risk::kInfo && !options.baseline) ||
        max_hits >= most ||
        CountedFindings(*report, options) >= options.max_findings) {
      return report;
    }
    max_hits = std::min(max_hits * 4, most);
  }
}

Result<Document> ReadPath(const std::string& path, const ScanOptions& options,
                          internal::FileTypes types = internal::FileTypes::kAny) {
  // issue 13 attack D17: the profile's own files are never contracts, whatever they are named.
  if (options.profile) {
    if (std::optional<ProfileFile> file = ProfileFileAt(*options.profile, path)) {
      return Error(ErrorCode::kInvalidArgument,
                   "is " + file->what + ", not a contract; not scanning it", path);
    }
  }
  Result<std::string> bytes = internal::ReadFileBytes(path, options.max_input_bytes, types);
  if (!bytes) return bytes.error();
  return internal::ReadDocument(std::move(*bytes), path, ToReadOptions(options));
}

// Runs scan, turning what escapes it (memory exhausted, a bug) into an error naming `name`, so a
// caller such as a batch thread always gets a value.
template <typename Scan>
Result<Report> ScanGuarded(const std::string& name, Scan scan) {
  try {
    return scan();
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::kTooLarge, "out of memory while scanning", name);
  } catch (const std::exception& e) {
    return Error(ErrorCode::kInternal,
                 fmt::format("internal error: {} (please report it)", e.what()), name);
  }
}

}  // namespace

Scanner::Scanner(RuleSet rules, ScanOptions options)
    : rules_(std::move(rules)), options_(options) {}

Result<Report> Scanner::ScanFile(const std::string& path) const {
  return ScanGuarded(path, [&]() -> Result<Report> {
    Result<Document> doc = ReadPath(path, options_);
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

Result<Report> Scanner::ScanRegularFile(const std::string& path) const {
  return ScanGuarded(path, [&]() -> Result<Report> {
    Result<Document> doc = ReadPath(path, options_, internal::FileTypes::kRegularOnly);
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

Result<Report> Scanner::ScanBytes(std::string_view bytes, const std::string& name) const {
  if (bytes.size() > options_.max_input_bytes) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("input is {} bytes, above the limit of {} bytes (raise the limit "
                             "with ScanOptions::max_input_bytes)",
                             bytes.size(), options_.max_input_bytes),
                 name);
  }
  return ScanGuarded(name, [&]() -> Result<Report> {
    Result<Document> doc =
        internal::ReadDocument(std::string(bytes), name, ToReadOptions(options_));
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

namespace {

// The bytes of in, named `name` in errors: kTooLarge past max_bytes, kIo on a read error (with
// the system's reason when the failed read left one in errno: "read error: Is a directory").
Result<std::string> ReadStream(std::istream& in, const std::string& name, std::size_t max_bytes) {
  errno = 0;
  // At most one byte past the limit is read, into a string that peaks near the limit (D9).
  const std::size_t most = max_bytes == SIZE_MAX ? SIZE_MAX : max_bytes + 1;
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, static_cast<std::streamsize>(
                             std::min<std::size_t>(sizeof buffer, most - bytes.size()))) ||
         in.gcount() > 0) {
    internal::AppendWithin(bytes, std::string_view(buffer, static_cast<std::size_t>(in.gcount())),
                           most);
    if (bytes.size() > max_bytes) {
      return Error(ErrorCode::kTooLarge,
                   fmt::format("input is above the limit of {} bytes (raise the limit with "
                               "ScanOptions::max_input_bytes)",
                               max_bytes),
                   name);
    }
  }
  if (in.bad()) {
    const int reason = errno;
    return Error(ErrorCode::kIo,
                 reason == 0 ? std::string("read error")
                             : fmt::format("read error: {}", std::strerror(reason)),
                 name);
  }
  return bytes;
}

// The document at path, or on standard input (named "<stdin>") for "-", as scan reads it.
Result<Document> ReadPathOrStdin(const std::string& path, const ScanOptions& options) {
  if (path != "-") return ReadPath(path, options);
  Result<std::string> bytes = ReadStream(std::cin, "<stdin>", options.max_input_bytes);
  if (!bytes) return bytes.error();
  return internal::ReadDocument(std::move(*bytes), "<stdin>", ToReadOptions(options));
}

}  // namespace

Result<Report> Scanner::ScanStream(std::istream& in, const std::string& name) const {
  Result<std::string> bytes = ReadStream(in, name, options_.max_input_bytes);
  if (!bytes) return bytes.error();
  return ScanBytes(*bytes, name);
}

Result<std::string> ExtractText(const std::string& path, const ScanOptions& options,
                                std::vector<std::string>* notes) {
  Result<Document> doc = ReadPathOrStdin(path, options);
  if (!doc) return doc.error();
  if (notes != nullptr) *notes = doc->notes;
  return std::move(doc->text);
}

Result<std::string> NormalizedText(const std::string& path, const ScanOptions& options,
                                   std::vector<std::string>* notes) {
  Result<Document> doc = ReadPathOrStdin(path, options);
  if (!doc) return doc.error();
  if (notes != nullptr) *notes = doc->notes;
  Result<internal::NormalizedText> normalized = NormalizeDocument(*doc, options);
  if (!normalized) return normalized.error();
  internal::NormalizedText& text = *normalized;
  // The folded view with the cased view's line breaks, so it reads line by line.
  std::string view = std::move(text.folded);
  for (std::size_t i = 0; i < view.size(); ++i) {
    if (text.text[i] == '\n') view[i] = '\n';
  }
  return view;
}

}  // namespace clausescan

#include "match/concept_terms.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <tuple>
#include <vector>

namespace clausescan::internal {
namespace {

// How far into a body the concept must show: a definition says what the term is first, and
// what it includes afterwards ("all information ..., including personal data" is not personal
// data).
constexpr std::size_t kConceptWithinBytes = 200;

struct ConceptReading {
  std::string_view words;
  const char* opening;  // how such a body begins, anchored
  const char* subject;  // what it must speak of within kConceptWithinBytes
  const char* named;    // a term already saying the concept in the rules' words
};

const ConceptReading kReadings[] = {
    {"security incident",
     "^(?:(?:any|an?|the|each|every|all)\\s+)?"
     "(?:(?:actual|confirmed|known|reasonably suspected|suspected|potential|attempted|threatened|"
     "imminent|alleged)(?:,?\\s+(?:or|and/or|and)\\s+|,\\s+|\\s+))*"
     "(?:(?:security|data|privacy|cyber|information security)\\s+)?"
     "(?:breach(?:es)?|incidents?|events?|occurrences?|compromises?|unauthori[sz]ed|accidental|"
     "unlawful|loss|theft|intrusions?|attacks?)\\b",
     "unauthori[sz]ed|unlawful|breach of (?:the )?security|security breach|compromis|"
     "accidental (?:or unlawful )?(?:loss|destruction)|intrusion|cyber ?attack",
     "(?:security|data|privacy|cyber|cybersecurity|information security|personal data|phi|pii|"
     "data protection) (?:incident|breach|event|compromise)"},
    {"personal data", "^(?:(?:any|all|the)\\s+)?(?:personal\\s+)?(?:information|data)\\b",
     "(?:identified|identifiable) (?:natural |living )?(?:person|individual)|"
     "identif(?:y|ies) (?:an? |the |any )?(?:natural |living )?(?:person|individual)|"
     "(?:about|relat(?:es|ing) to) (?:an? |any )?(?:natural |living )?(?:person|individual)|"
     "personal (?:data|information)",
     "personal data|personal information|customer data|protected health information|\\bphi\\b|"
     "cardholder data"},
    {"subprocessor",
     "^(?:(?:any|an?|the|each)\\s+)?"
     "(?:(?:third|other)[- ]part(?:y|ies)|persons?|entit(?:y|ies)|sub[- ]?contractors?|"
     "processors?|compan(?:y|ies)|organi[sz]ations?|vendors?|service providers?|suppliers?|"
     "natural or legal persons?)\\b",
     "(?:engaged|appointed|retained|used|authori[sz]ed|contracted|subcontracted|instructed)\\b"
     "[^.;]{0,80}\\bprocess",
     "sub[- ]?processors?|sub[- ]?contractors?"},
};

const RE2& OpeningOf(std::size_t i) {
  static const std::vector<std::unique_ptr<RE2>>* const kOpenings = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>;
    for (const ConceptReading& r : kReadings) out->push_back(std::make_unique<RE2>(r.opening));
    return out;
  }();
  return *(*kOpenings)[i];
}

const RE2& SubjectOf(std::size_t i) {
  static const std::vector<std::unique_ptr<RE2>>* const kSubjects = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>;
    for (const ConceptReading& r : kReadings) out->push_back(std::make_unique<RE2>(r.subject));
    return out;
  }();
  return *(*kSubjects)[i];
}

const RE2& NamedOf(std::size_t i) {
  static const std::vector<std::unique_ptr<RE2>>* const kNamed = [] {
    auto* out = new std::vector<std::unique_ptr<RE2>>;
    for (const ConceptReading& r : kReadings) out->push_back(std::make_unique<RE2>(r.named));
    return out;
  }();
  return *(*kNamed)[i];
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::optional<std::string_view> ConceptOfDefinition(std::string_view body) {
  const std::string_view head = body.substr(0, kConceptWithinBytes);
  const re2::StringPiece piece(head.data(), head.size());
  for (std::size_t i = 0; i < std::size(kReadings); ++i) {
    if (!RE2::PartialMatch(piece, OpeningOf(i))) continue;
    re2::StringPiece found;
    if (!SubjectOf(i).Match(piece, 0, piece.size(), RE2::UNANCHORED, &found, 1)) continue;
    // What the body only includes is not what it is.
    const std::string_view before =
        head.substr(0, static_cast<std::size_t>(found.data() - head.data()));
    if (before.find("includ") != std::string_view::npos) continue;
    return kReadings[i].words;
  }
  return std::nullopt;
}

void ConceptTerms::Add(std::string_view cased, std::string_view folded) {
  if (cased.size() != folded.size() || folded.find('"') == std::string_view::npos) return;
  // A clause number or the end of a sentence, the quoted term, the verb, the body.
  static const RE2 kDefines(
      "(?:^(?:\\(?[0-9a-z]{1,4}(?:\\.[0-9]{1,3})*[.)]?\\s+)?|[.;:]\\s+)"
      "\"([a-z][a-z0-9 '-]{0,58}[a-z])\"\\s*(?:means|shall mean|will mean|refers to|:)\\s+");
  const re2::StringPiece text(folded.data(), folded.size());
  re2::StringPiece match[2];  // the whole match, the term's name
  std::size_t from = 0;
  while (from < folded.size() &&
         kDefines.Match(text, from, text.size(), RE2::UNANCHORED, match, 2)) {
    const re2::StringPiece& name = match[1];
    const std::size_t body_begin = static_cast<std::size_t>(match[0].end() - text.data());
    from = body_begin;
    const std::string_view term(name.data(), name.size());
    const std::optional<std::string_view> words = ConceptOfDefinition(folded.substr(body_begin));
    if (!words) continue;
    const std::size_t i = static_cast<std::size_t>(
        std::find_if(std::begin(kReadings), std::end(kReadings),
                     [&](const ConceptReading& r) { return r.words == *words; }) -
        std::begin(kReadings));
    if (RE2::PartialMatch(re2::StringPiece(term.data(), term.size()), NamedOf(i))) continue;
    const std::size_t at = static_cast<std::size_t>(name.data() - text.data());
    const bool capitalised = cased[at] >= 'A' && cased[at] <= 'Z';
    auto same =
        std::find_if(terms_.begin(), terms_.end(), [&](const Term& t) { return t.name == term; });
    if (same == terms_.end()) {
      terms_.push_back(Term{std::string(term), std::string(*words), capitalised});
    } else if (same->words != *words) {
      same->words.clear();
    }
  }
}

std::optional<std::string> ConceptTerms::Read(std::string_view cased,
                                              std::string_view folded) const {
  if (terms_.empty() || cased.size() != folded.size()) return std::nullopt;
  // (begin, end, term): every whole-word use of a term.
  std::vector<std::tuple<std::size_t, std::size_t, const Term*>> uses;
  for (const Term& term : terms_) {
    if (term.words.empty()) continue;
    for (std::size_t at = folded.find(term.name); at != std::string_view::npos;
         at = folded.find(term.name, at + 1)) {
      std::size_t end = at + term.name.size();
      if (end < folded.size() && folded[end] == 's') ++end;
      if ((at > 0 && (IsWordByte(folded[at - 1]) || folded[at - 1] == '"')) ||
          (end < folded.size() && (IsWordByte(folded[end]) || folded[end] == '"'))) {
        continue;
      }
      if (term.capitalised && !(cased[at] >= 'A' && cased[at] <= 'Z')) continue;
      uses.emplace_back(at, end, &term);
    }
  }
  if (uses.empty()) return std::nullopt;
  std::sort(uses.begin(), uses.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) < std::get<0>(b)
                                            : std::get<1>(a) > std::get<1>(b);
  });
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, end, term] : uses) {
    if (begin < copied) continue;  // inside a longer use
    out.append(folded.substr(copied, begin - copied)).append(term->words);
    if (end - begin > term->name.size() && term->words != "personal data") out.push_back('s');
    copied = end;
  }
  out.append(folded.substr(copied));
  return out;
}

}  // namespace clausescan::internal

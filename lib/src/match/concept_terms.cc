#include "match/concept_terms.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <tuple>
#include <vector>

#include "rules/regex_on_first_use.h"

namespace clausescan::internal {
namespace {

// How far into a body the concept must show: a definition says what the term is first, and
// what it includes afterwards ("all information ..., including personal data" is not personal
// data).
constexpr std::size_t kConceptWithinBytes = 200;

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// True for words that take no plural "s" ("personal data", "customer information").
bool IsMassNoun(std::string_view words) {
  const auto ends_in = [&](std::string_view w) {
    return words.size() >= w.size() && words.substr(words.size() - w.size()) == w;
  };
  return ends_in("data") || ends_in("information");
}

}  // namespace

struct ConceptReadings::Reading {
  std::string words;
  std::unique_ptr<RegexOnFirstUse> opening;
  std::unique_ptr<RegexOnFirstUse> subject;
  std::unique_ptr<RegexOnFirstUse> named;
};

ConceptReadings::ConceptReadings() = default;
ConceptReadings::~ConceptReadings() = default;

Result<std::shared_ptr<const ConceptReadings>> ConceptReadings::Compile(
    const std::vector<TermReadingSpec>& specs, const std::string& file, bool checked_at_build) {
  std::shared_ptr<ConceptReadings> out(new ConceptReadings());
  const RE2::Options options;
  for (const TermReadingSpec& spec : specs) {
    std::unique_ptr<RegexOnFirstUse> parts[3];
    const std::string* patterns[3] = {&spec.opening, &spec.subject, &spec.named};
    for (int i = 0; i < 3; ++i) {
      if (checked_at_build) {
        parts[i] = std::make_unique<RegexOnFirstUse>(*patterns[i], options);
        continue;
      }
      auto re = std::make_unique<const RE2>(*patterns[i], options);
      if (!re->ok()) {
        return Error(ErrorCode::kRuleError,
                     "the reading of defined terms as '" + spec.words + "': " + re->error(), file,
                     spec.line, 1);
      }
      parts[i] = std::make_unique<RegexOnFirstUse>(std::move(re));
    }
    out->readings_.push_back(
        Reading{spec.words, std::move(parts[0]), std::move(parts[1]), std::move(parts[2])});
  }
  return std::shared_ptr<const ConceptReadings>(std::move(out));
}

std::optional<std::string_view> ConceptReadings::ConceptOf(std::string_view body) const {
  const std::string_view head = body.substr(0, kConceptWithinBytes);
  const re2::StringPiece piece(head.data(), head.size());
  for (const Reading& reading : readings_) {
    if (!RE2::PartialMatch(piece, reading.opening->Get())) continue;
    re2::StringPiece found;
    if (!reading.subject->Get().Match(piece, 0, piece.size(), RE2::UNANCHORED, &found, 1)) continue;
    // What the body only includes is not what it is.
    const std::string_view before =
        head.substr(0, static_cast<std::size_t>(found.data() - head.data()));
    if (before.find("includ") != std::string_view::npos) continue;
    return reading.words;
  }
  return std::nullopt;
}

bool ConceptReadings::AlreadyNamed(std::string_view words, std::string_view term) const {
  for (const Reading& reading : readings_) {
    if (reading.words == words) {
      return RE2::PartialMatch(re2::StringPiece(term.data(), term.size()), reading.named->Get());
    }
  }
  return false;
}

void ConceptTerms::Add(std::string_view cased, std::string_view folded) {
  if (readings_ == nullptr || readings_->empty() || cased.size() != folded.size() ||
      folded.find('"') == std::string_view::npos) {
    return;
  }
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
    const std::optional<std::string_view> words = readings_->ConceptOf(folded.substr(body_begin));
    if (!words || readings_->AlreadyNamed(*words, term)) continue;
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
    if (end - begin > term->name.size() && !IsMassNoun(term->words)) out.push_back('s');
    copied = end;
  }
  out.append(folded.substr(copied));
  return out;
}

}  // namespace clausescan::internal

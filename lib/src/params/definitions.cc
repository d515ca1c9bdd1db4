#include "params/definitions.h"

#include <re2/re2.h>

#include <cstddef>
#include <utility>

namespace clausescan::internal {
namespace {

std::optional<TermKind> KindOfTerm(std::string_view term) {
  const std::size_t space = term.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? term : term.substr(space + 1);
  if (last == "cap" || last == "limit" || last == "ceiling" || last == "amount") {
    return TermKind::kCap;
  }
  if (last == "period" || last == "deadline" || last == "window" || last == "timeframe") {
    return TermKind::kPeriod;
  }
  return std::nullopt;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Replaces each "the <term>" standing as whole words in text with body. Returns the count.
int ReplaceTerm(std::string* text, const std::string& term, const std::string& body) {
  const std::string needle = "the " + term;
  int replaced = 0;
  std::size_t pos = 0;
  while ((pos = text->find(needle, pos)) != std::string::npos) {
    const std::size_t end = pos + needle.size();
    const bool starts = pos == 0 || !IsWordByte((*text)[pos - 1]);
    const bool ends = end == text->size() || !IsWordByte((*text)[end]);
    if (!starts || !ends) {
      pos = end;
      continue;
    }
    text->replace(pos, needle.size(), body);
    pos += body.size();
    ++replaced;
  }
  return replaced;
}

}  // namespace

std::optional<Definition> ReadDefinition(std::string_view folded) {
  // An optional clause number ("1.19.", "(a)", "16.5"), the quoted term, the verb, the body.
  static const RE2 kMeans(
      "^(?:\\(?[0-9a-z]{1,4}(?:\\.[0-9]{1,3})*[.)]?\\s+)?\"([a-z][a-z0-9 '-]{0,58}[a-z])\"\\s+"
      "(?:means|shall mean|will mean|is|refers to)\\s+(.+?)[.;]?$");
  static const RE2 kInline(
      "\\((?:the |collectively,? the |hereinafter,? the |hereinafter referred to as the )"
      "\"([a-z][a-z0-9 '-]{0,58}[a-z])\"\\)");
  const re2::StringPiece text(folded.data(), folded.size());
  std::string term;
  std::string body;
  if (RE2::FullMatch(text, kMeans, &term, &body)) {
    // "means the cap set out in the order form" points elsewhere; a body with no number
    // states nothing the extractors could read, and is kept anyway (it may expand further).
  } else {
    re2::StringPiece match;
    if (!kInline.Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) return std::nullopt;
    RE2::PartialMatch(match, kInline, &term);
    body = std::string(folded.substr(0, static_cast<std::size_t>(match.data() - text.data())));
  }
  const std::optional<TermKind> kind = KindOfTerm(term);
  if (!kind || body.empty()) return std::nullopt;
  return Definition{std::move(term), std::move(body), *kind};
}

void Glossary::Add(std::string_view folded, int scope, bool global) {
  if (folded.find('"') == std::string_view::npos) return;
  if (std::optional<Definition> definition = ReadDefinition(folded)) {
    entries_.push_back(Entry{std::move(*definition), scope, global});
  }
}

const std::string* Glossary::Body(const std::string& term, TermKind kind, int scope) const {
  for (const bool same_scope : {true, false}) {
    const std::string* found = nullptr;
    bool ambiguous = false;
    for (const Entry& e : entries_) {
      if (e.definition.kind != kind || e.definition.term != term) continue;
      if (same_scope ? e.scope != scope : !e.global) continue;
      if (found != nullptr && *found != e.definition.body) ambiguous = true;
      found = &e.definition.body;
    }
    if (ambiguous) return nullptr;
    if (found != nullptr) return found;
  }
  return nullptr;
}

std::optional<std::string> Glossary::Expand(std::string_view folded, TermKind kind,
                                            int scope) const {
  std::string text(folded);
  int replaced = 0;
  for (int level = 0; level < 2; ++level) {
    int this_level = 0;
    for (const Entry& e : entries_) {
      if (e.definition.kind != kind || text.find(e.definition.term) == std::string::npos) continue;
      const std::string* body = Body(e.definition.term, kind, scope);
      if (body == nullptr) continue;
      this_level += ReplaceTerm(&text, e.definition.term, *body);
    }
    replaced += this_level;
    if (this_level == 0) break;
  }
  if (replaced == 0) return std::nullopt;
  return text;
}

}  // namespace clausescan::internal

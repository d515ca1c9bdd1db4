#include "params/definitions.h"

#include <re2/re2.h>

#include <cstddef>
#include <utility>

#include "params/quantities.h"

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
  if (last == "incident" || last == "breach" || last == "event") return TermKind::kEvent;
  return std::nullopt;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The first word of a term: up to its first byte that is no word byte ("supplier" of
// "supplier's cap").
std::string_view FirstWord(std::string_view term) {
  std::size_t end = 0;
  while (end < term.size() && IsWordByte(term[end])) ++end;
  return term.substr(0, end);
}

// True when a kEvent definition's body is a confirmed event only: "a confirmed breach of
// security", not "any actual or suspected breach", nor "a breach ... confirmed or reasonably
// suspected".
bool IsConfirmedEvent(std::string_view body) {
  static const RE2 kConfirmed("\\b(confirmed|verified)\\b");
  static const RE2 kWider(
      "\\b(suspected|suspects?|alleged|potential|possible|attempted|attempts?|threatened|"
      "reasonably believe[sd]?|unconfirmed|may have|likely)\\b");
  const re2::StringPiece text(body.data(), body.size());
  return RE2::PartialMatch(text, kConfirmed) && !RE2::PartialMatch(text, kWider);
}

// Terms are at most this long (ReadDefinition's patterns).
constexpr std::size_t kMaxTermBytes = 60;

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
  if (dollar_currency_.empty()) {
    if (std::optional<std::string> code = ReadDollarCurrency(folded)) dollar_currency_ = *code;
  }
  if (folded.find('"') == std::string_view::npos) return;
  std::optional<Definition> definition = ReadDefinition(folded);
  if (!definition) return;
  const Definition& kept = definitions_.emplace_back(std::move(*definition));
  const int kind = static_cast<int>(kept.kind);
  Term& term = terms_[kind][kept.term];
  term.scopes[scope].Offer(&kept.body);
  if (global) term.global.Offer(&kept.body);
  first_words_[kind].emplace(FirstWord(kept.term));
  if (kept.kind == TermKind::kEvent && IsConfirmedEvent(kept.body)) {
    confirmed_events_.insert(kept.term);
  }
}

std::string Glossary::ConfirmedEventNamed(std::string_view folded, int scope) const {
  for (const std::string& term : confirmed_events_) {
    const std::string* body = Body(term, TermKind::kEvent, scope);
    if (body == nullptr || !IsConfirmedEvent(*body)) continue;
    for (std::size_t at = folded.find(term); at != std::string_view::npos;
         at = folded.find(term, at + 1)) {
      std::size_t end = at + term.size();
      // "security incidents", "data breaches"
      if (folded.substr(end, 2) == "es") {
        end += 2;
      } else if (end < folded.size() && folded[end] == 's') {
        ++end;
      }
      if (end < folded.size() && IsWordByte(folded[end])) continue;
      if (at == 0 || folded[at - 1] != ' ') continue;
      const std::string_view before = folded.substr(0, at - 1);
      const std::size_t space = before.rfind(' ');
      const std::string_view word =
          space == std::string_view::npos ? before : before.substr(space + 1);
      if (word == "a" || word == "an" || word == "any" || word == "the" || word == "such" ||
          word == "each" || word == "every" || word == "of") {
        return term;
      }
    }
  }
  return "";
}

const std::string* Glossary::Body(std::string_view term, TermKind kind, int scope) const {
  const auto& terms = terms_[static_cast<int>(kind)];
  const auto it = terms.find(std::string(term));
  if (it == terms.end()) return nullptr;
  const auto local = it->second.scopes.find(scope);
  const Slot& slot = local != it->second.scopes.end() ? local->second : it->second.global;
  return slot.ambiguous ? nullptr : slot.body;
}

bool Glossary::ExpandOnce(std::string& text, TermKind kind, int scope, std::size_t max_size,
                          std::string* term) const {
  const auto& first_words = first_words_[static_cast<int>(kind)];
  std::string out;
  std::size_t copied = 0;  // text before this is in out
  bool replaced = false;
  for (std::size_t pos = text.find("the "); pos != std::string::npos;
       pos = text.find("the ", pos + 1)) {
    if (pos < copied || (pos > 0 && IsWordByte(text[pos - 1]))) continue;
    const std::size_t begin = pos + 4;
    const std::string_view rest = std::string_view(text).substr(begin, kMaxTermBytes);
    const std::string_view first = FirstWord(rest);
    if (first.empty() || first_words.count(std::string(first)) == 0) continue;
    // The longest term that ends where a word does.
    const std::string* body = nullptr;
    std::size_t end = rest.size();
    for (; end >= first.size(); --end) {
      if ((begin + end == text.size() || !IsWordByte(text[begin + end])) &&
          (body = Body(rest.substr(0, end), kind, scope)) != nullptr) {
        break;
      }
    }
    if (body == nullptr) continue;
    if (out.size() + (pos - copied) + body->size() + (text.size() - begin - end) > max_size) {
      break;  // the unit has grown enough
    }
    if (term != nullptr && !replaced) *term = std::string(rest.substr(0, end));
    out.append(text, copied, pos - copied);
    out += *body;
    copied = begin + end;
    replaced = true;
  }
  if (!replaced) return false;
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  return true;
}

std::optional<std::string> Glossary::Expand(std::string_view folded, TermKind kind, int scope,
                                            std::string* term) const {
  if (first_words_[static_cast<int>(kind)].empty()) return std::nullopt;
  std::string text(folded);
  const std::size_t max_size = folded.size() + kMaxExpansionBytes;
  bool replaced = false;
  for (int level = 0; level < 2; ++level) {
    if (!ExpandOnce(text, kind, scope, max_size, level == 0 ? term : nullptr)) break;
    replaced = true;
  }
  if (!replaced) return std::nullopt;
  return text;
}

}  // namespace clausescan::internal

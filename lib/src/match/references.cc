#include "match/references.h"

#include <re2/re2.h>

namespace clausescan::internal {
namespace {

bool Mentions(std::string_view folded) {
  return folded.find("incident") != std::string_view::npos ||
         folded.find("breach") != std::string_view::npos;
}

}  // namespace

void Antecedents::See(std::string_view folded, int section) {
  if (section != section_) {
    section_ = section;
    incident_.clear();
    breach_.clear();
  }
  if (!Mentions(folded)) return;
  static const RE2 kNamed(
      "\\b((?:personal data|data|security|privacy|cyber|cybersecurity|information security) "
      "(?:incident|breach))(?:es|s)?\\b");
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece phrase;
  while (RE2::FindAndConsume(&input, kNamed, &phrase)) {
    const std::string_view p(phrase.data(), phrase.size());
    const std::size_t space = p.rfind(' ');
    (p.substr(space + 1) == "incident" ? incident_ : breach_) = std::string(p.substr(0, space));
  }
}

std::optional<std::string> Antecedents::Resolve(std::string_view folded, int section) const {
  if (section != section_ || (incident_.empty() && breach_.empty()) || !Mentions(folded)) {
    return std::nullopt;
  }
  static const RE2 kReference(
      "\\b(the|such|this|that|any such|each such|all such) (incident|breach)(es|s)?\\b");
  std::string out;
  re2::StringPiece input(folded.data(), folded.size());
  const char* copied = folded.data();
  re2::StringPiece determiner, noun, plural;
  bool any = false;
  while (RE2::FindAndConsume(&input, kReference, &determiner, &noun, &plural)) {
    const std::string& qualifier = noun == "incident" ? incident_ : breach_;
    // "the breach of this agreement" names its own kind.
    if (qualifier.empty() || std::string_view(input.data(), input.size()).substr(0, 4) == " of ") {
      continue;
    }
    out.append(copied, noun.data());
    out.append(qualifier).append(" ");
    copied = noun.data();
    any = true;
  }
  if (!any) return std::nullopt;
  out.append(copied, folded.data() + folded.size());
  return out;
}

}  // namespace clausescan::internal

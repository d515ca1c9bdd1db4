#include "match/references.h"

#include <re2/re2.h>

#include <string>

namespace clausescan::internal {
namespace {

bool Mentions(std::string_view folded) {
  return folded.find("incident") != std::string_view::npos ||
         folded.find("breach") != std::string_view::npos;
}

// True when folded states a duty to give notice and names nothing it gives notice of: no "of /
// about / regarding" object after a verb or noun of notice ("notify customer of any
// change", "inform the buyer about the new site").
bool NoticeOfNothingNamed(std::string_view folded) {
  // A duty to give notice, in whichever shape it is drafted: with a modal ("shall notify", "must
  // promptly inform", "notice will be given"), in the present tense of a side ("the supplier
  // notifies", "we tell"), in the passive ("the customer is notified", "must be informed"), as an
  // item of a list that opens with the act ("- notify the customer", "(a) notification to the
  // buyer within 24 hours"); not a mention of one ("as notified to the supplier", "the customer
  // was informed").
  static const RE2 kNotice(
      "\\b(shall|will|must|agrees? to|undertakes? to|(is|are) required to)( [a-z]+ly| also| then)? "
      "(notify|inform|advise|tell|report( it| them)? to|"
      "(give|provide|send) ([a-z]+ )?notice)\\b|\\bnotice (will|shall|must) be "
      "(given|provided|sent)\\b|"
      "\\bwe( [a-z]+ly| also| then)? (notify|inform|advise|tell|report( it| them)? to)\\b|"
      "\\b(notifies|informs|advises|tells|reports( it| them)? to)\\b|"
      "\\b(is|are|will be|shall be|must be|to be)( [a-z]+ly)? (notified|informed|advised|told)\\b|"
      "^(([-*\\x{2022}]|\\(?[0-9a-z]{1,3}[.)]) )?([a-z]+ly )?(notify|inform|advise|tell|"
      "(written |prompt )?(notice|notification) to)\\b",
      RE2::Quiet);
  static const RE2 kOwnObject(
      "\\b(notif(y|ies|ied|ying|ication)|inform(s|ed|ing)?|advis(e|es|ed|ing)|tell|tells|notice)\\b"
      "[^.;]{0,60}? (of|about|regarding|concerning) (any|a|an|all|each|every|the|its|their|"
      "such|changes?|material|new|whether|when|what|how)\\b",
      RE2::Quiet);
  // "within 24 hours of the supplier becoming aware" states when, not what.
  static const RE2 kPeriodOf("\\b(hours?|days?|weeks?|months?|\\)) of\\b", RE2::Quiet);
  if (!RE2::PartialMatch(folded, kNotice)) return false;
  std::string when(folded);
  RE2::GlobalReplace(&when, kPeriodOf, "\\1 after");
  if (RE2::PartialMatch(when, kOwnObject)) return false;
  // A condition names what is notified ("within 30 days if it changes its hosting provider"),
  // unless it is the clock of an incident ("if it becomes aware", "upon discovery").
  static const RE2 kCondition(
      "\\b(if|where|when|whenever|should|in the event(?: that)?|upon|on|after|following) "
      "([^.;,]{0,50})",
      RE2::Quiet);
  static const RE2 kLearning(
      "\\b(aware|awareness|discover\\w*|detect\\w*|learn\\w*|suspect\\w*|"
      "confirm\\w*|identif(y|ies|ying|ication)|notice[sd]?|knowledge)\\b",
      RE2::Quiet);
  re2::StringPiece input(when);
  re2::StringPiece word, rest;
  while (RE2::FindAndConsume(&input, kCondition, &word, &rest)) {
    if (!RE2::PartialMatch(rest, kLearning)) return false;
  }
  return true;
}

}  // namespace

void Antecedents::See(std::string_view folded, int section, bool heading, int level) {
  // The first heading of a section is its title; a later one titles what follows it.
  const bool title = heading && section != section_;
  if (section != section_) {
    section_ = section;
    incident_.clear();
    breach_.clear();
    // A section nested in one whose title named an incident is about that incident too.
    if (title && !heading_.empty() && level > heading_level_) {
      const std::size_t space = heading_.rfind(' ');
      (heading_.substr(space + 1) == "incident" ? incident_ : breach_) = heading_.substr(0, space);
    } else {
      heading_.clear();
    }
  }
  previous_.clear();
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
    (title ? heading_ : previous_) = std::string(p);
    if (title) heading_level_ = level;
  }
}

std::optional<std::string> Antecedents::Resolve(std::string_view folded, int section) const {
  if (section != section_ || (incident_.empty() && breach_.empty())) return std::nullopt;
  if (!Mentions(folded)) {
    const std::string& named = !previous_.empty() ? previous_ : heading_;
    if (named.empty() || !NoticeOfNothingNamed(folded)) return std::nullopt;
    std::string out(folded);
    out.append(" (the ").append(named).append(")");
    return out;
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

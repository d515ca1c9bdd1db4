// Whose duty or right a unit states; see party_role.h.
#include "params/party_role.h"

#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/parties_in_text.h"
#include "params/party_terms.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace {

using scan::Tokens;

// How far before a right phrase its holder is looked for, in tokens.
constexpr std::size_t kHolderWindow = 14;
// How far back a list of another's people ("its affiliates, officers, directors, employees,
// agents, or suppliers") is read for its "its", in tokens.
constexpr std::size_t kOwnedListTokens = 20;

// How far a passive verb's agent ("by the Customer") or a discretion's holder is looked for, in
// tokens.
constexpr std::size_t kAgentWindow = 5;

// Past an aside naming who decides, from token k: "at the Customer's (sole) discretion",
// "at the discretion of the Customer", "in its discretion", with the commas around it. Returns
// the first token after it (k when there is none).
std::size_t SkipDiscretion(const Tokens& t, std::size_t k) {
  std::size_t i = k;
  if (t.Is(i, ",")) ++i;
  if (!t.IsAny(i, {"at", "in"})) return k;
  for (std::size_t j = i + 1; j < t.size() && j <= i + 6; ++j) {
    if (!t.Is(j, "discretion")) continue;
    std::size_t end = j + 1;
    if (t.Is(end, "of")) {
      while (end < t.size() && end <= j + 6 && t.IsWord(end)) ++end;
    }
    if (t.Is(end, ",")) ++end;
    return end;
  }
  return k;
}

// A right phrase starting at token i: its length in tokens, or 0.
std::size_t RightPhraseAt(const Tokens& t, std::size_t i) {
  // "can" gives leave as "may" does ("The client can reject subcontractors").
  if (t.IsAny(i, {"may", "can"})) {
    // "may be conducted", "may not": no right of the subject; nor "may, at the Customer's
    // discretion, be accepted" (issue 15 #8).
    if (t.IsAny(i + 1, {"be", "not", "only"}) || t.Is(SkipDiscretion(t, i + 1), "be")) return 0;
    // issue 15 #3: "may process the data only for ...": a restriction on the subject.
    if (t.IsAny(i + 1, {"use", "process", "disclose", "access", "transfer", "share", "retain",
                        "store", "copy"})) {
      for (std::size_t k = i + 2; k < t.size() && k < i + 12; ++k) {
        if (t.IsAny(k, {",", ";", ".", ":"})) break;
        if (t.Is(k, "only")) return 0;
      }
    }
    return 1;
  }
  if (t.IsAny(i, {"shall", "will"}) && t.Phrase(i + 1, {"have", "the", "right"})) return 4;
  if (t.IsAny(i, {"shall", "will"}) && t.Is(i + 1, "receive")) return 2;
  if (t.IsAny(i, {"has", "have"}) && t.Phrase(i + 1, {"the", "right"})) return 3;
  if (t.Is(i, "reserves") && t.Phrase(i + 1, {"the", "right"})) return 3;
  if (t.IsAny(i, {"is", "are"}) && t.Is(i + 1, "eligible")) return 2;
  // "The client must be entitled to carry out inspections": a right the clause secures.
  if (t.IsAny(i, {"shall", "will", "must"}) && t.Is(i + 1, "be") &&
      t.IsAny(i + 2, {"entitled", "permitted", "allowed"})) {
    return 3;
  }
  if (t.IsAny(i, {"is", "are"}) && t.IsAny(i + 1, {"entitled", "permitted", "allowed"})) return 2;
  return 0;
}

bool IsPreposition(const Tokens& t, std::size_t i) {
  return t.IsAny(i, {"of", "to", "with", "by", "for", "from", "under", "against", "between", "than",
                     "upon", "on", "toward", "towards", "at", "about"});
}

// True when the party term starting at token `first` (its article included) is the subject of a
// relative clause: "obligations on which the client may rely", "on whose observance the customer
// may regularly rely". Such a clause describes its noun; its "may" is no right the unit gives.
bool SubjectOfRelativeClause(const Tokens& t, std::size_t first) {
  for (std::size_t k = first, n = 0; k-- > 0 && n < 3; ++n) {
    if (t.IsAny(k, {".", ";", ":", ","})) return false;
    if (t.IsAny(k, {"which", "whom", "whose"})) return true;
  }
  return false;
}

// The party named nearest before token `at`, as a subject (kUnknown when it is the subject of a
// relative clause, SubjectOfRelativeClause).
Party HolderBefore(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t at) {
  const std::size_t stop = at > kHolderWindow ? at - kHolderWindow : 0;
  for (std::size_t k = at; k-- > stop;) {
    if (t.IsAny(k, {".", ";", ":", "it", "they", "which", "who", "that", "if", "unless"})) break;
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
    if (!m) continue;
    std::size_t before = m->first;
    while (before > 0 && t.IsAny(before - 1, {"the", "its", "their", "a", "an", "any", "each"})) {
      --before;
    }
    // "... bypass ehave's security protocols, ... intruders may": an owner far from the
    // phrase is not its subject.
    const bool far_owner = t.Is(k + 1, "'") && at > k + 4;
    if ((before > 0 && IsPreposition(t, before - 1)) || far_owner) {
      k = m->first;
      continue;
    }
    return SubjectOfRelativeClause(t, before) ? Party::kUnknown : m->side;
  }
  return Party::kUnknown;
}

// The side that authorises others' engagement in "Customer (further) agrees that Provider may
// engage its Affiliates as Subprocessors" (the controller's authorisation of sub-processing): the
// subject of an agreeing verb whose "that" clause holds the right phrase at token `at`, when the
// phrase engages others (`verb` is its verb). kUnknown otherwise: "Customer agrees that Provider
// may transfer data abroad" reads as Provider's permission.
Party ConsentingSide(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t at,
                     std::size_t verb) {
  if (!t.IsAny(verb, {"engage", "appoint", "use", "subcontract", "sub-contract", "retain"})) {
    return Party::kUnknown;
  }
  for (std::size_t k = at; k-- > 1;) {
    if (t.IsAny(k, {".", ";", ":"})) break;
    if (!t.Is(k, "that")) continue;
    if (!t.IsAny(k - 1, {"agrees", "agree", "acknowledges", "acknowledge", "accepts", "accept",
                         "consents", "consent", "confirms", "confirm"})) {
      return Party::kUnknown;
    }
    const Party side = HolderBefore(t, terms, k - 1);
    return side == Party::kSupplier || side == Party::kCustomer ? side : Party::kUnknown;
  }
  return Party::kUnknown;
}

// A side named from token k on, as a lexicon term ("the Government", "Customer") or a role word
// ("Government personnel", "Agency staff"), after an article; kUnknown when none.
Party SideNamedAt(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t k) {
  const std::size_t word = t.IsAny(k, {"the", "a", "an"}) ? k + 1 : k;
  for (std::size_t last = word; last < word + 3 && last < t.size(); ++last) {
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, last);
    if (m && m->first >= k && m->first <= word) return m->side;
  }
  return t.IsWord(word) ? RoleOfWord(t.Text(word)) : Party::kUnknown;
}

// The side owning the discretion of a "discretion" at token i: "at the Customer's (sole)
// discretion", "in the discretion of the Customer"; kUnknown for "its discretion" or none.
Party DiscretionHolder(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t i) {
  std::size_t k = i;
  while (k > 0 && t.IsAny(k - 1, {"sole", "absolute", "reasonable", "own", "exclusive", "and"})) {
    --k;
  }
  if (k >= 3 && t.Is(k - 1, "s") && t.Is(k - 2, "'")) {
    if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k - 3)) return m->side;
    return RoleOfWord(t.Text(k - 3));
  }
  if (t.Is(i + 1, "of")) return SideNamedAt(t, terms, i + 2);
  return Party::kUnknown;
}

// A passive act that a side may perform or decides, in a unit whose sentences name no duty
// holder (issue 15 #8): "scans can be performed by Government personnel", "results may, at the
// Customer's discretion, be accepted". The side is the agent after "by" of a permitted passive
// ("can", "may", "could" + "be" + participle; "shall be designed by the Supplier" is a duty,
// which DutyHolder reads), else the holder of a discretion the unit names. *audits says the
// participle audits, inspects or scans. kUnknown when none.
Party PassiveActor(const Tokens& t, const std::vector<PartyTerm>& terms, bool* audits) {
  Party discretion = Party::kUnknown;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.Is(i, "discretion") && discretion == Party::kUnknown) {
      discretion = DiscretionHolder(t, terms, i);
    }
    // "shall be designed by the Supplier" is the Supplier's duty, which DutyHolder reads.
    if (!t.IsAny(i, {"may", "can", "could"})) continue;
    const std::size_t be = SkipDiscretion(t, i + 1);
    if (!t.Is(be, "be") || !t.IsWord(be + 1)) continue;
    const std::string_view verb = t.Text(be + 1);
    const bool participle = verb.size() > 3 && (verb.substr(verb.size() - 2) == "ed" ||
                                                verb.substr(verb.size() - 2) == "en");
    if (!participle) continue;
    for (std::size_t b = be + 2; b < t.size() && b <= be + 1 + kAgentWindow; ++b) {
      if (t.IsAny(b, {".", ";", ":"})) break;
      if (!t.Is(b, "by")) continue;
      const Party agent = SideNamedAt(t, terms, b + 1);
      if (agent == Party::kSupplier || agent == Party::kCustomer) {
        *audits = t.IsAny(be + 1, {"performed", "conducted", "audited", "inspected", "examined",
                                   "scanned", "tested", "reviewed", "verified", "carried"});
        return agent;
      }
      break;
    }
  }
  *audits = false;
  return discretion == Party::kSupplier || discretion == Party::kCustomer ? discretion
                                                                          : Party::kUnknown;
}

// True when the verb after a right phrase (past "at its option," asides and adverbs) is one of
// auditing: "may audit", "shall have the right, at its own cost, to inspect", "may request an
// audit" (not "may satisfy an audit request by providing its report").
bool AuditVerbAfter(const Tokens& t, std::size_t k) {
  for (int n = 0; n < 12 && k < t.size(); ++n) {
    if (t.Is(k, ",")) {
      std::size_t close = k + 1;
      while (close < t.size() && close < k + 10 && !t.Is(close, ",")) ++close;
      k = close + 1;
      continue;
    }
    if (t.IsAny(k, {"to", "also", "at", "any", "time", "reasonably", "periodically", "itself",
                    "directly", "either", "on", "from", "then"})) {
      ++k;
      continue;
    }
    return t.IsAny(k, {"audit", "audits", "inspect", "inspects", "examine", "visit", "enter",
                       "conduct", "perform", "carry", "verify", "review", "access", "appoint",
                       "engage", "request", "require", "test", "monitor"});
  }
  return false;
}

// True when the words from token k on give or receive notice: "notify", "inform", or "give",
// "provide", "serve", "send", "receive" or "be (given)" with "notice" or "notification" before
// the clause ends ("give Provider at least 30 days' notice of each audit").
bool NoticeVerbAt(const Tokens& t, std::size_t k) {
  while (t.IsAny(k, {"promptly", "also", "first", "always", "reasonably", "to", "at", "least"})) {
    ++k;
  }
  if (t.IsAny(k, {"notify", "inform"})) return true;
  if (!t.IsAny(k, {"give", "provide", "serve", "send", "receive", "be"})) return false;
  for (std::size_t j = k + 1; j < t.size() && j < k + 14; ++j) {
    if (t.IsAny(j, {".", ";", ":"})) return false;
    if (t.IsAny(j, {"notice", "notification"})) return true;
  }
  return false;
}

// The first modal obligation's token, or npos.
std::size_t FirstModal(const Tokens& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.IsAny(i, {"shall", "must", "will"})) return i;
    if (t.IsAny(i, {"agrees", "agree", "undertakes"}) && t.Is(i + 1, "to")) return i;
  }
  return static_cast<std::size_t>(-1);
}

// Whether the text at `at` lies in an exception ("unless ...", "except ...", "other than ...",
// "save where ..."): from the exception's word to the end of its clause (',', ';', ':' or '.').
bool InException(std::string_view folded, std::size_t at) {
  std::size_t clause_start = folded.find_last_of(",;:.", at);
  clause_start = clause_start == std::string_view::npos ? 0 : clause_start + 1;
  const std::string_view clause = folded.substr(clause_start, at - clause_start);
  static const char* const kExceptions[] = {"unless", "except", "excepting", "other than",
                                            "save where", "save as", "save that", "save for"};
  for (const char* word : kExceptions) {
    for (std::size_t k = clause.find(word); k != std::string_view::npos;
         k = clause.find(word, k + 1)) {
      const std::size_t end = k + std::string_view(word).size();
      const bool starts = k == 0 || !std::isalpha(static_cast<unsigned char>(clause[k - 1]));
      const bool ends =
          end >= clause.size() || !std::isalpha(static_cast<unsigned char>(clause[end]));
      if (starts && ends) return true;
    }
  }
  return false;
}

// The whole third-party phrase found as `word` at `at`, up to the end of its last word
// ("regulatory authorities"); empty when "fda" is only the start of a longer word.
std::string ThirdPartyPhraseAt(std::string_view folded, std::size_t at, std::string_view word) {
  std::size_t phrase_end = at + word.size();
  while (phrase_end < folded.size() &&
         std::isalpha(static_cast<unsigned char>(folded[phrase_end]))) {
    ++phrase_end;
  }
  if (word == "fda" && phrase_end != at + 3) return "";
  return std::string(folded.substr(at, phrase_end - at));
}

// The first third party the text names outside an exception: an authority that only appears in
// "unless ... at the direction of a government authority" does not act in the provision.
std::string ThirdPartyIn(std::string_view folded) {
  // A government's own auditors ("comptroller general") too (issue 15 #8).
  static const char* const kThirdParties[] = {"regulatory authorit",
                                              "regulatory agenc",
                                              "regulator",
                                              "governmental authorit",
                                              "government authorit",
                                              "supervisory authorit",
                                              "competent authorit",
                                              "data protection authorit",
                                              "governmental agenc",
                                              "government agenc",
                                              "fda",
                                              "independent certified public account",
                                              "independent public account",
                                              "independent account",
                                              "firm of independent",
                                              "independent inspector",
                                              "independent expert",
                                              "arbitrator",
                                              "comptroller general",
                                              "auditor general",
                                              "auditor-general"};
  for (const char* word : kThirdParties) {
    for (std::size_t at = folded.find(word); at != std::string_view::npos;
         at = folded.find(word, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(folded[at - 1]))) continue;
      if (InException(folded, at)) continue;
      std::string found = ThirdPartyPhraseAt(folded, at, word);
      if (!found.empty()) return found;
    }
  }
  return "";
}

bool NamesSide(const Tokens& t, const std::vector<PartyTerm>& terms, Party side) {
  for (std::size_t k = 0; k < t.size(); ++k) {
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
    if (m && (m->side == side || m->side == Party::kMutual)) return true;
  }
  return false;
}

Party Opposite(Party side) {
  return side == Party::kSupplier   ? Party::kCustomer
         : side == Party::kCustomer ? Party::kSupplier
                                    : Party::kUnknown;
}

// Index of the first token after list markers, numbering, emphasis and a run-in heading that
// ends in '.' before a capitalised sentence is lost in the folded view, so headings are left.
std::size_t OpeningStart(const Tokens& t) {
  std::size_t i = 0;
  for (int n = 0; n < 8 && i < t.size(); ++n) {
    if (t.IsAny(i, {"-", "*", "#", ">", ".", "●", "•"}) || t.IsNumber(i)) {
      ++i;
    } else if (t.Is(i, "(") && t.Is(i + 2, ")") && t.Text(i + 1).size() <= 4) {
      i += 3;
    } else if (t.IsWord(i) && t.Text(i).size() <= 3 && t.IsAny(i + 1, {")", "."}) &&
               t.Attached(i + 1) &&
               (!t.IsAny(i, {"no", "a", "an", "the"}) || (t.Is(i, "a") && t.Is(i + 1, ".")))) {
      i += 2;
    } else {
      break;
    }
  }
  // Sentence adverbs: "In addition, Customer ...", "Nonetheless, the recipient ...".
  if (t.Phrase(i, {"in", "addition", ","})) return i + 3;
  if (t.IsAny(i,
              {"nonetheless", "however", "further", "additionally", "moreover", "furthermore"}) &&
      t.Is(i + 1, ",")) {
    return i + 2;
  }
  return i;
}

// Roles a contract defines for whichever side is in them ("the Indemnifying Party", "each
// Recipient"): mutual provisions; "the Data Recipient" of a data sharing agreement is one side.
// Returns the role's length in tokens at i, or 0.
std::size_t EitherSideRoleAt(const Tokens& t, std::size_t i) {
  if (t.IsAny(i, {"indemnifying", "indemnified", "protected", "disclosing", "receiving",
                  "notifying", "breaching", "non-breaching", "requesting", "affected"}) &&
      t.IsAny(i + 1, {"party", "parties"})) {
    return 2;
  }
  if (t.IsAny(i, {"recipient", "recipients", "discloser", "disclosers"}) &&
      !(i > 0 && t.Is(i - 1, "data"))) {
    return 1;
  }
  return 0;
}

bool VerbLike(const Tokens& t, std::size_t i);

// True when the word at i, in -s, is a plural noun of a subject whose verb follows it: the
// next word is a finite auxiliary ("Customer projects are deployed ..."), or the subject goes on
// with "and"/"or" and up to six more words, none a verb in -s or a word that opens a clause,
// before one ("Customer projects and the internal control services are deployed ...").
// "Customer represents and warrants", "Customer agrees that ..." keep their verb.
bool PluralNounBeforeItsVerb(const Tokens& t, std::size_t i) {
  static const std::initializer_list<std::string_view> kFinite = {
      "is",  "are",    "was",    "were",  "shall", "will", "must", "may",
      "can", "cannot", "should", "would", "have",  "has",  "do",   "does"};
  if (t.IsAny(i + 1, kFinite)) return true;
  if (!t.IsAny(i + 1, {"and", "or"})) return false;
  for (std::size_t k = i + 2; k < i + 9 && t.IsWord(k); ++k) {
    if (t.IsAny(k, kFinite)) return k > i + 2;
    if (t.IsAny(k, {"that", "which", "who", "whom", "whose", "if", "when", "where", "to",  "by",
                    "for",  "with",  "in",  "on",   "of",    "at", "from", "not",   "and", "or"})) {
      return false;
    }
    const std::string_view w = t.Text(k);
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && VerbLike(t, k)) return false;
  }
  return false;
}

// A word that can follow a sentence's subject as its verb (or an adverb before it): a modal, a
// third-person or plural present form, "is"/"are". Nouns in -s that follow a party's name
// ("Customer Materials", "Customer projects are deployed") are not.
bool VerbLike(const Tokens& t, std::size_t i) {
  if (!t.IsWord(i)) return false;
  if (t.IsAny(i, {"may",       "shall",        "will",       "must",      "can",    "cannot",
                  "is",        "are",          "has",        "have",      "agree",  "acknowledge",
                  "consent",   "accept",       "understand", "generally", "hereby", "also",
                  "expressly", "specifically", "only"})) {
    return true;
  }
  if (t.IsAny(i,
              {"materials",  "systems",  "claims",      "records",      "affiliates",   "users",
               "services",   "products", "credentials", "instructions", "requirements", "premises",
               "facilities", "assets",   "contacts",    "accounts",     "obligations",  "covered",
               "personnel",  "policies", "agreements",  "terms",        "fees",         "costs"})) {
    return false;
  }
  const std::string_view w = t.Text(i);
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
         !PluralNounBeforeItsVerb(t, i);
}

// The side a sentence opens with as its subject, for sentences with no modal duty of a named
// side: "Customer instructs Provider", "Customer acknowledges that", "Customer and Provider
// agree", "Customer's obligations ... do not apply", "Each Recipient will", "The Indemnifying
// Party may not", "The Department and the Providers are responsible for". Two sides (or a side
// and another named body) joined by "and" are mutual; a possessive opener is its owner's. kUnknown
// when the sentence opens otherwise.
Party SubjectAtOpening(const Tokens& t, const std::vector<PartyTerm>& terms) {
  std::size_t i = OpeningStart(t);
  const auto skip_determiners = [&t](std::size_t k) {
    while (t.IsAny(k, {"the", "each", "either", "a", "an", "any", "both"})) ++k;
    return k;
  };
  // One noun phrase: a side's term or an either-side role. *end is one past it.
  const auto phrase_at = [&](std::size_t k, std::size_t* end) {
    if (const std::size_t n = EitherSideRoleAt(t, k); n > 0) {
      *end = k + n;
      return Party::kMutual;
    }
    std::optional<PartyTermMatch> best;
    for (std::size_t last = k; last < k + 4 && last < t.size(); ++last) {
      std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, last);
      if (m && m->first == k) {
        best = m;
        *end = last + 1;
      }
    }
    return best ? best->side : Party::kUnknown;
  };
  const std::size_t first = i;
  i = skip_determiners(i);
  // "Employees of the Contractor must be vetted": a side's people are the side (issue 11).
  if (const std::size_t p = t.Is(i, "all") ? i + 1 : i;
      t.IsAny(p, {"personnel", "employees", "staff", "agents", "representatives", "officers",
                  "subcontractors", "contractors", "users", "auditors"}) &&
      t.Is(p + 1, "of")) {
    const std::size_t k = skip_determiners(p + 2);
    std::size_t owner_end = k;
    const Party owner = phrase_at(k, &owner_end);
    if ((owner == Party::kSupplier || owner == Party::kCustomer) && VerbLike(t, owner_end)) {
      return owner;
    }
  }
  std::size_t end = i;
  Party side = phrase_at(i, &end);
  // issue 15 #8: the mutual terms include their determiner ("the parties", "each party").
  if (side == Party::kUnknown && first < i) side = phrase_at(first, &end);
  // read22 #4: an acknowledgement is judged by whose the acknowledged thing is: "Customer
  // acknowledges that Provider is regularly audited" states Provider's audits.
  if (side == Party::kSupplier || side == Party::kCustomer) {
    std::size_t verb = end;
    while (t.IsAny(verb, {"hereby", "expressly", "further", "also", "specifically"})) ++verb;
    if (t.IsAny(verb, {"acknowledges", "acknowledge", "understands", "understand", "recognises",
                       "recognise", "recognizes", "recognize", "accepts", "accept"}) &&
        t.Is(verb + 1, "that")) {
      std::size_t that_end = verb + 2;
      const Party acknowledged = phrase_at(skip_determiners(verb + 2), &that_end);
      if ((acknowledged == Party::kSupplier || acknowledged == Party::kCustomer) &&
          acknowledged != side) {
        return acknowledged;
      }
    }
  }
  if (t.Is(end, "and")) {
    // "A and B <verb>": both sides, or a side and a body the lexicon does not know ("the
    // Department and the Providers"): mutual when one of them is a side.
    std::size_t k = skip_determiners(end + 1);
    std::size_t other_end = k;
    Party other = phrase_at(k, &other_end);
    if (other == Party::kUnknown) {
      // one to three unknown words, then a verb
      std::size_t w = k;
      while (w < k + 3 && t.IsWord(w) && !VerbLike(t, w)) ++w;
      if (w > k) other_end = w;
    }
    if (side == Party::kUnknown && other == Party::kUnknown) return Party::kUnknown;
    return VerbLike(t, other_end) ? Party::kMutual : Party::kUnknown;
  }
  if (side == Party::kUnknown) {
    // "The Department and the Providers ...": an unknown body first, a side after "and".
    // Not a leading clause ("If Customer and Provider ...") and no side among its words.
    if (t.IsAny(i, {"if",     "when",  "where", "unless",   "upon",    "after",   "before",
                    "until",  "while", "once",  "as",       "to",      "for",     "in",
                    "on",     "with",  "by",    "although", "because", "subject", "notwithstanding",
                    "except", "this",  "these", "such",     "all"})) {
      return Party::kUnknown;
    }
    std::size_t w = i;
    while (w < i + 3 && t.IsWord(w) && !t.Is(w, "and") && !VerbLike(t, w)) {
      std::size_t unused = w;
      if (phrase_at(w, &unused) != Party::kUnknown) return Party::kUnknown;
      ++w;
    }
    if (w == i || !t.Is(w, "and")) return Party::kUnknown;
    std::size_t k = skip_determiners(w + 1);
    std::size_t other_end = k;
    const Party other = phrase_at(k, &other_end);
    return other != Party::kUnknown && VerbLike(t, other_end) ? Party::kMutual : Party::kUnknown;
  }
  if (t.Is(end, "'") && t.Is(end + 1, "s")) return side;  // "Customer's obligations ..."
  return VerbLike(t, end) ? side : Party::kUnknown;
}

// True when the unit opens with a condition ("If ...", "Where ...", "In the event ...") and its
// main clause, after the condition's comma or "then", binds both sides ("..., the parties will
// discuss", "..., then either party may ...").
bool MutualMainClause(const Tokens& t, const std::vector<PartyTerm>& terms) {
  const std::size_t i = OpeningStart(t);
  if (!t.IsAny(i, {"if", "where", "when", "unless", "should", "once"}) &&
      !t.Phrase(i, {"in", "the", "event"})) {
    return false;
  }
  for (std::size_t k = i + 1; k + 1 < t.size(); ++k) {
    if (!t.IsAny(k, {",", "then"})) continue;
    std::size_t start = k + 1;
    if (t.Is(start, "then")) ++start;
    for (std::size_t last = start; last < start + 3 && last < t.size(); ++last) {
      std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, last);
      if (m && m->first == start && m->side == Party::kMutual &&
          t.IsAny(last + 1, {"will", "shall", "must", "agree", "may"})) {
        return true;
      }
    }
  }
  return false;
}

// The token after the comma that closes a leading condition ("If Customer is eligible for a
// credit, Provider will ..."), or 0 when the unit opens otherwise.
std::size_t LeadingConditionEnd(const Tokens& t) {
  const std::size_t i = OpeningStart(t);
  if (!t.IsAny(i,
               {"if", "where", "when", "whenever", "unless", "once", "should", "upon", "after"})) {
    return 0;
  }
  for (std::size_t k = i + 1; k < t.size(); ++k) {
    if (t.IsAny(k, {".", ";", ":"})) return 0;
    if (t.Is(k, ",")) return k + 1;
  }
  return 0;
}

// The side a leading condition names as its subject when the main clause after it grants a right
// that names no holder: "If the client does not agree with a new subcontractor, the right to
// immediate termination exists" is the client's right. kUnknown otherwise.
Party ConditionSubjectOfBareRight(const Tokens& t, const std::vector<PartyTerm>& terms) {
  const std::size_t end = LeadingConditionEnd(t);
  if (end == 0) return Party::kUnknown;
  std::size_t k = end;
  if (t.Is(k, "then")) ++k;
  if (!t.IsAny(k, {"the", "a", "an"})) return Party::kUnknown;
  std::size_t right = k + 1;
  while (right < k + 4 && t.IsWord(right) && !t.IsAny(right, {"right", "option"})) ++right;
  if (!t.IsAny(right, {"right", "option"}) || !t.IsAny(right + 1, {"to", "of"})) {
    return Party::kUnknown;
  }
  bool granted = false;
  for (std::size_t w = right + 2; w < t.size() && !t.IsAny(w, {".", ";", ":"}) && !granted; ++w) {
    if (PartyTermEndingAt(t, terms, w)) return Party::kUnknown;  // "the right of the Provider"
    granted = t.IsAny(w, {"exists", "exist", "arises", "arise", "applies", "apply", "accrues"});
  }
  if (!granted) return Party::kUnknown;
  std::size_t subject = OpeningStart(t) + 1;
  while (t.IsAny(subject, {"the", "a", "an", "any"})) ++subject;
  for (std::size_t last = subject; last < subject + 4 && last < end; ++last) {
    const std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, last);
    if (m && m->first == subject && (m->side == Party::kSupplier || m->side == Party::kCustomer)) {
      return m->side;
    }
  }
  return Party::kUnknown;
}

// True when the unit speaks of "the other party" and its first modal duty has a subject of its
// own that names no side and is no pronoun ("If a threat is found by either side, the
// discoverer shall tell the other party"): whichever side is in that role holds the duty, also
// under a lead-in that names one side (issue 15 #8).
bool UnnamedRoleTowardsOtherParty(const Tokens& t, const std::vector<PartyTerm>& terms,
                                  std::string_view folded, const PartyLexicon& lexicon) {
  bool other_party = false;
  for (std::size_t k = 0; k < t.size() && !other_party; ++k) {
    other_party = t.Phrase(k, {"the", "other", "party"});
  }
  if (!other_party) return false;
  const std::size_t modal = FirstModal(t);
  if (modal >= t.size() || modal == 0) return false;
  std::size_t w = modal - 1;
  while (w > 0 && t.IsAny(w, {"promptly", "immediately", "also", "then", "thereupon"})) --w;
  if (w <= OpeningStart(t) || !t.IsWord(w) ||
      t.IsAny(w, {"it", "they", "he", "she", "we", "you", "who", "which", "that"}) ||
      PartyTermEndingAt(t, terms, w)) {
    return false;
  }
  return DutyHolder(folded, lexicon) == Party::kUnknown;
}

// True when a main clause of the unit after its first is held by `side`, one side ("Each party
// shall comply ...; the Supplier shall in addition notify ..." for the supplier): a duty holder
// of that side was read from that clause, not from the opening.
bool LaterMainClauseHeldBy(std::string_view folded, const PartyLexicon& lexicon, Party side) {
  if (side != Party::kSupplier && side != Party::kCustomer) return false;
  const std::vector<DutyClause> clauses = DutyClauses(folded, lexicon);
  for (std::size_t k = 1; k < clauses.size(); ++k) {
    if (clauses[k].party == side) return true;
  }
  return false;
}

// The shortest of terms that starts at token k and ends within its next 4 tokens, or nullopt
// (k is the term's first token, an article before it already skipped).
std::optional<PartyTermMatch> PartyTermStartingAt(const Tokens& t,
                                                  const std::vector<PartyTerm>& terms,
                                                  std::size_t k) {
  for (std::size_t last = k; last < k + 4 && last < t.size(); ++last) {
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, last);
    if (m && m->first == k) return m;
  }
  return std::nullopt;
}

// The side a passive duty addresses ("All such requests must be in writing and made to the
// Provider", "notice shall be given to Customer"): the side acted towards, or kUnknown.
Party PassiveAddressee(const Tokens& t, const std::vector<PartyTerm>& terms) {
  bool passive = false;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t.IsAny(i, {"shall", "must", "will"}) && t.Is(i + 1, "be")) passive = true;
    if (!passive) continue;
    if (!t.IsAny(i, {"made", "given", "sent", "submitted", "addressed", "delivered"}) ||
        !t.Is(i + 1, "to")) {
      continue;
    }
    std::size_t k = i + 2;
    if (t.Is(k, "the")) ++k;
    if (const std::optional<PartyTermMatch> m = PartyTermStartingAt(t, terms, k)) return m->side;
  }
  return Party::kUnknown;
}

// How many times the unit names side.
std::size_t Mentions(const Tokens& t, const std::vector<PartyTerm>& terms, Party side) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
    if (m && m->side == side) ++n;
  }
  return n;
}

// True when the unit excludes or limits a liability ("is not liable", "has no liability",
// "disclaims", "will not exceed", "in no event will X be liable", "a liability of X ... is
// excluded", "X excludes all liability", "X is liable only for intent") and does not say that it leaves
// one unlimited ("does not limit or exclude its liability", "nothing in this Agreement limits").
bool LimitsLiability(std::string_view folded) {
  for (std::string_view open : {"not limit", "not exclude", "nothing in", "unlimited"}) {
    if (folded.find(open) != std::string_view::npos) return false;
  }
  for (std::string_view limit :
       {"not liable", "no liability", "not be liable", "not be responsible", "not responsible",
        "no responsibility", "disclaim", "not exceed", "limited to", "won't be liable",
        "won't be responsible", "in no event", "under no circumstances", "is excluded",
        "are excluded", "shall be excluded", "excludes all liability", "excludes any liability",
        "excludes its liability", "liable only"}) {
    if (folded.find(limit) != std::string_view::npos) return true;
  }
  return false;
}

// The side terms put `pronoun` ("we", "you") on, or kUnknown.
Party PronounSide(const std::vector<PartyTerm>& terms, std::string_view pronoun) {
  for (const PartyTerm& term : terms) {
    if (term.words.size() == 1 && term.words.front() == pronoun) return term.side;
  }
  return Party::kUnknown;
}

// The side whose liability the unit limits, excludes or states ("Provider is not liable",
// "the Supplier does not limit its liability", "Provider disclaims any liability", "its
// liability will not exceed", "neither party will have any liability"): the side named
// nearest before the first "liable", "liability", "responsible" or "disclaims", reading "its"
// as that side. kUnknown when none.
Party LiabilityHolder(const Tokens& t, const std::vector<PartyTerm>& terms) {
  if (NamesSide(t, terms, Party::kMutual)) return Party::kUnknown;  // "each Party's liability"
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.IsAny(i, {"liable", "liability", "responsible", "responsibility", "disclaims"})) {
      continue;
    }
    std::size_t own = i;
    while (own > 0 && t.IsAny(own - 1, {"total", "aggregate", "entire", "cumulative", "maximum"})) {
      --own;
    }
    // "A liability of the contractor for slightly negligent breaches is excluded": the side
    // named right after "liability of".
    if (t.Is(i, "liability") && t.Is(i + 1, "of")) {
      std::size_t k = i + 2;
      if (t.IsAny(k, {"the", "a", "an"})) ++k;
      const std::optional<PartyTermMatch> m = PartyTermStartingAt(t, terms, k);
      if (m && (m->side == Party::kSupplier || m->side == Party::kCustomer)) return m->side;
    }
    const bool its = own > 0 && t.Is(own - 1, "its");  // "... and its liability will not exceed"
    // "Our total liability will not exceed ...": the side of "we" (of "you" for "your").
    if (own > 0 && t.IsAny(own - 1, {"our", "your"})) {
      const Party side = PronounSide(terms, t.Is(own - 1, "our") ? "we" : "you");
      if (side == Party::kSupplier || side == Party::kCustomer) return side;
    }
    const std::size_t stop = i > 24 ? i - 24 : 0;
    for (std::size_t k = i; k-- > stop;) {
      if (its && !t.IsAny(k, {".", ";", ":"})) {
        // "its" refers back to the nearest side named as a subject before it.
        std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
        if (!m) continue;
        std::size_t before = m->first;
        while (before > 0 && t.IsAny(before - 1, {"the", "a", "an", "any"})) --before;
        if (before > 0 && IsPreposition(t, before - 1)) {
          k = m->first;
          continue;
        }
        return m->side;
      }
      if (t.IsAny(k, {".", ";", ":", "if", "unless", "which", "who", "that", "to", "for", "against",
                      "by"})) {
        break;
      }
      std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
      if (!m) continue;
      std::size_t before = m->first;
      while (before > 0 && t.IsAny(before - 1, {"the", "a", "an", "any"})) --before;
      // "... or its affiliates, agents or suppliers be liable": another's people, not a side.
      bool owned = false;
      for (std::size_t j = before; j-- > 0 && j + kOwnedListTokens > before;) {
        if (t.IsAny(j, {"its", "their"})) owned = true;
        if (owned || (!t.IsAny(j, {",", "or", "and"}) && !t.IsWord(j))) break;
      }
      if ((before > 0 && IsPreposition(t, before - 1)) || owned) {
        k = m->first;
        continue;
      }
      return m->side;
    }
    return Party::kUnknown;
  }
  return Party::kUnknown;
}

// The side a unit with no subject of its own indemnifies ("the obligation to completely
// indemnify the provider from any legal defence costs", "... to hold the Customer harmless"):
// the side named right after "indemnify", "hold", "save", "keep" or "defend", when the unit names
// it only there and names no other side. The duty is the other side's. kUnknown otherwise.
Party IndemnifiedSide(const Tokens& t, const std::vector<PartyTerm>& terms) {
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (!t.IsAny(i, {"indemnify", "hold", "save", "keep", "defend"})) continue;
    std::size_t k = i + 1;
    if (t.IsAny(k, {"and", "or"}) && t.IsAny(k + 1, {"hold", "defend", "indemnify"})) k += 2;
    if (t.IsAny(k, {"the", "its"})) ++k;
    const std::optional<PartyTermMatch> m = PartyTermStartingAt(t, terms, k);
    if (!m || (m->side != Party::kSupplier && m->side != Party::kCustomer)) return Party::kUnknown;
    if (Mentions(t, terms, m->side) != 1 || NamesSide(t, terms, Opposite(m->side))) {
      return Party::kUnknown;
    }
    return m->side;
  }
  return Party::kUnknown;
}

}  // namespace

// The side a passive audit names as audited: "<side> is|are [adverb] audited|inspected|assessed"
// ("Customer acknowledges that Provider is regularly audited against ..."); kUnknown when none.
Party PassiveAudited(const Tokens& t, const std::vector<PartyTerm>& terms) {
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    if (!t.IsAny(i, {"is", "are"})) continue;
    std::size_t verb = i + 1;
    if (t.IsAny(verb, {"regularly", "annually", "periodically", "independently", "routinely",
                       "also", "currently", "itself", "themselves"})) {
      ++verb;
    }
    if (!t.IsAny(verb, {"audited", "inspected", "assessed"})) continue;
    if (const std::optional<PartyTermMatch> side = PartyTermEndingAt(t, terms, i - 1)) {
      if (side->side == Party::kSupplier || side->side == Party::kCustomer) return side->side;
    }
  }
  return Party::kUnknown;
}

bool PassiveDutyOnData(std::string_view folded) {
  const Tokens t(folded);
  bool data = false;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (t.IsAny(i, {".", ";", ":"})) data = false;
    if (t.IsAny(i, {"data", "information"})) data = true;
    if (!data || !t.IsAny(i, {"must", "shall", "will"})) continue;
    std::size_t be = i + 1;
    if (t.Is(be, "not")) ++be;
    if (!t.Is(be, "be")) continue;
    if (t.IsAny(be + 1, {"transferred", "stored", "processed", "hosted", "located", "kept", "held",
                         "accessed", "moved", "exported", "maintained"})) {
      return true;
    }
  }
  return false;
}

PartyRole RoleInUnit(std::string_view folded, Party duty_holder, const PartyLexicon& lexicon) {
  const std::vector<PartyTerm> terms = PartyTerms(lexicon);
  const Tokens t(folded);
  PartyRole role;
  role.party = duty_holder;
  role.audited = PassiveAudited(t, terms);
  const std::size_t modal = FirstModal(t);
  const std::size_t condition_end = duty_holder == Party::kUnknown ? 0 : LeadingConditionEnd(t);
  for (std::size_t i = condition_end; i < t.size(); ++i) {
    const std::size_t length = RightPhraseAt(t, i);
    if (length == 0) continue;
    const Party holder = HolderBefore(t, terms, i);
    if (holder == Party::kUnknown) {
      i += length - 1;
      continue;
    }
    if (const Party consenting = ConsentingSide(t, terms, i, t.Is(i + length, "to") ? i + length + 1 : i + length);
        consenting != Party::kUnknown && consenting != holder) {
      // "Customer further agrees that Provider may engage its Affiliates": Customer's consent.
      role.party = consenting;
      role.right = false;
      break;
    }
    if (duty_holder == Party::kUnknown) {
      role.party = holder;
      role.right = true;
    } else if (holder == duty_holder && i == modal) {
      role.right = true;
    } else if (i < modal && holder != Party::kMutual) {
      // "Customer may export ... (or Provider will ...)": the right comes before any duty.
      role.party = holder;
      role.right = true;
    }
    role.audits = role.right && AuditVerbAfter(t, i + length);
    // "Provider shall receive 30 days' notice of any audit": a right to be told in advance.
    role.notice = role.right && !role.audits && t.IsAny(i + length - 1, {"receive"}) &&
                  NoticeVerbAt(t, i + length - 1);
    // "Customer will receive no refund ...": a limit on the holder's remedy.
    if (role.right && t.Is(i + length, "no")) role.limits_remedy = true;
    break;
  }
  if (!role.right) {
    if (const Party holder = ConditionSubjectOfBareRight(t, terms); holder != Party::kUnknown) {
      role.party = holder;
      role.right = true;
    }
  }
  if (role.party == Party::kUnknown) {
    bool audits = false;
    if (const Party actor = PassiveActor(t, terms, &audits); actor != Party::kUnknown) {
      role.party = actor;  // "scans can be performed by the Government": its right
      role.right = true;
      role.audits = audits;
    }
  }
  const Party opening = SubjectAtOpening(t, terms);
  if (opening != Party::kUnknown &&
      (role.party == Party::kUnknown || (opening == Party::kMutual && !role.right &&
                                         !LaterMainClauseHeldBy(folded, lexicon, duty_holder)))) {
    role.party = opening;
    // "Each Recipient may retain ...": the opening subject's right when "may" comes before any
    // duty.
    for (std::size_t i = 0; i < t.size() && i < modal; ++i) {
      if (RightPhraseAt(t, i) > 0) {
        role.right = true;
        break;
      }
    }
  }
  bool credit_opening = false;
  if (role.party == Party::kUnknown || !role.right) {
    std::size_t i = OpeningStart(t);
    // "The / Any / All / Such Service Credits ..." (read22 #5: "Any Service Credits calculated in
    // excess of this cap will be forfeited")
    if (t.IsAny(i, {"the", "any", "all", "such", "these", "those"})) ++i;
    // A schedule of credits ("Credit Tier 1 | 99.00% - 99.89% | 5% of monthly fees") that
    // binds no one by name: the customer's remedy too.
    bool credit_schedule = false;
    if (role.party == Party::kUnknown) {
      bool credit = false, percent = false;
      for (std::size_t k = 0; k < t.size(); ++k) {
        credit = credit || t.IsAny(k, {"credit", "credits"});
        percent = percent || t.IsAny(k, {"%", "percent"});
      }
      credit_schedule = credit && percent;
    }
    if ((t.Is(i, "service") && t.IsAny(i + 1, {"credit", "credits"})) || credit_schedule) {
      // Service credits are the customer's remedy, whoever the sentence's verb binds.
      credit_opening = true;
      role.party = Party::kCustomer;
      role.right = true;
      for (std::size_t k = i; k < t.size(); ++k) {
        if (t.IsAny(k, {"not", "no", "only", "cannot", "expire", "expires", "lapse", "lapses",
                        "never", "neither", "nor"})) {
          role.limits_remedy = true;
          break;
        }
      }
    }
  }
  if (const Party to = PassiveAddressee(t, terms);
      (to == Party::kSupplier || to == Party::kCustomer) && !role.right &&
      (role.party == to || role.party == Party::kUnknown) && Mentions(t, terms, to) == 1) {
    // "Requests must be made to the Provider": the other side makes them, an act of its own.
    role.party = Opposite(to);
    role.right = true;
    role.addresses_other_side = true;
  }
  if (!role.right || credit_opening) {
    // "... are Customer's exclusive remedies": a limit on Customer's remedies protects the
    // other side.
    for (std::size_t k = 0; k + 4 < t.size(); ++k) {
      std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
      if (!m || (m->side != Party::kSupplier && m->side != Party::kCustomer)) continue;
      if (!t.Is(k + 1, "'") || !t.Is(k + 2, "s")) continue;
      std::size_t w = k + 3;
      while (t.IsAny(w, {"sole", "and", "exclusive", "only"})) ++w;
      if (w > k + 3 && t.IsAny(w, {"remedy", "remedies"})) {
        role.party = Opposite(m->side);
        role.right = false;
        role.limits_remedy = false;
        role.limits_other_remedy = true;
        break;
      }
    }
  }
  if (role.party == Party::kUnknown) {
    if (const Party indemnified = IndemnifiedSide(t, terms); indemnified != Party::kUnknown) {
      role.party = Opposite(indemnified);  // "... to indemnify the provider": the client's duty
    }
  }
  if (role.party == Party::kUnknown) {
    const Party liable = LiabilityHolder(t, terms);
    if (liable == Party::kSupplier || liable == Party::kCustomer) {
      role.party = liable;
      role.limits_own_liability = LimitsLiability(folded);
    }
  } else if ((role.party == Party::kSupplier || role.party == Party::kCustomer) && !role.right &&
             LiabilityHolder(t, terms) == role.party) {
    // issue 15 #2: "The Agency is not liable for ...": the duty holder's own exclusion.
    role.holder_limits_liability = LimitsLiability(folded);
  }
  if (role.party != Party::kMutual && !role.right &&
      (MutualMainClause(t, terms) || UnnamedRoleTowardsOtherParty(t, terms, folded, lexicon))) {
    // "If Customer objects ..., the parties will discuss ...": the main clause binds both.
    role.party = Party::kMutual;
  }
  if (role.party == Party::kUnknown) {
    // "This Section sets out the indemnified party's exclusive remedy": either side's role; so
    // is "the discoverer shall tell the other party" (issue 15 #8).
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (EitherSideRoleAt(t, k) > 0 || t.Phrase(k, {"the", "other", "party"})) {
        role.party = Party::kMutual;
        break;
      }
    }
  }
  if (!role.right && modal < t.size() && t.IsAny(modal, {"shall", "must", "will"})) {
    role.notice = NoticeVerbAt(t, modal + 1);  // "Customer must give Provider notice of ..."
  }
  role.third_party = ThirdPartyIn(folded);
  if (role.party == Party::kSupplier || role.party == Party::kCustomer) {
    role.names_other_side = NamesSide(t, terms, Opposite(role.party));
  }
  return role;
}

}  // namespace clausescan::internal

// Who owes the duty a sentence states, and whether a sentence is a definition.
//
// Word boundaries: lexicon terms match whole tokens, so "subprocessor" and "sub-processor"
// never match the term "processor" (a hyphenated compound is one word here); they name a party
// only when the lexicon lists them. The last word of a term also matches its plural
// ("customers", "processes" for "process").
#include "params/party.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/party_terms.h"
#include "params/scan.h"
#include "re2/re2.h"

namespace clausescan::internal {

std::string_view PartyName(Party party) {
  switch (party) {
    case Party::kSupplier:
      return "supplier";
    case Party::kCustomer:
      return "customer";
    case Party::kMutual:
      return "mutual";
    case Party::kUnknown:
      return "";
  }
  return "";
}

namespace {

using scan::Tokens;

Party Combine(Party a, Party b) {
  if (a == Party::kUnknown) return b;
  if (b == Party::kUnknown || a == b) return a;
  return Party::kMutual;
}

Party Flip(Party p) {
  if (p == Party::kSupplier) return Party::kCustomer;
  if (p == Party::kCustomer) return Party::kSupplier;
  return p;
}

// A modal obligation: its first and last token.
struct Modal {
  std::size_t first = 0;
  std::size_t last = 0;
};

std::optional<Modal> ModalAt(const Tokens& t, std::size_t i) {
  if (!t.IsWord(i)) return std::nullopt;
  if (t.IsAny(i, {"shall", "must"})) return Modal{i, i};
  if (t.Is(i, "will")) {
    // "at will", "free will", "its will": a noun.
    if (t.IsAny(i - 1, {"at", "free", "the", "its", "their", "his", "her", "good", "ill"})) {
      return std::nullopt;
    }
    return Modal{i, i};
  }
  if (t.IsAny(i, {"agree", "agrees", "undertake", "undertakes", "covenant", "covenants", "commit",
                  "commits"}) &&
      t.Is(i + 1, "to")) {
    return Modal{i, i + 1};
  }
  if (t.IsAny(i, {"is", "are"})) {
    if (t.IsAny(i + 1, {"required", "obligated", "obliged"}) && t.Is(i + 2, "to")) {
      return Modal{i, i + 2};
    }
    // "is (solely) responsible for".
    const std::size_t r =
        t.IsAny(i + 1, {"solely", "fully", "exclusively", "jointly"}) ? i + 2 : i + 1;
    if (t.Is(r, "responsible") && t.Is(r + 1, "for")) return Modal{i, r + 1};
  }
  return std::nullopt;
}

bool IsSkippableAdverb(const Tokens& t, std::size_t i) {
  return t.IsAny(
      i, {"promptly",     "also",      "hereby",      "immediately", "further",   "then",
          "thereafter",   "likewise",  "accordingly", "therefore",   "only",      "itself",
          "themselves",   "each",      "both",        "always",      "expressly", "irrevocably",
          "additionally", "similarly", "nonetheless", "however",     "at",        "all",
          "times",        "in",        "turn",        "thus",        "still",     "equally",
          "jointly",      "severally"});
}

bool IsAgentNoun(const Tokens& t, std::size_t i) {
  return t.IsAny(i,
                 {"personnel",  "employee",      "employees",      "staff",           "team",
                  "agent",      "agents",        "representative", "representatives", "affiliate",
                  "affiliates", "subcontractor", "subcontractors", "officer",         "officers",
                  "director",   "directors",     "auditor",        "auditors",        "designee",
                  "designees",  "users",         "user",           "contractors"});
}

// Passive duty right after the modal: "shall be notified", "will not be informed by ...", or
// in the present tense when the "modal" is "is" / "are" itself (PresentPassiveAt: "the customer
// is notified"). Returns true when passive; *agent gets the party after "by", if any.
bool IsPassive(const Tokens& t, const std::vector<PartyTerm>& terms, const Modal& modal,
               Party* agent) {
  std::size_t k = modal.last + 1;
  while (t.IsAny(k, {"not", "also", "promptly", "immediately", "then", "only", "always"})) ++k;
  if (!t.IsAny(modal.last, {"is", "are"})) {
    if (!t.Is(k, "be")) return false;
    ++k;
  }
  while (t.IsAny(
      k, {"promptly", "immediately", "also", "timely", "duly", "properly", "directly", "first"})) {
    ++k;
  }
  if (!t.IsWord(k)) return false;
  const std::string_view w = t.Text(k);
  if (t.IsAny(
          k, {"able",       "responsible", "liable",      "entitled",     "required",   "obligated",
              "obliged",    "permitted",   "allowed",     "authorized",   "authorised", "bound",
              "deemed",     "subject",     "available",   "solely",       "fully",      "jointly",
              "severally",  "free",        "compliant",   "eligible",     "prepared",   "committed",
              "interested", "engaged",     "registered",  "insured",      "licensed",   "qualified",
              "located",    "based",       "established", "incorporated", "related",    "limited",
              "associated", "intended",    "designed",    "expected",     "supposed",   "satisfied",
              "concerned",  "dedicated",   "exempted",    "excused",      "considered", "treated",
              "construed",  "prohibited",  "forbidden",   "barred",       "precluded",  "restricted",
              "banned"})) {
    return false;
  }
  const bool participle =
      (w.size() > 3 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "en")) ||
      t.IsAny(k, {"sent",  "told",    "made",   "paid",  "kept", "held", "done", "shown",
                  "known", "brought", "sought", "built", "set",  "put",  "sold", "lent",
                  "spent", "met",     "let",    "read",  "won",  "run"});
  if (!participle) return false;
  // "shall not be held liable / responsible": the subject's own liability.
  if (t.Is(k, "held") && t.IsAny(k + 1, {"liable", "responsible", "accountable"})) return false;
  for (std::size_t b = k + 1; b <= k + 4 && b < t.size(); ++b) {
    if (t.Is(b, "by")) {
      for (std::size_t e = b + 1; e <= b + 4 && e < t.size(); ++e) {
        if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, e); m && m->first > b) {
          *agent = m->side;
          return true;
        }
      }
      return true;
    }
  }
  return true;
}

// The side in whose possession the subject's noun phrase lies when the phrase ends in "in
// (the) X's possession", "in X's possession or control", "under X's custody" with head its last
// word; *first gets the side's first token. kUnknown otherwise.
Party PossessorBefore(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t head,
                      std::size_t* first) {
  static const std::initializer_list<std::string_view> kHolding = {"possession", "custody",
                                                                   "control", "care", "keeping"};
  std::size_t k = head;
  if (!t.IsAny(k, kHolding)) return Party::kUnknown;
  if (k >= 2 && t.IsAny(k - 1, {"or", "and"}) && t.IsAny(k - 2, kHolding)) k -= 2;
  if (k < 4 || !t.Is(k - 1, "s") || !t.Is(k - 2, "'")) return Party::kUnknown;
  const std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k - 3);
  if (!m) return Party::kUnknown;
  std::size_t before = m->first;
  if (before > 0 && t.Is(before - 1, "the")) --before;
  if (before == 0 || !t.IsAny(before - 1, {"in", "under", "within"})) return Party::kUnknown;
  *first = m->first;
  return m->side;
}

struct Subject {
  Party party = Party::kUnknown;
  std::size_t first = 0;    // first token of the subject phrase
  bool possessive = false;  // "provider's personnel": the party is not the head noun
  bool pronoun = false;     // "it", "they" resolved to the nearest party before
  bool embedded = false;    // inside a relative clause ("data that customer will upload")
  // The party holds or receives what the subject names ("data held by the supplier"): a passive
  // duty about it is the party's own.
  bool holds = false;
};

// True when the party named from token `first` on is the holder or recipient of the noun phrase
// before it: "... held / received / stored / processed by (the) X", "... disclosed / provided /
// supplied / transferred / made available to X", "... shared with X", "in the possession /
// custody / control / care of X". Not a source ("provided by X"), an owner ("data of X") or an
// addressee of notices ("given to X").
bool HoldsPhraseBefore(const Tokens& t, std::size_t first) {
  std::size_t k = first;
  for (int n = 0; n < 2 && k > 0 && t.IsAny(k - 1, {"the", "a", "an", "any", "each"}); ++n) --k;
  if (k < 2) return false;
  const std::size_t link = k - 1;
  const std::size_t verb = k - 2;
  if (t.Is(link, "by")) {
    return t.IsAny(verb, {"held", "received", "stored", "processed", "retained", "maintained",
                          "collected", "obtained", "accessed", "hosted", "kept", "possessed",
                          "controlled", "acquired", "gathered", "handled"});
  }
  if (t.Is(link, "to")) {
    return t.IsAny(
        verb, {"disclosed", "provided", "supplied", "transferred", "transmitted", "furnished",
               "entrusted", "available", "accessible", "exported", "released", "communicated"});
  }
  if (t.Is(link, "with")) return t.IsAny(verb, {"shared", "entrusted"});
  if (t.Is(link, "of")) {
    return t.IsAny(verb, {"possession", "custody", "control", "care", "hands", "keeping"});
  }
  return false;
}

// The words before the modal, walking back over adverbs and one comma-enclosed aside
// ("supplier, at its own cost, shall"). Returns the index of the head word, or npos.
std::size_t SubjectHead(const Tokens& t, std::size_t modal_first) {
  constexpr std::size_t kNpos = static_cast<std::size_t>(-1);
  if (modal_first == 0) return kNpos;
  std::size_t k = modal_first - 1;
  for (int asides = 0; asides < 2; ++asides) {
    while (k > 0 && IsSkippableAdverb(t, k)) --k;
    if (!t.Is(k, ",")) break;
    std::size_t open = k;
    for (std::size_t back = 1; back <= 12 && back <= k; ++back) {
      if (t.Is(k - back, ",")) {
        open = k - back;
        break;
      }
    }
    if (open == k || open == 0) return kNpos;
    k = open - 1;
  }
  return t.IsWord(k) ? k : kNpos;
}

// How a party is named where a pronoun looks back for it.
enum class Mention { kSubject, kOwner, kObject };

// kOwner: "customer's instructions"; kObject: after a preposition or a verb ("on behalf of the
// data exporter", "notify the customer"); else kSubject. For the party named by tokens [first,
// last].
Mention MentionKind(const Tokens& t, std::size_t first, std::size_t last) {
  if (t.Is(last + 1, "'")) return Mention::kOwner;
  std::size_t k = first;
  for (int n = 0;
       n < 2 && k > 0 && t.IsAny(k - 1, {"the", "its", "their", "a", "an", "any", "each"}); ++n) {
    --k;
  }
  // At the start, after punctuation or after a word that opens a clause: a subject. After any
  // other word (a preposition, a verb: "notify the customer"): an object.
  if (k == 0 || !t.IsWord(k - 1)) return Mention::kSubject;
  if (t.IsAny(k - 1, {"and",     "or",         "but",      "nor",     "that",     "which",  "who",
                      "if",      "when",       "whenever", "where",   "whereas",  "unless", "while",
                      "because", "since",      "as",       "once",    "after",    "before", "until",
                      "then",    "so",         "provided", "whether", "although", "though", "also",
                      "hereby",  "thereafter", "otherwise"})) {
    return Mention::kSubject;
  }
  return Mention::kObject;
}

// The party a pronoun before token `before` stands for: the nearest party named as a subject,
// else the nearest that owns something ("if the provider cannot comply with the customer's
// instructions, it shall" -> the provider); never one named only after a preposition ("on
// behalf of the exporter ... it agrees" -> kUnknown). "they" takes only a plural
// ("customers", "the parties").
Party ResolvePronoun(const Tokens& t, const std::vector<PartyTerm>& terms, std::size_t before,
                     bool plural) {
  Party owner = Party::kUnknown;
  for (std::size_t k = before; k-- > 0;) {
    if (plural && t.Text(k).back() != 's') continue;
    std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k);
    if (!m) continue;
    const Mention kind = MentionKind(t, m->first, k);
    if (kind == Mention::kSubject) return m->side;
    if (kind == Mention::kOwner && owner == Party::kUnknown) owner = m->side;
    k = m->first;
  }
  return owner;
}

// last_subject: the party named as the subject of the sentence's previous duty, which a pronoun
// stands for ("supplier shall ensure that the customer is informed and it shall ..."), or
// kUnknown.
Subject FindSubject(const Tokens& t, const std::vector<PartyTerm>& terms, const Modal& modal,
                    Party last_subject) {
  Subject subject;
  subject.first = modal.first;
  const std::size_t head = SubjectHead(t, modal.first);
  if (head >= t.size()) return subject;
  std::size_t first = head;
  if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, head)) {
    subject.party = m->side;
    first = m->first;
    subject.holds = HoldsPhraseBefore(t, first);
    // "employees of the vendor": the vendor's people, as "the vendor's employees" (issue 11).
    std::size_t of = first;
    while (of > 0 && t.IsAny(of - 1, {"the", "a", "an", "any", "each"})) --of;
    subject.possessive = of >= 2 && t.Is(of - 1, "of") && IsAgentNoun(t, of - 2);
    // "supplier and (its) customer", "processor and its sub-processors", "the importer and,
    // during transmission, also the exporter".
    std::size_t p = first;
    for (int n = 0; n < 3 && p > 0 &&
                    t.IsAny(p - 1, {"its", "their", "the", "each", "any", "all", "a", "an", "our",
                                    "your", "also"});
         ++n) {
      --p;
    }
    if (p >= 2 && t.Is(p - 1, ",")) {
      for (std::size_t back = 2; back <= 10 && back <= p; ++back) {
        if (t.Is(p - back, ",")) {
          p = p - back + 1;
          break;
        }
      }
      if (p > 1 && t.Is(p - 1, ",")) --p;
    }
    if (p >= 2 && t.IsAny(p - 1, {"and", "or", "&"})) {
      if (std::optional<PartyTermMatch> other = PartyTermEndingAt(t, terms, p - 2)) {
        subject.party = Combine(other->side, subject.party);
        first = other->first;
      }
    }
  } else if (t.IsAny(head, {"it", "they"})) {
    subject.party = last_subject != Party::kUnknown
                        ? last_subject
                        : ResolvePronoun(t, terms, head, t.Is(head, "they"));
    subject.pronoun = true;
  } else if (t.IsAny(head, {"and", "or", "but"})) {
    // "customer is not permitted to submit and shall not submit ...": the modal shares the
    // subject of the verb before it, as a pronoun would.
    subject.party =
        last_subject != Party::kUnknown ? last_subject : ResolvePronoun(t, terms, head, false);
    subject.pronoun = true;
  } else if (const Party possessor = PossessorBefore(t, terms, head, &first);
             possessor != Party::kUnknown) {
    // "records in the vendor's possession must be returned": the holder returns them.
    subject.party = possessor;
    subject.holds = true;
  } else if (IsAgentNoun(t, head)) {
    // "provider's personnel", "supplier personnel", "customer's auditors".
    for (std::size_t back = 1; back <= 4 && back <= head; ++back) {
      const std::size_t k = head - back;
      std::size_t owner = k;
      if (t.Is(k, "s") && k >= 2 && t.Is(k - 1, "'")) owner = k - 2;
      if (t.Is(k, "'") && k >= 1) owner = k - 1;
      if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, owner)) {
        subject.party = m->side;
        subject.possessive = true;
        first = m->first;
        break;
      }
      if (!t.IsWord(k) && !t.Is(k, "'")) break;
    }
  }
  // "what you must keep confidential" (a heading) is a noun clause too, issue 15 #8.
  if (first > 0 && t.IsAny(first - 1, {"that", "which", "who", "whom", "whose", "what"})) {
    subject.embedded = true;
  }
  for (int n = 0; n < 3 && first > 0 &&
                  t.IsAny(first - 1, {"the", "its", "their", "each", "any", "all", "a", "an"});
       ++n) {
    --first;
  }
  subject.first = first;
  return subject;
}

// True when the sentence starts with a subordinate clause ("If Customer requests, ...").
bool StartsWithSubordinate(const Tokens& t, std::size_t start) {
  return t.IsAny(start, {"if",
                         "when",
                         "whenever",
                         "where",
                         "wherever",
                         "unless",
                         "upon",
                         "on",
                         "after",
                         "before",
                         "once",
                         "subject",
                         "notwithstanding",
                         "without",
                         "to",
                         "should",
                         "following",
                         "as",
                         "within",
                         "except",
                         "while",
                         "until",
                         "during",
                         "prior",
                         "provided",
                         "save",
                         "because",
                         "since",
                         "although",
                         "though",
                         "whether",
                         "in",
                         "for",
                         "at"});
}

// "In no event shall Supplier be liable": the subject follows the modal.
bool IsInverted(const Tokens& t, const Modal& modal) {
  return modal.first >= 2 &&
         (t.PhraseBefore(modal.first - 1, {"no", "event"}) ||
          t.PhraseBefore(modal.first - 1, {"no", "circumstances"}) ||
          t.PhraseBefore(modal.first - 1, {"no", "time"}) ||
          t.PhraseBefore(modal.first - 1, {"no", "case"}) || t.Is(modal.first - 1, "nor"));
}

// A present-tense commitment right after a party named as the subject (or "it"): "vendor maintains
// a program", "we encrypt data", "the parties keep", "provider has in place", "processor has
// implemented". A base form ("maintain") needs a plural subject ("we", "you", "they", "the
// parties"): after a singular noun it is a noun ("supplier review"). "has" needs "in place" or a
// participle of measures put in place ("has implemented", "has established"), not of a past act
// ("has used reasonable efforts") or a passive ("has been").
std::optional<Modal> CommitmentAt(const Tokens& t, const std::vector<PartyTerm>& terms,
                                  std::size_t i) {
  if (i == 0 || !t.IsWord(i)) return std::nullopt;
  static constexpr std::string_view kVerbs[] = {
      "maintain", "implement", "provide", "employ",   "ensure",    "encrypt", "apply",
      "keep",     "operate",   "perform", "conduct",  "monitor",   "retain",  "store",
      "use",      "protect",   "secure",  "restrict", "safeguard", "limit",   "delete",
      "destroy",  "notify",    "comply",  "adhere",   "follow",    "test",    "review",
      "train",    "log",       "back",    "enforce",  "impose"};
  const std::string_view w = t.Text(i);
  bool third_person = false;
  bool base = false;
  bool have = false;
  for (std::string_view verb : kVerbs) {
    if (w == verb) base = true;
    if (w.size() == verb.size() + 1 && w.back() == 's' && w.substr(0, verb.size()) == verb) {
      third_person = true;
    }
    // "applies", "notifies", "complies".
    if (verb.back() == 'y' && w.size() == verb.size() + 2 && w.substr(w.size() - 3) == "ies" &&
        w.substr(0, verb.size() - 1) == verb.substr(0, verb.size() - 1)) {
      third_person = true;
    }
  }
  if (t.IsAny(i, {"has", "have"})) {
    have = true;
    third_person = t.Is(i, "has");
    base = t.Is(i, "have");
  }
  if (!third_person && !base) return std::nullopt;
  if (have) {
    const std::size_t k = t.IsAny(i + 1, {"already", "also", "duly"}) ? i + 2 : i + 1;
    const std::string_view next = t.Text(k);
    const bool in_place = t.Is(k, "in") && t.Is(k + 1, "place");
    // Measures in place, not a past act ("has used reasonable efforts to determine ...").
    const bool participle =
        t.IsAny(k, {"implemented", "established", "adopted", "deployed", "maintained", "put",
                    "taken", "instituted", "developed", "documented", "appointed", "designated",
                    "installed", "configured", "enabled", "encrypted", "trained"});
    if (!in_place && !participle) return std::nullopt;
  }
  std::size_t head = i - 1;
  while (head > 0 && t.IsAny(head, {"also", "hereby", "currently", "already", "further",
                                    "additionally", "itself", "themselves", "each"})) {
    --head;
  }
  // "it has implemented": the pronoun is resolved as for a modal.
  if (third_person && t.Is(head, "it")) return Modal{i, i};
  const std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, head);
  if (!m || MentionKind(t, m->first, head) != Mention::kSubject) return std::nullopt;
  if (base && !third_person) {
    const std::string_view noun = t.Text(head);
    if (!t.IsAny(head, {"we", "you", "they"}) && noun.back() != 's') return std::nullopt;
  }
  return Modal{i, i};
}

// A duty in the present-tense passive with a side as its subject: "the customer is notified
// within 24 hours", "customers are informed of any breach" (the other side notifies them, or the
// agent after "by"). The "modal" is "is" / "are"; IsPassive decides whether a participle follows.
std::optional<Modal> PresentPassiveAt(const Tokens& t, const std::vector<PartyTerm>& terms,
                                      std::size_t i) {
  if (i == 0 || !t.IsAny(i, {"is", "are"})) return std::nullopt;
  const std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, i - 1);
  if (!m || MentionKind(t, m->first, i - 1) != Mention::kSubject) return std::nullopt;
  return Modal{i, i};
}

struct Candidate {
  Party party = Party::kUnknown;
  std::size_t first = 0;  // first token of the clause: its subject, else its modal
  bool named = false;     // the subject names a party itself (no pronoun, no passive)
  bool leading = false;   // inside the leading subordinate clause
  bool embedded = false;  // inside a relative clause
};

Candidate Evaluate(const Tokens& t, const std::vector<PartyTerm>& terms, const Modal& modal,
                   Party last_subject) {
  Candidate candidate;
  candidate.first = modal.first;
  if (IsInverted(t, modal)) {
    for (std::size_t e = modal.last + 1; e <= modal.last + 4 && e < t.size(); ++e) {
      if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, e);
          m && m->first > modal.last) {
        candidate.party = m->side;
        break;
      }
    }
    return candidate;
  }
  const Subject subject = FindSubject(t, terms, modal, last_subject);
  candidate.embedded = subject.embedded;
  candidate.first = subject.first;
  Party agent = Party::kUnknown;
  if (IsPassive(t, terms, modal, &agent)) {
    // "Customer shall be notified": the party notified is not the one notifying.
    if (agent != Party::kUnknown) {
      candidate.party = agent;
    } else if (subject.holds) {
      // issue 11: "data held by the supplier must be purged": the holder purges it.
      candidate.party = subject.party;
    } else if (!subject.possessive && !subject.pronoun) {
      candidate.party = Flip(subject.party);
    }
    return candidate;
  }
  candidate.party = subject.party;
  candidate.named = !subject.pronoun && !subject.possessive;
  return candidate;
}

// Index of the first token after list markers and numbering ("(a)", "9.2", "-", "1.").
std::size_t ContentStart(const Tokens& t) {
  std::size_t i = 0;
  for (int n = 0; n < 6 && i < t.size(); ++n) {
    if (t.IsAny(i, {"-", "*", "#", ">"}) || t.IsNumber(i) || t.Is(i, ".")) {
      ++i;
    } else if (t.Is(i, "(") && t.Is(i + 2, ")") && t.Text(i + 1).size() <= 4) {
      i += 3;
    } else if (t.IsWord(i) && t.Text(i).size() <= 3 && t.IsAny(i + 1, {")", "."}) &&
               t.Attached(i + 1) && t.Text(i) != "no") {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

namespace {

// The modal obligations and commitments of a sentence, in order (at most 16).
std::vector<Candidate> Candidates(const Tokens& t, const std::vector<PartyTerm>& terms) {
  const std::size_t start = ContentStart(t);
  std::size_t leading_end = 0;  // tokens before this are the leading subordinate clause
  if (StartsWithSubordinate(t, start)) {
    for (std::size_t k = start; k < t.size(); ++k) {
      if (t.Is(k, ",")) {
        leading_end = k;
        break;
      }
    }
  }
  std::vector<Candidate> candidates;
  Party last_subject = Party::kUnknown;
  std::vector<Modal> present_passives;
  for (std::size_t i = start; i < t.size() && candidates.size() < 16; ++i) {
    std::optional<Modal> modal = ModalAt(t, i);
    if (!modal) modal = CommitmentAt(t, terms, i);
    if (!modal) {
      Party agent = Party::kUnknown;
      const std::optional<Modal> passive = PresentPassiveAt(t, terms, i);
      if (passive && IsPassive(t, terms, *passive, &agent)) present_passives.push_back(*passive);
      continue;
    }
    Candidate candidate = Evaluate(t, terms, *modal, last_subject);
    candidate.leading = modal->first < leading_end;
    if (candidate.named && candidate.party != Party::kUnknown) last_subject = candidate.party;
    candidates.push_back(candidate);
    i = modal->last;
  }
  // A present-tense passive states the duty only of a sentence with no other ("the customer is
  // notified within 24 hours"); beside a modal it is a condition or a fact ("if the contractor is
  // notified of such by a subcontractor, the contractor shall report it").
  if (candidates.empty()) {
    for (const Modal& passive : present_passives) {
      if (candidates.size() >= 16) break;
      Candidate candidate = Evaluate(t, terms, passive, Party::kUnknown);
      candidate.leading = passive.first < leading_end;
      candidates.push_back(candidate);
    }
  }
  return candidates;
}

}  // namespace

Party DutyHolder(std::string_view folded, const PartyLexicon& lexicon) {
  const std::vector<PartyTerm> terms = PartyTerms(lexicon);
  const Tokens t(folded);
  const std::vector<Candidate> candidates = Candidates(t, terms);
  for (const Candidate& c : candidates) {
    if (!c.leading && !c.embedded) return c.party;
  }
  for (const Candidate& c : candidates) {
    if (!c.leading) return c.party;
  }
  return candidates.empty() ? Party::kUnknown : candidates.front().party;
}

std::vector<DutyClause> DutyClauses(std::string_view folded, const PartyLexicon& lexicon) {
  const std::vector<PartyTerm> terms = PartyTerms(lexicon);
  const Tokens t(folded);
  std::vector<DutyClause> out;
  for (const Candidate& c : Candidates(t, terms)) {
    if (c.leading || c.embedded || c.party == Party::kUnknown || c.first >= t.size()) continue;
    const std::size_t begin = t[c.first].begin;
    if (!out.empty()) {
      if (begin <= out.back().begin) continue;
      out.back().end = begin;
    }
    out.push_back({c.party, begin, folded.size()});
  }
  return out;
}

namespace {

// Strips list markers and numbering: "- ", "* ", "1. ", "1.2 ", "(a) ", "a) ", "iv. ".
std::string_view StripListMarker(std::string_view s) {
  static const RE2 kMarker(
      "^(?:\\s*(?:[-*#>]+|\\xE2\\x80\\xA2|\\([0-9a-z]{1,4}\\)|[0-9a-z]{1,4}[.)]|"
      "[0-9]+(?:\\.[0-9]+)*\\.?)\\s+)*");
  re2::StringPiece text(s.data(), s.size());
  RE2::Consume(&text, kMarker);
  return std::string_view(text.data(), text.size());
}

bool HasCleanTerm(std::string_view term) {
  std::size_t words = 0;
  const Tokens t(term);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.IsWord(i)) continue;
    ++words;
    if (t.IsAny(i, {"shall", "will", "must", "may",  "which",  "that",  "this",  "is",  "are",
                    "was",   "were", "be",   "been", "if",     "when",  "where", "it",  "we",
                    "you",   "they", "not",  "can",  "should", "would", "could", "also"})) {
      return false;
    }
    // "by means of", "within its means", "using secure means": "means" is then a noun of a
    // sentence, and a defined term names a thing, never "by", "using" or "its".
    if (t.IsAny(i, {"by", "within", "through", "via", "using", "its", "their", "our", "your",
                    "his", "her"})) {
      return false;
    }
  }
  return words >= 1 && words <= 8;
}

}  // namespace

bool IsDefinition(std::string_view folded) {
#define CS_QUOTED "(?:\"[^\"]{1,100}\"|'[^']{1,100}')"
#define CS_LEAD                                                                           \
  "(?:(?:as used (?:in|herein|under)|for (?:the )?purposes? of|in this)[^,]{0,80},\\s*)?" \
  "(?:the (?:terms?|expressions?|words?|phrases?)\\s+)?"
  static const RE2 kQuotedDefinition(
      "^" CS_LEAD CS_QUOTED "(?:\\s*(?:,|and|or|, and|, or)\\s*" CS_QUOTED
      ")*"
      "(?:\\s*\\([^)]{0,100}\\))?\\s*(?:[:\\-]|,?\\s*(?:"
      "(?:shall |will |does |do )?means?\\b|"
      "(?:shall |will )?(?:have|has) the (?:same )?(?:respective )?meanings?\\b|"
      "(?:shall )?refers? to\\b|(?:shall )?includes?\\b|"
      "(?:is|are|shall be) defined\\b|(?:is|are) used\\b|is\\b|are\\b))");
  static const RE2 kPlainDefinition(
      "^" CS_LEAD
      "([a-z0-9][a-z0-9 '&/\\-]{0,80}?)\\s*:?\\s*"
      "(?:shall mean|means|has the meaning|shall have the meaning|have the meaning|refers to|"
      "is defined as)\\b");
  static const RE2 kNamingParenthetical(
      "\\((?:[a-z]+ ){0,4}" CS_QUOTED "(?:\\s*(?:,|and|or)\\s*(?:[a-z]+ ){0,2}" CS_QUOTED ")*\\)");
  static const RE2 kDuty("\\b(?:shall|must|will|agrees?|undertakes?|required)\\b");
#undef CS_QUOTED
#undef CS_LEAD
  const std::string_view s = StripListMarker(folded);
  const re2::StringPiece text(s.data(), s.size());
  if (RE2::PartialMatch(text, kQuotedDefinition)) return true;
  re2::StringPiece term;
  if (RE2::PartialMatch(text, kPlainDefinition, &term) &&
      HasCleanTerm(std::string_view(term.data(), term.size()))) {
    return true;
  }
  // 'This Agreement (the "Agreement") is made between ...': names a term, states no duty.
  return RE2::PartialMatch(text, kNamingParenthetical) && !RE2::PartialMatch(text, kDuty);
}

}  // namespace clausescan::internal

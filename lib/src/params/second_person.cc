// Which side "we" and "you" name in one document.
#include "params/second_person.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "params/parties_in_text.h"
#include "params/side_signs.h"
#include "re2/re2.h"

namespace clausescan::internal {
namespace {

// The thresholds of the party reading (params/side_signs.h).
constexpr int kFirstPersonWords = SideThresholds::kFirstPersonWords;
constexpr int kMinSigns = SideThresholds::kMinPersonSigns;
constexpr int kSecondPersonWords = SideThresholds::kSecondPersonWords;
constexpr int kMinActs = SideThresholds::kMinActs;
constexpr int kMinPaySigns = SideThresholds::kMinPaySigns;
// How many words of a definition's body are read for the role it gives.
constexpr std::size_t kBodyWords = 8;
// How many words before a naming parenthetical are read for the name it follows.
constexpr std::size_t kNameWords = 8;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '&';
}

// The words of s in order: runs of letters, digits, '-', '\'' and '&'.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordChar(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && IsWordChar(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool IsPronoun(std::string_view lower) {
  return lower == "we" || lower == "us" || lower == "our" || lower == "you" || lower == "your";
}

bool IsSecondPerson(std::string_view lower) { return lower == "you" || lower == "your"; }

// The side a role word or party term names: lexicon's words (but the pronouns), RoleOfWord's,
// and "developer"; kUnknown otherwise. phrase is lower case.
Party SideOfPhrase(std::string_view phrase, const PartyLexicon& lexicon) {
  if (phrase.empty() || IsPronoun(phrase)) return Party::kUnknown;
  const auto in = [&](const std::vector<std::string>& words) {
    return std::find(words.begin(), words.end(), phrase) != words.end();
  };
  const bool supplier = in(lexicon.supplier);
  const bool customer = in(lexicon.customer);
  if (supplier != customer) return supplier ? Party::kSupplier : Party::kCustomer;
  if (const Party role = RoleOfWord(phrase); role != Party::kUnknown) return role;
  if (phrase == "developer" || phrase == "developers") return Party::kSupplier;
  return Party::kUnknown;
}

// The side the words of `words` name, read from the first word (or the last, when
// from_end), two-word phrases before single words at each place.
Party SideOfWords(const std::vector<std::string_view>& words, const PartyLexicon& lexicon,
                  bool from_end) {
  const std::size_t n = words.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = from_end ? n - 1 - k : k;
    if (from_end && i > 0) {
      const Party two = SideOfPhrase(AsciiLower(words[i - 1]) + " " + AsciiLower(words[i]), lexicon);
      if (two != Party::kUnknown) return two;
    }
    if (!from_end && i + 1 < n) {
      const Party two = SideOfPhrase(AsciiLower(words[i]) + " " + AsciiLower(words[i + 1]), lexicon);
      if (two != Party::kUnknown) return two;
    }
    const Party one = SideOfPhrase(AsciiLower(words[i]), lexicon);
    if (one != Party::kUnknown) return one;
  }
  return Party::kUnknown;
}

// The words of the name written just before a naming parenthetical: back from the '(' while
// the words are capitalised, joiners ("of", "and", "the", "&"), legal forms or role words.
std::vector<std::string_view> NameWordsBefore(std::string_view before,
                                              const PartyLexicon& lexicon) {
  const std::size_t from = before.size() > 200 ? before.size() - 200 : 0;
  std::string_view window = before.substr(from);
  const std::size_t stop = window.find_last_of("();:\n");
  if (stop != std::string_view::npos) window = window.substr(stop + 1);
  std::vector<std::string_view> words = Words(window);
  std::size_t keep = 0;
  for (std::size_t k = words.size(); k > 0 && keep < kNameWords; --k) {
    const std::string_view w = words[k - 1];
    const std::string lower = AsciiLower(w);
    const bool capital = std::isupper(static_cast<unsigned char>(w[0])) ||
                         std::isdigit(static_cast<unsigned char>(w[0]));
    if (!capital && lower != "of" && lower != "and" && lower != "the" && lower != "&" &&
        SideOfPhrase(lower, lexicon) == Party::kUnknown) {
      break;
    }
    ++keep;
  }
  return std::vector<std::string_view>(words.end() - static_cast<std::ptrdiff_t>(keep),
                                       words.end());
}

// Votes for the side of "you", counted from the sides read for "you" and (reversed) for "we".
struct Votes {
  int supplier = 0;
  int customer = 0;

  void Add(Party you) {
    if (you == Party::kSupplier) ++supplier;
    if (you == Party::kCustomer) ++customer;
  }
};

Party Other(Party side) {
  return side == Party::kSupplier   ? Party::kCustomer
         : side == Party::kCustomer ? Party::kSupplier
                                    : Party::kUnknown;
}

// Reads the quoted groups that put a pronoun beside a party: '("Acme", "we" or "us")',
// '"Developer" or "You" means ...', '"we," "us" and "our" refers to ...'.
void ReadQuotedPronouns(std::string_view text, const PartyLexicon& lexicon, Votes* votes,
                        std::vector<std::string>* you_names) {
  // A run of up to five quoted terms joined by commas, "or", "and".
  static const RE2 kGroup(
      "((?:[\"\\x{201C}\\x{201D}][A-Za-z][A-Za-z .&'\\x{2019}-]{0,38}[\"\\x{201C}\\x{201D}]"
      "(?:\\s*,\\s*|\\s+)?(?:(?:or|and|and/or)\\s+)?(?:by\\s+reference\\s+)?(?:the\\s+)?){1,5})");
  static const RE2 kTerm(
      "[\"\\x{201C}\\x{201D}]([A-Za-z][A-Za-z .&'\\x{2019}-]{0,38})"
      "[\"\\x{201C}\\x{201D}]");
  static const RE2 kLeadIn(
      "(?i)(?:\\(\\s*(?:(?:hereinafter|hereafter|collectively)\\s*,?\\s*)?"
      "(?:(?:referred\\s+to|called)\\s+)?(?:as\\s+)?(?:or\\s+)?(?:by\\s+reference\\s+)?"
      "(?:the\\s+)?)$");
  static const RE2 kMeans(
      "(?i)^\\s*(?:\\(|,)?\\s*(?:as\\s+used\\s+(?:in|herein)[^,.;]{0,40},?\\s*)?(?:\\)\\s*)?"
      "(?:shall\\s+|will\\s+)?(?:means?|refers?\\s+to|shall\\s+refer\\s+to|is|are)\\b");
  // A group counts only with a quoted pronoun among its terms (first != second below): most
  // documents have none and skip the scan of every quoted term (issue 12 #3).
  static const RE2 kQuotedPronoun(
      "(?i)[\"\\x{201C}\\x{201D}](?:we|us|our|you|your)[ .]*[\"\\x{201C}\\x{201D}]");
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kQuotedPronoun)) return;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece group;
  int seen = 0;
  while (seen++ < 100000 && RE2::FindAndConsume(&input, kGroup, &group)) {
    bool first = false;
    bool second = false;
    std::vector<std::string_view> others;
    re2::StringPiece terms(group);
    re2::StringPiece term;
    while (RE2::FindAndConsume(&terms, kTerm, &term)) {
      std::string lower = AsciiLower(std::string_view(term.data(), term.size()));
      while (!lower.empty() && (lower.back() == ',' || lower.back() == '.' || lower.back() == ' '))
        lower.pop_back();
      if (IsSecondPerson(lower)) {
        second = true;
      } else if (IsPronoun(lower)) {
        first = true;
      } else {
        others.emplace_back(term.data(), term.size());
      }
    }
    if (first == second) continue;  // no pronoun, or both: no side for either
    if (second) {
      for (std::string_view other : others) {
        const std::string name(other);
        if (std::find(you_names->begin(), you_names->end(), name) == you_names->end() &&
            you_names->size() < 4) {
          you_names->push_back(name);
        }
      }
    }
    const std::size_t begin = static_cast<std::size_t>(group.data() - text.data());
    const std::size_t end = begin + group.size();
    Party side = Party::kUnknown;
    for (std::string_view other : others) {
      if (side == Party::kUnknown) side = SideOfWords(Words(other), lexicon, /*from_end=*/true);
    }
    const std::string_view before = text.substr(0, begin);
    const std::string_view after = text.substr(end, std::min<std::size_t>(300, text.size() - end));
    re2::StringPiece lead_in(before.data() + (before.size() > 80 ? before.size() - 80 : 0),
                             std::min<std::size_t>(80, before.size()));
    re2::StringPiece means(after.data(), after.size());
    if (side == Party::kUnknown && RE2::PartialMatch(lead_in, kLeadIn)) {
      const std::size_t open = before.rfind('(');
      if (open != std::string_view::npos) {
        side = SideOfWords(NameWordsBefore(before.substr(0, open), lexicon), lexicon,
                           /*from_end=*/true);
      }
    } else if (side == Party::kUnknown && RE2::Consume(&means, kMeans)) {
      std::string_view body(means.data(), means.size());
      body = body.substr(0, body.find_first_of(";\n"));
      std::vector<std::string_view> words = Words(body);
      if (words.size() > kBodyWords) words.resize(kBodyWords);
      side = SideOfWords(words, lexicon, /*from_end=*/false);
    }
    votes->Add(second ? side : Other(side));
  }
}

// Reads the role the text gives "you": "if you are a reseller", "you, as the vendor,", "as a
// franchisee, you"; and, unquoted, "you means the seller", "the Seller is referred to as you",
// "Seller (you, your)", "you (the Seller)".
void ReadRolesOfYou(std::string_view text, const PartyLexicon& lexicon, Votes* votes) {
  static const RE2 kRole(
      "(?i)(?:\\b(?:if|when|where|while|because|since)\\s+you(?:'re|\\x{2019}re|\\s+are)\\s+"
      "(?:an?|the)\\s+([a-z-]+(?:\\s+[a-z-]+)?)|\\byou,?\\s+as\\s+(?:an?|the)\\s+"
      "([a-z-]+(?:\\s+[a-z-]+)?)|\\bas\\s+(?:an?|the)\\s+([a-z-]+(?:\\s+[a-z-]+)?),\\s+you\\b|"
      "\\byou(?:\\s*(?:,|and|or)\\s*your)?\\s+(?:means?|refers?\\s+to)\\s+(?:an?|the)\\s+"
      "([a-z-]+(?:\\s+[a-z-]+)?)|\\b(?:an?|the)\\s+([a-z-]+(?:\\s+[a-z-]+)?)\\s+(?:is|are)\\s+"
      "(?:referred\\s+to|called|known)\\s+(?:in\\s+th(?:is|ese)\\s+[a-z]+\\s+)?as\\s+"
      "[\"\\x{201C}\\x{2018}']?you\\b|\\b([a-z-]+)\\s*\\(\\s*you(?:\\s*(?:,|and|or)\\s*your)?\\s*\\)|"
      "\\byou\\s*\\(\\s*(?:the\\s+)?([a-z-]+(?:\\s+[a-z-]+)?)\\s*\\))");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece a, b, c, d, e, f, g;
  int seen = 0;
  while (seen++ < 100000 && RE2::FindAndConsume(&input, kRole, &a, &b, &c, &d, &e, &f, &g)) {
    re2::StringPiece role;
    for (const re2::StringPiece* group : {&a, &b, &c, &d, &e, &f, &g}) {
      if (role.empty()) role = *group;
    }
    votes->Add(SideOfWords(Words(std::string_view(role.data(), role.size())), lexicon,
                           /*from_end=*/true));
  }
}

int Count(std::string_view text, const RE2& pattern) {
  re2::StringPiece input(text.data(), text.size());
  int n = 0;
  while (n < 100000 && RE2::FindAndConsume(&input, pattern)) ++n;
  return n;
}

// The weak signs of who provides and who pays, as votes for the side of "you" (at most one).
// Returns how many signs made "you" the customer.
int ReadServiceAndMoney(std::string_view text, Votes* votes) {
  static const RE2 kCustomer(
      "(?i)\\bour\\s+(?:services?|platform|products?|software|websites?|site|apps?|"
      "applications?|solutions?)\\b|\\byour\\s+use\\s+of\\b|\\b(?:we|us)\\s+(?:will\\s+|may\\s+)?"
      "(?:provide|grant|offer)s?\\s+(?:to\\s+)?you\\b|\\byou\\s+(?:will\\s+|shall\\s+|must\\s+|"
      "agree\\s+to\\s+)?pay\\s+us\\b|\\b(?:fees?|amounts?|charges?)\\s+(?:that\\s+)?you\\s+"
      "(?:pay|owe)\\b|\\byour\\s+(?:account|subscription)s?\\b|\\byour\\s+employment\\b");
  static const RE2 kSupplier(
      "(?i)\\b(?:goods|services|products|deliverables|work)\\s+(?:that\\s+)?you\\s+(?:provide|"
      "supply|deliver|perform|sell|offer)\\b|\\byou\\s+(?:can\\s+|may\\s+|will\\s+)?(?:sell|quote|"
      "tender|bid)\\b|\\bto\\s+sell\\s+to\\b|\\byour\\s+(?:quotes?|bids?|tenders?|"
      "listings?)\\b|\\byou\\s+(?:will\\s+|shall\\s+|must\\s+)?(?:provide|supply|"
      "deliver)\\s+(?:the\\s+)?(?:goods|services|products|deliverables)\\s+to\\s+us\\b|\\bwe\\s+"
      "(?:will\\s+|shall\\s+)?pay\\s+you\\b|\\byour\\s+invoices?\\b|\\bour\\s+purchase\\s+orders?"
      "\\b|\\byour\\s+(?:sub-?contractors|sub-?processors)\\b");
  const int customer = Count(text, kCustomer);
  const int supplier = Count(text, kSupplier);
  if (SignsDecide(customer, supplier, kMinSigns, /*strictly=*/false)) {
    votes->Add(Party::kCustomer);
  }
  if (SignsDecide(supplier, customer, kMinSigns, /*strictly=*/false)) {
    votes->Add(Party::kSupplier);
  }
  return customer;
}

// How many times a document that writes as "we" says it gives "you" its data: "our
// information", "our data", "information obtained from the feed", "data you receive".
int OurDataSigns(std::string_view text) {
  static const RE2 kOurData(
      "(?i)\\bour\\s+(?:information|data)\\b|\\b(?:data|information)\\s+(?:that\\s+)?(?:you\\s+"
      "(?:receive|access|obtain|retrieve|download)|(?:obtained|received|retrieved|downloaded)\\s+"
      "from)\\b");
  return Count(text, kOurData);
}

// Calls f(word) for each word of text in order (as Words), in place, until f returns false.
template <typename F>
void ForEachWord(std::string_view text, F f) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordChar(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && IsWordChar(text[i])) ++i;
    if (i > start && !f(text.substr(start, i - start))) return;
  }
}

// How many times the text addresses "you": you, your (any case). The words are read in place:
// a list of a document's words took five times its text.
int SecondPersonWords(std::string_view text) {
  int n = 0;
  ForEachWord(text, [&](std::string_view w) {
    return w.size() > 4 || !IsSecondPerson(AsciiLower(w)) || ++n < 1000;
  });
  return n;
}

// True when the text says "you" pay: "you will pay", "fees you owe", "your subscription".
bool YouPay(std::string_view text) {
  static const RE2 kPay(
      "(?i)\\byou\\s+(?:will\\s+|shall\\s+|must\\s+|agree\\s+to\\s+)?pay\\b|\\b(?:fees?|"
      "charges?|amounts?)\\s+(?:that\\s+)?you\\s+(?:pay|owe)\\b|\\byour\\s+subscriptions?\\b");
  return Count(text, kPay) >= kMinPaySigns;
}

// How many times the text says "you" supply an app or take data: "your application", "your
// app", "your integration", "data you receive", "information you obtain".
int SupplierSignsOfYou(std::string_view text) {
  static const RE2 kSupply(
      "(?i)\\byour\\s+(?:applications?|apps?|integrations?|clients?\\s+software)\\b|\\b(?:data|"
      "information|records)\\s+(?:that\\s+)?you\\s+(?:receive|access|obtain|collect|retrieve|"
      "download|request)\\b");
  return Count(text, kSupply);
}

// First words of a capitalised subject that name no party ("This Agreement may ...").
bool IsGenericSubject(std::string_view lower) {
  static const char* const kWords[] = {
      "this",    "these",  "that",      "such",     "each",   "any",        "all",  "no",
      "nothing", "either", "neither",   "both",     "if",     "when",       "it",   "its",
      "they",    "he",     "she",       "we",       "you",    "your",       "our",  "us",
      "section", "clause", "agreement", "terms",    "party",  "parties",    "user", "users",
      "end",     "in",     "for",       "under",    "upon",   "after",      "a",    "an",
      "as",      "to",     "by",        "unless",   "except", "however",    "or",   "and",
      "data",    "notice", "service",   "services", "api",    "application"};
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](const char* w) { return lower == w; });
}

// The party the text names most often as acting on the reader ("GitHub may suspend", "The
// Office is not liable", "Acme reserves the right"): a capitalised name of up to four words,
// without a leading "the", that is no word of lexicon, acting at least kMinActs times and more
// often than any other; "" when none.
std::string NamedActor(std::string_view text, const PartyLexicon& lexicon) {
  static const RE2 kAct(
      "(?:^|[^A-Za-z0-9])(?:[Tt]he[ \\t]+)?([A-Z][A-Za-z0-9&-]*(?:[ \\t]+[A-Z][A-Za-z0-9&-]*){0,3})"
      "\\s+(?:(?:may|can|will|shall|must)\\s+(?:also\\s+|at\\s+any\\s+time\\s+|immediately\\s+)?"
      "(?:terminate|suspend|revoke|modify|change|update|monitor|review|audit|inspect|disable|"
      "remove|block|limit|restrict|share|disclose|notify|contact|request|require|collect|"
      "provide|deny|discontinue|investigate|not\\s+be\\s+(?:liable|responsible)|have\\s+no\\s+"
      "(?:liability|responsibility|obligation))\\b|reserves\\s+the\\s+right\\b|(?:is|are)\\s+"
      "not\\s+(?:liable|responsible)\\b|disclaims\\b|makes\\s+no\\b|does\\s+not\\s+(?:warrant|"
      "guarantee|endorse)\\b)");
  const auto known = [&](const std::string& lower) {
    for (const auto* words : {&lexicon.supplier, &lexicon.customer, &lexicon.mutual}) {
      if (std::find(words->begin(), words->end(), lower) != words->end()) return true;
    }
    return false;
  };
  std::vector<std::pair<std::string, int>> counts;  // lower-case name -> acts
  std::vector<std::string> written;                 // the first spelling of each
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece name;
  int seen = 0;
  while (seen++ < 100000 && RE2::FindAndConsume(&input, kAct, &name)) {
    const std::string_view as_written(name.data(), name.size());
    const std::vector<std::string_view> words = Words(as_written);
    if (words.empty()) continue;
    const std::string lower = AsciiLower(as_written);
    if (IsGenericSubject(AsciiLower(words.front())) || IsPronoun(lower) || known(lower) ||
        SideOfPhrase(AsciiLower(words.back()), lexicon) != Party::kUnknown) {
      continue;
    }
    auto it =
        std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == lower; });
    if (it != counts.end()) {
      ++it->second;
    } else if (counts.size() < 64) {
      counts.emplace_back(lower, 1);
      written.emplace_back(as_written);
    }
  }
  int best = -1;
  int best_acts = 0;
  int runner_up = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].second > best_acts) {
      runner_up = best_acts;
      best_acts = counts[i].second;
      best = static_cast<int>(i);
    } else {
      runner_up = std::max(runner_up, counts[i].second);
    }
  }
  if (best < 0 || best_acts < kMinActs || best_acts == runner_up) return "";
  return written[static_cast<std::size_t>(best)];
}

// How many times the text writes as "we": we, our (any case), us (lower case: "US" is a country).
// One pass over the words in place, no copies (issue 12 #3: it was a sixth of ReadPersonSides).
int FirstPersonWords(std::string_view text) {
  const auto is = [](std::string_view w, std::string_view lower) {
    if (w.size() != lower.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(w[i])) != lower[i]) return false;
    }
    return true;
  };
  int n = 0;
  ForEachWord(text, [&](std::string_view w) {
    if (w.size() > 3) return true;
    if (w == "us" || w == "Us" || is(w, "we") || is(w, "our")) ++n;
    return n < 1000;
  });
  return n;
}

void Remove(std::vector<std::string>* words, std::string_view word) {
  words->erase(std::remove(words->begin(), words->end(), word), words->end());
}

}  // namespace

// Votes for the side a document says it addresses: "these requirements apply to every
// supplier", "this policy applies to all vendors", "issued to the contractor" (engine limits 2
// #2). A possessive ("applies to the customer's use") addresses no one.
void ReadAddressee(std::string_view text, const PartyLexicon& lexicon, Votes* votes) {
  static const RE2 kAddressed(
      "(?i)\\b(?:requirements|terms|conditions|schedule|standard|policy|code|document|addendum)"
      "\\s+(?:apply|applies|is\\s+addressed|are\\s+addressed|is\\s+issued|are\\s+issued)\\s+to\\s+"
      "(?:every|each|all|any|the|our)?\\s*([a-z-]+(?:\\s+[a-z-]+)?)([^a-z]|$)");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece role, after;
  int seen = 0;
  while (seen++ < 100000 && RE2::FindAndConsume(&input, kAddressed, &role, &after)) {
    if (!after.empty() && (after[0] == '\'' || after[0] == '-')) continue;
    const std::string lower = AsciiLower(std::string_view(role.data(), role.size()));
    const std::vector<std::string_view> words = Words(lower);
    Party side = SideOfWords(words, lexicon, /*from_end=*/false);
    if (side == Party::kUnknown && !words.empty() && words[0].size() > 1 &&
        words[0].back() == 's') {
      side = SideOfPhrase(words[0].substr(0, words[0].size() - 1), lexicon);  // "all vendors"
    }
    votes->Add(side);
  }
}

PersonSides ReadPersonSides(std::string_view text, const PartyLexicon& lexicon) {
  PersonSides sides;
  if (text.empty()) return sides;  // no person; the readers' patterns stay uncompiled (issue 12)
  sides.first_person = FirstPersonWords(text) >= kFirstPersonWords;
  Votes votes;
  ReadQuotedPronouns(text, lexicon, &votes, &sides.you_names);
  ReadRolesOfYou(text, lexicon, &votes);
  ReadAddressee(text, lexicon, &votes);
  if (votes.supplier == 0 && votes.customer == 0 && sides.first_person) {
    const int customer_signs = ReadServiceAndMoney(text, &votes);
    // issue 15 #1: a body that gives "you" its data binds the one who receives and processes
    // it, whatever the text says of "your use of" the body's service, unless "you" pay.
    const int data_signs = OurDataSigns(text);
    if (data_signs >= kMinSigns && data_signs > customer_signs && !YouPay(text)) {
      votes = Votes{};
      votes.Add(Party::kSupplier);
    }
  }
  if (votes.supplier > votes.customer) sides.you = Party::kSupplier;
  if (votes.customer > votes.supplier) sides.you = Party::kCustomer;
  // issue 15 #1: platform and API terms that address "you" and name the side acting on "you"
  // ("the Agency may suspend your key") are imposed on the one who supplies an app and takes
  // the data: "you" is the supplier, unless "you" pay.
  if (!sides.first_person && SecondPersonWords(text) >= kSecondPersonWords) {
    PartyLexicon known = lexicon;
    for (const std::string& name : sides.you_names) known.supplier.push_back(AsciiLower(name));
    sides.other = NamedActor(text, known);
    // Terms that write in the passive name no one: "you" supply an app or take the data.
    const bool supplies = !sides.other.empty() || SupplierSignsOfYou(text) >= kMinSigns;
    if (supplies && sides.you == Party::kUnknown && votes.supplier == 0 && votes.customer == 0 &&
        !YouPay(text)) {
      sides.you = Party::kSupplier;
    }
    if (sides.you == Party::kUnknown) sides.other.clear();
  }
  sides.we = Other(sides.you);
  return sides;
}

bool AddPersonParties(const PersonSides& sides, std::vector<NamedParty>* parties) {
  if (sides.you != Party::kSupplier && sides.you != Party::kCustomer) return false;
  bool changed = false;
  const auto add = [&](const std::string& term, Party side) {
    const std::string lower = AsciiLower(term);
    for (NamedParty& party : *parties) {
      bool same = AsciiLower(party.name) == lower;
      for (const std::string& t : party.terms) same = same || AsciiLower(t) == lower;
      if (!same) continue;
      if (party.side == Party::kUnknown) {
        party.side = side;
        changed = true;
      }
      return;
    }
    NamedParty party;
    party.terms.push_back(term);
    party.side = side;
    parties->push_back(std::move(party));
    changed = true;
  };
  if (!sides.first_person) {
    for (const std::string& name : sides.you_names) add(name, sides.you);
  }
  if (!sides.other.empty()) add(sides.other, Other(sides.you));
  return changed;
}

void ApplyPersonSides(const PersonSides& sides, PartyLexicon* lexicon) {
  if (!sides.first_person && sides.you == Party::kUnknown) return;
  for (std::string_view word : {"we", "you"}) {
    Remove(&lexicon->supplier, word);
    Remove(&lexicon->customer, word);
  }
  if (sides.we != Party::kUnknown) {
    (sides.we == Party::kSupplier ? lexicon->supplier : lexicon->customer).emplace_back("we");
  }
  if (sides.you != Party::kUnknown) {
    (sides.you == Party::kSupplier ? lexicon->supplier : lexicon->customer).emplace_back("you");
  }
}

}  // namespace clausescan::internal

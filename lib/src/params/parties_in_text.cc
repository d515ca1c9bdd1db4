// The parties a contract names, read from its preamble and definitions.
#include "params/parties_in_text.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.h"
#include "params/side_signs.h"
#include "re2/re2.h"

namespace clausescan::internal {
namespace {

// The preamble is read in the first this many bytes; definitions anywhere.
constexpr std::size_t kPreambleBytes = 8 << 10;
// How far a preamble is looked for after a cover page or a table of contents.
constexpr std::size_t kLatePreambleBytes = 64 << 10;
// A name is looked for this far before its parenthetical.
constexpr std::size_t kNameWindow = 300;

std::string_view Trim(std::string_view s) {
  const std::string_view kSpace = " \t\r\n\f\v,;-*_";
  const std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

// "the Reseller" -> "Reseller".
std::string_view StripArticle(std::string_view term) {
  term = Trim(term);
  for (std::string_view article : {"the ", "The ", "THE "}) {
    if (term.substr(0, article.size()) == article) return Trim(term.substr(article.size()));
  }
  return term;
}

// The legal-form words a company name ends with.
bool IsLegalSuffix(std::string_view word) {
  static const char* const kSuffixes[] = {
      "inc",  "incorporated", "ltd", "limited", "llc",     "llp", "lp",    "l.p",
      "corp", "corporation",  "plc", "gmbh",    "ag",      "sa",  "s.a",   "nv",
      "n.v",  "bv",           "b.v", "co",      "company", "pty", "pte",   "sarl",
      "srl",  "spa",          "ab",  "oy",      "as",      "kk",  "l.l.c", "ulc"};
  const std::string lower = AsciiLower(word);
  return std::any_of(std::begin(kSuffixes), std::end(kSuffixes),
                     [&](const char* s) { return lower == s; });
}

// The words of s: runs of letters, digits, '.', '&' and '\''.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' || s[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\n' && s[i] != '\t') ++i;
    if (i > start) {
      std::string_view w = s.substr(start, i - start);
      while (!w.empty() && w.back() == '.') w.remove_suffix(1);
      if (!w.empty()) words.push_back(w);
    }
  }
  return words;
}

bool HasLegalSuffix(std::string_view name) {
  const std::vector<std::string_view> words = Words(name);
  return words.size() >= 2 && IsLegalSuffix(words.back());
}

// "Ehave, Inc." -> "ehave"; "Companion Healthcare Technologies Corp" -> "companion healthcare
// technologies". Lower case; "" when nothing is left.
std::string NameCore(std::string_view name) {
  std::vector<std::string_view> words = Words(name);
  while (words.size() > 1 && IsLegalSuffix(words.back())) words.pop_back();
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += AsciiLower(w);
  }
  return out;
}

// s without a leading `word` ("and BETA CORP" -> "BETA CORP").
std::string_view StripLeadingWord(std::string_view s, std::string_view word) {
  if (s.size() > word.size() && s.substr(0, word.size()) == word &&
      (s[word.size()] == ' ' || s[word.size()] == '\n' || s[word.size()] == ':')) {
    return Trim(s.substr(word.size() + 1));
  }
  return s;
}

// The name written before a naming parenthetical that starts at `at`: back to "between",
// "among", " by ", " with ", a ')' ';' ':' or a blank line, then after a last " and ", cut where a
// description starts (", a company incorporated ...") or an address does (", 5 Quay Street"); a
// representative after the name ("X, represented by the Minister of ...") is left out.
std::string NameBefore(std::string_view text, std::size_t at) {
  const std::size_t from = at > kNameWindow ? at - kNameWindow : 0;
  std::string_view window = text.substr(from, at - from);
  std::string lower = AsciiLower(window);
  // "His Majesty the King in right of Canada, represented by the Minister of ...": the party is
  // the one represented, not its representative (whose " by " is no boundary). Not an earlier
  // party's agent: nothing closes between the agent and this name.
  for (std::string_view agent : {" represented by ", " acting through ", " acting by "}) {
    const std::size_t k = lower.rfind(agent);
    if (k == std::string::npos) continue;
    const std::string_view after = std::string_view(lower).substr(k);
    if (after.find_first_of(");:\"") != std::string_view::npos ||
        after.find("\n\n") != std::string_view::npos) {
      continue;
    }
    window = window.substr(0, k);
    lower = lower.substr(0, k);
    break;
  }
  std::size_t start = 0;
  for (std::string_view boundary :
       {"between", "among", ")", ";", ":", "\n\n", " by ", " with ", "entered into"}) {
    const std::size_t k = lower.rfind(boundary);
    if (k != std::string::npos) start = std::max(start, k + boundary.size());
  }
  std::string_view name = Trim(window.substr(start));
  for (std::string_view word : {"and", "by", "with", "AND", "BY", "WITH"}) {
    name = StripLeadingWord(name, word);
  }
  lower = AsciiLower(name);
  std::size_t cut = name.size();
  for (std::string_view description :
       {", a ", ", an ", "\na ", " a company", " a corporation", ", organized", ", incorporated",
        ", having", ", with ", ", whose", ", located", ", registered", ", duly", " (", "\n(", ",\n",
        ", acting"}) {
    const std::size_t k = lower.find(description);
    if (k != std::string::npos) cut = std::min(cut, k);
  }
  // ", 5 Quay Street": an address.
  for (std::size_t k = lower.find(", "); k != std::string::npos && k < cut;
       k = lower.find(", ", k + 1)) {
    if (k + 2 < lower.size() && std::isdigit(static_cast<unsigned char>(lower[k + 2]))) cut = k;
  }
  name = name.substr(0, cut);
  const std::size_t last_and = AsciiLower(name).rfind(" and ");
  if (last_and != std::string::npos) name = name.substr(last_and + 5);
  std::string out;
  for (char c : Trim(name)) {
    if (c == '*' || c == '_') continue;
    out += c == '\n' ? ' ' : c;
  }
  out = std::string(Trim(out));
  // A name starts with a capital (or a digit): "the company" is no name.
  if (out.empty() || !(std::isupper(static_cast<unsigned char>(out[0])) ||
                       std::isdigit(static_cast<unsigned char>(out[0])))) {
    return {};
  }
  if (out.size() > 100 || Words(out).size() > 10) return {};
  return out;
}

// Terms that a naming parenthetical of a preamble gives to things other than parties.
bool IsNotAPartyTerm(std::string_view term) {
  const std::string lower = AsciiLower(term);
  for (std::string_view word :
       {"agreement", "party", "parties", "effective date", "contract", "order", "terms", "services",
        "service", "affiliates", "affiliate", "dpa", "addendum", "msa", "sow"}) {
    if (lower == word) return true;
  }
  for (std::string_view part :
       {"agreement", "date",     "gdpr",     "ccpa",  "hipaa",    " act",        "regulation",
        "directive", "law",      "clauses",  "sccs",  "data",     "information", "service",
        "product",   "software", "platform", "order", "schedule", "exhibit",     "annex",
        "addendum",  "policy",   "terms",    "period"}) {
    if (lower.find(part) != std::string::npos) return true;
  }
  return false;
}

// True when a term looks like a party's short name: at most three words, each capitalised
// ("Ehave", "CHT", "Big Co"), or a role word.
bool IsNameLike(std::string_view term) {
  if (RoleOfWord(term) != Party::kUnknown) return true;
  const std::vector<std::string_view> words = Words(term);
  if (words.empty() || words.size() > 3) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return std::isupper(static_cast<unsigned char>(w[0])) ||
           std::isdigit(static_cast<unsigned char>(w[0]));
  });
}

// True when a legal name has no lowercase words but "of", "and", "&", "de", "the", "for" and
// the Crown's "in right of": not "Professional Services under this Agreement".
bool IsLegalNameLike(std::string_view name) {
  const std::vector<std::string_view> words = Words(name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    // "His Majesty the King in right of Canada": the Crown's name.
    const bool in_right_of = (w == "in" && i + 1 < words.size() && words[i + 1] == "right") ||
                             (w == "right" && i > 0 && words[i - 1] == "in");
    if (std::islower(static_cast<unsigned char>(w[0])) && !in_right_of &&
        !(w == "of" || w == "and" || w == "de" || w == "the" || w == "for" || w == "und")) {
      return false;
    }
  }
  return true;
}

// The party in *parties whose term or name is `word` (case-insensitive), or nullptr.
NamedParty* Find(std::vector<NamedParty>* parties, std::string_view word) {
  const std::string lower = AsciiLower(word);
  for (NamedParty& party : *parties) {
    for (const std::string& term : party.terms) {
      if (AsciiLower(term) == lower) return &party;
    }
    if (!party.name.empty() && (AsciiLower(party.name) == lower || NameCore(party.name) == lower)) {
      return &party;
    }
  }
  return nullptr;
}

void AddTerm(NamedParty* party, std::string_view term) {
  const std::string lower = AsciiLower(term);
  for (const std::string& t : party->terms) {
    if (AsciiLower(t) == lower) return;
  }
  party->terms.emplace_back(term);
}

// Adds a party named `name` (may be "") called `terms` in the clauses, merging with one already
// known by any of them.
void AddParty(std::vector<NamedParty>* parties, std::string_view name,
              const std::vector<std::string_view>& terms) {
  NamedParty* party = nullptr;
  for (std::string_view term : terms) {
    if (party == nullptr) party = Find(parties, term);
  }
  if (party == nullptr && !name.empty()) party = Find(parties, name);
  if (party == nullptr) {
    parties->emplace_back();
    party = &parties->back();
  }
  if (party->name.empty()) party->name = std::string(name);
  for (std::string_view term : terms) AddTerm(party, term);
}

// True when the preamble opened with "between" or "among" before `at`, close enough to be the
// sentence naming the parties.
bool InPreamble(std::string_view text, std::size_t at) {
  const std::size_t from = at > 1500 ? at - 1500 : 0;
  const std::string lower = AsciiLower(text.substr(from, at - from));
  return lower.find("between") != std::string::npos || lower.find("among") != std::string::npos ||
         lower.find("by and between") != std::string::npos;
}

// The length of the opening quote at the start of s ('"', '\'', U+201C or U+2018), 0 if none.
std::size_t OpeningQuoteAt(std::string_view s) {
  if (!s.empty() && (s[0] == '"' || s[0] == '\'')) return 1;
  if (s.substr(0, 3) == "\xE2\x80\x9C" || s.substr(0, 3) == "\xE2\x80\x98") return 3;
  return 0;
}

// True when line (from its opening quote) defines the quoted words: '"Term" means ...',
// '"Term" or "Other" has the meaning ...', '"Term": ...'. Emphasis marks around the words are
// skipped. The words are at most 120 bytes and end on the line.
bool LineDefinesQuotedWords(std::string_view line) {
  std::size_t i = 0;
  while (std::size_t quote = OpeningQuoteAt(line.substr(i))) {
    std::size_t close = i + quote;
    std::size_t close_size = 0;
    for (; close < line.size() && close - i <= 120 && close_size == 0; ++close) {
      const std::string_view at = line.substr(close);
      const std::size_t size =
          at[0] == '"' || at[0] == '\''                                            ? 1
          : at.substr(0, 3) == "\xE2\x80\x9D" || at.substr(0, 3) == "\xE2\x80\x99" ? 3
                                                                                   : 0;
      // an apostrophe inside the words ("Customer's") closes nothing
      const bool apostrophe = at[0] == '\'' || at.substr(0, 3) == "\xE2\x80\x99";
      if (size != 0 && !(apostrophe && size < at.size() &&
                         std::isalpha(static_cast<unsigned char>(at[size])) != 0)) {
        close_size = size;
      }
    }
    if (close_size == 0) return false;
    i = close - 1 + close_size;
    while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == ' ')) ++i;
    const std::string rest = AsciiLower(line.substr(i, 20));
    for (std::string_view joint : {"or ", "and ", ", "}) {
      if (rest.compare(0, joint.size(), joint) == 0 &&
          OpeningQuoteAt(line.substr(i + joint.size()))) {
        i += joint.size();
        break;
      }
    }
    if (OpeningQuoteAt(line.substr(i))) continue;
    for (std::string_view verb :
         {":", "means", "mean ", "shall mean", "has the meaning", "have the meaning",
          "shall have the meaning", "is defined", "are defined", "refers to", "includes",
          "include ", "shall include"}) {
      if (rest.compare(0, verb.size(), verb) == 0) return true;
    }
    return false;
  }
  return false;
}

// True when the line break at text[nl] ends a sentence or an entry, not a line of hard-wrapped
// text (PDF conversions and fixed-width text break sentences at the margin): the line before
// ends in '.', ':' or ';', or the next line is blank, opens with a list marker, a heading's '#'
// or a table's '|', or opens with quoted words it defines (the next entry of a list of
// definitions: '"Term" means'). Quoted words the margin put at a line start ('The terms
// "controller",' / '"processor" and "business" have ...') go on with the sentence.
bool SentenceBreakAt(std::string_view text, std::size_t nl) {
  std::size_t before = nl;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before == 0 || std::string_view(".:;").find(text[before - 1]) != std::string_view::npos) {
    return true;
  }
  if (nl + 1 >= text.size()) return true;
  const std::string_view next = text.substr(nl + 1);
  if (OpeningQuoteAt(next) != 0) {
    return LineDefinesQuotedWords(next.substr(0, next.find('\n')));
  }
  return next[0] == '\n' ||
         std::string_view("-*+#|(\xE2").find(next[0]) != std::string_view::npos ||
         std::isdigit(static_cast<unsigned char>(next[0])) != 0;
}

// True when lower (lower case) names a law: "... under the Applicable Data Protection Laws",
// "in the UK GDPR", "the Data Protection Act 2018".
bool NamesALaw(std::string_view lower) {
  for (std::string_view word : {"law", "regulation", "gdpr", "ccpa", "cpra", "directive",
                                "legislation", "statute", "hipaa", "data protection"}) {
    if (lower.find(word) != std::string_view::npos) return true;
  }
  for (std::size_t k = lower.find(" act"); k != std::string_view::npos;
       k = lower.find(" act", k + 1)) {
    if (k + 4 == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[k + 4]))) {
      return true;
    }
  }
  return false;
}

// True when lower (lower case) says "meaning", "defined", "construed" or "interpreted" and then
// names a law: "have the meanings given to them under the GDPR".
bool LawGivesTheMeaning(std::string_view lower) {
  for (std::string_view cue : {"meaning", "defined", "construed", "interpreted"}) {
    const std::size_t k = lower.find(cue);
    if (k != std::string_view::npos && NamesALaw(lower.substr(k))) return true;
  }
  return false;
}

// True when the words quoted at [at, end) of text are given a law's meaning by their sentence
// ('The terms "controller", "processor" ... have the meanings given to them under the
// Applicable Data Protection Laws'): "term", "word" or "expression" before them in the sentence,
// and after them "meaning", "defined", "construed" or "interpreted" followed by a law. Such a
// sentence names no party (issue 15 #1, review).
bool GivesALawsMeaning(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t start = at > 400 ? at - 400 : 0;
  if (const std::size_t k = text.substr(start, at - start).rfind(". ");
      k != std::string_view::npos) {
    start += k + 2;
  }
  for (std::size_t nl = at; nl-- > start;) {
    if (text[nl] == '\n' && SentenceBreakAt(text, nl)) {
      start = nl + 1;
      break;
    }
  }
  std::size_t stop_at = std::min(text.size(), end + 400);
  if (const std::size_t k = text.substr(end, stop_at - end).find(". ");
      k != std::string_view::npos) {
    stop_at = end + k;
  }
  for (std::size_t nl = end; nl < stop_at; ++nl) {
    if (text[nl] == '\n' && SentenceBreakAt(text, nl)) {
      stop_at = nl;
      break;
    }
  }
  const std::string before = AsciiLower(text.substr(start, at - start));
  if (before.find("term") == std::string::npos && before.find("word") == std::string::npos &&
      before.find("expression") == std::string::npos) {
    return false;
  }
  return LawGivesTheMeaning(AsciiLower(text.substr(end, stop_at - end)));
}

void ReadNamingParentheticalsIn(std::string_view head, std::vector<NamedParty>* parties);

// Reads the naming parentheticals of the preamble: the first 8 KiB of the text.
void ReadNamingParentheticals(std::string_view text, std::vector<NamedParty>* parties) {
  const std::string_view head = text.substr(0, std::min(text.size(), kPreambleBytes));
  ReadNamingParentheticalsIn(head, parties);
}

// Where the preamble starts when a cover page or a table of contents comes first: a little
// before the first "between" (or "entered into", "made by") in the first 64 KiB; npos when none.
std::size_t LatePreambleStart(std::string_view text) {
  const std::string lower = AsciiLower(text.substr(0, std::min(text.size(), kLatePreambleBytes)));
  std::size_t at = std::string::npos;
  for (const char* cue : {"between", "entered into", "made by"}) {
    at = std::min(at, lower.find(cue));
  }
  if (at == std::string::npos || at < kPreambleBytes / 2) return std::string::npos;
  return at > 1024 ? at - 1024 : 0;
}

// 'X Pty Ltd (the Seller)', 'the Department for Housing (the Department)': a naming
// parenthetical without quotes, as plain-language drafting writes it, in the "between ... and
// ..." sentence of the preamble. Its one to three capitalised words after "the" must be a role
// word (RoleOfWord), so '(the Act)' or '(the Services)' name no party.
void ReadUnquotedRoles(std::string_view head, std::vector<NamedParty>* parties) {
  static const RE2 kUnquoted("\\(\\s*(?:the|The)\\s+([A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2})\\s*\\)");
  re2::StringPiece input(head.data(), head.size());
  re2::StringPiece term;
  int seen = 0;
  while (seen++ < 1000 && RE2::FindAndConsume(&input, kUnquoted, &term)) {
    const std::string_view role(term.data(), term.size());
    if (RoleOfWord(role) == Party::kUnknown) continue;
    const std::size_t at = static_cast<std::size_t>(term.data() - head.data());
    const std::size_t open = head.rfind('(', at);
    if (open == std::string_view::npos || !InPreamble(head, open)) continue;
    AddParty(parties, NameBefore(head, open), {role});
  }
}

void ReadNamingParentheticalsIn(std::string_view head, std::vector<NamedParty>* parties) {
  ReadUnquotedRoles(head, parties);
  // ("Ehave"), (the "Customer"), (hereinafter "the Reseller"), (hereinafter referred to as
  // "Provider"), ("Company" or "we"); and ', hereinafter referred to as "Provider",'. Markdown
  // emphasis around the quoted term is read through: (**"PSI"**) (issue 15 #1).
  static const RE2 kNaming(
      "(?i)(\\(|,)\\s*(?:(?:hereinafter|hereafter|herein)\\s*,?\\s*)?"
      "(?:(?:referred\\s+to|called|named|designated|known)\\s+(?:herein\\s+)?(?:as\\s+)?)?"
      "(?:the\\s+)?[*_]{0,3}[\"\\x{201C}\\x{201D}]([^\"\\x{201C}\\x{201D}()\\n]{1,40})"
      "[\"\\x{201C}\\x{201D}][*_]{0,3}"
      "(?:\\s*,?\\s*(?:or|and)\\s+(?:the\\s+)?[*_]{0,3}[\"\\x{201C}\\x{201D}]([^\"\\x{201C}\\x{"
      "201D}()"
      "\\n]{1,40})"
      "[\"\\x{201C}\\x{201D}][*_]{0,3})?\\s*(\\)|,|\\.|;)");
  // 'X (hereinafter the Reseller)', 'X, hereinafter called the Reseller,' without quotes.
  static const RE2 kHereinafter(
      "(?i)(\\(|,)\\s*(?:hereinafter|hereafter)\\s+(?:(?:referred\\s+to|called|named)\\s+)?"
      "(?:as\\s+)?(?:the\\s+)?([A-Za-z][A-Za-z]{1,30})\\s*(\\)|,)");
  for (const RE2* pattern : {&kNaming, &kHereinafter}) {
    re2::StringPiece input(head.data(), head.size());
    re2::StringPiece open, first, second, close;
    const bool naming = pattern == &kNaming;
    while (naming ? RE2::FindAndConsume(&input, *pattern, &open, &first, &second, &close)
                  : RE2::FindAndConsume(&input, *pattern, &open, &first, &close)) {
      const std::size_t at = static_cast<std::size_t>(open.data() - head.data());
      const std::size_t end = static_cast<std::size_t>(close.data() - head.data());
      if (GivesALawsMeaning(head, at, end)) continue;
      std::vector<std::string_view> terms;
      for (re2::StringPiece piece : {first, second}) {
        if (piece.empty()) continue;
        const std::string_view term = StripArticle(std::string_view(piece.data(), piece.size()));
        if (!term.empty() && !IsNotAPartyTerm(term) && IsNameLike(term)) terms.push_back(term);
        if (!naming) break;
      }
      if (terms.empty()) continue;
      const std::string name = NameBefore(head, at);
      const bool role = std::any_of(terms.begin(), terms.end(), [](std::string_view t) {
        return RoleOfWord(t) != Party::kUnknown;
      });
      // A naming parenthetical names a party when it gives a role, follows a legal name, or sits
      // in the "between ... and ..." sentence after a name.
      if (!IsLegalNameLike(name)) continue;
      if (!role && !HasLegalSuffix(name) && (name.empty() || !InPreamble(head, at))) continue;
      AddParty(parties, name, terms);
    }
  }
}

// The first (at most) max_chars UTF-8 characters of text before its first line break that
// ends a sentence (SentenceBreakAt): a definition's body goes on across the lines of
// hard-wrapped text.
std::string_view LineHead(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t i = 0;
  for (; i < text.size() && !(text[i] == '\n' && SentenceBreakAt(text, i)); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars++ == max_chars) break;
  }
  return text.substr(0, i);
}

// A defined term that is no role word, and the body of its definition (lower case).
struct PendingDefinition {
  std::string term;
  std::string body;   // lower case
  std::string cased;  // the body as written
};
constexpr std::size_t kMaxPendingDefinitions = 200;

// The side a definition's body names when it is a definite role word or party term: "the
// Government of Ontario", "the Province or a Public Sector Entity", "the Customer"; not "a
// provider of ...", "a Customer employee", "the Customer's parent". kUnknown otherwise.
Party SideOfDefinedBody(std::string_view body, std::vector<NamedParty>* parties) {
  std::vector<std::string_view> words = Words(body.substr(0, 80));
  std::size_t i = 0;
  if (i < words.size() && words[i] == "the") ++i;
  for (std::size_t n = 2; n >= 1; --n) {
    if (i + n > words.size()) continue;
    const char* begin = words[i].data();
    const char* end = words[i + n - 1].data() + words[i + n - 1].size();
    std::string_view phrase(begin, static_cast<std::size_t>(end - begin));
    while (!phrase.empty() && (phrase.back() == ';' || phrase.back() == ':')) {
      phrase.remove_suffix(1);
      --end;
    }
    Party side = RoleOfWord(phrase);
    if (side == Party::kUnknown) {
      if (const NamedParty* party = Find(parties, phrase); party != nullptr) side = party->side;
    }
    if (side != Party::kSupplier && side != Party::kCustomer) continue;
    // What follows the phrase: the end, a comma or ';', "of", "or", "and", "(".
    const std::string_view rest = body.substr(static_cast<std::size_t>(end - body.data()));
    const std::size_t next = rest.find_first_not_of(' ');
    if (next == std::string_view::npos || rest[next] == ',' || rest[next] == ';' ||
        rest[next] == '.' || rest[next] == '(') {
      return side;
    }
    for (std::string_view joiner : {"of ", "or ", "and "}) {
      if (rest.substr(next, joiner.size()) == joiner) return side;
    }
  }
  return Party::kUnknown;
}

// True when the name that opens a definition's body (cased) only qualifies the thing the defined
// term names, so the role word or party term in it makes the term no party: the name runs on
// past a bracketed note to another capitalised word ('"DOL Guidance" means the Department of
// Labor (DOL) Guidance ...'), or a term of two words or more ends in the name's last word
// ('"Agency Rules" means the Agency of Transport Rules'). The name is the run of capitalised
// words, "of", "the", "for", "and", "&" and bracketed notes, up to ',', ';', ':' or a sentence's
// end (issue 15 #1, new-user review).
bool QualifiesTheDefinedThing(std::string_view term, std::string_view cased) {
  cased = cased.substr(0, 160);
  bool in_note = false;
  bool after_note = false;
  std::string_view last_capital;
  std::size_t i = 0;
  bool first = true;
  while (i < cased.size()) {
    while (i < cased.size() && cased[i] == ' ') ++i;
    std::size_t end = cased.find(' ', i);
    if (end == std::string_view::npos) end = cased.size();
    std::string_view word = cased.substr(i, end - i);
    i = end;
    if (word.empty()) break;
    bool stop = false;
    while (!word.empty() &&
           (word.back() == ',' || word.back() == ';' || word.back() == ':' || word.back() == '.')) {
      word.remove_suffix(1);
      stop = true;
    }
    if (word.empty()) break;
    if (word.front() == '(' || in_note) {
      in_note = word.back() != ')';
      after_note = true;
    } else if (first && (word == "the" || word == "The")) {
      // the article of the name
    } else if (word == "of" || word == "the" || word == "for" || word == "and" || word == "&") {
      // a small word inside the name
    } else if (std::isupper(static_cast<unsigned char>(word.front()))) {
      if (after_note) return true;
      last_capital = word;
    } else {
      break;
    }
    first = false;
    if (stop) break;
  }
  const std::vector<std::string_view> term_words = Words(term);
  return term_words.size() >= 2 && !last_capital.empty() &&
         AsciiLower(last_capital) == AsciiLower(term_words.back());
}

// issue 15 #1: '"Issuer" means the Province ...', '"Province" means the Government of ...': a
// defined term whose body is a definite role word or another party's term is a party on that
// side, read in as many passes as the definitions refer to each other (at most three).
void ReadDefinedSides(const std::vector<PendingDefinition>& pending,
                      std::vector<NamedParty>* parties) {
  std::vector<bool> done(pending.size(), false);
  for (int pass = 0; pass < 3; ++pass) {
    bool added = false;
    for (std::size_t k = 0; k < pending.size(); ++k) {
      if (done[k] || Find(parties, pending[k].term) != nullptr) continue;
      const Party side = SideOfDefinedBody(pending[k].body, parties);
      if (side == Party::kUnknown || QualifiesTheDefinedThing(pending[k].term, pending[k].cased)) {
        continue;
      }
      NamedParty party;
      party.terms.push_back(pending[k].term);
      party.side = side;
      parties->push_back(std::move(party));
      done[k] = true;
      added = true;
    }
    if (!added) break;
  }
}

// '"Customer" means ...', '"Provider" or "we" means ...' for role words, anywhere.
void ReadDefinitions(std::string_view text, std::vector<NamedParty>* parties) {
  // The definition's body, the 200 characters after it on its line, is cut in code: as a
  // "[^\n]{0,200}" at the pattern's end it made RE2 search 12-50 times slower (issue 12 #3).
  static const RE2 kDefinition(
      "(?m)^[\\s*_#>\\-]*(?:\\(?[0-9a-z]{1,4}[.)]\\s*)?(?:[0-9.]+\\s+)?"
      "[\"\\x{201C}\\x{201D}]([A-Za-z][A-Za-z ]{0,30})[\"\\x{201C}\\x{201D}]\\s*"
      "(?:,?\\s*(?:or|and)\\s+[\"\\x{201C}\\x{201D}]([A-Za-z][A-Za-z ]{0,30})"
      "[\"\\x{201C}\\x{201D}])?\\s*(means|shall mean|refers to|has the meaning)\\s+");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece first, second, verb;
  std::vector<PendingDefinition> pending;  // terms that are no role word, for ReadDefinedSides
  int seen = 0;
  while (seen++ < 10000 && RE2::FindAndConsume(&input, kDefinition, &first, &second, &verb)) {
    const std::string_view line_head = LineHead(std::string_view(input.data(), input.size()), 200);
    const re2::StringPiece body(line_head.data(), line_head.size());
    input.remove_prefix(line_head.size());
    const std::string_view term(first.data(), first.size());
    if (RoleOfWord(term) == Party::kUnknown) {
      if (second.empty() && std::isupper(static_cast<unsigned char>(term[0])) &&
          pending.size() < kMaxPendingDefinitions) {
        pending.push_back({std::string(term),
                           AsciiLower(std::string_view(body.data(), body.size())),
                           std::string(body.data(), body.size())});
      }
      continue;
    }
    // '"Processor" has the meaning given to it in the GDPR', '"Controller" means ... as defined
    // in the Data Protection Act': a law's word, no party (issue 15 #1, review).
    const std::string body_sentence = AsciiLower(line_head.substr(0, line_head.find(". ")));
    if (std::string_view(verb.data(), verb.size()) == "has the meaning"
            ? NamesALaw(body_sentence)
            : LawGivesTheMeaning(body_sentence)) {
      continue;
    }
    std::vector<std::string_view> terms{term};
    if (!second.empty()) terms.emplace_back(second.data(), second.size());
    // '"Customer" means Acme Inc.': the term joins the party already named.
    const std::string body_lower = AsciiLower(std::string_view(body.data(), body.size()));
    NamedParty* named = Find(parties, term);
    for (NamedParty& party : *parties) {
      if (named != nullptr) break;
      const std::string core = party.name.empty() ? std::string() : NameCore(party.name);
      if (!core.empty() && body_lower.rfind(core, 0) == 0) named = &party;
    }
    if (named != nullptr) {
      for (std::string_view t : terms) AddTerm(named, t);
    } else {
      AddParty(parties, "", terms);
    }
  }
  ReadDefinedSides(pending, parties);
}

// The words SupplierSigns and ServiceSigns look for: the party's legal name without its suffix
// and its terms, lower case.
std::vector<std::string> SignWords(const NamedParty& party) {
  std::vector<std::string> words = {NameCore(party.name)};
  for (const std::string& term : party.terms) words.push_back(AsciiLower(term));
  return words;
}

Party Other(Party side) {
  return side == Party::kSupplier   ? Party::kCustomer
         : side == Party::kCustomer ? Party::kSupplier
                                    : Party::kUnknown;
}

// The public-body words a name known by its initials holds to be a party (issue 15 #2).
bool IsPublicBodyWord(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return lower == "department" || lower == "agency" || lower == "ministry" ||
         lower == "authority" || lower == "government";
}

// True when the line of text holding [begin, end) holds nothing else but a list marker, a
// heading's '#', table bars, emphasis and punctuation: a body named in a list of stakeholders
// ("- Cybersecurity and Infrastructure Security Agency (CISA)"), a heading or a table cell is
// one of the bodies a document speaks of, not a party to it (issue 15 #1).
bool OnlyNamedOnItsLine(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t line_begin = begin == 0 ? 0 : text.rfind('\n', begin - 1) + 1;  // npos + 1
  std::size_t line_end = text.find('\n', end);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::size_t from = line_begin;
  if (const std::size_t first = text.find_first_not_of(" \t", line_begin);
      first < begin && text[first] == '|') {
    // A table row: the cell that holds the name.
    from = text.rfind('|', begin) + 1;
    line_end = std::min(line_end, text.find('|', end));
  }
  const auto only_marks = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) {
      return std::isspace(static_cast<unsigned char>(c)) != 0 ||
             std::isdigit(static_cast<unsigned char>(c)) != 0 ||
             std::string_view("-*+#|_.,;:()[]").find(c) != std::string_view::npos;
    });
  };
  return only_marks(text.substr(from, begin - from)) &&
         only_marks(text.substr(end, line_end - end));
}

// 'the Department for Rural Affairs (DRA)' in the preamble: a public body named with its
// initials, unquoted, is a party known by them, on the side of its public-body word. The
// initials are 2 to 8 letters, at least two capitals, the first the name's first letter; the
// name is the capitalised words and joiners (for, of, and, the, &, ',') before the '('. Initials
// followed by a capitalised word name no party ('the Ministry of Health (MOH) Handbook').
void ReadInitialledBodies(std::string_view head, std::vector<NamedParty>* parties) {
  static const RE2 kInitials("\\(([A-Za-z]{2,8})\\)");
  re2::StringPiece input(head.data(), head.size());
  re2::StringPiece initials;
  int seen = 0;
  while (seen++ < 1000 && RE2::FindAndConsume(&input, kInitials, &initials)) {
    const std::string_view acronym(initials.data(), initials.size());
    if (std::count_if(acronym.begin(), acronym.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) <
        2) {
      continue;
    }
    const std::size_t open = static_cast<std::size_t>(initials.data() - head.data()) - 1;
    // 'the Ministry of Health (MOH) Handbook': the name qualifies a thing, no party (issue 15 #1).
    if (const std::size_t after = open + acronym.size() + 2;
        after + 1 < head.size() && head[after] == ' ' && head[after + 1] >= 'A' &&
        head[after + 1] <= 'Z') {
      continue;
    }
    const std::size_t from = open > 160 ? open - 160 : 0;
    std::string_view window = head.substr(from, open - from);
    if (const std::size_t stop = window.find_last_of("();:\n\"\xE2");
        stop != std::string_view::npos) {
      window = window.substr(stop + 1);
    }
    std::vector<std::string_view> words = Words(window);
    std::size_t keep = 0;
    for (std::size_t k = words.size(); k > 0 && keep < 10; --k) {
      const std::string_view w = words[k - 1];
      const bool capital = w[0] >= 'A' && w[0] <= 'Z';
      if (!capital && w != "for" && w != "of" && w != "and" && w != "&") break;
      ++keep;
    }
    while (keep > 0 &&
           !(words[words.size() - keep][0] >= 'A' && words[words.size() - keep][0] <= 'Z')) {
      --keep;  // a name opens on a capital
    }
    if (keep == 0) continue;
    const std::vector<std::string_view> name_words(words.end() - static_cast<std::ptrdiff_t>(keep),
                                                   words.end());
    if (name_words.front()[0] != acronym[0] ||
        std::none_of(name_words.begin(), name_words.end(), IsPublicBodyWord)) {
      continue;
    }
    const char* begin = name_words.front().data();
    const char* end = name_words.back().data() + name_words.back().size();
    const std::string name(begin, static_cast<std::size_t>(end - begin));
    if (OnlyNamedOnItsLine(head, static_cast<std::size_t>(begin - head.data()),
                           open + acronym.size() + 2)) {
      continue;
    }
    if (Find(parties, acronym) != nullptr || Find(parties, name) != nullptr) continue;
    NamedParty party;
    party.name = name;
    party.terms.emplace_back(acronym);
    for (std::string_view w : name_words) {
      if (IsPublicBodyWord(w)) party.side = RoleOfWord(w);
    }
    parties->push_back(std::move(party));
  }
}

void AssignSides(std::string_view text, std::vector<NamedParty>* parties) {
  for (NamedParty& party : *parties) {
    for (const std::string& term : party.terms) {
      if (party.side == Party::kUnknown) party.side = RoleOfWord(term);
    }
  }
  // The two contracting parties: the two with a legal name when there are exactly two (a role
  // word the contract defines for a third person, '"Customer" means a buyer of the Products',
  // is no contracting party), else the only two read.
  std::vector<NamedParty*> named;
  for (NamedParty& party : *parties) {
    if (!party.name.empty()) named.push_back(&party);
  }
  if (named.size() != 2) {
    if (parties->size() != 2) return;
    named = {&(*parties)[0], &(*parties)[1]};
  }
  NamedParty& a = *named[0];
  NamedParty& b = *named[1];
  if (a.side != Party::kUnknown && b.side == Party::kUnknown) b.side = Other(a.side);
  if (b.side != Party::kUnknown && a.side == Party::kUnknown) a.side = Other(b.side);
  if (a.side != Party::kUnknown || b.side != Party::kUnknown) return;
  const int sa = SupplierSigns(text, SignWords(a));
  const int sb = SupplierSigns(text, SignWords(b));
  constexpr int kMin = SideThresholds::kMinServiceSigns;
  if (SignsDecide(sa, sb, kMin, /*strictly=*/true)) {
    a.side = Party::kSupplier;
    b.side = Party::kCustomer;
  } else if (SignsDecide(sb, sa, kMin, /*strictly=*/true)) {
    b.side = Party::kSupplier;
    a.side = Party::kCustomer;
  }
}

// The role word that the "between ... and ..." sentence of the preamble pairs with `party`:
// "between the Customer and Supabase Pte. Ltd" -> "Customer". "" when the sentence does not
// name the party, or names role words of both sides or none.
std::string CounterpartRole(std::string_view text, const NamedParty& party) {
  const std::string_view head = text.substr(0, std::min(text.size(), kPreambleBytes));
  const std::string lower = AsciiLower(head);
  for (std::size_t at = lower.find("between"); at != std::string::npos;
       at = lower.find("between", at + 7)) {
    std::size_t end = std::min(lower.size(), at + 400);
    for (std::string_view stop : {". ", ".\n", "\n"}) {
      const std::size_t k = lower.find(stop, at);
      if (k != std::string::npos) end = std::min(end, k);
    }
    const std::string_view sentence = head.substr(at, end - at);
    const std::string core = NameCore(party.name);
    const std::string sentence_lower = AsciiLower(sentence);
    if (core.empty() || sentence_lower.find(core) == std::string::npos) continue;
    std::string role;
    Party side = Party::kUnknown;
    const std::vector<std::string_view> words = Words(sentence);
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (std::size_t n = 1; n <= 2 && i + n <= words.size(); ++n) {
        const char* begin = words[i].data();
        const char* last = words[i + n - 1].data() + words[i + n - 1].size();
        const std::string_view phrase(begin, static_cast<std::size_t>(last - begin));
        const Party found = RoleOfWord(phrase);
        if (found == Party::kUnknown || core.find(AsciiLower(phrase)) != std::string::npos)
          continue;
        if (side != Party::kUnknown && found != side) return {};
        side = found;
        role = std::string(phrase);
      }
    }
    if (!role.empty()) return role;
  }
  return {};
}

// One party read and its side unclear: the side opposite the role word the preamble pairs it
// with ("between the Customer and Supabase Pte. Ltd": a supplier; the role word joins as the
// other party), else the supplier when the text says it provides the service (issue 15 #1,
// review).
void AssignLonePartySide(std::string_view text, std::vector<NamedParty>* parties) {
  if (parties->size() != 1 || parties->front().side != Party::kUnknown) return;
  NamedParty& party = parties->front();
  if (const std::string role = CounterpartRole(text, party); !role.empty()) {
    party.side = Other(RoleOfWord(role));
    NamedParty other;
    other.terms.push_back(std::string(StripArticle(role)));
    other.side = RoleOfWord(role);
    parties->push_back(std::move(other));
    return;
  }
  if (ServiceSigns(text, SignWords(party)) >= SideThresholds::kMinServiceSigns) {
    party.side = Party::kSupplier;
  }
}

}  // namespace

Party RoleOfWord(std::string_view word) {
  const std::string lower = AsciiLower(StripArticle(word));
  static const char* const kSupplier[] = {
      "supplier",   "provider",      "service provider",   "vendor",        "licensor",
      "processor",  "contractor",    "consultant",         "seller",        "manufacturer",
      "franchisor", "data importer", "business associate", "data recipient"};
  static const char* const kCustomer[] = {
      "customer",  "client",         "buyer",      "purchaser",    "licensee",
      "reseller",  "distributor",    "controller", "subscriber",   "franchisee",
      "dealer",    "data exporter",  "agency",     "department",   "ministry",
      "authority", "covered entity", "government", "data provider"};
  for (const char* w : kSupplier) {
    if (lower == w) return Party::kSupplier;
  }
  for (const char* w : kCustomer) {
    if (lower == w) return Party::kCustomer;
  }
  return Party::kUnknown;
}

std::vector<NamedParty> ReadParties(std::string_view text) {
  std::vector<NamedParty> parties;
  if (text.empty()) return parties;  // names none; the readers' patterns stay uncompiled (issue 12)
  ReadNamingParentheticals(text, &parties);
  if (parties.empty()) {
    if (const std::size_t start = LatePreambleStart(text); start != std::string::npos) {
      ReadNamingParentheticalsIn(text.substr(start, kPreambleBytes), &parties);
    }
  }
  ReadDefinitions(text, &parties);
  ReadInitialledBodies(text.substr(0, std::min(text.size(), kPreambleBytes)), &parties);
  AssignSides(text, &parties);
  AssignLonePartySide(text, &parties);
  return parties;
}

std::optional<Party> ResolveUserSide(std::string_view choice, std::vector<NamedParty>* parties) {
  const std::string lower = AsciiLower(Trim(choice));
  if (lower == "supplier") return Party::kSupplier;
  if (lower == "customer") return Party::kCustomer;
  NamedParty* chosen = Find(parties, lower);
  std::string_view bare = lower;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ' ')) bare.remove_suffix(1);
  if (chosen == nullptr && bare.size() < lower.size()) chosen = Find(parties, bare);  // "LLC."
  if (chosen == nullptr && !bare.empty()) {
    // The first words of one party's name ("Corvid" for "Corvid Logistics Inc."): only when no
    // other party's name starts so.
    for (NamedParty& party : *parties) {
      const std::string core = NameCore(party.name);
      if (core.size() > bare.size() && core.compare(0, bare.size(), bare) == 0 &&
          core[bare.size()] == ' ') {
        if (chosen != nullptr) return std::nullopt;  // ambiguous
        chosen = &party;
      }
    }
  }
  if (chosen == nullptr) return std::nullopt;
  if (chosen->side == Party::kUnknown) {
    for (NamedParty& party : *parties) {
      if (party.side == Party::kUnknown) party.side = Party::kCustomer;
    }
    chosen->side = Party::kSupplier;
  }
  return chosen->side;
}

std::string DescribeParties(const std::vector<NamedParty>& parties) {
  std::string out;
  for (const NamedParty& party : parties) {
    if (!out.empty()) out += ", ";
    out += party.Display();
    if (!party.name.empty() && party.name != party.Display()) out += " (" + party.name + ")";
  }
  return out.empty() ? "none" : out;
}

PartyLexicon DocumentLexicon(const PartyLexicon& base, const std::vector<NamedParty>& parties) {
  PartyLexicon lexicon = base;
  for (const NamedParty& party : parties) {
    if (party.side != Party::kSupplier && party.side != Party::kCustomer) continue;
    std::vector<std::string>& mine =
        party.side == Party::kSupplier ? lexicon.supplier : lexicon.customer;
    std::vector<std::string>& theirs =
        party.side == Party::kSupplier ? lexicon.customer : lexicon.supplier;
    std::vector<std::string> words;
    for (const std::string& term : party.terms) words.push_back(AsciiLower(term));
    if (!party.name.empty()) words.push_back(NameCore(party.name));
    for (const std::string& word : words) {
      if (word.empty()) continue;
      theirs.erase(std::remove(theirs.begin(), theirs.end(), word), theirs.end());
      if (std::find(mine.begin(), mine.end(), word) == mine.end()) mine.push_back(word);
    }
  }
  return lexicon;
}

}  // namespace clausescan::internal

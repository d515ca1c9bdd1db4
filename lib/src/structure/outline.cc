#include "structure/outline.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "common/ascii.h"
#include "structure/contents.h"
#include "structure/elaborations.h"
#include "text/template_marks.h"

namespace clausescan::internal {
namespace {

// ---------------------------------------------------------------------------------------------
// Character and word tests on the cased view.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return IsLower(c) || IsUpper(c); }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsBlank(char c) { return c == ' ' || c == '\n'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// True when s[i] starts an upper-case letter (ASCII or not).
bool IsUpperAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (static_cast<unsigned char>(s[i]) < 0x80) return IsUpper(s[i]);
  UChar32 c;
  U8_NEXT(s.data(), i, s.size(), c);
  return c >= 0 && u_isupper(c);
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80; });
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (IsUpper(x) ? x + 32 : x) == (IsUpper(y) ? y + 32 : y);
         });
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return EqualsIgnoreCase(word, w); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Drops trailing spaces, ". : ; ," and underlining ("----") from a heading.
std::string_view TrimPunctuation(std::string_view s) {
  while (!s.empty() && (IsBlank(s.back()) ||
                        std::string_view(".:;,-_=").find(s.back()) != std::string_view::npos)) {
    s.remove_suffix(1);
  }
  return s;
}

// Drops a leading "- " or ": " between a heading's number and its title.
std::string_view StripSeparator(std::string_view s) {
  while (!s.empty() && (s.front() == '-' || s.front() == ':' || s.front() == ' ')) {
    s.remove_prefix(1);
  }
  return TrimPunctuation(s);
}

// Calls f on each space-separated word of s; stops early when f returns false.
template <typename F>
bool ForEachWord(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = s.find(' ', i);
    if (end == std::string_view::npos) end = s.size();
    if (end > i && !f(s.substr(i, end - i))) return false;
    i = end + 1;
  }
  return true;
}

bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {
      "a",  "an", "and", "as",  "at", "by",    "for",  "from", "in",      "into", "of",
      "on", "or", "per", "the", "to", "under", "upon", "with", "without", "vs",   "via"};
  return std::find(std::begin(kSmall), std::end(kSmall), w) != std::end(kSmall);
}

// A verb that makes a line a sentence rather than a title, in any case ("SHALL", "Shall").
bool IsClauseVerb(std::string_view word) {
  static constexpr std::string_view kVerbs[] = {"shall", "will",   "may", "must", "is",   "are",
                                                "be",    "hereby", "was", "has",  "have", "not"};
  for (std::string_view verb : kVerbs) {
    if (word.size() == verb.size() && std::equal(word.begin(), word.end(), verb.begin(),
                                                 [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

// Drops the version date that ends a US federal clause title ("... Records (MAY 2019)", "(Jun.
// 2016)"), so that the month is not read as a word of the title ("MAY" is no verb there).
std::string_view WithoutVersionDate(std::string_view s) {
  std::string_view t = s;
  while (!t.empty() && (IsBlank(t.back()) || t.back() == '.')) t.remove_suffix(1);
  if (t.size() < 8 || t.back() != ')') return s;
  const std::size_t open = t.rfind('(');
  if (open == std::string_view::npos || open == 0) return s;
  const std::string_view inside = t.substr(open + 1, t.size() - open - 2);
  const std::size_t space = inside.find_last_of(' ');
  if (space == std::string_view::npos || inside.size() - space - 1 != 4 ||
      !std::all_of(inside.end() - 4, inside.end(), IsDigit)) {
    return s;
  }
  std::string_view month = inside.substr(0, space);
  if (!month.empty() && month.back() == '.') month.remove_suffix(1);
  if (month.size() < 3 || month.size() > 9 || !std::all_of(month.begin(), month.end(), IsAlpha) ||
      !IsOneOf(month.substr(0, 3), {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                    "oct", "nov", "dec"})) {
    return s;
  }
  return Trim(t.substr(0, open));
}

// A heading title: at most max_words words, each capitalised, a number or a small word ("of",
// "and"), starting capitalised, not ending in a small word, one sentence, at most 100 bytes. A
// version date at its end ("(MAY 2019)") is no word of it.
bool TitleLike(std::string_view s, int max_words) {
  s = Trim(s);
  const std::string_view undated = WithoutVersionDate(s);
  // A dated clause title may be longer ("3052.204-73 Notification and Credit Monitoring
  // Requirements for Personally Identifiable Information Incidents (JUL 2023)").
  const bool dated = undated.size() < s.size();
  s = undated;
  if (dated) max_words += 8;
  if (s.empty() || s.size() > (dated ? 160u : 100u) || !HasLetter(s) || s.back() == ',' ||
      s.back() == ';') {
    return false;
  }
  if (s.find(". ") != std::string_view::npos) return false;
  int words = 0;
  std::string_view last;
  bool ok = ForEachWord(s, [&](std::string_view word) {
    if (++words > max_words) return false;
    while (!word.empty() && (word.front() == '"' || word.front() == '\'' || word.front() == '(')) {
      word.remove_prefix(1);
    }
    while (!word.empty() && (IsCloser(word.back()) || word.back() == '.' || word.back() == ',' ||
                             word.back() == ':' || word.back() == ';')) {
      word.remove_suffix(1);
    }
    if (word.empty()) return true;
    if (IsClauseVerb(word)) return false;
    last = word;
    if (words == 1) return IsUpperAt(word, 0) || IsDigit(word[0]);
    return IsUpperAt(word, 0) || IsDigit(word[0]) || !IsAlpha(word[0]) || IsSmallWord(word);
  });
  return ok && !IsSmallWord(last);
}

// True when s has at most max_words words and none is a verb that makes it a sentence.
bool IsVerblessPhrase(std::string_view s, int max_words) {
  int words = 0;
  return ForEachWord(
      s, [&](std::string_view word) { return ++words <= max_words && !IsClauseVerb(word); });
}

// True for a form field: a line that ends in a blank to fill, a run of at least four '_' or five
// '.' ("TIN ______", "SIGNATURE ..........", issue 15 #2).
bool EndsInBlankToFill(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  for (const char blank : {'_', '.'}) {
    std::size_t run = 0;
    while (run < s.size() && s[s.size() - 1 - run] == blank) ++run;
    if (run >= (blank == '_' ? 4u : 5u)) return true;
  }
  return false;
}

// The number of a US federal clause heading standing on its own line, emphasis dropped
// ("52.204-21 - Basic Safeguarding of ... Systems.", "252.204-7012 Safeguarding ... (Jan 2023)"):
// a number like "52.204-21", "252.204-7012" or "3052.204-73", a space, and the rest; "" for any
// other line.
std::string_view FederalClauseNumber(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&](std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (i < s.size() && n < max && IsDigit(s[i])) ++i, ++n;
    return n >= min && (i >= s.size() || !IsDigit(s[i]));
  };
  if (!digits(1, 4) || i >= s.size() || s[i++] != '.' || !digits(3, 3) || i >= s.size() ||
      s[i++] != '-' || !digits(1, 4) || i >= s.size() || s[i] != ' ') {
    return {};
  }
  return s.substr(0, i);
}

// A short line in capitals that is not a sentence ("LIMITATION OF LIABILITY", "WITNESSETH"),
// nor a form field (EndsInBlankToFill). With `long_dated`, a clause title with a version date may
// be longer ("LIMITATIONS ON THE USE OR DISCLOSURE OF ... INFORMATION (JAN 2023)"). A note in
// brackets at the end, in any case, qualifies the title ("PART A: SHORT FORM REQUIREMENTS
// (applicable to Lot 1a)"; issue 11 engine limits #4).
bool IsAllCapsHeading(std::string_view s, bool long_dated = false) {
  if (EndsInBlankToFill(s)) return false;
  const bool dated = long_dated && WithoutVersionDate(s).size() < s.size();
  if (s.size() > (dated ? 160u : 80u) || s.back() == ',' || s.back() == ';') return false;
  std::string_view caps = s;
  if (s.back() == ')') {
    const std::size_t open = s.rfind('(');
    if (open != std::string_view::npos && open > 0 && s[open - 1] == ' ' &&
        s.find_first_of(".;", open) == std::string_view::npos) {
      caps = s.substr(0, open - 1);
    }
  }
  int letters = 0;
  for (char c : caps) {
    if (IsLower(c)) return false;
    letters += IsUpper(c);
  }
  return letters >= 3 && IsVerblessPhrase(s, dated ? 18 : 10);
}

// True for a paragraph that is a note to whoever fills in a template, not a term of the
// contract: "[ drafting note: check all that apply ]", "[Note to draft: ...]", "Drafter's note:".
bool IsDraftingNote(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '[' || s[i] == '(')) ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  std::string head;
  for (; i < s.size() && head.size() < 24; ++i)
    head += IsUpper(s[i]) ? static_cast<char>(s[i] | 0x20) : s[i];
  for (std::string_view note :
       {"drafting note", "note to draft", "drafter's note", "drafters' note", "note to drafter",
        "editor's note", "editorial note"}) {
    if (head.compare(0, note.size(), note) == 0) return true;
  }
  return false;
}

// True for a stretch of a table of contents run into one unit: "7 1.5 Applicable Law 7 1.6
// Approved Assay 7 1.7 Background IP 8", "ARTICLE 12 INDEMNIFICATION 44 12.1 Indemnity 44".
// It has at least three page references (a number of up to three digits after a title word or
// a dot leader, followed by the next entry's number, "ARTICLE", "Section", "Schedule"... or the
// end) whose pages
// never decrease, section numbers ("1.5", "ARTICLE", "Section") or the words "table of
// contents", and hardly a lower-case word but small ones ("of", "and").
bool LooksLikeTableOfContents(std::string_view s) {
  // Most units have fewer than three words of one to three digits after the first, so fewer
  // than three page references: told without collecting words (issue 12: every unit and
  // paragraph is asked).
  int numbers = 0;
  bool first_word = true;
  for (std::size_t i = 0, begin = 0; i <= s.size() && numbers < 3; ++i) {
    if (i < s.size() && s[i] != ' ' && s[i] != '\n') continue;
    if (i > begin) {
      if (!first_word && i - begin <= 3 && std::all_of(s.begin() + begin, s.begin() + i, IsDigit)) {
        ++numbers;
      }
      first_word = false;
    }
    begin = i + 1;
  }
  if (numbers < 3) return false;
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t end = s.find_first_of(" \n", i);
    if (end == std::string_view::npos) end = s.size();
    if (end > i) words.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  if (words.size() < 6) return false;
  auto is_page = [](std::string_view w) {
    return !w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), IsDigit);
  };
  auto is_leader = [](std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c == '.' || c == '_'; });
  };
  auto starts_entry = [](std::string_view w) {
    static constexpr std::string_view kEntryWords[] = {"ARTICLE",  "Article",  "SECTION", "Section",
                                                       "SCHEDULE", "Schedule", "EXHIBIT", "Exhibit",
                                                       "APPENDIX", "Appendix", "ANNEX",   "Annex"};
    return std::find(std::begin(kEntryWords), std::end(kEntryWords), w) != std::end(kEntryWords);
  };
  int pages = 0;
  int last_page = 0;
  int section_numbers = 0;
  int lower_words = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (IsLower(w[0]) && !IsSmallWord(w)) ++lower_words;
    if (IsDigit(w[0]) && w.find('.') != std::string_view::npos && w.find('.') + 1 < w.size()) {
      ++section_numbers;
    }
    if (w == "ARTICLE" || w == "Article" || w == "Section" || w == "SECTION") ++section_numbers;
    if (i == 0 || !is_page(w)) continue;
    std::size_t title = i - 1;
    while (title > 0 && is_leader(words[title])) --title;
    const char before = words[title].back();
    if (!(IsAlpha(before) || before == ')' || is_leader(words[i - 1]))) continue;
    const bool entry_follows =
        i + 1 == words.size() || IsDigit(words[i + 1][0]) || starts_entry(words[i + 1]);
    if (!entry_follows) continue;
    int page = 0;
    for (char c : w) page = page * 10 + (c - '0');
    if (page < last_page) return false;
    last_page = page;
    ++pages;
  }
  if (pages < 3 || lower_words * 5 > static_cast<int>(words.size())) return false;
  if (section_numbers >= 2) return true;
  std::string lower(s);
  for (char& c : lower) c = IsUpper(c) ? static_cast<char>(c | 0x20) : c;
  return lower.find("table of contents") != std::string::npos;
}

// True when the line ends a sentence or clause, so a heading or numbered item may follow.
bool EndsClause(std::string_view s) {
  while (!s.empty() && IsCloser(s.back())) s.remove_suffix(1);
  if (s.empty()) return true;
  char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

bool EndsWithConjunction(std::string_view s) {
  std::size_t space = s.rfind(' ');
  std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
  return last == "and" || last == "or";
}

// A short phrase in sentence case that may title a section when it stands alone ("Service
// levels"): capitalised, at most 8 words and 80 bytes, no verb, not ending like a clause.
bool IsShortPhrase(std::string_view s) {
  if (s.empty() || s.size() > 80 || !IsUpperAt(s, 0) || EndsClause(s) || s.back() == ',' ||
      s.find(". ") != std::string_view::npos) {
    return false;
  }
  return IsVerblessPhrase(s, 8);
}

bool EndsAsLeadIn(std::string_view s);

// True when s opens as a sentence does, with a determiner, pronoun or preposition ("The data
// importer agrees:", "Each Party:", "In the event of a failure"), in any case.
bool OpensAsSentence(std::string_view s) {
  const std::string_view first = s.substr(0, s.find(' '));
  return IsOneOf(first, {"the",   "a",    "an",   "this",  "these",  "that",   "those",  "each",
                         "every", "any",  "all",  "no",    "if",     "where",  "when",   "in",
                         "for",   "to",   "by",   "with",  "we",     "you",    "it",     "they",
                         "our",   "your", "its",  "their", "such",   "upon",   "unless", "as",
                         "on",    "at",   "from", "after", "before", "during", "subject"});
}

// A title in sentence case ("Security requirements:", "Data retention", "Incident reporting."):
// a short phrase (IsShortPhrase) once a final ':' (or, with `period`, '.') is dropped, with no
// figures (a standalone "Uptime of 99.9 percent" states a term), not opening as a sentence does
// ("The data importer agrees:", "In the event of a failure") and not ending in a small word or
// a word that leads into a list ("... agrees and warrants:").
bool IsSentenceCaseTitle(std::string_view s, bool period) {
  s = Trim(s);
  if (!s.empty() && (s.back() == ':' || (period && s.back() == '.'))) s.remove_suffix(1);
  if (!IsShortPhrase(s) || std::any_of(s.begin(), s.end(), IsDigit)) return false;
  if (OpensAsSentence(s)) return false;
  const std::size_t last_space = s.rfind(' ');
  const std::string_view last = last_space == std::string_view::npos ? s : s.substr(last_space + 1);
  return !IsSmallWord(last) && !EndsAsLeadIn(s);
}

// ---------------------------------------------------------------------------------------------
// Sentence ends.

// "U.S", "e.g", "i.e", "a.m": letters in groups of one or two between periods (not "7.2" or
// "example.com").
bool IsDottedInitials(std::string_view token) {
  std::size_t group = 0;
  for (char c : token) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (!IsAlpha(c) || ++group > 2) {
      return false;
    }
  }
  return group > 0;
}

// True when the '.' at text[dot] ends an abbreviation: "Sec.", "e.g.", "U.S.", "EU-U.S.", "J."
// etc.
bool IsAbbreviation(std::string_view text, std::size_t begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > begin && dot - start < 16 && !IsBlank(text[start - 1]) && text[start - 1] != '(' &&
         text[start - 1] != '"') {
    --start;
  }
  std::string_view token = text.substr(start, dot - start);
  if (token.empty() || token.size() >= 16) return false;
  if (token.size() == 1) return IsUpper(token[0]);
  if (token.find('.') != std::string_view::npos) {
    // "EU-U.S.", "non-U.S.": the initials after the last hyphen or slash.
    const std::size_t joint = token.find_last_of("-/");
    if (joint != std::string_view::npos && joint + 1 < token.size()) {
      token = token.substr(joint + 1);
    }
    return IsDottedInitials(token);
  }
  return IsOneOf(token,
                 {"sec", "secs", "inc",  "ltd",  "no",   "nos",   "art",    "arts", "cf",  "etc",
                  "vs",  "v",    "co",   "corp", "para", "paras", "approx", "incl", "mr",  "mrs",
                  "ms",  "dr",   "st",   "jr",   "sr",   "viz",   "al",     "p",    "pp",  "ch",
                  "fig", "ref",  "dept", "seq",  "cal",  "civ",   "jan",    "feb",  "mar", "apr",
                  "jun", "jul",  "aug",  "sep",  "sept", "oct",   "nov",    "dec"});
}

bool StartsSentence(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  char c = text[i];
  return IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(' || c == '[' ||
         (static_cast<unsigned char>(c) >= 0x80 && IsUpperAt(text, i));
}

// The offset in text of the first character after the sentence that the '.', '?' or '!' at
// text[i] ends (past closing quotes), or npos when it ends none.
std::size_t SentenceEnd(std::string_view text, std::size_t begin, std::size_t end, std::size_t i) {
  std::size_t j = i + 1;
  while (j < end && IsCloser(text[j])) ++j;
  if (j >= end || !IsBlank(text[j])) return std::string_view::npos;
  std::size_t k = j;
  while (k < end && IsBlank(text[k])) ++k;
  if (!StartsSentence(text.substr(0, end), k)) return std::string_view::npos;
  if (text[i] == '.' && IsAbbreviation(text, begin, i)) return std::string_view::npos;
  return j;
}

// Length of a title sentence that opens s and is followed by more text ("Security Incidents.
// Supplier shall ..." -> 18, "Access control. You must ..." -> 14), or 0.
std::size_t TitleSentence(std::string_view s) {
  std::size_t limit = std::min<std::size_t>(s.size(), 100);
  for (std::size_t i = 1; i < limit; ++i) {
    if (s[i] != '.' || i + 2 >= s.size() || s[i + 1] != ' ') continue;
    if (IsAbbreviation(s, 0, i)) continue;
    const std::string_view title = s.substr(0, i);
    return (TitleLike(title, 10) || IsSentenceCaseTitle(title, false)) && StartsSentence(s, i + 2)
               ? i
               : 0;
  }
  return 0;
}

// Length of a title that opens s and ends in a colon before a sentence in its own right
// ("Payments: As defined in section 3.3 above, ..." -> 8), or 0. A colon more often leads into
// what follows ("The Supplier shall: (a) ..."), so only a title whose sentence opens with a
// capital letter (or a bracketed blank to fill in) counts, and callers ask only where the
// number says a section comes.
std::size_t ColonTitle(std::string_view s) {
  const std::size_t colon = s.substr(0, std::min<std::size_t>(s.size(), 60)).find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 2 >= s.size() ||
      s[colon + 1] != ' ' || ((s[colon + 2] < 'A' || s[colon + 2] > 'Z') && s[colon + 2] != '[')) {
    return 0;
  }
  const auto titled = [](std::string_view t) {
    return TitleLike(t, 6) || IsSentenceCaseTitle(t, false);
  };
  // Each part of a title joined by '/' ("Assignment / Subcontracts") is a title.
  std::string_view rest = s.substr(0, colon);
  bool title = true;
  while (title && !rest.empty()) {
    const std::size_t slash = rest.find('/');
    title = titled(Trim(rest.substr(0, slash)));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  return title && StartsSentence(s, colon + 2) ? colon : 0;
}

// ---------------------------------------------------------------------------------------------
// Numbers and list markers at the start of a line.

bool IsRoman(std::string_view s) {
  static constexpr std::string_view kRoman[] = {
      "i",   "ii",   "iii",   "iv",   "v",   "vi",  "vii",  "viii",  "ix",  "x",
      "xi",  "xii",  "xiii",  "xiv",  "xv",  "xvi", "xvii", "xviii", "xix", "xx",
      "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxx", "xl",   "l"};
  return std::any_of(std::begin(kRoman), std::end(kRoman),
                     [&](std::string_view r) { return EqualsIgnoreCase(s, r); });
}

// Length of a run of 1..max_len characters at s[i] that satisfy pred, or 0.
template <typename Pred>
std::size_t RunLength(std::string_view s, std::size_t i, std::size_t max_len, Pred pred) {
  std::size_t n = 0;
  while (i + n < s.size() && pred(s[i + n])) ++n;
  return n <= max_len ? n : 0;
}

// A section number at the start of a heading line: "9.2", "12.", "7(b)", "Section 7(b)",
// "Article 28", "ARTICLE IV", "IV.", "§ 5".
struct SectionNumber {
  std::size_t end = 0;       // offset past the number and its '.'
  std::string_view written;  // "12.", "5.1.", "ARTICLE IV"
  std::string_view number;   // "12", "5.1", "IV"
  int components = 1;
  bool keyword = false;
  bool dotted = false;
  bool bare = false;  // a lone integer ("2"): a page number unless a title follows
};

// Parses "9.2" / "7(b)" at s[i]; returns the end offset and counts components, or 0.
std::size_t ParseDecimal(std::string_view s, std::size_t i, int& components) {
  components = 0;
  while (true) {
    std::size_t n = RunLength(s, i, 3, IsDigit);
    if (n == 0) return 0;
    i += n;
    ++components;
    if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  for (int groups = 0; groups < 3 && i < s.size() && s[i] == '('; ++groups) {
    std::size_t n = RunLength(s, i + 1, 4, IsAlnum);
    if (n == 0 || i + 1 + n >= s.size() || s[i + 1 + n] != ')') break;
    i += n + 2;
    ++components;
  }
  return i;
}

std::optional<SectionNumber> ParseSectionNumber(std::string_view s) {
  SectionNumber sn;
  std::size_t i = 0;
  for (std::string_view kw : {"section ", "article ", "clause ", "part ", "schedule ", "annex ",
                              "appendix ", "exhibit ", "\xC2\xA7 ", "\xC2\xA7"}) {
    if (StartsWithIgnoreCase(s, kw)) {
      i = kw.size();
      sn.keyword = true;
      break;
    }
  }
  std::size_t number_begin = i;
  if (i < s.size() && IsDigit(s[i])) {
    i = ParseDecimal(s, i, sn.components);
  } else {
    std::size_t n = RunLength(s, i, 6, IsAlpha);
    std::string_view token = s.substr(i, n);
    bool roman = sn.keyword ? IsRoman(token) || n == 1
                            : (token == "I" || (n >= 2 && IsRoman(token))) &&
                                  std::all_of(token.begin(), token.end(), IsUpper);
    i = roman ? i + n : 0;
  }
  if (i == 0 || i == number_begin) return std::nullopt;
  sn.number = s.substr(number_begin, i - number_begin);
  sn.dotted = i < s.size() && s[i] == '.';
  if (sn.dotted) ++i;
  bool digits = IsDigit(s[number_begin]);
  if ((!digits && !sn.keyword && !sn.dotted) || (i < s.size() && s[i] != ' ')) return std::nullopt;
  sn.bare = digits && !sn.keyword && !sn.dotted && sn.components == 1;
  sn.written = s.substr(0, i);
  sn.end = i;
  return sn;
}

// How a numbered heading shows its number: "12." as written, "5.1" and "Section 7" without a
// closing period.
std::string_view DisplayNumber(const SectionNumber& sn) {
  std::string_view shown = sn.written;
  if ((sn.keyword || sn.components > 1) && sn.dotted) shown.remove_suffix(1);
  return shown;
}

// A list item marker: "- ", "* ", "+ ", "• ", "(a)", "(iv)", "(1)", "a)", "1.", "1.2", "a.",
// "iv.".
struct Marker {
  std::size_t content = 0;  // offset of the item's text (== line size when none)
  bool numeric = false;     // "1." or "1.2": may also be a hard-wrapped number
  // "(72)": also what a hard-wrapped "seventy-two\n(72) hours" looks like, so it opens an item
  // only where a clause may end (like `numeric`).
  bool digits_in_parens = false;
  std::string_view ordinal;  // "1" for "1.", the number a nested list continues
  bool letter_o = false;     // "o ": a bullet only where an item may start (MarkerLine)
};

// Bullets that word processors put in text converted from PDF: U+2022 •, U+25CF ●, U+25AA ▪,
// U+25A0 ■, U+25E6 ◦, U+25CB ○, U+2023 ‣, U+2043 ⁃, U+27A2 ➢, U+00B7 ·, and the Symbol and
// Wingdings fonts' private code points U+F0B7 and U+F0A7.
std::size_t BulletLength(std::string_view s) {
  static constexpr std::string_view kBullets[] = {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA",
                                                  "\xE2\x96\xA0", "\xE2\x97\xA6", "\xE2\x97\x8B",
                                                  "\xE2\x80\xA3", "\xE2\x81\x83", "\xE2\x9E\xA2",
                                                  "\xC2\xB7",     "\xEF\x82\xB7", "\xEF\x82\xA7"};
  for (std::string_view bullet : kBullets) {
    if (s.substr(0, bullet.size()) == bullet) return bullet.size();
  }
  return 0;
}

std::optional<std::size_t> MarkerEnd(std::string_view s, Marker& m) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') return 1;
  if (const std::size_t bullet = BulletLength(s); bullet > 0) return bullet;
  // "o" as a bullet (a second-level bullet in Word), told from the letter by where it stands;
  // alone on its line when a PDF converter set it apart from its text.
  if ((s.size() >= 2 && s[0] == 'o' && s[1] == ' ') || s == "o") {
    m.letter_o = true;
    return 1;
  }
  // An option of a template ("[x] HIPAA", "☐ Option"): an item, never a heading (issue 15 #5).
  if (const std::size_t box = CheckboxAt(s).size; box > 0) return box;
  bool paren = s[0] == '(';
  std::size_t i = paren ? 1 : 0;
  std::size_t n = RunLength(s, i, 4, IsAlnum);
  if (n > 0 && i + n < s.size() && s[i + n] == ')') {
    std::string_view token = s.substr(i, n);
    bool digits = std::all_of(token.begin(), token.end(), IsDigit);
    m.digits_in_parens = digits && paren;
    bool ok = digits || n == 1 || IsRoman(token);
    return ok ? std::optional<std::size_t>(i + n + 1) : std::nullopt;
  }
  if (paren) return std::nullopt;
  int components = 0;
  std::size_t end = ParseDecimal(s, 0, components);
  if (end > 0 && s.find('(') >= end) {
    bool dotted = end < s.size() && s[end] == '.';
    if (!dotted && components < 2) return std::nullopt;
    m.numeric = true;
    if (components == 1) m.ordinal = s.substr(0, end);
    return end + dotted;
  }
  n = RunLength(s, 0, 6, IsAlpha);
  if (n > 0 && n < s.size() && s[n] == '.' && (n == 1 || IsRoman(s.substr(0, n)))) return n + 1;
  return std::nullopt;
}

std::optional<Marker> ParseMarker(std::string_view s) {
  Marker m;
  std::optional<std::size_t> end = MarkerEnd(s, m);
  if (!end || (*end < s.size() && s[*end] != ' ')) return std::nullopt;
  m.content = *end;
  while (m.content < s.size() && s[m.content] == ' ') ++m.content;
  return m;
}

// A sentence that only titles the text after it: a title (TitleLike) ending in '.', after a
// section number or a list marker or none ("4.2 Return of Confidential Information.", "e. Audit
// Rights.", "AUDIT RIGHTS.").
bool IsRunInTitle(std::string_view s) {
  s = Trim(s);
  if (s.size() < 2 || s.back() != '.') return false;
  std::string_view rest = s;
  if (std::optional<SectionNumber> sn = ParseSectionNumber(s); sn && !sn->bare) {
    rest = s.substr(sn->end);
  } else if (std::optional<Marker> marker = ParseMarker(s)) {
    rest = s.substr(marker->content);
  } else if (s.find(' ') == std::string_view::npos) {
    return false;  // one word ("First.", "Wait...") is no title without a number
  }
  rest = Trim(rest);
  rest.remove_suffix(1);
  return !rest.empty() && rest.back() != '.' && TitleLike(rest, 10);
}

// The shape of a list marker, so that the items of one list can be told from those nested in
// them: "(a)" and "(b)" -> "(a)", "(iv)" -> "(i)", "12." -> "1.", "1.2" -> "1.1", "-" -> "-".
std::string MarkerShape(std::string_view marker) {
  std::string shape;
  for (std::size_t i = 0; i < marker.size();) {
    if (IsAlnum(marker[i])) {
      std::size_t n = RunLength(marker, i, marker.size() - i, IsAlnum);
      const std::string_view token = marker.substr(i, n);
      if (std::all_of(token.begin(), token.end(), IsDigit)) {
        shape += '1';
      } else if (IsRoman(token) && (n > 1 || token == "i" || token == "I")) {
        shape += IsUpper(token[0]) ? 'I' : 'i';
      } else {
        shape += IsUpper(token[0]) ? 'A' : 'a';
      }
      i += n;
    } else {
      shape += marker[i++];
    }
  }
  return shape;
}

// True for the marker of a list's first item: "(a)", "1.", "(i)", "A." or a bullet ("-", "•").
bool OpensList(std::string_view marker) {
  std::string_view token = marker;
  while (!token.empty() && !IsAlnum(token.front())) token.remove_prefix(1);
  while (!token.empty() && !IsAlnum(token.back())) token.remove_suffix(1);
  if (token.empty()) return true;
  return token == "a" || token == "A" || token == "1" || token == "i" || token == "I";
}

// The last word of a line when it is made only of letters, else "".
std::string_view LastAlphaWord(std::string_view line) {
  const std::size_t space = line.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? line : line.substr(space + 1);
  return std::all_of(last.begin(), last.end(), IsAlpha) ? last : std::string_view();
}

// True when a line ends in a word that refers on to a number ("... in accordance with clause",
// "... set out in Schedule").
bool EndsInReferenceWord(std::string_view line) {
  const std::string_view last = LastAlphaWord(line);
  return !last.empty() &&
         IsOneOf(last, {"paragraph", "paragraphs", "subparagraph", "sub-paragraph", "clause",
                        "clauses", "section", "sections", "article", "articles", "schedule",
                        "annex", "item", "items", "point", "points"});
}

// True when a line runs on into the next: it ends in a word that refers on ("paragraph",
// "Clause") or in a small word ("the", "of") that leads into no list (EndsAsLeadIn: "to").
bool RunsOn(std::string_view line) {
  const std::string_view last = LastAlphaWord(line);
  if (last.empty()) return false;
  return EndsInReferenceWord(line) ||
         IsOneOf(last, {"the", "a", "an", "of", "in", "by", "with", "under", "from", "for", "per",
                        "at", "on", "upon", "into", "its", "their"});
}

// True when a line ending in "by" leads into a list of the ways a duty is done: the item after
// it opens with a gerund ("... protect the data by" / "(a) encrypting it at rest;"), not with
// the agent of a passive ("... as required by" / "(a) the Act").
bool MeansListAfterBy(std::string_view line, std::string_view item) {
  if (LastAlphaWord(line) != "by") return false;
  std::size_t end = 0;
  while (end < item.size() && IsLower(item[end])) ++end;
  return end > 4 && item.substr(end - 3, 3) == "ing";
}

// True when a line stops inside a sentence: it ends in a lower-case word ("... those required
// in", "... if the Supplier breaches").
bool EndsInLowerCaseWord(std::string_view line) {
  const std::size_t space = line.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? line : line.substr(space + 1);
  return !last.empty() && std::all_of(last.begin(), last.end(), IsLower);
}

// True when a unit leads into a list that follows it: it ends in ':' ("Provider shall:", "The
// data importer agrees and warrants:"), in "below." or "follows." ("... as listed below.") or in
// a word that needs the items to go on ("Supplier shall", "... agrees to", "... ensure that",
// "... including", "... protect the data by").
bool EndsAsLeadIn(std::string_view s) {
  while (!s.empty() && (IsBlank(s.back()) || IsCloser(s.back()))) s.remove_suffix(1);
  if (s.empty()) return false;
  if (s.back() == ':') return true;
  // "... as listed below." / "... as follows." points at the list after it (issue 11 #2).
  for (std::string_view end : {" below.", " follows."}) {
    if (s.size() > end.size() && s.substr(s.size() - end.size()) == end) return true;
  }
  std::size_t space = s.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
  return IsOneOf(last, {"shall", "will", "must", "to", "that", "agrees", "undertakes", "warrants",
                        "including", "includes", "include", "following", "by"});
}

// True when number (a clause number alone on its line) numbers below the top level: "1.2.1",
// "(c)", not "6." (after a list item ending in ';', "6." alone opens the next section:
// "6." / "Audit" / "6.1 ...").
bool IsSubNumber(std::string_view number) {
  if (!number.empty() && number.front() == '(') return true;
  while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.remove_suffix(1);
  return number.find('.') != std::string_view::npos;
}

// True when a line ends an item of a list that goes on: in ';', "; and" or "; or".
bool EndsListItem(std::string_view line) {
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  for (std::string_view end : {";", "; and", "; or"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
  }
  return false;
}

// True when a heading states the duty that the list under it itemises: a modal verb after at
// least one word of a subject and before the duty's own words ("5.1 The Contractor will
// provide, operate and support the following services", "WHAT THE SUPPLIER MUST DO"). A
// heading that only names a topic ("Security Incidents", "Will and Testament") states none.
bool HeadingStatesDuty(std::string_view s) {
  bool subject = false;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAlpha(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    if (j == i) break;
    const std::string word = AsciiLower(s.substr(i, j - i));
    if (subject && IsOneOf(word, {"shall", "will", "must"})) {
      return std::any_of(s.begin() + static_cast<std::ptrdiff_t>(j), s.end(), IsAlpha);
    }
    subject = true;
    i = j;
  }
  return false;
}

// True when the numeric list marker `after` ("2.", "5.2") numbers the item right after the one
// `before` numbers ("1.", "5.1"): the same components but the last, which is one more.
bool NumbersNextItem(std::string_view before, std::string_view after) {
  const auto split = [](std::string_view marker, std::string_view& head, int& last) {
    if (!marker.empty() && marker.back() == '.') marker.remove_suffix(1);
    const std::size_t dot = marker.rfind('.');
    head = dot == std::string_view::npos ? std::string_view() : marker.substr(0, dot + 1);
    const std::string_view tail = dot == std::string_view::npos ? marker : marker.substr(dot + 1);
    if (tail.empty() || tail.size() > 3 || !std::all_of(tail.begin(), tail.end(), IsDigit)) {
      return false;
    }
    last = 0;
    for (char c : tail) last = last * 10 + (c - '0');
    return true;
  };
  std::string_view before_head, after_head;
  int before_last = 0, after_last = 0;
  return split(before, before_head, before_last) && split(after, after_head, after_last) &&
         before_head == after_head && after_last == before_last + 1;
}

// The numeric marker that opens the line s ("3.", "4.2"), or "" when it opens with none.
std::string_view NumericMarker(std::string_view s) {
  if (s.empty()) return {};
  const std::optional<Marker> marker = ParseMarker(s);
  if (!marker || !marker->numeric) return {};
  std::size_t end = marker->content;
  while (end > 0 && s[end - 1] == ' ') --end;
  return s.substr(0, end);
}

// ---------------------------------------------------------------------------------------------

// Numbers of nested Markdown lists ("2." then an indented "1." is 2.1), keyed by indentation.
class ListNumbering {
 public:
  // The full number of an item "ordinal." at indent. An item after a sibling (or an outdent)
  // continues the enclosing list; a deeper item nests only when it opens a new list ("1."), so
  // inconsistent indentation does not invent levels.
  std::string Compose(std::size_t indent, std::string_view ordinal) {
    std::size_t depth = stack_.size();
    PopTo(indent);
    if (stack_.size() == depth && !stack_.empty() && ordinal != "1") stack_.pop_back();
    std::string number;
    for (const Entry& e : stack_) number.append(e.ordinal).push_back('.');
    number.append(ordinal);
    stack_.push_back({indent, std::string(ordinal)});
    return number;
  }
  // Closes the lists at indent or deeper.
  void PopTo(std::size_t indent) {
    while (!stack_.empty() && stack_.back().indent >= indent) stack_.pop_back();
  }
  void Clear() { stack_.clear(); }

 private:
  struct Entry {
    std::size_t indent;
    std::string ordinal;
  };
  std::vector<Entry> stack_;
};

// Bounds that keep the memory of matching a document proportional to its text (see Segment).
constexpr std::size_t kMaxUnitBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxParagraphBytes = std::size_t{256} << 10;
constexpr std::size_t kMaxSections = 100'000;
// A line longer than this is never a heading ('#', Setext): it is read as text, so a document
// written on one line that opens with "# Title" is scanned, not taken whole as a title.
constexpr std::size_t kMaxHeadingBytes = std::size_t{2} << 10;

// Where to cut text[begin, end) so that the first piece holds at most max bytes (end - begin >
// max): after the last line break or space in its second half, else at a character.
std::size_t CutPoint(std::string_view text, std::size_t begin, std::size_t max) {
  const std::size_t limit = begin + max;
  for (std::size_t i = limit; i > begin + max / 2; --i) {
    if (text[i - 1] == '\n') return i;
  }
  for (std::size_t i = limit; i > begin + max / 2; --i) {
    if (text[i - 1] == ' ') return i;
  }
  std::size_t i = limit;
  while (i > begin + 1 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

class Segmenter {
 public:
  explicit Segmenter(const NormalizedText& text) : text_(text.text), source_(text.source) {}
  Outline Run();

 private:
  void HandleLine(std::size_t begin, std::size_t end, bool next_blank);
  // Adds a line of a contents list as a heading unit that opens no section, and returns true;
  // false for any other line. Follows the list from its title (IsContentsTitle).
  bool ContentsLine(std::size_t begin, std::string_view s);
  bool NextLineStartsUpper(std::size_t end) const;
  bool TextFollows(std::size_t end) const;
  void MarkListTitle(std::size_t first_unit, std::size_t scan, UnitKind kind);
  bool HashHeading(std::size_t begin, std::string_view s);
  bool StyledHeading(std::size_t begin, std::string_view s, std::string_view heading, int level);
  int SetextLevel(std::size_t end) const;
  bool ItemOfOpenList(std::size_t begin, std::string_view s) const;
  bool NextInNumbering(const SectionNumber& sn) const;
  bool ContinuesNumberedRun(std::string_view s) const;
  bool ItemOfNumberedRun(std::size_t begin, std::string_view s) const;
  std::string_view NextNonBlankLine(std::size_t end) const;
  bool NextLineOpensSubsection(std::size_t end, std::string_view s) const;
  bool NumberedLine(std::size_t begin, std::string_view s, bool boundary, bool alone,
                    std::string_view previous);
  bool MarkerLine(std::size_t begin, std::string_view s, bool boundary, std::string_view previous);
  bool MergeTitle(std::size_t begin, std::string_view s, bool next_blank);
  std::string SectionNumberFor(std::size_t begin, const SectionNumber& sn, bool& composed);
  bool AddSection(Section section, std::size_t begin, std::size_t heading_end);
  void SetTitle(int section, std::string_view title);
  void AppendLine(std::size_t begin, std::size_t end, UnitKind kind, std::size_t marker = 0);
  void CloseParagraph();
  void ClosePiece(std::size_t begin, std::size_t scan, std::size_t end, UnitKind kind);
  void SplitSentences(std::size_t begin, std::size_t scan, std::size_t end, UnitKind kind,
                      int paragraph);
  void AddUnit(std::size_t begin, std::size_t end, UnitKind kind, int paragraph);
  void AddUnitPiece(std::size_t begin, std::size_t end, UnitKind kind, int paragraph);
  std::vector<ListLead> SplitUnmarkedItems(std::size_t first_unit);
  std::size_t Indent(std::size_t begin) const;
  void LinkListLead(std::size_t first_unit, UnitKind kind);

  // A lead-in whose list may still go on: its unit, and the marker shape and indentation of the
  // item it is ("" for a sentence), so that an item like it ends the nested list.
  struct OpenLead {
    std::uint32_t unit;
    std::string shape;
    std::size_t indent;
  };
  static constexpr std::size_t kMaxLeadDepth = 8;

  std::string_view text_;
  const std::vector<std::uint32_t>& source_;
  Outline out_;
  ListNumbering numbering_;
  int section_ = -1;
  int awaiting_title_ = -1;  // a section whose heading was a bare number ("2.1", "ARTICLE 5")
  bool boundary_ = true;     // the previous line ended a clause (or was blank or a heading)
  bool after_conjunction_ = false;  // the previous line ended in "and" / "or"
  bool next_list_item_ = false;     // a marker stood alone on the previous line
  bool open_ = false;               // a paragraph is open
  std::size_t para_begin_ = 0;
  std::size_t para_end_ = 0;
  std::size_t para_scan_ = 0;  // where sentence ends may start: past a list marker
  UnitKind para_kind_ = UnitKind::kSentence;
  std::string item_shape_;  // the marker shape of the last list item line, and its indentation
  std::size_t item_indent_ = 0;
  std::string item_number_;  // the numeric marker of the last list item line ("2.", "4.1"), or ""
  bool item_opens_list_ = false;  // the last list item line's marker is a list's first ("(a)")
  bool para_opens_list_ = false;  // the open paragraph's, when it is a list item
  std::string para_shape_;        // the open paragraph's, when it is a list item
  std::string para_number_;       // the open paragraph's numeric marker, when a list item has one
  // The numeric marker of the last paragraph closed when it was a numbered list item ("" else),
  // and the number of units once it was closed: a sibling numbered right after it with no unit
  // between them is the next item of the same run.
  std::string closed_item_number_;
  std::size_t closed_item_units_ = 0;
  std::size_t para_indent_ = 0;
  std::vector<OpenLead> leads_;  // innermost last
  bool contents_ = false;        // in a contents list, after its title
  bool contents_gap_ = false;    // a blank line came after its entries
  int contents_entries_ = 0;
  enum class Table { kNone, kDefinitions, kOther } table_ = Table::kNone;  // the table of a row
  // A list item that only names its subject ("(c) Incident reporting."), alone in its paragraph:
  // a title when what follows is no sibling item (MarkListTitle). Its unit, shape, indentation.
  int pending_title_ = -1;
  std::string pending_shape_;
  std::size_t pending_indent_ = 0;
  std::string last_item_shape_;  // the marker shape of the last paragraph when a list item, or ""
  std::size_t last_item_indent_ = 0;
  bool last_item_title_ = false;  // the last paragraph was a list item that only named its subject
  bool lead_waiting_ = false;     // the innermost lead-in has no item yet
  std::string_view previous_line_;  // the last line, trimmed; empty after a blank line
  bool item_letter_o_ = false;      // the last list item line's marker was an "o" bullet
};

Outline Segmenter::Run() {
  std::size_t pos = 0;
  while (pos < text_.size()) {
    std::size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) end = text_.size();
    bool next_blank = end + 1 >= text_.size() || text_[end + 1] == '\n';
    HandleLine(pos, end, next_blank);
    pos = end + 1;
  }
  CloseParagraph();
  return std::move(out_);
}

void Segmenter::HandleLine(std::size_t begin, std::size_t end, bool next_blank) {
  std::string_view s = Trim(text_.substr(begin, end - begin));
  begin = static_cast<std::size_t>(s.data() - text_.data());
  if (s.empty() || std::none_of(s.begin(), s.end(), [](char c) {
        return IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80;
      })) {
    previous_line_ = {};
    CloseParagraph();  // blank lines and rules ("---", "|---|---|") end paragraphs
    boundary_ = true;
    if (s.empty()) table_ = Table::kNone;  // a table's "|---|" rule does not end it
    if (contents_ && contents_entries_ > 0) contents_gap_ = true;
    return;
  }
  const std::string_view previous = previous_line_;
  previous_line_ = s;
  if (ContentsLine(begin, s)) return;
  bool boundary = boundary_;
  bool marker_boundary = boundary_ || after_conjunction_;
  boundary_ = EndsClause(s);
  after_conjunction_ = EndsWithConjunction(s);
  if (awaiting_title_ >= 0 && s[0] != '#' && MergeTitle(begin, s, next_blank)) return;
  awaiting_title_ = -1;
  // The text of an item whose marker stood alone on a line before it (PDF converters set a
  // bullet or a clause number apart from its text, often with a blank line between: "•" / "" /
  // "Use two-factor authentication") is that item, never a heading or a title, however short.
  if (next_list_item_ && s[0] != '#' && s[0] != '|' && !ParseMarker(s)) {
    next_list_item_ = false;
    AppendLine(begin, begin + s.size(), UnitKind::kListItem);
    return;
  }
  if (s[0] == '#' && s.size() <= kMaxHeadingBytes && HashHeading(begin, s)) return;
  // A line of its own underlined with "===" or "---" (a Setext heading) opens a section (issue
  // 11 #3); a list item or a table row so underlined stays what it is.
  if (!open_ && s[0] != '|' && s.size() <= kMaxHeadingBytes && !ParseMarker(s)) {
    if (const int level = SetextLevel(end); level > 0) {
      CloseParagraph();
      StyledHeading(begin, s, TrimPunctuation(s), level);
      return;
    }
  }
  if (s[0] == '|') {  // a table row is a paragraph of its own
    CloseParagraph();
    if (table_ == Table::kNone) {
      table_ = IsDefinitionTableHeader(s) ? Table::kDefinitions : Table::kOther;
    }
    if (table_ == Table::kDefinitions) {
      // A row of a "Term | Meaning" table defines a term: it states no duty.
      AddUnit(begin, begin + s.size(), UnitKind::kHeading, -1);
      boundary_ = true;
      return;
    }
    AppendLine(begin, begin + s.size(), UnitKind::kSentence);
    CloseParagraph();
    return;
  }
  table_ = Table::kNone;
  // issue 15 #2: a US federal clause heading ("**52.204-21 - Basic Safeguarding ...**" in
  // Markdown) standing alone opens the clause's section, at the top level as a heading in capitals
  // does, when the rest of its line is a title.
  if (const std::string_view number = FederalClauseNumber(s);
      !number.empty() && boundary && next_blank) {
    std::string_view title = Trim(s.substr(number.size()));
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ":", " "}) {
        if (title.substr(0, dash.size()) == dash) {
          title.remove_prefix(dash.size());
          stripped = true;
        }
      }
    }
    title = TrimPunctuation(title);
    if (!title.empty() && TitleLike(WithoutVersionDate(title), 16)) {
      numbering_.Clear();
      AddSection({std::string(number), std::string(title),
                  std::string(number) + " " + std::string(title), 1, begin},
                 begin, begin + s.size());
      return;
    }
  }
  // The next number of the numbered item on the line before ("1. Quarterly access review" then
  // "2. Encryption at rest") starts the next item, though the item before ends in no full stop,
  // unless that line ends in a word the number completes ("... in accordance with clause").
  if (!boundary && ContinuesNumberedRun(s) && !EndsInReferenceWord(previous)) {
    MarkerLine(begin, s, true, previous);
    return;
  }
  if (NumberedLine(begin, s, boundary, next_blank || NextLineOpensSubsection(end, s), previous) ||
      MarkerLine(begin, s, marker_boundary, previous)) {
    return;
  }
  if (boundary && IsAllCapsHeading(s)) {
    numbering_.Clear();
    std::string_view title = TrimPunctuation(s);
    AddSection({"", std::string(title), std::string(title), 1, begin}, begin, begin + s.size());
    return;
  }
  // A long dated clause title in capitals is a heading too, but the section keeps the name its
  // numbered heading gave it ("252.204-7009 Limitations on the Use ...").
  if (boundary && IsAllCapsHeading(s, true)) {
    CloseParagraph();
    AddUnit(begin, begin + s.size(), UnitKind::kHeading, -1);
    boundary_ = true;
    return;
  }
  // A title line standing alone ("Using the Service to Notify Changes", "Security requirements:",
  // a Word paragraph or a Markdown line in bold rather than in a heading style), or right above
  // the first line of a paragraph ("Content of the Plan" / "The Plan shall ...", as text converted
  // from a PDF runs them), is a heading: it never matches a rule. It opens no section, since its
  // level among the numbered ones is unknown.
  // A phrase in sentence case at the very end of the text ("Next paragraph") heads nothing.
  const bool title =
      TitleLike(s, 12) || (IsSentenceCaseTitle(s, false) && (!next_blank || TextFollows(end)));
  if (title && ((!open_ && next_blank) ||
                (boundary && !next_blank && s.back() != ':' && NextLineStartsUpper(end)))) {
    CloseParagraph();
    AddUnit(begin, begin + s.size(), UnitKind::kHeading, -1);
    boundary_ = true;
    return;
  }
  UnitKind kind = next_list_item_ ? UnitKind::kListItem : UnitKind::kSentence;
  next_list_item_ = false;
  AppendLine(begin, begin + s.size(), kind);
}

// 1 when the line after the one ending at text offset end is an underline of '=' (at least
// three, nothing else but spaces around), 2 for one of '-', else 0.
int Segmenter::SetextLevel(std::size_t end) const {
  if (end >= text_.size()) return 0;
  std::size_t next_end = text_.find('\n', end + 1);
  if (next_end == std::string_view::npos) next_end = text_.size();
  const std::string_view line = Trim(text_.substr(end + 1, next_end - end - 1));
  if (line.size() < 3 || (line[0] != '=' && line[0] != '-')) return 0;
  if (line.find_first_not_of(line[0]) != std::string_view::npos) return 0;
  return line[0] == '=' ? 1 : 2;
}

// True when the line s at begin opens with a list marker and comes in a list under a lead-in:
// the lead-in's first item, or a sibling (same marker shape and indentation) of the item before.
bool Segmenter::ItemOfOpenList(std::size_t begin, std::string_view s) const {
  if (leads_.empty()) return false;
  const std::optional<Marker> marker = ParseMarker(s);
  if (!marker) return false;
  if (lead_waiting_) return true;
  std::size_t marker_end = marker->content;
  while (marker_end > 0 && s[marker_end - 1] == ' ') --marker_end;
  return !last_item_shape_.empty() && MarkerShape(s.substr(0, marker_end)) == last_item_shape_ &&
         Indent(begin) == last_item_indent_;
}

// True when sn has two or more levels and follows the open section's number: its first child
// ("9.2" -> "9.2.1"), its next sibling ("9.2" -> "9.3") or that of a section it is in ("3.1.2"
// -> "3.2").
bool Segmenter::NextInNumbering(const SectionNumber& sn) const {
  if (sn.keyword || sn.components < 2 || section_ < 0) return false;
  const std::string& open = out_.sections[static_cast<std::size_t>(section_)].number;
  const std::string_view number = sn.number;
  if (number == open + ".1") return true;
  const std::size_t cut = number.rfind('.');
  if (cut == std::string_view::npos || open.size() <= cut ||
      open.compare(0, cut + 1, number.substr(0, cut + 1)) != 0) {
    return false;
  }
  // The level of open that sn's last component counts: open up to its next '.'.
  const std::size_t level_end = std::min(open.find('.', cut + 1), open.size());
  const std::string_view last = number.substr(cut + 1);
  const std::string_view open_last = std::string_view(open).substr(cut + 1, level_end - cut - 1);
  if (last.empty() || open_last.empty() || !std::all_of(last.begin(), last.end(), IsDigit) ||
      !std::all_of(open_last.begin(), open_last.end(), IsDigit) || last.size() > 6 ||
      open_last.size() > 6) {
    return false;
  }
  return std::stoi(std::string(last)) == std::stoi(std::string(open_last)) + 1;
}

// True when the line s opens with the number after that of the numbered list item open above
// it, the lines in between being that item's ("1. Quarterly access review" / "2. Encryption").
bool Segmenter::ContinuesNumberedRun(std::string_view s) const {
  return open_ && para_kind_ == UnitKind::kListItem && !para_number_.empty() &&
         NumbersNextItem(para_number_, NumericMarker(s));
}

// True when the numbered line s at text offset begin is an item of a run of numbered siblings:
// the next line with text is numbered right after it, or the paragraph just before was the item
// numbered right before it and no body follows s (what follows is another numbered or marked
// line, a heading, or nothing).
bool Segmenter::ItemOfNumberedRun(std::size_t begin, std::string_view s) const {
  const std::string_view number = NumericMarker(s);
  if (number.empty()) return false;
  const std::string_view next = NextNonBlankLine(begin + s.size());
  if (NumbersNextItem(number, NumericMarker(next))) return true;
  if (open_ || closed_item_units_ != out_.units.size() ||
      !NumbersNextItem(closed_item_number_, number)) {
    return false;
  }
  return next.empty() || ParseMarker(next) || ParseSectionNumber(next) || next[0] == '#' ||
         TitleLike(next, 12) || IsShortPhrase(next) || IsAllCapsHeading(next);
}

// The first line with text after the line that ends at text offset end, trimmed ("" at the end).
std::string_view Segmenter::NextNonBlankLine(std::size_t end) const {
  std::size_t i = text_.find('\n', end);
  while (i != std::string_view::npos && i < text_.size()) {
    const std::size_t line_end = std::min(text_.find('\n', i + 1), text_.size());
    const std::string_view line = Trim(text_.substr(i + 1, line_end - i - 1));
    if (!line.empty()) return line;
    i = line_end;
  }
  return {};
}

// True when the line s, ending at text offset end, opens with a plain decimal number ("14.",
// "3.2") and the next line with a number under it ("14.1", "3.2.1"): "14. Data protection" then
// "14.1 The Buyer is the Controller ..." is a heading over its first subclause.
bool Segmenter::NextLineOpensSubsection(std::size_t end, std::string_view s) const {
  const std::optional<SectionNumber> sn = ParseSectionNumber(s);
  if (!sn || sn->keyword || sn->number.empty() || !IsDigit(sn->number[0])) return false;
  std::size_t i = end + 1;
  while (i < text_.size() && text_[i] == ' ') ++i;
  const std::string_view next = text_.substr(std::min(i, text_.size()));
  const std::string_view number = sn->number;
  return next.size() > number.size() + 1 && next.substr(0, number.size()) == number &&
         next[number.size()] == '.' && IsDigit(next[number.size() + 1]);
}

// True when some text follows the line ending at text offset end.
bool Segmenter::TextFollows(std::size_t end) const {
  for (std::size_t i = end; i < text_.size(); ++i) {
    if (!IsBlank(text_[i])) return true;
  }
  return false;
}

// True when the line after the one ending at text offset end starts with an upper-case letter.
bool Segmenter::NextLineStartsUpper(std::size_t end) const {
  std::size_t i = end + 1;
  while (i < text_.size() && text_[i] == ' ') ++i;
  return IsUpperAt(text_, i);
}

bool Segmenter::ContentsLine(std::size_t begin, std::string_view s) {
  if (IsContentsTitle(s)) {
    contents_ = true;
    contents_entries_ = 0;
    contents_gap_ = false;
    return false;  // the title itself is read as a heading, as ever
  }
  const bool leader = HasLeaderAndPage(s);
  if (contents_) {
    // A heading, running text, or after a blank line a line with no page number, ends it.
    if (s[0] == '#' || !LooksLikeContentsEntry(s) ||
        (contents_gap_ && !leader && !EndsWithPageNumber(s))) {
      contents_ = false;
    }
  }
  if (!contents_ && !leader) return false;
  // An entry of a contents list ("2. Sub-processors ..... 12"): no clause, and no section.
  CloseParagraph();
  AddUnit(begin, begin + s.size(), UnitKind::kHeading, -1);
  if (contents_) ++contents_entries_;
  boundary_ = true;
  return true;
}

// "## 7.2 Security" opens section 7.2 at level 2.
bool Segmenter::HashHeading(std::size_t begin, std::string_view s) {
  std::size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes > 6 || (hashes < s.size() && s[hashes] != ' ')) return false;
  std::string_view heading = s.substr(hashes);
  while (!heading.empty() && (heading.back() == '#' || heading.back() == ' ')) {
    heading.remove_suffix(1);
  }
  heading = Trim(heading);
  if (CheckboxAt(heading).size > 0) {
    // A heading-styled option line ("## [x] HIPAA") is an item of its section, not a section.
    const std::size_t heading_begin = begin + static_cast<std::size_t>(heading.data() - s.data());
    CloseParagraph();
    AppendLine(heading_begin, heading_begin + heading.size(), UnitKind::kListItem,
               CheckboxAt(heading).size);
    CloseParagraph();
    boundary_ = true;
    return true;
  }
  return StyledHeading(begin, s, heading, static_cast<int>(hashes));
}

// A heading styled as one (Markdown '#', a Setext underline), whose text `heading` is part of
// the line s at begin, opens a section at `level`.
bool Segmenter::StyledHeading(std::size_t begin, std::string_view s, std::string_view heading,
                              int level) {
  numbering_.Clear();
  boundary_ = true;
  if (heading.empty()) {
    CloseParagraph();
    return true;
  }
  Section section;
  section.level = level;
  std::optional<SectionNumber> sn = ParseSectionNumber(heading);
  if (sn && !sn->bare) {
    section.number = std::string(sn->number);
    section.title = std::string(StripSeparator(heading.substr(sn->end)));
    std::string_view rest = TrimPunctuation(Trim(heading.substr(sn->end)));
    section.label = std::string(DisplayNumber(*sn));
    if (!rest.empty()) section.label.append(" ").append(rest);
  } else {
    section.title = std::string(TrimPunctuation(heading));
    section.label = section.title;
  }
  std::size_t heading_begin = begin + static_cast<std::size_t>(heading.data() - s.data());
  section.begin = begin;
  bool needs_title = sn && section.title.empty();
  if (AddSection(std::move(section), heading_begin, heading_begin + heading.size()) &&
      needs_title) {
    awaiting_title_ = section_;
  }
  return true;
}

// Numbered headings ("9.2 Security Incidents", "ARTICLE IV - TERM", a bare "2.1", "2 Service
// levels" when alone on its line) and numbered clauses that open with a title ("7.1 Security
// Incidents. Supplier shall ..."). `previous` is the line before, trimmed.
bool Segmenter::NumberedLine(std::size_t begin, std::string_view s, bool boundary, bool alone,
                             std::string_view previous) {
  std::optional<SectionNumber> sn = ParseSectionNumber(s);
  if (!sn) return false;
  std::string_view rest = Trim(s.substr(sn->end));
  if (!rest.empty() && !boundary) return false;
  // PDF converters set a clause number apart from its text: alone on its line right after a
  // lead-in ("The Insurances shall be:" / "1.2.1" / "maintained ...;"), or after an item of
  // that list ending in ';', it marks the item on the next line (MarkerLine), no section.
  if (rest.empty() && !sn->keyword && open_ && ParseMarker(s) &&
      (EndsAsLeadIn(previous) || (EndsListItem(previous) && IsSubNumber(Trim(s))))) {
    return false;
  }
  // A reference that the line wrapping put at a line start ("... as required in" / "Clause
  // 15.") goes on with the sentence before (issue 11 #1).
  if (rest.empty() && open_ && !boundary &&
      (sn->keyword ? EndsInLowerCaseWord(previous) : RunsOn(previous))) {
    return false;
  }
  // So does one followed by more words ("... in accordance with clause" / "2. The notice shall
  // ..."): the sentence ends after the number, no clause 2 opens (engine limits 2 #3).
  if (!rest.empty() && open_ && !boundary && !sn->keyword && EndsInReferenceWord(previous)) {
    return false;
  }
  std::string_view title = StripSeparator(rest);
  std::size_t title_sentence = 0;
  bool heading = TitleLike(title, 12) || (alone && IsShortPhrase(rest));
  // A clause that only names who owes the list after it ("14.9 The Supplier:") leads into that
  // list: it is no title (issue 11 #1).
  if (heading && rest.back() == ':' && OpensAsSentence(title)) return false;
  // A short item of a list under a lead-in ("shall include:" then "1. Yearly penetration
  // tests") is an item, not a numbered heading (issue 11 #3).
  // But a number of two or more levels that comes next in the open section's numbering ("9.3.
  // Customer Audit." in section 9.2, after "... of Section 9.3 below.") is the next section.
  if (heading && !NextInNumbering(*sn) && ItemOfOpenList(begin, s)) return false;
  // A phrase in sentence case in a run of numbered siblings with no body between them ("1.
  // Quarterly access review of privileged accounts", "2. Encryption of data at rest") is an item
  // of a list, not a heading (issue 11 engine limits #1).
  if (heading && !sn->keyword && !TitleLike(title, 12) && ItemOfNumberedRun(begin, s)) {
    return false;
  }
  if (rest.empty() ? sn->bare : !heading) {
    title_sentence = sn->bare ? 0 : TitleSentence(rest);
    // "3.5  Payments: As defined ..." after 3.4 is section 3.5 (engine limits 2 #4).
    if (title_sentence == 0 && !sn->bare && NextInNumbering(*sn)) {
      title_sentence = ColonTitle(rest);
    }
    if (title_sentence == 0) return false;
    title = TrimPunctuation(rest.substr(0, title_sentence));
  }
  bool composed = false;
  Section section;
  section.number = SectionNumberFor(begin, *sn, composed);
  section.level = 1 +
                  static_cast<int>(std::count(section.number.begin(), section.number.end(), '.')) +
                  static_cast<int>(std::count(section.number.begin(), section.number.end(), '('));
  section.title = std::string(title);
  section.label = composed ? section.number : std::string(DisplayNumber(*sn));
  std::string_view shown = title_sentence > 0 ? title : TrimPunctuation(rest);
  if (!shown.empty()) section.label.append(" ").append(shown);
  section.begin = begin;
  std::size_t rest_begin = begin + static_cast<std::size_t>(rest.data() - s.data());
  std::size_t heading_end = title_sentence > 0 ? rest_begin + title_sentence + 1 : begin + s.size();
  if (AddSection(std::move(section), begin, heading_end) && rest.empty()) {
    awaiting_title_ = section_;
  }
  if (title_sentence > 0) AppendLine(heading_end + 1, begin + s.size(), UnitKind::kSentence);
  return true;
}

// The number a section shows: nested Markdown list numbers compose ("2." then "1." -> "2.1").
std::string Segmenter::SectionNumberFor(std::size_t begin, const SectionNumber& sn,
                                        bool& composed) {
  if (sn.keyword || sn.components > 1 || !IsDigit(sn.number[0])) {
    numbering_.Clear();
    return std::string(sn.number);
  }
  std::string number = numbering_.Compose(Indent(begin), sn.number);
  composed = number.size() != sn.number.size();
  return number;
}

// A marker at the start of a line opens an item, but where the line before runs on into it: "as
// set out in paragraph" / "(b) above", "under the" / "(c) procedure" (a reference, or a line
// ending in a small word that leads into no list), as text converted from a PDF wraps it. "o"
// is a bullet only after a clause ends, after a lead-in or after another "o" item.
bool Segmenter::MarkerLine(std::size_t begin, std::string_view s, bool boundary,
                           std::string_view previous) {
  std::optional<Marker> marker = ParseMarker(s);
  if (!marker || ((marker->numeric || marker->digits_in_parens) && !boundary)) return false;
  if (!boundary && s[0] != '-' && s[0] != '*' && s[0] != '+' && BulletLength(s) == 0 &&
      RunsOn(previous) && !MeansListAfterBy(previous, s.substr(marker->content))) {
    return false;
  }
  if (marker->letter_o && !(boundary || EndsAsLeadIn(previous) || item_letter_o_)) return false;
  item_letter_o_ = marker->letter_o;
  std::size_t marker_end = marker->content;
  while (marker_end > 0 && s[marker_end - 1] == ' ') --marker_end;
  item_shape_ = MarkerShape(s.substr(0, marker_end));
  item_opens_list_ = OpensList(s.substr(0, marker_end));
  item_indent_ = Indent(begin);
  item_number_ = std::string(NumericMarker(s));
  if (!marker->ordinal.empty()) {
    numbering_.Compose(Indent(begin), marker->ordinal);
  } else if (marker->numeric) {
    numbering_.Clear();
  } else {
    numbering_.PopTo(Indent(begin));
  }
  CloseParagraph();
  if (marker->content >= s.size()) {
    next_list_item_ = true;
    boundary_ = true;
    return true;
  }
  next_list_item_ = false;
  AppendLine(begin, begin + s.size(), UnitKind::kListItem, marker->content);
  return true;
}

// The line after a bare section number may carry its title: "1." then "DEFINITIONS", or
// "2.1" then "Roles of the Parties. The parties acknowledge ...".
bool Segmenter::MergeTitle(std::size_t begin, std::string_view s, bool next_blank) {
  int section = awaiting_title_;
  awaiting_title_ = -1;
  if (IsAllCapsHeading(s) || (next_blank && (TitleLike(s, 12) || IsShortPhrase(s)))) {
    SetTitle(section, TrimPunctuation(s));
    AddUnit(begin, begin + s.size(), UnitKind::kHeading, -1);
    boundary_ = true;
    return true;
  }
  std::size_t title = TitleSentence(s);
  if (title == 0) return false;
  SetTitle(section, TrimPunctuation(s.substr(0, title)));
  AddUnit(begin, begin + title + 1, UnitKind::kHeading, -1);
  AppendLine(begin + title + 2, begin + s.size(), UnitKind::kSentence);
  return true;
}

void Segmenter::SetTitle(int section, std::string_view title) {
  Section& s = out_.sections[static_cast<std::size_t>(section)];
  s.title = std::string(title);
  s.label.append(" ").append(title);
}

// Opens a section at its heading; past kMaxSections the heading opens none (its text stays in the
// last section). Returns whether it opened one.
bool Segmenter::AddSection(Section section, std::size_t begin, std::size_t heading_end) {
  CloseParagraph();
  next_list_item_ = false;
  boundary_ = true;
  const bool opened = out_.sections.size() < kMaxSections;
  if (opened) {
    out_.sections.push_back(std::move(section));
    section_ = static_cast<int>(out_.sections.size()) - 1;
  }
  AddUnit(begin, heading_end, UnitKind::kHeading, -1);
  return opened;
}

// Adds a line to the open paragraph or opens one; a list item's marker is `marker` bytes long.
void Segmenter::AppendLine(std::size_t begin, std::size_t end, UnitKind kind, std::size_t marker) {
  if (!open_) {
    open_ = true;
    para_begin_ = begin;
    para_scan_ = begin + marker;
    para_kind_ = kind;
    para_shape_ = kind == UnitKind::kListItem ? item_shape_ : std::string();
    para_opens_list_ = kind == UnitKind::kListItem && item_opens_list_;
    para_indent_ = kind == UnitKind::kListItem ? item_indent_ : 0;
    para_number_ = kind == UnitKind::kListItem ? item_number_ : std::string();
  }
  para_end_ = end;
}

// Closes the open paragraph; one longer than kMaxParagraphBytes becomes several, cut at line
// breaks where it can be.
void Segmenter::CloseParagraph() {
  if (!open_) return;
  open_ = false;
  std::size_t begin = para_begin_;
  std::size_t scan = para_scan_;
  UnitKind kind = para_kind_;
  while (para_end_ - begin > kMaxParagraphBytes) {
    const std::size_t cut = CutPoint(text_, begin, kMaxParagraphBytes);
    ClosePiece(begin, std::min(scan, cut), cut, kind);
    begin = scan = cut;
    kind = UnitKind::kSentence;
  }
  ClosePiece(begin, std::max(scan, begin), para_end_, kind);
  closed_item_number_ = para_kind_ == UnitKind::kListItem ? para_number_ : std::string();
  closed_item_units_ = out_.units.size();
}

void Segmenter::ClosePiece(std::size_t para_begin, std::size_t scan, std::size_t para_end,
                           UnitKind kind) {
  auto paragraph = static_cast<int>(out_.paragraphs.size());
  std::size_t units = out_.units.size();
  SplitSentences(para_begin, scan, para_end, kind, paragraph);
  const std::vector<ListLead> unmarked = SplitUnmarkedItems(units);
  const std::size_t first_unit = units;
  // A drafting note is no term of the contract: the paragraph, or in brackets up to the unit
  // that closes them. A table of contents split into several units (at "Product(s). 14.6"),
  // each too short to tell, is told by the paragraph.
  const std::string_view text = text_.substr(para_begin, para_end - para_begin);
  if (IsDraftingNote(text)) {
    const bool bracketed = text[0] == '[';
    for (std::size_t u = units; u < out_.units.size(); ++u) {
      out_.units[u].kind = UnitKind::kHeading;
      const Unit& unit = out_.units[u];
      if (bracketed &&
          text_.substr(unit.begin, unit.end - unit.begin).find(']') != std::string_view::npos) {
        break;
      }
    }
  } else if (out_.units.size() > units + 1 && LooksLikeTableOfContents(text)) {
    for (std::size_t u = units; u < out_.units.size(); ++u) out_.units[u].kind = UnitKind::kHeading;
  }
  if (out_.units.size() > first_unit) {
    LinkListLead(first_unit, kind);
    MarkListTitle(first_unit, scan, kind);
  }
  out_.leads.insert(out_.leads.end(), unmarked.begin(), unmarked.end());
  if (out_.units.size() > units) {
    out_.paragraphs.push_back(
        {static_cast<std::uint32_t>(para_begin), static_cast<std::uint32_t>(para_end), section_});
  }
}

void Segmenter::SplitSentences(std::size_t begin, std::size_t scan, std::size_t end, UnitKind kind,
                               int paragraph) {
  // Next '.', '?' and '!' at or after a position, each searched again only once passed.
  std::size_t next[3];
  auto search = [&](int k, std::size_t from) {
    const void* hit = std::memchr(text_.data() + from, ".?!"[k], end - from);
    next[k] = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : end;
  };
  for (int k = 0; k < 3; ++k) search(k, scan);
  auto find = [&](std::size_t from) {
    for (int k = 0; k < 3; ++k) {
      if (next[k] < from) search(k, from);
    }
    return std::min({next[0], next[1], next[2]});
  };
  std::size_t start = begin;
  for (std::size_t i = find(scan); i < end; i = find(i + 1)) {
    std::size_t stop = SentenceEnd(text_, start, end, i);
    if (stop == std::string_view::npos) continue;
    const std::size_t units = out_.units.size();
    AddUnit(start, stop, kind, paragraph);
    // A title run into the text it heads ("... independently. 4.2 Return of Confidential
    // Information. Upon demand ..."), as contracts extracted without line breaks read.
    if (kind == UnitKind::kSentence && out_.units.size() == units + 1 &&
        IsRunInTitle(text_.substr(start, stop - start))) {
      out_.units.back().kind = UnitKind::kHeading;
      out_.units.back().paragraph = -1;
    }
    kind = UnitKind::kSentence;
    start = stop;
    i = stop;
  }
  AddUnit(start, end, kind, paragraph);
}

// Splits the units from first_unit on (one paragraph's) where a list lost its markers, as text
// converted from a PDF does: a line that ends in ':' ends a lead-in, and after it each line that
// ends in ';' (or "; and", "; or") ends an item, until an item ends its sentence. Returns the
// links from those items to their lead-in, in order (issue 11 #2).
std::vector<ListLead> Segmenter::SplitUnmarkedItems(std::size_t first_unit) {
  std::vector<ListLead> links;
  auto line_end_cut = [](std::string_view unit, std::size_t nl, bool in_list) -> bool {
    std::string_view before = unit.substr(0, nl);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty()) return false;
    if (before.back() == ':') return true;
    if (!in_list) return false;
    for (std::string_view end : {"; and", "; or", ";"}) {
      if (before.size() >= end.size() && before.substr(before.size() - end.size()) == end) {
        return true;
      }
    }
    return false;
  };
  // Only paragraphs with a line that ends in ':' before more text are split.
  bool any = false;
  for (std::size_t u = first_unit; u < out_.units.size() && !any; ++u) {
    const std::string_view t =
        text_.substr(out_.units[u].begin, out_.units[u].end - out_.units[u].begin);
    for (std::size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n', nl + 1)) {
      if (out_.units[u].kind != UnitKind::kHeading && line_end_cut(t, nl, false)) any = true;
    }
  }
  if (!any) return links;
  const std::vector<Unit> old(out_.units.begin() + static_cast<std::ptrdiff_t>(first_unit),
                              out_.units.end());
  out_.units.resize(first_unit);
  int lead = -1;  // the lead-in of the open unmarked list
  for (const Unit& unit : old) {
    if (unit.kind == UnitKind::kHeading) {
      out_.units.push_back(unit);
      lead = -1;
      continue;
    }
    const std::string_view t = text_.substr(unit.begin, unit.end - unit.begin);
    std::size_t start = 0;
    UnitKind kind = unit.kind;
    auto add = [&](std::size_t end) {
      const std::size_t before = out_.units.size();
      AddUnitPiece(unit.begin + start, unit.begin + end, lead >= 0 ? UnitKind::kListItem : kind,
                   unit.paragraph);
      if (out_.units.size() == before) return;
      if (lead >= 0) {
        links.push_back({static_cast<std::uint32_t>(before), static_cast<std::uint32_t>(lead)});
      }
      kind = UnitKind::kSentence;
    };
    for (std::size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n', nl + 1)) {
      if (!line_end_cut(t, nl, lead >= 0)) continue;
      const bool opens = Trim(t.substr(0, nl)).back() == ':';
      const std::size_t before = out_.units.size();
      add(nl);
      start = nl + 1;
      if (opens && out_.units.size() > before) lead = static_cast<int>(out_.units.size()) - 1;
    }
    add(t.size());
    // An item that ends its sentence ends the list.
    if (lead >= 0 && !t.empty() && t.back() != ':') lead = -1;
  }
  return links;
}

// A list item with no lead-in whose first sentence only names its subject ("(b) General.", "(c)
// Incident reporting.") is a title: when its text follows in the paragraph, or (the item alone in
// its paragraph) when the next paragraph is plain text or the first item of a list nested under
// it ("(c) Incident reporting." / "(1) The vendor shall ..."), not a sibling or an outer item.
// Items of a run of siblings ("(1) Annual reviews." "(2) Quarterly scans.") stay text.
void Segmenter::MarkListTitle(std::size_t first_unit, std::size_t scan, UnitKind kind) {
  const bool item = kind == UnitKind::kListItem;
  if (pending_title_ >= 0) {
    if (!item ||
        (para_opens_list_ && (para_shape_ != pending_shape_ || para_indent_ != pending_indent_))) {
      Unit& title = out_.units[static_cast<std::size_t>(pending_title_)];
      title.kind = UnitKind::kHeading;
      title.paragraph = -1;
    }
    pending_title_ = -1;
  }
  // After an item that only named its subject, a sibling like it is one of a run of such items.
  const bool sibling = item && last_item_title_ && para_shape_ == last_item_shape_ &&
                       para_indent_ == last_item_indent_;
  last_item_shape_ = item ? para_shape_ : std::string();
  last_item_indent_ = item ? para_indent_ : 0;
  last_item_title_ = false;
  Unit& first = out_.units[first_unit];
  if (!item || first.kind != UnitKind::kListItem || scan >= first.end || scan < first.begin ||
      (!out_.leads.empty() && out_.leads.back().item == first_unit)) {
    return;
  }
  const std::string_view title = Trim(text_.substr(scan, first.end - scan));
  if (title.empty() || title.back() != '.' ||
      !(TitleLike(title.substr(0, title.size() - 1), 10) || IsSentenceCaseTitle(title, true))) {
    return;
  }
  if (out_.units.size() > first_unit + 1) {
    first.kind = UnitKind::kHeading;
    first.paragraph = -1;
    return;
  }
  last_item_title_ = true;
  if (!sibling) {
    pending_title_ = static_cast<int>(first_unit);
    pending_shape_ = para_shape_;
    pending_indent_ = para_indent_;
  }
}

// Links the list item whose units start at first_unit (when kind is kListItem) to the lead-in of
// its list, and opens a lead-in when the paragraph's last unit is one. A paragraph that is not a
// list item ends every list.
void Segmenter::LinkListLead(std::size_t first_unit, UnitKind kind) {
  const Unit& first = out_.units[first_unit];
  // A paragraph indented under a list item that leads in ("- **Hosting:**" then "  Failures of
  // the hosting provider.", Markdown) is that item's text.
  const bool continuation = kind != UnitKind::kListItem && !last_item_shape_.empty() &&
                            Indent(first.begin) > last_item_indent_ && lead_waiting_ &&
                            !leads_.empty() && leads_.back().shape == last_item_shape_ &&
                            leads_.back().indent == last_item_indent_;
  if (continuation) {
    out_.leads.push_back({static_cast<std::uint32_t>(first_unit), leads_.back().unit});
    lead_waiting_ = false;
  } else if (kind == UnitKind::kListItem && first.kind == UnitKind::kListItem) {
    // An item like the one that opened a lead-in is its sibling: that nested list has ended.
    for (std::size_t k = leads_.size(); k-- > 0;) {
      if (!leads_[k].shape.empty() && leads_[k].shape == para_shape_ &&
          leads_[k].indent == para_indent_) {
        leads_.resize(k);
        break;
      }
    }
    if (!leads_.empty()) {
      out_.leads.push_back({static_cast<std::uint32_t>(first_unit), leads_.back().unit});
      lead_waiting_ = false;
    }
  } else {
    leads_.clear();
  }
  const Unit& last = out_.units.back();
  if (last.kind != UnitKind::kHeading && leads_.size() < kMaxLeadDepth &&
      EndsAsLeadIn(text_.substr(last.begin, last.end - last.begin))) {
    const bool item = kind == UnitKind::kListItem;
    std::string shape = item ? para_shape_ : continuation ? last_item_shape_ : std::string();
    const std::size_t indent = item ? para_indent_ : continuation ? last_item_indent_ : 0;
    leads_.push_back({static_cast<std::uint32_t>(out_.units.size() - 1), std::move(shape), indent});
    lead_waiting_ = true;
  }
}

// Adds a unit; one longer than kMaxUnitBytes becomes several, cut at spaces where it can be.
void Segmenter::AddUnit(std::size_t begin, std::size_t end, UnitKind kind, int paragraph) {
  while (end - begin > kMaxUnitBytes) {
    const std::size_t cut = CutPoint(text_, begin, kMaxUnitBytes);
    AddUnitPiece(begin, cut, kind, paragraph);
    begin = cut;
    if (kind == UnitKind::kListItem) kind = UnitKind::kSentence;
  }
  AddUnitPiece(begin, end, kind, paragraph);
}

void Segmenter::AddUnitPiece(std::size_t begin, std::size_t end, UnitKind kind, int paragraph) {
  std::string_view s = Trim(text_.substr(begin, end - begin));
  if (!HasLetter(s)) return;
  if (kind != UnitKind::kHeading && LooksLikeTableOfContents(s)) kind = UnitKind::kHeading;
  if (kind == UnitKind::kHeading) {
    // A heading ends every list; one that ends in a colon ("Exclusions:") leads into the list
    // under it (issue 11 engine A #2), as does one that states the duty its list itemises
    // ("5.1 The Contractor will provide, operate and support the following services").
    leads_.clear();
    if ((s.back() == ':' || HeadingStatesDuty(s)) && leads_.size() < kMaxLeadDepth) {
      leads_.push_back({static_cast<std::uint32_t>(out_.units.size()), std::string(), 0});
      lead_waiting_ = true;
    }
    pending_title_ = -1;  // and leaves a list item above it text
  }
  begin = static_cast<std::size_t>(s.data() - text_.data());
  out_.units.push_back({static_cast<std::uint32_t>(begin),
                        static_cast<std::uint32_t>(begin + s.size()), kind, section_, paragraph});
}

// Bytes of indentation before the line starting at text offset begin, in the document.
std::size_t Segmenter::Indent(std::size_t begin) const {
  if (begin >= source_.size()) return 0;
  std::size_t line_start = begin == 0 ? 0 : source_[begin - 1] + 1;
  return source_[begin] > line_start ? source_[begin] - line_start : 0;
}

}  // namespace

Outline Segment(const NormalizedText& text) {
  Outline outline = Segmenter(text).Run();
  LinkElaborations(text.folded, &outline);
  return outline;
}

}  // namespace clausescan::internal

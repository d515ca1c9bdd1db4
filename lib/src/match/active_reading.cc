#include "match/active_reading.h"

#include <cstddef>
#include <initializer_list>
#include <vector>

namespace clausescan::internal {
namespace {

// The participles turned active, with their base form: acts of notice, of handing over, of
// handling data and of protecting it, and the indemnity. Not the participles that also state a
// condition or a limit ("limited", "permitted", "required", "confirmed", "deemed").
struct Verb {
  std::string_view participle;
  std::string_view base;
};
constexpr Verb kVerbs[] = {
    {"notified", "notify"},       {"informed", "inform"},         {"advised", "advise"},
    {"apprised", "apprise"},      {"alerted", "alert"},           {"told", "tell"},
    {"reported", "report"},       {"escalated", "escalate"},      {"given", "give"},
    {"provided", "provide"},      {"sent", "send"},               {"delivered", "deliver"},
    {"furnished", "furnish"},     {"supplied", "supply"},         {"submitted", "submit"},
    {"used", "use"},              {"processed", "process"},       {"disclosed", "disclose"},
    {"shared", "share"},          {"transferred", "transfer"},    {"transmitted", "transmit"},
    {"stored", "store"},          {"hosted", "host"},             {"retained", "retain"},
    {"kept", "keep"},             {"held", "hold"},               {"maintained", "maintain"},
    {"deleted", "delete"},        {"destroyed", "destroy"},       {"erased", "erase"},
    {"purged", "purge"},          {"returned", "return"},         {"anonymised", "anonymise"},
    {"anonymized", "anonymize"},  {"encrypted", "encrypt"},       {"restricted", "restrict"},
    {"protected", "protect"},     {"secured", "secure"},          {"safeguarded", "safeguard"},
    {"tested", "test"},           {"reviewed", "review"},         {"monitored", "monitor"},
    {"logged", "log"},            {"audited", "audit"},           {"implemented", "implement"},
    {"obtained", "obtain"},       {"conducted", "conduct"},       {"performed", "perform"},
    {"patched", "patch"},         {"remediated", "remediate"},    {"updated", "update"},
    {"trained", "train"},         {"screened", "screen"},         {"vetted", "vet"},
    {"indemnified", "indemnify"}, {"collected", "collect"},       {"accessed", "access"},
    {"sold", "sell"},             {"segregated", "segregate"},    {"separated", "separate"},
    {"isolated", "isolate"},      {"documented", "document"},     {"recorded", "record"},
    {"certified", "certify"},     {"investigated", "investigate"}, {"copied", "copy"},
    {"exported", "export"},       {"migrated", "migrate"},
};

// A token: a run of non-space bytes of the folded unit.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) out.push_back({b, i});
  }
  return out;
}

bool IsPunct(char c) { return c == ',' || c == ';' || c == ':' || c == '.' || c == ')'; }

// The token's word without the punctuation that closes it ("notified," -> "notified").
std::string_view Word(std::string_view text, const Token& t) {
  std::size_t e = t.end;
  while (e > t.begin && IsPunct(text[e - 1])) --e;
  return text.substr(t.begin, e - t.begin);
}

bool IsOneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words) {
    if (w == x) return true;
  }
  return false;
}

// An adverb that may stand inside the verb group ("shall be promptly notified", "is only used").
bool IsAdverb(std::string_view w) {
  return IsOneOf(w, {"only", "also", "then", "always", "further", "first", "solely", "thereafter"}) ||
         (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}

std::string_view BaseOf(std::string_view participle) {
  for (const Verb& v : kVerbs) {
    if (v.participle == participle) return v.base;
  }
  return {};
}

// A list marker or clause number that opens a unit: "(a)", "a)", "1.", "2.3", "-", "•".
bool IsMarker(std::string_view w) {
  if (IsOneOf(w, {"-", "*", "\xE2\x80\xA2"})) return true;
  if (w.empty() || w.size() > 8) return false;
  bool alnum = false;
  for (char c : w) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      alnum = true;
    } else if (c != '(' && c != ')' && c != '.') {
      return false;
    }
  }
  return alnum && (w.front() == '(' || w.back() == ')' || w.back() == '.' ||
                   (w.front() >= '0' && w.front() <= '9'));
}

// A word that opens a clause, so the subject starts after it.
bool OpensClause(std::string_view w) {
  return IsOneOf(w, {"and", "or", "but", "nor", "that", "which", "who", "whom", "if", "when",
                     "whenever", "where", "unless", "once", "after", "before", "until", "then",
                     "while", "whereas", "whether", "whereby", "so", "because", "since",
                     "provided", "upon"});
}

std::string_view ObjectForm(std::string_view w) {
  if (w == "they") return "them";
  if (w == "we") return "us";
  if (w == "he") return "him";
  if (w == "she") return "her";
  if (w == "i") return "me";
  return w;
}

constexpr std::size_t kMaxSubjectWords = 12;

}  // namespace

std::optional<std::string> ActiveReading(std::string_view folded) {
  if (folded.find(" be ") == std::string_view::npos &&
      folded.find(" is ") == std::string_view::npos &&
      folded.find(" are ") == std::string_view::npos) {
    return std::nullopt;
  }
  const std::vector<Token> t = Tokens(folded);
  std::string out;
  std::size_t copied = 0;      // bytes of folded already in out
  std::size_t first_free = 0;  // the first token a subject may start at
  bool changed = false;
  for (std::size_t m = 0; m < t.size(); ++m) {
    const std::string_view modal = folded.substr(t[m].begin, t[m].end - t[m].begin);
    const bool present = IsOneOf(modal, {"is", "are"});
    if (!present && !IsOneOf(modal, {"shall", "will", "must"})) continue;
    std::size_t k = m + 1;
    bool negated = false;
    if (k < t.size() && folded.substr(t[k].begin, t[k].end - t[k].begin) == "not") {
      // "our databases are not encrypted" states a fact, no duty; "shall not be used" a ban.
      if (present) continue;
      negated = true;
      ++k;
    }
    std::vector<std::size_t> adverbs;
    const auto skip_adverbs = [&] {
      while (k < t.size() && t[k].end - t[k].begin == Word(folded, t[k]).size() &&
             IsAdverb(Word(folded, t[k]))) {
        adverbs.push_back(k++);
      }
    };
    skip_adverbs();
    if (!present) {
      if (k >= t.size() || folded.substr(t[k].begin, t[k].end - t[k].begin) != "be") continue;
      ++k;
      skip_adverbs();
    }
    if (k >= t.size()) continue;
    const std::size_t p = k;
    const std::string_view participle = Word(folded, t[p]);
    const std::string_view base = BaseOf(participle);
    if (base.empty()) continue;
    // "shall not be held liable": the subject's own liability, no act on it; "is logged on" a
    // user's session, no log; "to the extent a third party is indemnified" a condition (an
    // indemnity is promised with a modal).
    const std::string_view next = p + 1 < t.size() ? Word(folded, t[p + 1]) : std::string_view();
    if ((participle == "held" && IsOneOf(next, {"liable", "responsible", "accountable"})) ||
        (participle == "logged" && IsOneOf(next, {"on", "in", "into", "out", "onto"})) ||
        (present && participle == "indemnified")) {
      continue;
    }
    // The subject: back from the modal to a stop, a clause opener or the start.
    std::size_t s = m;
    while (s > first_free) {
      const Token& before = t[s - 1];
      const std::string_view w = folded.substr(before.begin, before.end - before.begin);
      if (IsPunct(w.back()) || w.front() == '(' || OpensClause(w)) break;
      if (m - s >= kMaxSubjectWords) break;
      --s;
    }
    while (s < m && IsMarker(folded.substr(t[s].begin, t[s].end - t[s].begin))) ++s;
    if (s == m || m - s > kMaxSubjectWords) continue;
    if (s > first_free && s > 0) {
      const Token& before = t[s - 1];
      const std::string_view w = folded.substr(before.begin, before.end - before.begin);
      if (!IsPunct(w.back()) && w.front() != '(' && !OpensClause(w) && !IsMarker(w)) continue;
    }
    const std::string_view head = folded.substr(t[s].begin, t[s].end - t[s].begin);
    if (IsOneOf(head, {"this", "that", "which", "what", "there", "who", "it's"}) && m - s == 1) {
      continue;
    }
    out.append(folded.substr(copied, t[s].begin - copied));
    out.append(present ? "will" : modal);
    if (negated) out.append(" not");
    for (std::size_t a : adverbs) out.append(" ").append(Word(folded, t[a]));
    out.append(" ").append(base).append(" ");
    if (m - s == 1) {
      out.append(ObjectForm(head));
    } else {
      out.append(folded.substr(t[s].begin, t[m - 1].end - t[s].begin));
    }
    copied = t[p].begin + participle.size();
    first_free = p + 1;
    m = p;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(folded.substr(copied));
  return out;
}

}  // namespace clausescan::internal

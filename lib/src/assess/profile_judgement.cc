// Findings judged against the company profile (issue 13 #2): see clausescan/judgement.h.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/judgement.h"
#include "common/ascii.h"
#include "params/quantities.h"
#include "report/values.h"
#include "rules/builtin_playbook.h"

namespace clausescan {
namespace {

using internal::FormatNumber;

// As `profile check` and `pack`: a valid document that expires within this many days is said.
constexpr long kExpiresSoonDays = 90;
constexpr std::string_view kMetReason = "your profile meets the clause (";
constexpr std::string_view kNotMetReason = "your profile does not meet the clause (";
// True when reason is the data_deletion category's default reason of the built-in playbook
// (rules/playbook.yaml), which a clause with a deadline under 30 days or one that takes in
// backups contradicts.
bool IsGenericDeletionReason(const std::string& reason) {
  const std::string& generic = internal::BuiltinDefaultReason("data_deletion");
  return !generic.empty() && reason.rfind(generic, 0) == 0;
}

// One capability compared with a clause: "OURS; THEIRS: VERDICT".
struct Comparison {
  std::string capability;
  std::string verdict;    // "met", "not_met", "not_compared"
  std::string ours;       // "you notify within 48 h of confirmation"
  std::string theirs;     // "the clause asks 24 h of occurrence"
  std::string words;      // what the verdict says instead of "met", "not met", "not compared"
  bool currency = false;  // not compared because the currencies differ (or one is not stated)
  // The clause read for the comparison contradicts its category's default reason (a deletion
  // deadline under 30 days, or backups included).
  bool contradicts_default = false;
};

const double* Number(const Finding& f, const char* name) {
  auto it = f.parameters.find(name);
  return it == f.parameters.end() ? nullptr : std::get_if<double>(&it->second);
}

const std::string* Word(const Finding& f, const char* name) {
  auto it = f.parameters.find(name);
  return it == f.parameters.end() ? nullptr : std::get_if<std::string>(&it->second);
}

bool Flag(const Finding& f, const char* name) {
  auto it = f.parameters.find(name);
  if (it == f.parameters.end()) return false;
  const bool* flag = std::get_if<bool>(&it->second);
  return flag != nullptr && *flag;
}

std::vector<std::string> List(const Finding& f, const char* name) {
  auto it = f.parameters.find(name);
  if (it == f.parameters.end()) return {};
  if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) return *list;
  if (const auto* word = std::get_if<std::string>(&it->second)) return {*word};
  return {};
}

// 10000000 -> "10,000,000"; 1.5 -> "1.5".
std::string Grouped(double value) {
  if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) >= 1e15) {
    return FormatNumber(value);
  }
  std::string digits = fmt::format("{}", static_cast<long long>(std::fabs(value)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string Money(const std::string& currency, double amount) {
  return currency.empty() ? Grouped(amount) : currency + " " + Grouped(amount);
}

std::string Join(const std::vector<std::string>& parts, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? std::string(last_sep) : std::string(", ");
    out += parts[i];
  }
  return out;
}

bool ContainsAny(const std::string& lower, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// How late a notification clock starts: occurrence (0) before awareness or discovery (1) before
// confirmation (2). A clock that starts earlier is stricter.
int TriggerRank(std::string_view trigger) {
  if (trigger == "occurrence") return 0;
  if (trigger == "confirmation") return 2;
  return 1;
}

// The last words that make a capitalised term a time limit ("Breach Notification Period").
bool IsTimeLimitWord(std::string_view word) {
  for (std::string_view limit : {"Period", "Window", "Time", "Timeframe", "Deadline", "Deadlines",
                                 "Timeline", "Days", "Hours"}) {
    if (word == limit) return true;
  }
  return false;
}

// issue 13 s11 #1: the capitalised term a clause sets its time limit by instead of a figure
// ("within the Breach Notification Period", a term the contract's cover page or order form
// fills in): the term, of two or more capitalised words ending in a time-limit word
// (IsTimeLimitWord); "" when the text states none.
std::string TimeLimitTerm(const std::string& marked) {
  // The words as read: without the HTML tags and Markdown emphasis a term may be marked with
  // ("within the <span class=\"keyterms_link\">Breach Notification Period</span>").
  std::string text;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    const std::size_t close = marked[i] == '<' ? marked.find('>', i) : std::string::npos;
    if (close != std::string::npos && i + 1 < marked.size() &&
        (std::isalpha(static_cast<unsigned char>(marked[i + 1])) || marked[i + 1] == '/')) {
      i = close;
      continue;
    }
    if (marked[i] != '*' && marked[i] != '_') text += marked[i];
  }
  constexpr std::string_view kWithin = "within the ";
  for (std::size_t at = text.find(kWithin); at != std::string::npos;
       at = text.find(kWithin, at + 1)) {
    std::vector<std::string> words;
    std::size_t i = at + kWithin.size();
    while (i < text.size() && std::isupper(static_cast<unsigned char>(text[i]))) {
      std::size_t end = i;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) {
        ++end;
      }
      words.push_back(text.substr(i, end - i));
      if (end >= text.size() || text[end] != ' ') break;
      i = end + 1;
    }
    // The term ends at its last time-limit word ("Notification Period each use ...").
    while (!words.empty() && !IsTimeLimitWord(words.back())) words.pop_back();
    if (words.size() < 2) continue;
    std::string term = words.front();
    for (std::size_t w = 1; w < words.size(); ++w) term += " " + words[w];
    return term;
  }
  return "";
}

// A clause that sets its time limit by a term (TimeLimitTerm), compared with nothing: the
// figure is what the term is given elsewhere (a cover page, an order form), to check.
std::optional<Comparison> TimeLimitByTerm(const std::string& capability, const std::string& term,
                                          const std::string& asks, std::string ours) {
  Comparison c{capability};
  c.ours = std::move(ours);
  c.theirs = "the clause asks " + asks + " within the " + term + ", a term it gives no figure";
  c.verdict = "not_compared";
  c.words =
      "not compared: check the figure the cover page, order form or a definition gives the term";
  return c;
}

std::optional<Comparison> CompareNotification(const Capabilities& caps, const Finding& f) {
  const double* hours = Number(f, "window_hours");
  const double* days = Number(f, "window_days");
  const std::string* stated = Word(f, "trigger");
  if (hours == nullptr && days == nullptr) {
    // issue 13 s9 #1: notice at once is stricter than any window of hours.
    const std::string* vague = Word(f, "vague");
    if (vague == nullptr ||
        (*vague != "immediately" && *vague != "forthwith" && *vague != "without delay")) {
      const std::string term = TimeLimitTerm(f.text);
      if (term.empty()) return std::nullopt;
      return TimeLimitByTerm(
          "notification", term, "notice" + (stated ? " of " + *stated : std::string()),
          caps.notification
              ? "you notify within " + FormatNumber(caps.notification->hours) + " h of " +
                    std::string(NotificationTriggerName(caps.notification->from))
              : "your profile states no notification window");
    }
    Comparison c{"notification"};
    c.theirs = "the clause asks notice " + *vague + (stated ? " of " + *stated : "");
    if (!caps.notification) {
      c.ours = "your profile states no notification window";
      c.verdict = "not_compared";
      return c;
    }
    c.ours = "you notify within " + FormatNumber(caps.notification->hours) + " h of " +
             std::string(NotificationTriggerName(caps.notification->from));
    c.verdict = "not_met";
    return c;
  }
  const std::string trigger = stated != nullptr ? *stated : "awareness";
  const double clause_hours = hours != nullptr ? *hours : *days * 24;
  Comparison c{"notification"};
  c.theirs = "the clause asks " +
             (hours != nullptr ? FormatNumber(*hours) + " h"
                               : FormatNumber(*days) + (Flag(f, "business") ? " business" : "") +
                                     (*days == 1 ? " day" : " days")) +
             " of " + trigger +
             (stated == nullptr ? " (no trigger stated: read as awareness)" : "");
  if (!caps.notification) {
    c.ours = "your profile states no notification window";
    c.verdict = "not_compared";
    return c;
  }
  const NotificationCapability& ours = *caps.notification;
  const std::string from(NotificationTriggerName(ours.from));
  c.ours = "you notify within " + FormatNumber(ours.hours) + " h of " + from;
  const int our_rank = TriggerRank(from);
  const int their_rank = TriggerRank(trigger);
  // issue 13 s10 #6: the triage time counts wherever the clause's clock starts before yours.
  const bool confirm_counts = ours.from == NotificationTrigger::kConfirmation &&
                              their_rank < our_rank && ours.confirm_hours.has_value();
  if (confirm_counts) {
    c.ours += " and confirm within " + FormatNumber(*ours.confirm_hours) + " h of awareness";
  }
  // issue 13 #2: clocks with different starts compare only with the time between the starts.
  if (our_rank == their_rank || (our_rank < their_rank && ours.hours <= clause_hours) ||
      (our_rank > their_rank && ours.hours >= clause_hours)) {
    c.verdict = ours.hours <= clause_hours && our_rank <= their_rank ? "met" : "not_met";
    return c;
  }
  if (confirm_counts && their_rank == 1) {
    c.verdict = ours.hours + *ours.confirm_hours <= clause_hours ? "met" : "not_met";
    return c;
  }
  c.verdict = "not_compared";
  const std::string& first = our_rank < their_rank ? from : trigger;
  const std::string& second = our_rank < their_rank ? trigger : from;
  c.words = "depends on the time from " + first + " to " + second;
  if (our_rank > their_rank) {
    c.words += " (met if it is at most " + FormatNumber(clause_hours - ours.hours) + " h)";
  } else {
    c.words += " (met if it is at least " + FormatNumber(ours.hours - clause_hours) + " h)";
  }
  return c;
}

// What a deletion clause's paragraph says around it (issue 13 s9 #1).
struct DeletionContext {
  // The paragraph asks that no copy stay readable ("no longer readable or reconstructable to
  // any degree"), which takes in the copies in backups.
  bool all_copies = false;
  // The deadline the next sentence sets ("This must be completed within 30 days of
  // termination"), when the clause states none.
  std::optional<double> next_days;
};

std::optional<Comparison> CompareDeletion(const Capabilities& caps, const Finding& f,
                                          const DeletionContext& context) {
  const double* stated_days = Number(f, "delete_days");
  if (stated_days == nullptr && !context.next_days) return std::nullopt;
  const double* days = stated_days != nullptr ? stated_days : &*context.next_days;
  // issue 13 #2: "all copies" takes in the copies in backups.
  const bool all_copies = (Flag(f, "all_copies") || context.all_copies) && !Flag(f, "backups");
  const bool backups = (Flag(f, "backups") || all_copies) && !Flag(f, "backups_retained");
  Comparison c{"deletion"};
  c.theirs = "the clause asks deletion within " + FormatNumber(*days) + " days" +
             (!backups     ? ""
              : all_copies ? " of all copies (backups included)"
                           : " including backups");
  c.contradicts_default = backups || *days < 30;  // issue 13 s8 #3
  if (!caps.deletion_days) {
    c.ours = "your profile states no deletion period";
    c.verdict = "not_compared";
    return c;
  }
  const std::optional<int>& backup_days = caps.backups_deleted_within_days;
  c.ours = fmt::format("you delete within {} days", *caps.deletion_days);
  if (backup_days) c.ours += fmt::format(" and backups age out within {} days", *backup_days);
  if (backups && !backup_days) {
    c.ours += "; your profile states no backup period";
    c.verdict = "not_compared";
    return c;
  }
  const bool met = *caps.deletion_days <= *days && (!backups || *backup_days <= *days);
  c.verdict = met ? "met" : "not_met";
  return c;
}

// What a clause's neighbours say of an audit clause (issue 13 #2).
struct AuditContext {
  // Its section lets audits happen only where the reports are not enough.
  bool reports_first = false;
  // It goes on from a government auditor's access by law (the next audit clause of the same
  // section, a few lines on: "(2) The Contractor shall make available at its offices ...").
  bool statutory = false;
  // issue 13 s9 #5: the other sentences of its paragraph that only state the terms of the audit
  // it grants ("all such audits will be conducted upon 30 days' notice", "Customer will only
  // exercise its audit rights by instructing Provider to comply with the reporting ..."): their
  // terms are the grant's. Set on the paragraph's grant only.
  std::vector<const Finding*> terms;
  // Its terms are judged with the paragraph's grant (it is one of that grant's `terms`).
  bool folded = false;
  // issue 13 s10 #2: another grant of the same audit clause, whose verdict this grant shares
  // (its index in the findings); npos for the clause's first grant and for any other finding.
  std::size_t lead = std::string::npos;
};

// True when f, or one of the sentences whose terms it takes (context.terms), sets flag name.
bool AuditFlag(const Finding& f, const AuditContext& context, const char* name) {
  return Flag(f, name) || std::any_of(context.terms.begin(), context.terms.end(),
                                      [&](const Finding* t) { return Flag(*t, name); });
}

// The number name of f, else of the first of context.terms that states it; nullptr when none.
const double* AuditNumber(const Finding& f, const AuditContext& context, const char* name) {
  if (const double* own = Number(f, name)) return own;
  for (const Finding* t : context.terms) {
    if (const double* number = Number(*t, name)) return number;
  }
  return nullptr;
}

// True when f is a government auditor's access by law. issue 13 s9 #1: an assessment with a
// notice period the contract sets, or one that only counts the auditor among the customer's own
// ("VA, including the Office of Inspector General"), is a contractual audit.
bool Statutory(const Finding& f) {
  if (!Flag(f, "statutory") || Number(f, "notice_days") != nullptr) return false;
  const std::string text = internal::AsciiLower(f.text);
  std::size_t first = std::string::npos;
  for (std::string_view auditor : {"inspector general", "inspectors general", "comptroller general",
                                   "accountability office"}) {
    first = std::min(first, text.find(auditor));
  }
  if (first == std::string::npos) return true;
  const std::size_t including = text.rfind("including", first);
  return including == std::string::npos || first - including > 48;
}

// True when the clause lifts its limit on audits a year in some cases ("no more than once
// annually (unless required under Data Protection Laws or in connection with a Security
// Incident)").
bool LimitLifted(const Finding& f) {
  if (Number(f, "per_year") == nullptr) return false;
  const std::string text = internal::AsciiLower(f.text);
  return ContainsAny(text, {"unless", "except", "other than", "save where", "save in"}) &&
         ContainsAny(text, {"incident", "breach", "required by", "required under", "authority",
                            "regulator", "law"});
}

// The time within which the clause gives access after a request ("access to the Contractor's
// facilities ... within 72 hours of the request"), which leaves at most that much notice; nullopt
// when it states none.
std::optional<internal::Duration> AccessWithinOfARequest(const Finding& f) {
  const std::string text = internal::AsciiLower(f.text);
  if (text.find("request") == std::string::npos) return std::nullopt;
  for (const internal::Duration& d : internal::FindDurations(text)) {
    if (d.notice || d.frequency_period) continue;
    const std::size_t within = text.rfind("within", d.begin);
    if (within == std::string::npos || d.begin - within > 12) continue;
    const std::string after = text.substr(d.end, 24);
    if (after.find("request") != std::string::npos) return d;
  }
  return std::nullopt;
}

// issue 13 s11 #6: true when f's yearly limit is on requests for information (security
// questionnaires, due diligence requests: "All such requests ... may only be made once a
// year"), not on audits: the sentence that states the limit speaks of requests and of no audit
// or inspection.
bool LimitsRequestsNotAudits(const Finding& f) {
  const std::string text = internal::AsciiLower(f.text);
  for (std::string_view limit : {"once a year", "once per year", "once annually", "once in any",
                                 "once every", "per year", "per calendar year", "times a year",
                                 "twice a year", "annually"}) {
    const std::size_t at = text.find(limit);
    if (at == std::string::npos) continue;
    std::size_t begin = text.rfind(". ", at);
    begin = begin == std::string::npos ? 0 : begin + 2;
    std::size_t end = text.find(". ", at);
    if (end == std::string::npos) end = text.size();
    const std::string sentence = text.substr(begin, end - begin);
    return sentence.find("request") != std::string::npos &&
           !ContainsAny(sentence, {"audit", "inspect"});
  }
  return false;
}

// The yearly limit on audits of f, else of the first of context.terms that states one; a limit
// on requests for information (LimitsRequestsNotAudits) is none. nullptr when none.
const double* AuditYearlyLimit(const Finding& f, const AuditContext& context) {
  if (const double* own = Number(f, "per_year"); own != nullptr && !LimitsRequestsNotAudits(f)) {
    return own;
  }
  for (const Finding* t : context.terms) {
    const double* number = Number(*t, "per_year");
    if (number != nullptr && !LimitsRequestsNotAudits(*t)) return number;
  }
  return nullptr;
}

std::optional<Comparison> CompareAudit(const Capabilities& caps, const Finding& f,
                                       const AuditContext& context) {
  // issue 13 #2: a government auditor's access to records by law is no audit right of the
  // other party, and no stance of the profile answers it.
  if (Statutory(f) || context.statutory || context.folded) return std::nullopt;
  const bool onsite = AuditFlag(f, context, "onsite");
  const bool in_lieu =
      AuditFlag(f, context, "reports_in_lieu") || (onsite && context.reports_first);
  const double* notice = AuditNumber(f, context, "notice_days");
  const double* per_year = AuditYearlyLimit(f, context);
  // issue 13 s8 #2: audits at any time or unannounced come without notice.
  const bool at_will = AuditFlag(f, context, "at_will");
  if (!onsite && !in_lieu && notice == nullptr && !at_will && per_year == nullptr) {
    return std::nullopt;
  }
  Comparison c{"audit"};
  std::vector<std::string> terms;
  const bool lifted =
      LimitLifted(f) || std::any_of(context.terms.begin(), context.terms.end(),
                                    [](const Finding* t) { return LimitLifted(*t); });
  if (per_year != nullptr && *per_year >= 1) {
    terms.push_back((*per_year == 1 ? "at most once a year"
                                    : "at most " + FormatNumber(*per_year) + " times a year") +
                    std::string(lifted ? " (more often after an incident or where law or an "
                                         "authority requires)"
                                       : ""));
  }
  if (notice != nullptr) terms.push_back("with " + FormatNumber(*notice) + " days' notice");
  // issue 13 s8 #1: access within hours of a request leaves no longer notice than that;
  // s11 #6: stated by f or by another sentence of its clause (context.terms).
  std::optional<internal::Duration> access;
  if (notice == nullptr) {
    access = AccessWithinOfARequest(f);
    for (std::size_t t = 0; !access && t < context.terms.size(); ++t) {
      access = AccessWithinOfARequest(*context.terms[t]);
    }
  }
  if (access) {
    terms.push_back(access->unit == internal::TimeUnit::kHours
                        ? "within " + FormatNumber(access->value) + " h of a request"
                        : "within " + FormatNumber(access->Days()) + " days of a request");
  }
  if (at_will) terms.push_back(notice != nullptr ? "or without notice" : "without notice");
  if (onsite && in_lieu) terms.push_back("only where reports are not enough");
  c.theirs = std::string("the clause ") +
             (onsite && in_lieu ? "allows on-site audits"
              : onsite          ? "demands on-site audits"
              : in_lieu         ? "accepts reports in lieu of audits"
                                : "allows audits") +
             (terms.empty() ? "" : " " + Join(terms, ", "));
  if (!caps.audit) {
    c.ours = "your profile states no audit stance";
    c.verdict = "not_compared";
    return c;
  }
  const AuditStance& ours = *caps.audit;
  std::vector<std::string> offers;
  if (ours.reports_in_lieu) offers.push_back("reports in lieu of audits");
  if (ours.remote_audits) offers.push_back("remote audits");
  c.ours = offers.empty() ? "you accept audits" : "you offer " + Join(offers, " and ");
  if (ours.notice_days) c.ours += fmt::format(", with {} days' notice", *ours.notice_days);
  if (ours.per_year) c.ours += fmt::format(", at most {} a year", *ours.per_year);
  // An on-site demand is met only by a supplier that accepts audits as they come, or by a
  // clause that lets reports stand in for them.
  const bool onsite_ok = !onsite || in_lieu || offers.empty();
  const bool notice_ok =
      !ours.notice_days || (!at_will && (notice == nullptr || *notice >= *ours.notice_days) &&
                            (!access || access->Days() >= *ours.notice_days));
  // issue 13 s9 #1: a limit the clause lifts is no limit for a supplier that keeps to one.
  const bool per_year_ok =
      !ours.per_year || (per_year != nullptr && !lifted && *per_year <= *ours.per_year);
  c.verdict = onsite_ok && notice_ok && (per_year_ok || per_year == nullptr) ? "met" : "not_met";
  return c;
}

// The policy of type that best answers amount in currency: the largest in that currency, else
// the largest of any currency; nullptr when the profile holds none of that type.
const InsurancePolicy* BestPolicy(const Capabilities& caps, const std::string& type,
                                  const std::string& currency) {
  const InsurancePolicy* best = nullptr;
  for (const InsurancePolicy& policy : caps.insurance) {
    if (!type.empty() && policy.type != type) continue;
    const bool same = policy.currency == currency;
    const bool best_same = best != nullptr && best->currency == currency;
    if (best == nullptr || (same && !best_same) ||
        (same == best_same && policy.amount > best->amount)) {
      best = &policy;
    }
  }
  return best;
}

std::string TypeName(const std::string& type) {
  std::string name = type.empty() ? "" : type;
  std::replace(name.begin(), name.end(), '_', ' ');
  return name.empty() ? "insurance" : name + " insurance";
}

std::optional<Comparison> CompareInsurance(const Capabilities& caps, const Finding& f) {
  const double* amount = Number(f, "amount");
  std::vector<std::string> types = List(f, "types");
  if (amount == nullptr && types.empty()) return std::nullopt;
  const std::string* stated = Word(f, "currency");
  const std::string currency = stated != nullptr ? *stated : "";
  // issue 13 #2: a kind the clause includes in another policy ("general liability, including
  // products-completed operations") is no separate policy.
  for (const std::string& included : List(f, "included")) {
    if (types.size() > 1)
      types.erase(std::remove(types.begin(), types.end(), included), types.end());
  }
  if (types.empty()) types.push_back("");
  Comparison c{"insurance"};
  std::vector<std::string> asked, held;
  bool not_met = false, not_compared = false;
  for (const std::string& type : types) {
    asked.push_back(TypeName(type));
    const InsurancePolicy* policy = BestPolicy(caps, type, currency);
    if (policy == nullptr) {
      held.push_back("no " + TypeName(type));
      not_met = true;
      continue;
    }
    held.push_back(TypeName(type) + " of " + Money(policy->currency, policy->amount));
    if (amount == nullptr) continue;
    if (currency.empty() || policy->currency != currency) {
      not_compared = c.currency = true;
    } else if (policy->amount < *amount) {
      not_met = true;
    }
  }
  c.theirs = "the clause asks " + Join(asked, " and ") +
             (amount != nullptr ? " of " + Money(currency, *amount) : "");
  c.ours = "you hold " + Join(held, " and ");
  c.verdict = not_met ? "not_met" : not_compared ? "not_compared" : "met";
  return c;
}

// The first percentage in cell ("99.9% or higher" -> 99.9); nullopt when it has none.
std::optional<double> PercentIn(std::string_view cell) {
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(cell[i])) ||
        (i > 0 && (std::isdigit(static_cast<unsigned char>(cell[i - 1])) || cell[i - 1] == '.'))) {
      continue;
    }
    std::size_t end = i;
    while (end < cell.size() &&
           (std::isdigit(static_cast<unsigned char>(cell[end])) || cell[end] == '.')) {
      ++end;
    }
    std::size_t sign = end;
    while (sign < cell.size() && cell[sign] == ' ') ++sign;
    if (sign < cell.size() && cell[sign] == '%') {
      try {
        return std::stod(std::string(cell.substr(i, end - i)));
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

// issue 13 s10 #7: the target a table row of the clause sets ("**Target Availability:** | 99.9%
// or higher | None"): a row whose first cell names a target or commitment of availability or
// uptime, and the first percentage of its other cells; nullopt when no row does.
std::optional<double> TableTarget(const std::string& text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view row(text.data() + begin, end - begin);
    begin = end + 1;
    std::size_t bar = row.find('|');
    if (bar == 0) bar = row.find('|', 1);
    if (bar == std::string_view::npos) continue;
    const std::string label = internal::AsciiLower(row.substr(0, bar));
    if (!ContainsAny(label, {"availability", "uptime"}) ||
        !ContainsAny(label, {"target", "commitment", "guarantee", "objective"}) ||
        ContainsAny(label, {"credit", "tier"})) {
      continue;
    }
    if (std::optional<double> percent = PercentIn(row.substr(bar + 1))) {
      if (*percent > 0 && *percent <= 100) return percent;
    }
  }
  return std::nullopt;
}

std::optional<Comparison> CompareUptime(const Capabilities& caps, const Finding& f) {
  const double* stated = Number(f, "percent");
  const std::optional<double> target = stated == nullptr ? TableTarget(f.text) : std::nullopt;
  if (stated == nullptr && !target) return std::nullopt;
  const double* percent = stated != nullptr ? stated : &*target;
  Comparison c{"uptime"};
  c.theirs = (stated != nullptr ? "the clause asks " : "the clause's table sets a target of ") +
             FormatNumber(*percent) + " %";
  if (!caps.uptime_percent) {
    c.ours = "your profile states no uptime";
    c.verdict = "not_compared";
    return c;
  }
  c.ours = "you run at " + FormatNumber(*caps.uptime_percent) + " %";
  c.verdict = *caps.uptime_percent >= *percent ? "met" : "not_met";
  return c;
}

std::optional<Comparison> CompareLiabilityCap(const Capabilities& caps, const Finding& f) {
  const double* months = Number(f, "cap_months_fees");
  const double* amount = Number(f, "cap_amount");
  if (months == nullptr && amount == nullptr) return std::nullopt;
  const std::string* stated = Word(f, "currency");
  const std::string currency = stated != nullptr ? *stated : "";
  Comparison c{"liability_cap"};
  std::vector<std::string> sets;
  if (months != nullptr) sets.push_back(FormatNumber(*months) + " months of fees");
  if (amount != nullptr) sets.push_back(Money(currency, *amount));
  // issue 13 #2: a super-cap (enhanced cap) for some claims is not the general cap the profile
  // accepts.
  const bool super_cap = Flag(f, "super_cap");
  c.theirs =
      std::string("the clause sets ") + (super_cap ? "a super-cap of " : "") + Join(sets, " or ");
  if (!caps.liability_cap) {
    c.ours = "your profile states no liability cap";
    c.verdict = "not_compared";
    return c;
  }
  const LiabilityCapStance& ours = *caps.liability_cap;
  std::vector<std::string> accepts;
  if (ours.months_of_fees)
    accepts.push_back(FormatNumber(*ours.months_of_fees) + " months of fees");
  if (ours.amount) accepts.push_back(Money(ours.currency, *ours.amount));
  c.ours = "you accept a cap of " + Join(accepts, " or ");
  bool met = false, not_met = false;
  if (months != nullptr && ours.months_of_fees) {
    (*months <= *ours.months_of_fees ? met : not_met) = true;
  }
  if (amount != nullptr && ours.amount) {
    if (currency.empty() || currency != ours.currency) {
      c.currency = !met && !not_met;
    } else {
      (*amount <= *ours.amount ? met : not_met) = true;
    }
  }
  c.verdict = not_met ? "not_met" : met ? "met" : "not_compared";
  if (super_cap && c.verdict == "not_met") {
    c.verdict = "not_compared";
    c.words = "not compared (a super-cap for some claims, not the general cap)";
  }
  return c;
}

// The neighbours' say on a finding: AuditContext for audit clauses, DeletionContext for
// deletion clauses.
struct Context {
  AuditContext audit;
  DeletionContext deletion;
};

std::optional<Comparison> CompareFilled(const Capabilities& caps, const Finding& f,
                                        const Context& all) {
  const AuditContext& context = all.audit;
  if (f.category == "incident_notification") return CompareNotification(caps, f);
  if (f.category == "data_deletion") return CompareDeletion(caps, f, all.deletion);
  if (f.category == "audit_rights") return CompareAudit(caps, f, context);
  if (f.category == "insurance") return CompareInsurance(caps, f);
  if (f.category == "sla_uptime") return CompareUptime(caps, f);
  if (f.category == "liability_cap") return CompareLiabilityCap(caps, f);
  return std::nullopt;
}

// True when text holds a blank a template leaves to fill: "[____]", "$[__]", "{cap_multiplier}",
// "[●]" or "[•]".
bool HasUnfilledPlaceholder(const std::string& text) {
  if (text.find("__") != std::string::npos) return true;
  if (text.find("[●]") != std::string::npos || text.find("[•]") != std::string::npos) {
    return true;
  }
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    std::size_t i = open + 1;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '_' || text[i] == ' ')) {
      ++i;
    }
    if (i > open + 1 && i < text.size() && text[i] == '}') return true;
  }
  return false;
}

// issue 13 s8 #3: a template's clause with a blank left to fill gets no met / not met verdict.
std::optional<Comparison> Compare(const Capabilities& caps, const Finding& f,
                                  const Context& context) {
  std::optional<Comparison> c = CompareFilled(caps, f, context);
  if (c && c->verdict != "not_compared" && HasUnfilledPlaceholder(f.text)) {
    c->verdict = "not_compared";
    c->words = "not compared (template: unfilled)";
  }
  return c;
}

std::string VerdictWords(const Comparison& c) {
  if (!c.words.empty()) return c.words;
  if (c.verdict == "met") return "met";
  if (c.verdict == "not_met") return "not met";
  return c.currency ? "not compared (currency)" : "not compared";
}

// Adjusts the finding's risk one level by the verdict and says why in its reasons.
void AdjustRisk(const ProfileJudgement& judgement, Finding& f) {
  const bool met = judgement.verdict == "met";
  if (!met && judgement.verdict != "not_met") return;
  const Risk before = judgement.original_risk;
  Risk after = before;
  if (met && before > Risk::kLow) after = static_cast<Risk>(static_cast<int>(before) - 1);
  if (!met && before < Risk::kHigh) after = static_cast<Risk>(static_cast<int>(before) + 1);
  f.risk = after;
  std::string reason = std::string(met ? kMetReason : kNotMetReason) + judgement.summary + "): ";
  if (after == before) {
    reason += fmt::format("risk stays {}", RiskName(before));
  } else {
    reason += fmt::format("risk {} from {} to {}", met ? "lowered" : "raised", RiskName(before),
                          RiskName(after));
  }
  f.reasons.push_back(std::move(reason));
}

// The profile's document for each of the finding's evidence ids, with notes for those expired,
// not yet valid or missing.
void AddDocuments(const Profile& profile, const CalendarDate& on,
                  const std::optional<CalendarDate>& term_ends, const Finding& f,
                  ProfileJudgement& judgement) {
  // issue 13 s7 #2: a term read from the contract says where.
  const std::string term = !term_ends ? ""
                           : judgement.term_source.empty()
                               ? term_ends->ToString()
                               : term_ends->ToString() + ", the term " + judgement.term_source;
  for (const EvidenceItem& item : f.evidence) {
    ProfileDocument doc{item.id, item.title.empty() ? item.id : item.title};
    const EvidenceFile* file = profile.ValidEvidence(item.id, on);
    if (file == nullptr) {
      for (const EvidenceFile* candidate : profile.EvidenceFor(item.id)) {
        if (file == nullptr || file->valid_until < candidate->valid_until) file = candidate;
      }
    }
    if (file == nullptr && item.id == "soa-excerpt" && !profile.soa.empty()) {
      // issue 13 s8 #2: the excerpt `clausescan pack` writes from the SoA answers it.
      doc.file = "the excerpt of your SoA that clausescan pack writes";
      doc.sharing = std::string(SharingName(Sharing::kNda));
      doc.status = "valid";
    } else if (file == nullptr) {
      doc.status = "missing";
      judgement.notes.push_back("no document in your profile: " + doc.title);
    } else {
      if (!file->title.empty()) doc.title = file->title;
      doc.file = file->file;
      doc.sharing = std::string(SharingName(file->sharing));
      if (file->sharing == Sharing::kInternal) doc.redacted = file->redacted;
      doc.valid_until = file->valid_until.ToString();
      if (file->ValidOn(on)) {
        doc.status = "valid";
        // issue 13 s10 #6: as `profile check` and `pack` warn of it.
        const long days_left = file->valid_until.DaysSinceEpoch() - on.DaysSinceEpoch();
        if (days_left <= kExpiresSoonDays) {
          doc.expires_in_days = static_cast<int>(days_left);
          judgement.notes.push_back(fmt::format("{} expires on {} (in {} {}): renew it",
                                                doc.title, doc.valid_until, days_left,
                                                days_left == 1 ? "day" : "days"));
        }
        if (term_ends && file->valid_until < *term_ends) {  // issue 13 #1
          doc.expires_before_term = true;
          judgement.notes.push_back(
              fmt::format("{} expires {}, before the contract's term ends ({}): plan its renewal",
                          doc.title, doc.valid_until, term));
        }
      } else if (file->valid_until < on) {
        doc.status = "expired";
        judgement.notes.push_back(doc.title + " expired " + doc.valid_until);
      } else {
        doc.status = "not_yet_valid";
        judgement.notes.push_back(doc.title + " is valid only from " + file->issued.ToString());
      }
    }
    judgement.documents.push_back(std::move(doc));
  }
}

// The finding's controls that the SoA excludes or has not (fully) implemented.
void AddGaps(const Profile& profile, const Finding& f, ProfileJudgement& judgement) {
  if (profile.soa.empty()) return;
  for (const Control& control : f.controls) {
    const ControlState state = profile.StateOf(control.id);
    const std::string name =
        control.title.empty() ? control.id : control.id + " (" + control.title + ")";
    std::string gap, note;
    switch (state) {
      case ControlState::kExcluded:
        gap = "excluded";
        note = "demands " + name + ", which your SoA excludes: negotiate or justify";
        break;
      case ControlState::kNotImplemented:
        gap = "not_implemented";
        note = "demands " + name + ", which your SoA has not implemented: implement or negotiate";
        break;
      case ControlState::kPlanned:
        gap = "planned";
        note = "demands " + name +
               ", which your SoA has not implemented (planned): implement or negotiate";
        break;
      case ControlState::kPartial:
        gap = "partial";
        note = "demands " + name +
               ", which your SoA has implemented only in part: complete or negotiate";
        break;
      default:
        continue;
    }
    judgement.gaps.push_back({control.id, control.title, gap});
    judgement.notes.push_back(std::move(note));
  }
}

// Undoes an earlier judgement of f, so that judging again starts from the playbook's risk.
void Unjudge(Finding& f) {
  if (!f.profile) return;
  f.risk = f.profile->original_risk;
  f.reasons.erase(std::remove_if(f.reasons.begin(), f.reasons.end(),
                                 [](const std::string& reason) {
                                   return reason.rfind(kMetReason, 0) == 0 ||
                                          reason.rfind(kNotMetReason, 0) == 0;
                                 }),
                  f.reasons.end());
  f.profile.reset();
}

// Judges f; its verdict is that of `compared` read in `context` (f itself, or the first grant of
// its audit clause).
ProfileJudgement Judge(const Profile& profile, const CalendarDate& on,
                       const std::optional<CalendarDate>& term_ends, const std::string& term_source,
                       Finding& f, const Finding& compared, const Context& context) {
  ProfileJudgement judgement;
  judgement.original_risk = f.risk;
  if (term_ends) {
    judgement.term_ends = term_ends->ToString();
    judgement.term_source = term_source;
  }
  // A duty the other side owes asks nothing of the supplier's ISMS.
  if (f.side == "them" && f.holds == "duty") return judgement;
  if (std::optional<Comparison> c = Compare(profile.capabilities, compared, context)) {
    judgement.capability = c->capability;
    judgement.verdict = c->verdict;
    judgement.summary = c->ours + "; " + c->theirs + ": " + VerdictWords(*c);
    // issue 13 s8 #3: the category's default reason goes where the comparison reads the clause
    // otherwise.
    if (c->contradicts_default && f.positions.empty()) {
      f.reasons.erase(std::remove_if(f.reasons.begin(), f.reasons.end(), IsGenericDeletionReason),
                      f.reasons.end());
    }
  }
  AddDocuments(profile, on, term_ends, f, judgement);
  AddGaps(profile, f, judgement);
  return judgement;
}

// True when f only states terms of an audit its paragraph grants in another sentence: the
// conditions of "such audits", or the other side's own undertaking on how it will audit.
bool StatesAuditTermsOnly(const Finding& f) {
  return Flag(f, "conditions_only") || (f.side == "them" && f.holds == "duty");
}

bool StatesAuditTerms(const Finding& f) {
  return Flag(f, "onsite") || Flag(f, "reports_in_lieu") || Flag(f, "at_will") ||
         Number(f, "notice_days") != nullptr || Number(f, "per_year") != nullptr ||
         AccessWithinOfARequest(f).has_value();
}

bool IsAuditGrant(const Finding& f) {
  return f.category == "audit_rights" && !StatesAuditTermsOnly(f) && !Statutory(f);
}

// True when a and b are of one audit clause: the same numbered section (its heading and lettered
// items, however its paragraphs are wrapped); with no section, the same line.
bool SameAuditClause(const Finding& a, const Finding& b) {
  if (a.section.empty() || b.section.empty()) return a.line == b.line && a.section == b.section;
  return a.section == b.section;
}

// issue 13 s9 #5, s10 #2: the terms an audit clause (SameAuditClause) states in sentences of
// their own go to the first sentence of it that grants the audit, which is judged with them;
// those sentences are then not judged on their own. The clause's other grants give their terms
// to the first one too, and share its verdict (AuditContext::lead): one verdict per clause.
void GatherParagraphTerms(const std::vector<Finding>& findings, std::vector<AuditContext>* out) {
  // A grant that goes on from a government auditor's access by law is not judged: no lead.
  auto is_grant = [&](std::size_t k) {
    return IsAuditGrant(findings[k]) && !(*out)[k].statutory;
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& grant = findings[i];
    if (!is_grant(i)) continue;
    bool first = true;
    for (std::size_t k = 0; k < i && first; ++k) {
      first = !(is_grant(k) && SameAuditClause(findings[k], grant));
    }
    if (!first) continue;
    for (std::size_t j = 0; j < findings.size(); ++j) {
      const Finding& other = findings[j];
      if (j == i || other.category != "audit_rights" || !SameAuditClause(other, grant)) continue;
      if (is_grant(j)) {
        if (StatesAuditTerms(other)) (*out)[i].terms.push_back(&other);
        (*out)[j].lead = i;
        continue;
      }
      if (!StatesAuditTermsOnly(other) || !StatesAuditTerms(other)) continue;
      (*out)[i].terms.push_back(&other);
      (*out)[j].folded = true;
    }
  }
}

// The AuditContext of each finding (findings in document order).
std::vector<AuditContext> AuditContexts(const std::vector<Finding>& findings) {
  constexpr int kStatutoryLines = 6;  // how far a statutory access goes on
  std::vector<AuditContext> out(findings.size());
  std::set<std::string> reports_first;
  for (const Finding& f : findings) {
    if (f.category == "audit_rights" && !f.section.empty() && Flag(f, "reports_in_lieu")) {
      reports_first.insert(f.section);
    }
  }
  const Finding* statutory = nullptr;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.category != "audit_rights") continue;
    out[i].reports_first = !f.section.empty() && reports_first.count(f.section) > 0;
    if (Statutory(f)) {
      statutory = &f;
      continue;
    }
    out[i].statutory = statutory != nullptr && statutory->section == f.section &&
                       f.line > statutory->line && f.line - statutory->line <= kStatutoryLines;
    if (!out[i].statutory) statutory = nullptr;
  }
  GatherParagraphTerms(findings, &out);
  return out;
}

// True when a deletion clause asks that nothing stay readable or recoverable.
bool AsksNoReadableCopy(const Finding& f) {
  if (Flag(f, "all_copies")) return true;
  return ContainsAny(internal::AsciiLower(f.text),
                     {"to any degree", "no longer readable", "not readable", "reconstructable",
                      "reconstructible", "irretrievabl", "unrecoverabl", "cannot be recovered",
                      "not be recovered", "can no longer be recovered"});
}

// The deadline of a sentence that goes on from the clause ("This must be completed within 30
// days of termination"), in days.
std::optional<double> NextSentenceDays(const Finding& f) {
  std::string next = internal::AsciiLower(f.context_after);
  next.erase(0, next.find_first_not_of(" \t\n"));
  if (!ContainsAny(next.substr(0, 6), {"this ", "such ", "these "})) return std::nullopt;
  const std::size_t within = next.find("within");
  if (within == std::string::npos || within > 40 ||
      !ContainsAny(next.substr(0, within), {"complet", "done", "carried out", "performed"})) {
    return std::nullopt;
  }
  for (const internal::Duration& d : internal::FindDurations(next)) {
    if (d.begin >= within && !d.notice && !d.frequency_period) return d.Days();
  }
  return std::nullopt;
}

// The Context of each finding (findings in document order).
std::vector<Context> Contexts(const std::vector<Finding>& findings) {
  const std::vector<AuditContext> audits = AuditContexts(findings);
  std::vector<Context> out(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    out[i].audit = audits[i];
    const Finding& f = findings[i];
    if (f.category != "data_deletion") continue;
    // issue 13 s9 #1: the paragraph's other sentences (same line, same section).
    for (const Finding& other : findings) {
      if (other.category == "data_deletion" && other.line == f.line && other.section == f.section &&
          AsksNoReadableCopy(other)) {
        out[i].deletion.all_copies = true;
      }
    }
    if (Number(f, "delete_days") == nullptr) out[i].deletion.next_days = NextSentenceDays(f);
  }
  return out;
}

}  // namespace

void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on, Report* report) {
  JudgeAgainstProfile(profile, on, std::nullopt, report);
}

void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends, Report* report) {
  JudgeAgainstProfile(profile, on, term_ends, "", report);
}

void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends,
                         const std::string& term_source, Report* report) {
  report->document.profile = profile.path;
  report->document.profile_date = on.ToString();
  report->document.term_ends = term_ends ? term_ends->ToString() : "";
  report->document.term_source = term_ends ? term_source : "";
  const std::vector<Context> contexts = Contexts(report->findings);
  for (std::size_t i = 0; i < report->findings.size(); ++i) {
    Finding& f = report->findings[i];
    Unjudge(f);
    const std::size_t lead = contexts[i].audit.lead;
    const bool shares = lead != std::string::npos;
    ProfileJudgement judgement =
        Judge(profile, on, term_ends, report->document.term_source, f,
              shares ? report->findings[lead] : f, contexts[shares ? lead : i]);
    AdjustRisk(judgement, f);
    f.profile = std::move(judgement);
  }
}

}  // namespace clausescan

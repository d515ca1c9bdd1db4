// What a supplier can promise: the `capabilities:` map of a profile.
#include <fmt/format.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "profile/readers.h"

namespace clausescan::internal {
namespace {

const Names kTriggerNames = {"awareness", "confirmation", "occurrence"};

// The values of the insurance rule's `types` parameter, then the other spellings a profile may
// use, each with the canonical name it stands for.
const Names kInsuranceTypes = {
    "general", "professional", "cyber", "workers_comp", "product",
    "auto",    "umbrella",     "crime", "property",     "directors_officers"};
const std::pair<std::string_view, std::string_view> kInsuranceAliases[] = {
    {"general_liability", "general"},           {"public_liability", "general"},
    {"professional_indemnity", "professional"}, {"professional_liability", "professional"},
    {"errors_and_omissions", "professional"},   {"employers_liability", "workers_comp"},
    {"product_liability", "product"},           {"d_and_o", "directors_officers"},
};

// Reads a whole number from 0 to max, written in digits only (not 1e3 or 30.0).
bool ReadCount(ProfileReader& reader, const YAML::Node& node, const std::string& key,
               const std::string& field, int max, int* out) {
  double value = 0;
  if (!reader.Check(ReadNumber(reader.file(), node, key, &value), field)) return false;
  std::string_view digits = node.Scalar();
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const bool only_digits = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!only_digits || value < 0 || value > max || std::floor(value) != value) {
    reader.Fail(
        node, field,
        fmt::format("'{}' must be a whole number from 0 to {}, found {}", key, max, node.Scalar()));
    return false;
  }
  *out = static_cast<int>(value);
  return true;
}

// Whether code is an ISO 4217 code ICU knows (current or historic), compared as written.
bool IsKnownCurrency(std::string_view code) {
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_ALL, &status);
  if (U_FAILURE(status)) return false;
  bool found = false;
  int32_t length = 0;
  while (const char* next = uenum_next(codes, &length, &status)) {
    if (U_FAILURE(status)) break;
    if (std::string_view(next, static_cast<std::size_t>(length)) == code) {
      found = true;
      break;
    }
  }
  uenum_close(codes);
  return found;
}

// Reads an ISO 4217 currency code: upper case and known to ICU. A known code in another case
// ("usd") is refused with a hint ("did you mean USD?").
bool ReadIsoCurrency(ProfileReader& reader, const YAML::Node& node, const std::string& key,
                     const std::string& field, std::string* out) {
  std::string written;
  if (!reader.Check(ReadString(reader.file(), node, key, &written), field)) return false;
  if (IsKnownCurrency(written)) {
    *out = written;
    return true;
  }
  std::string upper = written;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const bool other_case = upper != written && IsKnownCurrency(upper);
  reader.Fail(
      node, field,
      fmt::format("'{}' must be an ISO 4217 currency code such as USD, found '{}'{}", key,
                  written.substr(0, 40), other_case ? " (did you mean " + upper + "?)" : ""));
  return false;
}

// Reads a number greater than 0 and at most max.
bool ReadPositive(ProfileReader& reader, const YAML::Node& node, const std::string& key,
                  const std::string& field, double max, double* out) {
  if (!reader.Check(ReadNumber(reader.file(), node, key, out), field)) return false;
  if (!(*out > 0 && *out <= max)) {
    reader.Fail(
        node, field,
        fmt::format("'{}' must be more than 0 and at most {}, found {}", key, max, node.Scalar()));
    return false;
  }
  return true;
}

void ReadNotification(ProfileReader& reader, const YAML::Node& node, const std::string& field,
                      std::optional<NotificationCapability>* out) {
  Fields fields;
  if (!reader.Check(Fields::Read(reader.file(), node, "'notification'",
                                 {"hours", "from", "confirm_hours"}, {"hours", "from"}, &fields),
                    field)) {
    return;
  }
  NotificationCapability notification;
  bool ok = ReadPositive(reader, *fields.Find("hours"), "hours", field + ".hours", 24.0 * 366,
                         &notification.hours);
  std::size_t from = 0;
  if (reader.Check(ReadEnum(reader.file(), *fields.Find("from"), "trigger", kTriggerNames, &from),
                   field + ".from")) {
    notification.from = static_cast<NotificationTrigger>(from);
  } else {
    ok = false;
  }
  // issue 13 #2: the time from awareness to confirmation (triage).
  if (const YAML::Node* confirm = fields.Find("confirm_hours")) {
    double hours = 0;
    if (ReadPositive(reader, *confirm, "confirm_hours", field + ".confirm_hours", 24.0 * 366,
                     &hours)) {
      notification.confirm_hours = hours;
    } else {
      ok = false;
    }
  }
  if (ok) *out = notification;
}

void ReadAudit(ProfileReader& reader, const YAML::Node& node, const std::string& field,
               std::optional<AuditStance>* out) {
  Fields fields;
  if (!ReadMapOfKnownKeys(reader, node, "'audit'",
                          {"reports_in_lieu", "remote_audits", "notice_days", "per_year"}, field,
                          &fields)) {
    return;
  }
  AuditStance audit;
  bool ok = true;
  for (auto [key, value] : {std::pair{"reports_in_lieu", &audit.reports_in_lieu},
                            std::pair{"remote_audits", &audit.remote_audits}}) {
    if (const YAML::Node* node = fields.Find(key)) {
      ok = reader.Check(ReadBool(reader.file(), *node, key, value), field + "." + key) && ok;
    }
  }
  if (const YAML::Node* notice = fields.Find("notice_days")) {
    int days = 0;
    if (ReadCount(reader, *notice, "notice_days", field + ".notice_days", 3660, &days)) {
      audit.notice_days = days;
    } else {
      ok = false;
    }
  }
  // issue 13 s9 #1: how many audits a year the supplier accepts at most.
  if (const YAML::Node* per_year = fields.Find("per_year")) {
    int count = 0;
    if (ReadCount(reader, *per_year, "per_year", field + ".per_year", 366, &count)) {
      audit.per_year = count;
    } else {
      ok = false;
    }
  }
  if (ok) *out = audit;
}

void ReadInsurance(ProfileReader& reader, const YAML::Node& node, const std::string& list,
                   std::vector<InsurancePolicy>* out) {
  if (!node.IsSequence()) {
    return reader.Fail(node, list,
                       fmt::format("expected a list for 'insurance', found {}", KindName(node)));
  }
  for (std::size_t i = 0; i < node.size() && !reader.Full(); ++i) {
    const std::string field = ItemField(list, i);
    Fields fields;
    if (!reader.Check(
            Fields::Read(reader.file(), node[i], "insurance policy", {"type", "amount", "currency"},
                         {"type", "amount", "currency"}, &fields),
            field)) {
      continue;
    }
    InsurancePolicy policy;
    policy.line = node[i].Mark().line + 1;
    bool ok = reader.Check(ReadString(reader.file(), *fields.Find("type"), "type", &policy.type),
                           field + ".type");
    if (ok) {
      for (const auto& [alias, canonical] : kInsuranceAliases) {
        if (policy.type == alias) policy.type = std::string(canonical);
      }
      if (std::find(kInsuranceTypes.begin(), kInsuranceTypes.end(), policy.type) ==
          kInsuranceTypes.end()) {
        Names all = kInsuranceTypes;
        for (const auto& alias : kInsuranceAliases) all.push_back(alias.first);
        reader.Fail(
            *fields.Find("type"), field + ".type",
            fmt::format("unknown insurance type '{}': expected {}{}", policy.type.substr(0, 40),
                        OneOf(kInsuranceTypes), DidYouMean(policy.type, all)));
        ok = false;
      }
    }
    ok = ReadPositive(reader, *fields.Find("amount"), "amount", field + ".amount", 1e15,
                      &policy.amount) &&
         ok;
    ok = ReadIsoCurrency(reader, *fields.Find("currency"), "currency", field + ".currency",
                         &policy.currency) &&
         ok;
    if (ok) out->push_back(std::move(policy));
  }
}

void ReadLiabilityCap(ProfileReader& reader, const YAML::Node& node, const std::string& field,
                      std::optional<LiabilityCapStance>* out) {
  Fields fields;
  if (!ReadMapOfKnownKeys(reader, node, "'liability_cap'", {"months_of_fees", "amount", "currency"},
                          field, &fields)) {
    return;
  }
  LiabilityCapStance cap;
  bool ok = true;
  if (const YAML::Node* months = fields.Find("months_of_fees")) {
    double value = 0;
    ok = ReadPositive(reader, *months, "months_of_fees", field + ".months_of_fees", 1200, &value);
    cap.months_of_fees = value;
  }
  const YAML::Node* amount = fields.Find("amount");
  const YAML::Node* currency = fields.Find("currency");
  if (amount != nullptr) {
    double value = 0;
    ok = ReadPositive(reader, *amount, "amount", field + ".amount", 1e15, &value) && ok;
    cap.amount = value;
  }
  if (currency != nullptr) {
    ok = ReadIsoCurrency(reader, *currency, "currency", field + ".currency", &cap.currency) && ok;
  }
  if ((amount != nullptr) != (currency != nullptr)) {
    reader.Fail(node, field, "'amount' and 'currency' go together in 'liability_cap'");
    ok = false;
  } else if (amount == nullptr && !cap.months_of_fees) {
    reader.Fail(node, field,
                "'liability_cap' needs 'months_of_fees', or 'amount' with 'currency', or both");
    ok = false;
  }
  if (ok) *out = cap;
}

}  // namespace

void ReadCapabilities(ProfileReader& reader, const YAML::Node& node, Capabilities* out) {
  const std::string base = "capabilities";
  Fields fields;
  if (!ReadMapOfKnownKeys(reader, node, "'capabilities'",
                          {"notification", "deletion_days", "backups_deleted_within_days", "audit",
                           "insurance", "uptime_percent", "liability_cap"},
                          base, &fields)) {
    return;
  }
  if (const YAML::Node* n = fields.Find("notification")) {
    ReadNotification(reader, *n, base + ".notification", &out->notification);
  }
  for (auto [key, value] :
       {std::pair{"deletion_days", &out->deletion_days},
        std::pair{"backups_deleted_within_days", &out->backups_deleted_within_days}}) {
    if (const YAML::Node* n = fields.Find(key)) {
      int days = 0;
      if (ReadCount(reader, *n, key, base + "." + key, 3660, &days)) *value = days;
    }
  }
  if (const YAML::Node* n = fields.Find("audit"))
    ReadAudit(reader, *n, base + ".audit", &out->audit);
  if (const YAML::Node* n = fields.Find("insurance")) {
    ReadInsurance(reader, *n, base + ".insurance", &out->insurance);
  }
  if (const YAML::Node* n = fields.Find("uptime_percent")) {
    double uptime = 0;
    if (ReadPositive(reader, *n, "uptime_percent", base + ".uptime_percent", 100, &uptime)) {
      out->uptime_percent = uptime;
    }
  }
  if (const YAML::Node* n = fields.Find("liability_cap")) {
    ReadLiabilityCap(reader, *n, base + ".liability_cap", &out->liability_cap);
  }
}

}  // namespace clausescan::internal

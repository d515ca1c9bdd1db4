// The report model: what a scan found in one document, as plain C++ values.
#ifndef CLAUSESCAN_REPORT_H_
#define CLAUSESCAN_REPORT_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clausescan {

// Risk of a clause for a small supplier, ordered: kInfo < kLow < kMedium < kHigh.
enum class Risk { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3 };

// "info", "low", "medium" or "high".
std::string_view RiskName(Risk risk);
// Parses a RiskName (case-insensitive); nullopt for anything else.
std::optional<Risk> ParseRisk(std::string_view name);

// A parameter value: a flag, a number (hours, days, percent, amount...), a word, or a list.
using ParamValue = std::variant<bool, double, std::string, std::vector<std::string>>;

// An ISO/IEC 27001:2022 Annex A control.
struct Control {
  std::string id;     // "A.5.24"
  std::string title;  // "Information security incident management planning and preparation"
};

// A document to prepare that answers a clause (a certificate, a procedure...).
struct EvidenceItem {
  std::string id;     // "incident-response-procedure"
  std::string title;  // "Incident response procedure"
  // What to prepare, in a sentence (from rules/evidence.yaml); "" when the catalogue has none.
  std::string description = {};
};

// The Annex A controls one evidence item of a finding answers for: those of the rules of the
// finding that call for the item (a finding merged from two rules carries both rules' controls
// and evidence, but a sub-processor list one rule asks for has nothing to do with the backup
// controls of the other).
struct EvidenceControls {
  std::string evidence;               // an id of Finding::evidence
  std::vector<std::string> controls;  // ids of Finding::controls
};

// A text the buyer's rationale rests on: a law, regulation, guidance or standard.
struct RationaleSource {
  std::string title;  // "GDPR (Regulation (EU) 2016/679) Art. 33(1)-(2)"
  std::string url;    // the official address of the text
};

// Why the buyer asks for a clause (issue 14): what the enterprise protects or must do, the
// sectors where that holds and the texts that drive it, from the rule's rationale, else its
// category's (rules/<category>/rationale.yaml). Empty (text "") when the scan was asked to
// leave it out (ScanOptions::rationale) or the rule set has none.
struct Rationale {
  std::string text;
  std::vector<std::string> sectors;  // "all", "gdpr-controllers", "eu-financial-entities"...
  // At least one when text is not empty, except for a sector-neutral sentence (docs/rules.md,
  // "Rationale", `neutral`), which may have none.
  std::vector<RationaleSource> sources;
};

// A document of the company profile that answers a finding's evidence (issue 13 #2).
struct ProfileDocument {
  std::string evidence;     // the evidence id the finding's rule calls for
  std::string title;        // the document's title (the profile's, else the catalogue's)
  // As the profile writes it; "" when the profile has none. For "soa-excerpt" with no such
  // document and an SoA in the profile, the excerpt `clausescan pack` generates from the SoA
  // answers it (status "valid", sharing "nda", valid_until "", file a sentence saying so).
  std::string file;
  std::string valid_until;  // YYYY-MM-DD; "" when the profile has none
  // Who may see it: "public", "nda" or "internal" (Sharing); "" when the profile has none.
  std::string sharing;
  // "valid" (on the scan date), "expired" (before the scan date), "not_yet_valid" (issued after
  // it) or "missing" (no document in the profile answers the id).
  std::string status;
  // A valid document that expires before ProfileJudgement::term_ends (issue 13 #1); false when
  // no term is known.
  bool expires_before_term = false;
  // For a valid document that expires within 90 days of the scan date (the judgement's notes say
  // "renew it"), the days left, 0 to 90; -1 otherwise.
  int expires_in_days = -1;
  // For an "internal" document with a redacted copy, that copy as the profile writes it: what
  // may be shared instead of the original (`clausescan pack` copies it); "" otherwise.
  std::string redacted;
};

// An Annex A control a finding maps to that the profile's SoA excludes or has not implemented.
struct ControlGap {
  std::string control;  // "A.8.13"
  std::string title;    // "Information backup"
  std::string state;    // "excluded", "not_implemented", "planned" or "partial"
};

// How a finding stands against the company profile (ScanOptions::profile, issue 13 #2).
struct ProfileJudgement {
  // The capability of the profile compared with the clause: "notification", "deletion",
  // "audit", "insurance", "uptime" or "liability_cap"; "" when the finding has nothing any
  // capability can be compared with (then verdict and summary are "" too).
  std::string capability;
  // "met", "not_met" or "not_compared" (the profile states no such capability, the clause gives
  // no number, or the amounts are in different currencies); "" with capability "".
  std::string verdict;
  // One line with the numbers on both sides: "you notify within 48 h of confirmation; the
  // clause asks 24 h of occurrence: not met".
  std::string summary;
  // The finding's risk before the judgement; Finding::risk is one level lower when met (not
  // below low), one higher when not met (not above high).
  Risk original_risk = Risk::kInfo;
  // One per evidence id of the finding, in its order: the document that answers it.
  std::vector<ProfileDocument> documents;
  std::vector<ControlGap> gaps;  // in the order of the finding's controls
  // The day the contract's term ends (ScanOptions::term_ends), YYYY-MM-DD; "" when not known.
  std::string term_ends;
  // Where term_ends comes from when the contract states its term and no --term-ends was given
  // (issue 13 s7 #2): "read at line 3 (\"initial term of three (3) years\"), counted from
  // 2026-12-06"; "" otherwise.
  std::string term_source;
  // What a reader should act on besides the summary, one sentence each: expired documents
  // ("ISO/IEC 27001 certificate expired 2026-03-01"), evidence with no document ("no document
  // in your profile: Backup policy"), controls the SoA excludes or has not implemented
  // ("demands A.8.13 (Information backup), which your SoA excludes: negotiate or justify"),
  // valid documents that expire before the term ends ("ISO certificate expires 2027-06-30,
  // before the contract's term ends (2027-12-31): plan its renewal").
  std::vector<std::string> notes;
};

// One clause found in a document.
struct Finding {
  std::string rule;      // rule id, e.g. "incident-notification.window"
  std::string category;  // e.g. "incident_notification"
  std::string title;     // the rule's title
  // Byte range of the clause in the document text (the file's own bytes for text and Markdown;
  // the extracted text, as `clausescan text` prints it, for HTML, DOCX and PDF).
  std::size_t start = 0;
  std::size_t end = 0;
  int line = 0;       // 1-based line of `start`
  int column = 0;     // 1-based column of `start`, in characters
  int page = 0;       // 1-based PDF page of `start`; 0 for other formats
  int paragraph = 0;  // 1-based DOCX paragraph of `start` (as in the extracted text); 0 for others
  std::string section;  // the heading the clause sits under, e.g. "9.2 Security Incidents"
  std::string text;     // the clause as written in the document
  // Up to ~60 characters of the document around the clause, within its paragraph, cut at
  // character boundaries (for reports that show the clause in context; not in the JSON).
  std::string context_before;
  std::string context_after;
  // Whose duty or right the clause states: "supplier", "customer", "mutual" (both sides),
  // "third" (a regulator, an independent accountant: neither side) or "" (not said).
  std::string party;
  // That party as the contract names it ("Ehave", "Reseller", "Provider"; "Ehave and CHT" for
  // both sides; "regulatory authority" for a third party); "" only when party is "".
  std::string party_name;
  // Whose it is from the user's side (ScanOptions::party): "us", "them", "both" (mutual),
  // "neither" (a third party) or "" (not said).
  std::string side;
  // "right" when the clause grants the party a right ("may audit", "has the right to"); else
  // "duty" (or "" when party is "").
  std::string holds;
  // True when a category fallback rule found the clause: no specific rule of the category
  // judged it, so its risk is the category's default (docs/rules.md, "Fallback rules").
  bool fallback = false;
  std::map<std::string, ParamValue>
      parameters;  // e.g. {"window_hours": 24, "trigger": "occurrence"}
  Risk risk = Risk::kInfo;
  std::vector<std::string> reasons;    // why this risk, in words a person understands
  std::vector<std::string> positions;  // ids of the playbook positions the clause breaks
  std::vector<Control> controls;
  std::vector<EvidenceItem> evidence;
  // One per item of `evidence`, in its order: the controls of the rules that call for it. A scan
  // fills it; read it with ControlsOfEvidence, which takes an item it does not list (a finding
  // built by hand) as answering for all of `controls`.
  std::vector<EvidenceControls> evidence_controls;
  std::vector<std::string> considerations;  // what people commonly propose instead
  // Why the buyer asks for the clause; its answers are among the considerations, starting
  // "Meets the buyer's need: ".
  Rationale rationale;
  // Every rule that found this clause: `rule` (the primary) first, then the rules whose findings
  // of the same category on the same clause were merged into this one. A scan fills it; printers
  // read an empty list (a finding built by hand) as {rule}.
  std::vector<std::string> rules;
  // How the company profile meets the clause; absent when the scan had no profile.
  std::optional<ProfileJudgement> profile;
};

// The controls of finding.controls (with their titles, in its order) that the evidence item
// `evidence_id` answers for (Finding::evidence_controls); all of finding.controls when
// evidence_controls does not list the item. Empty when the finding has no controls.
std::vector<Control> ControlsOfEvidence(const Finding& finding, std::string_view evidence_id);

// A clause a document of this type is expected to have but does not.
struct MissingClause {
  std::string category;
  std::string reason;
  Risk risk = Risk::kMedium;
};

// A party the contract names in its preamble or definitions.
struct ContractParty {
  std::string name;                // the legal name as written ("Ehave, Inc."); may be ""
  std::vector<std::string> terms;  // what the clauses call it ("Ehave", "Reseller")
  std::string role;                // "supplier", "customer" or "" (the contract does not say)
  std::string side;                // "us", "them" or "" (role unclear), from ScanOptions::party
};

struct DocumentInfo {
  std::string path;       // as given by the caller; "<stdin>" for standard input
  std::string format;     // "txt", "md", "html", "docx", "pdf"
  std::string type;       // guessed: "dpa", "msa", "sla", "security_addendum", "scc", "other"
  std::size_t bytes = 0;  // size of the input (the file, not the extracted text)
  // The parties the contract names, in the order it names them; empty when it names none.
  std::vector<ContractParty> parties;
  std::string user_side;  // the user's side: "supplier" or "customer" (ScanOptions::party)
  // A template still to be completed: unfilled placeholders ("{Customer Name}", "[●]", "[___]",
  // "[insert ...]", "<<...>>") and option lines whose checkbox is not ticked ("[ ]", "☐", a
  // Word checkbox). The text of such options is not scanned: it is no agreed term. 0 when none.
  std::size_t placeholders = 0;
  std::size_t options_not_selected = 0;
  // The buyer sectors the document shows (issue 14; rules/sectors.yaml), best first, such as
  // "us-federal-contractors" or "gdpr-controllers"; empty when it shows none.
  std::vector<std::string> sectors;
  // The company profile the findings were judged against (its path as given) and the date its
  // documents were judged on (YYYY-MM-DD); both "" when the scan had no profile.
  std::string profile;
  std::string profile_date;
  // The day the contract's term ends, as the profile's documents were judged against it
  // (ScanOptions::term_ends), YYYY-MM-DD; "" when not known.
  std::string term_ends;
  // Where it was read (ProfileJudgement::term_source); "" when given by ScanOptions::term_ends.
  std::string term_source;
};

// What SelectFindings left out of a report below a minimum risk, so that a summary of what is
// shown can say what is not ("left out by --min-risk high: 3 findings (1 medium, 2 low)").
// All zero when nothing was left out.
struct LeftOut {
  Risk min_risk = Risk::kInfo;
  std::array<std::size_t, 4> findings_by_risk{};  // indexed by static_cast<int>(Risk)
  std::array<std::size_t, 4> missing_by_risk{};
  // The categories of the findings and missing clauses left out, sorted, each once: a summary
  // matrix shows "filtered" rather than "none" for them.
  std::vector<std::string> categories;
  std::size_t findings() const;
  std::size_t missing() const;
  bool empty() const { return findings() + missing() == 0; }
  // The highest risk left out; kInfo when nothing was.
  Risk WorstRisk() const;
};

struct Report {
  DocumentInfo document;
  std::vector<Finding> findings;  // in document order
  std::vector<MissingClause> missing;
  std::vector<std::string> notes;  // remarks about the document as a whole
  LeftOut left_out;                // what SelectFindings did not keep; empty after a scan

  // The highest risk among findings and missing clauses; kInfo when there are none.
  Risk WorstRisk() const;
};

}  // namespace clausescan

#endif  // CLAUSESCAN_REPORT_H_

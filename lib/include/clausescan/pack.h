// The pre-emptive security pack (issue 13 #3): what a supplier sends the buyer before the
// questions come, built from the scans of the buyer's contracts and the supplier's company
// profile (clausescan/profile.h): per clause, the evidence that answers it; copies of the
// documents that may be shared; an excerpt of the Statement of Applicability with only the
// controls the clauses map to; the sub-processor list; and what is still missing.
#ifndef CLAUSESCAN_PACK_H_
#define CLAUSESCAN_PACK_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "clausescan/date.h"
#include "clausescan/profile.h"
#include "clausescan/report.h"
#include "clausescan/result.h"
#include "clausescan/rules.h"

namespace clausescan {

// A document copied into the pack.
struct PackDocument {
  std::string evidence;  // the evidence id it answers: "iso-certificate"
  std::string title;     // the profile's title, else the catalogue's
  // Who may see the copy: kPublic or kNda as the profile says; the redacted copy of a kInternal
  // document keeps kInternal with `redacted` true. An internal original is never in a pack.
  Sharing sharing = Sharing::kPublic;
  bool redacted = false;
  std::string source;   // the file read: EvidenceFile::path, or its redacted_path
  std::string written;  // that file as the profile writes it: EvidenceFile::file or redacted
  // Where the profile names it, for errors: the profile file, the entry's line and the field
  // ("evidence[5].redacted").
  std::string profile_file;
  int line = 0;
  std::string field;
  // The copy's path inside the pack, '/'-separated, made only of ASCII letters, digits, '.',
  // '-' and '_' between the separators (never "." or ".."):
  // "documents/public/iso-certificate/iso27001-certificate.txt"; the folder is "public", "nda"
  // or "redacted".
  std::string pack_path;
  CalendarDate issued;
  CalendarDate valid_until;
};

// How one evidence id a clause calls for stands.
enum class PackEvidenceStatus {
  kInPack,       // a document valid on the pack's date is copied (PackEvidence::pack_path)
  kInternal,     // the valid document is internal and has no redacted copy: not copied
  kExpired,      // the profile's latest document expired before the pack's date
  kNotYetValid,  // the profile's document is issued after the pack's date
  kMissing,      // no document of the profile answers the id
};
// "in_pack", "internal_only", "expired", "not_yet_valid" or "missing".
std::string_view PackEvidenceStatusName(PackEvidenceStatus status);

struct PackEvidence {
  std::string evidence;  // the id
  std::string title;
  PackEvidenceStatus status = PackEvidenceStatus::kMissing;
  std::string pack_path;    // with kInPack: the copy's path in the pack; else ""
  std::string valid_until;  // YYYY-MM-DD of the document considered; "" with kMissing
  // True when the index lists the copy against the clause: it is in the pack, the profile does
  // not fail the clause (ProfileJudgement "not_met"), its verdict does not depend on what the
  // profile does not say, a specific rule judged it (not only a category's fallback rule, as
  // Finding::fallback), its text has no blank left to fill, and, for the SoA excerpt
  // ("soa-excerpt"), the SoA applies one of the controls the excerpt answers for at the clause
  // (those of the rules that call for it: ControlsOfEvidence, not every control of the clause).
  // With an SoA in the profile, "soa-excerpt" is answered by the pack's generated excerpt (pack_path
  // "documents/nda/soa-excerpt.md"; no PackDocument, valid_until ""), never by a document.
  bool listed = false;
};

// One clause found in a contract, with the evidence that answers it: one per contract, line
// and category (findings of several rules on them are merged).
struct PackClause {
  std::string document;  // the contract's path, as Report::document.path
  int line = 0;
  int page = 0;         // Finding::page: the PDF page; 0 for other formats
  int paragraph = 0;    // Finding::paragraph: the DOCX paragraph; 0 for other formats
  std::string section;  // the heading the clause sits under; "" when none
  std::string category;
  std::string rule;
  std::string title;  // the titles of the rules whose listed evidence it holds: "A; B"
  Risk risk = Risk::kInfo;
  // The profile's judgement (ProfileJudgement::verdict and summary; "not_met" when any merged
  // finding's is); "" when none applies. Not in the index, which the buyer reads: the
  // still-missing list (PackMissingText) says what is not met.
  std::string verdict;
  std::string summary;
  // One per evidence id of the finding, in its order; empty for a duty of the other side (it
  // asks nothing of the supplier's ISMS).
  std::vector<PackEvidence> evidence;
  std::vector<std::string> controls;  // the Annex A ids the clause maps to, in its order
};

// One row of the SoA excerpt.
struct PackSoaRow {
  std::string control;  // "A.5.24"
  std::string title;
  ControlState state = ControlState::kNotListed;
  // The SoA's justification; "" when it has none or no row, and for a kPlanned control (its
  // justification is the supplier's plan, not for the buyer).
  std::string justification;
};
// "yes", "no" (excluded) or "not listed".
std::string_view PackApplicableText(ControlState state);
// "implemented", "partial", "planned", "not implemented" or "" (excluded, not listed).
std::string_view PackStatusText(ControlState state);

// What a reader must still deal with before sending the pack.
enum class PackGapKind {
  kNoDocument,     // evidence a clause calls for that no document of the profile answers
  kInternalOnly,   // evidence whose document is internal with no redacted copy
  kExpired,        // evidence whose document expired before the pack's date
  kNotYetValid,    // evidence whose document is valid only after the pack's date
  kExpiresInTerm,  // a copied document that expires before PackOptions::term_ends
  kExpiresSoon,    // a copied document that expires within 90 days after the pack's date
  kNotMet,         // a clause the profile's capabilities do not meet
  // "check: ...": a clause whose verdict depends on what the profile does not say, or that only a
  // category's fallback rule found (to read); or, subject "term", that no term end is known, so
  // the copied documents were not checked against it.
  kCheck,
  kControlGap,  // a control a clause maps to that the SoA excludes or has not implemented
  kNotInSoa,    // a control a clause maps to that the SoA (when it has rows) does not list
};
// "no_document", "internal_only", "expired", "not_yet_valid", "expires_in_term",
// "expires_soon", "not_met", "check", "control_gap" or "not_in_soa".
std::string_view PackGapKindName(PackGapKind kind);

struct PackGap {
  PackGapKind kind = PackGapKind::kNoDocument;
  std::string subject;  // the evidence id, the control id, or "PATH:LINE" of the clause
  std::string text;     // one sentence for people: "no document in your profile: Backup policy"
};

struct PackOptions {
  // The date documents are judged on (valid, expired).
  CalendarDate as_of = CalendarDate::Today();
  // When the contracts' term is known, its end: a copied document that expires before it is a
  // gap (kExpiresInTerm). `clausescan pack --term-ends` sets it. Unset, the latest term the
  // reports read from their contracts (DocumentInfo::term_ends with a term_source) is used.
  std::optional<CalendarDate> term_ends;
  // The rule set the reports were scanned with: when set, every report is judged again with it
  // (JudgeAgainstProfile with a RuleSet), so each clause lists only the controls and evidence it
  // asks for (docs/rules.md, "asks") even when it was scanned without a profile. Unset, a report
  // not yet judged is judged with every control and document its findings list.
  std::optional<RuleSet> rules;
};

// The whole pack, as plain values; WritePack lays it out as files.
struct Pack {
  std::string profile;  // Profile::path
  CalendarDate as_of;
  std::vector<std::string> contracts;  // Report::document.path of each report, in input order
  std::vector<PackClause> clauses;     // report by report, in document order
  // One per evidence id the index lists against some clause (PackEvidence::listed), ordered by
  // pack_path.
  std::vector<PackDocument> documents;
  // The clauses' controls the SoA has a row for, each once, in Annex A order.
  std::vector<PackSoaRow> soa_excerpt;
  std::vector<Subprocessor> subprocessors;  // the profile's, in its order
  std::vector<PackGap> missing;  // evidence gaps (most asked first), not met by clause, controls
};

// Builds the pack of reports judged against profile (each report should have been scanned with
// ScanOptions::profile, or passed through JudgeAgainstProfile, on options.as_of; findings without
// a judgement are judged here). Only evidence some clause calls for is considered; for each id,
// of the documents valid on as_of that can be shared (public, nda, internal with a redacted
// copy) the one valid longest is copied (an internal one's redacted copy), else nothing, however
// long an internal one without a redacted copy stays valid: an internal original never is. A
// document no clause lists (PackEvidence::listed) is not copied. A copied document that expires
// within 90 days after as_of is a gap (kExpiresSoon). Reads no file. Never fails; thread-safe.
Pack BuildPack(const std::vector<Report>& reports, const Profile& profile,
               const PackOptions& options = {});

struct PackWriteOptions {
  // Replace an existing output that is an earlier pack: a writable zip file that clausescan pack
  // wrote (its first member index.md), or a folder holding an earlier pack (an index.md starting
  // "# Security pack") and only the files that pack wrote, replaced whole. Nothing else is
  // replaced, force or not: another file, a read-only file, a symbolic link (never followed), a
  // device, FIFO or socket, or any other folder (kInvalidArgument, see WritePack).
  bool force = false;
};

// Writes pack to output: a directory, or a zip archive when output ends in ".zip" (any case);
// trailing slashes are ignored ("pack/" is the folder pack). Another archive's name (.tar,
// .tar.gz, .tgz, .tar.bz2, .tar.xz, .7z, .rar) is refused (kInvalidArgument, "only .zip
// archives").
// The directory holds index.md, index.html (one self-contained page: inline style, no script,
// nothing loaded from elsewhere), subprocessors.md, subprocessors.csv, the SoA excerpt as
// documents/nda/soa-excerpt.md and .csv (it shows partial and unimplemented controls: nda
// material) and the documents under documents/ (PackDocument::pack_path); the zip the same
// entries. What is still missing is never written into the pack (see PackMissingText). Written
// atomically: everything goes into a temporary folder (or file) beside output, named
// ".NAME.clausescan-XXXXXX", which is renamed into place only when complete; on failure it is
// removed and output is left as it was. Nothing is written outside that temporary and output. Fails
// (kInvalidArgument) when output exists, is not an empty directory and options.force is false, or
// is a folder other than an earlier pack; when output is the profile's folder or above it;
// (kRuleError, naming the profile file, the document's line and field) when a document's path now
// leaves the profile's folder or is a symlink out of it, or the file is an internal document's
// original (same device and inode) reached by another name; (kIo) when a document is missing or
// cannot be read, or writing fails. Not thread-safe for the same output.
Result<bool> WritePack(const Pack& pack, const Profile& profile, const std::string& output,
                       const PackWriteOptions& options = {});

// The pack's index as Markdown (index.md) and as a self-contained HTML page (index.html): the
// profile and contracts by file name only (no folder), then one row per clause the pack
// answers (a clause with no listed document is left out), placed by line for text, by page
// ("p. 16") for PDF and paragraph ("\u00B6 210") for DOCX, as the scan report does.
std::string PackIndexMarkdown(const Pack& pack);
std::string PackIndexHtml(const Pack& pack);

// What is still missing (Pack::missing) as plain text for the supplier, one item a line
// (PackGap::text), evidence first, then requirements not met, then controls (those the SoA does
// not list: one line naming each id); "" when nothing is. Never part of the pack (not for buyers).
std::string PackMissingText(const Pack& pack);

}  // namespace clausescan

#endif  // CLAUSESCAN_PACK_H_

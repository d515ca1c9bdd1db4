// Scanner: reads a document and reports the security clauses in it.
#ifndef CLAUSESCAN_SCANNER_H_
#define CLAUSESCAN_SCANNER_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/date.h"
#include "clausescan/profile.h"
#include "clausescan/report.h"
#include "clausescan/result.h"
#include "clausescan/rules.h"

namespace clausescan {

class Baseline;  // clausescan/baseline.h

// Which text of a DOCX with tracked changes is scanned.
enum class Revisions {
  kAccepted,  // as it reads with every change accepted (insertions kept, deletions dropped)
  kOriginal,  // as it was before the changes (deletions kept, insertions dropped)
};

// Options of a scan. Each limit is one a hostile input could otherwise push without end. Past a
// limit the input fails with kTooLarge and a message that names the file and the command-line
// option that raises the limit ("big.txt: input is 74144200 bytes, above the limit of 67108864
// bytes (raise the limit with --max-input-size)"); the CLI option column below maps each option
// of the command line to its field.
//   option                  CLI option          default    meaning
//   lossy_utf8              --lossy-utf8        false      replace each invalid UTF-8 byte by
//                                                          '?' (keeps byte offsets) instead of
//                                                          failing with kInvalidUtf8 (text and
//                                                          Markdown)
//   max_input_bytes         --max-input-size    64 MiB     larger inputs fail with kTooLarge
//   max_text_bytes          --max-text-size     0          the text of one document (for HTML,
//                                                          DOCX and PDF the extracted text; for
//                                                          UTF-16 text its UTF-8 conversion):
//                                                          more fails with kTooLarge. Readers
//                                                          stop as the text passes it, so a
//                                                          small input that expands (a footnote
//                                                          referred to again and again, nested
//                                                          lists) costs no more. The matching
//                                                          view (NFKC, which turns some
//                                                          characters into several: U+FDFA into
//                                                          18) counts too, as it is built. 0:
//                                                          max_input_bytes, so a document's text
//                                                          is never larger than a text input may
//                                                          be. Scanning takes about 11 times the
//                                                          text in memory for contract prose, at
//                                                          most about 18 times (one-line
//                                                          headings or list items): 1.2 GB at
//                                                          64 MiB, per document scanned at once
//   max_part_bytes          --max-part-size     32 MiB     a DOCX part (word/document.xml ...)
//                                                          that decompresses to more fails with
//                                                          kTooLarge, whatever the archive
//                                                          declares. Parts are parsed one at a
//                                                          time; a parsed part takes up to about
//                                                          27 times its size (the densest
//                                                          markup), so about 0.9 GiB at the
//                                                          default, per DOCX read at once (a
//                                                          batch on N threads: N times that)
//   max_xml_depth           --max-xml-depth     256        DOCX XML or HTML nested deeper fails
//                                                          with kTooLarge. No entity is ever
//                                                          expanded (DOCX parts with a DTD fail
//                                                          with kCorrupt)
//   max_findings            --max-findings      2000       findings kept per document at or
//                                                          above min_risk: the first ones in
//                                                          document order (with the findings
//                                                          below min_risk among them). Matching
//                                                          stops past them, so memory and report
//                                                          size stay bounded on a document dense
//                                                          with clauses, and the report gets the
//                                                          note "2000 findings shown; the
//                                                          document has more (raise
//                                                          --max-findings)" ("2000 findings at or
//                                                          above high shown; ..." with min_risk);
//                                                          when matching stopped early, missing
//                                                          clauses are not judged. Real contracts
//                                                          have about 120 at most. 0: no limit
//   min_risk                --min-risk          kInfo      the findings max_findings counts:
//                                                          those of this risk or above (after
//                                                          every judgement, the profile's too),
//                                                          as PrintOptions::min_risk shows them;
//                                                          matching goes on until it has found
//                                                          max_findings of them, up to four times
//                                                          the rule hits max_findings take (at
//                                                          least 16384 hits: memory stays
//                                                          bounded); past that the report is cut
//                                                          with the note. Findings below it are
//                                                          kept, not counted
//   party                   --party             "supplier" the user's side: "supplier",
//                                                          "customer" (any case), or the name of
//                                                          a party the contract names in its
//                                                          preamble or definitions ("Ehave",
//                                                          "Reseller"; case-insensitive). Each
//                                                          finding says whose duty or right it is
//                                                          (us, them) and is judged from this
//                                                          side (docs/report-format.md). A name
//                                                          the document does not give fails with
//                                                          kInvalidArgument listing the names it
//                                                          does give
//   revisions               --revisions         kAccepted  the text of a DOCX with tracked
//                                                          changes that is scanned
//   password                --password          ""         opens an encrypted PDF (user or owner
//                                                          password)
//   pdf_time_limit_seconds  --pdf-time-limit    60         poppler reads a PDF in a child
//                                                          process (fork); a PDF that takes
//                                                          longer (a form bomb) fails with
//                                                          kTooLarge. 0 reads it in the calling
//                                                          process, with no limit
//   max_pdf_memory_bytes    --pdf-memory-limit  4 GiB      memory the PDF processes running at
//                                                          once may add together, shared by every
//                                                          Scanner of the process: each PDF is
//                                                          read with a quarter of it (1 GiB at
//                                                          the default) and fails with kTooLarge
//                                                          past its quarter; at most four are
//                                                          read at once, the others wait their
//                                                          turn. 0: no limit. Not applied in
//                                                          builds with AddressSanitizer (the
//                                                          four-at-once rule is)
//   merge_same_clause       (library only)      true       findings of one category whose spans
//                                                          overlap are one finding naming every
//                                                          rule (Finding::rules). false: one
//                                                          finding per rule, as `rules test`
//                                                          checks each rule's own samples
//   rationale               --no-rationale      true       false: findings carry no rationale
//                                                          (Finding::rationale empty) and none
//                                                          of its answers as considerations
//   profile                 --profile           null       a company profile (LoadProfile) each
//                                                          finding is judged against
//                                                          (JudgeAgainstProfile in judgement.h):
//                                                          met or not, the documents that answer
//                                                          it, SoA gaps; risk adjusted. null: no
//                                                          judgement, reports as without it
//   baseline                --baseline          null       findings and missing clauses it
//                                                          holds (Baseline) are left out of the
//                                                          report before max_findings counts, so
//                                                          the limit counts what is shown; the
//                                                          notes say "N findings are accepted in
//                                                          the baseline NAME and left out"
//   profile_date            --as-of             today      the date (UTC) the profile's documents
//                                                          are judged valid or expired on
//   term_ends               --term-ends         null       with profile: the day the contract's
//                                                          term ends; a valid document expiring
//                                                          before it is flagged (issue 13 #1)
//
// Fixed bounds, not options: a DOCX list label is cut at 64 bytes and its level text read up to
// 256 bytes; numbering.xml and styles.xml are read up to 10000 lists, list instances and styles
// each; nested HTML list items are indented 3 spaces per level for 6 levels at most; HTML with
// an element of more than 256 attributes or more than 50,000 distinct element, attribute and
// entity names fails with kTooLarge before it is parsed (libxml2 takes quadratic time on both).
struct ScanOptions {
  bool lossy_utf8 = false;
  std::size_t max_input_bytes = std::size_t{64} << 20;
  std::size_t max_text_bytes = 0;
  std::size_t max_part_bytes = std::size_t{32} << 20;
  int max_xml_depth = 256;
  std::size_t max_findings = 2000;
  Risk min_risk = Risk::kInfo;
  std::string party = "supplier";
  Revisions revisions = Revisions::kAccepted;
  std::string password;
  int pdf_time_limit_seconds = 60;
  std::size_t max_pdf_memory_bytes = std::size_t{4} << 30;
  bool merge_same_clause = true;
  bool rationale = true;
  std::shared_ptr<const Profile> profile;
  std::shared_ptr<const Baseline> baseline;
  std::optional<CalendarDate> profile_date;
  std::optional<CalendarDate> term_ends;
};

// Scans documents with a RuleSet. Cheap to construct. Thread safety: every method is const and
// may be called from several threads at once; the RuleSet is shared, never copied.
class Scanner {
 public:
  explicit Scanner(RuleSet rules, ScanOptions options = {});
  // Moving a Scanner copies it (its rules are shared, its options copied), so a moved-from
  // Scanner scans as before, with the same options.
  Scanner(const Scanner&) = default;
  Scanner& operator=(const Scanner&) = default;
  Scanner(Scanner&& other) : Scanner(static_cast<const Scanner&>(other)) {}
  Scanner& operator=(Scanner&& other) { return *this = static_cast<const Scanner&>(other); }
  ~Scanner() = default;

  // Reads and scans the file at path: text, Markdown, HTML, DOCX or PDF, told apart by content.
  // Errors: kIo (cannot read), kInvalidUtf8, kTooLarge, kUnsupportedFormat, kEncrypted,
  // kCorrupt; each names the path.
  Result<Report> ScanFile(const std::string& path) const;

  // As ScanFile, for a path that must still be a regular file, such as one a folder walk found:
  // anything else there now (a FIFO or device put in its place) fails with kIo "not a regular
  // file (a FIFO)" naming the path, without waiting for a writer or reading it. (ScanFile reads
  // FIFOs, so that a named pipe or process substitution `<(cmd)` can be scanned.)
  Result<Report> ScanRegularFile(const std::string& path) const;

  // Scans bytes already in memory. name is used in messages and in the report. The format is
  // told by content (PDF, DOCX, HTML); otherwise name's extension (".md", ".markdown") selects
  // Markdown and anything else is read as plain text.
  Result<Report> ScanBytes(std::string_view bytes, const std::string& name) const;

  // Reads the stream to its end and scans it (e.g. std::cin with name "<stdin>").
  Result<Report> ScanStream(std::istream& in, const std::string& name) const;

  const RuleSet& rules() const { return rules_; }

 private:
  RuleSet rules_;
  ScanOptions options_;
};

// The text that finding offsets refer to: for text and Markdown, the file's own bytes; for
// HTML, DOCX and PDF, the extracted text. Same errors as Scanner::ScanFile. A path of "-" reads
// standard input, named "<stdin>", as Scanner::ScanStream does. When notes is given, it
// receives what reading the file noted, as a scan's Report::notes begin with them ("the name
// says .txt but the content is a PDF: read as that", "the file is UTF-16 text, ...").
Result<std::string> ExtractText(const std::string& path, const ScanOptions& options = {},
                                std::vector<std::string>* notes = nullptr);

// The normalised matching view of a document's text (NFKC, case-folded, markup and
// hyphenation folded); for inspecting what the rules see. Same errors (and "-") and notes as
// ExtractText.
Result<std::string> NormalizedText(const std::string& path, const ScanOptions& options = {},
                                   std::vector<std::string>* notes = nullptr);

}  // namespace clausescan

#endif  // CLAUSESCAN_SCANNER_H_

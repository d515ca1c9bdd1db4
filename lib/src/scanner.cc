// The scan pipeline: read -> normalise -> segment -> match -> assess -> Report.
#include "clausescan/scanner.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <iterator>
#include <new>
#include <optional>
#include <sstream>

#include "assess/assess.h"
#include "extract/document.h"
#include "match/fallback.h"
#include "match/matcher.h"
#include "report/context.h"
#include "rules/model.h"
#include "structure/doctype.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan {
namespace {

using internal::Document;

constexpr std::size_t kContextChars = 60;  // of Finding::context_before and context_after

// The number of PDFs that may be read at once, each with this fraction of max_pdf_memory_bytes.
constexpr std::size_t kPdfMemoryShares = 4;

internal::ReadOptions ToReadOptions(const ScanOptions& options) {
  internal::ReadOptions read;
  read.lossy_utf8 = options.lossy_utf8;
  read.max_input_bytes = options.max_input_bytes;
  read.max_part_bytes = options.max_part_bytes;
  read.max_text_bytes =
      options.max_text_bytes > 0 ? options.max_text_bytes : options.max_input_bytes;
  read.max_xml_depth = options.max_xml_depth;
  read.original_revisions = options.revisions == Revisions::kOriginal;
  read.password = options.password;
  read.pdf_limits.time = std::chrono::seconds(std::max(options.pdf_time_limit_seconds, 0));
  // The limit is shared by the PDFs read at once: each has a fixed share of it (so whether a
  // PDF fits does not depend on what else is read at the time), and at most kPdfMemoryShares
  // are read at once; the others wait.
  read.pdf_limits.memory_bytes = options.max_pdf_memory_bytes / kPdfMemoryShares;
  read.pdf_limits.shared_memory_bytes = options.max_pdf_memory_bytes;
  read.pdf_limits.time_option = "--pdf-time-limit";
  read.pdf_limits.memory_option = "--pdf-memory-limit";
  return read;
}

// The matching view of a document. It counts against the text limit too: NFKC can make text
// 18 times longer (U+FDFA), and scanning takes memory per byte of this view. kTooLarge naming
// the document past it.
Result<internal::NormalizedText> NormalizeDocument(const Document& doc,
                                                   const ScanOptions& scan_options) {
  internal::NormalizeOptions options;
  options.markdown = doc.format == internal::Format::kMarkdown;
  // Plain text is often converted from a PDF, and a PDF's pages break sentences; Word, HTML and
  // Markdown paragraphs are the author's.
  options.join_sentences_across_blank_lines =
      doc.format == internal::Format::kText || doc.format == internal::Format::kPdf;
  const std::size_t limit = ToReadOptions(scan_options).max_text_bytes;
  std::optional<internal::NormalizedText> text =
      internal::NormalizeWithin(doc.text, options, limit);
  if (!text) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("the text normalised for matching (NFKC: some characters become "
                             "several) is above the limit of {} bytes (raise the limit with "
                             "--max-text-size)",
                             limit),
                 doc.name);
  }
  return *std::move(text);
}

// Builds the finding for one hit, located in the document.
Finding MakeFinding(const internal::RuleSetData& data, const internal::RuleHit& hit,
                    const Document& doc, const internal::NormalizedText& text,
                    const internal::Outline& outline, const internal::LineIndex& lines) {
  const internal::Rule& rule = data.rules[hit.rule];
  Finding finding;
  finding.rule = rule.id;
  finding.category = rule.category;
  finding.title = rule.title;
  auto [start, end] = text.SourceRange(hit.begin, hit.end, doc.text);
  if (doc.format == internal::Format::kMarkdown) {
    // A clause that opens with emphasis ("_Processor_ agrees", "**Customer** shall") quotes its
    // opening marker too, which the normaliser dropped before the clause's first letter.
    for (int markers = 0; markers < 3 && start > 0 && start < end &&
                          (doc.text[start - 1] == '_' || doc.text[start - 1] == '*');
         ++markers) {
      --start;
    }
  }
  finding.start = start;
  finding.end = end;
  finding.line = lines.Line(start);
  finding.column = lines.Column(start);
  internal::SourceSpan source = doc.Locate(start);
  finding.page = source.page;
  finding.paragraph = source.paragraph;
  if (hit.section >= 0) finding.section = outline.sections[hit.section].label;
  finding.text = doc.text.substr(start, end - start);
  finding.context_before = internal::ContextBefore(doc.text, start, kContextChars);
  finding.context_after = internal::ContextAfter(doc.text, end, kContextChars);
  finding.party = std::string(internal::PartyName(hit.party));
  finding.fallback = rule.fallback;
  finding.parameters = hit.parameters;
  internal::Assess(data, rule, finding);
  return finding;
}

// Sets report->document.type from the rule set's document types and lists the clauses that type
// expects but no finding provides. Expects the findings in place.
void AddTypeAndMissing(const internal::RuleSetData& data, const Document& doc,
                       const internal::NormalizedText& text, Report* report) {
  const std::string title = doc.format == internal::Format::kMarkdown
                                ? internal::FrontMatterTitle(doc.text)
                                : std::string();
  const int type = data.doctype_guesser->Guess(title, text.text, text.folded);
  if (type < 0) {
    report->document.type = "other";
    return;
  }
  report->document.type = data.doctypes[type].id;
  report->missing = internal::MissingClauses(data, data.doctypes[type], report->findings,
                                             data.doctype_guesser->Applicable(type, text.folded));
}

// True when text holds nothing but blank space (or nothing at all).
bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Scans a document read in, keeping its first options.max_findings findings (0: all).
Result<Report> ScanDocument(const internal::RuleSetData& data, const Document& doc,
                            const ScanOptions& options) {
  const std::size_t max_findings = options.max_findings;
  Result<internal::NormalizedText> normalized = NormalizeDocument(doc, options);
  if (!normalized) return normalized.error();
  const internal::NormalizedText& text = *normalized;
  internal::Outline outline = internal::Segment(text);
  internal::LineIndex lines(doc.text);
  Report report;
  report.document.path = doc.name;
  report.document.format = std::string(internal::FormatName(doc.format));
  report.document.bytes = doc.input_bytes;
  report.notes = doc.notes;
  if (outline.units.empty()) {
    report.notes.push_back(IsBlank(doc.text) ? "the document is empty: nothing was scanned"
                                             : "the document has no text: nothing was scanned");
  }
  std::vector<internal::RuleHit> hits = data.matcher->Match(text, outline, max_findings);
  internal::ResolveFallbacks(data.rules, text.folded, &hits);
  const bool more = max_findings > 0 && hits.size() > max_findings;
  if (more) hits.resize(max_findings);
  report.findings.reserve(hits.size());
  for (const internal::RuleHit& hit : hits) {
    report.findings.push_back(MakeFinding(data, hit, doc, text, outline, lines));
  }
  if (more) {
    report.notes.push_back(
        fmt::format("{} finding{} shown; the document has more (raise --max-findings)",
                    max_findings, max_findings == 1 ? "" : "s"));
  }
  AddTypeAndMissing(data, doc, text, &report);
  return report;
}

Result<Document> ReadPath(const std::string& path, const ScanOptions& options,
                          internal::FileTypes types = internal::FileTypes::kAny) {
  Result<std::string> bytes = internal::ReadFileBytes(path, options.max_input_bytes, types);
  if (!bytes) return bytes.error();
  return internal::ReadDocument(std::move(*bytes), path, ToReadOptions(options));
}

// Runs scan, turning what escapes it (memory exhausted, a bug) into an error naming `name`, so a
// caller such as a batch thread always gets a value.
template <typename Scan>
Result<Report> ScanGuarded(const std::string& name, Scan scan) {
  try {
    return scan();
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::kTooLarge, "out of memory while scanning", name);
  } catch (const std::exception& e) {
    return Error(ErrorCode::kInternal,
                 fmt::format("internal error: {} (please report it)", e.what()), name);
  }
}

}  // namespace

Scanner::Scanner(RuleSet rules, ScanOptions options)
    : rules_(std::move(rules)), options_(options) {}

Result<Report> Scanner::ScanFile(const std::string& path) const {
  return ScanGuarded(path, [&]() -> Result<Report> {
    Result<Document> doc = ReadPath(path, options_);
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

Result<Report> Scanner::ScanRegularFile(const std::string& path) const {
  return ScanGuarded(path, [&]() -> Result<Report> {
    Result<Document> doc = ReadPath(path, options_, internal::FileTypes::kRegularOnly);
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

Result<Report> Scanner::ScanBytes(std::string_view bytes, const std::string& name) const {
  if (bytes.size() > options_.max_input_bytes) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("input is {} bytes, above the limit of {} bytes (raise the limit "
                             "with --max-input-size)",
                             bytes.size(), options_.max_input_bytes),
                 name);
  }
  return ScanGuarded(name, [&]() -> Result<Report> {
    Result<Document> doc =
        internal::ReadDocument(std::string(bytes), name, ToReadOptions(options_));
    if (!doc) return doc.error();
    return ScanDocument(rules_.data(), *doc, options_);
  });
}

Result<Report> Scanner::ScanStream(std::istream& in, const std::string& name) const {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options_.max_input_bytes) {
      return Error(ErrorCode::kTooLarge,
                   fmt::format("input is above the limit of {} bytes (raise the limit with "
                               "--max-input-size)",
                               options_.max_input_bytes),
                   name);
    }
  }
  if (in.bad()) return Error(ErrorCode::kIo, "read error", name);
  return ScanBytes(bytes, name);
}

Result<std::string> ExtractText(const std::string& path, const ScanOptions& options) {
  Result<Document> doc = ReadPath(path, options);
  if (!doc) return doc.error();
  return std::move(doc->text);
}

Result<std::string> NormalizedText(const std::string& path, const ScanOptions& options) {
  Result<Document> doc = ReadPath(path, options);
  if (!doc) return doc.error();
  Result<internal::NormalizedText> normalized = NormalizeDocument(*doc, options);
  if (!normalized) return normalized.error();
  internal::NormalizedText& text = *normalized;
  // The folded view with the cased view's line breaks, so it reads line by line.
  std::string view = std::move(text.folded);
  for (std::size_t i = 0; i < view.size(); ++i) {
    if (text.text[i] == '\n') view[i] = '\n';
  }
  return view;
}

}  // namespace clausescan

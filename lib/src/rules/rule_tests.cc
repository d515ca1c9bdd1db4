// Runs the rules' annotated samples (*.test.txt, Semgrep style; see docs/rules.md "Test files").
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/rules.h"
#include "clausescan/scanner.h"
#include "extract/document.h"
#include "text/normalize.h"
#include "rules/loader.h"
#include "rules/model.h"
#include "rules/playbook_loader.h"
#include "rules/rule_files.h"

namespace clausescan {
namespace {

using internal::SourceFile;

// A parameter check of an annotation: name=value ("-" means absent).
struct Check {
  std::string name;
  std::string value;
};

struct Annotation {
  bool fire = true;   // ruleid / todoruleid: must fire; ok / todook: must not
  bool todo = false;  // todoruleid / todook: a known gap, never fails
  std::string rule;
  std::vector<Check> checks;
};

// One sample line and the annotations (one or more consecutive lines) right above it.
struct Sample {
  int line = 0;
  std::string text;
  std::vector<Annotation> annotations;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Splits at spaces; a double-quoted part keeps its spaces (name="without undue delay"). When a
// double quote is never closed, *unclosed is the last token as written, from its start.
std::vector<std::string> Tokens(std::string_view text, std::optional<std::string>* unclosed) {
  std::vector<std::string> tokens;
  std::string current;
  bool quoted = false;
  bool any = false;
  std::size_t start = 0;  // where the current token begins in text
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!any) start = i;
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (IsSpace(c) && !quoted) {
      if (any) tokens.push_back(std::move(current));
      current.clear();
      any = false;
    } else {
      current += c;
      any = true;
    }
  }
  if (quoted) *unclosed = std::string(Trim(text.substr(start)));
  if (any) tokens.push_back(std::move(current));
  return tokens;
}

// Where annotations are parsed: the file (as reported) and the rules they may name.
struct ParseContext {
  const std::string& file;
  const RuleSet& rules;
};

Error AnnotationError(const ParseContext& ctx, int line, std::string detail) {
  return Error(ErrorCode::kRuleError, std::move(detail), ctx.file, line);
}

// The parameters rule `id` declares (see internal::ParamsDeclaredBy); views into rules.
internal::Names DeclaredParameters(const RuleSet& rules, const std::string& id) {
  for (const internal::Rule& rule : rules.data().rules) {
    if (rule.id == id) return internal::ParamsDeclaredBy(rule);
  }
  return {};
}

// The annotation keyword at the start of a comment's body, if any ("ruleid", "ok", ...).
std::optional<std::string_view> Keyword(std::string_view body) {
  for (std::string_view keyword : {"todoruleid", "todook", "ruleid", "ok"}) {
    if (body.substr(0, keyword.size()) != keyword) continue;
    const std::string_view rest = body.substr(keyword.size());
    if (rest.empty() || rest.front() == ':' || IsSpace(rest.front())) return keyword;
  }
  return std::nullopt;
}

Result<Annotation> ParseAnnotation(const ParseContext& ctx, int line, std::string_view keyword,
                                   std::string_view rest) {
  Annotation annotation;
  annotation.todo = keyword.substr(0, 4) == "todo";
  annotation.fire = keyword.ends_with("ruleid");
  if (rest.empty() || rest.front() != ':') {
    return AnnotationError(ctx, line,
                           fmt::format("malformed annotation: expected '{}: RULE-ID'", keyword));
  }
  std::optional<std::string> unclosed;
  std::vector<std::string> tokens = Tokens(rest.substr(1), &unclosed);
  if (unclosed) {
    return AnnotationError(
        ctx, line,
        fmt::format("malformed parameter check '{}': the '\"' is never closed", *unclosed));
  }
  if (tokens.empty()) {
    return AnnotationError(ctx, line,
                           fmt::format("malformed annotation: '{}:' needs a rule id", keyword));
  }
  annotation.rule = tokens.front();
  if (ctx.rules.FindRule(annotation.rule) == nullptr) {
    return AnnotationError(ctx, line, fmt::format("unknown rule '{}'", annotation.rule));
  }
  if (!annotation.fire && tokens.size() > 1) {
    return AnnotationError(ctx, line, fmt::format("'{}:' takes no parameter checks", keyword));
  }
  const internal::Names declared = DeclaredParameters(ctx.rules, annotation.rule);
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const std::size_t eq = tokens[i].find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == tokens[i].size()) {
      return AnnotationError(
          ctx, line, fmt::format("malformed parameter check '{}': expected name=value", tokens[i]));
    }
    Check check{tokens[i].substr(0, eq), tokens[i].substr(eq + 1)};
    if (std::find(declared.begin(), declared.end(), check.name) == declared.end()) {
      return AnnotationError(
          ctx, line,
          fmt::format("unknown parameter '{}': rule '{}' declares {}", check.name,
                      annotation.rule,
                      declared.empty() ? "none" : fmt::format("{}", fmt::join(declared, ", "))));
    }
    for (const Check& earlier : annotation.checks) {
      if (earlier.name == check.name) {
        return AnnotationError(ctx, line,
                               fmt::format("parameter '{}' is checked twice", check.name));
      }
    }
    annotation.checks.push_back(std::move(check));
  }
  return annotation;
}

// Reads a test file into samples. Annotations must be followed directly by their sample.
Result<std::vector<Sample>> ParseTestFile(const ParseContext& ctx, std::string_view content) {
  std::vector<Sample> samples;
  Sample pending;  // annotations waiting for their sample
  int pending_line = 0;
  int line = 0;
  for (std::size_t pos = 0; pos < content.size();) {
    std::size_t newline = content.find('\n', pos);
    if (newline == std::string_view::npos) newline = content.size();
    const std::string_view text = Trim(content.substr(pos, newline - pos));
    pos = newline + 1;
    ++line;
    std::optional<std::string_view> keyword;
    if (!text.empty() && text.front() == '#') keyword = Keyword(Trim(text.substr(1)));
    if (keyword) {
      const std::string_view body = Trim(text.substr(1));
      Result<Annotation> annotation =
          ParseAnnotation(ctx, line, *keyword, Trim(body.substr(keyword->size())));
      if (!annotation) return annotation.error();
      if (pending.annotations.empty()) pending_line = line;
      pending.annotations.push_back(std::move(*annotation));
    } else if (!pending.annotations.empty()) {
      if (text.empty() || text.front() == '#') {
        return AnnotationError(ctx, pending_line,
                               "annotation is not followed by a sample on the next line");
      }
      pending.line = line;
      pending.text = std::string(text);
      samples.push_back(std::move(pending));
      pending = Sample();
    }
  }
  if (!pending.annotations.empty()) {
    return AnnotationError(ctx, pending_line, "annotation at the end of the file has no sample");
  }
  return samples;
}

std::string FormatValue(const ParamValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const double* d = std::get_if<double>(&value)) return fmt::format("{}", *d);
  if (const std::string* s = std::get_if<std::string>(&value)) return *s;
  return fmt::format("{}", fmt::join(std::get<std::vector<std::string>>(value), ","));
}

std::optional<double> ParseDouble(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool SameValue(const ParamValue& actual, const std::string& expected) {
  if (const double* d = std::get_if<double>(&actual)) {
    if (std::optional<double> e = ParseDouble(expected)) {
      return std::fabs(*d - *e) <= 1e-9 * std::max(1.0, std::fabs(*e));
    }
  }
  return FormatValue(actual) == expected;
}

// "" when the finding satisfies the check, else what differs ("window_hours is 48, expected 24").
std::string Mismatch(const Finding& finding, const Check& check) {
  auto it = finding.parameters.find(check.name);
  const bool want_absent = check.value == "-";
  if (it == finding.parameters.end()) {
    return want_absent ? "" : fmt::format("{} is absent, expected {}", check.name, check.value);
  }
  if (want_absent) {
    return fmt::format("{} is {}, expected absent", check.name, FormatValue(it->second));
  }
  if (SameValue(it->second, check.value)) return "";
  return fmt::format("{} is {}, expected {}", check.name, FormatValue(it->second), check.value);
}

// The mismatches of one finding, joined with "; " ("" when every check holds).
std::string Mismatches(const Finding& finding, const std::vector<Check>& checks) {
  std::string all;
  for (const Check& check : checks) {
    const std::string mismatch = Mismatch(finding, check);
    if (mismatch.empty()) continue;
    if (!all.empty()) all += "; ";
    all += mismatch;
  }
  return all;
}

// "" when the report satisfies the annotation, else the failure message.
std::string Verify(const Report& report, const Annotation& annotation) {
  std::optional<std::string> first_mismatch;
  for (const Finding& finding : report.findings) {
    if (finding.rule != annotation.rule) continue;
    if (!annotation.fire) return fmt::format("{} fired but should not", annotation.rule);
    std::string mismatch = Mismatches(finding, annotation.checks);
    if (mismatch.empty()) return "";
    if (!first_mismatch) first_mismatch = std::move(mismatch);
  }
  if (!annotation.fire) return "";
  if (first_mismatch) return *first_mismatch;
  return fmt::format("expected {} to fire", annotation.rule);
}

void RunSample(const Scanner& scanner, const std::string& file, const Sample& sample,
               RuleTestSummary* summary) {
  std::optional<Result<Report>> report;
  for (const Annotation& annotation : sample.annotations) {
    if (!report) report.emplace(scanner.ScanBytes(sample.text, file));
    std::string failure = report->ok() ? Verify(**report, annotation)
                                       : fmt::format("scan failed: {}", report->error().message());
    if (annotation.todo) {
      ++summary->todo;
      if (failure.empty()) {
        summary->fixed_todos.push_back(
            RuleTestFailure{file, sample.line,
                            fmt::format("{0}: {1} now holds; make it {2}",
                                        annotation.fire ? "todoruleid" : "todook", annotation.rule,
                                        annotation.fire ? "ruleid" : "ok")});
      }
      continue;
    }
    ++summary->samples;
    if (failure.empty()) {
      ++summary->passed;
    } else {
      summary->failures.push_back(RuleTestFailure{file, sample.line, std::move(failure)});
    }
  }
}

bool IsTestFile(std::string_view name) { return name.ends_with(".test.txt"); }

// An error naming the test file, the line and column of its first invalid UTF-8 byte; nullopt
// when the file is valid UTF-8. A test file is rule data: it is never read lossily.
std::optional<Error> InvalidUtf8InTestFile(const std::string& name, std::string_view content) {
  const std::size_t invalid = internal::FindInvalidUtf8(content);
  if (invalid == std::string_view::npos) return std::nullopt;
  const internal::LineIndex lines(content);
  return Error(ErrorCode::kRuleError,
               fmt::format("invalid UTF-8 at byte {}: a rule test file must be UTF-8", invalid),
               name, lines.Line(invalid), lines.Column(invalid));
}

}  // namespace

Result<RuleTestSummary> RunRuleTests(const RuleSet& rules, const std::string& dir) {
  std::vector<SourceFile> read;
  if (!dir.empty()) {
    Result<std::vector<SourceFile>> files = internal::ReadRuleDirectory(dir);
    if (!files) return files.error();
    read = std::move(*files);
  }
  const std::vector<SourceFile>& files = dir.empty() ? internal::EmbeddedRuleFiles() : read;
  ScanOptions options;
  options.merge_same_clause = false;  // each rule's samples check what that rule reads
  const Scanner scanner(rules, options);
  RuleTestSummary summary;
  for (const SourceFile& file : files) {
    if (!IsTestFile(file.name)) continue;
    const std::string name = internal::PathInRuleDirectory(dir, file.name);
    if (std::optional<Error> invalid = InvalidUtf8InTestFile(name, file.content)) return *invalid;
    Result<std::vector<Sample>> samples = ParseTestFile(ParseContext{name, rules}, file.content);
    if (!samples) return samples.error();
    ++summary.files;
    for (const Sample& sample : *samples) RunSample(scanner, name, sample, &summary);
  }
  for (const internal::Rule& rule : rules.data().rules) {
    for (const internal::Consideration& consideration : rule.considerations) {
      if (!consideration.when.empty() || !consideration.establishes.empty() ||
          consideration.establishes_nothing) {
        continue;
      }
      summary.undeclared.push_back(
          {internal::PathInRuleDirectory(dir, rule.file), consideration.line,
           fmt::format("consideration of {} declares neither 'establishes' nor 'when', so a "
                       "clause that grants it still gets it",
                       rule.id)});
    }
  }
  return summary;
}

}  // namespace clausescan

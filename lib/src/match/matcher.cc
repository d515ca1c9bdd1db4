// Matching works per scope unit. Per scope, every distinct `all` and `none` pattern of the rules
// of that scope lives in a PatternIndex, which finds the patterns that occur in a unit through
// their required literals. A table maps each pattern to the (rule, group) pairs that use it, so
// the per-rule logic (every group hit, no `none` hit) only runs for rules with a pattern in the
// unit, and definitions, duty holders and parameters only for units where a rule holds.
#include "match/matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "match/compiled_rules.h"
#include "match/defined_terms.h"
#include "match/following_deadlines.h"
#include "match/list_extent.h"
#include "match/list_leads.h"
#include "match/measure_headings.h"
#include "match/topic_headings.h"
#include "match/references.h"
#include "match/scope_runner.h"
#include "match/unit_evaluator.h"
#include "params/extract.h"

namespace clausescan::internal {
namespace {

// Builds one scope: distinct patterns and the uses of each.
class ScopeBuilder {
 public:
  void Add(const Rule& rule, int rule_index) {
    for (std::size_t g = 0; g < rule.all.size(); ++g) {
      for (const std::string& pattern : rule.all[g]) {
        AddUse(rule, pattern, PatternUse{rule_index, static_cast<int>(g)});
      }
    }
    for (const std::string& pattern : rule.none) {
      AddUse(rule, pattern, PatternUse{rule_index, kNoneGroup});
    }
  }

  // Builds *out (left empty when no pattern was added); an error names the first rule that uses
  // a pattern RE2 rejects.
  std::optional<Error> Finish(const MatcherOptions& options, ScopePatterns* out) {
    out->use_begin.push_back(0);
    for (const std::vector<PatternUse>& uses : uses_) {
      out->uses.insert(out->uses.end(), uses.begin(), uses.end());
      out->use_begin.push_back(static_cast<int>(out->uses.size()));
    }
    if (auto invalid = out->index.Build(std::move(patterns_), options.each_pattern,
                                        options.patterns_checked)) {
      const auto& [pattern, error] = *invalid;
      return Error(ErrorCode::kRuleError,
                   fmt::format("invalid pattern '{}': {}", out->index.pattern(pattern), error),
                   *origins_[pattern].file, origins_[pattern].line);
    }
    return std::nullopt;
  }

 private:
  struct Origin {
    const std::string* file;
    int line;
  };

  void AddUse(const Rule& rule, const std::string& pattern, PatternUse use) {
    auto [it, inserted] = index_.emplace(pattern, static_cast<int>(patterns_.size()));
    if (inserted) {
      patterns_.push_back(pattern);
      origins_.push_back(Origin{&rule.file, rule.line});
      uses_.emplace_back();
    }
    uses_[it->second].push_back(use);
  }

  std::map<std::string, int> index_;
  std::vector<std::string> patterns_;
  std::vector<Origin> origins_;  // the first rule that uses each pattern
  std::vector<std::vector<PatternUse>> uses_;
};

// Paragraphs that hold some text besides headings (paragraph rules skip the others).
std::vector<char> ParagraphsWithText(const Outline& outline) {
  std::vector<char> has_text(outline.paragraphs.size(), 0);
  for (const Unit& unit : outline.units) {
    if (unit.kind == UnitKind::kHeading) continue;
    if (unit.paragraph >= 0 && static_cast<std::size_t>(unit.paragraph) < has_text.size()) {
      has_text[unit.paragraph] = 1;
    }
  }
  return has_text;
}

}  // namespace

struct Matcher::Impl : CompiledRules {
  std::vector<RuleDurations> durations;  // by rule, for TakeDeadlinesFromNextSentence
  std::shared_ptr<const ConceptReadings> term_readings;  // may be null
};

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties) {
  return Compile(rules, parties, MatcherOptions());
}

Result<std::unique_ptr<Matcher>> Matcher::Compile(
    const std::vector<Rule>& rules, const PartyLexicon& parties, const MatcherOptions& options,
    std::shared_ptr<const ConceptReadings> term_readings) {
  std::unique_ptr<Matcher> matcher(new Matcher());
  Impl& impl = *matcher->impl_;
  impl.term_readings = std::move(term_readings);
  impl.parties = parties;
  ScopeBuilder sentence;
  ScopeBuilder paragraph;
  ParamExtractor::Pool shared_params;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    Result<ParamExtractor> params =
        ParamExtractor::Compile(rule.parameters, rule.file, &shared_params);
    if (!params) return params.error();
    CompiledRule compiled{rule.party,
                          rule.definitions,
                          rule.measure_headings,
                          static_cast<int>(rule.all.size()),
                          impl.total_groups,
                          std::move(*params),
                          rule.category};
    impl.total_groups += compiled.groups;
    impl.rules.push_back(std::move(compiled));
    (rule.scope == Scope::kParagraph ? paragraph : sentence).Add(rule, static_cast<int>(i));
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    impl.durations.push_back({&impl.rules[i].params, DurationNames(rules[i].parameters)});
  }
  if (auto error = sentence.Finish(options, &impl.sentence)) return *error;
  if (auto error = paragraph.Finish(options, &impl.paragraph)) return *error;
  return matcher;
}

std::vector<RuleHit> Matcher::Match(const NormalizedText& text, const Outline& outline,
                                    std::size_t max_hits, const PartyLexicon* parties) const {
  const PartyLexicon& lexicon = parties != nullptr ? *parties : impl_->parties;
  // Each scope's hits come in document order, so the first `keep` of the merged list are among
  // the first `keep` of each scope: a scope stops once it has that many.
  // max_hits 0 and the largest size (whose + 1 would wrap to 0) both keep every hit.
  const std::size_t keep = max_hits == 0 || max_hits == SIZE_MAX ? SIZE_MAX : max_hits + 1;
  std::vector<RuleHit> hits;
  UnitEvaluator evaluator(*impl_);
  const DefinedTerms defined = CollectDefinedTerms(text, outline, impl_->term_readings.get());
  if (!impl_->sentence.empty()) {
    Antecedents antecedents;
    ScopeRunner runner(*impl_, lexicon, impl_->sentence, text, defined, &evaluator, &hits,
                       &antecedents);
    ListLeads leads(outline, text.folded, lexicon);
    MeasureHeadings measures(outline, text.folded, lexicon);
    TopicHeadings topics(outline, text.folded);
    for (std::size_t u = 0; u < outline.units.size(); ++u) {
      if (hits.size() >= keep) break;
      const Unit& unit = outline.units[u];
      if (unit.begin >= unit.end || unit.end > text.folded.size()) continue;  // never, by Segment
      const std::string_view said =
          std::string_view(text.folded).substr(unit.begin, unit.end - unit.begin);
      if (unit.kind == UnitKind::kHeading) {
        antecedents.See(
            said, unit.section, /*heading=*/true,
            unit.section >= 0 && static_cast<std::size_t>(unit.section) < outline.sections.size()
                ? outline.sections[unit.section].level
                : 0);
        continue;
      }
      const bool under_measures = measures.Under(u) && ReadsAsMeasure(said);
      runner.Run(unit.begin, unit.end, unit.section, &leads, u, under_measures, topics.Of(u));
      antecedents.See(said, unit.section);
    }
  }
  // "... of any Security Incident. The notice shall be given within 24 hours." (limits 3 #2)
  TakeDeadlinesFromNextSentence(outline, text.folded, impl_->durations, 0, &hits);
  ExtendListClauses(outline, text.folded, lexicon, &hits);
  const std::size_t sentence_hits = hits.size();
  if (!impl_->paragraph.empty()) {
    const std::vector<char> has_text = ParagraphsWithText(outline);
    ScopeRunner runner(*impl_, lexicon, impl_->paragraph, text, defined, &evaluator, &hits);
    for (std::size_t p = 0; p < outline.paragraphs.size(); ++p) {
      if (hits.size() - sentence_hits >= keep) break;
      const Paragraph& paragraph = outline.paragraphs[p];
      if (has_text[p]) runner.Run(paragraph.begin, paragraph.end, paragraph.section);
    }
  }
  // Paragraph hits, and list items reported from their lead-in, start before hits already made.
  const auto by_place = [](const RuleHit& a, const RuleHit& b) {
    return std::tie(a.begin, a.rule, a.end) < std::tie(b.begin, b.rule, b.end);
  };
  if (!std::is_sorted(hits.begin(), hits.end(), by_place)) {
    std::sort(hits.begin(), hits.end(), by_place);
  }
  if (hits.size() > keep) hits.resize(keep);
  return hits;
}

}  // namespace clausescan::internal

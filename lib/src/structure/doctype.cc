// Document type guess: title lines first, weighted body signals second (see doctype.h).
#include "structure/doctype.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>

namespace clausescan::internal {
namespace {

// The budget of each compiled pattern and of the signal set, as for rules.
constexpr std::int64_t kMaxMem = std::int64_t{64} << 20;

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(kMaxMem);
  return options;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

int CountWords(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Splits off the first line of *text (without its '\n').
std::string_view NextLine(std::string_view* text) {
  const std::size_t end = text->find('\n');
  std::string_view line = text->substr(0, end);
  text->remove_prefix(end == std::string_view::npos ? text->size() : end + 1);
  return line;
}

std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

// "(?:a)|(?:b)": matches where any of patterns does.
std::string Alternation(const std::vector<std::string>& patterns) {
  std::string out;
  for (const std::string& pattern : patterns) {
    if (!out.empty()) out += '|';
    out += "(?:" + pattern + ")";
  }
  return out;
}

}  // namespace

std::string FrontMatterTitle(std::string_view text) {
  if (Trim(NextLine(&text)) != "---") return "";
  while (!text.empty()) {
    const std::string_view line = NextLine(&text);
    const std::string_view trimmed = Trim(line);
    if (trimmed == "---" || trimmed == "...") break;
    if (line.substr(0, 6) == "title:") return std::string(Unquote(Trim(line.substr(6))));
  }
  return "";
}

std::vector<std::string_view> TitleLines(std::string_view front_matter_title, std::string_view text,
                                         std::string_view folded) {
  std::vector<std::string_view> lines;
  if (!Trim(front_matter_title).empty()) lines.push_back(Trim(front_matter_title));
  int seen = 0;
  std::size_t begin = 0;
  while (begin < text.size() && begin < folded.size() && seen < kTitleLines) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(folded.substr(begin, end - begin));
    begin = end + 1;
    if (line.empty()) continue;
    ++seen;
    if (CountWords(line) <= kTitleWords) lines.push_back(line);
  }
  return lines;
}

struct DocTypeGuesser::Impl {
  struct Title {
    int type = 0;
    std::unique_ptr<RE2> re;
  };
  struct Signal {
    int type = 0;
    double weight = 0;
    std::unique_ptr<RE2> re;  // for the fallback when the set runs out of memory
  };
  std::vector<Title> titles;  // in type order, then pattern order
  std::vector<Signal> signals;
  std::vector<double> thresholds;  // per type
  // Per type, per expectation: its applies_if patterns as one alternation, or null.
  std::vector<std::vector<std::unique_ptr<RE2>>> applies_if;
  std::unique_ptr<RE2::Set> signal_set;  // null when there are no signals
  // A pack checked at build time compiles each part on its first use (issue 12: start-up): an
  // empty document asks only the signal set, no document the signals' own patterns unless the
  // set runs out of memory. The types, and the once of each part (Parts).
  std::vector<DocType> pending;
  std::once_flag titles_once;
  std::once_flag signals_once;
  std::once_flag fallback_once;
  std::once_flag applies_if_once;

  std::size_t fallbacks_built = 0;  // signals whose own pattern the fallback compiled
};

DocTypeGuesser::DocTypeGuesser() : impl_(std::make_unique<Impl>()) {}
DocTypeGuesser::~DocTypeGuesser() = default;

// Compiles the parts of types into impl (empty in those parts). An error names file and the
// type's line.
std::optional<Error> DocTypeGuesser::Build(const std::vector<DocType>& types,
                                           const std::string& file, unsigned parts, Impl* out) {
  Impl& impl = *out;
  if (parts & kSignals) {
    impl.signal_set = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
  }
  for (std::size_t t = 0; t < types.size(); ++t) {
    const DocType& type = types[t];
    const int index = static_cast<int>(t);
    auto fail = [&](const std::string& pattern, const std::string& why) {
      return Error(ErrorCode::kRuleError,
                   fmt::format("document type '{}': pattern '{}': {}", type.id, pattern, why), file,
                   type.line);
    };
    if (parts & kTitles) {
      for (const std::string& pattern : type.titles) {
        auto re = std::make_unique<RE2>(pattern, PatternOptions());
        if (!re->ok()) return fail(pattern, re->error());
        impl.titles.push_back({index, std::move(re)});
      }
    }
    for (const DocTypeSignal& signal : type.signals) {
      if (!(parts & (kSignals | kSignalFallback))) break;
      std::unique_ptr<RE2> re;
      if (parts & kSignalFallback) {
        re = std::make_unique<RE2>(signal.pattern, PatternOptions());
        if (!re->ok()) return fail(signal.pattern, re->error());
      }
      if (parts & kSignals) {
        std::string error;
        if (impl.signal_set->Add(signal.pattern, &error) < 0) return fail(signal.pattern, error);
        impl.signals.push_back({index, signal.weight, std::move(re)});
      } else if (impl.fallbacks_built < impl.signals.size()) {
        impl.signals[impl.fallbacks_built++].re = std::move(re);
      }
    }
    if (parts & kSignals) impl.thresholds.push_back(type.threshold);
    if (parts & kAppliesIf) {
      std::vector<std::unique_ptr<RE2>>& applies_if = impl.applies_if.emplace_back();
      for (const Expectation& expectation : type.expects) {
        std::unique_ptr<RE2>& re = applies_if.emplace_back();
        if (expectation.applies_if.empty()) continue;
        const std::string pattern = Alternation(expectation.applies_if);
        re = std::make_unique<RE2>(pattern, PatternOptions());
        if (!re->ok()) return fail(pattern, re->error());
      }
    }
  }
  if (!(parts & kSignals)) return std::nullopt;
  if (impl.signals.empty()) {
    impl.signal_set.reset();
  } else if (!impl.signal_set->Compile()) {
    return Error(ErrorCode::kRuleError,
                 "the document type signals need more memory than RE2 allows; use fewer or "
                 "simpler patterns",
                 file);
  }
  return std::nullopt;
}

Result<std::unique_ptr<DocTypeGuesser>> DocTypeGuesser::Compile(const std::vector<DocType>& types,
                                                                const std::string& file,
                                                                bool checked) {
  std::unique_ptr<DocTypeGuesser> guesser(new DocTypeGuesser());
  Impl& impl = *guesser->impl_;
  if (checked) {
    impl.pending = types;
    return guesser;
  }
  for (std::once_flag* once :
       {&impl.titles_once, &impl.signals_once, &impl.fallback_once, &impl.applies_if_once}) {
    std::call_once(*once, [] {});
  }
  if (std::optional<Error> error =
          Build(types, file, kTitles | kSignals | kSignalFallback | kAppliesIf, &impl)) {
    return *error;
  }
  return guesser;
}

const DocTypeGuesser::Impl& DocTypeGuesser::Compiled(unsigned part) const {
  Impl& impl = *impl_;
  std::once_flag& once = part == kTitles           ? impl.titles_once
                         : part == kSignals        ? impl.signals_once
                         : part == kSignalFallback ? impl.fallback_once
                                                   : impl.applies_if_once;
  if (part == kSignalFallback) Compiled(kSignals);  // the fallback fills the signals' slots
  std::call_once(once, [&impl, part] {
    if (!Build(impl.pending, std::string(), part, &impl)) return;
    // Not reached for a pack checked at build time. Should a pattern fail after all, that part
    // matches nothing: no title, no signal, or every expectation applies.
    switch (part) {
      case kTitles:
        impl.titles.clear();
        break;
      case kSignals:
        impl.signals.clear();
        impl.signal_set.reset();
        impl.thresholds.assign(impl.pending.size(), 0.0);
        for (std::size_t t = 0; t < impl.pending.size(); ++t) {
          impl.thresholds[t] = impl.pending[t].threshold;
        }
        break;
      case kSignalFallback:
        for (Impl::Signal& signal : impl.signals) signal.re.reset();
        break;
      default:
        impl.applies_if.clear();
        for (const DocType& type : impl.pending) impl.applies_if.emplace_back(type.expects.size());
    }
  });
  return impl;
}

std::vector<int> DocTypeGuesser::SignalsIn(std::string_view text) const {
  const Impl& impl = Compiled(kSignals);
  std::vector<int> found;
  if (impl.signal_set == nullptr) return found;
  RE2::Set::ErrorInfo error;
  if (impl.signal_set->Match(text, &found, &error) || error.kind == RE2::Set::kNoError) {
    return found;
  }
  found.clear();
  Compiled(kSignalFallback);
  for (std::size_t i = 0; i < impl.signals.size(); ++i) {
    if (impl.signals[i].re != nullptr && RE2::PartialMatch(text, *impl.signals[i].re)) {
      found.push_back(static_cast<int>(i));
    }
  }
  return found;
}

std::vector<bool> DocTypeGuesser::Applicable(int type, std::string_view folded) const {
  std::vector<bool> applies;
  for (const std::unique_ptr<RE2>& re : Compiled(kAppliesIf).applies_if[type]) {
    applies.push_back(re == nullptr || RE2::PartialMatch(folded, *re));
  }
  return applies;
}

int DocTypeGuesser::GuessByTitle(const std::vector<std::string_view>& lines) const {
  for (std::string_view line : lines) {
    int best_type = -1;
    std::size_t best_start = line.size() + 1;
    for (const Impl::Title& title : Compiled(kTitles).titles) {
      re2::StringPiece match;
      if (!title.re->Match(line, 0, line.size(), RE2::UNANCHORED, &match, 1)) continue;
      const std::size_t start = static_cast<std::size_t>(match.data() - line.data());
      if (start < best_start) {  // strictly earlier: a tie keeps the type listed first
        best_start = start;
        best_type = title.type;
      }
    }
    if (best_type >= 0) return best_type;
  }
  return -1;
}

int DocTypeGuesser::GuessByBody(std::string_view folded) const {
  const Impl& impl = Compiled(kSignals);
  std::vector<double> scores(impl.thresholds.size(), 0.0);
  for (int i : SignalsIn(folded)) {
    scores[impl.signals[i].type] += impl.signals[i].weight;
  }
  int best_type = -1;
  double best_margin = 0;
  for (std::size_t t = 0; t < scores.size(); ++t) {
    const double threshold = impl.thresholds[t];
    if (threshold <= 0 || scores[t] < threshold) continue;
    const double margin = scores[t] / threshold;
    if (best_type < 0 || margin > best_margin) {
      best_type = static_cast<int>(t);
      best_margin = margin;
    }
  }
  return best_type;
}

int DocTypeGuesser::GuessByOpening(std::string_view text) const {
  std::size_t at = 0;
  while (at < text.size() && !std::isalnum(static_cast<unsigned char>(text[at]))) ++at;
  // ASCII lower case, line breaks as spaces: the opening as the folded view reads it.
  std::string opening(text.substr(at, std::min<std::size_t>(text.size() - at, 200)));
  for (char& c : opening) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  const std::string_view line = opening;
  std::size_t name = std::string_view::npos;
  for (std::string_view opening : {"this ", "these "}) {
    if (line.substr(0, opening.size()) == opening) name = opening.size();
  }
  if (name == std::string_view::npos) return -1;
  // Where the fourth word after "this" starts: the name begins before it.
  std::size_t limit = name;
  for (int words = 0; words < 3 && limit < line.size(); ++words) {
    const std::size_t space = line.find(' ', limit);
    if (space == std::string_view::npos) break;
    limit = space + 1;
  }
  int best_type = -1;
  std::size_t best_start = limit + 1;
  for (const Impl::Title& title : Compiled(kTitles).titles) {
    re2::StringPiece match;
    if (!title.re->Match(line, name, line.size(), RE2::UNANCHORED, &match, 1)) continue;
    const std::size_t start = static_cast<std::size_t>(match.data() - line.data());
    if (start < best_start) {
      best_start = start;
      best_type = title.type;
    }
  }
  return best_type;
}

int DocTypeGuesser::Guess(std::string_view front_matter_title, std::string_view text,
                          std::string_view folded) const {
  const int by_title = GuessByTitle(TitleLines(front_matter_title, text, folded));
  if (by_title >= 0) return by_title;
  const int by_opening = GuessByOpening(text);
  return by_opening >= 0 ? by_opening : GuessByBody(folded);
}

}  // namespace clausescan::internal

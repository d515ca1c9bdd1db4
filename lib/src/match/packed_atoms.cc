#include "match/packed_atoms.h"

#include <algorithm>
#include <cstdint>

#include "match/pattern_index.h"
#include "rules/model.h"

namespace clausescan::internal {
namespace {

constexpr std::string_view kHeader = "clausescan-atoms-2\n";

void PutCount(std::size_t n, std::string* out) {
  for (int shift = 0; shift < 32; shift += 8)
    out->push_back(static_cast<char>((n >> shift) & 0xFF));
}

void PutString(std::string_view s, std::string* out) {
  PutCount(s.size(), out);
  out->append(s);
}

void PutStrings(const std::vector<std::string>& list, std::string* out) {
  PutCount(list.size(), out);
  for (const std::string& s : list) PutString(s, out);
}

void PutLists(const std::vector<std::vector<std::string>>& lists, std::string* out) {
  PutCount(lists.size(), out);
  for (const std::vector<std::string>& list : lists) PutStrings(list, out);
}

// Reads what Put* wrote, refusing to read past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool Count(std::size_t* n) {
    if (rest_.size() < 4) return false;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    rest_.remove_prefix(4);
    *n = v;
    return true;
  }
  bool String(std::string_view* s) {
    std::size_t n = 0;
    if (!Count(&n) || n > rest_.size()) return false;
    *s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return true;
  }
  bool Strings(std::vector<std::string>* list) {
    std::size_t n = 0;
    if (!Count(&n) || n > rest_.size()) return false;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view s;
      if (!String(&s)) return false;
      if (list != nullptr) list->emplace_back(s);
    }
    return true;
  }
  // Lists of lists of strings: their count, then each list.
  bool Lists(std::vector<std::vector<std::string>>* lists) {
    std::size_t n = 0;
    if (!Count(&n) || n > rest_.size()) return false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!Strings(lists != nullptr ? &lists->emplace_back() : nullptr)) return false;
    }
    return true;
  }
  // One pattern's record after its text: exact, clauses, filter atoms, passing sets.
  bool Record(RequiredAtoms* out) {
    std::size_t exact = 0;
    if (!Count(&exact)) return false;
    if (out != nullptr) out->exact = exact != 0;
    return Lists(out != nullptr ? &out->clauses : nullptr) &&
           Strings(out != nullptr ? &out->filter_atoms : nullptr) &&
           Lists(out != nullptr ? &out->passing_sets : nullptr);
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace

std::vector<std::string> PatternsToPack(const std::vector<Rule>& rules) {
  std::vector<std::string> patterns;
  for (const Rule& rule : rules) {
    for (const std::vector<std::string>& group : rule.all) {
      patterns.insert(patterns.end(), group.begin(), group.end());
    }
    patterns.insert(patterns.end(), rule.none.begin(), rule.none.end());
    for (const ParamSpec& spec : rule.parameters) {
      if (!spec.text_scope) continue;
      patterns.insert(patterns.end(), spec.any.begin(), spec.any.end());
      patterns.insert(patterns.end(), spec.none.begin(), spec.none.end());
    }
  }
  std::sort(patterns.begin(), patterns.end());
  patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
  return patterns;
}

std::string PackPatternAtoms(const std::vector<std::string>& patterns) {
  std::string out(kHeader);
  for (const std::string& pattern : patterns) {
    const RequiredAtoms atoms =
        PatternIndex::AtomsOf(pattern, PatternIndex::kPackedPassingSetSteps);
    if (!atoms.ok) continue;
    PutString(pattern, &out);
    PutCount(atoms.exact ? 1 : 0, &out);
    PutLists(atoms.clauses, &out);
    PutStrings(atoms.filter_atoms, &out);
    PutLists(atoms.passing_sets, &out);
  }
  return out;
}

PatternAtomTable::PatternAtomTable(std::string_view blob) {
  if (blob.substr(0, kHeader.size()) != kHeader) return;
  Reader reader(blob.substr(kHeader.size()));
  while (!reader.rest().empty()) {
    std::string_view pattern;
    if (!reader.String(&pattern)) break;
    const std::string_view record = reader.rest();
    if (!reader.Record(nullptr)) break;
    entries_.emplace(pattern, record.substr(0, record.size() - reader.rest().size()));
  }
  if (!reader.rest().empty()) entries_.clear();  // damaged: trust none of it
}

std::optional<RequiredAtoms> PatternAtomTable::Find(std::string_view pattern) const {
  auto it = entries_.find(pattern);
  if (it == entries_.end()) return std::nullopt;
  RequiredAtoms out;
  Reader reader(it->second);
  if (!reader.Record(&out)) return std::nullopt;
  return out;
}

const PatternAtomTable& BuiltinPatternAtoms() {
  static const PatternAtomTable table(EmbeddedPatternAtoms());
  return table;
}

}  // namespace clausescan::internal

#include "match/atom_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>
#include <map>

namespace clausescan::internal {

std::string_view LowerForAtoms(std::string_view text, std::string* buffer) {
  const bool plain = std::none_of(text.begin(), text.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (plain) return text;
  buffer->clear();
  buffer->reserve(text.size() + 8);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    // A run of ASCII bytes at once: u_tolower maps them as this does (issue 12: whole documents
    // with one non-ASCII byte were lowered one call per byte).
    std::int32_t ascii_end = i;
    while (ascii_end < length && bytes[ascii_end] < 0x80) ++ascii_end;
    if (ascii_end > i) {
      const std::size_t from = buffer->size();
      buffer->append(text.substr(i, ascii_end - i));
      for (auto it = buffer->begin() + from; it != buffer->end(); ++it) {
        if (*it >= 'A' && *it <= 'Z') *it = static_cast<char>(*it - 'A' + 'a');
      }
      i = ascii_end;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      buffer->append(text.substr(start, i - start));
      continue;
    }
    c = u_tolower(c);
    char out[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(out), n, c);
    buffer->append(out, n);
  }
  return *buffer;
}

AtomFinder::AtomFinder(const std::vector<std::string>& atoms) : atom_count_(atoms.size()) {
  for (const std::string& atom : atoms) {
    for (char c : atom) {
      std::uint8_t& cls = class_of_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<std::uint8_t>(classes_++);
    }
  }
  for (char lower = 'a'; lower <= 'z'; ++lower) {
    const auto upper = static_cast<unsigned char>(lower - 'a' + 'A');
    if (class_of_[upper] == 0) class_of_[upper] = class_of_[static_cast<unsigned char>(lower)];
  }
  // The trie in insertion numbering, each state's children by class.
  std::vector<std::map<std::uint8_t, std::int32_t>> trie(1);
  std::vector<std::vector<std::int32_t>> ends(1);
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    if (atoms[a].empty()) continue;
    std::int32_t state = 0;
    for (char c : atoms[a]) {
      const std::uint8_t cls = class_of_[static_cast<unsigned char>(c)];
      auto [it, inserted] = trie[state].emplace(cls, static_cast<std::int32_t>(trie.size()));
      if (inserted) {
        trie.emplace_back();
        ends.emplace_back();
      }
      state = it->second;
    }
    ends[state].push_back(static_cast<std::int32_t>(a));
  }
  // Breadth-first numbering: order[new] = old.
  std::vector<std::int32_t> order{0};
  std::vector<int> depth{0};
  states_.resize(trie.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    State& state = states_[k];
    state.first_child = static_cast<std::int32_t>(order.size());
    state.child_count = static_cast<std::uint8_t>(trie[order[k]].size());
    for (const auto& [cls, child] : trie[order[k]]) {
      states_[order.size()].in_class = cls;
      order.push_back(child);
      depth.push_back(depth[k] + 1);
    }
    if (depth[k] <= kDenseDepth) dense_states_ = static_cast<std::int32_t>(k + 1);
  }
  // Failure links, outputs and full rows in that order: each needs only shallower states.
  std::vector<std::vector<std::int32_t>> outputs(states_.size());
  dense_.assign(static_cast<std::size_t>(dense_states_) * classes_, 0);
  for (std::int32_t k = 0; k < static_cast<std::int32_t>(states_.size()); ++k) {
    const State& state = states_[k];
    outputs[k] = ends[order[k]];
    if (k != 0)
      outputs[k].insert(outputs[k].end(), outputs[state.fail].begin(), outputs[state.fail].end());
    for (int c = 0; k < dense_states_ && c < classes_; ++c) {
      dense_[k * classes_ + c] = k == 0 ? 0 : Step(state.fail, static_cast<std::uint8_t>(c));
    }
    for (int e = 0; e < state.child_count; ++e) {
      State& child = states_[state.first_child + e];
      if (k < dense_states_) dense_[k * classes_ + child.in_class] = state.first_child + e;
      child.fail = k == 0 ? 0 : Step(state.fail, child.in_class);
    }
  }
  for (std::size_t k = 0; k < states_.size(); ++k) {
    states_[k].out_begin = static_cast<std::int32_t>(out_.size());
    states_[k].out_count = static_cast<std::int32_t>(outputs[k].size());
    out_.insert(out_.end(), outputs[k].begin(), outputs[k].end());
  }
}

std::int32_t AtomFinder::Step(std::int32_t state, std::uint8_t cls) const {
  for (;;) {
    if (state < dense_states_) return dense_[state * classes_ + cls];
    const State& s = states_[state];
    for (int e = 0; e < s.child_count; ++e) {
      if (states_[s.first_child + e].in_class == cls) return s.first_child + e;
    }
    state = s.fail;
  }
}

std::size_t AtomFinder::table_bytes() const {
  return states_.size() * sizeof(State) + dense_.size() * sizeof(std::int32_t) +
         out_.size() * sizeof(std::int32_t);
}

void AtomFinder::Find(std::string_view text, Scratch* scratch, std::vector<int>* found) const {
  found->clear();
  if (scratch->stamp.size() != atom_count_) scratch->stamp.assign(atom_count_, 0);
  if (++scratch->epoch == 0) {
    std::fill(scratch->stamp.begin(), scratch->stamp.end(), 0);
    scratch->epoch = 1;
  }
  std::int32_t state = 0;
  for (char c : text) {
    state = Step(state, class_of_[static_cast<unsigned char>(c)]);
    const State& s = states_[state];
    for (std::int32_t i = s.out_begin, end = s.out_begin + s.out_count; i < end; ++i) {
      const std::int32_t atom = out_[i];
      if (scratch->stamp[atom] == scratch->epoch) continue;
      scratch->stamp[atom] = scratch->epoch;
      found->push_back(atom);
    }
  }
}

}  // namespace clausescan::internal

#include "match/atom_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>

namespace clausescan::internal {

std::string_view LowerForAtoms(std::string_view text, std::string* buffer) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (byte >= 'A' && byte <= 'Z');
  });
  if (plain) return text;
  buffer->clear();
  buffer->reserve(text.size() + 8);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
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
  // The trie, then failure links breadth first, filling every missing edge (a full DFA).
  std::vector<std::vector<std::int32_t>> outputs(1);
  next_.assign(classes_, -1);
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    if (atoms[a].empty()) continue;
    std::int32_t state = 0;
    for (char c : atoms[a]) {
      const std::size_t edge = state * classes_ + class_of_[static_cast<unsigned char>(c)];
      if (next_[edge] < 0) {
        next_[edge] = static_cast<std::int32_t>(outputs.size());
        outputs.emplace_back();
        next_.resize(next_.size() + classes_, -1);
      }
      state = next_[edge];
    }
    outputs[state].push_back(static_cast<std::int32_t>(a));
  }
  std::vector<std::int32_t> fail(outputs.size(), 0);
  std::deque<std::int32_t> queue;
  for (int c = 0; c < classes_; ++c) {
    std::int32_t& to = next_[c];
    if (to < 0) {
      to = 0;
    } else {
      fail[to] = 0;
      queue.push_back(to);
    }
  }
  while (!queue.empty()) {
    const std::int32_t state = queue.front();
    queue.pop_front();
    const std::vector<std::int32_t>& inherited = outputs[fail[state]];
    outputs[state].insert(outputs[state].end(), inherited.begin(), inherited.end());
    for (int c = 0; c < classes_; ++c) {
      std::int32_t& to = next_[state * classes_ + c];
      const std::int32_t via_fail = next_[fail[state] * classes_ + c];
      if (to < 0) {
        to = via_fail;
      } else {
        fail[to] = via_fail;
        queue.push_back(to);
      }
    }
  }
  out_begin_.reserve(outputs.size() + 1);
  for (const std::vector<std::int32_t>& ends : outputs) {
    out_begin_.push_back(static_cast<std::int32_t>(out_.size()));
    out_.insert(out_.end(), ends.begin(), ends.end());
  }
  out_begin_.push_back(static_cast<std::int32_t>(out_.size()));
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
    state = next_[state * classes_ + class_of_[static_cast<unsigned char>(c)]];
    for (std::int32_t i = out_begin_[state]; i < out_begin_[state + 1]; ++i) {
      const std::int32_t atom = out_[i];
      if (scratch->stamp[atom] == scratch->epoch) continue;
      scratch->stamp[atom] = scratch->epoch;
      found->push_back(atom);
    }
  }
}

}  // namespace clausescan::internal

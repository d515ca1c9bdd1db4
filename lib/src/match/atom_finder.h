// Finding the required literals ("atoms") of rule patterns in a text, all of them in one pass.
#ifndef CLAUSESCAN_MATCH_ATOM_FINDER_H_
#define CLAUSESCAN_MATCH_ATOM_FINDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// Lower-cases text code point by code point (ICU u_tolower, the simple lower-case mapping RE2's
// prefilter applies to the atoms it extracts), so that an atom of a case-insensitive pattern
// occurs in the result wherever the pattern matches text. Returns text itself when it has no
// upper-case ASCII letter and no byte above 0x7f (a folded ASCII unit); otherwise fills *buffer
// and returns it. Invalid UTF-8 bytes are copied unchanged.
std::string_view LowerForAtoms(std::string_view text, std::string* buffer);

// An Aho-Corasick automaton over a fixed list of byte strings: one table step per text byte,
// whatever the number of atoms. Immutable after construction; Find may run on many threads at
// once (each with its own scratch).
class AtomFinder {
 public:
  // Per-caller state of Find: which atoms were already reported for the current text.
  struct Scratch {
    std::vector<std::uint32_t> stamp;  // by atom
    std::uint32_t epoch = 0;
  };

  // atoms: the strings to find (empty strings are never reported).
  explicit AtomFinder(const std::vector<std::string>& atoms);

  // Fills *found with the index of every atom that occurs in text, each once, in the order they
  // end in text.
  void Find(std::string_view text, Scratch* scratch, std::vector<int>* found) const;

  std::size_t atom_count() const { return atom_count_; }

 private:
  std::size_t atom_count_ = 0;
  int classes_ = 1;                      // byte classes: 0 for bytes no atom contains
  std::uint8_t class_of_[256] = {};      // byte -> class
  std::vector<std::int32_t> next_;       // state * classes_ + class -> state (full DFA)
  std::vector<std::int32_t> out_begin_;  // atoms ending at state s: out_[out_begin_[s] ..]
  std::vector<std::int32_t> out_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_ATOM_FINDER_H_

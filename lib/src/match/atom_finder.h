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
// byte above 0x7f (AtomFinder matches ASCII letters whatever their case); otherwise fills
// *buffer and returns it. Invalid UTF-8 bytes are copied unchanged.
std::string_view LowerForAtoms(std::string_view text, std::string* buffer);

// An Aho-Corasick automaton over a fixed list of byte strings: about one state step per text
// byte, whatever the number of atoms. The states near the root (most steps) have full transition
// rows; deeper states keep only their own edges and a failure link, so the automaton of a few
// thousand atoms stays in a few hundred KiB instead of megabytes of rows that miss the cache on
// nearly every byte (issue 12). Immutable after construction; Find may run on many threads at
// once (each with its own scratch).
class AtomFinder {
 public:
  // Per-caller state of Find: which atoms were already reported for the current text.
  struct Scratch {
    std::vector<std::uint32_t> stamp;  // by atom
    std::uint32_t epoch = 0;
  };

  // atoms: the strings to find (empty strings are never reported). An upper-case ASCII letter
  // of the text matches the same lower-case letter of an atom (unless some atom has that
  // upper-case letter itself), so ASCII text needs no lower-casing first.
  explicit AtomFinder(const std::vector<std::string>& atoms);

  // Fills *found with the index of every atom that occurs in text, each once, in the order they
  // end in text.
  void Find(std::string_view text, Scratch* scratch, std::vector<int>* found) const;

  std::size_t atom_count() const { return atom_count_; }
  // Bytes of the automaton's tables. For tests and measurements.
  std::size_t table_bytes() const;

 private:
  // States of depth up to this have a full row of transitions.
  static constexpr int kDenseDepth = 2;

  // States are numbered breadth first: the children of a state are consecutive, and the states
  // with a full row are the first dense_states_.
  struct State {
    std::int32_t fail = 0;         // longest proper suffix that is a state
    std::int32_t first_child = 0;  // children: first_child .. first_child + child_count - 1
    std::int32_t out_begin = 0;    // atoms ending here (suffixes included): out_[out_begin ..]
    std::int32_t out_count = 0;
    std::uint8_t child_count = 0;
    std::uint8_t in_class = 0;  // the class of the edge into this state
  };

  // The state after reading a byte of class cls in state.
  std::int32_t Step(std::int32_t state, std::uint8_t cls) const;

  std::size_t atom_count_ = 0;
  int classes_ = 1;                  // byte classes: 0 for bytes no atom contains
  std::uint8_t class_of_[256] = {};  // byte -> class
  std::vector<State> states_;        // 0 is the root
  std::int32_t dense_states_ = 0;
  std::vector<std::int32_t> dense_;  // state * classes_ + class -> state, for dense states
  std::vector<std::int32_t> out_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_ATOM_FINDER_H_

// References to an earlier sentence (issue 11 #4): "Provider shall notify Customer of any
// security incident. ... Provider shall report the incident to the police." The second sentence
// is about the security incident the first one names; rules that need the qualified concept
// ("security incident", "data breach") read it with the reference resolved.
#ifndef CLAUSESCAN_MATCH_REFERENCES_H_
#define CLAUSESCAN_MATCH_REFERENCES_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausescan::internal {

// The incident and the breach the sentences of one section have named in full so far, in
// document order. Only those: a sentence of another section, or a reference whose head noun the
// named concept does not share ("such breach" after "security incident": a breach of contract,
// perhaps), is left alone. Not thread safe; one per document.
class Antecedents {
 public:
  // Records the last qualified incident and breach folded names ("security incident",
  // "personal data breach", "cyber incident"): a section other than the last one seen starts
  // afresh.
  void See(std::string_view folded, int section);

  // folded (a sentence of `section`) with each bare reference to an incident or a breach ("the
  // incident", "such breach", "any such incidents", "this breach"; not "the breach of ...") read
  // as the concept the
  // section last named with that head noun ("the security incident"), or nullopt when it has
  // none to resolve. Linear in folded; a unit without "incident" or "breach" costs a scan for
  // them.
  std::optional<std::string> Resolve(std::string_view folded, int section) const;

 private:
  int section_ = -1;
  std::string incident_;  // qualifier of the last "... incident" ("security"), or ""
  std::string breach_;    // qualifier of the last "... breach" ("personal data"), or ""
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_REFERENCES_H_

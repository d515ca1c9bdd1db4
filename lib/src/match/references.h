// References to an earlier sentence (issue 11 #4): "Provider shall notify Customer of any
// security incident. ... Provider shall report the incident to the police." The second sentence
// is about the security incident the first one names; rules that need the qualified concept
// ("security incident", "data breach") read it with the reference resolved. A notice that names
// no subject at all ("If Supplier becomes aware of a Security Incident, it shall contain it.
// Supplier shall notify Customer within 24 hours.", or under the heading "7. Personal Data
// Breaches") is about the incident the sentence before it or its section's heading names
// (issue 11, engine limits #2).
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
  // afresh. folded is a sentence or, with heading, a heading line, seen in document order: the
  // names of the heading that opens a section (at `level`, Section::level) hold for the whole
  // section and the sections nested in it (deeper levels, until one at its level or above), the
  // names of any other unit for the sentence right after it.
  void See(std::string_view folded, int section, bool heading = false, int level = 1);

  // folded (a sentence of `section`) with each bare reference to an incident or a breach ("the
  // incident", "such breach", "any such incidents", "this breach"; not "the breach of ...") read
  // as the concept the
  // section last named with that head noun ("the security incident"), or nullopt when it has
  // none to resolve. A sentence that names neither an incident nor a breach and gives notice
  // ("shall notify Customer within 24 hours", "shall report to the Department", "notice will be
  // given") of nothing it names itself ("notify Customer of any change" names its subject) is
  // read with the incident or breach named last by the unit right before it (a sentence or a
  // heading line) or by its section's title appended ("... within 24 hours (the security
  // incident)"). Linear in folded; a unit without "incident" or "breach" costs a scan for them.
  std::optional<std::string> Resolve(std::string_view folded, int section) const;

 private:
  int section_ = -1;
  std::string incident_;   // qualifier of the last "... incident" ("security"), or ""
  std::string breach_;     // qualifier of the last "... breach" ("personal data"), or ""
  std::string previous_;   // the last name the sentence seen last gave ("security incident"), or ""
  std::string heading_;    // the last name the section's title (or an enclosing one) gave, or ""
  int heading_level_ = 0;  // the level of the section whose title gave heading_
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_REFERENCES_H_

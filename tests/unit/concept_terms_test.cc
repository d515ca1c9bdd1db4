// Defined terms that stand for a concept (issue 11, engine limits 2 #1). The wordings are our
// own, in several drafting traditions, with near misses.
#include "match/concept_terms.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "rules/concepts.h"
#include "rules/loader.h"
#include "rules/term_readings.h"
#include "scan_text.h"

namespace clausescan::internal {
namespace {

std::string Fold(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

// The readings concepts_yaml defines, or the error of reading them.
Result<std::shared_ptr<const ConceptReadings>> ReadingsOf(const std::string& concepts_yaml) {
  const SourceFile file{"concepts.yaml", concepts_yaml};
  Concepts concepts;
  if (Status error = ParseAndRead(&file, [&](const YamlFile& f, const YAML::Node& n) {
        return Concepts::Read(f, n, &concepts);
      })) {
    return *error;
  }
  std::vector<TermReadingSpec> specs;
  if (Status error = ReadTermReadings(concepts, &specs)) return *error;
  return ConceptReadings::Compile(specs, concepts.file());
}

// The readings of the built-in rules/concepts.yaml.
const ConceptReadings& Builtin() {
  static const std::shared_ptr<const ConceptReadings> readings = [] {
    for (const SourceFile& file : EmbeddedRuleFiles()) {
      if (file.name != "concepts.yaml") continue;
      Result<std::shared_ptr<const ConceptReadings>> r = ReadingsOf(file.content);
      EXPECT_TRUE(r.ok()) << r.error().message();
      if (r.ok()) return *r;
    }
    ADD_FAILURE() << "no built-in concepts.yaml";
    return std::shared_ptr<const ConceptReadings>();
  }();
  return *readings;
}

struct BodyCase {
  const char* body;  // folded
  std::optional<std::string_view> concept_words;
};

TEST(ConceptTerms, ADefinitionsBodyStatesItsConcept) {
  const BodyCase cases[] = {
      // UK / EU (GDPR art. 4(12)), US (HIPAA), AU/CA public sector.
      {"any unauthorised access to, or accidental loss, destruction or disclosure of, the "
       "customer data.",
       "security incident"},
      {"a breach of security leading to the accidental or unlawful destruction, loss or "
       "alteration of personal data.",
       "security incident"},
      {"the unauthorized acquisition, access, use, or disclosure of phi which compromises the "
       "security or privacy of such information.",
       "security incident"},
      {"any actual or suspected compromise of the confidentiality, integrity or availability of "
       "commonwealth information.",
       "security incident"},
      {"information that relates to an identified or identifiable individual.", "personal data"},
      {"any information about an identifiable individual that the contractor collects.",
       "personal data"},
      {"any third party appointed by the supplier to process personal data on its behalf.",
       "subprocessor"},
      {"an entity engaged by vendor to process client information.", "subprocessor"},
      // Near misses: measures against an incident, a service interruption, a breach of the
      // agreement, information that merely includes personal data, a subcontractor for other
      // work.
      {"the technical and organisational measures that protect against unauthorised access to "
       "the customer data.",
       std::nullopt},
      {"any unplanned interruption to or reduction in the quality of the services.", std::nullopt},
      {"a breach of this agreement by either party.", std::nullopt},
      {"all information disclosed by a party, including personal data about an identifiable "
       "individual.",
       std::nullopt},
      {"any third party engaged by the supplier to deliver the goods.", std::nullopt},
      {"", std::nullopt},
  };
  for (const BodyCase& c : cases) {
    SCOPED_TRACE(c.body);
    EXPECT_EQ(Builtin().ConceptOf(c.body), c.concept_words);
  }
}

std::optional<std::string> ReadWith(const std::vector<std::string>& definitions,
                                    const std::string& unit) {
  ConceptTerms terms(&Builtin());
  for (const std::string& d : definitions) terms.Add(d, Fold(d));
  return terms.Read(unit, Fold(unit));
}

TEST(ConceptTerms, ATermIsReadAsItsConceptWhereItIsUsed) {
  const std::vector<std::string> defined = {
      "1.1 \"Incident\" means any unauthorised access to the Customer Data.",
      "\"Sub-supplier\" means any third party appointed by the Supplier to process Personal "
      "Data.",
      "In this Schedule: \"Commonwealth Information\" means information that relates to an "
      "identified or identifiable individual."};
  EXPECT_EQ(ReadWith(defined, "The Supplier shall notify the Customer of any Incident."),
            "the supplier shall notify the customer of any security incident.");
  EXPECT_EQ(ReadWith(defined, "The Supplier shall log all Incidents and Sub-suppliers."),
            "the supplier shall log all security incidents and subprocessors.");
  EXPECT_EQ(ReadWith(defined, "The Contractor must destroy Commonwealth Information."),
            "the contractor must destroy personal data.");
  // Near misses: the term in lower case where its definition capitalised it, a longer word,
  // the quoted term being defined, a unit naming no term.
  EXPECT_EQ(ReadWith(defined, "The Supplier shall log each incident in the service desk."),
            std::nullopt);
  EXPECT_EQ(ReadWith(defined, "The Supplier shall report any Incidentals."), std::nullopt);
  EXPECT_EQ(ReadWith(defined, defined[0]), std::nullopt);
  EXPECT_EQ(ReadWith(defined, "The Supplier shall provide the Services."), std::nullopt);
}

TEST(ConceptTerms, ATermThatAlreadySaysItsConceptOrHasTwoIsLeftAlone) {
  EXPECT_EQ(ReadWith({"\"Security Incident\" means any unauthorised access to Customer Data."},
                     "Supplier shall report any Security Incident."),
            std::nullopt);
  EXPECT_EQ(ReadWith({"\"Event\" means any unauthorised access to Customer Data.",
                      "\"Event\" means information about an identifiable individual."},
                     "Supplier shall report any Event."),
            std::nullopt);
  EXPECT_EQ(ReadWith({"\"Incident\" means any unplanned interruption to the Services."},
                     "Supplier shall notify Customer of any Incident."),
            std::nullopt);
}

// End to end: the defined term carries the clause to its rules.
TEST(ConceptTerms, ADocumentsDefinedTermsFindTheirClauses) {
  const Report uk = test_scan::ScanText(
      "Data Processing Schedule\n\n1. Definitions\n\n1.1 \"Incident\" means any unauthorised "
      "access to, or accidental loss, destruction or disclosure of, the Customer Data.\n\n"
      "1.2 \"Sub-supplier\" means any third party appointed by the Supplier to process Personal "
      "Data on its behalf.\n\n2. Obligations\n\n2.1 The Supplier shall notify the Customer of "
      "any Incident within 24 hours of becoming aware of it.\n\n2.2 The Supplier shall not "
      "appoint a Sub-supplier without the prior written consent of the Customer.\n",
      "schedule.txt");
  EXPECT_EQ(test_scan::On(uk, "incident_notification", "within 24 hours").size(), 1u);
  EXPECT_EQ(test_scan::On(uk, "subprocessors", "appoint a Sub-supplier").size(), 1u);
  const Report au = test_scan::ScanText(
      "Schedule 4 - Information Security\n\n1. Interpretation\n\nIn this Schedule:\n\n"
      "\"Event\" means any actual or suspected compromise of the confidentiality, integrity or "
      "availability of Commonwealth Information.\n\n2. Reporting\n\nThe Contractor must report "
      "each Event to the Department as soon as practicable and in any case within 12 hours.\n",
      "schedule.txt");
  EXPECT_EQ(test_scan::On(au, "incident_notification", "within 12 hours").size(), 1u);
  // Near miss: an "Incident" of the service desk is no security incident.
  const Report service = test_scan::ScanText(
      "Service Schedule\n\n1. Definitions\n\n1.1 \"Incident\" means any unplanned interruption "
      "to or reduction in the quality of the Services.\n\n2. Support\n\n2.1 The Supplier shall "
      "notify the Customer of any Incident within 4 hours.\n",
      "schedule.txt");
  EXPECT_TRUE(test_scan::On(service, "incident_notification", "").empty());
}

// Which definitions stand for which concept is data: concepts.yaml's defined_as_ concepts, with
// file:line errors for a reading that is incomplete or not anchored (engine limits 3 #3).
TEST(ConceptTerms, ReadingsAreConceptsOfConceptsYaml) {
  Result<std::shared_ptr<const ConceptReadings>> own = ReadingsOf(
      "incident_noun: 'occurrences?|events?'\n"
      "defined_as_security_incident_opening: '^(?:any\\s+)?(?:{{incident_noun}})\\b'\n"
      "defined_as_security_incident_subject: 'unauthori[sz]ed'\n"
      "defined_as_security_incident_named: 'security (incident|event)'\n");
  ASSERT_TRUE(own.ok()) << own.error().message();
  EXPECT_EQ((*own)->ConceptOf("any occurrence of unauthorised access to the data."),
            "security incident");
  EXPECT_EQ((*own)->ConceptOf("any breach of unauthorised access to the data."), std::nullopt);
  ConceptTerms terms(own->get());
  const std::string definition = "\"Occurrence\" means any occurrence of unauthorised access.";
  terms.Add(definition, Fold(definition));
  const std::string unit = "Vendor shall report each Occurrence.";
  EXPECT_EQ(terms.Read(unit, Fold(unit)), "vendor shall report each security incident.");
  // Without readings no term stands for a concept.
  ConceptTerms none;
  none.Add(definition, Fold(definition));
  EXPECT_EQ(none.Read(unit, Fold(unit)), std::nullopt);

  struct ErrorCase {
    const char* yaml;
    const char* message;
  };
  const ErrorCase errors[] = {
      {"defined_as_personal_data_opening: '^data'\n"
       "defined_as_personal_data_named: 'personal data'\n",
       "concepts.yaml:1:1: the reading of defined terms as 'personal_data' has no "
       "defined_as_personal_data_subject: it needs _opening, _subject and _named"},
      {"x: 'a'\ndefined_as_personal_data_opening: 'data'\n"
       "defined_as_personal_data_subject: 'individual'\n"
       "defined_as_personal_data_named: 'personal data'\n",
       "concepts.yaml:2:1: 'defined_as_personal_data_opening' must start with '^': it says how a "
       "definition's body begins"},
      {"defined_as_personal_data_body: 'data'\n",
       "concepts.yaml:1:1: 'defined_as_personal_data_body' names no part of a reading: a "
       "defined_as_ concept ends in _opening, _subject or _named"},
  };
  for (const ErrorCase& c : errors) {
    SCOPED_TRACE(c.yaml);
    Result<std::shared_ptr<const ConceptReadings>> r = ReadingsOf(c.yaml);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), c.message);
  }
}

}  // namespace
}  // namespace clausescan::internal

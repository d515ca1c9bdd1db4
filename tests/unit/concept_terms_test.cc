// Defined terms that stand for a concept (issue 11, engine limits 2 #1). The wordings are our
// own, in several drafting traditions, with near misses.
#include "match/concept_terms.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan::internal {
namespace {

std::string Fold(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
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
    EXPECT_EQ(ConceptOfDefinition(c.body), c.concept_words);
  }
}

std::optional<std::string> ReadWith(const std::vector<std::string>& definitions,
                                    const std::string& unit) {
  ConceptTerms terms;
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

}  // namespace
}  // namespace clausescan::internal

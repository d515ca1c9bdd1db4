#include "match/capitalised_incidents.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clausescan::internal {
namespace {

std::string Fold(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

struct Case {
  const char* cased;
  std::optional<std::string> expected;  // nullopt: no other reading
};

// issue 11 engine limits #6: a capitalised "Incident" that no word qualifies reads as the
// security incident when the document defines no such term.
TEST(CapitalisedIncidents, AnUndefinedCapitalisedIncidentIsTheSecurityIncident) {
  const Case cases[] = {
      // US, UK and AU/CA public-sector wordings.
      {"The Supplier shall notify the Customer of any Incident within 48 hours.",
       "the supplier shall notify the customer of any security incident within 48 hours."},
      {"The Contractor must report each Incident to the Authority without undue delay.",
       "the contractor must report each security incident to the authority without undue delay."},
      {"Vendor will inform Client of all Incidents affecting Client Data promptly.",
       "vendor will inform client of all security incidents affecting client data promptly."},
      {"Notice of an Incident is given by email to the Department.",
       "notice of an security incident is given by email to the department."},
      // Near misses: a qualified term, a lower-case word, a capitalised "Breach" (of the
      // contract, as often as not), a numbered or named kind of incident (an SLA's "Priority 1
      // Incident", an "Incident Report", a "Command of Incidents"), the sentence's first word.
      {"The Supplier shall notify the Customer of any Security Incident.", std::nullopt},
      {"The Supplier shall log each incident in the service desk.", std::nullopt},
      {"Either party may terminate for a material Breach of this Agreement.", std::nullopt},
      {"The Supplier shall respond to a Priority 1 Incident within one hour.", std::nullopt},
      {"Incident response times are set out in the SLA.", std::nullopt},
      {"Diversinet will produce an Incident Report for each outage.", std::nullopt},
      {"The operator applies a System Command of Incidents to all flows.", std::nullopt},
      {"The party shall cure the Breach within thirty days of notice.", std::nullopt},
      {"The Supplier shall report any Incidentals.", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cased);
    const std::string cased = c.cased;
    EXPECT_EQ(ReadCapitalisedIncidents(cased, Fold(cased), /*defines_incident=*/false),
              c.expected);
  }
}

TEST(CapitalisedIncidents, ADefinedIncidentIsReadByItsDefinitionNotAsTheConcept) {
  const std::string cased = "The Supplier shall notify the Customer of any Incident.";
  EXPECT_EQ(ReadCapitalisedIncidents(cased, Fold(cased), /*defines_incident=*/true),
            std::nullopt);
}

}  // namespace
}  // namespace clausescan::internal

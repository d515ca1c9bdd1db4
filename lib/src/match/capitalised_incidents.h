// A capitalised "Incident" that no word qualifies ("notify the Customer of any Incident") is
// written as a defined term: in a contract it names the security incident, even where the
// document never defines it (issue 11, engine limits #6). Rules that need the qualified concept
// read such a unit with it qualified. ("Breach" is left alone: a capitalised "Breach" is as
// often a breach of the contract.)
#ifndef CLAUSESCAN_MATCH_CAPITALISED_INCIDENTS_H_
#define CLAUSESCAN_MATCH_CAPITALISED_INCIDENTS_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausescan::internal {

// folded (the folded view of cased, the same length) with "security " put before each
// capitalised "Incident" or "Incidents" in cased that is not the unit's first word, follows no
// capitalised word or figure ("Security Incident", "Priority 1 Incident" name their own kind;
// nor "Command of Incidents"), and comes before no capitalised word ("Incident Report") and no
// "of". nullopt when there is none, or when the document defines "Incident"
// (defines_incident): a defined term is read by its definition, which may be a service
// incident. Linear in the unit.
std::optional<std::string> ReadCapitalisedIncidents(std::string_view cased,
                                                    std::string_view folded,
                                                    bool defines_incident);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_CAPITALISED_INCIDENTS_H_

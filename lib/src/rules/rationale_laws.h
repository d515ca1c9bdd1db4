// The laws by which a rationale sentence names a buyer's sector (issue 14 review s8 #1), so that
// the loader can refuse a sentence that names a sector's law without being that sector's.
#ifndef CLAUSESCAN_RULES_RATIONALE_LAWS_H_
#define CLAUSESCAN_RULES_RATIONALE_LAWS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// The key prefix under which RationaleEntry::sector_text holds a `flag_rationale` sentence
// ("flag:government_authorisation"), and the sector list entry that ties a source to it (issue
// 14 third review #1): no sector id holds ':'.
inline constexpr char kFlagKeyPrefix[] = "flag:";

// The kinds of mandated text a rationale's `mandated_answers` may answer (issue 14 third review
// #1, #3): "federal-clause", a clause of a US federal acquisition regulation (FAR, DFARS, VAAR,
// HSAR, GSAR) that the contract includes as written; "scc", the EU Standard Contractual Clauses
// (Implementing Decision (EU) 2021/914), which the parties may not modify (their Clause 2).
inline constexpr const char* kMandatedTexts[] = {"federal-clause", "scc"};

// One law a sentence named, and the sector whose law it is.
struct NamedLaw {
  std::string sector;  // e.g. "eu-financial-entities"
  std::string words;   // the words of the sentence that name it, e.g. "DORA"
};

// The sector laws `sentence` names, first occurrence per sector, in table order: GDPR and the
// SCCs (gdpr-controllers; "UK GDPR" is uk-gdpr-controllers'), DORA and "EU financial entities"
// (eu-financial-entities), NYDFS and 23 NYCRR 500 (ny-dfs-regulated), HIPAA, 45 CFR, business
// associates and covered entities (us-hipaa-covered-entities), PCI DSS (card-data-handlers),
// FAR, 48 CFR, FedRAMP and FISMA (us-federal-contractors), DFARS (us-dod-contractors), VAAR
// (us-va-contractors), HSAR (us-dhs-contractors), the UK GDPR and the Data Protection Act 2018
// (uk-gdpr-controllers), the FADP (ch-fadp-controllers). Thread-safe.
std::vector<NamedLaw> SectorLawsNamed(const std::string& sentence);

// Whether a sentence written for `sectors` may name a law of `law_sector`: `sectors` lists it,
// or lists a sector shown only within it (us-dod-, us-va-, us-dhs-contractors within
// us-federal-contractors), and does not list "all" (a sentence for every buyer names no sector's
// law).
bool MayNameLawOf(const std::vector<std::string>& sectors, const std::string& law_sector);

// The US federal acquisition regulation clauses `text` cites by number: FAR 52.2xx-x, DFARS
// 252.2xx-7xxx, VAAR 852.xxx-x, HSAR 3052.xxx-x and GSAR 552.2xx-x ("52.204-21",
// "252.204-7012"), each once, in order of first citation. Thread-safe.
std::vector<std::string> RegulationClausesCited(std::string_view text);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_RATIONALE_LAWS_H_

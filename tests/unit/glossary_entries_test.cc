#include "match/glossary_entries.h"

#include <gtest/gtest.h>

#include <string>

#include "scan_text.h"

namespace clausescan::internal {
namespace {

struct EntryCase {
  const char* cased;
  bool entry;
};

// issue 11 engine limits #4: the entries of a list of definitions written without "means"
// (UK "Joint Schedule 1: Definitions", glossaries of AU/CA standing offers): a capitalised term,
// then a dash, a colon or a line break, then its meaning in lower case.
TEST(GlossaryEntry, TermThenItsMeaningInLowerCase) {
  const EntryCase cases[] = {
      {"Audit - any audit of the Supplier by the Buyer once in any Contract Year", true},
      {"Audit Agent\nany auditor appointed by the Buyer to inspect records", true},
      {"1.4 Sub-processor: a third party appointed by the Processor to process Personal Data",
       true},
      {"(b) Security Breach \xE2\x80\x93 the occurrence of unauthorised access to Buyer Data", true},
      {"Contract Year\na consecutive period of twelve months", true},
      // Near misses: a clause with a title, a sentence, a term whose meaning starts a sentence.
      {"Audit. The Buyer may audit the Supplier once a year.", false},
      {"The Buyer may audit the Supplier - once a year - on notice.", false},
      {"Audit: The Buyer may audit the Supplier once a year.", false},
      {"Supplier shall notify the Buyer of any breach", false},
      {"audit - any audit of the supplier", false},
      {"", false},
  };
  for (const EntryCase& c : cases) {
    SCOPED_TRACE(c.cased);
    EXPECT_EQ(IsGlossaryEntry(c.cased), c.entry);
  }
}

// In a definitions section such an entry states no clause, unless it states a duty itself.
TEST(GlossaryEntry, AnEntryOfADefinitionsSectionIsNoFinding) {
  const std::string doc =
      "1. Definitions\n\n"
      "Audit - any audit of the Supplier by the Buyer, its auditors or a regulator, once in any "
      "Contract Year, on 20 Working Days' notice.\n\n"
      "Audit Agent\nany auditor appointed by the Buyer to inspect the Supplier's records and "
      "premises.\n\n"
      "Security Breach - any unauthorised access to Buyer Data, which the Supplier shall report "
      "to the Buyer within 24 hours.\n\n"
      "2. Audit\n\n"
      "Audit - the Buyer may audit the Supplier once in any Contract Year on 20 days' notice.\n";
  const Report report = test_scan::ScanText(doc, "defs.md");
  EXPECT_TRUE(test_scan::On(report, "audit_rights", "any audit of the Supplier").empty());
  EXPECT_TRUE(test_scan::On(report, "audit_rights", "any auditor appointed").empty());
  // The entry that states a duty, and the same shape outside a definitions section, stay.
  EXPECT_EQ(test_scan::On(report, "incident_notification", "shall report").size(), 1u);
  EXPECT_EQ(test_scan::On(report, "audit_rights", "the Buyer may audit").size(), 1u);
}

}  // namespace
}  // namespace clausescan::internal

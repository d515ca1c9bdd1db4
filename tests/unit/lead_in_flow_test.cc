// A list's lead-in and its item read as the one sentence they make (issue 11, engine limits 3
// #4): "Customer Data must be:" / "(b) deleted within 30 days". The wordings are our own, in
// several drafting traditions, with near misses.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "clausescan/clausescan.h"
#include "match/list_leads.h"
#include "scan_text.h"

namespace clausescan {
namespace {

struct FlowCase {
  const char* lead;
  const char* item;
  std::optional<std::string> flowing;
};

TEST(LeadInFlow, TheLeadInRunsIntoTheItemWithoutItsMarks) {
  const FlowCase cases[] = {
      {"customer data must be:", "(b) deleted within 30 days.",
       "customer data must be deleted within 30 days."},
      {"the data importer agrees and warrants: ", "(d) that it will notify the data exporter;",
       "the data importer agrees and warrants that it will notify the data exporter;"},
      {"the contractor agrees to-", "\\(7\\) report any breaches;",
       "the contractor agrees to report any breaches;"},
      {"vendor shall", "iv. encrypt all client data;", "vendor shall encrypt all client data;"},
      {"the supplier shall:", "- return all customer data",
       "the supplier shall return all customer data"},
      // A lead-in that announces its items: they are things listed, not the rest of its sentence.
      {"customer shall develop the application to accommodate the following:",
       "b. records of early payment of taxes", std::nullopt},
      {"the charges are as follows:", "(a) monthly fees;", std::nullopt},
      // Nothing to leave out: the item reads on from the lead-in as it is.
      {"the supplier shall", "encrypt all customer data;", std::nullopt},
  };
  for (const FlowCase& c : cases) {
    SCOPED_TRACE(c.item);
    EXPECT_EQ(internal::FlowingLeadIn(c.lead, c.item), c.flowing);
  }
}

struct PeriodCase {
  const char* text;
  double period_days;  // of the deletion clause; -1: no deletion period is read
};

TEST(LeadInFlow, ADeletionThatRunsFromTheLeadInIntoTheItemKeepsItsPeriod) {
  const PeriodCase cases[] = {
      // A passive lead-in whose item completes the verb (UK, EU, US wordings).
      {"4.3 Customer Data must be:\n\n(a) deleted within 30 days after termination.\n", 30},
      {"6.1 On termination, all Personal Data held by the Processor shall be:\n\n"
       "(a) destroyed within sixty (60) days.\n",
       60},
      {"Client Data will be:\n\n1. securely erased from all systems of Vendor within 90 days of "
       "expiry.\n",
       90},
      // Near miss: the item completes the verb with something else.
      {"6.3 Customer Data must be:\n\n(a) stored only on servers of the Supplier in the United "
       "Kingdom;\n\n"
       "(b) backed up daily.\n",
       -1},
  };
  for (const PeriodCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Report report = test_scan::ScanText(std::string("Data\n\n") + c.text, "f.txt");
    double period = -1;
    for (const Finding& f : test_scan::On(report, "data_deletion", "")) {
      const auto it = f.parameters.find("period_days");
      if (it != f.parameters.end() && std::holds_alternative<double>(it->second)) {
        period = std::get<double>(it->second);
      }
    }
    EXPECT_EQ(period, c.period_days);
  }
}

}  // namespace
}  // namespace clausescan

// The active reading of passive duties (issue 11: passive and agentless drafting).
#include "match/active_reading.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clausescan::internal {
namespace {

TEST(ActiveReading, TurnsThePassiveDutyActiveWithItsSubjectAsTheObject) {
  EXPECT_EQ(ActiveReading("customer data shall not be used for any other purpose."),
            std::optional<std::string>("shall not use customer data for any other purpose."));
  EXPECT_EQ(ActiveReading("you will be promptly notified of any breach."),
            std::optional<std::string>("will promptly notify you of any breach."));
  EXPECT_EQ(ActiveReading("(a) personal data is encrypted at rest."),
            std::optional<std::string>("(a) will encrypt personal data at rest."));
  // The subject starts after a stop or a word that opens a clause; a pronoun becomes an object.
  EXPECT_EQ(ActiveReading("after 30 days, they are deleted and backups are purged."),
            std::optional<std::string>("after 30 days, will delete them and will purge backups."));
}

TEST(ActiveReading, LeavesFactsStatesAndOtherVerbsAlone) {
  EXPECT_EQ(ActiveReading("our databases are not encrypted at rest."), std::nullopt);
  EXPECT_EQ(ActiveReading("the supplier shall be entitled to suspend the services."), std::nullopt);
  EXPECT_EQ(ActiveReading("the data centre is located in ireland."), std::nullopt);
  EXPECT_EQ(ActiveReading("the supplier shall not be held liable for any loss."), std::nullopt);
  EXPECT_EQ(ActiveReading("the customer shall notify the supplier of any breach."), std::nullopt);
  EXPECT_EQ(ActiveReading("the system checks whether a user is logged on twice."), std::nullopt);
  EXPECT_EQ(ActiveReading("except to the extent a third party is indemnified under article 12."),
            std::nullopt);
}

}  // namespace
}  // namespace clausescan::internal

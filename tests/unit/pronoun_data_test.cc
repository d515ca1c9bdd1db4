// The customer's data named by the customer's pronoun (issue 11: we/you drafting).
#include "match/pronoun_data.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clausescan::internal {
namespace {

TEST(PronounData, TheCustomersPronounNamesTheCustomersData) {
  PartyLexicon provider_terms{{"supplier", "we"}, {"customer", "you"}, {}};
  EXPECT_EQ(PronounDataReading("we will not use your personal data for advertising.",
                               provider_terms),
            std::optional<std::string>("we will not use customer personal data for advertising."));
  // "our data" is the provider's own in its terms.
  EXPECT_EQ(PronounDataReading("we own our data and our content.", provider_terms), std::nullopt);

  PartyLexicon vendor_requirements{{"supplier", "you"}, {"customer", "we"}, {}};
  EXPECT_EQ(PronounDataReading("you must only use our data to provide the services.",
                               vendor_requirements),
            std::optional<std::string>("you must only use customer data to provide the services."));
  EXPECT_EQ(PronounDataReading("you must delete your data from test systems.",
                               vendor_requirements),
            std::nullopt);
  // A document that writes as "we" and does not say who "you" is gives neither a side.
  PartyLexicon unsaid{{"supplier"}, {"customer"}, {}};
  EXPECT_EQ(PronounDataReading("we will protect your data.", unsaid), std::nullopt);
}

}  // namespace
}  // namespace clausescan::internal

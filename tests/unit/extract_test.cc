#include "params/extract.h"

#include <gtest/gtest.h>

namespace clausescan::internal {
namespace {

ParamSpec SetSpec() {
  ParamSpec spec;
  spec.name = "types";
  spec.type = ParamSpec::Type::kSet;
  spec.values = {{"cyber", {"\\bcyber\\b"}},
                 {"professional", {"errors and omissions", "professional liability"}},
                 {"general", {"general liability"}}};
  return spec;
}

TEST(ParamExtractor, SetListsEveryMatchingKeyInFileOrder) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile({SetSpec()}, "rule.yaml");
  ASSERT_TRUE(extractor.ok()) << extractor.error().message();
  std::map<std::string, ParamValue> params;
  extractor->Extract("supplier shall maintain general liability, errors and omissions and cyber "
                     "insurance.",
                     &params);
  EXPECT_EQ(params.at("types"),
            ParamValue(std::vector<std::string>{"cyber", "professional", "general"}));
}

TEST(ParamExtractor, SetIsAbsentWhenNothingMatches) {
  Result<ParamExtractor> extractor = ParamExtractor::Compile({SetSpec()}, "rule.yaml");
  ASSERT_TRUE(extractor.ok());
  std::map<std::string, ParamValue> params;
  extractor->Extract("supplier shall maintain insurance.", &params);
  EXPECT_EQ(params.count("types"), 0u);
}

}  // namespace
}  // namespace clausescan::internal

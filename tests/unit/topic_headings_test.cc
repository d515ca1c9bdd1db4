// The topic a heading lends the items of a list with no lead-in right under it (issue 11).
#include "match/topic_headings.h"

#include <gtest/gtest.h>

#include <string>

namespace clausescan::internal {
namespace {

TEST(TopicHeadings, TheTopicOfAHeadingIsItsTitle) {
  struct Row {
    const char* heading;
    const char* topic;
  };
  const Row rows[] = {
      {"## 7. sub-processors", "sub-processors"},
      {"data retention and deletion:", "data retention and deletion"},
      {"**security**", "security"},
      {"(c) incident reporting.", "incident reporting"},
      {"12.3 audit rights", "audit rights"},
      // a sentence that states its duty leads into its list itself
      {"5.1 the contractor will provide the following services", ""},
      // longer than a topic: a title of a whole part, not what its items are about
      {"part b - terms and conditions of the call-off contract for services", ""},
      {"## 12.", ""},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(std::string(HeadingTopic(row.heading)), row.topic) << row.heading;
  }
}

}  // namespace
}  // namespace clausescan::internal

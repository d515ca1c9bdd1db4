// List items whose topic sits in the heading above their list (issue 11): "Sub-processors" then
// "- Maintain a current list on the website." / "- Remain liable for their acts.", where the
// list has no lead-in and its items name neither the topic nor who owes them. The heading says
// what the items are about, as a lead-in would.
#ifndef CLAUSESCAN_MATCH_TOPIC_HEADINGS_H_
#define CLAUSESCAN_MATCH_TOPIC_HEADINGS_H_

#include <cstddef>
#include <string_view>

#include "structure/outline.h"

namespace clausescan::internal {

// The topic of a heading (folded), as a lead-in reads it: the heading without its '#', clause
// number, emphasis and closing ':' or '.' ("## 7. sub-processors:" -> "sub-processors"), or ""
// when it is no topic: longer than kMaxTopicWords words, or a sentence that states a duty
// ("the supplier shall", which leads into its list itself).
std::string_view HeadingTopic(std::string_view folded_heading);

inline constexpr int kMaxTopicWords = 6;

// Which units are items of a list right under a topic heading: the list starts on the first
// paragraph after the heading (a heading line or a section's title) and has no lead-in; the items
// of the list and their own sentences follow, with no other paragraph between. Bulleted and
// lettered items only: a numbered clause ("3.", "(2)") is a provision in its own right. Not thread safe;
// one per document; calls come in increasing order of unit.
class TopicHeadings {
 public:
  // outline and folded (the view its offsets index) must outlive this object.
  TopicHeadings(const Outline& outline, std::string_view folded);

  // The topic (HeadingTopic) of the heading above units[unit] when it is such an item without a
  // lead-in, else "".
  std::string_view Of(std::size_t unit);

 private:
  bool HasLead(std::size_t unit);

  const Outline& outline_;
  std::string_view folded_;
  std::size_t next_ = 0;         // the first unit not yet seen
  std::size_t next_lead_ = 0;    // the first link of outline_.leads not yet passed
  std::string_view topic_;       // of the last heading, while its list goes on
  int item_paragraph_ = -1;      // the paragraph of the last item of that list
  bool list_started_ = false;    // an item has come since the heading
  bool numbered_ = false;        // the last item is a numbered clause: it takes no topic
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_TOPIC_HEADINGS_H_

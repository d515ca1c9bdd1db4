#include "match/topic_headings.h"

#include "match/fallback.h"

namespace clausescan::internal {

std::string_view HeadingTopic(std::string_view heading) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  // '#', emphasis, a clause number ("7.", "7.2", "(c)", "iv.") and the separator after it.
  while (!heading.empty() && (heading.front() == '#' || heading.front() == '*' ||
                              heading.front() == '_' || is_space(heading.front()))) {
    heading.remove_prefix(1);
  }
  std::size_t number = 0;
  while (number < heading.size() &&
         ((heading[number] >= '0' && heading[number] <= '9') || heading[number] == '.' ||
          heading[number] == '(' || heading[number] == ')')) {
    ++number;
  }
  if (!heading.empty() && heading.front() == '(') {
    const std::size_t close = heading.find(')');
    if (close != std::string_view::npos && close <= 5) number = close + 1;  // "(c)", "(iv)"
  }
  if (number > 0 && number < heading.size() && is_space(heading[number])) {
    heading.remove_prefix(number);
  }
  while (!heading.empty() && (is_space(heading.front()) || heading.front() == '-' ||
                              heading.front() == ':')) {
    heading.remove_prefix(1);
  }
  while (!heading.empty() && (is_space(heading.back()) || heading.back() == ':' ||
                              heading.back() == '.' || heading.back() == '*' ||
                              heading.back() == '_')) {
    heading.remove_suffix(1);
  }
  if (heading.empty() || StatesDuty(heading)) return {};
  int words = 0;
  for (std::size_t i = 0; i < heading.size(); ++i) {
    const bool starts = !is_space(heading[i]) && (i == 0 || is_space(heading[i - 1]));
    words += starts ? 1 : 0;
  }
  bool letters = false;
  for (char c : heading) letters = letters || (c >= 'a' && c <= 'z');
  return words <= kMaxTopicWords && letters ? heading : std::string_view();
}

TopicHeadings::TopicHeadings(const Outline& outline, std::string_view folded)
    : outline_(outline), folded_(folded) {}

bool TopicHeadings::HasLead(std::size_t unit) {
  const std::vector<ListLead>& leads = outline_.leads;
  while (next_lead_ < leads.size() && leads[next_lead_].item < unit) ++next_lead_;
  return next_lead_ < leads.size() && leads[next_lead_].item == unit;
}

std::string_view TopicHeadings::Of(std::size_t unit) {
  if (unit >= outline_.units.size()) return {};
  for (; next_ <= unit; ++next_) {
    const Unit& seen = outline_.units[next_];
    if (seen.kind == UnitKind::kHeading) {
      topic_ = seen.begin < seen.end && seen.end <= folded_.size()
                   ? HeadingTopic(folded_.substr(seen.begin, seen.end - seen.begin))
                   : std::string_view();
      item_paragraph_ = -1;
      list_started_ = false;
      continue;
    }
    if (topic_.empty()) continue;
    if (seen.kind == UnitKind::kListItem && !HasLead(next_)) {
      item_paragraph_ = seen.paragraph;
      list_started_ = true;
      // A numbered clause ("3. The contractor warrants ...", "(2) All incidents shall be
      // reported ...") is a provision of its own, not an item of a bulleted or lettered list.
      const std::string_view text = seen.end <= folded_.size() && seen.begin < seen.end
                                        ? folded_.substr(seen.begin, seen.end - seen.begin)
                                        : std::string_view();
      numbered_ = !text.empty() && ((text[0] >= '0' && text[0] <= '9') ||
                                    (text.size() > 1 && text[0] == '(' && text[1] >= '0' &&
                                     text[1] <= '9'));
    } else if (!list_started_ || seen.paragraph != item_paragraph_) {
      topic_ = {};  // a paragraph of text, or a list with a lead-in of its own, under the heading
    }
  }
  const Unit& u = outline_.units[unit];
  return u.kind != UnitKind::kHeading && u.paragraph == item_paragraph_ && list_started_ &&
                 !numbered_
             ? topic_
             : std::string_view();
}

}  // namespace clausescan::internal

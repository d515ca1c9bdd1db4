// Items of a list read with the lead-in that introduces them (issue 15 #4).
#ifndef CLAUSESCAN_ASSESS_LIST_ITEMS_H_
#define CLAUSESCAN_ASSESS_LIST_ITEMS_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// A finding that is only an item of a list ("(2) Credit monitoring reports.": its text starts
// with a marker such as "(2)", "(b)", "2." or "-" and is one short sentence) belongs to the
// finding of the list's lead-in: the nearest finding before it of the same category and section
// whose text ends with a colon, with nothing but other list items between them in `text` (the
// document's text, which the findings' offsets index). The lead-in takes the parameters it lacks
// and the rules (`rules`) it lacks from the item and, when it took any, is assessed again with
// every one of its rules (Reassess: the riskiest gives rule and risk, each rule's reasons and
// advice are joined), and its range, text and context after extend
// to the item's end; the item is removed. Other findings are left
// as they are. Expects findings in document order, assessed with doctype and merged. Never
// fails.
void FoldListItems(const RuleSetData& data, std::string_view text, std::vector<Finding>& findings,
                   std::string_view doctype);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_LIST_ITEMS_H_

// How much a document must say before the party reading takes a side from counted signs: the
// thresholds of "we" and "you" (second_person.cc) and the signs that a named party provides the
// service (parties_in_text.cc), in one place.
#ifndef CLAUSESCAN_PARAMS_SIDE_SIGNS_H_
#define CLAUSESCAN_PARAMS_SIDE_SIGNS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// The thresholds of the party reading (counts of words or signs in one document).
struct SideThresholds {
  // A document writes as "we" with at least this many we/us/our.
  static constexpr int kFirstPersonWords = 10;
  // A document addresses "you" with at least this many you/your.
  static constexpr int kSecondPersonWords = 10;
  // The signs of who provides and who pays give "you" a side with at least this many (and twice
  // the other side's); so do the signs that "you" take the data.
  static constexpr int kMinPersonSigns = 3;
  // The party a document names as acting on "you" does so at least this many times.
  static constexpr int kMinActs = 3;
  // "you" pay (and so are the customer) with at least this many signs of paying.
  static constexpr int kMinPaySigns = 2;
  // A named party is the supplier with at least this many signs that it supplies (and, between
  // two parties, more than twice the other's).
  static constexpr int kMinServiceSigns = 2;
};

// True when `signs` decide over `other`: at least `min` of them and at least twice `other` (more
// than twice when `strictly`). Of two counts at most one decides when min > 0.
constexpr bool SignsDecide(int signs, int other, int min, bool strictly) {
  return signs >= min && (strictly ? signs > 2 * other : signs >= 2 * other);
}

// How often one of `words` (a party's lower-case name without legal suffix, and its terms; role
// words such as "provider" are skipped) qualifies a product ("Ehave Platform", "X Companion
// Solution") or grants a licence: the signs of a supplier. Never fails.
int SupplierSigns(std::string_view text, const std::vector<std::string>& words);

// SupplierSigns plus how often the text says one of `words` provides the service: "X shall
// provide the Service", "X provides the Services", "the service offered by X", "X's provision of
// the Services". Never fails.
int ServiceSigns(std::string_view text, const std::vector<std::string>& words);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_SIDE_SIGNS_H_

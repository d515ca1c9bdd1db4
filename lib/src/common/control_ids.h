// Ordering of control ids ("A.5.9" before "A.5.24" before "A.8.1"), shared by the evidence pack
// and the security pack.
#ifndef CLAUSESCAN_COMMON_CONTROL_IDS_H_
#define CLAUSESCAN_COMMON_CONTROL_IDS_H_

#include <string_view>

namespace clausescan {

// True when control id a sorts before b: runs of digits compare by value (leading zeros
// ignored), other characters by byte. Pure; thread-safe.
bool ControlIdLess(std::string_view a, std::string_view b);

}  // namespace clausescan

#endif  // CLAUSESCAN_COMMON_CONTROL_IDS_H_

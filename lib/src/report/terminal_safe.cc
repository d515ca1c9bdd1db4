#include <string>
#include <string_view>

#include "clausescan/printers.h"
#include "report/strings.h"

namespace clausescan {

std::string TerminalSafe(std::string_view text) { return internal::TerminalText(text); }

}  // namespace clausescan

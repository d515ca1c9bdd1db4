#include <string>
#include <string_view>

#include "clausescan/printers.h"
#include "report/strings.h"

namespace clausescan {

std::string TerminalSafe(std::string_view text) { return internal::TerminalText(text); }

std::string TerminalSafeLine(std::string_view text) { return internal::TerminalLine(text); }

std::string MessageSafe(std::string_view text) { return internal::MessageLine(text); }

}  // namespace clausescan

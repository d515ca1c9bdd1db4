// The text a document's type is guessed from by its vocabulary.
#ifndef CLAUSESCAN_STRUCTURE_DOCTYPE_BODY_H_
#define CLAUSESCAN_STRUCTURE_DOCTYPE_BODY_H_

#include <optional>
#include <string>
#include <string_view>

#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {

// nullopt (guess from text.folded) unless at least half of the document's clauses (units other than
// headings) define terms ('"Audit" means ...', params/party.h IsDefinition): then the folded view
// with those definitions blanked out (same length), since a schedule of definitions uses the words
// of the agreement it defines without being one ("personal data", "sub-processor" make no DPA).
// Linear in the text.
std::optional<std::string> TypeGuessBody(const NormalizedText& text, const Outline& outline);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_DOCTYPE_BODY_H_

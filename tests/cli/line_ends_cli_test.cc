// Line ends a contract may have: "\n", "\r\n", a lone "\r" (old Mac exports) and the Unicode line
// and paragraph separators (U+2028, U+2029) are all line ends, so each gives the findings "\n"
// gives, at byte offsets of the file as written (attack review 16 #5).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace clausescan::testing {
namespace {

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Found {
  std::string rule;
  std::string risk;
  std::string words;  // the clause's text as written, its line ends and spaces as one space
  bool operator==(const Found&) const = default;
};

void PrintTo(const Found& found, std::ostream* os) {
  *os << found.rule << " " << found.risk << " \"" << found.words.substr(0, 80) << "\"";
}

std::string Words(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t blank = c == ' ' || c == '\n' || c == '\r' ? 1 : 0;
    if (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0) blank = 3;
    if (blank > 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i += blank;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The findings of the file, each with the words its byte offsets cover in the file.
std::vector<Found> Findings(const std::filesystem::path& file) {
  RunResult r = RunClausescan("scan -f json " + Quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string bytes = ReadWholeFile(file);
  std::vector<Found> found;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  for (const auto& f : report["findings"]) {
    const std::size_t start = f["start"], end = f["end"];
    EXPECT_LE(end, bytes.size());
    if (end > bytes.size()) continue;
    found.push_back(Found{f["rule"], f["risk"], Words(bytes.substr(start, end - start))});
  }
  return found;
}

TEST(LineEnds, EveryLineEndGivesTheFindingsOfNewlines) {
  TempDir dir;
  const std::string text = ReadWholeFile(SourcePath("corpus/security-addendum.md"));
  ASSERT_EQ(text.find('\r'), std::string::npos);
  WriteWholeFile(dir.path() / "lf.md", text);
  const std::vector<Found> expected = Findings(dir.path() / "lf.md");
  ASSERT_GE(expected.size(), 20u);
  const std::vector<std::pair<std::string, std::string>> ends = {
      {"crlf", "\r\n"}, {"cr", "\r"}, {"u2028", "\xE2\x80\xA8"}};
  for (const auto& [name, end] : ends) {
    const std::filesystem::path file = dir.path() / (name + ".md");
    WriteWholeFile(file, Replaced(text, "\n", end));
    EXPECT_EQ(Findings(file), expected) << name;
  }
  // A paragraph separator between paragraphs, a line separator within them.
  std::string paragraphs = Replaced(text, "\n\n", "\xE2\x80\xA9");
  paragraphs = Replaced(paragraphs, "\n", "\xE2\x80\xA8");
  WriteWholeFile(dir.path() / "u2029.md", paragraphs);
  EXPECT_EQ(Findings(dir.path() / "u2029.md"), expected);
}

// Plain text too, where a lone "\r" ends the numbered paragraphs of a contract.
TEST(LineEnds, OldMacTextKeepsItsNumberedParagraphsApart) {
  TempDir dir;
  const std::string text = ReadWholeFile(SourcePath("corpus/msa.txt"));
  WriteWholeFile(dir.path() / "lf.txt", text);
  WriteWholeFile(dir.path() / "cr.txt", Replaced(Replaced(text, "\r\n", "\n"), "\n", "\r"));
  const std::vector<Found> expected = Findings(dir.path() / "lf.txt");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(Findings(dir.path() / "cr.txt"), expected);
}

}  // namespace
}  // namespace clausescan::testing

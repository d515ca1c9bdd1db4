// issue 14 #2: Unicode format characters (category Cf: bidi embeddings, overrides and isolates,
// zero-width characters, the byte order mark, tags...) from contract text, rule data or file
// names never reach a human report raw, where they could reorder or hide what a reader sees
// (Trojan Source): bidi controls show as "[U+202E]", every other one is dropped. JSON, JSON
// Lines and SARIF keep the original text, with those characters escaped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/evidence.h"
#include "clausescan/printers.h"
#include "report/strings.h"
#include "report_samples.h"

namespace clausescan {
namespace {

const std::string kRlo = "\xE2\x80\xAE";      // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kLre = "\xE2\x80\xAA";      // U+202A LEFT-TO-RIGHT EMBEDDING
const std::string kRli = "\xE2\x81\xA7";      // U+2067 RIGHT-TO-LEFT ISOLATE
const std::string kPdi = "\xE2\x81\xA9";      // U+2069 POP DIRECTIONAL ISOLATE
const std::string kZwsp = "\xE2\x80\x8B";     // U+200B ZERO WIDTH SPACE
const std::string kZwj = "\xE2\x80\x8D";      // U+200D ZERO WIDTH JOINER
const std::string kWj = "\xE2\x81\xA0";       // U+2060 WORD JOINER
const std::string kBom = "\xEF\xBB\xBF";      // U+FEFF ZERO WIDTH NO-BREAK SPACE
const std::string kRlm = "\xE2\x80\x8F";      // U+200F RIGHT-TO-LEFT MARK
const std::string kTag = "\xF3\xA0\x80\x81";  // U+E0001 LANGUAGE TAG

// The format characters above that are in text, by name; empty when there is none.
std::string RawFormatChars(const std::string& text) {
  const std::pair<const char*, const std::string*> all[] = {
      {"U+202E", &kRlo},  {"U+202A", &kLre}, {"U+2067", &kRli}, {"U+2069", &kPdi},
      {"U+200B", &kZwsp}, {"U+200D", &kZwj}, {"U+2060", &kWj},  {"U+FEFF", &kBom},
      {"U+200F", &kRlm},  {"U+E0001", &kTag}};
  std::string found;
  for (const auto& [name, bytes] : all) {
    if (text.find(*bytes) != std::string::npos) found += std::string(name) + " ";
  }
  return found;
}

// A report whose file name, clause, section, title, reasons, considerations and rationale
// carry format characters. The clause would show "within 42 hours" as "within 24 hours".
Report HostileReport() {
  Report r = samples::DpaReport();
  r.document.path = "contracts/dpa" + kRlo + "dm.exe";
  Finding& f = r.findings[0];
  f.text = "Supplier shall notify" + kZwsp + " Customer within " + kRli + "sruoh 42" + kPdi +
           " of its occurrence.";
  f.section = "7. Security" + kBom + " Incidents" + kRlm;
  f.title = "Security incident" + kWj + " notification";
  f.reasons = {"the clock starts at occurrence" + kTag};
  f.considerations = {"Start the clock at " + kLre + "awareness."};
  f.rationale.text = "GDPR Art. 33" + kZwj + " gives the controller 72 hours" + kRlo + ".";
  f.rationale.sectors = {"gdpr-controllers"};
  f.rationale.sources = {
      {"GDPR" + kZwsp + " Art. 33", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}};
  return r;
}

TEST(FormatChars, TextHelpersShowBidiControlsAndDropTheOthers) {
  const std::string text = "a" + kRlo + "b" + kZwsp + "c" + kBom + "d" + kTag + "e" + kRlm + "f";
  EXPECT_EQ(internal::CleanText(text), "a[U+202E]bcdef");
  EXPECT_EQ(internal::TerminalText(text + "\n" + kPdi), "a[U+202E]bcdef\n[U+2069]");
  EXPECT_EQ(internal::HtmlEscape(text), "a[U+202E]bcdef");
  EXPECT_EQ(internal::MarkdownEscape(text), "a\\[U+202E\\]bcdef");
  EXPECT_EQ(TerminalSafe("cannot read " + kLre + "x.yaml"), "cannot read [U+202A]x.yaml");
  // Letters, accents, emoji and no-break spaces are not format characters.
  const std::string kept =
      "Caf\xC3\xA9 \xE2\x9C\x93 a\xC2\xA0"
      "b \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
  EXPECT_EQ(internal::CleanText(kept), kept);
  EXPECT_EQ(internal::TerminalText(kept), kept);
}

TEST(FormatChars, TextReportShowsNoneRaw) {
  std::ostringstream out;
  WriteText(HostileReport(), out);
  EXPECT_EQ(RawFormatChars(out.str()), "") << out.str();
  EXPECT_NE(out.str().find("[U+2067]sruoh 42[U+2069]"), std::string::npos) << out.str();
  std::ostringstream summary;
  WriteTextSummary({HostileReport()}, summary);
  EXPECT_EQ(RawFormatChars(summary.str()), "") << summary.str();
  EXPECT_NE(summary.str().find("dpa[U+202E]dm.exe"), std::string::npos) << summary.str();
}

TEST(FormatChars, MarkdownReportShowsNoneRaw) {
  std::ostringstream out;
  WriteMarkdown({HostileReport()}, out);
  EXPECT_EQ(RawFormatChars(out.str()), "") << out.str();
  EXPECT_NE(out.str().find("\\[U+2067\\]sruoh 42\\[U+2069\\]"), std::string::npos) << out.str();
}

TEST(FormatChars, HtmlReportShowsNoneRaw) {
  std::ostringstream out;
  WriteHtml({HostileReport()}, out);
  EXPECT_EQ(RawFormatChars(out.str()), "") << out.str();
  EXPECT_NE(out.str().find("[U+2067]sruoh 42[U+2069]"), std::string::npos);
  EXPECT_EQ(out.str().find("&#8238;"), std::string::npos);  // nor as a character reference
}

TEST(FormatChars, EvidencePackShowsNoneRawAndItsJsonEscapesThem) {
  Report report = HostileReport();
  report.findings[0].evidence[0].title = "Incident" + kRlo + " response procedure";
  const std::vector<EvidenceNeed> pack = BuildEvidencePack({report});
  std::ostringstream text;
  WriteEvidencePack(pack, text);
  EXPECT_EQ(RawFormatChars(text.str()), "") << text.str();
  EXPECT_NE(text.str().find("Incident[U+202E] response procedure"), std::string::npos);
  std::ostringstream json;
  WriteEvidenceJson(pack, json);
  EXPECT_EQ(RawFormatChars(json.str()), "") << json.str();
  EXPECT_NE(json.str().find("Incident\\u202e response procedure"), std::string::npos);
}

TEST(FormatChars, JsonKeepsThemEscaped) {
  const Report report = HostileReport();
  std::ostringstream json;
  WriteJson(report, json);
  EXPECT_EQ(RawFormatChars(json.str()), "") << json.str();
  EXPECT_NE(json.str().find("\\u2067sruoh 42\\u2069"), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\\udb40\\udc01"), std::string::npos);  // U+E0001
  const nlohmann::json parsed = nlohmann::json::parse(json.str());
  EXPECT_EQ(parsed["document"]["path"], report.document.path);
  EXPECT_EQ(parsed["findings"][0]["text"], report.findings[0].text);
  EXPECT_EQ(parsed["findings"][0]["reasons"][0], report.findings[0].reasons[0]);

  std::ostringstream lines;
  WriteJsonLines(report, lines);
  EXPECT_EQ(RawFormatChars(lines.str()), "");
  std::string first_line = lines.str().substr(0, lines.str().find('\n'));
  EXPECT_NO_THROW(nlohmann::json::parse(first_line));
  // A request's id is echoed as written, but not its format characters.
  for (const JsonLinesId& id :
       {JsonLinesId("doc" + kRlo), JsonLinesId::FromJson("[\"a" + kRlo + "\"]")}) {
    std::ostringstream with_id;
    WriteJsonLines(report, id, with_id);
    EXPECT_EQ(RawFormatChars(with_id.str()), "") << with_id.str();
    EXPECT_NE(with_id.str().find("\\u202e"), std::string::npos);
  }

  std::ostringstream sarif;
  WriteSarif({report}, sarif);
  EXPECT_EQ(RawFormatChars(sarif.str()), "");
  const nlohmann::json log = nlohmann::json::parse(sarif.str());
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
      report.findings[0].text);
}

}  // namespace
}  // namespace clausescan

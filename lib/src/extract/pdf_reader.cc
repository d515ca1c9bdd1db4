// PDF: the text of each page in reading order (poppler's TextOutputDev, as pdftotext prints it
// without -layout), cleaned of running headers, footers and page numbers. poppler runs in a
// child process under a time and memory limit (extract/child_process.h): poppler-cpp cannot be
// cancelled, and a few KiB of nested forms keep it drawing for ever.
#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "extract/child_process.h"
#include "extract/pdf_cleanup.h"
#include "extract/readers.h"
#include "extract/text_builder.h"

namespace clausescan::internal {
namespace {

// Where the end-of-file marker must be: PDF readers look for it in the last KiB; some writers
// leave a little padding after it.
constexpr std::size_t kEofWindow = 4096;

// poppler reports every oddity of a file on stderr; a scan reports what matters itself.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Separates the pages of the text the poppler process returns; removed from page texts.
constexpr char kPageBreak = '\f';

// The text of one page, as UTF-8 without kPageBreak.
std::string PageUtf8(const poppler::page& page) {
  poppler::byte_array utf8 =
      page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
  std::string text(utf8.data(), utf8.size());
  std::erase(text, kPageBreak);
  return text;
}

// The lines of one page's text.
PageLines SplitLines(std::string_view text) {
  PageLines lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string line(text.substr(begin, end - begin));
    std::erase(line, '\r');
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

bool HasText(const PageLines& page) {
  for (const std::string& line : page) {
    if (!TrimBlank(line).empty()) return true;
  }
  return false;
}

// The lines of a page joined, with runs of blank lines cut to one.
std::string JoinLines(const PageLines& page) {
  std::string out;
  bool blank = false;
  for (const std::string& line : page) {
    if (TrimBlank(line).empty()) {
      blank = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank ? "\n\n" : "\n";
    blank = false;
    out += line;
  }
  return out;
}

// "3", "3, 5, 7", "3-5": the pages (1-based) listed compactly.
std::string PageList(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? std::to_string(pages[i]) : fmt::format("{}-{}", pages[i], pages[j]);
    i = j + 1;
  }
  return out;
}

Result<std::unique_ptr<poppler::document>> Open(std::string_view bytes, const std::string& name,
                                                const std::string& password) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Error(ErrorCode::kTooLarge, "a PDF above 2 GiB cannot be read", name);
  }
  // A cut-off PDF often still opens (poppler rebuilds the cross-reference table) and yields
  // only its first pages: refuse it rather than report clauses "missing" from a partial scan.
  if (bytes.substr(bytes.size() > kEofWindow ? bytes.size() - kEofWindow : 0).find("%%EOF") ==
      std::string_view::npos) {
    return Error(ErrorCode::kCorrupt, "the PDF is truncated (it does not end with %%EOF)", name);
  }
  SilencePoppler();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size()), password, password));
  if (!doc) {
    return Error(ErrorCode::kCorrupt, "not a readable PDF (corrupt or truncated)", name);
  }
  if (doc->is_locked()) {
    return Error(ErrorCode::kEncrypted,
                 password.empty() ? "the PDF is encrypted: give its password with ScanOptions::password"
                                  : "the PDF is encrypted and the password given does not open it",
                 name);
  }
  return doc;
}

// Opens the PDF and returns the text of its pages, each followed by kPageBreak; fails once that
// passes max_text_bytes. Runs poppler.
Result<std::string> ExtractPages(std::string_view bytes, const std::string& name,
                                 const std::string& password, std::size_t max_text_bytes) {
  Result<std::unique_ptr<poppler::document>> pdf = Open(bytes, name, password);
  if (!pdf) return pdf.error();
  int count = (*pdf)->pages();
  if (count <= 0) return Error(ErrorCode::kCorrupt, "the PDF has no pages (corrupt?)", name);
  std::string pages;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page((*pdf)->create_page(i));
    if (page) pages += PageUtf8(*page);
    pages += kPageBreak;
    if (pages.size() > max_text_bytes) return TextLimitError(max_text_bytes, name);
  }
  return pages;
}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, const std::string& name,
                         const ReadOptions& options) {
  // poppler's text, before the clean-up, counts against the limit: the child process never
  // sends more.
  auto extract = [&] {
    return ExtractPages(bytes, name, options.password, options.max_text_bytes);
  };
  Result<std::string> text =
      options.pdf_limits.time.count() > 0
          ? RunInChildProcess(extract, options.pdf_limits, "reading the PDF", name)
          : extract();
  if (!text) return text.error();
  std::vector<PageLines> pages;
  std::vector<int> empty_pages;
  std::string_view rest(*text);
  while (!rest.empty()) {
    std::size_t end = rest.find(kPageBreak);
    if (end == std::string_view::npos) end = rest.size();
    pages.push_back(SplitLines(rest.substr(0, end)));
    if (!HasText(pages.back())) empty_pages.push_back(static_cast<int>(pages.size()));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  if (empty_pages.size() == pages.size()) {
    return Error(ErrorCode::kUnsupportedFormat, "no extractable text: this PDF needs OCR first",
                 name);
  }
  RemoveRunningLines(pages);
  RemoveMarginLineNumbers(pages);
  JoinHyphenatedLines(pages);
  JoinWrappedLines(pages);

  TextBuilder out(options.max_text_bytes);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    out.AddBlock(JoinLines(pages[i]), "\n", static_cast<int>(i) + 1, 0);
  }
  if (out.over_limit()) return TextLimitError(options.max_text_bytes, name);
  Document doc;
  out.MoveTo(doc);
  if (!empty_pages.empty()) {
    doc.notes.push_back(fmt::format(
        "no extractable text on {} {} (scanned images?); those parts need OCR before they can "
        "be scanned",
        empty_pages.size() == 1 ? "page" : "pages", PageList(empty_pages)));
  }
  return doc;
}

}  // namespace clausescan::internal

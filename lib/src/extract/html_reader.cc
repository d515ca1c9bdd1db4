// HTML: the text a browser shows, with headings as '#' lines and list items with their markers,
// read by libxml2's HTML parser through SAX events (no tree is built, so memory stays linear in
// the text and the nesting limit is checked as elements open).
#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/docx_numbering.h"
#include "extract/html_limits.h"
#include "extract/readers.h"
#include "extract/text_builder.h"

namespace clausescan::internal {
namespace {

constexpr std::size_t kChunk = std::size_t{64} << 10;

// Elements whose content is not text a reader sees.
bool IsDropped(std::string_view tag) {
  static constexpr std::array<std::string_view, 20> kDropped = {
      "script", "style",  "noscript", "template", "head",     "title",   "svg",
      "math",   "iframe", "object",   "embed",    "canvas",   "audio",   "video",
      "map",    "select", "datalist", "button",   "textarea", "frameset"};
  return std::find(kDropped.begin(), kDropped.end(), tag) != kDropped.end();
}

// Elements that start and end a block of text (a paragraph of their own).
bool IsBlock(std::string_view tag) {
  static constexpr std::array<std::string_view, 30> kBlocks = {
      "p",        "div",        "section",    "article", "header",  "footer", "main",  "aside",
      "nav",      "blockquote", "pre",        "table",   "thead",   "tbody",  "tfoot", "tr",
      "td",       "th",         "caption",    "dl",      "dt",      "dd",     "hr",    "form",
      "fieldset", "figure",     "figcaption", "address", "details", "summary"};
  return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

int HeadingLevel(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
  return 0;
}

// List numbers stop growing here: a larger start or value is read as this one.
constexpr int kMaxListNumber = 1'000'000'000;

// A list number attribute ("start", "value") as a browser reads it: leading digits, at least 1,
// at most kMaxListNumber (so counting on from it never overflows).
int ListNumber(std::string_view text) {
  std::string digits(text);
  long long value = std::strtoll(digits.c_str(), nullptr, 10);
  return static_cast<int>(std::clamp<long long>(value, 1, kMaxListNumber));
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Attribute(const xmlChar** attrs, std::string_view name) {
  for (int i = 0; attrs != nullptr && attrs[i] != nullptr; i += 2) {
    if (name == reinterpret_cast<const char*>(attrs[i])) {
      return attrs[i + 1] == nullptr ? "" : reinterpret_cast<const char*>(attrs[i + 1]);
    }
  }
  return {};
}

struct List {
  bool ordered = false;
  std::string format = "decimal";  // a Word number format name (FormatNumber)
  int next = 1;
};

// Nested list items are indented by kListIndent spaces per level, down to kMaxIndentedLevel:
// deeper items keep that indentation (with the depth limit alone, 10 MB of items 100 lists deep
// made gigabytes of spaces).
constexpr std::size_t kListIndent = 3;
constexpr std::size_t kMaxIndentedLevel = 6;

// Builds the text from SAX events.
class HtmlText {
 public:
  HtmlText(int max_depth, std::size_t max_text_bytes)
      : max_depth_(max_depth), max_text_bytes_(max_text_bytes) {}

  void Start(std::string_view tag, const xmlChar** attrs);
  void End(std::string_view tag);
  void Characters(std::string_view text);

  bool too_deep() const { return too_deep_; }
  // True once the text passed max_text_bytes (it is then incomplete).
  bool too_long() const { return too_long_; }
  bool stopped() const { return too_deep_ || too_long_; }
  std::string Take();

 private:
  void Break(int lines) { breaks_ = std::max(breaks_, lines); }
  void Flush();
  void StartListItem(const xmlChar** attrs);
  void CheckLength() {
    if (out_.size() >= max_text_bytes_) too_long_ = true;
  }

  int max_depth_;
  std::size_t max_text_bytes_;
  int depth_ = 0;
  bool too_deep_ = false;
  bool too_long_ = false;
  int dropped_ = 0;  // open elements whose content is dropped
  int pre_ = 0;
  int heading_ = 0;
  int breaks_ = 0;  // line breaks owed before the next text
  bool space_ = false;
  std::string marker_;  // "## " or "- " owed before the next text
  std::vector<List> lists_;
  std::string out_;
};

void HtmlText::Start(std::string_view tag, const xmlChar** attrs) {
  if (++depth_ > max_depth_) too_deep_ = true;
  if (dropped_ > 0 || IsDropped(tag)) {
    ++dropped_;  // everything inside a dropped element is dropped with it
    return;
  }
  if (int level = HeadingLevel(tag)) {
    Break(2);
    marker_ = std::string(static_cast<std::size_t>(level), '#') + ' ';
    ++heading_;
  } else if (tag == "br") {
    if (heading_ > 0) {
      space_ = true;
    } else {
      Break(1);
    }
  } else if (tag == "ul" || tag == "ol") {
    Break(lists_.empty() ? 2 : 1);
    List list;
    list.ordered = tag == "ol";
    std::string_view type = Attribute(attrs, "type");
    list.format = type == "a"   ? "lowerLetter"
                  : type == "A" ? "upperLetter"
                  : type == "i" ? "lowerRoman"
                  : type == "I" ? "upperRoman"
                                : "decimal";
    std::string_view start = Attribute(attrs, "start");
    if (!start.empty()) list.next = ListNumber(start);
    lists_.push_back(std::move(list));
  } else if (tag == "li") {
    StartListItem(attrs);
  } else if (tag == "pre") {
    Break(2);
    ++pre_;
  } else if (IsBlock(tag)) {
    Break(2);
  }
}

void HtmlText::StartListItem(const xmlChar** attrs) {
  Break(1);
  std::string indent(kListIndent * (std::min(lists_.size(), kMaxIndentedLevel + 1) - 1), ' ');
  if (lists_.empty() || !lists_.back().ordered) {
    marker_ = indent + "- ";
    return;
  }
  List& list = lists_.back();
  std::string_view value = Attribute(attrs, "value");
  if (!value.empty()) list.next = ListNumber(value);
  marker_ = indent + FormatNumber(list.next, list.format) + ". ";
  if (list.next < kMaxListNumber) ++list.next;
}

void HtmlText::End(std::string_view tag) {
  --depth_;
  if (dropped_ > 0) {
    --dropped_;
    return;
  }
  if (HeadingLevel(tag) > 0) {
    heading_ = std::max(0, heading_ - 1);
    marker_.clear();
    Break(2);
  } else if (tag == "ul" || tag == "ol") {
    if (!lists_.empty()) lists_.pop_back();
    Break(lists_.empty() ? 2 : 1);
  } else if (tag == "li") {
    Break(1);
  } else if (tag == "pre") {
    pre_ = std::max(0, pre_ - 1);
    Break(2);
  } else if (IsBlock(tag)) {
    Break(2);
  }
}

// Writes what is owed before new text: line breaks (or a space) and a marker.
void HtmlText::Flush() {
  if (breaks_ > 0 && !out_.empty()) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    int have = 0;
    for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n'; ++it) ++have;
    for (int i = have; i < breaks_; ++i) out_ += '\n';
  } else if (space_ && !out_.empty() && out_.back() != '\n') {
    out_ += ' ';
  }
  breaks_ = 0;
  space_ = false;
  if (!marker_.empty() && (out_.empty() || out_.back() == '\n')) {
    out_ += marker_;
    marker_.clear();
  }
  CheckLength();
}

void HtmlText::Characters(std::string_view text) {
  if (dropped_ > 0 || stopped()) return;
  if (pre_ > 0) {
    Flush();
    out_.append(text.substr(0, max_text_bytes_ - std::min(out_.size(), max_text_bytes_)));
    if (out_.size() + text.size() > max_text_bytes_) too_long_ = true;
    return;
  }
  for (char c : text) {
    if (IsSpace(c)) {
      space_ = true;
      continue;
    }
    Flush();
    if (too_long_) return;
    out_ += c;
  }
  CheckLength();
}

std::string HtmlText::Take() {
  std::string_view kept = TrimBlank(out_);
  if (kept.empty()) return std::string();
  // Trimmed in place: the text is not copied.
  std::size_t begin = static_cast<std::size_t>(kept.data() - out_.data());
  out_.resize(begin + kept.size());
  out_.erase(0, begin);
  out_ += '\n';
  return std::move(out_);
}

struct SaxContext {
  HtmlText* text;
  htmlParserCtxtPtr parser;
};

std::string_view Name(const xmlChar* name) {
  return name == nullptr ? std::string_view() : reinterpret_cast<const char*>(name);
}

void OnStart(void* user, const xmlChar* name, const xmlChar** attrs) {
  auto* context = static_cast<SaxContext*>(user);
  context->text->Start(Name(name), attrs);
  if (context->text->stopped()) xmlStopParser(context->parser);
}

void OnEnd(void* user, const xmlChar* name) {
  static_cast<SaxContext*>(user)->text->End(Name(name));
}

void OnCharacters(void* user, const xmlChar* chars, int length) {
  auto* context = static_cast<SaxContext*>(user);
  context->text->Characters(
      std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(length)));
  if (context->text->stopped()) xmlStopParser(context->parser);
}

// The charset the document declares: the first `charset=NAME` (in a <meta> or an http-equiv
// content) of its first 64 KiB, or "".
std::string DeclaredCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, std::size_t{64} << 10));
  std::transform(head.begin(), head.end(), head.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  for (std::size_t at = head.find("charset"); at != std::string::npos;
       at = head.find("charset", at + 1)) {
    std::size_t i = head.find_first_not_of(" \t\r\n", at + 7);
    if (i == std::string::npos || head[i] != '=') continue;
    i = head.find_first_not_of(" \t\r\n\"'", i + 1);
    std::size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 std::string_view("-_.:").find(head[end]) != std::string::npos)) {
      ++end;
    }
    if (i != std::string::npos && end > i) return head.substr(i, end - i);
  }
  return "";
}

// True when libxml2's converter for charset reads ASCII markup as ASCII (so CheckHtmlMarkup,
// which reads bytes, sees the markup libxml2 parses): not UTF-16 or UTF-32, not EBCDIC, not
// UTF-7 (where "+ADw-" is '<').
bool KeepsAscii(const std::string& charset) {
  static constexpr std::string_view kProbe =
      "<a b=\"c\" d='e' f=g>&h; &#105;</a><!-- --><?j k?><!DOCTYPE l> +ADw- +AD4- \t\r\n"
      "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz _-.:;/!?%";
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset.c_str());
  if (handler == nullptr) return false;
  xmlBufferPtr in = xmlBufferCreate();
  xmlBufferPtr out = xmlBufferCreate();
  bool same = false;
  if (in != nullptr && out != nullptr &&
      xmlBufferAdd(in, reinterpret_cast<const xmlChar*>(kProbe.data()),
                   static_cast<int>(kProbe.size())) == 0 &&
      xmlCharEncInFunc(handler, out, in) >= 0) {
    same = std::string_view(reinterpret_cast<const char*>(xmlBufferContent(out)),
                            static_cast<std::size_t>(xmlBufferLength(out))) == kProbe;
  }
  xmlBufferFree(in);
  xmlBufferFree(out);
  xmlCharEncCloseFunc(handler);
  return same;
}

// How libxml2 is told to read the bytes. It never chooses by itself (HTML_PARSE_IGNORE_ENC: no
// <meta> or guess switches encodings midway), so the markup it parses is the markup that
// CheckHtmlMarkup read in the bytes: UTF-8 when the bytes are valid UTF-8 (whatever a <meta>
// claims); else the charset the document declares when libxml2 converts it and it keeps ASCII
// as ASCII (Windows-1252, Shift_JIS ...); else Windows-1252's subset ISO-8859-1.
struct HtmlEncoding {
  xmlCharEncoding fixed = XML_CHAR_ENCODING_UTF8;
  std::string charset;  // when not empty: this converter instead of `fixed`
};

HtmlEncoding ChooseEncoding(std::string_view bytes) {
  HtmlEncoding encoding;
  if (FindInvalidUtf8(bytes) == std::string_view::npos) return encoding;
  encoding.fixed = XML_CHAR_ENCODING_8859_1;
  std::string declared = DeclaredCharset(bytes);
  if (!declared.empty() && declared != "utf-8" && declared != "utf8" && KeepsAscii(declared)) {
    encoding.fixed = XML_CHAR_ENCODING_NONE;
    encoding.charset = std::move(declared);
  }
  return encoding;
}

}  // namespace

Result<Document> ReadHtml(std::string_view bytes, const std::string& name,
                          const ReadOptions& options) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });

  htmlSAXHandler sax{};
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnCharacters;

  // libxml2 reads a NUL byte as a space in some places and as the end of the input in others;
  // CheckHtmlMarkup and the parser read the same markup when there is none.
  std::string without_nul;
  if (bytes.find('\0') != std::string_view::npos) {
    without_nul.assign(bytes);
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    bytes = without_nul;
  }
  if (std::optional<Error> error = CheckHtmlMarkup(bytes, name)) return *std::move(error);

  HtmlText text(options.max_xml_depth, options.max_text_bytes);
  SaxContext context{&text, nullptr};
  const HtmlEncoding encoding = ChooseEncoding(bytes);
  htmlParserCtxtPtr parser =
      htmlCreatePushParserCtxt(&sax, &context, nullptr, 0, nullptr, encoding.fixed);
  if (parser == nullptr) return Error(ErrorCode::kInternal, "cannot start the HTML parser", name);
  context.parser = parser;
  if (!encoding.charset.empty()) {
    xmlSwitchToEncoding(parser, xmlFindCharEncodingHandler(encoding.charset.c_str()));
  }
  htmlCtxtUseOptions(parser, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  for (std::size_t at = 0; at < bytes.size() && !text.stopped(); at += kChunk) {
    std::size_t size = std::min(kChunk, bytes.size() - at);
    htmlParseChunk(parser, bytes.data() + at, static_cast<int>(size), 0);
  }
  if (!text.stopped()) htmlParseChunk(parser, nullptr, 0, 1);
  htmlFreeParserCtxt(parser);
  if (text.too_long()) return TextLimitError(options.max_text_bytes, name);
  if (text.too_deep()) {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("HTML elements nested deeper than {} levels (raise the limit with "
                             "ScanOptions::max_xml_depth)",
                             options.max_xml_depth),
                 name);
  }
  Document doc;
  doc.text = text.Take();
  return doc;
}

}  // namespace clausescan::internal

// The HTML reader: structure kept, non-content dropped, limits.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extract/document.h"

namespace clausescan::internal {
namespace {

Result<Document> ReadHtmlBytes(const std::string& bytes, ReadOptions options = {}) {
  return ReadDocument(bytes, "test.html", options);
}

std::string TextOf(const std::string& html) {
  Result<Document> doc = ReadHtmlBytes(html);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message());
  if (!doc.ok()) return "";
  EXPECT_EQ(doc->format, Format::kHtml);
  return doc->text;
}

TEST(HtmlReader, KeepsHeadingsParagraphsAndLists) {
  EXPECT_EQ(TextOf("<!DOCTYPE html><html><body><h1>Data Processing Addendum</h1>"
                   "<h2>7. Security Incidents</h2><p>Supplier shall\n   notify Customer.</p>"
                   "<ol><li>First &amp; foremost</li><li>Second <b>bold</b> item"
                   "<ol type=\"a\"><li>nested a</li><li>nested b</li></ol></li></ol>"
                   "<ul><li>bullet</li></ul></body></html>"),
            "# Data Processing Addendum\n\n## 7. Security Incidents\n\n"
            "Supplier shall notify Customer.\n\n1. First & foremost\n2. Second bold item\n"
            "   a. nested a\n   b. nested b\n\n- bullet\n");
}

TEST(HtmlReader, DropsScriptsStylesAndTheHead) {
  EXPECT_EQ(TextOf("<html><head><title>T</title><style>p { color: red }</style>"
                   "<script>var s = 'Supplier shall notify';</script></head><body>"
                   "<noscript>enable js</noscript><p>Visible.</p><template><p>T</p></template>"
                   "</body></html>"),
            "Visible.\n");
}

TEST(HtmlReader, ReadsTablesCellByCellAndLineBreaks) {
  EXPECT_EQ(TextOf("<html><body><table><tr><th>Term</th><th>Value</th></tr><tr><td>Notice"
                   "</td><td>72 hours</td></tr></table><p>one<br>two</p></body></html>"),
            "Term\n\nValue\n\nNotice\n\n72 hours\n\none\ntwo\n");
}

TEST(HtmlReader, KeepsPreformattedText) {
  EXPECT_EQ(TextOf("<html><body><pre>  a   b\n c</pre></body></html>"), "a   b\n c\n");
}

TEST(HtmlReader, ReadsDeclaredEncodingsWhenNotUtf8) {
  EXPECT_EQ(TextOf("<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xE9</p>"
                   "</body></html>"),
            "caf\xC3\xA9\n");
}

TEST(HtmlReader, RefusesNestingDeeperThanTheLimit) {
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep</body></html>";
  Result<Document> doc = ReadHtmlBytes(html);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(doc.error().message(),
            "test.html: HTML elements nested deeper than 256 levels (raise the limit with "
            "--max-xml-depth)");
  ReadOptions raised;
  raised.max_xml_depth = 10000;
  EXPECT_TRUE(ReadHtmlBytes(html, raised).ok());
}

TEST(HtmlReader, DoesNotExpandDeclaredEntities) {
  std::string html = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\">";
  std::string previous = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = previous + "a";
    html += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) html += "&" + previous + ";";
    html += "\">";
    previous = name;
  }
  html += "]><html><body><p>&" + previous + ";</p></body></html>";
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = ReadHtmlBytes(html);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // hang guard
  if (doc.ok()) {
    EXPECT_LT(doc->text.size(), html.size());
  }
}
}  // namespace
}  // namespace clausescan::internal

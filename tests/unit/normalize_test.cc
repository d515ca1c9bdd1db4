#include "text/normalize.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/document.h"

namespace clausescan::internal {
namespace {

NormalizedText Plain(std::string_view doc) { return Normalize(doc, NormalizeOptions{}); }

NormalizedText Markdown(std::string_view doc) {
  NormalizeOptions options;
  options.markdown = true;
  return Normalize(doc, options);
}

// The document bytes that produced the first occurrence of word in the cased view.
std::string SourceOf(const NormalizedText& text, std::string_view doc, std::string_view word) {
  std::size_t at = text.text.find(word);
  if (at == std::string::npos) return "<not in text: " + text.text + ">";
  auto [begin, end] = text.SourceRange(at, at + word.size(), doc);
  return std::string(doc.substr(begin, end - begin));
}

struct ViewCase {
  const char* name;
  std::string doc;
  bool markdown;
  std::string text;
};

TEST(Normalize, BuildsTheCasedView) {
  const ViewCase cases[] = {
      {"empty", "", false, ""},
      {"ascii unchanged", "Supplier shall notify Customer.", false,
       "Supplier shall notify Customer."},
      {"curly quotes",
       "\xE2\x80\x9C"
       "Data\xE2\x80\x9D and Provider\xE2\x80\x99s",
       false, "\"Data\" and Provider's"},
      {"low and reversed quotes", "\xE2\x80\x9Ax\xE2\x80\x9B \xE2\x80\x9Ey\xE2\x80\x9F", false,
       "'x' \"y\""},
      {"dashes",
       "a\xE2\x80\x90"
       "b\xE2\x80\x93"
       "c\xE2\x80\x94"
       "d\xE2\x88\x92"
       "e",
       false, "a-b-c-d-e"},
      {"non-breaking hyphen", "e\xE2\x80\x91mail", false, "e-mail"},
      {"ligatures",
       "\xEF\xAC\x81nal \xEF\xAC\x82ow o\xEF\xAC\x80"
       "er",
       false, "final flow offer"},
      {"fullwidth and compatibility", "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 \xE2\x84\xA2 \xC2\xBD",
       false,
       "ABC TM 1\xE2\x81\x84"
       "2"},
      {"composes combining marks", "cafe\xCC\x81", false, "caf\xC3\xA9"},
      {"soft hyphen removed",
       "Indemni\xC2\xAD"
       "fication",
       false, "Indemnification"},
      {"zero-width removed", "Sub\xE2\x80\x8Bprocessor\xE2\x80\x8D\xE2\x81\xA0", false,
       "Subprocessor"},
      {"bom removed", "\xEF\xBB\xBFTerms", false, "Terms"},
      {"nbsp and other spaces",
       "a\xC2\xA0"
       "b\xE2\x80\x83\xE2\x80\xAF"
       "c\xE3\x80\x80"
       "d",
       false, "a b c d"},
      {"space runs", "a  \t b\t\tc", false, "a b c"},
      {"spaces at line starts and ends", "  first  \n\t second \n", false, "first\nsecond\n"},
      {"blank lines kept", "One.\n\n\nTwo", false, "One.\n\n\nTwo"},
      {"crlf", "one\r\ntwo.\r\n\r\nThree", false, "one\ntwo.\n\nThree"},
      {"lone cr", "one\rtwo", false, "one\ntwo"},
      {"line separator", "one\xE2\x80\xA8two", false, "one\ntwo"},
      {"controls separate words",
       "a\x01"
       "b\x7F"
       "c",
       false, "a b c"},
      {"hyphenation joined", "Indemni-\nfication", false, "Indemnification"},
      {"hyphenation with spaces", "indemni- \r\n   fication", false, "indemnification"},
      {"hyphenation with a dash character", "sub\xE2\x80\x90\nprocessor", false, "subprocessor"},
      {"hyphenation keeps a compound number", "seventy-\ntwo (72) hours", false,
       "seventy-two (72) hours"},
      {"hyphenation keeps a compound number with spaces", "Twenty- \r\n four", false,
       "Twenty-four"},
      {"hyphenation joins a broken number word", "seven-\nty", false, "seventy"},
      {"hyphenation needs lower case after", "Data-\nProtection", false, "Data-\nProtection"},
      {"hyphenation needs a letter before", "2019-\nnow", false, "2019-\nnow"},
      {"hyphenation needs a letter after", "self-\n2", false, "self-\n2"},
      {"lone hyphen line", "-\nitem", false, "-\nitem"},
      {"text keeps markdown", "**bold** <span>x</span> [a](b)", false,
       "**bold** <span>x</span> [a](b)"},
      {"span tags", "<span class=\"keyterms_link\">Provider</span> will", true, "Provider will"},
      {"tag with quoted >", "<a title=\"a > b\" href='x'>link</a>", true, "link"},
      {"block tags leave a space", "one<br>two<br/>three</p>four", true, "one two three four"},
      {"list item tags", "<ol>\n  <li>First item.</li>\n  <li>Second</li>\n</ol>", true,
       "\n- First item.\n- Second\n"},
      {"inline list items start lines", "Parties: <li>one</li><li>two</li>", true,
       "Parties:\n- one\n- two"},
      {"comments", "a <!-- hidden -> still --> b", true, "a b"},
      {"not tags", "a < b and 3<4 and <https://x.y>", true, "a < b and 3<4 and <https://x.y>"},
      {"unclosed tag", "<span class=\"x\" never closes", true, "<span class=\"x\" never closes"},
      {"strong and emphasis", "**Bold** and *it* and __under__ and _u_", true,
       "Bold and it and under and u"},
      {"emphasis around punctuation", "**1. The Agreement**. Text", true, "1. The Agreement. Text"},
      {"mixed emphasis", "_**Nature of processing:**_ text", true, "Nature of processing: text"},
      {"snake case kept", "keyterms_link and a_b_c", true, "keyterms_link and a_b_c"},
      {"list markers kept", "* item\n- item\n+ item\n1. item", true,
       "* item\n- item\n+ item\n1. item"},
      {"rules kept", "***\n___\n---", true, "***\n___\n---"},
      {"spaced star kept", "5 * 3", true, "5 * 3"},
      {"code ticks", "use `code` here", true, "use code here"},
      {"links", "see [the policy](https://x.y/a_b_(c) now", true, "see the policy now"},
      {"images", "![logo](logo.png) text", true, "logo text"},
      {"reference links", "our [uptime page][uptime] and [Customer Name]", true,
       "our uptime page and [Customer Name]"},
      {"brackets without link", "[*****] redacted", true, "[*****] redacted"},
      {"emphasis around parentheses", "**(a)** and *\"Term\"*", true, "(a) and \"Term\""},
      {"escapes", "\\*not emphasis\\* and C:\\path", true, "*not emphasis* and C:\\path"},
      {"entities", "A&amp;B&nbsp;C &lt;x&gt; &quot;q&quot; &#39;s &copy;", true,
       "A&B C <x> \"q\" 's &copy;"},
      {"headings kept", "## 7.2 Security\nText", true, "## 7.2 Security\nText"},
      {"front matter removed", "---\ntitle: 'SLA'\n---\n# SLA\nText", true, "\n# SLA\nText"},
      {"front matter needs its end", "---\ntitle: x\n", true, "---\ntitle: x\n"},
      {"a rule is not front matter", "---\nText\n---\nMore", true, "---\nText\n---\nMore"},
      {"text has no front matter", "---\na\n---\nb", false, "---\na\n---\nb"},
  };
  for (const ViewCase& c : cases) {
    EXPECT_EQ(Normalize(c.doc, NormalizeOptions{c.markdown}).text, c.text) << c.name;
  }
}

struct SourceCase {
  const char* name;
  std::string doc;
  bool markdown;
  std::string word;    // in the cased view
  std::string source;  // the document bytes it maps back to
};

TEST(NormalizedText, SourceRangeGivesTheOriginalBytes) {
  const SourceCase cases[] = {
      {"ascii", "Supplier shall notify", false, "shall", "shall"},
      {"curly quotes", "the \xE2\x80\x9CSecurity Incident\xE2\x80\x9D means", false,
       "\"Security Incident\"", "\xE2\x80\x9CSecurity Incident\xE2\x80\x9D"},
      {"apostrophe", "Provider\xE2\x80\x99s data", false, "Provider's", "Provider\xE2\x80\x99s"},
      {"word after quotes", "\xE2\x80\x9CX\xE2\x80\x9D Provider", false, "Provider", "Provider"},
      {"ligature", "the \xEF\xAC\x81nal notice", false, "final", "\xEF\xAC\x81nal"},
      {"inside a ligature", "\xEF\xAC\x81", false, "i", "\xEF\xAC\x81"},
      {"soft hyphen",
       "Indemni\xC2\xAD"
       "fication applies",
       false, "Indemnification",
       "Indemni\xC2\xAD"
       "fication"},
      {"nbsp", "24\xC2\xA0hours", false, "24 hours", "24\xC2\xA0hours"},
      {"line-end hyphenation", "The Indemni-\nfication clause", false, "Indemnification",
       "Indemni-\nfication"},
      {"crlf", "first line\r\nsecond line", false, "line\nsecond", "line\r\nsecond"},
      {"span", "<span class=\"keyterms_link\">Provider</span> will", true, "Provider", "Provider"},
      {"bold", "the **bold** term", true, "bold", "bold"},
      {"link text", "see [text](https://x.y) now", true, "text", "text"},
      {"across markup", "**Provider** will <b>notify</b>", true, "Provider will notify",
       "Provider** will <b>notify"},
      {"combining mark", "cafe\xCC\x81 open", false, "caf\xC3\xA9", "cafe\xCC\x81"},
      {"precomposed", "caf\xC3\xA9 open", false, "caf\xC3\xA9", "caf\xC3\xA9"},
      {"fullwidth", "\xEF\xBC\xA1\xEF\xBC\xA2", false, "B", "\xEF\xBC\xA2"},
      {"space run", "a \t  b", false, "a b", "a \t  b"},
      {"emoji", "ok \xF0\x9F\x98\x80 done", false, "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
  };
  for (const SourceCase& c : cases) {
    NormalizedText text = Normalize(c.doc, NormalizeOptions{c.markdown});
    EXPECT_EQ(SourceOf(text, c.doc, c.word), c.source) << c.name;
  }
}

TEST(NormalizedText, SourceRangeOfCommonPaperMarkdown) {
  const std::string doc =
      "    1. <span class=\"header_3\">Provider as Processor.</span>  In situations where "
      "<span class=\"keyterms_link\">Customer</span> is a Controller of the Customer\xE2\x80\x99s "
      "Personal Data, <span class=\"keyterms_link\">Provider</span> will be deemed a Processor.";
  NormalizedText text = Markdown(doc);
  EXPECT_EQ(text.text,
            "1. Provider as Processor. In situations where Customer is a Controller of the "
            "Customer's Personal Data, Provider will be deemed a Processor.");
  for (std::string_view word : {"Provider", "Customer", "Customer's", "Processor."}) {
    std::string source = SourceOf(text, doc, word);
    EXPECT_EQ(Plain(source).text, word) << word;
  }
  std::size_t at = text.text.find("Provider will");
  auto [begin, end] = text.SourceRange(at, text.text.size(), doc);
  EXPECT_EQ(doc.substr(begin, end - begin), "Provider</span> will be deemed a Processor.");
}

TEST(NormalizedText, SourceRangeClampsItsArguments) {
  std::string doc = "abc";
  NormalizedText text = Plain(doc);
  EXPECT_EQ(text.SourceRange(0, 3, doc), (std::pair<std::size_t, std::size_t>{0, 3}));
  EXPECT_EQ(text.SourceRange(2, 99, doc), (std::pair<std::size_t, std::size_t>{2, 3}));
  NormalizedText empty = Plain("");
  EXPECT_EQ(empty.SourceRange(0, 1, ""), (std::pair<std::size_t, std::size_t>{0, 0}));
}

TEST(Normalize, FoldsCaseWithoutChangingLengths) {
  struct Case {
    std::string doc;
    std::string folded;
  };
  const Case cases[] = {
      {"Supplier SHALL Notify", "supplier shall notify"},
      {"\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"},  // ÉTÉ -> été
      {"\xCE\xA3\xCE\xA9", "\xCF\x83\xCF\x89"},    // ΣΩ -> σω
      {"\xE1\xBA\x9E", "\xE1\xBA\x9E"},            // ẞ folds to 2-byte ß: kept
      {"line one\nLine Two", "line one line two"},
  };
  for (const Case& c : cases) {
    NormalizedText text = Plain(c.doc);
    EXPECT_EQ(text.folded, c.folded) << c.doc;
    EXPECT_EQ(text.folded.size(), text.text.size()) << c.doc;
  }
}

TEST(Normalize, MapsEveryByteToTheDocument) {
  std::string doc = "A \xEF\xAC\x81le\r\n<b>x</b>";
  NormalizedText text = Markdown(doc);
  ASSERT_EQ(text.text, "A file\nx");
  EXPECT_EQ(text.source, (std::vector<std::uint32_t>{0, 1, 2, 2, 5, 6, 8, 12, 17}));
}

// Random documents from pieces that exercise every path; checks the invariants of the views.
TEST(Normalize, KeepsItsInvariantsOnRandomInput) {
  const std::vector<std::string> pieces = {"word",
                                           "Word",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "-",
                                           "-\n",
                                           "\xC2\xAD",
                                           "\xC2\xA0",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xEF\xAC\x81",
                                           "\xCC\x81",
                                           "e\xCC\x81",
                                           "\xE2\x80\x8B",
                                           "\xEF\xBB\xBF",
                                           "\xE1\xBA\x9E",
                                           "\xEF\xBC\xA1",
                                           "\xF0\x9F\x98\x80",
                                           "*",
                                           "**",
                                           "_",
                                           "`",
                                           "<span class=\"x\">",
                                           "</span>",
                                           "<li>",
                                           "<br>",
                                           "<!--",
                                           "-->",
                                           "[",
                                           "](",
                                           ")",
                                           "][",
                                           "]",
                                           "\\",
                                           "\\*",
                                           "&amp;",
                                           "&nbsp;",
                                           "<",
                                           ">",
                                           "\"",
                                           "#",
                                           "1.",
                                           "\xE2\x80\xA8",
                                           "\xFF",
                                           "\xC3",
                                           "\xED\xA0\x80"};
  std::mt19937 random(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string doc;
    int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) doc += pieces[random() % pieces.size()];
    for (bool markdown : {false, true}) {
      NormalizedText text = Normalize(doc, NormalizeOptions{markdown});
      ASSERT_EQ(text.folded.size(), text.text.size()) << doc;
      ASSERT_EQ(text.source.size(), text.text.size() + 1) << doc;
      ASSERT_EQ(text.source.back(), doc.size()) << doc;
      ASSERT_EQ(FindInvalidUtf8(text.text), std::string::npos) << doc;  // '?' for invalid bytes
      for (std::size_t i = 0; i < text.text.size(); ++i) {
        ASSERT_LT(text.source[i], doc.size()) << doc;
        if (i > 0) {
          ASSERT_LE(text.source[i - 1], text.source[i]) << doc;
        }
        ASSERT_EQ(text.folded[i] == ' ', text.text[i] == ' ' || text.text[i] == '\n') << doc;
      }
      ASSERT_EQ(text.text.find("  "), std::string::npos) << doc;
      ASSERT_EQ(text.text.find(" \n"), std::string::npos) << doc;
      ASSERT_EQ(text.text.find("\n "), std::string::npos) << doc;
    }
  }
}

TEST(Normalize, RunsInLinearTimeOnPathologicalMarkdown) {
  std::string doc;
  for (int i = 0; i < 20000; ++i) doc += "<a [x]( <!-- > ";
  NormalizedText text = Markdown(doc);
  EXPECT_EQ(text.source.size(), text.text.size() + 1);
}

TEST(LineIndex, FindsLinesAndColumns) {
  std::string doc = "first\nsecond \xC3\xA9x\n\nlast";
  LineIndex lines(doc);
  EXPECT_EQ(lines.Line(0), 1);
  EXPECT_EQ(lines.Column(0), 1);
  EXPECT_EQ(lines.Line(5), 1);  // the '\n' ends line 1
  EXPECT_EQ(lines.Line(6), 2);
  EXPECT_EQ(lines.Column(6), 1);
  std::size_t x = doc.find('x');
  EXPECT_EQ(lines.Line(x), 2);
  EXPECT_EQ(lines.Column(x), 9);  // "second é" is 8 characters
  EXPECT_EQ(lines.Line(doc.find("last")), 4);
  EXPECT_EQ(lines.Line(doc.size()), 4);
  EXPECT_EQ(lines.Column(doc.size()), 5);
  EXPECT_EQ(lines.Line(doc.size() + 10), 4);
  LineIndex empty("");
  EXPECT_EQ(empty.Line(0), 1);
  EXPECT_EQ(empty.Column(0), 1);
}

// Text converted from a PDF breaks sentences at page ends ("In no\n\n\n\nevent will"); with the
// option, the blank lines go and the sentence is one unit. Word, HTML and Markdown paragraphs
// (the option off) keep them.
TEST(Normalize, DropsBlankLinesInsideASentenceWhenAsked) {
  const struct {
    const char* doc;
    const char* joined;
  } cases[] = {
      {"In no\n\n\n\nevent will", "In no\nevent will"},
      {"If notified,\n\r\n\f\nthe Supplier", "If notified,\nthe Supplier"},
      {"fees\n\nThe Supplier", "fees\n\nThe Supplier"},            // a capital starts a sentence
      {"as follows\n\na. the fees", "as follows\n\na. the fees"},  // a list item
      {"the fees.\n\nthe Supplier", "the fees.\n\nthe Supplier"},  // the sentence ended
      // a page number between the halves of the sentence
      {"In no\n\n - 8 -\n\nevent will", "In no\nevent will"},
      {"In no\n\nPage 8\n\n\nevent will", "In no\nevent will"},
      // a clause in capitals: a line that ran to the margin, then capitals again
      {"EXCEPT FOR A CLAIM UNDER SECTION 10, IN NO EVENT SHALL EITHER PARTY BE LIABLE TO THE\n\n"
       "    8\n\n  OTHER PARTY IN AN AMOUNT GREATER THAN THE FEES.",
       "EXCEPT FOR A CLAIM UNDER SECTION 10, IN NO EVENT SHALL EITHER PARTY BE LIABLE TO THE\n"
       "OTHER PARTY IN AN AMOUNT GREATER THAN THE FEES."},
      // a heading in capitals is short: it stays apart
      {"LIMITATION OF LIABILITY\n\nIN NO EVENT SHALL",
       "LIMITATION OF LIABILITY\n\nIN NO EVENT SHALL"},
      // a number that is not alone on its line is text, not a page number to skip
      {"the fees\n\n8 units\n\nof stock", "the fees\n\n8 units\nof stock"},
      // issue 11 #3: after a page number, a name or a number goes on with the sentence ...
      {"shall notify the\n\n8\n\nCustomer within", "shall notify the\nCustomer within"},
      {"notify within\n\nPage 8\n\n24 hours of", "notify within\n24 hours of"},
      // ... but not a list item, a numbered heading or a heading in capitals
      {"as follows\n\n8\n\nB. the fees", "as follows\n\n8\n\nB. the fees"},
      {"as follows\n\n8\n\n12. Term", "as follows\n\n8\n\n12. Term"},
      {"as follows\n\n8\n\nSection 4 Fees", "as follows\n\n8\n\nSection 4 Fees"},
      {"as follows\n\n8\n\nFEES AND PAYMENT", "as follows\n\n8\n\nFEES AND PAYMENT"},
      // an item of a list that lost its markers, ending in ';', goes on over a page break with
      // the next item in lower case ...
      {"minimise the harm;\n\n\n\nremedy the breach;", "minimise the harm;\nremedy the breach;"},
      {"minimise the harm; and\n\n- 4 -\n\nremedy the breach",
       "minimise the harm; and\nremedy the breach"},
      // ... but not into a capitalised sentence or a marked item
      {"minimise the harm;\n\n8\n\nThe Supplier", "minimise the harm;\n\n8\n\nThe Supplier"},
      {"minimise the harm;\n\nb. remedy it", "minimise the harm;\n\nb. remedy it"},
  };
  NormalizeOptions join;
  join.join_sentences_across_blank_lines = true;
  for (const auto& c : cases) {
    NormalizedText text = Normalize(c.doc, join);
    EXPECT_EQ(text.text, c.joined) << c.doc;
    EXPECT_EQ(text.folded.size(), text.text.size());
    EXPECT_EQ(text.source.size(), text.text.size() + 1);
  }
  EXPECT_EQ(Normalize("In no\n\n\n\nevent will", NormalizeOptions{}).text,
            "In no\n\n\n\nevent will");
}

}  // namespace
}  // namespace clausescan::internal

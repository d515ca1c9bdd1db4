// HTML that libxml2's parser handles in more than linear time (issue 16 review C): an element
// with very many attributes, a document of very many distinct names. The reader refuses both
// before libxml2 sees them, reading the markup as libxml2 does, so that text that only looks
// like such markup (in a comment, a script, an attribute value) is read as before and markup
// hidden behind such text is still found. Hostile files are made here and read in a child
// process under a CPU bound that libxml2 exceeds many times over on them.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>

#include "extract/document.h"
#include "support/bounded_child.h"

namespace clausescan::internal {
namespace {

using ::clausescan::testing::ChildOutcome;
using ::clausescan::testing::RunBounded;

constexpr const char* kClause =
    "<p>Supplier shall notify Customer of any Security Incident within 24 hours.</p>";

std::string Page(const std::string& body) {
  return std::string("<html><head><title>T</title></head><body>") + kClause + body +
         "</body></html>\n";
}

// `count` attributes with distinct names, written `a0 a1 ...` (hex).
std::string Attributes(int count) {
  std::string out;
  char name[16];
  for (int i = 0; i < count; ++i) {
    std::snprintf(name, sizeof name, " a%x", i);
    out += name;
  }
  return out;
}

// Reads html in a bounded child: "ok" and the text, or the error message.
ChildOutcome ReadBounded(const std::string& html, const std::string& name) {
  return RunBounded(
      [&] {
        Result<Document> doc = ReadDocument(html, name, ReadOptions{});
        return doc.ok() ? "ok " + doc->text : doc.error().message();
      },
      {10, std::size_t{1} << 30});
}

// issue 16 review C: an element of 400,000 distinct attribute names (3 MB) took libxml2 minutes
// (it compares each name with every earlier one of the element).
TEST(HostileHtml, AnElementWithVeryManyAttributesIsRefused) {
  const std::string html = Page("<p" + Attributes(400000) + ">x</p>");
  const ChildOutcome outcome = ReadBounded(html, "attributes.html");
  ASSERT_TRUE(outcome.finished) << outcome.Describe();
  EXPECT_EQ(outcome.output,
            "attributes.html: an HTML element with more than 256 attributes (at byte 120), the "
            "limit of the HTML reader");
}

// issue 16 review C: 2 million distinct entity names (16 MB) took libxml2 80 s: it keeps every
// name in a dictionary whose table stops growing. Element names do the same.
TEST(HostileHtml, VeryManyDistinctNamesAreRefused) {
  std::string entities;
  std::string elements;
  char name[32];
  for (int i = 0; i < 2'000'000; ++i) {
    std::snprintf(name, sizeof name, "&e%x; ", i);
    entities += name;
    if (i < 1'000'000) {
      std::snprintf(name, sizeof name, "<t%x></t%x>", i, i);
      elements += name;
    }
  }
  for (const auto& [body, file] :
       {std::pair{entities, "entities.html"}, std::pair{elements, "elements.html"}}) {
    const ChildOutcome outcome = ReadBounded(Page("<p>" + body + "</p>"), file);
    ASSERT_TRUE(outcome.finished) << file << ": " << outcome.Describe();
    EXPECT_NE(outcome.output.find(std::string(file) +
                                  ": more than 50000 distinct HTML element, attribute and "
                                  "entity names (at byte "),
              std::string::npos)
        << outcome.output;
  }
}

// What only looks like an element with many attributes is read as before: a comment, a script,
// a style and an attribute value hold it as text; 256 attributes are allowed.
TEST(HostileHtml, TextThatLooksLikeManyAttributesIsRead) {
  const std::string fake = "<p" + Attributes(300) + ">";
  const std::string bodies[] = {
      "<!-- " + fake + " -->",
      "<!-- --!> <p>after a comment closed the old way</p>",
      "<script>for (i = 0; i " + fake + "</script>",
      "<SCRIPT type=x>var s = '" + fake + "';</SCRIPTS>",
      "<style>p " + fake + "</style>",
      "<p title=\"" + fake + "\">x</p>",
      "<p title='" + fake + "'>x</p>",
      "<?php " + fake.substr(2) + "?>",
      "<p" + Attributes(256) + ">x</p>",
  };
  for (const std::string& body : bodies) {
    Result<Document> doc = ReadDocument(Page(body), "page.html", ReadOptions{});
    EXPECT_TRUE(doc.ok()) << body.substr(0, 60) << ": " << doc.error().message();
  }
}

// Markup libxml2 parses is counted however it is disguised: after a comment that names a script,
// after a script that opens a quote, with '>' in a quoted value, with names past the 100
// characters libxml2 keeps (the rest is another attribute), after a NUL byte.
TEST(HostileHtml, DisguisedAttributesAreCounted) {
  std::string long_names;
  for (int i = 0; i < 300; ++i) {
    char chunk[8];
    std::snprintf(chunk, sizeof chunk, "%04d", i);
    long_names += std::string(96, 'n') + chunk;  // 100 characters each, one name
  }
  const std::string bomb = "<p" + Attributes(300) + ">x</p>";
  const std::string bodies[] = {
      "<!-- <script> -->" + bomb,
      "<script>var s = '<p a=\"';</script>" + bomb + "\"",
      "<p title=\"a>b\"" + Attributes(300) + ">x</p>",
      "<p " + long_names + ">x</p>",
      std::string("<p a\0b", 6) + Attributes(300) + ">x</p>",
      "<style/>" + bomb,
      "<!DOCTYPE html SYSTEM \"a>b\">" + bomb,
  };
  for (const std::string& body : bodies) {
    Result<Document> doc = ReadDocument(Page(body), "page.html", ReadOptions{});
    ASSERT_FALSE(doc.ok()) << body.substr(0, 60);
    EXPECT_EQ(doc.error().code(), ErrorCode::kTooLarge);
    EXPECT_NE(doc.error().message().find("more than 256 attributes"), std::string::npos)
        << body.substr(0, 60) << ": " << doc.error().message();
  }
}

// libxml2 decides on no encoding by itself: a declared charset that would not read ASCII as
// ASCII (UTF-7, where "+ADw-" is '<'; UTF-16) is not used, so the markup the reader counted is the
// markup libxml2 parses. Charsets that keep ASCII (Windows-1252, Shift_JIS) are.
TEST(HostileHtml, OnlyCharsetsThatKeepAsciiAreUsed) {
  struct Case {
    std::string html;
    std::string text;
  };
  const Case cases[] = {
      {"<meta charset=\"utf-7\"><p>Caf\xE9 +ADw-b+AD4-bold</p>", "Caf\xC3\xA9 +ADw-b+AD4-bold\n"},
      {"<meta charset=utf-16><p>Caf\xE9</p>", "Caf\xC3\xA9\n"},
      {"<meta charset=\"windows-1252\"><p>\x93quoted\x94 \x80"
       "5</p>",
       "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC"
       "5\n"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
       "<p>\x8C\x5F\x96\xF1</p>",
       "\xE5\xA5\x91\xE7\xB4\x84\n"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadDocument("<html>" + c.html + "</html>", "page.html", ReadOptions{});
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->text, c.text) << c.html;
  }
}

}  // namespace
}  // namespace clausescan::internal

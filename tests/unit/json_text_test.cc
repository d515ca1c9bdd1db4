// JSON looked at before it is parsed (common/json_text.h), and the JSON Lines filter's reading
// of its input lines (issue 16 review E).
#include "common/json_text.h"

#include <gtest/gtest.h>

#include <string>

#include "clausescan/printers.h"

namespace clausescan {
namespace {

using internal::FindJsonTooDeep;
using internal::RawJsonMember;
constexpr std::size_t kNone = std::string::npos;

TEST(JsonText, DepthIsCountedOnBracketsOutsideStrings) {
  EXPECT_EQ(FindJsonTooDeep("{}", 1), kNone);
  EXPECT_EQ(FindJsonTooDeep("[[]]", 1), 1u);
  EXPECT_EQ(FindJsonTooDeep("[[]]", 2), kNone);
  EXPECT_EQ(FindJsonTooDeep(R"({"a":"[[[[","b":[]})", 2), kNone);
  EXPECT_EQ(FindJsonTooDeep(R"({"a\"[[":[[]]})", 2), 10u);
  EXPECT_EQ(FindJsonTooDeep("[],[],[],[]", 1), kNone);  // levels, not brackets
  EXPECT_EQ(FindJsonTooDeep("]]]][[", 1), 5u);          // stray closers do not go below 0
  EXPECT_EQ(FindJsonTooDeep(std::string(64, '['), 64), kNone);
  EXPECT_EQ(FindJsonTooDeep(std::string(100000, '[')), 64u);
  EXPECT_EQ(FindJsonTooDeep("\"unterminated [[[", 1), kNone);
}

TEST(JsonText, RawMemberIsTheValueAsWritten) {
  struct Case {
    std::string text;
    const char* raw;  // nullptr: none
  };
  const Case cases[] = {
      {R"({"id":12345678901234567890123,"text":"x"})", "12345678901234567890123"},
      {R"( { "text" : "x" , "id" : [1, {"a":"]"}] } )", R"([1, {"a":"]"}])"},
      {R"({"id":"a\"b","text":"x"})", R"("a\"b")"},
      {R"({"id":1,"id":2})", "2"},                          // the last one, as a parser keeps
      {R"({"id":1e999,"text":"x"})", "1e999"},              // out of range: still its text
      {"{\"id\":\"u8\",\"text\":\"bad \xff\"}", "\"u8\""},  // invalid UTF-8 elsewhere
      {R"({"id":7,"text":"unterminated})", "7"},            // breaks off after it
      {R"({"text":"x"})", nullptr},
      {R"(["id",1])", nullptr},
      {R"({"id":)", nullptr},
      {R"({"i\u0064":1})", "1"},               // rel15 #3: keys decoded, as a parser reads them
      {R"({"i\u0064d":1,"\u0069":2})", nullptr},  // decoded, neither is "id"
      {"\xEF\xBB\xBF{\"id\":3}", "3"},          // rel15 #3: after a byte order mark
  };
  for (const Case& c : cases) {
    std::optional<std::string_view> raw = RawJsonMember(c.text, "id");
    if (c.raw == nullptr) {
      EXPECT_FALSE(raw.has_value()) << c.text;
    } else {
      EXPECT_EQ(raw.value_or("(none)"), c.raw) << c.text;
    }
  }
}

TEST(JsonLinesRequest, ReadsIdTextAndName) {
  JsonLinesRequest r = ReadJsonLinesRequest(
      R"({"id":12345678901234567890123,"x":[[],{"text":1}],"name":"a.md","text":"Body"})", 3);
  ASSERT_FALSE(r.error) << r.error->message();
  EXPECT_TRUE(r.id.is_json());
  EXPECT_EQ(r.id.text(), "12345678901234567890123");
  EXPECT_EQ(r.text, "Body");
  EXPECT_EQ(r.name, "a.md");
  r = ReadJsonLinesRequest(R"({"text":"Body"})", 4);
  ASSERT_FALSE(r.error);
  EXPECT_FALSE(r.id.is_json());
  EXPECT_EQ(r.id.text(), "line 4");
  EXPECT_EQ(r.name, "");
}

TEST(JsonLinesRequest, BadLinesKeepTheirIdAndSayWhy) {
  struct Case {
    std::string line;
    std::string id;  // the id's text
    ErrorCode code;
    std::string message;
  };
  const Case cases[] = {
      {R"({"id":"a","text":1})", "a", ErrorCode::kInvalidArgument,
       "<stdin>:2: expected a JSON object with a string \"text\" (and an \"id\"; \"name\", if "
       "given, a string)"},
      {R"({"id":"a","text":"x","name":["n"]})", "a", ErrorCode::kInvalidArgument,
       "<stdin>:2: expected a JSON object with a string \"text\" (and an \"id\"; \"name\", if "
       "given, a string)"},
      {R"(["text","x"])", "line 2", ErrorCode::kInvalidArgument,
       "<stdin>:2: expected a JSON object with a string \"text\" (and an \"id\"; \"name\", if "
       "given, a string)"},
      {"{\"id\":\"a\",\"text\":\"\xc3\"}", "a", ErrorCode::kInvalidUtf8,
       "<stdin>:2: invalid UTF-8 at byte 18 of the line (JSON text must be UTF-8)"},
      {R"({"id":"a","text":"x",})", "a", ErrorCode::kInvalidArgument,
       "<stdin>:2: invalid JSON at byte 21: syntax error while parsing object key - unexpected "
       "'}'; expected string literal"},
      {"{\"id\":\"a\",\"text\":\"x\",\"deep\":" + std::string(65, '[') + "}", "a",
       ErrorCode::kTooLarge, "<stdin>:2: JSON nested deeper than 64 levels (at byte 91)"},
  };
  for (const Case& c : cases) {
    JsonLinesRequest r = ReadJsonLinesRequest(c.line, 2);
    ASSERT_TRUE(r.error) << c.line;
    EXPECT_EQ(r.id.text(), c.id) << c.line;
    EXPECT_EQ(r.error->code(), c.code) << c.line;
    EXPECT_EQ(r.error->message(), c.message) << c.line;
  }
}

}  // namespace
}  // namespace clausescan

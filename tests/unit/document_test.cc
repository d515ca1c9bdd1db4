#include "extract/document.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace clausescan::internal {
namespace {

constexpr std::size_t kValid = std::string_view::npos;

struct Utf8Case {
  const char* name;
  std::string bytes;
  std::size_t invalid_at;
};

TEST(FindInvalidUtf8, ClassifiesSequences) {
  const Utf8Case cases[] = {
      {"empty", "", kValid},
      {"ascii", "Supplier shall notify Customer.", kValid},
      {"two bytes", "caf\xC3\xA9", kValid},
      {"three bytes", "\xE2\x80\x9Cquote\xE2\x80\x9D", kValid},
      {"four bytes", "\xF0\x9F\x98\x80", kValid},
      {"highest code point", "\xF4\x8F\xBF\xBF", kValid},
      {"last before surrogates", "\xED\x9F\xBF", kValid},
      {"first after surrogates", "\xEE\x80\x80", kValid},
      {"overlong two bytes", "a\xC0\xAF", 1},
      {"overlong C1", "a\xC1\xBF", 1},
      {"overlong three bytes", "ab\xE0\x80\xAF", 2},
      {"overlong four bytes", "\xF0\x80\x80\xAF", 0},
      {"high surrogate", "x\xED\xA0\x80", 1},
      {"low surrogate", "x\xED\xBF\xBF", 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"lead F5", "\xF5\x80\x80\x80", 0},
      {"byte FF", "ok \xFF", 3},
      {"lone continuation", "ok\x80", 2},
      {"truncated at end", "text \xE2\x82", 5},
      {"truncated before ASCII",
       "\xE2\x82"
       "A",
       0},
      {"truncated four bytes", "\xF0\x9F\x98", 0},
      {"after the ASCII fast path", "0123456789abcdefghij\xC3", 20},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.invalid_at) << c.name;
  }
}

TEST(ReadDocument, RejectsInvalidUtf8WithFileAndOffset) {
  std::string bytes = "Line one.\nBad \xFF byte.";
  Result<Document> doc = ReadDocument(bytes, "contract.txt", ReadOptions{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(doc.error().byte_offset(), 14);
  EXPECT_EQ(doc.error().file(), "contract.txt");
  EXPECT_EQ(doc.error().line(), 2);
  EXPECT_EQ(doc.error().column(), 5);
  EXPECT_NE(doc.error().message().find("contract.txt"), std::string::npos);
  EXPECT_NE(doc.error().message().find(
                "invalid UTF-8 at byte 14 (use ScanOptions::lossy_utf8 to replace invalid bytes)"),
            std::string::npos);
}

TEST(ReadDocument, LossyModeReplacesEachInvalidByte) {
  ReadOptions options;
  options.lossy_utf8 = true;
  std::string bytes =
      "a\xFF"
      "b\xE2\x82"
      "c\xED\xA0\x80"
      "d\xC3\xA9";
  Result<Document> doc = ReadDocument(bytes, "x.txt", options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "a?b??c???d\xC3\xA9");
  EXPECT_EQ(doc->text.size(), bytes.size());
  EXPECT_EQ(FindInvalidUtf8(doc->text), kValid);
}

TEST(ReadDocument, KeepsTheBytesAndTheBom) {
  std::string bytes = "\xEF\xBB\xBFSupplier shall notify.\r\n";
  Result<Document> doc = ReadDocument(bytes, "a.txt", ReadOptions{});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, bytes);
  EXPECT_EQ(doc->name, "a.txt");
}

TEST(ReadDocument, ChoosesTheFormat) {
  struct Case {
    const char* name;
    const char* bytes;
    Format format;
  };
  const Case cases[] = {
      {"dpa.md", "plain words", Format::kMarkdown},
      {"DPA.Markdown", "plain words", Format::kMarkdown},
      {"dir.v2/terms.MD", "plain words", Format::kMarkdown},
      {"terms.txt", "# Heading\n**bold**", Format::kText},
      {"<stdin>", "# Data Processing Agreement\n\nText.", Format::kMarkdown},
      {"<stdin>", "See [the policy](https://example.com/policy).", Format::kMarkdown},
      {"<stdin>", "The **Provider** shall.", Format::kMarkdown},
      {"<stdin>", "1. DEFINITIONS\n\nSection 7.2 applies. #hashtag", Format::kText},
      {"notes", "", Format::kText},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadDocument(c.bytes, c.name, ReadOptions{});
    ASSERT_TRUE(doc.ok()) << c.name;
    EXPECT_EQ(doc->format, c.format) << c.name << ": " << c.bytes;
  }
}

TEST(ReadDocument, ConvertsUtf16WithAByteOrderMark) {
  // As Windows Notepad saves "Unicode" (UTF-16LE), and as UTF-16BE; with a non-ASCII character.
  const std::u16string words16 = u"Notify within 24 hours \u00A7 7.";
  const std::string words = "Notify within 24 hours \xC2\xA7 7.";
  std::string little = "\xFF\xFE";
  std::string big = "\xFE\xFF";
  for (char16_t c : words16) {
    little += static_cast<char>(c & 0xFF), little += static_cast<char>(c >> 8);
    big += static_cast<char>(c >> 8), big += static_cast<char>(c & 0xFF);
  }
  for (const std::string& bytes : {little, big}) {
    Result<Document> doc = ReadDocument(bytes, "notice.txt", ReadOptions{});
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    EXPECT_EQ(doc->text, words);
    EXPECT_EQ(doc->input_bytes, bytes.size());
    ASSERT_EQ(doc->notes.size(), 1u);
    EXPECT_NE(doc->notes[0].find("UTF-16"), std::string::npos);
  }
}

// UTF-16 little-endian bytes of text, after a byte order mark.
std::string Utf16Le(const std::u16string& text) {
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes += static_cast<char>(c & 0xFF), bytes += static_cast<char>(c >> 8);
  }
  return bytes;
}

// Attack review of main 9ef7676 #5: invalid UTF-16 (an unpaired surrogate, an odd final byte)
// is an error naming its byte offset, as invalid UTF-8 is; --lossy-utf8 replaces it.
TEST(ReadDocument, InvalidUtf16IsAnErrorNamingItsOffset) {
  const Result<Document> lone = ReadDocument(
      Utf16Le(u"Title\nSecu\xD800rity Incident within 24 hours."), "notice.txt", ReadOptions{});
  ASSERT_FALSE(lone.ok());
  EXPECT_EQ(lone.error().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(lone.error().message(),
            "notice.txt:2:5: invalid UTF-16 at byte 22: an unpaired surrogate (use "
            "ScanOptions::lossy_utf8 "
            "to replace invalid code units)");
  const Result<Document> odd =
      ReadDocument(Utf16Le(u"Security Incident within 24 hours.") + "x", "odd.txt", ReadOptions{});
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().message(),
            "odd.txt:1:35: invalid UTF-16 at byte 70: an odd final byte, half a code unit (use "
            "ScanOptions::lossy_utf8 to replace invalid code units)");
}

// issue 13 s10 #3: with --lossy-utf8 an unpaired UTF-16 surrogate inside a word is replaced by
// U+FFFD, and the reader is told (a word holding it no longer matches a rule), with the line it
// is on.
TEST(ReadDocument, Utf16LoneSurrogateIsReplacedAndReportedWhenLossy) {
  ReadOptions lossy;
  lossy.lossy_utf8 = true;
  Result<Document> doc = ReadDocument(Utf16Le(u"Title\nSecu\xD800rity Incident within 24 hours."),
                                      "notice.txt", lossy);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_EQ(doc->text, "Title\nSecu\xEF\xBF\xBDrity Incident within 24 hours.");
  ASSERT_EQ(doc->notes.size(), 2u);
  EXPECT_EQ(doc->notes[1],
            "1 invalid UTF-16 code unit (unpaired surrogates or an odd final byte) replaced by "
            "U+FFFD (first on line 2): a word holding one is not matched by the rules; fix the "
            "file's encoding");
}

TEST(ReadDocument, RefusesBinaryFilesAndImagesByName) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const Case cases[] = {
      {"scan.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
       "scan.png: an image, not a document with text: run OCR on it first (for example into a "
       "searchable PDF)"},
      {"scan.jpg", "\xFF\xD8\xFF\xE0 JFIF", nullptr},
      {"scan.tif", std::string("II*\0\x08\0\0\0", 8), nullptr},
      {"contract.txt", std::string("Supplier shall\0\x01\x02 notify.", 20),
       "contract.txt: a binary file (a NUL byte at byte 14), not a document clausescan reads: "
       "text, Markdown, HTML, DOCX or PDF"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadDocument(c.bytes, c.name, ReadOptions{});
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.error().code(), ErrorCode::kUnsupportedFormat) << c.name;
    EXPECT_EQ(doc.error().file(), c.name);
    if (c.message != nullptr) {
      EXPECT_EQ(doc.error().message(), c.message);
    }
  }
}

TEST(ReadDocument, RejectsInputAboveTheLimit) {
  ReadOptions options;
  options.max_input_bytes = 4;
  Result<Document> doc = ReadDocument("12345", "big.txt", options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), ErrorCode::kTooLarge);
}

TEST(FormatName, NamesFormats) {
  EXPECT_EQ(FormatName(Format::kText), "txt");
  EXPECT_EQ(FormatName(Format::kMarkdown), "md");
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/clausescan_document_test_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    for (const std::string& file : files_) std::remove(file.c_str());
    ::rmdir(dir_.c_str());
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    files_.push_back(path);
    return path;
  }
  std::string dir_;
  std::vector<std::string> files_;
};

using ReadFileBytesTest = TempDir;

TEST_F(ReadFileBytesTest, ReadsTheWholeFile) {
  std::string bytes(200000, 'x');
  bytes[123456] = '\0';
  std::string path = Write("big.txt", bytes);
  Result<std::string> read = ReadFileBytes(path, bytes.size());
  ASSERT_TRUE(read.ok()) << read.error().message();
  EXPECT_EQ(*read, bytes);
}

TEST_F(ReadFileBytesTest, ReadsAnEmptyFile) {
  Result<std::string> read = ReadFileBytes(Write("empty.txt", ""), 10);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, "");
}

TEST_F(ReadFileBytesTest, NamesAMissingFileAndTheReason) {
  std::string path = dir_ + "/missing.txt";
  Result<std::string> read = ReadFileBytes(path, 10);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::kIo);
  EXPECT_EQ(read.error().file(), path);
  EXPECT_NE(read.error().message().find(path), std::string::npos);
  EXPECT_NE(read.error().message().find("No such file or directory"), std::string::npos);
}

TEST_F(ReadFileBytesTest, RejectsADirectory) {
  Result<std::string> read = ReadFileBytes(dir_, 10);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::kIo);
  EXPECT_NE(read.error().message().find(dir_), std::string::npos);
  EXPECT_NE(read.error().message().find("s a directory"), std::string::npos);
}

TEST_F(ReadFileBytesTest, RejectsAFileAboveTheLimit) {
  Result<std::string> read = ReadFileBytes(Write("five.txt", "12345"), 4);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::kTooLarge);
  EXPECT_TRUE(ReadFileBytes(Write("four.txt", "1234"), 4).ok());
}

}  // namespace
}  // namespace clausescan::internal

// Writes the seed inputs the fuzz targets are replayed on that cannot live in the project as
// files: the XML parts of the shared Word documents in docx_xml_fuzzer's input layout, and
// hostile inputs (small files that expand to huge text, bombs, deep nesting, text that looks
// like another format; YAML that expands through aliases, nests deep, or has huge ids, keys and
// scalars), generated here so no large or hostile file is committed.
//
// Usage: make_seeds OUT_DIR [SHARED_DOCX_DIR]
// Writes OUT_DIR/<target>/<name> for the targets docx, docx_xml, html, md, txt and rules,
// replacing what is there. A SHARED_DOCX_DIR that does not exist is skipped. Exit status 0, or 1
// with a message when a file cannot be read or written.
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "support/document_files.h"
#include "support/hostile_yaml.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPartSeparator = "\n<!--part-->\n";  // as docx_xml_fuzzer.cc
constexpr const char* kXmlParts[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                     "word/footnotes.xml"};

bool Write(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) std::fprintf(stderr, "make_seeds: %s: cannot write\n", path.c_str());
  return static_cast<bool>(out);
}

// The content of entry in the archive at path, or "" when it has none.
std::string ReadEntry(zip_t* archive, const char* entry) {
  zip_file_t* file = zip_fopen(archive, entry, 0);
  if (file == nullptr) return {};
  std::string out;
  char buffer[1 << 16];
  for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  return out;
}

// docx_xml seeds: the XML parts of each shared Word document joined by the separator.
bool WriteXmlSeeds(const fs::path& docx_dir, const fs::path& out) {
  std::error_code ec;
  if (!fs::is_directory(docx_dir, ec)) return true;
  for (const fs::directory_entry& entry : fs::directory_iterator(docx_dir, ec)) {
    if (entry.path().extension() != ".docx") continue;
    int error = 0;
    zip_t* archive = zip_open(entry.path().c_str(), ZIP_RDONLY, &error);
    if (archive == nullptr) {
      std::fprintf(stderr, "make_seeds: %s: cannot open\n", entry.path().c_str());
      return false;
    }
    std::string joined;
    for (const char* part : kXmlParts) {
      if (part != kXmlParts[0]) joined += kPartSeparator;
      joined += ReadEntry(archive, part);
    }
    zip_discard(archive);
    if (!Write(out / (entry.path().stem().string() + ".xml"), joined)) return false;
  }
  return true;
}

// `unit` written `times` times.
std::string Repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// One line of `sentences` clause sentences: every finding's column is on the same line.
std::string LongLine(std::size_t sentences) {
  return Repeat("The Supplier shall notify the Customer of any Security Incident within 24 hours. ",
                sentences);
}

bool WriteHostileSeeds(const fs::path& out) {
  using clausescan::testing::BillionLaughsDocx;
  using clausescan::testing::DeepDocx;
  using clausescan::testing::DenseXmlDocx;
  using clausescan::testing::NestedListsHtml;
  using clausescan::testing::RepeatedFootnoteDocx;
  using clausescan::testing::RepeatedLevelTextDocx;
  using clausescan::testing::ZipBombDocx;
  return Write(out / "docx" / "footnote-repeated.docx",
               RepeatedFootnoteDocx(2000, std::size_t{1} << 20)) &&
         Write(out / "docx" / "number-label-repeated.docx", RepeatedLevelTextDocx(20000, 20000)) &&
         Write(out / "docx" / "dense-xml.docx", DenseXmlDocx(std::size_t{8} << 20)) &&
         Write(out / "docx" / "billion-laughs.docx", BillionLaughsDocx()) &&
         Write(out / "docx" / "zip-bomb.docx", ZipBombDocx(std::size_t{100} << 20)) &&
         Write(out / "docx" / "deep.docx", DeepDocx(100000)) &&
         Write(out / "html" / "nested-lists.html", NestedListsHtml(120, 400000)) &&
         Write(out / "txt" / "mentions-pdf.txt",
               "Notes on the file formats we accept.\nA PDF starts with %PDF-1.7 and a binary "
               "comment.\nThe Supplier shall notify the Customer within 24 hours.\n") &&
         Write(out / "txt" / "long-line.txt", LongLine(40000)) &&
         Write(out / "md" / "long-line.md", "# Security\n\n" + LongLine(40000));
}

// rules seeds: the hostile YAML of the loader's tests (tests/support/hostile_yaml.h), at the
// sizes the tests use.
bool WriteHostileYamlSeeds(const fs::path& out) {
  namespace t = clausescan::testing;
  return Write(out / "aliased-list.yaml", t::AliasedListPlaybook(20000, 2000)) &&
         Write(out / "aliased-text.yaml", t::AliasedTextPlaybook(256 * 1024, 8000)) &&
         Write(out / "billion-laughs.yaml", t::NestedAliasesPlaybook(9)) &&
         Write(out / "alias-inside-itself.yaml", t::AliasInsideItselfPlaybook()) &&
         Write(out / "long-list.yaml", t::LongListPlaybook(100001)) &&
         Write(out / "deep.yaml", t::DeeplyNestedPlaybook(3000)) &&
         Write(out / "long-ids.yaml", t::LongIdsPlaybook(20000)) &&
         Write(out / "long-key.yaml", t::LongKeyPlaybook(100000)) &&
         Write(out / "huge-scalar.yaml", t::HugeScalarPlaybook((std::size_t{4} << 20) + 1)) &&
         Write(out / "aliased-patterns.yaml", t::AliasedPatternsRule(2000, 2000));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_seeds OUT_DIR [SHARED_DOCX_DIR]\n");
    return 1;
  }
  const fs::path out = argv[1];
  std::error_code ec;
  for (const char* target : {"docx", "docx_xml", "html", "md", "txt", "rules"}) {
    fs::remove_all(out / target, ec);
    fs::create_directories(out / target, ec);
    if (ec) {
      std::fprintf(stderr, "make_seeds: %s: %s\n", (out / target).c_str(), ec.message().c_str());
      return 1;
    }
  }
  if (argc > 2 && !WriteXmlSeeds(argv[2], out / "docx_xml")) return 1;
  return WriteHostileSeeds(out) && WriteHostileYamlSeeds(out / "rules") ? 0 : 1;
}

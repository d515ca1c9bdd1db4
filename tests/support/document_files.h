// Documents the tests make at run time: DOCX files (written with libzip), small PDFs (written by
// hand, with a correct cross-reference table), and hostile files (zip bomb, XML bomb, truncated
// archive, junk). Nothing here is copied from elsewhere; the encrypted PDF comes from the qpdf
// tool (installed by scripts/install-deps.sh).
#ifndef CLAUSESCAN_TESTS_SUPPORT_DOCUMENT_FILES_H_
#define CLAUSESCAN_TESTS_SUPPORT_DOCUMENT_FILES_H_

#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausescan::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// A ZIP archive with the entries (name, content) in order, deflated, built in memory.
inline std::string MakeZip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string out;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

inline constexpr std::string_view kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// The parts of a test DOCX beyond the body: each is the content of the part's root element
// (left out of the package when empty).
struct DocxParts {
  std::string body;       // the children of <w:body>
  std::string numbering;  // the children of <w:numbering>
  std::string styles;     // the children of <w:styles>
  std::string footnotes;  // the children of <w:footnotes>
  std::string header;     // the children of <w:hdr> (word/header1.xml)
  std::string comments;   // the children of <w:comments>
  std::string doctype;    // placed before <w:document> (a DTD: never in a real DOCX)
};

inline std::string XmlPart(std::string_view root, std::string_view content,
                           std::string_view doctype = {}) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + std::string(doctype) +
         "<w:" + std::string(root) + " " + std::string(kWordNs) + ">" + std::string(content) +
         "</w:" + std::string(root) + ">";
}

// A Word document as Word lays it out: content types, relationships, the main document and the
// parts given.
inline std::string MakeDocx(const DocxParts& parts) {
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto relationship = [&](std::string_view id, std::string_view type, std::string_view target) {
    rels += "<Relationship Id=\"" + std::string(id) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
            std::string(type) + "\" Target=\"" + std::string(target) + "\"/>";
  };
  ZipEntries entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
       "Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml",
       XmlPart("document", "<w:body>" + parts.body + "</w:body>", parts.doctype)},
  };
  auto add = [&](std::string_view content, std::string_view root, std::string_view file,
                 std::string_view type) {
    if (content.empty()) return;
    entries.push_back({"word/" + std::string(file), XmlPart(root, content)});
    relationship("r" + std::string(file), type, file);
  };
  add(parts.numbering, "numbering", "numbering.xml", "numbering");
  add(parts.styles, "styles", "styles.xml", "styles");
  add(parts.footnotes, "footnotes", "footnotes.xml", "footnotes");
  add(parts.header, "hdr", "header1.xml", "header");
  add(parts.comments, "comments", "comments.xml", "comments");
  entries.push_back({"word/_rels/document.xml.rels", rels + "</Relationships>"});
  return MakeZip(entries);
}

// XML-escapes text for a w:t element.
inline std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// A run of text.
inline std::string TextRun(std::string_view text) {
  return "<w:r><w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r>";
}

// A paragraph of runs, with optional paragraph properties (the children of w:pPr).
inline std::string Para(std::string_view runs, std::string_view ppr = {}) {
  std::string p = "<w:p>";
  if (!ppr.empty()) p += "<w:pPr>" + std::string(ppr) + "</w:pPr>";
  return p + std::string(runs) + "</w:p>";
}

// A paragraph of one run of text.
inline std::string TextPara(std::string_view text, std::string_view ppr = {}) {
  return Para(TextRun(text), ppr);
}

// Paragraph properties for list numbering.
inline std::string NumPr(int num_id, int ilvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}

// A tracked insertion and a tracked deletion.
inline std::string Inserted(std::string_view text) {
  return "<w:ins w:id=\"1\" w:author=\"Counsel\" w:date=\"2024-01-01T00:00:00Z\"><w:r><w:t>" +
         XmlEscape(text) + "</w:t></w:r></w:ins>";
}
inline std::string Deleted(std::string_view text) {
  return "<w:del w:id=\"2\" w:author=\"Counsel\" w:date=\"2024-01-01T00:00:00Z\"><w:r><w:delText>" +
         XmlEscape(text) + "</w:delText></w:r></w:del>";
}

// A DOCX whose notification clause was edited with tracked changes: "within <del>24</del>
// <ins>72</ins> hours".
inline std::string TrackedChangesDocx() {
  DocxParts parts;
  parts.body = TextPara("Security Incidents", "<w:outlineLvl w:val=\"0\"/>") +
               Para(TextRun("Supplier shall notify Customer of any Security Incident within ") +
                    Deleted("twenty-four (24)") + Inserted("seventy-two (72)") +
                    TextRun(" hours after becoming aware of it."));
  return MakeDocx(parts);
}

// A DOCX whose document.xml declares the "billion laughs" entities and uses the last one.
inline std::string BillionLaughsDocx() {
  std::string dtd = "<!DOCTYPE w:document [\n  <!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string name = "lol" + std::to_string(i);
    dtd += "  <!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&" + previous + ";";
    dtd += "\">\n";
    previous = name;
  }
  dtd += "]>\n";
  DocxParts parts;
  parts.doctype = dtd;
  parts.body = "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>";
  return MakeDocx(parts);
}

// A DOCX whose document.xml decompresses to `bytes` bytes (blank space inside one paragraph):
// deflate shrinks it about a thousand times.
inline std::string ZipBombDocx(std::size_t bytes) {
  DocxParts parts;
  parts.body =
      "<w:p><w:r><w:t xml:space=\"preserve\">" + std::string(bytes, ' ') + "</w:t></w:r></w:p>";
  return MakeDocx(parts);
}

// Overwrites the uncompressed size that the local header and the central directory declare for
// `entry`, so the archive lies about how much its data expands to.
inline void LieAboutSize(std::string& zip, std::string_view entry, std::uint32_t size) {
  auto put32 = [&](std::size_t at) { std::memcpy(zip.data() + at, &size, 4); };  // little endian
  for (std::size_t at = 0; at + 46 < zip.size(); ++at) {
    if (zip.compare(at, 4, "PK\x03\x04") == 0 && zip.compare(at + 30, entry.size(), entry) == 0) {
      put32(at + 22);
    } else if (zip.compare(at, 4, "PK\x01\x02") == 0 &&
               zip.compare(at + 46, entry.size(), entry) == 0) {
      put32(at + 24);
    }
  }
}

// A DOCX whose body nests `depth` content controls.
inline std::string DeepDocx(int depth) {
  std::string open;
  std::string close;
  for (int i = 0; i < depth; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  DocxParts parts;
  parts.body = open + TextPara("Deep.") + close;
  return MakeDocx(parts);
}

// issue 16 #6a: a DOCX whose body refers `references` times to one footnote of `note_bytes`
// bytes of text (a reader that writes the note at each reference writes it `references` times).
inline std::string RepeatedFootnoteDocx(int references, std::size_t note_bytes) {
  DocxParts parts;
  std::string note_text;
  while (note_text.size() < note_bytes) note_text += "Business days exclude holidays. ";
  parts.footnotes = "<w:footnote w:id=\"1\"><w:p>" + TextRun(note_text) + "</w:p></w:footnote>";
  std::string runs = TextRun("Supplier shall respond within five business days.");
  for (int i = 0; i < references; ++i) runs += "<w:r><w:footnoteReference w:id=\"1\"/></w:r>";
  parts.body = Para(runs);
  return MakeDocx(parts);
}

// issue 16 #6b: a DOCX of `paragraphs` list paragraphs whose level text repeats "%1" `repeats`
// times, in a number format whose labels are long (letters of a high start: "zzz...").
inline std::string RepeatedLevelTextDocx(int repeats, int paragraphs) {
  std::string level_text;
  for (int i = 0; i < repeats; ++i) level_text += "%1";
  DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1600\"/>"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"" +
      level_text +
      "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  std::string paragraph = TextPara("Item.", NumPr(1, 0));
  for (int i = 0; i < paragraphs; ++i) parts.body += paragraph;
  return MakeDocx(parts);
}

// issue 16 #6d: a DOCX whose document, numbering, styles and footnotes parts each decompress to
// about `part_bytes` of the densest markup ("x<a/>": an element and a text node per 5 bytes),
// which an XML tree parser holds at about 25 times its size.
inline std::string DenseXmlDocx(std::size_t part_bytes) {
  std::string filler;
  filler.reserve(part_bytes + 8);
  while (filler.size() < part_bytes) filler += "x<a/>";
  DocxParts parts;
  parts.body = TextPara("Visible.") + Para("<w:r><w:footnoteReference w:id=\"1\"/></w:r>") + filler;
  parts.numbering = filler;
  parts.styles = filler;
  parts.footnotes = "<w:footnote w:id=\"1\">" + TextPara("Note.") + "</w:footnote>" + filler;
  return MakeDocx(parts);
}

// issue 16 #6c: HTML of lists nested `depth` deep whose innermost list has `items` items.
inline std::string NestedListsHtml(int depth, int items) {
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i) html += "<ul><li>";
  html.reserve(html.size() + 5 * static_cast<std::size_t>(items) + 16);
  for (int i = 0; i < items; ++i) html += "<li>x";
  return html + "</body></html>";
}

// `size` bytes of noise (fixed seed), starting with no known signature.
inline std::string Junk(std::size_t size, unsigned seed = 4) {
  std::mt19937 random(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(random() & 0xFF);
  out[0] = '\x01';
  return out;
}

// Escapes text for a PDF string literal.
inline std::string PdfString(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A PDF of the given objects (object i + 1 is objects[i]; object 1 is the catalog), with a
// cross-reference table that holds their exact byte offsets.
inline std::string PdfFromObjects(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A PDF whose pages show the given lines (ASCII) top to bottom in Helvetica; a page with no
// lines draws a filled rectangle instead (an image-like page without text). The objects are
// numbered, and the cross-reference table holds their exact byte offsets.
inline std::string MakePdf(const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> objects;  // object i + 1
  std::string kids;
  int page_count = static_cast<int>(pages.size());
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  for (int i = 0; i < page_count; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(page_count) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (int i = 0; i < page_count; ++i) {
    std::string content;
    if (pages[i].empty()) {
      content = "0.2 0.2 0.2 rg 72 72 400 600 re f\n";
    } else {
      content = "BT /F1 11 Tf 14 TL 72 760 Td\n";
      for (const std::string& line : pages[i]) content += PdfString(line) + " Tj T*\n";
      content += "ET\n";
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  return PdfFromObjects(objects);
}

// A PDF "form bomb": `depth` form XObjects, each drawing the next `fan` times, the last one a
// word; fan^(depth - 1) words from a few KiB.
inline std::string FormBombPdf(int depth, int fan) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
      "<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
      "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  auto stream = [](const std::string& dict, const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " " + dict + " >>\nstream\n" + data +
           "\nendstream";
  };
  objects[3] = stream("", "BT /F1 12 Tf 72 720 Td (Visible text.) Tj ET /X Do");
  for (int i = 0; i < depth; ++i) {
    std::string form =
        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font "
        "<< /F1 5 0 R >> ";
    std::string data = "BT /F1 12 Tf 72 700 Td (a) Tj ET";
    if (i + 1 < depth) {
      form += "/XObject << /X " + std::to_string(7 + i) + " 0 R >> ";
      data.clear();
      for (int k = 0; k < fan; ++k) data += "/X Do ";
    }
    objects.push_back(stream(form + ">>", data));
  }
  return PdfFromObjects(objects);
}

// The three pages of the test contract PDF, each with a running header and a page-number
// footer; page 2 holds the notification clause, with a word hyphenated across a line end.
inline std::vector<std::vector<std::string>> ContractPages() {
  auto page = [](int number, std::vector<std::string> body) {
    std::vector<std::string> lines = {"ACME Corp - Master Services Agreement - Confidential", ""};
    lines.insert(lines.end(), body.begin(), body.end());
    lines.push_back("");
    lines.push_back("Page " + std::to_string(number) + " of 3");
    return lines;
  };
  return {
      page(1, {"1. Definitions",
               "\"Customer Data\" means data that Customer uploads to the "
               "Service."}),
      page(2, {"7. Security Incidents",
               "Supplier shall notify Customer of any Security Incident without undue",
               "delay and in any event within seventy-two (72) hours after becoming aware",
               "of it. Such notifi-", "cation shall describe the nature of the incident."}),
      page(3, {"9. Governing Law",
               "This Agreement is governed by the laws of the State of New York."}),
  };
}

// Runs a shell command; true when it exits 0.
inline bool Shell(const std::string& command) { return std::system(command.c_str()) == 0; }

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_SUPPORT_DOCUMENT_FILES_H_

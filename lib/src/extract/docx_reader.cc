// DOCX: the text a reader of the Word document sees, paragraph by paragraph.
//
// Parts read: the main document (found through _rels/.rels, word/document.xml by default),
// numbering.xml and styles.xml (list and heading numbers), footnotes.xml and endnotes.xml.
// Headers, footers, comments, text boxes and drawings are not read.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/docx_checkbox.h"
#include "extract/docx_numbering.h"
#include "extract/ooxml.h"
#include "extract/readers.h"
#include "extract/text_builder.h"
#include "extract/xml_part.h"
#include "extract/zip_archive.h"

namespace clausescan::internal {
namespace {

constexpr std::string_view kParagraphBreak = "\n\n";

// Where the parts of the package are.
struct PartNames {
  std::string document = "word/document.xml";
  std::string numbering = "word/numbering.xml";
  std::string styles = "word/styles.xml";
  std::string footnotes = "word/footnotes.xml";
  std::string endnotes = "word/endnotes.xml";
  std::string comments = "word/comments.xml";
};

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\n';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

// True when a paragraph's text is a clause rather than a title: it goes on past its first
// sentence for at least eight more words ("Audit Rights.  The Customer may audit ..."), or it
// is a sentence of ten words or more ("(b) Upon Customer's request, Provider will delete
// Customer Content within 60 days."). "Article 1. Definitions and Interpretation" is a title.
// Whether before (text up to a full stop) ends in a number or a letter that numbers something
// ("Annex A", "Schedule 3", "10.1", "IV"): the stop after it belongs to the number.
bool EndsANumber(std::string_view before) {
  const std::size_t space = before.find_last_of(" \t");
  const std::string_view last = space == std::string_view::npos ? before : before.substr(space + 1);
  if (last.empty() || last.size() > 5) return false;
  if (last.size() == 1) return true;  // "A", "3"
  const bool digits = std::all_of(last.begin(), last.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
  const bool roman = std::all_of(last.begin(), last.end(),
                                 [](char c) { return std::string_view("IVXLivxl").find(c) != std::string_view::npos; });
  return digits || roman;
}

// Whether xml (a comments part) holds a comment element (<w:comment ...>, any prefix).
bool HoldsAComment(std::string_view xml) {
  for (std::size_t at = xml.find('<'); at != std::string_view::npos; at = xml.find('<', at + 1)) {
    std::size_t end = at + 1;
    while (end < xml.size() && std::string_view(" \t\r\n/>").find(xml[end]) == std::string_view::npos) {
      ++end;
    }
    std::string_view name = xml.substr(at + 1, end - at - 1);
    if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
      name.remove_prefix(colon + 1);
    }
    if (name == "comment") return true;
  }
  return false;
}

bool GoesOnPastItsTitle(std::string_view text) {
  constexpr int kClauseWords = 8;
  constexpr int kSentenceWords = 10;
  if (!text.empty() && std::string_view(".;:").find(text.back()) != std::string_view::npos &&
      CountWords(text) >= kSentenceWords) {
    return true;
  }
  for (std::size_t stop = text.find_first_of(".!?"); stop != std::string_view::npos;
       stop = text.find_first_of(".!?", stop + 1)) {
    if (stop + 1 >= text.size() || (text[stop + 1] != ' ' && text[stop + 1] != '\t')) continue;
    if (EndsANumber(text.substr(0, stop))) continue;  // "Annex A. Technical measures ..."
    return CountWords(text.substr(stop + 1)) >= kClauseWords;
  }
  return false;
}

bool IsRevision(std::string_view local) {
  return local == "del" || local == "moveFrom" || local == "ins" || local == "moveTo";
}

// Calls visit(node) for the nodes under container in document order, descending into a node
// only when visit returns true. Iterative: however deep a hostile part nests (the depth limit is
// the user's to raise), the walk uses no stack.
template <typename Visit>
void ForEachDescendant(const pugi::xml_node& container, Visit visit) {
  pugi::xml_node node = container.first_child();
  while (node) {
    if (visit(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == container) return;
    }
    node = node.next_sibling();
  }
}

// Resolves a relationship target against the folder of the part that owns the relationship.
std::string ResolveTarget(std::string_view folder, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string path(folder);
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    std::size_t slash = path.find_last_of('/', path.empty() ? 0 : path.size() - 2);
    path = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  }
  if (target.substr(0, 2) == "./") target.remove_prefix(2);
  return path + std::string(target);
}

// Reads and parses a part; nullptr when the package has no such part.
Result<std::unique_ptr<XmlPart>> LoadPart(const ZipArchive& zip, const std::string& part,
                                          const std::string& name, const ReadOptions& options) {
  Result<std::optional<std::string>> bytes = zip.Read(part, options.max_part_bytes);
  if (!bytes) return bytes.error();
  if (!bytes->has_value()) return std::unique_ptr<XmlPart>();
  return ParseXmlPart(std::move(**bytes), part, name, options.max_xml_depth);
}

// Calls visit(type, target) for each relationship of a .rels part.
template <typename Visit>
Result<bool> ForEachRelationship(const ZipArchive& zip, const std::string& rels,
                                 const std::string& name, const ReadOptions& options, Visit visit) {
  Result<std::unique_ptr<XmlPart>> part = LoadPart(zip, rels, name, options);
  if (!part) return part.error();
  if (!*part) return false;
  for (pugi::xml_node r : (*part)->doc.document_element().children()) {
    if (LocalName(r) != "Relationship") continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    visit(std::string_view(r.attribute("Type").value()),
          std::string_view(r.attribute("Target").value()));
  }
  return true;
}

// Finds the parts through the package relationships; defaults where a relationship is missing.
Result<PartNames> FindParts(const ZipArchive& zip, const std::string& name,
                            const ReadOptions& options) {
  PartNames parts;
  Result<bool> root = ForEachRelationship(zip, "_rels/.rels", name, options,
                                          [&](std::string_view type, std::string_view target) {
                                            if (EndsWith(type, "/officeDocument"))
                                              parts.document = ResolveTarget("", target);
                                          });
  if (!root) return root.error();
  std::size_t slash = parts.document.find_last_of('/');
  std::string folder = slash == std::string::npos ? "" : parts.document.substr(0, slash + 1);
  std::string base = parts.document.substr(folder.size());
  Result<bool> document =
      ForEachRelationship(zip, folder + "_rels/" + base + ".rels", name, options,
                          [&](std::string_view type, std::string_view target) {
                            std::string path = ResolveTarget(folder, target);
                            if (EndsWith(type, "/numbering")) parts.numbering = path;
                            if (EndsWith(type, "/styles")) parts.styles = path;
                            if (EndsWith(type, "/footnotes")) parts.footnotes = path;
                            if (EndsWith(type, "/endnotes")) parts.endnotes = path;
                            if (EndsWith(type, "/comments")) parts.comments = path;
                          });
  if (!document) return document.error();
  return parts;
}

// A footnote or endnote referenced from the body, in the order of its first reference.
struct NoteRef {
  int id;
  std::string label;  // "1" for footnotes, "i" for endnotes (Word's default formats)
};

// The notes of one kind (footnotes or endnotes) the body refers to.
struct NoteRefs {
  std::vector<NoteRef> refs;         // each note once, in the order of its first reference
  std::map<int, std::size_t> by_id;  // index in refs
};

// Writes the body (and the notes) of a document as blocks of text. Keeps no reference to a
// part after the call that wrote it: each part may be freed before the next is read.
class BodyWriter {
 public:
  BodyWriter(const WordNamespace& w, Numbering& numbering, bool original, TextBuilder& out)
      : w_(w), numbering_(numbering), original_(original), out_(out) {}

  // Writes the paragraphs and tables under a block container (body, cell, note, content
  // control) in order. Stops once the text is over its limit (out.over_limit()).
  void Blocks(const pugi::xml_node& container);

  // Writes the referenced notes of a notes part under a heading ("Footnotes"), each once.
  void Notes(const pugi::xml_node& notes_root, std::vector<NoteRef> refs, std::string_view heading);

  // Writes what is still pending (a paragraph whose mark was removed, at the very end).
  void Finish();

  bool has_revisions() const { return has_revisions_; }
  const std::vector<NoteRef>& footnotes() const { return footnotes_.refs; }
  const std::vector<NoteRef>& endnotes() const { return endnotes_.refs; }

 private:
  void Paragraph(const pugi::xml_node& p, std::string_view note_label = {});
  void Inline(const pugi::xml_node& node, std::string& text);
  void Run(const pugi::xml_node& r, std::string& text);
  // True when the paragraph mark is gone in the chosen view (deleted and accepted, or inserted
  // and rejected): the paragraph then runs on into the next one.
  bool MarkRemoved(const pugi::xml_node& ppr);
  std::string Prefix(const pugi::xml_node& ppr);
  void Emit(std::string text);
  // Notes a tracked change (w:ins, w:del, w:moveFrom, w:moveTo); true when its content is part
  // of the chosen view.
  bool KeepsRevision(std::string_view local);
  std::string NoteReference(const pugi::xml_node& ref, NoteRefs& refs, std::string_view format);

  WordNamespace w_;  // of the part being written
  Numbering& numbering_;
  bool original_;
  TextBuilder& out_;
  std::string pending_;  // text of paragraphs whose mark was removed
  int paragraphs_ = 0;
  bool has_revisions_ = false;
  NoteRefs footnotes_;
  NoteRefs endnotes_;
};

void BodyWriter::Blocks(const pugi::xml_node& container) {
  ForEachDescendant(container, [&](const pugi::xml_node& node) {
    if (out_.over_limit()) return false;  // the rest of the walk only skips
    std::string_view local = w_.Local(node);
    if (local == "p") {
      Paragraph(node);
      return false;
    }
    if (local == "sectPr" || local == "tblPr" || local == "tblGrid" || local == "trPr" ||
        local == "tcPr" || local == "sdtPr" || local == "sdtEndPr" || local.empty()) {
      return false;
    }
    if (IsRevision(local)) return KeepsRevision(local);
    return true;  // tbl, tr, tc (cell by cell), sdt, sdtContent, customXml
  });
}

bool BodyWriter::KeepsRevision(std::string_view local) {
  has_revisions_ = true;
  bool removed = (local == "del" || local == "moveFrom") != original_;
  return !removed;
}

bool BodyWriter::MarkRemoved(const pugi::xml_node& ppr) {
  pugi::xml_node rpr = w_.Child(ppr, "rPr");
  if (!rpr) return false;
  bool deleted = w_.Child(rpr, "del") || w_.Child(rpr, "moveFrom");
  bool inserted = w_.Child(rpr, "ins") || w_.Child(rpr, "moveTo");
  if (deleted || inserted) has_revisions_ = true;
  return original_ ? inserted : deleted;
}

// The heading marker and list number of a paragraph: "## 12.3 ", "(b) ", "- " or "".
std::string BodyWriter::Prefix(const pugi::xml_node& ppr) {
  StyleInfo style = numbering_.Style(ppr ? w_.ChildVal(ppr, "pStyle") : std::string_view());
  int num_id = style.num_id;
  int ilvl = style.ilvl;
  int outline = style.title ? 0 : style.outline_level;
  if (pugi::xml_node num = ppr ? w_.Child(ppr, "numPr") : pugi::xml_node()) {
    num_id = ParseInt(w_.ChildVal(num, "numId"), num_id);
    ilvl = ParseInt(w_.ChildVal(num, "ilvl"), ilvl);
  }
  if (pugi::xml_node level = ppr ? w_.Child(ppr, "outlineLvl") : pugi::xml_node()) {
    outline = w_.IntAttr(level, "val", -1);
  }
  std::string prefix;
  if (outline >= 0 && outline <= 8)
    prefix.assign(static_cast<std::size_t>(std::min(outline, 5)) + 1, '#') += ' ';
  std::string label = numbering_.Next(num_id, ilvl < 0 ? 0 : ilvl);
  if (!label.empty()) prefix += label + ' ';
  return prefix;
}

void BodyWriter::Paragraph(const pugi::xml_node& p, std::string_view note_label) {
  pugi::xml_node ppr = w_.Child(p, "pPr");
  std::string text;
  Inline(p, text);
  if (ppr && MarkRemoved(ppr)) {
    pending_ += text;
    return;
  }
  std::string prefix = Prefix(ppr);
  text = pending_ + text;
  pending_.clear();
  if (TrimBlank(text).empty()) return;  // an empty (numbered) paragraph shows nothing to scan
  // Legal templates number clauses with heading styles and write the clause in the same
  // paragraph ("10.1 Protection by Provider.  Provider will indemnify ..."): that is a numbered
  // clause with a run-in title, written as text (its number kept) for the segmenter to read.
  if (!prefix.empty() && prefix.front() == '#' && GoesOnPastItsTitle(TrimBlank(text))) {
    prefix.erase(0, prefix.find(' ') + 1);
  }
  if (!prefix.empty() && prefix.front() == '#') {
    for (char& c : text) {
      if (c == '\n') c = ' ';  // a heading is one line
    }
  }
  std::string block;
  if (!note_label.empty()) block = fmt::format("[{}] ", note_label);
  block += prefix;
  block += TrimBlank(text);
  Emit(std::move(block));
}

void BodyWriter::Emit(std::string text) {
  if (out_.AddBlock(text, kParagraphBreak, 0, paragraphs_ + 1)) ++paragraphs_;
}

void BodyWriter::Inline(const pugi::xml_node& node, std::string& text) {
  ForEachDescendant(node, [&](const pugi::xml_node& child) {
    std::string_view local = w_.Local(child);
    if (local.empty() || local == "pPr" || local == "rPr" || local == "sdtPr" ||
        local == "sdtEndPr" || local == "drawing" || local == "pict" || local == "object" ||
        local == "txbxContent") {
      return false;  // properties, other namespaces (math, drawings), text boxes
    }
    if (local == "r") {
      Run(child, text);
      return false;
    }
    if (local == "sdt") {
      if (std::string_view box = CheckboxControlText(child, w_); !box.empty()) {
        text += box;  // the glyph inside shows the same state, in a symbol font
        return false;
      }
    }
    if (IsRevision(local)) return KeepsRevision(local);
    return true;  // hyperlink, smartTag, sdt, sdtContent, fldSimple, customXml ...
  });
}

void BodyWriter::Run(const pugi::xml_node& r, std::string& text) {
  if (pugi::xml_node rpr = w_.Child(r, "rPr"); rpr && w_.On(w_.Child(rpr, "vanish"))) {
    return;  // hidden text: not what a reader sees
  }
  ForEachDescendant(r, [&](const pugi::xml_node& child) {
    std::string_view local = w_.Local(child);
    if (local == "t" || local == "delText") {  // delText is only reached inside a kept w:del
      text += child.text().get();
    } else if (local == "tab" || local == "ptab") {
      text += '\t';
    } else if (local == "br" || local == "cr") {
      text += '\n';
    } else if (local == "noBreakHyphen") {
      text += '-';
    } else if (local == "fldChar") {
      text += CheckboxFieldText(child, w_);
    } else if (local == "sym") {
      text += SymbolBoxText(child, w_);
    } else if (local == "footnoteReference") {
      text += NoteReference(child, footnotes_, "decimal");
    } else if (local == "endnoteReference") {
      text += NoteReference(child, endnotes_, "lowerRoman");
    } else if (IsRevision(local)) {
      return KeepsRevision(local);
    }
    return false;
  });
}

// A later reference to a note already referred to repeats its label: the note is written once.
std::string BodyWriter::NoteReference(const pugi::xml_node& ref, NoteRefs& refs,
                                      std::string_view format) {
  int id = w_.IntAttr(ref, "id", -1);
  auto [it, first] = refs.by_id.emplace(id, refs.refs.size());
  if (first) {
    refs.refs.push_back({id, FormatNumber(static_cast<int>(refs.refs.size()) + 1, format)});
  }
  return "[" + refs.refs[it->second].label + "]";
}

void BodyWriter::Notes(const pugi::xml_node& notes_root, std::vector<NoteRef> refs,
                       std::string_view heading) {
  if (refs.empty() || !notes_root) return;
  w_ = WordNamespace(notes_root);
  std::map<int, pugi::xml_node> notes;
  for (pugi::xml_node note : RootElement(notes_root).children()) {
    std::string_view local = w_.Local(note);
    if (local != "footnote" && local != "endnote") continue;
    std::string_view type = w_.Attr(note, "type").value();
    if (!type.empty() && type != "normal") continue;  // separators
    notes[w_.IntAttr(note, "id", -1)] = note;
  }
  Emit(fmt::format("# {}", heading));
  for (const NoteRef& ref : refs) {
    if (out_.over_limit()) return;
    auto it = notes.find(ref.id);
    if (it == notes.end()) continue;
    bool first = true;
    for (pugi::xml_node p : it->second.children()) {
      if (w_.Local(p) != "p") continue;
      Paragraph(p, first ? std::string_view(ref.label) : std::string_view());
      first = false;
    }
  }
}

void BodyWriter::Finish() {
  if (!pending_.empty()) Emit(std::exchange(pending_, std::string()));
}

std::string TrackedChangesNote(bool original) {
  return original ? "the document has tracked changes; scanned as it was before them "
                    "(ScanOptions::revisions = Revisions::kOriginal)"
                  : "the document has tracked changes; scanned as if all were accepted "
                    "(ScanOptions::revisions = Revisions::kOriginal scans it as it was before "
                    "them)";
}

}  // namespace

Result<Document> ReadDocx(std::string_view bytes, const std::string& name,
                          const ReadOptions& options) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes, name);
  if (!zip) return zip.error();
  Result<PartNames> parts = FindParts(*zip, name, options);
  if (!parts) return parts.error();
  if (!zip->Has(parts->document)) {
    return Error(ErrorCode::kUnsupportedFormat,
                 fmt::format("a ZIP archive without {}: not a Word document", parts->document),
                 name);
  }
  // One part is parsed at a time, and freed before the next: a parsed part takes several times
  // its size (up to about 27 times for the densest markup), so holding them all at once let
  // a small DOCX take gigabytes.
  Numbering numbers;
  for (auto [part, read] : {std::pair{&parts->styles, &Numbering::ReadStyles},
                            std::pair{&parts->numbering, &Numbering::ReadNumbering}}) {
    Result<std::unique_ptr<XmlPart>> xml = LoadPart(*zip, *part, name, options);
    if (!xml) return xml.error();
    if (*xml) (numbers.*read)((*xml)->doc);
  }

  TextBuilder out(options.max_text_bytes);
  std::optional<BodyWriter> writer;
  {
    Result<std::unique_ptr<XmlPart>> document = LoadPart(*zip, parts->document, name, options);
    if (!document) return document.error();
    WordNamespace w((*document)->doc);
    pugi::xml_node body = w.Child((*document)->doc.document_element(), "body");
    if (!body) {
      return Error(ErrorCode::kCorrupt, fmt::format("{} has no document body", parts->document),
                   name);
    }
    writer.emplace(w, numbers, options.original_revisions, out);
    writer->Blocks(body);
    writer->Finish();
  }
  for (auto [part, heading, refs] :
       {std::tuple{&parts->footnotes, "Footnotes", &writer->footnotes()},
        std::tuple{&parts->endnotes, "Endnotes", &writer->endnotes()}}) {
    if (refs->empty() || out.over_limit()) continue;
    Result<std::unique_ptr<XmlPart>> notes = LoadPart(*zip, *part, name, options);
    if (!notes) return notes.error();
    if (*notes) writer->Notes((*notes)->doc, *refs, heading);
    writer->Finish();
  }
  if (out.over_limit()) return TextLimitError(options.max_text_bytes, name);

  Document doc;
  out.MoveTo(doc);
  if (writer->has_revisions()) {
    doc.notes.push_back(TrackedChangesNote(options.original_revisions));
  }
  if (numbers.simplified()) {
    doc.notes.push_back(
        "the document's list numbering is implausible (overlong number formats or tens of "
        "thousands of lists); some list numbers are shortened or left out");
  }
  if (zip->Has(parts->comments)) {
    // Word writes the part empty too (pandoc always does): only a comment in it is told.
    Result<std::optional<std::string>> comments =
        zip->Read(parts->comments, options.max_part_bytes);
    if (!comments || !*comments || HoldsAComment(**comments)) {
      doc.notes.push_back("the document has comments; they are not part of the scan");
    }
  }
  return doc;
}

}  // namespace clausescan::internal

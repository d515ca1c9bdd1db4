// The pack's index (issue 13 #3): index.md and the self-contained index.html.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clausescan/pack.h"
#include "clausescan/printers.h"
#include "pack/pack_files.h"
#include "report/strings.h"

namespace clausescan {
namespace {

using internal::HtmlEscape;
using internal::MarkdownEscape;
using internal::MarkdownEscapeLine;
using internal::Plural;

std::string SharingText(const PackDocument& d) {
  return d.redacted ? "redacted copy" : std::string(SharingName(d.sharing));
}

// The clause's documents the index lists. The index is for the buyer: what is not in the pack
// is for the supplier (PackMissingText).
std::vector<const PackEvidence*> Listed(const PackClause& c) {
  std::vector<const PackEvidence*> out;
  for (const PackEvidence& e : c.evidence) {
    if (e.listed) out.push_back(&e);
  }
  return out;
}

// One row of the index: a line of a contract the pack answers, with the clauses (one per
// category) found on it merged (issue 13 s11 #5): their titles, distinct, joined by "; ", and
// their listed documents, each once.
struct IndexRow {
  const PackClause* first = nullptr;  // where the row is (line, page, section)
  std::string title;
  std::vector<const PackEvidence*> evidence;
};

// The rows of one contract: one per line with a listed document, in clause order.
std::vector<IndexRow> RowsOf(const Pack& pack, const std::string& contract) {
  std::vector<IndexRow> rows;
  for (const PackClause& c : pack.clauses) {
    if (c.document != contract) continue;
    const std::vector<const PackEvidence*> listed = Listed(c);
    if (listed.empty()) continue;
    auto same_line = [&](const IndexRow& row) { return row.first->line == c.line; };
    auto row = std::find_if(rows.begin(), rows.end(), same_line);
    if (row == rows.end()) {
      rows.push_back({&c, c.title, {}});
      row = rows.end() - 1;
    } else if (("; " + row->title + "; ").find("; " + c.title + "; ") == std::string::npos) {
      row->title += "; " + c.title;
    }
    for (const PackEvidence* e : listed) {
      auto same = [&](const PackEvidence* other) { return other->evidence == e->evidence; };
      if (std::none_of(row->evidence.begin(), row->evidence.end(), same)) {
        row->evidence.push_back(e);
      }
    }
  }
  return rows;
}

std::size_t AnsweredClauses(const Pack& pack) {
  std::size_t n = 0;
  for (const std::string& contract : pack.contracts) n += RowsOf(pack, contract).size();
  return n;
}

// The index is for the buyer: it counts what the pack holds, not what it lacks.
std::string Summary(const Pack& pack) {
  return fmt::format("{} for {}.", Plural(pack.documents.size(), "document", "documents"),
                     Plural(AnsweredClauses(pack), "clause", "clauses"));
}

// A file's name without its folders: the buyer gets no local path.
std::string FileName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Where the clause is, as the scan report places it: the PDF page, the DOCX paragraph, else
// the line.
std::string Where(const PackClause& c) {
  if (c.page > 0) return "p. " + std::to_string(c.page);
  if (c.paragraph > 0) return "\u00B6 " + std::to_string(c.paragraph);
  return "line " + std::to_string(c.line);
}

// The last `parts` components of path ("da/c.md" for 2 of "/home/u/da/c.md"), or all of it.
std::string LastParts(const std::string& path, int parts) {
  std::size_t at = path.size();
  for (int i = 0; i < parts; ++i) {
    if (at == 0) return path;
    const std::size_t slash = path.find_last_of('/', at - 1);
    if (slash == std::string::npos) return path;
    at = slash;
  }
  return path.substr(at + 1);
}

// How the index names a contract: its file name, or, when another contract of the pack has the
// same file name (da/c.md and db/c.md), the fewest last folders that tell them apart, never the
// local path above them (issue 13 s8 #5).
std::string ContractName(const Pack& pack, const std::string& contract) {
  for (int parts = 1; parts < 64; ++parts) {
    const std::string name = LastParts(contract, parts);
    bool shared = false;
    for (const std::string& other : pack.contracts) {
      shared = shared || (other != contract && LastParts(other, parts) == name);
    }
    if (!shared || name == contract) return name;
  }
  return contract;
}

const char* kIntro =
    "A security pack prepared before the buyer asks: for each clause of the contracts, the "
    "documents of ours that answer it and where they are in this pack.";

}  // namespace

std::string PackIndexMarkdown(const Pack& pack) {
  std::string out = "# Security pack\n\n" + std::string(kIntro) + "\n\n";
  out += "Company profile: `" + MarkdownEscape(FileName(pack.profile)) + "`; documents judged on " +
         pack.as_of.ToString() + ". Contracts:\n\n";
  for (const std::string& contract : pack.contracts) {
    out += "- " + MarkdownEscapeLine(ContractName(pack, contract)) + "\n";
  }
  out += "\n" + Summary(pack) + "\n\n";
  out +=
      "Also in this pack: [the sub-processors](subprocessors.md) ([CSV](subprocessors.csv)) "
      "and, under a non-disclosure agreement, [the SoA excerpt](documents/nda/soa-excerpt.md) "
      "([CSV](documents/nda/soa-excerpt.csv)).\n";

  out += "\n## Documents\n\n";
  if (pack.documents.empty()) {
    out += "No document of the profile answers the clauses and may be shared.\n";
  } else {
    out += "| Document | Evidence | Sharing | Valid until | File |\n|---|---|---|---|---|\n";
    for (const PackDocument& d : pack.documents) {
      out += "| " + MarkdownEscape(d.title) + " | " + MarkdownEscape(d.evidence) + " | " +
             SharingText(d) + " | " + d.valid_until.ToString() + " | [" +
             MarkdownEscape(d.pack_path) + "](" + d.pack_path + ") |\n";
    }
    out +=
        "\nShare `nda` documents and redacted copies only under a non-disclosure agreement; "
        "they are under documents/nda/ and documents/redacted/.\n";
  }

  out += "\n## Clauses and the evidence that answers them\n";
  for (const std::string& contract : pack.contracts) {
    out += "\n### " + MarkdownEscape(ContractName(pack, contract)) + "\n\n";
    const std::vector<IndexRow> rows = RowsOf(pack, contract);
    if (rows.empty()) {
      out += "No clause that a document of this pack answers.\n";
      continue;
    }
    out += "| Where | Section | Clause | Evidence |\n|---|---|---|---|\n";
    for (const IndexRow& row : rows) {
      const PackClause* c = row.first;
      std::string evidence;
      for (const PackEvidence* e : row.evidence) {
        if (!evidence.empty()) evidence += "<br>";
        evidence += MarkdownEscape(e->title) + ": [" + MarkdownEscape(e->pack_path) + "](" +
                    e->pack_path + ")";
      }
      out += fmt::format("| {} | {} | {} | {} |\n", Where(*c),
                         c->section.empty() ? "" : MarkdownEscape(c->section),
                         MarkdownEscape(row.title), evidence);
    }
  }
  out += fmt::format("\n{}\n", kNotLegalAdvice);  // issue 14 #3: a human format
  return out;
}

std::string PackIndexHtml(const Pack& pack) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"clausescan\">\n<title>Security pack</title>\n<style>\n"
      "body { margin: 0; color: #1d2433; background: #fff; font: 15px/1.55 system-ui, "
      "-apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }\n"
      "main { max-width: 1080px; margin: 0 auto; padding: 2rem 2.5rem 3rem; }\n"
      "h1 { margin: 0 0 .5rem; font-size: 1.9rem; border-bottom: 3px solid #23408e; "
      "padding-bottom: .6rem; }\n"
      "h2 { font-size: 1.35rem; margin: 2.2rem 0 .7rem; border-bottom: 1px solid #d9dde5; }\n"
      "h3 { font-size: 1.05rem; color: #23408e; overflow-wrap: anywhere; }\n"
      ".muted { color: #5b6475; }\n"
      "table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }\n"
      "th, td { border: 1px solid #d9dde5; padding: .35rem .55rem; text-align: left; "
      "vertical-align: top; overflow-wrap: anywhere; }\n"
      "th { background: #f6f7f9; }\n"
      "td.date, td.num, th { white-space: nowrap; overflow-wrap: normal; }\n"
      "a { color: #23408e; }\n"
      "code { font: .85em ui-monospace, Menlo, Consolas, monospace; }\n"
      "ul.ev { margin: 0; padding-left: 1.1rem; }\n"
      "</style>\n</head>\n<body>\n<main>\n<h1>Security pack</h1>\n";
  out += "<p>" + HtmlEscape(kIntro) + "</p>\n";
  out += "<p class=\"muted\">Company profile <code>" + HtmlEscape(FileName(pack.profile)) +
         "</code>; documents judged on " + pack.as_of.ToString() + ". Contracts:</p>\n<ul>\n";
  for (const std::string& contract : pack.contracts) {
    out += "<li><code>" + HtmlEscape(ContractName(pack, contract)) + "</code></li>\n";
  }
  out += "</ul>\n<p><strong>" + HtmlEscape(Summary(pack)) + "</strong></p>\n";
  out +=
      "<p>Also in this pack: <a href=\"subprocessors.md\">the sub-processors</a> "
      "(<a href=\"subprocessors.csv\">CSV</a>) and, under a non-disclosure agreement, "
      "<a href=\"documents/nda/soa-excerpt.md\">the SoA excerpt</a> "
      "(<a href=\"documents/nda/soa-excerpt.csv\">CSV</a>).</p>\n";

  out += "<h2>Documents</h2>\n";
  if (pack.documents.empty()) {
    out += "<p>No document of the profile answers the clauses and may be shared.</p>\n";
  } else {
    out +=
        "<table>\n<thead><tr><th>Document</th><th>Evidence</th><th>Sharing</th><th>Valid "
        "until</th><th>File</th></tr></thead>\n<tbody>\n";
    for (const PackDocument& d : pack.documents) {
      out += "<tr><td>" + HtmlEscape(d.title) + "</td><td><code>" + HtmlEscape(d.evidence) +
             "</code></td><td>" + HtmlEscape(SharingText(d)) + "</td><td class=\"date\">" +
             d.valid_until.ToString() + "</td><td><a href=\"" + HtmlEscape(d.pack_path) + "\">" +
             HtmlEscape(d.pack_path) + "</a></td></tr>\n";
    }
    out +=
        "</tbody>\n</table>\n<p class=\"muted\">Share <code>nda</code> documents and redacted "
        "copies only under a non-disclosure agreement.</p>\n";
  }

  out += "<h2>Clauses and the evidence that answers them</h2>\n";
  for (const std::string& contract : pack.contracts) {
    out += "<h3>" + HtmlEscape(ContractName(pack, contract)) + "</h3>\n";
    const std::vector<IndexRow> rows = RowsOf(pack, contract);
    if (rows.empty()) {
      out += "<p>No clause that a document of this pack answers.</p>\n";
      continue;
    }
    out +=
        "<table>\n<thead><tr><th>Where</th><th>Section</th><th>Clause</th><th>Evidence</th></tr>"
        "</thead>\n<tbody>\n";
    for (const IndexRow& row : rows) {
      const PackClause* c = row.first;
      std::string evidence = "<ul class=\"ev\">";
      for (const PackEvidence* e : row.evidence) {
        evidence += "<li>" + HtmlEscape(e->title) + ": <a href=\"" + HtmlEscape(e->pack_path) +
                    "\">" + HtmlEscape(e->pack_path) + "</a></li>";
      }
      evidence += "</ul>";
      out += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         HtmlEscape(Where(*c)), HtmlEscape(c->section), HtmlEscape(row.title),
                         evidence);
    }
    out += "</tbody>\n</table>\n";
  }
  out += fmt::format("<footer><p>{}</p></footer>\n", HtmlEscape(kNotLegalAdvice));
  out += "</main>\n</body>\n</html>\n";
  return out;
}

namespace internal {

std::vector<std::pair<std::string, std::string>> PackTextFiles(const Pack& pack) {
  return {{"index.md", PackIndexMarkdown(pack)},
          {"index.html", PackIndexHtml(pack)},
          {"subprocessors.csv", SubprocessorsCsv(pack)},
          {"subprocessors.md", SubprocessorsMarkdown(pack)},
          {"documents/nda/soa-excerpt.csv", SoaExcerptCsv(pack)},
          {"documents/nda/soa-excerpt.md", SoaExcerptMarkdown(pack)}};
}

}  // namespace internal
}  // namespace clausescan

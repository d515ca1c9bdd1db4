#!/usr/bin/env python3
"""Recall on the TUNING documents when they reach the scanner as a document converter would give
them, beside the original: the labels (quotes) are the same, only the reading of the text changes.
A fall from the original column is the engine misreading converted text, not the rules missing a
phrasing.

Variants (each built on the one before it where it says so):
  original     the document as it is (Markdown read as Markdown)
  plain        Markdown markup stripped as a converter does (tags, emphasis, links, '#', table pipes
               -> cells separated by spaces, '- ' bullets -> '•'), saved as .txt
  wrapped      plain, every line hard-wrapped at --width columns (pdftotext without -layout)
  hyphenated   wrapped, long lower-case words split at line ends with '-'
  markers      plain, clause numbers and bullets alone on their line ("1.2\\nThe Supplier ...")
  pages        wrapped, a page footer ("Page N of M"), a form feed and a running header every
               --page-lines lines, wherever the page ends (mid-sentence too)
  all          wrapped + hyphenated + markers + pages
  pdf          plain rendered to a real PDF (Courier, wrapped at --width, --page-lines lines a
               page, footer and header lines) and scanned as the PDF (clausescan's PDF reader)
  pdftotext    the same PDF converted by poppler's pdftotext (no -layout), saved as .txt
  mdwrap       Markdown kept, filled at --markdown-width as prettier/mdformat do: list-item
               continuations indented under the item's text ("1." items: 3 spaces), "> " quotes
  sembr        Markdown kept, one sentence (or ';' clause) per line (semantic line breaks)
  crlf         the document as it is with CRLF line ends
  rst          reStructuredText: underlined headings, "* " items with indented continuations
  adoc         AsciiDoc: "== " headings, "* "/". " items whose continuations are not indented,
               "|===" tables, "____" quotes
  layout       as pdftotext -layout gives a typeset page: centred headings, body indented, clause
               numbers in a margin column, hanging list items, tables as side-by-side columns
               whose cells wrap inside their column
  cells        plain, every table cell on a line of its own
  justified    wrapped, lines padded to --width with runs of spaces
  crlf-wrapped wrapped with CRLF line ends
  typeset      the document typeset as a word processor sets it (groff -ms to PDF: Times,
               justified and hyphenated, headings in bold, clause numbers and bullets "•", "o",
               "▪" hanging before their text, a running title and page number on every page),
               converted by pdftotext without -layout: markers alone on their line, a blank
               line between marker and text, sentences broken at the margin and over pages
  typeset-pdf  the same PDF scanned as the PDF (clausescan's PDF reader)
Text (.txt) documents have no Markdown structure: mdwrap, sembr, rst, adoc, layout and cells
leave them as they are. Each variant's recall is printed beside that of its base (BASE).

Labels are found in a variant by their letters and digits only (everything else ignored), so line
breaks, hyphens and markers inside a quote do not lose it; a quote cut by a page header is found by
its first and last 40 letters. Labels not found in a variant are counted apart ("lost").

Usage: conversion_variants.py [--scanner PATH] [--variants a,b] [--per-category] [--keep DIR]
                              [--examples VARIANT,...]
       conversion_variants.py --pairs [--scanner PATH] [--examples pairs]
Tuning documents only (accuracy_split.py's tuning sets); never the check part.

--pairs compares real conversions instead: each PDF of ../shared/corpus/pdf with its CUAD text
(cuad/<same name>.txt) and each DOCX of ../shared/corpus/docx with the Markdown it was made from.
Per category it counts the findings of the text version that the converted one keeps (a finding
of the same category whose text holds the same letters) and the findings it adds; --examples
pairs lists the lost ones (document, category, rule, first letters).
"""
import argparse, html, json, os, re, subprocess, sys, tempfile, zlib
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from accuracy_split import SETS, ROOT  # noqa: E402
from miss_shapes import load_labels  # noqa: E402

VARIANTS = ["original", "plain", "wrapped", "hyphenated", "markers", "pages", "all", "pdf",
            "pdftotext", "mdwrap", "sembr", "crlf", "rst", "adoc", "layout", "cells", "justified",
            "crlf-wrapped", "typeset", "typeset-pdf"]
# the variant each one is compared with (the same text before the change the variant makes)
BASE = {"plain": "original", "wrapped": "plain", "hyphenated": "wrapped", "markers": "plain",
        "pages": "wrapped", "all": "wrapped", "pdf": "wrapped", "pdftotext": "wrapped",
        "mdwrap": "original", "sembr": "original", "crlf": "original", "rst": "plain",
        "adoc": "plain", "layout": "plain", "cells": "plain", "justified": "wrapped",
        "crlf-wrapped": "wrapped", "typeset": "plain", "typeset-pdf": "plain"}
# variants that keep the Markdown: labels are found by the letters of the source's quote
KEEP_MARKDOWN = {"original", "mdwrap", "sembr", "crlf"}
MARKER = re.compile(r"^(\s*)((?:•|\d{1,2}(?:\.\d{1,2})*\.?|\([a-z]{1,4}\)|\([0-9]{1,2}\)|"
                    r"[a-z]\.|[ivx]{1,4}\.)) +(?=\S)")


def strip_markdown(text):
    """What a converter keeps of Markdown: the words, bullets as '•', table cells side by side."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"</?[A-Za-z][^>\n]*>", "", text)
    text = re.sub(r"!?\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)
    out = []
    for line in text.split("\n"):
        if re.match(r"^\s*\|?\s*:?-{3,}", line) and set(line.strip()) <= set("|-: "):
            continue  # a table's separator row
        if line.strip().startswith("|"):
            line = "  ".join(c.strip() for c in line.strip().strip("|").split("|"))
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"^(\s*)[-*+]\s+", r"\1• ", line)
        line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])", r"\1", line)
        line = line.replace("`", "")
        line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", line)
        out.append(html.unescape(line).strip())
    return "\n".join(out)


def wrap(text, width, hyphenate=False):
    """Every line broken at width columns, continuation lines not indented; with hyphenate, a long
    lower-case word that does not fit is split with '-' as typesetters do."""
    out = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            if not word:
                continue
            if current and len(current) + 1 + len(word) > width:
                room = width - len(current) - 2
                if hyphenate and re.fullmatch(r"[a-z]{8,}[,.;]?", word) and room >= 4:
                    cut = min(room, len(word.rstrip(",.;")) - 3)
                    out.append(current + " " + word[:cut] + "-")
                    current = word[cut:]
                    continue
                out.append(current)
                current = word
            else:
                current = word if not current else current + " " + word
        out.append(current)
    return "\n".join(out)


def markers_alone(text):
    return "\n".join(MARKER.sub(lambda m: m.group(1) + m.group(2) + "\n", line)
                     for line in text.split("\n"))


def paginate(text, page_lines, title):
    lines = text.split("\n")
    pages = [lines[i:i + page_lines] for i in range(0, len(lines), page_lines)]
    out = []
    for n, page in enumerate(pages, 1):
        body = "\n".join(page)
        head = title + "\n\n" if n > 1 else ""
        out.append(head + body + f"\n\nPage {n} of {len(pages)}\n")
    return "\f".join(out)


def pdf_bytes(pages):
    """A PDF with one Courier text line per entry of each page (lines are ASCII/Latin-1)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        ops = ["BT", "/F1 9 Tf", "11 TL", "40 760 Td"]
        for line in page:
            raw = line.encode("cp1252", "replace").decode("latin-1")
            raw = raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({raw}) Tj T*")
        ops.append("ET")
        stream = zlib.compress("\n".join(ops).encode("latin-1"))
        objects.append(("stream", stream))
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        if isinstance(obj, tuple):
            out += (f"{n} 0 obj\n<< /Length {len(obj[1])} /Filter /FlateDecode >>\nstream\n"
                    .encode() + obj[1] + b"\nendstream\nendobj\n")
        else:
            out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_pages(text, width, page_lines, title):
    lines = wrap(text, width).split("\n")
    chunks = [lines[i:i + page_lines] for i in range(0, len(lines), page_lines)]
    return [([title, ""] if n > 1 else []) + chunk + ["", f"Page {n} of {len(chunks)}"]
            for n, chunk in enumerate(chunks, 1)]


# ---- variants that keep or rewrite the document's structure (see the docstring) ----

MD_ITEM = re.compile(r"^( *)([-*+]|\d{1,3}[.)]) +(?=\S)")
MD_HEADING = re.compile(r"^ {0,3}(#{1,6}) +(.*?)[ #]*$")
TOKEN = re.compile(r"(?:</?[A-Za-z!][^>\n]*>|\S)+")
# a word that would open a list item or a heading when it starts a Markdown line
LINE_OPENER = re.compile(r"^(?:[-*+>#]|\d{1,3}[.)]|=+|-+)$")


def md_blocks(text):
    """Markdown as blocks: ("heading", level, text), ("table", [raw rows]), ("item", indent,
    marker, text), ("quote", text), ("para", indent, text), ("blank",). A block's lines are joined with
    one space (hard wraps of the source undone); a table keeps its rows."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    blocks = []
    for line in text.replace("\r\n", "\n").split("\n"):
        last = blocks[-1] if blocks else ("blank",)
        stripped = line.strip()
        heading, item = MD_HEADING.match(line), MD_ITEM.match(line)
        if not stripped:
            blocks.append(("blank",))
        elif heading:
            blocks.append(("heading", len(heading.group(1)), heading.group(2)))
        elif stripped.startswith("|"):
            if last[0] == "table":
                last[1].append(stripped)
            else:
                blocks.append(("table", [stripped]))
        elif stripped.startswith(">"):
            inner = re.sub(r"^>\s?", "", stripped)
            if last[0] == "quote" and inner and not inner.startswith("[!"):
                blocks[-1] = ("quote", last[1] + " " + inner)
            else:
                blocks.append(("quote", inner))
        elif item:
            blocks.append(("item", len(item.group(1)), item.group(2), line[item.end():].strip()))
        elif last[0] in ("item", "para"):
            blocks[-1] = last[:-1] + (last[-1] + " " + stripped,)
        else:
            blocks.append(("para", len(line) - len(line.lstrip()), stripped))
    return blocks


def fill(text, width, first, rest, markdown=False, justify=False):
    """text broken into lines of at most width columns (a longer word stands alone): the first
    line starts with first, the others with rest. With markdown, a line never starts with a word
    that would make it a list item or heading; with justify, every line but the last is padded
    to width with runs of spaces between its words."""
    lines, words = [], []
    for word in TOKEN.findall(text):
        prefix = first if not lines else rest
        if words and len(prefix) + len(" ".join(words + [word])) > width and not (
                markdown and LINE_OPENER.match(word)):
            lines.append(words)
            words = []
        words.append(word)
    lines.append(words)
    out = []
    for n, line in enumerate(lines):
        prefix = first if n == 0 else rest
        if justify and n < len(lines) - 1 and len(line) > 1:
            gaps, room = len(line) - 1, width - len(prefix) - sum(map(len, line))
            line = [w + " " * (room // gaps + (i < room % gaps)) if i < gaps else w
                    for i, w in enumerate(line)]
            out.append(prefix + "".join(line))
        else:
            out.append(prefix + " ".join(line))
    return [l.rstrip() for l in out]


def inline_plain(text):
    """A block's text as a converter keeps it (strip_markdown of one line, '•' bullets aside)."""
    return strip_markdown(text).replace("\n", " ")


def markdown_wrapped(blocks, width):
    """Markdown as prettier/mdformat write it with a wrap width: paragraphs filled, list-item
    continuations indented under the item's text ('1.' items: three spaces), quotes '> '."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            out.append("#" * block[1] + " " + block[2])
        elif kind == "table":
            out.extend(block[1])
        elif kind == "item":
            indent, marker, text = " " * block[1], block[2], block[3]
            out.extend(fill(text, width, indent + marker + " ", indent + " " * (len(marker) + 1),
                            markdown=True))
        elif kind == "quote":
            out.extend(fill(block[1], width, "> ", "> ", markdown=True) if block[1] else [">"])
        elif kind == "para":
            indent = " " * block[1]
            out.extend(fill(block[2], width, indent, indent, markdown=True))
        else:
            out.append("")
    return "\n".join(out) + "\n"


SENTENCE_END = re.compile(r"([.;?!])((?:</[a-z]+>)*)\s+(?=\S)")
SENTENCE_START = re.compile(r"[\"“(]?(?:<[a-z][^>]*>)*[\"“(]?[A-Z0-9]")
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\be\.g|\bi\.e|\betc|\bNo|\bno|\bSec|\bvs|\bU\.S|\bArt|\bart)$")


def sentence_lines(text):
    """text cut after each sentence end or ';' (not after a short abbreviation or an initial)."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.group(1) != ";" and (ABBREVIATION.search(text, start, m.start()) or
                                  not SENTENCE_START.match(text, m.end())):
            continue
        out.append(text[start:m.end(2)])
        start = m.end()
    return out + [text[start:]]


def semantic_breaks(blocks):
    """Markdown with one sentence (or ';' clause) per line, as 'semantic line breaks' style
    guides ask; list-item continuations indented under the item's text."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind in ("item", "para", "quote"):
            text = block[-1]
            first = {"item": lambda: " " * block[1] + block[2] + " ", "quote": lambda: "> ",
                     "para": lambda: " " * block[1]}[kind]()
            rest = "> " if kind == "quote" else " " * len(first)
            for n, sentence in enumerate(sentence_lines(text) or [""]):
                out.append((first if n == 0 else rest) + sentence)
        elif kind == "heading":
            out.append("#" * block[1] + " " + block[2])
        elif kind == "table":
            out.extend(block[1])
        else:
            out.append("")
    return "\n".join(out) + "\n"


def table_cells(rows):
    return [[inline_plain(c.strip()) for c in row.strip("|").split("|")] for row in rows
            if not set(row) <= set("|-: ")]


def item_depths(blocks):
    """The nesting depth (0 = outermost) of each item block, by its indentation."""
    depths, stack = {}, []
    for n, block in enumerate(blocks):
        if block[0] == "item":
            while stack and stack[-1] >= block[1]:
                stack.pop()
            depths[n] = len(stack)
            stack.append(block[1])
        elif block[0] in ("heading", "table") or block[0] == "para" and block[1] == 0:
            stack = []
    return depths


def lightweight_markup(blocks, width, style):
    """reStructuredText (style 'rst': headings underlined, '* ' and '1. ' items with indented
    continuations, quotes indented) or AsciiDoc ('adoc': '== ' headings, '* '/'. ' items whose
    continuations are not indented, '|===' tables, '____' quotes), words as a converter keeps
    them, filled at width."""
    out, depths = [], item_depths(blocks)
    for n, block in enumerate(blocks):
        kind = block[0]
        if kind == "heading":
            text = inline_plain(block[2])
            if style == "rst":
                out.extend([text, "=-~^\"'"[block[1] - 1] * len(text)])
            else:
                out.append("=" * (block[1] + 1) + " " + text)
        elif kind == "table":
            cells = table_cells(block[1])
            if style == "rst":
                out.extend("  ".join(row) for row in cells)
            else:
                out.extend(["|==="] + ["| " + " | ".join(row) for row in cells] + ["|==="])
        elif kind == "item":
            numbered = block[2][0].isdigit()
            if style == "rst":
                marker = block[2] if numbered else "*"
                indent = "  " * depths[n]
                out.extend(fill(inline_plain(block[3]), width, indent + marker + " ",
                                indent + " " * (len(marker) + 1)))
            else:
                marker = ("." if numbered else "*") * (depths[n] + 1)
                out.extend(fill(inline_plain(block[3]), width, marker + " ", ""))
        elif kind == "quote":
            text = inline_plain(block[1])
            if style == "rst":
                out.extend(fill(text, width, "    ", "    "))
            else:
                out.extend(["____"] + fill(text, width, "", "") + ["____"])
        elif kind == "para":
            out.extend(fill(inline_plain(block[2]), width, "", ""))
        else:
            out.append("")
    return "\n".join(out) + "\n"


CLAUSE_NUMBER = re.compile(r"^((?:\d{1,2}\.)+\d{0,2}|\(?[a-z]{1,4}\)|\(?[0-9]{1,2}\))\s+(?=\S)")


def layout_text(blocks, width):
    """What pdftotext -layout gives of a typeset page: headings centred, body text indented,
    clause numbers in a margin column with the text (and its continuations) at a tab stop,
    list items hanging, tables as columns of cells side by side, each cell wrapped inside its
    column."""
    out, depths, body = [], item_depths(blocks), 10
    for n, block in enumerate(blocks):
        kind = block[0]
        if kind == "heading":
            out.append(inline_plain(block[2]).center(width).rstrip())
        elif kind == "table":
            cells = table_cells(block[1])
            columns = max(map(len, cells)) if cells else 0
            column = max(8, (width - body) // max(1, columns) - 2)
            for row in cells:
                filled = [fill(c, column, "", "") for c in row]
                for k in range(max(map(len, filled))):
                    out.append((" " * body + "".join(
                        (f[k] if k < len(f) else "").ljust(column + 2) for f in filled)).rstrip())
        elif kind in ("item", "quote"):
            depth = depths.get(n, 0)
            marker = "•" if kind == "item" and not block[2][0].isdigit() else (
                block[2] if kind == "item" else "")
            text = inline_plain(block[-1])
            lead = " " * (body + 5 * depth)
            out.extend(fill(text, width, (lead + marker).ljust(len(lead) + 5), " " * (len(lead) + 5)))
        elif kind == "para":
            text = inline_plain(block[2])
            number = CLAUSE_NUMBER.match(text)
            if number:
                out.extend(fill(text[number.end():], width, number.group(1).ljust(body),
                                " " * body))
            else:
                out.extend(fill(text, width, " " * body, " " * body))
        else:
            out.append("")
    return "\n".join(out) + "\n"


def roff_text(text):
    """A line of text as troff reads it literally: backslashes escaped, a leading '.' or "'"
    (a request) guarded."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text[:1] in (".", "'") else text


def typeset_source(blocks, title):
    """groff -ms source of a document's blocks as a word processor sets them: headings bold on
    a line of their own, clause numbers and bullets hanging before their text (.IP), bullets
    "•", "o" and "▪" by nesting depth, table rows as paragraphs of their cells, a running title
    and "Page N" on every page."""
    out = [".ds CH " + roff_text(title), ".ds CF Page %", ".nr PI 2n", ".LP"]
    depths = item_depths(blocks)
    for n, block in enumerate(blocks):
        kind = block[0]
        if kind == "heading":
            out.extend([".SH", roff_text(inline_plain(block[2])), ".LP"])
        elif kind == "table":
            for row in table_cells(block[1]):
                out.extend([".LP", roff_text("  ".join(c for c in row if c))])
        elif kind == "item":
            depth = depths.get(n, 0)
            marker = block[2] if block[2][0].isdigit() else ["\\(bu", "o", "\\[u25AA]"][depth % 3]
            out.extend([".RS"] * depth + [f'.IP "{marker}" {4 + 2 * len(block[2])}',
                                          roff_text(inline_plain(block[3]))] + [".RE"] * depth)
        elif kind in ("para", "quote"):
            text = inline_plain(block[-1])
            number = CLAUSE_NUMBER.match(text)
            if number:
                out.extend([f'.IP "{number.group(1)}" 6', roff_text(text[number.end():])])
            else:
                out.extend([".LP", roff_text(text)])
    return "\n".join(out) + "\n"


def typeset_pdf(blocks, title, path):
    """Writes the groff-typeset PDF of blocks to path."""
    source = typeset_source(blocks, title).encode("utf-8")
    run = subprocess.run(["groff", "-k", "-ms", "-Tpdf"], input=source, capture_output=True)
    if run.returncode != 0 or not run.stdout:
        raise RuntimeError(f"groff failed on {path}: {run.stderr.decode()[:200]}")
    with open(path, "wb") as f:
        f.write(run.stdout)


def cells_alone(plain_text, blocks):
    """plain, but every table cell on a line of its own and a blank line after each row (how
    many PDF and HTML converters flatten a table)."""
    out = []
    for block in blocks:
        if block[0] == "table":
            for row in table_cells(block[1]):
                out.extend([c for c in row if c] + [""])
        elif block[0] == "heading":
            out.append(inline_plain(block[2]))
        elif block[0] == "item":
            marker = "•" if not block[2][0].isdigit() else block[2]
            out.append(" " * block[1] + marker + " " + inline_plain(block[3]))
        elif block[0] in ("para", "quote"):
            out.append(inline_plain(block[-1]))
        else:
            out.append("")
    return "\n".join(out) + "\n"


def justified(plain_text, width):
    """plain filled at width with every line but a paragraph's last padded to width by runs of
    spaces (justified text)."""
    out = []
    for line in plain_text.split("\n"):
        indent = re.match(r"\s*", line).group(0)
        out.extend(fill(line, width, indent, indent, justify=True) if line.strip() else [""])
    return "\n".join(out)


def alnum_index(data):
    """Lower-case letters and digits of UTF-8 bytes, and each one's byte offset."""
    text = data.decode("utf-8", "replace")
    keep, where, pos = [], [], 0
    for ch in text:
        size = len(ch.encode("utf-8"))
        if ch.isalnum():
            keep.append(ch.lower())
            where.append(pos)
        pos += size
    return "".join(keep), where


def find_quote(index, quote_alnum):
    hay, where = index
    i = hay.find(quote_alnum)
    if i >= 0:
        return where[i], where[i + len(quote_alnum) - 1] + 1
    if len(quote_alnum) >= 100:
        head, tail = quote_alnum[:40], quote_alnum[-40:]
        i = hay.find(head)
        j = hay.find(tail, i + 40) if i >= 0 else -1
        if i >= 0 and j >= 0 and j - i < 2 * len(quote_alnum):
            return where[i], where[j + 39] + 1
    return None


def scan(scanner, path):
    run = subprocess.run([scanner, "scan", "--format", "json", path], capture_output=True)
    try:
        out = json.loads(run.stdout.decode("utf-8"))
        return out[0]["findings"] if isinstance(out, list) else out["findings"]
    except Exception as e:  # noqa: BLE001  a failed scan is reported and counts as no findings
        sys.stderr.write(f"scan failed on {path}: rc={run.returncode} {e}\n")
        return []


def build(variant, original, path, args, folder):
    """Writes the variant of one document under folder; returns the path to scan and the bytes
    labels are found in (None for the PDF: its text comes from `clausescan text`)."""
    stem = os.path.join(folder, path.replace("/", "__"))
    if variant == "original":
        return os.path.join(args.corpus_of[path], path), original
    text = original.decode("utf-8", "replace")
    markdown = path.endswith(".md")
    plain = strip_markdown(text) if markdown else text
    blocks = md_blocks(text) if markdown else None
    restructured = {"mdwrap": lambda: markdown_wrapped(blocks, args.markdown_width),
                    "sembr": lambda: semantic_breaks(blocks),
                    "rst": lambda: lightweight_markup(blocks, args.markdown_width, "rst"),
                    "adoc": lambda: lightweight_markup(blocks, args.markdown_width, "adoc"),
                    "layout": lambda: layout_text(blocks, args.width),
                    "cells": lambda: cells_alone(plain, blocks)}
    if variant in restructured or variant == "crlf":
        # a text document has no Markdown structure to rewrite: it stays as it is
        body = restructured[variant]() if variant in restructured and markdown else text
        if variant == "crlf":
            body = text.replace("\r\n", "\n").replace("\n", "\r\n")
        ext = {"mdwrap": ".md", "sembr": ".md", "crlf": ".md", "rst": ".rst",
               "adoc": ".adoc"}.get(variant, ".txt") if markdown else ".txt"
        with open(stem + ext, "w", encoding="utf-8", newline="") as f:
            f.write(body)
        return stem + ext, body.encode("utf-8")
    title = os.path.basename(path).rsplit(".", 1)[0].replace("-", " ").title()
    if variant in ("typeset", "typeset-pdf"):
        pdf = stem + ".typeset.pdf"
        typeset_pdf(blocks if markdown else md_blocks(plain), title, pdf)
        if variant == "typeset-pdf":
            return pdf, subprocess.run([args.scanner, "text", pdf], capture_output=True).stdout
        subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, stem + ".typeset.txt"], check=True)
        return stem + ".typeset.txt", open(stem + ".typeset.txt", "rb").read()
    if variant in ("pdf", "pdftotext"):
        pdf = stem + ".pdf"
        with open(pdf, "wb") as f:
            f.write(pdf_bytes(pdf_pages(plain, args.width, args.page_lines, title)))
        if variant == "pdf":
            return pdf, subprocess.run([args.scanner, "text", pdf], capture_output=True).stdout
        subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, stem + ".txt"], check=True)
        return stem + ".txt", open(stem + ".txt", "rb").read()
    body = {"plain": lambda: plain,
            "wrapped": lambda: wrap(plain, args.width),
            "hyphenated": lambda: wrap(plain, args.width, hyphenate=True),
            "markers": lambda: markers_alone(plain),
            "pages": lambda: paginate(wrap(plain, args.width), args.page_lines, title),
            "all": lambda: paginate(wrap(markers_alone(plain), args.width, hyphenate=True),
                                    args.page_lines, title),
            "justified": lambda: justified(plain, args.width),
            "crlf-wrapped": lambda: wrap(plain, args.width).replace("\n", "\r\n")}[variant]()
    with open(stem + ".txt", "w", encoding="utf-8", newline="") as f:
        f.write(body)
    return stem + ".txt", body.encode("utf-8")


missed = defaultdict(set)  # variant: {(document, category, quote letters)} not recalled


def score(variant, docs, args, folder):
    rows = defaultdict(lambda: defaultdict(int))

    def one(item):
        path, (original, labels) = item
        target, data = build(variant, original, path, args, folder)
        return path, labels, data, scan(args.scanner, target)

    with ThreadPoolExecutor(args.jobs) as pool:
        for path, labels, data, findings in pool.map(one, sorted(docs.items())):
            index = alnum_index(data) if variant != "original" else None
            spans = []
            for category, quote, source_quote, original_span in labels:
                if variant in KEEP_MARKDOWN:
                    quote = source_quote
                span = original_span if variant == "original" else find_quote(index, quote)
                row = rows[category]
                row["gold"] += 1
                if span is None:
                    row["lost"] += 1
                    continue
                spans.append((category, span))
                if any(f["category"] == category and f["start"] < span[1] and span[0] < f["end"]
                       for f in findings):
                    row["recalled"] += 1
                else:
                    missed[variant].add((path, category, quote))
            for f in findings:
                row = rows[f["category"]]
                row["found"] += 1
                row["precise"] += any(c == f["category"] and s[0] < f["end"] and f["start"] < s[1]
                                      for c, s in spans)
    return rows


SHARED_CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
DOCX_SOURCES = {  # Word version: the Markdown it was made from
    "bonterms-professional-services-agreement.docx":
        "bonterms/bonterms-professional-services-agreement-v1.2.md",
    "common-paper-business-associate-agreement.docx":
        "commonpaper/commonpaper-business-associate-agreement.md",
    "common-paper-cloud-service-agreement.docx": "commonpaper/commonpaper-cloud-service-agreement.md",
    "common-paper-data-processing-agreement.docx":
        "commonpaper/commonpaper-data-processing-agreement.md",
    "common-paper-professional-services-agreement.docx":
        "commonpaper/commonpaper-professional-services-agreement.md",
}


def pairs():
    out = []
    for name in sorted(os.listdir(os.path.join(SHARED_CORPUS, "pdf"))):
        text = os.path.join(SHARED_CORPUS, "cuad", name[:-4] + ".txt")
        if name.endswith(".pdf") and os.path.exists(text):
            out.append((os.path.join(SHARED_CORPUS, "pdf", name), text))
    for name, source in sorted(DOCX_SOURCES.items()):
        out.append((os.path.join(SHARED_CORPUS, "docx", name), os.path.join(SHARED_CORPUS, source)))
    return out


def compare_pairs(args):
    rows = defaultdict(lambda: defaultdict(int))
    lost = []

    def one(pair):
        converted, text = pair
        got = scan(args.scanner, converted)
        shown = subprocess.run([args.scanner, "text", converted], capture_output=True).stdout
        return pair, scan(args.scanner, text), open(text, "rb").read(), got, shown

    with ThreadPoolExecutor(args.jobs) as pool:
        for (converted, text), want, data, got, shown in pool.map(one, pairs()):
            index = alnum_index(shown)
            spans = defaultdict(list)
            for f in got:
                spans[f["category"]].append((f["start"], f["end"]))
            kind = "pdf" if converted.endswith(".pdf") else "docx"
            for f in want:
                row = rows[(kind, f["category"])]
                row["text"] += 1
                quote = data[f["start"]:f["end"]].decode("utf-8", "replace")
                if text.endswith(".md"):
                    quote = strip_markdown(quote)
                letters = alnum_index(quote.encode("utf-8"))[0]
                # the letters from the start, else past a clause number or marker (a PDF may
                # set numbers apart from their text), else from a little further on
                head = None
                for skip in (0, len(letters) - len(letters.lstrip("0123456789")), 8, 20):
                    if head is None and len(letters) - skip >= 20:
                        head = find_quote(index, letters[skip:skip + 60])
                kept = head is not None and any(s < head[1] and head[0] < e
                                                for s, e in spans[f["category"]])
                row["kept"] += kept
                if not kept:
                    lost.append((os.path.basename(converted), f["category"], f["rule"],
                                 letters[:60], "words not found" if head is None else ""))
            for f in got:
                rows[(kind, f["category"])]["converted"] += 1
    print(f"{len(pairs())} pairs; findings of the text version kept by the converted one")
    print(f"{'format':6} {'category':24} {'text':>5} {'kept':>5} {'converted':>9}")
    for (kind, category), row in sorted(rows.items()):
        print(f"{kind:6} {category:24} {row['text']:5} {row['kept']:5} {row['converted']:9}")
    if args.examples == "pairs":
        for item in lost:
            print("\t".join(item))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--width", type=int, default=90)
    ap.add_argument("--markdown-width", type=int, default=80,
                    help="wrap width of the mdwrap, rst and adoc variants")
    ap.add_argument("--page-lines", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--per-category", action="store_true")
    ap.add_argument("--examples", metavar="VARIANT",
                    help="list the labels the original finds and each VARIANT (a,b) misses (document, "
                         "category, the quote's first letters)")
    ap.add_argument("--keep", help="write the variant documents into this folder and keep them")
    ap.add_argument("--pairs", action="store_true", help="compare real conversions (see above)")
    args = ap.parse_args()
    if args.pairs:
        compare_pairs(args)
        return
    docs, args.corpus_of = {}, {}
    for gold, corpus in SETS["tuning"]:
        spans, cache = load_labels(gold, corpus)
        for doc, category, (start, end) in spans:
            source_quote = cache[doc][start:end]
            quote = source_quote.decode("utf-8", "replace")
            if doc.endswith(".md"):
                quote = strip_markdown(quote)
            docs.setdefault(doc, (cache[doc], []))[1].append(
                (category, alnum_index(quote.encode("utf-8"))[0], alnum_index(source_quote)[0],
                 (start, end)))
            args.corpus_of[doc] = corpus
    variants = [v for v in args.variants.split(",") if v]
    results = {}
    for variant in variants:
        folder = os.path.join(args.keep, variant) if args.keep else tempfile.mkdtemp()
        os.makedirs(folder, exist_ok=True)
        results[variant] = score(variant, docs, args, folder)
    for variant in (args.examples or "").split(","):
        for path, category, quote in sorted(missed[variant] - missed["original"]) if variant else []:
            print(f"{variant}\t{path}\t{category}\t{quote[:70]}")
    categories = sorted({c for r in results.values() for c in r})
    print(f"{len(docs)} tuning documents; recall (precision) per variant; lost = labels whose "
          f"words the variant no longer holds in order")
    print(f"{'variant':12} {'gold':>5} {'lost':>5} {'recalled':>8} {'recall':>7} {'macro R':>8} "
          f"{'macro P':>8}  {'base':12} {'recall-base':>11}")
    recall = {}
    for variant in variants:
        rows = results[variant]
        gold = sum(r["gold"] for r in rows.values())
        lost = sum(r["lost"] for r in rows.values())
        got = sum(r["recalled"] for r in rows.values())
        used = [c for c in categories if rows[c]["gold"]]
        mr = sum(rows[c]["recalled"] / rows[c]["gold"] for c in used) / len(used)
        mp = sum(rows[c]["precise"] / rows[c]["found"] if rows[c]["found"] else 0.0
                 for c in used) / len(used)
        recall[variant] = got / gold
        base = BASE.get(variant)
        change = f"{recall[variant] - recall[base]:+11.3f}" if base in recall else f"{'':11}"
        print(f"{variant:12} {gold:5} {lost:5} {got:8} {got / gold:7.3f} {mr:8.3f} {mp:8.3f}  "
              f"{base or '':12} {change}")
    if args.per_category:
        print("\nrecall per category")
        print(f"{'category':24}" + "".join(f"{v[:10]:>11}" for v in variants))
        for c in categories:
            print(f"{c:24}" + "".join(
                f"{results[v][c]['recalled'] / results[v][c]['gold']:11.3f}"
                if results[v][c]["gold"] else f"{'-':>11}" for v in variants))


if __name__ == "__main__":
    main()

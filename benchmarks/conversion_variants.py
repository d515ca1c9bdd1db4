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
            "pdftotext"]
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
    plain = strip_markdown(text) if path.endswith(".md") else text
    title = os.path.basename(path).rsplit(".", 1)[0].replace("-", " ").title()
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
                                    args.page_lines, title)}[variant]()
    with open(stem + ".txt", "w", encoding="utf-8") as f:
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
            for category, quote, original_span in labels:
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
            quote = cache[doc][start:end].decode("utf-8", "replace")
            if doc.endswith(".md"):
                quote = strip_markdown(quote)
            docs.setdefault(doc, (cache[doc], []))[1].append(
                (category, alnum_index(quote.encode("utf-8"))[0], (start, end)))
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
          f"{'macro P':>8}")
    for variant in variants:
        rows = results[variant]
        gold = sum(r["gold"] for r in rows.values())
        lost = sum(r["lost"] for r in rows.values())
        got = sum(r["recalled"] for r in rows.values())
        used = [c for c in categories if rows[c]["gold"]]
        mr = sum(rows[c]["recalled"] / rows[c]["gold"] for c in used) / len(used)
        mp = sum(rows[c]["precise"] / rows[c]["found"] if rows[c]["found"] else 0.0
                 for c in used) / len(used)
        print(f"{variant:12} {gold:5} {lost:5} {got:8} {got / gold:7.3f} {mr:8.3f} {mp:8.3f}")
    if args.per_category:
        print("\nrecall per category")
        print(f"{'category':24}" + "".join(f"{v[:10]:>11}" for v in variants))
        for c in categories:
            print(f"{c:24}" + "".join(
                f"{results[v][c]['recalled'] / results[v][c]['gold']:11.3f}"
                if results[v][c]["gold"] else f"{'-':>11}" for v in variants))


if __name__ == "__main__":
    main()

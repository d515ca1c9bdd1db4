#!/usr/bin/env python3
"""Where the labels the scanner misses sit: every gold label of the tuning part and of the check
part (the sets of accuracy_split.py) classified by the SHAPE of the text around its quote and by
the OUTCOME of a scan, counted per part side by side.

Shapes (a label may have several; each is counted once per label):
  table-row        the quote's first line is a Markdown table row or a tab-separated row
  list-item+leadin the quote starts in a list item and the lead-in (the text before the list,
                   ending in ':' or an open phrase) lies in another line
  list-item        a list item whose list has no lead-in line before it
  list-leadin      the quote's unit ends in ':' or ', by', ' to', ... and a list item follows
  heading          the quote's first line is a heading (# ..., or a short line without a full
                   stop, followed by an empty line or body text)
  long-paragraph   the paragraph holding the quote is longer than --long characters
  line-broken      the quote's first line ends inside a sentence that goes on in the next line
                   (hard-wrapped text: PDF-converted, or Markdown wrapped by width)
  subj:party       the duty's subject is a party role (the Supplier, Contractor, Customer...)
  subj:defined     the subject is another Capitalised term (a defined term: Security Plan...)
  subj:we/you      the subject is a first or second person pronoun (we, you)
  subj:it/they     the subject is a third person pronoun (it, they, he or she...)
  subj:anaphor     the subject points back at the sentence before (this plan, such measures,
                   these requirements, the same)
  subj:passive     the duty verb is passive (shall be maintained, must be notified...)
  subj:plain       the subject is a lower-case noun phrase (personnel, any breach, ...)
  subj:no-modal    no duty verb (shall/will/must/agrees/is responsible/may) in the quote's sentence
Outcomes (one per label):
  found            a finding of the label's category overlaps the quote (eval.py's recall)
  other-category   no finding of its category overlaps it, a finding of another category does
  near             a finding of its category ends or starts within --near bytes, not overlapping
  nothing          none of these

For the check part it prints COUNTS ONLY: never a quote, never a document name (families are
the first path component and are only counted). `--examples SHAPE` prints tuning labels of that
shape that were not found (document, outcome, quote head): never check ones.

Usage: miss_shapes.py [--scanner PATH] [--long N] [--near N] [--examples SHAPE] [--per-category]
                      [--cross]  (missed labels per shape and category, counts)
                      [--families]  (per family: the first path component only, counts)
"""
import argparse, importlib.util, json, os, re, subprocess, sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from accuracy_split import SETS  # noqa: E402  (the same tuning and check sets)

_spec = importlib.util.spec_from_file_location("eval_tool", os.path.join(SHARED, "tools", "eval.py"))
eval_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_tool)

OUTCOMES = ["found", "other-category", "near", "nothing"]
SHAPES = ["table-row", "list-item+leadin", "list-item", "list-leadin", "heading",
          "long-paragraph", "line-broken", "subj:party", "subj:defined", "subj:we/you", "subj:it/they", "subj:anaphor",
          "subj:passive", "subj:plain", "subj:no-modal", "(all)"]

LIST_MARK = re.compile(rb"^\s*(?:[-*+]|\xe2\x80\xa2|\xef\x82\xb7|\xc2\xb7|o\s|"
                       rb"\(?[a-zA-Z]{1,2}\)|\(?[ivxIVX]{1,5}\)|\d{1,3}(?:\.\d{1,3})*[.)]?\s|"
                       rb"\(\d{1,3}\)|[a-zA-Z][.]\s)\s*")
OPEN_END = re.compile(rb"(?::|:\s*-|\bby|\bto|\bthat|\bmust|\bshall|\bwill|\bincluding|\bfollowing"
                      rb"|,|\band|\bor)\s*$", re.I)
HEADING_MD = re.compile(rb"^\s*#{1,6}\s")
SENTENCE_END = re.compile(rb"[.;:!?)\]\"']\s*$")
PARTY = re.compile(r"^(?:the\s+|each\s+|either\s+|a\s+|any\s+)?(?:supplier|contractor|subcontractor|"
                   r"sub-contractor|provider|service provider|vendor|customer|buyer|client|"
                   r"processor|sub-processor|subprocessor|controller|data importer|data exporter|"
                   r"importer|exporter|business associate|covered entity|company|licensor|"
                   r"licensee|party|parties|government|agency|authority|department|recipient|"
                   r"discloser|partner|developer|subscriber|user|offeror|seller|purchaser|"
                   r"consultant|bidder|organisation|organization|member|participant|"
                   r"[A-Z][A-Za-z]+\s+(?:Inc|Ltd|LLC|Corporation))\b", re.I)
PRONOUN = re.compile(r"^(?:it|they|we|you|he or she|he|she|each of them|both)\b", re.I)
MODAL = re.compile(r"\b(shall|will|must|agrees?|undertakes?|(?:is|are) (?:responsible|required|"
                   r"obliged|obligated)|may|warrants?|commits?)\b", re.I)
PASSIVE = re.compile(r"\b(?:shall|will|must|may)\s+(?:not\s+)?(?:only\s+)?be\s+(?:\w+ly\s+)?"
                     r"\w+(?:ed|en|wn|ne|ept|ade|ld|nt)\b", re.I)


def load_labels(gold, corpus):
    """[(doc, category, (start, end))] of one gold file; labels whose quote is absent skipped."""
    out, cache = [], {}
    for n, line in enumerate(open(gold, encoding="utf-8").read().splitlines()):
        if n == 0 or not line.strip():
            continue
        cols = line.split("\t")
        doc, category = cols[0], cols[1]
        if doc not in cache:
            cache[doc] = open(os.path.join(corpus, doc), "rb").read()
        data = cache[doc]
        if len(cols) >= 4 and cols[2].isdigit() and cols[3].isdigit():
            span = (int(cols[2]), int(cols[3]))
        else:
            span = eval_tool.locate(data, cols[2])
        if span is not None:
            out.append((doc, category, span))
    return out, cache


def lines_around(data, pos):
    """(start, end) of the line holding byte pos."""
    start = data.rfind(b"\n", 0, pos) + 1
    end = data.find(b"\n", pos)
    return start, len(data) if end < 0 else end


def previous_nonblank(data, line_start):
    """(start, end) of the nearest non-empty line before the line starting at line_start, or
    None."""
    pos = line_start - 1
    while pos > 0:
        s, e = lines_around(data, pos - 1)
        if data[s:e].strip():
            return s, e
        pos = s - 1
    return None


def next_nonblank(data, line_end):
    pos = line_end + 1
    while pos < len(data):
        s, e = lines_around(data, pos)
        if data[s:e].strip():
            return data[s:e]
        pos = e + 1
    return b""


def paragraph(data, pos):
    """(start, end) of the blank-line separated block holding pos."""
    blank = re.compile(rb"\n[ \t\r]*\n")
    start = 0
    for m in blank.finditer(data, 0, pos):
        start = m.end()
    m = blank.search(data, pos)
    return start, m.start() if m else len(data)


def is_list_line(text):
    return bool(LIST_MARK.match(text)) and len(text.strip()) > 3


def is_table_row(text):
    t = text.strip()
    return t.startswith(b"|") and t.count(b"|") >= 2 or text.count(b"\t") >= 2


def is_heading(data, s, e):
    text = data[s:e].strip()
    if HEADING_MD.match(text) or re.match(rb"^\*\*[^*]{3,120}\*\*:?$", text):
        return True
    if not text or len(text) > 100 or SENTENCE_END.search(text) or is_table_row(text):
        return False
    after = data[e + 1:e + 2]
    return after in (b"\n", b"\r", b"") or text[:1].isupper() and len(text.split()) <= 10


def sentence_of(data, span):
    """The text from the start of the quote's sentence to the quote's end (at most 600 bytes)."""
    head = data[max(0, span[0] - 300):span[0]]
    cut = max(head.rfind(b". "), head.rfind(b".\n"), head.rfind(b"\n\n"), head.rfind(b":\n"))
    start = span[0] - len(head) + cut + 2 if cut >= 0 else span[0]
    text = data[start:min(span[1], start + 600)].decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", "", text)  # HTML spans in Markdown
    text = LIST_MARK.sub(b"", text.encode()).decode("utf-8", "replace") if text else text
    return " ".join(text.replace("*", "").split())


def subject_shape(sentence):
    m = MODAL.search(sentence)
    if not m:
        return "subj:no-modal"
    if PASSIVE.search(sentence[m.start():m.start() + 60]):
        return "subj:passive"
    before = sentence[:m.start()].strip()
    # the subject is the last clause before the verb: drop leading conditions and references
    before = re.split(r"[,;]\s+(?=[A-Za-z])", before)[-1]
    before = re.sub(r"^(?:\d+(?:\.\d+)*\s+|\([a-z0-9ivx]+\)\s+)", "", before)
    if re.match(r"^(?:this|these|such|that|those|the same|said)\b", before, re.I):
        return "subj:anaphor"
    if PRONOUN.match(before):
        return "subj:we/you" if re.match(r"^(?:we|you)\b", before, re.I) else "subj:it/they"
    if PARTY.match(before):
        return "subj:party"
    if re.match(r"^(?:the\s+|each\s+|any\s+|all\s+)?[A-Z]", before):
        return "subj:defined"
    return "subj:plain"


def shapes_of(data, span, long_chars):
    s, e = lines_around(data, span[0])
    line = data[s:e]
    found = set()
    if is_table_row(line):
        found.add("table-row")
    if is_list_line(line) and not is_table_row(line):
        # walk back over the sibling items (and their continuation lines) to the lead-in
        lead, steps = previous_nonblank(data, s), 0
        while lead and steps < 60 and (is_list_line(data[lead[0]:lead[1]]) or
                                       not OPEN_END.search(data[lead[0]:lead[1]].rstrip()) and
                                       data[lead[0]:lead[0] + 1] in (b" ", b"\t")):
            lead, steps = previous_nonblank(data, lead[0]), steps + 1
        prev_lines = data[lead[0]:lead[1]] if lead else b""
        found.add("list-item+leadin" if prev_lines and OPEN_END.search(prev_lines.rstrip())
                  else "list-item")
    qe_s, qe_e = lines_around(data, max(span[0], span[1] - 1))
    if OPEN_END.search(data[qe_s:qe_e].rstrip()) and is_list_line(next_nonblank(data, qe_e)):
        found.add("list-leadin")
    if is_heading(data, s, e):
        found.add("heading")
    ps, pe = paragraph(data, span[0])
    if pe - ps > long_chars:
        found.add("long-paragraph")
    # the quote's sentence goes on past the end of the quote's first line
    nxt = next_nonblank(data, e) if data[e + 1:e + 2] not in (b"\n", b"\r") else b""
    if (line.strip() and not SENTENCE_END.search(line.rstrip()) and nxt and
            not is_list_line(nxt) and not is_table_row(nxt) and "heading" not in found):
        found.add("line-broken")
    found.add(subject_shape(sentence_of(data, span)))
    found.add("(all)")
    return found


def outcome_of(category, span, findings, near):
    same = [f for f in findings if f.get("category") == category]
    if any(eval_tool.overlaps(span, (f["start"], f["end"])) for f in same):
        return "found"
    if any(eval_tool.overlaps(span, (f["start"], f["end"])) for f in findings):
        return "other-category"
    if any(f["end"] > span[0] - near and f["start"] < span[1] + near for f in same):
        return "near"
    return "nothing"


def scan_quietly(scanner, path, cache, family):
    """eval.py's scan, its failure message (which names the document) replaced by one naming
    the family only."""
    import io
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        findings = eval_tool.scan(scanner, path, cache)
        failed = bool(sys.stderr.getvalue())
    finally:
        sys.stderr = saved
    if failed:
        sys.stderr.write(f"a scan failed in family {family} (counted as no findings)\n")
    return findings


def classify(part, scanner, long_chars, near):
    """{shape: Counter(outcome)}, {category: Counter(outcome)}, [(doc, shape set, outcome, span)]"""
    by_shape, by_category, rows = defaultdict(Counter), defaultdict(Counter), []
    scans = {}
    for gold, corpus in SETS[part]:
        labels, texts = load_labels(gold, corpus)
        for doc, category, span in labels:
            path = os.path.join(corpus, doc)
            findings = scan_quietly(scanner, path, scans, doc.split("/")[0])
            outcome = outcome_of(category, span, findings, near)
            shapes = shapes_of(texts[doc], span, long_chars)
            for shape in shapes:
                by_shape[shape][outcome] += 1
            by_category[category][outcome] += 1
            rows.append((doc, category, shapes, outcome, texts[doc][span[0]:span[1]]))
    return by_shape, by_category, rows


def print_table(title, keys, tables):
    print(f"{title:18}" + "".join(f" | {part:>5} {'found':>5} {'other':>5} {'near':>5} {'none':>5} "
                                  f"{'rec':>5}" for part in tables))
    for key in keys:
        cells = []
        for part, table in tables.items():
            c = table.get(key, Counter())
            n = sum(c.values())
            rec = f"{c['found'] / n:5.2f}" if n else "    -"
            cells.append(f" | {n:5} {c['found']:5} {c['other-category']:5} {c['near']:5} "
                         f"{c['nothing']:5} {rec}")
        print(f"{key:18}" + "".join(cells))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    ap.add_argument("--long", type=int, default=1200, help="long paragraph, characters")
    ap.add_argument("--near", type=int, default=400, help="nearby finding, bytes")
    ap.add_argument("--examples", metavar="SHAPE", help="print missed TUNING labels of SHAPE")
    ap.add_argument("--cross", action="store_true", help="missed labels, shape x category")
    ap.add_argument("--families", action="store_true",
                    help="found / labels per family (first path component), counts")
    ap.add_argument("--per-category", action="store_true", help="also outcomes per category")
    args = ap.parse_args()
    results = {part: classify(part, args.scanner, args.long, args.near) for part in ("tuning", "check")}
    print_table("shape", SHAPES, {p: r[0] for p, r in results.items()})
    if args.per_category:
        print()
        print_table("category", eval_tool.CATEGORIES, {p: r[1] for p, r in results.items()})
    if args.cross:
        for part in ("tuning", "check"):
            print(f"\n{part}: labels not found (all / nothing), shape x category")
            cross = defaultdict(Counter)
            for _, category, shapes, outcome, _ in results[part][2]:
                for shape in shapes:
                    cross[shape][category] += outcome != "found"
                    cross[shape][category + "/0"] += outcome == "nothing"
            cats = [c for c in eval_tool.CATEGORIES if any(cross[s][c] for s in SHAPES)]
            print(f"{'shape':18}" + "".join(f" {c[:11]:>11}" for c in cats))
            for shape in SHAPES:
                print(f"{shape:18}" + "".join(
                    f" {cross[shape][c]:5}/{cross[shape][c + '/0']:<5}" for c in cats))
    if args.families:
        keys = ["line-broken", "subj:we/you", "subj:passive", "subj:no-modal", "list-item"]
        for part in ("tuning", "check"):
            print(f"\n{part}: found / labels per family, and missed / labels of some shapes")
            table = defaultdict(Counter)
            for doc, _, shapes, outcome, _ in results[part][2]:
                row = table[doc.split("/")[0]]
                row["labels"] += 1
                row["found"] += outcome == "found"
                for key in keys:
                    row[key] += key in shapes
                    row[key + " missed"] += key in shapes and outcome != "found"
            for family, row in sorted(table.items()):
                print(f"{family:28} {row['found']:4}/{row['labels']:<4} " + "  ".join(
                    f"{key} {row[key + ' missed']}/{row[key]}" for key in keys))
    if args.examples:
        print(f"\nmissed tuning labels of shape {args.examples}:")
        for doc, category, shapes, outcome, quote in results["tuning"][2]:
            if args.examples in shapes and outcome != "found":
                head = " ".join(quote.decode("utf-8", "replace").split())[:160]
                print(f"{doc}\t{category}\t{outcome}\t{head}")


if __name__ == "__main__":
    main()

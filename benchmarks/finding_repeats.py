#!/usr/bin/env python3
"""One clause, one finding; no advice twice; no advice the clause already meets (issue 15 #3, #4).

Scans the tuning documents (the corpus/dev families that are not check families, and the shared
documents with labels in ../shared/corpus/gold/security-dev.tsv or corpus/dev/gold/assessment.tsv)
and counts, independently of the engine's own tests of sameness:
  (a) findings with a repeated or near-repeated reason or consideration: two items of one list
      equal once case, punctuation, the "Meets the buyer's need: " prefix and a reason's
      " (position ID)" mark are left out (`exact`), one containing the other (`contains`), or two
      wordings sharing most of their words (`near`: 80 % of the shorter one's words of four letters
      or more, cut to five letters, and at least four of them);
  (b) pairs of findings of one category whose spans overlap (`overlap`) or that sit in one clause:
      the same section and only the rest of a paragraph between them (no blank line, list marker,
      heading or table row; `paragraph`), split by whether the two have the same risk;
  (c) considerations whose ask a parameter of the same finding already meets: a number of days,
      hours or months the advice proposes that a parameter of that unit states (`number`), or a
      flag that is set whose words the advice names ("exclusive remedy", `flag`).
Usage: finding_repeats.py [--scanner PATH] [--list] [--json OUT] [--doc PATH...]
  --list prints every counted item (tuning documents only) for reading.
Exit status 0.
"""
import argparse, csv, json, os, re, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
# corpus/dev/SPLIT.md and the common brief: families no rule or engine change is written from.
CHECK_FAMILIES = {"dta", "dta-orams", "cds-gcforms", "cds-gcds", "cms-bluebutton", "cms-dpc",
                  "datica", "dluhc", "cdc-simplereport", "zitadel", "moj", "education-edar",
                  "va-lighthouse", "fda-openfda"}
NEED_PREFIX = "Meets the buyer's need: "


def tuning_documents():
    """Paths (relative to ROOT) of the tuning documents, sorted."""
    docs = set()
    dev = os.path.join(ROOT, "corpus", "dev")
    for family in sorted(os.listdir(dev)):
        folder = os.path.join(dev, family)
        if family in CHECK_FAMILIES or family == "gold" or not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith((".md", ".txt", ".html", ".pdf", ".docx")):
                docs.add(os.path.join("corpus", "dev", family, name))
    with open(os.path.join(SHARED, "corpus", "gold", "security-dev.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0] != "doc":
                docs.add(os.path.join("..", "shared", "corpus", row[0]))
    with open(os.path.join(ROOT, "corpus", "dev", "gold", "assessment.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].startswith("../shared/corpus/"):
                docs.add(row[0])
    return sorted(d for d in docs if os.path.isfile(os.path.join(ROOT, d)))


def scan(scanner, doc):
    run = subprocess.run([scanner, "scan", "--format", "json", os.path.join(ROOT, doc)],
                         capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{doc}: scanner exit {run.returncode}: {run.stderr.decode(errors='replace')}")
    return json.loads(run.stdout)


def normal(text):
    if text.startswith(NEED_PREFIX):
        text = text[len(NEED_PREFIX):]
    text = re.sub(r" \(position [^)]*\)$", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower())
    return " ".join(text.split())


def stems(text):
    return {w[:5] for w in normal(text).split() if len(w) >= 4}


def repeat_kind(x, y):
    a, b = normal(x), normal(y)
    if not a or not b:
        return None
    if a == b:
        return "exact"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 20 and short in long_:
        return "contains"
    sa, sb = stems(x), stems(y)
    small = min(len(sa), len(sb))
    if small >= 4 and len(sa & sb) >= 0.8 * small:
        return "near"
    return None


def repeats(items):
    out = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            kind = repeat_kind(items[i], items[j])
            if kind:
                out.append((kind, items[i], items[j]))
    return out


def breaks_paragraph(between):
    if "\n" not in between:
        return False
    if "|" in between:
        return True
    for line in between.split("\n")[1:]:
        s = line.lstrip(" \t\r")
        if not s or s[0] in "-*+#|>(\f" or s[0].isdigit() or s.startswith("\u2022") or \
                re.match(r"[a-zA-Z]{1,4}[.)] ", s) or re.match(r"</?(li|p|br|tr|td|div|h\d)\b", s):
            return True
    return False


UNIT = {"hour": "hours", "day": "days", "business day": "days", "working day": "days",
        "calendar day": "days", "month": "months", "year": "years"}
NUMBER = re.compile(r"\b(\d+)[- ](business day|working day|calendar day|hour|day|month|year)s?\b")


def param_unit(name):
    for suffix, unit in (("_hours", "hours"), ("_days", "days"), ("_months", "months"),
                         ("_years", "years")):
        if name.endswith(suffix) or name == suffix[1:]:
            return unit
    return None


def met_asks(finding):
    """(kind, consideration, parameter) for each consideration a parameter already meets."""
    params = finding.get("parameters", {})
    out = []
    for text in finding.get("considerations", []):
        low = text.lower()
        for number, unit in NUMBER.findall(low):
            for name, value in params.items():
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue
                if param_unit(name) == UNIT[unit] and float(value) == float(number):
                    out.append(("number", text, f"{name}={value}"))
        words = {w[:5] for w in re.findall(r"[a-z]+", low)}
        for name, value in params.items():
            if value is not True:
                continue
            parts = [p[:5] for p in name.split("_") if len(p) >= 4]
            if len(parts) >= 2 and all(p in words for p in parts):
                out.append(("flag", text, name))
    return out


def same_clause_pairs(findings, source):
    by_category = {}
    for f in findings:
        by_category.setdefault(f["category"], []).append(f)
    out = []
    for category, group in by_category.items():
        group.sort(key=lambda f: f["start"])
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if y["start"] < x["end"]:
                    kind = "overlap"
                elif x.get("section") == y.get("section") and \
                        not breaks_paragraph(source[x["end"]:y["start"]]):
                    kind = "paragraph"
                else:
                    break  # sorted: a later one is further away still
                out.append((kind, x["risk"] == y["risk"], x, y))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--doc", nargs="*")
    args = ap.parse_args()
    docs = args.doc or tuning_documents()
    counts = Counter()
    for doc in docs:
        report = scan(args.scanner, doc)
        # offsets are bytes: latin-1 keeps one character per byte for the gaps
        raw = open(os.path.join(ROOT, doc), "rb").read()
        findings = report.get("findings", [])
        counts["documents"] += 1
        counts["findings"] += len(findings)
        for f in findings:
            where = f"{doc}:{f['line']} {f['category']} {f['rule']} {f['risk']}"
            hit = False
            for field in ("reasons", "considerations"):
                for kind, x, y in repeats(f.get(field, [])):
                    counts[f"(a) {field} {kind}"] += 1
                    hit = True
                    if args.list:
                        print(f"(a) {where}: {field} {kind}\n    {x}\n    {y}")
            counts["(a) findings with a repeat"] += hit
            for kind, text, param in met_asks(f):
                counts[f"(c) {kind}"] += 1
                if args.list:
                    print(f"(c) {where}: {kind} {param}\n    {text}")
        for kind, same_risk, x, y in same_clause_pairs(findings, raw.decode("latin-1")):
            key = f"(b) {kind} {'same risk' if same_risk else 'other risk'}"
            counts[key] += 1
            if args.list:
                print(f"(b) {doc}:{x['line']}-{y['line']} {x['category']} {kind} "
                      f"{x['rule']}/{x['risk']} {y['rule']}/{y['risk']}")
    for key in sorted(counts):
        print(f"{key:40} {counts[key]}")
    if args.json:
        json.dump(counts, open(args.json, "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

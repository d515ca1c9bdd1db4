#!/usr/bin/env python3
"""One provision, one category: how often is the same text reported in two categories?
(issue 15 #3, a provision reported twice)

Scans every tuning document of corpus/dev (those corpus/dev/gold/tuning.tsv labels) and every
labelled document of ../shared/corpus (../shared/corpus/gold/*.tsv) and counts the pairs of
findings of different categories whose byte ranges overlap: the same sentence read as two
concepts. The check documents are never scanned.

Usage: cross_category.py [--scanner PATH] [--no-cuad] [--list]
  --list prints each pair (document, line, the two categories, the first words).
Prints the number of documents, findings and overlapping pairs, per category pair.
"""
import argparse, csv, glob, json, os, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "corpus")


def labelled_docs(tsv, base):
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return sorted({os.path.join(base, row[0]) for row in rows if row and row[0].strip()})


def documents(with_cuad):
    docs = labelled_docs(os.path.join(ROOT, "corpus", "dev", "gold", "tuning.tsv"),
                         os.path.join(ROOT, "corpus", "dev"))
    for tsv in sorted(glob.glob(os.path.join(SHARED, "gold", "*.tsv"))):
        base = os.path.join(SHARED, "cuad") if "cuad" in os.path.basename(tsv) else SHARED
        if base.endswith("cuad") and not with_cuad:
            continue
        docs += labelled_docs(tsv, base)
    return docs


def findings(scanner, path):
    run = subprocess.run([scanner, "scan", "--format", "json", path], capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{path}: clausescan exited {run.returncode}: {run.stderr.decode()[:300]}")
    return json.loads(run.stdout)["findings"]


def cross_pairs(found):
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a["category"] != b["category"] and a["start"] < b["end"] and b["start"] < a["end"]:
                pairs.append((a, b))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    ap.add_argument("--no-cuad", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    docs = [d for d in documents(not args.no_cuad) if os.path.exists(d)]
    total_findings, by_pair = 0, Counter()
    for doc in docs:
        found = findings(args.scanner, doc)
        total_findings += len(found)
        for a, b in cross_pairs(found):
            by_pair[tuple(sorted((a["category"], b["category"])))] += 1
            if args.list:
                print(f"{os.path.relpath(doc, ROOT)}:{a['line']} / {b['line']}  "
                      f"{a['category']} + {b['category']}  {a['text'][:90]!r}")
    pairs = sum(by_pair.values())
    print(f"documents {len(docs)}  findings {total_findings}  two-category pairs {pairs}")
    for (a, b), n in by_pair.most_common():
        print(f"  {n:4d}  {a} + {b}")


if __name__ == "__main__":
    main()

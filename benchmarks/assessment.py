#!/usr/bin/env python3
"""Assessment quality: are the findings' party and risk what a careful reader would say, and is
each clause reported once? (issue 15 item 8)

Labels: corpus/dev/gold/assessment.tsv, columns `doc, category, quote, party, risk, note`, one line
per provision, written by readers who had not seen clausescan's report (corpus/dev/gold/README.md).
`doc` is relative to the project root (shared contracts as ../shared/corpus/...). `party` is the
side the provision's main verb binds or empowers (supplier, customer, mutual, third); `risk` is the
risk for a small supplier (high, medium, low, info).

For each labelled provision the script finds the findings of its category whose byte span overlaps
the provision (located as ../shared/tools/eval.py locates quotes) and scores:
  found      the provision has at least one such finding (the rest are not scored below);
  party      the first such finding's `party` equals the label (`third` matches "" or "third");
  risk       the first such finding's `risk` equals the label; `risk+-1` allows one level off;
  duplicate  more than one such finding: the clause is reported twice;
  clean      party right and no duplicate (the issue's first target, >= 95 %).
Targets (issue 15): clean >= 0.95 and risk >= 0.90 of the found provisions.

Check part: corpus/dev/gold/check-assessment.tsv labels provisions of the check documents of
corpus/dev (SPLIT.md) the same way; when it exists its figures are printed beside the tuning
part's. It is never listed: nothing may be written from it.

Usage: assessment.py [--scanner PATH] [--labels TSV] [--check-labels TSV] [--json OUT] [--list]
                     [-- SCAN-ARGS...]
  --list prints every scored provision of --labels whose party or risk differs, or that is
  duplicated.
  SCAN-ARGS after `--` are passed to `clausescan scan` (e.g. -- --party supplier).
Exit status 0; 2 when a label line is malformed or a quote cannot be located.
"""
import argparse, csv, json, os, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "tools"))
from eval import fold, locate, overlaps  # noqa: E402  (the shared scorer's quote matching)

RISKS = ["info", "low", "medium", "high"]
PARTIES = ["supplier", "customer", "mutual", "third"]
DEFAULT_LABELS = os.path.join(ROOT, "corpus", "dev", "gold", "assessment.tsv")
DEFAULT_CHECK_LABELS = os.path.join(ROOT, "corpus", "dev", "gold", "check-assessment.tsv")


def read_labels(path):
    labels = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        if header[:5] != ["doc", "category", "quote", "party", "risk"]:
            sys.exit(f"{path}:1: expected columns doc, category, quote, party, risk, note")
        for line, row in enumerate(rows, start=2):
            if not row or not row[0].strip():
                continue
            if len(row) < 5 or row[3] not in PARTIES or row[4] not in RISKS:
                print(f"{path}:{line}: needs party in {PARTIES} and risk in {RISKS}", file=sys.stderr)
                sys.exit(2)
            labels.append({"line": line, "doc": row[0], "category": row[1], "quote": row[2],
                           "party": row[3], "risk": row[4]})
    return labels


def scan(scanner, path, extra):
    run = subprocess.run([scanner, "scan", "--format", "json", *extra, path], capture_output=True)
    try:
        report = json.loads(run.stdout.decode("utf-8"))
        return (report[0] if isinstance(report, list) else report)["findings"]
    except Exception as error:  # reported, scored as no findings
        print(f"scan failed on {path}: rc={run.returncode} {error} {run.stderr[:300]!r}",
              file=sys.stderr)
        return []


def score(labels_path, scanner, scan_args, listing):
    """Scores one label file; returns (figures, party confusion, risk confusion).
    Prints each disagreement when `listing`. Exits 2 when a quote cannot be located."""
    labels = read_labels(labels_path)
    findings, texts = {}, {}
    counts = Counter()
    party_confusion, risk_confusion = Counter(), Counter()
    for label in labels:
        doc = label["doc"]
        path = os.path.normpath(os.path.join(ROOT, doc))
        if doc not in findings:
            findings[doc] = scan(scanner, path, scan_args)
            data = open(path, "rb").read()
            texts[doc] = (data, fold(data))
        data, folded = texts[doc]
        span = locate(data, label["quote"], folded)
        if span is None:
            print(f"{labels_path}:{label['line']}: quote not found in {doc}", file=sys.stderr)
            sys.exit(2)
        counts["labels"] += 1
        hits = [f for f in findings[doc]
                if f["category"] == label["category"] and overlaps(span, (f["start"], f["end"]))]
        if not hits:
            continue
        counts["found"] += 1
        first = hits[0]
        got_party = first.get("party") or "third"
        party_ok = got_party == label["party"]
        risk_ok = first["risk"] == label["risk"]
        near = abs(RISKS.index(first["risk"]) - RISKS.index(label["risk"])) <= 1
        duplicate = len(hits) > 1
        counts["party"] += party_ok
        counts["risk"] += risk_ok
        counts["risk+-1"] += near
        counts["duplicate"] += duplicate
        counts["clean"] += party_ok and not duplicate
        party_confusion[(label["party"], got_party)] += 1
        risk_confusion[(label["risk"], first["risk"])] += 1
        if listing and not (party_ok and risk_ok and not duplicate):
            print(f"{label['doc']}:{first.get('line', '?')} {label['category']} "
                  f"party {label['party']}/{got_party} risk {label['risk']}/{first['risk']}"
                  f"{' DUPLICATE x%d' % len(hits) if duplicate else ''} rule {first['rule']}: "
                  f"{label['quote'][:70]}")

    found = counts["found"] or 1
    figures = {"labels": counts["labels"], "documents": len(findings), "found": counts["found"],
               **{k: round(counts[k] / found, 3)
                  for k in ("party", "risk", "risk+-1", "duplicate", "clean")}}
    return figures, party_confusion, risk_confusion


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    parser.add_argument("--labels", default=DEFAULT_LABELS)
    parser.add_argument("--check-labels", default=DEFAULT_CHECK_LABELS,
                        help="the check part, scored beside the labels and never listed "
                             "('' to skip)")
    parser.add_argument("--json", help="write the figures as JSON to this file")
    parser.add_argument("--list", action="store_true", help="print each disagreement")
    parser.add_argument("scan_args", nargs="*", help="after --: passed to clausescan scan")
    args = parser.parse_args()

    figures, party_confusion, risk_confusion = score(args.labels, args.scanner, args.scan_args,
                                                     args.list)
    print(f"{figures['labels']} labelled provisions in {figures['documents']} documents; "
          f"{figures['found']} found by a finding of their category")
    print(f"of those found: party right {figures['party']:.3f}, risk right {figures['risk']:.3f} "
          f"(within one level {figures['risk+-1']:.3f}), duplicated {figures['duplicate']:.3f}, "
          f"right party and no duplicate {figures['clean']:.3f}")
    print("targets: right party and no duplicate >= 0.95; risk right >= 0.90")
    for name, confusion, values in (("party", party_confusion, PARTIES),
                                    ("risk", risk_confusion, RISKS)):
        print(f"{name} (rows: label, columns: finding)")
        print("  " + "".join(f"{v:>10}" for v in ["", *values]))
        for want in values:
            print("  " + f"{want:>10}" + "".join(f"{confusion[(want, got)]:>10}" for got in values))
    result = {"tuning": figures}
    if args.check_labels and os.path.exists(args.check_labels):
        check, _, _ = score(args.check_labels, args.scanner, args.scan_args, False)
        result["check"] = check
        print("tuning part (labels above) beside the check part (nothing is written from it):")
        print(f"  {'':<32}{'tuning':>10}{'check':>10}")
        print(f"  {'provisions (documents)':<32}{figures['labels']:>6} ({figures['documents']})"
              f"{check['labels']:>6} ({check['documents']})")
        print(f"  {'found':<32}{figures['found']:>10}{check['found']:>10}")
        for key, name in (("party", "party right"), ("risk", "risk right"),
                          ("risk+-1", "risk within one level"), ("duplicate", "duplicated"),
                          ("clean", "right party, no duplicate")):
            print(f"  {name:<32}{figures[key]:>10.3f}{check[key]:>10.3f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

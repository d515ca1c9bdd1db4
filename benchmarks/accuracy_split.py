#!/usr/bin/env python3
"""Security-label accuracy on the tuning part and the check part of the development set, side by
side per category (see ../shared/design/EVALUATION.md, "Tuning part and check part").

Tuning part: the shared development labels (../shared/corpus/gold/security-dev.tsv) plus the
project's own corpus/dev/gold/tuning.tsv. Check part: corpus/dev/gold/check.tsv, documents from
which no rule, test sample or engine change is written. Each set is scored by
../shared/tools/eval.py (run as a subprocess, its --json output read back); the tuning figures
pool the counts of its two sets. A gap between the columns is over-fitting.

Usage: accuracy_split.py [--scanner PATH]   (default: build/clausescan)
Exit status 0, or the eval tool's status when a run fails.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
SETS = {  # name: [(gold, corpus), ...]
    "tuning": [(os.path.join(SHARED, "corpus", "gold", "security-dev.tsv"),
                os.path.join(SHARED, "corpus")),
               (os.path.join(ROOT, "corpus", "dev", "gold", "tuning.tsv"),
                os.path.join(ROOT, "corpus", "dev"))],
    "check": [(os.path.join(ROOT, "corpus", "dev", "gold", "check.tsv"),
               os.path.join(ROOT, "corpus", "dev"))],
}


def evaluate(gold, corpus, scanner):
    """Returns eval.py's JSON summary for one gold file."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run = subprocess.run([sys.executable, os.path.join(SHARED, "tools", "eval.py"), "security",
                              gold, corpus, "--scanner", scanner, "--json", out.name],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stdout + run.stderr)
            sys.exit(run.returncode)
        return json.load(open(out.name))


def pooled(results):
    """Per-category counts summed over results, and the parameter accuracy of each."""
    rows = {}
    for result in results:
        for category, counts in result["rows"].items():
            into = rows.setdefault(category, dict.fromkeys(counts, 0))
            for key, value in counts.items():
                into[key] += value
    return rows


def ratios(counts):
    precision = counts["precise"] / counts["found"] if counts["found"] else 0.0
    recall = counts["recalled"] / counts["gold"] if counts["gold"] else float("nan")
    return precision, recall


def macro(rows):
    used = [ratios(r) for r in rows.values() if r["gold"]]
    return (sum(p for p, _ in used) / len(used), sum(r for _, r in used) / len(used))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    args = ap.parse_args()
    results = {name: [evaluate(g, c, args.scanner) for g, c in sets] for name, sets in SETS.items()}
    rows = {name: pooled(r) for name, r in results.items()}
    print(f"{'category':24} {'tuning gold':>11} {'prec':>6} {'rec':>6}   {'check gold':>10} "
          f"{'prec':>6} {'rec':>6}")
    for category in rows["tuning"]:
        t, c = rows["tuning"][category], rows["check"][category]
        (tp, tr), (cp, cr) = ratios(t), ratios(c)
        print(f"{category:24} {t['gold']:11} {tp:6.3f} {tr:6.3f}   {c['gold']:10} {cp:6.3f} "
              f"{cr:6.3f}")
    for name in ("tuning", "check"):
        mp, mr = macro(rows[name])
        params = ", ".join(f"{r['parameter_accuracy']:.3f}" for r in results[name])
        print(f"{name}: macro precision {mp:.3f} recall {mr:.3f}; parameter accuracy per set "
              f"{params}")


if __name__ == "__main__":
    main()

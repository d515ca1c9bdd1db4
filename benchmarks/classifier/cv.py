#!/usr/bin/python3
"""Chooses the classifier's settings and per-category score thresholds by leave-family-out
cross-validation on the tuning documents (a family: one publisher or shared template, so no
fold trains on a sibling of the document it predicts), scored end to end: the reference
scanner's findings plus a classifier finding for each unit whose category no finding of the
scanner overlaps, with ../shared/tools/eval.py's overlap measure.

Usage: cv.py --scanner PATH [--out settings.json]
Prints rules-only and combined precision/recall/F1 per category for each setting tried, and
writes the best setting with the categories it enables and their thresholds.
"""
import argparse, itertools, json, os, re, sys, tempfile
from collections import defaultdict

import fasttext

import data as D

fasttext.FastText.eprint = lambda *a, **k: None
FAMILY_OF = {"gsa-18f-bugbounty": "gsa", "gsa-18f-ckan": "gsa", "gsa-18f-cloudgov": "gsa",
             "gsa-18f-tdrs": "gsa", "gsa-18f": "gsa", "state-dosar": "federal-it",
             "va-vaar": "federal-it", "nasa-nfs": "federal-it", "commerce-car": "federal-it"}
DUTY = re.compile(r"\b(shall|will|must|agrees? to|undertakes? to|commits? to|(is|are) (required|"
                  r"obliged|obligated) to|(is|are|shall be|will be|remains?) (solely |fully )?"
                  r"responsible for)\b")
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def training_lines(docs, oversample=1):
    """fastText training lines; a positive unit's line is written oversample times."""
    lines = []
    for doc in docs:
        for b, e, text, cats in doc["units"]:
            words = D.U.features(text)
            if not words:
                continue
            labels = " ".join(f"__label__{c}" for c in sorted(cats)) or "__label__none"
            lines.extend([f"{labels} {words}\n"] * (oversample if cats else 1))
    return lines


def train(docs, setting):
    """A model trained on docs' units with setting (fastText's arguments, plus "oversample")."""
    setting = dict(setting)
    lines = training_lines(docs, setting.pop("oversample", 1))
    loss = setting.pop("loss", "ova")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.writelines(lines)
    try:
        return fasttext.train_supervised(input=f.name, thread=1, seed=1, verbose=0, loss=loss,
                                         minCount=1, **setting)
    finally:
        os.unlink(f.name)


def predict(model, doc):
    """[{category: probability}] for each unit of doc."""
    texts = [D.U.features(t) for _, _, t, _ in doc["units"]]
    labels, probs = model.predict(texts, k=-1, threshold=0.0)
    return [{l[len("__label__"):]: float(p) for l, p in zip(ls, ps)}
            for ls, ps in zip(labels, probs)]


def overlaps(a, b, c, d):
    return a < d and c < b


def added(doc, probs, thresholds, duty):
    """Classifier findings (category, begin, end) for doc at the given thresholds."""
    out = []
    for (b, e, text, _), p in zip(doc["units"], probs):
        for cat, t in thresholds.items():
            if p.get(cat, 0.0) < t:
                continue
            if any(c == cat and overlaps(b, e, s, x) for c, s, x in doc["rules"]):
                continue
            if duty and not DUTY.search(text.lower()):
                continue
            out.append((cat, b, e))
    return out


def score(docs, findings_of):
    """{category: [gold, found, recalled, precise]} with eval.py's overlap rules."""
    rows = {c: [0, 0, 0, 0] for c in D.CATEGORIES}
    for doc in docs:
        findings = findings_of(doc)
        for c in D.CATEGORIES:
            g = [s for cat, s in doc["gold"] if cat == c]
            f = [(b, e) for cat, b, e in findings if cat == c]
            r = rows[c]
            r[0] += len(g); r[1] += len(f)
            r[2] += sum(any(overlaps(gb, ge, b, e) for b, e in f) for gb, ge in g)
            r[3] += sum(any(overlaps(gb, ge, b, e) for gb, ge in g) for b, e in f)
    return rows


def prf(r):
    p = r[3] / r[1] if r[1] else 0.0
    rc = r[2] / r[0] if r[0] else 0.0
    return p, rc, (2 * p * rc / (p + rc) if p + rc else 0.0)


def load(scanner, cache):
    os.makedirs(cache, exist_ok=True)
    docs = []
    for path, labels in sorted(D.gold_spans().items()):
        fam = D.family(path)
        docs.append({"path": path, "family": FAMILY_OF.get(fam, fam), "gold": labels,
                     "units": D.labelled_units(path, labels),
                     "rules": D.rule_findings(scanner, path, cache)})
    return docs


def cross_validate(docs, setting):
    probs = {}
    for fam in sorted({d["family"] for d in docs}):
        model = train([d for d in docs if d["family"] != fam], setting)
        for d in docs:
            if d["family"] == fam:
                probs[d["path"]] = predict(model, d)
    return probs


def choose(docs, probs, duty, max_drop):
    """Per category, the threshold with the best combined F1 whose precision falls by at most
    max_drop; a category whose F1 does not rise is left out."""
    base = score(docs, lambda d: d["rules"])
    chosen = {}
    for c in D.CATEGORIES:
        bp, _, bf = prf(base[c])
        best = (bf + 0.005, None)
        for t in THRESHOLDS:
            r = score(docs, lambda d: d["rules"] + added(d, probs[d["path"]], {c: t}, duty))[c]
            p, _, f = prf(r)
            if p >= bp - max_drop and f > best[0]:
                best = (f, t)
        if best[1] is not None:
            chosen[c] = best[1]
    return base, chosen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", required=True)
    ap.add_argument("--cache", default="/tmp/clf11-cache")
    ap.add_argument("--out", default=None)
    ap.add_argument("--max-drop", type=float, default=0.02)
    args = ap.parse_args()
    docs = load(args.scanner, args.cache)
    grid = [dict(epoch=e, lr=lr, wordNgrams=n, dim=50) for e, lr, n in
            itertools.product([10, 25], [0.2, 0.5], [1, 2])]
    best = None
    for setting in grid:
        probs = cross_validate(docs, setting)
        for duty in (False, True):
            base, chosen = choose(docs, probs, duty, args.max_drop)
            comb = score(docs, lambda d: d["rules"] + added(d, probs[d["path"]], chosen, duty))
            macro = lambda rows: sum(prf(rows[c])[2] for c in D.CATEGORIES) / len(D.CATEGORIES)
            print(f"{setting} duty={duty}: macro F1 {macro(base):.3f} -> {macro(comb):.3f}; "
                  f"enabled {chosen}", flush=True)
            if best is None or macro(comb) > best[0]:
                best = (macro(comb), setting, duty, chosen, base, comb)
    _, setting, duty, chosen, base, comb = best
    print(f"\nbest: {setting} duty={duty}")
    print(f"{'category':24} {'gold':>5} {'rules P':>7} {'R':>6} {'F1':>6}   {'+clf P':>7} {'R':>6} "
          f"{'F1':>6} {'added':>5}")
    for c in D.CATEGORIES:
        p, r, f = prf(base[c]); p2, r2, f2 = prf(comb[c])
        print(f"{c:24} {base[c][0]:5} {p:7.3f} {r:6.3f} {f:6.3f}   {p2:7.3f} {r2:6.3f} {f2:6.3f} "
              f"{comb[c][1] - base[c][1]:5}")
    if args.out:
        json.dump({"setting": setting, "duty": duty, "thresholds": chosen}, open(args.out, "w"),
                  indent=1)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""A scanner with the classifier as a fallback, for measuring it end to end: takes clausescan's
arguments, runs the real binary, and for `scan --format json FILE` adds a finding, marked
"fallback": true, for each unit the model scores at or above its category's threshold when no
finding of that category overlaps the unit (and, with the setting "duty", when the unit states
a duty). Every other command passes through unchanged.

Environment: CLF11_SCANNER (the binary), CLF11_MODEL (.ftz), CLF11_SETTINGS (cv.py's JSON),
CLF11_LOG (optional file: one line "path<TAB>category" per added finding).
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fasttext  # noqa: E402

import units as U  # noqa: E402
from cv import DUTY  # noqa: E402

fasttext.FastText.eprint = lambda *a, **k: None


def main():
    args = sys.argv[1:]
    run = subprocess.run([os.environ["CLF11_SCANNER"]] + args, capture_output=True)
    if args[:3] != ["scan", "--format", "json"] or len(args) != 4 or run.returncode not in (0, 1):
        sys.stdout.buffer.write(run.stdout); sys.stderr.buffer.write(run.stderr)
        return run.returncode
    report = json.loads(run.stdout)
    settings = json.load(open(os.environ["CLF11_SETTINGS"]))
    model = fasttext.load_model(os.environ["CLF11_MODEL"])
    data = open(args[3], "rb").read()
    spans = U.units(data)
    texts = [data[b:e].decode("utf-8", "replace") for b, e in spans]
    labels, probs = model.predict([U.features(t) for t in texts], k=-1, threshold=0.0)
    log = open(os.environ["CLF11_LOG"], "a") if os.environ.get("CLF11_LOG") else None
    found = [(f["category"], f["start"], f["end"]) for f in report["findings"]]
    for (b, e), text, ls, ps in zip(spans, texts, labels, probs):
        score = {l[len("__label__"):]: float(p) for l, p in zip(ls, ps)}
        for cat, threshold in settings["thresholds"].items():
            if score.get(cat, 0.0) < threshold:
                continue
            if any(c == cat and b < x and s < e for c, s, x in found):
                continue
            if settings["duty"] and not DUTY.search(text.lower()):
                continue
            report["findings"].append({"rule": f"classifier.{cat}", "category": cat, "start": b,
                                       "end": e, "line": data.count(b"\n", 0, b) + 1,
                                       "text": text, "parameters": {}, "fallback": True})
            if log:
                log.write(f"{args[3]}\t{cat}\n")
    json.dump(report, sys.stdout)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())

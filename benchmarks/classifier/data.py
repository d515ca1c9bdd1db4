"""The tuning documents as labelled units, and the reference scanner's findings on them.

Tuning labels only: ../shared/corpus/gold/security-dev.tsv and corpus/dev/gold/tuning.tsv (never
check.tsv). A unit is a positive of a category when a label of that category covers at least 30 %
of the unit or the unit holds at least half of the label.
"""
import importlib.util, json, os, subprocess
from collections import defaultdict

import units as U

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
TUNING = [(os.path.join(SHARED, "corpus", "gold", "security-dev.tsv"),
           os.path.join(SHARED, "corpus")),
          (os.path.join(ROOT, "corpus", "dev", "gold", "tuning.tsv"),
           os.path.join(ROOT, "corpus", "dev"))]
CATEGORIES = ["incident_notification", "data_deletion", "subprocessors", "audit_rights",
              "indemnification", "liability_cap", "insurance", "sla_uptime",
              "international_transfers", "security_measures", "data_processing"]

_spec = importlib.util.spec_from_file_location("eval_tool",
                                               os.path.join(SHARED, "tools", "eval.py"))
EVAL = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(EVAL)


def gold_spans(gold_files=TUNING):
    """{path: [(category, (begin, end))]} for every located label."""
    out = defaultdict(list)
    for gold, corpus in gold_files:
        lines = open(gold, encoding="utf-8").read().splitlines()[1:]
        for line in lines:
            if not line.strip():
                continue
            cols = line.split("\t")
            path = os.path.join(corpus, cols[0])
            data = open(path, "rb").read()
            if len(cols) >= 4 and cols[2].isdigit() and cols[3].isdigit():
                span = (int(cols[2]), int(cols[3]))
            else:
                span = EVAL.locate(data, cols[2])
            if span:
                out[path].append((cols[1], span))
    return out


def family(path):
    return os.path.relpath(path, os.path.dirname(os.path.dirname(path))).split("/")[0]


def labelled_units(path, labels):
    """[(begin, end, text, {categories})] of the document at path."""
    data = open(path, "rb").read()
    out = []
    for b, e in U.units(data):
        cats = set()
        for cat, (lb, le) in labels:
            overlap = min(e, le) - max(b, lb)
            if overlap > 0 and (overlap >= 0.3 * (e - b) or overlap >= 0.5 * (le - lb)):
                cats.add(cat)
        out.append((b, e, data[b:e].decode("utf-8", "replace"), cats))
    return out


def rule_findings(scanner, path, cache_dir):
    """The scanner's findings on path, as [(category, begin, end)], cached as JSON."""
    key = os.path.join(cache_dir, path.replace("/", "_") + ".json")
    if not os.path.exists(key):
        run = subprocess.run([scanner, "scan", "--format", "json", path], capture_output=True)
        open(key, "wb").write(run.stdout)
    report = json.load(open(key))
    if isinstance(report, list):
        report = report[0]
    return [(f["category"], f["start"], f["end"]) for f in report["findings"]]

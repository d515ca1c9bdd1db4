#!/bin/sh
# Accuracy on the development sets of ../shared/design/EVALUATION.md: per-category precision,
# recall, F1 and parameter accuracy on the shared security labels, document-level F1 on the CUAD
# development part, then the tuning part and the check part of the whole development set side by
# side (accuracy_split.py: the check part is never written from, so a gap is over-fitting).
# Usage: benchmarks/accuracy.sh [path/to/clausescan]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
scanner=${1:-"$root/build/clausescan"}
python3 "$shared/tools/eval.py" security "$shared/corpus/gold/security-dev.tsv" "$shared/corpus" --scanner "$scanner"
python3 "$shared/tools/eval.py" cuad "$shared/corpus/gold/cuad-dev.tsv" "$shared/corpus/cuad" --scanner "$scanner"
python3 "$root/benchmarks/accuracy_split.py" --scanner "$scanner"

#!/bin/sh
# Accuracy on the development sets of ../shared/design/EVALUATION.md: per-category precision,
# recall, F1 and parameter accuracy (security labels), and document-level F1 on the CUAD
# development part. Usage: benchmarks/accuracy.sh [path/to/clausescan]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
scanner=${1:-"$root/build/clausescan"}
python3 "$shared/tools/eval.py" security "$shared/corpus/gold/security-dev.tsv" "$shared/corpus" --scanner "$scanner"
python3 "$shared/tools/eval.py" cuad "$shared/corpus/gold/cuad-dev.tsv" "$shared/corpus/cuad" --scanner "$scanner"

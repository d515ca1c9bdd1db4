#!/usr/bin/env bash
# Byte-identity guard (issue 12): the JSON Lines of a candidate binary must equal a reference
# binary's, byte for byte, over the CUAD folder and every other document of ../shared/corpus
# (recursively: .txt, .md, .docx, .pdf and whatever else the scanner reads).
#
# Usage: benchmarks/identical.sh REFERENCE_BINARY [CANDIDATE_BINARY] [CORPUS_DIR]
#   CANDIDATE_BINARY defaults to build/clausescan, CORPUS_DIR to ../shared/corpus.
# Prints "identical" and exits 0, or prints the first differing lines and exits 1. The outputs
# are kept in $OUT (default: a temporary folder) for inspection.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
ref="${1:?usage: identical.sh REFERENCE_BINARY [CANDIDATE_BINARY] [CORPUS_DIR]}"
cand="${2:-$root/build/clausescan}"
corpus="${3:-$root/../shared/corpus}"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
# One fixed option set; --jobs 2 so the threaded path is exercised too (output order is fixed).
opts=(scan --format jsonl --no-progress --jobs 2)
status=0
run() {  # name, then the paths and extra options
  local name="$1"
  shift
  "$ref" "${opts[@]}" "$@" >"$out/$name.ref.jsonl" 2>"$out/$name.ref.err" || true
  "$cand" "${opts[@]}" "$@" >"$out/$name.new.jsonl" 2>"$out/$name.new.err" || true
  if cmp -s "$out/$name.ref.jsonl" "$out/$name.new.jsonl"; then
    echo "$name: identical ($(wc -l <"$out/$name.ref.jsonl") lines, $(wc -c <"$out/$name.ref.jsonl") bytes)"
  else
    echo "$name: DIFFERENT"
    diff "$out/$name.ref.jsonl" "$out/$name.new.jsonl" | cut -c1-400 | head -20
    status=1
  fi
}
run cuad "$corpus/cuad"
run rest --exclude cuad "$corpus"
[ "$status" = 0 ] && echo identical
exit "$status"

#!/bin/sh
# Runs every fuzz target in turn for SECONDS each (default 120), seeded from the shared corpus
# beside the project (../shared/corpus, read-only; never copied here), fuzz/seeds/, the project's
# rules/ and the hostile inputs BUILD_DIR/fuzz/make_seeds writes into WORK/seeds. New inputs go
# to WORK/corpus-<format>, crashes to WORK/crashes-<format>/.
# Usage: fuzz/run.sh BUILD_DIR [SECONDS] [WORK] [TARGET...]
set -eu
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [WORK] [TARGET...]}
seconds=${2:-120}
work=${3:-$build/fuzz-work}
shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)
shared=${CLAUSESCAN_SHARED_CORPUS:-$here/../../shared/corpus}
targets=${*:-docx docx_xml pdf html md txt rules profile}

# docx_xml takes the XML parts of a Word document joined by a separator (docx_xml_fuzzer.cc):
# its seeds are made from the shared .docx files, into the work folder.
make_xml_seeds() {
  mkdir -p "$work/seeds-docx_xml"
  python3 - "$shared/docx" "$work/seeds-docx_xml" <<'PY'
import pathlib, sys, zipfile
parts = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml"]
for docx in pathlib.Path(sys.argv[1]).glob("*.docx"):
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        data = [z.read(p) if p in names else b"" for p in parts]
    pathlib.Path(sys.argv[2], docx.stem + ".xml").write_bytes(b"\n<!--part-->\n".join(data))
PY
}

# The hostile inputs of the tests (make_seeds.cc), when make_seeds is built.
make_hostile_seeds() {
  if [ -x "$build/fuzz/make_seeds" ]; then
    "$build/fuzz/make_seeds" "$work/seeds" "$shared/docx"
  else
    echo "no $build/fuzz/make_seeds: build it for the hostile seeds" >&2
  fi
}

for format in $targets; do
  case $format in
    docx) seeds="$shared/docx" ;;
    docx_xml) make_xml_seeds; seeds="$work/seeds-docx_xml" ;;
    pdf) seeds="$here/seeds/pdf $shared/pdf" ;;
    html) seeds="$here/seeds/html" ;;
    md) seeds="$shared/commonpaper $shared/bonterms $shared/github $shared/basecamp" ;;
    txt) seeds="$shared/cuad" ;;
    rules) make_hostile_seeds; seeds="$here/../rules $work/seeds/rules" ;;
    profile) make_hostile_seeds; seeds="$here/../corpus/profile $work/seeds/rules" ;;
    *) echo "unknown target $format" >&2; exit 2 ;;
  esac
  mkdir -p "$work/corpus-$format" "$work/crashes-$format"
  echo "== $format: ${seconds}s"
  # shellcheck disable=SC2086 # seeds is a list of folders
  nice -n 10 "$build/fuzz/${format}_fuzzer" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
    -artifact_prefix="$work/crashes-$format/" "$work/corpus-$format" $seeds || status=$?
  if [ "${status:-0}" -ne 0 ]; then
    echo "$format: the fuzzer stopped with status $status; see $work/crashes-$format/" >&2
    exit "$status"
  fi
done

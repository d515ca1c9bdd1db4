#!/usr/bin/env bash
# Renders the HTML report of the sample contracts in a real browser (headless Chromium) and
# fails when the page logs a console message, tries to load anything, or does not render.
#
#   tests/html/render.sh [BUILD_DIR] [OUT_DIR]
#
# BUILD_DIR (default: build) holds a built `clausescan`; OUT_DIR (default: BUILD_DIR/html-check)
# receives report.html, report.png (the screenshot to look at), dom.html and chromium.log.
# Installs Debian's chromium when it is missing and the script runs as root.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=${2:-$build/html-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

fail() { echo "render.sh: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "chromium is not installed (apt-get install chromium, as root)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -x "$build/clausescan" ] || fail "no $build/clausescan: build the project first"

cd "$root"  # relative paths read better in the report
"$build/clausescan" scan --format html --output "$out/report.html" \
  corpus/security-addendum.md corpus/dpa.md corpus/msa.txt

. "$root/tests/html/chromium_check.sh"
check_page_in_chromium "$out/report.html" "$out/report.png" "$out"
grep -q '<h1>Contract security review</h1>' "$out/dom.html" || fail "the page did not render"
grep -q 'id="evidence"' "$out/dom.html" || fail "the evidence pack is missing from the page"
for doc in security-addendum.md dpa.md msa.txt; do
  grep -q -E "corpus/(<wbr>)?$doc" "$out/dom.html" || fail "$doc is missing from the page"
done
echo "render.sh: ok; screenshot $out/report.png"

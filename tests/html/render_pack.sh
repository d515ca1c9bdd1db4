#!/usr/bin/env bash
# Renders the security pack's index.html (clausescan pack, issue 13 #4) of the sample profile and
# contract in a real browser (headless Chromium), as render.sh does for the review page, and
# fails when the page logs a console message, tries to load anything, or does not render.
#
#   tests/html/render_pack.sh [BUILD_DIR] [OUT_DIR]
#
# BUILD_DIR (default: build) holds a built `clausescan`; OUT_DIR (default: BUILD_DIR/pack-check)
# receives pack/ (the pack), index.png (the screenshot to look at), dom.html and chromium.log.
# Without chromium it prints why and exits 77, which ctest reports as skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=${2:-$build/pack-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

fail() { echo "render_pack.sh: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  echo "render_pack.sh: skipped: chromium is not installed (apt-get install chromium)" >&2
  exit 77
fi
[ -x "$build/clausescan" ] || fail "no $build/clausescan: build the project first"

cd "$root"  # relative paths read better in the index
rm -rf "$out/pack"
"$build/clausescan" pack corpus/security-addendum.md --profile corpus/profile/acme-profile.yaml \
  --as-of 2026-12-06 --output "$out/pack" >/dev/null

. "$root/tests/html/chromium_check.sh"
check_page_in_chromium "$out/pack/index.html" "$out/index.png" "$out"
grep -q '<h1>Security pack</h1>' "$out/dom.html" || fail "the page did not render"
grep -q 'documents/public/iso-certificate/' "$out/dom.html" || fail "the documents are missing"
grep -q '<h3>security-addendum.md</h3>' "$out/dom.html" || fail "the contract is missing"
echo "render_pack.sh: ok; screenshot $out/index.png"

# Sourced by render.sh and render_pack.sh: checks one self-contained HTML page in headless
# Chromium. Needs `fail` defined by the caller (prints its message and exits non-zero).
#
#   check_page_in_chromium PAGE PNG OUT_DIR
#
# Fails when PAGE references an external resource, when the browser logs a console message (script
# error, failed or blocked load, violated content security policy), or when no screenshot is
# saved. Leaves PNG, OUT_DIR/dom.html (the rendered DOM, for the caller's own checks) and
# OUT_DIR/chromium.log.
check_page_in_chromium() {
  local page=$1 png=$2 out=$3
  # The page must stand alone: nothing that would load from elsewhere.
  if grep -n -E '<(link|script|img|iframe|object|embed)[ >]|@import|url\(' "$page"; then
    fail "$(basename "$page") references an external resource (lines above)"
  fi
  local profile
  profile=$(mktemp -d)
  # shellcheck disable=SC2064  # the folder is named now: the local is gone at exit
  trap "rm -rf '$profile'" EXIT
  # Every host resolves to nothing, so a reference to anything outside the file fails loudly.
  local browser=(timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic
    --no-first-run --disable-background-networking --disable-component-update --disable-sync
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile"
    --enable-logging=stderr --v=0 --window-size=1280,2000)
  "${browser[@]}" --screenshot="$png" "file://$page" 2>"$out/chromium.log"
  "${browser[@]}" --dump-dom "file://$page" >"$out/dom.html" 2>>"$out/chromium.log"
  rm -rf "$profile"
  if grep -E ':CONSOLE|Uncaught|Failed to load resource|net::ERR_|Content Security Policy' \
      "$out/chromium.log"; then
    fail "the browser reported the errors above (full log: $out/chromium.log)"
  fi
  [ -s "$png" ] || fail "no screenshot was saved (log: $out/chromium.log)"
}

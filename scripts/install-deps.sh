#!/bin/sh
# Installs everything clausescan needs to build, test and benchmark on Debian 12.
# Readers: libzip + pugixml (DOCX), poppler-cpp (PDF), libxml2 (HTML); qpdf makes the encrypted
# PDF the tests need.
# Safe to run more than once. Run as root (or through sudo).
set -eu
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo "$0" "$@"; fi
  echo "install-deps.sh: run as root" >&2; exit 2
fi
export DEBIAN_FRONTEND=noninteractive
packages="build-essential cmake ninja-build ccache pkg-config git python3 \
  libre2-dev libicu-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev \
  libgtest-dev libgmock-dev libbenchmark-dev ripgrep \
  libzip-dev libpugixml-dev libpoppler-cpp-dev libxml2-dev qpdf parallel"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi

#!/bin/sh
# Generates the API reference from the public headers with Doxygen (installing Debian's
# doxygen package first when it is missing). Output: build/api/html/index.html
set -eu
cd "$(dirname "$0")/.."
if ! command -v doxygen >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends doxygen
  else
    echo "api-docs.sh: doxygen is not installed (apt-get install doxygen)" >&2; exit 2
  fi
fi
mkdir -p build/api
doxygen docs/Doxyfile
echo "API reference: build/api/html/index.html"

#!/usr/bin/env bash
# edlint setup-and-run: installs the Debian packages edlint links against (when missing),
# builds the release binary and lints the bundled sample article.
#   scripts/setup.sh            full setup, build and sample run
#   scripts/setup.sh --deps     only check/install the system packages
set -euo pipefail
cd "$(dirname "$0")/.."

# System C libraries wrapped as system-library targets in Package.swift, plus pkg-config to find them.
packages=(pkg-config libpcre2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "edlint setup: these system packages are missing: ${missing[*]}" >&2
    echo "Install them as root, then run this script again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "edlint setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ "${1:-}" = "--deps" ] && exit 0

swift build -c release
echo
echo "edlint built: $(pwd)/.build/release/edlint"
echo "Linting the bundled sample (samples/sample-article.md):"
echo
status=0
.build/release/edlint samples/sample-article.md || status=$?
# Exit 1 means "findings", which the sample is written to have; anything else is a failure.
if [ "$status" -gt 1 ]; then exit "$status"; fi
exit 0

#!/usr/bin/env bash
# edlint's whole test suite: makes sure the system packages are there, then runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --deps
swift test "$@"

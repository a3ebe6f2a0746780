#!/usr/bin/env bash
# edlint's whole test suite: makes sure the system packages are there, then runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --deps
# Validators and clients the suite runs edlint's output through (JSON Schema, the published
# GitHub Actions and GitLab CI schemas bundled with check-jsonschema, the pre-commit framework):
# a throw-away virtualenv under .build-tools/ (git-ignored), made once.
tools=.build-tools/venv
if [ ! -x "$tools/bin/check-jsonschema" ] || [ ! -x "$tools/bin/pre-commit" ]; then
  python3 -m venv "$tools"
  "$tools/bin/pip" install --quiet --disable-pip-version-check jsonschema check-jsonschema pre-commit
fi
export PATH="$PWD/$tools/bin:$PATH"
# The CLI tests run the release binary as shipped: `scripts/dist.sh` builds the release tarball
# (Swift runtime linked statically, man pages, completions, checksum) and the tests run the
# binary inside it and check the tarball (DistTests). The robustness suite's multi-megabyte
# inputs (a 50 MB line, a million paragraphs, 20,000 files) must finish in seconds, which a debug
# build cannot promise. Set EDLINT_BINARY to test another build (e.g. a sanitizer one).
if [ -z "${EDLINT_BINARY:-}" ]; then
  dist="$(scripts/dist.sh | grep '\.tar\.gz$')"
  export EDLINT_DIST="$PWD/$dist"
  export EDLINT_BINARY="$PWD/${dist%.tar.gz}/bin/edlint"
fi
# The multi-megabyte cases run after the rest, on their own: on two cores they would otherwise
# share the machine with every other suite, and their timings would measure that instead.
swift test --skip ScaleInputTests "$@"
swift test --filter ScaleInputTests "$@"

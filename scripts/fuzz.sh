#!/usr/bin/env bash
# libFuzzer over document reading, the source map, sentence segmentation and every built-in rule
# (Sources/EdLintFuzz), configuration and rule files, and output to failing descriptors. Crashes land in .build-fuzz/crash-*; add each to the regression suite.
#   scripts/fuzz.sh [SECONDS]     (default 60; `make fuzz FUZZ_SECONDS=600`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
runtime="$(ls "$(dirname "$(readlink -f "$(command -v swift)")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)"
[ -f "$runtime" ] || { echo "fuzz: libFuzzer runtime not found in the Swift toolchain" >&2; exit 2; }
scripts/setup.sh --deps >/dev/null
swift build --build-path .build-fuzz -c release --product EdLintFuzz \
  -Xswiftc -sanitize=address -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer \
  -Xlinker --undefined=LLVMFuzzerRunDriver -Xlinker "$runtime" -Xlinker -lstdc++ -Xlinker --export-dynamic
mkdir -p .build-fuzz/corpus
cp -n samples/*.md Tests/ReporterTests/Golden/*.md Tests/ReporterTests/Golden/*.txt .build-fuzz/corpus/ 2>/dev/null || true
# Configuration and rule files seed the YAML paths (the input is also read as both).
cp -n .linterrc.example .build-fuzz/corpus/linterrc.example 2>/dev/null || true
for rule in Rules/*/*.yml; do cp -n "$rule" ".build-fuzz/corpus/rule-$(basename "$(dirname "$rule")")-$(basename "$rule")"; done
exec .build-fuzz/release/EdLintFuzz .build-fuzz/corpus -max_total_time="$seconds" -max_len=8192 \
  -artifact_prefix=.build-fuzz/ -print_final_stats=1

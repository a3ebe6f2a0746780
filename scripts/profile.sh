#!/usr/bin/env bash
# Instruction-count profile (valgrind --tool=callgrind): stable on a noisy machine, unlike time.
#   scripts/profile.sh [EDLINT_BINARY] [CORPUS_DIR]   (`make profile`)
# Lints the first 100 corpus files (sorted) on one thread and prints the total instructions and
# the costliest functions (self cost). valgrind 3.19 cannot read the DWARF 5 debug info Swift 6
# emits, so a copy of the binary with its debug info stripped is profiled: symbols stay, lines go.
# PCRE2's JIT-compiled patterns have no symbols; they are summed as "PCRE2 JIT code".
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
corpus="$(cd "${2:-../shared/corpus}" && pwd)"
if [ -z "$binary" ]; then
  swift build -c release --product edlint >/dev/null
  binary="$(swift build -c release --show-bin-path)/edlint"
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$binary" "$work/edlint"
find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) ! -name 'README.md' ! -name 'LICENSE*' | sort > "$work/all"
head -n 100 "$work/all" > "$work/files"
bytes=$(tr '\n' '\0' < "$work/files" | xargs -0 cat | wc -c)
tr '\n' '\0' < "$work/files" | xargs -0 valgrind --tool=callgrind --callgrind-out-file="$work/out" \
  "$work/edlint" --jobs 1 --no-config --fail-on never --format json --output-file /dev/null >/dev/null 2>"$work/log"
callgrind_annotate --threshold=100 "$work/out" > "$work/annotated"
python3 - "$work/annotated" "$bytes" <<'PY'
import re, subprocess, sys
lines = open(sys.argv[1]).read().split("\n")
total = next(int(l.split()[0].replace(",", "")) for l in lines if "PROGRAM TOTALS" in l)
rows, jit = [], 0
for line in lines:
    m = re.match(r"\s*([\d,]+) \([\s\d.]+%\)\s+(\S+):(.*?)(?: \[(.*)\])?$", line)
    if not m or "PROGRAM TOTALS" in line:
        continue
    cost, where, function = int(m.group(1).replace(",", "")), m.group(2), m.group(3)
    if where == "???" and function.startswith("0x"):
        jit += cost  # unnamed code: PCRE2's JIT output
        continue
    rows.append((cost, function.strip(), (m.group(4) or "").split("/")[-1]))
names = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(r[1] for r in rows),
                       capture_output=True, text=True).stdout.split("\n")
rows = [(c, (names[i] if i < len(names) and names[i] else f), lib) for i, (c, f, lib) in enumerate(rows)]
rows.append((jit, "PCRE2 JIT code (all patterns)", ""))
rows.sort(reverse=True)
print(f"total: {total:,} instructions for {int(sys.argv[2]):,} bytes ({total / int(sys.argv[2]):.0f} per byte)")
for cost, function, lib in rows[:15]:
    print(f"  {100 * cost / total:5.1f}%  {function[:110]}  {lib}")
PY

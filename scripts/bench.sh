#!/usr/bin/env bash
# edlint benchmark (not a test): throughput, memory, start-up and scaling on real text, against
# proselint and a single pcre2grep pass over the same bytes (the floor).
#   scripts/bench.sh [CORPUS_DIR]      (default ../shared/corpus; `make bench`)
# Generated inputs live in a temporary folder and are removed afterwards; nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd "${1:-../shared/corpus}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scripts/setup.sh --deps >/dev/null
command -v pcre2grep >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pcre2-utils >/dev/null; }
swift build -c release >/dev/null
edlint="$(pwd)/.build/release/edlint"

# The files edlint lints in the corpus, and their size.
find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) ! -name 'README.md' ! -name 'LICENSE*' | sort > "$work/files"
files=$(wc -l < "$work/files")
bytes=$(tr '\n' '\0' < "$work/files" | xargs -0 cat | wc -c)
mb=$(python3 -c "print(f'{$bytes/1e6:.2f}')")
echo "edlint benchmark — $(date -u +%Y-%m-%d), $(nproc) cores; corpus $corpus: $files files, $mb MB"
echo

measure() { # measure LABEL -- command…  → prints seconds and peak RSS (KB)
  local label=$1; shift; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  read -r seconds rss < <(tail -n 1 "$work/time")
  printf '%-34s %8.2f s  %8.1f MB/s  %8.0f files/s  peak RSS %6.0f MB\n' "$label" "$seconds" \
    "$(python3 -c "print($bytes/1e6/max($seconds,0.001))")" "$(python3 -c "print($files/max($seconds,0.001))")" "$(python3 -c "print($rss/1024)")"
  echo "$seconds" > "$work/last"
}

cd "$corpus"
# --cross-file: the files are named one by one, but this is the run of a folder (the default there).
measure "edlint (all rules, all cores)" -- "$edlint" --format json --fail-on never --no-config --cross-file $(sed "s|^$corpus/||" "$work/files")
edlint_seconds=$(cat "$work/last")
measure "edlint (all rules, --jobs 1)" -- "$edlint" --format json --fail-on never --no-config --cross-file --jobs 1 $(sed "s|^$corpus/||" "$work/files")

# The floor: one PCRE2 pass with one alternation over the same bytes.
pattern='(?i)\b(?:related posts|share this|advertisement|studies show|analysts suggest|critics contend|it is widely believed|only time will tell|world-class)\b'
measure "pcre2grep (one alternation)" -- sh -c "tr '\n' '\0' < '$work/files' | xargs -0 pcre2grep -c -e '$pattern'"
floor_seconds=$(cat "$work/last")
cd - >/dev/null

# proselint in a throw-away virtualenv, on a sample of the files (it is far slower).
python3 -m venv "$work/venv" >/dev/null
"$work/venv/bin/pip" install -q proselint >/dev/null 2>&1 || echo "(pip install proselint failed; skipping)"
if [ -x "$work/venv/bin/proselint" ]; then
  head -n 100 "$work/files" > "$work/sample"
  sample_bytes=$(tr '\n' '\0' < "$work/sample" | xargs -0 cat | wc -c)
  /usr/bin/time -f "%e" -o "$work/time" sh -c "tr '\n' '\0' < '$work/sample' | xargs -0 '$work/venv/bin/proselint' check >/dev/null 2>&1" || true
  prose_seconds=$(tail -n 1 "$work/time")
  /usr/bin/time -f "%e" -o "$work/time" sh -c "tr '\n' '\0' < '$work/sample' | xargs -0 '$edlint' --format json --fail-on never --no-config >/dev/null" || true
  edlint_sample=$(tail -n 1 "$work/time")
  python3 - "$sample_bytes" "$prose_seconds" "$edlint_sample" <<'PY'
import sys
size, prose, ed = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"{'proselint (first 100 files)':34s} {prose:8.2f} s  {size/1e6/max(prose,1e-3):8.2f} MB/s")
print(f"{'edlint (same 100 files)':34s} {ed:8.2f} s  {size/1e6/max(ed,1e-3):8.2f} MB/s   → {prose/max(ed,1e-3):.0f}× proselint's throughput")
PY
fi
python3 -c "print(f'edlint / pcre2grep floor: {$edlint_seconds/max($floor_seconds,0.001):.1f}× the time')"
echo

# Duplicates across files: edlint's index against datasketch's MinHashLSH, same files, same truth.
"$work/venv/bin/pip" install -q datasketch >/dev/null 2>&1 || echo "(pip install datasketch failed; skipping)"
if "$work/venv/bin/python" -c "import datasketch" 2>/dev/null; then
  "$work/venv/bin/python" scripts/crossfile_bench.py "$edlint" "$work/files"
  echo
fi

# Start-up: one small file, median of 15 runs.
printf 'A short paragraph.\n\nAnother one, to compare.\n' > "$work/small.md"
for _ in $(seq 15); do /usr/bin/time -f "%e" -a -o "$work/startup" "$edlint" "$work/small.md" >/dev/null 2>&1 || true; done
python3 -c "import statistics; print(f'start-up (one small file, median of 15): {statistics.median(float(l) for l in open(\"$work/startup\") if l[0].isdigit())*1000:.0f} ms')"
echo

# Scaling: one document of 0.1, 1 and 10 MB, and corpora of 100, 1,000 and 10,000 files, all built
# from corpus paragraphs (deterministic sample).
python3 - "$work" "$work/files" <<'PY'
import os, random, sys
work, listing = sys.argv[1], sys.argv[2]
random.seed(7)
paragraphs = []
for path in open(listing).read().split('\n'):
    if path:
        paragraphs += [p for p in open(path, encoding='utf-8', errors='replace').read().split('\n\n') if len(p) > 60]
def document(size):
    out, n = [], 0
    while n < size:
        p = random.choice(paragraphs); out.append(p); n += len(p) + 2
    return '\n\n'.join(out) + '\n'
for size in (100_000, 1_000_000, 10_000_000):
    open(os.path.join(work, f'doc-{size}.md'), 'w').write(document(size))
for count in (100, 1_000, 10_000):
    folder = os.path.join(work, f'corpus-{count}')
    os.makedirs(folder)
    for i in range(count):
        open(os.path.join(folder, f'{i:05d}.md'), 'w').write(document(6_000))
PY
echo "scaling (all rules, all cores)"
previous=""
for size in 100000 1000000 10000000; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$edlint" --format json --fail-on never --no-config "$work/doc-$size.md" >/dev/null || true
  read -r seconds rss < <(tail -n 1 "$work/time")
  ratio=""; [ -n "$previous" ] && ratio=$(python3 -c "print(f'{$seconds/max($previous,0.001):.1f}× the previous time for 10× the input')")
  printf '  one document of %5s MB  %7.2f s  peak RSS %5.0f MB  %s\n' "$(python3 -c "print($size/1e6)")" "$seconds" "$(python3 -c "print($rss/1024)")" "$ratio"
  previous=$seconds
done
previous=""
for count in 100 1000 10000; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$edlint" --format json --fail-on never --no-config "$work/corpus-$count" >/dev/null || true
  read -r seconds rss < <(tail -n 1 "$work/time")
  ratio=""; [ -n "$previous" ] && ratio=$(python3 -c "print(f'{$seconds/max($previous,0.001):.1f}× the previous time for 10× the files')")
  printf '  %5s files of ~6 kB       %7.2f s  peak RSS %5.0f MB  %s\n' "$count" "$seconds" "$(python3 -c "print($rss/1024)")" "$ratio"
  previous=$seconds
done

# Memory on large single files (issue 11: peak RSS within 5× the input): the corpus's text files
# repeated to 100 and 200 MB of plain text, and its Markdown files (with their footnote
# definitions, which make the Markdown reader parse the file whole) repeated to ~46 MB.
# BENCH_LARGE=0 skips this part (it takes about two minutes).
if [ "${BENCH_LARGE:-1}" != 0 ]; then
  echo
  echo "large files (all rules, all cores): peak RSS against input size"
  find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 cat > "$work/text-base"
  find "$corpus" -name '*.md' -print0 | sort -z | xargs -0 cat > "$work/markdown-base"
  for target in 100000000 200000000; do
    : > "$work/large-$target.txt"
    while [ "$(stat -c %s "$work/large-$target.txt")" -lt "$target" ]; do cat "$work/text-base" >> "$work/large-$target.txt"; done
  done
  for _ in 1 2 3 4; do cat "$work/markdown-base"; done > "$work/large-footnotes.md"
  for file in large-100000000.txt large-200000000.txt large-footnotes.md; do
    size=$(stat -c %s "$work/$file")
    /usr/bin/time -f "%e %M" -o "$work/time" "$edlint" --format json --fail-on never --no-config "$work/$file" >/dev/null || true
    read -r seconds rss < <(tail -n 1 "$work/time")
    printf '  %-22s %6.0f MB  %7.2f s  peak RSS %5.0f MB  = %.1f× the input\n' "$file" "$(python3 -c "print($size/1e6)")" "$seconds" \
      "$(python3 -c "print($rss/1024)")" "$(python3 -c "print($rss*1024/$size)")"
    rm -f "$work/$file"
  done
fi

#!/usr/bin/env python3
"""Cross-file near-verbatim duplicates: edlint's `repetition.cross-file` against datasketch's
MinHashLSH on the same files (issue 5). Run by scripts/bench.sh inside its virtualenv:

    crossfile_bench.py EDLINT FILE_LIST

Ground truth, computed exactly here: blank-line paragraphs of at least 8 words (headings, list,
table, quote, definition, shortcode and code lines left out, as edlint does not compare them as paragraphs; code spans,
link targets and HTML tags removed, as edlint does not read them as prose) whose word
3-gram set has Dice overlap >= 0.6 (edlint's default) with a paragraph of an earlier file.
Recall = share of those found. datasketch is set up as its docs suggest for that similarity:
MinHash over the same 3-grams (128 permutations), MinHashLSH at the equivalent Jaccard
threshold 0.6 / 1.4 ≈ 0.43; a paragraph counts as found when the LSH query returns a true match.
"""
import json, os, re, subprocess, sys, tempfile, time
from collections import defaultdict

from datasketch import MinHash, MinHashLSH

DICE = 0.6
JACCARD = DICE / (2 - DICE)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# What edlint does not read as prose inside a paragraph: code spans, link targets, HTML tags.
NON_PROSE = re.compile(r"`+[^`]*`+|\]\([^)]*\)|<[^>]+>")
SKIP = re.compile(r"^\s{0,3}(?:[#>|*+:-]|\d+[.)]\s|```|~~~|<|\[\^?[^\]]*\]:|\{\{)")
DEFINITION = re.compile(r"^\s{0,3}:[ \t]")
LEAD_IN_TARGET = re.compile(r"^(?:\t| {4}|\s*(?:```|~~~|[-*+]\s|\d+[.)]\s|<)|.*\|)")
SHORTCODE_OPEN = re.compile(r"\{\{<\s*([A-Za-z][\w-]*)[^>]*?(?<!/)>\}\}")
SHORTCODE_CLOSE = re.compile(r"\{\{<\s*/\s*([A-Za-z][\w-]*)\s*>\}\}")


def has_closer(rest, name):
    """Whether a later line closes the shortcode `name` (an opener never closed encloses nothing)."""
    return any(re.search(r"\{\{<\s*/\s*" + re.escape(name) + r"\s*>\}\}", line) for line in rest)


TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def paragraphs(path):
    """(start line, shingle set) of each prose paragraph of at least 8 words."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out, block, start, fenced, shortcode = [], [], 0, False, None
    lines = lines + [""]
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or not line.strip():
            is_table = len(block) > 1 and "|" in block[0] and TABLE_RULE.match(block[1])
            # Also left out, as edlint leaves them out across files: definition-list entries
            # (a later line opens with ": "), one-line lead-ins ending in ":" right before code,
            # a list or a table, and the raw body of a paired {{< name >}} … {{< /name >}}.
            is_entry = any(DEFINITION.match(other) for other in block[1:])
            following = next((other for other in lines[number:] if other.strip()), "")
            is_lead_in = len(block) == 1 and block[0].rstrip().endswith(":") and LEAD_IN_TARGET.match(following)
            opened = [m.group(1) for m in SHORTCODE_OPEN.finditer(" ".join(block))]
            closed = [m.group(1) for m in SHORTCODE_CLOSE.finditer(" ".join(block))]
            in_shortcode = shortcode is not None or any(name not in closed for name in opened)
            if shortcode is not None and shortcode in closed:
                shortcode = None
            elif shortcode is None:
                shortcode = next((name for name in opened if name not in closed and has_closer(lines[number:], name)), None)
                in_shortcode = shortcode is not None
            if block and not SKIP.match(block[0]) and not is_table and not fenced and not is_entry and not is_lead_in and not in_shortcode:
                prose = NON_PROSE.sub(lambda m: "]" if m.group(0).startswith("]") else " ", " ".join(block))
                words = [w.lower().replace("’", "'") for w in WORD.findall(prose)]
                words = [w[:-2] if w.endswith("'s") else w for w in words]
                if len(words) >= 8:
                    out.append((start, {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}))
            block = []
            continue
        if not block:
            start = number
        block.append(line)
    return out


def main():
    edlint, listing = sys.argv[1], sys.argv[2]
    files = [line for line in open(listing).read().split("\n") if line]
    units = []  # (file index, start line, shingles)
    for index, path in enumerate(files):
        units += [(index, line, shingles) for line, shingles in paragraphs(path)]

    # Exact truth through an inverted index over every shingle.
    postings, truth = defaultdict(list), set()
    for unit, (file, _, shingles) in enumerate(units):
        shared = defaultdict(int)
        for shingle in shingles:
            for other in postings[shingle]:
                if units[other][0] != file:
                    shared[other] += 1
        if any(2 * n / (len(shingles) + len(units[o][2])) >= DICE for o, n in shared.items()):
            truth.add(unit)
        for shingle in shingles:
            postings[shingle].append(unit)

    def true_match(unit, other):
        a, b = units[unit][2], units[other][2]
        return units[other][0] < units[unit][0] and 2 * len(a & b) / (len(a) + len(b)) >= DICE

    # datasketch: MinHash every paragraph, query before inserting (earlier files only).
    started = time.time()
    lsh = MinHashLSH(threshold=JACCARD, num_perm=128)
    found_lsh, current_file, pending = set(), -1, []
    for unit, (file, _, shingles) in enumerate(units):
        if file != current_file:
            for key, signature in pending:
                lsh.insert(key, signature)
            pending, current_file = [], file
        signature = MinHash(num_perm=128)
        for shingle in shingles:
            signature.update(shingle.encode("utf-8"))
        if any(true_match(unit, other) for other in lsh.query(signature)):
            found_lsh.add(unit)
        pending.append((unit, signature))
    lsh_seconds = time.time() - started

    # edlint: the real binary over the same files, cross-file rule only. The ground truth counts
    # one-sentence paragraphs too, which edlint reports alone only with minimum_sentences: 1
    # (by default a lone copied sentence is a site's standard line, not copy).
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as config:
        config.write("rules:\n  repetition.cross-file:\n    options:\n      minimum_sentences: 1\n")
    started = time.time()
    result = subprocess.run(
        [edlint, "--format", "json", "--config", config.name, "--fail-on", "never", "--cross-file", "--select", "repetition.cross-file", *files],
        capture_output=True, text=True)
    edlint_seconds = time.time() - started
    os.unlink(config.name)
    report = json.loads(result.stdout)
    # A finding covers its own lines (a passage spans several paragraphs) and, for a paragraph in
    # many files, every copy listed as "also here".
    covered = defaultdict(list)
    for entry in report["files"]:
        for d in entry["diagnostics"]:
            covered[entry["path"]].append((d["range"]["start"]["line"], d["range"]["end"]["line"]))
            for related in d.get("related", []):
                if related.get("message") == "also here" and related.get("path"):
                    covered[related["path"]].append((related["range"]["start"]["line"], related["range"]["end"]["line"]))
    def flagged(path, line):
        return any(start <= line <= end for start, end in covered.get(path, []))
    found_edlint = {u for u in truth if flagged(files[units[u][0]], units[u][1])}
    found_lsh &= truth

    def recall(found):
        return len(found) / len(truth) if truth else 1.0

    print(f"cross-file near-verbatim duplicates: {len(units)} paragraphs in {len(files)} files, "
          f"{len(truth)} repeat a paragraph of an earlier file (Dice >= {DICE})")
    print(f"  {'datasketch MinHashLSH':32s} {lsh_seconds:7.2f} s  recall {recall(found_lsh):.3f}")
    print(f"  {'edlint repetition.cross-file':32s} {edlint_seconds:7.2f} s  recall {recall(found_edlint):.3f}"
          f"   → {lsh_seconds / max(edlint_seconds, 1e-3):.0f}× datasketch's speed")
    missed = sorted(truth - found_edlint)[:5]
    for unit in missed:
        print(f"    edlint missed {files[units[unit][0]]}:{units[unit][1]}")


if __name__ == "__main__":
    main()

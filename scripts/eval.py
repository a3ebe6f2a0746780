#!/usr/bin/env python3
"""Measure edlint's accuracy on labelled data in the formats of ../shared/eval/README.md.

Runs the real edlint binary (default .build/release/edlint) with default settings over:
  articles/NAME.md + NAME.labels.json   per-category precision / recall / F1
  articles-real/ (same format)          the same on real documents with real and inserted defects
  pairs/*.tsv                           pair metrics (a hit is any repetition or paraphrase finding)
  sentences/*.tsv                       sentence metrics (a hit is any unsupported-claim finding)
  blocks/*.jsonl                        boilerplate recall and the share of content blocks flagged

Usage: scripts/eval.py [DATA_DIR] [--binary PATH] [--only articles,articles-real,pairs,sentences,blocks] [--show-misses]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

CATEGORIES = ["repetition", "paraphrase", "boilerplate", "unsupported-claim"]


def run_edlint(binary, paths, cwd):
    """Lints `paths` (relative to cwd) in one process; returns {path: [diagnostic, ...]}.
    Files are judged independently (--no-cross-file): each is its own labelled document."""
    result = subprocess.run(
        [binary, "--format", "json", "--no-config", "--fail-on", "never", "--no-cross-file", *paths],
        cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"edlint failed ({result.returncode}): {result.stderr[:2000]}")
    report = json.loads(result.stdout)
    return {entry["path"]: entry["diagnostics"] for entry in report["files"]}


def prf(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def lint_batch(binary, documents, suffix="txt"):
    """Lints each document as its own file in one edlint run; returns (diagnostics per document, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for index, text in enumerate(documents):
            name = f"{index:05d}.{suffix}"
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as handle:
                handle.write(text)
            names.append(name)
        started = time.time()
        found = run_edlint(binary, names, tmp)
        seconds = time.time() - started
    return [found.get(name, []) for name in names], seconds


def read_tsv(path, columns):
    """Rows of a headed TSV (no quoting), split into `columns` fields."""
    with open(path, encoding="utf-8") as handle:
        next(handle)
        return [line.rstrip("\n").split("\t", columns - 1) for line in handle]


def eval_articles(data, binary, show, subfolder="articles"):
    folder = os.path.join(data, subfolder)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md") and os.path.exists(os.path.join(folder, n[:-3] + ".labels.json")))
    started = time.time()
    found = run_edlint(binary, names, folder)
    seconds = time.time() - started
    counts = {c: [0, 0, 0] for c in CATEGORIES}  # tp, fp, fn (one-to-one matching)
    negatives_hit = []
    for name in names:
        with open(os.path.join(folder, name[:-3] + ".labels.json"), encoding="utf-8") as handle:
            labels = json.load(handle)
        diagnostics = [d for d in found.get(name, []) if d["category"] in CATEGORIES]
        matched = [False] * len(labels["findings"])
        for diagnostic in sorted(diagnostics, key=lambda d: d["range"]["start"]["offset"]):
            line = diagnostic["range"]["start"]["line"]
            hit = None
            for index, label in enumerate(labels["findings"]):
                if label["category"] != diagnostic["category"] or matched[index]:
                    continue
                if any(a <= line <= b for a, b in label["spans"]):
                    hit = index
                    break
            if hit is None:
                counts[diagnostic["category"]][1] += 1
                inside = [n for n in labels.get("negatives", []) if any(a <= line <= b for a, b in n["spans"])]
                kind = inside[0]["kind"] if inside else "-"
                if show:
                    print(f"  FP {name}:{line} {diagnostic['rule']} [{kind}] {diagnostic['message'][:90]}")
                if inside:
                    negatives_hit.append((name, line, kind))
            else:
                matched[hit] = True
                counts[diagnostic["category"]][0] += 1
        for index, label in enumerate(labels["findings"]):
            if not matched[index]:
                counts[label["category"]][2] += 1
                if show:
                    print(f"  FN {name}:{label['spans']} {label['category']}: {label['note'][:90]}")
    print(f"{subfolder}/ ({len(names)} files, {seconds:.2f} s)")
    total = [0, 0, 0]
    for category in CATEGORIES:
        tp, fp, fn = counts[category]
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        p, r, f = prf(tp, fp, fn)
        print(f"  {category:18s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    p, r, f = prf(*total)
    print(f"  {'all':18s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {total[0]}, fp {total[1]}, fn {total[2]});"
          f" findings inside labelled negatives: {len(negatives_hit)}")


def eval_pairs(data, binary, show):
    folder = os.path.join(data, "pairs")
    for file in sorted(f for f in os.listdir(folder) if f.endswith(".tsv")):
        rows = [(int(label), a, b) for label, a, b in read_tsv(os.path.join(folder, file), 3)]
        found, seconds = lint_batch(binary, [f"{a}\n\n{b}\n" for _, a, b in rows])
        tp = fp = fn = 0
        for (label, a, b), diagnostics in zip(rows, found):
            hit = any(d["category"] in ("repetition", "paraphrase") for d in diagnostics)
            if hit and label:
                tp += 1
            elif hit:
                fp += 1
                if show:
                    print(f"  FP {file}: {a[:70]} || {b[:70]}")
            elif label:
                fn += 1
                if show:
                    print(f"  FN {file}: {a[:70]} || {b[:70]}")
        p, r, f = prf(tp, fp, fn)
        print(f"pairs/{file:22s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (n {len(rows)}, tp {tp}, fp {fp}, fn {fn}; {seconds:.2f} s)")


def eval_sentences(data, binary, show):
    folder = os.path.join(data, "sentences")
    for file in sorted(f for f in os.listdir(folder) if f.endswith(".tsv")):
        rows = [(int(label), sentence) for label, sentence in read_tsv(os.path.join(folder, file), 2)]
        found, seconds = lint_batch(binary, [f"{s}\n" for _, s in rows])
        tp = fp = fn = 0
        for (label, sentence), diagnostics in zip(rows, found):
            hits = [d for d in diagnostics if d["category"] == "unsupported-claim"]
            if hits and label:
                tp += 1
            elif hits:
                fp += 1
                if show:
                    print(f"  FP {file}: {hits[0]['rule']}: {sentence[:110]}")
            elif label:
                fn += 1
                if show:
                    print(f"  FN {file}: {sentence[:110]}")
        p, r, f = prf(tp, fp, fn)
        print(f"sentences/{file:22s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (n {len(rows)}, tp {tp}, fp {fp}, fn {fn}; {seconds:.2f} s)")


def eval_blocks(data, binary, show):
    folder = os.path.join(data, "blocks")
    for file in sorted(f for f in os.listdir(folder) if f.endswith(".jsonl")):
        pages = []
        with open(os.path.join(folder, file), encoding="utf-8") as handle:
            for line in handle:
                pages.append(json.loads(line))
        documents, spans = [], []
        for page in pages:
            lines, page_spans = 1, []
            parts = []
            for block in page["blocks"]:
                page_spans.append((lines, lines, block["label"], block["text"]))
                parts.append(block["text"])
                lines += 2
            documents.append("\n\n".join(parts) + "\n")
            spans.append(page_spans)
        found, seconds = lint_batch(binary, documents)
        boiler = boiler_hit = content = content_hit = 0
        for index, (page_spans, diagnostics) in enumerate(zip(spans, found)):
            name = f"page {index}"
            flagged = {d["range"]["start"]["line"] for d in diagnostics if d["category"] == "boilerplate"}
            for first, last, label, text in page_spans:
                hit = any(first <= line <= last for line in flagged)
                if label == "boilerplate":
                    boiler += 1
                    boiler_hit += hit
                else:
                    content += 1
                    content_hit += hit
                    if hit and show:
                        print(f"  content flagged {name}: {text[:100]}")
        print(f"blocks/{file:22s} boilerplate recall {boiler_hit / max(1, boiler):.3f}   content flagged "
              f"{content_hit / max(1, content):.3%} ({content_hit} of {content})   "
              f"(boilerplate {boiler_hit} of {boiler}; {seconds:.2f} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("data", nargs="?", default=os.path.join(root, "..", "shared", "eval"))
    parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "edlint"))
    parser.add_argument("--only", default="articles,articles-real,pairs,sentences,blocks")
    parser.add_argument("--show-misses", action="store_true", help="print false positives and negatives")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    if not os.path.isdir(args.data):
        sys.exit(f"no evaluation data at {args.data}")
    if not os.path.exists(args.binary):
        sys.exit(f"no edlint binary at {args.binary}; run 'swift build -c release' first")
    started = time.time()
    steps = {
        "articles": eval_articles, "pairs": eval_pairs, "sentences": eval_sentences, "blocks": eval_blocks,
        "articles-real": lambda data, binary, show: eval_articles(data, binary, show, "articles-real"),
    }
    for name in args.only.split(","):
        if os.path.isdir(os.path.join(args.data, name)):
            steps[name](args.data, args.binary, args.show_misses)
    print(f"total {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Findings per 1,000 prose paragraphs on each folder of a corpus (default ../shared/corpus), by
category (repetition.cross-file counted apart), with the number of error-level findings.
A paragraph is a blank-line-separated block outside fenced code.

Usage: scripts/corpus-counts.py [CORPUS_DIR] [--binary PATH]
"""
import argparse
import collections
import json
import os
import subprocess

parser = argparse.ArgumentParser()
parser.add_argument("corpus", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "edlint"))
args = parser.parse_args()


def paragraphs(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return 0
    count, in_fence, in_block = 0, False, False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```") or stripped.startswith("~~~"):
            in_fence, in_block = not in_fence, False
            continue
        if in_fence:
            continue
        if not stripped:
            in_block = False
        elif not in_block:
            count, in_block = count + 1, True
    return count


for folder in sorted(os.listdir(args.corpus)):
    path = os.path.join(args.corpus, folder)
    if not os.path.isdir(path):
        continue
    result = subprocess.run([args.binary, path, "--format", "json", "--no-config", "--fail-on", "never"],
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    total = sum(paragraphs(f["path"]) for f in report["files"]) or 1
    counts, errors = collections.Counter(), 0
    for file in report["files"]:
        for finding in file["diagnostics"]:
            counts["cross-file" if finding["rule"] == "repetition.cross-file" else finding["category"]] += 1
            errors += finding["severity"] == "error"
    shown = "  ".join(f"{name} {1000 * n / total:.1f}" for name, n in sorted(counts.items()))
    print(f"{folder:18} {total:6} paragraphs  {shown}  errors {errors}")

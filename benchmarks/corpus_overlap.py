#!/usr/bin/env python3
"""Word 8-gram overlap of candidate documents with reference texts.

For each candidate file, prints the largest share of its distinct word
8-grams found in any single reference text, and which reference that was.
Words are lower-cased; URLs and punctuation are removed first.

References are each --reference file and every text file under each
--reference directory (a
directory named "gold" is skipped; .docx files are converted with pandoc,
.pdf files with pdftotext) plus every document under --dev, except the
families listed with --exclude-family (the check part, which must not be
read) and the candidates themselves.

Prints numbers and file names only, never document text.

Usage:
  corpus_overlap.py CANDIDATE... [--reference FILE|DIR]... [--dev DIR]
                    [--exclude-family NAME]... [--cache DIR]
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys

N = 8
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".tsv", ".csv")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
NON_WORD = re.compile(r"[^0-9a-z]+")


def words(text):
    text = URL.sub(" ", text.lower())
    return NON_WORD.sub(" ", text).split()


def ngrams(text):
    w = words(text)
    return {tuple(w[i:i + N]) for i in range(len(w) - N + 1)}


def converted(path, cache):
    """Returns the text of path, converting .docx and .pdf (cached by content hash)."""
    lower = path.lower()
    if lower.endswith(TEXT_SUFFIXES):
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    if not lower.endswith((".docx", ".pdf")):
        return None
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    cached = os.path.join(cache, digest + ".txt")
    if not os.path.exists(cached):
        if lower.endswith(".docx"):
            cmd = ["pandoc", "-f", "docx", "-t", "plain", path, "-o", cached]
        else:
            cmd = ["pdftotext", path, cached]
        result = subprocess.run(cmd, capture_output=True)
        if result.returncode != 0:
            sys.exit(f"error: could not convert {path}: {' '.join(cmd)} failed "
                     f"with status {result.returncode}")
    with open(cached, encoding="utf-8", errors="replace") as f:
        return f.read()


def walk(root, skip_dirs):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if os.path.join(dirpath, d) not in skip_dirs)
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("candidates", nargs="+")
    parser.add_argument("--reference", action="append", default=[])
    parser.add_argument("--dev")
    parser.add_argument("--exclude-family", action="append", default=[])
    parser.add_argument("--cache", default="/tmp/corpus_overlap_cache")
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)

    candidates = [os.path.realpath(c) for c in args.candidates]
    for c in candidates:
        if not os.path.isfile(c):
            sys.exit(f"error: no such candidate file: {c}")

    refs = []  # (label, group, ngram set)
    for root in args.reference:
        if os.path.isfile(root):
            text = converted(root, args.cache)
            if text is None:
                sys.exit(f"error: reference file is neither text, .docx nor .pdf: {root}")
            refs.append((root, "shared", ngrams(text)))
            continue
        if not os.path.isdir(root):
            sys.exit(f"error: no such reference file or directory: {root}")
        skip = {os.path.join(dp, d) for dp, ds, _ in os.walk(root)
                for d in ds if d == "gold"}
        for path in walk(root, skip):
            text = converted(path, args.cache)
            if text is not None:
                refs.append((os.path.relpath(path, root), "shared", ngrams(text)))
    if args.dev:
        dev = os.path.realpath(args.dev)
        skip = {os.path.join(dev, f) for f in args.exclude_family}
        skip.add(os.path.join(dev, "gold"))
        for path in walk(dev, skip):
            if os.path.realpath(path) in candidates or not path.endswith((".md", ".txt")):
                continue
            text = converted(path, args.cache)
            refs.append((os.path.relpath(path, dev), "dev", ngrams(text)))

    print("candidate\tngrams\tmax_shared\tnearest_shared\tmax_dev\tnearest_dev")
    for c in candidates:
        with open(c, encoding="utf-8") as f:
            grams = ngrams(f.read())
        best = {"shared": (0.0, "-"), "dev": (0.0, "-")}
        for label, group, ref in refs:
            if not grams:
                break
            share = len(grams & ref) / len(grams)
            if share > best[group][0]:
                best[group] = (share, label)
        print(f"{os.path.relpath(c)}\t{len(grams)}\t{best['shared'][0]:.3f}\t"
              f"{best['shared'][1]}\t{best['dev'][0]:.3f}\t{best['dev'][1]}")


if __name__ == "__main__":
    main()

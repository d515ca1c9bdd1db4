#!/usr/bin/env python3
"""End-to-end throughput of clausescan against ripgrep, measured in the same run.

Scans a folder (default: ../shared/corpus/cuad, 510 real contracts) with
`clausescan scan --format jsonl --jobs 1` and `--jobs 2`, and runs `rg -i -c -j1 -f PATTERNS`
over the same files with the rule set's own patterns (`clausescan rules patterns`). Runs
alternate so machine noise hits all of them; the best of N runs of each is reported as MB/s, with
peak memory (max RSS of the process), the ratio clausescan (1 thread) / ripgrep, and the
speed-up of 2 jobs over 1.

Usage: benchmarks/throughput.py [--binary build/clausescan] [--corpus DIR] [--runs 5]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def timed(cmd):
    """Wall time and peak RSS (MB) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({code}): {err.decode()[:500]}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(root, "build", "clausescan"))
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "cuad"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    files = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                   if f.endswith(".txt"))
    total = sum(os.path.getsize(f) for f in files)
    patterns = subprocess.run([args.binary, "rules", "patterns"], check=True,
                              capture_output=True, text=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".patterns", delete=False) as pf:
        pf.write(patterns)
        pattern_file = pf.name
    runs = {
        "clausescan --jobs 1": [args.binary, "scan", "--format", "jsonl", "--jobs", "1",
                                "--include", "*.txt", args.corpus],
        "clausescan --jobs 2": [args.binary, "scan", "--format", "jsonl", "--jobs", "2",
                                "--include", "*.txt", args.corpus],
        "rg -i -c -j1 -f PATTERNS": ["rg", "-i", "-c", "-j1", "--no-ignore", "-f", pattern_file]
                                    + files,
    }
    best = {name: (float("inf"), 0.0) for name in runs}
    try:
        for _ in range(args.runs):
            for name, cmd in runs.items():
                elapsed, rss = timed(cmd)
                if elapsed < best[name][0]:
                    best[name] = (elapsed, rss)
    finally:
        os.unlink(pattern_file)
    mb = total / 1e6
    print(f"corpus: {len(files)} files, {mb:.1f} MB; {len(patterns.splitlines())} patterns; "
          f"best of {args.runs}")
    for name, (elapsed, rss) in best.items():
        print(f"{name:26} {elapsed:7.3f} s  {mb / elapsed:7.1f} MB/s  peak {rss:6.1f} MB")
    one, two, rg = (best[n][0] for n in runs)
    print(f"ratio clausescan (1 job) / ripgrep: {rg / one:.2f}")
    print(f"speed-up 2 jobs / 1 job: {one / two:.2f}")


if __name__ == "__main__":
    main()

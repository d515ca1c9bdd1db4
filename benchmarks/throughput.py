#!/usr/bin/env python3
"""End-to-end throughput of clausescan against ripgrep, measured in the same run.

Scans a folder (default: ../shared/corpus/cuad, 510 real contracts) with
`clausescan scan --format jsonl --jobs 1` and `--jobs 2`, and searches the same files with
ripgrep (`rg -i -c -j1 -f PATTERNS`) for the rule set's own patterns (`clausescan rules
patterns`).

ripgrep cannot compile all of the rule pack's patterns into one regex: its memory grows past
the machine's 24 GiB and it is killed. So the reference runs ripgrep once per shard of at most
--shard patterns (default 100, about 0.6 GB each) over the whole folder, one shard after the
other, and counts the sum of their times (the work is the same: every pattern over every file)
and the largest peak memory of a shard.

clausescan's two runs alternate --runs times (best of each is kept), with the slower ripgrep
reference run once (--rg-runs) between them, so machine noise hits all of them. Printed: MB/s
and peak memory (max RSS) of each, the ratio clausescan (1 job) / ripgrep, and the speed-up of
2 jobs over 1. A full run takes about 5 minutes on the 2-core machine, most of it ripgrep.

Usage: benchmarks/throughput.py [--binary build/clausescan] [--corpus DIR] [--runs 5]
                                [--rg-runs 1] [--shard 100] [--no-rg]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def timed(cmd):
    """Wall time (s) and peak RSS (MB) of one run of cmd; exits when cmd fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({code}): {err.decode()[:500]}")
    return elapsed, usage.ru_maxrss / 1024


def timed_shards(commands):
    """Summed wall time and largest peak RSS of commands run one after the other."""
    total, peak = 0.0, 0.0
    for cmd in commands:
        elapsed, rss = timed(cmd)
        total += elapsed
        peak = max(peak, rss)
    return total, peak


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(root, "build", "clausescan"))
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "cuad"))
    parser.add_argument("--runs", type=int, default=5, help="runs of each clausescan command")
    parser.add_argument("--rg-runs", type=int, default=1, help="runs of the ripgrep reference")
    parser.add_argument("--shard", type=int, default=100, help="patterns per ripgrep run")
    parser.add_argument("--no-rg", action="store_true", help="skip the ripgrep reference")
    args = parser.parse_args()

    files = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                   if f.endswith(".txt"))
    if not files:
        sys.exit(f"no .txt files in {args.corpus}")
    total = sum(os.path.getsize(f) for f in files)
    patterns = subprocess.run([args.binary, "rules", "patterns"], check=True,
                              capture_output=True, text=True).stdout.splitlines()
    scan = [args.binary, "scan", "--format", "jsonl", "--include", "*.txt", args.corpus]
    clausescan_runs = {
        "clausescan --jobs 1": scan + ["--jobs", "1"],
        "clausescan --jobs 2": scan + ["--jobs", "2"],
    }
    best = {name: (float("inf"), 0.0) for name in clausescan_runs}
    startup = float("inf")  # one scan of an empty document: loading and compiling the rules
    rg_name = f"rg -i -c -j1 ({-(-len(patterns) // args.shard)} shards)"
    rg_best = (float("inf"), 0.0)
    with tempfile.TemporaryDirectory() as shard_dir:
        rg_runs = []
        for start in range(0, len(patterns), args.shard):
            path = os.path.join(shard_dir, f"{start:05d}.patterns")
            with open(path, "w") as out:
                out.write("\n".join(patterns[start:start + args.shard]) + "\n")
            rg_runs.append(["rg", "-i", "-c", "-j1", "--no-ignore", "-f", path] + files)
        empty = os.path.join(shard_dir, "empty.txt")
        open(empty, "w").close()
        for run in range(args.runs):
            startup = min(startup, timed([args.binary, "scan", empty])[0])
            for name, cmd in clausescan_runs.items():
                elapsed, rss = timed(cmd)
                if elapsed < best[name][0]:
                    best[name] = (elapsed, rss)
            if not args.no_rg and run < args.rg_runs:
                rg_best = min(rg_best, timed_shards(rg_runs))
    mb = total / 1e6
    print(f"corpus: {len(files)} files, {mb:.1f} MB; {len(patterns)} patterns; "
          f"clausescan best of {args.runs}, ripgrep best of {min(args.rg_runs, args.runs)}")
    rows = list(best.items()) + ([] if args.no_rg else [(rg_name, rg_best)])
    for name, (elapsed, rss) in rows:
        print(f"{name:30} {elapsed:8.3f} s  {mb / elapsed:7.2f} MB/s  peak {rss:7.1f} MB")
    one, two = (best[name][0] for name in clausescan_runs)
    if not args.no_rg:
        print(f"ratio clausescan (1 job) / ripgrep: {rg_best[0] / one:.2f}")
    print(f"speed-up 2 jobs / 1 job: {one / two:.2f}")
    print(f"start-up (an empty document, paid once per run): {startup:.3f} s; "
          f"speed-up bound with it: {one / (startup + (one - startup) / 2):.2f}")


if __name__ == "__main__":
    main()

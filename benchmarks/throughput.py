#!/usr/bin/env python3
"""End-to-end throughput of clausescan against ripgrep, measured in the same run (issue 12).

Scans a folder (default: ../shared/corpus/cuad, 510 real contracts) with
`clausescan scan --format jsonl` at --jobs 1 and --jobs 2, and with the rule pack loaded twice
(CLAUSESCAN_BENCH_DUPLICATE_RULES=1: every rule again under the id "<id>~dup", its patterns
written "(?:...)", patterns of their own that the matcher compiles and runs as a new rule's;
--jobs 1). Beside them, in the same invocation, the
keyword reference: `rg -i -c -j1 -f ../shared/bench/keyword-patterns.txt` over the same files
(165 clause regexes, what a person grepping for these clauses would run). With --pack-rg,
ripgrep also searches for the rule pack's own patterns (`clausescan rules patterns`), once per
shard of --shard patterns (it cannot compile the whole pack at once), shard times summed.

Every command runs --runs times, alternating, best of each kept, so machine noise hits all of
them alike. Wall time and CPU time (user + system of the child) are both printed: the machine
is shared, and CPU time is the steadier of the two; ratios are given for both. Also printed:
the start-up (a scan of an empty document, end to end), peak memory (max RSS) of each run, the
speed-up of 2 jobs over 1, and the duplicated-pack ratio (its MB/s over the single pack's).
The first duplicated run's findings are checked against the single pack's: the same findings,
each naming both ids ("same findings per rule modulo ids").

With --reference BINARY (for example a build of main), the reference's start-up is measured
beside the candidate's, alternating, --startup-runs times each (best and median CPU, and their
ratios), and its --jobs 1 scan joins the commands. --startup-only measures the start-ups only.

Usage: benchmarks/throughput.py [--binary build/clausescan] [--corpus DIR] [--runs 3]
                                [--no-rg] [--pack-rg [--shard 100]] [--no-dup]
                                [--reference BINARY] [--startup-runs 20] [--startup-only]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def timed(cmd, env=None, stdout=subprocess.DEVNULL):
    """(wall s, cpu s, peak RSS MB) of one run of cmd; exits when cmd fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({code}): {err.decode()[:500]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def timed_shards(commands):
    """Summed wall and CPU time and largest peak RSS of commands run one after the other."""
    total, cpu, peak = 0.0, 0.0, 0.0
    for cmd in commands:
        elapsed, used, rss = timed(cmd)
        total, cpu, peak = total + elapsed, cpu + used, max(peak, rss)
    return total, cpu, peak


def startup_report(args):
    """Prints the start-up (a scan of an empty document, end to end) of --binary and, with
    --reference, of the reference, alternating runs: best and median CPU ms, and ratios."""
    binaries = {"clausescan": args.binary}
    if args.reference:
        binaries["reference"] = args.reference
    cpu = {name: [] for name in binaries}
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        for _ in range(args.startup_runs):
            for name, binary in binaries.items():
                cpu[name].append(timed([binary, "scan", empty])[1] * 1000)
    stats = {name: (min(v), sorted(v)[len(v) // 2]) for name, v in cpu.items()}
    for name, (best, median) in stats.items():
        print(f"start-up {name:10} ({args.startup_runs} runs, an empty document, end to end): "
              f"cpu best {best:.1f} ms, median {median:.1f} ms")
    if args.reference:
        (b, m), (rb, rm) = stats["clausescan"], stats["reference"]
        print(f"start-up clausescan / reference cpu: best {b / rb:.2f}, median {m / rm:.2f}")


def findings_by_document(path, strip_dup):
    """[(start, end, sorted rule ids)] per document of a JSON Lines report."""
    out = []
    with open(path) as lines:
        for line in lines:
            doc = json.loads(line)
            if "findings" not in doc:
                continue
            rows = []
            for finding in doc["findings"]:
                rules = finding.get("rules") or [finding.get("rule")]
                if strip_dup:
                    rules = sorted({r[:-4] if r.endswith("~dup") else r for r in rules})
                    if sorted(finding.get("rules") or []) != sorted(
                            rules + [r + "~dup" for r in rules]):
                        rules = ["<not duplicated>"] + rules
                rows.append((finding["start"], finding["end"], sorted(rules),
                             json.dumps(finding.get("parameters"), sort_keys=True)))
            out.append(rows)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    shared = os.path.join(root, "..", "shared")
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(root, "build", "clausescan"))
    parser.add_argument("--corpus", default=os.path.join(shared, "corpus", "cuad"))
    parser.add_argument("--keywords", default=os.path.join(shared, "bench", "keyword-patterns.txt"))
    parser.add_argument("--runs", type=int, default=3, help="runs of each command")
    parser.add_argument("--no-rg", action="store_true", help="skip the ripgrep references")
    parser.add_argument("--pack-rg", action="store_true",
                        help="also run ripgrep over the rule pack's own patterns (slow)")
    parser.add_argument("--shard", type=int, default=100, help="patterns per --pack-rg run")
    parser.add_argument("--no-dup", action="store_true", help="skip the duplicated pack")
    parser.add_argument("--reference", help="a reference binary measured beside --binary")
    parser.add_argument("--startup-runs", type=int, default=20,
                        help="start-up runs of each binary")
    parser.add_argument("--startup-only", action="store_true", help="measure start-up only")
    args = parser.parse_args()
    if args.startup_only:
        startup_report(args)
        return

    files = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                   if f.endswith(".txt"))
    if not files:
        sys.exit(f"no .txt files in {args.corpus}")
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    scan = [args.binary, "scan", "--format", "jsonl", "--no-progress", "--include", "*.txt",
            args.corpus]
    dup_env = dict(os.environ, CLAUSESCAN_BENCH_DUPLICATE_RULES="1")
    commands = {  # name -> (command, environment)
        "clausescan --jobs 1": (scan + ["--jobs", "1"], None),
        "clausescan --jobs 2": (scan + ["--jobs", "2"], None),
    }
    if not args.no_dup:
        commands["clausescan --jobs 1, pack x2"] = (scan + ["--jobs", "1"], dup_env)
    if args.reference:
        commands["reference --jobs 1"] = ([args.reference] + scan[1:] + ["--jobs", "1"], None)
    rg_keywords = "rg -i -c -j1 -f keyword-patterns.txt"
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_rg:
            commands[rg_keywords] = (["rg", "-i", "-c", "-j1", "--no-ignore", "-f",
                                      args.keywords] + files, None)
        shards = []
        if args.pack_rg and not args.no_rg:
            patterns = subprocess.run([args.binary, "rules", "patterns"], check=True,
                                      capture_output=True, text=True).stdout.splitlines()
            for start in range(0, len(patterns), args.shard):
                path = os.path.join(tmp, f"{start:05d}.patterns")
                with open(path, "w") as out:
                    out.write("\n".join(patterns[start:start + args.shard]) + "\n")
                shards.append(["rg", "-i", "-c", "-j1", "--no-ignore", "-f", path] + files)
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()

        dup_checked = None
        if not args.no_dup:
            single, double = os.path.join(tmp, "single.jsonl"), os.path.join(tmp, "double.jsonl")
            with open(single, "w") as out:
                timed(commands["clausescan --jobs 1"][0], stdout=out)
            with open(double, "w") as out:
                timed(commands["clausescan --jobs 1, pack x2"][0], env=dup_env, stdout=out)
            dup_checked = (findings_by_document(single, False) ==
                           findings_by_document(double, True))

        best = {name: (float("inf"), float("inf"), 0.0) for name in commands}
        startup = (float("inf"), float("inf"))
        pack_rg = (float("inf"), float("inf"), 0.0)
        for _ in range(args.runs):
            wall, cpu, _ = timed([args.binary, "scan", empty])
            startup = (min(startup[0], wall), min(startup[1], cpu))
            for name, (cmd, env) in commands.items():
                wall, cpu, rss = timed(cmd, env=env)
                old = best[name]
                best[name] = (min(old[0], wall), min(old[1], cpu), max(old[2], rss))
        if shards:
            pack_rg = timed_shards(shards)

    print(f"corpus: {len(files)} files, {mb:.1f} MB; best of {args.runs} runs of each")
    print(f"{'run':36} {'wall s':>8} {'MB/s':>7} {'cpu s':>8} {'MB/cpu-s':>9} {'peak MB':>8}")
    rows = list(best.items())
    if shards:
        rows.append((f"rg -i -c -j1, rule pack in {len(shards)} shards", pack_rg))
    for name, (wall, cpu, rss) in rows:
        print(f"{name:36} {wall:8.3f} {mb / wall:7.2f} {cpu:8.3f} {mb / cpu:9.2f} {rss:8.1f}")
    one, two = best["clausescan --jobs 1"], best["clausescan --jobs 2"]
    if not args.no_rg:
        rg = best[rg_keywords]
        print(f"ratio clausescan (1 job) / {rg_keywords}: wall {rg[0] / one[0]:.2f}, "
              f"cpu {rg[1] / one[1]:.2f}")
    print(f"speed-up 2 jobs / 1 job: {one[0] / two[0]:.2f}")
    if not args.no_dup:
        dup = best["clausescan --jobs 1, pack x2"]
        print(f"duplicated pack / single pack throughput: wall {one[0] / dup[0]:.2f}, "
              f"cpu {one[1] / dup[1]:.2f}; same findings per rule modulo ids: "
              f"{'yes' if dup_checked else 'NO'}")
    print(f"start-up (an empty document, end to end): wall {startup[0] * 1000:.0f} ms, "
          f"cpu {startup[1] * 1000:.0f} ms")
    if args.reference:
        ref = best["reference --jobs 1"]
        print(f"reference (1 job) / clausescan (1 job) time: wall {ref[0] / one[0]:.2f}, "
              f"cpu {ref[1] / one[1]:.2f}")
        startup_report(args)
    print(f"peak RSS: {max(r[2] for n, r in best.items() if n.startswith('clausescan')):.1f} MB")


if __name__ == "__main__":
    main()

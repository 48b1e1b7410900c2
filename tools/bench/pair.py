#!/usr/bin/env python3
"""Paired timing for tools/bench/run.sh.

  pair.py [options] -- NAME cmd args... ::: NAME cmd args... [::: ...]

Runs the commands RUNS rounds; in each round every command runs once, back to back, the order
rotated from round to round (with two commands: alternating), so a slow moment of a shared machine
hits both sides of a ratio. Wall time comes from time.perf_counter around the child. Prints the median wall
time and the peak RSS of each command (from the warm-up run below), and for every command after the first the median of
the per-round ratios to the first one (first / other: how many times faster the other one is).

Before the timed rounds, each command runs once with its output read (a warm-up that also fills
the page cache), through --rss-wrapper when given (peak-rss.c: ru_maxrss from its wait4 of the
command; without it the figure includes this Python process's own peak): --count NAME=REGEX counts the output lines that match, and --expect NAME=MIN fails
the comparison (printed as BROKEN, exit 3) when fewer lines match, so a run that broke early is
never reported as fast. An exit status outside --ok (default 0,1) is broken too.

--ratio A/B adds the median per-round ratio of two other commands. --target 'LABEL|WHAT|OP|GOAL'
prints a figure against a goal: OP 'ratio' (WHAT is a printed ratio 'A/B', met when >= GOAL),
'slower<=' (B takes at most GOAL times A's time), 'time<=' (WHAT is a command: its median
seconds), 'rss<=' (a command's peak MB). Each verdict line also goes to --summary FILE,
each comparison's figures as Markdown rows to --table FILE.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(argv, capture=False, rss_wrapper=None):
    """Runs argv; returns (seconds, peak RSS in MB, exit status, output or None).

    The peak RSS is right only through rss_wrapper (peak-rss.c): a child forked by this Python
    process starts with this process's own peak, which Linux keeps across exec."""
    rss_file = None
    if rss_wrapper:
        fd, rss_file = tempfile.mkstemp(prefix="peak-rss-")
        os.close(fd)
        argv = [rss_wrapper, rss_file] + argv
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT if capture else subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    text = None
    if capture:
        text = proc.stdout.read().decode("utf-8", "replace")
        proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024.0
    if rss_file:
        with open(rss_file) as f:
            text_kb = f.read().strip()
        os.remove(rss_file)
        rss = int(text_kb) / 1024.0 if text_kb else float("nan")
    return elapsed, rss, proc.returncode, text


def split_commands(rest):
    cmds, cur = [], []
    for arg in rest + [":::"]:
        if arg == ":::":
            if len(cur) < 2:
                sys.exit("pair.py: each command needs a NAME and a program")
            cmds.append((cur[0], cur[1:]))
            cur = []
        else:
            cur.append(arg)
    return cmds


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.3f} s"


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--title", required=True)
    ap.add_argument("--label", help="the comparison's name in the --table rows (default: --title)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--per", type=float, default=None,
                    help="also print each median divided by this (e.g. copies) with --per-name")
    ap.add_argument("--per-name", default="unit")
    ap.add_argument("--per-from-name", action="store_true",
                    help="divide each median by the number a command's name starts with (16x: 16)")
    ap.add_argument("--count", action="append", default=[], help="NAME=REGEX")
    ap.add_argument("--expect", action="append", default=[], help="NAME=MIN")
    ap.add_argument("--ok", default="0,1")
    ap.add_argument("--ratio", action="append", default=[],
                    help="A/B: also print the median per-round ratio of two commands' times")
    ap.add_argument("--target", action="append", default=[])
    ap.add_argument("--summary")
    ap.add_argument("--table")
    ap.add_argument("--rss-wrapper", help="peak-rss (tools/bench/peak-rss.c) for the warm-up run")
    args, rest = ap.parse_known_args()
    if rest and rest[0] == "--":
        rest = rest[1:]
    cmds = split_commands(rest)
    names = [n for n, _ in cmds]
    ok = {int(x) for x in args.ok.split(",")}
    counts = dict(c.split("=", 1) for c in args.count)
    expects = {k: int(v) for k, v in (e.split("=", 1) for e in args.expect)}

    print(f"{args.title}  ({args.runs} paired rounds)", flush=True)
    broken = []
    peak = {n: 0.0 for n in names}
    notes = []
    for name, argv in cmds:
        _, rss, status, text = run_once(argv, capture=True, rss_wrapper=args.rss_wrapper)
        peak[name] = rss
        if status not in ok:
            last = text.strip().splitlines()[-1:] if text.strip() else ["(no output)"]
            broken.append(f"{name} exited {status}: {last[0][:160]}")
        if name in counts:
            n = sum(1 for line in text.splitlines() if re.search(counts[name], line))
            notes.append(f"{name} {n}")
            if name in expects and n < expects[name]:
                broken.append(f"{name} printed {n} findings, expected at least {expects[name]}")
    if notes:
        print("    findings (lines): " + ", ".join(notes))
    if broken:
        for b in broken:
            print(f"    BROKEN: {b}")
        if args.summary:
            with open(args.summary, "a") as f:
                f.write(f"{args.title}: BROKEN ({'; '.join(broken)})\n")
        sys.exit(3)

    times = {n: [] for n in names}
    for r in range(args.runs):
        k = r % len(cmds)
        order = cmds[k:] + cmds[:k]
        if len(cmds) == 2 and r % 2:
            order = [cmds[1], cmds[0]]
        for name, argv in order:
            t, _, _, _ = run_once(argv)
            times[name].append(t)

    med = {n: statistics.median(times[n]) for n in names}
    ratios = {}
    first = names[0]
    width = max(len(n) for n in names)
    def per_of(n):
        if args.per_from_name:
            m = re.match(r"(\d+)", n)
            return float(m.group(1)) if m else None
        return args.per

    for n in names:
        per = f"   {fmt_time(med[n] / per_of(n))} per {args.per_name}" if per_of(n) else ""
        print(f"    {n:<{width}}  median {fmt_time(med[n]):>10}  (min {fmt_time(min(times[n]))}, "
              f"max {fmt_time(max(times[n]))})  peak RSS {peak[n]:6.1f} MB{per}")
    pairs = [(first, n) for n in names[1:]]
    pairs += [p for p in (tuple(r.split("/", 1)) for r in args.ratio) if p not in pairs]
    for a, b in pairs:
        per_round = [x / y for x, y in zip(times[a], times[b])]
        ratios[f"{a}/{b}"] = statistics.median(per_round)
        print(f"    ratio {a} / {b}: median {ratios[f'{a}/{b}']:.2f}  "
              f"(rounds {min(per_round):.2f}..{max(per_round):.2f})")

    verdicts = []
    for spec in args.target:
        label, n, op, goal = spec.split("|")
        goal = float(goal)
        if op == "ratio":
            v = ratios[n]
            met, shown = v >= goal, f"{v:.2f}x (goal >= {goal:g}x)"
        elif op == "slower<=":
            a, b = n.split("/")
            v = 1 / ratios[n]
            met, shown = v <= goal, f"{b} takes {v:.2f}x the time of {a} (goal <= {goal:g}x)"
        elif op == "time<=":
            v = med[n]
            met, shown = v <= goal, f"{v * 1000:.1f} ms (goal <= {goal * 1000:g} ms)"
        elif op == "rss<=":
            v, met, shown = peak[n], peak[n] <= goal, f"{peak[n]:.1f} MB (goal <= {goal:g} MB)"
        else:
            sys.exit(f"pair.py: unknown target op {op}")
        line = f"{label}: {shown} {'met' if met else 'NOT met'}"
        verdicts.append(line)
        print(f"    target {line}")
    if args.summary:
        with open(args.summary, "a") as f:
            for line in verdicts:
                f.write(line + "\n")
    if args.table:
        with open(args.table, "a") as f:
            for n in names:
                ratio = f"{ratios[first + '/' + n]:.2f}" if n != first else ""
                per = f"{fmt_time(med[n] / per_of(n))}" if per_of(n) else ""
                f.write(f"| {args.label or args.title} | {n} | {fmt_time(med[n])} | {peak[n]:.1f} MB | {ratio} | {per} |\n")


if __name__ == "__main__":
    main()

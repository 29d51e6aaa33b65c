"""Measure ``utvikling overview`` of the national corpus as a ratio to ``check`` of the same corpus.

Both run as fresh subprocesses, interleaved round by round (the order alternates), on the corpus
``corpus.py`` writes; the ratio of their medians is printed, and so is the ratio of their peak
memory (the largest resident set of the process or a worker it waited for). The overview is
``check`` plus one small row per repository, so the target is a ratio close to 1 (at most
1.25) for time and about 1 for memory. ``check`` runs with ``--no-cache``: the overview is
never answered from the cache, so a cached check would not be the same work.

Usage: python bench/overview.py [--municipalities N] [--years Y] [--rounds R] [--quick]
Exit code: 0 the targets are met; 1 a target is missed; 2 a run failed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import corpus

TODAY = "2026-11-23"
BENCH = Path(__file__).resolve().parent
TIME_TARGET = 1.25
MEMORY_TARGET = 1.2


def run(argv: list[str]) -> tuple[float, float]:
    """Run ``argv`` once; return (seconds, peak memory in MiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        error = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise SystemExit(f"{' '.join(argv)} exited with {code}:\n{error[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Measure and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--municipalities", type=int, default=corpus.DEFAULT_MUNICIPALITIES)
    parser.add_argument("--years", type=int, default=corpus.DEFAULT_YEARS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20 municipalities, 2 rounds")
    args = parser.parse_args(argv)
    if args.quick:
        args.municipalities, args.rounds = 20, 2
    utvikling = Path(sys.executable).with_name("utvikling")
    if not utvikling.exists():
        print(f"no utvikling beside {sys.executable}; install the package first", file=sys.stderr)
        return 2
    folder = BENCH / "corpus" / f"n{args.municipalities}-y{args.years}"
    info, made = corpus.ensure(folder, args.municipalities, args.years)
    print(f"corpus: {folder} ({info.files} files{', written now' if made else ''})")
    variants = {
        "check": [str(utvikling), "check", str(folder), "--today", TODAY, "--no-cache"],
        "overview": [str(utvikling), "overview", str(folder), "--today", TODAY, "--json"],
    }
    for command in variants.values():  # warm the page cache and the bytecode
        run(command)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for number in range(args.rounds):
        order = list(variants) if number % 2 == 0 else list(reversed(variants))
        for name in order:
            samples[name].append(run(variants[name]))
    seconds = {name: statistics.median(s for s, _ in runs) for name, runs in samples.items()}
    memory = {name: statistics.median(m for _, m in runs) for name, runs in samples.items()}
    time_ratio = seconds["overview"] / seconds["check"]
    memory_ratio = memory["overview"] / memory["check"]
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f}; {args.rounds} rounds")
    print(f"{'':10} {'median s':>9} {'peak MiB':>9}")
    for name in variants:
        print(f"{name:10} {seconds[name]:9.2f} {memory[name]:9.1f}")
    met_time = time_ratio <= TIME_TARGET
    met_memory = memory_ratio <= MEMORY_TARGET
    print(f"overview / check, time:   {time_ratio:.2f}  (target ≤ {TIME_TARGET}) "
          f"{'PASS' if met_time else 'FAIL'}")  # fmt: skip
    print(f"overview / check, memory: {memory_ratio:.2f}  (target ≤ {MEMORY_TARGET}) "
          f"{'PASS' if met_memory else 'FAIL'}")  # fmt: skip
    return 0 if met_time and met_memory else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark ``utvikling`` against fair floors measured side by side, and print ratios.

The machine this runs on is small and noisy, so absolute seconds mean little. Every figure is
a ratio of a variant to its floor measured in the same run: the variants are interleaved (each
round runs each variant once, in an order that rotates from round to round), every variant is
a fresh subprocess that pays Python start-up alike, and each ratio is printed with its spread
over the rounds (the ratio of the two medians within each round).

a. ``utvikling check --jobs 1`` vs one process that only parses every record file, with the
   project's own loader and with libyaml's ``CSafeLoader``; ``utvikling check`` (default
   jobs: as many processes as it picks, found by a probe) vs the same parsing split over the
   same number of processes; ``check`` on N/4 vs N municipalities.
e. the cache: ``check`` run twice in a row on the unchanged corpus (the second answered from
   the cache the first wrote), against the first run, and in seconds.
b. ``utvikling --version`` vs a bare console script whose entry point only prints a version.
c. ``utvikling [COMMAND] --help`` vs a bare Typer app with the same commands and parameters,
   for the root and every command.
d. peak memory of ``check`` (``--jobs 1`` and default) on N municipalities vs on N/4.

Usage: python bench/run.py [--municipalities N] [--rounds R] [--quick] [--utvikling PATH]
Exit code: 0 all targets met; 1 a target missed; 2 a measurement failed (or bad usage).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpus
import floors

TODAY = "2026-11-23"
CACHE_VARIABLES = ("XDG_CACHE_HOME", "UTVIKLING_CACHE_DIR")
"""Pointed at a fresh, empty folder for every run (the warm run reuses the cold run's)."""


# --- running one subprocess ------------------------------------------------------------------


@dataclass
class Sample:
    """One run of one command."""

    seconds: float
    max_rss_kib: int
    cpu_seconds: float
    """User and system CPU time of the child and the children it waited for (its workers)."""
    """Peak resident set size of the child (the largest of it and the children it waited for)."""
    returncode: int
    stdout: bytes
    stderr: str
    round: int = -1


def run_once(argv: Sequence[str], timeout: float, env: Mapping[str, str] | None = None) -> Sample:
    """Run ``argv`` once; time it and read its peak memory from ``os.wait4``.

    Output goes to temporary files, so a command that prints a lot never blocks on a pipe.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        done = threading.Event()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)

        def kill() -> None:
            if not done.is_set():
                proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            done.set()
            timer.cancel()
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            elapsed,
            usage.ru_maxrss,
            usage.ru_utime + usage.ru_stime,
            proc.returncode,
            out.read(),
            err.read().decode("utf-8", "replace"),
        )


@dataclass
class Variant:
    """A command measured several times, and what counts as a failed run."""

    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    must_print: str | None = None
    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None

    def run(
        self,
        timeout: float,
        *,
        round_: int = -1,
        env: Mapping[str, str] | None = None,
        record: bool = True,
    ) -> Sample:
        sample = run_once(self.argv, timeout, env)
        sample.round = round_
        problem = self.problem(sample)
        if problem is not None and self.failure is None:
            self.failure = problem
        if record and problem is None:
            self.samples.append(sample)
        return sample

    def problem(self, sample: Sample) -> str | None:
        """Say why ``sample`` is a failed run, or None."""
        tail = "\n".join(sample.stderr.strip().splitlines()[-8:])
        if sample.returncode < 0:
            return f"killed by signal {-sample.returncode} (timeout?)\n{tail}"
        if sample.returncode not in self.ok_codes:
            return f"exit code {sample.returncode}\n{tail}"
        if "Traceback (most recent call last)" in sample.stderr:
            return f"traceback on stderr (exit code {sample.returncode})\n{tail}"
        if self.must_print is not None and self.must_print not in sample.stdout.decode(
            "utf-8", "replace"
        ):
            return f"output does not contain {self.must_print!r}"
        return None

    def values(self, memory: bool) -> list[float]:
        if memory:
            return [s.max_rss_kib / 1024 for s in self.samples]
        return [s.seconds for s in self.samples]

    def cpu_median(self) -> float | None:
        values = [s.cpu_seconds for s in self.samples]
        return statistics.median(values) if values else None

    def median(self, memory: bool = False) -> float | None:
        values = self.values(memory)
        return statistics.median(values) if values else None

    def per_round(self, memory: bool = False) -> dict[int, float]:
        """The median of each round's samples, by round."""
        rounds: dict[int, list[float]] = {}
        for sample, value in zip(self.samples, self.values(memory), strict=True):
            rounds.setdefault(sample.round, []).append(value)
        return {r: statistics.median(v) for r, v in rounds.items()}


Step = Sequence[Variant]
"""Variants run back to back, sharing one cache folder (a cold run and then a warm one)."""


class CacheFolders:
    """Hands out a fresh, empty cache folder per step, through the environment.

    ``check`` keeps its cache in ``UTVIKLING_CACHE_DIR`` (else the user's cache folder, under
    ``XDG_CACHE_HOME`` on Linux): every run of a step gets ``CACHE_VARIABLES`` set to a new
    folder, so every ``check`` starts cold except the second run of a cold/warm step. A cache
    kept somewhere else (in the records repositories) would make every run but the first warm;
    ``corpus_state`` before and after the run shows when ``check`` writes there.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def env(self) -> dict[str, str]:
        for old in self.root.iterdir():
            shutil.rmtree(old, ignore_errors=True)
        self.count += 1
        folder = self.root / f"cache-{self.count}"
        folder.mkdir()
        return {**os.environ, **dict.fromkeys(CACHE_VARIABLES, str(folder))}


def interleave(
    steps: Sequence[Step],
    rounds: int,
    repeat: int,
    timeout: float,
    *,
    env: Callable[[], Mapping[str, str]] | None = None,
    loads: list[float] | None = None,
) -> None:
    """Run each step ``repeat`` times per round, rotating the order of the steps every time."""
    turn = 0
    for number in range(rounds):
        if loads is not None:
            loads.append(os.getloadavg()[0])
        for _ in range(repeat):
            shift = turn % len(steps)
            for step in [*steps[shift:], *steps[:shift]]:
                step_env = env() if env is not None else None
                for variant in step:
                    if variant.failure is None:
                        variant.run(timeout, round_=number, env=step_env)
            turn += 1


def corpus_state(root: Path) -> tuple[int, int, int]:
    """Number of files, their total size and the newest modification time below ``root``."""
    count = size = newest = 0
    for folder, _, files in os.walk(root):
        for name in files:
            info = Path(folder, name).stat()
            count += 1
            size += info.st_size
            newest = max(newest, info.st_mtime_ns)
    return count, size, newest


# --- the report --------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the result table."""

    part: str
    label: str
    value: str
    spread: str = ""
    baseline: str = ""
    ratio: float | None = None
    ratio_spread: str = ""
    target: str = ""
    limit: float | None = None
    error: str | None = None
    seconds: float | None = None
    """With ``absolute``: the median the limit applies to (seconds), instead of the ratio."""
    cpu_ratio: float | None = None
    """The same ratio of CPU time (user and system, workers included): less moved by the load
    of other jobs on a shared machine than the wall-clock ratio, but blind to parallelism."""
    absolute: bool = False

    @property
    def verdict(self) -> str:
        if self.error is not None:
            return "ERROR"
        measured = self.seconds if self.absolute else self.ratio
        if self.limit is None or measured is None:
            return ""
        return "PASS" if measured <= self.limit else "FAIL"


def _secs(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.2f} s"


def _show(value: float | None, memory: bool) -> str:
    if value is None:
        return ""
    return f"{value:.1f} MiB" if memory else _secs(value)


def base_row(part: str, variant: Variant, *, memory: bool = False, label: str = "") -> Row:
    """A row with a variant's median time (or median peak memory) and no ratio."""
    values = variant.values(memory)
    spread = ""
    if values:
        low = _show(min(values), memory).split()[0]
        spread = f"n={len(values)}, {low}–{_show(max(values), memory)}"
    return Row(
        part,
        label or variant.label,
        _show(variant.median(memory), memory),
        spread,
        error=variant.failure,
    )


def seconds_row(part: str, variant: Variant, limit: float, target: str, label: str) -> Row:
    """A row whose target is the variant's median time itself (the warm check's second)."""
    row = base_row(part, variant, label=label)
    row.target, row.limit, row.absolute = target, limit, True
    row.seconds = variant.median()
    return row


def ratio_row(
    part: str,
    variant: Variant,
    baseline: Variant,
    limit: float | None = None,
    target: str = "info",
    *,
    memory: bool = False,
    label: str = "",
) -> Row:
    """A row with the ratio of ``variant``'s median to ``baseline``'s, and its per-round spread."""
    row = base_row(part, variant, memory=memory, label=label)
    row.target, row.limit = target, limit
    row.baseline = _show(baseline.median(memory), memory)
    mine, theirs = variant.median(memory), baseline.median(memory)
    if mine is not None and theirs:
        row.ratio = mine / theirs
    mine_cpu, theirs_cpu = variant.cpu_median(), baseline.cpu_median()
    if not memory and mine_cpu is not None and theirs_cpu:
        row.cpu_ratio = mine_cpu / theirs_cpu
    mine_by_round, theirs_by_round = variant.per_round(memory), baseline.per_round(memory)
    paired = [
        mine_by_round[r] / theirs_by_round[r]
        for r in sorted(mine_by_round)
        if theirs_by_round.get(r)
    ]
    if paired:
        row.ratio_spread = f"{min(paired):.2f}–{max(paired):.2f} ({len(paired)} rounds)"
    if row.error is None and baseline.failure is not None:
        row.error = f"baseline failed: {baseline.failure}"
    return row


HEADERS = (
    "",
    "measurement",
    "median",
    "runs: min–max",
    "floor",
    "ratio",
    "per round",
    "CPU ratio",
    "target",
    "result",
)


def print_table(rows: Sequence[Row]) -> None:
    cells = [
        (
            r.part,
            r.label,
            r.value or "–",
            r.spread,
            r.baseline,
            "" if r.ratio is None else f"{r.ratio:.2f}×",
            r.ratio_spread,
            "" if r.cpu_ratio is None else f"{r.cpu_ratio:.2f}×",
            r.target,
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in [HEADERS, *cells]) for i in range(len(HEADERS))]
    right = {2, 4, 5, 7}
    for line in [HEADERS, *cells]:
        print(
            "  ".join(
                c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(line)
            ).rstrip()
        )
    errors: dict[str, list[str]] = {}
    for r in rows:
        if r.error:
            errors.setdefault(r.error, []).append(f"{r.part} {r.label}")
    for error, where in errors.items():
        print(f"\nERROR in {'; '.join(where)}:\n  " + error.replace("\n", "\n  "))


def _processes(count: int) -> str:
    return f"{count} process" if count == 1 else f"{count} processes"


def _loads() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# --- setup ---------------------------------------------------------------------------------------


def find_utvikling(given: Path | None) -> Path:
    """The ``utvikling`` entry point: given, or next to this interpreter."""
    if given is not None:
        return given
    beside = Path(sys.executable).parent / "utvikling"
    if beside.is_file():
        return beside
    raise SystemExit(
        f"no utvikling command next to {sys.executable}; install the package into this "
        "interpreter's environment (pip install -e .) or pass --utvikling PATH"
    )


def interpreter_of(script: Path) -> str:
    """The Python that runs a console script (its shebang), so baselines use the same one."""
    try:
        with script.open("rb") as handle:
            first = handle.readline().decode("utf-8", "replace").strip()
    except OSError:
        return sys.executable
    if first.startswith("#!"):
        candidate = first[2:].strip().split()[0] if first[2:].strip() else ""
        if Path(candidate).name.startswith("python") and Path(candidate).is_file():
            return candidate
    return sys.executable


def run_json(argv: Sequence[str], what: str) -> dict[str, Any]:
    """Run a helper script that prints one JSON object; say on stderr when it did not."""
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    try:
        data = json.loads(done.stdout)
        if isinstance(data, dict):
            return data
    except ValueError:
        pass
    tail = "\n  ".join(done.stderr.strip().splitlines()[-5:])
    print(f"  could not {what} (exit code {done.returncode}):\n  {tail}", flush=True)
    return {}


def json_summary(sample: Sample) -> str:
    """Summarise ``check --json`` output: files checked, errors, warnings."""
    try:
        summary = json.loads(sample.stdout)["summary"]
        return (
            f"{summary['files']} files checked, {summary['errors']} errors, "
            f"{summary['warnings']} warnings"
        )
    except (ValueError, KeyError, TypeError):
        return f"no JSON summary (exit code {sample.returncode})"


def processes_used(
    temp: Path,
    python: str,
    argv: Sequence[str],
    timeout: float,
    what: str,
    env: Mapping[str, str] | None = None,
) -> int:
    """How many processes ``argv`` (a console script and its arguments) checks with.

    The script runs once in a probe that records the process pools it creates: the largest
    pool's size, or 1 when it creates none. Also a warm-up run; prints its ``--json`` summary.
    """
    script = temp / "count_processes.py"
    script.write_text(floors.COUNT_PROCESSES, encoding="utf-8")
    out = temp / "processes.json"
    sample = run_once([python, str(script), str(out), *argv], timeout, env)
    print(f"  check --json on {what}: {json_summary(sample)}")
    try:
        record = json.loads(out.read_text(encoding="utf-8"))
        pools = [int(n) for n in record["pools"]]
        started = int(record["started"])
    except (OSError, ValueError, KeyError, TypeError):
        print(f"  could not see the processes check uses on {what}; assuming 1")
        return 1
    processes = max(pools, default=1)
    print(
        f"  check (default jobs) on {what} checks in {_processes(processes)} "
        f"({started} worker processes started)"
    )
    return processes


COMPILE = """\
import compileall, importlib.util, sys
spec = importlib.util.find_spec("utvikling")
places = list(spec.submodule_search_locations or []) if spec else []
ok = all(compileall.compile_dir(place, quiet=1) for place in places)
print(places[0] if places and ok else "")
"""
"""Compile the installed package to bytecode, as ``pip install`` does for a regular install.

An editable install (``pip install -e``) leaves that to the first import, and where
``PYTHONDONTWRITEBYTECODE`` is set (as on these machines) every run compiled every module
again, which ``utvikling`` paid and the floors, importing compiled libraries, did not."""


def compile_package(python: str) -> None:
    """Write the bytecode of the installed ``utvikling`` package (see :data:`COMPILE`)."""
    done = subprocess.run([python, "-c", COMPILE], capture_output=True, text=True, check=False)
    where = done.stdout.strip()
    if done.returncode == 0 and where:
        print(f"bytecode: compiled {where}")
    else:
        print(f"bytecode: NOT compiled ({(done.stderr.strip().splitlines() or ['?'])[-1]})")


def find_loader(temp: Path, python: str, wanted: str) -> str | None:
    """The project's loader as MODULE:FUNCTION, found lazily in the installed package."""
    script = temp / "find_loader.py"
    script.write_text(floors.FIND_LOADER, encoding="utf-8")
    data = run_json([python, str(script), wanted, floors.DEFAULT_LOADER], "look for the loader")
    found = data.get("loader")
    tried = [str(t) for t in data.get("tried", [])]
    if isinstance(found, str) and found:
        note = f" (not found: {'; '.join(tried)})" if tried else ""
        print(f"project loader: {found}{note}")
        return found
    print(
        f"project loader NOT FOUND, its rows are skipped: {'; '.join(tried) or 'no answer'}\n"
        f"  (pass --loader MODULE:FUNCTION, a function that parses one record file's bytes)"
    )
    return None


def command_tree(temp: Path, python: str) -> dict[str, Any]:
    """The real app's command tree, read in a subprocess before measuring."""
    script = temp / "list_commands.py"
    script.write_text(floors.LIST_COMMANDS, encoding="utf-8")
    data = run_json([python, str(script)], "list the real app's commands")
    tree = data.get("tree")
    if not isinstance(tree, dict):
        print("  using a fallback command list; the help ratios are rough")
        return floors.FALLBACK_TREE
    for note in data.get("approximated", []):
        print(f"  bare app approximates {note}")
    return tree


def help_label(path: Sequence[str]) -> str:
    return " ".join(["utvikling", *path, "--help"])


def first_difference(one: bytes, other: bytes) -> str:
    mine, theirs = one.decode(errors="replace"), other.decode(errors="replace")
    for number, (a, b) in enumerate(zip(mine.splitlines(), theirs.splitlines(), strict=False)):
        if a != b:
            return f"line {number + 1}: {a.strip()!r} vs {b.strip()!r}"
    return f"{len(mine.splitlines())} vs {len(theirs.splitlines())} lines"


@dataclass
class Heavy:
    """The variants of parts a, d and e."""

    parse: dict[tuple[str, int], Variant]
    """By (loader, processes); loader is ``floors.CSAFE`` or the project's loader."""
    serial: Variant
    default: Variant
    warm: Variant
    again: tuple[Variant, Variant]
    """A control for ``warm``: the cheapest floor run twice back to back (it has no cache)."""
    serial_quarter: Variant
    default_quarter: Variant
    validate: Variant | None = None
    """Parsing and validating with the project's repository loader, no rules (1 process)."""

    def steps(self) -> list[Step]:
        return [
            *([v] for v in self.parse.values()),
            *([[self.validate]] if self.validate is not None else []),
            [self.serial],
            [self.default, self.warm],
            list(self.again),
            [self.serial_quarter],
            [self.default_quarter],
        ]

    def variants(self) -> Iterator[Variant]:
        for step in self.steps():
            yield from step


def heavy_rows(heavy: Heavy, loader: str | None, processes: int, quarter: int) -> list[Row]:
    rows: list[Row] = []
    csafe_1 = heavy.parse[floors.CSAFE, 1]
    own_1 = heavy.parse.get((loader or "", 1))
    rows.append(base_row("a", csafe_1))
    if own_1 is not None:
        rows.append(ratio_row("a", own_1, csafe_1, label=f"{own_1.label} / CSafeLoader"))
        rows.append(
            ratio_row(
                "a",
                heavy.serial,
                own_1,
                1.3,
                "≤ 1.30×",
                label="check --jobs 1 / project loader",
            )
        )
    rows.append(ratio_row("a", heavy.serial, csafe_1, label="check --jobs 1 / CSafeLoader"))
    if heavy.validate is not None:
        if own_1 is not None:
            rows.append(
                ratio_row(
                    "a",
                    heavy.validate,
                    own_1,
                    target="info: no rules",
                    label="parse + validate, 1 process / project loader",
                )
            )
        rows.append(
            ratio_row(
                "a",
                heavy.serial,
                heavy.validate,
                target="info: rules, output",
                label="check --jobs 1 / parse + validate",
            )
        )
    csafe_p = heavy.parse.get((floors.CSAFE, processes), csafe_1)
    own_p = heavy.parse.get((loader or "", processes))
    name = f"check (default: {_processes(processes)})"
    if processes > 1:
        rows.append(base_row("a", csafe_p))
        if own_p is not None:
            rows.append(ratio_row("a", own_p, csafe_p, label=f"{own_p.label} / CSafeLoader"))
    if own_p is not None:
        rows.append(
            ratio_row("a", heavy.default, own_p, 1.3, "≤ 1.30×", label=f"{name} / project loader")
        )
    rows.append(ratio_row("a", heavy.default, csafe_p, label=f"{name} / CSafe"))
    rows.append(ratio_row("a", heavy.serial, heavy.default, label=f"check --jobs 1 / {name}"))
    rows.append(
        ratio_row(
            "a",
            heavy.serial_quarter,
            heavy.serial,
            target="info: 0.25 = linear",
            label=f"check --jobs 1, N/4 = {quarter} / N",
        )
    )
    rows.append(
        ratio_row(
            "a",
            heavy.default_quarter,
            heavy.default,
            target="info: 0.25 = linear",
            label=f"check (default), N/4 = {quarter} / N",
        )
    )
    rows.append(
        ratio_row(
            "e",
            heavy.warm,
            heavy.default,
            0.15,
            "< 0.15×",
            label="check, 2nd run / 1st run (warm / cold)",
        )
    )
    rows.append(seconds_row("e", heavy.warm, 1.0, "< 1 s", "check, 2nd run (warm), seconds"))
    first, second = heavy.again
    rows.append(
        ratio_row(
            "e",
            second,
            first,
            target="info: back-to-back effect",
            label=f"{first.label.removeprefix('control: ')}, 2nd run / 1st (control)",
        )
    )
    for variant, quarter_variant, what in (
        (heavy.serial, heavy.serial_quarter, "check --jobs 1"),
        (heavy.default, heavy.default_quarter, "check (default)"),
    ):
        rows.append(
            base_row("d", quarter_variant, memory=True, label=f"peak RSS, {what}, N/4 = {quarter}")
        )
        rows.append(
            ratio_row(
                "d",
                variant,
                quarter_variant,
                1.2,
                "≈ 1 (≤ 1.20×)",
                memory=True,
                label=f"peak RSS, {what}, N / N/4",
            )
        )
    for variant in heavy.parse.values():
        rows.append(base_row("d", variant, memory=True, label=f"peak RSS, {variant.label}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--municipalities", type=int, metavar="N")
    parser.add_argument("--years", type=int, default=corpus.DEFAULT_YEARS, metavar="Y")
    parser.add_argument("--rounds", type=int, metavar="R")
    parser.add_argument(
        "--startup-repeat",
        type=int,
        metavar="K",
        help="runs per round of --version and the root --help (b, c); default 10, --quick 3",
    )
    parser.add_argument(
        "--help-repeat",
        type=int,
        metavar="K",
        help="runs per round of every command's --help (c); default 2, --quick 1; 0 skips them",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 20 municipalities, 2 rounds"
    )
    parser.add_argument("--utvikling", type=Path, metavar="PATH")
    parser.add_argument("--loader", default=floors.DEFAULT_LOADER, metavar="MODULE:FUNCTION")
    parser.add_argument(
        "--validator",
        default=floors.DEFAULT_VALIDATOR,
        metavar="MODULE:FUNCTION",
        help="the project's repository loader (parse and validate, no rules); '' skips it",
    )
    parser.add_argument("--corpora", type=Path, default=corpus.DEFAULT_CORPORA, metavar="DIR")
    parser.add_argument("--today", default=TODAY, metavar="YYYY-MM-DD")
    parser.add_argument("--timeout", type=float, default=900.0, metavar="SECONDS")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)
    municipalities = args.municipalities or (20 if args.quick else corpus.DEFAULT_MUNICIPALITIES)
    rounds = args.rounds or (2 if args.quick else 5)
    repeat = args.startup_repeat or (3 if args.quick else 10)
    help_repeat = args.help_repeat if args.help_repeat is not None else (1 if args.quick else 2)
    if municipalities < 4 or rounds < 1 or repeat < 1 or help_repeat < 0:
        parser.error("need at least 4 municipalities, 1 round and 1 start-up repeat")

    began = time.perf_counter()
    load_before = _loads()
    utvikling = find_utvikling(args.utvikling)
    python = interpreter_of(utvikling)
    quarter = max(1, municipalities // 4)
    big, made_big = corpus.ensure(
        corpus.corpus_folder(args.corpora, municipalities, args.years), municipalities, args.years
    )
    small, made_small = corpus.ensure(
        corpus.corpus_folder(args.corpora, quarter, args.years), quarter, args.years
    )

    child_version = subprocess.run(
        [python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    print("utvikling benchmark: ratios to fair floors, variants interleaved in one run")
    print(
        f"machine: {platform.machine()}, nproc {os.cpu_count()} "
        f"(usable {len(os.sched_getaffinity(0))}), {platform.platform(terse=True)}"
    )
    print(f"load average before: {load_before}")
    print(f"python: {python} ({child_version}); runner {platform.python_version()}")
    print(f"utvikling: {utvikling}")
    for info, made in ((big, made_big), (small, made_small)):
        how = f"generated in {info.seconds:.1f} s" if made else "reused"
        print(
            f"corpus: {info.path} ({info.municipalities} municipalities x {info.years} years, "
            f"{info.files} files, {info.bytes / 2**20:.1f} MiB; {how})"
        )

    with tempfile.TemporaryDirectory(prefix="utvikling-bench-") as temp_name:
        temp = Path(temp_name)
        caches = temp / "caches"
        caches.mkdir()
        loader = find_loader(temp, python, args.loader)
        tree = command_tree(temp, python)
        paths = floors.command_paths(tree)
        print(f"help pages (copied into the bare Typer app): {len(paths)}")
        print(
            f"rounds: {rounds}; start-up: {repeat} runs per round of --version and the root "
            f"--help, {help_repeat} of every command's --help; --today {args.today}"
        )
        print()

        parse_script = temp / "parse_only.py"
        parse_script.write_text(floors.PARSE_SCRIPT, encoding="utf-8")
        version_floor, help_floor, launcher_how = floors.write_floor_scripts(
            temp / "floors", utvikling, python, tree
        )
        check = [str(utvikling), "check"]
        today = ["--today", args.today]

        compile_package(python)
        print("warming up (page cache, bytecode) and probing ...", flush=True)
        folders = CacheFolders(caches)  # the probes leave no cache behind either
        processes = processes_used(
            temp,
            python,
            [*check, str(big.path), "--json", *today],
            args.timeout,
            "N",
            folders.env(),
        )
        quarter_processes = processes_used(
            temp,
            python,
            [*check, str(small.path), "--json", *today],
            args.timeout,
            "N/4",
            folders.env(),
        )

        def parse_variant(
            which: str, count: int, info: corpus.CorpusInfo = big, label: str = ""
        ) -> Variant:
            name = "CSafeLoader" if which == floors.CSAFE else "project loader"
            return Variant(
                f"{label}parse, {_processes(count)}, {name}",
                [python, str(parse_script), which, str(count), str(info.path)],
                must_print=str(info.files),
            )

        loaders = [floors.CSAFE, *([loader] if loader else [])]
        counts = sorted({1, processes})
        heavy = Heavy(
            parse={(w, n): parse_variant(w, n) for n in counts for w in loaders},
            serial=Variant(
                "check --jobs 1", [*check, str(big.path), "--jobs", "1", *today], (0, 1)
            ),
            default=Variant("check (default jobs)", [*check, str(big.path), *today], (0, 1)),
            warm=Variant("check, 2nd run", [*check, str(big.path), *today], (0, 1)),
            again=(
                parse_variant(loaders[-1], processes, label="control: "),
                parse_variant(loaders[-1], processes, label="control, 2nd run: "),
            ),
            serial_quarter=Variant(
                "check --jobs 1 on N/4", [*check, str(small.path), "--jobs", "1", *today], (0, 1)
            ),
            default_quarter=Variant(
                f"check on N/4 ({_processes(quarter_processes)})",
                [*check, str(small.path), *today],
                (0, 1),
            ),
        )
        if args.validator:
            heavy.validate = Variant(
                "parse + validate, 1 process, repository loader",
                [python, str(parse_script), f"repository={args.validator}", "1", str(big.path)],
                must_print=str(big.files),
            )
            probe = Variant("probe", [*heavy.validate.argv[:-1], str(small.path)])
            probe.must_print = str(small.files)
            problem = probe.problem(probe.run(args.timeout, record=False))
            if problem is not None:
                print(f"repository loader {args.validator} NOT USABLE, its rows are skipped:")
                print(f"  {problem}")
                heavy.validate = None
        for info in (big, small):
            warm_up = parse_variant(floors.CSAFE, processes, info)
            parsed = warm_up.run(args.timeout, record=False)
            print(f"  parse only read {parsed.stdout.decode().strip() or '?'} files of {info.path}")
        state = corpus_state(big.path)
        steps = heavy.steps()
        print(f"measuring a, d, e: {rounds} rounds x {len(steps)} steps ...", flush=True)
        start = time.perf_counter()
        heavy_loads: list[float] = []
        interleave(steps, rounds, 1, args.timeout, env=folders.env, loads=heavy_loads)
        print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)
        load_heavy = _loads()
        changed = corpus_state(big.path) != state

        # b: start-up to the version; c: to every help page.
        bare_python = Variant("python -c pass", [python, "-c", "pass"])
        floor = Variant(
            "bare console script --version",
            [str(version_floor), "--version"],
            must_print="utvikling-floor",
        )
        version = Variant(
            "utvikling --version", [str(utvikling), "--version"], must_print="utvikling"
        )
        helps = [
            (
                Variant(
                    f"bare Typer app {' '.join([*p, '--help'])}",
                    [str(help_floor), *p, "--help"],
                ),
                Variant(help_label(p), [str(utvikling), *p, "--help"]),
            )
            for p in paths
            if help_repeat or not p
        ]
        differ: list[str] = []
        for bare, real in helps:
            bare_out = bare.run(args.timeout, record=False).stdout
            real_out = real.run(args.timeout, record=False).stdout
            if bare_out != real_out:
                differ.append(f"{real.label} ({first_difference(real_out, bare_out)})")
        for variant in (bare_python, floor, version):
            variant.run(args.timeout, record=False)
        same = len(helps) - len(differ)
        print(f"  help pages identical to the bare app's: {same} of {len(helps)}")
        for line in differ:
            print(f"    differs: {line}")
        light = 3 + 2 * len(helps)
        print(f"measuring b, c: {rounds} rounds x {light} variants ...", flush=True)
        start = time.perf_counter()
        light_loads: list[float] = []
        interleave([[bare_python], [floor], [version]], rounds, repeat, args.timeout)
        interleave([[v] for v in helps[0]], rounds, repeat, args.timeout, loads=light_loads)
        if len(helps) > 1:
            interleave([[v] for pair in helps[1:] for v in pair], rounds, help_repeat, args.timeout)
        print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)
    print()

    rows = heavy_rows(heavy, loader, processes, quarter)
    rows += [
        base_row("b", floor),
        ratio_row("b", version, floor, 1.1, "≤ 1.10×", label="utvikling --version / bare script"),
        ratio_row("b", floor, bare_python, label="bare console script / python -c pass"),
    ]
    for bare, real in helps:
        rows.append(ratio_row("c", real, bare, 1.1, "≤ 1.10×", label=f"{real.label} / bare"))
    print_table(rows)
    print(
        "\nratio: median of the variant / median of its floor; per round: the lowest and highest "
        "of the same\nratio within one round; CPU ratio: the same for CPU time (user + system, "
        "workers included),\nless moved by other jobs' load. Peak RSS is the largest process "
        "(workers included)."
    )
    print(
        "floors: parsing = the same files, split the same way over the same number of "
        f"processes;\n  --version and --help: {launcher_how}, whose entry point only prints "
        "a version\n  or runs a bare Typer app with the same commands and parameters."
    )
    if changed:
        print("WARNING: check wrote into the corpus; the warm/cold figure is not cold/warm.")
    low, high = min(heavy_loads, default=0.0), max(heavy_loads, default=0.0)
    print(f"load average (1 min) at the start of each round of a, d, e: {low:.2f}–{high:.2f}")
    print(f"load average after a, d, e: {load_heavy}; after b, c: {_loads()}")
    print(f"nproc {os.cpu_count()}; whole run {time.perf_counter() - began:.0f} s")
    if args.quick:
        print(
            "--quick is a smoke run: on its small corpus start-up dominates part a; "
            "judge the targets by a full run."
        )

    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        every = [*heavy.variants(), bare_python, floor, version, *(v for p in helps for v in p)]
        document = {
            "municipalities": municipalities,
            "rounds": rounds,
            "processes": processes,
            "loader": loader,
            "files": {"all": big.files, "quarter": small.files},
            "load": {"before": load_before, "after_a": load_heavy, "rounds": heavy_loads},
            "rows": [
                {
                    "part": r.part,
                    "measurement": r.label,
                    "median": r.value,
                    "ratio": r.ratio,
                    "per_round": r.ratio_spread,
                    "cpu_ratio": r.cpu_ratio,
                    "limit": r.limit,
                    "result": r.verdict,
                    "error": r.error,
                }
                for r in rows
            ],
            "samples": {
                v.label: [[s.round, s.seconds, s.max_rss_kib, s.cpu_seconds] for s in v.samples]
                for v in every
            },
        }
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    verdicts = {r.verdict for r in rows}
    if "ERROR" in verdicts:
        return 2
    return 1 if "FAIL" in verdicts else 0


if __name__ == "__main__":
    sys.exit(main())

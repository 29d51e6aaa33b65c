"""Benchmark ``utvikling`` against baselines measured side by side, and print ratios.

The machine this runs on is small and noisy, so absolute seconds mean little. Every figure is
a ratio of medians of a variant and its baseline, measured in the same run: the variants are
interleaved (each round runs each variant once, in a rotated order), every variant is a fresh
subprocess that pays Python start-up alike, and the median of the rounds is compared.

a. ``utvikling check`` (and ``--jobs 2``; ``--jobs 1`` for information) on the corpus vs a
   subprocess that only parses every YAML file of the corpus with libyaml (``yaml.CSafeLoader``);
b. ``utvikling --version`` vs ``python -c pass``;
c. ``utvikling --help`` vs a bare Typer app with the same command names;
d. peak memory of ``utvikling check`` on N municipalities vs on N/4.

Usage: python bench/run.py [--municipalities N] [--rounds R] [--quick] [--utvikling PATH]
Exit code: 0 all targets met; 1 a target missed; 2 a measurement failed (or bad usage).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus

TODAY = "2026-11-23"
BENCH = Path(__file__).resolve().parent
DEFAULT_CORPORA = BENCH / "corpus"

BASELINE_SCRIPT = '''\
"""Parse every .yaml file under a folder with libyaml, and nothing else."""
import os
import sys

import yaml

count = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
            count += 1
print(count)
'''

DEFAULT_COMMANDS = [
    ("init", "Create a records repository with guiding comments."),
    ("check", "Check every record against the models and the KS checklist; print all findings."),
    ("rules", "List the checklist rules."),
]
"""Used when the real app's commands cannot be listed."""

LIST_COMMANDS = """\
import json
import typer.main
from utvikling.cli import app
group = typer.main.get_command(app)
commands = [[name, command.help or ""] for name, command in group.commands.items()]
print(json.dumps({"help": group.help or "", "commands": commands}))
"""


def list_commands(python: str) -> tuple[str, list[tuple[str, str]]]:
    """The real app's help text and its commands with their help, read in a subprocess."""
    done = subprocess.run(
        [python, "-c", LIST_COMMANDS], capture_output=True, text=True, check=False
    )
    try:
        data = json.loads(done.stdout)
        commands = [(str(name), str(text)) for name, text in data["commands"]]
        return str(data["help"]), commands or DEFAULT_COMMANDS
    except (ValueError, KeyError, TypeError):
        return "", DEFAULT_COMMANDS


def bare_typer_app(help_text: str, commands: Sequence[tuple[str, str]]) -> str:
    """Source of a Typer app with these commands and help texts, importing nothing else."""
    lines = [
        '"""A bare Typer app with the command names of utvikling, importing nothing else."""',
        "import typer",
        "",
        "app = typer.Typer(",
        '    name="utvikling",',
        f"    help={help_text or 'Records, checks and documents.'!r},",
        "    no_args_is_help=True,",
        "    add_completion=False,",
        '    context_settings={"help_option_names": ["-h", "--help"]},',
        ")",
    ]
    for number, (name, text) in enumerate(commands):
        lines += ["", "", f"@app.command(name={name!r}, help={text!r})"]
        lines += [f"def command_{number}() -> None:", "    pass"]
    lines += ["", "", 'if __name__ == "__main__":', "    app()", ""]
    return "\n".join(lines)


# --- running one subprocess ------------------------------------------------------------------


@dataclass
class Sample:
    """One run of one command."""

    seconds: float
    max_rss_kib: int
    """Peak resident set size of the child (the largest of it and the children it waited for)."""
    returncode: int
    stdout: bytes
    stderr: str


def run_once(argv: Sequence[str], timeout: float) -> Sample:
    """Run ``argv`` once; time it and read its peak memory from ``os.wait4``.

    Output goes to temporary files, so a command that prints a lot never blocks on a pipe.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        done = threading.Event()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)

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

    def run(self, timeout: float, *, record: bool = True) -> Sample:
        sample = run_once(self.argv, timeout)
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

    def seconds(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.samples else None

    def mib(self) -> float | None:
        if not self.samples:
            return None
        return statistics.median(s.max_rss_kib for s in self.samples) / 1024

    def spread(self) -> str:
        if not self.samples:
            return ""
        times = [s.seconds for s in self.samples]
        low, high = _secs(min(times)).removesuffix(" s"), _secs(max(times))
        return f"n={len(times)}, {low}–{high}"


def interleave(variants: Sequence[Variant], rounds: int, repeat: int, timeout: float) -> None:
    """Run each variant ``repeat`` times per round, rotating the order every time."""
    turn = 0
    for _ in range(rounds):
        for _ in range(repeat):
            shift = turn % len(variants)
            for variant in [*variants[shift:], *variants[:shift]]:
                if variant.failure is None:
                    variant.run(timeout)
            turn += 1


# --- the report --------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the result table."""

    part: str
    label: str
    value: str
    spread: str = ""
    ratio: float | None = None
    target: str = ""
    limit: float | None = None
    error: str | None = None

    @property
    def verdict(self) -> str:
        if self.error is not None:
            return "ERROR"
        if self.limit is None or self.ratio is None:
            return ""
        return "PASS" if self.ratio <= self.limit else "FAIL"


def _secs(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.2f} s"


def base_row(part: str, variant: Variant, *, memory: bool = False, label: str = "") -> Row:
    """A row with a variant's median time (or median peak memory) and no ratio."""
    value = variant.mib() if memory else variant.seconds()
    shown = "" if value is None else (f"{value:.1f} MiB" if memory else _secs(value))
    spread = "" if memory else variant.spread()
    return Row(part, label or variant.label, shown, spread, error=variant.failure)


def ratio_row(
    part: str,
    variant: Variant,
    baseline: Variant,
    limit: float | None,
    target: str,
    *,
    memory: bool = False,
    label: str = "",
) -> Row:
    """A row with the ratio of ``variant``'s median to ``baseline``'s, against a target."""
    row = base_row(part, variant, memory=memory, label=label)
    row.target, row.limit = target, limit
    mine = variant.mib() if memory else variant.seconds()
    theirs = baseline.mib() if memory else baseline.seconds()
    if mine is not None and theirs:
        row.ratio = mine / theirs
    if row.error is None and baseline.failure is not None:
        row.error = f"baseline failed: {baseline.failure}"
    return row


def print_table(rows: Sequence[Row]) -> None:
    headers = ("", "measurement", "median", "spread", "ratio", "target", "result")
    cells = [
        (
            r.part,
            r.label,
            r.value or "–",
            r.spread,
            "" if r.ratio is None else f"{r.ratio:.2f}×",
            r.target,
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in [headers, *cells]) for i in range(len(headers))]
    right = {2, 4}
    for line in [headers, *cells]:
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
        "interpreter's environment (pip install -e /work/main) or pass --utvikling PATH"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--municipalities", type=int, metavar="N")
    parser.add_argument("--years", type=int, default=corpus.DEFAULT_YEARS, metavar="Y")
    parser.add_argument("--rounds", type=int, metavar="R")
    parser.add_argument(
        "--startup-repeat",
        type=int,
        metavar="K",
        help="runs of each start-up variant per round (b, c); default 10, --quick 5",
    )
    parser.add_argument("--quick", action="store_true", help="20 municipalities, 3 rounds")
    parser.add_argument("--utvikling", type=Path, metavar="PATH")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, metavar="DIR")
    parser.add_argument("--today", default=TODAY, metavar="YYYY-MM-DD")
    parser.add_argument("--timeout", type=float, default=900.0, metavar="SECONDS")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)
    municipalities = args.municipalities or (20 if args.quick else corpus.DEFAULT_MUNICIPALITIES)
    rounds = args.rounds or (3 if args.quick else 5)
    repeat = args.startup_repeat or (5 if args.quick else 10)
    if municipalities < 4 or rounds < 1 or repeat < 1:
        parser.error("need at least 4 municipalities, 1 round and 1 start-up repeat")

    utvikling = find_utvikling(args.utvikling)
    python = interpreter_of(utvikling)
    quarter = max(1, municipalities // 4)
    big, made_big = corpus.ensure(
        args.corpora / f"n{municipalities}-y{args.years}", municipalities, args.years
    )
    small, made_small = corpus.ensure(
        args.corpora / f"n{quarter}-y{args.years}", quarter, args.years
    )

    child_version = subprocess.run(
        [python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    print("utvikling benchmark: ratios of medians, variants interleaved in one run")
    print(
        f"machine: {platform.machine()}, nproc {os.cpu_count()} "
        f"(usable {len(os.sched_getaffinity(0))}), load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, {platform.platform(terse=True)}"
    )
    print(f"python: {python} ({child_version}); runner {platform.python_version()}")
    print(f"utvikling: {utvikling}")
    for info, made in ((big, made_big), (small, made_small)):
        how = f"generated in {info.seconds:.1f} s" if made else "reused"
        print(
            f"corpus: {info.path} ({info.municipalities} municipalities x {info.years} years, "
            f"{info.files} files, {info.bytes / 2**20:.1f} MiB; {how})"
        )
    app_help, commands = list_commands(python)
    print(f"commands (copied into the bare Typer app): {', '.join(n for n, _ in commands)}")
    print(
        f"rounds: {rounds} (start-up: {rounds} x {repeat} runs per variant), --today {args.today}"
    )
    print()

    with tempfile.TemporaryDirectory(prefix="utvikling-bench-") as temp:
        baseline_script = Path(temp) / "parse_only.py"
        baseline_script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        bare_app = Path(temp) / "bare_typer_app.py"
        bare_app.write_text(bare_typer_app(app_help, commands), encoding="utf-8")
        check = [str(utvikling), "check"]
        today = ["--today", args.today]

        # a + d: the check on the whole corpus and on a quarter of it, vs parsing only.
        parse = Variant(
            f"parse only (CSafeLoader), {big.files} files",
            [python, str(baseline_script), str(big.path)],
            must_print=str(big.files),
        )
        check_all = Variant("utvikling check", [*check, str(big.path), *today], (0, 1))
        check_jobs = Variant(
            "utvikling check --jobs 2", [*check, str(big.path), "--jobs", "2", *today], (0, 1)
        )
        check_serial = Variant(
            "utvikling check --jobs 1", [*check, str(big.path), "--jobs", "1", *today], (0, 1)
        )
        check_quarter = Variant(
            f"utvikling check on N/4 = {small.municipalities} municipalities",
            [*check, str(small.path), *today],
            (0, 1),
        )
        heavy = [parse, check_all, check_jobs, check_serial, check_quarter]
        print("warming up (page cache, bytecode) ...", flush=True)
        parsed = [variant.run(args.timeout, record=False) for variant in heavy][0]
        print(f"  parse only read {parsed.stdout.decode().strip() or '?'} files")
        for info in (big, small):
            sample = run_once([*check, str(info.path), "--json", *today], args.timeout)
            print(f"  check --json on {info.municipalities} municipalities: {json_summary(sample)}")
        print(f"measuring a, d: {rounds} rounds x {len(heavy)} variants ...", flush=True)
        start = time.perf_counter()
        interleave(heavy, rounds, 1, args.timeout)
        print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)

        # b: start-up to the version.
        bare_python = Variant("python -c pass", [python, "-c", "pass"])
        version = Variant(
            "utvikling --version", [str(utvikling), "--version"], must_print="utvikling"
        )
        # c: start-up to the help text, against the framework alone.
        bare_help = Variant(
            "bare Typer app --help", [python, str(bare_app), "--help"], must_print="rules"
        )
        help_ = Variant("utvikling --help", [str(utvikling), "--help"], must_print="rules")
        light = [bare_python, version, bare_help, help_]
        for variant in light:
            variant.run(args.timeout, record=False)
        print(
            f"measuring b, c: {rounds} rounds x {repeat} runs x {len(light)} variants ...",
            flush=True,
        )
        interleave([bare_python, version], rounds, repeat, args.timeout)
        interleave([bare_help, help_], rounds, repeat, args.timeout)
    print()

    rows = [
        base_row("a", parse),
        ratio_row("a", check_all, parse, 1.2, "≤ 1.20×"),
        ratio_row("a", check_jobs, parse, 0.7, "≤ 0.70×"),
        ratio_row("a", check_serial, parse, None, "info"),
        ratio_row("a", check_quarter, check_all, None, "info: vs N"),
        base_row("b", bare_python),
        ratio_row("b", version, bare_python, 1.5, "≤ 1.50×"),
        base_row("c", bare_help),
        ratio_row("c", help_, bare_help, 1.1, "≤ 1.10×"),
        base_row("d", check_quarter, memory=True, label=f"peak RSS, check on N/4 = {quarter}"),
        ratio_row(
            "d",
            check_all,
            check_quarter,
            1.2,
            "≈ 1.0 (≤ 1.20×)",
            memory=True,
            label=f"peak RSS, check on N = {municipalities}",
        ),
        base_row("d", check_jobs, memory=True, label="peak RSS, check --jobs 2 on N (info)"),
        base_row("d", parse, memory=True, label="peak RSS, parse only on N (info)"),
    ]
    print_table(rows)
    print(
        "\nRatios are medians of the variant over medians of its baseline, measured side by "
        "side in this run;\nabsolute seconds depend on the machine and its load. Peak RSS is "
        "the largest process (workers included)."
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.quick:
        print(
            "--quick is a smoke run: on its small corpus start-up dominates part a; "
            "judge the targets by a full run."
        )

    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "municipalities": municipalities,
            "rounds": rounds,
            "files": {"all": big.files, "quarter": small.files},
            "rows": [
                {
                    "part": r.part,
                    "measurement": r.label,
                    "median": r.value,
                    "ratio": r.ratio,
                    "limit": r.limit,
                    "result": r.verdict,
                    "error": r.error,
                }
                for r in rows
            ],
            "samples": {v.label: [s.seconds for s in v.samples] for v in [*heavy, *light]},
        }
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    verdicts = {r.verdict for r in rows}
    if "ERROR" in verdicts:
        return 2
    return 1 if "FAIL" in verdicts else 0


if __name__ == "__main__":
    sys.exit(main())

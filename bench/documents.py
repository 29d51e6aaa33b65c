"""Documents benchmark: the year's set in all formats, one command against three, against the
bare converters.

The year's set is what a municipality files after a conversation: the agreement, the
preparation pack and the public agenda item, the public and the internal minutes, each as
Markdown, HTML, DOCX and PDF/A. It is made from the bundled example (Fjordvik kommune, with
the 2026 conversation only) in three ways, as fresh processes, interleaved round by round:

* **one command**: ``utvikling render --all -f html -f docx -f pdf``;
* **three commands**: ``render-agreement``, ``prepare-conversation`` and ``render-minutes``,
  each with the same formats (how the set was made before ``render`` existed);
* **bare converters**: one Python process that converts the same five Markdown documents with
  the same tools and nothing else: pandoc to standalone HTML, to DOCX and to Typst, and the
  Typst compiler to PDF/A-2b (one compiler, as ``utvikling`` does), in sequence.

Each figure is the median over the rounds; the ratios are of medians, with the spread of the
same ratio within single rounds. The load average is printed before and after: on a shared
2-core machine a load well above 2 makes every absolute figure slower; the ratios hold better.

    python bench/documents.py            # 7 rounds
    python bench/documents.py --rounds 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "fjordvik-kommune"
TODAY = "2026-11-23"
FORMATS = ["-f", "html", "-f", "docx", "-f", "pdf"]
SET = [
    "avtale-2024-03-01",
    "samtale-2026-09-15-forberedelse-intern",
    "samtale-2026-09-15-saksliste",
    "referat-2026-09-15",
    "referat-2026-09-15-intern",
]

BARE = r"""
import subprocess, sys, tempfile, pathlib, datetime as dt
import pypandoc, typst
pandoc = pypandoc.get_pandoc_path()
folder = pathlib.Path(sys.argv[1])
work = pathlib.Path(tempfile.mkdtemp())
compiler = typst.Compiler(root=str(work), ignore_system_fonts=True)
for path in sys.argv[2:]:
    source = pathlib.Path(path).read_bytes()
    for to in (["--to=html5", "--standalone"], ["--to=docx"], ["--to=typst", "--standalone"]):
        done = subprocess.run([pandoc, "--from=markdown", *to, "--output=-"], input=source,
                              capture_output=True, check=True)
    moment = dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)
    compiler.compile(input=done.stdout, pdf_standards="a-2b", timestamp=moment)
"""


BASELINE: list[str] = []
"""``--baseline PYTHON``: a Python with another version of utvikling (main, say) installed,
whose three commands are measured as well."""


def _utvikling(python: str | None = None) -> list[str]:
    return [python or sys.executable, "-m", "utvikling"]


def _fresh(base: Path) -> Path:
    root = base / f"repo-{time.monotonic_ns()}"
    shutil.copytree(EXAMPLE, root)
    shutil.rmtree(root / "conversations" / "2025-09-16")
    return root


def _run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return elapsed


def one_command(base: Path) -> float:
    root = _fresh(base)
    seconds = _run([*_utvikling(), "render", "--all", "--today", TODAY, *FORMATS], root)
    _check(root)
    return seconds


def three_commands(base: Path, python: str | None = None) -> float:
    root = _fresh(base)
    total = 0.0
    first = ["render-agreement"]
    if python is not None:
        first = ["new-agreement", "--no-input", "--start-date", "2027-01-01"]
    for command in (
        first,
        ["prepare-conversation", "2026-09-15"],
        ["render-minutes", "2026-09-15", "--draft"],
    ):
        total += _run([*_utvikling(python), *command, "--today", TODAY, *FORMATS], root)
    if python is None:
        _check(root)
    return total


def bare_converters(base: Path, sources: list[Path]) -> float:
    script = base / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    return _run([sys.executable, str(script), str(base), *map(str, sources)], base)


def _check(root: Path) -> None:
    out = root / "dokumenter"
    for stem in SET:
        for fmt in ("md", "html", "docx", "pdf"):
            if not (out / f"{stem}.{fmt}").is_file():
                raise SystemExit(f"{stem}.{fmt} was not made")


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} {five:.1f} {fifteen:.1f} ({os.cpu_count()} cores)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--baseline",
        metavar="PYTHON",
        help="a Python with an earlier utvikling installed: its three commands are measured too "
        "(an earlier version has no render-agreement; new-agreement makes its agreement draft)",
    )
    args = parser.parse_args()
    print(f"load before: {_load()}")
    times: dict[str, list[float]] = {"one": [], "three": [], "bare": []}
    if args.baseline:
        times["before"] = []
    with tempfile.TemporaryDirectory(prefix="utvikling-bench-docs-") as folder:
        base = Path(folder)
        warm = _fresh(base)
        _run([*_utvikling(), "render", "--all", "--today", TODAY, *FORMATS], warm)
        sources = [warm / "dokumenter" / f"{stem}.md" for stem in SET]
        order = list(times)
        for number in range(args.rounds):
            shift = number % len(order)
            for name in order[shift:] + order[:shift]:
                if name == "before":
                    times[name].append(three_commands(base, args.baseline))
                elif name == "one":
                    times[name].append(one_command(base))
                elif name == "three":
                    times[name].append(three_commands(base))
                else:
                    times[name].append(bare_converters(base, sources))
    median = {name: statistics.median(values) for name, values in times.items()}

    def spread(a: str, b: str) -> str:
        ratios = [x / y for x, y in zip(times[a], times[b], strict=True)]
        return f"per round {min(ratios):.2f}–{max(ratios):.2f}"

    print(f"the year's set: {len(SET)} documents × md, html, docx, pdf; {args.rounds} rounds")
    print(f"  one command (render --all)   {median['one']:6.2f} s")
    print(f"  three commands               {median['three']:6.2f} s")
    print(f"  bare converters              {median['bare']:6.2f} s")
    if "before" in median:
        print(f"  three commands, baseline     {median['before']:6.2f} s")
    others = [("three", "three commands"), ("bare", "bare converters")]
    if "before" in median:
        others.append(("before", "baseline"))
    for other, label in others:
        ratio = median["one"] / median[other]
        print(f"  one / {label:<16} {ratio:.2f}  ({spread('one', other)})")
    print(f"load after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

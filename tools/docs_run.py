"""Run the commands the documentation shows, and compare what they print with what it shows.

Every page in ``PAGES`` is read with markdown-it (the Markdown parser the project already has
through rich). Its command blocks are run in page order, in one fresh copy of the project per
page, as a reader would run them in one terminal:

* a ```` ```sh ```` block is a script; the fence right after it, if it is a plain ```` ``` ````
  or ```` ```text ```` block, is what the script prints (standard output and error together);
* a ```` ```console ```` block holds ``$ command`` lines, each followed by what it prints.

A ``cd`` carries over to the next block of the page (and ``cd -`` goes back); shell variables
do not. Commands start in
the folder the page names once, in a ``<!-- docs: start=FOLDER -->`` line (the top of the
project when it names none), and the page says so in words too.

Directives are HTML comments right before a block (invisible when the page is shown):

* ``<!-- docs: exit=N -->``: the block ends with exit code N (else 0 is required);
* ``<!-- docs: instead=COMMAND -->``: the block must not run in tests (a long benchmark, an
  installation); COMMAND (a smaller input) runs in its place and its output is not compared.
  The page must also say so where a reader sees it.
* ``<!-- docs: skip -->``: the block is not a command to run (a template with placeholders);
  the page must say why in words.

Shown output is compared after the same rules are applied to both sides: the commit hashes
git makes, timings, the folder the copy lives in and today's date (the page's
``<!-- docs: made=YYYY-MM-DD -->`` date on the page's side) are replaced by placeholders. A line
``…`` in shown output stands for any number of lines left out, and a line ending in ``…`` for
any line that starts with what comes before it.

``python tools/docs_run.py --update [PAGE…]`` runs the pages and writes what the commands print
into their output blocks (keeping a block that still matches, with its ``…``), and the date.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "README.md",
    *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")),
    *sorted(f"examples/{p.parent.name}/README.md" for p in (ROOT / "examples").glob("*/README.md")),
    "bench/README.md",
]
TIMEOUT = 300
MONTHS = [
    *("januar", "februar", "mars", "april", "mai", "juni", "juli", "august"),
    *("september", "oktober", "november", "desember"),
]
DIRECTIVE = re.compile(r"<!--\s*docs:\s*(?P<body>.*?)\s*-->", re.S)


@dataclasses.dataclass
class Block:
    """One command block of a page: a script, what the page shows it prints, and its place."""

    script: str
    shown: str | None  # None: the page shows no output for it
    line: int  # 1-based line of the fence in the page
    output_span: tuple[int, int] | None  # lines (0-based, end exclusive) of the shown output
    exit: int = 0
    instead: str | None = None


@dataclasses.dataclass
class Page:
    """A page: where its commands start, the day its outputs were made, its blocks."""

    path: Path
    start: str
    made: dt.date | None
    blocks: list[Block]


def _directives(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in DIRECTIVE.finditer(text):
        body, _, instead = match["body"].partition("instead=")
        if instead:
            found["instead"] = instead.strip()  # a command: the rest of the comment
        for part in body.split():
            key, _, value = part.partition("=")
            found[key] = value
    return found


def parse(path: Path) -> Page:
    """The command blocks of a page, with what it shows each prints."""
    from markdown_it import MarkdownIt

    text = path.read_text(encoding="utf-8")
    tokens = [t for t in MarkdownIt("commonmark").parse(text) if t.map is not None]
    page_level = _directives(text)  # start= and made= are the page's, wherever they stand
    start = page_level.get("start", ".")
    made = dt.date.fromisoformat(page_level["made"]) if "made" in page_level else None
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.type != "fence" or token.info.strip() not in ("sh", "console"):
            continue
        previous = tokens[index - 1] if index else None
        options = (
            _directives(previous.content)
            if previous is not None and previous.type == "html_block"
            else {}
        )
        if "skip" in options:
            continue
        assert token.map is not None
        line = token.map[0] + 1
        common: dict[str, Any] = {
            "line": line,
            "exit": int(options.get("exit", "0")),
            "instead": options.get("instead"),
        }
        if token.info.strip() == "console":
            blocks.extend(_console(token.content, token.map[0] + 1, common))
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        shown = span = None
        if (
            following is not None
            and following.type == "fence"
            and following.info.strip() in ("", "text")
            and following.map is not None
            and following.map[0] == token.map[1] + 1
        ):
            shown = following.content
            span = (following.map[0] + 1, following.map[1] - 1)
        blocks.append(Block(token.content, shown, output_span=span, **common))
    return Page(path, start, made, blocks)


def _console(content: str, first: int, common: dict[str, Any]) -> Iterator[Block]:
    """Split a console block into its ``$ command`` lines, each with the lines it prints."""
    lines = content.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        shown = "".join(lines[i + 1 : end])
        block = Block(
            lines[i][2:],
            shown,
            output_span=(first + i + 1, first + end),
            **common,
        )
        if n + 1 < len(starts):
            block.exit = 0  # an expected exit code is the last command's
        yield block


def fresh_copy(where: Path) -> Path:
    """The project as git would check it out, as a git repository of its own.

    Tracked and new files, not ignored ones; one commit, so that pages may use git on it.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    copy = where / "utvikling"
    for name in filter(None, listed):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            target = copy / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    env = environment(where)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run(["git", *command], cwd=copy, env=env, check=True)
    return copy


def environment(where: Path) -> dict[str, str]:
    """A reader's terminal, made the same on every machine.

    This Python first on PATH (with the installed ``utvikling``), a home of its own, a git
    identity, UTF-8, 120 columns, no colour.
    """
    home = where / "home"
    home.mkdir(exist_ok=True)
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Dokumentasjonen\n\temail = docs@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    keep = {k: v for k, v in os.environ.items() if k in ("SYSTEMROOT", "TMPDIR", "TZ")}
    return {
        **keep,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "COLUMNS": "120",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


@dataclasses.dataclass
class Outcome:
    """What running a block did: its exit code and what it printed."""

    block: Block
    code: int
    output: str


def run(page: Page, copy: Path, env: dict[str, str]) -> Iterator[Outcome]:
    """Run the page's blocks in order in ``copy``, each in bash, carrying ``cd`` over."""
    cwd = (copy / page.start).resolve()
    previous = cwd
    state = copy.parent / "cwd"
    for block in page.blocks:
        script = block.instead if block.instead is not None else block.script
        wrapped = (
            f'trap \'printf "%s\\n%s\\n" "$PWD" "$OLDPWD" > {_quote(state)}\' EXIT\n'
            f"set -e -o pipefail\n{script}\n"
        )
        done = subprocess.run(
            ["bash", "-c", wrapped],
            cwd=cwd,
            env={**env, "OLDPWD": str(previous)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if state.exists():  # where the block left the terminal, and where `cd -` goes
            now, _, before = state.read_text(encoding="utf-8").partition("\n")
            cwd, previous = Path(now), Path(before.strip() or now)
        yield Outcome(block, done.returncode, done.stdout)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "'\\''") + "'"


def _day_forms(day: dt.date) -> tuple[str, str]:
    """A day as the commands write it: ISO (2026-12-01) and in words (1. desember 2026)."""
    return day.isoformat(), f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def normalise(text: str, copy: Path, today: dt.date | None) -> list[str]:
    """The rules both sides go through before they are compared."""
    text = text.replace(str(copy.parent), "<tmp>")
    if today is not None:
        for form in _day_forms(today):
            text = text.replace(form, "<i dag>")
    text = re.sub(r"\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b", "<commit>", text)
    text = re.sub(r"\b\d+(?:[.,]\d+)?\s?(?:ms|s|sek|sekunder|min)\b", "<tid>", text)
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether the shown lines are the actual ones (``…`` lines leave out any number)."""
    if not shown:
        return not actual
    head, rest = shown[0], shown[1:]
    if head == "…":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    ok = actual[0].startswith(head[:-1].rstrip()) if head.endswith("…") else actual[0] == head
    return ok and matches(rest, actual[1:])


def problems(page: Page, outcomes: list[Outcome], copy: Path) -> list[str]:
    """What differs between the page and what its commands did, one message per block."""
    found = []
    today = dt.date.today()
    for outcome in outcomes:
        block = outcome.block
        shown_path = page.path.relative_to(ROOT) if page.path.is_relative_to(ROOT) else page.path
        where = f"{shown_path}:{block.line}"
        if outcome.code != block.exit:
            found.append(
                f"{where}: exit code {outcome.code}, the page expects {block.exit}\n"
                f"$ {(block.instead or block.script).strip()}\n{outcome.output}"
            )
            continue
        if block.shown is None or block.instead is not None:
            continue
        shown = normalise(block.shown, copy, page.made)
        actual = normalise(outcome.output, copy, today)
        if not matches(shown, actual):
            found.append(
                f"{where}: the output differs from what the page shows\n"
                f"$ {block.script.strip()}\n--- shown\n"
                + "\n".join(shown)
                + "\n--- printed\n"
                + "\n".join(actual)
            )
    return found


def check_page(relative: str, where: Path) -> tuple[Page, list[Outcome], list[str]]:
    """Run one page (a path from the project's top) in a fresh copy below ``where``."""
    page = parse(ROOT / relative)
    copy = fresh_copy(where)
    outcomes = list(run(page, copy, environment(where)))
    return page, outcomes, problems(page, outcomes, copy)


def update(relative: str) -> bool:
    """Rewrite the page's output blocks with what the commands print; True if it changed."""
    with tempfile.TemporaryDirectory() as tmp:
        page, outcomes, _ = check_page(relative, Path(tmp))
        copy = Path(tmp) / "utvikling"
        lines = page.path.read_text(encoding="utf-8").splitlines(keepends=True)
        today = dt.date.today()
        for outcome in reversed(outcomes):
            block = outcome.block
            if block.output_span is None or block.instead is not None or block.shown is None:
                continue
            begin, end = block.output_span
            shown = normalise(block.shown, copy, page.made)
            if matches(shown, normalise(outcome.output, copy, today)):
                # Kept (with its «…»), but the page's day becomes today's: so do its dates.
                kept = "".join(lines[begin:end])
                if page.made is not None and page.made != today:
                    for before, after in zip(_day_forms(page.made), _day_forms(today), strict=True):
                        kept = kept.replace(before, after)
                lines[begin:end] = kept.splitlines(keepends=True)
                continue
            printed = outcome.output.replace(str(copy.parent), "/tmp")
            new = [line.rstrip() + "\n" for line in printed.rstrip("\n").splitlines()]
            lines[begin:end] = new
        text = "".join(lines)
        text = re.sub(r"(<!--\s*docs:[^>]*?\bmade=)\d{4}-\d{2}-\d{2}", rf"\g<1>{today}", text)
        changed = text != page.path.read_text(encoding="utf-8")
        if changed:
            page.path.write_text(text, encoding="utf-8")
        return changed


def main() -> int:
    """Check the pages (or update them); exit code 1 when a page does not run as written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--update", action="store_true", help="Write what commands print.")
    args = parser.parse_args()
    failed = 0
    for relative in args.pages:
        if args.update:
            print(f"{relative}: {'updated' if update(relative) else 'unchanged'}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            _, _, found = check_page(relative, Path(tmp))
        for message in found:
            print(message, end="\n\n")
        failed += bool(found)
        print(f"{relative}: {'ok' if not found else f'{len(found)} problem(s)'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

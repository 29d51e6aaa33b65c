"""Printing shared by the commands: errors and findings, to the right stream."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:
    from utvikling.actions.documents import DocumentOptions
    from utvikling.errors import UtviklingError
    from utvikling.findings import Finding

FormatOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        metavar="md|html|docx|pdf",
        help="Also write these formats (repeatable; PDF is PDF/A-2b). Markdown is always written.",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def print_error(error: UtviklingError) -> None:
    """Print a library error as ``place: message`` with the hint below, on stderr.

    An error that carries findings (an answers file with several problems) prints them all.
    """
    found = getattr(error, "findings", None)
    if found:
        lang = getattr(error, "lang", "nb")
        for finding in found:
            typer.echo(finding.format(lang), err=True)
        if found[0].message == error.message:
            return
    place = error.location()
    typer.echo(f"{place}: {error.message}" if place else error.message, err=True)
    if error.hint:
        typer.echo(f"    {error.hint}", err=True)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the library's errors into a message and the documented exit code, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from utvikling.errors import UtviklingError
        from utvikling.files import set_wait_notice

        set_wait_notice(lambda message: typer.echo(message, err=True))
        try:
            return command(*args, **kwargs)
        except UtviklingError as error:
            print_error(error)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def count(key: str, n: int, lang: str) -> str:
    """A number with its noun, singular or plural: «1 advarsel», «2 advarsler»."""
    from utvikling import texts

    forms = texts.data_file("cli.yaml")["counts"][key]
    one, many = forms.get(lang) or forms["nb"]
    return texts.fill(one if n == 1 else many, {"n": n})


def summary(counts: dict[str, int], files: int, lang: str) -> str:
    """The last line of ``check``: what was shown, counted, and in how many files."""
    from utvikling import texts

    table = texts.data_file("cli.yaml")["counts"]
    parts = [count(key, n, lang) for key, n in counts.items() if n]
    in_files = count("file", files, lang)
    if not parts:
        return texts.fill(texts.localized(table["clean"], lang), {"files": in_files})
    found = ", ".join(parts[:-1]) + f" {texts.localized(table['and'], lang)} " + parts[-1]
    found = found if len(parts) > 1 else parts[0]
    return texts.fill(texts.localized(table["summary"], lang), {"found": found, "files": in_files})


def repository(path: Path) -> Path:
    """The records repository a command works on, found the way git finds its folder.

    ``path`` when it holds ``utvikling.yaml``; else the nearest folder above it that does (as a
    path relative to the working folder); else ``path`` itself, so the error names it.
    """
    import os

    from utvikling.cli._norsk import find_settings

    if (path / "utvikling.yaml").is_file():
        return path
    found = find_settings(path)
    return Path(os.path.relpath(found.parent)) if found is not None else path


def words(key: str, lang: str, **params: Any) -> str:
    """Return one of the ``done.*`` or ``prompt.*`` texts, filled in."""
    from utvikling import texts

    section, _, name = key.partition(".")
    return texts.fill(
        texts.localized(texts.data_file("messages.yaml")[section][name], lang), params
    )


@contextlib.contextmanager
def progress(label: str) -> Iterator[tuple[Callable[[int], None], Callable[[], None]]]:
    """A progress bar on stderr while many repositories are checked; nothing when not a terminal.

    Yields ``(on_total, advance)``: tell it how many repositories there are (it may be told
    more than once, for several folders), and advance it by one as each is done. A single
    repository shows no bar.
    """
    import sys

    if not sys.stderr.isatty():
        yield (lambda _: None), (lambda: None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        f"[bold]{label}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=sys.stdout.isatty(),  # piped output must not go to the terminal
    )
    task = bar.add_task(label, total=0, visible=False)
    totals = [0]

    def on_total(count: int) -> None:
        totals[0] += count
        bar.update(task, total=totals[0], visible=totals[0] > 1)

    with bar:
        yield on_total, lambda: bar.advance(task)


def parse_date(value: str | None, option: str = "--today") -> dt.date | None:
    """Read a ``YYYY-MM-DD`` option value (a usage error in Norwegian if it is not one)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from utvikling.cli._norsk import bad_parameter, word

        error = bad_parameter(word("date"))
        error.param_hint = option
        raise error from None


def document_options(
    today: str | None,
    output: Path | None,
    force: bool,
    templates: Path | None,
    formats: list[str] | None,
) -> DocumentOptions:
    """Gather the options every document command has."""
    from utvikling.actions.documents import DocumentOptions, formats_of

    return DocumentOptions(
        day=parse_date(today) or dt.date.today(),
        output=output,
        force=force,
        templates=templates,
        formats=formats_of(formats),
    )


def shown(path: Path) -> str:
    """A path as the user sees it: relative to the working folder when it is below it."""
    from utvikling.files import display_path

    return display_path(path.resolve(), Path.cwd())


def report_files(files: list[Any], lang: str) -> None:
    """Name the files written besides the Markdown."""
    for path in files:
        if path.suffix != ".md":
            typer.echo(words("done.written", lang, path=shown(path)))


def report_recorded(recorded: Any, lang: str) -> None:
    """Say what became of a change in git: the commit (and tag), or why there is none."""
    for line in recorded.lines(lang):
        typer.echo(line)


def print_findings(findings: list[Finding], lang: str, *, info: bool = False) -> None:
    """Print findings (without the info ones unless ``info``); exit 1 when any is an error."""
    for finding in findings:
        if finding.severity != "info" or info:
            typer.echo(finding.format(lang))
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


PathOption = Annotated[Path, typer.Option(help="The records repository. Default: here.")]
RepositoryOption = Annotated[
    Path | None, typer.Option("--path", help="The records repository. Default: here.")
]
"""``--path`` for a command that also takes the repository as its argument (the old spelling)."""
OutputOption = Annotated[
    Path | None,
    typer.Option(help="Folder for the documents. Default: dokumenter/ in the repository."),
]
TemplatesOption = Annotated[
    Path | None, typer.Option(help="A folder of your own templates, searched first.")
]
ForceOption = Annotated[
    bool, typer.Option(help="Replace documents even if they were edited by hand.")
]
DayOption = Annotated[
    str | None, typer.Option(metavar="YYYY-MM-DD", help="Date the documents as of this day.")
]
"""``--today`` of a command that makes documents (its help in ``data/cli.yaml``)."""
NoInputOption = Annotated[
    bool, typer.Option("--no-input", help="Never ask (this command asks nothing).")
]
NoCommitOption = Annotated[
    bool,
    typer.Option("--no-commit", help="Change the records without committing the change to git."),
]
